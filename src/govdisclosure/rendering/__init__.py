"""Render a report as publishable text, Markdown or HTML.

One entry point, :data:`render`, which is both a function of the format and a namespace of
the three renderers:

>>> from govdisclosure import examples
>>> from govdisclosure.rendering import RenderOptions, render
>>> report = examples.load("jianghe-2021")
>>> render(report, "text") == render.text(report)
True
>>> render.html(report, options=RenderOptions(standalone=False)).splitlines()[0]
'<article class="gd-report" lang="zh-CN" data-edition="standard-2021">'
>>> render(report, "pdf")
Traceback (most recent call last):
...
ValueError: unknown format 'pdf': expected one of 'text', 'markdown', 'html'

Every renderer is a pure function ``(report, *, locale="zh_CN", options=None) -> str``: the
locale is an argument (``"zh_CN"``; ``"en"`` prints every label and known heading in English),
never read from the environment, and :class:`RenderOptions` holds the rest.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Final, Literal

from govdisclosure.rendering._options import RenderOptions

if TYPE_CHECKING:  # pragma: no cover
    from govdisclosure.model import Report

__all__ = ["FORMATS", "Format", "RenderOptions", "Renderer", "render"]

Format = Literal["text", "markdown", "html"]
"""The names of the formats."""

FORMATS: Final[tuple[Format, ...]] = ("text", "markdown", "html")


class Renderer:
    """Call it with a format name, or use the method of the format.

    >>> render.formats
    ('text', 'markdown', 'html')
    """

    __slots__ = ()

    formats: Final[tuple[Format, ...]] = FORMATS

    def __call__(
        self,
        report: Report,
        fmt: Format,
        *,
        locale: str = "zh_CN",
        options: RenderOptions | None = None,
    ) -> str:
        """``report`` rendered in format ``fmt`` ("text", "markdown" or "html")."""
        methods: dict[object, Callable[..., str]] = {
            "text": self.text,
            "markdown": self.markdown,
            "html": self.html,
        }
        try:
            method = methods[fmt]
        except (KeyError, TypeError):  # TypeError: an unhashable fmt
            expected = ", ".join(repr(f) for f in FORMATS)
            raise ValueError(f"unknown format {fmt!r}: expected one of {expected}") from None
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

    def __repr__(self) -> str:
        return "<govdisclosure render: " + ", ".join(FORMATS) + ">"

    def __reduce__(self) -> str:
        return "render"


render: Final = Renderer()
"""Render a report: ``render(report, "html")`` or ``render.html(report)``."""
