"""Chinese numerals to and from ``int``: :func:`to_int`, :func:`from_int`, :data:`MAX_NUMERAL`.

Also the explicit path for numerals written digit by digit, as years are printed
(:func:`digits_to_int`), which :func:`to_int` refuses.
"""

from __future__ import annotations

import itertools
from typing import Final

from govdisclosure.errors import NumeralError, WrongTypeError, safe_repr
from govdisclosure.numerals._text import whole

__all__ = ["MAX_NUMERAL", "digits_to_int", "from_int", "to_int"]

#: The largest number :func:`to_int` reads and :func:`from_int` writes (10**16 - 1).
MAX_NUMERAL: Final = 10**16 - 1

_DIGITS: Final = "零一二三四五六七八九"
_FINANCIAL: Final = str.maketrans("一二三四五六七八九十百千", "壹贰叁肆伍陆柒捌玖拾佰仟")

# Characters of the two scripts; 零 万 亿 (and 萬 億) belong to both.
_ORDINARY_ONLY: Final = frozenset("\u3007一二三四五六七八九十百千两")
_FINANCIAL_ONLY: Final = frozenset("壹贰貳叁參肆伍陆陸柒捌玖拾佰仟")
_SHARED: Final = frozenset("零万亿萬億")
NUMERAL_CHARS: Final = _ORDINARY_ONLY | _FINANCIAL_ONLY | _SHARED

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
    """Read a normalised numeral without checking its form (the caller checks).

    Linear in the length: a value beyond :data:`MAX_NUMERAL` is returned as
    ``MAX_NUMERAL + 1`` as soon as the running value passes it.
    """
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
        if total + wan > MAX_NUMERAL:
            # The running value never decreases: stop before "一亿亿亿…" builds a huge int.
            return MAX_NUMERAL + 1
    return total + wan + section + (digit or 0) + extra


def _ordinary(s: str, text: str) -> str:
    """The ordinary simplified form of a stripped numeral ``s``, or NumeralError on its chars.

    Every check here is one pass over ``s``; ``text`` (as given) is quoted in the messages.
    """
    for i, ch in enumerate(s):
        if ch not in NUMERAL_CHARS:
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
    return n


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
    govdisclosure.errors.NumeralError: '一二三' is a digit-by-digit reading, not a number: ...
    """
    s = whole(text, "to_int")
    if not s:
        raise NumeralError(f"expected a Chinese numeral, got {text!r}")
    n = _ordinary(s, text)
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
    govdisclosure.errors.NumeralError: from_int expects 0 <= n <= 10**16 - 1, got -1
    """
    if isinstance(n, bool) or not isinstance(n, int):
        raise WrongTypeError(f"from_int expects an int, got {type(n).__name__} {safe_repr(n)}")
    if not 0 <= n <= MAX_NUMERAL:
        raise NumeralError(f"from_int expects 0 <= n <= 10**16 - 1, got {safe_repr(n)}")
    standard = _standard(n)
    if not financial:
        return standard
    if standard.startswith("十"):
        standard = "一" + standard
    return standard.translate(_FINANCIAL)


# --------------------------------------------------------------------------------------------
# Digit by digit (years, dates)
# --------------------------------------------------------------------------------------------

#: The digits of a numeral written digit by digit; U+3007, 零 and ○ (U+25CB, a white circle,
#: a common stand-in for U+3007) are all zero.
_DIGIT_BY_DIGIT: Final = {"\u3007": 0, "零": 0, "\u25cb": 0} | {
    ch: i for i, ch in enumerate(_DIGITS) if i
}

#: The longest numeral digits_to_int reads: MAX_NUMERAL has 16 digits.
_MAX_DIGIT_RUN: Final = 16


def digits_to_int(text: str) -> int:
    """Read a Chinese numeral written digit by digit, as years are printed: ``二\u3007二四`` → 2024.

    Every character is one digit: ``一二三四五六七八九``, and ``\u3007``, ``零`` or ``○`` for zero
    (after NFKC, ignoring surrounding white space), at most 16 of them. This is the explicit
    path for the readings :func:`to_int` refuses; units (十百千万亿), 大写 digits and Arabic
    digits are :class:`~govdisclosure.errors.NumeralError` here.

    >>> digits_to_int("二\u3007二四"), digits_to_int("二零一六"), digits_to_int("二○○八")
    (2024, 2016, 2008)
    >>> digits_to_int("\u3007七")
    7
    >>> digits_to_int("二千零二十四")
    Traceback (most recent call last):
    ...
    govdisclosure.errors.NumeralError: '二千零二十四' is not a numeral written digit by digit: ...
    """
    s = whole(text, "digits_to_int")
    expected = (
        "expected only the digits 一二三四五六七八九 and \u3007 (or 零, ○) for zero, as years "
        "are printed: '二\u3007二四'"
    )
    if not s:
        raise NumeralError(f"expected a numeral written digit by digit, got {text!r}; {expected}")
    for i, ch in enumerate(s):
        if ch not in _DIGIT_BY_DIGIT:
            raise NumeralError(
                f"{text!r} is not a numeral written digit by digit: unexpected {ch!r} at "
                f"position {i}; {expected}"
            )
    if len(s) > _MAX_DIGIT_RUN:
        raise NumeralError(
            f"{text!r} has {len(s)} digits: numerals written digit by digit are read up to "
            f"{_MAX_DIGIT_RUN} digits"
        )
    value = 0
    for ch in s:
        value = value * 10 + _DIGIT_BY_DIGIT[ch]
    return value
