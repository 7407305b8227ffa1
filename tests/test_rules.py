"""Validation (govdisclosure.rules): API, catalogue, policy, and every rule by example."""

from __future__ import annotations

import datetime as dt
import json
import pickle
from decimal import Decimal

import attrs
import pytest

from govdisclosure import examples
from govdisclosure.model import (
    AgencyKind,
    ApplicantCounts,
    Fact,
    Location,
    Period,
    Relation,
    Report,
    Section,
    Signature,
)
from govdisclosure.numerals import parse_quantity
from govdisclosure.rules import (
    Finding,
    Findings,
    Interval,
    Policy,
    ReportInvalid,
    Rule,
    Severity,
    catalog,
    check,
    check_series,
    rule,
    validate,
)
from govdisclosure.testing.breaking import align, with_year

J20 = examples.load("jianghe-2020")
J21 = examples.load("jianghe-2021")
X15 = examples.load("xianning-2015")


def _set(obj, path: str, value):
    head, _, rest = path.partition(".")
    if not rest:
        return attrs.evolve(obj, **{head: value})
    return attrs.evolve(obj, **{head: _set(getattr(obj, head), rest, value)})


def _get(obj, path: str):
    for part in path.split("."):
        obj = getattr(obj, part)
    return obj


def _found(findings: Findings) -> list[tuple[str, str]]:
    return [(f.code, f.path) for f in findings]


# --------------------------------------------------------------------------- catalogue


def test_catalogue_lists_every_code_of_the_issue_once_in_order() -> None:
    codes = [r.code for r in catalog()]
    assert codes == [
        "GD101", "GD102", "GD103", "GD104", "GD105", "GD106", "GD107", "GD201", "GD202",
        "GD301", "GD302", "GD401", "GD402", "GD501", "GD502", "GD503", "GD504", "GD601", "GD602",
        "GD603", "GD604",
    ]  # fmt: skip
    for r in catalog():
        assert isinstance(r, Rule)
        assert r.title
        assert r.title_en
        assert r.description
        assert r.description_en
        assert r.message
        assert r.message_en
        assert r.editions
        assert rule(r.code) is r
    severities = {r.code: r.severity.value for r in catalog()}
    assert severities["GD101"] == severities["GD201"] == "error"
    assert severities["GD105"] == severities["GD202"] == severities["GD301"] == "warning"
    assert severities["GD302"] == "notice"


def test_unknown_rule_code_is_a_key_error_naming_the_known_codes() -> None:
    with pytest.raises(KeyError, match="GD101"):
        rule("GD999")


# --------------------------------------------------------------------------- the examples


def test_the_invented_examples_check_clean_alone_and_as_a_series() -> None:
    assert check(J20) == Findings()
    assert check(J21) == Findings()
    assert check(J21, previous=J20) == Findings()
    assert check_series([J21, J20]) == Findings()


def test_xianning_gets_exactly_the_findings_its_text_deserves() -> None:
    findings = check(X15)
    assert _found(findings) == [("GD503", "$.metadata.published"), ("GD601", "$.sections")]
    late, missing = findings
    # signed 2016-01-29, in time: the page's date (a portal migration) is a notice at most
    assert late.severity is Severity.NOTICE
    assert "2016年1月29日" in late.message()
    # no national outline before 2019: a 第三十二条 item no heading covers is a notice
    assert missing.severity is Severity.NOTICE
    assert late.discrepancy == (dt.date(2020, 9, 11) - dt.date(2016, 3, 31)).days
    assert "2020年9月11日" in late.message()
    assert "2016年3月31日" in late.message()
    assert "收费及减免" in missing.message()
    assert findings.ok  # warnings only: `govdisclosure check` exits 0


def test_xianning_relations_hold_with_approximate_and_rounded_figures() -> None:
    # 300余条 vs parts adding up to 312; 4200.7万元 = 3948万元 + 252.7万元; 收入 − 支出 = 结余
    assert not check(X15).by_code("GD201", "GD202")


# --------------------------------------------------------------------------- findings


