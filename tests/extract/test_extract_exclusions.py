"""Numbers that are not commitments, end to end.

Each row runs :func:`policyparse.parse` on one short text and checks that no
commitment overlaps the row's anchor (a document number, a date, a title, a
meeting, a numbered slogan, a count of issuers, a fact of the present, a score
weight, a section marker, an ordinal, a technology name, a phone number …, the
list of ``corpus/GUIDELINES.md`` "Not commitments" and of ``rules/exclusions.yaml``).
Where the anchor sits inside a real quote (the 5G of 新增5G基站1000座) the row
names the value that must not appear instead. A row may name a real commitment
of the same text (``keep``) that must still be found, so that a row does not pass
because nothing was read at all. Where the exclusion rule is known, the row also
checks that ``skipped`` lists the anchor with that rule as its ``reason``.

Rows are grouped by where they came from:

``CORPUS``
    Text copied from ``corpus/docs/*.txt`` (cut after a clause where the sentence
    is long, and closed with 。). ``test_corpus_rows_are_verbatim`` checks that
    every line of the text occurs in the named file.
``GENERAL``
    The same kinds of numbers as other plans and notices write them.
``XFAIL``
    Known gaps, strict: a number that becomes a commitment, or one whose known
    exclusion rule is reported as ``unparsed`` (the exclusion rules are applied
    only to spans the quantity recognizer already read as a quantity, so a
    number with no unit — 〔2020〕7号, 12345, （25分）, 2018年9月18日 — is never
    matched by its rule).
"""

from __future__ import annotations

from typing import NamedTuple

import pytest
from tests.extract._rows import (
    BT,
    CC,
    LC,
    PR,
    QD,
    X21,
    X24,
    assert_copied_from_corpus,
    known_gaps,
)

import policyparse
from policyparse.schema import PolicyDocument


class Row(NamedTuple):
    text: str
    anchor: str  # the number-like text that is not a commitment
    reason: tuple[str, ...] = ()  # the exclusion rule(s) skipped may give it; () = not checked
    keep: str = ""  # a substring of the quote of a real commitment of the same text
    value: float | None = None  # the anchor is inside a real quote: no commitment has this value
    doc: str = ""  # CORPUS: the file stem the text was copied from
    why: str = ""  # XFAIL: what goes wrong


def n(
    text: str,
    anchor: str,
    reason: str | tuple[str, ...] = (),
    *,
    keep: str = "",
    value: float | None = None,
    doc: str = "",
) -> Row:
    reasons = (reason,) if isinstance(reason, str) else reason
    return Row(text, anchor, reasons, keep, value, doc)


def x(
    why: str,
    text: str,
    anchor: str,
    reason: str | tuple[str, ...] = (),
    *,
    keep: str = "",
    value: float | None = None,
    doc: str = "",
) -> Row:
    return n(text, anchor, reason, keep=keep, value=value, doc=doc)._replace(why=why)


def _occurrences(text: str, anchor: str) -> list[tuple[int, int]]:
    spans = []
    start = text.find(anchor)
    while start >= 0:
        spans.append((start, start + len(anchor)))
        start = text.find(anchor, start + 1)
    return spans


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def check(row: Row) -> PolicyDocument:
    doc = policyparse.parse(row.text)
    for c in doc.commitments:
        assert row.text[c.span[0] : c.span[1]] == c.quote
    for s in doc.skipped:
        assert row.text[s.span[0] : s.span[1]] == s.quote
    anchors = _occurrences(row.text, row.anchor)
    assert anchors, f"{row.anchor!r} is not in the text"
    overlapping = [c for c in doc.commitments if any(_overlaps(c.span, a) for a in anchors)]
    if row.value is None:
        assert not overlapping, f"{row.anchor!r} is in {[c.quote for c in overlapping]}"
    else:
        assert all(c.value != row.value for c in overlapping), [c.quote for c in overlapping]
    if row.keep:
        hits = [c for c in doc.commitments if row.keep in c.quote]
        assert len(hits) == 1, f"{row.keep!r}: {[c.quote for c in doc.commitments]}"
    if row.reason:
        reasons = [s.reason for s in doc.skipped if any(_overlaps(s.span, a) for a in anchors)]
        assert reasons, f"{row.anchor!r} is not in skipped: {doc.skipped}"
        assert set(reasons) <= set(row.reason), reasons
    return doc


def _id(row: Row) -> str:
    return f"{row.text.replace(chr(10), ' / ')} [{row.anchor}]"


