"""The batch path on every core, and aggregation of many reports.

- ``batch check, 10,000 generated reports``: ``analysis.batch.check_files`` over 10,000 JSON
  files of reports drawn from ``strategies.reports()`` (every edition), with 1 process (in
  this process) and 2 processes (``ProcessPoolExecutor``). Each worker reads its file from
  disk (``from_json``) and checks it; ``extra_info`` has reports/second and, for 2
  processes, the speed-up over 1 (target on a 2-core machine: at least 1.7x).
- ``aggregate 3,000 reports``: reading 3,000 standard-2021 reports of distinct agencies
  from disk and ``aggregate`` of them; ``extra_info`` splits the time into reading and
  summing.

Run with pytest-benchmark::

    python -m pytest benchmarks/bench_analysis.py --benchmark-only

or as a script, which prints the figures and a control (a pure-Python loop through the same
pool: the speed-up the machine allows at that moment; ``-n``/``-a`` set the numbers of
reports, ``--keep DIR`` keeps the generated files for the next run)::

    python benchmarks/bench_analysis.py --keep /tmp/gd-bench

Generating 10,000 reports with Hypothesis takes minutes; ``GD_BENCH_CHECK`` and
``GD_BENCH_AGGREGATE`` set smaller numbers for a quick pytest run.
"""

from __future__ import annotations

import argparse
import os
import resource
import tempfile
import time
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, Phase, given, settings

from govdisclosure import strategies as gst
from govdisclosure.analysis import aggregate
from govdisclosure.analysis.batch import check_files, default_jobs, map_files, read_file
from govdisclosure.io import to_json
from govdisclosure.layout import Edition
from govdisclosure.model import Report

N_CHECK = int(os.environ.get("GD_BENCH_CHECK", "10000"))
N_AGGREGATE = int(os.environ.get("GD_BENCH_AGGREGATE", "3000"))


