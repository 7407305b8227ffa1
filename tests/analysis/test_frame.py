"""tidy_rows and its writers; the pandas pivot (pandas is optional: skipped when absent)."""

from __future__ import annotations

import csv
import io
import json
import sys
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given, settings

import govdisclosure as gd
from govdisclosure import examples
from govdisclosure import strategies as gst
from govdisclosure.analysis import (
    COLUMNS,
    FRAME_COLUMNS,
    MissingExtraError,
    rows_arrow,
    rows_frame,
    tidy_rows,
    write_csv,
    write_jsonl,
    write_parquet,
)
from govdisclosure.io import from_rows, to_rows

A = examples.load("jianghe-2021")
B = examples.load("jianghe-2020")
L = examples.load("xianning-2015")


@settings(max_examples=30)
@given(gst.reports())
def test_one_row_per_cell_and_fact(report) -> None:  # type: ignore[no-untyped-def]
    rows = tidy_rows([report], facts=True)
    cells = [r for r in rows if r["source"] != "fact"]
    assert len(cells) == len(to_rows(report, facts=False))
    assert [r for r in rows if r["source"] == "fact"] == [
        r for r in rows if r["path"].startswith("$.facts[")
    ]
    assert len(rows) - len(cells) == len(report.facts)
    for row in rows:
        assert list(row) == list(COLUMNS)
        assert not isinstance(row["value"], float)


def test_csv_with_and_without_bom() -> None:
    rows = tidy_rows([A, L], facts=True)
    out = io.StringIO(newline="")
    n = write_csv(rows, out, bom=True)
    text = out.getvalue()
    assert text.startswith("\ufeffagency,year,")
    assert n == len(rows)
    back = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    fees = next(r for r in back if r["path"] == "$.active.fees")
    assert (fees["value"], fees["unit"]) == ("20.30", "万元")
    plain = io.StringIO(newline="")
    write_csv(rows, plain)
    assert plain.getvalue().startswith("agency,")


def test_jsonl() -> None:
    out = io.StringIO()
    n = write_jsonl(tidy_rows([A]), out)
    lines = out.getvalue().splitlines()
    assert len(lines) == n
    fees = next(json.loads(x) for x in lines if '"$.active.fees"' in x)
    assert fees["value"] == "20.30"


def test_parquet_keeps_values_exact(tmp_path) -> None:  # type: ignore[no-untyped-def]
    pq = pytest.importorskip("pyarrow.parquet")
    path = str(tmp_path / "rows.parquet")
    rows = tidy_rows([A, B, L], facts=True)
    assert write_parquet(rows, path) == len(rows)
    table = pq.read_table(path).to_pylist()
    assert len(table) == len(rows)
    fees = next(r for r in table if r["path"] == "$.active.fees")
    assert fees["value"] == Decimal("20.30")


def test_pandas_pivot() -> None:
    pd = pytest.importorskip("pandas")
    other = attrs.evolve(A, agency="江河市教育局")
    frame = pd.DataFrame(tidy_rows([A, other, B]))
    new = frame[frame["path"] == "$.requests.new.total"]
    pivot = new.pivot_table(index="agency", columns="year", values="value", aggfunc="sum")
    assert A.requests is not None
    assert B.requests is not None
    assert pivot.loc["江河市自然资源和规划局", 2021] == A.requests.new.total
    assert pivot.loc["江河市自然资源和规划局", 2020] == B.requests.new.total
    assert pivot.loc["江河市教育局", 2021] == A.requests.new.total


# --------------------------------------------------------------------------- the DataFrame


def _with_blank(report: gd.Report, path: str) -> gd.Report:
    rows = [r | {"value": None} if r["path"] == path else r for r in to_rows(report)]
    return from_rows(rows, report=report)


def _frame_modules() -> Any:
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    return pd


