"""Link mentions into commitments: value ↔ metric ↔ deadline ↔ owner ↔ scope.

Works on the clean text, sentence by sentence. A sentence is cut into
*segments* at top-level ``,`` ``;`` ``:`` (commas inside brackets do not cut);
most fields are read from the quantity's own segment, deadlines and modality can
reach over the segments after them (``到2020年，…，…``), and a deadline or a
list of responsible units in an item's closing parenthesis (``（6月底完成，牵头
考核单位：市工信局）``) holds for the whole item.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from .ruleset import RuleSet
from .types import CleanText, CommitmentDraft, Mention, Section, Sentence, Span

__all__ = ["link_mentions"]

SEGMENT_BREAK = re.compile(r"[,;:，；：]")
_PARENS = re.compile(r"[(（)）]")
# what _segments looks at: brackets and the breaks
_SEGMENT_CHARS = re.compile(r"[(（)）,;:，；：]")
CJK = "\u4e00-\u9fff"
MAX_CUE_GAP = 6
MAX_METRIC_CHARS = 40
SHORT_PAREN_CHARS = 12
LOOK_BACK_CHARS = 120  # how far a clause start or a subject is looked for
MODALITY_REACH = 8  # segments a 力争 at the start of one reaches over
STRIVE = re.compile(r"力争|争取")
CLAUSE_START = re.compile(r"[,，;；:：]\s*")
# what may follow a body's name inside its subject: 各县区|工作方案, 学校|每班每天
BODY_REMAINDER = re.compile(r"^(?:工作方案|方案|(?:每[\u4e00-\u9fff]{1,2})+)$")
# N%的县(市、区)达到…: the bodies that must reach the target
SHARE_OF_BODIES = re.compile(
    r"(?:(?:及?以上|左右)的?|的)(?P<noun>[\u4e00-\u9fff()（）、]{1,10}?)(?=达到|创建成|达|纳入)"
)
# a noun after the amount ends before a preposition (x项全国优秀教学成果在我市…)
PREPOSITIONS = "在对向于为从与和及把将"


@dataclass(frozen=True)
class _Owner:
    """The body responsible, where it is named and how it was found."""

    name: str
    span: Span
    source: str  # responsible_units | subject | share


def _owner_fields(owner: _Owner | None) -> dict[str, object]:
    if owner is None:
        return {"owner": None, "owner_source": None, "owner_span": None}
    return {"owner": owner.name, "owner_source": owner.source, "owner_span": owner.span}


@dataclass
class _Segment:
    start: int
    end: int
    in_parens: bool = False


@dataclass(frozen=True)
class _Item:
    """What a closing ``（…，牵头单位：…）`` belongs to: a numbered item or, in a
    document without numbering, the paragraph."""

    key: str
    span: Span
    body_start: int
    ancestry: tuple[str, ...]


@dataclass
class _Context:
    clean: CleanText
    rules: RuleSet
    year: int | None
    sections: Sequence[Section]
    index: _SectionIndex
    units_by_item: dict[str, tuple[Span, str]] = field(default_factory=dict)
    item_deadlines: dict[str, tuple[_Item, Mention]] = field(default_factory=dict)

    def item_at(self, pos: int) -> _Item:
        section = self.index.at(pos, items_only=True)
        if section is not None:
            ancestry = [section.id]
            parent = section.parent
            while parent:
                ancestry.append(parent)
                parent = ".".join(parent.split(".")[:-1]) or None
            body = section.heading_span[0] if section.heading_span else section.marker_span[1]
            return _Item(section.id, section.span, body, tuple(ancestry))
        text = self.clean.text
        start = text.rfind("\n", 0, pos) + 1
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        key = f"paragraph@{start}"
        return _Item(key, (start, end), start, (key,))


def _segments(text: str, start: int, end: int) -> list[_Segment]:
    """Cut ``text[start:end]`` at top-level punctuation; parentheses are their own segments."""
    segments: list[_Segment] = []
    depth = 0
    seg_start = start
    paren_start = -1
    for m in _SEGMENT_CHARS.finditer(text, start, end):
        i, char = m.start(), m.group()
        if char in "(（":
            if depth == 0:
                paren_start = i
            depth += 1
        elif char in ")）" and depth:
            depth -= 1
            content = text[paren_start + 1 : i]
            if depth == 0 and (len(content) > SHORT_PAREN_CHARS or SEGMENT_BREAK.search(content)):
                # a parenthetical remark is a segment of its own; 县(区) is a name
                if paren_start > seg_start:
                    segments.append(_Segment(seg_start, paren_start))
                segments.extend(_paren_segments(text, paren_start + 1, i))
                seg_start = i + 1
        elif depth == 0 and char not in ")）":
            if i > seg_start:
                segments.append(_Segment(seg_start, i))
            seg_start = i + 1
    if depth:
        # an unclosed bracket: what stands before it is a segment, the rest its remark
        if paren_start > seg_start:
            segments.append(_Segment(seg_start, paren_start))
        segments.extend(_paren_segments(text, paren_start + 1, end))
    elif end > seg_start:
        segments.append(_Segment(seg_start, end))
    kept = [s for s in segments if text[s.start : s.end].strip()]
    return kept or [_Segment(start, end)]


def _paren_segments(text: str, start: int, end: int) -> list[_Segment]:
    out = []
    pos = start
    for m in SEGMENT_BREAK.finditer(text, start, end):
        if m.start() > pos:
            out.append(_Segment(pos, m.start(), in_parens=True))
        pos = m.end()
    if end > pos:
        out.append(_Segment(pos, end, in_parens=True))
    return out


def _segment_of(segments: Sequence[_Segment], pos: int) -> int:
    """Index of the segment holding ``pos`` (the last one before it, between two)."""
    lo, hi = 0, len(segments)
    while lo < hi:
        mid = (lo + hi) // 2
        if segments[mid].start <= pos:
            lo = mid + 1
        else:
            hi = mid
    return max(0, lo - 1)


class _SectionIndex:
    """Innermost-section lookup by position (sections nest, sorted by start)."""

    def __init__(self, sections: Sequence[Section]) -> None:
        self.sections = sorted(sections, key=lambda s: (s.span[0], -s.span[1]))
        self.starts = [s.span[0] for s in self.sections]
        self.by_id = {s.id: s for s in sections}

    def at(self, pos: int, *, items_only: bool = False) -> Section | None:
        """The deepest section holding ``pos``; with ``items_only``, not an inline 一是 item."""
        i = bisect_right(self.starts, pos) - 1
        while i >= 0:
            section = self.sections[i]
            if section.span[0] <= pos < section.span[1] and not (
                items_only and section.kind == "inline_item"
            ):
                return section
            i -= 1
        return None


DEADLINE_LEAD = re.compile(
    r"^(?:确保|力争|争取)?(?:(?:到|至|于|在)?(?:19|20)\d\d年(?:底|末)?(?:前)?|今年|明年|本年度|年内|全年)"
)
COPULA = re.compile(r"(?:时期|期间)?(?:是|为|系)")
# 地区生产总值增长6%: the change verb is not part of what is measured
TRAILING_CHANGE = re.compile(r"(?:增长|提高|提升|降低|减少|下降|增加|增幅|扩大)$")
FREQUENCY_LEAD = re.compile(
    r"^每(?:个)?(?:天|日|周|月|学期|半年|学年|年度|年|(?:\d+|[两二三四五六七八九十])年)"
)
# …近视率每年降低…: the frequency is a field of its own, not part of the metric
FREQUENCY_TRAIL = re.compile(
    r"每(?:个)?(?:天|日|周|月|学期|半年|学年|年度|年|(?:\d+|[两二三四五六七八九十])年)$"
)


def _alternation(words: Sequence[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class _Patterns:
    """What a linker reads the text with, compiled once per rule set."""

    lead_words: tuple[str, ...]
    lead: re.Pattern[str]
    before: Mapping[str, list[str]]
    after: Mapping[str, list[str]]
    body_end: re.Pattern[str]
    body_prefix: re.Pattern[str]
    subject_pattern: re.Pattern[str]
    plain_subject_pattern: re.Pattern[str]
    encouraged_pattern: re.Pattern[str]
    aspirational_cue: re.Pattern[str]
    binding_start: re.Pattern[str]
    aspirational_start: re.Pattern[str]
    cue_operator: Mapping[str, str]
    cue_pattern: re.Pattern[str]
    standard_before: re.Pattern[str]
    # the whole area; each is matched over a bounded stretch of text, so a long
    # sentence of many quantities is not scanned once per quantity
    area_just_before: re.Pattern[str]
    area_opening: re.Pattern[str]
    area_where: re.Pattern[str]
    longest_area: int
    areas: frozenset[str]  # area and scope words: never an owner
    outcome_subject: re.Pattern[str]
    outcome_where: re.Pattern[str]


_PATTERNS: dict[str, _Patterns] = {}


def _patterns(rules: RuleSet) -> _Patterns:
    cached = _PATTERNS.get(rules.path)
    if cached is not None:
        return cached
    cues = rules.cues
    before: dict[str, list[str]] = {
        op: sorted(c.before, key=len, reverse=True) for op, c in cues.comparators.items()
    }
    after: dict[str, list[str]] = {
        op: sorted(c.after, key=len, reverse=True) for op, c in cues.comparators.items()
    }
    body = _alternation(rules.actors.body_suffixes)
    markers = _alternation(rules.actors.subject_markers)
    verbs = _alternation(cues.lead_words)
    cue_operator = {c: op for op, group in before.items() for c in group}
    areas = _alternation(cues.area_words)
    completion = _alternation(cues.completion)
    patterns = _Patterns(
        lead_words=tuple(sorted(cues.lead_words, key=len, reverse=True)),
        # 保障性租赁住房: a verb followed by 性/型 is part of a noun, not a lead
        lead=re.compile(f"(?:{verbs})(?![性型])"),
        before=before,
        after=after,
        body_end=re.compile(f"(?:{body})$"),
        body_prefix=re.compile(f"^.{{0,24}}?(?:{body})"),
        subject_pattern=re.compile(
            rf"^(?:鼓励|支持|推动|要求|指导)?(?P<body>[^,，;；。]{{1,30}}?)(?=(?:{markers}))"
        ),
        # with no modal verb, in the quantity's own clause: 市教育局每年评选…, 普通高中学校开设…
        plain_subject_pattern=re.compile(
            rf"^(?P<body>[^,，;；。]{{1,30}}?)(?=(?:{verbs})|每[年学季月周天日]|每\d)"
        ),
        # 鼓励学校每班每天开设…, 鼓励xx万人口以上的县办好…: the encouraged body acts
        encouraged_pattern=re.compile(
            rf"^(?:鼓励|支持|要求|指导|推动|引导)(?P<body>[^,，;；。]{{1,24}}?)(?=(?:{verbs}))"
        ),
        aspirational_cue=re.compile(_alternation(cues.aspirational)),
        binding_start=re.compile(_alternation(cues.binding)),
        aspirational_start=re.compile(f"(?:{_alternation(cues.aspirational)})"),
        cue_operator=cue_operator,
        cue_pattern=re.compile(_alternation(list(cue_operator))),
        standard_before=re.compile(f"(?:{_alternation(cues.standard_before)})[^,，]{{0,8}}$"),
        area_just_before=re.compile(rf"(?P<area>{areas})$"),
        area_opening=re.compile(rf"\s*(?P<area>{areas})"),
        area_where=re.compile(rf"在(?P<area>{areas})"),
        longest_area=max(map(len, cues.area_words), default=0),
        areas=frozenset(cues.area_words) | frozenset(cues.scope_words),
        outcome_subject=re.compile(
            rf"^\s*(?P<body>[^,，;；。]{{2,20}}?)(?=在|(?:基本|全面|初步)?(?:{completion}))"
        ),
        # 特殊教育学校在xx万人口以上的县基本实现全覆盖: the place where the outcome is due
        outcome_where=re.compile(
            rf"^(?P<head>[^,，在]{{2,12}}?)在(?P<place>[^,，在]{{1,16}}?[省市县区镇乡村])"
            rf"(?P<tail>(?:{completion}).*)$"
        ),
    )
    _PATTERNS[rules.path] = patterns
    return patterns


class _Linker:
    def __init__(self, ctx: _Context) -> None:
        self.ctx = ctx
        self.text = ctx.clean.text
        self.scope_words = ctx.rules.cues.scope_words
        p = _patterns(ctx.rules)
        self.area_just_before, self.area_opening = p.area_just_before, p.area_opening
        self.area_where, self.longest_area, self.areas = p.area_where, p.longest_area, p.areas
        self.outcome_subject, self.outcome_where = p.outcome_subject, p.outcome_where
        self.lead_words = p.lead_words
        self.lead = p.lead
        self.before, self.after = p.before, p.after
        self.body_end, self.body_prefix = p.body_end, p.body_prefix
        self.subject_pattern, self.encouraged_pattern = p.subject_pattern, p.encouraged_pattern
        self.plain_subject_pattern = p.plain_subject_pattern
        # verbs a body's name never opens with (one-character ones would catch 应急管理局)
        self.action_words = tuple(w for w in p.lead_words if len(w) > 1)
        self.aspirational_cue, self.binding_start = p.aspirational_cue, p.binding_start
        self.aspirational_start = p.aspirational_start
        self.cue_operator, self.cue_pattern = p.cue_operator, p.cue_pattern
        self.standard_before = p.standard_before

    def starts_with_verb(self, text: str) -> bool:
        text = text.strip()
        return bool(self.lead.match(text)) and not text.startswith("总")

    def strip_lead(self, text: str) -> str:
        """Drop leading verbs, adverbs, deadline and frequency words before the measured thing."""
        while text:
            shorter = FREQUENCY_LEAD.sub("", DEADLINE_LEAD.sub("", text))
            m = self.lead.match(shorter)
            if m:
                shorter = shorter[m.end() :]
            if shorter == text:
                break
            text = shorter
        return text.strip(' 、“”"')

    def reports_past(self, sentence: Sentence, section: Section | None) -> bool:
        """A sentence about the past (过去一年，…) or in a review section (…工作回顾)."""
        opening = self.text[sentence.span[0] : sentence.span[0] + 8]
        if any(opening.startswith(word) for word in self.ctx.rules.cues.past_openers):
            return True
        while section is not None:
            heading = section.heading or ""
            if any(word in heading for word in self.ctx.rules.cues.past_headings):
                return True
            section = self.ctx.index.by_id.get(section.parent) if section.parent else None
        return False

    # ------------------------------------------------------------------ fields
    def comparator(self, q: Mention, seg: _Segment, kind: str, metric: str) -> str:
        data = q.data
        word = data.get("comparator_word")
        if isinstance(word, str):
            return "<=" if word in ("不高于", "不超过", "低于") else ">="
        if data.get("value_max") is not None and not data.get("approximate"):
            return "between"
        pre = self.text[seg.start : q.span[0]]
        post = self.text[q.span[1] : seg.end]
        if any(post.startswith(word) for word in self.ctx.rules.cues.approximate):
            return "="  # 85%左右: as written
        for op in (">=", "<="):
            for cue in self.after[op]:
                if post.startswith(cue):
                    return op
        found = self.cue_before(pre)
        if found:
            return found[2]
        if data.get("approximate") or kind == "change":
            return "="
        if self.standard_before.search(pre):
            return "="  # 按100人核定: an exact basis
        if any(w in metric for w in self.ctx.rules.cues.limit_metrics):
            return "<="
        default = data.get("default_comparator")
        if isinstance(default, str):
            return default
        if data.get("unit") == "%":
            return ">="
        return "="

    def cue_before(self, pre: str) -> tuple[int, int, str] | None:
        """The comparator cue nearest the end of ``pre``: (start, end, operator).

        Cues are tried longest first at each position, so 少于 inside 不少于 is
        not a cue of its own.
        """
        found = None
        for m in self.cue_pattern.finditer(pre):
            found = m
        if found is None or len(pre) - found.end() > MAX_CUE_GAP:
            return None
        return (found.start(), found.end(), self.cue_operator[found.group()])

    def is_change(self, q: Mention, seg: _Segment) -> bool:
        if q.data.get("unit") in ("百分点", "倍") or q.rule == "multiple":
            return True
        pre = self.text[seg.start : q.span[0]]
        for verb in self.ctx.rules.cues.change_verbs:
            idx = pre.rfind(verb)
            if idx < 0:
                continue
            between = pre[idx + len(verb) :]
            if re.match(r"(?:到|至)", between) or any(
                c in between for cues in self.before.values() for c in cues if len(c) > 1
            ):
                continue
            return True
        return False

    def metric(
        self, q: Mention, seg: _Segment, sentence_metrics: list[str]
    ) -> tuple[str | None, str | None]:
        """(metric, scope) of a quantity, read from its segment."""
        pre = self.text[seg.start : q.span[0]]
        post = self.text[q.span[1] : seg.end]
        scope = None
        # 农村以单程通勤时间(如30分钟): the thing before 以 is the scope
        paren = re.search(
            r"(?:^|[、,，])(?:按照|根据|依据)?(?P<scope>[^以、,，]{1,10})以(?P<metric>[^(、]{1,20})\(如?$",
            self.text[self._clause_start(q) : q.span[0]],
        )
        if paren:
            return paren.group("metric"), paren.group("scope")
        cue = self.cue_before(pre)
        cue_at = cue[0] if cue and cue[0] > 0 else None
        gap = pre[cue[1] :] if cue else ""
        if cue and gap.strip() and "的" not in gap:
            cue_at = None  # 至少建设一个…基地: the thing counted follows the amount
        # N%的学校达到…: the share of bodies that reach something
        share = re.match(
            r"^(?:(?:及?以上|左右)的?|的)(?P<noun>[^,，;；%]{1,16}?)(?P<verb>达到|创建成|纳入|达|实现|建成|开展|获得)(?P<rest>[^,，;；。]{0,30})",
            post,
        )
        if q.data.get("unit") == "%" and share:
            noun = share.group("noun")
            # 三县（市）、九台区、双阳区80%的学校…: the places the share is taken in
            place = self.strip_lead(pre.strip())
            scope = place if place and self._is_place_list(place) else None
            return f"{share.group('verb')}{share.group('rest')}的{noun}比例", scope
        if cue_at is not None:
            subject = self.strip_lead(pre[:cue_at].strip())
            subject = re.sub(r"(?:持续|稳定|力争|要|将|均|全部|基本)+$", "", subject)
            subject = re.sub(r"在(?:19|20)?[\dxX]+年(?:的)?基础上$", "", subject)
            scope, subject = self._split_scope(subject)
            if subject and self._is_place_list(subject):
                return (sentence_metrics[-1] if sentence_metrics else None), subject
            if subject:
                return subject[-MAX_METRIC_CHARS:], scope
        post = re.sub(r"^\([^()]{0,30}\)", "", post).rstrip("、和及与 ")
        # 千兆到苏木乡镇（街道）, 20兆进牧户的带宽要求: the place, with its bracketed
        # qualifier, up to what is said of it
        destination = re.match(
            r"^(?:到|进|至)(?P<place>[^,，;；。、(的]{1,12}(?:\([^()]{1,6}\))?)", post
        )
        if destination:
            # 万兆到旗县区: the place is the scope, the metric is the segment before
            return (
                sentence_metrics[-1] if sentence_metrics else self.previous_object(seg)
            ), destination.group("place")
        # a count in brackets measures the noun after them: （累计约3600户）大中型餐饮单位
        noun = re.match(
            rf"^\)?[”\"]?(?:的)?(?P<noun>[^,，;；。、()]{{1,{MAX_METRIC_CHARS}}})", post
        )
        if noun and (
            noun.group("noun")[0] in "以上以下以内左右"
            or noun.group("noun").strip('”"') in self.ctx.rules.cues.generic_metrics
            or noun.group("noun") in self.ctx.rules.cues.closing_verbs
        ):
            noun = None
        if noun and noun.group("noun"):
            text = noun.group("noun")
            text = (
                re.split(r"(?=纳入|达到|实现|参加|参与|接受|享受|获得|覆盖)", text, maxsplit=1)[0]
                or text
            )
            short_owner = re.match(r"^(?P<head>[\u4e00-\u9fff]{1,3})的", text)
            if short_owner:
                text = short_owner.group("head")
            text = (
                re.split(f"[{PREPOSITIONS}](?=[{CJK}])", text, maxsplit=1)[0]
                if len(text) > 6
                else text
            )
            for verb in ("核定", "开设", "安排", "配备"):
                if text.startswith(verb) and len(text) > len(verb):
                    text = text[len(verb) :]
            if text:
                before = self.strip_lead(pre.strip())
                scope_pre, _ = self._split_scope(before)
                return text, scope_pre
        before = re.sub(r"在(?:19|20)?[\dxX]+年(?:的)?基础上$", "", pre.strip())
        before = self.strip_lead(before.lstrip("("))  # （其中公办3所）
        before = re.sub(r"(?:持续|稳定|力争|要|将|均|全部|基本|约|近|累计)+$", "", before)
        scope, before = self._split_scope(before)
        before = TRAILING_CHANGE.sub("", self.strip_lead(before))
        found = self.cue_before(before)
        if found and found[1] == len(before):
            before = before[: found[0]]  # 不低于 with nothing measured before it
        before = re.sub(r"“?[一二三四五六七八九十两]{1,2}个$", "", before)  # “四个100%
        # 教师培训经费按照不低于…的5%安排: what is measured comes before 按照
        before = re.sub(r"^(?P<measured>[^按]{2,}?)按照.*$", r"\g<measured>", before)
        before = before.strip(' “”"')
        if not before and sentence_metrics:
            return sentence_metrics[-1], scope
        if not before:
            before = self.previous_object(seg) or ""
        if not before and q.data.get("unit_kind") in ("study", "time"):
            before = str(q.data.get("unit"))  # 保证不低于72课时: what is counted is 课时
        return (before[-MAX_METRIC_CHARS:] or None), scope

    def previous_object(self, seg: _Segment) -> str | None:
        """对主干链路进行扩容，达到… → 主干链路: the object of the segment before."""
        before = self.text[max(0, seg.start - LOOK_BACK_CHARS) : seg.start].rstrip(",，")
        start = max(before.rfind(","), before.rfind("，"), before.rfind("。")) + 1
        previous = before[start:]
        m = re.match(
            r"^(?:对|把|将)?(?P<noun>[^,，]{2,14}?)(?:进行)?(?:扩容|升级|改造|建设|提升|优化)$",
            previous,
        )
        if m:
            return m.group("noun")
        # 对普通高中学校要提高生均公用经费标准 → 生均公用经费标准
        m = re.search(r"(?:要|将|应|须)(?P<rest>[^,，]{2,30})$", previous)
        if m:
            return self.strip_lead(m.group("rest")) or None
        return None

    def _clause_start(self, q: Mention) -> int:
        pos = q.span[0]
        limit = max(0, pos - LOOK_BACK_CHARS)
        while pos > limit and self.text[pos - 1] not in ",，;；。\n:：":
            pos -= 1
        return pos

    def area_scope(self, q: Mention, sentence: Sentence) -> str | None:
        """The whole area the quantity's sentence is about, when it names one.

        ``联通市本级50个部门`` (just before the amount), ``全市新增…（累计约3600户）``
        (opening the sentence), ``在全市开展…，每年评选20名…`` (where it happens).
        """
        start, end = sentence.span[0], q.span[0]
        found = (
            self.area_just_before.search(self.text, max(start, end - self.longest_area), end)
            or self.area_opening.match(self.text, start, end)
            or self.area_where.search(self.text, max(start, end - LOOK_BACK_CHARS), end)
        )
        return found.group("area") if found else None

    def split_where(self, action: str) -> tuple[str, str | None]:
        """(the action without its place, the place) for ``…在<place>基本实现…``."""
        m = self.outcome_where.match(action)
        if m is None:
            return action, None
        return m.group("head") + m.group("tail"), m.group("place")

    def _split_scope(self, text: str) -> tuple[str | None, str]:
        for word in self.scope_words:
            if text.startswith(word) and len(text) > len(word):
                return word, text[len(word) :]
        m = re.match(
            r"^(?P<scope>各(?:级|个)?[\u4e00-\u9fff]{0,4}?(?:大厅|部门|学校|单位|地|区|县))(?P<rest>.+)$",
            text,
        )
        if m:
            return m.group("scope"), m.group("rest")
        return None, text

    def _is_place_list(self, text: str) -> bool:
        return bool(
            re.fullmatch(
                r"(?:[\u4e00-\u9fff()（）]{0,8}?(?:县|区|市|镇|乡)(?:\([^)]*\))?[、和及]?)+", text
            )
        )

    def kind(self, q: Mention, seg: _Segment, metric: str | None, frequency: str | None) -> str:
        data = q.data
        unit_kind = data.get("unit_kind")
        if q.rule == "relative_standard":
            return "standard"
        if self.is_change(q, seg):
            return "change"
        if frequency:
            if q.rule == "cycle":
                return "frequency"
            if frequency in ("per_day", "per_week") or unit_kind in ("time", "study", "money"):
                return "standard"
            return "frequency"
        pre = self.text[seg.start : q.span[0]]
        if unit_kind in ("money", "study", "time", "distance", "compound"):
            return "standard"
        if self.standard_before.search(pre):
            return "standard"
        if metric and any(w in metric for w in self.ctx.rules.cues.standard_metrics):
            return "standard"
        return "target"

    def modality(
        self, sentence: Sentence, segments: Sequence[_Segment], index: int, pos: int | None = None
    ) -> str:
        """Aspirational when the segment has a cue near ``pos``, or a 力争/争取 opens a
        segment before it that no binding cue has closed since."""
        seg = segments[index]
        lo, hi = seg.start, seg.end
        if pos is not None:
            lo, hi = max(lo, pos - LOOK_BACK_CHARS), min(hi, pos + LOOK_BACK_CHARS)
        if self.aspirational_cue.search(self.text, lo, hi):
            return "aspirational"
        for prev in range(index - 1, max(-1, index - 1 - MODALITY_REACH), -1):
            start = segments[prev].start
            while start < segments[prev].end and self.text[start].isspace():
                start += 1
            if STRIVE.match(self.text, start):
                return "aspirational"
            if self.binding_start.match(self.text, start):
                break
        return "binding"

    def owner(self, q_start: int, sentence: Sentence, section: Section | None) -> _Owner | None:
        return self.responsible_units(q_start) or self.subject(sentence, q_start)

    def responsible_units(self, pos: int) -> _Owner | None:
        """The lead units listed for the item (or paragraph) holding ``pos``."""
        for key in self.ctx.item_at(pos).ancestry:
            units = self.ctx.units_by_item.get(key)
            if units:
                return _Owner(units[1], units[0], "responsible_units")
        return None

    def subject(self, sentence: Sentence, q_start: int) -> _Owner | None:
        """A body that opens the sentence, or a clause of it before the quantity, and acts.

        ``各县（市、区）教育行政部门和学校要…`` names the owner; ``对普通高中学校要…``
        names a scope, not an owner.
        """
        # N%的县(市、区)达到 — the bodies that must reach the target
        if SHARE_OF_BODIES.match(self.text, q_start):
            return None
        lo = max(sentence.span[0], q_start - LOOK_BACK_CHARS)
        starts = [sentence.span[0]] if sentence.span[0] >= lo else []
        starts += [m.end() for m in CLAUSE_START.finditer(self.text, lo, q_start)]
        for i, start in enumerate(reversed(starts)):
            # an encouraged body (鼓励学校…) acts in its own clause only
            found = self._body_at(start, q_start, encouraged=i == 0)
            if found:
                return found
        return None

    def outcome_owner(self, clause: Span) -> _Owner | None:
        """The body an outcome clause opens with, with no modal verb after it:
        ``特殊教育学校在…的县基本实现全覆盖``, ``各乡镇基本建成…``."""
        return self._body_at(*clause, encouraged=False, pattern=self.outcome_subject)

    def _body_at(
        self, start: int, stop: int, *, encouraged: bool, pattern: re.Pattern[str] | None = None
    ) -> _Owner | None:
        """The body opening ``text[start:stop]``: before a modal verb, or, in the
        quantity's own clause (``encouraged``), an encouraged body (鼓励学校…) or a
        body right before its action (市教育局每年评选…)."""
        text = self.text[start : min(stop, start + LOOK_BACK_CHARS)]
        patterns = [pattern or self.subject_pattern]
        if encouraged:
            patterns += [self.encouraged_pattern, self.plain_subject_pattern]
        for candidate in patterns:
            m = candidate.match(text)
            if m is None or m.group("body").startswith("对"):
                continue
            found = self._name_in(m.group("body"), start + m.start("body"))
            if found is not None:
                return found
        return None

    def _name_in(self, body: str, at: int) -> _Owner | None:
        """The longest name ``body`` opens with, if what follows it is not more noun."""
        for end in range(len(body), 1, -1):
            name = body[:end]
            if not self.body_end.search(name) or re.search(r"[的率量比]$", name):
                continue
            if name in self.areas or "在" in name or name.startswith(self.action_words):
                # 全市新建…, 在全市开展…: the place is the scope; 推进…中心: an action
                return None
            if end == len(body) or BODY_REMAINDER.match(body[end:]):
                return _Owner(name, (at, at + end), "subject")
        return None

    def share_owner(self, q: Mention) -> _Owner | None:
        share = SHARE_OF_BODIES.match(self.text, q.span[1])
        if share and q.data.get("unit") == "%":
            noun = share.group("noun")
            if self.body_end.search(noun):
                return _Owner(noun, share.span("noun"), "share")
        return None

    # -------------------------------------------------------------- deadlines
    def resolve(self, d: Mention) -> tuple[int | None, int | None]:
        year = d.data.get("year")
        month = d.data.get("month")
        own = self.ctx.year
        if d.data.get("relative") == "next_year" and own is not None:
            own += 1
        return (
            year if isinstance(year, int) else own,
            month if isinstance(month, int) else None,
        )


def link_mentions(
    clean: CleanText,
    sentences: Sequence[Sentence],
    sections: Sequence[Section],
    mentions: Sequence[Mention],
    *,
    rules: RuleSet,
    year: int | None,
) -> tuple[list[CommitmentDraft], list[Mention]]:
    """Turn mentions into commitment drafts.

    Args:
        clean: The normalized document.
        sentences: Its sentences.
        sections: Its outline.
        mentions: What the recognizers found.
        rules: The loaded rule tables.
        year: The document's own year, for month-only deadlines (``6月底前``).

    Returns:
        The drafts, and the number-like mentions that did not become one
        (excluded by a rule, or not parsed).
    """
    ctx = _Context(
        clean=clean, rules=rules, year=year, sections=sections, index=_SectionIndex(sections)
    )
    linker = _Linker(ctx)
    text = clean.text
    parens = _ParenDepth(text)
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(_sentence_of(m), []).append(m)
    for m in mentions:
        if m.label not in ("UNITS", "DEADLINE"):
            continue
        item = ctx.item_at(m.span[0])
        if m.label == "UNITS" and item.key not in ctx.units_by_item:
            ctx.units_by_item[item.key] = (m.span, str(m.data["units"]))
        if (
            m.label == "DEADLINE"
            and parens.inside(m.span[0])
            and item.key not in ctx.item_deadlines
        ):
            ctx.item_deadlines[item.key] = (item, m)

    drafts: list[CommitmentDraft] = []
    skipped: list[Mention] = []
    governing_used: set[tuple[int, int]] = set()
    for sentence in sentences:
        found = by_sentence.get(sentence.index, [])
        if not found:
            continue
        segments = _segments(text, *sentence.span)
        deadlines = [
            m
            for m in found
            if m.label == "DEADLINE" and not parens.inside(m.span[0]) and not _past_year(m, year)
        ]
        frequencies = [m for m in found if m.label == "FREQUENCY"]
        quantities = [m for m in found if m.label == "QUANTITY"]
        skipped.extend(m for m in found if m.label == "EXCLUDED")
        section = ctx.index.at(sentence.span[0])
        if linker.reports_past(sentence, section):
            skipped.extend(
                Mention("EXCLUDED", q.span, "past", q.data) for q in found if q.label == "QUANTITY"
            )
            continue
        sentence_metrics: list[str] = []
        starts = sorted(q.span[0] for q in quantities)
        ends = sorted(q.span[1] for q in quantities)
        governing = _SentenceDeadlines(deadlines, segments, text)
        frequencies_by_segment: dict[int, list[Mention]] = {}
        for f in frequencies:
            frequencies_by_segment.setdefault(_segment_of(segments, f.span[0]), []).append(f)
        quantity_segments = {_segment_of(segments, q.span[0]) for q in quantities}
        for q in quantities:
            index = _segment_of(segments, q.span[0])
            seg = segments[index]
            frequency = _frequency(frequencies_by_segment.get(index, ()), q)
            # neighbours in the same segment bound this quantity's words
            i = bisect_right(ends, q.span[0]) - 1
            left = max(seg.start, ends[i]) if i >= 0 else seg.start
            j = bisect_left(starts, q.span[1])
            right = min(seg.end, starts[j]) if j < len(starts) else seg.end
            while left < q.span[0] and text[left] in "、和及与 ":
                left += 1
            seg = _Segment(left, right, seg.in_parens)
            metric, scope = linker.metric(q, seg, sentence_metrics)
            if metric:
                metric = FREQUENCY_TRAIL.sub("", metric) or metric
            kind = linker.kind(q, seg, metric, frequency)
            comparator = linker.comparator(q, seg, kind, metric or "")
            deadline_mention = governing.governing(index)
            if deadline_mention is None:
                deadline_mention = _item_deadline(ctx, q.span[0])
            year_value, month_value = (None, None)
            if deadline_mention is not None:
                governing_used.add(deadline_mention.span)
                year_value, month_value = linker.resolve(deadline_mention)
            owner = linker.share_owner(q) or linker.owner(q.span[0], sentence, section)
            if linker.responsible_units(q.span[0]) and scope is None:
                subject = linker.subject(sentence, q.span[0])
                scope = subject.name if subject else None
            if scope is None:
                scope = linker.area_scope(q, sentence)
            if owner and scope and scope in owner.name:
                scope = None  # 全市各级各类学校要…: an owner is not repeated as scope
            value = q.data.get("value")
            drafts.append(
                CommitmentDraft(
                    span=_quote_span(text, seg, q, metric),
                    section=section.id if section else None,
                    rule=q.rule,
                    confidence=0.8 if metric else 0.5,
                    fields={
                        "kind": kind,
                        "metric": metric,
                        "value": value,
                        "value_max": q.data.get("value_max"),
                        "unit": q.data.get("unit"),
                        "comparator": comparator,
                        "deadline": year_value,
                        "deadline_month": month_value,
                        "deadline_span": deadline_mention.span if deadline_mention else None,
                        "frequency": frequency,
                        "scope": scope,
                        **_owner_fields(owner),
                        "modality": linker.modality(sentence, segments, index, q.span[0]),
                        "placeholder": bool(q.data.get("placeholder")),
                    },
                )
            )
            if metric:
                sentence_metrics.append(metric)
        # dated commitments with no quantity of their own become deadline records
        for d in deadlines:
            if _excluded_context(text, d):
                continue
            if d.span in governing_used:
                reached = _outcome_before_targets(linker, d, segments, starts)
                if reached is not None:
                    action = text[reached[0] : reached[1]]
                    index = _segment_of(segments, d.span[0])
                    drafts.append(
                        _deadline_draft(
                            linker,
                            d,
                            reached,
                            action,
                            sentence,
                            segments,
                            index,
                            section,
                            outcome=reached,
                        )
                    )
                continue
            if (
                section is not None
                and section.kind == "phase"
                and section.heading_span
                and (section.heading_span[0] <= d.span[0] < section.heading_span[1])
            ):
                continue  # 第一阶段：2018年 is the phase's own record
            index = _segment_of(segments, d.span[0])
            if _governs_rest(text, segments[index], d):
                if quantity_segments and max(quantity_segments) > index:
                    continue
                target = segments[index + 1] if index + 1 < len(segments) else segments[index]
                action = text[target.start : target.end]
                if "以" in action:
                    # 基本形成以…为…的…体系: read on to the end of the clause
                    clause_end = _clause_end(text, target.start, sentence.span[1])
                    action = text[target.start : clause_end]
                    target = _Segment(target.start, clause_end)
                span = (d.span[0], target.end)
            else:
                if index in quantity_segments:
                    continue
                seg = segments[index]
                span = (seg.start, seg.end)
                action = text[seg.start : seg.end].replace(str(d.data.get("surface", "")), "")
            if COPULA.match(_strip_lead_deadline(action).lstrip(" ,，")):
                continue  # 十三五时期是…阶段: a statement, not something due
            drafts.append(
                _deadline_draft(linker, d, span, action, sentence, segments, index, section)
            )
    drafts.extend(_item_deadline_drafts(ctx, linker, drafts, sentences))
    drafts.extend(_phase_drafts(ctx, drafts))
    drafts.sort(key=lambda d: d.span)
    return drafts, skipped


def _sentence_of(mention: Mention) -> int:
    index = mention.data.get("sentence")
    return index if isinstance(index, int) else -1


def _past_year(d: Mention, year: int | None) -> bool:
    """A year before the document's own is a reference to the past, not a deadline
    (``2018年，全市…增长8%``, ``按照2019年12月印发的方案`` in a 2020 document)."""
    found = d.data.get("year")
    return year is not None and isinstance(found, int) and found < year


class _ParenDepth:
    """Whether a position is inside brackets opened earlier on its line; the text
    is read once (a one-line document may ask about thousands of positions)."""

    def __init__(self, text: str) -> None:
        self._newlines = [m.start() for m in re.finditer("\n", text)]
        self._at: list[int] = []  # position of each bracket
        self._depth: list[int] = []  # depth on its line just after it
        depth, line = 0, 0
        for m in _PARENS.finditer(text):
            current = bisect_left(self._newlines, m.start())
            if current != line:
                depth, line = 0, current
            if m.group() in "(（":
                depth += 1
            elif depth:
                depth -= 1  # a closing bracket with no opening one is ignored
            self._at.append(m.start())
            self._depth.append(depth)

    def inside(self, pos: int) -> bool:
        last = bisect_left(self._at, pos) - 1
        if last < 0:
            return False
        # the bracket must be on pos's line
        if bisect_left(self._newlines, self._at[last]) != bisect_left(self._newlines, pos):
            return False
        return self._depth[last] > 0


def _frequency(in_segment: Sequence[Mention], q: Mention) -> str | None:
    """The nearest frequency stated in the quantity's segment before its end
    (``每年评选20名…、20堂…`` reaches both counts; in ``每周…5天、每天…2小时`` the
    hours are per day); ``in_segment`` are the frequencies of that segment, in order."""
    found = None
    for f in in_segment:
        if f.span[0] > q.span[1]:
            break
        found = str(f.data["frequency"])
    return found


def _governs_rest(text: str, seg: _Segment, d: Mention) -> bool:
    """``到2020年，…``: a deadline that is its whole segment governs what follows,
    and so does one in a segment that announces a list (``今年…目标是：…``)."""
    if text[seg.end : seg.end + 1] in (":", "："):
        return True
    rest = text[seg.start : seg.end].replace(str(d.data.get("surface", "")), "")
    return not re.sub(r"[\s确保力争争取要]", "", rest)


class _SentenceDeadlines:
    """The deadlines of one sentence, indexed once, so that finding the one that
    governs a quantity does not scan them all (a long sentence may hold thousands)."""

    def __init__(self, deadlines: Sequence[Mention], segments: Sequence[_Segment], text: str):
        self.own: dict[int, Mention] = {}
        self.leading_segments: list[int] = []
        self.leading: list[Mention] = []
        for d in sorted(deadlines, key=lambda m: m.span):
            index = _segment_of(segments, d.span[0])
            self.own.setdefault(index, d)
            if _governs_rest(text, segments[index], d):
                self.leading_segments.append(index)
                self.leading.append(d)

    def governing(self, index: int) -> Mention | None:
        """The deadline in segment ``index``, else the last one before it that
        governs the segments after it (``到2020年，…``)."""
        own = self.own.get(index)
        if own is not None:
            return own
        before = bisect_left(self.leading_segments, index)
        return self.leading[before - 1] if before else None


def _item_deadline(ctx: _Context, pos: int) -> Mention | None:
    found = ctx.item_deadlines.get(ctx.item_at(pos).key)
    return found[1] if found else None


def _excluded_context(text: str, d: Mention) -> bool:
    """A year inside 《…》 or 在…基础上 is not a deadline."""
    before = text[max(0, d.span[0] - 60) : d.span[0]]
    return before.rfind("《") > before.rfind("》")


def _quote_span(text: str, seg: _Segment, q: Mention, metric: str | None) -> Span:
    """The quantity with what it measures: the metric before it, or the noun after it."""
    if metric:
        after = text.find(metric, q.span[1], seg.end)
        if after >= 0 and after - q.span[1] <= 2:
            return (q.span[0], after + len(metric))
        before = text.rfind(metric, seg.start, q.span[0])
        if before >= 0:
            return (before, q.span[1])
    start = seg.start
    while start < q.span[0] and text[start] in " \t":
        start += 1
    return (start, q.span[1])


def _deadline_draft(
    linker: _Linker,
    d: Mention,
    span: Span,
    action: str,
    sentence: Sentence,
    segments: Sequence[_Segment],
    index: int,
    section: Section | None,
    *,
    outcome: Span | None = None,
) -> CommitmentDraft:
    """A deadline record; its owner is looked for before the deadline, or, for an
    ``outcome`` clause with a subject of its own, at the clause's start."""
    year, month = linker.resolve(d)
    action = re.sub(r"^[\s,，]+|[\s,，。;；]+$", "", action)
    action = _strip_lead_deadline(action)
    action, scope = linker.split_where(action)
    governed = (
        index + 1
        if _governs_rest(linker.text, segments[index], d) and index + 1 < len(segments)
        else index
    )
    return CommitmentDraft(
        span=span,
        section=section.id if section else None,
        rule=f"deadline_{d.rule}",
        confidence=0.7,
        fields=_deadline_fields(
            metric=_compress_action(action) or None,
            deadline=year,
            month=month,
            deadline_span=d.span,
            owner=(
                linker.owner(d.span[0], sentence, section)
                if outcome is None
                else linker.responsible_units(d.span[0]) or linker.outcome_owner(outcome)
            ),
            modality=linker.modality(sentence, segments, governed),
            scope=scope,
        ),
    )


