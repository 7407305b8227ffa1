"""The report model: builders, stated vs computed totals, bulk cell checks, invariants."""

import datetime as dt
import pickle
from decimal import Decimal

import attrs
import pytest

import govdisclosure as gd
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
from govdisclosure.numerals import Quantity, parse_quantity


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
        (10**16, "at most 1,000,000,000,000,000 (MAX_COUNT)"),
    ],
)
def test_a_builder_locates_bad_cells_by_report_path_and_cell_label(
    bad: object, message: str
) -> None:
    with pytest.raises(StructureError) as info:
        Requests2021.build(withheld={"third_party": {"other": bad}})
    (problem,) = info.value.problems
    assert problem.path == "$.requests.withheld.third_party.other"
    cell = gd.layout_of(Edition.STANDARD_2021).cell("requests", "withheld.third_party.other")
    assert problem.label == cell.label  # one way of writing a cell's label
    assert message in problem.message


@pytest.mark.parametrize("bad", [-1, 1.0, True, "3", 10**16, Decimal(1)])
def test_a_row_checks_its_own_cells(bad: object) -> None:
    with pytest.raises(StructureError) as info:
        ApplicantCounts(other=bad)  # type: ignore[arg-type]
    (problem,) = info.value.problems
    assert problem.path == "$.other"  # a row does not know where it stands
    assert problem.label == "表三 | 法人或其他组织 / 其他"


def test_table_lists_every_bad_cell() -> None:
    with pytest.raises(StructureError) as info:
        ReviewsAndLitigation.build(review={"upheld": -1}, litigation_direct={"total": -2})
    assert info.value.paths == ("$.reviews.review.upheld", "$.reviews.litigation_direct.total")
    with pytest.raises(StructureError) as info:
        Outcomes(upheld=-1, total=-2)
    assert info.value.paths == ("$.upheld", "$.total")


def test_signed_change_may_be_negative_but_must_be_int() -> None:
    table = ActiveDisclosure2019(
        licensing=ItemCounts2019(previous_items=716, change=-417, decisions=298)
    )
    assert table.licensing.change == -417
    with pytest.raises(StructureError, match=r"\$\.previous_items \(表二 \| 上一年项目数量\)"):
        ItemCounts2019(previous_items=-1)
    with pytest.raises(StructureError, match="expected an integer"):
        ItemCounts2019(change="+173")  # type: ignore[arg-type]
    with pytest.raises(StructureError, match=r"\$\.active\.licensing\.change"):
        ActiveDisclosure2019.build(licensing={"change": 10**16})


def test_fee_must_be_an_amount_in_wan_yuan() -> None:
    fee = Amount("20.30", MoneyUnit.WAN_YUAN)
    assert ActiveDisclosure2021(fees=fee).fees == fee
    with pytest.raises(StructureError, match=r"\$\.active\.fees"):
        ActiveDisclosure2021(fees=Amount(203000, MoneyUnit.YUAN))
    with pytest.raises(StructureError, match=r"\$\.active\.fees"):
        ActiveDisclosure2021(fees=Amount("-1", MoneyUnit.WAN_YUAN))
    with pytest.raises(StructureError, match="MAX_DIGITS"):
        ActiveDisclosure2021(fees=Amount("9" * 31, MoneyUnit.WAN_YUAN))
    with pytest.raises(StructureError, match="MAX_PLACES"):
        ActiveDisclosure2021(fees=Amount("0." + "0" * 20 + "1", MoneyUnit.WAN_YUAN))


def test_procurement_amount_is_a_decimal_with_the_printed_unit() -> None:
    p = Procurement2019(projects=3, amount=Decimal("184719"), amount_unit=MoneyUnit.YUAN)
    assert ActiveDisclosure2019(procurement=p).procurement.amount == Decimal("184719")
    with pytest.raises(StructureError, match=r"\$\.amount \(表二 \| 采购总金额\).*decimal >= 0"):
        Procurement2019(amount=Decimal("-5"))
    with pytest.raises(StructureError, match="MAX_DIGITS"):
        Procurement2019(amount=Decimal("9" * 201))


