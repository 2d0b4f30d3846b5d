"""Normalize a document for matching while keeping a map back to the original.

Each pass finds *edits* (replace ``text[start:end]`` with a string) in the output of
the pass before; applying them also maps every clean character back to the span of
the original text it stands for. The passes, in order:

1. line endings: ``\\r\\n`` → ``\\n``;
2. character folding (one for one): full-width ASCII, ideographic space,
   traditional → simplified Chinese;
3. markup remnants (``[bookmark: …]``, ``**``, HTML entities) from ``rules/markup.yaml``;
4. page numbers: standalone page-number lines, and sequential ``2、`` glued in front
   of the line that continues a sentence across a page;
5. spaces inside Chinese text (``聊 城 市 教 育 局``, ``等 11 部门``);
6. lines broken inside a sentence are rejoined; paragraph breaks stay;
7. systematic conversion errors (``根底`` → ``基础``), only in a document that
   shows the converter's signature (``rules/conversion_fixes.yaml``).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from ._markers import START_MARKER
from .errors import Warnings
from .ruleset import ConversionFixRules, MarkupRules, RuleSet
from .types import CleanText, SourceText, Span

__all__ = ["normalize_text"]

Edit = tuple[int, int, str]

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# characters after which a line is complete (full-width forms are folded by then)
LINE_TERMINALS = frozenset("。!?;:…”’」』》)】]")
# punctuation that shows a line is running text, not a title or a name
RUNNING_TEXT = re.compile(r"[，,。;；、:：]")
MAX_PAGE_NUMBER = 999
MIN_GLUED_PAGE_RUN = 3
# a title line (``…关于…的通知``) is at most this long
MAX_TITLE_CHARS = 80

_FOLD = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FOLD.update({0x3000: 0x20, 0x00A0: 0x20, 0x2002: 0x20, 0x2003: 0x20, 0x200B: 0x20})

_PAGE_LINE = re.compile(
    r"^[ \t]*(?:"
    r"[-—–~]+[ \t]*\d{1,3}[ \t]*[-—–~]+"  # - 3 -
    r"|第[ \t]*\d{1,3}[ \t]*页(?:[ \t,，/]*共[ \t]*\d{1,3}[ \t]*页)?"  # 第 2 页 共 10 页
    r"|\d{1,3}[ \t]*/[ \t]*\d{1,3}"  # 3 / 12
    r")[ \t]*$",
    re.MULTILINE,
)
_GLUED_PAGE = re.compile(r"(?:^|(?<=\n))(\d{1,3})、", re.MULTILINE)
_INNER_SPACE = re.compile(
    rf"(?<=[{CJK}\u3001-\u303f“”‘’《》0-9])[ \t]{{1,2}}(?=[{CJK}\u3001-\u303f“”‘’《》0-9])"
)
_CJK_CHAR = re.compile(f"[{CJK}]")
_ENDS_WITH_URL = re.compile(r"(?:https?|ftp)://\S+$")  # a link ends its line
_URL = re.compile(r"(?:https?|ftp)://\S+")
_SURROGATE = re.compile("[\ud800-\udfff]")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});")


@lru_cache(maxsize=1)
def _t2s() -> object:
    import opencc

    return opencc.OpenCC("t2s")


def _to_simplified(text: str) -> str:
    """Traditional → simplified, one character for one, line by line."""
    if _SURROGATE.search(text):
        # OpenCC takes UTF-8: stand in for lone surrogates, then put them back
        masked = _SURROGATE.sub("\ufffd", text)
        converted = _to_simplified(masked)
        return "".join(
            o if _SURROGATE.match(o) else c for o, c in zip(text, converted, strict=True)
        )
    converter = _t2s()
    convert = converter.convert  # type: ignore[attr-defined]
    out = convert(text)
    if len(out) == len(text):
        return str(out)
    # A phrase conversion changed the length somewhere: keep offsets by
    # converting the offending lines character by character.
    lines = text.split("\n")
    fixed = []
    for line in lines:
        converted = convert(line)
        if len(converted) != len(line):
            converted = "".join(
                c if len(c) == 1 else o for o, c in zip(line, map(convert, line), strict=True)
            )
        fixed.append(converted)
    return "\n".join(fixed)


class _Builder:
    """The current text and, for each of its characters, the original span."""

    def __init__(self, original: str) -> None:
        self.original = original
        self.text = original
        self.starts: list[int] = list(range(len(original)))
        self.ends: list[int] = list(range(1, len(original) + 1))
        self.counts: dict[str, int] = {}
        self.examples: list[str] = []

    def replace_same_length(self, text: str) -> None:
        """Swap in a text of the same length (a one-for-one fold)."""
        if len(text) != len(self.text):
            raise ValueError("a folding pass must keep the length")
        self.text = text

    def apply(self, edits: Iterable[Edit], *, label: str) -> None:
        """Apply non-overlapping edits given in the current text's offsets."""
        ordered = sorted(edits)
        if not ordered:
            return
        pieces: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        pos = 0
        applied = 0
        for start, end, replacement in ordered:
            if start < pos or end < start:
                continue  # overlaps an earlier edit: the first one wins
            pieces.append(self.text[pos:start])
            starts.extend(self.starts[pos:start])
            ends.extend(self.ends[pos:start])
            if replacement:
                if end - start == len(replacement):
                    starts.extend(self.starts[start:end])
                    ends.extend(self.ends[start:end])
                elif end > start:
                    starts.extend([self.starts[start]] * len(replacement))
                    ends.extend([self.ends[end - 1]] * len(replacement))
                else:
                    raise ValueError("insertions are not supported")
                pieces.append(replacement)
            pos = end
            applied += 1
        pieces.append(self.text[pos:])
        starts.extend(self.starts[pos:])
        ends.extend(self.ends[pos:])
        self.text = "".join(pieces)
        self.starts, self.ends = starts, ends
        self.counts[label] = self.counts.get(label, 0) + applied


