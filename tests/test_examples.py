"""Tests of the bundled example reports (govdisclosure.examples).

The JSON files are the output of ``scripts/build_examples.py``; these tests rebuild every
report with the script's builders and compare, so the files cannot drift from the script.
The checks of the figures (the relations of the Xianning text, the 勾稽关系 R1 to R4 and R7 of
the Jianghe tables) are written out here, independent of any validator of the library.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
from collections import Counter
from collections.abc import Callable
from decimal import Decimal
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from govdisclosure import examples, from_json, from_rows, layout_of, to_json, to_rows
from govdisclosure.model import (
    ActiveDisclosure2019,
    ActiveDisclosure2021,
    ApplicantCounts,
    Edition,
    Outcomes,
    Report,
    Requests2019,
    Requests2021,
)
from govdisclosure.money import Amount, MoneyUnit
from govdisclosure.numerals import parse_quantity

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "build_examples.py"
NAMES = ("xianning-2015", "jianghe-2020", "jianghe-2021")


@cache
def script() -> ModuleType:
    """scripts/build_examples.py, imported from its path (scripts/ is no package)."""
    spec = importlib.util.spec_from_file_location("build_examples", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@cache
def built(name: str) -> Report:
    builders: dict[str, Callable[[], Report]] = script().BUILDERS
    return builders[name]()


# --------------------------------------------------------------------------- all examples


def test_names() -> None:
    assert examples.names() == NAMES
    assert tuple(script().BUILDERS) == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_example_is_what_the_script_builds(name: str) -> None:
    assert examples.load(name) == built(name)
    path = Path(examples.__file__).parent / f"{name}.json"
    data = path.read_bytes()
    assert data == script().render_json(built(name)).encode("utf-8")
    assert data.endswith(b"}\n")
    assert not data.endswith(b"\n\n")


@pytest.mark.parametrize("name", NAMES)
def test_build_is_deterministic(name: str) -> None:
    builders: dict[str, Callable[[], Report]] = script().BUILDERS
    assert to_json(builders[name](), indent=1) == to_json(builders[name](), indent=1)


def test_script_check_mode_finds_the_files_up_to_date(capsys: pytest.CaptureFixture[str]) -> None:
    assert script().main(["--check"]) == 0
    assert capsys.readouterr().out.count("up to date") == len(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_json_round_trip_is_identity(name: str) -> None:
    report = examples.load(name)
    assert from_json(to_json(report)) == report
    assert to_json(from_json(to_json(report)), indent=1) == to_json(report, indent=1)


@pytest.mark.parametrize("name", NAMES)
def test_facts_are_located_and_read_back(name: str) -> None:
    report = examples.load(name)
    assert report.facts
    assert len({f.key for f in report.facts}) == len(report.facts)
    for fact in report.facts:
        loc = fact.location
        assert report.paragraph_at(loc)[loc.start : loc.end] == fact.text, fact.key
        assert parse_quantity(fact.text) == fact.quantity, fact.key
        assert str(fact.quantity) == fact.text, fact.key
        assert re.fullmatch(r"[a-z_]+(\.[a-z_]+)+", fact.key), fact.key
        assert fact.label


@pytest.mark.parametrize("name", NAMES)
def test_stated_relations_hold(name: str) -> None:
    report = examples.load(name)
    assert report.relations
    for rel in report.relations:
        result = report.fact(rel.result)
        terms = [(report.fact(key).quantity, sign) for key, sign in rel.terms()]
        if result.quantity.is_money:
            plus = Amount.total([q.amount for q, s in terms if s > 0])
            minus = Amount.total([q.amount for q, s in terms if s < 0], plus.unit)
            value = (plus - minus).yuan
        else:
            value = sum((q.exact * s for q, s in terms), Decimal(0))
        assert result.quantity.admits(value), rel
        # The wording that states the relation stands in the result's paragraph.
        assert rel.text is not None
        assert rel.text in report.paragraph_at(result.location), rel


# --------------------------------------------------------------------------- xianning-2015

DATE = r"[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日|[0-9]{1,2}月[0-9]{1,2}日"
YEAR = r"[0-9]{4}年度?"
PHONE = r"0715-8138355"
URL = r"https?://[^\s)]+"
FIGURE = re.compile(r"[0-9]+(?:\.[0-9]+)?余?(?:万元|万|元|户|人|条|件)")


def seed_figures(text: str) -> list[str]:
    """Every Arabic-numeral figure of the text, found independently of the library."""
    masked = re.sub("|".join((URL, PHONE, DATE, YEAR)), lambda m: "#" * len(m.group()), text)
    figures = []
    for number in re.finditer(r"[0-9]+(?:\.[0-9]+)?", masked):
        match = FIGURE.match(masked, number.start())
        assert match is not None, f"a number with no unit: {masked[number.start() :][:20]!r}"
        figures.append(match.group())
    return figures


def xianning() -> Report:
    return examples.load("xianning-2015")


def source_lines() -> list[str]:
    return examples.source_text("xianning-2015").split("\n")


def test_xianning_every_figure_is_a_fact() -> None:
    figures = seed_figures(examples.source_text("xianning-2015"))
    assert len(figures) == 35
    assert Counter(figures)["8条"] == 4
    assert Counter(figures) == Counter(f.text for f in xianning().facts)


def test_xianning_fact_keys() -> None:
    r = xianning()
    expected = {
        "subsistence.households": "121702户",
        "subsistence.persons": "174131人",
        "subsistence.funds": "36581.5万元",
        "donations.income": "1619106元",
        "donations.expenditure": "1454400元",
        "donations.balance": "164706元",
        "disaster_relief.total": "4200.7万元",
        "disaster_relief.provincial": "3948万元",
        "disaster_relief.local": "252.7万元",
        "verification_platform.investment": "58.5万",
        "portal.total": "300余条",
        "portal.social_assistance": "8条",
        "key_areas.social_assistance": "8条",
        "online.registrations": "147件",
        "online.inspections": "863件",
    }
    for key, text in expected.items():
        assert r.fact(key).text == text
    assert r.fact("subsistence.funds").quantity.amount == Amount("36581.5", MoneyUnit.WAN_YUAN)
    assert not r.fact("verification_platform.investment").quantity.is_money  # 万, not 万元
    assert [f.key for f in r.facts if f.key.startswith("key_areas.")] == [
        "key_areas.social_assistance",
        "key_areas.social_organizations",
        "key_areas.charities",
        "key_areas.administrative_approval",
    ]


def test_xianning_relations() -> None:
    r = xianning()

    def amount(key: str) -> Amount:
        return r.fact(key).quantity.amount

    balance = amount("donations.income") - amount("donations.expenditure")
    assert balance == amount("donations.balance") == Amount(164706, MoneyUnit.YUAN)
    assert str(balance) == "164706元"
    relief = amount("disaster_relief.provincial") + amount("disaster_relief.local")
    assert relief == amount("disaster_relief.total")
    assert str(relief) == "4200.7万元"
    portal = [f for f in r.facts if f.key.startswith("portal.") and f.key != "portal.total"]
    assert len(portal) == 12
    parts = sum(int(f.quantity.exact) for f in portal)
    assert parts == 312
    assert r.fact("portal.total").quantity.admits(parts)
    by_result = {rel.result: rel for rel in r.relations}
    assert set(by_result) == {"donations.balance", "disaster_relief.total", "portal.total"}
    assert by_result["donations.balance"].add == ("donations.income",)
    assert by_result["donations.balance"].subtract == ("donations.expenditure",)
    assert set(by_result["portal.total"].add) == {f.key for f in portal}
    assert by_result["disaster_relief.total"].text == "其中"


def test_xianning_text_is_verbatim() -> None:
    r = xianning()
    lines = source_lines()
    assert r.title == lines[0]
    printed = [*r.preamble]
    for s in r.sections:
        printed.append(f"{'一二三四五六七八'[s.ordinal - 1]}、{s.title}")
        printed += s.paragraphs
    # Preamble to the last paragraph, line for line (the wrapped paragraph holds its "\n").
    assert "\n".join(printed) == "\n".join(lines[5:-2])
    assert [s.ordinal for s in r.sections] == list(range(1, 9))
    assert all(not s.subsections for s in r.sections)
    assert r.sections[0].title == "总体工作情况"
    assert r.sections[7].title == "其他认为应当报告的事项"
    wrapped = [p for s in r.sections for p in s.paragraphs if "\n" in p]
    assert len(wrapped) == 1
    assert wrapped[0].endswith("查询网址:\nhttp://www.xianning.gov.cn/xnsmzj2/)")
    assert wrapped[0] == r.sections[7].paragraphs[0]


def test_xianning_signature_period_metadata() -> None:
    r = xianning()
    lines = source_lines()
    assert (r.agency, r.year, r.edition) == ("咸宁市民政局", 2015, Edition.LEGACY_2008)
    assert r.signature is not None
    assert (r.signature.agency, r.signature.date) == ("咸宁市民政局", dt.date(2016, 1, 29))
    assert lines[-2:] == ["咸宁市民政局", "2016年1月29日"]
    assert r.period is not None
    assert (r.period.start, r.period.end) == (dt.date(2015, 1, 1), dt.date(2015, 12, 31))
    assert (r.active, r.requests, r.reviews) == (None, None, None)
    m = r.metadata
    assert m is not None
    assert (m.index_number, m.subject, m.validity, m.document_date) == (None, None, None, None)
    assert (m.document_number, m.issuer) == ("无", "无")
    assert m.name == r.title
    assert m.published == dt.date(2020, 9, 11)
    assert "发布日期: 2020年09月11日" in lines[3]
    assert r.title in lines[3]


# --------------------------------------------------------------------------- jianghe

JIANGHE = ("jianghe-2020", "jianghe-2021")


def requests_of(name: str) -> Requests2019 | Requests2021:
    requests = examples.load(name).requests
    assert isinstance(requests, Requests2019 | Requests2021)
    return requests


def columns(row: ApplicantCounts) -> list[int]:
    cells = row.cells()
    assert all(isinstance(v, int) for v in cells), "every cell filled"
    return [v for v in cells if v is not None]


@pytest.mark.parametrize("name", JIANGHE)
def test_jianghe_r1_every_column(name: str) -> None:
    t = requests_of(name)
    for i in range(7):
        new, carried = columns(t.new)[i], columns(t.carried_over)[i]
        total, forward = columns(t.total)[i], columns(t.carried_forward)[i]
        assert new + carried == total + forward, ApplicantCounts.COLUMNS[i]


@pytest.mark.parametrize("name", JIANGHE)
def test_jianghe_r2_every_row(name: str) -> None:
    t = requests_of(name)
    rows = t.rows()
    assert len(rows) == (25 if name == "jianghe-2021" else 23)
    for row in rows:
        c = columns(row)
        assert c[6] == sum(c[:6]) == row.computed_total


@pytest.mark.parametrize("name", JIANGHE)
def test_jianghe_r3_every_column(name: str) -> None:
    t = requests_of(name)
    outcome_rows = t.rows()[2:-2]
    assert outcome_rows == t.outcome_rows
    assert t.total == t.computed_total
    for i in range(7):
        assert columns(t.total)[i] == sum(columns(row)[i] for row in outcome_rows)


@pytest.mark.parametrize("name", JIANGHE)
def test_jianghe_r4_every_group(name: str) -> None:
    reviews = examples.load(name).reviews
    assert reviews is not None
    for group in reviews.groups():
        cells = group.cells()
        assert all(isinstance(v, int) for v in cells)
        upheld, corrected, other, pending, total = (v or 0 for v in cells)
        assert total == upheld + corrected + other + pending == group.computed_total
    assert sum((g.total or 0) for g in reviews.groups()) > 0


def test_jianghe_r7_carried_over_equals_last_years_carried_forward() -> None:
    before, after = requests_of("jianghe-2020"), requests_of("jianghe-2021")
    assert after.carried_over == before.carried_forward
    assert columns(after.carried_over) == columns(before.carried_forward)
    assert (after.carried_over.total or 0) > 0


def test_jianghe_tables_are_not_trivial() -> None:
    for name in JIANGHE:
        t = requests_of(name)
        assert (t.new.total or 0) >= 30
        assert sum(1 for v in t.new.parts if v) >= 4  # several applicant columns
        assert sum(1 for row in t.outcome_rows if row.total) >= 6  # several outcome rows
        assert (t.carried_forward.total or 0) > 0
    assert requests_of("jianghe-2021").new.total == 46
    r2021 = examples.load("jianghe-2021")
    assert r2021.reviews is not None
    assert r2021.reviews.review == Outcomes.build(upheld=2, corrected=1)
    assert r2021.reviews.litigation_direct.pending == 1


def test_jianghe_table_two() -> None:
    r2021, r2020 = examples.load("jianghe-2021"), examples.load("jianghe-2020")
    current, previous = r2021.active, r2020.active
    assert isinstance(current, ActiveDisclosure2021)
    assert isinstance(previous, ActiveDisclosure2019)
    assert current.fees == Amount("20.30", MoneyUnit.WAN_YUAN)
    assert current.fees.decimals == 2
    assert str(current.fees) == "20.30万元"
    assert to_rows(r2021)[0]["value"] == 0  # a 市局 makes no 规章
    rows = (previous.licensing, previous.other_services, previous.punishment)
    changes = [row.change for row in (*rows, previous.enforcement, previous.fees)]
    assert any(c is not None and c < 0 for c in changes)
    assert any(c is not None and c > 0 for c in changes)
    procurement = previous.procurement
    assert isinstance(procurement.amount, Decimal)
    assert procurement.amount > 0
    assert procurement.amount_unit is MoneyUnit.YUAN
    # R8, a heuristic: 现行有效 2021 = 对外公开总数量 2020 + 制发 − 废止.
    for new, old in (
        (current.regulations, previous.regulations),
        (current.normative_documents, previous.normative_documents),
    ):
        assert None not in (new.issued, new.repealed, new.in_force, old.total_published)
        assert new.in_force == (old.total_published or 0) + (new.issued or 0) - (new.repealed or 0)


@pytest.mark.parametrize("name", JIANGHE)
def test_jianghe_tidy_rows_round_trip(name: str) -> None:
    report = examples.load(name)
    rows = to_rows(report)
    assert len(rows) == len(layout_of(report.edition).cells)
    assert all(row["value"] is not None for row in rows), "no blank cell"
    assert from_rows(rows, report=report) == report


@pytest.mark.parametrize("name", JIANGHE)
def test_jianghe_narrative(name: str) -> None:
    r = examples.load(name)
    year = r.year
    assert r.edition is Edition.for_year(year)
    assert r.title == f"江河市自然资源和规划局{year}年政府信息公开工作年度报告"
    layout = layout_of(r.edition)
    assert [(s.ordinal, s.title) for s in r.sections] == [
        (s.ordinal, s.title) for s in layout.sections
    ]
    assert [(s.ordinal, s.title) for s in r.sections[0].subsections] == list(
        enumerate(("主动公开", "依申请公开", "政府信息管理", "政府信息公开平台建设", "监督保障"), 1)
    )
    assert all(s.paragraphs for s in r.sections[0].subsections)
    assert r.period is not None
    assert (r.period.start, r.period.end) == (dt.date(year, 1, 1), dt.date(year, 12, 31))
    assert r.signature is not None
    assert r.signature.date is not None
    assert r.signature.agency == r.agency
    m = r.metadata
    assert m is not None
    assert m.published is not None
    assert m.index_number is not None
    assert r.signature.date <= m.published < dt.date(year + 1, 1, 31)
    assert re.fullmatch(rf"11421200MB1234567X/{year + 1}-[0-9]{{5}}", m.index_number)
    fee_statement = {
        2020: "本年度我局依申请提供政府信息，未收取任何费用。",
        2021: "本年度我局未发出信息处理费收费通知，未收取信息处理费。",
    }
    assert r.section(6).paragraphs[0] == fee_statement[year]
    assert r.section(5).paragraphs


def cell_value(report: Report, key: str) -> Any:
    """What a fact key designates in the tables: a cell, or the sum of a group of rows."""
    t = report.requests
    assert t is not None
    assert report.reviews is not None
    groups: dict[str, Any] = {
        "requests.withheld": t.withheld.rows(),
        "requests.unable": t.unable.rows(),
        "requests.not_processed": t.not_processed.rows(),
        "requests.other": t.other.rows() if isinstance(t, Requests2021) else None,
    }
    if groups.get(key) is not None:
        return sum(row.total or 0 for row in groups[key])
    if key == "requests.new.legal_persons":
        return t.new.legal_persons
    if key == "reviews.litigation":
        r = report.reviews
        return (r.litigation_direct.total or 0) + (r.litigation_after_review.total or 0)
    attribute, path = key.split(".", 1)
    return layout_of(report.edition).cell(attribute, path).get(report)


@pytest.mark.parametrize("name", JIANGHE)
def test_jianghe_prose_quotes_the_tables(name: str) -> None:
    """R9: every figure of the prose that names a table cell (or group) equals it."""
    r = examples.load(name)
    quoted = [f for f in r.facts if f.key.split(".")[0] in ("requests", "reviews", "active")]
    assert len(quoted) >= 15
    for fact in quoted:
        assert fact.quantity.qualifier is None
        assert fact.quantity.exact == cell_value(r, fact.key), fact.key
    new = r.fact("requests.new.total")
    assert new.text == f"{cell_value(r, 'requests.new.total')}件"
    paragraph = r.paragraph_at(new.location)
    assert f"共收到政府信息公开申请{new.text}" in paragraph
