"""Property tests of validation: the promises downstream users rely on.

- every generated valid report checks clean, for every edition and either blank policy;
- a consecutive series of generated reports checks clean;
- for every rule, a report broken by ``reports_breaking`` yields exactly the expected finding;
- interval arithmetic agrees with exact Fraction arithmetic on random rounded amounts;
- when exactly one cell of table 三 was changed, the suggestion names it and its value.
"""

from __future__ import annotations

from fractions import Fraction

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from govdisclosure import strategies as gst
from govdisclosure.model import ApplicantCounts, Edition, Fact, Location, Relation, Report
from govdisclosure.money import Amount, MoneyUnit
from govdisclosure.numerals import Quantity
from govdisclosure.rules import Findings, Interval, Policy, catalog, check, check_series
from govdisclosure.rules._equations import compiled
from govdisclosure.testing.breaking import align, with_year

TABLE_EDITIONS = [Edition.TRIAL_2019, Edition.STANDARD_2021]


def _set(obj, path: str, value):
    head, _, rest = path.partition(".")
    if not rest:
        return attrs.evolve(obj, **{head: value})
    return attrs.evolve(obj, **{head: _set(getattr(obj, head), rest, value)})


# --------------------------------------------------------------------------- clean


@pytest.mark.parametrize("edition", list(Edition), ids=lambda e: e.value)
@given(data=st.data())
def test_generated_reports_check_clean(edition: Edition, data: st.DataObject) -> None:
    report = data.draw(gst.reports(editions=[edition]))
    assert check(report) == Findings()
    assert check(report, policy=Policy(blank="zero")) == Findings()


@given(gst.reports(counts=st.integers(0, 10**6)))
def test_generated_reports_with_large_counts_check_clean(report: Report) -> None:
    assert check(report) == Findings()


@st.composite
def series(draw: st.DrawFn) -> list[Report]:
    """Two to four consecutive years of one agency, each aligned with the year before."""
    first = draw(st.integers(2016, 2025))
    n = draw(st.integers(2, 4))
    out: list[Report] = []
    for year in range(first, first + n):
        report = draw(gst.reports(editions=[Edition.for_year(year)]))
        report = with_year(report, year)
        if out:
            report = align(attrs.evolve(report, agency=out[0].agency), out[-1])
        out.append(report)
    return out


@given(series())
def test_aligned_series_check_clean(reports: list[Report]) -> None:
    assert check_series(reversed(reports)) == Findings()


# --------------------------------------------------------------------------- broken


@pytest.mark.parametrize("code", [r.code for r in catalog()])
@settings(max_examples=60)
@given(data=st.data())
def test_each_rule_broken_once_yields_exactly_its_finding(code: str, data: st.DataObject) -> None:
    report, expected = data.draw(gst.reports_breaking(code))
    findings = check(report, previous=expected.previous, coverage=expected.coverage)
    assert [(f.code, f.path) for f in findings] == [(expected.code, expected.path)]
    assert findings[0].message()
    assert findings[0].message("en")
    if expected.previous is not None:
        assert findings[0].previous_year == report.year - 1
        (again,) = check_series([expected.previous, report])
        assert (again.code, again.path, again.year) == (expected.code, expected.path, report.year)


def test_reports_breaking_refuses_bad_arguments() -> None:
    with pytest.raises(InvalidArgument):
        gst.reports_breaking("GD999")
    with pytest.raises(InvalidArgument):
        gst.reports_breaking(101)  # type: ignore[arg-type]
    with pytest.raises(InvalidArgument):
        gst.reports_breaking("GD101", editions=[Edition.LEGACY_2008])
    with pytest.raises(InvalidArgument):
        gst.reports_breaking("GD402", editions=[Edition.TRIAL_2019])
    with pytest.raises(InvalidArgument):
        gst.reports_breaking("GD101", editions=["standard-2021"])  # type: ignore[list-item]


@given(gst.reports_breaking("GD104", editions=[Edition.TRIAL_2019]))
def test_reports_breaking_honours_editions(case) -> None:
    report, expected = case
    assert report.edition is Edition.TRIAL_2019
    assert expected.code == "GD104"


# --------------------------------------------------------------------------- intervals

UNITS = st.sampled_from(MoneyUnit)


def _printed(true_fen: int, unit: MoneyUnit, places: int) -> Amount:
    """A true value in 分 (0.01元) printed in ``unit`` with ``places`` decimals, 四舍五入."""
    scaled = Fraction(true_fen, 100) / Fraction(unit.factor) * 10**places
    n = (scaled + Fraction(1, 2)).__floor__()
    text = str(n) if places == 0 else f"{n // 10**places}.{n % 10**places:0{places}d}"
    return Amount(text, unit)


def _fraction_interval(a: Amount) -> tuple[Fraction, Fraction]:
    v = Fraction(a.value) * Fraction(a.unit.factor)
    half = Fraction(1, 2) * Fraction(10) ** (-a.decimals) * Fraction(a.unit.factor)
    return v - half, v + half


def _interval(a: Amount) -> Interval:
    return Interval.closed(*a.interval())


printed_parts = st.lists(
    st.tuples(st.integers(0, 10**10), UNITS, st.integers(0, 4)), min_size=1, max_size=6
)


