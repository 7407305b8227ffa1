"""Tidy rows: one dict per table cell, with the official labels — and back.

Labels are matched through :mod:`govdisclosure.layout.match`, the one label matcher, so a
CSV with spaced, joined or leaf-only labels reads like the export.

>>> from govdisclosure import examples
>>> r = examples.load("jianghe-2020")
>>> from_rows(to_rows(r), report=r) == r
True
"""

from __future__ import annotations

import itertools
import re
import typing
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any, cast

import attrs

from govdisclosure.errors import Problem, StructureError
from govdisclosure.io.json import _DECIMAL_RE, _describe
from govdisclosure.layout import JOIN, TABLE_ATTRIBUTES, CellLayout, Edition, layout_of
from govdisclosure.layout import normalize_label as _normalize
from govdisclosure.layout.match import ExtraCell, matcher
from govdisclosure.model import ExtraRow, Report, table_class
from govdisclosure.money import Amount, MoneyUnit

__all__ = ["from_rows", "tables_from_rows", "to_rows"]


def to_rows(report: Report, *, with_report: bool = False) -> list[dict[str, Any]]:
    """One dict per table cell: ``table``, ``row``, ``column``, ``value``, ``unit``.

    Labels are the official ones (NFKC, no spaces), outermost group first, joined with
    " / ". ``value`` is an ``int``, a decimal string for amounts, or ``None`` for a blank
    cell; ``unit`` is "件" for counts ("项" for the 2019 counts of items and projects, as
    the layout's columns say) and "万元" for the 2021 fee (the 2019 采购总金额 has the
    unit the report printed, or ``None``). Absent tables give no rows. With
    ``with_report=True`` every row also carries ``agency``, ``year`` and ``edition``.

    >>> from govdisclosure import examples
    >>> rows = to_rows(examples.load("jianghe-2021"))
    >>> rows[0]["row"], rows[0]["column"], rows[0]["unit"]
    ('第二十条第(一)项 / 规章', '本年制发件数', '件')
    """
    rows: list[dict[str, Any]] = []
    ids = (
        {"agency": report.agency, "year": report.year, "edition": report.edition.value}
        if with_report
        else {}
    )
    for table in layout_of(report.edition).tables:
        obj = getattr(report, table.attribute)
        if obj is None:
            continue
        extra: tuple[ExtraRow, ...] = getattr(obj, "extra_rows", ())
        cells = iter(table.cells)
        for block in table.blocks:  # extra rows follow the official rows of their block
            for cell in itertools.islice(cells, len(block.rows) * len(block.columns)):
                value = cell.get_from_table(obj)
                if cell.kind == "amount":
                    value = None if value is None else format(value.value, "f")
                elif cell.kind == "decimal":
                    value = None if value is None else format(value, "f")
                rows.append(
                    {
                        "table": cell.table,
                        "row": cell.row,
                        "column": cell.column,
                        "value": value,
                        "unit": cell.unit_of(obj),
                        **ids,
                    }
                )
            for row in extra:
                if block.label is not None and row.block == block.label:
                    for col, value in zip(block.columns, row.values, strict=True):
                        rows.append(
                            {
                                "table": table.number,
                                "row": f"{row.block}{JOIN}{row.label}",
                                "column": JOIN.join(col.labels),
                                "value": value,
                                "unit": col.unit or "件",
                                **ids,
                            }
                        )
    return rows


# --------------------------------------------------------------------------- reading


def _count_value(
    value: Any, unit: Any, signed: bool, path: str, label: str | None, expected: str = "件"
) -> tuple[int | None, Problem | None]:
    """A count cell of a tidy row: an int, or a string of digits as CSV files give it."""
    if value is None or value == "":
        return None, None
    if unit not in (None, "", expected):
        message = f'expected unit "{expected}" for a count, found {unit!r}'
        return None, Problem(path, message, label)
    number: int | None = None
    if value.__class__ is int:
        number = value
    elif value.__class__ is str and re.fullmatch(r"[+-]?[0-9]+", value.strip()):
        number = int(value)
    if number is None:
        return None, Problem(path, f"expected a whole number, found {_describe(value)}", label)
    if number < 0 and not signed:
        return None, Problem(path, f"expected a whole number >= 0, found {number}", label)
    return number, None


def _cell_value(cell: CellLayout, value: Any, unit: Any, path: str) -> tuple[Any, Problem | None]:
    """The model value of one tidy row's value (ints and decimal strings; CSV-friendly)."""
    if cell.kind in ("count", "signed"):
        return _count_value(value, unit, cell.kind == "signed", path, cell.label, cell.unit)
    if value is None or value == "":
        return None, None
    if value.__class__ is int:
        value = str(value)
    if value.__class__ is not str or not _DECIMAL_RE.match(value.strip()):
        return None, Problem(
            path, f'expected a decimal string such as "20.30", found {_describe(value)}', cell.label
        )
    number = Decimal(value.strip())
    if number < 0:
        return None, Problem(path, f"expected an amount >= 0, found {value!r}", cell.label)
    if cell.kind == "amount":
        if unit not in (None, "", "万元"):
            return None, Problem(path, f'expected unit "万元", found {unit!r}', cell.label)
        return Amount(number, MoneyUnit.WAN_YUAN), None
    return number, None


