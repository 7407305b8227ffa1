"""The report as a Word file (``.docx``) in the official 公文 layout, through python-docx.

The page is the one GB/T 9704-2012 sets (:mod:`govdisclosure.rendering._gongwen`): A4, margins
37/35/28/26 mm, 22 lines of 28 characters, the title in 2号 小标宋, the body in 3号 仿宋_GB2312,
headings of the first level in 黑体 and of the second in 楷体, the page number in 4号 宋体 as
``— 1 —`` at the foot (odd pages to the right, even pages to the left). The file names its
fonts (Word files do not carry them); :func:`render`'s ``font`` names another family for every
part.

Each block of the report's document is a paragraph of a named style (``Title``,
``Heading 1``/``2``/``3``, ``Normal``, ``Signature``) and each table a Word table in the
official layout: merged header cells (``gridSpan`` across, ``vMerge`` down), the corner note in
the top-left cell, blank cells blank, figures at their printed precision; header rows repeat on
every page and no row breaks across pages. The same report gives the same bytes.

>>> import io, zipfile
>>> from govdisclosure import examples
>>> data = render(examples.load("jianghe-2021"))
>>> data[:2], data == render(examples.load("jianghe-2021"))
(b'PK', True)
>>> xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
>>> '<w:pgSz w:w="11906" w:h="16838"/>' in xml, xml.count("<w:tblHeader/>")
(True, 6)
"""

from __future__ import annotations

import datetime as _dt
import io
import zipfile
from typing import Any

from govdisclosure.document import GridCell
from govdisclosure.model import Report
from govdisclosure.rendering._common import (
    BlockRenderer,
    Context,
    Heading,
    RenderOptions,
    TableBlock,
    context,
    printed,
)
from govdisclosure.rendering._gongwen import FACES, PAGE, column_widths, require

__all__ = ["render"]

_TWIPS_PER_MM = 1440 / 25.4

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _tw(mm: float) -> int:
    """Millimetres in twentieths of a point."""
    return round(mm * _TWIPS_PER_MM)


class _Builder:
    """Builds the OOXML of one document with python-docx's element factory."""

    def __init__(self, docx: Any, font: str | None) -> None:
        self.docx = docx
        self.oxml = require("docx.oxml", "docx")
        self.qn = require("docx.oxml.ns", "docx").qn
        self.faces = {role: font or faces[0] for role, faces in FACES.items()}

    def el(self, tag: str, children: tuple[Any, ...] = (), /, **attrs: object) -> Any:
        element = self.oxml.OxmlElement(tag)
        for key, value in attrs.items():
            element.set(self.qn("w:" + key.rstrip("_")), str(value))
        for child in children:
            element.append(child)
        return element

    def rpr(self, face: str, size: float, *, bold: bool = False, tracking: int = 0) -> Any:
        """Run properties: ``face`` for Chinese and Latin alike, ``size`` in points,
        ``tracking`` the space added between characters in twips."""
        half = str(round(size * 2))
        children = [
            self.el(
                "w:rFonts",
                ascii=face,
                hAnsi=face,
                eastAsia=face,
                cs=face,
                hint="eastAsia",
            )
        ]
        if bold:
            children.append(self.el("w:b"))
        children += [
            self.el("w:color", val="000000"),
            self.el("w:spacing", val=tracking),
            self.el("w:kern", val="0"),
            self.el("w:sz", val=half),
            self.el("w:szCs", val=half),
        ]
        return self.el("w:rPr", tuple(children))

    def ppr(
        self,
        *,
        jc: str = "both",
        first_line: int = 0,
        right: int = 0,
        left: int = 0,
        line: int | None = None,
        before: int = 0,
        after: int = 0,
        keep_next: bool = False,
        style: str | None = None,
        grid: bool = True,
    ) -> Any:
        children = []
        if style is not None:
            children.append(self.el("w:pStyle", val=style))
        if keep_next:
            children.append(self.el("w:keepNext"))
        if not grid:
            children.append(self.el("w:snapToGrid", val="0"))
        spacing: dict[str, object] = {"before": before, "after": after}
        if line is None:
            spacing.update(line=240, lineRule="auto")
        else:
            spacing.update(line=line, lineRule="exact")
        children.append(self.el("w:spacing", **spacing))
        ind: dict[str, object] = {"left": left, "right": right, "firstLine": first_line}
        children.append(self.el("w:ind", **ind))
        children.append(self.el("w:jc", val=jc))
        return self.el("w:pPr", tuple(children))

    def styled(self, style: str) -> Any:
        """Paragraph properties that name a style and nothing else."""
        return self.el("w:pPr", (self.el("w:pStyle", val=style),))

    def run(self, text: str, rpr: Any | None = None) -> Any:
        """A run of ``text``; a line break within it becomes ``<w:br/>``."""
        children = [] if rpr is None else [rpr]
        for i, line in enumerate(text.split("\n")):
            if i:
                children.append(self.el("w:br"))
            t = self.el("w:t")
            t.text = line
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            children.append(t)
        return self.el("w:r", tuple(children))

    def paragraph(self, text: str, ppr: Any, rpr: Any | None = None) -> Any:
        runs = (self.run(text, rpr),) if text else ()
        return self.el("w:p", (ppr, *runs))


