"""Benchmark of ``policyparse batch``: throughput, peak memory, kill and resume.

The seven corpus documents are copied under 1,000 different names into a temporary
folder, and every batch runs as its own ``python -m policyparse batch`` process:

- throughput with ``--workers 1`` (in-process) and ``--workers 2``, side by side,
  best of three interleaved runs (the machine may be shared);
- the same batch with ``--report DIR`` (a review page per document), against
  without it;
- peak memory (the largest resident set of the batch and its workers, from
  ``getrusage(RUSAGE_CHILDREN)`` in a fresh wrapper process) for 100 and 1,000
  documents;
- the batch killed with SIGKILL once about half the documents are in its
  checkpoint, then run again with ``--resume``: the output is compared byte for
  byte with an uninterrupted run's.

Run with ``.venv/bin/python -m benchmarks.batch``; it prints figures and asserts
nothing.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parents[1]
CORPUS_DOCS = sorted((ROOT / "corpus" / "docs").glob("*.txt"))
LARGE = 1000
REPEATS = 3
SMALL = 100
# SIGKILL the batch when this share of the documents is in its checkpoint
KILL_AT = 0.5
POLL_SECONDS = 0.05
ORPHAN_GRACE_SECONDS = 10.0

# runs a command and prints its wall time and the peak RSS of its process tree
_MEASURE = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.run(sys.argv[1:]).returncode
seconds = time.perf_counter() - start
peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"code": code, "seconds": seconds, "peak_kb": peak_kb}))
"""


def make_documents(folder: Path, count: int) -> Path:
    """``count`` copies of the corpus documents, each under its own name."""
    folder.mkdir(parents=True)
    for index in range(count):
        source = CORPUS_DOCS[index % len(CORPUS_DOCS)]
        shutil.copyfile(source, folder / f"{index:04d}-{source.name}")
    return folder


def batch_command(folder: Path, output: Path, *options: str) -> list[str]:
    batch = [sys.executable, "-m", "policyparse", "batch", str(folder), "-o", str(output)]
    return [*batch, "-q", *options]


