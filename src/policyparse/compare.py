"""Compare documents: the same indicator side by side across cities and years.

:func:`compare_table` turns parsed documents into a long table, one row per
commitment keyed by its indicator (or, while no indicator fits, its metric);
:func:`wide_table` pivots it to one row per key and one column per document, each
cell written by :func:`format_cell` (``≥80% by 2020``). :func:`write_table` writes
either table as CSV, Parquet or XLSX, atomically; :func:`read_table` reads one
back with the same columns and dtypes.

Grouping:

- ``key`` is the commitment's ``indicator`` when it has one, else its ``metric``,
  else its ``quote`` — so no commitment is dropped and a commitment without an
  indicator keeps ``indicator`` null and its ``metric``.
- A document with several commitments for the same key keeps them all, as
  separate rows numbered ``n`` = 1, 2, … in text order; the wide table joins
  them in one cell with ``"; "``.
- Rows with an indicator come first, by indicator id; then the others, by the
  key's first appearance; within a key, documents in input order.

This module never prints and imports neither typer nor rich.
"""

from __future__ import annotations

import importlib
import math
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal, TypeAlias

from .batch import Failure, expand_inputs, handle_error
from .errors import Errors, PolicyparseError
from .ingest import read_source
from .ruleset import RuleSet
from .schema import Commitment, PolicyDocument

__all__ = [
    "TABLE_COLUMNS",
    "TABLE_DTYPES",
    "CompareError",
    "DataFrame",
    "TableFormat",
    "compare_table",
    "format_cell",
    "read_documents",
    "read_table",
    "table_format",
    "wide_table",
    "write_table",
]

# pandas ships no type information: a DataFrame is Any to the type checker
DataFrame: TypeAlias = Any
TableFormat = Literal["csv", "parquet", "xlsx"]

TABLE_DTYPES: dict[str, str] = {
    "key": "string",
    "n": "Int64",
    "indicator": "string",
    "document": "string",
    "title": "string",
    "jurisdiction": "string",
    "year": "Int64",
    "value": "Float64",
    "value_max": "Float64",
    "unit": "string",
    "comparator": "string",
    "deadline": "Int64",
    "deadline_month": "Int64",
    "frequency": "string",
    "owner": "string",
    "owner_body": "string",
    "owner_level": "string",
    "metric": "string",
    "quote": "string",
    "span_start": "Int64",
    "span_end": "Int64",
    "kind": "string",
    "modality": "string",
    "placeholder": "bool",
}
TABLE_COLUMNS: tuple[str, ...] = tuple(TABLE_DTYPES)
WIDE_LABEL = "label"
# DataFrame.attrs entry of compare_table: the document ids in input order
DOCUMENTS_ATTR = "documents"
CELL_SEPARATOR = "; "
XLSX_SHEET = "compare"

_FORMATS: dict[str, TableFormat] = {".csv": "csv", ".parquet": "parquet", ".xlsx": "xlsx"}
_COMPARATORS = {">=": "≥", "<=": "≤", "=": "=", "between": ""}
_EMPTY_CELL = "—"


class CompareError(PolicyparseError, ValueError):
    """A comparison cannot be written: unknown suffix, an output that exists."""


def _pandas() -> Any:
    return importlib.import_module("pandas")


# --- reading ---------------------------------------------------------------------


def read_documents(
    inputs: Iterable[str], *, rules: RuleSet | None = None
) -> tuple[list[PolicyDocument], list[Failure]]:
    """Parse the documents named by files, folders and glob patterns.

    A document that cannot be read or parsed is a :class:`~policyparse.batch.Failure`
    with a one-line reason; the others go on.

    Returns:
        The parsed documents and the failures, each in the sorted order of the paths.
    """
    from .pipeline import parse_source

    documents: list[PolicyDocument] = []
    failures: list[Failure] = []
    for path in expand_inputs(inputs):
        try:
            documents.append(parse_source(read_source(path), rules=rules))
        except Exception as e:  # one bad document must not stop the comparison
            failures.append(handle_error(path, e))
    return documents, failures


