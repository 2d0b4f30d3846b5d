"""Metadata read from document heads.

CORPUS rows are the heads of the corpus documents; GENERAL rows follow the same
conventions as other places write them (joint notices, Chinese-numeral dates,
county plans, templates).
"""

from __future__ import annotations

from typing import Any

import pytest

from policyparse.pipeline import parse
from policyparse.schema import DocumentMeta

BODY = "\n一、总体要求\n坚持立德树人。\n"


def meta(text: str) -> DocumentMeta:
    return parse(text).document


# fmt: off
FIELDS: list[tuple[str, str, dict[str, Any]]] = [
    ("corpus-changchun",
     "长春市教育局关于印发《长春市基础教育质量提升工程实施方案（2018—2020年）》的通知  \n\n\n"
     "各县（市）区教育局：\n现将《长春市基础教育质量提升工程实施方案（2018—2020年）》印发给你们，请认真贯彻执行。\n\n"
     "长春市教育局\n2018年9月18日\n\n\n长春市基础教育质量提升工程实施方案（2018—2020年）\n为全面落实精神，现制定实施方案如下：" + BODY,
     {"title": "长春市基础教育质量提升工程实施方案（2018—2020年）",
      "notice_title": "长春市教育局关于印发《长春市基础教育质量提升工程实施方案（2018—2020年）》的通知",
      "doc_type": "实施方案", "issuers": ["长春市教育局"], "issued": "2018-09-18", "year": 2018,
      "period": {"start": 2018, "end": 2020}, "doc_number": None,
      "jurisdiction": {"level": "city", "province": None, "city": "长春市", "county": None, "placeholder": False}}),
    ("corpus-liaocheng-letter-spaced-issuers",
     "\n\n聊 城 市 教 育 和 体 育 局\n中 共 聊 城 市 委 组 织 部\n聊 城 市 财 政 局\n\n聊教体发〔2020〕7号\n\n"
     "**聊城市教育和体育局等 3 部门\n关于印发《聊城市关于深化基础教育改革\n全面提高中小学教育质量的实施方案》的通知**\n\n"
     "各县（市、区）教育体育（教育）局：\n\n现将方案印发给你们，请认真贯彻落实。\n\n2020年12月8日\n\n"
     "聊城市关于深化基础教育改革 全面提高中小学教育质量的实施方案\n\n为深入贯彻落实精神，特制定以下实施方案。\n" + BODY,
     {"title": "聊城市关于深化基础教育改革全面提高中小学教育质量的实施方案",
      "notice_title": "聊城市教育和体育局等3部门关于印发《聊城市关于深化基础教育改革全面提高中小学教育质量的实施方案》的通知",
      "issuers": ["聊城市教育和体育局", "中共聊城市委组织部", "聊城市财政局"],
      "doc_number": "聊教体发〔2020〕7号", "issued": "2020-12-08", "doc_type": "实施方案"}),
    ("corpus-qingdao-database-export",
     "      北大法宝【法宝引证码】 CLI.12.1238920\n原文链接：https://www.pkulaw.com/lar/cae900ac05a8e7a428cda5d67e2842cbbdfb.html\n"
     "青岛市人民政府办公厅关于全面加强和改进中小学校美育工作的实施意见\n\n"
     "青岛市人民政府办公厅关于全面加强和改进中小学校美育工作的实施意见\n\n（青政办发〔2016〕33号）\n\n"
     "各区、市人民政府，市政府各部门：\n\n　　为全面加强和改进我市中小学校美育工作，现提出以下实施意见。" + BODY
     + "青岛市人民政府办公厅\n\n2016年11月21日\n",
     {"title": "青岛市人民政府办公厅关于全面加强和改进中小学校美育工作的实施意见",
      "citation_code": "CLI.12.1238920",
      "source_url": "https://www.pkulaw.com/lar/cae900ac05a8e7a428cda5d67e2842cbbdfb.html",
      "doc_number": "青政办发〔2016〕33号", "issued": "2016-11-21", "issuers": ["青岛市人民政府办公厅"],
      "doc_type": "实施意见", "period": None}),
    ("corpus-province-draft",
     "附件\n关于深化教育教学改革全面提高义务\n教育质量的实施意见\n（征求意见稿）\n\n为贯彻意见，结合我省实际，明确实施意见如下。\n"
     "一、总体要求\n坚持以人民为中心，深化我省教育教学改革。",
     {"title": "关于深化教育教学改革全面提高义务教育质量的实施意见", "doc_type": "实施意见", "draft": True,
      "issuers": [], "issued": None,
      "jurisdiction": {"level": "province", "province": None, "city": None, "county": None, "placeholder": False}}),
    ("corpus-xxcity-template",
     "2024年新时代基础教育扩优提质行动计划实施方案\n\n2024年新时代基础教育扩优提质行动计划实施方案\n\n"
     "  为深入贯彻落实部署，市教育局决定组织实施xx市新时代基础教育扩优提质行动计划。\n"
     "一、总体要求\n编制《xx市中心城区教育设施专项规划》，落实《xx市规范中小学办学行为二十条》。",
     {"title": "2024年新时代基础教育扩优提质行动计划实施方案", "doc_type": "实施方案", "year": 2024,
      "period": {"start": 2024, "end": 2024},
      "jurisdiction": {"level": "city", "province": None, "city": None, "county": None, "placeholder": True}}),
    ("general-notice-with-an-unquoted-title-and-no-title-line",
     "杭州市人民政府关于印发杭州市“十四五”卫生健康事业发展规划的通知\n各区人民政府，市政府各部门：\n"
     "现将有关事项通知如下。\n杭州市人民政府\n2021年12月30日" + BODY,
     {"title": "杭州市“十四五”卫生健康事业发展规划", "doc_type": "发展规划",
      "issuers": ["杭州市人民政府"], "issued": "2021-12-30",
      "period": {"start": 2021, "end": 2025}}),
    ("general-county-chinese-numeral-date",
     "某某县人民政府办公室关于印发《某某县学前教育第四期行动计划（2021—2025年）》的通知\n\n某县政办发〔2021〕15号\n\n"
     "各乡镇人民政府：\n现将计划印发给你们，请认真贯彻执行。\n\n某某县人民政府办公室\n二〇二一年三月五日\n\n"
     "某某县学前教育第四期行动计划（2021—2025年）\n为推进学前教育发展，制定本计划。" + BODY,
     {"title": "某某县学前教育第四期行动计划（2021—2025年）", "doc_type": "行动计划",
      "issuers": ["某某县人民政府办公室"], "issued": "2021-03-05", "doc_number": "某县政办发〔2021〕15号",
      "period": {"start": 2021, "end": 2025},
      "jurisdiction": {"level": "county", "province": None, "city": None, "county": "某某县", "placeholder": False}}),
    ("general-joint-notice-two-signatures-a-line",
     "某市教育局等四部门关于印发《某市学前教育发展提升行动计划(2023-2025年)》的通知\n\n各区县(市)教育局:\n现予以印发,请认真贯彻执行。\n\n"
     "某市教育局             某市发展和改革委员会\n\n某市公安局                  某市财政局\n\n2023年5月22日\n\n"
     "某市学前教育发展提升行动计划\n\n为推进学前教育发展,制定本计划。" + BODY,
     {"issuers": ["某市教育局", "某市发展和改革委员会", "某市公安局", "某市财政局"],
      "title": "某市学前教育发展提升行动计划", "period": {"start": 2023, "end": 2025}, "issued": "2023-05-22"}),
    ("general-five-year-plan-period",
     "某县“十四五”教育事业发展规划\n\n为推进教育发展,结合我县实际,制定本规划。" + BODY,
     {"title": "某县“十四五”教育事业发展规划", "doc_type": "发展规划", "period": {"start": 2021, "end": 2025}}),
    ("general-joint-issuers-in-title",
     "教育部、财政部关于印发《义务教育质量提升行动方案》的通知\n\n各省教育厅：\n现印发给你们，请遵照执行。\n" + BODY,
     {"issuers": ["教育部", "财政部"], "title": "义务教育质量提升行动方案", "doc_type": "行动方案"}),
]
# fmt: on


