"""The corpus: every truth figure in the right cell, every truth null None, the narrative
truth found with its unit and qualifier, the distractors not."""

from __future__ import annotations

import operator
from decimal import Decimal
from typing import Any

import pytest
from tests.parse.corpus import FORMATS, expected_cells, ids, load

from govdisclosure.parse import parse


def _value(report: Any, path: str) -> Any:
    attr, _, key = path[2:].partition(".")
    table = getattr(report, attr)
    got = None if table is None else operator.attrgetter(key)(table)
    if path.endswith("amount_unit"):
        return None if got is None else got.value
    if hasattr(got, "unit") and hasattr(got, "value"):  # an Amount
        got = got.value
    if isinstance(got, Decimal):
        return format(got, "f")
    return got


@pytest.mark.parametrize("ident", ids())
def test_corpus_excerpt(ident: str) -> None:
    _meta, text, truth = load(ident)
    parsed = parse(text)
    report = parsed.report
    edition = FORMATS[truth["_meta"]["format"]]
    assert report.edition is edition
    wrong = [
        (name, _value(report, path), want)
        for path, want, name in expected_cells(edition, truth)
        if _value(report, path) != want
    ]
    assert not wrong
    for kind in ("amounts", "counts"):
        for item in truth.get(kind, []):
            found = [f for f in report.facts if f.text == item["text"]]
            assert found, item["text"]
            q = found[0].quantity
            assert format(q.value, "f") == item["value"] or str(q.value) == item["value"]
            assert q.unit == item["unit"]
            if item.get("approx"):
                assert q.qualifier is not None
                assert q.qualifier.value == item["approx"]
    for d in truth.get("distractors", []):
        assert not any(d["text"] in f.text for f in report.facts), d


def test_every_figure_of_a_table_region_is_placed_or_reported() -> None:
    for ident in ids():
        _meta, text, _truth = load(ident)
        parsed = parse(text)
        placed = {(o.start, o.end) for o in parsed.provenance.values()}
        reported = {(f.span.start, f.span.end) for f in parsed.findings if f.span is not None}
        doc = parsed.document
        assert doc is not None
        for tb in doc.tables():
            for cell in tb.grid.data_cells():
                assert cell.span is not None
                assert (cell.span.start, cell.span.end) in placed | reported