# --- the long table --------------------------------------------------------------


def _place(document: PolicyDocument) -> str | None:
    place = document.document.jurisdiction
    return place.county or place.city or place.province or place.level


def _document_ids(documents: Sequence[PolicyDocument]) -> list[str]:
    """The documents' ids, made unique (``plan``, ``plan~2``) when two files share a stem."""
    seen: dict[str, int] = {}
    ids: list[str] = []
    for document in documents:
        base = document.document.id
        seen[base] = seen.get(base, 0) + 1
        ids.append(base if seen[base] == 1 else f"{base}~{seen[base]}")
    return ids


def _key(commitment: Commitment) -> str:
    return commitment.indicator or commitment.metric or commitment.quote


def _row(document: PolicyDocument, doc_id: str, commitment: Commitment, n: int) -> dict[str, Any]:
    meta = document.document
    owner = commitment.owner_normalized
    return {
        "key": _key(commitment),
        "n": n,
        "indicator": commitment.indicator,
        "document": doc_id,
        "title": meta.title,
        "jurisdiction": _place(document),
        "year": meta.year,
        "value": commitment.value,
        "value_max": commitment.value_max,
        "unit": commitment.unit,
        "comparator": commitment.comparator,
        "deadline": commitment.deadline,
        "deadline_month": commitment.deadline_month,
        "frequency": commitment.frequency,
        "owner": commitment.owner,
        "owner_body": owner.body if owner else None,
        "owner_level": owner.level if owner else None,
        "metric": commitment.metric,
        "quote": commitment.quote,
        "span_start": commitment.span[0],
        "span_end": commitment.span[1],
        "kind": commitment.kind,
        "modality": commitment.modality,
        "placeholder": commitment.placeholder,
    }


def _empty_frame() -> DataFrame:
    pd = _pandas()
    return pd.DataFrame({name: pd.Series([], dtype=dtype) for name, dtype in TABLE_DTYPES.items()})


def _typed(rows: list[dict[str, Any]]) -> DataFrame:
    pd = _pandas()
    if not rows:
        return _empty_frame()
    columns = {
        name: pd.array([row[name] for row in rows], dtype=dtype)
        for name, dtype in TABLE_DTYPES.items()
    }
    return pd.DataFrame(columns)


def compare_table(documents: Sequence[PolicyDocument]) -> DataFrame:
    """One row per commitment, keyed by indicator (else metric) and document.

    The columns are :data:`TABLE_COLUMNS` with the dtypes of :data:`TABLE_DTYPES`;
    see the module's docstring for the key, the ordinal ``n`` and the row order.

    >>> import policyparse
    >>> doc = policyparse.parse("到2020年，实现优质普惠性幼儿园覆盖率达到80%。")
    >>> table = compare_table([doc])
    >>> table[["metric", "n", "value", "unit", "comparator", "deadline"]].to_dict("records")
    [{'metric': '优质普惠性幼儿园覆盖率', 'n': 1, 'value': 80.0, 'unit': '%', 'comparator': '>=', 'deadline': 2020}]
    >>> format_cell(table.iloc[0])
    '≥80% by 2020'
    """  # noqa: E501
    ordered: list[tuple[tuple[int, str, int, int, int], dict[str, Any]]] = []
    first_seen: dict[str, int] = {}
    for position, (document, doc_id) in enumerate(
        zip(documents, _document_ids(documents), strict=True)
    ):
        counts: dict[str, int] = {}
        for index, commitment in enumerate(document.commitments):
            key = _key(commitment)
            counts[key] = counts.get(key, 0) + 1
            first_seen.setdefault(key, len(first_seen))
            if commitment.indicator is not None:
                group = (0, commitment.indicator, 0)
            else:
                group = (1, "", first_seen[key])
            row = _row(document, doc_id, commitment, counts[key])
            ordered.append(((*group, position, index), row))
    ordered.sort(key=lambda item: item[0])
    table = _typed([row for _, row in ordered])
    table.attrs[DOCUMENTS_ATTR] = _document_ids(documents)
    return table


