"""Tidy rows: one dict per table cell (and per stated fact), with the official labels — and back.

Labels are matched through :mod:`govdisclosure.layout.match`, the one label matcher, so a
CSV with spaced, joined or leaf-only labels reads like the export. Each row also carries
``path``, the JSON path of its cell in the :func:`~govdisclosure.to_dict` form: stable
across label variants, and what tells two extra rows of the same label apart.

>>> from govdisclosure import examples
>>> r = examples.load("jianghe-2020")
>>> from_rows(to_rows(r), report=r) == r
True
"""

from __future__ import annotations

import re
import typing
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any, cast

import attrs

from govdisclosure.errors import Problem, StructureError
from govdisclosure.io.json import (
    _BOUNDED_DECIMAL_RE,
    _MAX_DECIMAL_TEXT,
    _SURROGATE_RE,
    _cut,
    _decimal_bounds,
    _describe,
    _num,
    _short_message,
    within,
)
from govdisclosure.layout import (
    JOIN,
    MAX_COUNT,
    MAX_YEAR,
    MIN_YEAR,
    TABLE_ATTRIBUTES,
    BlockLayout,
    CellLayout,
    Edition,
    TableLayout,
    layout_of,
)
from govdisclosure.layout import normalize_label as _normalize
from govdisclosure.layout.match import joined_key, matcher
from govdisclosure.model import ExtraRow, Fact, Report, table_class
from govdisclosure.money import Amount, MoneyUnit

__all__ = ["from_rows", "tables_from_rows", "to_rows"]

_COUNT_DIGITS = len(str(MAX_COUNT))
_EXTRA_PATH = re.compile(
    r"\$\.(active|requests|reviews)\.extra_rows\[([0-9]{1,6})\]\.values\[([0-9]{1,3})\]\Z"
)


def to_rows(
    report: Report, *, with_report: bool = False, facts: bool | None = None
) -> list[dict[str, Any]]:
    """One dict per table cell, then (see ``facts``) one per fact the text states.

    Every row has ``source``: what the row is — ``"cell"`` (a cell of the official layout),
    ``"extra_row"`` (a cell of a provincial extra row) or ``"fact"`` (a figure the text
    states); the same vocabulary as :func:`govdisclosure.analysis.tidy_rows`, whose
    ``agency_kind`` is the kind of agency.

    A cell row has ``source``, ``path`` (the JSON path of the cell, e.g.
    ``"$.requests.new.natural_person"``; ``"$.active.extra_rows[0].values[1]"`` for an extra
    row), ``table``, ``row``, ``column``, ``value`` and ``unit``. Labels are the official ones
    (NFKC, no spaces), outermost group first, joined with " / ". ``value`` has one type per
    unit: an ``int`` for counts ("件"; "项" for the 2019 counts of items and projects, as the
    layout's columns say), a :class:`~decimal.Decimal` for amounts ("万元"; the 2019 采购总金额
    has the unit the report printed, or ``None``), ``None`` for a blank cell. Absent tables
    give no rows.

    A fact row has ``source`` (``"fact"``), ``path`` (``"$.facts[3]"``), ``key``, ``label``,
    ``value`` (the :class:`~decimal.Decimal` as printed), ``unit`` (the measure word, ``"条"``,
    ``"万元"``), ``qualifier`` (``"余"``, … or ``None``) and ``location`` (``"§4.2 ¶0
    [12:17]"``: the section path of ordinals, the paragraph index and the character span;
    ``"§- ¶0 …"`` is the preamble). ``facts=None`` (the default) exports the facts of a
    report whose edition has no tables (legacy-2008) and none otherwise; ``True`` or
    ``False`` say so for every report.

    With ``with_report=True`` every row also carries ``agency``, ``year`` and ``edition``,
    and :func:`from_rows` can rebuild a report from the rows alone.

    >>> from govdisclosure import examples
    >>> rows = to_rows(examples.load("jianghe-2021"))
    >>> rows[0]["row"], rows[0]["column"], rows[0]["unit"], rows[0]["path"]
    ('第二十条第(一)项 / 规章', '本年制发件数', '件', '$.active.regulations.issued')
    >>> to_rows(examples.load("xianning-2015"))[0]["source"]
    'fact'
    """
    ids = (
        {"agency": report.agency, "year": report.year, "edition": report.edition.value}
        if with_report
        else {}
    )
    rows: list[dict[str, Any]] = []
    for table in layout_of(report.edition).tables:
        obj = getattr(report, table.attribute)
        if obj is not None:
            rows += _table_rows(table, obj, ids)
    if facts or (facts is None and not report.edition.has_tables):
        rows += [_fact_row(i, f, ids) for i, f in enumerate(report.facts)]
    return rows


