"""The kind of agency: the model, its inference from the name, JSON, schema, and the rules it
drives (GD503's deadline, GD106 规章, GD602 第五十条第四项)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings

from govdisclosure import examples, from_dict, json_schema, to_dict
from govdisclosure.errors import StructureError
from govdisclosure.model import AgencyKind, Metadata, Report, Signature, infer_agency_kind
from govdisclosure.rules import Policy, check
from govdisclosure.strategies import reports

FIXTURES = json.loads(
    (Path(__file__).parent / "fixtures" / "real_headings.json").read_text(encoding="utf-8")
)
J21 = examples.load("jianghe-2021")
J20 = examples.load("jianghe-2020")


# --------------------------------------------------------------------------- inference


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("江河市自然资源和规划局", AgencyKind.DEPARTMENT),
        ("威海市文登区住房和城乡建设局", AgencyKind.DEPARTMENT),
        ("上海市人民政府办公厅", AgencyKind.DEPARTMENT),
        ("某市发展和改革委员会", AgencyKind.DEPARTMENT),
        ("某区人民政府办公室", AgencyKind.DEPARTMENT),
        ("国家林业和草原局", AgencyKind.STATE_COUNCIL_DEPARTMENT),
        ("中华人民共和国教育部", AgencyKind.STATE_COUNCIL_DEPARTMENT),
        ("国家税务总局上海市税务局", AgencyKind.DEPARTMENT),
        ("上海市人民政府", AgencyKind.PROVINCIAL_GOVERNMENT),
        ("湖北省人民政府", AgencyKind.PROVINCIAL_GOVERNMENT),
        ("广西壮族自治区人民政府", AgencyKind.PROVINCIAL_GOVERNMENT),
        ("恩施土家族苗族自治州人民政府", AgencyKind.CITY_GOVERNMENT),
        ("厦门市湖里区人民政府", AgencyKind.COUNTY_GOVERNMENT),
        ("来凤县人民政府", AgencyKind.COUNTY_GOVERNMENT),
        ("青岛市人民政府", AgencyKind.LOCAL_GOVERNMENT),  # 设区的市 or 县级市: not told
        ("微山县两城镇人民政府", AgencyKind.TOWNSHIP_GOVERNMENT),
        ("赫章县兴发乡人民政府", AgencyKind.TOWNSHIP_GOVERNMENT),
        ("义乌市廿三里街道办事处", AgencyKind.SUBDISTRICT_OFFICE),
        ("某区某某街道", AgencyKind.SUBDISTRICT_OFFICE),
    ],
)
def test_the_kind_read_from_the_name(name: str, kind: AgencyKind) -> None:
    assert infer_agency_kind(name) is kind


@pytest.mark.parametrize("name", ["江河市不动产登记中心", "某某学院", "人民政府", "", "某某所"])
def test_no_guess_when_the_name_does_not_say(name: str) -> None:
    assert infer_agency_kind(name) is None


def test_the_real_agencies_of_the_corpus() -> None:
    kinds = {k: infer_agency_kind(v) for k, v in FIXTURES["agencies"].items()}
    assert kinds["021"] is AgencyKind.SUBDISTRICT_OFFICE
    assert kinds["006"] is AgencyKind.COUNTY_GOVERNMENT
    assert kinds["036"] is AgencyKind.STATE_COUNCIL_DEPARTMENT
    assert kinds["002"] is kinds["044"] is kinds["051"] is AgencyKind.DEPARTMENT
    assert kinds["013"] is kinds["014"] is kinds["027"] is AgencyKind.TOWNSHIP_GOVERNMENT


def test_the_caller_sets_the_kind_and_the_name_is_the_fallback() -> None:
    assert J21.agency_kind is AgencyKind.DEPARTMENT
    bare = Report(agency="某某中心", year=2022, edition=J21.edition, title="t")
    assert bare.agency_kind is AgencyKind.UNKNOWN
    assert bare.kind() is AgencyKind.UNKNOWN
    told = attrs.evolve(bare, agency_kind=AgencyKind.AUTHORISED_ORGANISATION)
    assert told.kind() is AgencyKind.AUTHORISED_ORGANISATION
    with pytest.raises(StructureError, match="agency_kind"):
        attrs.evolve(bare, agency_kind="department")


def test_kind_properties() -> None:
    assert AgencyKind.CITY_GOVERNMENT.makes_regulations is True
    assert AgencyKind.STATE_COUNCIL_DEPARTMENT.makes_regulations is True
    assert AgencyKind.DEPARTMENT.makes_regulations is False
    assert AgencyKind.COUNTY_GOVERNMENT.makes_regulations is False
    assert AgencyKind.LOCAL_GOVERNMENT.makes_regulations is None
    assert AgencyKind.UNKNOWN.makes_regulations is None
    assert AgencyKind.TOWNSHIP_GOVERNMENT.is_government
    assert not AgencyKind.SUBDISTRICT_OFFICE.is_government
    assert AgencyKind.SUBDISTRICT_OFFICE.is_grassroots
    assert AgencyKind.SUBDISTRICT_OFFICE.label == "街道办事处"


# --------------------------------------------------------------------------- JSON and schema


@pytest.mark.parametrize("kind", list(AgencyKind))
def test_the_kind_round_trips_and_is_in_the_schema(kind: AgencyKind) -> None:
    report = attrs.evolve(J21, agency_kind=kind)
    data = to_dict(report)
    assert data["agency_kind"] == kind.value
    assert from_dict(data) == report
    schema = json_schema()
    assert kind.value in schema["properties"]["agency_kind"]["enum"]


def test_old_json_without_the_kind_or_scopes_loads() -> None:
    data = to_dict(J21)
    del data["agency_kind"]
    for fact in data["facts"]:
        del fact["scope"]
    old = from_dict(data)
    assert old.agency_kind is AgencyKind.UNKNOWN
    assert old.kind() is AgencyKind.DEPARTMENT  # read from the name
    assert {f.scope.value for f in old.facts} == {"unknown"}


def test_a_bad_kind_is_located() -> None:
    data = to_dict(J21)
    data["agency_kind"] = "ministry"
    with pytest.raises(StructureError) as e:
        from_dict(data)
    assert e.value.problems[0].path == "$.agency_kind"


@settings(max_examples=40)
@given(reports())
def test_generated_reports_draw_every_kind_and_check_clean(report: Report) -> None:
    assert isinstance(report.agency_kind, AgencyKind)
    assert from_dict(to_dict(report)) == report
    assert not check(report)


# --------------------------------------------------------------------------- deadlines


def _published(report: Report, agency: str, signed: dt.date, kind: AgencyKind | None) -> Report:
    changes: dict[str, object] = {
        "agency": agency,
        "signature": Signature(agency=agency, date=signed),
        "metadata": Metadata(name=report.title, issuer=agency, published=signed),
        "agency_kind": AgencyKind.UNKNOWN if kind is None else kind,
    }
    return attrs.evolve(report, **changes)  # type: ignore[arg-type]


def _deadline_findings(report: Report, policy: Policy | None = None) -> list[tuple[str, str]]:
    return [(f.code, f.path) for f in check(report, policy=policy) if f.code == "GD503"]


def test_a_department_is_due_by_31_january() -> None:
    late = _published(J21, J21.agency, dt.date(2022, 2, 1), AgencyKind.DEPARTMENT)
    assert _deadline_findings(late) == [
        ("GD503", "$.signature.date"),
        ("GD503", "$.metadata.published"),
    ]
    in_time = _published(J21, J21.agency, dt.date(2022, 1, 31), None)
    assert _deadline_findings(in_time) == []


def test_a_peoples_government_is_due_by_31_march() -> None:
    # the 2022 report of 上海市人民政府, published 2023-03-31: in time, its kind read from its name
    shanghai = with_year(_published(J21, "上海市人民政府", dt.date(2023, 3, 31), None), 2022)
    assert shanghai.kind() is AgencyKind.PROVINCIAL_GOVERNMENT
    assert _deadline_findings(shanghai) == []
    after = attrs.evolve(
        shanghai,
        signature=Signature(agency="上海市人民政府", date=dt.date(2023, 4, 1)),
        metadata=None,
    )
    assert _deadline_findings(after) == [("GD503", "$.signature.date")]
    county = _published(J21, "来凤县人民政府", dt.date(2022, 3, 30), None)
    assert _deadline_findings(county) == []


def test_a_subdistrict_office_by_the_documented_default() -> None:
    street = _published(J21, "义乌市廿三里街道办事处", dt.date(2022, 2, 15), None)
    assert street.kind() is AgencyKind.SUBDISTRICT_OFFICE
    assert _deadline_findings(street) == [
        ("GD503", "$.signature.date"),
        ("GD503", "$.metadata.published"),
    ]
    local = Policy(grassroots_deadline=(3, 31))  # a province that allows 3月31日
    assert _deadline_findings(street, local) == []
    assert Policy().deadline(2021, AgencyKind.TOWNSHIP_GOVERNMENT) == dt.date(2022, 1, 31)


def with_year(report: Report, year: int) -> Report:
    from govdisclosure.testing.breaking import with_year as move

    return move(report, year)


# --------------------------------------------------------------------------- GD106 规章


def _regulations(report: Report, issued: int) -> Report:
    active = report.active
    assert active is not None
    key = "issued" if report.edition.value == "standard-2021" else "new_made"
    return attrs.evolve(
        report,
        active=attrs.evolve(active, regulations=attrs.evolve(active.regulations, **{key: issued})),
    )


def test_a_department_reporting_regulations_is_warned() -> None:
    for base, path in (
        (J21, "$.active.regulations.issued"),
        (J20, "$.active.regulations.new_made"),
    ):
        findings = check(_regulations(base, 2))
        assert [(f.code, f.path) for f in findings] == [("GD106", path)]
        (f,) = findings
        assert f.severity.value == "warning"
        assert "政府部门无权制定规章" in f.message()
        assert "a government department cannot make rules" in f.message("en")


def test_who_may_make_regulations() -> None:
    report = _regulations(J21, 2)
    for kind in (
        AgencyKind.CITY_GOVERNMENT,
        AgencyKind.PROVINCIAL_GOVERNMENT,
        AgencyKind.STATE_COUNCIL_DEPARTMENT,
    ):
        findings = check(attrs.evolve(report, agency_kind=kind))
        assert "GD106" not in findings.codes
    for kind in (AgencyKind.TOWNSHIP_GOVERNMENT, AgencyKind.SUBDISTRICT_OFFICE):
        assert "GD106" in check(attrs.evolve(report, agency_kind=kind)).codes
    unknown = attrs.evolve(report, agency="某某中心", agency_kind=AgencyKind.UNKNOWN)
    assert "GD106" not in check(unknown).codes  # the kind is not known: no guess
    assert not check(_regulations(J21, 0))


# --------------------------------------------------------------------------- GD602 第五十条第四项


def _government(report: Report, kind: AgencyKind, *, article_50: bool) -> Report:
    sections = []
    for s in report.sections:
        sections.append(
            attrs.evolve(
                s,
                paragraphs=tuple(p.replace("考核", "评估") for p in s.paragraphs),
                subsections=tuple(
                    attrs.evolve(
                        sub, paragraphs=tuple(p.replace("考核", "评估") for p in sub.paragraphs)
                    )
                    for sub in s.subsections
                ),
            )
        )
    if article_50:
        five = sections[4]
        sections[4] = attrs.evolve(
            five, paragraphs=(*five.paragraphs, "本年度政府信息公开工作考核结果为优秀。")
        )
    report = attrs.evolve(report, sections=tuple(sections), agency_kind=kind)
    return _regulations(report, 0)


def test_a_government_report_covers_article_50_item_4() -> None:
    for kind in (AgencyKind.CITY_GOVERNMENT, AgencyKind.TOWNSHIP_GOVERNMENT):
        findings = check(_government(J21, kind, article_50=False))
        assert [(f.code, f.path) for f in findings] == [("GD602", "$.sections")]
        assert "第五十条第四项" in findings[0].message()
        assert not check(_government(J21, kind, article_50=True))
    # a department and a 街道 (not a 人民政府) need not
    for kind in (AgencyKind.DEPARTMENT, AgencyKind.SUBDISTRICT_OFFICE):
        assert not check(_government(J21, kind, article_50=False))
