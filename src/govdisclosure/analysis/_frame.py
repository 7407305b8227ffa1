"""One frame for analysis: the tidy rows of many reports as plain dicts, a pandas DataFrame
or an Arrow table — and their CSV, JSON Lines and Parquet writers.

One row per table cell, per extra (provincial) row's cell and, where asked, per stated fact,
with the report's agency, year, edition and kind of agency and the cell's JSON path and
labels. The vocabulary is that of :func:`~govdisclosure.to_rows`: ``source`` says what the
row is (``"cell"``, ``"extra_row"``, ``"fact"``), ``agency_kind`` the kind of agency.

- :func:`tidy_rows` — plain dicts (no dependency): ``value`` an ``int`` for counts, an exact
  :class:`~decimal.Decimal` for amounts, ``None`` for a blank — never a float.
- :func:`rows_frame` — a :class:`pandas.DataFrame` (``pip install 'govdisclosure[pandas]'``:
  pandas and pyarrow): counts in ``count`` (nullable ``Int64``), amounts and facts in
  ``amount`` (exact: pyarrow ``decimal128``), both ``<NA>`` for a blank cell, so that
  ``sum(min_count=1)`` of blanks is ``<NA>`` and never 0; ``table``, ``row`` and ``column``
  ordered categoricals in the official order of the layouts.
- :func:`rows_arrow` — the same as a :class:`pyarrow.Table`, for Polars and DuckDB.

>>> from govdisclosure import examples
>>> rows = tidy_rows([examples.load("jianghe-2021"), examples.load("xianning-2015")])
>>> first = rows[0]
>>> first["agency"], first["agency_kind"], first["source"], first["path"], first["value"]
('江河市自然资源和规划局', 'department', 'cell', '$.active.regulations.issued', 0)
>>> fact = next(r for r in rows if r["source"] == "fact" and r["year"] == 2015)
>>> fact["path"], fact["row"], fact["value"], fact["unit"]
('$.facts[0]', 'key_areas.social_assistance', Decimal('8'), '条')
"""

from __future__ import annotations

import csv
import decimal
import importlib
import json
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import IO, Any

from govdisclosure.errors import GovDisclosureError
from govdisclosure.io import to_rows
from govdisclosure.layout import Edition, layout_of
from govdisclosure.model import Report

# the columns that say which report, table and cell a row is of: both layouts begin with them
_WHERE = (
    "agency",
    "year",
    "edition",
    "agency_kind",
    "source",
    "table",
    "path",
    "row",
    "column",
)

COLUMNS = (*_WHERE, "value", "unit", "qualifier")
"""The columns of every row of :func:`tidy_rows`, in order."""

FRAME_COLUMNS = (*_WHERE, "count", "amount", "unit", "qualifier")
"""The columns of :func:`rows_frame` and :func:`rows_arrow`: ``value`` split into ``count``
(the ``int`` figures) and ``amount`` (the exact ``Decimal`` ones)."""


class MissingExtraError(GovDisclosureError, ImportError):
    """An optional dependency is not installed."""


def tidy_rows(
    reports: Iterable[Report],
    *,
    agency_kind_of: Callable[[Report], str] | None = None,
    facts: bool | None = None,
) -> list[dict[str, Any]]:
    """One dict per table cell of every report, and per fact (see ``facts``).

    Keys are :data:`COLUMNS`. ``source`` is ``"cell"``, ``"extra_row"`` (a provincial row)
    or ``"fact"``; ``path`` is the JSON path (``$.requests.new.total``,
    ``$.active.extra_rows[0].values[1]``, ``$.facts[3]``); ``value`` an ``int`` or an exact
    ``Decimal`` (``None`` for a blank cell), in ``unit``; ``qualifier`` the 余/约/… of an
    approximate figure of prose. A fact's ``row`` is its key, its ``column`` its label.
    ``agency_kind`` is ``agency_kind_of(report)`` when given, else
    :meth:`Report.kind() <govdisclosure.model.Report.kind>` (as stated, or read from the
    agency's name), by its value (``"department"``, ``"county-government"``, …). ``facts``
    is as in :func:`~govdisclosure.to_rows`: ``None`` (the default) gives the facts of the
    reports without national tables (legacy-2008) only.
    """
    kind: Callable[[Report], str] = (
        (lambda r: r.kind().value) if agency_kind_of is None else agency_kind_of
    )
    out: list[dict[str, Any]] = []
    for report in reports:
        if not isinstance(report, Report):
            raise TypeError(f"tidy_rows expects Reports, got {type(report).__name__}")
        ids = {
            "agency": report.agency,
            "year": report.year,
            "edition": report.edition.value,
            "agency_kind": kind(report),
        }
        for row in to_rows(report, facts=facts):  # the tidy rows of io, one vocabulary
            fact = row["source"] == "fact"
            out.append(
                {
                    **ids,
                    "source": row["source"],
                    "table": None if fact else row["table"],
                    "path": row["path"],
                    "row": row["key"] if fact else row["row"],
                    "column": row["label"] if fact else row["column"],
                    "value": row["value"],
                    "unit": row["unit"],
                    "qualifier": row["qualifier"] if fact else None,
                }
            )
    return out


