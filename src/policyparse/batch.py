"""Many documents in one run: the feed (JSON Lines) or a table of commitments.

:func:`run_batch` reads files, folders (recursively) and glob patterns, parses each
document in worker processes (or on a Dask cluster) and writes, in the sorted
order of the inputs whatever the number of workers:

- ``OUT.jsonl``: one :class:`~policyparse.schema.PolicyDocument` object a line;
- ``OUT.csv`` / ``OUT.parquet``: one row per commitment (:data:`TABLE_COLUMNS`).

A document that cannot be read or parsed never stops the batch: the one handler,
:func:`handle_error`, turns the exception into a :class:`Failure`, listed in the
summary and in ``OUT.errors.jsonl``.

Each parsed document is appended to a checkpoint, ``OUT.partial.jsonl``, one
flushed line per document in input order. ``OUT`` itself is written only once
every document is done, to a temporary file in the same folder that is then
renamed, so it is never half-written. After a crash or Ctrl-C, ``resume=True``
skips the documents whose checkpoint key (content digest + :func:`rules_version`)
still matches, parses the rest and produces the same ``OUT`` as an uninterrupted
run.

This module never prints and imports neither typer nor rich: progress is reported
through a callback.
"""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import glob
import hashlib
import json
import os
import signal
import sys
import threading
import time
import types
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor
from concurrent.futures import wait as wait_futures
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Literal, Protocol, Union, get_args, get_origin

from . import __version__
from .errors import Errors, InputError, PolicyparseError
from .ingest import SUPPORTED_SUFFIXES, read_bytes, read_source
from .ruleset import RuleSet, load_rules
from .schema import SCHEMA_VERSION, Commitment, PolicyDocument
from .types import SourceText

if TYPE_CHECKING:
    from .review.index import BatchReport

__all__ = [
    "DOCUMENT_COLUMNS",
    "TABLE_COLUMNS",
    "BatchError",
    "BatchProgress",
    "BatchSummary",
    "Failure",
    "Outcome",
    "Parsed",
    "ProgressCallback",
    "Task",
    "commitment_rows",
    "default_workers",
    "expand_inputs",
    "handle_error",
    "output_format",
    "process_document",
    "rules_version",
    "run_batch",
]

Engine = Literal["local", "dask"]
OutputFormat = Literal["jsonl", "csv", "parquet"]

# outstanding documents (submitted and not yet written) per worker: enough to keep
# the workers busy, few enough that memory does not grow with the batch
IN_FLIGHT_PER_WORKER = 4
# commitments per Parquet row group
ROW_GROUP_ROWS = 10_000
MAX_REASON_CHARS = 300
# how often a worker checks that the batch that started it is still alive
PARENT_CHECK_SECONDS = 1.0
# new pools started after a worker died, before the batch gives up
MAX_POOL_RESTARTS = 3
CHECKPOINT_SUFFIX = ".partial.jsonl"
ERRORS_SUFFIX = ".errors.jsonl"
STDIO = "-"

_FORMATS: dict[str, OutputFormat] = {".jsonl": "jsonl", ".csv": "csv", ".parquet": "parquet"}
_GLOB_CHARS = frozenset("*?[")
# the checkpoint line is {"path":…,"key":…,"commitments":N,"document":{…}}; a JSON
# string escapes its quotes, so the first occurrence of this marker ends the header
_DOCUMENT_MARK = b',"document":'

DOCUMENT_COLUMNS: tuple[str, ...] = (
    "doc_id",
    "source",
    "title",
    "doc_type",
    "jurisdiction_level",
    "jurisdiction_province",
    "jurisdiction_city",
    "jurisdiction_county",
    "issued",
)


class BatchError(PolicyparseError, ValueError):
    """A batch cannot start: bad options, no input, an output that exists."""


@dataclass(frozen=True)
class Failure:
    """A document that could not be read or parsed, with a one-line reason."""

    path: str
    reason: str


@dataclass(frozen=True)
class Task:
    """One document to parse; what a worker receives.

    Attributes:
        path: The input as listed (``-`` for standard input).
        rules_dir: The rules folder, ``None`` for the packaged rules.
        rules_version: See :func:`rules_version`; part of the checkpoint key.
        data: The document's bytes when the parent read them: standard input,
            or any file for a Dask cluster that may not see this machine's files.
        review: Also render the document's review page (``--report``).
    """

    path: str
    rules_dir: str | None
    rules_version: str
    data: bytes | None = None
    review: bool = False


