"""The review page of one document: its text with every commitment in place.

``render_report(text, document)`` lays the document's commitments, owners,
deadlines and skipped numbers over the original text (every span indexes it),
with the outline for navigation, a sortable and filterable table of the
commitments, a table of the skipped numbers, and the metadata at the top.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from .. import __version__
from ..schema import Commitment, DocumentMeta, PolicyDocument, SectionRecord, SkippedNumber
from ._html import FONT_STACK, Mark, asset, attrs, escape, json_script, mark_text, page

__all__ = ["KINDS", "OWNER_SOURCES", "amount", "render_report", "summary_counts"]

KINDS = ("target", "change", "standard", "frequency", "deadline")
KIND_HELP = {
    "target": "a level to reach or keep (覆盖率达到80%)",
    "change": "a change by an amount (提高5个百分点, 新增50所)",
    "standard": "a standard or limit (不低于…, 每生每年…元)",
    "frequency": "something done every period (每3年…, 每学期…)",
    "deadline": "a dated action with no quantity (2020年底前完成…)",
}
OWNER_SOURCES = {
    "responsible_units": "the item's responsible-unit list (责任单位/牵头单位)",
    "subject": "the body that opens the clause",
    "share": "the bodies a share counts (N%的…达到)",
}
COMPARATOR_SIGNS = {">=": "≥", "<=": "≤", "=": "=", "between": ""}
UNPARSED = "unparsed"
# how much of a section's text names it in the outline when it has no heading
OUTLINE_LABEL_CHARS = 24


class SpanMismatchError(ValueError):
    """The document object's spans do not index the text given with it."""


def amount(c: Commitment) -> str:
    """``≥ 80%``, ``2–3项``, ``≥ xx%`` (a template placeholder), or ``—`` for no amount."""
    unit = c.unit or ""
    sign = COMPARATOR_SIGNS.get(c.comparator or "", "")
    if c.value is None:
        return f"{sign} xx{unit}".strip() if c.placeholder else "—"
    if c.comparator == "between" and c.value_max is not None:
        return f"{_number(c.value)}–{_number(c.value_max)}{unit}"
    return f"{sign} {_number(c.value)}{unit}".strip()


def _number(value: float) -> str:
    """``80``, ``16.4``, ``1639999999.99``: whole numbers without ``.0``, others in full."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _deadline(c: Commitment) -> str:
    if c.deadline is None:
        return "—"
    return f"{c.deadline}-{c.deadline_month:02d}" if c.deadline_month else str(c.deadline)


def summary_counts(document: PolicyDocument) -> dict[str, int]:
    """Commitments by kind, and skipped numbers excluded by a rule or left unparsed."""
    kinds: Counter[str] = Counter(c.kind for c in document.commitments)
    unparsed = sum(1 for s in document.skipped if s.reason == UNPARSED)
    return {
        "commitments": len(document.commitments),
        **{kind: kinds.get(kind, 0) for kind in KINDS},
        "excluded": len(document.skipped) - unparsed,
        "unparsed": unparsed,
    }


def _title_of(c: Commitment) -> str:
    """The hover text of a highlight: the fields a reader checks first."""
    parts = [c.kind, amount(c)]
    if c.deadline is not None:
        parts.append(f"by {_deadline(c)}")
    if c.frequency:
        parts.append(c.frequency)
    if c.owner:
        parts.append(f"owner {c.owner}")
    if c.indicator:
        parts.append(c.indicator)
    return " · ".join(p for p in parts if p and p != "—")


def _check_spans(text: str, document: PolicyDocument) -> None:
    for c in document.commitments:
        if text[c.span[0] : c.span[1]] != c.quote:
            raise SpanMismatchError(
                f"commitment {c.id} quotes {c.quote!r} at {list(c.span)}, "
                "but the text given has something else there"
            )


def _marks(document: PolicyDocument) -> list[Mark]:
    marks: list[Mark] = []
    # where each metadata value was read, linked from the header
    for field, evidence in document.document.evidence.items():
        for i, item in enumerate(evidence):
            title = f"metadata: {field}"
            marks.append(Mark(*item.span, classes=("ev",), anchor=f"m-{field}-{i}", title=title))
    for section in document.sections:
        marks.append(Mark(section.marker_span[0], section.marker_span[0], anchor=f"s-{section.id}"))
        if section.heading_span:
            marks.append(Mark(*section.heading_span, classes=("hd",)))
    owners: set[tuple[int, int]] = set()
    deadlines: set[tuple[int, int]] = set()
    for c in document.commitments:
        classes = ["hl", f"k-{c.kind}"]
        if c.placeholder:
            classes.append("ph")
        if c.modality == "aspirational":
            classes.append("asp")
        marks.append(
            Mark(
                *c.span,
                classes=tuple(classes),
                anchor=f"c-{c.id}",
                ref=c.id,
                title=_title_of(c),
                weight=c.span[1] - c.span[0],
            )
        )
        # an owner or a deadline shared by several commitments is marked once
        for span, css, prefix, title, seen in (
            (c.owner_span, "own", "o", f"owner: {c.owner}", owners),
            (c.deadline_span, "ddl", "d", f"deadline: {_deadline(c)}", deadlines),
        ):
            if span and span not in seen:
                seen.add(span)
                anchor = f"{prefix}-{span[0]}-{span[1]}"
                marks.append(Mark(*span, classes=(css,), anchor=anchor, title=title))
    for i, skipped in enumerate(document.skipped):
        unparsed = skipped.reason == UNPARSED
        marks.append(
            Mark(
                *skipped.span,
                classes=(UNPARSED if unparsed else "skip",),
                anchor=f"k-{i}",
                title=(
                    "unparsed: no rule read this number"
                    if unparsed
                    else f"excluded by rule {skipped.reason}"
                ),
            )
        )
    return marks


# --------------------------------------------------------------------- header


def _meta_rows(document: PolicyDocument) -> list[tuple[str, str, str | None]]:
    """(label, value, the evidence field it was read from) of the header's metadata."""
    meta = document.document
    place = meta.jurisdiction
    where = "、".join(p for p in (place.province, place.city, place.county) if p)
    if place.placeholder:
        where = f"{where} (template placeholder)".strip()
    if place.level:
        where = f"{where} · {place.level}" if where else place.level
    rows: list[tuple[str, str, str | None]] = [
        ("type", (meta.doc_type or "") + (" · draft" if meta.draft else ""), "doc_type"),
        ("issuers", "、".join(meta.issuers), "issuers"),
        ("number", meta.doc_number or "", "doc_number"),
        ("issued", meta.issued or "", "issued"),
        ("jurisdiction", where, "jurisdiction"),
        ("period", f"{meta.period.start}–{meta.period.end}" if meta.period else "", "period"),
        ("notice", meta.notice_title or "", "notice_title"),
        ("file", f"{meta.source} · {meta.file_format} · {meta.encoding}", None),
    ]
    return [row for row in rows if row[1]]


