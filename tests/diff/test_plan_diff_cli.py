"""``policyparse diff`` as a user runs it: output, --json, exit status 0 / 1 / 2."""

from __future__ import annotations

import json
from pathlib import Path

from tests.diff._inputs import write_pair
from typer.testing import CliRunner

from policyparse.cli import app
from policyparse.diff import PlanDiff

runner = CliRunner()

CORPUS_DOCS = Path(__file__).resolve().parents[2] / "corpus" / "docs"
# changchun-2018-quality-plan.txt
CHANGCHUN_80 = "一、学前教育\n到2020年，实现优质普惠性幼儿园覆盖率达到80%，全市一类以上优质幼儿园数量达到160所的目标。\n"
# xxcity-2024-expand-quality-plan.txt
XXCITY_TEMPLATE = "到2027年,普惠性幼儿园占比持续巩固在xx%以上,公办园在园幼儿占比力争达到xx%以上。\n"


def test_reworded_is_unchanged_and_exit_0(tmp_path: Path) -> None:
    old, new = write_pair(
        tmp_path,
        "到2020年，实现优质普惠性幼儿园覆盖率达到80%。\n",
        "到2020年，全市优质普惠性幼儿园覆盖率要达到80%。\n",
    )
    result = runner.invoke(app, ["diff", old, new])
    assert result.exit_code == 0, result.output
    assert "0 added, 0 removed, 0 changed, 0 filled, 0 split, 1 unchanged" in result.output
    assert "1 unchanged not shown" in result.output
    listed = runner.invoke(app, ["diff", old, new, "--all"])
    assert listed.exit_code == 0
    assert "unchanged 优质普惠性幼儿园覆盖率" in listed.output


def test_changed_value_prints_quotes_and_redline_exit_1(tmp_path: Path) -> None:
    old, new = write_pair(tmp_path, CHANGCHUN_80, CHANGCHUN_80.replace("达到80%", "达到85%"))
    result = runner.invoke(app, ["diff", old, new])
    assert result.exit_code == 1, result.output
    assert "0 added, 0 removed, 1 changed, 0 filled, 0 split, 1 unchanged" in result.output
    assert "changed   优质普惠性幼儿园覆盖率  value 80 → 85" in result.output
    assert "- 优质普惠性幼儿园覆盖率达到80%" in result.output
    assert "+ 优质普惠性幼儿园覆盖率达到85%" in result.output
    # without a colour terminal the redline is marked up like wdiff
    assert "覆盖率达到8[-0-]{+5+}%，全市" in result.output


def test_filled_template(tmp_path: Path) -> None:
    old, new = write_pair(
        tmp_path, XXCITY_TEMPLATE, XXCITY_TEMPLATE.replace("xx", "85", 1).replace("xx", "50")
    )
    result = runner.invoke(app, ["diff", old, new])
    assert result.exit_code == 1
    assert "0 added, 0 removed, 0 changed, 2 filled, 0 split, 0 unchanged" in result.output
    assert "filled    普惠性幼儿园占比  filled in: 85%" in result.output
    assert "巩固在[-xx-]{+85+}%以上" in result.output


def test_json_round_trips_with_both_spans(tmp_path: Path) -> None:
    old_text = CHANGCHUN_80
    new_text = "一、学前教育\n到2022年，实现优质普惠性幼儿园覆盖率达到85%。\n"
    old, new = write_pair(tmp_path, old_text, new_text)
    result = runner.invoke(app, ["diff", old, new, "--json"])
    assert result.exit_code == 1
    payload = json.loads(result.output)
    assert set(payload) == {
        "old",
        "new",
        "threshold",
        "added",
        "removed",
        "changed",
        "filled",
        "split",
        "unchanged",
    }
    diff = PlanDiff.model_validate(payload)
    assert diff.model_dump(mode="json") == payload
    assert diff.summary() == "0 added, 1 removed, 1 changed, 0 filled, 0 split, 0 unchanged"
    change = payload["changed"][0]
    assert {(c["field"], c["old"], c["new"]) for c in change["changes"]} == {
        ("value", 80.0, 85.0),
        ("deadline", 2020, 2022),
    }
    old_start, old_end = change["old"]["span"]
    new_start, new_end = change["new"]["span"]
    assert old_text[old_start:old_end] == change["old"]["quote"]
    assert new_text[new_start:new_end] == change["new"]["quote"]
    s, e = change["old_sentence"]["span"]
    assert old_text[s:e] == change["old_sentence"]["text"]
    s, e = change["new_sentence"]["span"]
    assert new_text[s:e] == change["new_sentence"]["text"]
    assert "".join(op["old"] for op in change["redline"]) == change["old_sentence"]["text"]
    assert "".join(op["new"] for op in change["redline"]) == change["new_sentence"]["text"]
    removed = payload["removed"][0]
    assert old_text[removed["span"][0] : removed["span"][1]] == removed["quote"]


