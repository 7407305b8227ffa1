"""What every format shares: the options, the document as a sequence of blocks, and the
formatting of each table cell.

A renderer walks :func:`blocks` (title, metadata, paragraphs, headings, tables, signature, in
reading order) and prints each block its own way; the tables come as a :class:`~._grid.Grid`.
"""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Iterator
from decimal import Decimal
from typing import Any, Literal

import attrs
from babel import Locale

from govdisclosure import fmt
from govdisclosure._l10n import METADATA_FIELDS
from govdisclosure.layout import (
    CellLayout,
    EditionLayout,
    SectionLayout,
    TableLayout,
    label_key,
    layout_of,
)
from govdisclosure.model import Edition, Report, Section
from govdisclosure.money import Amount, MoneyUnit
from govdisclosure.rendering._options import RenderOptions

__all__ = [
    "Block",
    "Context",
    "Heading",
    "MetadataBlock",
    "Paragraph",
    "RenderOptions",
    "SignatureBlock",
    "TableBlock",
    "Title",
    "blocks",
    "context",
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


@attrs.frozen
class Title:
    text: str


@attrs.frozen
class MetadataBlock:
    items: tuple[tuple[str, str, str], ...]
    """(attribute, label, value)"""


@attrs.frozen
class Paragraph:
    text: str
    verbatim: bool = True
    """Text as the report states it (Chinese whatever the locale)."""


@attrs.frozen
class Heading:
    level: int
    """1 for "一、", 2 for "(一)", …"""
    path: tuple[int, ...]
    ordinal: str
    title: str
    translated: bool
    """Whether ``title`` is the layout's English heading (else the report's own words)."""
    text: str
    """Ordinal and title as printed: ``一、总体情况``, ``I. Overview``."""


@attrs.frozen
class TableBlock:
    table: TableLayout
    data: Any
    """The table object (``report.active`` …)."""


@attrs.frozen
class SignatureBlock:
    agency: str
    date: str | None
    iso_date: str | None


Block = Title | MetadataBlock | Paragraph | Heading | TableBlock | SignatureBlock


@functools.cache
def _section_index(edition: Edition) -> dict[str, SectionLayout]:
    index: dict[str, SectionLayout] = {}
    for s in layout_of(edition).sections:
        for name in (s.title, *s.aliases):
            index.setdefault(label_key(name), s)
    return index


def _heading(ctx: Context, path: tuple[int, ...], section: Section) -> Heading:
    level = len(path)
    ordinal = fmt.format_ordinal(
        section.ordinal, level=level, locale=ctx.locale, fullwidth=ctx.options.fullwidth
    )
    title, translated = section.title, False
    if not ctx.zh and level == 1:
        known = _section_index(ctx.layout.edition).get(label_key(section.title))
        if known is not None:
            title, translated = known.en, True
    text = f"{ordinal}{title}" if ctx.zh else f"{ordinal} {title}"
    return Heading(level, path, ordinal, title, translated, text)


def _metadata(ctx: Context, report: Report) -> MetadataBlock | None:
    md = report.metadata
    if md is None or not ctx.options.metadata:
        return None
    items = []
    for attribute, zh, en in METADATA_FIELDS:
        value = getattr(md, attribute)
        if value is None:
            continue
        text = fmt.format_date(value, locale=ctx.locale) if isinstance(value, _dt.date) else value
        items.append((attribute, ctx.label(zh, en), text))
    return MetadataBlock(tuple(items)) if items else None


def _tables_by_section(ctx: Context, report: Report) -> dict[int, list[TableBlock]]:
    placed: dict[int, list[TableBlock]] = {}
    ordinals = {s.table: s.ordinal for s in ctx.layout.sections if s.table}
    for table in ctx.layout.tables:
        data = getattr(report, table.attribute)
        if data is not None:
            placed.setdefault(ordinals.get(table.number, 0), []).append(TableBlock(table, data))
    return placed


def _section_blocks(
    ctx: Context,
    sections: tuple[Section, ...],
    prefix: tuple[int, ...],
    tables: dict[int, list[TableBlock]],
) -> Iterator[Block]:
    for section in sections:
        path = (*prefix, section.ordinal)
        yield _heading(ctx, path, section)
        for paragraph in section.paragraphs:
            yield Paragraph(paragraph)
        if not prefix:
            yield from tables.pop(section.ordinal, ())
        yield from _section_blocks(ctx, section.subsections, path, tables)


def blocks(ctx: Context, report: Report) -> list[Block]:
    """The report in reading order: title, metadata, preamble, sections (each table in the
    section the edition prints it in, after the section's paragraphs), signature.

    A table whose section the report lacks follows the last section.
    """
    out: list[Block] = [Title(report.title)]
    md = _metadata(ctx, report)
    if md is not None:
        out.append(md)
    out.extend(Paragraph(p) for p in report.preamble)
    tables = _tables_by_section(ctx, report)
    out.extend(_section_blocks(ctx, report.sections, (), tables))
    for rest in tables.values():
        out.extend(rest)
    sig = report.signature
    if sig is not None:
        date = None if sig.date is None else fmt.format_date(sig.date, locale=ctx.locale)
        iso = None if sig.date is None else sig.date.isoformat()
        out.append(SignatureBlock(sig.agency, date, iso))
    return out


# --------------------------------------------------------------------------- cells

CellKind = Literal["count", "signed", "amount", "decimal"]


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


def cell_text(ctx: Context, cell: CellLayout, table: Any) -> str:
    """The printed figure of one layout cell of ``table``."""
    unit = table.procurement.amount_unit if cell.kind == "decimal" else None
    return format_value(ctx, cell.kind, cell.get_from_table(table), unit)
