"""GD402: a report that counts applications dropped for unpaid fees should say it issued
收费通知 (fee notices)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from govdisclosure.layout import layout_of
from govdisclosure.model import Requests2021, Section
from govdisclosure.numerals import find_quantities
from govdisclosure.rules._catalog import part
from govdisclosure.rules._context import Context
from govdisclosure.rules._findings import Finding, Side
from govdisclosure.rules._registry import Family
from govdisclosure.rules._scope import CLAUSE
from govdisclosure.rules._sections import section_ordinal
from govdisclosure.rules._types import L10n

__all__ = ["FAMILY", "check"]


_FEE_NOTICE = re.compile(r"收费通知")
_NEGATION = re.compile(r"未|无|没有|不曾|尚未|并未|均未|零")


def _states_fee_notice(text: str) -> bool:
    for m in CLAUSE.finditer(text):
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


def check(ctx: Context) -> list[Finding]:
    """GD402: (六)2 withdrawals for unpaid fees, but section 六 states no 收费通知."""
    report, policy = ctx.report, ctx.policy
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
        part("fee.section", title=expected.title, title_en=expected.en)
        if six is not None
        else part("fee.no_section")
    )
    return [
        Finding(
            code="GD402",
            severity=policy.severity("GD402"),
            path=cell.json_path,
            location=part("fee.location", cell=L10n(cell.label, cell.label_en)),
            args=(("value", str(unpaid)), ("section", section)),
            sides=(
                Side(L10n(cell.label, cell.label_en), unpaid, str(unpaid), None, (cell.json_path,)),
            ),
            year=report.year,
        )
    ]


FAMILY = Family("fee notices", check, codes=("GD402",))
