"""JSON, JSON Schema and tidy rows: exact round trips and located errors for bad input."""

import copy
import csv
import io
import json
from decimal import Decimal
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

import govdisclosure as gd
from govdisclosure import Edition, StructureError
from govdisclosure import strategies as gst

VALIDATOR = jsonschema.Draft202012Validator(gd.json_schema())
all_reports = gst.reports()


def _minimal() -> dict[str, Any]:
    report = gd.Report(
        agency="某局",
        year=2022,
        edition=Edition.STANDARD_2021,
        title="某局2022年政府信息公开工作年度报告",
        active=gd.ActiveDisclosure2021(fees=gd.Amount("20.30", gd.MoneyUnit.WAN_YUAN)),
        requests=gd.Requests2021.build(
            new=gd.ApplicantCounts.build(natural_person=2),
            granted=gd.ApplicantCounts.build(natural_person=2),
            blank=True,  # rows not given stay blank (builders fill zeros by default)
        ),
        reviews=gd.ReviewsAndLitigation(),
    )
    return gd.to_dict(report)


# --------------------------------------------------------------------------- round trips


@given(all_reports)
def test_json_round_trip_is_identity(report: gd.Report) -> None:
    text = gd.to_json(report)
    assert gd.from_json(text) == report
    assert gd.from_json(text.encode()) == report
    assert gd.to_json(gd.from_json(text)) == text  # the printed precision survives too


@given(all_reports)
def test_schema_accepts_every_serialised_report(report: gd.Report) -> None:
    VALIDATOR.validate(gd.to_dict(report))


@given(all_reports)
def test_rows_round_trip_is_identity(report: gd.Report) -> None:
    rows = gd.to_rows(report)
    assert gd.from_rows(rows, report=report) == report
    for row in rows:
        if row["source"] in ("cell", "extra_row"):
            assert row["source"] == ("extra_row" if ".extra_rows[" in row["path"] else "cell")
            assert set(row) == {"source", "path", "table", "row", "column", "value", "unit"}
            # one type per unit: ints for counts, Decimals for amounts
            expected = int if row["unit"] in ("件", "项") else Decimal
            assert row["value"] is None or type(row["value"]) is expected
        else:
            assert row["source"] == "fact"
            assert not report.edition.has_tables
            assert set(row) == {
                "source",
                "path",
                "key",
                "label",
                "value",
                "unit",
                "qualifier",
                "location",
            }
            assert type(row["value"]) is Decimal


@given(gst.reports(editions=[Edition.STANDARD_2021, Edition.TRIAL_2019]))
def test_rows_survive_a_csv_file(report: gd.Report) -> None:
    buffer = io.StringIO()
    writer = csv.DictWriter(
        buffer, fieldnames=["source", "path", "table", "row", "column", "value", "unit"]
    )
    writer.writeheader()
    writer.writerows(gd.to_rows(report))
    back = list(csv.DictReader(io.StringIO(buffer.getvalue())))
    assert gd.from_rows(back, report=report) == report


def test_decimal_precision_is_kept_in_json() -> None:
    data = _minimal()
    assert data["active"]["fees"] == {"value": "20.30", "unit": "万元"}
    assert gd.from_dict(data).active.fees.value.as_tuple().exponent == -2  # type: ignore[union-attr]


def test_rows_use_official_labels() -> None:
    report = gd.from_dict(_minimal())
    rows = {(r["table"], r["row"], r["column"]): r for r in gd.to_rows(report)}
    cell = rows[
        "三", "三、本年度办理结果 / (三)不予公开 / 1.属于国家秘密", "法人或其他组织 / 商业企业"
    ]
    assert cell["value"] is None
    assert cell["unit"] == "件"
    fee = rows["二", "第二十条第(八)项 / 行政事业性收费", "本年收费金额(单位:万元)"]
    assert fee["value"] == Decimal("20.30")
    assert str(fee["value"]) == "20.30"  # the printed precision
    assert fee["path"] == "$.active.fees"
    assert rows["四", "行政诉讼 / 复议后起诉", "总计"]["value"] is None
    assert rows["三", "一、本年新收政府信息公开申请数量", "自然人"]["value"] == 2
    assert len(rows) == 200


