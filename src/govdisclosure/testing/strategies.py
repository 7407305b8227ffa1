"""Hypothesis strategies for property-testing code that handles 年报.

Every strategy draws values that are valid and consistent BY CONSTRUCTION: parts are drawn
and totals computed (表三's (七)总计, 总计 column and 结转下年度, 表四's 总计, the sums a
legacy text states), never filtered, so they pass Hypothesis' health checks.

>>> from hypothesis import given
>>> from govdisclosure.testing import strategies as gst
>>> @given(gst.reports(editions=[Edition.STANDARD_2021]))
... def test_totals(report):
...     assert report.requests.total == report.requests.computed_total
>>> test_totals()

What real reports have is drawn too: sub-sections, provincial extra rows, prose of every
length, legacy reports with and without located facts — and, when asked for with
``blanks=``, blank cells, absent tables and missing fees, with the policy they imply: a
report drawn with ``blanks=b`` checks clean under ``Policy(blank=b)`` (its only findings are
the GD105 notices or warnings about its blanks).

Arguments follow one convention everywhere: keyword-only; what is drawn (``editions``,
``years``, ``agencies``, ``counts``, ``units``, ``places``) is a strategy or a collection of
values (sampled); sizes and bounds (``max_count``, ``min_value``, ``max_value``) and
switches (``blanks``) are plain values. A bad argument raises
:class:`hypothesis.errors.InvalidArgument` — when the strategy is made, or, for what a
strategy argument draws, when it is drawn.

The strategies are drawn from :mod:`govdisclosure.layout`: which tables an edition has,
their cells, kinds and sums, the sections and the years each edition is prescribed for — an
edition added there is drawn with no change here. The code lives in :mod:`._draws`
(arguments, amounts), :mod:`._tables`, :mod:`._narrative` and :mod:`._reports`; this module
is the public face.

Installing govdisclosure registers strategies with :func:`hypothesis.strategies.from_type`
for every public record (through the ``hypothesis`` entry point), so
``st.from_type(govdisclosure.Section)`` works.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable
from typing import Any

import attrs
from hypothesis import strategies as st

from govdisclosure.document import Coverage
from govdisclosure.layout import MAX_YEAR, MIN_YEAR
from govdisclosure.model import (
    ApplicantCounts,
    Edition,
    ExtraRow,
    Fact,
    Location,
    Metadata,
    Outcomes,
    Period,
    Relation,
    Report,
    ReviewsAndLitigation,
    Section,
    Signature,
)
from govdisclosure.money import Amount
from govdisclosure.numerals import Quantity
from govdisclosure.testing._draws import (
    _COUNT,
    Blanks,
    SearchStrategy,
    amounts,
    editions,
    quantities,
)
from govdisclosure.testing._narrative import sections
from govdisclosure.testing._reports import _reports, reports
from govdisclosure.testing._tables import (
    _EXTRA_LABELS,
    _TABLE_EDITIONS,
    _class,
    _records,
    active_disclosures,
    applicant_counts,
    outcomes,
    requests_tables,
    reviews_and_litigation,
)

__all__ = [
    "Blanks",
    "Expected",
    "active_disclosures",
    "amounts",
    "applicant_counts",
    "editions",
    "outcomes",
    "quantities",
    "reports",
    "requests_tables",
    "reviews_and_litigation",
    "sections",
]


@attrs.frozen(slots=True)
class Expected:
    """The one finding a broken report must yield: its code and JSON path.

    ``previous`` is last year's report for a cross-year rule (pass it to ``check``), else
    ``None``; ``coverage`` what the source printed, for the rule of unprinted cells (GD107;
    pass it to ``check`` too), else ``None``. (Drawn with the report by
    :func:`govdisclosure.testing.reports_breaking`.)
    """

    code: str
    path: str
    previous: Report | None = None
    coverage: Coverage | None = None

    def __repr__(self) -> str:
        previous = "" if self.previous is None else f", previous={self.previous!r}"
        coverage = "" if self.coverage is None else f", coverage={self.coverage!r}"
        return f"Expected({self.code!r}, {self.path!r}{previous}{coverage})"


# --------------------------------------------------------------------------- from_type

_TABLE_STRATEGIES: dict[str, Callable[..., SearchStrategy[Any]]] = {
    "requests": requests_tables,
    "active": active_disclosures,
}


def _metadata() -> SearchStrategy[Metadata | None]:
    return _reports().map(lambda r: r.metadata)


def _facts_reports() -> SearchStrategy[Report]:
    """Narrative (tableless) reports that state facts and relations."""
    return _reports(editions=[e for e in Edition if not e.has_tables], facts=True)


def _by_type() -> dict[type[Any], Callable[[], SearchStrategy[Any]]]:
    """A strategy for every public record, for :func:`hypothesis.strategies.from_type`
    (registered lazily by the ``hypothesis`` entry point). Each table class of each edition
    and each row record inside it is drawn from its table's strategy."""
    by_type: dict[type[Any], Callable[[], SearchStrategy[Any]]] = {
        Report: reports,
        Amount: amounts,
        Quantity: quantities,
        Section: sections,
        ApplicantCounts: applicant_counts,
        Outcomes: outcomes,
        ReviewsAndLitigation: reviews_and_litigation,
        ExtraRow: lambda: st.builds(
            ExtraRow,
            block=st.just("第二十条第(一)项"),
            label=st.sampled_from(_EXTRA_LABELS),
            values=st.tuples(st.none() | _COUNT, st.none() | _COUNT, st.none() | _COUNT),
        ),
        Metadata: _metadata,
        Signature: lambda: _reports().map(lambda r: r.signature),
        Period: lambda: st.integers(MIN_YEAR, MAX_YEAR).map(Period.calendar_year),
        Fact: lambda: _facts_reports().flatmap(lambda r: st.sampled_from(r.facts)),
        Location: lambda: _facts_reports().flatmap(
            lambda r: st.sampled_from([f.location for f in r.facts])
        ),
        Relation: lambda: _facts_reports().flatmap(lambda r: st.sampled_from(r.relations)),
    }
    for edition in _TABLE_EDITIONS:
        for attribute, strategy in _TABLE_STRATEGIES.items():
            by_type.setdefault(
                _class(edition, attribute),
                functools.partial(strategy, editions=[edition]),
            )
    for record, (edition, attribute, path) in _records().items():
        by_type.setdefault(record, functools.partial(_part, edition, attribute, path))
    return by_type


def _part(edition: Edition, attribute: str, path: str) -> SearchStrategy[Any]:
    """The record at ``path`` of the table at ``attribute``, drawn whole."""
    table = _TABLE_STRATEGIES[attribute](editions=[edition])
    return table.map(operator.attrgetter(path))