# --------------------------------------------------------------------------- pandas, Arrow


def _needs(*modules: str) -> list[Any]:
    try:  # optional: imported by name, so that neither mypy nor the import need them
        return [importlib.import_module(m) for m in modules]
    except ImportError:
        raise MissingExtraError(
            f"this needs {' and '.join(m.split('.')[0] for m in modules)}: "
            "pip install 'govdisclosure[pandas]'"
        ) from None


def _scale(values: Iterable[Any]) -> int:
    """The most decimals of any Decimal among ``values`` (the scale that keeps them all)."""
    scale = 0
    for v in values:
        if isinstance(v, Decimal):
            exponent = v.as_tuple().exponent
            if isinstance(exponent, int):
                scale = max(scale, -exponent)
    return scale


def _decimals(pa: Any, values: Sequence[Any]) -> Any:
    """An exact ``decimal128`` array of ``values`` (Decimals and ``None``)."""
    scale = _scale(values)
    exact = decimal.Context(prec=38, traps=[decimal.Inexact, decimal.InvalidOperation])
    quantum = Decimal(1).scaleb(-scale, exact)
    return pa.array(
        [None if v is None else Decimal(v).quantize(quantum, context=exact) for v in values],
        type=pa.decimal128(38, scale),
    )


def _official_order(rows: Sequence[dict[str, Any]], key: str) -> list[str]:
    """The values of the column ``key`` in the official order of the layouts of the
    editions present (newest edition first), then the others in order of appearance."""
    editions = sorted({Edition(r["edition"]) for r in rows}, key=lambda e: -list(Edition).index(e))
    order: dict[str, None] = {}
    for edition in editions:
        for table in layout_of(edition).tables:
            for cell in table.cells:
                order.setdefault({"table": cell.table, "row": cell.row, "column": cell.column}[key])
    for r in rows:
        if r[key] is not None:
            order.setdefault(r[key])
    return list(order)


def _columns(rows: Sequence[dict[str, Any]], pa: Any) -> dict[str, Any]:
    """The Arrow arrays of :data:`FRAME_COLUMNS`."""
    counts = [v if v.__class__ is int else None for v in (r["value"] for r in rows)]
    amounts = [v if isinstance(v, Decimal) else None for v in (r["value"] for r in rows)]
    columns: dict[str, Any] = {
        name: pa.array([r[name] for r in rows], type=pa.string())
        for name in ("agency", "edition", "agency_kind", "source", "table", "path", "row")
    }
    columns["year"] = pa.array([r["year"] for r in rows], type=pa.int64())
    columns["column"] = pa.array([r["column"] for r in rows], type=pa.string())
    columns["count"] = pa.array(counts, type=pa.int64())
    columns["amount"] = _decimals(pa, amounts)
    columns["unit"] = pa.array([r["unit"] for r in rows], type=pa.string())
    columns["qualifier"] = pa.array([r["qualifier"] for r in rows], type=pa.string())
    return {name: columns[name] for name in FRAME_COLUMNS}


def rows_arrow(
    reports: Iterable[Report],
    *,
    agency_kind_of: Callable[[Report], str] | None = None,
    facts: bool | None = None,
) -> Any:
    """The rows of :func:`tidy_rows` as a :class:`pyarrow.Table` of :data:`FRAME_COLUMNS`
    (needs pyarrow: ``pip install 'govdisclosure[pandas]'``), for Polars
    (``polars.from_arrow``) and DuckDB: ``count`` ``int64``, ``amount`` an exact
    ``decimal128`` (the scale of the most precise figure), nulls for blanks; ``table``,
    ``row`` and ``column`` dictionary-encoded (categoricals in Polars)."""
    (pa,) = _needs("pyarrow")
    rows = tidy_rows(reports, agency_kind_of=agency_kind_of, facts=facts)
    columns = _columns(rows, pa)
    for name in ("table", "row", "column"):
        columns[name] = columns[name].dictionary_encode()
    return pa.table(columns)