def test_finding_carries_path_location_sides_and_both_languages() -> None:
    t = J21.requests
    report = _set(J21, "requests.granted.natural_person", t.granted.natural_person + 2)
    findings = check(report)
    assert _found(findings) == [
        ("GD102", "$.requests.granted.total"),
        ("GD103", "$.requests.total.natural_person"),
    ]
    row, column = findings
    assert row.location.zh == "表三 “三、本年度办理结果 / (一)予以公开”行"
    assert row.location.en.startswith("Table 3, row")
    assert column.location.zh == "表三 “自然人”列"
    left, right = row.sides
    assert (left.value, right.value) == (t.granted.total + 2, t.granted.total)
    assert "$.requests.granted.natural_person" in left.paths
    assert right.paths == ("$.requests.granted.total",)
    assert row.discrepancy == 2
    assert row.year == 2021
    assert "相差 2" in row.message()
    assert "off by 2" in row.message(locale="en")
    assert row.message("en_US") == row.message(locale="en")
    with pytest.raises(ValueError, match="unsupported locale"):
        row.message("fr")
    data = json.loads(json.dumps(findings.to_dict(), ensure_ascii=False))
    assert data["errors"] == 2
    assert data["findings"][0]["path"] == "$.requests.granted.total"
    assert data["findings"][0]["message"]["en"] == row.message("en")


def test_findings_is_an_immutable_sequence_with_helpers() -> None:
    report = _set(J21, "reviews.review.upheld", J21.reviews.review.upheld + 1)
    report = attrs.evolve(
        report, period=Period(start=dt.date(2021, 2, 1), end=dt.date(2021, 12, 31))
    )
    findings = check(report)
    assert findings.codes == ("GD104", "GD502")
    assert findings.errors.codes == ("GD104",)
    assert findings.warnings.by_code("GD502").codes == ("GD502",)
    assert findings.worst is Severity.ERROR
    assert not findings.ok
    assert findings.at("$.period").codes == ("GD502",)
    assert isinstance(findings[0], Finding)
    assert isinstance(findings[:1], Findings)
    assert findings[:1] + findings[1:] == findings
    assert pickle.loads(pickle.dumps(findings)) == findings
    assert hash(findings) == hash(Findings(list(findings)))
    with pytest.raises(AttributeError):
        findings[0].code = "GD999"  # type: ignore[misc]


def test_validate_raises_report_invalid_with_every_finding() -> None:
    assert validate(J21) is J21
    assert validate(X15) is X15  # warnings do not make a report invalid
    bad = _set(J21, "reviews.review.total", 99)
    with pytest.raises(ReportInvalid) as info:
        validate(bad)
    err = info.value
    assert err.findings.errors.codes == ("GD104",)
    assert "GD104 $.reviews.review.total" in str(err)
    assert isinstance(err, ValueError)
    again = pickle.loads(pickle.dumps(err))
    assert again.findings == err.findings


def test_check_refuses_what_is_not_a_report() -> None:
    with pytest.raises(TypeError):
        check({"year": 2021})  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        check(J21, previous="2020")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        check(J21, policy={"blank": "zero"})  # type: ignore[arg-type]


# --------------------------------------------------------------------------- which cell


@pytest.mark.parametrize(
    ("path", "printed", "correct"),
    [
        ("requests.granted.natural_person", 31, 13),
        ("requests.new.natural_person", 43, 34),
        ("requests.unable.not_held.natural_person", None, None),
    ],
)
def test_a_single_wrong_cell_is_named_with_its_correct_value(path, printed, correct) -> None:
    original = _get(J21, path)
    if printed is None:
        printed, correct = original + 7, original
    report = _set(J21, path, printed)
    table = check(report).by_code("GD101", "GD102", "GD103")
    assert len(table) == 2
    for f in table:
        (s,) = f.suggestions
        assert s.kind == "cell"
        assert s.paths == ("$." + path,)
        assert (s.current, s.proposed) == (printed, correct)
        assert s.digits is (sorted(str(printed)) == sorted(str(correct)))
    assert "疑为数字颠倒" in table[0].message() or printed == original + 7


def test_the_compensating_pattern_is_recognised() -> None:
    t = J21.requests
    row = t.granted
    moved = attrs.evolve(row, natural_person=row.natural_person - 2, commercial=row.commercial + 2)
    report = attrs.evolve(J21, requests=attrs.evolve(t, granted=moved))
    findings = check(report)
    assert findings.codes == ("GD103", "GD103")
    for f in findings:
        (s,) = f.suggestions
        assert s.kind == "compensating"
        assert s.proposed == 2
        assert "自然人" in s.message()
        assert "商业企业" in s.message()
        assert "wrong applicant type" in f.message("en")