# --------------------------------------------------------------------------- styles


_LINE = round(PAGE.line_pitch_pt * 20) - 1  # exact line pitch in twips; 22 lines fit
_CHAR = round(PAGE.body_pt * 20)  # one character of body text, in twips
# 28 characters a line: 3号 characters drawn 0.2 pt closer than their 16 pt
_TRACKING = int((PAGE.char_pitch_pt - PAGE.body_pt) * 20)


def _style(b: _Builder, styles: Any, name: str, ppr: Any, rpr: Any) -> None:
    """Give the style ``name`` of the template exactly these paragraph and run properties."""
    style = styles[name].element
    for old in style.findall(b.qn("w:pPr")) + style.findall(b.qn("w:rPr")):
        style.remove(old)
    for tag in ("w:link", "w:rsid", "w:uiPriority"):
        for old in style.findall(b.qn(tag)):
            style.remove(old)
    style.append(ppr)
    style.append(rpr)


def _styles(b: _Builder, doc: Any, zh: bool) -> None:
    """The styles of the 公文: the template's Normal, Title, Heading 1-3 and Footer redefined,
    and Signature, Metadata and Table Text added."""
    styles = doc.styles
    faces = b.faces
    # the defaults: the body's face and size, no space after paragraphs, the language
    defaults = styles.element.find(b.qn("w:docDefaults"))
    rpr = b.rpr(faces["body"], PAGE.body_pt)
    lang = "zh-CN" if zh else "en-US"
    rpr.append(b.el("w:lang", val=lang, eastAsia="zh-CN", bidi="ar-SA"))
    for tag, props in (("w:rPrDefault", rpr), ("w:pPrDefault", b.ppr())):
        holder = defaults.find(b.qn(tag))
        holder.clear()
        holder.append(props)
    for name in ("Signature", "Metadata", "Table Text"):
        added = styles.add_style(name, 1)  # WD_STYLE_TYPE.PARAGRAPH
        added.base_style = styles["Normal"]
    body, size, line = faces["body"], PAGE.body_pt, _LINE
    title_line = round(PAGE.title_pt * 1.5 * 20)
    defined: tuple[tuple[str, Any, Any], ...] = (
        ("Normal", b.ppr(first_line=2 * _CHAR, line=line), b.rpr(body, size, tracking=_TRACKING)),
        (
            "Title",
            b.ppr(jc="center", line=title_line, after=line, grid=False),
            b.rpr(faces["title"], PAGE.title_pt),
        ),
        (
            "Heading 1",
            b.ppr(keep_next=True, line=line, first_line=2 * _CHAR),
            b.rpr(faces["heading1"], size, tracking=_TRACKING),
        ),
        (
            "Heading 2",
            b.ppr(keep_next=True, line=line, first_line=2 * _CHAR),
            b.rpr(faces["heading2"], size, tracking=_TRACKING),
        ),
        (
            "Heading 3",
            b.ppr(keep_next=True, line=line, first_line=2 * _CHAR),
            b.rpr(body, size, bold=True, tracking=_TRACKING),
        ),
        (
            "Footer",
            b.ppr(jc="right", grid=False),
            b.rpr(faces["page_number"], PAGE.page_number_pt),
        ),
        (
            "Signature",
            b.ppr(jc="right", right=2 * _CHAR, line=line),
            b.rpr(body, size, tracking=_TRACKING),
        ),
        ("Metadata", b.ppr(jc="left", grid=False), b.rpr(body, PAGE.metadata_pt)),
        ("Table Text", b.ppr(jc="center", grid=False), b.rpr(body, PAGE.table_pt)),
    )
    for name, ppr, run in defined:
        _style(b, styles, name, ppr, run)


