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
import ctypes
import itertools
import re
import statistics
import threading
import unicodedata
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Any

from govdisclosure.errors import ParseError
from govdisclosure.parse._frontends import FrontEndOutput
from govdisclosure.parse._labels import strength
from govdisclosure.parse._types import ParseFinding, Place
from govdisclosure.parse._units import Line, Region, Tok, Unit

__all__ = ["MAX_PAGES", "is_pdf", "read_pdf"]

#: The most pages read from one PDF (a report has a handful; more is not a report).
MAX_PAGES = 2000
#: The most characters read from one page.
MAX_CHARS = 100_000
#: The most path objects looked at on one page.
MAX_PATHS = 50_000
#: The most bytes the compressed streams of a PDF (other than images, which are never
#: decoded here) may inflate to, together: a stream bomb stops here, before pdfium.
MAX_INFLATED = 256 * 1024 * 1024

_EXTRA = "reading PDF needs the 'pdf' extra: pip install 'govdisclosure[pdf]' (pypdfium2)"
_LOCK = threading.Lock()  # pdfium is not thread-safe
_TOL = 2.0  # points: rules closer than this are one grid line
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
        import pypdfium2 as pdfium  # type: ignore[import-untyped]
    except ImportError:  # pragma: no cover - the extra is installed where tests run
        raise ParseError(_EXTRA) from None
    return pdfium


# ---- characters and rules of one page --------------------------------------------------------


class _Char:
    __slots__ = ("base", "bottom", "ch", "fs", "top", "x0", "x1")

    def __init__(
        self, ch: str, x0: float, top: float, x1: float, bottom: float, base: float, fs: float
    ) -> None:
        self.ch = ch
        self.fs = fs  # the font size as the PDF states it (comparable within one file)
        self.base = base
        self.x0 = x0
        self.top = top
        self.x1 = x1
        self.bottom = bottom


def _norm_char(cp: int) -> str | None:
    if cp <= 32 or cp == 0xFFFE or cp == 0xFFFF or 0xD800 <= cp <= 0xDFFF:
        return None
    ch = chr(cp)
    if 0x2E80 <= cp <= 0x2FDF or 0xF900 <= cp <= 0xFAFF:  # radicals, compatibility ideographs
        ch = unicodedata.normalize("NFKC", ch)
    elif cp in (0x3000, 0xA0) or unicodedata.category(ch) in ("Zs", "Cc", "Cf"):
        return None
    return ch


def _page_chars(raw: Any, textpage: Any, height: float) -> tuple[list[_Char], int]:
    """The printable characters of a page (top-down boxes) and how many were cut off."""
    n = raw.FPDFText_CountChars(textpage)
    cut = max(0, n - MAX_CHARS)
    rect = raw.FS_RECTF()
    out: list[_Char] = []
    get = raw.FPDFText_GetUnicode
    loose = raw.FPDFText_GetLooseCharBox
    origin = raw.FPDFText_GetCharOrigin
    fontsize = raw.FPDFText_GetFontSize
    ox, oy = ctypes.c_double(), ctypes.c_double()
    tight = raw.FPDFText_GetCharBox
    tl, tr, tb, tt = (ctypes.c_double() for _ in range(4))
    for i in range(min(n, MAX_CHARS)):
        ch = _norm_char(get(textpage, i))
        if ch is None:
            continue
        if not loose(textpage, i, ctypes.byref(rect)):
            continue
        x0, x1 = rect.left, rect.right
        top, bottom = height - rect.top, height - rect.bottom
        if not (x1 >= x0 and bottom > top):
            continue
        if tight(textpage, i, *(ctypes.byref(v) for v in (tl, tr, tb, tt))):
            th = tt.value - tb.value
            if bottom - top > 3 * max(th, 1.0) + 2:  # a loose box gone wild (vertical text)
                top, bottom = height - tt.value - th * 0.2, height - tb.value + th * 0.2
                x0, x1 = min(x0, tl.value), max(tl.value, tr.value)
        base = (
            height - oy.value if origin(textpage, i, ctypes.byref(ox), ctypes.byref(oy)) else bottom
        )
        out.append(_Char(ch, x0, top, x1, bottom, base, fontsize(textpage, i)))
    return out, cut


