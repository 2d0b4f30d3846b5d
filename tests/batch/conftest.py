"""Fixtures of the batch tests: folders of corpus documents, bad files, a reference feed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tests.conftest import CORPUS_DOCS

from policyparse.batch import run_batch

# a file that is readable bytes but not a document
BINARY = b"\x00\x01\x02\x03\xff\xfe" * 200


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: starts worker processes or a Dask cluster")


def copy_corpus(folder: Path) -> list[Path]:
    """The corpus documents copied into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    return [Path(shutil.copy(path, folder / path.name)) for path in CORPUS_DOCS]


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    """A folder with the seven corpus documents."""
    folder = tmp_path / "docs"
    copy_corpus(folder)
    return folder


@pytest.fixture
def docs_with_bad_files(docs: Path) -> Path:
    """The corpus documents with an empty and a binary file sorted between them."""
    (docs / "d-empty.txt").write_bytes(b"")
    (docs / "p-binary.txt").write_bytes(BINARY)
    return docs


@pytest.fixture(scope="session")
def reference_feed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    """The feed of an uninterrupted in-process run over a corpus copy: (folder, bytes)."""
    root = tmp_path_factory.mktemp("reference")
    folder = root / "docs"
    copy_corpus(folder)
    out = root / "feed.jsonl"
    run_batch([str(folder)], out, workers=1)
    return folder, out.read_bytes()
