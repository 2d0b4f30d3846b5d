"""Map a commitment's metric, as the plan words it, to an indicator id.

The taxonomy is ``rules/indicators.yaml``. A metric is compared with every phrasing
of every indicator whose unit is of a compatible kind, and the closest one wins
when it scores at least :data:`MIN_SCORE`; otherwise the metric has no indicator.
A wrong indicator is worse than none, so the threshold is strict and a short
phrasing contained in a long metric only counts in proportion to how much of the
metric it covers.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from .ruleset import RuleSet

__all__ = ["MIN_SCORE", "IndicatorMatch", "map_indicator"]

# Lowest combined score (0–100) that maps a metric. Real variants of a phrasing (a
# 繁体 character in 7: 86; a phrasing covering 80% of the metric: 89) score above it;
# different indicators that share most characters score below 80 (体质健康达标率 vs
# 体质健康优良率: 71, 大班额比例 vs 普通高中大班额比例: 74, 高等教育毛入学率 vs
# 高中阶段教育毛入学率: 78). Tuned on the tables of tests/indicators.
MIN_SCORE = 82.0

# How much a phrasing contained in a longer metric (or the reverse) is worth:
# partial_ratio × (shorter / longer) ** COVERAGE_EXPONENT. 0.5 lets 近视率 stand for
# 中小学生近视率 only at 65 while a phrasing covering 80% of the metric scores 89:
# the phrasing must cover two thirds of the metric to reach MIN_SCORE.
COVERAGE_EXPONENT = 0.5
# Containment counts only when the shorter string is (nearly) all inside the longer:
# partial_ratio also scores a shared head (新建改扩建医院 vs 新建改扩建学校 → 83).
MIN_PARTIAL = 90.0
MIN_SHARED = 0.5  # share of distinct characters two strings must have in common to be scored

# Unit kinds (rules/units.yaml) that may stand for each other: 百分点 is a change of a
# % indicator, 倍 a multiple of a count, 节 and 课时 both count lessons.
_KIND_GROUPS: dict[str, str] = {
    "percent": "percent",
    "points": "percent",
    "count": "count",
    "multiple": "count",
    "study": "count",
}
_PERCENT = frozenset({"%", "％", "百分比"})

# Brackets with what they hold (县(区), （市、区）), punctuation, quotes and spaces.
_NOISE = re.compile(r"\([^()]{0,12}\)|[\s\"'“”‘’「」『』《》〈〉、，,。．.·;；:：!！?？]")


@dataclass(frozen=True)
class IndicatorMatch:
    """The indicator a metric maps to, and how closely (0–100) it matched."""

    id: str
    score: float


@dataclass(frozen=True)
class _Index:
    # (unit group of the indicator or None, normalized phrasing, indicator id)
    entries: tuple[tuple[str | None, str, str], ...]
    kinds: dict[str, str]
    scopes: tuple[str, ...]
    # per unit group of a metric, the phrasings it may map to and their ids
    by_group: dict[str | None, tuple[tuple[str, ...], tuple[str, ...]]]
    # per unit group, character → positions of the phrasings holding it
    chars: dict[str | None, dict[str, list[int]]] = field(default_factory=dict)
    distinct: dict[str | None, list[int]] = field(default_factory=dict)

    def candidates(self, group: str | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
        found = self.by_group.get(group)
        if found is None:
            # an unknown unit on either side constrains nothing
            chosen = [(p, i) for g, p, i in self.entries if group is None or g in (None, group)]
            found = (tuple(p for p, _ in chosen), tuple(i for _, i in chosen))
            self.by_group[group] = found
            postings: dict[str, list[int]] = {}
            for position, phrasing in enumerate(found[0]):
                for char in set(phrasing):
                    postings.setdefault(char, []).append(position)
            self.chars[group] = postings
            self.distinct[group] = [len(set(p)) for p in found[0]]
        return found

    def sharing(self, group: str | None, text: str) -> list[int]:
        """Phrasings that share enough characters with ``text`` to score at all.

        A ratio of MIN_SCORE, or a partial ratio of MIN_PARTIAL, needs most
        characters of the shorter string in the longer: MIN_SHARED of them is a
        safe lower bound that leaves out most of the table cheaply.
        """
        self.candidates(group)
        shared: dict[int, int] = {}
        for char in set(text):
            for position in self.chars[group].get(char, ()):
                shared[position] = shared.get(position, 0) + 1
        distinct = len(set(text))
        sizes = self.distinct[group]
        return [
            position
            for position, count in shared.items()
            if count >= MIN_SHARED * min(distinct, sizes[position])
        ]


_INDEXES: dict[str, _Index] = {}


def _normalize(text: str, scopes: tuple[str, ...] = ()) -> str:
    """NFKC, without noise, and without a leading scope word (全市, 农村 …)."""
    text = _NOISE.sub("", unicodedata.normalize("NFKC", text))
    for scope in scopes:
        if text.startswith(scope) and len(text) - len(scope) >= 2:
            return text[len(scope) :]
    return text


def _unit_group(unit: str | None, kinds: dict[str, str]) -> str | None:
    """The group of a unit's kind; None when the unit is missing or unknown."""
    if not unit:
        return None
    unit = unicodedata.normalize("NFKC", unit).strip()
    if unit in _PERCENT:
        return "percent"
    kind = kinds.get(unit) or kinds.get(unit.split("/", 1)[0])
    if kind is None:
        return None
    return _KIND_GROUPS.get(kind, kind)


