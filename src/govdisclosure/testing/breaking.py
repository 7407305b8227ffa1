"""Generators of reports that break exactly one rule, once, at a drawn location.

:func:`reports_breaking` draws a valid report from
:func:`govdisclosure.testing.strategies.reports`, changes figures so that exactly one finding of
the rule ``code`` results, and returns the report with the :class:`Expected` finding (code
and JSON path). Cross-field rules are broken by construction, never by ``.filter()``.

>>> from hypothesis import given
>>> from govdisclosure.rules import check
>>> @given(reports_breaking("GD103"))
... def test_gd103(case):
...     report, expected = case
...     findings = check(report, previous=expected.previous)
...     assert [(f.code, f.path) for f in findings] == [(expected.code, expected.path)]
>>> test_gd103()

The same changes are available as a plain function over any report of the generated shape,
driven by a seeded random source (for documentation and reproducible examples):

>>> from govdisclosure import examples
>>> report, expected = break_report("GD104", examples.load("jianghe-2021"), seed=1)
>>> expected.code, expected.path
('GD104', '$.reviews.review.total')
>>> [(f.code, f.path) for f in check(report)]   # its prose states that total too
[('GD104', '$.reviews.review.total'), ('GD401', '$.sections[3].paragraphs[0]')]
"""

from __future__ import annotations

import datetime as _dt
import functools
import random
import re
from collections.abc import Collection
from decimal import Decimal
from typing import Any

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from govdisclosure.document import Coverage
from govdisclosure.layout import MAX_COUNT, MAX_YEAR, layout_of
from govdisclosure.model import (
    AgencyKind,
    ApplicantCounts,
    Edition,
    Fact,
    Relation,
    Report,
    Section,
)
from govdisclosure.numerals import Quantity
from govdisclosure.rules._catalog import rule
from govdisclosure.rules._claims import paragraphs
from govdisclosure.rules._equations import compiled
from govdisclosure.rules._policy import DEFAULT
from govdisclosure.rules._sections import section_ordinal
from govdisclosure.testing._edits import (
    _IN_FORCE,
    _NARRATIVE,
    _NEW_SENTENCE,
    _UNPAID,
    _YEARS,
    CannotBreak,
    Chooser,
    _add,
    _delta,
    _Drawn,
    _get,
    _has,
    _replace_fact,
    _replace_first,
    _Seeded,
    _set,
    _unpaid,
    align,
    sync_prose,
    with_year,
)
from govdisclosure.testing._reports import _reports
from govdisclosure.testing.strategies import Expected

__all__ = ["CannotBreak", "Expected", "align", "break_report", "reports_breaking", "with_year"]

#: The editions each generator can break, where fewer than the rule applies to.
_EDITIONS: dict[str, frozenset[Edition]] = {"GD201": _NARRATIVE, "GD202": _NARRATIVE}


# --------------------------------------------------------------------------- breakers


def _equations(report: Report, code: str) -> list[Any]:
    # Row (六)2 is left alone: a 总计 above 0 there states unpaid-fee withdrawals, which
    # would also need a 收费通知 in section 六 (GD402).
    return [
        (t, e)
        for t in compiled(report.edition).tables
        for e in t.equations
        if e.code == code and not e.implied_by and e.key != _UNPAID
    ]


def _break_sum(report: Report, code: str, c: Chooser) -> tuple[Report, Expected]:
    if report.requests is None or report.reviews is None:
        raise CannotBreak("the report has no tables")
    table, eq = c.choice(_equations(report, code))
    attr = table.attribute
    if code == "GD102":  # a row's stated total
        path = f"{attr}.{eq.key}.total"
        report = _add(report, path, _delta(c, _get(report, path)))
    elif code == "GD104":  # any cell of a group
        column = c.choice(("upheld", "corrected", "other", "pending", "total"))
        path = f"{attr}.{eq.key}.{column}"
        report = _add(report, path, _delta(c, _get(report, path)))
    else:  # a column: change a cell and its row total together, so the row sum holds
        if code == "GD101":
            rows = ["carried_over", "carried_forward"]
        else:
            rows = [
                k
                for k in (cell.key.rsplit(".", 1)[0] for cell in table.cells)
                # (六)2 is left alone: raising it would also need a 收费通知 in section 六 (GD402)
                if k not in ("new", "carried_over", "total", "carried_forward", _UNPAID)
            ]
            rows = list(dict.fromkeys(rows))
        row = c.choice(rows)
        path = f"{attr}.{row}.{eq.key}"
        d = _delta(c, min(_get(report, path), _get(report, f"{attr}.{row}.total")))
        report = _add(_add(report, path, d), f"{attr}.{row}.total", d)
    return sync_prose(report), Expected(code, eq.anchor_path)


