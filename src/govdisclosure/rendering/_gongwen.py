"""The official 公文 page that the Word and PDF renderings share (GB/T 9704-2012, 党政机关公文格式).

The page is A4 with the margins the standard sets (top 37 mm, bottom 35 mm, left 28 mm, right
26 mm), which leave a type area of 156 by 225 mm holding 22 lines of 28 characters of 3号
(16 pt) text:

>>> PAGE.type_width_mm, PAGE.type_height_mm
(156, 225)
>>> round(PAGE.line_pitch_pt, 2), round(PAGE.char_pitch_pt, 2)
(28.99, 15.79)

Each part of the text has its face, in order of preference (the first a machine has is used):

>>> FACES["title"][:3]
('方正小标宋简体', '华文中宋', '宋体')
>>> FACES["body"][:3]
('仿宋_GB2312', '仿宋', 'FangSong')

The tables are set in a smaller size, with column widths from their content that fill the type
area (:func:`column_widths`). The PDF rendering needs a CJK font on the machine
(:func:`resolve_faces`); none found is a :class:`FontNotFoundError`, never boxes for glyphs.
"""

from __future__ import annotations

import functools
import importlib
import os
import re
import shutil
import subprocess
from collections.abc import Mapping
from types import ModuleType
from typing import Final, Literal

import attrs

from govdisclosure.document import Grid
from govdisclosure.errors import GovDisclosureError

__all__ = [
    "FACES",
    "PAGE",
    "FontNotFoundError",
    "MissingExtraError",
    "Page",
    "Role",
    "column_widths",
    "installed_cjk_families",
    "require",
    "resolve_faces",
]

MM_PER_PT: Final = 25.4 / 72


class FontNotFoundError(GovDisclosureError, LookupError):
    """No CJK font to print a report with: none on the machine, or the one named is missing.

    A :class:`LookupError`; the message says what was looked for and how to get a font.
    """

    __module__ = "govdisclosure.rendering"


class MissingExtraError(GovDisclosureError, ImportError):
    """A rendering needs an optional dependency that is not installed (``pip install
    'govdisclosure[docx]'`` or ``'govdisclosure[pdf]'``)."""

    __module__ = "govdisclosure.rendering"


def require(module: str, extra: str) -> ModuleType:
    """Import ``module`` of the optional extra ``extra``, or say how to install it.

    >>> require("zipfile", "docx").__name__
    'zipfile'
    >>> require("no_such_module_here", "pdf")
    Traceback (most recent call last):
    ...
    govdisclosure.rendering.MissingExtraError: rendering as pdf needs the optional \
dependency 'no_such_module_here': pip install 'govdisclosure[pdf]'
    """
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingExtraError(
            f"rendering as {extra} needs the optional dependency {module!r}: "
            f"pip install 'govdisclosure[{extra}]'"
        ) from exc


@attrs.frozen
class Page:
    """The 公文 page: A4, its margins, and the grid of 22 lines of 28 characters."""

    width_mm: int = 210
    height_mm: int = 297
    top_mm: int = 37
    bottom_mm: int = 35
    left_mm: int = 28
    right_mm: int = 26
    body_pt: float = 16.0
    """3号."""
    title_pt: float = 22.0
    """2号."""
    page_number_pt: float = 14.0
    """4号."""
    metadata_pt: float = 12.0
    """小4号: the web page's metadata block, where it is printed."""
    table_pt: float = 10.5
    """5号: tables 二 and 三."""
    wide_table_pt: float = 9.0
    """小5号: a table of more than ten columns (表四), or labelled in English."""
    lines: int = 22
    chars: int = 28
    page_number_gap_mm: int = 7
    """The dashes of the page number sit this far below the type area."""

    @property
    def type_width_mm(self) -> int:
        """The width of the type area (版心)."""
        return self.width_mm - self.left_mm - self.right_mm

    @property
    def type_height_mm(self) -> int:
        """The height of the type area (版心)."""
        return self.height_mm - self.top_mm - self.bottom_mm

    @property
    def line_pitch_pt(self) -> float:
        """Baseline to baseline: the type area's height over 22 lines."""
        return self.type_height_mm / MM_PER_PT / self.lines

    @property
    def char_pitch_pt(self) -> float:
        """The advance of one character: the type area's width over 28 characters."""
        return self.type_width_mm / MM_PER_PT / self.chars

    def table_size(self, grid: Grid, english: bool = False) -> float:
        """The type size of a table: 5号, or 小5号 for more than ten columns or English labels
        (longer than Chinese ones)."""
        return self.table_pt if grid.cols <= 10 and not english else self.wide_table_pt


