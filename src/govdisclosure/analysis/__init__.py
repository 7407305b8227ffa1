"""Analysis of many reports: comparison, summaries, the 信息处理费, tidy exports and batches.

- :func:`diff` — what changed between two reports (across editions through the 2019 → 2021
  cell correspondence); :meth:`ReportDiff.apply` rebuilds the new one.
- :func:`aggregate` — a government's summary from its parts, exactly, with blanks kept
  incomplete; :func:`check_rollup` — a published summary against its parts (GA1xx findings).
- :mod:`govdisclosure.analysis.fees` — ``fee_by_count``, ``fee_by_pages``, ``FeeNotice``.
- :func:`tidy_rows` (plain dicts), :func:`rows_frame` (a pandas DataFrame: nullable counts,
  exact amounts, labels in the official order), :func:`rows_arrow` (an Arrow table) and
  :func:`write_csv`, :func:`write_jsonl`, :func:`write_parquet`.
- :mod:`govdisclosure.analysis.batch` (every core) and :mod:`govdisclosure.analysis.dask`.

>>> from govdisclosure import examples
>>> old, new = examples.load("jianghe-2020"), examples.load("jianghe-2021")
>>> diff(old, new).cell("$.requests.new.total").change
8
>>> from govdisclosure.analysis.fees import fee_by_count
>>> fee_by_count(35).amount
Amount('3000', MoneyUnit.YUAN)
"""

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
    FRAME_COLUMNS,
    MissingExtraError,
    rows_arrow,
    rows_frame,
    tidy_rows,
    write_csv,
    write_jsonl,
    write_parquet,
)
from govdisclosure.analysis._rollup_rules import RollupFinding, rollup_catalog

__all__ = [
    "COLUMNS",
    "FRAME_COLUMNS",
    "Aggregate",
    "AggregateCell",
    "AggregateError",
    "CellChange",
    "DuplicateReportsError",
    "FactChange",
    "FieldChange",
    "MissingExtraError",
    "MixedEditionsError",
    "ReportDiff",
    "RollupFinding",
    "RowChange",
    "SectionChange",
    "SumChange",
    "Unmapped",
    "aggregate",
    "check_rollup",
    "diff",
    "rollup_catalog",
    "rows_arrow",
    "rows_frame",
    "tidy_rows",
    "write_csv",
    "write_jsonl",
    "write_parquet",
]
