"""Compare the commitments of two plans: what was added, removed, changed, filled in.

:func:`diff_documents` aligns the commitments of an old and a new
:class:`~policyparse.schema.PolicyDocument` one to one and groups the pairs:

1. **Alignment score.** Two commitments with the same non-null ``indicator`` score 100;
   different non-null indicators never match. Otherwise the metrics are compared with
   rapidfuzz (the mean of ``fuzz.ratio`` and ``fuzz.partial_ratio``; the quote without
   its numbers stands in for a missing metric). Incompatible units (``%`` against ``所``)
   never match. Pairs below :data:`MATCH_THRESHOLD` are never matched.
2. **Ties** are broken by the metrics' similarity (also when the indicators agree), small
   bonuses (same kind, scope, section, deadline, value) and a penalty for a different
   relative position in the document.
3. **One to one, greedy**: the best-scoring pair is taken first, then the next pair whose
   commitments are both still free; the order is fully deterministic.
4. **Splits**: a new commitment left over whose best old commitment is already matched to
   a new commitment of the same sentence and the same indicator or metric is reported with
   it as a ``split`` (one old, several new).

Everything here is plain Python (no typer, no rich); the JSON form is
``PlanDiff.model_dump_json()``.
"""

from __future__ import annotations

import difflib
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field
from rapidfuzz import fuzz

from .schema import Commitment, PolicyDocument

__all__ = [
    "COMPARED_FIELDS",
    "MATCH_THRESHOLD",
    "SPLIT_THRESHOLD",
    "DocumentRef",
    "FieldChange",
    "MatchedPair",
    "PlanDiff",
    "RedlineOp",
    "SentenceRef",
    "SplitItem",
    "diff_documents",
    "metric_similarity",
    "redline",
    "sentence_of",
]

MATCH_THRESHOLD = 75.0
"""Least metric similarity (0–100) for two commitments to be aligned."""

SPLIT_THRESHOLD = 90.0
"""Least metric similarity between two new commitments to count as parts of one split."""

COMPARED_FIELDS: tuple[str, ...] = (
    "value",
    "value_max",
    "unit",
    "comparator",
    "deadline",
    "deadline_month",
    "owner",
    "modality",
    "frequency",
)
"""The fields whose difference makes a matched pair ``changed``."""

SENTENCE_BOUNDARIES = "。！？；!?;\n"

_UNIT_GROUPS: tuple[frozenset[str], ...] = (frozenset({"%", "个百分点", "百分点"}),)
_NUMBERS = re.compile(r"[0-9０-９.．%％xX×]+|[零〇一二三四五六七八九十百千万亿两]+")

FieldValue = float | int | str | None


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FieldChange(_Model):
    """One field of a matched pair that differs."""

    field: str
    old: FieldValue
    new: FieldValue

    def describe(self) -> str:
        """``deadline 2020 → 2022``; ``—`` for a missing value."""
        return f"{self.field} {shown_value(self.old)} → {shown_value(self.new)}"


class RedlineOp(_Model):
    """One step of a character-level redline: ``old`` text becomes ``new`` text."""

    op: Literal["equal", "delete", "insert", "replace"]
    old: str = Field(description="The old sentence's text of this step ('' for insert).")
    new: str = Field(description="The new sentence's text of this step ('' for delete).")


class SentenceRef(_Model):
    """The sentence that holds a commitment: ``text == document_text[span[0]:span[1]]``."""

    span: tuple[int, int]
    text: str


class MatchedPair(_Model):
    """An old and a new commitment aligned with each other."""

    old: Commitment
    new: Commitment
    score: float = Field(description="Metric similarity of the pair (0–100).")
    changes: list[FieldChange] = Field(
        default_factory=list, description="Fields that differ (for filled: besides the value)."
    )
    old_sentence: SentenceRef
    new_sentence: SentenceRef
    redline: list[RedlineOp] | None = Field(
        None, description="Old sentence → new sentence, for changed and filled pairs."
    )


class SplitItem(_Model):
    """One old commitment whose target the new plan states as several commitments."""

    old: Commitment
    new: list[Commitment]
    score: float
    old_sentence: SentenceRef
    new_sentence: SentenceRef
    redline: list[RedlineOp]


class DocumentRef(_Model):
    id: str
    source: str
    title: str | None


