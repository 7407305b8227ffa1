"""The 信息处理费: worked examples, an independent per-unit oracle, monotonicity, bad input."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govdisclosure.analysis.fees import (
    FeeInputError,
    FeeNotice,
    add_working_days,
    fee_by_count,
    fee_by_pages,
)
from govdisclosure.errors import GovDisclosureError
from govdisclosure.money import Amount, MoneyUnit


def yuan(n: int) -> Amount:
    return Amount(n, MoneyUnit.YUAN)


@pytest.mark.parametrize(
    ("fee", "expected"),
    [
        (lambda: fee_by_count(35), 3000),
        (lambda: fee_by_pages(250), 4700),
        (lambda: fee_by_count(10), 0),
        (lambda: fee_by_pages(30), 0),
        (lambda: fee_by_count(0), 0),
        (lambda: fee_by_pages(0), 0),
    ],
)
def test_worked_examples(fee, expected):  # type: ignore[no-untyped-def]
    result = fee()
    assert result.amount == yuan(expected)
    assert result.amount.unit is MoneyUnit.YUAN
    assert Amount.total((t.amount for t in result.tiers), MoneyUnit.YUAN) == result.amount


def test_breakdown_of_the_examples() -> None:
    assert [(t.first, t.last, t.units, t.rate) for t in fee_by_count(35).charged] == [
        (11, 30, 20, yuan(100)),
        (31, 40, 5, yuan(200)),
    ]
    assert [(t.first, t.last, t.units, t.rate) for t in fee_by_pages(250).charged] == [
        (31, 100, 70, yuan(10)),
        (101, 200, 100, yuan(20)),
        (201, None, 50, yuan(40)),
    ]


def count_rate(i: int) -> int:
    """The charge for the i-th application of a month, read off the 办法 (the oracle)."""
    if i <= 10:
        return 0
    if i <= 30:
        return 100
    return 100 * (2 + (i - 31) // 10)


def page_rate(i: int) -> int:
    if i <= 30:
        return 0
    if i <= 100:
        return 10
    if i <= 200:
        return 20
    return 40


@given(st.integers(0, 600))
def test_count_fee_is_the_sum_of_per_unit_rates(n: int) -> None:
    fee = fee_by_count(n)
    assert fee.amount == yuan(sum(count_rate(i) for i in range(1, n + 1)))
    assert sum(t.units for t in fee.tiers) == n
    assert Amount.total((t.amount for t in fee.tiers), MoneyUnit.YUAN) == fee.amount


@given(st.integers(0, 2000))
def test_page_fee_is_the_sum_of_per_unit_rates(n: int) -> None:
    fee = fee_by_pages(n)
    assert fee.amount == yuan(sum(page_rate(i) for i in range(1, n + 1)))
    assert sum(t.units for t in fee.tiers) == n


@given(st.integers(0, 10**30), st.integers(1, 10**6))
def test_fees_are_monotone(n: int, more: int) -> None:
    assert fee_by_count(n).amount <= fee_by_count(n + more).amount
    assert fee_by_pages(n).amount <= fee_by_pages(n + more).amount


@given(st.integers(31, 10**40))
def test_count_fee_increments_by_the_rate_of_the_next_unit(n: int) -> None:
    assert fee_by_count(n + 1).amount - fee_by_count(n).amount == yuan(count_rate(n + 1))


def test_huge_inputs_are_exact() -> None:
    n = 10**50 + 7
    fee = fee_by_count(n)
    full, rest = divmod(n - 30, 10)
    expected = 2000 + sum_bands(full) + 100 * (full + 2) * rest
    assert fee.amount == yuan(expected)
    assert fee.tiers[-1].units == rest or fee.tiers[-1].units == 10
    assert fee_by_pages(10**50).amount == yuan(700 + 2000 + 40 * (10**50 - 200))


def sum_bands(full: int) -> int:
    # Σ_{k=0}^{full-1} 10 · 100 · (k + 2), written differently from the module
    return 1000 * (full + 3) * full // 2


@pytest.mark.parametrize("bad", [-1, 2.5, 3.0, "3", None, True, 10**3 * 1.0])
def test_bad_input_raises_value_error(bad: object) -> None:
    for fn in (fee_by_count, fee_by_pages):
        with pytest.raises(ValueError, match="whole number") as info:
            fn(bad)  # type: ignore[arg-type]
        assert isinstance(info.value, GovDisclosureError)
        assert isinstance(info.value, FeeInputError)


def test_notice_due_date_counts_working_days() -> None:
    issued = dt.date(2024, 9, 27)  # a Friday
    notice = FeeNotice(fee=fee_by_count(35), issued=issued)
    assert notice.due == dt.date(2024, 10, 25)
    assert notice.amount == yuan(3000)
    assert "国办函〔2020〕109号" in notice.text()
    holidays = [dt.date(2024, 10, d) for d in range(1, 8)]
    assert FeeNotice(fee=fee_by_count(35), issued=issued, holidays=holidays).due == dt.date(
        2024, 11, 1
    )


@given(st.dates(dt.date(2000, 1, 1), dt.date(2100, 1, 1)), st.integers(0, 60))
def test_working_days_without_calendar(start: dt.date, n: int) -> None:
    end = add_working_days(start, n)
    days = [start + dt.timedelta(days=i) for i in range(1, (end - start).days + 1)]
    assert sum(d.weekday() < 5 for d in days) == n
    assert n == 0 or end.weekday() < 5


def test_notice_refuses_anything_but_one_fee() -> None:
    with pytest.raises(TypeError, match="fee must be a Fee"):
        FeeNotice(fee=yuan(3), issued=dt.date(2024, 1, 1))  # type: ignore[arg-type]
