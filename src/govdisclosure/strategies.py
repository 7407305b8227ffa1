"""Hypothesis strategies for 年报, under their first name: :mod:`govdisclosure.testing.strategies`,
with the rule breakers of :mod:`govdisclosure.testing.breaking` beside them.

>>> from govdisclosure import strategies, testing
>>> strategies.reports is testing.strategies.reports
True
>>> strategies.reports_breaking is testing.reports_breaking
True
"""

from govdisclosure.testing.breaking import Expected, break_report, reports_breaking
from govdisclosure.testing.strategies import (
    Blanks,
    active_disclosures,
    amounts,
    applicant_counts,
    editions,
    outcomes,
    quantities,
    reports,
    requests_tables,
    reviews_and_litigation,
    sections,
)

__all__ = [
    "Blanks",
    "Expected",
    "active_disclosures",
    "amounts",
    "applicant_counts",
    "break_report",
    "editions",
    "outcomes",
    "quantities",
    "reports",
    "reports_breaking",
    "requests_tables",
    "reviews_and_litigation",
    "sections",
]
