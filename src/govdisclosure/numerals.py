"""Chinese numerals, heading ordinals, and the counts and amounts that prose states.

Three small, exact tools the rest of govdisclosure builds on. Nothing here uses ``float``
and nothing reads the ambient :mod:`decimal` context.

**Chinese numerals** to and from ``int``, for 0 … 10**16 - 1:

>>> to_int("二千零二十四"), to_int("一万二"), to_int("壹拾贰")
(2024, 12000, 12)
>>> from_int(10010), from_int(12, financial=True)
('一万零一十', '壹拾贰')

**Ordinals** of headings (一、 (一) 1. 1、), both ways:

>>> split_ordinal("（一）主动公开")
(Ordinal(value=1, style=<OrdinalStyle.PAREN: 'paren'>), '主动公开')
>>> format_ordinal(3, OrdinalStyle.PAREN, fullwidth=True)
'（三）'

**Quantities** as prose prints them, exact or qualified (余 多 近 约 超 超过 以上 左右), with the
range of true values the wording admits:

>>> q = parse_quantity("6.1万余次")
>>> q.value, q.unit, q.qualifier
(Decimal('6.1'), '万次', <Qualifier.YU: '余'>)
>>> q.bounds()
(Decimal('61000'), Decimal('62000'), False, False)
>>> q.admits(61500), q.admits(62000)
(True, False)
>>> text = "2015年,在门户网站公开信息300余条,投入资金约1630万元,占95%。"
>>> [(f.text, str(f.quantity.qualifier)) for f in find_quantities(text)]
[('300余条', 'Qualifier.YU'), ('约1630万元', 'Qualifier.YUE')]

Every function that reads text NFKC-normalises it first, so full-width digits, points and
brackets read like their ASCII forms. Errors are :class:`NumeralError`, a
:class:`ValueError` whose message quotes the text and says what was expected.
"""

from __future__ import annotations

import decimal
import enum
import itertools
import re
import unicodedata
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Final

import attrs

from govdisclosure.errors import GovDisclosureError

if TYPE_CHECKING:
    from govdisclosure.money import Amount

__all__ = [
    "MAX_NUMERAL",
    "MAX_ORDINAL",
    "MEASURE_WORDS",
    "FoundQuantity",
    "NumeralError",
    "Ordinal",
    "OrdinalStyle",
    "Qualifier",
    "Quantity",
    "find_quantities",
    "format_ordinal",
    "from_int",
    "parse_ordinal",
    "parse_quantity",
    "split_ordinal",
    "to_int",
]


class NumeralError(GovDisclosureError, ValueError):
    """Text is not the numeral, ordinal or quantity that was expected.

    A :class:`ValueError`, so ``except ValueError`` catches it; the message quotes the text.

    >>> try:
    ...     to_int("十十")
    ... except ValueError as err:
    ...     print(err)
    '十十' is not a well-formed Chinese numeral: expected digits 零一二三四五六七八九
    (or 大写 壹贰叁…) with units 十百千万亿 in the standard order, as in '一千二百三十四'
    """


# --------------------------------------------------------------------------------------------
# Exact decimal arithmetic, independent of the caller's context
# --------------------------------------------------------------------------------------------

#: Every Decimal operation here runs in this context; Inexact traps, so nothing rounds.
_CTX: Final = decimal.Context(
    prec=100,
    rounding=decimal.ROUND_HALF_UP,
    Emax=decimal.MAX_EMAX,
    Emin=decimal.MIN_EMIN,
    traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow, decimal.Inexact],
)

#: A Quantity's value holds at most this many digits, so _CTX is always exact for it.
_MAX_DIGITS: Final = 40


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def _normalise_with_map(text: str) -> tuple[str, list[int]]:
    """NFKC per character, with the original index of every normalised character.

    ``index[i]`` is the position in ``text`` of normalised character ``i``; one extra entry
    (``len(text)``) closes the list so that an end offset always maps.
    """
    if text.isascii():
        return text, [*range(len(text) + 1)]
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        n = ch if ch.isascii() else unicodedata.normalize("NFKC", ch)
        out.append(n)
        index.extend([i] * len(n))
    index.append(len(text))
    return "".join(out), index


def _require_str(text: object, what: str) -> str:
    if not isinstance(text, str):
        raise TypeError(f"{what} expects a str, got {type(text).__name__} {text!r}")
    return text


# --------------------------------------------------------------------------------------------
# Chinese numerals
# --------------------------------------------------------------------------------------------

#: The largest number :func:`to_int` reads and :func:`from_int` writes (10**16 - 1).
MAX_NUMERAL: Final = 10**16 - 1

_DIGITS: Final = "零一二三四五六七八九"
_FINANCIAL: Final = str.maketrans("一二三四五六七八九十百千", "壹贰叁肆伍陆柒捌玖拾佰仟")

# Characters of the two scripts; 零 万 亿 (and 萬 億) belong to both.
_ORDINARY_ONLY: Final = frozenset("〇一二三四五六七八九十百千两")
_FINANCIAL_ONLY: Final = frozenset("壹贰貳叁參肆伍陆陸柒捌玖拾佰仟")
_SHARED: Final = frozenset("零万亿萬億")
_NUMERAL_CHARS: Final = _ORDINARY_ONLY | _FINANCIAL_ONLY | _SHARED

#: Every accepted character to its ordinary simplified form (两 is checked before mapping).
_TO_ORDINARY: Final = str.maketrans(
    {
        "\u3007": "零",
        "两": "二",
        "萬": "万",
        "億": "亿",
        "壹": "一",
        "贰": "二",
        "貳": "二",
        "叁": "三",
        "參": "三",
        "肆": "四",
        "伍": "五",
        "陆": "六",
        "陸": "六",
        "柒": "七",
        "捌": "八",
        "玖": "九",
        "拾": "十",
        "佰": "百",
        "仟": "千",
    }
)

