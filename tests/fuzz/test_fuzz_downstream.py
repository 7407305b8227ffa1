"""Everything downstream of an accepted input: check, render in every format and locale,
to_json, to_rows — on mutated documents the loader accepts.

The property: whatever ``from_dict`` accepts, ``check`` judges without raising, every
renderer prints (text, Markdown, HTML in zh_CN and en), ``to_json`` writes UTF-8 and reads back
equal, and tidy rows (facts included) go out and come back.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import govdisclosure as gd
from fuzz.conftest import fuzz_settings
from fuzz.test_fuzz_io import _counts, count, load, mutated_documents  # noqa: F401

# Mutations that keep many documents acceptable: values of the right type at their edges.
_edge_values = st.one_of(
    st.sampled_from([0, 1, 999, 10**15, 10**15 - 1, 2200, 1990]),
    st.sampled_from(["", " ", "x" * 20_000, "〇", "<b>&amp;</b>", "|", "\t\n", "\u3000", "'\""]),
    st.sampled_from(["0", "0.0000000001", "9" * 30, "1" * 20 + "." + "1" * 10, "-0"]),
    st.none(),
)


@st.composite
def edge_documents(draw: st.DrawFn) -> Any:
    """A mutated document, each mutation a value of plausible type at its edge."""
    import copy

    from fuzz.test_fuzz_io import BASES, _paths

    doc = copy.deepcopy(draw(st.sampled_from(BASES)))
    for _ in range(draw(st.integers(1, 4))):
        path = draw(st.sampled_from(_paths(doc)[1:]))
        node = doc
        for key in path[:-1]:
            node = node[key]
        old = node[path[-1]]
        if isinstance(old, dict | list) and draw(st.booleans()):
            continue
        node[path[-1]] = draw(_edge_values)
    return doc


@fuzz_settings()
@given(st.one_of(edge_documents(), mutated_documents()))
def test_everything_downstream_of_an_accepted_input(data: Any) -> None:
    count("downstream")
    report = load(data)
    if report is None:
        return
    findings = gd.check(report)
    for f in findings:
        f.message("zh_CN")
        f.message("en")
    for fmt in ("text", "markdown", "html"):
        for locale in ("zh_CN", "en"):
            gd.render(report, fmt, locale=locale).encode("utf-8")
    text = gd.to_json(report)
    text.encode("utf-8")
    assert gd.from_json(text) == report
    rows = gd.to_rows(report, facts=True, with_report=True)
    assert gd.from_rows(rows, report=report) == report
    alone = (
        gd.from_rows(rows)
        if report.edition.has_tables and any(r["source"] != "fact" for r in rows)
        else None
    )
    if alone is not None:
        assert (alone.active, alone.requests, alone.reviews) == (
            report.active,
            report.requests,
            report.reviews,
        )
