"""The report as HTML: a standalone document suited to print, or a fragment for a CMS page.

The report is an ``<article class="gd-report">`` (the fragment): ``<h1>`` title, the metadata
block as a ``<dl>``, the preamble, a ``<section>`` per section with ``<h2>`` (``<h3>`` … for
sub-sections), and a ``<footer>`` with the signature. Standalone mode wraps it in a document
(``<!doctype html>``, ``lang``, UTF-8, a small embedded stylesheet for screen and A4 print).
Everything the report states is escaped.

Tables 二/三/四 are laid out as the official forms print them (see
:mod:`govdisclosure.rendering._grid`): spanning header rows, the corner note in the top-left
cell, group labels spanning their rows. Markup is semantic: ``<thead>`` for the column
headers, a ``<tbody>`` per row group (each block of 表二), ``<th scope>`` for every label
(``col``/``colgroup``, ``row``/``rowgroup``), and on every figure ``headers`` naming its label
cells. Figures carry ``data-path``, the JSON path of the cell in the report's
:func:`~govdisclosure.to_dict` form, so that scripts and tests can find them:

>>> from govdisclosure import examples
>>> page = render(examples.load("jianghe-2021"))
>>> page[:15], 'lang="zh-CN"' in page
('<!doctype html>', True)
>>> cell = page.index('data-path="$.requests.new.natural_person"')
>>> page[page.rindex("<td", 0, cell):page.index("</td>", cell) + 5]
'<td data-path="$.requests.new.natural_person" headers="gd-t3-h1 gd-t3-h2 gd-t3-h10">34</td>'
"""

from __future__ import annotations

import datetime as _dt
import functools
from html import escape as _escape

from govdisclosure.document import build_grid
from govdisclosure.layout import layout_of
from govdisclosure.model import Edition, Report
from govdisclosure.rendering._common import (
    BlockRenderer,
    Context,
    Grid,
    GridCell,
    Heading,
    RenderOptions,
    TableBlock,
    cell_text,
    context,
    printed,
    printed_labels,
)

__all__ = ["STYLESHEET", "render"]

STYLESHEET = """\
.gd-report{font-family:"Songti SC","SimSun","Noto Serif CJK SC","Source Han Serif SC",serif;
 font-size:12pt;line-height:1.7;color:#000;max-width:46em;margin:0 auto;padding:1em}
.gd-report h1{font-size:18pt;text-align:center;font-weight:bold;margin:0 0 1em}
.gd-report h2{font-size:14pt;margin:1.2em 0 .4em}
.gd-report h3,.gd-report h4{font-size:12pt;margin:.8em 0 .3em}
.gd-report p{text-indent:2em;margin:0 0 .4em}
.gd-report .gd-metadata{display:grid;grid-template-columns:auto 1fr;gap:0 1em;
 font-size:10.5pt;margin:0 0 1.5em;padding:.5em 1em;border:1px solid #999}
.gd-report .gd-metadata dt{font-weight:bold}
.gd-report .gd-metadata dd{margin:0}
.gd-report table{border-collapse:collapse;width:100%;margin:.6em 0 1em;font-size:10.5pt;
 line-height:1.4;page-break-inside:auto}
.gd-report th,.gd-report td{border:1px solid #000;padding:.25em .4em;vertical-align:middle}
.gd-report th{font-weight:normal;text-align:center}
.gd-report th[scope=row],.gd-report th[scope=rowgroup]{text-align:left}
.gd-report td{text-align:center;font-variant-numeric:tabular-nums}
.gd-report td.gd-corner{text-align:left;font-size:9pt}
.gd-report tr{page-break-inside:avoid}
.gd-report .gd-signature{text-align:right;margin-top:2em}
.gd-report .gd-signature p{text-indent:0;margin:0}
@page{size:A4;margin:2cm 2.2cm}
@media print{.gd-report{max-width:none;padding:0}.gd-report h2{page-break-after:avoid}}
"""


def _esc(text: str) -> str:
    return _escape(text, quote=True)


def _text(text: str) -> str:
    """Escaped text; a line break within a paragraph becomes ``<br>``."""
    return "<br>\n".join(_esc(line) for line in text.split("\n"))


def _scope(cell: GridCell, grid: Grid) -> str:
    if cell.role == "colhead":
        return "col" if cell.colspan == 1 else "colgroup"
    if cell.role == "block":
        return "rowgroup"
    if cell.rowspan > 1 and (cell.row, cell.row + cell.rowspan) in grid.bodies:
        return "rowgroup"
    return "row"


