"""``policyparse sections``: the outline of a document."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from ._common import RULES_OPTION, echo_json, load_rules_or_fail, parse_or_fail


def sections_cli(
    file: str = typer.Argument(..., help="A .txt, .docx, .html or .pdf file, or - for stdin."),
    as_json: bool = typer.Option(False, "--json", help="Print the sections as JSON."),
    rules_dir: Path | None = RULES_OPTION,
) -> None:
    """Show the outline of a document as an indented tree."""
    rules = load_rules_or_fail(rules_dir)
    document = parse_or_fail(file, rules=rules)
    if as_json:
        payload = {
            "id": document.document.id,
            "title": document.document.title,
            "sections": [s.model_dump(mode="json") for s in document.sections],
        }
        echo_json(json.dumps(payload, ensure_ascii=False, indent=2))
        return

    from rich.console import Console
    from rich.markup import escape
    from rich.tree import Tree

    meta = document.document
    label = escape(meta.title or meta.id)
    facts = [f for f in (meta.doc_type, meta.issued, meta.doc_number) if f]
    if facts:
        label += f"  [dim]({escape(' · '.join(facts))})[/dim]"
    root = Tree(f"[bold]{label}[/bold]")
    nodes: dict[str | None, Tree] = {None: root}
    for section in document.sections:
        heading = escape(section.heading) if section.heading else "[dim]…[/dim]"
        text = f"[cyan]{section.id}[/cyan] {escape(section.marker)} {heading}"
        parent = nodes.get(section.parent, root)
        nodes[section.id] = parent.add(text)
    if not document.sections:
        root.add("[dim]no numbered sections[/dim]")
    Console(highlight=False).print(root)
