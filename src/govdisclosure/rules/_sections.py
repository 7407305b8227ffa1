"""GD601: the sections of a report against the outline of its edition.

Headings are matched through the layout's label matcher (:mod:`govdisclosure.layout.match`).

>>> section_ordinal(Edition.STANDARD_2021, "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况")
4
>>> section_ordinal(Edition.for_year(2015), "一、总体工作情况")
1
"""

from __future__ import annotations

import functools
import re

from govdisclosure.layout import SectionLayout, layout_of
from govdisclosure.layout.legacy_2008 import LEGACY_ITEMS
from govdisclosure.layout.match import heading_key, matcher
from govdisclosure.model import Edition, Report, Section, walk_sections
from govdisclosure.numerals import from_int
from govdisclosure.rules._catalog import OUTLINED, part
from govdisclosure.rules._context import Context
from govdisclosure.rules._findings import Finding
from govdisclosure.rules._policy import Policy
from govdisclosure.rules._registry import Family
from govdisclosure.rules._types import L10n

__all__ = ["FAMILY", "check", "heading_ordinals", "section_ordinal"]


def section_ordinal(edition: Edition, title: str) -> int | None:
    """The ordinal of the layout section whose title or alias ``title`` matches, if any."""
    section = matcher(edition).section(title)
    return None if section is None else section.ordinal


def heading_ordinals(report: Report) -> tuple[int | None, ...]:
    """The outline ordinal each top-level heading of ``report`` matches (``None``: none),
    derived once per report (:func:`~govdisclosure.rules._context.derived`) and shared by
    the families that look for a section by its heading.

    >>> from govdisclosure import examples
    >>> heading_ordinals(examples.load("jianghe-2021"))
    (1, 2, 3, 4, 5, 6)
    """
    edition = report.edition
    return tuple(section_ordinal(edition, s.title) for s in report.sections)


_ITEMS = tuple((L10n(zh, en), re.compile(words)) for zh, en, words in LEGACY_ITEMS)


def _section_finding(
    report: Report, path: str, where: L10n, problem: L10n, policy: Policy
) -> Finding:
    return Finding(
        code="GD601",
        severity=policy.severity("GD601", report.edition),
        path=path,
        location=where,
        args=(("problem", problem),),
        year=report.year,
    )


@functools.cache
def _layout_sections(edition: Edition) -> dict[int, SectionLayout]:
    return {s.ordinal: s for s in layout_of(edition).sections}


def _in_order(matched: tuple[int | None, ...], required: tuple[int, ...]) -> bool:
    """The common case: every heading known, in order, none missing."""
    highest = 0
    for o in matched:
        if o is None or o <= highest:
            return False
        highest = o
    return all(o in matched for o in required)


def check(ctx: Context) -> list[Finding]:
    """GD601: required sections missing, out of order, or with unknown headings."""
    report, policy = ctx.report, ctx.policy
    edition = report.edition
    if not report.sections:
        none = part("sections.none")
        return [_section_finding(report, "$.sections", part("sections"), none, policy)]
    if edition not in OUTLINED:
        return _legacy(report, policy)
    matched = ctx.derived(heading_ordinals)
    required = tuple(_layout_sections(edition))
    if _in_order(matched, required):
        return []
    layout = _layout_sections(edition)
    missing = [o for o in required if o not in matched]
    out = []
    highest = 0
    for i, (s, o) in enumerate(zip(report.sections, matched, strict=True)):
        problem, path = _problem(edition, s, o, highest, missing), f"$.sections[{i}]"
        if problem is not None:
            where = part("section.where", n=i + 1, title=s.title)
            path += ".title" if o is None else ""
            out.append(_section_finding(report, path, where, problem, policy))
        highest = max(highest, o or 0)
    for o in missing:
        expected = layout[o]
        problem = part(
            "section.missing",
            part=L10n(from_int(o), str(o)),
            title=expected.title,
            title_en=expected.en,
        )
        out.append(_section_finding(report, "$.sections", part("sections"), problem, policy))
    return out


def _problem(
    edition: Edition, s: Section, o: int | None, highest: int, missing: list[int]
) -> L10n | None:
    """What is wrong with section ``s`` (matched to part ``o``), if anything; a missing part
    whose place it takes with an unknown heading is no longer missing."""
    layout = _layout_sections(edition)
    if o is None and s.ordinal in missing:
        expected = layout[s.ordinal]
        missing.remove(s.ordinal)
        return part(
            "section.unknown",
            title=s.title,
            ordinal=from_int(s.ordinal),
            expected=expected.title,
            expected_en=expected.en,
        )
    if o is None:
        return part("section.foreign", title=s.title, edition=edition.value)
    if o <= highest:
        later = layout[highest]
        return part(
            "section.order",
            title=s.title,
            part=L10n(from_int(o), str(o)),
            later=later.title,
            later_part=L10n(from_int(highest), str(highest)),
        )
    return None


def _legacy(report: Report, policy: Policy) -> list[Finding]:
    """Legacy reports follow no national outline: each item of 2008 条例 第三十二条 must be
    covered by some heading (at any level), in any order, under any numbering."""
    keys = [heading_key(s.title) for _, s in walk_sections(report.sections)]
    out = []
    for item, words in _ITEMS:
        if any(words.search(k) for k in keys):
            continue
        problem = part("section.legacy_item", item=item)
        out.append(_section_finding(report, "$.sections", part("sections"), problem, policy))
    return out


FAMILY = Family("sections", check, codes=("GD601",))
