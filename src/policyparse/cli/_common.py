"""Options and helpers shared by the commands."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import typer

if TYPE_CHECKING:
    from ..ruleset import RuleSet
    from ..schema import PolicyDocument

EXIT_ERROR = 2

RULES_OPTION = typer.Option(
    None,
    "--rules",
    help="A rules folder to use instead of the packaged rules/.",
    file_okay=False,
    dir_okay=True,
)


def version_callback(value: bool) -> None:
    if value:
        from .. import __version__

        typer.echo(f"policyparse {__version__}")
        raise typer.Exit()


def fail(message: str) -> NoReturn:
    """Print one line to standard error and stop with the error status."""
    typer.echo(f"policyparse: error: {message}", err=True)
    raise typer.Exit(code=EXIT_ERROR)


def load_rules_or_fail(rules_dir: Path | None) -> RuleSet:
    from ..errors import RuleFileError
    from ..ruleset import load_rules

    try:
        return load_rules(rules_dir)
    except RuleFileError as e:
        fail(str(e))


def parse_or_fail(path: str, *, rules: RuleSet, include_sentences: bool = False) -> PolicyDocument:
    """Read and parse one document; an unreadable file stops with one line."""
    from ..errors import InputError
    from ..ingest import read_source
    from ..pipeline import parse_source

    try:
        source = read_source(path)
    except InputError as e:
        fail(str(e))
    return parse_source(source, rules=rules, include_sentences=include_sentences)


def write_text(output: Path, text: str, *, force: bool) -> None:
    """Write a file, refusing to replace an existing one unless ``force``."""
    from ..errors import Errors

    if output.exists() and not force:
        fail(Errors.E301.format(path=output))
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        tmp = output.with_name(f".{output.name}.tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(output)
    except OSError as e:
        fail(f"{output}: cannot write: {e.strerror}")


def counted(number: int, noun: str) -> str:
    """``1 document``, ``2 documents``."""
    return f"{number} {noun}" + ("" if number == 1 else "s")


def echo_json(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
