"""Commitment drafts → output records: original spans, stable ids, accounted numbers.

Every number-like span in the body ends up somewhere: in a commitment, in a
deadline, or in ``skipped`` with the exclusion rule that removed it (or
``unparsed``), so "not stated" is never confused with "failed".
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache
from typing import Literal

from .indicators import map_indicator
from .ruleset import RuleSet, load_rules
from .schema import Commitment, NormalizedOwner, SkippedNumber
from .types import CleanText, CommitmentDraft, Mention, Sentence, Span

Level = Literal["province", "city", "county", "school"]

__all__ = ["account_numbers", "as_written", "canonicalize", "normalize_owner"]

NUMBER_LIKE = re.compile(r"\d+(?:\.\d+)?%?|(?<![A-Za-z])[xX×]{1,3}(?![A-Za-z])%?")


def _commitment_id(sha256: str, span: Span) -> str:
    return hashlib.sha256(f"{sha256}:{span[0]}:{span[1]}".encode()).hexdigest()[:16]


WRITTEN_WINDOW = 300
WRITTEN_FIELDS = ("metric", "scope", "owner")
SPAN_FIELDS = ("owner_span", "deadline_span")
MAX_PIECE_CHARS = 24
PLACE_AS_ACTOR = re.compile(r"[县区市旗](?:\([^()]*\))?$")


def as_written(clean: CleanText, value: str, near: Span) -> str:
    """A phrase read from the clean text, shown as the original writes it.

    The phrase is laid over the clean text near ``near`` piece by piece (a
    compressed phrase such as 基本形成…体系 has two pieces); each piece found is
    shown with :meth:`CleanText.display` (``服务半径`` → ``效劳半径`` in a file that
    has the converter's error), anything else is kept as it is.
    """
    lo = max(0, near[0] - WRITTEN_WINDOW)
    hi = min(len(clean.text), near[1] + WRITTEN_WINDOW)
    whole = clean.text.find(value, lo, hi)
    if whole < 0:
        whole = clean.text.find(value)
    if whole >= 0:
        return clean.display(whole, whole + len(value))
    out: list[str] = []
    pos = 0
    cursor = near[0]
    while pos < len(value):
        size = min(len(value) - pos, MAX_PIECE_CHARS)
        found = -1
        while size > 0:
            found = clean.text.find(value[pos : pos + size], cursor, hi)
            if found < 0:
                found = clean.text.find(value[pos : pos + size], lo, hi)
            if found >= 0:
                break
            size -= 1
        if found < 0 or (size < 2 and len(value) > 1):
            out.append(value[pos])
            pos += 1
            continue
        out.append(clean.display(found, found + size))
        pos += size
        cursor = found + size
    return "".join(out)


@lru_cache(maxsize=4)
def _exclusion_patterns(rules_dir: str) -> list[tuple[str, re.Pattern[str]]]:
    return [(r.id, re.compile(r.pattern)) for r in load_rules(rules_dir).exclusions.rules]


def _running_max(values: Sequence[int]) -> list[int]:
    out: list[int] = []
    for value in values:
        out.append(max(value, out[-1]) if out else value)
    return out


@lru_cache(maxsize=4)
def _owner_patterns(
    rules_dir: str,
) -> tuple[list[tuple[str, list[str]]], list[tuple[Level, re.Pattern[str]]], re.Pattern[str]]:
    actors = load_rules(rules_dir).actors
    bodies = [(b.body, b.patterns) for b in actors.canonical_bodies]
    levels = [
        (level, re.compile(pattern))
        for level, patterns in actors.owner_levels.items()
        for pattern in patterns
    ]
    return bodies, levels, re.compile(actors.generic_owner)


def normalize_owner(owner: str, *, rules: RuleSet) -> NormalizedOwner:
    """An owner as a canonical body, an administrative level and whether it is generic.

    >>> from policyparse.ruleset import load_rules
    >>> normalize_owner("各县（市、区）教育行政部门和学校", rules=load_rules())
    NormalizedOwner(body='教育行政部门', level='county', generic=True, bodies=1)
    >>> normalize_owner("市教育局、市财政局", rules=load_rules()).model_dump()
    {'body': '教育局', 'level': 'city', 'generic': False, 'bodies': 2}
    """
    bodies, levels, generic = _owner_patterns(rules.path)
    name = owner.replace("（", "(").replace("）", ")").strip()
    first = re.split(r"[、,，;；]", name)[0]
    body = next(
        (canonical for canonical, patterns in bodies if any(p in name for p in patterns)), None
    )
    if body is None and PLACE_AS_ACTOR.search(first):
        body = "人民政府"  # 每个区(市)县至少建设…: a place that acts is its government
    level = next((lvl for lvl, pattern in levels if pattern.search(first)), None)
    count = len([p for p in re.split(r"[、,，;；]", re.sub(r"\([^()]*\)", "", name)) if p.strip()])
    return NormalizedOwner(
        body=body, level=level, generic=bool(generic.search(first)), bodies=count
    )


def canonicalize(
    clean: CleanText,
    drafts: Sequence[CommitmentDraft],
    *,
    sha256: str,
    rules: RuleSet,
) -> list[Commitment]:
    """Map drafts to the original text, give each a stable id, normalize the owner."""
    out = []
    for draft in drafts:
        start, end = clean.to_original(*draft.span)
        fields = dict(draft.fields)
        for name in WRITTEN_FIELDS:
            value = fields.get(name)
            if isinstance(value, str) and value:
                fields[name] = as_written(clean, value, draft.span)
        for name in SPAN_FIELDS:
            span = fields.get(name)
            if isinstance(span, tuple):
                fields[name] = clean.to_original(*span)
        owner = fields.get("owner")
        if isinstance(owner, str) and owner:
            fields["owner_normalized"] = normalize_owner(owner, rules=rules)
        metric, unit = fields.get("metric"), fields.get("unit")
        if fields.get("kind") != "deadline" and isinstance(metric, str):
            found = map_indicator(metric, unit=unit if isinstance(unit, str) else None, rules=rules)
            if found is not None:
                fields["indicator"], fields["indicator_score"] = found.id, found.score
        out.append(
            Commitment(
                id=_commitment_id(sha256, (start, end)),
                quote=clean.original[start:end],
                span=(start, end),
                section=draft.section,
                confidence=draft.confidence,
                rule=draft.rule,
                **fields,
            )
        )
    return out


def account_numbers(
    clean: CleanText,
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    skipped: Sequence[Mention],
    drafts: Sequence[CommitmentDraft],
    *,
    rules: RuleSet,
) -> list[SkippedNumber]:
    """Number-like spans of the body that did not become a commitment, and why.

    A number no recognizer read is still checked against the exclusion rules, so a
    document number or a score weight says so rather than ``unparsed``.
    """
    exclusions = _exclusion_patterns(rules.path)
    used = [d.span for d in drafts] + [
        m.span for m in mentions if m.label in ("DEADLINE", "FREQUENCY")
    ]
    used_quantities = {m.span for m in mentions if m.label == "QUANTITY"}
    records: list[SkippedNumber] = []
    seen: set[Span] = set()
    for mention in skipped:
        if mention.span in seen:
            continue
        seen.add(mention.span)
        start, end = clean.to_original(*mention.span)
        records.append(
            SkippedNumber(span=(start, end), quote=clean.original[start:end], reason=mention.rule)
        )
    covered = sorted([*used, *seen, *used_quantities])
    covered_starts = [s for s, _ in covered]
    reach = _running_max([e for _, e in covered])
    for sentence in sentences:
        excluded: list[tuple[str, int, int]] | None = None
        for m in NUMBER_LIKE.finditer(clean.text, *sentence.span):
            i = bisect_right(covered_starts, m.start()) - 1
            if i >= 0 and reach[i] > m.start():
                continue
            if excluded is None:  # the exclusion rules, run once per sentence that needs them
                excluded = [
                    (rule_id, x.start(), x.end())
                    for rule_id, pattern in exclusions
                    for x in pattern.finditer(clean.text, *sentence.span)
                ]
            reason = next(
                (rule for rule, lo, hi in excluded if lo <= m.start() and m.end() <= hi),
                "unparsed",
            )
            start, end = clean.to_original(m.start(), m.end())
            records.append(
                SkippedNumber(span=(start, end), quote=clean.original[start:end], reason=reason)
            )
    records.sort(key=lambda r: r.span)
    return records
