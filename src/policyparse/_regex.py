"""Compile a rule pattern with a guard on the character it can start with.

Python's ``re`` tries a pattern at every position of the text. A long pattern of
alternatives (the amount grammar is some 20 000 characters) spends most of its
time failing at positions that hold an ordinary word. A match must begin with a
character some literal or class of the pattern names, so a leading lookahead
on that set turns those failures into one set test: the same matches, sooner.

A pattern that opens with a literal or a plain class is already scanned that way
by ``re`` itself; the guard is for the long grammars that open with a lookbehind
or an alternation of lookarounds, and only pays there (measure before using it).
"""

from __future__ import annotations

import re
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

__all__ = ["compile_guarded", "pattern_chars"]

_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


def pattern_chars(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Every character a literal or class of ``pattern`` can match.

    None when that set is open-ended: ``.``, a negated class, a category such as
    ``\\d`` (Unicode digits), a back-reference, or case-insensitive matching.

    >>> sorted(pattern_chars("[一二]?十(?:万|亿)"))
    ['一', '万', '二', '亿', '十']
    >>> pattern_chars(r"\\d+年") is None
    True
    """
    if flags & re.IGNORECASE:
        return None
    found: set[str] = set()

    def walk(items: Any) -> bool:
        for op, arg in items:
            if op is sre.LITERAL:
                found.add(chr(arg))
            elif op is sre.IN:
                for item_op, item_arg in arg:
                    if item_op is sre.LITERAL:
                        found.add(chr(item_arg))
                    elif item_op is sre.RANGE:
                        found.update(map(chr, range(item_arg[0], item_arg[1] + 1)))
                    else:  # a negation or a category
                        return False
            elif op is sre.BRANCH:
                if not all(walk(branch) for branch in arg[1]):
                    return False
            elif op is sre.SUBPATTERN:
                if not walk(arg[-1]):
                    return False
            elif op in _REPEATS:
                if not walk(arg[2]):
                    return False
            elif op is sre.ATOMIC_GROUP:
                if not walk(arg):
                    return False
            elif op in (sre.ASSERT, sre.ASSERT_NOT):
                if not walk(arg[1]):
                    return False
            elif op is not sre.AT:  # anchors consume nothing; anything else is open
                return False
        return True

    parsed = sre_parse.parse(pattern, flags)
    if parsed.state.flags & re.IGNORECASE:
        return None
    return frozenset(found) if walk(parsed) else None


def _can_match_empty(pattern: str, flags: int) -> bool:
    return bool(sre_parse.parse(pattern, flags).getwidth()[0] == 0)


def compile_guarded(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern)``, led by a lookahead on the characters it can start with.

    Patterns that can match the empty string, or whose characters are open-ended
    (see ``pattern_chars``), are compiled as they are.

    >>> compile_guarded("[一二三]十").pattern
    '(?=[一三二十])(?:[一二三]十)'
    """
    plain = re.compile(pattern, flags)
    chars = pattern_chars(pattern, flags)
    if not chars or _can_match_empty(pattern, flags):
        return plain
    char_class = "".join(re.escape(c) for c in sorted(chars))
    try:
        return re.compile(f"(?=[{char_class}])(?:{pattern})", flags)
    except re.error:  # inline global flags must open the pattern: leave it as it is
        return plain
