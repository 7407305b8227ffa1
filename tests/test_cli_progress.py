"""The progress bar on a real terminal: ``parse``, ``check`` and ``aggregate`` over a folder,
their standard error a pseudo-terminal (``os.openpty``), as a person at a terminal sees it.

A new pseudo-terminal reports a size of 0 columns, on which tqdm draws an empty bar: the
bar takes 80 columns then (or ``COLUMNS``), and the terminal's own width when it has one.
"""

from __future__ import annotations

import fcntl
import importlib.util
import os
import struct
import subprocess
import sys
import termios
from pathlib import Path

import attrs
import pytest

import govdisclosure as gd

pytestmark = pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs pseudo-terminals (POSIX)")

SRC = Path(gd.__file__).resolve().parent.parent
A = gd.examples.load("jianghe-2021")


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three departments' reports, each published as text and as JSON."""
    root = tmp_path_factory.mktemp("reports")
    for i in range(3):
        agency = f"江河市第{i}局"
        report = attrs.evolve(A, agency=agency, title=f"{agency}2021年政府信息公开工作年度报告")
        (root / "json").mkdir(exist_ok=True)
        (root / "json" / f"{i}.json").write_text(gd.to_json(report), encoding="utf-8")
    text = root / "published"
    text.mkdir()
    for i in range(3):
        (text / f"{i}.txt").write_text(gd.render(A, "text"), encoding="utf-8")
    return root


def _on_a_terminal(
    args: list[str], *, columns: int = 0, hide_tqdm: Path | None = None
) -> tuple[int, str]:
    """Run the command with standard error a pseudo-terminal of ``columns`` columns; its
    status and what the terminal received."""
    master, slave = os.openpty()
    if columns:
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    path = [str(SRC)] if hide_tqdm is None else [str(hide_tqdm), str(SRC)]
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    env["PYTHONPATH"] = os.pathsep.join([*path, env.get("PYTHONPATH", "")])
    process = subprocess.Popen(
        [sys.executable, "-m", "govdisclosure", *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=slave,
        env=env,
    )
    os.close(slave)
    received = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the other side closed (EIO on Linux)
            break
        if not chunk:
            break
        received.append(chunk)
    os.close(master)
    return process.wait(timeout=120), b"".join(received).decode("utf-8", "replace")


COMMANDS = {
    "parse": lambda root: ["parse", str(root / "published"), "--format", "jsonl"],
    "check": lambda root: ["check", str(root / "published"), "--jobs", "1"],
    "aggregate": lambda root: [
        *("aggregate", str(root / "json"), "--agency", "江河市人民政府", "-j", "1")
    ],
}


@pytest.mark.skipif(importlib.util.find_spec("tqdm") is None, reason="needs the progress extra")
@pytest.mark.parametrize("columns", [0, 120])
@pytest.mark.parametrize("command", list(COMMANDS))
def test_the_tqdm_bar_on_a_terminal(folder: Path, command: str, columns: int) -> None:
    argv = COMMANDS[command](folder)
    status, terminal = _on_a_terminal(argv, columns=columns)
    assert status == 0, terminal
    assert "100%" in terminal, repr(terminal)
    assert "3/3" in terminal, repr(terminal)
    assert "|" in terminal  # the bar itself
    widest = max(len(line) for line in terminal.replace("\r", "\n").splitlines())
    assert widest <= (columns or 80) + 40  # the bar fits the width (and a summary line)


@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_counter_on_a_terminal_without_tqdm(folder: Path, command: str, tmp_path: Path) -> None:
    (tmp_path / "tqdm.py").write_text("raise ImportError('not installed')\n", encoding="utf-8")
    argv = COMMANDS[command](folder)
    status, terminal = _on_a_terminal(argv, hide_tqdm=tmp_path)
    assert status == 0, terminal
    assert "3/3" in terminal, repr(terminal)
    assert "100%" not in terminal


def test_no_bar_when_standard_error_is_no_terminal(folder: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "govdisclosure", "check", str(folder / "json"), "--jobs", "1"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(SRC)},
        check=False,
    )
    assert done.returncode == 0
    assert "\r" not in done.stderr
    assert "3/3" not in done.stderr
