"""GD501–GD503: the edition against the year, the statistical period, and the deadline."""

from __future__ import annotations

import datetime as _dt

from govdisclosure.model import Edition, Report
from govdisclosure.rules._findings import Finding, L10n, Side
from govdisclosure.rules._policy import Policy
from govdisclosure.rules._types import Severity

__all__ = ["check_dates", "date_zh"]

_EDITION_NAMES = {
    Edition.LEGACY_2008: L10n(
        "2008年条例规定的年报（无统一表格）", "2008 regulation format (no national tables)"
    ),
    Edition.TRIAL_2019: L10n("2019年试行格式", "trial 2019 format"),
    Edition.STANDARD_2021: L10n("2021年格式", "2021 format"),
}


def date_zh(d: _dt.date) -> str:
    """A date as Chinese text: 2016年1月29日.

    >>> date_zh(_dt.date(2016, 1, 29))
    '2016年1月29日'
    """
    return f"{d.year}年{d.month}月{d.day}日"


def _date(d: _dt.date) -> L10n:
    return L10n(date_zh(d), d.isoformat())


def check_dates(report: Report, policy: Policy, runs: frozenset[str]) -> list[Finding]:
    """GD501 (edition vs year), GD502 (statistical period) and GD503 (deadline)."""
    out: list[Finding] = []
    year = report.year
    if year is None:  # a page that prints no year: nothing to compare its dates with
        return out
    if "GD501" in runs:
        expected = Edition.for_year(year)
        if expected is not report.edition:
            out.append(
                Finding(
                    code="GD501",
                    severity=policy.severity("GD501"),
                    path="$.edition",
                    location=L10n("格式版本", "edition"),
                    args=(
                        ("year", str(year)),
                        ("expected", _EDITION_NAMES[expected]),
                        ("edition", _EDITION_NAMES[report.edition]),
                    ),
                    year=year,
                )
            )
    period = report.period
    if (
        "GD502" in runs
        and period is not None
        and (period.start != _dt.date(year, 1, 1) or period.end != _dt.date(year, 12, 31))
    ):
        out.append(
            Finding(
                code="GD502",
                severity=policy.severity("GD502"),
                path="$.period",
                location=L10n("统计期限", "statistical period"),
                args=(
                    ("start", _date(period.start)),
                    ("end", _date(period.end)),
                    ("year", str(year)),
                ),
                year=year,
            )
        )
    if "GD503" in runs:
        out += _deadline(report, policy)
    return out


def _deadline(report: Report, policy: Policy) -> list[Finding]:
    """GD503: the signing date decides when there is one; a page's date after a timely
    signature (a portal migration, a re-publication) is a notice at most."""
    year = report.year
    if year is None:  # pragma: no cover - check_dates returns first
        return []
    deadline = policy.deadline(year, report.kind())
    signed = report.signature.date if report.signature is not None else None
    published = report.metadata.published if report.metadata is not None else None
    out = []
    if signed is not None and signed > deadline:
        out.append(
            _late(
                report,
                "$.signature.date",
                L10n("落款日期", "the signing date"),
                signed,
                deadline,
                policy.severity("GD503"),
            )
        )
    if published is not None and published > deadline:
        what = L10n("网页所载发布日期", "the publication date on the page")
        severity = policy.severity("GD503")
        if signed is not None and signed <= deadline:
            what = L10n(
                f"网页所载发布日期（落款日期{date_zh(signed)}在期限内）",
                f"the publication date on the page (signed in time, on {signed.isoformat()})",
            )
            severity = Severity.NOTICE
        out.append(_late(report, "$.metadata.published", what, published, deadline, severity))
    return out


def _late(
    report: Report,
    path: str,
    what: L10n,
    d: _dt.date,
    deadline: _dt.date,
    severity: Severity,
) -> Finding:
    return Finding(
        code="GD503",
        severity=severity,
        path=path,
        location=what,
        args=(("what", what), ("date", _date(d)), ("deadline", _date(deadline))),
        sides=(
            Side(what, None, d.isoformat(), None, (path,)),
            Side(L10n("期限", "deadline"), None, deadline.isoformat()),
        ),
        discrepancy=(d - deadline).days,
        year=report.year,
    )
