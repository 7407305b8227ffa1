"""The audit of many reports: the rows, and the page with its charts.

- ``audit rows``: :func:`govdisclosure.audit` of 300 reports in memory (the three bundled
  examples under 100 agency names each, so that every 2021 report has its 2020 to compare
  with): check, timeliness, completeness and the cross-year comparison.
- ``audit page``: :meth:`Audit.to_html` of 10,000 rows (the charts aggregate: a dozen bars
  whatever the number of reports; the table has 10,000 rows).

Run with pytest-benchmark (the page needs the ``audit`` extra)::

    python -m pytest benchmarks/bench_audit.py --benchmark-only
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest

from govdisclosure import examples
from govdisclosure.analysis._audit import FAMILIES, Audit, AuditRow, audit
from govdisclosure.model import AgencyKind

REPORTS = [
    attrs.evolve(examples.load(name), agency=f"江河市第{i}局")
    for i in range(100)
    for name in examples.names()
]
KINDS = list(AgencyKind)
ROWS = Audit(
    tuple(
        AuditRow(
            f"r{i}.json",
            "ok",
            agency=f"第{i}机关",
            kind=KINDS[i % len(KINDS)],
            year=2015 + i % 10,
            timeliness=("on-time", "late", "unknown")[i % 3],
            days_late=i % 30 if i % 3 == 1 else None,
            by_family=((FAMILIES[i % 6][0], 1 + i % 4),),
            outcomes=(("granted", i % 7), ("withheld", 1), ("unable", i % 3)),
        )
        for i in range(10_000)
    ),
    dt.date(2026, 6, 30),
)


@pytest.mark.benchmark(group="audit")
def test_audit_rows(benchmark: Any) -> None:
    result = benchmark(audit, REPORTS, as_of=dt.date(2026, 6, 30))
    assert result.counts()["reports"] == len(REPORTS)
    assert sum(r.carried_over == "match" for r in result) == 100
    benchmark.extra_info["reports/second"] = len(REPORTS) / benchmark.stats["mean"]


@pytest.mark.benchmark(group="audit")
def test_audit_page(benchmark: Any) -> None:
    pytest.importorskip("matplotlib")
    page = benchmark.pedantic(ROWS.to_html, rounds=1, iterations=1)
    assert page.count("<svg") == 4
    benchmark.extra_info["bytes"] = len(page.encode())
