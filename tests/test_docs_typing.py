"""The examples of the README and of ``docs/*.md`` type-check under ``mypy --strict`` as the
downstream code they are: every public name explicitly exported, typed access per edition,
no ``None`` left unchecked.

Each page's examples are one module (a doctest page shares one namespace): the README's
Python blocks, and the ``>>>`` examples of every page — except the examples that demonstrate
an error (their expected output is a traceback), which are wrong on purpose. One mypy run
over all of them, in a temporary folder.
"""

from __future__ import annotations

import doctest
import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_FENCE = re.compile(r"^```(\w*)\s*\n(.*?)^```", re.S | re.M)


def python_of(markdown: str) -> str:
    """The Python of a page: its ``>>>`` examples (not those that raise on purpose), then
    its ``python`` blocks written without prompts."""
    parts = [
        example.source
        for example in doctest.DocTestParser().get_examples(markdown)
        if not example.want.lstrip().startswith("Traceback")
    ]
    parts += [
        body
        for lang, body in _FENCE.findall(markdown)
        if lang in ("python", "py") and ">>>" not in body
    ]
    return "".join(p if p.endswith("\n") else p + "\n" for p in parts)


def test_python_of_a_page() -> None:
    page = (
        "```pycon\n>>> x = 1\n>>> x + 'a'\nTraceback (most recent call last):\n...\n"
        "TypeError: no\n>>> for i in range(2):\n...     x += i\n```\n"
        "```python\ny: int = 2\n```\n```console\n$ ls\n```\n"
    )
    assert python_of(page) == "x = 1\nfor i in range(2):\n    x += i\ny: int = 2\n"


PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


@pytest.mark.skipif(importlib.util.find_spec("mypy") is None, reason="needs the lint extra")
def test_the_examples_type_check_as_downstream_code(tmp_path: Path) -> None:
    written = []
    for page in PAGES:
        code = python_of(page.read_text(encoding="utf-8"))
        if code.strip():
            module = tmp_path / f"page_{page.stem.replace('-', '_')}.py"
            module.write_text(code, encoding="utf-8")
            written.append(module.name)
    assert "page_README.py" in written
    assert len(written) > 10
    env = {**os.environ, "MYPYPATH": str(ROOT / "src")}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--disable-error-code",
            "import-untyped",  # third-party libraries the pages use without stubs
            "--cache-dir",
            str(tmp_path / ".mypy_cache"),
            *written,
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
        env=env,
    )
    assert done.returncode == 0, done.stdout + done.stderr
