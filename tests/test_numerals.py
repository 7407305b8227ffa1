"""Tests of govdisclosure.numerals: Chinese numerals, ordinals, and quantities in prose."""

from __future__ import annotations

import datetime
import decimal
import json
import pickle
import re
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

import cn2an  # type: ignore[import-untyped]
import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from govdisclosure.errors import GovDisclosureError, WrongTypeError
from govdisclosure.money import Amount, MoneyUnit
from govdisclosure.numerals import (
    MAX_NUMERAL,
    MAX_ORDINAL,
    MEASURE_WORDS,
    FoundQuantity,
    NumeralError,
    Ordinal,
    OrdinalStyle,
    Qualifier,
    Quantity,
    digits_to_int,
    find_date,
    find_quantities,
    format_ordinal,
    from_int,
    parse_date,
    parse_ordinal,
    parse_quantity,
    split_ordinal,
    to_int,
)

DATA = Path(__file__).parent / "data" / "numerals"


def raises_quoting(exc: type[BaseException], text: object) -> Any:
    """pytest.raises that also demands the message quote the offending input."""
    return pytest.raises(exc, match=re.escape(repr(text)))


# =============================================================================================
# Chinese numerals
# =============================================================================================


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("零", 0),
        ("〇", 0),
        ("一", 1),
        ("两", 2),
        ("十", 10),
        ("十二", 12),
        ("一十二", 12),
        ("二十", 20),
        ("一百一十", 110),
        ("一百零五", 105),
        ("二千零二十四", 2024),
        ("两千零二十四", 2024),
        ("一万零一十", 10010),
        ("一万零十", 10010),  # as cn2an reads it
        ("一万二千", 12000),
        ("十万", 100000),
        ("一十万", 100000),
        ("一亿", 100000000),
        ("一亿零一", 100000001),
        ("一万亿", 10**12),
        ("一万零一亿", 10**12 + 10**8),
        ("两亿两千万", 220000000),
        ("九千九百九十九万九千九百九十九亿九千九百九十九万九千九百九十九", MAX_NUMERAL),
        # colloquial abbreviations
        ("一万二", 12000),
        ("三千五", 3500),
        ("两万三", 23000),
        ("一亿二", 120000000),
        ("一百五", 150),
        ("三万五千五", 35500),
        ("十一万五", 115000),
        # 大写 and traditional
        ("壹拾贰", 12),
        ("拾贰", 12),
        ("壹佰零伍", 105),
        ("贰仟零贰拾肆", 2024),
        ("貳拾參", 23),
        ("壹萬貳仟", 12000),
        ("壹億", 100000000),
        ("一萬二千", 12000),
        # surrounding white space is ignored
        ("  十二\n", 12),
    ],
)
def test_to_int(text: str, value: int) -> None:
    assert to_int(text) == value


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "十十",
        "万",
        "亿",
        "零零",
        "零五",
        "一二三",
        "二〇二四",  # a year read digit by digit
        "一零",
        "一百十",
        "一千五十",  # 零 missing
        "一百零五十",  # 零 where none belongs
        "一万零五千",
        "一万一万",
        "一千万五",  # no abbreviation after a unit-less 万
        "一亿二千五",
        "十两",
        "两十",
        "一万两",
        "壹百二十",  # 大写 mixed with ordinary digits
        "一亿亿",  # out of range
        "一万万亿",
        "12",
        "十二个",
        "三安全一稳定",
    ],
)
def test_to_int_rejects(text: str) -> None:
    with raises_quoting(NumeralError, text):
        to_int(text)


def test_to_int_errors_say_what_was_expected() -> None:
    with pytest.raises(ValueError, match="digit-by-digit"):
        to_int("一二三")
    with pytest.raises(ValueError, match="out of range"):
        to_int("一亿亿")
    with pytest.raises(ValueError, match="mixes 大写"):
        to_int("壹百二十")
    with pytest.raises(ValueError, match="unexpected '1' at position 0"):
        to_int("1万")
    with pytest.raises(ValueError, match="expected digits"):
        to_int("十十")


@pytest.mark.parametrize("bad", [12, None, b"\xe5\x8d\x81", 1.0])
def test_to_int_type(bad: object) -> None:
    with raises_quoting(TypeError, bad):
        to_int(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (0, "零"),
        (1, "一"),
        (10, "十"),
        (12, "十二"),
        (20, "二十"),
        (101, "一百零一"),
        (110, "一百一十"),
        (1005, "一千零五"),
        (1050, "一千零五十"),
        (2024, "二千零二十四"),
        (10010, "一万零一十"),
        (10500, "一万零五百"),
        (12000, "一万二千"),
        (100000, "十万"),
        (1100000, "一百一十万"),
        (100000000, "一亿"),
        (100000001, "一亿零一"),
        (100050000, "一亿零五万"),
        (120000000, "一亿二千万"),
        (10**9, "十亿"),
        (10**12, "一万亿"),
        (10**13, "十万亿"),
        (10**12 + 10**8, "一万零一亿"),
        (10**12 + 1, "一万亿零一"),
        (MAX_NUMERAL, "九千九百九十九万九千九百九十九亿九千九百九十九万九千九百九十九"),
    ],
)
def test_from_int(n: int, text: str) -> None:
    assert from_int(n) == text


@pytest.mark.parametrize(
    ("n", "text"),
    [(0, "零"), (10, "壹拾"), (12, "壹拾贰"), (110, "壹佰壹拾"), (2024, "贰仟零贰拾肆")],
)
def test_from_int_financial(n: int, text: str) -> None:
    assert from_int(n, financial=True) == text


@pytest.mark.parametrize("n", [-1, 10**16, 10**20])
def test_from_int_range(n: int) -> None:
    with raises_quoting(NumeralError, n):
        from_int(n)


