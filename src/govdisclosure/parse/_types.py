"""What reading a published report gives back: findings, provenance and the :class:`Parsed`."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Any

import attrs

from govdisclosure.document import Coverage, Document, Span
from govdisclosure.layout import Edition
from govdisclosure.model import Report
from govdisclosure.rules import Severity

ParseSeverity = Severity
"""How much a reading finding matters: the one :class:`~govdisclosure.rules.Severity`
(``error`` > ``warning`` > ``notice`` > ``info``), under the name reading has always used."""


#: Every finding of the reader: code → (severity, Chinese template, English template).
#: Templates are filled from the finding's ``args``.
CODES: dict[str, tuple[ParseSeverity, str, str]] = {
    "GP101": (
        ParseSeverity.INFO,
        "未声明编码，按{encoding}解码",
        "no encoding declared; decoded as {encoding}",
    ),
    "GP102": (
        ParseSeverity.WARNING,
        "无法按任何编码完整解码，{count}处字节已替换",
        "no encoding decodes the input cleanly; {count} bytes replaced",
    ),
    "GP103": (
        ParseSeverity.INFO,
        "跳过页面框架文字{count}行（如“{example}”）",
        "skipped {count} lines of page chrome (such as {example!r})",
    ),
    "GP104": (
        ParseSeverity.NOTICE,
        "原文为繁体字：{how}",
        "the source is in traditional characters: {how}",
    ),
    "GP105": (
        ParseSeverity.WARNING,
        "第{page}页没有文字层（扫描件或图片），未做文字识别（OCR），其内容未读入",
        "page {page} has no text layer (a scan or an image); no OCR was done and nothing "
        "on it was read",
    ),
    "GP106": (
        ParseSeverity.NOTICE,
        "第{page}页有大幅图像（可能是表格的图片），未做文字识别（OCR），图像中的内容未读入",
        "page {page} holds a large image (perhaps a table pasted as a picture); no OCR was "
        "done and nothing in the image was read",
    ),
    "GP107": (
        ParseSeverity.WARNING,
        "第{page}页字符过多，其后{count}个字符未读入",
        "page {page} has too many characters; the last {count} were not read",
    ),
    "GP108": (
        ParseSeverity.NOTICE,
        "Word文档中的{what}未读入",
        "the Word document's {what} were not read",
    ),
    "GP110": (
        ParseSeverity.INFO,
        "按标签判定版本为{edition}（{evidence}）",
        "{edition} read from the labels ({evidence})",
    ),
    "GP111": (
        ParseSeverity.WARNING,
        "标签不足以判定版本，按报告年度{year}年取{edition}",
        "the labels do not decide the edition; {edition} taken from the year {year}",
    ),
    "GP112": (
        ParseSeverity.WARNING,
        "原文未载明{field}，留空",
        "the source states no {field}; left empty",
    ),
    "GP113": (
        ParseSeverity.WARNING,
        "标签不足以判定版本，原文也未载明报告年度，暂取{edition}",
        "neither the labels nor a stated year decide the edition; took {edition}",
    ),
    "GP120": (
        ParseSeverity.NOTICE,
        "标题“{found}”与规定标题“{label}”近似，按原文保留",
        "heading {found!r} is a near match of the official {label!r}; kept as printed",
    ),
    "GP130": (
        ParseSeverity.NOTICE,
        "标签“{found}”按近似匹配读作“{label}”",
        "label {found!r} read as {label!r} (near match)",
    ),
    "GP131": (
        ParseSeverity.INFO,
        "标签“{found}”读作“{label}”，附注“{note}”保留",
        "label {found!r} read as {label!r}; the note {note!r} is kept",
    ),
    "GP132": (
        ParseSeverity.NOTICE,
        "{block}中的非标准行“{label}”作为扩展行保留",
        "non-standard row {label!r} of {block!r} kept as an extra row",
    ),
    "GP133": (
        ParseSeverity.WARNING,
        "表格中的文字“{found}”含数字但不是已知标签，其中数字未读入",
        "text {found!r} in a table holds figures but is no known label; not read",
    ),
    "GP140": (
        ParseSeverity.WARNING,
        "{cell}的“{raw}”无法读作数值，留空",
        "{cell!r}: {raw!r} cannot be read as a figure; left blank",
    ),
    "GP141": (
        ParseSeverity.INFO,
        "{cell}填写“{raw}”，读作空",
        "{cell!r}: placeholder {raw!r} read as blank",
    ),
    "GP142": (
        ParseSeverity.WARNING,
        "{cell}不是增减列，带符号的“{raw}”未读入",
        "{cell!r} is not a signed column; signed {raw!r} not read",
    ),
    "GP143": (
        ParseSeverity.WARNING,
        "{cell}的单位应为{expected}，“{raw}”未读入",
        "{cell!r} is in {expected!r}; {raw!r} not read",
    ),
    "GP144": (
        ParseSeverity.INFO,
        "{cell}的“{raw}”读作{value}（单位{unit}）",
        "{cell!r}: {raw!r} read as {value} ({unit!r})",
    ),
    "GP150": (
        ParseSeverity.WARNING,
        "“{row}”有{found}个单元格，应为{expected}个，无法确定位置的{count}个单元格留空",
        "row {row!r} has {found} cells for {expected} columns; {count} cells whose place "
        "is ambiguous are left blank",
    ),
    "GP151": (
        ParseSeverity.INFO,
        "“{row}”有{found}个单元格，应为{expected}个；空单元格的位置不影响读数",
        "row {row!r} has {found} cells for {expected} columns; only blank cells are in doubt",
    ),
    "GP152": (
        ParseSeverity.WARNING,
        "表{table}中的数值“{raw}”不属于任何单元格，未读入",
        "figure {raw!r} in table {table} belongs to no cell; not read",
    ),
    "GP153": (
        ParseSeverity.WARNING,
        "“{row}”印出{figures}个数值和{blanks}个空单元格（应为{expected}列），空单元格都在数值之后，"
        "不在其所在列的位置，无法确定数值属于哪一列，均留空",
        "row {row!r} prints {figures} figures and {blanks} blank cells for {expected} columns, "
        "every blank after the figures rather than in its column: which columns the figures "
        "belong to is unknown, so all are left blank",
    ),
    "GP160": (
        ParseSeverity.WARNING,
        "表{table}在“{row}”处中断，其后的单元格留空",
        "table {table} is cut off at {row!r}; the cells after it are left blank",
    ),
    "GP161": (
        ParseSeverity.NOTICE,
        "表{table}缺少{count}行（如“{example}”），留空",
        "table {table} lacks {count} rows (such as {example!r}); left blank",
    ),
    "GP162": (
        ParseSeverity.WARNING,
        "“{row}”重复出现，只读第一次",
        "row {row!r} appears again; only the first is read",
    ),
    "GP163": (
        ParseSeverity.WARNING,
        "表{table}重复出现，只读第一张",
        "table {table} appears again; only the first is read",
    ),
    "GP164": (
        ParseSeverity.WARNING,
        "{edition}报告不应有表{table}，未读入",
        "a {edition} report has no table {table}; not read",
    ),
    "GP170": (
        ParseSeverity.WARNING,
        "日期“{raw}”无法读取",
        "the date {raw!r} cannot be read",
    ),
    "GP190": (
        ParseSeverity.ERROR,
        "未读到任何报告内容",
        "no report content was found",
    ),
}


@attrs.frozen(slots=True)
class ParseFinding:
    """One thing the reader could not read, found ambiguous, repaired or guessed.

    ``span`` points into :attr:`Parsed.text`; ``path`` is the JSON path of the report field
    concerned (``None`` when none is).
    """

    code: str
    args: tuple[tuple[str, Any], ...] = ()
    """The values that fill the message; a value ``(Chinese, English)`` is the same words in
    both languages, each message taking its own."""
    span: Span | None = None
    path: str | None = None

    @property
    def severity(self) -> ParseSeverity:
        """The severity of the finding's code."""
        return CODES[self.code][0]

    def message(self, locale: str = "zh_CN") -> str:
        """The finding in words, in ``zh_CN`` (default) or ``en``."""
        _severity, zh, en = CODES[self.code]
        english = locale.startswith("en")
        args = {k: (v[1] if english else v[0]) if _is_words(v) else v for k, v in self.args}
        return (en if english else zh).format_map(args)

    def to_dict(self, source: SourceMap | None = None) -> dict[str, Any]:
        """A JSON-ready form (with line and column when ``source`` is given)."""
        out: dict[str, Any] = {
            "code": self.code,
            "severity": self.severity.value,
            "message": {"zh_CN": self.message("zh_CN"), "en": self.message("en")},
            "path": self.path,
        }
        if self.span is not None:
            out["span"] = [self.span.start, self.span.end]
            if source is not None:
                out["line"], out["column"] = source.line_column(self.span.start)
        return out


