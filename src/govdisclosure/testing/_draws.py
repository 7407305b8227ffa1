"""The arguments every strategy takes, the draws they share, and the scalar strategies
(:func:`amounts`, :func:`editions`, :func:`quantities`).

Arguments follow one convention (see :mod:`govdisclosure.testing.strategies`): what is drawn
is a strategy or a collection of values (sampled), sizes and bounds are plain values, and a
bad argument raises :class:`hypothesis.errors.InvalidArgument`.
"""

from __future__ import annotations

import functools
from collections.abc import Collection
from decimal import Decimal
from typing import Any, Final, Literal

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from govdisclosure.layout import MAX_COUNT, Edition
from govdisclosure.money import Amount, MoneyUnit
from govdisclosure.numerals import MEASURE_WORDS, Qualifier, Quantity

__all__ = ["Blanks", "amounts", "editions", "quantities"]


SearchStrategy = st.SearchStrategy

Blanks = Literal["zero", "unknown"]
"""What ``blanks=`` takes besides ``None``: the ``Policy(blank=...)`` the drawn blanks imply."""

# --------------------------------------------------------------------------- arguments


def _strategy(value: Any, name: str, default: SearchStrategy[Any]) -> SearchStrategy[Any]:
    """Accept a strategy, a collection of values (sampled), or None (the default)."""
    if value is None:
        return default
    if isinstance(value, SearchStrategy):
        return value
    if isinstance(value, Collection) and not isinstance(value, str | bytes | dict):
        if not value:
            raise InvalidArgument(f"{name} must not be empty")
        return st.sampled_from(list(value))
    raise InvalidArgument(f"{name}={value!r} must be a strategy, a collection of values, or None")


def _check_bounds(min_value: int, max_value: int, name: str = "value") -> None:
    for label, v in ((f"min_{name}", min_value), (f"max_{name}", max_value)):
        if v.__class__ is not int:
            raise InvalidArgument(f"{label}={v!r} must be an int")
    if min_value < 0:
        raise InvalidArgument(f"min_{name}={min_value} must be >= 0")
    if min_value > max_value:
        raise InvalidArgument(f"min_{name}={min_value} must be <= max_{name}={max_value}")


def _max_count(value: object) -> int:
    if value is None:
        return MAX_COUNT
    if value.__class__ is not int or not 0 <= value <= MAX_COUNT:
        raise InvalidArgument(
            f"max_count={value!r} must be an int from 0 to MAX_COUNT ({MAX_COUNT}), or None"
        )
    return value


def _blanks(value: object) -> Blanks | None:
    if value is None or value == "zero" or value == "unknown":
        return value
    raise InvalidArgument(
        f"blanks={value!r} must be None (no blanks), 'zero' (blank cells stand for 0) or "
        "'unknown' (blank cells hide a figure): the Policy(blank=...) the blanks imply"
    )


def _editions(editions: Any, edition: Any, allowed: tuple[Edition, ...]) -> SearchStrategy[Edition]:
    """The editions a table strategy draws (``edition=`` is the one-edition form)."""
    if edition is not None:
        if editions is not None:
            raise InvalidArgument("give edition= or editions=, not both")
        editions = [edition]
    if editions is not None and not isinstance(editions, SearchStrategy):
        chosen = _members(editions, "editions")
        for e in chosen:
            if e not in allowed:
                raise InvalidArgument(f"edition {e!r} has no such table")
    return _strategy(editions, "editions", st.sampled_from(allowed)).map(
        functools.partial(_drawn_edition, allowed=allowed)
    )


def _members(editions: Any, name: str) -> list[Edition]:
    if isinstance(editions, str | bytes) or not isinstance(editions, Collection):
        raise InvalidArgument(f"{name}={editions!r} must be a strategy, a collection, or None")
    chosen = list(editions)
    for e in chosen:
        if not isinstance(e, Edition):
            raise InvalidArgument(f"{name} must hold Edition members, found {e!r}")
    if not chosen:
        raise InvalidArgument(f"{name} must not be empty")
    return chosen


def _drawn_edition(edition: object, allowed: tuple[Edition, ...]) -> Edition:
    if not isinstance(edition, Edition):
        raise InvalidArgument(f"editions must draw Edition members, drew {edition!r}")
    if edition not in allowed:
        raise InvalidArgument(f"editions drew {edition!r}, which has no such table")
    return edition


class _Budget:
    """What is left of ``max_count`` for the cells one sum adds up: every drawn part is
    clamped to it, so no total exceeds ``max_count`` (and every figure stays valid)."""

    __slots__ = ("left",)

    def __init__(self, left: int) -> None:
        self.left = left

    def take(self, value: int) -> int:
        taken = value if value <= self.left else self.left
        self.left -= taken
        return taken


