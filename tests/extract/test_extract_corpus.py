"""End to end on every corpus document: exact spans, valid records, stable ids,
every number accounted for, and spot checks of known strings.

Each document in ``corpus/docs`` is read as the file has it
(``Path.read_bytes().decode("utf-8-sig")``: ``\\r\\n`` kept, BOM dropped) and parsed
by path. The spot checks (``KNOWN_COMMITMENTS``, ``KNOWN_NOT_COMMITMENTS``) are
strings copied from the documents, with the values of ``corpus/gold`` and of
``corpus/GUIDELINES.md``; ``XFAIL`` holds the known gaps, strict.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any, NamedTuple

import pytest
from tests.extract._rows import BT, CC, DOCS, LC, PR, QD, X21, X24, corpus_text

import policyparse
from policyparse.schema import Commitment, PolicyDocument, SkippedNumber

PATHS = sorted(DOCS.glob("*.txt"))


# what canonicalize.py counts as number-like, in the original text (full width too)
NUMBER_LIKE = re.compile(
    r"[0-9０-９]+(?:[.．][0-9０-９]+)?[%％]?|(?<![A-Za-zＡ-Ｚａ-ｚ])[xX×ｘＸ]{1,3}(?![A-Za-zＡ-Ｚａ-ｚ])[%％]?"
)
# a list marker at the start of a line (OCR page breaks leave `\n2、` inside a sentence)
LINE_MARKER = re.compile(r"(?m)^[ \t\u3000]*[0-9]{1,3}[、.．]")
FREQUENCY = re.compile(r"per_(?:day|week|month|semester|year)|per_n_years:[1-9][0-9]?")


@cache
def parsed(stem: str) -> PolicyDocument:
    return policyparse.parse(DOCS / f"{stem}.txt", include_sentences=True)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


STEMS = [p.stem for p in PATHS]


def test_the_corpus_is_there() -> None:
    assert set(STEMS) >= {BT, CC, LC, PR, QD, X21, X24}


@pytest.mark.parametrize("stem", STEMS)
def test_quotes_are_the_text_at_their_spans(stem: str) -> None:
    text, doc = corpus_text(stem), parsed(stem)
    assert doc.commitments
    for c in doc.commitments:
        assert 0 <= c.span[0] < c.span[1] <= len(text)
        assert c.quote == text[c.span[0] : c.span[1]]
    for s in doc.skipped:
        assert 0 <= s.span[0] < s.span[1] <= len(text)
        assert s.quote == text[s.span[0] : s.span[1]]


@pytest.mark.parametrize("stem", STEMS)
def test_records_validate_against_the_schema(stem: str) -> None:
    doc = parsed(stem)
    for c in doc.commitments:
        assert Commitment.model_validate(c.model_dump()) == c
    for s in doc.skipped:
        assert SkippedNumber.model_validate(s.model_dump()) == s
    assert PolicyDocument.model_validate_json(doc.model_dump_json()) == doc


@pytest.mark.parametrize("stem", STEMS)
def test_fields_are_consistent(stem: str) -> None:
    """What GUIDELINES.md says of each field, record by record."""
    for c in parsed(stem).commitments:
        where = f"{c.quote!r} ({c.rule})"
        if c.kind == "deadline":
            assert (c.value, c.value_max, c.unit, c.comparator) == (None, None, None, None), where
            assert c.deadline is not None or c.deadline_month is not None, where
            assert not c.placeholder, where
        else:
            assert c.unit and c.comparator, where
            assert (c.value is None) == c.placeholder, where
        if c.value_max is not None:
            assert c.value is not None and c.value_max > c.value, where
        if c.deadline is not None:
            assert 1990 <= c.deadline <= 2100, where
        if c.deadline_month is not None:
            assert 1 <= c.deadline_month <= 12, where
        if c.frequency is not None:
            assert FREQUENCY.fullmatch(c.frequency), where
        assert c.quote.strip(), where


@pytest.mark.parametrize("stem", STEMS)
def test_ids_are_unique(stem: str) -> None:
    ids = [c.id for c in parsed(stem).commitments]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("stem", STEMS)
def test_a_second_run_gives_the_same_output(stem: str) -> None:
    again = policyparse.parse(DOCS / f"{stem}.txt", include_sentences=True)
    assert [c.id for c in again.commitments] == [c.id for c in parsed(stem).commitments]
    assert again.model_dump() == parsed(stem).model_dump()


def _time_values(text: str, start: int, end: int) -> list[tuple[tuple[int, int], str, Any]]:
    """Spans of the numbers of time expressions in ``text[start:end]``, with the field
    and value a commitment that uses them carries (``rules/time.yaml``)."""
    rules = policyparse.load_rules().time
    found: list[tuple[tuple[int, int], str, Any]] = []
    for deadline in rules.deadlines:
        for m in re.finditer(deadline.pattern, text[start:end]):
            for group, field in (("year", "deadline"), ("month", "deadline_month")):
                if m.groupdict().get(group):
                    span = (start + m.start(group), start + m.end(group))
                    found.append((span, field, int(m.group(group))))
    for m in re.finditer(rules.phase, text[start:end]):
        found.append(((start + m.start("year"), start + m.end("year")), "deadline", int(m["year"])))
    for frequency in rules.frequencies:
        for m in re.finditer(frequency.pattern, text[start:end]):
            n = m.groupdict().get("n")
            value = f"per_n_years:{int(n)}" if n and n.isdigit() else frequency.frequency
            found.append(((start + m.start(), start + m.end()), "frequency", value))
    return found


def _related(section: str | None, other: str | None) -> bool:
    if section is None or other is None:
        return section == other
    return section == other or section.startswith(f"{other}.") or other.startswith(f"{section}.")


@pytest.mark.parametrize("stem", STEMS)
def test_every_number_of_the_body_is_accounted_for(stem: str) -> None:
    """Every number-like span in a sentence of the body is in a commitment's quote,
    in ``skipped``, or is the year, month or period of a time expression whose value
    a commitment of the same sentence or section carries (到2020年，… / （6月底完成，…） /
    每3年…); list markers that a page break left at the start of a line aside."""
    text, doc = corpus_text(stem), parsed(stem)
    assert doc.sentences is not None
    covered = [c.span for c in doc.commitments] + [s.span for s in doc.skipped]
    markers = [m.span() for m in LINE_MARKER.finditer(text)]
    missing = []
    for sentence in doc.sentences:
        near = [
            c
            for c in doc.commitments
            if _overlaps(c.span, sentence.span) or _related(c.section, sentence.section)
        ]
        times = _time_values(text, *sentence.span)
        for m in NUMBER_LIKE.finditer(text, *sentence.span):
            span = m.span()
            if any(s <= span[0] and span[1] <= e for s, e in covered + markers):
                continue
            if any(
                s <= span[0] and span[1] <= e and any(getattr(c, field) == value for c in near)
                for (s, e), field, value in times
            ):
                continue
            missing.append((m.group(), span, text[max(0, span[0] - 12) : span[1] + 8]))
    assert not missing


class Known(NamedTuple):
    doc: str
    anchor: str  # a substring of exactly one commitment's quote in the document
    expected: dict[str, Any]
    reason: str = ""  # XFAIL


def k(doc: str, anchor: str, **expected: Any) -> Known:
    return Known(doc, anchor, expected)


def find(doc: PolicyDocument, anchor: str) -> Commitment:
    """The one commitment whose quote contains ``anchor``."""
    hits = [c for c in doc.commitments if anchor in c.quote]
    if len(hits) != 1:
        quotes = [c.quote for c in doc.commitments]
        pytest.fail(f"{len(hits)} commitments quote {anchor!r}; quotes: {quotes}")
    return hits[0]


# fmt: off
KNOWN_COMMITMENTS: list[Known] = [
    k(CC, "第一阶段：2018年", kind="deadline", deadline=2018, value=None),
    k(CC, "第三阶段：2020年", kind="deadline", deadline=2020),
    k(CC, "160所", kind="target", value=160, unit="所", comparator=">=", deadline=2020, scope="全市"),
    k(LC, "30名水城名校长", kind="frequency", value=30, unit="名", frequency="per_n_years:3"),
    k(LC, "1000元/生/年", kind="standard", value=1000, unit="元/生/年", comparator=">=", deadline=2020),
    k(QD, "百支", value=100, unit="支", deadline=2020, owner="市教育局、市文广新局、市政府外办，各区、市政府"),
    k(QD, "150所", value=150, comparator=">=", deadline=2020),
    k(X21, "30万个", kind="change", value=300000, unit="个", deadline=2025),
    k(X24, "报市教育局备案", kind="deadline", deadline=2024, deadline_month=7, owner="各县区"),
    k(X24, "3至5年", kind="frequency", value=3, value_max=5, unit="年", frequency="per_n_years:3"),
    k(BT, "年底前完成全部改造任务", kind="deadline", deadline=2022, deadline_month=12),
    k(BT, "综合一窗率达90%", value=90, comparator=">=", deadline=2022, deadline_month=3, owner="市审批服务局"),
    k(BT, "4600个", value=4600, unit="个", owner="市工信局"),
    k(PR, "当地公务员", kind="standard", value=100, unit="%", comparator=">="),
]


class NotCommitment(NamedTuple):
    doc: str
    needle: str  # verbatim text of the document, at its first occurrence after `after`
    reason: str | None  # the skipped reason of its number; None: metadata, not in the body
    after: str = ""  # a verbatim string the needle follows (to pick one occurrence)
    value: float | None = None  # inside a real quote: no commitment over it has this value
    why: str = ""  # XFAIL


KNOWN_NOT_COMMITMENTS: list[NotCommitment] = [
    NotCommitment(BT, "（25分）", "weight", why="a score weight in points （25分） is skipped as unparsed, not weight"),
    NotCommitment(QD, "国办发〔2015〕71号", "document_number", why="a document number cited in the body is skipped as unparsed, not document_number"),
    NotCommitment(BT, "12345", "phone", why="a phone number is skipped as unparsed, not phone"),
    NotCommitment(QD, "（青政办发〔2016〕33号）", None),
    NotCommitment(LC, "聊教体发〔2020〕7号", None),
    NotCommitment(CC, "2018年9月18日", None),
    NotCommitment(BT, "（60%）", "weight"),
    NotCommitment(LC, "不足100人", "condition"),
    NotCommitment(X21, "187个", "existing"),
    NotCommitment(X21, "26所", "existing_development"),
    NotCommitment(BT, "5G", "technology_name", after="新增", value=5),
    NotCommitment(CC, "九台", "place_name", after="三县（市）、", value=9),
    NotCommitment(CC, "一类", "category_rank", after="全市", value=1),
    NotCommitment(QD, "108课时", "equivalence"),
]

XFAIL: list[NotCommitment] = []
# fmt: on


@pytest.mark.parametrize("row", KNOWN_COMMITMENTS, ids=lambda row: f"{row.doc}:{row.anchor}")
def test_known_commitments(row: Known) -> None:
    found = find(parsed(row.doc), row.anchor)
    assert {name: getattr(found, name) for name in row.expected} == row.expected


def check_not_commitment(row: NotCommitment) -> None:
    text, doc = corpus_text(row.doc), parsed(row.doc)
    start = text.index(row.needle, text.index(row.after) + len(row.after) if row.after else 0)
    span = (start, start + len(row.needle))
    over = [c for c in doc.commitments if _overlaps(c.span, span)]
    if row.value is None:
        assert not [c.quote for c in over]
    else:
        assert all(c.value != row.value for c in over), [c.quote for c in over]
    reasons = [s.reason for s in doc.skipped if _overlaps(s.span, span)]
    if row.reason is None:
        assert not reasons
        assert doc.sentences is not None
        assert not [s.span for s in doc.sentences if _overlaps(s.span, span)]
    else:
        assert reasons
        assert set(reasons) == {row.reason}


@pytest.mark.parametrize(
    "row", KNOWN_NOT_COMMITMENTS, ids=lambda row: f"{row.doc}:{row.after}{row.needle}"
)
def test_known_not_commitments(row: NotCommitment) -> None:
    check_not_commitment(row)


@pytest.mark.parametrize(
    "row",
    [pytest.param(r, marks=pytest.mark.xfail(strict=True, reason=r.why)) for r in XFAIL],
    ids=lambda row: f"{row.doc}:{row.needle}",
)
def test_known_gaps(row: NotCommitment) -> None:
    check_not_commitment(row)


def test_metadata_holds_the_header_numbers() -> None:
    assert parsed(QD).document.doc_number == "青政办发〔2016〕33号"
    assert parsed(LC).document.doc_number == "聊教体发〔2020〕7号"
    assert parsed(CC).document.issued == "2018-09-18"
    assert parsed(BT).document.year == 2022
