"""Make the pictures of the Word and PDF renderings in the documentation.

Renders the 2021 example as a PDF and as a Word file, lays the Word file out with LibreOffice
(``soffice --headless --convert-to pdf``), rasterises page 1 and the pages of 表三 with
poppler's ``pdftoppm`` and writes ``docs/_static/render-{pdf,docx}-{page1,table3}.png``.

    PYTHONPATH=src python scripts/gen_render_pictures.py

Needs the ``docx`` and ``pdf`` extras, Pillow (WeasyPrint's), poppler-utils and LibreOffice.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STATIC = ROOT / "docs" / "_static"
DPI = 70


def _pages(pdf: Path, first: int, last: int, tmp: Path) -> list[Path]:
    stem = tmp / pdf.stem
    subprocess.run(
        ["pdftoppm", "-r", str(DPI), "-png", "-f", str(first), "-l", str(last), str(pdf), stem],
        check=True,
    )
    return sorted(tmp.glob(f"{pdf.stem}-*.png"))


def _side_by_side(images: list[Path], out: Path) -> None:
    from PIL import Image

    opened = [Image.open(p).convert("L") for p in images]
    gap = 12
    width = sum(i.width for i in opened) + gap * (len(opened) - 1)
    sheet = Image.new("L", (width, max(i.height for i in opened)), 160)
    x = 0
    for image in opened:
        sheet.paste(image, (x, 0))
        x += image.width + gap
    sheet.save(out, optimize=True)


def _table_pages(pdf: bytes) -> tuple[int, int]:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        pages = [
            p.page_number
            for p in doc.pages
            if "申请人情况" in (p.extract_text() or "")
            or "本年度办理结果" in "".join((p.extract_text() or "").split())
        ]
    return pages[0], pages[-1]


def main() -> None:
    sys.path.insert(0, str(ROOT / "src"))
    from govdisclosure import examples
    from govdisclosure.rendering import render

    report = examples.load("jianghe-2021")
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        pdf = tmp / "pdf.pdf"
        pdf.write_bytes(render.pdf(report))
        docx = tmp / "docx.docx"
        docx.write_bytes(render.docx(report))
        soffice = shutil.which("soffice") or "soffice"
        profile = (tmp / "profile").as_uri()
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(tmp / "lo"),
                str(docx),
            ],
            check=True,
            capture_output=True,
        )
        laid_out = tmp / "lo" / "docx.pdf"
        for kind, path in (("pdf", pdf), ("docx", laid_out)):
            work = tmp / kind
            work.mkdir()
            _side_by_side(_pages(path, 1, 1, work), STATIC / f"render-{kind}-page1.png")
            first, last = _table_pages(path.read_bytes())
            work = tmp / f"{kind}-t3"
            work.mkdir()
            _side_by_side(_pages(path, first, last, work), STATIC / f"render-{kind}-table3.png")
            print(f"render-{kind}: page 1, 表三 on pages {first}-{last}")


if __name__ == "__main__":
    main()
