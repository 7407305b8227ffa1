"""Fuzzers of every public reader of govdisclosure.numerals: a result or NumeralError."""

from __future__ import annotations

import datetime
from decimal import Decimal

from hypothesis import example, given
from hypothesis import strategies as st

from fuzz.conftest import adversarial_text, fuzz_settings, result_or_own_error, weird_values
from govdisclosure import numerals
from govdisclosure.numerals import (
    MAX_NUMERAL,
    FoundQuantity,
    Ordinal,
    OrdinalStyle,
    Qualifier,
    Quantity,
    digits_to_int,
    find_quantities,
    format_ordinal,
    from_int,
    parse_date,
    parse_ordinal,
    parse_quantity,
    split_ordinal,
    to_int,
)

#: The reproducers of issue 8 (and their neighbours), run on every profile.
REPRODUCERS = [
    "1" * 4301 + ".",
    "1" * 4301 + "、",
    "(" + "一" * 5000 + ")",
    "一" + "亿" * 2_000,
    "1" * 20_000,
    "1." * 10_000,
    "a" * 10_000 + "@",
    " " * 2_000 + "x",
    "\ud800",
    "一\udfff件",
]


@fuzz_settings()
@given(text=adversarial_text())
@example(text=REPRODUCERS[3])
@example(text="\ud800")
def test_to_int(text: str) -> None:
    value = result_or_own_error(to_int, text)
    if value is not None:
        assert 0 <= value <= MAX_NUMERAL
        assert to_int(from_int(value)) == value


@fuzz_settings()
@given(value=st.one_of(weird_values(), st.integers(min_value=-1, max_value=MAX_NUMERAL + 1)))
@example(value=10**4300)
def test_from_int(value: object) -> None:
    for financial in (False, True):
        text = result_or_own_error(from_int, value, financial=financial)  # type: ignore[arg-type]
        if text is not None:
            assert to_int(text) == value


@fuzz_settings()
@given(text=adversarial_text())
@example(text="二\u3007二四")
def test_digits_to_int(text: str) -> None:
    value = result_or_own_error(digits_to_int, text)
    if value is not None:
        assert 0 <= value <= MAX_NUMERAL


@fuzz_settings()
@given(
    text=st.one_of(adversarial_text(), st.dates().map(lambda d: f"{d.year}年{d.month}月{d.day}日"))
)
@example(text="二\u3007一六年一月二十九日")
@example(text="0000年1月1日")
def test_parse_date(text: str) -> None:
    value = result_or_own_error(parse_date, text)
    assert value is None or isinstance(value, datetime.date)


@fuzz_settings()
@given(text=adversarial_text())
@example(text=REPRODUCERS[0])
@example(text=REPRODUCERS[1])
@example(text=REPRODUCERS[2])
def test_parse_and_split_ordinal(text: str) -> None:
    ordinal = result_or_own_error(parse_ordinal, text)
    if ordinal is not None:
        assert parse_ordinal(ordinal.format()) == ordinal
    split = result_or_own_error(split_ordinal, text)
    if split is not None:
        assert isinstance(split[0], Ordinal)
        assert text.endswith(split[1])


@fuzz_settings()
@given(value=weird_values(), style=st.one_of(st.sampled_from(OrdinalStyle), weird_values()))
def test_ordinal_constructors(value: object, style: object) -> None:
    result_or_own_error(Ordinal, value, style)  # type: ignore[arg-type]
    for fullwidth in (False, True):
        text = result_or_own_error(format_ordinal, value, style, fullwidth=fullwidth)  # type: ignore[arg-type]
        if text is not None:
            assert parse_ordinal(text).value == value


@fuzz_settings()
@given(text=adversarial_text())
@example(text="1" * 5_000 + "件")
@example(text="约" + " " * 3_000 + "1" + " " * 3_000 + "x")
def test_parse_quantity(text: str) -> None:
    quantity = result_or_own_error(parse_quantity, text)
    if quantity is not None:
        assert parse_quantity(str(quantity)) == quantity
        result_or_own_error(quantity.bounds)
        if quantity.is_money:
            result_or_own_error(lambda: quantity.amount)


@fuzz_settings()
@given(
    value=weird_values(),
    unit=st.one_of(st.sampled_from(numerals.MEASURE_WORDS), weird_values()),
    qualifier=st.one_of(st.none(), st.sampled_from(Qualifier), weird_values()),
    probe=weird_values(),
)
def test_quantity_constructor(
    value: object, unit: object, qualifier: object, probe: object
) -> None:
    quantity = result_or_own_error(Quantity, value, unit, qualifier)  # type: ignore[arg-type]
    if quantity is not None:
        assert isinstance(quantity.value, Decimal)
        result_or_own_error(quantity.admits, probe)  # type: ignore[arg-type]
        result_or_own_error(lambda: quantity.exact)


@fuzz_settings()
@given(text=adversarial_text(400))
@example(text=REPRODUCERS[4])
@example(text=REPRODUCERS[5])
@example(text=REPRODUCERS[6])
@example(text="收到申请两件,第三次,一是,一、十二条")
def test_find_quantities(text: str) -> None:
    digits = result_or_own_error(find_quantities, text)
    both = result_or_own_error(find_quantities, text, chinese=True)
    assert digits is not None, "find_quantities reads any str"
    assert both is not None, "find_quantities reads any str"
    for found in both:
        assert isinstance(found, FoundQuantity)
        assert text[found.start : found.end] == found.text
    assert set(digits) <= set(both), "chinese=True only adds figures"
    assert [f.start for f in both] == sorted(f.start for f in both)


@fuzz_settings()
@given(value=weird_values())
def test_readers_refuse_other_types(value: object) -> None:
    readers = (to_int, digits_to_int, parse_date, parse_ordinal, split_ordinal, parse_quantity)
    for reader in readers:
        if not isinstance(value, str):
            result = result_or_own_error(reader, value)  # type: ignore[operator]
            assert result is None, f"{reader.__name__} accepted {value!r}"
    if not isinstance(value, str):
        assert result_or_own_error(find_quantities, value) is None  # type: ignore[arg-type]


@fuzz_settings()
@given(
    head=adversarial_text(40),
    padding=st.sampled_from(["", " " * 300, "\u3000" * 200, "(" + " " * 300, "\u203e" * 150]),
    tail=adversarial_text(400),
)
@example(head="(", padding=" " * 300, tail="一)标题")
@example(head="1", padding="", tail="1" * 300 + ".x")
@example(head=" " * 300 + "12", padding="", tail=".5" + "x" * 300)
def test_split_ordinal_window_agrees_with_the_whole_text(
    head: str, padding: str, tail: str
) -> None:
    from govdisclosure.numerals.ordinals import _split

    text = head + padding + tail
    assert split_ordinal(text) == _split(text, len(text))
