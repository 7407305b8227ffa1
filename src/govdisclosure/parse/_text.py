"""The text front end: plain text (as extracted from a page or a PDF) and Markdown to
:class:`~govdisclosure.parse._units.Line` and :class:`~govdisclosure.parse._units.Region`.

Tables are found in three forms:

- reStructuredText grid tables (``+---+`` borders; the library's own text output), read row
  by row, a wrapped cell's lines joined;
- GFM pipe tables (a ``|---|`` delimiter row; Markdown), one row per line;
- loose tables, as text extracted from pages prints them: runs of lines that hold table labels
  (through the layout's matcher), pipes, or figures. In a loose table a ``|`` ends a cell
  (a bare ``|`` line is an empty cell, unless it only closes the cell the previous line
  printed); without pipes every line is a cell, and a line of a label followed by figures
  ("规章 0 0 0", PDF text) is split at white space.

Everything is linear in the input: lines are scanned once, tokens are made by ``str.split``.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator

from govdisclosure.parse._cells import is_blank, is_value
from govdisclosure.parse._chrome import is_chrome
from govdisclosure.parse._labels import any_hits, strength
from govdisclosure.parse._units import Line, Region, Tok, Unit, ordinal_split

__all__ = ["text_units", "unescape_markdown"]

_RST_BORDER = re.compile(r"\+[-=+]*\+")
_GFM_DELIM = re.compile(r"\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?")
_MD_HEADING = re.compile(r"(#{1,6})[ \t]+")
_MD_ITEM = re.compile(r"[-*+][ \t]+")
_MD_ESCAPE = re.compile(r"\\([\\`*_\[\]<>|~#>+=\-.()!&])|&#(\d{1,7});")
_SENTENCE = frozenset("。；;，,：:！？!?")
_STOP = frozenset("。；;！？!?")


def unescape_markdown(text: str) -> str:
    r"""Markdown escapes undone: ``\*`` → ``*``, ``&#32;`` → a space.

    >>> unescape_markdown(r"1\. 第一项 \| &#32;x")
    '1. 第一项 |  x'
    """
    if "\\" not in text and "&#" not in text:
        return text

    def repl(m: re.Match[str]) -> str:
        if m.group(1) is not None:
            return m.group(1)
        n = int(m.group(2))
        return chr(n) if 0 < n < 0x110000 else m.group()

    return _MD_ESCAPE.sub(repl, text)


def _physical(text: str) -> list[tuple[int, str]]:
    """(offset, line) of every line, without its line break."""
    out: list[tuple[int, str]] = []
    pos = 0
    n = len(text)
    find = text.find
    while pos <= n:
        j = find("\n", pos)
        if j < 0:
            j = n
        line = text[pos:j]
        if line.endswith("\r"):
            line = line[:-1]
        out.append((pos, line))
        pos = j + 1
    return out


def _stripped(offset: int, line: str) -> tuple[int, int, str]:
    """The line without surrounding white space (full-width included), with its span."""
    s = line.strip()
    if not s:
        return offset, offset, ""
    k = line.find(s[0])
    return offset + k, offset + k + len(s), s


# --------------------------------------------------------------------------- grids


def _split_pipes(offset: int, line: str, escaped: bool) -> list[tuple[int, int, str]]:
    """The cells of a pipe row (outer pipes dropped), with spans; ``\\|`` kept in cells when
    ``escaped``."""
    s = line.rstrip()
    i = len(s) - len(s.lstrip())
    if s[i : i + 1] == "|":
        i += 1
    if escaped and "\\|" in s:
        pieces: list[str] = []
        start = i
        for m in _UNESCAPED_PIPE.finditer(s, i):
            pieces.append(s[start : m.start()])
            start = m.end()
        pieces.append(s[start:])
    else:
        pieces = s[i:].split("|")
    if pieces[-1] == "":
        pieces.pop()
    cells: list[tuple[int, int, str]] = []
    pos = offset + i
    for piece in pieces:
        end = pos + len(piece)
        cells.append((pos, end, piece))
        pos = end + 1
    return cells


_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")


_ASCII_GONE = dict.fromkeys(range(128))


@functools.lru_cache(maxsize=8192)
def _wide(text: str) -> int:
    """How many characters of ``text`` (no ASCII in it) print two columns wide."""
    eaw = unicodedata.east_asian_width
    return sum(1 for ch in text if eaw(ch) in "WFA")


def _width(text: str) -> int:
    """The printed width of ``text`` (East Asian wide characters count two)."""
    if text.isascii():
        return len(text)
    return len(text) + _wide(text.translate(_ASCII_GONE))


def _join(a: str, b: str, inner: int | str = 0) -> str:
    """Lines of a wrapped grid cell joined: with a space where the wrap was at a space.

    The renderer breaks a line only when the next piece does not fit; a piece that would
    have fitted without a space was preceded by one."""
    if not a:
        return b
    if not b:
        return a
    if a[-1].isascii() and b[0].isascii():
        return a + " " + b
    first = b[0] if not b[0].isascii() else b.split(" ", 1)[0]
    if isinstance(inner, str):  # the cell as printed: its width less the padding
        inner = _width(inner) - 2
    if inner and _width(a) + _width(first) <= inner:
        return a + " " + b
    return a + b


_JUNK = re.compile(r"\+[-=+]+|[-=]+\+|[-=]{3,}")


def _rst_region(lines: list[tuple[int, str]]) -> Region:
    """A grid table: rows between border lines, a wrapped cell's lines joined."""
    toks: list[Tok] = []
    row: list[tuple[int, str]] = []
    row_no = 0

    def flush() -> None:
        nonlocal row_no
        if not row:
            return
        split = [_split_pipes(o, ln, False) for o, ln in row]
        counts = {len(s) for s in split}
        if len(counts) == 1 and not any(_JUNK.search(ln) for _, ln in row):
            for c in range(counts.pop()):
                text = ""
                start = end = split[0][c][0]
                for cells in split:
                    s, _e, t = cells[c]
                    t = t.strip()
                    if t:
                        if not text:
                            start = s + (cells[c][2].find(t))
                        text = _join(text, t, cells[c][2])
                        end = s + cells[c][2].find(t) + len(t)
                toks.append(Tok(text, start, max(end, start), row=row_no, col=c))
        else:  # a header row with spanning cells: its words, line by line
            for cells in split:
                for s, _e, t in cells:
                    for piece in _JUNK.split(t):
                        p = piece.strip()
                        if p:
                            k = t.find(p)
                            toks.append(Tok(p, s + k, s + k + len(p), row=row_no))
        row.clear()
        row_no += 1

    for offset, line in lines:
        if line.lstrip().startswith("+"):
            flush()
        else:
            row.append((offset, line))
    flush()
    start = lines[0][0]
    end = lines[-1][0] + len(lines[-1][1])
    return Region(tuple(toks), start, end)


