"""rules/indicators.yaml: the taxonomy is complete, and every problem is reported with path:line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from policyparse.errors import RuleFileError
from policyparse.ruleset import RuleSet, default_rules_dir, load_rules

STAGES = {
    "preschool",
    "compulsory",
    "high_school",
    "special",
    "teachers",
    "health_pe",
    "arts",
    "labour",
    "digital",
    "funding",
    "governance",
}


@pytest.fixture
def rules_copy(tmp_path: Path) -> Path:
    target = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), target)
    return target


def test_taxonomy_has_60_indicators_over_all_11_stages(rules: RuleSet) -> None:
    table = rules.indicators
    assert set(table.stages) == STAGES
    assert len(table.indicators) >= 60
    assert {ind.stage for ind in table.indicators} == STAGES
    for ind in table.indicators:
        assert ind.id.startswith(f"{ind.stage}.")
        assert ind.zh and ind.en and ind.unit and ind.phrasings


def test_the_named_indicators_exist(rules: RuleSet) -> None:
    ids = {ind.id for ind in rules.indicators.indicators}
    assert {
        "preschool.inclusive_kindergarten_share",
        "preschool.gross_enrollment_rate",
        "compulsory.consolidation_rate",
        "health_pe.myopia_rate",
        "funding.per_student_public_funding",
        "teachers.salary_parity",
        "arts.curriculum_hours_share",
    } <= ids


def _indicator(id_: str, stage: str, phrasings: str) -> str:
    return (
        f"  - id: {id_}\n"
        f"    zh: 测试\n"
        f"    en: test\n"
        f"    stage: {stage}\n"
        f"    unit: '%'\n"
        f"    phrasings: {phrasings}\n"
    )


def test_every_problem_is_listed_with_path_and_line(rules_copy: Path) -> None:
    path = rules_copy / "indicators.yaml"
    text = path.read_text(encoding="utf-8")
    start = len(text.splitlines()) + 1  # first line of the appended items
    text += (
        _indicator("health_pe.myopia_rate", "health_pe", "[近视率测试]")  # duplicate id
        + _indicator("Preschool-Bad", "preschool", "[坏编号]")  # not dotted lowercase
        + _indicator("music.choirs", "music", "[合唱比赛]")  # unknown stage
        + _indicator("arts.empty", "arts", "[]")  # no phrasing
        + _indicator("arts.shared", "arts", "[学生近视率]")  # phrasing of myopia_rate
        + _indicator("labour.in_arts", "arts", "[错阶段]")  # id does not start with stage
        + "  - {id: arts.extra, zh: 测试, en: test, stage: arts, unit: 所, phrasings: [多余], colour: red}\n"
    )
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RuleFileError) as caught:
        load_rules(rules_copy)
    lines = str(caught.value).splitlines()
    assert lines[0].startswith("[E201] 7 problem(s)")

    def reported(item: int, *words: str) -> bool:
        where = f"{path}:{start + 6 * item}"
        return any(where in line and all(w in line for w in words) for line in lines)

    assert reported(0, "duplicate id", "health_pe.myopia_rate")
    assert reported(1, "dotted lowercase")
    assert reported(2, "unknown stage", "music")
    assert reported(3, "at least 1 item")
    assert reported(4, "学生近视率", "health_pe.myopia_rate")
    assert reported(5, "must start with its stage")
    assert reported(6, "colour")


def test_a_missing_taxonomy_is_reported(rules_copy: Path) -> None:
    (rules_copy / "indicators.yaml").unlink()
    with pytest.raises(RuleFileError, match=r"indicators\.yaml: cannot read"):
        load_rules(rules_copy)
