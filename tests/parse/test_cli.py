"""The ``parse`` command module."""

from __future__ import annotations

import argparse
import io
import json
from pathlib import Path

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
