"""The readers of the builders: a grid of printed rows, tidy cells, dotted keys — each read
into figures keyed by attribute, then built by :func:`~govdisclosure.model._assembly.build_table`
(see :mod:`.builders`). Labels are matched through :mod:`govdisclosure.layout.match`, the
one label matcher.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any, TypeAlias, TypeVar

from govdisclosure.errors import Problem, StructureError
from govdisclosure.layout import JOIN, BlockLayout, ColumnLayout, label_key, normalize_label
from govdisclosure.layout.match import Matcher, joined_key, matcher
from govdisclosure.model._assembly import (
    DECIMAL_TEXT,
    DIGITS,
    build_table,
    is_empty,
    is_sequence,
)
from govdisclosure.model._binding import edition_of, layout_of_table
from govdisclosure.model._checks import describe
from govdisclosure.money import Amount

__all__ = ["Cells", "Grid", "from_cells", "from_grid", "from_keys", "set_at"]

T = TypeVar("T")

Grid: TypeAlias = "Iterable[Sequence[Any]] | Mapping[str, Sequence[Any]]"
"""Rows of a printed table: each a label followed by its figures (or a mapping of label to
figures)."""
Cells: TypeAlias = "Iterable[Mapping[str, Any] | Sequence[Any]]"
"""Tidy cells: mappings with ``row``, ``column``, ``value`` (``table``, ``unit`` optional), or
``(row, column, value)`` sequences."""


def set_at(tree: dict[str, Any], key: str, value: Any) -> bool:
    """Put ``value`` at a dotted key of ``tree``; ``False`` if something is there already.

    >>> tree: dict[str, Any] = {}
    >>> set_at(tree, "withheld.third_party.total", 2), set_at(tree, "withheld.third_party", 1)
    (True, False)
    >>> tree
    {'withheld': {'third_party': {'total': 2}}}
    """
    *parents, last = key.split(".")
    node = tree
    for p in parents:
        child = node.setdefault(p, {})
        if not isinstance(child, dict):
            return False
        node = child
    if last in node:
        return False
    node[last] = value
    return True


def _column_match(block: BlockLayout, label: str) -> ColumnLayout | None:
    """The column of ``block`` a printed header names: its label path, or its leaf label
    where that is unique in the block."""
    key = joined_key(label)
    leaves = [label_key(c.labels[-1]) for c in block.columns]
    for col in block.columns:
        if key == joined_key(col.labels):
            return col
    if leaves.count(key) == 1:
        return block.columns[leaves.index(key)]
    return None


def _is_number(value: object) -> bool:
    if value.__class__ in (int, Decimal, Amount):
        return True
    if value.__class__ is str:
        text = value.strip().replace(",", "")
        return bool(text) and (bool(DIGITS.match(text)) or bool(DECIMAL_TEXT.match(text)))
    return False


class _GridReader:
    def __init__(self, cls: type[Any]) -> None:
        self.layout = layout_of_table(cls)
        self.number = self.layout.number
        self.matcher: Matcher = matcher(edition_of(cls))
        self.attribute = self.layout.attribute
        self.problems: list[Problem] = []
        self.tree: dict[str, Any] = {}
        self.extra: list[dict[str, Any]] = []
        # reading a grid: the group heading above, and the column header rows
        self.under: tuple[str, ...] = ()
        self.header: list[str] | None = None
        self.header_rows: list[list[Any]] = []
        # reading tidy cells: the extra rows' values, by block and label
        self.extra_cells: dict[tuple[str, str], list[Any]] = {}

    def problem(self, where: str, message: str) -> None:
        self.problems.append(Problem(f"$.{self.attribute}", f"{where}: {message}"))

    def unknown_row(self, where: str, label: object) -> None:
        near = self.matcher.near("row", self.number, str(label))
        hint = f"; did you mean {near[0].label!r}?" if near else ""
        self.problem(where, f"{str(label)!r} is no row of 表{self.number}{hint}")

    def put(self, where: str, row_key: str, col: ColumnLayout, value: Any) -> None:
        key = row_key if col.key is None else f"{row_key}.{col.key}"
        if not set_at(self.tree, key, value):
            self.problem(where, f"the cell {key} is given twice")

    def read(self, grid: Any) -> None:
        """Read every row of ``grid`` into :attr:`tree` (problems into :attr:`problems`)."""
        if isinstance(grid, Mapping):
            rows: Iterable[Any] = (
                [label, *(v if is_sequence(v) else [v])] for label, v in grid.items()
            )
        elif isinstance(grid, str | bytes) or not isinstance(grid, Iterable):
            self.problem(
                "grid", f"expected rows (a list of lists, or a CSV reader), found {describe(grid)}"
            )
            return
        else:
            rows = grid
        for i, raw in enumerate(rows):
            self._read_row(f"grid row {i + 1}", raw)

    def _read_row(self, where: str, raw: Any) -> None:
        """One row of a grid: a header row, a group heading, or a row of figures."""
        if not is_sequence(raw):
            self.problem(where, f"expected a row (a label and its figures), found {describe(raw)}")
            return
        cells = list(raw)
        if not cells:
            return
        label, values = cells[0], cells[1:]
        while values and is_empty(values[-1]):
            values.pop()
        texts = [v for v in values if not (v is None or is_empty(v))]
        if (
            texts
            and all(v.__class__ is str and not _is_number(v) for v in texts)
            and not (label.__class__ is str and self.matcher.is_row_label(self.number, label))
        ):  # a header row of column labels (the label cell a caption, or empty)
            self.header_rows = [*self.header_rows, values] if self.header_rows else [values]
            self.header = self._merge(self.header_rows)
            return
        self.header_rows = []
        if label is None or is_empty(label):
            if texts:
                self.problem(where, "figures without a row label")
            return
        if label.__class__ is not str:
            self.problem(where, f"expected a row label, found {describe(label)}")
            return
        self._read_figures(where, label, values, bool(texts))

    def _read_figures(self, where: str, label: str, values: list[Any], stated: bool) -> None:
        """The figures of a row under a label: an official row's cells, an extra row of a
        block of counts, or a problem."""
        hit = self.matcher.row(self.number, label, under=self.under)
        if hit is None:
            block = self._current_block(self.under)
            if block is not None and block.counts_only and values:
                near = self.matcher.near("row", self.number, label)
                if not any(n.place in block.rows for n in near):
                    self.extra.append(
                        {"block": block.labels[0], "label": label.strip(), "values": values}
                    )
                    return
            self.unknown_row(where, label)
            return
        if hit.row is None:
            self.under = hit.labels
            if stated:
                self.problem(where, f"{label!r} is a group heading: its rows hold the figures")
            return
        self.under = hit.labels[:-1]
        columns = self._columns(hit.block, self.header, len(values), where)
        if columns is None:
            return
        for col, value in zip(columns, values, strict=False):
            if col is None:
                if not (value is None or is_empty(value)):
                    self.problem(where, f"a figure {describe(value)} under no known column")
                continue
            self.put(where, hit.row.key, col, value)

    def cell_parts(self, where: str, cell: Any) -> tuple[Any, Any, Any, Any] | None:
        """A tidy cell's row, column, value and unit (``None``: a problem, said)."""
        if isinstance(cell, Mapping):
            missing = [k for k in ("row", "column", "value") if k not in cell]
            if missing:
                self.problem(where, f"missing key(s): {', '.join(missing)}")
                return None
            table = cell.get("table")
            if table not in (None, "") and normalize_label(str(table)) != self.number:
                self.problem(where, f"a cell of 表{table}, not of 表{self.number}")
                return None
            return cell["row"], cell["column"], cell["value"], cell.get("unit")
        if is_sequence(cell) and len(cell) == 3:
            row, column, value = cell
            return row, column, value, None
        self.problem(where, f"expected a cell (row, column, value), found {describe(cell)}")
        return None

    def put_cell(self, where: str, row: Any, column: Any, value: Any, unit: Any) -> None:
        """Place a tidy cell: in an official row's column, or in an extra row."""
        hit = self.matcher.row(self.number, str(row))
        if hit is None or hit.row is None:
            found = self.matcher.extra_cell(self.number, str(row), str(column))
            if found is not None:
                key = (str(found.block.labels[0]), found.label)
                values = self.extra_cells.setdefault(key, [""] * len(found.block.columns))
                values[found.column] = value
                return
            self.unknown_row(where, row)
            return
        col = _column_match(hit.block, str(column))
        if col is None:
            names = ", ".join(JOIN.join(c.labels) for c in hit.block.columns)
            self.problem(
                where, f"{str(column)!r} is no column of {JOIN.join(hit.labels)} (columns: {names})"
            )
            return
        if col.unit_from is not None and unit not in (None, ""):
            set_at(self.tree, col.unit_from, unit)
        elif unit not in (None, "", *_units(col)):
            expected = " or ".join(repr(u) for u in _units(col))
            self.problem(where, f"expected the unit {expected}, found {unit!r}")
            return
        self.put(where, hit.row.key, col, value)

    @staticmethod
    def _merge(header_rows: list[list[Any]]) -> list[str]:
        """One label per column: the lowest non-empty header cell above it."""
        width = max(len(r) for r in header_rows)
        out = []
        for j in range(width):
            label = ""
            for row in header_rows:
                if j < len(row) and row[j] is not None and not is_empty(row[j]):
                    label = str(row[j])
            out.append(label)
        return out

    def _current_block(self, under: tuple[str, ...]) -> BlockLayout | None:
        for block in self.layout.blocks:
            if block.labels and under[:1] == block.labels[:1]:
                return block
        return None

    def _columns(
        self, block: BlockLayout, header: list[str] | None, count: int, where: str
    ) -> list[ColumnLayout | None] | None:
        if header is not None:
            matched = [None if not h else _column_match(block, h) for h in header]
            if all(m is not None or not h for m, h in zip(matched, header, strict=True)):
                return matched
        if count > len(block.columns):
            self.problem(
                where,
                f"expected at most {len(block.columns)} figures "
                f"({', '.join(JOIN.join(c.labels) for c in block.columns)}), found {count}",
            )
            return None
        return list(block.columns)

    def given(self) -> dict[str, Any]:
        if self.extra:
            self.tree["extra_rows"] = self.extra
        return self.tree


