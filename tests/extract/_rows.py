"""Shared by the extraction tables: a row of real text, the commitment it is about,
and the check that the fields of that commitment are as expected."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

import pytest

import policyparse
from policyparse.schema import Commitment, PolicyDocument

DOCS = Path(__file__).resolve().parents[2] / "corpus" / "docs"

BT = "baotou-2022-digital-government-assessment"
CC = "changchun-2018-quality-plan"
LC = "liaocheng-2020-basic-education-reform"
PR = "province-2020-compulsory-quality-draft"
QD = "qingdao-2016-arts-education"
X21 = "xxcity-2021-reform-pilot-ocr"
X24 = "xxcity-2024-expand-quality-plan"


class Row(NamedTuple):
    text: str
    anchor: str  # a substring of the quote of the commitment the row is about
    expected: dict[str, Any]
    doc: str = ""  # CORPUS: the file stem the text was copied from
    reason: str = ""  # XFAIL: what goes wrong


def r(text: str, anchor: str, doc: str = "", **expected: Any) -> Row:
    return Row(text, anchor, expected, doc)


def x(reason: str, text: str, anchor: str, doc: str = "", **expected: Any) -> Row:
    return Row(text, anchor, expected, doc, reason)


def find(doc: PolicyDocument, anchor: str) -> Commitment:
    """The one commitment whose quote contains ``anchor``."""
    hits = [c for c in doc.commitments if anchor in c.quote]
    if len(hits) != 1:
        quotes = [c.quote for c in doc.commitments]
        pytest.fail(f"{len(hits)} commitments quote {anchor!r}; quotes: {quotes}")
    return hits[0]


def check_field_spans(text: str, c: Commitment) -> None:
    """The owner is named at ``owner_span`` and the deadline written at ``deadline_span``."""
    assert (c.owner is None) == (c.owner_span is None) == (c.owner_source is None)
    if c.owner_span is not None:
        assert re.sub(r"\s", "", text[c.owner_span[0] : c.owner_span[1]]) == re.sub(
            r"\s", "", c.owner or ""
        )
    # a deadline may be written without a year the text resolves (年底前 in an undated text)
    assert c.deadline is None or c.deadline_span is not None
    if c.deadline_span is not None:
        written = text[c.deadline_span[0] : c.deadline_span[1]]
        # 到2020年, 6月底, 年底前, “十四五”末 …
        assert re.search(r"\d|年|月|五", written), written


def check(row: Row) -> None:
    doc = policyparse.parse(row.text)
    for c in doc.commitments:
        assert row.text[c.span[0] : c.span[1]] == c.quote
        check_field_spans(row.text, c)
    found = find(doc, row.anchor)
    assert {name: getattr(found, name) for name in row.expected} == row.expected


def _id(row: Row) -> str:
    return f"{row.text.replace(chr(10), ' / ')} [{row.anchor}]"


@cache
def corpus_text(stem: str) -> str:
    """A corpus document as the pipeline decodes it (BOM dropped, line ends kept)."""
    return (DOCS / f"{stem}.txt").read_bytes().decode("utf-8-sig")


def assert_copied_from_corpus(doc: str, text: str) -> None:
    """Each line of a CORPUS row stands in its document (a final 。 may be added)."""
    for line in text.split("\n"):
        assert line.rstrip("。") in corpus_text(doc)


def known_gaps(rows: Iterable[Any], reason: Callable[[Any], str]) -> list[Any]:
    """Rows of known gaps as strict XFAIL parameters: a fixed gap fails the run."""
    return [pytest.param(r, marks=pytest.mark.xfail(strict=True, reason=reason(r))) for r in rows]
