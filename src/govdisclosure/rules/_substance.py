"""GD603 and GD604: what the narrative says, where the outline asks for substance.

条例 第五十条(四) asks a report for the main problems of the year's disclosure work and how
they were improved (section 五); a section 五 that says only "无", or one short line, does
not (GD603, a warning). Section 六 is where reports state whether they issued fee notices and
charged a 信息处理费 (《政府信息公开信息处理费管理办法》): one that says nothing of it gets a
notice (GD604) — no text we hold makes the statement mandatory. Table 二's 行政事业性收费 is the
agency's own fee items (第二十条(八)): nothing about 信息处理费 is inferred from it.

>>> import attrs
>>> from govdisclosure import examples
>>> r = attrs.evolve(examples.load("jianghe-2021"), facts=(), relations=())
>>> check(Context(r))
[]
>>> none = tuple(attrs.evolve(s, paragraphs=("无。",)) if s.ordinal in (5, 6) else s
...              for s in r.sections)
>>> [(f.code, f.severity.value) for f in check(Context(attrs.evolve(r, sections=none)))]
[('GD603', 'warning'), ('GD604', 'notice')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

from govdisclosure.layout import layout_of
from govdisclosure.model import Report, Section
from govdisclosure.numerals import from_int
from govdisclosure.rules._catalog import part
from govdisclosure.rules._context import Context, derived
from govdisclosure.rules._findings import Arg, Finding
from govdisclosure.rules._registry import Family
from govdisclosure.rules._sections import heading_ordinals
from govdisclosure.rules._types import L10n

__all__ = ["FAMILY", "MIN_PROBLEMS", "check", "has_text"]

MIN_PROBLEMS = 30
"""The fewest characters (white space and punctuation aside) of a section 五 that reports
problems and improvements: fewer is "one short line" (“无。”, “暂无。”, “工作人员不足。”)."""

_PUNCTUATION = re.compile(r"[\s\u3000,，。\uff0e.;；:：、!！?？\"“”'‘’()（）《》〈〉【】\-—…·]")
_FEES = re.compile(r"信息处理费|收费|收取费用|缴费|费用")


def _texts(s: Section) -> Iterator[str]:
    yield from s.paragraphs
    for sub in s.subsections:
        yield from _texts(sub)


def has_text(report: Report) -> bool:
    """Whether the report has any text: a preamble or a paragraph in any section. One that
    has none (tables alone, or :meth:`Report.empty <govdisclosure.model.Report.empty>`'s
    headings) is a record built in code, not a published report: no rule of its narrative
    runs on it."""
    return bool(report.preamble) or any(any(_texts(s)) for s in report.sections)


def _section(report: Report, ordinal: int) -> tuple[int, Section] | None:
    """The section of the outline's ``ordinal`` (by its heading, else its ordinal)."""
    for i, o in enumerate(derived(report, heading_ordinals)):
        if o == ordinal:
            return i, report.sections[i]
    for i, s in enumerate(report.sections):
        if s.ordinal == ordinal:
            return i, s
    return None


def _where(report: Report, i: int, s: Section) -> tuple[str, L10n]:
    expected = next(x for x in layout_of(report.edition).sections if x.ordinal == s.ordinal)
    return f"$.sections[{i}]", part(
        "substance.section",
        n=L10n(from_int(expected.ordinal), str(expected.ordinal)),
        title=s.title,
        title_en=expected.en,
    )


@attrs.frozen(slots=True)
class _Sections:
    """What GD603 and GD604 read of a report's narrative, derived once per report."""

    text: bool
    """Whether the report has any text (:func:`has_text`)."""
    five: tuple[int, Section, int] | None
    """Section 五 (index, section) and how many characters it says, punctuation aside."""
    six: tuple[int, Section, bool] | None
    """Section 六 (index, section) and whether it speaks of fees."""


def _sections(report: Report) -> _Sections:
    if not report.edition.has_tables or not has_text(report):
        return _Sections(False, None, None)
    five = _section(report, 5)
    six = _section(report, 6)
    return _Sections(
        True,
        None if five is None else (*five, len(_PUNCTUATION.sub("", "".join(_texts(five[1]))))),
        None if six is None else (*six, any(_FEES.search(t) for t in _texts(six[1]))),
    )


def check(ctx: Context) -> list[Finding]:
    """GD603 (section 五 without substance) and GD604 (section 六 silent on 信息处理费)."""
    report, policy, runs = ctx.report, ctx.policy, ctx.runs
    said = ctx.derived(_sections)
    if not said.text:
        return []
    out: list[Finding] = []

    def found(code: str, i: int, s: Section, *args: Arg) -> None:
        """A finding of ``code`` on section ``s`` (the ``i``-th), named in its ``section``."""
        path, where = _where(report, i, s)
        out.append(
            Finding(
                code=code,
                severity=policy.severity(code),
                path=path,
                location=where,
                args=(("section", where), *args),
                year=report.year,
            )
        )

    if "GD603" in runs and said.five is not None:
        i, s, n = said.five
        if n < MIN_PROBLEMS:
            quote = "".join(_texts(s)).strip() or part("substance.nothing")
            found("GD603", i, s, ("quote", quote), ("n", str(n)))
    if "GD604" in runs and said.six is not None:
        i, s, fees = said.six
        if not fees:
            found("GD604", i, s)
    return out


FAMILY = Family("narrative substance", check, codes=("GD603", "GD604"))
