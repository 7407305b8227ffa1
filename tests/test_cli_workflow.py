"""The commands as one workflow: every command reads what ``parse`` writes, and every command
says what is wrong with a bad file in one voice.

- The table of commands by kinds of bad file: ``govdisclosure CMD: FILE: what is wrong`` on
  standard error, exit status 2, nothing on standard output, never a traceback.
- The chain: published text → ``parse`` → ``check``, ``render``, ``rows``, ``aggregate``,
  ``diff``; and the same commands on the published files themselves.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest

import govdisclosure as gd
from govdisclosure.cli import main

A = gd.examples.load("jianghe-2021")
B = gd.examples.load("jianghe-2020")


def _of(report: gd.Report, agency: str) -> gd.Report:
    """The report as another agency published it (title, signature, metadata)."""
    assert report.signature is not None
    assert report.metadata is not None
    return attrs.evolve(
        report,
        agency=agency,
        title=f"{agency}{report.year}年政府信息公开工作年度报告",
        signature=attrs.evolve(report.signature, agency=agency),
        metadata=attrs.evolve(
            report.metadata,
            issuer=agency,
            name=f"{agency}{report.year}年政府信息公开工作年度报告",
        ),
    )


def _run(
    capsys: pytest.CaptureFixture[str], *argv: str, stdin: str | None = None
) -> tuple[int, str, str]:
    out = io.StringIO()
    status = main(list(argv), out=out)
    captured = capsys.readouterr()
    assert captured.out == ""  # everything for standard output went to ``out``
    return status, out.getvalue(), captured.err


# --------------------------------------------------------------------------- bad files


def _missing(folder: Path, suffix: str) -> Path:
    return folder / f"nosuch{suffix}"


def _empty(folder: Path, suffix: str) -> Path:
    path = folder / f"empty{suffix}"
    path.write_bytes(b"")
    return path


def _a_folder(folder: Path, suffix: str) -> Path:
    """Unreadable as a report: a folder holding only a folder named like a report file."""
    path = folder / "holder"
    (path / f"report{suffix}").mkdir(parents=True)
    return path


def _undecodable(folder: Path, suffix: str) -> Path:
    path = folder / f"undecodable{suffix}"
    path.write_bytes(b'{"agency": "\xc3\x28\xff\xfe"}')
    return path


def _json_syntax(folder: Path, suffix: str) -> Path:
    path = folder / f"syntax{suffix}"
    path.write_text('{"agency": "某局", "year": ', encoding="utf-8")
    return path


def _not_a_report(folder: Path, suffix: str) -> Path:
    path = folder / f"other{suffix}"
    path.write_text('{"name": "not a report", "rows": [1, 2]}', encoding="utf-8")
    return path


#: Each kind of bad file, and a word the message must contain (any of them).
BAD: dict[str, tuple[Callable[[Path, str], Path], tuple[str, ...]]] = {
    "missing": (_missing, ("no such file",)),
    "empty": (_empty, ("empty",)),
    "a folder where a file is expected": (_a_folder, ("a folder, not a report file",)),
    "undecodable bytes": (_undecodable, ("undecodable", "no report could be read")),
    "JSON syntax error": (_json_syntax, ("line 1, column", "no report could be read")),
    "JSON that is not a report": (_not_a_report, ("$.name", "no report could be read")),
}

#: Every command that reads reports: its argv around the bad file, and the suffix it reads.
COMMANDS: dict[str, tuple[Callable[[str, str], list[str]], str]] = {
    "check": (lambda bad, good: ["check", bad], ".json"),
    "render": (lambda bad, good: ["render", bad], ".json"),
    "rows": (lambda bad, good: ["rows", bad], ".json"),
    "aggregate": (lambda bad, good: ["aggregate", bad, "--agency", "江河市人民政府"], ".json"),
    "diff": (lambda bad, good: ["diff", bad, good], ".json"),
    "parse": (lambda bad, good: ["parse", bad], ".txt"),
    "check-text": (lambda bad, good: ["check", bad], ".txt"),
}


@pytest.mark.parametrize("kind", list(BAD))
@pytest.mark.parametrize("command", list(COMMANDS))
def test_every_command_says_what_is_wrong_with_a_bad_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str, kind: str
) -> None:
    make, words = BAD[kind]
    argv_of, suffix = COMMANDS[command]
    bad = make(tmp_path, suffix)
    good = tmp_path / "good.json"
    good.write_text(gd.to_json(A), encoding="utf-8")
    status, out, err = _run(capsys, *argv_of(str(bad), str(good)), "--lang", "en")
    name = command.split("-")[0]
    assert status == 2, err
    assert out == ""  # nothing half-written
    assert "Traceback" not in err
    first = err.splitlines()[0]
    assert first.startswith(f"govdisclosure {name}: {bad}"), first
    assert first.removeprefix(f"govdisclosure {name}: ").count(": ") >= 1, first
    assert any(word in err for word in words), err


@pytest.mark.parametrize("command", ["check", "render", "rows", "parse"])
def test_an_unreadable_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        pytest.skip("root reads a file of mode 000: the folder cell of the table covers this")
    path = tmp_path / ("locked.txt" if command == "parse" else "locked.json")
    path.write_text(gd.to_json(A), encoding="utf-8")
    path.chmod(0)
    try:
        status, out, err = _run(capsys, command, str(path), "--lang", "en")
    finally:
        path.chmod(0o600)
    assert (status, out) == (2, "")
    assert err.startswith(f"govdisclosure {command}: {path}: Permission denied")


def test_the_voice_speaks_chinese_by_default(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for command in ("check", "render", "rows", "parse", "aggregate"):
        status, _, err = _run(capsys, command, str(tmp_path / "nosuch.txt"))
        assert status == 2
        assert err.startswith(f"govdisclosure {command}: {tmp_path / 'nosuch.txt'}: 没有这个文件")


def test_a_text_file_given_to_check_is_parsed_not_read_as_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "report.txt"
    path.write_text(gd.examples.source_text("xianning-2015"), encoding="utf-8")
    status, out, _ = _run(capsys, "check", str(path))
    assert status == 0
    assert "咸宁市民政局" in out


def test_diff_of_two_agencies_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    old.write_text(gd.to_json(B), encoding="utf-8")
    new.write_text(gd.to_json(_of(A, "江河市教育局")), encoding="utf-8")
    status, out, err = _run(capsys, "diff", str(old), str(new))
    assert (status, out) == (2, "")
    assert "江河市自然资源和规划局" in err
    assert "江河市教育局" in err
    assert "one agency" in err


def test_one_spelling_for_blanks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "r.json"
    path.write_text(gd.to_json(A), encoding="utf-8")
    for argv in (["check", str(path)], ["aggregate", str(path), "--agency", "江河市人民政府"]):
        for blank in ("unknown", "zero"):
            assert _run(capsys, *argv, "--blank", blank)[0] == 0
        with pytest.raises(SystemExit):
            main([*argv, "--blanks", "zero"], out=io.StringIO())
        capsys.readouterr()


def test_help_says_what_each_command_reads(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"], out=io.StringIO())
    text = capsys.readouterr().out
    assert "JSON reports:" not in text
    for command in ("check", "render", "rows"):
        with pytest.raises(SystemExit):
            main([command, "--help"], out=io.StringIO())
        text = capsys.readouterr().out
        assert "parse" in text
        assert "HTML" in text


# --------------------------------------------------------------------------- the chain


@pytest.fixture
def published(tmp_path: Path) -> Path:
    """Published reports: two departments of 2021 and one of 2020, as text and HTML."""
    folder = tmp_path / "published"
    folder.mkdir()
    (folder / "a-2021.txt").write_text(gd.render(A, "text"), encoding="utf-8")
    (folder / "b-2021.html").write_text(gd.render(_of(A, "江河市教育局"), "html"), encoding="utf-8")
    (folder / "a-2020.md").write_text(gd.render(B, "markdown"), encoding="utf-8")
    return folder


def _parse_to(
    capsys: pytest.CaptureFixture[str], source: Path, target: Path, *extra: str
) -> dict[str, object]:
    status, out, err = _run(capsys, "parse", str(source), "-o", str(target), *extra)
    assert status == 0, err
    assert out == ""
    record = json.loads(target.read_text(encoding="utf-8"))
    assert isinstance(record, dict)
    return record


def test_parse_then_every_command(
    published: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    parsed = tmp_path / "parsed"
    parsed.mkdir()
    for source in sorted(published.iterdir()):
        record = _parse_to(capsys, source, parsed / f"{source.stem}.json", "--check")
        assert set(record) == {"file", "report", "findings", "check"}
    a = parsed / "a-2021.json"
    assert gd.from_dict(json.loads(a.read_text(encoding="utf-8"))["report"]).tables_2021() == (
        A.tables_2021()
    )

    status, out, err = _run(capsys, "check", str(a))
    assert status == 0, err
    assert "江河市自然资源和规划局" in out

    status, out, _ = _run(capsys, "render", str(a), "--format", "markdown")
    assert status == 0
    assert out == gd.render(gd.from_dict(json.loads(a.read_text("utf-8"))["report"]), "markdown")

    status, out, _ = _run(capsys, "rows", str(a))
    assert status == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert next(r for r in rows if r["path"] == "$.requests.new.total")["value"] == "46"

    status, out, err = _run(
        capsys, "aggregate", str(a), str(parsed / "b-2021.json"), "--agency", "江河市人民政府"
    )
    assert status == 0, err
    assert A.requests is not None
    assert json.loads(out)["report"]["requests"]["new"]["total"] == 2 * A.requests.new.total

    status, out, err = _run(capsys, "diff", str(parsed / "a-2020.json"), str(a), "--format", "json")
    assert status == 0, err
    (change,) = [c for c in json.loads(out)[0]["cells"] if c["path"] == "$.requests.new.total"]
    assert (change["old"], change["new"]) == (38, 46)

    status, out, _ = _run(capsys, "check", str(parsed), "--format", "jsonl", "--jobs", "1")
    assert status == 0
    assert len(out.splitlines()) == 3


def test_every_command_reads_the_published_files_themselves(
    published: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text, html, md = (published / n for n in ("a-2021.txt", "b-2021.html", "a-2020.md"))
    assert _run(capsys, "check", str(text))[0] == 0
    assert _run(capsys, "check", str(published), "--jobs", "1")[0] == 0
    status, out, _ = _run(capsys, "render", str(html), "--format", "text")
    assert status == 0
    assert "江河市教育局" in out
    status, out, _ = _run(capsys, "rows", str(published))
    assert status == 0
    assert {r["agency"] for r in csv.DictReader(io.StringIO(out))} == {
        "江河市自然资源和规划局",
        "江河市教育局",
    }
    status, out, err = _run(
        capsys, "aggregate", str(text), str(html), "--agency", "江河市人民政府", "--format", "csv"
    )
    assert status == 0, err
    status, out, err = _run(capsys, "diff", str(md), str(text))
    assert status == 0, err
    assert "46" in out


def test_parse_overrides_and_language(
    published: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record = _parse_to(
        capsys, published / "a-2021.txt", tmp_path / "r.json", "--agency", "某局", "--year", "2022"
    )
    report = record["report"]
    assert isinstance(report, dict)
    assert (report["agency"], report["year"]) == ("某局", 2022)
    status, out, _ = _run(capsys, "parse", str(published / "a-2020.md"), "--format", "text")
    assert status == 0
    assert "江河市自然资源和规划局" in out


def test_a_parse_record_with_a_bad_report_is_located_under_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = {"file": "x.txt", "report": gd.to_dict(A), "findings": []}
    data["report"]["year"] = "2021"  # type: ignore[index]
    path = tmp_path / "record.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    status, _, err = _run(capsys, "check", str(path), "--lang", "en")
    assert status == 2
    assert "$.report.year: expected an integer" in err
    data = {"file": "x.txt", "report": gd.to_dict(A), "extra": 1}
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    status, _, err = _run(capsys, "render", str(path), "--lang", "en")
    assert status == 2
    assert "$.extra: unknown key" in err


def test_parse_a_folder_into_a_folder_every_command_reads(
    published: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    parsed = tmp_path / "parsed"
    status, out, err = _run(capsys, "parse", str(published), "-o", f"{parsed}/")
    assert (status, out) == (0, ""), err
    assert sorted(p.name for p in parsed.iterdir()) == ["a-2020.json", "a-2021.json", "b-2021.json"]
    record = json.loads((parsed / "b-2021.json").read_text(encoding="utf-8"))
    assert record["report"]["agency"] == "江河市教育局"
    status, out, err = _run(capsys, "check", str(parsed), "--format", "jsonl", "-j", "1")
    assert status == 0, err
    assert len(out.splitlines()) == 3
    status, out, err = _run(capsys, "rows", str(parsed))
    assert status == 0, err
    assert {r["year"] for r in csv.DictReader(io.StringIO(out))} == {"2020", "2021"}
    status, out, err = _run(
        capsys, "aggregate", str(parsed), "--agency", "江河市人民政府", "--year", "2021"
    )
    assert status == 0, err
    assert A.requests is not None
    assert json.loads(out)["report"]["requests"]["new"]["total"] == 2 * A.requests.new.total
