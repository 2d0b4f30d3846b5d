"""Find, read and validate the rule files in ``rules/`` into one immutable RuleSet.

Rules are data: YAML tables written by hand. Each file has a pydantic model with
``extra="forbid"``; every problem in every file is collected and raised at once as
a :class:`~policyparse.errors.RuleFileError` listing ``path:line [loc] msg``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    ValidatorFunctionWrapHandler,
    field_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

from .errors import Errors, RuleFileError

__all__ = [
    "ConversionFix",
    "ConversionFixRules",
    "HeadingRules",
    "Indicator",
    "IndicatorRules",
    "MarkupPattern",
    "MarkupRules",
    "MetadataRules",
    "RuleSet",
    "default_rules_dir",
    "load_rules",
]

_LINE_KEY = "__line__"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _check_regex(value: str) -> str:
    try:
        re.compile(value)
    except re.error as e:
        raise ValueError(f"invalid regular expression {value!r}: {e}") from e
    return value


class ConversionFix(_Model):
    """One systematic conversion error: ``wrong`` is read as ``right``.

    ``before`` / ``after`` are regexes that the text just before / after must match
    for the repair to fire; empty means no condition.
    """

    wrong: str = Field(min_length=1)
    right: str = Field(min_length=1)
    before: str = ""
    after: str = ""
    note: str = ""

    _v_before = field_validator("before", "after")(_check_regex)


class ConversionFixRules(_Model):
    signature: list[str] = Field(min_length=1)
    min_signature_hits: int = Field(ge=1)
    fixes: list[ConversionFix]


class MarkupPattern(_Model):
    id: str
    pattern: str
    replacement: str = ""
    emphasis: bool = False

    _v_pattern = field_validator("pattern")(_check_regex)


class MarkupRules(_Model):
    patterns: list[MarkupPattern]


class HeadingRules(_Model):
    standard_headings: list[str]
    heading_final_words: list[str]
    max_heading_chars: int = Field(ge=5)
    max_runon_heading_chars: int = Field(ge=5)
    flattened_line_chars: int = Field(ge=50)


class MetadataRules(_Model):
    doc_types: list[str]
    draft_markers: list[str]
    org_suffixes: list[str]
    place_suffixes: list[str]
    place_levels: dict[str, str]
    self_references: dict[str, str]
    placeholder_places: list[str]

    @field_validator("place_levels", "self_references")
    @classmethod
    def _known_levels(cls, value: dict[str, str]) -> dict[str, str]:
        bad = {k: v for k, v in value.items() if v not in {"province", "city", "county"}}
        if bad:
            raise ValueError(f"levels must be province, city or county, not {bad}")
        return value


class UnitRule(_Model):
    unit: str = Field(min_length=1)
    kind: Literal[
        "points", "count", "money", "time", "study", "size", "distance", "bandwidth", "multiple"
    ]
    base: str | None = None
    factor: float = 1.0
    comparator: Literal[">=", "<=", "="] | None = None


class UnitRules(_Model):
    units: list[UnitRule]
    compound_parts: list[str]


class ComparatorCues(_Model):
    before: list[str]
    after: list[str]


class CueRules(_Model):
    comparators: dict[Literal[">=", "<="], ComparatorCues]
    change_verbs: list[str]
    approximate: list[str]
    limit_metrics: list[str]
    standard_units: list[str]
    standard_metrics: list[str]
    standard_before: list[str]
    lead_words: list[str]
    scope_words: list[str]
    area_words: list[str]
    completion: list[str]
    past_openers: list[str]
    past_headings: list[str]
    generic_metrics: list[str]
    closing_verbs: list[str]
    aspirational: list[str]
    binding: list[str]
    relative_standard: str
    duration_years: str

    _v_relative = field_validator("relative_standard", "duration_years")(_check_regex)


class PatternRule(_Model):
    id: str
    pattern: str
    frequency: str | None = None

    _v_pattern = field_validator("pattern")(_check_regex)


class TimeRules(_Model):
    deadlines: list[PatternRule]
    phase: str
    frequencies: list[PatternRule]

    _v_phase = field_validator("phase")(_check_regex)


class ExclusionRules(_Model):
    rules: list[PatternRule]


class CanonicalBody(_Model):
    body: str = Field(min_length=1)
    patterns: list[str] = Field(min_length=1)


class ActorRules(_Model):
    body_suffixes: list[str]
    responsible_units: str
    subject_markers: list[str]
    generic_prefixes: list[str]
    canonical_bodies: list[CanonicalBody]
    owner_levels: dict[Literal["province", "city", "county", "school"], list[str]]
    generic_owner: str

    _v_units = field_validator("responsible_units", "generic_owner")(_check_regex)

    @field_validator("owner_levels")
    @classmethod
    def _level_patterns(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        for patterns in value.values():
            for pattern in patterns:
                _check_regex(pattern)
        return value


_INDICATOR_ID = re.compile(r"^[a-z_]+\.[a-z0-9_]+$")


class Indicator(_Model):
    """One indicator of the taxonomy: what plans measure, however they phrase it."""

    id: str
    zh: str = Field(min_length=1)
    en: str = Field(min_length=1)
    stage: str
    unit: str = Field(min_length=1)
    phrasings: list[str] = Field(min_length=1)

    @field_validator("id")
    @classmethod
    def _dotted_id(cls, value: str) -> str:
        if not _INDICATOR_ID.match(value):
            raise ValueError(f"id {value!r} must be dotted lowercase: stage.name")
        return value

    @field_validator("phrasings")
    @classmethod
    def _no_empty_phrasing(cls, value: list[str]) -> list[str]:
        if any(not p.strip() for p in value):
            raise ValueError("phrasings must not be empty strings")
        return value


def _problem(kind: str, msg: str, loc: tuple[int | str, ...], value: Any) -> InitErrorDetails:
    return InitErrorDetails(type=PydanticCustomError(kind, msg), loc=loc, input=value)


def _taxonomy_problems(items: Any, stages: dict[str, str]) -> list[InitErrorDetails]:
    """Problems between indicators (ids, stages, phrasings), each at its own item."""
    problems: list[InitErrorDetails] = []
    if not isinstance(items, list):
        return problems
    ids: dict[str, int] = {}
    owners: dict[str, str] = {}
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            continue
        id_, stage = item.get("id"), item.get("stage")
        if isinstance(id_, str):
            if id_ in ids:
                msg = f"duplicate id {id_!r} (also item {ids[id_]})"
                problems.append(_problem("duplicate_id", msg, (i, "id"), id_))
            ids.setdefault(id_, i)
        if isinstance(stage, str):
            if stages and stage not in stages:
                msg = f"unknown stage {stage!r}; one of {', '.join(stages)}"
                problems.append(_problem("unknown_stage", msg, (i, "stage"), stage))
            elif isinstance(id_, str) and _INDICATOR_ID.match(id_) and id_.split(".")[0] != stage:
                msg = f"id {id_!r} must start with its stage {stage!r}"
                problems.append(_problem("stage_prefix", msg, (i, "id"), id_))
        phrasings = item.get("phrasings")
        for phrasing in phrasings if isinstance(phrasings, list) else ():
            if not isinstance(phrasing, str):
                continue
            owner = owners.setdefault(phrasing, str(id_))
            if owner != str(id_):
                msg = f"phrasing {phrasing!r} also belongs to {owner!r}"
                problems.append(_problem("shared_phrasing", msg, (i, "phrasings"), phrasing))
    return problems


class IndicatorRules(_Model):
    """The indicator taxonomy: stage ids with labels, and the indicators."""

    stages: dict[str, str] = Field(min_length=1)
    indicators: list[Indicator] = Field(min_length=1)

    def names(self) -> dict[str, str]:
        """Indicator id → its Chinese name (``zh``), as the review pages show them."""
        return {indicator.id: indicator.zh for indicator in self.indicators}

    @field_validator("indicators", mode="wrap")
    @classmethod
    def _consistent(
        cls, value: Any, handler: ValidatorFunctionWrapHandler, info: ValidationInfo
    ) -> list[Indicator]:
        # items are validated one by one, then against each other; both kinds of
        # problem are reported together, each located at its item for the line
        problems: list[InitErrorDetails] = []
        result: list[Indicator] = []
        try:
            result = handler(value)
        except ValidationError as e:
            problems.extend(
                _problem(err["type"], err["msg"], tuple(err["loc"]), err.get("input"))
                for err in e.errors()
            )
        problems.extend(_taxonomy_problems(value, info.data.get("stages") or {}))
        if problems:
            raise ValidationError.from_exception_data(cls.__name__, problems)
        return result


class RuleSet(_Model):
    """Every rule table, validated; built once per process by :func:`load_rules`."""

    path: str
    conversion_fixes: ConversionFixRules
    markup: MarkupRules
    headings: HeadingRules
    metadata: MetadataRules
    units: UnitRules
    cues: CueRules
    time: TimeRules
    exclusions: ExclusionRules
    actors: ActorRules
    indicators: IndicatorRules


# file name → (RuleSet field, model of the file)
_FILES: dict[str, tuple[str, type[BaseModel]]] = {
    "conversion_fixes.yaml": ("conversion_fixes", ConversionFixRules),
    "markup.yaml": ("markup", MarkupRules),
    "headings.yaml": ("headings", HeadingRules),
    "metadata.yaml": ("metadata", MetadataRules),
    "units.yaml": ("units", UnitRules),
    "cues.yaml": ("cues", CueRules),
    "time.yaml": ("time", TimeRules),
    "exclusions.yaml": ("exclusions", ExclusionRules),
    "actors.yaml": ("actors", ActorRules),
    "indicators.yaml": ("indicators", IndicatorRules),
}


def default_rules_dir() -> Path:
    """The rules shipped with the package (wheel), or the checkout's ``rules/``."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "rules", here.parents[1] / "rules"):
        if (candidate / "markup.yaml").is_file():
            return candidate
    raise RuleFileError(Errors.E202.format(path=here / "rules"))


