"""Lines and layout: rejoined page breaks, page numbers, letter spacing, markup.

CORPUS rows are lines of the corpus documents; GENERAL rows are the same patterns
as other cities' documents have them. Every table of line breaks runs with ``\\n``
and with ``\\r\\n``: the clean text is the same, and quotes keep the file's breaks.
"""

from __future__ import annotations

import re

import pytest
from tests.conftest import CORPUS, CORPUS_DOCS, read_original

from policyparse.normalize import normalize_text
from policyparse.ruleset import RuleSet

OCR_DOC = CORPUS / "docs" / "xxcity-2021-reform-pilot-ocr.txt"
NEWLINES = pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])


def clean_text(text: str, rules: RuleSet) -> str:
    return normalize_text(text, rules=rules).text


# ---------------------------------------------------------------- line joins

# fmt: off
JOIN_CORPUS = [
    # liaocheng: page breaks inside a sentence, a blank line between the halves
    ("坚持问题导向，回应社会关切，优化资源\n\n配置，推进补短提升，强化队伍建设",
     "坚持问题导向,回应社会关切,优化资源配置,推进补短提升,强化队伍建设"),
    ("建立健全均衡发展的义务教育发展机制，将推进县域义务\n\n教育优质均衡发展纳入党委政府重要议事日程，一县一案",
     "建立健全均衡发展的义务教育发展机制,将推进县域义务教育优质均衡发展纳入党委政府重要议事日程,一县一案"),
    ("3. 提高教师资源配置科学性。对乡村小规模学校实施编制\n\n特殊倾斜政策，按照“班师比”和“师生比”相结合的方式",
     "3. 提高教师资源配置科学性。对乡村小规模学校实施编制特殊倾斜政策,按照“班师比”和“师生比”相结合的方式"),
    ("因地制宜采用区域教研、校本教研、网络教研、综合教研、\n\n主题教研以及教学展示、现场指导",
     "因地制宜采用区域教研、校本教研、网络教研、综合教研、主题教研以及教学展示、现场指导"),
    ("科学安排不同年级、不同学科作业数量和作业时间，坚持并完善课业负担\n\n调查制度，强化实践性作业",
     "科学安排不同年级、不同学科作业数量和作业时间,坚持并完善课业负担调查制度,强化实践性作业"),
    ("并将结果作为干部选任、表彰奖励的\n\n重要参考。对办学方向、教育投入",
     "并将结果作为干部选任、表彰奖励的重要参考。对办学方向、教育投入"),
    # liaocheng: a title line with an open 《 reads on into the line that closes it
    ("关于印发《聊城市关于深化基础教育改革\n全面提高中小学教育质量的实施方案》的通知",
     "关于印发《聊城市关于深化基础教育改革全面提高中小学教育质量的实施方案》的通知"),
]

JOIN_GENERAL = [
    ("各地要统筹资金，加快推进农村中小学\n\n校舍改造，确保师生安全。", "各地要统筹资金,加快推进农村中小学校舍改造,确保师生安全。"),
    # a break right after a comma or 、
    ("统筹城乡学校建设，\n\n加快补齐办学条件短板。", "统筹城乡学校建设,加快补齐办学条件短板。"),
    ("加强音乐、美术、\n书法等课程建设。", "加强音乐、美术、书法等课程建设。"),
    # indented paragraphs (ideographic spaces): the indent of the continuation goes too
    ("　　到2025年，全市普惠性幼儿园覆盖率达到\n　　90%以上，公办园在园幼儿占比达到55%。",
     "  到2025年,全市普惠性幼儿园覆盖率达到90%以上,公办园在园幼儿占比达到55%。"),
    # a sentence broken over two page breaks
    ("推进集团化办学，扩大优质\n\n教育资源覆盖面，让更多学生受益，推动城乡教育一体化\n\n发展。",
     "推进集团化办学,扩大优质教育资源覆盖面,让更多学生受益,推动城乡教育一体化发展。"),
]