def _markup_edits(text: str, rules: MarkupRules, emphasis: list[Span]) -> list[Edit]:
    """Markup remnants to remove; ``emphasis`` gets the bold markers among them.

    Matches of different patterns may overlap (``**`` inside a bookmark): the one
    that starts first wins, so every marker recorded in ``emphasis`` is removed.
    """
    found: list[tuple[int, int, str, bool]] = []
    for pattern in rules.patterns:
        for m in re.finditer(pattern.pattern, text):
            if m.end() > m.start():
                found.append((m.start(), m.end(), pattern.replacement, pattern.emphasis))
    for m in _ENTITY.finditer(text):
        char = html.unescape(m.group())
        if char != m.group():
            # the folding pass ran before: fold what the entity stands for too
            found.append((m.start(), m.end(), _to_simplified(char.translate(_FOLD)), False))
    edits: list[Edit] = []
    pos = 0
    for start, end, replacement, is_emphasis in sorted(found):
        if start < pos:
            continue
        edits.append((start, end, replacement))
        if is_emphasis:
            emphasis.append((start, end))
        pos = end
    return edits


def _page_number_edits(text: str) -> list[Edit]:
    edits: list[Edit] = [
        (m.start(), min(m.end() + 1, len(text)), "") for m in _PAGE_LINE.finditer(text)
    ]
    edits.extend(_glued_page_edits(text))
    return edits


def _breaks_off(line: str) -> bool:
    """Whether ``line`` is running text that stops inside a sentence.

    Running text has sentence punctuation (a title, a name or a date line has
    none); it stops inside a sentence when it does not end with a terminal mark.
    A line that ends with a web address is complete: an address ends a field
    (``原文链接:https://…``), and its ``:`` is not sentence punctuation.
    """
    line = line.rstrip(" \t")
    if not line or line[-1] in LINE_TERMINALS or _ENDS_WITH_URL.search(line):
        return False
    return bool(RUNNING_TEXT.search(_URL.sub(" ", line)))


