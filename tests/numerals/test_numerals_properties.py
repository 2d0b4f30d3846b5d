"""Properties of ``policyparse.numerals``: totality, round trips, pattern agreement, linearity.

Hypothesis drives arbitrary text and text over the numeral alphabet through every
public function; the ``@example`` rows are inputs that broke a draft of the module
(a ``-`` inside a character class that turned into a CJK range, a grouped number
whose rest is not a group, numerals glued to other numerals).
"""

from __future__ import annotations

import random
import re
from decimal import Decimal

from hypothesis import example, given
from hypothesis import strategies as st

from policyparse.numerals import (
    AMOUNT_PATTERN,
    NUMERAL_PATTERN,
    Amount,
    parse_amount,
    parse_month,
    parse_multiple,
    parse_number,
    parse_percent,
    parse_year,
)

FUNCTIONS = (parse_number, parse_amount, parse_percent, parse_multiple, parse_year, parse_month)
NUMERAL_ALPHABET = (
    "0123456789０５,.．零〇○一二两三四五六七八九十百千万亿壹贰拾佰仟萬億兩"
    "点余多几数上近约至到-～—xX×％%成倍番翻左右分钟米之年月底 "
)
FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
CN_DIGITS = "零一二三四五六七八九"


def to_chinese(number: int) -> str:
    """Standard Chinese numeral for 0 <= number < 10**12 (一十 at the start → 十)."""
    if number == 0:
        return "零"

    def section(value: int) -> str:
        out, gap = "", False
        for unit, div in (("千", 1000), ("百", 100), ("十", 10), ("", 1)):
            digit = value // div % 10
            if digit == 0:
                gap = gap or bool(out)
                continue
            if gap:
                out += "零"
                gap = False
            out += CN_DIGITS[digit] + unit
        return out

    out, skipped = "", False
    for value, unit in (
        (number // 10**8, "亿"),
        (number // 10**4 % 10**4, "万"),
        (number % 10**4, ""),
    ):
        if value == 0:
            skipped = skipped or bool(out)
            continue
        if out and (skipped or value < 1000):
            out += "零"
        out += section(value) + unit
        skipped = False
    return out[1:] if out.startswith("一十") else out


@given(st.text())
@example("十余")
@example("三四十")
@example("1,234,5678")
@example("２０２０年")
@example("\x00")
def test_every_function_is_total(text: str) -> None:
    for function in FUNCTIONS:
        function(text)


@given(st.text(alphabet=NUMERAL_ALPHABET, max_size=12))
@example("二〇二〇")
@example("十两")
@example("0余")
@example("5至3")
def test_every_function_is_total_on_numeral_text(text: str) -> None:
    for function in FUNCTIONS:
        function(text)


@given(st.integers(min_value=0, max_value=10**40))
def test_integers_round_trip(number: int) -> None:
    assert parse_number(str(number)) == number
    assert parse_number(f"{number:,}") == number
    assert parse_number(str(number).translate(FULLWIDTH)) == number


@given(st.decimals(min_value=0, max_value=10**12, allow_nan=False, allow_infinity=False))
@example(Decimal("0.50"))
@example(Decimal("1640000000"))
def test_decimals_round_trip(number: Decimal) -> None:
    text = format(abs(number), "f")
    assert parse_number(text) == abs(number)


@given(st.integers(min_value=0, max_value=10**12 - 1))
@example(10)
@example(105)
@example(100_000_005)
@example(1_000_010_000)
def test_chinese_numerals_round_trip(number: int) -> None:
    assert parse_number(to_chinese(number)) == number


@given(st.integers(min_value=1, max_value=10**12 - 1))
def test_chinese_numerals_with_units_times_a_myriad(number: int) -> None:
    # 30万, 1.2万: Arabic coefficient of a big unit
    assert parse_number(f"{number}万") == number * 10**4
    assert parse_number(f"{number}亿") == number * 10**8


@given(st.text(alphabet=NUMERAL_ALPHABET, max_size=10))
@example("半")
@example("十分")
@example("一万二")
def test_numeral_pattern_agrees_with_parse_number(text: str) -> None:
    stripped = text.strip()
    matched = bool(stripped) and re.fullmatch(NUMERAL_PATTERN, stripped) is not None
    parsed = parse_number(text) is not None
    assert matched == parsed or stripped == "半"


@given(st.text(alphabet=NUMERAL_ALPHABET, max_size=10))
@example("十余万")
@example("约xx")
def test_accepted_amounts_match_the_amount_pattern(text: str) -> None:
    amount = parse_amount(text)
    if amount is not None and text.strip() != "半":
        assert re.fullmatch(AMOUNT_PATTERN, text.strip())


@given(st.text(alphabet=NUMERAL_ALPHABET, max_size=12))
def test_amount_invariants(text: str) -> None:
    amount = parse_amount(text)
    if amount is None:
        return
    assert (amount.value is None) == amount.placeholder
    if amount.placeholder:
        assert amount.value_max is None
    if amount.value is not None and amount.value_max is not None:
        assert amount.value < amount.value_max
    number = parse_number(text)
    if number is not None:
        assert amount == Amount(number, None, False, False)


@given(st.text(alphabet=NUMERAL_ALPHABET + "的个所名项年", max_size=20))
@example("1,234,5678")
@example("二〇二〇年")
def test_tokens_found_in_running_text_parse(text: str) -> None:
    for m in re.finditer(NUMERAL_PATTERN, text):
        assert parse_number(m.group()) is not None, m.group()


def test_patterns_have_no_capturing_groups() -> None:
    assert re.compile(NUMERAL_PATTERN).groups == 0
    assert re.compile(AMOUNT_PATTERN).groups == 0


def test_linear_time_inputs_finish() -> None:
    """Long runs parse or fail without backtracking blow-up (no timing assertion)."""
    digits = "7" * 10_000
    assert parse_number(digits) == Decimal(digits)
    assert parse_number(digits + "万") == Decimal(digits + "0000")
    assert parse_number("一" * 10_000) is None
    assert parse_amount("一" * 10_000) is None
    assert parse_amount("x" * 10_000) is not None
    assert parse_number("1," + ",".join(["111"] * 3_000) + "1") is None
    rng = random.Random(20240701)
    cjk = "".join(chr(rng.randrange(0x4E00, 0x9FA6)) for _ in range(100_000))
    assert sum(1 for _ in re.finditer(AMOUNT_PATTERN, cjk)) > 0
    for text in (
        digits,
        "一" * 10_000,
        "十" * 10_000,
        "两三" * 5_000,
        "x" * 10_000 + "a",
        ",".join(["111"] * 3_000) + "1111",
        "1亿" + "2" * 10_000,
        "".join(rng.choice(NUMERAL_ALPHABET) for _ in range(20_000)),
    ):
        for pattern in (NUMERAL_PATTERN, AMOUNT_PATTERN):
            for _ in re.finditer(pattern, text):
                pass
        for function in FUNCTIONS:
            function(text)