class _LineLoader(yaml.SafeLoader):
    """SafeLoader that records the line of each mapping and rejects duplicate keys."""

    problems: list[str]


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        if key in seen:
            loader.problems.append(f"line {key_node.start_mark.line + 1} [{key}] duplicate key")
        seen.add(key)
    mapping = loader.construct_mapping(node)
    mapping[_LINE_KEY] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
    _construct_mapping,
)


def _strip_lines(data: Any) -> Any:
    if isinstance(data, dict):
        return {k: _strip_lines(v) for k, v in data.items() if k != _LINE_KEY}
    if isinstance(data, list):
        return [_strip_lines(v) for v in data]
    return data


def _line_of(data: Any, loc: tuple[int | str, ...]) -> int | None:
    """The line of the innermost mapping on the path ``loc``."""
    line = data.get(_LINE_KEY) if isinstance(data, dict) else None
    node = data
    for part in loc:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, dict) and _LINE_KEY in node:
            line = node[_LINE_KEY]
    return line


def _read_file(path: Path, problems: list[str]) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        problems.append(f"{path}: cannot read: {e.strerror}")
        return None
    loader = _LineLoader(text)
    loader.problems = []
    try:
        data = loader.get_single_data()
    except yaml.YAMLError as e:
        problems.append(f"{path}: {e}".replace("\n", " "))
        return None
    finally:
        loader.dispose()
    problems.extend(f"{path}:{p.removeprefix('line ')}" for p in loader.problems)
    return data