PAGE: Final = Page()
"""The page GB/T 9704-2012 sets."""

Role = Literal["title", "body", "heading1", "heading2", "page_number"]

FACES: Final[Mapping[Role, tuple[str, ...]]] = {
    # 2号小标宋体
    "title": ("方正小标宋简体", "华文中宋", "宋体", "FZXiaoBiaoSong-B05S", "STZhongsong", "SimSun"),
    # 3号仿宋体
    "body": ("仿宋_GB2312", "仿宋", "FangSong", "FangSong_GB2312", "STFangsong"),
    # 第一层 黑体
    "heading1": ("黑体", "SimHei", "STHeiti"),
    # 第二层 楷体
    "heading2": ("楷体_GB2312", "楷体", "KaiTi", "KaiTi_GB2312", "STKaiti"),
    # 4号半角宋体阿拉伯数字
    "page_number": ("宋体", "SimSun", "Songti SC"),
}
"""The faces GB/T 9704-2012 names for each part, as Windows, WPS and macOS name them."""

# What free systems have instead (Debian: fonts-noto-cjk, fonts-arphic-*, fonts-wqy-*), by
# the look of each part: a Song (Ming) face, a Hei (sans) face, a Kai face.
_SONG = ("Noto Serif CJK SC", "Source Han Serif SC", "Source Han Serif CN", "AR PL UMing CN")
_HEI = ("Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN", "WenQuanYi Zen Hei")
_KAI = ("AR PL UKai CN", "AR PL KaitiM GB")
_FREE: Final[Mapping[Role, tuple[str, ...]]] = {
    "title": _SONG + _HEI,
    "body": _SONG + _HEI,
    "heading1": _HEI + _SONG,
    "heading2": _KAI + _SONG + _HEI,
    "page_number": _SONG + _HEI,
}


def _fc_list() -> str | None:  # pragma: no cover - depends on the machine
    exe = shutil.which("fc-list")
    if exe is None:
        return None
    done = subprocess.run(
        [exe, "--format", "%{family}\n", ":lang=zh"],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "LC_ALL": "C.UTF-8"},
    )
    return done.stdout if done.returncode == 0 else None


@functools.cache
def installed_cjk_families() -> frozenset[str] | None:
    """The families of the fonts on this machine that cover Chinese, by every name they have
    (fontconfig's ``fc-list :lang=zh``); ``None`` when fontconfig is not there to ask."""
    listing = _fc_list()
    if listing is None:
        return None
    names = {name.strip() for line in listing.splitlines() for name in line.split(",")}
    return frozenset(n for n in names if n)