def _break_blank(report: Report, c: Chooser) -> tuple[Report, Expected]:
    cells = [
        (t.attribute, cell)
        for t in compiled(report.edition).tables
        if getattr(report, t.attribute) is not None
        for cell in t.cells
        if cell.get(report) is not None
    ]
    if not cells:
        raise CannotBreak("the report has no filled table cell")
    attribute, cell = c.choice(cells)
    return _set(report, f"{attribute}.{cell.key}", None), Expected("GD105", cell.json_path)


def _break_printed(report: Report, c: Chooser) -> tuple[Report, Expected]:
    """GD107: a source cut inside a table — the rows from a drawn one on were never printed
    (the report leaves them blank, as a reader does)."""
    tables = [t for t in compiled(report.edition).tables if getattr(report, t.attribute)]
    if not tables:
        raise CannotBreak("the report has no tables")
    table = c.choice(tables)
    rows = list(dict.fromkeys(cell.row_labels for cell in table.cells))
    cut = rows.index(c.choice(rows[1:]))
    gone = [cell for cell in table.cells if rows.index(cell.row_labels) >= cut]
    for cell in gone:
        report = _set(report, f"{table.attribute}.{cell.key}", None)
    printed: frozenset[str] = frozenset(
        str(cell.json_path)
        for t in compiled(report.edition).tables
        for cell in t.cells
        if cell not in gone
    )
    numbers: frozenset[str] = frozenset(t.number for t in compiled(report.edition).tables)
    coverage = Coverage(printed, numbers, cut=True)
    return report, Expected("GD107", gone[0].json_path, coverage=coverage)


def _relation(report: Report, money: bool) -> tuple[int, Relation]:
    for i, rel in enumerate(report.relations):
        if report.fact(rel.result).quantity.is_money is money:
            return i, rel
    raise CannotBreak(f"the report states no {'money' if money else 'count'} relation")


def _break_money(report: Report, c: Chooser) -> tuple[Report, Expected]:
    i, rel = _relation(report, money=True)
    key = c.choice([rel.result, *rel.add, *rel.subtract])
    fact: Fact = report.fact(key)
    q = fact.quantity
    if q.qualifier is not None or q.value != q.value.to_integral_value():
        raise CannotBreak("the generated money facts are whole 元")
    value = int(q.value)
    # printed with 0 decimals, each figure stands for ±0.5: a change of 1 may still be
    # consistent (three figures: ±1.5), a change of 2 or more never is
    d = _delta(c, value, low=2, high=1000)
    new = Quantity(Decimal(value + d), q.unit)
    return _replace_fact(report, key, new), Expected("GD201", f"$.relations[{i}]")


def _break_counts(report: Report, c: Chooser) -> tuple[Report, Expected]:
    i, rel = _relation(report, money=False)
    if not rel.add or rel.subtract:
        raise CannotBreak("the generated count relations are breakdowns")
    total = report.fact(rel.result).quantity
    parts = [report.fact(k).quantity for k in rel.add]
    if any(p.qualifier is not None for p in parts):
        raise CannotBreak("the generated parts are exact")
    _, high, _, high_closed = total.bounds()
    if high is None:
        raise CannotBreak("the total has no upper bound")
    key = c.choice(rel.add)
    part = report.fact(key).quantity
    current = sum(int(p.exact) for p in parts)
    need = int(high) - current + (1 if high_closed else 0)
    new = Quantity(Decimal(int(part.value) + need + c.integers(0, 20)), part.unit)
    return _replace_fact(report, key, new), Expected("GD202", f"$.relations[{i}]")


