"""The README's `policyparse diff` examples produce the output they show."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from policyparse.cli import app

ROOT = Path(__file__).resolve().parents[2]
DOC = (ROOT / "README.md").read_text(encoding="utf-8")
TEMPLATE = "corpus/docs/xxcity-2024-expand-quality-plan.txt"
COPY = "/tmp/xxcity-2024-filled.txt"


def _runs(language: str) -> list[tuple[str, str]]:
    runs = []
    for block in re.findall(rf"```{language}\n(.*?)```", DOC, flags=re.DOTALL):
        for run in re.split(r"^\$ ", block, flags=re.MULTILINE)[1:]:
            command, _, output = run.partition("\n")
            if command.startswith("policyparse diff "):
                runs.append((command, output))
    return runs


def _lines(text: str) -> list[str]:
    return [line.rstrip() for line in text.splitlines()]


@pytest.mark.parametrize(("command", "expected"), _runs("console"))
def test_console_example(command: str, expected: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(app, shlex.split(command)[1:], env={"COLUMNS": "100"})
    assert _lines(result.output) == _lines(expected)


def test_the_modified_copy_example(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Redo the sed edits of the example in Python and compare the whole output."""
    (command, expected), *_ = _runs("text")
    edits = re.findall(r"-e 's/([^/]+)/([^/]+)/'", DOC)
    assert len(edits) == 6
    text = (ROOT / TEMPLATE).read_bytes().decode("utf-8")
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    copy = tmp_path / "xxcity-2024-filled.txt"
    copy.write_bytes(text.encode("utf-8"))
    monkeypatch.chdir(ROOT)
    args = [str(copy) if a == COPY else a for a in shlex.split(command)[1:]]
    result = CliRunner().invoke(app, args, env={"COLUMNS": "100"})
    assert result.exit_code == 1
    assert _lines(result.output) == _lines(expected.replace(COPY, str(copy)))
