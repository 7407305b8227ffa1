"""What the front ends hand the reader: lines of text and table regions, with spans.

A :class:`Line` is one heading, paragraph, list item or page line; a :class:`Region` is the
cells of a table, in reading order, as :class:`Tok` tokens. The front ends (text, Markdown,
HTML) differ in how they find these; the reader after them is one.
"""

from __future__ import annotations

import attrs

__all__ = ["Line", "Region", "Tok"]


@attrs.frozen(slots=True)
class Tok:
    """One cell of a table region as printed: ``text`` is the raw token."""

    text: str
    start: int
    end: int
    element: str | None = None
    row: int = -1
    """The source row the cell stands in (grid row for HTML, row for pipe tables; -1 unknown)."""
    col: int = -1
    colspan: int = 1


@attrs.frozen(slots=True)
class Line:
    """A line of text: ``hint`` "heading" (with ``level``) when the markup says so, "item"
    for list items and definition terms, "" otherwise."""

    text: str
    start: int
    end: int
    element: str | None = None
    hint: str = ""
    level: int = 0


@attrs.frozen(slots=True)
class Region:
    """The cells of one or more tables, in reading order."""

    toks: tuple[Tok, ...]
    start: int
    end: int
    element: str | None = None


Unit = Line | Region
