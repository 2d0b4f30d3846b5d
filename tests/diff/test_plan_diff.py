"""diff_documents on small texts cut from real corpus plans (changchun, xxcity-2024, liaocheng)."""

from __future__ import annotations

from pathlib import Path

import pytest

from policyparse import parse
from policyparse.diff import (
    PlanDiff,
    diff_documents,
    metric_similarity,
    redline,
    sentence_of,
)
from policyparse.schema import PolicyDocument

CORPUS_DOCS = Path(__file__).resolve().parents[2] / "corpus" / "docs"

# changchun-2018-quality-plan.txt
CHANGCHUN_80 = (
    "到2020年，实现优质普惠性幼儿园覆盖率达到80%，全市一类以上优质幼儿园数量达到160所的目标。\n"
)
CHANGCHUN_URBAN = "到2020年，实现城区优质教育资源覆盖面达到95%。\n"
# xxcity-2024-expand-quality-plan.txt (a template with xx)
XXCITY_TEMPLATE = "到2027年,普惠性幼儿园占比持续巩固在xx%以上,公办园在园幼儿占比力争达到xx%以上。\n"
# liaocheng-2020-basic-education-reform.txt
LIAOCHENG_WAGE = (
    "健全工资长效联动机制，确保义务教育教师平均工资收入水平不低于当地公务员平均工资收入水平。\n"
)


def _diff(old_text: str, new_text: str) -> PlanDiff:
    return diff_documents(parse(old_text), parse(new_text), old_text=old_text, new_text=new_text)


def _assert_spans_exact(result: PlanDiff, old_text: str, new_text: str) -> None:
    for c in result.removed:
        assert old_text[c.span[0] : c.span[1]] == c.quote
    for c in result.added:
        assert new_text[c.span[0] : c.span[1]] == c.quote
    for pair in [*result.changed, *result.filled, *result.unchanged]:
        assert old_text[pair.old.span[0] : pair.old.span[1]] == pair.old.quote
        assert new_text[pair.new.span[0] : pair.new.span[1]] == pair.new.quote
        assert old_text[pair.old_sentence.span[0] : pair.old_sentence.span[1]] == (
            pair.old_sentence.text
        )
        assert new_text[pair.new_sentence.span[0] : pair.new_sentence.span[1]] == (
            pair.new_sentence.text
        )
    for item in result.split:
        assert old_text[item.old.span[0] : item.old.span[1]] == item.old.quote
        for part in item.new:
            assert new_text[part.span[0] : part.span[1]] == part.quote


def test_the_same_commitment_reworded_is_unchanged() -> None:
    old = "到2020年，实现优质普惠性幼儿园覆盖率达到80%。\n"
    new = "到2020年，全市优质普惠性幼儿园覆盖率要达到80%。\n"
    result = _diff(old, new)
    assert result.summary() == "0 added, 0 removed, 0 changed, 0 filled, 0 split, 1 unchanged"
    assert not result.has_changes
    pair = result.unchanged[0]
    assert pair.old.quote == "优质普惠性幼儿园覆盖率达到80%"
    assert pair.new.quote == "优质普惠性幼儿园覆盖率要达到80%"
    assert pair.changes == []
    assert pair.redline is None
    _assert_spans_exact(result, old, new)


def test_a_raised_value_is_changed_with_a_redline() -> None:
    new = CHANGCHUN_80.replace("达到80%", "达到85%")
    result = _diff(CHANGCHUN_80, new)
    assert result.counts["changed"] == 1
    assert result.counts["unchanged"] == 1  # the 160所 target did not move
    pair = result.changed[0]
    assert [(c.field, c.old, c.new) for c in pair.changes] == [("value", 80.0, 85.0)]
    assert pair.redline is not None
    changed_ops = [(op.op, op.old, op.new) for op in pair.redline if op.op != "equal"]
    assert changed_ops == [("replace", "0", "5")]
    assert "".join(op.old for op in pair.redline) == pair.old_sentence.text
    assert "".join(op.new for op in pair.redline) == pair.new_sentence.text
    assert pair.old_sentence.text == CHANGCHUN_80.rstrip("\n")
    _assert_spans_exact(result, CHANGCHUN_80, new)


def test_a_moved_deadline_is_changed() -> None:
    new = CHANGCHUN_80.replace("到2020年", "到2022年")
    result = _diff(CHANGCHUN_80, new)
    assert result.counts["changed"] == 2
    for pair in result.changed:
        assert [(c.field, c.old, c.new) for c in pair.changes] == [("deadline", 2020, 2022)]
        assert pair.redline is not None
        assert [(op.old, op.new) for op in pair.redline if op.op != "equal"] == [("0", "2")]