def from_grid(cls: type[T], grid: Grid, *, blank: bool = False) -> T:
    """The table ``cls`` from a grid of printed rows (see ``Table.from_grid``).

    >>> import csv, io
    >>> from govdisclosure import ReviewsAndLitigation
    >>> text = (",结果维持,结果纠正,其他结果,尚未审结,总计\\n"
    ...         "行政复议,1,0,0,0,\\n行政诉讼\\n复议后起诉,0,1\\n")
    >>> t = ReviewsAndLitigation.from_grid(csv.reader(io.StringIO(text)))
    >>> t.review.cells(), t.litigation_after_review.cells(), t.litigation_direct.cells()
    ((1, 0, 0, 0, 1), (0, 1, 0, 0, 1), (0, 0, 0, 0, 0))
    """
    reader = _GridReader(cls)
    reader.read(grid)
    if reader.problems:
        raise StructureError(reader.problems)
    return build_table(cls, reader.given(), blank=blank, lenient=True)


# --------------------------------------------------------------------------- from tidy cells


def from_cells(cls: type[T], cells: Cells, *, blank: bool = False) -> T:
    """The table ``cls`` from tidy cells (see ``Table.from_cells``).

    >>> from govdisclosure import ActiveDisclosure2021
    >>> t = ActiveDisclosure2021.from_cells([
    ...     ("第二十条第(五)项 / 行政许可", "本年处理决定数量", "12"),
    ...     {"row": "行政事业性收费", "column": "本年收费金额(单位:万元)", "value": "20.30"},
    ... ])
    >>> t.licensing, str(t.fees), t.punishment
    (12, '20.30万元', 0)
    """
    reader = _GridReader(cls)
    if isinstance(cells, str | bytes | Mapping) or not isinstance(cells, Iterable):
        reader.problem("cells", f"expected a list of cells, found {describe(cells)}")
        raise StructureError(reader.problems)
    for i, cell in enumerate(cells):
        where = f"cell {i + 1}"
        parts = reader.cell_parts(where, cell)
        if parts is not None:
            reader.put_cell(where, *parts)
    if reader.extra_cells:
        reader.tree["extra_rows"] = [
            {"block": b, "label": label, "values": values}
            for (b, label), values in reader.extra_cells.items()
        ]
    if reader.problems:
        raise StructureError(reader.problems)
    return build_table(cls, reader.tree, blank=blank, lenient=True)