def _gfm_region(lines: list[tuple[int, str]]) -> Region:
    toks: list[Tok] = []
    for r, (offset, line) in enumerate(lines):
        if r == 1:
            continue  # the delimiter row
        for c, (s, _e, t) in enumerate(_split_pipes(offset, line, True)):
            text = unescape_markdown(t.replace("<br>", "")).strip()
            k = t.find(text[:1]) if text else 0
            toks.append(Tok(text, s + max(k, 0), s + max(k, 0) + len(t.strip()), row=r, col=c))
    return Region(tuple(toks), lines[0][0], lines[-1][0] + len(lines[-1][1]))


# --------------------------------------------------------------------------- loose tables


def _is_heading_like(s: str) -> bool:
    split = ordinal_split(s[:12]) if s[:1] else None
    return split is not None and split[0].style.value in ("chinese", "paren")


def _label_then_values(s: str) -> tuple[str, list[str]] | None:
    """ "规章 0 0 0" → ("规章", ["0", "0", "0"]); ``None`` unless figures end the line."""
    parts = s.split()
    k = len(parts)
    while k > 0 and is_value(parts[k - 1]):
        k -= 1
    if k == len(parts):
        return None
    return " ".join(parts[:k]), parts[k:]


def _kind(s: str) -> int:
    """2: a line that is table by itself; 1: table-ish (pipes, figures, column labels);
    0: a short fragment (may stand inside a table); -1: prose or a heading."""
    if not s:
        return 0
    if "|" in s:
        pieces = [p.strip() for p in s.split("|", 8)[:8]]
        return 2 if any(strength(p) == 2 for p in pieces if p) else 1
    st = strength(s)
    if st:
        return st
    if len(s) <= 300:
        lv = _label_then_values(s)
        if lv is not None:
            label, values = lv
            if not label:
                return 1
            st = strength(label)
            if st:
                return max(st, 1)
            if len(values) >= 3 and not any(ch in _STOP for ch in label) and len(label) <= 60:
                # a row whose label the layout does not know (a misprint, a local row):
                # a label then a run of figures is a table row all the same
                return 1
        parts = s.split()
        if len(parts) > 1 and all(strength(p) or is_value(p) for p in parts[:20]):
            return 2 if any(strength(p) == 2 for p in parts[:20]) else 1
    if _is_heading_like(s) or any(ch in _SENTENCE for ch in s):
        return -1
    if len(s) > 14:
        parts = s.split()
        # header words split over lines or written a few characters at a time (PDF text)
        return 0 if len(parts) > 1 and all(len(p) <= 6 for p in parts) else -1
    return 0


