"""Round trips through the Word and PDF files the library writes and reads: everything a report
says comes back from ``parse(render(report, "docx" | "pdf"))``.

Every header field the renderings print (the reporting period is metadata the page does not
print), every table cell (stated totals included) and every section title come back exactly;
paragraphs and the labels of provincial rows come back with their words (a PDF draws gaps, not
spaces, so white space is compared loosely there).
"""

from __future__ import annotations

import importlib
import os
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

from govdisclosure import examples
from govdisclosure.model import Edition, Report, Section
from govdisclosure.parse import parse
from govdisclosure.rendering import _gongwen as gongwen
from govdisclosure.rendering import render
from govdisclosure.testing.strategies import reports

if os.environ.get("CI"):  # CI installs the extras and the fonts: the tests must run there
    for module in ("docx", "weasyprint", "pypdfium2"):
        importlib.import_module(module)
else:
    for module in ("docx", "weasyprint", "pypdfium2"):
        pytest.importorskip(module)
    if not gongwen.installed_cjk_families():
        pytest.skip("no CJK font installed", allow_module_level=True)

FIELDS = (
    "title",
    "agency",
    "year",
    "edition",
    "metadata",
    "signature",
    "preamble",
    "active",
    "requests",
    "reviews",
)


def _sections(sections: tuple[Section, ...], loose: bool) -> list[Any]:
    out: list[Any] = []
    for s in sections:
        paragraphs = tuple("".join(p.split()) if loose else p for p in s.paragraphs)
        out.append((s.title, paragraphs, _sections(s.subsections, loose)))
    return out


def _squeezed(table: Any) -> Any:
    """``table`` with the white space of its extra rows' labels removed."""
    rows = getattr(table, "extra_rows", ())
    if not rows:
        return table
    return attrs.evolve(
        table, extra_rows=tuple(attrs.evolve(r, label="".join(r.label.split())) for r in rows)
    )


def _assert_round_trip(report: Report, fmt: str) -> None:
    parsed = parse(render(report, fmt))  # type: ignore[call-overload]
    assert parsed.format == fmt
    got = parsed.report
    loose = fmt == "pdf"
    for field in FIELDS:
        want, have = getattr(report, field), getattr(got, field)
        if loose and field in ("active", "requests", "reviews"):
            # a PDF draws no space between a Chinese character and a bracket: "指南 (修订)"
            # of a provincial row reads back as "指南(修订)"; every figure must still match
            want, have = _squeezed(want), _squeezed(have)
        assert have == want, field
    assert _sections(got.sections, loose) == _sections(report.sections, loose)
    assert not parsed.errors()
    # every field read is located: by page and box in a PDF, by element in a Word file
    origins = parsed.provenance
    assert "$.title" in origins
    if report.edition.has_tables or report.facts:
        assert any(p.startswith(("$.active", "$.requests", "$.facts")) for p in origins)
    if fmt == "pdf":
        assert all(o.place is not None and o.place.box is not None for o in origins.values())
    else:
        assert all(o.element for o in origins.values())


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
@pytest.mark.parametrize("name", examples.names())
def test_every_example_comes_back(name: str, fmt: str) -> None:
    _assert_round_trip(examples.load(name), fmt)


@pytest.mark.parametrize("edition", list(Edition), ids=lambda e: e.value)
def test_generated_reports_come_back_from_word(edition: Edition) -> None:
    @settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(reports(editions=[edition]))
    def round_trip(report: Report) -> None:
        _assert_round_trip(report, "docx")

    round_trip()


@pytest.mark.parametrize("edition", list(Edition), ids=lambda e: e.value)
def test_generated_reports_come_back_from_pdf(edition: Edition) -> None:
    @settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(reports(editions=[edition]))
    def round_trip(report: Report) -> None:
        _assert_round_trip(report, "pdf")

    round_trip()
