"""The report as a PDF in the official 公文 layout, through WeasyPrint.

The PDF is the HTML rendering (:mod:`govdisclosure.rendering.html`) typeset with a print
stylesheet of the page GB/T 9704-2012 sets (:mod:`govdisclosure.rendering._gongwen`): A4,
margins 37/35/28/26 mm, 22 lines of 28 characters of 3号 text, the title in 2号 小标宋, headings
in 黑体 and 楷体, the page number in 4号 宋体 as ``— 1 —`` at the foot (odd pages to the right,
even pages to the left); tables fill the type area's width in 5号 (小5号 for 表四), their header
rows repeated on every page, no row broken over two pages.

Each face is the first of its list the machine has (:data:`~._gongwen.FACES`, then the free
faces of the same look: Noto Serif CJK SC for Song and Fangsong, Noto Sans CJK SC for Hei, AR
PL UKai for Kai), or the one family named with ``font=``. The fonts are embedded, subsetted to
the characters used, and the text is extractable in reading order. No CJK font on the machine
is a :class:`~._gongwen.FontNotFoundError`, never a page of boxes. The same report and fonts
give the same bytes.

>>> from govdisclosure import examples
>>> data = render(examples.load("jianghe-2021"))
>>> data[:8], data == render(examples.load("jianghe-2021"))
(b'%PDF-1.7', True)
"""

from __future__ import annotations

import re
from html import escape

import attrs

from govdisclosure.document import layout_document
from govdisclosure.model import Report
from govdisclosure.rendering import html
from govdisclosure.rendering._common import RenderOptions, context, printed
from govdisclosure.rendering._gongwen import PAGE, Role, column_widths, require, resolve_faces

__all__ = ["render", "stylesheet"]


def _family(faces: tuple[str, ...]) -> str:
    return ", ".join('"' + f.replace("\\", "\\\\").replace('"', '\\"') + '"' for f in faces)


def stylesheet(faces: dict[Role, tuple[str, ...]]) -> str:
    """The print stylesheet of the 公文 page, with the families of each part.

    >>> css = stylesheet(dict.fromkeys(("title", "body", "heading1", "heading2",
    ...                                 "page_number"), ("Noto Serif CJK SC",)))
    >>> print(css.splitlines()[0])
    @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
    """
    p = PAGE
    number = (
        f'content: "— " counter(page) " —"; font-family: {_family(faces["page_number"])}; '
        f"font-size: {p.page_number_pt}pt; line-height: 1; vertical-align: top; "
        f"padding-top: {p.page_number_gap_mm - 2}mm;"
    )
    return f"""\
@page {{ size: A4; margin: {p.top_mm}mm {p.right_mm}mm {p.bottom_mm}mm {p.left_mm}mm; }}
@page :right {{ @bottom-right {{ {number} padding-right: 1em; }} }}
@page :left {{ @bottom-left {{ {number} padding-left: 1em; }} }}
html {{ font-family: {_family(faces["body"])}; font-size: {p.body_pt}pt;
  line-height: {p.line_pitch_pt:.3f}pt; color: #000; }}
body {{ margin: 0; }}
.gd-report {{ letter-spacing: {p.char_pitch_pt - p.body_pt:.3f}pt; }}
.gd-report p {{ margin: 0; text-indent: 2em; text-align: justify; }}
.gd-title {{ font-family: {_family(faces["title"])}; font-size: {p.title_pt}pt; font-weight: normal;
  line-height: {p.title_pt * 1.5}pt; text-align: center; margin: 0 0 {p.line_pitch_pt:.3f}pt;
  letter-spacing: 0; }}
.gd-report h2, .gd-report h3, .gd-report h4, .gd-report h5, .gd-report h6 {{
  font-size: {p.body_pt}pt; font-weight: normal; margin: 0; text-indent: 2em;
  break-after: avoid; }}
.gd-report h2 {{ font-family: {_family(faces["heading1"])}; }}
.gd-report h3 {{ font-family: {_family(faces["heading2"])}; }}
.gd-report h4, .gd-report h5, .gd-report h6 {{ font-weight: bold; }}
.gd-metadata {{ display: grid; grid-template-columns: auto 1fr; margin: 0 0 1em;
  font-size: {p.metadata_pt}pt; line-height: 1.5; letter-spacing: 0; }}
.gd-metadata dt::after {{ content: "："; }}
.gd-metadata dd {{ margin: 0; }}
.gd-report table {{ width: 100%; table-layout: fixed; border-collapse: collapse;
  margin: {p.line_pitch_pt / 4:.3f}pt 0 {p.line_pitch_pt / 2:.3f}pt; font-size: {p.table_pt}pt;
  line-height: 1.35; letter-spacing: 0; }}
.gd-report table.gd-table-4, .gd-report:lang(en) table {{ font-size: {p.wide_table_pt}pt; }}
.gd-report thead {{ display: table-header-group; }}
.gd-report tr {{ break-inside: avoid; }}
.gd-report th, .gd-report td {{ border: 0.75pt solid #000; padding: 2.5pt 2pt;
  font-weight: normal; text-align: center; vertical-align: middle;
  overflow-wrap: anywhere; }}
.gd-report th[scope=row] {{ text-align: left; }}
.gd-report td.gd-corner {{ text-align: left; font-size: {p.table_pt - 1.5}pt; }}
.gd-signature {{ text-align: right; margin-top: {p.line_pitch_pt:.3f}pt;
  padding-right: 2em; }}
.gd-signature p {{ text-indent: 0; text-align: right; }}
"""


