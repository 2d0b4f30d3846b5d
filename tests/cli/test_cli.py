"""The command line, as a user runs it: exit codes, output, files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.conftest import CORPUS
from typer.testing import CliRunner

from policyparse.cli import app
from policyparse.schema import PolicyDocument

runner = CliRunner()
CHANGCHUN = str(CORPUS / "docs" / "changchun-2018-quality-plan.txt")
BAOTOU = str(CORPUS / "docs" / "baotou-2022-digital-government-assessment.txt")


def test_help_lists_the_commands() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("extract", "sections", "info"):
        assert command in result.output


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.startswith("policyparse ")


def test_sections_prints_the_outline_as_a_tree() -> None:
    result = runner.invoke(app, ["sections", CHANGCHUN])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("长春市基础教育质量提升工程实施方案（2018—2020年）")
    assert any("3.1 （一） 学生发展核心素养行动" in line for line in lines)
    assert any("4.1 第一阶段： 2018年，质量工程启动实施年" in line for line in lines)


def test_sections_json_round_trips() -> None:
    result = runner.invoke(app, ["sections", BAOTOU, "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert payload["title"] == "包头市2022年数字政府建设考评办法"
    attachment = next(s for s in payload["sections"] if s["kind"] == "attachment")
    assert attachment["heading"] == "包头市数字政府建设考评指标"


def test_extract_prints_a_valid_document() -> None:
    result = runner.invoke(app, ["extract", CHANGCHUN])
    assert result.exit_code == 0, result.output
    document = PolicyDocument.model_validate_json(result.output)
    assert document.document.id == "changchun-2018-quality-plan"
    assert document.document.issued == "2018-09-18"
    text = Path(CHANGCHUN).read_text(encoding="utf-8")
    for section in document.sections:
        if section.heading_span and section.heading is not None:
            assert text[section.heading_span[0] : section.heading_span[1]] == section.heading


def test_extract_sentences_on_request() -> None:
    without = PolicyDocument.model_validate_json(runner.invoke(app, ["extract", CHANGCHUN]).output)
    result = runner.invoke(app, ["extract", CHANGCHUN, "--sentences", "--compact"])
    with_sentences = PolicyDocument.model_validate_json(result.output)
    assert without.sentences is None
    assert with_sentences.sentences and len(result.output.strip().splitlines()) == 1


def test_extract_writes_a_file_and_refuses_to_overwrite(tmp_path: Path) -> None:
    out = tmp_path / "doc.json"
    first = runner.invoke(app, ["extract", CHANGCHUN, "-o", str(out)])
    assert first.exit_code == 0
    written = out.read_text(encoding="utf-8")
    out.write_text("precious", encoding="utf-8")
    refused = runner.invoke(app, ["extract", CHANGCHUN, "-o", str(out)])
    assert refused.exit_code == 2
    assert "exists; pass --force" in refused.output
    assert out.read_text(encoding="utf-8") == "precious"
    forced = runner.invoke(app, ["extract", CHANGCHUN, "-o", str(out), "--force"])
    assert forced.exit_code == 0
    assert out.read_text(encoding="utf-8") == written


def test_extract_reads_standard_input() -> None:
    text = "一、总体要求\n到2020年，覆盖率达到80%。\n"
    result = runner.invoke(app, ["extract", "-"], input=text.encode("utf-8"))
    assert result.exit_code == 0, result.output
    document = PolicyDocument.model_validate_json(result.output)
    assert document.document.source == "-"
    assert [s.heading for s in document.sections] == ["总体要求"]


def _file(directory: Path, name: str, data: bytes | None) -> Path:
    path = directory / name
    if data is not None:
        path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        ("missing.txt", None, "E101"),
        ("", None, "E102"),
        ("empty.txt", b"", "E103"),
        ("blob.txt", b"\x00\x01\x02\x03" * 200, "E104"),
    ],
    ids=["missing", "directory", "empty", "binary"],
)
def test_bad_input_is_one_line_and_exit_2(
    tmp_path: Path, name: str, data: bytes | None, problem: str
) -> None:
    path = _file(tmp_path, name, data) if name else tmp_path
    for command in (["extract", str(path)], ["sections", str(path)]):
        result = runner.invoke(app, command)
        assert result.exit_code == 2
        lines = [line for line in result.output.splitlines() if line]
        assert len(lines) == 1
        assert lines[0].startswith("policyparse: error: ")
        assert str(path) in lines[0] and problem in lines[0]
        assert "Traceback" not in result.output


def test_info_reads_a_folder_and_reports_failures(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(
        Path(CHANGCHUN).read_text(encoding="utf-8"), encoding="utf-8"
    )
    (tmp_path / "empty.txt").write_bytes(b"")
    result = runner.invoke(app, ["info", str(tmp_path)])
    assert result.exit_code == 2
    assert "good\n" in result.output
    assert "  issuers   长春市教育局\n" in result.output
    assert "  period    2018–2020\n" in result.output
    assert "empty.txt" in result.output and "E103" in result.output


def test_invalid_rules_folder_is_reported(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", CHANGCHUN, "--rules", str(tmp_path)])
    assert result.exit_code == 2
    assert "E201" in result.output and "markup.yaml" in result.output
