"""Formatting figures the way 年报 print them, on top of babel, exactly.

Every function is pure: it takes the value first and the locale as a keyword
(``locale="zh_CN"`` by default; the environment is never read), and returns a ``str``.
Numbers keep their printed precision: a :class:`~decimal.Decimal` is formatted with a
pattern built from its own exponent, so ``Decimal("20.30")`` prints ``20.30``. When a
function rounds, it rounds 四舍五入 (``ROUND_HALF_UP``) unless told otherwise, in a private
decimal context: neither babel's half-even default nor the caller's
:func:`decimal.getcontext` ever applies.

>>> from decimal import Decimal
>>> from govdisclosure.money import Amount, MoneyUnit
>>> format_amount(Amount("36581.50", MoneyUnit.WAN_YUAN))
'36581.50万元'
>>> format_amount(Amount("36581.5", MoneyUnit.WAN_YUAN), grouping=True)
'36,581.5万元'
>>> format_number(Decimal("0.125"), places=2)
'0.13'
>>> format_count(130, "条"), format_count(3, "件", locale="en")
('130条', '3 items')
>>> import datetime
>>> format_date(datetime.date(2016, 1, 29))
'2016年1月29日'
>>> format_period(datetime.date(2022, 1, 1), datetime.date(2022, 12, 31))
'2022年1月1日至12月31日'
>>> format_ordinal(3, level=2), format_ordinal(3, level=2, locale="en")
('(三)', '(3)')
>>> format_compact_amount(Amount("123456789", MoneyUnit.YUAN))
'约1.23亿元'
>>> format_list(["申请", "复议", "诉讼"])
'申请、复议和诉讼'
"""

from __future__ import annotations

import datetime as _dt
import decimal
import functools
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any, Final, Literal, TypeVar, cast

from babel import Locale, UnknownLocaleError
from babel import dates as _dates
from babel import lists as _lists
from babel import numbers as _numbers

from govdisclosure.errors import MoneyError, WrongTypeError, safe_repr
from govdisclosure.model import Period
from govdisclosure.money import Amount, MoneyUnit, decimal_context, round_decimal
from govdisclosure.numerals import OrdinalStyle
from govdisclosure.numerals import format_ordinal as _format_ordinal
from govdisclosure.numerals.ordinals import roman as _roman

__all__ = [
    "format_amount",
    "format_compact",
    "format_compact_amount",
    "format_count",
    "format_date",
    "format_list",
    "format_number",
    "format_ordinal",
    "format_period",
    "format_signed",
    "is_chinese",
    "parse_locale",
    "round_half_up",
]

#: The most digits (before and after the point together) a number may print with: far more
#: than any report holds (an Amount holds at most 200), few enough to format in milliseconds.
#: A larger number is a MoneyError, never an exception from babel.
MAX_FORMAT_DIGITS: Final = 100_000

#: The context every function here (and babel, which reads the ambient context) runs in:
#: wide enough for any Amount (200 digits, 200 places), half-up, and trapping what would
#: lose a digit silently. The caller's context never applies (see _own_context); a longer
#: number gets a copy as wide as it needs (_fitting), so that nothing ever rounds by accident.
_CTX: Final = decimal_context(
    420, [decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow]
)


def _fitting(*numbers: Decimal) -> decimal.Context:
    """_CTX, or a copy wide enough to hold each of ``numbers`` exactly, with some to spare.

    (Not simply a huge precision for everything: babel computes 10 ** -places in the
    ambient context, and that takes time in proportion to the precision.)
    """
    width = max(_width(d) for d in numbers)
    if width + 20 <= _CTX.prec:
        return _CTX
    wide = _CTX.copy()
    wide.prec = width + 20
    return wide


def _width(d: Decimal) -> int:
    """The digits a finite Decimal prints with, before and after the point together."""
    _, digits, exponent = d.as_tuple()
    assert isinstance(exponent, int)
    return max(len(digits) + exponent, 1) + max(-exponent, 0)


_F = TypeVar("_F", bound=Callable[..., Any])


def _own_context(function: _F) -> _F:
    """Run ``function`` in a copy of _CTX, whatever the caller's decimal context is.

    Babel reads the ambient context (for quantize, and in plural rules); a caller's
    ``localcontext(prec=3, traps=[Inexact])`` must change nothing.
    """

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with decimal.localcontext(_CTX):
            return function(*args, **kwargs)

    return cast(_F, wrapper)


