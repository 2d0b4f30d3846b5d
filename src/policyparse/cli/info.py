"""``policyparse info``: a metadata table for one or many documents."""

from __future__ import annotations

from pathlib import Path

import typer

from ._common import EXIT_ERROR, RULES_OPTION, load_rules_or_fail

SUFFIXES = (".txt", ".text", ".md", ".docx", ".html", ".htm", ".pdf")


def _expand(inputs: list[str]) -> list[str]:
    paths: list[str] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            paths.extend(
                str(p)
                for p in sorted(path.rglob("*"))
                if p.is_file() and p.suffix.lower() in SUFFIXES
            )
        else:
            paths.append(item)
    return paths


def info_cli(
    inputs: list[str] = typer.Argument(..., help="Files or folders (searched recursively)."),
    rules_dir: Path | None = RULES_OPTION,
) -> None:
    """Print title, type, issuers, number, date, place and period of each document."""
    from rich.console import Console
    from rich.table import Table

    from ..errors import InputError
    from ..ingest import read_source
    from ..pipeline import parse_source

    rules = load_rules_or_fail(rules_dir)
    table = Table(show_lines=False, header_style="bold")
    for column in (
        "document",
        "title",
        "type",
        "issuers",
        "number",
        "issued",
        "place",
        "period",
        "sections",
    ):
        table.add_column(column, overflow="fold")
    failures: list[str] = []
    for path in _expand(inputs):
        try:
            document = parse_source(read_source(path), rules=rules)
        except InputError as e:
            failures.append(str(e))
            continue
        meta = document.document
        place = meta.jurisdiction
        named = place.county or place.city or place.province
        place_text = (named or ("xx (template)" if place.placeholder else "")) + (
            f" [{place.level}]" if place.level else ""
        )
        period = f"{meta.period.start}–{meta.period.end}" if meta.period else ""
        issuers = "、".join(meta.issuers[:3]) + (
            f" +{len(meta.issuers) - 3}" if len(meta.issuers) > 3 else ""
        )
        doc_type = (meta.doc_type or "") + (" (draft)" if meta.draft else "")
        table.add_row(
            meta.id,
            meta.title or "",
            doc_type,
            issuers,
            meta.doc_number or "",
            meta.issued or "",
            place_text,
            period,
            str(len(document.sections)),
        )
    console = Console(highlight=False)
    console.print(table)
    for failure in failures:
        typer.echo(f"policyparse: error: {failure}", err=True)
    if failures:
        raise typer.Exit(code=EXIT_ERROR)