# --- cells and the wide table ----------------------------------------------------


def _missing(value: Any) -> bool:
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN and pandas.NA
    except TypeError:  # pandas.NA refuses bool()
        return True


def _get(row: Mapping[str, Any], name: str) -> Any:
    try:
        value = row[name]
    except (KeyError, IndexError):
        return None
    return None if _missing(value) else value


def _number(value: Any) -> str:
    """80.0 → ``80``, 1.5 → ``1.5``; anything that is not a finite number as written."""
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        return str(value)
    if not math.isfinite(number) or isinstance(value, bool):
        return str(value)
    if number.is_integer():
        return str(int(number))
    return repr(number)


def _frequency(frequency: str) -> str:
    if frequency.startswith("per_n_years:"):
        return f"every {frequency.partition(':')[2]} years"
    return frequency.replace("_", " ")


def format_cell(row: Mapping[str, Any]) -> str:
    """A commitment as a short cell: comparator, value, unit, deadline, frequency.

    Total: any mapping (a dict, a row of :func:`compare_table`) gives a string;
    missing fields (``None``, NaN, ``pandas.NA``) are left out, and a row with
    nothing to show is ``—``.

    >>> format_cell({"comparator": ">=", "value": 80.0, "unit": "%", "deadline": 2020})
    '≥80% by 2020'
    >>> format_cell({"comparator": "=", "value": 300000.0, "unit": "个", "deadline": 2025})
    '=300000个 by 2025'
    >>> format_cell({"comparator": "between", "value": 1.0, "value_max": 2.0, "unit": "项"})
    '1–2项'
    >>> format_cell({"comparator": ">=", "value": None, "unit": "%", "placeholder": True})
    '≥xx%'
    >>> format_cell({"comparator": ">=", "value": 90.0, "unit": "%", "deadline": 2022,
    ...              "deadline_month": 6})
    '≥90% by 2022-06'
    >>> format_cell({"comparator": "=", "value": 20.0, "unit": "名", "frequency": "per_year"})
    '=20名 per year'
    >>> format_cell({"comparator": "=", "value": 1.0, "unit": "次",
    ...              "frequency": "per_n_years:3"})
    '=1次 every 3 years'
    >>> format_cell({"kind": "deadline", "deadline": 2020})
    'by 2020'
    >>> format_cell({"comparator": "<=", "value": 0.5, "unit": "公里"})
    '≤0.5公里'
    >>> format_cell({})
    '—'
    """
    comparator = _get(row, "comparator")
    value = _get(row, "value")
    value_max = _get(row, "value_max")
    unit = _get(row, "unit") or ""
    placeholder = bool(_get(row, "placeholder"))
    parts: list[str] = []
    if value is not None or placeholder:
        low = "xx" if value is None else _number(value)
        if comparator == "between" or value_max is not None:
            high = "xx" if value_max is None else _number(value_max)
            amount = f"{low}–{high}{unit}"
        else:
            amount = f"{_COMPARATORS.get(str(comparator), '') if comparator else ''}{low}{unit}"
        parts.append(amount)
    deadline = _get(row, "deadline")
    if deadline is not None:
        month = _get(row, "deadline_month")
        when = _number(deadline) if month is None else f"{_number(deadline)}-{_number(month):0>2}"
        parts.append(f"by {when}")
    frequency = _get(row, "frequency")
    if frequency is not None:
        parts.append(_frequency(str(frequency)))
    return " ".join(parts) or _EMPTY_CELL