@attrs.frozen(slots=True)
class Place:
    """Where on a printed page: the 1-based ``page`` and, when known, the ``box`` of the text
    on it — ``(x0, top, x1, bottom)`` in PDF points from the page's top-left corner, exact
    decimals of 0.01 pt (positions are not figures, but nothing here is a float).

    >>> from decimal import Decimal
    >>> Place(3, (Decimal("72"), Decimal("100.5"), Decimal("120"), Decimal("112"))).to_dict()
    {'page': 3, 'box': ['72', '100.5', '120', '112']}
    """

    page: int
    box: tuple[Decimal, Decimal, Decimal, Decimal] | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form (decimals as strings)."""
        return {
            "page": self.page,
            "box": None if self.box is None else [format(v, "f") for v in self.box],
        }


@attrs.frozen(slots=True)
class Origin:
    """Where a field of the report was read: span, line and column (1-based) of the decoded
    source, the element path for HTML (and the paragraph / table / row / cell path for
    Word), the raw token as printed, and for paginated sources the :class:`Place` on the
    page."""

    start: int
    end: int
    line: int
    column: int
    raw: str
    element: str | None = None
    place: Place | None = None

    def where(self, locale: str = "en") -> str:
        """The page of a paginated source ("page 3" / "第3页"), else the line and column
        ("line 57, column 12" / "第57行第12列")."""
        zh = locale.lower().startswith("zh")
        if self.place is not None:
            return f"第{self.place.page}页" if zh else f"page {self.place.page}"
        return (
            f"第{self.line}行第{self.column}列" if zh else f"line {self.line}, column {self.column}"
        )

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form (``page`` and ``box`` only for paginated sources)."""
        out: dict[str, Any] = {
            "span": [self.start, self.end],
            "line": self.line,
            "column": self.column,
            "element": self.element,
            "raw": self.raw,
        }
        if self.place is not None:
            out.update(self.place.to_dict())
        return out


