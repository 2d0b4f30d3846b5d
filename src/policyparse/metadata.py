"""Read document metadata from the head of a document (and its signature).

Titles, issuers, document number, issue date, jurisdiction and plan period of a
Chinese official document stand in a few conventional lines before the body:
letter-spaced issuer names, ``聊教体发〔2020〕7号``, the notice title
``…关于印发《…》的通知``, the plan title, a signature and ``2020年12月8日``.
Legal-database exports add ``【法宝引证码】`` and ``原文链接：`` lines and repeat
the title; those lines are metadata, not body text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ._markers import chinese_ordinal
from .ruleset import MetadataRules
from .types import CleanText, MetadataDraft, Section, Span

__all__ = ["read_metadata"]

CJK = "\u4e00-\u9fff"
MAX_TITLE_CHARS = 120
MAX_ORG_CHARS = 30

_CITATION = re.compile(r"【[^】\n]{0,10}引证码】\s*(\S+)")
_URL = re.compile(r"原文链接\s*[:：]\s*(\S+)")
_DOC_NUMBER = re.compile(
    rf"[{CJK}]{{1,12}}\s*[〔\[(【﹝]\s*(?:19|20)\d\d\s*[〕\])】﹞]\s*第?\s*\d{{1,4}}\s*号"
)
_CN_DIGIT = "〇零○一二三四五六七八九十"
_DATE = re.compile(
    rf"^\s*((?:19|20)\d\d|[{_CN_DIGIT}]{{4}})\s*年\s*(\d{{1,2}}|[{_CN_DIGIT}]{{1,3}})\s*月"
    rf"\s*(\d{{1,2}}|[{_CN_DIGIT}]{{1,3}})\s*日\s*$"
)
_SENTENCE_PUNCT = re.compile(r"[,，。;；:：!?]")
_PAREN_LINE = re.compile(r"^\s*\(([^()\n]{1,40})\)\s*$")
_ATTACHMENT = re.compile(r"^\s*附件\s*\d{0,2}\s*[:：]?\s*$")
_ISSUE_VERB = re.compile(r"关于(?:印发|转发|颁发|发布|公布|下发)")
_QUOTED_TITLE = re.compile(r"《([^《》\n]{2,100})》")
# 关于印发杭州市“十四五”卫生健康事业发展规划的通知: the plan's title, unquoted
_ISSUED_TITLE = re.compile(r"关于(?:印发|转发|颁发|发布|公布|下发)([^《》\n]{4,100})的通知$")
_PERIOD = re.compile(r"((?:19|20)\d\d)\s*年?\s*[-—–~至到]+\s*((?:19|20)\d\d)\s*年")
_YEAR = re.compile(r"((?:19|20)\d\d)\s*年")
_FIVE_YEAR_PLAN = re.compile(
    r"“(十[一二三四五六七八九]?|[六七八九])五”|(十[一二三四五六七八九]?|[六七八九])五(?:规划|时期|期间)"
)
FIRST_REGULAR_PLAN = 6  # the plans ran every five years from the sixth (1981—1985)
_COUNT_OF_ISSUERS = re.compile(
    r"等\s*(?:\d{1,3}|[一二三四五六七八九十两]{1,3})\s*(?:个)?(?:部门|单位)$"
)
_COLUMN_GAP = re.compile(r"\s{2,}")  # two signatures side by side
_TRAILING_PAREN = re.compile(r"\([^()]{1,30}\)$")


@dataclass
class _Line:
    start: int
    end: int
    text: str  # stripped

    @property
    def span(self) -> Span:
        left = self.start
        return (left, left + len(self.text))


def _lines(text: str, start: int, end: int) -> list[_Line]:
    lines = []
    pos = start
    for raw in text[start:end].split("\n"):
        lead = len(raw) - len(raw.lstrip())
        stripped = raw.strip()
        lines.append(_Line(pos + lead, pos + lead + len(stripped), stripped))
        pos += len(raw) + 1
    return lines


def _date_iso(m: re.Match[str]) -> str | None:
    parts = []
    for group in m.groups():
        if group.isdigit():
            parts.append(int(group))
        elif len(group) == 4:  # 二〇二〇: digit by digit
            digits = [chinese_ordinal(c) for c in group.replace("○", "〇")]
            if any(d is None for d in digits):
                return None
            parts.append(int("".join(str(d) for d in digits)))
        else:
            value = chinese_ordinal(group.replace("○", "〇"))
            if value is None:
                return None
            parts.append(value)
    year, month, day = parts
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


@lru_cache(maxsize=8)
def _patterns(
    org_suffixes: tuple[str, ...], doc_types: tuple[str, ...]
) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Issuer-name and document-type patterns, compiled once per vocabulary."""
    orgs = "|".join(map(re.escape, sorted(org_suffixes, key=len, reverse=True)))
    types = "|".join(map(re.escape, sorted(doc_types, key=len, reverse=True)))
    return re.compile(f"(?:{orgs})$"), re.compile(f"(?:{types})$"), re.compile(f"(?:{types})")


