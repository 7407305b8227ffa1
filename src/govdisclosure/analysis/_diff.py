"""Year-over-year comparison: :func:`diff` and the :class:`ReportDiff` it returns.

Per table cell and per prose fact: old value, new value, the absolute and relative change;
provincial extra rows added or removed; sections whose text changed, with a unified diff of
their paragraphs; the report's other fields (title, metadata, signature, period). Across
editions (2019 → 2021) the cells are compared through the correspondence: what maps is
compared, a 2019 cell that became several 2021 cells is compared with their sum, and what
does not map is listed with its value and the reason. :meth:`ReportDiff.apply` turns the old
report into the new one, so ``diff(a, b).apply(a) == b``.

>>> from govdisclosure import examples
>>> old, new = examples.load("jianghe-2020"), examples.load("jianghe-2021")
>>> d = diff(old, new)
>>> c = d.cell("$.requests.new.total")
>>> c.old, c.new, c.change, c.percent()
(38, 46, 8, Decimal('21.1'))
>>> d.apply(old) == new
True
>>> diff(new, new).empty
True
"""

from __future__ import annotations

import difflib
import html
from collections.abc import Iterator, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any, Literal

import attrs

from govdisclosure.analysis._cells import (
    EXACT,
    CellValue,
    correspondence,
    extra_rows,
    tables_from_values,
    values_of,
)
from govdisclosure.layout import TABLE_ATTRIBUTES, CellLayout, Edition
from govdisclosure.model import Fact, Relation, Report, Section, walk_sections
from govdisclosure.money import Amount
from govdisclosure.rules._findings import locale_key

__all__ = [
    "CellChange",
    "FactChange",
    "FieldChange",
    "ReportDiff",
    "RowChange",
    "SectionChange",
    "SumChange",
    "Unmapped",
    "diff",
]


def _difference(old: CellValue, new: CellValue) -> CellValue:
    if old is None or new is None:
        return None
    if isinstance(old, Amount) and isinstance(new, Amount):
        return new - old
    if isinstance(old, Amount) or isinstance(new, Amount):
        return None
    if isinstance(old, Decimal) or isinstance(new, Decimal):
        return EXACT.subtract(Decimal(new), Decimal(old))
    return new - old


def _ratio(old: CellValue, new: CellValue) -> Fraction | None:
    if old is None or new is None:
        return None
    if isinstance(old, Amount) and isinstance(new, Amount):
        base, top = Fraction(old.yuan), Fraction(new.yuan)
    elif isinstance(old, Amount) or isinstance(new, Amount):
        return None
    else:
        base, top = Fraction(old), Fraction(new)
    if base == 0:
        return None
    return (top - base) / base


def _percent(ratio: Fraction | None, places: int) -> Decimal | None:
    """``ratio`` as a percentage rounded half-up (away from zero) to ``places``, exactly."""
    if ratio is None:
        return None
    scaled = ratio * 100 * 10**places
    n, d = abs(scaled.numerator), scaled.denominator
    rounded = (2 * n + d) // (2 * d)
    return Decimal(-rounded if scaled < 0 else rounded).scaleb(-places, EXACT)


def _text(value: CellValue) -> str:
    if value is None:
        return "—"
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def _signed(value: CellValue) -> str:
    if value is None:
        return ""
    if isinstance(value, Amount):
        return ("+" if value.value >= 0 else "") + str(value)
    if isinstance(value, Decimal):
        return ("+" if value >= 0 else "") + format(value, "f")
    return f"{value:+d}"


@attrs.frozen
class CellChange:
    """A table cell whose value differs: ``old`` and ``new`` as stated (``None``: blank).

    ``path`` is the cell's JSON path in the new report, ``old_path`` in the old one (they
    differ across editions).
    """

    path: str
    old_path: str
    label: str
    label_en: str
    kind: str
    old: CellValue
    new: CellValue

    @property
    def change(self) -> CellValue:
        """``new − old``, exactly (``None`` when either is blank)."""
        return _difference(self.old, self.new)

    @property
    def relative(self) -> Fraction | None:
        """``(new − old) / old`` as an exact fraction (``None`` when blank or old is 0)."""
        return _ratio(self.old, self.new)

    def percent(self, places: int = 1) -> Decimal | None:
        """The relative change in percent, rounded half-up to ``places`` decimals."""
        return _percent(self.relative, places)

    def where(self, locale: str = "zh_CN") -> str:
        """The cell's label in ``locale``."""
        return self.label if locale_key(locale) == "zh" else self.label_en


