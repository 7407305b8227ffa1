"""Builders: a clean, complete table from the figures an agency has — by attribute, from a
grid of printed rows (a CSV file), from tidy cells, from dotted keys — and errors that say
where, in report paths and the layout's labels."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import govdisclosure as gd
from govdisclosure import (
    ActiveDisclosure2019,
    ActiveDisclosure2021,
    Amount,
    ApplicantCounts,
    Edition,
    MoneyUnit,
    NotProcessed,
    OtherHandling,
    Outcomes,
    Report,
    Requests2019,
    Requests2021,
    ReviewsAndLitigation,
    StructureError,
    Unable,
    Withheld,
)
from govdisclosure import strategies as gst
from govdisclosure.layout import TableLayout, layout_of
from govdisclosure.model import layout_of_table

FIXTURES = Path(__file__).parent / "fixtures"


def _report(edition: Edition = Edition.STANDARD_2021, **tables: Any) -> Report:
    year = 2023 if edition is Edition.STANDARD_2021 else 2020
    return attrs.evolve(Report.empty(agency="青山县教育局", year=year, edition=edition), **tables)


def _csv(name: str) -> list[list[str]]:
    with (FIXTURES / name).open(encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


# --------------------------------------------------------------------------- the scenario


def test_a_county_report_from_csv_files_checks_clean() -> None:
    """The issue's scenario: a county 教育局 builds its 2023 report, one call per table."""
    report = _report(
        active=ActiveDisclosure2021.from_grid(_csv("county-2023-table2.csv")),
        requests=Requests2021.from_grid(_csv("county-2023-table3.csv")),
        reviews=ReviewsAndLitigation.from_grid(_csv("county-2023-table4.csv")),
    )
    assert gd.check(report) == gd.Findings()
    assert gd.check(report, policy=gd.Policy(blank="zero")) == gd.Findings()
    t = report.tables_2021().requests
    assert t is not None
    assert t.new.cells() == (18, 3, 0, 1, 2, 0, 24)  # 总计 not stated: computed
    assert t.total.cells() == (17, 3, 0, 1, 2, 0, 23)  # (七)总计 left empty: computed
    assert t.carried_forward.cells() == (2, 0, 0, 0, 0, 0, 2)
    assert t.withheld.process_information.cells() == (1, 0, 0, 0, 0, 0, 1)  # empty cells: 0
    assert str(report.tables_2021().active.fees) == "1.25万元"  # type: ignore[union-attr]


def test_a_county_report_from_a_dict_of_figures_checks_clean() -> None:
    report = _report(
        active=ActiveDisclosure2021.from_keys(
            {"normative_documents": [4, 1, 23], "licensing": 126, "punishment": 3, "fees": "1.25"}
        ),
        requests=Requests2021.from_keys(
            {
                "new": [18, 3, 0, 1, 2, 0],
                "carried_over.natural_person": 1,
                "granted": [9, 2, 0, 1, 1, 0],
                "partly_granted.natural_person": 2,
                "withheld.third_party.natural_person": 1,
                "withheld.process_information.natural_person": 1,
                "unable.not_held": {"natural_person": 3, "commercial": 1, "legal_services": 1},
                "not_processed.petitions.natural_person": 1,
            }
        ),
        reviews=ReviewsAndLitigation.from_keys(
            {"review.upheld": 1, "litigation_direct.pending": 1}
        ),
    )
    assert gd.check(report) == gd.Findings()
    from_csv = Requests2021.from_grid(_csv("county-2023-table3.csv"))
    assert report.requests == from_csv


def test_the_readme_example_checks_clean() -> None:
    requests = Requests2021.build(
        new=ApplicantCounts.build(natural_person=10, commercial=2),
        granted=ApplicantCounts.build(natural_person=7, commercial=1),
    )
    report = gd.Report(
        agency="某局",
        year=2022,
        edition=Edition.STANDARD_2021,
        title="某局2022年政府信息公开工作年度报告",
        requests=requests,
    )
    findings = gd.check(report)
    assert findings.ok
    assert not [f for f in findings if f.path.startswith("$.requests")]  # was 149 GD105
    full = _report(
        active=ActiveDisclosure2021.build(),
        requests=requests,
        reviews=ReviewsAndLitigation.build(),
    )
    assert gd.check(full) == gd.Findings()


