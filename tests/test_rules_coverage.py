"""Checks that know the source: what a page never printed is not blank (GD107), and blank
cells come in groups (GD105), a blank 总计 column named once as a pattern."""

from __future__ import annotations

from typing import Any

import attrs
import pytest

import govdisclosure as gd
from govdisclosure import examples
from govdisclosure.document import Coverage
from govdisclosure.model import ApplicantCounts, Edition, Report
from govdisclosure.rules import Policy, check
from govdisclosure.rules._equations import compiled

J21 = examples.load("jianghe-2021")


def _paths(report: Report, number: str) -> list[str]:
    (table,) = [t for t in compiled(report.edition).tables if t.number == number]
    return [str(c.json_path) for c in table.cells]


def _all_printed(report: Report) -> set[str]:
    return {p for n in ("二", "三", "四") for p in _paths(report, n)}


@attrs.frozen
class _Read:
    """What a reader returns: a report and the coverage of its source."""

    report: Report
    coverage: Coverage | None


def _without_reviews_rows(report: Report) -> tuple[Report, Coverage]:
    """Table 四 cut after its first group: the two lawsuit groups never printed."""
    reviews = report.reviews
    assert reviews is not None
    empty = type(reviews.review)()
    cut = attrs.evolve(
        report,
        reviews=attrs.evolve(reviews, litigation_direct=empty, litigation_after_review=empty),
    )
    printed = {
        p
        for p in _all_printed(report)
        if not p.startswith(("$.reviews.litigation_direct", "$.reviews.litigation_after_review"))
    }
    return cut, Coverage(frozenset(printed), frozenset({"二", "三", "四"}), cut=True)


def test_a_complete_coverage_changes_nothing() -> None:
    full = Coverage(frozenset(_all_printed(J21)), frozenset({"二", "三", "四"}))
    assert check(J21, coverage=full) == check(J21)
    assert check(_Read(J21, full)) == check(J21)
    assert check(_Read(J21, None)) == check(J21)


def test_cells_never_printed_are_one_notice_per_table_not_blank() -> None:
    cut, coverage = _without_reviews_rows(J21)
    assert check(cut).codes == ("GD105",)  # without coverage: blank (one run of rows)
    findings = check(cut, coverage=coverage)
    assert findings.codes == ("GD107",)
    (f,) = findings
    assert f.severity.value == "notice"
    assert f.path == "$.reviews.litigation_direct.upheld"
    assert len(f.sides[0].paths) == 10
    assert "未见于来源" in f.message()
    assert "not printed in the source" in f.message("en")
    assert "未经复议直接起诉" in f.message()
    # what the parser returns (an object with report and coverage) is accepted as it is
    assert check(_Read(cut, coverage)) == findings


def test_a_table_never_printed_is_one_notice_and_no_blank() -> None:
    printed = {p for p in _all_printed(J21) if not p.startswith("$.reviews")}
    report = attrs.evolve(J21, reviews=None)
    coverage = Coverage(frozenset(printed), frozenset({"二", "三"}), cut=True)
    assert check(report).codes == ("GD105",)
    (f,) = check(report, coverage=coverage)
    assert (f.code, f.path) == ("GD107", "$.reviews")
    assert f.message() == "表四（整张表） 未见于来源"


def test_printed_blank_cells_stay_gd105_beside_unprinted_ones() -> None:
    cut, coverage = _without_reviews_rows(J21)
    reviews = cut.reviews
    assert reviews is not None
    blank = attrs.evolve(cut, reviews=attrs.evolve(reviews, review=type(reviews.review)()))
    findings = check(blank, coverage=coverage)
    assert findings.codes == ("GD105", "GD107")
    assert findings[0].path == "$.reviews.review"


def test_unprinted_cells_are_unknown_even_when_blanks_count_as_zero() -> None:
    cut, coverage = _without_reviews_rows(J21)
    zero = Policy(blank="zero")
    assert "GD104" not in check(cut, coverage=coverage, policy=zero).codes


def test_a_run_down_a_column_is_one_finding() -> None:
    t = J21.requests
    assert t is not None
    rows = ("granted", "partly_granted")
    blank = {r: attrs.evolve(getattr(t, r), natural_person=None) for r in rows}
    (f,) = check(attrs.evolve(J21, requests=attrs.evolve(t, **blank))).by_code("GD105")
    assert f.sides[0].paths == (
        "$.requests.granted.natural_person",
        "$.requests.partly_granted.natural_person",
    )
    assert "“自然人”列" in f.message()
    assert "(2 cells)" in f.message("en")


def _totals_blank(report: Report) -> Report:
    """Every result row of table 三 with its 总计 blank; 一, 二, (七), 四 keep theirs."""
    t = report.requests
    assert t is not None

    def blank(v: Any) -> Any:
        if isinstance(v, ApplicantCounts):
            return attrs.evolve(v, total=None)
        return attrs.evolve(v, **{f.name: blank(getattr(v, f.name)) for f in attrs.fields(type(v))})

    keep = ("new", "carried_over", "total", "carried_forward")
    changes = {
        f.name: blank(getattr(t, f.name))
        for f in attrs.fields(type(t))
        if f.name not in keep and attrs.has(type(getattr(t, f.name)))
    }
    return attrs.evolve(report, requests=attrs.evolve(t, **changes))


@pytest.mark.parametrize("name", ["jianghe-2021", "jianghe-2020"])
def test_a_blank_total_column_among_filled_rows_is_one_warning(name: str) -> None:
    report = _totals_blank(examples.load(name))
    rows = 21 if report.edition is Edition.STANDARD_2021 else 19
    (f,) = check(report)
    assert (f.code, f.severity.value) == ("GD105", "warning")
    assert len(f.sides[0].paths) == rows
    assert all(p.endswith(".total") for p in f.sides[0].paths)
    assert "“总计”列" in f.message()
    assert "(七)总计" in f.message()
    assert f"（共 {rows} 行）" in f.message()
    assert "column “Total”" in f.message("en")


def test_under_blank_as_zero_the_blank_total_column_is_one_error() -> None:
    report = _totals_blank(J21)
    findings = check(report, policy=Policy(blank="zero"))
    assert findings.codes == ("GD102", "GD105")
    error, notice = findings
    assert error.severity.value == "error"
    assert notice.severity.value == "notice"
    assert "总计列空白，按 0 计" in error.message()
    assert error.sides[1].paths == notice.sides[0].paths or set(error.sides[1].paths) <= set(
        notice.sides[0].paths
    )


def test_gd_check_takes_a_parse_result_with_its_coverage() -> None:
    text = gd.render(J21, "text")
    parsed = gd.parse(text)
    printed = {p for p in _all_printed(J21) if not p.startswith("$.reviews")}
    coverage = Coverage(frozenset(printed), frozenset({"二", "三"}), cut=True)
    assert "GD107" not in gd.check(parsed.report).codes
    assert "GD107" in gd.check(parsed.report, coverage=coverage).codes
    # the parse result itself (its own coverage when the reader records one)
    assert gd.check(parsed, coverage=coverage) == gd.check(parsed.report, coverage=coverage)
    if getattr(parsed, "coverage", None) is None:
        assert gd.check(parsed) == gd.check(parsed.report)


def test_a_coverage_of_another_type_is_refused() -> None:
    with pytest.raises(TypeError, match="coverage must be a Coverage"):
        check(J21, coverage={"$.requests.new.total"})  # type: ignore[arg-type]