def _table_rows(table: TableLayout, obj: Any, ids: dict[str, Any]) -> list[dict[str, Any]]:
    """The rows of one table: each block's official cells, then its extra rows' cells."""
    rows: list[dict[str, Any]] = []
    extra: tuple[ExtraRow, ...] = getattr(obj, "extra_rows", ())
    cells = iter(table.cells)
    for block in table.blocks:  # extra rows follow the official rows of their block
        for _ in range(len(block.rows) * len(block.columns)):
            rows.append(_cell_row(next(cells), obj, ids))
        for i, row in enumerate(extra):
            if block.label is not None and row.block == block.label:
                rows += _extra_rows(table, block, i, row, ids)
    return rows


def _cell_row(cell: CellLayout, obj: Any, ids: dict[str, Any]) -> dict[str, Any]:
    value = cell.get_from_table(obj)
    if cell.kind == "amount" and value is not None:
        value = value.value
    return {
        "source": "cell",
        "path": cell.json_path,
        "table": cell.table,
        "row": cell.row,
        "column": cell.column,
        "value": value,
        "unit": cell.unit_of(obj),
        **ids,
    }


def _extra_rows(
    table: TableLayout, block: BlockLayout, i: int, row: ExtraRow, ids: dict[str, Any]
) -> list[dict[str, Any]]:
    return [
        {
            "source": "extra_row",
            "path": f"$.{table.attribute}.extra_rows[{i}].values[{j}]",
            "table": table.number,
            "row": f"{row.block}{JOIN}{row.label}",
            "column": JOIN.join(col.labels),
            "value": value,
            "unit": col.unit or "件",
            **ids,
        }
        for j, (col, value) in enumerate(zip(block.columns, row.values, strict=True))
    ]


def _fact_row(i: int, fact: Fact, ids: dict[str, Any]) -> dict[str, Any]:
    loc = fact.location
    section = ".".join(map(str, loc.section)) or "-"
    q = fact.quantity
    return {
        "source": "fact",
        "path": f"$.facts[{i}]",
        "key": fact.key,
        "label": fact.label,
        "value": q.value,
        "unit": q.unit,
        "qualifier": None if q.qualifier is None else q.qualifier.value,
        "location": f"§{section} ¶{loc.paragraph} [{loc.start}:{loc.end}]",
        **ids,
    }


# --------------------------------------------------------------------------- reading


def _count_value(
    value: Any, unit: Any, signed: bool, path: str, label: str | None, expected: str = "件"
) -> tuple[int | None, Problem | None]:
    """A count cell of a tidy row: an int, or a string of digits as CSV files give it."""
    if value is None or value == "":
        return None, None
    if unit not in (None, "", expected):
        message = f'expected unit "{expected}" for a count, found {_cut(unit)}'
        return None, Problem(path, message, label)
    number: int | None = None
    if value.__class__ is int:
        number = value
    elif value.__class__ is str:
        text = value.strip()
        if len(text) <= _COUNT_DIGITS + 1 and re.fullmatch(r"[+-]?[0-9]+", text):
            number = int(text)
        elif len(text) <= 10_000 and re.fullmatch(r"[+-]?[0-9]+", text):
            return None, Problem(path, _too_large(text), label)
    if number is None:
        return None, Problem(path, f"expected a whole number, found {_describe(value)}", label)
    if number < 0 and not signed:
        return None, Problem(path, f"expected a whole number >= 0, found {_num(number)}", label)
    if not -MAX_COUNT <= number <= MAX_COUNT:
        return None, Problem(path, _too_large(value), label)
    return number, None


