"""The PDF front end: the text layer, with every character's box, to lines and table regions.

PDFs are read with pdfium (:mod:`pypdfium2`, Apache-2.0/BSD): the characters of every page
with their boxes, and the path objects that draw ruled lines. From these:

* **Tables**: horizontal and vertical rules that touch each other make a table; its grid
  lines are the distinct rule positions, and two neighbouring grid cells are one merged cell
  where no rule separates them. Characters fall into the cell their centre lies in. A table
  that ends a page and one that starts the next with columns on the same grid lines are one
  table (a repeated header row is dropped).
* **Lines**: the other characters, grouped into lines by their vertical position, in
  reading order; a paragraph wrapped at the page width is joined again (across a page break
  too); the title (the larger type at the top of the first page, often over two lines) is one
  heading line.
* **Page chrome**: page numbers ("— 3 —", "-3-", "第3页 共8页", "3/8") and lines repeated
  in the top or bottom margin of several pages are dropped (GP103).
* A page without any text but with images: a finding (GP105) that no text layer was found
  and no OCR was done — nothing is read from it.

The text handed on (:attr:`FrontEndOutput.text`) is rebuilt: one line per paragraph or
heading, one line per table row with its cells joined by " | "; every unit's span points
into it and its :class:`~govdisclosure.parse._types.Place` gives the page and the box in PDF
points from the page's top-left corner.
"""

from __future__ import annotations

import bisect
import importlib
import itertools
import re
import statistics
import threading
import zlib
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from govdisclosure.errors import ParseError
from govdisclosure.parse._frontends import FrontEndOutput
from govdisclosure.parse._labels import strength
from govdisclosure.parse._pdfgrid import _Cell, _cluster, _Table, _tables
from govdisclosure.parse._pdfpage import (
    _TOL,
    _Char,
    _Line,
    _lines,
    _page_chars,
    _page_rules,
    _wordy,
)
from govdisclosure.parse._types import ParseFinding, Place
from govdisclosure.parse._units import Line, Region, Tok, Unit

__all__ = ["MAX_PAGES", "is_pdf", "read_pdf"]

#: The most pages read from one PDF (a report has a handful; more is not a report).
MAX_PAGES = 2000
#: The most bytes the compressed streams of a PDF (other than images, which are never
#: decoded here) may inflate to, together: a stream bomb stops here, before pdfium.
MAX_INFLATED = 256 * 1024 * 1024

_EXTRA = "reading PDF needs the 'pdf' extra: pip install 'govdisclosure[pdf]' (pypdfium2)"
_LOCK = threading.Lock()  # pdfium is not thread-safe
_CENT = Decimal("0.01")

_PAGE_NUMBER = re.compile(
    r"^[\s\-—–\uff0d_·•]*(?:"
    r"\d{1,4}"
    r"|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|共\s*\d{1,4}\s*页\s*第\s*\d{1,4}\s*页"
    r"|\d{1,4}\s*/\s*\d{1,4}"
    r"|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?"
    r")[\s\-—–\uff0d_·•]*$",
    re.I,
)


def is_pdf(head: bytes) -> bool:
    """Whether ``head`` is the start of a PDF (``%PDF-`` within its first KB, as readers
    allow).

    >>> is_pdf(b"%PDF-1.7\\n"), is_pdf(b"PK\\x03\\x04")
    (True, False)
    """
    return b"%PDF-" in head[:1024]


def _pdfium() -> Any:
    try:
        return importlib.import_module("pypdfium2")
    except ImportError:  # pragma: no cover - the extra is installed where tests run
        raise ParseError(_EXTRA) from None


# ---- the document ----------------------------------------------------------------------------


def _dec(v: float) -> Decimal:
    d = Decimal(repr(round(v, 2))).quantize(_CENT)
    return d if d != 0 else Decimal("0.00")


def _place(page: int, box: tuple[float, float, float, float]) -> Place:
    return Place(page, (_dec(box[0]), _dec(box[1]), _dec(box[2]), _dec(box[3])))


