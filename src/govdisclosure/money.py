"""Exact amounts of money in 元, 万元 and 亿元, with their printed precision.

An :class:`Amount` is a :class:`~decimal.Decimal` and a :class:`MoneyUnit`. The Decimal's
exponent *is* the printed precision and is kept: ``20.30万元`` was printed with two decimals,
so it stands for anything from 202 950 元 to 203 050 元, while ``20.3万元`` stands for
202 500 元 to 203 500 元. The two are equal as numbers, but print differently:

>>> a = Amount("20.30", MoneyUnit.WAN_YUAN)
>>> b = Amount.parse("20.3万元")
>>> a == b
True
>>> print(a, b)
20.30万元 20.3万元
>>> a.decimals, b.decimals
(2, 1)
>>> a.interval()
(Decimal('202950'), Decimal('203050'))

Arithmetic is exact and never depends on the ambient :func:`decimal.getcontext` (which the
caller, or babel, may have changed): every operation runs in a private context and either
gives the exact result or raises.

>>> import decimal
>>> with decimal.localcontext(prec=3):
...     print(Amount("36581.5", MoneyUnit.WAN_YUAN) + Amount("1619106", MoneyUnit.YUAN))
367434106元

Floats are refused, because a float cannot say how many decimals were printed:

>>> Amount(20.3, MoneyUnit.WAN_YUAN)
Traceback (most recent call last):
...
govdisclosure.errors.WrongTypeError: Amount value must not be a float (got 20.3): ...

Rounding only happens when asked for, and is 四舍五入 (``ROUND_HALF_UP``) unless the caller
says otherwise:

>>> Amount("2.345", MoneyUnit.YUAN).round(2)
Amount('2.35', MoneyUnit.YUAN)
"""

from __future__ import annotations

import decimal
import enum
import re
import unicodedata
from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction
from typing import overload

import attrs

from govdisclosure.errors import MoneyError, WrongTypeError, require_str, safe_repr

__all__ = ["Amount", "MoneyUnit", "exact_context", "round_decimal"]

# --------------------------------------------------------------------------------------------
# The private decimal context
# --------------------------------------------------------------------------------------------

#: Significant digits available to every operation. Each Amount holds at most this many
#: digits and decimal places; an exact result that would need more raises MoneyError
#: instead of being rounded. (No report comes near: this only stops runaway inputs.)
_PREC = 200
_INT_LIMIT = 10**_PREC

#: The most digits round_decimal keeps (before and after the point): Amounts hold 200, bare
#: Decimals (counts, for formatting) may be longer.
_MAX_ROUNDED = 1_000_000

_ALWAYS_TRAPPED = [
    decimal.InvalidOperation,
    decimal.DivisionByZero,
    decimal.Overflow,
    decimal.Underflow,
    decimal.FloatOperation,
]


def decimal_context(prec: int, traps: Iterable[type[decimal.DecimalException]]) -> decimal.Context:
    """A decimal context of the one shape the library computes in: ``prec`` digits,
    ``ROUND_HALF_UP`` for the explicit roundings, the widest exponent range, no flags, and
    ``traps`` trapped. :func:`exact_context` is one; :mod:`govdisclosure.fmt` formats in
    another, wider one.

    >>> ctx = decimal_context(10, [decimal.Inexact])
    >>> ctx.prec, ctx.rounding, ctx.Emax == decimal.MAX_EMAX, ctx.traps[decimal.Inexact]
    (10, 'ROUND_HALF_UP', True, True)
    """
    return decimal.Context(
        prec=prec,
        rounding=decimal.ROUND_HALF_UP,
        Emax=decimal.MAX_EMAX,
        Emin=decimal.MIN_EMIN,
        capitals=1,
        clamp=0,
        flags=[],
        traps=list(traps),
    )


def _context(*traps: type[decimal.DecimalException]) -> decimal.Context:
    return decimal_context(_PREC, [*_ALWAYS_TRAPPED, *traps])


def exact_context() -> decimal.Context:
    """A new decimal context for exact arithmetic: any rounding at all raises.

    The one definition of "exact" in the library (money, numerals, and the rules use it):
    precision 200, the widest exponent range, ``ROUND_HALF_UP`` for the explicit roundings
    that pass a mode, and every signal trapped — ``Inexact``, ``Rounded`` (even dropping
    trailing zeros), ``Subnormal``, ``Clamped``, ``Overflow``, ``InvalidOperation``,
    ``DivisionByZero`` and ``FloatOperation`` — so an operation gives the exact result or
    raises a :class:`decimal.DecimalException`. Pass it as ``context=`` (or call its
    methods: ``ctx.add(a, b)``); never install it with :func:`decimal.setcontext`, and keep one
    per module (``_CTX = exact_context()``) rather than sharing one between modules.

    >>> ctx = exact_context()
    >>> ctx.add(Decimal("0.1"), Decimal("0.20"))
    Decimal('0.30')
    >>> ctx.divide(Decimal(1), Decimal(3))
    Traceback (most recent call last):
    ...
    decimal.Inexact: [<class 'decimal.Inexact'>, ...]
    """
    return _context(decimal.Subnormal, decimal.Clamped, decimal.Inexact, decimal.Rounded)