# --------------------------------------------------------------------------- locales


@functools.cache
def _parse_locale(identifier: str) -> Locale:
    try:
        return Locale.parse(identifier.replace("-", "_"))
    except (UnknownLocaleError, ValueError) as exc:
        raise ValueError(
            f"unknown locale {identifier!r}: expected a CLDR locale such as 'zh_CN' or 'en'"
        ) from exc


def parse_locale(locale: str | Locale) -> Locale:
    """A babel :class:`~babel.Locale` from an identifier (``"zh_CN"``, ``"zh-CN"``, ``"en"``).

    >>> parse_locale("zh-CN")
    Locale('zh', territory='CN', script='Hans')
    >>> parse_locale("xx")
    Traceback (most recent call last):
    ...
    ValueError: unknown locale 'xx': expected a CLDR locale such as 'zh_CN' or 'en'
    """
    if isinstance(locale, Locale):
        return locale
    if not isinstance(locale, str):
        raise WrongTypeError(
            f"locale must be a str such as 'zh_CN' or a babel Locale, got {safe_repr(locale)}"
        )
    return _parse_locale(locale)


def is_chinese(locale: str | Locale) -> bool:
    """Whether labels print in Chinese for ``locale`` (any ``zh`` locale).

    >>> is_chinese("zh_CN"), is_chinese("zh_Hant_TW"), is_chinese("en_GB")
    (True, True, False)
    """
    return parse_locale(locale).language == "zh"


# --------------------------------------------------------------------------- numbers


def _decimal(value: Decimal | int, what: str = "value") -> Decimal:
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        raise WrongTypeError(
            f"{what} must be a Decimal or an int, not {type(value).__name__} "
            f"({safe_repr(value)})"
            + ("; a float cannot keep the printed precision" if isinstance(value, float) else "")
        )
    d = Decimal(value)
    if not d.is_finite():
        raise MoneyError(f"{what} must be a finite number, got {safe_repr(value)}")
    width = _width(d)
    if width > MAX_FORMAT_DIGITS:
        raise MoneyError(
            f"{what} would print with {width} digits: numbers of up to {MAX_FORMAT_DIGITS} "
            "digits are formatted"
        )
    return d


def _places_of(d: Decimal) -> int:
    exponent = d.as_tuple().exponent
    assert isinstance(exponent, int)
    return max(0, -exponent)


@_own_context
def round_half_up(
    value: Decimal | int, places: int, *, rounding: str = decimal.ROUND_HALF_UP
) -> Decimal:
    """``value`` rounded to ``places`` decimals, 四舍五入 unless ``rounding`` says otherwise.

    The ambient decimal context plays no part; any number :func:`format_number` prints can be
    rounded (``places`` from 0 to 200).

    >>> round_half_up(Decimal("2.345"), 2), round_half_up(Decimal("2.5"), 0)
    (Decimal('2.35'), Decimal('3'))
    >>> round_half_up(Decimal("2.5"), 0, rounding=decimal.ROUND_HALF_EVEN)
    Decimal('2')
    """
    return round_decimal(_decimal(value), places, rounding=rounding)


def _pattern(places: int, grouping: bool) -> str:
    integer = "#,##0" if grouping else "0"
    return integer + ("." + "0" * places if places else "")


@_own_context
def format_number(
    value: Decimal | int,
    *,
    locale: str | Locale = "zh_CN",
    grouping: bool = False,
    places: int | None = None,
    rounding: str = decimal.ROUND_HALF_UP,
) -> str:
    """A number with exactly the decimals it was printed with (or ``places``, rounded).

    ``grouping`` adds the locale's digit grouping ("36,581.5"); reports mostly print none.

    >>> format_number(Decimal("20.30")), format_number(Decimal("1619106"), grouping=True)
    ('20.30', '1,619,106')
    >>> format_number(Decimal("2.345"), places=2), format_number(7, places=1)
    ('2.35', '7.0')
    >>> format_number(Decimal("1234.5"), grouping=True, locale="de")
    '1.234,5'
    >>> format_number(1.5)
    Traceback (most recent call last):
    ...
    govdisclosure.errors.WrongTypeError: value must be a Decimal or an int, not float (1.5); ...
    """
    d = _decimal(value)
    if places is not None:
        d = round_half_up(d, places, rounding=rounding)
        _decimal(d)  # rounding may add places: still printable?
    ctx = _fitting(d)
    if ctx is not _CTX:  # a long number: widen the context babel reads (see _own_context)
        with decimal.localcontext(ctx):
            return _babel_number(d, locale, grouping)
    return _babel_number(d, locale, grouping)


