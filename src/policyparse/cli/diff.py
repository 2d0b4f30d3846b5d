"""``policyparse diff``: what changed in the commitments between two plans."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from ._common import RULES_OPTION, echo_json, fail, load_rules_or_fail, write_text

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from ..diff import MatchedPair, PlanDiff, RedlineOp, SplitItem
    from ..ruleset import RuleSet
    from ..schema import Commitment, PolicyDocument

EXIT_DIFFERENT = 1


def diff_cli(
    old: str = typer.Argument(..., help="The earlier plan (or the template), or - for stdin."),
    new: str = typer.Argument(..., help="The later plan (or the filled-in copy)."),
    as_json: bool = typer.Option(False, "--json", help="Print the diff as JSON."),
    all_: bool = typer.Option(False, "--all", help="Also list the unchanged commitments."),
    html: Path | None = typer.Option(
        None,
        "--html",
        metavar="PATH",
        dir_okay=False,
        help="Also write a self-contained HTML page of the diff, linked into both texts.",
    ),
    force: bool = typer.Option(False, "--force", help="Overwrite the --html file if it exists."),
    rules_dir: Path | None = RULES_OPTION,
) -> None:
    """Compare the commitments of two plans: added, removed, changed, filled, split.

    Exit status 0 when nothing changed, 1 when something did, 2 on error.
    """
    from ..diff import diff_documents

    rules = load_rules_or_fail(rules_dir)
    old_doc, old_text = _parse_with_text_or_fail(old, rules)
    new_doc, new_text = _parse_with_text_or_fail(new, rules)
    result = diff_documents(old_doc, new_doc, old_text=old_text, new_text=new_text)
    if html is not None:
        from ..review.plandiff import render_diff

        # written before anything is printed: a refused overwrite stops with one line
        write_text(html, render_diff(result, old_text=old_text, new_text=new_text), force=force)
        typer.echo(f"wrote {html}", err=True)
    if as_json:
        echo_json(result.model_dump_json(indent=2))
    else:
        _print(result, show_unchanged=all_)
    if result.has_changes:
        raise typer.Exit(code=EXIT_DIFFERENT)


def _parse_with_text_or_fail(path: str, rules: RuleSet) -> tuple[PolicyDocument, str]:
    """Like ``parse_or_fail``, also returning the text the spans index (read once)."""
    from ..errors import InputError
    from ..ingest import read_source
    from ..pipeline import parse_source

    try:
        source = read_source(path)
    except InputError as e:
        fail(str(e))
    return parse_source(source, rules=rules), source.text


def _redline_text(ops: list[RedlineOp], *, plain: bool) -> Text:
    from rich.text import Text

    line = Text("    ")
    for op in ops:
        if op.op == "equal":
            line.append(op.old)
            continue
        if op.old:
            line.append(f"[-{op.old}-]" if plain else op.old, style="red strike")
        if op.new:
            line.append(f"{{+{op.new}+}}" if plain else op.new, style="green underline")
    return line


def _quote_line(sign: str, c: Commitment, style: str) -> Text:
    from rich.text import Text

    line = Text(f"    {sign} ", style=style)
    line.append(c.quote)
    line.append(f"  [{c.span[0]}, {c.span[1]}]", style="dim")
    return line


def _print_pair(console: Console, status: str, pair: MatchedPair, style: str, plain: bool) -> None:
    from rich.text import Text

    from ..diff import label, shown_value

    head = Text(f"{status:<9} ", style=f"bold {style}")
    head.append(label(pair.new))
    details = [c.describe() for c in pair.changes]
    if status == "filled":
        details.insert(0, f"filled in: {shown_value(pair.new.value)}{pair.new.unit or ''}")
    if details:
        head.append("  " + "; ".join(details), style=style)
    console.print(head)
    if pair.redline is not None:
        console.print(_quote_line("-", pair.old, "red"))
        console.print(_quote_line("+", pair.new, "green"))
        console.print(_redline_text(pair.redline, plain=plain))


def _print_split(console: Console, item: SplitItem, plain: bool) -> None:
    from rich.text import Text

    from ..diff import label

    head = Text("split     ", style="bold magenta")
    head.append(f"{label(item.old)} → {len(item.new)} commitments")
    console.print(head)
    console.print(_quote_line("-", item.old, "red"))
    for part in item.new:
        console.print(_quote_line("+", part, "green"))
    console.print(_redline_text(item.redline, plain=plain))


def _print(result: PlanDiff, *, show_unchanged: bool) -> None:
    from rich.console import Console
    from rich.text import Text

    console = Console(highlight=False, soft_wrap=True)
    plain = console.color_system is None
    console.print(Text(f"--- {result.old.source}", style="bold"))
    console.print(Text(f"+++ {result.new.source}", style="bold"))
    console.print(Text(result.summary(), style="bold"))
    for c in result.removed:
        line = Text("removed   ", style="bold red")
        line.append(c.quote, style="red")
        line.append(f"  [{c.span[0]}, {c.span[1]}]", style="dim")
        console.print(line)
    for c in result.added:
        line = Text("added     ", style="bold green")
        line.append(c.quote, style="green")
        line.append(f"  [{c.span[0]}, {c.span[1]}]", style="dim")
        console.print(line)
    for pair in result.changed:
        _print_pair(console, "changed", pair, "yellow", plain)
    for pair in result.filled:
        _print_pair(console, "filled", pair, "cyan", plain)
    for item in result.split:
        _print_split(console, item, plain)
    if show_unchanged:
        for pair in result.unchanged:
            _print_pair(console, "unchanged", pair, "dim", plain)
    elif result.unchanged:
        console.print(
            Text(f"{len(result.unchanged)} unchanged not shown (--all lists them)", style="dim")
        )