def resolve_faces(
    font: str | None = None, installed: frozenset[str] | None = None
) -> dict[Role, tuple[str, ...]]:
    """The installed families to print each part with, best first.

    ``font`` (a family name) prints every part in that family; otherwise each part gets the
    faces of :data:`FACES` that are installed, then the free faces of its look. ``installed``
    defaults to :func:`installed_cjk_families`.

    >>> zh = frozenset({"Noto Serif CJK SC", "Noto Sans CJK SC", "仿宋"})
    >>> faces = resolve_faces(installed=zh)
    >>> faces["body"], faces["heading1"][0]
    (('仿宋', 'Noto Serif CJK SC', 'Noto Sans CJK SC'), 'Noto Sans CJK SC')
    >>> resolve_faces("Noto Sans CJK SC", installed=zh)["title"]
    ('Noto Sans CJK SC',)
    >>> resolve_faces("方正仿宋_GBK", installed=zh)
    Traceback (most recent call last):
    ...
    govdisclosure.rendering.FontNotFoundError: font '方正仿宋_GBK' is not installed \
or does not cover Chinese; installed CJK families: Noto Sans CJK SC, Noto Serif CJK SC, 仿宋
    >>> resolve_faces(installed=frozenset())
    Traceback (most recent call last):
    ...
    govdisclosure.rendering.FontNotFoundError: no font that covers Chinese is \
installed: install one (Debian: apt-get install fonts-noto-cjk) or name one with font=
    """
    if installed is None:
        installed = installed_cjk_families()
    if installed is None:
        raise FontNotFoundError(
            "cannot list the fonts of this machine (fontconfig's fc-list is missing): "
            "install fontconfig and a CJK font (Debian: apt-get install fontconfig "
            "fonts-noto-cjk)"
        )
    if font is not None:
        if not isinstance(font, str):
            raise TypeError(
                f"font must be a str (a font family) or None, not {type(font).__name__}"
            )
        if font not in installed:
            have = ", ".join(sorted(installed)) or "none"
            raise FontNotFoundError(
                f"font {font!r} is not installed or does not cover Chinese; "
                f"installed CJK families: {have}"
            )
        return dict.fromkeys(FACES, (font,))
    out: dict[Role, tuple[str, ...]] = {}
    for role, faces in FACES.items():
        found = [f for f in faces + _FREE[role] if f in installed]
        if not found:
            found = sorted(installed)[:1]  # any CJK font rather than none
        if not found:
            raise FontNotFoundError(
                "no font that covers Chinese is installed: install one "
                "(Debian: apt-get install fonts-noto-cjk) or name one with font="
            )
        out[role] = tuple(dict.fromkeys(found))
    return out


# --------------------------------------------------------------------------- tables


def _width(text: str) -> float:
    """The width of ``text`` in ems: CJK characters 1, others (digits, Latin) about ½."""
    return sum(1.0 if ord(ch) > 0x2E7F else 0.55 for ch in text)


def _unbroken(text: str) -> float:
    """The width of the widest piece of ``text`` a line cannot break: a word of Latin letters
    or digits, or one CJK character (Chinese breaks between any two)."""
    pieces = re.findall(r"[^\s\u2e80-\U0010ffff]+|[\u2e80-\U0010ffff]", text)
    return max((_width(p) for p in pieces), default=0.0)


def column_widths(grid: Grid, ems: float) -> list[float]:
    """The widths of the columns of ``grid`` in ems of the table's type size, summing to
    ``ems`` (the type area's width): each column as wide as the text of the cells that sit in
    it alone (a row label up to 14 characters, a column head up to 3, a group label spanning
    rows 3, a figure its digits; an English word unbroken), then the widest labels squeezed
    (not under 6, nor under their longest word) or every column stretched to fill the width.

    >>> from govdisclosure import examples
    >>> from govdisclosure.document import layout_document
    >>> grid = layout_document(examples.load("jianghe-2021")).tables()[1].grid
    >>> [round(w, 1) for w in column_widths(grid, 42.0)]
    [3.6, 3.6, 11.6, 3.6, 3.6, 3.6, 3.6, 3.6, 2.6, 2.6]
    """
    pad = 0.6
    want = [2.0 + pad] * grid.cols
    floor = [2.0 + pad] * grid.cols  # the longest unbroken word of the column
    for cell in grid.cells:
        if cell.colspan != 1 or cell.role == "corner":
            continue
        if cell.role == "rowhead":
            cap = 3.0 if cell.rowspan > 1 else 14.0
        elif cell.role == "colhead":
            cap = 3.0
        else:
            cap = 10.0
        text = cell.text if cell.role != "data" else (cell.text or "0")
        longest = _unbroken(text)
        floor[cell.col] = max(floor[cell.col], min(longest, 14.0) + pad)
        want[cell.col] = max(want[cell.col], min(_width(text), max(cap, longest)) + pad)
    if grid.cols > 10:  # one row of many figures (表四): equal columns
        want = [max(want)] * grid.cols
        floor = [max(floor)] * grid.cols
    over = sum(want) - ems
    least = [max(f, 6.0) for f in floor]
    wide = [i for i, w in enumerate(want) if w > least[i]]
    if over > 0 and wide:
        room = sum(want[i] - least[i] for i in wide)
        cut = min(over, room)
        for i in wide:
            want[i] -= cut * (want[i] - least[i]) / room
    scale = ems / sum(want)
    return [w * scale for w in want]