def test_a_weakened_comparator_is_changed() -> None:
    new = LIAOCHENG_WAGE.replace("确保", "力争")
    result = _diff(LIAOCHENG_WAGE, new)
    assert result.counts["changed"] == 1
    fields = {c.field: (c.old, c.new) for c in result.changed[0].changes}
    assert fields == {"modality": ("binding", "aspirational")}


def test_a_target_split_into_two() -> None:
    old = "到2020年，实现城区和农村优质教育资源覆盖面达到95%。\n"
    new = "到2020年，实现城区优质教育资源覆盖面达到95%，农村优质教育资源覆盖面达到90%。\n"
    result = _diff(old, new)
    assert result.summary() == "0 added, 0 removed, 0 changed, 0 filled, 1 split, 0 unchanged"
    item = result.split[0]
    assert item.old.value == 95.0
    assert [c.value for c in item.new] == [95.0, 90.0]
    assert [c.scope for c in item.new] == ["城区", "农村"]
    assert item.new_sentence.text == new.rstrip("\n")
    assert any(op.op != "equal" for op in item.redline)
    _assert_spans_exact(result, old, new)


def test_two_separate_targets_are_not_a_split() -> None:
    old = CHANGCHUN_URBAN + "到2020年，实现农村优质教育资源覆盖面达到90%。\n"
    new = "到2020年，实现城区优质教育资源覆盖面达到95%，农村优质教育资源覆盖面达到90%。\n"
    result = _diff(old, new)
    assert result.counts["split"] == 0
    assert result.counts["unchanged"] == 2


def test_a_filled_in_template_is_filled_not_changed() -> None:
    old = "普惠性幼儿园占比持续巩固在xx%以上。\n"
    new = "普惠性幼儿园占比持续巩固在85%以上。\n"
    result = _diff(old, new)
    assert result.summary() == "0 added, 0 removed, 0 changed, 1 filled, 0 split, 0 unchanged"
    pair = result.filled[0]
    assert pair.old.placeholder is True
    assert pair.old.value is None
    assert pair.new.value == 85.0
    assert pair.changes == []
    assert pair.redline is not None
    assert [(op.op, op.old, op.new) for op in pair.redline if op.op != "equal"] == [
        ("replace", "xx", "85")
    ]


def test_a_template_partly_filled() -> None:
    new = XXCITY_TEMPLATE.replace("巩固在xx%", "巩固在85%")
    result = _diff(XXCITY_TEMPLATE, new)
    assert result.counts["filled"] == 1
    assert result.filled[0].new.metric == "普惠性幼儿园占比"
    # the second placeholder stays a placeholder: unchanged
    assert result.counts["unchanged"] == 1
    assert result.unchanged[0].new.placeholder is True


def test_added_and_removed() -> None:
    old = CHANGCHUN_80
    new = "到2020年，实现优质普惠性幼儿园覆盖率达到80%。\n" + LIAOCHENG_WAGE
    result = _diff(old, new)
    assert result.counts["unchanged"] == 1
    assert [c.metric for c in result.removed] == ["一类以上优质幼儿园数量"]
    assert [c.metric for c in result.added] == ["义务教育教师平均工资收入水平"]
    _assert_spans_exact(result, old, new)


def test_two_unrelated_plans_are_mostly_added_and_removed() -> None:
    old_path = CORPUS_DOCS / "qingdao-2016-arts-education.txt"
    new_path = CORPUS_DOCS / "baotou-2022-digital-government-assessment.txt"
    old_text = old_path.read_bytes().decode("utf-8-sig")
    new_text = new_path.read_bytes().decode("utf-8-sig")
    old, new = parse(old_path), parse(new_path)
    result = diff_documents(old, new, old_text=old_text, new_text=new_text)
    matched = len(result.changed) + len(result.filled) + len(result.unchanged) + len(result.split)
    assert matched <= 2
    assert len(result.added) >= len(new.commitments) - 2
    assert len(result.removed) >= len(old.commitments) - 2
    _assert_spans_exact(result, old_text, new_text)


@pytest.mark.parametrize("path", sorted(CORPUS_DOCS.glob("*.txt")), ids=lambda p: p.stem)
def test_a_plan_against_itself_is_unchanged_pair_by_pair(path: Path) -> None:
    text = path.read_bytes().decode("utf-8-sig")
    document = parse(path)
    result = diff_documents(document, document, old_text=text, new_text=text)
    assert not result.has_changes
    assert [p.old.id for p in result.unchanged] == [p.new.id for p in result.unchanged]
    assert len(result.unchanged) == len(document.commitments)


def test_plans_without_commitments_give_an_empty_diff() -> None:
    old = "一、总体要求\n坚持立德树人，全面推进素质教育。\n"
    new = ""
    result = _diff(old, new)
    assert result.summary() == "0 added, 0 removed, 0 changed, 0 filled, 0 split, 0 unchanged"
    assert not result.has_changes


