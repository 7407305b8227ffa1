"""GD601: the sections of a report against the outline of its edition.

Headings are matched through the layout's label matcher (:mod:`govdisclosure.layout.match`).

>>> section_ordinal(Edition.STANDARD_2021, "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况")
4
>>> section_ordinal(Edition.LEGACY_2008, "一、总体工作情况")
1
"""

from __future__ import annotations

import functools
import re

from govdisclosure.layout import SectionLayout, layout_of
from govdisclosure.layout.legacy_2008 import LEGACY_ITEMS
from govdisclosure.layout.match import heading_key, matcher
from govdisclosure.model import Edition, Report, walk_sections
from govdisclosure.numerals import from_int
from govdisclosure.rules._findings import Finding
from govdisclosure.rules._policy import Policy
from govdisclosure.rules._types import L10n, Severity

__all__ = ["check_sections", "section_ordinal"]


def section_ordinal(edition: Edition, title: str) -> int | None:
    """The ordinal of the layout section whose title or alias ``title`` matches, if any."""
    section = matcher(edition).section(title)
    return None if section is None else section.ordinal


_REQUIRED = {
    Edition.STANDARD_2021: (1, 2, 3, 4, 5, 6),
    Edition.TRIAL_2019: (1, 2, 3, 4, 5, 6),
}
_ITEMS = tuple((zh, en, re.compile(words)) for zh, en, words in LEGACY_ITEMS)


def _severity(report: Report, policy: Policy) -> Severity:
    """The rule's severity; for a legacy report (no national outline) a notice, unless the
    policy sets one."""
    if report.edition is Edition.LEGACY_2008 and "GD601" not in dict(policy.severities):
        return Severity.NOTICE
    return policy.severity("GD601")


def _section_finding(
    report: Report, path: str, where: L10n, problem: L10n, policy: Policy
) -> Finding:
    return Finding(
        code="GD601",
        severity=_severity(report, policy),
        path=path,
        location=where,
        args=(("problem", problem),),
        year=report.year,
    )


@functools.cache
def _layout_sections(edition: Edition) -> dict[int, SectionLayout]:
    return {s.ordinal: s for s in layout_of(edition).sections}


def check_sections(report: Report, policy: Policy) -> list[Finding]:
    """GD601: required sections missing, out of order, or with unknown headings."""
    edition = report.edition
    if not report.sections:
        return [
            _section_finding(
                report,
                "$.sections",
                L10n("章节", "sections"),
                L10n("报告没有任何章节", "the report has no sections"),
                policy,
            )
        ]
    if edition is Edition.LEGACY_2008:
        return _legacy(report, policy)
    matched = [section_ordinal(edition, s.title) for s in report.sections]
    required = _REQUIRED[edition]
    highest = 0
    for o in matched:
        if o is None or o <= highest:
            break
        highest = o
    else:
        if all(o in matched for o in required):
            return []  # the common case: every heading known, in order, none missing
    layout = _layout_sections(edition)
    missing = [o for o in required if o not in matched]
    out = []
    highest = 0
    for i, (s, o) in enumerate(zip(report.sections, matched, strict=True)):
        where = L10n(f"第{i + 1}个章节“{s.title}”", f"section {i + 1} “{s.title}”")
        if o is None:
            if s.ordinal in missing:
                expected = layout[s.ordinal]
                missing.remove(s.ordinal)
                problem = L10n(
                    f"标题“{s.title}”与规定的“{from_int(s.ordinal)}、{expected.title}”"
                    "及其常见变体均不符",
                    f"the heading “{s.title}” matches neither “{from_int(s.ordinal)}、"
                    f"{expected.title}” ({expected.en}) nor a known variant",
                )
                out.append(
                    _section_finding(report, f"$.sections[{i}].title", where, problem, policy)
                )
            else:
                problem = L10n(
                    f"标题“{s.title}”不是本格式的任何一部分",
                    f"the heading “{s.title}” matches no section of the {edition.value} format",
                )
                out.append(
                    _section_finding(report, f"$.sections[{i}].title", where, problem, policy)
                )
            continue
        if o <= highest:
            later = layout[highest]
            problem = L10n(
                f"“{s.title}”（第{from_int(o)}部分）排在了“{later.title}”"
                f"（第{from_int(highest)}部分）之后",
                f"“{s.title}” (part {o}) comes after “{later.title}” (part {highest})",
            )
            out.append(_section_finding(report, f"$.sections[{i}]", where, problem, policy))
        highest = max(highest, o)
    for o in missing:
        expected = layout[o]
        out.append(
            _section_finding(
                report,
                "$.sections",
                L10n("章节", "sections"),
                L10n(
                    f"缺少第{from_int(o)}部分“{expected.title}”",
                    f"part {o} “{expected.title}” ({expected.en}) is missing",
                ),
                policy,
            )
        )
    return out


def _legacy(report: Report, policy: Policy) -> list[Finding]:
    """Legacy reports follow no national outline: each item of 2008 条例 第三十二条 must be
    covered by some heading (at any level), in any order, under any numbering."""
    keys = [heading_key(s.title) for _, s in walk_sections(report.sections)]
    out = []
    for zh, en, words in _ITEMS:
        if any(words.search(k) for k in keys):
            continue
        out.append(
            _section_finding(
                report,
                "$.sections",
                L10n("章节", "sections"),
                L10n(
                    f"没有标题涉及条例（2008年）第三十二条{zh}",
                    f"no heading covers item {en} of art. 32 of the 2008 regulation",
                ),
                policy,
            )
        )
    return out
