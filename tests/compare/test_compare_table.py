"""compare_table and wide_table on the corpus: layout, dtypes, spans, grouping."""

from __future__ import annotations

from typing import Any

import pandas as pd
from tests.conftest import CORPUS_DOCS, read_original

from policyparse.compare import TABLE_COLUMNS, TABLE_DTYPES, compare_table, wide_table
from policyparse.schema import PolicyDocument


def _by_id(documents: list[PolicyDocument], doc_id: str) -> PolicyDocument:
    return next(d for d in documents if d.document.id == doc_id)


def test_columns_and_dtypes(corpus_documents: list[PolicyDocument]) -> None:
    table = compare_table(corpus_documents)
    assert tuple(table.columns) == TABLE_COLUMNS
    assert {name: str(dtype) for name, dtype in table.dtypes.items()} == TABLE_DTYPES
    for name in ("key", "n", "indicator", "document", "metric", "quote", "span_start", "year"):
        assert name in table.columns


def test_one_row_per_commitment(corpus_documents: list[PolicyDocument]) -> None:
    table = compare_table(corpus_documents)
    assert len(table) == sum(len(d.commitments) for d in corpus_documents)
    counts = table["document"].value_counts().to_dict()
    for document in corpus_documents:
        assert counts.get(document.document.id, 0) == len(document.commitments)
    assert not table.duplicated(["key", "document", "n"]).any()


def test_spans_index_the_document_text(corpus_documents: list[PolicyDocument]) -> None:
    table = compare_table(corpus_documents)
    texts = {path.stem: read_original(path) for path in CORPUS_DOCS}
    for row in table.itertuples():
        assert texts[row.document][row.span_start : row.span_end] == row.quote


def test_without_indicators_rows_are_keyed_by_metric(
    corpus_documents: list[PolicyDocument],
) -> None:
    table = compare_table(corpus_documents)
    assert table["indicator"].isna().all()
    with_metric = table[table["metric"].notna()]
    assert (with_metric["key"] == with_metric["metric"]).all()
    without_metric = table[table["metric"].isna()]
    assert (without_metric["key"] == without_metric["quote"]).all()


def test_as_parsed(parsed_documents: list[PolicyDocument]) -> None:
    """Whatever indicators the rules assign, every commitment has its row."""
    table = compare_table(parsed_documents)
    assert len(table) == sum(len(d.commitments) for d in parsed_documents)
    keyed = table[table["indicator"].notna()]
    assert (keyed["key"] == keyed["indicator"]).all()


def test_document_fields(corpus_documents: list[PolicyDocument]) -> None:
    table = compare_table(corpus_documents)
    first = table.groupby("document").first()
    assert first.loc["changchun-2018-quality-plan", "jurisdiction"] == "长春市"
    assert first.loc["changchun-2018-quality-plan", "year"] == 2018
    assert first.loc["changchun-2018-quality-plan", "title"].startswith(
        "长春市基础教育质量提升工程"
    )
    assert first.loc["province-2020-compulsory-quality-draft", "jurisdiction"] == "province"
    assert pd.isna(first.loc["province-2020-compulsory-quality-draft", "year"])
    assert first.loc["xxcity-2024-expand-quality-plan", "jurisdiction"] == "city"


def test_several_commitments_for_one_key_are_numbered(
    corpus_documents: list[PolicyDocument],
) -> None:
    table = compare_table(corpus_documents)
    rows = table[
        (table["document"] == "changchun-2018-quality-plan")
        & (table["key"] == "优质教育资源覆盖面")
    ]
    assert rows["n"].tolist() == [1, 2]
    assert rows["value"].tolist() == [95.0, 70.0]
    wide = wide_table(table).set_index("label")
    assert wide.loc["优质教育资源覆盖面", "changchun-2018-quality-plan"] == (
        "≥95% by 2020; ≥70% by 2020"
    )


def _with_indicators(
    documents: list[PolicyDocument], indicators: dict[tuple[str, str], str]
) -> list[PolicyDocument]:
    """Give the commitments (document id, metric) → an indicator id."""
    out = []
    for document in documents:
        commitments = [
            c.model_copy(update={"indicator": indicators[(document.document.id, c.metric or "")]})
            if (document.document.id, c.metric or "") in indicators
            else c
            for c in document.commitments
        ]
        out.append(document.model_copy(update={"commitments": commitments}))
    return out


