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

What real reports have is drawn too: sub-sections, provincial extra rows, prose of every
length, legacy reports with and without located facts — and, when asked for with
``blanks=``, blank cells, absent tables and missing fees, with the policy they imply: a
report drawn with ``blanks=b`` checks clean under ``Policy(blank=b)`` (its only findings are
the GD105 notices or warnings about its blanks).

Arguments follow one convention everywhere: keyword-only; what is drawn (``editions``,
``years``, ``agencies``, ``counts``, ``units``, ``places``) is a strategy or a collection of
values (sampled); sizes and bounds (``max_count``, ``min_value``, ``max_value``) and
switches (``blanks``) are plain values. A bad argument raises
:class:`hypothesis.errors.InvalidArgument` — when the strategy is made, or, for what a
strategy argument draws, when it is drawn.

Installing govdisclosure registers strategies with :func:`hypothesis.strategies.from_type`
for every public record (through the ``hypothesis`` entry point), so
``st.from_type(govdisclosure.Section)`` works.
"""

from __future__ import annotations

import datetime as _dt
import functools
import random
from collections.abc import Callable, Collection
from decimal import Decimal
from typing import Any, Final, Literal

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from govdisclosure.layout import MAX_COUNT, MAX_YEAR, MIN_YEAR, layout_of
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
from govdisclosure.model._checks import bad_string, class_cache
from govdisclosure.money import Amount, MoneyUnit
from govdisclosure.numerals import MEASURE_WORDS, Qualifier, Quantity

__all__ = [
    "Blanks",
    "Expected",
    "active_disclosures",
    "amounts",
    "applicant_counts",
    "editions",
    "outcomes",
    "quantities",
    "reports",
    "requests_tables",
    "reviews_and_litigation",
    "sections",
]

SearchStrategy = st.SearchStrategy

Blanks = Literal["zero", "unknown"]
"""What ``blanks=`` takes besides ``None``: the ``Policy(blank=...)`` the drawn blanks imply."""

_TABLE_EDITIONS: Final = (Edition.STANDARD_2021, Edition.TRIAL_2019)
_YEAR_STRATEGIES: Final = {
    Edition.LEGACY_2008: st.integers(2008, 2018),
    Edition.TRIAL_2019: st.integers(2019, 2020),
    Edition.STANDARD_2021: st.integers(2021, 2030),
}


@attrs.frozen(slots=True)
class Expected:
    """The one finding a broken report must yield: its code and JSON path.

    ``previous`` is last year's report for a cross-year rule (pass it to ``check``), else
    ``None``. (Drawn with the report by
    :func:`govdisclosure.testing.reports_breaking`.)
    """

    code: str
    path: str
    previous: Report | None = None

    def __repr__(self) -> str:
        previous = "" if self.previous is None else f", previous={self.previous!r}"
        return f"Expected({self.code!r}, {self.path!r}{previous})"


# --------------------------------------------------------------------------- arguments


def _strategy(value: Any, name: str, default: SearchStrategy[Any]) -> SearchStrategy[Any]:
    """Accept a strategy, a collection of values (sampled), or None (the default)."""
    if value is None:
        return default
    if isinstance(value, SearchStrategy):
        return value
    if isinstance(value, Collection) and not isinstance(value, str | bytes | dict):
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


def _max_count(value: object) -> int:
    if value is None:
        return MAX_COUNT
    if value.__class__ is not int or not 0 <= value <= MAX_COUNT:
        raise InvalidArgument(
            f"max_count={value!r} must be an int from 0 to MAX_COUNT ({MAX_COUNT}), or None"
        )
    return value


def _blanks(value: object) -> Blanks | None:
    if value is None or value == "zero" or value == "unknown":
        return value
    raise InvalidArgument(
        f"blanks={value!r} must be None (no blanks), 'zero' (blank cells stand for 0) or "
        "'unknown' (blank cells hide a figure): the Policy(blank=...) the blanks imply"
    )


def _editions(editions: Any, edition: Any, allowed: tuple[Edition, ...]) -> SearchStrategy[Edition]:
    """The editions a table strategy draws (``edition=`` is the one-edition form)."""
    if edition is not None:
        if editions is not None:
            raise InvalidArgument("give edition= or editions=, not both")
        editions = [edition]
    if editions is not None and not isinstance(editions, SearchStrategy):
        chosen = _members(editions, "editions")
        for e in chosen:
            if e not in allowed:
                raise InvalidArgument(f"edition {e!r} has no such table")
    return _strategy(editions, "editions", st.sampled_from(allowed)).map(
        functools.partial(_drawn_edition, allowed=allowed)
    )


def _members(editions: Any, name: str) -> list[Edition]:
    if isinstance(editions, str | bytes) or not isinstance(editions, Collection):
        raise InvalidArgument(f"{name}={editions!r} must be a strategy, a collection, or None")
    chosen = list(editions)
    for e in chosen:
        if not isinstance(e, Edition):
            raise InvalidArgument(f"{name} must hold Edition members, found {e!r}")
    if not chosen:
        raise InvalidArgument(f"{name} must not be empty")
    return chosen


def _drawn_edition(edition: object, allowed: tuple[Edition, ...]) -> Edition:
    if not isinstance(edition, Edition):
        raise InvalidArgument(f"editions must draw Edition members, drew {edition!r}")
    if edition not in allowed:
        raise InvalidArgument(f"editions drew {edition!r}, which has no such table")
    return edition


class _Budget:
    """What is left of ``max_count`` for the cells one sum adds up: every drawn part is
    clamped to it, so no total exceeds ``max_count`` (and every figure stays valid)."""

    __slots__ = ("left",)

    def __init__(self, left: int) -> None:
        self.left = left

    def take(self, value: int) -> int:
        taken = value if value <= self.left else self.left
        self.left -= taken
        return taken


def _checked_count(v: object) -> int:
    if v.__class__ is not int or v < 0:
        raise InvalidArgument(f"counts must draw non-negative ints, drew {v!r}")
    return v


@functools.cache
def _digits_strategy(base: int, n: int) -> SearchStrategy[int]:
    return st.integers(0, base**n - 1)


def _digits(draw: st.DrawFn, base: int, n: int) -> list[int]:
    """``n`` values in ``0 … base - 1`` from ONE draw (the digits of one integer, which
    shrinks towards 0: every value 0)."""
    if n == 0:
        return []
    v = draw(_digits_strategy(base, n))
    out = [0] * n
    for i in range(n):
        v, out[i] = divmod(v, base)
    return out


@functools.cache
def _mask(n: int) -> SearchStrategy[int]:
    return st.integers(0, 2**n - 1)


class _Counts:
    """Where table counts come from: by default ``0 … top``, many cells in one draw (fast,
    and shrinking towards 0); a caller's ``counts`` strategy, one draw per cell."""

    __slots__ = ("strategy", "top")

    def __init__(self, strategy: SearchStrategy[int] | None, top: int = 30) -> None:
        self.strategy = strategy
        self.top = top

    def take(self, draw: st.DrawFn, n: int) -> list[int]:
        if self.strategy is None:
            return _digits(draw, self.top + 1, n)
        return [_checked_count(draw(self.strategy)) for _ in range(n)]


