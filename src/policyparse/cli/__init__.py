"""The ``policyparse`` command line: a thin shell over the library.

Heavy modules (spaCy, pandas, the pipeline) are imported inside the commands,
so ``policyparse --help`` answers at once.
"""

from __future__ import annotations

import typer

from ._common import version_callback
from .batch import batch_cli
from .compare import compare_cli
from .diff import diff_cli
from .evaluate import eval_cli
from .extract import extract_cli
from .info import info_cli
from .report import report_cli
from .schema import schema_cli
from .sections import sections_cli

__all__ = ["app", "main"]

app = typer.Typer(
    name="policyparse",
    help="Extract quantified and dated commitments from Chinese policy documents.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=version_callback, is_eager=True, help="Print the version."
    ),
) -> None:
    """Extract quantified and dated commitments from Chinese policy documents."""


app.command("extract")(extract_cli)
app.command("sections")(sections_cli)
app.command("info")(info_cli)
app.command("eval")(eval_cli)
app.command("batch")(batch_cli)
app.command("compare")(compare_cli)
app.command("schema")(schema_cli)
app.command("diff")(diff_cli)
app.command("report")(report_cli)


def main() -> None:
    """Entry point of the ``policyparse`` script."""
    app(prog_name="policyparse")


if __name__ == "__main__":  # pragma: no cover
    main()
