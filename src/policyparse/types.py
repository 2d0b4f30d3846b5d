"""Records passed between the stages of the pipeline (frozen dataclasses).

Offsets inside a stage refer to the *clean* text (``CleanText.text``); they are
mapped back to the original decoded text with :meth:`CleanText.to_original`
before anything leaves the pipeline.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

__all__ = [
    "CleanText",
    "CommitmentDraft",
    "Mention",
    "MetadataDraft",
    "Section",
    "Sentence",
    "SourceText",
    "Span",
]

Span = tuple[int, int]


@dataclass(frozen=True)
class SourceText:
    """A decoded document, exactly as the file has it (BOM excluded).

    Attributes:
        source: Where it came from: a path, or ``-`` for standard input.
        text: The decoded text; every reported span indexes this string.
        encoding: The detected encoding (``utf-8``, ``gb18030``, ...) or the
            container format's (``docx``, ``pdf``) for non-text files.
        file_format: ``txt``, ``docx``, ``html`` or ``pdf``.
        sha256: Hex digest of the raw bytes.
        warnings: Problems met while reading that did not stop it.
    """

    source: str
    text: str
    encoding: str
    file_format: str
    sha256: str
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class CleanText:
    """Normalized text for matching, with a map back to the original.

    Clean character ``i`` stands for ``original[starts[i]:ends[i]]``. Both lists
    are non-decreasing, and ``starts[i] < ends[i] <= len(original)``.
    """

    original: str
    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    warnings: tuple[str, ...] = ()
    # clean spans the source marked as bold (``**…**``): candidate headings
    emphasis: tuple[Span, ...] = ()

    def to_original(self, start: int, end: int) -> Span:
        """Map a clean span ``[start, end)`` to the original text.

        >>> ct = CleanText("a\\nb", "ab", (0, 2), (1, 3))
        >>> ct.to_original(0, 2)
        (0, 3)
        """
        n = len(self.text)
        start = max(0, min(start, n))
        end = max(start, min(end, n))
        if start == end:
            pos = self.starts[start] if start < n else len(self.original)
            return (pos, pos)
        return (self.starts[start], self.ends[end - 1])

    def quote(self, start: int, end: int) -> str:
        """The original text behind a clean span."""
        s, e = self.to_original(start, end)
        return self.original[s:e]

    def display(self, start: int, end: int) -> str:
        """Readable text of a clean span: characters as written, noise left out.

        Characters that normalization only folded (width, traditional form) are
        shown as the original has them; joined lines, spaces and markup stay out.

        >>> ct = CleanText("（一）\\n甲", "(一)甲", (0, 1, 2, 4), (1, 2, 3, 5))
        >>> ct.display(0, 4)
        '（一）甲'
        """
        chars = []
        for i in range(max(0, start), min(end, len(self.text))):
            s, e = self.starts[i], self.ends[i]
            chars.append(self.original[s] if e - s == 1 else self.text[i])
        return "".join(chars)

    def to_clean(self, start: int, end: int) -> Span:
        """Map an original span to the smallest clean span that covers it.

        Characters deleted by normalization shrink the span; a span that covers
        only deleted text maps to an empty span at its position.
        """
        lo = bisect_right(self.ends, start)
        hi = bisect_left(self.starts, end)
        return (lo, max(lo, hi))


@dataclass(frozen=True)
class Section:
    """A node of the outline, in clean-text offsets.

    Attributes:
        id: Dotted path of ordinals, ``"3.1.2"``.
        level: Depth, 1 for top-level sections.
        kind: ``numbered``, ``phase``, ``inline_item``, ``attachment`` or ``article``.
        marker: The marker as it stands in the clean text (``（一）`` folds to ``(一)``).
        marker_span: Where the marker is.
        heading: Heading text, or ``None`` for an item without one.
        heading_span: Where the heading is.
        span: From the marker to the end of the section's last line.
        parent: ``id`` of the parent section, ``None`` at top level.
    """

    id: str
    level: int
    kind: str
    marker: str
    marker_span: Span
    heading: str | None
    heading_span: Span | None
    span: Span
    parent: str | None


@dataclass(frozen=True)
class Sentence:
    """A sentence (up to ``。！？`` or a paragraph end) and its clauses, clean offsets."""

    index: int
    span: Span
    clauses: tuple[Span, ...]
    section: str | None


@dataclass(frozen=True)
class MetadataDraft:
    """Document metadata read from the text, evidence in clean-text offsets.

    ``values`` holds the :class:`~policyparse.schema.DocumentMeta` fields found
    (title, doc_type, issuers …); ``evidence`` maps a field to the spans it came
    from; ``header_spans`` are lines that are metadata, not body text (database
    export headers, titles, document number, signature and date).
    """

    values: dict[str, object]
    evidence: dict[str, tuple[Span, ...]]
    header_spans: tuple[Span, ...]


@dataclass(frozen=True)
class Mention:
    """Something a recognizer found, in clean-text offsets.

    Attributes:
        label: ``QUANTITY``, ``DEADLINE``, ``FREQUENCY``, ``UNITS`` (a list of
            responsible units) or ``EXCLUDED`` (a number that is not a commitment).
        span: Where it is.
        rule: Id of the rule that found it (or excluded it).
        data: What the rule read: value, unit, year, month, frequency, units …
    """

    label: str
    span: Span
    rule: str
    data: dict[str, object]


@dataclass(frozen=True)
class CommitmentDraft:
    """A commitment before canonicalization, in clean-text offsets."""

    span: Span
    section: str | None
    fields: dict[str, object]
    rule: str
    confidence: float
