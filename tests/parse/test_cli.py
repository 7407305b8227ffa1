"""The ``parse`` command module."""

from __future__ import annotations

import argparse
import io
import json
import sys
import types
from pathlib import Path

import pytest

from govdisclosure import examples
from govdisclosure.cli.parse import add_parser
from govdisclosure.rendering import render


def _run(argv: list[str]) -> tuple[int, str]:
    parser = argparse.ArgumentParser(prog="govdisclosure")
    add_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    out = io.StringIO()
    return args.func(args, out), out.getvalue()


def test_a_folder_with_an_unreadable_file(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(render(examples.load("jianghe-2021"), "html"), "utf-8")
    (tmp_path / "b.txt").write_text(examples.source_text("xianning-2015"), "utf-8")
    (tmp_path / "c.txt").mkdir()  # unreadable: a directory named like a file
    status, out = _run(["parse", str(tmp_path), "--format", "jsonl", "--check"])
    records = [json.loads(line) for line in out.splitlines()]
    assert [Path(r["file"]).name for r in records] == ["a.html", "b.txt"]
    assert records[0]["report"]["requests"]["new"]["total"] == 46
    assert status == 2


def test_one_file_as_json() -> None:
    path = Path(__file__).parent.parent / "fixtures" / "corpus" / "raw" / "010.txt"
    status, out = _run(["parse", str(path), "--format", "json"])
    assert status == 0
    assert json.loads(out)["report"]["edition"] == "standard-2021"


class _Stderr(io.StringIO):
    """A standard error that says whether it is a terminal."""

    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


def _folder(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(examples.source_text("xianning-2015"), "utf-8")
    (tmp_path / "b.txt").write_text(render(examples.load("jianghe-2021"), "text"), "utf-8")
    return tmp_path


def _stderr_of(monkeypatch: pytest.MonkeyPatch, argv: list[str], *, tty: bool) -> str:
    err = _Stderr(tty)
    monkeypatch.setattr(sys, "stderr", err)
    status, _out = _run(argv)
    assert status == 0
    return err.getvalue()


def test_no_progress_when_stderr_is_no_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    err = _stderr_of(monkeypatch, ["parse", str(_folder(tmp_path)), "--format", "jsonl"], tty=False)
    assert "\r" not in err
    assert err.count("\n") == 1  # only the summary
    assert err.startswith("files 2/2,")


def test_a_counter_on_a_terminal_without_tqdm(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "tqdm", None)  # as if not installed
    err = _stderr_of(monkeypatch, ["parse", str(_folder(tmp_path)), "--format", "jsonl"], tty=True)
    assert "\r1/2 a.txt" in err
    assert "\r2/2 b.txt" in err
    assert err.rstrip().endswith("findings: " + err.rsplit("findings: ", 1)[1].strip())


def test_tqdm_on_a_terminal_when_installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    updates: list[int] = []

    class FakeBar:
        def __init__(self, **kwargs: object) -> None:
            assert kwargs["total"] == 2
            assert kwargs["file"] is sys.stderr

        def set_postfix_str(self, s: str, refresh: bool = True) -> None:
            pass

        def update(self, n: int) -> None:
            updates.append(n)

        def write(self, s: str, file: object = None) -> None:
            pass

        def close(self) -> None:
            updates.append(0)

    monkeypatch.setitem(sys.modules, "tqdm", types.SimpleNamespace(tqdm=FakeBar))
    err = _stderr_of(monkeypatch, ["parse", str(_folder(tmp_path)), "--format", "jsonl"], tty=True)
    assert updates == [1, 1, 0]
    assert "\r" not in err  # the bar, not the counter


def test_one_file_shows_no_progress(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _folder(tmp_path) / "a.txt"
    monkeypatch.setitem(sys.modules, "tqdm", None)
    err = _stderr_of(monkeypatch, ["parse", str(path)], tty=True)
    assert "\r" not in err


def test_the_real_tqdm_when_installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("tqdm")
    err = _stderr_of(monkeypatch, ["parse", str(_folder(tmp_path)), "--format", "jsonl"], tty=True)
    assert "0/2 [" in err  # tqdm's bar, drawn on standard error
    assert "\r1/2 a.txt" not in err


REAL = Path(__file__).parent.parent / "fixtures" / "real"


@pytest.mark.parametrize(("lang", "page"), [("zh_CN", "第4页"), ("en", "page 4")])
def test_a_pdf_checked_names_the_page_of_each_finding(lang: str, page: str) -> None:
    pytest.importorskip("pypdfium2")
    status, out = _run(
        ["parse", str(REAL / "hongze-2023.pdf"), "--check", "--format", "text", "--lang", lang]
    )
    assert status == 1  # table 四 prints 总计 0 where its parts add up to 11 and 5
    gd104 = [line for line in out.splitlines() if line.lstrip().startswith("GD104")]
    assert len(gd104) == 2
    assert all(f"GD104 {page}: " in line for line in gd104)
    located = [line for line in out.splitlines()[1:] if line.lstrip().startswith(("GP", "GD"))]
    # every finding read from a place of the PDF says its page, never a line of the rebuilt text
    assert not [line for line in located if " line " in line]


def test_a_pdf_parsed_to_json_gives_the_page_of_its_findings() -> None:
    pytest.importorskip("pypdfium2")
    status, out = _run(["parse", str(REAL / "hongze-2023.pdf"), "--format", "json", "--check"])
    assert status == 1
    record = json.loads(out)
    typo = [f for f in record["findings"] if f["code"] == "GP133"]
    assert typo
    assert {f["page"] for f in typo} == {3}  # the printed typo 2.其他法律行政止公开 is on page 3
    sources = [src for f in record["check"] if f["code"] == "GD104" for src in f["source"]]
    assert sources
    assert {src["page"] for src in sources} == {4}
    assert all(len(src["box"]) == 4 for src in sources)