NO_JOIN_CORPUS = [
    # liaocheng: a heading line, then its body or the first item under it
    ("（一）确保办学条件持续改善\n\n1. 推进学校布局科学优化。",
     "(一)确保办学条件持续改善\n\n1. 推进学校布局科学优化。"),
    ("（二）确保教育经费投入到位\n\n严格落实县级政府财政投入主体责任，坚持财政投入向薄弱地区倾斜。",
     "(二)确保教育经费投入到位\n\n严格落实县级政府财政投入主体责任,坚持财政投入向薄弱地区倾斜。"),
    ("（二）注重全面发展\n\n坚持健康第一，实施学校体育固本行动。",
     "(二)注重全面发展\n\n坚持健康第一,实施学校体育固本行动。"),
    # liaocheng: headings with a comma inside
    ("二、“保”为前提，全面夯实中小学办学条件\n\n（一）确保办学条件持续改善",
     "二、“保”为前提,全面夯实中小学办学条件\n\n(一)确保办学条件持续改善"),
    ("五、“责”为抓手，合力推进工作向新向好\n\n（一）抓好组织领导之责\n\n各级党委、政府要把深化基础教育改革列入重要议事日程。",
     "五、“责”为抓手,合力推进工作向新向好\n\n(一)抓好组织领导之责\n\n各级党委、政府要把深化基础教育改革列入重要议事日程。"),
    # liaocheng: the notice body, the signature block and the date line
    ("现将《实施方案》印发给你们，请结合实际，认真贯彻落实。\n\n聊城市教育\n和体育局\n\n中共聊城市委\n组织部\n\n聊城市卫生\n健康委员会\n\n2020年12月8日",
     "现将《实施方案》印发给你们,请结合实际,认真贯彻落实。\n\n聊城市教育\n和体育局\n\n中共聊城市委\n组织部\n\n聊城市卫生\n健康委员会\n\n2020年12月8日"),
    # liaocheng: the date line, then the title of the plan, then its first paragraph
    ("2020年12月8日\n\n聊城市关于深化基础教育改革全面提高中小学教育质量的实施方案\n\n为深入贯彻落实精神，特制定以下实施方案。",
     "2020年12月8日\n\n聊城市关于深化基础教育改革全面提高中小学教育质量的实施方案\n\n为深入贯彻落实精神,特制定以下实施方案。"),
    # changchun: the notice title, then the addressees
    ("长春市教育局关于印发《长春市基础教育质量提升工程实施方案（2018—2020年）》的通知  \n\n\n各县（市）区教育局、开发区教育局（文教局），各直属单位：",
     "长春市教育局关于印发《长春市基础教育质量提升工程实施方案(2018—2020年)》的通知  \n\n\n各县(市)区教育局、开发区教育局(文教局),各直属单位:"),
    # baotou: a link line, then the title (the link's ":" is not sentence punctuation)
    ("原文链接：https://www.pkulaw.com/lar/ea5258e56c60aba96802bb670d6bf530bdfb.html\n包头市人民政府办公室关于印发《包头市2022年数字政府建设考评办法》的通知",
     "原文链接:https://www.pkulaw.com/lar/ea5258e56c60aba96802bb670d6bf530bdfb.html\n包头市人民政府办公室关于印发《包头市2022年数字政府建设考评办法》的通知"),
    # qingdao: the last paragraph, the signature and the date
    ("将其作为对学校督导评估的重要内容。（责任单位：市教育局，各区、市政府）\n青岛市人民政府办公厅\n\n2016年11月21日",
     "将其作为对学校督导评估的重要内容。(责任单位:市教育局,各区、市政府)\n青岛市人民政府办公厅\n\n2016年11月21日"),
    # province: a title broken over two lines, then the draft mark
    ("附件\n关于深化教育教学改革全面提高义务\n教育质量的实施意见\n（征求意见稿）",
     "附件\n关于深化教育教学改革全面提高义务\n教育质量的实施意见\n(征求意见稿)"),
]

NO_JOIN_GENERAL = [
    # a title with 、 (running punctuation) is still a title
    ("关于做好2021年中小学、幼儿园招生入学工作的通知\n\n各县（市、区）教育局：",
     "关于做好2021年中小学、幼儿园招生入学工作的通知\n\n各县(市、区)教育局:"),
    ("关于印发《中小学、幼儿园布局规划》的通知\n各区教育局，各直属学校：",
     "关于印发《中小学、幼儿园布局规划》的通知\n各区教育局,各直属学校:"),
    # a last paragraph without its final 。 is not joined to the signature or the date
    ("大力营造基础教育持续健康协调发展的良好氛围，推动教育事业取得新进步\n\n济南市教育局\n2021年3月1日",
     "大力营造基础教育持续健康协调发展的良好氛围,推动教育事业取得新进步\n\n济南市教育局\n2021年3月1日"),
    # a sentence that stops without 。 before a numbered item
    ("主要措施如下，\n（一）加强组织领导", "主要措施如下,\n(一)加强组织领导"),
    ("各地要做到以下几点，\n1．落实主体责任", "各地要做到以下几点,\n1.落实主体责任"),
    # a paragraph that ends with ； or ： is complete
    ("强化条件保障；\n\n完善督导评估。", "强化条件保障;\n\n完善督导评估。"),
    ("各县（市、区）教育局：\n\n现将方案印发给你们。", "各县(市、区)教育局:\n\n现将方案印发给你们。"),
]
# fmt: on

