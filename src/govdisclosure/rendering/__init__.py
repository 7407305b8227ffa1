"""Render a report as publishable text, Markdown, HTML, a Word file or a PDF.

One entry point, :data:`render`, which is both a function of the format and a namespace of
the five renderers:

>>> from govdisclosure import examples
>>> from govdisclosure.rendering import RenderOptions, render
>>> report = examples.load("jianghe-2021")
>>> render(report, "text") == render.text(report)
True
>>> render.html(report, options=RenderOptions(standalone=False)).splitlines()[0]
'<article class="gd-report" lang="zh-CN" data-edition="standard-2021">'
>>> render(report, "odt")
Traceback (most recent call last):
...
ValueError: unknown format 'odt': expected one of 'text', 'markdown', 'html', 'docx', 'pdf'

Every renderer is a pure function ``(report, *, locale="zh_CN", options=None) -> str``: the
locale is an argument (``"zh_CN"``; ``"en"`` prints every label and known heading in English),
never read from the environment, and :class:`RenderOptions` holds the rest. The two binary
formats return ``bytes`` in the official 公文 layout (GB/T 9704-2012) and take one more
keyword, ``font``: ``"docx"`` (python-docx, the ``docx`` extra) and ``"pdf"`` (WeasyPrint,
the ``pdf`` extra; a CJK font must be installed, else :class:`FontNotFoundError`).

>>> render.binary
('docx', 'pdf')
>>> render(report, "docx")[:2]
b'PK'
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Final, Literal, overload

from govdisclosure.rendering._gongwen import FontNotFoundError, MissingExtraError
from govdisclosure.rendering._options import RenderOptions

if TYPE_CHECKING:  # pragma: no cover
    from govdisclosure.model import Report

__all__ = [
    "BINARY_FORMATS",
    "FORMATS",
    "BinaryFormat",
    "FontNotFoundError",
    "Format",
    "MissingExtraError",
    "RenderOptions",
    "Renderer",
    "render",
]

Format = Literal["text", "markdown", "html"]
"""The names of the formats rendered as text (``str``)."""

BinaryFormat = Literal["docx", "pdf"]
"""The names of the formats rendered as ``bytes`` (the 公文 layout)."""

FORMATS: Final[tuple[Format, ...]] = ("text", "markdown", "html")
BINARY_FORMATS: Final[tuple[BinaryFormat, ...]] = ("docx", "pdf")


class Renderer:
    """Call it with a format name, or use the method of the format.

    >>> render.formats, render.binary
    (('text', 'markdown', 'html'), ('docx', 'pdf'))
    """

    __slots__ = ()

    formats: Final[tuple[Format, ...]] = FORMATS
    binary: Final[tuple[BinaryFormat, ...]] = BINARY_FORMATS

    @overload
    def __call__(
        self,
        report: Report,
        fmt: Format,
        *,
        locale: str = ...,
        options: RenderOptions | None = ...,
    ) -> str: ...

    @overload
    def __call__(
        self,
        report: Report,
        fmt: BinaryFormat,
        *,
        locale: str = ...,
        options: RenderOptions | None = ...,
        font: str | None = ...,
    ) -> bytes: ...

    @overload
    def __call__(
        self,
        report: Report,
        fmt: Format | BinaryFormat,
        *,
        locale: str = ...,
        options: RenderOptions | None = ...,
    ) -> str | bytes: ...

    def __call__(
        self,
        report: Report,
        fmt: Format | BinaryFormat,
        *,
        locale: str = "zh_CN",
        options: RenderOptions | None = None,
        font: str | None = None,
    ) -> str | bytes:
        """``report`` rendered in format ``fmt``: a ``str`` for "text", "markdown" and
        "html", ``bytes`` for "docx" and "pdf" (which alone take ``font``)."""
        methods: dict[object, Callable[..., str | bytes]] = {
            "text": self.text,
            "markdown": self.markdown,
            "html": self.html,
            "docx": self.docx,
            "pdf": self.pdf,
        }
        try:
            method = methods[fmt]
        except (KeyError, TypeError):  # TypeError: an unhashable fmt
            expected = ", ".join(repr(f) for f in FORMATS + BINARY_FORMATS)
            raise ValueError(f"unknown format {fmt!r}: expected one of {expected}") from None
        if fmt in BINARY_FORMATS:
            return method(report, locale=locale, options=options, font=font)
        if font is not None:
            raise TypeError(f"font= applies to the formats {BINARY_FORMATS}, not to {fmt!r}")
        return method(report, locale=locale, options=options)

    # The renderers are imported on first use: ``import govdisclosure`` stays cheap.

    def text(
        self, report: Report, *, locale: str = "zh_CN", options: RenderOptions | None = None
    ) -> str:
        """Plain text; see :mod:`govdisclosure.rendering.text`."""
        from govdisclosure.rendering import text

        return text.render(report, locale=locale, options=options)

    def markdown(
        self, report: Report, *, locale: str = "zh_CN", options: RenderOptions | None = None
    ) -> str:
        """GitHub-flavoured Markdown; see :mod:`govdisclosure.rendering.markdown`."""
        from govdisclosure.rendering import markdown

        return markdown.render(report, locale=locale, options=options)

    def html(
        self, report: Report, *, locale: str = "zh_CN", options: RenderOptions | None = None
    ) -> str:
        """HTML in the official table layout; see :mod:`govdisclosure.rendering.html`."""
        from govdisclosure.rendering import html

        return html.render(report, locale=locale, options=options)

    def docx(
        self,
        report: Report,
        *,
        locale: str = "zh_CN",
        options: RenderOptions | None = None,
        font: str | None = None,
    ) -> bytes:
        """A Word file in the 公文 layout; see :mod:`govdisclosure.rendering.docx`."""
        from govdisclosure.rendering import docx

        return docx.render(report, locale=locale, options=options, font=font)

    def pdf(
        self,
        report: Report,
        *,
        locale: str = "zh_CN",
        options: RenderOptions | None = None,
        font: str | None = None,
    ) -> bytes:
        """A PDF in the 公文 layout; see :mod:`govdisclosure.rendering.pdf`."""
        from govdisclosure.rendering import pdf

        return pdf.render(report, locale=locale, options=options, font=font)

    def __repr__(self) -> str:
        return "<govdisclosure render: " + ", ".join(FORMATS + BINARY_FORMATS) + ">"

    def __reduce__(self) -> str:
        return "render"


render: Final = Renderer()
"""Render a report: ``render(report, "html")`` or ``render.html(report)``."""