def _counts(counts: Any, top: int = 30) -> _Counts:
    if counts is None:
        return _Counts(None, top)
    return _Counts(_strategy(counts, "counts", st.nothing()))


# --------------------------------------------------------------------------- shared draws

_COUNT: Final = st.integers(0, 30)
_BOOL: Final = st.booleans()
_SEED: Final = st.integers(0, 2**64 - 1)
_BLANK_COUNT: Final = st.integers(0, 8)
_ABSENT: Final = st.sampled_from((0, 0, 0, 0, 0, 1, 2, 4, 3, 7))  # bits: 二 三 四
_DAY: Final = st.integers(1, 31)


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
    scaled = {p: st.integers(min_value * 10**p, max_value * 10**p) for p in range(11)}

    @st.composite
    def draw_amount(draw: st.DrawFn) -> Amount:
        unit = draw(unit_st)
        if not isinstance(unit, MoneyUnit):
            raise InvalidArgument(f"units must draw MoneyUnit members, drew {unit!r}")
        p = draw(places_st)
        if p.__class__ is not int or not 0 <= p <= 10:
            raise InvalidArgument(f"places must draw ints in 0..10, drew {p!r}")
        return Amount(Decimal(f"{draw(scaled[p])}E-{p}"), unit)  # exact: no context rounding

    return draw_amount()


def editions() -> SearchStrategy[Edition]:
    """Any :class:`~govdisclosure.Edition`."""
    return st.sampled_from(Edition)


def quantities() -> SearchStrategy[Quantity]:
    """Figures as prose prints them: a count or an amount, exact or qualified (300余条)."""
    return st.builds(
        _quantity,
        st.integers(0, 10**6),
        st.integers(0, 2),
        st.sampled_from((*MEASURE_WORDS[:6], "元", "万元", "亿元")),
        st.none() | st.sampled_from(Qualifier),
    )


