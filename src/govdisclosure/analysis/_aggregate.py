"""A government's summary from its parts: :func:`aggregate` and :func:`check_rollup`.

The cell-wise sum of many reports of one year and one edition, read cell by cell from the
layouts. Counts add exactly; amounts add exactly, and the printed result keeps the precision
of the least precise part while carrying the interval of the sum (n parts printed at d
decimals carry ±n·½·10⁻ᵈ). A blank is never a silent 0: the cell is *incomplete*, and the
result says which inputs lacked it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any, Literal

import attrs

from govdisclosure.analysis._cells import (
    EXACT,
    CellValue,
    extra_rows,
    tables_from_values,
    values_of,
)
from govdisclosure.errors import GovDisclosureError
from govdisclosure.io import to_dict
from govdisclosure.layout import CellLayout, Edition, label_key, layout_of
from govdisclosure.model import AgencyKind, Report, infer_agency_kind
from govdisclosure.money import Amount, MoneyUnit, round_decimal
from govdisclosure.rules import Context, Findings, Interval, family

__all__ = [
    "Aggregate",
    "AggregateCell",
    "AggregateError",
    "DuplicateReportsError",
    "MixedEditionsError",
    "aggregate",
    "check_rollup",
]

Blanks = Literal["incomplete", "zero"]


class AggregateError(GovDisclosureError, ValueError):
    """The reports cannot be summed as asked (wrong year, no tables, …)."""


class DuplicateReportsError(AggregateError):
    """The same agency's report for the same year is given twice."""


class MixedEditionsError(AggregateError):
    """The reports are of different editions and mapping was not asked for."""


@attrs.frozen
class AggregateCell:
    """One cell of an :class:`Aggregate`.

    ``value`` is the sum as the summary prints it (amounts rounded half-up to the decimals of
    the least precise part), ``None`` when the cell is incomplete; ``exact`` is the exact sum
    of the parts that state it (``None`` if none does); ``interval`` the range of true sums in
    元 for money, the exact sum for counts; ``missing`` the agencies whose report left the
    cell blank (or could not state it, for a report mapped from another edition).
    """

    path: str
    label: str
    label_en: str
    kind: str
    value: CellValue
    exact: CellValue
    interval: Interval | None
    stated: int
    missing: tuple[str, ...]

    @property
    def incomplete(self) -> bool:
        """Whether some part did not state the cell (and blanks were not taken as 0)."""
        return self.value is None and bool(self.missing)