_DIGIT_VALUE: Final = {ch: i for i, ch in enumerate(_DIGITS)}
_UNIT_VALUE: Final = {"十": 10, "百": 100, "千": 1000}
# A final bare digit after one of these units stands for the next lower place ("三千五").
_ABBREVIATED_PLACE: Final = {"百": 100, "千": 1000, "万": 10**4, "亿": 10**8}
# Endings of standard forms whose last unit may be dropped: (unit before the digit, unit
# after), where a digit stands right before the first unit ("一万二千" → "一万二", but not
# "一千万五千" → "一千万五").
_ABBREVIABLE: Final = (("百", "十"), ("千", "百"), ("万", "千"), ("亿", "千万"))

_EXPECTED_NUMERAL: Final = (
    "expected digits 零一二三四五六七八九 (or 大写 壹贰叁…) with units 十百千万亿 in the "
    "standard order, as in '一千二百三十四'"
)


def _four(x: int) -> str:
    """The standard form of 0 < x < 10**4, with 一十 (never a bare leading 十)."""
    out: list[str] = []
    gap = False
    for place, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = x // place % 10
        if digit == 0:
            gap = bool(out)
        else:
            if gap:
                out.append("零")
                gap = False
            out.append(_DIGITS[digit] + unit)
    return "".join(out)


def _below_1e8(x: int) -> str:
    """The standard form of 0 < x < 10**8 (with 一十)."""
    high, low = divmod(x, 10**4)
    out = _four(high) + "万" if high else ""
    if low:
        if high and low < 1000:
            out += "零"
        out += _four(low)
    return out


def _standard(n: int) -> str:
    """The standard form of 0 <= n <= MAX_NUMERAL (a leading 一十 written 十)."""
    if n == 0:
        return "零"
    high, low = divmod(n, 10**8)
    out = _below_1e8(high) + "亿" if high else ""
    if low:
        if high and low < 10**7:
            out += "零"
        out += _below_1e8(low)
    return out[1:] if out.startswith("一十") else out


def _spellings(n: int) -> set[str]:
    """Every normalised spelling :func:`to_int` accepts for n (see its docstring)."""
    standard = _standard(n)
    spellings = {standard}
    for before, after in _ABBREVIABLE:
        size = len(after) + 2
        if (
            len(standard) > size
            and standard.endswith(after)
            and standard[-size - 1] in _DIGITS[1:]
            and standard[-size] == before
            and standard[-size + 1] in _DIGITS[1:]
        ):
            spellings.add(standard[: -len(after)])
    return spellings


def _loose_value(n: str) -> int:
    """Read a normalised numeral without checking its form (the caller checks)."""
    extra = 0
    if len(n) >= 3 and n[-1] in _DIGIT_VALUE and n[-2] in _ABBREVIATED_PLACE:
        extra = _DIGIT_VALUE[n[-1]] * _ABBREVIATED_PLACE[n[-2]] // 10
        n = n[:-1]
    total = wan = section = 0
    digit: int | None = None
    for ch in n:
        if ch in _DIGIT_VALUE:
            digit = _DIGIT_VALUE[ch]
        elif ch in _UNIT_VALUE:
            section += (1 if digit is None else digit) * _UNIT_VALUE[ch]
            digit = None
        elif ch == "万":
            wan += (section + (digit or 0)) * 10**4
            section, digit = 0, None
        else:  # 亿
            total = (total + wan + section + (digit or 0)) * 10**8
            wan, section, digit = 0, 0, None
    return total + wan + section + (digit or 0) + extra


def to_int(text: str) -> int:
    """Read a Chinese numeral as an exact ``int`` (0 … 10**16 - 1).

    Accepted, after NFKC and ignoring surrounding white space:

    * the standard form :func:`from_int` writes (``二千零二十四``, ``一万零一十``, ``一亿零一``),
      with a leading ``十`` or ``一十`` (``十二`` = ``一十二`` = 12), and ``零十`` for
      ``零一十`` (``一万零十`` = 10010, as cn2an also reads it);
    * ``\u3007`` for ``零``; ``两`` for ``二`` where it stands before 百/千/万/亿 or alone;
    * 大写 (financial) digits and units ``壹贰叁肆伍陆柒捌玖拾佰仟`` (also the traditional
      ``貳參陸``), and traditional ``萬`` ``億`` — but not 大写 mixed with ordinary digits;
    * the colloquial abbreviation that drops the last unit when it is one place below the unit
      before it: ``一百五`` = 150, ``三千五`` = 3500, ``一万二`` = 12000, ``两万三`` = 23000,
      ``三万五千五`` = 35500, ``一亿二`` = 120000000.

    Everything else is rejected with :class:`NumeralError`: a missing or extra ``零``
    (``一千五十``, ``一百零五十``), units out of order (``十十``, ``一万一万``), a bare unit
    (``万``), digit-by-digit readings (``一二三``, ``二\u3007二四`` — a year read aloud, not a
    number), Arabic digits, and anything beyond 10**16 - 1.

    >>> to_int("二千零二十四")
    2024
    >>> to_int("十二"), to_int("一十二"), to_int("两万三"), to_int("一亿二")
    (12, 12, 23000, 120000000)
    >>> to_int("壹佰零伍")
    105
    >>> to_int("一二三")
    Traceback (most recent call last):
    ...
    govdisclosure.numerals.NumeralError: '一二三' is a digit-by-digit reading, not a number: ...
    """
    _require_str(text, "to_int")
    s = _nfkc(text).strip()
    if not s:
        raise NumeralError(f"expected a Chinese numeral, got {text!r}")
    for i, ch in enumerate(s):
        if ch not in _NUMERAL_CHARS:
            raise NumeralError(
                f"{text!r} is not a Chinese numeral: unexpected {ch!r} at position {i}; "
                + _EXPECTED_NUMERAL
            )
    if any(ch in _ORDINARY_ONLY for ch in s) and any(ch in _FINANCIAL_ONLY for ch in s):
        raise NumeralError(
            f"{text!r} mixes 大写 (壹贰叁…) and ordinary (一二三…) numerals; "
            "expected one or the other"
        )
    for i, ch in enumerate(s):
        if ch == "两" and s != "两" and (i + 1 == len(s) or s[i + 1] not in "百千万亿萬億"):
            raise NumeralError(
                f"{text!r} is not a well-formed Chinese numeral: 两 stands only before "
                "百, 千, 万 or 亿 (or alone); write 二 elsewhere"
            )
    n = s.translate(_TO_ORDINARY)
    for a, b in itertools.pairwise(n):
        if a in _DIGIT_VALUE and a != "零" and b in _DIGIT_VALUE:
            raise NumeralError(
                f"{text!r} is a digit-by-digit reading, not a number: expected units between "
                "the digits, as in '一百二十三'"
            )
    if n.startswith("一十"):
        n = n[1:]
    n = n.replace("零十", "零一十")
    value = _loose_value(n)
    if value > MAX_NUMERAL:
        raise NumeralError(
            f"{text!r} is out of range: Chinese numerals up to 10**16 - 1 "
            "(九千九百九十九万…九十九) are supported"
        )
    if n not in _spellings(value):
        raise NumeralError(f"{text!r} is not a well-formed Chinese numeral: {_EXPECTED_NUMERAL}")
    return value


