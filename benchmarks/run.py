"""Benchmark: documents per second of the pipeline, next to jieba in the same run.

Every figure is a ratio against a baseline measured in the same process on the
same texts, so machines of different speed give comparable numbers:

- ``jieba.lcut`` over each whole text (what tokenizing everything would cost);
- a single regular-expression pass over each text (the floor of any rule pass).

Run with ``make bench``.
"""

from __future__ import annotations

import re
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from policyparse.ruleset import RuleSet
    from policyparse.types import SourceText

ROOT = Path(__file__).resolve().parents[1]
REPEATS = 5


def _best_of(func: Callable[[], object], repeats: int = REPEATS) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def _best_of_interleaved(
    funcs: dict[str, Callable[[], object]], repeats: int = REPEATS
) -> dict[str, float]:
    """Best time of each function, run in turns so that all see the same machine load."""
    best = dict.fromkeys(funcs, float("inf"))
    for _ in range(repeats):
        for name, func in funcs.items():
            start = time.perf_counter()
            func()
            best[name] = min(best[name], time.perf_counter() - start)
    return best


def main() -> None:
    import jieba

    from policyparse.ingest import read_source
    from policyparse.pipeline import parse_source
    from policyparse.ruleset import load_rules

    jieba.setLogLevel(60)
    paths = sorted((ROOT / "corpus" / "docs").glob("*.txt"))
    sources = [read_source(p) for p in paths]
    texts = [s.text for s in sources]
    chars = sum(len(t) for t in texts)
    size_mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    rules = load_rules()
    jieba.initialize()
    parse_source(sources[0], rules=rules)  # warm caches (OpenCC, rules)

    number = re.compile(r"\d+(?:\.\d+)?%?")
    timed = _best_of_interleaved(
        {
            "regex pass": lambda: [number.findall(t) for t in texts],
            "jieba.lcut": lambda: [jieba.lcut(t) for t in texts],
            "policyparse pipeline": lambda: [parse_source(s, rules=rules) for s in sources],
        },
        repeats=2 * REPEATS,
    )
    pipeline = timed.pop("policyparse pipeline")
    baselines = timed

    print(f"corpus: {len(texts)} documents, {chars} characters, {size_mb:.2f} MB")
    print(f"{'stage':<28}{'seconds':>10}{'docs/s':>10}{'MB/s':>9}{'× jieba':>9}")
    rows = [*baselines.items(), ("policyparse pipeline", pipeline)]
    for name, seconds in rows:
        print(
            f"{name:<28}{seconds:>10.4f}{len(texts) / seconds:>10.1f}"
            f"{size_mb / seconds:>9.2f}{seconds / baselines['jieba.lcut']:>9.2f}"
        )
    per_doc = [_best_of(lambda s=s: parse_source(s, rules=rules), 3) for s in sources]
    print(f"median per document: {statistics.median(per_doc) * 1000:.1f} ms")
    print(f"pipeline / jieba ratio: {pipeline / baselines['jieba.lcut']:.2f} (bar: ≤ 1.0)")
    _review_pages(sources, rules)
    _linearity(rules)


def _review_pages(sources: list[SourceText], rules: RuleSet) -> None:
    """The review page of each document, against parsing it (what a page adds to a batch)."""
    from policyparse.pipeline import parse_source
    from policyparse.review import render_report

    documents = [parse_source(s, rules=rules) for s in sources]
    timed = _best_of_interleaved(
        {
            "parse": lambda: [parse_source(s, rules=rules) for s in sources],
            "review page": lambda: [
                render_report(s.text, d) for s, d in zip(sources, documents, strict=True)
            ],
        }
    )
    ratio = timed["review page"] / timed["parse"]
    print(
        f"review pages: {timed['review page']:.4f} s for the corpus, "
        f"{ratio:.2f}× the time to parse it"
    )


# Inputs that break naive rules: each is timed at 25k, 50k and 100k characters;
# linear time shows as a ratio near 2 from one size to the next.
PATHOLOGICAL = {
    "one long sentence of targets": "覆盖率达到80%，",
    "one clause of counts": "建设一所学校、",
    "deadlines and targets": "到2020年，全市实现覆盖率达到80%，",
    "digits in a row": "1",
    "一 in a row": "一",
    "mixed scripts": "ABC 中文 ١٢٣ русский 80% 😀 ",
    "unbalanced brackets": "（（《“",
}


def _linearity(rules: RuleSet) -> None:
    from policyparse.pipeline import parse_source
    from policyparse.types import SourceText

    print("\nlinear time on pathological input (seconds at 25k / 50k / 100k characters):")
    for name, unit in PATHOLOGICAL.items():
        times = []
        for size in (25_000, 50_000, 100_000):
            text = (unit * (size // len(unit) + 1))[:size]
            source = SourceText("<bench>", text, "utf-8", "txt", "0")
            times.append(_best_of(lambda source=source: parse_source(source, rules=rules), 1))
        growth = times[2] / times[1] if times[1] else 0.0
        cells = "".join(f"{t:8.2f}" for t in times)
        print(f"  {name:<30}{cells}   ×{growth:.1f} per doubling")
    _page_linearity(rules)


def _page_linearity(rules: RuleSet) -> None:
    """The review page of a text dense with commitments, at growing sizes."""
    from policyparse.pipeline import parse_source
    from policyparse.review import render_report
    from policyparse.types import SourceText

    times = []
    for size in (25_000, 50_000, 100_000):
        unit = PATHOLOGICAL["one long sentence of targets"]
        text = (unit * (size // len(unit) + 1))[:size]
        document = parse_source(SourceText("<bench>", text, "utf-8", "txt", "0"), rules=rules)
        times.append(_best_of(lambda t=text, d=document: render_report(t, d), 1))
    growth = times[2] / times[1] if times[1] else 0.0
    cells = "".join(f"{t:8.2f}" for t in times)
    print(f"  {'review page of that sentence':<30}{cells}   ×{growth:.1f} per doubling")


if __name__ == "__main__":
    main()
