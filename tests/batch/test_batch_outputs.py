"""The three outputs of ``batch``: the feed (JSON Lines), CSV and Parquet tables."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pandas as pd
import pytest
from tests.conftest import CORPUS_DOCS, read_original
from typer.testing import CliRunner

from policyparse.batch import TABLE_COLUMNS, commitment_rows, run_batch
from policyparse.cli import app
from policyparse.schema import SCHEMA_VERSION, Commitment, PolicyDocument

runner = CliRunner()
CORPUS_IDS = [path.stem for path in CORPUS_DOCS]


def _feed(path: Path) -> list[PolicyDocument]:
    return [
        PolicyDocument.model_validate_json(line) for line in path.read_text("utf-8").splitlines()
    ]


def test_the_feed_has_one_document_a_line_in_sorted_order(docs: Path, tmp_path: Path) -> None:
    out = tmp_path / "feed.jsonl"
    summary = run_batch([str(docs)], out, workers=1)
    documents = _feed(out)
    assert [d.document.id for d in documents] == CORPUS_IDS
    assert all(d.schema_version == SCHEMA_VERSION for d in documents)
    assert summary.documents == 7 and summary.total == 7 and summary.failures == ()
    assert summary.commitments == sum(len(d.commitments) for d in documents)
    assert summary.exit_code == 0 and summary.errors_file is None
    assert not Path(f"{out}.partial.jsonl").exists()
    assert not Path(f"{out}.errors.jsonl").exists()


def test_the_feed_is_what_extract_prints(docs: Path, tmp_path: Path) -> None:
    out = tmp_path / "feed.jsonl"
    run_batch([str(docs)], out, workers=1)
    lines = out.read_text("utf-8").splitlines()
    for line, path in zip(lines, sorted(docs.iterdir()), strict=True):
        result = runner.invoke(app, ["extract", str(path), "--compact"])
        assert result.stdout.strip() == line


def test_every_line_validates_against_the_json_schema(tmp_path: Path) -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    out = tmp_path / "feed.jsonl"
    run = runner.invoke(app, ["batch", str(CORPUS_DOCS[0].parent), "-o", str(out), "-w", "1"])
    assert run.exit_code == 0, run.output
    lines = out.read_text("utf-8").splitlines()
    assert len(lines) == len(CORPUS_DOCS)
    for line in lines:
        validator.validate(json.loads(line))


def test_schema_writes_a_file_and_refuses_to_overwrite(tmp_path: Path) -> None:
    out = tmp_path / "schema.json"
    assert runner.invoke(app, ["schema", "-o", str(out)]).exit_code == 0
    assert json.loads(out.read_text("utf-8"))["schema_version"] == SCHEMA_VERSION
    refused = runner.invoke(app, ["schema", "-o", str(out)])
    assert refused.exit_code == 2 and "E301" in refused.output


def test_commitment_ids_are_identical_across_runs(docs: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    run_batch([str(docs)], first, workers=1)
    run_batch([str(docs)], second, workers=1)
    ids = [[c.id for c in d.commitments] for d in _feed(first)]
    assert ids == [[c.id for c in d.commitments] for d in _feed(second)]
    assert sum(map(len, ids)) > 100
    assert len({i for doc_ids in ids for i in doc_ids}) == sum(map(len, ids))
    assert first.read_bytes() == second.read_bytes()


def test_every_commitment_field_is_a_column() -> None:
    spans = ("span", "deadline_span", "owner_span")
    fields = [f for f in Commitment.model_fields if f not in (*spans, "owner_normalized")]
    flattened = {f"{name}_{end}" for name in spans for end in ("start", "end")}
    flattened |= {"owner_body", "owner_level", "owner_generic"}
    assert set(fields) | flattened <= set(TABLE_COLUMNS)
    assert list(TABLE_COLUMNS)[:2] == ["doc_id", "source"]


def _check_table(table: pd.DataFrame, docs: Path) -> None:
    """Rows in input order, one per commitment; each span quotes the file."""
    assert list(table.columns) == list(TABLE_COLUMNS)
    expected = [row for d in _feed_of(docs) for row in commitment_rows(d)]
    assert len(table) == len(expected) > 100
    assert list(table["id"]) == [row["id"] for row in expected]
    assert list(dict.fromkeys(table["doc_id"])) == [p.stem for p in CORPUS_DOCS]
    texts = {p.stem: read_original(p) for p in CORPUS_DOCS}
    for row in table.itertuples():
        assert texts[row.doc_id][row.span_start : row.span_end] == row.quote


def _feed_of(docs: Path) -> list[dict[str, object]]:
    out = docs.parent / "table-reference.jsonl"
    run_batch([str(docs)], out, workers=1, force=True)
    return [json.loads(line) for line in out.read_text("utf-8").splitlines()]


def test_csv_has_one_row_per_commitment(docs: Path, tmp_path: Path) -> None:
    out = tmp_path / "commitments.csv"
    result = runner.invoke(app, ["batch", str(docs), "-o", str(out), "-w", "1", "-q"])
    assert result.exit_code == 0, result.output
    table = pd.read_csv(out, keep_default_na=False, na_values=[""])
    _check_table(table, docs)
    changchun = table[table["doc_id"] == "changchun-2018-quality-plan"]
    assert set(changchun["jurisdiction_city"]) == {"长春市"}
    assert set(changchun["issued"]) == {"2018-09-18"}


def test_parquet_has_typed_columns(docs: Path, tmp_path: Path) -> None:
    out = tmp_path / "commitments.parquet"
    summary = run_batch([str(docs)], out, workers=1)
    table = pd.read_parquet(out)
    _check_table(table, docs)
    assert len(table) == summary.commitments
    assert table["span_start"].dtype == "int64"
    assert table["value"].dtype == "float64"
    assert table["placeholder"].dtype == bool


def test_parquet_is_written_in_row_groups(
    docs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pyarrow.parquet as pq

    monkeypatch.setattr("policyparse.batch.ROW_GROUP_ROWS", 50)
    out = tmp_path / "commitments.parquet"
    summary = run_batch([str(docs)], out, workers=1)
    metadata = pq.ParquetFile(out).metadata
    assert metadata.num_rows == summary.commitments
    assert metadata.num_row_groups >= summary.commitments // 100


def test_a_table_without_commitments_has_its_columns(tmp_path: Path) -> None:
    (tmp_path / "plain.txt").write_text("一、总体要求\n加强领导。\n", encoding="utf-8")
    for name in ("empty.csv", "empty.parquet"):
        out = tmp_path / name
        run_batch([str(tmp_path / "plain.txt")], out, workers=1)
        table = pd.read_csv(out) if name.endswith(".csv") else pd.read_parquet(out)
        assert list(table.columns) == list(TABLE_COLUMNS) and len(table) == 0
