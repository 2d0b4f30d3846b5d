"""One bad document never stops the batch; exit status 0, 1 (some failed), 2 (usage)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from policyparse.batch import BatchError, Failure, handle_error, run_batch
from policyparse.cli import app
from policyparse.errors import Errors, InputError
from policyparse.schema import PolicyDocument

runner = CliRunner()


def _ids(out: Path) -> list[str]:
    lines = out.read_text("utf-8").splitlines()
    return [PolicyDocument.model_validate_json(line).document.id for line in lines]


def test_bad_files_are_recorded_and_the_others_written(
    docs_with_bad_files: Path, tmp_path: Path
) -> None:
    out = tmp_path / "feed.jsonl"
    result = runner.invoke(app, ["batch", str(docs_with_bad_files), "-o", str(out), "-w", "1"])
    assert result.exit_code == 1, result.output
    assert len(_ids(out)) == 7
    empty, binary = (
        str(docs_with_bad_files / "d-empty.txt"),
        str(docs_with_bad_files / "p-binary.txt"),
    )
    errors = [
        json.loads(line) for line in Path(f"{out}.errors.jsonl").read_text("utf-8").splitlines()
    ]
    assert errors == [
        {"path": empty, "reason": Errors.E103},
        {"path": binary, "reason": Errors.E104},
    ]
    assert f"policyparse: failed: {empty}: [E103] the file is empty" in result.output
    assert f"policyparse: failed: {binary}: [E104]" in result.output
    assert "7 documents, " in result.output and ", 2 failed, in " in result.output
    assert f"failures listed in {out}.errors.jsonl" in result.output
    assert "Traceback" not in result.output


def test_the_summary_lists_the_failures_in_input_order(
    docs_with_bad_files: Path, tmp_path: Path
) -> None:
    summary = run_batch([str(docs_with_bad_files)], tmp_path / "feed.jsonl", workers=1)
    assert [Path(f.path).name for f in summary.failures] == ["d-empty.txt", "p-binary.txt"]
    assert summary.documents == 7 and summary.total == 9 and summary.exit_code == 1
    assert summary.errors_file == f"{tmp_path / 'feed.jsonl'}.errors.jsonl"


def test_a_parser_exception_is_a_failure(
    docs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from policyparse import pipeline

    parse_source = pipeline.parse_source

    def crash_on_qingdao(source: object, **kwargs: object) -> PolicyDocument:
        if "qingdao" in str(getattr(source, "source", "")):
            raise RuntimeError("boom\nin two lines")
        return parse_source(source, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "parse_source", crash_on_qingdao)
    summary = run_batch([str(docs)], tmp_path / "feed.jsonl", workers=1)
    qingdao = str(docs / "qingdao-2016-arts-education.txt")
    assert summary.failures == (Failure(qingdao, "RuntimeError: boom in two lines"),)
    assert "qingdao-2016-arts-education" not in _ids(tmp_path / "feed.jsonl")
    assert len(_ids(tmp_path / "feed.jsonl")) == 6


def test_a_missing_file_is_a_failure(docs: Path, tmp_path: Path) -> None:
    missing = str(tmp_path / "missing.txt")
    summary = run_batch([str(docs), missing], tmp_path / "feed.jsonl", workers=1)
    assert summary.failures == (Failure(missing, Errors.E101),)


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (InputError("a.txt", Errors.E103), "[E103] the file is empty"),
        (ValueError("bad\n  value"), "ValueError: bad value"),
        (KeyError("span"), "KeyError: 'span'"),
        (RuntimeError(), "RuntimeError"),
        (ValueError("x" * 1000), "ValueError: " + "x" * 287 + "…"),
    ],
    ids=["input-error", "two-lines", "key-error", "no-message", "long"],
)
def test_handle_error_gives_one_line(error: Exception, reason: str) -> None:
    assert handle_error("a.txt", error) == Failure("a.txt", reason)


def test_an_existing_output_is_not_overwritten_without_force(docs: Path, tmp_path: Path) -> None:
    out = tmp_path / "feed.jsonl"
    out.write_text("precious\n", encoding="utf-8")
    refused = runner.invoke(app, ["batch", str(docs), "-o", str(out), "-w", "1"])
    assert refused.exit_code == 2
    assert (
        refused.output == f"policyparse: error: [E301] {out} exists; pass --force to overwrite it\n"
    )
    assert out.read_text("utf-8") == "precious\n"
    forced = runner.invoke(app, ["batch", str(docs), "-o", str(out), "-w", "1", "--force", "-q"])
    assert forced.exit_code == 0 and forced.output == ""
    assert len(_ids(out)) == 7


def test_a_stale_errors_file_is_removed_when_all_succeed(
    docs_with_bad_files: Path, tmp_path: Path
) -> None:
    out = tmp_path / "feed.jsonl"
    assert run_batch([str(docs_with_bad_files)], out, workers=1).exit_code == 1
    assert Path(f"{out}.errors.jsonl").exists()
    for name in ("d-empty.txt", "p-binary.txt"):
        (docs_with_bad_files / name).unlink()
    assert run_batch([str(docs_with_bad_files)], out, workers=1, force=True).exit_code == 0
    assert not Path(f"{out}.errors.jsonl").exists()


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["-o", "out.txt"], "the output must end in .jsonl, .csv or .parquet"),
        (
            ["-o", "out.jsonl", "--scheduler", "tcp://scheduler:8786"],
            "--scheduler needs --engine dask",
        ),
        (["-o", "out.jsonl", "--engine", "dask"], "--engine dask needs --scheduler ADDRESS"),
        (["-o", "-", "--resume"], "--resume needs an output file, not -"),
    ],
    ids=["suffix", "scheduler-without-dask", "dask-without-scheduler", "resume-to-stdout"],
)
def test_usage_errors_exit_2(
    docs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, options: list[str], message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["batch", str(docs), *options])
    assert result.exit_code == 2
    assert result.output.startswith("policyparse: error: ") and message in result.output
    assert list(tmp_path.iterdir()) == [docs]


def test_an_empty_folder_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    result = runner.invoke(app, ["batch", str(tmp_path / "in"), "-o", str(tmp_path / "o.jsonl")])
    assert result.exit_code == 2 and "no documents found in" in result.output


def test_workers_must_be_positive(docs: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["batch", str(docs), "-o", str(tmp_path / "o.jsonl"), "-w", "0"])
    assert result.exit_code == 2
    with pytest.raises(BatchError, match="at least 1"):
        run_batch([str(docs)], tmp_path / "o.jsonl", workers=0)
