"""Shared fixtures: the packaged rules and the corpus documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from policyparse.ruleset import RuleSet, load_rules

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
CORPUS_DOCS = sorted((CORPUS / "docs").glob("*.txt"))


@pytest.fixture(scope="session")
def rules() -> RuleSet:
    return load_rules()


def read_original(path: Path) -> str:
    """A corpus file decoded as the file has it (\\r\\n kept, BOM excluded)."""
    return path.read_bytes().decode("utf-8-sig")
