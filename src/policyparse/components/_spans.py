"""Store recognizer results on a Doc: span groups plus the data each rule read."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from spacy.tokens import Doc, Span

__all__ = ["DATA_KEY", "add_spans", "doc_text", "span_data"]

DATA_KEY = "policyparse"


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per Doc (spaCy rebuilds it from tokens on each access)."""
    store = doc.user_data.setdefault(DATA_KEY, {})
    text = store.get("text")
    if not isinstance(text, str):
        text = doc.text
        store["text"] = text
    return text


def add_spans(
    doc: Doc, group: str, items: Iterable[tuple[int, int, str, str, dict[str, Any]]]
) -> None:
    """Add ``(start_char, end_char, label, rule, data)`` items to ``doc.spans[group]``.

    Character offsets are kept exactly in ``doc.user_data`` (a token-aligned span
    may be wider); a span that cannot be aligned to tokens is still recorded there.
    """
    spans: list[Span] = []
    records = doc.user_data.setdefault(DATA_KEY, {}).setdefault(group, [])
    for start, end, label, rule, data in items:
        records.append({"start": start, "end": end, "label": label, "rule": rule, "data": data})
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    doc.spans[group] = spans


def span_data(doc: Doc, group: str) -> list[dict[str, Any]]:
    """The exact records a recognizer stored for ``group``, in document order."""
    records: list[dict[str, Any]] = doc.user_data.get(DATA_KEY, {}).get(group, [])
    return sorted(records, key=lambda r: (r["start"], r["end"]))
