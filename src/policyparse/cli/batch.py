"""``policyparse batch``: many documents into one feed or commitments table."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from ._common import RULES_OPTION, counted, fail

if TYPE_CHECKING:
    from ..batch import BatchProgress, BatchSummary

# failures listed on the terminal; the errors file has them all
MAX_LISTED_FAILURES = 20
EXIT_INTERRUPTED = 130


class EngineName(StrEnum):
    local = "local"
    dask = "dask"


def batch_cli(
    inputs: list[str] = typer.Argument(
        ..., help="Files, folders (searched recursively), glob patterns, or - for stdin."
    ),
    output: str = typer.Option(
        ...,
        "-o",
        "--output",
        help="OUT.jsonl (the feed), OUT.csv or OUT.parquet (commitments), or - for stdout.",
    ),
    force: bool = typer.Option(False, "--force", help="Overwrite OUTPUT if it exists."),
    resume: bool = typer.Option(
        False, "--resume", help="Continue an interrupted run, skipping the documents done."
    ),
    workers: int | None = typer.Option(
        None,
        "--workers",
        "-w",
        min=1,
        show_default="the machine's cores",
        help="Worker processes; 1 runs in-process.",
    ),
    engine: EngineName = typer.Option(
        EngineName.local, "--engine", help="Local processes, or an existing Dask cluster."
    ),
    scheduler: str | None = typer.Option(
        None, "--scheduler", help="The Dask scheduler's address, e.g. tcp://scheduler:8786."
    ),
    quiet: bool = typer.Option(
        False, "--quiet", "-q", help="No progress bar and no summary; failures only."
    ),
    report: Path | None = typer.Option(
        None,
        "--report",
        file_okay=False,
        help="Also write an HTML review page per document and an index.html into this folder.",
    ),
    rules_dir: Path | None = RULES_OPTION,
) -> None:
    """Parse many documents into a JSON Lines feed or a commitments table (CSV, Parquet).

    Exit status: 0 when every document was written, 1 when some failed (listed in
    OUT.errors.jsonl), 2 on a usage error.
    """
    from ..batch import BatchError, run_batch
    from ..errors import RuleFileError

    with _Bar(quiet=quiet) as bar:
        try:
            summary = run_batch(
                inputs,
                output,
                workers=workers,
                resume=resume,
                force=force,
                engine=engine.value,
                scheduler=scheduler,
                rules_dir=rules_dir,
                progress=bar.update,
                report_dir=report,
            )
        except (BatchError, RuleFileError) as e:
            bar.stop()
            fail(str(e))
        except OSError as e:
            bar.stop()
            fail(f"{e.filename or output}: {e.strerror or e}")
        except KeyboardInterrupt:
            bar.stop()
            _echo_interrupted(output)
            raise typer.Exit(code=EXIT_INTERRUPTED) from None
    _echo_summary(summary, quiet=quiet)
    raise typer.Exit(code=summary.exit_code)


class _Bar:
    """A rich progress bar with documents per second, on standard error."""

    def __init__(self, *, quiet: bool) -> None:
        self._quiet = quiet
        self._progress: Any = None
        self._task: Any = None

    def __enter__(self) -> _Bar:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def update(self, event: BatchProgress) -> None:
        if self._quiet:
            return
        if self._progress is None:
            # started at the first report, after the workers are up
            self._progress = _make_progress()
            self._progress.start()
            # resumed documents are not counted in the speed
            self._task = self._progress.add_task(
                "documents", total=event.total, completed=event.done
            )
            return
        self._progress.update(self._task, completed=event.done)

    def stop(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None


def _make_progress() -> Any:
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        Task,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class RateColumn(ProgressColumn):
        def render(self, task: Task) -> Text:
            return Text(f"{task.speed or 0:.1f} docs/s", style="progress.data.speed")

    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        RateColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
    )


def _echo_summary(summary: BatchSummary, *, quiet: bool) -> None:
    for failure in summary.failures[:MAX_LISTED_FAILURES]:
        typer.echo(f"policyparse: failed: {failure.path}: {failure.reason}", err=True)
    if len(summary.failures) > MAX_LISTED_FAILURES:
        more = len(summary.failures) - MAX_LISTED_FAILURES
        typer.echo(f"policyparse: … and {more} more failures", err=True)
    if quiet:
        return
    processed = summary.total - summary.resumed
    rate = processed / summary.seconds if summary.seconds else 0.0
    resumed = f" ({summary.resumed} from the checkpoint)" if summary.resumed else ""
    typer.echo(
        f"{counted(summary.documents, 'document')}{resumed}, "
        f"{counted(summary.commitments, 'commitment')}, {len(summary.failures)} failed, "
        f"in {summary.seconds:.1f} s ({rate:.1f} documents/s)",
        err=True,
    )
    if summary.output != "-":
        typer.echo(f"wrote {summary.output}", err=True)
    if summary.errors_file:
        typer.echo(f"failures listed in {summary.errors_file}", err=True)
    if summary.report_index:
        typer.echo(f"review pages: {summary.report_index}", err=True)


def _echo_interrupted(output: str) -> None:
    from ..batch import CHECKPOINT_SUFFIX

    message = "policyparse: interrupted"
    checkpoint = Path(output + CHECKPOINT_SUFFIX)
    if output != "-" and checkpoint.exists():
        message += f"; the documents done are kept in {checkpoint}: run again with --resume"
    typer.echo(message, err=True)
