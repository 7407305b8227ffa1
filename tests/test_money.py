"""Tests of govdisclosure.money: exact amounts with their printed precision."""

from __future__ import annotations

import decimal
import math
import pickle
import re
from collections.abc import Callable, Iterator
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from govdisclosure.money import Amount, MoneyUnit, round_decimal

YUAN, WAN, YI = MoneyUnit.YUAN, MoneyUnit.WAN_YUAN, MoneyUnit.YI_YUAN

ALL_ROUNDINGS = [
    decimal.ROUND_UP,
    decimal.ROUND_DOWN,
    decimal.ROUND_CEILING,
    decimal.ROUND_FLOOR,
    decimal.ROUND_HALF_UP,
    decimal.ROUND_HALF_DOWN,
    decimal.ROUND_HALF_EVEN,
    decimal.ROUND_05UP,
]


# --------------------------------------------------------------------------------------------
# Strategies and references
# --------------------------------------------------------------------------------------------


@st.composite
def decimals(draw: st.DrawFn, max_digits: int = 16, max_places: int = 8) -> Decimal:
    """Finite Decimals with exponent in [-max_places, 0], built exactly (no context)."""
    coefficient = draw(st.integers(-(10**max_digits) + 1, 10**max_digits - 1))
    places = draw(st.integers(0, max_places))
    t = Decimal(coefficient).as_tuple()
    return Decimal((t.sign, t.digits, -places))


def amounts(units: st.SearchStrategy[MoneyUnit] | None = None) -> st.SearchStrategy[Amount]:
    return st.builds(Amount, decimals(), units if units is not None else st.sampled_from(UNITS))


UNITS = list(MoneyUnit)
units = st.sampled_from(UNITS)
roundings = st.sampled_from(ALL_ROUNDINGS)
nonzero_factors = st.one_of(
    st.integers(-(10**6), 10**6).filter(bool),
    decimals(max_digits=6, max_places=4).filter(lambda d: not d.is_zero()),
)


def fyuan(a: Amount) -> Fraction:
    """The exact 元 value of an amount, computed independently of the module."""
    return Fraction(a.value) * Fraction(10) ** {"元": 0, "万元": 4, "亿元": 8}[a.unit.value]


def exponent(d: Decimal) -> int:
    e = d.as_tuple().exponent
    assert isinstance(e, int)
    return e


def round_fraction(q: Fraction, places: int, rounding: str) -> Fraction:
    """Reference rounding of an exact fraction to `places` decimals, per decimal's modes."""
    scaled = q * 10**places
    sign = -1 if scaled < 0 else 1
    mag = abs(scaled)
    down = math.floor(mag)
    rest = mag - down
    if rest == 0 or rounding == decimal.ROUND_DOWN:
        n = down
    elif rounding == decimal.ROUND_UP:
        n = down + 1
    elif rounding == decimal.ROUND_CEILING:
        n = down + 1 if sign > 0 else down
    elif rounding == decimal.ROUND_FLOOR:
        n = down if sign > 0 else down + 1
    elif rounding == decimal.ROUND_HALF_UP:
        n = down + 1 if rest >= Fraction(1, 2) else down
    elif rounding == decimal.ROUND_HALF_DOWN:
        n = down + 1 if rest > Fraction(1, 2) else down
    elif rounding == decimal.ROUND_HALF_EVEN:
        if rest == Fraction(1, 2):
            n = down + (down % 2)
        else:
            n = down + 1 if rest > Fraction(1, 2) else down
    elif rounding == decimal.ROUND_05UP:
        n = down + 1 if down % 10 in (0, 5) else down
    else:  # pragma: no cover
        raise AssertionError(rounding)
    return Fraction(sign * n, 10**places)


def terminates(q: Fraction) -> bool:
    d = q.denominator
    for p in (2, 5):
        while d % p == 0:
            d //= p
    return d == 1


def same(a: Amount, b: Amount) -> bool:
    """Identical: same unit, same digits, same exponent (not just ==)."""
    return a.unit is b.unit and a.value.as_tuple() == b.value.as_tuple()


@pytest.fixture
def hostile_context() -> Iterator[decimal.Context]:
    """An ambient context that would visibly corrupt any arithmetic done in it."""
    with decimal.localcontext() as ctx:
        ctx.prec = 3
        ctx.rounding = decimal.ROUND_DOWN
        ctx.Emax = 5
        ctx.Emin = -5
        for signal in (decimal.Inexact, decimal.Rounded, decimal.FloatOperation):
            ctx.traps[signal] = True
        yield ctx


# --------------------------------------------------------------------------------------------
# MoneyUnit
# --------------------------------------------------------------------------------------------


def test_unit_values_factors_exponents() -> None:
    assert [u.value for u in MoneyUnit] == ["元", "万元", "亿元"]
    assert [u.exponent for u in MoneyUnit] == [0, 4, 8]
    assert YUAN.factor == Decimal(1)
    assert WAN.factor == Decimal(10000)
    assert YI.factor == Decimal(100000000)
    assert all(isinstance(u.factor, Decimal) for u in MoneyUnit)
    assert format(YI.factor, "f") == "100000000"


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("元", YUAN),
        ("万元", WAN),
        ("亿元", YI),
        (" 万 元 ", WAN),
        ("亿\u3000元", YI),
        ("万元\n", WAN),
    ],
)
def test_unit_from_label(text: str, unit: MoneyUnit) -> None:
    assert MoneyUnit.from_label(text) is unit


@pytest.mark.parametrize("text", ["万", "", "圆", "千元", "yuan", "美元"])
def test_unit_from_label_rejects(text: str) -> None:
    with pytest.raises(ValueError, match=re.escape(repr(text))) as info:
        MoneyUnit.from_label(text)
    assert "'万元'" in str(info.value)


def test_unit_from_label_rejects_non_str() -> None:
    with pytest.raises(TypeError, match="4"):
        MoneyUnit.from_label(4)  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------------
