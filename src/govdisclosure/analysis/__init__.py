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
from govdisclosure.analysis._diff import (
    CellChange,
    FactChange,
    FieldChange,
    ReportDiff,
    RowChange,
    SectionChange,
    SumChange,
    Unmapped,
    diff,
)
from govdisclosure.analysis._frame import (
    COLUMNS,
    agency_kind,
    rows_frame,
    write_csv,
    write_jsonl,
    write_parquet,
)
from govdisclosure.analysis._rollup_rules import RollupFinding, rollup_catalog

__all__ = [
    "COLUMNS",
    "Aggregate",
    "AggregateCell",
    "AggregateError",
    "CellChange",
    "DuplicateReportsError",
    "FactChange",
    "FieldChange",
    "MixedEditionsError",
    "ReportDiff",
    "RollupFinding",
    "RowChange",
    "SectionChange",
    "SumChange",
    "Unmapped",
    "agency_kind",
    "aggregate",
    "check_rollup",
    "diff",
    "rollup_catalog",
    "rows_frame",
    "write_csv",
    "write_jsonl",
    "write_parquet",
]