@given(printed_parts, UNITS, st.integers(0, 4))
def test_rounded_parts_of_a_true_sum_are_always_consistent(parts, unit, places) -> None:
    amounts = [_printed(v, u, d) for v, u, d in parts]
    total = _printed(sum(v for v, _, _ in parts), unit, places)
    combined = Interval.point(0)
    for a in amounts:
        combined = combined + _interval(a)
    assert combined.meets(_interval(total))


@given(printed_parts, st.integers(0, 10**10), UNITS, st.integers(0, 4))
def test_interval_arithmetic_agrees_with_fractions(parts, total_fen, unit, places) -> None:
    amounts = [_printed(v, u, d) for v, u, d in parts]
    total = _printed(total_fen, unit, places)
    combined = Interval.point(0)
    low, high = Fraction(0), Fraction(0)
    for a in amounts:
        combined = combined + _interval(a)
        lo, hi = _fraction_interval(a)
        low, high = low + lo, high + hi
    t_low, t_high = _fraction_interval(total)
    meets = max(low, t_low) <= min(high, t_high)
    assert combined.meets(_interval(total)) is meets
    gap = max(Fraction(0), t_low - high, low - t_high)
    assert Fraction(combined.gap(_interval(total))) == gap
    assert Fraction(combined.low) == low
    assert Fraction(combined.high) == high


@given(printed_parts, st.integers(0, 10**10), UNITS, st.integers(0, 4))
def test_gd201_decides_as_the_fraction_arithmetic(parts, total_fen, unit, places) -> None:
    amounts = [_printed(v, u, d) for v, u, d in parts]
    total = _printed(total_fen, unit, places)
    figures = [total, *amounts]
    texts = [str(a) for a in figures]
    paragraph = "合计" + texts[0] + "，其中" + "，".join(texts[1:]) + "。"
    facts, start = [], 0
    for i, (a, text) in enumerate(zip(figures, texts, strict=True)):
        at = paragraph.index(text, start)
        start = at + len(text)
        facts.append(
            Fact(
                key=f"f{i}",
                label=f"第{i}项",
                text=text,
                quantity=Quantity(a.value, a.unit.value),
                location=Location(section=(1,), paragraph=0, start=at, end=start),
            )
        )
    from govdisclosure import examples

    base = examples.load("xianning-2015")
    sections = (attrs.evolve(base.sections[0], paragraphs=(paragraph,)), *base.sections[1:])
    report = attrs.evolve(
        base,
        sections=sections,
        facts=tuple(facts),
        relations=(Relation(result="f0", add=tuple(f"f{i}" for i in range(1, len(texts)))),),
    )
    low = sum(_fraction_interval(a)[0] for a in amounts)
    high = sum(_fraction_interval(a)[1] for a in amounts)
    t_low, t_high = _fraction_interval(total)
    consistent = max(low, t_low) <= min(high, t_high)
    findings = check(report).by_code("GD201")
    assert (not findings) is consistent
    if findings:
        assert Fraction(findings[0].discrepancy) == max(t_low - high, low - t_high)


# --------------------------------------------------------------------------- which cell


@pytest.mark.parametrize("edition", TABLE_EDITIONS, ids=lambda e: e.value)
@given(data=st.data())
def test_one_changed_cell_of_table_three_is_named(edition: Edition, data: st.DataObject) -> None:
    report = data.draw(gst.reports(editions=[edition]))
    table = compiled(edition).tables[1]
    cell = data.draw(st.sampled_from(table.cells))
    value = cell.get(report)
    new = data.draw(st.integers(0, value + 40).filter(lambda v: v != value))
    changed = _set(report, f"requests.{cell.key}", new)
    findings = check(changed, policy=Policy(select=["GD101", "GD102", "GD103"]))
    assert findings
    for f in findings:
        (s,) = f.suggestions
        assert s.kind == "cell"
        assert s.paths == (cell.json_path,)
        assert (s.current, s.proposed) == (new, value)


@given(data=st.data())
def test_a_changed_cell_of_table_four_is_never_misnamed(data: st.DataObject) -> None:
    report = data.draw(gst.reports(editions=[Edition.STANDARD_2021]))
    cell = data.draw(st.sampled_from(compiled(Edition.STANDARD_2021).tables[2].cells))
    value = cell.get(report)
    new = data.draw(st.integers(0, value + 40).filter(lambda v: v != value))
    findings = check(_set(report, f"reviews.{cell.key}", new), policy=Policy(select=["GD104"]))
    assert len(findings) == 1
    for s in findings[0].suggestions:
        assert s.paths == (cell.json_path,)
        assert s.proposed == value


@given(data=st.data())
def test_a_request_filed_under_the_wrong_applicant_type(data: st.DataObject) -> None:
    report = data.draw(gst.reports(editions=[Edition.STANDARD_2021], counts=st.integers(1, 30)))
    t = report.requests
    row = t.granted  # with counts >= 1, natural persons granted are >= 1
    a = "natural_person"
    b = data.draw(st.sampled_from(ApplicantCounts.COLUMNS[1:6]))
    k = data.draw(st.integers(1, row.natural_person))
    moved = attrs.evolve(row, **{a: getattr(row, a) - k, b: getattr(row, b) + k})
    findings = check(attrs.evolve(report, requests=attrs.evolve(t, granted=moved)))
    assert findings.codes == ("GD103", "GD103")
    for f in findings:
        (s,) = f.suggestions
        assert s.kind == "compensating"
        assert s.proposed == k