def from_int(n: int, *, financial: bool = False) -> str:
    """Write ``n`` (0 … 10**16 - 1) as a standard Chinese numeral.

    The form is the one official documents print: ``零`` marks a gap (once per run of zero
    places), a leading ten is ``十`` (``十二``, ``十万``) but an inner ten is ``一十``
    (``一百一十``, ``一万零一十``). ``financial=True`` gives 大写 with 壹拾 even in front
    (``壹拾贰``); 万 and 亿 stay as they are.

    >>> [from_int(n) for n in (0, 10, 12, 20, 110, 2024, 10010, 12000)]
    ['零', '十', '十二', '二十', '一百一十', '二千零二十四', '一万零一十', '一万二千']
    >>> from_int(100000001), from_int(10**12 + 10**8)
    ('一亿零一', '一万零一亿')
    >>> from_int(1005, financial=True)
    '壹仟零伍'
    >>> from_int(-1)
    Traceback (most recent call last):
    ...
    govdisclosure.numerals.NumeralError: from_int expects 0 <= n <= 10**16 - 1, got -1
    """
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"from_int expects an int, got {type(n).__name__} {n!r}")
    if not 0 <= n <= MAX_NUMERAL:
        raise NumeralError(f"from_int expects 0 <= n <= 10**16 - 1, got {n!r}")
    standard = _standard(n)
    if not financial:
        return standard
    if standard.startswith("十"):
        standard = "一" + standard
    return standard.translate(_FINANCIAL)


# --------------------------------------------------------------------------------------------
# Ordinals
# --------------------------------------------------------------------------------------------

#: Ordinals run from 1 to this (a four-digit "2015、" is a year in a list, not a heading).
MAX_ORDINAL: Final = 999


class OrdinalStyle(enum.Enum):
    """How a heading is numbered.

    ========================  =========  ====================================
    member                    example    where
    ========================  =========  ====================================
    ``CHINESE``               一、       sections
    ``PAREN``                 (一)       sub-sections (printed （一） as often)
    ``ARABIC_DOT``            1.         items
    ``ARABIC_COMMA``          1、        items
    ========================  =========  ====================================

    >>> OrdinalStyle("paren").example
    '(一)'
    """

    CHINESE = "chinese"
    PAREN = "paren"
    ARABIC_DOT = "arabic_dot"
    ARABIC_COMMA = "arabic_comma"

    @property
    def example(self) -> str:
        """The first ordinal of this style.

        >>> [s.example for s in OrdinalStyle]
        ['一、', '(一)', '1.', '1、']
        """
        return format_ordinal(1, self)


