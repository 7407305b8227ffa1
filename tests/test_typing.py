"""Typed access per edition: downstream code written against one edition type-checks under
``mypy --strict`` without casts (``tests/typing/downstream.py``)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

import govdisclosure as gd
from govdisclosure import Edition, StructureError

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.skipif(importlib.util.find_spec("mypy") is None, reason="needs the lint extra")
def test_downstream_code_type_checks_without_casts() -> None:
    source = ROOT / "tests" / "typing" / "downstream.py"
    assert "cast(" not in source.read_text(encoding="utf-8")
    assert "# type: ignore" not in source.read_text(encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(source)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_tables_of_an_edition_are_typed_tuples() -> None:
    r21 = gd.examples.load("jianghe-2021")
    t = r21.tables_2021()
    assert (t.active, t.requests, t.reviews) == (r21.active, r21.requests, r21.reviews)
    _, requests, _ = gd.examples.load("jianghe-2020").tables_2019()
    assert isinstance(requests, gd.Requests2019)
    with pytest.raises(StructureError, match=r"\$\.edition.*read its tables with tables_2021"):
        r21.tables_2019()
    legacy = gd.examples.load("xianning-2015")
    with pytest.raises(StructureError, match="it has no national tables"):
        legacy.tables_2021()
    assert Edition.LEGACY_2008 is legacy.edition


def test_downstream_code_runs(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "tests" / "typing"))
    try:
        import downstream  # type: ignore[import-not-found]
    finally:
        sys.path.pop(0)
    r21, r20 = gd.examples.load("jianghe-2021"), gd.examples.load("jianghe-2020")
    assert downstream.unpaid_fee_applications(r21) == 0
    assert str(downstream.fee_2021(r21)) == "20.30"
    assert downstream.fee_items_2019(r20) == r20.active.fees.previous_items  # type: ignore[union-attr]
    csv_file = ROOT / "tests" / "fixtures" / "county-2023-table3.csv"
    report = downstream.built(str(csv_file))
    assert gd.check(report).ok
