"""Atomic output and ``--resume``: an interrupted run continues and ends as an uninterrupted one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from policyparse import batch
from policyparse.batch import BatchError, Outcome, Task, run_batch
from policyparse.cli import app

runner = CliRunner()
PROCESS_DOCUMENT = batch.process_document


def _interrupt_after(count: int, parsed: list[str]) -> Callable[[Task], Outcome]:
    """A process_document that is interrupted (Ctrl-C) after ``count`` documents."""

    def process(task: Task) -> Outcome:
        if len(parsed) == count:
            raise KeyboardInterrupt
        parsed.append(task.path)
        return PROCESS_DOCUMENT(task)

    return process


def _counting(parsed: list[str]) -> Callable[[Task], Outcome]:
    def process(task: Task) -> Outcome:
        parsed.append(task.path)
        return PROCESS_DOCUMENT(task)

    return process


def _checkpoint(out: Path) -> Path:
    return out.with_name(out.name + ".partial.jsonl")


def test_an_interrupted_run_keeps_the_previous_output_and_resumes_identically(
    reference_feed: tuple[Path, bytes], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, expected = reference_feed
    out = tmp_path / "feed.jsonl"
    out.write_text("previous\n", encoding="utf-8")
    first: list[str] = []
    monkeypatch.setattr(batch, "process_document", _interrupt_after(2, first))
    with pytest.raises(KeyboardInterrupt):
        run_batch([str(folder)], out, workers=1, force=True)
    assert out.read_text("utf-8") == "previous\n"
    assert len(_checkpoint(out).read_text("utf-8").splitlines()) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name, _checkpoint(out).name]

    second: list[str] = []
    monkeypatch.setattr(batch, "process_document", _counting(second))
    summary = run_batch([str(folder)], out, workers=1, resume=True)
    assert second == sorted(str(p) for p in folder.iterdir())[2:]
    assert summary.resumed == 2 and summary.documents == 7
    assert out.read_bytes() == expected
    assert not _checkpoint(out).exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]


def test_a_rerun_without_resume_or_force_is_refused(
    reference_feed: tuple[Path, bytes], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, _ = reference_feed
    out = tmp_path / "feed.jsonl"
    monkeypatch.setattr(batch, "process_document", _interrupt_after(3, []))
    with pytest.raises(KeyboardInterrupt):
        run_batch([str(folder)], out, workers=1)
    assert not out.exists()
    with pytest.raises(BatchError, match="holds an interrupted run; pass --resume"):
        run_batch([str(folder)], out, workers=1)
    parsed: list[str] = []
    monkeypatch.setattr(batch, "process_document", _counting(parsed))
    run_batch([str(folder)], out, workers=1, force=True)
    assert len(parsed) == 7 and not _checkpoint(out).exists()


def test_the_command_line_says_how_to_resume(
    reference_feed: tuple[Path, bytes], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, expected = reference_feed
    out = tmp_path / "feed.jsonl"
    monkeypatch.setattr(batch, "process_document", _interrupt_after(4, []))
    result = runner.invoke(app, ["batch", str(folder), "-o", str(out), "-w", "1"])
    assert result.exit_code == 130
    assert (
        f"the documents done are kept in {out}.partial.jsonl: run again with --resume"
        in result.output
    )
    assert not out.exists()

    parsed: list[str] = []
    monkeypatch.setattr(batch, "process_document", _counting(parsed))
    resumed = runner.invoke(app, ["batch", str(folder), "-o", str(out), "-w", "1", "--resume"])
    assert resumed.exit_code == 0, resumed.output
    assert len(parsed) == 3
    assert "7 documents (4 from the checkpoint), " in resumed.output
    assert out.read_bytes() == expected


def test_a_torn_last_line_is_parsed_again(
    reference_feed: tuple[Path, bytes], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, expected = reference_feed
    out = tmp_path / "feed.jsonl"
    monkeypatch.setattr(batch, "process_document", _interrupt_after(3, []))
    with pytest.raises(KeyboardInterrupt):
        run_batch([str(folder)], out, workers=1)
    checkpoint = _checkpoint(out)
    lines = checkpoint.read_bytes().splitlines(keepends=True)
    checkpoint.write_bytes(b"".join(lines[:2]) + lines[2][: len(lines[2]) // 2])  # killed mid-write
    parsed: list[str] = []
    monkeypatch.setattr(batch, "process_document", _counting(parsed))
    summary = run_batch([str(folder)], out, workers=1, resume=True)
    assert summary.resumed == 2 and len(parsed) == 5
    assert out.read_bytes() == expected


def test_a_document_changed_since_the_interruption_is_parsed_again(
    docs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "feed.jsonl"
    monkeypatch.setattr(batch, "process_document", _interrupt_after(3, []))
    with pytest.raises(KeyboardInterrupt):
        run_batch([str(docs)], out, workers=1)
    first = sorted(docs.iterdir())[0]
    first.write_text(first.read_text("utf-8") + "\n到2030年，覆盖率达到99%。\n", encoding="utf-8")
    parsed: list[str] = []
    monkeypatch.setattr(batch, "process_document", _counting(parsed))
    run_batch([str(docs)], out, workers=1, resume=True)
    assert parsed == [str(first), *(str(p) for p in sorted(docs.iterdir())[3:])]
    reference = tmp_path / "reference.jsonl"
    run_batch([str(docs)], reference, workers=1)
    assert out.read_bytes() == reference.read_bytes()


def test_resume_completes_a_table_as_well(
    docs_with_bad_files: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reference = tmp_path / "reference.parquet"
    run_batch([str(docs_with_bad_files)], reference, workers=1)
    out = tmp_path / "commitments.parquet"
    monkeypatch.setattr(batch, "process_document", _interrupt_after(5, []))
    with pytest.raises(KeyboardInterrupt):
        run_batch([str(docs_with_bad_files)], out, workers=1)
    monkeypatch.setattr(batch, "process_document", PROCESS_DOCUMENT)
    summary = run_batch([str(docs_with_bad_files)], out, workers=1, resume=True)
    assert summary.documents == 7 and len(summary.failures) == 2
    assert out.read_bytes() == reference.read_bytes()
    errors = Path(f"{out}.errors.jsonl").read_bytes()
    assert errors == Path(f"{reference}.errors.jsonl").read_bytes()


def test_resume_without_a_checkpoint_runs_everything(
    reference_feed: tuple[Path, bytes], tmp_path: Path
) -> None:
    folder, expected = reference_feed
    out = tmp_path / "feed.jsonl"
    out.write_text("an older run\n", encoding="utf-8")
    summary = run_batch([str(folder)], out, workers=1, resume=True)
    assert summary.resumed == 0 and out.read_bytes() == expected


def test_two_batches_cannot_write_the_same_output(docs: Path, tmp_path: Path) -> None:
    fcntl = pytest.importorskip("fcntl")
    out = tmp_path / "feed.jsonl"
    checkpoint = _checkpoint(out)
    with checkpoint.open("ab") as held:
        held.write(b"a line of the other batch\n")
        held.flush()
        fcntl.flock(held.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        with pytest.raises(BatchError, match="another batch is writing"):
            run_batch([str(docs)], out, workers=1, force=True)
    assert checkpoint.read_bytes() == b"a line of the other batch\n"
    assert not out.exists()