def _glued_page_edits(text: str) -> list[Edit]:
    """Sequential ``N、`` at line starts that break sentences are page numbers.

    A converter that drops page breaks leaves ``…把握正确改革\\n2、方向，…``. A real
    numbered list also counts up, but its items start after a finished sentence
    (``1、…。``) or after a short item with no sentence punctuation (``1、德育活动``).
    """
    candidates = [(int(m.group(1)), m.start(), m.end()) for m in _GLUED_PAGE.finditer(text)]
    best: list[tuple[int, int, int]] = []
    run: list[tuple[int, int, int]] = []
    for cand in candidates:
        if run and cand[0] == run[-1][0] + 1:
            run.append(cand)
        else:
            run = [cand]
        if len(run) > len(best):
            best = list(run)
    if len(best) < MIN_GLUED_PAGE_RUN or best[-1][0] > MAX_PAGE_NUMBER:
        return []
    breaks = [start for _, start, _ in best if start > 0]
    mid_sentence = 0
    for start in breaks:
        line = text[text.rfind("\n", 0, start - 1) + 1 : start - 1]
        if _breaks_off(_GLUED_PAGE.sub("", line, count=1)):
            mid_sentence += 1
    if mid_sentence * 3 < len(breaks) * 2:
        return []
    edits: list[Edit] = []
    for _, start, end in best:
        # drop the line break with the number, so the sentence reads on
        edits.append((start - 1 if start > 0 else start, end, ""))
    return edits


def _space_edits(text: str) -> list[Edit]:
    """Spaces inside Chinese text (letter spacing, ``等 11 部门``) are dropped.

    Indentation stays, and so does a space between two digits: it separates two
    numbers (a flattened table row ``95 97 98``), which must not run together.
    """
    edits: list[Edit] = []
    for m in _INNER_SPACE.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if not text[line_start : m.start()].strip(" \t"):
            continue  # indentation
        if text[m.start() - 1].isdigit() and text[m.end()].isdigit():
            continue
        edits.append((m.start(), m.end(), ""))
    return edits


def _starts_block(line: str) -> bool:
    m = START_MARKER.match(line)
    return bool(m and m.group().strip())


def _is_heading_line(line: str) -> bool:
    """A marker line with no sentence end inside it is a heading, complete as is."""
    return _starts_block(line) and not re.search(r"[。!?;]", line)


def _is_title_line(line: str, doc_types: Sequence[str]) -> bool:
    """A short line that ends with a document type (``…的通知``) is a title."""
    line = line.strip(" \t")
    return len(line) <= MAX_TITLE_CHARS and line.endswith(tuple(doc_types))


def _continues(line: str) -> bool:
    """Whether ``line`` can be the rest of a sentence broken off before it.

    The rest of a sentence carries punctuation; a line with none is a name, a
    title or a date (signature block: ``聊城市教育和体育局`` / ``2020年12月8日``).
    """
    return bool(RUNNING_TEXT.search(line)) or any(c in LINE_TERMINALS for c in line)


def _line_join_edits(text: str, doc_types: Sequence[str] = ()) -> list[Edit]:
    """Rejoin lines broken inside a sentence (page breaks of a converted file).

    A break is inside a sentence when the line before is running text (it has
    sentence punctuation) that stops without a terminal mark, is not a heading
    or a title, and the line after continues it: it has punctuation and does not
    open a new block (a marker). A line with an open bracket (``关于印发《…``)
    reads on into the line that holds the rest of the bracket.
    """
    edits: list[Edit] = []
    lines = text.split("\n")
    offsets = []
    pos = 0
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1
    previous: int | None = None  # index of the last non-blank line
    for i, line in enumerate(lines):
        if not line.strip(" \t"):
            continue
        if previous is not None:
            before = lines[previous].rstrip(" \t")
            if (
                (
                    _breaks_off(before)
                    or (_open_bracket(before) and before[-1] not in LINE_TERMINALS)
                )
                and not _is_heading_line(before)
                and not _is_title_line(before, doc_types)
                and not _starts_block(line)
                and _continues(line)
            ):
                end_of_before = offsets[previous] + len(before)
                start_of_line = offsets[i] + len(line) - len(line.lstrip(" \t"))
                edits.append((end_of_before, start_of_line, ""))
        previous = i
    return edits