@pytest.mark.parametrize("n", [True, False, 1.0, "12", Decimal(12), None])
def test_from_int_type(n: object) -> None:
    with raises_quoting(TypeError, n):
        from_int(n)  # type: ignore[arg-type]


def test_numeral_error_is_a_value_error() -> None:
    from govdisclosure.errors import GovDisclosureError

    assert issubclass(NumeralError, ValueError)
    assert issubclass(NumeralError, GovDisclosureError)


@given(st.integers(0, 10**12))
@example(0)
@example(10)
@example(10**12)
def test_round_trip_up_to_1e12(n: int) -> None:
    assert to_int(from_int(n)) == n
    assert to_int(from_int(n, financial=True)) == n


@given(st.integers(0, MAX_NUMERAL))
@example(MAX_NUMERAL)
@example(10**15)
def test_round_trip_full_range(n: int) -> None:
    assert to_int(from_int(n)) == n
    assert to_int(from_int(n, financial=True)) == n


def _digit_lengths() -> st.SearchStrategy[int]:
    # numbers with many zeros (零 placement) as often as dense ones
    return st.one_of(
        st.integers(0, MAX_NUMERAL),
        st.builds(
            lambda digits: int("".join(digits)),
            st.lists(st.sampled_from("0000000123456789"), min_size=1, max_size=16),
        ),
    )


@given(_digit_lengths())
def test_agrees_with_cn2an(n: int) -> None:
    for text in (from_int(n), from_int(n, financial=True)):
        result = cn2an.cn2an(text, "strict")
        assert int(result) == result
        assert int(result) == n


_ORDINARY = "零一二三四五六七八九十百千万亿"
_ABBREVIATION = re.compile("[一二三四五六七八九][百千万亿][一二三四五六七八九]$")


@given(st.text(alphabet=_ORDINARY, min_size=1, max_size=9))
def test_accepted_strings_agree_with_cn2an(text: str) -> None:
    """Whatever we accept (bar the colloquial abbreviations) cn2an reads the same way."""
    try:
        ours = to_int(text)
    except NumeralError:
        return
    if _ABBREVIATION.search(text) is not None:
        return
    variant = text[1:] if text.startswith("一十") else text
    assert from_int(ours) == variant.replace("零十", "零一十")
    assert int(cn2an.cn2an(text, "strict")) == ours


@given(
    st.integers(1, 9_999),
    st.sampled_from([("百", 100), ("千", 1000), ("万", 10**4), ("亿", 10**8)]),
    st.integers(1, 9),
)
def test_abbreviation_means_the_next_lower_place(head: int, unit: tuple[str, int], d: int) -> None:
    char, place = unit
    written = from_int(head * place)
    assume(written[-1] == char and written[-2] in "一二三四五六七八九")
    assert to_int(written + from_int(d)) == head * place + d * place // 10


# =============================================================================================
# Ordinals
# =============================================================================================


@pytest.mark.parametrize(
    ("text", "value", "style"),
    [
        ("一、", 1, OrdinalStyle.CHINESE),
        ("十二、", 12, OrdinalStyle.CHINESE),
        ("（三）", 3, OrdinalStyle.PAREN),
        ("(三)", 3, OrdinalStyle.PAREN),
        ("(十二)", 12, OrdinalStyle.PAREN),
        ("( 四 )", 4, OrdinalStyle.PAREN),
        ("1.", 1, OrdinalStyle.ARABIC_DOT),
        ("12.", 12, OrdinalStyle.ARABIC_DOT),
        ("１２．", 12, OrdinalStyle.ARABIC_DOT),
        ("1、", 1, OrdinalStyle.ARABIC_COMMA),
        (" 7、 ", 7, OrdinalStyle.ARABIC_COMMA),
    ],
)
def test_parse_ordinal(text: str, value: int, style: OrdinalStyle) -> None:
    assert parse_ordinal(text) == Ordinal(value, style)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "一",
        "一是",
        "2015年",
        "0.",
        "01.",
        "(1)",
        "(十二",
        "十十、",
        "1000.",
        "(零)",
        "1.5",
        "第一、",
    ],
)
def test_parse_ordinal_rejects(text: str) -> None:
    with raises_quoting(NumeralError, text):
        parse_ordinal(text)


def test_parse_ordinal_type() -> None:
    with raises_quoting(TypeError, 1):
        parse_ordinal(1)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "value", "style", "rest"),
    [
        ("一、总体工作情况", 1, OrdinalStyle.CHINESE, "总体工作情况"),
        ("八、其他认为应当报告的事项", 8, OrdinalStyle.CHINESE, "其他认为应当报告的事项"),
        ("（一）主动公开", 1, OrdinalStyle.PAREN, "主动公开"),
        ("(三)不予公开 | 1.属于国家秘密", 3, OrdinalStyle.PAREN, "不予公开 | 1.属于国家秘密"),
        ("1.属于国家秘密", 1, OrdinalStyle.ARABIC_DOT, "属于国家秘密"),
        ("2. 其他法律行政法规禁止公开", 2, OrdinalStyle.ARABIC_DOT, "其他法律行政法规禁止公开"),
        ("3、补正后申请内容仍不明确", 3, OrdinalStyle.ARABIC_COMMA, "补正后申请内容仍不明确"),
        ("  四、结转下年度继续办理", 4, OrdinalStyle.CHINESE, "结转下年度继续办理"),
        ("一、", 1, OrdinalStyle.CHINESE, ""),
        ("㈠主动公开", 1, OrdinalStyle.PAREN, "主动公开"),  # NFKC: ㈠ is (一)
    ],
)
def test_split_ordinal(text: str, value: int, style: OrdinalStyle, rest: str) -> None:
    assert split_ordinal(text) == (Ordinal(value, style), rest)