class PlanDiff(_Model):
    """The difference between two plans' commitments."""

    old: DocumentRef
    new: DocumentRef
    threshold: float = MATCH_THRESHOLD
    added: list[Commitment] = Field(default_factory=list)
    removed: list[Commitment] = Field(default_factory=list)
    changed: list[MatchedPair] = Field(default_factory=list)
    filled: list[MatchedPair] = Field(
        default_factory=list,
        description="A template placeholder (`xx%`) on the old side, a value on the new side.",
    )
    split: list[SplitItem] = Field(default_factory=list)
    unchanged: list[MatchedPair] = Field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        return {
            "added": len(self.added),
            "removed": len(self.removed),
            "changed": len(self.changed),
            "filled": len(self.filled),
            "split": len(self.split),
            "unchanged": len(self.unchanged),
        }

    @property
    def has_changes(self) -> bool:
        """Anything but unchanged pairs."""
        return any(n for key, n in self.counts.items() if key != "unchanged")

    def summary(self) -> str:
        """``n added, n removed, n changed, n filled, n split, n unchanged``."""
        return ", ".join(f"{n} {key}" for key, n in self.counts.items())


def shown_value(value: FieldValue) -> str:
    """A field's value as a reader expects it: ``30`` not ``30.0``, ``—`` for none."""
    if value is None:
        return "—"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def label(c: Commitment) -> str:
    """What a commitment is about, in a line: its metric, else its quote."""
    return c.metric or c.quote


def sentence_of(text: str, span: tuple[int, int]) -> SentenceRef:
    """The sentence around ``span``: out to the nearest 。！？；or line break on each side.

    The closing punctuation is kept, the line break and leading blanks are not.
    """
    start, end = span
    while start > 0 and text[start - 1] not in SENTENCE_BOUNDARIES:
        start -= 1
    # a quote that ends its sentence (…达到80%。) does not reach into the next one
    if end == start or text[end - 1] not in SENTENCE_BOUNDARIES:
        while end < len(text) and text[end] not in SENTENCE_BOUNDARIES:
            end += 1
        if end < len(text) and text[end] not in "\r\n":
            end += 1
    while start < span[0] and text[start].isspace():
        start += 1
    while end > span[1] and text[end - 1].isspace():
        end -= 1
    return SentenceRef(span=(start, end), text=text[start:end])


def redline(old: str, new: str) -> list[RedlineOp]:
    """A character-level diff of two strings (Chinese has no spaces to split words on)."""
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    ops: list[RedlineOp] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            ops.append(RedlineOp(op="equal", old=old[i1:i2], new=new[j1:j2]))
        elif tag == "delete":
            ops.append(RedlineOp(op="delete", old=old[i1:i2], new=""))
        elif tag == "insert":
            ops.append(RedlineOp(op="insert", old="", new=new[j1:j2]))
        else:
            ops.append(RedlineOp(op="replace", old=old[i1:i2], new=new[j1:j2]))
    return ops


def _metric_text(c: Commitment) -> str:
    if c.metric:
        return c.metric
    return _NUMBERS.sub("", c.quote)


def metric_similarity(a: str, b: str) -> float:
    """How alike two metrics are, 0–100: the mean of ratio and partial ratio."""
    if not a or not b:
        return 0.0
    if a == b:
        return 100.0
    return (fuzz.ratio(a, b) + fuzz.partial_ratio(a, b)) / 2


def _units_compatible(a: str | None, b: str | None) -> bool:
    if a is None or b is None or a == b:
        return True
    return any(a in group and b in group for group in _UNIT_GROUPS)


def _similarity(old: Commitment, new: Commitment) -> float:
    if old.indicator is not None and new.indicator is not None:
        return 100.0 if old.indicator == new.indicator else 0.0
    if not _units_compatible(old.unit, new.unit):
        return 0.0
    return metric_similarity(_metric_text(old), _metric_text(new))


def _tie_break(old: Commitment, new: Commitment, old_len: int, new_len: int) -> float:
    # metric wording counts even when the indicators already agree (省级 / 市级 … 基地)
    bonus = 0.2 * metric_similarity(_metric_text(old), _metric_text(new))
    bonus += 3.0 if old.kind == new.kind else 0.0
    bonus += 2.0 if old.scope is not None and old.scope == new.scope else 0.0
    bonus += 2.0 if old.section is not None and old.section == new.section else 0.0
    bonus += 1.0 if old.deadline == new.deadline else 0.0
    bonus += 1.0 if old.value == new.value else 0.0
    old_pos = old.span[0] / max(old_len, 1)
    new_pos = new.span[0] / max(new_len, 1)
    return bonus - 5.0 * abs(old_pos - new_pos)