#: Exact arithmetic: any rounding at all (Inexact, or Rounded dropping trailing zeros) traps.
_EXACT = exact_context()

#: Explicit rounding (``quantize`` with a rounding mode the caller chose): Inexact is expected.
_ROUNDING = _context()

_ONE = Decimal(1)

_ROUNDING_MODES = frozenset(
    {
        decimal.ROUND_UP,
        decimal.ROUND_DOWN,
        decimal.ROUND_CEILING,
        decimal.ROUND_FLOOR,
        decimal.ROUND_HALF_UP,
        decimal.ROUND_HALF_DOWN,
        decimal.ROUND_HALF_EVEN,
        decimal.ROUND_05UP,
    }
)


def _too_big(what: str) -> MoneyError:
    return MoneyError(f"{what} needs more than {_PREC} significant digits to be held exactly")


def _exponent(d: Decimal) -> int:
    exponent = d.as_tuple().exponent
    if not isinstance(exponent, int):  # pragma: no cover - only finite Decimals get here
        raise MoneyError(f"expected a finite Decimal, got {safe_repr(d)}")
    return exponent


def _normalised(d: Decimal, what: str) -> Decimal:
    """Turn a positive exponent into exponent 0 and -0 into 0; keep everything else."""
    try:
        if _exponent(d) > 0:
            d = d.quantize(_ONE, context=_EXACT)
    except decimal.DecimalException:
        raise _too_big(what) from None
    if d.is_zero() and d.is_signed():
        d = d.copy_abs()
    if len(d.as_tuple().digits) > _PREC:
        raise _too_big(what)
    if _exponent(d) < -_PREC:
        raise MoneyError(f"{what} has more than {_PREC} decimal places")
    return d


def _coefficient(d: Decimal) -> int:
    """The signed integer coefficient of a finite Decimal (its value without the exponent)."""
    t = d.as_tuple()
    return int(Decimal((t.sign, t.digits, 0)))


def _scaleb(d: Decimal, places: int, what: str) -> Decimal:
    try:
        return _normalised(d.scaleb(places, _EXACT), what)
    except decimal.DecimalException:
        raise _too_big(what) from None


#: Exact arithmetic on what an Amount derives (its value in 元, its interval), which may need
#: a few digits more than the Amount itself holds: 200 digits in 亿元 are 208 in 元.
_WIDE = exact_context()
_WIDE.prec = 2 * _PREC


def _in_yuan(d: Decimal, places: int) -> Decimal:
    """d * 10**places, exact, a positive exponent made 0 and -0 made 0 (no size limit).

    Only for values derived from a valid Amount, which always fit _WIDE.
    """
    result = d.scaleb(places, _WIDE)
    if _exponent(result) > 0:
        result = result.quantize(_ONE, context=_WIDE)
    if result.is_zero() and result.is_signed():
        result = result.copy_abs()
    return result


def _check_rounding(rounding: str) -> None:
    if rounding not in _ROUNDING_MODES:
        raise MoneyError(
            f"unknown rounding mode {safe_repr(rounding)}: expected one of the decimal module's "
            "ROUND_* constants, e.g. decimal.ROUND_HALF_UP"
        )


def _check_places(places: object) -> None:
    if isinstance(places, bool) or not isinstance(places, int):
        raise WrongTypeError(f"places must be an int, got {safe_repr(places)}")
    if not 0 <= places <= _PREC:
        raise MoneyError(f"places must be between 0 and {_PREC}, got {safe_repr(places)}")


def round_decimal(value: Decimal, places: int, *, rounding: str = decimal.ROUND_HALF_UP) -> Decimal:
    """``value`` rounded (or padded) to exactly ``places`` decimals; 四舍五入 by default.

    The one rounding of the library: :meth:`Amount.round` and :mod:`govdisclosure.fmt` use
    it. The ambient decimal context plays no part.

    >>> round_decimal(Decimal("2.345"), 2), round_decimal(Decimal("2.5"), 0)
    (Decimal('2.35'), Decimal('3'))
    >>> round_decimal(Decimal("2.5"), 0, rounding=decimal.ROUND_HALF_EVEN)
    Decimal('2')
    """
    _check_places(places)
    _check_rounding(rounding)
    try:
        target = _ONE.scaleb(-places, _EXACT)
        return value.quantize(target, rounding=rounding, context=_rounding_for(value, places))
    except decimal.DecimalException:
        raise _too_big(f"{value} rounded to {places} places") from None


def _rounding_for(value: Decimal, places: int) -> decimal.Context:
    """_ROUNDING, or a copy wide enough for the digits ``value`` keeps at ``places``.

    An Amount never needs more than _ROUNDING's 200 digits; a bare Decimal (a count printed
    by :mod:`govdisclosure.fmt`) may have up to _MAX_ROUNDED digits.
    """
    t = value.as_tuple()
    if not isinstance(t.exponent, int):
        return _ROUNDING
    needed = max(len(t.digits) + t.exponent, 1) + places
    if needed <= _PREC:
        return _ROUNDING
    if needed > _MAX_ROUNDED:
        raise _too_big(f"a number of {needed} digits rounded to {places} places")
    wide = _ROUNDING.copy()
    wide.prec = needed
    return wide


