"""Build the golden snapshot of a corpus document: metadata, outline, commitments.

Run ``python -m tests.golden._snapshot`` (or ``make golden``) to rewrite the
expected files after a deliberate change, then review the diff line by line.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from policyparse.pipeline import parse

ROOT = Path(__file__).resolve().parents[2]
EXPECTED = Path(__file__).resolve().parent / "expected"
VOLATILE = {"source"}


def snapshot(path: Path) -> dict[str, Any]:
    document = parse(path)
    meta = document.document.model_dump(mode="json", exclude=VOLATILE)
    sections = [s.model_dump(mode="json") for s in document.sections]
    commitments = [c.model_dump(mode="json") for c in document.commitments]
    skipped = [s.model_dump(mode="json") for s in document.skipped]
    return {
        "document": meta,
        "sections": sections,
        "commitments": commitments,
        "skipped": skipped,
    }


def dump(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def main() -> None:
    EXPECTED.mkdir(exist_ok=True)
    for path in sorted((ROOT / "corpus" / "docs").glob("*.txt")):
        (EXPECTED / f"{path.stem}.json").write_text(dump(snapshot(path)), encoding="utf-8")
        sys.stdout.write(f"wrote {path.stem}.json\n")


if __name__ == "__main__":
    main()