JOINS = JOIN_CORPUS + JOIN_GENERAL
NO_JOINS = NO_JOIN_CORPUS + NO_JOIN_GENERAL


@NEWLINES
@pytest.mark.parametrize(("text", "expected"), JOINS, ids=[c[0] for c in JOINS])
def test_line_broken_inside_a_sentence_is_rejoined(
    text: str, expected: str, newline: str, rules: RuleSet
) -> None:
    assert clean_text(text.replace("\n", newline), rules) == expected


@NEWLINES
@pytest.mark.parametrize(("text", "expected"), NO_JOINS, ids=[c[0] for c in NO_JOINS])
def test_paragraph_break_stays(text: str, expected: str, newline: str, rules: RuleSet) -> None:
    assert clean_text(text.replace("\n", newline), rules) == expected


@NEWLINES
def test_quote_across_a_rejoined_break_keeps_the_break(newline: str, rules: RuleSet) -> None:
    text = f"回应社会关切，优化资源{newline}{newline}配置，推进补短提升"
    clean = normalize_text(text, rules=rules)
    start = clean.text.index("资源配置")
    assert clean.quote(start, start + 4) == f"资源{newline}{newline}配置"
    assert clean.quote(start + 2, start + 4) == "配置"


def test_liaocheng_document_joins_only_broken_sentences(rules: RuleSet) -> None:
    path = CORPUS / "docs" / "liaocheng-2020-basic-education-reform.txt"
    clean = normalize_text(read_original(path), rules=rules)
    assert "优化资源配置,推进补短提升" in clean.text
    assert "(一)确保办学条件持续改善\n\n1. 推进学校布局科学优化。" in clean.text
    assert (
        "\n\n2020年12月8日\n\n聊城市关于深化基础教育改革全面提高中小学教育质量的实施方案\n\n为深入"
        in clean.text
    )
    assert "认真贯彻落实。\n\n聊城市教育\n和体育局\n" in clean.text
    assert clean.text.endswith("推动全市教育事业取得新进步新发展。")


# ---------------------------------------------------------------- page numbers

OCR_PAGE_BREAKS = [
    # (clean text read on across the page break, the original behind it)
    ("把握正确改革方向,办好社会主义教育", "把握正确改革\n2、方向,办好社会主义教育"),
    ("坚持立德树人。坚持以树人为核心", "坚持立德树人。\n3、坚持以树人为核心"),
    ("增强教育改革的系统性、整体性和协同性", "增强教育改革的系统性、整体\n4、性和协同性"),
    ("协同治理机制,推动“五育融合", "协同治理机\n5、制,推动“五育融合"),
    ("多方资源整合,引领家校社合作共育行动", "多方资源整合,\n6、引领家校社合作共育行动"),
    ("探索智慧管理,多部门联合运用", "探索智慧管\n7、理,多部门联合运用"),
    ("制定和完善整体性系统化的配套公共", "制定和完善整体性系统化的配套\n8、公共"),
    ("坚持“五育并举,深化课程育人", "坚持“五\n9、育并举,深化课程育人"),
    ("建设“天府绿道学习基地。", "建设\n10、“天府绿道学习基地。"),
    ("(二)优质教育倍增工程", "(二)\n11、优质教育倍增工程"),
    ("核心、优质资源辐射为重点", "核心、优\n12、质资源辐射为重点"),
    ("为依据,对乡村小规模学校", "为依据,\n13、对乡村小规模学校"),
    ("开展公益性服务,改善育人环境", "开展公益性效劳\n14、,改善育人环境"),
    ("县管岗位结构、学校按岗定员", "县管岗位结\n15、构、学校按岗定员"),
]


@pytest.mark.parametrize(
    ("read_on", "original"), OCR_PAGE_BREAKS, ids=[c[1] for c in OCR_PAGE_BREAKS]
)
def test_page_number_glued_into_the_ocr_text_is_removed(
    read_on: str, original: str, rules: RuleSet
) -> None:
    text = read_original(OCR_DOC)
    clean = normalize_text(text, rules=rules)
    start = clean.text.index(read_on)
    assert clean.quote(start, start + len(read_on)) == original
    assert text.count(original) == 1


