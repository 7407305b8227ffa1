"""``govdisclosure check``: exit status, languages, JSON output, stdin, series; ``demo``."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from govdisclosure import examples, to_dict, to_json
from govdisclosure.cli import main


def _write(tmp_path: Path, name: str, data: dict | str) -> str:
    path = tmp_path / name
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    path.write_text(text, encoding="utf-8")
    return str(path)


def _run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    status = main(list(argv), out=out)
    return status, out.getvalue()


@pytest.fixture
def files(tmp_path: Path) -> dict[str, str]:
    good = to_dict(examples.load("jianghe-2021"))
    bad = to_dict(examples.load("jianghe-2021"))
    bad["reviews"]["review"]["total"] += 1
    return {
        "good": _write(tmp_path, "good.json", good),
        "bad": _write(tmp_path, "bad.json", bad),
        "legacy": _write(tmp_path, "xianning.json", to_dict(examples.load("xianning-2015"))),
        "previous": _write(tmp_path, "2020.json", to_dict(examples.load("jianghe-2020"))),
        "unusable": _write(tmp_path, "unusable.json", '{"year": "2021"}'),
        "not_json": _write(tmp_path, "not.json", "{oops"),
    }


def test_clean_report_exits_0_in_chinese_by_default(files: dict[str, str]) -> None:
    status, out = _run("check", files["good"])
    assert status == 0
    assert "江河市自然资源和规划局 2021年" in out
    assert "未发现问题" in out


def test_warnings_only_exit_0_and_are_listed(files: dict[str, str]) -> None:
    status, out = _run("check", files["legacy"], "--lang", "en")
    assert status == 0
    assert "notice GD503 $.metadata.published" in out
    assert "notice GD601 $.sections" in out
    assert "2 finding(s): 0 error(s), 0 warning(s), 2 notice(s)" in out


def test_an_error_finding_exits_1_grouped_by_report(files: dict[str, str]) -> None:
    status, out = _run("check", files["good"], files["bad"])
    assert status == 1
    good, bad = out.split(files["bad"])
    assert "未发现问题" in good
    assert "错误 GD104 $.reviews.review.total" in bad
    assert "表四 “行政复议”" in bad


def test_json_output_for_machines(files: dict[str, str]) -> None:
    status, out = _run("check", "--format", "json", files["bad"], files["legacy"])
    assert status == 1
    data = json.loads(out)
    assert data["ok"] is False
    bad, legacy = data["reports"]
    assert bad["file"] == files["bad"]
    # the prose states the reconsideration total too: GD401 follows the changed total
    assert [f["code"] for f in bad["findings"]] == ["GD104", "GD401"]
    finding = bad["findings"][0]
    assert finding["path"] == "$.reviews.review.total"
    assert finding["severity"] == "error"
    assert set(finding["message"]) == {"zh_CN", "en"}
    assert legacy["ok"] is True
    assert legacy["warnings"] == 0
    assert legacy["notices"] == 2


def test_unusable_input_exits_2_with_paths(files: dict[str, str], capsys) -> None:
    status, out = _run("check", files["good"], files["unusable"])
    assert status == 2
    err = capsys.readouterr().err
    assert files["unusable"] in err
    assert "$.year" in err
    assert "未发现问题" in out  # the usable report is still checked
    status, out = _run("check", "--format", "json", files["not_json"])
    assert status == 2
    assert json.loads(out)["unusable"][0]["problems"][0]["path"] == "$"


def test_missing_file_exits_2(tmp_path: Path, capsys) -> None:
    status, _ = _run("check", str(tmp_path / "nope.json"))
    assert status == 2
    assert "nope.json" in capsys.readouterr().err


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    data = to_json(examples.load("jianghe-2020")).encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    status, out = _run("check", "-", "--lang", "en")
    assert status == 0
    assert out.startswith("-: 江河市自然资源和规划局 2020 (trial-2019)")
    assert "no findings" in out


def test_series_runs_the_cross_year_rules(files: dict[str, str], tmp_path: Path) -> None:
    assert _run("check", "--series", files["previous"], files["good"])[0] == 0
    later = to_dict(examples.load("jianghe-2021"))
    later["requests"]["carried_over"]["natural_person"] += 1
    later["requests"]["carried_over"]["total"] += 1
    later["requests"]["carried_forward"]["natural_person"] += 1
    later["requests"]["carried_forward"]["total"] += 1
    path = _write(tmp_path, "later.json", later)
    status, out = _run("check", "--series", "--ignore", "GD401", files["previous"], path)
    assert status == 0  # GD301 is a warning
    assert "GD301 $.requests.carried_over.natural_person" in out
    assert "2021年" in out


def test_a_series_of_two_agencies_is_unusable(files: dict[str, str], capsys) -> None:
    assert _run("check", "--series", files["legacy"], files["good"])[0] == 2
    err = capsys.readouterr().err
    assert "咸宁市民政局" in err
    assert "江河市自然资源和规划局" in err


def test_policy_options(files: dict[str, str], capsys) -> None:
    status, out = _run("check", files["bad"], "--select", "GD502")
    assert status == 0
    assert "未发现问题" in out
    assert _run("check", files["bad"], "--ignore", "GD999")[0] == 2
    assert "GD999" in capsys.readouterr().err


def test_demo_shows_the_findings_of_the_example() -> None:
    status, out = _run("demo")
    assert status == 0
    assert "== Findings (govdisclosure check): 2 ==" in out
    assert "GD503 $.metadata.published" in out
    assert "第三十二条(三)政府信息公开的收费及减免情况" in out
