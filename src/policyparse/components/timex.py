"""spaCy component: deadlines, plan phases and frequencies (``rules/time.yaml``)."""

from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..numerals import parse_amount
from ..ruleset import load_rules
from ._spans import add_spans, doc_text

__all__ = ["TimeRecognizer"]

# the n-th five-year plan ends in 1985 + 5 (n - 6): 十三五 → 2020, 十四五 → 2025
FIVE_YEAR_PLAN_BASE = 1985
FIVE_YEAR_PLAN_BASE_ORDINAL = 6


class TimeRecognizer:
    """Find deadline, phase and frequency expressions in ``doc_text(doc)``."""

    def __init__(self, nlp: Language, name: str = "policy_time", *, rules_dir: str | None = None):
        self.name = name
        rules = load_rules(rules_dir).time
        self.deadlines = [(r.id, re.compile(r.pattern)) for r in rules.deadlines]
        self.frequencies = [
            (r.id, r.frequency or r.id, re.compile(r.pattern)) for r in rules.frequencies
        ]

    def __call__(self, doc: Doc) -> Doc:
        deadlines, frequencies = self.match(doc_text(doc))
        add_spans(doc, "deadlines", deadlines)
        add_spans(doc, "frequencies", frequencies)
        return doc

    def match(
        self, text: str
    ) -> tuple[
        list[tuple[int, int, str, str, dict[str, Any]]],
        list[tuple[int, int, str, str, dict[str, Any]]],
    ]:
        deadlines: list[tuple[int, int, str, str, dict[str, Any]]] = []
        taken = bytearray(len(text) + 1)  # characters an earlier rule already read
        for rule_id, pattern in self.deadlines:
            for m in pattern.finditer(text):
                if m.end() == m.start() or any(taken[m.start() : m.end()]):
                    continue
                data = self._deadline(m)
                if data is None:
                    continue
                taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
                deadlines.append((m.start(), m.end(), "DEADLINE", rule_id, data))
        frequencies: list[tuple[int, int, str, str, dict[str, Any]]] = []
        for rule_id, frequency, pattern in self.frequencies:
            for m in pattern.finditer(text):
                if m.end() == m.start():
                    continue
                value = frequency
                if frequency == "per_n_years":
                    amount = parse_amount(m.group("n"))
                    if amount is None or amount.value is None:
                        continue
                    value = f"per_n_years:{int(amount.value)}"
                frequencies.append(
                    (
                        m.start(),
                        m.end(),
                        "FREQUENCY",
                        rule_id,
                        {"frequency": value, "surface": m.group()},
                    )
                )
        deadlines.sort()
        frequencies.sort()
        return deadlines, frequencies

    @staticmethod
    def _deadline(m: re.Match[str]) -> dict[str, Any] | None:
        groups = m.groupdict()
        data: dict[str, Any] = {"surface": m.group(), "year": None, "month": None, "relative": None}
        if groups.get("year"):
            data["year"] = int(groups["year"])
        if groups.get("month"):
            month = int(groups["month"])
            if not 1 <= month <= 12:
                return None
            data["month"] = month
        if groups.get("rel"):
            data["relative"] = "this_year"
            data["month"] = 12
        if groups.get("thisyear"):
            data["relative"] = "this_year"
        if groups.get("nextyear"):
            data["relative"] = "next_year"
        if groups.get("fyp"):
            amount = parse_amount(groups["fyp"])
            if amount is None or amount.value is None:
                return None
            n = int(amount.value)
            data["year"] = FIVE_YEAR_PLAN_BASE + 5 * (n - FIVE_YEAR_PLAN_BASE_ORDINAL)
        if data["year"] is None and data["month"] is None and data["relative"] is None:
            return None
        return data
