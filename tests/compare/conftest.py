"""The corpus documents, parsed once for the comparison tests."""

from __future__ import annotations

import pytest
from tests.conftest import CORPUS_DOCS

import policyparse
from policyparse.schema import PolicyDocument


@pytest.fixture(scope="session")
def parsed_documents() -> list[PolicyDocument]:
    """The corpus documents as the pipeline parses them."""
    return [policyparse.parse(path) for path in CORPUS_DOCS]


@pytest.fixture(scope="session")
def corpus_documents(parsed_documents: list[PolicyDocument]) -> list[PolicyDocument]:
    """The corpus documents with no indicator: every row keyed by its metric.

    The tests that name keys by metric do not depend on which indicators the
    rules assign; the grouping by indicator is tested with indicators set here.
    """
    return [
        d.model_copy(
            update={
                "commitments": [c.model_copy(update={"indicator": None}) for c in d.commitments]
            }
        )
        for d in parsed_documents
    ]
