"""The table sums of the catalogue, compiled once per edition into linear equations.

For every edition with tables, the :class:`~govdisclosure.rules._catalog.RowSums` and
:class:`~govdisclosure.rules._catalog.ColumnSums` declarations are expanded over the table
layouts of :mod:`govdisclosure.layout` into equations Σ (+1 / −1) · cell = 0 over the cells of
one table, and the non-redundant ones into one plain Python function per table (the fast
path of :mod:`._tables`).

>>> eqs = compiled(Edition.STANDARD_2021)
>>> [(t.number, len(t.cells), len(t.equations)) for t in eqs.tables]
[('二', 10, 0), ('三', 175, 39), ('四', 15, 3)]
>>> e = eqs.tables[1].equations[0]
>>> e.code, e.label.en, e.anchor_path
('GD101', 'Natural persons', '$.requests.carried_forward.natural_person')
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable
from typing import Any

import attrs

from govdisclosure.layout import JOIN, CellLayout, TableLayout, layout_of
from govdisclosure.model import Edition
from govdisclosure.rules._catalog import ColumnSums, RowSums, catalog, part
from govdisclosure.rules._types import L10n

__all__ = ["CompiledEdition", "CompiledTable", "Equation", "compiled"]


@attrs.frozen(slots=True)
class Equation:
    """Σ cell[pos] − Σ cell[neg] = 0 over one table's cells (indices into its cell tuple)."""

    code: str
    index: int
    pos: tuple[int, ...]
    neg: tuple[int, ...]
    anchor: int
    anchor_path: str
    kind: str
    """"row" (a RowSums equation) or "column" (a ColumnSums equation)."""
    argument: str
    """The name of the row, column or group in the rule's message templates."""
    label: L10n
    """The row, column or group the equation is about."""
    location: L10n
    key: str
    """The row key (row equations) or column key (column equations)."""
    implied_by: tuple[int, ...] | None = None
    """For the total column of a ColumnSums rule: the equations that imply this one."""


@attrs.frozen(slots=True, eq=False)
class CompiledTable:
    """One table of an edition: its cells, one getter for all of them, its equations."""

    number: str
    number_en: str
    attribute: str
    cells: tuple[CellLayout, ...]
    getter: Callable[[Any], tuple[Any, ...]]
    equations: tuple[Equation, ...]
    membership: tuple[tuple[tuple[int, int], ...], ...]
    """Per cell: the (equation index, weight) of every equation it appears in."""
    holds: Callable[[Any], bool]
    """Whether every cell is filled and every non-redundant equation holds (compiled)."""
    in_sums: frozenset[int]


@attrs.frozen(slots=True, eq=False)
class CompiledEdition:
    """The compiled tables of an edition, in layout order."""

    edition: Edition
    tables: tuple[CompiledTable, ...]


@attrs.frozen(slots=True)
class _Lines:
    """A table's rows and distinct columns, with their label paths, in layout order."""

    table: TableLayout
    index: dict[str, int]
    rows: tuple[tuple[str, L10n], ...]
    columns: tuple[tuple[str | None, L10n], ...]

    @classmethod
    def of(cls, table: TableLayout) -> _Lines:
        rows: list[tuple[str, L10n]] = []
        columns: list[tuple[str | None, L10n]] = []
        for block in table.blocks:
            for row in block.rows:
                label = L10n(
                    JOIN.join((*block.labels, *row.labels)), JOIN.join((*block.en, *row.en))
                )
                rows.append((row.key, label))
            for column in block.columns:
                if all(column.key != c for c, _ in columns):
                    columns.append(
                        (column.key, L10n(JOIN.join(column.labels), JOIN.join(column.en)))
                    )
        index = {c.key: i for i, c in enumerate(table.cells)}
        return cls(table, index, tuple(rows), tuple(columns))

    def cell(self, row: str, col: str | None) -> int | None:
        return self.index.get(row if col is None else f"{row}.{col}")

    def equation(
        self,
        code: str,
        n: int,
        argument: str,
        key: str,
        label: L10n,
        pos: list[int],
        neg: list[int],
        anchor: int,
    ) -> Equation:
        t = self.table
        where = part(f"where.{argument}", table=L10n(t.number, t.number_en), label=label)
        return Equation(
            code=code,
            index=n,
            pos=tuple(pos),
            neg=tuple(neg),
            anchor=anchor,
            anchor_path=t.cells[anchor].json_path,
            kind="row" if argument != "column" else "column",
            argument=argument,
            label=label,
            location=where,
            key=key,
        )


def _row_equations(
    lines: _Lines, code: str, sums: RowSums, equations: list[Equation]
) -> dict[str, int]:
    """One equation per row with a total cell; the equation index of each row."""
    by_row: dict[str, int] = {}
    for key, label in lines.rows:
        total = lines.cell(key, sums.total)
        if total is None:
            continue
        parts = [
            i for c, _ in lines.columns if c != sums.total and (i := lines.cell(key, c)) is not None
        ]
        by_row[key] = len(equations)
        equations.append(
            lines.equation(code, len(equations), sums.argument, key, label, parts, [total], total)
        )
    return by_row


