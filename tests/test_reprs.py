"""Short, informative reprs: what a value is, its size, the first few items — in a REPL, a
log line and a failing Hypothesis example alike (Hypothesis' pretty printer would otherwise
print an attrs class field by field)."""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis.vendor.pretty import pretty

import govdisclosure as gd
from govdisclosure.analysis import aggregate, diff

A = gd.examples.load("jianghe-2021")
B = gd.examples.load("jianghe-2020")
LAYOUT = gd.layout_of(gd.Edition.STANDARD_2021)

#: The longest repr a person should have to read.
SHORT = 300


def _wrong() -> gd.Report:
    t = A.reviews
    assert t is not None
    return attrs.evolve(A, reviews=attrs.evolve(t, review=attrs.evolve(t.review, upheld=9)))


def _values() -> dict[str, Any]:
    many = gd.Findings(list(gd.check(_wrong())) * 40)
    return {
        "Parsed": gd.parse(gd.render(A, "html")),
        "Finding": gd.check(_wrong())[0],
        "Findings": many,
        "ReportDiff": diff(B, A),
        "Aggregate": aggregate(
            [A, attrs.evolve(A, agency="江河市教育局")], agency="江河市", year=2021
        ),
        "EditionLayout": LAYOUT,
        "TableLayout": LAYOUT.table("三"),
        "BlockLayout": LAYOUT.table("二").blocks[0],
        "RowLayout": LAYOUT.table("三").blocks[0].rows[0],
        "ColumnLayout": LAYOUT.table("三").blocks[0].columns[0],
        "CellLayout": LAYOUT.cells[0],
        "SectionLayout": LAYOUT.sections[0],
    }


VALUES = _values()


@pytest.mark.parametrize("name", list(VALUES))
def test_a_repr_is_one_short_line(name: str) -> None:
    text = repr(VALUES[name])
    assert len(text) <= SHORT, text
    assert "\n" not in text
    assert name in text  # says what it is


@pytest.mark.parametrize("name", list(VALUES))
def test_hypothesis_prints_the_short_repr(name: str) -> None:
    assert pretty(VALUES[name]) == repr(VALUES[name])


def test_reprs_say_size_and_first_items() -> None:
    parsed = repr(VALUES["Parsed"])
    assert "<Report 江河市自然资源和规划局 2021" in parsed
    assert "fields located" in parsed
    assert "GD104" in repr(VALUES["Finding"])
    assert "$.reviews.review.total" in repr(VALUES["Finding"])
    assert "(+35)" in repr(VALUES["Findings"])
    d = repr(VALUES["ReportDiff"])
    assert "2020→2021" in d
    assert "requests.new.total" in d or "(+" in d
    assert "2 parts" in repr(VALUES["Aggregate"])
    assert "200 cells" in repr(LAYOUT)
    assert "表三 175" in repr(LAYOUT)


def test_a_report_in_a_failing_example_shows_its_figures() -> None:
    text = pretty(A)
    lines = text.splitlines()
    assert lines[0] == repr(A)
    assert any(line.startswith("  表三 ") for line in lines)
    assert A.requests is not None
    assert f"new.total={A.requests.new.total}" in text
    assert "fees=20.30万元" in text
    assert max(len(line) for line in lines) < 250
    blank = gd.Report.empty(agency="某局", year=2023)
    assert pretty(blank) == repr(blank)  # no tables: the one line