# Construction
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("20.30", "20.30"),
        ("-5", "-5"),
        ("1619106", "1619106"),
        ("+7.0", "7.0"),
        (12, "12"),
        (-3, "-3"),
        (10**30, "1" + "0" * 30),
        (Decimal("20.30"), "20.30"),
        (Decimal("1E+3"), "1000"),
        (Decimal("2.5E+1"), "25"),
        (Decimal("-0"), "0"),
        (Decimal("-0.00"), "0.00"),
        ("-0.0", "0.0"),
        (Decimal("0E+5"), "0"),
    ],
)
def test_construction_keeps_printed_precision(value: Any, expected: str) -> None:
    a = Amount(value, WAN)
    assert type(a.value) is Decimal
    assert a.value.as_tuple() == Decimal(expected).as_tuple()
    assert not a.value.is_signed() or not a.value.is_zero()


def test_decimal_subclass_becomes_plain_decimal() -> None:
    class MyDecimal(Decimal):
        pass

    a = Amount(MyDecimal("1.50"), YUAN)
    assert type(a.value) is Decimal
    assert str(a) == "1.50元"


@pytest.mark.parametrize("value", [20.3, 0.0, float("nan")])
def test_float_value_is_a_type_error(value: float) -> None:
    with pytest.raises(TypeError, match=re.escape(repr(value))) as info:
        Amount(value, WAN)  # type: ignore[arg-type]
    assert "str or Decimal" in str(info.value)


@pytest.mark.parametrize("value", [True, False])
def test_bool_value_is_a_type_error(value: bool) -> None:
    with pytest.raises(TypeError, match=re.escape(repr(value))):
        Amount(value, YUAN)


@pytest.mark.parametrize("value", [None, Fraction(1, 2), [1], b"1"])
def test_other_value_types_are_type_errors(value: object) -> None:
    with pytest.raises(TypeError, match=re.escape(repr(value))):
        Amount(value, YUAN)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "value",
    [Decimal("NaN"), Decimal("sNaN"), Decimal("Infinity"), Decimal("-Infinity")],
)
def test_non_finite_decimal_is_a_value_error(value: Decimal) -> None:
    with pytest.raises(ValueError, match=re.escape(repr(value))):
        Amount(value, YUAN)


@pytest.mark.parametrize(
    "value",
    [
        "NaN",
        "Infinity",
        "-inf",
        "abc",
        "",
        " 1",
        "1.",
        ".5",
        "1E3",
        "1,000",
        "1.2.3",
        "１２",
        "1_0",
    ],
)
def test_unparsable_str_is_a_value_error(value: str) -> None:
    with pytest.raises(ValueError, match=re.escape(repr(value))) as info:
        Amount(value, YUAN)
    assert "plain decimal literal" in str(info.value)


def test_too_many_digits_is_a_value_error() -> None:
    with pytest.raises(ValueError, match=re.escape("Decimal('1E+300')")):
        Amount(Decimal("1E+300"), YUAN)
    with pytest.raises(ValueError, match="significant digits"):
        Amount(10**250, YUAN)
    with pytest.raises(ValueError, match="significant digits"):
        Amount(10**5000, YUAN)
    with pytest.raises(ValueError, match="decimal places"):
        Amount(Decimal("1E-201"), YUAN)
    with pytest.raises(ValueError, match="decimal places"):
        Amount(Decimal("-1E-999999999"), YUAN)
    assert Amount(Decimal("1E-200"), YUAN).decimals == 200
    assert Amount(int("9" * 200), YUAN).value == Decimal("9" * 200)


@pytest.mark.parametrize("unit", ["万元", "元", 10000, None])
def test_unit_must_be_a_money_unit(unit: object) -> None:
    with pytest.raises(TypeError, match=re.escape(repr(unit))):
        Amount(1, unit)  # type: ignore[arg-type]


def test_frozen_evolve_pickle_match() -> None:
    a = Amount("20.30", WAN)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        a.value = Decimal(1)  # type: ignore[misc]
    b = attrs.evolve(a, value="1.5")
    assert same(b, Amount("1.5", WAN))
    c = attrs.evolve(a, unit=YUAN)
    assert same(c, Amount("20.30", YUAN))
    with pytest.raises(TypeError, match="'亿元'"):
        attrs.evolve(a, unit="亿元")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"2\.5"):
        attrs.evolve(a, value=2.5)  # type: ignore[arg-type]
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        d = pickle.loads(pickle.dumps(a, protocol=protocol))
        assert same(d, a)
        assert hash(d) == hash(a)
    match a:
        case Amount(value, MoneyUnit.WAN_YUAN):
            assert value == Decimal("20.30")
        case _:  # pragma: no cover
            pytest.fail("match_args")


def test_no_bool() -> None:
    assert "__bool__" not in vars(Amount)
    assert Amount(0, YUAN).is_zero
    assert Amount("0.00", WAN).is_zero
    assert not Amount("0.01", WAN).is_zero
    assert not Amount(-1, YUAN).is_zero


def test_all() -> None:
    import govdisclosure.money as money

    assert sorted(money.__all__) == ["Amount", "MoneyUnit", "exact_context", "round_decimal"]


# --------------------------------------------------------------------------------------------
# Text: str, repr, format, parse
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (Amount("36581.5", WAN), "36581.5万元"),
        (Amount("20.30", WAN), "20.30万元"),
        (Amount(1619106, YUAN), "1619106元"),
        (Amount(Decimal("1.5E+4"), YUAN), "15000元"),
        (Amount(Decimal("1E-7"), YI), "0.0000001亿元"),
        (Amount("-3.2", YI), "-3.2亿元"),
    ],
)
def test_str(amount: Amount, text: str) -> None:
    assert str(amount) == text
    assert format(amount, "") == text
    assert f"{amount}" == text
    assert "E" not in text


def test_repr_is_evaluable() -> None:
    a = Amount("36581.5", WAN)
    assert repr(a) == "Amount('36581.5', MoneyUnit.WAN_YUAN)"
    assert repr(Amount(Decimal("1E-7"), YUAN)) == "Amount('0.0000001', MoneyUnit.YUAN)"
    assert same(eval(repr(a), {"Amount": Amount, "MoneyUnit": MoneyUnit}), a)


