"""Run the batch on a cluster: check and aggregate over a Dask bag of report files.

Needs Dask (``pip install 'govdisclosure[dask]'``); nothing else in govdisclosure imports it.
The library's functions are pure and picklable, so the same code runs on Dask's local
schedulers and on a distributed cluster (``dask.distributed.Client(...)`` makes it the
default scheduler): the files are read where the workers run, so they must be on storage
the workers see::

    from govdisclosure.analysis.dask import aggregate_bag, check_bag

    results = check_bag("reports/", npartitions=64).compute()

Aggregation reduces partition by partition — each partition sums its reports cell-wise, the
partial sums are merged — so no worker ever holds all the reports::

    summary, unusable = aggregate_bag("reports/", agency="某市人民政府", year=2023)

The how-to "run on a cluster" (``docs/howto-cluster.md``) runs both on Dask's local
schedulers.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Sequence
from typing import Any

from govdisclosure.analysis._aggregate import (
    Aggregate,
    AggregateError,
    Blanks,
    MixedEditionsError,
    _Accumulator,
    _finish,
)
from govdisclosure.analysis._cells import values_of
from govdisclosure.analysis._frame import MissingExtraError
from govdisclosure.analysis.batch import (
    READERS,
    FileResult,
    Reader,
    _Checker,
    _read_or_error,
    discover,
)
from govdisclosure.layout import Edition
from govdisclosure.model import AgencyKind, Report
from govdisclosure.rules import Policy

__all__ = ["aggregate_bag", "check_bag", "files_bag"]


def _bag_module() -> Any:
    try:
        return importlib.import_module("dask.bag")
    except ImportError:  # pragma: no cover - depends on the environment
        raise MissingExtraError(
            "govdisclosure.analysis.dask needs Dask: pip install 'govdisclosure[dask]'"
        ) from None


def files_bag(
    paths: str | Sequence[str], *, npartitions: int | None = None, readers: Any = READERS
) -> Any:
    """A Dask bag of report file paths: a folder (walked as the batch walks it) or a list."""
    db = _bag_module()
    files = list(discover(paths, readers=readers).files) if isinstance(paths, str) else list(paths)
    n = npartitions or max(1, min(len(files), 100))
    return db.from_sequence(files, npartitions=n)


def check_bag(
    paths: str | Sequence[str],
    *,
    policy: Policy | None = None,
    npartitions: int | None = None,
    readers: Any = READERS,
) -> Any:
    """A Dask bag of :class:`~govdisclosure.analysis.batch.FileResult`, one per file: call
    ``.compute()`` (or keep mapping). A bad file gives an ``unusable`` result, never an
    exception."""
    return files_bag(paths, npartitions=npartitions, readers=readers).map(_Checker(policy, readers))


class _Partial:
    """What one partition contributes: sums per edition, and what could not be used."""

    def __init__(self) -> None:
        self.sums: dict[Edition, _Accumulator] = {}
        self.unusable: list[FileResult] = []
        self.wrong_year: list[str] = []

    def merge(self, other: _Partial) -> _Partial:
        for edition, acc in other.sums.items():
            mine = self.sums.get(edition)
            self.sums[edition] = acc if mine is None else mine.merge(acc)
        self.unusable += other.unusable
        self.wrong_year += other.wrong_year
        return self


class _PerPartition:
    def __init__(
        self, year: int, edition: Edition | None, map_editions: bool, readers: dict[str, Reader]
    ) -> None:
        self.year = year
        self.edition = edition
        self.map_editions = map_editions
        self.readers = readers

    def __call__(self, paths: Iterable[str]) -> _Partial:
        part = _Partial()
        for path in paths:
            result = _read_or_error(path, self.readers)
            if not isinstance(result, Report):
                part.unusable.append(result)
                continue
            if result.year != self.year:
                part.wrong_year.append(f"{result.agency} ({result.year}, {path})")
                continue
            if not result.edition.has_tables:
                part.unusable.append(
                    FileResult(
                        path,
                        "unusable",
                        result.agency,
                        result.year,
                        result.edition.value,
                        reason="no national tables to add up",
                    )
                )
                continue
            target = result.edition
            if self.map_editions and self.edition is not None:
                target = self.edition
            acc = part.sums.get(target)
            if acc is None:
                acc = part.sums[target] = _Accumulator(target)
            acc.add(result, values_of(result, target), result.edition is not target)
        return part


def _combine(parts: Iterable[_Partial]) -> _Partial:
    total = _Partial()
    for p in parts:
        total.merge(p)
    return total


def aggregate_bag(
    paths: str | Sequence[str],
    *,
    agency: str,
    year: int,
    kind: AgencyKind | None = None,
    edition: Edition | None = None,
    map_editions: bool = False,
    blanks: Blanks = "incomplete",
    npartitions: int | None = None,
    readers: Any = READERS,
    scheduler: str | None = None,
) -> tuple[Aggregate, tuple[FileResult, ...]]:
    """:func:`~govdisclosure.analysis.aggregate` over a Dask bag of files, reduced partition
    by partition; returns the aggregate and the files that could not be used.

    As :func:`~govdisclosure.analysis.aggregate`, but ``map_editions=True`` needs the target
    ``edition``. ``scheduler`` is passed to ``compute`` (``"threads"``, ``"processes"``,
    ``"sync"``; by default Dask's, or the distributed client's).
    """
    if map_editions and edition is None:
        raise ValueError("aggregate_bag with map_editions=True needs edition=")
    bag = files_bag(paths, npartitions=npartitions, readers=readers)
    per = _PerPartition(year, edition, map_editions, dict(readers))
    reduced = bag.reduction(per, _combine)
    total: _Partial = reduced.compute(**({} if scheduler is None else {"scheduler": scheduler}))
    if total.wrong_year:
        raise AggregateError(
            f"every report must be of {year}: {', '.join(total.wrong_year)} is not"
        )
    if not total.sums:
        raise AggregateError("no usable report to add up")
    if len(total.sums) > 1:
        detail = ", ".join(sorted(e.value for e in total.sums))
        raise MixedEditionsError(
            f"the reports are of several editions ({detail}): aggregate one edition at a "
            "time, or pass map_editions=True with edition="
        )
    (acc,) = total.sums.values()
    return _finish(acc, agency=agency, year=year, kind=kind, blanks=blanks), tuple(total.unusable)