def _chrome_key(text: str) -> str:
    return re.sub(r"\d+", "#", text.replace(" ", ""))


class _Page:
    __slots__ = ("height", "items", "number", "width")

    def __init__(self, number: int, width: float, height: float) -> None:
        self.number = number
        self.width = width
        self.height = height
        self.items: list[_Line | _Table] = []


def _top(item: _Line | _Table) -> float:
    return item.top if isinstance(item, _Line) else item.ys[0]


def read_pdf(data: bytes) -> FrontEndOutput:
    """The lines and tables of a PDF, with their pages and boxes.

    Raises :class:`~govdisclosure.errors.ParseError` for a file pdfium cannot open
    (truncated, corrupt beyond repair, encrypted with a password), with more than
    :data:`MAX_PAGES` pages, or when the ``pdf`` extra is not installed.
    """
    pdfium = _pdfium()
    raw = pdfium.raw
    _check_inflation(data)
    findings: list[ParseFinding] = []
    pages: list[_Page] = []
    with _LOCK:
        try:
            doc = pdfium.PdfDocument(bytes(data))
        except pdfium.PdfiumError as exc:
            raise ParseError(_open_error(str(exc))) from None
        try:
            n = len(doc)
            if n > MAX_PAGES:
                raise ParseError(f"the PDF has {n} pages; at most {MAX_PAGES} are read")
            for k in range(n):
                pages.append(_read_page(pdfium, raw, doc, k, findings))
        except pdfium.PdfiumError as exc:
            raise ParseError(f"the PDF cannot be read: {exc}") from None
        finally:
            doc.close()
    _drop_chrome(pages, findings)
    return _assemble(pages, findings)


_STREAM = re.compile(rb"stream\r?\n")
_CHUNK = 1 << 20


def _check_inflation(data: bytes) -> None:
    """Refuse a PDF whose Flate streams (images aside) inflate beyond :data:`MAX_INFLATED`
    bytes, measured chunk by chunk (never more than a chunk held at once)."""
    total = 0
    for m in _STREAM.finditer(data):
        head = data[max(0, m.start() - 512) : m.start()]
        at = head.rfind(b"<<")
        if at < 0:
            continue
        head = head[at:]
        if b"FlateDecode" not in head or b"/Image" in head:
            continue
        end = data.find(b"endstream", m.end())
        end = len(data) if end < 0 else end
        try:
            total += _inflated(data, m.end(), end, MAX_INFLATED - total)
        except zlib.error:
            continue  # a damaged stream: pdfium decides what it can read
        if total > MAX_INFLATED:
            raise ParseError(
                f"the PDF's compressed streams inflate beyond {MAX_INFLATED} bytes; not read"
            )


def _inflated(data: bytes, start: int, end: int, budget: int) -> int:
    """How many bytes ``data[start:end]`` inflates to (up to just over ``budget``). A stream
    whose first 64 KB inflate less than 50-fold is taken at that ratio without inflating the
    rest (fonts and page contents compress a few-fold; a bomb a thousand-fold)."""
    inflater = zlib.decompressobj()
    probe = min(end, start + (64 << 10))
    out = len(inflater.decompress(data[start:probe], 50 * (probe - start)))
    if not inflater.unconsumed_tail:
        if inflater.eof or probe == end:
            return out
        return out * (end - start) // max(1, probe - start)
    total = out
    tail = inflater.unconsumed_tail
    pos = probe
    while total <= budget:
        if tail:
            chunk, tail = tail, b""
        elif pos < end:
            chunk, pos = data[pos : min(end, pos + _CHUNK)], min(end, pos + _CHUNK)
        else:
            break
        total += len(inflater.decompress(chunk, _CHUNK))
        tail = inflater.unconsumed_tail
        if inflater.eof:
            break
    return total


def _open_error(msg: str) -> str:
    low = msg.lower()
    if "password" in low or "security" in low:
        return "the PDF is encrypted with a password; it cannot be read"
    return f"not a readable PDF (truncated or corrupt): {msg}"