def _babel_number(d: Decimal, locale: str | Locale, grouping: bool) -> str:
    return _numbers.format_decimal(
        d,
        format=_pattern(_places_of(d), grouping),
        locale=parse_locale(locale),
        decimal_quantization=True,
        group_separator=grouping,
    )


@_own_context
def format_signed(value: int, *, locale: str | Locale = "zh_CN") -> str:
    """A signed count as the 2019 本年增/减 column prints it: ``+173``, ``-417``, ``0``.

    >>> format_signed(173), format_signed(-417), format_signed(0)
    ('+173', '-417', '0')
    """
    if isinstance(value, bool) or not isinstance(value, int):
        raise WrongTypeError(
            f"value must be an int, not {type(value).__name__} ({safe_repr(value)})"
        )
    text = format_number(value, locale=locale)
    return "+" + text if value > 0 else text


_UNIT_EN = {
    MoneyUnit.YUAN: "yuan",
    MoneyUnit.WAN_YUAN: "ten thousand yuan",
    MoneyUnit.YI_YUAN: "hundred million yuan",
}


@_own_context
def format_amount(
    amount: Amount,
    *,
    locale: str | Locale = "zh_CN",
    grouping: bool = False,
    places: int | None = None,
    unit: bool = True,
) -> str:
    """An amount with its unit, keeping its printed decimals: ``36581.50万元``.

    ``grouping`` groups digits; ``places`` rounds (half-up) to that many decimals;
    ``unit=False`` leaves out the unit (a table column whose header names it). In a
    non-Chinese locale the unit is spelt out.

    >>> a = Amount("36581.50", MoneyUnit.WAN_YUAN)
    >>> format_amount(a), format_amount(a, grouping=True), format_amount(a, places=0)
    ('36581.50万元', '36,581.50万元', '36582万元')
    >>> format_amount(a, unit=False), format_amount(a, locale="en", grouping=True)
    ('36581.50', '36,581.50 ten thousand yuan')
    """
    if not isinstance(amount, Amount):
        raise WrongTypeError(
            f"amount must be an Amount, not {type(amount).__name__} ({safe_repr(amount)})"
        )
    number = format_number(amount.value, locale=locale, grouping=grouping, places=places)
    if not unit:
        return number
    if is_chinese(locale):
        return number + amount.unit.value
    return f"{number} {_UNIT_EN[amount.unit]}"


#: English words for the measure words of counts: (singular, plural).
_MEASURES_EN: dict[str, tuple[str, str]] = {
    "件": ("item", "items"),
    "条": ("item", "items"),
    "项": ("item", "items"),
    "个": ("unit", "units"),
    "人": ("person", "people"),
    "名": ("person", "people"),
    "位": ("person", "people"),
    "户": ("household", "households"),
    "家": ("organisation", "organisations"),
    "次": ("time", "times"),
    "篇": ("article", "articles"),
    "份": ("copy", "copies"),
    "期": ("issue", "issues"),
    "场": ("session", "sessions"),
    "起": ("case", "cases"),
    "例": ("case", "cases"),
}


@_own_context
def format_count(
    value: int,
    measure: str = "件",
    *,
    locale: str | Locale = "zh_CN",
    grouping: bool = False,
) -> str:
    """A count with its measure word: ``130条``; in English ``130 items``.

    >>> format_count(174131, "人"), format_count(174131, "人", locale="en", grouping=True)
    ('174131人', '174,131 people')
    >>> format_count(1, "户", locale="en")
    '1 household'
    """
    if isinstance(value, bool) or not isinstance(value, int):
        raise WrongTypeError(
            f"value must be an int, not {type(value).__name__} ({safe_repr(value)})"
        )
    loc = parse_locale(locale)
    number = format_number(value, locale=loc, grouping=grouping)
    if is_chinese(loc):
        return number + measure
    one, many = _MEASURES_EN.get(measure, (measure, measure))
    return f"{number} {one if loc.plural_form(value) == 'one' else many}"