INDICATORS = {
    ("changchun-2018-quality-plan", "优质普惠性幼儿园覆盖率"): "preschool.inclusive_share",
    ("xxcity-2024-expand-quality-plan", "普惠性幼儿园占比"): "preschool.inclusive_share",
    ("liaocheng-2020-basic-education-reform", "运动技能"): "students.sport_skills",
    ("province-2020-compulsory-quality-draft", "运动技能"): "students.sport_skills",
    ("qingdao-2016-arts-education", "艺术特长"): "students.arts_skills",
    ("province-2020-compulsory-quality-draft", "艺术特长"): "students.arts_skills",
    ("liaocheng-2020-basic-education-reform", "艺术技能"): "students.arts_skills",
}


def test_grouping_by_indicator(corpus_documents: list[PolicyDocument]) -> None:
    documents = _with_indicators(corpus_documents, INDICATORS)
    table = compare_table(documents)
    assert len(table) == sum(len(d.commitments) for d in corpus_documents)
    grouped = table[table["indicator"].notna()]
    # indicator rows come first, by indicator id, documents in input order
    assert table.index[: len(grouped)].tolist() == grouped.index.tolist()
    assert grouped[["indicator", "document"]].values.tolist() == [
        ["preschool.inclusive_share", "changchun-2018-quality-plan"],
        ["preschool.inclusive_share", "xxcity-2024-expand-quality-plan"],
        ["students.arts_skills", "liaocheng-2020-basic-education-reform"],
        ["students.arts_skills", "province-2020-compulsory-quality-draft"],
        ["students.arts_skills", "qingdao-2016-arts-education"],
        ["students.sport_skills", "liaocheng-2020-basic-education-reform"],
        ["students.sport_skills", "province-2020-compulsory-quality-draft"],
    ]
    assert (grouped["key"] == grouped["indicator"]).all()
    # the metric as the document words it is kept
    assert set(grouped[grouped["indicator"] == "students.arts_skills"]["metric"]) == {
        "艺术技能",
        "艺术特长",
    }
    wide = wide_table(table).set_index("label")
    share = wide.loc["preschool.inclusive_share"]
    assert share["changchun-2018-quality-plan"] == "≥80% by 2020"
    assert share["xxcity-2024-expand-quality-plan"] == "≥xx% by 2027"
    assert pd.isna(share["qingdao-2016-arts-education"])
    arts = wide.loc["students.arts_skills"]
    assert arts.dropna().to_dict() == {
        "liaocheng-2020-basic-education-reform": "1–2项",
        "province-2020-compulsory-quality-draft": "1–2项",
        "qingdao-2016-arts-education": "1–2项",
    }


def test_wide_table_layout(corpus_documents: list[PolicyDocument]) -> None:
    table = compare_table(corpus_documents)
    wide = wide_table(table)
    ids = [d.document.id for d in corpus_documents]
    assert list(wide.columns) == ["label", *ids]
    assert wide["label"].tolist() == list(dict.fromkeys(table["key"]))
    assert all(str(dtype) == "string" for dtype in wide.dtypes)
    # every commitment is in one cell
    cells = wide[ids].stack().dropna().tolist()
    assert sum(cell.count("; ") + 1 for cell in cells) == len(table)


def test_empty_input() -> None:
    table = compare_table([])
    assert tuple(table.columns) == TABLE_COLUMNS
    assert table.empty
    assert {name: str(dtype) for name, dtype in table.dtypes.items()} == TABLE_DTYPES
    assert list(wide_table(table).columns) == ["label"]


def test_documents_sharing_an_id_stay_apart(corpus_documents: list[PolicyDocument]) -> None:
    document = _by_id(corpus_documents, "changchun-2018-quality-plan")
    table = compare_table([document, document])
    assert table["document"].unique().tolist() == [
        "changchun-2018-quality-plan",
        "changchun-2018-quality-plan~2",
    ]
    assert list(wide_table(table).columns)[1:] == table["document"].unique().tolist()


def test_owner_columns(corpus_documents: list[PolicyDocument]) -> None:
    document = _by_id(corpus_documents, "baotou-2022-digital-government-assessment")
    owned: Any = next(c for c in document.commitments if c.owner)
    row = compare_table([document]).set_index("span_start").loc[owned.span[0]]
    assert row["owner"] == owned.owner
    normalized = owned.owner_normalized
    assert row["owner_body"] == (normalized.body if normalized else None) or pd.isna(
        row["owner_body"]
    )


def test_wide_columns_follow_the_input_order(corpus_documents: list[PolicyDocument]) -> None:
    documents = _with_indicators(list(reversed(corpus_documents)), INDICATORS)
    table = compare_table(documents)
    ids = [d.document.id for d in documents if d.commitments]
    assert list(wide_table(table).columns)[1:] == ids
    # without the input order (a table read back from a file): order of first rows
    table.attrs.clear()
    assert set(wide_table(table).columns[1:]) == set(ids)
