"""Builders: complete tables that check clean, from the figures an agency has.

Four ways in, one assembly. Each table class has

- ``build(**rows)``: by attribute — rows as records, mappings of columns, sequences of
  figures in column order, or ``None`` (a blank row);
- ``from_grid(grid)``: rows of numbers under the printed row labels, as a spreadsheet or a
  CSV file holds the table (``csv.reader`` rows go straight in);
- ``from_cells(cells)``: tidy cells, one ``(row, column, value)`` each (what
  :func:`govdisclosure.to_rows` writes, or a tidy CSV read with ``csv.DictReader``);
- ``from_keys(figures)``: dotted keys, ``{"withheld.third_party.natural_person": 2}``.

All four give the same table for the same figures, by the same rules:

- a cell, row or sub-row not given is 0 — blank (``None``) with ``blank=True``; an explicit
  ``None`` is a blank cell (or row); in a grid, tidy cells or keys, an empty string ``""``
  (an empty CSV cell) is "not given";
- a total not given is computed: each row's 总计 from its parts, table 三's (七)总计 from the
  outcome rows and 四、结转下年度继续办理 as 一 + 二 − (七)总计, table 四's 总计 — blank cells
  counted as 0, and blank only when every term is; totals that are given are kept as given
  (:func:`govdisclosure.check` then compares them);
- figures are ints (digit strings too, where the input is text: a grid, cells, keys), never
  floats; the 2021 fee an :class:`~govdisclosure.Amount` in 万元 or its value in 万元;
- every problem is collected and raised at once as a :class:`~govdisclosure.StructureError`
  whose paths are report paths (``$.requests.new.natural_person``) and whose labels are the
  layout's (:attr:`~govdisclosure.layout.CellLayout.label`). Labels are matched through
  :mod:`govdisclosure.layout.match`, the one label matcher.

>>> from govdisclosure import Requests2021, check
>>> t = Requests2021.from_grid([
...     ["一、本年新收政府信息公开申请数量", 10, 2, 0, 0, 0, 0],
...     ["三、本年度办理结果"],
...     ["(一)予以公开", 7, 1, 0, 0, 0, 0],
...     ["(三)不予公开"],
...     ["1.属于国家秘密", 1, 0, 0, 0, 0, 0],
... ])
>>> t.total.cells(), t.carried_forward.cells()
((8, 1, 0, 0, 0, 0, 9), (2, 1, 0, 0, 0, 0, 3))
>>> Requests2021.from_keys({"new.natural_person": 2, "granted.natural_person": 2}) == (
...     Requests2021.build(new={"natural_person": 2}, granted=[2, 0, 0, 0, 0, 0]))
True

When the outcomes exceed what was received, the error says which sum, where, by how much:

>>> Requests2021.build(new={"natural_person": 3}, granted={"natural_person": 5})
Traceback (most recent call last):
...
govdisclosure.errors.StructureError: 1 problem in the input:
  $.requests.total.natural_person (表三 三、本年度办理结果 / (七)总计 | 自然人): the outcome
  rows add up to 5 in column 自然人, more than 一 + 二 = 3 (一、本年新收 3 + 二、上年结转 0),
  by 2: raise 一 or 二, lower an outcome, or give carried_forward
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from govdisclosure.model._assembly import (
    MISSING,
    RequestsTotals,
    build_part,
    build_table,
    check_names,
)
from govdisclosure.model._readers import Cells, Grid, from_cells, from_grid, from_keys

__all__ = [
    "MISSING",
    "Cells",
    "Grid",
    "RequestsTotals",
    "TableBuilders",
    "build_part",
    "build_table",
    "check_names",
    "from_cells",
    "from_grid",
    "from_keys",
]


class TableBuilders:
    """The builders every table class shares (its ``build`` is its own: typed by its rows)."""

    __slots__ = ()

    @classmethod
    def from_grid(cls, grid: Grid, *, blank: bool = False) -> Self:
        """The table from rows of numbers under the printed row labels.

        ``grid`` is an iterable of rows, each a label followed by the row's figures in column
        order (or a mapping of label to figures): the official label path (joined with "/"
        or not), or its tail down to the leaf label ("1.属于国家秘密") under the group
        heading row it follows ("(三)不予公开", a row without figures). Header rows of
        column labels (a CSV's first rows) set the column order; without one, figures are in
        the official order, the 总计 column optional. Figures are ints, digit strings (as a
        CSV gives them), ``None`` (a blank cell) or ``""`` (not stated). Rows not given are
        0 (blank with ``blank=True``); totals not stated are computed. See
        :func:`govdisclosure.model.builders.from_grid`.
        """
        return from_grid(cls, grid, blank=blank)

    @classmethod
    def from_cells(cls, cells: Cells, *, blank: bool = False) -> Self:
        """The table from tidy cells: mappings with ``row``, ``column`` and ``value`` (the
        form :func:`govdisclosure.to_rows` writes; ``table`` and ``unit`` checked when
        present) or ``(row, column, value)`` tuples. Cells not given are 0 (blank with
        ``blank=True``); totals not stated are computed."""
        return from_cells(cls, cells, blank=blank)

    @classmethod
    def from_keys(cls, figures: Mapping[str, Any], *, blank: bool = False) -> Self:
        """The table from dotted keys: ``{"withheld.third_party.natural_person": 2}`` (cells)
        or ``{"new": [10, 2, 0, 0, 0, 0]}`` (rows). Keys are the cells' keys in the layout
        (:attr:`~govdisclosure.layout.CellLayout.key`); what is not given is 0 (blank with
        ``blank=True``); totals not stated are computed."""
        return from_keys(cls, figures, blank=blank)
