"""The PDF rendering, read back with pdfplumber: the 公文 page (A4, margins 37/35/28/26 mm, page
numbers ``— 1 —`` at the foot), fonts embedded and subsetted, the text in reading order, every
table cell and the header rows repeated on each page — for every bundled example and generated
reports of every edition."""

from __future__ import annotations

import importlib
import io
import os
import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govdisclosure import examples
from govdisclosure.document import Grid, TableBlock
from govdisclosure.model import Edition, Report
from govdisclosure.rendering import FontNotFoundError, render
from govdisclosure.rendering import _gongwen as gongwen
from govdisclosure.rendering._common import blocks, context, heading_text, printed
from govdisclosure.testing.strategies import reports

if os.environ.get("CI"):  # CI installs the extra and the fonts: the tests must run there
    import pdfplumber

    importlib.import_module("weasyprint")
else:
    pdfplumber = pytest.importorskip("pdfplumber")
    pytest.importorskip("weasyprint")
    if not gongwen.installed_cjk_families():
        pytest.skip("no CJK font installed", allow_module_level=True)

MM = 72 / 25.4
LEFT, RIGHT, TOP, BOTTOM = 28 * MM, (210 - 26) * MM, 37 * MM, (297 - 35) * MM


def _grids(report: Report, locale: str) -> list[Grid]:
    ctx = context(report, locale, None)
    return [printed(ctx, b.grid) for b in blocks(ctx, report) if isinstance(b, TableBlock)]


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _fonts(doc: Any) -> dict[str, list[str]]:
    """The base name of every font the pages use, and its embedded font files."""
    from pdfminer.pdftypes import resolve1

    out: dict[str, list[str]] = {}
    for page in doc.pages:
        resources = resolve1(page.page_obj.resources)
        for font in (resolve1(resources.get("Font")) or {}).values():
            font = resolve1(font)
            descendants = resolve1(font.get("DescendantFonts"))
            inner = resolve1(descendants[0]) if descendants else font
            descriptor = resolve1(inner.get("FontDescriptor")) or {}
            name = str(font.get("BaseFont")).strip("/'")
            out[name] = sorted(k for k in descriptor if k.startswith("FontFile"))
    return out


def _assert_pdf(report: Report, locale: str, data: bytes) -> None:
    ctx = context(report, locale, None)
    grids = _grids(report, locale)
    with pdfplumber.open(io.BytesIO(data)) as doc:
        # fonts embedded and subsetted
        fonts = _fonts(doc)
        assert fonts
        for name, files in fonts.items():
            assert re.fullmatch(r"[A-Z]{6}\+.+", name), f"{name} is not a subset"
            assert files, f"{name} is not embedded"
        lines: list[str] = []
        found_cells: list[str] = []
        for n, page in enumerate(doc.pages, 1):
            # A4
            assert (page.width, page.height) == pytest.approx((595.28, 841.89), abs=0.5)
            body = [c for c in page.chars if c["top"] < BOTTOM + MM]
            foot = [c for c in page.chars if c["top"] >= BOTTOM + MM]
            # the page number: — n — in 4号, 7 mm under the type area, odd right, even left
            assert "".join(c["text"] for c in foot) == f"— {n} —"
            assert {round(c["size"]) for c in foot} == {14}
            assert BOTTOM + 4 * MM <= min(c["top"] for c in foot) <= BOTTOM + 9 * MM
            if n % 2:
                assert max(c["x1"] for c in foot) == pytest.approx(RIGHT - 14, abs=1.5 * MM)
            else:
                assert min(c["x0"] for c in foot) == pytest.approx(LEFT + 14, abs=1.5 * MM)
            # everything else inside the type area: 37/35/28/26 mm margins, ±1 mm
            edges = page.edges
            x0 = min([c["x0"] for c in body] + [e["x0"] for e in edges])
            x1 = max([c["x1"] for c in body] + [e["x1"] for e in edges])
            top = min([c["top"] for c in body] + [e["top"] for e in edges])
            bottom = max([c["bottom"] for c in body] + [e["bottom"] for e in edges])
            if n < len(doc.pages):  # (the last page may hold the signature alone)
                assert x0 == pytest.approx(LEFT, abs=MM)
            assert x0 >= LEFT - MM
            assert x1 <= RIGHT + MM
            assert TOP - MM <= top <= TOP + 11 * MM  # the first line's box starts at the margin
            assert bottom <= BOTTOM + MM
            if edges:  # a table: ruled across the whole type area
                assert min(e["x0"] for e in edges) == pytest.approx(LEFT, abs=MM)
                assert max(e["x1"] for e in edges) == pytest.approx(RIGHT, abs=MM)
                if min(e["top"] for e in edges) < top + MM:  # the page starts with a table
                    assert min(e["top"] for e in edges) == pytest.approx(TOP, abs=MM)
            text = page.extract_text()
            lines += [line for line in text.splitlines() if line != f"— {n} —"]
            for table in page.find_tables():
                found_cells += [_squeeze(c or "") for row in table.extract() for c in row]
    # the text in reading order: title, headings and paragraphs
    flat = _squeeze("".join(lines))
    at = 0
    for block in blocks(ctx, report):
        piece = ""
        if hasattr(block, "text") and not isinstance(block, TableBlock):
            piece = block.text
        elif block.__class__.__name__ == "Heading":
            piece = heading_text(ctx, block)  # type: ignore[arg-type]
        elif block.__class__.__name__ == "SignatureBlock":
            piece = block.agency  # type: ignore[union-attr]
        if piece:
            where = flat.find(_squeeze(piece), at)
            assert where >= 0, f"not found in order: {piece[:40]!r}"
            at = where
    # every figure: each table row's figures end a line of the text, in order
    tokens = [line.split() for line in lines]
    for grid in grids:
        rows: dict[int, list[str]] = {}
        for cell in sorted(grid.data_cells(), key=lambda c: (c.row, c.col)):
            if cell.text:
                rows.setdefault(cell.row, []).extend(cell.text.split())
        for figures in rows.values():
            assert any(t[-len(figures) :] == figures for t in tokens), figures
        # every label a cell of a table on the pages
        for cell in grid.cells:
            if cell.role in ("colhead", "corner") or (cell.role == "rowhead" and cell.rowspan == 1):
                assert _squeeze(cell.text) in found_cells, cell.text


