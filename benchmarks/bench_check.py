"""``check()`` against a hand-written function of the same R1–R4 sums, side by side in one run.

The input is the bundled 2021 example (``examples.load("jianghe-2021")``: tables 二/三/四 with
200 figures, narrative with 16 figures the prose states about the tables, 38 located facts
and 6 relations). The hand-written side is the practical floor in pure Python: it reads the
same attrs objects and evaluates R1 (7 columns), R2 (25 rows), R3 (7 columns) and R4 (3
groups) with plain attribute access and arithmetic, nothing else. Each benchmark first checks
its answer, so a fast wrong checker cannot win.

Groups (compare within a group only):

- ``check jianghe-2021``: the issue's comparison (target: ``check()`` with every table rule
  <= 3x the hand-written function). ``check()`` runs every rule of the catalogue that applies
  (table sums and blank cells, the prose against the tables, 收费通知, relations of the facts,
  dates, sections); ``check() table rules`` runs GD101–GD105 only.
  ``check()`` derives what it reads of the narrative (the prose's claims and their places,
  the headings matched to the outline, the facts by key) once per report and keeps it while
  the report lives, so a repeated check of one report compares those with the tables.
- ``check jianghe-2021, a new report each round``: the first check of a report: each round
  checks a new copy (``attrs.evolve``), so the per-report derivation runs every time (the
  claims of a paragraph stay memoised by its text, as they always were).
- ``check jianghe-2021, one wrong cell``: the slow path: a failing sum, located findings, and
  the which-cell-is-wrong analysis.
- ``10,000 generated reports``: ``check()`` over 10,000 reports drawn from
  ``strategies.reports()`` (every edition), in a loop; ``extra_info`` has reports/second.

Run from the repository root::

    python -m pytest benchmarks/bench_check.py --benchmark-only
"""

from __future__ import annotations

import functools
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, Phase, given, settings

from govdisclosure import examples
from govdisclosure import strategies as gst
from govdisclosure.model import Report
from govdisclosure.rules import Findings, Policy, check

REPORT = examples.load("jianghe-2021")
TABLE_RULES = Policy(select=["GD101", "GD102", "GD103", "GD104", "GD105"])
N_GENERATED = 10_000


def handwritten_r1_to_r4(report: Report) -> list[Any]:
    """R1–R4 written out by hand on the same objects: the failing rows, columns and groups."""
    t = report.requests
    r = report.reviews
    assert t is not None
    assert r is not None
    bad: list[Any] = []
    for row in t.rows():  # R2
        if (
            row.natural_person
            + row.commercial
            + row.research
            + row.public_interest
            + row.legal_services
            + row.other
            != row.total
        ):
            bad.append(row)
    new, over = t.new.cells(), t.carried_over.cells()
    total, forward = t.total.cells(), t.carried_forward.cells()
    outcome = [row.cells() for row in t.outcome_rows]
    for i in range(7):
        if new[i] + over[i] != total[i] + forward[i]:  # R1
            bad.append(("R1", i))
        if sum(row[i] for row in outcome) != total[i]:  # R3
            bad.append(("R3", i))
    for g in r.groups():  # R4
        if g.upheld + g.corrected + g.other + g.pending != g.total:
            bad.append(g)
    return bad


def test_handwritten(benchmark: Any) -> None:
    benchmark.group = "check jianghe-2021"
    assert handwritten_r1_to_r4(REPORT) == []
    assert benchmark(handwritten_r1_to_r4, REPORT) == []


def test_check(benchmark: Any) -> None:
    benchmark.group = "check jianghe-2021"
    assert check(REPORT) == Findings()
    assert benchmark(check, REPORT) == Findings()


def test_check_table_rules(benchmark: Any) -> None:
    benchmark.group = "check jianghe-2021"
    assert benchmark(check, REPORT, policy=TABLE_RULES) == Findings()


def _new_copy() -> tuple[tuple[Report], dict[str, Any]]:
    return (attrs.evolve(REPORT),), {}


def test_handwritten_new_report(benchmark: Any) -> None:
    benchmark.group = "check jianghe-2021, a new report each round"
    result = benchmark.pedantic(
        handwritten_r1_to_r4, setup=_new_copy, rounds=2000, warmup_rounds=10
    )
    assert result == []


def test_check_new_report(benchmark: Any) -> None:
    benchmark.group = "check jianghe-2021, a new report each round"
    result = benchmark.pedantic(check, setup=_new_copy, rounds=2000, warmup_rounds=10)
    assert result == Findings()


WRONG = attrs.evolve(
    REPORT,
    requests=attrs.evolve(
        REPORT.requests,
        granted=attrs.evolve(REPORT.requests.granted, natural_person=31),  # printed for 13
    ),
)


def test_handwritten_one_wrong_cell(benchmark: Any) -> None:
    benchmark.group = "check jianghe-2021, one wrong cell"
    assert len(benchmark(handwritten_r1_to_r4, WRONG)) == 2


def test_check_one_wrong_cell(benchmark: Any) -> None:
    benchmark.group = "check jianghe-2021, one wrong cell"
    findings = benchmark(check, WRONG)
    assert findings.codes == ("GD102", "GD103")
    assert findings[0].suggestions[0].proposed == 13


@functools.cache
def generated() -> tuple[Report, ...]:
    """10,000 reports from ``strategies.reports()``, reproducibly (derandomised)."""
    out: list[Report] = []

    @settings(
        max_examples=N_GENERATED,
        database=None,
        derandomize=True,
        phases=[Phase.generate],
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(gst.reports())
    def collect(report: Report) -> None:
        out.append(report)

    collect()
    return tuple(out)


def _check_all(reports: tuple[Report, ...]) -> int:
    dirty = 0
    for report in reports:
        if check(report):
            dirty += 1
    return dirty


@pytest.mark.parametrize("n", [N_GENERATED])
def test_check_generated_reports(benchmark: Any, n: int) -> None:
    benchmark.group = "10,000 generated reports"
    reports = generated()[:n]
    assert _check_all(reports) == 0  # the promise: generated reports check clean
    dirty = benchmark.pedantic(_check_all, args=(reports,), rounds=3, iterations=1)
    assert dirty == 0
    seconds = benchmark.stats.stats.min
    benchmark.extra_info["reports"] = len(reports)
    benchmark.extra_info["reports_per_second"] = round(len(reports) / seconds)
