"""Rule files: validated on load, every problem reported with file and line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from policyparse.errors import RuleFileError
from policyparse.ruleset import default_rules_dir, load_rules


@pytest.fixture
def rules_copy(tmp_path: Path) -> Path:
    target = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), target)
    return target


def test_packaged_rules_load() -> None:
    rules = load_rules()
    assert rules.conversion_fixes.fixes
    assert "实施方案" in rules.metadata.doc_types


def test_every_problem_is_listed_with_path_and_line(rules_copy: Path) -> None:
    fixes = rules_copy / "conversion_fixes.yaml"
    fixes.write_text(
        fixes.read_text(encoding="utf-8")
        + "  - {wrong: 根底, right: 基础, colour: red}\n"
        + "  - {wrong: 到达, right: 达到, after: '(unclosed'}\n",
        encoding="utf-8",
    )
    markup = rules_copy / "markup.yaml"
    markup.write_text("patterns:\n  - id: a\n    id: b\n    pattern: x\n", encoding="utf-8")
    with pytest.raises(RuleFileError) as caught:
        load_rules(rules_copy)
    message = str(caught.value)
    lines = message.splitlines()
    assert lines[0].startswith("[E201] 3 problem(s)")
    assert any(f"{fixes}:" in line and "colour" in line for line in lines)
    assert any(f"{fixes}:" in line and "invalid regular expression" in line for line in lines)
    assert any(f"{markup}:3" in line and "duplicate key" in line for line in lines)


def test_bad_yaml_names_the_file(rules_copy: Path) -> None:
    (rules_copy / "headings.yaml").write_text("standard_headings: [unclosed\n", encoding="utf-8")
    with pytest.raises(RuleFileError, match=r"headings\.yaml"):
        load_rules(rules_copy)


def test_a_custom_rules_folder_changes_behaviour(rules_copy: Path) -> None:
    from policyparse.normalize import normalize_text

    markup = rules_copy / "markup.yaml"
    markup.write_text(
        markup.read_text(encoding="utf-8") + "  - id: footnote\n    pattern: '\\[注\\d+\\]'\n",
        encoding="utf-8",
    )
    custom = load_rules(rules_copy)
    assert normalize_text("覆盖率[注1]达到80%", rules=custom).text == "覆盖率达到80%"
    assert normalize_text("覆盖率[注1]达到80%", rules=load_rules()).text == "覆盖率[注1]达到80%"
