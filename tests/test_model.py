"""The report model: builders, stated vs computed totals, bulk cell checks, invariants."""

import datetime as dt
import pickle
from decimal import Decimal

import attrs
import pytest

from govdisclosure import (
    ActiveDisclosure2019,
    ActiveDisclosure2021,
    Amount,
    ApplicantCounts,
    Edition,
    ExtraRow,
    Fact,
    ItemCounts2019,
    Location,
    MoneyUnit,
    OtherHandling,
    Outcomes,
    Period,
    Procurement2019,
    Relation,
    Report,
    Requests2019,
    Requests2021,
    ReviewsAndLitigation,
    Section,
    StructureError,
)
from govdisclosure.numerals import parse_quantity


def test_applicant_counts_build_fills_total() -> None:
    row = ApplicantCounts.build(natural_person=4, commercial=2, other=1)
    assert row.total == 7
    assert row.computed_total == 7
    assert row.legal_persons == 3


def test_stated_total_is_kept_apart_from_computed_total() -> None:
    row = ApplicantCounts(natural_person=4, commercial=2, total=9)
    assert row.total == 9
    assert row.computed_total is None  # four columns blank: unknown, not zero
    full = attrs.evolve(row, research=0, public_interest=0, legal_services=0, other=0)
    assert full.computed_total == 6


def test_requests_build_computes_total_and_carried_forward() -> None:
    t = Requests2021.build(
        new=ApplicantCounts.build(natural_person=10, commercial=2),
        carried_over=ApplicantCounts.build(natural_person=1),
        granted=ApplicantCounts.build(natural_person=6),
        other=OtherHandling(unpaid_fee=ApplicantCounts.build(commercial=1)),
    )
    assert t.total.cells() == (6, 1, 0, 0, 0, 0, 7)
    assert t.carried_forward.cells() == (5, 1, 0, 0, 0, 0, 6)
    for new, over, total, forward in zip(
        t.new.cells(),
        t.carried_over.cells(),
        t.total.cells(),
        t.carried_forward.cells(),
        strict=True,
    ):
        assert new + over == total + forward
    assert len(t.rows()) == 25
    assert len(Requests2019.build().rows()) == 23


def test_outcomes_build() -> None:
    group = Outcomes.build(upheld=2, corrected=1, pending=1)
    assert group.total == 4 == group.computed_total


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (-1, "whole number >= 0 or null, found -1"),
        (1.0, "found 1.0"),
        (True, "found True"),
        ("3", "'3'"),
    ],
)
def test_table_rejects_bad_cells_with_path_and_label(bad: object, message: str) -> None:
    with pytest.raises(StructureError) as info:
        Requests2021(
            withheld=attrs.evolve(Requests2021().withheld, third_party=ApplicantCounts(other=bad))
        )  # type: ignore[arg-type]
    (problem,) = info.value.problems
    assert problem.path == "$.withheld.third_party.other"
    assert problem.label is not None
    assert "4.保护第三方合法权益" in problem.label
    assert "法人或其他组织 / 其他" in problem.label
    assert message in problem.message


def test_table_lists_every_bad_cell() -> None:
    with pytest.raises(StructureError) as info:
        ReviewsAndLitigation(review=Outcomes(upheld=-1), litigation_direct=Outcomes(total=-2))
    assert info.value.paths == ("$.review.upheld", "$.litigation_direct.total")


def test_signed_change_may_be_negative_but_must_be_int() -> None:
    table = ActiveDisclosure2019(
        licensing=ItemCounts2019(previous_items=716, change=-417, decisions=298)
    )
    assert table.licensing.change == -417
    with pytest.raises(StructureError, match=r"\$\.licensing\.previous_items"):
        ActiveDisclosure2019(licensing=ItemCounts2019(previous_items=-1))
    with pytest.raises(StructureError, match="expected an integer"):
        ActiveDisclosure2019(licensing=ItemCounts2019(change="+173"))  # type: ignore[arg-type]


def test_fee_must_be_an_amount_in_wan_yuan() -> None:
    fee = Amount("20.30", MoneyUnit.WAN_YUAN)
    assert ActiveDisclosure2021(fees=fee).fees == fee
    with pytest.raises(StructureError, match=r"\$\.fees"):
        ActiveDisclosure2021(fees=Amount(203000, MoneyUnit.YUAN))
    with pytest.raises(StructureError, match=r"\$\.fees"):
        ActiveDisclosure2021(fees=Amount("-1", MoneyUnit.WAN_YUAN))


