"""Round trip with the renderers: parse(render(r, fmt)).report equals r."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from govdisclosure import examples
from govdisclosure import strategies as gst
from govdisclosure.model import Report
from govdisclosure.parse import ParseSeverity, parse
from govdisclosure.rendering import FORMATS, render

FIELDS = (
    "title",
    "agency",
    "year",
    "edition",
    "metadata",
    "preamble",
    "sections",
    "signature",
    "active",
    "requests",
    "reviews",
)


def _check(report: Report, fmt: str) -> None:
    parsed = parse(render(report, fmt))  # type: ignore[arg-type]
    for field in FIELDS:
        assert getattr(parsed.report, field) == getattr(report, field), (fmt, field)
    errors = [f for f in parsed.findings if f.severity is ParseSeverity.ERROR]
    assert not errors, errors


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", ["xianning-2015", "jianghe-2020", "jianghe-2021"])
def test_examples_round_trip(name: str, fmt: str) -> None:
    _check(examples.load(name), fmt)


@pytest.mark.parametrize("fmt", FORMATS)
@settings(suppress_health_check=[HealthCheck.too_slow])
@given(report=gst.reports())
def test_generated_reports_round_trip(fmt: str, report: Report) -> None:
    _check(report, fmt)


@pytest.mark.parametrize("fmt", FORMATS)
@given(report=gst.reports(counts=__import__("hypothesis").strategies.integers(0, 10**6)))
def test_large_figures_round_trip(fmt: str, report: Report) -> None:
    _check(report, fmt)
