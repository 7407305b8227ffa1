"""The Word rendering, read back with python-docx: the 公文 page and fonts from the file itself,
every table cell with its merges (gridSpan, vMerge), header rows repeated, rows kept whole, and
the text of every block in order — for every bundled example and generated reports of every
edition."""

from __future__ import annotations

import io
import os
import zipfile
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govdisclosure import examples
from govdisclosure.document import (
    Heading,
    MetadataBlock,
    Paragraph,
    SignatureBlock,
    TableBlock,
    Title,
)
from govdisclosure.model import Edition, Report
from govdisclosure.rendering import RenderOptions, render
from govdisclosure.rendering._common import (
    blocks,
    context,
    date_text,
    heading_text,
    metadata_items,
    printed,
)
from govdisclosure.testing.strategies import reports

if os.environ.get("CI"):  # CI installs the extra: the tests must run there
    import docx
else:
    docx = pytest.importorskip("docx")

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _open(data: bytes) -> Any:
    return docx.Document(io.BytesIO(data))


def _w(element: Any, name: str) -> str | None:
    value = element.get(W + name)
    return None if value is None else str(value)


def _text(p: Any) -> str:
    """The text of a paragraph element, a ``<w:br/>`` read as a line break."""
    return "".join("\n" if e.tag == W + "br" else (e.text or "") for e in p.iter(W + "t", W + "br"))


def _cells(table: Any) -> list[tuple[int, int, int, int, str]]:
    """(row, column, rowspan, colspan, text) of each cell, from gridSpan and vMerge."""
    found: dict[tuple[int, int], list[Any]] = {}
    for r, tr in enumerate(table._tbl.findall(W + "tr")):
        c = 0
        for tc in tr.findall(W + "tc"):
            pr = tc.find(W + "tcPr")
            span_el = pr.find(W + "gridSpan")
            span = 1 if span_el is None else int(_w(span_el, "val") or 1)
            merge = pr.find(W + "vMerge")
            text = "\n".join(_text(p) for p in tc.iter(W + "p"))
            if merge is not None and _w(merge, "val") != "restart":
                above = next(v for (rr, cc), v in found.items() if cc == c and rr + v[2] == r)
                above[2] += 1
                assert text == "", "a merged-over cell holds text"
            else:
                found[r, c] = [r, c, 1, span, text]
            c += span
    return sorted((v[0], v[1], v[2], v[3], v[4]) for v in found.values())


def _expected_cells(report: Report, locale: str) -> list[list[tuple[int, int, int, int, str]]]:
    ctx = context(report, locale, None)
    out = []
    for block in blocks(ctx, report):
        if isinstance(block, TableBlock):
            grid = printed(ctx, block.grid)
            out.append(sorted((c.row, c.col, c.rowspan, c.colspan, c.text) for c in grid.cells))
    return out


def _expected_paragraphs(report: Report, locale: str) -> list[tuple[str, str]]:
    """(style, text) of every paragraph outside the tables, in order."""
    ctx = context(report, locale, None)
    out: list[tuple[str, str]] = []
    sep = "：" if ctx.zh else ": "
    for block in blocks(ctx, report):
        if isinstance(block, Title):
            out.append(("Title", block.text))
        elif isinstance(block, MetadataBlock):
            out += [
                ("Metadata", f"{label}{sep}{value}")
                for _, label, value in metadata_items(ctx, block)
            ]
        elif isinstance(block, Heading):
            out.append((f"Heading {min(block.level, 3)}", heading_text(ctx, block)))
        elif isinstance(block, Paragraph):
            out.append(("Normal", block.text))
        elif isinstance(block, SignatureBlock):
            out.append(("Signature", block.agency))
            if block.date is not None:
                out.append(("Signature", date_text(ctx, block.date)))
    return out


def _font(style: Any) -> tuple[str | None, float | None]:
    rpr = style.element.find(W + "rPr")
    fonts = rpr.find(W + "rFonts")
    size = rpr.find(W + "sz")
    return _w(fonts, "eastAsia"), (int(_w(size, "val") or 0) / 2 if size is not None else None)


def _assert_round_trip(report: Report, locale: str, data: bytes) -> None:
    document = _open(data)
    # the page: A4, margins 37/35/28/26 mm
    (section,) = document.sections
    assert section.page_width.mm == pytest.approx(210, abs=0.5)
    assert section.page_height.mm == pytest.approx(297, abs=0.5)
    assert section.top_margin.mm == pytest.approx(37, abs=1)
    assert section.bottom_margin.mm == pytest.approx(35, abs=1)
    assert section.left_margin.mm == pytest.approx(28, abs=1)
    assert section.right_margin.mm == pytest.approx(26, abs=1)
    # the tables: every cell with its spans and printed text; header rows repeat; rows whole
    expected = _expected_cells(report, locale)
    assert len(document.tables) == len(expected)
    ctx = context(report, locale, None)
    grids = [b.grid for b in blocks(ctx, report) if isinstance(b, TableBlock)]
    for table, cells, grid in zip(document.tables, expected, grids, strict=True):
        assert _cells(table) == cells
        rows = table._tbl.findall(W + "tr")
        assert len(rows) == grid.rows
        for r, tr in enumerate(rows):
            pr = tr.find(W + "trPr")
            assert pr.find(W + "cantSplit") is not None
            assert (pr.find(W + "tblHeader") is not None) == (r < grid.head)
        widths = [int(_w(c, "w") or 0) for c in table._tbl.find(W + "tblGrid")]
        assert sum(widths) / 1440 * 25.4 == pytest.approx(156, abs=0.5)  # the type area
    # every other block, in order, in its style
    body = [
        (p.style.name, p.text)
        for p in document.paragraphs
        if p.text and p._p.getparent().tag == W + "body"
    ]
    assert body == _expected_paragraphs(report, locale)