def test_extra_rows_are_kept_and_checked() -> None:
    extra = ExtraRow(block="第二十条第(一)项", label="其他主动公开文件", values=(1, 2, 3))
    assert ActiveDisclosure2021(extra_rows=(extra,)).extra_rows == (extra,)
    with pytest.raises(StructureError, match="expected 3 values"):
        ActiveDisclosure2021(extra_rows=(attrs.evolve(extra, values=(1,)),))
    with pytest.raises(StructureError, match="expected one of"):
        ActiveDisclosure2021(extra_rows=(attrs.evolve(extra, block="第二十条第(二)项"),))


@pytest.mark.parametrize("label", ["'\"", "  ", "“”"])
def test_extra_rows_need_a_label_with_words(label: str) -> None:
    """A label with no words (only quotes or spaces) names no row: the model refuses it."""
    extra = ExtraRow(block="第二十条第(一)项", label=label, values=(1, 2, 3))
    with pytest.raises(StructureError, match=r"\$\.active\.extra_rows\[0\]\.label"):
        ActiveDisclosure2021(extra_rows=(extra,))


def test_extra_rows_keep_their_labels_as_printed() -> None:
    """Spaces around a label and a label printed twice are kept, and tidy rows carry them
    back (they tell the rows apart by their path)."""
    from govdisclosure import examples, from_rows, to_rows

    one = ExtraRow(block="第二十条第(一)项", label="其他文件", values=(1, 2, 3))
    two = attrs.evolve(one, label=" 其他文件", values=(4, 5, 6))
    table = ActiveDisclosure2021(extra_rows=(one, one, two))
    report = attrs.evolve(examples.load("jianghe-2021"), active=table)
    assert from_rows(to_rows(report), report=report) == report


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


# --------------------------------------------------------------------------- every record checked


def test_applicant_counts_build_refuses_a_string() -> None:
    with pytest.raises(StructureError) as info:
        ApplicantCounts.build(natural_person="3")  # type: ignore[arg-type]
    (problem,) = info.value.problems
    assert (problem.path, problem.label) == ("$.natural_person", "表三 | 自然人")
    assert "'3' (a str)" in problem.message


def test_signature_date_must_be_a_date() -> None:
    with pytest.raises(StructureError) as info:
        gd.Signature(agency="某局", date="2024-01-26")  # type: ignore[arg-type]
    assert info.value.paths == ("$.date",)
    assert "datetime.date.fromisoformat('2024-01-26')" in str(info.value)
    with pytest.raises(StructureError, match=r"\$\.date.*use its \.date\(\)"):
        gd.Signature(agency="某局", date=dt.datetime(2024, 1, 26, 9, 0))


def test_section_paragraphs_must_be_a_tuple_of_text() -> None:
    with pytest.raises(StructureError) as info:
        Section(ordinal=1, title="总体情况", paragraphs="一段话")  # type: ignore[arg-type]
    assert info.value.paths == ("$.paragraphs",)
    with pytest.raises(StructureError, match=r"\$\.paragraphs.*write a tuple"):
        Section(ordinal=1, title="总体情况", paragraphs=["一段话"])  # type: ignore[arg-type]
    with pytest.raises(StructureError, match=r"\$\.paragraphs\[1\]"):
        Section(ordinal=1, title="总体情况", paragraphs=("一段话", 2))  # type: ignore[arg-type]


@pytest.mark.parametrize("ordinal", [1.5, 0, 1000, -15703412704660, True, "1", None])
def test_section_ordinal_runs_from_1_to_999(ordinal: object) -> None:
    with pytest.raises(StructureError) as info:
        Section(ordinal=ordinal, title="总体情况")  # type: ignore[arg-type]
    assert info.value.paths == ("$.ordinal",)
    assert "from 1 to 999" in str(info.value)
    assert Section(ordinal=999, title="附").ordinal == 999


def test_metadata_and_sections_given_lists_are_refused() -> None:
    with pytest.raises(StructureError, match=r"\$\.metadata: expected a Metadata or null"):
        _report(metadata=[])
    with pytest.raises(StructureError, match=r"\$\.name"):
        gd.Metadata(name=["某局"])  # type: ignore[arg-type]
    sections = [Section(ordinal=1, title="总体情况")]
    with pytest.raises(StructureError, match=r"\$\.sections: expected a tuple.*write a tuple"):
        _report(sections=sections)
    report = _report(sections=tuple(sections))
    assert hash(report) == hash(_report(sections=tuple(sections)))
    assert gd.from_json(gd.to_json(report)) == report


