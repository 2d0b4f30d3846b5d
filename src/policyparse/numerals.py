"""Numbers in Chinese policy text: small total parsers and candidate patterns.

Every ``parse_*`` function takes the text of *one* numeral expression (what an
extractor found with :data:`NUMERAL_PATTERN` or :data:`AMOUNT_PATTERN`, or a
phrase such as ``80%`` or ``2020年``) and returns its value, or ``None`` when the
text is not such an expression. They never raise, whatever the string, and run in
time linear in its length. Values are :class:`~decimal.Decimal` and exact:
``16.4亿`` is ``Decimal("1640000000")``, never ``1639999999.99``. Integral values
come back with exponent 0 (``Decimal("1640000000")``, not ``1.64E+9``), others
with trailing zeros dropped (``3.50`` → ``Decimal("3.5")``).

What counts as a numeral (decisions for the ambiguous cases):

* Arabic digits, ASCII or full-width (``８０``), with ``,`` thousands separators
  in groups of exactly three (``1,200``; ``1,2`` is not one number) and a decimal
  point ``.`` or ``．``. No sign: ``-5`` is not a numeral (``-`` is a range dash in
  this text).
* Chinese numerals, including the financial forms (``壹贰叁…拾佰仟``) and the
  traditional ``兩萬億``: ``十二``, ``一百零五``, ``一万二千``, ``三千万``. The
  colloquial abbreviation after a unit with a coefficient is read as the next
  lower unit (``一千二`` → 1200, ``一万二`` → 12000); ``零`` turns it off
  (``一万零二`` → 10002). ``两`` is a digit only before a unit or on its own
  (``两千``, ``两``), not as a final digit (``十两`` is ten taels, not 12).
  A Chinese decimal point ``点`` is read: ``三点五亿``, ``零点五``.
* A bare unit is a number, as policy text uses it: ``建设百支管乐团、千支舞蹈队、万个艺术社``
  is 100, 1000 and 10000; ``十`` is 10, ``亿`` 10**8, ``百万`` 10**6. A bare unit
  followed by ``分`` is not (``百分之``, ``千分之``, ``万分``, ``十分重要``), except
  ``十分钟``.
* ``兆`` is not a numeral: this corpus writes bandwidth as ``千兆``/``万兆``
  (a number followed by the unit ``兆``).
* Mixed forms: ``30万``, ``16.4亿``, ``1.2万``, ``3千万``, ``1亿2000万``. After Arabic
  digits ``千`` followed by an SI unit (``千米``, ``千克``, ``千瓦`` …) belongs to the unit:
  :data:`NUMERAL_PATTERN` finds ``3`` in ``3千米``.
* Digit-by-digit strings (``二〇二〇``, ``一二``) are not cardinal numbers; years go
  through :func:`parse_year`. Running text such as ``一一对应`` or ``二〇二〇年``
  yields no numeral token.
* ``半`` alone is 0.5 for :func:`parse_number`, but :data:`NUMERAL_PATTERN` does not
  look for it: in running text it is mostly part of words (``半导体``, ``上半年``,
  ``多半``), and ``每半年``-type frequencies are the caller's to read.
* Whether a numeral is meant as a number at all is the caller's concern: ``一`` in
  ``统一``/``一体化``, ``三`` in ``三县``, ``十九`` in ``十九大``, ``2020`` in
  ``〔2020〕7号`` are all numerals here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Context, Decimal, DecimalException, Inexact

__all__ = [
    "AMOUNT_PATTERN",
    "NUMERAL_PATTERN",
    "Amount",
    "parse_amount",
    "parse_month",
    "parse_multiple",
    "parse_number",
    "parse_percent",
    "parse_year",
]

# --- characters --------------------------------------------------------------

ARABIC_DIGITS = "0-9０-９"
CN_ZERO = "零〇○"
CN_NONZERO = "一二三四五六七八九壹贰貳叁參肆伍陆陸柒捌玖"
CN_TWO = "两兩"
CN_DIGITS = CN_ZERO + CN_NONZERO + CN_TWO
CN_TEN = "十拾"
CN_HUNDRED = "百佰"
CN_THOUSAND = "千仟"
CN_MYRIAD = "万萬"
CN_HUNDRED_MILLION = "亿億"
CN_SMALL_UNITS = CN_TEN + CN_HUNDRED + CN_THOUSAND
CN_BIG_UNITS = CN_MYRIAD + CN_HUNDRED_MILLION
CN_UNITS = CN_SMALL_UNITS + CN_BIG_UNITS
# after Arabic digits, 千 followed by one of these is an SI prefix (3千米 = 3 km)
SI_AFTER_KILO = "米克瓦伏帕焦卡赫"
PLACEHOLDER_LETTERS = "xXｘＸ"
PLACEHOLDER_CROSS = "×"
RANGE_SEPARATORS = "至到－~～〜—–―‐-"  # "-" last: literal inside [...]
APPROX_PREFIXES = ("大约", "将近", "约", "近")
APPROX_SUFFIX = "左右"
# 余/多 after a round number: more than N, below the next step (十余 → 10..20)
MORE_THAN_SUFFIXES = "余多"
# 十几, 二十几: like 余; 几十, 几百 (prefix): like 数
SOME_SUFFIX = "几"
SEVERAL_PREFIXES = "数數几幾"
UPWARDS_PREFIX = "上"
# ``数百`` → 2x .. 9x the unit
SEVERAL_LOW = 2
SEVERAL_HIGH = 9
# two neighbouring digits read as a fuzzy range: 两三 → 2..3, 三五 → 3..5
FUZZY_PAIRS: dict[str, tuple[str, str]] = {
    "一两": ("一", "两"),
    "一兩": ("一", "兩"),
    "一二": ("一", "二"),
    "两三": ("两", "三"),
    "兩三": ("兩", "三"),
    "二三": ("二", "三"),
    "三四": ("三", "四"),
    "三五": ("三", "五"),
    "四五": ("四", "五"),
    "五六": ("五", "六"),
    "六七": ("六", "七"),
    "七八": ("七", "八"),
    "八九": ("八", "九"),
}
YEAR_MIN = 1900
YEAR_MAX = 2100
MONTH_MAX = 12
# 翻N番 doubles N times; more than this is not a policy target
MAX_DOUBLINGS = 10
PERCENT_SIGNS = "%％"
PER_MILLE_SIGN = "‰"
# fraction words → divisor that turns the numerator into percent
FRACTION_PREFIXES: dict[str, Decimal] = {
    "百分之": Decimal(1),
    "千分之": Decimal(10),
    "万分之": Decimal(100),
    "萬分之": Decimal(100),
}

# --- values of single characters ---------------------------------------------

CN_DIGIT_VALUES: dict[str, int] = {
    **dict.fromkeys(CN_ZERO + "OＯ", 0),
    **dict.fromkeys("一壹", 1),
    **dict.fromkeys("二贰貳两兩", 2),
    **dict.fromkeys("三叁參", 3),
    **dict.fromkeys("四肆", 4),
    **dict.fromkeys("五伍", 5),
    **dict.fromkeys("六陆陸", 6),
    **dict.fromkeys("七柒", 7),
    **dict.fromkeys("八捌", 8),
    **dict.fromkeys("九玖", 9),
}
CN_UNIT_VALUES: dict[str, int] = {
    **dict.fromkeys(CN_TEN, 10),
    **dict.fromkeys(CN_HUNDRED, 100),
    **dict.fromkeys(CN_THOUSAND, 1000),
    **dict.fromkeys(CN_MYRIAD, 10**4),
    **dict.fromkeys(CN_HUNDRED_MILLION, 10**8),
}
FULLWIDTH_TO_ASCII = str.maketrans("０１２３４５６７８９．，％", "0123456789.,%")

# --- pattern pieces (no capturing groups; every piece is linear) --------------

_AD = f"[{ARABIC_DIGITS}]"
_D = f"[{CN_NONZERO}]"  # 1-9
_D2 = f"[{CN_NONZERO}{CN_TWO}]"  # 1-9 or 两, before a unit
_Z = f"[{CN_ZERO}]"
_T = f"[{CN_TEN}]"
_B = f"[{CN_HUNDRED}]"
_Q = f"[{CN_THOUSAND}]"
_W = f"[{CN_MYRIAD}]"
_Y = f"[{CN_HUNDRED_MILLION}]"
_BIG = f"(?:{_W}{_Y}?|{_Y})"
# a Chinese numeral does not start inside another numeral (二〇二〇, 一一, 万一, 3千米)
_NOT_AFTER_CN_DIGIT = f"(?<![{CN_DIGITS}{CN_UNITS}{ARABIC_DIGITS}])"
_NOT_BEFORE_CN_DIGIT = f"(?![{CN_DIGITS}])"
# 十 alone, but not 十分 (very) — 十分钟 is ten minutes
_BARE_TEN = f"{_T}(?!分(?!钟))"
_AFTER_HUNDRED = f"(?:{_Z}?{_D}?{_T}{_D}?|{_Z}{_D}|{_D})"
_AFTER_THOUSAND = f"(?:{_Z}?{_D2}{_B}{_AFTER_HUNDRED}?|{_Z}?{_D}?{_T}{_D}?|{_Z}{_D}|{_D})"
# a section below 万 with a coefficient (or 十 leading)
_SECTION = (
    f"(?:{_D2}{_Q}{_AFTER_THOUSAND}?|{_D2}{_B}{_AFTER_HUNDRED}?"
    f"|{_D}{_T}{_D}?|{_T}{_D}|{_BARE_TEN}|{_D})"
)
_FIRST_SECTION = f"(?:{_SECTION}|[{CN_TWO}]|{_Q}(?!分)|{_B}(?!分))"
_NEXT = f"{_Z}?{_SECTION}"
_BIG_TAIL = (
    f"(?:{_W}{_Y}(?:{_NEXT}{_Y})?(?:{_NEXT}{_W})?(?:{_NEXT})?"
    f"|{_Y}(?:{_NEXT}{_W})?(?:{_NEXT})?"
    f"|{_W}(?:{_NEXT})?)"
)
_CN_INTEGER = f"(?:{_FIRST_SECTION}{_BIG_TAIL}?|{_W}(?!分){_Y}?|{_Y})"
_CN_DECIMAL = f"(?:{_SECTION}|[{CN_TWO}]|[零〇])点[{CN_ZERO}一二三四五六七八九]+{_BIG}?"
_CN_NUMERAL = f"{_NOT_AFTER_CN_DIGIT}(?>{_CN_DECIMAL}|{_CN_INTEGER}|[零〇]){_NOT_BEFORE_CN_DIGIT}"

_AR_INTEGER = f"(?>{_AD}{{1,3}}(?:,{_AD}{{3}}(?!{_AD}))+|{_AD}+)"
_AR_SMALL = f"(?:{_Q}(?![{SI_AFTER_KILO}])|{_B})"
_AR_NUMERAL = (
    f"(?>{_AR_INTEGER}(?:[.．]{_AD}+)?{_AR_SMALL}?"
    f"(?:{_W}{_Y}?|{_Y}(?:{_AR_INTEGER}{_AR_SMALL}?{_W})?)?)"
)

NUMERAL_PATTERN: str = f"(?:{_AR_NUMERAL}|{_CN_NUMERAL})"
"""Regex source for one numeral token in running text (see the module docstring).