def test_ocr_document_loses_every_page_number_and_line_break(rules: RuleSet) -> None:
    clean = normalize_text(read_original(OCR_DOC), rules=rules)
    assert "\n" not in clean.text
    assert clean.text.startswith("深化新时代教育评价改革实施方案精编")
    assert clean.quote(0, 2) == "深化"
    assert clean.to_original(0, 1) == (2, 3)  # 1、 of page 1 is gone too
    assert "[W103] removed 15 page number(s) glued into the text" in clean.warnings


# fmt: off
GLUED_GENERAL = [
    # four pages of a flattened conversion, a page number in front of each
    ("一、总体要求。坚持党的全面领导，把握正确\n2、方向，办好人民满意的教育，推进教育\n3、现代化，建设教育强市，全面提高\n4、教育质量。",
     "一、总体要求。坚持党的全面领导,把握正确方向,办好人民满意的教育,推进教育现代化,建设教育强市,全面提高教育质量。"),
    ("1、坚持立德树人，深化课程改革，优化\n2、教学方式。加强教师队伍建设，提升\n3、教师素质。",
     "坚持立德树人,深化课程改革,优化教学方式。加强教师队伍建设,提升教师素质。"),
]

# numbered lists count up at line starts too, and must stay
LISTS_GENERAL = [
    ("1、加强组织领导。各级政府要高度重视。\n2、强化条件保障。加大经费投入。\n3、跟进督导评估。建立评估体系。",
     "1、加强组织领导。各级政府要高度重视。\n2、强化条件保障。加大经费投入。\n3、跟进督导评估。建立评估体系。"),
    ("主要任务：\n1、德育活动创新\n2、课程教学改革\n3、教育评价实施\n4、学校文化建设",
     "主要任务:\n1、德育活动创新\n2、课程教学改革\n3、教育评价实施\n4、学校文化建设"),
    ("工作要求：\n1、提高思想认识；\n2、加强统筹协调；\n3、严格考核问责。",
     "工作要求:\n1、提高思想认识;\n2、加强统筹协调;\n3、严格考核问责。"),
    ("（一）主要目标\n1、到2025年，学前三年毛入园率达到95%\n2、义务教育巩固率达到97%\n3、高中阶段毛入学率达到95%",
     "(一)主要目标\n1、到2025年,学前三年毛入园率达到95%\n2、义务教育巩固率达到97%\n3、高中阶段毛入学率达到95%"),
]

STANDALONE_GENERAL = [
    # a page-number line between the halves of a sentence: removed, then rejoined
    ("坚持问题导向，优化资源\n\n- 3 -\n\n配置，推进补短提升。", "坚持问题导向,优化资源配置,推进补短提升。"),
    ("坚持问题导向，优化资源\n－ ３ －\n配置，推进补短提升。", "坚持问题导向,优化资源配置,推进补短提升。"),
    ("坚持问题导向，优化资源\n— 12 —\n配置，推进补短提升。", "坚持问题导向,优化资源配置,推进补短提升。"),
    # between paragraphs: removed, the paragraph break stays
    ("加强组织领导。\n第 2 页\n强化条件保障。", "加强组织领导。\n强化条件保障。"),
    ("加强组织领导。\n第2页 共10页\n强化条件保障。", "加强组织领导。\n强化条件保障。"),
    ("加强组织领导。\n  3 / 12  \n强化条件保障。", "加强组织领导。\n强化条件保障。"),
    ("加强组织领导。\n-2-", "加强组织领导。\n"),
]

PAGE_KEPT_GENERAL = [
    # page references inside running text are text
    ("具体指标详见附件第2页。", "具体指标详见附件第2页。"),
    ("全年分3/4两个批次实施。", "全年分3/4两个批次实施。"),
    ("到2025年，新增学位3万个。\n2025\n年度目标", "到2025年,新增学位3万个。\n2025\n年度目标"),
]
# fmt: on

PAGES = GLUED_GENERAL + LISTS_GENERAL + STANDALONE_GENERAL + PAGE_KEPT_GENERAL


@NEWLINES
@pytest.mark.parametrize(("text", "expected"), PAGES, ids=[c[0] for c in PAGES])
def test_page_numbers(text: str, expected: str, newline: str, rules: RuleSet) -> None:
    assert clean_text(text.replace("\n", newline), rules) == expected


