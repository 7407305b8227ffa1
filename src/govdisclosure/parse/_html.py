"""The HTML front end: a page (with its site chrome) or a fragment to lines and tables.

A small tree builder over :mod:`html.parser` that closes ``<p>``, ``<li>``, ``<dt>/<dd>``,
``<td>/<th>`` and ``<tr>`` as browsers do, skips ``<script>``, ``<style>``, navigation and
form controls, and keeps for every block its span and element path. Tables are resolved with
their ``rowspan``/``colspan`` into a grid; a table that holds the report's labels becomes a
:class:`~govdisclosure.parse._units.Region` of its cells in reading order (a spanning label
once, at its first row), any other table (a layout table around the report, a metadata
table) gives back its contents as lines. Nothing recurses on nesting depth; end tags look at
most :data:`_SEARCH` elements up the stack, so 10^4 nested ``<div>``s stay linear.
"""

from __future__ import annotations

from html.parser import HTMLParser

from govdisclosure.parse._labels import strength
from govdisclosure.parse._types import SourceMap
from govdisclosure.parse._units import Line, Region, Tok, Unit

__all__ = ["html_units"]

_SEARCH = 64
_MAX_SPAN = 64
_SKIP = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "head",
        "nav",
        "select",
        "option",
        "button",
        "textarea",
        "iframe",
        "svg",
        "object",
        "canvas",
        "map",
        "audio",
        "video",
    }
)
_VOID = frozenset(
    {
        "br",
        "img",
        "meta",
        "link",
        "hr",
        "input",
        "area",
        "base",
        "col",
        "embed",
        "param",
        "source",
        "track",
        "wbr",
    }
)
_BLOCK = frozenset(
    {
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "dt",
        "dd",
        "ul",
        "ol",
        "dl",
        "section",
        "article",
        "header",
        "footer",
        "blockquote",
        "pre",
        "center",
        "form",
        "main",
        "aside",
        "caption",
        "figure",
        "figcaption",
        "address",
        "hr",
        "title",
        "body",
        "html",
        "fieldset",
        "legend",
        "details",
        "summary",
    }
)
_CLOSES_P = _BLOCK | {"table"}
_CELL = ("td", "th")
_FLUSHES = _BLOCK | {"table", "tr", *_CELL}
_TABLE_PARTS = frozenset({*_CELL, "tr", "tbody", "thead", "tfoot"})
_CLOSED_BY: dict[str, tuple[str, ...]] = {
    "td": ("td", "th"),
    "th": ("td", "th"),
    "tr": ("tr", "td", "th"),
    "tbody": ("tr", "td", "th", "tbody", "thead", "tfoot"),
    "thead": ("tr", "td", "th", "tbody", "thead", "tfoot"),
    "tfoot": ("tr", "td", "th", "tbody", "thead", "tfoot"),
}
_STOP_TABLE = ("table",)
_IMPLIES = _CLOSES_P | _TABLE_PARTS | {"li", "dt", "dd"}  # start tags that close open ones


class _Entry:
    __slots__ = ("_path", "children", "depth", "index", "parent", "tag")

    def __init__(self, tag: str, index: int, parent: _Entry | None) -> None:
        self.tag = tag
        self.index = index
        self.parent = parent
        self.depth: int = 1 if parent is None else parent.depth + 1
        self.children: dict[str, int] | None = None
        self._path: str | None = None

    def path(self) -> str:
        """The element path (at most the 12 innermost steps), made once per element."""
        if self._path is None:
            if self.parent is None:
                self._path = f"{self.tag}[{self.index}]"
                return self._path
            if self.depth <= 12:  # the parent's path, one step longer
                self._path = f"{self.parent.path()}/{self.tag}[{self.index}]"
                return self._path
            parts: list[str] = []
            e: _Entry | None = self
            while e is not None and len(parts) < 12:
                parts.append(f"{e.tag}[{e.index}]")
                e = e.parent
            if e is not None:
                parts.append("…")
            self._path = "/".join(reversed(parts))
        return self._path