@pytest.mark.parametrize(
    ("amount", "spec", "text"),
    [
        (Amount("1619106.5", YUAN), ",", "1,619,106.5元"),
        (Amount("1619106.5", YUAN), "_", "1_619_106.5元"),
        (Amount("1619106.5", YUAN), ",.0f", "1,619,107元"),
        (Amount("2.345", YUAN), ".2f", "2.35元"),
        (Amount("2.345", YUAN), ".2", "2.35元"),
        (Amount("-2.345", YUAN), ".2f", "-2.35元"),
        (Amount("20.3", WAN), ".2f", "20.30万元"),
        (Amount("20.3", WAN), "+", "+20.3万元"),
        (Amount(3, YUAN), "6", "    3元"),
        (Amount(3, YUAN), "<6", "3元    "),
        (Amount(3, YUAN), "*^6", "**3元**"),
        (Amount(3, YUAN), "f", "3元"),
    ],
)
def test_format(amount: Amount, spec: str, text: str) -> None:
    assert format(amount, spec) == text


def test_format_ignores_ambient_rounding(hostile_context: decimal.Context) -> None:
    hostile_context.rounding = decimal.ROUND_HALF_EVEN
    assert f"{Amount('2.5', YUAN):.0f}" == "3元"
    assert f"{Amount('1234567.891', YUAN):,}" == "1,234,567.891元"


@pytest.mark.parametrize("spec", ["x", "e", "%", ".2e", "010", "=5", ",,"])
def test_format_rejects_other_specs(spec: str) -> None:
    with pytest.raises(ValueError, match=re.escape(repr(spec))):
        format(Amount(1, YUAN), spec)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("36581.5万元", "36581.5", WAN),
        ("1619106元", "1619106", YUAN),
        ("1,619,106 元", "1619106", YUAN),
        ("4200.7 万元", "4200.7", WAN),
        ("¥1,234.50", "1234.50", YUAN),
        ("￥1,234.50", "1234.50", YUAN),
        ("3.2亿元", "3.2", YI),
        ("人民币100元", "100", YUAN),
        ("人民币 3.2 亿元", "3.2", YI),
        ("１２３４．５０万元", "1234.50", WAN),
        ("１，２３４元", "1234", YUAN),
        ("-5元", "-5", YUAN),
        ("－5元", "-5", YUAN),
        ("−5元", "-5", YUAN),
        ("+5元", "5", YUAN),
        ("-¥1,234.50", "-1234.50", YUAN),
        ("¥-1,234.50", "-1234.50", YUAN),
        ("20.30万元", "20.30", WAN),
        ("0.00万元", "0.00", WAN),
        ("-0元", "0", YUAN),
        ("  12 万 元 ", "12", WAN),
        ("007元", "7", YUAN),
        ("999,999元", "999999", YUAN),
    ],
)
def test_parse(text: str, value: str, unit: MoneyUnit) -> None:
    a = Amount.parse(text)
    assert a.unit is unit
    assert a.value.as_tuple() == Decimal(value).as_tuple()


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "1619106",
        "58.5万",
        "3亿",
        "abc元",
        "1.2.3元",
        "1,23元",
        "12,3456元",
        "1,2345元",
        ",123元",
        "0,123元",
        "1,234,56元",
        "1.5E3元",
        "1.5e3万元",
        "NaN元",
        "Infinity元",
        "--5元",
        "-¥-5",
        "5元元",
        "元5",
        "5 美元",
        "约5万元",
        "5.元",
        ".5元",
        "1 619 106元",
        "¥",
    ],
)
def test_parse_rejects(text: str) -> None:
    with pytest.raises(ValueError, match=re.escape(repr(text))) as info:
        Amount.parse(text)
    assert "expected" in str(info.value)


def test_parse_explains_bare_wan() -> None:
    with pytest.raises(ValueError, match=r"'58\.5万'") as info:
        Amount.parse("58.5万")
    assert "万元" in str(info.value)
    assert "multiplier" in str(info.value)


@pytest.mark.parametrize("value", [1.5, 1619106, Decimal("1"), None, b"1\xe5\x85\x83"])
def test_parse_non_str_is_a_type_error(value: object) -> None:
    with pytest.raises(TypeError, match=re.escape(repr(value))):
        Amount.parse(value)  # type: ignore[arg-type]


@given(amounts())
def test_str_parse_round_trip_keeps_value_and_exponent(a: Amount) -> None:
    for text in (str(a), format(a, ","), f"{a}", f" {a.value:f} {a.unit.value} "):
        assert same(Amount.parse(text), a), text


@given(amounts())
def test_repr_round_trip(a: Amount) -> None:
    assert same(eval(repr(a), {"Amount": Amount, "MoneyUnit": MoneyUnit}), a)


@given(amounts())
def test_pickle_round_trip(a: Amount) -> None:
    b = pickle.loads(pickle.dumps(a))
    assert same(b, a)
    assert hash(b) == hash(a)


# --------------------------------------------------------------------------------------------
# Derived values: yuan, decimals, interval, to
# --------------------------------------------------------------------------------------------


def test_yuan_and_decimals() -> None:
    assert Amount("36581.5", WAN).yuan.as_tuple() == Decimal("365815000").as_tuple()
    assert Amount("20.30", WAN).yuan.as_tuple() == Decimal("203000").as_tuple()
    assert Amount("0.00015", WAN).yuan.as_tuple() == Decimal("1.5").as_tuple()
    assert Amount("3.2", YI).yuan.as_tuple() == Decimal("320000000").as_tuple()
    assert Amount("1.50", YUAN).yuan.as_tuple() == Decimal("1.50").as_tuple()
    assert Amount("20.30", WAN).decimals == 2
    assert Amount("1619106", YUAN).decimals == 0
    assert Amount(Decimal("1E+3"), YUAN).decimals == 0


