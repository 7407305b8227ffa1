"""What every format shares: the options, the document, the walk over its blocks, and the
printing of each figure.

A renderer walks the blocks of the report's :class:`~govdisclosure.document.Document` (title,
metadata, paragraphs, headings, tables, signature, in reading order) and prints each block its
own way: a format is a :class:`BlockRenderer` with one method per kind of block, and the walk,
which resolves what every format prints alike (the metadata's values, a heading's ordinal, the
date as the locale writes it), is written once, here. The tables come as a
:class:`~govdisclosure.document.Grid`, whose figures :func:`printed` turns into text with
:mod:`govdisclosure.fmt`.
"""

from __future__ import annotations

import abc
import datetime as _dt
from decimal import Decimal
from typing import Any, ClassVar, Generic, TypeVar, assert_never

import attrs
from babel import Locale

from govdisclosure import fmt
from govdisclosure.document import (
    Block,
    Grid,
    GridCell,
    Heading,
    MetadataBlock,
    Mode,
    Paragraph,
    SignatureBlock,
    TableBlock,
    Title,
    layout_document,
)
from govdisclosure.layout import CellLayout, EditionLayout, layout_of, printed_label
from govdisclosure.model import Report
from govdisclosure.money import Amount, MoneyUnit
from govdisclosure.rendering._options import RenderOptions

__all__ = [
    "Block",
    "BlockRenderer",
    "Context",
    "Grid",
    "GridCell",
    "Heading",
    "MetadataBlock",
    "Paragraph",
    "RenderOptions",
    "SignatureBlock",
    "TableBlock",
    "Title",
    "blocks",
    "cell_text",
    "context",
    "date_text",
    "figure_text",
    "heading_text",
    "metadata_items",
    "printed",
    "printed_labels",
]


# --------------------------------------------------------------------------- context


@attrs.frozen
class Context:
    """The resolved locale, options and layout of one rendering."""

    locale: Locale
    zh: bool
    options: RenderOptions
    layout: EditionLayout

    def label(self, zh: str, en: str) -> str:
        """The Chinese (printed form, :meth:`printed`) or English label, as the locale asks."""
        return self.printed(zh) if self.zh else en

    def labels(self, zh: tuple[str, ...], en: tuple[str, ...]) -> tuple[str, ...]:
        """A label path in the locale's language (Chinese labels in their printed form)."""
        return tuple(self.printed(x) for x in zh) if self.zh else en

    def printed(self, label: str) -> str:
        """A Chinese label of the layouts as this rendering prints it: full-width （），：；
        (:func:`~govdisclosure.layout.printed_label`) unless the options ask for ASCII."""
        return printed_label(label) if self.zh and self.options.fullwidth else label

    @property
    def ambiguous_width(self) -> int:
        """The display width of East Asian Ambiguous characters for this rendering."""
        if self.options.ambiguous_width is not None:
            return self.options.ambiguous_width
        return 2 if self.zh else 1


def context(report: Report, locale: str, options: RenderOptions | None) -> Context:
    """Check the arguments every renderer takes and resolve them."""
    if not isinstance(report, Report):
        raise TypeError(f"report must be a govdisclosure.Report, not {type(report).__name__}")
    if options is None:
        options = RenderOptions()
    elif not isinstance(options, RenderOptions):
        raise TypeError(f"options must be a RenderOptions or None, not {type(options).__name__}")
    loc = fmt.parse_locale(locale)
    return Context(loc, loc.language == "zh", options, layout_of(report.edition))


# --------------------------------------------------------------------------- blocks


def blocks(ctx: Context, report: Report, mode: Mode = "official") -> list[Block]:
    """The document of ``report`` (:func:`govdisclosure.document.layout_document`) in the
    rendering's language, with the metadata block only if the options ask for it."""
    doc = layout_document(report, english=not ctx.zh, mode=mode)
    return [b for b in doc.blocks if ctx.options.metadata or not isinstance(b, MetadataBlock)]


def heading_text(ctx: Context, heading: Heading) -> str:
    """Ordinal and title as printed: ``一、总体情况``, ``（一）主动公开`` (``(一)`` with
    ``RenderOptions(fullwidth=False)``), ``1.细项``, ``I. Overview``."""
    # full-width parentheses （一）; an item's "1." stays as reports print it
    wide = ctx.options.fullwidth and heading.level == 2
    ordinal = fmt.format_ordinal(
        heading.ordinal, level=heading.level, locale=ctx.locale, fullwidth=wide
    )
    return f"{ordinal}{heading.title}" if ctx.zh else f"{ordinal} {heading.title}"


def date_text(ctx: Context, date: _dt.date) -> str:
    """A date as the locale writes it (2016年1月29日, January 29, 2016)."""
    return fmt.format_date(date, locale=ctx.locale)


def metadata_items(ctx: Context, block: MetadataBlock) -> list[tuple[str, str, str]]:
    """(attribute, label, printed value) of each metadata field."""
    return [
        (
            item.attribute or "",
            item.label,
            date_text(ctx, item.value) if isinstance(item.value, _dt.date) else item.value,
        )
        for item in block.items
    ]


# --------------------------------------------------------------------------- the walk

T = TypeVar("T")