@pytest.mark.parametrize("locale", ["zh_CN", "en"])
@pytest.mark.parametrize("name", examples.names())
def test_examples_round_trip(name: str, locale: str) -> None:
    report = examples.load(name)
    data = render(report, "docx", locale=locale)
    assert isinstance(data, bytes)
    _assert_round_trip(report, locale, data)
    assert render.docx(report, locale=locale) == data  # deterministic, to the byte


@settings(max_examples=10)
@given(st.one_of(reports(), reports(blanks="unknown")), st.sampled_from(("zh_CN", "en")))
def test_generated_reports_round_trip(report: Report, locale: str) -> None:
    data = render.docx(report, locale=locale)
    _assert_round_trip(report, locale, data)
    assert render.docx(report, locale=locale) == data


@pytest.mark.parametrize("edition", list(Edition))
def test_every_edition_round_trips(edition: Edition) -> None:
    @settings(max_examples=3)
    @given(reports(editions=[edition], blanks="unknown"))
    def check(report: Report) -> None:
        _assert_round_trip(report, "zh_CN", render.docx(report))

    check()


def test_gongwen_fonts_and_sizes() -> None:
    document = _open(render.docx(examples.load("jianghe-2021")))
    styles = document.styles
    assert _font(styles["Title"]) == ("方正小标宋简体", 22)  # 2号小标宋
    assert _font(styles["Normal"]) == ("仿宋_GB2312", 16)  # 3号仿宋
    assert _font(styles["Heading 1"]) == ("黑体", 16)
    assert _font(styles["Heading 2"]) == ("楷体_GB2312", 16)
    assert _font(styles["Footer"]) == ("宋体", 14)  # 4号
    assert _font(styles["Table Text"])[1] == 10.5  # 5号
    # 22 lines a page: an exact line pitch of 225 mm / 22
    spacing = styles["Normal"].element.find(W + "pPr").find(W + "spacing")
    assert _w(spacing, "lineRule") == "exact"
    assert int(_w(spacing, "line") or 0) * 22 / 20 * 25.4 / 72 == pytest.approx(225, abs=1)
    # the fallbacks the file names for a machine without the face
    table = zipfile.ZipFile(io.BytesIO(render.docx(examples.load("jianghe-2021"))))
    fonts = table.read("word/fontTable.xml").decode()
    assert '<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>' in fonts


def test_page_numbers_at_the_foot() -> None:
    document = _open(render.docx(examples.load("jianghe-2021")))
    assert document.settings.odd_and_even_pages_header_footer
    (section,) = document.sections
    for footer, align in ((section.footer, "right"), (section.even_page_footer, "left")):
        (p,) = footer.paragraphs
        xml = p._p.xml
        assert 'w:instr=" PAGE "' in xml
        texts = [t.text for t in p._p.iter(W + "t")]
        assert texts == ["— ", "1", " —"]
        assert _w(p._p.find(W + "pPr").find(W + "jc"), "val") == align


def test_font_names_every_part() -> None:
    document = _open(render.docx(examples.load("jianghe-2021"), font="Noto Serif CJK SC"))
    for name in ("Title", "Normal", "Heading 1", "Heading 2", "Footer"):
        assert _font(document.styles[name])[0] == "Noto Serif CJK SC"
    with pytest.raises(TypeError, match="font must be a font family name"):
        render.docx(examples.load("jianghe-2021"), font="")


def test_options_and_bad_arguments() -> None:
    report = examples.load("jianghe-2021")
    plain = _open(render.docx(report, options=RenderOptions(metadata=False, fullwidth=False)))
    text = "\n".join(p.text for p in plain.paragraphs)
    assert "索引号" not in text
    assert "(一)主动公开" in text
    with pytest.raises(TypeError, match=r"report must be a govdisclosure\.Report"):
        render.docx("report")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="font= applies to the formats"):
        render(report, "text", font="x")  # type: ignore[call-overload]


def test_the_file_is_byte_identical_whenever_made(monkeypatch: pytest.MonkeyPatch) -> None:
    report = examples.load("jianghe-2020")
    first = render.docx(report)
    import time

    monkeypatch.setattr(time, "time", lambda: 2_000_000_000.0)
    monkeypatch.setattr(time, "localtime", lambda *_: time.gmtime(2_000_000_000))
    assert render.docx(report) == first
    members = zipfile.ZipFile(io.BytesIO(first)).infolist()
    assert {m.date_time for m in members} == {(1980, 1, 1, 0, 0, 0)}
    core = _open(first).core_properties
    assert core.created == core.modified
    assert report.signature is not None
    assert core.created.date() == report.signature.date  # the report's own date