# --------------------------------------------------------------------------- dates


def _check_date(value: object, what: str) -> _dt.date:
    if not isinstance(value, _dt.date) or isinstance(value, _dt.datetime):
        raise WrongTypeError(f"{what} must be a datetime.date, got {safe_repr(value)}")
    return value


@_own_context
def format_date(value: _dt.date, *, locale: str | Locale = "zh_CN") -> str:
    """A date as reports sign and publish them: ``2016年1月29日`` (``January 29, 2016``).

    >>> format_date(_dt.date(2016, 1, 29), locale="en")
    'January 29, 2016'
    """
    return _dates.format_date(
        _check_date(value, "value"), format="long", locale=parse_locale(locale)
    )


@_own_context
def format_period(
    start: _dt.date | Period, end: _dt.date | None = None, *, locale: str | Locale = "zh_CN"
) -> str:
    """A statistical period: ``2022年1月1日至12月31日`` (the year once when it does not change).

    Pass two dates or a :class:`~govdisclosure.Period`.

    >>> format_period(Period.calendar_year(2022), locale="en")
    'January 1 – December 31, 2022'
    >>> format_period(_dt.date(2022, 1, 1), _dt.date(2023, 3, 31))
    '2022年1月1日至2023年3月31日'
    """
    if isinstance(start, Period):
        if end is not None:
            raise WrongTypeError("pass a Period or two dates, not both")
        first, last = start.start, start.end
    elif end is None:
        raise WrongTypeError("format_period needs an end date")
    else:
        first, last = _check_date(start, "start"), _check_date(end, "end")
    loc = parse_locale(locale)
    if is_chinese(loc):
        tail = (
            _dates.format_skeleton("MMMMd", last, locale=loc)
            if first.year == last.year
            else format_date(last, locale=loc)
        )
        return f"{format_date(first, locale=loc)}至{tail}"
    head = (
        _dates.format_skeleton("MMMMd", first, locale=loc)
        if first.year == last.year
        else format_date(first, locale=loc)
    )
    return f"{head} \u2013 {format_date(last, locale=loc)}"


# --------------------------------------------------------------------------- ordinals

_LEVEL_STYLES = {1: OrdinalStyle.CHINESE, 2: OrdinalStyle.PAREN, 3: OrdinalStyle.ARABIC_DOT}


@_own_context
def format_ordinal(
    n: int, *, level: int = 1, locale: str | Locale = "zh_CN", fullwidth: bool = False
) -> str:
    """The ordinal of a heading at ``level``: 1 ``一、``, 2 ``(一)``, 3 and deeper ``1.``.

    ``fullwidth=True`` prints ``（一）``. In English: ``I.``, ``(1)``, ``1.`` (the style of the
    English labels of :mod:`govdisclosure.editions`).

    >>> [format_ordinal(4, level=k) for k in (1, 2, 3)]
    ['四、', '(四)', '4.']
    >>> format_ordinal(12, level=2, fullwidth=True)
    '（十二）'
    >>> [format_ordinal(4, level=k, locale="en") for k in (1, 2, 3)]
    ['IV.', '(4)', '4.']
    """
    if isinstance(level, bool) or not isinstance(level, int) or level < 1:
        raise ValueError(f"level must be an int >= 1, got {safe_repr(level)}")
    style = _LEVEL_STYLES.get(level, OrdinalStyle.ARABIC_DOT)
    text = _format_ordinal(n, style, fullwidth=fullwidth)  # validates n
    if is_chinese(locale):
        return text
    if level == 1:
        return _roman(n) + "."
    if level == 2:
        return f"({n})"
    return f"{n}."


# --------------------------------------------------------------------------- compact figures


def _compact_parts(
    value: Decimal, loc: Locale, fraction_digits: int, format_type: str
) -> tuple[Decimal, str, int]:
    """The rounded (half-up) scaled number, the CLDR pattern and the power of ten it drops."""
    forms = {
        plural: {m: p.pattern for m, p in patterns.items()}
        for plural, patterns in loc.compact_decimal_formats[format_type].items()
    }
    other = forms["other"]
    magnitudes = sorted(int(m) for m in other)
    target = value.copy_abs()
    ctx = _fitting(value)
    while True:
        below = [m for m in magnitudes if target >= m]
        if not below or other[str(below[-1])] == "0":
            return round_half_up(value, fraction_digits), "0", 0
        magnitude = below[-1]
        shift = len(str(magnitude)) - other[str(magnitude)].count("0")
        number = round_half_up(value.scaleb(-shift, ctx), fraction_digits)
        above = [m for m in magnitudes if m > magnitude]
        if above and number.copy_abs().scaleb(shift, ctx) >= above[0]:
            target = Decimal(above[0])  # rounding carried into the next magnitude
            continue
        plural = loc.plural_form(number.copy_abs())
        pattern = forms.get(plural, other).get(str(magnitude), other[str(magnitude)])
        return number, pattern, shift


