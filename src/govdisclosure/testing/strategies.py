"""Hypothesis strategies for property-testing code that handles 年报.

Every strategy draws values that are valid and consistent BY CONSTRUCTION: parts are drawn
and totals computed (表三's (七)总计, 总计 column and 结转下年度, 表四's 总计, the sums a
legacy text states), never filtered, so they pass Hypothesis' health checks.

>>> from hypothesis import given
>>> from govdisclosure.testing import strategies as gst
>>> @given(gst.reports(editions=[Edition.STANDARD_2021]))
... def test_totals(report):
...     assert report.requests.total == report.requests.computed_total
>>> test_totals()

Installing govdisclosure registers these strategies with :func:`hypothesis.strategies.from_type`
(through the ``hypothesis`` entry point), so ``st.from_type(govdisclosure.Report)`` works.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Collection, Sequence
from decimal import Decimal
from typing import Any

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from govdisclosure.layout import layout_of
from govdisclosure.model import (
    ActiveDisclosure2019,
    ActiveDisclosure2021,
    AgencyKind,
    ApplicantCounts,
    DocumentCounts2019,
    DocumentCounts2021,
    Edition,
    ExtraRow,
    Fact,
    FactScope,
    FeeItems2019,
    ItemCounts2019,
    Location,
    Metadata,
    NotProcessed,
    OtherHandling,
    Outcomes,
    Period,
    Procurement2019,
    Relation,
    Report,
    Requests2019,
    Requests2021,
    ReviewsAndLitigation,
    Section,
    Signature,
    Unable,
    Withheld,
    infer_agency_kind,
)
from govdisclosure.money import Amount, MoneyUnit
from govdisclosure.numerals import Qualifier, Quantity

__all__ = [
    "active_disclosures",
    "amounts",
    "applicant_counts",
    "editions",
    "outcomes",
    "reports",
    "requests_tables",
    "reviews_and_litigation",
]

SearchStrategy = st.SearchStrategy


def _strategy(value: Any, name: str, default: SearchStrategy[Any]) -> SearchStrategy[Any]:
    """Accept a strategy, a collection of values (sampled), or None (the default)."""
    if value is None:
        return default
    if isinstance(value, SearchStrategy):
        return value
    if isinstance(value, Collection) and not isinstance(value, str | bytes):
        if not value:
            raise InvalidArgument(f"{name} must not be empty")
        return st.sampled_from(list(value))
    raise InvalidArgument(f"{name}={value!r} must be a strategy, a collection of values, or None")


def _check_bounds(min_value: int, max_value: int, name: str = "value") -> None:
    for label, v in ((f"min_{name}", min_value), (f"max_{name}", max_value)):
        if v.__class__ is not int:
            raise InvalidArgument(f"{label}={v!r} must be an int")
    if min_value < 0:
        raise InvalidArgument(f"min_{name}={min_value} must be >= 0")
    if min_value > max_value:
        raise InvalidArgument(f"min_{name}={min_value} must be <= max_{name}={max_value}")


# --------------------------------------------------------------------------- money


def amounts(
    *,
    units: SearchStrategy[MoneyUnit] | Collection[MoneyUnit] | None = None,
    min_value: int = 0,
    max_value: int = 10**8,
    places: SearchStrategy[int] | Collection[int] | None = None,
) -> SearchStrategy[Amount]:
    """Amounts whose printed precision is drawn too (``places`` decimals, 0–4 by default).

    ``min_value``/``max_value`` bound the value in the drawn unit.

    >>> from hypothesis import given
    >>> @given(amounts(units=[MoneyUnit.WAN_YUAN], places=[2]))
    ... def test(amount):
    ...     assert amount.decimals == 2 and amount.unit is MoneyUnit.WAN_YUAN
    >>> test()
    """
    _check_bounds(min_value, max_value)
    unit_st = _strategy(units, "units", st.sampled_from(MoneyUnit))
    places_st = _strategy(places, "places", st.integers(0, 4))

    @st.composite
    def draw_amount(draw: st.DrawFn) -> Amount:
        unit = draw(unit_st)
        p = draw(places_st)
        if p.__class__ is not int or not 0 <= p <= 10:
            raise InvalidArgument(f"places must draw ints in 0..10, drew {p!r}")
        scaled = draw(st.integers(min_value * 10**p, max_value * 10**p))
        return Amount(Decimal(scaled).scaleb(-p), unit)

    return draw_amount()


def editions() -> SearchStrategy[Edition]:
    """Any :class:`~govdisclosure.Edition`."""
    return st.sampled_from(Edition)


# --------------------------------------------------------------------------- tables


def _counts(counts: SearchStrategy[int] | None) -> SearchStrategy[int]:
    if counts is None:
        return st.integers(0, 30)
    if not isinstance(counts, SearchStrategy):
        raise InvalidArgument(f"counts={counts!r} must be a strategy of non-negative ints")
    return counts


def _row(parts: Sequence[int]) -> ApplicantCounts:
    return ApplicantCounts.build(**dict(zip(ApplicantCounts.COLUMNS[:6], parts, strict=True)))


@st.composite
def _parts(draw: st.DrawFn, counts: SearchStrategy[int]) -> list[int]:
    """Six applicant-type counts; 自然人 most often, organisations often zero."""
    values = [draw(counts)]
    for _ in range(5):
        values.append(draw(st.one_of(st.just(0), counts)))
    for v in values:
        if v.__class__ is not int or v < 0:
            raise InvalidArgument(f"counts must draw non-negative ints, drew {v!r}")
    return values


def applicant_counts(
    *, counts: SearchStrategy[int] | None = None
) -> SearchStrategy[ApplicantCounts]:
    """A row of table 三 whose 总计 is the sum of its six parts."""
    return _parts(_counts(counts)).map(_row)


def outcomes(*, counts: SearchStrategy[int] | None = None) -> SearchStrategy[Outcomes]:
    """A group of table 四 whose 总计 is the sum of its four parts."""
    c = _counts(counts)
    return st.builds(Outcomes.build, upheld=c, corrected=c, other=c, pending=c)


def reviews_and_litigation(
    *, counts: SearchStrategy[int] | None = None
) -> SearchStrategy[ReviewsAndLitigation]:
    """Table 四 with every group's 总计 computed."""
    g = outcomes(counts=counts if counts is not None else st.integers(0, 5))
    return st.builds(ReviewsAndLitigation, review=g, litigation_direct=g, litigation_after_review=g)