def _header(document: PolicyDocument, *, index_href: str | None) -> str:
    meta = document.document
    counts = summary_counts(document)
    title = meta.title or meta.notice_title or meta.id
    items = "".join(
        f"<div><dt>{escape(label)}</dt><dd>{escape(value)}{_evidence_link(meta, field)}</dd></div>"
        for label, value, field in _meta_rows(document)
    )
    count_items = [f'<li class="total"><b>{counts["commitments"]}</b> commitments</li>']
    count_items += [
        f'<li><span class="tag k-{kind}">{kind}</span> <b>{counts[kind]}</b></li>' for kind in KINDS
    ]
    count_items += [
        f'<li><span class="tag skip">excluded</span> <b>{counts["excluded"]}</b></li>',
        f'<li><span class="tag unparsed">unparsed</span> <b>{counts["unparsed"]}</b></li>',
    ]
    warnings = "".join(f"<li>{escape(w)}</li>" for w in meta.warnings)
    return (
        '<header class="doc-head">'
        f'<p class="kicker">{_back(index_href)}policyparse review · {escape(meta.id)}</p>'
        f'<h1 id="doc-title">{escape(title)}</h1>'
        f'<dl class="meta">{items}</dl>'
        f'<ul class="counts" id="counts">{"".join(count_items)}</ul>'
        + (f'<ul class="warnings">{warnings}</ul>' if warnings else "")
        + _legend()
        + "</header>"
    )


def _evidence_link(meta: DocumentMeta, field: str | None) -> str:
    if field is None or not meta.evidence.get(field):
        return ""
    return f' <a class="ev-link" href="#m-{field}-0" title="where it was read">↗</a>'


def _back(index_href: str | None) -> str:
    if index_href is None:
        return ""
    return f"<a{attrs({'href': index_href, 'id': 'to-index'})}>← all documents</a> · "


