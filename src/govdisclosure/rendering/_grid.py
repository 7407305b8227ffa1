"""A table of an edition laid out as a grid of cells with spans, from its layout data.

The official forms print:

- 表二 as blocks, one per 条例 item: a row with the block's title across the table, a header
  row (信息内容 and the block's columns), then its rows; a block with fewer columns than the
  widest one stretches its last column.
- 表三 with spanning column headers (申请人情况 over every column, 法人或其他组织 over five)
  and the corner note in the top-left cell; row labels in nested groups (三、本年度办理结果
  over (一)…(七), (三)不予公开 over its eight grounds, …), a group's label spanning its rows.
- 表四 in one row of fifteen figures, under 行政复议 / 行政诉讼 (未经复议直接起诉, 复议后起诉)
  and their five columns each.

Header spans follow one rule at every level, for rows and columns alike: a label spans the
consecutive rows (columns) that share it, and a path shorter than the deepest one stretches
its LAST label over the remaining levels (自然人 spans the two header rows below 申请人情况;
(一)予以公开 spans two label columns; under 行政复议 the five outcome columns span two rows).

``indented`` mode (for plain text) keeps every row label in one column instead: group labels
get a row of their own across the table, and nested labels are indented.
"""

from __future__ import annotations

from typing import Any, Literal

import attrs

from govdisclosure.layout import JOIN, BlockLayout, CellLayout, TableLayout
from govdisclosure.model import ExtraRow
from govdisclosure.rendering._common import Context, cell_text, format_value

__all__ = ["Grid", "GridCell", "build_grid"]

Role = Literal["corner", "colhead", "rowhead", "block", "data"]
Mode = Literal["official", "indented"]


@attrs.frozen(slots=True)
class GridCell:
    """One cell: its top-left grid position, spans, role and printed text."""

    row: int
    col: int
    rowspan: int
    colspan: int
    role: Role
    text: str
    path: str | None = None
    """Data cells: the JSON path of the figure (``$.requests.new.natural_person``)."""
    indent: int = 0
    """Row labels in indented mode: the nesting depth."""


@attrs.frozen(slots=True)
class Grid:
    """A laid-out table."""

    number: str
    """The table's number: "二", "三" or "四"."""
    rows: int
    cols: int
    head: int
    """The number of leading header rows (``<thead>``)."""
    bodies: tuple[tuple[int, int], ...]
    """Row ranges ``[start, end)`` of the row groups after the head (``<tbody>``)."""
    label_cols: int
    """The number of leading columns that hold row labels."""
    cells: tuple[GridCell, ...]

    def rows_of_cells(self) -> list[list[GridCell]]:
        """The cells grouped by the row they start in, left to right."""
        out: list[list[GridCell]] = [[] for _ in range(self.rows)]
        for cell in self.cells:
            out[cell.row].append(cell)
        for row in out:
            row.sort(key=lambda c: c.col)
        return out


# --------------------------------------------------------------------------- header trees

_Run = tuple[int, int, int, str, int]
"""(level, start, span, label, stretch)"""


def _runs(paths: list[tuple[str, ...]]) -> tuple[list[_Run], int]:
    """The header cells of a list of label paths (see the module docstring) and the depth."""
    depth = max((len(p) for p in paths), default=0)
    runs: list[_Run] = []
    n = len(paths)
    for level in range(depth):
        j = 0
        while j < n:
            p = paths[j]
            if len(p) <= level:
                j += 1
                continue
            k = j + 1
            prefix = p[: level + 1]
            leaf = level == len(p) - 1
            if not leaf:
                while k < n and len(paths[k]) > level + 1 and paths[k][: level + 1] == prefix:
                    k += 1
            runs.append((level, j, k - j, p[level], depth - level if leaf else 1))
            j = k
    return runs, depth


# --------------------------------------------------------------------------- builders


def _layout_cells(table: TableLayout) -> dict[tuple[int, int, int], CellLayout]:
    """The layout's cells by (block, row, column) index."""
    out: dict[tuple[int, int, int], CellLayout] = {}
    it = iter(table.cells)
    for b, block in enumerate(table.blocks):
        for r in range(len(block.rows)):
            for c in range(len(block.columns)):
                out[b, r, c] = next(it)
    return out


def _data(ctx: Context, cell: CellLayout, data: Any, row: int, col: int, span: int = 1) -> GridCell:
    text = "" if data is None else cell_text(ctx, cell, data)
    return GridCell(row, col, 1, span, "data", text, cell.json_path)


