"""Tables of real strings for ``policyparse.numerals``, one case a row.

Rows are grouped by where they came from:

``CORPUS``
    Copied from ``corpus/docs/*.txt``. Each row names the document and carries the
    verbatim context it was cut from; ``test_corpus_rows_are_verbatim`` checks that
    the context occurs in that file and the input occurs in the context.
``PARSER_ISSUES``
    Inputs that other Chinese number parsers commonly get wrong: char-by-char
    digit readers (``两三`` → 23, ``二〇二〇`` → 2020 as a cardinal), float-based
    converters (``16.4亿`` → 1639999999.9999998), readers that miss the colloquial
    abbreviation (``一万二`` → 10002), bare units (``十``, ``百``), ``余``/``数``/``上``
    fuzziness, ``翻两番`` (×4, not ×2), and ``百分``/``十分`` inside words.
``GENERAL``
    Other realistic policy phrasing that is not in the corpus, and edge cases of the
    decisions documented in the module (placeholders, ranges, whitespace, widths).
``XFAIL``
    Out of scope on purpose; strict xfail with the reason.

Every row is ``(function, input, expected)``: ``number``/``percent``/``multiple``
expect ``str(Decimal)`` (so exactness and the exponent-0 form are checked), ``amount``
expects ``(value, value_max, approximate, placeholder)`` with values as strings,
``year``/``month`` an int, ``numerals``/``amounts`` the list of tokens that
``re.finditer`` with ``NUMERAL_PATTERN``/``AMOUNT_PATTERN`` finds in the input.
``None`` means the function returns ``None``.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import NamedTuple

import pytest
from tests.extract._rows import BT, CC, LC, PR, QD, X21, X24, corpus_text

from policyparse.numerals import (
    AMOUNT_PATTERN,
    NUMERAL_PATTERN,
    Amount,
    parse_amount,
    parse_month,
    parse_multiple,
    parse_number,
    parse_percent,
    parse_year,
)

AmountTuple = tuple[str | None, str | None, bool, bool]


class Row(NamedTuple):
    func: str
    text: str
    expected: object
    doc: str = ""  # CORPUS: file stem
    context: str = ""  # CORPUS: verbatim text around the input
    reason: str = ""  # XFAIL


def n(text: str, expected: str | None, doc: str = "", context: str = "") -> Row:
    return Row("number", text, expected, doc, context)


def a(
    text: str,
    value: str | None,
    value_max: str | None = None,
    approximate: bool = False,
    placeholder: bool = False,
    doc: str = "",
    context: str = "",
) -> Row:
    return Row("amount", text, (value, value_max, approximate, placeholder), doc, context)


def no_amount(text: str, doc: str = "", context: str = "") -> Row:
    return Row("amount", text, None, doc, context)


def pc(text: str, expected: str | None, doc: str = "", context: str = "") -> Row:
    return Row("percent", text, expected, doc, context)


def mu(text: str, expected: str | None, doc: str = "", context: str = "") -> Row:
    return Row("multiple", text, expected, doc, context)


def y(text: str, expected: int | None, doc: str = "", context: str = "") -> Row:
    return Row("year", text, expected, doc, context)


def mo(text: str, expected: int | None, doc: str = "", context: str = "") -> Row:
    return Row("month", text, expected, doc, context)


def fn(text: str, expected: list[str], doc: str = "") -> Row:
    return Row("numerals", text, expected, doc, text if doc else "")


def fa(text: str, expected: list[str], doc: str = "") -> Row:
    return Row("amounts", text, expected, doc, text if doc else "")


# fmt: off
CORPUS: list[Row] = [
    # changchun
    n("80", "80", CC, "优质普惠性幼儿园覆盖率达到80%"),
    n("160", "160", CC, "全市一类以上优质幼儿园数量达到160所"),
    n("95", "95", CC, "城区优质教育资源覆盖面达到95%"),
    n("70", "70", CC, "双阳区达到70%以上"),
    n("三", "3", CC, "三县（市）"),
    n("十八", "18", CC, "启动三大方面十八个子项目"),
    n("十", "10", CC, "通过十项行动措施"),
    n("九", "9", CC, "实施九大系列项目"),
    n("两", "2", CC, "学校两个实施主体作用"),
    n("一", "1", CC, "全市一类以上优质幼儿园"),
    pc("80%", "80", CC, "优质普惠性幼儿园覆盖率达到80%"),
    pc("95%", "95", CC, "城区优质教育资源覆盖面达到95%"),
    pc("70%", "70", CC, "双阳区达到70%以上"),
    a("2018—2020", "2018", "2020", doc=CC, context="工程实施方案（2018—2020年）"),
    a("2010－2020", "2010", "2020", doc=CC, context="发展规划纲要（2010－2020年）"),
    y("2020年", 2020, CC, "到2020年，实现优质普惠性幼儿园覆盖率达到80%"),
    y("2018年", 2018, CC, "第一阶段：2018年"),
    y("2019年", 2019, CC, "第二阶段：2019年"),
    mo("9月", 9, CC, "2018年9月18日"),
    fa("全市一类以上优质幼儿园数量达到160所", ["一", "160"], CC),
    fn("启动三大方面十八个子项目", ["三", "十八"], CC),
    # liaocheng
    n("1000", "1000", LC, "1000元/生/年"),
    n("100", "100", LC, "按100人核定公用经费"),
    n("200", "200", LC, "按200人核定公用经费"),
    n("30", "30", LC, "每3年培养30名水城名校长"),
    n("3", "3", LC, "每3年培养30名水城名校长"),
    n("1", "1", LC, "每学期至少开展1次实践活动"),
    n("11", "11", LC, "东省教育厅等11部门"),
    n("十九", "19", LC, "深入贯彻落实党的十九大"),
    n("一", "1", LC, "建设一所家長学校"),
    pc("100%", "100", LC, "“护学岗”设置“四个100%”"),
    n("四", "4", LC, "“护学岗”设置“四个100%”"),
    a("1至2", "1", "2", doc=LC, context="帮助每位學生学会1至2项艺术技能"),
    a("1至2", "1", "2", doc=LC, context="让每位学生掌握1至2项运动技能"),
    a("2019—2030", "2019", "2030", doc=LC, context="幼儿园布局规划（2019—2030年）"),
    y("2020", 2020, LC, "聊教体发〔2020〕7号"),
    y("2020年", 2020, LC, "2020年要全部达到1000元/生/年"),
    mo("12月", 12, LC, "2020年12月8日"),
    fa("每年降低中小學生近视率1个百分点", ["1"], LC),
    fa("聊教体发〔2020〕7号", ["2020", "7"], LC),
    fa("对农村超过100人不足200人的规模较小学校", ["100", "200"], LC),
    # province
    pc("30%", "30", PR, "到2022年力争30%的县"),
    a("1至2", "1", "2", doc=PR, context="指导学生形成1至2项艺术特长"),
    y("2022年", 2022, PR, "到2022年力争30%的县"),
    fa("促使每位学生掌握1至2项运动技能", ["1至2"], PR),
    # qingdao
    n("百", "100", QD, "建设百支管乐团"),
    n("千", "1000", QD, "千支舞蹈队"),
    n("万", "10000", QD, "万个艺术社"),
    n("150", "150", QD, "美育示范学校达到150所"),
    n("72", "72", QD, "保证不低于72课时"),
    n("108", "108", QD, "相当于108课时"),
    n("6", "6", QD, "美育类必修课程不低于6个学分"),
    n("9", "9", QD, "达到总课时的9%"),
    pc("9%", "9", QD, "达到总课时的9%"),
    pc("11％", "11", QD, "按总课时的11％开设美育课程"),
    pc("100%", "100", QD, "艺术活动比例达到100%"),
    a("1至2", "1", "2", doc=QD, context="培养学生掌握1至2项艺术特长和爱好"),
    y("2017年", 2017, QD, "到2017年，全市中"),
    fa("建设百支管乐团、千支舞蹈队、万个艺术社", ["百", "千", "万"], QD),
    fn("建设100个市级校外美育实践活动基地", ["100"], QD),
    # xxcity 2021 (OCR)
    n("30万", "300000", X21, "新增学位30万个"),
    n("400", "400", X21, "中小学400所,新增学位30万个"),
    n("3000", "3000", X21, "市级以上名优教师3000名"),
    n("187", "187", X21, "依托187个社会主义核"),
    n("136", "136", X21, "深入推进全市136个根底教育名"),
    n("26", "26", X21, "推动26所校地共建"),
    n("20", "20", X21, "20堂优秀思政课"),
    n("30", "30", X21, "单程通勤时间(如30分钟)"),
    n("3", "3", X21, "以效劳半径(如3公里以内)"),
    n("一", "1", X21, "县至少建设一个劳动教育"),
    n("七", "7", X21, "“七朵云"),
    n("五", "5", X21, "建成xx市五级家委会"),
    pc("70%", "70", X21, "优质教育覆盖率达70%以上"),
    pc("100%", "100", X21, "织应建必建率到达100%"),
    a("30万", "300000", doc=X21, context="新增学位30万个"),
    a("xx", None, placeholder=True, doc=X21, context="数量在xx年根底上翻番"),
    mu("翻番", "2", X21, "高品质幼儿园数量在xx年根底上翻番"),
    mu("倍增", "2", X21, "优质教育倍增工程"),
    y("2025年", 2025, X21, "到2025年,新建和改"),
    fa("新建和改扩建幼儿园、中小学400所,新增学位30万个", ["400", "30万"], X21),
    fa("高品质幼儿园数量在xx年根底上翻番", ["xx"], X21),
    fn("依托187个社会主义核心价值观教育基地", ["187"], X21),
    # xxcity 2024 (template with placeholders)
    n("30", "30", X24, "省级示范普通高中占比达到30%"),
    n("1", "1", X24, "每班每天开设1节体育课"),
    n("2", "2", X24, "年监测视力不少于2次"),
    n("十五", "15", X24, "全学段衔接的十五年一贯制"),
    n("二十", "20", X24, "规范中小学办学行为二十条"),
    n("十", "10", X24, "基础教育扩优提质十大行动"),
    n("八", "8", X24, "xx好家教等八大支柱体系"),
    n("三", "3", X24, "xx省教育厅等三部门"),
    n("两", "2", X24, "构建两级教研部门"),
    pc("30%", "30", X24, "省级示范普通高中占比达到30%"),
    pc("xx%", None, X24, "到2027年,xx%以上的县"),
    a("3至5", "3", "5", doc=X24, context="按照3至5年一周期"),
    a("xx", None, placeholder=True, doc=X24, context="到2027年,xx%以上的县"),
    a("x", None, placeholder=True, doc=X24, context="建设x所高品质特色普通"),
    a("x", None, placeholder=True, doc=X24, context="每学期至少组织开展x次研学"),
    a("xx", None, placeholder=True, doc=X24, context="定向培养师范生xx名"),
    a("xx万", None, placeholder=True, doc=X24, context="鼓励xx万人口以上的县"),
    a("2021-2035", "2021", "2035", doc=X24, context="设施专项规划(2021-2035年)"),
    n("xx", None, X24, "定向培养师范生xx名"),
    y("2027年", 2027, X24, "到2027年,xx%以上的县"),
    y("2024年", 2024, X24, "请于2024年7月底前"),
    mo("7月底", 7, X24, "请于2024年7月底前"),
    fa("到2027年,xx%以上的县", ["2027", "xx"], X24),
    fa("鼓励xx万人口以上的县", ["xx万"], X24),
    fa("按照3至5年一周期制定新优", ["3至5", "一"], X24),
    # baotou
    n("2400", "2400", BT, "全市新增2400户"),
    n("3600", "3600", BT, "累计约3600户"),
    n("0.5", "0.5", BT, "（0.5分）"),
    n("1.5", "1.5", BT, "平台升级（1.5分）"),
    n("0.25", "0.25", BT, "（0.25分）"),
    n("1000", "1000", BT, "新增5G基站1000座"),
    n("4600", "4600", BT, "5G基站4600个"),
    n("5", "5", BT, "新增5G基站1000座"),
    n("千", "1000", BT, "千兆到苏木乡镇"),
    n("万", "10000", BT, "万兆到旗县区"),
    n("百", "100", BT, "百兆到嘎查村"),
    n("20", "20", BT, "20兆进牧户"),
    n("50", "50", BT, "50兆进牧户"),
    n("19", "19", BT, "19类功能模块"),
    n("3", "3", BT, "3大平台"),
    n("15", "15", BT, "上线前15项业务编码"),
    n("100", "100", BT, "不少于100场"),
    n("12345", "12345", BT, "“12345\"政务热"),
    n("50", "50", BT, "联通市本级50个部门"),
    n("7×24", None, BT, "保障“7×24小时"),
    n("半", "0.5", BT, "每半年考评一次"),
    n("一", "1", BT, "每半年考评一次"),
    pc("90%", "90", BT, "一窗率达90%以上"),
    pc("60%", "60", BT, "日常监测（60%）"),
    pc("20%", "20", BT, "实地调研（20%）"),
    pc("10%", "10", BT, "民意调查（10%）"),
    a("约3600", "3600", None, True, doc=BT, context="累计约3600户"),
    a("2021—2023", "2021", "2023", doc=BT, context="建设行动方案（2021—2023年）"),
    no_amount("7×24", BT, "保障“7×24小时"),
    y("2022年", 2022, BT, "2022年4月14日"),
    mo("4月", 4, BT, "2022年4月14日"),
    mo("5月底", 5, BT, "（5月底取得阶段性成"),
    mo("6月份", 6, BT, "（6月份取得明显成效"),
    mo("11月份", 11, BT, "（11月份取得明显成效"),
    mo("10月", 10, BT, "（10月取得明显成效"),
    mo("12月底", 12, BT, "（12月底完成"),
    mo("3月底", 3, BT, "（3月底取得阶段性成"),
    fa("全市新增2400户（累计约3600户）", ["2400", "约3600"], BT),
    fa("保障“7×24小时", ["7", "24"], BT),
    fa("年考评分值=日常监测（60%）+实地调研（20%）+民意调查（10%）", ["60", "20", "10"], BT),
    fa("达到万兆到旗县区、千兆到苏木乡镇（街道）、百兆到嘎查村（社区）、20兆进牧户", ["万", "千", "百", "20"], BT),
    fn("新增5G基站1000座", ["5", "1000"], BT),
    fn("府网站集约化平台升级（1.5分）", ["1.5"], BT),
]

PARSER_ISSUES: list[Row] = [
    # neighbouring digits are a fuzzy range, never a two-digit number
    a("两三", "2", "3", True),
    n("两三", None),
    n("23", "23"),
    a("三五", "3", "5", True),
    a("一两", "1", "2", True),
    a("三四十", "30", "40", True),
    a("十一二", "11", "12", True),
    a("两三万", "20000", "30000", True),
    fn("两三个", []),
    fa("两三个", ["两三"]),
    # exact decimals: no float, no 28-digit default context
    n("16.4亿", "1640000000"),
    n("0.1亿", "10000000"),
    n("2.675亿", "267500000"),
    n("1.1万", "11000"),
    n("0.3万", "3000"),
    n("1.23456789012345678901234567890万", "12345.678901234567890123456789"),
    n("12345678901234567890123456789012345", "12345678901234567890123456789012345"),
    n("99999999999999999999999.99亿", "9999999999999999999999999000000"),
    # colloquial abbreviation and zeros
    n("一万二千", "12000"),
    n("一万二", "12000"),
    n("一千二", "1200"),
    n("一百二", "120"),
    n("一万零二", "10002"),
    n("一千零二", "1002"),
    n("一百零五", "105"),
    n("一亿零五百万", "105000000"),
    n("三千", "3000"),
    n("三千万", "30000000"),
    n("三亿五千万", "350000000"),
    # bare units and leading 十
    n("十", "10"),
    n("十二", "12"),
    n("一十二", "12"),
    n("二十", "20"),
    n("百", "100"),
    n("十万", "100000"),
    n("百万", "1000000"),
    n("千万", "10000000"),
    n("万亿", "1000000000000"),
    # 两 is 2 before a unit, alone; not a final digit (十两 is ten taels)
    n("两", "2"),
    n("两千", "2000"),
    n("两百", "200"),
    n("两万", "20000"),
    n("两亿", "200000000"),
    n("十两", None),
    n("两十", None),
    # digit-by-digit years are not cardinals
    n("二〇二〇", None),
    y("二〇二〇", 2020),
    n("零", "0"),
    # 余 / 多 / 数 / 上 / 近
    a("十余万", "100000", "200000", True),
    a("十余", "10", "20", True),
    a("十多", "10", "20", True),
    a("数百", "200", "900", True),
    a("上百", "100", None, True),
    a("近千", "1000", None, True),
    # percentages, tenths, multiples
    pc("百分之八十", "80"),
    pc("九成", "90"),
    pc("八成五", "85"),
    pc("80", None),
    mu("翻番", "2"),
    mu("翻一番", "2"),
    mu("翻两番", "4"),
    mu("两倍", "2"),
    mu("2倍", "2"),
    mu("1.5倍", "1.5"),
    # 1个百分点: the numeral is 1; percentage points are the caller's
    n("1", "1"),
    pc("1个百分点", None),
    # numerals inside words
    fn("十分重要", []),
    fn("十分钟", ["十"]),
    fn("百分之八十", ["八十"]),
    fn("降低1个百分点", ["1"]),
    fn("二〇二〇年", []),
    fn("一一对应", []),
    fn("万一出现", []),
    fa("人数百分比", []),
    fn("3千米", ["3"]),
    fn("三千米", ["三千"]),
    fa("十四五规划", []),
    fa("十三五期间", []),
    no_amount("十四五"),
    y("十四五", None),
    # 7×24 is not a number nor a placeholder
    n("7×24", None),
    fa("7×24", ["7", "24"]),
    # thousands separators are groups of three
    n("1,200", "1200"),
    n("1,2", None),
    fn("1,234,5678", ["1,234", "5678"]),
    # range with a shared unit
    a("30至50万", "300000", "500000"),
    a("100至2万", "100", "20000"),
    a("三到五千万", "30000000", "50000000"),
    # full-width and financial forms
    n("８０", "80"),
    n("２．５", "2.5"),
    n("壹佰贰拾叁", "123"),
    n("兩萬", "20000"),
]

GENERAL: list[Row] = [
    # numbers
    n("三十六", "36"),
    n("5万", "50000"),
    n("1.2万", "12000"),
    n("一百二十三", "123"),
    n("九千九百九十九万九千九百九十九", "99999999"),
    n("一千零五十", "1050"),
    n("一百十", "110"),
    n("一百〇五", "105"),
    n("1亿2000万", "120000000"),
    n("3千万", "30000000"),
    n("3千", "3000"),
    n("5百", "500"),
    n("1.5万亿", "1500000000000"),
    n("三点五亿", "350000000"),
    n("零点五", "0.5"),
    n("十九", "19"),
    n("亿", "100000000"),
    n("一万亿", "1000000000000"),
    n("100,000.5", "100000.5"),
    n("1.20", "1.2"),
    n("3.0", "3"),
    n("007", "7"),
    n(" 80 ", "80"),
    n("八十\u3000", "80"),
    n("半", "0.5"),
    n("一半", None),
    n("", None),
    n("   ", None),
    n("-5", None),
    n("+5", None),
    n("1e3", None),
    n("30%", None),
    n("三个", None),
    n("一一", None),
    n("一二", None),
    n("3千米", None),
    n("x", None),
    n("十分", None),
    n("十分钟", None),
    n("万一", None),
    n("8 0", None),
    # amounts
    a("5万", "50000"),
    a("二十余", "20", "30", True),
    a("近百", "100", None, True),
    a("1至2", "1", "2"),
    a("约1至2", "1", "2", True),
    a("1~2", "1", "2"),
    a("3～5", "3", "5"),
    a("3—5", "3", "5"),
    a("3-5", "3", "5"),
    a("3——5", "3", "5"),
    a("三到五", "3", "5"),
    a("两到三", "2", "3"),
    a("一百多", "100", "200", True),
    a("三百五十多", "350", "360", True),
    a("十几", "10", "20", True),
    a("二十几万", "200000", "300000", True),
    a("几十", "20", "90", True),
    a("数十万", "200000", "900000", True),
    a("数千", "2000", "9000", True),
    a("上千", "1000", None, True),
    a("上万", "10000", None, True),
    a("上亿", "100000000", None, True),
    a("将近三十", "30", None, True),
    a("大约200", "200", None, True),
    a("5000左右", "5000", None, True),
    a("约30", "30", None, True),
    a("30左右", "30", None, True),
    a("10余", "10", "20", True),
    a("1000余", "1000", "2000", True),
    a("1.5万余", "15000", "16000", True),
    a("百余万", "1000000", "2000000", True),
    a("一百五六十", "150", "160", True),
    a("十五六万", "150000", "160000", True),
    a("三十到五十万", "300000", "500000"),
    a("3至5千", "3000", "5000"),
    a("近三", "3", None, True),
    a("一", "1"),
    a("半", "0.5"),
    a("××", None, placeholder=True),
    a("ＸＸ", None, placeholder=True),
    a("ｘｘ", None, placeholder=True),
    a("X", None, placeholder=True),
    a("xxx", None, placeholder=True),
    a("约xx", None, None, True, True),
    a("xx亿", None, placeholder=True),
    no_amount("5至3"),
    no_amount("3至3"),
    no_amount("三多"),
    no_amount("0余"),
    no_amount("数"),
    no_amount("余"),
    no_amount("约"),
    no_amount("一二三"),
    no_amount("xx5"),
    no_amount("2倍"),
    no_amount("80%"),
    fa("近三年来", ["三"]),
    fa("近百所学校", ["近百"]),
    fa("Linux内核与x86", ["86"]),
    fa("十余万人", ["十余万"]),
    fa("二〇一二年", []),
    # percentages
    pc("百分之九十五", "95"),
    pc("百分之百", "100"),
    pc("百分之一百", "100"),
    pc("百分之零点五", "0.5"),
    pc("百分之8", "8"),
    pc("0.5%", "0.5"),
    pc("150%", "150"),
    pc("5‰", "0.5"),
    pc("千分之五", "0.5"),
    pc("万分之三", "0.03"),
    pc("两成", "20"),
    pc("三成", "30"),
    pc("3成", "30"),
    pc("十成", "100"),
    pc("九成九", "99"),
    pc("80 %", "80"),
    pc("80％", "80"),
    pc("80个百分点", None),
    pc("百分之", None),
    pc("-5%", None),
    pc("十成五", None),
    pc("十一成", None),
    # multiples
    mu("翻三番", "8"),
    mu("翻10番", "1024"),
    mu("翻11番", None),
    mu("三倍", "3"),
    mu("十倍", "10"),
    mu("百倍", "100"),
    mu("2.5倍", "2.5"),
    mu("一倍", "1"),
    mu("数倍", None),
    mu("成倍", None),
    mu("倍", None),
    mu("翻几番", None),
    mu("0倍", None),
    mu("翻1.5番", None),
    # years
    y("二〇二五年", 2025),
    y("二零二零年", 2020),
    y("二O二O年", 2020),
    y("２０２０年", 2020),
    y("2020年度", 2020),
    y("2020年底", 2020),
    y("2035年", 2035),
    y("1900", 1900),
    y("2100", 2100),
    y("1899", None),
    y("2101", None),
    y("20年", None),
    y("两千年", None),
    y("2020年前", None),
    y("二〇二〇年12月", None),
    # months
    mo("十一月", 11),
    mo("1月", 1),
    mo("01月", 1),
    mo("７月", 7),
    mo("12月下旬", 12),
    mo("6月中旬", 6),
    mo("7月初", 7),
    mo("7月末", 7),
    mo("元月", 1),
    mo("正月", None),
    mo("腊月", None),
    mo("0月", None),
    mo("13月", None),
    mo("十三月", None),
    mo("两月", None),
    mo("7", None),
    mo("7月底前", None),
]

XFAIL: list[Row] = [
    Row("percent", "七成半", "75", reason="成半 (half a tenth) is not read"),
    Row("amount", "3%至5%", ("3", "5", False, False), reason="units inside a range are the caller's to strip"),
    Row("number", "廿", "20", reason="廿/卅 (20/30) are archaic and not read"),
    Row("number", "一个半", "1.5", reason="a measure word between a numeral and 半 is the caller's"),
    Row("amount", "十来", ("10", None, True, False), reason="来 (about) is not read: 一来…二来 means firstly, secondly"),
    Row("number", "1万2000", "12000", reason="Arabic digits after 万 without a unit are not joined"),
    Row("amount", "逾千", ("1000", None, True, False), reason="逾 (more than) is a comparator for the caller"),
    Row("amount", "xx.x", (None, None, False, True), reason="decimal placeholders are not modelled"),
    Row("amount", "成百上千", ("100", "1000", True, False), reason="idioms are not read"),
    Row("number", "3千5百", "3500", reason="Arabic coefficients inside a Chinese section are not read"),
]
# fmt: on


def _run(row: Row) -> object:
    if row.func == "number":
        value = parse_number(row.text)
        return None if value is None else str(value)
    if row.func == "amount":
        return _as_tuple(parse_amount(row.text))
    if row.func == "percent":
        value = parse_percent(row.text)
        return None if value is None else str(value)
    if row.func == "multiple":
        value = parse_multiple(row.text)
        return None if value is None else str(value)
    if row.func == "year":
        return parse_year(row.text)
    if row.func == "month":
        return parse_month(row.text)
    if row.func == "numerals":
        return [m.group() for m in re.finditer(NUMERAL_PATTERN, row.text)]
    if row.func == "amounts":
        return [m.group() for m in re.finditer(AMOUNT_PATTERN, row.text)]
    raise AssertionError(f"unknown function {row.func}")


def _as_tuple(amount: Amount | None) -> AmountTuple | None:
    if amount is None:
        return None
    return (
        None if amount.value is None else str(amount.value),
        None if amount.value_max is None else str(amount.value_max),
        amount.approximate,
        amount.placeholder,
    )


def _id(row: Row) -> str:
    return f"{row.func}:{row.text}"


@pytest.mark.parametrize("row", CORPUS, ids=_id)
def test_corpus(row: Row) -> None:
    assert _run(row) == row.expected


@pytest.mark.parametrize("row", PARSER_ISSUES, ids=_id)
def test_parser_issues(row: Row) -> None:
    assert _run(row) == row.expected


@pytest.mark.parametrize("row", GENERAL, ids=_id)
def test_general(row: Row) -> None:
    assert _run(row) == row.expected


@pytest.mark.parametrize(
    "row",
    [pytest.param(r, marks=pytest.mark.xfail(strict=True, reason=r.reason)) for r in XFAIL],
    ids=_id,
)
def test_out_of_scope(row: Row) -> None:
    assert _run(row) == row.expected


@pytest.mark.parametrize("row", CORPUS, ids=_id)
def test_corpus_rows_are_verbatim(row: Row) -> None:
    text = corpus_text(row.doc)
    assert row.context in text
    assert row.text in row.context


@pytest.mark.parametrize("row", CORPUS + PARSER_ISSUES + GENERAL, ids=_id)
def test_accepted_amounts_match_amount_pattern(row: Row) -> None:
    """Whatever parse_amount reads, AMOUNT_PATTERN finds whole (半 aside)."""
    if row.func not in ("number", "amount") or row.text.strip() == "半":
        return
    if parse_amount(row.text) is not None:
        assert re.fullmatch(AMOUNT_PATTERN, row.text.strip())


def test_exactness_of_a_large_amount() -> None:
    value = parse_number("16.4亿")
    assert value == Decimal("1640000000")
    assert value != Decimal("1639999999.99")
    assert value is not None and value.as_tuple().exponent == 0


def test_row_count() -> None:
    assert len(CORPUS) + len(PARSER_ISSUES) + len(GENERAL) + len(XFAIL) >= 150
