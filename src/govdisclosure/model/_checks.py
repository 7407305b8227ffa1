"""The checks a record of the model makes of its fields when it is constructed.

Every record checks its own fields, once, in its ``__attrs_post_init__``: a fast pass that
only looks (``v.__class__ is int``, a bound, a tuple's class), and — only when that pass finds
something wrong — a slow pass that describes every bad field as a
:class:`~govdisclosure.Problem` with its path and label. The functions here are the slow
pass's vocabulary, so that every record words the same fault the same way.

The rules, once:

- counts are ``int`` (never ``bool``, never ``float``) from 0 to
  :data:`~govdisclosure.layout.MAX_COUNT`; a signed count (the 2019 本年增/减) lies within
  ±``MAX_COUNT``; a blank cell is ``None``;
- text is ``str`` without lone surrogates (it must encode as UTF-8);
- sequences are ``tuple`` — a ``list`` is refused, with the fix in the message (the record is
  hashable and equal to its JSON round trip only with tuples);
- dates are :class:`datetime.date` (a ``datetime`` is refused: a report states days);
- decimals are finite :class:`~decimal.Decimal` ≥ 0 with at most
  :data:`~govdisclosure.layout.MAX_DIGITS` digits and
  :data:`~govdisclosure.layout.MAX_PLACES` decimal places;
- section ordinals run from 1 to :data:`~govdisclosure.layout.MAX_ORDINAL`; years from
  :data:`~govdisclosure.layout.MIN_YEAR` to :data:`~govdisclosure.layout.MAX_YEAR`.

>>> describe("3"), describe(1.0), describe(None), describe([1])
("'3' (a str)", '1.0 (a float)', 'null', '[1] (a list)')
>>> bad_count(-1)
'expected a whole number >= 0 or null, found -1'
>>> bad_count(True), bad_count(None)
('expected a whole number >= 0 or null, found True (a bool)', None)
"""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Callable
from decimal import Decimal
from typing import Any, Final, TypeVar

from govdisclosure.errors import Problem
from govdisclosure.layout import MAX_COUNT, MAX_DIGITS, MAX_ORDINAL, MAX_PLACES, MAX_YEAR, MIN_YEAR

__all__ = [
    "bad_count",
    "bad_date",
    "bad_decimal",
    "bad_instance",
    "bad_ordinal",
    "bad_signed",
    "bad_string",
    "bad_tuple",
    "bad_year",
    "class_cache",
    "decimal_in_bounds",
    "describe",
    "texts_ok",
]

T = TypeVar("T")

_CUT: Final = 60
"""The most characters of a value's repr a message quotes."""


def describe(value: object) -> str:
    """A short description of a value for messages: its repr (cut) and its type.

    Never quotes a long value whole, and never calls ``repr`` on an integer too long for
    Python to print.
    """
    if value is None:
        return "null"
    cls = value.__class__
    name = cls.__name__
    article = "an" if name[0].lower() in "aeiou" else "a"
    if cls is int and value.bit_length() > 200:  # type: ignore[attr-defined]
        return f"an int of about {int(value.bit_length() * 0.30103) + 1} digits"  # type: ignore[attr-defined]
    if cls is int:
        return repr(value)
    if cls is str and len(value) > _CUT:  # type: ignore[arg-type]
        text: str = value  # type: ignore[assignment]
        return f"{text[:_CUT]!r}… (a str of {len(text):,} characters)"
    try:
        shown = repr(value)
    except Exception:  # a repr that fails must not hide the problem it describes
        shown = f"<{name}>"
    if len(shown) > _CUT:
        shown = shown[:_CUT] + "…"
    return f"{shown} ({article} {name})"


def texts_ok(values: tuple[object, ...]) -> bool:
    """The fast test of text fields: each a ``str``, and all of them encode as UTF-8 (no
    lone surrogates) — one encode of their concatenation, since Python never joins two
    lone surrogates into a pair."""
    for v in values:
        if v.__class__ is not str:
            return False
    try:
        "".join(values).encode("utf-8")  # type: ignore[arg-type]
    except UnicodeEncodeError:
        return False
    return True


def bad_string(value: object, *, optional: bool = False) -> str | None:
    """The fault of a text field, or ``None``."""
    if value is None and optional:
        return None
    expected = "a string or null" if optional else "a string"
    if value.__class__ is not str:
        return f"expected {expected}, found {describe(value)}"
    text: str = value
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        return (
            f"expected text without lone surrogates, found {text[exc.start]!r} "
            f"at character {exc.start}"
        )
    return None


def bad_count(value: object, *, optional: bool = True) -> str | None:
    """The fault of a count cell (an ``int`` from 0 to ``MAX_COUNT``), or ``None``."""
    if value is None:
        return None if optional else "expected a whole number >= 0, found null"
    tail = " or null" if optional else ""
    if value.__class__ is not int:
        return f"expected a whole number >= 0{tail}, found {describe(value)}"
    number: int = value
    if number < 0:
        return f"expected a whole number >= 0{tail}, found {describe(number)}"
    if number > MAX_COUNT:
        return f"expected at most {MAX_COUNT:,} (MAX_COUNT){tail}, found {describe(number)}"
    return None


