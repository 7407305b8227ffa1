"""The report as plain text: one line per heading and paragraph, tables as aligned grids.

The text reads like the published report: the title, the web page's metadata block
(``label：value`` lines), the preamble, every heading (``一、`` ``（一）`` ``1.``) and paragraph
on lines of their own, with no blank lines, and the signature (agency, then date). Tables
2/3/4 of the 2019 and 2021 editions stand in their sections, after the section's paragraphs,
drawn with ``+ - = |`` and aligned by display width (CJK characters take two columns, and
so do ambiguous ones such as “ ” in a Chinese locale, as CJK fonts print them; see
:func:`display_width` and :attr:`RenderOptions.ambiguous_width`).

>>> from govdisclosure import examples
>>> text = render(examples.load("jianghe-2021"))
>>> text.splitlines()[0]
'江河市自然资源和规划局2021年政府信息公开工作年度报告'
>>> lines = text.splitlines()
>>> start = lines.index("二、主动公开政府信息情况") + 1
>>> print("\\n".join(lines[start:start + 8]))
+-------------------------------------------------------------+
| 第二十条第（一）项                                          |
+----------------+--------------+--------------+--------------+
|    信息内容    | 本年制发件数 | 本年废止件数 | 现行有效件数 |
+----------------+--------------+--------------+--------------+
| 规章           |            0 |            0 |            0 |
+----------------+--------------+--------------+--------------+
| 行政规范性文件 |           11 |            4 |           57 |

The grid is a reStructuredText grid table (so docutils or pandoc can read it): rows are
separated by ``+---+`` lines, the header of tables 三 and 四 ends with a ``+===+`` line, and a
cell spanning several rows or columns is one rectangle. A parser reads it back by splitting
each row's lines at ``|`` (a long label wraps onto further lines of the same row, to be
joined), with these conventions:

- 表二: per block, a row holding only the block's title (第二十条第（一）项), a header row
  (信息内容 and the block's columns), then one row per row label.
- 表三: the corner note and the column headers (申请人情况 over all, 法人或其他组织 over five)
  above ``+===+``; then one row per official row in order. A group label (三、本年度办理结果,
  （三）不予公开, …) is a row of its own across the table, and the rows under it are indented by
  two spaces per level.
- 表四: three header rows (行政复议 | 行政诉讼 / 未经复议直接起诉, 复议后起诉 | the five
  outcome columns), then one row of fifteen figures.
- Figures: counts as digits, the signed 2019 本年增/减 with its sign (``+3``, ``-417``,
  ``0``), amounts with the decimals they were stated with; a blank cell is empty.
"""

from __future__ import annotations

import datetime as _dt
import unicodedata

from govdisclosure.model import Report
from govdisclosure.rendering._common import (
    BlockRenderer,
    Grid,
    GridCell,
    Heading,
    RenderOptions,
    TableBlock,
    context,
    printed,
)

__all__ = ["display_width", "render", "wrap"]


# --------------------------------------------------------------------------- widths


def _char_width(ch: str, ambiguous: int) -> int:
    if unicodedata.combining(ch):
        return 0
    eaw = unicodedata.east_asian_width(ch)
    if eaw in ("W", "F"):
        return 2
    if eaw == "A":
        return ambiguous
    return 1


def display_width(text: str, *, ambiguous: int = 1) -> int:
    """The columns ``text`` takes in a monospaced font: 2 for wide and full-width characters
    (``unicodedata.east_asian_width`` W or F), ``ambiguous`` for the ambiguous ones (“ ”).

    >>> display_width("规章"), display_width("(一)予以公开")
    (4, 12)
    >>> display_width("“三安全一稳定”"), display_width("“三安全一稳定”", ambiguous=2)
    (14, 16)
    """
    return sum(_char_width(ch, ambiguous) for ch in text)


# Line breaking: never before closing punctuation, never after opening punctuation.
_CLOSING = frozenset(")]}>,.;:!?%、。，：；！？）〉》」』】〕”’…\uff0e\uff3d\uff5d")
_OPENING = frozenset("([{<（〈《「『【〔“‘\uff3b\uff5b")


def _is_wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