@pytest.mark.parametrize(
    "text",
    [
        "一是成立了政府信息公开工作领导小组",
        "二是及时按要求对办事指南进行了更新",
        "2015年,市民政局政府信息公开工作",
        "1.5万元",
        "2015、2016年连续两年",
        "(2019)第3号",
        "三安全一稳定",
        "十分重视",
        "万、千",
        "",
        "第一、",
        "0.本年",
    ],
)
def test_split_ordinal_none(text: str) -> None:
    assert split_ordinal(text) is None


@pytest.mark.parametrize(
    ("n", "style", "fullwidth", "text"),
    [
        (1, OrdinalStyle.CHINESE, False, "一、"),
        (1, OrdinalStyle.CHINESE, True, "一、"),
        (1, OrdinalStyle.PAREN, False, "(一)"),
        (1, OrdinalStyle.PAREN, True, "（一）"),
        (12, OrdinalStyle.PAREN, False, "(十二)"),
        (3, OrdinalStyle.ARABIC_DOT, False, "3."),
        (3, OrdinalStyle.ARABIC_DOT, True, "3．"),
        (3, OrdinalStyle.ARABIC_COMMA, False, "3、"),
        (110, OrdinalStyle.CHINESE, False, "一百一十、"),
    ],
)
def test_format_ordinal(n: int, style: OrdinalStyle, fullwidth: bool, text: str) -> None:
    assert format_ordinal(n, style, fullwidth=fullwidth) == text


@pytest.mark.parametrize("n", [0, -1, MAX_ORDINAL + 1])
def test_format_ordinal_range(n: int) -> None:
    with raises_quoting(NumeralError, n):
        format_ordinal(n, OrdinalStyle.CHINESE)


@pytest.mark.parametrize("n", [True, 1.0, "1"])
def test_format_ordinal_type(n: object) -> None:
    with raises_quoting(TypeError, n):
        format_ordinal(n, OrdinalStyle.CHINESE)  # type: ignore[arg-type]


def test_format_ordinal_style_type() -> None:
    with raises_quoting(TypeError, "paren"):
        format_ordinal(1, "paren")  # type: ignore[arg-type]


def test_ordinal_class() -> None:
    o = Ordinal(2, OrdinalStyle.PAREN)
    assert str(o) == "(二)"
    assert o.format(fullwidth=True) == "（二）"
    assert pickle.loads(pickle.dumps(o)) == o
    assert {o, Ordinal(2, OrdinalStyle.PAREN)} == {o}
    with raises_quoting(NumeralError, 0):
        Ordinal(0, OrdinalStyle.PAREN)
    with raises_quoting(TypeError, "2"):
        Ordinal("2", OrdinalStyle.PAREN)  # type: ignore[arg-type]
    with raises_quoting(TypeError, "paren"):
        Ordinal(2, "paren")  # type: ignore[arg-type]
    assert [s.example for s in OrdinalStyle] == ["一、", "(一)", "1.", "1、"]


_REST = st.text(alphabet="总体工作情况主动公开政府信息申请、|.一二三", min_size=0, max_size=12)


@given(st.integers(1, MAX_ORDINAL), st.sampled_from(OrdinalStyle), st.booleans(), _REST)
def test_ordinal_round_trip(n: int, style: OrdinalStyle, fullwidth: bool, rest: str) -> None:
    text = format_ordinal(n, style, fullwidth=fullwidth)
    assert parse_ordinal(text) == Ordinal(n, style)
    assert split_ordinal(text + rest) == (Ordinal(n, style), rest)
    assert split_ordinal(" " + text + " " + rest) == (Ordinal(n, style), rest)


# =============================================================================================
# Quantities: parsing, printing, semantics
# =============================================================================================


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier", "canonical"),
    [
        ("300余条", "300", "条", Qualifier.YU, "300余条"),
        ("近200件", "200", "件", Qualifier.JIN, "近200件"),
        ("约1630万元", "1630", "万元", Qualifier.YUE, "约1630万元"),
        ("超104万次", "104", "万次", Qualifier.CHAO, "超104万次"),
        ("6.1万余次", "6.1", "万次", Qualifier.YU, "6.1万余次"),
        ("121702户", "121702", "户", None, "121702户"),
        ("36581.5万元", "36581.5", "万元", None, "36581.5万元"),
        ("1,619,106元", "1619106", "元", None, "1619106元"),
        ("超过5000人", "5000", "人", Qualifier.CHAOGUO, "超过5000人"),
        ("100多件", "100", "件", Qualifier.DUO, "100多件"),
        ("1000件以上", "1000", "件", Qualifier.YISHANG, "1000件以上"),
        ("500人左右", "500", "人", Qualifier.ZUOYOU, "500人左右"),
        ("300余万元", "300", "万元", Qualifier.YU, "300万余元"),
        ("3万多人次", "3", "万人次", Qualifier.DUO, "3万多人次"),
        ("58.5万", "58.5", "万", None, "58.5万"),
        ("1.2亿元", "1.2", "亿元", None, "1.2亿元"),
        ("20.30万元", "20.30", "万元", None, "20.30万元"),
        ("0元", "0", "元", None, "0元"),
        ("将近300人", "300", "人", Qualifier.JIN, "近300人"),
        ("接近300人", "300", "人", Qualifier.JIN, "近300人"),
        ("大约300人", "300", "人", Qualifier.YUE, "约300人"),
        ("逾300人", "300", "人", Qualifier.CHAO, "超300人"),
        ("至少5家", "5", "家", Qualifier.YISHANG, "5家以上"),
        ("３ 件", "3", "件", None, "3件"),
        ("０．５万元", "0.5", "万元", None, "0.5万元"),
        (" 16场 ", "16", "场", None, "16场"),
    ],
)
def test_parse_quantity(
    text: str, value: str, unit: str, qualifier: Qualifier | None, canonical: str
) -> None:
    q = parse_quantity(text)
    assert q == Quantity(Decimal(value), unit, qualifier)
    assert format(q.value, "f") == value
    assert str(q) == canonical