@dataclass(frozen=True)
class Parsed:
    """A parsed document as it goes into the feed.

    Attributes:
        key: Content digest and rules version: ``"<sha256>:<rules version>"``.
        line: The document object as one line of JSON (no newline).
        commitments: How many commitments it has.
        page: Its review page, when the task asked for one and it could be made.
    """

    key: str
    line: str
    commitments: int
    page: str | None = None


Outcome = Parsed | Failure


@dataclass(frozen=True)
class BatchProgress:
    """Where a batch stands, passed to the progress callback after each document."""

    total: int
    done: int
    failed: int
    commitments: int


@dataclass(frozen=True)
class BatchSummary:
    """What a batch did.

    Attributes:
        total: Documents in the input.
        documents: Documents written (including those a resumed run kept).
        commitments: Commitments in the written documents.
        failures: The documents that failed, in input order.
        resumed: Documents taken from the checkpoint of an interrupted run.
        seconds: Wall time of this run.
        output: The output file, or ``-``.
        errors_file: The errors file, when some documents failed.
        report_index: The review pages' ``index.html``, when asked for.
    """

    total: int
    documents: int
    commitments: int
    failures: tuple[Failure, ...]
    resumed: int
    seconds: float
    output: str
    errors_file: str | None
    report_index: str | None = None

    @property
    def exit_code(self) -> int:
        """0 when every document was written, 1 when some failed."""
        return 1 if self.failures else 0


ProgressCallback = Callable[[BatchProgress], None]


# --- inputs -------------------------------------------------------------------


def default_workers() -> int:
    """The cores this process may run on."""
    affinity = getattr(os, "sched_getaffinity", None)
    if affinity is not None:
        return max(1, len(affinity(0)))
    return os.cpu_count() or 1


def _documents_under(folder: Path) -> Iterator[str]:
    for path in folder.rglob("*"):
        if path.suffix.lower() in SUPPORTED_SUFFIXES and path.is_file():
            yield str(path)


def expand_inputs(inputs: Iterable[str]) -> list[str]:
    """The documents named by files, folders and glob patterns, sorted, once each.

    Folders are searched recursively for the supported suffixes; a glob pattern
    (``**`` included) takes every file it matches. A path that does not exist is
    kept, to be reported as a failure; ``-`` stands for standard input.
    """
    found: set[str] = set()
    for item in inputs:
        path = Path(item)
        if item == STDIO:
            found.add(STDIO)
        elif path.is_dir():
            found.update(_documents_under(path))
        elif not path.exists() and _GLOB_CHARS & set(item):
            matches = [Path(m) for m in glob.glob(item, recursive=True)]
            for match in matches:
                found.update(_documents_under(match) if match.is_dir() else [str(match)])
            if not matches:
                found.add(str(path))
        else:
            found.add(str(path))
    return sorted(found)


def output_format(output: str | Path) -> OutputFormat:
    """``jsonl``, ``csv`` or ``parquet``, from the output's suffix (``-`` is JSON Lines).

    Raises:
        BatchError: For any other suffix.
    """
    if str(output) == STDIO:
        return "jsonl"
    suffix = Path(output).suffix.lower()
    if suffix not in _FORMATS:
        raise BatchError(f"{output}: the output must end in .jsonl, .csv or .parquet")
    return _FORMATS[suffix]


def rules_version(rules: RuleSet) -> str:
    """A digest of what a document's output depends on besides its content.

    The rule files' contents, ``SCHEMA_VERSION``, and the package's version and
    source files: a resumed batch parses again every document done under another
    version, so that one output never mixes two.
    """
    digest = hashlib.sha256(f"schema {SCHEMA_VERSION}\npolicyparse {__version__}\n".encode())
    for root in (Path(rules.path), Path(__file__).resolve().parent):
        files = (p for p in root.rglob("*") if p.is_file() and p.suffix != ".pyc")
        for path in sorted(files):
            digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


def _key(sha256: str, version: str) -> str:
    return f"{sha256}:{version}"


# --- one document --------------------------------------------------------------


def handle_error(path: str, error: BaseException) -> Failure:
    """The one error handler: any exception of one document as a :class:`Failure`.

    An :class:`~policyparse.errors.InputError` gives its coded message, any other
    exception ``"TypeName: message"``, on one line.
    """
    message = str(error)
    if isinstance(error, InputError):
        reason = error.message
    else:
        reason = f"{type(error).__name__}: {message}" if message else type(error).__name__
    reason = " ".join(reason.split())
    if len(reason) > MAX_REASON_CHARS:
        reason = reason[: MAX_REASON_CHARS - 1] + "…"
    return Failure(path=path, reason=reason)


