"""Strategies for the analysis tests: lists of generated reports of distinct agencies."""

from __future__ import annotations

import attrs
from hypothesis import strategies as st

from govdisclosure import strategies as gst
from govdisclosure.layout import Edition
from govdisclosure.model import Report


@st.composite
def report_sets(
    draw: st.DrawFn,
    edition: Edition = Edition.STANDARD_2021,
    min_size: int = 1,
    max_size: int = 5,
    year: int = 2022,
) -> list[Report]:
    """Reports of ``edition`` from distinct agencies, all of ``year``."""
    n = draw(st.integers(min_size, max_size))
    out = []
    for i in range(n):
        r = draw(gst.reports(editions=[edition]))
        out.append(attrs.evolve(r, agency=f"第{i + 1}机关", year=year, facts=(), relations=()))
    return out