@pytest.mark.parametrize(
    "text",
    [
        "",
        "300",
        "300余",
        "2015年",
        "第10次",
        "95%",
        "3个部分",
        "05件",
        "1,2345元",
        "1,619,10元",
        "-3件",
        "3件 4件",
        "约300余条",
        "300余万余元",
        "300余条以上",
        "三件",
        "3册子",
        "3 千件",
        "1e3件",
    ],
)
def test_parse_quantity_rejects(text: str) -> None:
    with raises_quoting(NumeralError, text):
        parse_quantity(text)


def test_parse_quantity_type() -> None:
    with raises_quoting(TypeError, 3):
        parse_quantity(3)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "low", "high", "low_inclusive", "high_inclusive"),
    [
        ("121702户", "121702", "121702", True, True),
        ("300余条", "300", "400", False, False),
        ("10余条", "10", "20", False, False),
        ("312余条", "312", "313", False, False),
        ("100多件", "100", "200", False, False),
        ("6.1万余次", "61000", "62000", False, False),
        ("6.10万余次", "61000", "61100", False, False),
        ("300余万元", "3000000", "4000000", False, False),
        ("超104万次", "1040000", None, False, False),
        ("超过5000人", "5000", None, False, False),
        ("1000件以上", "1000", None, True, False),
        ("近200件", "100", "200", True, False),
        ("近1.5万人", "14000", "15000", True, False),
        ("约1630万元", "16200000", "16400000", True, True),
        ("约0.35万元", "3400", "3600", True, True),
        ("500人左右", "400", "600", True, True),
        ("58.5万", "585000", "585000", True, True),
    ],
)
def test_bounds(
    text: str, low: str, high: str | None, low_inclusive: bool, high_inclusive: bool
) -> None:
    expected = (
        Decimal(low),
        None if high is None else Decimal(high),
        low_inclusive,
        high_inclusive,
    )
    assert parse_quantity(text).bounds() == expected


@pytest.mark.parametrize(
    ("text", "admitted", "refused"),
    [
        ("300余条", [301, 312, 399, Decimal("300.5")], [299, 300, 400, 401]),
        ("10余条", [11, 19], [10, 20, 21]),
        ("6.1万余次", [61001, 61999], [61000, 62000, 6]),
        ("近200件", [100, 150, 199], [99, 200, 201]),
        ("约1630万元", [16200000, 16300000, 16350000, 16400000], [16199999, 16400001]),
        ("超104万次", [1040001, 10**12], [1040000, 0]),
        ("1000件以上", [1000, 1001, 10**9], [999]),
        ("121702户", [121702, Decimal("121702.00")], [121701, 121703]),
    ],
)
def test_admits(text: str, admitted: list[int | Decimal], refused: list[int | Decimal]) -> None:
    q = parse_quantity(text)
    assert all(q.admits(x) for x in admitted)
    assert not any(q.admits(x) for x in refused)


@pytest.mark.parametrize("bad", [1.0, True, "300", None])
def test_admits_type(bad: object) -> None:
    with raises_quoting(TypeError, bad):
        parse_quantity("300余条").admits(bad)  # type: ignore[arg-type]


def test_admits_nan() -> None:
    with pytest.raises(NumeralError, match="NaN"):
        parse_quantity("300余条").admits(Decimal("NaN"))


@pytest.mark.parametrize(
    ("text", "multiplier", "measure", "is_money", "exact"),
    [
        ("6.1万余次", 10**4, "次", False, "61000"),
        ("超104万次", 10**4, "次", False, "1040000"),
        ("1.5亿人次", 10**8, "人次", False, "150000000"),
        ("58.5万", 10**4, "", False, "585000"),
        ("1.23456万", 10**4, "", False, "12345.6"),
        ("300余条", 1, "条", False, "300"),
        ("36581.5万元", 1, "元", True, "365815000"),
        ("4906.29万元", 1, "元", True, "49062900"),
        ("1.2亿元", 1, "元", True, "120000000"),
        ("1619106元", 1, "元", True, "1619106"),
        ("20.30元", 1, "元", True, "20.30"),
    ],
)
def test_unit_properties(
    text: str, multiplier: int, measure: str, is_money: bool, exact: str
) -> None:
    q = parse_quantity(text)
    assert q.multiplier == multiplier
    assert isinstance(q.multiplier, Decimal)
    assert q.measure == measure
    assert q.is_money is is_money
    assert q.exact == Decimal(exact)
    assert format(q.exact, "f") == exact


def test_amount() -> None:
    assert parse_quantity("约1630万元").amount == Amount("1630", MoneyUnit.WAN_YUAN)
    assert str(parse_quantity("36581.5万元").amount) == "36581.5万元"
    assert parse_quantity("1619106元").amount.unit is MoneyUnit.YUAN
    assert parse_quantity("1.2亿元").amount.unit is MoneyUnit.YI_YUAN
    for text in ("300余条", "58.5万", "6.1万余次"):
        with raises_quoting(NumeralError, text):
            _ = parse_quantity(text).amount


def test_quantity_construction() -> None:
    assert Quantity(300, "条", Qualifier.YU) == parse_quantity("300余条")
    assert Quantity("6.1", "万次") == Quantity(Decimal("6.1"), "万次")
    assert Quantity(Decimal("1E+3"), "件").value.as_tuple().exponent == 0
    assert str(Quantity(Decimal("1E+3"), "件")) == "1000件"
    # the printed precision is part of the value
    assert Quantity(Decimal("6.1"), "万次") != Quantity(Decimal("6.10"), "万次")
    assert hash(Quantity(Decimal("6.1"), "万次")) == hash(parse_quantity("6.1万次"))
    q = parse_quantity("约1630万元")
    assert pickle.loads(pickle.dumps(q)) == q


