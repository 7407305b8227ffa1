"""Cell-wise plumbing shared by diff, aggregate and the tidy frame, all read from the layouts.

A cell value is what :meth:`~govdisclosure.layout.CellLayout.get` returns: an ``int`` for
counts, an :class:`~govdisclosure.money.Amount` for the 2021 fee, a ``Decimal`` for the 2019
采购总金额, ``None`` for a blank. Tables are rebuilt from values keyed by JSON path through
:func:`govdisclosure.io.from_dict`, so every check of the model applies.
"""

from __future__ import annotations

import decimal
import functools
import operator
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any

from govdisclosure.errors import Problem, StructureError
from govdisclosure.io import from_dict
from govdisclosure.layout import TABLE_ATTRIBUTES, Edition, layout_of
from govdisclosure.layout.correspondence import Correspondence, correspondence
from govdisclosure.model import Report
from govdisclosure.money import Amount, MoneyUnit

__all__ = [
    "EXACT",
    "CellValue",
    "Correspondence",
    "correspondence",
    "extra_rows",
    "tables_from_values",
    "values_of",
]

CellValue = int | Amount | Decimal | None

EXACT = decimal.Context(
    prec=400,
    rounding=decimal.ROUND_HALF_UP,
    Emax=decimal.MAX_EMAX,
    Emin=decimal.MIN_EMIN,
    traps=[decimal.InvalidOperation, decimal.Inexact, decimal.Rounded, decimal.Overflow],
)
"""Exact decimal arithmetic, whatever the caller's context (any rounding raises)."""


def extra_rows(report: Report) -> dict[tuple[str, str, str], tuple[int | None, ...]]:
    """The provincial extra rows of a report by (attribute, block, label)."""
    out: dict[tuple[str, str, str], tuple[int | None, ...]] = {}
    for attribute in TABLE_ATTRIBUTES:
        table = getattr(report, attribute)
        for row in getattr(table, "extra_rows", ()):
            out[attribute, row.block, row.label] = row.values
    return out


def _json_value(value: CellValue) -> Any:
    if isinstance(value, Amount):
        return {"value": format(value.value, "f"), "unit": value.unit.value}
    if isinstance(value, Decimal):
        return format(value, "f")
    return value


_Getter = Callable[[Any], Any]


@functools.cache
def _plan(
    edition: Edition,
) -> tuple[tuple[str, tuple[tuple[str, _Getter, _Getter | None], ...]], ...]:
    """The cells of an edition by table: JSON path, getter, and the getter of a printed unit."""
    by_table: dict[str, list[tuple[str, _Getter, _Getter | None]]] = {}
    for cell in layout_of(edition).cells:
        unit_of = None if cell.unit_from is None else operator.attrgetter(cell.unit_from)
        by_table.setdefault(cell.attribute, []).append(
            (cell.json_path, cell.get_from_table, unit_of)
        )
    return tuple((attribute, tuple(cells)) for attribute, cells in by_table.items())


def values_of(report: Report, edition: Edition | None = None) -> dict[str, CellValue]:
    """Every table cell of ``report`` by JSON path, as cells of ``edition`` (by default the
    report's own; another edition through the correspondence: only cells that map, and a
    cell that is the sum of several of the report's when all of them are stated).

    A figure whose unit the report prints beside it (2019 采购总金额) is an
    :class:`~govdisclosure.money.Amount` when the unit was printed.
    """
    edition = report.edition if edition is None else edition
    if report.edition is edition:
        out: dict[str, CellValue] = {}
        for attribute, cells in _plan(edition):
            table = getattr(report, attribute)
            if table is None:
                out.update(dict.fromkeys((path for path, _, _ in cells), None))
                continue
            for path, get, unit_of in cells:
                value = get(table)
                if unit_of is not None and value is not None:
                    unit = unit_of(table)
                    if isinstance(unit, MoneyUnit):
                        value = Amount(value, unit)
                out[path] = value
        return out
    corr = correspondence(report.edition, edition)
    out = {new.json_path: old.get(report) for old, new in corr.pairs}
    for single, several, side in corr.sums:
        if side == "new":  # the target holds one cell for several of the report's
            parts = [c.get(report) for c in several]
            out[single.json_path] = None if None in parts else sum(parts)
    return out


def tables_from_values(
    edition: Edition,
    values: Mapping[str, CellValue],
    extra: Mapping[tuple[str, str, str], tuple[int | None, ...]] = {},
    present: Iterable[str] | None = None,
) -> dict[str, Any]:
    """Tables of ``edition`` holding ``values`` (JSON path → value) and extra rows.

    Tables none of whose cells is given are ``None`` (or, with ``present``, the tables not
    named there). An :class:`~govdisclosure.money.Amount` in a column whose unit the report
    prints (2019 采购总金额) is written as the figure and its unit. Raises
    :class:`~govdisclosure.StructureError` when the values do not fit the model.
    """
    layout = layout_of(edition)
    trees: dict[str, dict[str, Any]] = {}
    for cell in layout.cells:
        if cell.json_path not in values:
            continue
        node = trees.setdefault(cell.attribute, {})
        *parents, last = cell.key.split(".")
        for p in parents:
            node = node.setdefault(p, {})
        value = values[cell.json_path]
        if cell.unit_from is not None:
            unit_node = trees[cell.attribute]
            *unit_parents, unit_last = cell.unit_from.split(".")
            for p in unit_parents:
                unit_node = unit_node.setdefault(p, {})
            unit_node[unit_last] = value.unit.value if isinstance(value, Amount) else None
            value = value.value if isinstance(value, Amount) else value
        node[last] = _json_value(value)
    if present is not None:
        keep = set(present)
        trees = {k: v for k, v in trees.items() if k in keep}
        for attribute in keep:
            trees.setdefault(attribute, {})
    for (attribute, block, label), row in extra.items():
        trees.setdefault(attribute, {}).setdefault("extra_rows", []).append(
            {"block": block, "label": label, "values": list(row)}
        )
    if not trees:
        return dict.fromkeys(TABLE_ATTRIBUTES)
    document: dict[str, Any] = {
        "agency": "-",
        "year": 2000,
        "edition": edition.value,
        "title": "-",
        **trees,
    }
    try:
        report = from_dict(document)
    except StructureError as exc:
        raise StructureError(Problem(p.path, p.message, p.label) for p in exc.problems) from None
    return {name: getattr(report, name) for name in TABLE_ATTRIBUTES}