@pytest.mark.parametrize(
    ("amount", "low", "high"),
    [
        (Amount("20.30", WAN), "202950", "203050"),
        (Amount("20.3", WAN), "202500", "203500"),
        (Amount(1619106, YUAN), "1619105.5", "1619106.5"),
        (Amount("36581.5", WAN), "365814500", "365815500"),
        (Amount("0", WAN), "-5000", "5000"),
        (Amount("-1.5", YUAN), "-1.55", "-1.45"),
        (Amount("3.2", YI), "315000000", "325000000"),
    ],
)
def test_interval(amount: Amount, low: str, high: str) -> None:
    lo, hi = amount.interval()
    assert (lo, hi) == (Decimal(low), Decimal(high))
    assert exponent(lo) <= 0
    assert exponent(hi) <= 0


def test_sum_consistency_example_from_the_spec() -> None:
    """0.33 + 0.33 + 0.33 (万元) meets a printed 1.00; 1.02 misses by at least 100 元."""
    parts = [Amount("0.33", WAN)] * 3
    lows, highs = zip(*(p.interval() for p in parts), strict=True)
    low, high = sum(lows), sum(highs)
    total_lo, total_hi = Amount("1.00", WAN).interval()
    assert low <= total_hi
    assert total_lo <= high
    bad_lo, _ = Amount("1.02", WAN).interval()
    assert bad_lo - high == Decimal(100)


@given(amounts())
def test_interval_contains_value_and_has_the_printed_width(a: Amount) -> None:
    lo, hi = a.interval()
    assert Fraction(lo) <= fyuan(a) <= Fraction(hi)
    assert Fraction(hi) - Fraction(lo) == Fraction(10) ** exponent(a.value) * Fraction(
        a.unit.factor
    )
    assert (Fraction(lo) + Fraction(hi)) / 2 == fyuan(a)


@pytest.mark.parametrize(
    ("amount", "unit", "expected"),
    [
        (Amount("36581.5", WAN), YUAN, Amount("365815000", YUAN)),
        (Amount(1, YUAN), WAN, Amount("0.0001", WAN)),
        (Amount(1, YUAN), YI, Amount("0.00000001", YI)),
        (Amount("3.2", YI), WAN, Amount("32000", WAN)),
        (Amount("20.30", WAN), YI, Amount("0.002030", YI)),
        (Amount("20.30", WAN), WAN, Amount("20.30", WAN)),
    ],
)
def test_to(amount: Amount, unit: MoneyUnit, expected: Amount) -> None:
    assert same(amount.to(unit), expected)


def test_to_requires_a_unit() -> None:
    with pytest.raises(TypeError, match="'元'"):
        Amount(1, WAN).to("元")  # type: ignore[arg-type]


@given(amounts(), units)
def test_to_is_exact_and_reversible(a: Amount, unit: MoneyUnit) -> None:
    b = a.to(unit)
    assert b.unit is unit
    assert fyuan(b) == fyuan(a)
    assert b.yuan == a.yuan
    assert b == a
    back = b.to(a.unit)
    assert back == a
    shift = a.unit.exponent - unit.exponent
    assert exponent(b.value) == min(0, exponent(a.value) + shift)
    if unit.exponent >= a.unit.exponent:  # to a coarser unit and back: nothing lost
        assert same(back, a)


@given(amounts())
def test_yuan_is_exact(a: Amount) -> None:
    assert Fraction(a.yuan) == fyuan(a)
    assert exponent(a.yuan) == min(0, exponent(a.value) + a.unit.exponent)


# --------------------------------------------------------------------------------------------
# Equality, hashing, ordering
# --------------------------------------------------------------------------------------------


def test_equality_examples() -> None:
    assert Amount(1, WAN) == Amount(10000, YUAN)
    assert Amount("1.0", YUAN) == Amount(1, YUAN)
    assert Amount("3.2", YI) == Amount("32000.000", WAN)
    assert Amount(1, WAN) != Amount(10001, YUAN)
    assert hash(Amount(1, WAN)) == hash(Amount(10000, YUAN)) == hash(Amount("10000.00", YUAN))
    assert len({Amount(1, WAN), Amount(10000, YUAN), Amount("1.0000", WAN)}) == 1


@pytest.mark.parametrize("other", [1, Decimal(1), 1.0, Fraction(1), "1元", "1", None])
def test_equality_with_non_amounts_is_false(other: object) -> None:
    a = Amount(1, YUAN)
    assert (a == other) is False
    assert (other == a) is False
    assert a != other
    assert a.__eq__(other) is NotImplemented


@pytest.mark.parametrize("other", [1, Decimal(1), 1.0, "1元"])
@pytest.mark.parametrize(
    "op",
    [
        lambda x, y: x < y,
        lambda x, y: x <= y,
        lambda x, y: x > y,
        lambda x, y: x >= y,
        lambda x, y: y < x,
        lambda x, y: y >= x,
    ],
)
def test_ordering_with_non_amounts_is_a_type_error(
    other: object, op: Callable[[object, object], bool]
) -> None:
    with pytest.raises(TypeError):
        op(Amount(1, YUAN), other)


def test_ordering_examples() -> None:
    assert Amount("0.0001", WAN) == Amount(1, YUAN)
    assert Amount(9999, YUAN) < Amount(1, WAN) <= Amount("10000.00", YUAN)
    assert Amount("1.01", WAN) > Amount(10000, YUAN) >= Amount("0.0001", YI)
    assert sorted([Amount(2, YUAN), Amount("0.0001", YI), Amount(-1, WAN)]) == [
        Amount(-1, WAN),
        Amount(2, YUAN),
        Amount("0.0001", YI),
    ]
    assert max(Amount("20.30", WAN), Amount(203001, YUAN)) == Amount(203001, YUAN)


