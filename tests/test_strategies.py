"""The public Hypothesis strategies: consistent by construction, what real reports have,
constraints, one argument convention, InvalidArgument for bad arguments, from_type for every
record, and failures that print a few lines."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import govdisclosure as gd
from govdisclosure import Edition, MoneyUnit, Policy
from govdisclosure import strategies as gst
from govdisclosure.layout import layout_of
from govdisclosure.testing import _plugin

TABLES = [Edition.STANDARD_2021, Edition.TRIAL_2019]


def _assert_r1_to_r4(report: gd.Report) -> None:
    """The official sums, blank cells counted as 0."""
    t = report.requests
    if t is not None:
        for row in t.rows():
            if row.total is not None:
                assert row.total == sum(v or 0 for v in row.parts)  # R2
        for i in range(7):
            column = [row.cells()[i] or 0 for row in t.outcome_rows]
            assert (t.total.cells()[i] or 0) == sum(column)  # R3
            assert (t.new.cells()[i] or 0) + (t.carried_over.cells()[i] or 0) == (  # R1
                (t.total.cells()[i] or 0) + (t.carried_forward.cells()[i] or 0)
            )
    if report.reviews is not None:
        for group in report.reviews.groups():
            assert (group.total or 0) == sum(v or 0 for v in group.cells()[:4])  # R4


def _cells(report: gd.Report) -> list[Any]:
    return [
        cell.get(report)
        for t in layout_of(report.edition).tables
        if getattr(report, t.attribute) is not None
        for cell in t.cells
    ]


# --------------------------------------------------------------------------- by construction


@given(gst.reports(editions=TABLES))
def test_generated_tables_satisfy_the_official_sums(report: gd.Report) -> None:
    _assert_r1_to_r4(report)
    assert None not in _cells(report)  # no blanks unless asked for
    assert report.signature is not None
    assert report.signature.date is not None
    assert report.signature.date.year == report.year + 1
    assert Edition.for_year(report.year) is report.edition


@given(gst.reports(editions=TABLES, blanks="zero"))
def test_zero_blanks_keep_the_sums_with_blanks_as_zero(report: gd.Report) -> None:
    _assert_r1_to_r4(report)
    findings = gd.check(report, policy=Policy(blank="zero"))
    assert {f.code for f in findings} <= {"GD105"}
    assert all(f.severity is gd.Severity.NOTICE for f in findings)
    assert findings.ok


@given(gst.reports(editions=TABLES, blanks="unknown"))
def test_unknown_blanks_check_clean_under_their_policy(report: gd.Report) -> None:
    findings = gd.check(report)  # Policy(blank="unknown") is the default
    assert {f.code for f in findings} <= {"GD105"}
    assert findings.ok


@given(gst.reports(editions=[Edition.LEGACY_2008]))
def test_generated_legacy_facts_and_relations_hold(report: gd.Report) -> None:
    assert report.active is None
    assert report.requests is None
    facts = {f.key: f.quantity for f in report.facts}
    for relation in report.relations:
        value = sum(facts[k].exact * sign for k, sign in relation.terms())
        assert facts[relation.result].admits(value)


# --------------------------------------------------------------------------- what is drawn


def _is_blank_cell(report: gd.Report) -> bool:
    return None in _cells(report)


@pytest.mark.parametrize(
    ("strategy", "what"),
    [
        (gst.reports(blanks="unknown"), _is_blank_cell),
        (gst.reports(blanks="zero"), _is_blank_cell),
        (gst.reports(blanks="zero"), lambda r: r.edition.has_tables and r.requests is None),
        (
            gst.reports(editions=[Edition.STANDARD_2021], blanks="zero"),
            lambda r: r.active is not None and r.active.fees is None,
        ),
        (
            gst.reports(editions=[Edition.TRIAL_2019], blanks="unknown"),
            lambda r: r.active is not None and r.active.procurement.amount is None,
        ),
        (gst.reports(), lambda r: any(s.subsections for s in r.sections)),
        (gst.reports(), lambda r: r.active is not None and len(r.active.extra_rows) == 2),
        (gst.reports(editions=[Edition.LEGACY_2008]), lambda r: not r.facts),
        (gst.reports(editions=[Edition.LEGACY_2008]), lambda r: bool(r.relations)),
        (gst.reports(), lambda r: any(len(p) > 600 for s in r.sections for p in s.paragraphs)),
        (gst.reports(), lambda r: any(not s.paragraphs for s in r.sections)),
        (gst.reports(), lambda r: r.requests is not None and r.requests.new.commercial),
        (gst.requests_tables(), lambda t: isinstance(t, gd.Requests2019)),
    ],
)
def test_what_real_reports_have_is_drawn(strategy: st.SearchStrategy[Any], what: Any) -> None:
    find(strategy, what, settings=settings(max_examples=2000, database=None))


@given(gst.reports(blanks="unknown"))
def test_reports_with_blanks_still_build_and_round_trip(report: gd.Report) -> None:
    assert gd.from_json(gd.to_json(report)) == report


# --------------------------------------------------------------------------- constraints


@given(gst.reports(years=[2016, 2023], agencies=["青山县教育局"]))
def test_years_and_agencies(report: gd.Report) -> None:
    assert report.year in (2016, 2023)
    assert report.edition is Edition.for_year(report.year)
    assert report.agency == "青山县教育局"
    assert report.title == f"青山县教育局{report.year}年政府信息公开工作年度报告"
    assert gd.check(report) == gd.Findings()


@given(gst.reports(years=st.integers(1990, 2200), agencies=st.text(min_size=1).filter(str.strip)))
def test_years_and_agencies_as_strategies_over_the_whole_range(report: gd.Report) -> None:
    assert gd.check(report) == gd.Findings()


@given(gst.reports(years=range(2015, 2025), editions=[Edition.TRIAL_2019]))
def test_years_within_the_editions(report: gd.Report) -> None:
    assert report.year in (2019, 2020)


@pytest.mark.parametrize("max_count", [0, 3, 100, gd.layout.MAX_COUNT])
def test_max_count_bounds_every_cell_totals_included(max_count: int) -> None:
    counts = st.integers(0, gd.layout.MAX_COUNT) if max_count > 100 else None

    @settings(max_examples=30)
    @given(gst.reports(editions=TABLES, max_count=max_count, counts=counts))
    def test(report: gd.Report) -> None:
        values = [v for v in _cells(report) if isinstance(v, int)]
        assert all(abs(v) <= max_count for v in values)
        for row in report.active.extra_rows if report.active is not None else ():
            assert all(abs(v) <= max_count for v in row.values if v is not None)
        assert gd.check(report) == gd.Findings()

    test()


@given(gst.requests_tables(editions=[Edition.TRIAL_2019], counts=st.integers(0, 3)))
def test_counts_argument_bounds_the_parts(table: gd.Requests2019) -> None:
    assert all(v <= 3 for row in table.outcome_rows for v in row.parts)  # type: ignore[operator]


@given(gst.requests_tables(edition=Edition.TRIAL_2019, counts=[0, 7]))
def test_counts_as_a_collection_and_the_one_edition_form(table: gd.Requests2019) -> None:
    assert isinstance(table, gd.Requests2019)
    assert {v for row in table.outcome_rows for v in row.parts} <= {0, 7}


@given(gst.amounts(units=[MoneyUnit.WAN_YUAN], places=st.just(2), max_value=100))
def test_amounts_honour_their_arguments(amount: gd.Amount) -> None:
    assert amount.unit is MoneyUnit.WAN_YUAN
    assert amount.decimals == 2
    assert amount <= gd.Amount(100, MoneyUnit.WAN_YUAN)


@given(gst.reports(counts=st.just(gd.layout.MAX_COUNT)))
def test_counts_at_the_bound_stay_valid(report: gd.Report) -> None:
    assert gd.check(report).ok


# --------------------------------------------------------------------------- arguments


@pytest.mark.parametrize(
    "make",
    [
        lambda: gst.amounts(min_value=-1),
        lambda: gst.amounts(min_value=5, max_value=4),
        lambda: gst.amounts(units=[]),
        lambda: gst.amounts(units="万元"),
        lambda: gst.amounts(units=st.just("万元")),
        lambda: gst.amounts(places=[11]),
        lambda: gst.reports(editions=42),
        lambda: gst.reports(editions=["standard-2021"]),
        lambda: gst.reports(editions=st.just("standard-2021")),
        lambda: gst.reports(counts=42),
        lambda: gst.reports(counts=st.just(-1)),
        lambda: gst.reports(counts=[1.5]),
        lambda: gst.reports(years=[1800]),
        lambda: gst.reports(years=st.just(1800)),
        lambda: gst.reports(years=[2015], editions=[Edition.STANDARD_2021]),
        lambda: gst.reports(years=st.just(2015), editions=[Edition.STANDARD_2021]),
        lambda: gst.reports(years=[2015], editions=st.just(Edition.LEGACY_2008)),
        lambda: gst.reports(agencies="青山县教育局"),
        lambda: gst.reports(agencies=[""]),
        lambda: gst.reports(agencies=st.just("\ud800")),
        lambda: gst.reports(agencies=st.just(3)),
        lambda: gst.reports(max_count=-1),
        lambda: gst.reports(max_count=True),
        lambda: gst.reports(max_count=10**16),
        lambda: gst.reports(blanks="maybe"),
        lambda: gst.reports(blanks=True),
        lambda: gst.requests_tables(edition=Edition.LEGACY_2008),
        lambda: gst.requests_tables(editions=st.just(Edition.LEGACY_2008)),
        lambda: gst.requests_tables(edition=Edition.TRIAL_2019, editions=[Edition.TRIAL_2019]),
        lambda: gst.active_disclosures(edition=Edition.LEGACY_2008),
        lambda: gst.applicant_counts(counts=st.just(-1)),
        lambda: gst.outcomes(max_count=-5),
        lambda: gst.reviews_and_litigation(blanks="0"),
        lambda: gst.reports_breaking("GD101", editions=st.just(Edition.LEGACY_2008)),
        lambda: gst.reports_breaking("GD101", max_count=-1),
        lambda: gst.reports_breaking("GD101", agencies=[""]),
    ],
)
def test_bad_arguments_raise_invalid_argument(make: Any) -> None:
    with pytest.raises(InvalidArgument):
        _draw(make())


def _draw(strategy: st.SearchStrategy[object]) -> None:
    @settings(max_examples=3, database=None, suppress_health_check=list(HealthCheck))
    @given(strategy)
    def draw(_: object) -> None:
        pass

    draw()


def test_expected_is_exported_everywhere() -> None:
    from govdisclosure import testing
    from govdisclosure.testing import breaking
    from govdisclosure.testing import strategies as inner

    assert gst.Expected is testing.Expected is inner.Expected is breaking.Expected
    assert repr(gst.Expected("GD101", "$.requests")) == "Expected('GD101', '$.requests')"


# --------------------------------------------------------------------------- from_type


@pytest.mark.parametrize("cls", _plugin.registered(), ids=lambda c: c.__name__)
def test_from_type_works_for_every_public_record(cls: type) -> None:
    @settings(max_examples=10, database=None)
    @given(st.from_type(cls))
    def test(value: object) -> None:
        assert type(value) is cls

    test()


def test_every_public_record_is_registered() -> None:
    import attrs

    records = {
        v for k in gd.model.__all__ if isinstance(v := getattr(gd.model, k), type) and attrs.has(v)
    }
    assert set(_plugin.registered()) == records | {gd.Amount, gd.Quantity}
    from govdisclosure.testing.strategies import _by_type

    assert set(_by_type()) == set(_plugin.registered())


@given(st.from_type(gd.Section))
def test_from_type_of_a_section_is_a_real_section(section: gd.Section) -> None:
    assert 1 <= section.ordinal <= 6
    assert section.title


def test_entry_point_alone_registers_the_strategies() -> None:
    """In a fresh interpreter that never imports govdisclosure.strategies itself."""
    script = (
        "import sys\n"
        "from hypothesis import given, settings, strategies as st\n"
        "import govdisclosure as gd\n"
        "assert 'govdisclosure.strategies' not in sys.modules\n"
        "@settings(max_examples=5)\n"
        "@given(st.from_type(gd.Report), st.from_type(gd.Amount), st.from_type(gd.Section))\n"
        "def t(r, a, s):\n"
        "    assert isinstance(r, gd.Report) and isinstance(a, gd.Amount)\n"
        "    assert r.requests is None or r.requests.total == r.requests.computed_total\n"
        "    assert 1 <= s.ordinal <= 999\n"
        "t()\n"
        "print('ok')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_importing_govdisclosure_does_not_import_hypothesis() -> None:
    script = "import sys, govdisclosure; print('hypothesis' in sys.modules)"
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "False"


# --------------------------------------------------------------------------- failures


def test_a_failing_test_prints_a_few_lines() -> None:
    """The compact form: Hypothesis prints the falsifying report as its one-line repr and a
    line per table with the figures that differ from an empty table."""

    @settings(
        database=None,
        phases=[Phase.generate, Phase.shrink],  # no explain phase: see docs/strategies.md
        max_examples=50,
        print_blob=False,  # the reproduce_failure hint (on by default under CI) is not the report
    )
    @given(gst.reports(editions=[Edition.STANDARD_2021]))
    def downstream(report: gd.Report) -> None:
        assert report.requests is None or report.requests.new.total == 0  # fails

    with pytest.raises(AssertionError) as info:
        downstream()
    notes = "\n".join(getattr(info.value, "__notes__", []))
    assert "downstream(" in notes  # "Falsifying example:" / "Failing test case:"
    assert len(notes.splitlines()) <= 6, notes
    assert "report=<Report " in notes


def test_report_and_table_reprs_are_one_line() -> None:
    report = gd.examples.load("jianghe-2021")
    assert (
        repr(report)
        == "<Report 江河市自然资源和规划局 2021 standard-2021: 6 sections, tables 二三四, 38 facts>"
    )
    from hypothesis.vendor.pretty import pretty

    lines = pretty(report).splitlines()  # the line, then the figures of each table
    assert lines[0] == repr(report)
    assert all(line.startswith("  ") and len(line) < 250 for line in lines[1:])
    assert "\n" not in pretty(report.requests)
    assert pretty(report.requests).startswith("<Requests2021 一=46")
