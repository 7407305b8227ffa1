"""Fuzzers of govdisclosure.money's boundaries: Amount.parse, Amount(), MoneyUnit.from_label."""

from __future__ import annotations

import decimal
from collections.abc import Callable
from decimal import Decimal

from hypothesis import example, given
from hypothesis import strategies as st

from fuzz.conftest import (
    adversarial_text,
    fuzz_settings,
    hostile_contexts,
    result_or_own_error,
    weird_values,
)
from govdisclosure.errors import GovDisclosureError
from govdisclosure.money import Amount, MoneyUnit, round_decimal

UNITS = st.sampled_from(MoneyUnit)


def amounts() -> st.SearchStrategy[Amount]:
    """Amounts at the edges of what the model holds: 200 digits, 200 places, signed zero."""
    digits = st.integers(min_value=-(10**200) + 1, max_value=10**200 - 1)
    return st.builds(
        lambda coefficient, places, unit: Amount(Decimal(f"{coefficient}E-{places}"), unit),
        digits,
        st.integers(min_value=0, max_value=200),
        UNITS,
    )


@fuzz_settings()
@given(text=adversarial_text())
@example(text=" " * 3_000 + "x")
@example(text="-" + " " * 3_000 + "x")
@example(text="1" * 5_000 + "元")
@example(text="0." + "0" * 200 + "1元")
def test_parse(text: str) -> None:
    amount = result_or_own_error(Amount.parse, text)
    if amount is not None:
        assert Amount.parse(str(amount)) == amount
        assert Amount.parse(str(amount)).decimals == amount.decimals


@fuzz_settings()
@given(
    text=st.from_regex(
        r"\s{0,3}[-+−]?\s{0,3}(人民币|¥)?\s{0,3}[0-9,]{1,12}(\.[0-9]{1,4})?\s{0,3}(元|万\s?元|亿元)?\s{0,3}",
        fullmatch=True,
    )
)
def test_parse_printed_like(text: str) -> None:
    result_or_own_error(Amount.parse, text)


@fuzz_settings()
@given(value=weird_values(), unit=st.one_of(UNITS, weird_values()))
@example(value="0." + "0" * 200 + "1", unit=MoneyUnit.YUAN)
@example(value=10**4300, unit=MoneyUnit.YUAN)
def test_constructor(value: object, unit: object) -> None:
    amount = result_or_own_error(Amount, value, unit)  # type: ignore[arg-type]
    if amount is not None:
        assert isinstance(amount.value, Decimal)
        assert repr(Amount(amount.value, amount.unit)) == repr(amount)
        result_or_own_error(amount.interval)
        for other in MoneyUnit:
            result_or_own_error(amount.to, other)


@fuzz_settings()
@given(text=st.one_of(adversarial_text(), weird_values()))
def test_unit_from_label(text: object) -> None:
    result_or_own_error(MoneyUnit.from_label, text)  # type: ignore[arg-type]


@fuzz_settings()
@given(
    a=amounts(),
    b=amounts(),
    factor=weird_values(),
    places=weird_values(),
    spec=adversarial_text(12),
)
@example(
    a=Amount(1, MoneyUnit.YUAN),
    b=Amount(1, MoneyUnit.YUAN),
    factor=10**4300,
    places=10**4300,
    spec=">99999999999999999999",
)
def test_arithmetic_and_format(
    a: Amount, b: Amount, factor: object, places: object, spec: str
) -> None:
    operations = (
        lambda: a + b,
        lambda: a - b,
        lambda: a * factor,  # type: ignore[operator]
        lambda: a / b,
        lambda: a / factor,  # type: ignore[operator]
        lambda: a.round(places),  # type: ignore[arg-type]
        lambda: a.divide(factor, 2),  # type: ignore[arg-type]
        lambda: format(a, spec),
        lambda: Amount.total([a, b]),
    )
    for operation in operations:
        try:
            result_or_own_error(operation)
        except ZeroDivisionError:
            pass  # division by zero stays ZeroDivisionError, by design
        except TypeError as err:  # Python's own, after NotImplemented (a * None, a * "")
            if type(err) is not TypeError:  # a subclass other than WrongTypeError: ours, a bug
                raise


@fuzz_settings()
@given(a=amounts(), b=amounts(), context=hostile_contexts())
def test_hostile_context_changes_nothing(a: Amount, b: Amount, context: decimal.Context) -> None:
    operations = (
        lambda: a + b,
        lambda: a - b,
        a.interval,
        lambda: a.round(2),
        lambda: a.yuan,
        lambda: hash(a),
        lambda: a == b,
        lambda: a < b,
        lambda: str(a),
        lambda: f"{a:,.2f}",
        lambda: a.divide(3, 2),
        lambda: a * Decimal("0.5"),
        lambda: Amount.total([a, b], MoneyUnit.YUAN),
    )
    expected = [outcome(operation) for operation in operations]
    with decimal.localcontext(context):
        got = [outcome(operation) for operation in operations]
    assert repr(got) == repr(expected)  # repr outside: Decimal's repr reads the context


def outcome(operation: Callable[[], object]) -> object:
    """What an operation gives, or the name of the library error it raised."""
    try:
        return operation()
    except GovDisclosureError as err:
        return type(err).__name__


@fuzz_settings()
@given(value=weird_values(), places=weird_values(), context=hostile_contexts())
def test_round_decimal(value: object, places: object, context: decimal.Context) -> None:
    if not isinstance(value, Decimal) or not value.is_finite():
        return
    clean = result_or_own_error(round_decimal, value, places)  # type: ignore[arg-type]
    with decimal.localcontext(context):
        hostile = result_or_own_error(round_decimal, value, places)  # type: ignore[arg-type]
    assert repr(clean) == repr(hostile)