def test_lone_surrogates_are_refused() -> None:
    with pytest.raises(StructureError, match=r"\$\.title: expected text without lone surrogates"):
        _report(title="某局\ud800年报")
    with pytest.raises(StructureError, match=r"\$\.paragraphs\[0\]"):
        Section(ordinal=1, title="总体情况", paragraphs=("\udfff",))
    with pytest.raises(StructureError, match=r"\$\.label"):
        ExtraRow(block="第二十条第(一)项", label="\ud83d", values=())


def test_a_report_lists_every_problem_of_its_fields() -> None:
    with pytest.raises(StructureError) as info:
        Report(
            agency=1,  # type: ignore[arg-type]
            year=2022.0,  # type: ignore[arg-type]
            edition="standard-2021",  # type: ignore[arg-type]
            title="t",
            preamble=["x"],  # type: ignore[arg-type]
            signature="某局",  # type: ignore[arg-type]
            facts=({},),  # type: ignore[arg-type]
        )
    assert info.value.paths == (
        "$.agency",
        "$.edition",
        "$.year",
        "$.signature",
        "$.preamble",
        "$.facts[0]",
    )


def test_location_bounds() -> None:
    with pytest.raises(StructureError, match=r"\$\.section\[0\]"):
        Location(section=(0,), paragraph=0, start=0, end=1)
    with pytest.raises(StructureError, match=r"\$\.end: expected an end >= start"):
        Location(section=(1,), paragraph=0, start=5, end=1)
    with pytest.raises(StructureError, match=r"\$\.paragraph"):
        Location(section=(1,), paragraph=-1, start=0, end=1)


def test_fact_figures_are_bounded() -> None:
    loc = Location(section=(4,), paragraph=0, start=0, end=1)
    big = parse_quantity("1" * 31 + "条")
    with pytest.raises(StructureError, match=r"\$\.quantity.*MAX_DIGITS"):
        Fact(key="k", label="l", text="1", quantity=big, location=loc)
    tiny = Quantity(Decimal("0." + "0" * 200 + "1"), "元")
    with pytest.raises(StructureError, match=r"\$\.quantity.*MAX_PLACES"):
        Fact(key="k", label="l", text="1", quantity=tiny, location=loc)


def test_the_year_is_bounded() -> None:
    for year in (gd.layout.MIN_YEAR - 1, gd.layout.MAX_YEAR + 1, True):
        with pytest.raises(StructureError, match=r"\$\.year: expected a year from 1990 to 2200"):
            _report(year=year)


# One valid set of arguments per public record; the test below changes one field at a time.
_D = dt.date(2024, 1, 26)
_LOC = Location(section=(4,), paragraph=0, start=0, end=1)
VALID: dict[type, dict[str, object]] = {
    gd.ApplicantCounts: {},
    gd.Withheld: {},
    gd.Unable: {},
    gd.NotProcessed: {},
    gd.OtherHandling: {},
    gd.Outcomes: {},
    gd.DocumentCounts2021: {},
    gd.DocumentCounts2019: {},
    gd.ItemCounts2019: {},
    gd.FeeItems2019: {},
    gd.Procurement2019: {},
    gd.ExtraRow: {"block": "第二十条第(一)项", "label": "其他文件", "values": (1, 2, 3)},
    gd.ActiveDisclosure2021: {},
    gd.ActiveDisclosure2019: {},
    gd.Requests2021: {},
    gd.Requests2019: {},
    gd.ReviewsAndLitigation: {},
    gd.Metadata: {},
    gd.Section: {"ordinal": 1, "title": "总体情况"},
    gd.Signature: {"agency": "某局"},
    gd.Period: {"start": _D, "end": _D},
    gd.Location: {"section": (4,), "paragraph": 0, "start": 0, "end": 1},
    gd.Fact: {
        "key": "k",
        "label": "l",
        "text": "1",
        "quantity": parse_quantity("1条"),
        "location": _LOC,
    },
    gd.Relation: {"result": "a", "add": ("b",)},
    gd.Report: {"agency": "某局", "year": 2022, "edition": Edition.STANDARD_2021, "title": "t"},
}


