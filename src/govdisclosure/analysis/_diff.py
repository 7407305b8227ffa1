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

from collections.abc import Iterator
from typing import Any

import attrs

from govdisclosure.analysis._cells import (
    CellValue,
    correspondence,
    extra_rows,
    tables_from_values,
    values_of,
)
from govdisclosure.analysis._changes import (
    CellChange,
    FactChange,
    FieldChange,
    RowChange,
    SectionChange,
    SumChange,
    Unmapped,
)
from govdisclosure.analysis._compare import (
    cell_changes,
    fact_changes,
    field_changes,
    row_changes,
    section_changes,
    sum_changes,
    unmapped_cells,
)
from govdisclosure.analysis._diff_render import as_dict, render
from govdisclosure.layout import TABLE_ATTRIBUTES, Edition
from govdisclosure.model import Relation, Report, Section, walk_sections

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


@attrs.frozen
class ReportDiff:
    """Everything that differs between two reports (see :func:`diff`)."""

    old_edition: Edition
    new_edition: Edition
    old_id: tuple[str, int | None]
    new_id: tuple[str, int | None]
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
        return "\n".join(render(self, locale, "text")) + "\n"

    def to_markdown(self, *, locale: str = "zh_CN") -> str:
        """The diff as GitHub-flavoured Markdown (tables, and ``diff`` fences for text)."""
        return "\n".join(render(self, locale, "markdown")) + "\n"

    def to_html(self, *, locale: str = "zh_CN") -> str:
        """The diff as an HTML fragment (escaped; a ``<table>`` per kind of change)."""
        return "\n".join(render(self, locale, "html")) + "\n"

    def render(self, format: str = "text", *, locale: str = "zh_CN") -> str:
        """The diff as ``"text"``, ``"markdown"`` or ``"html"``."""
        renderers = {"text": self.to_text, "markdown": self.to_markdown, "html": self.to_html}
        if format not in renderers:
            raise ValueError(f"unknown format {format!r}: expected text, markdown or html")
        return renderers[format](locale=locale)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready summary: every cell, sum, unmapped cell, row, fact and section."""
        return as_dict(self)


# --------------------------------------------------------------------------- computing


def diff(old: Report, new: Report) -> ReportDiff:
    """What changed from ``old`` to ``new`` (usually one agency's reports of two years).

    Reports of different editions are compared through the cell correspondence (see
    :mod:`govdisclosure.layout.correspondence`); any two reports can be compared.
    """
    if not isinstance(old, Report) or not isinstance(new, Report):
        raise TypeError(
            f"diff expects two Reports, got {type(old).__name__} and {type(new).__name__}"
        )
    corr = correspondence(old.edition, new.edition)
    va, vb = values_of(old), values_of(new)
    return ReportDiff(
        old_edition=old.edition,
        new_edition=new.edition,
        old_id=(old.agency, old.year),
        new_id=(new.agency, new.year),
        cells=tuple(cell_changes(corr, va, vb)),
        sums=tuple(sum_changes(corr, va, vb)),
        unmapped=tuple(unmapped_cells(corr, old, new, va, vb)),
        rows=tuple(row_changes(old, new)),
        facts=tuple(fact_changes(old, new)),
        sections=tuple(section_changes(old, new)),
        fields=tuple(field_changes(old, new)),
        relations=None if old.relations == new.relations else new.relations,
        new_tables=tuple(n for n in TABLE_ATTRIBUTES if getattr(new, n) is not None),
        section_order=tuple(p for p, _ in walk_sections(new.sections)),
        fact_order=tuple(f.key for f in new.facts),
        row_order=tuple(extra_rows(new)),
    )
