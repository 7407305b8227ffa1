"""Table regions to the tables of an edition: every cell placed by its labels, or left blank
with a finding saying why. Never a guessed value.

The cells of a region arrive in reading order (:class:`~govdisclosure.parse._units.Tok`).
Labels are looked up through the layout's matcher (:meth:`Matcher.labels`): a block label
(第二十条第(一)项) opens a block of 表二, a row label opens a row, group labels and column
labels are headers. The figures after a row label, up to the next label, are the row's cells.
表四 printed as one row of fifteen figures under its headers is read as such.

A row with as many cells as columns is read in order. Otherwise every alignment of the cells
to the columns is tried in which the lost (or surplus) cells are blank cells in a run of
blank cells — extraction collapses runs of empty cells, it does not drop figures — and a
column gets a value only when every such alignment gives it the same one; the others stay
blank with a finding (GP150). Only a row the source ends in is read left to right, the rest
blank (GP160).
"""

from __future__ import annotations

import difflib
import itertools
import re
import typing
from collections.abc import Iterable
from typing import Any

import attrs

from govdisclosure.document import Coverage, Grid, GridCell, Span, TableBlock
from govdisclosure.errors import StructureError
from govdisclosure.layout import (
    BlockLayout,
    CellLayout,
    ColumnLayout,
    Edition,
    RowLayout,
    TableLayout,
    layout_of,
)
from govdisclosure.layout.match import LabelHit, matcher
from govdisclosure.model import ExtraRow, table_class
from govdisclosure.money import Amount, MoneyUnit
from govdisclosure.parse._align import _align, _blanks_after
from govdisclosure.parse._cells import clean, is_value, read_token
from govdisclosure.parse._labels import edition_hits
from govdisclosure.parse._types import ParseFinding
from govdisclosure.parse._units import Region, Tok

__all__ = ["TableReader"]


#: How a row label begins with its ordinal: "5.", "(五)", "三、".
_ORDINAL_MARKS = "(（)）.\uff0e、"
_ORDINAL = re.compile("[(（]?[一二三四五六七八九十0-9]{1,3}[)）.\uff0e、]")


def _digits(text: str) -> bool:
    return any(ch.isdigit() for ch in text)


@attrs.define
class _Row:
    """The row being read: its target and its cells so far."""

    kind: str  # "row", "extra", "transposed"
    label: str
    tok: Tok | None
    table: str
    block: BlockLayout | None = None
    row: RowLayout | None = None
    cells: list[Tok] = attrs.field(factory=list)


_HINTS: dict[type[Any], dict[str, Any]] = {}
_BY_KEY: dict[int, dict[str, CellLayout]] = {}


def _by_key(table: TableLayout) -> dict[str, CellLayout]:
    out = _BY_KEY.get(id(table))
    if out is None:
        out = _BY_KEY[id(table)] = {c.key: c for c in table.cells}
    return out


def _hints(cls: type[Any]) -> dict[str, Any]:
    hints = _HINTS.get(cls)
    if hints is None:
        hints = _HINTS[cls] = typing.get_type_hints(cls)
    return hints


def _build(cls: type[Any], data: dict[str, Any]) -> Any:
    kwargs: dict[str, Any] = {}
    hints = _hints(cls)
    for name, value in data.items():
        if isinstance(value, dict):
            sub = hints[name]
            kwargs[name] = _build(sub, value)
        else:
            kwargs[name] = value
    return cls(**kwargs)


