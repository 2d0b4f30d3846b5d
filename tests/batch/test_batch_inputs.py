"""Inputs: files, folders (recursive), globs, and ``-`` for standard input."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import CORPUS_DOCS
from typer.testing import CliRunner

from policyparse.batch import expand_inputs, run_batch
from policyparse.cli import app
from policyparse.schema import PolicyDocument

runner = CliRunner()


def _tree(root: Path) -> Path:
    """Three documents two folders deep, next to files that are not documents."""
    (root / "a" / "b").mkdir(parents=True)
    shutil.copy(CORPUS_DOCS[1], root / "a" / "b" / "changchun.txt")
    shutil.copy(CORPUS_DOCS[4], root / "a" / "qingdao.txt")
    shutil.copy(CORPUS_DOCS[0], root / "baotou.TXT")
    (root / "a" / "notes.csv").write_text("x,y\n", encoding="utf-8")
    (root / "a" / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    return root


def test_folders_are_searched_recursively_for_documents(tmp_path: Path) -> None:
    root = _tree(tmp_path / "in")
    assert expand_inputs([str(root)]) == [
        str(root / "a" / "b" / "changchun.txt"),
        str(root / "a" / "qingdao.txt"),
        str(root / "baotou.TXT"),
    ]


def test_globs_files_and_folders_are_merged_sorted_once(tmp_path: Path) -> None:
    root = _tree(tmp_path / "in")
    found = expand_inputs(
        [str(root / "**" / "*.txt"), str(root / "a" / "qingdao.txt"), str(root / "a")]
    )
    assert found == [str(root / "a" / "b" / "changchun.txt"), str(root / "a" / "qingdao.txt")]
    assert expand_inputs([str(root / "a" / "*.csv")]) == [str(root / "a" / "notes.csv")]


def test_a_glob_that_matches_nothing_is_reported(tmp_path: Path) -> None:
    pattern = str(tmp_path / "*.txt")
    summary = run_batch([pattern, str(CORPUS_DOCS[1])], tmp_path / "o.jsonl", workers=1)
    assert summary.documents == 1
    assert [(f.path, f.reason[:6]) for f in summary.failures] == [(pattern, "[E101]")]


def test_a_recursive_glob_through_the_command_line(tmp_path: Path) -> None:
    root = _tree(tmp_path / "in")
    out = tmp_path / "feed.jsonl"
    result = runner.invoke(app, ["batch", str(root / "**" / "*.txt"), "-o", str(out), "-w", "1"])
    assert result.exit_code == 0, result.output
    lines = out.read_text("utf-8").splitlines()
    ids = [PolicyDocument.model_validate_json(line).document.id for line in lines]
    assert ids == ["changchun", "qingdao"]


def test_standard_input_to_standard_output() -> None:
    text = CORPUS_DOCS[1].read_bytes()
    result = runner.invoke(app, ["batch", "-", "-o", "-", "-q"], input=text)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    document = PolicyDocument.model_validate_json(lines[0])
    assert document.document.source == "-" and document.document.id == "-"
    assert document.document.title == "长春市基础教育质量提升工程实施方案（2018—2020年）"
    extracted = runner.invoke(app, ["extract", "-", "--compact"], input=text)
    assert extracted.stdout == result.stdout


def test_standard_input_that_is_empty_fails_with_exit_1() -> None:
    result = runner.invoke(app, ["batch", "-", "-o", "-"], input=b"")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "policyparse: failed: -: [E103] the file is empty" in result.output


def test_standard_input_into_a_file(tmp_path: Path) -> None:
    out = tmp_path / "feed.jsonl"
    result = runner.invoke(
        app,
        ["batch", "-", str(CORPUS_DOCS[4]), "-o", str(out), "-q"],
        input=CORPUS_DOCS[1].read_bytes(),
    )
    assert result.exit_code == 0, result.output
    ids = [
        PolicyDocument.model_validate_json(x).document.id
        for x in out.read_text("utf-8").splitlines()
    ]
    assert ids == ["-", CORPUS_DOCS[4].stem]