def test_json_round_trips() -> None:
    new = CHANGCHUN_80.replace("达到80%", "达到85%")
    result = _diff(CHANGCHUN_80, new)
    again = PlanDiff.model_validate_json(result.model_dump_json())
    assert again == result


def test_sentence_of_expands_to_the_boundaries() -> None:
    text = "一、总体要求\n到2020年，实现覆盖率达到80%；全市达到160所。\n"
    start = text.index("覆盖率")
    sentence = sentence_of(text, (start, start + 3))
    assert sentence.text == "到2020年，实现覆盖率达到80%；"
    assert text[sentence.span[0] : sentence.span[1]] == sentence.text


def test_sentence_of_a_quote_that_ends_its_sentence_stops_there() -> None:
    text = "各县区工作方案请于2024年7月底前报市教育局备案。全市新建幼儿园10所。"
    quote = "各县区工作方案请于2024年7月底前报市教育局备案。"
    sentence = sentence_of(text, (0, len(quote)))
    assert sentence.text == quote


def test_redline_is_character_level() -> None:
    ops = redline("巩固在xx%以上", "巩固在85%以上")
    assert [(op.op, op.old, op.new) for op in ops] == [
        ("equal", "巩固在", "巩固在"),
        ("replace", "xx", "85"),
        ("equal", "%以上", "%以上"),
    ]


def test_metric_similarity() -> None:
    assert metric_similarity("优质普惠性幼儿园覆盖率", "优质普惠性幼儿园覆盖率") == 100.0
    assert metric_similarity("和农村优质教育资源覆盖面", "优质教育资源覆盖面") >= 90.0
    assert metric_similarity("普惠性幼儿园占比", "数字政府建设考核") < 50.0
    assert metric_similarity("", "覆盖率") == 0.0


def _with_indicator(document: PolicyDocument, indicator: str | None) -> PolicyDocument:
    commitments = [c.model_copy(update={"indicator": indicator}) for c in document.commitments]
    return document.model_copy(update={"commitments": commitments})


def test_the_same_indicator_aligns_differently_worded_metrics() -> None:
    old = "到2020年，实现优质普惠性幼儿园覆盖率达到80%。\n"
    new = "到2020年，全市学前教育普惠率达到85%。\n"
    plain = _diff(old, new)
    assert plain.counts["changed"] == 0  # the metrics alone are too far apart
    old_doc = _with_indicator(parse(old), "preschool_inclusive_coverage")
    new_doc = _with_indicator(parse(new), "preschool_inclusive_coverage")
    result = diff_documents(old_doc, new_doc, old_text=old, new_text=new)
    assert result.counts["changed"] == 1
    assert [c.field for c in result.changed[0].changes] == ["value"]


def test_different_indicators_never_align() -> None:
    text = "到2020年，实现优质普惠性幼儿园覆盖率达到80%。\n"
    old_doc = _with_indicator(parse(text), "preschool_inclusive_coverage")
    new_doc = _with_indicator(parse(text), "preschool_public_share")
    result = diff_documents(old_doc, new_doc, old_text=text, new_text=text)
    assert result.summary() == "1 added, 1 removed, 0 changed, 0 filled, 0 split, 0 unchanged"


def test_one_indicator_missing_falls_back_to_the_metric() -> None:
    text = "到2020年，实现优质普惠性幼儿园覆盖率达到80%。\n"
    old_doc = _with_indicator(parse(text), "preschool_inclusive_coverage")
    new_doc = _with_indicator(parse(text), None)
    result = diff_documents(old_doc, new_doc, old_text=text, new_text=text)
    assert result.counts["unchanged"] == 1


def test_a_shared_indicator_still_pairs_by_metric() -> None:
    # xxcity-2024: two targets of one indicator in one sentence; the new copy is longer before them
    old = "推进“xx好研学”,每学期至少组织开展x次研学实践教育活动,力争年市级研学基地达到xx个、省级研学基地达到xx个。\n"
    new = "推进“xx好研学”,全面落实中小学生综合实践课程课时要求,每学期至少组织开展x次研学实践教育活动,力争年市级研学基地达到xx个、省级研学基地达到xx个。\n"
    # a sentence appended (xxcity-2024 item 24): relative positions shift, metrics do not
    new += "推进国家、省级和市级教育资源平台对接,逐步构建国家、省、市、县、校五级优势互补的教育资源公共服务体系。\n"
    old_doc = _with_indicator(parse(old), "labour.study_tour_bases")
    new_doc = _with_indicator(parse(new), "labour.study_tour_bases")
    result = diff_documents(old_doc, new_doc, old_text=old, new_text=new)
    pairs = [(p.old.metric, p.new.metric) for p in result.unchanged]
    assert ("省级研学基地", "省级研学基地") in pairs
    assert all(a == b for a, b in pairs)
    assert not result.has_changes
