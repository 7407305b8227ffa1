"""``govdisclosure render --format docx|pdf``: bytes to a file or down a pipe, never to a
terminal."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from govdisclosure import examples, to_json
from govdisclosure.cli import main
from govdisclosure.rendering import _gongwen as gongwen
from govdisclosure.rendering import render

if not os.environ.get("CI"):  # CI installs the extras: the tests must run there
    pytest.importorskip("docx")
    pytest.importorskip("weasyprint")

SRC = Path(__file__).resolve().parent.parent / "src"


class _Terminal(io.TextIOWrapper):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def report_file(tmp_path: Path) -> Path:
    path = tmp_path / "r.json"
    path.write_text(to_json(examples.load("jianghe-2021")), encoding="utf-8")
    return path


def test_docx_to_a_file(report_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.docx"
    assert main(["render", str(report_file), "--format", "docx", "-o", str(out)]) == 0
    assert out.read_bytes() == render.docx(examples.load("jianghe-2021"))


def test_pdf_to_a_file_in_english(report_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    args = ["render", str(report_file), "--format", "pdf", "--lang", "en", "-o", str(out)]
    assert main(args) == 0
    assert out.read_bytes() == render.pdf(examples.load("jianghe-2021"), locale="en")


def test_binary_down_a_pipe(report_file: Path) -> None:
    buffer = io.BytesIO()
    stream = io.TextIOWrapper(buffer, encoding="utf-8")
    assert main(["render", str(report_file), "--format", "docx"], out=stream) == 0
    assert buffer.getvalue() == render.docx(examples.load("jianghe-2021"))
    done = subprocess.run(
        [sys.executable, "-m", "govdisclosure", "render", str(report_file), "--format", "docx"],
        capture_output=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(SRC)},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == render.docx(examples.load("jianghe-2021"))


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_binary_to_a_terminal_is_refused(
    report_file: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    buffer = io.BytesIO()
    terminal = _Terminal(buffer, encoding="utf-8")
    assert main(["render", str(report_file), "--format", fmt], out=terminal) == 2
    assert buffer.getvalue() == b""
    err = capsys.readouterr().err
    assert f"不向终端输出二进制的 {fmt} 文件" in err  # the default language is Chinese
    args = ["render", str(report_file), "--format", fmt, "--lang", "en"]
    assert main(args, out=terminal) == 2
    assert "use -o OUT or a pipe" in capsys.readouterr().err


def test_no_font_exits_2_with_the_reason(
    report_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(gongwen, "installed_cjk_families", lambda: frozenset())
    out = tmp_path / "r.pdf"
    done = main(["render", str(report_file), "--format", "pdf", "-o", str(out)])
    assert done == 2
    assert not out.exists()
    err = capsys.readouterr().err
    assert err.startswith("govdisclosure render: no font that covers Chinese is installed")


def test_the_help_names_the_formats(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["render", "--help"])
    assert "{text,markdown,html,docx,pdf}" in capsys.readouterr().out
