"""Right answers on real pages: metadata never invented, furniture stripped, the agency and its
kind read from the title's shapes real pages print."""

from __future__ import annotations

import pytest
from tests.parse.corpus import load

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