class SourceMap:
    """Offsets of a text to lines and columns (1-based), by bisection over line starts."""

    __slots__ = ("_starts",)

    def __init__(self, text: str) -> None:
        starts = [0]
        find = text.find
        i = find("\n")
        while i >= 0:
            starts.append(i + 1)
            i = find("\n", i + 1)
        self._starts = starts

    @property
    def starts(self) -> list[int]:
        """The offset of the start of each line (line 1 first)."""
        return self._starts

    def line_column(self, offset: int) -> tuple[int, int]:
        """The 1-based line and column of ``offset``."""
        i = bisect.bisect_right(self._starts, offset) - 1
        return i + 1, offset - self._starts[i] + 1

    def offset(self, line: int, column: int) -> int:
        """The offset of a 1-based line and 0-based column (as ``html.parser`` counts)."""
        starts = self._starts
        return (starts[line - 1] if 0 < line <= len(starts) else starts[-1]) + column


@attrs.frozen(slots=True, eq=False)
class Parsed:
    """A report read from a published source.

    ``report`` is as complete as the source allows; ``findings`` say what was unreadable,
    ambiguous, repaired or guessed; ``provenance`` maps the JSON path of every figure and text
    field read to its :class:`Origin`; ``text`` is the decoded source the spans refer to;
    ``document`` the blocks read; ``coverage`` what the source printed of the tables.
    """

    report: Report
    findings: tuple[ParseFinding, ...]
    provenance: dict[str, Origin]
    text: str
    document: Document | None = None
    format: str = "text"
    coverage: Coverage | None = None
    """What the source printed of the tables (cells, tables, whether it ends inside one):
    :func:`govdisclosure.check` tells a cell printed blank from one never printed by it."""

    def errors(self) -> list[ParseFinding]:
        """The findings of severity error."""
        return [f for f in self.findings if f.severity is ParseSeverity.ERROR]

    def locate(self, finding: Any) -> list[Origin]:
        """The origins in the source of every field a finding names.

        ``finding`` is a :class:`ParseFinding`, a finding of :func:`govdisclosure.check`
        (its ``path`` and the ``paths`` of its sides) or a JSON path. A reading finding
        whose path was not read is located by its own span.

        >>> from govdisclosure.parse import parse
        >>> parsed = parse("某局2015年政府信息公开工作年度报告\\n发布日期:去年\\n一、总体情况")
        >>> [(f.code, o.raw, o.line) for f in parsed.findings for o in parsed.locate(f)]
        [('GP170', '发布日期:去年', 2)]
        """
        origins = [self.provenance[p] for p in _paths(finding) if p in self.provenance]
        span = getattr(finding, "span", None)
        if not origins and isinstance(finding, ParseFinding) and span is not None:
            raw = self.text[span.start : span.end]
            origins.append(origin(SourceMap(self.text), span, raw))
        return origins

    def page_at(self, offset: int) -> int | None:
        """The page of a paginated source (PDF) at ``offset`` of :attr:`text`: the page of the
        nearest field read at or before it (``None`` for a source without pages).

        >>> parsed = Parsed(Report.empty(agency="某局", year=2021), (), {
        ...     "$.title": Origin(0, 4, 1, 1, "某局年报", place=Place(1)),
        ...     "$.agency": Origin(10, 12, 3, 1, "某局", place=Place(2))}, "某局年报……某局")
        >>> parsed.page_at(5), parsed.page_at(11), parsed.page_at(99)
        (1, 2, 2)
        """
        best: Origin | None = None
        for o in self.provenance.values():
            if o.place is not None and o.start <= offset and (best is None or o.start > best.start):
                best = o
        return None if best is None or best.place is None else best.place.page

    def where(self, finding: Any, locale: str = "en") -> str:
        """Where the first field a finding names was read ("" if none is known): its page for
        a paginated source (PDF) — "page 3", "第3页" — else its line and column — "line 57,
        column 12", "第57行第12列".

        >>> parsed = Parsed(Report.empty(agency="某局", year=2021), (), {
        ...     "$.title": Origin(0, 4, 1, 1, "某局年报", place=Place(3)),
        ...     "$.agency": Origin(0, 2, 57, 12, "某局")}, "某局年报")
        >>> parsed.where("$.title"), parsed.where("$.title", "zh_CN")
        ('page 3', '第3页')
        >>> parsed.where("$.agency"), parsed.where("$.agency", "zh_CN"), parsed.where("$.year")
        ('line 57, column 12', '第57行第12列', '')
        """
        origins = self.locate(finding)
        if not origins:
            return ""
        return origins[0].where(locale)

    def __repr__(self) -> str:
        from govdisclosure._reprs import count, tally

        severe = [f for f in self.findings if f.severity is not ParseSeverity.INFO]
        codes = f" ({tally(f.code for f in severe)})" if severe else ""
        return (
            f"<Parsed {self.format}: {self.report!r}; {count(len(self.findings), 'finding')}"
            f"{codes}; {count(len(self.provenance), 'field')} located in "
            f"{len(self.text):,} characters>"
        )

    def _repr_pretty_(self, p: Any, cycle: bool) -> None:
        p.text(repr(self))


