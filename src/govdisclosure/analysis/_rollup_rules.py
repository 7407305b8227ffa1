"""The roll-up rules (GA1xx): declared as data, the way :mod:`govdisclosure.rules._catalog`
declares GD rules, and the :class:`RollupFinding` that carries them.

A :class:`~govdisclosure.rules.Finding` looks its code up in the GD catalogue to render its
message, so a GA finding is a :class:`RollupFinding` — a ``Finding`` subclass that looks its
code up here (until the rules package lets another family register its catalogue).

>>> [r.code for r in rollup_catalog()]
['GA101', 'GA102', 'GA103', 'GA104', 'GA105']
>>> rollup_rule("GA101").severity
<Severity.ERROR: 'error'>
"""

from __future__ import annotations

import attrs

from govdisclosure.layout import Edition
from govdisclosure.rules import Finding, Rule, Severity

__all__ = ["RollupFinding", "rollup_catalog", "rollup_rule"]

_ALL = frozenset(Edition)
_TABLES = frozenset({Edition.TRIAL_2019, Edition.STANDARD_2021})

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


@attrs.frozen(slots=True)
class RollupFinding(Finding):
    """A :class:`~govdisclosure.rules.Finding` of :func:`~govdisclosure.analysis.check_rollup`,
    whose code is a GA rule."""

    @property
    def rule(self) -> Rule:
        """The roll-up :class:`~govdisclosure.rules.Rule` this finding comes from."""
        return rollup_rule(self.code)