# --------------------------------------------------------------------------- fonts

# What a Word file says of each face it names, so that a machine without it substitutes one of
# the same kind: the next face of its list (w:altName), GB2312 (charset 86), Roman (serif) or
# Modern (sans), and the PANOSE class of SimSun/SimHei.
_PANOSE = {"heading1": "02010609060101010101"}
_SERIF_PANOSE = "02010600030101010101"


def _font_table(b: _Builder, doc: Any) -> None:
    entries = []
    for role, face in b.faces.items():
        faces = FACES[role]
        alt = faces[1] if face == faces[0] and len(faces) > 1 else None
        children = []
        if alt is not None:
            children.append(b.el("w:altName", val=alt))
        children += [
            b.el("w:panose1", val=_PANOSE.get(role, _SERIF_PANOSE)),
            b.el("w:charset", val="86"),
            b.el("w:family", val="modern" if role == "heading1" else "roman"),
            b.el("w:pitch", val="variable"),
        ]
        entries.append((face, children))
    for part in doc.part.package.iter_parts():
        if str(part.partname) == "/word/fontTable.xml":
            table = require("docx.oxml", "docx").parse_xml(part.blob)
            known = {f.get(b.qn("w:name")) for f in table}
            for face, children in entries:
                if face not in known:
                    known.add(face)
                    table.append(b.el("w:font", tuple(children), name=face))
            part._blob = require("lxml.etree", "docx").tostring(
                table, xml_declaration=True, encoding="UTF-8", standalone=True
            )


# --------------------------------------------------------------------------- page


def _page(b: _Builder, doc: Any) -> None:
    """A4, the 公文 margins and grid, page numbers — 1 — at the foot (odd right, even left)."""
    section = doc.sections[0]
    sect = section._sectPr
    for tag in ("w:pgSz", "w:pgMar", "w:cols", "w:docGrid"):
        for old in sect.findall(b.qn(tag)):
            sect.remove(old)
    # the page number's dashes 7 mm under the type area: its line's top
    number_height = PAGE.page_number_pt * 25.4 / 72
    footer_mm = PAGE.bottom_mm - PAGE.page_number_gap_mm - number_height
    sect.append(b.el("w:pgSz", w=_tw(PAGE.width_mm), h=_tw(PAGE.height_mm)))
    sect.append(
        b.el(
            "w:pgMar",
            top=_tw(PAGE.top_mm),
            right=_tw(PAGE.right_mm),
            bottom=_tw(PAGE.bottom_mm),
            left=_tw(PAGE.left_mm),
            header=_tw(15),
            footer=_tw(footer_mm),
            gutter=0,
        )
    )
    sect.append(b.el("w:cols", space=425))
    sect.append(b.el("w:docGrid", type="lines", linePitch=_LINE))
    doc.settings.odd_and_even_pages_header_footer = True
    one = round(PAGE.page_number_pt * 20)  # 空一字
    sides: tuple[tuple[Any, str, dict[str, Any]], ...] = (
        (section.footer, "right", {"right": one}),
        (section.even_page_footer, "left", {"left": one}),
    )
    for footer, jc, side in sides:
        footer.is_linked_to_previous = False
        p = footer._element
        for old in list(p):
            p.remove(old)
        rpr = b.rpr(b.faces["page_number"], PAGE.page_number_pt)
        field = b.el("w:fldSimple", (b.run("1", rpr),), instr=" PAGE ")
        p.append(
            b.el(
                "w:p",
                (
                    b.ppr(jc=jc, style="Footer", grid=False, **side),
                    b.run("— ", b.rpr(b.faces["page_number"], PAGE.page_number_pt)),
                    field,
                    b.run(" —", b.rpr(b.faces["page_number"], PAGE.page_number_pt)),
                ),
            )
        )