def bad_signed(value: object) -> str | None:
    """The fault of a signed count (2019 本年增/减: an ``int`` within ±``MAX_COUNT``)."""
    if value is None:
        return None
    if value.__class__ is not int:
        return f"expected an integer or null, found {describe(value)}"
    number: int = value
    if not -MAX_COUNT <= number <= MAX_COUNT:
        return f"expected an integer within ±{MAX_COUNT:,} (MAX_COUNT), found {describe(number)}"
    return None


def bad_ordinal(value: object) -> str | None:
    """The fault of a section ordinal (1 … ``MAX_ORDINAL``), or ``None``."""
    if value.__class__ is not int:
        return f"expected an ordinal from 1 to {MAX_ORDINAL}, found {describe(value)}"
    number: int = value
    if not 1 <= number <= MAX_ORDINAL:
        return f"expected an ordinal from 1 to {MAX_ORDINAL}, found {describe(number)}"
    return None


def bad_year(value: object) -> str | None:
    """The fault of a report year (``MIN_YEAR`` … ``MAX_YEAR``), or ``None``."""
    if value.__class__ is not int or not MIN_YEAR <= value <= MAX_YEAR:
        return (
            f"expected a year from {MIN_YEAR} to {MAX_YEAR} such as 2022, found {describe(value)}"
        )
    return None


def bad_date(value: object, *, optional: bool = True) -> str | None:
    """The fault of a date field (a :class:`datetime.date`, not a ``datetime``)."""
    if value is None and optional:
        return None
    if value.__class__ is _dt.date:
        return None
    expected = "a date (datetime.date)" + (" or null" if optional else "")
    found = describe(value)
    if isinstance(value, str):
        found += f"; write datetime.date.fromisoformat({value[:_CUT]!r})"
    elif isinstance(value, _dt.datetime):
        found += "; a report states days: use its .date()"
    return f"expected {expected}, found {found}"


def decimal_in_bounds(value: Decimal) -> bool:
    """Whether a finite ``Decimal`` fits ``MAX_DIGITS`` digits and ``MAX_PLACES`` places.

    >>> decimal_in_bounds(Decimal("20.30")), decimal_in_bounds(Decimal("0." + "0" * 20 + "1"))
    (True, False)
    >>> decimal_in_bounds(Decimal("1E+40"))
    False
    """
    _, digits, exponent = value.as_tuple()
    if exponent.__class__ is not int:  # NaN, sNaN, Infinity
        return False
    if exponent < 0:
        return -exponent <= MAX_PLACES and len(digits) <= MAX_DIGITS
    return len(digits) + exponent <= MAX_DIGITS


def bad_decimal(value: object, *, optional: bool = True, what: str = "a decimal") -> str | None:
    """The fault of a decimal figure (finite, ≥ 0, within the digit and place bounds)."""
    if value is None and optional:
        return None
    tail = " or null" if optional else ""
    if value.__class__ is not Decimal:
        return f"expected {what} >= 0 (a Decimal){tail}, found {describe(value)}"
    number: Decimal = value
    if not number.is_finite() or number < 0:
        return f"expected {what} >= 0{tail}, found {describe(number)}"
    if not decimal_in_bounds(number):
        return (
            f"expected at most {MAX_DIGITS} digits (MAX_DIGITS) and {MAX_PLACES} decimal "
            f"places (MAX_PLACES), found {describe(number)}"
        )
    return None


def bad_instance(value: object, cls: type[Any], *, optional: bool = False) -> str | None:
    """The fault of a field that holds a record of class ``cls``, or ``None``."""
    if value.__class__ is cls or (optional and value is None):
        return None
    expected = f"a {cls.__name__}" + (" or null" if optional else "")
    return f"expected {expected}, found {describe(value)}"


def bad_tuple(
    value: object,
    path: str,
    item: Callable[[object], str | None],
    problems: list[Problem],
    label: str | None = None,
) -> None:
    """Add the faults of a tuple field and of each of its items (``item`` says one's)."""
    if value.__class__ is not tuple:
        fix = "; write a tuple: tuple(...)" if isinstance(value, list) else ""
        problems.append(Problem(path, f"expected a tuple, found {describe(value)}{fix}", label))
        return
    for i, x in enumerate(value):
        fault = item(x)
        if fault is not None:
            problems.append(Problem(f"{path}[{i}]", fault, label))


def class_cache(fn: Callable[[type[Any]], T]) -> Callable[[type[Any]], T]:
    """Remember ``fn(cls)`` per class (what :func:`functools.cache` does, typed for classes)."""
    memo: dict[type, T] = {}

    @functools.wraps(fn)
    def cached(cls: type[Any]) -> T:
        try:
            return memo[cls]
        except KeyError:
            value = memo[cls] = fn(cls)
            return value

    return cached
