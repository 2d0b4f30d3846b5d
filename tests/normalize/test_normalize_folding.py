"""Character folding: full width → ASCII, ideographic space → space, traditional → simplified.

CORPUS rows are lines of the corpus documents; GENERAL rows are the same patterns
as other cities' documents write them. Folding is for matching only: ``quote()``
of a clean span always gives the original characters back.
"""

from __future__ import annotations

import pytest

from policyparse.normalize import normalize_text
from policyparse.ruleset import RuleSet


def clean_text(text: str, rules: RuleSet) -> str:
    return normalize_text(text, rules=rules).text


# fmt: off
FOLD_CORPUS = [
    # qingdao: one full-width ％ in a sentence that otherwise uses the ASCII one
    ("按总课时的9%，鼓励有条件的学校按总课时的11％开设美育课",
     "按总课时的9%,鼓励有条件的学校按总课时的11%开设美育课"),
    # liaocheng: full-width brackets, comma and colon
    ("各县（市、区）教育体育（教育）局、组织部、宣传部：",
     "各县(市、区)教育体育(教育)局、组织部、宣传部:"),
    # baotou: full-width list dot after an ASCII digit, ideographic-space indentation
    ("　　1．除涉密、法律法规禁止和必须人员、车辆现场核验的事项外",
     "  1.除涉密、法律法规禁止和必须人员、车辆现场核验的事项外"),
    ("　　半年考评分值=日常监测（60%）+实地调研（20%）",
     "  半年考评分值=日常监测(60%)+实地调研(20%)"),
    # changchun: full-width hyphen in a period
    ("《国家中长期教育改革和发展规划纲要（2010－2020年）》",
     "《国家中长期教育改革和发展规划纲要(2010-2020年)》"),
    # changchun: full-width semicolon
    ("强化地方课程；", "强化地方课程;"),
    # liaocheng: traditional characters left in a simplified document
    ("每年降低中小學生近视率1个百分点", "每年降低中小学生近视率1个百分点"),
    ("充分发挥学校主导作用和家長委员会协同作用", "充分发挥学校主导作用和家长委员会协同作用"),
    ("加强學生生活实践、劳动技术和职业体验教育", "加强学生生活实践、劳动技术和职业体验教育"),
]

FOLD_GENERAL = [
    ("到２０２０年，覆盖率達到８０％", "到2020年,覆盖率达到80%"),
    ("ＸＸ市新建幼儿园ｘｘ所", "XX市新建幼儿园xx所"),
    ("生均公用经费不低于６５０元／生／年", "生均公用经费不低于650元/生/年"),
    ("（一）指导思想；（二）基本原则！", "(一)指导思想;(二)基本原则!"),
    ("每天校内体育活动不少于１小时？", "每天校内体育活动不少于1小时?"),
    ("２０２１～２０２５年", "2021~2025年"),
    # ideographic space inside a line is folded, then dropped between Chinese characters
    ("长　春　市　教　育　局", "长春市教育局"),
    ("　　为全面贯彻党的教育方针", "  为全面贯彻党的教育方针"),
    # traditional documents of other places
    ("義務教育學校實現優質均衡發展", "义务教育学校实现优质均衡发展"),
    ("幼兒園覆蓋率達到９０％以上", "幼儿园覆盖率达到90%以上"),
    ("鼓勵專業社會組織參與課後服務", "鼓励专业社会组织参与课后服务"),
]

# words that are already simplified and must come out as they are
SIMPLIFIED_KEPT = [
    "取得显著成效", "加强干部队伍建设", "服务半径3公里以内", "建立联系点制度",
    "利用云计算技术", "乾坤", "保护知识产权和著作权", "征求意见稿",
]
# fmt: on


@pytest.mark.parametrize(
    ("text", "expected"), FOLD_CORPUS + FOLD_GENERAL, ids=[c[0] for c in FOLD_CORPUS + FOLD_GENERAL]
)
def test_folded_for_matching(text: str, expected: str, rules: RuleSet) -> None:
    assert clean_text(text, rules) == expected


