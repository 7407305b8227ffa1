"""aggregate and check_rollup: exact sums, least precision, intervals, blanks, refusals."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govdisclosure import examples
from govdisclosure.analysis import (
    AggregateError,
    DuplicateReportsError,
    MixedEditionsError,
    aggregate,
    check_rollup,
)
from govdisclosure.analysis._cells import tables_from_values, values_of
from govdisclosure.io import to_rows
from govdisclosure.layout import Edition, layout_of
from govdisclosure.money import Amount, MoneyUnit
from govdisclosure.rules import Finding, check

from .conftest import report_sets

A = examples.load("jianghe-2021")


def named(report, agency, **changes):  # type: ignore[no-untyped-def]
    return attrs.evolve(report, agency=agency, **changes)


@settings(max_examples=40)
@given(st.sampled_from([Edition.STANDARD_2021, Edition.TRIAL_2019]).flatmap(report_sets))
def test_aggregate_equals_an_independent_cell_wise_sum(parts) -> None:  # type: ignore[no-untyped-def]
    """Sum the tidy rows of the parts (io.to_rows, not the layouts' getters) and compare."""
    edition = parts[0].edition
    expected: dict[tuple[str, str, str], int] = {}
    blank: set[tuple[str, str, str]] = set()
    for r in parts:
        for row in to_rows(r):
            key = (row["table"], row["row"], row["column"])
            if row["unit"] != "件":  # money: compared below
                continue
            if row["value"] is None:
                blank.add(key)
            else:
                expected[key] = expected.get(key, 0) + row["value"]
    result = aggregate(parts, agency="某市人民政府", year=2022)
    assert result.edition is edition
    got = {
        (row["table"], row["row"], row["column"]): row["value"] for row in to_rows(result.report)
    }
    for key, value in expected.items():
        assert got[key] == (None if key in blank else value), key
    if edition is Edition.STANDARD_2021:
        fees = [r.active.fees for r in parts]
        cell = result.cell("$.active.fees")
        assert cell.exact == Amount.total(fees)
        assert cell.value == cell.exact.round(min(f.decimals for f in fees))  # type: ignore[union-attr]
        assert cell.interval is not None
        assert cell.interval.low == sum(f.interval()[0] for f in fees)
        assert cell.interval.high == sum(f.interval()[1] for f in fees)
    else:
        amounts = [(r.active.procurement.amount, r.active.procurement.amount_unit) for r in parts]
        cell = result.cell("$.active.procurement.amount")
        if len({u for _, u in amounts}) == 1:
            assert not cell.missing
            total = sum(a for a, _ in amounts)
            assert (cell.exact.value if isinstance(cell.exact, Amount) else cell.exact) == total
        else:
            assert set(cell.missing) == {
                r.agency for r in parts if r.active.procurement.amount_unit is None
            }
    # a summary of consistent parts is consistent
    assert check(result.report).by_code("GD101", "GD102", "GD103", "GD104").ok


@settings(max_examples=40)
@given(
    st.sampled_from([Edition.STANDARD_2021, Edition.TRIAL_2019]).flatmap(
        lambda e: report_sets(e, min_size=2, max_size=4)
    ),
    st.data(),
)
def test_check_rollup_flags_exactly_the_perturbed_cells(parts, data) -> None:  # type: ignore[no-untyped-def]
    agg = aggregate(parts, agency="某市人民政府", year=2022)
    summary = agg.report
    assert not check_rollup(summary, parts).errors
    values = values_of(summary, summary.edition)
    cells = [c for c in layout_of(summary.edition).cells if values[c.json_path] is not None]
    chosen = data.draw(
        st.lists(st.sampled_from(cells), min_size=1, max_size=6, unique_by=lambda c: c.json_path)
    )
    for cell in chosen:
        delta = data.draw(st.integers(1, 50)) * data.draw(st.sampled_from([1, -1]))
        old = values[cell.json_path]
        if isinstance(old, Amount):  # beyond every interval: n parts and the summary
            step = Amount(abs(delta) + len(parts), old.unit)
            values[cell.json_path] = old + step if delta > 0 or old < step else old - step
        elif isinstance(old, Decimal):
            values[cell.json_path] = old + abs(delta) + len(parts)
        else:
            assert isinstance(old, int)
            values[cell.json_path] = (
                old + delta if old + delta >= 0 or cell.kind == "signed" else (old + abs(delta))
            )
    wrong = attrs.evolve(summary, **tables_from_values(summary.edition, values))
    findings = check_rollup(wrong, parts)
    assert all(isinstance(f, Finding) for f in findings)
    assert set(findings.codes) <= {"GA101", "GA104"}
    errors = findings.errors
    assert set(errors.codes) == {"GA101"}
    assert sorted(f.path for f in errors) == sorted(c.json_path for c in chosen)
    for f in errors:
        assert f.message("zh_CN")
        assert f.message("en")
        assert len(f.sides) == 2


def test_amounts_keep_the_least_precision_and_carry_the_interval() -> None:
    fees = [
        Amount("0.33", MoneyUnit.WAN_YUAN),
        Amount("0.33", MoneyUnit.WAN_YUAN),
        Amount("0.3", MoneyUnit.WAN_YUAN),
    ]
    parts = [
        named(A, f"机关{i}", active=attrs.evolve(A.active, fees=fee)) for i, fee in enumerate(fees)
    ]
    cell = aggregate(parts, agency="某市", year=2021).cell("$.active.fees")
    assert cell.exact == Amount("0.96", MoneyUnit.WAN_YUAN)
    assert str(cell.value) == "1.0万元"
    assert cell.interval is not None
    assert (cell.interval.low, cell.interval.high) == (Decimal(9000), Decimal(10200))


def test_rounded_money_agrees_within_intervals() -> None:
    """The format specification's example: 0.33 + 0.33 + 0.33 (万元) agrees with 1.00, not 1.02."""
    third = Amount("0.33", MoneyUnit.WAN_YUAN)
    parts = [named(A, f"机关{i}", active=attrs.evolve(A.active, fees=third)) for i in range(3)]
    summary = aggregate(parts, agency="某市", year=2021).report
    assert summary.active is not None
    ok = attrs.evolve(
        summary, active=attrs.evolve(summary.active, fees=Amount("1.00", MoneyUnit.WAN_YUAN))
    )
    assert not check_rollup(ok, parts)
    off = attrs.evolve(
        summary, active=attrs.evolve(summary.active, fees=Amount("1.02", MoneyUnit.WAN_YUAN))
    )
    (finding,) = check_rollup(off, parts)
    assert finding.code == "GA101"
    assert finding.discrepancy == Decimal(100)
    assert "至少 100元" in finding.message()


def test_blanks_are_incomplete_never_zero() -> None:
    t = A.requests
    assert t is not None
    blank = named(A, "乙局", requests=attrs.evolve(t, new=attrs.evolve(t.new, research=None)))
    result = aggregate([named(A, "甲局"), blank], agency="某市", year=2021)
    cell = result.cell("$.requests.new.research")
    assert cell.incomplete
    assert cell.value is None
    assert cell.exact == t.new.research
    assert cell.missing == ("乙局",)
    assert result.lacking == {"乙局": ("$.requests.new.research",)}
    assert not result.complete
    assert result.report.requests is not None
    assert result.report.requests.new.research is None
    zero = aggregate([named(A, "甲局"), blank], agency="某市", year=2021, blanks="zero")
    assert zero.cell("$.requests.new.research").value == t.new.research
    summary = aggregate([named(A, "甲局"), named(A, "乙局")], agency="某市", year=2021).report
    (finding,) = check_rollup(summary, [named(A, "甲局"), blank])
    assert finding.code == "GA104"
    assert "乙局" in finding.message()


def test_duplicates_are_refused_with_the_names() -> None:
    with pytest.raises(DuplicateReportsError, match="江河市自然资源和规划局 2021"):
        aggregate([A, named(A, " 江河市自然资源和规划局 ")], agency="某市", year=2021)
    assert issubclass(DuplicateReportsError, ValueError)


def test_wrong_year_and_legacy_are_refused() -> None:
    with pytest.raises(AggregateError, match="every report must be of 2022"):
        aggregate([A], agency="某市", year=2022)
    legacy = examples.load("xianning-2015")
    with pytest.raises(AggregateError, match="no national tables"):
        aggregate([legacy], agency="某市", year=2015)


def test_mixed_editions_refused_or_mapped() -> None:
    old = named(examples.load("jianghe-2020"), "乙局", year=2021)
    with pytest.raises(MixedEditionsError, match="map_editions=True"):
        aggregate([A, old], agency="某市", year=2021)
    mapped = aggregate([A, old], agency="某市", year=2021, map_editions=True)
    assert mapped.edition is Edition.STANDARD_2021
    assert mapped.mapped == ("乙局",)
    assert old.requests is not None
    assert A.requests is not None
    assert (
        mapped.cell("$.requests.new.total").value == old.requests.new.total + A.requests.new.total
    )
    assert mapped.cell("$.active.fees").missing == ("乙局",)
    assert mapped.cell("$.requests.other.unpaid_fee.total").missing == ("乙局",)
    # onto 2019: the three 2021 (六) rows add up to the single 2019 row
    onto19 = aggregate(
        [A, old], agency="某市", year=2021, map_editions=True, edition=Edition.TRIAL_2019
    )
    assert onto19.cell("$.requests.other.total").value == (
        old.requests.other.total + sum(r.total for r in A.requests.other.rows())  # type: ignore[union-attr]
    )


def test_expected_bodies() -> None:
    parts = [named(A, "甲局"), named(A, "乙局")]
    summary = aggregate(parts, agency="某市", year=2021).report
    findings = check_rollup(summary, parts, expected=["甲局", "丙局"])
    assert [(f.code, f.args[0][1]) for f in findings] == [("GA102", "丙局"), ("GA105", "乙局")]
    assert findings.errors.codes == ("GA102",)
    assert "丙局" in findings[0].message()
    assert "丙局" in findings[0].message("en")


def test_aggregate_pickles() -> None:
    import pickle

    result = aggregate([named(A, "甲局"), named(A, "乙局")], agency="某市", year=2021)
    assert pickle.loads(pickle.dumps(result)) == result
    findings = check_rollup(result.report, [named(A, "甲局")])
    assert pickle.loads(pickle.dumps(findings)) == findings


def test_the_ambient_decimal_context_plays_no_part() -> None:
    import decimal

    fees = ["12345.67", "0.01", "99999.99"]
    parts = [
        named(A, f"机关{i}", active=attrs.evolve(A.active, fees=Amount(f, MoneyUnit.WAN_YUAN)))
        for i, f in enumerate(fees)
    ]
    expected = aggregate(parts, agency="某市", year=2021)
    with decimal.localcontext(prec=3, rounding=decimal.ROUND_DOWN):
        result = aggregate(parts, agency="某市", year=2021)
        findings = check_rollup(expected.report, parts)
    assert result == expected
    assert not findings
    assert str(result.cell("$.active.fees").value) == "112345.67万元"


def test_figures_printed_without_a_unit_are_rolled_up_too() -> None:
    """The 2019 采购总金额 printed bare by every part: the summary's figure is compared with
    the bare sum, with the interval of the printed decimals."""
    base = examples.load("jianghe-2020")
    parts = [
        attrs.evolve(
            base,
            agency=name,
            year=2022,
            active=attrs.evolve(
                base.active,
                procurement=attrs.evolve(
                    base.active.procurement, amount=Decimal(value), amount_unit=None
                ),
            ),
        )
        for name, value in (("甲局", "10.5"), ("乙局", "4"))
    ]
    summary = aggregate(parts, agency="某市人民政府", year=2022).report
    assert summary.active.procurement.amount == Decimal("14.5")
    assert not check_rollup(summary, parts).errors
    off = attrs.evolve(
        summary,
        active=attrs.evolve(
            summary.active,
            procurement=attrs.evolve(summary.active.procurement, amount=Decimal("16")),
        ),
    )
    (finding,) = check_rollup(off, parts).errors
    assert (finding.code, finding.path) == ("GA101", "$.active.procurement.amount")