@attrs.frozen
class SumChange:
    """A cell of one edition compared with the sum of the cells of the other edition that it
    corresponds to (the 2019 (六)其他处理 row and the three 2021 sub-rows)."""

    single: str
    several: tuple[str, ...]
    label: str
    label_en: str
    side: Literal["old", "new"]
    """Which report holds the single cell."""
    old: CellValue
    new: CellValue

    @property
    def change(self) -> CellValue:
        """``new − old`` (``None`` when either is blank)."""
        return _difference(self.old, self.new)

    def where(self, locale: str = "zh_CN") -> str:
        """The single cell's label in ``locale``."""
        return self.label if locale_key(locale) == "zh" else self.label_en


@attrs.frozen
class Unmapped:
    """A cell of one report with no counterpart in the other's edition, with its value."""

    side: Literal["old", "new"]
    path: str
    label: str
    label_en: str
    value: CellValue
    reason: str

    def where(self, locale: str = "zh_CN") -> str:
        """The cell's label in ``locale``."""
        return self.label if locale_key(locale) == "zh" else self.label_en


@attrs.frozen
class RowChange:
    """A provincial extra row added (``old`` is ``None``), removed (``new`` is ``None``) or
    whose figures changed."""

    attribute: str
    block: str
    label: str
    old: tuple[int | None, ...] | None
    new: tuple[int | None, ...] | None

    @property
    def kind(self) -> Literal["added", "removed", "changed"]:
        """What happened to the row."""
        if self.old is None:
            return "added"
        return "removed" if self.new is None else "changed"


@attrs.frozen
class FactChange:
    """A figure the text states, added, removed or changed (matched by its key)."""

    key: str
    old: Fact | None
    new: Fact | None

    @property
    def kind(self) -> Literal["added", "removed", "changed"]:
        """What happened to the fact."""
        if self.old is None:
            return "added"
        return "removed" if self.new is None else "changed"

    @property
    def label(self) -> str:
        """The fact's label (the new one when there is one)."""
        fact = self.new or self.old
        assert fact is not None
        return fact.label

    @property
    def change(self) -> Decimal | None:
        """The change of the exact value (``None`` unless both sides state one unit)."""
        if self.old is None or self.new is None:
            return None
        a, b = self.old.quantity, self.new.quantity
        if a.unit != b.unit:
            return None
        return EXACT.subtract(b.exact, a.exact)

    def percent(self, places: int = 1) -> Decimal | None:
        """The relative change of the exact value in percent (half-up)."""
        change = self.change
        if change is None or self.old is None or self.old.quantity.exact == 0:
            return None
        return _percent(Fraction(change) / Fraction(self.old.quantity.exact), places)


@attrs.frozen
class SectionChange:
    """A section (or the preamble, ``path`` ``()``) whose heading or paragraphs changed, or
    that was added or removed. ``key`` locates it in its report (ordinal paths)."""

    key: tuple[int, ...]
    old_title: str | None
    new_title: str | None
    old_paragraphs: tuple[str, ...] | None
    new_paragraphs: tuple[str, ...] | None

    @property
    def kind(self) -> Literal["added", "removed", "changed"]:
        """What happened to the section."""
        if self.old_paragraphs is None:
            return "added"
        return "removed" if self.new_paragraphs is None else "changed"

    @property
    def title(self) -> str:
        """The heading (the new one when there is one; "" for the preamble)."""
        return self.new_title if self.new_title is not None else (self.old_title or "")

    def unified(self, context: int = 1) -> list[str]:
        """A unified diff of the paragraphs (one paragraph per line)."""
        old = [*([self.old_title] if self.old_title else []), *(self.old_paragraphs or ())]
        new = [*([self.new_title] if self.new_title else []), *(self.new_paragraphs or ())]
        name = ".".join(map(str, self.key)) or "preamble"
        return list(
            difflib.unified_diff(old, new, f"old/{name}", f"new/{name}", n=context, lineterm="")
        )


@attrs.frozen
class FieldChange:
    """Another field of the report (title, metadata, signature, …) whose value changed."""

    name: str
    old: Any
    new: Any