def _matrix(ctx: Context, table: TableLayout, data: Any, mode: Mode) -> Grid:
    """One block of rows by columns, with spanning column headers and nested row labels."""
    (block,) = table.blocks
    layout_cells = _layout_cells(table)
    caption = (
        ctx.label(table.column_caption, table.column_caption_en or "")
        if table.column_caption
        else None
    )
    col_paths = [
        ((caption,) if caption else ()) + ctx.labels(c.labels, c.en) for c in block.columns
    ]
    col_runs, head = _runs(col_paths)
    row_paths = [ctx.labels(r.labels, r.en) for r in block.rows]
    ncols_data = len(block.columns)
    cells: list[GridCell] = []
    note = ctx.label(table.corner_note, table.corner_note_en or "") if table.corner_note else ""
    if mode == "official":
        row_runs, label_cols = _runs(row_paths)
        cols = label_cols + ncols_data
        cells.append(GridCell(0, 0, head, label_cols, "corner", note))
        for level, start, span, label, stretch in col_runs:
            cells.append(GridCell(level, label_cols + start, stretch, span, "colhead", label))
        for level, start, span, label, stretch in row_runs:
            cells.append(GridCell(head + start, level, span, stretch, "rowhead", label))
        for r in range(len(block.rows)):
            for c in range(ncols_data):
                cells.append(_data(ctx, layout_cells[0, r, c], data, head + r, label_cols + c))
        bodies = tuple(
            (head + start, head + start + span)
            for level, start, span, _, _ in row_runs
            if level == 0
        )
        return Grid(
            table.number, head + len(block.rows), cols, head, bodies, label_cols, tuple(cells)
        )
    cols = 1 + ncols_data
    cells.append(GridCell(0, 0, head, 1, "corner", note))
    for level, start, span, label, stretch in col_runs:
        cells.append(GridCell(level, 1 + start, stretch, span, "colhead", label))
    row = head
    previous: tuple[str, ...] = ()
    for r, path in enumerate(row_paths):
        for level in range(len(path) - 1):
            if previous[: level + 1] != path[: level + 1]:
                cells.append(GridCell(row, 0, 1, cols, "rowhead", path[level], indent=level))
                row += 1
        cells.append(GridCell(row, 0, 1, 1, "rowhead", path[-1], indent=len(path) - 1))
        for c in range(ncols_data):
            cells.append(_data(ctx, layout_cells[0, r, c], data, row, 1 + c))
        row += 1
        previous = path
    return Grid(table.number, row, cols, head, ((head, row),), 1, tuple(cells))


def _transposed(ctx: Context, table: TableLayout, data: Any) -> Grid:
    """The layout's rows become column groups over its columns; one row of figures."""
    (block,) = table.blocks
    layout_cells = _layout_cells(table)
    paths = [
        ctx.labels(r.labels, r.en) + ctx.labels(c.labels, c.en)
        for r in block.rows
        for c in block.columns
    ]
    runs, head = _runs(paths)
    cells = [
        GridCell(level, start, stretch, span, "colhead", label)
        for level, start, span, label, stretch in runs
    ]
    n = len(block.columns)
    for i in range(len(paths)):
        cells.append(_data(ctx, layout_cells[0, i // n, i % n], data, head, i))
    return Grid(table.number, head + 1, len(paths), head, ((head, head + 1),), 0, tuple(cells))


def _blocks(ctx: Context, table: TableLayout, data: Any) -> Grid:
    """Blocks of rows, each with its title row and its own header row."""
    layout_cells = _layout_cells(table)
    width = max(len(b.columns) for b in table.blocks)
    cols = 1 + width
    extra: tuple[ExtraRow, ...] = getattr(data, "extra_rows", ())
    cells: list[GridCell] = []
    bodies: list[tuple[int, int]] = []
    row = 0
    header = ctx.label(table.row_header or "", table.row_header_en or "")
    for b, block in enumerate(table.blocks):
        start = row
        cells.append(
            GridCell(row, 0, 1, cols, "block", JOIN.join(ctx.labels(block.labels, block.en)))
        )
        row += 1
        cells.append(GridCell(row, 0, 1, 1, "colhead", header))
        spans = _spans(block, width)
        for c, column in enumerate(block.columns):
            label = JOIN.join(ctx.labels(column.labels, column.en))
            cells.append(GridCell(row, 1 + sum(spans[:c]), 1, spans[c], "colhead", label))
        row += 1
        for r, row_layout in enumerate(block.rows):
            cells.append(
                GridCell(
                    row, 0, 1, 1, "rowhead", JOIN.join(ctx.labels(row_layout.labels, row_layout.en))
                )
            )
            for c in range(len(block.columns)):
                cells.append(
                    _data(ctx, layout_cells[b, r, c], data, row, 1 + sum(spans[:c]), spans[c])
                )
            row += 1
        for i, extra_row in enumerate(extra):
            if extra_row.block != block.labels[0]:
                continue
            cells.append(GridCell(row, 0, 1, 1, "rowhead", extra_row.label))
            for c, value in enumerate(extra_row.values):
                cells.append(
                    GridCell(
                        row,
                        1 + sum(spans[:c]),
                        1,
                        spans[c],
                        "data",
                        format_value(ctx, block.columns[c].kind, value),
                        f"$.{table.attribute}.extra_rows[{i}].values[{c}]",
                    )
                )
            row += 1
        bodies.append((start, row))
    return Grid(table.number, row, cols, 0, tuple(bodies), 1, tuple(cells))


def _spans(block: BlockLayout, width: int) -> list[int]:
    spans = [1] * len(block.columns)
    spans[-1] += width - len(block.columns)
    return spans


def build_grid(ctx: Context, table: TableLayout, data: Any, mode: Mode = "official") -> Grid:
    """The grid of ``table`` (a layout of :mod:`govdisclosure.editions`) filled from ``data``
    (``None`` leaves the figures empty)."""
    if len(table.blocks) > 1:
        return _blocks(ctx, table, data)
    if table.transposed:
        return _transposed(ctx, table, data)
    return _matrix(ctx, table, data, mode)
