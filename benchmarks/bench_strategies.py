"""How fast the Hypothesis strategies draw reports (target: >= 200 reports/s for ``reports()``).

A round draws ``N`` reports from a strategy through Hypothesis' own engine — a ``@given``
test with ``max_examples=N``, the generate phase only, no database — so the figure is what
a downstream property test pays per example (its own test body aside). ``extra_info`` of
each benchmark has ``reports_per_second``.

Groups: ``reports()`` (every edition, the default), ``reports(blanks="unknown")`` (blank
cells, absent tables), ``reports(counts=...)`` (a caller's counts strategy: one draw per
cell, the slow path) and ``reports_breaking("GD102")``.

Run from the repository root::

    python -m pytest benchmarks/bench_strategies.py --benchmark-only
    python benchmarks/bench_strategies.py        # the figures alone, without pytest
"""

from __future__ import annotations

import sys
import time
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from govdisclosure import strategies as gst

N = 500
STRATEGIES: dict[str, Any] = {
    "reports()": lambda: gst.reports(),
    'reports(blanks="unknown")': lambda: gst.reports(blanks="unknown"),
    "reports(counts=st.integers(0, 30))": lambda: gst.reports(counts=st.integers(0, 30)),
    'reports_breaking("GD102")': lambda: gst.reports_breaking("GD102"),
}


def draw_n(strategy: st.SearchStrategy[Any], n: int = N) -> int:
    """Draw ``n`` examples through the engine; the number drawn."""
    drawn = 0

    @settings(
        max_examples=n,
        phases=[Phase.generate],
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def run(_: Any) -> None:
        nonlocal drawn
        drawn += 1

    run()
    return drawn


@pytest.mark.parametrize("name", list(STRATEGIES))
def test_draw_reports(benchmark: Any, name: str) -> None:
    strategy = STRATEGIES[name]()
    benchmark.group = "strategies: 500 examples"
    benchmark.name = name
    draw_n(strategy, 50)  # warm up: strategies resolved, caches filled
    drawn = benchmark.pedantic(draw_n, args=(strategy,), rounds=3, iterations=1)
    assert drawn >= N * 0.9  # Hypothesis may stop early on a small search space
    benchmark.extra_info["reports_per_second"] = round(drawn / benchmark.stats.stats.min, 1)


def main() -> None:
    for name, make in STRATEGIES.items():
        strategy = make()
        draw_n(strategy, 50)  # warm up: strategies resolved, caches filled
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            drawn = draw_n(strategy)
            best = min(best, (time.perf_counter() - start) / drawn)
        print(f"{name:40s} {1 / best:8.1f} reports/s  ({best * 1e3:.2f} ms each)")


if __name__ == "__main__":
    sys.exit(main())