@attrs.frozen
class Aggregate:
    """The summary of many reports: identity, the parts, every cell, and the summed report.

    ``report`` is a :class:`~govdisclosure.model.Report` of the summary body holding the
    summed tables (incomplete cells blank; no narrative). ``parts`` are the (agency, year)
    of the inputs in order; ``mapped`` the agencies whose report was mapped from another
    edition.
    """

    agency: str
    year: int
    edition: Edition
    kind: AgencyKind
    parts: tuple[tuple[str, int | None], ...]
    cells: tuple[AggregateCell, ...] = attrs.field(repr=False)
    report: Report = attrs.field(repr=False)
    mapped: tuple[str, ...] = ()

    def __repr__(self) -> str:
        from govdisclosure._reprs import count, first

        parts = first(self.parts, 3, lambda part: part[0])
        return (
            f"<Aggregate {self.agency} {self.year} {self.edition.value}: "
            f"{count(len(self.parts), 'part')} ({parts}); {count(len(self.cells), 'cell')}, "
            f"{len(self.incomplete)} incomplete>"
        )

    def _repr_pretty_(self, p: Any, cycle: bool) -> None:
        p.text(repr(self))

    def cell(self, path: str) -> AggregateCell:
        """The cell at a JSON path (``"$.requests.new.total"``)."""
        for c in self.cells:
            if c.path == path:
                return c
        raise KeyError(f"no cell {path!r} in a {self.edition.value} aggregate")

    @property
    def incomplete(self) -> tuple[AggregateCell, ...]:
        """The cells some part left blank."""
        return tuple(c for c in self.cells if c.incomplete)

    @property
    def complete(self) -> bool:
        """Whether every part stated every cell."""
        return not any(c.missing for c in self.cells)

    @property
    def lacking(self) -> dict[str, tuple[str, ...]]:
        """Who lacked what: agency → the JSON paths of the cells its report left blank."""
        out: dict[str, list[str]] = {}
        for c in self.cells:
            for agency in c.missing:
                out.setdefault(agency, []).append(c.path)
        return {a: tuple(paths) for a, paths in out.items()}

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form: identity, parts, and the incomplete cells with who lacked them."""
        return {
            "agency": self.agency,
            "year": self.year,
            "edition": self.edition.value,
            "kind": self.kind.value,
            "parts": [{"agency": a, "year": y} for a, y in self.parts],
            "mapped": list(self.mapped),
            "complete": self.complete,
            "incomplete": [
                {"path": c.path, "label": c.label, "missing": list(c.missing)}
                for c in self.incomplete
            ],
            "report": to_dict(self.report),
        }


# --------------------------------------------------------------------------- summing


def _exponent(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)  # a finite Decimal of the model
    return exponent


def _decimals_in_yuan(amount: Amount) -> int:
    return amount.decimals - amount.unit.exponent


class _Sum:
    """The running sum of one cell (mutable, private to one aggregation)."""

    __slots__ = (
        "bare",
        "bare_from",
        "bare_high",
        "bare_low",
        "exact",
        "high",
        "low",
        "missing",
        "places",
        "stated",
    )

    def __init__(self) -> None:
        self.exact: Any = None
        self.bare: Decimal | None = None  # figures printed without a unit (2019 采购总金额)
        self.bare_from: list[str] = []
        self.bare_low = Decimal(0)  # the interval of the bare figures: ±½ of each last digit
        self.bare_high = Decimal(0)
        self.low = Decimal(0)
        self.high = Decimal(0)
        self.places: int | None = None
        self.stated = 0
        self.missing: list[str] = []

    def add(self, value: CellValue, agency: str) -> None:
        if value is None:
            self.missing.append(agency)
            return
        self.stated += 1
        if isinstance(value, Amount):
            low, high = value.interval()
            self.low = EXACT.add(self.low, low)
            self.high = EXACT.add(self.high, high)
            places = _decimals_in_yuan(value)
            self.places = places if self.places is None else min(self.places, places)
            self.exact = value if self.exact is None else self.exact + value
        elif isinstance(value, Decimal):
            self.bare = value if self.bare is None else EXACT.add(self.bare, value)
            self.bare_from.append(agency)
            half = Decimal(5).scaleb(_exponent(value) - 1, EXACT)
            self.bare_low = EXACT.add(self.bare_low, EXACT.subtract(value, half))
            self.bare_high = EXACT.add(self.bare_high, EXACT.add(value, half))
        else:
            self.exact = value if self.exact is None else self.exact + value

    def result(self) -> tuple[Any, list[str]]:
        """The exact sum and who lacked the cell: a figure without a unit cannot be added
        to figures with one, so its report counts as lacking the cell then."""
        if self.bare is None:
            return self.exact, self.missing
        if self.exact is None:
            return self.bare, self.missing
        return self.exact, self.missing + self.bare_from

    def merge(self, other: _Sum) -> None:
        if other.exact is not None:
            self.exact = other.exact if self.exact is None else self.exact + other.exact
        self.low = EXACT.add(self.low, other.low)
        self.high = EXACT.add(self.high, other.high)
        if other.places is not None:
            self.places = other.places if self.places is None else min(self.places, other.places)
        self.stated += other.stated
        self.missing += other.missing
        if other.bare is not None:
            self.bare = other.bare if self.bare is None else EXACT.add(self.bare, other.bare)
        self.bare_from += other.bare_from
        self.bare_low = EXACT.add(self.bare_low, other.bare_low)
        self.bare_high = EXACT.add(self.bare_high, other.bare_high)


def _printed(exact: Amount, places_in_yuan: int) -> Amount:
    """The exact sum printed at the least precision of the parts (四舍五入)."""
    places = places_in_yuan + exact.unit.exponent
    if places >= 0:
        return exact.round(places)
    coarse = round_decimal(exact.value.scaleb(places, EXACT), 0)
    return Amount(coarse.scaleb(-places, EXACT), exact.unit)


class _Accumulator:
    """Cell-wise sums of reports of one edition; mergeable (for a cluster's reduce)."""

    def __init__(self, edition: Edition) -> None:
        self.edition = edition
        self.sums: dict[str, _Sum] = {c.json_path: _Sum() for c in layout_of(edition).cells}
        self.extra: dict[tuple[str, str, str], list[int | None]] = {}
        self.parts: list[tuple[str, int | None]] = []
        self.keys: dict[tuple[str, int | None], int] = {}
        self.duplicates: list[tuple[int, int]] = []
        self.mapped: list[str] = []
        self.units: dict[str, set[Any]] = {}

    def add(self, report: Report, values: Mapping[str, CellValue], mapped: bool) -> None:
        key = (label_key(report.agency), report.year)
        if key in self.keys:
            self.duplicates.append((self.keys[key], len(self.parts)))
        else:
            self.keys[key] = len(self.parts)
        self.parts.append((report.agency, report.year))
        if mapped:
            self.mapped.append(report.agency)
        agency = report.agency
        get = values.get
        for path, s in self.sums.items():
            value = get(path)
            if value.__class__ is int and s.exact.__class__ is int:  # the common case, inline
                s.exact += value
                s.stated += 1
            else:
                s.add(value, agency)
        for key3, row in (extra_rows(report) if not mapped else {}).items():
            total = self.extra.get(key3)
            if total is None:
                self.extra[key3] = list(row)
            else:
                self.extra[key3] = [
                    None if a is None or b is None else a + b
                    for a, b in zip(total, row, strict=True)
                ]

    def merge(self, other: _Accumulator) -> _Accumulator:
        offset = len(self.parts)
        for key, i in other.keys.items():
            if key in self.keys:
                self.duplicates.append((self.keys[key], i + offset))
            else:
                self.keys[key] = i + offset
        self.parts += other.parts
        self.duplicates += [(i + offset, j + offset) for i, j in other.duplicates]
        self.mapped += other.mapped
        for path, s in self.sums.items():
            s.merge(other.sums[path])
        for key3, row in other.extra.items():
            total = self.extra.get(key3)
            self.extra[key3] = (
                list(row)
                if total is None
                else [
                    None if a is None or b is None else a + b
                    for a, b in zip(total, row, strict=True)
                ]
            )
        return self


def _check_reports(reports: Iterable[Report]) -> list[Report]:
    items = list(reports)
    for i, r in enumerate(items):
        if not isinstance(r, Report):
            raise TypeError(f"aggregate expects Reports, item {i} is {type(r).__name__}")
    if not items:
        raise AggregateError("aggregate needs at least one report")
    return items


def _target_edition(
    items: Sequence[Report], edition: Edition | None, map_editions: bool
) -> Edition:
    editions = {r.edition for r in items}
    if edition is not None:
        target = edition
    elif len(editions) == 1:
        (target,) = editions
    else:  # the newest edition with tables present (Edition lists them oldest first)
        present = [e for e in Edition if e in editions]
        target = next((e for e in reversed(present) if e.has_tables), present[0])
    if not target.has_tables:
        tabled = " or ".join(e.value for e in Edition if e.has_tables)
        raise AggregateError(
            f"{target.value} reports have no national tables to add up: aggregate reports of "
            f"the {tabled} edition"
        )
    others = [r for r in items if r.edition is not target]
    if others and not map_editions:
        by_edition: dict[str, list[str]] = {}
        for r in items:
            by_edition.setdefault(r.edition.value, []).append(r.agency)
        detail = "; ".join(f"{e}: {', '.join(a)}" for e, a in by_edition.items())
        raise MixedEditionsError(
            f"the reports are of {len(by_edition)} editions ({detail}): aggregate one edition "
            f"at a time, or pass map_editions=True to map them onto {target.value} through "
            "the cell correspondence (cells with no counterpart become incomplete)"
        )
    for r in others:
        if not r.edition.has_tables:
            raise MixedEditionsError(
                f"{r.agency} {r.year} is a {r.edition.value} report: it has no tables to map"
            )
    return target


def _finish(
    acc: _Accumulator, *, agency: str, year: int, kind: AgencyKind | None, blanks: Blanks
) -> Aggregate:
    _refuse_duplicates(acc)
    cells = [
        _summed_cell(cell, acc.sums[cell.json_path], blanks)
        for cell in layout_of(acc.edition).cells
    ]
    values: dict[str, CellValue] = {c.path: c.value for c in cells}
    tables = tables_from_values(acc.edition, values, {k: tuple(v) for k, v in acc.extra.items()})
    if kind is None:
        kind = infer_agency_kind(agency) or AgencyKind.UNKNOWN
    report = Report(
        agency=agency,
        year=year,
        edition=acc.edition,
        title=f"{agency}{year}年政府信息公开工作年度报告",
        agency_kind=kind,
        **tables,
    )
    return Aggregate(
        agency=agency,
        year=year,
        edition=acc.edition,
        kind=kind,
        parts=tuple(acc.parts),
        cells=tuple(cells),
        report=report,
        mapped=tuple(acc.mapped),
    )


def _refuse_duplicates(acc: _Accumulator) -> None:
    if acc.duplicates:
        dup = "; ".join(
            f"{acc.parts[i][0]} {acc.parts[i][1]} (reports {i} and {j})"
            for i, j in sorted(acc.duplicates)
        )
        raise DuplicateReportsError(
            f"the same report is given more than once: {dup} (agency names are compared with "
            "white space and punctuation width ignored); remove the duplicates"
        )


def _summed_cell(cell: CellLayout, s: _Sum, blanks: Blanks) -> AggregateCell:
    """The aggregate of one cell from its running sum ``s``: exact value, interval, and the
    value shown under ``blanks``."""
    exact, missing = s.result()
    interval: Interval | None = None
    printed: CellValue = exact
    if isinstance(exact, Amount):
        interval = Interval.closed(s.low, s.high)
        printed = _printed(exact, s.places if s.places is not None else 0)
    elif isinstance(exact, int):
        interval = Interval.point(exact)
    elif isinstance(exact, Decimal):  # figures printed without a unit, all of them
        interval = Interval.closed(s.bare_low, s.bare_high)
        printed = exact
    incomplete = bool(missing) and blanks == "incomplete"
    if blanks == "zero" and missing and exact is None:
        printed = _zero(cell)
    return AggregateCell(
        path=cell.json_path,
        label=cell.label,
        label_en=cell.label_en,
        kind=cell.kind,
        value=None if incomplete else printed,
        exact=exact,
        interval=interval,
        stated=s.stated - (len(missing) - len(s.missing)),
        missing=tuple(missing),
    )


def _zero(cell: CellLayout) -> CellValue:
    if cell.kind == "amount":
        return Amount(0, MoneyUnit.WAN_YUAN)
    if cell.kind == "decimal":
        return Decimal(0)
    return 0


def aggregate(
    reports: Iterable[Report],
    *,
    agency: str,
    year: int,
    kind: AgencyKind | None = None,
    edition: Edition | None = None,
    map_editions: bool = False,
    blanks: Blanks = "incomplete",
) -> Aggregate:
    """The summary of ``reports``: the cell-wise sum of every table, exactly.

    ``agency`` and ``year`` name the summary (the government whose departments and 乡镇/街道
    are summed; every report must be of ``year``); ``kind`` is the summary body's
    :class:`~govdisclosure.model.AgencyKind` (by default what its name says). The reports
    must be of one edition unless ``map_editions=True``: then they are mapped onto
    ``edition`` (by default the newest present) through the 2019 ↔ 2021 correspondence, and
    cells with no counterpart become incomplete for the mapped reports. The same agency and
    year twice raise :class:`DuplicateReportsError`. A blank cell makes the summed cell
    incomplete (its ``value`` is ``None``; ``exact`` is the sum of the others) unless
    ``blanks="zero"``.

    >>> from govdisclosure import examples
    >>> import attrs
    >>> a = examples.load("jianghe-2021")
    >>> b = attrs.evolve(a, agency="江河市教育局")
    >>> s = aggregate([a, b], agency="江河市人民政府", year=2021)
    >>> s.cell("$.requests.new.total").value == 2 * a.requests.new.total
    True
    >>> fees = s.cell("$.active.fees")
    >>> fees.value, str(fees.interval)
    (Amount('40.60', MoneyUnit.WAN_YUAN), '[405900, 406100]')
    >>> aggregate([a, a], agency="江河市人民政府", year=2021)
    Traceback (most recent call last):
    ...
    govdisclosure.analysis._aggregate.DuplicateReportsError: ... 2021 (reports 0 and 1) ...
    """
    items = _check_reports(reports)
    if not isinstance(agency, str) or not agency.strip():
        raise TypeError(f"agency must be the summary body's name, got {agency!r}")
    if kind is not None and not isinstance(kind, AgencyKind):
        raise TypeError(f"kind must be an AgencyKind or None, got {kind!r}")
    if blanks not in ("incomplete", "zero"):
        raise ValueError(f"blanks must be 'incomplete' or 'zero', got {blanks!r}")
    wrong_year = [f"{r.agency} ({r.year})" for r in items if r.year != year]
    if wrong_year:
        raise AggregateError(
            f"every report must be of {year}: {', '.join(wrong_year)} is not; a summary adds "
            "up one year's reports"
        )
    target = _target_edition(items, edition, map_editions)
    acc = _Accumulator(target)
    for r in items:
        acc.add(r, values_of(r, target), r.edition is not target)
    return _finish(acc, agency=agency, year=year, kind=kind, blanks=blanks)


# --------------------------------------------------------------------------- check_rollup


def check_rollup(
    summary: Report,
    parts: Iterable[Report],
    *,
    expected: Iterable[str] | None = None,
    map_editions: bool = False,
) -> Findings:
    """Compare a published summary report with its parts: a finding per cell that does not
    add up (GA101, both sides given; money compared as intervals), per cell the summary
    leaves blank while parts state it (GA103) or that blank parts make uncheckable (GA104),
    and — when ``expected`` lists the bodies whose reports should be summed — per expected
    body missing (GA102) and per part not expected (GA105).

    >>> from govdisclosure import examples
    >>> import attrs
    >>> a = examples.load("jianghe-2021")
    >>> b = attrs.evolve(a, agency="江河市教育局")
    >>> summary = aggregate([a, b], agency="江河市人民政府", year=2021).report
    >>> check_rollup(summary, [a, b])
    Findings([])
    >>> t = summary.reviews
    >>> wrong = attrs.evolve(
    ...     summary, reviews=attrs.evolve(t, review=attrs.evolve(t.review, upheld=5)))
    >>> bodies = ["江河市自然资源和规划局", "江河市教育局", "江河市民政局"]
    >>> findings = check_rollup(wrong, [a, b], expected=bodies)
    >>> findings
    Findings([GA101@$.reviews.review.upheld, GA102@$])
    >>> print(findings[0].message("en"))
    Table 4 Administrative reconsideration | Upheld: the summary states 5,
    its parts add up to 4 (off by 1)
    """
    if not isinstance(summary, Report):
        raise TypeError(f"check_rollup expects a Report as summary, got {type(summary).__name__}")
    items = _check_reports(parts)
    if summary.year is None:
        raise ValueError(f"the summary report of {summary.agency!r} states no year")
    agg = aggregate(
        items,
        agency=summary.agency,
        year=summary.year,
        edition=summary.edition,
        map_editions=map_editions,
    )
    inputs: dict[str, object] = {"aggregate": agg}
    if expected is not None:
        inputs["expected"] = tuple(expected)
    rollup = family("roll-up")  # registered when govdisclosure.analysis is imported
    return Findings(rollup.check(Context(summary, runs=rollup.codes, inputs=inputs)))
