"""The command line: demo, example, schema, rows; exit statuses and error output."""

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import govdisclosure as gd
from govdisclosure.cli import main


def _run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    status = main(list(argv), out=out)
    return status, out.getvalue()


def test_demo_shows_the_example() -> None:
    status, text = _run("demo")
    assert status == 0
    assert "咸宁市民政局2015年政府信息公开工作年度报告" in text
    assert "legacy-2008" in text
    assert "36581.5万元 = 365815000元" in text
    assert "JSON round trip: identical" in text


def test_example_prints_the_json_of_a_bundled_report() -> None:
    status, text = _run("example", "jianghe-2020")
    assert status == 0
    assert gd.from_json(text) == gd.examples.load("jianghe-2020")


def test_schema() -> None:
    status, text = _run("schema")
    assert status == 0
    assert json.loads(text) == gd.json_schema()


def test_rows_as_csv_and_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    path.write_text(gd.to_json(gd.examples.load("jianghe-2021")), encoding="utf-8")
    status, text = _run("rows", str(path))
    assert status == 0
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 200
    assert rows[0]["agency"] == "江河市自然资源和规划局"
    status, text = _run("rows", str(path), "--format", "jsonl")
    assert json.loads(text.splitlines()[-1])["table"] == "四"


def test_unusable_input_exits_2_with_paths(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.json"
    data = gd.to_dict(gd.examples.load("jianghe-2021"))
    data["requests"]["new"]["natural_person"] = -1
    path.write_text(json.dumps(data), encoding="utf-8")
    assert _run("rows", str(path))[0] == 2
    err = capsys.readouterr().err
    assert "$.requests.new.natural_person" in err
    assert _run("rows", str(tmp_path / "missing.json"))[0] == 2


def test_module_entry_point_reads_stdin() -> None:
    text = gd.to_json(gd.examples.load("jianghe-2020"))
    done = subprocess.run(
        [sys.executable, "-m", "govdisclosure", "rows", "-", "--format", "jsonl"],
        input=text.encode(),
        capture_output=True,
        check=True,
    )
    assert len(done.stdout.decode().splitlines()) == len(
        gd.to_rows(gd.examples.load("jianghe-2020"))
    )
