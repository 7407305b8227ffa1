"""GD402: a report that counts applications dropped for unpaid fees should say it issued
收费通知 (fee notices)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from govdisclosure.layout import layout_of
from govdisclosure.model import Report, Requests2021, Section
from govdisclosure.numerals import find_quantities
from govdisclosure.rules._claims import _CLAUSE
from govdisclosure.rules._findings import Finding, Side
from govdisclosure.rules._outline import section_ordinal
from govdisclosure.rules._policy import Policy
from govdisclosure.rules._types import L10n

__all__ = ["check_fee_notices"]


_FEE_NOTICE = re.compile(r"收费通知")
_NEGATION = re.compile(r"未|无|没有|不曾|尚未|并未|均未|零")


def _states_fee_notice(text: str) -> bool:
    for m in _CLAUSE.finditer(text):
        clause = m.group()
        at = clause.find("收费通知")
        if at < 0:
            continue
        if _NEGATION.search(clause[:at]):
            continue
        figures = [f for f in find_quantities(clause) if f.start >= at]
        if figures and figures[0].quantity.value == 0:
            continue
        return True
    return False


def _section_text(s: Section) -> Iterator[str]:
    yield from s.paragraphs
    for sub in s.subsections:
        yield from _section_text(sub)


def check_fee_notices(report: Report, policy: Policy) -> list[Finding]:
    """GD402: (六)2 withdrawals for unpaid fees, but section 六 states no 收费通知."""
    requests = report.requests
    if not isinstance(requests, Requests2021):
        return []
    row = requests.other.unpaid_fee
    unpaid = row.total if row.total is not None else row.computed_total
    if not unpaid:
        return []
    six = None
    for s in report.sections:
        if section_ordinal(report.edition, s.title) == 6:
            six = s
            break
    else:
        for s in report.sections:
            if s.ordinal == 6:
                six = s
                break
    if six is not None and any(_states_fee_notice(p) for p in _section_text(six)):
        return []
    layout = layout_of(report.edition)
    cell = layout.cell("requests", "other.unpaid_fee.total")
    expected = next(s for s in layout.sections if s.ordinal == 6)
    section = (
        L10n(f"第六部分“{expected.title}”", f"section 六 ({expected.en})")
        if six is not None
        else L10n("报告（未见第六部分）", "the report (which has no section 六)")
    )
    return [
        Finding(
            code="GD402",
            severity=policy.severity("GD402"),
            path=cell.json_path,
            location=L10n(f"{cell.label}；第六部分", f"{cell.label_en}; section 六"),
            args=(("value", str(unpaid)), ("section", section)),
            sides=(
                Side(L10n(cell.label, cell.label_en), unpaid, str(unpaid), None, (cell.json_path,)),
            ),
            year=report.year,
        )
    ]
