"""Worker processes and a Dask cluster give the same output, in the same order."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from policyparse.batch import run_batch
from policyparse.cli import app

runner = CliRunner()


@pytest.mark.slow
def test_two_workers_give_the_same_output_as_one(docs_with_bad_files: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    first = run_batch([str(docs_with_bad_files)], one, workers=1)
    second = run_batch([str(docs_with_bad_files)], two, workers=2)
    assert one.read_bytes() == two.read_bytes()
    assert Path(f"{one}.errors.jsonl").read_bytes() == Path(f"{two}.errors.jsonl").read_bytes()
    assert (first.documents, first.commitments, first.failures) == (
        second.documents,
        second.commitments,
        second.failures,
    )


@pytest.mark.slow
def test_the_dask_engine_gives_the_same_output(docs_with_bad_files: Path, tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    local, out = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    run_batch([str(docs_with_bad_files)], local, workers=1)
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster:
        command = ["batch", str(docs_with_bad_files), "-o", str(out), "--engine", "dask"]
        result = runner.invoke(app, [*command, "--scheduler", cluster.scheduler_address])
    assert result.exit_code == 1, result.output
    assert "7 documents, " in result.output and ", 2 failed, " in result.output
    assert out.read_bytes() == local.read_bytes()
    assert Path(f"{out}.errors.jsonl").read_bytes() == Path(f"{local}.errors.jsonl").read_bytes()


@pytest.mark.slow
def test_the_command_in_its_own_process_with_two_workers(
    docs_with_bad_files: Path, tmp_path: Path
) -> None:
    # a process of its own has a single thread, so its workers are forked (the
    # test process has other threads and spawns them)
    local, out = tmp_path / "local.jsonl", tmp_path / "forked.jsonl"
    run_batch([str(docs_with_bad_files)], local, workers=1)
    command = [sys.executable, "-m", "policyparse", "batch", str(docs_with_bad_files)]
    result = subprocess.run([*command, "-o", str(out), "-w", "2"], capture_output=True, text=True)
    assert result.returncode == 1, result.stderr
    assert result.stdout == ""
    assert "7 documents, " in result.stderr and "Traceback" not in result.stderr
    assert out.read_bytes() == local.read_bytes()