@given(amounts(), units, st.integers(0, 6))
def test_equal_amounts_in_any_unit_and_precision_hash_equal(
    a: Amount, unit: MoneyUnit, zeros: int
) -> None:
    b = a.to(unit)
    t = b.value.as_tuple()
    padded = Amount(Decimal((t.sign, t.digits + (0,) * zeros, exponent(b.value) - zeros)), unit)
    assert padded.decimals == b.decimals + zeros
    assert padded == a
    assert a == padded
    assert hash(padded) == hash(a)
    assert (padded != a) is False
    assert padded <= a <= padded


@given(amounts(), amounts())
@example(Amount(1, WAN), Amount(10000, YUAN))
@example(Amount("1.0", YUAN), Amount(1, YUAN))
@example(Amount("0.00000001", YI), Amount(1, YUAN))
def test_comparisons_agree_with_fractions(a: Amount, b: Amount) -> None:
    fa, fb = fyuan(a), fyuan(b)
    assert (a == b) is (fa == fb)
    assert (a != b) is (fa != fb)
    assert (a < b) is (fa < fb)
    assert (a <= b) is (fa <= fb)
    assert (a > b) is (fa > fb)
    assert (a >= b) is (fa >= fb)
    if a == b:
        assert hash(a) == hash(b)


# --------------------------------------------------------------------------------------------
# Addition, subtraction, negation, totals
# --------------------------------------------------------------------------------------------


def test_add_sub_examples() -> None:
    assert same(Amount(1, WAN) + Amount(1, YUAN), Amount(10001, YUAN))
    assert same(Amount(1, YUAN) + Amount(1, WAN), Amount(10001, YUAN))
    assert same(Amount("0.33", WAN) + Amount("0.3", WAN), Amount("0.63", WAN))
    assert same(Amount("1.5", YI) + Amount(1, WAN), Amount("15001", WAN))
    assert same(Amount(1, WAN) - Amount("0.5", YUAN), Amount("9999.5", YUAN))
    assert same(Amount("1.50", YUAN) - Amount("1.5", YUAN), Amount("0.00", YUAN))
    assert same(Amount("-1.50", YUAN) + Amount("1.50", YUAN), Amount("0.00", YUAN))
    assert not (Amount("-1.50", YUAN) + Amount("1.50", YUAN)).value.is_signed()
    assert same(Amount("0.1", YI) - Amount("1", YI), Amount("-0.9", YI))


@pytest.mark.parametrize("other", [1, 0, Decimal("1.5"), 1.5, Fraction(1, 2), True])
def test_add_sub_bare_numbers_are_type_errors(other: Any) -> None:
    a = Amount(1, YUAN)
    ops: list[Callable[[], object]] = [
        lambda: a + other,
        lambda: other + a,
        lambda: a - other,
        lambda: other - a,
    ]
    for op in ops:
        with pytest.raises(TypeError, match=re.escape(repr(other))):
            op()


def test_add_non_numbers_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        Amount(1, YUAN) + "1元"  # type: ignore[operator]
    with pytest.raises(TypeError):
        "1元" + Amount(1, YUAN)  # type: ignore[operator]


def test_builtin_sum_points_to_total() -> None:
    with pytest.raises(TypeError, match=r"Amount\.total\(amounts\)"):
        sum([Amount(1, YUAN), Amount(2, YUAN)])  # type: ignore[list-item]


def test_total() -> None:
    parts = [Amount(1, WAN), Amount("0.5", YUAN), Amount("0.01", YI)]
    assert same(Amount.total(parts), Amount("1010000.5", YUAN))
    assert same(Amount.total(iter(parts)), Amount("1010000.5", YUAN))
    assert same(Amount.total(parts, WAN), Amount("101.00005", WAN))
    assert same(Amount.total([Amount("0.33", WAN)] * 3), Amount("0.99", WAN))
    assert same(Amount.total([], WAN), Amount(0, WAN))
    assert same(Amount.total((), unit=YUAN), Amount(0, YUAN))


def test_total_errors() -> None:
    with pytest.raises(ValueError, match="empty"):
        Amount.total([])
    with pytest.raises(TypeError, match=r"item 1 .* 3"):
        Amount.total([Amount(1, YUAN), 3])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="'万元'"):
        Amount.total([Amount(1, YUAN)], "万元")  # type: ignore[arg-type]


def test_negation_and_abs() -> None:
    assert same(-Amount("1.50", WAN), Amount("-1.50", WAN))
    assert same(-Amount("-1.50", WAN), Amount("1.50", WAN))
    assert same(abs(Amount("-1.50", WAN)), Amount("1.50", WAN))
    assert same(abs(Amount("1.50", WAN)), Amount("1.50", WAN))
    zero = -Amount("0.00", YUAN)
    assert same(zero, Amount("0.00", YUAN))
    assert not zero.value.is_signed()


@given(amounts(), amounts())
def test_add_and_sub_agree_with_fractions(a: Amount, b: Amount) -> None:
    finer = a.unit if a.unit.exponent <= b.unit.exponent else b.unit
    expected_exponent = min(
        min(0, exponent(x.value) + x.unit.exponent - finer.exponent) for x in (a, b)
    )
    for result, expected in ((a + b, fyuan(a) + fyuan(b)), (a - b, fyuan(a) - fyuan(b))):
        assert result.unit is finer
        assert fyuan(result) == expected
        assert exponent(result.value) == expected_exponent
        assert not (result.value.is_zero() and result.value.is_signed())
    assert a + b == b + a
    assert (a - b) + b == a
    assert -(a - b) == b - a


@given(st.lists(amounts(), max_size=8))
def test_total_agrees_with_fractions(items: list[Amount]) -> None:
    assume(items)
    total = Amount.total(items)
    assert fyuan(total) == sum((fyuan(x) for x in items), Fraction(0))
    assert total.unit.exponent == min(x.unit.exponent for x in items)
    assert fyuan(Amount.total(items, YI)) == fyuan(total)


@given(amounts())
def test_negation_agrees_with_fractions(a: Amount) -> None:
    assert fyuan(-a) == -fyuan(a)
    assert fyuan(abs(a)) == abs(fyuan(a))
    assert exponent((-a).value) == exponent(a.value) == exponent(abs(a).value)
    negated = -a
    assert same(-negated, a)


