"""``policyparse eval``: score extraction against the annotated gold of a corpus."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from ._common import RULES_OPTION, fail, load_rules_or_fail


def eval_cli(
    corpus: Path = typer.Argument(Path("corpus"), help="A folder with docs/ and gold/."),
    misses: bool = typer.Option(False, "--misses", help="List missed and spurious commitments."),
    fields: bool = typer.Option(False, "--fields", help="List field mismatches on matched pairs."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    rules_dir: Path | None = RULES_OPTION,
) -> None:
    """Precision, recall, F1 and per-field accuracy against CORPUS/gold."""
    from ..errors import InputError
    from ..evaluate import FIELDS, evaluate_corpus
    from ..ingest import read_source
    from ..pipeline import parse_source

    rules = load_rules_or_fail(rules_dir)
    docs = sorted((corpus / "docs").glob("*")) if (corpus / "docs").is_dir() else []
    if not docs:
        fail(f"{corpus}: no documents in {corpus / 'docs'}")
    parsed = []
    for path in docs:
        try:
            source = read_source(path)
        except InputError as e:
            fail(str(e))
        parsed.append((path, parse_source(source, rules=rules), source.text))
    try:
        report = evaluate_corpus(corpus, parsed)
    except InputError as e:
        fail(str(e))
    if as_json:
        typer.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
        return
    typer.echo(f"{'document':<44}{'gold':>6}{'found':>7}{'match':>7}{'P':>7}{'R':>7}{'F1':>7}")
    for score in report.documents:
        typer.echo(
            f"{score.doc:<44}{score.gold:>6}{score.predicted:>7}{score.matched:>7}"
            f"{score.precision:>7.2f}{score.recall:>7.2f}{score.f1:>7.2f}"
        )
        for problem in score.problems:
            typer.echo(f"  ! {problem}")
    total = report.total()
    typer.echo(
        f"{'all':<44}{total.gold:>6}{total.predicted:>7}{total.matched:>7}"
        f"{total.precision:>7.2f}{total.recall:>7.2f}{total.f1:>7.2f}"
    )
    accuracy = report.field_accuracy()
    typer.echo("field accuracy on matched commitments:")
    typer.echo("  " + "  ".join(f"{name} {accuracy[name]:.2f}" for name in FIELDS))
    if misses:
        for score in report.documents:
            for record in score.missed:
                typer.echo(f"MISSED   {score.doc}: {record.quote}")
            for commitment in score.spurious:
                typer.echo(f"SPURIOUS {score.doc}: {commitment.quote} [{commitment.rule}]")
    if fields:
        for score in report.documents:
            for name, record, commitment in score.mismatches:
                gold_value = record.fields.get(name)
                typer.echo(
                    f"FIELD {name:<14} {score.doc}: {record.quote} | gold={gold_value!r}"
                    f" got={getattr(commitment, name)!r}"
                )
