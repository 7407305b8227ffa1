"""What every format shares: the options, the document, and the printing of each figure.

A renderer walks the blocks of the report's :class:`~govdisclosure.document.Document` (title,
metadata, paragraphs, headings, tables, signature, in reading order) and prints each block its
own way; the tables come as a :class:`~govdisclosure.document.Grid`, whose figures
:func:`printed` turns into text with :mod:`govdisclosure.fmt`.
"""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from typing import Any

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
from govdisclosure.layout import CellLayout, EditionLayout, layout_of
from govdisclosure.model import Report
from govdisclosure.money import Amount, MoneyUnit
from govdisclosure.rendering._options import RenderOptions

__all__ = [
    "Block",
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
        """The Chinese or English form, as the locale asks."""
        return zh if self.zh else en

    def labels(self, zh: tuple[str, ...], en: tuple[str, ...]) -> tuple[str, ...]:
        """A label path in the locale's language."""
        return zh if self.zh else en

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
    """Ordinal and title as printed: ``一、总体情况``, ``(一)主动公开``, ``I. Overview``."""
    ordinal = fmt.format_ordinal(
        heading.ordinal, level=heading.level, locale=ctx.locale, fullwidth=ctx.options.fullwidth
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
    """``grid`` with the text of every figure printed as the official form prints it."""
    cells = tuple(
        attrs.evolve(c, text=cell_text(ctx, c)) if c.role == "data" else c for c in grid.cells
    )
    return attrs.evolve(grid, cells=cells)
