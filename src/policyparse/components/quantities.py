"""spaCy component: quantities (value, unit, range, placeholder) and excluded numbers.

Patterns are built from ``rules/units.yaml``, ``rules/cues.yaml`` and
``rules/exclusions.yaml``. A quantity that overlaps an exclusion (a document
number, a title in 《》, a numbered slogan …) is kept as an ``EXCLUDED`` span with
the rule id, so a reviewer sees what was skipped and why.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..numerals import AMOUNT_PATTERN, parse_amount, parse_multiple, parse_percent
from ..ruleset import RuleSet, load_rules
from ._spans import add_spans

__all__ = ["QuantityMatch", "QuantityRecognizer", "keep_longest"]

CJK = "\u4e00-\u9fff"


@dataclass(frozen=True)
class QuantityMatch:
    start: int
    end: int
    label: str  # QUANTITY or EXCLUDED
    rule: str
    data: dict[str, Any]


def keep_longest(matches: Iterable[QuantityMatch]) -> list[QuantityMatch]:
    """Overlap policy: the longest match wins, then the earliest."""
    chosen: list[QuantityMatch] = []
    for match in sorted(matches, key=lambda m: (-(m.end - m.start), m.start)):
        if all(match.end <= c.start or match.start >= c.end for c in chosen):
            chosen.append(match)
    return sorted(chosen, key=lambda m: m.start)


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


class QuantityRecognizer:
    """Find quantities in ``doc.text``; store them in ``doc.spans["quantities"]``."""

    def __init__(
        self,
        nlp: Language,
        name: str = "policy_quantities",
        *,
        rules_dir: str | None = None,
        overlap_filter: Callable[[Iterable[QuantityMatch]], list[QuantityMatch]] = keep_longest,
    ) -> None:
        self.name = name
        self.rules: RuleSet = load_rules(rules_dir)
        self.overlap_filter = overlap_filter
        units = self.rules.units
        self.unit_info = {u.unit: u for u in units.units}
        unit_alt = _alternation(self.unit_info)
        parts = _alternation(units.compound_parts)
        # an amount, "多/余" (more than), a unit, maybe compound: 1000元/生/年
        self.quantity = re.compile(
            rf"(?P<amount>{AMOUNT_PATTERN})\s*(?P<fuzzy>多|余)?\s*"
            rf"(?P<unit>(?:{unit_alt})(?:/(?:{parts}))*)(?!性)"
        )
        self.percent = re.compile(
            rf"(?P<amount>{AMOUNT_PATTERN})\s*[%％]|百分之(?P<cn>[零〇一二三四五六七八九十百点.\d]+)"
            rf"|(?P<tenths>[一二三四五六七八九\d])成(?P<extra>[一二三四五六七八九])?(?![为果本员立效绩长])"
        )
        self.multiple = re.compile(rf"翻(?:一|两|三)?番|(?P<amount>{AMOUNT_PATTERN})\s*倍")
        self.relative = re.compile(self.rules.cues.relative_standard)
        self.exclusions = [(r.id, re.compile(r.pattern)) for r in self.rules.exclusions.rules]
        self.cycle = re.compile(
            r"(?P<lo>\d{1,2}|[两二三四五六七八九十])(?:至|到|-|~)(?P<hi>\d{1,2}|[两二三四五六七八九十])年一(?:个)?周期"
        )
        self.single_yi_before = re.compile("[同任每唯统单某另逐其]$")

    def __call__(self, doc: Doc) -> Doc:
        matches = self.match(doc.text)
        self.set_annotations(doc, matches)
        return doc

    def match(self, text: str) -> list[QuantityMatch]:
        found: list[QuantityMatch] = []
        for m in self.quantity.finditer(text):
            found.extend(self._quantity(m, text))
        for m in self.percent.finditer(text):
            found.extend(self._percent(m))
        for m in self.multiple.finditer(text):
            value = parse_multiple(m.group())
            if value is not None:
                found.append(
                    QuantityMatch(
                        m.start(),
                        m.end(),
                        "QUANTITY",
                        "multiple",
                        {
                            "value": float(value),
                            "value_max": None,
                            "unit": "倍",
                            "unit_kind": "multiple",
                            "placeholder": False,
                            "approximate": False,
                            "surface": m.group(),
                        },
                    )
                )
        for m in self.relative.finditer(text):
            found.append(
                QuantityMatch(
                    m.start("ref"),
                    m.end("ref"),
                    "QUANTITY",
                    "relative_standard",
                    {
                        "value": 100.0,
                        "value_max": None,
                        "unit": "%",
                        "unit_kind": "relative",
                        "placeholder": False,
                        "approximate": False,
                        "surface": m.group("ref"),
                        "comparator_word": m.group("cmp"),
                    },
                )
            )
        for m in self.cycle.finditer(text):
            lo, hi = parse_amount(m.group("lo")), parse_amount(m.group("hi"))
            if lo and hi and lo.value is not None and hi.value is not None:
                found.append(
                    QuantityMatch(
                        m.start(),
                        m.end(),
                        "QUANTITY",
                        "cycle",
                        {
                            "value": float(lo.value),
                            "value_max": float(hi.value),
                            "unit": "年",
                            "unit_kind": "time",
                            "placeholder": False,
                            "approximate": False,
                            "surface": m.group(),
                        },
                    )
                )
        quantities = self.overlap_filter(found)
        return [self._excluded(q, text) for q in quantities]

    def _quantity(self, m: re.Match[str], text: str) -> list[QuantityMatch]:
        amount_text = m.group("amount")
        amount = parse_amount(amount_text)
        if amount is None:
            return []
        if amount_text == "一" and self.single_yi_before.search(text[: m.start()]):
            return []  # 同一所, 每一个: a determiner, not a count
        unit = m.group("unit")
        base = unit.split("/")[0]
        info = self.unit_info.get(base)
        if info is None:
            return []
        factor = Decimal(str(info.factor))
        value = amount.value * factor if amount.value is not None else None
        value_max = amount.value_max * factor if amount.value_max is not None else None
        shown_unit = unit if "/" in unit else (info.base or info.unit)
        approximate = amount.approximate or bool(m.group("fuzzy"))
        if m.group("fuzzy") and value is not None and value_max is None:
            value_max = None  # 十余所: more than ten; the value stays as written
        return [
            QuantityMatch(
                m.start(),
                m.end(),
                "QUANTITY",
                f"quantity_{info.kind}",
                {
                    "value": _number(value),
                    "value_max": _number(value_max),
                    "unit": shown_unit,
                    "unit_kind": "compound" if "/" in unit else info.kind,
                    "placeholder": amount.placeholder,
                    "approximate": approximate,
                    "surface": m.group(),
                    "amount_span": [m.start("amount"), m.end("amount")],
                    "default_comparator": info.comparator,
                },
            )
        ]

    def _percent(self, m: re.Match[str]) -> list[QuantityMatch]:
        placeholder = False
        value_max = None
        if m.group("amount"):
            amount = parse_amount(m.group("amount"))
            if amount is None:
                return []
            placeholder = amount.placeholder
            value = amount.value
            value_max = amount.value_max
        else:
            value = parse_percent(m.group())
            if value is None:
                return []
        return [
            QuantityMatch(
                m.start(),
                m.end(),
                "QUANTITY",
                "percent",
                {
                    "value": _number(value),
                    "value_max": _number(value_max),
                    "unit": "%",
                    "unit_kind": "percent",
                    "placeholder": placeholder,
                    "approximate": False,
                    "surface": m.group(),
                },
            )
        ]

    def _excluded(self, quantity: QuantityMatch, text: str) -> QuantityMatch:
        for rule_id, pattern in self.exclusions:
            lo = max(0, quantity.start - 60)
            hi = min(len(text), quantity.end + 60)
            for m in pattern.finditer(text, lo, hi):
                if m.start() < quantity.end and quantity.start < m.end() and m.end() > m.start():
                    return QuantityMatch(
                        quantity.start, quantity.end, "EXCLUDED", rule_id, quantity.data
                    )
        return quantity

    def set_annotations(self, doc: Doc, matches: list[QuantityMatch]) -> None:
        add_spans(doc, "quantities", [(m.start, m.end, m.label, m.rule, m.data) for m in matches])