def test_rows_accept_printed_variants_of_labels() -> None:
    report = gd.from_dict(_minimal())
    rows = [
        {
            "table": "三",
            "row": "一、本年新收政府信息公开申请数量",
            "column": "法人或其他组织/商业 企业",
            "value": "7",
            "unit": "件",
        },
        {
            "table": "二",
            "row": "第二十条（一）项 / 规范性文件",
            "column": "本年制发件数",
            "value": 3,
        },
    ]
    tables = gd.tables_from_rows(rows, Edition.STANDARD_2021)
    assert tables["requests"].new.commercial == 7
    assert tables["active"].normative_documents.issued == 3
    assert gd.from_rows(rows, report=report).reviews is None


def test_rows_keep_provincial_extra_rows() -> None:
    rows = [
        {"table": "二", "row": "第二十条第(一)项 / 其他主动公开文件", "column": c, "value": v}
        for c, v in (("本年制发件数", 4), ("现行有效件数", 9))
    ]
    active = gd.tables_from_rows(rows, Edition.STANDARD_2021)["active"]
    (extra,) = active.extra_rows
    assert (extra.block, extra.label, extra.values) == (
        "第二十条第(一)项",
        "其他主动公开文件",
        (4, None, 9),
    )
    report = gd.from_dict(_minimal())
    with_extra = gd.from_rows(gd.to_rows(report) + rows, report=report)
    assert gd.from_rows(gd.to_rows(with_extra), report=report) == with_extra


# --------------------------------------------------------------------------- bad input


def _problems(data: Any) -> list[tuple[str, str]]:
    with pytest.raises(StructureError) as info:
        gd.from_dict(data)
    assert isinstance(info.value, gd.GovDisclosureError)
    assert isinstance(info.value, ValueError)
    return [(p.path, p.message) for p in info.value.problems]


def test_wrong_type() -> None:
    data = _minimal()
    data["year"] = "2022"
    data["requests"]["new"]["commercial"] = 1.9
    assert _problems(data) == [
        ("$.year", "expected an integer or null, found '2022' (a str)"),
        ("$.requests.new.commercial", "expected an integer or null, found 1.9 (a float)"),
    ]


def test_unknown_keys_top_level_and_nested() -> None:
    data = _minimal()
    data["colour"] = "red"
    data["reviews"]["review"]["appealed"] = 1
    data["active"]["regulations"]["repeald"] = 1
    problems = _problems(data)
    assert [p for p, _ in problems] == [
        "$.active.regulations.repeald",
        "$.reviews.review.appealed",
        "$.colour",
    ]
    assert problems[0][1] == "unknown key"
    assert problems[1][1] == "unknown key"
    assert problems[2][1].startswith("unknown key (expected one of: agency, year, edition, title,")
    assert problems[2][1].endswith("facts, relations)")


def test_missing_field() -> None:
    data = _minimal()
    del data["agency"]
    assert _problems(data) == [("$.agency", "required field missing")]
    data = _minimal()
    data["signature"] = {"date": "2023-01-20"}
    assert _problems(data) == [("$.signature.agency", "required field missing")]


def test_float_where_an_amount_belongs() -> None:
    data = _minimal()
    data["active"]["fees"] = {"value": 20.3, "unit": "万元"}
    ((path, message),) = _problems(data)
    assert path == "$.active.fees"
    assert "found 20.3 (a float, which would lose the printed precision)" in message
    data["active"]["fees"] = 20.3
    assert "expected an amount" in _problems(data)[0][1]
    data["active"]["fees"] = {"value": "2.03E+1", "unit": "万元"}
    assert "plain notation" in _problems(data)[0][1]


def test_negative_count_names_the_cell_label() -> None:
    data = _minimal()
    data["requests"]["withheld"]["state_secret"]["natural_person"] = -3
    with pytest.raises(StructureError) as info:
        gd.from_dict(data)
    (problem,) = info.value.problems
    assert problem.path == "$.requests.withheld.state_secret.natural_person"
    assert problem.message == "expected a whole number >= 0, found -3"
    assert problem.label == "表三 三、本年度办理结果 / (三)不予公开 / 1.属于国家秘密 | 自然人"
    assert "(表三 三、本年度办理结果" in str(info.value)


