"""The Dask helper on Dask's local schedulers (skipped when Dask is not installed)."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

from govdisclosure import examples, to_json
from govdisclosure.analysis import aggregate

pytest.importorskip("dask.bag")

from govdisclosure.analysis.dask import aggregate_bag, check_bag

A = examples.load("jianghe-2021")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for i in range(12):
        r = attrs.evolve(A, agency=f"第{i}局")
        (tmp_path / f"{i:02}.json").write_text(to_json(r), encoding="utf-8")
    (tmp_path / "junk.json").write_bytes(b"\x00\x01garbage")
    return tmp_path


@pytest.mark.parametrize("scheduler", ["sync", "threads", "processes"])
def test_check_bag_on_a_local_scheduler(folder: Path, scheduler: str) -> None:
    results = check_bag(str(folder), npartitions=4).compute(scheduler=scheduler)
    assert len(results) == 13
    assert sum(r.status == "ok" for r in results) == 12
    (bad,) = [r for r in results if r.status == "unusable"]
    assert bad.path.endswith("junk.json")


@pytest.mark.parametrize("scheduler", ["threads", "processes"])
def test_aggregate_bag_equals_aggregate(folder: Path, scheduler: str) -> None:
    summary, unusable = aggregate_bag(
        str(folder), agency="江河市人民政府", year=2021, npartitions=5, scheduler=scheduler
    )
    parts = [attrs.evolve(A, agency=f"第{i}局") for i in range(12)]
    expected = aggregate(parts, agency="江河市人民政府", year=2021)
    assert summary.report == expected.report
    assert sorted(summary.parts) == sorted(expected.parts)
    assert [Path(r.path).name for r in unusable] == ["junk.json"]


def test_aggregate_bag_refuses_duplicates_across_partitions(folder: Path) -> None:
    from govdisclosure.analysis import DuplicateReportsError

    (folder / "dup.json").write_text(to_json(attrs.evolve(A, agency="第0局")), encoding="utf-8")
    with pytest.raises(DuplicateReportsError, match="第0局"):
        aggregate_bag(str(folder), agency="某市", year=2021, npartitions=4, scheduler="sync")