def test_table_four_gives_no_guess_when_the_wrong_cell_cannot_be_known() -> None:
    report = _set(J21, "reviews.review.upheld", J21.reviews.review.upheld + 4)
    (f,) = check(report).by_code("GD104")
    assert f.suggestions == ()


# --------------------------------------------------------------------------- blank cells


def test_a_blank_cell_is_unknown_by_default_and_zero_on_request() -> None:
    path = "requests.withheld.third_party.natural_person"
    report = _set(J21, path, None)
    default = check(report)
    assert _found(default) == [("GD105", "$." + path)]
    assert default[0].severity is Severity.WARNING
    assert "未予核对" in default[0].message()
    zero = check(report, policy=Policy(blank="zero"))
    value = _get(J21, path)
    if value:
        assert set(zero.codes) == {"GD102", "GD103", "GD105"}
    assert zero.by_code("GD105")[0].severity is Severity.NOTICE
    assert "按 0 计" in zero.by_code("GD105")[0].message()


def test_with_blank_part_cells_the_total_column_equation_is_checked() -> None:
    # every applicant column blank in rows 一 and 二: only the 总计 column can be checked
    t = J21.requests
    blank = ApplicantCounts(total=t.new.total + 5)
    report = attrs.evolve(J21, requests=attrs.evolve(t, new=blank))
    findings = check(report)
    assert ("GD101", "$.requests.carried_forward.total") in _found(findings)
    (blank,) = findings.by_code("GD105")  # one finding for the row, listing its six cells
    assert blank.path == "$.requests.new"
    assert len(blank.sides[0].paths) == 6


def test_a_missing_table_is_one_finding() -> None:
    report = attrs.evolve(J21, reviews=None)
    findings = check(report)
    assert _found(findings) == [("GD105", "$.reviews")]


# --------------------------------------------------------------------------- amounts and counts


def _legacy(paragraph: str, facts: list[tuple[str, str]], relations: list[Relation]) -> Report:
    """A legacy report whose section 2 is ``paragraph``; ``facts`` (key, text) are located in it."""
    located, start = [], 0
    for key, text in facts:
        at = paragraph.index(text, start)
        located.append(
            Fact(
                key=key,
                label=key,
                text=text,
                quantity=parse_quantity(text),
                location=Location(section=(2,), paragraph=0, start=at, end=at + len(text)),
            )
        )
        start = at + len(text)
    base = with_year(X15, 2015)
    sections = tuple(
        attrs.evolve(s, paragraphs=(paragraph,)) if s.ordinal == 2 else s for s in base.sections
    )
    return attrs.evolve(base, sections=sections, facts=tuple(located), relations=tuple(relations))


def _sums(total: str, parts: list[str]) -> Report:
    text = "共" + total + "，其中" + "，".join(parts) + "。"
    keys = [f"p{i}" for i in range(len(parts))]
    return _legacy(
        text,
        [("total", total), *zip(keys, parts, strict=True)],
        [Relation(result="total", add=tuple(keys), text="其中")],
    )


def test_rounded_amounts_follow_xbrl_calculations_intervals() -> None:
    parts = ["0.33万元", "0.33万元", "0.33万元"]
    assert not check(_sums("1.00万元", parts)).by_code("GD201")
    (f,) = check(_sums("1.02万元", parts)).by_code("GD201")
    assert f.discrepancy == Decimal(100)  # at least 0.01万元 apart
    assert f.severity is Severity.ERROR
    assert f.path == "$.relations[0]"
    parts_side, total_side = f.sides
    assert parts_side.interval == Interval.closed(Decimal(9750), Decimal(10050))
    assert total_side.interval == Interval.closed(Decimal(10150), Decimal(10250))
    assert "至少相差 100 元" in f.message()
    assert "at least 100 yuan" in f.message("en")


def test_amounts_in_different_units_and_a_balance() -> None:
    report = _legacy(
        "收入1619106元,支出145.44万元,结余16.47万元。",
        [("in", "1619106元"), ("out", "145.44万元"), ("left", "16.47万元")],
        [Relation(result="left", add=("in",), subtract=("out",))],
    )
    assert not check(report).by_code("GD201")  # 164706元 vs [164650, 164750]
    report = _legacy(
        "收入1619106元,支出145.44万元,结余16.4万元。",
        [("in", "1619106元"), ("out", "145.44万元"), ("left", "16.4万元")],
        [Relation(result="left", add=("in",), subtract=("out",))],
    )
    (f,) = check(report).by_code("GD201")
    assert f.discrepancy == Decimal("155.5")  # 164706 − 50.5 vs 164000 + 500