# fmt: off
CORPUS: list[Row] = [
    # document numbers (in the header, and cited in the body)
    n("聊教体发〔2020〕7号", "〔2020〕7号", doc=LC),
    n("（青政办发〔2016〕33号）", "〔2016〕33号", doc=QD),
    n("根据《国务院办公厅关于全面加强和改进学校美育工作的意见》（国办发〔2015〕71号）。", "〔2015〕71号", doc=QD),
    n("《山东省教育厅等11部门关于深化基础教育改革全面提高中小学教育质量的意见》（鲁教基发〔2020〕2号）精神。", "〔2020〕2号", doc=LC),
    # issue dates
    n("长春市教育局\n2018年9月18日", "2018年9月18日", doc=CC),
    n("2016年11月21日", "2016年11月21日", doc=QD),
    # titles and periods of other documents; the plan's own title period
    n("《山东省教育厅等11部门关于深化基础教育改革全面提高中小学教育质量的意见》（鲁教基发〔2020〕2号）精神。", "11部门", doc=LC),
    n("县级人民政府要严格落实《中小学、幼儿园布局规划（2019—2030年）》，制定年度实施计划，加强用地保障、资金保障。", "2019—2030", doc=LC),
    n("为全面落实《国家中长期教育改革和发展规划纲要（2010－2020年）》、国务院办公厅《关于深化教育体制机制改革的意见》精神。", "2010－2020", doc=CC),
    n("长春市基础教育质量提升工程实施方案（2018—2020年）", "2018—2020", doc=CC),
    n("编制《xx市中心城区教育设施专项规划(2021-2035年)》,加大中心城区学位供给力度。", "2021-2035", doc=X24),
    n("落实《xx市规范中小学办学行为二十条(试行)》,强化规范管理。", "二十条", "title_of_document", doc=X24),
    n("按照市政府2022年第4次常务会议和《包头市人民政府办公室关于印发包头市数字政府建设行动方案（2021—2023年）的通知》。", "2021—2023", doc=BT),
    # meetings
    n("深入贯彻党的十九大和十九届二中、三中、四中、五中、六中全会精神,全面贯彻党的教育方针。", "十九大", doc=X21),
    n("深入贯彻党的十九大和十九届二中、三中、四中、五中、六中全会精神,全面贯彻党的教育方针。", "五中", doc=X21),
    # numbered slogans and names
    n("逐步实现长春基础教育由规模向效益、由条件向内涵、由管理向治理的“三大转变”；", "三大", doc=CC),
    n("实施九大系列项目：德育活动创新、课程教学改革、教育评价实施、学校文化建设、学校民主管理、特色品牌创建、学前教育一优一带发展。", "九大", doc=CC),
    n("实施九大系列项目：德育活动创新、课程教学改革、教育评价实施、学校文化建设、学校民主管理、特色品牌创建、学前教育一优一带发展。", "一优一带", doc=CC),
    n("健全立德树人系统化的落实机制，以学校大德育体系构建、课程与教学改革、考试与评价创新为支撑点，启动三大方面十八个子项目。", "三大", doc=CC),
    n("健全立德树人系统化的落实机制，以学校大德育体系构建、课程与教学改革、考试与评价创新为支撑点，启动三大方面十八个子项目。", "十八个", "structure", doc=CC),
    n("路径是遵循学生身心发展规律和教育教学规律，发挥区域和学校两个实施主体作用。", "两个", "structure", doc=CC),
    n("通过十项行动措施，实现办好百姓家门口的每一所学校的目标。", "十项", "structure", doc=CC),
    n("实施以“激发成长动力”为主题的“两评两促”的评价方式改革。", "两评两促", doc=CC),
    n("引导中小学校坚持立德树人、五育并举,促进学生多元成才。", "五育", doc=X21),
    n("支持按照“一校一案方式形成“小而美、小而特、小而优特色。", "一校一案", doc=X21),
    n("完善德育工作体系，推动“一校一案”制定中小学校德育实施方案。", "一校一案", doc=LC),
    n("(二)推进五个转变一是从单一评价向综合评价转变。", "五个", "structure", doc=X21),
    n("对乡村小规模学校、乡镇寄宿制学校和县城学校“三类学校进行规划建设与布局优化。", "三类", "quoted_slogan", doc=X21),
    n("进一步规范普通中小学课堂教学、课后服务、招生考试、评审评比、“五项管理”和收费等办学行为。", "五项", "quoted_slogan", doc=X24),
    n("实施政府领航、阳光体育、环境优化等八大工程。", "八大", doc=X24),
    n("构建课堂教学、课外活动、校园文化“三位一体”的美育育人机制。", "三位一体", doc=QD),
    n("实现市、县（市、区）、校三级服务一张网，提升教育治理与服务信息化水平。", "一张网", "idiom", doc=LC),
    n("形成一级抓一级、层层负责的工作机制。", "一级抓一级", doc=LC),
    n("全市各级各相关部门要牢固树立“上下一条心，全市一盘棋”的工作理念。", "一条心", doc=LC),
    n("全市各级各相关部门要牢固树立“上下一条心，全市一盘棋”的工作理念。", "一盘棋", doc=LC),
    n("19．按照自治区要求，加快梳理政务服务数据三张清单，完成目录数据挂载。", "三张", ("structure", "structure_named"), doc=BT),
    n("构建“一套贷款手续、一个贷款流程、一站式发放\"新模式。", "一个", ("quoted_slogan", "quoted_list_slogan"), doc=BT),
    n("计算各旗县区、稀土高新区及各部门7个方面分值的平均分值，形成最终分值。", "7个", "structure", doc=BT),
    n("加快推进政务、城管、交通、旅游、卫健等领域五大主题数据库建设。", "五大", doc=BT),
    n("把全市各级部门、单位纳入范围，达到一次投入，减少二次开发费用。", "一次", "one_time", doc=BT),
    n("把全市各级部门、单位纳入范围，达到一次投入，减少二次开发费用。", "二次", "one_time", doc=BT),
    n("各级政府要将美育工作作为全面实现教育现代化的一项重要任务摆在突出位置。", "一项", "determiner", doc=QD),
    n("打造一支政治过硬、品德高尚、业务精湛、治校有方的高素质专业化校长队伍。", "一支", "a_team", doc=LC),
    # categories, places, conditions, equivalences: the real target is kept
    n("到2020年，实现优质普惠性幼儿园覆盖率达到80%，全市一类以上优质幼儿园数量达到160所的目标。", "一类", "category_rank", keep="160所", value=1, doc=CC),
    n("实现城区优质教育资源覆盖面达到95%，三县（市）、九台区、双阳区达到70%以上的目标。", "九台", "place_name", keep="70%", value=9, doc=CC),
    n("对农村不足100人的规模较小学校，按100人核定公用经费；", "不足100人", "condition", keep="核定", doc=LC),
    n("普通高中学校要保证美育类必修课程不低于6个学分（相当于108课时）。", "108课时", "equivalence", keep="6个学分", doc=QD),
    # facts of the present
    n("依托187个社会主义核心价值观教育基地,构建天府文化进校园的课程体系与推进机制。", "187个", "existing", doc=X21),
    n("26．在现有新生入学、教师招聘、教师资格认定等62项“一站式\"便民服务的基础上，继续聚焦就业服务、教育缴费、证照办理等民生热点“一网通办\"。", "62项", "existing", doc=BT),
    # score weights
    n("半年考评分值=日常监测（60%）+实地调研（20%）+民意调查（10%）+第三方评估（10%）", "60%", "weight", doc=BT),
    n("半年考评分值=日常监测（60%）+实地调研（20%）+民意调查（10%）+第三方评估（10%）", "20%", "weight", doc=BT),
    n("一、政务服务\"一网通办\"（25分）", "25分", doc=BT),
    n("（三）政府网站集约化平台升级（1.5分）", "1.5分", doc=BT),
    n("35．配合市发改委做好涉企信用数据整合和平台对接工作。（0.25分）（6月底完成，牵头考核单位：市市场监管局）", "0.25分", doc=BT),
    # ordinals
    n("按照市政府2022年第4次常务会议和《包头市人民政府办公室关于印发包头市数字政府建设行动方案（2021—2023年）的通知》。", "第4次", "ordinal", doc=BT),
    n("按照市政府2022年第4次常务会议和《包头市人民政府办公室关于印发包头市数字政府建设行动方案（2021—2023年）的通知》。", "2022年", doc=BT),
    n("实施xx省第四轮****工程学校高质量发展督导评价,建设学校质量自评和督导评价系统。", "第四轮", doc=X24),
    n("打造“天府学堂德育品牌,持续开展天府文化开学第一课、校园读书会、校园文化(艺术)节等特色活动。", "第一课", doc=X21),
    # technology names, phone numbers, versions
    n("59．新增5G基站1000座，累计建设5G基站4600个。", "5G", "technology_name", keep="1000座", value=5, doc=BT),
    n("探索基于大数据、人工智能、5G网络、虚拟现实等技术支撑的精准教学、个性化学习和智能服务。", "5G", "technology_name", doc=PR),
    n("3．全面提升“12345\"政务热线服务水平。", "12345", doc=BT),
    n("全面升级政府系统办公平台，打造协同办公3.0版。", "3.0", doc=BT),
    n("积极扩展“鹿城健康365\"“健康包头\"平台功能，丰富线上应用场景。", "365", doc=BT),
    # section and list markers
    n("一、总体要求\n（一）指导思想。全面贯彻党的教育方针，落实立德树人的根本任务。", "（一）", doc=QD),
    n("一、总体要求\n（一）指导思想。全面贯彻党的教育方针，落实立德树人的根本任务。", "一、", doc=QD),
    n("（一）确保办学条件持续改善\n1. 推进学校布局科学优化。", "1. ", doc=LC),
    n("（九）优化政务服务应用（12分）\n19．按照自治区要求，加快梳理政务服务数据三张清单，完成目录数据挂载。", "19．", doc=BT),
    n("(二)推进五个转变一是从单一评价向综合评价转变。", "一是", doc=X21),
]