def _changes(old: Commitment, new: Commitment) -> list[FieldChange]:
    changes: list[FieldChange] = []
    for name in COMPARED_FIELDS:
        a, b = getattr(old, name), getattr(new, name)
        if a != b:
            changes.append(FieldChange(field=name, old=a, new=b))
    return changes


def _same_target(a: Commitment, b: Commitment) -> bool:
    """Two new commitments that state parts of one target."""
    if a.indicator is not None and b.indicator is not None:
        return a.indicator == b.indicator
    if not _units_compatible(a.unit, b.unit):
        return False
    return metric_similarity(_metric_text(a), _metric_text(b)) >= SPLIT_THRESHOLD


def _ref(document: PolicyDocument) -> DocumentRef:
    meta = document.document
    return DocumentRef(id=meta.id, source=meta.source, title=meta.title)


def diff_documents(
    old: PolicyDocument, new: PolicyDocument, *, old_text: str, new_text: str
) -> PlanDiff:
    """Align the commitments of two plans and group them.

    Args:
        old: The earlier plan (or the template).
        new: The later plan (or the filled-in copy).
        old_text: The original text of ``old``, which its spans index.
        new_text: The original text of ``new``.

    Returns:
        The added, removed, changed, filled, split and unchanged commitments, in the
        order of the new document (removed: of the old one).
    """
    olds, news = old.commitments, new.commitments
    similarity: dict[tuple[int, int], float] = {}
    candidates: list[tuple[float, float, int, int]] = []
    for i, a in enumerate(olds):
        for j, b in enumerate(news):
            sim = _similarity(a, b)
            if sim < MATCH_THRESHOLD:
                continue
            similarity[i, j] = sim
            total = sim + _tie_break(a, b, len(old_text), len(new_text))
            candidates.append((-total, -sim, i, j))
    candidates.sort()

    pair_of_old: dict[int, int] = {}
    pair_of_new: dict[int, int] = {}
    for _, _, i, j in candidates:
        if i not in pair_of_old and j not in pair_of_new:
            pair_of_old[i] = j
            pair_of_new[j] = i

    new_sentences = [sentence_of(new_text, c.span) for c in news]
    old_sentences = [sentence_of(old_text, c.span) for c in olds]

    # splits: a leftover new commitment whose best old one is matched to its sentence-mate
    parts: dict[int, list[int]] = {}
    for j in range(len(news)):
        if j in pair_of_new:
            continue
        scored = [(similarity[i, j], -i, i) for i in range(len(olds)) if (i, j) in similarity]
        if not scored:
            continue
        i = max(scored)[2]
        if i not in pair_of_old:
            continue
        j0 = pair_of_old[i]
        if new_sentences[j0].span == new_sentences[j].span and _same_target(news[j0], news[j]):
            parts.setdefault(i, [j0]).append(j)
            pair_of_new[j] = i

    result = PlanDiff(old=_ref(old), new=_ref(new))
    for j, b in enumerate(news):
        if j not in pair_of_new:
            result.added.append(b)
            continue
        i = pair_of_new[j]
        a = olds[i]
        if i in parts:
            group = sorted(parts[i])
            if j != group[0]:
                continue
            spans = [new_sentences[k].span for k in group]
            sentence_span = (min(s[0] for s in spans), max(s[1] for s in spans))
            new_sentence = SentenceRef(
                span=sentence_span, text=new_text[sentence_span[0] : sentence_span[1]]
            )
            result.split.append(
                SplitItem(
                    old=a,
                    new=[news[k] for k in group],
                    score=round(similarity[i, group[0]], 1),
                    old_sentence=old_sentences[i],
                    new_sentence=new_sentence,
                    redline=redline(old_sentences[i].text, new_sentence.text),
                )
            )
            continue
        changes = _changes(a, b)
        filled = a.placeholder and not b.placeholder and b.value is not None
        if filled:
            changes = [c for c in changes if c.field not in {"value", "value_max"}]
        pair = MatchedPair(
            old=a,
            new=b,
            score=round(similarity[i, j], 1),
            changes=changes,
            old_sentence=old_sentences[i],
            new_sentence=new_sentences[j],
            redline=(
                redline(old_sentences[i].text, new_sentences[j].text) if filled or changes else None
            ),
        )
        if filled:
            result.filled.append(pair)
        elif changes:
            result.changed.append(pair)
        else:
            result.unchanged.append(pair)
    result.removed.extend(a for i, a in enumerate(olds) if i not in pair_of_old)
    return result