@pytest.mark.parametrize(("case", "text", "expected"), FIELDS, ids=[c for c, _, _ in FIELDS])
def test_metadata_fields(case: str, text: str, expected: dict[str, Any]) -> None:
    got = meta(text).model_dump(mode="json")
    assert {k: got[k] for k in expected} == expected


@pytest.mark.parametrize(("case", "text", "expected"), FIELDS, ids=[c for c, _, _ in FIELDS])
def test_every_evidence_span_quotes_the_text(
    case: str, text: str, expected: dict[str, Any]
) -> None:
    document = meta(text)
    assert document.evidence
    for evidence in document.evidence.values():
        for item in evidence:
            assert text[item.span[0] : item.span[1]] == item.quote


def test_header_lines_are_not_body_sentences() -> None:
    text = FIELDS[2][1]
    document = parse(text, include_sentences=True)
    sentences = [text[s.span[0] : s.span[1]] for s in document.sentences or []]
    assert not any(
        "引证码" in s or "原文链接" in s or s.startswith("青岛市人民政府办公厅关于")
        for s in sentences
    )
    assert "坚持立德树人。" in sentences


def test_a_document_without_a_head_has_empty_metadata() -> None:
    document = meta("坚持立德树人，到2020年覆盖率达到80%。")
    assert (document.title, document.issuers, document.issued, document.doc_number) == (
        None,
        [],
        None,
        None,
    )
