"""The batch path and its commands: a folder of good and bad files, every core."""

from __future__ import annotations

import argparse
import io
import json
import pickle
from pathlib import Path

import attrs
import pytest

from govdisclosure import examples, to_json
from govdisclosure.analysis.batch import (
    FileResult,
    Progress,
    check_file,
    check_files,
    discover,
    map_files,
)
from govdisclosure.cli import _batch as _cli

A = examples.load("jianghe-2021")


def run(*argv: str) -> tuple[int, str]:
    parser = argparse.ArgumentParser(prog="govdisclosure")
    _cli.add_parsers(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    out = io.StringIO()
    return args.func(args, out), out.getvalue()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Valid reports, one with an error, malformed JSON, junk, an empty file, a folder named
    like a report, a text report (no parser yet), and a file that is not a report at all."""
    good = tmp_path / "good"
    good.mkdir()
    for i in range(5):
        r = attrs.evolve(A, agency=f"第{i}局")
        (good / f"{i}.json").write_text(to_json(r), encoding="utf-8")
    t = A.reviews
    assert t is not None
    wrong = attrs.evolve(
        A, agency="错局", reviews=attrs.evolve(t, review=attrs.evolve(t.review, upheld=9))
    )
    (tmp_path / "wrong.json").write_text(to_json(wrong), encoding="utf-8")
    (tmp_path / "malformed.json").write_text('{"agency": "x",', encoding="utf-8")
    (tmp_path / "junk.json").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "empty.json").write_bytes(b"")
    (tmp_path / "not-a-file.json").mkdir()
    # a published text report, read by govdisclosure.parse, and binary junk named like one
    text = Path(examples.__file__).parent / "xianning-2015.txt"
    (tmp_path / "report.txt").write_bytes(text.read_bytes())
    (tmp_path / "junk.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "notes.csv").write_text("a,b\n", encoding="utf-8")
    (tmp_path / "list.json").write_text("[]", encoding="utf-8")
    return tmp_path


BAD = {"malformed.json", "junk.json", "empty.json", "not-a-file.json", "junk.txt", "list.json"}


def test_discover(folder: Path) -> None:
    found = discover(str(folder))
    names = {Path(p).name for p in found.files}
    assert {"wrong.json", "malformed.json", "report.txt", "0.json"} <= names
    assert [Path(r.path).name for r in found.bad] == ["not-a-file.json"]
    assert found.skipped == 1


@pytest.mark.parametrize("jobs", [1, 2])
def test_check_files_survives_bad_files(folder: Path, jobs: int) -> None:
    found = discover(str(folder))
    results = list(check_files(found.files, jobs=jobs))
    assert [r.path for r in results] == list(found.files)
    by_name = {Path(r.path).name: r for r in results}
    for name in BAD - {"not-a-file.json"}:
        assert by_name[name].status == "unusable", name
        assert by_name[name].reason
    assert by_name["empty.json"].reason == "the file is empty"
    assert "no report could be read" in (by_name["junk.txt"].reason or "")
    text = by_name["report.txt"]
    assert (text.status, text.agency, text.year) != ("unusable", None, None)
    assert text.agency == "咸宁市民政局"
    assert by_name["wrong.json"].status == "findings"
    assert by_name["wrong.json"].findings.codes == ("GD104",)
    assert all(by_name[f"{i}.json"].status == "ok" for i in range(5))


def test_check_file_never_raises(tmp_path: Path) -> None:
    r = check_file(str(tmp_path / "missing.json"))
    assert r.status == "unusable"
    assert "No such file" in (r.reason or "")
    assert pickle.loads(pickle.dumps(r)) == r


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl", "csv"])
def test_check_command(folder: Path, fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    status, out = run("check", str(folder), "--jobs", "2", "--format", fmt, "--lang", "en")
    err = capsys.readouterr().err
    assert status == 2
    for name in BAD:
        assert name in err, name
    if fmt == "json":
        doc = json.loads(out)
        assert doc["summary"] == {"files": 13, "ok": 6, "findings": 1, "unusable": 6, "skipped": 1}
        files = {Path(f["file"]).name: f for f in doc["files"]}
        assert files["junk.json"]["status"] == "unusable"
        assert files["wrong.json"]["findings"][0]["code"] == "GD104"
    elif fmt == "jsonl":
        lines = [json.loads(x) for x in out.splitlines()]
        assert len(lines) == 13
    elif fmt == "csv":
        assert out.splitlines()[0].startswith("file,status,agency")
        assert "GD104" in out
    else:
        assert "checked 13 file(s): 6 without errors, 1 with errors, 6 unusable" in out
        assert "GD104" in out


def test_check_command_exit_status(folder: Path) -> None:
    assert run("check", str(folder / "good"), "-j", "1")[0] == 0
    assert run("check", str(folder / "good"), str(folder / "wrong.json"), "-j", "1")[0] == 1


def test_aggregate_command(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out = run("aggregate", str(folder / "good"), "--agency", "江河市人民政府")
    assert status == 0
    doc = json.loads(out)
    assert doc["complete"]
    assert len(doc["parts"]) == 5
    assert A.requests is not None
    assert doc["report"]["requests"]["new"]["total"] == 5 * A.requests.new.total
    # with the bad files around: still adds up the good ones, reports the bad, exits 2
    status, out = run(
        "aggregate", str(folder), "--agency", "江河市人民政府", "--year", "2021", "--format", "csv"
    )
    assert status == 2
    err = capsys.readouterr().err
    assert "junk.json" in err
    assert "report.txt: 咸宁市民政局 2015: left out" in err
    assert out.startswith("agency,year,edition")


def test_aggregate_checks_a_summary(folder: Path, tmp_path: Path) -> None:
    from govdisclosure.analysis import aggregate
    from govdisclosure.io import from_json

    parts = [from_json((folder / "good" / f"{i}.json").read_bytes()) for i in range(5)]
    summary = aggregate(parts, agency="江河市人民政府", year=2021).report
    path = tmp_path / "summary.json"
    path.write_text(to_json(summary), encoding="utf-8")
    expected = tmp_path / "bodies.txt"
    expected.write_text("\n".join(f"第{i}局" for i in range(6)), encoding="utf-8")
    status, out = run(
        "aggregate",
        str(folder / "good"),
        "--summary",
        str(path),
        "--expected",
        str(expected),
        "--format",
        "jsonl",
    )
    assert status == 1
    (finding,) = [json.loads(x) for x in out.splitlines()]
    assert finding["code"] == "GA102"
    assert "第5局" in finding["message"]["zh_CN"]


def test_aggregate_refuses_duplicates(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _ = run(
        "aggregate", str(folder / "good"), str(folder / "good" / "0.json"), "--agency", "某市"
    )
    assert status == 2
    assert "more than once" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "json", "jsonl", "csv"])
def test_diff_command(tmp_path: Path, fmt: str) -> None:
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    old.write_text(to_json(examples.load("jianghe-2020")), encoding="utf-8")
    new.write_text(to_json(A), encoding="utf-8")
    status, out = run("diff", str(old), str(new), "--format", fmt)
    assert status == 0
    assert "46" in out


def test_diff_folders_pair_by_agency(folder: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    for i in range(3):
        r = attrs.evolve(A, agency=f"第{i}局", year=2022)
        (other / f"{i}.json").write_text(to_json(r), encoding="utf-8")
    status, out = run("diff", str(folder / "good"), str(other), "--format", "json")
    assert status == 0
    assert len(json.loads(out)) == 3


def test_progress_only_on_a_terminal() -> None:
    quiet = io.StringIO()
    p = Progress(3, quiet)
    p.update(3)
    p.close()
    assert quiet.getvalue() == ""

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    loud = Tty()
    p = Progress(2, loud, label="check")
    p.update()
    p.update()
    p.close()
    assert "2/2" in loud.getvalue()


def _square(x: int) -> int:
    return x * x


def test_map_files_keeps_order_on_two_processes() -> None:
    assert list(map_files(_square, list(range(200)), jobs=2)) == [x * x for x in range(200)]
    with pytest.raises(ValueError, match="at least 1"):
        list(map_files(_square, [1, 2], jobs=0))


def test_check_with_a_second_thread_runs_through_the_fork_server(folder: Path) -> None:
    """A progress bar's monitor thread (tqdm's, on a terminal) makes forking unsafe: the
    workers then come from a fork server, and the output is the same as with one job."""
    import threading

    from govdisclosure.analysis.batch import _context

    stop = threading.Event()
    monitor = threading.Thread(target=stop.wait, daemon=True)
    monitor.start()
    try:
        assert _context().get_start_method() == "forkserver"
        two = run("check", str(folder), "--jobs", "2", "--format", "jsonl")
    finally:
        stop.set()
        monitor.join()
    assert two == run("check", str(folder), "--jobs", "1", "--format", "jsonl")


def test_file_result_to_dict() -> None:
    r = FileResult("x.json", "unusable", reason="the file is empty")
    assert r.to_dict()["reason"] == "the file is empty"