def _page_rules(
    raw: Any, page: Any, height: float
) -> tuple[list[tuple[float, float, float]], list[tuple[float, float, float]], float]:
    """Horizontal rules (y, x0, x1) and vertical rules (x, y0, y1), top-down, and the area of
    the page covered by images."""
    hs: list[tuple[float, float, float]] = []
    vs: list[tuple[float, float, float]] = []
    image_area = 0.0
    matrix = raw.FS_MATRIX()
    fx, fy = ctypes.c_float(), ctypes.c_float()
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    count = raw.FPDFPage_CountObjects(page)
    for k in range(min(count, MAX_PATHS)):
        obj = raw.FPDFPage_GetObject(page, k)
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == raw.FPDF_PAGEOBJ_IMAGE:
            if raw.FPDFPageObj_GetBounds(
                obj,
                ctypes.byref(left),
                ctypes.byref(bottom),
                ctypes.byref(right),
                ctypes.byref(top),
            ):
                image_area += max(0.0, right.value - left.value) * max(
                    0.0, top.value - bottom.value
                )
            continue
        if kind != raw.FPDF_PAGEOBJ_PATH:
            continue
        if not raw.FPDFPath_GetDrawMode(obj, ctypes.byref(fill), ctypes.byref(stroke)):
            continue
        if not stroke.value:
            # a filled shape is a rule only when thin (a border drawn as a thin box); a
            # larger fill is shading, whose sides are no rules
            if fill.value and raw.FPDFPageObj_GetBounds(
                obj,
                ctypes.byref(left),
                ctypes.byref(bottom),
                ctypes.byref(right),
                ctypes.byref(top),
            ):
                _thin_box(
                    left.value, height - top.value, right.value, height - bottom.value, hs, vs
                )
            continue
        if not raw.FPDFPageObj_GetMatrix(obj, ctypes.byref(matrix)):
            continue
        a, b, c, d, e, f = matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f
        nseg = raw.FPDFPath_CountSegments(obj)
        if nseg <= 0 or nseg > 10_000:
            continue
        start: tuple[float, float] | None = None
        prev: tuple[float, float] | None = None
        for s in range(nseg):
            seg = raw.FPDFPath_GetPathSegment(obj, s)
            if not raw.FPDFPathSegment_GetPoint(seg, ctypes.byref(fx), ctypes.byref(fy)):
                continue
            x, y = fx.value, fy.value
            pt = (a * x + c * y + e, height - (b * x + d * y + f))
            kind_s = raw.FPDFPathSegment_GetType(seg)
            if kind_s == raw.FPDF_SEGMENT_MOVETO or prev is None:
                start = prev = pt
                continue
            if kind_s == raw.FPDF_SEGMENT_LINETO:
                _edge(prev, pt, hs, vs)
            prev = pt
            if raw.FPDFPathSegment_GetClose(seg) and start is not None:
                _edge(prev, start, hs, vs)
                prev = start
    return hs, vs, image_area


def _thin_box(
    x0: float,
    top: float,
    x1: float,
    bottom: float,
    hs: list[tuple[float, float, float]],
    vs: list[tuple[float, float, float]],
) -> None:
    w, h = x1 - x0, bottom - top
    if h <= 3.0 and w > _TOL:
        hs.append(((top + bottom) / 2, x0, x1))
    elif w <= 3.0 and h > _TOL:
        vs.append(((x0 + x1) / 2, top, bottom))


def _edge(
    p: tuple[float, float],
    q: tuple[float, float],
    hs: list[tuple[float, float, float]],
    vs: list[tuple[float, float, float]],
) -> None:
    dx, dy = abs(q[0] - p[0]), abs(q[1] - p[1])
    if dy <= 1.0 and dx > _TOL:
        hs.append(((p[1] + q[1]) / 2, min(p[0], q[0]), max(p[0], q[0])))
    elif dx <= 1.0 and dy > _TOL:
        vs.append(((p[0] + q[0]) / 2, min(p[1], q[1]), max(p[1], q[1])))