# --------------------------------------------------------------------------- tables


def _borders(b: _Builder, tag: str, sides: tuple[str, ...]) -> Any:
    return b.el(
        tag,
        tuple(b.el(f"w:{s}", val="single", sz=4, space=0, color="000000") for s in sides),
    )


def _table_properties(b: _Builder, width: int) -> Any:
    """A table across the type area, ruled in black, columns of fixed width."""
    sides = ("top", "left", "bottom", "right", "insideH", "insideV")
    margins = tuple(
        b.el(f"w:{side}", w=w, type="dxa")
        for side, w in (("top", 28), ("left", 57), ("bottom", 28), ("right", 57))
    )
    return b.el(
        "w:tblPr",
        (
            b.el("w:tblW", w=width, type="dxa"),
            b.el("w:jc", val="center"),
            _borders(b, "w:tblBorders", sides),
            b.el("w:tblLayout", type="fixed"),
            b.el("w:tblCellMar", margins),
            b.el("w:tblLook", val="0000", firstRow=0, lastRow=0, firstColumn=0, lastColumn=0),
        ),
    )


def _cell(b: _Builder, cell: GridCell, row: int, width: int, size: float) -> Any:
    """The ``<w:tc>`` of ``cell`` in ``row``: its origin, or a place it covers (empty, merged
    from above with ``vMerge``)."""
    tcpr = [b.el("w:tcW", w=width, type="dxa")]
    if cell.colspan > 1:
        tcpr.append(b.el("w:gridSpan", val=cell.colspan))
    if cell.rowspan > 1:
        tcpr.append(b.el("w:vMerge", val="restart") if cell.row == row else b.el("w:vMerge"))
    tcpr.append(b.el("w:vAlign", val="center"))
    jc = "center"
    if cell.role == "rowhead" and cell.rowspan == 1:
        jc = "left"
    elif cell.role == "corner":
        jc, size = "left", size - 1.5
    indent: dict[str, Any] = {"left": round(cell.indent * size * 20)} if cell.indent else {}
    para = b.paragraph(
        cell.text if cell.row == row else "",
        b.ppr(jc=jc, style="TableText", grid=False, **indent),
        b.rpr(b.faces["body"], size),
    )
    return b.el("w:tc", (b.el("w:tcPr", tuple(tcpr)), para))


def _table(b: _Builder, ctx: Context, block: TableBlock) -> Any:
    """A table of the edition as the official form prints it."""
    grid = printed(ctx, block.grid)
    size = PAGE.table_size(grid, english=not ctx.zh)
    width = _tw(PAGE.type_width_mm)
    em = round(size * 20)
    widths = [round(w * em) for w in column_widths(grid, width / em)]
    widths[-1] += width - sum(widths)
    tblgrid = b.el("w:tblGrid", tuple(b.el("w:gridCol", w=w) for w in widths))
    cover: dict[tuple[int, int], GridCell] = {}
    for cell in grid.cells:
        for r in range(cell.row, cell.row + cell.rowspan):
            for c in range(cell.col, cell.col + cell.colspan):
                cover[r, c] = cell
    rows = []
    for r in range(grid.rows):
        # rows at least 6.5 mm high, as the forms print them; none broken over two pages
        trpr = [b.el("w:cantSplit"), b.el("w:trHeight", val=_tw(6.5), hRule="atLeast")]
        if r < grid.head:
            trpr.append(b.el("w:tblHeader"))  # repeated at the top of every page
        tcs = []
        c = 0
        while c < grid.cols:
            cell = cover[r, c]  # a grid covers every place
            tcs.append(_cell(b, cell, r, sum(widths[c : c + cell.colspan]), size))
            c += cell.colspan
        rows.append(b.el("w:tr", (b.el("w:trPr", tuple(trpr)), *tcs)))
    return b.el("w:tbl", (_table_properties(b, width), tblgrid, *rows))


