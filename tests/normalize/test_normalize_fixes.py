"""Systematic conversion errors (rules/conversion_fixes.yaml) repaired for matching.

The OCR document went through a synonym "rewriter" (基础 → 根底, 服务 → 效劳,
原则 → 原那么, 发展 → 开展 …). Repairs must fire there at the right places, and
never where the text was right: not in the other corpus documents, not on 开展
with an object, 到达 "arrive" or 根本任务. CORPUS rows are passages of the OCR
document; GENERAL rows are constructed documents of other cities.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tests.conftest import CORPUS, CORPUS_DOCS, read_original

from policyparse.normalize import normalize_text
from policyparse.ruleset import ConversionFix, ConversionFixRules, RuleSet

OCR_DOC = CORPUS / "docs" / "xxcity-2021-reform-pilot-ocr.txt"
CORRECT_DOCS = [p for p in CORPUS_DOCS if p != OCR_DOC]


def unspaced(text: str) -> str:
    return re.sub(r"\s", "", text)


def clean_of(passage: str, text: str, rules: RuleSet) -> str:
    """The clean text of the one place ``passage`` stands in ``text``."""
    assert text.count(passage) == 1, passage
    clean = normalize_text(text, rules=rules)
    start = text.index(passage)
    s, e = clean.to_clean(start, start + len(passage))
    return clean.text[s:e]


# fmt: off
# (passage of the OCR document, its clean text)
OCR_REPAIRED = [
    ("切实推进根底教育高品质开展,", "切实推进基础教育高品质发展,"),
    ("坚持以人民为中心的开展思想,以新开展理念为引领,以高质量开展为主线",
     "坚持以人民为中心的发展思想,以新发展理念为引领,以高质量发展为主线"),
    ("加快完善更高品质的根本公共教育效劳体系", "加快完善更高品质的基本公共教育服务体系"),
    ("(二)根本原那么坚持党的领导", "(二)基本原则坚持党的领导"),
    ("普遍认同的开展成果,确保人人都能享有公平的开展时机", "普遍认同的发展成果,确保人人都能享有公平的发展时机"),
    ("全面协调开展。", "全面协调发展。"),
    ("构建全社会共同参与建设、共同参与治理、共同分享成果的教育开展新格局",
     "构建全社会共同参与建设、共同参与治理、共同分享成果的教育发展新格局"),
    ("促进学生德智体美劳全面开展,培养德才兼备、全面开展、担当民族复兴大任",
     "促进学生德智体美劳全面发展,培养德才兼备、全面发展、担当民族复兴大任"),
    ("学校党组织应建必建率到达100%", "学校党组织应建必建率达到100%"),
    ("确保“三类学校动态性到达相关标准", "确保“三类学校动态性达到相关标准"),
    ("切实推进中小学党组织标准化标准化建设", "切实推进中小学党组织标准化规范化建设"),
    ("更新教师教育观念,标准教师教学行为", "更新教师教育观念,规范教师教学行为"),
    ("四是从根本均衡向优质均衡转变", "四是从基本均衡向优质均衡转变"),
    ("按照“缺什么、补什么原那么,", "按照“缺什么、补什么原则,"),
    ("指导催促各区(市)县完善考试", "指导督促各区(市)县完善考试"),
    ("满足社会经济开展和人口变化需求", "满足社会经济发展和人口变化需求"),
    ("现代信息技术为支撑的区域教育联盟开展模式", "现代信息技术为支撑的区域教育联盟发展模式"),
    ("学校结对开展为根底", "学校结对发展为基础"),
    # a repair across a glued page number: the number goes, the word is repaired
    ("鼓励主动利用闲置校舍和教育优势资源开展公益性效劳\n14、,改善育人环境",
     "鼓励主动利用闲置校舍和教育优势资源开展公益性服务,改善育人环境"),
]

# (passage of the OCR document that was right as written)
OCR_KEPT = [
    "坚持以人民为中心开展教育",
    "因地制宜开展教育信息化、现代化建设",
    "在全市开展“思政优品课评选",
    "持续开展天府文化开学第一课",
    "五是开展家庭教育支持行动",
    "开展基于教学改革、融合信息技术的新型教与学模式探索",
    "落实立德树人根本任务,坚持“五",
    "以立德为根本、育人和育才相统一",
    "坚持把师德师风作为新时代教师评价的第一标准",
    "落实xx市中小学党建工作标准,",
]
# fmt: on


@pytest.mark.parametrize(("passage", "repaired"), OCR_REPAIRED, ids=[c[0] for c in OCR_REPAIRED])
def test_ocr_document_is_repaired_where_the_converter_erred(
    passage: str, repaired: str, rules: RuleSet
) -> None:
    assert clean_of(passage, read_original(OCR_DOC), rules) == repaired


@pytest.mark.parametrize("passage", OCR_KEPT, ids=OCR_KEPT)
def test_ocr_document_keeps_what_was_right(passage: str, rules: RuleSet) -> None:
    assert clean_of(passage, read_original(OCR_DOC), rules) == passage


def test_ocr_document_warns_of_the_repairs(rules: RuleSet) -> None:
    clean = normalize_text(read_original(OCR_DOC), rules=rules)
    warnings = [w for w in clean.warnings if w.startswith("[W102]")]
    assert warnings == [
        "[W102] repaired 57 systematic conversion error(s) for matching (根底→基础, 效劳→服务, 原那么→原则)"
    ]
    for wrong in ("根底", "效劳", "原那么", "催促"):
        assert wrong not in clean.text


def test_repair_quotes_the_original_words(rules: RuleSet) -> None:
    text = read_original(OCR_DOC)
    clean = normalize_text(text, rules=rules)
    start = clean.text.index("(二)基本原则坚持党的领导")
    assert clean.quote(start + 3, start + 5) == "根本"
    assert clean.quote(start + 5, start + 7) == "原那么"
    assert clean.quote(start + 5, start + 6) == "原那么"  # 原则 stands for all of 原那么


@pytest.mark.parametrize("path", CORRECT_DOCS, ids=[p.stem for p in CORRECT_DOCS])
def test_no_repair_in_a_correct_document(path: Path, rules: RuleSet) -> None:
    text = read_original(path)
    clean = normalize_text(text, rules=rules)
    assert not any(w.startswith("[W102]") for w in clean.warnings)
    # every word a repair could write or rewrite is there as often as in the file
    # (spaces and line breaks aside: 聊 城 市 发 展 … collapses into 发展)
    words = {w for fix in rules.conversion_fixes.fixes for w in (fix.wrong, fix.right)}
    for word in sorted(words):
        assert unspaced(clean.text).count(word) == unspaced(text).count(word), word


def test_correct_documents_keep_their_risky_words(rules: RuleSet) -> None:
    liaocheng = normalize_text(
        read_original(CORPUS / "docs" / "liaocheng-2020-basic-education-reform.txt"), rules=rules
    ).text
    assert "每学期至少开展1次实践活动" in liaocheng
    assert "积极开展思想政治引领和价值引领" in liaocheng
    assert "落实立德树人根本任务" in liaocheng
    assert "原则上3年核定一次学费标准" in liaocheng


# fmt: off
# a document of another city, from the same converter: it carries the signature
SIGNED = "(一)根本原那么\n夯实根底教育,优化公共效劳。\n"

# (sentence of a signed document, its clean text)
SIGNED_GENERAL = [
    # 根底 / 效劳 / 原那么 / 催促 are never right
    ("全面提升根底教育质量。", "全面提升基础教育质量。"),
    ("提供优质均衡的公共教育效劳。", "提供优质均衡的公共教育服务。"),
    ("坚持“就近入学”原那么。", "坚持“就近入学”原则。"),
    ("指导催促各县(市、区)落实。", "指导督促各县(市、区)落实。"),
    # 到达 before a quantity or a standard reads 达到; 到达 a place stays
    ("普惠性幼儿园覆盖率到达90%以上。", "普惠性幼儿园覆盖率达到90%以上。"),
    ("义务教育巩固率到达 97%。", "义务教育巩固率达到97%。"),
    ("全部学校到达省定办学标准。", "全部学校达到省定办学标准。"),
    ("优质学位占比到达百分之八十。", "优质学位占比达到百分之八十。"),
    ("新建学校到达xx所。", "新建学校达到xx所。"),
    ("工作人员第一时间到达现场。", "工作人员第一时间到达现场。"),
    ("学生到达学校后统一安排。", "学生到达学校后统一安排。"),
    # 开展 without an object, or before a noun of development, reads 发展
    ("坚持新开展理念。", "坚持新发展理念。"),
    ("推动教育高质量开展。", "推动教育高质量发展。"),
    ("促进学生全面开展,培养时代新人。", "促进学生全面发展,培养时代新人。"),
    ("以内涵开展为重点。", "以内涵发展为重点。"),
    ("形成教育开展新格局。", "形成教育发展新格局。"),
    ("遵循学生身心开展规律。", "遵循学生身心发展规律。"),
    ("推进城乡一体化开展", "推进城乡一体化发展"),
    # 开展 with an object is right
    ("广泛开展实践活动。", "广泛开展实践活动。"),
    ("深入开展“双减”工作。", "深入开展“双减”工作。"),
    ("定期开展教学视导。", "定期开展教学视导。"),
    ("开展为期一周的主题教育。", "开展为期一周的主题教育。"),
    # 根本 reads 基本 only before what is basic, not fundamental
    ("建成根本公共教育服务体系。", "建成基本公共教育服务体系。"),
    ("到2025年根本实现优质均衡。", "到2025年基本实现优质均衡。"),
    ("落实立德树人根本任务。", "落实立德树人根本任务。"),
    ("这是办好教育的根本保证。", "这是办好教育的根本保证。"),
    # 标准 reads 规范 only in the doubled 标准化标准化 and before conduct
    ("推进学校标准化标准化建设。", "推进学校标准化规范化建设。"),
    ("进一步标准办学行为。", "进一步规范办学行为。"),
    ("严格执行国家课程标准。", "严格执行国家课程标准。"),
    ("提高学校建设标准。", "提高学校建设标准。"),
]

# documents without the signature: every form stays as written
UNSIGNED_GENERAL = [
    "广泛开展实践活动，工作人员第一时间到达现场，落实立德树人根本任务。",
    "学校开展思想政治教育，开展思想品德教育，各项工作有序开展，取得实效。",
    "普惠性幼儿园覆盖率到达90%以上，推动教育高质量开展。",
    # one signature form is not enough
    "夯实根底教育，推动教育高质量开展，覆盖率到达90%。",
    "为国家效劳，推动教育开展，",
]
# fmt: on


@pytest.mark.parametrize(
    ("sentence", "expected"), SIGNED_GENERAL, ids=[c[0] for c in SIGNED_GENERAL]
)
def test_repairs_in_a_signed_document(sentence: str, expected: str, rules: RuleSet) -> None:
    clean = normalize_text(SIGNED + sentence, rules=rules)
    assert clean.text.startswith("(一)基本原则\n夯实基础教育,优化公共服务。\n")
    assert clean.text[len("(一)基本原则\n夯实基础教育,优化公共服务。\n") :] == expected


@pytest.mark.parametrize("text", UNSIGNED_GENERAL, ids=UNSIGNED_GENERAL)
def test_no_repair_without_the_signature(text: str, rules: RuleSet) -> None:
    clean = normalize_text(text, rules=rules)
    assert clean.text == text.replace("，", ",")
    assert not any(w.startswith("[W102]") for w in clean.warnings)


def test_repair_count_and_examples_in_the_warning(rules: RuleSet) -> None:
    text = SIGNED + "普惠性幼儿园覆盖率到达90%以上,推动教育高质量开展。"
    clean = normalize_text(text, rules=rules)
    assert clean.warnings == (
        "[W102] repaired 6 systematic conversion error(s) for matching "
        "(根底→基础, 效劳→服务, 原那么→原则)",
    )


def test_repairs_do_not_overlap(rules: RuleSet) -> None:
    """根本原那么: 根本 → 基本 and 原那么 → 原则 side by side, each once."""
    clean = normalize_text("(二)根本原那么\n深化根底教育改革,优化效劳。", rules=rules)
    assert clean.text == "(二)基本原则\n深化基础教育改革,优化服务。"
    assert clean.quote(3, 7) == "根本原那么"


def test_an_earlier_rule_wins_over_a_later_overlapping_one(rules: RuleSet) -> None:
    """Rules are tried in file order; a match that overlaps an earlier repair is skipped."""
    table = ConversionFixRules(
        signature=["开展理念"],
        min_signature_hits=1,
        fixes=[
            ConversionFix(wrong="展理念", right="展思路"),
            ConversionFix(wrong="开展", right="发展"),
        ],
    )
    custom = rules.model_copy(update={"conversion_fixes": table})
    clean = normalize_text("坚持开展理念。", rules=custom)
    assert clean.text == "坚持开展思路。"
    assert clean.warnings == (
        "[W102] repaired 1 systematic conversion error(s) for matching (展理念→展思路)",
    )
