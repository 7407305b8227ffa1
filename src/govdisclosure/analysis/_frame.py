"""Tidy exports of many reports: :func:`rows_frame` and its CSV, JSON Lines and Parquet writers.

One row per table cell (and per fact, for the narrative figures legacy reports state), with
the report's agency, year, edition and kind of agency and the cell's JSON path and labels.
Values stay exact: ``int`` for counts, :class:`~decimal.Decimal` for money (in the unit of
the ``unit`` column) — never floats. The rows are plain dicts, so they go straight into
pandas or polars without either being a dependency::

    import pandas as pd
    frame = pd.DataFrame(rows_frame(reports))
    frame.pivot_table(index="agency", columns="year", values="value", aggfunc="sum")

>>> from govdisclosure import examples
>>> rows = rows_frame([examples.load("jianghe-2021"), examples.load("xianning-2015")])
>>> first = rows[0]
>>> first["agency"], first["kind"], first["path"], first["value"], first["unit"]
('江河市自然资源和规划局', 'department', '$.active.regulations.issued', 0, '件')
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
from govdisclosure.model import Report
from govdisclosure.money import Amount

__all__ = ["COLUMNS", "rows_frame", "write_csv", "write_jsonl", "write_parquet"]

COLUMNS = (
    "agency",
    "year",
    "edition",
    "kind",
    "source",
    "table",
    "path",
    "row",
    "column",
    "value",
    "unit",
    "qualifier",
)
"""The columns of every row, in order."""


def _value(value: Any, unit: str | None) -> tuple[Any, str | None]:
    if isinstance(value, Amount):
        return value.value, value.unit.value
    return value, unit


def rows_frame(
    reports: Iterable[Report],
    *,
    kind_of: Callable[[Report], str] | None = None,
    facts: bool = True,
) -> list[dict[str, Any]]:
    """One dict per table cell of every report, and per fact (``facts=False``: none).

    Keys are :data:`COLUMNS`. ``source`` is ``"cell"``, ``"extra_row"`` (a provincial row)
    or ``"fact"``; ``path`` is the JSON path (``$.requests.new.total``,
    ``$.active.extra_rows[0].values[1]``, ``$.facts[3]``); ``value`` an ``int`` or an exact
    ``Decimal`` (``None`` for a blank cell), in ``unit``; ``qualifier`` the 余/约/… of an
    approximate figure of prose. ``kind`` is the kind of agency: ``kind_of(report)`` when
    given, else :meth:`Report.kind() <govdisclosure.model.Report.kind>` (as stated, or read
    from the agency's name), by its value (``"department"``, ``"county-government"``, …).
    """
    kind: Callable[[Report], str] = (lambda r: r.kind().value) if kind_of is None else kind_of
    out: list[dict[str, Any]] = []
    for report in reports:
        if not isinstance(report, Report):
            raise TypeError(f"rows_frame expects Reports, got {type(report).__name__}")
        ids = {
            "agency": report.agency,
            "year": report.year,
            "edition": report.edition.value,
            "kind": kind(report),
        }
        for row in to_rows(report, facts=facts):  # the tidy rows of io, one vocabulary
            fact = row["kind"] == "fact"
            out.append(
                {
                    **ids,
                    "source": "extra_row" if ".extra_rows[" in row["path"] else row["kind"],
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


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return format(value, "f")
    return value


def write_csv(rows: Iterable[dict[str, Any]], out: IO[str], *, bom: bool = False) -> int:
    """Write rows as CSV (UTF-8 text; ``bom=True`` starts with a BOM so Excel reads the
    Chinese labels right) to a text stream opened with ``newline=""``; returns the count.

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


class MissingExtraError(GovDisclosureError, ImportError):
    """An optional dependency is not installed."""


def write_parquet(rows: Sequence[dict[str, Any]], path: str) -> int:
    """Write rows to a Parquet file (needs pyarrow: ``pip install 'govdisclosure[parquet]'``).

    ``value`` is a ``decimal128`` column whose scale is the most decimals any value has, so
    every figure is kept exactly (counts and amounts alike); returns the count.
    """
    try:  # optional: imported by name, so that neither mypy nor the import need pyarrow
        pa = importlib.import_module("pyarrow")
        pq = importlib.import_module("pyarrow.parquet")
    except ImportError:  # pragma: no cover - depends on the environment
        raise MissingExtraError(
            "write_parquet needs pyarrow: pip install 'govdisclosure[parquet]'"
        ) from None
    scale = 0
    for row in rows:
        v = row.get("value")
        if isinstance(v, Decimal):
            exponent = v.as_tuple().exponent
            if isinstance(exponent, int):
                scale = max(scale, -exponent)
    columns: dict[str, Any] = {
        name: [row.get(name) for row in rows] for name in COLUMNS if name != "value"
    }
    values = [row.get("value") for row in rows]
    exact = decimal.Context(prec=38, traps=[decimal.Inexact, decimal.InvalidOperation])
    quantum = Decimal(1).scaleb(-scale, exact)
    columns["value"] = pa.array(
        [None if v is None else Decimal(v).quantize(quantum, context=exact) for v in values],
        type=pa.decimal128(38, scale),
    )
    table = pa.table({name: columns[name] for name in COLUMNS})
    pq.write_table(table, path)
    return len(rows)
