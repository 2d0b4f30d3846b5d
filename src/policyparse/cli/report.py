"""``policyparse report``: a self-contained HTML page to check one document's extraction."""

from __future__ import annotations

from pathlib import Path

import typer

from ._common import RULES_OPTION, counted, fail, load_rules_or_fail, write_text


def report_cli(
    file: str = typer.Argument(..., help="A .txt, .docx, .html or .pdf file, or - for stdin."),
    output: str | None = typer.Option(
        None,
        "-o",
        "--output",
        show_default="FILE's name with .report.html, in the current folder",
        help="The page to write, or - for standard output.",
    ),
    force: bool = typer.Option(False, "--force", help="Overwrite OUTPUT if it exists."),
    rules_dir: Path | None = RULES_OPTION,
) -> None:
    """Write an HTML page showing the document with every commitment in place.

    Highlights by kind, owners and deadlines marked, excluded and unparsed numbers
    flagged, the outline, and a sortable, filterable table; opens offline.
    """
    from ..errors import InputError
    from ..ingest import read_source
    from ..pipeline import parse_source
    from ..review import render_report

    rules = load_rules_or_fail(rules_dir)
    try:
        source = read_source(file)
    except InputError as e:
        fail(str(e))
    document = parse_source(source, rules=rules)
    page = render_report(source.text, document, indicator_names=rules.indicators.names())
    if output is None:
        output = "-" if file == "-" else f"{Path(file).stem}.report.html"
    if output == "-":
        typer.echo(page, nl=False)
        return
    write_text(Path(output), page, force=force)
    counts = (
        f"{counted(len(document.commitments), 'commitment')}, "
        f"{counted(len(document.skipped), 'skipped number')}"
    )
    typer.echo(f"wrote {output} ({counts})", err=True)
