"""Reading report files for the command line (the library itself does no I/O)."""

from __future__ import annotations

import sys

from govdisclosure.io import from_json
from govdisclosure.model import Report

__all__ = ["read_report"]


def read_report(path: str) -> Report:
    """The JSON report at ``path`` (``-`` reads standard input).

    Raises :class:`~govdisclosure.StructureError` for unusable content and :class:`OSError`
    when the file cannot be read (standard input closed included).
    """
    if path == "-":
        stdin = sys.stdin
        if stdin is None or stdin.closed:
            raise OSError("standard input is closed")
        buffer = getattr(stdin, "buffer", None)
        return from_json(buffer.read() if buffer is not None else stdin.read())
    with open(path, "rb") as f:
        return from_json(f.read())