class _LineCounter:
    """Counts the lines of a growing file (the checkpoint), reading only what is new."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.count = 0
        self._stream: IO[bytes] | None = None

    def poll(self) -> int:
        if self._stream is None:
            if not self.path.exists():
                return self.count
            self._stream = self.path.open("rb")
        self.count += self._stream.read().count(b"\n")
        return self.count

    def close(self) -> None:
        if self._stream is not None:
            self._stream.close()


def measure(command: list[str], checkpoint: Path | None = None) -> dict[str, float]:
    """Wall time, exit code and peak RSS (KiB) of a command, in a fresh wrapper process.

    With ``checkpoint``, also the steady rate: documents per second between the
    first and the last tenth of the documents (start-up and final write left out).
    """
    wrapper = [sys.executable, "-c", _MEASURE, *command]
    process = subprocess.Popen(wrapper, stdout=subprocess.PIPE, text=True)
    marks: dict[int, float] = {}
    if checkpoint is not None:
        counter = _LineCounter(checkpoint)
        low, high = LARGE // 10, LARGE - LARGE // 10
        while process.poll() is None:
            count = counter.poll()
            for mark in (low, high):
                if count >= mark and mark not in marks:
                    marks[mark] = time.perf_counter()
            time.sleep(POLL_SECONDS)
        counter.close()
    stdout, _ = process.communicate()
    figures: dict[str, float] = json.loads(stdout.splitlines()[-1])
    if len(marks) == 2:
        figures["steady_rate"] = (high - low) / (marks[high] - marks[low])
    return figures


def throughput(folder: Path, work: Path) -> None:
    """Documents per second with 1 and 2 workers, best of REPEATS interleaved runs."""
    seconds: dict[int, float] = {1: float("inf"), 2: float("inf")}
    steady: dict[int, float] = {1: 0.0, 2: 0.0}
    outputs = {workers: work / f"feed-{workers}.jsonl" for workers in (1, 2)}
    for _ in range(REPEATS):
        for workers in (1, 2):
            checkpoint = outputs[workers].with_name(outputs[workers].name + ".partial.jsonl")
            command = batch_command(folder, outputs[workers], "--workers", str(workers), "--force")
            figures = measure(command, checkpoint)
            seconds[workers] = min(seconds[workers], figures["seconds"])
            steady[workers] = max(steady[workers], figures.get("steady_rate", 0.0))
    print(f"throughput on {LARGE} documents, best of {REPEATS} runs:")
    print("  end to end = start-up, parsing and writing OUT; steady = between 10% and 90% done")
    for workers in (1, 2):
        rate = LARGE / seconds[workers]
        print(
            f"  --workers {workers}: {seconds[workers]:5.1f} s, end to end {rate:6.1f} documents/s,"
            f" steady {steady[workers]:6.1f} documents/s"
        )
    print(
        f"  2 workers / 1 worker: {seconds[1] / seconds[2]:.2f}x end to end,"
        f" {steady[2] / steady[1]:.2f}x steady (bar: at least 1.7x)"
    )
    same = outputs[1].read_bytes() == outputs[2].read_bytes()
    print(f"  same output with 1 and 2 workers: {same}")


def review_pages(folder: Path, work: Path) -> None:
    """What ``--report`` adds: a page per document and the index, after the batch."""
    seconds = {"without": float("inf"), "with": float("inf")}
    for _ in range(2):
        for name in seconds:
            options = ["--workers", "2", "--force"]
            if name == "with":
                options += ["--report", str(work / "review")]
            figures = measure(batch_command(folder, work / f"pages-{name}.jsonl", *options))
            seconds[name] = min(seconds[name], figures["seconds"])
    pages = len(list((work / "review").glob("*.html"))) - 1
    print(f"review pages (--report DIR) on {LARGE} documents, --workers 2, best of 2 runs:")
    print(
        f"  {seconds['without']:.1f} s without, {seconds['with']:.1f} s with {pages} pages: "
        f"{seconds['with'] / seconds['without']:.2f}x"
    )


def peak_memory(folder: Path, small: Path, work: Path) -> None:
    print("peak memory (largest process of the batch, workers included), --workers 2:")
    peaks = {}
    for count, source in ((SMALL, small), (LARGE, folder)):
        figures = measure(batch_command(source, work / f"memory-{count}.jsonl", "--workers", "2"))
        peaks[count] = figures["peak_kb"] / 1024
        print(f"  {count:5d} documents: {peaks[count]:6.1f} MiB")
    print(f"  {LARGE} / {SMALL} documents: {peaks[LARGE] / peaks[SMALL]:.2f}x  (bar: within 1.5x)")


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def _parser_version() -> str:
    from policyparse.batch import rules_version
    from policyparse.ruleset import load_rules

    return rules_version(load_rules())


def kill_and_resume(folder: Path, work: Path) -> None:
    output = work / "killed.jsonl"
    checkpoint = output.with_name(output.name + ".partial.jsonl")
    command = batch_command(folder, output, "--workers", "2")
    version = _parser_version()
    print(f"kill -9 at about {KILL_AT:.0%} of the documents, then --resume (--workers 2):")
    start = time.perf_counter()
    process = subprocess.Popen(command, start_new_session=True, stderr=subprocess.DEVNULL)
    counter = _LineCounter(checkpoint)
    while process.poll() is None:
        if counter.poll() >= KILL_AT * LARGE:
            process.send_signal(signal.SIGKILL)
            break
        time.sleep(POLL_SECONDS)
    process.wait()
    counter.close()
    killed_after = time.perf_counter() - start
    with checkpoint.open("rb") as stream:
        kept = sum(1 for _ in stream)
    print(f"  killed after {killed_after:.1f} s: {kept} documents in the checkpoint")
    print(f"  output after the kill: {'exists' if output.exists() else 'none'} (expected: none)")
    deadline = time.monotonic() + ORPHAN_GRACE_SECONDS
    while _group_alive(process.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    orphans = _group_alive(process.pid)
    print(f"  worker processes left behind: {'yes' if orphans else 'none'}")
    if orphans:  # the workers of the killed batch, in the session started for it
        os.killpg(process.pid, signal.SIGKILL)
    figures = measure([*command, "--resume"])
    print(
        f"  --resume: {figures['seconds']:.1f} s for the {LARGE - kept} documents left"
        f" (exit {figures['code']:.0f})"
    )
    reference = work / "uninterrupted.jsonl"
    measure(batch_command(folder, reference, "--workers", "2"))
    same = output.read_bytes() == reference.read_bytes()
    print(f"  final output equals an uninterrupted run's byte for byte: {same}")
    print(f"  checkpoint removed: {not checkpoint.exists()}")
    if _parser_version() != version:
        print("  note: rules or code changed during this measurement; rerun it")


def main() -> None:
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} at start")
    with tempfile.TemporaryDirectory(prefix="policyparse-batch-") as tmp:
        work = Path(tmp)
        folder = make_documents(work / "docs", LARGE)
        small = make_documents(work / "docs-small", SMALL)
        throughput(folder, work)
        review_pages(folder, work)
        peak_memory(folder, small, work)
        kill_and_resume(folder, work)
    print(f"load average {os.getloadavg()[0]:.2f} at the end")


if __name__ == "__main__":
    main()