def test_wrong_edition_and_tables() -> None:
    data = _minimal()
    data["edition"] = "standard-2022"
    assert (
        "$.edition",
        "expected one of 'legacy-2008', 'trial-2019', 'standard-2021', "
        "found 'standard-2022' (a str)",
    ) in _problems(data)
    data = _minimal()
    data["edition"] = "legacy-2008"
    assert [p for p, _ in _problems(data)] == ["$.active", "$.requests", "$.reviews"]


def test_not_json_and_not_an_object() -> None:
    with pytest.raises(StructureError, match=r"\$: expected JSON text"):
        gd.from_json("{")
    assert _problems([1, 2]) == [("$", "expected a report object, found [1, 2] (a list)")]


def test_bad_dates_and_units() -> None:
    data = _minimal()
    data["period"] = {"start": "2022-02-30", "end": "2022/12/31"}
    data["active"]["fees"] = {"value": "1", "unit": "美元"}
    paths = dict(_problems(data))
    assert "valid calendar date" in paths["$.period.start"]
    assert "YYYY-MM-DD" in paths["$.period.end"]
    assert paths["$.active.fees"] == 'expected one of "元", "万元", "亿元", found \'美元\' (a str)'


def test_unknown_label_in_rows() -> None:
    rows = [
        {"table": "三", "row": "一、本年新收政府信息公开申请数量", "column": "自然人", "value": 1},
        {"table": "三", "row": "一、本年新收申请", "column": "自然人", "value": 1},
        {"table": "五", "row": "x", "column": "y", "value": 1},
        {
            "table": "三",
            "row": "一、本年新收政府信息公开申请数量",
            "column": "商业企业",
            "value": "1.5",
        },
        {"table": "三", "row": "一、本年新收政府信息公开申请数量", "column": "自然人", "value": 2},
        {"table": "三", "row": "x"},
    ]
    with pytest.raises(StructureError) as info:
        gd.tables_from_rows(rows, Edition.STANDARD_2021)
    problems = info.value.problems
    assert [p.path for p in problems] == ["$[1]", "$[2]", "$[3]", "$[4]", "$[5]"]
    assert (
        "unknown cell in standard-2021: table '三', row '一、本年新收申请'" in problems[0].message
    )
    assert "expected a whole number, found '1.5'" in problems[2].message
    assert "duplicate cell" in problems[3].message
    assert "missing key(s): column, value" in problems[4].message


_json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-5, 5)
    | st.floats(allow_nan=False)
    | st.text(max_size=3),
    lambda inner: (
        st.lists(inner, max_size=2) | st.dictionaries(st.text(max_size=3), inner, max_size=2)
    ),
    max_leaves=4,
)


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(data, dict):
        for k, v in data.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            out += _paths(v, (*prefix, i))
    return out


@given(all_reports, st.data())
def test_any_corruption_gives_a_report_or_a_structure_error(
    report: gd.Report, data: st.DataObject
) -> None:
    tree = gd.to_dict(report)
    corrupted = copy.deepcopy(tree)
    path = data.draw(st.sampled_from(_paths(tree)[1:]))
    node = corrupted
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = data.draw(_json_values)
    try:
        result = gd.from_dict(corrupted)
    except StructureError as exc:
        problems = exc.problems
        assert problems
        assert all(p.path.startswith("$") for p in problems)
    else:
        assert isinstance(result, gd.Report)
        assert _contained(json.loads(json.dumps(corrupted)), gd.to_dict(result))  # nothing dropped
        VALIDATOR.validate(gd.to_dict(result))  # and nothing of the wrong type let in


def _contained(part: Any, whole: Any) -> bool:
    """Every value of ``part`` is in ``whole`` at the same place (defaults may fill the rest)."""
    if isinstance(part, dict):
        return isinstance(whole, dict) and all(
            k in whole and _contained(v, whole[k]) for k, v in part.items()
        )
    if isinstance(part, list):
        return (
            isinstance(whole, list)
            and len(part) == len(whole)
            and all(_contained(a, b) for a, b in zip(part, whole, strict=True))
        )
    return type(part) is type(whole) and part == whole


# --------------------------------------------------------------------------- schema


