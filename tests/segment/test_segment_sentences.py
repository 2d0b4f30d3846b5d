"""Sentences and clauses: where they split and where they must not."""

from __future__ import annotations

import pytest

from policyparse.normalize import normalize_text
from policyparse.ruleset import RuleSet
from policyparse.segment import segment_sections, segment_sentences


def split(text: str, rules: RuleSet) -> list[tuple[str, list[str]]]:
    clean = normalize_text(text, rules=rules)
    sections = segment_sections(clean, rules=rules.headings)
    out = []
    for sentence in segment_sentences(clean, sections):
        out.append((clean.quote(*sentence.span), [clean.quote(*c) for c in sentence.clauses]))
    return out


# fmt: off
CASES = [
    # CORPUS liaocheng: ； separates clauses, 。 sentences
    ("对农村不足100人的规模较小学校，按100人核定公用经费；对农村超过100人不足200人的规模较小学校，按200人核定公用经费。原则上3年核定一次学费标准。",
     [("对农村不足100人的规模较小学校，按100人核定公用经费；对农村超过100人不足200人的规模较小学校，按200人核定公用经费。",
       ["对农村不足100人的规模较小学校，按100人核定公用经费；", "对农村超过100人不足200人的规模较小学校，按200人核定公用经费。"]),
      ("原则上3年核定一次学费标准。", ["原则上3年核定一次学费标准。"])]),
    # CORPUS qingdao: 。 inside （…） and 《…》 does not end the sentence
    ("培养学生掌握1至2项艺术特长和爱好。（责任单位：市教育局。各区、市政府）",
     [("培养学生掌握1至2项艺术特长和爱好。", ["培养学生掌握1至2项艺术特长和爱好。"]),
      ("（责任单位：市教育局。各区、市政府）", ["（责任单位：市教育局。各区、市政府）"])]),
    ("落实《关于做好工作的通知。补充》要求！确保到位？",
     [("落实《关于做好工作的通知。补充》要求！", ["落实《关于做好工作的通知。补充》要求！"]),
      ("确保到位？", ["确保到位？"])]),
    # GENERAL: an unclosed quote (converter dropped ”) does not swallow the rest
    ("开展“五育并举教育质量综合评价。破除“五唯顽瘴痼疾。",
     [("开展“五育并举教育质量综合评价。", ["开展“五育并举教育质量综合评价。"]),
      ("破除“五唯顽瘴痼疾。", ["破除“五唯顽瘴痼疾。"])]),
    # CORPUS changchun: a paragraph end closes a sentence; a marker is left out
    ("一、工作目标\n到2020年，基本形成体系",
     [("工作目标", ["工作目标"]), ("到2020年，基本形成体系", ["到2020年，基本形成体系"])]),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:16] for c in CASES])
def test_sentences_and_clauses(
    text: str, expected: list[tuple[str, list[str]]], rules: RuleSet
) -> None:
    assert split(text, rules) == expected


def test_sentences_know_their_section(rules: RuleSet) -> None:
    text = "前言。\n一、总体要求\n（一）指导思想。坚持立德树人。\n二、保障措施\n加强领导。"
    clean = normalize_text(text, rules=rules)
    sections = segment_sections(clean, rules=rules.headings)
    got = [(clean.quote(*s.span), s.section) for s in segment_sentences(clean, sections)]
    assert got == [
        ("前言。", None),
        ("总体要求", "1"),
        ("指导思想。", "1.1"),
        ("坚持立德树人。", "1.1"),
        ("保障措施", "2"),
        ("加强领导。", "2"),
    ]


def test_crlf_text_spans_index_the_original(rules: RuleSet) -> None:
    text = "一、目标\r\n到2020年，覆盖率达到８０％。\r\n二、措施\r\n加强领导。"
    clean = normalize_text(text, rules=rules)
    sections = segment_sections(clean, rules=rules.headings)
    quotes = [clean.quote(*s.span) for s in segment_sentences(clean, sections)]
    assert quotes == ["目标", "到2020年，覆盖率达到８０％。", "措施", "加强领导。"]
