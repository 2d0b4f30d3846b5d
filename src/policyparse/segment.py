"""Segment clean text into the outline of sections, and into sentences and clauses.

Sections come from the numbering of Chinese official documents (``一、`` ``(一)``
``1.`` ``(1)`` ``①`` ``第一阶段:`` ``一是``, ``附件``). Levels are not fixed per
marker type: a marker type seen before closes the sections below it (a sibling),
an unseen one opens a child, as a reader would nest them.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ._markers import MARKER_KINDS, marker_ordinal
from .ruleset import HeadingRules
from .types import CleanText, Section, Sentence, Span

__all__ = ["segment_sections", "segment_sentences"]

SENTENCE_END = "。!?"
CLAUSE_END = ";"
OPENERS = "(《“‘「『[【〔"
CLOSERS = ")》”’」』]】〕"
MAX_BRACKET_CHARS = 300
_BRACKET_CHARS = re.compile(f"[{re.escape(OPENERS + CLOSERS)}]")
_ENDS = re.compile(f"[{SENTENCE_END}{CLAUSE_END}]+")
# inline list kinds: where they may start inside a normal line
INLINE_AFTER = re.compile(r"[。!?;,:、\s]$")
LIST_LOOKAHEAD_CHARS = 3000

_LINE_START = re.compile(
    r"(?m)^[ \t]*(?:" + "|".join(f"(?P<{k}>{p})" for k, p in MARKER_KINDS.items()) + ")"
)
_INLINE_KINDS = ("cn_comma", "cn_paren", "arabic_dot", "arabic_paren", "inline_item")
_INLINE = re.compile("|".join(f"(?P<{k}>{MARKER_KINDS[k]})" for k in _INLINE_KINDS))
_INLINE_ITEM = re.compile(f"(?P<inline_item>{MARKER_KINDS['inline_item']})")
_DATE_LINE = re.compile(
    r"^\s*(?:\d{4}|[一二三四五六七八九〇零○]{4})年[\d一二三四五六七八九十]{1,3}月[\d一二三四五六七八九十]{1,3}日\s*$"
)


@dataclass
class _Marker:
    kind: str
    start: int
    end: int
    ordinal: int
    line_start: bool


def _lines(text: str) -> list[tuple[int, int]]:
    spans = []
    pos = 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _find_markers(text: str, rules: HeadingRules) -> list[_Marker]:
    """Every marker candidate, line-start ones and (where allowed) inline ones."""
    found: dict[int, _Marker] = {}
    for m in _LINE_START.finditer(text):
        kind = m.lastgroup or ""
        ordinal = marker_ordinal(m.group(kind)) if kind != "attachment" else 0
        if ordinal is None:
            continue
        found[m.start(kind)] = _Marker(kind, m.start(kind), m.end(kind), ordinal, True)
    for line_start, line_end in _lines(text):
        line = text[line_start:line_end]
        flattened = len(line) > rules.flattened_line_chars
        # inside an ordinary line only 一是/二是 items open a block
        for m in (_INLINE if flattened else _INLINE_ITEM).finditer(line):
            kind = m.lastgroup or ""
            start = line_start + m.start()
            if start in found or not line[: m.start()].strip():
                continue
            before = line[: m.start()]
            if not flattened and not INLINE_AFTER.search(before):
                continue
            ordinal = marker_ordinal(m.group())
            if ordinal is None:
                continue
            found[start] = _Marker(kind, start, line_start + m.end(), ordinal, False)
    return [found[k] for k in sorted(found)]


def _accept_markers(markers: list[_Marker], text: str) -> list[_Marker]:
    """Keep line-start markers, and inline ones whose ordinals count up."""
    accepted: list[_Marker] = []
    last: dict[str, int] = {}
    for i, marker in enumerate(markers):
        if not marker.line_start:
            follows = marker.ordinal == last.get(marker.kind, 0) + 1
            if marker.ordinal == 1:
                follows = any(
                    m.kind == marker.kind and m.ordinal == 2
                    for m in markers[i + 1 :]
                    if m.start - marker.start < LIST_LOOKAHEAD_CHARS
                )
            if not follows:
                continue
        accepted.append(marker)
        last[marker.kind] = marker.ordinal
    return _drop_attachment_labels(accepted, text)


def _drop_attachment_labels(markers: list[_Marker], text: str) -> list[_Marker]:
    """``附件`` opening the whole file, or listing attachments, starts no section."""
    kept = []
    for i, marker in enumerate(markers):
        if marker.kind == "attachment":
            if not text[: marker.start].strip():
                continue  # the file is the attachment: a label, not a section
            following = markers[i + 1] if i + 1 < len(markers) else None
            if following is not None and following.kind == "attachment":
                continue  # 附件: followed by the list of attachments
        kept.append(marker)
    return kept


def _body_end(text: str) -> int:
    """End of the body: before a closing signature and date, if there is one."""
    lines = _lines(text)
    i = len(lines) - 1
    while i >= 0 and not text[lines[i][0] : lines[i][1]].strip():
        i -= 1
    if i < 0 or not _DATE_LINE.match(text[lines[i][0] : lines[i][1]]):
        return len(text.rstrip())
    i -= 1
    while i >= 0:
        line = text[lines[i][0] : lines[i][1]].strip()
        if line and (len(line) > 30 or re.search(r"[。,;:]", line)):
            break
        i -= 1
    return lines[i][1] if i >= 0 else len(text)


def _heading(
    text: str, start: int, stop: int, rules: HeadingRules, *, whole_line: bool, flattened: bool
) -> Span | None:
    """The heading after a marker, in ``text[start:stop]``.

    Args:
        whole_line: ``stop`` is the end of the line (no other marker follows on it).
        flattened: The line was flattened by a converter: a heading may run on
            into its body with no punctuation between them.
    """
    rest = text[start:stop]
    lead = len(rest) - len(rest.lstrip(" \t:："))
    rest = rest[lead:].rstrip()
    if not rest:
        return None
    base = start + lead
    for heading in _longest_first(tuple(rules.standard_headings)):
        # 指导思想 opening a run-on body, not the start of a longer heading
        if rest.startswith(heading) and (
            flattened or len(rest) - len(heading) > rules.max_heading_chars
        ):
            return (base, base + len(heading))
    sentence_end = re.search(r"[。!?;]", rest)
    comma = re.search(r"[,，:：]", rest)
    if sentence_end:
        first = rest[: sentence_end.start()]
        if (comma is None or comma.start() > sentence_end.start()) and len(
            first
        ) <= rules.max_runon_heading_chars:
            return (base, base + len(first)) if first else None
        single_sentence = sentence_end.end() == len(rest) and rest[-1] in "。!?"
        if whole_line and single_sentence and len(first) <= rules.max_heading_chars:
            return (base, base + len(first))
    elif len(rest) <= rules.max_heading_chars:
        return (base, base + len(rest))
    if not flattened:
        return None
    limit = min(rules.max_heading_chars, comma.start() if comma else len(rest))
    if sentence_end:
        limit = min(limit, sentence_end.start())
    best: int | None = None
    for word in rules.heading_final_words:
        for m in re.finditer(re.escape(word), rest[:limit]):
            if m.end() < len(rest) and rest[m.end()] in "的和与及、之":
                continue
            if best is None or m.end() < best:
                best = m.end()
            break
    return (base, base + best) if best else None


@lru_cache(maxsize=8)
def _longest_first(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(words, key=len, reverse=True))


def _attachment_heading(text: str, marker_end: int) -> Span | None:
    """The title line after ``附件``."""
    m = re.compile(r"\n[ \t]*([^\n]{1,60}?)[ \t]*(?=\n|$)").match(text, marker_end)
    if not m or not m.group(1).strip():
        return None
    return (m.start(1), m.end(1))


def segment_sections(clean: CleanText, *, rules: HeadingRules) -> list[Section]:
    """Build the outline of a document.

    Args:
        clean: The normalized document.
        rules: Heading vocabulary and limits from ``rules/headings.yaml``.

    Returns:
        Sections in document order, each with its parent's id.
    """
    text = clean.text
    markers = _accept_markers(_find_markers(text, rules), text)
    body_end = _body_end(text)
    markers = [m for m in markers if m.start < body_end]
    stack: list[tuple[_Marker, list[int]]] = []  # marker kinds open, with path
    paths: list[list[int]] = []
    levels: list[int] = []
    counters: dict[tuple[int, ...], int] = {}
    for marker in markers:
        if marker.kind == "attachment":
            stack.clear()
        else:
            for depth, (open_marker, _) in enumerate(stack):
                if open_marker.kind == marker.kind:
                    del stack[depth:]
                    break
        parent_path = tuple(stack[-1][1]) if stack else ()
        counters[parent_path] = counters.get(parent_path, 0) + 1
        path = [*parent_path, counters[parent_path]]
        stack.append((marker, path))
        paths.append(path)
        levels.append(len(path))

    markers_per_line: dict[int, int] = {}
    for marker in markers:
        line = text.rfind("\n", 0, marker.start) + 1
        markers_per_line[line] = markers_per_line.get(line, 0) + 1
    sections: list[Section] = []
    for i, marker in enumerate(markers):
        end = body_end
        for j in range(i + 1, len(markers)):
            if levels[j] <= levels[i]:
                end = markers[j].start
                break
        end = len(text[:end].rstrip())
        line_end = text.find("\n", marker.end)
        line_end = len(text) if line_end < 0 else line_end
        next_start = markers[i + 1].start if i + 1 < len(markers) else len(text)
        line_start = text.rfind("\n", 0, marker.start) + 1
        flattened = (
            markers_per_line[line_start] > 1 and line_end - line_start > rules.flattened_line_chars
        )
        stop = min(line_end, next_start, end)
        if marker.kind == "attachment":
            heading_span = _attachment_heading(text, marker.end)
        elif marker.kind == "article":
            heading_span = None  # 第三条 opens body text; articles carry no heading
        else:
            heading_span = _heading(
                text, marker.end, stop, rules, whole_line=stop == line_end, flattened=flattened
            )
        path = paths[i]
        sections.append(
            Section(
                id=".".join(map(str, path)),
                level=len(path),
                kind=_section_kind(marker.kind),
                marker=text[marker.start : marker.end].strip(),
                marker_span=(marker.start, marker.end),
                heading=text[heading_span[0] : heading_span[1]] if heading_span else None,
                heading_span=heading_span,
                span=(marker.start, max(end, marker.end)),
                parent=".".join(map(str, path[:-1])) or None,
            )
        )
    return sections


def _section_kind(marker_kind: str) -> str:
    return {
        "attachment": "attachment",
        "phase": "phase",
        "inline_item": "inline_item",
        "article": "article",
        "chapter": "chapter",
        "part": "part",
    }.get(marker_kind, "numbered")


def _protected(line: str) -> list[Span]:
    """Matched bracket and quote pairs of a line (unmatched openers are ignored)."""
    pairs: list[Span] = []
    stack: list[tuple[str, int]] = []
    for m in _BRACKET_CHARS.finditer(line):
        char = m.group()
        if char in OPENERS and not (char == "“" and stack and stack[-1][0] == "“"):
            stack.append((char, m.start()))
            continue
        expected = OPENERS[CLOSERS.index(char)] if char in CLOSERS else None
        for depth in range(len(stack) - 1, -1, -1):
            if stack[depth][0] == expected:
                if m.start() - stack[depth][1] <= MAX_BRACKET_CHARS:
                    pairs.append((stack[depth][1], m.end()))
                del stack[depth:]
                break
    return pairs


def segment_sentences(
    clean: CleanText, sections: list[Section], *, skip: Sequence[Span] = ()
) -> list[Sentence]:
    """Split the text into sentences (``。！？`` or a paragraph end) and clauses (``；``).

    Ends inside brackets, quotes or ``《》`` do not split. Section markers start a new
    sentence and are left out of it; a heading that runs on into its body ends a
    sentence of its own.

    Args:
        clean: The normalized document.
        sections: Its outline.
        skip: Spans that are not body text (metadata lines); sentences inside
            them are left out.
    """
    text = clean.text
    marker_spans = sorted(s.marker_span for s in sections)
    heading_ends = [
        (s.heading_span[1], s.heading_span[1])
        for s in sections
        if s.heading_span
        and s.heading_span[1] < len(text)
        and text[s.heading_span[1]] not in "。!?;"
    ]
    breaks: list[Span] = []  # (start, end) of text that separates sentences
    clause_breaks: set[int] = set()
    for line_start, line_end in _lines(text):
        line = text[line_start:line_end]
        protected = _protected(line) if _BRACKET_CHARS.search(line) else []
        for m in _ENDS.finditer(line):
            if protected and any(s < m.start() < e - 1 for s, e in protected):
                continue
            if m.group().count(CLAUSE_END) == len(m.group()):
                clause_breaks.add(line_start + m.end())
            else:
                breaks.append((line_start + m.end(), line_start + m.end()))
        breaks.append((line_end, min(line_end + 1, len(text))))
    breaks.extend(marker_spans)
    breaks.extend(heading_ends)
    breaks.sort()

    sorted_breaks = sorted(clause_breaks)
    sentences: list[Sentence] = []
    pos = 0
    section_starts = sorted((s.span[0], s.span[1], s.id) for s in sections)
    for brk_start, brk_end in [*breaks, (len(text), len(text))]:
        if brk_start < pos:
            pos = max(pos, brk_end)
            continue
        start, end = pos, brk_start
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start and not any(lo <= start and end <= hi for lo, hi in skip):
            clauses = _clauses(start, end, sorted_breaks, text)
            sentences.append(
                Sentence(
                    index=len(sentences),
                    span=(start, end),
                    clauses=clauses,
                    section=_section_at(start, section_starts),
                )
            )
        pos = max(pos, brk_end)
    return sentences


def _clauses(start: int, end: int, clause_breaks: list[int], text: str) -> tuple[Span, ...]:
    """The clauses of ``text[start:end]``, cut at the sorted ``clause_breaks``."""
    cuts = clause_breaks[bisect_right(clause_breaks, start) : bisect_left(clause_breaks, end)]
    spans = []
    pos = start
    for cut in [*cuts, end]:
        s, e = pos, cut
        while s < e and text[s].isspace():
            s += 1
        if e > s:
            spans.append((s, e))
        pos = cut
    return tuple(spans)


def _section_at(pos: int, sections: list[tuple[int, int, str]]) -> str | None:
    """The innermost section holding ``pos`` (sections sorted by start, nested)."""
    i = bisect_right(sections, (pos, len(sections) + 1 << 40, "")) - 1
    while i >= 0:
        start, end, section_id = sections[i]
        if start <= pos < end:
            return section_id
        i -= 1
    return None