def test_an_approximate_money_term_gives_the_interval_not_a_sum() -> None:
    (f,) = check(_sums("5000万元", ["约100万元", "3948万元"])).by_code("GD201")
    parts_side, _ = f.sides
    assert parts_side.value is None  # 约100万元: no single value
    assert parts_side.interval == Interval.closed(Decimal(39475000), Decimal(41485000))
    assert parts_side.text == "[39475000, 41485000]元"
    assert "40480000" not in f.message()
    assert "40480000" not in f.message("en")
    assert "按所述各项计算为 [39475000, 41485000] 元（含约数，只能算出区间）" in f.message()
    assert "the stated terms give [39475000, 41485000] yuan (approximate terms" in f.message("en")
    # every term exact: the sum, then its interval, as before
    (f,) = check(_sums("5000万元", ["100万元", "3948万元"])).by_code("GD201")
    assert f.sides[0].value == Decimal(40480000)
    assert "计算为 40480000元（区间 [40470000, 40490000] 元）" in f.message()
    assert "give 40480000 yuan (interval [40470000, 40490000] yuan)" in f.message("en")


def test_counts_honour_approximate_qualifiers() -> None:
    parts = ["8条", "19条", "12条", "11条", "12条", "18条", "188条", "8条", "8条", "13条",
             "11条", "4条"]  # fmt: skip
    assert not check(_sums("300余条", parts)).by_code("GD202")  # 312
    (f,) = check(_sums("8000余条", ["6500余条", "600余条", "2000余条"])).by_code("GD202")
    assert f.severity is Severity.WARNING
    assert str(f.sides[1].interval) == "(8000, 9000)"
    assert str(f.sides[0].interval) == "(9100, 10300)"
    (f,) = check(_sums("50条", ["20条", "31条"])).by_code("GD202")
    assert f.discrepancy == 1
    assert "分项之和为 51条" in f.message()


# --------------------------------------------------------------------------- cross-year


def test_cross_year_findings_name_both_years() -> None:
    report = _set(
        J21, "requests.carried_over.natural_person", J21.requests.carried_over.natural_person + 1
    )
    report = _set(
        report,
        "requests.carried_forward.natural_person",
        report.requests.carried_forward.natural_person + 1,
    )
    report = _set(report, "requests.carried_over.total", report.requests.carried_over.total + 1)
    report = _set(
        report, "requests.carried_forward.total", report.requests.carried_forward.total + 1
    )
    # the Jianghe prose states these figures too (GD401): this test is about GD301
    policy = Policy(ignore=["GD401"])
    assert check(report, policy=policy) == Findings()  # alone it is consistent
    (f,) = check_series([J20, report], policy=policy)
    assert (f.code, f.path, f.year, f.previous_year) == (
        "GD301",
        "$.requests.carried_over.natural_person",
        2021,
        2020,
    )
    assert "2021年" in f.message()
    assert "2020年" in f.message()
    assert "2021" in f.message("en")
    assert "2020" in f.message("en")


def test_previous_must_be_last_years_report_of_the_same_agency() -> None:
    with pytest.raises(ValueError, match=r"last year's report \(2020\).*of 2019"):
        check(J21, previous=with_year(J20, 2019))
    with pytest.raises(ValueError, match="last year's report"):
        check(J21, previous=J21)
    with pytest.raises(ValueError, match="last year's report"):
        validate(J21, previous=with_year(J20, 2022))
    other = attrs.evolve(J20, agency="江河市生态环境局")
    with pytest.raises(ValueError, match=r"江河市自然资源和规划局.*江河市生态环境局"):
        check(J21, previous=other)
    spaced = attrs.evolve(J20, agency=" 江河市\u3000自然资源和规划局 ")
    assert check(J21, previous=spaced) == Findings()  # white space is not a difference


def test_a_series_is_one_agency() -> None:
    with pytest.raises(ValueError, match="two reports of the year 2021"):
        check_series([J21, J21])
    other = attrs.evolve(J20, agency="江河市生态环境局")
    with pytest.raises(
        ValueError, match=r"'江河市自然资源和规划局' \(2021\).*'江河市生态环境局' \(2020\)"
    ):
        check_series([J21, other])
    spaced = attrs.evolve(J20, agency="江河市 自然资源和规划局")
    assert check_series([spaced, J21]) == Findings()
    # years need not be consecutive: a gap only means no cross-year comparison
    assert check_series([J21, with_year(J20, 2019)]) == Findings()