def _break_carried(report: Report, previous: Report, c: Chooser) -> tuple[Report, Expected]:
    report = align(report, previous)
    if report.requests is None:
        raise CannotBreak("the report has no table 三")
    column = c.choice(ApplicantCounts.COLUMNS[:6])
    k = c.integers(1, 5)
    for row in ("carried_over", "carried_forward"):
        report = _add(report, f"requests.{row}.{column}", k)
        report = _add(report, f"requests.{row}.total", k)
    return report, Expected("GD301", f"$.requests.carried_over.{column}", previous)


def _break_in_force(report: Report, previous: Report, c: Chooser) -> tuple[Report, Expected]:
    report = align(report, previous)
    if report.active is None or not all(_has(report.edition, "active", k) for k in _IN_FORCE):
        raise CannotBreak("the report's table 二 has no 现行有效件数")
    path = f"active.{c.choice(_IN_FORCE)}"
    report = _add(report, path, _delta(c, _get(report, path)))
    return report, Expected("GD302", f"$.{path}", previous)


def _break_claim(report: Report, c: Chooser) -> tuple[Report, Expected]:
    if report.requests is None or report.requests.new.total is None:
        raise CannotBreak("the report has no count of applications received")
    new = report.requests.new.total
    admitted = {new, new + (report.requests.carried_over.total or 0)}
    stated = new
    while stated in admitted:
        stated = new + _delta(c, new, 1, 50)
    sections, path = _replace_first(report.sections, _NEW_SENTENCE, rf"\g<1>{stated}\g<3>")
    if path is None:
        raise CannotBreak("the report states no count of applications received")
    for _, ords, j, text in paragraphs(report):
        m = _NEW_SENTENCE.search(text)
        if m is None:
            continue
        for fact in report.facts:  # the figure is also a located fact: change it there
            loc = fact.location
            if (loc.section, loc.paragraph, loc.start, loc.end) == (ords, j, m.start(2), m.end(3)):
                report = _replace_fact(report, fact.key, Quantity(Decimal(stated), m.group(3)))
                return report, Expected("GD401", path)
        break
    return attrs.evolve(report, sections=sections), Expected("GD401", path)


_NO_NOTICE = "本年度未发出收费通知,未收取信息处理费。"


def _break_fee_notice(report: Report, c: Chooser) -> tuple[Report, Expected]:
    requests = report.requests
    if requests is None or not _has(report.edition, "requests", _UNPAID):
        raise CannotBreak("GD402 needs a table 三 with the unpaid-fee row")
    if not _unpaid(report):
        k = c.integers(1, 3)
        sources = [
            (row, column)
            for row in (
                "granted",
                "partly_granted",
                *(f"withheld.{r}" for r in ("state_secret", "third_party")),
                "unable.not_held",
                "other.no_correction",
                "other.other",
            )
            for column in ApplicantCounts.COLUMNS[:6]
            if _get(requests, f"{row}.{column}") >= k
        ]
        if sources:  # move k applications of one column into (六)2: every sum still holds
            row, column = c.choice(sources)
            for path, d in ((row, -k), (_UNPAID, k)):
                report = _add(report, f"requests.{path}.{column}", d)
                report = _add(report, f"requests.{path}.total", d)
        else:  # nothing to move: k more applications, all dropped for an unpaid fee
            column = c.choice(ApplicantCounts.COLUMNS[:6])
            for row in ("new", _UNPAID, "total"):
                report = _add(report, f"requests.{row}.{column}", k)
                report = _add(report, f"requests.{row}.total", k)
            report = sync_prose(report)

    def no_notice(p: str) -> str:
        return _NO_NOTICE if "收费通知" in p else p

    six = [
        i for i, s in enumerate(report.sections) if section_ordinal(report.edition, s.title) == 6
    ]
    sections = tuple(
        attrs.evolve(s, paragraphs=tuple(no_notice(p) for p in s.paragraphs)) if i in six else s
        for i, s in enumerate(report.sections)
    )
    return attrs.evolve(report, sections=sections), Expected("GD402", f"$.requests.{_UNPAID}.total")