def wide_table(df: DataFrame) -> DataFrame:
    """Pivot a :func:`compare_table` to keys (rows) × documents (columns).

    The first column, ``label``, is the key (indicator id, else metric); then one
    string column per document with rows in the table, in input order (the order
    of the documents given to :func:`compare_table`, else of their first row), holding
    :func:`format_cell` of its commitments for that key (several joined with
    ``"; "`` in the order of ``n``), or null when the document has none.
    """
    pd = _pandas()
    present = dict.fromkeys(df["document"].tolist())
    given = [d for d in df.attrs.get(DOCUMENTS_ATTR, ()) if d in present]
    documents = list(dict.fromkeys([*given, *present]))
    labels = list(dict.fromkeys(df["key"].tolist()))
    cells: dict[tuple[str, str], list[str]] = {}
    for record in df.sort_values(["key", "document", "n"], kind="stable").to_dict("records"):
        cells.setdefault((record["key"], record["document"]), []).append(format_cell(record))
    columns: dict[str, Any] = {WIDE_LABEL: pd.array(labels, dtype="string")}
    for document in documents:
        values = [cells.get((label, document)) for label in labels]
        columns[document] = pd.array(
            [CELL_SEPARATOR.join(v) if v else None for v in values], dtype="string"
        )
    return pd.DataFrame(columns)


# --- writing and reading tables --------------------------------------------------


def table_format(output: str | Path) -> TableFormat:
    """``csv``, ``parquet`` or ``xlsx``, from the output's suffix.

    Raises:
        CompareError: For any other suffix.
    """
    suffix = Path(output).suffix.lower()
    if suffix not in _FORMATS:
        raise CompareError(f"{output}: the output must end in .csv, .parquet or .xlsx")
    return _FORMATS[suffix]


def _write_xlsx(df: DataFrame, path: Path) -> None:
    pd = _pandas()
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        df.to_excel(writer, index=False, sheet_name=XLSX_SHEET)
        # a text starting with "=" (the cell "=300000个 by 2025") is text, not a formula
        for row in writer.sheets[XLSX_SHEET].iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"


def write_table(df: DataFrame, output: str | Path, *, force: bool = False) -> TableFormat:
    """Write a table as CSV (UTF-8 with BOM, for Excel), Parquet or XLSX by suffix.

    The file is written to a temporary name in the same folder and renamed, so it
    is never left half-written.

    Returns:
        The format written.

    Raises:
        CompareError: An unknown suffix, or an existing ``output`` without ``force``
            (E301).
        OSError: The file cannot be written.
    """
    fmt = table_format(output)
    path = Path(output)
    if path.exists() and not force:
        raise CompareError(Errors.E301.format(path=path))
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        if fmt == "csv":
            df.to_csv(tmp, index=False, encoding="utf-8-sig")
        elif fmt == "parquet":
            df.to_parquet(tmp, index=False, engine="pyarrow")
        else:
            _write_xlsx(df, tmp)
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return fmt


def read_table(path: str | Path) -> DataFrame:
    """Read a table written by :func:`write_table` back, with its dtypes.

    The columns of :data:`TABLE_DTYPES` get their dtypes; any other column (the
    documents of a wide table) is a string column.
    """
    pd = _pandas()
    fmt = table_format(path)
    if fmt == "csv":
        df = pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False)
        df = df.replace("", None)
    elif fmt == "parquet":
        df = pd.read_parquet(path, engine="pyarrow")
    else:
        df = pd.read_excel(path, engine="openpyxl", sheet_name=XLSX_SHEET, dtype=object)
    dtypes = {name: TABLE_DTYPES.get(name, "string") for name in df.columns}
    if fmt == "parquet":
        return df.astype(dtypes)
    return _coerce(df, dtypes)


def _coerce(df: DataFrame, dtypes: dict[str, str]) -> DataFrame:
    """Text or Excel values to the table's dtypes (numbers and booleans parsed)."""
    pd = _pandas()
    out = {}
    for name, dtype in dtypes.items():
        column = df[name].astype(object).where(df[name].notna(), None)
        if dtype in ("Int64", "Float64"):
            out[name] = pd.array(pd.to_numeric(column), dtype="Float64").astype(dtype)
        elif dtype == "bool":
            out[name] = pd.array(
                [v is not None and str(v).strip().lower() == "true" for v in column], dtype="bool"
            )
        else:
            out[name] = pd.array([None if v is None else str(v) for v in column], dtype="string")
    return pd.DataFrame(out)
