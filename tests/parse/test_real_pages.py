"""Right answers on real pages: metadata never invented, furniture stripped, the agency and its
kind read from the title's shapes real pages print."""

from __future__ import annotations

import pytest
from tests.parse.corpus import load

import govdisclosure as gd
from govdisclosure.layout import Edition
from govdisclosure.model import AgencyKind
from govdisclosure.parse import parse


@pytest.mark.parametrize("ident", ["018", "027"])
def test_a_page_that_prints_no_year_has_none(ident: str) -> None:
    _meta, text, _truth = load(ident)
    parsed = parse(text)
    assert parsed.report.year is None
    assert parsed.report.edition is Edition.STANDARD_2021  # from the labels
    codes = [f.code for f in parsed.findings]
    assert "GP111" not in codes
    assert "GP113" not in codes
    year = [f for f in parsed.findings if f.code == "GP112" and "年度" in f.message()]
    assert year
    assert "1990" not in year[0].message()
    assert "1990" not in year[0].message("en")


def test_no_year_and_no_labels_names_no_year() -> None:
    parsed = parse("一、总体情况\n正文。")
    assert parsed.report.year is None
    (f,) = [f for f in parsed.findings if f.code == "GP113"]
    assert "1990" not in f.message()
    assert "the year" not in f.message()


@pytest.mark.parametrize(
    ("title", "agency", "kind"),
    [
        (
            "2019年某市人民政府办公厅政府信息公开工作年度报告",
            "某市人民政府办公厅",
            AgencyKind.DEPARTMENT,
        ),
        ("Page 8 - 某区信访局2022年政府信息公开工作年度报告", "某区信访局", AgencyKind.DEPARTMENT),
        ("标题: 某镇人民政府2021年政府信息公开工作年度报告", "某镇人民政府", None),
        (
            "首页 > 政务公开 > 年度报告 > 江夏区人民政府2020年政府信息公开工作年度报告",
            "江夏区人民政府",
            AgencyKind.COUNTY_GOVERNMENT,
        ),
        ("   洪泽区人民政府\n      2023 年政府信息公开工作年度报告", "洪泽区人民政府", None),
    ],
)
def test_the_agency_is_read_from_the_title_and_furniture_is_dropped(
    title: str, agency: str, kind: AgencyKind | None
) -> None:
    text = title + "\n一、总体情况\n本年度共收到申请3件。\n"
    parsed = parse(text)
    report = parsed.report
    assert report.agency == agency
    assert agency in report.title
    assert report.title.endswith("年度报告")
    assert not any(w in report.title for w in ("Page", "标题", "首页", " "))
    assert report.year in (2019, 2020, 2021, 2022, 2023)
    assert report.kind() is not AgencyKind.UNKNOWN
    if kind is not None:
        assert report.kind() is kind
    for path in ("$.agency", "$.year", "$.title"):
        o = parsed.provenance[path]
        assert "".join(text[o.start : o.end].split()) == "".join(o.raw.split())
    assert text[parsed.provenance["$.agency"].start :].startswith(agency)
    assert parsed.provenance["$.year"].raw == str(report.year)


H3 = "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) |\n"


def test_a_cut_page_covers_only_what_it_printed() -> None:
    _meta, text, _truth = load("027")  # cut at 三(三)7's label
    parsed = parse(text)
    cov = parsed.coverage
    assert cov is not None
    assert cov.cut
    assert cov.tables == {"二", "三"}
    assert cov.printed_cell("$.requests.new.total")
    assert cov.printed_cell("$.active.regulations.issued")
    assert not cov.printed_cell("$.requests.total.total")  # never printed
    assert not cov.printed_cell("$.requests.withheld.law_enforcement.total")  # the cut label
    assert not any(p.startswith("$.reviews") for p in cov.printed)
    # every printed cell read is a cell of the report; every cell read was printed
    read = {p for p in parsed.provenance if p.startswith(("$.active.", "$.requests."))}
    assert read <= cov.printed


def test_printed_blank_cells_are_covered() -> None:
    parsed = parse(H3 + "一、本年新收政府信息公开申请数量 | 3 | | 0 | 0 | 0 | 0 | 3 |\n\n正文。")
    cov = parsed.coverage
    assert cov is not None
    assert parsed.report.requests is not None
    assert parsed.report.requests.new.commercial is None
    assert cov.printed_cell("$.requests.new.commercial")  # printed blank
    assert not cov.printed_cell("$.requests.carried_over.total")
    assert not cov.cut


def test_a_complete_page_is_not_cut_and_an_untabled_one_prints_no_table() -> None:
    cov = parse("某局2010年政府信息公开工作年度报告\n一、概述\n正文。").coverage
    assert cov is not None
    assert cov.printed == frozenset()
    assert cov.tables == frozenset()
    assert not cov.cut