# ---- tables from rules -----------------------------------------------------------------------


class _Cell:
    __slots__ = ("c0", "c1", "chars", "more", "r0", "r1", "x0", "x1", "y0", "y1")

    def __init__(self, r0: int, c0: int, r1: int, c1: int, box: tuple[float, ...]) -> None:
        self.r0, self.c0, self.r1, self.c1 = r0, c0, r1, c1
        self.x0, self.y0, self.x1, self.y1 = box
        self.chars: list[_Char] = []
        self.more: list[_Cell] = []  # its parts continued on the next pages

    def text(self) -> str:
        text = _cell_text(self.chars)
        for part in self.more:
            t = part.text()
            if t:
                text = (
                    text + t
                    if not text or not (_wordy(text[-1]) and _wordy(t[0]))
                    else (text + " " + t)
                )
        return text


class _Table:
    """One ruled table on one page."""

    __slots__ = ("cells", "index", "page", "xs", "ys")

    def __init__(self, page: int, xs: list[float], ys: list[float]) -> None:
        self.page = page
        self.xs = xs
        self.ys = ys
        self.cells: list[_Cell] = []
        self.index: dict[tuple[int, int], _Cell] = {}

    @property
    def box(self) -> tuple[float, float, float, float]:
        return self.xs[0], self.ys[0], self.xs[-1], self.ys[-1]

    def cell_at(self, x: float, y: float) -> _Cell | None:
        if not (self.xs[0] <= x <= self.xs[-1] and self.ys[0] <= y <= self.ys[-1]):
            return None
        c = min(max(bisect.bisect_right(self.xs, x) - 1, 0), len(self.xs) - 2)
        r = min(max(bisect.bisect_right(self.ys, y) - 1, 0), len(self.ys) - 2)
        return self.index.get((r, c))


def _cluster(values: Iterable[float]) -> list[float]:
    out: list[list[float]] = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= _TOL:
            out[-1].append(v)
        else:
            out.append([v])
    return [sum(g) / len(g) for g in out]


def _boxed(
    r: int,
    c: int,
    xs: list[float],
    ys: list[float],
    v_rule: Callable[[float, float], bool],
    h_rule: Callable[[float, float], bool],
) -> bool:
    """Whether grid cell (r, c) has a rule on all four sides (a drawn cell, not
    the empty space beside a short row)."""
    xm, ym = (xs[c] + xs[c + 1]) / 2, (ys[r] + ys[r + 1]) / 2
    sides = (
        v_rule(xs[c], ym),
        v_rule(xs[c + 1], ym),
        h_rule(ys[r], xm),
        h_rule(ys[r + 1], xm),
    )
    return all(sides)


