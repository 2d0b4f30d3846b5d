"""Run the spaCy pipeline on the sentences that can hold a commitment; collect mentions.

Tokenizing is the expensive step (jieba reads about 1 MB/s), so a regular
expression first picks the sentences with a number, a placeholder, a date cue, a
frequency cue or a list of responsible units; only those go through spaCy.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache

from .components._spans import DATA_KEY, span_data
from .nlp import build_nlp
from .ruleset import RuleSet, load_rules
from .types import CleanText, Mention, Sentence, Span

__all__ = ["extract_mentions"]

CN_NUMERAL = "一二三四五六七八九十两百千万亿"
CUES = (
    r"每|翻[一两三]?番|百分之|倍|责任单位|牵头|低于|不少于|高于|不超过|年底|年末|月底|阶段|"
    r"[一二三四五六七八九]成|五”?(?:期间|末|时期)|今年|明年"
)


@lru_cache(maxsize=8)
def _candidate_pattern(rules_dir: str) -> re.Pattern[str]:
    """Sentences worth tokenizing: a digit, a placeholder, a Chinese numeral before a
    unit, or a cue of time, frequency, comparison or responsibility."""
    rules = load_rules(rules_dir)
    units = "|".join(
        re.escape(u.unit) for u in sorted(rules.units.units, key=lambda u: -len(u.unit))
    )
    return re.compile(
        rf"\d|(?<![A-Za-z])[xX×]{{1,3}}(?![A-Za-z])|(?<![{CN_NUMERAL}])[{CN_NUMERAL}]++(?:多|余)?(?:{units})|{CUES}"
    )


WINDOW_SEPARATOR = "。\n"
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
OPEN = "(（《“"
CLOSE = ")）》”"
CLAUSE_END = ",，;；。!?"
CLAUSE_CHARS = re.compile(f"[{re.escape(OPEN + CLOSE + CLAUSE_END)}]")
GROUPS = {"quantities": None, "deadlines": None, "frequencies": None, "units": None}


def extract_mentions(
    clean: CleanText, sentences: Sequence[Sentence], *, rules: RuleSet
) -> list[Mention]:
    """Find quantities, deadlines, frequencies and responsible units, in clean offsets.

    Args:
        clean: The normalized document.
        sentences: Its sentences (clean offsets).
        rules: The loaded rule tables.

    Returns:
        Mentions in document order; each carries the index of its sentence in
        ``data["sentence"]``.
    """
    candidate = _candidate_pattern(rules.path)
    windows = [
        (sentence, window)
        for sentence in sentences
        for window in _windows(clean.text, sentence.span, candidate)
    ]
    if not windows:
        return []
    # One Doc per document: the windows joined by a sentence end, so that spaCy's
    # per-Doc cost is paid once and no pattern reaches from one window into the next.
    pieces: list[str] = []
    starts: list[int] = []  # where each window starts in the joined text
    pos = 0
    for _, (start, end) in windows:
        starts.append(pos)
        pieces.append(clean.text[start:end])
        pos += end - start + len(WINDOW_SEPARATOR)
    # spaCy stores strings as UTF-8: a lone surrogate stands in as U+FFFD (same length)
    joined = LONE_SURROGATE.sub("\ufffd", WINDOW_SEPARATOR.join(pieces))
    nlp = build_nlp(rules)
    doc = nlp.make_doc(joined)
    # the components read doc_text(doc): give it the text, which spaCy would
    # otherwise rebuild from every token
    doc.user_data.setdefault(DATA_KEY, {})["text"] = joined
    for _, component in nlp.pipeline:
        doc = component(doc)
    mentions: list[Mention] = []
    for group in GROUPS:
        for record in span_data(doc, group):
            i = bisect_right(starts, record["start"]) - 1
            sentence, (offset, end) = windows[i]
            start = offset + record["start"] - starts[i]
            stop = min(end, offset + record["end"] - starts[i])
            if stop <= start:
                continue
            data = dict(record["data"])
            data["sentence"] = sentence.index
            mentions.append(
                Mention(label=record["label"], span=(start, stop), rule=record["rule"], data=data)
            )
    mentions.sort(key=lambda m: (m.span, m.label))
    return mentions


def _windows(text: str, span: Span, candidate: re.Pattern[str]) -> list[Span]:
    """The clauses of a sentence that hold a candidate, merged where they touch.

    Clauses end at top-level ``，；。！？`` (a comma inside brackets does not end
    one, so ``（6月底完成，牵头考核单位：…）`` stays whole).
    """
    start, end = span
    if not candidate.search(text, start, end):
        return []
    clauses: list[Span] = []
    depth = 0
    clause_start = start
    for m in CLAUSE_CHARS.finditer(text, start, end):
        char = m.group()
        if char in OPEN:
            depth += 1
        elif char in CLOSE:
            depth = max(depth - 1, 0)
        elif depth == 0:
            clauses.append((clause_start, m.end()))
            clause_start = m.end()
    if clause_start < end:
        clauses.append((clause_start, end))
    windows: list[Span] = []
    for clause in clauses:
        if not candidate.search(text, *clause):
            continue
        if windows and windows[-1][1] == clause[0]:
            windows[-1] = (windows[-1][0], clause[1])
        else:
            windows.append(clause)
    return windows