class BlockRenderer(abc.ABC, Generic[T]):
    """One rendering of a report: a method per kind of block, and one walk that calls them.

    A format subclasses it and says what each block becomes, appending the pieces of its
    output (lines of text, elements of a Word file) to :attr:`out`; :meth:`render` visits
    the blocks of the document in reading order, gives each method what every format prints
    alike (a heading's text with its ordinal, the metadata's printed values), then calls
    :meth:`finish`. A format that prints the document's sub-section paragraphs indented sets
    :attr:`mode` to ``"indented"``.

    >>> from govdisclosure import examples
    >>> class Outline(BlockRenderer[str]):  # the title, the sections and the tables
    ...     def title(self, text: str) -> None: self.out.append(text)
    ...     def metadata(self, items: list[tuple[str, str, str]]) -> None: pass
    ...     def paragraph(self, text: str) -> None: pass
    ...     def heading(self, block: Heading, text: str) -> None:
    ...         if block.level == 1: self.out.append(text)
    ...     def table(self, block: TableBlock) -> None: self.out.append(block.table.number)
    ...     def signature(self, agency: str, date: _dt.date | None) -> None: pass
    >>> report = examples.load("jianghe-2021")
    >>> print(*Outline(context(report, "zh_CN", None)).render(report)[:4], sep="\\n")
    江河市自然资源和规划局2021年政府信息公开工作年度报告
    一、总体情况
    二、主动公开政府信息情况
    二
    """

    mode: ClassVar[Mode] = "official"

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.out: list[T] = []

    def render(self, report: Report) -> list[T]:
        """The pieces of ``report``'s output, every block visited in reading order."""
        ctx = self.ctx
        for block in blocks(ctx, report, self.mode):
            if isinstance(block, Title):
                self.title(block.text)
            elif isinstance(block, MetadataBlock):
                self.metadata(metadata_items(ctx, block))
            elif isinstance(block, Paragraph):
                self.paragraph(block.text)
            elif isinstance(block, Heading):
                self.heading(block, heading_text(ctx, block))
            elif isinstance(block, TableBlock):
                self.table(block)
            elif isinstance(block, SignatureBlock):
                self.signature(block.agency, block.date)
            else:  # pragma: no cover - every kind of block is handled above
                assert_never(block)
        self.finish()
        return self.out

    def date_text(self, date: _dt.date) -> str:
        """A date as the locale writes it (:func:`date_text`)."""
        return date_text(self.ctx, date)

    @abc.abstractmethod
    def title(self, text: str) -> None:
        """The report's title."""

    @abc.abstractmethod
    def metadata(self, items: list[tuple[str, str, str]]) -> None:
        """The web page's metadata block: (attribute, label, printed value) of each field."""

    @abc.abstractmethod
    def paragraph(self, text: str) -> None:
        """A paragraph of the report, as stated."""

    @abc.abstractmethod
    def heading(self, block: Heading, text: str) -> None:
        """A heading; ``text`` is its ordinal and title as printed (:func:`heading_text`)."""

    @abc.abstractmethod
    def table(self, block: TableBlock) -> None:
        """A table of the edition, with its grid."""

    @abc.abstractmethod
    def signature(self, agency: str, date: _dt.date | None) -> None:
        """The signature: the agency, and the date if the report states one."""

    def finish(self) -> None:
        """Close what the blocks left open (nothing, unless a format says otherwise)."""


# --------------------------------------------------------------------------- cells


def format_value(ctx: Context, kind: str, value: Any, unit: MoneyUnit | None = None) -> str:
    """A table figure as the official form prints it ("" for a blank cell)."""
    if value is None:
        return ""
    if kind == "count":
        return str(value)  # tables print counts as plain digits, in every locale
    if kind == "signed":
        return fmt.format_signed(value, locale=ctx.locale)
    if kind == "amount":
        assert isinstance(value, Amount)
        return fmt.format_amount(
            value, locale=ctx.locale, grouping=ctx.options.grouping, unit=False
        )
    assert isinstance(value, Decimal)
    number = fmt.format_number(value, locale=ctx.locale, grouping=ctx.options.grouping)
    if unit is None:
        return number
    return fmt.format_amount(Amount(value, unit), locale=ctx.locale, grouping=ctx.options.grouping)


def cell_text(ctx: Context, cell: GridCell) -> str:
    """The printed figure of a data cell of a document grid ("" for a blank cell)."""
    unit = None if cell.unit is None else MoneyUnit(cell.unit)
    return format_value(ctx, cell.kind or "count", cell.value, unit)


def figure_text(ctx: Context, cell: CellLayout, table: Any) -> str:
    """The printed figure of one layout cell of ``table`` (a table object of the model)."""
    unit = cell.unit_of(table) if cell.unit_from is not None else None
    return format_value(
        ctx, cell.kind, cell.get_from_table(table), None if unit is None else MoneyUnit(unit)
    )


def printed(ctx: Context, grid: Grid) -> Grid:
    """``grid`` with the text of every figure and label printed as the official form prints
    it: figures formatted, the layout's labels in their printed form (:meth:`Context.printed`);
    the labels of a report's own extra rows stay as the report states them."""
    grid = printed_labels(grid, ctx.zh and ctx.options.fullwidth)
    cells = tuple(
        attrs.evolve(c, text=cell_text(ctx, c)) if c.role == "data" else c for c in grid.cells
    )
    return attrs.evolve(grid, cells=cells)


def printed_labels(grid: Grid, fullwidth: bool) -> Grid:
    """``grid`` with the layout's labels in their printed form
    (:func:`~govdisclosure.layout.printed_label`) when ``fullwidth``; the labels of a report's
    own extra rows are left as stated."""
    if not fullwidth:
        return grid
    own = {c.row for c in grid.cells if c.path is not None and ".extra_rows[" in c.path}

    def label(c: GridCell) -> GridCell:
        if c.role == "data" or (c.role == "rowhead" and c.row in own):
            return c
        text = printed_label(c.text)
        return c if text == c.text else attrs.evolve(c, text=text)

    return attrs.evolve(grid, cells=tuple(label(c) for c in grid.cells))