GENERAL: list[Row] = [
    n("根据《教育部关于印发〈义务教育质量评价指南〉的通知》（教基〔2021〕3号）要求，制定本方案。", "〔2021〕3号"),
    n("现将有关事项通知如下（京教基一〔2023〕12号）。", "〔2023〕12号"),
    n("2018年9月18日，市教育局印发了实施方案。", "2018年9月18日"),
    n("按照《中小学、幼儿园布局规划（2019—2030年）》要求，新建学校10所。", "2019—2030", keep="10所"),
    n("深入学习贯彻党的二十大精神和党的十九届五中全会精神。", "二十大"),
    n("深入学习贯彻党的二十大精神和党的十九届五中全会精神。", "五中全会"),
    n("坚持五育并举，全面发展素质教育。", "五育"),
    n("努力培养四有好老师。", "四有"),
    n("努力造就一支党和人民满意的“四有”好老师队伍。", "一支", "a_team"),
    n("推行一校一案，落实一校一策。", "一校一案"),
    n("推进“一件事一次办”改革。", "一件事", ("paired_slogan", "quoted_slogan")),
    n("加强“三类学校”建设。", "三类", "quoted_slogan"),
    n("这是一项重要任务。", "一项", "determiner"),
    n("市教育局等11部门联合印发了实施方案。", "11部门"),
    n("依托全市120个研学实践基地开展综合实践活动。", "120个", "existing"),
    n("全市现有中小学校326所。", "326所", "existing"),
    n("目前已建成智慧校园示范校45所。", "45所", "existing"),
    n("一、总体要求\n（二）主要任务\n3．加强师资队伍建设。", "3．"),
    n("一是完善评价体系，二是新建幼儿园10所。", "一是", keep="10所"),
    n("启动第四轮学前教育行动计划。", "第四轮"),
    n("落实第4次全国经济普查任务。", "第4次", "ordinal"),
    n("开学第一课全面覆盖中小学。", "第一课"),
    n("实施第二期学前教育行动计划。", "第二期"),
    n("新增5G基站1000座。", "5G", "technology_name", keep="1000座", value=5),
    n("市民可拨打12345政务服务热线反映问题。", "12345"),
    n("推广4K超高清教学设备。", "4K"),
    n("打造一支高素质专业化教师队伍。", "一支", "a_team"),
    n("每一所学校都要配备专职保安员。", "每一所"),
    n("高中阶段实行三个阶段推进。", "三个", "structure"),
    n("在2020年基础上，全市新建幼儿园50所。", "2020年基础上", keep="50所"),
    n("对农村超过100人不足200人的规模较小学校，按200人核定公用经费。", "超过100人", "condition", keep="200人核定"),
    n("学校要做到“5+2”课后服务全覆盖。", "5+2"),
    n("推动26所校地共建高校附属学校高水平发展。", "26所", "existing_development"),
    n("深入推进全市136个基础教育名校集团发展。", "136个", "existing_development"),
    n("过去一年，地区生产总值增长8%。", "8%"),
]