def _column_equations(
    lines: _Lines, code: str, sums: ColumnSums, equations: list[Equation]
) -> tuple[int, tuple[int, ...], tuple[str, ...]] | None:
    """One equation per column; for the total column, (its index, the other columns'
    equations, the weighted rows) — the equations that imply it, given the row sums."""
    weights = dict(sums.weights)
    others: list[int] = []
    total: int | None = None
    for col, label in lines.columns:
        pos: list[int] = []
        neg: list[int] = []
        for key, _ in lines.rows:
            w = weights.get(key, sums.rest)
            i = lines.cell(key, col)
            if w != 0 and i is not None:
                (pos if w > 0 else neg).append(i)
        anchor = lines.cell(sums.anchor, col)
        assert anchor is not None
        n = len(equations)
        equations.append(lines.equation(code, n, sums.argument, col or "", label, pos, neg, anchor))
        if col == sums.total:
            total = n
        else:
            others.append(n)
    if total is None:
        return None
    weighted = tuple(k for k, _ in lines.rows if weights.get(k, sums.rest) != 0)
    return total, tuple(others), weighted


def _compile_table(
    table: TableLayout, codes: tuple[tuple[str, RowSums | ColumnSums], ...]
) -> CompiledTable:
    lines = _Lines.of(table)
    equations: list[Equation] = []
    row_eq: dict[str, int] = {}
    totals: list[tuple[int, tuple[int, ...], tuple[str, ...]]] = []
    for code, sums in codes:
        if isinstance(sums, RowSums):
            row_eq |= _row_equations(lines, code, sums, equations)
        elif (total := _column_equations(lines, code, sums, equations)) is not None:
            totals.append(total)
    # The total column of a ColumnSums rule is implied by the other columns and the row sums
    # of the weighted rows; without row sums for this table it is checked like the others.
    for eq_index, others, weighted in totals:
        if all(k in row_eq for k in weighted):
            implied = (*others, *(row_eq[k] for k in weighted))
            equations[eq_index] = attrs.evolve(equations[eq_index], implied_by=implied)
    cells = table.cells
    membership: list[list[tuple[int, int]]] = [[] for _ in cells]
    for e in equations:
        for i in e.pos:
            membership[i].append((e.index, 1))
        for i in e.neg:
            membership[i].append((e.index, -1))
    keys_all = [c.key for c in cells]
    getter: Callable[[Any], tuple[Any, ...]] = (
        operator.attrgetter(*keys_all) if len(keys_all) > 1 else _one_attr(keys_all[0])
    )
    return CompiledTable(
        number=table.number,
        number_en=table.number_en,
        attribute=table.attribute,
        cells=cells,
        getter=getter,
        equations=tuple(equations),
        membership=tuple(tuple(m) for m in membership),
        holds=_holds_function(cells, equations, f"_holds_table_{table.number_en}"),
        in_sums=frozenset(i for i, m in enumerate(membership) if m),
    )


def _holds_function(
    cells: tuple[CellLayout, ...], equations: list[Equation], name: str
) -> Callable[[Any], bool]:
    """Compile the non-redundant equations of a table into one plain Python function.

    It reads every cell once by attribute (sharing the row objects) and returns whether
    every equation holds; a blank cell (None) makes it return False (through TypeError),
    which sends the caller to the generic evaluator. This is the fast path: as cheap as a
    hand-written check of the same sums.
    """
    lines = [f"def {name}(t):", "    try:"]
    names: dict[str, str] = {"": "t"}

    def holder(prefix: str) -> str:
        if prefix not in names:
            parent, _, last = prefix.rpartition(".")
            base = holder(parent)
            names[prefix] = f"r{len(names)}"
            lines.append(f"        {names[prefix]} = {base}.{last}")
        return names[prefix]

    for i, cell in enumerate(cells):
        prefix, _, last = cell.key.rpartition(".")
        if not all(part.isidentifier() for part in cell.key.split(".")):
            raise ValueError(f"not an attribute path: {cell.key!r}")
        lines.append(f"        v{i} = {holder(prefix)}.{last}")
    fast = [e for e in equations if not e.implied_by]
    covered = {i for e in fast for i in (*e.pos, *e.neg)}
    terms = [
        " + ".join(f"v{i}" for i in e.pos) + " == " + " + ".join(f"v{i}" for i in e.neg)
        for e in fast
    ]
    # cells in no equation (table 二) must still be filled
    terms += [f"v{i} is not None" for i in range(len(cells)) if i not in covered]
    lines.append("        return " + (" and ".join(f"({t})" for t in terms) or "True"))
    lines += ["    except TypeError:", "        return False"]
    namespace: dict[str, Any] = {}
    exec(compile("\n".join(lines), f"<govdisclosure.rules {name}>", "exec"), namespace)
    function: Callable[[Any], bool] = namespace[name]
    return function


def _one_attr(key: str) -> Callable[[Any], tuple[Any, ...]]:
    get = operator.attrgetter(key)

    def getter(table: Any) -> tuple[Any, ...]:
        return (get(table),)

    return getter


@functools.cache
def compiled(edition: Edition) -> CompiledEdition:
    """The compiled tables of ``edition`` (computed once)."""
    layout = layout_of(edition)
    tables = []
    for table in layout.tables:
        codes = tuple(
            (r.code, r.sums)
            for r in catalog()
            if r.sums is not None and r.sums.table == table.number and r.applies_to(edition)
        )
        tables.append(_compile_table(table, codes))
    return CompiledEdition(edition, tuple(tables))
