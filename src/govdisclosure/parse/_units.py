"""What the front ends hand the reader: lines of text and table regions, with spans.

A :class:`Line` is one heading, paragraph, list item or page line; a :class:`Region` is the
cells of a table, in reading order, as :class:`Tok` tokens. The front ends (text, Markdown,
HTML) differ in how they find these; the reader after them is one.
"""

from __future__ import annotations

import functools
import unicodedata

import attrs

from govdisclosure.numerals import Ordinal, split_ordinal
from govdisclosure.numerals.chinese import NUMERAL_CHARS
from govdisclosure.parse._types import Place

__all__ = ["Line", "Region", "Tok", "ordinal_split"]

# The first character (after NFKC) of anything :func:`split_ordinal` reads: "(", a digit or a
# Chinese numeral; a line that starts otherwise is not looked at again.
_ORDINAL_FIRST = frozenset("(0123456789") | NUMERAL_CHARS


@functools.lru_cache(maxsize=4096)
def _first_may_open(ch: str) -> bool:
    return unicodedata.normalize("NFKC", ch)[:1] in _ORDINAL_FIRST


def ordinal_split(text: str) -> tuple[Ordinal, str] | None:
    """:func:`~govdisclosure.numerals.split_ordinal`, asked only of text whose first
    character can start an ordinal (most lines of a report cannot); short texts (headings,
    which repeat from report to report) are remembered."""
    s = text.lstrip()
    if not s or not _first_may_open(s[0]):
        return None
    if len(text) <= 64:
        return _short_split(text)
    return split_ordinal(text)


@functools.lru_cache(maxsize=4096)
def _short_split(text: str) -> tuple[Ordinal, str] | None:
    return split_ordinal(text)


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
    place: Place | None = None
    """Where on the printed page (paginated sources only)."""


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
    place: Place | None = None
    """Where on the printed page (paginated sources only)."""


@attrs.frozen(slots=True)
class Region:
    """The cells of one or more tables, in reading order."""

    toks: tuple[Tok, ...]
    start: int
    end: int
    element: str | None = None
    place: Place | None = None
    """Where the table starts on the printed page (paginated sources only)."""


Unit = Line | Region