def _atoms(text: str) -> list[tuple[str, bool]]:
    """Unbreakable pieces of ``text`` and whether a space precedes each."""
    atoms: list[tuple[str, bool]] = []
    space = False
    current = ""
    for ch in text:
        if ch.isspace():
            if current:
                atoms.append((current, space))
                current = ""
            space = bool(atoms)
            continue
        if _is_wide(ch) or (current and _is_wide(current[-1])):
            if current:
                atoms.append((current, space))
                space = False
            current = ch
        else:
            current += ch
    if current:
        atoms.append((current, space))
    merged: list[tuple[str, bool]] = []
    glue_next = False
    for atom, spaced in atoms:
        if merged and not spaced and (glue_next or atom[0] in _CLOSING):
            merged[-1] = (merged[-1][0] + atom, merged[-1][1])
        else:
            merged.append((atom, spaced))
        glue_next = atom[-1] in _OPENING
    return merged


def _hard_split(atom: str, width: int, ambiguous: int) -> list[str]:
    pieces, current, used = [], "", 0
    for ch in atom:
        w = _char_width(ch, ambiguous)
        if current and used + w > width:
            pieces.append(current)
            current, used = "", 0
        current += ch
        used += w
    return [*pieces, current] if current else pieces


def wrap(text: str, width: int, *, ambiguous: int = 1) -> list[str]:
    """Break ``text`` into lines of at most ``width`` columns: between CJK characters or at
    spaces, never before closing or after opening punctuation (an over-long word is split).

    >>> wrap("(二)部分公开(区分处理的,只计这一情形,不计其他情形)", 20)
    ['(二)部分公开(区分处', '理的,只计这一情形,不', '计其他情形)']
    >>> wrap("Legal persons or other organisations", 16)
    ['Legal persons or', 'other', 'organisations']
    """
    lines: list[str] = []
    current, used = "", 0
    for atom, spaced in _atoms(text):
        w = display_width(atom, ambiguous=ambiguous)
        gap = 1 if spaced and current else 0
        if current and used + gap + w <= width:
            current += " " * gap + atom
            used += gap + w
            continue
        if current:
            lines.append(current)
        if w > width:
            *full, current = _hard_split(atom, width, ambiguous)
            lines.extend(full)
            used = display_width(current, ambiguous=ambiguous)
        else:
            current, used = atom, w
    if current or not lines:
        lines.append(current)
    return lines


def _narrowest(text: str, lines: int, ambiguous: int) -> int:
    """The least width at which ``text`` fits in ``lines`` lines (no narrower than its widest
    unbreakable piece)."""
    full = display_width(text, ambiguous=ambiguous)
    low = max((display_width(a, ambiguous=ambiguous) for a, _ in _atoms(text)), default=0)
    for width in range(max(low, 1), full + 1):
        if len(wrap(text, width, ambiguous=ambiguous)) <= lines:
            return width
    return max(full, 1)


# --------------------------------------------------------------------------- grid drawing


def _cell_lines(cell: GridCell, width: int, ambiguous: int) -> list[str]:
    pad = "  " * cell.indent
    inner = max(width - len(pad), 1)
    return [pad + line for line in wrap(cell.text, inner, ambiguous=ambiguous)]


def _column_widths(grid: Grid, options: RenderOptions, amb: int) -> list[int]:
    singles = [c for c in grid.cells if c.colspan == 1]

    def widths(header_lines: int) -> list[int]:
        out = [1] * grid.cols
        for c in singles:
            if c.role == "colhead":
                w = _narrowest(c.text, header_lines, amb)
            elif c.role in ("rowhead", "corner"):
                w = (
                    min(
                        display_width(c.text, ambiguous=amb),
                        max(options.label_width, _narrowest(c.text, 99, amb)),
                    )
                    + 2 * c.indent
                )
            else:
                w = display_width(c.text, ambiguous=amb)
            out[c.col] = max(out[c.col], w)
        # a spanning cell never wider than its columns' own width needs: it wraps instead,
        # unless a single unbreakable piece of it would not fit
        for c in grid.cells:
            if c.colspan > 1:
                need = _narrowest(c.text, 99, amb) + 2 * c.indent
                have = sum(out[c.col : c.col + c.colspan]) + 3 * (c.colspan - 1)
                if need > have:
                    out[c.col + c.colspan - 1] += need - have
        return out

    result = widths(1)
    for header_lines in range(2, 5):
        if 1 + sum(w + 3 for w in result) <= options.text_width:
            break
        narrower = widths(header_lines)
        if narrower == result:
            break
        result = narrower
    return result