def _outcome_before_targets(
    linker: _Linker, d: Mention, segments: Sequence[_Segment], starts: Sequence[int]
) -> Span | None:
    """The clause right after a leading deadline, when it has no quantity and states
    an outcome reached (…基本实现全覆盖) while later clauses carry the targets.
    ``starts`` are the sentence's quantities' starts, sorted."""
    index = _segment_of(segments, d.span[0])
    if index + 1 >= len(segments) or not _governs_rest(linker.text, segments[index], d):
        return None
    clause = segments[index + 1]
    first = bisect_left(starts, clause.start)
    if first < len(starts) and starts[first] < clause.end:
        return None
    words = linker.text[clause.start : clause.end]
    if not any(cue in words for cue in linker.ctx.rules.cues.completion):
        return None
    start = clause.start
    while start < clause.end and linker.text[start] in " \t":
        start += 1
    return (start, clause.end)


def _clause_end(text: str, start: int, limit: int) -> int:
    m = re.compile(r"[;；。]").search(text, start, limit)
    return m.start() if m else limit


def _deadline_fields(
    *,
    metric: str | None,
    deadline: int | None,
    month: int | None,
    deadline_span: Span | None,
    owner: _Owner | None,
    modality: str,
    scope: str | None = None,
) -> dict[str, object]:
    """The fields of a deadline record: a date and the action due, no quantity."""
    return {
        "kind": "deadline",
        "metric": metric,
        "value": None,
        "value_max": None,
        "unit": None,
        "comparator": None,
        "deadline": deadline,
        "deadline_month": month,
        "deadline_span": deadline_span,
        "frequency": None,
        "scope": scope,
        **_owner_fields(owner),
        "modality": modality,
        "placeholder": False,
    }


