"""The public Hypothesis strategies: consistent by construction, Hypothesis-style arguments."""

import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import govdisclosure as gd
from govdisclosure import Edition, MoneyUnit
from govdisclosure import strategies as gst


def _assert_r1_to_r4(report: gd.Report) -> None:
    t = report.requests
    assert t is not None
    assert report.reviews is not None
    for row in t.rows():
        assert row.total == sum(row.parts)  # type: ignore[arg-type]       # R2
    for i in range(7):
        column = [row.cells()[i] for row in t.outcome_rows]
        assert t.total.cells()[i] == sum(column)  # type: ignore[arg-type]  # R3
        assert t.new.cells()[i] + t.carried_over.cells()[i] == (  # type: ignore[operator]  # R1
            t.total.cells()[i] + t.carried_forward.cells()[i]  # type: ignore[operator]
        )
    for group in report.reviews.groups():
        assert group.total == sum(group.cells()[:4])  # type: ignore[arg-type]  # R4


@given(gst.reports(editions=[Edition.STANDARD_2021, Edition.TRIAL_2019]))
def test_generated_tables_satisfy_the_official_sums(report: gd.Report) -> None:
    _assert_r1_to_r4(report)
    assert report.signature is not None
    assert report.signature.date is not None
    assert report.signature.date.year == report.year + 1
    assert Edition.for_year(report.year) is report.edition


@given(gst.reports(editions=[Edition.LEGACY_2008]))
def test_generated_legacy_facts_and_relations_hold(report: gd.Report) -> None:
    assert report.active is None
    assert report.requests is None
    facts = {f.key: f.quantity for f in report.facts}
    for relation in report.relations:
        value = sum(facts[k].exact * sign for k, sign in relation.terms())
        assert facts[relation.result].admits(value)


@given(st.from_type(gd.Report))
def test_from_type_resolves_through_the_entry_point(report: gd.Report) -> None:
    assert isinstance(report, gd.Report)


def test_entry_point_alone_registers_the_strategies() -> None:
    """In a fresh interpreter that never imports govdisclosure.strategies itself."""
    script = (
        "import sys\n"
        "from hypothesis import given, settings, strategies as st\n"
        "import govdisclosure as gd\n"
        "assert 'govdisclosure.strategies' not in sys.modules\n"
        "@settings(max_examples=5)\n"
        "@given(st.from_type(gd.Report), st.from_type(gd.Amount))\n"
        "def t(r, a):\n"
        "    assert isinstance(r, gd.Report) and isinstance(a, gd.Amount)\n"
        "    assert r.requests is None or r.requests.total == r.requests.computed_total\n"
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


@given(st.from_type(gd.Requests2019), st.from_type(gd.Amount))
def test_from_type_for_tables_and_amounts(table: gd.Requests2019, amount: gd.Amount) -> None:
    assert table.total == table.computed_total
    assert amount.value >= 0


@given(gst.amounts(units=[MoneyUnit.WAN_YUAN], places=st.just(2), max_value=100))
def test_amounts_honour_their_arguments(amount: gd.Amount) -> None:
    assert amount.unit is MoneyUnit.WAN_YUAN
    assert amount.decimals == 2
    assert amount <= gd.Amount(100, MoneyUnit.WAN_YUAN)


@given(gst.requests_tables(edition=Edition.TRIAL_2019, counts=st.integers(0, 3)))
def test_counts_argument_bounds_the_parts(table: gd.Requests2019) -> None:
    assert all(v <= 3 for row in table.outcome_rows for v in row.parts)  # type: ignore[operator]


@pytest.mark.parametrize(
    "make",
    [
        lambda: gst.amounts(min_value=-1),
        lambda: gst.amounts(min_value=5, max_value=4),
        lambda: gst.amounts(units=[]),
        lambda: gst.amounts(units="万元"),
        lambda: gst.reports(editions=42),
        lambda: gst.reports(counts=[1, 2]),
        lambda: gst.requests_tables(edition=Edition.LEGACY_2008),
        lambda: gst.active_disclosures(edition=Edition.LEGACY_2008),
    ],
)
def test_bad_arguments_raise_invalid_argument(make: object) -> None:
    with pytest.raises(InvalidArgument):
        _draw(make())  # type: ignore[operator]


def _draw(strategy: st.SearchStrategy[object]) -> None:
    @given(strategy)
    def draw(_: object) -> None:
        pass

    draw()


def test_strategy_draws_are_checked() -> None:
    with pytest.raises(InvalidArgument, match="must draw Edition"):
        _draw(gst.reports(editions=st.just("standard-2021")))  # type: ignore[arg-type]
    with pytest.raises(InvalidArgument, match="non-negative ints"):
        _draw(gst.applicant_counts(counts=st.just(-1)))
