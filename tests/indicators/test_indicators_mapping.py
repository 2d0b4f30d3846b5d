"""Metrics as plans word them map to indicator ids of rules/indicators.yaml, or to None."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from policyparse.indicators import MIN_SCORE, IndicatorMatch, map_indicator
from policyparse.ruleset import RuleSet

GOLD = Path(__file__).resolve().parents[2] / "corpus" / "gold"

# Every (metric, unit) of every gold file, with the indicator it measures or None.
# Deadlines (unit None) are actions; most measure no indicator.
CORPUS: list[tuple[str, str | None, str | None]] = [
    # baotou-2022-digital-government-assessment: not education, nothing maps
    ("数字政府建设考评", "次", None),
    ("政务服务事项全程网办及适老化改造", None, None),
    ("审批智能化及移动政务服务适老化应用", None, None),
    ("热线平台功能模块", "类", None),
    ("热线服务时间", "小时", None),
    ("政府网站集约化平台升级", None, None),
    ('新一版高频应用事项目录接入“蒙速办"', None, None),
    ("升级建设智能审批模块", None, None),
    ("综合一窗率", "%", None),
    ("各级大厅智能化设备应用", None, None),
    ('形成新的“一件事"清单', None, None),
    ("基层部门公共服务业务系统与一体化平台对接", None, None),
    ("评价数据综合分析和应用", None, None),
    ("全市政务服务第三方评估", None, None),
    ("政务服务数据三张清单梳理及目录数据挂载", None, None),
    ("全民健康信息平台基础功能扩展", None, None),
    ("信息平台上线前业务编码贯标", "项", None),
    ("群众文化艺术辅导培训课程", "场", None),
    ('文旅“一云一池三平台"建设及“一键游包头"项目上线试运行', None, None),
    ("包头教育云平台优化升级及教育大数据平台二期工程", None, None),
    ("教育类证照电子化", None, None),
    ('就业培训管理信息平台升级及“创业包头云"服务平台上线', None, None),
    ("智慧养老服务平台功能拓展", None, None),
    ('“区块链+AI"在企业登记全程电子化中的集成应用', None, None),
    ("三张数据目录清单认领和填报", None, None),
    ('企业注销“一网通办"平台应用', None, None),
    ("知识产权智慧监管、质押融资、侵权预警平台建设", None, None),
    ("现有交易系统迁移进入电子政务外网", None, None),
    ("涉企信用数据整合和平台对接", None, None),
    ("有序开放公共数据", None, None),
    ('抵押登记“不见面"办理及不动产登记全市通办', None, None),
    ('城市治理“一网统管"试点建设', None, None),
    ('智慧城市二期建设及“一网统管"应用开发', None, None),
    ("经济运行领域云图等模块建设", None, None),
    ("财政项目枢纽综合服务管理平台", None, None),
    ("国有资产信息管理运营服务平台及惠企利民综合服务平台", None, None),
    ('涉企“双随机"检查事项覆盖率', "%", None),
    ("纳入智慧监管平台的重点领域市场主体比例", "%", None),
    ('纳入“互联网+明厨亮灶"社会共治智慧监管平台的大中型餐饮单位', "户", None),
    ("物价信息服务平台项目前期手续、基础建设和重点功能", None, None),
    ("完善物价信息服务平台各项功能", None, None),
    ("政务云应用支撑平台建设及政府系统办公平台升级", None, None),
    ("全市统一的移动协同办公平台", None, None),
    ("嵌入整合城市大数据和城市大脑数据分析功能", None, None),
    ("统一政务网络办公区建设", None, None),
    ("协同办公平台全面兼容国产软硬件平台及设备", None, None),
    ("5G基站", "座", None),
    ("5G基站", "个", None),
    ("核心设备利旧替代工程全部改造任务", None, None),
    ("IPV6互联网出口带宽", "G", None),
    ("主干链路带宽", "兆", None),
    ("制定边境地区网络覆盖方案", None, None),
    ("初步建成全市三维地理空间信息平台", None, None),
    ("网络千兆升级", "兆", None),
    ("包头市电子政务外网安全监测平台", None, None),
    ("政务信息资源大数据池", None, None),
    ("依职能按需共享机制及政务信息资源共享目录", None, None),
    ("基础数据动态更新和校正完善机制", None, None),
    ("政务信息资源共享交换平台", None, None),
    ("联通政务数据的部门", "个", None),
    ("依职能按需开放机制及政务数据资源分级分类开放目录", None, None),
    ("分行业、分场景的可控数据开放机制", None, None),
    ("各级各部门数字政府建设领导机构", None, None),
    # changchun-2018-quality-plan
    ("基本形成质量工程运行体系", None, None),
    ("优质普惠性幼儿园覆盖率", "%", "preschool.quality_inclusive_coverage"),
    ("一类以上优质幼儿园数量", "所", "preschool.quality_kindergartens"),
    ("优质教育资源覆盖面", "%", "compulsory.quality_resource_coverage"),
    ("达到省级重点高中办学水平的学校比例", "%", "high_school.model_school_share"),
    ("质量工程启动实施", None, None),
    ("质量工程推进提升", None, None),
    ("质量工程总结推广", None, None),
    # liaocheng-2020-basic-education-reform
    (
        "专职保安员配备、校园封闭化管理、一键式紧急报警和视频监控体系建设、“护学岗”设置",
        "%",
        "governance.campus_safety_rate",
    ),
    ("公用经费核定人数", "人", "funding.small_school_headcount"),
    ("生均公用经费标准", "元/生/年", "funding.per_student_public_funding"),
    ("核定学费标准", "次", "funding.tuition_review"),
    ("水城名校长", "名", None),  # a local brand: 名校长 covers too little of it
    ("义务教育教师平均工资收入水平", "%", "teachers.salary_parity"),
    ("运动技能", "项", "health_pe.sport_skills"),
    ("中小學生近视率", "百分点", "health_pe.myopia_rate"),
    ("艺术技能", "项", "arts.skills"),
    ("实践活动", "次", "labour.practice_activities"),
    ("家長学校或家庭教育指导服务站点", "所", "governance.family_education_stations"),
    # province-2020-compulsory-quality-draft
    ("艺术特长", "项", "arts.skills"),
    (
        "创建成全国义务教育优质均衡发展县的县（市、区）比例",
        "%",
        "compulsory.quality_balanced_county_share",
    ),
    ("义务教育教师平均工资水平", "%", "teachers.salary_parity"),
    # qingdao-2016-arts-education
    ("学生参与校内艺术课程和艺术活动比例", "%", "arts.participation_rate"),
    ("构建美育课程体系", None, None),
    ("全面推行美育课程改革", None, None),
    ("实现城乡学校美育均衡发展", None, None),
    ("艺术特长和爱好", "项", "arts.skills"),
    ("美育课程课时总量占总课时比例", "%", "arts.curriculum_hours_share"),
    ("美育课程课时占总课时比例", "%", "arts.curriculum_hours_share"),
    ("美育类必修课程学分", "学分", "arts.required_credits"),
    ("美育课程课时", "课时", "arts.curriculum_hours"),
    ("青岛市中小学生艺术团命名工作", "次", None),
    ("管乐团", "支", "arts.ensembles"),
    ("舞蹈队", "支", "arts.ensembles"),
    ("艺术社", "个", "arts.ensembles"),
    ("市级美育示范学校", "所", "arts.model_schools"),
    ("市级校外美育实践活动基地", "个", "arts.practice_bases"),
    ("美育大师青岛工作室", "个", "arts.studios"),
    ("美育名家工作坊", "个", "arts.studios"),
    ("全市中小学美育科研论文报告会", "次", None),
    # xxcity-2021-reform-pilot-ocr (OCR garbling kept: 根底 = 基础, 效劳 = 服务)
    ("建成高品质根底教育", None, None),
    ("学校党组织应建必建率", "%", "governance.party_org_coverage"),
    ("新建和改扩建幼儿园、中小学", "所", "compulsory.new_schools"),
    ("学位", "个", "compulsory.new_places"),
    ("学生最喜爱的思政课教师", "名", "teachers.ideological_teachers"),
    ("优秀思政课", "堂", "teachers.model_lessons"),
    ("劳动教育实践基地", "个", "labour.practice_bases"),
    ("生命教育基地校", "所", None),
    ("高品质幼儿园数量", "倍", "preschool.quality_kindergartens"),
    ("优质教育覆盖率", "%", "compulsory.quality_resource_coverage"),
    ("单程通勤时间", "分钟", "compulsory.commute_time"),
    ("效劳半径", "公里", None),  # garbled before repair; 服务半径 maps
    ("市级以上名优教师", "名", "teachers.renowned_teachers"),
    ("现代课堂教学试点示范校", "所", "governance.reform_pilot_schools"),
    # xxcity-2024-expand-quality-plan
    (
        "达到国家学前普及普惠督导评估标准的县(区)比例",
        "%",
        "preschool.universal_inclusive_county_share",
    ),
    ("普惠性幼儿园占比", "%", "preschool.inclusive_kindergarten_share"),
    ("公办园在园幼儿占比", "%", "preschool.public_kindergarten_enrollment_share"),
    ("优质资源覆盖率", "%", "compulsory.quality_resource_coverage"),
    (
        "达到国家义务教育优质均衡督导评估标准的县(区)比例",
        "%",
        "compulsory.quality_balanced_county_share",
    ),
    ("高品质特色普通高中", "所", "high_school.distinctive_schools"),
    ("省级示范普通高中", "所", "high_school.model_schools"),
    ("省级普通高中新课程新教材示范区", "个", "high_school.new_curriculum_zones"),
    ("省级普通高中新课程新教材示范校", "所", "high_school.new_curriculum_schools"),
    ("特殊教育学校基本实现全覆盖", None, "special.school_coverage"),
    ("符合条件的适龄残疾儿童少年义务教育入学率", "%", "special.disabled_enrollment_rate"),
    ("公办幼儿园在园幼儿占比", "%", "preschool.public_kindergarten_enrollment_share"),
    ("制定新优质学校成长发展规划", "年", None),
    ("定向培养师范生", "名", "teachers.targeted_student_teachers"),
    ("跨学科课时", "%", None),
    ("普通中小学课程与教学、人工智能、科学教育实验校", "个", None),  # three kinds in one
    ("省级完善普惠性学前教育体保障机制和幼儿园保育教育质量提升实验区", "个", None),
    ("实验园", "个", "preschool.quality_pilot_zones"),
    ("省级示范普通高中占比", "%", "high_school.model_school_share"),
    ("体育课", "节", "health_pe.pe_lessons"),
    ("学生每日校内体育活动", "小时", "health_pe.daily_activity_time"),
    ("研学实践教育活动", "次", "labour.study_tours"),
    ("市级研学基地", "个", "labour.study_tour_bases"),
    ("省级研学基地", "个", "labour.study_tour_bases"),
    ("研学精品路线", "条", "labour.study_tour_routes"),
    ("达到标准的特殊教育学校", "所", "special.schools"),
    ("适龄残疾儿童义务教育入学率", "%", "special.disabled_enrollment_rate"),
    ("培育一批高质量发展示范提升学校(幼儿园)", None, None),
    ("省级智慧教育示范区", "个", "digital.smart_education_zones"),
    ("省级智慧校园示范校", "所", "digital.smart_campus_schools"),
    ("数字校园达标率", "%", "digital.digital_campus_rate"),
    ("在我市中小学课堂深度应用的全国优秀教学成果", "项", None),
    ("监测视力", "次", "health_pe.vision_screening"),
    ("工作方案报市教育局备案", None, None),
]

# Phrasings of other plans nationwide, with scope prefixes and variants.
GENERAL: list[tuple[str, str | None, str]] = [
    ("学前三年毛入园率", "%", "preschool.gross_enrollment_rate"),
    ("全市学前三年毛入园率", "%", "preschool.gross_enrollment_rate"),
    ("学前教育毛入园率", "百分点", "preschool.gross_enrollment_rate"),
    ("普惠性幼儿园覆盖率", "%", "preschool.inclusive_kindergarten_share"),
    ("普惠园覆盖率", "百分点", "preschool.inclusive_kindergarten_share"),
    ("全县普惠性幼儿园覆盖率", "%", "preschool.inclusive_kindergarten_share"),
    ("公办幼儿园在园幼儿比例", "%", "preschool.public_kindergarten_enrollment_share"),
    ("新增公办幼儿园学位", "个", "preschool.new_places"),
    ("九年义务教育巩固率", "%", "compulsory.consolidation_rate"),
    ("全市九年义务教育巩固率", "%", "compulsory.consolidation_rate"),
    ("义务教育巩固率", "%", "compulsory.consolidation_rate"),
    ("小学适龄儿童入学率", "%", "compulsory.enrollment_rate"),
    ("大班额比例", "%", "compulsory.large_class_share"),
    ("56人以上大班额", "%", "compulsory.large_class_share"),
    ("普通高中大班额比例", "%", "high_school.large_class_share"),
    ("义务教育优质均衡发展县比例", "%", "compulsory.quality_balanced_county_share"),
    ("优质均衡县比例", "%", "compulsory.quality_balanced_county_share"),
    ("随迁子女在公办学校就读比例", "%", "compulsory.migrant_children_public_share"),
    ("课后服务覆盖率", "%", "compulsory.after_school_service_coverage"),
    ("新增学位", "个", "compulsory.new_places"),
    ("新增中小学学位", "万个", "compulsory.new_places"),
    ("新建改扩建学校", "所", "compulsory.new_schools"),
    ("新建改扩建中小学", "所", "compulsory.new_schools"),
    ("高中阶段毛入学率", "%", "high_school.gross_enrollment_rate"),
    ("普通高中毛入学率", "%", "high_school.gross_enrollment_rate"),
    ("省级示范高中", "所", "high_school.model_schools"),
    ("省级示范普通高中", "%", "high_school.model_school_share"),
    ("残疾儿童少年义务教育入学率", "%", "special.disabled_enrollment_rate"),
    ("特殊教育入学率", "%", "special.disabled_enrollment_rate"),
    ("残疾儿童少年入学率", "%", "special.disabled_enrollment_rate"),
    ("教师平均工资收入水平", "%", "teachers.salary_parity"),
    ("中小学教师平均工资收入水平", "%", "teachers.salary_parity"),
    ("师生比", None, "teachers.student_teacher_ratio"),
    ("生师比", None, "teachers.student_teacher_ratio"),
    ("校长教师交流轮岗比例", "%", "teachers.exchange_rotation_share"),
    ("教师交流轮岗比例", "%", "teachers.exchange_rotation_share"),
    ("本科以上学历教师比例", "%", "teachers.bachelor_share"),
    ("骨干教师", "名", "teachers.renowned_teachers"),
    ("近视率", "百分点", "health_pe.myopia_rate"),
    ("学生近视率", "%", "health_pe.myopia_rate"),
    ("儿童青少年总体近视率", "百分点", "health_pe.myopia_rate"),
    ("国家学生体质健康标准达标率", "%", "health_pe.fitness_pass_rate"),
    ("学生体质健康达标率", "%", "health_pe.fitness_pass_rate"),
    ("体质健康优良率", "%", "health_pe.fitness_excellent_rate"),
    ("每天校内体育活动时间", "小时", "health_pe.daily_activity_time"),
    ("中小学生每天校内体育活动时间", "小时", "health_pe.daily_activity_time"),
    ("体育课时", "课时", "health_pe.pe_lessons"),
    ("全国青少年校园足球特色学校", "所", "health_pe.football_schools"),
    ("美育课时占比", "%", "arts.curriculum_hours_share"),
    ("艺术课程课时占比", "%", "arts.curriculum_hours_share"),
    ("艺术技能", "项", "arts.skills"),
    ("劳动教育课时", "课时", "labour.weekly_hours"),
    ("每周劳动教育课时", "课时", "labour.weekly_hours"),
    ("中小学劳动教育实践基地", "个", "labour.practice_bases"),
    ("数字校园达标率", "%", "digital.digital_campus_rate"),
    ("数字校园建设覆盖率", "%", "digital.digital_campus_rate"),
    ("中小学互联网接入率", "%", "digital.school_internet_access_rate"),
    ("生均公用经费", "元/生/年", "funding.per_student_public_funding"),
    ("义务教育生均公用经费基准定额", "元", "funding.per_student_public_funding"),
    ("特殊教育学校生均公用经费", "元/生/年", "funding.special_per_student"),
    ("学前教育生均财政拨款", "元/生/年", "funding.preschool_per_student"),
    ("家庭经济困难学生资助覆盖率", "%", "funding.student_aid_coverage"),
    ("责任督学挂牌督导覆盖率", "%", "governance.supervisor_coverage"),
    ("学校党组织覆盖率", "%", "governance.party_org_coverage"),
    ("教育满意度", "%", "governance.satisfaction"),
    # variants written in none of the phrasings
    ("全省学生体质健康达标率", "%", "health_pe.fitness_pass_rate"),
    ("学生体质健康标准达标率", "%", "health_pe.fitness_pass_rate"),
    ("学生体质健康合格率", "%", "health_pe.fitness_pass_rate"),
    ("中小学生体质健康优良率", "%", "health_pe.fitness_excellent_rate"),
    ("城区大班额比例", "%", "compulsory.large_class_share"),
    ("大班额", "%", "compulsory.large_class_share"),
    ("农村学校生均公用经费", "元/生/年", "funding.per_student_public_funding"),
    ("学前教育普及普惠县", "%", "preschool.universal_inclusive_county_share"),
    ("义务教育阶段巩固率", "%", "compulsory.consolidation_rate"),
    ("县域义务教育优质均衡发展", "%", "compulsory.quality_balanced_county_share"),
    ("适龄残疾儿童少年入学率", "%", "special.disabled_enrollment_rate"),
    ("中小学教师平均工资", "%", "teachers.salary_parity"),
    ("每天体育活动时间", "小时", "health_pe.daily_activity_time"),
    ("美育课程占总课时比例", "%", "arts.curriculum_hours_share"),
    ("劳动课", "课时", "labour.weekly_hours"),
    ("新建公办幼儿园", "所", "preschool.new_kindergartens"),
    ("高中阶段教育毛入学率", "%", "high_school.gross_enrollment_rate"),
]

# Metrics that are not (basic) education indicators, or whose unit rules out the
# near phrasing: each must give None.
NONE: list[tuple[str | None, str | None]] = [
    ("地区生产总值", "%"),
    ("地区生产总值增长", "%"),
    ("政务服务事项全程网办", None),
    ("政务服务事项网上可办率", "%"),
    ("5G基站", "个"),
    ("热线服务时间", "小时"),
    ("一般公共预算收入", "%"),
    ("城镇新增就业", "万人"),
    ("城镇调查失业率", "%"),
    ("居民人均可支配收入", "%"),
    ("单位GDP能耗降低", "%"),
    ("森林覆盖率", "%"),
    ("空气质量优良天数比例", "%"),
    ("常住人口城镇化率", "%"),
    ("粮食产量", "亿斤"),
    ("研发经费投入强度", "%"),
    ("基本养老保险参保率", "%"),
    ("每千人口执业医师数", "人"),
    ("每千人口拥有3岁以下婴幼儿托位数", "个"),
    ("新建改扩建养老院", "所"),
    ("高等教育毛入学率", "%"),
    ("劳动年龄人口平均受教育年限", "年"),
    ("城市生活污水集中收集率", "%"),
    ("社会消费品零售总额", "%"),
    ("森林覆盖率", "%"),
    ("新建改扩建医院", "所"),
    ("新建改扩建养老院", "所"),
    ("国民体质监测合格率", "%"),
    ("经常参加体育锻炼人数比例", "%"),
    ("人均体育场地面积", "平方米"),
    ("中等职业教育毛入学率", "%"),
    ("城乡居民医保参保率", "%"),
    # too generic to be an indicator
    ("幼儿园", "所"),
    ("普通高中", "所"),
    ("学校", "所"),
    # the near phrasing has a unit of another kind
    ("大班额比例", "个"),
    ("近视率", "所"),
    ("新建改扩建学校", "%"),
    # empty
    ("", "%"),
    ("  ", None),
    (None, "%"),
]


def _gold_pairs() -> set[tuple[str, str | None]]:
    pairs: set[tuple[str, str | None]] = set()
    for path in sorted(GOLD.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                pairs.add((record["metric"], record["unit"]))
    return pairs


def test_corpus_table_covers_every_gold_metric() -> None:
    table = {(metric, unit) for metric, unit, _ in CORPUS}
    missing = _gold_pairs() - table
    assert not missing, f"gold metrics without an expected indicator: {sorted(missing, key=str)}"


@pytest.mark.parametrize(("metric", "unit", "expected"), CORPUS)
def test_corpus_metrics(
    metric: str, unit: str | None, expected: str | None, rules: RuleSet
) -> None:
    found = map_indicator(metric, unit=unit, rules=rules)
    assert (found.id if found else None) == expected


@pytest.mark.parametrize(("metric", "unit", "expected"), GENERAL)
def test_general_metrics(metric: str, unit: str | None, expected: str, rules: RuleSet) -> None:
    found = map_indicator(metric, unit=unit, rules=rules)
    assert found is not None, f"{metric} maps to nothing"
    assert found.id == expected
    assert MIN_SCORE <= found.score <= 100.0


@pytest.mark.parametrize(("metric", "unit"), NONE)
def test_unrelated_metrics_map_to_none(
    metric: str | None, unit: str | None, rules: RuleSet
) -> None:
    assert map_indicator(metric, unit=unit, rules=rules) is None


def test_a_long_metric_does_not_map_to_a_short_phrasing_it_contains(rules: RuleSet) -> None:
    # 普通高中 alone is no indicator; 省级示范普通高中占比 is a share, not a count
    found = map_indicator("省级示范普通高中占比", unit="%", rules=rules)
    assert found == IndicatorMatch("high_school.model_school_share", 100.0)
    assert map_indicator("省级示范普通高中", unit="所", rules=rules) == IndicatorMatch(
        "high_school.model_schools", 100.0
    )


def test_points_map_to_the_percent_indicator(rules: RuleSet) -> None:
    for unit in ("%", "百分点", "个百分点", "％"):
        found = map_indicator("学生近视率", unit=unit, rules=rules)
        assert found is not None and found.id == "health_pe.myopia_rate", unit


def test_an_unknown_unit_rules_nothing_out(rules: RuleSet) -> None:
    found = map_indicator("学生近视率", unit="某单位", rules=rules)
    assert found is not None and found.id == "health_pe.myopia_rate"


def test_the_index_is_built_once_per_rules(rules: RuleSet) -> None:
    from policyparse import indicators

    map_indicator("近视率", unit="%", rules=rules)
    index = indicators._INDEXES[rules.path]
    map_indicator("巩固率", unit="%", rules=rules)
    assert indicators._INDEXES[rules.path] is index


def test_gold_accuracy_summary(rules: RuleSet) -> None:
    """Most education metrics of the gold map; no non-education metric does."""
    mapped = [m for m, u, _ in CORPUS if map_indicator(m, unit=u, rules=rules)]
    assert len(mapped) >= 60
