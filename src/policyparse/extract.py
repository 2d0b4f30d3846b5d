"""Run the spaCy pipeline on the sentences that can hold a commitment; collect mentions.

Tokenizing is the expensive step (jieba reads about 1 MB/s), so a regular
expression first picks the sentences with a number, a placeholder, a date cue, a
frequency cue or a list of responsible units; only those go through spaCy.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .components._spans import span_data
from .nlp import build_nlp
from .ruleset import RuleSet
from .types import CleanText, Mention, Sentence

__all__ = ["CANDIDATE", "extract_mentions"]

CANDIDATE = re.compile(
    r"\d|[xX×]{1,3}(?:%|[\u4e00-\u9fff])|[一二三四五六七八九十两百千万][\u4e00-\u9fff%]|每|翻|百分之|"
    r"责任单位|牵头|不低于|不少于|年底|年末|月底|阶段"
)
GROUPS = {"quantities": None, "deadlines": None, "frequencies": None, "units": None}


def extract_mentions(
    clean: CleanText, sentences: Sequence[Sentence], *, rules: RuleSet
) -> list[Mention]:
    """Find quantities, deadlines, frequencies and responsible units, in clean offsets.

    Args:
        clean: The normalized document.
        sentences: Its sentences (clean offsets).
        rules: The loaded rule tables.

    Returns:
        Mentions in document order; each carries the index of its sentence in
        ``data["sentence"]``.
    """
    candidates = [s for s in sentences if CANDIDATE.search(clean.text, s.span[0], s.span[1])]
    if not candidates:
        return []
    nlp = build_nlp(rules)
    texts = [clean.text[s.span[0] : s.span[1]] for s in candidates]
    mentions: list[Mention] = []
    for sentence, doc in zip(candidates, nlp.pipe(texts), strict=True):
        offset = sentence.span[0]
        for group in GROUPS:
            for record in span_data(doc, group):
                data = dict(record["data"])
                data["sentence"] = sentence.index
                mentions.append(
                    Mention(
                        label=record["label"],
                        span=(offset + record["start"], offset + record["end"]),
                        rule=record["rule"],
                        data=data,
                    )
                )
    mentions.sort(key=lambda m: (m.span, m.label))
    return mentions