class TableReader:
    """Reads the table regions of a source for one edition; see the module docstring."""

    def __init__(self, edition: Edition) -> None:
        self.edition = edition
        self.matcher = matcher(edition)
        self.layout = layout_of(edition)
        self._findings: list[ParseFinding] = []
        self.values: dict[str, tuple[Any, Tok, CellLayout | None]] = {}
        self.units: dict[str, str] = {}
        self.extra: dict[str, list[tuple[BlockLayout, str, list[Any], Tok | None]]] = {}
        self.extra_placed: list[list[Tok | None]] = []  # the cells of each extra row
        self.table: str | None = None
        self.block: BlockLayout | None = None
        self.group: tuple[str, ...] = ()
        self.row: _Row | None = None
        self.pending: list[Tok] = []
        self.orphans: list[Tok] = []  # figures printed before the end of their row's label
        self.last_row: tuple[str, BlockLayout, RowLayout] | None = None
        self.rows_seen: set[tuple[str, str]] = set()
        self.tables_seen: list[str] = []
        #: The JSON path of every cell the source printed (a figure, a blank or a placeholder).
        self.printed: set[str] = set()
        #: Whether the source ended inside a row (GP160).
        self.cut_row = False
        self.grid_cells: dict[str, list[GridCell]] = {}
        self.spans: dict[str, list[int]] = {}
        self.last_tok: Tok | None = None
        self.header_seen = False
        self.region: Region | None = None
        self.elements: dict[str, str | None] = {}  # the element each table was read from

    @property
    def findings(self) -> tuple[ParseFinding, ...]:
        """What the reader found so far, in the order found."""
        return tuple(self._findings)

    def feed(self, region: Region) -> None:
        self.region = region
        for tok in region.toks:
            self._tok(tok)
            self.last_tok = tok

    def _enter(self, table: str, tok: Tok) -> None:
        if self.table != table:
            self._finish_row()
            if table in self.tables_seen and self.table is not None:
                self._findings.append(
                    ParseFinding("GP163", (("table", _words(table)),), Span(tok.start, tok.end))
                )
            self.table = table
            self.block = None
            self.group = ()
            self.header_seen = False
            if table not in self.tables_seen:
                self.tables_seen.append(table)
        self._extend(table, tok.start, tok.end)
        if table not in self.elements:
            self.elements[table] = self.region.element if self.region is not None else None

    def _extend(self, table: str, start: int, end: int) -> None:
        """The table's span grown to hold ``[start, end)``."""
        span = self.spans.setdefault(table, [start, end])
        if start < span[0]:
            span[0] = start
        if end > span[1]:
            span[1] = end

    def _choose(self, hits: list[LabelHit]) -> LabelHit | None:
        if not hits:
            return None
        best = min(h.distance for h in hits)
        hits = [h for h in hits if h.distance == best]
        here = [h for h in hits if h.table == self.table]
        if self.table == "二" and self.block is not None:
            in_block = [h for h in here if h.block is self.block]
            if in_block:
                here = in_block
        if here:
            return here[0]
        tables = {h.table for h in hits}
        if len(tables) == 1:
            return hits[0]
        return None

    def _tok(self, tok: Tok) -> None:
        text = tok.text
        if is_value(text):
            self._value(tok)
            return
        hits = edition_hits(self.edition, text, near=len(text) >= 6)
        left: list[Tok] = []
        joined = False
        if not hits and self.pending:
            hits, tok, left = self._joined(tok)
            text = tok.text
            joined = bool(hits)
        if not hits:
            hits = self._cut_note(text) or self._next_row(text)
        if not hits and " / " in text:
            self._parts(tok, " / ")
            return
        if (
            not hits
            and len(text.split()) > 1
            and any(edition_hits(self.edition, p, near=False) for p in text.split()[:24])
        ):
            self._parts(tok, None)
            return
        hit = self._choose(hits)
        if not hits and self._label_goes_on(text):
            return
        if hit is None:
            self._unknown(tok, ambiguous=bool(hits))
            return
        if not joined:  # a label begun with figures in it that no piece ended: GP133
            for old in self.pending:
                if _digits(old.text):
                    args = (("found", old.text),)
                    self._findings.append(ParseFinding("GP133", args, Span(old.start, old.end)))
        self.pending = left
        if not (joined and hit.kind == "row"):
            self._orphaned()  # figures that waited for a label that never came
        self._near_or_noted(hit, tok)
        self._finish_row()
        if hit.kind == "column" and self.table is not None and hit.table != self.table:
            self.header_seen = True  # a column label of another table: a header word here
            return
        self._enter(hit.table, tok)
        if hit.kind == "block":
            self.block = hit.block
        elif hit.kind == "row":
            assert hit.row is not None
            if hit.table == "二":
                self.block = hit.block
            self.row = _Row("row", hit.row.labels[-1], tok, hit.table, hit.block, hit.row)
            self.row.cells.extend(self.orphans)  # the figures printed before its label ended
            self.orphans = []
            if hit.block is not None:
                self.last_row = (hit.table, hit.block, hit.row)
        elif hit.kind == "group":
            self.group = (hit.label,)
        else:
            self.header_seen = True

    def _near_or_noted(self, hit: LabelHit, tok: Tok) -> None:
        """GP130 for a label read by near match, GP131 for one read with a note left out."""
        span = Span(tok.start, tok.end)
        if hit.distance:
            args: tuple[tuple[str, str], ...] = (("found", tok.text), ("label", hit.label))
            self._findings.append(ParseFinding("GP130", args, span))
        elif hit.note is not None:
            args = (("found", tok.text), ("label", hit.label), ("note", hit.note))
            self._findings.append(ParseFinding("GP131", args, span))

    def _joined(self, tok: Tok) -> tuple[list[LabelHit], Tok, list[Tok]]:
        """The hits of ``tok`` joined to the label text before it (a label a PDF's layout
        wrapped over lines): the longest run of the waiting pieces that makes a label, and
        the pieces it leaves out (still waiting)."""
        pending = self.pending
        # the pieces in order, longest run first; a piece of another column's label printed
        # between them (a group label wrapped beside the row's: "（六）其 / 他处理") may be left out
        runs = sorted(
            (
                c
                for r in range(len(pending), 0, -1)
                for c in itertools.combinations(range(len(pending)), r)
            ),
            key=lambda c: (-len(c), c),
        )
        for run in runs:
            joined = "".join(pending[i].text for i in run) + tok.text
            hits = edition_hits(self.edition, joined, near=len(joined) >= 6)
            if hits:
                first = pending[run[0]]
                left = [p for i, p in enumerate(pending) if i not in run]
                joined_tok = Tok(joined, first.start, tok.end, first.element, first.row, first.col)
                return hits, joined_tok, left
        return [], tok, pending

    def _next_row(self, text: str) -> list[LabelHit]:
        """A misprinted row label read by its place: the row after the last one read in its
        block, when the text begins with that row's ordinal and shares most of its words
        ("2.其他法律行政止公开" for "2.其他法律行政法规禁止公开")."""
        last = self.last_row
        m = _ORDINAL.match(text)
        if last is None or m is None:
            return []
        _table, block, row = last
        rows = list(block.rows)
        i = rows.index(row) + 1 if row in rows else len(rows)
        if i >= len(rows):
            return []
        label = rows[i].labels[-1]
        lm = _ORDINAL.match(label)
        if lm is None or lm.group().strip(_ORDINAL_MARKS) != m.group().strip(_ORDINAL_MARKS):
            return []
        if difflib.SequenceMatcher(None, text, label).ratio() < 0.75:
            return []
        hits = [h for h in edition_hits(self.edition, label, near=False) if h.row is rows[i]]
        return [attrs.evolve(h, distance=1) for h in hits]

    def _cut_note(self, text: str) -> list[LabelHit]:
        """The hits of a label whose note a line break cut ("（二）部分公开（区分处理的，只计
        这一情"): the words before the note's unclosed bracket, when they are a row's label."""
        cut = max(text.rfind("("), text.rfind("（"))
        if cut < 2 or ")" in text[cut:] or "）" in text[cut:]:
            return []
        hits = edition_hits(self.edition, text[:cut], near=False)
        return [h for h in hits if h.kind == "row"]

    def _orphaned(self) -> None:
        """GP152 for the figures that waited for a label that never came."""
        for tok in self.orphans:
            if clean(tok.text):
                args = (("table", _words(self.table)), ("raw", tok.text))
                self._findings.append(ParseFinding("GP152", args, Span(tok.start, tok.end)))
        self.orphans = []

    def _label_goes_on(self, text: str) -> bool:
        """Whether ``text``, no label, is the rest of the open row's label printed in a cell of
        its own ("(二)部分公开 | (区分处理的,只计这一情形,不计其他情形) |"): the row goes on."""
        row = self.row
        return row is not None and row.kind == "row" and not row.cells and not _digits(text)

    def _parts(self, tok: Tok, sep: str | None) -> None:
        pos = 0
        for part in tok.text.split(sep):
            p = part.strip()
            if not p:
                continue
            k = tok.text.find(p, pos)
            pos = k + len(p)
            self._tok(Tok(p, tok.start + k, tok.start + k + len(p), tok.element, tok.row, tok.col))

    def _unknown(self, tok: Tok, *, ambiguous: bool) -> None:
        text = tok.text
        self._finish_row()
        block = self.block
        if (
            self.table == "二"
            and block is not None
            and block.counts_only
            and not ambiguous
            and not self.pending
            and len(text) <= 40
            and not _digits(text)
        ):
            # a row of its own in a block of counts: kept as an extra row if figures follow
            self.row = _Row("extra", text, tok, "二", block)
            return
        if _digits(text) and not (_ORDINAL.match(text) and len(text) <= 40):
            self._findings.append(
                ParseFinding("GP133", (("found", text),), Span(tok.start, tok.end))
            )
            self.pending = []
            return
        # a row label begun in this cell ("5.要求行政机关确认或重新出具 | 已获取信息 |") may end
        # in the next: kept to be joined; one left over with figures in it is GP133
        for old in self.pending[:-2]:
            if _digits(old.text):
                self._findings.append(
                    ParseFinding("GP133", (("found", old.text),), Span(old.start, old.end))
                )
        self.pending = [*self.pending[-2:], tok]

    def _value(self, tok: Tok) -> None:
        if self.row is not None:
            self.row.cells.append(tok)
            return
        blank = not clean(tok.text)
        if self.table == "四" and not blank:
            self.row = _Row("transposed", "表四", None, "四", cells=[tok])
            return
        if any(_ORDINAL.match(p.text) for p in self.pending):
            # a row label begun and not yet ended ("5.要求行政机关确认或重新出", its figures,
            # then "具已获取信息"): the figures wait for it
            self.orphans.append(tok)
            return
        if not blank:
            self._findings.append(
                ParseFinding(
                    "GP152",
                    (("table", _words(self.table)), ("raw", tok.text)),
                    Span(tok.start, tok.end),
                )
            )

    # ---- rows ---------------------------------------------------------------------------

    def _columns(self, row: _Row) -> list[tuple[ColumnLayout, CellLayout | None]]:
        table = self.layout.table(row.table)
        if row.kind == "transposed":
            (block,) = table.blocks
            return [(block.columns[i % len(block.columns)], c) for i, c in enumerate(table.cells)]
        assert row.block is not None
        if row.kind == "extra":
            return [(c, None) for c in row.block.columns]
        assert row.row is not None
        key = row.row.key
        by_key = _by_key(table)
        out: list[tuple[ColumnLayout, CellLayout | None]] = []
        for col in row.block.columns:
            k = key if col.key is None else f"{key}.{col.key}"
            out.append((col, by_key[k]))
        return out

    def finish(self, *, cut: bool) -> None:
        """End of the source: the open row is read (left to right when ``cut``)."""
        self._finish_row(cut=cut)
        self._orphaned()
        for tok in self.pending:
            if _digits(tok.text):
                self._findings.append(
                    ParseFinding("GP133", (("found", tok.text),), Span(tok.start, tok.end))
                )
        self.pending = []

    def _finish_row(self, *, cut: bool = False) -> None:
        row = self.row
        self.row = None
        if row is None or not row.cells or self._repeated(row):
            return
        columns = self._columns(row)
        where = row.tok or row.cells[0]
        span = Span(where.start, row.cells[-1].end)
        self._extend(row.table, span.start, span.end)  # the table holds its figures too
        if _blanks_after(row.cells, len(columns)):
            placed: list[Tok | None] = [None] * len(columns)
            figures = sum(1 for t in row.cells if clean(t.text))
            said = (
                ("row", row.label),
                ("figures", figures),
                ("blanks", len(row.cells) - figures),
                ("expected", len(columns)),
            )
            self._findings.append(ParseFinding("GP153", said, span))
            doubtful = True
        else:
            placed, ambiguous = _align(row.cells, len(columns), cut)
            self._count(row, len(columns), span, cut=cut, ambiguous=ambiguous)
            doubtful = bool(ambiguous)
        short = cut and len(row.cells) < len(columns)
        for (_col, cell), tok in zip(columns, placed, strict=True):
            # printed: a cell read, or a blank cell of a row whose every figure has its place
            # (a row cut short printed none of the cells after its last)
            if cell is not None and (tok is not None or not (doubtful or short)):
                self.printed.add(cell.json_path)
        if row.kind == "extra":
            assert row.block is not None
            values = [
                self._read(t, col, None, row) if t is not None else None
                for (col, _), t in zip(columns, placed, strict=True)
            ]
            self.extra.setdefault("二", []).append((row.block, row.label, values, row.tok))
            self.extra_placed.append(placed)
            args = (("block", row.block.labels[0]), ("label", row.label))
            self._findings.append(ParseFinding("GP132", args, Span(where.start, where.end)))
            return
        for (col, cell), tok in zip(columns, placed, strict=True):
            if cell is not None and tok is not None:
                self._place(row, tok, col, cell)

    def _repeated(self, row: _Row) -> bool:
        """Whether ``row`` is an official row read before (GP162); remembered otherwise."""
        if row.kind != "row":
            return False
        assert row.row is not None
        ident = (row.table, row.row.key)
        if ident in self.rows_seen:
            tok = row.tok or row.cells[0]
            self._findings.append(
                ParseFinding("GP162", (("row", row.label),), Span(tok.start, tok.end))
            )
            return True
        self.rows_seen.add(ident)
        return False

    def _count(self, row: _Row, k: int, span: Span, *, cut: bool, ambiguous: int) -> None:
        """The finding on a row whose cells do not match its ``k`` columns, if any."""
        n = len(row.cells)
        if cut and n < k:
            self.cut_row = True
            self._findings.append(
                ParseFinding("GP160", (("table", _words(row.table)), ("row", row.label)), span)
            )
        elif ambiguous:
            args = (("row", row.label), ("found", n), ("expected", k), ("count", ambiguous))
            self._findings.append(ParseFinding("GP150", args, span))
        elif n != k:
            self._findings.append(
                ParseFinding("GP151", (("row", row.label), ("found", n), ("expected", k)), span)
            )

    def _place(self, row: _Row, tok: Tok, col: ColumnLayout, cell: CellLayout) -> None:
        """Read ``tok`` into ``cell``, and into the table's grid."""
        value = self._read(tok, col, cell, row)
        path = cell.json_path
        self.values[path] = (value, tok, cell)
        self.grid_cells.setdefault(row.table, []).append(
            GridCell(
                max(tok.row, 0),
                max(tok.col, 0),
                1,
                tok.colspan,
                "data",
                tok.text,
                path,
                value=value,
                kind=cell.kind,
                span=Span(tok.start, tok.end),
                element=tok.element,
            )
        )

    def _read(self, tok: Tok, col: ColumnLayout, cell: CellLayout | None, row: _Row) -> Any:
        unit = "万元" if col.kind == "amount" else None
        r = read_token(tok.text, col.kind, unit)
        if r.problem is None and not r.placeholder and r.unit is None:
            # the common case: a figure or a blank, nothing to say
            if r.value is None:
                return None
            return Amount(r.value, MoneyUnit.WAN_YUAN) if col.kind == "amount" else r.value
        name = cell.label if cell is not None else f"表二 {row.label} | {col.labels[-1]}"
        path = cell.json_path if cell is not None else None
        span = Span(tok.start, tok.end)
        if r.placeholder:
            self._findings.append(
                ParseFinding("GP141", (("cell", name), ("raw", tok.text)), span, path)
            )
            return None
        if r.problem == "signed":
            self._findings.append(
                ParseFinding("GP142", (("cell", name), ("raw", tok.text)), span, path)
            )
            return None
        if r.problem == "unit":
            expected = "万元" if col.kind == "amount" else ("元" if col.kind == "decimal" else "件")
            self._findings.append(
                ParseFinding(
                    "GP143", (("cell", name), ("expected", expected), ("raw", tok.text)), span, path
                )
            )
            return None
        if r.problem is not None:
            self._findings.append(
                ParseFinding("GP140", (("cell", name), ("raw", tok.text)), span, path)
            )
            return None
        if r.value is None:
            return None
        if col.kind == "decimal" and col.unit_from and cell is not None:
            unit_path = cell.json_path.rsplit(".", 1)[0] + "." + col.unit_from.rsplit(".", 1)[1]
            if r.unit is not None:
                self.units[unit_path] = r.unit
                self._findings.append(
                    ParseFinding(
                        "GP144",
                        (
                            ("cell", name),
                            ("raw", tok.text),
                            ("value", format(r.value, "f")),
                            ("unit", r.unit),
                        ),
                        span,
                        path,
                    )
                )
        if col.kind == "amount":
            return Amount(r.value, MoneyUnit.WAN_YUAN)
        return r.value

    # ---- the tables ---------------------------------------------------------------------

    def tables(self) -> dict[str, tuple[Any, TableBlock]]:
        """The tables read, by report attribute, with their document blocks."""
        out: dict[str, tuple[Any, TableBlock]] = {}
        by_table = _by_table((path, v[0]) for path, v in self.values.items())
        units = _by_table(self.units.items())
        for table in self.layout.tables:
            data: dict[str, Any] = {}
            read = by_table.get(table.attribute, ())
            present = bool(read) or table.number in self.tables_seen
            for keys, value in read:
                d = data
                for k in keys[:-1]:
                    d = d.setdefault(k, {})
                d[keys[-1]] = value
            for keys, unit in units.get(table.attribute, ()):
                d = data
                for k in keys[:-1]:
                    d = d.setdefault(k, {})
                d[keys[-1]] = MoneyUnit(unit)
            extra = list(self.extra.get(table.number, ()))
            if extra:
                present = True
            if not present:
                continue
            cls = table_class(self.edition, table.attribute)
            if cls is None:
                continue
            rows = tuple(
                ExtraRow(block=b.labels[0], label=label, values=tuple(v))
                for b, label, v, _ in extra
            )
            try:
                obj = _build(cls, data)
                if rows:
                    obj = attrs.evolve(obj, extra_rows=rows)
            except (StructureError, TypeError, ValueError):
                try:
                    obj = _build(cls, data)
                except (StructureError, TypeError, ValueError):
                    continue
            cells = tuple(self.grid_cells.get(table.number, ()))
            nrows = max((c.row for c in cells), default=-1) + 1
            ncols = max((c.col + c.colspan for c in cells), default=0)
            grid = Grid(table.number, nrows, ncols, 0, (), 1, cells, table.number_en)
            s = self.spans.get(table.number)
            block = TableBlock(
                table,
                grid,
                obj,
                Span(s[0], s[1]) if s else None,
                self.elements.get(table.number),
            )
            out[table.attribute] = (obj, block)
            self._missing_rows(table)
        return out

    def _missing_rows(self, table: TableLayout) -> None:
        if table.transposed:
            return
        missing = [
            r.labels[-1]
            for b in table.blocks
            for r in b.rows
            if (table.number, r.key) not in self.rows_seen
        ]
        if missing:
            s = self.spans.get(table.number)
            self._findings.append(
                ParseFinding(
                    "GP161",
                    (
                        ("table", _words(table.number)),
                        ("count", len(missing)),
                        ("example", missing[0]),
                    ),
                    Span(s[1], s[1]) if s else None,
                )
            )

    def coverage(self, *, ends_inside: bool) -> Coverage:
        """What the source printed of the tables: the cells printed, the tables of which
        anything was, and whether it ends inside a table (``ends_inside``: the source ends in
        a table region, and its last row is cut short or its last table lacks rows)."""
        tables = set(self.tables_seen)
        attributes = {path.split(".")[1] for path in self.printed}
        tables.update(t.number for t in self.layout.tables if t.attribute in attributes)
        cut = False
        if ends_inside and self.tables_seen:
            last = self.layout.table(self.tables_seen[-1])
            lacking = not last.transposed and any(
                (last.number, r.key) not in self.rows_seen for b in last.blocks for r in b.rows
            )
            cut = self.cut_row or lacking
        return Coverage(self.printed, tables, cut)

    def extra_cells(self) -> list[tuple[str, Tok]]:
        """The JSON path of every value of an extra row read from a cell, with the cell."""
        return [
            (f"$.active.extra_rows[{i}].values[{j}]", tok)
            for i, placed in enumerate(self.extra_placed)
            for j, tok in enumerate(placed)
            if tok is not None
        ]

    def extra_paths(self) -> list[tuple[str, Tok | None, list[Any]]]:
        """JSON paths of the extra rows read, with the token of their label."""
        out = []
        for i, (_b, _label, values, tok) in enumerate(self.extra.get("二", ())):
            out.append((f"$.active.extra_rows[{i}]", tok, values))
        return out


def _by_table(read: Iterable[tuple[str, Any]]) -> dict[str, list[tuple[list[str], Any]]]:
    """What was read under JSON paths, by table attribute, each in the order read
    (``"$.requests.x.y"``: ``"requests"``, ``["x", "y"]``).

    >>> _by_table([("$.requests.a.b", 1), ("$.fees.c", 2), ("$.requests.d", 3)])
    {'requests': [(['a', 'b'], 1), (['d'], 3)], 'fees': [(['c'], 2)]}
    """
    out: dict[str, list[tuple[list[str], Any]]] = {}
    for path, value in read:
        _, attribute, *keys = path.split(".")
        if keys:
            out.setdefault(attribute, []).append((keys, value))
    return out


def _words(number: str | None) -> tuple[str, str]:
    """A table's number in the words of each message: ("三", "3"), as the layouts number
    their tables."""
    if number is None:
        return ("?", "?")
    return (number, _NUMBER_EN.get(number, number))


#: Each table's number in English, from the layouts (the same in every edition that has it).
_NUMBER_EN = {t.number: t.number_en for e in Edition for t in layout_of(e).tables}
