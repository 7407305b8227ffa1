"""Tables 二, 三 and 四, drawn from the layouts: which cells a table has, their kinds and the
rows the form's sums relate all come from :mod:`govdisclosure.layout`, and the model's table
class is filled from the drawn cells at their dotted keys — so an edition added to the layout
is drawn with no change here.

Totals are computed from drawn parts, never filtered: 表三's 总计 column, (七)总计 row and
一 + 二 = (七)总计 + 四 per column, 表四's 总计 per group.
"""

from __future__ import annotations

import functools
import operator
import typing
from collections.abc import Callable, Collection, Iterator, Sequence
from decimal import Decimal
from typing import Any, Final

import attrs
from hypothesis import strategies as st

from govdisclosure.layout import (
    BlockLayout,
    CellKind,
    CellLayout,
    ColumnLayout,
    Edition,
    layout_of,
)
from govdisclosure.model import (
    ActiveDisclosure2019,
    ActiveDisclosure2021,
    ApplicantCounts,
    ExtraRow,
    Outcomes,
    Requests2019,
    Requests2021,
    ReviewsAndLitigation,
    layout_of_table,
    table_class,
)
from govdisclosure.model._checks import class_cache
from govdisclosure.model._readers import set_at
from govdisclosure.money import Amount, MoneyUnit
from govdisclosure.testing._draws import (
    _BLANK_COUNT,
    _BOOL,
    _SEED,
    Blanks,
    SearchStrategy,
    _blanks,
    _Budget,
    _Counts,
    _counts,
    _digits,
    _editions,
    _mask,
    _max_count,
    amounts,
)

__all__ = [
    "active_disclosures",
    "applicant_counts",
    "outcomes",
    "requests_tables",
    "reviews_and_litigation",
]

_TABLE_EDITIONS: Final = tuple(e for e in reversed(Edition) if layout_of(e).tables)
"""The editions with tables, newest first (shrinking goes towards it; ``Edition`` lists
them oldest first)."""

_TOTAL: Final = "total"
"""The key of a totalled row's 总计 column, and of table 三's (七)总计 row."""
_R1: Final = ("new", "carried_over", "total", "carried_forward")
"""The rows of table 三 that R1 relates (一 + 二 = (七)总计 + 四): every other row is an
outcome, summed by (七)总计."""
_REVIEW_TOP: Final = 5
"""Table 四's cells are drawn from 0 to this by default (few agencies face many cases)."""


# --------------------------------------------------------------------------- building


@class_cache
def _field_types(cls: type[Any]) -> dict[str, Any]:
    """The type of each attrs field of ``cls``, ``X | None`` read as ``X``."""
    hints = typing.get_type_hints(cls)
    out = {}
    for field in attrs.fields(cls):
        hint = hints[field.name]
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        out[field.name] = args[0] if len(args) == 1 else hint
    return out


def _construct(cls: type[Any], tree: dict[str, Any]) -> Any:
    types = _field_types(cls)
    return cls(
        **{
            name: _construct(types[name], value) if isinstance(value, dict) else value
            for name, value in tree.items()
        }
    )


def _build(cls: type[Any], values: dict[str, Any]) -> Any:
    """The table ``cls`` with ``values`` (figures or row records) at their dotted keys
    (``"withheld.third_party.total"``, ``"withheld.third_party"``)."""
    tree: dict[str, Any] = {}
    for key, value in values.items():
        if not set_at(tree, key, value):
            raise ValueError(f"two values for {key!r} in {sorted(values)}")
    return _construct(cls, tree)


def _class(edition: Edition, attribute: str) -> type[Any]:
    """The model's class of the table at ``attribute`` in reports of ``edition``."""
    cls = table_class(edition, attribute)
    if cls is None:
        raise KeyError(f"{edition.value} has no table at {attribute!r}")
    return cls


def _parts(columns: Sequence[ColumnLayout]) -> tuple[str, ...]:
    """The keys of the columns a totalled row's 总计 sums."""
    return tuple(str(c.key) for c in columns if c.key != _TOTAL)


_RECORDS: dict[tuple[type[Any], str], type[Any]] = {}


def _record(cls: type[Any], row: str) -> type[Any]:
    """The record class of row ``row`` (a dotted key) of the table ``cls``."""
    try:
        return _RECORDS[cls, row]
    except KeyError:
        owner = cls
        for name in row.split("."):
            owner = _field_types(owner)[name]
        _RECORDS[cls, row] = owner
        return owner