def _rules_for(rules_dir: str | None) -> RuleSet:
    """The rules and their spaCy pipeline, built once per process."""
    from .nlp import build_nlp

    rules = load_rules(rules_dir)
    build_nlp(rules)
    return rules


def process_document(task: Task) -> Outcome:
    """Read and parse one document; never raises for a problem of the document.

    The same function runs in-process, in worker processes and on Dask workers.
    """
    try:
        from .pipeline import parse_source

        rules = _rules_for(task.rules_dir)
        if task.data is None:
            source = read_source(task.path)
        elif task.path == STDIO:
            source = read_bytes(task.data, source=task.path)
        else:
            source = read_bytes(task.data, source=task.path, suffix=Path(task.path).suffix)
        document = parse_source(source, rules=rules)
        line = document.model_dump_json()
    except Exception as e:  # one bad document must not stop the batch
        return handle_error(task.path, e)
    return Parsed(
        key=_key(source.sha256, task.rules_version),
        line=line,
        commitments=len(document.commitments),
        page=_review_page(source, document, rules) if task.review else None,
    )


def _review_page(source: SourceText, document: PolicyDocument, rules: RuleSet) -> str | None:
    """The page, rendered where the text is at hand; ``None`` leaves it to the parent,
    which lists the error in the index."""
    from .review import render_report
    from .review.index import INDEX_NAME

    try:
        names = rules.indicators.names()
        return render_report(source.text, document, indicator_names=names, index_href=INDEX_NAME)
    except Exception:  # the document is parsed; its page is retried and reported by the parent
        return None


# --- engines ---------------------------------------------------------------------


class _Engine(Protocol):
    """Runs :func:`process_document` on many tasks at once."""

    limit: int

    def submit(self, task: Task) -> Any: ...

    def wait_any(self, futures: Iterable[Any]) -> set[Any]: ...

    def close(self) -> None: ...


def _untyped(module: str) -> Any:
    """Import a module without type information (dask.distributed, pyarrow)."""
    import importlib

    return importlib.import_module(module)


def _exit_with_parent(parent: int) -> None:
    # a worker whose batch was killed (SIGKILL, out of memory) would otherwise wait
    # for work forever; it is then adopted by another process
    while True:
        time.sleep(PARENT_CHECK_SECONDS)
        if os.getppid() != parent:
            os._exit(1)


def _init_worker(rules_dir: str | None, private_fds: tuple[int, ...]) -> None:
    """Start a worker process: Ctrl-C is the parent's to handle; load rules and spaCy.

    ``private_fds`` are files of the parent a forked worker must not keep open (the
    checkpoint, whose lock would outlive a killed batch while its workers do).
    """
    for fd in private_fds:
        with contextlib.suppress(OSError):
            os.close(fd)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()
    _rules_for(rules_dir)


def _process_context() -> Any:
    """fork where it is safe, else spawn.

    fork starts a worker in a fraction of a second (the modules are already
    imported), but only a process with a single thread may fork safely: another
    thread (a progress bar, an event loop, a BLAS pool) may hold a lock the child
    would wait on forever. spawn starts a fresh interpreter instead.
    """
    import multiprocessing

    single_thread = sys.platform.startswith("linux") and _threads() == 1
    return multiprocessing.get_context("fork" if single_thread else "spawn")


def _threads() -> int:
    """The threads of this process, those started outside Python included."""
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return threading.active_count() + 1  # unknown: assume more than one