@pytest.mark.parametrize(
    ("text", "expected"), [(t, t) for t in SIMPLIFIED_KEPT], ids=SIMPLIFIED_KEPT
)
def test_simplified_text_is_left_alone(text: str, expected: str, rules: RuleSet) -> None:
    assert clean_text(text, rules) == expected


ONE_FOR_ONE = [c[0] for c in FOLD_CORPUS + FOLD_GENERAL if len(c[0]) == len(c[1])]


@pytest.mark.parametrize("text", ONE_FOR_ONE, ids=ONE_FOR_ONE)
def test_folding_is_one_for_one(text: str, rules: RuleSet) -> None:
    """Folding changes characters, never their number or position."""
    clean = normalize_text(text, rules=rules)
    assert len(clean.text) == len(text)
    assert clean.starts == tuple(range(len(text)))
    assert clean.ends == tuple(range(1, len(text) + 1))


# fmt: off
# (original text, a span of the clean text given by its content, the original it quotes)
QUOTES = [
    # CORPUS qingdao
    ("按总课时的9%，鼓励有条件的学校按总课时的11％开设美育课", "11%", "11％"),
    ("按总课时的9%，鼓励有条件的学校按总课时的11％开设美育课", "9%,", "9%，"),
    # CORPUS liaocheng
    ("每年降低中小學生近视率1个百分点", "中小学生近视率", "中小學生近视率"),
    ("充分发挥学校主导作用和家長委员会协同作用", "家长委员会", "家長委员会"),
    # CORPUS baotou
    ("　　半年考评分值=日常监测（60%）+实地调研（20%）", "(60%)", "（60%）"),
    ("　　半年考评分值=日常监测（60%）+实地调研（20%）", "  半年", "　　半年"),
    # CORPUS changchun
    ("《国家中长期教育改革和发展规划纲要（2010－2020年）》", "2010-2020年", "2010－2020年"),
    # GENERAL
    ("到２０２０年，覆盖率達到８０％", "80%", "８０％"),
    ("到２０２０年，覆盖率達到８０％", "覆盖率达到80%", "覆盖率達到８０％"),
    ("到２０２０年，覆盖率達到８０％", "2020年,", "２０２０年，"),
    ("義務教育學校實現優質均衡發展", "义务教育", "義務教育"),
    ("幼兒園覆蓋率達到９０％以上", "幼儿园覆盖率达到90%以上", "幼兒園覆蓋率達到９０％以上"),
    ("ＸＸ市新建幼儿园ｘｘ所", "xx所", "ｘｘ所"),
    # the ideographic spaces that were dropped are inside the quote of a span across them
    ("长　春　市　教　育　局", "长春市", "长　春　市"),
    ("长　春　市　教　育　局", "教育局", "教　育　局"),
]
# fmt: on


@pytest.mark.parametrize(
    ("text", "folded", "original"), QUOTES, ids=[f"{c[0]}|{c[1]}" for c in QUOTES]
)
def test_quote_gives_back_the_original(
    text: str, folded: str, original: str, rules: RuleSet
) -> None:
    clean = normalize_text(text, rules=rules)
    start = clean.text.index(folded)
    end = start + len(folded)
    assert clean.quote(start, end) == original
    assert clean.to_original(start, end) == (
        text.index(original),
        text.index(original) + len(original),
    )


def test_quote_of_the_whole_clean_text_is_the_original(rules: RuleSet) -> None:
    text = "到２０２０年，覆盖率達到８０％，中小學生近视率降低１个百分点。"
    clean = normalize_text(text, rules=rules)
    assert clean.text == "到2020年,覆盖率达到80%,中小学生近视率降低1个百分点。"
    assert clean.quote(0, len(clean.text)) == text
