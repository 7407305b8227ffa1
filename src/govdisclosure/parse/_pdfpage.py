"""The characters, rules and lines of one PDF page, through pdfium's C API.

Characters come with their loose boxes (top-down, in PDF points from the page's top-left
corner), baselines and font sizes; rules are the horizontal and vertical segments of the
page's path objects (strokes, and fills thin enough to be a drawn border). Lines are the
characters grouped by baseline, left to right, with a column gap kept as two spaces.
"""

from __future__ import annotations

import ctypes
import statistics
import unicodedata
from collections.abc import Sequence
from typing import Any

__all__ = ["MAX_CHARS", "MAX_PATHS"]

#: The most characters read from one page.
MAX_CHARS = 100_000
#: The most path objects looked at on one page.
MAX_PATHS = 50_000
_TOL = 2.0  # points: rules closer than this are one grid line


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
    rules = _Rules()
    image_area = 0.0
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    box = [ctypes.c_float() for _ in range(4)]  # left, bottom, right, top
    count = raw.FPDFPage_CountObjects(page)
    for k in range(min(count, MAX_PATHS)):
        obj = raw.FPDFPage_GetObject(page, k)
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == raw.FPDF_PAGEOBJ_IMAGE:
            if raw.FPDFPageObj_GetBounds(obj, *(ctypes.byref(v) for v in box)):
                left, bottom, right, top = (v.value for v in box)
                image_area += max(0.0, right - left) * max(0.0, top - bottom)
            continue
        if kind != raw.FPDF_PAGEOBJ_PATH:
            continue
        if not raw.FPDFPath_GetDrawMode(obj, ctypes.byref(fill), ctypes.byref(stroke)):
            continue
        if not stroke.value:
            # a filled shape is a rule only when thin (a border drawn as a thin box); a
            # larger fill is shading, whose sides are no rules
            if fill.value and raw.FPDFPageObj_GetBounds(obj, *(ctypes.byref(v) for v in box)):
                left, bottom, right, top = (v.value for v in box)
                rules.add((left, height - top), (right, height - bottom), thick=3.0)
            continue
        _path_rules(raw, obj, height, rules)
    return rules.hs, rules.vs, image_area


def _path_rules(raw: Any, obj: Any, height: float, rules: _Rules) -> None:
    """The horizontal and vertical segments of a stroked path, in page space."""
    matrix = raw.FS_MATRIX()
    if not raw.FPDFPageObj_GetMatrix(obj, ctypes.byref(matrix)):
        return
    a, b, c, d, e, f = matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f
    nseg = raw.FPDFPath_CountSegments(obj)
    if nseg <= 0 or nseg > 10_000:
        return
    fx, fy = ctypes.c_float(), ctypes.c_float()
    start: tuple[float, float] | None = None
    prev: tuple[float, float] | None = None
    for s in range(nseg):
        seg = raw.FPDFPath_GetPathSegment(obj, s)
        if not raw.FPDFPathSegment_GetPoint(seg, ctypes.byref(fx), ctypes.byref(fy)):
            continue
        x, y = fx.value, fy.value
        pt = (a * x + c * y + e, height - (b * x + d * y + f))
        kind = raw.FPDFPathSegment_GetType(seg)
        if kind == raw.FPDF_SEGMENT_MOVETO or prev is None:
            start = prev = pt
            continue
        if kind == raw.FPDF_SEGMENT_LINETO:
            rules.add(prev, pt)
        prev = pt
        if raw.FPDFPathSegment_GetClose(seg) and start is not None:
            rules.add(prev, start)
            prev = start


class _Rules:
    """The rules of a page: horizontal ones as (y, x0, x1), vertical ones as (x, y0, y1)."""

    __slots__ = ("hs", "vs")

    def __init__(self) -> None:
        self.hs: list[tuple[float, float, float]] = []
        self.vs: list[tuple[float, float, float]] = []

    def add(self, p: tuple[float, float], q: tuple[float, float], thick: float = 1.0) -> None:
        """The segment from ``p`` to ``q`` (or a filled box with those corners) as a rule
        when it is at most ``thick`` across and longer than the tolerance; else nothing."""
        dx, dy = abs(q[0] - p[0]), abs(q[1] - p[1])
        if dy <= thick and dx > _TOL:
            self.hs.append(((p[1] + q[1]) / 2, min(p[0], q[0]), max(p[0], q[0])))
        elif dx <= thick and dy > _TOL:
            self.vs.append(((p[0] + q[0]) / 2, min(p[1], q[1]), max(p[1], q[1])))


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
