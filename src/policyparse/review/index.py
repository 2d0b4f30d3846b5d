"""The review pages of a batch: one page per document and an index of them all.

:class:`BatchReport` is fed each input of a batch by its position, in any order:
a document (the feed's JSON, with its page when a worker rendered it) or a
failure; ``finish`` writes ``index.html`` with per-document counts and the
failures, in input order. Page names follow from the inputs alone, so a resumed
run names them as an uninterrupted one. Each file is written to a temporary name
and renamed, so no page is ever half-written.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from .. import __version__
from ..schema import PolicyDocument
from ..types import SourceText
from ._html import FONT_STACK, asset, attrs, escape, page
from .document import KINDS, render_report, summary_counts

__all__ = ["INDEX_NAME", "BatchReport", "IndexRow", "page_names", "render_index"]

INDEX_NAME = "index.html"
# a file name keeps letters, digits, CJK and a few marks; anything else becomes _
_SAFE_NAME_CHARS = frozenset("-_.~")


@dataclass(frozen=True)
class IndexRow:
    """One input of the batch: its page and counts, or why it has none."""

    source: str
    page: str | None = None
    title: str | None = None
    jurisdiction: str | None = None
    year: int | None = None
    counts: Mapping[str, int] | None = None
    failure: str | None = None


def page_names(paths: Sequence[str]) -> list[str]:
    """A page name per input: its file stem (the document id), ``~2`` … when repeated
    (compared without case, for file systems that ignore it; the index's name is taken)."""
    taken: set[str] = {INDEX_NAME}
    names = []
    for path in paths:
        doc_id = "stdin" if path == "-" else Path(path).stem
        stem = "".join(ch if ch.isalnum() or ch in _SAFE_NAME_CHARS else "_" for ch in doc_id)
        stem = stem.strip(".") or "document"
        name, n = f"{stem}.html", 1
        while name.lower() in taken:
            n += 1
            name = f"{stem}~{n}.html"
        taken.add(name.lower())
        names.append(name)
    return names


def _write(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(text.encode("utf-8"))  # as is: no newline translation
    os.replace(tmp, path)


def _place(document: PolicyDocument) -> str | None:
    place = document.document.jurisdiction
    return place.county or place.city or place.province or place.level


class BatchReport:
    """Writes a page per document into ``folder`` and, at the end, the index.

    Args:
        folder: Where the pages go (created if missing).
        paths: The batch's inputs, in order.
        source_of: The decoded input of a path (its text is what spans index), for
            a page not rendered yet.
        indicator_names: Indicator id → name, shown on the pages.
    """

    def __init__(
        self,
        folder: Path,
        paths: Sequence[str],
        *,
        source_of: Callable[[str], SourceText],
        indicator_names: Mapping[str, str] | None = None,
    ) -> None:
        self.folder = folder
        self.paths = list(paths)
        self.index = folder / INDEX_NAME
        self._names = page_names(self.paths)
        self._source_of = source_of
        self._indicator_names = dict(indicator_names or {})
        self._rows: dict[int, IndexRow] = {}
        folder.mkdir(parents=True, exist_ok=True)

    def has(self, index: int) -> bool:
        """Whether input ``index`` has been given (as a document or a failure)."""
        return index in self._rows

    def add_document(
        self, index: int, document_json: bytes | str, *, page: str | None = None
    ) -> None:
        """Write the page of input ``index``, rendering it unless ``page`` is given.

        A page that cannot be made is listed in the index as failed, not raised.
        """
        path = self.paths[index]
        document = PolicyDocument.model_validate_json(document_json)
        meta = document.document
        try:
            html = page if page is not None else self._render(path, document)
        except Exception as e:  # the batch's output is written; one page must not stop the rest
            self.add_failure(index, f"page not written: {e}")
            return
        _write(self.folder / self._names[index], html)
        self._rows[index] = IndexRow(
            source=path,
            page=self._names[index],
            title=meta.title or meta.notice_title,
            jurisdiction=_place(document),
            year=meta.year,
            counts=summary_counts(document),
        )

    def _render(self, path: str, document: PolicyDocument) -> str:
        source = self._source_of(path)
        if source.sha256 != document.document.sha256:
            raise ValueError("the file changed after it was parsed")
        return render_report(
            source.text, document, indicator_names=self._indicator_names, index_href=INDEX_NAME
        )

    def add_failure(self, index: int, reason: str) -> None:
        self._rows[index] = IndexRow(source=self.paths[index], failure=reason)

    @property
    def rows(self) -> list[IndexRow]:
        """The inputs given so far, in input order."""
        return [self._rows[i] for i in sorted(self._rows)]

    def finish(self) -> Path:
        """Write ``index.html``; returns its path."""
        _write(self.index, render_index(self.rows))
        return self.index


def render_index(rows: Sequence[IndexRow]) -> str:
    """The index page: one row per input, linking to its page, with its counts."""
    heads = ["#", "document", "title", "place", "year", "commitments", *KINDS]
    heads += ["excluded", "unparsed"]
    body_rows = []
    for n, row in enumerate(rows, 1):
        cells = [f"<td>{n}</td>"]
        if row.page is None:
            cells.append(f"<td>{escape(row.source)}</td>")
            cells.append(
                f'<td class="failed" colspan="{len(heads) - 2}">failed: {escape(row.failure)}</td>'
            )
        else:
            counts = row.counts or {}
            cells.append(f"<td><a{attrs({'href': row.page})}>{escape(row.source)}</a></td>")
            cells += [
                f"<td>{escape(v or '')}</td>" for v in (row.title, row.jurisdiction, row.year)
            ]
            cells += [
                f"<td>{counts.get(key, 0)}</td>"
                for key in ("commitments", *KINDS, "excluded", "unparsed")
            ]
        status = "failed" if row.page is None else "ok"
        body_rows.append(f'<tr data-status="{status}">{"".join(cells)}</tr>')
    failed = sum(1 for row in rows if row.page is None)
    total = sum((row.counts or {}).get("commitments", 0) for row in rows)
    summary = f"{len(rows) - failed} documents, {total} commitments" + (
        f", {failed} failed" if failed else ""
    )
    head = "".join(
        f'<th scope="col"><button type="button">{escape(h)}</button></th>' for h in heads
    )
    toggle = (
        '<label class="filters"><input type="checkbox" id="failed-only"> failed only</label>'
        if failed
        else ""
    )
    body = (
        '<header class="doc-head"><p class="kicker">policyparse review</p>'
        f'<h1>Batch review</h1><p id="summary">{escape(summary)}</p>{toggle}</header>'
        '<main class="index"><div class="table-wrap"><table class="list" id="documents">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body_rows)}</tbody></table></div></main>"
        f"<footer>policyparse {escape(__version__)}</footer>"
    )
    style = asset("review.css").replace("FONT_STACK", FONT_STACK)
    return page(
        title="Batch review · policyparse", body=body, styles=[style], scripts=[asset("index.js")]
    )