def _break_edition(report: Report, c: Chooser) -> tuple[Report, Expected]:
    year = c.choice(tuple(y for y in _YEARS if Edition.for_year(y) is not report.edition))
    report = with_year(report, year)
    day = c.integers(1, 28)
    signed = _dt.date(year + 1, 1, day)
    if report.signature is not None:
        report = attrs.evolve(report, signature=attrs.evolve(report.signature, date=signed))
    if report.metadata is not None and report.metadata.published is not None:
        report = attrs.evolve(report, metadata=attrs.evolve(report.metadata, published=signed))
    return report, Expected("GD501", "$.edition")


def _break_period(report: Report, c: Chooser) -> tuple[Report, Expected]:
    if report.period is None:
        raise CannotBreak("the report states no period")
    p = report.period
    how = c.choice(("start", "end", "year"))
    if how == "start":
        p = attrs.evolve(p, start=p.start + _dt.timedelta(days=c.integers(1, 60)))
    elif how == "end":
        p = attrs.evolve(p, end=p.end - _dt.timedelta(days=c.integers(1, 60)))
    else:
        if report.year is None:
            raise CannotBreak("the report states no year")
        p = type(p).calendar_year(report.year - c.integers(1, 2))
    return attrs.evolve(report, period=p), Expected("GD502", "$.period")


def _break_deadline(report: Report, c: Chooser) -> tuple[Report, Expected]:
    if report.signature is None:
        raise CannotBreak("the report has no signature")
    if report.year is None:
        raise CannotBreak("the report states no year")
    late = DEFAULT.deadline(report.year, report.kind()) + _dt.timedelta(days=c.integers(1, 300))
    signature = attrs.evolve(report.signature, date=late)
    return attrs.evolve(report, signature=signature), Expected("GD503", "$.signature.date")


_UNKNOWN_HEADINGS = ("工作亮点", "附件", "典型案例", "下一步工作计划", "相关链接")

_ARTICLE_50_4 = re.compile(r"考核|评议|责任追究")
_UNSAID = {"考核": "评估", "评议": "评价", "责任追究": "问责处理"}


def _break_undated(report: Report, c: Chooser) -> tuple[Report, Expected]:
    """GD504: no signing date and no statistical period (the page's date, if any, stays)."""
    del c
    signature = report.signature
    if signature is not None:
        signature = attrs.evolve(signature, date=None)
    return attrs.evolve(report, signature=signature, period=None), Expected(
        "GD504", "$.signature.date"
    )


def _texts(s: Section) -> list[str]:
    return [s.title, *s.paragraphs, *(t for sub in s.subsections for t in _texts(sub))]


def _keeps_article_50(report: Report, sections: list[Section], i: int, title: bool) -> bool:
    """Whether the report still names 第五十条第四项 (GD602) once section ``i`` is dropped
    (or, with ``title``, only its heading replaced): breaking GD601 must not break GD602."""
    if not any(_ARTICLE_50_4.search(t) for s in sections for t in _texts(s)):
        return True  # nothing to keep
    rest = [t for j, s in enumerate(sections) if j != i for t in _texts(s)]
    if title:
        rest += [*sections[i].paragraphs, *(t for u in sections[i].subsections for t in _texts(u))]
    return any(_ARTICLE_50_4.search(t) for t in (*report.preamble, *rest))


def _break_sections(report: Report, c: Chooser) -> tuple[Report, Expected]:
    sections = list(report.sections)
    edition = report.edition
    matched = [section_ordinal(edition, s.title) for s in sections]
    if len(sections) < 2 or None in matched or len(set(matched)) != len(matched):
        raise CannotBreak("GD601 needs a report whose headings all match, once each")
    legacy = edition in _NARRATIVE  # the 2008 条例 prescribes items, not an outline
    with_facts = {f.location.section[:1] for f in report.facts}
    unpaid = bool(_unpaid(report))
    required = {2, 3, 4, 5, 6} if legacy else {1, 2, 3, 4, 5, 6}
    droppable = [
        i
        for i, s in enumerate(sections)
        if matched[i] in required
        and (s.ordinal,) not in with_facts
        and not (matched[i] == 6 and unpaid)
        and _keeps_article_50(report, sections, i, title=False)
    ]
    renamable = [
        i
        for i, s in enumerate(sections)
        if matched[i] in required
        and s.ordinal == matched[i]
        and _keeps_article_50(report, sections, i, title=True)
    ]
    if legacy:  # no national outline: only an item of 第三十二条 no heading covers is found
        how = c.choice(("rename", "drop") if droppable else ("rename",))
    else:
        how = c.choice(("rename", "swap", "drop") if droppable else ("rename", "swap"))
    if legacy and how == "rename":
        i = c.choice(renamable)
        sections[i] = attrs.evolve(sections[i], title=c.choice(_UNKNOWN_HEADINGS))
        expected = "$.sections"
    elif how == "rename" and renamable:
        i = c.choice(renamable)
        sections[i] = attrs.evolve(sections[i], title=c.choice(_UNKNOWN_HEADINGS))
        expected = f"$.sections[{i}].title"
    elif how == "drop":
        i = c.choice(droppable)
        del sections[i]
        expected = "$.sections"
    else:
        i = c.integers(0, len(sections) - 2)
        sections[i], sections[i + 1] = sections[i + 1], sections[i]
        expected = f"$.sections[{i + 1}]"
    return attrs.evolve(report, sections=tuple(sections)), Expected("GD601", expected)