class _ProcessEngine:
    """A pool of worker processes on this machine."""

    def __init__(self, workers: int, rules_dir: str | None, private_fds: tuple[int, ...]) -> None:
        self.limit = IN_FLIGHT_PER_WORKER * workers
        self._workers = workers
        self._rules_dir = rules_dir
        self._private_fds = private_fds
        self._restarts = 0
        self._executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        self._worked = False
        context = _process_context()
        # a spawned worker inherits no files, and these numbers may be others' there
        forked = context.get_start_method() == "fork"
        return ProcessPoolExecutor(
            max_workers=self._workers,
            mp_context=context,
            initializer=_init_worker,
            initargs=(self._rules_dir, self._private_fds if forked else ()),
        )

    def _note_result(self, future: Future[Outcome]) -> None:
        if not future.cancelled() and future.exception() is None:
            self._worked = True

    def submit(self, task: Task) -> Any:
        try:
            future = self._executor.submit(process_document, task)
        except BrokenProcessPool as e:
            # a worker died: its documents are failures, the batch goes on with a
            # new pool, unless the workers cannot even start
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._restarts += 1
            if not self._worked or self._restarts > MAX_POOL_RESTARTS:
                raise BatchError(
                    f"the worker processes stopped ({e}); run with --workers 1 to see why, "
                    "and in a script call run_batch under if __name__ == '__main__'"
                ) from e
            self._executor = self._start()
            future = self._executor.submit(process_document, task)
        future.add_done_callback(self._note_result)
        return future

    def wait_any(self, futures: Iterable[Any]) -> set[Any]:
        done, _ = wait_futures(list(futures), return_when=FIRST_COMPLETED)
        return set(done)

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)


class _DaskEngine:
    """An existing Dask cluster, through ``dask.distributed.Client(address)``."""

    def __init__(self, scheduler: str, rules_dir: str | None) -> None:
        try:
            self._distributed = _untyped("distributed")
        except ImportError as e:
            raise BatchError(
                "the dask engine needs dask.distributed: pip install 'policyparse[dask]'"
            ) from e
        try:
            self._client = self._distributed.Client(scheduler)
        except (OSError, TimeoutError, ValueError) as e:
            raise BatchError(f"cannot reach the Dask scheduler at {scheduler}: {e}") from e
        threads = sum(self._client.nthreads().values()) or 1
        self.limit = IN_FLIGHT_PER_WORKER * threads
        self._client.run(_rules_for, rules_dir)

    def submit(self, task: Task) -> Any:
        # the workers may not see this machine's files: send the content along
        # (a file that cannot be read here is left to the worker to report)
        if task.data is None:
            with contextlib.suppress(OSError):
                task = dataclasses.replace(task, data=Path(task.path).read_bytes())
        return self._client.submit(process_document, task, pure=False)

    def wait_any(self, futures: Iterable[Any]) -> set[Any]:
        done, _ = self._distributed.wait(list(futures), return_when="FIRST_COMPLETED")
        return set(done)

    def close(self) -> None:
        self._client.close()


def _run_in_process(tasks: Sequence[Task]) -> Iterator[Outcome]:
    for task in tasks:
        yield process_document(task)


def _run_on(
    engine: _Engine, tasks: Sequence[Task], *, started: Callable[[], None]
) -> Iterator[Outcome]:
    """The outcomes in task order, with at most ``engine.limit`` tasks outstanding."""
    pending: dict[Any, int] = {}
    ready: dict[int, Outcome] = {}
    submitted = written = 0
    announced = False
    while written < len(tasks):
        while submitted < len(tasks) and submitted - written < engine.limit:
            pending[engine.submit(tasks[submitted])] = submitted
            submitted += 1
        if not announced:
            started()
            announced = True
        for future in engine.wait_any(pending):
            position = pending.pop(future)
            try:
                ready[position] = future.result()
            except Exception as e:  # a worker died or the cluster lost the task
                ready[position] = handle_error(tasks[position].path, e)
        while written in ready:
            yield ready.pop(written)
            written += 1


def _make_engine(
    engine: Engine,
    *,
    workers: int,
    scheduler: str | None,
    rules_dir: str | None,
    private_fds: tuple[int, ...],
) -> _Engine:
    if engine == "dask" and scheduler is not None:
        return _DaskEngine(scheduler, rules_dir)
    return _ProcessEngine(workers, rules_dir, private_fds)


# --- checkpoint --------------------------------------------------------------------


@dataclass(frozen=True)
class _Entry:
    offset: int
    key: str
    commitments: int


def _checkpoint_line(path: str, parsed: Parsed) -> bytes:
    header = json.dumps({"path": path, "key": parsed.key, "commitments": parsed.commitments})
    return f'{header[:-1]},"document":{parsed.line}}}\n'.encode()


def _read_checkpoint(checkpoint: Path) -> dict[str, _Entry]:
    """Path → its last complete entry; a torn last line (a kill mid-write) is cut off."""
    entries: dict[str, _Entry] = {}
    offset = 0
    with checkpoint.open("r+b") as stream:
        for line in stream:
            header = _header_of(line)
            if header is None:
                stream.truncate(offset)
                break
            entries[header["path"]] = _Entry(offset, header["key"], header["commitments"])
            offset += len(line)
    return entries