def _index(rules: RuleSet) -> _Index:
    cached = _INDEXES.get(rules.path)
    if cached is not None:
        return cached
    kinds: dict[str, str] = {u.unit: u.kind for u in rules.units.units}
    # the scope words of cues.yaml open a metric with where it applies, not what it is
    scopes = tuple(sorted(rules.cues.scope_words, key=len, reverse=True))
    entries = tuple(
        (_unit_group(ind.unit, kinds), _normalize(p, scopes), ind.id)
        for ind in rules.indicators.indicators
        for p in ind.phrasings
    )
    index = _Index(entries=entries, kinds=kinds, scopes=scopes, by_group={})
    _INDEXES[rules.path] = index
    return index


def _score(metric: str, phrasing: str, *, score_cutoff: float | None = None, **_: object) -> float:
    """Whole-string similarity, or containment weighted by how much it covers."""
    if not metric or not phrasing:
        return 0.0
    whole = fuzz.ratio(metric, phrasing)
    shorter, longer = sorted((len(metric), len(phrasing)))
    partial = fuzz.partial_ratio(metric, phrasing) if shorter < longer else 0.0
    contained = partial * (shorter / longer) ** COVERAGE_EXPONENT if partial >= MIN_PARTIAL else 0.0
    score = max(whole, contained)
    return score if score_cutoff is None or score >= score_cutoff else 0.0


def map_indicator(metric: str | None, *, unit: str | None, rules: RuleSet) -> IndicatorMatch | None:
    """The indicator the metric measures, or None when no phrasing is close enough.

    Args:
        metric: The metric as written in the plan (``学生近视率``); None or empty
            gives None.
        unit: The commitment's unit; a unit of another kind than the indicator's
            (``%`` against a count of schools) rules the indicator out. None or an
            unknown unit rules nothing out.
        rules: The rule set whose ``indicators`` table is used.

    >>> from policyparse.ruleset import load_rules
    >>> map_indicator("中小学生近视率", unit="百分点", rules=load_rules())
    IndicatorMatch(id='health_pe.myopia_rate', score=100.0)
    >>> map_indicator("地区生产总值", unit="%", rules=load_rules()) is None
    True
    """
    if not metric:
        return None
    index = _index(rules)
    text = _normalize(metric, index.scopes)
    if not text:
        return None
    group = _unit_group(unit, index.kinds)
    phrasings, ids = index.candidates(group)
    if not phrasings:
        return None
    # A phrasing scores only through a ratio ≥ MIN_SCORE or a partial ratio ≥
    # MIN_PARTIAL: two C-level passes find those few, the Python scorer ranks them.
    sharing = index.sharing(group, text)
    subset = [phrasings[p] for p in sharing]
    near = {
        sharing[k]
        for scorer, cutoff in ((fuzz.ratio, MIN_SCORE), (fuzz.partial_ratio, MIN_PARTIAL))
        for _, _, k in process.extract(text, subset, scorer=scorer, score_cutoff=cutoff, limit=None)
    }
    best: tuple[float, int] | None = None
    for position in sorted(near):
        score = _score(text, phrasings[position], score_cutoff=MIN_SCORE)
        if score and (best is None or score > best[0] or (score == best[0] and position < best[1])):
            best = (score, position)
    if best is None:
        return None
    return IndicatorMatch(id=ids[best[1]], score=round(float(best[0]), 1))
