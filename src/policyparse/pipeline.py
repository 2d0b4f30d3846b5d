"""The one-way composition of the stages: source → PolicyDocument.

The only module that imports every stage. Stages work in clean-text offsets;
here every span is mapped back to the original decoded text.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

from .canonicalize import account_numbers, canonicalize
from .extract import extract_mentions
from .link import link_mentions
from .metadata import read_metadata
from .normalize import normalize_text
from .ruleset import RuleSet, load_rules
from .schema import (
    DocumentMeta,
    Evidence,
    Jurisdiction,
    Period,
    PolicyDocument,
    SectionRecord,
    SentenceRecord,
)
from .segment import segment_sections, segment_sentences
from .types import CleanText, MetadataDraft, Section, Sentence, SourceText

__all__ = ["analyze", "parse", "parse_source"]

MAX_PATH_CHARS = 1024


def _source_of(text_or_path: str | os.PathLike[str] | SourceText) -> SourceText:
    from .ingest import read_source

    if isinstance(text_or_path, SourceText):
        return text_or_path
    if isinstance(text_or_path, os.PathLike):
        return read_source(Path(text_or_path))
    if (
        "\n" not in text_or_path
        and len(text_or_path) < MAX_PATH_CHARS
        and (text_or_path == "-" or _is_file(text_or_path))
    ):
        return read_source(text_or_path)
    return SourceText(
        source="<text>",
        text=text_or_path,
        encoding="utf-8",
        file_format="txt",
        sha256=hashlib.sha256(text_or_path.encode("utf-8", "surrogatepass")).hexdigest(),
    )


def _is_file(candidate: str) -> bool:
    """Whether a string names an existing file (a long sentence is no file name)."""
    try:
        return Path(candidate).is_file()
    except (OSError, ValueError):
        return False


def analyze(
    source: SourceText, *, rules: RuleSet
) -> tuple[CleanText, list[Section], list[Sentence], MetadataDraft]:
    """Run the stages on a decoded document; results in clean-text offsets."""
    clean = normalize_text(source, rules=rules)
    sections = segment_sections(clean, rules=rules.headings)
    meta = read_metadata(clean, sections, rules=rules.metadata)
    sentences = segment_sentences(clean, sections, skip=meta.header_spans)
    return clean, sections, sentences, meta


def parse_source(
    source: SourceText,
    *,
    rules: RuleSet | None = None,
    include_sentences: bool = False,
    doc_id: str | None = None,
) -> PolicyDocument:
    """Parse a decoded document into the output contract.

    Args:
        source: The decoded document.
        rules: Rule tables; the packaged ones when ``None``.
        include_sentences: Also list sentences and clauses.
        doc_id: The document id; the file stem when ``None``.
    """
    rules = rules or load_rules()
    clean, sections, sentences, meta = analyze(source, rules=rules)
    document_meta = _document_meta(source, clean, meta, doc_id=doc_id)
    mentions = extract_mentions(clean, sentences, rules=rules)
    drafts, skipped = link_mentions(
        clean, sentences, sections, mentions, rules=rules, year=document_meta.year
    )
    document = PolicyDocument(
        document=document_meta,
        sections=[_section_record(clean, section) for section in sections],
        sentences=[_sentence_record(clean, s) for s in sentences] if include_sentences else None,
        commitments=canonicalize(clean, drafts, sha256=source.sha256, rules=rules),
        skipped=account_numbers(clean, sentences, mentions, skipped, drafts, rules=rules),
    )
    return document


def parse(
    text_or_path: str | os.PathLike[str] | SourceText,
    *,
    rules: RuleSet | None = None,
    include_sentences: bool = False,
) -> PolicyDocument:
    """Parse a document given as a path, ``-`` (standard input) or its text.

    A ``str`` is read as a path when it names an existing file, otherwise as
    the document's text.

    Raises:
        InputError: When a file cannot be read.
    """
    return parse_source(_source_of(text_or_path), rules=rules, include_sentences=include_sentences)


def _span(clean: CleanText, span: tuple[int, int]) -> tuple[int, int]:
    return clean.to_original(*span)


def _section_record(clean: CleanText, section: Section) -> SectionRecord:
    heading_span = _span(clean, section.heading_span) if section.heading_span else None
    marker_span = _span(clean, section.marker_span)
    return SectionRecord(
        id=section.id,
        level=section.level,
        kind=section.kind,
        marker=clean.original[marker_span[0] : marker_span[1]].strip(),
        marker_span=marker_span,
        heading=clean.original[heading_span[0] : heading_span[1]] if heading_span else None,
        heading_span=heading_span,
        span=_span(clean, section.span),
        parent=section.parent,
    )


def _sentence_record(clean: CleanText, sentence: Sentence) -> SentenceRecord:
    return SentenceRecord(
        index=sentence.index,
        span=_span(clean, sentence.span),
        clauses=[_span(clean, c) for c in sentence.clauses],
        section=sentence.section,
    )


def _document_meta(
    source: SourceText, clean: CleanText, meta: MetadataDraft, *, doc_id: str | None
) -> DocumentMeta:
    values: dict[str, Any] = {}
    evidence: dict[str, list[Evidence]] = {}
    for field, spans in meta.evidence.items():
        evidence[field] = []
        for span in spans:
            start, end = clean.to_original(*span)
            evidence[field].append(Evidence(span=(start, end), quote=clean.original[start:end]))
    for field, value in meta.values.items():
        if field in {"title", "notice_title", "doc_number"} and isinstance(value, str):
            spans = meta.evidence.get(field, ())
            value = "".join(clean.display(*span) for span in spans) or value
        elif field == "issuers" and isinstance(value, list):
            spans = meta.evidence.get(field, ())
            if len(spans) == len(value):
                value = [clean.display(*span) for span in spans]
        values[field] = value
    if isinstance(values.get("jurisdiction"), dict):
        values["jurisdiction"] = Jurisdiction(**values["jurisdiction"])
    if isinstance(values.get("period"), dict):
        values["period"] = Period(**values["period"])
    stem = Path(source.source).stem if source.source not in {"-", "<text>"} else source.source
    return DocumentMeta(
        id=doc_id or stem,
        source=source.source,
        sha256=source.sha256,
        encoding=source.encoding,
        file_format=source.file_format,
        warnings=[*source.warnings, *clean.warnings],
        evidence=evidence,
        **values,
    )
