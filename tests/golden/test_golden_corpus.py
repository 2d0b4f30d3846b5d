"""Golden tests: the whole metadata, outline and commitments of every corpus document.

The expected files were written by ``make golden`` and checked by hand against
each document; a change in output shows as a JSON diff here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import CORPUS_DOCS
from tests.golden._snapshot import EXPECTED, snapshot


@pytest.mark.parametrize("path", CORPUS_DOCS, ids=lambda p: p.stem)
def test_corpus_document_matches_golden(path: Path) -> None:
    expected = json.loads((EXPECTED / f"{path.stem}.json").read_text(encoding="utf-8"))
    assert snapshot(path) == expected


def test_every_corpus_document_has_a_golden_file() -> None:
    assert {p.stem for p in CORPUS_DOCS} == {p.stem for p in EXPECTED.glob("*.json")}
