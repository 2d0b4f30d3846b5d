"""Outline building, one behaviour per table.

CORPUS rows are lines of the corpus documents; GENERAL rows are the same
patterns as other cities write them (numbering styles of official documents).
"""

from __future__ import annotations

import pytest

from policyparse.normalize import normalize_text
from policyparse.ruleset import RuleSet
from policyparse.segment import segment_sections
from policyparse.types import Section


def outline(text: str, rules: RuleSet) -> list[tuple[str, str, str | None]]:
    clean = normalize_text(text, rules=rules)
    return [(s.id, s.marker, s.heading) for s in segment_sections(clean, rules=rules.headings)]


def sections(text: str, rules: RuleSet) -> list[Section]:
    return segment_sections(normalize_text(text, rules=rules), rules=rules.headings)


# fmt: off
NESTING = [
    # CORPUS changchun: 一、 / （一） / 1． / 一是
    ("一、主要任务\n（一）学生发展核心素养行动\n1．构建基于核心素养的学校“大德育”体系\n"
     "一是加强学校德育体系建设。落实学校德育课程。\n二是加强家庭德育体系建设。制定出台规划。\n"
     "2．探索基于核心素养的课程与教学改革\n（二）学校治理能力提升行动\n二、推进步骤",
     [("1", "一、", "主要任务"), ("1.1", "(一)", "学生发展核心素养行动"),
      ("1.1.1", "1.", "构建基于核心素养的学校“大德育”体系"),
      ("1.1.1.1", "一是", "加强学校德育体系建设"), ("1.1.1.2", "二是", "加强家庭德育体系建设"),
      ("1.1.2", "2.", "探索基于核心素养的课程与教学改革"),
      ("1.2", "(二)", "学校治理能力提升行动"), ("2", "二、", "推进步骤")]),
    # GENERAL: （1） and ① below 1.
    ("一、工作目标\n1.扩大资源\n（1）新建幼儿园。\n（2）改扩建小学。\n①城区学校。\n②农村学校。\n2.提高质量",
     [("1", "一、", "工作目标"), ("1.1", "1.", "扩大资源"), ("1.1.1", "(1)", "新建幼儿园"),
      ("1.1.2", "(2)", "改扩建小学"), ("1.1.2.1", "①", "城区学校"), ("1.1.2.2", "②", "农村学校"),
      ("1.2", "2.", "提高质量")]),
    # CORPUS xxcity-2024: arabic numbering runs on across （一）…（十）
    ("三、重点工作\n(一)实施城乡资源优化行动\n1.优化城乡学校布局。科学应对。\n(二)实施薄弱学校提升行动\n"
     "4.完善薄弱校帮扶机制。深化城乡教育联盟。",
     [("1", "三、", "重点工作"), ("1.1", "(一)", "实施城乡资源优化行动"),
      ("1.1.1", "1.", "优化城乡学校布局"), ("1.2", "(二)", "实施薄弱学校提升行动"),
      ("1.2.1", "4.", "完善薄弱校帮扶机制")]),
    # GENERAL: 第X章 / 第X条
    ("第一章 总则\n第一条 为规范管理，制定本办法。\n第二条 本办法适用于全市中小学。\n第二章 职责\n第三条 市教育局负责。",
     [("1", "第一章", "总则"), ("1.1", "第一条", None), ("1.2", "第二条", None),
      ("2", "第二章", "职责"), ("2.1", "第三条", None)]),
]

HEADINGS = [
    # CORPUS qingdao: heading ending in 。 and running on into the body
    ("（一）指导思想。全面贯彻党的教育方针，落实立德树人的根本任务。", "指导思想"),
    # CORPUS liaocheng: numbered item whose first short sentence is its heading
    ("1. 推进学校布局科学优化。县级人民政府要严格落实规划。", "推进学校布局科学优化"),
    # CORPUS province: a heading line that is one sentence with a comma
    ("（一）完善五育并举培养体系，全面发展素质教育。", "完善五育并举培养体系,全面发展素质教育"),
    # CORPUS baotou: a task item has no heading of its own
    ("1．除涉密、法律法规禁止和必须人员、车辆现场核验的事项外，各级政务服务事项全部开通全程网办。完成适老化改造。", None),
    # CORPUS baotou: heading with the weight of the item
    ("（三）政府网站集约化平台升级（1.5分）", "政府网站集约化平台升级(1.5分)"),
    # CORPUS changchun: phase heading
    ("第一阶段：2018年，质量工程启动实施年", "2018年,质量工程启动实施年"),
    # CORPUS qingdao: a heading that begins with a standard heading word
    ("二、重点工作任务", "重点工作任务"),
]
# fmt: on


