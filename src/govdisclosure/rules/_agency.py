"""The rules that depend on the kind of body that reports (an
:class:`~govdisclosure.model.AgencyKind`).

GD106: 规章 reported by a body that cannot make them (立法法); GD602: a 人民政府's report
without the 工作考核、社会评议和责任追究结果 of 条例 第五十条第四项. The kind is
:meth:`Report.kind <govdisclosure.model.Report.kind>`: the report's ``agency_kind``, else what the
agency's name says; when neither tells, neither rule runs. (GD503's deadline also depends on
the kind: :meth:`~govdisclosure.rules.Policy.deadline`.)

>>> from govdisclosure import examples
>>> check(Context(examples.load("jianghe-2021")))
[]
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from govdisclosure.layout import layout_of
from govdisclosure.model import ActiveDisclosure2021, Report, walk_sections
from govdisclosure.rules._catalog import part
from govdisclosure.rules._context import Context
from govdisclosure.rules._findings import Finding, Side
from govdisclosure.rules._registry import Family
from govdisclosure.rules._types import L10n

__all__ = ["FAMILY", "check"]

_ARTICLE_50_4 = re.compile(r"考核|评议|责任追究")
"""Words of 第五十条第四项 (工作考核、社会评议和责任追究结果情况): one of them is enough."""


def _texts(report: Report) -> Iterator[str]:
    yield from report.preamble
    for _, s in walk_sections(report.sections):
        yield s.title
        yield from s.paragraphs


def check(ctx: Context) -> list[Finding]:
    """GD106 and GD602 for a report of an edition with tables (the 2019 条例)."""
    report, policy, runs = ctx.report, ctx.policy, ctx.runs
    kind = report.kind()
    out: list[Finding] = []
    kind_name = L10n(kind.label, kind.label_en)
    active = report.active
    if "GD106" in runs and kind.makes_regulations is False and active is not None:
        key = (
            "regulations.issued"
            if isinstance(active, ActiveDisclosure2021)
            else ("regulations.new_made")
        )
        cell = layout_of(report.edition).cell("active", key)
        value = cell.get(report)
        if value:
            where = L10n(cell.label, cell.label_en)
            out.append(
                Finding(
                    code="GD106",
                    severity=policy.severity("GD106"),
                    path=cell.json_path,
                    location=where,
                    args=(("cell", where), ("value", str(value)), ("kind", kind_name)),
                    sides=(Side(where, value, str(value), None, (cell.json_path,)),),
                    year=report.year,
                )
            )
    if (
        "GD602" in runs
        and kind.is_government
        and not any(_ARTICLE_50_4.search(t) for t in _texts(report))
    ):
        out.append(
            Finding(
                code="GD602",
                severity=policy.severity("GD602"),
                path="$.sections",
                location=part("sections"),
                args=(("kind", kind_name),),
                year=report.year,
            )
        )
    return out


FAMILY = Family("agency kind", check, codes=("GD106", "GD602"))
