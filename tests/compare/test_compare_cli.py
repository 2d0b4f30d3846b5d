"""policyparse compare, as a user runs it: inputs, failures, outputs, exit codes."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
from tests.conftest import CORPUS, CORPUS_DOCS
from typer.testing import CliRunner

from policyparse.cli import app
from policyparse.compare import read_table

runner = CliRunner()
DOCS = CORPUS / "docs"
CHANGCHUN = str(DOCS / "changchun-2018-quality-plan.txt")
XXCITY = str(DOCS / "xxcity-2021-reform-pilot-ocr.txt")


@pytest.fixture(scope="module")
def corpus_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The corpus documents and, next to them, an empty file and a binary one."""
    folder = tmp_path_factory.mktemp("docs")
    for path in CORPUS_DOCS:
        shutil.copy(path, folder / path.name)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "scan.txt").write_bytes(bytes(range(256)) * 8)
    return folder


def test_terminal_table() -> None:
    result = runner.invoke(app, ["compare", CHANGCHUN, XXCITY])
    assert result.exit_code == 0, result.output
    assert "23 commitments" in result.stdout
    assert "≥80% by 2020" in result.stdout
    assert "=300000个 by 2025" in result.stdout
    assert not result.stderr


def test_terminal_wide_table() -> None:
    result = runner.invoke(app, ["compare", CHANGCHUN, XXCITY, "--wide"])
    assert result.exit_code == 0, result.output
    assert re.search(r"\d+ labels × 2 documents", result.stdout)
    assert "≥95% by 2020;" in result.stdout
    assert "=300000个 by 2025" in result.stdout


def test_long_quotes_are_truncated_in_the_terminal() -> None:
    result = runner.invoke(app, ["compare", CHANGCHUN])
    assert result.exit_code == 0, result.output
    assert "…" in result.stdout
    assert "到2020年，基本形成以立德树人为根本任务" not in result.stdout.replace("\n", "")


def test_folder_to_csv(tmp_path: Path) -> None:
    out = tmp_path / "table.csv"
    result = runner.invoke(app, ["compare", str(DOCS), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "7 documents, 161 commitments, 0 failed" in result.stderr
    assert f"wrote {out}" in result.stderr
    table = read_table(out)
    assert len(table) == 161
    assert table["document"].nunique() == len(CORPUS_DOCS)


@pytest.mark.parametrize("suffix", [".parquet", ".xlsx"])
def test_wide_to_file(tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"wide{suffix}"
    result = runner.invoke(app, ["compare", CHANGCHUN, XXCITY, "--wide", "-o", str(out)])
    assert result.exit_code == 0, result.output
    wide = read_table(out).set_index("label")
    assert list(wide.columns) == ["changchun-2018-quality-plan", "xxcity-2021-reform-pilot-ocr"]
    assert "≥80% by 2020" in wide["changchun-2018-quality-plan"].dropna().tolist()
    assert "=300000个 by 2025" in wide["xxcity-2021-reform-pilot-ocr"].dropna().tolist()


def test_bad_files_are_reported_and_the_others_written(corpus_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "table.parquet"
    result = runner.invoke(app, ["compare", str(corpus_copy), "-o", str(out)])
    assert result.exit_code == 1, result.output
    errors = result.stderr.splitlines()
    assert f"policyparse: failed: {corpus_copy / 'empty.txt'}: [E103] the file is empty" in errors
    assert (
        f"policyparse: failed: {corpus_copy / 'scan.txt'}: "
        "[E104] looks like a binary file, not a document"
    ) in errors
    assert "7 documents, 161 commitments, 2 failed" in result.stderr
    assert "Traceback" not in result.output
    assert len(pd.read_parquet(out)) == 161


def test_a_missing_file_among_the_inputs(tmp_path: Path) -> None:
    missing = str(tmp_path / "missing.txt")
    result = runner.invoke(app, ["compare", missing, CHANGCHUN])
    assert result.exit_code == 1
    assert f"policyparse: failed: {missing}: [E101] no such file or directory" in result.stderr
    assert "9 commitments" in result.stdout


def test_only_bad_files(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    out = tmp_path / "t.csv"
    result = runner.invoke(app, ["compare", str(tmp_path / "empty.txt"), "-o", str(out)])
    assert result.exit_code == 1
    assert "[E103]" in result.stderr
    assert not out.exists()


def test_refuses_to_overwrite(tmp_path: Path) -> None:
    out = tmp_path / "table.xlsx"
    out.write_bytes(b"keep")
    result = runner.invoke(app, ["compare", CHANGCHUN, "-o", str(out)])
    assert result.exit_code == 2
    assert (
        result.stderr == f"policyparse: error: [E301] {out} exists; pass --force to overwrite it\n"
    )
    assert out.read_bytes() == b"keep"
    result = runner.invoke(app, ["compare", CHANGCHUN, "-o", str(out), "--force"])
    assert result.exit_code == 0, result.output
    assert len(read_table(out)) == 9


def test_unknown_suffix(tmp_path: Path) -> None:
    out = tmp_path / "table.json"
    result = runner.invoke(app, ["compare", CHANGCHUN, "-o", str(out)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"policyparse: error: {out}: the output must end in .csv, .parquet or .xlsx\n"
    )
    assert not out.exists()


def test_no_documents_in_a_folder(tmp_path: Path) -> None:
    result = runner.invoke(app, ["compare", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr.startswith("policyparse: error: no documents found in ")