def _too_large(value: Any) -> str:
    return f"expected a count of at most {MAX_COUNT:_} in size, found {_describe(value)}"


def _cell_value(cell: CellLayout, value: Any, unit: Any, path: str) -> tuple[Any, Problem | None]:
    """The model value of one tidy row's value (ints, Decimals and decimal strings)."""
    if cell.kind in ("count", "signed"):
        return _count_value(value, unit, cell.kind == "signed", path, cell.label, cell.unit)
    if value is None or value == "":
        return None, None
    if value.__class__ is int and -MAX_COUNT <= value <= MAX_COUNT:
        value = str(value)
    elif value.__class__ is Decimal and value.is_finite():
        value = format(value, "f")
    if value.__class__ is not str:
        return None, Problem(
            path, f'expected a decimal such as "20.30", found {_describe(value)}', cell.label
        )
    text = value.strip()
    if len(text) > _MAX_DECIMAL_TEXT or not _BOUNDED_DECIMAL_RE.match(text):
        if len(text) <= 10_000 and re.fullmatch(r"-?[0-9]+(?:\.[0-9]+)?", text):
            return None, Problem(path, _decimal_bounds(text), cell.label)
        return None, Problem(
            path, f'expected a decimal string such as "20.30", found {_describe(value)}', cell.label
        )
    number = Decimal(text)
    if number < 0:
        return None, Problem(path, f"expected an amount >= 0, found {_describe(value)}", cell.label)
    if cell.kind == "amount":
        if unit not in (None, "", "万元"):
            return None, Problem(path, f'expected unit "万元", found {_cut(unit)}', cell.label)
        return Amount(number, MoneyUnit.WAN_YUAN), None
    return number, None


def _text(row: Mapping[str, Any], key: str) -> str | None:
    """A label field of a row: a string, or ``None`` when absent or empty."""
    value = row.get(key)
    return None if value is None or value == "" else value


