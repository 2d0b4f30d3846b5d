"""The output contract: one :class:`PolicyDocument` per document (pydantic v2).

Every ``span`` is ``[start, end]``, end exclusive, into the original decoded text
of the document, so that ``text[start:end]`` is exactly the quoted text.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "SCHEMA_VERSION",
    "Commitment",
    "DocumentMeta",
    "Evidence",
    "Jurisdiction",
    "NormalizedOwner",
    "Period",
    "PolicyDocument",
    "SectionRecord",
    "SentenceRecord",
    "SkippedNumber",
    "json_schema",
]

SCHEMA_VERSION = "0.2.0"

Level = Literal["province", "city", "county"]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Evidence(_Record):
    """Where a metadata value was read: ``quote == text[span[0]:span[1]]``."""

    span: tuple[int, int]
    quote: str


class Jurisdiction(_Record):
    """The area the plan governs, as the document names it."""

    level: Level | None = Field(None, description="Administrative level of the plan's area.")
    province: str | None = None
    city: str | None = None
    county: str | None = None
    placeholder: bool = Field(
        False, description="The place is a template placeholder (`xx市`): unnamed."
    )


class Period(_Record):
    """The years the plan covers (``2018—2020年`` → 2018, 2020)."""

    start: int
    end: int


class DocumentMeta(_Record):
    id: str = Field(description="File stem of the document.")
    source: str = Field(description="Path as given, or `-` for standard input.")
    sha256: str
    encoding: str
    file_format: Literal["txt", "docx", "html", "pdf"]
    title: str | None = Field(None, description="The plan's own title.")
    notice_title: str | None = Field(
        None, description="Title of the notice that issues the plan (…关于印发《…》的通知)."
    )
    doc_type: str | None = Field(None, description="实施方案, 实施意见, 行动计划, 规划, 办法 …")
    draft: bool = Field(False, description="A draft (征求意见稿, 送审稿 …).")
    issuers: list[str] = Field(default_factory=list, description="Every issuing body.")
    doc_number: str | None = Field(None, description="发文字号, e.g. 聊教体发〔2020〕7号.")
    issued: str | None = Field(None, description="Issue date, ISO 8601.")
    year: int | None = Field(
        None, description="The document's own year: issue date, else title year."
    )
    jurisdiction: Jurisdiction = Field(default_factory=Jurisdiction)
    period: Period | None = None
    citation_code: str | None = Field(
        None, description="Legal-database citation code (法宝引证码), when the file is an export."
    )
    source_url: str | None = Field(None, description="原文链接 of a database export.")
    warnings: list[str] = Field(default_factory=list)
    evidence: dict[str, list[Evidence]] = Field(
        default_factory=dict,
        description="For each metadata field, the spans of text it was read from.",
    )


class SectionRecord(_Record):
    id: str = Field(description="Dotted path, e.g. `3.1.2`.")
    level: int
    kind: Literal["numbered", "phase", "inline_item", "attachment", "article", "chapter", "part"]
    marker: str = Field(description="The marker as written, e.g. `（一）`.")
    marker_span: tuple[int, int]
    heading: str | None = Field(description="Heading as written, or null for an item without one.")
    heading_span: tuple[int, int] | None
    span: tuple[int, int]
    parent: str | None


class SentenceRecord(_Record):
    index: int
    span: tuple[int, int]
    clauses: list[tuple[int, int]]
    section: str | None


class NormalizedOwner(_Record):
    """An owner reduced to what compares across documents."""

    body: str | None = Field(
        None, description="教育局, 教育行政部门, 财政局, 人民政府, 学校 … (the first body named)."
    )
    level: Literal["province", "city", "county", "school"] | None = None
    generic: bool = Field(
        False, description="Named generically (各县（市、区）…), not as a specific place."
    )
    bodies: int = Field(1, description="How many bodies the owner names.")


class Commitment(_Record):
    """A measurable or dated commitment; fields as in corpus/GUIDELINES.md."""

    id: str
    quote: str
    span: tuple[int, int]
    section: str | None
    kind: Literal["target", "change", "standard", "frequency", "deadline"]
    metric: str | None
    value: float | None
    value_max: float | None = None
    unit: str | None
    comparator: Literal[">=", "<=", "=", "between"] | None
    deadline: int | None = None
    deadline_month: int | None = None
    deadline_span: tuple[int, int] | None = Field(
        None, description="Where the deadline is written (到2020年, 6月底 …)."
    )
    frequency: str | None = None
    scope: str | None = None
    owner: str | None = None
    owner_source: Literal["responsible_units", "subject", "share"] | None = Field(
        None,
        description=(
            "How the owner was found: a 责任单位/牵头单位 list of the item, the body that "
            "opens the clause, or the bodies a share counts (N%的县达到…)."
        ),
    )
    owner_span: tuple[int, int] | None = Field(
        None, description="Where the owner is named; `owner` may show it shortened."
    )
    owner_normalized: NormalizedOwner | None = Field(
        None, description="The owner as a body and an administrative level, for comparison."
    )
    modality: Literal["binding", "aspirational"]
    placeholder: bool = False
    indicator: str | None = Field(
        None, description="Canonical indicator id (rules/indicators.yaml), or null when none fits."
    )
    indicator_score: float | None = Field(
        None, description="How closely the metric matched the indicator's phrasings (0–100)."
    )
    confidence: float = Field(ge=0.0, le=1.0)
    rule: str


class SkippedNumber(_Record):
    """A number-like span that is not a commitment, with the reason."""

    span: tuple[int, int]
    quote: str
    reason: str = Field(description="The exclusion rule that removed it, or `unparsed`.")


class PolicyDocument(_Record):
    """One document: metadata, outline and commitments."""

    schema_version: str = SCHEMA_VERSION
    document: DocumentMeta
    sections: list[SectionRecord] = Field(default_factory=list)
    sentences: list[SentenceRecord] | None = Field(
        None, description="Present when asked for (`extract --sentences`)."
    )
    commitments: list[Commitment] = Field(default_factory=list)
    skipped: list[SkippedNumber] = Field(
        default_factory=list,
        description="Numbers in the body that did not become commitments, and why.",
    )


def json_schema() -> dict[str, Any]:
    """The JSON Schema of :class:`PolicyDocument`, with its ``schema_version``."""
    schema = PolicyDocument.model_json_schema()
    schema["schema_version"] = SCHEMA_VERSION
    return schema