def _terminates(ratio: Fraction) -> bool:
    """Whether a fraction has a finite decimal expansion (its denominator is 2^i·5^j)."""
    den = ratio.denominator
    for p in (2, 5):
        while den % p == 0:
            den //= p
    return den == 1


def _round_ratio(ratio: Fraction, places: int, rounding: str) -> Decimal:
    """Round an exact fraction to ``places`` decimals with one, correct rounding step.

    The integer quotient is kept exactly; the discarded remainder is replaced by a sticky
    tail (.25, .5 or .75) that tells ``quantize`` whether it was below, at or above one half.
    """
    scaled_num = abs(ratio.numerator) * 10**places
    whole, rest = divmod(scaled_num, ratio.denominator)
    if rest == 0:
        tail = 0
    elif 2 * rest < ratio.denominator:
        tail = 25
    elif 2 * rest == ratio.denominator:
        tail = 50
    else:
        tail = 75
    try:
        sticky = Decimal(whole * 100 + tail).scaleb(-2, _EXACT)
        if ratio < 0:
            sticky = sticky.copy_negate()
        rounded = sticky.quantize(_ONE, rounding=rounding, context=_ROUNDING)
        return rounded.scaleb(-places, _EXACT)
    except decimal.DecimalException:
        raise _too_big("the rounded quotient") from None


def _exact_quotient(dividend: Decimal, divisor: Decimal, what: str) -> Decimal | None:
    """The exact quotient with its natural exponent, or None if it does not terminate.

    Powers of ten never affect termination, so only the coefficients are compared.
    """
    if not _terminates(Fraction(_coefficient(dividend), _coefficient(divisor))):
        return None
    try:
        return _EXACT.divide(dividend, divisor)
    except decimal.DecimalException:
        raise _too_big(what) from None


# --------------------------------------------------------------------------------------------
# MoneyUnit
# --------------------------------------------------------------------------------------------


class MoneyUnit(enum.Enum):
    """A unit of money in reports: 元, 万元 (10⁴ 元) or 亿元 (10⁸ 元).

    The member's value is its printed label.

    >>> MoneyUnit.WAN_YUAN.value
    '万元'
    >>> MoneyUnit("亿元")
    <MoneyUnit.YI_YUAN: '亿元'>
    """

    YUAN = "元"
    WAN_YUAN = "万元"
    YI_YUAN = "亿元"

    @property
    def exponent(self) -> int:
        """The power of ten: one unit is ``10 ** exponent`` 元.

        >>> [u.exponent for u in MoneyUnit]
        [0, 4, 8]
        """
        return _UNIT_EXPONENTS[self.name]

    @property
    def factor(self) -> Decimal:
        """The exact number of 元 in one unit.

        >>> MoneyUnit.WAN_YUAN.factor
        Decimal('10000')
        >>> MoneyUnit.YI_YUAN.factor
        Decimal('100000000')
        """
        return Decimal(10**self.exponent)

    @classmethod
    def from_label(cls, text: str) -> MoneyUnit:
        """The unit printed as ``text`` (after NFKC normalisation, white space dropped).

        >>> MoneyUnit.from_label(" 万 元")
        <MoneyUnit.WAN_YUAN: '万元'>
        >>> MoneyUnit.from_label("万")
        Traceback (most recent call last):
        ...
        govdisclosure.errors.MoneyError: unknown money unit '万': expected one of '元', '万元', ...
        """
        label = "".join(
            unicodedata.normalize("NFKC", require_str(text, "MoneyUnit.from_label")).split()
        )
        for unit in cls:
            if unit.value == label:
                return unit
        expected = ", ".join(repr(u.value) for u in cls)
        raise MoneyError(f"unknown money unit {safe_repr(text)}: expected one of {expected}")


_UNIT_EXPONENTS: dict[str, int] = {"YUAN": 0, "WAN_YUAN": 4, "YI_YUAN": 8}


# --------------------------------------------------------------------------------------------
# Amount
# --------------------------------------------------------------------------------------------

_PLAIN_LITERAL = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?", re.ASCII)

# After NFKC and strip(): an optional sign, an optional ¥ / 人民币 prefix, the number
# (thousands separators only in groups of three), an optional unit. White space only between
# the parts, and only right after a part that is present: no two runs of white space are
# adjacent, so a failed match backtracks over each run once and parse is linear in the text.
_PRINTED = re.compile(
    r"""
    (?:(?P<sign1>[-+\u2212])\s*)?
    (?:(?P<prefix>人民币|\u00a5)\s*)?
    (?:(?P<sign2>[-+\u2212])\s*)?
    (?P<number>[1-9][0-9]{0,2}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)
    (?:\s*(?P<unit>元|万\s*元|亿\s*元))?
    """,
    re.VERBOSE,
)