class _Reader:
    def __init__(self, clean: CleanText, sections: Sequence[Section], rules: MetadataRules):
        self.text = clean.text
        self.rules = rules
        head_end = sections[0].span[0] if sections else len(self.text)
        self.head = _lines(self.text, 0, head_end)
        tail_start = sections[-1].span[1] if sections else len(self.text)
        self.tail = _lines(self.text, tail_start, len(self.text))
        self.values: dict[str, object] = {}
        self.evidence: dict[str, list[Span]] = {}
        self.header: list[Span] = []
        self._org, self._doc_type_end, self._doc_type = _patterns(
            tuple(rules.org_suffixes), tuple(rules.doc_types)
        )

    def set(self, field: str, value: object, *spans: Span) -> None:
        self.values[field] = value
        if spans:
            self.evidence.setdefault(field, []).extend(spans)

    # line kinds -----------------------------------------------------------
    def is_org(self, line: str) -> bool:
        return (
            0 < len(line) <= MAX_ORG_CHARS
            and not _SENTENCE_PUNCT.search(line)
            and bool(self._org.search(line))
            and line[0] not in "和与及、的"
            and not self.ends_with_doc_type(line)
        )

    def ends_with_doc_type(self, line: str) -> bool:
        body = _TRAILING_PAREN.sub("", line)
        return bool(self._doc_type_end.search(body))

    def is_title_part(self, line: str) -> bool:
        return (
            0 < len(line) <= MAX_TITLE_CHARS
            and not self.is_org(line)
            and not _SENTENCE_PUNCT.search(line.replace("(", "").replace(")", ""))
            and not _DATE.match(line)
            and not _DOC_NUMBER.fullmatch(line.strip("()"))
            and not _ATTACHMENT.match(line)
        )

    # fields ---------------------------------------------------------------
    def read_export_header(self) -> None:
        for line in self.head[:6]:
            if m := _CITATION.search(line.text):
                self.set(
                    "citation_code", m.group(1), (line.start + m.start(1), line.start + m.end(1))
                )
                self.header.append(line.span)
            elif m := _URL.search(line.text):
                self.set("source_url", m.group(1), (line.start + m.start(1), line.start + m.end(1)))
                self.header.append(line.span)

    def read_doc_number(self) -> None:
        for line in self.head:
            candidate = line.text.strip("()")
            m = _DOC_NUMBER.fullmatch(candidate)
            if m:
                offset = line.start + line.text.index(candidate)
                self.set(
                    "doc_number", re.sub(r"\s+", "", m.group()), (offset, offset + len(candidate))
                )
                self.header.append(line.span)
                return

    def read_date(self) -> None:
        for lines in (self.head, self.tail):
            for line in lines:
                m = _DATE.match(line.text)
                if m and (iso := _date_iso(m)):
                    self.set("issued", iso, line.span)
                    self.header.append(line.span)
                    return

    def title_candidates(self) -> list[list[_Line]]:
        """Runs of consecutive title-like lines, repeats of a title collapsed."""
        runs: list[list[_Line]] = []
        current: list[_Line] = []
        for line in [*self.head, _Line(0, 0, "")]:
            if line.text and self.is_title_part(line.text) and not _CITATION.search(line.text):
                if current and current[-1].text == line.text:
                    runs.append(current)  # the same title line twice: two titles
                    current = []
                current.append(line)
                continue
            if current:
                runs.append(current)
            current = []
        titles = []
        for run in runs:
            # a title ends with its document type, maybe followed by (2018—2020年)
            while run and not self.ends_with_doc_type(run[-1].text):
                if _PAREN_LINE.match(run[-1].text):
                    run = run[:-1]
                    continue
                break
            end = max(
                (i for i, ln in enumerate(run) if self.ends_with_doc_type(ln.text)), default=-1
            )
            if end < 0:
                continue
            start = end
            while start > 0 and (
                not self.is_org(run[start - 1].text)
                or _COUNT_OF_ISSUERS.search(run[start - 1].text)
            ):
                start -= 1
            titles.append(run[start : end + 1])
        return titles

    def read_titles(self) -> None:
        titles = self.title_candidates()
        notice: list[_Line] | None = None
        plan: list[_Line] | None = None
        seen: set[str] = set()
        for run in titles:
            joined = "".join(line.text for line in run)
            if joined in seen:
                self.header.extend(line.span for line in run)  # the title repeated
                continue
            seen.add(joined)
            self.header.extend(line.span for line in run)
            if notice is None and _ISSUE_VERB.search(joined) and joined.endswith("通知"):
                notice = run
            elif plan is None:
                plan = run
        if notice is not None:
            self.set("notice_title", "".join(ln.text for ln in notice), *(ln.span for ln in notice))
        if plan is not None:
            self.set("title", "".join(ln.text for ln in plan), *(ln.span for ln in plan))
        elif notice is not None:
            joined = "".join(ln.text for ln in notice)
            m = _QUOTED_TITLE.search(joined) or _ISSUED_TITLE.search(joined)
            if m and (m.re is _QUOTED_TITLE or self._doc_type.search(m.group(1))):
                spans = _spans_of(notice, m.start(1), m.end(1))
                self.set("title", m.group(1), *spans)
        if "title" not in self.values:
            self.read_flattened_title()

    def read_flattened_title(self) -> None:
        """A converter that flattened the file leaves the title twice in a row."""
        first = next((line for line in self.head if line.text), None)
        if first is None:
            return
        text = re.sub(r"^\d{1,3}、", "", first.text)
        offset = first.start + len(first.text) - len(text)
        for size in range(min(60, len(text) // 2), 5, -1):
            candidate = text[:size]
            if text[size : 2 * size] == candidate and self._doc_type.search(candidate):
                self.set("title", candidate, (offset, offset + size))
                self.header.append((offset, offset + 2 * size))
                return

    def read_doc_type(self) -> None:
        title = self.values.get("title")
        if isinstance(title, str):
            found = list(self._doc_type.finditer(title))
            if found:
                self.set("doc_type", found[-1].group())
        lines = self.head[:40]
        for line in lines:
            for marker in self.rules.draft_markers:
                if marker in line.text and (
                    _PAREN_LINE.match(line.text) or self.is_title_part(line.text)
                ):
                    idx = line.text.index(marker)
                    self.set("draft", True, (line.start + idx, line.start + idx + len(marker)))
                    self.header.append(line.span)
                    return

    def read_issuers(self) -> None:
        # 1. a block of issuer names opening the document (joint notices)
        block: list[_Line] = []
        for line in self.head:
            if not line.text:
                if block:
                    break
                continue
            if self.is_org(line.text):
                block.append(line)
                continue
            break
        if block:
            self.header.extend(ln.span for ln in block)
            self.set("issuers", [ln.text for ln in block], *(ln.span for ln in block))
            return
        # 2. the title's prefix before 关于: 青岛市人民政府办公厅关于…
        for field in ("notice_title", "title"):
            spans = self.evidence.get(field)
            value = self.values.get(field)
            if not isinstance(value, str) or not spans:
                continue
            prefix = value.split("关于", 1)[0] if "关于" in value else ""
            if _COUNT_OF_ISSUERS.search(prefix) and self.read_signature(prefer=True):
                return  # 长沙市教育局等十一部门: the signature names them all
            prefix = _COUNT_OF_ISSUERS.sub("", prefix)
            names = [n for n in re.split(r"[、\s]+", prefix) if n and self.is_org(n)]
            if names:
                found = []
                for name in names:
                    pos = self.text.find(name, spans[0][0])
                    if pos >= 0:
                        found.append((pos, pos + len(name)))
                self.set("issuers", names, *found)
                return
        # 3. the signature just above the issue date
        if not self.read_signature():
            self.values.setdefault("issuers", [])

    def read_signature(self, *, prefer: bool = False) -> bool:
        """Issuers from the signature above the issue date (two may share a line).

        With ``prefer``, only a signature of several bodies is taken.
        """
        for lines in (self.head, self.tail):
            for i, line in enumerate(lines):
                if not _DATE.match(line.text):
                    continue
                names: list[tuple[str, Span]] = []
                j = i - 1
                while j >= 0:
                    text = lines[j].text
                    parts = [p for p in _COLUMN_GAP.split(text) if p] if text else []
                    if text and not all(self.is_org(p) for p in parts):
                        break
                    row = []
                    for part in parts:
                        start = lines[j].start + text.index(part)
                        row.append((part, (start, start + len(part))))
                    names[:0] = row
                    j -= 1
                if names and (not prefer or len(names) > 1):
                    self.header.extend(span for _, span in names)
                    self.set("issuers", [n for n, _ in names], *(span for _, span in names))
                    return True
        return False

    def read_period(self) -> None:
        self._read_period_from("title")
        if "period" not in self.values:
            self._read_period_from("notice_title")

    def _read_period_from(self, field: str) -> None:
        title = self.values.get(field)
        spans = self.evidence.get(field, [])
        if not isinstance(title, str) or not spans:
            return
        region = (spans[0][0], spans[-1][1])
        piece = self.text[region[0] : region[1]]
        if m := _PERIOD.search(piece):
            start, end = int(m.group(1)), int(m.group(2))
            if start <= end:
                self.set(
                    "period",
                    {"start": start, "end": end},
                    (region[0] + m.start(), region[0] + m.end()),
                )
                return
        if m := _FIVE_YEAR_PLAN.search(piece):
            # “十三五”规划: the n-th five-year plan runs to 1985 + 5 (n - 6)
            n = chinese_ordinal(m.group(1) or m.group(2))
            if n is not None and n >= FIRST_REGULAR_PLAN:
                end = 1985 + 5 * (n - 6)
                self.set(
                    "period",
                    {"start": end - 4, "end": end},
                    (region[0] + m.start(), region[0] + m.end()),
                )
                return
        if m := _YEAR.search(piece):
            year = int(m.group(1))
            self.set(
                "period", {"start": year, "end": year}, (region[0] + m.start(), region[0] + m.end())
            )

    def read_year(self) -> None:
        issued = self.values.get("issued")
        period = self.values.get("period")
        if isinstance(issued, str):
            self.values["year"] = int(issued[:4])
        elif isinstance(period, dict):
            self.values["year"] = period["start"]

    def read_jurisdiction(self) -> None:
        rules = self.rules
        suffixes = sorted(rules.place_suffixes, key=len, reverse=True)
        placeholders = "|".join(
            map(re.escape, sorted(rules.placeholder_places, key=len, reverse=True))
        )
        suffix_re = "|".join(map(re.escape, suffixes))
        place = re.compile(
            rf"^(?:中共)?(?:(?P<ph>{placeholders})|[{CJK}]{{2,7}}?)(?P<suffix>{suffix_re})"
        )
        for field in ("title", "notice_title"):
            value = self.values.get(field)
            spans = self.evidence.get(field, [])
            if not isinstance(value, str) or not spans:
                continue
            m = place.match(value)
            if m and m.group("suffix") in rules.place_levels:
                level = rules.place_levels[m.group("suffix")]
                placeholder = m.group("ph") is not None
                name = None if placeholder else m.group()
                if name and name.startswith("中共"):
                    name = name[2:]
                info: dict[str, object] = {"level": level, "placeholder": placeholder}
                if name:
                    info[level] = name
                pos = self.text.find(m.group(), spans[0][0])
                self.set("jurisdiction", info, (pos, pos + len(m.group())))
                return
        # unnamed: how the body speaks of its own area (我省, 全市, xx市)
        counts: dict[str, list[Span]] = {}
        for word, level in rules.self_references.items():
            for m in re.finditer(re.escape(word), self.text):
                counts.setdefault(level, []).append(m.span())
        placeholder_hits: dict[str, list[Span]] = {}
        for m in re.finditer(rf"(?:{placeholders})(?P<suffix>省|市|县)(?![级])", self.text):
            level = rules.place_levels[m.group("suffix")]
            placeholder_hits.setdefault(level, []).append(m.span())
            counts.setdefault(level, []).append(m.span())
        if not counts:
            return
        level = max(counts, key=lambda k: len(counts[k]))
        info = {"level": level, "placeholder": level in placeholder_hits}
        self.set("jurisdiction", info, *counts[level][:3])


def _spans_of(lines: Sequence[_Line], start: int, end: int) -> list[Span]:
    """Spans, line by line, of ``joined[start:end]`` where joined = the lines' texts."""
    spans = []
    pos = 0
    for line in lines:
        lo, hi = max(start, pos), min(end, pos + len(line.text))
        if lo < hi:
            spans.append((line.start + lo - pos, line.start + hi - pos))
        pos += len(line.text)
    return spans


def read_metadata(
    clean: CleanText, sections: Sequence[Section], *, rules: MetadataRules
) -> MetadataDraft:
    """Read titles, issuers, number, date, jurisdiction and period of a document.

    Args:
        clean: The normalized document.
        sections: Its outline; the head is the text before the first section.
        rules: Vocabulary from ``rules/metadata.yaml``.

    Returns:
        The values found, the clean spans they were read from, and the header
        lines that are metadata rather than body text.
    """
    reader = _Reader(clean, sections, rules)
    reader.read_export_header()
    reader.read_doc_number()
    reader.read_date()
    reader.read_titles()
    reader.read_doc_type()
    reader.read_issuers()
    reader.read_period()
    reader.read_year()
    reader.read_jurisdiction()
    return MetadataDraft(
        values=reader.values,
        evidence={k: tuple(v) for k, v in reader.evidence.items()},
        header_spans=tuple(sorted(set(reader.header))),
    )