# --------------------------------------------------------------------------------------------
# Multiplication and division
# --------------------------------------------------------------------------------------------


def test_mul_examples() -> None:
    assert same(Amount("20.30", WAN) * 3, Amount("60.90", WAN))
    assert same(3 * Amount("20.30", WAN), Amount("60.90", WAN))
    assert same(Amount("1.5", YUAN) * Decimal("0.10"), Amount("0.150", YUAN))
    assert same(Decimal("-2") * Amount("1.5", YI), Amount("-3.0", YI))
    assert same(Amount("1.5", YUAN) * Decimal("1E+2"), Amount("150", YUAN))
    assert same(Amount("1.5", YUAN) * 0, Amount("0.0", YUAN))
    assert same(Amount("1.5", YUAN) * -0, Amount("0.0", YUAN))
    assert same(Amount("-1.5", YUAN) * 0, Amount("0.0", YUAN))


@pytest.mark.parametrize("other", [1.5, True, Amount(2, YUAN)])
def test_mul_refuses_floats_bools_amounts(other: Any) -> None:
    a = Amount(1, YUAN)
    needle = "Amount" if isinstance(other, Amount) else re.escape(repr(other))
    with pytest.raises(TypeError, match=needle):
        a * other
    with pytest.raises(TypeError, match=needle):
        other * a


@pytest.mark.parametrize("other", [Decimal("NaN"), Decimal("Infinity")])
def test_mul_refuses_non_finite(other: Decimal) -> None:
    with pytest.raises(ValueError, match=re.escape(repr(other))):
        Amount(1, YUAN) * other


def test_mul_other_types_are_type_errors() -> None:
    with pytest.raises(TypeError):
        Amount(1, YUAN) * Fraction(1, 2)  # type: ignore[operator]
    with pytest.raises(TypeError):
        Amount(1, YUAN) * "2"  # type: ignore[operator]


@given(amounts(), st.one_of(st.integers(-(10**9), 10**9), decimals(max_digits=8)))
def test_mul_agrees_with_fractions(a: Amount, k: int | Decimal) -> None:
    for result in (a * k, k * a):
        assert result.unit is a.unit
        assert fyuan(result) == fyuan(a) * Fraction(k)
        k_exp = exponent(k) if isinstance(k, Decimal) else 0
        assert exponent(result.value) == min(0, exponent(a.value) + k_exp)


def test_truediv_examples() -> None:
    assert same(Amount(10, YUAN) / 4, Amount("2.5", YUAN))
    assert same(Amount("10.00", YUAN) / 4, Amount("2.50", YUAN))
    assert same(Amount("20.30", WAN) / Decimal("0.5"), Amount("40.6", WAN))
    assert same(Amount(-1, YI) / 8, Amount("-0.125", YI))
    assert same(Amount(0, YUAN) / 7, Amount(0, YUAN))
    ratio = Amount(1, WAN) / Amount(2500, YUAN)
    assert isinstance(ratio, Decimal)
    assert ratio == 4
    assert Amount("20.30", WAN) / Amount("40.6", WAN) == Decimal("0.5")


def test_truediv_non_terminating_points_to_divide() -> None:
    with pytest.raises(ValueError, match=r"10元 / 3 does not terminate") as info:
        Amount(10, YUAN) / 3
    assert ".divide(3, places" in str(info.value)
    with pytest.raises(ValueError, match=re.escape("1元 / 3元")):
        Amount(1, YUAN) / Amount(3, YUAN)
    with pytest.raises(ValueError, match=re.escape("Decimal('0.3')")):
        Amount(1, YUAN) / Decimal("0.3")


def test_division_by_zero() -> None:
    for zero in (0, Decimal(0), Decimal("-0.00")):
        with pytest.raises(ZeroDivisionError, match=re.escape(repr(zero))):
            Amount(1, YUAN) / zero
        with pytest.raises(ZeroDivisionError, match=re.escape(repr(zero))):
            Amount(1, YUAN).divide(zero, 2)
    with pytest.raises(ZeroDivisionError, match=r"\(0\.00万元\)"):
        Amount(1, YUAN) / Amount("0.00", WAN)


@pytest.mark.parametrize("other", [1.5, True])
def test_truediv_refuses_floats_and_bools(other: Any) -> None:
    with pytest.raises(TypeError, match=re.escape(repr(other))):
        Amount(1, YUAN) / other
    with pytest.raises(TypeError, match=re.escape(repr(other))):
        Amount(1, YUAN).divide(other, 2)


def test_nothing_divides_by_an_amount() -> None:
    with pytest.raises(TypeError):
        2 / Amount(1, YUAN)  # type: ignore[operator]


@given(amounts(), st.integers(-10000, 10000).filter(bool))
def test_truediv_is_exact_or_refuses(a: Amount, n: int) -> None:
    expected = Fraction(a.value) / n
    if terminates(expected):
        result = a / n
        assert result.unit is a.unit
        assert Fraction(result.value) == expected
    else:
        with pytest.raises(ValueError, match="does not terminate"):
            a / n


@given(amounts(), nonzero_factors)
def test_mul_then_div_gives_back_the_amount(a: Amount, k: int | Decimal) -> None:
    assert (a * k) / k == a


@given(amounts(), amounts().filter(lambda b: not b.is_zero))
def test_amount_ratio_is_exact_or_refuses(a: Amount, b: Amount) -> None:
    expected = fyuan(a) / fyuan(b)
    if terminates(expected):
        assert Fraction(a / b) == expected
    else:
        with pytest.raises(ValueError, match="does not terminate"):
            a / b


def test_divide_examples() -> None:
    assert same(Amount(10, YUAN).divide(3, 2), Amount("3.33", YUAN))
    assert same(Amount(20, YUAN).divide(3, 2), Amount("6.67", YUAN))
    assert same(Amount(5, YUAN).divide(2, 0), Amount("3", YUAN))
    assert same(Amount(-5, YUAN).divide(2, 0), Amount("-3", YUAN))
    assert same(Amount(5, YUAN).divide(2, 0, rounding=decimal.ROUND_HALF_EVEN), Amount(2, YUAN))
    assert same(Amount(10, WAN).divide(4, 3), Amount("2.500", WAN))
    assert same(Amount(-1, YUAN).divide(3, 0), Amount(0, YUAN))
    assert not Amount(-1, YUAN).divide(3, 0).value.is_signed()


