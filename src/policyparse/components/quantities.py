"""spaCy component: quantities (value, unit, range, placeholder) and excluded numbers.

Patterns are built from ``rules/units.yaml``, ``rules/cues.yaml`` and
``rules/exclusions.yaml``. A quantity that overlaps an exclusion (a document
number, a title in 《》, a numbered slogan …) is kept as an ``EXCLUDED`` span with
the rule id, so a reviewer sees what was skipped and why.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .._regex import compile_guarded
from ..numerals import AMOUNT_PATTERN, parse_amount, parse_multiple, parse_percent
from ..ruleset import RuleSet, load_rules
from ._spans import add_spans, doc_text

__all__ = ["QuantityMatch", "QuantityRecognizer", "keep_longest"]

CJK = "\u4e00-\u9fff"
# 同一所, 每一个, 统一…: 一 after these is a determiner, not a count
DETERMINER_BEFORE_YI = "同任每唯统单某另逐其"


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
    for match in sorted(matches, key=lambda m: (m.start, -(m.end - m.start))):
        if chosen and match.start < chosen[-1].end:
            if match.end - match.start > chosen[-1].end - chosen[-1].start:
                chosen[-1] = match
            continue
        chosen.append(match)
    return chosen


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


class QuantityRecognizer:
    """Find quantities in ``doc_text(doc)``; store them in ``doc.spans["quantities"]``."""

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
        # One scan for amounts; what follows each decides what it is (a unit, %,
        # 倍). Scanning once matters: the amount pattern is the costly one.
        self.amount = compile_guarded(AMOUNT_PATTERN)
        self.after_amount = re.compile(
            rf"\s*(?:(?P<percent>[%％])|(?P<times>倍)|(?P<fuzzy>多|余)?\s*"
            rf"(?P<unit>(?:{unit_alt})(?:/(?:{parts}))*)(?!性))"
        )
        self.written_percent = re.compile(
            r"百分之(?P<cn>[零〇一二三四五六七八九十百点.\d]+)"
            r"|(?P<tenths>[一二三四五六七八九\d])成(?P<extra>[一二三四五六七八九])?(?![为果本员立效绩长])"
        )
        self.doubling = re.compile(r"翻(?:一|两|三)?番")
        self.percent_range = re.compile(
            rf"\s*(?:[-—–－~～]+|至|到)\s*(?P<hi>{AMOUNT_PATTERN})\s*[%％]"
        )
        self.relative = re.compile(self.rules.cues.relative_standard)
        self.duration_years = re.compile(self.rules.cues.duration_years)
        self.exclusions = [(r.id, re.compile(r.pattern)) for r in self.rules.exclusions.rules]
        self.cycle = re.compile(
            r"(?P<lo>\d{1,2}|[两二三四五六七八九十])(?:至|到|-|~)(?P<hi>\d{1,2}|[两二三四五六七八九十])年一(?:个)?周期"
        )

    def __call__(self, doc: Doc) -> Doc:
        matches = self.match(doc_text(doc))
        self.set_annotations(doc, matches)
        return doc

    def match(self, text: str) -> list[QuantityMatch]:
        found: list[QuantityMatch] = []
        for amount in self.amount.finditer(text):
            follow = self.after_amount.match(text, amount.end())
            if follow is None:
                continue
            if follow.group("percent"):
                upper = self.percent_range.match(text, follow.end())
                if upper:  # 80%—90%, 80%至90%: one range, not two targets
                    found.extend(
                        self._percent(
                            f"{amount.group()}至{upper.group('hi')}", amount.start(), upper.end()
                        )
                    )
                else:
                    found.extend(self._percent(amount.group(), amount.start(), follow.end()))
            elif follow.group("times"):
                found.extend(
                    self._multiple(
                        text[amount.start() : follow.end()], amount.start(), follow.end()
                    )
                )
            else:
                found.extend(self._quantity(amount, follow, text))
        for m in self.written_percent.finditer(text):
            found.extend(self._percent(None, m.start(), m.end(), written=m.group()))
        for m in self.doubling.finditer(text):
            found.extend(self._multiple(m.group(), m.start(), m.end()))
        for m in self.duration_years.finditer(text):
            found.append(
                QuantityMatch(
                    m.start("amount"),
                    m.end(),
                    "QUANTITY",
                    "quantity_years",
                    {
                        "value": float(Decimal(m.group("amount"))),
                        "value_max": None,
                        "unit": "年",
                        "unit_kind": "duration",
                        "placeholder": False,
                        "approximate": False,
                        "surface": text[m.start("amount") : m.end()],
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
        if not quantities:
            return []
        # per rule, the (non-overlapping) matches in order: starts and ends
        exclusions: list[tuple[str, list[int], list[int]]] = []
        for rule_id, pattern in self.exclusions:
            spans = [m.span() for m in pattern.finditer(text) if m.end() > m.start()]
            if spans:
                exclusions.append((rule_id, [s for s, _ in spans], [e for _, e in spans]))
        return [self._excluded(q, exclusions) for q in quantities]

    def _quantity(
        self, amount_match: re.Match[str], follow: re.Match[str], text: str
    ) -> list[QuantityMatch]:
        amount_text = amount_match.group()
        amount = parse_amount(amount_text)
        if amount is None:
            return []
        start = amount_match.start()
        if amount_text == "一" and start > 0 and text[start - 1] in DETERMINER_BEFORE_YI:
            return []  # 同一所, 每一个: a determiner, not a count
        unit = follow.group("unit")
        info = self.unit_info.get(unit.split("/")[0])
        if info is None:
            return []
        factor = Decimal(str(info.factor))
        value = amount.value * factor if amount.value is not None else None
        value_max = amount.value_max * factor if amount.value_max is not None else None
        shown_unit = unit if "/" in unit else (info.base or info.unit)
        return [
            QuantityMatch(
                amount_match.start(),
                follow.end(),
                "QUANTITY",
                f"quantity_{info.kind}",
                {
                    "value": _number(value),
                    "value_max": _number(value_max),
                    "unit": shown_unit,
                    "unit_kind": "compound" if "/" in unit else info.kind,
                    "placeholder": amount.placeholder,
                    "approximate": amount.approximate or bool(follow.group("fuzzy")),
                    "surface": text[amount_match.start() : follow.end()],
                    "default_comparator": info.comparator,
                },
            )
        ]

    def _multiple(self, surface: str, start: int, end: int) -> list[QuantityMatch]:
        value = parse_multiple(surface)
        if value is None:
            return []
        return [
            QuantityMatch(
                start,
                end,
                "QUANTITY",
                "multiple",
                {
                    "value": float(value),
                    "value_max": None,
                    "unit": "倍",
                    "unit_kind": "multiple",
                    "placeholder": False,
                    "approximate": False,
                    "surface": surface,
                },
            )
        ]

    def _percent(
        self, amount_text: str | None, start: int, end: int, *, written: str | None = None
    ) -> list[QuantityMatch]:
        placeholder = False
        value_max = None
        if amount_text is not None:
            amount = parse_amount(amount_text)
            if amount is None:
                return []
            placeholder = amount.placeholder
            value = amount.value
            value_max = amount.value_max
        else:
            value = parse_percent(written or "")
            if value is None:
                return []
        return [
            QuantityMatch(
                start,
                end,
                "QUANTITY",
                "percent",
                {
                    "value": _number(value),
                    "value_max": _number(value_max),
                    "unit": "%",
                    "unit_kind": "percent",
                    "placeholder": placeholder,
                    "approximate": False,
                    "surface": written or f"{amount_text}%",
                },
            )
        ]

    @staticmethod
    def _excluded(
        quantity: QuantityMatch, exclusions: list[tuple[str, list[int], list[int]]]
    ) -> QuantityMatch:
        """The quantity, or an EXCLUDED record naming the first rule that covers it."""
        for rule_id, starts, ends in exclusions:
            i = bisect_left(starts, quantity.end) - 1  # the last match starting before its end
            if i >= 0 and ends[i] > quantity.start:
                return QuantityMatch(
                    quantity.start, quantity.end, "EXCLUDED", rule_id, quantity.data
                )
        return quantity

    def set_annotations(self, doc: Doc, matches: list[QuantityMatch]) -> None:
        add_spans(doc, "quantities", [(m.start, m.end, m.label, m.rule, m.data) for m in matches])
