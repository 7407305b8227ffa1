"""govdisclosure.fmt: babel-based formatting that keeps printed precision and rounds half-up."""

from __future__ import annotations

import datetime as dt
import decimal
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govdisclosure import fmt
from govdisclosure.model import Period
from govdisclosure.money import Amount, MoneyUnit
from govdisclosure.strategies import amounts

# ---------------------------------------------------------------- numbers and amounts


@pytest.mark.parametrize(
    ("value", "grouping", "expected"),
    [
        (Decimal("20.30"), False, "20.30"),
        (Decimal("20.3"), False, "20.3"),
        (Decimal("0"), False, "0"),
        (Decimal("0.00"), False, "0.00"),
        (Decimal("36581.50"), True, "36,581.50"),
        (Decimal("1619106"), True, "1,619,106"),
        (Decimal("1619106"), False, "1619106"),
        (Decimal("-417"), False, "-417"),
        (Decimal("1E+3"), False, "1000"),
        (12, False, "12"),
    ],
)
def test_format_number_keeps_printed_precision(
    value: Decimal | int, grouping: bool, expected: str
) -> None:
    assert fmt.format_number(value, grouping=grouping) == expected


def test_rounding_is_half_up_whatever_the_ambient_context() -> None:
    with decimal.localcontext(prec=2, rounding=decimal.ROUND_DOWN):
        assert fmt.format_number(Decimal("0.125"), places=2) == "0.13"
        assert fmt.format_number(Decimal("2.5"), places=0) == "3"
        assert fmt.format_number(Decimal("123456789.125"), places=2) == "123456789.13"
        assert fmt.format_amount(Amount("36581.50", MoneyUnit.WAN_YUAN)) == "36581.50万元"
        assert fmt.format_compact(125000000, fraction_digits=1) == "1.3亿"


def test_babel_alone_would_round_half_even() -> None:
    """The reason for explicit rounding: babel's own result differs on a tie."""
    from babel.numbers import format_decimal

    assert format_decimal(Decimal("0.125"), format="0.00", locale="zh_CN") == "0.12"
    assert fmt.format_number(Decimal("0.125"), places=2) == "0.13"


def test_other_rounding_modes_on_request() -> None:
    assert fmt.format_number(Decimal("0.125"), places=2, rounding=decimal.ROUND_HALF_EVEN) == "0.12"
    with pytest.raises(ValueError, match="rounding mode"):
        fmt.round_half_up(Decimal(1), 1, rounding="nearest")


@pytest.mark.parametrize("bad", [1.5, True, "1.5", None])
def test_numbers_refuse_floats_and_others(bad: object) -> None:
    with pytest.raises(TypeError, match="must be a Decimal or an int"):
        fmt.format_number(bad)  # type: ignore[arg-type]


def test_non_finite_refused() -> None:
    with pytest.raises(ValueError, match="finite"):
        fmt.format_number(Decimal("NaN"))


@given(amounts())
def test_amount_round_trips_through_its_printed_form(amount: Amount) -> None:
    text = fmt.format_amount(amount)
    back = Amount.parse(text)
    assert back == amount
    assert back.decimals == amount.decimals
    grouped = fmt.format_amount(amount, grouping=True)
    assert Amount.parse(grouped).value.as_tuple() == amount.value.as_tuple()


@given(
    st.decimals(
        allow_nan=False, allow_infinity=False, places=4, min_value=-(10**9), max_value=10**9
    )
)
def test_format_number_is_exactly_the_decimal(value: Decimal) -> None:
    text = fmt.format_number(value)
    assert Decimal(text) == value
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    decimals = len(text.partition(".")[2])
    assert decimals == max(0, -exponent)


