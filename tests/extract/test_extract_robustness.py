"""Bad input never crashes, and what comes out stays valid with exact spans.

Each case is a text given to :func:`policyparse.parse`; the check is the same for
all: no exception, the document validates against the schema (also through
JSON), every commitment's and skipped number's ``quote`` is the text at its
``span``, section markers and headings are the text at theirs, and commitment
ids are unique. No timing is asserted (speed is the benchmark's); each case
stays well under 2 s.

``CASES``
    Empty-ish text, one 100,000-character sentence, 10,000 digits in a row, 20,000
    一, mixed scripts and emoji, unbalanced brackets, only punctuation, control
    characters, line and paragraph separators, markup remnants, full width.
``XFAIL``
    Known crashes, strict.
``NOISE``
    Lines of noise before and after a sentence that must not change what is read
    from it (``NOISE_XFAIL``: the stray openers that do).
"""

from __future__ import annotations

from typing import NamedTuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import policyparse
from policyparse.schema import PolicyDocument


class Case(NamedTuple):
    name: str
    text: str
    reason: str = ""  # XFAIL


def _long_sentence() -> str:
    """One sentence of 100,000 characters: plan prose with a count every 20 clauses."""
    filler = "坚持以人民为中心发展教育，推进基础教育高质量发展，"
    parts: list[str] = []
    size = 0
    i = 0
    while size < 99_999:
        part = filler + (f"新建幼儿园{i % 97 + 1}所，" if i % 20 == 0 else "")
        parts.append(part)
        size += len(part)
        i += 1
    return "".join(parts)[:99_999] + "。"


# fmt: off
CASES: list[Case] = [
    # BUGS_CAUGHT: these crashed before
    Case("a one-line text over 255 UTF-8 bytes and under 1024 characters",
         "到2025年，全市学前教育毛入园率达到95%以上，普惠性幼儿园覆盖率达到90%以上，公办园在园幼儿占比达到55%以上，新建改扩建幼儿园100所，新增学位3万个，培训幼儿园教师2000名，建设省级示范幼儿园20所。"),
    Case("a lone surrogate", "覆盖率达到80%\ud800。"),
    # empty-ish
    Case("empty", ""),
    Case("space", " "),
    Case("newlines", "\n\n\n"),
    Case("crlf", "\r\n\r\n"),
    Case("bom", "\ufeff"),
    Case("ideographic spaces", "\u3000" * 10_000),
    Case("full stop", "。"),
    Case("one digit", "0"),
    Case("one placeholder", "x"),
    Case("one percent sign", "%"),
    Case("one cue", "每"),
    Case("a year alone", "2020年"),
    Case("a marker alone", "（一）"),
    # long
    Case("100,000-character sentence", _long_sentence()),
    Case("100,000 characters of prose, no number", "教" * 99_999 + "。"),
    Case("10,000 digits", "1" * 10_000),
    Case("10,000 digits with a unit", "新建" + "1" * 10_000 + "所。"),
    Case("20,000 一", "一" * 20_000),
    Case("20,000 一 with a unit", "一" * 20_000 + "个。"),
    Case("百分之 and 20,000 一", "百分之" + "一" * 20_000 + "。"),
    Case("10,000 placeholders", "x" * 10_000 + "%。"),
    Case("10,000 ×", "×" * 10_000),
    Case("a range of 5,000 parts", "1至" * 5_000 + "2项。"),
    Case("500 deadlines", "到2020年，" * 500),
    Case("5,000 markers on a line", "（一）" * 5_000),
    Case("5,000 markers on lines", "（一）\n" * 5_000),
    Case("a responsible-unit list of 2,000 units", "（责任单位：" + "市教育局、" * 2_000 + "）"),
    Case("20,000 每", "每" * 20_000),
    Case("10,000 newlines between numbers", "1\n" * 5_000),
    # scripts and symbols
    Case("emoji and astral characters", "到2025年，😀全市新建幼儿园10所🏫，覆盖率达到80%👍。𠀀𠀁新增学位3万个。"),
    Case("mixed scripts", "到2025年，Ａｂｃ全市 新建幼儿园10所，αβγ العربية русский 覆盖率达到80%。"),
    Case("combining marks", "覆盖率达到8\u03030%。新建幼儿园１０所。"),
    Case("bidi controls", "\u202e到2020年，覆盖率达到80%。\u202c"),
    Case("zero-width characters", "到\u200b2020年，覆盖率\u200d达到80%\ufeff。"),
    Case("full width", "到２０２０年，覆盖率达到８０％，新建幼儿园１０所。"),
    Case("traditional characters", "到2020年，優質普惠性幼兒園覆蓋率達到80%。"),
    # brackets and punctuation
    Case("unbalanced openers", "（（（《《“" * 3_000),
    Case("unbalanced openers around targets", "（（（《《“到2020年达到80%" * 300),
    Case("unbalanced closers", "）））》》”" * 3_000 + "达到80%。"),
    Case("deep nesting", "（" * 5_000 + "覆盖率达到80%" + "）" * 5_000),
    Case("only punctuation", "，。；：！？、…—" * 2_000),
    Case("only percent signs", "%" * 10_000),
    # control characters and separators
    Case("carriage returns only", "一、总体要求\r到2020年，覆盖率达到80%。\r（一）新建幼儿园10所。"),
    Case("line and paragraph separators", "到2020年，覆盖率达到80%。\u2028新建幼儿园10所。\u2029每年培训2次。"),
    Case("control characters", "到2020年\x0b，覆盖率\x0c达到80%\x1c。\x85新建幼儿园10所。"),
    Case("NUL", "达到\x0080%。"),
    Case("tabs", "\t\t到2020年，\t覆盖率达到\t80%。"),
    # markup remnants
    Case("html", "<p>到2020年，覆盖率达到<b>80%</b>。</p><br/>"),
    Case("bookmark", "[bookmark: _GoBack]到2020年，覆盖率达到80%。"),
    Case("bold", "**到2020年，覆盖率达到80%。**"),
]