def test_frame_dtypes() -> None:
    pd = _frame_modules()
    frame = rows_frame([A, B, L])
    assert tuple(frame.columns) == FRAME_COLUMNS
    assert str(frame["count"].dtype) == "Int64"
    assert str(frame["year"].dtype) == "Int64"
    assert isinstance(frame["amount"].dtype, pd.ArrowDtype)
    assert str(frame["amount"].dtype.pyarrow_dtype).startswith("decimal128(38, ")
    for name in ("table", "row", "column", "edition"):
        assert frame[name].dtype == "category"
        assert frame[name].cat.ordered
    assert list(frame["table"].cat.categories) == ["二", "三", "四"]
    first = gd.layout_of(gd.Edition.STANDARD_2021).tables[0].cells[0]
    assert frame["row"].cat.categories[0] == first.row
    # no float anywhere a figure lives; amounts exact, in their own column with the unit
    fees = frame[(frame["path"] == "$.active.fees") & (frame["year"] == 2021)]
    assert fees["amount"].iloc[0] == Decimal("20.30")
    assert fees["unit"].iloc[0] == "万元"
    assert fees["count"].isna().all()
    total = frame[(frame["path"] == "$.requests.new.total") & (frame["year"] == 2021)]
    assert A.requests is not None
    assert total["count"].iloc[0] == A.requests.new.total
    assert total["amount"].isna().all()
    facts = frame[frame["source"] == "fact"]
    assert len(facts) == len(L.facts)
    assert facts["amount"].notna().all()


def test_a_sum_over_a_blank_is_na() -> None:
    pd = _frame_modules()
    path = "$.requests.new.natural_person"
    blank = _with_blank(A, path)
    other = _with_blank(attrs.evolve(A, agency="江河市教育局"), path)
    frame = rows_frame([blank, other, B])
    cell = frame[frame["path"] == path]
    by_agency_year = cell.groupby(["agency", "year"], observed=True)["count"].sum(min_count=1)
    assert by_agency_year.loc[("江河市教育局", 2021)] is pd.NA
    assert by_agency_year.loc[("江河市自然资源和规划局", 2021)] is pd.NA
    assert B.requests is not None
    assert by_agency_year.loc[("江河市自然资源和规划局", 2020)] == B.requests.new.natural_person
    by_year = cell.groupby("year")["count"].sum(min_count=1)
    assert by_year.loc[2021] is pd.NA  # both blank: unknown, never 0
    new = frame[frame["path"].str.startswith("$.requests.new.") & (frame["year"] == 2021)]
    sums = new.groupby("agency")["count"].sum(skipna=False)
    assert sums.isna().all()  # one blank makes the sum unknown
    pivot = new.pivot_table(
        index="agency",
        columns="column",
        values="count",
        aggfunc=lambda s: s.sum(min_count=1),
        observed=True,
        dropna=False,  # else pivot_table drops the column of blanks
    )
    natural_person = next(c for c in pivot.columns if "自然人" in c)
    assert pivot[natural_person].isna().all()


def test_the_official_order_survives_a_pivot() -> None:
    _frame_modules()
    frame = rows_frame([A, attrs.evolve(A, agency="江河市教育局")])
    new = frame[frame["path"].str.startswith("$.requests.new.")]
    pivot = new.pivot_table(
        index="agency", columns="column", values="count", aggfunc="sum", observed=True
    )
    official = [
        c.column
        for c in gd.layout_of(gd.Edition.STANDARD_2021).table("三").cells
        if c.json_path.startswith("$.requests.new.")
    ]
    assert list(pivot.columns) == official


def test_arrow_table() -> None:
    pa = pytest.importorskip("pyarrow")
    table = rows_arrow([A, L])
    assert table.column_names == list(FRAME_COLUMNS)
    assert table.schema.field("count").type == pa.int64()
    assert pa.types.is_decimal(table.schema.field("amount").type)
    assert pa.types.is_dictionary(table.schema.field("row").type)
    fees = next(r for r in table.to_pylist() if r["path"] == "$.active.fees")
    assert fees["amount"] == Decimal("20.30")


def test_without_the_extra_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingExtraError, match=r"govdisclosure\[pandas\]"):
        rows_frame([A])


def test_one_vocabulary_with_to_rows() -> None:
    rows = tidy_rows([A, L])
    assert {r["source"] for r in rows} <= {"cell", "extra_row", "fact"}
    assert {r["source"] for r in to_rows(A)} | {r["source"] for r in to_rows(L)} == {
        "cell",
        "fact",
    }
    assert "kind" not in COLUMNS
    assert rows[0]["agency_kind"] == A.kind().value
    # the same default for facts: those of reports without national tables
    assert len(tidy_rows([A])) == len(to_rows(A))
    assert len(tidy_rows([L])) == len(to_rows(L))