@pytest.mark.parametrize("places", [-1, 201])
def test_divide_places_out_of_range(places: int) -> None:
    with pytest.raises(ValueError, match=re.escape(repr(places))):
        Amount(1, YUAN).divide(3, places)


@pytest.mark.parametrize("places", [1.0, "2", True, None])
def test_divide_places_must_be_int(places: Any) -> None:
    with pytest.raises(TypeError, match=re.escape(repr(places))):
        Amount(1, YUAN).divide(3, places)


def test_divide_rounding_must_be_known() -> None:
    with pytest.raises(ValueError, match="'HALF_UP'"):
        Amount(1, YUAN).divide(3, 2, rounding="HALF_UP")


@given(amounts(), nonzero_factors, st.integers(0, 10), roundings)
def test_divide_agrees_with_fraction_rounding(
    a: Amount, k: int | Decimal, places: int, rounding: str
) -> None:
    result = a.divide(k, places, rounding=rounding)
    assert result.unit is a.unit
    assert result.decimals == places
    assert Fraction(result.value) == round_fraction(
        Fraction(a.value) / Fraction(k), places, rounding
    )


# --------------------------------------------------------------------------------------------
# Rounding
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        ("2.345", 2, "2.35"),
        ("2.5", 0, "3"),
        ("-2.5", 0, "-3"),
        ("3.5", 0, "4"),
        ("0.125", 2, "0.13"),
        ("2.344", 2, "2.34"),
        ("20.3", 2, "20.30"),
        ("7", 1, "7.0"),
        ("-0.4", 0, "0"),
        ("99.95", 1, "100.0"),
    ],
)
def test_round_half_up(value: str, places: int, expected: str) -> None:
    result = Amount(value, WAN).round(places)
    assert same(result, Amount(expected, WAN))


def test_round_other_modes() -> None:
    a = Amount("2.5", YUAN)
    assert same(a.round(0, rounding=decimal.ROUND_HALF_EVEN), Amount(2, YUAN))
    assert same(a.round(0, rounding=decimal.ROUND_DOWN), Amount(2, YUAN))
    assert same(Amount("-2.1", YUAN).round(0, rounding=decimal.ROUND_FLOOR), Amount(-3, YUAN))


def test_round_ignores_the_ambient_rounding(hostile_context: decimal.Context) -> None:
    hostile_context.rounding = decimal.ROUND_HALF_EVEN
    assert same(Amount("2.5", YUAN).round(0), Amount(3, YUAN))
    assert same(Amount("0.125", YUAN).round(2), Amount("0.13", YUAN))


def test_round_argument_errors() -> None:
    with pytest.raises(ValueError, match="-1"):
        Amount(1, YUAN).round(-1)
    with pytest.raises(TypeError, match=re.escape("1.5")):
        Amount(1, YUAN).round(1.5)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="'bankers'"):
        Amount(1, YUAN).round(1, rounding="bankers")


@given(amounts(), st.integers(0, 10))
def test_round_half_up_agrees_with_fractions(a: Amount, places: int) -> None:
    result = a.round(places)
    assert result.unit is a.unit
    assert result.decimals == places
    q = Fraction(a.value) * 10**places
    reference = math.floor(abs(q) + Fraction(1, 2)) * (-1 if q < 0 else 1)
    assert Fraction(result.value) == Fraction(reference, 10**places)


@given(amounts(), st.integers(0, 10), roundings)
def test_round_agrees_with_fractions_in_every_mode(a: Amount, places: int, rounding: str) -> None:
    result = a.round(places, rounding=rounding)
    assert Fraction(result.value) == round_fraction(Fraction(a.value), places, rounding)


# --------------------------------------------------------------------------------------------
# Independence from the ambient decimal context
# --------------------------------------------------------------------------------------------


def test_operations_ignore_a_three_digit_context(hostile_context: decimal.Context) -> None:
    a = Amount("36581.5", WAN)
    b = Amount("1619106", YUAN)
    assert same(a + b, Amount("367434106", YUAN))
    assert same(a - b, Amount("364195894", YUAN))
    assert same(a.to(YUAN), Amount("365815000", YUAN))
    assert same(b.to(YI), Amount("0.01619106", YI))
    assert same(a * 7, Amount("256070.5", WAN))
    assert same(b / 8, Amount("202388.25", YUAN))
    assert same(b.divide(7, 2), Amount("231300.86", YUAN))
    assert same(Amount("2.345", YUAN).round(2), Amount("2.35", YUAN))
    assert a.interval() == (Decimal("365814500"), Decimal("365815500"))
    assert a.yuan == Decimal("365815000")
    assert a == Amount(365815000, YUAN)
    assert hash(a) == hash(Decimal("365815000"))
    assert str(Amount.parse("1,234,567.891元")) == "1234567.891元"
    assert same(Amount.total([a, b, b]), Amount("369053212", YUAN))


@given(amounts(), amounts(), st.integers(-999, 999), units, st.integers(0, 6))
def test_results_do_not_depend_on_the_ambient_context(
    a: Amount, b: Amount, k: int, unit: MoneyUnit, places: int
) -> None:
    def run() -> list[Any]:
        return [
            a + b,
            a - b,
            a * k,
            a.to(unit),
            a.round(places),
            a.divide(7, places),
            a.interval(),
            a.yuan,
            str(a),
            a < b,
            a == b,
            hash(a),
            Amount.parse(str(b)),
        ]

    normal = run()
    with decimal.localcontext() as ctx:
        ctx.prec = 3
        ctx.rounding = decimal.ROUND_DOWN
        ctx.traps[decimal.Inexact] = True
        ctx.traps[decimal.Rounded] = True
        hostile = run()
    for x, y in zip(normal, hostile, strict=True):
        if isinstance(x, Amount):
            assert same(x, y)
        else:
            assert x == y