@pytest.mark.parametrize(
    ("text", "expected"), NESTING, ids=lambda v: v[:12] if isinstance(v, str) else ""
)
def test_markers_nest_as_a_reader_would(
    text: str, expected: list[tuple[str, str, str | None]], rules: RuleSet
) -> None:
    assert outline(text, rules) == expected


@pytest.mark.parametrize(("text", "heading"), HEADINGS, ids=[t for t, _ in HEADINGS])
def test_heading_of_a_section(text: str, heading: str | None, rules: RuleSet) -> None:
    (section,) = sections(text, rules)
    assert section.heading == heading


def test_flattened_converter_output_finds_inline_markers_and_run_on_headings(
    rules: RuleSet,
) -> None:
    # CORPUS xxcity-2021 (badly converted): every marker inside one long line
    body = "坚持社会主义办学方向，着力加强党的政治建设。" * 8
    text = (
        "一、实验区实施方案之总体要求(一)指导思想以习近平新时代中国特色社会主义思想为指导,"
        + body
        + "(二)基本原则坚持党的领导。"
        + body
        + "二、实验区实施方案之重点工程以习近平新时代中国特色社会主义思想为指导,"
        + body
        + "(一)立德树人工程落实立德树人根本任务,"
        + body
        + "一是实施思政课教学改革。建立健全机制。二是加强社会主义核心价值观教育。"
        + body
        + "(二)优质教育倍增工程到2025年,"
        + body
    )
    assert outline(text, rules) == [
        ("1", "一、", "实验区实施方案之总体要求"),
        ("1.1", "(一)", "指导思想"),
        ("1.2", "(二)", "基本原则"),
        ("2", "二、", "实验区实施方案之重点工程"),
        ("2.1", "(一)", "立德树人工程"),
        ("2.1.1", "一是", "实施思政课教学改革"),
        ("2.1.2", "二是", "加强社会主义核心价值观教育"),
        ("2.2", "(二)", "优质教育倍增工程"),
    ]


def test_inline_lists_need_a_second_item_and_a_boundary(rules: RuleSet) -> None:
    # 统一是 is not a list item; a lone 一是 without 二是 opens no list
    text = "一、总体要求\n坚持标准统一是前提。一是加强领导。"
    assert outline(text, rules) == [("1", "一、", "总体要求")]


def test_attachment_restarts_the_outline_and_a_listing_is_no_section(rules: RuleSet) -> None:
    # CORPUS baotou: "附件：" lists the attachment, "附件" opens it
    text = (
        "一、考评对象\n各部门。\n二、考评结果应用\n通报。\n附件：\n考评指标\n"
        "附件\n包头市数字政府建设考评指标\n一、政务服务（25分）\n（一）平台建设（3分）\n1．全部开通全程网办。"
    )
    assert outline(text, rules) == [
        ("1", "一、", "考评对象"),
        ("2", "二、", "考评结果应用"),
        ("3", "附件", "包头市数字政府建设考评指标"),
        ("3.1", "一、", "政务服务(25分)"),
        ("3.1.1", "(一)", "平台建设(3分)"),
        ("3.1.1.1", "1.", "全部开通全程网办"),
    ]


def test_a_file_that_is_an_attachment_keeps_its_sections_at_the_top(rules: RuleSet) -> None:
    # CORPUS province: the draft starts with the label 附件
    text = "附件\n关于深化教育教学改革的实施意见\n（征求意见稿）\n前言。\n一、总体要求\n坚持。\n二、重点任务\n落实。"
    assert outline(text, rules) == [("1", "一、", "总体要求"), ("2", "二、", "重点任务")]


def test_last_section_ends_before_signature_and_date(rules: RuleSet) -> None:
    # CORPUS qingdao: the signature and date close the document, outside the body
    text = "一、总体要求\n坚持立德树人。\n\n青岛市人民政府办公厅\n\n2016年11月21日\n"
    (section,) = sections(text, rules)
    assert text[section.span[0] : section.span[1]] == "一、总体要求\n坚持立德树人。"


def test_numbers_in_text_are_not_markers(rules: RuleSet) -> None:
    text = (
        "一、目标\n2020年要全部达到1000元/生/年的标准。\n1.5分以上为合格。\n3年核定一次学费标准。"
    )
    assert outline(text, rules) == [("1", "一、", "目标")]