_FORMAT_SPEC = re.compile(
    r"(?:(?P<fill>.)?(?P<align>[<>^]))?(?P<sign>[-+ ])?(?P<width>[1-9][0-9]*)?"
    r"(?P<grouping>[,_])?(?:\.(?P<precision>[0-9]+))?(?P<type>[fF])?",
    re.DOTALL,
)

#: The widest ``format(amount, ">N")`` pads to: a wider spec is a mistake, not a layout.
_MAX_WIDTH = 10_000

_PRINTED_EXAMPLES = "'36581.5万元', '1,619,106 元', '¥1,234.50' or '人民币3.2亿元'"


def _to_decimal(value: Decimal | int | str) -> Decimal:
    """The converter of ``Amount.value``: exact, strict, and normalised."""
    if isinstance(value, bool):
        raise WrongTypeError(
            f"Amount value must be a Decimal, int or str, not a bool (got {safe_repr(value)})"
        )
    if isinstance(value, float):
        raise WrongTypeError(
            f"Amount value must not be a float (got {safe_repr(value)}): a float cannot keep the "
            "printed precision; pass a str or Decimal instead, e.g. "
            f"Amount('{safe_repr(value)}', MoneyUnit.WAN_YUAN)"
        )
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise MoneyError(f"Amount value must be a finite number, got {safe_repr(value)}")
        number = Decimal(value)
    elif isinstance(value, int):
        if not -_INT_LIMIT < value < _INT_LIMIT:
            raise _too_big("the Amount value (an int)")
        number = Decimal(value)
    elif isinstance(value, str):
        if not _PLAIN_LITERAL.fullmatch(value):
            raise MoneyError(
                f"cannot use {safe_repr(value)} as an Amount value: expected a plain decimal "
                "literal such as '20.30', '-5' or '1619106' (use Amount.parse for printed forms "
                "such as '36581.5万元')"
            )
        number = Decimal(value)
    else:
        raise WrongTypeError(
            f"Amount value must be a Decimal, int or str, not {type(value).__name__} "
            f"(got {safe_repr(value)})"
        )
    return _normalised(number, f"the Amount value {safe_repr(value)}")


def _check_unit(unit: object) -> None:
    if not isinstance(unit, MoneyUnit):
        raise WrongTypeError(
            f"Amount unit must be a MoneyUnit such as MoneyUnit.WAN_YUAN, got {safe_repr(unit)}"
            + (
                f"; use MoneyUnit.from_label({safe_repr(unit)}) to read a label"
                if isinstance(unit, str)
                else ""
            )
        )


def _as_amount(item: object, where: str) -> Amount:
    if not isinstance(item, Amount):
        raise WrongTypeError(f"{where} must be an Amount, got {safe_repr(item)}")
    return item


def _as_factor(other: object, operation: str) -> Decimal | None:
    """An int or finite Decimal operand as a Decimal; None for types to leave to Python."""
    if isinstance(other, bool | float | Amount):
        what = (
            "an Amount"
            if isinstance(other, Amount)
            else f"{type(other).__name__} {safe_repr(other)}"
        )
        raise WrongTypeError(
            f"cannot {operation} an Amount by {what}: use an int or a Decimal"
            + (
                " (a str or Decimal keeps the precision of a float)"
                if isinstance(other, float)
                else ""
            )
        )
    if isinstance(other, int):
        if not -_INT_LIMIT < other < _INT_LIMIT:
            raise _too_big(f"an int to {operation} an Amount by")
        return Decimal(other)
    if isinstance(other, Decimal):
        if not other.is_finite():
            raise MoneyError(
                f"cannot {operation} an Amount by {safe_repr(other)}: not a finite number"
            )
        if len(other.as_tuple().digits) > _PREC or not -_PREC <= _exponent(other) <= _PREC:
            raise MoneyError(
                f"cannot {operation} an Amount by {safe_repr(other)}: a factor may have at most "
                f"{_PREC} digits and an exponent between -{_PREC} and {_PREC}"
            )
        return other
    return None


def _refuse_bare_number(other: object, symbol: str, amount: Amount) -> None:
    if isinstance(other, int | float | Decimal | Fraction):
        starts_sum = symbol == "+" and not isinstance(other, float) and other == 0
        hint = "; sum() starts from 0, so use Amount.total(amounts)" if starts_sum else ""
        raise WrongTypeError(
            f"unsupported operand for {symbol}: an Amount ({amount}) and a bare number "
            f"{safe_repr(other)}: both sides need a unit{hint}"
        )


