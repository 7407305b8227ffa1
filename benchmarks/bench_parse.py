"""Reading published reports: ``parse`` of the text and the HTML of a full 2021 report, side by
side with ``html.parser`` alone tokenising the same HTML (the floor), and the growth with
input size (a 100 times larger input).

The input is the bundled 2021 example rendered by the library (``jianghe-2021``: ~13 KB of
text, ~34 KB of HTML, tables 二/三/四 with 200 figures). Targets (issue 11): ≤ 5 ms each;
100 times the input in at most 120 times the time.

Run from the repository root::

    python -m pytest benchmarks/bench_parse.py --benchmark-only
"""

from __future__ import annotations

import time
from html.parser import HTMLParser
from typing import Any

import pytest

from govdisclosure import examples
from govdisclosure.parse import parse
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