def _checked_count(v: object) -> int:
    if v.__class__ is not int or v < 0:
        raise InvalidArgument(f"counts must draw non-negative ints, drew {v!r}")
    return v


@functools.cache
def _digits_strategy(base: int, n: int) -> SearchStrategy[int]:
    return st.integers(0, base**n - 1)


def _digits(draw: st.DrawFn, base: int, n: int) -> list[int]:
    """``n`` values in ``0 … base - 1`` from ONE draw (the digits of one integer, which
    shrinks towards 0: every value 0)."""
    if n == 0:
        return []
    v = draw(_digits_strategy(base, n))
    out = [0] * n
    for i in range(n):
        v, out[i] = divmod(v, base)
    return out


@functools.cache
def _mask(n: int) -> SearchStrategy[int]:
    return st.integers(0, 2**n - 1)


class _Counts:
    """Where table counts come from: by default ``0 … top``, many cells in one draw (fast,
    and shrinking towards 0); a caller's ``counts`` strategy, one draw per cell."""

    __slots__ = ("strategy", "top")

    def __init__(self, strategy: SearchStrategy[int] | None, top: int = 30) -> None:
        self.strategy = strategy
        self.top = top

    def at_most(self, top: int) -> _Counts:
        """These counts, drawn from ``0 … top`` by default (a caller's strategy stays)."""
        return self if self.strategy is not None else _Counts(None, top)

    def take(self, draw: st.DrawFn, n: int) -> list[int]:
        if self.strategy is None:
            return _digits(draw, self.top + 1, n)
        return [_checked_count(draw(self.strategy)) for _ in range(n)]


def _counts(counts: Any, top: int = 30) -> _Counts:
    if counts is None:
        return _Counts(None, top)
    return _Counts(_strategy(counts, "counts", st.nothing()))


# --------------------------------------------------------------------------- shared draws

_COUNT: Final = st.integers(0, 30)
_BOOL: Final = st.booleans()
_SEED: Final = st.integers(0, 2**64 - 1)
_BLANK_COUNT: Final = st.integers(0, 8)
_ABSENT: Final = st.sampled_from((0, 0, 0, 0, 0, 1, 2, 4, 3, 7))  # bits: 二 三 四
_DAY: Final = st.integers(1, 31)


# --------------------------------------------------------------------------- money


def amounts(
    *,
    units: SearchStrategy[MoneyUnit] | Collection[MoneyUnit] | None = None,
    min_value: int = 0,
    max_value: int = 10**8,
    places: SearchStrategy[int] | Collection[int] | None = None,
) -> SearchStrategy[Amount]:
    """Amounts whose printed precision is drawn too (``places`` decimals, 0–4 by default).

    ``min_value``/``max_value`` bound the value in the drawn unit.

    >>> from hypothesis import given
    >>> @given(amounts(units=[MoneyUnit.WAN_YUAN], places=[2]))
    ... def test(amount):
    ...     assert amount.decimals == 2 and amount.unit is MoneyUnit.WAN_YUAN
    >>> test()
    """
    _check_bounds(min_value, max_value)
    unit_st = _strategy(units, "units", st.sampled_from(MoneyUnit))
    places_st = _strategy(places, "places", st.integers(0, 4))
    scaled = {p: st.integers(min_value * 10**p, max_value * 10**p) for p in range(11)}

    @st.composite
    def draw_amount(draw: st.DrawFn) -> Amount:
        unit = draw(unit_st)
        if not isinstance(unit, MoneyUnit):
            raise InvalidArgument(f"units must draw MoneyUnit members, drew {unit!r}")
        p = draw(places_st)
        if p.__class__ is not int or not 0 <= p <= 10:
            raise InvalidArgument(f"places must draw ints in 0..10, drew {p!r}")
        return Amount(Decimal(f"{draw(scaled[p])}E-{p}"), unit)  # exact: no context rounding

    return draw_amount()


def editions() -> SearchStrategy[Edition]:
    """Any :class:`~govdisclosure.Edition`."""
    return st.sampled_from(Edition)


def quantities() -> SearchStrategy[Quantity]:
    """Figures as prose prints them: a count or an amount, exact or qualified (300余条)."""
    return st.builds(
        _quantity,
        st.integers(0, 10**6),
        st.integers(0, 2),
        st.sampled_from((*MEASURE_WORDS[:6], "元", "万元", "亿元")),
        st.none() | st.sampled_from(Qualifier),
    )


def _quantity(n: int, places: int, unit: str, qualifier: Qualifier | None) -> Quantity:
    return Quantity(Decimal(f"{n}E-{places}"), unit, qualifier if n else None)