def test_procurement_amount_is_a_decimal_with_the_printed_unit() -> None:
    p = Procurement2019(projects=3, amount=Decimal("184719"), amount_unit=MoneyUnit.YUAN)
    assert ActiveDisclosure2019(procurement=p).procurement.amount == Decimal("184719")
    with pytest.raises(StructureError, match="decimal >= 0"):
        ActiveDisclosure2019(procurement=Procurement2019(amount=Decimal("-5")))


def test_extra_rows_are_kept_and_checked() -> None:
    extra = ExtraRow(block="第二十条第(一)项", label="其他主动公开文件", values=(1, 2, 3))
    assert ActiveDisclosure2021(extra_rows=(extra,)).extra_rows == (extra,)
    with pytest.raises(StructureError, match="expected 3 values"):
        ActiveDisclosure2021(extra_rows=(attrs.evolve(extra, values=(1,)),))
    with pytest.raises(StructureError, match="expected one of"):
        ActiveDisclosure2021(extra_rows=(attrs.evolve(extra, block="第二十条第(二)项"),))


def _report(**kwargs: object) -> Report:
    base: dict[str, object] = {
        "agency": "某局",
        "year": 2022,
        "edition": Edition.STANDARD_2021,
        "title": "某局2022年政府信息公开工作年度报告",
    }
    base.update(kwargs)
    return Report(**base)  # type: ignore[arg-type]


def test_report_tables_must_match_the_edition() -> None:
    with pytest.raises(StructureError) as info:
        _report(requests=Requests2019())
    assert info.value.paths == ("$.requests",)
    assert "Requests2021" in str(info.value)
    with pytest.raises(StructureError, match=r"\$\.reviews.*ReviewsAndLitigation"):
        _report(reviews=Requests2021())
    with pytest.raises(StructureError, match="legacy-2008 report has no national tables"):
        _report(edition=Edition.LEGACY_2008, year=2015, reviews=ReviewsAndLitigation())


def test_report_year_must_be_an_int_year() -> None:
    with pytest.raises(StructureError, match=r"\$\.year"):
        _report(year="2022")


def _fact_report(start: int, end: int, text: str = "300余条") -> Report:
    para = "公开信息300余条,其中工作动态188条。"
    return _report(
        edition=Edition.LEGACY_2008,
        year=2015,
        sections=(Section(ordinal=4, title="主动公开政府信息情况", paragraphs=(para,)),),
        facts=(
            Fact(
                key="total",
                label="信息总数",
                text=text,
                quantity=parse_quantity(text),
                location=Location(section=(4,), paragraph=0, start=start, end=end),
            ),
        ),
    )


def test_fact_location_must_hold_the_fact_text() -> None:
    r = _fact_report(4, 9)
    assert r.paragraph_at(r.fact("total").location)[4:9] == "300余条"
    with pytest.raises(
        StructureError, match="expected the span to hold '300余条', found '00余条,'"
    ):
        _fact_report(5, 10)


def test_relations_must_name_facts() -> None:
    r = _fact_report(4, 9)
    with pytest.raises(StructureError) as info:
        attrs.evolve(r, relations=(Relation(result="total", add=("parts",)),))
    assert "names no fact: 'parts'" in str(info.value)
    with pytest.raises(KeyError, match="no fact 'nothing'"):
        r.fact("nothing")


def test_edition_for_year_and_period() -> None:
    assert Edition.for_year(2018) is Edition.LEGACY_2008
    assert Edition.for_year(2019) is Edition.TRIAL_2019
    assert Edition.for_year(2024) is Edition.STANDARD_2021
    assert Period.calendar_year(2015) == Period(
        start=dt.date(2015, 1, 1), end=dt.date(2015, 12, 31)
    )


def test_reports_are_immutable_and_pickle() -> None:
    r = _report(requests=Requests2021.build(new=ApplicantCounts.build(natural_person=1)))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        r.year = 2023  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(r)) == r
    err = StructureError([])
    assert pickle.loads(pickle.dumps(err)).problems == ()
