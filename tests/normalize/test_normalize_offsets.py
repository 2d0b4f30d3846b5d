"""The offset map of the clean text, checked on any text and on every corpus document.

Clean character ``i`` stands for ``original[starts[i]:ends[i]]``: both lists have
one entry per clean character, never decrease, and point inside the original.
Mapping a clean span to the original and back covers the span again.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path

import opencc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.conftest import CORPUS, CORPUS_DOCS, read_original

from policyparse.normalize import normalize_text
from policyparse.ruleset import RuleSet, load_rules
from policyparse.types import CleanText

OCR_DOC = CORPUS / "docs" / "xxcity-2021-reform-pilot-ocr.txt"
PROPERTY = settings(max_examples=200, deadline=None)

# pieces of converted policy documents, glued together in any order
# fmt: off
PIECES = [
    "聊", "城", "市", "教", "育", "局", "发展", "开展", "服务", "根底", "效劳", "原那么",
    "到达", "根本", "标准", "学", "長", "學生", "家長", "達到", "８０％", "２０２０",
    "ＡＢ", "（一）", "（二）", "一、", "1．", "1、", "2、", "3、", "12、", "。", "，", "、",
    "；", "：", "《", "》", "“", "”", "\r\n", "\n", "\n\n", "\r", " ", "  ", "\t", "\u3000",
    "**", "****", "&nbsp;", "&amp;", "&#12288;", "&#x5B78;", "&bogus;", "[bookmark: _GoBack]",
    "- 3 -", "第 2 页", "3 / 12", "https://example.org/a.html", "2020年12月8日", "的通知",
]
# fmt: on
documents = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), max_size=60).map(
    "".join
)


@cache
def _rules() -> RuleSet:
    return load_rules()


def check_offset_map(clean: CleanText) -> None:
    """The invariants of ``CleanText`` that every normalization must keep."""
    original, text = clean.original, clean.text
    n = len(text)
    assert len(clean.starts) == len(clean.ends) == n
    for i in range(n):
        assert 0 <= clean.starts[i] < clean.ends[i] <= len(original), i
    for i in range(1, n):
        assert clean.starts[i - 1] <= clean.starts[i], i
        assert clean.ends[i - 1] <= clean.ends[i], i
    for s, e in clean.emphasis:
        assert 0 <= s <= e <= n


def check_round_trip(clean: CleanText, start: int, end: int) -> None:
    """A clean span maps to an original span that maps back over it."""
    o_start, o_end = clean.to_original(start, end)
    assert 0 <= o_start <= o_end <= len(clean.original)
    assert clean.quote(start, end) == clean.original[o_start:o_end]
    c_start, c_end = clean.to_clean(o_start, o_end)
    assert c_start <= start and end <= c_end


@PROPERTY
@given(st.text())
def test_any_text_keeps_the_offset_map(text: str) -> None:
    check_offset_map(normalize_text(text, rules=_rules()))


@PROPERTY
@given(documents)
def test_any_document_like_text_keeps_the_offset_map(text: str) -> None:
    check_offset_map(normalize_text(text, rules=_rules()))


@PROPERTY
@given(st.data(), documents)
def test_clean_spans_map_to_the_original_and_back(data: st.DataObject, text: str) -> None:
    clean = normalize_text(text, rules=_rules())
    n = len(clean.text)
    start = data.draw(st.integers(0, n), label="start")
    end = data.draw(st.integers(start, n), label="end")
    if start < end:
        check_round_trip(clean, start, end)


# the alphabet of text with nothing to normalize: no repair can fire in it
PLAIN = st.text(alphabet="教育质量提升学校发展基础服务原则达到全面推进。、", max_size=80)


@PROPERTY
@given(PLAIN)
def test_text_with_nothing_to_normalize_maps_one_to_one(text: str) -> None:
    clean = normalize_text(text, rules=_rules())
    assert clean.text == text
    assert clean.starts == tuple(range(len(text)))
    assert clean.warnings == ()


@PROPERTY
@given(st.text(alphabet="８０％ＡＸｘ（）：；，", max_size=40))
def test_full_width_text_folds_one_for_one(text: str) -> None:
    clean = normalize_text(text, rules=_rules())
    assert clean.text == unicodedata.normalize("NFKC", text)
    assert clean.starts == tuple(range(len(text)))


# ---------------------------------------------------------------- corpus


@cache
def corpus_clean(path: Path) -> CleanText:
    return normalize_text(read_original(path), rules=_rules())


@cache
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def folds_to(original: str, clean: str) -> bool:
    """Whether one original character reads as ``clean`` after folding."""
    return clean in (original, unicodedata.normalize("NFKC", original), _t2s().convert(original))


@pytest.mark.parametrize("path", CORPUS_DOCS, ids=[p.stem for p in CORPUS_DOCS])
def test_corpus_document_keeps_the_offset_map(path: Path) -> None:
    check_offset_map(corpus_clean(path))


@pytest.mark.parametrize("path", CORPUS_DOCS, ids=[p.stem for p in CORPUS_DOCS])
def test_corpus_spans_map_to_the_original_and_back(path: Path) -> None:
    clean = corpus_clean(path)
    n = len(clean.text)
    for width in (1, 2, 7, 50):
        for start in range(0, max(0, n - width) + 1, 3 if width > 1 else 1):
            check_round_trip(clean, start, start + width)
    check_round_trip(clean, 0, n)


@pytest.mark.parametrize("path", CORPUS_DOCS, ids=[p.stem for p in CORPUS_DOCS])
def test_corpus_character_for_one_original_character_is_its_fold(
    path: Path, rules: RuleSet
) -> None:
    """A clean character that stands for one original character is that character
    folded (width, ideographic space, traditional form), or a conversion repair."""
    clean = corpus_clean(path)
    repairs = {
        (w, r)
        for fix in rules.conversion_fixes.fixes
        if len(fix.wrong) == len(fix.right)
        for w, r in zip(fix.wrong, fix.right, strict=True)
    }
    others = []
    for i, char in enumerate(clean.text):
        if clean.ends[i] - clean.starts[i] == 1:
            source = clean.original[clean.starts[i]]
            if not folds_to(source, char):
                others.append((source, char))
    if path == OCR_DOC:
        assert others and set(others) <= repairs
    else:
        assert others == []


@pytest.mark.parametrize("path", CORPUS_DOCS, ids=[p.stem for p in CORPUS_DOCS])
def test_corpus_drops_only_layout_and_markup(path: Path) -> None:
    """The original characters no clean character stands for are spaces, line
    breaks, markup and page numbers: normalization never drops words."""
    clean = corpus_clean(path)
    covered = bytearray(len(clean.original))
    for s, e in zip(clean.starts, clean.ends, strict=True):
        covered[s:e] = b"\x01" * (e - s)
    dropped = "".join(c for c, kept in zip(clean.original, covered, strict=True) if not kept)
    dropped = re.sub(r"\s|\*\*|\[bookmark: _GoBack\]", "", dropped)
    if path == OCR_DOC:
        assert dropped == "".join(f"{page}、" for page in range(1, 16))
    else:
        assert dropped == ""


def test_the_ocr_document_is_in_the_corpus() -> None:
    assert OCR_DOC in CORPUS_DOCS
    assert len(CORPUS_DOCS) > 1
