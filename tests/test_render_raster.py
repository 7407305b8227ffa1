"""A look at the Word and PDF renderings as a person would: the pages rasterised (poppler's
pdftoppm; the Word file through LibreOffice first) are not blank, and the page of 表三 shows
the table's ruled lines — the horizontal rules across the type area between its rows, and the
vertical rules between its columns.

The pictures in the documentation (``docs/_static/render-pdf-*.png``,
``docs/_static/render-docx-*.png``) come from ``scripts/gen_render_pictures.py``.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from govdisclosure import examples
from govdisclosure.rendering import render

CI = bool(os.environ.get("CI"))
PDFTOPPM = shutil.which("pdftoppm")
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

if PDFTOPPM is None and not CI:
    pytest.skip("needs pdftoppm (Debian: poppler-utils)", allow_module_level=True)
if not CI:
    pytest.importorskip("pdfplumber")
    pytest.importorskip("weasyprint")
    pytest.importorskip("docx")

DPI = 50
PX_PER_MM = DPI / 25.4


def _gray(pdf: Path, page: int, out: Path) -> tuple[int, int, bytes]:
    """Page ``page`` (from 1) of ``pdf`` in 8-bit grey: width, height, pixels."""
    assert PDFTOPPM is not None, "pdftoppm (poppler-utils) must be installed in CI"
    stem = out / f"page{page}"
    subprocess.run(
        [
            PDFTOPPM,
            "-r",
            str(DPI),
            "-gray",
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(pdf),
            str(stem),
        ],
        check=True,
        capture_output=True,
    )
    data = stem.with_suffix(".pgm").read_bytes()
    # P5 <width> <height> <maxval> then the pixels
    fields = data.split(maxsplit=4)
    assert fields[0] == b"P5"
    width, height = int(fields[1]), int(fields[2])
    pixels = fields[4] if len(fields[4]) == width * height else data[-width * height :]
    return width, height, pixels


def _dark(pixels: bytes) -> float:
    return sum(1 for p in pixels if p < 128) / len(pixels)


def _rules(width: int, height: int, pixels: bytes) -> tuple[int, int]:
    """The horizontal rules (dark runs across at least 90% of the type area's width) and the
    vertical rules (dark runs down at least 40 mm), each a group of adjacent pixel lines."""
    span = int(156 * PX_PER_MM * 0.9)

    def longest(line: bytes) -> int:
        best = run = 0
        for p in line:
            run = run + 1 if p < 160 else 0
            best = max(best, run)
        return best

    rows = [longest(pixels[y * width : (y + 1) * width]) >= span for y in range(height)]
    tall = int(40 * PX_PER_MM)
    cols = [longest(bytes(pixels[x::width])) >= tall for x in range(width)]

    def groups(flags: list[bool]) -> int:
        return sum(1 for i, f in enumerate(flags) if f and (i == 0 or not flags[i - 1]))

    return groups(rows), groups(cols)


def _page_of_table_3(pdf: bytes, marker: str) -> int:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return next(p.page_number for p in doc.pages if marker in (p.extract_text() or ""))


def _assert_looks_right(pdf_path: Path, table_page: int, tmp: Path) -> None:
    width, height, pixels = _gray(pdf_path, 1, tmp)
    assert width == pytest.approx(210 * PX_PER_MM, abs=1)  # A4
    assert height == pytest.approx(297 * PX_PER_MM, abs=1)
    assert 0.005 < _dark(pixels) < 0.3, "page 1 is blank or black"
    width, height, pixels = _gray(pdf_path, table_page, tmp)
    assert 0.005 < _dark(pixels) < 0.3
    across, down = _rules(width, height, pixels)
    assert across >= 10, f"only {across} horizontal rules on the page of 表三"
    assert down >= 8, f"only {down} vertical rules on the page of 表三"


def test_the_pdf_looks_right(tmp_path: Path) -> None:
    data = render.pdf(examples.load("jianghe-2021"))
    path = tmp_path / "r.pdf"
    path.write_bytes(data)
    _assert_looks_right(path, _page_of_table_3(data, "申请人情况"), tmp_path)


@pytest.mark.skipif(SOFFICE is None, reason="needs LibreOffice to lay out the Word file")
def test_the_word_file_looks_right(tmp_path: Path) -> None:
    assert SOFFICE is not None
    path = tmp_path / "r.docx"
    path.write_bytes(render.docx(examples.load("jianghe-2021")))
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    pdf = tmp_path / "r.pdf"
    _assert_looks_right(pdf, _page_of_table_3(pdf.read_bytes(), "申请人情况"), tmp_path)


def test_a_blank_page_is_seen(tmp_path: Path) -> None:
    """The checks see a page without rules for what it is (the test can fail)."""
    data = render.pdf(examples.load("xianning-2015"))  # the legacy edition: no tables
    path = tmp_path / "r.pdf"
    path.write_bytes(data)
    width, height, pixels = _gray(path, 1, tmp_path)
    assert _rules(width, height, pixels)[0] == 0
    assert _dark(bytes([255]) * 100) == 0
