"""GD401 on the contradictions a journalist looks for: every figure the prose states about
requests and appeals against the table cell or sum it names, the outcomes the prose lists
against the total it states, and the words about appeals against table 四."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.parse.corpus import expected_cells

import govdisclosure as gd
from govdisclosure import examples
from govdisclosure.model import Report
from govdisclosure.rules import Findings, check
from govdisclosure.testing._edits import _set

J21 = examples.load("jianghe-2021")
REAL = Path("/work/shared/corpus/real")


def _with(text: str, section: int = 3, report: Report = J21) -> Report:
    sections = list(report.sections)
    s = sections[section - 1]
    sections[section - 1] = attrs.evolve(s, paragraphs=(*s.paragraphs, text))
    return attrs.evolve(report, sections=tuple(sections))


def _gd401(text: str) -> Findings:
    return check(_with(text)).by_code("GD401")


# jianghe-2021 table 三: new 46, carried over 3, (七) 45 = granted 17 + partly 6 + withheld 4
# (third party 2, internal 1, process 1) + unable 12 (not held 9 …) + not processed 3 + other 3
ALL_AGREE = (
    "本年度共答复政府信息公开申请45件，其中予以公开17件，部分公开6件，不予公开4件，"
    "无法提供12件，不予处理3件，其他处理3件。",
    "本年度予以公开及部分公开23件，无法提供12件，其中本机关不掌握相关政府信息9件。",
    "上年度结转申请3件。不予公开4件，其中属于保护第三方合法权益的2件。",
    "不予处理3件，其中信访举报投诉类申请2件，重复申请1件。",
)


@pytest.mark.parametrize("text", ALL_AGREE)
def test_prose_that_agrees_with_the_tables_is_no_finding(text: str) -> None:
    assert _gd401(text) == Findings()


@pytest.mark.parametrize(
    ("text", "paths"),
    [
        ("本年度予以公开及部分公开25件。", ("$.requests.granted.total",
                                             "$.requests.partly_granted.total")),
        ("本年度无法提供13件。", ("$.requests.unable.not_held.total",
                                 "$.requests.unable.needs_creation.total",
                                 "$.requests.unable.still_unclear.total")),
        ("不予公开4件，其中属于保护第三方合法权益的3件。",
         ("$.requests.withheld.third_party.total",)),
        ("其中属于四类过程性信息的2件。", ("$.requests.withheld.process_information.total",)),
        ("不予处理3件，其中重复申请2件。", ("$.requests.not_processed.repeated.total",)),
        ("本年度共答复申请44件。", ("$.requests.total.total",)),
        ("上年结转申请4件。", ("$.requests.carried_over.total",)),
        ("予以公开18件。", ("$.requests.granted.total",)),
    ],
)  # fmt: skip
def test_each_figure_is_compared_with_the_cell_or_sum_it_names(
    text: str, paths: tuple[str, ...]
) -> None:
    (f,) = _gd401(text)
    assert f.sides[1].paths == paths
    assert f.message()
    assert f.message("en")


def test_the_outcomes_listed_against_the_total_stated() -> None:
    text = (
        "本年度办结申请45件，其中予以公开17件，部分公开6件，不予公开4件，"
        "无法提供12件，不予处理3件，其他处理4件。"
    )
    found = _gd401(text)
    assert [f.args[1][1] for f in found] == [
        "所列各项办理结果之和|the sum of the outcomes it lists",
        "其他处理的申请|applications otherwise handled",
    ] or len(found) == 2
    listed = next(f for f in found if "所列各项办理结果之和" in f.message())
    assert listed.discrepancy == 1
    assert "46" in listed.message()
    # a list that leaves out outcomes the table has is no contradiction of its total
    assert _gd401("本年度办结申请45件，其中予以公开17件，部分公开6件。") == Findings()
    text = (
        "本年度办结申请45件，其中予以公开17件，部分公开6件，不予公开4件，"
        "无法提供12件，不予处理3件。"
    )
    assert _gd401(text) == Findings()  # 其他处理 (3 in the table) left out


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("被申请行政复议3件、被提起行政诉讼3件，均获维持。", "行政复议和行政诉讼"),
        ("被申请行政复议3件，均获维持。", "行政复议"),
        ("行政复议和行政诉讼案件均已审结。", "尚未审结"),
        ("本年度未发生行政复议和行政诉讼。", "行政复议和行政诉讼"),
    ],
)
def test_words_about_appeals_against_table_four(text: str, claim: str) -> None:
    (f,) = _gd401(text)
    assert f.sides[1].paths[0].startswith("$.reviews.")
    assert claim in f.message()
    assert f.sides[0].value == 0


def test_words_about_appeals_that_agree_are_no_finding() -> None:
    reviews = J21.reviews
    assert reviews is not None
    clean = type(reviews.review)(upheld=3, corrected=0, other=0, pending=0, total=3)
    upheld = attrs.evolve(J21, reviews=attrs.evolve(reviews, review=clean))
    assert check(_with("被申请行政复议3件，均获维持。", report=upheld)).by_code("GD401") == (
        Findings()
    )


def test_one_finding_per_contradiction_however_often_stated() -> None:
    report = _with("上年结转申请4件。", section=1)
    report = _with("上年结转申请4件。", section=3, report=report)
    assert len(check(report).by_code("GD401")) == 1


def test_a_sentence_wrapped_over_two_paragraphs_is_read_whole() -> None:
    report = _with("2021年，我局受理政府")
    report = _with("信息公开申请17件，均已按时答复。", report=report)
    (f,) = check(report).by_code("GD401")
    assert "受理政府信息公开申请17件" in f.message()
    assert f.path.endswith("paragraphs[2]")


def test_a_fee_of_information_processing_is_not_table_two_s_fees() -> None:
    # 行政事业性收费 (第二十条(八)) are the agency's fee items: 信息处理费 tells nothing of them
    assert _gd401("本年度共收取信息处理费0元。") == Findings()


# --------------------------------------------------------------------------- real pages


def _truth(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((REAL / f"{name}.json").read_text(encoding="utf-8"))
    return data


def _with_truth_cells(report: Report, truth: dict[str, Any]) -> Report:
    """The report with every cell of tables 三 and 四 as the truth records it (a table 三
    in the 2019 form, with one (六)其他处理 row, puts it in (六)3)."""
    truth = dict(truth, table3=dict(truth["table3"]))
    single = truth["table3"].pop("三(六) 其他处理", None)
    if single is not None:
        for col, value in single.items():
            key = _COLUMNS[col]
            report = _set(report, f"requests.other.other.{key}", value)
            report = _set(report, f"requests.other.no_correction.{key}", 0)
            report = _set(report, f"requests.other.unpaid_fee.{key}", 0)
    for path, value, _ in expected_cells(report.edition, truth):
        if path.startswith(("$.requests.", "$.reviews.")):
            report = _set(report, path[2:], value)
    return report


_COLUMNS = {
    "自然人": "natural_person",
    "商业企业": "commercial",
    "科研机构": "research",
    "社会公益组织": "public_interest",
    "法律服务机构": "legal_services",
    "其他": "other",
    "总计": "total",
}

needs_real = pytest.mark.skipif(not REAL.exists(), reason="the real corpus is not here")


@needs_real
def test_hongze_2024_prose_says_17_where_table_three_says_95() -> None:
    parsed = gd.parse((REAL / "hongze-2024.txt").read_text(encoding="utf-8"))
    truth = _truth("hongze-2024")
    (wrong,) = [p for p in truth["prose_figures"] if not p["holds"]]
    for report in (parsed.report, _with_truth_cells(parsed.report, truth)):
        (f,) = gd.check(report).by_code("GD401")
        assert f.sides[0].value == wrong["value"]
        assert f.sides[1].value == wrong["table_value"]
        assert "受理政府信息公开申请 17 件" in f.message()


@needs_real
@pytest.mark.parametrize("name", ["hongze-2023", "huaian-2024"])
def test_real_pages_whose_prose_holds_get_no_gd401(name: str) -> None:
    parsed = gd.parse((REAL / f"{name}.txt").read_text(encoding="utf-8"))
    truth = _truth(name)
    assert all(p["holds"] for p in truth["prose_figures"])
    for report in (parsed.report, _with_truth_cells(parsed.report, truth)):
        assert gd.check(report).by_code("GD401") == Findings()


# --------------------------------------------------------------------------- prose relations


def _relations(text: str) -> list[tuple[str, list[str]]]:
    from govdisclosure.parse._narrative import facts_and_relations

    facts, relations = facts_and_relations([((1,), 0, text)])
    label = {f.key: f.text for f in facts}
    return [(label[r.result], [label[a] for a in r.add]) for r in relations]


def test_a_nested_list_stays_nested() -> None:
    text = (
        "共收到申请100件，其中自然人提出60件，其中网上申请40件、信函申请20件；"
        "法人或其他组织提出40件。"
    )
    assert _relations(text) == [("100件", ["60件", "40件"]), ("60件", ["40件", "20件"])]


def test_each_list_breaks_down_the_nearest_total_before_it() -> None:
    text = (
        "全年共受理申请275件，其中自然人250件、法人25件；办结52件，其中予以公开30件、不予公开22件。"
    )
    assert _relations(text) == [("275件", ["250件", "25件"]), ("52件", ["30件", "22件"])]


def test_a_list_opening_a_sentence_breaks_down_a_figure_it_adds_up_to() -> None:
    # “……。其中，……”: not whatever figure came last (52), the one the parts make (275)
    text = "全年共受理申请275件，办结52件。其中，自然人提出200件，法人提出75件。"
    assert _relations(text) == [("275件", ["200件", "75件"])]
    # a list that makes none of them is tied to none (no breakdown reported against 52)
    assert _relations("全年共受理申请275件，办结52件。其中，自然人提出200件，法人提出70件。") == []
    assert _relations("全年共受理申请52件。其中，自然人提出40件，法人提出12件。") == [
        ("52件", ["40件", "12件"])
    ]


_UNFINISHED = r"[^。；;！!？?：:]+$"
"""The unfinished sentence at a paragraph's end, as a pattern (what ``_carry`` scans for)."""