def _header_of(line: bytes) -> dict[str, Any] | None:
    mark = line.find(_DOCUMENT_MARK)
    if not line.endswith(b"}\n") or mark < 0:
        return None
    try:
        header = json.loads(line[:mark] + b"}")
    except ValueError:
        return None
    if not isinstance(header, dict) or not {"path", "key", "commitments"} <= header.keys():
        return None
    return header


def _document_at(stream: IO[bytes], offset: int) -> bytes:
    stream.seek(offset)
    line = stream.readline()
    return line[line.find(_DOCUMENT_MARK) + len(_DOCUMENT_MARK) : -2]


def _content_sha256(path: str) -> str | None:
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None


# --- commitments table -------------------------------------------------------------


def _column_kind(annotation: Any) -> str:
    """``string``, ``int``, ``float`` or ``bool`` for a field's type."""
    if get_origin(annotation) in (Union, types.UnionType):
        (annotation,) = [a for a in get_args(annotation) if a is not type(None)]
    if get_origin(annotation) is Literal:
        annotation = type(get_args(annotation)[0])
    return {int: "int", float: "float", bool: "bool"}.get(annotation, "string")


# nested records flattened into columns of their own
_OWNER_COLUMNS = {
    "owner_body": "string",
    "owner_level": "string",
    "owner_generic": "bool",
    "owner_bodies": "int",
}


def _is_span(annotation: Any) -> bool:
    """``tuple[int, int]``, or a union holding it (a span that may be null)."""
    if get_origin(annotation) in (Union, types.UnionType):
        return any(_is_span(a) for a in get_args(annotation))
    return get_origin(annotation) is tuple


# spans split into <name>_start, <name>_end columns
_SPAN_FIELDS = tuple(
    name for name, info in Commitment.model_fields.items() if _is_span(info.annotation)
)


def _commitment_columns() -> dict[str, str]:
    columns: dict[str, str] = {}
    for name, info in Commitment.model_fields.items():
        if name in _SPAN_FIELDS:
            columns.update({f"{name}_start": "int", f"{name}_end": "int"})
        elif name == "owner_normalized":
            columns.update(_OWNER_COLUMNS)
        else:
            columns[name] = _column_kind(info.annotation)
    return columns


# column → kind: the document's columns, then every commitment field (span split)
TABLE_COLUMNS: dict[str, str] = {
    **dict.fromkeys(DOCUMENT_COLUMNS, "string"),
    **_commitment_columns(),
}


_COMMITMENT_FIELDS = tuple(
    name
    for name in Commitment.model_fields
    if name not in _SPAN_FIELDS and name != "owner_normalized"
)


