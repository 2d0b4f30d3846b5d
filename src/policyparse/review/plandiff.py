"""The diff page of two plans: the grouped changes, linked into both texts.

``render_diff(result, old_text=..., new_text=...)`` lists the removed, added,
changed, filled-in and split commitments of a :class:`~policyparse.diff.PlanDiff`
(the unchanged ones folded away), each with its quotes, spans, field changes and
character-level redline, and links every quote to its place in the old or the
new text, both shown in full below with each commitment highlighted by status.
The page needs no script: links are plain fragment links.
"""

from __future__ import annotations

from collections.abc import Sequence

from .. import __version__
from ..diff import DocumentRef, MatchedPair, PlanDiff, RedlineOp, SplitItem, label
from ..schema import Commitment
from ._html import FONT_STACK, Mark, asset, attrs, escape, mark_text, page
from .document import SpanMismatchError, amount

__all__ = ["GROUPS", "render_diff"]

GROUPS: tuple[tuple[str, str], ...] = (
    ("removed", "removed"),
    ("added", "added"),
    ("changed", "changed"),
    ("filled", "filled in (template)"),
    ("split", "split"),
    ("unchanged", "unchanged"),
)
"""Group key and heading, in the order the page shows them."""

OLD, NEW = "old", "new"

# commitment id → (status, hover text), for one side's text
Statuses = dict[str, tuple[str, str]]


def _anchor(side: str, c: Commitment) -> str:
    return f"{side}-c-{c.id}"


# ---------------------------------------------------------------------- items


def _quote_line(side: str, c: Commitment) -> str:
    link = f'<a href="#{escape(_anchor(side, c))}">in {side}</a>'
    return (
        f'<p class="quote-line {side}"><span class="side-tag">{side}</span>'
        f'<q>{escape(c.quote)}</q> <span class="at">[{c.span[0]}, {c.span[1]}]</span>'
        f"{link}</p>"
    )


def _redline(ops: Sequence[RedlineOp]) -> str:
    out: list[str] = []
    for op in ops:
        if op.op == "equal":
            out.append(escape(op.old))
            continue
        if op.old:
            out.append(f"<del>{escape(op.old)}</del>")
        if op.new:
            out.append(f"<ins>{escape(op.new)}</ins>")
    return f'<p class="redline" lang="zh-Hans">{"".join(out)}</p>'


def _item(status: str, label: str, body: Sequence[str], *, refs: dict[str, str]) -> str:
    values: dict[str, object | None] = {"class": f"item {status}", "data-status": status, **refs}
    return f'<article{attrs(values)}><p class="label">{escape(label)}</p>{"".join(body)}</article>'


def _single(status: str, side: str, c: Commitment) -> str:
    details = [amount(c)]
    if c.deadline is not None:
        details.append(f"by {c.deadline}")
    if c.owner:
        details.append(f"owner {c.owner}")
    facts = f'<p class="changes">{escape(" · ".join(d for d in details if d != "—"))}</p>'
    return _item(status, label(c), [facts, _quote_line(side, c)], refs={f"data-{side}": c.id})


def _pair(status: str, pair: MatchedPair) -> str:
    details = [c.describe() for c in pair.changes]
    if status == "filled":
        details.insert(0, f"filled in: {amount(pair.new)}")
    body = [f'<p class="changes">{escape("; ".join(details))}</p>'] if details else []
    body += [_quote_line(OLD, pair.old), _quote_line(NEW, pair.new)]
    if pair.redline is not None:
        body.append(_redline(pair.redline))
    refs = {"data-old": pair.old.id, "data-new": pair.new.id}
    return _item(status, label(pair.new), body, refs=refs)


def _split(item: SplitItem) -> str:
    body = [f'<p class="changes">{escape(f"one commitment → {len(item.new)}")}</p>']
    body.append(_quote_line(OLD, item.old))
    body += [_quote_line(NEW, part) for part in item.new]
    body.append(_redline(item.redline))
    refs = {"data-old": item.old.id, "data-new": " ".join(part.id for part in item.new)}
    return _item("split", label(item.old), body, refs=refs)


def _items(result: PlanDiff, key: str) -> list[str]:
    if key == "removed":
        return [_single(key, OLD, c) for c in result.removed]
    if key == "added":
        return [_single(key, NEW, c) for c in result.added]
    if key == "split":
        return [_split(item) for item in result.split]
    pairs: list[MatchedPair] = getattr(result, key)
    return [_pair(key, pair) for pair in pairs]


def _group(result: PlanDiff, key: str, heading: str) -> str:
    items = _items(result, key)
    n = len(items)
    title = f'<h2>{escape(heading)} <span class="n">({n})</span></h2>'
    inner = "".join(items) or '<p class="hint">None.</p>'
    values = {"class": f"group {key}", "id": f"group-{key}", "data-count": str(n)}
    if key == "unchanged":
        # folded: the changes are what a reader came for
        return f"<details{attrs(values)}><summary>{title}</summary>{inner}</details>"
    return f"<section{attrs(values)}>{title}{inner}</section>"


