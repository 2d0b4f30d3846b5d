"""The README's command examples produce the output it shows."""

from __future__ import annotations

import re
import shlex

import pytest
from typer.testing import CliRunner

from policyparse.cli import app
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCK = re.compile(r"```console\n(.*?)```", re.DOTALL)


def examples() -> list[tuple[str, str]]:
    """(command, expected output) for each `$ policyparse …` run the README shows in full."""
    found = []
    for block in BLOCK.findall(README):
        runs = re.split(r"^\$ ", block, flags=re.MULTILINE)[1:]
        for run in runs:
            command, _, output = run.partition("\n")
            if not command.startswith("policyparse ") or "|" in command or " -o " in command:
                continue
            found.append((command, output))
    return found


EXAMPLES = examples()


def test_the_readme_has_examples_to_check() -> None:
    commands = [c.split()[1] for c, _ in EXAMPLES]
    assert {"info", "sections", "extract"} <= set(commands)


@pytest.mark.parametrize(("command", "expected"), EXAMPLES, ids=[c for c, _ in EXAMPLES])
def test_readme_example(command: str, expected: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(app, shlex.split(command)[1:], env={"COLUMNS": "100"})
    got = [line.rstrip() for line in result.output.splitlines()]
    assert got == [line.rstrip() for line in expected.splitlines()]