class _Reader:
    """The cells and extra rows of tidy rows, gathered with every problem found."""

    def __init__(self, edition: Edition) -> None:
        self.edition = edition
        self.layout = layout_of(edition)
        self.matcher = matcher(edition)
        self.problems: list[Problem] = []
        self.values: dict[str, dict[str, Any]] = {}
        # attribute -> identity -> [order, block label, row label, values]
        self.extra: dict[str, dict[Any, list[Any]]] = {}
        self.seen: set[Any] = set()

    def read(self, i: int, row: Any) -> None:
        path = f"$[{i}]"
        if not isinstance(row, Mapping):
            self.problems.append(
                Problem(path, f"expected a row (a mapping), found {_describe(row)}")
            )
            return
        source = row["source"] if "source" in row else row.get("kind")  # kind: its old name
        if source == "fact":
            return  # facts are an export: the report's own facts are kept (see from_rows)
        if source not in (None, "", "cell", "extra_row"):
            self.problems.append(
                Problem(
                    path,
                    f'expected source "cell", "extra_row" or "fact", found {_describe(source)}',
                )
            )
            return
        labels = self._labels(row, path)
        if labels is None:
            return
        cell_path = _text(row, "path")
        if cell_path is not None:
            self._by_path(cell_path, labels, row, path)
        else:
            self._by_labels(cast("tuple[str, str, str]", labels), row, path)

    def _labels(self, row: Mapping[str, Any], path: str) -> tuple[str | None, ...] | None:
        """The table, row and column labels of a row (``None``: a problem was recorded)."""
        bad = [
            k
            for k in ("path", "table", "row", "column")
            if row.get(k) is not None and row.get(k).__class__ is not str
        ]
        if bad:
            found = ", ".join(f"{k}={_describe(row[k])}" for k in bad)
            self.problems.append(
                Problem(path, f"expected labels and path as strings, found {found}")
            )
            return None
        labels = (_text(row, "table"), _text(row, "row"), _text(row, "column"))
        missing = [k for k in ("value",) if k not in row]
        if _text(row, "path") is None:
            names = ("table", "row", "column")
            missing = [k for k, v in zip(names, labels, strict=True) if v is None] + missing
        if missing:
            self.problems.append(Problem(path, f"missing key(s): {', '.join(missing)}"))
            return None
        return labels

    def _by_labels(self, labels: tuple[str, str, str], row: Mapping[str, Any], path: str) -> None:
        """A row named by its table, row and column labels (an official cell or an extra
        row's)."""
        table, row_label, column = labels
        table_no = _normalize(table)
        cell = self.matcher.cell(table_no, row_label, column)
        if cell is not None:
            self._cell(cell, row, path)
            return
        extra = self.matcher.extra_cell(table_no, row_label, column)
        if extra is not None:
            attribute = self.layout.table(table_no).attribute
            identity = ("label", str(extra.block.label), extra.label)
            self._extra(attribute, identity, extra.block, extra.label, extra.column, row, path)
            return
        self.problems.append(
            Problem(
                path,
                f"unknown cell in {self.edition.value}: table {_cut(table)}, "
                f"row {_cut(row_label)}, column {_cut(column)}",
            )
        )

    def _by_path(
        self, cell_path: str, labels: tuple[str | None, ...], row: Mapping[str, Any], path: str
    ) -> None:
        """A row named by its JSON path (the labels, where given, must name the same cell)."""
        table, row_label, column = labels
        cell = self.layout.find_cell(cell_path)
        if cell is None:
            self._extra_by_path(cell_path, labels, row, path)
            return
        if None not in labels:
            named = self.matcher.cell(_normalize(str(table)), str(row_label), str(column))
            if named is not cell:
                message = f"path {cell_path} and the labels name different cells"
                self.problems.append(Problem(path, message, cell.label))
                return
        self._cell(cell, row, path)

    def _extra_by_path(
        self, cell_path: str, labels: tuple[str | None, ...], row: Mapping[str, Any], path: str
    ) -> None:
        """A row of an extra row named by its path (``$.active.extra_rows[0].values[1]``)."""
        table, row_label, column = labels
        m = _EXTRA_PATH.match(cell_path)
        table_layout = (
            None
            if m is None
            else next((t for t in self.layout.tables if t.attribute == m.group(1)), None)
        )
        if m is None or table_layout is None:
            self.problems.append(
                Problem(path, f"no cell of {self.edition.value} at path {_describe(cell_path)}")
            )
            return
        if row_label is None:
            self.problems.append(Problem(path, "missing key(s): row (an extra row's label)"))
            return
        found = self._extra_block(table_layout, table, row_label, column)
        if found is None:
            self.problems.append(
                Problem(
                    path,
                    f"expected a block label of 表{table_layout.number}, {JOIN!r} and the extra "
                    f"row's label, found {_describe(row_label)}",
                )
            )
            return
        block, label = found
        j = int(m.group(3))
        problem = _extra_column_problem(block, j, column, cell_path)
        if problem is not None:
            self.problems.append(Problem(path, problem))
            return
        self._extra(m.group(1), ("index", int(m.group(2))), block, label, j, row, path)

    def _extra_block(
        self, table_layout: TableLayout, table: str | None, row_label: str, column: str | None
    ) -> tuple[BlockLayout, str] | None:
        """The block of an extra row and its own label, from its joined row label."""
        for block in table_layout.blocks:
            if (
                block.label is not None
                and block.counts_only
                and row_label.startswith(block.label + JOIN)
            ):
                return block, row_label[len(block.label + JOIN) :]
        if table is not None and column is not None:
            extra = self.matcher.extra_cell(table_layout.number, row_label, column)
            if extra is not None:
                return extra.block, extra.label
        return None

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
                    if unit.__class__ is not str:
                        raise ValueError
                    cells[cell.unit_from] = MoneyUnit(_normalize(unit))
                except ValueError:
                    self.problems.append(
                        Problem(path, f"expected unit 元/万元/亿元, found {_cut(unit)}")
                    )
        cells[cell.key] = value

    def _extra(
        self,
        attribute: str,
        identity: Any,
        block: BlockLayout,
        label: str,
        column: int,
        row: Mapping[str, Any],
        path: str,
    ) -> None:
        """Record a figure of a provincial extension row (a known block, an unknown row)."""
        if not label.isascii() and _SURROGATE_RE.search(label):
            self.problems.append(
                Problem(path, f"expected text, found a lone surrogate in {_describe(label)}")
            )
            return
        if (attribute, identity, column) in self.seen:
            self.problems.append(
                Problem(path, f"duplicate cell of the extra row {_describe(label)}")
            )
            return
        self.seen.add((attribute, identity, column))
        layout = block.columns[column]
        number, problem = _count_value(
            row["value"], row.get("unit"), layout.signed, path, None, layout.unit or "件"
        )
        if problem:
            self.problems.append(problem)
            return
        rows = self.extra.setdefault(attribute, {})
        if identity not in rows:
            order = identity[1] if identity[0] == "index" else 10**7 + len(rows)
            rows[identity] = [order, str(block.label), label, [None] * len(block.columns)]
        entry = rows[identity]
        if (entry[1], entry[2]) != (str(block.label), label):
            self.problems.append(
                Problem(
                    path,
                    f"extra row {identity[1]} has two labels: {_describe(entry[2])} "
                    f"and {_describe(label)}",
                )
            )
            return
        entry[3][column] = number

    def tables(self) -> dict[str, Any]:
        tables: dict[str, Any] = {}
        for attribute in TABLE_ATTRIBUTES:
            cells = self.values.get(attribute)
            extras = sorted(self.extra.get(attribute, {}).values(), key=lambda e: e[0])
            model = table_class(self.edition, attribute)
            if model is None or (cells is None and not extras):
                continue
            try:
                tables[attribute] = _build_table(model, cells or {}, [e[1:] for e in extras])
            except StructureError as exc:  # e.g. an extra row under an official label
                self.problems += [
                    Problem(within(f"$.{attribute}", p.path), _short_message(p.message), p.label)
                    for p in exc.problems
                ]
        return tables