def _check_ordinal_value(value: object, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(
            f"{what} expects an int ordinal value, got {type(value).__name__} {value!r}"
        )
    if not 1 <= value <= MAX_ORDINAL:
        raise NumeralError(f"{what} expects an ordinal from 1 to {MAX_ORDINAL}, got {value!r}")
    return value


@attrs.frozen(slots=True)
class Ordinal:
    """The number of a heading and the way it is written.

    >>> o = parse_ordinal("（十二）")
    >>> o
    Ordinal(value=12, style=<OrdinalStyle.PAREN: 'paren'>)
    >>> str(o), o.format(fullwidth=True)
    ('(十二)', '（十二）')
    """

    value: int
    style: OrdinalStyle

    def __attrs_post_init__(self) -> None:
        _check_ordinal_value(self.value, "Ordinal")
        if not isinstance(self.style, OrdinalStyle):
            raise TypeError(f"Ordinal style must be an OrdinalStyle, got {self.style!r}")

    def format(self, *, fullwidth: bool = False) -> str:
        """This ordinal as text; see :func:`format_ordinal`.

        >>> Ordinal(2, OrdinalStyle.ARABIC_DOT).format(fullwidth=True) == "2\uff0e"
        True
        """
        return format_ordinal(self.value, self.style, fullwidth=fullwidth)

    def __str__(self) -> str:
        return format_ordinal(self.value, self.style)


_CN_CLASS: Final = "".join(sorted(_NUMERAL_CHARS))
_ORDINAL_RE: Final = re.compile(
    rf"\((?P<paren>[ \t]*[{_CN_CLASS}]+[ \t]*)\)"
    rf"|(?P<chinese>[{_CN_CLASS}]+)、"
    r"|(?P<dot>[0-9]+)\.(?![0-9])"
    r"|(?P<comma>[0-9]+)、"
)
_ORDINAL_GROUPS: Final = {
    "paren": OrdinalStyle.PAREN,
    "chinese": OrdinalStyle.CHINESE,
    "dot": OrdinalStyle.ARABIC_DOT,
    "comma": OrdinalStyle.ARABIC_COMMA,
}


def _ordinal_of(match: re.Match[str]) -> Ordinal:
    """The Ordinal a match of _ORDINAL_RE spells; NumeralError if it is no valid ordinal."""
    group = match.lastgroup or ""
    style = _ORDINAL_GROUPS[group]
    digits = match.group(group).strip()
    if style in (OrdinalStyle.ARABIC_DOT, OrdinalStyle.ARABIC_COMMA):
        if digits.startswith("0"):
            raise NumeralError(f"an ordinal has no leading zero, found {match.group()!r}")
        value = int(digits)
    else:
        value = to_int(digits)
    return Ordinal(_check_ordinal_value(value, "an ordinal"), style)


def parse_ordinal(text: str) -> Ordinal:
    """Read text that is exactly one ordinal: ``一、`` ``(三)`` ``（三）`` ``1.`` ``1、``.

    Surrounding white space is ignored; full-width forms are read after NFKC.
    Values run from 1 to :data:`MAX_ORDINAL`.

    >>> parse_ordinal("一、")
    Ordinal(value=1, style=<OrdinalStyle.CHINESE: 'chinese'>)
    >>> parse_ordinal("\uff11\uff12\uff0e")  # full-width 12.
    Ordinal(value=12, style=<OrdinalStyle.ARABIC_DOT: 'arabic_dot'>)
    >>> parse_ordinal("一是")
    Traceback (most recent call last):
    ...
    govdisclosure.numerals.NumeralError: expected exactly one ordinal such as ... found '一是'
    """
    _require_str(text, "parse_ordinal")
    s = _nfkc(text).strip()
    match = _ORDINAL_RE.fullmatch(s)
    if match is None:
        raise NumeralError(
            f"expected exactly one ordinal such as '一、', '(一)', '1.' or '1、', found {text!r}"
        )
    try:
        return _ordinal_of(match)
    except NumeralError as err:
        raise NumeralError(f"{text!r} is not an ordinal: {err}") from None


def split_ordinal(text: str) -> tuple[Ordinal, str] | None:
    """Split a heading into its ordinal and the rest, or ``None`` if it starts with none.

    The rest is the original text after the ordinal (not normalised), without leading white
    space. ``一是…`` (a list in prose), ``2015年…`` and ``1.5万元`` do not start with an ordinal.

    >>> split_ordinal("一、总体工作情况")
    (Ordinal(value=1, style=<OrdinalStyle.CHINESE: 'chinese'>), '总体工作情况')
    >>> split_ordinal("1.属于国家秘密")[1]
    '属于国家秘密'
    >>> split_ordinal("一是成立了领导小组") is None, split_ordinal("2015年,") is None
    (True, True)
    """
    _require_str(text, "split_ordinal")
    normal, index = _normalise_with_map(text)
    stripped = normal.lstrip()
    offset = len(normal) - len(stripped)
    match = _ORDINAL_RE.match(normal, offset)
    if match is None:
        return None
    try:
        ordinal = _ordinal_of(match)
    except NumeralError:
        return None
    end = index[match.end() - 1] + 1
    return ordinal, text[end:].lstrip()


def format_ordinal(n: int, style: OrdinalStyle, *, fullwidth: bool = False) -> str:
    """Write ordinal ``n`` (1 … :data:`MAX_ORDINAL`) in ``style``.

    ``fullwidth=True`` uses full-width punctuation where a half-width form exists: ``（一）``
    and ``1\uff0e``; ``、`` is full-width already and digits stay ASCII.

    >>> [format_ordinal(3, s) for s in OrdinalStyle]
    ['三、', '(三)', '3.', '3、']
    >>> format_ordinal(12, OrdinalStyle.PAREN, fullwidth=True)
    '（十二）'
    """
    _check_ordinal_value(n, "format_ordinal")
    if style is OrdinalStyle.CHINESE:
        return from_int(n) + "、"
    if style is OrdinalStyle.PAREN:
        return f"\uff08{from_int(n)}\uff09" if fullwidth else f"({from_int(n)})"
    if style is OrdinalStyle.ARABIC_DOT:
        return f"{n}\uff0e" if fullwidth else f"{n}."
    if style is OrdinalStyle.ARABIC_COMMA:
        return f"{n}、"
    raise TypeError(f"format_ordinal expects an OrdinalStyle, got {style!r}")


# --------------------------------------------------------------------------------------------
# Quantities
# --------------------------------------------------------------------------------------------


class Qualifier(enum.Enum):
    """A word that makes a printed figure approximate or a bound; the value is the word.

    ===========  ========  ======  ===============================================  ===========
    member       word      place   meaning (s = one unit of the last significant     ``bounds``
                                   digit: 300 → 100, 1630 → 10, 6.1 → 0.1)
    ===========  ========  ======  ===============================================  ===========
    ``YU``       余        after   more than v, less than v + s (300余 = 301…399)   (v, v+s)
    ``DUO``      多        after   the same as 余 (100多 = 101…199)                 (v, v+s)
    ``JIN``      近        before  less than v, not below v - s (近200 = 100…199)   [v-s, v)
    ``YUE``      约        before  v - s to v + s, both ends included               [v-s, v+s]
    ``ZUOYOU``   左右      after   the same as 约 (500人左右)                        [v-s, v+s]
    ``CHAO``     超        before  more than v, no upper bound                      (v, ∞)
    ``CHAOGUO``  超过      before  the same as 超                                   (v, ∞)
    ``YISHANG``  以上      after   at least v (1000件以上 includes 1000)            [v, ∞)
    ===========  ========  ======  ===============================================  ===========

    约 and 左右: rounding to the last printed digit would give [v - s/2, v + s/2); prose
    rounds loosely, so one full unit either side is admitted.

    余 and 多 stand after the number, before the measure word; with a 万/亿 multiplier the
    canonical place is after it (``6.1万余次``), though ``300余万元`` is read too. 以上 and 左右
    follow the measure word (``1000件以上``).

    >>> Qualifier("余"), Qualifier.CHAOGUO.value, Qualifier.JIN.is_prefix
    (<Qualifier.YU: '余'>, '超过', True)
    """

    YU = "余"
    DUO = "多"
    JIN = "近"
    YUE = "约"
    CHAO = "超"
    CHAOGUO = "超过"
    YISHANG = "以上"
    ZUOYOU = "左右"

    @property
    def is_prefix(self) -> bool:
        """Whether the word stands before the number (近 约 超 超过).

        >>> [q.value for q in Qualifier if q.is_prefix]
        ['近', '约', '超', '超过']
        """
        return self in _PREFIX_QUALIFIERS


_PREFIX_QUALIFIERS: Final = frozenset(
    {Qualifier.JIN, Qualifier.YUE, Qualifier.CHAO, Qualifier.CHAOGUO}
)

#: Words read before a number, and the qualifier each means. Synonyms print canonically.
_PREFIX_WORDS: Final[dict[str, Qualifier]] = {
    "超过": Qualifier.CHAOGUO,
    "超": Qualifier.CHAO,
    "逾": Qualifier.CHAO,
    "近": Qualifier.JIN,
    "将近": Qualifier.JIN,
    "接近": Qualifier.JIN,
    "约": Qualifier.YUE,
    "约为": Qualifier.YUE,
    "约有": Qualifier.YUE,
    "大约": Qualifier.YUE,
    "至少": Qualifier.YISHANG,
    "最少": Qualifier.YISHANG,
}

#: A prefix word preceded by one of these characters is the end of another word
#: (最近, 节约, 赶超): the figure is read as exact, without the prefix.
_PREFIX_WORD_ENDS: Final[dict[str, str]] = {
    "近": "最附邻靠临就亲贴远新晚相浅迫",
    "约": "节预签制合违履特集简邀践公条婚租失赴守爽毁解续缔誓隐相盟",
    "超": "赶高",
}

#: Comparisons that make a figure an upper bound (or a bare comparison) this module cannot
#: represent: such figures are not reported at all rather than reported as exact.
_COMPARISONS_BEFORE: Final = (
    "不超过",
    "未超过",
    "没有超过",
    "没超过",
    "不超",
    "不足",
    "不到",
    "不满",
    "少于",
    "低于",
    "小于",
    "多于",
    "大于",
    "高于",
    "最多",
    "至多",
)
_COMPARISONS_AFTER: Final = ("以下", "以内", "之内")

#: Between two numbers these make the second the end of a range (11—30件, 11至30件).
_RANGE_SIGNS: Final = ("\u2014", "\u2013", "~", "至", "到")

#: Before a number, these make it an ordinal or a rank, not a count (第10次, 位列前3名).
_RANKS_BEFORE: Final = ("第", "排名前", "位列前", "名列前", "排在前", "居前", "进入前", "跻身前")

#: The measure words find_quantities recognises (each may take a 万/亿 multiplier: 万次,
#: 亿元). Data, not code: a new measure word is a new entry here.
MEASURE_WORDS: Final[tuple[str, ...]] = (
    "件",
    "条",
    "人",
    "户",
    "次",
    "篇",
    "个",
    "项",
    "家",
    "名",
    "元",
    "份",
    "期",
    "场",
    "批",
    "起",
    "处",
    "所",
    "栏",
    "台",
    "套",
    "部",
    "位",
    "例",
    "册",
    "张",
    "封",
    "宗",
    "人次",
    "个次",
    "件次",
    "户次",
    "场次",
    "批次",
)

#: A measure word followed by one of these is the first character of another word
#: (人民币, 处理, 所有, 部分, 台账): the number before it is not a count.
_MEASURE_COMPOUNDS: Final[dict[str, tuple[str, ...]]] = {
    "人": ("民",),
    "处": ("理", "罚", "置", "分", "室", "长"),
    "所": ("有", "属", "在", "得", "以", "述", "列", "示", "需", "涉"),
    "部": ("分", "门", "署", "长"),
    "台": ("账",),
    "位": ("于", "置"),
    "元": ("旦", "素"),
    "名": ("单", "称", "义"),
    "期": ("间", "限"),
    "家": ("庭",),
    "场": ("所",),
}

#: After any measure word these make the figure a report-structure count ("共7个部分") or a
#: percentage-point change ("1.5个百分点"): not reported.
_NOT_COUNTED_AFTER: Final = ("部分", "百分点")

#: After 个 (with an optional 多/余/半), a time noun makes the figure a duration
#: ("20个工作日", "3个多月"): not reported.
_DURATION_NOUNS: Final = (
    "工作日",
    "自然日",
    "小时",
    "季度",
    "星期",
    "礼拜",
    "月",
    "日",
    "年",
    "周",
)

_MULTIPLIERS: Final = {"万": 4, "亿": 8}
_MONEY_UNITS: Final = frozenset({"元", "万元", "亿元"})
_UNITS: Final = frozenset(
    {"万", "亿"}
    | set(MEASURE_WORDS)
    | {m + measure for m in _MULTIPLIERS for measure in MEASURE_WORDS}
)


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


_SP: Final = r"[ \t]*"
_NUMBER: Final = (
    r"(?<![0-9A-Za-z.])(?<![0-9],)"
    r"(?P<number>(?:[1-9][0-9]{0,2}(?:,[0-9]{3})+|[1-9][0-9]*|0)(?:\.[0-9]+)?)(?![0-9])"
)
_QUANTITY_PATTERN: Final = "".join(
    [
        rf"(?:(?P<prefix>{_alternation(_PREFIX_WORDS)}){_SP})?",
        _NUMBER,
        rf"(?:{_SP}(?P<q1>[余多]))?",  # 300余条, 300余万元
        rf"(?:{_SP}(?P<mult>[万亿]))?",
        rf"(?:{_SP}(?P<q2>[余多]))?",  # 6.1万余次
        rf"(?:{_SP}(?P<measure>{_alternation(MEASURE_WORDS)}))?",
        rf"(?:{_SP}(?P<suffix>以上|左右))?",
    ]
)
_QUANTITY_RE: Final = re.compile(_QUANTITY_PATTERN)

_URL_RE: Final = re.compile(
    r"(?:https?|ftp)://[A-Za-z0-9\-._~:/?#\[\]@!$&*+=%]+"
    r"|www\.[A-Za-z0-9\-.]+(?:/[A-Za-z0-9\-._~:/?#@!$&*+=%]*)?"
    r"|[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+"
)


def _value_of(value: Decimal | int | str) -> Decimal:
    """The attrs converter of Quantity.value: exact, finite, unsigned, exponent <= 0."""
    if isinstance(value, Decimal):  # the common case, checked with one as_tuple()
        sign, digits, exponent = value.as_tuple()
        exact = isinstance(exponent, int) and exponent <= 0
        if not sign and exact and len(digits) <= _MAX_DIGITS:
            return value
    if isinstance(value, bool) or not isinstance(value, (Decimal, int, str)):
        raise TypeError(
            f"Quantity value must be a Decimal, int or str, got {type(value).__name__} "
            f"{value!r}; floats are refused (pass Decimal('6.1'))"
        )
    if isinstance(value, str):
        if re.fullmatch(r"[0-9]+(?:\.[0-9]+)?", value) is None:
            raise NumeralError(
                f"Quantity value must be digits with an optional decimal part, got {value!r}"
            )
        value = Decimal(value)
    elif isinstance(value, int):
        value = Decimal(value)
    if not value.is_finite() or value.is_signed():
        raise NumeralError(f"Quantity value must be a finite number >= 0, got {value!r}")
    if _exponent(value) > 0:
        value = value.quantize(Decimal(1), context=_CTX)
    if len(value.as_tuple().digits) > _MAX_DIGITS:
        raise NumeralError(f"Quantity value has more than {_MAX_DIGITS} digits: {value!r}")
    return value


def _decimal_key(value: Decimal) -> tuple[object, ...]:
    # Decimal("6.1") and Decimal("6.10") are printed differently and admit different ranges.
    return tuple(value.as_tuple())


def _exponent(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    return exponent


def _scaled(value: Decimal, places: int) -> Decimal:
    """value * 10**places exactly, written without a positive exponent."""
    result = value.scaleb(places, _CTX)
    if _exponent(result) > 0:
        result = result.quantize(Decimal(1), context=_CTX)
    return result


def _last_digit_place(value: Decimal) -> int:
    """The power of ten of the last significant digit: 300 → 2, 1630 → 1, 6.1 → -1, 6.10 → -2.

    Trailing zeros of a whole number are not significant; printed decimals are.
    """
    _, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    if exponent < 0:
        return exponent
    trailing = len(digits) - len("".join(map(str, digits)).rstrip("0"))
    return exponent + trailing if trailing < len(digits) else exponent


@attrs.frozen(slots=True)
class Quantity:
    """A figure as prose prints it: value, unit, and an optional :class:`Qualifier`.

    ``value`` is the number as printed, its exponent kept (``6.1万余次`` → ``Decimal('6.1')``,
    and ``Decimal('6.10')`` is a different quantity from ``Decimal('6.1')``). ``unit`` is what
    follows the number, a 万/亿 multiplier included: ``条`` ``万次`` ``元`` ``万元`` ``万``.
    A bare ``万`` (``投入资金58.5万,``) is a count of 10**4, not money: the text does not say
    元. See :class:`Qualifier` for what each qualifier admits.

    >>> q = Quantity(Decimal("300"), "条", Qualifier.YU)
    >>> str(q), q.exact, q.admits(312), q.admits(401)
    ('300余条', Decimal('300'), True, False)
    >>> m = parse_quantity("约1630万元")
    >>> m.is_money, m.multiplier, m.exact
    (True, Decimal('1'), Decimal('16300000'))
    >>> m.bounds()
    (Decimal('16200000'), Decimal('16400000'), True, True)
    >>> m.amount
    Amount('1630', MoneyUnit.WAN_YUAN)
    """

    value: Decimal = attrs.field(converter=_value_of, eq=_decimal_key)
    unit: str
    qualifier: Qualifier | None = None

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.unit, str) or self.unit not in _UNITS:
            raise NumeralError(
                f"Quantity unit must be a measure word from MEASURE_WORDS, optionally after "
                f"万 or 亿 (条, 万次, 元, 万元, 万), got {self.unit!r}"
            )
        if self.qualifier is not None:
            if not isinstance(self.qualifier, Qualifier):
                raise TypeError(
                    f"Quantity qualifier must be a Qualifier or None, got {self.qualifier!r}"
                )
            if self.value.is_zero():
                raise NumeralError(
                    f"a qualified quantity must be above zero, got {self.value!r} with "
                    f"{self.qualifier.value!r}"
                )

    # --- the unit --------------------------------------------------------------------------

    @property
    def _scale_places(self) -> int:
        return _MULTIPLIERS.get(self.unit[0], 0)

    @property
    def is_money(self) -> bool:
        """Whether the unit is 元, 万元 or 亿元 (a bare 万 is not).

        >>> parse_quantity("36581.5万元").is_money, parse_quantity("58.5万").is_money
        (True, False)
        """
        return self.unit in _MONEY_UNITS

    @property
    def multiplier(self) -> Decimal:
        """10**4 for a 万 and 10**8 for a 亿 count, 1 otherwise (money keeps 万元 as a unit).

        >>> parse_quantity("超104万次").multiplier, parse_quantity("4200.7万元").multiplier
        (Decimal('10000'), Decimal('1'))
        """
        if self.is_money:
            return Decimal(1)
        return Decimal(10) ** self._scale_places

    @property
    def measure(self) -> str:
        """The measure word without its multiplier (``次`` for ``万次``; ``""`` for bare 万).

        >>> parse_quantity("6.1万余次").measure, parse_quantity("58.5万").measure
        ('次', '')
        """
        return self.unit[1:] if self.unit[0] in _MULTIPLIERS else self.unit

    @property
    def amount(self) -> Amount:
        """The printed figure as a :class:`govdisclosure.money.Amount` (money units only).

        The qualifier is not carried over: ``约1630万元`` gives ``Amount('1630', 万元)``.

        >>> parse_quantity("1619106元").amount
        Amount('1619106', MoneyUnit.YUAN)
        >>> parse_quantity("300余条").amount
        Traceback (most recent call last):
        ...
        govdisclosure.numerals.NumeralError: '300余条' is a count in '条', not money: ...
        """
        if not self.is_money:
            raise NumeralError(
                f"{str(self)!r} is a count in {self.unit!r}, not money: only quantities in "
                "元, 万元 or 亿元 have an amount"
            )
        from govdisclosure.money import Amount, MoneyUnit  # lazily: money is a sibling module

        return Amount(self.value, MoneyUnit(self.unit))

    # --- the numbers ------------------------------------------------------------------------

    @property
    def exact(self) -> Decimal:
        """The printed figure in plain units: times the multiplier for counts, in 元 for money.

        >>> parse_quantity("6.1万余次").exact, parse_quantity("36581.5万元").exact
        (Decimal('61000'), Decimal('365815000'))
        """
        return _scaled(self.value, self._scale_places)

    def bounds(self) -> tuple[Decimal, Decimal | None, bool, bool]:
        """``(low, high, low_inclusive, high_inclusive)``: the true values the wording admits.

        In the scale of :attr:`exact` (plain units; 元 for money). ``high`` is ``None`` when
        there is no upper bound (超, 超过, 以上). See :class:`Qualifier` for each rule.

        >>> parse_quantity("121702户").bounds()
        (Decimal('121702'), Decimal('121702'), True, True)
        >>> parse_quantity("10余条").bounds()
        (Decimal('10'), Decimal('20'), False, False)
        >>> parse_quantity("近200件").bounds()
        (Decimal('100'), Decimal('200'), True, False)
        >>> parse_quantity("1000件以上").bounds()
        (Decimal('1000'), None, True, False)
        """
        v = self.exact
        q = self.qualifier
        if q is None:
            return v, v, True, True
        if q in (Qualifier.CHAO, Qualifier.CHAOGUO):
            return v, None, False, False
        if q is Qualifier.YISHANG:
            return v, None, True, False
        step = _scaled(Decimal(1), _last_digit_place(self.value) + self._scale_places)
        if q in (Qualifier.YU, Qualifier.DUO):
            return v, _CTX.add(v, step), False, False
        if q is Qualifier.JIN:
            return _CTX.subtract(v, step), v, True, False
        return _CTX.subtract(v, step), _CTX.add(v, step), True, True  # 约, 左右

    def admits(self, x: int | Decimal) -> bool:
        """Whether a true value ``x`` (in the scale of :attr:`exact`) fits the wording.

        >>> q = parse_quantity("300余条")
        >>> [q.admits(n) for n in (300, 301, 312, 399, 400, 401)]
        [False, True, True, True, False, False]
        >>> parse_quantity("约1630万元").admits(16_350_000)
        True
        """
        if isinstance(x, bool) or not isinstance(x, (int, Decimal)):
            raise TypeError(f"admits expects an int or Decimal, got {type(x).__name__} {x!r}")
        if isinstance(x, Decimal) and not x.is_finite():
            raise NumeralError(f"admits expects a finite number, got {x!r}")
        d = Decimal(x)
        low, high, low_inclusive, high_inclusive = self.bounds()
        if d < low or (d == low and not low_inclusive):
            return False
        return high is None or d < high or (d == high and high_inclusive)

    def __str__(self) -> str:
        q = self.qualifier
        inner = q is Qualifier.YU or q is Qualifier.DUO
        multiplier = self.unit[0] if self.unit[0] in _MULTIPLIERS else ""
        text = format(self.value, "f") + multiplier
        text += (q.value if q is not None and inner else "") + self.measure
        if q is None or inner:
            return text
        return q.value + text if q.is_prefix else text + q.value


@attrs.frozen(slots=True)
class FoundQuantity:
    """A quantity found in text: ``text[start:end]`` is the verbatim figure, kept as ``text``.

    >>> source = "共受理网上登记审批业务147件,网上年检业务863件。"
    >>> found = find_quantities(source)
    >>> found[0]
    FoundQuantity(quantity=Quantity(value=Decimal('147'), unit='件', qualifier=None),
                  start=11, end=15, text='147件')
    >>> source[found[1].start : found[1].end]
    '863件'
    """

    quantity: Quantity
    start: int
    end: int
    text: str


def _qualifier_of(match: re.Match[str]) -> tuple[Qualifier | None, str | None]:
    """The qualifier of a quantity match, or an explanation of why it has too many."""
    words = [
        (name, match.group(name))
        for name in ("q1", "q2", "suffix")
        if match.group(name) is not None
    ]
    if match.group("q1") and match.group("q2"):
        return None, "余/多 is written twice"
    if len(words) > 1:
        return None, "more than one qualifier"
    if words:
        return Qualifier(words[0][1]), None
    prefix = match.group("prefix")
    return (_PREFIX_WORDS[prefix] if prefix else None), None


def _quantity_of(match: re.Match[str], qualifier: Qualifier | None) -> Quantity:
    number = match.group("number").replace(",", "")
    unit = (match.group("mult") or "") + (match.group("measure") or "")
    return Quantity(Decimal(number), unit, qualifier)


def parse_quantity(text: str) -> Quantity:
    """Read text that is exactly one quantity: ``300余条``, ``约1630万元``, ``1,619,106元``.

    Surrounding white space is ignored, spaces between the parts are allowed (``3 件``), and
    synonyms of the prefixes are read (将近/接近 = 近, 大约/约为/约有 = 约, 逾 = 超,
    至少/最少 = 以上). ``str()`` of the result is the canonical form.

    >>> parse_quantity("300余条")
    Quantity(value=Decimal('300'), unit='条', qualifier=<Qualifier.YU: '余'>)
    >>> str(parse_quantity("1,619,106元")), str(parse_quantity("300余万元"))
    ('1619106元', '300万余元')
    >>> parse_quantity("2015年")
    Traceback (most recent call last):
    ...
    govdisclosure.numerals.NumeralError: expected exactly one quantity such as ... found '2015年'
    """
    _require_str(text, "parse_quantity")
    s = _nfkc(text).strip()
    match = _QUANTITY_RE.fullmatch(s)
    expected = (
        "expected exactly one quantity such as '300余条' or '约1630万元' (a number with a "
        f"measure word from MEASURE_WORDS), found {text!r}"
    )
    if match is None or not (match.group("mult") or match.group("measure")):
        raise NumeralError(expected)
    qualifier, problem = _qualifier_of(match)
    if (
        problem is None
        and match.group("prefix")
        and qualifier is not _PREFIX_WORDS.get(match.group("prefix"))
    ):
        problem = "more than one qualifier"
    if problem is not None:
        raise NumeralError(f"{text!r} is not one quantity: {problem}; {expected}")
    try:
        return _quantity_of(match, qualifier)
    except NumeralError as err:
        raise NumeralError(f"{text!r} is not a quantity: {err}") from None


def _head(text: str, end: int) -> str:
    """The few characters before ``end`` that decide a figure's reading, trailing spaces off."""
    return text[max(0, end - 24) : end].rstrip(" \t")


def _ends_with(text: str, end: int, words: tuple[str, ...]) -> bool:
    """Whether text[:end], ignoring trailing spaces, ends with one of words."""
    return _head(text, end).endswith(words)


def _mask_urls(text: str) -> str:
    return _URL_RE.sub(lambda m: "#" * len(m.group()), text)


def _read(normal: str, match: re.Match[str]) -> tuple[Quantity, int, int] | None:
    """Judge one candidate match in its context: the quantity and its span, or None."""
    if not (match.group("mult") or match.group("measure")):
        return None
    qualifier, problem = _qualifier_of(match)
    if problem is not None:
        return None
    start, end = match.start(), match.end()
    number_start = match.start("number")
    prefix = match.group("prefix")
    if prefix:
        word_end = _PREFIX_WORD_ENDS.get(prefix[0], "")
        before = normal[start - 1] if start else ""
        if _ends_with(normal, number_start, _COMPARISONS_BEFORE):
            return None
        if (before and before in word_end) or qualifier is not _PREFIX_WORDS[prefix]:
            # 最近3次, 节约3万元: the word is no qualifier; 约300余人: 余 wins.
            start = number_start
            if qualifier is _PREFIX_WORDS[prefix]:
                qualifier = None
    left = start
    head = _head(normal, left)
    if head.endswith(_RANKS_BEFORE) or _ends_with(normal, left, _COMPARISONS_BEFORE):
        return None  # an ordinal or a rank (第10次, 排名前3名), a comparison (不超过10件)
    if head.endswith(("+", "-", "\u2212", "\u00b1", "/")):
        return None  # a signed change, a phone number, a fraction or a path
    if head.endswith(_RANGE_SIGNS) and head[:-1].rstrip(" \t")[-1:].isdigit():
        return None  # the end of a range (11—30件)
    measure = match.group("measure")
    if measure:
        rest = normal[match.end("measure") :]
        if match.group("suffix") is None and rest.startswith(_MEASURE_COMPOUNDS.get(measure, ())):
            return None  # 3人民币, 12部门: the measure word begins another word
        if rest.startswith(_NOT_COUNTED_AFTER):
            return None  # 共7个部分, 1.5个百分点
        if measure == "个" and rest.lstrip("多余半").startswith(_DURATION_NOUNS):
            return None  # 20个工作日, 3个多月
    else:
        nxt = normal[end : end + 1]
        if nxt and (_is_cjk(nxt) or nxt.isalnum() or nxt == "%"):
            return None  # 5万字, 3万平方米: a multiplier of a measure word we do not know
    if match.group("suffix") is None and normal[end:].lstrip(" \t").startswith(_COMPARISONS_AFTER):
        return None  # 10件以内
    try:
        quantity = _quantity_of(match, qualifier)
    except NumeralError:
        return None
    return quantity, start, end


def _is_cjk(ch: str) -> bool:
    return (
        "\u3400" <= ch <= "\u9fff"
        or "\uf900" <= ch <= "\ufaff"
        or "\U00020000" <= ch <= "\U0003134f"
    )


def find_quantities(text: str) -> list[FoundQuantity]:
    """Every count and amount written with Arabic digits and a measure word, in order.

    ``text[start:end]`` of each result is the verbatim figure with its qualifier and unit.
    What is *not* reported:

    * dates and years (``2015年``, ``2016年1月29日``, ``201911日``), document numbers
      (``\u30142019\u301560号``, ``第492号``), phone numbers, postcodes and addresses
      (``161号722室``): 年/月/日/号/室 are no measure words, and digits joined by ``-`` are skipped;
    * URLs and e-mail addresses; percentages (``95%``, ``1.5个百分点``);
    * ordinals (``第10次``) and report-structure counts (``共6部分``, ``共7个部分``);
    * durations (``20个工作日``, ``3个月``) and the ends of ranges (``11—30件``);
    * figures bounded above or compared (``不超过10件``, ``不足100人``, ``10件以内``): this
      module has no qualifier for them, and reporting them as exact would be wrong;
    * numbers inside identifiers (``A3``, ``12345热线``), signed changes (``-417``), and a
      thousands-grouped number whose commas are the full-width Chinese ``，``;
    * figures in Chinese numerals (``三件``) — out of scope.

    A multiplier with no measure word after it (``投入资金58.5万,``) is reported with the unit
    ``万`` when punctuation, a space or the end of the text follows it; before another
    character (``5万字``) the measure is unknown and nothing is reported.

    >>> text = "城乡低保对象121702户174131人,共计发放资金36581.5万元;已投入资金58.5万,"
    >>> [f.text for f in find_quantities(text)]
    ['121702户', '174131人', '36581.5万元', '58.5万']
    >>> [f.quantity.unit for f in find_quantities(text)]
    ['户', '人', '万元', '万']
    >>> [f.text for f in find_quantities("第10次位列第一,报告共7个部分,占49.9%,电话:0532-85912121")]
    []
    """
    _require_str(text, "find_quantities")
    normal, index = _normalise_with_map(text)
    normal = _mask_urls(normal)
    found: list[FoundQuantity] = []
    for match in _QUANTITY_RE.finditer(normal):
        reading = _read(normal, match)
        if reading is None:
            continue
        quantity, start, end = reading
        if "," in match.group("number"):
            commas = [
                index[match.start("number") + i]
                for i, ch in enumerate(match.group("number"))
                if ch == ","
            ]
            if any(text[i] != "," for i in commas):
                continue
        o_start, o_end = index[start], index[end - 1] + 1
        found.append(FoundQuantity(quantity, o_start, o_end, text[o_start:o_end]))
    return found