No capturing groups; atomic groups keep it linear. It matches exactly the strings
:func:`parse_number` accepts, except ``半``.
"""

_PLACEHOLDER = (
    f"(?<![A-Za-z0-9０-９{PLACEHOLDER_LETTERS}{PLACEHOLDER_CROSS}.．])"
    f"(?>[{PLACEHOLDER_LETTERS}]+|{PLACEHOLDER_CROSS}+)"
    f"(?![A-Za-z0-9０-９{PLACEHOLDER_LETTERS}{PLACEHOLDER_CROSS}])"
    f"(?:{_BIG}|{_Q}|{_B})?"
)
_SEVERAL = f"[{SEVERAL_PREFIXES}](?:[{CN_SMALL_UNITS}]{_BIG}?|{_BIG})(?!分)"
_UPWARDS = f"{UPWARDS_PREFIX}(?:[{CN_HUNDRED}{CN_THOUSAND}]{_BIG}?|{_BIG})(?!分)"
_PAIR = "(?:" + "|".join(FUZZY_PAIRS) + ")"
# 十一五 … 十五五 are five-year-plan names, not 14..15
_NOT_PLAN_NAME = f"(?!十[一二三四五]五(?![{CN_UNITS}]))"
_FUZZY = (
    f"{_NOT_AFTER_CN_DIGIT}{_NOT_PLAN_NAME}"
    f"(?>(?:{_D2}{_Q})?(?:{_D2}{_B})?(?:{_D}?{_T})?{_PAIR}[{CN_SMALL_UNITS}]?{_BIG}?)"
    f"{_NOT_BEFORE_CN_DIGIT}"
)
_RANGE_SEP = f"(?:——|[{RANGE_SEPARATORS}])"
_MORE_THAN = (
    f"(?:(?<=[{CN_SMALL_UNITS}0０])[{MORE_THAN_SUFFIXES}]{_BIG}?"
    f"|(?<=[{CN_BIG_UNITS}])[{MORE_THAN_SUFFIXES}]"
    f"|(?<=[{CN_TEN}]){SOME_SUFFIX}{_BIG}?)"
)
_NUMERAL_ATOM = f"(?>{NUMERAL_PATTERN})"
_AMOUNT_BODY = (
    f"(?:{_PLACEHOLDER}|{_SEVERAL}|{_UPWARDS}|{_FUZZY}"
    f"|{_NUMERAL_ATOM}(?:{_RANGE_SEP}{_NUMERAL_ATOM}|{_MORE_THAN})?)"
)

AMOUNT_PATTERN: str = (
    f"(?:(?:将近|近)(?>{_AMOUNT_BODY})(?!个?[年月日天周])"
    f"|(?:大约|约)?(?>{_AMOUNT_BODY}))(?:{APPROX_SUFFIX})?"
)
"""Regex source for one amount in running text: a numeral, a range (``1至2``,
``3-5``), a fuzzy amount (``两三``, ``三四十``, ``十余``, ``数百``, ``上百``, ``近千``,
``约30``, ``30左右``) or a placeholder (``xx``, ``x``, ``××``, ``xx万``).