@st.composite
def _requests(
    draw: st.DrawFn, edition: Edition, counts: SearchStrategy[int]
) -> Requests2021 | Requests2019:
    sparse = st.one_of(st.just([0] * 6), _parts(counts))

    def row() -> ApplicantCounts:
        return _row(draw(sparse))

    granted, partly = _row(draw(_parts(counts))), row()
    withheld = Withheld(**{name: row() for name in Withheld.ROWS})
    unable = Unable(**{name: row() for name in Unable.ROWS})
    not_processed = NotProcessed(**{name: row() for name in NotProcessed.ROWS})
    if edition is Edition.STANDARD_2021:
        other: Any = OtherHandling(**{name: row() for name in OtherHandling.ROWS})
        cls: Any = Requests2021
    else:
        other, cls = row(), Requests2019
    draft = cls(
        granted=granted,
        partly_granted=partly,
        withheld=withheld,
        unable=unable,
        not_processed=not_processed,
        other=other,
    )
    total = draft.computed_total
    forward = draw(sparse)
    # per column: 一 + 二 = (七)总计 + 四; split the left-hand side into new and carried over
    new, over = [], []
    for t, f in zip(total.parts, forward, strict=True):
        handled = (t or 0) + f
        carried = draw(st.integers(0, handled // 3)) if handled else 0
        over.append(carried)
        new.append(handled - carried)
    return attrs.evolve(  # type: ignore[no-any-return]
        draft, new=_row(new), carried_over=_row(over), total=total, carried_forward=_row(forward)
    )


def requests_tables(
    *,
    edition: Edition = Edition.STANDARD_2021,
    counts: SearchStrategy[int] | None = None,
) -> SearchStrategy[Requests2021 | Requests2019]:
    """Table 三 of ``edition`` for which R1–R3 hold in every row and column.

    >>> from hypothesis import given
    >>> @given(requests_tables())
    ... def test(t):
    ...     assert t.total == t.computed_total
    >>> test()
    """
    if edition not in (Edition.STANDARD_2021, Edition.TRIAL_2019):
        raise InvalidArgument(f"edition={edition!r} has no table 三")
    return _requests(edition, _counts(counts))


@st.composite
def _active(
    draw: st.DrawFn, edition: Edition, counts: SearchStrategy[int]
) -> ActiveDisclosure2021 | ActiveDisclosure2019:
    c = counts
    extra_rows = tuple(
        draw(st.lists(_extra_row(edition, c), max_size=2, unique_by=lambda r: r.label))
    )
    if edition is Edition.STANDARD_2021:
        docs = st.builds(DocumentCounts2021, issued=c, repealed=c, in_force=c)
        return ActiveDisclosure2021(
            extra_rows=extra_rows,
            regulations=draw(docs),
            normative_documents=draw(docs),
            licensing=draw(c),
            punishment=draw(c),
            enforcement=draw(c),
            fees=draw(amounts(units=[MoneyUnit.WAN_YUAN], max_value=10**4, places=[0, 1, 2])),
        )
    signed = st.integers(-50, 50)
    docs19 = st.builds(DocumentCounts2019, new_made=c, new_published=c, total_published=c)
    items = st.builds(ItemCounts2019, previous_items=c, change=signed, decisions=c)
    return ActiveDisclosure2019(
        extra_rows=extra_rows,
        regulations=draw(docs19),
        normative_documents=draw(docs19),
        licensing=draw(items),
        other_services=draw(items),
        punishment=draw(items),
        enforcement=draw(items),
        fees=draw(st.builds(FeeItems2019, previous_items=c, change=signed)),
        procurement=Procurement2019(
            projects=draw(c),
            amount=Decimal(draw(st.integers(0, 10**7))),
            amount_unit=draw(st.sampled_from([MoneyUnit.YUAN, None])),
        ),
    )


_EXTRA_LABELS = ("其他主动公开文件", "其他事项", "政府信息公开指南 (修订)")


@st.composite
def _extra_row(draw: st.DrawFn, edition: Edition, counts: SearchStrategy[int]) -> ExtraRow:
    """A provincial extension row in one of table 二's blocks of counts."""
    table = layout_of(edition).table("二")
    blocks = [b for b in table.blocks if all(c.kind in ("count", "signed") for c in b.columns)]
    block = draw(st.sampled_from(blocks))
    values = tuple(
        draw(st.none() | (st.integers(-50, 50) if col.kind == "signed" else counts))
        for col in block.columns
    )
    return ExtraRow(
        block=block.labels[0], label=draw(st.sampled_from(_EXTRA_LABELS)), values=values
    )


def active_disclosures(
    *,
    edition: Edition = Edition.STANDARD_2021,
    counts: SearchStrategy[int] | None = None,
) -> SearchStrategy[ActiveDisclosure2021 | ActiveDisclosure2019]:
    """Table 二 of ``edition`` (the form defines no rule between its cells)."""
    if edition not in (Edition.STANDARD_2021, Edition.TRIAL_2019):
        raise InvalidArgument(f"edition={edition!r} has no table 二")
    return _active(edition, _counts(counts))


# --------------------------------------------------------------------------- narrative

_CITIES = ("江河市", "青山县", "临海市", "白云区", "长宁县", "东湖市")
_BODIES = ("自然资源和规划局", "民政局", "人民政府办公室", "生态环境局", "交通运输局", "教育局")
_SENTENCES = (
    "坚持以公开为常态、不公开为例外,持续深化政务公开。",
    "进一步健全政府信息公开工作机制,明确专人负责。",
    "及时回应社会关切,做好政策解读工作。",
    "加强政府网站信息发布审核,确保信息准确权威。",
    "组织开展政务公开业务培训,提升工作人员业务能力。",
    "公开内容的深度和广度还需进一步拓展。",
)


@st.composite
def _paragraph(draw: st.DrawFn) -> str:
    return "".join(draw(st.lists(st.sampled_from(_SENTENCES), min_size=1, max_size=3)))


def _stated(
    where: tuple[int, int], pieces: list[tuple[str, str, str, Quantity]]
) -> tuple[str, list[Fact]]:
    """A sentence stating each quantity after its lead words, and the located facts."""
    section, paragraph = where
    text, facts = "", []
    for lead, key, label, quantity in pieces:
        text += lead
        start = len(text)
        text += str(quantity)
        location = Location(section=(section,), paragraph=paragraph, start=start, end=len(text))
        facts.append(
            Fact(key=key, label=label, text=str(quantity), quantity=quantity, location=location)
        )
    return text + "。", facts


@st.composite
def _legacy_facts(draw: st.DrawFn, section: int) -> tuple[list[str], list[Fact], list[Relation]]:
    """Paragraphs stating a count breakdown and a money balance, with their relations."""
    facts: list[Fact] = []
    measure = draw(st.sampled_from(("条", "件", "篇")))
    parts = draw(st.lists(st.integers(1, 300), min_size=2, max_size=5))
    names = ("工作动态", "政策文件", "通知公告", "办事指南", "人事信息")
    total_value = sum(parts)
    step = 10 ** (len(str(total_value)) - 1)
    if total_value > 10 and total_value % step:
        total_q = Quantity(Decimal(total_value - total_value % step), measure, Qualifier.YU)
    else:
        total_q = Quantity(Decimal(total_value), measure)
    para, found = _stated(
        (section, 0),
        [("本年度共主动公开政府信息", "breakdown.total", "主动公开信息总数", total_q)]
        + [
            ((",其中" if i == 0 else ",") + names[i], f"breakdown.part{i}", names[i], q)
            for i, q in enumerate(Quantity(Decimal(v), measure) for v in parts)
        ],
    )
    facts += found
    relations = [
        Relation(
            result="breakdown.total",
            add=tuple(f"breakdown.part{i}" for i in range(len(parts))),
            text="其中",
        )
    ]
    income = draw(st.integers(0, 10**7))
    spent = draw(st.integers(0, income))
    para2, found = _stated(
        (section, 1),
        [
            ("本年度专项资金收入", "funds.income", "收入", Quantity(Decimal(income), "元")),
            (",支出", "funds.spent", "支出", Quantity(Decimal(spent), "元")),
            (",结余", "funds.balance", "结余", Quantity(Decimal(income - spent), "元")),
        ],
    )
    facts += found
    relations.append(
        Relation(result="funds.balance", add=("funds.income",), subtract=("funds.spent",))
    )
    return [para, para2], facts, relations


_ARTICLE_50_4 = "本年度政府信息公开工作考核、社会评议均已完成,未发生责任追究情况。"
"""What 条例 第五十条第四项 asks a 人民政府's report to cover."""


def _fee_paragraph(requests: Requests2021 | Requests2019 | None) -> str:
    unpaid = 0
    if isinstance(requests, Requests2021):
        unpaid = requests.other.unpaid_fee.total or 0
    if unpaid:
        return f"本年度共发出收费通知{unpaid}件,申请人均未在规定期限内缴纳信息处理费。"
    return "本年度未发出收费通知,未收取信息处理费。"


@st.composite
def _report(
    draw: st.DrawFn,
    edition_st: SearchStrategy[Edition],
    counts: SearchStrategy[int],
) -> Report:
    edition = draw(edition_st)
    if not isinstance(edition, Edition):
        raise InvalidArgument(f"editions must draw Edition members, drew {edition!r}")
    low, high = {
        Edition.LEGACY_2008: (2008, 2018),
        Edition.TRIAL_2019: (2019, 2020),
        Edition.STANDARD_2021: (2021, 2030),
    }[edition]
    year = draw(st.integers(low, high))
    agency = draw(st.sampled_from(_CITIES)) + draw(st.sampled_from(_BODIES))
    agency_kind = draw(st.sampled_from(AgencyKind))
    kind = agency_kind
    if kind is AgencyKind.UNKNOWN:  # the rules read the kind from the name: so do we
        kind = infer_agency_kind(agency) or AgencyKind.UNKNOWN
    title = f"{agency}{year}年政府信息公开工作年度报告"
    # before the national deadline: 1月31日 (departments), 3月31日 for the legacy edition
    month = 3 if edition is Edition.LEGACY_2008 else 1
    signed = _dt.date(year + 1, month, draw(st.integers(1, 31)))
    layout = layout_of(edition)
    facts: list[Fact] = []
    relations: list[Relation] = []
    active = requests = reviews = None
    if edition.has_tables:
        active = draw(active_disclosures(edition=edition, counts=counts))
        if kind.makes_regulations is False:  # no 规章 from a body that cannot make them
            regulations: Any = active.regulations
            zeros = dict.fromkeys(attrs.fields_dict(type(regulations)), 0)
            active = attrs.evolve(active, regulations=type(regulations)(**zeros))
        requests = draw(requests_tables(edition=edition, counts=counts))
        reviews = draw(reviews_and_litigation())
    sections = []
    for s in layout.sections:
        paragraphs = [draw(_paragraph())]
        if edition is Edition.LEGACY_2008 and s.ordinal == 2:
            paragraphs, facts, relations = draw(_legacy_facts(s.ordinal))
            scopes = st.sampled_from((FactScope.UNKNOWN, FactScope.YEAR))  # the year's own
            facts = [attrs.evolve(f, scope=draw(scopes)) for f in facts]
        if s.ordinal == 3 and requests is not None:
            paragraphs.insert(
                0, f"本年度共收到政府信息公开申请{requests.new.total}件,均已按时办结。"
            )
        if s.ordinal == 5 and edition.has_tables and kind.is_government:
            paragraphs.append(_ARTICLE_50_4)
        if s.ordinal == 6 and edition.has_tables:
            paragraphs.append(_fee_paragraph(requests))
        sections.append(Section(ordinal=s.ordinal, title=s.title, paragraphs=tuple(paragraphs)))
    return Report(
        agency=agency,
        year=year,
        edition=edition,
        title=title,
        agency_kind=agency_kind,
        metadata=Metadata(name=title, issuer=agency, published=signed),
        preamble=(
            f"根据《中华人民共和国政府信息公开条例》规定,现公布{agency}{year}年政府信息公开工作年度报告。",
        ),
        sections=tuple(sections),
        signature=Signature(agency=agency, date=signed),
        period=Period.calendar_year(year),
        active=active,
        requests=requests,
        reviews=reviews,
        facts=tuple(facts),
        relations=tuple(relations),
    )


def reports(
    *,
    editions: SearchStrategy[Edition] | Collection[Edition] | None = None,
    counts: SearchStrategy[int] | None = None,
) -> SearchStrategy[Report]:
    """Complete, consistent reports: the edition's sections and tables, year, signature.

    ``editions`` chooses the edition (a strategy or a collection; all by default);
    ``counts`` draws the table counts (0–30 by default). Every generated report satisfies
    the format's 勾稽关系 by construction, its signature date falls before the national
    deadline, and its legacy-edition facts and relations hold.
    """
    return _report(_strategy(editions, "editions", st.sampled_from(Edition)), _counts(counts))
