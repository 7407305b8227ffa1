"""Reading published reports — plain text, HTML and Markdown — back into the model.

>>> from govdisclosure import examples
>>> parsed = parse(examples.source_text("xianning-2015"))
>>> parsed.report == examples.load("xianning-2015")
False
>>> parsed.report.title, parsed.report.edition.value
('咸宁市民政局2015年政府信息公开工作年度报告', 'legacy-2008')
>>> parsed.provenance["$.signature.date"].raw
'2016年1月29日'

The package is also the function: ``govdisclosure.parse(source)`` is :func:`parse`, as
``govdisclosure.render(report, fmt)`` is the renderer.

>>> import govdisclosure as gd
>>> gd.parse("一、总体情况\\n本年度共收到申请3件。").report.sections[0].title
'总体情况'

Every figure and text field read is in :attr:`Parsed.provenance` under its JSON path, with
its span, line and column in :attr:`Parsed.text`; :attr:`Parsed.findings` say what was
unreadable, ambiguous, repaired or guessed (codes GP1xx). Bytes are decoded by their BOM,
their ``<meta charset>``, strict UTF-8 or GB18030, in that order.
"""

from __future__ import annotations

import re
import sys
import types
from typing import Any, Literal

from govdisclosure.errors import ParseError
from govdisclosure.layout import Edition
from govdisclosure.parse._decode import decode
from govdisclosure.parse._html import html_units
from govdisclosure.parse._reader import read_units
from govdisclosure.parse._text import text_units
from govdisclosure.parse._types import (
    CODES,
    Origin,
    Parsed,
    ParseFinding,
    ParseSeverity,
    SourceMap,
)

__all__ = [
    "CODES",
    "Origin",
    "ParseFinding",
    "ParseSeverity",
    "Parsed",
    "SourceMap",
    "detect_format",
    "parse",
    "parse_html",
    "parse_markdown",
    "parse_text",
]

SourceFormat = Literal["auto", "text", "markdown", "html"]

_HTML = re.compile(
    r"<(?:!doctype|html|head|body|div|p|table|tr|td|h[1-6]|span|br|meta|article|section)\b",
    re.I,
)
_MD = re.compile(r"^(?:#{1,6} |\|?\s*:?-{3,}:?\s*\|)", re.M)


def detect_format(text: str) -> str:
    """ "html", "markdown" or "text", from the first 4 KB of ``text``.

    >>> detect_format("<p>一、总体情况</p>"), detect_format("## 一、总体情况")
    ('html', 'markdown')
    >>> detect_format("一、总体情况")
    'text'
    """
    head = text[:4096]
    if _HTML.search(head):
        return "html"
    if _MD.search(head):
        return "markdown"
    return "text"


def parse(
    source: str | bytes,
    *,
    format: SourceFormat = "auto",
    edition: Edition | None = None,
    year: int | None = None,
    agency: str | None = None,
) -> Parsed:
    """Read a published report: ``source`` is text, Markdown or HTML (``str``, or ``bytes``
    in any common encoding). ``format="auto"`` tells them apart; ``edition``, ``year`` and
    ``agency`` override what the source says.

    Raises :class:`~govdisclosure.errors.ParseError` only when the input is no text at all
    (not ``str`` or ``bytes``); anything else gives a :class:`Parsed` with findings.
    """
    findings: list[ParseFinding] = []
    if isinstance(source, bytes | bytearray | memoryview):
        text, finding = decode(bytes(source))
        if finding is not None:
            findings.append(finding)
    elif isinstance(source, str):
        text = source
    else:
        raise ParseError(f"expected text or bytes to parse, found {type(source).__name__}")
    if "\x00" in text:
        text = text.replace("\x00", "\ufffd")
    fmt = detect_format(text) if format == "auto" else format
    if fmt not in ("text", "markdown", "html"):
        raise ParseError(f"unknown format {format!r}: expected auto, text, markdown or html")
    try:
        units = html_units(text) if fmt == "html" else text_units(text, markdown=fmt == "markdown")
        return read_units(text, units, fmt, findings, edition=edition, year=year, agency=agency)
    except RecursionError as exc:  # pragma: no cover - nothing recurses on the input
        raise ParseError(f"input too deeply nested to read: {exc}") from None


def parse_text(source: str | bytes, **kwargs: object) -> Parsed:
    """:func:`parse` with ``format="text"``."""
    return parse(source, format="text", **kwargs)  # type: ignore[arg-type]


def parse_markdown(source: str | bytes, **kwargs: object) -> Parsed:
    """:func:`parse` with ``format="markdown"``."""
    return parse(source, format="markdown", **kwargs)  # type: ignore[arg-type]


def parse_html(source: str | bytes, **kwargs: object) -> Parsed:
    """:func:`parse` with ``format="html"``."""
    return parse(source, format="html", **kwargs)  # type: ignore[arg-type]


class _CallableModule(types.ModuleType):
    """``govdisclosure.parse``: the package of the readers, and :func:`parse` itself."""

    def __call__(self, source: str | bytes, **kwargs: Any) -> Parsed:
        return parse(source, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