@pytest.mark.parametrize(("text", "expected"), LISTS_GENERAL, ids=[c[0] for c in LISTS_GENERAL])
def test_numbered_list_gives_no_page_number_warning(
    text: str, expected: str, rules: RuleSet
) -> None:
    assert not any(w.startswith("[W103]") for w in normalize_text(text, rules=rules).warnings)


# ---------------------------------------------------------------- letter spacing

# fmt: off
SPACING_CORPUS = [
    # liaocheng: letter-spaced issuer names
    ("聊 城 市 教 育 和 体 育 局", "聊城市教育和体育局"),
    ("中 共 聊 城 市 委 机 构 编 制 委 员 会 办 公 室", "中共聊城市委机构编制委员会办公室"),
    ("聊 城 市 人 力 资 源 和 社 会 保 障 局", "聊城市人力资源和社会保障局"),
    # liaocheng: a count set off by spaces, a space between the halves of a title
    ("聊城市教育和体育局等 11 部门", "聊城市教育和体育局等11部门"),
    ("聊城市关于深化基础教育改革 全面提高中小学教育质量的实施方案",
     "聊城市关于深化基础教育改革全面提高中小学教育质量的实施方案"),
    # baotou / xxcity-2024: indentation stays, spaces around Latin text stay
    ("　　按照市政府2022年第4次常务会议要求", "  按照市政府2022年第4次常务会议要求"),
    ("  为深入贯彻落实教育部等实施新时代基础教育扩优提质行动计划的部署要求",
     "  为深入贯彻落实教育部等实施新时代基础教育扩优提质行动计划的部署要求"),
    ("    【法宝引证码】 CLI.12.5115678", "    【法宝引证码】 CLI.12.5115678"),
    ("1. 推进学校布局科学优化。", "1. 推进学校布局科学优化。"),
]

SPACING_GENERAL = [
    ("长 春 市 教 育 局", "长春市教育局"),
    ("济　南　市　财　政　局", "济南市财政局"),
    ("中 共 青 岛 市 委 宣 传 部\n青 岛 市 教 育 局", "中共青岛市委宣传部\n青岛市教育局"),
    ("市教育局等 3 部门联合印发", "市教育局等3部门联合印发"),
    # a space between two numbers keeps them apart (a flattened table row)
    ("义务教育巩固率 95 97 98", "义务教育巩固率95 97 98"),
    ("２０２０　２０２５　目标值", "2020 2025目标值"),
    ("利用 AI 技术推动智能审批", "利用 AI 技术推动智能审批"),
    ("推动 VPN 专用链路建设", "推动 VPN 专用链路建设"),
]
# fmt: on

SPACING = SPACING_CORPUS + SPACING_GENERAL


@NEWLINES
@pytest.mark.parametrize(("text", "expected"), SPACING, ids=[c[0] for c in SPACING])
def test_letter_spacing_collapsed(text: str, expected: str, newline: str, rules: RuleSet) -> None:
    assert clean_text(text.replace("\n", newline), rules) == expected


def test_letter_spaced_name_quotes_with_its_spaces(rules: RuleSet) -> None:
    clean = normalize_text("聊 城 市 教 育 和 体 育 局", rules=rules)
    assert clean.quote(0, len(clean.text)) == "聊 城 市 教 育 和 体 育 局"
    assert clean.quote(3, 5) == "教 育"


# ---------------------------------------------------------------- markup

# fmt: off
MARKUP_CORPUS = [
    # changchun: a Word bookmark left by the converter
    ("[bookmark: _GoBack]召开质量工程总结表彰大会，全面总结经验", "召开质量工程总结表彰大会,全面总结经验"),
    # liaocheng: a bold title over three lines
    ("**聊城市教育和体育局等 11 部门\n关于印发《聊城市关于深化基础教育改革\n全面提高中小学教育质量的实施方案》的通知**",
     "聊城市教育和体育局等11部门\n关于印发《聊城市关于深化基础教育改革全面提高中小学教育质量的实施方案》的通知"),
    # xxcity-2024: four asterisks are a redaction, not markup
    ("实施xx省第四轮****工程学校高质量发展督导评价", "实施xx省第四轮****工程学校高质量发展督导评价"),
]

