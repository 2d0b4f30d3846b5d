"""Shared fixtures: the packaged rules and the corpus documents."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from policyparse.ruleset import RuleSet, load_rules

# Generation speed depends on what else the (shared, 2-core) machine is doing; a slow
# draw says nothing about the code under test.
settings.register_profile("policyparse", suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("policyparse")

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
CORPUS_DOCS = sorted((CORPUS / "docs").glob("*.txt"))


@pytest.fixture(scope="session")
def rules() -> RuleSet:
    return load_rules()


def read_original(path: Path) -> str:
    """A corpus file decoded as the file has it (\\r\\n kept, BOM excluded)."""
    return path.read_bytes().decode("utf-8-sig")
