"""``policyparse schema``: the JSON Schema of the document object."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from ._common import echo_json, write_text


def schema_cli(
    output: Path | None = typer.Option(
        None, "-o", "--output", help="Write the JSON Schema here instead of standard output."
    ),
    force: bool = typer.Option(False, "--force", help="Overwrite OUTPUT if it exists."),
) -> None:
    """Print the JSON Schema of the document object (one line of the feed)."""
    from ..schema import json_schema

    text = json.dumps(json_schema(), ensure_ascii=False, indent=2)
    if output is None or str(output) == "-":
        echo_json(text)
    else:
        write_text(output, text + "\n", force=force)
        typer.echo(f"wrote {output}", err=True)