def _break_regulations(report: Report, c: Chooser) -> tuple[Report, Expected]:
    """GD106: 规章 made by a body that cannot make them (a department, if the kind allows)."""
    if report.active is None:
        raise CannotBreak("the report has no table 二")
    if report.kind().makes_regulations is not False:
        report = attrs.evolve(report, agency_kind=AgencyKind.DEPARTMENT)
    # the first column of 规章: 本年制发件数 (2021), 本年新制作数量 (2019)
    cell = next(
        cell
        for cell in layout_of(report.edition).table("active").cells
        if cell.key.startswith("regulations.")
    )
    report = _set(report, f"active.{cell.key}", c.integers(1, 30))
    return report, Expected("GD106", cell.json_path)


def _break_article_50(report: Report, c: Chooser) -> tuple[Report, Expected]:
    """GD602: a 人民政府's report that says nothing of 工作考核、社会评议和责任追究."""
    kind = c.choice(
        (
            AgencyKind.PROVINCIAL_GOVERNMENT,
            AgencyKind.CITY_GOVERNMENT,
            AgencyKind.LOCAL_GOVERNMENT,
        )
    )

    def strip(s: Section) -> Section:
        # words of the same length: the located facts keep their spans
        title = _ARTICLE_50_4.sub(lambda m: _UNSAID[m.group()], s.title)
        kept = tuple(_ARTICLE_50_4.sub(lambda m: _UNSAID[m.group()], p) for p in s.paragraphs)
        subsections = tuple(map(strip, s.subsections))
        return attrs.evolve(s, title=title, paragraphs=kept, subsections=subsections)

    if any(_ARTICLE_50_4.search(p) for p in report.preamble):
        raise CannotBreak("the preamble names 第五十条第四项")
    sections = tuple(map(strip, report.sections))
    report = attrs.evolve(report, agency_kind=kind, sections=sections)
    return report, Expected("GD602", "$.sections")


def _numbered(report: Report, ordinal: int) -> int:
    """The index of the report's section ``ordinal``."""
    for i, s in enumerate(report.sections):
        if s.ordinal == ordinal:
            return i
    raise CannotBreak(f"the report has no section {ordinal}")


def _without_facts_in(report: Report, ordinals: tuple[int, ...]) -> Report:
    """The report without the facts located in the sections ``ordinals`` (whose paragraphs a
    change rewrites) and the relations between them."""
    facts = tuple(f for f in report.facts if f.location.section[:1] not in {(o,) for o in ordinals})
    keys = {f.key for f in facts}
    relations = tuple(r for r in report.relations if {r.result, *r.add, *r.subtract} <= keys)
    return attrs.evolve(report, facts=facts, relations=relations)


def _break_problems(report: Report, c: Chooser) -> tuple[Report, Expected]:
    """GD603: a section 五 that says only "无" (what it says of 第五十条第四项 moves to 六)."""
    five, six = _numbered(report, 5), _numbered(report, 6)
    report = _without_facts_in(report, (5, 6))
    sections = list(report.sections)
    kept = tuple(t for t in _texts(sections[five]) if _ARTICLE_50_4.search(t))
    said = c.choice(("无。", "暂无。", "无", "本年度无。"))
    sections[five] = attrs.evolve(sections[five], paragraphs=(said,), subsections=())
    sections[six] = attrs.evolve(sections[six], paragraphs=(*sections[six].paragraphs, *kept))
    report = attrs.evolve(report, sections=tuple(sections))
    return report, Expected("GD603", f"$.sections[{five}]")