def test_schema_rejects_malformed_reports() -> None:
    good = _minimal()
    VALIDATOR.validate(good)
    for mutate in (
        lambda d: d["requests"]["new"].__setitem__("natural_person", -1),
        lambda d: d["active"].__setitem__("fees", {"value": 20.3, "unit": "万元"}),
        lambda d: d.__setitem__("colour", "red"),
        lambda d: d.__setitem__("year", "2022"),
        lambda d: d.pop("title"),
        lambda d: d["requests"].__setitem__("other", d["requests"]["new"]),  # 2019 shape in 2021
        lambda d: d.__setitem__("edition", "legacy-2008"),
    ):
        bad = copy.deepcopy(good)
        mutate(bad)
        assert not VALIDATOR.is_valid(bad)
        with pytest.raises(StructureError):
            gd.from_dict(bad)


def test_schema_documents_labels() -> None:
    schema = gd.json_schema()
    props = schema["$defs"]["ApplicantCounts"]["properties"]
    assert props["commercial"]["description"] == "法人或其他组织 / 商业企业"
    fees = schema["$defs"]["ActiveDisclosure2021"]["properties"]["fees"]
    assert fees["description"] == "第二十条第(八)项 / 行政事业性收费 / 本年收费金额(单位:万元)"
    pattern = schema["$defs"]["Amount"]["properties"]["value"]["pattern"]
    assert jsonschema.Draft202012Validator({"pattern": pattern}).is_valid("20.30")
    assert not jsonschema.Draft202012Validator({"pattern": pattern}).is_valid("2.03E+1")


@pytest.mark.parametrize("field", ["agency", "title", "edition", "preamble", "sections"])
def test_null_is_refused_where_a_value_is_required(field: str) -> None:
    data = _minimal()
    data[field] = None
    ((path, message),) = _problems(data)
    assert path == f"$.{field}"
    assert "found null" in message


def test_a_year_the_source_does_not_state_is_null() -> None:
    data = _minimal()
    data["year"] = None
    report = gd.from_dict(data)
    assert report.year is None
    assert gd.to_dict(report)["year"] is None
    jsonschema.validate(gd.to_dict(report), gd.json_schema())


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (b'{"agency": "\xff"}', "undecodable bytes"),
        (b"\xff\xfe{", "undecodable bytes"),
        ("[" * 100_000, "nesting too deep"),
        ("1" * 5000, "integer string conversion"),
        (5, "expected JSON text (str or bytes), found 5 (an int)"),
        (None, "found null"),
    ],
)
def test_unreadable_json_is_a_structure_error(text: Any, message: str) -> None:
    with pytest.raises(StructureError) as info:
        gd.from_json(text)
    ((problem),) = info.value.problems
    assert problem.path == "$"
    assert message in problem.message


def test_rows_must_be_a_list_of_mappings() -> None:
    with pytest.raises(StructureError, match=r"\$: expected a list of rows, found null"):
        gd.tables_from_rows(None, Edition.STANDARD_2021)  # type: ignore[arg-type]
    with pytest.raises(StructureError) as info:
        gd.tables_from_rows([None, "x"], Edition.STANDARD_2021)  # type: ignore[list-item]
    assert info.value.paths == ("$[0]", "$[1]")


def test_rows_check_signs_and_units_at_the_row() -> None:
    new = "一、本年新收政府信息公开申请数量"
    rows = [
        {"table": "三", "row": new, "column": "自然人", "value": "-5"},
        {"table": "三", "row": new, "column": "科研机构", "value": 2, "unit": "万元"},
        {
            "table": "二",
            "row": "第二十条第(八)项 / 行政事业性收费",
            "column": "本年收费金额(单位:万元)",
            "value": "-1.5",
        },
    ]
    with pytest.raises(StructureError) as info:
        gd.tables_from_rows(rows, Edition.STANDARD_2021)
    problems = info.value.problems
    assert [p.path for p in problems] == ["$[0]", "$[1]", "$[2]"]
    assert problems[0].message == "expected a whole number >= 0, found -5"
    assert problems[1].message == "expected unit \"件\" for a count, found '万元'"
    assert "expected an amount >= 0" in problems[2].message


def test_extra_rows_keep_signed_values_and_their_label() -> None:
    rows = [
        {"table": "二", "row": "第二十条第(五)项 / 其他 事项（试点）", "column": c, "value": v}
        for c, v in (("上一年项目数量", "3"), ("本年增/减", "-2"), ("处理决定数量", 4))
    ]
    active = gd.tables_from_rows(rows, Edition.TRIAL_2019)["active"]
    (extra,) = active.extra_rows
    assert extra.label == "其他 事项（试点）"  # verbatim
    assert extra.values == (3, -2, 4)