def test_documents_in_force_continuity_is_a_notice() -> None:
    policy = Policy(ignore=["GD401"])  # the Jianghe prose states the carried figures too
    later = align(with_year(J21, 2022), J21)
    assert check(later, previous=J21, policy=policy) == Findings()
    later = _set(later, "active.regulations.in_force", later.active.regulations.in_force + 3)
    (f,) = check(later, previous=J21, policy=policy)
    assert (f.code, f.severity, f.path) == (
        "GD302",
        Severity.NOTICE,
        "$.active.regulations.in_force",
    )
    assert f.discrepancy == 3


# --------------------------------------------------------------------------- prose


def _with_paragraph(report: Report, text: str) -> Report:
    s = report.sections[2]
    sections = list(report.sections)
    sections[2] = attrs.evolve(s, paragraphs=(*s.paragraphs, text))
    return attrs.evolve(report, sections=tuple(sections))


def test_prose_figures_are_compared_with_the_tables() -> None:
    new = J21.requests.new.total
    over = J21.requests.carried_over.total
    assert not check(
        _with_paragraph(J21, f"本年度共受理政府信息公开申请{new + over}件（含上年结转）。")
    )
    findings = check(_with_paragraph(J21, f"本年度共受理政府信息公开申请{new + 1}件。"))
    (f,) = findings
    assert (f.code, f.path) == ("GD401", "$.sections[2].paragraphs[1]")
    assert f.sides[0].value == new + 1
    assert f.sides[1].value == new
    assert "受理政府信息公开申请" in f.message()
    (f,) = check(_with_paragraph(J21, "本年度未收到政府信息公开申请。"))
    assert f.code == "GD401"
    assert f.sides[0].value == 0
    (f,) = check(
        _with_paragraph(J21, "本年度未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。")
    )
    assert f.code == "GD401"
    assert not check(_with_paragraph(J21, f"共收到政府信息公开申请约{new}件。"))


@pytest.mark.parametrize(
    "text",
    [
        "近三年共收到政府信息公开申请120件。",
        "自2019年以来累计受理政府信息公开申请150件。",
        "近三年来，我局共收到政府信息公开申请120件。",
        "三年来共受理政府信息公开申请120件。",
        "近几年收到政府信息公开申请120件。",
        "历年累计收到政府信息公开申请300件。",
        "多年来共收到政府信息公开申请120件。",
        "2019年至2021年共收到政府信息公开申请120件。",
        "本年度共收到申请46件，近三年累计收到政府信息公开申请120件。",
        "自2019年以来，共发生行政复议3件、行政诉讼2件。",
    ],
)
def test_figures_over_several_years_are_not_compared_with_the_year(text: str) -> None:
    assert J21.requests.new.total == 46
    assert check(_with_paragraph(J21, text)) == Findings()


@pytest.mark.parametrize(
    "text",
    [
        "本年度共收到政府信息公开申请120件。",
        "本年度累计受理政府信息公开申请120件。",  # 累计 within the year
        "今年以来，共收到政府信息公开申请120件。",
        "近三年累计收到申请300件。本年度共收到政府信息公开申请120件。",  # another sentence
        "共收到政府信息公开申请120件，为近三年最多。",  # the qualifier follows the figure
    ],
)
def test_figures_of_the_year_are_still_compared(text: str) -> None:
    (f,) = check(_with_paragraph(J21, text))
    assert (f.code, f.sides[0].value, f.sides[1].value) == ("GD401", 120, 46)


def test_unpaid_fee_withdrawals_need_a_fee_notice_in_section_six() -> None:
    t = J21.requests
    moved = attrs.evolve(
        t,
        other=attrs.evolve(
            t.other,
            unpaid_fee=attrs.evolve(
                t.other.unpaid_fee,
                natural_person=t.other.unpaid_fee.natural_person + 1,
                total=t.other.unpaid_fee.total + 1,
            ),
            no_correction=attrs.evolve(
                t.other.no_correction,
                natural_person=t.other.no_correction.natural_person - 1,
                total=t.other.no_correction.total - 1,
            ),
        ),
    )
    assert t.other.no_correction.natural_person >= 1
    report = attrs.evolve(J21, requests=moved)
    (f,) = check(report)
    assert (f.code, f.path) == ("GD402", "$.requests.other.unpaid_fee.total")
    six = report.sections[5]
    stated = attrs.evolve(
        six, paragraphs=(*six.paragraphs, "本年度共发出收费通知2件,申请人逾期均未缴纳。")
    )
    fixed = attrs.evolve(report, sections=(*report.sections[:5], stated))
    assert check(fixed) == Findings()
    zero = attrs.evolve(six, paragraphs=(*six.paragraphs, "发出收费通知0件。"))
    assert check(attrs.evolve(report, sections=(*report.sections[:5], zero))).codes == ("GD402",)