def _read_page(pdfium: Any, raw: Any, doc: Any, k: int, findings: list[ParseFinding]) -> _Page:
    page = doc[k]
    try:
        width, height = page.get_size()
        result = _Page(k + 1, width, height)
        textpage = page.get_textpage()
        try:
            chars, cut = _page_chars(raw, textpage, height)
        finally:
            textpage.close()
        hs, vs, image_area = _page_rules(raw, page, height)
    finally:
        page.close()
    if cut:
        findings.append(ParseFinding("GP107", (("page", k + 1), ("count", cut))))
    if not chars:
        if image_area > 0:
            findings.append(ParseFinding("GP105", (("page", k + 1),)))
        return result
    if image_area > 0.15 * width * height:
        findings.append(ParseFinding("GP106", (("page", k + 1),)))
    tables = _tables(k + 1, hs, vs)
    loose: list[_Char] = []
    for ch in chars:
        cell = _cell_of(tables, ch)
        if cell is not None:
            cell.chars.append(ch)
        else:
            loose.append(ch)
    lines = _overflow(_lines(k + 1, loose), tables)
    items: list[_Line | _Table] = [*lines, *tables]
    items.sort(key=_top)
    result.items = items
    return result


_TOL_X = 1.0  # points: a spilled line may touch its cell's side rules


def _cell_of(tables: list[_Table], ch: _Char) -> _Cell | None:
    """The cell a character is drawn in: the one holding its centre, or — for a glyph that
    crosses a table's top or bottom rule, as text overflowing a cell that a page break cut
    off does — the cell on the table's side of that rule (text never crosses a table's outer
    rule from outside)."""
    cx, cy = (ch.x0 + ch.x1) / 2, (ch.top + ch.bottom) / 2
    for table in tables:
        cell = table.cell_at(cx, cy)
        if cell is not None:
            return cell
    for table in tables:
        top, bottom = table.ys[0], table.ys[-1]
        if ch.top < bottom < ch.bottom:
            cell = table.cell_at(cx, bottom)
        elif ch.top < top < ch.bottom:
            cell = table.cell_at(cx, top)
        else:
            continue
        if cell is not None:
            return cell
    return None


def _overflow(lines: list[_Line], tables: list[_Table]) -> list[_Line]:
    """Take back into their cells the lines a cell spilled below its table: a label merged
    over rows that a page break cut off goes on printing under the table's last rule
    ("三、本" / "年度办" / "理结果"). A line is such a spill when it starts right under the
    table (within a line's height of its bottom rule, or of the spilled line above it), lies
    wholly within the columns of one cell of the table's last row — a paragraph after a table
    starts with a line wider than one column — and is set in the size of the text already in
    that cell; a page number never is. The lines kept are returned."""
    if not tables:
        return lines
    taken: set[int] = set()
    for table in tables:
        bottom = table.ys[-1]
        for i, ln in sorted(enumerate(lines), key=lambda item: item[1].top):
            if i in taken or ln.top < bottom - 1:
                continue
            height = ln.bottom - ln.top
            cell = table.cell_at((ln.x0 + ln.x1) / 2, table.ys[-1] - 0.5)
            if (
                ln.top - bottom > height
                or cell is None
                or not cell.chars
                or ln.x0 < cell.x0 - _TOL_X
                or ln.x1 > cell.x1 + _TOL_X
                or any(abs(c.fs - cell.chars[0].fs) > 0.5 for c in ln.chars)
                or _PAGE_NUMBER.match(ln.text) is not None
            ):
                break
            cell.chars.extend(ln.chars)
            taken.add(i)
            bottom = ln.bottom
    return [ln for i, ln in enumerate(lines) if i not in taken]