@pytest.mark.parametrize(
    ("args", "exc", "quoted"),
    [
        ((1.5, "件"), TypeError, 1.5),
        ((True, "件"), TypeError, True),
        ((None, "件"), TypeError, None),
        ((Decimal("-1"), "件"), NumeralError, Decimal("-1")),
        ((Decimal("-0"), "件"), NumeralError, Decimal("-0")),
        ((Decimal("NaN"), "件"), NumeralError, Decimal("NaN")),
        ((Decimal("Infinity"), "件"), NumeralError, Decimal("Infinity")),
        (("1e3", "件"), NumeralError, "1e3"),
        (("-3", "件"), NumeralError, "-3"),
        ((Decimal("1" * 41), "件"), NumeralError, Decimal("1" * 41)),
        ((3, "册子"), NumeralError, "册子"),
        ((3, ""), NumeralError, ""),
        ((3, "万万"), NumeralError, "万万"),
        ((3, "件", "余"), TypeError, "余"),
        ((0, "件", Qualifier.YU), NumeralError, Decimal("0")),
    ],
)
def test_quantity_validation(args: tuple[Any, ...], exc: type[Exception], quoted: object) -> None:
    with raises_quoting(exc, quoted):
        Quantity(*args)


def test_qualifier_words() -> None:
    assert [q.value for q in Qualifier] == ["余", "多", "近", "约", "超", "超过", "以上", "左右"]
    assert {q for q in Qualifier if q.is_prefix} == {
        Qualifier.JIN,
        Qualifier.YUE,
        Qualifier.CHAO,
        Qualifier.CHAOGUO,
    }


_UNITS = sorted(set(MEASURE_WORDS) | {p + m for p in "万亿" for m in MEASURE_WORDS} | {"万", "亿"})


@st.composite
def quantities(draw: st.DrawFn) -> Quantity:
    qualifier = draw(st.none() | st.sampled_from(Qualifier))
    coefficient = draw(st.integers(0 if qualifier is None else 1, 10**15))
    places = draw(st.integers(0, 4))
    digits = tuple(int(c) for c in str(coefficient))
    value = Decimal((0, digits, -places))
    return Quantity(value, draw(st.sampled_from(_UNITS)), qualifier)


@given(quantities())
def test_quantity_round_trip(q: Quantity) -> None:
    text = str(q)
    assert parse_quantity(text) == q
    assert format(parse_quantity(text).value, "f") == format(q.value, "f")


@given(quantities(), st.integers(-3, 3), st.integers(0, 9))
def test_admits_agrees_with_bounds(q: Quantity, steps: int, tenth: int) -> None:
    low, high, low_inclusive, high_inclusive = q.bounds()
    assert q.admits(low) is low_inclusive
    if high is not None:
        assert q.admits(high) is high_inclusive
        assert low <= q.exact <= high
    else:
        assert not high_inclusive
        assert q.admits(low + 10**12)
    if q.qualifier is None:
        assert low == high == q.exact
    # any x: admitted exactly when it lies in the interval
    with decimal.localcontext(prec=100):
        span = high - low if high is not None and high != low else Decimal(1)
        x = q.exact + Decimal(steps) * span / 2
        x = x + Decimal(tenth) / 10
    inside = (low < x or (low == x and low_inclusive)) and (
        high is None or x < high or (x == high and high_inclusive)
    )
    assert q.admits(x) is inside


# =============================================================================================
# Quantities in prose
# =============================================================================================


def _raw(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8").split("\n---\n", 1)[1]


NARRATIVE = ["006", "021", "032", "036", "048"]


@pytest.mark.parametrize("name", NARRATIVE)
def test_corpus_counts_and_amounts(name: str) -> None:
    text = _raw(f"{name}.txt")
    truth = json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))
    expected = Counter(
        (item["text"], item["value"], item["unit"], item.get("approx"))
        for item in truth["counts"] + truth["amounts"]
    )
    found = find_quantities(text)
    got = Counter(
        (
            f.text,
            format(f.quantity.value, "f"),
            f.quantity.unit,
            None if f.quantity.qualifier is None else f.quantity.qualifier.value,
        )
        for f in found
    )
    assert got == expected
    for f in found:
        assert text[f.start : f.end] == f.text


@pytest.mark.parametrize("name", NARRATIVE)
def test_corpus_distractors(name: str) -> None:
    text = _raw(f"{name}.txt")
    truth = json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))
    spans = [(f.start, f.end) for f in find_quantities(text)]
    for distractor in truth.get("distractors", []):
        places = [m.start() for m in re.finditer(re.escape(distractor["text"]), text)]
        assert places, distractor
        for start in places:
            end = start + len(distractor["text"])
            assert not any(s < end and start < e for s, e in spans), distractor


EXAMPLE_FIGURES = [
    "8条",
    "19条",
    "12条",
    "11条",
    "121702户",
    "174131人",
    "36581.5万元",
    "10631人",
    "4906.29万元",
    "49237人",
    "6403.09万元",
    "34791人",
    "2473.56万元",
    "147件",
    "863件",
    "1619106元",
    "1454400元",
    "164706元",
    "4200.7万元",
    "3948万元",
    "252.7万元",
    "58.5万",
    "300余条",
    *[f"{n}条" for n in (8, 19, 12, 11, 12, 18, 188, 8, 8, 13, 11, 4)],
]