@pytest.mark.parametrize(
    "row",
    [
        "(二)部分公开 | (区分处理的,只计这一情形,不计其他情形) | 3 | 0 | 0 | 0 | 0 | 0 | 3 |",
        "(二)部分公开(区分处理的, | 只计这一情形, | 不计其他情形) | 3 | 0 | 0 | 0 | 0 | 0 | 3 |",
        "(二)部分公开(区分处理的,只计这一 | 情形,不计其他情形) | 3 | 0 | 0 | 0 | 0 | 0 | 3 |",
    ],
)
def test_a_label_over_several_cells_keeps_its_figures(row: str) -> None:
    parsed = parse(H3 + row)
    assert parsed.report.requests is not None
    got = parsed.report.requests.partly_granted
    assert (got.natural_person, got.commercial, got.total) == (3, 0, 3)
    assert not [f for f in parsed.findings if f.code in ("GP133", "GP152")]


def test_a_label_begun_with_its_ordinal_ends_in_the_next_cell() -> None:
    parsed = parse(H3 + "5.要求行政机关确认或重新出具 | 已获取信息 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |")
    assert parsed.report.requests is not None
    assert parsed.report.requests.not_processed.confirmation.total == 2
    assert not [f for f in parsed.findings if f.code in ("GP133", "GP152")]


def test_figures_before_a_run_of_blanks_are_not_placed_with_false_assurance() -> None:
    parsed = parse(H3 + "一、本年新收政府信息公开申请数量 | 3 |\n3 |\n|||||||")
    assert parsed.report.requests is not None
    new = parsed.report.requests.new
    assert (new.natural_person, new.commercial, new.total) == (None, None, None)
    codes = [f.code for f in parsed.findings]
    assert "GP153" in codes
    assert "GP151" not in codes
    cov = parsed.coverage
    assert cov is not None
    assert not cov.printed_cell("$.requests.new.total")


def test_a_printed_zero_total_and_placeholders() -> None:
    parsed = parse(H3 + "(七)总计 | 0 | / | — | 0 | 0 | 0 | 0 |")
    assert parsed.report.requests is not None
    total = parsed.report.requests.total
    assert total.total == 0
    assert total.natural_person == 0
    assert total.commercial is None
    assert total.research is None
    for path, raw in (("$.requests.total.commercial", "/"), ("$.requests.total.research", "—")):
        assert parsed.provenance[path].raw == raw
        assert parsed.coverage is not None
        assert parsed.coverage.printed_cell(path)
    assert [f.code for f in parsed.findings].count("GP141") == 2


TRADITIONAL = (
    "某局2021年政府信息公開工作年度報告\n一、總體情況\n本機關依照條例，諮詢、複議均無。\n"
    "二、主動公開政府信息的情況:\n正文。\n三、收到和處理政府信息公開申請情況\n"
    "（本列數據的勾稽關係為：第一項加第二項之和，等於第三項加第四項之和） |\n"
    "一、本年新收政府信息公開申請數量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |\n"
    "四、政府信息公開行政複議、行政訴訟情況\n正文。\n五、存在的主要問題及改進情況\n正文。\n"
    "六、其他需要報告的事項\n無。"
)


def test_a_page_in_traditional_characters_is_matched_and_kept_as_printed() -> None:
    parsed = parse(TRADITIONAL)
    report = parsed.report
    assert "GP104" in [f.code for f in parsed.findings]
    assert report.requests is not None
    assert report.requests.new.total == 3
    assert report.title == "某局2021年政府信息公開工作年度報告"  # as printed
    assert [s.title for s in report.sections][3] == "政府信息公開行政複議、行政訴訟情況"
    assert not [f for f in gd.check(report) if f.code == "GD601"]
    o = parsed.provenance["$.requests.new.total"]
    assert TRADITIONAL[o.start : o.end] == "3"


@pytest.mark.parametrize(
    "heading",
    ["主动公开政府信息的情况:", "主动公开政府信息情况；", "主动公开政府信息情况。"],
)
def test_heading_variants_raise_no_gd601(heading: str) -> None:
    text = (
        f"某局2021年政府信息公开工作年度报告\n一、政务公开工作总体情况\n正文。\n二、{heading}\n正文。\n"
        "三、收到和处理政府信息公开申请情况\n正文。\n四、政府信息公开行政复议、行政诉讼情况\n正文。\n"
        "五、存在的主要问题和改进情况\n正文。\n六、其他需要报告的事项\n无。"
    )
    report = parse(text).report
    assert len(report.sections) == 6
    assert not [f for f in gd.check(report) if f.code == "GD601"]


def test_an_unknown_label_with_an_ordinal_is_never_given_figures() -> None:
    parsed = parse(
        H3 + "9.属于某类信息 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n(七)总计 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |"
    )
    codes = [f.code for f in parsed.findings]
    assert "GP133" in codes
    assert codes.count("GP152") == 7
    assert parsed.report.requests is not None
    assert parsed.report.requests.total.total == 0