class _Container:
    """Where text goes: the page, or one table cell."""

    __slots__ = ("buf", "end", "hint", "level", "start", "trailing", "units")

    def __init__(self) -> None:
        self.buf: list[str] = []
        self.start = -1
        # where the text read so far ends in the source: the start of the tag after its last
        # data, less that data's trailing white space (-1: no tag yet after the data)
        self.end = -1
        self.trailing = -1
        self.units: list[Unit] = []
        self.hint = ""
        self.level = 0


class _Cell:
    __slots__ = ("box", "colspan", "element", "end", "rowspan", "start")

    def __init__(self, start: int, element: str, rowspan: int, colspan: int) -> None:
        self.box = _Container()
        self.start = start
        self.end = start
        self.element = element
        self.rowspan = rowspan
        self.colspan = colspan


class _Table:
    __slots__ = ("element", "rows", "start")

    def __init__(self, start: int, element: str) -> None:
        self.rows: list[list[_Cell]] = []
        self.start = start
        self.element = element


def _span_attr(attrs: list[tuple[str, str | None]], name: str) -> int:
    for k, v in attrs:
        if k == name and v:
            digits = "".join(ch for ch in v if ch.isdigit())[:4]
            if digits:
                return max(1, min(int(digits), _MAX_SPAN))
    return 1


def _clean_text(pieces: list[str]) -> str:
    text = "".join(pieces)
    if "\u2028" in text:
        return "\n".join(t for t in (_clean_text([x]) for x in text.split("\u2028")) if t)
    if "\n" in text or "\r" in text or "\t" in text:
        text = text.replace("\r", "").replace("\t", " ")
        lines = [ln.strip(" ") for ln in text.split("\n")]
        out = ""
        for ln in lines:
            if not ln:
                continue
            out = (
                out + ln
                if not out or not (out[-1].isascii() and ln[0].isascii())
                else out + " " + ln
            )
        text = out
    return text.strip()


