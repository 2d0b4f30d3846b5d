"""Every span the tool reports indexes the original text exactly."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policyparse.pipeline import parse
from policyparse.types import SourceText
from tests.conftest import CORPUS_DOCS, read_original
from tests.extract._rows import check_field_spans


def check_spans(text: str, document: object) -> None:
    from policyparse.schema import PolicyDocument

    assert isinstance(document, PolicyDocument)
    n = len(text)
    for section in document.sections:
        s, e = section.span
        assert 0 <= s < e <= n
        ms, me = section.marker_span
        assert text[ms:me].strip() == section.marker
        assert s <= ms < me <= e
        if section.heading_span is not None:
            hs, he = section.heading_span
            assert text[hs:he] == section.heading
            assert me <= hs < he <= e
    for sentence in document.sentences or []:
        s, e = sentence.span
        assert 0 <= s < e <= n
        quote = text[s:e]
        assert quote == quote.strip() and quote
        for cs, ce in sentence.clauses:
            assert s <= cs < ce <= e
    for commitment in document.commitments:
        assert text[commitment.span[0] : commitment.span[1]] == commitment.quote
        check_field_spans(text, commitment)
    for items in document.document.evidence.values():
        for item in items:
            assert text[item.span[0] : item.span[1]] == item.quote


@pytest.mark.parametrize("path", CORPUS_DOCS, ids=lambda p: p.stem)
def test_corpus_spans_are_exact(path: Path) -> None:
    document = parse(path, include_sentences=True)
    check_spans(read_original(path), document)


@pytest.mark.parametrize("path", CORPUS_DOCS, ids=lambda p: p.stem)
def test_sentences_cover_the_body_in_order(path: Path) -> None:
    document = parse(path, include_sentences=True)
    spans = [s.span for s in document.sentences or []]
    assert spans == sorted(spans)
    assert all(a[1] <= b[0] for a, b in pairwise(spans))


def _source(text: str) -> SourceText:
    return SourceText(source="<text>", text=text, encoding="utf-8", file_format="txt", sha256="0")


PIECES = st.sampled_from(
    [
        "一、",
        "（一）",
        "(二)",
        "1．",
        "2.",
        "①",
        "一是",
        "二是",
        "第一阶段：",
        "附件",
        "\n",
        "\r\n",
        "\n\n",
        "。",
        "；",
        "，",
        "“",
        "”",
        "《",
        "》",
        "（",
        "）",
        "**",
        "&nbsp;",
        "　",
        " ",
        "2020年",
        "80%",
        "８０％",
        "到2020年，",
        "覆盖率达到",
        "學生",
        "根底",
        "效劳",
        "原那么",
        "到达100%",
        "3、",
        "市教育局",
        "xx%",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(PIECES, st.text(max_size=5)), max_size=60).map("".join))
def test_any_text_parses_with_exact_spans(text: str) -> None:
    from policyparse.pipeline import parse_source

    document = parse_source(_source(text), include_sentences=True)
    check_spans(text, document)
