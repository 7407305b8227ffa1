"""The command line on files and standard input: mutated reports and garbled bytes.

The property: ``check``, ``render`` and ``rows`` exit 0, 1 or 2 — never 3 (an internal
error) — and never print a traceback; every output is printable UTF-8.
"""

from __future__ import annotations

import contextlib
import io
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from fuzz.conftest import fuzz_settings
from fuzz.test_fuzz_io import _counts, count, mutated_documents  # noqa: F401
from govdisclosure.cli import main

_DIR = Path(tempfile.mkdtemp(prefix="govdisclosure-fuzz-cli-"))


def _bytes(data: Any, garble: int | None) -> bytes:
    try:
        text = json.dumps(data, ensure_ascii=False).encode("utf-8", "surrogatepass")
    except (ValueError, RecursionError):  # a huge int or a deep nest: write an attack
        text = b'{"year": ' + b"1" * 5000 + b"}"
    if garble is not None and text:
        i = garble % len(text)
        text = text[:i] + b"\xff" + text[i + 1 :]
    return text


def _run(argv: list[str], stdin: bytes | None = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdin
    if stdin is not None:
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    try:
        with contextlib.redirect_stderr(err):
            status = main(argv, out=out)
    finally:
        sys.stdin = saved
    return status, out.getvalue(), err.getvalue()


_commands = st.sampled_from(
    [
        ["check"],
        ["check", "--format", "json"],
        ["check", "--lang", "en"],
        ["render"],
        ["render", "--format", "html", "--lang", "en"],
        ["render", "--check", "--format", "markdown"],
        ["rows"],
        ["rows", "--format", "jsonl", "--lang", "en"],
    ]
)


@fuzz_settings()
@given(mutated_documents(), _commands, st.none() | st.integers(0, 10**6), st.booleans())
def test_cli_on_files_and_stdin(
    data: Any, command: list[str], garble: int | None, stdin: bool
) -> None:
    count("cli")
    content = _bytes(data, garble)
    if stdin:
        status, out, err = _run([*command, "-"], stdin=content)
    else:
        path = _DIR / "report.json"
        path.write_bytes(content)
        status, out, err = _run([*command, str(path)])
    assert status in (0, 1, 2), err
    assert "Traceback" not in err
    out.encode("utf-8")
    err.encode("utf-8")