MARKUP_GENERAL = [
    ("各县（市、区）教育局&nbsp;&nbsp;", "各县(市、区)教育局  "),
    ("市教育局&nbsp;市财政局", "市教育局市财政局"),
    ("“互联网&amp;教育”平台", "“互联网&教育”平台"),
    ("分值&lt;60分为不合格", "分值<60分为不合格"),
    ("　&#12288;为全面贯彻", "  为全面贯彻"),
    ("&#xFF08;一&#xFF09;指导思想", "(一)指导思想"),
    ("家&#38271;学校", "家长学校"),
    ("&unknown; 与 &amp 不是实体", "&unknown; 与 &amp 不是实体"),
    ("**一、总体要求**\n坚持立德树人。", "一、总体要求\n坚持立德树人。"),
    ("编号为****的学校", "编号为****的学校"),
    ("[]{#_Toc12345}一、总体要求", "一、总体要求"),
    ("加强[美育]{.underline}工作", "加强[美育]工作"),
    ("加强美育工作<br/>推进体育工作", "加强美育工作推进体育工作"),
    ("<span style=\"font-size:16pt\">工作目标</span>", "工作目标"),
]
# fmt: on

MARKUP = MARKUP_CORPUS + MARKUP_GENERAL


@pytest.mark.parametrize(("text", "expected"), MARKUP, ids=[c[0] for c in MARKUP])
def test_markup_remnants_dropped(text: str, expected: str, rules: RuleSet) -> None:
    assert clean_text(text, rules) == expected


# fmt: off
# (text, the emphasized clean strings, the original each one quotes)
EMPHASIS = [
    # CORPUS liaocheng: the notice title is bold
    ("聊教体发〔2020〕7号\n\n**聊城市教育和体育局等 11 部门\n关于印发《聊城市关于深化基础教育改革\n全面提高中小学教育质量的实施方案》的通知**\n\n各县（市、区）教育体育（教育）局：",
     ["聊城市教育和体育局等11部门\n关于印发《聊城市关于深化基础教育改革全面提高中小学教育质量的实施方案》的通知"],
     ["聊城市教育和体育局等 11 部门\n关于印发《聊城市关于深化基础教育改革\n全面提高中小学教育质量的实施方案》的通知"]),
    # GENERAL
    ("**一、总体要求**\n坚持立德树人。", ["一、总体要求"], ["一、总体要求"]),
    ("**加强领导**。**强化保障**。", ["加强领导", "强化保障"], ["加强领导", "强化保障"]),
    ("**（一）指导思想**", ["(一)指导思想"], ["（一）指导思想"]),
    # markup in front of the bold text shifts no offsets
    ("[bookmark: _GoBack]**工作目标**", ["工作目标"], ["工作目标"]),
    ("&nbsp;&amp;**工作目标**后文", ["工作目标"], ["工作目标"]),
    ("**重点**&nbsp;**难点**", ["重点", "难点"], ["重点", "难点"]),
    # a redaction is no emphasis; an unpaired marker opens none
    ("编号为****的学校", [], []),
    ("**工作目标", [], []),
    ("**", [], []),
    ("****", [], []),
]
# fmt: on


@NEWLINES
@pytest.mark.parametrize(("text", "emphasized", "quoted"), EMPHASIS, ids=[c[0] for c in EMPHASIS])
def test_emphasis_spans(
    text: str, emphasized: list[str], quoted: list[str], newline: str, rules: RuleSet
) -> None:
    clean = normalize_text(text.replace("\n", newline), rules=rules)
    assert [clean.text[s:e] for s, e in clean.emphasis] == emphasized
    assert [clean.quote(s, e) for s, e in clean.emphasis] == [
        q.replace("\n", newline) for q in quoted
    ]


def test_liaocheng_title_is_the_only_emphasis(rules: RuleSet) -> None:
    path = CORPUS / "docs" / "liaocheng-2020-basic-education-reform.txt"
    clean = normalize_text(read_original(path), rules=rules)
    assert [clean.text[s:e] for s, e in clean.emphasis] == [
        "聊城市教育和体育局等11部门\n"
        "关于印发《聊城市关于深化基础教育改革全面提高中小学教育质量的实施方案》的通知"
    ]


def test_no_markup_left_in_any_corpus_document(rules: RuleSet) -> None:
    for path in CORPUS_DOCS:
        text = normalize_text(read_original(path), rules=rules).text
        assert "[bookmark:" not in text, path.stem
        assert re.search(r"(?<!\*)\*\*(?!\*)", text) is None, path.stem
        assert re.search(r"&[a-z]+;", text) is None, path.stem
