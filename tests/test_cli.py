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


# --------------------------------------------------------------------------- issues 8 and 9


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "govdisclosure", *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=False,
    )


def test_check_with_stdin_closed_is_unusable_input_not_a_traceback() -> None:
    done = subprocess.run(
        ["sh", "-c", f'"{sys.executable}" -m govdisclosure check - <&-'],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert "标准输入" in done.stderr


def test_an_internal_error_exits_3_with_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import govdisclosure.cli.check as check_module

    def boom(*_: object, **__: object) -> None:
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(check_module, "check", boom)
    path = tmp_path / "r.json"
    path.write_text(gd.to_json(gd.examples.load("jianghe-2021")), encoding="utf-8")
    assert _run("check", str(path))[0] == 3
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    assert "internal error (ZeroDivisionError: boom)" in err
    assert "please report it" in err
    assert "Traceback" not in err
    assert _run("check", str(path), "--debug")[0] == 3
    assert "Traceback" in capsys.readouterr().err
    assert _run("--debug", "check", str(path))[0] == 3


def test_version() -> None:
    done = _cli("--version")
    assert done.returncode == 0
    assert done.stdout.strip() == f"govdisclosure {gd.__version__}"


@pytest.mark.parametrize("lang", ["zh", "zh_CN", "zh-CN", "en"])
@pytest.mark.parametrize("command", ["check", "render", "rows"])
def test_one_lang_vocabulary(tmp_path: Path, command: str, lang: str) -> None:
    path = tmp_path / "r.json"
    path.write_text(gd.to_json(gd.examples.load("jianghe-2021")), encoding="utf-8")
    assert _run(command, str(path), "--lang", lang)[0] == 0


def test_unusable_files_are_named_and_in_the_chosen_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"year": "2021"}', encoding="utf-8")
    for command in ("render", "rows", "check"):
        assert _run(command, str(bad))[0] == 2
        err = capsys.readouterr().err
        assert f"govdisclosure {command}: {bad}: 无法使用的输入" in err
        assert "$.year：应为整数或 null，实为 '2021' (a str)" in err
        assert "$.agency：缺少必填字段" in err
        assert _run(command, str(bad), "--lang", "en")[0] == 2
        err = capsys.readouterr().err
        assert f"govdisclosure {command}: {bad}: unusable input" in err
        assert "$.year: expected an integer or null, found '2021' (a str)" in err


def test_rows_reports_each_bad_file_and_writes_the_good_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.json"
    good.write_text(gd.to_json(gd.examples.load("jianghe-2021")), encoding="utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    status, text = _run("rows", str(bad), str(good), str(tmp_path / "missing.json"))
    assert status == 2
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 200
    assert rows[0]["path"] == "$.active.regulations.issued"
    fee = next(r for r in rows if r["path"] == "$.active.fees")
    assert fee["value"] == "20.30"
    err = capsys.readouterr().err
    assert str(bad) in err
    assert "missing.json" in err
    status, text = _run("rows", str(good), "--format", "jsonl")
    fee = next(json.loads(line) for line in text.splitlines() if '"$.active.fees"' in line)
    assert fee["value"] == "20.30"


def test_rows_of_a_legacy_report_are_its_facts(tmp_path: Path) -> None:
    path = tmp_path / "legacy.json"
    path.write_text(gd.to_json(gd.examples.load("xianning-2015")), encoding="utf-8")
    status, text = _run("rows", str(path))
    assert status == 0
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows
    assert {r["source"] for r in rows} == {"fact"}
    assert rows[0]["location"].startswith("§")


def test_render_check_refuses_a_report_with_error_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = gd.to_dict(gd.examples.load("jianghe-2021"))
    data["reviews"]["review"]["total"] += 1
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    status, text = _run("render", str(path), "--check")
    assert status == 1
    assert text == ""
    err = capsys.readouterr().err
    assert "不予生成" in err
    assert "GD" in err
    good = tmp_path / "good.json"
    good.write_text(gd.to_json(gd.examples.load("jianghe-2021")), encoding="utf-8")
    status, text = _run("render", str(good), "--check")
    assert status == 0
    assert text


def test_a_lone_surrogate_does_not_crash_the_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = gd.to_dict(gd.examples.load("jianghe-2021"))
    data["title"] = "\ud800"
    path = tmp_path / "s.json"
    path.write_text(json.dumps(data), encoding="utf-8")  # the \ud800 escape: valid JSON text
    for command in ("check", "render", "rows"):
        assert _run(command, str(path))[0] == 2
        assert "$.title" in capsys.readouterr().err


def test_check_takes_a_folder_as_a_batch(tmp_path: Path) -> None:
    for name in ("jianghe-2020", "jianghe-2021"):
        (tmp_path / f"{name}.json").write_text(gd.to_json(gd.examples.load(name)), "utf-8")
    out = io.StringIO()
    assert main(["check", str(tmp_path), "--jobs", "1", "--format", "jsonl"], out) == 0
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert sorted(Path(line["file"]).name for line in lines) == [
        "jianghe-2020.json",
        "jianghe-2021.json",
    ]
    (tmp_path / "broken.json").write_text("{", "utf-8")
    assert main(["check", str(tmp_path), "--jobs", "1"], io.StringIO()) == 2
    assert main(["check", str(tmp_path), "--series"], io.StringIO()) == 2
