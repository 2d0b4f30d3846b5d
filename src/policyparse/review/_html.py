"""Building blocks of the review pages: escaping, the page shell, marked-up text.

Document text is untrusted: it only ever reaches a page through :func:`escape`
(element content and attribute values) or :func:`json_script` (data for the
page's own script), and the page's Content-Security-Policy runs no script and
applies no style but the page's own, named by hash.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["Mark", "asset", "attrs", "escape", "json_script", "mark_text", "page"]

# system fonts that carry Chinese, tried in turn; no font is fetched
FONT_STACK = (
    '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", '
    '"Microsoft YaHei", "WenQuanYi Micro Hei", "Heiti SC", "SimSun", sans-serif'
)


def escape(text: object) -> str:
    """Text as HTML content or a quoted attribute value: never markup."""
    return html.escape(str(text), quote=True)


def attrs(values: Mapping[str, object | None]) -> str:
    """`` name="value"`` pairs, escaped; ``None`` values are left out."""
    return "".join(
        f' {name}="{escape(value)}"' for name, value in values.items() if value is not None
    )


def json_script(element_id: str, data: Any) -> str:
    """Data for the page's script in a ``<script type="application/json">`` element.

    ``<``, ``>`` and ``&`` are written as JSON escapes, so no text in the data can
    close the element (``</script>``) or open a comment.
    """
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        payload = payload.replace(char, code)
    payload = payload.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f'<script type="application/json" id="{escape(element_id)}">{payload}</script>'


@cache
def asset(name: str) -> str:
    """A stylesheet or script shipped in ``policyparse/review/assets``."""
    return (resources.files(__package__) / "assets" / name).read_text(encoding="utf-8")


def _digest(source: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode()


def page(*, title: str, body: str, styles: Sequence[str], scripts: Sequence[str] = ()) -> str:
    """A whole self-contained page: inline styles and scripts, nothing fetched.

    The policy allows exactly the given styles and scripts (by hash), images
    from ``data:`` URLs only, and no connection, frame or form target.
    """
    style = "\n".join(styles)
    policy = "; ".join(
        [
            "default-src 'none'",
            f"style-src '{_digest(style)}'",
            "script-src " + (" ".join(f"'{_digest(s)}'" for s in scripts) or "'none'"),
            "img-src data:",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )
    script_tags = "".join(f"<script>{s}</script>" for s in scripts)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="zh-Hans">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{escape(policy)}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="policyparse">\n'
        f"<title>{escape(title)}</title>\n<style>{style}</style>\n</head>\n"
        f"<body>\n{body}\n{script_tags}\n</body>\n</html>\n"
    )


@dataclass(frozen=True)
class Mark:
    """A stretch of text to mark: classes and attributes for every piece of it.

    Marks may overlap and nest; the text is cut at every mark's ends and each
    piece carries what the marks over it ask for. ``anchor`` is an element id
    put where the mark starts (a mark may be empty and only carry an anchor).
    ``ref`` names what the piece stands for (a commitment id); ``weight`` decides
    which of several overlapping refs comes first (the smallest).
    """

    start: int
    end: int
    classes: tuple[str, ...] = ()
    anchor: str | None = None
    ref: str | None = None
    title: str | None = None
    weight: int = 0
    data: dict[str, str] = field(default_factory=dict)


def mark_text(text: str, marks: Iterable[Mark]) -> str:
    """The text as escaped HTML, each marked piece in a ``<span>``.

    A piece covered by marks with refs gets ``data-ref`` (refs by weight, then
    start), the classes and title of the first ref, and the classes of every
    mark over it that has no ref.
    """
    marks = [m for m in marks if 0 <= m.start <= m.end <= len(text)]
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    starting: dict[int, list[Mark]] = {}
    for m in marks:
        starting.setdefault(m.start, []).append(m)
    active: list[Mark] = []
    out: list[str] = []
    for left, right in zip(cuts, [*cuts[1:], None], strict=True):
        for m in starting.get(left, ()):
            if m.anchor:
                out.append(f'<span class="anchor" id="{escape(m.anchor)}"></span>')
        active = [m for m in active if m.end > left]
        active.extend(m for m in starting.get(left, ()) if m.end > m.start)
        if right is None:
            break
        piece = escape(text[left:right])
        if not active:
            out.append(piece)
            continue
        out.append(_piece(piece, active))
    return "".join(out)


def _piece(piece: str, active: Sequence[Mark]) -> str:
    with_refs = sorted((m for m in active if m.ref), key=lambda m: (m.weight, m.start))
    # a piece inside several refs looks like the innermost one
    styled = [m for m in active if not m.ref] + with_refs[:1]
    classes: list[str] = []
    data: dict[str, str] = {}
    for m in styled:
        classes.extend(c for c in m.classes if c not in classes)
        data.update(m.data)
    if len(with_refs) > 1:
        classes.append("multi")
    titles = [m.title for m in with_refs if m.title] or [m.title for m in active if m.title]
    values: dict[str, object | None] = {"class": " ".join(classes) or None}
    if with_refs:
        values["data-ref"] = " ".join(dict.fromkeys(m.ref for m in with_refs if m.ref))
    values.update({f"data-{k}": v for k, v in data.items()})
    values["title"] = titles[0] if titles else None
    return f"<span{attrs(values)}>{piece}</span>"
