"""What :func:`~govdisclosure.analysis.diff` compares, one kind of change per function:
table cells (through the edition correspondence), sums of cells across editions, cells with
no counterpart, provincial extra rows, facts, sections and the report's other fields."""

from __future__ import annotations

from decimal import Decimal

import attrs

from govdisclosure.analysis import _changes as ch
from govdisclosure.analysis._cells import CellValue, extra_rows
from govdisclosure.layout import TABLE_ATTRIBUTES, CellLayout
from govdisclosure.layout.correspondence import Correspondence
from govdisclosure.model import Report, walk_sections
from govdisclosure.money import Amount

_SPECIAL = frozenset({"edition", "preamble", "sections", "facts", "relations", *TABLE_ATTRIBUTES})
_FIELDS = tuple(f.name for f in attrs.fields(Report) if f.name not in _SPECIAL)
"""The report's other fields (agency, year, title, metadata, agency_kind, …), compared whole."""

Values = dict[str, CellValue]


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
) -> ch.CellChange | None:
    if a == b and type(a) is type(b) and _same_print(a, b):
        return None
    return ch.CellChange(
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


def cell_changes(corr: Correspondence, va: Values, vb: Values) -> list[ch.CellChange]:
    """The cells that map and differ (in value, type or printed precision)."""
    cells = []
    for a, b in corr.pairs:
        change = _cell_change(a, b, va[a.json_path], vb[b.json_path])
        if change is not None:
            cells.append(change)
    return cells


def sum_changes(corr: Correspondence, va: Values, vb: Values) -> list[ch.SumChange]:
    """The cells of one edition that differ from the sum of the cells of the other they
    correspond to."""
    sums = []
    for single, several, side in corr.sums:
        one = (va if side == "old" else vb)[single.json_path]
        parts = [(vb if side == "old" else va)[c.json_path] for c in several]
        total = None if None in parts else sum(parts)  # type: ignore[arg-type]
        pair = (one, total) if side == "old" else (total, one)
        if pair[0] != pair[1]:
            sums.append(
                ch.SumChange(
                    single.json_path,
                    tuple(c.json_path for c in several),
                    single.label,
                    single.label_en,
                    side,
                    pair[0],
                    pair[1],
                )
            )
    return sums


def unmapped_cells(
    corr: Correspondence, old: Report, new: Report, va: Values, vb: Values
) -> list[ch.Unmapped]:
    """The cells with no counterpart, with their values (of editions that have tables)."""
    unmapped = [
        ch.Unmapped("old", c.json_path, c.label, c.label_en, va[c.json_path], why)
        for c, why in corr.only_old
        if old.edition.has_tables
    ]
    unmapped += [
        ch.Unmapped("new", c.json_path, c.label, c.label_en, vb[c.json_path], why)
        for c, why in corr.only_new
        if new.edition.has_tables
    ]
    return unmapped


def row_changes(old: Report, new: Report) -> list[ch.RowChange]:
    """Provincial extra rows added, removed or changed (across editions: all of them)."""
    ra, rb = extra_rows(old), extra_rows(new)
    if old.edition is not new.edition:
        rows = [ch.RowChange(*k, v, None) for k, v in ra.items()]
        rows += [ch.RowChange(*k, None, v) for k, v in rb.items()]
    else:
        rows = [ch.RowChange(*k, v, rb.get(k)) for k, v in ra.items() if rb.get(k) != v]
        rows += [ch.RowChange(*k, None, v) for k, v in rb.items() if k not in ra]
    return rows


def fact_changes(old: Report, new: Report) -> list[ch.FactChange]:
    """Facts added, removed or changed, by key."""
    fa = {f.key: f for f in old.facts}
    fb = {f.key: f for f in new.facts}
    facts = [ch.FactChange(k, f, fb.get(k)) for k, f in fa.items() if fb.get(k) != f]
    facts += [ch.FactChange(k, None, f) for k, f in fb.items() if k not in fa]
    return facts


def section_changes(old: Report, new: Report) -> list[ch.SectionChange]:
    """Sections (and the preamble) whose title or text changed, matched by their ordinals."""
    sa, sb = _sections_of(old), _sections_of(new)
    sections = [
        ch.SectionChange(k, t, sb[k][0] if k in sb else None, p, sb[k][1] if k in sb else None)
        for k, (t, p) in sa.items()
        if sb.get(k) != (t, p)
    ]
    sections += [ch.SectionChange(k, None, t, None, p) for k, (t, p) in sb.items() if k not in sa]
    return sections


def field_changes(old: Report, new: Report) -> list[ch.FieldChange]:
    """The report's other fields that differ."""
    return [
        ch.FieldChange(name, getattr(old, name), getattr(new, name))
        for name in _FIELDS
        if getattr(old, name) != getattr(new, name)
    ]
