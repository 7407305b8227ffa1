"""What keeps the reader fast stays true: the shortcuts agree with what they stand for. (The
time itself, and its linear growth, is measured in benchmarks/bench_parse.py.)"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

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


def test_clear_memos_empties_every_memo_of_the_reader() -> None:
    import functools
    import importlib
    import pkgutil

    import govdisclosure.numerals
    import govdisclosure.parse
    from govdisclosure import examples
    from govdisclosure.parse import _memo
    from govdisclosure.rendering import render

    report = examples.load("jianghe-2021")
    for fmt in ("text", "markdown", "html"):
        parse(render(report, fmt))
    # every module of the reader and of the numerals, and the label matcher
    names = {"govdisclosure.layout.match"}
    for package in (govdisclosure.parse, govdisclosure.numerals):
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            names.add(info.name)
    found = []
    for name in sorted(names):
        module = importlib.import_module(name)
        for attr, value in vars(module).items():
            if isinstance(value, functools._lru_cache_wrapper) and value.__module__ == name:
                found.append((f"{name}.{attr}", value))
    assert found, "no memo found: the search above is broken"
    assert {n for n, _ in found} - _memo.TABLES == {
        f"{f.__module__}.{f.__name__}" for f in _memo.memos()
    }
    assert any(f.cache_info().currsize for n, f in found if n not in _memo.TABLES)
    from govdisclosure.numerals import _text

    assert _text._SEEN
    assert _text._CHANGED
    _memo.clear_memos()
    assert len(_text._SEEN) + len(_text._CHANGED) + len(_text._GROWS) == 0
    assert {n: f.cache_info().currsize for n, f in found if n not in _memo.TABLES} == {
        n: 0 for n, _ in found if n not in _memo.TABLES
    }
    assert all(f.cache_info().currsize for n, f in found if n in _memo.TABLES)
    _memo.clear_memos(tables=True)
    assert all(f.cache_info().currsize == 0 for _, f in found)
    # and reading after that reads the same
    assert parse(render(report, "html")).report == parse(render(report, "html")).report


@given(st.text("abc属于", max_size=9), st.text("abc属于", max_size=9), st.integers(0, 4))
def test_the_banded_edit_distance_is_the_edit_distance(a: str, b: str, limit: int) -> None:
    from govdisclosure.layout.match import _distance

    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    full = previous[-1]
    assert _distance(a, b, limit) == (full if full <= limit else limit + 1)


@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=12))
def test_normalising_at_once_is_normalising_each_character(text: str) -> None:
    import unicodedata

    from govdisclosure.numerals._text import normalise_with_map

    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        n = ch if ch.isascii() else unicodedata.normalize("NFKC", ch)
        out.append(n)
        index.extend([i] * len(n))
    normal, got = normalise_with_map(text)
    assert (normal, list(got)) == ("".join(out), [*index, len(text)])