def commitment_rows(document: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per commitment of a document object (as JSON data), see TABLE_COLUMNS."""
    meta = document["document"]
    place = meta.get("jurisdiction") or {}
    common = {
        "doc_id": meta["id"],
        "source": meta["source"],
        "title": meta.get("title"),
        "doc_type": meta.get("doc_type"),
        "jurisdiction_level": place.get("level"),
        "jurisdiction_province": place.get("province"),
        "jurisdiction_city": place.get("city"),
        "jurisdiction_county": place.get("county"),
        "issued": meta.get("issued"),
    }
    rows = []
    for commitment in document["commitments"]:
        row = dict(common)
        row.update({name: commitment.get(name) for name in _COMMITMENT_FIELDS})
        for name in _SPAN_FIELDS:
            row[f"{name}_start"], row[f"{name}_end"] = commitment.get(name) or (None, None)
        owner = commitment.get("owner_normalized") or {}
        row["owner_body"] = owner.get("body")
        row["owner_level"] = owner.get("level")
        row["owner_generic"] = owner.get("generic")
        row["owner_bodies"] = owner.get("bodies")
        rows.append(row)
    return rows


def _csv_value(value: Any) -> Any:
    return "" if value is None else value


def _write_jsonl(documents: Iterator[bytes], sink: IO[bytes]) -> None:
    for document in documents:
        sink.write(document + b"\n")


def _write_csv(documents: Iterator[bytes], sink: IO[bytes]) -> None:
    import io

    text = io.TextIOWrapper(sink, encoding="utf-8", newline="")
    writer = csv.writer(text)
    writer.writerow(TABLE_COLUMNS)
    for document in documents:
        for row in commitment_rows(json.loads(document)):
            writer.writerow([_csv_value(row[name]) for name in TABLE_COLUMNS])
    text.flush()
    text.detach()


def _write_parquet(documents: Iterator[bytes], sink: IO[bytes]) -> None:
    pa = _untyped("pyarrow")
    pq = _untyped("pyarrow.parquet")

    kinds = {"string": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
    schema = pa.schema([(name, kinds[kind]) for name, kind in TABLE_COLUMNS.items()])
    writer = pq.ParquetWriter(sink, schema)
    buffer: list[dict[str, Any]] = []

    def flush() -> None:
        writer.write_table(pa.Table.from_pylist(buffer, schema=schema))
        buffer.clear()

    try:
        for document in documents:
            buffer.extend(commitment_rows(json.loads(document)))
            if len(buffer) >= ROW_GROUP_ROWS:
                flush()
        if buffer:
            flush()
    finally:
        writer.close()


def _write_failures(failures: Iterable[Failure], sink: IO[bytes]) -> None:
    for failure in failures:
        record = {"path": failure.path, "reason": failure.reason}
        sink.write(json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n")


_WRITERS: dict[OutputFormat, Callable[[Iterator[bytes], IO[bytes]], None]] = {
    "jsonl": _write_jsonl,
    "csv": _write_csv,
    "parquet": _write_parquet,
}


def _write_atomically(output: Path, write: Callable[[IO[bytes]], None]) -> None:
    """Write to a temporary file beside ``output``, then rename it over ``output``."""
    tmp = output.with_name(f".{output.name}.{os.getpid()}.tmp")
    try:
        with tmp.open("wb") as sink:
            write(sink)
            sink.flush()
            os.fsync(sink.fileno())
        tmp.replace(output)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


# --- the batch -----------------------------------------------------------------------


def run_batch(
    inputs: Sequence[str],
    output: str | Path,
    *,
    workers: int | None = None,
    resume: bool = False,
    force: bool = False,
    engine: Engine = "local",
    scheduler: str | None = None,
    rules_dir: str | Path | None = None,
    progress: ProgressCallback | None = None,
    report_dir: str | Path | None = None,
) -> BatchSummary:
    """Parse many documents into one feed or commitments table.

    Args:
        inputs: Files, folders (searched recursively), glob patterns, or ``-``
            for one document on standard input.
        output: ``.jsonl``, ``.csv`` or ``.parquet`` file, or ``-`` for the feed on
            standard output.
        workers: Worker processes (default: the machine's cores); 1 parses in this
            process.
        resume: Continue an interrupted run from ``OUT.partial.jsonl``.
        force: Replace an existing output (or start an interrupted run over).
        engine: ``local`` processes, or ``dask`` to run on an existing cluster.
        scheduler: The Dask scheduler's address, e.g. ``tcp://scheduler:8786``.
        rules_dir: A rules folder instead of the packaged rules.
        progress: Called after each document.
        report_dir: Also write a review page per document (rendered by the
            worker that parsed it) and, at the end, ``index.html`` here (see
            :mod:`policyparse.review`).

    Returns:
        What was done; failures are in it and in ``OUT.errors.jsonl``.

    Raises:
        BatchError: Bad options, no documents, or an output that exists.
        RuleFileError: Invalid rule files.
        KeyboardInterrupt: The run was interrupted; the checkpoint keeps the
            finished documents for ``resume``, and ``output`` is untouched.
    """
    started = time.perf_counter()
    fmt = output_format(output)
    to_stdout = str(output) == STDIO
    workers = default_workers() if workers is None else workers
    if workers < 1:
        raise BatchError(f"--workers must be at least 1, not {workers}")
    if engine == "local" and scheduler is not None:
        raise BatchError("--scheduler needs --engine dask")
    if engine == "dask" and scheduler is None:
        raise BatchError("--engine dask needs --scheduler ADDRESS")
    if to_stdout and resume:
        raise BatchError("--resume needs an output file, not -")
    report_folder = None if report_dir is None else Path(report_dir)
    if report_folder is not None:
        _check_report_folder(report_folder, replace=force or resume)
    paths = expand_inputs(inputs)
    if not paths:
        raise BatchError(f"no documents found in {' '.join(inputs) or 'the input'}")
    rules = load_rules(rules_dir)
    runner = _Runner(
        engine=engine,
        workers=workers,
        scheduler=scheduler,
        rules_dir=None if rules_dir is None else rules.path,
        version=rules_version(rules),
        data=_read_stdin() if STDIO in paths else None,
        review=report_folder is not None,
    )
    tally = _Tally(len(paths), progress)
    report = None if report_folder is None else _report_writer(report_folder, paths, runner, rules)
    if to_stdout:
        _run_to_stdout(paths, runner, tally, report)
        summary = tally.summary(output=STDIO, errors_file=None, started=started)
    else:
        errors_file = _run_to_file(
            paths, Path(output), fmt, runner, tally, resume=resume, force=force, report=report
        )
        summary = tally.summary(output=str(output), errors_file=errors_file, started=started)
    if report is not None:
        summary = dataclasses.replace(summary, report_index=str(report.index))
    return summary


def _check_report_folder(folder: Path, *, replace: bool) -> None:
    """Pages of an earlier batch are replaced only when asked (--force or --resume)."""
    from .review.index import INDEX_NAME

    if folder.exists() and not folder.is_dir():
        raise BatchError(f"{folder}: --report needs a folder, and this is a file")
    if (folder / INDEX_NAME).exists() and not replace:
        raise BatchError(Errors.E301.format(path=folder / INDEX_NAME))


def _report_writer(
    folder: Path, paths: Sequence[str], runner: _Runner, rules: RuleSet
) -> BatchReport:
    from .review.index import BatchReport

    def source_of(path: str) -> SourceText:
        if path == STDIO and runner.data is not None:
            return read_bytes(runner.data, source=path)
        return read_source(path)

    return BatchReport(folder, paths, source_of=source_of, indicator_names=rules.indicators.names())


def _read_stdin() -> bytes:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise BatchError("standard input is not available")
    data: bytes = stream.read()
    return data


@dataclass(frozen=True)
class _Runner:
    """Turns paths into tasks and runs them on the chosen engine."""

    engine: Engine
    workers: int
    scheduler: str | None
    rules_dir: str | None
    version: str
    data: bytes | None
    review: bool = False

    def task(self, path: str) -> Task:
        data = self.data if path == STDIO else None
        return Task(path, self.rules_dir, self.version, data, review=self.review)

    def run(
        self,
        paths: Sequence[str],
        *,
        started: Callable[[], None],
        private_fds: tuple[int, ...] = (),
    ) -> Iterator[Outcome]:
        """The outcome of each path, in order.

        ``started`` is called once the workers are up: a progress bar's thread
        must not exist yet when worker processes are forked. ``private_fds`` are
        closed in forked workers.
        """
        tasks = [self.task(path) for path in paths]
        count = min(self.workers, len(tasks))
        if not tasks or (self.engine == "local" and count == 1):
            started()
            yield from _run_in_process(tasks)
            return
        pool = _make_engine(
            self.engine,
            workers=count,
            scheduler=self.scheduler,
            rules_dir=self.rules_dir,
            private_fds=private_fds,
        )
        try:
            yield from _run_on(pool, tasks, started=started)
        finally:
            pool.close()


def _run_to_stdout(
    paths: list[str], runner: _Runner, tally: _Tally, report: BatchReport | None
) -> None:
    outcomes = runner.run(paths, started=tally.report)
    for index, outcome in enumerate(outcomes):
        if isinstance(outcome, Parsed):
            sys.stdout.write(outcome.line + "\n")
            sys.stdout.flush()
        if report is not None:
            _add_to_report(report, index, outcome)
        tally.add(outcome)
    if report is not None:
        report.finish()


class _Tally:
    """Counts, failures and progress reports of a batch."""

    def __init__(self, total: int, progress: ProgressCallback | None) -> None:
        self.total = total
        self.documents = self.commitments = self.resumed = 0
        self.failures: list[Failure] = []
        self._progress = progress

    def add(self, outcome: Outcome | _Entry, *, report: bool = True) -> None:
        if isinstance(outcome, Failure):
            self.failures.append(outcome)
        else:
            self.documents += 1
            self.commitments += outcome.commitments
            self.resumed += isinstance(outcome, _Entry)
        if report:
            self.report()

    def report(self) -> None:
        if self._progress is not None:
            done = self.documents + len(self.failures)
            self._progress(BatchProgress(self.total, done, len(self.failures), self.commitments))

    def summary(self, *, output: str, errors_file: str | None, started: float) -> BatchSummary:
        return BatchSummary(
            total=self.total,
            documents=self.documents,
            commitments=self.commitments,
            failures=tuple(self.failures),
            resumed=self.resumed,
            seconds=time.perf_counter() - started,
            output=output,
            errors_file=errors_file,
        )


def _run_to_file(
    paths: list[str],
    output: Path,
    fmt: OutputFormat,
    runner: _Runner,
    tally: _Tally,
    *,
    resume: bool,
    force: bool,
    report: BatchReport | None = None,
) -> str | None:
    """Checkpoint each document (and write its review page, when asked for), then
    write OUT (and its errors file) atomically, then the review pages' index."""
    checkpoint = output.with_name(output.name + CHECKPOINT_SUFFIX)
    errors_file = output.with_name(output.name + ERRORS_SUFFIX)
    if output.exists() and not (force or resume):
        raise BatchError(Errors.E301.format(path=output))
    interrupted = checkpoint.exists() and checkpoint.stat().st_size > 0
    if interrupted and not (force or resume):
        raise BatchError(
            f"{checkpoint} holds an interrupted run; "
            "pass --resume to continue it or --force to start over"
        )
    output.parent.mkdir(parents=True, exist_ok=True)
    with checkpoint.open("ab") as stream:
        _lock(stream, output)
        done = _read_checkpoint(checkpoint) if resume and interrupted else {}
        if not done:
            stream.truncate(0)
        stream.seek(0, os.SEEK_END)
        try:
            entries = _checkpoint_documents(paths, stream, done, runner, tally, report)
        except BaseException:
            if stream.tell() == 0:  # nothing to resume from
                stream.close()
                checkpoint.unlink(missing_ok=True)
            raise
        with checkpoint.open("rb") as source:
            documents = (_document_at(source, e.offset) for e in entries if e is not None)
            _write_atomically(output, lambda sink: _WRITERS[fmt](documents, sink))
        if tally.failures:
            failures = tally.failures
            _write_atomically(errors_file, lambda sink: _write_failures(failures, sink))
        else:
            errors_file.unlink(missing_ok=True)
        if report is not None:
            _write_report(report, entries, checkpoint)
    checkpoint.unlink()
    return str(errors_file) if tally.failures else None


def _add_to_report(report: BatchReport, index: int, outcome: Outcome) -> None:
    if isinstance(outcome, Parsed):
        report.add_document(index, outcome.line, page=outcome.page)
    else:
        report.add_failure(index, outcome.reason)


def _write_report(
    report: BatchReport,
    entries: Sequence[_Entry | None],
    checkpoint: Path,
) -> None:
    """The pages of the documents a resumed run took from the checkpoint, then the index."""
    with checkpoint.open("rb") as source:
        for index, entry in enumerate(entries):
            if entry is not None and not report.has(index):
                report.add_document(index, _document_at(source, entry.offset))
    report.finish()


def _checkpoint_documents(
    paths: list[str],
    stream: IO[bytes],
    done: dict[str, _Entry],
    runner: _Runner,
    tally: _Tally,
    report: BatchReport | None = None,
) -> list[_Entry | None]:
    """Parse what is not done yet, appending each document to the checkpoint in order
    (and writing its review page, when asked for).

    Returns:
        The checkpoint entry of each input, in input order (``None``: failed).
    """
    entries: list[_Entry | None] = [None] * len(paths)
    todo: list[int] = []
    for index, path in enumerate(paths):
        entry = done.get(path)
        if entry is not None and entry.key == _key_of_file(path, runner.version):
            entries[index] = entry
            tally.add(entry, report=False)
        else:
            todo.append(index)
    todo_paths = [paths[i] for i in todo]
    outcomes = runner.run(todo_paths, started=tally.report, private_fds=(stream.fileno(),))
    for index, outcome in zip(todo, outcomes, strict=True):
        if isinstance(outcome, Parsed):
            offset = stream.tell()
            stream.write(_checkpoint_line(paths[index], outcome))
            stream.flush()
            entries[index] = _Entry(offset, outcome.key, outcome.commitments)
        if report is not None:
            _add_to_report(report, index, outcome)
        tally.add(outcome)
    return entries


def _lock(stream: IO[bytes], output: Path) -> None:
    """Hold the checkpoint: two batches writing the same output would mix their lines."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: no advisory locks
        return
    try:
        fcntl.flock(stream.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError as e:
        raise BatchError(f"another batch is writing {output}") from e


def _key_of_file(path: str, version: str) -> str | None:
    if path == STDIO:
        return None
    sha256 = _content_sha256(path)
    return None if sha256 is None else _key(sha256, version)