def test_extra_rows_may_not_take_an_official_label() -> None:
    # in rows, an official label (or its alias) is the official cell, not an extra row
    rows = [
        {
            "table": "二",
            "row": "第二十条第(一)项 / 规范性文件",
            "column": "本年制发件数",
            "value": 1,
        }
    ]
    active = gd.tables_from_rows(rows, Edition.STANDARD_2021)["active"]
    assert active.normative_documents.issued == 1
    assert active.extra_rows == ()
    bad = gd.ExtraRow(block="第二十条第(一)项", label="规章", values=(1, 0, 1))
    with pytest.raises(StructureError, match=r"an official row of 第二十条第\(一\)项"):
        gd.ActiveDisclosure2021(extra_rows=(bad,))


def test_extra_rows_are_kept_in_block_order() -> None:
    five = gd.ExtraRow(block="第二十条第(五)项", label="其他许可", values=(1,))
    one = gd.ExtraRow(block="第二十条第(一)项", label="其他文件", values=(1, 2, 3))
    assert gd.ActiveDisclosure2021(extra_rows=(five, one)).extra_rows == (one, five)


# --------------------------------------------------------------------------- issue 8: the boundary


def _mutated(path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    data = gd.to_dict(gd.examples.load("jianghe-2021"))
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return data


@pytest.mark.parametrize(
    ("path", "value", "where", "message"),
    [
        (
            ("requests", "new", "natural_person"),
            10**4301,
            "$.requests.new.natural_person",
            "at most",
        ),
        (
            ("requests", "new", "natural_person"),
            -(10**5000),
            "$.requests.new.natural_person",
            ">= 0",
        ),
        (("year",), 10**5000, "$.year", "expected a year from 1990 to 2200"),
        (("active", "fees", "value"), "1" * 201, "$.active.fees", "30 significant digits"),
        (("active", "fees", "value"), "0." + "0" * 200 + "1", "$.active.fees", "10 decimal places"),
        (("facts", 0, "quantity", "value"), "1" * 40, "$.facts[0].quantity.value", "significant"),
        (("facts", 0, "location", "start"), 10**5000, "$.facts[0].location.start", "from 0 to"),
        (("sections", 0, "ordinal"), 0, "$.sections[0].ordinal", "from 1 to 999"),
        (("sections", 0, "ordinal"), -1, "$.sections[0].ordinal", "from 1 to 999"),
        (("sections", 0, "ordinal"), 1000, "$.sections[0].ordinal", "from 1 to 999"),
        (("sections", 0, "ordinal"), 1.5, "$.sections[0].ordinal", "from 1 to 999"),
        (("title",), "标题\ud800", "$.title", "lone surrogate"),
        (("sections", 0, "paragraphs", 0), "\udfff", "$.sections[0].paragraphs[0]", "surrogate"),
        (("metadata",), [], "$.metadata", "expected an object, found [] (a list)"),
    ],
    ids=lambda v: "case" if isinstance(v, int) and abs(v) > 10**9 else None,
)
def test_one_bound_where_data_enters(path: Any, value: Any, where: str, message: str) -> None:
    problems = _problems(_mutated(path, value))
    assert any(p == where and message in m for p, m in problems), problems
    assert all(len(m) < 500 for _, m in problems)


def test_no_recursion_error_from_deep_input() -> None:
    with pytest.raises(StructureError):  # at $.edition, or at $ on a deeper stack
        gd.from_json('{"edition": ' + "[" * 991 + "]" * 991 + "}")
    deep: Any = []
    for _ in range(10_000):
        deep = [deep]
    assert _problems(deep) == [("$", "expected a report object, found [[[...]]] (a list)")]
    assert _problems(_mutated(("preamble",), deep))[0][0] == "$.preamble[0]"
    section: dict[str, Any] = {"ordinal": 1, "title": "t"}
    for _ in range(5_000):
        section = {"ordinal": 1, "title": "t", "subsections": [section]}
    assert "nested at most 10 deep" in _problems(_mutated(("sections",), [section]))[0][1]
    rows = [{"table": "三", "row": deep, "column": "自然人", "value": deep}]
    with pytest.raises(StructureError, match="expected labels and path as strings"):
        gd.tables_from_rows(rows, Edition.STANDARD_2021)


def test_a_lone_surrogate_never_reaches_the_output() -> None:
    text = json.dumps(_mutated(("agency",), "局\ud800"))  # as the \ud800 escape
    with pytest.raises(StructureError, match="lone surrogate"):
        gd.from_json(text)
    with pytest.raises(StructureError) as info:
        gd.from_dict(_mutated(("\ud800",), 1))
    str(info.value).encode("utf-8")  # the unknown key's path is escaped
    assert info.value.paths == ('$["\\ud800"]',)


def test_every_problem_is_listed() -> None:
    data = _mutated(("colour",), "red")
    data["year"] = 1900
    data["sections"][0]["ordinal"] = -1
    paths = [p for p, _ in _problems(data)]
    assert paths == ["$.year", "$.sections[0].ordinal", "$.colour"]


def test_json_syntax_errors_give_line_and_column_and_are_short() -> None:
    text = gd.to_json(gd.examples.load("jianghe-2021"), indent=1)
    broken = text[:-3] + "x}"
    with pytest.raises(StructureError) as info:
        gd.from_json(broken)
    (problem,) = info.value.problems
    assert f"line {text[:-3].count(chr(10)) + 1}, column" in problem.message
    assert f"the input is {len(broken):,} characters long" in problem.message
    assert len(problem.message) < 300
    with pytest.raises(StructureError) as info:
        gd.from_json(json.dumps("x" * 10_000))
    assert "(a str of 10,000 characters)" in info.value.problems[0].message
    assert len(info.value.problems[0].message) < 200


def test_rows_refuse_what_does_not_fit_with_a_located_error() -> None:
    new = "一、本年新收政府信息公开申请数量"
    fee = ("第二十条第(八)项 / 行政事业性收费", "本年收费金额(单位:万元)")
    rows = [
        {"table": "三", "row": new, "column": "自然人", "value": "1" * 4301},
        {"table": "二", "row": fee[0], "column": fee[1], "value": "1" * 201},
        {"table": "二", "row": fee[0], "column": fee[1], "value": "0." + "0" * 200 + "1"},
        {"table": "三", "row": new, "column": "商业企业", "value": 10**4301},
    ]
    with pytest.raises(StructureError) as info:
        gd.tables_from_rows(rows, Edition.STANDARD_2021)
    assert info.value.paths == ("$[0]", "$[1]", "$[2]", "$[3]")
    assert "at most" in info.value.problems[0].message


def test_rows_round_trip_two_extra_rows_of_one_label_and_odd_labels() -> None:
    rows_of = (
        gd.ExtraRow(block="第二十条第(一)项", label="其他", values=(1, 2, 3)),
        gd.ExtraRow(block="第二十条第(一)项", label="其他", values=(4, 5, 6)),
        gd.ExtraRow(block="第二十条第(一)项", label='"甲"', values=(7, None, 9)),
        gd.ExtraRow(block="第二十条第(一)项", label=" a / b ", values=(0, 0, 0)),
    )
    report = gd.from_dict(_minimal())
    report = attrs.evolve(report, active=gd.ActiveDisclosure2021(extra_rows=rows_of))
    rows = gd.to_rows(report)
    assert gd.from_rows(rows, report=report) == report
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    back = list(csv.DictReader(io.StringIO(buffer.getvalue())))
    assert gd.from_rows(back, report=report) == report


def test_rows_path_and_labels_must_agree() -> None:
    rows = [
        {
            "path": "$.requests.new.natural_person",
            "table": "三",
            "row": "一、本年新收政府信息公开申请数量",
            "column": "商业企业",
            "value": 1,
        }
    ]
    with pytest.raises(StructureError, match="name different cells"):
        gd.tables_from_rows(rows, Edition.STANDARD_2021)


def test_from_rows_without_a_report() -> None:
    report = gd.examples.load("jianghe-2020")
    alone = gd.from_rows(gd.to_rows(report, with_report=True))
    assert (alone.agency, alone.year, alone.edition) == (report.agency, 2020, report.edition)
    assert alone.title == f"{report.agency}2020年政府信息公开工作年度报告"
    assert (alone.active, alone.requests, alone.reviews) == (
        report.active,
        report.requests,
        report.reviews,
    )
    assert alone.sections == ()
    assert alone.facts == ()
    two = gd.to_rows(report, with_report=True) + gd.to_rows(
        gd.examples.load("jianghe-2021"), with_report=True
    )
    with pytest.raises(StructureError, match="the rows of one report"):
        gd.from_rows(two)
    with pytest.raises(StructureError, match="agency"):
        gd.from_rows(gd.to_rows(report))


def test_legacy_rows_are_its_facts() -> None:
    legacy = gd.examples.load("xianning-2015")
    rows = gd.to_rows(legacy, with_report=True)
    assert len(rows) == len(legacy.facts) > 0
    first = rows[0]
    fact = legacy.facts[0]
    assert first["source"] == "fact"
    assert first["path"] == "$.facts[0]"
    assert (first["key"], first["label"], first["value"], first["unit"]) == (
        fact.key,
        fact.label,
        fact.quantity.value,
        fact.quantity.unit,
    )
    assert first["location"].startswith("§")
    assert gd.from_rows(rows, report=legacy) == legacy  # fact rows are skipped
    assert gd.from_rows(rows).facts == ()
    assert not any(r["source"] == "fact" for r in gd.to_rows(gd.examples.load("jianghe-2021")))
    assert any(
        r["source"] == "fact" for r in gd.to_rows(gd.examples.load("jianghe-2021"), facts=True)
    )


def test_schema_refuses_what_the_loader_refuses() -> None:
    strict = jsonschema.validators.extend(
        jsonschema.Draft202012Validator,
        type_checker=jsonschema.Draft202012Validator.TYPE_CHECKER.redefine(
            "integer", lambda _, x: isinstance(x, int) and not isinstance(x, bool)
        ),
    )(gd.json_schema())
    for path, value in [
        (("requests", "new", "natural_person"), 34.0),
        (("year",), 2021.0),
        (("sections", 0, "ordinal"), 1.0),
        (("sections", 0, "ordinal"), 0),
        (("sections", 0, "ordinal"), 1000),
        (("requests", "new", "natural_person"), 10**15 + 1),
        (("active", "fees", "value"), "1" * 31),
        (("active", "fees", "value"), "0.00000000001"),
        (("active", "fees", "value"), "-1.00"),
        (("active", "fees", "unit"), "元"),
        (("facts", 0, "quantity", "unit"), "kg"),
        (("facts", 0, "quantity", "value"), "1000000000000000.5"),
        (("facts", 0, "location", "section"), [1] * 11),
    ]:
        data = _mutated(path, value)
        assert not strict.is_valid(data), (path, value)
        with pytest.raises(StructureError):
            gd.from_dict(data)
    # JSON Schema's own "integer" is any number with a zero fraction: 34.0 passes a validator
    # that follows the specification to the letter; the loader, reading JSON text, refuses it
    assert VALIDATOR.is_valid(_mutated(("requests", "new", "natural_person"), 34.0))


@pytest.mark.parametrize(
    ("path", "value", "where"),
    [
        (("facts", 0, "location", "section"), [True, 1], "$.facts[0].location.section[0]"),
        (("facts", 0, "location", "section"), [1.0, 1], "$.facts[0].location.section[0]"),
        (("facts", 1, "quantity", "value"), 412, "$.facts[1].quantity"),
        (("facts", 0, "quantity", "unit"), ["条"], "$.facts[0].quantity.unit"),
        (("facts", 0, "key"), 7, "$.facts[0].key"),
        (("relations", 0, "add", 0), True, "$.relations[0].add[0]"),
        (("sections", 0, "title"), 1, "$.sections[0].title"),
    ],
)
def test_shared_values_never_stand_in_for_a_bad_one(
    path: tuple[Any, ...], value: Any, where: str
) -> None:
    """The reader shares values that recur (units, keys, titles, section paths, short
    Decimals); an equal value of another type (``True == 1``, ``1.0 == 1``) is refused all
    the same, after the good one was read and shared."""
    data = gd.to_dict(gd.examples.load("jianghe-2021"))
    gd.from_dict(copy.deepcopy(data))  # the good values are in the tables now
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    for read in (gd.from_dict, lambda d: gd.from_json(json.dumps(d))):
        with pytest.raises(StructureError) as caught:
            read(copy.deepcopy(data))
        assert [p.path for p in caught.value.problems] == [where]