def _drop_chrome(pages: list[_Page], findings: list[ParseFinding]) -> None:
    """Drop page numbers and lines repeated in the margins of several pages."""
    margin: dict[str, set[int]] = {}
    for p in pages:
        for ln in _margin_lines(p):
            margin.setdefault(_chrome_key(ln.text), set()).add(p.number)
    need = max(2, (len(pages) + 1) // 2)
    dropped: list[str] = []
    for p in pages:
        edge = set(map(id, _margin_lines(p)))
        keep: list[_Line | _Table] = []
        for item in p.items:
            if (
                isinstance(item, _Line)
                and id(item) in edge
                and (
                    _PAGE_NUMBER.match(item.text) is not None
                    or (
                        len(margin[_chrome_key(item.text)]) >= need
                        and len(item.text) <= 40
                        and not any(ch in item.text for ch in "。，,；;：")
                    )
                )
            ):
                dropped.append(item.text)
                continue
            keep.append(item)
        p.items = keep
    if dropped:
        findings.append(ParseFinding("GP103", (("count", len(dropped)), ("example", dropped[0]))))


def _margin_lines(p: _Page) -> list[_Line]:
    """The lines above the first or below the last other item, within the top or bottom
    eighth of the page."""
    out: list[_Line] = []
    band = p.height / 8
    for item in p.items:
        if isinstance(item, _Line) and item.bottom <= band:
            out.append(item)
        else:
            break
    for item in reversed(p.items):
        if isinstance(item, _Line) and item.top >= p.height - band:
            out.append(item)
        else:
            break
    return out


def _assemble(pages: list[_Page], findings: list[ParseFinding]) -> FrontEndOutput:
    sizes = [ln.size for p in pages for ln in p.items if isinstance(ln, _Line)]
    body = statistics.median(sizes) if sizes else 0.0
    out = _Writer()
    pending: list[_Line] = []  # the lines of the paragraph being built
    title: list[_Line] = []  # the lines of the title being built
    title_open = True  # the title may still come (first lines of the first page)
    region: _RegionBuilder | None = None
    left, right = _margins(pages)
    for p in pages:
        lines = [ln for ln in p.items if isinstance(ln, _Line)]
        pitch = _pitch(lines)
        for ln in lines:
            if ln.x0 <= left + 2.5 * ln.size and _full(ln, right) and len(ln.chars) > 12:
                ln.justified()
        for i, item in enumerate(p.items):
            if isinstance(item, _Table):
                if pending:
                    out.line(pending)
                    pending = []
                if title:
                    out.line(title, heading=True)
                    title = []
                title_open = False
                region = _add_table(out, region, item, first=i == 0)
                continue
            if region is not None:
                out.region(region)
                region = None
            if title_open:
                big = body > 0 and item.size >= 1.2 * body
                if big and (not title or _continues_title(title[-1], item)):
                    if pending:
                        out.line(pending)
                        pending = []
                    title.append(item)
                    continue
                if title or p.number > 1 or len(out.units) >= 6:
                    title_open = False
                if title:
                    out.line(title, heading=True)
                    title = []
            if pending and _continues(pending[-1], item, left, right, pitch):
                pending.append(item)
                continue
            if pending:
                out.line(pending)
            pending = [item]
        # a paragraph or a table may go on over the page break
        if region is not None and p.items and not isinstance(p.items[-1], _Table):
            out.region(region)
            region = None
    if title:
        out.line(title, heading=True)
    if pending:
        out.line(pending)
    if region is not None:
        out.region(region)
    return FrontEndOutput(out.text(), tuple(out.units), tuple(findings))


def _margins(pages: list[_Page]) -> tuple[float, float]:
    """The text's left and right margins over the document."""
    lefts = [ln.x0 for p in pages for ln in p.items if isinstance(ln, _Line)]
    rights = sorted(
        ln.x1 for p in pages for ln in p.items if isinstance(ln, _Line) and len(ln.chars) > 8
    )
    return _margin(lefts), rights[(len(rights) - 1) * 19 // 20] if rights else 0.0


def _add_table(
    out: _Writer, region: _RegionBuilder | None, table: _Table, *, first: bool
) -> _RegionBuilder:
    """``table`` continues ``region`` (it opens its page, the region ended the page before,
    the columns stand on the same grid lines), or ``region`` is written and ``table``
    starts a new one."""
    if region is not None:
        last = region.tables[-1]
        if first and table.page == last.page + 1 and _same_columns(last, table):
            region.extend(table)
            return region
        out.region(region)
    return _RegionBuilder(table)


def _margin(lefts: list[float]) -> float:
    """The text's left margin: the leftmost position where several lines start."""
    if not lefts:
        return 0.0
    need = max(2, len(lefts) // 20)
    ordered = sorted(lefts)
    for i, x in enumerate(ordered):
        j = bisect.bisect_right(ordered, x + _TOL, i)
        if j - i >= need:
            return x
    return ordered[0]


def _pitch(lines: list[_Line]) -> float:
    tops = [ln.top for ln in lines]
    gaps = [b - a for a, b in itertools.pairwise(tops) if b > a]
    return statistics.median(gaps) if gaps else 0.0


def _full(ln: _Line, right: float) -> bool:
    return ln.x1 >= right - 1.5 * ln.size


def _first_word(ln: _Line) -> float:
    """The width of the first word of ``ln`` (one character of CJK text)."""
    first = ln.chars[0]
    end = first.x1
    if _wordy(first.ch):
        for c in ln.chars[1:]:
            if not _wordy(c.ch):
                break
            end = c.x1
    return end - first.x0


def _continues(prev: _Line, ln: _Line, left: float, right: float, pitch: float) -> bool:
    if ln.x0 > left + 0.6 * ln.size or prev.x0 > left + 2.5 * prev.size:
        return False
    # wrapped: the line reaches the right margin, or the next word (with a character that
    # may not start or end a line) would not have fitted
    if not _full(prev, right) and prev.x1 + _first_word(ln) + 1.2 * ln.size < right:
        return False
    before = statistics.median(c.fs for c in prev.chars[-6:])
    after = statistics.median(c.fs for c in ln.chars[:6])
    if abs(before - after) > 0.1 * after:
        return False
    if "  " in prev.text or "  " in ln.text:
        return False
    if ln.page != prev.page:
        return True
    return pitch > 0 and ln.top - prev.top <= pitch * 1.15


def _continues_title(prev: _Line, ln: _Line) -> bool:
    return abs(prev.size - ln.size) <= 0.15 * ln.size and ln.top - prev.bottom <= 1.5 * ln.size


def _same_columns(a: _Table, b: _Table) -> bool:
    if abs(a.xs[0] - b.xs[0]) > 3 * _TOL or abs(a.xs[-1] - b.xs[-1]) > 3 * _TOL:
        return False
    small, large = (a.xs, b.xs) if len(a.xs) <= len(b.xs) else (b.xs, a.xs)
    return all(any(abs(x - y) <= 2 * _TOL for y in large) for x in small)


class _RegionBuilder:
    """The cells of a table, possibly continued over page breaks."""

    def __init__(self, table: _Table) -> None:
        self.tables = [table]

    def extend(self, table: _Table) -> None:
        first = self.tables[0]
        head = _row_texts(first, 0)
        if any(head) and _row_texts(table, 0) == head:  # a repeated header
            header_rows = max((c.r1 for c in table.cells if c.r0 == 0), default=1)
            table.cells = [c for c in table.cells if c.r0 >= header_rows]
        # a cell merged down and cut by the page break goes on at the top of the next page
        prev = self.tables[-1]
        last = len(prev.ys) - 1
        top = min((c.r0 for c in table.cells), default=0)
        ends = [c for c in prev.cells if c.r1 == last]
        keep = []
        for cell in table.cells:
            if cell.r0 == top:
                match = next(
                    (
                        c
                        for c in ends
                        if abs(c.x0 - cell.x0) <= 2 * _TOL and abs(c.x1 - cell.x1) <= 2 * _TOL
                    ),
                    None,
                )
                if match is not None and _cut_cell(match, cell):
                    match.more.append(cell)
                    continue
            keep.append(cell)
        table.cells = keep
        self.tables.append(table)


def _cut_cell(before: _Cell, after: _Cell) -> bool:
    """Whether ``after`` (at the top of a page) is the rest of ``before`` (at the bottom of
    the page before): one of them is merged down and the other part is blank, or only the
    two texts together make a label."""
    a, b = before.text(), after.text()
    tall = before.r1 - before.r0 > 1 or after.r1 - after.r0 > 1
    if not a or not b:
        return tall and bool(a or b)
    return strength(a + b) == 2 and strength(a) < 2 and strength(b) < 2


def _row_texts(table: _Table, r: int) -> tuple[str, ...]:
    return tuple(c.text() for c in table.cells if c.r0 == r)


class _Writer:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.at = 0
        self.units: list[Unit] = []

    def text(self) -> str:
        return "".join(self.parts)

    def _put(self, s: str) -> tuple[int, int]:
        start = self.at
        self.parts.append(s)
        self.at += len(s)
        return start, self.at

    def _table_lines(self, builder: _RegionBuilder) -> None:
        for text, hint, place in _table_lines_of(builder):
            start, end = self._put(text)
            self._put("\n")
            self.units.append(Line(text, start, end, None, hint, 0, place))

    def line(self, lines: list[_Line], *, heading: bool = False) -> None:
        text = ""
        for ln in lines:
            t = ln.text.strip()
            if not t:
                continue
            sep = " " if text and _wordy(text[-1]) and _wordy(t[0]) and not heading else ""
            text = text + sep + t if text else t
        if not text:
            return
        start, end = self._put(text)
        self._put("\n")
        first = [ln for ln in lines if ln.page == lines[0].page]
        box = (
            min(ln.x0 for ln in first),
            min(ln.top for ln in first),
            max(ln.x1 for ln in first),
            max(ln.bottom for ln in first),
        )
        self.units.append(
            Line(
                text,
                start,
                end,
                None,
                "heading" if heading else ("row" if "  " in text else ""),
                0,
                _place(lines[0].page, box),
            )
        )

    def region(self, builder: _RegionBuilder) -> None:
        if not any(
            strength(c.text()) == 2 for t in builder.tables for c in t.cells[:400]
        ):  # no report table: its contents as lines, as the HTML front end gives them
            self._table_lines(builder)
            return
        xs = _cluster(x for t in builder.tables for x in t.xs)
        toks: list[Tok] = []
        row_base = 0
        start = self.at
        for table in builder.tables:
            rows: dict[int, list[_Cell]] = {}
            for c in table.cells:
                rows.setdefault(c.r0, []).append(c)
            for r in sorted(rows):
                for j, cell in enumerate(sorted(rows[r], key=lambda c: c.x0)):
                    if j:
                        self._put(" | ")
                    text = cell.text()
                    s, e = self._put(text)
                    c0 = _nearest(xs, cell.x0)
                    c1 = max(_nearest(xs, cell.x1), c0 + 1)
                    toks.append(
                        Tok(
                            text,
                            s,
                            e,
                            None,
                            row_base + r,
                            c0,
                            c1 - c0,
                            _place(table.page, (cell.x0, cell.y0, cell.x1, cell.y1)),
                        )
                    )
                self._put("\n")
            row_base += len(table.ys) - 1
        if not toks:
            return
        first = builder.tables[0]
        self.units.append(Region(tuple(toks), start, self.at, None, _place(first.page, first.box)))


def _table_lines_of(builder: _RegionBuilder) -> Iterator[tuple[str, str, Place]]:
    for table in builder.tables:
        rows: dict[int, list[_Cell]] = {}
        for c in table.cells:
            rows.setdefault(c.r0, []).append(c)
        for r in sorted(rows):
            cells = sorted(rows[r], key=lambda c: c.x0)
            texts = [t for t in (c.text() for c in cells) if t]
            if not texts:
                continue
            box = (cells[0].x0, min(c.y0 for c in cells), cells[-1].x1, max(c.y1 for c in cells))
            if len(cells) > 1:
                yield " ".join(texts), "row", _place(table.page, box)
            else:
                yield texts[0], "", _place(table.page, box)


def _nearest(xs: list[float], x: float) -> int:
    i = bisect.bisect_left(xs, x)
    if i >= len(xs):
        return len(xs) - 1
    if i > 0 and x - xs[i - 1] < xs[i] - x:
        return i - 1
    return i
