"""Robustness: any input gives a Parsed (or a ParseError), never another exception."""

from __future__ import annotations

import os

from hypothesis import given, settings
from hypothesis import strategies as st

from govdisclosure import examples
from govdisclosure.errors import ParseError
from govdisclosure.parse import Parsed, parse

EXAMPLES = 10_000 if os.environ.get("HYPOTHESIS_PROFILE") == "thorough" else 200

_PIECES = st.sampled_from(
    [
        "|",
        "||",
        " | ",
        "\n",
        "<td>",
        "</td>",
        "<tr>",
        "<table>",
        "</table>",
        "<p>",
        "<br>",
        "<div>",
        "规章",
        "第二十条第(一)项",
        "一、本年新收政府信息公开申请数量",
        "(三)不予公开",
        "行政复议",
        "0",
        "12",
        "-417",
        "增15",
        "/",
        "184719元",
        "一、总体情况",
        "2016年1月29日",
        "索引号:",
        "其中",
        "300余条",
        "&nbsp;",
        "<td rowspan=99 colspan=99>",
        "5ž15",
    ]
)


def _ok(source: str | bytes) -> None:
    try:
        result = parse(source)
    except ParseError:
        return
    assert isinstance(result, Parsed)


@settings(max_examples=EXAMPLES)
@given(st.text(max_size=400))
def test_any_text(source: str) -> None:
    _ok(source)


@settings(max_examples=EXAMPLES)
@given(st.binary(max_size=400))
def test_any_bytes(source: bytes) -> None:
    _ok(source)


@settings(max_examples=EXAMPLES)
@given(st.lists(_PIECES, max_size=80).map("".join))
def test_table_like_junk(source: str) -> None:
    _ok(source)


@settings(max_examples=max(EXAMPLES // 10, 20))
@given(st.data())
def test_cut_and_damaged_examples(data: st.DataObject) -> None:
    text = examples.source_text("xianning-2015")
    i = data.draw(st.integers(0, len(text)))
    j = data.draw(st.integers(i, len(text)))
    _ok(text[:i] + data.draw(st.text(max_size=20)) + text[j:])


def test_pathological_inputs() -> None:
    for source in (
        "",
        b"",
        b"\x00\xff\xfe" * 1000,
        "|" * 1_000_000,
        "<div>" * 10_000 + "规章" + "</div>" * 10_000,
        "<div>" * 10_000,
        "<table><tr><td>规章<td>1" * 2000,
        "<p>" * 5000 + "<td>" * 5000,
        "å\x8f\x8a" * 3000,
        "\n".join(["规章 | 0 | 0 | 0 |"] * 20_000),
    ):
        _ok(source)
