"""Ordinals of headings (一、 (一) 1. 1、), both ways: :class:`Ordinal`, :class:`OrdinalStyle`."""

from __future__ import annotations

import enum
import re
from typing import Final

import attrs

from govdisclosure.errors import NumeralError, WrongTypeError, require_str, safe_repr
from govdisclosure.numerals._text import normalise_with_map, whole
from govdisclosure.numerals.chinese import NUMERAL_CHARS, from_int, to_int

__all__ = [
    "MAX_ORDINAL",
    "Ordinal",
    "OrdinalStyle",
    "format_ordinal",
    "parse_ordinal",
    "split_ordinal",
]

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
        raise WrongTypeError(
            f"{what} expects an int ordinal value, got {type(value).__name__} {safe_repr(value)}"
        )
    if not 1 <= value <= MAX_ORDINAL:
        raise NumeralError(
            f"{what} expects an ordinal from 1 to {MAX_ORDINAL}, got {safe_repr(value)}"
        )
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
            raise WrongTypeError(
                f"Ordinal style must be an OrdinalStyle, got {safe_repr(self.style)}"
            )

    def format(self, *, fullwidth: bool = False) -> str:
        """This ordinal as text; see :func:`format_ordinal`.

        >>> Ordinal(2, OrdinalStyle.ARABIC_DOT).format(fullwidth=True) == "2\uff0e"
        True
        """
        return format_ordinal(self.value, self.style, fullwidth=fullwidth)

    def __str__(self) -> str:
        return format_ordinal(self.value, self.style)


_CN_CLASS: Final = "".join(sorted(NUMERAL_CHARS))
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
        if len(digits) > len(str(MAX_ORDINAL)):  # before int(): "1" * 4301 is no int
            raise NumeralError(
                f"an ordinal runs from 1 to {MAX_ORDINAL}, found {len(digits)} digits"
            )
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
    govdisclosure.errors.NumeralError: expected exactly one ordinal such as ... found '一是'
    """
    s = whole(text, "parse_ordinal")
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
    require_str(text, "split_ordinal")
    lead = len(text) - len(text.lstrip())
    if len(text) - lead > 2 * _WINDOW:
        # A heading's ordinal is short: read a window at the start, not the whole page.
        found = _split(text, lead + _WINDOW)
        if not isinstance(found, _Undecided):
            return found
    found = _split(text, len(text))
    assert not isinstance(found, _Undecided)  # the whole text always decides
    return found


#: How many characters after the leading white space split_ordinal reads first. Every valid
#: ordinal is far shorter; the one that may be longer, "(" and many spaces, is read in full.
_WINDOW: Final = 128


class _Undecided(enum.Enum):
    """_split's answer when a window of the text cannot decide."""

    UNDECIDED = "undecided"


def _split(text: str, stop: int) -> tuple[Ordinal, str] | _Undecided | None:
    """split_ordinal on ``text[:stop]``, or _UNDECIDED if the rest of the text could matter."""
    window = stop < len(text)
    normal, index = normalise_with_map(text[:stop])
    offset = len(normal) - len(normal.lstrip())
    match = _ORDINAL_RE.match(normal, offset)
    if window and (
        len(normal) - offset < _WINDOW // 2
        or (match is None and normal.startswith("(", offset))
        or (match is not None and match.end() >= len(normal) - 1)
    ):
        return _Undecided.UNDECIDED
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
    raise WrongTypeError(f"format_ordinal expects an OrdinalStyle, got {safe_repr(style)}")


_ROMAN: Final = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def roman(n: int) -> str:
    """``n`` in upper-case Roman numerals; ``""`` for ``n < 1`` (Roman has no zero).

    The English ordinals of :mod:`govdisclosure.fmt` and Word's ``upperRoman`` counters.

    >>> [roman(n) for n in (1, 4, 14, 1999, 0)]
    ['I', 'IV', 'XIV', 'MCMXCIX', '']
    """
    out = []
    for value, letters in _ROMAN:
        count, n = divmod(max(n, 0), value)
        out.append(letters * count)
    return "".join(out)