def test_json_spans_index_crlf_corpus_files_exactly(tmp_path: Path) -> None:
    path = CORPUS_DOCS / "xxcity-2024-expand-quality-plan.txt"
    old_text = path.read_bytes().decode("utf-8-sig")
    new_text = old_text.replace("持续巩固在xx%以上", "持续巩固在85%以上")
    new_path = tmp_path / "filled.txt"
    new_path.write_bytes(new_text.encode("utf-8"))
    result = runner.invoke(app, ["diff", str(path), str(new_path), "--json"])
    assert result.exit_code == 1
    payload = json.loads(result.output)
    assert len(payload["filled"]) == 1
    assert not payload["changed"] and not payload["added"] and not payload["removed"]
    for pair in payload["filled"] + payload["unchanged"]:
        assert old_text[pair["old"]["span"][0] : pair["old"]["span"][1]] == pair["old"]["quote"]
        assert new_text[pair["new"]["span"][0] : pair["new"]["span"][1]] == pair["new"]["quote"]


def test_split_is_reported(tmp_path: Path) -> None:
    old, new = write_pair(
        tmp_path,
        "到2020年，实现城区和农村优质教育资源覆盖面达到95%。\n",
        "到2020年，实现城区优质教育资源覆盖面达到95%，农村优质教育资源覆盖面达到90%。\n",
    )
    result = runner.invoke(app, ["diff", old, new])
    assert result.exit_code == 1
    assert "0 added, 0 removed, 0 changed, 0 filled, 1 split, 0 unchanged" in result.output
    assert "split     和农村优质教育资源覆盖面 → 2 commitments" in result.output


def test_plans_without_commitments_exit_0(tmp_path: Path) -> None:
    old, new = write_pair(
        tmp_path,
        "一、总体要求\n坚持立德树人，全面推进素质教育。\n",
        "一、总体要求\n坚持以人民为中心发展教育。\n",
    )
    result = runner.invoke(app, ["diff", old, new])
    assert result.exit_code == 0, result.output
    assert "0 added, 0 removed, 0 changed, 0 filled, 0 split, 0 unchanged" in result.output
    as_json = runner.invoke(app, ["diff", old, new, "--json"])
    assert as_json.exit_code == 0
    assert json.loads(as_json.output)["changed"] == []


def test_unrelated_corpus_plans(tmp_path: Path) -> None:
    old = str(CORPUS_DOCS / "qingdao-2016-arts-education.txt")
    new = str(CORPUS_DOCS / "baotou-2022-digital-government-assessment.txt")
    result = runner.invoke(app, ["diff", old, new, "--json"])
    assert result.exit_code == 1
    diff = PlanDiff.model_validate_json(result.output)
    counts = diff.counts
    assert counts["changed"] + counts["filled"] + counts["unchanged"] + counts["split"] <= 2
    assert counts["added"] >= 60 and counts["removed"] >= 15


def test_missing_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    old, _ = write_pair(tmp_path, CHANGCHUN_80, CHANGCHUN_80)
    missing = str(tmp_path / "missing.txt")
    for args in (["diff", old, missing], ["diff", missing, old], ["diff", old, missing, "--json"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 2
        lines = [line for line in result.output.splitlines() if line]
        assert len(lines) == 1
        assert lines[0].startswith("policyparse: error: ")
        assert "missing.txt" in lines[0] and "E101" in lines[0]
        assert "Traceback" not in result.output
