"""Validation: every 勾稽关系 of a 年报 as a declared rule, and findings rather than exceptions.

:func:`check` runs the rules of :func:`catalog` on a report and returns :class:`Findings`:
each :class:`Finding` has a stable code (GD101 …), a :class:`Severity`, the JSON path of the
place in the report's ``to_dict`` form, the human location, a message in Chinese and
English, and the figures compared. It never raises for content problems; :func:`validate`
is the raising wrapper.

>>> import attrs
>>> from govdisclosure import examples
>>> from govdisclosure.rules import check
>>> report = examples.load("jianghe-2021")
>>> check(report).ok
True

Change one cell of table 三, and the two sums it belongs to fail; the finding says which cell
a single corrected value would fix:

>>> t = report.requests
>>> wrong = attrs.evolve(t, granted=attrs.evolve(t.granted, natural_person=31))
>>> findings = check(attrs.evolve(report, requests=wrong))
>>> findings.codes
('GD102', 'GD103')
>>> findings[0].path
'$.requests.granted.total'
>>> print(findings[0].suggestions[0].message("en"))   # doctest: +ELLIPSIS
Table 3 III. ... / (1) Disclosed | Natural persons: 13 would satisfy GD102 and GD103
(printed 31); looks like a digit transposition (31 printed for 13)

Rules are data: :func:`catalog` lists them, and :class:`Policy` chooses what a blank cell
means, the deadlines, and which rules run at what severity.

Rules come in families: each is one module with one function ``check(ctx)`` over a
:class:`Context`, and the codes it produces; :func:`check` runs the registered
:func:`families`, and :func:`register` lets another family join (with its own rules):

>>> [f.name for f in families()]  # doctest: +ELLIPSIS
['table sums', 'agency kind', 'stated relations', 'cross-year', 'prose claims', ...]
"""

from govdisclosure.rules._catalog import ColumnSums, RowSums, Rule, catalog, known, part, rule
from govdisclosure.rules._context import Context
from govdisclosure.rules._engine import check, check_series, run, validate
from govdisclosure.rules._findings import (
    Finding,
    Findings,
    Interval,
    L10n,
    ReportInvalid,
    Severity,
    Side,
    Suggestion,
)
from govdisclosure.rules._policy import Policy
from govdisclosure.rules._registry import Family, families, family, register, unregister

__all__ = [
    "ColumnSums",
    "Context",
    "Family",
    "Finding",
    "Findings",
    "Interval",
    "L10n",
    "Policy",
    "ReportInvalid",
    "RowSums",
    "Rule",
    "Severity",
    "Side",
    "Suggestion",
    "catalog",
    "check",
    "check_series",
    "families",
    "family",
    "known",
    "part",
    "register",
    "rule",
    "run",
    "unregister",
    "validate",
]