No capturing groups; linear. Everything :func:`parse_amount` accepts (``半`` aside)
matches it in full; it also matches a few strings :func:`parse_amount` rejects:
ranges that do not go up (``5至3``, ``3-3``) and ``余`` after zero (``0余``).
``近`` before a time word (``近三年``: the last three years) is left out.
"""

_NUMERAL_RE = re.compile(NUMERAL_PATTERN)
_AMOUNT_RE = re.compile(AMOUNT_PATTERN)
_PLACEHOLDER_RE = re.compile(_PLACEHOLDER)
_SEP_RE = re.compile(_RANGE_SEP)
_ARABIC_RUN_RE = re.compile(f"{_AD}(?:[{ARABIC_DIGITS},.．])*")
_CN_FRACTION_RE = re.compile(f"点([{CN_ZERO}一二三四五六七八九]+)([{CN_BIG_UNITS}]*)")
_TRAILING_UNITS_RE = re.compile(f"[{CN_UNITS}]+$")
_YEAR_RE = re.compile(
    f"([{ARABIC_DIGITS}{CN_ZERO}OＯ一二三四五六七八九]{{4}})\\s*(?:年(?:度|底|末|初)?)?"
)
_MONTH_RE = re.compile(
    f"({_AD}{{1,2}}|[一二三四五六七八九十]{{1,3}}|元)\\s*月(?:份|底|末|初|中|上旬|中旬|下旬)?"
)
_DOUBLING_RE = re.compile(f"翻({_AD}+|[{CN_DIGITS}{CN_UNITS}]+)番")
_TIMES_RE = re.compile("(.+?)\\s*倍")
_TENTHS_RE = re.compile(f"({_AD}{{1,2}}|[一二三四五六七八九十{CN_TWO}])成({_AD}|{_D})?")
_PERCENT_RE = re.compile(f"(.+?)\\s*([{PERCENT_SIGNS}{PER_MILLE_SIGN}])")


@dataclass(frozen=True)
class Amount:
    """A numeral phrase: one value, a range, a fuzzy amount or a placeholder.

    Attributes:
        value: The value, or the lower bound of a range; ``None`` only when
            ``placeholder`` is true.
        value_max: The upper bound of a range or fuzzy amount (``1至2`` → 2,
            ``十余`` → 20, ``数百`` → 900); ``None`` for a single value and for
            open-ended amounts (``上百``, ``近千``).
        approximate: The text says the amount is not exact: ``约``, ``大约``,
            ``近``, ``将近``, ``左右``, ``余``/``多``/``几``, ``数``, ``上``, and
            neighbouring digits (``两三``).
        placeholder: A template placeholder stands where the number should be
            (``xx``, ``x``, ``X``, ``××``, ``ｘｘ``, ``xx万``).

    >>> Amount(Decimal(1), Decimal(2), False, False).value_max
    Decimal('2')
    """

    value: Decimal | None
    value_max: Decimal | None
    approximate: bool
    placeholder: bool


# --- public functions ---------------------------------------------------------


def parse_number(text: str) -> Decimal | None:
    """The value of one numeral, or ``None`` when the text is not exactly one.

    Surrounding whitespace is ignored; anything else around the numeral (a unit, a
    measure word, a comparator) makes the text not a numeral. See the module
    docstring for what counts as a numeral.

    Args:
        text: The numeral, e.g. ``"30万"``, ``"一百零五"``, ``"１，２００"``.

    Returns:
        The exact value, or ``None``.

    >>> parse_number("16.4亿")
    Decimal('1640000000')
    >>> parse_number("一万二千"), parse_number("两"), parse_number("百")
    (Decimal('12000'), Decimal('2'), Decimal('100'))
    >>> parse_number("1,200"), parse_number("３.５"), parse_number("半")
    (Decimal('1200'), Decimal('3.5'), Decimal('0.5'))
    >>> parse_number("二〇二〇") is None, parse_number("7×24") is None
    (True, True)
    """
    t = _clean(text)
    if t == "半":
        return Decimal("0.5")
    if not t or _NUMERAL_RE.fullmatch(t) is None:
        return None
    return _evaluate(t)


def parse_amount(text: str) -> Amount | None:
    """Read a numeral phrase with its range, fuzziness or placeholder.

    Decisions for the fuzzy forms:

    * ``N至M``, ``N到M``, ``N-M``, ``N～M``, ``N~M``, ``N—M``: ``value`` N,
      ``value_max`` M, not approximate; M must be larger than N. M's trailing units
      are shared with an N that has no big unit, when N times them stays below M:
      all of them when M's coefficient is one character and N has no unit
      (``3至5千`` → 3000..5000, ``三到五十万`` → 300000..500000, ``三到五十`` →
      30..50), else only the big ones (``30至50万`` → 300000..500000,
      ``三十到五十万``); ``100至2万`` stays 100..20000.
    * neighbouring digits: ``两三`` → 2..3 (never 23), ``三五`` → 3..5,
      ``三四十`` → 30..40, ``十一二`` → 11..12, ``一百五六十`` → 150..160;
      approximate. ``十一五`` … ``十五五`` are plan names and give ``None``.
    * ``余``/``多`` after a round number, ``几`` after ``十``: more than N, below the
      next step of N's last significant digit: ``十余`` → 10..20,
      ``三百五十多`` → 350..360, ``十余万`` → 100000..200000, ``1.5万余`` →
      15000..16000; approximate.
    * ``数``/``几`` before a unit: 2 to 9 of the unit: ``数百`` → 200..900.
    * ``上`` before a unit: at least about that many: ``上百`` → 100, no upper
      bound, approximate. ``近``/``将近``/``约``/``大约`` before and ``左右`` after
      mark any of the above approximate (``近千`` → 1000).
    * placeholders: ``value`` ``None``, ``placeholder`` true (``xx万`` too).

    Args:
        text: The phrase, e.g. ``"1至2"``, ``"两三"``, ``"十余万"``, ``"约30"``.

    Returns:
        The amount, or ``None`` when the text is not one numeral phrase.

    >>> parse_amount("1至2")
    Amount(value=Decimal('1'), value_max=Decimal('2'), approximate=False, placeholder=False)
    >>> a = parse_amount("两三")
    >>> (a.value, a.value_max, a.approximate)
    (Decimal('2'), Decimal('3'), True)
    >>> a = parse_amount("十余万")
    >>> (a.value, a.value_max)
    (Decimal('100000'), Decimal('200000'))
    >>> parse_amount("数百").value_max, parse_amount("上百").value
    (Decimal('900'), Decimal('100'))
    >>> parse_amount("xx万").placeholder, parse_amount("约30").approximate
    (True, True)
    """
    t = _clean(text)
    plain = parse_number(t)
    if plain is not None:
        return Amount(plain, None, False, False)
    if not t or _AMOUNT_RE.fullmatch(t) is None:
        return None
    approximate = False
    for prefix in APPROX_PREFIXES:
        if t.startswith(prefix):
            t = t[len(prefix) :]
            approximate = True
            break
    if t.endswith(APPROX_SUFFIX):
        t = t[: -len(APPROX_SUFFIX)]
        approximate = True
    if _PLACEHOLDER_RE.fullmatch(t):
        return Amount(None, None, approximate, True)
    return _fuzzy_amount(t, approximate)


def parse_percent(text: str) -> Decimal | None:
    """A percentage, in percent: ``80%`` → 80.

    Accepted: a numeral followed by ``%``/``％`` (``‰`` is divided by 10);
    ``百分之``/``千分之``/``万分之`` followed by a numeral; tenths with ``成``
    (``九成`` → 90, ``八成五`` → 85, ``两成`` → 20). A bare number is not a percentage,
    and ``个百分点`` (percentage points) is the caller's to read; placeholders
    (``xx%``) and ranges go through :func:`parse_amount` on the numeral part.

    Args:
        text: The percentage, e.g. ``"80%"``, ``"百分之八十"``, ``"九成"``.

    Returns:
        The value in percent, or ``None``.

    >>> parse_percent("80％"), parse_percent("百分之八十"), parse_percent("八成五")
    (Decimal('80'), Decimal('80'), Decimal('85'))
    >>> parse_percent("0.5%"), parse_percent("千分之五")
    (Decimal('0.5'), Decimal('0.5'))
    >>> parse_percent("80") is None
    True
    """
    t = _clean(text)
    if not t:
        return None
    for prefix, divisor in FRACTION_PREFIXES.items():
        if t.startswith(prefix):
            return _divide(parse_number(t[len(prefix) :]), divisor)
    m = _PERCENT_RE.fullmatch(t)
    if m is not None:
        divisor = Decimal(10) if m.group(2) == PER_MILLE_SIGN else Decimal(1)
        return _divide(parse_number(m.group(1)), divisor)
    m = _TENTHS_RE.fullmatch(t)
    if m is None:
        return None
    tenths = parse_number(m.group(1))
    if tenths is None or tenths != tenths.to_integral_value() or not 1 <= tenths <= 10:
        return None
    extra = Decimal(0)
    if m.group(2) is not None:
        digit = parse_number(m.group(2))
        if digit is None or tenths == 10 or digit == 0:
            return None
        extra = digit
    return _finish(tenths * 10 + extra, Context(prec=28))


def parse_multiple(text: str) -> Decimal | None:
    """A multiple: ``翻番``/``翻一番``/``倍增`` → 2, ``翻两番`` → 4, ``N倍`` → N.

    ``翻N番`` doubles N times (N from 1 to 10). ``N倍`` is the multiple as written:
    whether ``增长一倍`` means ×2 is the caller's reading. ``数倍``, ``成倍`` and
    ranges give ``None``.

    Args:
        text: The phrase, e.g. ``"翻两番"``, ``"1.5倍"``.

    Returns:
        The factor, or ``None``.

    >>> parse_multiple("翻番"), parse_multiple("翻两番"), parse_multiple("两倍")
    (Decimal('2'), Decimal('4'), Decimal('2'))
    >>> parse_multiple("1.5倍"), parse_multiple("数倍")
    (Decimal('1.5'), None)
    """
    t = _clean(text)
    if t in ("翻番", "倍增"):
        return Decimal(2)
    m = _DOUBLING_RE.fullmatch(t)
    if m is not None:
        times = parse_number(m.group(1))
        if times is None or times != times.to_integral_value():
            return None
        if not 1 <= times <= MAX_DOUBLINGS:
            return None
        return Decimal(2 ** int(times))
    m = _TIMES_RE.fullmatch(t)
    if m is None:
        return None
    factor = parse_number(m.group(1))
    if factor is None or factor <= 0:
        return None
    return factor


def parse_year(text: str) -> int | None:
    """A calendar year from 1900 to 2100: ``2020``, ``2020年``, ``二〇二〇年``.

    Four digits, Arabic or Chinese written digit by digit (``〇``, ``○``, ``零`` and
    the OCR letter ``O`` for zero), optionally followed by ``年``, ``年度``, ``年底``,
    ``年末`` or ``年初``. Cardinal forms (``两千年`` is two thousand years), two-digit
    years and plan names (``十四五``) are not years.

    Args:
        text: The year, e.g. ``"2020年"``.

    Returns:
        The year, or ``None``.

    >>> parse_year("2020年"), parse_year("二○二○"), parse_year("二〇二五年底")
    (2020, 2020, 2025)
    >>> parse_year("1850") is None, parse_year("十四五") is None
    (True, True)
    """
    t = _clean(text)
    m = _YEAR_RE.fullmatch(t)
    if m is None:
        return None
    year = 0
    for ch in m.group(1):
        ascii_ch = ch.translate(FULLWIDTH_TO_ASCII)
        digit = int(ascii_ch) if ascii_ch.isascii() and ascii_ch.isdigit() else None
        if digit is None:
            digit = CN_DIGIT_VALUES.get(ch)
        if digit is None:
            return None
        year = year * 10 + digit
    return year if YEAR_MIN <= year <= YEAR_MAX else None


def parse_month(text: str) -> int | None:
    """A month from 1 to 12: ``7月``, ``七月``, ``12月底``, ``十二月``, ``6月份``.

    The month must carry ``月`` and may be followed by ``份``, ``底``, ``末``, ``初``,
    ``中`` or ``上旬``/``中旬``/``下旬``; ``元月`` is January. ``两月`` (two months)
    and the lunar ``正月``/``腊月`` are not months; a trailing ``前`` (deadline) is
    the caller's.

    Args:
        text: The month, e.g. ``"7月底"``.

    Returns:
        The month number, or ``None``.

    >>> parse_month("7月"), parse_month("十二月底"), parse_month("元月")
    (7, 12, 1)
    >>> parse_month("13月") is None, parse_month("7") is None
    (True, True)
    """
    t = _clean(text)
    m = _MONTH_RE.fullmatch(t)
    if m is None:
        return None
    if m.group(1) == "元":
        return 1
    value = parse_number(m.group(1))
    if value is None or value != value.to_integral_value() or not 1 <= value <= MONTH_MAX:
        return None
    return int(value)


# --- helpers ------------------------------------------------------------------


def _clean(text: object) -> str:
    """The text without surrounding whitespace; ``""`` for a non-string."""
    return text.strip() if isinstance(text, str) else ""


def _context(text: str) -> Context:
    """A context precise enough that no operation on numerals of ``text`` rounds."""
    return Context(prec=2 * len(text) + 64, traps=[Inexact])


def _finish(value: Decimal, ctx: Context) -> Decimal:
    """Integral values with exponent 0, others without trailing zeros."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1), context=ctx)
    return value.normalize(ctx)