def _join_rules(rules: list[tuple[float, float, float]]) -> list[tuple[float, float, float]]:
    """Rules on one line that touch or overlap, as one (borders are often drawn cell by
    cell)."""
    out: list[tuple[float, float, float]] = []
    ordered = sorted(rules)
    i = 0
    while i < len(ordered):  # the rules within _TOL of each other's position
        j = i + 1
        while j < len(ordered) and ordered[j][0] - ordered[j - 1][0] <= _TOL:
            j += 1
        run: list[list[float]] = []
        for at, a, b in sorted(ordered[i:j], key=lambda r: r[1]):
            last = run[-1] if run else None
            if last is not None and a <= last[2] + _TOL:
                last[2] = max(last[2], b)
            else:
                run.append([at, a, b])
        out.extend((r[0], r[1], r[2]) for r in run)
        i = j
    return out


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _tables(
    page: int,
    hs: list[tuple[float, float, float]],
    vs: list[tuple[float, float, float]],
) -> list[_Table]:
    if not hs or not vs:
        return []
    hs, vs = _join_rules(hs), _join_rules(vs)
    if len(hs) * len(vs) > 4_000_000:
        return []
    nh = len(hs)
    parent = list(range(nh + len(vs)))
    t = _TOL
    vs_sorted = sorted(range(len(vs)), key=lambda j: vs[j][0])
    vxs = [vs[j][0] for j in vs_sorted]
    for i, (y, x0, x1) in enumerate(hs):
        lo = bisect.bisect_left(vxs, x0 - t)
        hi = bisect.bisect_right(vxs, x1 + t)
        for j in vs_sorted[lo:hi]:
            _x, y0, y1 = vs[j]
            if y0 - t <= y <= y1 + t:
                a, b = _find(parent, i), _find(parent, nh + j)
                if a != b:
                    parent[a] = b
    groups: dict[int, tuple[list[int], list[int]]] = {}
    for i in range(nh):
        groups.setdefault(_find(parent, i), ([], []))[0].append(i)
    for j in range(len(vs)):
        groups.setdefault(_find(parent, nh + j), ([], []))[1].append(j)
    out = []
    for hi_, vi_ in groups.values():
        if not hi_ or not vi_:
            continue
        table = _grid(page, [hs[i] for i in hi_], [vs[j] for j in vi_])
        if table is not None:
            out.append(table)
    out.sort(key=lambda tb: (tb.ys[0], tb.xs[0]))
    return out