#: The editions' names in words: (Chinese, English), as the messages print them.
EDITION_NAMES: dict[Edition, tuple[str, str]] = {
    Edition.LEGACY_2008: ("2008年条例规定的格式", "the 2008 regulation's format"),
    Edition.TRIAL_2019: ("2019年试行格式", "the trial 2019 format"),
    Edition.STANDARD_2021: ("2021年格式", "the 2021 format"),
}


def _is_words(value: Any) -> bool:
    """Whether an argument is the same words in both languages: ``(Chinese, English)``."""
    return value.__class__ is tuple and len(value) == 2 and all(v.__class__ is str for v in value)


def _paths(finding: Any) -> Iterator[str]:
    if isinstance(finding, str):
        yield finding
        return
    seen: set[str] = set()
    path = getattr(finding, "path", None)
    candidates: list[str] = [path] if isinstance(path, str) else []
    for side in getattr(finding, "sides", ()) or ():
        candidates.extend(getattr(side, "paths", ()) or ())
    for p in candidates:
        if p not in seen:
            seen.add(p)
            yield p


def origin(
    source: SourceMap,
    span: Span,
    raw: str,
    element: str | None = None,
    place: Place | None = None,
) -> Origin:
    """An :class:`Origin` of ``span``."""
    line, column = source.line_column(span.start)
    return Origin(span.start, span.end, line, column, raw, element, place)


def count_by_code(findings: Iterable[ParseFinding]) -> dict[str, int]:
    """How many findings of each code."""
    out: dict[str, int] = {}
    for f in findings:
        out[f.code] = out.get(f.code, 0) + 1
    return out


def sorted_findings(findings: Sequence[ParseFinding]) -> tuple[ParseFinding, ...]:
    """Findings in source order (those without a span last)."""
    return tuple(sorted(findings, key=lambda f: f.span.start if f.span is not None else 1 << 62))
