"""What keeps the reader fast stays true: the shortcuts agree with what they stand for. (The
time itself, and its linear growth, is measured in benchmarks/bench_parse.py.)"""

from __future__ import annotations

from govdisclosure import numerals
from govdisclosure.parse import parse
from govdisclosure.parse._units import _ORDINAL_FIRST, ordinal_split


def test_the_ordinal_shortcut_knows_every_first_character() -> None:
    # split_ordinal is asked only of text starting with one of these (after NFKC)
    assert set(numerals.chinese.NUMERAL_CHARS) <= _ORDINAL_FIRST
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


def test_a_paragraph_broken_over_many_lines_is_one_paragraph() -> None:
    # PDF text: a paragraph whose lines end inside brackets or at a comma goes on (joining
    # it line by line used to take quadratic time: see benchmarks/bench_parse.py).
    for line in ("(甲\n", "甲乙，\n"):
        (paragraph,) = parse("一、总体情况\n" + line * 40000).report.sections[0].paragraphs
        assert paragraph == (line * 40000).rstrip("\n")
    parsed = parse("一、总体情况\n" + "(甲\n" * 3)
    assert parsed.report.sections[0].paragraphs == ("(甲\n(甲\n(甲",)