# --------------------------------------------------------------------------- build


def test_rows_not_given_are_zeros() -> None:
    t = Requests2021.build(new={"natural_person": 2}, granted={"natural_person": 2})
    assert all(v is not None for row in t.rows() for v in row.cells())
    assert t.withheld.state_secret.cells() == (0,) * 7
    assert t.other.unpaid_fee.cells() == (0,) * 7
    assert t.carried_forward.cells() == (0,) * 7


def test_blanks_when_asked_for() -> None:
    t = Requests2021.build(new={"natural_person": 2}, granted={"natural_person": 2}, blank=True)
    assert t.new.cells() == (2, None, None, None, None, None, 2)
    assert t.withheld.state_secret.cells() == (None,) * 7
    assert t.total.cells() == (2, None, None, None, None, None, 2)  # blank where every term is
    assert t.carried_forward.cells() == (0, None, None, None, None, None, 0)
    explicit = Requests2021.build(new={"natural_person": 2, "commercial": None}, unable=None)
    assert explicit.new.commercial is None
    assert explicit.new.research == 0
    assert explicit.unable.not_held.cells() == (None,) * 7
    findings = gd.check(_report(requests=t), policy=gd.Policy(blank="zero"))
    assert findings.ok
    assert {f.code for f in findings} == {"GD105"}
    assert {f.severity for f in findings} == {gd.Severity.NOTICE}


@pytest.mark.parametrize(
    ("cls", "kwargs", "attribute", "cells"),
    [
        (ApplicantCounts, {"natural_person": 3, "other": 1}, None, (3, 0, 0, 0, 0, 1, 4)),
        (Outcomes, {"corrected": 2}, None, (0, 2, 0, 0, 2)),
        (Withheld, {"third_party": {"natural_person": 1}}, "third_party", (1, 0, 0, 0, 0, 0, 1)),
        (Unable, {"not_held": [1, 1, 0, 0, 0, 0]}, "not_held", (1, 1, 0, 0, 0, 0, 2)),
        (NotProcessed, {}, "repeated", (0,) * 7),
        (OtherHandling, {"unpaid_fee": None}, "unpaid_fee", (None,) * 7),
    ],
)
def test_every_part_builds_complete(
    cls: Any, kwargs: dict[str, Any], attribute: str | None, cells: tuple[int | None, ...]
) -> None:
    built = cls.build(**kwargs)
    row = built if attribute is None else getattr(built, attribute)
    assert row.cells() == cells
    if attribute is not None:
        assert all(r.cells() == (0,) * 7 for r in built.rows() if r is not row)


@pytest.mark.parametrize(
    "make",
    [
        lambda: _report(active=ActiveDisclosure2021.build(licensing=12, fees="20.30")),
        lambda: _report(
            Edition.TRIAL_2019,
            active=ActiveDisclosure2019.build(licensing={"previous_items": 7, "change": -3}),
            requests=Requests2019.build(new={"natural_person": 1}, other=[1, 0, 0, 0, 0, 0]),
            reviews=ReviewsAndLitigation.build(review=Outcomes.build(upheld=1)),
        ),
        lambda: _report(
            requests=Requests2021.build(
                new=[5, 1, 0, 0, 0, 0],
                carried_over={"natural_person": 1},
                withheld=Withheld.build(state_secret={"natural_person": 1}),
                unable={"not_held": {"natural_person": 2}},
                not_processed={"repeated": [1, 0, 0, 0, 0, 0]},
                other=OtherHandling.build(other={"commercial": 1}),
            ),
            reviews=ReviewsAndLitigation.build(litigation_after_review={"pending": 2}),
        ),
    ],
)
def test_built_tables_check_clean(make: Any) -> None:
    findings = gd.check(make())
    # the only findings: the tables not built at all (GD105 for the whole table)
    assert all(f.code == "GD105" for f in findings)
    assert all(f.path in ("$.active", "$.requests", "$.reviews") for f in findings)