def _quantity(n: int, places: int, unit: str, qualifier: Qualifier | None) -> Quantity:
    return Quantity(Decimal(f"{n}E-{places}"), unit, qualifier if n else None)


# --------------------------------------------------------------------------- rows


def _row(parts: list[int]) -> ApplicantCounts:
    a, b, c, d, e, f = parts
    return ApplicantCounts(
        natural_person=a,
        commercial=b,
        research=c,
        public_interest=d,
        legal_services=e,
        other=f,
        total=a + b + c + d + e + f,
    )


_ZERO_ROW: Final = _row([0] * 6)


def _sparse_rows(draw: st.DrawFn, counts: _Counts, budget: _Budget, n: int) -> list[list[int]]:
    """``n`` rows of six applicant-type counts, most of them 0: a mask says which rows have
    applicants (the first always), two more which organisations (自然人 most often); the
    values come after, in as few draws as the source allows."""
    rows_mask = draw(_mask(n)) | 1
    orgs = draw(_mask(5 * n)) & draw(_mask(5 * n))
    where = []
    for r in range(n):
        if rows_mask >> r & 1:
            where.append((r, 0))
            where += [(r, 1 + b) for b in range(5) if orgs >> (5 * r + b) & 1]
    values = counts.take(draw, len(where))
    rows = [[0] * 6 for _ in range(n)]
    for (r, c), v in zip(where, values, strict=True):
        rows[r][c] = budget.take(v)
    return rows


def applicant_counts(
    *,
    counts: SearchStrategy[int] | Collection[int] | None = None,
    max_count: int | None = None,
) -> SearchStrategy[ApplicantCounts]:
    """A row of table 三 whose 总计 is the sum of its six parts (at most ``max_count``)."""
    c = _counts(counts)
    limit = _max_count(max_count)

    @st.composite
    def draw_row(draw: st.DrawFn) -> ApplicantCounts:
        return _row(_sparse_rows(draw, c, _Budget(limit), 1)[0])

    return draw_row()


def _group(parts: list[int], limit: int) -> Outcomes:
    budget = _Budget(limit)
    a, b, c, d = (budget.take(v) for v in parts)
    return Outcomes(upheld=a, corrected=b, other=c, pending=d, total=a + b + c + d)


def outcomes(
    *,
    counts: SearchStrategy[int] | Collection[int] | None = None,
    max_count: int | None = None,
) -> SearchStrategy[Outcomes]:
    """A group of table 四 whose 总计 is the sum of its four parts (at most ``max_count``)."""
    c = _counts(counts)
    limit = _max_count(max_count)

    @st.composite
    def draw_group(draw: st.DrawFn) -> Outcomes:
        return _group(c.take(draw, 4), limit)

    return draw_group()


# --------------------------------------------------------------------------- tables


_ZERO_GROUP: Final = Outcomes(upheld=0, corrected=0, other=0, pending=0, total=0)


def _reviews(draw: st.DrawFn, counts: _Counts, limit: int) -> ReviewsAndLitigation:
    if not draw(_BOOL):  # most agencies face no case at all
        zero = _ZERO_GROUP
        return ReviewsAndLitigation(
            review=zero, litigation_direct=zero, litigation_after_review=zero
        )
    v = counts.take(draw, 12)
    return ReviewsAndLitigation(
        review=_group(v[0:4], limit),
        litigation_direct=_group(v[4:8], limit),
        litigation_after_review=_group(v[8:12], limit),
    )


def reviews_and_litigation(
    *,
    counts: SearchStrategy[int] | Collection[int] | None = None,
    max_count: int | None = None,
    blanks: Blanks | None = None,
) -> SearchStrategy[ReviewsAndLitigation]:
    """Table 四 with every group's 总计 computed (0–5 cases per cell by default)."""
    c = _counts(counts, top=5)
    limit = _max_count(max_count)
    mode = _blanks(blanks)

    @st.composite
    def draw_table(draw: st.DrawFn) -> ReviewsAndLitigation:
        table = _reviews(draw, c, limit)
        result: ReviewsAndLitigation = _with_blanks(draw, table, mode)
        return result

    return draw_table()