def test_amount_units_and_english() -> None:
    assert fmt.format_amount(Amount("1619106", MoneyUnit.YUAN)) == "1619106元"
    assert fmt.format_amount(Amount("3.2", MoneyUnit.YI_YUAN)) == "3.2亿元"
    assert fmt.format_amount(Amount("20.30", MoneyUnit.WAN_YUAN), unit=False) == "20.30"
    assert fmt.format_amount(Amount("20.3", MoneyUnit.WAN_YUAN), locale="en") == (
        "20.3 ten thousand yuan"
    )
    assert fmt.format_amount(Amount("1234567.5", MoneyUnit.YUAN), locale="de", grouping=True) == (
        "1.234.567,5 yuan"
    )
    with pytest.raises(TypeError, match="must be an Amount"):
        fmt.format_amount(Decimal(1))  # type: ignore[arg-type]


def test_signed() -> None:
    assert [fmt.format_signed(v) for v in (-417, 0, 173)] == ["-417", "0", "+173"]
    with pytest.raises(TypeError):
        fmt.format_signed(1.0)  # type: ignore[arg-type]


def test_counts_with_measure_words() -> None:
    assert fmt.format_count(300, "条") == "300条"
    assert fmt.format_count(121702, "户", grouping=True) == "121,702户"
    assert fmt.format_count(2, "人", locale="en") == "2 people"
    assert fmt.format_count(1, "件", locale="en") == "1 item"
    assert fmt.format_count(5, "栏", locale="en") == "5 栏"


# ---------------------------------------------------------------- dates


def test_dates() -> None:
    assert fmt.format_date(dt.date(2016, 1, 29)) == "2016年1月29日"
    assert fmt.format_date(dt.date(2020, 9, 11)) == "2020年9月11日"
    assert fmt.format_date(dt.date(2016, 1, 29), locale="en_GB") == "29 January 2016"
    with pytest.raises(TypeError, match=r"datetime\.date"):
        fmt.format_date("2016-01-29")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"datetime\.date"):
        fmt.format_date(dt.datetime(2016, 1, 29))


def test_periods() -> None:
    assert fmt.format_period(Period.calendar_year(2022)) == "2022年1月1日至12月31日"
    assert fmt.format_period(dt.date(2022, 1, 1), dt.date(2023, 3, 31)) == (
        "2022年1月1日至2023年3月31日"
    )
    assert fmt.format_period(Period.calendar_year(2022), locale="en") == (
        "January 1 \u2013 December 31, 2022"
    )
    with pytest.raises(TypeError, match="end date"):
        fmt.format_period(dt.date(2022, 1, 1))
    with pytest.raises(TypeError, match="not both"):
        fmt.format_period(Period.calendar_year(2022), dt.date(2022, 1, 1))


# ---------------------------------------------------------------- ordinals, lists, compact


def test_ordinals() -> None:
    assert [fmt.format_ordinal(n) for n in (1, 2, 10, 11)] == ["一、", "二、", "十、", "十一、"]
    assert fmt.format_ordinal(7, level=2) == "(七)"
    assert fmt.format_ordinal(7, level=2, fullwidth=True) == "（七）"
    assert fmt.format_ordinal(7, level=3) == "7."
    assert fmt.format_ordinal(7, level=5) == "7."
    assert [fmt.format_ordinal(n, locale="en") for n in (1, 4, 9, 14)] == [
        "I.",
        "IV.",
        "IX.",
        "XIV.",
    ]
    with pytest.raises(ValueError, match="level"):
        fmt.format_ordinal(1, level=0)
    with pytest.raises(ValueError, match="ordinal from 1"):
        fmt.format_ordinal(0)


def test_lists() -> None:
    assert fmt.format_list(["申请", "复议", "诉讼"]) == "申请、复议和诉讼"
    assert fmt.format_list(["申请"]) == "申请"
    assert fmt.format_list([]) == ""
    assert fmt.format_list(["a", "b"], locale="en", style="or") == "a or b"