def test_the_fee_builds_from_its_value_in_wan_yuan() -> None:
    assert ActiveDisclosure2021.build().fees == Amount(0, MoneyUnit.WAN_YUAN)
    assert ActiveDisclosure2021.build(blank=True).fees is None
    assert str(ActiveDisclosure2021.build(fees=Decimal("3.5")).fees) == "3.5万元"
    assert str(ActiveDisclosure2021.build(fees="2.03万元").fees) == "2.03万元"
    with pytest.raises(StructureError, match=r"\$\.active\.fees.*20\.3 \(a float\)"):
        ActiveDisclosure2021.build(fees=20.3)  # type: ignore[arg-type]
    with pytest.raises(StructureError, match=r"\$\.active\.fees"):
        ActiveDisclosure2021.build(fees="20300元")


# --------------------------------------------------------------------------- errors


def test_outcomes_beyond_one_plus_two_say_which_sum_where_and_by_how_much() -> None:
    with pytest.raises(StructureError) as info:
        Requests2021.build(
            new={"natural_person": 3, "commercial": 1},
            granted={"natural_person": 5},
            withheld={"third_party": {"commercial": 4}},
        )
    problems = info.value.problems
    assert [p.path for p in problems] == [
        "$.requests.total.natural_person",
        "$.requests.total.commercial",
    ]
    cell = layout_of(Edition.STANDARD_2021).cell("requests", "total.commercial")
    assert problems[1].label == cell.label
    assert "add up to 4 in column 法人或其他组织 / 商业企业" in problems[1].message
    assert "more than 一 + 二 = 1" in problems[1].message
    assert "by 3" in problems[1].message
    assert "-" not in problems[0].message.split("by")[1]  # no negative figure blamed on anyone


def test_errors_use_report_paths_and_the_layouts_labels() -> None:
    with pytest.raises(StructureError) as info:
        Requests2021.build(
            new={"natural_person": -1, "robots": 2},
            withheld={"third_party": "x"},
            unable={"not_hold": {}},
        )
    got = {p.path: p for p in info.value.problems}
    assert list(got) == [
        "$.requests.new.robots",
        "$.requests.new.natural_person",
        "$.requests.withheld.third_party",
        "$.requests.unable.not_hold",
    ]
    layout = layout_of(Edition.STANDARD_2021)
    assert (
        got["$.requests.new.natural_person"].label
        == layout.cell("requests", "new.natural_person").label
    )
    assert "did you mean 'not_held'?" in got["$.requests.unable.not_hold"].message
    assert got["$.requests.withheld.third_party"].label == (
        "表三 三、本年度办理结果 / (三)不予公开 / 4.保护第三方合法权益"
    )


def test_a_part_alone_locates_within_itself_with_the_cells_label() -> None:
    with pytest.raises(StructureError) as info:
        Withheld.build(third_party={"natural_person": "3"})
    (problem,) = info.value.problems
    assert problem.path == "$.third_party.natural_person"
    cell = layout_of(Edition.STANDARD_2021).cell("requests", "withheld.third_party.natural_person")
    assert problem.label == cell.label


def test_blank_must_be_a_bool() -> None:
    with pytest.raises(TypeError, match="blank= must be True or False"):
        ApplicantCounts.build(blank="yes")  # type: ignore[arg-type]
    with pytest.raises(gd.WrongTypeError, match="blank= must be True or False"):
        Requests2021.build(blank=1)  # type: ignore[arg-type]
    with pytest.raises(gd.WrongTypeError):
        Requests2021.from_grid([], blank="yes")  # type: ignore[arg-type]


# --------------------------------------------------------------------------- from_grid


def test_grid_short_labels_stand_under_their_group() -> None:
    t = Requests2021.from_grid(
        [
            ["(四)无法提供"],
            ["1.本机关不掌握相关政府信息", 1, 0, 0, 0, 0, 0],
            ["(五)不予处理"],
            ["2.重复申请", 2, 0, 0, 0, 0, 0, 2],
            ["三、本年度办理结果 / (三)不予公开 / 1.属于国家秘密", 0, 0, 0, 0, 0, 1],
            ["一、本年新收政府信息公开申请数量", 3, 0, 0, 0, 0, 1],
        ]
    )
    assert t.unable.not_held.cells() == (1, 0, 0, 0, 0, 0, 1)
    assert t.not_processed.repeated.total == 2
    assert t.withheld.state_secret.other == 1
    assert t.carried_forward.cells() == (0,) * 7