def test_example_report() -> None:
    text = (DATA / "000_d6e3f92ae18b423a.txt").read_text(encoding="utf-8")
    found = find_quantities(text)
    assert [f.text for f in found] == EXAMPLE_FIGURES
    by_text = {f.text: f.quantity for f in found}
    assert by_text["36581.5万元"] == Quantity(Decimal("36581.5"), "万元")
    assert by_text["36581.5万元"].exact == Decimal("365815000")
    assert by_text["58.5万"] == Quantity(Decimal("58.5"), "万")
    assert by_text["300余条"] == Quantity(Decimal("300"), "条", Qualifier.YU)
    assert by_text["1619106元"].is_money
    for f in found:
        assert text[f.start : f.end] == f.text
        assert parse_quantity(f.text) == f.quantity


@pytest.mark.parametrize(
    "text",
    [
        "本报告中所列数据的统计期限自2015年1月1日至12月31日止。",
        "2016年1月29日",
        "统计时限自201911日起至20191231日止",
        "2023 年 1 月 16 日",
        "国办公开办函〔2019〕60号",
        "国务院令第492号",
        "咨询电话:0715-8138355;查询网址:http://www.xianning.gov.cn/xnsmzj2/",
        "电话:0631—8480818,传真:0631-8980258",
        "邮编:361009,电话:5722721",
        "地址:厦门市湖里区枋湖南路161号722室",
        "电子邮箱:xxgk3@huli.gov.cn",
        "www.gov.cn/3件",
        "占总量的49.9%;",
        "同比增长1.5个百分点",
        "在第10次评估中位列第一",
        "全省排名前3名",
        "本报告由概述等共6部分组成",
        "附表共7个部分组成",
        "危及“三安全一稳定”",
        "受理申请三件,上年结转两件",
        "在20个工作日内答复,延期不超过20日",
        "历时3个多月",
        "每月不超过10件的免费",
        "11—30件的部分",
        "1-10件免费",
        "不足100人",
        "10件以内",
        "投入3万字的材料",
        "建设12345热线",
        "A3纸",
        "本年增/减 -417项",
        "收到3人民币",
        "12部门联合",
        "共3，500件",
    ],
)
def test_not_quantities(text: str) -> None:
    assert find_quantities(text) == []


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("全市共有城乡低保对象121702户174131人", [("121702户", "121702", "户", None)]),
        ("捐款收入1,619,106元", [("1,619,106元", "1619106", "元", None)]),
        ("节约资金3万元", [("3万元", "3", "万元", None)]),
        ("最近3次会议", [("3次", "3", "次", None)]),
        ("约有300人参加", [("约有300人", "300", "人", Qualifier.YUE)]),
        ("约300余人", [("300余人", "300", "人", Qualifier.YU)]),
        ("超过1.2亿元", [("超过1.2亿元", "1.2", "亿元", Qualifier.CHAOGUO)]),
        ("访问量达6.1万余次,", [("6.1万余次", "6.1", "万次", Qualifier.YU)]),
        ("访问超104万次", [("超104万次", "104", "万次", Qualifier.CHAO)]),
        ("共3 件", [("3 件", "3", "件", None)]),
        ("受理１２件", [("１２件", "12", "件", None)]),
        ("投入58.5万。", [("58.5万", "58.5", "万", None)]),
        ("总量2万多,", [("2万多", "2", "万", Qualifier.DUO)]),
        ("新增1000件以上", [("1000件以上", "1000", "件", Qualifier.YISHANG)]),
        ("330多个地级城市", [("330多个", "330", "个", Qualifier.DUO)]),
        ("增至300件", [("300件", "300", "件", None)]),
        ("举办16场次", [("16场次", "16", "场次", None)]),
        ("发放资金约 1630 万元", [("约 1630 万元", "1630", "万元", Qualifier.YUE)]),
    ],
)
def test_quantities_in_context(
    text: str, figures: list[tuple[str, str, str, Qualifier | None]]
) -> None:
    found = find_quantities(text)
    # the first figure listed is checked in full; 121702户174131人 has two
    assert found
    first = found[0]
    verbatim, value, unit, qualifier = figures[0]
    assert first.text == verbatim == text[first.start : first.end]
    assert first.quantity == Quantity(Decimal(value), unit, qualifier)
    assert format(first.quantity.value, "f") == value


def test_two_adjacent_quantities() -> None:
    found = find_quantities("城乡低保对象121702户174131人,")
    assert [(f.text, f.start, f.end) for f in found] == [
        ("121702户", 6, 13),
        ("174131人", 13, 20),
    ]


def test_offsets_survive_normalisation() -> None:
    # ① becomes "1" under NFKC and full-width digits are read: offsets stay in the input
    text = "①受理３００余条,投入资金约１６３０万元"
    found = find_quantities(text)
    assert [f.text for f in found] == ["３００余条", "约１６３０万元"]
    for f in found:
        assert text[f.start : f.end] == f.text
    assert found[1].quantity == Quantity(Decimal("1630"), "万元", Qualifier.YUE)


def test_find_quantities_type() -> None:
    with raises_quoting(TypeError, None):
        find_quantities(None)  # type: ignore[arg-type]


def test_found_quantity_is_a_value() -> None:
    f = find_quantities("共147件")[0]
    assert f == FoundQuantity(Quantity(147, "件"), 1, 5, "147件")
    assert pickle.loads(pickle.dumps(f)) == f


_FILLER = st.sampled_from(
    ["。", ",", "其中", "共", "本年度", "2015年", "第一", "受理", "\n", " ", ";"]
)


@given(st.lists(st.one_of(quantities(), _FILLER), max_size=8))
def test_found_in_generated_prose(parts: list[Quantity | str]) -> None:
    """Quantities separated by punctuation or words are all found, verbatim, in order."""
    pieces: list[str] = []
    expected: list[Quantity] = []
    for part in parts:
        if isinstance(part, Quantity):
            pieces.append(str(part))
            expected.append(part)
            pieces.append("。")
        else:
            pieces.append(part)
    text = "".join(pieces)
    found = find_quantities(text)
    assert [f.quantity for f in found] == expected
    for f in found:
        assert text[f.start : f.end] == f.text == str(f.quantity)


