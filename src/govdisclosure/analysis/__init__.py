"""Analysis of many reports: diff, aggregate, check_rollup, fees, tidy frames, batch."""

from govdisclosure.analysis._aggregate import (
    Aggregate,
    AggregateCell,
    AggregateError,
    DuplicateReportsError,
    MixedEditionsError,
    aggregate,
    check_rollup,
)
from govdisclosure.analysis._rollup_rules import RollupFinding, rollup_catalog

__all__ = [
    "Aggregate",
    "AggregateCell",
    "AggregateError",
    "DuplicateReportsError",
    "MixedEditionsError",
    "RollupFinding",
    "aggregate",
    "check_rollup",
    "rollup_catalog",
]
