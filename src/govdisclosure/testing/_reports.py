"""Whole reports: the edition's sections and tables (:mod:`._tables`), prose
(:mod:`._narrative`), year, agency, signature — consistent by construction."""

from __future__ import annotations

import datetime as _dt
import functools
import operator
from collections.abc import Collection
from typing import Any, Final

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from govdisclosure.layout import MAX_YEAR, MIN_YEAR, TABLE_ATTRIBUTES, EditionLayout, layout_of
from govdisclosure.model import (
    AgencyKind,
    Edition,
    Fact,
    FactScope,
    Metadata,
    Period,
    Relation,
    Report,
    Section,
    Signature,
    infer_agency_kind,
)
from govdisclosure.model._checks import bad_string
from govdisclosure.rules import Policy
from govdisclosure.testing._draws import (
    _ABSENT,
    _BOOL,
    _DAY,
    Blanks,
    SearchStrategy,
    _blanks,
    _Counts,
    _counts,
    _mask,
    _max_count,
    _members,
    _strategy,
)
from govdisclosure.testing._narrative import _AGENCIES, _PROSE_SEED, _legacy_facts, _prose
from govdisclosure.testing._tables import _tables, _with_blanks

__all__ = ["reports"]

_FIRST_YEAR: Final = 2008
"""The first year drawn by default (the 2008 条例: the first reports the national rules asked)."""
_LAST_YEAR: Final = 2030
"""The last year drawn by default."""


@functools.cache
def _years(edition: Edition) -> SearchStrategy[int]:
    """The years drawn for ``edition`` by default: those it is prescribed for."""
    years = [y for y in range(_FIRST_YEAR, _LAST_YEAR + 1) if Edition.for_year(y) is edition]
    return st.integers(years[0], years[-1])


_PREAMBLE: Final = (
    "根据《中华人民共和国政府信息公开条例》规定,现公布本机关{year}年政府信息公开工作年度报告。"
)
_ARTICLE_50_4: Final = "本年度政府信息公开工作考核、社会评议均已完成,未发生责任追究情况。"
"""What 条例 第五十条第四项 asks a 人民政府's report to cover."""
_PROBLEMS: Final = (
    "本年度政府信息公开工作仍存在一些不足:政策解读形式较为单一,依申请公开答复的规范化水平"
    "有待提高。下一步,将加强业务培训,丰富解读形式,规范答复文书。"
)
"""What 条例 第五十条第(四)项 asks section 五 to report: problems and improvements (GD603)."""
_KINDS: Final = st.sampled_from(AgencyKind)
_UNPAID: Final = "other.unpaid_fee.total"
"""Table 三's cell of applications dropped for an unpaid fee, where the edition has it."""
_POLICY: Final = Policy()


def _fee_paragraph(layout: EditionLayout, requests: Any) -> str:
    unpaid = 0
    if requests is not None and layout.find_cell(f"$.requests.{_UNPAID}") is not None:
        unpaid = operator.attrgetter(_UNPAID)(requests) or 0
    if unpaid:
        return f"本年度共发出收费通知{unpaid}件,申请人均未在规定期限内缴纳信息处理费。"
    return "本年度未发出收费通知,未收取信息处理费。"


@attrs.frozen
class _ReportArgs:
    editions: SearchStrategy[Edition] | None
    edition_set: frozenset[Edition] | None
    years: SearchStrategy[int] | None
    agencies: SearchStrategy[str]
    counts: _Counts
    limit: int
    blanks: Blanks | None
    facts: bool | None  # None: narrative reports with or without facts; True: always


def _drawn_year(draw: st.DrawFn, args: _ReportArgs) -> tuple[Edition, int]:
    if args.years is None:
        assert args.editions is not None
        edition = draw(args.editions)
        if not isinstance(edition, Edition):
            raise InvalidArgument(f"editions must draw Edition members, drew {edition!r}")
        return edition, draw(_years(edition))
    year = draw(args.years)
    if year.__class__ is not int or not MIN_YEAR <= year <= MAX_YEAR:
        raise InvalidArgument(f"years must draw ints from {MIN_YEAR} to {MAX_YEAR}, drew {year!r}")
    edition = Edition.for_year(year)
    if args.edition_set is not None and edition not in args.edition_set:
        raise InvalidArgument(
            f"years drew {year}, whose edition is {edition.value}: outside editions="
            f"{sorted(e.value for e in args.edition_set)}"
        )
    return edition, year


def _drawn_agency(draw: st.DrawFn, args: _ReportArgs) -> str:
    agency = draw(args.agencies)
    fault = bad_string(agency)
    if fault is None and not agency.strip():
        fault = "expected a name, found only white space"
    if fault is not None:
        raise InvalidArgument(f"agencies must draw names (str): {fault}")
    return agency