def _totalled(cls: type[Any], row: str, parts: Sequence[str], values: Sequence[int]) -> Any:
    """The record of row ``row`` of ``cls``: its parts, and their sum in the 总计 column."""
    return _record(cls, row)(**dict(zip(parts, values, strict=True)), **{_TOTAL: sum(values)})


# --------------------------------------------------------------------------- rows


def _row(parts: list[int]) -> ApplicantCounts:
    return ApplicantCounts(**dict(_totalled_fields(ApplicantCounts.COLUMNS, parts)))


def _totalled_fields(columns: Sequence[str], values: Sequence[int]) -> Iterator[tuple[str, int]]:
    parts = [c for c in columns if c != _TOTAL]
    yield from zip(parts, values, strict=True)
    yield _TOTAL, sum(values)


def _sparse_rows(
    draw: st.DrawFn, counts: _Counts, budget: _Budget, n: int, width: int = 6
) -> list[list[int]]:
    """``n`` rows of ``width`` counts (table 三's applicant types), most of them 0: a mask
    says which rows have applicants (the first always), two more which organisations (the
    first column, 自然人, most often); the values come after, in as few draws as the source
    allows."""
    others = width - 1
    rows_mask = draw(_mask(n)) | 1
    orgs = draw(_mask(others * n)) & draw(_mask(others * n))
    where = []
    for r in range(n):
        if rows_mask >> r & 1:
            where.append((r, 0))
            where += [(r, 1 + b) for b in range(others) if orgs >> (others * r + b) & 1]
    values = counts.take(draw, len(where))
    rows = [[0] * width for _ in range(n)]
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
    return Outcomes(**dict(_totalled_fields(Outcomes.COLUMNS, [budget.take(v) for v in parts])))


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
        return _group(c.take(draw, len(Outcomes.COLUMNS) - 1), limit)

    return draw_group()


# --------------------------------------------------------------------------- table 四


@class_cache
def _blocks_with_parts(cls: type[Any]) -> tuple[tuple[BlockLayout, tuple[str, ...]], ...]:
    return tuple((b, _parts(b.columns)) for b in layout_of_table(cls).blocks)


@class_cache
def _zeros(cls: type[Any]) -> Any:
    return _build(cls, {cell.key: 0 for cell in layout_of_table(cls).cells})


def _reviews(draw: st.DrawFn, cls: type[Any], counts: _Counts, limit: int) -> Any:
    """Every row totalled, each within ``limit``; most agencies face no case at all."""
    if not draw(_BOOL):
        return _zeros(cls)
    counts = counts.at_most(_REVIEW_TOP)
    values: dict[str, Any] = {}
    for block, parts in _blocks_with_parts(cls):
        drawn = counts.take(draw, len(parts) * len(block.rows))
        for i, row in enumerate(block.rows):
            budget = _Budget(limit)
            taken = [budget.take(v) for v in drawn[i * len(parts) : (i + 1) * len(parts)]]
            values[row.key] = _totalled(cls, row.key, parts, taken)
    return _build(cls, values)


def reviews_and_litigation(
    *,
    counts: SearchStrategy[int] | Collection[int] | None = None,
    max_count: int | None = None,
    blanks: Blanks | None = None,
) -> SearchStrategy[ReviewsAndLitigation]:
    """Table 四 with every group's 总计 computed (0–5 cases per cell by default)."""
    c = _counts(counts, top=_REVIEW_TOP)
    limit = _max_count(max_count)
    mode = _blanks(blanks)

    @st.composite
    def draw_table(draw: st.DrawFn) -> ReviewsAndLitigation:
        table = _reviews(draw, ReviewsAndLitigation, c, limit)
        result: ReviewsAndLitigation = _with_blanks(draw, table, mode)
        return result

    return draw_table()


# --------------------------------------------------------------------------- table 三