def rows_frame(
    reports: Iterable[Report],
    *,
    agency_kind_of: Callable[[Report], str] | None = None,
    facts: bool | None = None,
) -> Any:
    """The rows of :func:`tidy_rows` as a :class:`pandas.DataFrame` of
    :data:`FRAME_COLUMNS` (needs pandas and pyarrow: ``pip install
    'govdisclosure[pandas]'``).

    ``count`` is a nullable ``Int64`` column (the counts; ``<NA>`` for a blank and for the
    rows of amounts); ``amount`` an exact ``decimal128`` column (amounts in ``unit`` and the
    figures of facts; ``<NA>`` otherwise). A blank is ``<NA>``, never 0: sum with
    ``min_count=1`` (``frame.groupby(...)["count"].sum(min_count=1)``) so that a sum over
    blanks only stays ``<NA>``, with ``skipna=False`` so that any blank makes it ``<NA>``.
    ``table``, ``row`` and ``column`` are ordered categoricals in the official order of the
    layouts (a pivot lists the rows of 表三 as the report prints them); ``edition`` is an
    ordered categorical of the editions, ``agency_kind`` and ``source`` categoricals.
    """
    pd, pa = _needs("pandas", "pyarrow")
    rows = tidy_rows(reports, agency_kind_of=agency_kind_of, facts=facts)
    columns = _columns(rows, pa)
    frame = pd.DataFrame(
        {
            name: pd.Series(columns[name].to_pylist(), dtype="string")
            for name in ("agency", "path", "unit", "qualifier")
        }
    )
    frame["year"] = pd.array(columns["year"].to_pylist(), dtype="Int64")
    frame["count"] = pd.array(columns["count"].to_pylist(), dtype="Int64")
    frame["amount"] = pd.Series(columns["amount"], dtype=pd.ArrowDtype(columns["amount"].type))
    for name in ("table", "row", "column"):
        values = [r[name] for r in rows]
        frame[name] = pd.Categorical(values, categories=_official_order(rows, name), ordered=True)
    frame["edition"] = pd.Categorical(
        [r["edition"] for r in rows], categories=[e.value for e in Edition], ordered=True
    )
    for name in ("agency_kind", "source"):
        frame[name] = pd.Categorical([r[name] for r in rows])
    return frame[list(FRAME_COLUMNS)]


# --------------------------------------------------------------------------- writers


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return format(value, "f")
    return value


def write_csv(rows: Iterable[dict[str, Any]], out: IO[str], *, bom: bool = False) -> int:
    """Write rows of :func:`tidy_rows` as CSV (UTF-8 text; ``bom=True`` starts with a BOM so
    Excel reads the Chinese labels right) to a text stream opened with ``newline=""``;
    returns the count.

    Decimals are written in plain notation (``20.30``), blanks as empty fields.
    """
    if bom:
        out.write("\ufeff")
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow({k: _plain(v) for k, v in row.items()})
        n += 1
    return n


def write_jsonl(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """Write rows as JSON Lines (one object per line, UTF-8 text, Decimals as strings);
    returns the count."""
    n = 0
    for row in rows:
        out.write(json.dumps({k: _plain(v) for k, v in row.items()}, ensure_ascii=False))
        out.write("\n")
        n += 1
    return n


def write_parquet(rows: Sequence[dict[str, Any]], path: str) -> int:
    """Write rows of :func:`tidy_rows` to a Parquet file (needs pyarrow:
    ``pip install 'govdisclosure[parquet]'``).

    ``value`` is a ``decimal128`` column whose scale is the most decimals any value has, so
    every figure is kept exactly (counts and amounts alike); returns the count.
    """
    pa, pq = _needs("pyarrow", "pyarrow.parquet")
    columns: dict[str, Any] = {
        name: [row.get(name) for row in rows] for name in COLUMNS if name != "value"
    }
    columns["value"] = _decimals(pa, [row.get("value") for row in rows])
    table = pa.table({name: columns[name] for name in COLUMNS})
    pq.write_table(table, path)
    return len(rows)
