"""``policyparse info``: a metadata table for one or many documents."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from ._common import EXIT_ERROR, RULES_OPTION, load_rules_or_fail

if TYPE_CHECKING:
    from ..schema import PolicyDocument

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


def _describe(document: PolicyDocument) -> list[tuple[str, str]]:
    meta = document.document
    place = meta.jurisdiction
    named = place.county or place.city or place.province
    where = named or ("unnamed (template)" if place.placeholder else "unnamed")
    rows = [
        ("title", meta.title or "—"),
        ("notice", meta.notice_title or "—"),
        ("type", (meta.doc_type or "—") + (" (draft)" if meta.draft else "")),
        ("issuers", "、".join(meta.issuers) or "—"),
        ("number", meta.doc_number or "—"),
        ("issued", meta.issued or "—"),
        ("place", f"{where} ({place.level})" if place.level else "—"),
        ("period", f"{meta.period.start}–{meta.period.end}" if meta.period else "—"),
        ("sections", str(len(document.sections))),
        ("encoding", meta.encoding),
    ]
    rows.extend(("warning", warning) for warning in meta.warnings)
    return rows


def info_cli(
    inputs: list[str] = typer.Argument(..., help="Files or folders (searched recursively)."),
    rules_dir: Path | None = RULES_OPTION,
) -> None:
    """Print title, type, issuers, number, date, place and period of each document."""
    from ..errors import InputError
    from ..ingest import read_source
    from ..pipeline import parse_source

    rules = load_rules_or_fail(rules_dir)
    failures = 0
    for path in _expand(inputs):
        try:
            document = parse_source(read_source(path), rules=rules)
        except InputError as e:
            typer.echo(f"policyparse: error: {e}", err=True)
            failures += 1
            continue
        typer.secho(document.document.id, bold=True)
        for name, value in _describe(document):
            typer.echo(f"  {name:<9} {value}")
    if failures:
        raise typer.Exit(code=EXIT_ERROR)