XFAIL: list[Row] = [
    x("每千人口 (a rate base) becomes a commitment of 1000 人",
      "每千人口拥有3岁以下婴幼儿托位数达到4.5个。", "千人", keep="4.5个"),
    x("the date of an existing act (按照2019年12月印发的方案) becomes a deadline record",
      "按照2019年12月印发的方案执行。", "2019年12月"),
]
# fmt: on


@pytest.mark.parametrize("row", CORPUS, ids=_id)
def test_corpus(row: Row) -> None:
    check(row)


@pytest.mark.parametrize("row", GENERAL, ids=_id)
def test_general(row: Row) -> None:
    check(row)


@pytest.mark.parametrize(
    "row",
    known_gaps(XFAIL, reason=lambda row: row.why),
    ids=_id,
)
def test_known_gaps(row: Row) -> None:
    check(row)


@pytest.mark.parametrize("row", [row for row in CORPUS + XFAIL if row.doc], ids=_id)
def test_corpus_rows_are_verbatim(row: Row) -> None:
    assert_copied_from_corpus(row.doc, row.text)


def test_an_excluded_quantity_is_reported_with_its_rule() -> None:
    doc = check(n("依托187个社会主义核心价值观教育基地。", "187个", "existing"))
    assert [(s.quote, s.reason) for s in doc.skipped] == [("187个", "existing")]