def generate(n: int, editions: list[Edition] | None = None) -> list[Report]:
    """``n`` reports from ``strategies.reports()``, reproducibly (derandomised)."""
    out: list[Report] = []

    @settings(
        max_examples=n,
        database=None,
        derandomize=True,
        phases=[Phase.generate],
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(gst.reports(editions=editions))
    def collect(report: Report) -> None:
        out.append(report)

    while len(out) < n:  # hypothesis may stop early when it runs out of distinct examples
        collect()
    return out[:n]


def write(reports: list[Report], folder: Path) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, r in enumerate(reports):
        path = folder / f"{i:05}.json"
        path.write_text(to_json(r), encoding="utf-8")
        paths.append(str(path))
    return paths


def aggregate_parts(n: int) -> list[Report]:
    """``n`` standard-2021 reports of distinct agencies, all of 2022."""
    return [
        attrs.evolve(r, agency=f"某市第{i}局", year=2022)
        for i, r in enumerate(generate(n, [Edition.STANDARD_2021]))
    ]


def timed_check(paths: list[str], jobs: int) -> tuple[float, int]:
    start = time.perf_counter()
    results = list(check_files(paths, jobs=jobs))
    seconds = time.perf_counter() - start
    assert len(results) == len(paths)
    assert all(r.status == "ok" for r in results)  # generated reports check clean
    return seconds, len(results)


def timed_aggregate(paths: list[str]) -> tuple[float, float]:
    start = time.perf_counter()
    reports = [read_file(p) for p in paths]
    reading = time.perf_counter() - start
    start = time.perf_counter()
    result = aggregate(reports, agency="某市人民政府", year=2022)
    summing = time.perf_counter() - start
    assert result.complete
    return reading, summing


# --------------------------------------------------------------------------- pytest-benchmark


@pytest.fixture(scope="module")
def check_paths(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    return write(generate(N_CHECK), tmp_path_factory.mktemp("check"))


@pytest.fixture(scope="module")
def aggregate_paths(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    return write(aggregate_parts(N_AGGREGATE), tmp_path_factory.mktemp("aggregate"))


_SECONDS: dict[int, float] = {}


@pytest.mark.parametrize("jobs", [1, 2])
def test_batch_check(benchmark: Any, check_paths: list[str], jobs: int) -> None:
    benchmark.group = "batch check, 10,000 generated reports"
    seconds, n = benchmark.pedantic(timed_check, args=(check_paths, jobs), rounds=1)
    _SECONDS[jobs] = seconds
    benchmark.extra_info["reports"] = n
    benchmark.extra_info["reports_per_second"] = round(n / seconds)
    if jobs > 1 and 1 in _SECONDS:
        benchmark.extra_info["speed_up"] = round(_SECONDS[1] / seconds, 2)


def test_aggregate(benchmark: Any, aggregate_paths: list[str]) -> None:
    benchmark.group = "aggregate 3,000 reports"
    reading, summing = benchmark.pedantic(timed_aggregate, args=(aggregate_paths,), rounds=1)
    benchmark.extra_info["reading_seconds"] = round(reading, 3)
    benchmark.extra_info["summing_seconds"] = round(summing, 3)
    benchmark.extra_info["summing_share"] = round(summing / (reading + summing), 3)


# --------------------------------------------------------------------------- script


def _cpu() -> float:
    """User and system CPU time of this process and of its finished workers."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def burn(n: int) -> int:
    """A pure-Python CPU loop: the control for what two processes can gain on this machine."""
    total = 0
    for i in range(n):
        total += i * i
    return total


def control() -> tuple[float, float]:
    items = [2_000_000] * 20
    times = []
    for jobs in (1, 2):
        start = time.perf_counter()
        list(map_files(burn, items, jobs=jobs))
        times.append(time.perf_counter() - start)
    return times[0], times[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=N_CHECK, help="reports to check")
    parser.add_argument("-a", type=int, default=N_AGGREGATE, help="reports to aggregate")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument(
        "--keep", metavar="DIR", help="keep the generated files in DIR and reuse them next time"
    )
    args = parser.parse_args()
    print(f"cores available: {default_jobs()}; os.cpu_count(): {os.cpu_count()}")
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(args.keep or tmp)
        start = time.perf_counter()
        paths = sorted(str(p) for p in (base / "check").glob("*.json"))
        if len(paths) != args.n:
            paths = write(generate(args.n), base / "check")
        print(f"{len(paths)} reports on disk after {time.perf_counter() - start:.1f} s")
        best: dict[int, float] = {}
        cpu: dict[int, float] = {}
        for _ in range(args.rounds):
            for jobs in (1, 2):
                before = _cpu()
                seconds, _ = timed_check(paths, jobs)
                used = _cpu() - before
                best[jobs] = min(best.get(jobs, seconds), seconds)
                cpu[jobs] = min(cpu.get(jobs, used), used)
        for jobs, seconds in best.items():
            rate = len(paths) / seconds
            print(
                f"check, {jobs} process(es): {seconds:.2f} s, {rate:,.0f} reports/s "
                f"(CPU time of this process and its workers: {cpu[jobs]:.2f} s)"
            )
        print(f"speed-up with 2 processes: {best[1] / best[2]:.2f}x")
        print(
            f"speed-up two free cores would give (CPU time {cpu[1]:.2f} s on 1 process, "
            f"{cpu[2]:.2f} s on 2): {2 * cpu[1] / cpu[2]:.2f}x"
        )
        one, two = control()
        print(
            f"control, a pure-Python loop through the same pool: 1 process {one:.2f} s, "
            f"2 processes {two:.2f} s, speed-up {one / two:.2f}x (what the machine allows now)"
        )
        parts = sorted(str(p) for p in (base / "aggregate").glob("*.json"))
        if len(parts) != args.a:
            parts = write(aggregate_parts(args.a), base / "aggregate")
        reading, summing = min(
            (timed_aggregate(parts) for _ in range(args.rounds)), key=lambda t: t[0] + t[1]
        )
        total = reading + summing
        print(
            f"aggregate {len(parts)} reports: {total:.2f} s = reading {reading:.2f} s "
            f"({reading / total:.0%}) + summing {summing:.2f} s ({summing / total:.0%})"
        )


if __name__ == "__main__":
    main()