def _legend() -> str:
    kinds = "".join(
        f'<li><span class="hl k-{kind}">{kind}</span> {escape(KIND_HELP[kind])}</li>'
        for kind in KINDS
    )
    return (
        '<details class="legend"><summary>Legend</summary><ul>'
        f"{kinds}"
        '<li><span class="own">owner</span> the body responsible, where it is named</li>'
        '<li><span class="ev">issuer</span> where a metadata value was read (↗ in the header)</li>'
        '<li><span class="ddl">deadline</span> where the deadline is written</li>'
        '<li><span class="hl k-target asp">dashed</span> aspirational (力争, 鼓励 …)</li>'
        '<li><span class="skip">12</span> a number excluded by a rule (hover: which)</li>'
        '<li><span class="unparsed">12</span> a number no rule read: check it</li>'
        "</ul></details>"
    )


# -------------------------------------------------------------------- outline


def _outline(sections: Sequence[SectionRecord], text: str, counts: Mapping[str, int]) -> str:
    if not sections:
        return '<p class="hint">No numbered sections.</p>'
    out: list[str] = ["<ul>"]
    depth = 1
    for i, section in enumerate(sections):
        while depth < section.level:
            out.append("<ul>")
            depth += 1
        while depth > section.level:
            out.append("</ul></li>")
            depth -= 1
        label = section.heading or text[section.span[0] : section.span[1]][:OUTLINE_LABEL_CHARS]
        if not section.heading and section.marker and label.startswith(section.marker):
            label = label[len(section.marker) :]
        n = counts.get(section.id, 0)
        badge = f' <span class="badge">{n}</span>' if n else ""
        marker = f'<span class="marker">{escape(section.marker)}</span>'
        label = escape(" ".join(label.split()))
        link = f'<a href="#s-{escape(section.id)}">{marker}{label}{badge}</a>'
        nested = i + 1 < len(sections) and sections[i + 1].level > section.level
        out.append(f"<li>{link}" if nested else f"<li>{link}</li>")
    while depth > 1:
        out.append("</ul></li>")
        depth -= 1
    out.append("</ul>")
    return "".join(out)


def _section_counts(document: PolicyDocument) -> dict[str, int]:
    """Commitments under each section, its subsections included."""
    counts: Counter[str] = Counter()
    for c in document.commitments:
        section = c.section
        while section:
            counts[section] += 1
            section = section.rpartition(".")[0]
    return dict(counts)


# --------------------------------------------------------------------- tables


def _options(label: str, values: Iterable[str | None], *, none_label: str) -> str:
    counts = Counter(values)
    options = [f'<option value="">{escape(label)}</option>']
    if None in counts:
        options.append(f'<option value="-">{escape(none_label)} ({counts[None]})</option>')
    named = sorted((v for v in counts if v is not None), key=lambda v: (-counts[v], v))
    options += [f"<option{attrs({'value': v})}>{escape(v)} ({counts[v]})</option>" for v in named]
    return "".join(options)