def test_grid_keeps_stated_totals_as_stated() -> None:
    t = Requests2021.from_grid(
        [
            ["一、本年新收政府信息公开申请数量", 3, 0, 0, 0, 0, 0, 5],  # a wrong 总计
            ["(一)予以公开", 3, 0, 0, 0, 0, 0],
            ["(七)总计", 3, 0, 0, 0, 0, 0, 3],
            ["四、结转下年度继续办理", "", 0, 0, 0, 0, 0, ""],  # 自然人 and 总计 computed
        ]
    )
    assert t.new.total == 5
    assert t.carried_forward.natural_person == 0
    findings = gd.check(
        _report(
            requests=t, active=ActiveDisclosure2021.build(), reviews=ReviewsAndLitigation.build()
        )
    )
    assert [(f.code, f.path) for f in findings] == [("GD102", "$.requests.new.total")] or (
        {f.code for f in findings} <= {"GD101", "GD102"}
    )


def test_grid_mapping_and_header_order() -> None:
    t = ReviewsAndLitigation.from_grid({"行政复议": [1, 2, 0, 0], "复议后起诉": [0, 0, 1, 0, 1]})
    assert t.review.cells() == (1, 2, 0, 0, 3)
    assert t.litigation_after_review.cells() == (0, 0, 1, 0, 1)
    swapped = ReviewsAndLitigation.from_grid([["", "尚未审结", "结果维持"], ["行政复议", 4, 1]])
    assert swapped.review.cells() == (1, 0, 0, 4, 5)


def test_grid_extra_rows_of_table_two() -> None:
    t = ActiveDisclosure2021.from_grid(
        [["第二十条第(一)项"], ["规章", 1, 0, 1], ["其他主动公开文件", 2, 0, 5]]
    )
    assert t.regulations.cells() == (1, 0, 1)
    (extra,) = t.extra_rows
    assert (extra.block, extra.label, extra.values) == (
        "第二十条第(一)项",
        "其他主动公开文件",
        (2, 0, 5),
    )


@pytest.mark.parametrize(
    ("grid", "message"),
    [
        (
            [["(一)予以公开了", 1]],
            "'(一)予以公开了' is no row of 表三; did you mean '(一)予以公开'?",
        ),
        ([["(三)不予公开", 1]], "is a group heading"),
        ([["(一)予以公开", 1, 2, 3, 4, 5, 6, 7, 8]], "expected at most 7 figures"),
        ([["(一)予以公开", 1], ["(一)予以公开", 2]], "given twice"),
        ([["(一)予以公开", "1.5"]], "'1.5' (a str)"),
        ([["(一)予以公开", 1.0]], "1.0 (a float)"),
        ("一、本年新收", "expected rows"),
    ],
)
def test_grid_problems(grid: Any, message: str) -> None:
    with pytest.raises(StructureError) as info:
        Requests2021.from_grid(grid)
    assert message in str(info.value)
    assert all(p.path.startswith("$.requests") for p in info.value.problems)


def test_grid_values_from_a_csv_are_located_by_report_path() -> None:
    with pytest.raises(StructureError) as info:
        Requests2021.from_grid([["(一)予以公开", "七"]])
    (problem,) = info.value.problems
    assert problem.path == "$.requests.granted.natural_person"


# --------------------------------------------------------------------------- from_cells, from_keys