@pytest.mark.parametrize("locale", ["zh_CN", "en"])
@pytest.mark.parametrize("name", examples.names())
def test_examples_round_trip(name: str, locale: str) -> None:
    report = examples.load(name)
    data = render(report, "pdf", locale=locale)
    assert isinstance(data, bytes)
    assert data.startswith(b"%PDF-")
    _assert_pdf(report, locale, data)
    assert render.pdf(report, locale=locale) == data  # deterministic, to the byte


@settings(max_examples=10, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(reports(), reports(blanks="unknown")), st.sampled_from(("zh_CN", "en")))
def test_generated_reports_round_trip(report: Report, locale: str) -> None:
    _assert_pdf(report, locale, render.pdf(report, locale=locale))


@pytest.mark.parametrize("edition", list(Edition))
def test_every_edition_round_trips(edition: Edition) -> None:
    @settings(max_examples=2, suppress_health_check=[HealthCheck.too_slow])
    @given(reports(editions=[edition], blanks="unknown"))
    def check(report: Report) -> None:
        _assert_pdf(report, "zh_CN", render.pdf(report))

    check()


def test_header_rows_repeat_on_every_page_of_a_table() -> None:
    report = examples.load("jianghe-2020")
    data = render.pdf(report)
    with pdfplumber.open(io.BytesIO(data)) as doc:
        pages = [p for p in doc.pages if "一、本年新收" in _squeeze(p.extract_text())]
        later = [p for p in doc.pages if "四、结转下年度继续办理" in _squeeze(p.extract_text())]
        spanned = doc.pages[pages[0].page_number - 1 : later[0].page_number]
        assert len(spanned) >= 2  # 表三 runs over a page break in this example
        for page in spanned:
            text = _squeeze(page.extract_text())
            assert "申请人情况" in text
            assert "法人或其他组织" in text


def test_the_faces_are_the_gongwen_ones_or_their_free_likes() -> None:
    faces = gongwen.resolve_faces()
    with pdfplumber.open(io.BytesIO(render.pdf(examples.load("jianghe-2021")))) as doc:
        first = doc.pages[0]
        title = [c for c in first.chars if c["size"] > 20]
        body = [c for c in first.chars if round(c["size"]) == 16]
        assert title
        assert body
        # 2号 title, 3号 body, in the first installed face of each part
        assert faces["title"][0].replace(" ", "-") in title[0]["fontname"]
        assert faces["body"][0].replace(" ", "-") in body[0]["fontname"]


def test_a_named_font_prints_every_part() -> None:
    installed = gongwen.installed_cjk_families() or frozenset()
    family = "Noto Sans CJK SC" if "Noto Sans CJK SC" in installed else sorted(installed)[0]
    data = render.pdf(examples.load("jianghe-2021"), font=family)
    with pdfplumber.open(io.BytesIO(data)) as doc:
        names = {c["fontname"].split("+", 1)[1] for p in doc.pages for c in p.chars}
    assert names == {family.replace(" ", "-")}


def test_no_cjk_font_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    report = examples.load("jianghe-2021")
    with pytest.raises(FontNotFoundError, match="font 'No Such Song' is not installed"):
        render.pdf(report, font="No Such Song")
    monkeypatch.setattr(gongwen, "installed_cjk_families", lambda: frozenset())
    with pytest.raises(FontNotFoundError, match=r"apt-get install fonts-noto-cjk\) or name one"):
        render.pdf(report)
    monkeypatch.setattr(gongwen, "installed_cjk_families", lambda: None)
    with pytest.raises(FontNotFoundError, match="fc-list is missing"):
        render(report, "pdf")
    assert issubclass(FontNotFoundError, LookupError)
