"""``policyparse compare``: the same indicators side by side across documents."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from ._common import RULES_OPTION, fail, load_rules_or_fail

if TYPE_CHECKING:
    from ..compare import DataFrame

EXIT_SOME_FAILED = 1
# characters of a quote or a key shown in the terminal table
MAX_SHOWN_CHARS = 40


def compare_cli(
    inputs: list[str] = typer.Argument(
        ..., help="Files, folders (searched recursively) or glob patterns."
    ),
    output: Path | None = typer.Option(
        None,
        "-o",
        "--output",
        help="Write the table to OUT.csv, OUT.parquet or OUT.xlsx instead of the terminal.",
    ),
    wide: bool = typer.Option(
        False, "--wide", help="One row per indicator, one column per document."
    ),
    force: bool = typer.Option(False, "--force", help="Overwrite OUTPUT if it exists."),
    rules_dir: Path | None = RULES_OPTION,
) -> None:
    """Compare the commitments of many documents, indicator by indicator.

    Exit status: 0 when every document was read, 1 when some could not be (each
    reported on standard error, the others compared), 2 on a usage error.
    """
    from ..compare import (
        CompareError,
        compare_table,
        read_documents,
        table_format,
        wide_table,
        write_table,
    )
    from ..errors import Errors

    if output is not None:
        try:
            table_format(output)
        except CompareError as e:
            fail(str(e))
        if output.exists() and not force:
            fail(Errors.E301.format(path=output))
    rules = load_rules_or_fail(rules_dir)
    documents, failures = read_documents(inputs, rules=rules)
    for failure in failures:
        typer.echo(f"policyparse: failed: {failure.path}: {failure.reason}", err=True)
    if not documents:
        if not failures:
            fail(f"no documents found in {' '.join(inputs)}")
        raise typer.Exit(code=EXIT_SOME_FAILED)
    table = compare_table(documents)
    shown = wide_table(table) if wide else table
    if output is None:
        _print(shown, wide=wide)
    else:
        try:
            write_table(shown, output, force=force)
        except CompareError as e:
            fail(str(e))
        except OSError as e:
            fail(f"{output}: cannot write: {e.strerror or e}")
        typer.echo(
            f"{len(documents)} documents, {len(table)} commitments, {len(failures)} failed",
            err=True,
        )
        typer.echo(f"wrote {output}", err=True)
    if failures:
        raise typer.Exit(code=EXIT_SOME_FAILED)


def _short(text: Any, limit: int = MAX_SHOWN_CHARS) -> str:
    if text is None or text != text:  # None, NaN, pandas.NA
        return ""
    shown = " ".join(str(text).split())
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def _print(df: DataFrame, *, wide: bool) -> None:
    from rich.console import Console
    from rich.table import Table

    from ..compare import WIDE_LABEL, format_cell

    table = Table(show_lines=False, header_style="bold")
    if wide:
        columns = list(df.columns)
        for name in columns:
            table.add_column(name, overflow="fold")
        for record in df.to_dict("records"):
            cells = (_short(record[name], 10_000) for name in columns[1:])
            table.add_row(_short(record[WIDE_LABEL]), *cells)
        table.title = f"{len(df)} {WIDE_LABEL}s × {len(columns) - 1} documents"
    else:
        table.add_column("indicator / metric", overflow="fold", ratio=3)
        table.add_column("n", justify="right")
        table.add_column("document", overflow="ellipsis", no_wrap=True, max_width=16)
        table.add_column("place", no_wrap=True)
        table.add_column("value", no_wrap=True)
        table.add_column("quote", overflow="fold", ratio=3)
        for record in df.to_dict("records"):
            table.add_row(
                _short(record["key"], 24),
                str(record["n"]),
                _short(record["document"]),
                _short(record["jurisdiction"], 8),
                format_cell(record),
                _short(record["quote"], 30),
            )
        table.title = f"{len(df)} commitments"
    Console().print(table)
