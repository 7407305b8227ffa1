"""The roll-up rules (GA1xx): a family of rules registered with :mod:`govdisclosure.rules`.

The GA rules are declared as data, the way the catalogue declares GD rules, with their
message parts; the family's ``check(ctx)`` compares the summary report of the context with
the sum of its parts (the context's input ``"aggregate"``, an
:class:`~govdisclosure.analysis.Aggregate`) and, when the input ``"expected"`` lists the
bodies whose reports should be summed, the parts with that list. It joins the registry with
:func:`~govdisclosure.rules.register`, so its findings are plain
:class:`~govdisclosure.rules.Finding` s whose rules :func:`~govdisclosure.rules.rule` knows;
:func:`~govdisclosure.analysis.check_rollup` runs it.

>>> [r.code for r in rollup_catalog()]
['GA101', 'GA102', 'GA103', 'GA104', 'GA105']
>>> rollup_rule("GA101").severity
<Severity.ERROR: 'error'>
>>> from govdisclosure.rules import rule
>>> rule("GA102").title_en
'A body expected in the summary sent no report'
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from govdisclosure.analysis._aggregate import Aggregate, AggregateCell
from govdisclosure.analysis._cells import EXACT, CellValue, values_of
from govdisclosure.layout import CellLayout, Edition, label_key, layout_of
from govdisclosure.money import Amount
from govdisclosure.rules import (
    Context,
    Family,
    Finding,
    Interval,
    L10n,
    Rule,
    Severity,
    Side,
    part,
    register,
)

__all__ = ["FAMILY", "RollupFinding", "check", "rollup_catalog", "rollup_rule"]

RollupFinding = Finding
"""A finding of :func:`~govdisclosure.analysis.check_rollup`: a plain
:class:`~govdisclosure.rules.Finding` (this name is kept for code that imports it)."""

_ALL = frozenset(Edition)
_TABLES = frozenset(e for e in Edition if e.has_tables)

_RULES: tuple[Rule, ...] = (
    Rule(
        code="GA101",
        title="汇总报告的单元格不等于各组成报告之和",
        title_en="A cell of the summary report is not the sum of its parts",
        severity=Severity.ERROR,
        editions=_TABLES,
        description=(
            "汇总报告每个表格单元格应等于各部门、乡镇(街道)报告相应单元格之和；"
            "金额按其印出的小数位视为区间（XBRL Calculations 1.1），区间相交即视为相符。"
        ),
        description_en=(
            "Every table cell of a summary report must equal the sum of the same cell in its "
            "parts; amounts stand for the interval their printed decimals imply (XBRL "
            "Calculations 1.1) and agree when the intervals meet."
        ),
        message="{cell}：汇总报告为 {summary}，各组成报告之和为 {parts}（相差 {difference}）",
        message_en=(
            "{cell}: the summary states {summary}, its parts add up to {parts} "
            "(off by {difference})"
        ),
    ),
    Rule(
        code="GA102",
        title="缺少应汇总的组成报告",
        title_en="A body expected in the summary sent no report",
        severity=Severity.ERROR,
        editions=_ALL,
        description="调用方给出的应汇总机关名单中，有机关的报告不在组成报告之中。",
        description_en=(
            "A body on the caller's list of expected bodies has no report among the parts."
        ),
        message="缺少“{body}”{year}年度的报告",
        message_en="no report of “{body}” for {year} among the parts",
    ),
    Rule(
        code="GA103",
        title="汇总报告的单元格为空而组成报告有数",
        title_en="A cell is blank in the summary but stated by parts",
        severity=Severity.WARNING,
        editions=_TABLES,
        description="汇总报告中某单元格为空，而组成报告中有数据。",
        description_en="The summary leaves a cell blank that its parts state.",
        message="{cell}：汇总报告为空，各组成报告之和为 {parts}",
        message_en="{cell}: blank in the summary, the parts add up to {parts}",
    ),
    Rule(
        code="GA104",
        title="组成报告有空单元格，无法核对",
        title_en="Parts leave a cell blank: it cannot be checked",
        severity=Severity.NOTICE,
        editions=_TABLES,
        description="部分组成报告的该单元格为空（空不视为 0），汇总数无法核对。",
        description_en=(
            "Some parts leave the cell blank (a blank is not taken as 0), so the summary "
            "figure cannot be checked."
        ),
        message="{cell}：{bodies} 的报告该单元格为空，无法核对汇总报告的 {summary}",
        message_en=(
            "{cell}: blank in the reports of {bodies}; the summary's {summary} cannot be checked"
        ),
    ),
    Rule(
        code="GA105",
        title="组成报告不在应汇总名单中",
        title_en="A part is not on the list of expected bodies",
        severity=Severity.WARNING,
        editions=_ALL,
        description="组成报告的机关不在调用方给出的应汇总机关名单中。",
        description_en="A part comes from a body that is not on the caller's list.",
        message="“{body}”的报告不在应汇总名单中",
        message_en="the report of “{body}” is not on the list of expected bodies",
    ),
)

_PARTS = {
    "rollup.summary": ("汇总报告", "summary"),
    "rollup.parts": ("各组成报告之和", "sum of the parts"),
    "rollup.part": ("组成报告 {body}", "part {body}"),
    "rollup.at_least": ("至少 {gap}元", "at least {gap} yuan"),
}
"""The message parts of the GA rules."""

_BY_CODE = {r.code: r for r in _RULES}


def rollup_catalog() -> tuple[Rule, ...]:
    """Every roll-up rule, in code order."""
    return _RULES


def rollup_rule(code: str) -> Rule:
    """The roll-up rule with ``code``; :class:`KeyError` naming the known codes otherwise."""
    try:
        return _BY_CODE[code]
    except KeyError:
        raise KeyError(f"no roll-up rule {code!r}; known codes: {', '.join(_BY_CODE)}") from None


# --------------------------------------------------------------------------- the family


def check(ctx: Context) -> list[Finding]:
    """GA101–GA105: the summary ``ctx.report`` against the sum of its parts
    (``ctx.input("aggregate")``) and the bodies ``ctx.input("expected")`` lists, if given."""
    summary, agg = ctx.report, ctx.input("aggregate")
    if not isinstance(agg, Aggregate):
        raise TypeError(f"the input 'aggregate' must be an Aggregate, got {type(agg).__name__}")
    stated = values_of(summary, summary.edition)
    out: list[Finding] = []
    for cell in layout_of(summary.edition).cells:
        finding = _cell_finding(ctx, cell, stated[cell.json_path], agg.cell(cell.json_path))
        if finding is not None:
            out.append(finding)
    expected = ctx.input("expected") if ctx.has("expected") else None
    if expected is not None:
        out += _body_findings(ctx, agg, expected)
    return out


def _cell_finding(ctx: Context, cell: CellLayout, s: CellValue, a: AggregateCell) -> Finding | None:
    """GA104, GA103 or GA101 for one cell: blank parts, a blank summary, a wrong sum."""
    where = L10n(cell.label, cell.label_en)
    summary_side = Side(
        part("rollup.summary"), _side_value(s), _fmt(s), _interval_of(s), (cell.json_path,)
    )
    if a.missing:
        if s is None:
            return None
        args: tuple[tuple[str, str | L10n], ...] = (
            ("cell", where),
            ("bodies", "、".join(a.missing)),
            ("summary", _fmt(s)),
        )
        return _finding(ctx, "GA104", cell, args, (summary_side,), None)
    parts_side = Side(part("rollup.parts"), _side_value(a.exact), _fmt(a.exact), a.interval)
    if s is None:
        if a.exact is None:
            return None
        args = (("cell", where), ("parts", _fmt(a.exact)))
        return _finding(ctx, "GA103", cell, args, (summary_side, parts_side), None)
    difference = _mismatch(s, a)
    if difference is None:
        return None
    args = (
        ("cell", where),
        ("summary", _fmt(s)),
        ("parts", _fmt(a.exact)),
        ("difference", _fmt_difference(difference, s)),
    )
    return _finding(ctx, "GA101", cell, args, (summary_side, parts_side), difference)


def _finding(
    ctx: Context,
    code: str,
    cell: CellLayout,
    args: tuple[tuple[str, str | L10n], ...],
    sides: tuple[Side, ...],
    discrepancy: int | Decimal | None,
) -> Finding | None:
    if code not in ctx.runs:
        return None
    return Finding(
        code=code,
        severity=ctx.policy.severity(code),
        path=cell.json_path,
        location=L10n(cell.label, cell.label_en),
        args=args,
        sides=sides,
        discrepancy=discrepancy,
        year=ctx.report.year,
    )


def _body_findings(ctx: Context, agg: Aggregate, expected: Iterable[str]) -> list[Finding]:
    """GA102 per expected body without a part, GA105 per part of a body not expected."""
    wanted = {label_key(b): b for b in expected}
    have = {label_key(a): a for a, _ in agg.parts}
    missing = [("GA102", body) for key, body in wanted.items() if key not in have]
    extra = [("GA105", body) for key, body in have.items() if key not in wanted]
    year = ctx.report.year
    return [
        Finding(
            code=code,
            severity=ctx.policy.severity(code),
            path="$",
            location=part("rollup.part", body=body),
            args=(("body", body), ("year", str(year))),
            year=year,
        )
        for code, body in (*missing, *extra)
        if code in ctx.runs
    ]


def _fmt(value: CellValue) -> str:
    if isinstance(value, Amount):
        return str(value)
    if isinstance(value, Decimal):
        return format(value, "f")
    return "—" if value is None else str(value)


def _interval_of(value: CellValue) -> Interval | None:
    if isinstance(value, Amount):
        low, high = value.interval()
        return Interval.closed(low, high)
    if isinstance(value, int):
        return Interval.point(value)
    if isinstance(value, Decimal):
        half = Decimal(5).scaleb(value.as_tuple().exponent - 1, EXACT)  # type: ignore[operator]
        return Interval.closed(EXACT.subtract(value, half), EXACT.add(value, half))
    return None


def _side_value(value: CellValue) -> int | Decimal | None:
    if isinstance(value, Amount):
        return value.yuan
    return value


def _mismatch(stated: CellValue, agg: AggregateCell) -> int | Decimal | None:
    """The discrepancy of a stated cell against the sum of its parts (None: they agree)."""
    exact = agg.exact
    if isinstance(stated, int) and isinstance(exact, int):
        return None if stated == exact else stated - exact
    mine, theirs = _interval_of(stated), agg.interval
    if mine is None or theirs is None:
        return None
    if mine.meets(theirs):
        return None
    gap = mine.gap(theirs)
    assert mine.low is not None
    assert theirs.low is not None
    return gap if mine.low > theirs.low else -gap


def _fmt_difference(difference: int | Decimal, stated: CellValue) -> str | L10n:
    if isinstance(difference, Decimal):
        return part("rollup.at_least", gap=format(abs(difference), "f"))
    return str(difference)


FAMILY = register(
    Family(
        "roll-up",
        check,
        codes=tuple(r.code for r in _RULES),
        rules=_RULES,
        parts=_PARTS,
        needs={"aggregate"},
    )
)