def _wrong_values(owner: type, name: str, hint: object) -> list[object]:
    """Values of the wrong type (or out of bounds) for a field of ``hint``'s type."""
    import typing

    args = set(typing.get_args(hint))
    optional = type(None) in args
    signed = (owner, name) in gd.model.tables.signed_fields()
    out: list[object] = [] if optional else [None]
    if hint in (int, int | None):
        out += ["1", 1.0, True, Decimal(1), 10**16]
        if not signed:
            out.append(-1)
        if name in ("ordinal", "year"):
            out += [0, 10**4]
    elif hint in (str, str | None):
        out += [1, b"x", "\ud800"]
    elif hint in (dt.date, dt.date | None):
        out += ["2024-01-26", dt.datetime(2024, 1, 26)]
    elif typing.get_origin(hint) is tuple:
        out += [["x"], "x", (object(),)]
    elif hint == Decimal | None:
        out += [1.5, "1", Decimal("-1"), Decimal("NaN"), Decimal("1E+40")]
    elif hint == Amount | None:
        tiny = Amount(Decimal("1E-20"), MoneyUnit.WAN_YUAN)
        out += [Decimal("1"), Amount(1, MoneyUnit.YUAN), tiny]
    else:  # a record, an enum, a quantity
        out += [{}, "x", 1]
    return out


def _cases() -> list[tuple[type, str, object]]:
    import typing

    cases = []
    for cls in VALID:
        hints = typing.get_type_hints(cls)
        for f in attrs.fields(cls):
            for bad in _wrong_values(cls, f.name, hints[f.name]):
                cases.append((cls, f.name, bad))
    return cases


def test_every_public_record_is_covered() -> None:
    records = {
        v for k in gd.model.__all__ if attrs.has(v := getattr(gd.model, k)) and isinstance(v, type)
    }
    assert records == set(VALID)


@pytest.mark.parametrize(
    ("cls", "name", "bad"), _cases(), ids=lambda x: getattr(x, "__name__", repr(x))[:30]
)
def test_every_public_record_refuses_each_wrong_type(cls: type, name: str, bad: object) -> None:
    kwargs = {**VALID[cls], name: bad}
    with pytest.raises(StructureError) as info:
        cls(**kwargs)
    try:
        attribute = gd.model.layout_of_table(cls).attribute
        where = f"$.{attribute}.{name}"
    except KeyError:
        where = f"$.{name}"
    assert any(p == where or p.startswith((where + ".", where + "[")) for p in info.value.paths), (
        info.value.paths
    )


# --------------------------------------------------------------------------- check never raises

from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from govdisclosure.layout import MAX_COUNT, MAX_DIGITS, MAX_ORDINAL, MAX_PLACES  # noqa: E402
from govdisclosure.numerals import MEASURE_WORDS, Qualifier  # noqa: E402

_COUNT = st.one_of(
    st.none(), st.integers(0, 40), st.sampled_from([MAX_COUNT, MAX_COUNT - 1, 10**9, 0])
)
_SIGNED = st.one_of(st.none(), st.integers(-MAX_COUNT, MAX_COUNT), st.integers(-50, 50))
_TEXT = st.text(max_size=12) | st.sampled_from(
    ["总体情况", "", "一、", "(三)", "300余条", "收到政府信息公开申请5件"]
)


@st.composite
def _decimal(draw: st.DrawFn) -> Decimal:
    places = draw(st.integers(0, MAX_PLACES))
    digits = draw(st.integers(1, MAX_DIGITS))
    n = draw(st.integers(0, 10**digits - 1) | st.just(10**digits - 1))
    return Decimal(f"{n}E-{places}")  # exact: scaleb would round to 28 digits