@pytest.mark.parametrize(
    ("value", "digits", "expected"),
    [
        (123456789, 2, "1.23亿"),
        (125000000, 1, "1.3亿"),
        (135000000, 1, "1.4亿"),
        (99999999, 2, "1亿"),
        (99995, 1, "10万"),
        (61000, 1, "6.1万"),
        (8000, 2, "8000"),
        (0, 2, "0"),
        (-123456789, 2, "-1.23亿"),
        (Decimal("36581.5"), 0, "3.7万"),
    ],
)
def test_compact(value: int | Decimal, digits: int, expected: str) -> None:
    if isinstance(value, Decimal) and digits == 0:
        assert fmt.format_compact(value, fraction_digits=1) == expected
    else:
        assert fmt.format_compact(value, fraction_digits=digits) == expected


def test_compact_amounts_say_when_approximate() -> None:
    assert fmt.format_compact_amount(Amount("123456789", MoneyUnit.YUAN)) == "约1.23亿元"
    assert fmt.format_compact_amount(Amount("1.23", MoneyUnit.YI_YUAN)) == "1.23亿元"
    assert fmt.format_compact_amount(Amount("4200.7", MoneyUnit.WAN_YUAN)) == "4200.7万元"
    assert fmt.format_compact_amount(Amount("500", MoneyUnit.YUAN)) == "500元"
    assert fmt.format_compact_amount(Amount("123456789", MoneyUnit.YUAN), approximate="") == (
        "1.23亿元"
    )
    assert fmt.format_compact_amount(Amount("123456789", MoneyUnit.YUAN), locale="en") == (
        "about 123.46M yuan"
    )


@given(st.integers(min_value=0, max_value=10**15))
def test_compact_is_half_up_of_the_exact_value(n: int) -> None:
    text = fmt.format_compact(n, fraction_digits=2)
    scale = {"万": 10**4, "亿": 10**8, "万亿": 10**12}
    for suffix in ("万亿", "亿", "万"):
        if text.endswith(suffix):
            shown = Decimal(text[: -len(suffix)]) * scale[suffix]
            step = Decimal(scale[suffix]) / 100
            assert abs(shown - n) <= step / 2
            break
    else:
        assert Decimal(text) == n


# ---------------------------------------------------------------- locales


def test_locales() -> None:
    assert fmt.is_chinese("zh-CN")
    assert fmt.is_chinese("zh_Hant")
    assert not fmt.is_chinese("en")
    with pytest.raises(ValueError, match="unknown locale"):
        fmt.parse_locale("klingon")
    with pytest.raises(TypeError):
        fmt.parse_locale(5)  # type: ignore[arg-type]


# ---------------------------------------------------------------- issue 8 (regressions)


def test_compact_ignores_the_callers_context() -> None:
    hostile = decimal.Context(prec=3, traps=[decimal.Inexact, decimal.Rounded])
    amount = Amount("36581.5", MoneyUnit.WAN_YUAN)
    expected = (fmt.format_compact(123456789), fmt.format_compact_amount(amount))
    with decimal.localcontext(hostile):
        assert (fmt.format_compact(123456789), fmt.format_compact_amount(amount)) == expected
        assert fmt.format_count(12345, "件", locale="en") == "12345 items"
        assert fmt.format_number(Decimal("2.345"), places=2) == "2.35"


def test_long_numbers_format() -> None:
    big = Decimal("9" * 201)
    assert fmt.format_number(big) == "9" * 201
    assert fmt.format_amount(Amount("9" * 200, MoneyUnit.YUAN)) == "9" * 200 + "元"
    assert fmt.format_number(10**4300) == "1" + "0" * 4300
    assert fmt.format_number(Decimal("0." + "0" * 199 + "1")) == "0." + "0" * 199 + "1"
    assert fmt.format_compact(10**300) == "1" + "0" * 288 + "万亿"
    assert fmt.format_number(Decimal("1" * 300), places=1) == "1" * 300 + ".0"
    with pytest.raises(fmt.MoneyError, match="digits"):  # type: ignore[attr-defined]
        fmt.format_number(Decimal("1E+999999999"))
    with pytest.raises(ValueError, match="finite"):
        fmt.format_number(Decimal("NaN"))
