"""The PDF and Word readers: a 10-page text PDF in ≤ 0.5 s on one core, a typical Word
report in ≤ 0.1 s, time per page flat from 1 to 100 pages.

The PDFs are the pages of a real published report (``tests/fixtures/real/hongze-2024.pdf``,
five pages made with WPS: CID TrueType fonts, ruled tables over page breaks) taken in turn
until the document has 1, 10 or 100 pages; the Word file is the bundled 2021 example built
as an office worker builds one (``tests/parse/office.py``: numbering definitions, merged
header cells). Each is read through ``govdisclosure.parse`` — front end, outline and
tables — from bytes in memory.

    python benchmarks/bench_office.py            # the table: best of 5
    python -m pytest benchmarks/bench_office.py --benchmark-only

The script exits 1 if a target is missed.
"""

from __future__ import annotations

import argparse
import io
import sys
import time
from functools import cache
from pathlib import Path

import pytest

from govdisclosure import examples
from govdisclosure.parse import parse

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "fixtures" / "real" / "hongze-2024.pdf"
PAGES = (1, 10, 100)


@cache
def pdf_of(pages: int) -> bytes:
    """A PDF of ``pages`` pages: the seed's pages in turn."""
    import pypdfium2 as pdfium

    seed = pdfium.PdfDocument(SEED.read_bytes())
    doc = pdfium.PdfDocument.new()
    n = len(seed)
    doc.import_pages(seed, [k % n for k in range(pages)])
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


@cache
def word_report() -> bytes:
    sys.path.insert(0, str(ROOT))
    from tests.parse.office import report_docx

    return report_docx(examples.load("jianghe-2021"))


@pytest.mark.parametrize("pages", PAGES)
def test_pdf(benchmark: pytest.FixtureRequest, pages: int) -> None:
    data = pdf_of(pages)
    parsed = benchmark(parse, data)  # type: ignore[operator]
    assert parsed.report.requests is not None


def test_word(benchmark: pytest.FixtureRequest) -> None:
    data = word_report()
    parsed = benchmark(parse, data)  # type: ignore[operator]
    assert parsed.report.requests is not None


def _best(data: bytes, rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        t = time.perf_counter()
        parse(data)
        best = min(best, time.perf_counter() - t)
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    parse(pdf_of(1))  # warm up: imports, caches of the label matcher
    ok = True
    per_page: dict[int, float] = {}
    print(f"{'input':<24}{'seconds':>10}{'per page (ms)':>16}")
    for pages in PAGES:
        t = _best(pdf_of(pages), args.rounds if pages < 100 else max(1, args.rounds // 2))
        per_page[pages] = t / pages
        print(f"{f'PDF, {pages} pages':<24}{t:>10.3f}{1000 * t / pages:>16.1f}")
    t_word = _best(word_report(), args.rounds)
    print(f"{'Word, jianghe-2021':<24}{t_word:>10.3f}")
    t10 = per_page[10] * 10
    if t10 > 0.5:
        print(f"MISSED: 10 pages in {t10:.3f} s > 0.5 s")
        ok = False
    if t_word > 0.1:
        print(f"MISSED: Word in {t_word:.3f} s > 0.1 s")
        ok = False
    growth = per_page[100] / per_page[10]
    print(f"time per page, 100 pages / 10 pages: {growth:.2f}x")
    if growth > 1.5:
        print("MISSED: time per page is not flat")
        ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