# --------------------------------------------------------------------------- dates and sections


def test_edition_period_and_deadline() -> None:
    assert _found(check(with_year(J20, 2021))) == [("GD501", "$.edition")]
    report = attrs.evolve(J21, period=Period(start=dt.date(2021, 1, 1), end=dt.date(2021, 12, 30)))
    assert _found(check(report)) == [("GD502", "$.period")]
    late = attrs.evolve(J21, signature=Signature(agency=J21.agency, date=dt.date(2022, 2, 1)))
    (f,) = check(late)
    assert (f.code, f.path, f.discrepancy) == ("GD503", "$.signature.date", 1)
    government = attrs.evolve(late, agency_kind=AgencyKind.CITY_GOVERNMENT)
    assert not check(government)  # a 县级以上地方人民政府's report: 3月31日
    assert not check(late, policy=Policy(department_deadline=(2, 1)))
    early = attrs.evolve(J21, signature=Signature(agency=J21.agency, date=dt.date(2022, 1, 29)))
    assert check(early, policy=Policy(department_deadline=(1, 28))).codes == ("GD503",)


def test_sections_missing_out_of_order_or_unknown() -> None:
    s = list(J21.sections)
    assert _found(check(attrs.evolve(J21, sections=(*s[:4], *s[5:])))) == [("GD601", "$.sections")]
    swapped = [*s[:2], s[3], s[2], *s[4:]]
    (f,) = check(attrs.evolve(J21, sections=tuple(swapped)))
    assert (f.code, f.path) == ("GD601", "$.sections[3]")
    renamed = [*s[:1], attrs.evolve(s[1], title="工作亮点"), *s[2:]]
    (f,) = check(attrs.evolve(J21, sections=tuple(renamed)))
    assert (f.code, f.path) == ("GD601", "$.sections[1].title")
    extra = [*s, Section(ordinal=7, title="附件")]
    assert check(attrs.evolve(J21, sections=tuple(extra))).codes == ("GD601",)
    variant = [
        *s[:3],
        attrs.evolve(s[3], title="四、因政府信息公开工作被申请行政复议、提起行政诉讼情况"),
    ]
    assert not check(attrs.evolve(J21, sections=(*variant, *s[4:])))
    bare = attrs.evolve(J21, sections=(), facts=(), relations=())
    assert _found(check(bare)) == [("GD601", "$.sections")]


# --------------------------------------------------------------------------- policy


def test_policy_selects_ignores_and_overrides_severities() -> None:
    report = _set(J21, "reviews.review.total", 99)
    report = attrs.evolve(
        report, period=Period(start=dt.date(2021, 1, 2), end=dt.date(2021, 12, 31))
    )
    assert check(report).codes[:1] == ("GD104",)
    assert check(report, policy=Policy(select=["GD502"])).codes == ("GD502",)
    assert "GD104" not in check(report, policy=Policy(ignore=["GD104"])).codes
    f = check(report, policy=Policy(severities={"GD104": "notice"})).by_code("GD104")[0]
    assert f.severity is Severity.NOTICE
    with pytest.raises(KeyError):
        Policy(ignore=["GD000"])
    with pytest.raises(ValueError, match="blank"):
        Policy(blank="none")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="no such date"):
        Policy(department_deadline=(2, 30))
    with pytest.raises(TypeError):
        Policy(department_deadline="1-31")  # type: ignore[arg-type]
    assert Policy(department_deadline=(2, 29)).deadline(2022) == dt.date(2023, 2, 28)
    assert pickle.loads(pickle.dumps(Policy(select=["GD101"]))) == Policy(select=["GD101"])


def test_findings_do_not_depend_on_the_ambient_decimal_context() -> None:
    import decimal

    report = _sums("1.02万元", ["0.33万元", "0.33万元", "0.33万元"])
    expected = check(report)
    with decimal.localcontext(prec=2, rounding=decimal.ROUND_DOWN):
        assert check(report) == expected
        assert check(X15) == check(X15)