def _units(col: ColumnLayout) -> tuple[str, ...]:
    """The units a tidy cell of column ``col`` may state: the column's own (件 or 项 for
    counts, 万元 for the 2021 fee)."""
    own = col.unit or {"amount": "万元", "decimal": ""}.get(col.kind, "件")
    return (own, "件", "项") if col.counts else (own,)


# --------------------------------------------------------------------------- from dotted keys


def from_keys(cls: type[T], figures: Mapping[str, Any], *, blank: bool = False) -> T:
    """The table ``cls`` from figures at dotted keys (see ``Table.from_keys``).

    >>> from govdisclosure import Requests2019
    >>> t = Requests2019.from_keys({"new": [3, 0, 0, 0, 0, 0], "other.natural_person": 1,
    ...                             "withheld.third_party.natural_person": 2})
    >>> t.total.cells(), t.withheld.third_party.total
    ((3, 0, 0, 0, 0, 0, 3), 2)
    """
    layout = layout_of_table(cls)
    if not isinstance(figures, Mapping):
        raise StructureError(
            [
                Problem(
                    f"$.{layout.attribute}",
                    f"expected a mapping of dotted keys, found {describe(figures)}",
                )
            ]
        )
    tree: dict[str, Any] = {}
    problems = []
    for key, value in figures.items():
        if key.__class__ is not str or not key:
            problems.append(
                Problem(f"$.{layout.attribute}", f"expected a dotted key, found {describe(key)}")
            )
            continue
        if not set_at(tree, key, value):
            problems.append(
                Problem(f"$.{layout.attribute}.{key}", "given twice (or inside a row given whole)")
            )
    if problems:
        raise StructureError(problems)
    return build_table(cls, tree, blank=blank, lenient=True)