def _headers(grid: Grid, ids: dict[int, str]) -> dict[int, str]:
    """For each figure, the ids of the label cells above it and to its left."""
    labels = [(i, c) for i, c in enumerate(grid.cells) if c.role in ("colhead", "rowhead", "block")]
    bodies = grid.bodies
    out: dict[int, str] = {}
    for i, cell in enumerate(grid.cells):
        if cell.role != "data":
            continue
        body = next((b for b in bodies if b[0] <= cell.row < b[1]), (0, grid.rows))
        found = []
        for j, h in labels:
            col_cover = h.col < cell.col + cell.colspan and cell.col < h.col + h.colspan
            row_cover = h.row <= cell.row < h.row + h.rowspan
            above = h.row + h.rowspan <= cell.row and col_cover
            # labels above a figure: the head's, and those of its own row group
            left = row_cover and h.col + h.colspan <= cell.col
            if left or (above and (h.row < grid.head or body[0] <= h.row)):
                found.append(ids[j])
        out[i] = " ".join(found)
    return out


_Part = str | int
"""A piece of a table's markup: static text, or the index of the figure that goes there."""


def _parts(grid: Grid, id_prefix: str) -> tuple[list[_Part], list[GridCell]]:
    """The markup of a grid's rows with a slot for every figure, and the figures' cells."""
    prefix = f"{id_prefix}-t{grid.number_en or grid.number}"
    rows = grid.rows_of_cells()
    index = {id(c): i for i, c in enumerate(grid.cells)}
    ids: dict[int, str] = {}
    for row in rows:
        for cell in row:
            if cell.role in ("colhead", "rowhead", "block"):
                ids[index[id(cell)]] = f"{prefix}-h{len(ids) + 1}"
    headers = _headers(grid, ids)
    out: list[_Part] = []
    slots: list[GridCell] = []
    groups: list[tuple[str, int, int]] = []
    if grid.head:
        groups.append(("thead", 0, grid.head))
    groups += [("tbody", start, end) for start, end in grid.bodies]
    for tag, start, end in groups:
        out.append(f"<{tag}>\n")
        for r in range(start, end):
            out.append("<tr>")
            for cell in rows[r]:
                i = index[id(cell)]
                span = ""
                if cell.rowspan > 1:
                    span += f' rowspan="{cell.rowspan}"'
                if cell.colspan > 1:
                    span += f' colspan="{cell.colspan}"'
                if cell.role == "data":
                    out.append(
                        f'<td data-path="{_esc(cell.path or "")}"{span} headers="{headers[i]}">'
                    )
                    out.append(len(slots))
                    slots.append(cell)
                    out.append("</td>")
                elif cell.role == "corner":
                    out.append(f'<td class="gd-corner"{span}>{_esc(cell.text)}</td>')
                else:
                    out.append(
                        f'<th id="{ids[i]}" scope="{_scope(cell, grid)}"{span}>'
                        f"{_esc(cell.text)}</th>"
                    )
            out.append("</tr>\n")
        out.append(f"</{tag}>\n")
    # merge the static runs
    merged: list[_Part] = []
    for part in out:
        if isinstance(part, str) and merged and isinstance(merged[-1], str):
            merged[-1] += part
        else:
            merged.append(part)
    return merged, slots


@functools.lru_cache(maxsize=64)
def _skeleton(
    edition: Edition, number: str, zh: bool, id_prefix: str, fullwidth: bool
) -> tuple[tuple[_Part, ...], tuple[str, ...]]:
    """A table's markup without its figures (they depend on nothing but the language, the
    punctuation and the id prefix), and the JSON path of the figure of each slot."""
    table = layout_of(edition).table(number)
    grid = printed_labels(build_grid(table, None, english=not zh), zh and fullwidth)
    parts, slots = _parts(grid, id_prefix)
    return tuple(parts), tuple(c.path or "" for c in slots)


def _table(ctx: Context, block: TableBlock, labelled_by: str | None) -> str:
    number = block.table.number
    attrs = f' aria-labelledby="{labelled_by}"' if labelled_by else ""
    head = (
        f'<table class="gd-table gd-table-{block.table.number_en}" '
        f'data-table="{_esc(number)}"{attrs}>\n'
    )
    if getattr(block.data, "extra_rows", ()):
        parts, cells = _parts(printed(ctx, block.grid), ctx.options.id_prefix)
        values = [_esc(c.text) for c in cells]
    else:
        static, paths = _skeleton(
            ctx.layout.edition, number, ctx.zh, ctx.options.id_prefix, ctx.options.fullwidth
        )
        parts = list(static)
        figures = {c.path: c for c in block.grid.data_cells()}
        values = []
        for path in paths:
            cell = figures[path]
            if cell.value is None:
                values.append("")
            elif cell.kind == "count":
                values.append(str(cell.value))  # digits: nothing to escape
            else:
                values.append(_esc(cell_text(ctx, cell)))
    body = "".join(values[p] if isinstance(p, int) else p for p in parts)
    return f"{head}{body}</table>"