# --------------------------------------------------------------------------------------------
# Limits: a result that cannot be exact raises instead of rounding
# --------------------------------------------------------------------------------------------


def test_results_beyond_the_precision_raise_value_error() -> None:
    tiny = Amount("0." + "0" * 149 + "1", YUAN)
    huge = Amount(10**60, YUAN)
    with pytest.raises(ValueError, match="significant digits"):
        tiny + huge
    big = Amount(int("9" * 150), YUAN)
    with pytest.raises(ValueError, match="significant digits"):
        big * int("9" * 60)
    with pytest.raises(ValueError, match="significant digits"):
        Amount(int("9" * 195), YUAN) * 10**6
    with pytest.raises(ValueError, match="significant digits"):
        Amount(int("9" * 195), YI).to(YUAN)
    with pytest.raises(ValueError, match="decimal places"):
        Amount(Decimal("1E-195"), YUAN).to(YI)
    with pytest.raises(ValueError, match="significant digits"):
        Amount(1, YUAN) / 2**600


@pytest.mark.parametrize(
    "factor",
    [Decimal("1E-999999999"), Decimal("1E+999999999"), Decimal("1E-201"), Decimal("9" * 201)],
)
def test_runaway_factors_are_refused_quickly(factor: Decimal) -> None:
    a = Amount("1.5", YUAN)
    for op in (lambda: a * factor, lambda: a / factor, lambda: a.divide(factor, 2)):
        with pytest.raises(ValueError, match=re.escape(repr(factor))):
            op()


def test_runaway_int_factors_are_refused() -> None:
    a = Amount("1.5", YUAN)
    huge = 10**5000
    for op in (lambda: a * huge, lambda: huge * a, lambda: a / huge, lambda: a.divide(huge, 2)):
        with pytest.raises(ValueError, match="significant digits"):
            op()


@given(st.decimals(allow_nan=False, allow_infinity=False, places=6), st.integers(0, 4))
def test_round_decimal_is_half_up_like_fraction(value: Decimal, places: int) -> None:
    scale = Fraction(10) ** places
    exact = Fraction(value) * scale
    floor = exact.numerator // exact.denominator
    half_up = floor + 1 if exact - floor >= Fraction(1, 2) else floor
    if exact < 0:  # half away from zero, as ROUND_HALF_UP does
        magnitude = -exact
        f = magnitude.numerator // magnitude.denominator
        half_up = -(f + 1 if magnitude - f >= Fraction(1, 2) else f)
    assert Fraction(round_decimal(value, places)) == Fraction(half_up) / scale
    assert round_decimal(value, places).as_tuple().exponent == -places


# --------------------------------------------------------------------------------------------
# Issue 8: linear parsing, the library's own errors (regressions)
# --------------------------------------------------------------------------------------------


def test_parse_is_linear_in_white_space() -> None:
    import time

    from govdisclosure.errors import MoneyError

    for text in (
        " " * 100_000 + "x",
        "-" + " " * 100_000 + "x",
        "¥" + " " * 50_000 + "1 " * 50_000,
    ):
        start = time.perf_counter()
        with pytest.raises(MoneyError):
            Amount.parse(text)
        assert time.perf_counter() - start < 2.0  # n**4 before: over 60 s at n = 400
    assert Amount.parse(" " * 1000 + "- ¥ 1,234.50" + " " * 1000) == Amount("-1234.50", YUAN)
    assert Amount.parse("\u3000 + 人民币 \t 3.2 亿 元 ") == Amount("3.2", MoneyUnit.YI_YUAN)


def test_errors_are_the_librarys_own() -> None:
    from govdisclosure.errors import GovDisclosureError, MoneyError, WrongTypeError

    with pytest.raises(MoneyError, match="decimal places"):
        Amount("0." + "0" * 200 + "1", YUAN)
    with pytest.raises(WrongTypeError, match="float"):
        Amount(20.3, YUAN)  # type: ignore[arg-type]
    with pytest.raises(WrongTypeError, match="4301 digits"):
        Amount(1, YUAN) + 10**4300  # type: ignore[operator]
    with pytest.raises(MoneyError, match="4301 digits"):
        Amount(1, YUAN).round(10**4300)
    with pytest.raises(MoneyError, match="width"):
        format(Amount(1, YUAN), ">99999999999999999999")
    with pytest.raises(MoneyError, match="places"):
        format(Amount(1, YUAN), "." + "9" * 5000 + "f")
    with pytest.raises(MoneyError):
        Amount.parse("58.5万")
    assert issubclass(MoneyError, ValueError)
    assert issubclass(WrongTypeError, TypeError)
    assert issubclass(MoneyError, GovDisclosureError)
    with pytest.raises(ZeroDivisionError):
        Amount(1, YUAN) / 0


def test_every_valid_amount_has_a_value_in_yuan_and_an_interval() -> None:
    widest = Amount("9" * 200, MoneyUnit.YI_YUAN)
    assert widest.yuan == Decimal("9" * 200 + "0" * 8)
    assert hash(widest) == hash(widest.yuan)
    finest = Amount("0." + "0" * 199 + "1", YUAN)
    assert finest.interval() == (Decimal("5E-201"), Decimal("1.5E-200"))


def test_exact_context() -> None:
    import decimal

    from govdisclosure.money import exact_context

    ctx = exact_context()
    assert ctx is not exact_context()  # a new one each time: nobody shares its flags
    assert ctx.prec == 200
    assert ctx.rounding == decimal.ROUND_HALF_UP
    with pytest.raises(decimal.Inexact):
        ctx.divide(Decimal(1), Decimal(3))
    with pytest.raises(decimal.Rounded):
        ctx.plus(Decimal("1" + "0" * 200))  # exact, but a zero would be dropped
    assert ctx.add(Decimal("0.1"), Decimal("0.20")) == Decimal("0.30")