@attrs.frozen(slots=True, eq=False, order=False, repr=False)
class Amount:
    """An exact amount of money as printed: a Decimal value and a :class:`MoneyUnit`.

    ``value`` accepts a :class:`~decimal.Decimal`, an ``int`` or a plain decimal literal
    ``str``; its exponent is the printed precision and is kept. Only a positive exponent
    (``Decimal("1E+3")``) is normalised, to exponent 0, and ``-0`` to ``0``.

    >>> Amount("20.30", MoneyUnit.WAN_YUAN)
    Amount('20.30', MoneyUnit.WAN_YUAN)
    >>> Amount(Decimal("1E+3"), MoneyUnit.YUAN).value
    Decimal('1000')
    >>> Amount("-0.00", MoneyUnit.YUAN).value
    Decimal('0.00')

    Equality and order compare the value in 元, whatever the units and printed decimals:

    >>> Amount(1, MoneyUnit.WAN_YUAN) == Amount(10000, MoneyUnit.YUAN)
    True
    >>> Amount("1.0", MoneyUnit.YUAN) == Amount(1, MoneyUnit.YUAN)
    True
    >>> Amount(1, MoneyUnit.YUAN) == 1
    False
    """

    value: Decimal = attrs.field(converter=_to_decimal)
    unit: MoneyUnit

    def __attrs_post_init__(self) -> None:
        _check_unit(self.unit)

    # ---- reading ---------------------------------------------------------------------------

    @classmethod
    def parse(cls, text: str) -> Amount:
        """Read a printed amount: a number with 元/万元/亿元, or a ¥/人民币 prefix for 元.

        The text is NFKC-normalised first (full-width digits, commas and ￥); thousands
        separators must be in groups of three; the printed decimals are kept.

        >>> Amount.parse("36581.5万元")
        Amount('36581.5', MoneyUnit.WAN_YUAN)
        >>> Amount.parse("1,619,106 元")
        Amount('1619106', MoneyUnit.YUAN)
        >>> Amount.parse("￥1，234.50")
        Amount('1234.50', MoneyUnit.YUAN)
        >>> Amount.parse("人民币3.2亿元")
        Amount('3.2', MoneyUnit.YI_YUAN)
        >>> Amount.parse("58.5万")
        Traceback (most recent call last):
        ...
        govdisclosure.errors.MoneyError: cannot read '58.5万' ... 万 alone is a multiplier ...
        """
        require_str(text, "Amount.parse")
        normal = unicodedata.normalize("NFKC", text)
        match = _PRINTED.fullmatch(normal.strip())
        if match is None or (match["sign1"] and match["sign2"]):
            raise MoneyError(cls._parse_error(text, normal))
        label, prefix = match["unit"], match["prefix"]
        if label is None and prefix is None:
            raise MoneyError(cls._parse_error(text, normal))
        unit = MoneyUnit.YUAN if label is None else MoneyUnit.from_label(label)
        sign = match["sign1"] or match["sign2"] or ""
        number = match["number"].replace(",", "")
        return cls(("-" if sign in ("-", "\u2212") else "") + number, unit)

    @staticmethod
    def _parse_error(text: str, normal: str) -> str:
        message = (
            f"cannot read {safe_repr(text)} as an amount of money: expected a plain decimal number "
            "with a unit 元, 万元 or 亿元 (or a ¥/人民币 prefix for 元), such as "
            f"{_PRINTED_EXAMPLES}"
        )
        stripped = "".join(normal.split())
        if stripped.endswith(("万", "亿")):
            message += (
                f"; {stripped[-1]} alone is a multiplier (as in counts like '6.1万余次'), "
                f"not a unit of money: write {stripped[-1]}元"
            )
        return message

    # ---- derived values --------------------------------------------------------------------

    @property
    def yuan(self) -> Decimal:
        """The exact value in 元 (a positive exponent is normalised to 0).

        >>> Amount("36581.5", MoneyUnit.WAN_YUAN).yuan
        Decimal('365815000')
        >>> Amount("0.00015", MoneyUnit.WAN_YUAN).yuan
        Decimal('1.5')
        """
        if self.unit is MoneyUnit.YUAN:
            return self.value
        return _in_yuan(self.value, self.unit.exponent)

    @property
    def decimals(self) -> int:
        """The number of printed decimal places.

        >>> Amount("20.30", MoneyUnit.WAN_YUAN).decimals
        2
        >>> Amount(1619106, MoneyUnit.YUAN).decimals
        0
        """
        return -_exponent(self.value)

    @property
    def is_zero(self) -> bool:
        """Whether the amount is zero (there is deliberately no ``__bool__``).

        >>> Amount("0.00", MoneyUnit.WAN_YUAN).is_zero
        True
        """
        return self.value.is_zero()

    def interval(self) -> tuple[Decimal, Decimal]:
        """The closed range in 元 the printed figure stands for (XBRL Calculations 1.1).

        A figure printed with *d* decimals stands for value ± ½·10⁻ᵈ units.

        >>> Amount("20.30", MoneyUnit.WAN_YUAN).interval()
        (Decimal('202950'), Decimal('203050'))
        >>> Amount(1619106, MoneyUnit.YUAN).interval()
        (Decimal('1619105.5'), Decimal('1619106.5'))
        """
        half = Decimal(5).scaleb(_exponent(self.value) - 1, _WIDE)
        low = _WIDE.subtract(self.value, half)
        high = _WIDE.add(self.value, half)
        exponent = self.unit.exponent
        return _in_yuan(low, exponent), _in_yuan(high, exponent)

    def to(self, unit: MoneyUnit) -> Amount:
        """The same amount, exactly, in another unit.

        The value is exact; a positive exponent becomes 0, so converting to a finer unit
        claims a finer precision than was printed (take :meth:`interval` first if it
        matters).

        >>> Amount("36581.5", MoneyUnit.WAN_YUAN).to(MoneyUnit.YUAN)
        Amount('365815000', MoneyUnit.YUAN)
        >>> Amount(1, MoneyUnit.YUAN).to(MoneyUnit.WAN_YUAN)
        Amount('0.0001', MoneyUnit.WAN_YUAN)
        >>> Amount(1, MoneyUnit.YUAN).to(MoneyUnit.YI_YUAN)
        Amount('0.00000001', MoneyUnit.YI_YUAN)
        """
        _check_unit(unit)
        if unit is self.unit:
            return self
        shift = self.unit.exponent - unit.exponent
        return Amount(_scaleb(self.value, shift, f"{self} in {unit.value}"), unit)

    def round(self, places: int, *, rounding: str = decimal.ROUND_HALF_UP) -> Amount:
        """Round (or pad) to exactly ``places`` decimals in the same unit; 四舍五入 by default.

        >>> Amount("2.345", MoneyUnit.YUAN).round(2)
        Amount('2.35', MoneyUnit.YUAN)
        >>> Amount("2.5", MoneyUnit.YUAN).round(0)
        Amount('3', MoneyUnit.YUAN)
        >>> Amount("2.5", MoneyUnit.YUAN).round(0, rounding=decimal.ROUND_HALF_EVEN)
        Amount('2', MoneyUnit.YUAN)
        >>> Amount("20.3", MoneyUnit.WAN_YUAN).round(2)
        Amount('20.30', MoneyUnit.WAN_YUAN)
        """
        return Amount(round_decimal(self.value, places, rounding=rounding), self.unit)

    # ---- text ------------------------------------------------------------------------------

    def __str__(self) -> str:
        """The printed form, never in scientific notation.

        >>> str(Amount("36581.5", MoneyUnit.WAN_YUAN))
        '36581.5万元'
        """
        return format(self.value, "f") + self.unit.value

    def __repr__(self) -> str:
        """An evaluable representation that keeps the printed decimals.

        >>> Amount("20.30", MoneyUnit.WAN_YUAN)
        Amount('20.30', MoneyUnit.WAN_YUAN)
        """
        return f"Amount('{format(self.value, 'f')}', MoneyUnit.{self.unit.name})"

    def __format__(self, spec: str) -> str:
        """Format with ``[[fill]align][sign][width][,|_][.precision][f]``.

        An empty spec gives ``str(self)``. A precision rounds half-up (never with the
        ambient context); width and alignment apply to the whole text, right-aligned by
        default.

        >>> a = Amount("1619106.5", MoneyUnit.YUAN)
        >>> f"{a}", f"{a:,}", f"{a:,.0f}", f"{a:+.2f}"
        ('1619106.5元', '1,619,106.5元', '1,619,107元', '+1619106.50元')
        >>> f"[{Amount(3, MoneyUnit.YUAN):*^6}]"
        '[**3元**]'
        """
        if not spec:
            return str(self)
        match = _FORMAT_SPEC.fullmatch(spec)
        if match is None:
            raise MoneyError(
                f"invalid format spec {safe_repr(spec)} for an Amount: expected "
                "[[fill]align][sign][width][,|_][.precision][f], e.g. ',.2f'"
            )
        value = self.value
        precision, width = match["precision"], match["width"]
        if precision is not None:
            if len(precision) > len(str(_PREC)):  # before int(): 5,000 digits are no int
                raise MoneyError(f"places must be between 0 and {_PREC}, got {precision}")
            value = self.round(int(precision)).value
        grouping = match["grouping"]
        number = format(value, f"{match['sign'] or ''}{',' if grouping else ''}f")
        if grouping == "_":
            number = number.replace(",", "_")
        text = number + self.unit.value
        if width is None:
            return text
        if len(width) > len(str(_MAX_WIDTH)) or int(width) > _MAX_WIDTH:
            raise MoneyError(f"a format width must be at most {_MAX_WIDTH}, got {width}")
        align = f"{match['fill'] or ''}{match['align'] or '>'}"
        return format(text, f"{align}{width}")

    # ---- comparison ------------------------------------------------------------------------

    def _values_against(self, other: object) -> tuple[Decimal, Decimal] | None:
        if not isinstance(other, Amount):
            return None
        if other.unit is self.unit:
            return self.value, other.value
        return self.yuan, other.yuan

    def __eq__(self, other: object) -> bool:
        """Equal when the values in 元 are equal; never equal to a bare number.

        >>> Amount("0.0001", MoneyUnit.WAN_YUAN) == Amount("1.00", MoneyUnit.YUAN)
        True
        >>> Amount(1, MoneyUnit.YUAN) == Decimal(1)
        False
        """
        pair = self._values_against(other)
        if pair is None:
            return NotImplemented
        return pair[0] == pair[1]

    def __hash__(self) -> int:
        """The hash of the value in 元, so equal amounts hash equal in any unit.

        >>> hash(Amount(1, MoneyUnit.WAN_YUAN)) == hash(Amount("10000.0", MoneyUnit.YUAN))
        True
        """
        return hash(self.yuan)

    def __lt__(self, other: Amount) -> bool:
        """Order by the value in 元 (as do ``<=``, ``>`` and ``>=``); bare numbers raise.

        >>> Amount(9999, MoneyUnit.YUAN) < Amount(1, MoneyUnit.WAN_YUAN)
        True
        >>> Amount(1, MoneyUnit.YUAN) < 2
        Traceback (most recent call last):
        ...
        TypeError: '<' not supported between instances of 'Amount' and 'int'
        """
        pair = self._values_against(other)
        if pair is None:
            return NotImplemented
        return pair[0] < pair[1]

    def __le__(self, other: Amount) -> bool:
        """See :meth:`__lt__`.

        >>> Amount(1, MoneyUnit.WAN_YUAN) <= Amount(10000, MoneyUnit.YUAN)
        True
        """
        pair = self._values_against(other)
        if pair is None:
            return NotImplemented
        return pair[0] <= pair[1]

    def __gt__(self, other: Amount) -> bool:
        """See :meth:`__lt__`.

        >>> Amount("0.01", MoneyUnit.YI_YUAN) > Amount(99, MoneyUnit.WAN_YUAN)
        True
        """
        pair = self._values_against(other)
        if pair is None:
            return NotImplemented
        return pair[0] > pair[1]

    def __ge__(self, other: Amount) -> bool:
        """See :meth:`__lt__`.

        >>> Amount("1.0", MoneyUnit.YUAN) >= Amount(1, MoneyUnit.YUAN)
        True
        """
        pair = self._values_against(other)
        if pair is None:
            return NotImplemented
        return pair[0] >= pair[1]

    # ---- arithmetic ------------------------------------------------------------------------

    def _combine(self, other: object, symbol: str) -> Amount | None:
        if not isinstance(other, Amount):
            _refuse_bare_number(other, symbol, self)
            return None
        unit = self.unit if self.unit.exponent <= other.unit.exponent else other.unit
        what = f"{self} {symbol} {other}"
        left = self.to(unit).value
        right = other.to(unit).value
        try:
            result = _EXACT.add(left, right) if symbol == "+" else _EXACT.subtract(left, right)
        except decimal.DecimalException:
            raise _too_big(what) from None
        return Amount(result, unit)

    def __add__(self, other: Amount) -> Amount:
        """Exact sum; mixed units give the finer unit.

        >>> Amount(1, MoneyUnit.WAN_YUAN) + Amount(1, MoneyUnit.YUAN)
        Amount('10001', MoneyUnit.YUAN)
        >>> Amount("0.33", MoneyUnit.WAN_YUAN) + Amount("0.3", MoneyUnit.WAN_YUAN)
        Amount('0.63', MoneyUnit.WAN_YUAN)
        """
        result = self._combine(other, "+")
        return NotImplemented if result is None else result

    def __radd__(self, other: Amount) -> Amount:
        """Only reached with a non-Amount on the left: bare numbers raise WrongTypeError.

        >>> 0 + Amount(1, MoneyUnit.YUAN)
        Traceback (most recent call last):
        ...
        govdisclosure.errors.WrongTypeError: unsupported operand for +: ... Amount.total(amounts)
        """
        _refuse_bare_number(other, "+", self)
        return NotImplemented

    def __sub__(self, other: Amount) -> Amount:
        """Exact difference; mixed units give the finer unit.

        >>> Amount(1, MoneyUnit.WAN_YUAN) - Amount("0.5", MoneyUnit.YUAN)
        Amount('9999.5', MoneyUnit.YUAN)
        """
        result = self._combine(other, "-")
        return NotImplemented if result is None else result

    def __rsub__(self, other: Amount) -> Amount:
        """Only reached with a non-Amount on the left: bare numbers raise WrongTypeError.

        >>> Decimal(5) - Amount(1, MoneyUnit.YUAN)
        Traceback (most recent call last):
        ...
        govdisclosure.errors.WrongTypeError: unsupported operand ... both sides need a unit
        """
        _refuse_bare_number(other, "-", self)
        return NotImplemented

    def __neg__(self) -> Amount:
        """The negated amount, same unit and decimals.

        >>> -Amount("1.50", MoneyUnit.YUAN)
        Amount('-1.50', MoneyUnit.YUAN)
        """
        return Amount(self.value.copy_negate(), self.unit)

    def __abs__(self) -> Amount:
        """The absolute amount, same unit and decimals.

        >>> abs(Amount("-1.50", MoneyUnit.YUAN))
        Amount('1.50', MoneyUnit.YUAN)
        """
        return Amount(self.value.copy_abs(), self.unit)

    def __mul__(self, other: int | Decimal) -> Amount:
        """Exact product with an int or a Decimal (not a float, bool or Amount).

        >>> Amount("20.30", MoneyUnit.WAN_YUAN) * 3
        Amount('60.90', MoneyUnit.WAN_YUAN)
        >>> 3 * Amount("1.5", MoneyUnit.YUAN)
        Amount('4.5', MoneyUnit.YUAN)
        """
        factor = _as_factor(other, "multiply")
        if factor is None:
            return NotImplemented
        try:
            product = _EXACT.multiply(self.value, factor)
        except decimal.DecimalException:
            raise _too_big(f"{self} * {safe_repr(other)}") from None
        return Amount(product, self.unit)

    def __rmul__(self, other: int | Decimal) -> Amount:
        """``k * amount`` is ``amount * k``.

        >>> Decimal("0.5") * Amount("20.30", MoneyUnit.WAN_YUAN)
        Amount('10.150', MoneyUnit.WAN_YUAN)
        """
        return self.__mul__(other)

    @overload
    def __truediv__(self, other: Amount) -> Decimal: ...
    @overload
    def __truediv__(self, other: int | Decimal) -> Amount: ...
    def __truediv__(self, other: Amount | int | Decimal) -> Amount | Decimal:
        """Exact quotient; raises MoneyError if it does not terminate (use :meth:`divide`).

        Dividing by an Amount gives the exact ratio of the 元 values as a Decimal.

        >>> Amount(10, MoneyUnit.YUAN) / 4
        Amount('2.5', MoneyUnit.YUAN)
        >>> Amount(1, MoneyUnit.WAN_YUAN) / Amount(2500, MoneyUnit.YUAN)
        Decimal('4')
        >>> Amount(10, MoneyUnit.YUAN) / 3
        Traceback (most recent call last):
        ...
        govdisclosure.errors.MoneyError: 10元 / 3 does not terminate as a decimal; ...
        """
        if isinstance(other, Amount):
            if other.is_zero:
                raise ZeroDivisionError(f"cannot divide {self} by a zero amount ({other})")
            what = f"{self} / {other}"
            ratio = _exact_quotient(self.yuan, other.yuan, what)
            if ratio is None:
                raise MoneyError(
                    f"{what} does not terminate as a decimal; take fractions.Fraction(a.yuan) "
                    "/ fractions.Fraction(b.yuan), or divide a.yuan by b.yuan in a decimal "
                    "context of your choice"
                )
            return ratio
        divisor = _as_factor(other, "divide")
        if divisor is None:
            return NotImplemented
        if divisor.is_zero():
            raise ZeroDivisionError(f"cannot divide {self} by zero ({safe_repr(other)})")
        quotient = _exact_quotient(self.value, divisor, f"{self} / {safe_repr(other)}")
        if quotient is None:
            raise MoneyError(
                f"{self} / {safe_repr(other)} does not terminate as a decimal; round it explicitly "
                f"with .divide({safe_repr(other)}, places, rounding=...)"
            )
        return Amount(quotient, self.unit)

    def divide(
        self, divisor: int | Decimal, places: int, *, rounding: str = decimal.ROUND_HALF_UP
    ) -> Amount:
        """Divide and round once to exactly ``places`` decimals (四舍五入 by default).

        >>> Amount(10, MoneyUnit.YUAN).divide(3, 2)
        Amount('3.33', MoneyUnit.YUAN)
        >>> Amount(-5, MoneyUnit.YUAN).divide(2, 0)
        Amount('-3', MoneyUnit.YUAN)
        >>> Amount(10, MoneyUnit.WAN_YUAN).divide(3, 1, rounding=decimal.ROUND_UP)
        Amount('3.4', MoneyUnit.WAN_YUAN)
        """
        factor = _as_factor(divisor, "divide")
        if factor is None:
            raise WrongTypeError(
                f"cannot divide an Amount by {safe_repr(divisor)}: use an int or a Decimal"
            )
        _check_places(places)
        _check_rounding(rounding)
        if factor.is_zero():
            raise ZeroDivisionError(f"cannot divide {self} by zero ({safe_repr(divisor)})")
        ratio = Fraction(self.value) / Fraction(factor)
        return Amount(_round_ratio(ratio, places, rounding), self.unit)

    @classmethod
    def total(cls, amounts: Iterable[Amount], unit: MoneyUnit | None = None) -> Amount:
        """The exact sum of ``amounts`` (``sum()`` cannot start from 0 with amounts).

        Without ``unit`` the result is in the finest unit present, and an empty iterable
        is an error; with ``unit`` the result is converted to it, and empty gives zero.

        >>> Amount.total([Amount(1, MoneyUnit.WAN_YUAN), Amount("0.5", MoneyUnit.YUAN)])
        Amount('10000.5', MoneyUnit.YUAN)
        >>> Amount.total([], MoneyUnit.WAN_YUAN)
        Amount('0', MoneyUnit.WAN_YUAN)
        """
        if unit is not None:
            _check_unit(unit)
        result: Amount | None = None
        for index, item in enumerate(amounts):
            amount = _as_amount(item, f"item {index} of the amounts to total")
            result = amount if result is None else result + amount
        if result is None:
            if unit is None:
                raise MoneyError(
                    "cannot total an empty iterable without a unit: "
                    "pass unit=MoneyUnit.YUAN (or another) to get zero"
                )
            return cls(0, unit)
        return result if unit is None else result.to(unit)