def _compact_text(number: Decimal, pattern: str, loc: Locale) -> str:
    ctx = _fitting(number)
    number = number.normalize(ctx)
    if _places_of(number) == 0:
        number = number.quantize(Decimal(1), context=ctx)
    text = format_number(number, locale=loc)
    if pattern == "0":
        return text
    start, end = pattern.index("0"), pattern.rindex("0") + 1
    return (pattern[:start] + text + pattern[end:]).replace("'", "")


@_own_context
def format_compact(
    value: Decimal | int,
    *,
    locale: str | Locale = "zh_CN",
    fraction_digits: int = 2,
    format_type: Literal["short", "long"] = "short",
) -> str:
    """A figure for prose, in 万/亿 (K/M/B in English), rounded half-up: ``1.23亿``.

    Trailing zeros are dropped, as prose does (``1.2亿``, not ``1.20亿``). Babel's own
    compact formatter rounds half-even in the ambient context; this one does not.

    >>> format_compact(123456789), format_compact(125000000, fraction_digits=1)
    ('1.23亿', '1.3亿')
    >>> format_compact(99999999), format_compact(8000), format_compact(12345, locale="en")
    ('1亿', '8000', '12.35K')
    >>> format_compact(123456789, locale="en", format_type="long")
    '123.46 million'
    """
    loc = parse_locale(locale)
    number, pattern, _ = _compact_parts(_decimal(value), loc, fraction_digits, format_type)
    return _compact_text(number, pattern, loc)


@_own_context
def format_compact_amount(
    amount: Amount,
    *,
    locale: str | Locale = "zh_CN",
    fraction_digits: int = 2,
    approximate: str | None = None,
) -> str:
    """An amount for prose, in 元 with 万/亿: ``约1.23亿元``; "约" only when rounding lost digits.

    ``approximate`` replaces the word put before a rounded figure (``"约"``; ``"about "`` in
    English; ``""`` for none).

    >>> format_compact_amount(Amount("36581.5", MoneyUnit.WAN_YUAN))
    '约3.66亿元'
    >>> format_compact_amount(Amount("2.5", MoneyUnit.YI_YUAN))
    '2.5亿元'
    >>> format_compact_amount(Amount("36581.5", MoneyUnit.WAN_YUAN), locale="en")
    'about 365.82M yuan'
    """
    if not isinstance(amount, Amount):
        raise WrongTypeError(
            f"amount must be an Amount, not {type(amount).__name__} ({safe_repr(amount)})"
        )
    loc = parse_locale(locale)
    yuan = amount.yuan
    number, pattern, shift = _compact_parts(yuan, loc, fraction_digits, "short")
    text = _compact_text(number, pattern, loc)
    chinese = is_chinese(loc)
    word = approximate if approximate is not None else ("约" if chinese else "about ")
    prefix = "" if number.scaleb(shift, _fitting(number, yuan)) == yuan else word
    return f"{prefix}{text}元" if chinese else f"{prefix}{text} yuan"


# --------------------------------------------------------------------------- lists


@_own_context
def format_list(
    items: Iterable[str],
    *,
    locale: str | Locale = "zh_CN",
    style: Literal["standard", "or", "unit"] = "standard",
) -> str:
    """Items joined as the locale joins them: ``申请、复议和诉讼`` (``a, b, and c``).

    >>> format_list(["申请", "复议"], style="or"), format_list(["a", "b", "c"], locale="en")
    ('申请或复议', 'a, b, and c')
    """
    values = list(items)
    for v in values:
        if not isinstance(v, str):
            raise WrongTypeError(f"format_list expects strings, got {safe_repr(v)}")
    return _lists.format_list(values, style=style, locale=parse_locale(locale))