def _extra_column_problem(
    block: BlockLayout, j: int, column: str | None, cell_path: str
) -> str | None:
    """What is wrong with column ``j`` of an extra row of ``block`` (``None``: nothing)."""
    if j >= len(block.columns):
        return f"{block.label} has {len(block.columns)} columns, found path {cell_path}"
    if column is not None and joined_key(column) != joined_key(block.columns[j].labels):
        return f"path {cell_path} and the column {_describe(column)} name different columns"
    return None


def tables_from_rows(rows: Iterable[Mapping[str, Any]], edition: Edition) -> dict[str, Any]:
    """The tables described by tidy rows, keyed by report attribute.

    A row names its cell by ``path`` (as :func:`to_rows` writes it) or by its ``table``,
    ``row`` and ``column`` labels (official labels, their printed variants, or a leaf column
    label alone where it is unique, as a CSV typed by hand has them); with both, they must
    name the same cell. ``value`` is an ``int``, a :class:`~decimal.Decimal` or a string of
    either (CSV), ``""`` or ``None`` for a blank cell; ``unit``, where given, must be the
    cell's. Cells not given stay blank (``None``); a table none of whose cells is given is
    absent. Rows of ``source`` ``"fact"`` are skipped (``kind``, the former name of
    ``source``, is read where ``source`` is absent).

    Raises :class:`~govdisclosure.StructureError` naming every row whose table, row or
    column label is unknown or whose value does not fit (paths are ``$[i]`` row indexes).
    """
    if isinstance(rows, str | bytes | Mapping) or not isinstance(rows, Iterable):
        raise StructureError([Problem("$", f"expected a list of rows, found {_describe(rows)}")])
    if edition.__class__ is not Edition:
        raise StructureError([Problem("$", f"expected an Edition, found {_describe(edition)}")])
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