_TABLE = re.compile(r'<table class="gd-table gd-table-[^"]*"[^>]*>\n')


def render(
    report: Report,
    *,
    locale: str = "zh_CN",
    options: RenderOptions | None = None,
    font: str | None = None,
) -> bytes:
    """The report as the bytes of a PDF in the official 公文 layout.

    ``font`` names an installed family that covers Chinese to set every part in; by default
    each part gets its 公文 face, or the free face of its look the machine has.

    >>> from govdisclosure import examples
    >>> render(examples.load("jianghe-2021"), font="No Such Song")
    Traceback (most recent call last):
    ...
    govdisclosure.rendering.FontNotFoundError: font 'No Such Song' is not installed ...
    """
    ctx = context(report, locale, options)
    faces = resolve_faces(font)
    weasyprint = require("weasyprint", "pdf")
    fragment = html.render(
        report, locale=locale, options=attrs.evolve(ctx.options, standalone=False)
    )
    # each table's column widths, as the Word rendering sets them
    grids = [printed(ctx, t.grid) for t in layout_document(report, english=not ctx.zh).tables()]
    pieces = _TABLE.split(fragment)
    heads = _TABLE.findall(fragment)
    if len(heads) != len(grids):  # pragma: no cover - the HTML renderer prints every table
        raise AssertionError(f"{len(heads)} tables in the HTML, {len(grids)} in the document")
    out = [pieces[0]]
    for head, grid, rest in zip(heads, grids, pieces[1:], strict=True):
        size = PAGE.table_size(grid, english=not ctx.zh)
        ems = PAGE.type_width_mm / (size * 25.4 / 72)
        widths = column_widths(grid, ems)
        cols = "".join(f'<col style="width:{w / ems * 100:.3f}%">' for w in widths)
        out.append(f"{head}<colgroup>{cols}</colgroup>\n{rest}")
    lang = "zh-CN" if ctx.zh else "en"
    page = (
        f'<!doctype html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(report.title)}</title>\n"
        f'<meta name="author" content="{escape(report.agency or "")}">\n'
        f"<style>\n{stylesheet(faces)}</style>\n</head>\n<body>\n{''.join(out)}</body>\n</html>\n"
    )
    document = weasyprint.HTML(string=page).render()
    data: bytes = document.write_pdf()
    return data
