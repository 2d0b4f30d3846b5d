"""Deadlines and frequencies end to end: ``deadline``, ``deadline_month``, ``frequency``.

Each row runs :func:`policyparse.parse` on one short text and checks the fields
it names on the one commitment whose quote holds the row's anchor. The rules are
those of ``corpus/GUIDELINES.md``: a deadline that opens a sentence (``到2020年，…；…``)
governs the clauses after it; a relative deadline (年底前, 6月底前) resolves against
the document's own year, which a bare text does not have — rows that need one
start with a dated line (``2022年4月14日``) as a notice does; a dated clause with
no quantity of its own is a ``deadline`` record; a phase heading
(``第一阶段：2018年，…``) is a dated milestone.

Rows are grouped by where they came from:

``CORPUS``
    Text copied from ``corpus/docs/*.txt`` (cut after a clause where the sentence
    is long, and closed with 。; a few rows keep the heading or date line above
    the sentence). ``test_corpus_rows_are_verbatim`` checks that every line of
    the text occurs in the named file.
``GENERAL``
    The same time expressions as other plans write them (力争到2025年, 2023年6月底前,
    截止到2025年, 每学年至少开展2次, 每两年 …).
``XFAIL``
    Known gaps, strict: each names what goes wrong.
"""

from __future__ import annotations

import pytest
from tests.extract._rows import (
    BT,
    CC,
    LC,
    PR,
    QD,
    X21,
    X24,
    Row,
    _id,
    assert_copied_from_corpus,
    check,
    known_gaps,
    r,
)

import policyparse

DATED = "2022年4月14日\n"  # the issue-date line of the baotou notice: the document's year


class OneOf:
    """An expected field value that may be any of several (``None`` or the year)."""

    def __init__(self, *options: object) -> None:
        self.options = options

    def __eq__(self, other: object) -> bool:
        return other in self.options

    def __hash__(self) -> int:
        return hash(self.options)

    def __repr__(self) -> str:
        return f"OneOf{self.options!r}"


NO_DATE = {"deadline": None, "deadline_month": None}