@settings(max_examples=300)
@given(st.text(alphabet="。；;！!？?：:，、\n 　a1件申请" + "\u3000\t", max_size=40))
def test_carry_is_the_unfinished_sentence(text: str) -> None:
    """The backward scan takes over what the pattern anchored at the end finds."""
    import re

    from govdisclosure.rules._claims import _carry

    m = re.search(_UNFINISHED, text.rstrip())
    expected = "" if m is None or "\n" in m.group() else m.group()
    assert _carry(text) == expected


def test_claims_survive_a_new_copy_and_a_changed_paragraph() -> None:
    """What is derived per report follows the report: a copy checks the same, a copy whose
    prose states another figure gets its own finding."""
    r = attrs.evolve(examples.load("jianghe-2021"), facts=(), relations=())
    assert check(r) == check(attrs.evolve(r)) == Findings()
    section = r.sections[2]
    changed = section.paragraphs[0].replace("自然人提出申请34件", "自然人提出申请43件")
    assert changed != section.paragraphs[0]
    other = attrs.evolve(
        r,
        sections=(
            *r.sections[:2],
            attrs.evolve(section, paragraphs=(changed, *section.paragraphs[1:])),
            *r.sections[3:],
        ),
    )
    assert check(r) == Findings()
    assert [f.code for f in check(other)] == ["GD401"]


def test_what_is_derived_of_a_report_goes_with_it() -> None:
    """The memo of derived data holds no report alive, and is dropped with its report."""
    import gc
    import weakref

    from govdisclosure.rules import _context

    r = attrs.evolve(examples.load("jianghe-2021"), agency="某局")
    assert check(r) == Findings()
    ident, ref = id(r), weakref.ref(r)
    assert ident in _context._DERIVED
    del r
    gc.collect()
    assert ref() is None
    assert ident not in _context._DERIVED
