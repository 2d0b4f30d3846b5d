"""Section and list markers of Chinese official documents, shared by the stages.

Patterns run on clean text, where full-width forms are folded: ``（一）`` reads
``(一)`` and ``1．`` reads ``1.``.
"""

from __future__ import annotations

import re

__all__ = ["MARKER_KINDS", "START_MARKER", "chinese_ordinal", "marker_ordinal"]

_CN = "一二三四五六七八九十"
_CN_NUM = f"[{_CN}百零〇两]"

# kind → pattern; order matters where prefixes overlap (phase before chapter).
MARKER_KINDS: dict[str, str] = {
    "attachment": r"附件\s*\d{0,2}\s*[:：]?(?=\s*$)",
    "part": rf"第{_CN_NUM}{{1,3}}部分",
    "chapter": rf"第(?:{_CN_NUM}{{1,3}}|\d{{1,3}})章",
    "article": rf"第(?:{_CN_NUM}{{1,4}}|\d{{1,3}})条",
    "phase": rf"第(?:{_CN_NUM}{{1,3}}|\d{{1,2}})阶段\s*[:：]?",
    "cn_comma": rf"[{_CN}]{{1,3}}、",
    "cn_paren": rf"\([{_CN}]{{1,3}}\)",
    "arabic_dot": r"\d{1,2}(?:\.(?!\d)|、)",
    "arabic_paren": r"\(\d{1,2}\)",
    "circled": "[\u2460-\u2473]",
    "inline_item": rf"[{_CN}]{{1,2}}是(?=[^是的否])",
}

# A line that begins with a section or list marker (after indentation).
START_MARKER = re.compile(
    r"[ \t]*(?:" + "|".join(f"(?P<{kind}>{p})" for kind, p in MARKER_KINDS.items()) + ")"
)

_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")}
_DIGITS.update({"〇": 0, "两": 2})


def chinese_ordinal(text: str) -> int | None:
    """Read a Chinese ordinal up to 999.

    >>> chinese_ordinal("十二"), chinese_ordinal("二十"), chinese_ordinal("一百零五")
    (12, 20, 105)
    >>> chinese_ordinal("x") is None
    True
    """
    if not text:
        return None
    total, current = 0, 0
    for char in text:
        if char in _DIGITS:
            current = _DIGITS[char]
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        elif char == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current


def marker_ordinal(marker: str) -> int | None:
    """The ordinal a marker stands for: ``(三)`` → 3, ``12.`` → 12, ``②`` → 2."""
    digits = re.search(r"\d+", marker)
    if digits:
        return int(digits.group())
    if len(marker) == 1 and "\u2460" <= marker <= "\u2473":
        return ord(marker) - 0x2460 + 1
    chinese = re.search(f"{_CN_NUM}+", marker)
    return chinese_ordinal(chinese.group()) if chinese else None
