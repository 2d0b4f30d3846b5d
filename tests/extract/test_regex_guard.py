"""The first-character guard changes when a pattern fails, never what it finds."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policyparse._regex import compile_guarded, pattern_chars
from policyparse.numerals import AMOUNT_PATTERN
from policyparse.ruleset import load_rules

# a clause of a plan, with the forms amounts take in real documents
TEXT = (
    "到2020年，学前三年毛入园率达到85%以上，新建、改扩建幼儿园二十所，"
    "每3年培养30名名校长，投入1.5亿元，x所学校，数十万人次，近两年。"
)


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def test_the_amount_grammar_is_guarded() -> None:
    assert compile_guarded(AMOUNT_PATTERN).pattern.startswith("(?=[")


@given(st.text(alphabet="0123456789.,%万亿一二两十百千数几近将x×年元所 ，。", max_size=60))
def test_amounts_found_are_the_same(text: str) -> None:
    assert _spans(compile_guarded(AMOUNT_PATTERN), text) == _spans(re.compile(AMOUNT_PATTERN), text)


@pytest.mark.parametrize("rule", load_rules().exclusions.rules, ids=lambda r: r.id)
def test_exclusion_rules_find_the_same(rule: object) -> None:
    pattern = rule.pattern  # type: ignore[attr-defined]
    assert _spans(compile_guarded(pattern), TEXT) == _spans(re.compile(pattern), TEXT)


@pytest.mark.parametrize(
    "pattern",
    [r"\d+年", r"[^。]+", r".年", r"(?i)ab", r"a?", r"(?<=年)x*"],
    ids=["category", "negated class", "any", "ignorecase", "empty", "empty after lookbehind"],
)
def test_open_ended_or_empty_patterns_stay_as_written(pattern: str) -> None:
    assert compile_guarded(pattern).pattern == pattern


def test_the_set_covers_lookarounds_and_ranges() -> None:
    chars = pattern_chars("(?<![0-9])[a-c]+(?!年)")
    assert chars is not None and {"a", "b", "c", "0", "9", "年"} <= chars