@given(
    st.text(
        alphabet="0123456789.,%年月日号第约近超过余多万亿元件条人次个部分以上下 -—", max_size=30
    )
)
def test_spans_are_verbatim_in_any_text(text: str) -> None:
    for f in find_quantities(text):
        assert text[f.start : f.end] == f.text
        assert parse_quantity(f.text) == f.quantity


# =============================================================================================
# Issue 8: every reader is linear and ends in NumeralError or a result (regressions)
# =============================================================================================


# The reproducers took 20-60 s before; here they must give the right answer, and
# benchmarks/bench_readers.py measures that they take time linear in their input.


@pytest.mark.parametrize("text", ["1" * 100_000, "1." * 100_000, "a" * 100_000 + "@"])
def test_find_quantities_is_linear_on_the_url_mask_reproducers(text: str) -> None:
    assert find_quantities(text) == []
    assert find_quantities(text, chinese=True) == []


def test_find_quantities_many_figures_is_linear() -> None:
    found = find_quantities("1件," * 20_000)
    assert len(found) == 20_000
    assert len(find_quantities("两件," * 20_000, chinese=True)) == 20_000


def test_url_mask_keeps_its_matches() -> None:
    # An address may start right after a URL ends; the linear mask must still hide it.
    text = "见www.a_b3@x.com共3件,邮箱abc12@gov.cn,网址http://x.cn/3件"
    assert [f.text for f in find_quantities(text)] == ["3件"]


def test_to_int_is_linear_and_refuses_beyond_the_range() -> None:
    with raises_quoting(NumeralError, "一" + "亿" * 10) as info:
        to_int("一" + "亿" * 10)
    assert "out of range" in str(info.value)
    with pytest.raises(NumeralError, match="out of range"):
        to_int("一" + "亿" * 100_000)
    with pytest.raises(NumeralError, match="out of range"):
        parse_ordinal("(" + "一" + "亿" * 100_000 + ")")
    assert split_ordinal("一" + "亿" * 100_000 + "、") is None


def test_ordinals_beyond_the_int_string_limit_are_numeral_errors() -> None:
    with pytest.raises(NumeralError, match="1 to 999"):
        parse_ordinal("1" * 4301 + ".")
    with pytest.raises(NumeralError, match="1 to 999"):
        parse_ordinal("1" * 4301 + "、")
    assert split_ordinal("1" * 4301 + ".") is None
    assert split_ordinal("1" * 4301 + "、标题") is None
    with pytest.raises(NumeralError, match="4301 digits"):
        from_int(10**4300)
    with pytest.raises(NumeralError, match="4301 digits"):
        format_ordinal(10**4300, OrdinalStyle.CHINESE)
    with pytest.raises(NumeralError, match="4301 digits"):
        Ordinal(10**4300, OrdinalStyle.PAREN)


def test_quantities_refuse_huge_values_before_computing() -> None:
    with pytest.raises(NumeralError, match="more than 40 digits"):
        parse_quantity("1" * 1_000_000 + "件")
    with pytest.raises(NumeralError, match="more than 40 digits"):
        Quantity(Decimal("1E+999999999"), "件")
    with pytest.raises(NumeralError, match="4301 digits"):
        Quantity(Decimal(1), 10**4300)  # type: ignore[arg-type]


def test_errors_come_from_the_errors_module() -> None:
    import govdisclosure.errors

    assert NumeralError is govdisclosure.errors.NumeralError
    assert NumeralError.__module__ == "govdisclosure.errors"
    with pytest.raises(WrongTypeError):
        to_int(12)  # type: ignore[arg-type]
    assert issubclass(WrongTypeError, TypeError)
    assert issubclass(WrongTypeError, GovDisclosureError)


def test_package_layout_and_public_names() -> None:
    from govdisclosure import numerals

    assert sorted(numerals.__all__) == sorted(
        [
            "MAX_NUMERAL",
            "MAX_ORDINAL",
            "MEASURE_WORDS",
            "UNITS",
            "FoundQuantity",
            "NumeralError",
            "Ordinal",
            "OrdinalStyle",
            "Qualifier",
            "Quantity",
            "digits_to_int",
            "find_date",
            "find_quantities",
            "format_ordinal",
            "from_int",
            "parse_date",
            "parse_ordinal",
            "parse_quantity",
            "split_ordinal",
            "to_int",
        ]
    )
    root = Path(numerals.__file__).parent
    for module in root.glob("*.py"):
        lines = module.read_text(encoding="utf-8").count("\n")
        assert module.name == "_words.py" or lines <= 500, (module.name, lines)
        assert "import govdisclosure.numerals" not in module.read_text(encoding="utf-8")
    import ast

    tree = ast.parse((root.parent / "money.py").read_text(encoding="utf-8"))
    imported = [
        node.module if isinstance(node, ast.ImportFrom) else alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    ]
    assert not [m for m in imported if m and "numerals" in m], "money never imports numerals"


# =============================================================================================
# Digit by digit (issue 9)
# =============================================================================================


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("二\u3007二四", 2024),
        ("二\u3007一六", 2016),
        ("二零一六", 2016),
        ("二\u25cb\u25cb八", 2008),
        ("\uff08二\u3007二四\uff09"[1:-1], 2024),
        ("  一九九九 ", 1999),
        ("\u3007", 0),
        ("九" * 16, 10**16 - 1),
    ],
)
def test_digits_to_int(text: str, value: int) -> None:
    assert digits_to_int(text) == value


