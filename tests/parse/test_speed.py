"""What keeps the reader fast stays true: the shortcuts agree with what they stand for, and
time grows linearly with the input."""

from __future__ import annotations

import time

from govdisclosure import numerals
from govdisclosure.parse import parse
from govdisclosure.parse._units import _ORDINAL_FIRST, ordinal_split


def test_the_ordinal_shortcut_knows_every_first_character() -> None:
    # split_ordinal is asked only of text starting with one of these (after NFKC)
    assert set(numerals._NUMERAL_CHARS) | set("(0123456789") == _ORDINAL_FIRST
    for text in (
        "一、总体情况",
        "（三）不予公开",
        "(十二)其他",
        "１２．全角",
        "  2、x",
        "壹、大写",
    ):
        assert ordinal_split(text) == numerals.split_ordinal(text), text
    for text in ("本机关", "2015年,", "一是成立了领导小组", "", "   "):
        assert ordinal_split(text) is None


def _best(source: str) -> float:
    times = []
    for _ in range(3):
        t = time.perf_counter()
        parse(source)
        times.append(time.perf_counter() - t)
    return min(times)


def test_a_paragraph_broken_over_many_lines_reads_in_linear_time() -> None:
    # PDF text: a paragraph whose lines end inside brackets or at a comma goes on; joining
    # it line by line used to take quadratic time.
    for line in ("(甲\n", "甲乙，\n"):
        small = _best("一、总体情况\n" + line * 4000)
        large = _best("一、总体情况\n" + line * 40000)
        assert large / small < 30, (line, small, large)  # quadratic would be ~100
    parsed = parse("一、总体情况\n" + "(甲\n" * 3)
    assert parsed.report.sections[0].paragraphs == ("(甲\n(甲\n(甲",)