def from_rows(rows: Iterable[Mapping[str, Any]], *, report: Report | None = None) -> Report:
    """``report`` with its tables replaced by those the tidy rows describe.

    Rows carry only table cells; the narrative, metadata and facts come from ``report``.
    ``to_rows`` then ``from_rows`` gives the report back unchanged.

    Without ``report``, the rows must carry ``agency``, ``year`` and ``edition`` (as
    ``to_rows(r, with_report=True)`` writes them), the same in every row: the result is an
    empty report of that edition (no narrative, no facts; the title
    ``"{agency}{year}年政府信息公开工作年度报告"``) holding the tables the rows describe.
    """
    if report is None:
        rows, report = _empty_report(rows)
    elif report.__class__ is not Report:
        raise StructureError([Problem("$", f"expected a Report, found {_describe(report)}")])
    tables = tables_from_rows(rows, report.edition)
    replaced: dict[str, Any] = {name: tables.get(name) for name in TABLE_ATTRIBUTES}
    return attrs.evolve(report, **replaced)


def _empty_report(rows: Any) -> tuple[list[Any], Report]:
    """The report the ``agency``/``year``/``edition`` columns of rows name."""
    if isinstance(rows, str | bytes | Mapping) or not isinstance(rows, Iterable):
        raise StructureError([Problem("$", f"expected a list of rows, found {_describe(rows)}")])
    rows = list(rows)
    ids: dict[tuple[Any, Any, Any], int] = {}
    problems = []
    for i, row in enumerate(rows):
        if not isinstance(row, Mapping):
            continue  # tables_from_rows says what is wrong with it
        try:
            key = (row.get("agency"), row.get("year"), row.get("edition"))
            hash(key)
        except TypeError:
            key = (None, None, None)
        ids.setdefault(key, i)
    if not ids:
        problems.append(
            Problem("$", "expected rows with agency, year and edition (or pass report=)")
        )
        raise StructureError(problems)
    if len(ids) > 1:
        (a, _), (b, j) = list(ids.items())[:2]
        raise StructureError(
            [
                Problem(
                    f"$[{j}]",
                    "expected the rows of one report (or pass report=), "
                    f"found {_describe(b)} after {_describe(a)}",
                )
            ]
        )
    ((agency, year, edition),) = ids
    if agency.__class__ is not str or _SURROGATE_RE.search(agency):
        problems.append(
            Problem("$[0].agency", f"expected the agency's name, found {_describe(agency)}")
        )
    if year.__class__ is str and re.fullmatch(r"[0-9]{4}", year.strip()):
        year = int(year)
    if year is not None and (year.__class__ is not int or not MIN_YEAR <= year <= MAX_YEAR):
        problems.append(
            Problem(
                "$[0].year",
                f"expected a year from {MIN_YEAR} to {MAX_YEAR}, found {_describe(year)}",
            )
        )
    try:
        if edition.__class__ is not str:
            raise ValueError
        edition = Edition(edition)
    except ValueError:
        values = ", ".join(repr(e.value) for e in Edition)
        problems.append(
            Problem("$[0].edition", f"expected one of {values}, found {_describe(edition)}")
        )
    if problems:
        raise StructureError(problems)
    title = f"{agency}{'' if year is None else f'{year}年'}政府信息公开工作年度报告"
    return rows, Report(agency=agency, year=year, edition=edition, title=title)