def _drawn_tables(
    draw: st.DrawFn, args: _ReportArgs, edition: Edition, kind: AgencyKind
) -> dict[str, Any]:
    """The edition's tables (``None`` for those it lacks, or absent under ``blanks``)."""
    tables: dict[str, Any] = dict.fromkeys(TABLE_ATTRIBUTES)
    if not edition.has_tables:
        return tables
    drawn = _tables(draw, edition, args.counts, args.limit)
    active = drawn.get("active")
    if active is not None and kind.makes_regulations is False:
        # no 规章 from a body that cannot make them
        regulations: Any = active.regulations
        zeros = dict.fromkeys(attrs.fields_dict(type(regulations)), 0)
        drawn["active"] = attrs.evolve(active, regulations=type(regulations)(**zeros))
    tables.update(drawn)
    if args.blanks is not None:
        absent = draw(_ABSENT)  # bits: 二 三 四
        for bit, name in enumerate(drawn):
            if absent >> bit & 1:
                tables[name] = None
            else:
                tables[name] = _with_blanks(draw, tables[name], args.blanks)
    return tables


def _narrative_facts(
    draw: st.DrawFn, ordinal: int, limit: int
) -> tuple[list[str], list[Fact], list[Relation]]:
    """The paragraphs of a narrative report's section ``ordinal`` stating facts, the facts
    (each the year's own or not said) and their relations."""
    paragraphs, facts, relations = _legacy_facts(draw, ordinal, limit)
    year_own = draw(_mask(len(facts)))
    facts = [
        attrs.evolve(f, scope=FactScope.YEAR if year_own >> i & 1 else FactScope.UNKNOWN)
        for i, f in enumerate(facts)
    ]
    return paragraphs, facts, relations


def _drawn_sections(
    draw: st.DrawFn, args: _ReportArgs, edition: Edition, kind: AgencyKind, requests: Any
) -> tuple[tuple[Section, ...], list[Fact], list[Relation]]:
    """The edition's sections with drawn prose; a narrative (tableless) edition's report may
    state facts in section 二, with their relations."""
    layout = layout_of(edition)
    with_facts = not edition.has_tables and (args.facts or draw(_BOOL))
    facts: list[Fact] = []
    relations: list[Relation] = []
    sections = []
    for s in layout.sections:
        paragraphs, subsections = _prose(draw(_PROSE_SEED))
        if with_facts and s.ordinal == 2:
            paragraphs, facts, relations = _narrative_facts(draw, s.ordinal, args.limit)
            subsections = ()
        if s.ordinal == 3 and requests is not None and requests.new.total is not None:
            paragraphs.insert(
                0, f"本年度共收到政府信息公开申请{requests.new.total}件,均已按时办结。"
            )
        if s.ordinal == 5 and edition.has_tables:
            paragraphs.append(_PROBLEMS)
            if kind.is_government:
                paragraphs.append(_ARTICLE_50_4)
        if s.ordinal == 6 and edition.has_tables:
            paragraphs.append(_fee_paragraph(layout, requests))
        sections.append(
            Section(
                ordinal=s.ordinal,
                title=s.title,
                paragraphs=tuple(paragraphs),
                subsections=subsections,
            )
        )
    return tuple(sections), facts, relations


def _report(draw: st.DrawFn, args: _ReportArgs) -> Report:
    edition, year = _drawn_year(draw, args)
    agency = _drawn_agency(draw, args)
    agency_kind = draw(_KINDS)
    kind = agency_kind
    if kind is AgencyKind.UNKNOWN:  # the rules read the kind from the name: so do we
        kind = infer_agency_kind(agency) or AgencyKind.UNKNOWN
    title = f"{agency}{year}年政府信息公开工作年度报告"
    # before the national deadline: in its month (1月31日 for departments, 3月31日 under
    # the 2008 条例), whatever the kind of body
    signed = _dt.date(year + 1, _POLICY.deadline(year).month, draw(_DAY))
    tables = _drawn_tables(draw, args, edition, kind)
    sections, facts, relations = _drawn_sections(draw, args, edition, kind, tables["requests"])
    return Report(
        agency=agency,
        year=year,
        edition=edition,
        title=title,
        agency_kind=agency_kind,
        metadata=Metadata(name=title, issuer=agency, published=signed),
        preamble=(_PREAMBLE.format(year=year),),
        sections=sections,
        signature=Signature(agency=agency, date=signed),
        period=Period.calendar_year(year),
        facts=tuple(facts),
        relations=tuple(relations),
        **tables,
    )


