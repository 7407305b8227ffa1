"""Stage ``outline``: the lines of a report as document blocks — title, metadata, headings,
paragraphs, signature — each with its span and the lines it was read from.

The signature is read first, from the end (:mod:`~govdisclosure.parse._signature`); then
the lines in order: metadata (``发布日期：…``, a ``<dl>``), the title, headings
(:mod:`~govdisclosure.parse._headings`, run-in ones split from their first paragraph), and
paragraphs. Page chrome and the short lines of front matter are passed over (GP103). Where
the front end says its lines are physical lines that may break a paragraph
(:attr:`~govdisclosure.parse._frontends.FrontEnd.broken_lines`), a line continues the
paragraph before it while that paragraph has an open bracket or ends with a comma.
"""

from __future__ import annotations

from typing import Any

import attrs

from govdisclosure.document import (
    Heading,
    MetadataBlock,
    MetadataItem,
    Paragraph,
    Span,
    Title,
)
from govdisclosure.layout.match import simplified
from govdisclosure.numerals import find_date
from govdisclosure.parse._chrome import is_chrome
from govdisclosure.parse._headings import NOT_TITLE_END, Head, heading, peel_headings, run_in
from govdisclosure.parse._narrative import attribute_of, is_metadata_label, metadata_pairs
from govdisclosure.parse._signature import read_signature
from govdisclosure.parse._stages._state import Outline, Sourced, State, need
from govdisclosure.parse._types import ParseFinding
from govdisclosure.parse._units import Line, Region, Unit

__all__ = ["outline", "run"]

_DATE_FIELDS = frozenset({"published", "document_date"})


def run(state: State) -> State:
    """The state with :attr:`State.outline`."""
    broken = need(state.front, "front end").broken_lines
    result = outline(state.units, broken_lines=broken)
    return state.found(result.findings, outline=result)


def outline(units: tuple[Unit, ...], *, broken_lines: bool = False) -> Outline:
    """The outline of a source's units.

    >>> from govdisclosure.parse._units import Line
    >>> out = outline((Line("某局2015年报告", 0, 9), Line("一、总体情况", 10, 16),
    ...                Line("全年公开信息3条。", 17, 26)))
    >>> [type(s.block).__name__ for s in out.blocks]
    ['Title', 'Heading', 'Paragraph']
    """
    lines = [u for u in units if isinstance(u, Line)]
    regions: list[Region] = []
    peeled: list[Line] = []
    for u in units:
        if isinstance(u, Region):
            heads, rest = peel_headings(u)
            peeled.extend(heads)
            regions.append(rest)
    if peeled:  # a section heading printed as the first row of its table
        lines = sorted([*lines, *peeled], key=lambda ln: ln.start)
    after = regions[-1].end if regions else -1
    body, chrome, signed = read_signature(lines, after=after)
    reader = _Outliner(broken_lines, skipped=list(chrome))
    for line in body:
        reader.line(line)
    blocks, findings = reader.finish()
    if signed is not None:
        lines_of = (signed.agency_line, signed.date_line)
        blocks = (Sourced(signed.block, lines_of), *blocks)
    return Outline(blocks, tuple(regions), findings, front=tuple(reader.front))


@attrs.define
class _Open:
    """A section heading read, while sections may still open under it."""

    level: int
    path: tuple[int, ...]
    children: int = 0


