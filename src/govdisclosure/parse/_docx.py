"""The Word front end: a ``.docx`` file's body to lines and table regions.

A ``.docx`` is a zip of XML parts; the body (``word/document.xml``) is read in order:

* **Paragraphs**, with the number Word prints before them from the numbering definitions
  (``word/numbering.xml``: ``一、``, ``（一）``, ``1.`` are counters, not text), given
  directly (``w:numPr``) or through the paragraph's style; heading styles and outline levels
  give the ``heading`` hint (the title at level 0).
* **Tables**, with merged cells: ``w:gridSpan`` (across) gives the cell's ``colspan``,
  ``w:vMerge`` (down) makes the continued cells part of the first one, as the HTML front end
  gives a ``rowspan`` cell once, at its first row.
* Headers, footers, footnotes and comments live in other parts and are not read (the
  running header with the agency's name, page numbers); deleted text of tracked changes is
  not read, inserted text is.

Every unit's ``element`` is its path: ``w:p[12]`` for the twelfth body paragraph,
``w:tbl[2]/w:tr[3]/w:tc[1]`` for a cell; its :class:`~govdisclosure.parse._types.Place`
gives the page where the file records page breaks (explicit ones, or the ones Word saved
when it last laid the document out), without a box — a Word file has no fixed layout.

The XML is parsed by the standard library after refusing any part that declares a document
type (Word never writes one: entity tricks never reach the parser); every part is read
through a size limit, so a zip bomb stops at :data:`MAX_PART` bytes. ``.doc`` and ``.wps``
files are converted to ``.docx`` by LibreOffice (``soffice``) when it is installed.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tempfile
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator
from typing import Final

from govdisclosure.errors import NumeralError, ParseError
from govdisclosure.numerals.chinese import from_int
from govdisclosure.parse._frontends import FrontEndOutput
from govdisclosure.parse._types import ParseFinding, Place
from govdisclosure.parse._units import Line, Region, Tok, Unit

__all__ = ["MAX_PART", "is_docx", "is_ole", "read_doc", "read_docx"]

#: The most bytes read from one part of a Word file (document.xml of a long report is
#: well under a megabyte).
MAX_PART: Final = 32 * 1024 * 1024
#: The most members a Word zip may have.
MAX_MEMBERS: Final = 5000
#: Seconds LibreOffice may take to convert one ``.doc``/``.wps`` file.
CONVERT_TIMEOUT: Final = 120

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def is_docx(head: bytes) -> bool:
    """Whether ``head`` starts a zip holding ``word/document.xml`` (from the names of the
    first local headers; a Word file lists its parts near the start).

    >>> is_docx(b"PK\\x03\\x04" + b"\\x00" * 26 + b"word/document.xml")
    True
    >>> is_docx(b"%PDF-1.7")
    False
    """
    return head[:4] == b"PK\x03\x04" and (
        b"word/document.xml" in head or (b"[Content_Types].xml" in head and b"word/" in head)
    )


def is_ole(head: bytes) -> bool:
    """Whether ``head`` starts an OLE2 compound file (a ``.doc`` or ``.wps``)."""
    return head[:8] == _OLE


# ---- the zip and its XML ---------------------------------------------------------------------


def _part(zf: zipfile.ZipFile, name: str) -> ET.Element | None:
    try:
        info = zf.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_PART:
        raise ParseError(f"the Word file's {name} is {info.file_size} bytes; at most {MAX_PART}")
    try:
        with zf.open(info) as fh:
            data = fh.read(MAX_PART + 1)
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError) as exc:
        raise ParseError(f"the Word file's {name} cannot be read: {exc}") from None
    except Exception as exc:  # zlib.error and friends from a damaged stream
        raise ParseError(f"the Word file's {name} cannot be read: {exc}") from None
    if len(data) > MAX_PART:
        raise ParseError(f"the Word file's {name} inflates beyond {MAX_PART} bytes; not read")
    return _xml(data, name)


def _xml(data: bytes, name: str) -> ET.Element:
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        text = data.decode("utf-16", errors="replace")
    else:
        text = data.decode("utf-8", errors="replace")
    head = text[:4096].upper()
    if "<!DOCTYPE" in head or "<!ENTITY" in text.upper():
        raise ParseError(f"the Word file's {name} declares a document type or entities; not read")
    try:
        return ET.fromstring(text)
    except ET.ParseError as exc:
        raise ParseError(f"the Word file's {name} is not well-formed XML: {exc}") from None


def _val(el: ET.Element | None, attr: str = "val") -> str | None:
    if el is None:
        return None
    return el.get(_W + attr)


def _int(v: str | None, default: int = 0) -> int:
    if v is None:
        return default
    digits = v.strip()
    if digits.isdigit() and len(digits) < 7:
        return int(digits)
    return default


# ---- numbering -------------------------------------------------------------------------------

_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def _roman(n: int) -> str:
    out = ""
    for v, s in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= v:
            out += s
            n -= v
    return out


def _letters(n: int) -> str:
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """Word's ``numFmt`` for the counter ``n``.

    >>> [format_number(n, "chineseCounting") for n in (1, 10, 12)]
    ['一', '十', '十二']
    >>> format_number(3, "decimal"), format_number(2, "ideographTraditional")
    ('3', '乙')
    """
    try:
        if fmt in ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting"):
            return from_int(n)
        if fmt in ("chineseLegalSimplified", "ideographLegalTraditional"):
            return from_int(n, financial=True)
    except NumeralError:
        return str(n)
    if fmt == "ideographTraditional" and 1 <= n <= 10:
        return _TIANGAN[n - 1]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return _CIRCLED[n - 1]
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(d) - 0x30 + 0xFF10) for d in str(n))
    if fmt == "upperLetter":
        return _letters(n)
    if fmt == "lowerLetter":
        return _letters(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("none", "bullet"):
        return ""
    return str(n)


class _Level:
    __slots__ = ("fmt", "restart", "start", "text")

    def __init__(self, start: int, fmt: str, text: str, restart: int | None) -> None:
        self.start = start
        self.fmt = fmt
        self.text = text
        self.restart = restart


class _Numbering:
    """The counters of the numbering definitions, advanced paragraph by paragraph."""

    def __init__(self, root: ET.Element | None) -> None:
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        self.counters: dict[str, list[int | None]] = {}
        if root is None:
            return
        for ab in root.iter(_W + "abstractNum"):
            levels: dict[int, _Level] = {}
            for lvl in ab.iter(_W + "lvl"):
                il = _int(_val(lvl, "ilvl"))
                restart = _val(lvl.find(_W + "lvlRestart"))
                levels[il] = _Level(
                    _int(_val(lvl.find(_W + "start")), 1),
                    _val(lvl.find(_W + "numFmt")) or "decimal",
                    _val(lvl.find(_W + "lvlText")) or "",
                    None if restart is None else _int(restart),
                )
            self.abstract[_val(ab, "abstractNumId") or ""] = levels
        for num in root.iter(_W + "num"):
            overrides: dict[int, int] = {}
            for ov in num.iter(_W + "lvlOverride"):
                so = ov.find(_W + "startOverride")
                if so is not None:
                    overrides[_int(_val(ov, "ilvl"))] = _int(_val(so), 1)
            self.nums[_val(num, "numId") or ""] = (
                _val(num.find(_W + "abstractNumId")) or "",
                overrides,
            )

    def label(self, num_id: str, ilvl: int) -> str:
        """The number printed before the next paragraph of ``num_id`` at level ``ilvl``."""
        if num_id not in self.nums or num_id == "0":
            return ""
        ab_id, overrides = self.nums[num_id]
        levels = self.abstract.get(ab_id)
        if not levels or ilvl not in levels or not 0 <= ilvl < 9:
            return ""
        key = ab_id if not overrides else f"num:{num_id}"
        counters = self.counters.setdefault(key, [None] * 9)
        level = levels[ilvl]
        start = overrides.get(ilvl, level.start)
        current = counters[ilvl]
        counters[ilvl] = start if current is None else current + 1
        for deeper in range(ilvl + 1, 9):
            lv = levels.get(deeper)
            if lv is None or lv.restart != 0:
                counters[deeper] = None
        text = level.text
        for k in range(9):
            token = f"%{k + 1}"
            if token in text:
                lv = levels.get(k)
                value = counters[k]
                if value is None:
                    value = overrides.get(k, lv.start if lv is not None else 1)
                text = text.replace(token, format_number(value, lv.fmt if lv else "decimal"))
        return text


class _Styles:
    def __init__(self, root: ET.Element | None) -> None:
        self.num: dict[str, tuple[str | None, int | None]] = {}
        self.outline: dict[str, int] = {}
        self.based: dict[str, str] = {}
        if root is None:
            return
        for st in root.iter(_W + "style"):
            sid = _val(st, "styleId") or ""
            name = (_val(st.find(_W + "name")) or "").lower()
            based = _val(st.find(_W + "basedOn"))
            if based:
                self.based[sid] = based
            ppr = st.find(_W + "pPr")
            if ppr is not None:
                numpr = ppr.find(_W + "numPr")
                if numpr is not None:
                    ilvl = _val(numpr.find(_W + "ilvl"))
                    self.num[sid] = (
                        _val(numpr.find(_W + "numId")),
                        None if ilvl is None else _int(ilvl),
                    )
                ol = _val(ppr.find(_W + "outlineLvl"))
                if ol is not None:
                    self.outline[sid] = _int(ol)
            if name == "title":
                self.outline.setdefault(sid, -1)
            elif name.startswith("heading ") and name[8:].isdigit():
                self.outline.setdefault(sid, int(name[8:]) - 1)

    def _chain(self, sid: str) -> Iterator[str]:
        seen: set[str] = set()
        while sid and sid not in seen and len(seen) < 32:
            seen.add(sid)
            yield sid
            sid = self.based.get(sid, "")

    def numbering(self, sid: str) -> tuple[str | None, int | None]:
        for s in self._chain(sid):
            if s in self.num:
                return self.num[s]
        return None, None

    def outline_level(self, sid: str) -> int | None:
        for s in self._chain(sid):
            if s in self.outline:
                return self.outline[s]
        return None


# ---- the body --------------------------------------------------------------------------------


class _Reader:
    def __init__(self, numbering: _Numbering, styles: _Styles, page_marks: str) -> None:
        self.numbering = numbering
        self.styles = styles
        self.page_marks = page_marks  # "rendered", "explicit"
        self.page = 1
        self.parts: list[str] = []
        self.at = 0
        self.units: list[Unit] = []
        self.np = 0
        self.nt = 0

    def put(self, s: str) -> tuple[int, int]:
        start = self.at
        self.parts.append(s)
        self.at += len(s)
        return start, self.at

    # -- text of runs --

    def _text(self, el: ET.Element) -> str:
        out: list[str] = []
        self._collect(el, out)
        return "".join(out)

    def _collect(self, el: ET.Element, out: list[str]) -> None:
        stack: list[ET.Element] = [el]
        while stack:
            e = stack.pop()
            tag = e.tag
            if tag == _W + "t":
                out.append(e.text or "")
                continue
            if tag in (_W + "tab", _W + "ptab"):
                out.append(" ")
                continue
            if tag in (_W + "br", _W + "cr"):
                if _val(e, "type") == "page":
                    if self.page_marks == "explicit":
                        self.page += 1
                else:
                    out.append("\n")
                continue
            if tag == _W + "lastRenderedPageBreak":
                if self.page_marks == "rendered":
                    self.page += 1
                continue
            if tag in (_W + "noBreakHyphen",):
                out.append("-")
                continue
            if tag in (
                _W + "del",
                _W + "delText",
                _W + "instrText",
                _W + "pPr",
                _W + "rPr",
                _W + "footnoteReference",
                _W + "endnoteReference",
                _W + "commentReference",
            ):
                continue
            stack.extend(reversed(list(e)))

    # -- paragraphs --

    def paragraph(self, p: ET.Element, element: str) -> str:
        ppr = p.find(_W + "pPr")
        sid = _val(ppr.find(_W + "pStyle")) if ppr is not None else None
        if (
            ppr is not None
            and self.page_marks == "explicit"
            and ppr.find(_W + "pageBreakBefore") is not None
            and _val(ppr.find(_W + "pageBreakBefore")) not in ("0", "false")
        ):
            self.page += 1
        num_id, ilvl = self.styles.numbering(sid or "")
        numpr = ppr.find(_W + "numPr") if ppr is not None else None
        if numpr is not None:
            n = _val(numpr.find(_W + "numId"))
            if n is not None:
                num_id = n
            il = _val(numpr.find(_W + "ilvl"))
            if il is not None:
                ilvl = _int(il)
        text = self._text(p)
        text = "\n".join(t.strip() for t in text.split("\n") if t.strip())
        label = ""
        if num_id is not None and num_id != "0":
            label = self.numbering.label(num_id, ilvl or 0)
        if label and text:
            text = label + text
        return text

    def outline(self, p: ET.Element) -> int | None:
        ppr = p.find(_W + "pPr")
        if ppr is None:
            return None
        ol = _val(ppr.find(_W + "outlineLvl"))
        if ol is not None:
            return _int(ol)
        sid = _val(ppr.find(_W + "pStyle"))
        return self.styles.outline_level(sid) if sid else None

    def body_paragraph(self, p: ET.Element) -> None:
        self.np += 1
        element = f"w:p[{self.np}]"
        page = self.page
        text = self.paragraph(p, element)
        if not text:
            return
        hint, level = "", 0
        ol = self.outline(p)
        if ol is not None and ol < 0:  # the Title style
            hint = "heading"
        elif ol is not None and ol < 9:  # Heading 1 is level 1 (一、), as h2 is in HTML
            hint, level = "heading", ol + 1
        start, end = self.put(text)
        self.put("\n")
        self.units.append(Line(text, start, end, element, hint, level, Place(page)))

    # -- tables --

    def table(self, tbl: ET.Element) -> None:
        self.nt += 1
        tpath = f"w:tbl[{self.nt}]"
        page = self.page
        start = self.at
        toks: list[Tok] = []
        open_cells: dict[int, int] = {}  # grid column → index in toks of the vMerge origin
        r = -1
        for tr in _children(tbl, "tr"):
            r += 1
            trpr = tr.find(_W + "trPr")
            col = _int(_val(trpr.find(_W + "gridBefore"))) if trpr is not None else 0
            first = True
            for k, tc in enumerate(_children(tr, "tc"), start=1):
                tcpr = tc.find(_W + "tcPr")
                span, vmerge = 1, None
                if tcpr is not None:
                    span = max(1, min(_int(_val(tcpr.find(_W + "gridSpan")), 1), 64))
                    vmerge = tcpr.find(_W + "vMerge")
                cell_path = f"{tpath}/w:tr[{r + 1}]/w:tc[{k}]"
                text = self.cell_text(tc, cell_path)
                if (
                    vmerge is not None
                    and _val(vmerge) != "restart"
                    and col in open_cells
                    and not text
                ):
                    col += span  # the continued part of a cell merged down
                    continue
                if not first:
                    self.put(" | ")
                first = False
                s, e = self.put(text)
                toks.append(Tok(text, s, e, cell_path, r, col, span, Place(page)))
                if vmerge is not None:
                    open_cells[col] = len(toks) - 1
                else:
                    open_cells.pop(col, None)
                col += span
            self.put("\n")
        if toks:
            self.units.append(Region(tuple(toks), start, self.at, tpath, Place(page)))

    def cell_text(self, tc: ET.Element, path: str) -> str:
        pieces: list[str] = []
        for el in tc:
            if el.tag == _W + "p":
                t = self.paragraph(el, path)
                if t:
                    pieces.append(t)
            elif el.tag == _W + "tbl" or el.tag == _W + "sdt":
                for p in el.iter(_W + "p"):
                    t = self.paragraph(p, path)
                    if t:
                        pieces.append(t)
        out = ""
        for t in pieces:
            out = (
                out + t if not out or not (out[-1].isascii() and t[0].isascii()) else out + " " + t
            )
        return out


def _children(el: ET.Element, name: str) -> Iterator[ET.Element]:
    """The ``w:name`` children of ``el``, looking through content controls and custom XML."""
    for ch in el:
        if ch.tag == _W + name:
            yield ch
        elif ch.tag in (_W + "sdt", _W + "customXml"):
            content = ch.find(_W + "sdtContent") if ch.tag == _W + "sdt" else ch
            if content is not None:
                yield from _children(content, name)


def _body_items(body: ET.Element) -> Iterator[ET.Element]:
    for ch in body:
        if ch.tag in (_W + "p", _W + "tbl"):
            yield ch
        elif ch.tag in (_W + "sdt", _W + "customXml"):
            content = ch.find(_W + "sdtContent") if ch.tag == _W + "sdt" else ch
            if content is not None:
                yield from _body_items(content)


def read_docx(data: bytes) -> FrontEndOutput:
    """The paragraphs and tables of a Word (``.docx``) file, with their paths.

    Raises :class:`~govdisclosure.errors.ParseError` for a file that is no zip, lacks
    ``word/document.xml``, holds malformed XML or a document type declaration, or whose
    parts inflate beyond :data:`MAX_PART`.
    """
    try:
        zf = zipfile.ZipFile(io.BytesIO(bytes(data)))
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise ParseError(f"not a readable Word file (a broken zip): {exc}") from None
    with zf:
        if len(zf.infolist()) > MAX_MEMBERS:
            raise ParseError(f"the Word file has more than {MAX_MEMBERS} parts; not read")
        document = _part(zf, "word/document.xml")
        if document is None:
            raise ParseError("not a Word file: the zip holds no word/document.xml")
        numbering = _Numbering(_part(zf, "word/numbering.xml"))
        styles = _Styles(_part(zf, "word/styles.xml"))
        skipped = [
            what
            for what, prefix in (("headers", "word/header"), ("footers", "word/footer"))
            if any(n.startswith(prefix) for n in zf.namelist())
        ]
    body = document.find(_W + "body")
    if body is None:
        raise ParseError("not a Word file: word/document.xml has no w:body")
    marks = "rendered" if any(True for _ in body.iter(_W + "lastRenderedPageBreak")) else "explicit"
    reader = _Reader(numbering, styles, marks)
    for item in _body_items(body):
        if item.tag == _W + "p":
            reader.body_paragraph(item)
        else:
            reader.table(item)
    findings: list[ParseFinding] = []
    if skipped:
        findings.append(ParseFinding("GP108", (("what", "、".join(skipped)),)))
    return FrontEndOutput("".join(reader.parts), tuple(reader.units), tuple(findings))


def read_doc(data: bytes) -> FrontEndOutput:
    """A ``.doc`` or ``.wps`` file, converted to ``.docx`` by LibreOffice and read.

    Raises :class:`~govdisclosure.errors.ParseError` when ``soffice`` is not on ``PATH``,
    the conversion fails or takes longer than :data:`CONVERT_TIMEOUT` seconds.
    """
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise ParseError(
            "reading .doc/.wps files needs LibreOffice: install it so that 'soffice' is on "
            "PATH, or save the file as .docx"
        )
    with tempfile.TemporaryDirectory(prefix="govdisclosure-") as tmp:
        src = os.path.join(tmp, "report.doc")
        with open(src, "wb") as fh:
            fh.write(data)
        profile = "file://" + os.path.join(tmp, "profile")
        try:
            subprocess.run(
                [
                    soffice,
                    f"-env:UserInstallation={profile}",
                    "--headless",
                    "--norestore",
                    "--convert-to",
                    "docx",
                    "--outdir",
                    tmp,
                    src,
                ],
                check=False,
                capture_output=True,
                timeout=CONVERT_TIMEOUT,
            )
        except subprocess.TimeoutExpired:
            raise ParseError(
                f"LibreOffice took longer than {CONVERT_TIMEOUT} s to convert the file"
            ) from None
        except OSError as exc:
            raise ParseError(f"LibreOffice could not be started: {exc}") from None
        out = os.path.join(tmp, "report.docx")
        if not os.path.exists(out):
            raise ParseError("LibreOffice could not convert the file to .docx")
        with open(out, "rb") as fh:
            converted = fh.read()
    return read_docx(converted)
