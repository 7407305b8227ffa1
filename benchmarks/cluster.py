"""``check_bag`` and ``aggregate_bag`` on a ``dask.distributed.LocalCluster`` and on Dask's
local schedulers, for the figures of ``docs/howto-cluster.md``.

Two folders: ``-n`` reports drawn from ``strategies.reports()`` (derandomised; half JSON,
half published text, as ``benchmarks/jobs.py`` writes them) for ``check_bag``; and ``-n``
copies of the bundled 2021 example of distinct agencies, each count cell varied, for
``aggregate_bag`` (a summary adds up reports of one year and one edition). Each is run on a
``LocalCluster(n_workers=2, processes=True, threads_per_worker=1)`` through its ``Client``,
then with ``scheduler="sync"`` (one thread, in this process) and ``"processes"`` (Dask's
local process pool), and the results are compared: they must be equal. The cluster's start
is timed on its own. Wall-clock seconds of the first run (every process's caches cold) and
the best of the ``--rounds`` after it; the load average is printed beside them.

Run from the repository root (needs ``pip install -e '.[dask]'``)::

    python benchmarks/cluster.py            # 200 files
    python benchmarks/cluster.py -n 400 --rounds 3
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import pathlib
import sys
import tempfile
import time
from collections.abc import Callable
from typing import Any

from dask import distributed

from govdisclosure import examples, to_json
from govdisclosure.analysis.dask import aggregate_bag, check_bag

sys.path.insert(0, os.path.dirname(__file__))
from bench_analysis import generate
from jobs import write_folder
from memory import vary


def write_parts(root: pathlib.Path, n: int) -> None:
    """``n`` copies of the 2021 example of distinct agencies, every table count varied."""
    base = json.loads(to_json(examples.load("jianghe-2021")))
    for i in range(n):
        data = dict(base, agency=f"第{i}局")
        for table in ("active", "requests", "reviews"):
            data[table] = vary(base[table], i % 7)
        data["facts"], data["relations"] = [], []  # the prose no longer matches the counts
        (root / f"{i:04d}.json").write_text(json.dumps(data, ensure_ascii=False), "utf-8")


def _timed(fn: Callable[[], Any], rounds: int) -> tuple[str, Any]:
    """The first run's seconds (caches cold) and the best of the others, and the result."""
    times, result = [], None
    for _ in range(rounds):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    again = f" / {min(times[1:]):5.2f}s" if len(times) > 1 else ""
    return f"{times[0]:5.2f}s{again}", result


def _load() -> str:
    return "/".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--npartitions", type=int, default=8)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
        checked, parts = pathlib.Path(a), pathlib.Path(b)
        write_folder(checked, generate(args.n), "mixed")
        write_parts(parts, args.n)
        k = args.npartitions

        def check(**kw: Any) -> Any:
            return check_bag(str(checked), npartitions=k).compute(**kw)

        def add_up(**kw: Any) -> Any:
            return aggregate_bag(str(parts), agency="某市人民政府", year=2021, npartitions=k, **kw)

        print(f"{args.n} files each, {k} partitions; load {_load()}")
        rows: list[tuple[str, str, str]] = []
        for scheduler in ("sync", "processes"):
            t_check, local_check = _timed(lambda s=scheduler: check(scheduler=s), args.rounds)
            t_add, local_add = _timed(lambda s=scheduler: add_up(scheduler=s), args.rounds)
            rows.append((f"local scheduler {scheduler!r}", t_check, t_add))
        start = time.perf_counter()
        with (
            distributed.LocalCluster(
                n_workers=2,
                processes=True,
                threads_per_worker=1,
                dashboard_address=None,
                silence_logs=logging.ERROR,
            ) as cluster,
            distributed.Client(cluster),
        ):
            started = time.perf_counter() - start
            t_check, on_cluster = _timed(check, args.rounds)
            t_add, added = _timed(add_up, args.rounds)
        rows.append(("LocalCluster, 2 worker processes", t_check, t_add))
        assert on_cluster == local_check, "check_bag: the cluster disagrees with the local run"
        assert added[0].report == local_add[0].report, "aggregate_bag: the sums disagree"
        assert added[1] == local_add[1]
        print(f"{'first run / best of the others':34} {'check_bag':>16} {'aggregate_bag':>16}")
        for name, t1, t2 in rows:
            print(f"{name:34} {t1:>16} {t2:>16}")
        print(f"the cluster's start: {started:.2f}s; results equal; load {_load()}")


if __name__ == "__main__":
    main()
