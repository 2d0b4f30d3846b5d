"""Score extracted commitments against hand-annotated gold (corpus/GUIDELINES.md).

A system commitment matches a gold record when its span overlaps the gold quote's
position in the file and, for gold records with a value, the values are equal
(two placeholders are equal). Detection is scored as precision, recall and F1;
on matched pairs each field is scored: ``owner`` and ``scope`` by fuzzy similarity
of at least 80, ``metric`` by fuzzy containment of at least 80, the rest exactly.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import InputError
from .schema import Commitment, PolicyDocument

__all__ = [
    "FIELDS",
    "DocumentScore",
    "EvaluationReport",
    "GoldRecord",
    "evaluate_corpus",
    "load_gold",
    "score_document",
]

FIELDS = (
    "kind",
    "metric",
    "value",
    "value_max",
    "unit",
    "comparator",
    "deadline",
    "deadline_month",
    "frequency",
    "scope",
    "owner",
    "modality",
    "placeholder",
)
FUZZY_SIMILARITY_MIN = 80.0
FUZZY_CONTAINMENT_MIN = 80.0
VALUE_TOLERANCE = 1e-9


@dataclass(frozen=True)
class GoldRecord:
    """One annotated commitment and where its quote stands in the file.

    ``span`` is the first occurrence after the record before it; ``alternatives``
    are the other occurrences of the same quote up to the next record whose quote
    is unique, any of which the record may stand for (``6月底完成`` closes many
    items; gold does not say which one it means beyond its order).
    """

    fields: dict[str, Any]
    span: tuple[int, int] | None
    line: int
    alternatives: tuple[tuple[int, int], ...] = ()

    @property
    def quote(self) -> str:
        return str(self.fields["quote"])


@dataclass
class DocumentScore:
    doc: str
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    field_hits: dict[str, int] = field(default_factory=dict)
    missed: list[GoldRecord] = field(default_factory=list)
    spurious: list[Commitment] = field(default_factory=list)
    mismatches: list[tuple[str, GoldRecord, Commitment]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class EvaluationReport:
    documents: list[DocumentScore]

    def total(self) -> DocumentScore:
        total = DocumentScore(doc="all")
        for score in self.documents:
            total.gold += score.gold
            total.predicted += score.predicted
            total.matched += score.matched
            for name, hits in score.field_hits.items():
                total.field_hits[name] = total.field_hits.get(name, 0) + hits
        return total

    def field_accuracy(self) -> dict[str, float]:
        total = self.total()
        return {
            name: (total.field_hits.get(name, 0) / total.matched if total.matched else 0.0)
            for name in FIELDS
        }

    def to_dict(self) -> dict[str, Any]:
        total = self.total()
        return {
            "precision": total.precision,
            "recall": total.recall,
            "f1": total.f1,
            "gold": total.gold,
            "predicted": total.predicted,
            "matched": total.matched,
            "field_accuracy": self.field_accuracy(),
            "documents": [
                {
                    "doc": s.doc,
                    "precision": s.precision,
                    "recall": s.recall,
                    "f1": s.f1,
                    "gold": s.gold,
                    "predicted": s.predicted,
                    "matched": s.matched,
                    "problems": s.problems,
                }
                for s in self.documents
            ],
        }


def load_gold(path: Path, text: str) -> tuple[list[GoldRecord], list[str]]:
    """Read a gold file and locate each quote in the document text.

    Records that share a quote take its occurrences in file order.

    Returns:
        The records, and the problems met (unreadable lines, quotes not found).
    """
    records: list[GoldRecord] = []
    problems: list[str] = []
    # Gold lists records in document order: a quote that occurs more than once
    # (6月底完成) is the occurrence after the previous record.
    cursor = 0
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as e:
            problems.append(f"{path}:{number}: not JSON: {e.msg}")
            continue
        quote = str(data.get("quote", ""))
        start = text.find(quote, cursor) if quote else -1
        if start < 0 and quote:
            start = text.find(quote)
        if start < 0:
            problems.append(f"{path}:{number}: quote not found in the document: {quote!r}")
            records.append(GoldRecord(fields=data, span=None, line=number))
            continue
        cursor = start + 1
        records.append(GoldRecord(fields=data, span=(start, start + len(quote)), line=number))
    return _with_alternatives(records, text), problems


def _with_alternatives(records: list[GoldRecord], text: str) -> list[GoldRecord]:
    out = []
    for i, record in enumerate(records):
        if record.span is None or text.count(record.quote) < 2:
            out.append(record)
            continue
        limit = len(text)
        for later in records[i + 1 :]:
            if later.span is not None and text.count(later.quote) == 1:
                limit = later.span[0]
                break
        spans = []
        pos = text.find(record.quote, record.span[0] + 1)
        while 0 <= pos < limit:
            spans.append((pos, pos + len(record.quote)))
            pos = text.find(record.quote, pos + 1)
        out.append(GoldRecord(record.fields, record.span, record.line, tuple(spans)))
    return out


def _values_equal(gold: GoldRecord, commitment: Commitment) -> bool:
    if gold.fields.get("value") is None:
        return True
    if bool(gold.fields.get("placeholder")) and commitment.placeholder:
        return True
    if commitment.value is None:
        return False
    return abs(float(gold.fields["value"]) - commitment.value) <= VALUE_TOLERANCE * max(
        1.0, abs(commitment.value)
    )


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _field_hit(name: str, gold_value: Any, system_value: Any) -> bool:
    from rapidfuzz import fuzz

    if name in {"owner", "scope", "metric"}:
        if gold_value is None or system_value is None:
            return gold_value is None and system_value is None
        gold_text, system_text = str(gold_value), str(system_value)
        if name == "metric":
            return fuzz.partial_ratio(gold_text, system_text) >= FUZZY_CONTAINMENT_MIN
        return fuzz.ratio(gold_text, system_text) >= FUZZY_SIMILARITY_MIN
    if name in {"value", "value_max"}:
        if gold_value is None or system_value is None:
            return gold_value is None and system_value is None
        return abs(float(gold_value) - float(system_value)) <= VALUE_TOLERANCE * max(
            1.0, abs(float(gold_value))
        )
    if name == "placeholder":
        return bool(gold_value) == bool(system_value)
    return bool(gold_value == system_value)


def score_document(
    doc: str, gold: Sequence[GoldRecord], commitments: Sequence[Commitment]
) -> DocumentScore:
    """Match commitments to gold records one to one and score them."""
    score = DocumentScore(doc=doc, gold=len(gold), predicted=len(commitments))
    pairs = []
    for gi, record in enumerate(gold):
        if record.span is None:
            continue
        for ci, commitment in enumerate(commitments):
            overlap = max(
                _overlap(span, commitment.span) for span in (record.span, *record.alternatives)
            )
            if overlap and _values_equal(record, commitment):
                pairs.append((-overlap, gi, ci))
    pairs.sort()
    used_gold: set[int] = set()
    used_system: set[int] = set()
    for _, gi, ci in pairs:
        if gi in used_gold or ci in used_system:
            continue
        used_gold.add(gi)
        used_system.add(ci)
        score.matched += 1
        record, commitment = gold[gi], commitments[ci]
        for name in FIELDS:
            system_value = getattr(commitment, name)
            if _field_hit(name, record.fields.get(name), system_value):
                score.field_hits[name] = score.field_hits.get(name, 0) + 1
            else:
                score.mismatches.append((name, record, commitment))
    score.missed = [g for i, g in enumerate(gold) if i not in used_gold]
    score.spurious = [c for i, c in enumerate(commitments) if i not in used_system]
    return score


def evaluate_corpus(
    corpus: Path, documents: Iterable[tuple[Path, PolicyDocument, str]]
) -> EvaluationReport:
    """Score parsed documents against ``corpus/gold/<stem>.jsonl``.

    Args:
        corpus: The corpus folder (with ``gold/``).
        documents: (path, parsed document, original text) for each document.

    Raises:
        InputError: When the corpus has no gold folder.
    """
    gold_dir = corpus / "gold"
    if not gold_dir.is_dir():
        raise InputError(str(corpus), "no gold/ folder with annotated commitments")
    scores = []
    for path, document, text in documents:
        gold_path = gold_dir / f"{path.stem}.jsonl"
        if not gold_path.is_file():
            continue
        records, problems = load_gold(gold_path, text)
        score = score_document(path.stem, records, document.commitments)
        score.problems = problems
        scores.append(score)
    return EvaluationReport(documents=scores)