# --------------------------------------------------------------------------- the document


class _Body(BlockRenderer[Any]):
    """The paragraphs and tables of the document's body, each block in its named style."""

    def __init__(self, ctx: Context, b: _Builder) -> None:
        super().__init__(ctx)
        self.b = b

    def styled(self, text: str, style: str) -> None:
        self.out.append(self.b.paragraph(text, self.b.styled(style)))

    def title(self, text: str) -> None:
        self.styled(text, "Title")

    def metadata(self, items: list[tuple[str, str, str]]) -> None:
        sep = "：" if self.ctx.zh else ": "
        for _, label, value in items:
            self.styled(f"{label}{sep}{value}", "Metadata")
        self.styled("", "Metadata")

    def heading(self, block: Heading, text: str) -> None:
        self.styled(text, f"Heading{min(block.level, 3)}")

    def paragraph(self, text: str) -> None:
        self.styled(text, "Normal")

    def table(self, block: TableBlock) -> None:
        b = self.b
        self.out.append(_table(b, self.ctx, block))
        # Word needs a paragraph between two tables; it also spaces the table from the text
        self.out.append(b.paragraph("", b.ppr(style="Normal", line=_LINE // 2)))

    def signature(self, agency: str, date: _dt.date | None) -> None:
        self.styled("", "Signature")
        self.styled(agency, "Signature")
        if date is not None:
            self.styled(self.date_text(date), "Signature")


def _body(b: _Builder, ctx: Context, report: Report, doc: Any) -> None:
    body = doc.element.body
    sect = body[-1]  # the section's properties stay last
    out = _Body(ctx, b).render(report)
    for element in list(body):
        if element is not sect:
            body.remove(element)
    for element in out:
        sect.addprevious(element)


def _stamp(report: Report) -> _dt.datetime:
    """The date the file says it was made: the report's own date, so the same report gives the
    same bytes (its signing date, else its publication date, else the end of its year, else
    a fixed day for a report that states no year)."""
    day = None
    if report.signature is not None and report.signature.date is not None:
        day = report.signature.date
    if day is None:
        day = _dt.date(report.year if report.year is not None else 2000, 12, 31)
    return _dt.datetime(day.year, day.month, day.day, tzinfo=_dt.UTC)


def _fixed_zip(data: bytes) -> bytes:
    """The package with every member's time fixed (1980-01-01), in the order written."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


def render(
    report: Report,
    *,
    locale: str = "zh_CN",
    options: RenderOptions | None = None,
    font: str | None = None,
) -> bytes:
    """The report as the bytes of a Word file (``.docx``) in the official 公文 layout.

    ``font`` names a family to set every part in instead of the 公文 faces (仿宋_GB2312,
    小标宋, 黑体, 楷体); Word files name their fonts, the reader's machine supplies them.

    >>> from govdisclosure import examples
    >>> data = render(examples.load("xianning-2015"), locale="en", font="Noto Serif CJK SC")
    >>> data[:4]
    b'PK\\x03\\x04'
    """
    ctx = context(report, locale, options)
    if font is not None and (not isinstance(font, str) or not font.strip()):
        raise TypeError(f"font must be a font family name or None, not {font!r}")
    docx = require("docx", "docx")
    doc = docx.Document()
    b = _Builder(docx, font)
    _styles(b, doc, ctx.zh)
    _page(b, doc)
    _font_table(b, doc)
    _body(b, ctx, report, doc)
    props = doc.core_properties
    stamp = _stamp(report)
    props.title = report.title
    props.author = report.agency or ""
    props.last_modified_by = report.agency or ""
    props.created = stamp
    props.modified = stamp
    props.revision = 1
    props.language = "zh-CN" if ctx.zh else "en"
    out = io.BytesIO()
    doc.save(out)
    return _fixed_zip(out.getvalue())
