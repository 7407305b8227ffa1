"""GD501–GD504: the edition against the year, the statistical period, the deadline, and a
report that gives neither a signing date nor a period."""

from __future__ import annotations

import datetime as _dt

from govdisclosure.layout import layout_of
from govdisclosure.model import Edition, Report, Section
from govdisclosure.rules._catalog import OUTLINED, part
from govdisclosure.rules._context import Context, derived
from govdisclosure.rules._findings import Arg, Finding, L10n, Side
from govdisclosure.rules._policy import Policy
from govdisclosure.rules._registry import Family
from govdisclosure.rules._sections import heading_ordinals
from govdisclosure.rules._substance import has_text
from govdisclosure.rules._types import Severity

__all__ = ["FAMILY", "check", "date_zh"]


def date_zh(d: _dt.date) -> str:
    """A date as Chinese text: 2016年1月29日.

    >>> date_zh(_dt.date(2016, 1, 29))
    '2016年1月29日'
    """
    return f"{d.year}年{d.month}月{d.day}日"


def _date(d: _dt.date) -> L10n:
    return L10n(date_zh(d), d.isoformat())


def check(ctx: Context) -> list[Finding]:
    """GD501 (edition vs year), GD502 (statistical period) and GD503 (deadline)."""
    report, policy, runs = ctx.report, ctx.policy, ctx.runs
    out: list[Finding] = []
    if report.year is None:  # a page that prints no year: nothing to compare its dates with
        return out
    if "GD501" in runs:
        out += _edition(report, policy)
    if "GD502" in runs:
        out += _period(report, policy)
    if "GD503" in runs:
        out += _deadline(report, policy)
    coverage = ctx.inputs.get("coverage")
    if "GD504" in runs and not (coverage is not None and coverage.cut):
        out += _undated(report, policy)  # a source cut inside a table never got to the end
    return out


def _undated(report: Report, policy: Policy) -> list[Finding]:
    """GD504: neither a signing date nor a statistical period — what the figures cover and
    when the report was made rest on the page alone (a notice when the page gives a date).
    A report of tables alone, without any text, is a record rather than a published report,
    and a text cut before its end never got to the signature: no finding."""
    signed = report.signature.date if report.signature is not None else None
    if signed is not None or report.period is not None:
        return []
    if not derived(report, has_text) or not _complete(report):
        return []  # no published text to date, or a text cut before its end
    published = report.metadata.published if report.metadata is not None else None
    severity = policy.severity("GD504")
    if published is not None:
        consequence = part("undated.published", date=_date(published))
        severity = min(severity, Severity.NOTICE, key=_RANK.index)
    else:
        consequence = part("undated.unknown")
    return [
        Finding(
            code="GD504",
            severity=severity,
            path="$.signature.date",
            location=part("date.signed"),
            args=(("consequence", consequence),),
            year=report.year,
        )
    ]


_RANK = (Severity.NOTICE, Severity.WARNING, Severity.ERROR)


def _last_text(sections: tuple[Section, ...]) -> str | None:
    for s in reversed(sections):
        inner = _last_text(s.subsections)
        if inner is not None:
            return inner
        if s.paragraphs:
            return s.paragraphs[-1]
    return None


def _complete(report: Report) -> bool:
    """Whether the text reads as whole, so that a missing signature is the report's and not
    the source's: it has the last section of its edition's outline (2019 on), and its last
    paragraph ends a sentence (a page cut short ends mid-sentence or inside a table)."""
    layout = layout_of(report.edition)
    if layout.sections and report.edition in OUTLINED:
        last = layout.sections[-1].ordinal
        if not any(
            o == last or s.ordinal == last
            for o, s in zip(derived(report, heading_ordinals), report.sections, strict=True)
        ):
            return False
    text = _last_text(report.sections)
    if text is None:
        text = report.preamble[-1] if report.preamble else ""
    return text.rstrip().endswith(("。", "！", "!", "？", "?", "”", "）", ")", "."))


def _on_field(code: str, field: str, args: tuple[Arg, ...], year: int, policy: Policy) -> Finding:
    """A finding of ``code`` on one field of the report: its path ``$.<field>``, its place
    the field's name."""
    return Finding(
        code=code,
        severity=policy.severity(code),
        path=f"$.{field}",
        location=part(field),
        args=args,
        year=year,
    )


def _edition(report: Report, policy: Policy) -> list[Finding]:
    """GD501: the edition the year calls for, if the report uses another."""
    year = report.year
    if year is None:  # pragma: no cover - check() returns first
        return []
    expected = Edition.for_year(year)
    if expected is report.edition:
        return []
    args = (
        ("year", str(year)),
        ("expected", part(f"edition.{expected.value}")),
        ("edition", part(f"edition.{report.edition.value}")),
    )
    return [_on_field("GD501", "edition", args, year, policy)]


def _period(report: Report, policy: Policy) -> list[Finding]:
    """GD502: a statistical period other than the report year."""
    year, period = report.year, report.period
    if (
        year is None
        or period is None
        or (period.start == _dt.date(year, 1, 1) and period.end == _dt.date(year, 12, 31))
    ):
        return []
    args = (("start", _date(period.start)), ("end", _date(period.end)), ("year", str(year)))
    return [_on_field("GD502", "period", args, year, policy)]


def _deadline(report: Report, policy: Policy) -> list[Finding]:
    """GD503: the signing date decides when there is one; a page's date after a timely
    signature (a portal migration, a re-publication) is a notice at most."""
    year = report.year
    if year is None:  # pragma: no cover - check() returns first
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
                part("date.signed"),
                signed,
                deadline,
                policy.severity("GD503"),
            )
        )
    if published is not None and published > deadline:
        what = part("date.published")
        severity = policy.severity("GD503")
        if signed is not None and signed <= deadline:
            what = part("date.published_signed_in_time", signed=_date(signed))
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
            Side(part("deadline"), None, deadline.isoformat()),
        ),
        discrepancy=(d - deadline).days,
        year=report.year,
    )


FAMILY = Family("edition and dates", check, codes=("GD501", "GD502", "GD503", "GD504"))