def _requests(
    draw: st.DrawFn, edition: Edition, counts: _Counts, limit: int
) -> Requests2021 | Requests2019:
    """Per column: 一 + 二 = (七)总计 + 四; the outcomes drawn first, 四 too, then 一 + 二
    split. The budget keeps Σ(outcomes + 四) — hence every total — within ``limit``."""
    standard = edition is Edition.STANDARD_2021
    n = 22 if standard else 20  # the outcome rows, then 四
    rows = iter([_row(p) for p in _sparse_rows(draw, counts, _Budget(limit), n)])
    granted, partly = next(rows), next(rows)
    withheld = Withheld(
        state_secret=next(rows),
        prohibited_by_law=next(rows),
        three_securities=next(rows),
        third_party=next(rows),
        internal_affairs=next(rows),
        process_information=next(rows),
        enforcement_files=next(rows),
        inquiry_matters=next(rows),
    )
    unable = Unable(not_held=next(rows), needs_creation=next(rows), still_unclear=next(rows))
    not_processed = NotProcessed(
        petitions=next(rows),
        repeated=next(rows),
        publications=next(rows),
        excessive=next(rows),
        confirmation=next(rows),
    )
    other: Any
    if standard:
        other = OtherHandling(no_correction=next(rows), unpaid_fee=next(rows), other=next(rows))
        cls: Any = Requests2021
        others = list(other.rows())
    else:
        other, cls = next(rows), Requests2019
        others = [other]
    forward = next(rows)
    outcome = [granted, partly, *withheld.rows(), *unable.rows(), *not_processed.rows(), *others]
    total = ApplicantCounts.sum(outcome)
    new, over = [], []
    fractions = _digits(draw, 5, 6)
    for t, f, k in zip(total.parts, forward.parts, fractions, strict=True):
        handled = t + f  # type: ignore[operator]
        carried = k * handled // 12
        over.append(carried)
        new.append(handled - carried)
    return cls(  # type: ignore[no-any-return]
        new=_row(new),
        carried_over=_row(over),
        granted=granted,
        partly_granted=partly,
        withheld=withheld,
        unable=unable,
        not_processed=not_processed,
        other=other,
        total=total,
        carried_forward=forward,
    )


def requests_tables(
    *,
    editions: SearchStrategy[Edition] | Collection[Edition] | None = None,
    counts: SearchStrategy[int] | Collection[int] | None = None,
    max_count: int | None = None,
    blanks: Blanks | None = None,
    edition: Edition | None = None,
) -> SearchStrategy[Requests2021 | Requests2019]:
    """Table 三 for which R1–R3 hold in every row and column (both editions by default;
    ``edition=`` is ``editions=[edition]``). No cell exceeds ``max_count``.

    >>> from hypothesis import given
    >>> @given(requests_tables())
    ... def test(t):
    ...     assert t.total == t.computed_total
    >>> test()
    """
    edition_st = _editions(editions, edition, _TABLE_EDITIONS)
    c = _counts(counts)
    limit = _max_count(max_count)
    mode = _blanks(blanks)

    @st.composite
    def draw_table(draw: st.DrawFn) -> Requests2021 | Requests2019:
        table = _requests(draw, draw(edition_st), c, limit)
        result: Requests2021 | Requests2019 = _with_blanks(draw, table, mode)
        return result

    return draw_table()


_EXTRA_LABELS: Final = ("其他主动公开文件", "其他事项", "政府信息公开指南 (修订)")
_FEES: Final = amounts(units=[MoneyUnit.WAN_YUAN], max_value=10**4, places=[0, 1, 2])
_EXTRA_COUNT: Final = st.sampled_from((0, 0, 0, 1, 2))


@functools.cache
def _extra_blocks(edition: Edition) -> tuple[tuple[Any, ...], SearchStrategy[int]]:
    """The blocks that take extra rows, and a draw of (block, label) as one integer."""
    blocks = tuple(b for b in layout_of(edition).table("二").blocks if b.counts_only)
    return blocks, st.integers(0, len(blocks) * len(_EXTRA_LABELS) - 1)


