"""The Dask helper on Dask's distributed scheduler: a ``LocalCluster`` of two worker
processes (skipped when ``dask.distributed`` is not installed).

What runs on the cluster must equal what runs in this process: the same results, file by
file and in order, for ``check_bag``; the same summary and the same unusable files for
``aggregate_bag``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

from govdisclosure import examples, to_json
from govdisclosure.analysis import aggregate
from govdisclosure.rules import check

pytest.importorskip("dask.bag")
pytest.importorskip("dask.distributed")

from dask import distributed

from govdisclosure.analysis.dask import aggregate_bag, check_bag

A = examples.load("jianghe-2021")
N = 16


def _report(i: int) -> Any:
    """Report ``i``: the 2021 example of another agency; every fourth has a wrong cell."""
    r = attrs.evolve(A, agency=f"第{i}局")
    if i % 4 == 3:
        granted = attrs.evolve(
            r.requests.granted, natural_person=r.requests.granted.natural_person + i
        )
        r = attrs.evolve(r, requests=attrs.evolve(r.requests, granted=granted))
    return r


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("cluster")
    for i in range(N):
        (root / f"{i:02}.json").write_text(to_json(_report(i)), encoding="utf-8")
    (root / "junk.json").write_bytes(b"\x00\x01garbage")
    return root


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    """A client of a local cluster: two worker processes, one thread each."""
    with (
        distributed.LocalCluster(
            n_workers=2,
            processes=True,
            threads_per_worker=1,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


def test_the_cluster_has_two_worker_processes(client: Any) -> None:
    workers = client.scheduler_info()["workers"]
    assert len(workers) == 2
    assert {w["nthreads"] for w in workers.values()} == {1}


def test_check_bag_on_the_cluster_equals_the_local_run(client: Any, folder: Path) -> None:
    bag = check_bag(str(folder), npartitions=6)
    on_cluster = bag.compute()  # the client is the default scheduler
    local = bag.compute(scheduler="sync")
    assert on_cluster == local
    assert len(on_cluster) == N + 1
    assert [r.status for r in on_cluster].count("findings") == N // 4
    (bad,) = [r for r in on_cluster if r.status == "unusable"]
    assert bad.path.endswith("junk.json")
    wrong = next(r for r in on_cluster if r.path.endswith("03.json"))
    assert wrong.findings == check(_report(3))


def test_check_bag_runs_on_both_workers(client: Any, folder: Path) -> None:
    before = client.run(_executed)
    check_bag(str(folder), npartitions=8).compute()
    after = client.run(_executed)
    assert sorted(after) == sorted(before)
    assert all(after[w] > before[w] for w in after), (before, after)


def _executed(dask_worker: Any) -> int:
    """How many tasks a worker has run."""
    return int(dask_worker.state.executed_count)


def test_aggregate_bag_on_the_cluster_equals_the_local_run(client: Any, folder: Path) -> None:
    summary, unusable = aggregate_bag(
        str(folder), agency="江河市人民政府", year=2021, npartitions=5
    )
    local, local_unusable = aggregate_bag(
        str(folder), agency="江河市人民政府", year=2021, npartitions=5, scheduler="sync"
    )
    assert summary.report == local.report
    assert sorted(summary.parts) == sorted(local.parts)
    assert unusable == local_unusable
    assert [Path(u.path).name for u in unusable] == ["junk.json"]
    expected = aggregate([_report(i) for i in range(N)], agency="江河市人民政府", year=2021)
    assert summary.report == expected.report