def _record(cls: type, **overrides: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    """Any record of a row class: every count cell anything a count may hold."""
    import typing

    fields = {}
    for f in attrs.fields(cls):
        t = typing.get_type_hints(cls)[f.name]
        if f.name in overrides:
            fields[f.name] = overrides[f.name]
        elif attrs.has(t):
            fields[f.name] = _record(t)
        elif (cls, f.name) in gd.model.tables.signed_fields():
            fields[f.name] = _SIGNED
        elif t == int | None:
            fields[f.name] = _COUNT
    return st.builds(cls, **fields)


_EXTRA = st.builds(
    ExtraRow,
    block=st.just("第二十条第(一)项"),
    label=st.sampled_from(["其他文件", "目录"]),
    values=st.tuples(_COUNT, _COUNT, _COUNT),
)
_TABLES = {
    Edition.STANDARD_2021: {
        "active": _record(
            ActiveDisclosure2021,
            fees=st.none() | _decimal().map(lambda d: Amount(d, MoneyUnit.WAN_YUAN)),
            extra_rows=st.lists(_EXTRA, max_size=1).map(tuple),
        ),
        "requests": _record(Requests2021),
        "reviews": _record(ReviewsAndLitigation),
    },
    Edition.TRIAL_2019: {
        "active": _record(
            ActiveDisclosure2019,
            procurement=_record(
                Procurement2019,
                amount=st.none() | _decimal(),
                amount_unit=st.none() | st.sampled_from(MoneyUnit),
            ),
        ),
        "requests": _record(Requests2019),
        "reviews": _record(ReviewsAndLitigation),
    },
    Edition.LEGACY_2008: {},
}

_SECTIONS = st.recursive(
    st.builds(
        Section,
        ordinal=st.integers(1, MAX_ORDINAL) | st.integers(1, 7),
        title=_TEXT,
        paragraphs=st.lists(_TEXT, max_size=3).map(tuple),
    ),
    lambda inner: st.builds(
        Section,
        ordinal=st.integers(1, 7),
        title=_TEXT,
        paragraphs=st.lists(_TEXT, max_size=2).map(tuple),
        subsections=st.lists(inner, max_size=2).map(tuple),
    ),
    max_leaves=6,
)


@st.composite
def constructible_reports(draw: st.DrawFn) -> Report:
    """Reports from anything the constructors accept: extreme counts, blanks, any text, any
    dates, sections at any ordinal, facts located anywhere their text is."""
    edition = draw(st.sampled_from(Edition))
    tables = {k: draw(st.none() | v) for k, v in _TABLES[edition].items()}
    sections = tuple(draw(st.lists(_SECTIONS, max_size=7)))
    preamble = tuple(draw(st.lists(_TEXT, max_size=2)))
    report = Report(
        agency=draw(_TEXT),
        year=draw(st.integers(gd.layout.MIN_YEAR, gd.layout.MAX_YEAR)),
        edition=edition,
        title=draw(_TEXT),
        metadata=draw(st.none() | st.builds(gd.Metadata, published=st.none() | st.dates())),
        preamble=preamble,
        sections=sections,
        signature=draw(
            st.none() | st.builds(gd.Signature, agency=_TEXT, date=st.none() | st.dates())
        ),
        period=draw(st.none() | st.builds(Period, start=st.dates(), end=st.dates())),
        **tables,
    )
    first: dict[tuple[int, ...], tuple[str, ...]] = {(): preamble}
    for path, s in gd.model.walk_sections(sections):
        first.setdefault(path, s.paragraphs)  # where report.section(*path) looks
    places = [(path, j, p) for path, ps in first.items() for j, p in enumerate(ps) if p]
    facts = []
    for i in range(draw(st.integers(0, 4)) if places else 0):
        path, j, p = draw(st.sampled_from(places))
        start = draw(st.integers(0, len(p) - 1))
        end = draw(st.integers(start + 1, len(p)))
        value = draw(_decimal())
        qualifier = draw(st.none() | st.sampled_from(Qualifier)) if value else None
        unit = draw(st.sampled_from([*MEASURE_WORDS[:5], "元", "万元", "亿元", "万"]))
        facts.append(
            Fact(
                key=f"f{i}",
                label=draw(_TEXT),
                text=p[start:end],
                quantity=Quantity(value, unit, qualifier),
                location=Location(section=path, paragraph=j, start=start, end=end),
            )
        )
    keys = [f.key for f in facts]
    relations = []
    if keys:
        for _ in range(draw(st.integers(0, 2))):
            relations.append(
                Relation(
                    result=draw(st.sampled_from(keys)),
                    add=tuple(draw(st.lists(st.sampled_from(keys), max_size=3))),
                    subtract=tuple(draw(st.lists(st.sampled_from(keys), max_size=2))),
                )
            )
    return attrs.evolve(report, facts=tuple(facts), relations=tuple(relations))


@given(constructible_reports(), st.none() | constructible_reports())
def test_check_never_raises_on_a_constructible_report(
    report: Report, previous: Report | None
) -> None:
    if previous is not None:  # last year's report of the same agency (else a usage error)
        if report.year == gd.layout.MIN_YEAR:
            report = attrs.evolve(report, year=report.year + 1)
        previous = attrs.evolve(previous, agency=report.agency, year=report.year - 1)
    findings = gd.check(report, previous=previous)
    assert all(f.message() and f.message("en") for f in findings)
    gd.check(report, policy=gd.Policy(blank="zero"))
    gd.check_series([r for r in (previous, report) if r is not None])


# --------------------------------------------------------------------------- derived names

_GROUPS = (gd.Withheld, gd.Unable, gd.NotProcessed, OtherHandling)
_COUNT_ROWS = (
    ApplicantCounts,
    Outcomes,
    gd.DocumentCounts2021,
    gd.DocumentCounts2019,
    ItemCounts2019,
    gd.FeeItems2019,
    Procurement2019,
)


@pytest.mark.parametrize("group", _GROUPS, ids=lambda c: c.__name__)
def test_a_groups_rows_are_its_fields_in_the_layouts_order(group: type) -> None:
    names = tuple(f.name for f in attrs.fields(group))
    assert names == group.ROWS
    layout = gd.layout.layout_of(Edition.STANDARD_2021).table("三")
    place = next(f.name for f in attrs.fields(Requests2021) if f.type in (group, group.__name__))
    keys = [row.key for block in layout.blocks for row in block.rows]
    assert [k.split(".")[1] for k in keys if k.startswith(f"{place}.")] == list(names)
    rows = group.build(**{names[-1]: {"natural_person": 1}}).rows()
    assert [r.natural_person for r in rows] == [0] * (len(names) - 1) + [1]


@pytest.mark.parametrize("row", _COUNT_ROWS, ids=lambda c: c.__name__)
def test_a_rows_columns_are_its_layout_blocks_keys(row: type) -> None:
    fields = [f.name for f in attrs.fields(row)]
    blocks = [
        tuple(c.key for c in block.columns)
        for edition in Edition
        for table in gd.layout.layout_of(edition).tables
        for block in table.blocks
    ]
    assert row.COLUMNS in blocks
    assert list(row.COLUMNS) == [f for f in fields if f in row.COLUMNS]
    assert len(row().cells()) == (1 if row is Procurement2019 else len(row.COLUMNS))


@pytest.mark.parametrize(
    "cls",
    [
        *_GROUPS,
        ApplicantCounts,
        Outcomes,
        ActiveDisclosure2021,
        ActiveDisclosure2019,
        Requests2021,
        Requests2019,
        ReviewsAndLitigation,
    ],
    ids=lambda c: c.__name__,
)
def test_a_builder_refuses_a_name_that_is_no_field(cls: type) -> None:
    near = attrs.fields(cls)[0].name
    with pytest.raises(TypeError, match=rf"unexpected keyword argument '{near}x'.*did you mean"):
        cls.build(**{f"{near}x": None})
    with pytest.raises(gd.WrongTypeError, match="unexpected keyword argument 'colour'"):
        cls.build(colour=1)


def test_a_totalled_row_is_built_without_its_total() -> None:
    with pytest.raises(gd.WrongTypeError, match="'total' \\(one of: upheld, corrected"):
        Outcomes.build(total=3)


def test_a_huge_negative_count_is_a_located_problem_not_a_value_error() -> None:
    with pytest.raises(StructureError) as info:
        ApplicantCounts(natural_person=-(10**5000))
    (problem,) = info.value.problems
    assert problem.path == "$.natural_person"
    assert problem.message.endswith("found an int of about 5001 digits")
