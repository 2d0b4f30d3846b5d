"""format_cell: real corpus values as cells, and totality on any row."""

from __future__ import annotations

import math
from typing import Any

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from policyparse.compare import compare_table, format_cell
from policyparse.schema import PolicyDocument

# (document, key, n) → the cell of that commitment, as the corpus states it
CORPUS_CELLS = [
    ("changchun-2018-quality-plan", "优质普惠性幼儿园覆盖率", 1, "≥80% by 2020"),
    ("changchun-2018-quality-plan", "一类以上优质幼儿园数量", 1, "≥160所 by 2020"),
    ("changchun-2018-quality-plan", "质量工程启动实施", 1, "by 2018"),
    ("xxcity-2021-reform-pilot-ocr", "学位", 1, "=300000个 by 2025"),
    ("xxcity-2021-reform-pilot-ocr", "单程通勤时间", 1, "≤30分钟"),
    ("xxcity-2021-reform-pilot-ocr", "优秀思政课", 1, "=20堂 per year"),
    ("liaocheng-2020-basic-education-reform", "运动技能", 1, "1–2项"),
    ("liaocheng-2020-basic-education-reform", "水城名校长", 1, "=30名 every 3 years"),
    ("xxcity-2024-expand-quality-plan", "普惠性幼儿园占比", 1, "≥xx% by 2027"),
    ("xxcity-2024-expand-quality-plan", "高品质特色普通高中", 1, "=xx所 by 2027"),
    (
        "baotou-2022-digital-government-assessment",
        "纳入自治区市场监管重点领域智慧监管（风险管控）平台的重点领域市场主体比例",
        1,
        "≥90% by 2022-06",
    ),
    ("baotou-2022-digital-government-assessment", "功能模块", 1, "=19类 by 2022-06"),
]


@pytest.mark.parametrize(("document", "key", "n", "cell"), CORPUS_CELLS)
def test_corpus_cells(
    corpus_documents: list[PolicyDocument], document: str, key: str, n: int, cell: str
) -> None:
    table = compare_table(corpus_documents)
    rows = table[(table["document"] == document) & (table["key"] == key) & (table["n"] == n)]
    assert len(rows) == 1
    assert format_cell(rows.iloc[0]) == cell
    assert format_cell(rows.to_dict("records")[0]) == cell


def test_every_corpus_row_has_a_cell(corpus_documents: list[PolicyDocument]) -> None:
    table = compare_table(corpus_documents)
    cells = [format_cell(row) for _, row in table.iterrows()]
    assert all(cell and cell != "—" for cell in cells)
    placeholders = table[table["placeholder"] & table["value"].isna()]
    assert placeholders.apply(lambda row: "xx" in format_cell(row), axis=1).all()


@pytest.mark.parametrize(
    ("row", "cell"),
    [
        ({}, "—"),
        ({"value": None, "unit": None, "comparator": None}, "—"),
        ({"value": math.nan, "deadline": pd.NA, "unit": pd.NA}, "—"),
        ({"value": 3.0, "value_max": 5.0, "unit": "年", "comparator": "between"}, "3–5年"),
        ({"value": None, "value_max": None, "comparator": "between", "placeholder": True}, "xx–xx"),
        ({"value": 1.5, "unit": "倍", "comparator": "="}, "=1.5倍"),
        ({"value": 2.0, "comparator": None, "unit": "倍"}, "2倍"),
        ({"value": 80.0, "unit": "%", "comparator": ">=", "deadline": 2020.0}, "≥80% by 2020"),
    ],
)
def test_cells_of_edge_rows(row: dict[str, Any], cell: str) -> None:
    assert format_cell(row) == cell


_VALUES = st.one_of(
    st.none(),
    st.just(math.nan),
    st.just(pd.NA),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.text(max_size=5),
    st.booleans(),
)


# the fields a cell shows, and a few it ignores: drawing from all the table's
# columns makes examples slow to generate without reaching other code
_CELL_KEYS = (
    "kind",
    "value",
    "value_max",
    "unit",
    "comparator",
    "deadline",
    "deadline_month",
    "frequency",
    "placeholder",
    "metric",
    "owner",
    "span_start",
)


@given(st.dictionaries(st.sampled_from(_CELL_KEYS), _VALUES))
def test_format_cell_is_total(row: dict[str, Any]) -> None:
    cell = format_cell(row)
    assert isinstance(cell, str)
    assert cell


@given(
    st.fixed_dictionaries(
        {
            "value": st.floats(min_value=0, max_value=1e9, allow_nan=False),
            "unit": st.sampled_from(["%", "所", "个", "项"]),
            "comparator": st.sampled_from([">=", "<=", "="]),
            "deadline": st.integers(min_value=2000, max_value=2050),
        }
    )
)
def test_format_cell_shows_the_value_and_deadline(row: dict[str, Any]) -> None:
    cell = format_cell(row)
    assert cell.endswith(f"{row['unit']} by {row['deadline']}")
    assert cell[0] in "≥≤="
