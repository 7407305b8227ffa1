"""tidy_rows and its writers; the pandas pivot (pandas is optional: skipped when absent)."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

import attrs
import pytest
from hypothesis import given, settings

from govdisclosure import examples
from govdisclosure import strategies as gst
from govdisclosure.analysis import COLUMNS, tidy_rows, write_csv, write_jsonl, write_parquet
from govdisclosure.io import to_rows

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
