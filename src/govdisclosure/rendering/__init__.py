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

import importlib
from collections.abc import Callable
from typing import (
    TYPE_CHECKING,
    Final,
    Generic,
    Literal,
    Protocol,
    TypedDict,
    TypeVar,
    Unpack,
    overload,
)

from govdisclosure.rendering._gongwen import FontNotFoundError, MissingExtraError
from govdisclosure.rendering._options import RenderOptions

if TYPE_CHECKING:  # pragma: no cover
    from govdisclosure.model import Report

__all__ = [
    "BINARY_FORMATS",
    "FORMATS",
    "BinaryFormat",
    "BinaryRenderKeywords",
    "BinaryRenderer",
    "FontNotFoundError",
    "Format",
    "MissingExtraError",
    "RenderKeywords",
    "RenderOptions",
    "Renderer",
    "TextRenderer",
    "render",
]

Format = Literal["text", "markdown", "html"]
"""The names of the formats rendered as text (``str``)."""

BinaryFormat = Literal["docx", "pdf"]
"""The names of the formats rendered as ``bytes`` (the 公文 layout)."""

FORMATS: Final[tuple[Format, ...]] = ("text", "markdown", "html")
BINARY_FORMATS: Final[tuple[BinaryFormat, ...]] = ("docx", "pdf")


class RenderKeywords(TypedDict, total=False):
    """The keywords every renderer takes: ``locale`` (default ``"zh_CN"``) and ``options``
    (default ``None``: :class:`RenderOptions()`)."""

    locale: str
    options: RenderOptions | None


class BinaryRenderKeywords(RenderKeywords, total=False):
    """The keywords of the renderers of bytes (``docx``, ``pdf``): those of every renderer and
    ``font``, a family to set every part in (default ``None``: the 公文 faces)."""

    font: str | None


class TextRenderer(Protocol):
    """A renderer of text: ``render.text``, ``render.markdown``, ``render.html`` (each the
    ``render`` function of its module)."""

    def __call__(self, report: Report, **keywords: Unpack[RenderKeywords]) -> str: ...


class BinaryRenderer(Protocol):
    """A renderer of bytes: ``render.docx``, ``render.pdf``."""

    def __call__(self, report: Report, **keywords: Unpack[BinaryRenderKeywords]) -> bytes: ...


_F = TypeVar("_F", TextRenderer, BinaryRenderer)


class _Lazy(Generic[_F]):
    """A format of :class:`Renderer`: the ``render`` function of the module of its name,
    imported when first asked for."""

    def __init__(self, doc: str) -> None:
        self.__doc__ = doc

    def __set_name__(self, owner: type, name: str) -> None:
        self.module = f"govdisclosure.rendering.{name}"

    @overload
    def __get__(self, obj: None, owner: type) -> _Lazy[_F]: ...

    @overload
    def __get__(self, obj: object, owner: type) -> _F: ...

    def __get__(self, obj: object, owner: type) -> _Lazy[_F] | _F:
        if obj is None:
            return self
        function: _F = importlib.import_module(self.module).render
        return function


class Renderer:
    """Call it with a format name, or use the method of the format.

    >>> render.formats, render.binary
    (('text', 'markdown', 'html'), ('docx', 'pdf'))
    """

    __slots__ = ()

    formats: Final[tuple[Format, ...]] = FORMATS
    binary: Final[tuple[BinaryFormat, ...]] = BINARY_FORMATS

    @overload
    def __call__(self, report: Report, fmt: Format, **keywords: Unpack[RenderKeywords]) -> str: ...

    @overload
    def __call__(
        self, report: Report, fmt: BinaryFormat, **keywords: Unpack[BinaryRenderKeywords]
    ) -> bytes: ...

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
        if not isinstance(fmt, str) or fmt not in FORMATS + BINARY_FORMATS:
            expected = ", ".join(repr(f) for f in FORMATS + BINARY_FORMATS)
            raise ValueError(f"unknown format {fmt!r}: expected one of {expected}")
        method: Callable[..., str | bytes] = getattr(self, fmt)
        if fmt in BINARY_FORMATS:
            return method(report, locale=locale, options=options, font=font)
        if font is not None:
            raise TypeError(f"font= applies to the formats {BINARY_FORMATS}, not to {fmt!r}")
        return method(report, locale=locale, options=options)

    # The renderers are imported on first use: ``import govdisclosure`` stays cheap.
    text: _Lazy[TextRenderer] = _Lazy("Plain text; see :mod:`govdisclosure.rendering.text`.")
    markdown: _Lazy[TextRenderer] = _Lazy(
        "GitHub-flavoured Markdown; see :mod:`govdisclosure.rendering.markdown`."
    )
    html: _Lazy[TextRenderer] = _Lazy(
        "HTML in the official table layout; see :mod:`govdisclosure.rendering.html`."
    )
    docx: _Lazy[BinaryRenderer] = _Lazy(
        "A Word file in the 公文 layout; see :mod:`govdisclosure.rendering.docx`."
    )
    pdf: _Lazy[BinaryRenderer] = _Lazy(
        "A PDF in the 公文 layout; see :mod:`govdisclosure.rendering.pdf`."
    )

    def __repr__(self) -> str:
        return "<govdisclosure render: " + ", ".join(FORMATS + BINARY_FORMATS) + ">"

    def __reduce__(self) -> str:
        return "render"


render: Final = Renderer()
"""Render a report: ``render(report, "html")`` or ``render.html(report)``."""
