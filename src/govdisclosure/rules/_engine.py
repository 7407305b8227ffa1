"""The verbs: :func:`check`, :func:`validate` and :func:`check_series`, and :func:`run`, the
engine under them: the library's families join the registry here, in this order, and
:func:`run` gives every registered family that has a code to run the :class:`Context`.

A source that printed tables 二 and 三 and the first group of table 四, then stopped (a page
cut short): what it never printed is no blank, but one notice per table (GD107).

>>> import attrs
>>> from govdisclosure import examples
>>> from govdisclosure.document import Coverage
>>> r = examples.load("jianghe-2021")
>>> rest = ("litigation_direct", "litigation_after_review")
>>> cut = attrs.evolve(r, reviews=attrs.evolve(r.reviews, **{
...     c: type(r.reviews.review)() for c in rest}))
>>> check(cut).codes
('GD105',)
>>> from govdisclosure.rules._equations import compiled
>>> cells = {str(c.json_path) for t in compiled(r.edition).tables for c in t.cells}
>>> printed = {p for p in cells if not p.startswith(tuple(f"$.reviews.{c}" for c in rest))}
>>> findings = check(cut, coverage=Coverage(printed, {"二", "三", "四"}, cut=True))
>>> findings.codes
('GD107',)
>>> print(findings[0].message())
表四 未经复议直接起诉、复议后起诉（10 格） 未见于来源
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, runtime_checkable

from govdisclosure.document import Coverage
from govdisclosure.model import Report
from govdisclosure.rules import (
    _agency,
    _claims,
    _crossyear,
    _dates,
    _fee_notices,
    _relations,
    _sections,
    _substance,
    _table_sums,
)
from govdisclosure.rules._catalog import generation, known
from govdisclosure.rules._context import Context
from govdisclosure.rules._findings import Finding, Findings, ReportInvalid
from govdisclosure.rules._policy import DEFAULT, Policy
from govdisclosure.rules._registry import families, register

__all__ = ["Read", "check", "check_series", "run", "validate"]


@runtime_checkable
class Read(Protocol):
    """What a reader returns: the ``report`` it read and the ``coverage`` of its source (what
    the source printed of the tables; ``None`` when the reader does not know)."""

    @property
    def report(self) -> Report: ...  # pragma: no cover - a protocol

    @property
    def coverage(self) -> Coverage | None: ...  # pragma: no cover - a protocol


for _family in (
    _table_sums.FAMILY,
    _agency.FAMILY,
    _relations.FAMILY,
    _crossyear.FAMILY,
    _claims.FAMILY,
    _fee_notices.FAMILY,
    _dates.FAMILY,
    _sections.FAMILY,
    _substance.FAMILY,
):
    register(_family)

_ORDER: list[tuple[int, dict[str, int]]] = [(-1, {})]


def _order() -> dict[str, int]:
    """The place of each known code in the catalogue (then the registered families' rules)."""
    if _ORDER[0][0] != generation():
        _ORDER[0] = (generation(), {r.code: i for i, r in enumerate(known())})
    return _ORDER[0][1]


def run(ctx: Context) -> Findings:
    """Every finding of the registered families on ``ctx``, in catalogue order.

    A family runs when one of its codes is in ``ctx.runs`` and the context has every input
    it needs (:attr:`Family.needs <govdisclosure.rules.Family.needs>`).
    """
    if not isinstance(ctx, Context):
        raise TypeError(f"run expects a Context, got {type(ctx).__name__}")
    runs = ctx.runs
    out: list[Finding] = []
    for family in families():
        if runs.isdisjoint(family.codes):
            continue
        if family.needs and not all(ctx.has(n) for n in family.needs):
            continue
        out += family.check(ctx)
    if len(out) > 1:
        order = _order()
        out.sort(key=lambda f: order[f.code])
    return Findings(out)


def check(
    report: Report | Read,
    *,
    previous: Report | None = None,
    policy: Policy | None = None,
    coverage: Coverage | None = None,
) -> Findings:
    """Every finding of the rules of :func:`~govdisclosure.rules.catalog` on ``report``.

    Never raises for content problems: inconsistencies are findings. ``report`` is a Report
    or what a reader returns (``report`` and ``coverage``, as :func:`govdisclosure.parse`
    gives; :class:`Read`). ``coverage``, what the source printed of the tables (the reader's
    by default), tells a cell printed blank (GD105) from one never printed (GD107; see the
    module's example). ``previous``, when given, must be last year's report of the same
    agency: the cross-year rules GD301 and GD302 compare the two. A ``previous`` of another
    year, or of another agency (compared with white space ignored), raises ValueError
    rather than being silently ignored. ``policy`` sets what a blank cell means, the
    deadlines, and which rules run at what severity.

    >>> from govdisclosure import examples
    >>> from govdisclosure.rules import check
    >>> check(examples.load("jianghe-2021"), previous=examples.load("jianghe-2020"))
    Findings([])
    >>> import attrs
    >>> r = examples.load("jianghe-2021")
    >>> bad = attrs.evolve(r, reviews=attrs.evolve(r.reviews,
    ...     review=attrs.evolve(r.reviews.review, upheld=r.reviews.review.upheld + 1)))
    >>> findings = check(bad)
    >>> findings
    Findings([GD104@$.reviews.review.total])
    >>> findings[0].severity.value, findings.ok
    ('error', False)
    >>> check(r, previous=examples.load("xianning-2015"))
    Traceback (most recent call last):
    ...
    ValueError: previous must be last year's report (2020) of the same agency: got a report of 2015
    """
    if not isinstance(report, Report) and isinstance(getattr(report, "report", None), Report):
        if coverage is None:  # what a reader returns; its coverage, when it knows one
            coverage = getattr(report, "coverage", None)
        report = report.report
    if coverage is not None and not isinstance(coverage, Coverage):
        raise TypeError(f"coverage must be a Coverage or None, got {type(coverage).__name__}")
    if not isinstance(report, Report):
        raise TypeError(f"check expects a Report, got {type(report).__name__}")
    if previous is not None and not isinstance(previous, Report):
        raise TypeError(f"previous must be a Report or None, got {type(previous).__name__}")
    if previous is not None:
        _check_previous(report, previous)
    if policy is None:
        policy = DEFAULT
    elif not isinstance(policy, Policy):
        raise TypeError(f"policy must be a Policy or None, got {type(policy).__name__}")
    inputs = None if coverage is None else {"coverage": coverage}
    return run(Context(report, previous, policy, inputs=inputs))


def _agency_key(agency: str) -> str:
    """An agency's name with all white space dropped (全角 spaces too)."""
    return "".join(agency.split())


def _check_previous(report: Report, previous: Report) -> None:
    """Raise ValueError unless ``previous`` is last year's report of ``report``'s agency."""
    if report.year is None or previous.year != report.year - 1:
        last = "" if report.year is None else f" ({report.year - 1})"
        raise ValueError(
            f"previous must be last year's report{last} of the same agency: "
            f"got a report of {previous.year}"
            + (" for a report of no known year" if report.year is None else "")
        )
    if _agency_key(previous.agency) != _agency_key(report.agency):
        raise ValueError(
            f"previous must be last year's report of the same agency: the report is of "
            f"{report.agency!r}, previous of {previous.agency!r}"
        )


def validate(
    report: Report, *, previous: Report | None = None, policy: Policy | None = None
) -> Report:
    """The report itself when no finding has severity error; else raise :class:`ReportInvalid`.

    >>> from govdisclosure import examples
    >>> from govdisclosure.rules import validate
    >>> validate(examples.load("jianghe-2021")).year
    2021
    """
    findings = check(report, previous=previous, policy=policy)
    if not findings.ok:
        raise ReportInvalid(findings)
    return report


def check_series(reports: Iterable[Report], *, policy: Policy | None = None) -> Findings:
    """Check an agency's reports over several years at once.

    Each report is checked, with the report of the year before as ``previous`` when the
    series has it; findings come in year order, each with its ``year``, and every cross-year
    finding also names ``previous_year``. Two reports of the same year, or reports of
    different agencies (compared with white space ignored), raise ValueError.

    >>> from govdisclosure import examples
    >>> from govdisclosure.rules import check_series
    >>> check_series([examples.load("jianghe-2021"), examples.load("jianghe-2020")])
    Findings([])
    >>> check_series([examples.load("jianghe-2021"), examples.load("xianning-2015")])
    Traceback (most recent call last):
    ...
    ValueError: a series is one agency's reports: '江河市自然资源和规划局' (2021) and
    '咸宁市民政局' (2015)
    """
    by_year: dict[int, Report] = {}
    first: Report | None = None
    for r in reports:
        if not isinstance(r, Report):
            raise TypeError(f"check_series expects Reports, got {type(r).__name__}")
        if first is None:
            first = r
        elif _agency_key(r.agency) != _agency_key(first.agency):
            raise ValueError(
                f"a series is one agency's reports: {first.agency!r} ({first.year}) and "
                f"{r.agency!r} ({r.year})"
            )
        if r.year is None:
            raise ValueError(f"a series is by year: the report of {r.agency!r} states none")
        if r.year in by_year:
            raise ValueError(f"two reports of the year {r.year}: a series has one per year")
        by_year[r.year] = r
    out: list[Finding] = []
    for year in sorted(by_year):
        out += check(by_year[year], previous=by_year.get(year - 1), policy=policy)
    return Findings(out)
