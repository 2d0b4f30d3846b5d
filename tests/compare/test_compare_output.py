"""write_table / read_table: CSV, Parquet and XLSX round trips, refusal, suffixes."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from policyparse.compare import (
    CompareError,
    compare_table,
    read_table,
    table_format,
    wide_table,
    write_table,
)
from policyparse.schema import PolicyDocument

SUFFIXES = [".csv", ".parquet", ".xlsx"]


@pytest.fixture(scope="module")
def table(corpus_documents: list[PolicyDocument]) -> pd.DataFrame:
    return compare_table(corpus_documents)


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_long_table_round_trips(table: pd.DataFrame, tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"table{suffix}"
    assert write_table(table, out) == suffix[1:]
    pd.testing.assert_frame_equal(read_table(out), table)
    assert [p.name for p in tmp_path.iterdir()] == [out.name]  # no temporary file left


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_wide_table_round_trips(table: pd.DataFrame, tmp_path: Path, suffix: str) -> None:
    wide = wide_table(table)
    out = tmp_path / f"wide{suffix}"
    write_table(wide, out)
    back = read_table(out)
    pd.testing.assert_frame_equal(back, wide)
    # "=300000个 by 2025" stays text, also in Excel (not a formula)
    assert "=300000个 by 2025" in back["xxcity-2021-reform-pilot-ocr"].dropna().tolist()


def test_plain_pandas_reads_the_files(table: pd.DataFrame, tmp_path: Path) -> None:
    for suffix in SUFFIXES:
        write_table(table, tmp_path / f"t{suffix}")
    csv = pd.read_csv(tmp_path / "t.csv", encoding="utf-8-sig")
    parquet = pd.read_parquet(tmp_path / "t.parquet")
    xlsx = pd.read_excel(tmp_path / "t.xlsx")
    for back in (csv, parquet, xlsx):
        assert list(back.columns) == list(table.columns)
        assert back["quote"].tolist() == table["quote"].tolist()
        assert back["span_start"].tolist() == table["span_start"].tolist()
    pd.testing.assert_frame_equal(parquet, table)


def test_csv_has_a_byte_order_mark_for_excel(table: pd.DataFrame, tmp_path: Path) -> None:
    out = tmp_path / "t.csv"
    write_table(table, out)
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert "优质普惠性幼儿园覆盖率" in data.decode("utf-8-sig")


def test_refuses_to_overwrite(table: pd.DataFrame, tmp_path: Path) -> None:
    out = tmp_path / "t.csv"
    out.write_text("keep", encoding="utf-8")
    with pytest.raises(CompareError, match=r"\[E301\]"):
        write_table(table, out)
    assert out.read_text(encoding="utf-8") == "keep"
    write_table(table, out, force=True)
    assert len(read_table(out)) == len(table)


@pytest.mark.parametrize("name", ["t.json", "t.jsonl", "t", "t.xls"])
def test_unknown_suffix(table: pd.DataFrame, tmp_path: Path, name: str) -> None:
    with pytest.raises(CompareError, match=r"must end in \.csv, \.parquet or \.xlsx"):
        table_format(name)
    with pytest.raises(CompareError):
        write_table(table, tmp_path / name)
    assert not list(tmp_path.iterdir())


def test_formats_by_suffix() -> None:
    assert table_format("a/b.CSV") == "csv"
    assert table_format("b.parquet") == "parquet"
    assert table_format(Path("b.xlsx")) == "xlsx"