def _lang(ctx: Context) -> str:
    """The BCP 47 tag of the labels' language: zh-CN (the layouts' simplified Chinese), or
    the locale's language and territory (en, en-GB)."""
    if ctx.zh:
        return "zh-CN"
    return "-".join(p for p in (ctx.locale.language, ctx.locale.territory) if p)


class _Article(BlockRenderer[str]):
    """The lines of the ``<article>``: a ``<section>`` per heading, closed when a heading of
    its level or above, the signature or the end comes."""

    def __init__(self, ctx: Context, report: Report) -> None:
        super().__init__(ctx)
        self.verbatim = "" if ctx.zh else ' lang="zh-CN"'
        self.open_sections: list[int] = []
        self.last_heading: str | None = None
        self.out.append(
            f'<article class="gd-report" lang="{_esc(_lang(ctx))}" '
            f'data-edition="{_esc(report.edition.value)}">'
        )

    def close_sections(self, level: int = 0) -> None:
        while self.open_sections and self.open_sections[-1] >= level:
            self.open_sections.pop()
            self.out.append("</section>")

    def heading(self, block: Heading, text: str) -> None:
        self.close_sections(block.level)
        hid = f"{self.ctx.options.id_prefix}-s" + "-".join(str(n) for n in block.path)
        level = min(block.level + 1, 6)
        lang = "" if self.ctx.zh or block.translated else ' lang="zh-CN"'
        self.out.append(f'<section aria-labelledby="{hid}">')
        self.out.append(f'<h{level} id="{hid}"{lang}>{_esc(text)}</h{level}>')
        self.open_sections.append(block.level)
        self.last_heading = hid

    def title(self, text: str) -> None:
        self.out.append(f'<h1 class="gd-title"{self.verbatim}>{_esc(text)}</h1>')

    def metadata(self, items: list[tuple[str, str, str]]) -> None:
        self.out.append('<dl class="gd-metadata">')
        for attribute, label, value in items:
            self.out.append(
                f'<dt data-field="{attribute}">{_esc(label)}</dt>'
                f"<dd{self.verbatim}>{_esc(value)}</dd>"
            )
        self.out.append("</dl>")

    def paragraph(self, text: str) -> None:
        self.out.append(f"<p{self.verbatim}>{_text(text)}</p>")

    def table(self, block: TableBlock) -> None:
        self.out.append(_table(self.ctx, block, self.last_heading))

    def signature(self, agency: str, date: _dt.date | None) -> None:
        self.close_sections()
        self.out.append('<footer class="gd-signature">')
        self.out.append(f'<p class="gd-agency"{self.verbatim}>{_esc(agency)}</p>')
        if date is not None:
            iso, text = date.isoformat(), _esc(self.date_text(date))
            self.out.append(f'<p><time datetime="{iso}">{text}</time></p>')
        self.out.append("</footer>")

    def finish(self) -> None:
        self.close_sections()
        self.out.append("</article>")


def render(report: Report, *, locale: str = "zh_CN", options: RenderOptions | None = None) -> str:
    """The report as an HTML document, or a fragment with ``RenderOptions(standalone=False)``.

    >>> from govdisclosure import examples
    >>> from govdisclosure.rendering import RenderOptions
    >>> fragment = render(examples.load("xianning-2015"), options=RenderOptions(standalone=False))
    >>> print(fragment.splitlines()[1])
    <h1 class="gd-title">咸宁市民政局2015年政府信息公开工作年度报告</h1>
    """
    ctx = context(report, locale, options)
    article = "\n".join(_Article(ctx, report).render(report))
    if not ctx.options.standalone:
        return article + "\n"
    lang = _lang(ctx)
    css = STYLESHEET if ctx.options.stylesheet is None else ctx.options.stylesheet
    css = css.replace("</", "<\\/")  # "</style>" inside would end the element
    return (
        "<!doctype html>\n"
        f'<html lang="{_esc(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_esc(report.title)}</title>\n"
        f"<style>\n{css}</style>\n</head>\n<body>\n"
        f"{article}\n</body>\n</html>\n"
    )