def _loose_tokens(lines: list[tuple[int, str]]) -> list[Tok]:
    """The cells of a loose table region (see the module docstring)."""
    toks: list[Tok] = []
    piped = any("|" in ln for _, ln in lines)
    closed_by_newline = False
    for r, (offset, line) in enumerate(lines):
        if not line.strip():
            continue
        if not piped:
            s0, _e0, s = _stripped(offset, line)
            if is_chrome(s, header=True):
                continue
            lv = _label_then_values(s) if strength(s) == 0 else None
            if lv is None:
                toks.append(Tok(s, s0, s0 + len(s), row=r))
                continue
            label, values = lv
            pos = 0
            if label:
                toks.append(Tok(label, s0, s0 + len(label), row=r))
                pos = len(label)
            for v in values:
                k = s.find(v, pos)
                toks.append(Tok(v, s0 + k, s0 + k + len(v), row=r))
                pos = k + len(v)
            continue
        pieces = line.split("|")
        pos = 0
        last = len(pieces) - 1
        for i, piece in enumerate(pieces):
            start = offset + pos
            pos += len(piece) + 1
            text = piece.strip()
            if text:
                k = piece.find(text)
                toks.append(Tok(text, start + k, start + k + len(text), row=r))
            if i < last:
                if not text and not (i == 0 and closed_by_newline):
                    toks.append(Tok("", start, start, row=r))
                closed_by_newline = False
            else:
                closed_by_newline = bool(text)
    return toks


def _bridges(lines: list[tuple[int, str]], kinds: list[int], j: int, last: int) -> bool:
    """Whether line ``j``, read as prose, is the part of a table row a PDF's layout printed
    on a line of its own: a row label wrapped over two lines, its note cut ("（二）部分公开
    （区分处理的，只计这一情 形，不"). So it is when it follows the table's last row closely, is
    short and no sentence, is no section heading ("三、…"), and table rows follow it."""
    if j - last > 3:
        return False
    s = lines[j][1].strip()
    if len(s) > 60 or any(ch in _STOP for ch in s):
        return False
    split = ordinal_split(s[:12])
    if split is not None and split[0].style.value == "chinese":
        return False
    ahead = [k for k in kinds[j + 1 : j + 5] if k != 0]
    return bool(ahead) and ahead[0] >= 1


def _loose_regions(lines: list[tuple[int, str]]) -> Iterator[tuple[int, int]]:
    """[start, end) line ranges of loose table regions."""
    kinds = [
        _kind(_stripped(o, ln)[2]) if not is_chrome(ln.strip(), header=True) else 0
        for o, ln in lines
    ]
    n = len(kinds)
    i = 0
    while i < n:
        if kinds[i] < 1:
            i += 1
            continue
        j = i
        last = i
        strong = False
        while j < n and (kinds[j] >= 0 or _bridges(lines, kinds, j, last)):
            if kinds[j] >= 1:
                last = j
                strong = strong or kinds[j] == 2
            j += 1
        if strong:
            yield i, last + 1
        i = max(last + 1, i + 1)


