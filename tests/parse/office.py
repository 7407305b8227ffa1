"""Test material for the PDF and Word readers, made here (nothing is downloaded).

- :func:`report_docx`: a Word file of a report as an office worker makes one with Word: the
  title in the Title style, headings numbered by Word's numbering definitions ("一、",
  "（一）" are counters, not typed), the tables with merged header cells (``gridSpan`` and
  ``vMerge``), the agency's name in the page header and a page number in the footer.
- :func:`print_pdf`: a page of HTML printed to PDF by headless Chromium (skipped locally
  without it, a failure under ``CI=true``).
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from docx import Document as new_docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from govdisclosure.document import (
    Heading,
    MetadataBlock,
    Paragraph,
    SignatureBlock,
    TableBlock,
    Title,
)
from govdisclosure.model import Report
from govdisclosure.rendering._common import blocks, context, date_text, metadata_items, printed

__all__ = ["chromium", "minimal_pdf", "print_pdf", "print_pdfs", "report_docx"]

# Word's own multilevel list for Chinese reports: 一、 / （一） / 1.
_NUMBERING = (
    (0, "chineseCounting", "%1、"),
    (1, "chineseCounting", "（%2）"),
    (2, "decimal", "%3."),
    (3, "decimal", "（%4）"),
)


def _add_numbering(doc: object) -> str:
    """Add the abstract numbering and a num using it; its numId."""
    numbering = doc.part.numbering_part.element  # type: ignore[attr-defined]
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), "90")
    for ilvl, fmt, text in _NUMBERING:
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(ilvl))
        for tag, val in (("w:start", "1"), ("w:numFmt", fmt), ("w:lvlText", text)):
            el = OxmlElement(tag)
            el.set(qn("w:val"), val)
            lvl.append(el)
        abstract.append(lvl)
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), "90")
    ab = OxmlElement("w:abstractNumId")
    ab.set(qn("w:val"), "90")
    num.append(ab)
    numbering.append(num)
    return "90"


def _number(paragraph: object, num_id: str, ilvl: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()  # type: ignore[attr-defined]
    numpr = OxmlElement("w:numPr")
    lvl = OxmlElement("w:ilvl")
    lvl.set(qn("w:val"), str(ilvl))
    nid = OxmlElement("w:numId")
    nid.set(qn("w:val"), num_id)
    numpr.append(lvl)
    numpr.append(nid)
    ppr.append(numpr)


def report_docx(report: Report, *, numbered: bool = True) -> bytes:
    """``report`` as a .docx file (see the module's documentation)."""
    ctx = context(report, "zh_CN", None)
    doc = new_docx()
    doc.styles["Normal"].font.size = Pt(12)
    num_id = _add_numbering(doc)
    section = doc.sections[0]
    section.header.paragraphs[0].text = report.agency or "政府信息公开"
    section.footer.paragraphs[0].text = "— 1 —"
    counters = [0] * 8
    for block in blocks(ctx, report):
        if isinstance(block, Title):
            doc.add_paragraph(block.text, style="Title")
        elif isinstance(block, MetadataBlock):
            for _attr, label, value in metadata_items(ctx, block):
                doc.add_paragraph(f"{label}：{value}")
        elif isinstance(block, Paragraph):
            doc.add_paragraph(block.text)
        elif isinstance(block, Heading):
            level = block.level
            counters[level - 1] += 1
            for deeper in range(level, len(counters)):
                counters[deeper] = 0
            sequential = counters[level - 1] == block.ordinal and level <= len(_NUMBERING)
            if numbered and sequential:
                p = doc.add_paragraph(block.title, style=f"Heading {min(level, 9)}")
                _number(p, num_id, level - 1)
            else:
                from govdisclosure.rendering._common import heading_text

                counters[level - 1] = block.ordinal
                doc.add_paragraph(heading_text(ctx, block), style=f"Heading {min(level, 9)}")
        elif isinstance(block, TableBlock):
            grid = printed(ctx, block.grid)
            table = doc.add_table(rows=grid.rows, cols=grid.cols)
            table.style = "Table Grid"
            for cell in grid.cells:
                target = table.cell(cell.row, cell.col)
                if cell.rowspan > 1 or cell.colspan > 1:
                    target = target.merge(
                        table.cell(cell.row + cell.rowspan - 1, cell.col + cell.colspan - 1)
                    )
                target.text = cell.text
        elif isinstance(block, SignatureBlock):
            doc.add_paragraph(block.agency)
            if block.date is not None:
                doc.add_paragraph(date_text(ctx, block.date))
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--mute-audio",
    "--no-pdf-header-footer",
)


