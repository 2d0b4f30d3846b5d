"""``policyparse extract``: the document object as JSON."""

from __future__ import annotations

from pathlib import Path

import typer

from ._common import RULES_OPTION, echo_json, load_rules_or_fail, parse_or_fail, write_text


def extract_cli(
    file: str = typer.Argument(..., help="A .txt, .docx, .html or .pdf file, or - for stdin."),
    output: Path | None = typer.Option(
        None, "-o", "--output", help="Write the JSON here instead of standard output."
    ),
    force: bool = typer.Option(False, "--force", help="Overwrite OUTPUT if it exists."),
    sentences: bool = typer.Option(False, "--sentences", help="Also list sentences and clauses."),
    compact: bool = typer.Option(False, "--compact", help="One line of JSON, no indentation."),
    rules_dir: Path | None = RULES_OPTION,
) -> None:
    """Print the document object (metadata, sections, commitments) as JSON."""
    rules = load_rules_or_fail(rules_dir)
    document = parse_or_fail(file, rules=rules, include_sentences=sentences)
    text = document.model_dump_json(indent=None if compact else 2, exclude_none=False)
    if output is None or str(output) == "-":
        echo_json(text)
    else:
        write_text(output, text + "\n", force=force)
        typer.echo(f"wrote {output}", err=True)
