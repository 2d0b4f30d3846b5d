"""The pipeline's tokenizer: spaCy's tokens for jieba's words, in linear time."""

from __future__ import annotations

from itertools import pairwise

import jieba
import pytest
from hypothesis import given
from hypothesis import strategies as st
from spacy.util import get_words_and_spaces

from policyparse.nlp import build_nlp, words_and_spaces

# a line of a converted file: a page number, a double space, a newline, full-width space
CONVERTED = "到 2020 年，学前三年毛入园率达到 85%以上  。\n　— 3 —\n（责任单位：市教育局）"


def _cut(text: str, cuts: list[int]) -> list[str]:
    bounds = sorted({0, len(text), *(c % (len(text) + 1) for c in cuts)})
    return [text[a:b] for a, b in pairwise(bounds)]


@given(
    text=st.text(alphabet="教育局 \n\t　%2０", max_size=40),
    cuts=st.lists(st.integers(min_value=0, max_value=60), max_size=12),
)
def test_same_tokens_as_spacy_for_any_cut(text: str, cuts: list[int]) -> None:
    words = _cut(text, cuts)
    try:
        expected = get_words_and_spaces(words, text)
    except ValueError:  # a word that starts with the space spaCy gave the one before
        with pytest.raises(ValueError):
            words_and_spaces(words, text)
        return
    assert words_and_spaces(words, text) == expected


def test_pipeline_tokens_are_spacys_alignment_of_jiebas_words() -> None:
    doc = build_nlp().make_doc(CONVERTED)
    assert doc.text == CONVERTED
    words = jieba.lcut(CONVERTED, HMM=False)
    expected_words, expected_spaces = get_words_and_spaces(words, CONVERTED)
    assert [t.text for t in doc] == expected_words
    assert [bool(t.whitespace_) for t in doc] == expected_spaces


def test_words_that_are_not_the_text_are_refused() -> None:
    with pytest.raises(ValueError, match="do not cut the text"):
        words_and_spaces(["市教育局", "牵头"], "市教育局负责")
