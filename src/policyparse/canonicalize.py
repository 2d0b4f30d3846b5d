"""Commitment drafts → output records: original spans, stable ids, accounted numbers.

Every number-like span in the body ends up somewhere: in a commitment, in a
deadline, or in ``skipped`` with the exclusion rule that removed it (or
``unparsed``), so "not stated" is never confused with "failed".
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

from .schema import Commitment, SkippedNumber
from .types import CleanText, CommitmentDraft, Mention, Sentence, Span

__all__ = ["account_numbers", "canonicalize"]

NUMBER_LIKE = re.compile(r"\d+(?:\.\d+)?%?|(?<![A-Za-z])[xX×]{1,3}(?![A-Za-z])%?")


def _commitment_id(sha256: str, span: Span) -> str:
    return hashlib.sha256(f"{sha256}:{span[0]}:{span[1]}".encode()).hexdigest()[:16]


def canonicalize(
    clean: CleanText, drafts: Sequence[CommitmentDraft], *, sha256: str
) -> list[Commitment]:
    """Map drafts to the original text and give each a stable id."""
    out = []
    for draft in drafts:
        start, end = clean.to_original(*draft.span)
        fields = dict(draft.fields)
        out.append(
            Commitment(
                id=_commitment_id(sha256, (start, end)),
                quote=clean.original[start:end],
                span=(start, end),
                section=draft.section,
                confidence=draft.confidence,
                rule=draft.rule,
                **fields,  # type: ignore[arg-type]
            )
        )
    return out


def account_numbers(
    clean: CleanText,
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    skipped: Sequence[Mention],
    drafts: Sequence[CommitmentDraft],
) -> list[SkippedNumber]:
    """Number-like spans of the body that did not become a commitment, and why."""
    used = [d.span for d in drafts] + [m.span for m in mentions if m.label in ("DEADLINE", "FREQUENCY")]
    used_quantities = {m.span for m in mentions if m.label == "QUANTITY"}
    records: list[SkippedNumber] = []
    seen: set[Span] = set()
    for m in skipped:
        if m.span in seen:
            continue
        seen.add(m.span)
        start, end = clean.to_original(*m.span)
        records.append(
            SkippedNumber(span=(start, end), quote=clean.original[start:end], reason=m.rule)
        )
    covered = [*used, *seen, *used_quantities]
    for sentence in sentences:
        for m in NUMBER_LIKE.finditer(clean.text, *sentence.span):
            if any(s <= m.start() < e for s, e in covered):
                continue
            start, end = clean.to_original(m.start(), m.end())
            records.append(
                SkippedNumber(span=(start, end), quote=clean.original[start:end], reason="unparsed")
            )
    records.sort(key=lambda r: r.span)
    return records
