"""Narrative substance (GD603, GD604) and the undated report (GD504)."""

from __future__ import annotations

import attrs
import pytest

from govdisclosure import examples
from govdisclosure.document import Coverage
from govdisclosure.model import Report
from govdisclosure.rules import check

J21 = attrs.evolve(examples.load("jianghe-2021"), facts=(), relations=())
J20 = attrs.evolve(examples.load("jianghe-2020"), facts=(), relations=())


def _said(report: Report, ordinal: int, *paragraphs: str) -> Report:
    sections = tuple(
        attrs.evolve(s, paragraphs=paragraphs, subsections=()) if s.ordinal == ordinal else s
        for s in report.sections
    )
    return attrs.evolve(report, sections=sections)


@pytest.mark.parametrize("report", [J21, J20], ids=["2021", "2019"])
def test_sections_five_and_six_that_say_nothing(report: Report) -> None:
    bare = _said(_said(report, 5, "无。"), 6, "无。")
    assert check(report).codes == ()
    findings = check(bare)
    assert findings.codes == ("GD603", "GD604")
    five, six = findings
    assert (five.severity.value, six.severity.value) == ("warning", "notice")
    assert five.path == "$.sections[4]"
    assert "第五十条第(四)项" in five.message()
    assert "art. 50 item (4)" in five.message("en")
    assert "“无。”" in five.message()
    assert "信息处理费" in six.message()


@pytest.mark.parametrize(
    "text", ["暂无", "本年度无。", "工作人员力量不足。", "", "无明显问题，将继续努力。"]
)
def test_one_short_line_is_no_report_of_problems(text: str) -> None:
    assert check(_said(J21, 5, text)).codes == ("GD603",)


def test_a_real_report_of_problems_is_enough() -> None:
    text = (
        "一是政策解读形式较为单一；二是依申请公开答复的规范化水平有待提高。"
        "下一步将加强培训，规范答复文书。"
    )
    assert check(_said(J21, 5, text)).codes == ()


@pytest.mark.parametrize(
    "text",
    [
        "本年度无发出收费通知,无收取信息处理费用。",
        "本年度未收取信息处理费。",
        "我局未向申请人收费。",
    ],
)
def test_section_six_that_speaks_of_the_fee_either_way(text: str) -> None:
    assert check(_said(J21, 6, text)).codes == ()


def test_table_two_fees_say_nothing_of_the_information_processing_fee() -> None:
    # 行政事业性收费 (第二十条(八)) filled or not, a silent section 六 is the same notice
    silent = _said(J21, 6, "本年度无其他需要报告的事项。")
    assert check(silent).codes == ("GD604",)
    assert check(attrs.evolve(silent, active=attrs.evolve(J21.active, fees=None))).codes == (
        "GD105",
        "GD604",
    )


def test_legacy_reports_have_no_outline_to_hold_to() -> None:
    legacy = examples.load("xianning-2015")
    assert "GD603" not in check(legacy).codes
    assert "GD604" not in check(legacy).codes


def test_no_signing_date_and_no_period() -> None:
    assert J21.signature is not None
    undated = attrs.evolve(J21, signature=attrs.evolve(J21.signature, date=None), period=None)
    (f,) = check(undated)
    assert (f.code, f.path) == ("GD504", "$.signature.date")
    assert f.severity.value == "notice"  # the page gives a publication date
    assert "发布日期" in f.message()
    bare = attrs.evolve(undated, metadata=None)
    (f,) = check(bare)
    assert f.severity.value == "warning"
    assert "无从核对" in f.message()
    assert "can be checked" in f.message("en")
    # one of the two is enough
    assert check(attrs.evolve(J21, period=None)).codes == ()
    assert check(attrs.evolve(J21, signature=None)).codes == ()
    # a source cut inside a table never reached the signature
    cut = Coverage(frozenset(), frozenset({"二", "三", "四"}), cut=True)
    assert "GD504" not in check(bare, coverage=cut).codes
    # nor did a text without its last section, or one that ends mid-sentence
    assert "GD504" not in check(attrs.evolve(bare, sections=bare.sections[:3])).codes
    assert "GD504" not in check(_said(bare, 6, "本年度我局未发出收费通知，未收取信息")).codes


# --------------------------------------------------------------------------- derived totals


def test_a_total_a_builder_computed_says_so_and_from_what() -> None:
    from govdisclosure.model import Requests2021
    from govdisclosure.model._assembly import derived_cells

    t = J21.requests
    assert t is not None
    given = {
        f.name: attrs.asdict(getattr(t, f.name))
        for f in attrs.fields(type(t))
        if f.name != "total"  # (七)总计 left to the builder
    }
    given["granted"]["natural_person"] += 10  # the user's wrong figure, its row total too
    given["granted"]["total"] += 10
    built = Requests2021.build(**given)
    assert "total.natural_person" in derived_cells(built)
    assert "new.natural_person" not in derived_cells(built)
    (sums,) = check(attrs.evolve(J21, requests=built)).by_code("GD101")
    assert sums.path == "$.requests.carried_forward.natural_person"
    (hint,) = [s for s in sums.suggestions if s.kind == "derived"]
    assert hint.paths == ("$.requests.total.natural_person",)
    assert "由各项办理结果之和计算得出" in sums.message()
    assert "computed from the sum of the outcome rows" in sums.message("en")
    # the same table given in full: no hint of a derivation
    stated = attrs.evolve(built, total=built.total)
    assert derived_cells(stated) == frozenset()
    (plain,) = check(attrs.evolve(J21, requests=stated)).by_code("GD101")
    assert not [s for s in plain.suggestions if s.kind == "derived"]