def test_row_count() -> None:
    assert len(CORPUS) + len(GENERAL) + len(XFAIL) >= 100


# fmt: off
# BUGS_CAUGHT: gaps these tests found (the reason says what went wrong)
# that the extraction now handles; kept as regression tests.
BUGS_CAUGHT: list[Row] = [
    x("a document number is reported as unparsed, not document_number",
      "根据《国务院办公厅关于全面加强和改进学校美育工作的意见》（国办发〔2015〕71号）。", "〔2015〕71号", "document_number", doc=QD),
    x("a document number is reported as unparsed, not document_number",
      "根据《教育部关于印发〈义务教育质量评价指南〉的通知》（教基〔2021〕3号）要求，制定本方案。", "〔2021〕3号", "document_number"),
    x("a date in the body is reported as unparsed, not date",
      "2018年9月18日，市教育局印发了实施方案。", "2018年9月18日", "date"),
    x("the period of a cited title is reported as unparsed, not title_of_document/period",
      "县级人民政府要严格落实《中小学、幼儿园布局规划（2019—2030年）》，制定年度实施计划，加强用地保障、资金保障。", "2019—2030", ("title_of_document", "period"), doc=LC),
    x("the period of a cited title is reported as unparsed, not title_of_document/period",
      "编制《xx市中心城区教育设施专项规划(2021-2035年)》,加大中心城区学位供给力度。", "2021-2035", ("title_of_document", "period"), doc=X24),
    x("等11部门 is reported as unparsed, not count_of_issuers",
      "市教育局等11部门联合印发了实施方案。", "11部门", "count_of_issuers"),
    x("a score weight in points （25分） is reported as unparsed, not weight (only （60%） is)",
      "一、政务服务\"一网通办\"（25分）", "25分", "weight", doc=BT),
    x("a score weight in points （0.25分） is reported as unparsed, not weight",
      "35．配合市发改委做好涉企信用数据整合和平台对接工作。（0.25分）（6月底完成，牵头考核单位：市市场监管局）", "0.25分", "weight", doc=BT),
    x("a phone number is reported as unparsed, not phone",
      "3．全面提升“12345\"政务热线服务水平。", "12345", "phone", doc=BT),
    x("a version 3.0版 is reported as unparsed, not version",
      "全面升级政府系统办公平台，打造协同办公3.0版。", "3.0", "version", doc=BT),
    x("4K is reported as unparsed, not technology_name",
      "推广4K超高清教学设备。", "4K", "technology_name"),
    x("3大平台 is reported as unparsed, not numbered_slogan",
      "对标全国一流，加快升级热线平台，涵盖话务、业务和可视化3大平台、19类功能模块。", "3大", "numbered_slogan", keep="19类", doc=BT),
    x("a base year 在2020年基础上 is reported as unparsed, not base_year",
      "在2020年基础上，全市新建幼儿园50所。", "2020年基础上", "base_year", keep="50所"),
    x("一张网 followed by more text is not caught by the idiom rule and becomes a count of 1 张",
      "全市政务服务一张网全面建成。", "一张网"),
]
# fmt: on


@pytest.mark.parametrize("row", BUGS_CAUGHT, ids=_id)
def test_bugs_caught(row: Row) -> None:
    check(row)