def _draw(grid: Grid, options: RenderOptions, amb: int) -> list[str]:
    widths = _column_widths(grid, options, amb)
    contents: dict[int, list[str]] = {}
    heights = [1] * grid.rows
    for i, c in enumerate(grid.cells):
        width = sum(widths[c.col : c.col + c.colspan]) + 3 * (c.colspan - 1)
        contents[i] = _cell_lines(c, width, amb)
        if c.rowspan == 1:
            heights[c.row] = max(heights[c.row], len(contents[i]))
    for i, c in enumerate(grid.cells):
        if c.rowspan > 1:
            have = sum(heights[c.row : c.row + c.rowspan]) + c.rowspan - 1
            if len(contents[i]) > have:
                heights[c.row + c.rowspan - 1] += len(contents[i]) - have
    xs = [0]
    for w in widths:
        xs.append(xs[-1] + w + 3)
    ys = [0]
    for h in heights:
        ys.append(ys[-1] + h + 1)
    canvas = [[" "] * (xs[-1] + 1) for _ in range(ys[-1] + 1)]
    corners: list[tuple[int, int]] = []
    for i, c in enumerate(grid.cells):
        top, bottom = ys[c.row], ys[c.row + c.rowspan]
        left, right = xs[c.col], xs[c.col + c.colspan]
        rule = "=" if grid.head and bottom == ys[grid.head] else "-"
        for x in range(left + 1, right):
            if canvas[top][x] != "=":
                canvas[top][x] = "-"
            canvas[bottom][x] = rule
        for y in range(top + 1, bottom):
            canvas[y][left] = canvas[y][right] = "|"
        corners += [(top, left), (top, right), (bottom, left), (bottom, right)]
        _place(canvas, c, contents[i], top, bottom, left, right, amb)
    for y, x in corners:
        canvas[y][x] = "+"
    return ["".join(line) for line in canvas]


def _place(
    canvas: list[list[str]],
    cell: GridCell,
    lines: list[str],
    top: int,
    bottom: int,
    left: int,
    right: int,
    ambiguous: int,
) -> None:
    inner = right - left - 3
    height = bottom - top - 1
    offset = (height - len(lines)) // 2 if cell.role in ("colhead", "corner") else 0
    for k, line in enumerate(lines):
        used = display_width(line, ambiguous=ambiguous)
        if cell.role == "data":
            x = left + 2 + inner - used
        elif cell.role == "colhead":
            x = left + 2 + (inner - used) // 2
        else:
            x = left + 2
        y = top + 1 + offset + k
        for ch in line:
            w = _char_width(ch, ambiguous)
            canvas[y][x] = ch
            for extra in range(1, w):
                canvas[y][x + extra] = ""
            x += w


def table_lines(
    grid: Grid, options: RenderOptions | None = None, *, ambiguous: int = 2
) -> list[str]:
    """The lines of a grid drawn as an aligned text table (East Asian Ambiguous characters
    taking ``ambiguous`` columns unless ``options`` says otherwise)."""
    options = options or RenderOptions()
    if options.ambiguous_width is not None:
        ambiguous = options.ambiguous_width
    return _draw(grid, options, ambiguous)


# --------------------------------------------------------------------------- document


class _Lines(BlockRenderer[str]):
    """The lines of the text: every block on lines of its own."""

    mode = "indented"

    def paragraph(self, text: str) -> None:
        self.out.append(text)

    title = paragraph

    def metadata(self, items: list[tuple[str, str, str]]) -> None:
        colon = "：" if self.ctx.zh else ": "
        self.out.extend(f"{label}{colon}{value}" for _, label, value in items)

    def heading(self, block: Heading, text: str) -> None:
        self.out.append(text)

    def table(self, block: TableBlock) -> None:
        ctx = self.ctx
        self.out.extend(_draw(printed(ctx, block.grid), ctx.options, ctx.ambiguous_width))

    def signature(self, agency: str, date: _dt.date | None) -> None:
        self.out.append(agency)
        if date is not None:
            self.out.append(self.date_text(date))


def render(report: Report, *, locale: str = "zh_CN", options: RenderOptions | None = None) -> str:
    """The report as plain text (see the module documentation for the form).

    ``locale`` chooses the language of labels, headings the layout knows, the metadata
    block and dates (``"en"`` for English); the report's own paragraphs print as stated.

    >>> from govdisclosure import examples
    >>> print(render(examples.load("xianning-2015")).splitlines()[0])
    咸宁市民政局2015年政府信息公开工作年度报告
    >>> print(render(examples.load("xianning-2015"), locale="en").splitlines()[-1])
    January 29, 2016
    """
    return "\n".join(_Lines(context(report, locale, options)).render(report)) + "\n"