# fmt: off
CORPUS: list[Row] = [
    # changchun: a leading deadline governs every quantity of the sentence
    r("到2020年，实现优质普惠性幼儿园覆盖率达到80%，全市一类以上优质幼儿园数量达到160所的目标。", "80%", CC, deadline=2020, deadline_month=None, frequency=None),
    r("到2020年，实现优质普惠性幼儿园覆盖率达到80%，全市一类以上优质幼儿园数量达到160所的目标。", "160所", CC, deadline=2020, deadline_month=None),
    r("到2020年，构建与东北亚区域性教育中心相适应的大学区管理框架，切实缩小区域、校际差距，实现城区优质教育资源覆盖面达到95%。", "95%", CC, deadline=2020),
    r("二、工作目标\n到2020年，基本形成以立德树人为根本任务，以学生全面个性发展、学校自主特色发展、区域优质均衡发展为目标，以科学的质量标准、健全的管理制度、完备的评估办法为保障的质量工程运行体系；基本形成基础教育各学段有效衔接、各学科相互融合的人才培养机制。", "质量工程运行体系", CC, kind="deadline", deadline=2020, deadline_month=None, value=None),
    r("质量工程将按年度分三个阶段实施。\n第一阶段：2018年，质量工程启动实施年", "第一阶段", CC, kind="deadline", deadline=2018, deadline_month=None),
    r("四、推进步骤\n质量工程将按年度分三个阶段实施。\n第一阶段：2018年，质量工程启动实施年\n第二阶段：2019年，质量工程推进提升年\n第三阶段：2020年，质量工程总结推广年", "第二阶段", CC, kind="deadline", deadline=2019),
    r("四、推进步骤\n质量工程将按年度分三个阶段实施。\n第一阶段：2018年，质量工程启动实施年\n第二阶段：2019年，质量工程推进提升年\n第三阶段：2020年，质量工程总结推广年", "第三阶段", CC, kind="deadline", deadline=2020),
    # liaocheng: a year inside the sentence; frequencies
    r("对普通高中学校要提高生均公用经费标准，2020年要全部达到1000元/生/年的标准。", "1000元", LC, deadline=2020, frequency=None),
    r("加强水城名校长队伍建设，每3年培养30名水城名校长。", "30名", LC, frequency="per_n_years:3", **NO_DATE),
    r("完善普通高中培养成本分担机制和学费动态调整机制，原则上3年核定一次学费标准。", "一次", LC, frequency="per_n_years:3"),
    r("加强健康教育，每年降低中小學生近视率1个百分点。", "1个百分点", LC, frequency="per_year", **NO_DATE),
    r("落实综合实践活动课时，丰富研究性学习、社会实践、志愿服务内容，每学期至少开展1次实践活动。", "1次", LC, frequency="per_semester"),
    r("定期举办学生运动会，让每位学生掌握1至2项运动技能。", "1至2项", LC, frequency=None, **NO_DATE),
    # province: 到2022年 with no comma after it
    r("到2022年力争30%的县（市、区）创建成全国义务教育优质均衡发展县。", "30%", PR, deadline=2022, deadline_month=None),
    # qingdao: goals by year; a deadline sentence with no quantity is a deadline record
    r("到2017年，全市中小学校开齐开足美育课程，配齐配足音乐美术教师，学生参与校内艺术课程和艺术活动比例达到100%。", "100%", QD, deadline=2017, kind="target"),
    r("到2018年，构建以音乐美术为主体，舞蹈、戏剧、戏曲、影视表演等同步开设的美育课程体系；", "美育课程体系", QD, kind="deadline", deadline=2018, value=None),
    r("到2019年，全面推行美育课程改革，建立满足多样化美育课程需求的多元化师资队伍。", "全面推行美育课程改革", QD, kind="deadline", deadline=2019),
    r("到2020年，实现城乡学校美育均衡发展，学生审美和人文素养明显提升；", "实现城乡学校美育均衡发展", QD, kind="deadline", deadline=2020),
    r("开展全市美育示范学校创建工作，到2020年，市级美育示范学校达到150所。", "150所", QD, deadline=2020),
    r("到2020年，建设100个市级校外美育实践活动基地，30个美育大师青岛工作室，70个美育名家工作坊。", "70个", QD, deadline=2020),
    r("建设面向全体学生，内容丰富、形式多样的美育社团，每2年进行1次青岛市中小学生艺术团命名工作。", "1次", QD, frequency="per_n_years:2"),
    r("深入开展美育课题研究，每3年举行1次全市中小学美育科研论文报告会。", "1次", QD, frequency="per_n_years:3"),
    # xxcity 2024: an outcome reached, then a target, under one deadline
    r("到2027年,特殊教育学校在xx万人口以上的县基本实现全覆盖,融合教育水平显着提升,符合条件的适龄残疾儿童少年义务教育入学率巩固在xx%以上。", "基本实现全覆盖", X24, kind="deadline", deadline=2027, metric="特殊教育学校基本实现全覆盖", scope="xx万人口以上的县", owner="特殊教育学校"),
    r("到2027年,特殊教育学校在xx万人口以上的县基本实现全覆盖,融合教育水平显着提升,符合条件的适龄残疾儿童少年义务教育入学率巩固在xx%以上。", "入学率", X24, kind="target", deadline=2027),
    # xxcity 2021
    r("到2025年,建成与国家中心城市相匹配的理念先进、体系完备、品质卓越、生态和谐、保障有力的高品质根底教育。", "高品质根底教育", X21, kind="deadline", deadline=2025),
    r("到2025年,新建和改扩建幼儿园、中小学400所,新增学位30万个。", "400所", X21, deadline=2025),
    r("到2025年,新建和改扩建幼儿园、中小学400所,新增学位30万个。", "30万个", X21, deadline=2025),
    r("到2025年,高品质幼儿园数量在xx年根底上翻番,义务教育和普通高中优质教育覆盖率达70%以上。", "翻番", X21, deadline=2025),
    r("到2025年,高品质幼儿园数量在xx年根底上翻番,义务教育和普通高中优质教育覆盖率达70%以上。", "70%", X21, deadline=2025),
    r("在全市开展“思政优品课评选,每年评选20名学生最喜爱的思政课教师、20堂优秀思政课。", "20名", X21, frequency="per_year", **NO_DATE),
    r("在全市开展“思政优品课评选,每年评选20名学生最喜爱的思政课教师、20堂优秀思政课。", "20堂", X21, frequency="per_year"),
    r("促进优质师资均衡配置,培养市级以上名优教师3000名,造就一批全国知名的名校长、名教师。", "3000名", X21, frequency=None, **NO_DATE),
    # xxcity 2024: 到2027年 governs the clauses after it
    r("到2027年,xx%的县(区)达到国家义务教育优质均衡督导评估标准,建设一批“xx好学校”。", "xx%", X24, deadline=2027),
    r("确保到2027年,公办幼儿园在园幼儿占比达到xx%以上,义务教育学校、幼儿园基本实现标准班额办学。", "xx%", X24, deadline=2027, deadline_month=None),
    r("到2027年,遴选x个省级智慧教育示范区和xx所省级智慧校园示范校,中小学校(中职学校)数字校园达标率不低于xx%。", "x个省级", X24, deadline=2027),
    r("到2027年,遴选x个省级智慧教育示范区和xx所省级智慧校园示范校,中小学校(中职学校)数字校园达标率不低于xx%。", "数字校园达标率", X24, deadline=2027),
    r("严禁提前教授小学课程,到2027年,培育xx个省级完善普惠性学前教育体保障机制和幼儿园保育教育质量提升实验区,xx个实验园。", "实验园", X24, deadline=2027),
    r("推动学校和幼儿园对标研判、依标整改,到2027年培育一批高质量发展示范提升学校(幼儿园)。", "培育一批", X24, kind="deadline", deadline=2027),
    r("各县区工作方案请于2024年7月底前报市教育局备案。", "备案", X24, kind="deadline", deadline=2024, deadline_month=7),
    r("根据区域优质均衡发展目标,按照3至5年一周期制定新优质学校成长发展规划。", "3至5年", X24, frequency="per_n_years:3"),
    r("推进xx市与xx文理学院校地合作联合培养定向就业公费师范生,每年向县区定向培养师范生xx名。", "xx名", X24, frequency="per_year"),
    r("把视力检测纳入学生年度体检必选项目,每学年监测视力不少于2次,促进学生近视率逐年下降。", "2次", X24, frequency="per_year"),
    r("每学期至少组织开展x次研学实践教育活动,力争年市级研学基地达到xx个、省级研学基地达到xx个,打造研学精品路线xx条。", "x次", X24, frequency="per_semester"),
    r("鼓励学校每班每天开设1节体育课,落实学生每日校内体育活动不少于1小时要求。", "1节", X24, frequency="per_day"),
    r("鼓励学校每班每天开设1节体育课,落实学生每日校内体育活动不少于1小时要求。", "1小时", X24, frequency="per_day"),
    r("省级示范普通高中占比达到30%。", "30%", X24, frequency=None, **NO_DATE),
    # baotou: month deadlines resolve against the notice's year (2022)
    r(DATED + "60．加快实施部分核心设备利旧替代工程，年底前完成全部改造任务，推进IPV6互联网出口扩容至5G。", "年底前", BT, kind="deadline", deadline=2022, deadline_month=12),
    r(DATED + "53．建立电子化网络化的全市物价信息服务平台，7月底前完成项目前期手续，实现平台基础建设和重点功能。10月底完善平台各项功能，提升政府治理水平。", "7月底前", BT, kind="deadline", deadline=2022, deadline_month=7),
    r(DATED + "53．建立电子化网络化的全市物价信息服务平台，7月底前完成项目前期手续，实现平台基础建设和重点功能。10月底完善平台各项功能，提升政府治理水平。", "10月底", BT, kind="deadline", deadline=2022, deadline_month=10),
    r(DATED + "11．推进各级大厅智能化设备应用，实现客服、预约、人脸识别等线上线下互动。\n（6月底完成，牵头考核单位：市审批服务局）", "6月底完成", BT, kind="deadline", deadline=2022, deadline_month=6),
    r(DATED + "9．完善“前台综合受理、后台分类办理、统一窗口出件\"模式，不断优化调整窗口设置，各级大厅综合一窗率达90%以上。\n（3月底取得阶段性成效并持续推进，牵头考核单位：市审批服务局）", "90%", BT, deadline=2022, deadline_month=3),
    r(DATED + "63．初步建成全市三维地理空间信息平台。\n（11月份取得明显成效，牵头考核单位：市工信局）", "11月份", BT, kind="deadline", deadline=2022, deadline_month=11),
    r("（一）考评以日常监测、实地调研、民意调查、第三方评估等方式进行。每半年考评一次。", "一次", BT, frequency="per_semester"),
    r("根据工作需要，逐步扩充热线团队，保障“7×24小时\"全天候服务模式。", "24小时", BT, frequency="per_day"),
    r("59．新增5G基站1000座，累计建设5G基站4600个。", "1000座", BT, frequency=None, **NO_DATE),
]

