"""The blocks a report is laid out in: what rendering produces from a :class:`Report` and what
reading produces from a published page.

A :class:`Document` is the report in reading order — :class:`Title`, :class:`MetadataBlock`,
:class:`Paragraph`, :class:`Heading`, :class:`TableBlock` (a :class:`Grid` of cells with
spans) and :class:`SignatureBlock` — with no locale and no formatting: figures stay values
(``int``, :class:`~govdisclosure.money.Amount`, ``Decimal``), dates stay dates, ordinals stay
ints. The renderers print a document with :mod:`govdisclosure.fmt`; the reader of published
reports builds one from a source, where every block and cell also carries the :class:`Span`
of the source it was read from and the raw text (``"/"``, ``"增15"``, ``"184719元"``).

>>> from govdisclosure import examples
>>> doc = layout_document(examples.load("jianghe-2021"))
>>> [type(b).__name__ for b in doc.blocks][:4]
['Title', 'MetadataBlock', 'Paragraph', 'Heading']
>>> grid = doc.tables()[1].grid
>>> grid.number, grid.head, grid.label_cols
('三', 3, 3)
>>> cell = grid.cell_at("$.requests.new.total")
>>> cell.value, cell.kind
(46, 'count')
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Iterator
from typing import Any, Literal

import attrs

from govdisclosure.layout import (
    JOIN,
    BlockLayout,
    CellKind,
    CellLayout,
    EditionLayout,
    TableLayout,
    layout_of,
)
from govdisclosure.layout.match import matcher
from govdisclosure.layout.page import METADATA_FIELDS
from govdisclosure.model import ExtraRow, Report, Section

__all__ = [
    "Block",
    "Coverage",
    "Document",
    "Grid",
    "GridCell",
    "Heading",
    "MetadataBlock",
    "MetadataItem",
    "Paragraph",
    "SignatureBlock",
    "Span",
    "TableBlock",
    "Title",
    "build_grid",
    "layout_document",
]


@attrs.frozen(slots=True)
class Span:
    """Where a block or cell was read: ``source[start:end]`` of the decoded source text."""

    start: int
    end: int


def _strings(value: Iterable[str]) -> frozenset[str]:
    """A set of strings, frozen (a typed converter: ``Coverage({"…"}, {"三"})`` type-checks)."""
    return frozenset(value)


@attrs.frozen(slots=True)
class Coverage:
    """What a published source printed of a report's tables, so that a check can tell a cell
    printed blank from one the source never printed (a page cut short, a one-page extract of
    a PDF, a table continued elsewhere).

    ``printed`` holds the JSON path (as in a finding's ``path``) of every table cell the source
    printed — a figure, an empty cell or a placeholder such as "/"; ``tables`` the numbers of
    the tables ("二", "三", "四") of which it printed anything; ``cut`` says the source ends
    inside a table. A report built in code has no coverage: everything is printed.

    >>> c = Coverage(frozenset({"$.requests.new.total"}), frozenset({"三"}), cut=True)
    >>> c.printed_cell("$.requests.new.total"), c.printed_cell("$.requests.total.total")
    (True, False)
    >>> c.printed_table("三"), c.printed_table("四")
    (True, False)
    """

    printed: frozenset[str] = attrs.field(converter=_strings)
    tables: frozenset[str] = attrs.field(converter=_strings)
    cut: bool = False

    def printed_cell(self, path: str) -> bool:
        """Whether the source printed the cell at ``path``."""
        return path in self.printed

    def printed_table(self, number: str) -> bool:
        """Whether the source printed any of table ``number`` ("二", "三" or "四")."""
        return number in self.tables


@attrs.frozen(slots=True)
class Title:
    """The report's title."""

    text: str
    span: Span | None = None
    element: str | None = None
    """Read from an HTML source: the path of the element it was read from
    (``#document[1]/html[1]/body[1]/…/td[7]``); ``None`` otherwise. The renderers ignore it."""


@attrs.frozen(slots=True)
class MetadataItem:
    """One field of the page's metadata block: ``attribute`` of
    :class:`~govdisclosure.model.Metadata` (``None`` for a field the model does not keep),
    the label as printed or in the document's language, and the value (text or a date)."""

    attribute: str | None
    label: str
    value: str | _dt.date
    span: Span | None = None
    element: str | None = None
    """Read from an HTML source: the path of the element it was read from
    (``#document[1]/html[1]/body[1]/…/td[7]``); ``None`` otherwise. The renderers ignore it."""


@attrs.frozen(slots=True)
class MetadataBlock:
    """The metadata block a government web page prints above the report."""

    items: tuple[MetadataItem, ...]
    span: Span | None = None
    element: str | None = None
    """Read from an HTML source: the path of the element it was read from
    (``#document[1]/html[1]/body[1]/…/td[7]``); ``None`` otherwise. The renderers ignore it."""


@attrs.frozen(slots=True)
class Paragraph:
    """One paragraph, verbatim."""

    text: str
    verbatim: bool = True
    """Text as the report states it (Chinese whatever the document's language)."""
    span: Span | None = None
    element: str | None = None
    """Read from an HTML source: the path of the element it was read from
    (``#document[1]/html[1]/body[1]/…/td[7]``); ``None`` otherwise. The renderers ignore it."""


@attrs.frozen(slots=True)
class Heading:
    """A section heading: ``level`` 1 is "一、", 2 is "(一)"; ``path`` the ordinals from the
    top; ``title`` the words after the ordinal."""

    level: int
    path: tuple[int, ...]
    ordinal: int
    title: str
    translated: bool = False
    """Whether ``title`` is the layout's English heading (else the report's own words)."""
    span: Span | None = None
    element: str | None = None
    """Read from an HTML source: the path of the element it was read from
    (``#document[1]/html[1]/body[1]/…/td[7]``); ``None`` otherwise. The renderers ignore it."""


Role = Literal["corner", "colhead", "rowhead", "block", "data"]


@attrs.frozen(slots=True)
class GridCell:
    """One cell of a table grid: its top-left position, spans, role and content.

    Header cells (``corner``, ``colhead``, ``rowhead``, ``block``) carry their label in
    ``text``. Data cells carry the figure: laid out from a report, ``value`` (``None`` for a
    blank cell) with its ``kind`` and ``unit``; read from a source, ``text`` is the raw token.
    """

    row: int
    col: int
    rowspan: int
    colspan: int
    role: Role
    text: str = ""
    path: str | None = None
    """Data cells: the JSON path of the figure (``$.requests.new.natural_person``)."""
    indent: int = 0
    """Row labels in indented mode: the nesting depth."""
    value: Any = None
    kind: CellKind | None = None
    unit: str | None = None
    """The unit of a decimal figure whose unit the report prints (2019 采购总金额)."""
    span: Span | None = None
    element: str | None = None
    """Read from an HTML source: the path of the element it was read from
    (``#document[1]/html[1]/body[1]/…/td[7]``); ``None`` otherwise. The renderers ignore it."""


@attrs.frozen(slots=True)
class Grid:
    """A laid-out table."""

    number: str
    """The table's number: "二", "三" or "四" ("" when a source table is not yet known)."""
    rows: int
    cols: int
    head: int
    """The number of leading header rows (``<thead>``)."""
    bodies: tuple[tuple[int, int], ...]
    """Row ranges ``[start, end)`` of the row groups after the head (``<tbody>``)."""
    label_cols: int
    """The number of leading columns that hold row labels."""
    cells: tuple[GridCell, ...]
    number_en: str = ""
    """The number in English labels ("2", "3", "4")."""

    def rows_of_cells(self) -> list[list[GridCell]]:
        """The cells grouped by the row they start in, left to right."""
        out: list[list[GridCell]] = [[] for _ in range(self.rows)]
        for cell in self.cells:
            out[cell.row].append(cell)
        for row in out:
            row.sort(key=lambda c: c.col)
        return out

    def data_cells(self) -> list[GridCell]:
        """The figures, in reading order."""
        return [c for c in self.cells if c.role == "data"]

    def cell_at(self, path: str) -> GridCell | None:
        """The data cell of the figure at JSON path ``path``."""
        return next((c for c in self.cells if c.path == path), None)


@attrs.frozen(slots=True)
class TableBlock:
    """A table of the edition, laid out: ``table`` its layout, ``grid`` its cells."""

    table: TableLayout
    grid: Grid
    data: Any = None
    """Laid out from a report: the table object (``report.active`` …)."""
    span: Span | None = None
    element: str | None = None
    """Read from an HTML source: the path of the element it was read from
    (``#document[1]/html[1]/body[1]/…/td[7]``); ``None`` otherwise. The renderers ignore it."""


@attrs.frozen(slots=True)
class SignatureBlock:
    """The closing signature: the agency and the signing date as signed."""

    agency: str
    date: _dt.date | None = None
    span: Span | None = None
    element: str | None = None
    """Read from an HTML source: the path of the element it was read from
    (``#document[1]/html[1]/body[1]/…/td[7]``); ``None`` otherwise. The renderers ignore it."""


Block = Title | MetadataBlock | Paragraph | Heading | TableBlock | SignatureBlock
"""Any block of a document."""


@attrs.frozen(slots=True)
class Document:
    """A report in reading order, as blocks."""

    blocks: tuple[Block, ...]
    layout: EditionLayout
    english: bool = False
    """Whether the layout's labels are in English (the report's own words stay Chinese)."""

    def tables(self) -> list[TableBlock]:
        """The table blocks, in order."""
        return [b for b in self.blocks if isinstance(b, TableBlock)]

    def __iter__(self) -> Iterator[Block]:
        return iter(self.blocks)


# --------------------------------------------------------------------------- grids
#
# A table of an edition laid out as a grid of cells with spans, from its layout data.
#
# The official forms print:
#
# - 表二 as blocks, one per 条例 item: a row with the block's title across the table, a header
#   row (信息内容 and the block's columns), then its rows; a block with fewer columns than the
#   widest one stretches its last column.
# - 表三 with spanning column headers (申请人情况 over every column, 法人或其他组织 over five)
#   and the corner note in the top-left cell; row labels in nested groups (三、本年度办理结果
#   over (一)…(七), (三)不予公开 over its eight grounds, …), a group's label spanning its rows.
# - 表四 in one row of fifteen figures, under 行政复议 / 行政诉讼 (未经复议直接起诉, 复议后起诉)
#   and their five columns each.
#
# Header spans follow one rule at every level, for rows and columns alike: a label spans the
# consecutive rows (columns) that share it, and a path shorter than the deepest one stretches
# its LAST label over the remaining levels (自然人 spans the two header rows below 申请人情况;
# (一)予以公开 spans two label columns; under 行政复议 the five outcome columns span two rows).
#
# ``indented`` mode (for plain text) keeps every row label in one column instead: group labels
# get a row of their own across the table, and nested labels are indented.

Mode = Literal["official", "indented"]


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


def _data(cell: CellLayout, data: Any, row: int, col: int, span: int = 1) -> GridCell:
    if data is None:
        return GridCell(row, col, 1, span, "data", "", cell.json_path, kind=cell.kind)
    unit = cell.unit_of(data) if cell.unit_from is not None else None
    value = cell.get_from_table(data)
    return GridCell(
        row, col, 1, span, "data", "", cell.json_path, value=value, kind=cell.kind, unit=unit
    )


def _matrix(en: bool, table: TableLayout, data: Any, mode: Mode) -> Grid:
    """One block of rows by columns, with spanning column headers and nested row labels."""
    (block,) = table.blocks
    layout_cells = _layout_cells(table)
    caption = (
        _pick(en, table.column_caption, table.column_caption_en or "")
        if table.column_caption
        else None
    )
    col_paths = [((caption,) if caption else ()) + _pick(en, c.labels, c.en) for c in block.columns]
    col_runs, head = _runs(col_paths)
    row_paths = [_pick(en, r.labels, r.en) for r in block.rows]
    ncols_data = len(block.columns)
    cells: list[GridCell] = []
    note = _pick(en, table.corner_note, table.corner_note_en or "") if table.corner_note else ""
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
                cells.append(_data(layout_cells[0, r, c], data, head + r, label_cols + c))
        bodies = tuple(
            (head + start, head + start + span)
            for level, start, span, _, _ in row_runs
            if level == 0
        )
        return Grid(
            table.number,
            head + len(block.rows),
            cols,
            head,
            bodies,
            label_cols,
            tuple(cells),
            table.number_en,
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
            cells.append(_data(layout_cells[0, r, c], data, row, 1 + c))
        row += 1
        previous = path
    return Grid(table.number, row, cols, head, ((head, row),), 1, tuple(cells), table.number_en)


def _transposed(en: bool, table: TableLayout, data: Any) -> Grid:
    """The layout's rows become column groups over its columns; one row of figures."""
    (block,) = table.blocks
    layout_cells = _layout_cells(table)
    paths = [
        _pick(en, r.labels, r.en) + _pick(en, c.labels, c.en)
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
        cells.append(_data(layout_cells[0, i // n, i % n], data, head, i))
    return Grid(
        table.number,
        head + 1,
        len(paths),
        head,
        ((head, head + 1),),
        0,
        tuple(cells),
        table.number_en,
    )


def _blocks(en: bool, table: TableLayout, data: Any) -> Grid:
    """Blocks of rows, each with its title row and its own header row."""
    layout_cells = _layout_cells(table)
    width = max(len(b.columns) for b in table.blocks)
    cols = 1 + width
    extra: tuple[ExtraRow, ...] = getattr(data, "extra_rows", ())
    cells: list[GridCell] = []
    bodies: list[tuple[int, int]] = []
    row = 0
    header = _pick(en, table.row_header or "", table.row_header_en or "")
    for b, block in enumerate(table.blocks):
        start = row
        cells.append(
            GridCell(row, 0, 1, cols, "block", JOIN.join(_pick(en, block.labels, block.en)))
        )
        row += 1
        cells.append(GridCell(row, 0, 1, 1, "colhead", header))
        spans = _spans(block, width)
        for c, column in enumerate(block.columns):
            label = JOIN.join(_pick(en, column.labels, column.en))
            cells.append(GridCell(row, 1 + sum(spans[:c]), 1, spans[c], "colhead", label))
        row += 1
        for r, row_layout in enumerate(block.rows):
            cells.append(
                GridCell(
                    row, 0, 1, 1, "rowhead", JOIN.join(_pick(en, row_layout.labels, row_layout.en))
                )
            )
            for c in range(len(block.columns)):
                cells.append(_data(layout_cells[b, r, c], data, row, 1 + sum(spans[:c]), spans[c]))
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
                        "",
                        f"$.{table.attribute}.extra_rows[{i}].values[{c}]",
                        value=value,
                        kind=block.columns[c].kind,
                    )
                )
            row += 1
        bodies.append((start, row))
    return Grid(table.number, row, cols, 0, tuple(bodies), 1, tuple(cells), table.number_en)


def _spans(block: BlockLayout, width: int) -> list[int]:
    spans = [1] * len(block.columns)
    spans[-1] += width - len(block.columns)
    return spans


def build_grid(
    table: TableLayout, data: Any, mode: Mode = "official", *, english: bool = False
) -> Grid:
    """The grid of ``table`` (a layout of :mod:`govdisclosure.layout`) filled from ``data``
    (``None`` leaves the figures empty); labels in English with ``english=True``.

    ``mode="indented"`` (for plain text) keeps every row label in one column instead: group
    labels get a row of their own across the table, and nested labels are indented.
    """
    if len(table.blocks) > 1:
        return _blocks(english, table, data)
    if table.transposed:
        return _transposed(english, table, data)
    return _matrix(english, table, data, mode)


# --------------------------------------------------------------------------- building


def _pick(english: bool, zh: Any, en: Any) -> Any:
    return en if english else zh


def _heading(english: bool, layout: EditionLayout, path: tuple[int, ...], s: Section) -> Heading:
    title, translated = s.title, False
    if english and len(path) == 1:
        known = matcher(layout.edition).section(s.title)
        if known is not None:
            title, translated = known.en, True
    return Heading(len(path), path, s.ordinal, title, translated)


def _metadata(english: bool, report: Report) -> MetadataBlock | None:
    md = report.metadata
    if md is None:
        return None
    items = []
    for attribute, zh, en in METADATA_FIELDS:
        value = getattr(md, attribute)
        if value is not None:
            items.append(MetadataItem(attribute, _pick(english, zh, en), value))
    return MetadataBlock(tuple(items)) if items else None


def _tables_by_section(
    english: bool, layout: EditionLayout, report: Report, mode: Mode
) -> dict[int, list[TableBlock]]:
    placed: dict[int, list[TableBlock]] = {}
    ordinals = {s.table: s.ordinal for s in layout.sections if s.table}
    for table in layout.tables:
        data = getattr(report, table.attribute)
        if data is not None:
            grid = build_grid(table, data, mode, english=english)
            placed.setdefault(ordinals.get(table.number, 0), []).append(
                TableBlock(table, grid, data)
            )
    return placed


def _section_blocks(
    english: bool,
    layout: EditionLayout,
    sections: tuple[Section, ...],
    prefix: tuple[int, ...],
    tables: dict[int, list[TableBlock]],
) -> Iterator[Block]:
    for section in sections:
        path = (*prefix, section.ordinal)
        yield _heading(english, layout, path, section)
        for paragraph in section.paragraphs:
            yield Paragraph(paragraph)
        if not prefix:
            yield from tables.pop(section.ordinal, ())
        yield from _section_blocks(english, layout, section.subsections, path, tables)


def layout_document(report: Report, *, english: bool = False, mode: Mode = "official") -> Document:
    """The report in reading order: title, metadata, preamble, sections (each table in the
    section the edition prints it in, after the section's paragraphs), signature.

    A table whose section the report lacks follows the last section. ``english=True`` takes
    the layout's English labels and headings; ``mode`` is the grid layout of the tables
    (see :func:`build_grid`).
    """
    layout = layout_of(report.edition)
    out: list[Block] = [Title(report.title)]
    md = _metadata(english, report)
    if md is not None:
        out.append(md)
    out.extend(Paragraph(p) for p in report.preamble)
    tables = _tables_by_section(english, layout, report, mode)
    out.extend(_section_blocks(english, layout, report.sections, (), tables))
    for rest in tables.values():
        out.extend(rest)
    sig = report.signature
    if sig is not None:
        out.append(SignatureBlock(sig.agency, sig.date))
    return Document(tuple(out), layout, english)
