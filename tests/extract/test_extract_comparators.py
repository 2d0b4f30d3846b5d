"""Comparators and kinds end to end: ``comparator`` and ``kind``.

Each row runs :func:`policyparse.parse` on one short text and checks the fields
it names on the one commitment whose quote holds the row's anchor. The rules are
those of ``corpus/GUIDELINES.md``: 达到/以上/不低于/不少于/至少 → ``>=``;
不超过/以内/控制在/以下 → ``<=``; an exact count or an approximation (左右, 约) → ``=``;
a range → ``between``; 提高/降低/新增/减少 by an amount → kind ``change`` with ``=``,
but 提高到 a level is a ``target`` with ``>=``; a norm that holds continuously
(按100人核定, 1000元/生/年, 每天1小时, 不低于当地公务员平均工资) → ``standard``.

Rows are grouped by where they came from:

``CORPUS``
    Sentences copied from ``corpus/docs/*.txt`` (cut after a clause where the
    sentence is long, and closed with 。); the expected values are those of
    ``corpus/gold``. ``test_corpus_rows_are_verbatim`` checks that every line of
    the text occurs in the named file.
``GENERAL``
    The same cues as other cities and provinces write them (班额不超过45人,
    作业时间控制在90分钟以内, 大班额比例控制在5%以下, 提高到, 降至, 稳定在 …).
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
    x,
)

GE, LE, EQ, BETWEEN = ">=", "<=", "=", "between"

# fmt: off
CORPUS: list[Row] = [
    # changchun
    r("到2020年，实现优质普惠性幼儿园覆盖率达到80%，全市一类以上优质幼儿园数量达到160所的目标。", "80%", CC, comparator=GE, kind="target"),
    r("到2020年，实现优质普惠性幼儿园覆盖率达到80%，全市一类以上优质幼儿园数量达到160所的目标。", "160所", CC, comparator=GE, kind="target"),
    r("实现城区优质教育资源覆盖面达到95%，三县（市）、九台区、双阳区达到70%以上的目标。", "95%", CC, comparator=GE, kind="target"),
    r("实现城区优质教育资源覆盖面达到95%，三县（市）、九台区、双阳区达到70%以上的目标。", "70%", CC, comparator=GE, kind="target"),
    r("城区学校全部达到省级重点高中办学水平，三县（市）、九台区、双阳区80%的学校达到省级重点高中办学水平。", "80%", CC, comparator=GE, kind="target"),
    # liaocheng
    r("对农村不足100人的规模较小学校，按100人核定公用经费；", "核定", LC, comparator=EQ, kind="standard"),
    r("对农村超过100人不足200人的规模较小学校，按200人核定公用经费。", "核定", LC, comparator=EQ, kind="standard"),
    r("对普通高中学校要提高生均公用经费标准，2020年要全部达到1000元/生/年的标准。", "1000元/生/年", LC, comparator=GE, kind="standard"),
    r("完善普通高中培养成本分担机制和学费动态调整机制，原则上3年核定一次学费标准。", "一次", LC, comparator=EQ, kind="frequency"),
    r("加强水城名校长队伍建设，每3年培养30名水城名校长。", "30名", LC, comparator=EQ, kind="frequency"),
    r("健全工资长效联动机制，确保义务教育教师平均工资收入水平不低于当地公务员平均工资收入水平。", "当地公务员", LC, comparator=GE, kind="standard", value=100, unit="%"),
    r("定期举办学生运动会，让每位学生掌握1至2项运动技能。", "1至2项", LC, comparator=BETWEEN, kind="target"),
    r("加强健康教育，每年降低中小學生近视率1个百分点。", "1个百分点", LC, comparator=EQ, kind="change"),
    r("落实综合实践活动课时，丰富研究性学习、社会实践、志愿服务内容，每学期至少开展1次实践活动。", "1次", LC, comparator=GE, kind="frequency"),
    r("推动每个城镇社区和具备条件的农村社区，建设一所家長学校或家庭教育指导服务站点。", "一所", LC, comparator=EQ, kind="target"),
    # province
    r("到2022年力争30%的县（市、区）创建成全国义务教育优质均衡发展县。", "30%", PR, comparator=GE, kind="target"),
    r("确保义务教育教师平均工资水平不低于或高于当地公务员平均工资水平。", "当地公务员", PR, comparator=GE, kind="standard", value=100, unit="%"),
    # qingdao
    r("确保美育课程课时总量达到总课时的9%，鼓励有条件的学校按总课时的11％开设美育课程。", "9%", QD, comparator=GE, kind="standard"),
    r("确保美育课程课时总量达到总课时的9%，鼓励有条件的学校按总课时的11％开设美育课程。", "11％", QD, comparator=EQ, kind="standard"),
    r("普通高中学校要保证美育类必修课程不低于6个学分（相当于108课时）。", "6个学分", QD, comparator=GE, kind="standard"),
    r("中等职业学校要将美育课程纳入公共基础必修课，保证不低于72课时。", "72课时", QD, comparator=GE, kind="standard"),
    r("建设面向全体学生，内容丰富、形式多样的美育社团，每2年进行1次青岛市中小学生艺术团命名工作。", "1次", QD, comparator=EQ, kind="frequency"),
    r("到2020年，建设百支管乐团、千支舞蹈队、万个艺术社，形成“校校有戏剧、班班有合唱、人人有技能”的美育发展格局。", "百支", QD, comparator=EQ, kind="target"),
    r("开展全市美育示范学校创建工作，到2020年，市级美育示范学校达到150所。", "150所", QD, comparator=GE, kind="target"),
    r("到2020年，建设100个市级校外美育实践活动基地，30个美育大师青岛工作室，70个美育名家工作坊。", "100个", QD, comparator=EQ, kind="target"),
    r("深入开展美育课题研究，每3年举行1次全市中小学美育科研论文报告会。", "1次", QD, comparator=EQ, kind="frequency"),
    r("到2017年，全市中小学校开齐开足美育课程，配齐配足音乐美术教师，学生参与校内艺术课程和艺术活动比例达到100%。", "100%", QD, comparator=GE, kind="target"),
    # xxcity 2021
    r("加强基层党组织建设,学校党组织应建必建率到达100%。", "100%", X21, comparator=GE, kind="target"),
    r("到2025年,新建和改扩建幼儿园、中小学400所,新增学位30万个。", "400所", X21, comparator=EQ, kind="target"),
    r("到2025年,新建和改扩建幼儿园、中小学400所,新增学位30万个。", "30万个", X21, comparator=EQ, kind="change"),
    r("在全市开展“思政优品课评选,每年评选20名学生最喜爱的思政课教师、20堂优秀思政课。", "20名", X21, comparator=EQ, kind="frequency"),
    r("在全市开展“思政优品课评选,每年评选20名学生最喜爱的思政课教师、20堂优秀思政课。", "20堂", X21, comparator=EQ, kind="frequency"),
    r("发布“劳动教育清单,每个区(市)县至少建设一个劳动教育实践基地。", "一个", X21, comparator=GE, kind="target"),
    r("依托国家、省、市三级心理健康教育示范校,建设20所生命教育基地校。", "20所", X21, comparator=EQ, kind="target"),
    r("到2025年,高品质幼儿园数量在xx年根底上翻番,义务教育和普通高中优质教育覆盖率达70%以上。", "翻番", X21, comparator=EQ, kind="change"),
    r("到2025年,高品质幼儿园数量在xx年根底上翻番,义务教育和普通高中优质教育覆盖率达70%以上。", "70%", X21, comparator=GE, kind="target"),
    r("按照农村以单程通勤时间(如30分钟)、县城以效劳半径(如3公里以内)为依据。", "30分钟", X21, comparator=LE, kind="standard"),
    r("按照农村以单程通勤时间(如30分钟)、县城以效劳半径(如3公里以内)为依据。", "3公里", X21, comparator=LE, kind="standard"),
    r("促进优质师资均衡配置,培养市级以上名优教师3000名,造就一批全国知名的名校长、名教师。", "3000名", X21, comparator=EQ, kind="target"),
    r("在全市范围内遴选100所现代课堂教学试点示范校。", "100所", X21, comparator=EQ, kind="target"),
    # xxcity 2024
    r("到2027年,xx%以上的县(区)达到国家学前普及普惠督导评估标准。", "xx%", X24, comparator=GE, kind="target"),
    r("普惠性幼儿园占比持续巩固在xx%以上。", "xx%", X24, comparator=GE, kind="target"),
    r("公办园在园幼儿占比力争达到xx%以上,优质资源覆盖率达xx%以上。", "公办园", X24, comparator=GE, kind="target"),
    r("公办园在园幼儿占比力争达到xx%以上,优质资源覆盖率达xx%以上。", "优质资源覆盖率", X24, comparator=GE, kind="target"),
    r("到2027年,建设x所高品质特色普通高中,新增x所省级示范普通高中,重点培育省级普通高中新课程新教材示范区x个、示范校x所。", "x所高品质", X24, comparator=EQ, kind="target"),
    r("到2027年,建设x所高品质特色普通高中,新增x所省级示范普通高中,重点培育省级普通高中新课程新教材示范区x个、示范校x所。", "x所省级", X24, comparator=EQ, kind="change"),
    r("到2027年,建设x所高品质特色普通高中,新增x所省级示范普通高中,重点培育省级普通高中新课程新教材示范区x个、示范校x所。", "示范区x个", X24, comparator=EQ, kind="target"),
    r("推进xx市与xx文理学院校地合作联合培养定向就业公费师范生,每年向县区定向培养师范生xx名。", "xx名", X24, comparator=EQ, kind="frequency"),
    r("开足开齐国家课程,落实xx%跨学科课时要求。", "xx%", X24, comparator=GE, kind="standard"),
    r("省级示范普通高中占比达到30%。", "30%", X24, comparator=GE, kind="target"),
    r("鼓励学校每班每天开设1节体育课,落实学生每日校内体育活动不少于1小时要求。", "1节", X24, comparator=EQ, kind="standard"),
    r("鼓励学校每班每天开设1节体育课,落实学生每日校内体育活动不少于1小时要求。", "1小时", X24, comparator=GE, kind="standard"),
    r("每学期至少组织开展x次研学实践教育活动,力争年市级研学基地达到xx个、省级研学基地达到xx个,打造研学精品路线xx条。", "x次", X24, comparator=GE, kind="frequency"),
    r("每学期至少组织开展x次研学实践教育活动,力争年市级研学基地达到xx个、省级研学基地达到xx个,打造研学精品路线xx条。", "省级研学基地", X24, comparator=GE, kind="target"),
    r("每学期至少组织开展x次研学实践教育活动,力争年市级研学基地达到xx个、省级研学基地达到xx个,打造研学精品路线xx条。", "xx条", X24, comparator=EQ, kind="target"),
    r("鼓励xx万人口以上的县办好一所达到标准的特殊教育学校。", "一所", X24, comparator=EQ, kind="target"),
    r("到2027年,遴选x个省级智慧教育示范区和xx所省级智慧校园示范校,中小学校(中职学校)数字校园达标率不低于xx%。", "数字校园达标率", X24, comparator=GE, kind="target"),
    r("把视力检测纳入学生年度体检必选项目,每学年监测视力不少于2次,促进学生近视率逐年下降。", "2次", X24, comparator=GE, kind="frequency"),
    r("根据区域优质均衡发展目标,按照3至5年一周期制定新优质学校成长发展规划。", "3至5年", X24, comparator=BETWEEN, kind="frequency"),
    # baotou
    r("全市新增2400户（累计约3600户）大中型餐饮单位纳入“互联网+明厨亮灶\"社会共治智慧监管平台，并强化日常监管。", "2400户", BT, comparator=EQ, kind="change"),
    r("全市新增2400户（累计约3600户）大中型餐饮单位纳入“互联网+明厨亮灶\"社会共治智慧监管平台，并强化日常监管。", "3600户", BT, comparator=EQ, kind="target"),
    r("59．新增5G基站1000座，累计建设5G基站4600个。", "1000座", BT, comparator=EQ, kind="change"),
    r("59．新增5G基站1000座，累计建设5G基站4600个。", "4600个", BT, comparator=EQ, kind="target"),
    r("组织发布不少于100场群众文化艺术辅导培训课程。", "100场", BT, comparator=GE, kind="target"),
    r("对标全国一流，加快升级热线平台，涵盖话务、业务和可视化3大平台、19类功能模块。", "19类", BT, comparator=EQ, kind="target"),
    r("21．完成信息平台上线前15项业务编码贯标、对照待遇清单梳理政策、两定机构接口改造、医保专网铺设。", "15项", BT, comparator=EQ, kind="target"),
    r("不断优化调整窗口设置，各级大厅综合一窗率达90%以上。", "90%", BT, comparator=GE, kind="target"),
    r("继续扩大“双随机、一公开\"监管实施范围，各部门涉企“双随机\"检查事项覆盖率不低于90%。", "90%", BT, comparator=GE, kind="target"),
    r("46．全市90%的重点领域市场主体纳入自治区市场监管重点领域智慧监管（风险管控）平台，实现常态化智慧监管。", "90%", BT, comparator=GE, kind="target"),
    r("年底前完成全部改造任务，推进IPV6互联网出口扩容至5G。", "扩容至5G", BT, comparator=GE, kind="target"),
    r("对主干链路进行扩容，达到万兆到旗县区、千兆到苏木乡镇（街道）、百兆到嘎查村（社区）、20兆进牧户的带宽要求，力争实现50兆进牧户。", "万兆", BT, comparator=GE, kind="target"),
    r("对主干链路进行扩容，达到万兆到旗县区、千兆到苏木乡镇（街道）、百兆到嘎查村（社区）、20兆进牧户的带宽要求，力争实现50兆进牧户。", "50兆", BT, comparator=GE, kind="target"),
    r("75．联通市本级50个部门的政务数据，实现政务数据在政府各部门内部顺畅流通。", "50个", BT, comparator=EQ, kind="target"),
    r("每半年考评一次。", "一次", BT, comparator=EQ, kind="frequency"),
    r("根据工作需要，逐步扩充热线团队，保障“7×24小时\"全天候服务模式。", "24小时", BT, comparator=EQ, kind="standard"),
]

GENERAL: list[Row] = [
    # what is measured is named before 按照; a closing verb (安排, 执行) measures nothing
    r("教师培训经费按照不低于学校年度公用经费预算总额的5%安排。", "5%", metric="教师培训经费", comparator=GE),
    r("生均公用经费按照每生每年1000元执行。", "1000元", metric="生均公用经费", kind="standard"),
    # >= : 达到, 以上, 不低于, 不少于, 至少, 超过, 稳定在, 保持在
    r("学前三年毛入园率达到90%以上。", "90%", comparator=GE, kind="target"),
    r("义务教育巩固率达到97%。", "97%", comparator=GE, kind="target"),
    r("每千人口拥有3岁以下婴幼儿托位数达到4.5个。", "4.5个", comparator=GE, kind="target"),
    r("高中阶段毛入学率不低于92%。", "92%", comparator=GE, kind="target"),
    r("每校专职心理健康教师不少于2名。", "2名", comparator=GE, kind="target"),
    r("每个乡镇至少办好1所公办中心幼儿园。", "1所", comparator=GE, kind="target"),
    r("高中阶段毛入学率超过95%。", "95%", comparator=GE, kind="target"),
    r("普惠性幼儿园覆盖率稳定在80%以上。", "80%", comparator=GE, kind="target"),
    r("公办园在园幼儿占比保持在50%以上。", "50%", comparator=GE, kind="target"),
    r("全市义务教育优质均衡学校占比达85%以上。", "85%", comparator=GE, kind="target"),
    # <= : 不超过, 以内, 控制在, 以下, 低于, 降至
    r("义务教育学校班额不超过45人。", "45人", comparator=LE, kind="target"),
    r("初中书面作业平均完成时间控制在90分钟以内。", "90分钟", comparator=LE, kind="standard"),
    r("大班额比例控制在5%以下。", "5%", comparator=LE, kind="target"),
    r("小学每班学生人数控制在45人以内。", "45人", comparator=LE, kind="target"),
    r("农村学校教师流失率低于3%。", "3%", comparator=LE, kind="target"),
    r("平均每班学生数降至45人。", "45人", comparator=LE, kind="target"),
    r("大班额比例下降到1%以内。", "1%", comparator=LE, kind="target"),
    r("小学服务半径不超过3公里。", "3公里", comparator=LE, kind="standard"),
    # default ceilings for limit metrics (班额, 通勤时间)
    r("城区小学班额45人。", "45人", comparator=LE),
    # exact counts
    r("全市培养30名骨干校长。", "30名", comparator=EQ, kind="target"),
    r("每年评选20堂优秀思政课。", "20堂", comparator=EQ, kind="frequency"),
    r("建设省级示范幼儿园20所。", "20所", comparator=EQ, kind="target"),
    r("每所学校配备2名专职心理健康教师。", "2名", comparator=EQ, kind="target"),
    # ranges
    r("每位学生掌握1至2项运动技能。", "1至2项", comparator=BETWEEN, kind="target"),
    r("每个县建设3到5所示范校。", "3到5所", comparator=BETWEEN, kind="target"),
    r("新建幼儿园10—15所。", "10—15所", comparator=BETWEEN, kind="target"),
    # changes: an amount added or taken away
    r("学生近视率降低1个百分点。", "1个百分点", comparator=EQ, kind="change"),
    r("学前教育毛入园率提高5个百分点。", "5个百分点", comparator=EQ, kind="change"),
    r("近视率每年降低0.5个百分点。", "0.5个百分点", comparator=EQ, kind="change"),
    r("新增公办学位2万个。", "2万个", comparator=EQ, kind="change"),
    r("新增省级示范高中3所。", "3所", comparator=EQ, kind="change"),
    r("减少大班额200个。", "200个", comparator=EQ, kind="change"),
    r("高品质幼儿园数量翻番。", "翻番", comparator=EQ, kind="change"),
    r("县级财政学前教育投入翻两番。", "翻两番", comparator=EQ, kind="change"),
    # a level reached by a change verb is a target
    r("省级示范普通高中占比提高到30%。", "30%", comparator=GE, kind="target"),
    r("优质学校覆盖率提高到80%。", "80%", comparator=GE, kind="target"),
    r("学生体质健康优良率提升至50%。", "50%", comparator=GE, kind="target"),
    r("全市中小学校数量增加到500所。", "500所", comparator=GE, kind="target"),
    # standards
    r("农村不足100人的规模较小学校按100人核定公用经费。", "核定", comparator=EQ, kind="standard", value=100),
    r("小规模学校按照100人核定公用经费。", "核定", comparator=EQ, kind="standard", value=100),
    r("生均公用经费不低于800元/生/年。", "800元/生/年", comparator=GE, kind="standard"),
    r("市财政安排专项资金300万元。", "300万元", comparator=EQ, kind="standard"),
    r("学生每天校内体育活动时间不少于1小时。", "1小时", comparator=GE, kind="standard"),
    r("教师每年参加培训不少于72学时。", "72学时", comparator=GE, kind="standard"),
    r("义务教育教师平均工资收入水平不低于当地公务员平均工资收入水平。", "当地公务员", comparator=GE, kind="standard", value=100, unit="%"),
    r("乡村教师平均工资收入水平不低于同级公务员平均工资收入水平。", "同级公务员", comparator=GE, kind="standard", value=100, unit="%"),
    # frequencies
    r("每学期至少开展1次实践活动。", "1次", comparator=GE, kind="frequency"),
    r("每学年至少开展2次家访活动。", "2次", comparator=GE, kind="frequency"),
    r("每个月组织1次校园安全检查。", "1次", comparator=EQ, kind="frequency"),
    # approximations: the value as written, comparator =
    r("今年预期目标：增长6%左右。", "6%", comparator=EQ, kind="change"),
    r("遴选市级示范校30个左右。", "30个", comparator=EQ, kind="target"),
    r("新建示范校约50所。", "50所", comparator=EQ, kind="target"),
]

XFAIL: list[Row] = [
    x("a ratio 1：15 is not read as a quantity (both numbers are skipped as unparsed)",
      "中小学生师比不高于1：15。", "1：15", comparator=LE, kind="standard"),
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


def test_row_count() -> None:
    assert len(CORPUS) + len(GENERAL) + len(XFAIL) >= 100


# fmt: off
# BUGS_CAUGHT: gaps these tests found (the reason says what went wrong)
# that the extraction now handles; kept as regression tests.
BUGS_CAUGHT: list[Row] = [
    x("不超过45人的要求 is excluded by the condition rule (超过N人的 …), so the ceiling is lost",
      "必须落实每班学生不超过45人的要求。", "45人", comparator=LE),
    x("a percent range 80%—90% becomes two >= targets instead of one between",
      "优质均衡学校覆盖率达到80%—90%。", "80%", comparator=BETWEEN, kind="target"),
]
# fmt: on


@pytest.mark.parametrize("row", BUGS_CAUGHT, ids=_id)
def test_bugs_caught(row: Row) -> None:
    check(row)
