"""Reading published reports: ``parse`` of the text and the HTML of a full 2021 report, side by
side with ``html.parser`` alone tokenising the same HTML (the floor), and the growth with
input size (a 100 times larger input).

The input is the bundled 2021 example rendered by the library (``jianghe-2021``: ~13 KB of
text, ~34 KB of HTML, tables 二/三/四 with 200 figures). Targets (issue 11): ≤ 5 ms each;
100 times the input in at most 120 times the time.

Run from the repository root::

    python -m pytest benchmarks/bench_parse.py --benchmark-only
    python -m pytest benchmarks/bench_parse.py -k "floor_ratio or linear" -s   # the figures

The reader remembers what repeats from report to report (label lookups per distinct label,
cell tokens, short headings), so a warm process parses faster than the first report of a
fresh one. The group "parse first vs steady" measures both side by side: each round of
``test_parse_first`` empties every memo of the reader first
(:func:`govdisclosure.parse._memo.clear_memos`), ``test_parse_steady`` parses with them
full. Targets (issue 23): ``parse(html)`` at most 2.0 times ``html.parser`` alone; the first
parse at most 1.5 times the steady one. ``test_floor_ratio`` prints both ratios;
``benchmarks/parse_first.py`` measures the first parse of fresh processes.
"""

from __future__ import annotations

import time
from html.parser import HTMLParser
from typing import Any

import pytest

from govdisclosure import check, examples
from govdisclosure.parse import parse
from govdisclosure.parse._memo import clear_memos
from govdisclosure.rendering import render

REPORT = examples.load("jianghe-2021")
TEXT = render(REPORT, "text")
HTML = render(REPORT, "html")
MARKDOWN = render(REPORT, "markdown")


@pytest.mark.benchmark(group="parse jianghe-2021")
@pytest.mark.parametrize(
    ("fmt", "source"), [("text", TEXT), ("markdown", MARKDOWN), ("html", HTML)]
)
def test_parse(benchmark: Any, fmt: str, source: str) -> None:
    parsed = benchmark(parse, source)
    assert parsed.report.requests == REPORT.requests


@pytest.mark.benchmark(group="parse jianghe-2021")
def test_html_parser_floor(benchmark: Any) -> None:
    def tokenise() -> None:
        HTMLParser().feed(HTML)

    benchmark(tokenise)


FORMATS = [("text", TEXT), ("markdown", MARKDOWN), ("html", HTML)]


@pytest.mark.benchmark(group="parse first vs steady")
@pytest.mark.parametrize(("fmt", "source"), FORMATS, ids=[f for f, _ in FORMATS])
def test_parse_first(benchmark: Any, fmt: str, source: str) -> None:
    """Each round parses with every memo of the reader emptied (the first report of a
    process, its modules imported and the layouts' matchers built)."""
    parsed = benchmark.pedantic(parse, args=(source,), setup=clear_memos, rounds=40)
    assert parsed.report.requests == REPORT.requests


@pytest.mark.benchmark(group="parse first vs steady")
@pytest.mark.parametrize(("fmt", "source"), FORMATS, ids=[f for f, _ in FORMATS])
def test_parse_steady(benchmark: Any, fmt: str, source: str) -> None:
    """The same parse with the memos full (after one parse of the same source)."""
    parse(source)
    parsed = benchmark.pedantic(parse, args=(source,), rounds=40)
    assert parsed.report.requests == REPORT.requests


@pytest.mark.parametrize("source", [TEXT, HTML], ids=["text", "html"])
def test_linear_growth(source: str) -> None:
    """100 times the input takes at most 120 times the time (best of three each)."""

    def best(s: str) -> float:
        times = []
        for _ in range(3):
            t = time.perf_counter()
            parse(s)
            times.append(time.perf_counter() - t)
        return min(times)

    small, large = best(source), best(source * 100)
    print(f"1x {small * 1000:.2f} ms, 100x {large * 1000:.0f} ms, ratio {large / small:.1f}")
    assert large / small <= 120


def test_linear_growth_one_paragraph() -> None:
    """One paragraph of sentences that each state a breakdown ("其中"), 10 KB and 1 MB:
    100 times the paragraph takes at most 150 times the time (parse and check)."""
    sentence = "本年度共受理申请12件，其中自然人5件，法人7件。"

    def best(n: int) -> float:
        source = TEXT + "\n" + sentence * (n // len(sentence)) + "\n"
        times = []
        for _ in range(2):
            t = time.perf_counter()
            check(parse(source))
            times.append(time.perf_counter() - t)
        return min(times)

    small, large = best(10_000), best(1_000_000)
    print(f"10 KB {small * 1000:.0f} ms, 1 MB {large * 1000:.0f} ms, ratio {large / small:.1f}")
    assert large / small <= 150


def _best(fn: Any, n: int = 100) -> float:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def _cold(source: str) -> float:
    """One parse with the reader's memos emptied (as the first report of a process)."""
    import gc

    clear_memos()
    gc.collect()
    t = time.perf_counter()
    parse(source)
    return time.perf_counter() - t


def test_floor_ratio() -> None:
    """Each format's best time, the first parse's, and HTML against html.parser alone."""
    floor = _best(lambda: HTMLParser().feed(HTML))
    for fmt, source in FORMATS:
        parse(source)
        warm = _best(lambda s=source: parse(s))
        cold = min(_cold(source) for _ in range(10))
        print(
            f"{fmt:8} {warm * 1000:6.2f} ms (first parse {cold * 1000:6.2f} ms, "
            f"{cold / warm:.2f} times)"
        )
    html = _best(lambda: parse(HTML))
    print(f"html.parser alone {floor * 1000:.2f} ms; parse(html) / html.parser {html / floor:.2f}")