def _extra_rows(
    draw: st.DrawFn, edition: Edition, counts: _Counts, limit: int
) -> tuple[ExtraRow, ...]:
    """Provincial extension rows in table 二's blocks of counts, one label once per block."""
    rows = []
    used: set[tuple[str, str]] = set()
    blocks, which = _extra_blocks(edition)
    for _ in range(draw(_EXTRA_COUNT)):
        place = draw(which)
        block = blocks[place % len(blocks)]
        label = _EXTRA_LABELS[place // len(blocks)]
        if (block.labels[0], label) in used:
            continue
        used.add((block.labels[0], label))
        width = len(block.columns)
        blank = draw(_mask(width))
        values = counts.take(draw, width)
        changes = _digits(draw, 101, width)
        cells = tuple(
            None
            if blank >> i & 1
            else (_clamp_signed(changes[i] - 50, limit) if col.signed else min(values[i], limit))
            for i, col in enumerate(block.columns)
        )
        rows.append(ExtraRow(block=block.labels[0], label=label, values=cells))
    return tuple(rows)


def _clamp_signed(v: int, limit: int) -> int:
    return max(-limit, min(v, limit))


def _active(
    draw: st.DrawFn, edition: Edition, counts: _Counts, limit: int
) -> ActiveDisclosure2021 | ActiveDisclosure2019:
    extra_rows = _extra_rows(draw, edition, counts, limit)
    if edition is Edition.STANDARD_2021:
        v = iter([min(x, limit) for x in counts.take(draw, 9)])
        return ActiveDisclosure2021(
            regulations=DocumentCounts2021(issued=next(v), repealed=next(v), in_force=next(v)),
            normative_documents=DocumentCounts2021(
                issued=next(v), repealed=next(v), in_force=next(v)
            ),
            licensing=next(v),
            punishment=next(v),
            enforcement=next(v),
            fees=draw(_FEES),
            extra_rows=extra_rows,
        )
    v = iter([min(x, limit) for x in counts.take(draw, 16)])
    changes = iter([_clamp_signed(x - 50, limit) for x in _digits(draw, 101, 5)])

    def items() -> ItemCounts2019:
        return ItemCounts2019(previous_items=next(v), change=next(changes), decisions=next(v))

    return ActiveDisclosure2019(
        regulations=DocumentCounts2019(
            new_made=next(v), new_published=next(v), total_published=next(v)
        ),
        normative_documents=DocumentCounts2019(
            new_made=next(v), new_published=next(v), total_published=next(v)
        ),
        licensing=items(),
        other_services=items(),
        punishment=items(),
        enforcement=items(),
        fees=FeeItems2019(previous_items=next(v), change=next(changes)),
        procurement=Procurement2019(
            projects=next(v),
            amount=Decimal(draw(_PROCUREMENT)),
            amount_unit=MoneyUnit.YUAN if draw(_BOOL) else None,
        ),
        extra_rows=extra_rows,
    )


_PROCUREMENT: Final = st.integers(0, 10**7)


def active_disclosures(
    *,
    editions: SearchStrategy[Edition] | Collection[Edition] | None = None,
    counts: SearchStrategy[int] | Collection[int] | None = None,
    max_count: int | None = None,
    blanks: Blanks | None = None,
    edition: Edition | None = None,
) -> SearchStrategy[ActiveDisclosure2021 | ActiveDisclosure2019]:
    """Table 二 (the form defines no rule between its cells; provincial extra rows drawn
    too). Both editions by default; ``edition=`` is ``editions=[edition]``."""
    edition_st = _editions(editions, edition, _TABLE_EDITIONS)
    c = _counts(counts)
    limit = _max_count(max_count)
    mode = _blanks(blanks)

    @st.composite
    def draw_table(draw: st.DrawFn) -> ActiveDisclosure2021 | ActiveDisclosure2019:
        table = _active(draw, draw(edition_st), c, limit)
        result: ActiveDisclosure2021 | ActiveDisclosure2019 = _with_blanks(draw, table, mode)
        return result

    return draw_table()


# --------------------------------------------------------------------------- blanks


def _evolve(obj: Any, dotted: str, value: Any) -> Any:
    head, _, rest = dotted.partition(".")
    if not rest:
        return attrs.evolve(obj, **{head: value})
    return attrs.evolve(obj, **{head: _evolve(getattr(obj, head), rest, value)})


@class_cache
def _cells(cls: type[Any]) -> tuple[Any, ...]:
    from govdisclosure.model import layout_of_table

    return layout_of_table(cls).cells


def _with_blanks(draw: st.DrawFn, table: Any, mode: Blanks | None) -> Any:
    """``table`` with some cells blank: any cell for ``"unknown"`` (a blank hides a figure:
    the sums with it are not checked), only cells that hold 0 for ``"zero"`` (the sums hold
    with blanks counted as 0). One draw says how many, one which."""
    if mode is None:
        return table
    n = draw(_BLANK_COUNT)
    if not n:
        return table
    cells = _cells(type(table))
    if mode == "zero":
        candidates = [c for c in cells if _is_zero(c.get_from_table(table))]
    else:
        candidates = list(cells)
    if not candidates:
        return table
    seed = draw(_SEED)
    chosen = {candidates[(seed >> (8 * i)) % len(candidates)] for i in range(n)}
    for cell in sorted(chosen, key=lambda c: c.key):
        table = _evolve(table, cell.key, None)
        if cell.unit_from is not None:  # no figure, no unit printed beside it
            table = _evolve(table, cell.unit_from, None)
    return table


def _is_zero(value: Any) -> bool:
    if value.__class__ is Amount:
        return bool(value.value == 0)
    return value is not None and value == 0


# --------------------------------------------------------------------------- narrative

_CITIES: Final = ("江河市", "青山县", "临海市", "白云区", "长宁县", "东湖市")
_BODIES: Final = (
    "自然资源和规划局",
    "民政局",
    "人民政府办公室",
    "生态环境局",
    "交通运输局",
    "教育局",
)
_AGENCIES: Final = st.sampled_from([c + b for c in _CITIES for b in _BODIES])
_SENTENCES: Final = (
    "坚持以公开为常态、不公开为例外,持续深化政务公开。",
    "进一步健全政府信息公开工作机制,明确专人负责。",
    "及时回应社会关切,做好政策解读工作。",
    "加强政府网站信息发布审核,确保信息准确权威。",
    "组织开展政务公开业务培训,提升工作人员业务能力。",
    "公开内容的深度和广度还需进一步拓展。",
    "下一步,将继续完善制度,推动政务公开标准化规范化建设。",
    "认真落实《中华人民共和国政府信息公开条例》,做到应公开尽公开。",
)
_SUBTITLES: Final = (
    "加强组织领导",
    "完善制度建设",
    "平台建设情况",
    "监督保障情况",
    "强化队伍建设",
    "规范工作流程",
)
"""Sub-section headings that name no item of the outline (GD601 reads a legacy report's
headings at every level) and none of 第五十条第四项 (GD602)."""
#: Paragraphs per section, sentences per paragraph, sub-sections per section: weighted
#: choices (mostly short, sometimes a long paragraph or several sub-sections).
_PARAGRAPHS: Final = (1, 1, 1, 2, 2, 3, 5, 0)
_LENGTHS: Final = (1, 1, 2, 2, 3, 5, 12, 40)
_SUBSECTIONS: Final = (0, 0, 0, 0, 0, 1, 2, 3)
_PROSE_SEED: Final = st.integers(0, 2**64 - 1)


def _prose(seed: int, *, depth: int = 0) -> tuple[list[str], tuple[Section, ...]]:
    """The paragraphs and sub-sections of a section, from one drawn seed: seed 0 (where
    shrinking ends) is one sentence and no sub-section."""
    if seed == 0:
        return [_SENTENCES[0]], ()
    rng = random.Random(seed)
    paragraphs = [
        "".join(rng.choice(_SENTENCES) for _ in range(rng.choice(_LENGTHS)))
        for _ in range(rng.choice(_PARAGRAPHS))
    ]
    if depth:
        return paragraphs, ()
    subsections = tuple(
        Section(
            ordinal=i + 1,
            title=rng.choice(_SUBTITLES),
            paragraphs=tuple(_prose(rng.getrandbits(64), depth=1)[0]),
        )
        for i in range(rng.choice(_SUBSECTIONS))
    )
    return paragraphs, subsections


def sections() -> SearchStrategy[Section]:
    """A section as reports write them: one of the edition's headings, prose of any length,
    sometimes sub-sections ``(一)…``."""
    headings = st.sampled_from(layout_of(Edition.STANDARD_2021).sections)

    @st.composite
    def draw_section(draw: st.DrawFn) -> Section:
        heading = draw(headings)
        paragraphs, subsections = _prose(draw(_PROSE_SEED))
        return Section(
            ordinal=heading.ordinal,
            title=heading.title,
            paragraphs=tuple(paragraphs),
            subsections=subsections,
        )

    return draw_section()


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


_MEASURES: Final = st.sampled_from(("条", "件", "篇"))
_PART_COUNT: Final = st.integers(2, 5)
_MONEY: Final = st.integers(0, 10**7)


def _legacy_facts(
    draw: st.DrawFn, section: int, limit: int
) -> tuple[list[str], list[Fact], list[Relation]]:
    """Paragraphs stating a count breakdown and a money balance, with their relations."""
    facts: list[Fact] = []
    measure = draw(_MEASURES)
    budget = _Budget(limit)
    parts = [budget.take(1 + v) for v in _digits(draw, 300, draw(_PART_COUNT))]
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
    income = draw(_MONEY)
    spent = draw(_MONEY) % (income + 1)
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


_PREAMBLE: Final = (
    "根据《中华人民共和国政府信息公开条例》规定,现公布本机关{year}年政府信息公开工作年度报告。"
)
_ARTICLE_50_4: Final = "本年度政府信息公开工作考核、社会评议均已完成,未发生责任追究情况。"
"""What 条例 第五十条第四项 asks a 人民政府's report to cover."""
_KINDS: Final = st.sampled_from(AgencyKind)


def _fee_paragraph(requests: Requests2021 | Requests2019 | None) -> str:
    unpaid = 0
    if isinstance(requests, Requests2021):
        unpaid = requests.other.unpaid_fee.total or 0
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
    review_counts: _Counts
    limit: int
    blanks: Blanks | None
    facts: bool | None  # None: legacy reports with or without facts; True: always


def _drawn_year(draw: st.DrawFn, args: _ReportArgs) -> tuple[Edition, int]:
    if args.years is None:
        assert args.editions is not None
        edition = draw(args.editions)
        if not isinstance(edition, Edition):
            raise InvalidArgument(f"editions must draw Edition members, drew {edition!r}")
        return edition, draw(_YEAR_STRATEGIES[edition])
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


def _report(draw: st.DrawFn, args: _ReportArgs) -> Report:
    edition, year = _drawn_year(draw, args)
    agency = _drawn_agency(draw, args)
    agency_kind = draw(_KINDS)
    kind = agency_kind
    if kind is AgencyKind.UNKNOWN:  # the rules read the kind from the name: so do we
        kind = infer_agency_kind(agency) or AgencyKind.UNKNOWN
    title = f"{agency}{year}年政府信息公开工作年度报告"
    # before the national deadline: 1月31日 (departments), 3月31日 for the legacy edition
    month = 3 if edition is Edition.LEGACY_2008 else 1
    signed = _dt.date(year + 1, month, draw(_DAY))
    layout = layout_of(edition)
    facts: list[Fact] = []
    relations: list[Relation] = []
    tables: dict[str, Any] = {"active": None, "requests": None, "reviews": None}
    if edition.has_tables:
        limit, counts = args.limit, args.counts
        active = _active(draw, edition, counts, limit)
        if kind.makes_regulations is False:  # no 规章 from a body that cannot make them
            regulations: Any = active.regulations
            zeros = dict.fromkeys(attrs.fields_dict(type(regulations)), 0)
            active = attrs.evolve(active, regulations=type(regulations)(**zeros))
        tables = {
            "active": active,
            "requests": _requests(draw, edition, counts, limit),
            "reviews": _reviews(draw, args.review_counts, limit),
        }
        if args.blanks is not None:
            absent = draw(_ABSENT)
            for bit, name in enumerate(("active", "requests", "reviews")):
                if absent >> bit & 1:
                    tables[name] = None
                else:
                    tables[name] = _with_blanks(draw, tables[name], args.blanks)
    requests = tables["requests"]
    legacy_facts = edition is Edition.LEGACY_2008 and (args.facts or draw(_BOOL))
    sections = []
    for s in layout.sections:
        paragraphs, subsections = _prose(draw(_PROSE_SEED))
        if legacy_facts and s.ordinal == 2:
            paragraphs, facts, relations = _legacy_facts(draw, s.ordinal, args.limit)
            year_own = draw(_mask(len(facts)))  # the year's own, or not said
            facts = [
                attrs.evolve(f, scope=FactScope.YEAR if year_own >> i & 1 else FactScope.UNKNOWN)
                for i, f in enumerate(facts)
            ]
        if s.ordinal == 3 and requests is not None and requests.new.total is not None:
            paragraphs.insert(
                0, f"本年度共收到政府信息公开申请{requests.new.total}件,均已按时办结。"
            )
        if s.ordinal == 5 and edition.has_tables and kind.is_government:
            paragraphs.append(_ARTICLE_50_4)
        if s.ordinal == 6 and edition.has_tables:
            paragraphs.append(_fee_paragraph(requests))
        if legacy_facts and s.ordinal == 2:
            subsections = ()
        sections.append(
            Section(
                ordinal=s.ordinal,
                title=s.title,
                paragraphs=tuple(paragraphs),
                subsections=subsections,
            )
        )
    return Report(
        agency=agency,
        year=year,
        edition=edition,
        title=title,
        agency_kind=agency_kind,
        metadata=Metadata(name=title, issuer=agency, published=signed),
        preamble=(_PREAMBLE.format(year=year),),
        sections=tuple(sections),
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
    """:func:`reports`, with ``facts=True`` for legacy reports that always state facts."""
    edition_set: frozenset[Edition] | None = None
    if editions is not None and not isinstance(editions, SearchStrategy):
        edition_set = frozenset(_members(editions, "editions"))
    year_st = None
    if years is not None:
        if isinstance(editions, SearchStrategy):
            raise InvalidArgument(
                "with years=, give editions= as a collection (or not at all): the year "
                "decides the edition"
            )
        year_st = _strategy(years, "years", st.nothing())
        if not isinstance(years, SearchStrategy):
            for y in years:
                if y.__class__ is not int or not MIN_YEAR <= y <= MAX_YEAR:
                    raise InvalidArgument(
                        f"years must hold ints from {MIN_YEAR} to {MAX_YEAR}, found {y!r}"
                    )
            if edition_set is not None:
                fitting = [y for y in years if Edition.for_year(y) in edition_set]
                if not fitting:
                    raise InvalidArgument(
                        f"no year of years={sorted(years)} belongs to editions="
                        f"{sorted(e.value for e in edition_set)}"
                    )
                year_st = st.sampled_from(fitting)
    edition_st: SearchStrategy[Edition] | None = None
    if year_st is None:
        if isinstance(editions, SearchStrategy):
            edition_st = editions
        elif edition_set is not None:
            edition_st = st.sampled_from(sorted(edition_set, key=lambda e: e.value))
        else:
            edition_st = st.sampled_from(Edition)
    if agencies is not None and not isinstance(agencies, SearchStrategy):
        if isinstance(agencies, str):
            raise InvalidArgument(
                f"agencies={agencies!r} must be a strategy or a collection of names"
            )
        for a in agencies:
            fault = bad_string(a)
            if fault is not None or not a.strip():
                raise InvalidArgument(f"agencies must hold names (str), found {a!r}")
    args = _ReportArgs(
        editions=edition_st,
        edition_set=edition_set,
        years=year_st,
        agencies=_strategy(agencies, "agencies", _AGENCIES),
        counts=_counts(counts),
        review_counts=_counts(counts, top=5),
        limit=_max_count(max_count),
        blanks=_blanks(blanks),
        facts=facts,
    )

    @st.composite
    def draw_report(draw: st.DrawFn) -> Report:
        return _report(draw, args)

    return draw_report()


# --------------------------------------------------------------------------- from_type


def _metadata() -> SearchStrategy[Metadata | None]:
    return _reports().map(lambda r: r.metadata)


def _legacy_facts_reports() -> SearchStrategy[Report]:
    return _reports(editions=[Edition.LEGACY_2008], facts=True)


def _by_type() -> dict[type[Any], Callable[[], SearchStrategy[Any]]]:
    """A strategy for every public record, for :func:`hypothesis.strategies.from_type`
    (registered lazily by the ``hypothesis`` entry point)."""
    twenty_one = functools.partial(requests_tables, editions=[Edition.STANDARD_2021])
    nineteen = functools.partial(requests_tables, editions=[Edition.TRIAL_2019])
    active21 = functools.partial(active_disclosures, editions=[Edition.STANDARD_2021])
    active19 = functools.partial(active_disclosures, editions=[Edition.TRIAL_2019])
    return {
        Report: reports,
        Amount: amounts,
        Quantity: quantities,
        Section: sections,
        ApplicantCounts: applicant_counts,
        Outcomes: outcomes,
        ReviewsAndLitigation: reviews_and_litigation,
        Requests2021: twenty_one,
        Requests2019: nineteen,
        ActiveDisclosure2021: active21,
        ActiveDisclosure2019: active19,
        Withheld: lambda: twenty_one().map(lambda t: t.withheld),
        Unable: lambda: twenty_one().map(lambda t: t.unable),
        NotProcessed: lambda: twenty_one().map(lambda t: t.not_processed),
        OtherHandling: lambda: twenty_one().map(lambda t: t.other),
        DocumentCounts2021: lambda: active21().map(lambda t: t.regulations),
        DocumentCounts2019: lambda: active19().map(lambda t: t.normative_documents),
        ItemCounts2019: lambda: active19().map(lambda t: t.licensing),
        FeeItems2019: lambda: active19().map(lambda t: t.fees),
        Procurement2019: lambda: active19().map(lambda t: t.procurement),  # type: ignore[union-attr]
        ExtraRow: lambda: st.builds(
            ExtraRow,
            block=st.just("第二十条第(一)项"),
            label=st.sampled_from(_EXTRA_LABELS),
            values=st.tuples(st.none() | _COUNT, st.none() | _COUNT, st.none() | _COUNT),
        ),
        Metadata: _metadata,
        Signature: lambda: _reports().map(lambda r: r.signature),
        Period: lambda: st.integers(MIN_YEAR, MAX_YEAR).map(Period.calendar_year),
        Fact: lambda: _legacy_facts_reports().flatmap(lambda r: st.sampled_from(r.facts)),
        Location: lambda: _legacy_facts_reports().flatmap(
            lambda r: st.sampled_from([f.location for f in r.facts])
        ),
        Relation: lambda: _legacy_facts_reports().flatmap(lambda r: st.sampled_from(r.relations)),
    }