def _grid(
    page: int, hs: list[tuple[float, float, float]], vs: list[tuple[float, float, float]]
) -> _Table | None:
    # the outer ends of the rules close the grid where a page break cut its last rule off
    ys = _cluster([*(h[0] for h in hs), min(v[1] for v in vs), max(v[2] for v in vs)])
    xs = _cluster([*(v[0] for v in vs), min(h[1] for h in hs), max(h[2] for h in hs)])
    nr, nc = len(ys) - 1, len(xs) - 1
    if nr < 1 or nc < 1 or nr * nc > 250_000:
        return None
    if nr * nc == 1 and ys[1] - ys[0] > 60:  # a frame, not a table (a table's lone row is low)
        return None
    t = _TOL

    def v_rule(x: float, y: float) -> bool:
        return any(abs(vx - x) <= t and y0 - t <= y <= y1 + t for vx, y0, y1 in vs)

    def h_rule(y: float, x: float) -> bool:
        return any(abs(hy - y) <= t and x0 - t <= x <= x1 + t for hy, x0, x1 in hs)

    parent = list(range(nr * nc))
    for r in range(nr):
        ym = (ys[r] + ys[r + 1]) / 2
        for c in range(nc):
            xm = (xs[c] + xs[c + 1]) / 2
            if c + 1 < nc and not v_rule(xs[c + 1], ym):
                a, b = _find(parent, r * nc + c), _find(parent, r * nc + c + 1)
                if a != b:
                    parent[b] = a
            if r + 1 < nr and not h_rule(ys[r + 1], xm):
                a, b = _find(parent, r * nc + c), _find(parent, (r + 1) * nc + c)
                if a != b:
                    parent[b] = a
    spans: dict[int, list[int]] = {}
    units: dict[int, list[int]] = {}
    for k in range(nr * nc):
        root = _find(parent, k)
        r, c = divmod(k, nc)
        units.setdefault(root, []).append(k)
        sp = spans.get(root)
        if sp is None:
            spans[root] = [r, c, r, c]
        else:
            sp[0], sp[1] = min(sp[0], r), min(sp[1], c)
            sp[2], sp[3] = max(sp[2], r), max(sp[3], c)
    boxes: list[tuple[int, int, int, int]] = []
    for root, (r0, c0, r1, c1) in spans.items():
        if len(units[root]) == (r1 - r0 + 1) * (c1 - c0 + 1):
            boxes.append((r0, c0, r1, c1))
        else:  # not a rectangle (a ragged table): the grid cells alone, where drawn
            boxes.extend(
                (k // nc, k % nc, k // nc, k % nc)
                for k in units[root]
                if _boxed(k // nc, k % nc, xs, ys, v_rule, h_rule)
            )
    table = _Table(page, xs, ys)
    for r0, c0, r1, c1 in sorted(boxes):
        cell = _Cell(r0, c0, r1 + 1, c1 + 1, (xs[c0], ys[r0], xs[c1 + 1], ys[r1 + 1]))
        table.cells.append(cell)
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                table.index[(r, c)] = cell
    if not table.cells:
        return None
    return table


# ---- lines -----------------------------------------------------------------------------------


class _Line:
    __slots__ = ("chars", "page", "text")

    def __init__(self, page: int, chars: list[_Char]) -> None:
        self.page = page
        self.chars = chars
        self.text = _join_chars(chars)

    def justified(self) -> None:
        """Read the line as one run of text: its wide gaps are justification, not columns."""
        if "  " in self.text:
            self.text = _join_chars(self.chars, columns=False)

    @property
    def x0(self) -> float:
        return self.chars[0].x0

    @property
    def x1(self) -> float:
        return max(c.x1 for c in self.chars)

    @property
    def top(self) -> float:
        return min(c.top for c in self.chars)

    @property
    def bottom(self) -> float:
        return max(c.bottom for c in self.chars)

    @property
    def size(self) -> float:
        return statistics.median(c.bottom - c.top for c in self.chars)


def _wordy(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in "%.,-+/:@()")


def _join_chars(chars: Sequence[_Char], *, columns: bool = True) -> str:
    out: list[str] = []
    prev: _Char | None = None
    for c in chars:
        if prev is not None:
            h = max(c.bottom - c.top, 1.0)
            gap = c.x0 - prev.x1
            if columns and gap > 0.8 * h:  # a column gap: kept visible for the text stages
                out.append("  ")
            elif gap > 0.15 * h and _wordy(prev.ch[-1]) and _wordy(c.ch[0]):
                out.append(" ")
        out.append(c.ch)
        prev = c
    return "".join(out)


def _lines(page: int, chars: list[_Char]) -> list[_Line]:
    """Characters to lines: by vertical centre, then left to right."""
    if not chars:
        return []
    order = sorted(chars, key=lambda c: c.base)
    groups: list[list[_Char]] = []
    base = 0.0
    for c in order:
        h = c.bottom - c.top
        if groups and abs(c.base - base) <= 0.3 * max(h, 1.0):
            groups[-1].append(c)
        else:
            groups.append([c])
            base = c.base
    out = []
    for g in groups:
        g.sort(key=lambda c: c.x0)
        out.append(_Line(page, g))
    return out


def _cell_text(chars: list[_Char]) -> str:
    text = ""
    for ln in _lines(0, chars):
        t = ln.text.strip()
        if not t:
            continue
        text = text + t if not text or not (_wordy(text[-1]) and _wordy(t[0])) else text + " " + t
    return text


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
        cx, cy = (ch.x0 + ch.x1) / 2, (ch.top + ch.bottom) / 2
        for table in tables:
            cell = table.cell_at(cx, cy)
            if cell is not None:
                cell.chars.append(ch)
                break
        else:
            loose.append(ch)
    items: list[_Line | _Table] = [*_lines(k + 1, loose), *tables]
    items.sort(key=_top)
    result.items = items
    return result


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
    lefts = [ln.x0 for p in pages for ln in p.items if isinstance(ln, _Line)]
    left = _margin(lefts)
    rights = sorted(
        ln.x1 for p in pages for ln in p.items if isinstance(ln, _Line) and len(ln.chars) > 8
    )
    right = rights[(len(rights) - 1) * 19 // 20] if rights else 0.0  # the right margin
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
                last = region.tables[-1] if region is not None else None
                if (
                    region is not None
                    and last is not None
                    and i == 0
                    and item.page == last.page + 1
                    and _same_columns(last, item)
                ):
                    region.extend(item)
                else:
                    if region is not None:
                        out.region(region)
                    region = _RegionBuilder(item)
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