_SPECIAL = frozenset({"edition", "preamble", "sections", "facts", "relations", *TABLE_ATTRIBUTES})
_FIELDS = tuple(f.name for f in attrs.fields(Report) if f.name not in _SPECIAL)
"""The report's other fields (agency, year, title, metadata, agency_kind, …), compared whole."""


@attrs.frozen
class ReportDiff:
    """Everything that differs between two reports (see :func:`diff`)."""

    old_edition: Edition
    new_edition: Edition
    old_id: tuple[str, int]
    new_id: tuple[str, int]
    cells: tuple[CellChange, ...] = ()
    sums: tuple[SumChange, ...] = ()
    unmapped: tuple[Unmapped, ...] = ()
    rows: tuple[RowChange, ...] = ()
    facts: tuple[FactChange, ...] = ()
    sections: tuple[SectionChange, ...] = ()
    fields: tuple[FieldChange, ...] = ()
    relations: tuple[Relation, ...] | None = None
    """The new report's relations, when they differ from the old one's."""
    new_tables: tuple[str, ...] = ()
    """The attributes of the tables the new report has."""
    section_order: tuple[tuple[int, ...], ...] = ()
    fact_order: tuple[str, ...] = ()
    row_order: tuple[tuple[str, str, str], ...] = ()

    @property
    def empty(self) -> bool:
        """Whether the two reports are the same (``diff(a, a).empty``)."""
        return len(self) == 0 and self.old_edition is self.new_edition

    def __len__(self) -> int:
        """The number of changes of every kind."""
        return (
            len(self.cells)
            + len(self.sums)
            + len(self.unmapped)
            + len(self.rows)
            + len(self.facts)
            + len(self.sections)
            + len(self.fields)
            + (self.relations is not None)
        )

    def __iter__(self) -> Iterator[Any]:
        yield from self.fields
        yield from self.cells
        yield from self.sums
        yield from self.unmapped
        yield from self.rows
        yield from self.facts
        yield from self.sections

    def __repr__(self) -> str:
        from govdisclosure._reprs import count, first

        (a, ay), (b, by) = self.old_id, self.new_id
        who = a if a == b else f"{a} → {b}"
        kinds = [
            count(len(getattr(self, name)), noun)
            for name, noun in (
                ("fields", "field"),
                ("cells", "cell"),
                ("sums", "sum"),
                ("unmapped", "unmapped cell"),
                ("rows", "row"),
                ("facts", "fact"),
                ("sections", "section"),
            )
            if getattr(self, name)
        ]
        cells = first(self.cells, 3, lambda c: f"{c.path.removeprefix('$.')} {c.old}→{c.new}")
        return (
            f"<ReportDiff {who} {ay}→{by}: {count(len(self), 'change')}"
            + (f" ({', '.join(kinds)})" if kinds else "")
            + (f"; {cells}" if self.cells else "")
            + ">"
        )

    def _repr_pretty_(self, p: Any, cycle: bool) -> None:
        p.text(repr(self))

    def cell(self, path: str) -> CellChange:
        """The change of the cell at a JSON path (of the new report)."""
        for c in self.cells:
            if c.path == path:
                return c
        raise KeyError(f"the cell {path!r} did not change")

    # ---- apply ---------------------------------------------------------------------------

    def apply(self, old: Report) -> Report:
        """The new report, rebuilt from ``old`` and this diff.

        ``old`` must be the report this diff was made from (its agency and year are
        checked); the result has the new report's edition, figures, text and fields.
        """
        if not isinstance(old, Report):
            raise TypeError(f"apply expects a Report, got {type(old).__name__}")
        if (old.agency, old.year) != self.old_id or old.edition is not self.old_edition:
            raise ValueError(
                f"this diff starts from {self.old_id[0]} {self.old_id[1]} "
                f"({self.old_edition.value}), not {old.agency} {old.year} ({old.edition.value})"
            )
        corr = correspondence(self.old_edition, self.new_edition)
        before = values_of(old)
        values: dict[str, CellValue] = {new.json_path: before[o.json_path] for o, new in corr.pairs}
        values.update({u.path: u.value for u in self.unmapped if u.side == "new"})
        values.update({c.path: c.new for c in self.cells})
        rows = extra_rows(old) if self.old_edition is self.new_edition else {}
        for r in self.rows:
            key = (r.attribute, r.block, r.label)
            if r.new is None:
                rows.pop(key, None)
            else:
                rows[key] = r.new
        ordered = {k: rows[k] for k in self.row_order}
        tables = tables_from_values(self.new_edition, values, ordered, self.new_tables)
        changes: dict[str, Any] = {f.name: f.new for f in self.fields}
        preamble, sections = self._sections(old)
        facts = {f.key: f for f in old.facts}
        for fc in self.facts:
            if fc.new is None:
                facts.pop(fc.key, None)
            else:
                facts[fc.key] = fc.new
        return attrs.evolve(
            old,
            edition=self.new_edition,
            preamble=preamble,
            sections=sections,
            facts=tuple(facts[k] for k in self.fact_order),
            relations=old.relations if self.relations is None else self.relations,
            **tables,
            **changes,
        )

    def _sections(self, old: Report) -> tuple[tuple[str, ...], tuple[Section, ...]]:
        state: dict[tuple[int, ...], tuple[str, tuple[str, ...]]] = {
            (): ("", old.preamble),
            **{p: (s.title, s.paragraphs) for p, s in walk_sections(old.sections)},
        }
        for sc in self.sections:
            if sc.new_paragraphs is None:
                state.pop(sc.key, None)
            else:
                state[sc.key] = (sc.new_title or "", sc.new_paragraphs)
        children: dict[tuple[int, ...], list[tuple[int, ...]]] = {}
        for key in self.section_order:
            children.setdefault(key[:-1], []).append(key)

        def build(key: tuple[int, ...]) -> Section:
            title, paragraphs = state[key]
            subs = tuple(build(k) for k in children.get(key, ()))
            return Section(ordinal=key[-1], title=title, paragraphs=paragraphs, subsections=subs)

        return state[()][1], tuple(build(k) for k in children.get((), ()))

    # ---- rendering -----------------------------------------------------------------------

    def to_text(self, *, locale: str = "zh_CN") -> str:
        """The diff as plain text."""
        return "\n".join(_render(self, locale, "text")) + "\n"

    def to_markdown(self, *, locale: str = "zh_CN") -> str:
        """The diff as GitHub-flavoured Markdown (tables, and ``diff`` fences for text)."""
        return "\n".join(_render(self, locale, "markdown")) + "\n"

    def to_html(self, *, locale: str = "zh_CN") -> str:
        """The diff as an HTML fragment (escaped; a ``<table>`` per kind of change)."""
        return "\n".join(_render(self, locale, "html")) + "\n"

    def render(self, format: str = "text", *, locale: str = "zh_CN") -> str:
        """The diff as ``"text"``, ``"markdown"`` or ``"html"``."""
        renderers = {"text": self.to_text, "markdown": self.to_markdown, "html": self.to_html}
        if format not in renderers:
            raise ValueError(f"unknown format {format!r}: expected text, markdown or html")
        return renderers[format](locale=locale)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready summary: every cell, sum, unmapped cell, row, fact and section."""

        def value(v: CellValue) -> Any:
            if isinstance(v, Amount):
                return str(v)
            if isinstance(v, Decimal):
                return format(v, "f")
            return v

        return {
            "old": {
                "agency": self.old_id[0],
                "year": self.old_id[1],
                "edition": self.old_edition.value,
            },
            "new": {
                "agency": self.new_id[0],
                "year": self.new_id[1],
                "edition": self.new_edition.value,
            },
            "empty": self.empty,
            "cells": [
                {
                    "path": c.path,
                    "old_path": c.old_path,
                    "label": c.label,
                    "old": value(c.old),
                    "new": value(c.new),
                    "change": value(c.change),
                    "percent": None if c.percent() is None else format(c.percent(), "f"),
                }
                for c in self.cells
            ],
            "sums": [
                {
                    "cell": s.single,
                    "sum_of": list(s.several),
                    "side": s.side,
                    "old": value(s.old),
                    "new": value(s.new),
                }
                for s in self.sums
            ],
            "unmapped": [
                {
                    "side": u.side,
                    "path": u.path,
                    "label": u.label,
                    "value": value(u.value),
                    "reason": u.reason,
                }
                for u in self.unmapped
            ],
            "rows": [
                {
                    "kind": r.kind,
                    "table": r.attribute,
                    "block": r.block,
                    "label": r.label,
                    "old": None if r.old is None else list(r.old),
                    "new": None if r.new is None else list(r.new),
                }
                for r in self.rows
            ],
            "facts": [
                {
                    "kind": f.kind,
                    "key": f.key,
                    "label": f.label,
                    "old": None if f.old is None else f.old.text,
                    "new": None if f.new is None else f.new.text,
                }
                for f in self.facts
            ],
            "sections": [
                {"kind": s.kind, "key": list(s.key), "title": s.title, "diff": s.unified()}
                for s in self.sections
            ],
            "fields": [f.name for f in self.fields],
        }


# --------------------------------------------------------------------------- computing


def _sections_of(report: Report) -> dict[tuple[int, ...], tuple[str, tuple[str, ...]]]:
    out: dict[tuple[int, ...], tuple[str, tuple[str, ...]]] = {(): ("", report.preamble)}
    for path, s in walk_sections(report.sections):
        if path in out:
            raise ValueError(
                f"{report.agency} {report.year} has two sections numbered {path}: "
                "diff matches sections by their ordinals"
            )
        out[path] = (s.title, s.paragraphs)
    return out


def _cell_change(
    old_cell: CellLayout, new_cell: CellLayout, a: CellValue, b: CellValue
) -> CellChange | None:
    if a == b and type(a) is type(b) and _same_print(a, b):
        return None
    return CellChange(
        path=new_cell.json_path,
        old_path=old_cell.json_path,
        label=new_cell.label,
        label_en=new_cell.label_en,
        kind=new_cell.kind,
        old=a,
        new=b,
    )


def _same_print(a: CellValue, b: CellValue) -> bool:
    """Equal values printed alike (20.3万元 and 20.30万元 are a change of precision)."""
    if isinstance(a, Amount) and isinstance(b, Amount):
        return a.unit is b.unit and a.decimals == b.decimals
    if isinstance(a, Decimal) and isinstance(b, Decimal):
        return a.as_tuple().exponent == b.as_tuple().exponent
    return True


def diff(old: Report, new: Report) -> ReportDiff:
    """What changed from ``old`` to ``new`` (usually one agency's reports of two years).

    Reports of different editions are compared through the cell correspondence (see
    :mod:`govdisclosure.analysis._correspondence`); any two reports can be compared.
    """
    if not isinstance(old, Report) or not isinstance(new, Report):
        raise TypeError(
            f"diff expects two Reports, got {type(old).__name__} and {type(new).__name__}"
        )
    corr = correspondence(old.edition, new.edition)
    va, vb = values_of(old), values_of(new)
    cells = []
    for a, b in corr.pairs:
        change = _cell_change(a, b, va[a.json_path], vb[b.json_path])
        if change is not None:
            cells.append(change)
    sums = []
    for single, several, side in corr.sums:
        one = (va if side == "old" else vb)[single.json_path]
        parts = [(vb if side == "old" else va)[c.json_path] for c in several]
        total = None if None in parts else sum(parts)  # type: ignore[arg-type]
        pair = (one, total) if side == "old" else (total, one)
        if pair[0] != pair[1]:
            sums.append(
                SumChange(
                    single.json_path,
                    tuple(c.json_path for c in several),
                    single.label,
                    single.label_en,
                    side,
                    pair[0],
                    pair[1],
                )
            )
    unmapped = [
        Unmapped("old", c.json_path, c.label, c.label_en, va[c.json_path], why)
        for c, why in corr.only_old
        if old.edition.has_tables
    ]
    unmapped += [
        Unmapped("new", c.json_path, c.label, c.label_en, vb[c.json_path], why)
        for c, why in corr.only_new
        if new.edition.has_tables
    ]
    ra, rb = extra_rows(old), extra_rows(new)
    if old.edition is not new.edition:
        rows = [RowChange(*k, v, None) for k, v in ra.items()]
        rows += [RowChange(*k, None, v) for k, v in rb.items()]
    else:
        rows = [RowChange(*k, v, rb.get(k)) for k, v in ra.items() if rb.get(k) != v]
        rows += [RowChange(*k, None, v) for k, v in rb.items() if k not in ra]
    fa = {f.key: f for f in old.facts}
    fb = {f.key: f for f in new.facts}
    facts = [FactChange(k, f, fb.get(k)) for k, f in fa.items() if fb.get(k) != f]
    facts += [FactChange(k, None, f) for k, f in fb.items() if k not in fa]
    sa, sb = _sections_of(old), _sections_of(new)
    sections = [
        SectionChange(k, t, sb[k][0] if k in sb else None, p, sb[k][1] if k in sb else None)
        for k, (t, p) in sa.items()
        if sb.get(k) != (t, p)
    ]
    sections += [SectionChange(k, None, t, None, p) for k, (t, p) in sb.items() if k not in sa]
    fields = [
        FieldChange(name, getattr(old, name), getattr(new, name))
        for name in _FIELDS
        if getattr(old, name) != getattr(new, name)
    ]
    return ReportDiff(
        old_edition=old.edition,
        new_edition=new.edition,
        old_id=(old.agency, old.year),
        new_id=(new.agency, new.year),
        cells=tuple(cells),
        sums=tuple(sums),
        unmapped=tuple(unmapped),
        rows=tuple(rows),
        facts=tuple(facts),
        sections=tuple(sections),
        fields=tuple(fields),
        relations=None if old.relations == new.relations else new.relations,
        new_tables=tuple(n for n in TABLE_ATTRIBUTES if getattr(new, n) is not None),
        section_order=tuple(p for p, _ in walk_sections(new.sections)),
        fact_order=tuple(f.key for f in new.facts),
        row_order=tuple(rb),
    )


# --------------------------------------------------------------------------- rendering

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


def _render(d: ReportDiff, locale: str, fmt: str) -> list[str]:
    key = locale_key(locale)
    w = _WORDS[key]
    head = (
        f"{w['title']}: {d.old_id[0]} {d.old_id[1]} ({d.old_edition.value}) → "
        f"{d.new_id[0]} {d.new_id[1]} ({d.new_edition.value})"
    )
    out = [_heading(fmt, head, 1)]
    if d.empty:
        out.append(html.escape(w["same"]) if fmt == "html" else w["same"])
        return out
    if d.fields:
        out.append(_heading(fmt, w["fields"]))
        out += _table(
            fmt,
            [w["field"], w["old"], w["new"]],
            [[f.name, _field_text(f.old), _field_text(f.new)] for f in d.fields],
        )
    if d.cells:
        out.append(_heading(fmt, f"{w['cells']} ({len(d.cells)})"))
        out += _table(
            fmt,
            [w["cell"], w["old"], w["new"], w["change"], w["pct"]],
            [
                [c.where(locale), _text(c.old), _text(c.new), _signed(c.change), _pct(c.percent())]
                for c in d.cells
            ],
        )
    if d.sums:
        out.append(_heading(fmt, w["sums"]))
        out += _table(
            fmt,
            [w["cell"], w["old"], w["new"], w["change"]],
            [[s.where(locale), _text(s.old), _text(s.new), _signed(s.change)] for s in d.sums],
        )
    if d.unmapped:
        out.append(_heading(fmt, f"{w['unmapped']} ({len(d.unmapped)})"))
        out += _table(
            fmt,
            [w["side"], w["cell"], w["value"], w["reason"]],
            [[w[f"{u.side}_side"], u.where(locale), _text(u.value), u.reason] for u in d.unmapped],
        )
    if d.rows:
        out.append(_heading(fmt, w["rows"]))
        out += _table(
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
    if d.facts:
        out.append(_heading(fmt, w["facts"]))
        out += _table(
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
    if d.sections:
        out.append(_heading(fmt, w["sections"]))
        for s in d.sections:
            lines = s.unified()
            if fmt == "markdown":
                out += ["```diff", *lines, "```", ""]
            elif fmt == "html":
                body = "\n".join(
                    f'<span class="{_line_class(line)}">{html.escape(line)}</span>'
                    for line in lines
                )
                out.append(f'<pre class="diff">{body}</pre>')
            else:
                out += [*("  " + line for line in lines), ""]
    return out


def _field_text(value: Any) -> str:
    if value is None or isinstance(value, str | int):
        return "—" if value is None else str(value)
    return "…"  # a record (metadata, signature, period): see the diff's fields


def _line_class(line: str) -> str:
    if line.startswith(("+++", "---")):
        return "file"
    return {"+": "added", "-": "removed", "@": "hunk"}.get(line[:1], "context")