class _Outliner:
    """Reads the body lines in order into blocks; :meth:`finish` hands them over."""

    def __init__(self, broken_lines: bool, skipped: list[Line]) -> None:
        self.broken_lines = broken_lines
        self.items: list[Sourced] = []
        self.findings: list[ParseFinding] = []
        self.skipped = skipped
        self.meta: list[tuple[MetadataItem, Line]] = []
        self.attrs: set[str] = set()
        self.title: str | None = None
        self.front: list[Line] = []  # short lines of front matter passed over
        self.stack: list[_Open] = []
        self.top = 0
        self.pending: tuple[str, Line] | None = None  # a metadata label (a <dt>) awaiting its value
        self.para = _Continued()

    def line(self, line: Line) -> None:
        """Read one body line."""
        if self._metadata(line):
            return
        if is_chrome(line.text):
            self.skipped.append(line)
            return
        split = run_in(line)
        h = heading(line) if split is None else split[1]
        if h is not None and not (line.hint == "heading" and line.level == 0):
            self._heading(line if split is None else split[0], h)
            if split is not None:  # the paragraph printed on the heading's line
                self._paragraph(split[2], continues=False)
            return
        if not self._front_matter(line):
            self._paragraph(line, continues=self.broken_lines)

    def _metadata(self, line: Line) -> bool:
        """Whether ``line`` is metadata (read as such)."""
        t = line.text
        in_front = not self.top
        if self.pending is not None:
            label, lab_line = self.pending
            self.pending = None
            if line.hint == "item" and is_metadata_label(t) is None:
                self._meta(attribute_of(label), label, t, line)
                return True
            self._meta(attribute_of(label), label, "", lab_line)
        if in_front and line.hint == "item" and is_metadata_label(t) is not None:
            self.pending = (is_metadata_label(t) or "", line)
            return True
        if in_front or line.hint in ("item", "row"):
            pairs = metadata_pairs(t, colon=line.hint != "row")
            if pairs is not None and (in_front or len(pairs) > 1):
                for attr, label, value, at in pairs:
                    self._meta(attr, label, value, line, at)
                return True
        return False

    def _meta(self, attr: str | None, label: str, value: str, line: Line, at: int = 0) -> None:
        """One metadata item (the first of each attribute counts; a date is read as one);
        ``at`` is where its label starts in the line (its value is located after it)."""
        if attr is None or attr in self.attrs:
            return
        self.attrs.add(attr)
        raw = value.strip()
        v: Any = raw or None
        span = Span(line.start, line.end)
        if v is not None and attr in _DATE_FIELDS:
            v = find_date(raw, numeric=True)
            if v is None:
                self.findings.append(ParseFinding("GP170", (("raw", raw),), span))
        item = MetadataItem(attr, label, v if v is not None else "", span, line.element)
        start, end = line.start, line.end
        i = line.text.find(raw, at) if raw else -1
        if i >= 0 and end - start == len(line.text):  # the value's own span
            start, end = start + i, start + i + len(raw)
        self.meta.append((item, Line(raw, start, end, line.element, place=line.place)))

    def _heading(self, line: Line, h: Head) -> None:
        level, ordinal, title = h
        stack = self.stack
        while stack and stack[-1].level >= level:
            stack.pop()
        siblings = stack[-1].children if stack else self.top
        if not ordinal:
            ordinal = siblings + 1
        if stack:
            stack[-1].children += 1
        else:
            self.top += 1
        path = (*(stack[-1].path if stack else ()), ordinal)
        stack.append(_Open(level, path))
        block = Heading(len(path), path, ordinal, title, span=_span(line), element=line.element)
        self.para.close(self.items)
        self.items.append(Sourced(block, (line,)))

    def _front_matter(self, line: Line) -> bool:
        """Whether ``line`` is the title or other front matter before the first heading
        (read as such: the title as a block, the rest passed over)."""
        if self.top:  # a heading has been read
            return False
        t = line.text
        if self.title is None and _title_like(line):
            self.title = t
            self.items.append(Sourced(Title(t, _span(line), line.element), (line,)))
            return True
        if (self.title is not None and t == self.title) or _short_front_line(t):
            self.skipped.append(line)
            self.front.append(line)
            return True
        return False

    def _paragraph(self, line: Line, *, continues: bool) -> None:
        if continues and self.para.goes_on():
            self.para.add(line)  # a paragraph broken over lines: joined once, at its end
            return
        self.para.close(self.items)
        self.items.append(Sourced(_paragraph_block(line), (line,)))
        self.para.open(len(self.items) - 1, line)

    def finish(self) -> tuple[tuple[Sourced, ...], tuple[ParseFinding, ...]]:
        """The blocks read, in reading order, and the findings."""
        self.para.close(self.items)
        if self.pending is not None:
            label, lab_line = self.pending
            self._meta(attribute_of(label), label, "", lab_line)
        findings = list(self.findings)
        if self.skipped:
            first = self.skipped[0]
            args = (("count", len(self.skipped)), ("example", first.text[:20]))
            findings.append(ParseFinding("GP103", args, _span(first)))
        items = list(self.items)
        if self.meta:
            first_line, last_line = self.meta[0][1], self.meta[-1][1]
            block = MetadataBlock(
                tuple(i for i, _ in self.meta),
                Span(first_line.start, last_line.end),
                self.meta[0][0].element,
            )
            items.append(Sourced(block, tuple(ln for _, ln in self.meta)))
        return tuple(items), tuple(findings)


class _Continued:
    """The paragraph last read, while lines may continue it: its lines so far and the depth
    of its open brackets, kept as it grows so that a long broken paragraph costs linear
    time; :meth:`close` writes the joined paragraph back."""

    __slots__ = ("depth", "first", "index", "last", "pieces")

    def __init__(self) -> None:
        self.index = -1
        self.first: Line | None = None
        self.last: Line | None = None
        self.pieces: list[str] = []
        self.depth = 0

    def open(self, index: int, line: Line) -> None:
        self.index, self.first, self.last, self.pieces = index, line, None, [line.text]
        self.depth = _depth(line.text)

    def goes_on(self) -> bool:
        """Whether the paragraph is open and unfinished (a bracket open, a comma at its end)."""
        return self.first is not None and (self.depth > 0 or self.pieces[-1].endswith((",", "，")))

    def add(self, line: Line) -> None:
        self.pieces.append(line.text)
        self.depth += _depth(line.text)
        self.last = line

    def close(self, items: list[Sourced]) -> None:
        first, last = self.first, self.last
        if first is not None and last is not None:
            joined = "\n".join(self.pieces)
            line = Line(joined, first.start, last.end, first.element, place=first.place)
            items[self.index] = Sourced(_paragraph_block(line), (line,))
        self.first, self.last, self.pieces = None, None, []


def _paragraph_block(line: Line) -> Paragraph:
    return Paragraph(line.text, span=_span(line), element=line.element)


def _span(line: Line) -> Span:
    return Span(line.start, line.end)


def _depth(text: str) -> int:
    """Opening brackets less closing ones (a paragraph with more opened than closed goes on)."""
    return text.count("(") + text.count("（") - text.count(")") - text.count("）")


def _title_like(line: Line) -> bool:
    t = simplified(line.text)
    if line.hint == "heading" and line.level == 0:
        return True
    return (
        len(t) <= 80
        and "。" not in t
        and ("报告" in t or "年报" in t)
        and t[-1] not in NOT_TITLE_END
    )


def _short_front_line(text: str) -> bool:
    """A short line before the first heading that is no paragraph (a document number, a
    date line, a site name)."""
    return len(text) < 24 and not text.endswith(("。", ":", "：")) and "报告" not in text