# fmt: on


def check(text: str) -> None:
    doc = policyparse.parse(text)
    assert PolicyDocument.model_validate_json(doc.model_dump_json()) == doc
    for c in doc.commitments:
        assert 0 <= c.span[0] < c.span[1] <= len(text)
        assert text[c.span[0] : c.span[1]] == c.quote
    for s in doc.skipped:
        assert 0 <= s.span[0] < s.span[1] <= len(text)
        assert text[s.span[0] : s.span[1]] == s.quote
    for section in doc.sections:
        assert text[section.marker_span[0] : section.marker_span[1]].strip() == section.marker
        if section.heading_span is not None:
            assert text[section.heading_span[0] : section.heading_span[1]] == section.heading
    ids = [c.id for c in doc.commitments]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_bad_input_gives_a_valid_document(case: Case) -> None:
    check(case.text)


def test_the_long_sentence_is_one_sentence_of_100000_characters() -> None:
    text = _long_sentence()
    assert len(text) == 100_000
    assert text.count("。") == 1 and text.endswith("。")
    doc = policyparse.parse(text, include_sentences=True)
    assert doc.sentences is not None and len(doc.sentences) == 1
    assert len(doc.commitments) > 100


SENTENCE = "到2020年，覆盖率达到80%。"

# fmt: off
NOISE: list[Case] = [
    Case("emoji line", "😀\n"),
    Case("blank lines", "\n\n"),
    Case("heading", "一、总体要求\n"),
    Case("database chrome", "【法宝引证码】 CLI.12.1238920\n"),
    Case("stray closers", "）》”\n"),
    Case("ellipsis", "……\n"),
    Case("a phone number", "12345\n"),
    Case("a marker", "（一）\n"),
    Case("stray openers （（《“", "（（《“\n"),
]

NOISE_XFAIL: list[Case] = [
    Case("stray opener 《", "《\n",
         reason="an unclosed 《 on the line before makes the sentence's deadline look like a year in a title, and it is dropped"),
    Case("stray opener “", "“\n",
         reason="an unclosed “ on the line before turns the deadline into a separate deadline record quoting across the line break"),
]
# fmt: on


def check_noise(case: Case) -> None:
    def fields(text: str) -> list[tuple[object, ...]]:
        doc = policyparse.parse(text)
        return [(c.quote, c.kind, c.value, c.deadline) for c in doc.commitments]

    assert fields(case.text + SENTENCE + "\n" + "）》”") == fields("\n" + SENTENCE)


@pytest.mark.parametrize("case", NOISE, ids=lambda case: case.name)
def test_noise_on_other_lines_does_not_change_a_sentence(case: Case) -> None:
    check_noise(case)


@pytest.mark.parametrize(
    "case",
    [pytest.param(c, marks=pytest.mark.xfail(strict=True, reason=c.reason)) for c in NOISE_XFAIL],
    ids=lambda case: case.name,
)
def test_known_noise_sensitivity(case: Case) -> None:
    check_noise(case)


def _inside_by_scanning(text: str, pos: int) -> bool:
    """What "inside brackets" means: an opening bracket earlier on the line, not closed."""
    line_start = text.rfind("\n", 0, pos) + 1
    depth = 0
    for char in text[line_start:pos]:
        if char in "(（":
            depth += 1
        elif char in ")）" and depth:
            depth -= 1
    return depth > 0


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="(（)）\n年到，x", max_size=40), st.data())
def test_bracket_depth_read_once_agrees_with_scanning(text: str, data: st.DataObject) -> None:
    from policyparse.link import _ParenDepth

    depth = _ParenDepth(text)
    pos = data.draw(st.integers(min_value=0, max_value=len(text)))
    assert depth.inside(pos) == _inside_by_scanning(text, pos)