# --------------------------------------------------------------------------- the front end


def _narrative(offset: int, line: str, markdown: bool) -> Line | None:
    s0, _e, s = _stripped(offset, line)
    if not s:
        return None
    if not markdown:
        return Line(s, s0, s0 + len(s))
    hint, level = "", 0
    m = _MD_HEADING.match(s)
    if m:
        hint, level = "heading", len(m.group(1)) - 1
        s0 += m.end()
        s = s[m.end() :]
    else:
        m = _MD_ITEM.match(s)
        if m:
            hint = "item"
            s0 += m.end()
            s = s[m.end() :]
    if s.endswith("\\") and not s.endswith("\\\\"):
        s = s[:-1]
    text = unescape_markdown(s).strip()
    return Line(text, s0, s0 + len(s), hint=hint, level=level) if text else None


class _Units:
    """The units of a text as they are read: narrative lines and loose table regions."""

    def __init__(self, markdown: bool) -> None:
        self.markdown = markdown
        self.units: list[Unit] = []
        self.broken = False  # the last Markdown line ended with a hard break (a backslash)

    def plain(self, plain: list[tuple[int, str]]) -> None:
        """Lines outside grid and pipe tables: loose table regions, the rest narrative."""
        k = 0
        for a, b in _loose_regions(plain):
            for o, ln in plain[k:a]:
                self.narrative(o, ln)
            toks = _loose_tokens(plain[a:b])
            if toks:
                end = plain[b - 1][0] + len(plain[b - 1][1])
                self.units.append(Region(tuple(toks), plain[a][0], end))
            k = b
        for o, ln in plain[k:]:
            self.narrative(o, ln)

    def narrative(self, o: int, ln: str) -> None:
        u = _narrative(o, ln, self.markdown)
        if u is None:
            self.broken = False
            return
        units = self.units
        if self.broken and units and isinstance(units[-1], Line) and units[-1].hint == "":
            prev = units[-1]
            units[-1] = Line(prev.text + "\n" + u.text, prev.start, u.end, prev.element)
        else:
            units.append(u)
        tail = ln.rstrip()
        self.broken = self.markdown and tail.endswith("\\") and not tail.endswith("\\\\")


def _table_end(lines: list[tuple[int, str]], i: int) -> tuple[int, bool] | None:
    """Where a grid table (``True``) or a pipe table (``False``) that starts at line ``i``
    ends; ``None`` when none starts there."""
    n = len(lines)
    s = lines[i][1].strip()
    if s.startswith("+") and _RST_BORDER.fullmatch(s):
        j = i + 1
        while j < n and lines[j][1].strip()[:1] in ("+", "|"):
            j += 1
        return j, True
    if s.startswith("|") and i + 1 < n and _GFM_DELIM.fullmatch(lines[i + 1][1].strip()):
        j = i + 2
        while j < n and lines[j][1].strip().startswith("|"):
            j += 1
        return j, False
    return None


def text_units(text: str, *, markdown: bool = False) -> list[Unit]:
    """The lines and table regions of a text (or Markdown, with ``markdown``)."""
    lines = _physical(text)
    out = _Units(markdown)
    plain: list[tuple[int, str]] = []
    i = 0
    while i < len(lines):
        table = _table_end(lines, i)
        if table is None:
            plain.append(lines[i])
            i += 1
            continue
        j, grid = table
        if plain:
            out.plain(plain)
            plain = []
        out.units.append(_rst_region(lines[i:j]) if grid else _gfm_region(lines[i:j]))
        i = j
    if plain:
        out.plain(plain)
    return out.units


def blank(text: str) -> bool:
    """Whether a token is an empty cell."""
    return is_blank(text) or (not any_hits(text) and not text.strip())