GENERAL: list[Row] = [
    # 年内 is the document's own year; 三年内 is a span of years, no deadline
    r("2024年政府工作报告\n年内建成保障性租赁住房5000套。", "5000套", deadline=2024, metric="保障性租赁住房"),
    r("2024年工作要点\n三年内新建幼儿园30所。", "30所", deadline=None),
    # the nearest frequency before the amount; a frequency is not part of the metric
    r("课后服务每周开展不少于5天、每天不少于2小时。", "2小时", frequency="per_day"),
    r("课后服务每周开展不少于5天、每天不少于2小时。", "5天", frequency="per_week"),
    r("全区儿童青少年总体近视率每年降低0.5个百分点以上。", "0.5个百分点", frequency="per_year", metric="儿童青少年总体近视率", kind="change"),
    # an outcome reached right after a leading deadline is due too, before the targets
    r("到2025年，全省义务教育学校基本实现标准化建设，学前三年毛入园率达到95%。", "标准化建设", kind="deadline", deadline=2025, metric="全省义务教育学校基本实现标准化建设"),
    r("到2025年，各县（市、区）在乡镇基本建成公办中心幼儿园，普惠性幼儿园覆盖率达到90%。", "公办中心幼儿园", kind="deadline", deadline=2025, scope="乡镇", owner="各县（市、区）"),
    r("到2025年，优质教育资源基本实现全覆盖，覆盖率达到90%。", "全覆盖", kind="deadline", deadline=2025, owner=None),
    # a leading deadline governs the clauses after it, over 、，and ；
    r("到2025年，全市学前教育毛入园率达到95%，普惠性幼儿园覆盖率达到90%，新增学位3万个。", "95%", deadline=2025),
    r("到2025年，全市学前教育毛入园率达到95%，普惠性幼儿园覆盖率达到90%，新增学位3万个。", "90%", deadline=2025),
    r("到2025年，全市学前教育毛入园率达到95%，普惠性幼儿园覆盖率达到90%，新增学位3万个。", "3万个", deadline=2025),
    r("到2020年，全市优质幼儿园覆盖率达到80%；新建幼儿园50所。", "50所", deadline=2020),
    r("力争到2025年，全省普惠性幼儿园覆盖率达到85%。", "85%", deadline=2025, deadline_month=None),
    r("确保到2027年，全市普惠性幼儿园覆盖率达到90%。", "90%", deadline=2027),
    r("“十四五”期间全市新增学位3万个。", "3万个", deadline=2025),
    # forms of the year
    r("2020年前，全市所有幼儿园达到省级标准，新建幼儿园50所。", "50所", deadline=2020),
    r("截止到2025年，全市新建幼儿园50所。", "50所", deadline=2025),
    r("截至2025年底，全市新建幼儿园50所。", "50所", deadline=2025),
    r("到2020年底，全市新建幼儿园50所。", "50所", deadline=2020),
    r("2025年底前，全市新建幼儿园50所。", "50所", deadline=2025),
    r("力争2025年前建成智慧教育示范区10个。", "10个", deadline=2025),
    r("2020年要全部达到1000元/生/年。", "1000元", deadline=2020),
    # year and month
    r("2024年7月底前，各县区完成新建幼儿园10所。", "10所", deadline=2024, deadline_month=7),
    r("2023年6月底前完成全部改造任务。", "改造任务", kind="deadline", deadline=2023, deadline_month=6),
    r("于2024年7月底前报市教育局备案。", "备案", kind="deadline", deadline=2024, deadline_month=7),
    # relative deadlines: month 12; the year only when the document has one
    r("年底前完成全部改造任务。", "改造任务", kind="deadline", deadline=OneOf(None), deadline_month=12),
    r(DATED + "年底前完成全部改造任务。", "改造任务", kind="deadline", deadline=2022, deadline_month=12),
    r(DATED + "年末前完成平台建设。", "平台建设", kind="deadline", deadline=2022, deadline_month=12),
    r(DATED + "年底前，全市新建5G基站1000座。", "1000座", deadline=2022, deadline_month=12),
    r(DATED + "6月底前完成全部改造任务。", "改造任务", kind="deadline", deadline=2022, deadline_month=6),
    r("6月底前完成全部改造任务。", "改造任务", kind="deadline", deadline=OneOf(None), deadline_month=6),
    # deadline records: a dated clause without a quantity
    r("到2020年，基本形成覆盖城乡的学前教育公共服务体系。", "公共服务体系", kind="deadline", deadline=2020, value=None, unit=None, comparator=None),
    r("到2035年，全面建成教育强国。", "教育强国", kind="deadline", deadline=2035),
    r("2025年以前全面完成校舍改造。", "校舍改造", kind="deadline", deadline=2025),
    r("全市所有学校2020年前达到省级标准。", "省级标准", kind="deadline", deadline=2020),
    r("第一阶段：2021年，全面启动实施。", "第一阶段", kind="deadline", deadline=2021),
    # a numbered item closed by its deadline and lead unit
    r(DATED + "（一）推进智慧校园建设（6月底完成，牵头考核单位：市教育局）。", "6月底完成", kind="deadline", deadline=2022, deadline_month=6),
    r("（一）全市新建幼儿园10所（6月底完成，牵头单位：市教育局）。", "10所", deadline_month=6),
    # frequencies
    r("每年评选20名优秀教师。", "20名", frequency="per_year"),
    r("每学年至少开展2次家访活动。", "2次", frequency="per_year"),
    r("每年度开展2次专项督导。", "2次", frequency="per_year"),
    r("每学期至少开展1次安全演练。", "1次", frequency="per_semester"),
    r("每半年开展1次综合评估。", "1次", frequency="per_semester"),
    r("每个月组织1次安全检查。", "1次", frequency="per_month"),
    r("每周开展2次体育锻炼。", "2次", frequency="per_week"),
    r("学生每天锻炼1小时。", "1小时", frequency="per_day"),
    r("中小学每天开设1节体育课。", "1节", frequency="per_day"),
    r("每3年培养30名骨干教师。", "30名", frequency="per_n_years:3"),
    r("每两年举办1次全市中小学生艺术展演。", "1次", frequency="per_n_years:2"),
    r("市级骨干教师两年评选一次。", "一次", frequency="per_n_years:2"),
    r("普通高中原则上3年核定一次学费标准。", "一次", frequency="per_n_years:3"),
    r("教师每五年完成不少于360学时的培训。", "360学时", frequency="per_n_years:5"),
    r("按照3至5年一周期制定学校发展规划。", "3至5年", frequency="per_n_years:3"),
    r("近视率每年降低0.5个百分点。", "0.5个百分点", frequency="per_year"),
    r("心理健康普查每学年开展1次。", "1次", frequency="per_year"),
    # no time at all
    r("义务教育巩固率达到97%。", "97%", frequency=None, **NO_DATE),
]