def _divide(value: Decimal | None, divisor: Decimal) -> Decimal | None:
    """``value / divisor`` (a power of ten) exactly, or ``None``."""
    if value is None:
        return None
    ctx = _context(str(value))
    try:
        return _finish(ctx.divide(value, divisor), ctx)
    except DecimalException:
        return None


def _arabic(token: str) -> Decimal:
    """An Arabic numeral (validated by the pattern) as a Decimal."""
    return Decimal(token.translate(FULLWIDTH_TO_ASCII).replace(",", ""))


def _evaluate(t: str) -> Decimal | None:
    """The value of a string that :data:`NUMERAL_PATTERN` matches in full."""
    ctx = _context(t)
    try:
        frac = _CN_FRACTION_RE.search(t)
        if frac is not None:
            whole = _evaluate_integer(t[: frac.start()], ctx)
            digits = "".join(str(CN_DIGIT_VALUES[c]) for c in frac.group(1))
            value = ctx.add(whole, Decimal("0." + digits))
            for unit in frac.group(2):
                value = ctx.multiply(value, Decimal(CN_UNIT_VALUES[unit]))
            return _finish(value, ctx)
        return _finish(_evaluate_integer(t, ctx), ctx)
    except (DecimalException, KeyError, ValueError):
        return None


def _evaluate_integer(t: str, ctx: Context) -> Decimal:
    """Evaluate sections and units left to right (the pattern checked the order)."""
    total = Decimal(0)
    section = Decimal(0)
    section_used = False  # anything since the last big unit
    pending: Decimal | None = None  # a coefficient waiting for its unit
    last_unit: int | None = None
    zero_since_unit = False
    previous_big: int | None = None
    i = 0
    while i < len(t):
        ch = t[i]
        run = _ARABIC_RUN_RE.match(t, i)
        if run is not None:
            pending = _arabic(run.group())
            section_used = True
            i = run.end()
            continue
        i += 1
        if ch in CN_DIGIT_VALUES:
            digit = CN_DIGIT_VALUES[ch]
            section_used = True
            if digit == 0:
                zero_since_unit = True
            else:
                pending = Decimal(digit)
            continue
        unit = CN_UNIT_VALUES[ch]
        if unit < 10**4:
            coefficient = pending if pending is not None else Decimal(1)
            section = ctx.add(section, ctx.multiply(coefficient, Decimal(unit)))
            section_used = True
        else:
            if pending is not None:
                section = ctx.add(section, pending)
            if previous_big is not None and unit > previous_big:
                total = ctx.multiply(ctx.add(total, section), Decimal(unit))
            else:
                value = section if section_used else Decimal(1)
                total = ctx.add(total, ctx.multiply(value, Decimal(unit)))
            previous_big = unit
            section = Decimal(0)
            section_used = False
        pending = None
        last_unit = unit
        zero_since_unit = False
    if pending is not None:
        if last_unit is not None and not zero_since_unit:
            # 一千二 = 1200: a final digit counts in the unit below the last one
            pending = ctx.multiply(pending, Decimal(last_unit // 10))
        section = ctx.add(section, pending)
    return ctx.add(total, section)


def _fuzzy_amount(t: str, approximate: bool) -> Amount | None:
    """The non-placeholder forms of :func:`parse_amount`, prefixes already removed."""
    if len(t) > 1 and t[0] in SEVERAL_PREFIXES:
        unit = parse_number(t[1:])
        if unit is None:
            return None
        return Amount(unit * SEVERAL_LOW, unit * SEVERAL_HIGH, True, False)
    if len(t) > 1 and t[0] == UPWARDS_PREFIX:
        unit = parse_number(t[1:])
        return None if unit is None else Amount(unit, None, True, False)
    sep = _SEP_RE.search(t)
    if sep is not None:
        return _range(t[: sep.start()], t[sep.end() :], approximate)
    for i, ch in enumerate(t):
        if ch in MORE_THAN_SUFFIXES or ch == SOME_SUFFIX:
            return _more_than(t[:i] + t[i + 1 :])
    for i in range(len(t) - 1):
        pair = FUZZY_PAIRS.get(t[i : i + 2])
        if pair is not None:
            low = parse_number(t[:i] + pair[0] + t[i + 2 :])
            high = parse_number(t[:i] + pair[1] + t[i + 2 :])
            if low is None or high is None or low >= high:
                return None
            return Amount(low, high, True, False)
    value = parse_number(t)
    return None if value is None else Amount(value, None, approximate, False)


def _more_than(base_text: str) -> Amount | None:
    """``N余``: N up to N plus one step of N's last significant digit."""
    base = parse_number(base_text)
    if base is None or base <= 0:
        return None
    ctx = _context(base_text)
    try:
        exponent = base.normalize(ctx).as_tuple().exponent
        if not isinstance(exponent, int):
            return None
        step = Decimal(1).scaleb(exponent, ctx)
        return Amount(base, _finish(ctx.add(base, step), ctx), True, False)
    except DecimalException:
        return None


def _range(left: str, right: str, approximate: bool) -> Amount | None:
    """``N至M``, sharing M's trailing units with a unitless N when that fits."""
    low = parse_number(left)
    high = parse_number(right)
    if low is None or high is None:
        return None
    trailing = _TRAILING_UNITS_RE.search(right)
    if trailing is not None and not any(c in CN_BIG_UNITS for c in left):
        units = trailing.group()
        coefficient = right[: trailing.start()]
        if any(c in CN_UNITS for c in left) or len(coefficient) != 1:
            units = units.lstrip(CN_SMALL_UNITS)
        multiplier = Decimal(1)
        for c in units:
            multiplier *= CN_UNIT_VALUES[c]
        ctx = _context(left + right)
        try:
            scaled = _finish(ctx.multiply(low, multiplier), ctx)
        except DecimalException:
            return None
        if units and scaled < high:
            low = scaled
    if low >= high:
        return None
    return Amount(low, high, approximate, False)