def _strip_lead_deadline(action: str) -> str:
    return re.sub(
        r"^(?:确保|力争|争取)?(?:到|至|于|在)?(?:19|20)\d\d年(?:底|末)?(?:前)?[,，]?", "", action
    )


def _compress_action(action: str) -> str:
    """``基本形成以…为保障的质量工程运行体系`` → ``基本形成质量工程运行体系``."""
    if "的" not in action or len(action) <= 16:
        return action
    verb = re.match(rf"^(?:基本|全面|初步|逐步|进一步)?[{CJK}]{{2}}", action)
    tail = action.rsplit("的", 1)[1]
    return f"{verb.group()}{tail}" if verb and tail else action


def _item_deadline_drafts(
    ctx: _Context, linker: _Linker, drafts: Sequence[CommitmentDraft], sentences: Sequence[Sentence]
) -> list[CommitmentDraft]:
    """``（6月底完成，牵头考核单位：…）`` closing an item with no quantity of its own."""
    out = []
    for item, d in ctx.item_deadlines.values():
        inside = [x for x in drafts if item.span[0] <= x.span[0] < item.span[1]]
        if any(x.fields["kind"] != "deadline" for x in inside):
            continue
        text = ctx.clean.text
        paren_end = min(
            [i for i in (text.find(",", d.span[0]), text.find(")", d.span[0])) if i >= 0]
            or [d.span[1]]
        )
        span = (d.span[0], paren_end)
        body_start = item.body_start
        body_end = text.rfind("(", body_start, d.span[0])
        action = text[body_start : body_end if body_end > body_start else d.span[0]]
        action = re.sub(r"\s*\(\s*\d+(?:\.\d+)?\s*分\s*\)\s*|\s+", "", action)  # （0.5分）
        year, month = linker.resolve(d)
        sentence = next((s for s in sentences if s.span[0] <= d.span[0] < s.span[1]), None)
        aspirational = linker.aspirational_start.match(action)
        out.append(
            CommitmentDraft(
                span=span,
                section=None if item.key.startswith("paragraph@") else item.key,
                rule=f"item_deadline_{d.rule}",
                confidence=0.7,
                fields=_deadline_fields(
                    metric=action or None,
                    deadline=year,
                    month=month,
                    deadline_span=d.span,
                    owner=linker.owner(d.span[0], sentence, None) if sentence else None,
                    modality="aspirational" if aspirational else "binding",
                ),
            )
        )
    return out


def _phase_drafts(ctx: _Context, drafts: Sequence[CommitmentDraft]) -> list[CommitmentDraft]:
    """``第一阶段：2018年，质量工程启动实施年`` — a dated milestone of the plan."""
    out = []
    phase = re.compile(ctx.rules.time.phase)
    for section in ctx.sections:
        if section.kind != "phase" or section.heading_span is None:
            continue
        text = ctx.clean.text[section.marker_span[0] : section.heading_span[1]]
        m = phase.match(text)
        if not m:
            continue
        heading = ctx.clean.text[section.heading_span[0] : section.heading_span[1]]
        action = re.sub(r"^(?:19|20)\d\d年[,，]?", "", heading)
        action = re.sub(r"年$", "", action)
        out.append(
            CommitmentDraft(
                span=(section.marker_span[0], section.heading_span[1]),
                section=section.id,
                rule="phase",
                confidence=0.9,
                fields=_deadline_fields(
                    metric=action or None,
                    deadline=int(m.group("year")),
                    month=None,
                    deadline_span=(
                        section.marker_span[0] + m.start("year"),
                        section.marker_span[0] + m.end("year"),
                    ),
                    owner=None,
                    modality="binding",
                ),
            )
        )
    return out
