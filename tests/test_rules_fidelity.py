"""Rules that do not cry wolf on real reports: GD503 (the signing date decides), GD601 (legacy
outlines; 第五十条 wordings), GD105 (one finding per blank row), GD401 (table 二, Chinese
numerals, like-for-like figures only)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import attrs
import pytest

from govdisclosure import examples
from govdisclosure.model import (
    AgencyKind,
    ApplicantCounts,
    Edition,
    FactScope,
    Metadata,
    Report,
    Section,
    Signature,
)
from govdisclosure.money import Amount, MoneyUnit
from govdisclosure.numerals import split_ordinal
from govdisclosure.rules import Policy, Severity, check
from govdisclosure.rules._scope import scope_of

FIXTURES = json.loads(
    (Path(__file__).parent / "fixtures" / "real_headings.json").read_text(encoding="utf-8")
)
J21 = examples.load("jianghe-2021")
J20 = examples.load("jianghe-2020")
X15 = examples.load("xianning-2015")


def _found(report: Report, policy: Policy | None = None) -> list[tuple[str, str]]:
    return [(f.code, f.path) for f in check(report, policy=policy)]


# --------------------------------------------------------------------------- GD503


def test_a_timely_signature_makes_a_late_page_date_a_notice() -> None:
    (f,) = check(X15).by_code("GD503")  # signed 2016-01-29, page date 2020-09-11
    assert (f.path, f.severity) == ("$.metadata.published", Severity.NOTICE)
    assert "落款日期2016年1月29日在期限内" in f.message()
    assert "signed in time" in f.message("en")
    # even when the policy raises the rule's severity
    (g,) = check(X15, policy=Policy(severities={"GD503": "error"})).by_code("GD503")
    assert g.severity is Severity.NOTICE


def test_a_late_signature_is_a_warning_and_so_is_a_late_page_without_one() -> None:
    late = attrs.evolve(X15, signature=Signature(agency=X15.agency, date=dt.date(2016, 4, 5)))
    found = {(f.path, f.severity) for f in check(late).by_code("GD503")}
    assert found == {
        ("$.signature.date", Severity.WARNING),
        ("$.metadata.published", Severity.WARNING),
    }
    unsigned = attrs.evolve(X15, signature=Signature(agency=X15.agency))
    (f,) = check(unsigned).by_code("GD503")
    assert (f.path, f.severity) == ("$.metadata.published", Severity.WARNING)
    page = attrs.evolve(J21, metadata=Metadata(published=dt.date(2022, 6, 1)))
    (f,) = check(page).by_code("GD503")  # signed 2022-01-18: a notice
    assert f.severity is Severity.NOTICE


# --------------------------------------------------------------------------- GD601 legacy


def _legacy(*titles: str) -> Report:
    sections = []
    for i, title in enumerate(titles, 1):
        split = split_ordinal(title.strip())
        ordinal, rest = (split[0].value, split[1]) if split else (i, title)
        sections.append(Section(ordinal=ordinal, title=rest.strip(), paragraphs=("内容。",)))
    return Report(
        agency="某市某局",
        year=2015,
        edition=Edition.LEGACY_2008,
        title="某市某局2015年政府信息公开工作年度报告",
        sections=tuple(sections),
    )


COMMON_LEGACY_OUTLINES = [
    # 概述 … 七 (format-spec §4, the most common outline)
    (
        "一、概述",
        "二、主动公开政府信息情况",
        "三、依申请公开政府信息情况",
        "四、政府信息公开的收费及减免情况",
        "五、因政府信息公开申请行政复议、提起行政诉讼的情况",
        "六、政府信息公开工作存在的主要问题及改进情况",
        "七、其他需要报告的事项",
    ),
    # the openings of real reports (corpus 006/032/036) continued by common parts
    (
        "一、总体情况",
        "二、主动公开情况",
        "三、依申请公开情况",
        "四、咨询处理情况",
        "五、复议、诉讼和申诉",
        "六、政府支出与收费",
        "七、存在的问题及改进措施",
        "八、需要说明的事项与附表",
        "九、附表",
    ),
    (
        "一、工作基本情况",
        "二、主动公开政府信息的情况",
        "三、依申请公开政府信息和不予公开政府信息的情况",
        "四、政府信息公开机构人员及相关费用情况",
        "五、因政府信息公开申请行政复议、提起行政诉讼情况",
        "六、政府信息公开工作存在的主要问题及整改情况",
    ),
]


@pytest.mark.parametrize("titles", COMMON_LEGACY_OUTLINES)
def test_common_legacy_outlines_are_recognised(titles: tuple[str, ...]) -> None:
    assert not check(_legacy(*titles)).by_code("GD601")


def test_real_legacy_headings_give_only_notices_of_uncovered_items() -> None:
    for source, titles in FIXTURES["legacy"].items():
        findings = check(_legacy(*titles)).by_code("GD601")
        assert all(f.severity is Severity.NOTICE for f in findings), source
        assert all(f.path == "$.sections" for f in findings), source
        # the heading that covers an item is never reported missing
        if any("主动公开" in t for t in titles):
            assert not any("(一)主动公开" in f.message() for f in findings), source
    xianning = check(_legacy(*FIXTURES["legacy"]["xianning-2015 咸宁市民政局"])).by_code("GD601")
    assert len(xianning) == 1  # no heading covers 收费及减免: a notice, nothing more
    assert "收费及减免" in xianning[0].message()


def test_a_legacy_item_missing_from_every_heading_is_one_notice() -> None:
    titles = list(COMMON_LEGACY_OUTLINES[0])
    del titles[4]  # 复议、诉讼
    (f,) = check(_legacy(*titles)).by_code("GD601")
    assert f.severity is Severity.NOTICE
    assert "行政复议" in f.message()
    # order and extra parts do not matter before 2019
    shuffled = [titles[2], titles[0], "工作亮点", *titles[3:], titles[1]]
    assert len(check(_legacy(*shuffled)).by_code("GD601")) == 1


# --------------------------------------------------------------------------- GD601 2019/2021


def _retitled(report: Report, titles: dict[int, str]) -> Report:
    sections = tuple(attrs.evolve(s, title=titles.get(s.ordinal, s.title)) for s in report.sections)
    return attrs.evolve(report, sections=sections)


def _title(heading: str) -> str:
    split = split_ordinal(heading)
    assert split is not None
    return split[1]


@pytest.mark.parametrize("report", [J21, J20], ids=["2021", "2019"])
def test_the_wording_of_article_50_and_real_variants_are_accepted(report: Report) -> None:
    article_50 = {i + 2: _title(h) for i, h in enumerate(FIXTURES["article_50"])}
    assert not check(_retitled(report, article_50))
    for source, headings in FIXTURES["standard"].items():
        titles = {split_ordinal(h.strip())[0].value: _title(h.strip()) for h in headings}  # type: ignore[index]
        assert not check(_retitled(report, titles)), source
    shanghai = {
        4: "因政府信息公开工作被申请行政复议、提起行政诉讼的情况",
        5: "政府信息公开工作存在的主要问题及改进情况",
    }
    assert not check(_retitled(report, shanghai))
    assert _found(_retitled(report, {4: "工作亮点"})) == [("GD601", "$.sections[3].title")]


# --------------------------------------------------------------------------- GD105


def test_one_finding_per_blank_row_listing_its_cells() -> None:
    t = J21.requests
    assert t is not None
    blank_rows = {name: ApplicantCounts() for name in ("granted", "carried_forward")}
    report = attrs.evolve(J21, requests=attrs.evolve(t, **blank_rows))
    blanks = check(report).by_code("GD105")
    assert [f.path for f in blanks] == ["$.requests.granted", "$.requests.carried_forward"]
    for f in blanks:
        assert len(f.sides[0].paths) == 7
        assert "整行（7 格）" in f.message()
        assert "the whole row (7 cells)" in f.message("en")


def test_a_run_of_blank_rows_is_one_finding_naming_every_cell() -> None:
    t = J21.requests
    assert t is not None
    blank_rows = {name: ApplicantCounts() for name in ("granted", "partly_granted")}
    report = attrs.evolve(J21, requests=attrs.evolve(t, **blank_rows))
    (f,) = check(report).by_code("GD105")
    assert f.path == "$.requests.granted"
    assert len(f.sides[0].paths) == 14
    assert "连续 2 行整行（14 格）" in f.message()
    assert "2 whole rows (14 cells)" in f.message("en")


def test_a_blank_block_of_table_two_is_one_finding() -> None:
    a = J20.active
    assert a is not None
    empty = type(a.licensing)()
    report = attrs.evolve(J20, active=attrs.evolve(a, licensing=empty, other_services=empty))
    (f,) = check(report).by_code("GD105")
    assert "整块（6 格）" in f.message()
    assert len(f.sides[0].paths) == 6


# --------------------------------------------------------------------------- GD401


def _with_paragraph(report: Report, text: str, section: int = 6) -> Report:
    sections = list(report.sections)
    s = sections[section - 1]
    sections[section - 1] = attrs.evolve(s, paragraphs=(*s.paragraphs, text))
    return attrs.evolve(report, sections=tuple(sections))


FEES = attrs.evolve(
    J21,
    active=attrs.evolve(J21.active, fees=Amount("1.25", MoneyUnit.WAN_YUAN)),  # type: ignore[arg-type]
)


def test_the_fee_stated_in_prose_against_table_two_by_intervals() -> None:
    (f,) = check(_with_paragraph(FEES, "本年度行政事业性收费金额1.52万元。"))
    assert (f.code, f.path) == ("GD401", "$.sections[5].paragraphs[2]")
    assert "1.52万元" in f.message()
    assert "1.25万元" in f.message()
    assert f.sides[0].interval is not None
    assert f.sides[1].interval is not None
    assert f.discrepancy == 2600  # [15150, 15250] vs [12450, 12550] 元: 2600 元 apart
    for agrees in ("本年度行政事业性收费金额1.25万元。", "本年度行政事业性收费12500元。"):
        assert not check(_with_paragraph(FEES, agrees))
    # 信息处理费 (of disclosure) is no 行政事业性收费 item of 第二十条(八): nothing to compare
    assert not check(_with_paragraph(FEES, "本年度共收取信息处理费1.52万元。"))


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ("全年作出行政许可决定1200件。", "$.active.licensing"),
        ("全年作出行政处罚决定80件。", "$.active.punishment"),
        ("本年度采取行政强制措施9件。", "$.active.enforcement"),
    ],
)
def test_decisions_stated_in_prose_against_table_two(text: str, path: str) -> None:
    (f,) = check(_with_paragraph(J21, text))
    assert f.code == "GD401"
    assert f.sides[1].paths == (path,)


def test_decisions_in_the_2019_edition_and_what_is_not_a_decision() -> None:
    (f,) = check(_with_paragraph(J20, "全年作出行政许可决定1100件。"))
    assert f.sides[1].paths == ("$.active.licensing.decisions",)
    assert not check(_with_paragraph(J20, "全年作出行政许可决定1175件。"))
    for text in (
        "受理行政许可申请1500件。",
        "梳理行政许可事项清单46项。",
        "公开行政许可信息2000条。",
    ):
        assert not check(_with_paragraph(J21, text)), text


def test_counts_written_in_chinese_numerals() -> None:
    (f,) = check(_with_paragraph(J21, "本年度共收到政府信息公开申请四十件。", 3))
    assert f.code == "GD401"
    assert f.sides[0].value == 40
    assert not check(_with_paragraph(J21, "本年度共收到政府信息公开申请四十六件。", 3))
    (g,) = check(_with_paragraph(J21, "本年度被申请行政复议两件。", 4))
    assert g.code == "GD401"
    assert g.sides[0].value == 2
    for text in ("对申请内容不明确的，一次性告知申请人补正。", "第一次收到政府信息公开申请。"):
        assert not check(_with_paragraph(J21, text, 3)), text


def test_only_like_for_like_figures_are_compared() -> None:
    for text in (
        "截至目前，我局累计收到政府信息公开申请147件。",
        "自2008年以来，共收到政府信息公开申请300件。",
        "全市共收到政府信息公开申请300件。",
    ):
        assert not check(_with_paragraph(J21, text, 3)), text
    # a government's tables cover its jurisdiction: there, 全市 figures are the year's own
    city = attrs.evolve(
        _with_paragraph(J21, "全市共收到政府信息公开申请300件，工作考核优秀。", 3),
        agency_kind=AgencyKind.CITY_GOVERNMENT,
    )
    assert check(city).codes == ("GD401",)


def test_a_facts_scope_keeps_it_out_of_the_comparison() -> None:
    report = _with_paragraph(J21, "我局共收到政府信息公开申请147件。", 3)
    assert check(report).codes == ("GD401",)
    paragraph = report.section(3).paragraphs[-1]
    start = paragraph.index("147件")
    from govdisclosure.model import Fact, Location
    from govdisclosure.numerals import parse_quantity

    fact = Fact(
        key="requests.cumulative",
        label="历年收到申请",
        text="147件",
        quantity=parse_quantity("147件"),
        location=Location(section=(3,), paragraph=1, start=start, end=start + 4),
        scope=FactScope.CUMULATIVE,
    )
    assert not check(attrs.evolve(report, facts=(*report.facts, fact)))


def test_scope_read_from_the_words_around_a_figure() -> None:
    assert scope_of("截至目前，全市共受理网上登记审批业务147件", 20) is FactScope.CUMULATIVE
    assert scope_of("2015年，全市共下拨使用救灾资金4200.7万元", 15) is FactScope.JURISDICTION
    assert scope_of("本年度累计受理申请46件", 9) is FactScope.YEAR
    assert scope_of("历年累计公开信息1000条", 8) is FactScope.CUMULATIVE
    assert scope_of("我局收到申请46件", 6) is FactScope.UNKNOWN
    scopes = {f.text: f.scope for f in X15.facts}
    assert scopes["147件"] is FactScope.CUMULATIVE  # 截至目前，全市共受理…147件
    assert scopes["121702户"] is FactScope.JURISDICTION  # 全市共有城乡低保对象