class _Builder(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.starts = SourceMap(text).starts
        self.stack: list[_Entry] = []
        self.open: dict[str, int] = {}  # how many elements of each tag are on the stack
        self.root = _Entry("#document", 1, None)
        self.page = _Container()
        self.boxes: list[_Container] = [self.page]
        self.tables: list[_Table] = []
        self.cells: list[_Cell | None] = []  # the open cell of each open table
        self.skip = 0

    # ---- text -----------------------------------------------------------------------------

    def _flush(self, at: int) -> None:
        box = self.boxes[-1]
        if box.buf:
            text = _clean_text(box.buf)
            if text:
                element = self.stack[-1].path() if self.stack else None
                end = (
                    box.end
                    if box.trailing < 0 and box.end > box.start
                    else at - max(box.trailing, 0)
                )
                box.units.append(
                    Line(text, box.start, max(end, box.start), element, box.hint, box.level)
                )
            box.buf.clear()
        box.start = -1
        box.end = box.trailing = -1

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        box = self.boxes[-1]
        if box.start < 0:
            lead = len(data) - len(data.lstrip())
            if lead == len(data):
                return
            box.start = self.starts[self.lineno - 1] + self.offset + lead
            box.buf.append(data)
            box.trailing = len(data) - len(data.rstrip())
            return
        box.buf.append(data)
        trail = len(data) - len(data.rstrip())
        if trail < len(data):
            box.trailing = trail

    # ---- elements -------------------------------------------------------------------------

    def _push(self, tag: str) -> _Entry:
        parent = self.stack[-1] if self.stack else self.root
        if parent.children is None:
            parent.children = {}
        k = parent.children.get(tag, 0) + 1
        parent.children[tag] = k
        entry = _Entry(tag, k, parent)
        self.stack.append(entry)
        self.open[tag] = self.open.get(tag, 0) + 1
        return entry

    def _pop_to(self, index: int, at: int) -> None:
        while len(self.stack) > index:
            self._close(self.stack[-1], at)
            self.open[self.stack.pop().tag] -= 1

    def _find(self, tags: tuple[str, ...], stop: tuple[str, ...] = ()) -> int:
        open_ = self.open
        for t in tags:
            if open_.get(t):
                break
        else:  # no such element is open
            return -1
        for i in range(len(self.stack) - 1, max(-1, len(self.stack) - 1 - _SEARCH), -1):
            t = self.stack[i].tag
            if t in tags:
                return i
            if t in stop:
                return -1
        return -1

    def _close_implied(self, tag: str, at: int) -> None:
        """Close what a start tag ``tag`` closes as browsers do: an open ``<p>`` before a block,
        ``<li>`` before ``<li>``, ``<dt>/<dd>`` before either, cells and rows before theirs."""
        if tag in _CLOSES_P and self.open.get("p"):
            i = self._find(("p",), ("td", "th", "table", "div", "li"))
            if i >= 0:
                self._pop_to(i, at)
        if tag == "li":
            i = self._find(("li",), ("ul", "ol", "table"))
            if i >= 0:
                self._pop_to(i, at)
        elif tag in ("dt", "dd"):
            i = self._find(("dt", "dd"), ("dl", "table"))
            if i >= 0:
                self._pop_to(i, at)
        elif tag in _TABLE_PARTS:
            targets = _CLOSED_BY[tag]
            i = self._find(targets, _STOP_TABLE)
            while i >= 0:
                self._pop_to(i, at)
                i = self._find(targets, _STOP_TABLE)

    def _tag_at(self) -> int:
        """Where the tag being read starts; the text before it ends there (its white space
        aside)."""
        at: int = self.starts[self.lineno - 1] + self.offset
        box = self.boxes[-1]
        if box.trailing >= 0:
            box.end = at - box.trailing
            box.trailing = -1
        return at

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        at = self._tag_at()
        if self.skip:
            if tag in _SKIP:
                self.skip += 1
                self._push(tag)
            return
        if tag in _VOID:
            if tag == "br" and self.boxes[-1].start >= 0:
                self.boxes[-1].buf.append("\u2028")
            elif tag == "hr":
                self._flush(at)
            return
        if tag in _IMPLIES:
            self._close_implied(tag, at)
        if tag in _SKIP:
            self._flush(at)
            self.skip = 1
            self._push(tag)
            return
        if tag in _FLUSHES and self.boxes[-1].buf:  # (no text read: nothing to flush)
            self._flush(at)
        entry = self._push(tag)
        if tag == "table":
            self.tables.append(_Table(at, entry.path()))
            self.cells.append(None)
        elif tag in _CELL and self.tables:
            table = self.tables[-1]
            if not table.rows or self._find(("tr",), ("table",)) < 0:
                table.rows.append([])
            cell = _Cell(
                at, entry.path(), _span_attr(attrs, "rowspan"), _span_attr(attrs, "colspan")
            )
            table.rows[-1].append(cell)
            self.cells[-1] = cell
            self.boxes.append(cell.box)
        elif tag == "tr" and self.tables:
            self.tables[-1].rows.append([])
        elif tag[:1] == "h" and tag[1:2].isdigit() and len(tag) == 2:
            box = self.boxes[-1]
            box.hint, box.level = "heading", int(tag[1]) - 1
        elif tag in ("li", "dt", "dd"):
            self.boxes[-1].hint = "item"

    def handle_endtag(self, tag: str) -> None:
        at = self._tag_at()
        if self.skip:
            i = self._find((tag,))
            if i >= 0 and tag in _SKIP:
                for e in self.stack[i:]:
                    self.open[e.tag] -= 1
                del self.stack[i:]
                self.skip -= 1
                if self.skip < 0:
                    self.skip = 0
            return
        if tag in _VOID:
            return
        stack = self.stack
        if stack and stack[-1].tag == tag:  # the common case: it closes the innermost element
            self._close(stack[-1], at)  # (the element is on the stack while it closes)
            stack.pop()
            self.open[tag] -= 1
            return
        stop = _STOP_TABLE if tag in _TABLE_PARTS else ()
        i = self._find((tag,), stop)
        if i < 0:
            if tag == "p":
                self._flush(at)
            return
        self._pop_to(i, at)

    def _close(self, entry: _Entry, at: int) -> None:
        tag = entry.tag
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
            return
        if tag in _CELL and self.tables and self.cells[-1] is not None:
            self._flush(at)
            cell = self.cells[-1]
            cell.end = at
            self.cells[-1] = None
            if len(self.boxes) > 1:
                self.boxes.pop()
            return
        if tag == "table" and self.tables:
            self._flush(at)
            table = self.tables.pop()
            self.cells.pop()
            self.boxes[-1].units.extend(_table_units(table, at))
            return
        if tag in _BLOCK:
            self._flush(at)
            box = self.boxes[-1]
            box.hint, box.level = "", 0

    def finish(self, end: int) -> list[Unit]:
        self.close()
        self._pop_to(0, end)
        while self.tables:
            table = self.tables.pop()
            self.cells.pop()
            if len(self.boxes) > 1:
                self.boxes.pop()
            self.boxes[-1].units.extend(_table_units(table, end))
        while len(self.boxes) > 1:
            box = self.boxes.pop()
            self.boxes[-1].units.extend(box.units)
        self._flush(end)
        return self.page.units


def _cell_text(cell: _Cell) -> str:
    texts = [u.text for u in cell.box.units if isinstance(u, Line)]
    out = ""
    for t in texts:
        out = out + t if not out or not (out[-1].isascii() and t[0].isascii()) else out + " " + t
    return out


def _table_units(table: _Table, end: int) -> list[Unit]:
    """A report table as a region of its cells in reading order, any other as its contents."""
    placed: list[tuple[int, int, _Cell]] = []
    taken: set[tuple[int, int]] = set()
    for r, row in enumerate(table.rows):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            placed.append((r, c, cell))
            if cell.rowspan > 1 or cell.colspan > 1:
                for dr in range(cell.rowspan):
                    for dc in range(cell.colspan):
                        taken.add((r + dr, c + dc))
            c += cell.colspan
    nested = any(isinstance(u, Region) for _, _, cell in placed for u in cell.box.units)
    report = not nested and any(strength(_cell_text(cell)) == 2 for _, _, cell in placed[:400])
    if not report:
        out: list[Unit] = []
        for row in table.rows:
            if (
                len(row) > 1
                and all(len(cell.box.units) <= 1 for cell in row)
                and all(isinstance(u, Line) for cell in row for u in cell.box.units)
            ):
                texts = [_cell_text(cell) for cell in row]
                texts = [t for t in texts if t]
                if texts:
                    first = next(u for cell in row for u in cell.box.units)
                    last_cell = row[-1]
                    out.append(
                        Line(
                            " ".join(texts),
                            first.start,
                            max(last_cell.end, first.start),
                            first.element,
                            "row",
                        )
                    )
                continue
            for cell in row:
                out.extend(cell.box.units)
        return out
    toks = []
    for r, c, cell in placed:
        lines = [u for u in cell.box.units if isinstance(u, Line)]
        text = _cell_text(cell)
        start = lines[0].start if lines else cell.start
        stop = lines[-1].end if lines else cell.start
        toks.append(Tok(text, start, stop, cell.element, r, c, cell.colspan))
    return [Region(tuple(toks), table.start, end, table.element)]


def html_units(text: str) -> list[Unit]:
    """The lines and table regions of an HTML page or fragment."""
    builder = _Builder(text)
    builder.feed(text)
    return builder.finish(len(text))