# ---------------------------------------------------------------------- texts


def _side_statuses(result: PlanDiff) -> tuple[Statuses, Statuses]:
    """Commitment id → (status, hover text) on the old side and on the new side."""
    old: Statuses = {}
    new: Statuses = {}
    for c in result.removed:
        old[c.id] = ("removed", f"removed · {label(c)}")
    for c in result.added:
        new[c.id] = ("added", f"added · {label(c)}")
    for key in ("changed", "filled", "unchanged"):
        pairs: list[MatchedPair] = getattr(result, key)
        for pair in pairs:
            hover = " · ".join([key, label(pair.new), *(c.describe() for c in pair.changes)])
            old[pair.old.id] = (key, hover)
            new[pair.new.id] = (key, hover)
    for item in result.split:
        hover = f"split · {label(item.old)} → {len(item.new)}"
        old[item.old.id] = ("split", hover)
        for part in item.new:
            new[part.id] = ("split", hover)
    return old, new


def _commitments(result: PlanDiff, side: str) -> list[Commitment]:
    """Every commitment of one side, each once, in the order of its text."""
    if side == OLD:
        found = [*result.removed, *(item.old for item in result.split)]
    else:
        found = [*result.added, *(part for item in result.split for part in item.new)]
    for key in ("changed", "filled", "unchanged"):
        pairs: list[MatchedPair] = getattr(result, key)
        found += [pair.old if side == OLD else pair.new for pair in pairs]
    unique = {c.id: c for c in found}
    return sorted(unique.values(), key=lambda c: (c.span[0], -c.span[1], c.id))


def _text(result: PlanDiff, side: str, text: str, statuses: Statuses) -> str:
    marks: list[Mark] = []
    for c in _commitments(result, side):
        if text[c.span[0] : c.span[1]] != c.quote:
            raise SpanMismatchError(
                f"{side} commitment {c.id} quotes {c.quote!r} at {list(c.span)}, "
                f"but the {side} text given has something else there"
            )
        status, hover = statuses[c.id]
        marks.append(
            Mark(
                *c.span,
                classes=(f"st-{status}",),
                anchor=_anchor(side, c),
                ref=c.id,
                title=hover,
                # the innermost of overlapping commitments shows its colour
                weight=c.span[1] - c.span[0],
            )
        )
    ref = result.old if side == OLD else result.new
    return (
        f'<section id="{side}-text" aria-label="{side} text">'
        f"<h2>{side} · {escape(ref.source)}</h2>"
        f'<div class="text" lang="zh-Hans">{mark_text(text, marks)}</div></section>'
    )


# --------------------------------------------------------------------- header


def _title(ref: DocumentRef) -> str:
    return ref.title or ref.id


def _doc(side: str, ref: DocumentRef) -> str:
    rows = [("title", ref.title or "—"), ("file", ref.source), ("id", ref.id)]
    items = "".join(f"<div><dt>{label}</dt><dd>{escape(value)}</dd></div>" for label, value in rows)
    return (
        f'<div class="doc {side}"><h2><a href="#{side}-text">{side}</a></h2>'
        f'<dl class="meta">{items}</dl></div>'
    )


def _header(result: PlanDiff) -> str:
    old, new = _title(result.old), _title(result.new)
    heading = old if old == new else f"{old} → {new}"
    counts = result.counts
    # the status colours of the texts, so the counts double as their legend
    items = "".join(
        f'<li><a href="#group-{key}"><span class="tag st-{key}">{escape(name)}</span>'
        f' <b id="count-{key}">{counts[key]}</b></a></li>'
        for key, name in GROUPS
    )
    return (
        '<header class="doc-head diff-head">'
        '<p class="kicker">policyparse diff</p>'
        f'<h1 id="doc-title">{escape(heading)}</h1>'
        f'<div class="pair-docs">{_doc(OLD, result.old)}{_doc(NEW, result.new)}</div>'
        f'<ul class="counts" id="counts">{items}</ul>'
        "</header>"
    )


# ----------------------------------------------------------------------- page


def render_diff(result: PlanDiff, *, old_text: str, new_text: str) -> str:
    """A self-contained HTML page showing the difference between two plans.

    Args:
        result: The diff, from :func:`~policyparse.diff.diff_documents`.
        old_text: The original text of the old plan, which its spans index.
        new_text: The original text of the new plan.

    Raises:
        SpanMismatchError: A commitment's span does not index the text given.
    """
    old_status, new_status = _side_statuses(result)
    groups = "".join(_group(result, key, heading) for key, heading in GROUPS)
    body = (
        _header(result)
        + f'<main id="groups">{groups}</main>'
        + '<div class="texts">'
        + _text(result, OLD, old_text, old_status)
        + _text(result, NEW, new_text, new_status)
        + "</div>"
        + f"<footer>policyparse {escape(__version__)} · {escape(result.summary())}</footer>"
    )
    style = asset("review.css").replace("FONT_STACK", FONT_STACK)
    title = f"{_title(result.new)} · policyparse diff"
    return page(title=title, body=body, styles=[style])