@pytest.mark.parametrize(
    "text", ["", "二千零二十四", "二\u3007二四年", "2024", "壹贰", "十", "两\u3007", "九" * 17]
)
def test_digits_to_int_refuses(text: str) -> None:
    with raises_quoting(NumeralError, text):
        digits_to_int(text)


def test_to_int_still_refuses_digit_by_digit() -> None:
    with pytest.raises(NumeralError, match="digit-by-digit"):
        to_int("二\u3007二四")
    assert digits_to_int("二\u3007二四") == 2024


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("二\u3007一六年一月二十九日", datetime.date(2016, 1, 29)),
        ("二零二三年十二月三十一日", datetime.date(2023, 12, 31)),
        ("二\u25cb\u25cb八年五月十二日", datetime.date(2008, 5, 12)),
        ("2016年1月29日", datetime.date(2016, 1, 29)),
        ("2023 年 1 月 16 日", datetime.date(2023, 1, 16)),
        ("２０２３年０１月０９日", datetime.date(2023, 1, 9)),
        (" 2020年2月29日\n", datetime.date(2020, 2, 29)),
    ],
)
def test_parse_date(text: str, date: datetime.date) -> None:
    assert parse_date(text) == date


@pytest.mark.parametrize(
    "text",
    [
        "2016年1月",
        "2016-01-29",
        "二\u3007一六年十三月一日",
        "2019年2月29日",
        "二\u3007一六年一月三十二日",
        "一六年一月一日",
        "2016年1月29日 " + "x",
        "二\u3007一六年一一月一日",
        "",
    ],
)
def test_parse_date_refuses(text: str) -> None:
    with raises_quoting(NumeralError, text):
        parse_date(text)


def test_parse_date_is_linear() -> None:
    with pytest.raises(NumeralError):
        parse_date("2016" + " " * 1_000_000 + "x")


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("2019-01-04", datetime.date(2019, 1, 4)),
        ("2019/1/4", datetime.date(2019, 1, 4)),
        ("２０１９．０１．０４", datetime.date(2019, 1, 4)),
        ("2019 - 01 - 04", datetime.date(2019, 1, 4)),
        ("二O一九年一月四日", datetime.date(2019, 1, 4)),
    ],
)
def test_parse_date_numeric(text: str, date: datetime.date) -> None:
    assert parse_date(text, numeric=True) == date


@pytest.mark.parametrize("text", ["2019-01/04", "2019-13-01", "2019-1-4x", "2019-1"])
def test_parse_date_numeric_refuses(text: str) -> None:
    with raises_quoting(NumeralError, text):
        parse_date(text, numeric=True)


@pytest.mark.parametrize(
    ("text", "numeric", "date"),
    [
        ("印发日期：二〇一六年一月二十九日", False, datetime.date(2016, 1, 29)),
        ("2023 年 1 月 16 日发布", False, datetime.date(2023, 1, 16)),
        ("发布于2019-01-04", False, None),
        ("发布于2019-01-04", True, datetime.date(2019, 1, 4)),
        ("2019-01-04 与 2018年1月2日", True, datetime.date(2019, 1, 4)),
        ("2018年1月2日 与 2019-01-04", True, datetime.date(2018, 1, 2)),
        ("2019年2月30日, 2019年3月1日", False, datetime.date(2019, 3, 1)),
        ("201911日", True, None),
        ("", True, None),
    ],
)
def test_find_date(text: str, numeric: bool, date: datetime.date | None) -> None:
    assert find_date(text, numeric=numeric) == date


@given(st.dates(datetime.date(1000, 1, 1), datetime.date(9999, 12, 31)), st.text(max_size=20))
def test_find_date_finds_a_printed_date(date: datetime.date, tail: str) -> None:
    printed = f"{date.year}年{date.month}月{date.day}日"
    assert parse_date(printed) == date
    found = find_date("于" + printed + tail, numeric=True)
    assert found == date


# =============================================================================================
# Chinese-numeral counts in prose (issue 10)
# =============================================================================================


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("收到申请两件", [("两件", "2件")]),
        ("公开文件十二条", [("十二条", "12条")]),
        ("共一百零五件,两千三百人次", [("一百零五件", "105件"), ("两千三百人次", "2300人次")]),
        (
            "一百余人,两万余元,约五十条",
            [("一百余人", "100余人"), ("两万余元", "20000余元"), ("约五十条", "约50条")],
        ),
        ("近两百人,超过三十件", [("近两百人", "近200人"), ("超过三十件", "超过30件")]),
        ("办理3件,另有三件", [("3件", "3件"), ("三件", "3件")]),
    ],
)
def test_chinese_counts(text: str, expected: list[tuple[str, str]]) -> None:
    found = find_quantities(text, chinese=True)
    assert [(f.text, str(f.quantity)) for f in found] == expected
    for f in found:
        assert text[f.start : f.end] == f.text


@pytest.mark.parametrize(
    "text",
    [
        "第三次会议",  # an ordinal
        "第十二条规定",
        "一是加强领导,二是完善制度",  # a list in prose
        "一方面,另一方面",
        "一、总体情况",  # a heading
        "(一)主动公开",
        "数十件,几百人,上百人,每一件",  # vague
        "三四个,七八次",  # digit by digit: "three or four"
        "统一部署,唯一一个,同一个",  # 一 ending a word
        "一起学习,一次性告知,一条龙服务",  # words
        "三至五件",  # the end of a range
        "不超过十件,十件以内",  # bounded
        "三个月,两个工作日",  # durations
        "分为三个部分",  # report structure
        "三万,投入五万",  # no measure word
        "二\u3007一六年一月二十九日",  # a date
        "五人民币",  # a compound
    ],
)
def test_chinese_counts_exclusions(text: str) -> None:
    assert find_quantities(text, chinese=True) == []


def test_chinese_counts_are_off_by_default() -> None:
    assert find_quantities("收到申请两件,十二条") == []
