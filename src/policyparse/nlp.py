"""Build the spaCy pipeline once per process: blank Chinese with jieba, plus our components.

``spacy.blank("zh")`` with a jieba tokenizer keeps ``doc.text`` identical to the
input, so character offsets survive. The jieba user dictionary is built from
``rules/`` (units, cue words, body suffixes) so those stay whole tokens.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .ruleset import RuleSet, load_rules

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

__all__ = ["build_nlp", "user_words", "words_and_spaces"]

PIPE_ORDER = ("policy_quantities", "policy_time", "policy_actors")


def user_words(rules: RuleSet) -> list[str]:
    """Words jieba must keep whole, from the rule tables (sorted, unique)."""
    words: set[str] = {u.unit for u in rules.units.units if len(u.unit) > 1}
    cues = rules.cues
    for group in cues.comparators.values():
        words.update(group.before)
        words.update(group.after)
    words.update(cues.change_verbs)
    words.update(cues.aspirational)
    words.update(w for w in rules.actors.body_suffixes if len(w) > 1)
    return sorted(w for w in words if len(w) > 1)


class _DictionarySegmenter:
    """jieba without its HMM guesser of unknown words.

    The recognizers read characters, not tokens; dictionary segmentation with the
    user dictionary keeps units, cues and body names whole, and skipping the HMM
    saves about a quarter of the tokenizing time.
    """

    def __init__(self, jieba_module: Any) -> None:
        self._jieba = jieba_module

    def cut(self, text: str, cut_all: bool = False) -> Any:
        return self._jieba.cut(text, cut_all=cut_all, HMM=False)


def words_and_spaces(words: Iterable[str], text: str) -> tuple[list[str], list[bool]]:
    """Tokens and trailing-space flags of ``text`` cut into ``words``.

    The same tokens as ``spacy.util.get_words_and_spaces``: a single space after
    a word becomes its trailing space, other whitespace is a token of its own.
    spaCy's version slices the rest of the text for every word, which is
    quadratic in the length of the text; this one searches from a position.

    Raises:
        ValueError: When the words, whitespace aside, are not the text.
    """
    tokens: list[str] = []
    spaces: list[bool] = []
    pos = 0
    for word in words:
        if not word or word.isspace():
            continue
        start = text.find(word, pos)
        if start < 0 or (start > pos and not text[pos:start].isspace()):
            raise ValueError(f"the words do not cut the text at {pos}: {word!r}")
        if start > pos:
            tokens.append(text[pos:start])
            spaces.append(False)
        tokens.append(word)
        pos = start + len(word)
        trailing = pos < len(text) and text[pos] == " "
        spaces.append(trailing)
        pos += trailing
    if pos < len(text):
        if not text[pos:].isspace():
            raise ValueError(f"the words do not cut the text at {pos}: end of text")
        tokens.append(text[pos:])
        spaces.append(False)
    return tokens, spaces


class _JiebaTokenizer:
    """Text to Doc through dictionary-only jieba, aligned in one pass.

    Replaces spaCy's Chinese tokenizer, whose alignment of words to the text
    grows with the square of the text's length.
    """

    def __init__(self, vocab: Vocab, segmenter: _DictionarySegmenter) -> None:
        self.vocab = vocab
        self._segmenter = segmenter

    def __call__(self, text: str) -> Doc:
        from spacy.tokens import Doc

        words, spaces = words_and_spaces(self._segmenter.cut(text), text)
        return Doc(self.vocab, words=words, spaces=spaces)


@lru_cache(maxsize=4)
def _build(rules_dir: str) -> Language:
    import logging

    import jieba
    import spacy

    from .components import register

    jieba.setLogLevel(logging.WARNING)
    register()
    rules = load_rules(rules_dir)
    for word in user_words(rules):
        jieba.add_word(word)
    # the blank pipeline's own tokenizer is replaced: see _JiebaTokenizer
    nlp = spacy.blank("zh")
    nlp.tokenizer = _JiebaTokenizer(nlp.vocab, _DictionarySegmenter(jieba))
    for name in PIPE_ORDER:
        nlp.add_pipe(name, config={"rules_dir": rules_dir})
    return nlp


def build_nlp(rules: RuleSet | None = None) -> Language:
    """The pipeline for a rule set, built on first use and cached."""
    rules = rules or load_rules()
    return _build(rules.path)