@pytest.mark.parametrize("name", ["jianghe-2021", "jianghe-2020"])
def test_cells_from_to_rows_and_a_tidy_csv_give_the_tables_back(name: str) -> None:
    report = gd.examples.load(name)
    rows = gd.to_rows(report)
    for layout in layout_of(report.edition).tables:
        table = getattr(report, layout.attribute)
        cells = [r for r in rows if r["table"] == layout.number]
        assert type(table).from_cells(cells) == table
        buffer = io.StringIO()
        fields = ["table", "row", "column", "value", "unit"]  # a spreadsheet's own columns
        writer = csv.DictWriter(buffer, fieldnames=fields, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(cells)
        back = list(csv.DictReader(io.StringIO(buffer.getvalue())))
        assert type(table).from_cells(back) == table


def test_cells_problems() -> None:
    with pytest.raises(StructureError) as info:
        Requests2021.from_cells(
            [
                {"table": "四", "row": "行政复议", "column": "结果维持", "value": 1},
                ("(一)予以公开", "机器人", 1),
                {"row": "(一)予以公开"},
            ]
        )
    text = str(info.value)
    assert "cell 1: a cell of 表四" in text
    assert "'机器人' is no column" in text
    assert "cell 3: missing key(s): column, value" in text


def test_keys_problems() -> None:
    with pytest.raises(StructureError) as info:
        Requests2021.from_keys({"withheld.third_parties.natural_person": 1, "new": [1] * 8})
    got = {p.path: p.message for p in info.value.problems}
    assert "did you mean 'third_party'?" in got["$.requests.withheld.third_parties"]
    assert "expected at most 7 figures" in got["$.requests.new"]
    with pytest.raises(StructureError, match="given twice"):
        Requests2021.from_keys({"new": [1, 0, 0, 0, 0, 0], "new.natural_person": 1})


# --------------------------------------------------------------------------- one table, four ways


def _keys(table: Any) -> dict[str, Any]:
    layout = layout_of_table(type(table))
    keys: dict[str, Any] = {c.key: c.get_from_table(table) for c in layout.cells}
    for c in layout.cells:
        if c.unit_from is not None:
            keys[c.unit_from] = attrs_get(table, c.unit_from)
    if getattr(table, "extra_rows", ()):
        keys["extra_rows"] = list(table.extra_rows)
    return keys


def _grid(table: Any, layout: TableLayout) -> list[list[Any]]:
    grid: list[list[Any]] = []
    for block in layout.blocks:
        if block.labels:
            grid.append([block.labels[0]])
        groups: tuple[str, ...] = ()
        for row in block.rows:
            if row.labels[:-1] != groups:
                groups = row.labels[:-1]
                if groups:
                    grid.append([groups[-1]])
            values = []
            for col in block.columns:
                v = attrs_get(table, row.key if col.key is None else f"{row.key}.{col.key}")
                if col.unit_from is not None and v is not None:
                    unit = attrs_get(table, col.unit_from)
                    v = format(v, "f") + (unit.value if unit is not None else "")
                values.append(v)
            grid.append([row.labels[-1], *values])
        for extra in getattr(table, "extra_rows", ()):
            if block.labels and extra.block == block.labels[0]:
                grid.append([extra.label, *extra.values])
    return grid


def attrs_get(obj: Any, dotted: str) -> Any:
    for part in dotted.split("."):
        obj = getattr(obj, part)
    return obj


def _table_reports() -> st.SearchStrategy[Report]:
    return gst.reports(editions=[Edition.STANDARD_2021, Edition.TRIAL_2019], blanks="zero") | (
        gst.reports(editions=[Edition.STANDARD_2021, Edition.TRIAL_2019], blanks="unknown")
    )


@given(st.deferred(_table_reports))
def test_four_ways_in_give_the_same_table(report: Report) -> None:
    rows = gd.to_rows(report)
    for layout in layout_of(report.edition).tables:
        table = getattr(report, layout.attribute)
        if table is None:
            continue
        cls = type(table)
        assert cls.from_keys(_keys(table)) == table
        assert cls.from_cells([r for r in rows if r["table"] == layout.number]) == table
        assert cls.from_grid(_grid(table, layout)) == table


@given(st.lists(st.integers(0, 50), min_size=6, max_size=6), st.booleans())
def test_build_equals_the_constructor_with_totals_computed(parts: list[int], blank: bool) -> None:
    row = ApplicantCounts.build(
        **dict(zip(ApplicantCounts.COLUMNS, parts, strict=False)), blank=blank
    )
    assert row.total == sum(parts) == row.computed_total


# --------------------------------------------------------------------------- an empty report


def test_an_empty_report_of_an_edition() -> None:
    r = Report.empty(agency="青山县教育局", year=2020)
    assert r.edition is Edition.TRIAL_2019
    assert [s.ordinal for s in r.sections] == [1, 2, 3, 4, 5, 6]
    assert r.requests is None
    assert r.facts == ()
    legacy = Report.empty(agency="青山县教育局", year=2015, title="自定的标题")
    assert legacy.title == "自定的标题"
    assert gd.check(legacy).ok
    with pytest.raises(StructureError, match=r"\$\.year"):
        Report.empty(agency="某局", year="2020")  # type: ignore[arg-type]