XFAIL: list[Row] = [
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
    known_gaps(XFAIL, reason=lambda row: row.reason),
    ids=_id,
)
def test_known_gaps(row: Row) -> None:
    check(row)


@pytest.mark.parametrize("row", CORPUS, ids=_id)
def test_corpus_rows_are_verbatim(row: Row) -> None:
    assert_copied_from_corpus(row.doc, row.text)


def test_a_bare_text_has_no_year_and_a_dated_one_has() -> None:
    assert policyparse.parse("年底前完成全部改造任务。").document.year is None
    assert policyparse.parse(DATED + "年底前完成全部改造任务。").document.year == 2022


def test_row_count() -> None:
    assert len(CORPUS) + len(GENERAL) + len(XFAIL) >= 100


# fmt: off
# BUGS_CAUGHT: gaps these tests found and the extraction now handles.
BUGS_CAUGHT: list[Row] = [
    # was: a five-year-plan deadline alone in its leading clause (“十四五”期间，) is never tokenized: the clause has no digit or cue
    r("“十四五”期间，全市新增学位3万个。", "3万个", deadline=2025),
    # was: a five-year-plan deadline alone in its leading clause (“十四五”末，) is never tokenized: the clause has no digit or cue
    r("“十四五”末，全市学前教育毛入园率达到92%。", "92%", deadline=2025),
    # was: a five-year-plan deadline alone in its leading clause (“十三五”时期，) is never tokenized: the clause has no digit or cue
    r("“十三五”时期，全市新建幼儿园50所。", "50所", deadline=2020),
    # was: 今年 and 年底前 both become deadline records: two commitments with the same span and the same id
    r(DATED + "今年年底前完成全部改造任务。", "改造任务", kind="deadline", deadline=2022, deadline_month=12),
    # was: 今年底前 resolves the year but not the month (年底 is end of year: month 12)
    r(DATED + "今年底前完成全部改造任务。", "改造任务", kind="deadline", deadline=2022, deadline_month=12),
    # was: per_year requires no digit after 每年 ((?!\d)), so 每年1次 has no frequency
    r(
      "全市中小学生体质健康测试每年1次。", "1次", frequency="per_year"),
    # was: a deadline in the closing parenthesis of an unnumbered sentence is dropped (only numbered items carry one)
    r("全市新建幼儿园10所（6月底完成，牵头单位：市教育局）。", "10所", deadline_month=6),
]
# fmt: on


@pytest.mark.parametrize("row", BUGS_CAUGHT, ids=_id)
def test_bugs_caught(row: Row) -> None:
    check(row)


def test_a_leading_deadline_makes_a_record_only_of_an_outcome_reached() -> None:
    """到…年，<outcome reached>，<target>: two records; a clause that only improves
    something (…显著提升) or that holds the target itself is no record of its own."""
    reached = policyparse.parse(
        "到2025年，全省义务教育学校基本实现标准化建设，学前三年毛入园率达到95%。"
    )
    assert [(c.kind, c.deadline) for c in reached.commitments] == [
        ("deadline", 2025),
        ("target", 2025),
    ]
    improved = policyparse.parse("到2025年，融合教育水平显著提升，学前三年毛入园率达到95%。")
    assert [c.kind for c in improved.commitments] == ["target"]
    one_clause = policyparse.parse("到2020年，实现优质普惠性幼儿园覆盖率达到80%，新建幼儿园50所。")
    assert [c.kind for c in one_clause.commitments] == ["target", "target"]
