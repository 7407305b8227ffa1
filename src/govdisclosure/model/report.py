"""The report: one annual report, its narrative, the tables of its edition and its facts.

A report checks its own fields when it is constructed (each part checked its own): every
problem is located by its report path (``$.sections``) and raised at once.

Code written against one edition reads its tables typed through :meth:`Report.tables_2021`
or :meth:`Report.tables_2019` (a :class:`Tables2021` / :class:`Tables2019` named tuple), so
that ``report.tables_2021().requests.other.unpaid_fee`` type-checks without a cast.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any, NamedTuple

import attrs

from govdisclosure.errors import Problem, StructureError
from govdisclosure.layout import MAX_YEAR, MIN_YEAR, TABLE_ATTRIBUTES, Edition, layout_of
from govdisclosure.model._checks import (
    bad_instance,
    bad_string,
    bad_tuple,
    bad_year,
    describe,
    texts_ok,
)
from govdisclosure.model.agency import AgencyKind, infer_agency_kind
from govdisclosure.model.narrative import (
    Fact,
    Location,
    Metadata,
    Period,
    Relation,
    Section,
    Signature,
)
from govdisclosure.model.tables import (
    ActiveDisclosure2019,
    ActiveDisclosure2021,
    Requests2019,
    Requests2021,
    ReviewsAndLitigation,
    table_classes,
)

__all__ = ["Report", "Tables2019", "Tables2021", "walk_sections"]


class Tables2021(NamedTuple):
    """The tables of a standard-2021 report, typed (``None``: not stated)."""

    active: ActiveDisclosure2021 | None
    requests: Requests2021 | None
    reviews: ReviewsAndLitigation | None


class Tables2019(NamedTuple):
    """The tables of a trial-2019 report, typed (``None``: not stated)."""

    active: ActiveDisclosure2019 | None
    requests: Requests2019 | None
    reviews: ReviewsAndLitigation | None


def walk_sections(
    sections: tuple[Section, ...], prefix: tuple[int, ...] = ()
) -> Iterator[tuple[tuple[int, ...], Section]]:
    """Every section and sub-section, depth first, with its path of ordinals."""
    for s in sections:
        path = (*prefix, s.ordinal)
        yield path, s
        yield from walk_sections(s.subsections, path)


@attrs.frozen(kw_only=True, repr=False)
class Report:
    """One annual report: narrative, tables of its edition, and the figures its text states.

    >>> r = Report(agency="某市某局", year=2022, edition=Edition.STANDARD_2021,
    ...            title="某市某局2022年政府信息公开工作年度报告")
    >>> r.requests is None
    True

    Tables belong to the edition: ``active`` (表二), ``requests`` (表三) and ``reviews``
    (表四) are ``None`` when not stated, and a legacy report has none.

    ``agency_kind`` says what kind of body reports (:class:`AgencyKind`; the deadline, the
    规章 a body may make and the content of a 人民政府's report depend on it). It defaults to
    :attr:`AgencyKind.UNKNOWN`; :meth:`kind` falls back on what the name says
    (:func:`~govdisclosure.model.infer_agency_kind`).

    >>> r.agency_kind, r.kind()
    (<AgencyKind.UNKNOWN: 'unknown'>, <AgencyKind.DEPARTMENT: 'department'>)

    Its ``repr`` is one line (a failing property test prints a few lines, not hundreds):

    >>> r
    <Report 某市某局 2022 standard-2021: 0 sections, tables -, 0 facts>
    """

    agency: str
    year: int | None
    edition: Edition
    title: str
    agency_kind: AgencyKind = AgencyKind.UNKNOWN
    metadata: Metadata | None = None
    preamble: tuple[str, ...] = ()
    sections: tuple[Section, ...] = ()
    signature: Signature | None = None
    period: Period | None = None
    active: ActiveDisclosure2021 | ActiveDisclosure2019 | None = None
    requests: Requests2021 | Requests2019 | None = None
    reviews: ReviewsAndLitigation | None = None
    facts: tuple[Fact, ...] = ()
    relations: tuple[Relation, ...] = ()

    def __attrs_post_init__(self) -> None:
        preamble = self.preamble
        if (
            preamble.__class__ is tuple
            and texts_ok((self.agency, self.title, *preamble))
            and self.edition.__class__ is Edition
            and self.agency_kind.__class__ is AgencyKind
            and (
                self.year is None
                or (self.year.__class__ is int and MIN_YEAR <= self.year <= MAX_YEAR)
            )
            and (self.metadata is None or self.metadata.__class__ is Metadata)
            and (self.signature is None or self.signature.__class__ is Signature)
            and (self.period is None or self.period.__class__ is Period)
            and self.sections.__class__ is tuple
            and all(s.__class__ is Section for s in self.sections)
            and self.facts.__class__ is tuple
            and all(f.__class__ is Fact for f in self.facts)
            and self.relations.__class__ is tuple
            and all(r.__class__ is Relation for r in self.relations)
        ):
            problems = self._table_problems()
            if self.facts or self.relations:
                problems += self._fact_problems()
            if problems:
                raise StructureError(problems)
            return
        raise StructureError(self._field_problems())

    def _field_problems(self) -> list[Problem]:
        """Every field that does not hold what it should (the slow pass)."""
        problems = []
        for name in ("agency", "title"):
            fault = bad_string(getattr(self, name))
            if fault is not None:
                problems.append(Problem(f"$.{name}", fault))
        if self.agency_kind.__class__ is not AgencyKind:
            problems.append(
                Problem(
                    "$.agency_kind",
                    f"expected an AgencyKind, found {describe(self.agency_kind)}",
                )
            )
        if self.edition.__class__ is not Edition:
            problems.append(
                Problem("$.edition", f"expected an Edition, found {describe(self.edition)}")
            )
        fault = None if self.year is None else bad_year(self.year)
        if fault is not None:
            problems.append(Problem("$.year", fault))
        optional: tuple[tuple[str, type[Any]], ...] = (
            ("metadata", Metadata),
            ("signature", Signature),
            ("period", Period),
        )
        for name, cls in optional:
            fault = bad_instance(getattr(self, name), cls, optional=True)
            if fault is not None:
                problems.append(Problem(f"$.{name}", fault))
        bad_tuple(self.preamble, "$.preamble", bad_string, problems)
        sequences: tuple[tuple[str, type[Any]], ...] = (
            ("sections", Section),
            ("facts", Fact),
            ("relations", Relation),
        )
        for name, cls in sequences:
            bad_tuple(
                getattr(self, name),
                f"$.{name}",
                functools.partial(bad_instance, cls=cls),
                problems,
            )
        if self.edition.__class__ is Edition:
            problems += self._table_problems()
        if not problems:  # the fields are sound: their relations are not
            problems += self._fact_problems()
        return problems

    def _table_problems(self) -> list[Problem]:
        """Each table is the class the edition's layout names, or absent."""
        problems: list[Problem] = []
        classes = table_classes(self.edition)
        for name in TABLE_ATTRIBUTES:
            value = getattr(self, name)
            if value is None or value.__class__ is classes.get(name):
                continue
            cls = classes.get(name)
            if cls is None:
                problems.append(
                    Problem(f"$.{name}", f"a {self.edition.value} report has no national tables")
                )
            elif value.__class__ is not cls:
                problems.append(
                    Problem(
                        f"$.{name}",
                        f"expected the {self.edition.value} table ({cls.__name__}), "
                        f"found {describe(value)}",
                    )
                )
        return problems

    def _fact_problems(self) -> list[Problem]:
        problems = []
        places: dict[tuple[int, ...], tuple[str, ...]] = {(): self.preamble}
        for path, section in walk_sections(self.sections):
            places.setdefault(path, section.paragraphs)  # the first, as section() finds it
        keys: set[str] = set()
        for i, fact in enumerate(self.facts):
            if fact.key in keys:
                problems.append(Problem(f"$.facts[{i}].key", f"duplicate key {fact.key!r}"))
            keys.add(fact.key)
            loc = fact.location
            paragraphs = places.get(loc.section)
            if paragraphs is None:
                problems.append(
                    Problem(f"$.facts[{i}].location.section", f"no section {loc.section}")
                )
            elif not 0 <= loc.paragraph < len(paragraphs):
                problems.append(
                    Problem(
                        f"$.facts[{i}].location.paragraph",
                        f"section {loc.section} has {len(paragraphs)} paragraphs, "
                        f"found index {loc.paragraph}",
                    )
                )
            elif paragraphs[loc.paragraph][loc.start : loc.end] != fact.text:
                found = paragraphs[loc.paragraph][loc.start : loc.end]
                problems.append(
                    Problem(
                        f"$.facts[{i}].location",
                        f"expected the span to hold {fact.text!r}, found {found!r}",
                        fact.label,
                    )
                )
        for i, rel in enumerate(self.relations):
            for j, (key, _) in enumerate(rel.terms()):
                if key not in keys:
                    problems.append(
                        Problem(f"$.relations[{i}]", f"term {j} names no fact: {key!r}")
                    )
            if rel.result not in keys:
                problems.append(
                    Problem(f"$.relations[{i}].result", f"names no fact: {rel.result!r}")
                )
        return problems

    def kind(self) -> AgencyKind:
        """The kind of body: :attr:`agency_kind` when stated, else what the agency's name says
        (:func:`~govdisclosure.model.infer_agency_kind`), else :attr:`AgencyKind.UNKNOWN`."""
        if self.agency_kind is not AgencyKind.UNKNOWN:
            return self.agency_kind
        inferred = infer_agency_kind(self.agency) if self.agency.__class__ is str else None
        return AgencyKind.UNKNOWN if inferred is None else inferred

    def fact(self, key: str) -> Fact:
        """The fact with ``key``; :class:`KeyError` naming the key if there is none."""
        for f in self.facts:
            if f.key == key:
                return f
        raise KeyError(f"report has no fact {key!r}")

    def section(self, *path: int) -> Section:
        """The section at a path of ordinals (``report.section(4)`` is "四、…")."""
        for p, s in walk_sections(self.sections):
            if p == path:
                return s
        raise KeyError(f"report has no section {path}")

    def paragraph_at(self, location: Location) -> str:
        """The paragraph a :class:`Location` points into."""
        paragraphs = (
            self.preamble if location.section == () else self.section(*location.section).paragraphs
        )
        return paragraphs[location.paragraph]

    # ---- typed access per edition -------------------------------------------------------

    def tables_2021(self) -> Tables2021:
        """The tables of a standard-2021 report, typed; a :class:`StructureError` for a
        report of another edition.

        >>> from govdisclosure import examples
        >>> t = examples.load("jianghe-2021").tables_2021()
        >>> t.requests.other.unpaid_fee.total, str(t.active.fees)
        (0, '20.30万元')
        """
        if self.edition is not Edition.STANDARD_2021:
            raise StructureError([self._edition_problem(Edition.STANDARD_2021)])
        return Tables2021(self.active, self.requests, self.reviews)  # type: ignore[arg-type]

    def tables_2019(self) -> Tables2019:
        """The tables of a trial-2019 report, typed; a :class:`StructureError` for a report
        of another edition."""
        if self.edition is not Edition.TRIAL_2019:
            raise StructureError([self._edition_problem(Edition.TRIAL_2019)])
        return Tables2019(self.active, self.requests, self.reviews)  # type: ignore[arg-type]

    def _edition_problem(self, wanted: Edition) -> Problem:
        hint = {
            Edition.STANDARD_2021: "; read its tables with tables_2021()",
            Edition.TRIAL_2019: "; read its tables with tables_2019()",
        }.get(self.edition, "; it has no national tables")
        return Problem(
            "$.edition", f"expected a {wanted.value} report, found a {self.edition.value} one{hint}"
        )

    # ---- an empty report -------------------------------------------------------------------

    @classmethod
    def empty(
        cls,
        *,
        agency: str,
        year: int,
        edition: Edition | None = None,
        title: str | None = None,
        agency_kind: AgencyKind = AgencyKind.UNKNOWN,
    ) -> Report:
        """A report with nothing in it yet: the edition's section headings (no paragraphs),
        no tables, no facts — what a program fills in (with ``attrs.evolve``).

        ``edition`` defaults to the one the rules prescribe for ``year``; ``title`` to
        "{agency}{year}年政府信息公开工作年度报告"; ``agency_kind`` to unknown (the name then
        says, :meth:`kind`).

        >>> r = Report.empty(agency="某县教育局", year=2023)
        >>> r.edition.value, r.title
        ('standard-2021', '某县教育局2023年政府信息公开工作年度报告')
        >>> [s.title for s in r.sections][:2]
        ['总体情况', '主动公开政府信息情况']
        """
        if edition is None and year.__class__ is int:
            edition = Edition.for_year(year)
        if title is None:
            title = f"{agency}{year}年政府信息公开工作年度报告"
        sections: Any = ()
        if edition.__class__ is Edition:  # else the report says what is wrong
            sections = tuple(
                Section(ordinal=s.ordinal, title=s.title) for s in layout_of(edition).sections
            )
        return cls(
            agency=agency,
            year=year,
            edition=edition,  # type: ignore[arg-type]
            title=title,
            agency_kind=agency_kind,
            sections=sections,
        )

    # ---- repr ------------------------------------------------------------------------------

    def __repr__(self) -> str:
        tables = "".join(
            number
            for number, name in zip("二三四", TABLE_ATTRIBUTES, strict=True)
            if getattr(self, name) is not None
        )
        return (
            f"<Report {self.agency} {self.year} {self.edition.value}: "
            f"{len(self.sections)} sections, tables {tables or '-'}, {len(self.facts)} facts>"
        )

    def _repr_pretty_(self, p: Any, cycle: bool) -> None:
        """A compact form for Hypothesis' and IPython's pretty printers: the one line of
        :func:`repr`, then, table by table, the figures that differ from an empty table —
        every figure not 0 (``new.total=46``) and the blank cells by key — so that a failing
        example shows the figures it was made of, a few per line."""
        p.text(repr(self))
        for table in layout_of(self.edition).tables if self.edition.has_tables else ():
            obj = getattr(self, table.attribute)
            if obj is None:
                continue
            figures, blank = [], []
            for cell in table.cells:
                value = cell.get_from_table(obj)
                if value is None:
                    blank.append(cell.key)
                elif value != 0 and getattr(value, "value", value) != 0:
                    figures.append(f"{cell.key}={value}")
            extra = len(getattr(obj, "extra_rows", ()))
            words = figures or ["all 0"]
            if blank:
                words.append(f"blank: {' '.join(blank)}")
            if extra:
                words.append(f"{extra} extra rows")
            for i in range(0, len(words), 6):
                p.break_()
                head = f"  表{table.number} " if i == 0 else "       "
                p.text(head + " ".join(words[i : i + 6]))