def chromium() -> str:
    """The chromium executable; skip (locally) or fail (in CI) when there is none."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail("chromium is not installed: CI must install it (apt-get install chromium)")
    pytest.skip("chromium is not installed (apt-get install chromium); CI runs this test")


def print_pdf(html: str) -> bytes:
    """``html`` printed to PDF (A4) by headless Chromium."""
    exe = chromium()
    with tempfile.TemporaryDirectory(prefix="gd-pdf-") as tmp:
        page = Path(tmp) / "page.html"
        page.write_text(html, encoding="utf-8")
        out = Path(tmp) / "page.pdf"
        command = [
            exe,
            *FLAGS,
            f"--user-data-dir={Path(tmp) / 'profile'}",
            f"--print-to-pdf={out}",
            page.as_uri(),
        ]
        done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
        if done.returncode != 0 or not out.exists():
            raise AssertionError(f"chromium failed ({done.returncode}):\n{done.stderr[-2000:]}")
        return out.read_bytes()


_BREAK = "<div style='break-before:page'></div>"


def print_pdfs(pages: list[str]) -> list[bytes]:
    """Several HTML pages (sharing one stylesheet) printed by one Chromium run, each its own
    PDF: the pages are printed one after another, each after a page holding only a marker,
    and the PDF is cut at the markers."""
    import pypdfium2 as pdfium

    heads = [p.split("<body", 1)[0] for p in pages]
    bodies = [p.split("<body", 1)[1].split(">", 1)[1].rsplit("</body>", 1)[0] for p in pages]
    parts = [heads[0], "<body>"]
    for i, body in enumerate(bodies):
        parts.append(f"{_BREAK if i else ''}<p>GDMARK{i:04d}</p>{_BREAK}{body}")
    parts.append("</body></html>")
    whole = pdfium.PdfDocument(print_pdf("".join(parts)))
    starts: list[int] = []
    for k in range(len(whole)):
        text = whole[k].get_textpage().get_text_range()
        if text.strip().startswith("GDMARK"):
            starts.append(k)
    assert len(starts) == len(pages), (len(starts), len(pages))
    out = []
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(whole)
        doc = pdfium.PdfDocument.new()
        doc.import_pages(whole, list(range(start + 1, end)))
        buf = io.BytesIO()
        doc.save(buf)
        out.append(buf.getvalue())
    return out


def minimal_pdf(content: bytes = b"", *, image: bool = False, font: bool = False) -> bytes:
    """A one-page PDF with a correct xref: ``content`` as its page content, an image
    ``/Im1`` and the font ``/F1`` (Helvetica) as resources when asked."""
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        + b" /Resources <<"
        + (b" /XObject << /Im1 5 0 R >>" if image else b"")
        + (b" /Font << /F1 6 0 R >>" if font else b"")
        + b" >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
    ]
    pixels = b"\x80" * (16 * 16)
    objs.append(
        b"<< /Type /XObject /Subtype /Image /Width 16 /Height 16 /ColorSpace /DeviceGray"
        b" /BitsPerComponent 8 /Length %d >>\nstream\n%s\nendstream" % (len(pixels), pixels)
    )
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (i, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objs) + 1,
        xref,
    )
    return bytes(out)
