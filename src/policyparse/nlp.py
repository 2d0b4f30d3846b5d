"""Build the spaCy pipeline once per process: blank Chinese with jieba, plus our components.

``spacy.blank("zh")`` with the jieba segmenter keeps ``doc.text`` identical to the
input, so character offsets survive. The jieba user dictionary is built from
``rules/`` (units, cue words, body suffixes) so those stay whole tokens.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .ruleset import RuleSet, load_rules

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["build_nlp", "user_words"]

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
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    from spacy.lang.zh import ChineseTokenizer

    if isinstance(nlp.tokenizer, ChineseTokenizer):
        nlp.tokenizer.jieba_seg = _DictionarySegmenter(jieba)
    for name in PIPE_ORDER:
        nlp.add_pipe(name, config={"rules_dir": rules_dir})
    return nlp


def build_nlp(rules: RuleSet | None = None) -> Language:
    """The pipeline for a rule set, built on first use and cached."""
    rules = rules or load_rules()
    return _build(rules.path)
