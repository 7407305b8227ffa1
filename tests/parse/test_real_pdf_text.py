"""The text of three real published PDFs (``pdftotext -layout``) read against their truth:
a title over two lines, table rows spread over several lines (a label on one line and its
figures on the next, labels wrapped around their figures, a misprinted label), page footers.

The truth is in tests/fixtures/real/*.json (see its README in the shared corpus); a row the
edition does not have (the 2019 form's single (六)其他处理 kept in a 2021 table) is no cell.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from tests.parse.corpus import FORMATS, _t3_key, expected_cells
from tests.parse.test_corpus import _value

from govdisclosure.parse import parse

REAL = Path(__file__).parent.parent / "fixtures" / "real"
NAMES = sorted(p.stem for p in REAL.glob("*.txt"))


def _load(name: str) -> tuple[str, dict[str, Any]]:
    text = (REAL / f"{name}.txt").read_text(encoding="utf-8")
    return text, json.loads((REAL / f"{name}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", NAMES)
def test_the_metadata_is_read(name: str) -> None:
    text, truth = _load(name)
    report = parse(text).report
    assert report.title == truth["title"]
    assert report.agency == truth["agency"]
    assert report.year == truth["year"]
    assert report.edition.value == truth["edition"]
    assert len(report.sections) == len(truth["sections"])


@pytest.mark.parametrize("name", NAMES)
def test_every_cell_is_read(name: str) -> None:
    text, truth = _load(name)
    parsed = parse(text)
    edition = FORMATS[truth["_meta"]["format"]]
    rows = truth.get("table3") or {}
    kept = {k: v for k, v in rows.items() if _t3_key(edition, k) is not None}
    cells = list(expected_cells(edition, {**truth, "table3": kept}))
    assert len(cells) >= 179
    wrong = [(n, _value(parsed.report, p), w) for p, w, n in cells if _value(parsed.report, p) != w]
    assert not wrong
    for path, _want, _name in cells:  # every cell read is located, on its own token
        o = parsed.provenance[path]
        assert text[o.start : o.end] == o.raw
    cov = parsed.coverage
    assert cov is not None
    assert not cov.cut
    assert cov.tables == {"二", "三", "四"}
    # page footers are no table text
    assert not [f for f in parsed.findings if f.code == "GP133"]