def _open_bracket(line: str) -> bool:
    return any(line.count(o) > line.count(c) for o, c in ("《》", "()", "“”", "[]"))


def _has_signature(text: str, rules: ConversionFixRules) -> bool:
    hits = sum(text.count(form) for form in rules.signature)
    return hits >= rules.min_signature_hits


def _conversion_edits(text: str, rules: ConversionFixRules, examples: list[str]) -> list[Edit]:
    if not _has_signature(text, rules):
        return []
    edits: list[Edit] = []
    taken: set[int] = set()
    for fix in rules.fixes:
        for m in re.finditer(re.escape(fix.wrong), text):
            if taken.intersection(range(m.start(), m.end())):
                continue  # overlaps an earlier repair
            if fix.before and not re.search(fix.before, text[max(0, m.start() - 12) : m.start()]):
                continue
            if fix.after and not re.match(fix.after, text[m.end() : m.end() + 16]):
                continue
            edits.append((m.start(), m.end(), fix.right))
            taken.update(range(m.start(), m.end()))
            if len(examples) < 3 and f"{fix.wrong}→{fix.right}" not in examples:
                examples.append(f"{fix.wrong}→{fix.right}")
    return edits


def normalize_text(source: SourceText | str, *, rules: RuleSet) -> CleanText:
    """Build the clean text of a document and its map back to the original.

    Args:
        source: A decoded document, or its text.
        rules: The loaded rule tables.

    Returns:
        The clean text; ``to_original`` maps any clean span to the original.

    >>> from policyparse.ruleset import load_rules
    >>> clean = normalize_text("到２０２０年，覆盖率達到８０％", rules=load_rules())
    >>> clean.text
    '到2020年,覆盖率达到80%'
    >>> clean.quote(12, 15)
    '８０％'
    """
    original = source.text if isinstance(source, SourceText) else source
    builder = _Builder(original)
    builder.apply(
        ((m.start(), m.end(), "") for m in re.finditer("\r(?=\n)", original)), label="crlf"
    )
    builder.replace_same_length(_to_simplified(builder.text.translate(_FOLD)))
    emphasis: list[Span] = []
    markup = _markup_edits(builder.text, rules.markup, emphasis)
    # the markers' original spans, read before the edits remove them
    emphasis_original = [(builder.starts[s], builder.ends[e - 1]) for s, e in emphasis]
    builder.apply(markup, label="markup")
    builder.apply(_page_number_edits(builder.text), label="page_numbers")
    builder.apply(_space_edits(builder.text), label="spaces")
    builder.apply(_line_join_edits(builder.text, rules.metadata.doc_types), label="line_joins")
    examples: list[str] = []
    builder.apply(
        _conversion_edits(builder.text, rules.conversion_fixes, examples), label="conversion_fixes"
    )

    warnings: list[str] = []
    if builder.counts.get("conversion_fixes"):
        warnings.append(
            Warnings.W102.format(
                count=builder.counts["conversion_fixes"], examples=", ".join(examples)
            )
        )
    if builder.counts.get("page_numbers"):
        warnings.append(Warnings.W103.format(count=builder.counts["page_numbers"]))
    clean = CleanText(
        original=original,
        text=builder.text,
        starts=tuple(builder.starts),
        ends=tuple(builder.ends),
        warnings=tuple(warnings),
    )
    return _with_emphasis(clean, emphasis_original)


def _with_emphasis(clean: CleanText, emphasis: Sequence[Span]) -> CleanText:
    """Record emphasized (bold) stretches, as clean spans between paired markers."""
    spans: list[Span] = []
    for (_, open_end), (close_start, _) in zip(emphasis[0::2], emphasis[1::2], strict=False):
        spans.append(clean.to_clean(open_end, close_start))
    return CleanText(
        original=clean.original,
        text=clean.text,
        starts=clean.starts,
        ends=clean.ends,
        warnings=clean.warnings,
        emphasis=tuple(spans),
    )
