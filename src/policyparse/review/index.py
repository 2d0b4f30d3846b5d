"""The review pages of a batch: one page per document and an index of them all.

:class:`BatchReport` is fed the documents of a batch in input order (as the
feed's JSON) together with their text, and the failures; ``finish`` writes
``index.html`` with per-document counts and the failures. Each file is written
to a temporary name and renamed, so no page is ever half-written.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from .. import __version__
from ..schema import PolicyDocument
from ..types import SourceText
from ._html import FONT_STACK, asset, attrs, escape, page
from .document import KINDS, render_report, summary_counts

__all__ = ["INDEX_NAME", "BatchReport", "render_index"]

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


def _page_name(doc_id: str, taken: set[str]) -> str:
    stem = "".join(ch if ch.isalnum() or ch in _SAFE_NAME_CHARS else "_" for ch in doc_id)
    stem = stem.strip(".") or "document"
    name, n = f"{stem}.html", 1
    while name.lower() in taken or name == INDEX_NAME:
        n += 1
        name = f"{stem}~{n}.html"
    taken.add(name.lower())
    return name


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
        source_of: The decoded input of a path (its text is what spans index).
        indicator_names: Indicator id → name, shown on the pages.
    """

    def __init__(
        self,
        folder: Path,
        *,
        source_of: Callable[[str], SourceText],
        indicator_names: Mapping[str, str] | None = None,
    ) -> None:
        self.folder = folder
        self._source_of = source_of
        self._names = dict(indicator_names or {})
        self._taken: set[str] = set()
        self.rows: list[IndexRow] = []
        self.index = folder / INDEX_NAME
        folder.mkdir(parents=True, exist_ok=True)

    def add_document(self, path: str, document_json: bytes | str) -> None:
        """Write the page of one parsed document; a page that fails is listed, not raised."""
        document = PolicyDocument.model_validate_json(document_json)
        meta = document.document
        try:
            source = self._source_of(path)
            if source.sha256 != meta.sha256:
                raise ValueError("the file changed after it was parsed")
            html = render_report(source.text, document, indicator_names=self._names)
        except Exception as e:  # the batch's output is written; one page must not stop the rest
            self.add_failure(path, f"page not written: {e}")
            return
        name = _page_name(meta.id, self._taken)
        _write(self.folder / name, html)
        self.rows.append(
            IndexRow(
                source=path,
                page=name,
                title=meta.title or meta.notice_title,
                jurisdiction=_place(document),
                year=meta.year,
                counts=summary_counts(document),
            )
        )

    def add_failure(self, path: str, reason: str) -> None:
        self.rows.append(IndexRow(source=path, failure=reason))

    def finish(self) -> Path:
        """Write ``index.html``; returns its path."""
        _write(self.index, render_index(self.rows))
        return self.index


def render_index(rows: list[IndexRow]) -> str:
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
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in heads)
    body = (
        '<header class="doc-head"><p class="kicker">policyparse review</p>'
        f'<h1>Batch review</h1><p id="summary">{escape(summary)}</p></header>'
        '<main class="index"><div class="table-wrap"><table class="list" id="documents">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body_rows)}</tbody></table></div></main>"
        f"<footer>policyparse {escape(__version__)}</footer>"
    )
    style = asset("review.css").replace("FONT_STACK", FONT_STACK)
    return page(title="Batch review · policyparse", body=body, styles=[style])