_FEE_WORDS = re.compile(r"信息处理费|收费|收取费用|缴费|费用")


def _break_fee_statement(report: Report, c: Chooser) -> tuple[Report, Expected]:
    """GD604: a section 六 silent on 信息处理费 (applications dropped for an unpaid fee, which
    GD402 would want a 收费通知 for, are counted under (六)3 other instead)."""
    del c
    six = _numbered(report, 6)
    report = _without_facts_in(report, (6,))
    if _unpaid(report):
        other = _get(report.requests, "other")
        moved = {
            col: (getattr(other.other, col) or 0) + (getattr(other.unpaid_fee, col) or 0)
            for col in ApplicantCounts.COLUMNS
        }
        zeros = dict.fromkeys(ApplicantCounts.COLUMNS, 0)
        report = _set(report, "requests.other.other", attrs.evolve(other.other, **moved))
        report = _set(report, "requests.other.unpaid_fee", attrs.evolve(other.unpaid_fee, **zeros))
    sections = list(report.sections)

    def silent(s: Section) -> Section:
        kept = tuple(p for p in s.paragraphs if not _FEE_WORDS.search(p))
        return attrs.evolve(s, paragraphs=kept, subsections=tuple(map(silent, s.subsections)))

    sections[six] = silent(sections[six])
    report = attrs.evolve(report, sections=tuple(sections))
    return report, Expected("GD604", f"$.sections[{six}]")


def _break(
    code: str, report: Report, previous: Report | None, c: Chooser
) -> tuple[Report, Expected]:
    if code in ("GD101", "GD102", "GD103", "GD104"):
        return _break_sum(report, code, c)
    if code in ("GD301", "GD302"):
        if previous is None:
            raise CannotBreak(f"{code} needs last year's report")
        if code == "GD301":
            return _break_carried(report, previous, c)
        return _break_in_force(report, previous, c)
    simple = {
        "GD105": _break_blank,
        "GD106": _break_regulations,
        "GD107": _break_printed,
        "GD201": _break_money,
        "GD202": _break_counts,
        "GD401": _break_claim,
        "GD402": _break_fee_notice,
        "GD501": _break_edition,
        "GD502": _break_period,
        "GD503": _break_deadline,
        "GD504": _break_undated,
        "GD601": _break_sections,
        "GD602": _break_article_50,
        "GD603": _break_problems,
        "GD604": _break_fee_statement,
    }
    return simple[code](report, c)


def break_report(
    code: str, report: Report, *, previous: Report | None = None, seed: int = 0
) -> tuple[Report, Expected]:
    """``report`` changed to break rule ``code`` once, with choices from a seeded source.

    ``previous`` (last year's report, for GD301/GD302) is aligned first so that only the
    change breaks the rule. Raises :class:`CannotBreak` when the report lacks what the rule
    needs; the change keeps every other rule as it was only for reports shaped like the
    generated ones (prose stating a figure the change touches is not rewritten).
    """
    rule(code)
    if previous is not None:
        report = align(report, previous)
    return _break(code, report, previous, _Seeded(random.Random(seed)))


# --------------------------------------------------------------------------- strategy


def _editions_for(code: str, editions: Any) -> list[Edition]:
    allowed = _EDITIONS.get(code, rule(code).editions)
    if editions is None:
        return sorted(allowed, key=lambda e: e.value)
    if isinstance(editions, str | bytes) or not isinstance(editions, Collection):
        raise InvalidArgument(
            f"editions={editions!r} must be a collection of Edition members or None"
        )
    for e in editions:
        if not isinstance(e, Edition):
            raise InvalidArgument(f"editions must hold Edition members, found {e!r}")
    chosen = sorted((e for e in set(editions) if e in allowed), key=lambda e: e.value)
    if not chosen:
        raise InvalidArgument(
            f"{code} cannot be broken in editions {sorted(e.value for e in editions)}; "
            f"it applies to {sorted(e.value for e in allowed)}"
        )
    return chosen


