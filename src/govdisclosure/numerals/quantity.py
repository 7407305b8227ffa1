"""Quantities as prose prints them (300余条, 约1630万元): :class:`Quantity`, :class:`Qualifier`.

:func:`parse_quantity` reads text that is exactly one quantity; the finder
(:func:`govdisclosure.numerals.find_quantities`) uses the same pattern to find them in prose.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Final

import attrs

from govdisclosure.errors import NumeralError, WrongTypeError, safe_repr
from govdisclosure.money import Amount, MoneyUnit, _exponent, exact_context
from govdisclosure.numerals._text import whole
from govdisclosure.numerals._words import MEASURE_WORDS, PREFIX_WORDS
from govdisclosure.numerals.chinese import to_int

__all__ = ["Qualifier", "Quantity", "parse_quantity"]

#: Every Decimal operation here runs in this context: Inexact and Rounded trap, so nothing
#: rounds, and the caller's context plays no part.
_CTX: Final = exact_context()

#: A Quantity's value holds at most this many digits, so _CTX is always exact for it.
_MAX_DIGITS: Final = 40


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
_PREFIX_WORDS: Final[dict[str, Qualifier]] = {w: Qualifier(q) for w, q in PREFIX_WORDS.items()}

_MULTIPLIERS: Final = {"万": 4, "亿": 8}
_MONEYUNITS: Final = frozenset({"元", "万元", "亿元"})
UNITS: Final = frozenset(
    {"万", "亿"}
    | set(MEASURE_WORDS)
    | {m + measure for m in _MULTIPLIERS for measure in MEASURE_WORDS}
)
"""Every unit a :class:`Quantity` may carry: a measure word, optionally after 万 or 亿, or a
bare 万/亿."""


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


_SP: Final = r"[ \t]*"
#: The characters of a Chinese count: ordinary digits and units, 两 and 零 (not 大写).
_CN_RUN: Final = "零\u3007一二三四五六七八九十百千万亿两"
_NUMBER: Final = (
    r"(?<![0-9A-Za-z.])(?<![0-9],)"
    r"(?P<number>(?:[1-9][0-9]{0,2}(?:,[0-9]{3})+|[1-9][0-9]*|0)(?:\.[0-9]+)?)(?![0-9])"
)
#: A Chinese numeral as counts print it (两, 十二, 一百零五, 两万): ordinary characters only;
#: to_int decides whether the run is a well-formed numeral. Never inside a longer run of
#: numeral characters or right after a digit or point (1.5万 is the digits' business); after
#: a comma it may start (NFKC reads the Chinese ，as ,).
_CN_NUMBER: Final = rf"(?<![0-9.{_CN_RUN}])(?P<number>[{_CN_RUN}]+)"


def _quantity_pattern(number: str) -> str:
    """The pattern of a quantity around ``number`` (one spelling of the figure itself).

    Each optional part starts with its own word, so no two runs of white space compete for
    the same characters and a failed match backtracks over each run once: linear.
    """
    return "".join(
        [
            rf"(?:(?P<prefix>{_alternation(_PREFIX_WORDS)}){_SP})?",
            number,
            rf"(?:{_SP}(?P<q1>[余多]))?",  # 300余条, 300余万元
            rf"(?:{_SP}(?P<mult>[万亿]))?",
            rf"(?:{_SP}(?P<q2>[余多]))?",  # 6.1万余次
            rf"(?:{_SP}(?P<measure>{_alternation(MEASURE_WORDS)}))?",
            rf"(?:{_SP}(?P<suffix>以上|左右))?",
        ]
    )


_QUANTITY_RE: Final = re.compile(_quantity_pattern(_NUMBER))
_CN_QUANTITY_RE: Final = re.compile(_quantity_pattern(_CN_NUMBER))


def _value_of(value: Decimal | int | str) -> Decimal:
    """The attrs converter of Quantity.value: exact, finite, unsigned, exponent <= 0."""
    if isinstance(value, Decimal):  # the common case, checked with one as_tuple()
        sign, digits, exponent = value.as_tuple()
        exact = isinstance(exponent, int) and exponent <= 0
        if not sign and exact and len(digits) <= _MAX_DIGITS:
            return value
    if isinstance(value, bool) or not isinstance(value, (Decimal, int, str)):
        raise WrongTypeError(
            f"Quantity value must be a Decimal, int or str, got {type(value).__name__} "
            f"{safe_repr(value)}; floats are refused (pass Decimal('6.1'))"
        )
    if isinstance(value, str):
        if re.fullmatch(r"[0-9]+(?:\.[0-9]+)?", value) is None:
            raise NumeralError(
                "Quantity value must be digits with an optional decimal part, "
                f"got {safe_repr(value)}"
            )
        value = Decimal(value)
    elif isinstance(value, int):
        value = Decimal(value)
    if not value.is_finite() or value.is_signed():
        raise NumeralError(f"Quantity value must be a finite number >= 0, got {safe_repr(value)}")
    if len(value.as_tuple().digits) + max(_exponent(value), 0) > _MAX_DIGITS:
        raise NumeralError(f"Quantity value has more than {_MAX_DIGITS} digits: {safe_repr(value)}")
    if _exponent(value) > 0:
        value = value.quantize(Decimal(1), context=_CTX)
    return value


def _decimal_key(value: Decimal) -> tuple[object, ...]:
    # Decimal("6.1") and Decimal("6.10") are printed differently and admit different ranges.
    return tuple(value.as_tuple())


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
        if not isinstance(self.unit, str) or self.unit not in UNITS:
            raise NumeralError(
                f"Quantity unit must be a measure word from MEASURE_WORDS, optionally after "
                f"万 or 亿 (条, 万次, 元, 万元, 万), got {safe_repr(self.unit)}"
            )
        if self.qualifier is not None:
            if not isinstance(self.qualifier, Qualifier):
                raise WrongTypeError(
                    "Quantity qualifier must be a Qualifier or None, "
                    f"got {safe_repr(self.qualifier)}"
                )
            if self.value.is_zero():
                raise NumeralError(
                    f"a qualified quantity must be above zero, got {safe_repr(self.value)} with "
                    f"{safe_repr(self.qualifier.value)}"
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
        return self.unit in _MONEYUNITS

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
        govdisclosure.errors.NumeralError: '300余条' is a count in '条', not money: ...
        """
        if not self.is_money:
            raise NumeralError(
                f"{str(self)!r} is a count in {self.unit!r}, not money: only quantities in "
                "元, 万元 or 亿元 have an amount"
            )
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
            raise WrongTypeError(
                f"admits expects an int or Decimal, got {type(x).__name__} {safe_repr(x)}"
            )
        if isinstance(x, Decimal) and not x.is_finite():
            raise NumeralError(f"admits expects a finite number, got {safe_repr(x)}")
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
    """The Quantity a match spells (Arabic digits, or a Chinese numeral read by to_int)."""
    number = match.group("number").replace(",", "")
    unit = (match.group("mult") or "") + (match.group("measure") or "")
    if not number.isascii():
        return Quantity(Decimal(to_int(number)), unit, qualifier)
    if len(number.replace(".", "").lstrip("0")) > _MAX_DIGITS:  # before Decimal(): linear
        raise NumeralError(f"Quantity value has more than {_MAX_DIGITS} digits: {number!r}")
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
    govdisclosure.errors.NumeralError: expected exactly one quantity such as ... found '2015年'
    """
    s = whole(text, "parse_quantity")
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
