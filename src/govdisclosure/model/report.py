"""The report: one annual report, its narrative, the tables of its edition and its facts."""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from govdisclosure.errors import Problem, StructureError
from govdisclosure.layout import MAX_YEAR, MIN_YEAR, TABLE_ATTRIBUTES, Edition
from govdisclosure.model.agency import AgencyKind
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

__all__ = ["Report", "walk_sections"]


def walk_sections(
    sections: tuple[Section, ...], prefix: tuple[int, ...] = ()
) -> Iterator[tuple[tuple[int, ...], Section]]:
    """Every section and sub-section, depth first, with its path of ordinals."""
    for s in sections:
        path = (*prefix, s.ordinal)
        yield path, s
        yield from walk_sections(s.subsections, path)


@attrs.frozen(kw_only=True)
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
    """

    agency: str
    year: int
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
        problems = []
        for name in ("agency", "title"):
            if getattr(self, name).__class__ is not str:
                found = getattr(self, name)
                problems.append(Problem(f"$.{name}", f"expected a string, found {found!r}"))
        if self.agency_kind.__class__ is not AgencyKind:
            problems.append(
                Problem(
                    "$.agency_kind",
                    f"expected an AgencyKind, found {self.agency_kind!r}",
                )
            )
        if self.edition.__class__ is not Edition:
            problems.append(Problem("$.edition", f"expected an Edition, found {self.edition!r}"))
        if self.year.__class__ is not int or not MIN_YEAR <= self.year <= MAX_YEAR:
            problems.append(Problem("$.year", f"expected a year such as 2022, found {self.year!r}"))
        if self.edition.__class__ is Edition:
            problems += self._table_problems()
        if self.facts or self.relations:
            problems += self._fact_problems()
        if problems:
            raise StructureError(problems)

    def _table_problems(self) -> list[Problem]:
        """Each table is the class the edition's layout names, or absent."""
        problems = []
        classes = table_classes(self.edition)
        for name in TABLE_ATTRIBUTES:
            value = getattr(self, name)
            if value is None:
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
                        f"found {type(value).__name__}",
                    )
                )
        return problems

    def _fact_problems(self) -> list[Problem]:
        problems = []
        places = {path: s.paragraphs for path, s in walk_sections(self.sections)}
        places[()] = self.preamble
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
        from govdisclosure.model.agency import infer_agency_kind

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
