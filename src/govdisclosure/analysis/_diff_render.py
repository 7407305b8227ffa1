"""A :class:`~govdisclosure.analysis.ReportDiff` as text, Markdown, HTML and a JSON-ready
dict: one function per kind of change, the words in Chinese or English."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any, Protocol

from govdisclosure.analysis import _changes as ch
from govdisclosure.analysis._cells import CellValue
from govdisclosure.analysis._changes import _signed, _text
from govdisclosure.layout import Edition
from govdisclosure.money import Amount
from govdisclosure.rules._findings import locale_key


class ReportDiff(Protocol):
    """What rendering reads of a :class:`govdisclosure.analysis.ReportDiff`."""

    @property
    def old_edition(self) -> Edition: ...
    @property
    def new_edition(self) -> Edition: ...
    @property
    def old_id(self) -> tuple[str, int | None]: ...
    @property
    def new_id(self) -> tuple[str, int | None]: ...
    @property
    def empty(self) -> bool: ...
    @property
    def cells(self) -> tuple[ch.CellChange, ...]: ...
    @property
    def sums(self) -> tuple[ch.SumChange, ...]: ...
    @property
    def unmapped(self) -> tuple[ch.Unmapped, ...]: ...
    @property
    def rows(self) -> tuple[ch.RowChange, ...]: ...
    @property
    def facts(self) -> tuple[ch.FactChange, ...]: ...
    @property
    def sections(self) -> tuple[ch.SectionChange, ...]: ...
    @property
    def fields(self) -> tuple[ch.FieldChange, ...]: ...


_WORDS = {
    "zh": {
        "title": "对比",
        "same": "两份报告相同",
        "cells": "表格单元格",
        "cell": "单元格",
        "field": "字段",
        "old": "原值",
        "new": "新值",
        "change": "变化",
        "pct": "变化率",
        "sums": "按合计对比（一格对应另一版本的几格之和）",
        "unmapped": "无法对应的单元格",
        "side": "所在报告",
        "value": "值",
        "reason": "原因",
        "rows": "增删的行",
        "facts": "正文数字",
        "sections": "正文",
        "fields": "其他字段",
        "added": "新增",
        "removed": "删除",
        "changed": "变化",
        "old_side": "原报告",
        "new_side": "新报告",
    },
    "en": {
        "title": "Comparison",
        "same": "the two reports are the same",
        "cells": "Table cells",
        "cell": "cell",
        "field": "field",
        "old": "old",
        "new": "new",
        "change": "change",
        "pct": "relative",
        "sums": "Compared as sums (one cell for several of the other edition)",
        "unmapped": "Cells with no counterpart",
        "side": "report",
        "value": "value",
        "reason": "reason",
        "rows": "Rows added or removed",
        "facts": "Figures in the text",
        "sections": "Text",
        "fields": "Other fields",
        "added": "added",
        "removed": "removed",
        "changed": "changed",
        "old_side": "old",
        "new_side": "new",
    },
}


def _pct(p: Decimal | None) -> str:
    return "" if p is None else f"{'+' if p >= 0 else ''}{format(p, 'f')}%"


def _table(fmt: str, header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    if fmt == "markdown":
        esc = [[c.replace("|", "\\|") for c in r] for r in rows]
        return [
            "| " + " | ".join(header) + " |",
            "|" + "|".join(" --- " for _ in header) + "|",
            *("| " + " | ".join(r) + " |" for r in esc),
            "",
        ]
    if fmt == "html":
        head = "".join(f'<th scope="col">{html.escape(h)}</th>' for h in header)
        body = "".join(
            "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>" for r in rows
        )
        return [f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"]
    return ["  " + "  ".join(r) for r in rows] + [""]


def _heading(fmt: str, text: str, level: int = 2) -> str:
    if fmt == "markdown":
        return "#" * level + " " + text + "\n"
    if fmt == "html":
        return f"<h{level}>{html.escape(text)}</h{level}>"
    return text


Words = dict[str, str]


def _fields(d: ReportDiff, w: Words, fmt: str, locale: str) -> list[str]:
    return _table(
        fmt,
        [w["field"], w["old"], w["new"]],
        [[f.name, _field_text(f.old), _field_text(f.new)] for f in d.fields],
    )


def _cells(d: ReportDiff, w: Words, fmt: str, locale: str) -> list[str]:
    return _table(
        fmt,
        [w["cell"], w["old"], w["new"], w["change"], w["pct"]],
        [
            [c.where(locale), _text(c.old), _text(c.new), _signed(c.change), _pct(c.percent())]
            for c in d.cells
        ],
    )


def _sums(d: ReportDiff, w: Words, fmt: str, locale: str) -> list[str]:
    return _table(
        fmt,
        [w["cell"], w["old"], w["new"], w["change"]],
        [[s.where(locale), _text(s.old), _text(s.new), _signed(s.change)] for s in d.sums],
    )


def _unmapped(d: ReportDiff, w: Words, fmt: str, locale: str) -> list[str]:
    return _table(
        fmt,
        [w["side"], w["cell"], w["value"], w["reason"]],
        [[w[f"{u.side}_side"], u.where(locale), _text(u.value), u.reason] for u in d.unmapped],
    )


def _rows(d: ReportDiff, w: Words, fmt: str, locale: str) -> list[str]:
    return _table(
        fmt,
        ["", w["cell"], w["old"], w["new"]],
        [
            [
                w[r.kind],
                f"{r.block} / {r.label}",
                "" if r.old is None else " ".join(map(_text, r.old)),
                "" if r.new is None else " ".join(map(_text, r.new)),
            ]
            for r in d.rows
        ],
    )


def _facts(d: ReportDiff, w: Words, fmt: str, locale: str) -> list[str]:
    return _table(
        fmt,
        ["", w["cell"], w["old"], w["new"], w["change"], w["pct"]],
        [
            [
                w[f.kind],
                f.label,
                "" if f.old is None else f.old.text,
                "" if f.new is None else f.new.text,
                "" if f.change is None else _signed(f.change),
                _pct(f.percent()),
            ]
            for f in d.facts
        ],
    )


def _sections(d: ReportDiff, w: Words, fmt: str, locale: str) -> list[str]:
    out: list[str] = []
    for s in d.sections:
        lines = s.unified()
        if fmt == "markdown":
            out += ["```diff", *lines, "```", ""]
        elif fmt == "html":
            body = "\n".join(
                f'<span class="{_line_class(line)}">{html.escape(line)}</span>' for line in lines
            )
            out.append(f'<pre class="diff">{body}</pre>')
        else:
            out += [*("  " + line for line in lines), ""]
    return out


_Part = Callable[["ReportDiff", Words, str, str], list[str]]
_PARTS: tuple[tuple[str, str, bool, _Part], ...] = (
    ("fields", "fields", False, _fields),
    ("cells", "cells", True, _cells),
    ("sums", "sums", False, _sums),
    ("unmapped", "unmapped", True, _unmapped),
    ("rows", "rows", False, _rows),
    ("facts", "facts", False, _facts),
    ("sections", "sections", False, _sections),
)
"""The parts of a rendered diff, in order: the ReportDiff attribute, the heading's word,
whether the heading counts the changes, and the function that renders them."""


def render(d: ReportDiff, locale: str, fmt: str) -> list[str]:
    """The lines of ``d`` rendered as ``fmt`` ("text", "markdown", "html") in ``locale``."""
    w = _WORDS[locale_key(locale)]
    head = (
        f"{w['title']}: {d.old_id[0]} {d.old_id[1]} ({d.old_edition.value}) → "
        f"{d.new_id[0]} {d.new_id[1]} ({d.new_edition.value})"
    )
    out = [_heading(fmt, head, 1)]
    if d.empty:
        out.append(html.escape(w["same"]) if fmt == "html" else w["same"])
        return out
    for attribute, word, counted, part in _PARTS:
        changes = getattr(d, attribute)
        if changes:
            title = f"{w[word]} ({len(changes)})" if counted else w[word]
            out.append(_heading(fmt, title))
            out += part(d, w, fmt, locale)
    return out


def _field_text(value: Any) -> str:
    if value is None or isinstance(value, str | int):
        return "—" if value is None else str(value)
    return "…"  # a record (metadata, signature, period): see the diff's fields


def _line_class(line: str) -> str:
    if line.startswith(("+++", "---")):
        return "file"
    return {"+": "added", "-": "removed", "@": "hunk"}.get(line[:1], "context")


# --------------------------------------------------------------------------- to_dict


def _value(v: CellValue) -> Any:
    if isinstance(v, Amount):
        return str(v)
    if isinstance(v, Decimal):
        return format(v, "f")
    return v


def _cell_dicts(d: ReportDiff) -> dict[str, list[dict[str, Any]]]:
    return {
        "cells": [
            {
                "path": c.path,
                "old_path": c.old_path,
                "label": c.label,
                "old": _value(c.old),
                "new": _value(c.new),
                "change": _value(c.change),
                "percent": None if c.percent() is None else format(c.percent(), "f"),
            }
            for c in d.cells
        ],
        "sums": [
            {
                "cell": s.single,
                "sum_of": list(s.several),
                "side": s.side,
                "old": _value(s.old),
                "new": _value(s.new),
            }
            for s in d.sums
        ],
        "unmapped": [
            {
                "side": u.side,
                "path": u.path,
                "label": u.label,
                "value": _value(u.value),
                "reason": u.reason,
            }
            for u in d.unmapped
        ],
    }


def _text_dicts(d: ReportDiff) -> dict[str, list[dict[str, Any]]]:
    return {
        "rows": [
            {
                "kind": r.kind,
                "table": r.attribute,
                "block": r.block,
                "label": r.label,
                "old": None if r.old is None else list(r.old),
                "new": None if r.new is None else list(r.new),
            }
            for r in d.rows
        ],
        "facts": [
            {
                "kind": f.kind,
                "key": f.key,
                "label": f.label,
                "old": None if f.old is None else f.old.text,
                "new": None if f.new is None else f.new.text,
            }
            for f in d.facts
        ],
        "sections": [
            {"kind": s.kind, "key": list(s.key), "title": s.title, "diff": s.unified()}
            for s in d.sections
        ],
    }


def as_dict(d: ReportDiff) -> dict[str, Any]:
    """``d`` as a JSON-ready summary (see :meth:`ReportDiff.to_dict`)."""
    return {
        "old": {"agency": d.old_id[0], "year": d.old_id[1], "edition": d.old_edition.value},
        "new": {"agency": d.new_id[0], "year": d.new_id[1], "edition": d.new_edition.value},
        "empty": d.empty,
        **_cell_dicts(d),
        **_text_dicts(d),
        "fields": [f.name for f in d.fields],
    }