@lru_cache(maxsize=8)
def _load_rules_cached(directory: str) -> RuleSet:
    root = Path(directory)
    if not root.is_dir():
        raise RuleFileError(Errors.E202.format(path=root))
    problems: list[str] = []
    tables: dict[str, Any] = {}
    for name, (field, model) in _FILES.items():
        path = root / name
        data = _read_file(path, problems)
        if data is None:
            continue
        try:
            tables[field] = model.model_validate(_strip_lines(data))
        except ValidationError as e:
            for err in e.errors():
                loc = tuple(err["loc"])
                line = _line_of(data, loc)
                where = f"{path}:{line}" if line else str(path)
                dotted = ".".join(str(p) for p in loc)
                problems.append(f"{where} [{dotted}] {err['msg']}")
    if problems:
        raise RuleFileError(Errors.E201.format(count=len(problems), problems="\n".join(problems)))
    return RuleSet(path=str(root), **tables)


def load_rules(directory: str | Path | None = None) -> RuleSet:
    """Load and validate the rule tables, once per directory and process.

    Args:
        directory: A rules folder; the packaged rules when ``None``.

    Raises:
        RuleFileError: Listing every problem in every file.
    """
    root = Path(directory) if directory is not None else default_rules_dir()
    return _load_rules_cached(str(root.resolve()))