def reports(
    *,
    editions: SearchStrategy[Edition] | Collection[Edition] | None = None,
    years: SearchStrategy[int] | Collection[int] | None = None,
    agencies: SearchStrategy[str] | Collection[str] | None = None,
    counts: SearchStrategy[int] | Collection[int] | None = None,
    max_count: int | None = None,
    blanks: Blanks | None = None,
) -> SearchStrategy[Report]:
    """Complete, consistent reports: the edition's sections and tables, year, signature.

    - ``editions``: the edition (all by default); ``years``: the year (by default 2008–2018,
      2019–2020 or 2021–2030 by edition). A drawn year decides the edition
      (:meth:`Edition.for_year`, as GD501 wants), so with ``years`` give ``editions`` as a
      collection (or not at all).
    - ``agencies``: the agency's name (in the title, metadata and signature).
    - ``counts``: the table counts drawn as parts (0–30 by default); ``max_count``: the
      largest figure any table cell may hold, totals included (parts are cut to fit).
    - ``blanks``: ``None`` (the default) draws every cell filled and every table present;
      ``"zero"`` or ``"unknown"`` also draws blank cells, absent tables and missing fees,
      and the report then checks clean under ``Policy(blank=blanks)`` but for the GD105
      findings that name the blanks (notices under ``"zero"``, warnings under
      ``"unknown"``). With ``"zero"`` only cells that hold 0 are blank, so every sum holds
      with blanks counted as 0; with ``"unknown"`` any cell may be blank.

    Every generated report satisfies the format's 勾稽关系 by construction, its signature
    date falls before the national deadline, and its legacy-edition facts and relations
    hold. Sub-sections, extra rows, prose of every length and legacy reports without facts
    are drawn whatever the arguments.

    >>> from hypothesis import given, settings
    >>> from govdisclosure import Policy, check
    >>> @settings(max_examples=20)
    ... @given(reports(years=[2023], agencies=["青山县教育局"], blanks="zero"))
    ... def test(report):
    ...     findings = check(report, policy=Policy(blank="zero"))
    ...     assert {f.code for f in findings} <= {"GD105"} and findings.ok
    >>> test()
    """
    return _reports(
        editions=editions,
        years=years,
        agencies=agencies,
        counts=counts,
        max_count=max_count,
        blanks=blanks,
    )


def _year_strategy(
    years: Any, editions: Any, edition_set: frozenset[Edition] | None
) -> SearchStrategy[int] | None:
    """The years drawn (``None``: drawn by edition), checked against ``editions``."""
    if years is None:
        return None
    if isinstance(editions, SearchStrategy):
        raise InvalidArgument(
            "with years=, give editions= as a collection (or not at all): the year "
            "decides the edition"
        )
    year_st = _strategy(years, "years", st.nothing())
    if isinstance(years, SearchStrategy):
        return year_st
    for y in years:
        if y.__class__ is not int or not MIN_YEAR <= y <= MAX_YEAR:
            raise InvalidArgument(
                f"years must hold ints from {MIN_YEAR} to {MAX_YEAR}, found {y!r}"
            )
    if edition_set is None:
        return year_st
    fitting = [y for y in years if Edition.for_year(y) in edition_set]
    if not fitting:
        raise InvalidArgument(
            f"no year of years={sorted(years)} belongs to editions="
            f"{sorted(e.value for e in edition_set)}"
        )
    return st.sampled_from(fitting)


def _edition_strategy(
    editions: Any, edition_set: frozenset[Edition] | None
) -> SearchStrategy[Edition]:
    if isinstance(editions, SearchStrategy):
        return editions
    if edition_set is not None:
        return st.sampled_from(sorted(edition_set, key=lambda e: e.value))
    return st.sampled_from(Edition)


def _check_agencies(agencies: Any) -> None:
    if agencies is None or isinstance(agencies, SearchStrategy):
        return
    if isinstance(agencies, str):
        raise InvalidArgument(f"agencies={agencies!r} must be a strategy or a collection of names")
    for a in agencies:
        fault = bad_string(a)
        if fault is not None or not a.strip():
            raise InvalidArgument(f"agencies must hold names (str), found {a!r}")


def _reports(
    *,
    editions: Any = None,
    years: Any = None,
    agencies: Any = None,
    counts: Any = None,
    max_count: Any = None,
    blanks: Any = None,
    facts: bool | None = None,
) -> SearchStrategy[Report]:
    """:func:`reports`, with ``facts=True`` for narrative reports that always state facts."""
    edition_set: frozenset[Edition] | None = None
    if editions is not None and not isinstance(editions, SearchStrategy):
        edition_set = frozenset(_members(editions, "editions"))
    year_st = _year_strategy(years, editions, edition_set)
    _check_agencies(agencies)
    args = _ReportArgs(
        editions=None if year_st is not None else _edition_strategy(editions, edition_set),
        edition_set=edition_set,
        years=year_st,
        agencies=_strategy(agencies, "agencies", _AGENCIES),
        counts=_counts(counts),
        limit=_max_count(max_count),
        blanks=_blanks(blanks),
        facts=facts,
    )

    @st.composite
    def draw_report(draw: st.DrawFn) -> Report:
        return _report(draw, args)

    return draw_report()
