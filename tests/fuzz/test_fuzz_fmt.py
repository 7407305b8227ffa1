"""Fuzzers of govdisclosure.fmt: any Amount or number the model holds, in any decimal context."""

from __future__ import annotations

import decimal
from decimal import Decimal
from typing import Any

from hypothesis import example, given
from hypothesis import strategies as st

from fuzz.conftest import fuzz_settings, hostile_contexts, result_or_own_error, weird_values
from fuzz.test_fuzz_money import amounts
from govdisclosure import fmt
from govdisclosure.money import Amount, MoneyUnit

LOCALES = st.sampled_from(["zh_CN", "en", "de", "zh_Hant_TW", "en_GB"])
NUMBERS = st.one_of(
    st.integers(),
    st.sampled_from([10**4300, -(10**5000), 10**200]),
    st.decimals(allow_nan=False, allow_infinity=False, places=None),
    st.builds(
        lambda c, e: Decimal(f"{c}E{e}"),
        st.integers(min_value=-(10**201), max_value=10**201),
        st.integers(min_value=-220, max_value=30),
    ),
)


def _outcome(function: Any, *args: Any, **kwargs: Any) -> str:
    """What a call gives: its result, or the class of the library's own error."""
    try:
        return repr(function(*args, **kwargs))
    except fmt.MoneyError as err:  # type: ignore[attr-defined]
        return type(err).__name__


@fuzz_settings()
@given(
    value=NUMBERS,
    locale=LOCALES,
    places=st.one_of(st.none(), st.integers(min_value=0, max_value=6)),
    context=hostile_contexts(),
)
@example(value=Decimal("9" * 201), locale="zh_CN", places=None, context=decimal.Context(prec=3))
@example(
    value=123456789,
    locale="zh_CN",
    places=None,
    context=decimal.Context(prec=3, traps=[decimal.Inexact, decimal.Rounded]),
)
def test_numbers_in_any_context(
    value: int | Decimal, locale: str, places: int | None, context: decimal.Context
) -> None:
    calls = [
        (fmt.format_number, {"locale": locale, "places": places}),
        (fmt.format_number, {"locale": locale, "grouping": True}),
        (fmt.format_compact, {"locale": locale}),
        (fmt.format_compact, {"locale": locale, "format_type": "long", "fraction_digits": 1}),
    ]
    if isinstance(value, int):
        calls.append((fmt.format_count, {"locale": locale}))
        calls.append((fmt.format_signed, {"locale": locale}))
    for function, kwargs in calls:
        clean = _outcome(result_or_own_error, function, value, **kwargs)
        with decimal.localcontext(context):
            hostile = _outcome(result_or_own_error, function, value, **kwargs)
        assert hostile == clean, (function.__name__, kwargs)


@fuzz_settings()
@given(amount=amounts(), locale=LOCALES, context=hostile_contexts())
@example(
    amount=Amount("36581.5", MoneyUnit.WAN_YUAN),
    locale="zh_CN",
    context=decimal.Context(prec=3, traps=[decimal.Inexact, decimal.Rounded]),
)
def test_amounts_in_any_context(amount: Amount, locale: str, context: decimal.Context) -> None:
    calls = [
        (fmt.format_amount, {"locale": locale}),
        (fmt.format_amount, {"locale": locale, "grouping": True, "places": 2}),
        (fmt.format_compact_amount, {"locale": locale}),
    ]
    for function, kwargs in calls:
        clean = _outcome(function, amount, **kwargs)
        assert clean != "MoneyError", "every Amount formats"
        with decimal.localcontext(context):
            assert _outcome(function, amount, **kwargs) == clean


@fuzz_settings()
@given(value=weird_values(), other=weird_values())
def test_other_values(value: object, other: object) -> None:
    for function in (fmt.format_number, fmt.format_compact, fmt.format_amount, fmt.format_count):
        result_or_own_error(function, value)
    result_or_own_error(fmt.format_ordinal, value, level=1)
    result_or_own_error(fmt.format_list, [value, other])