def reports_breaking(
    code: str,
    *,
    editions: st.SearchStrategy[Edition] | Collection[Edition] | None = None,
    agencies: st.SearchStrategy[str] | Collection[str] | None = None,
    counts: st.SearchStrategy[int] | Collection[int] | None = None,
    max_count: int | None = None,
) -> st.SearchStrategy[tuple[Report, Expected]]:
    """Reports that break rule ``code`` exactly once, with the :class:`Expected` finding.

    Draws a valid report from :func:`~govdisclosure.testing.strategies.reports`
    (``editions``, ``agencies``, ``counts`` and ``max_count`` as there — only the changed
    cell may pass ``max_count``, by the change; by default every edition the rule applies
    to) and changes figures at a drawn location: ``check(report, previous=expected.previous)``
    then yields exactly one finding, of ``code`` at ``expected.path``. For the cross-year
    rules GD301/GD302, ``expected.previous`` is a consistent report of the year before.
    Reports are drawn without blanks (``blanks=None``): GD105 is the rule of blanks.

    >>> from hypothesis import given, settings
    >>> @settings(max_examples=5)
    ... @given(reports_breaking("GD102", editions=[Edition.TRIAL_2019]))
    ... def test(case):
    ...     report, expected = case
    ...     assert expected.code == "GD102" and expected.path.endswith(".total")
    >>> test()
    """

    edition_st = _edition_strategy(code, editions)
    if max_count is not None and (max_count.__class__ is not int or max_count < 0):
        raise InvalidArgument(f"max_count={max_count!r} must be an int >= 0, or None")
    limit = min(MAX_COUNT if max_count is None else max_count, MAX_COUNT - 10**4)
    facts = True if code in ("GD201", "GD202") else None

    def strategy(edition: Edition) -> st.SearchStrategy[Report]:
        return _reports(
            editions=[edition], agencies=agencies, counts=counts, max_count=limit, facts=facts
        )

    strategy(Edition.for_year(MAX_YEAR))  # the arguments are checked now, not when drawn

    @st.composite
    def draw_case(draw: st.DrawFn) -> tuple[Report, Expected]:
        edition = draw(edition_st)
        report = draw(strategy(edition))
        previous = None
        year = report.year
        assert year is not None  # the strategies always draw a year
        if rule(code).cross_year:
            while not _previous_fits(code, Edition.for_year(year - 1)):
                year += 1  # the edition's second year
                report = with_year(report, year)
            before = Edition.for_year(year - 1)
            previous = draw(strategy(before))
            previous = with_year(attrs.evolve(previous, agency=report.agency), year - 1)
        return _break(code, report, previous, _Drawn(draw))

    return draw_case()


def _edition_strategy(code: object, editions: Any) -> st.SearchStrategy[Edition]:
    """The editions ``reports_breaking(code, editions=...)`` draws, the arguments checked."""
    if not isinstance(code, str):
        raise InvalidArgument(f"code={code!r} must be a rule code such as 'GD101'")
    try:
        rule(code)
    except KeyError as exc:
        raise InvalidArgument(str(exc.args[0])) from None
    allowed = frozenset(_EDITIONS.get(code, rule(code).editions))
    if isinstance(editions, st.SearchStrategy):
        return editions.map(functools.partial(_allowed, code=code, allowed=allowed))
    return st.sampled_from(_editions_for(code, editions))


def _previous_fits(code: str, edition: Edition) -> bool:
    """Whether last year's report, in ``edition``, has what the cross-year rule compares:
    table 三 (GD301), table 二's 现行有效件数 (GD302)."""
    if code == "GD302":
        return all(_has(edition, "active", k) for k in _IN_FORCE)
    return edition.has_tables


def _allowed(edition: object, code: str, allowed: frozenset[Edition]) -> Edition:
    if not isinstance(edition, Edition):
        raise InvalidArgument(f"editions must draw Edition members, drew {edition!r}")
    if edition not in allowed:
        raise InvalidArgument(
            f"{code} cannot be broken in {edition.value}; it applies to "
            f"{sorted(e.value for e in allowed)}"
        )
    return edition
