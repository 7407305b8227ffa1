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

Reading is the ordered list of named stages :data:`STAGES` (decode, detect, front end,
outline, infer, tables, assemble); an input format is one registered :class:`FrontEnd`
(:mod:`~govdisclosure.parse._frontends`):

>>> [stage.name for stage in STAGES][:3], frontends.names()
(['decode', 'detect', 'front end'], ('pdf', 'docx', 'doc', 'html', 'markdown', 'text'))
"""

from __future__ import annotations

import os
import re
import sys
import types
from collections.abc import Callable
from typing import Any, Literal

from govdisclosure.errors import ParseError
from govdisclosure.layout import Edition
from govdisclosure.parse import _frontends as frontends
from govdisclosure.parse._docx import is_docx, is_ole, read_doc, read_docx
from govdisclosure.parse._frontends import FrontEnd, FrontEndOutput
from govdisclosure.parse._html import html_units
from govdisclosure.parse._pdf import is_pdf, read_pdf
from govdisclosure.parse._stages import STAGES, Overrides, Stage, run
from govdisclosure.parse._text import text_units
from govdisclosure.parse._types import (
    CODES,
    Origin,
    Parsed,
    ParseFinding,
    ParseSeverity,
    Place,
    SourceMap,
)

__all__ = [
    "CODES",
    "STAGES",
    "FrontEnd",
    "FrontEndOutput",
    "Origin",
    "ParseFinding",
    "ParseSeverity",
    "Parsed",
    "Place",
    "SourceMap",
    "Stage",
    "detect_format",
    "frontends",
    "parse",
    "parse_docx",
    "parse_html",
    "parse_markdown",
    "parse_pdf",
    "parse_text",
]

SourceFormat = Literal["auto", "text", "markdown", "html"]

_HTML = re.compile(
    r"<(?:!doctype|html|head|body|div|p|table|tr|td|h[1-6]|span|br|meta|article|section)\b",
    re.I,
)
_MD = re.compile(r"^(?:#{1,6} |\|?\s*:?-{3,}:?\s*\|)", re.M)


def _text_front(markdown: bool) -> Callable[[str], FrontEndOutput]:
    def read(text: str) -> FrontEndOutput:
        return FrontEndOutput(text, tuple(text_units(text, markdown=markdown)))

    return read


def _read_html(text: str) -> FrontEndOutput:
    return FrontEndOutput(text, tuple(html_units(text)))


frontends.register(FrontEnd("pdf", read_pdf, sniff=is_pdf, binary=True, suffixes=(".pdf",)))
frontends.register(FrontEnd("docx", read_docx, sniff=is_docx, binary=True, suffixes=(".docx",)))
frontends.register(FrontEnd("doc", read_doc, sniff=is_ole, binary=True, suffixes=(".doc", ".wps")))
frontends.register(
    FrontEnd(
        "html",
        _read_html,
        sniff=lambda head: bool(_HTML.search(head)),
        suffixes=(".html", ".htm", ".shtml", ".xhtml"),
    )
)
frontends.register(
    FrontEnd(
        "markdown",
        _text_front(True),
        sniff=lambda head: bool(_MD.search(head)),
        suffixes=(".md", ".markdown"),
    )
)
frontends.register(
    FrontEnd("text", _text_front(False), broken_lines=True, suffixes=(".txt", ".text"))
)


def detect_format(text: str) -> str:
    """The name of the registered text format of ``text`` ("html", "markdown", …), from its
    first 4 KB; "text" when no front end claims it.

    >>> detect_format("<p>一、总体情况</p>"), detect_format("## 一、总体情况")
    ('html', 'markdown')
    >>> detect_format("一、总体情况")
    'text'
    """
    front = frontends.detect(text, binary=False)
    return "text" if front is None else front.name


def parse(
    source: str | bytes | os.PathLike[str],
    *,
    format: SourceFormat | str = "auto",
    edition: Edition | None = None,
    year: int | None = None,
    agency: str | None = None,
) -> Parsed:
    """Read a published report: ``source`` is text, Markdown or HTML (``str``, or ``bytes``
    in any common encoding), the bytes of any other registered format (PDF, Word), or the
    path (:class:`os.PathLike`) of a file holding any of these. ``format="auto"`` tells them
    apart by content, not by file name; ``edition``, ``year`` and ``agency`` override what
    the source says.

    Raises :class:`~govdisclosure.errors.ParseError` when the input is no text at all (not
    ``str``, ``bytes`` or a path), a path cannot be read, ``format`` names no registered
    front end, or a binary file cannot be opened (a truncated, corrupt or encrypted PDF, a
    broken Word file, a missing extra); anything else gives a :class:`Parsed` with
    findings.
    """
    front: FrontEnd | None = None
    if isinstance(source, os.PathLike):
        source = _read_path(source)
    if format != "auto":
        try:
            front = frontends.front_end(format)
        except ValueError as exc:
            raise ParseError(str(exc)) from None
    given: object = source
    if isinstance(given, bytes | bytearray | memoryview):
        data: str | bytes = bytes(given)
    elif isinstance(given, str):
        if front is not None and front.binary:
            raise ParseError(f"the {front.name} format is read from bytes, not from text")
        data = given
    else:
        raise ParseError(f"expected text or bytes to parse, found {type(given).__name__}")
    try:
        return run(data, front, Overrides(edition, year, agency))
    except RecursionError as exc:  # pragma: no cover - nothing recurses on the input
        raise ParseError(f"input too deeply nested to read: {exc}") from None


def _read_path(path: os.PathLike[str]) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except OSError as exc:
        raise ParseError(f"cannot read {os.fspath(path)!r}: {exc.strerror or exc}") from None


def parse_pdf(source: bytes | os.PathLike[str], **kwargs: object) -> Parsed:
    """:func:`parse` with ``format="pdf"``: the text layer of a PDF, every unit with its
    page and box (needs the ``pdf`` extra)."""
    return parse(source, format="pdf", **kwargs)  # type: ignore[arg-type]


def parse_docx(source: bytes | os.PathLike[str], **kwargs: object) -> Parsed:
    """:func:`parse` with ``format="docx"``: a Word file, every unit with its paragraph,
    table, row and cell; ``.doc`` and ``.wps`` files are converted by LibreOffice first."""
    if not isinstance(source, str):
        data = _read_path(source) if isinstance(source, os.PathLike) else bytes(source)
        if is_ole(data[:8]):
            return parse(data, format="doc", **kwargs)  # type: ignore[arg-type]
        source = data
    return parse(source, format="docx", **kwargs)  # type: ignore[arg-type]


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

    def __call__(self, source: str | bytes | os.PathLike[str], **kwargs: Any) -> Parsed:
        return parse(source, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