class _Reader:
    """The cells and extra rows of tidy rows, gathered with every problem found."""

    def __init__(self, edition: Edition) -> None:
        self.edition = edition
        self.matcher = matcher(edition)
        self.problems: list[Problem] = []
        self.values: dict[str, dict[str, Any]] = {}
        self.extra: dict[str, list[tuple[str, str, list[Any]]]] = {}
        self.seen: set[tuple[str, str]] = set()

    def read(self, i: int, row: Any) -> None:
        path = f"$[{i}]"
        if not isinstance(row, Mapping):
            self.problems.append(
                Problem(path, f"expected a row (a mapping), found {_describe(row)}")
            )
            return
        missing = [k for k in ("table", "row", "column", "value") if k not in row]
        if missing:
            self.problems.append(Problem(path, f"missing key(s): {', '.join(missing)}"))
            return
        table_no = _normalize(str(row["table"]))
        cell = self.matcher.cell(table_no, str(row["row"]), str(row["column"]))
        if cell is not None:
            self._cell(cell, row, path)
            return
        extra = self.matcher.extra_cell(table_no, str(row["row"]), str(row["column"]))
        if extra is not None:
            self._extra(table_no, extra, row, path)
            return
        self.problems.append(
            Problem(
                path,
                f"unknown cell in {self.edition.value}: table {row['table']!r}, "
                f"row {row['row']!r}, column {row['column']!r}",
            )
        )

    def _cell(self, cell: CellLayout, row: Mapping[str, Any], path: str) -> None:
        if (cell.attribute, cell.key) in self.seen:
            self.problems.append(Problem(path, f"duplicate cell {cell.label}", cell.label))
            return
        self.seen.add((cell.attribute, cell.key))
        value, problem = _cell_value(cell, row["value"], row.get("unit"), path)
        if problem:
            self.problems.append(problem)
            return
        cells = self.values.setdefault(cell.attribute, {})
        if cell.unit_from is not None:
            unit = row.get("unit")
            if unit not in (None, ""):
                try:
                    cells[cell.unit_from] = MoneyUnit(_normalize(str(unit)))
                except ValueError:
                    self.problems.append(
                        Problem(path, f"expected unit 元/万元/亿元, found {unit!r}")
                    )
        cells[cell.key] = value

    def _extra(self, table_no: str, extra: ExtraCell, row: Mapping[str, Any], path: str) -> None:
        """Record a figure of a provincial extension row (a known block, an unknown row)."""
        column = extra.block.columns[extra.column]
        number, problem = _count_value(
            row["value"], row.get("unit"), column.signed, path, None, column.unit or "件"
        )
        if problem:
            self.problems.append(problem)
            return
        attribute = layout_of(self.edition).table(table_no).attribute
        block_label = str(extra.block.label)
        rows = self.extra.setdefault(attribute, [])
        for label, name, values in rows:
            if label == block_label and name == extra.label:
                values[extra.column] = number
                return
        values = [None] * len(extra.block.columns)
        values[extra.column] = number
        rows.append((block_label, extra.label, values))

    def tables(self) -> dict[str, Any]:
        tables: dict[str, Any] = {}
        for attribute in TABLE_ATTRIBUTES:
            cells = self.values.get(attribute)
            extras = self.extra.get(attribute)
            model = table_class(self.edition, attribute)
            if model is None or (cells is None and not extras):
                continue
            try:
                tables[attribute] = _build_table(model, cells or {}, extras or [])
            except StructureError as exc:  # e.g. an extra row under an official label
                self.problems += [
                    Problem(f"$.{attribute}{p.path[1:]}", p.message, p.label) for p in exc.problems
                ]
        return tables


def tables_from_rows(rows: Iterable[Mapping[str, Any]], edition: Edition) -> dict[str, Any]:
    """The tables described by tidy rows, keyed by report attribute.

    Raises :class:`~govdisclosure.StructureError` naming every row whose table, row or
    column label is unknown or whose value does not fit (paths are ``$[i]`` row indexes).
    """
    if isinstance(rows, str | bytes | Mapping) or not isinstance(rows, Iterable):
        raise StructureError([Problem("$", f"expected a list of rows, found {_describe(rows)}")])
    reader = _Reader(edition)
    for i, row in enumerate(cast("Iterable[Any]", rows)):
        reader.read(i, row)
    if reader.problems:
        raise StructureError(reader.problems)
    tables = reader.tables()
    if reader.problems:
        raise StructureError(reader.problems)
    return tables


def _build_table(model: type[Any], cells: dict[str, Any], extras: list[Any]) -> Any:
    """Build a table from dotted-key cell values (missing cells stay blank)."""
    tree: dict[str, Any] = {}
    for key, value in cells.items():
        node = tree
        *parents, last = key.split(".")
        for p in parents:
            node = node.setdefault(p, {})
        node[last] = value
    if extras:
        tree["extra_rows"] = tuple(
            ExtraRow(block=b, label=label, values=tuple(v)) for b, label, v in extras
        )
    return _instantiate(model, tree)


def _instantiate(cls: type[Any], tree: dict[str, Any]) -> Any:
    kwargs = {}
    for f in attrs.fields(cls):
        if f.name not in tree:
            continue
        value = tree[f.name]
        if isinstance(value, dict):
            kwargs[f.name] = _instantiate(_attrs_type(cls, f.name), value)
        else:
            kwargs[f.name] = value
    return cls(**kwargs)


def _attrs_type(cls: type[Any], name: str) -> type[Any]:
    t = typing.get_type_hints(cls)[name]
    assert isinstance(t, type)
    return t


def from_rows(rows: Iterable[Mapping[str, Any]], *, report: Report) -> Report:
    """``report`` with its tables replaced by those the tidy rows describe.

    Rows carry only table cells; the narrative, metadata and facts come from ``report``.
    ``to_rows`` then ``from_rows`` gives the report back unchanged.
    """
    tables = tables_from_rows(rows, report.edition)
    replaced: dict[str, Any] = {name: tables.get(name) for name in TABLE_ATTRIBUTES}
    return attrs.evolve(report, **replaced)