def _commitment_table(commitments: Sequence[Commitment], names: Mapping[str, str]) -> str:
    rows = []
    for n, c in enumerate(commitments, 1):
        row_attrs = {
            "data-ref": c.id,
            "data-kind": c.kind,
            "data-indicator": c.indicator or "-",
            "data-owner": c.owner or "-",
            "data-deadline": "1" if c.deadline is not None else "0",
            "tabindex": "0",
        }
        indicator = c.indicator or ""
        cells = [
            f'<td data-sort="{n}">{n}</td>',
            f'<td><span class="tag k-{c.kind}">{c.kind}</span></td>',
            # a long action due is cut to three lines here; the details show it whole
            f'<td class="what"><div class="clamp">{escape(c.metric or c.quote)}</div></td>',
            f"<td{attrs({'data-sort': c.value if c.value is not None else ''})}>"
            f"{escape(amount(c))}</td>",
            f"<td{attrs({'data-sort': c.deadline or ''})}>{escape(_deadline(c))}</td>",
            f'<td class="owner">{escape(c.owner or "")}</td>',
            f"<td{attrs({'title': names.get(indicator)})}>{escape(indicator)}</td>",
        ]
        rows.append(f"<tr{attrs(row_attrs)}>{''.join(cells)}</tr>")
    head = "".join(
        f'<th scope="col"{attrs({"data-type": kind})}><button type="button">{label}</button></th>'
        for label, kind in (
            ("#", "num"),
            ("kind", "text"),
            ("metric", "text"),
            ("amount", "num"),
            ("deadline", "num"),
            ("owner", "text"),
            ("indicator", "text"),
        )
    )
    kinds = _options("any", [c.kind for c in commitments], none_label="")
    indicators = _options("any", [c.indicator for c in commitments], none_label="(none)")
    owners = _options("any", [c.owner for c in commitments], none_label="(no owner)")
    filters = (
        '<div class="filters">'
        f'<label>kind <select id="f-kind">{kinds}</select></label>'
        f'<label>indicator <select id="f-indicator">{indicators}</select></label>'
        f'<label>owner <select id="f-owner">{owners}</select></label>'
        '<label><input type="checkbox" id="f-deadline"> has deadline</label>'
        '<label class="grow">search '
        '<input type="search" id="f-text" placeholder="metric, quote …"></label>'
        "</div>"
    )
    return (
        f"{filters}"
        f'<p class="shown" id="shown">{len(commitments)} of {len(commitments)} shown</p>'
        '<div class="table-wrap"><table id="commitments" class="list">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def _skipped_table(skipped: Sequence[SkippedNumber]) -> str:
    rows = []
    for i, s in enumerate(skipped):
        reason_class = UNPARSED if s.reason == UNPARSED else "skip"
        rows.append(
            f"<tr{attrs({'data-anchor': f'k-{i}', 'data-reason': s.reason, 'tabindex': '0'})}>"
            f'<td data-sort="{s.span[0]}">{s.span[0]}</td>'
            f"<td>{escape(s.quote)}</td>"
            f'<td><span class="tag {reason_class}">{escape(s.reason)}</span></td></tr>'
        )
    options = _options("any", [s.reason for s in skipped], none_label="")
    return (
        '<div class="filters">'
        f'<label>reason <select id="f-reason">{options}</select></label></div>'
        '<div class="table-wrap"><table id="skipped" class="list">'
        '<thead><tr><th scope="col">at</th><th scope="col">number</th>'
        '<th scope="col">why skipped</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


# ----------------------------------------------------------------------- page


def report_body(
    text: str,
    document: PolicyDocument,
    *,
    indicator_names: Mapping[str, str] | None = None,
    index_href: str | None = None,
) -> str:
    """The page's body (without the shell): header, outline, text, side panel, data."""
    _check_spans(text, document)
    names = dict(indicator_names or {})
    commitments = sorted(document.commitments, key=lambda c: (c.span[0], -c.span[1]))
    n = len(commitments)
    data = {
        "commitments": [c.model_dump(mode="json") for c in commitments],
        "ownerSources": OWNER_SOURCES,
        "indicatorNames": {
            c.indicator: names[c.indicator] for c in commitments if c.indicator in names
        },
    }
    side = (
        '<aside class="side" aria-label="Commitments">'
        '<section id="details" class="details" aria-live="polite"><h2>Details</h2>'
        '<p class="hint">Click a highlight or a row to see its fields.</p></section>'
        '<div class="tabs" role="tablist">'
        f'<button type="button" role="tab" id="tab-commitments" aria-selected="true" '
        f'aria-controls="panel-commitments">Commitments ({n})</button>'
        f'<button type="button" role="tab" id="tab-skipped" aria-selected="false" '
        f'aria-controls="panel-skipped">Skipped numbers ({len(document.skipped)})</button>'
        "</div>"
        '<section id="panel-commitments" role="tabpanel">'
        f"{_commitment_table(commitments, names)}</section>"
        '<section id="panel-skipped" role="tabpanel" hidden>'
        f"{_skipped_table(document.skipped)}</section>"
        "</aside>"
    )
    return (
        _header(document, index_href=index_href)
        + '<div class="layout">'
        + '<nav class="outline" aria-label="Outline"><h2>Outline</h2>'
        + _outline(document.sections, text, _section_counts(document))
        + "</nav>"
        + f'<main class="text" id="text" lang="zh-Hans">{mark_text(text, _marks(document))}</main>'
        + side
        + "</div>"
        + f"<footer>policyparse {escape(__version__)} · schema {escape(document.schema_version)}"
        + f" · sha256 {escape(document.document.sha256[:16])}</footer>"
        + json_script("pp-data", data)
    )


def render_report(
    text: str,
    document: PolicyDocument,
    *,
    indicator_names: Mapping[str, str] | None = None,
    index_href: str | None = None,
) -> str:
    """A self-contained HTML page reviewing one document's extraction.

    Args:
        text: The original decoded text the document's spans index
            (``read_source(path).text``).
        document: The parsed document.
        indicator_names: Indicator id → name, shown beside the ids.
        index_href: A link back to the batch's index page, when there is one.

    Raises:
        SpanMismatchError: The document's spans do not index ``text``.
    """
    meta = document.document
    title = f"{meta.title or meta.id} · policyparse review"
    body = report_body(text, document, indicator_names=indicator_names, index_href=index_href)
    style = asset("review.css").replace("FONT_STACK", FONT_STACK)
    return page(title=title, body=body, styles=[style], scripts=[asset("report.js")])