@class_cache
def _requests_shape(cls: type[Any]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Table 三's outcome rows and the columns its 总计 sums."""
    (block,) = layout_of_table(cls).blocks
    return tuple(r.key for r in block.rows if r.key not in _R1), _parts(block.columns)


def _requests(draw: st.DrawFn, cls: type[Any], counts: _Counts, limit: int) -> Any:
    """Per column: 一 + 二 = (七)总计 + 四; the outcomes drawn first, 四 too, then 一 + 二
    split. The budget keeps Σ(outcomes + 四) — hence every total — within ``limit``."""
    outcome_rows, parts = _requests_shape(cls)
    *outcome, forward = _sparse_rows(
        draw, counts, _Budget(limit), len(outcome_rows) + 1, len(parts)
    )
    total = [sum(column) for column in zip(*outcome, strict=True)]
    new, over = [], []
    for t, f, k in zip(total, forward, _digits(draw, 5, len(parts)), strict=True):
        handled = t + f
        carried = k * handled // 12
        over.append(carried)
        new.append(handled - carried)
    values: dict[str, Any] = {}
    keys = ("new", "carried_over", *outcome_rows, "total", "carried_forward")
    for key, row in zip(keys, (new, over, *outcome, total, forward), strict=True):
        values[key] = _totalled(cls, key, parts, row)
    return _build(cls, values)


def requests_tables(
    *,
    editions: SearchStrategy[Edition] | Collection[Edition] | None = None,
    counts: SearchStrategy[int] | Collection[int] | None = None,
    max_count: int | None = None,
    blanks: Blanks | None = None,
    edition: Edition | None = None,
) -> SearchStrategy[Requests2021 | Requests2019]:
    """Table 三 for which R1–R3 hold in every row and column (every edition with tables by
    default; ``edition=`` is ``editions=[edition]``). No cell exceeds ``max_count``.

    >>> from hypothesis import given
    >>> @given(requests_tables())
    ... def test(t):
    ...     assert t.total == t.computed_total
    >>> test()
    """
    return _table_strategy("requests", editions, edition, counts, max_count, blanks)


def _table_strategy(
    attribute: str, editions: Any, edition: Any, counts: Any, max_count: Any, blanks: Any
) -> SearchStrategy[Any]:
    edition_st = _editions(editions, edition, _TABLE_EDITIONS)
    c = _counts(counts)
    limit = _max_count(max_count)
    mode = _blanks(blanks)
    drawer = _DRAWERS[attribute]

    @st.composite
    def draw_table(draw: st.DrawFn) -> Any:
        cls = _class(draw(edition_st), attribute)
        return _with_blanks(draw, drawer(draw, cls, c, limit), mode)

    return draw_table()


# --------------------------------------------------------------------------- table 二

_EXTRA_LABELS: Final = ("其他主动公开文件", "其他事项", "政府信息公开指南 (修订)")
_FEES: Final = amounts(units=[MoneyUnit.WAN_YUAN], max_value=10**4, places=[0, 1, 2])
_PROCUREMENT: Final = st.integers(0, 10**7)
_EXTRA_COUNT: Final = st.sampled_from((0, 0, 0, 1, 2))


@class_cache
def _extra_blocks(cls: type[Any]) -> tuple[tuple[BlockLayout, ...], SearchStrategy[int]]:
    """The blocks that take extra rows, and a draw of (block, label) as one integer."""
    blocks = tuple(b for b in layout_of_table(cls).blocks if b.counts_only)
    return blocks, st.integers(0, len(blocks) * len(_EXTRA_LABELS) - 1)


def _extra_rows(
    draw: st.DrawFn, cls: type[Any], counts: _Counts, limit: int
) -> tuple[ExtraRow, ...]:
    """Provincial extension rows in table 二's blocks of counts, one label once per block."""
    rows = []
    used: set[tuple[str, str]] = set()
    blocks, which = _extra_blocks(cls)
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


@class_cache
def _by_kind(cls: type[Any]) -> dict[str, tuple[CellLayout, ...]]:
    cells = layout_of_table(cls).cells
    return {k: tuple(c for c in cells if c.kind == k) for k in typing.get_args(CellKind)}


def _active(
    draw: st.DrawFn, cls: type[Any], counts: _Counts, limit: int
) -> ActiveDisclosure2021 | ActiveDisclosure2019:
    """Every cell drawn by its kind: counts (in one draw), signed changes, amounts, then the
    bare decimals with the unit the report may print beside them."""
    values: dict[str, Any] = {"extra_rows": _extra_rows(draw, cls, counts, limit)}
    kinds = _by_kind(cls)
    for cell, v in zip(kinds["count"], counts.take(draw, len(kinds["count"])), strict=True):
        values[cell.key] = min(v, limit)
    changes = _digits(draw, 101, len(kinds["signed"]))
    for cell, d in zip(kinds["signed"], changes, strict=True):
        values[cell.key] = _clamp_signed(d - 50, limit)
    for cell in kinds["amount"]:
        values[cell.key] = draw(_FEES)
    for cell in kinds["decimal"]:
        values[cell.key] = Decimal(draw(_PROCUREMENT))
        if cell.unit_from is not None:
            values[cell.unit_from] = MoneyUnit.YUAN if draw(_BOOL) else None
    result: ActiveDisclosure2021 | ActiveDisclosure2019 = _build(cls, values)
    return result


def active_disclosures(
    *,
    editions: SearchStrategy[Edition] | Collection[Edition] | None = None,
    counts: SearchStrategy[int] | Collection[int] | None = None,
    max_count: int | None = None,
    blanks: Blanks | None = None,
    edition: Edition | None = None,
) -> SearchStrategy[ActiveDisclosure2021 | ActiveDisclosure2019]:
    """Table 二 (the form defines no rule between its cells; provincial extra rows drawn
    too). Every edition with tables by default; ``edition=`` is ``editions=[edition]``."""
    return _table_strategy("active", editions, edition, counts, max_count, blanks)


_DRAWERS: Final[dict[str, Callable[[st.DrawFn, type[Any], _Counts, int], Any]]] = {
    "active": _active,
    "requests": _requests,
    "reviews": _reviews,
}
"""How each table is drawn, by the report attribute that holds it."""


def _tables(draw: st.DrawFn, edition: Edition, counts: _Counts, limit: int) -> dict[str, Any]:
    """Every table of ``edition``, by report attribute, in the order of their numbers."""
    return {
        t.attribute: _DRAWERS[t.attribute](draw, _class(edition, t.attribute), counts, limit)
        for t in layout_of(edition).tables
    }


# --------------------------------------------------------------------------- blanks


def _evolve(obj: Any, dotted: str, value: Any) -> Any:
    head, _, rest = dotted.partition(".")
    if not rest:
        return attrs.evolve(obj, **{head: value})
    return attrs.evolve(obj, **{head: _evolve(getattr(obj, head), rest, value)})


def _with_blanks(draw: st.DrawFn, table: Any, mode: Blanks | None) -> Any:
    """``table`` with some cells blank: any cell for ``"unknown"`` (a blank hides a figure:
    the sums with it are not checked), only cells that hold 0 for ``"zero"`` (the sums hold
    with blanks counted as 0). One draw says how many, one which."""
    if mode is None:
        return table
    n = draw(_BLANK_COUNT)
    if not n:
        return table
    cells = layout_of_table(type(table)).cells
    if mode == "zero":
        candidates = [c for c in cells if _is_zero(c.get_from_table(table))]
    else:
        candidates = list(cells)
    if not candidates:
        return table
    seed = draw(_SEED)
    chosen = {candidates[(seed >> (8 * i)) % len(candidates)] for i in range(n)}
    for cell in sorted(chosen, key=operator.attrgetter("key")):
        table = _evolve(table, cell.key, None)
        if cell.unit_from is not None:  # no figure, no unit printed beside it
            table = _evolve(table, cell.unit_from, None)
    return table


def _is_zero(value: Any) -> bool:
    if value.__class__ is Amount:
        return bool(value.value == 0)
    return value is not None and value == 0


@functools.cache
def _records() -> dict[type[Any], tuple[Edition, str, str]]:
    """Every row record of the tables drawn here: where it is first found (edition, table
    attribute, dotted path), for :func:`hypothesis.strategies.from_type`."""
    out: dict[type[Any], tuple[Edition, str, str]] = {}

    def walk(cls: type[Any], where: tuple[Edition, str], prefix: str) -> None:
        for name, hint in _field_types(cls).items():
            if isinstance(hint, type) and attrs.has(hint):
                path = f"{prefix}{name}"
                out.setdefault(hint, (*where, path))
                walk(hint, where, path + ".")

    for edition in _TABLE_EDITIONS:
        for attribute in ("requests", "active"):
            walk(_class(edition, attribute), (edition, attribute), "")
    return out
