"""The tables of the 2019 and 2021 editions, each bound to its layout.

A table checks what it holds itself when it is built — each row is a record of its class
(each row checked its own cells, see :mod:`.rows`), the 2021 table 二's counts and fee, the
2019 采购总金额, the provincial extra rows — and raises :class:`~govdisclosure.StructureError`
naming every problem by its report path (``$.active.fees``) and the official label the
layout gives it (:attr:`~govdisclosure.layout.CellLayout.label`). The binding runs one way:
the model reads :mod:`govdisclosure.layout`, never the reverse; the classes are bound to their
layouts at the end of this module (:func:`~govdisclosure.model._binding.bind`).

Every table has four builders, each giving a complete table that checks clean from the
figures given (see :mod:`.builders`): ``build(**rows)`` by attribute, ``from_grid`` from rows
of numbers under the printed labels, ``from_cells`` from tidy cells, ``from_keys`` from dotted
keys. What is not given is 0 (blank with ``blank=True``); totals not given are computed.

>>> table_class(Edition.STANDARD_2021, "requests").__name__
'Requests2021'
>>> layout_of_table(Requests2019).number
'三'
"""

from __future__ import annotations

import operator
import typing
from typing import TYPE_CHECKING, Any, Final, Self

import attrs

from govdisclosure.errors import Problem, StructureError
from govdisclosure.layout import JOIN, MAX_COUNT, Edition, label_key
from govdisclosure.layout.match import is_official_row
from govdisclosure.model._binding import (
    bind,
    cell_labels,
    layout_of_table,
    signed_fields,
    table_class,
    table_classes,
)
from govdisclosure.model._checks import (
    bad_count,
    bad_instance,
    class_cache,
    decimal_in_bounds,
    describe,
)
from govdisclosure.model.builders import RequestsTotals, TableBuilders, build_table, check_names
from govdisclosure.model.rows import (
    ApplicantCounts,
    DocumentCounts2019,
    DocumentCounts2021,
    ExtraRow,
    FeeItems2019,
    ItemCounts2019,
    NotProcessed,
    OtherHandling,
    Outcomes,
    Procurement2019,
    Unable,
    Withheld,
)
from govdisclosure.money import Amount, MoneyUnit

__all__ = [
    "ActiveDisclosure2019",
    "ActiveDisclosure2021",
    "Requests2019",
    "Requests2021",
    "ReviewsAndLitigation",
    "layout_of_table",
    "signed_fields",
    "table_class",
    "table_classes",
]

_MAX: Final = MAX_COUNT


# --------------------------------------------------------------------------- checks


@class_cache
def _field_names(cls: type[Any]) -> tuple[str, ...]:
    return tuple(f.name for f in attrs.fields(cls))


@class_cache
def _records_of(cls: type[Any]) -> tuple[tuple[str, type[Any]], ...]:
    """The fields of a table that hold records (rows, groups), with the records' classes."""
    hints = typing.get_type_hints(cls)
    return tuple((f.name, hints[f.name]) for f in attrs.fields(cls) if attrs.has(hints[f.name]))


@class_cache
def _classes_of(cls: type[Any]) -> tuple[Any, tuple[type[Any], ...]]:
    """A getter of a table's record fields, and the classes they must have (the fast check)."""
    names = tuple(name for name, _ in _records_of(cls))
    return operator.attrgetter(*names), tuple(c for _, c in _records_of(cls))


@class_cache
def _count_names(cls: type[Any]) -> tuple[str, ...]:
    """The fields of a table that hold a count themselves (the 2021 table 二's 第二十条 rows)."""
    hints = typing.get_type_hints(cls)
    return tuple(f.name for f in attrs.fields(cls) if hints[f.name] == int | None)


@class_cache
def _count_getter(cls: type[Any]) -> Any:
    return operator.attrgetter(*_count_names(cls))


def _counts_of(table: object) -> tuple[int | None, ...]:
    """The count fields of ``table`` (at least two: the one table that has any has three)."""
    counts: tuple[int | None, ...] = _count_getter(type(table))(table)
    return counts


def _records_ok(table: object) -> bool:
    """Whether every record field of ``table`` holds a record of its class."""
    get, classes = _classes_of(type(table))
    return tuple(map(type, get(table))) == classes


def _field_problems(table: Any) -> list[Problem]:
    """Each field of ``table`` that does not hold a record of its class."""
    attribute = layout_of_table(type(table)).attribute
    labels = cell_labels(type(table))
    problems = []
    for name, cls in _records_of(type(table)):
        fault = bad_instance(getattr(table, name), cls)
        if fault is not None:
            path = f"$.{attribute}.{name}"
            problems.append(Problem(path, fault, labels.get(path)))
    return problems


def _count_problems(table: Any, names: tuple[str, ...]) -> list[Problem]:
    attribute = layout_of_table(type(table)).attribute
    labels = cell_labels(type(table))
    problems = []
    for name in names:
        fault = bad_count(getattr(table, name))
        if fault is not None:
            path = f"$.{attribute}.{name}"
            problems.append(Problem(path, fault, labels.get(path)))
    return problems


def _extra_row_problems(table: object, rows: object) -> list[Problem]:
    """Extra rows stand in a block of counts, with one value per column, under a label that
    is none of the block's official rows nor another extra row's (the layout says which)."""
    layout = layout_of_table(type(table))
    base = f"$.{layout.attribute}.extra_rows"
    if rows.__class__ is not tuple:
        fix = "; write a tuple: tuple(...)" if isinstance(rows, list) else ""
        return [Problem(base, f"expected a tuple of ExtraRow, found {describe(rows)}{fix}")]
    blocks = {b.labels[0]: b for b in layout.blocks if b.counts_only}
    problems = []
    for i, row in enumerate(rows):
        path = f"{base}[{i}]"
        if row.__class__ is not ExtraRow:
            problems.append(Problem(path, f"expected an ExtraRow, found {describe(row)}"))
            continue
        block = blocks.get(row.block)
        if block is None:
            expected = ", ".join(blocks)
            problems.append(
                Problem(f"{path}.block", f"expected one of {expected}, found {row.block!r}")
            )
            continue
        # The label as printed: spaces around it and a label printed twice are kept (tidy rows
        # tell the rows apart by their path); a label with no words at all is no row.
        if not label_key(row.label):
            problems.append(Problem(f"{path}.label", f"expected a row label, found {row.label!r}"))
            continue
        if is_official_row(block, row.label):
            problems.append(
                Problem(
                    f"{path}.label",
                    f"{row.label!r} is an official row of {row.block}, not an extra row",
                )
            )
        if len(row.values) != len(block.columns):
            problems.append(
                Problem(
                    f"{path}.values",
                    f"expected {len(block.columns)} values for {row.block}, "
                    f"found {len(row.values)}",
                    row.label,
                )
            )
            continue
        for j, (v, col) in enumerate(zip(row.values, block.columns, strict=True)):
            if not col.signed and v is not None and v < 0:
                problems.append(
                    Problem(
                        f"{path}.values[{j}]",
                        f"expected a whole number >= 0 or null, found {v!r}",
                        f"{row.block}{JOIN}{row.label} | {JOIN.join(col.labels)}",
                    )
                )
    return problems


def _order_extra_rows(table: Any) -> None:
    """Keep the extra rows in the order of their blocks (stable within a block)."""
    rows = table.extra_rows
    order = [b.labels[0] for b in layout_of_table(type(table)).blocks if b.labels]
    in_order = tuple(sorted(rows, key=lambda r: order.index(r.block)))
    if in_order != rows:
        object.__setattr__(table, "extra_rows", in_order)


def _check_extra_rows(table: Any) -> None:
    problems = _extra_row_problems(table, table.extra_rows)
    if problems:
        raise StructureError(problems)
    _order_extra_rows(table)


class _Table(TableBuilders):
    """What every table shares: the builders, and its one-line summary."""

    __slots__ = ()

    @classmethod
    def build(cls, *, blank: bool = False, **rows: Any) -> Self:
        """A complete table from its rows given by attribute: each a record, a mapping of
        its columns (or sub-rows), a sequence of figures in column order, or ``None`` (a
        blank row). What is not given is 0 (blank with ``blank=True``); totals not given are
        computed (see :mod:`.builders`); a name that is no field of the table is refused."""
        check_names(cls, rows, _field_names(cls))
        result: Self = build_table(cls, rows, blank=blank)
        return result

    def _repr_pretty_(self, p: Any, cycle: bool) -> None:
        """One line for Hypothesis and IPython: the table's class and its stated totals."""
        p.text(_summary(self))


def _summary(table: Any) -> str:
    name = type(table).__name__
    if isinstance(table, _RequestsBase):
        return (
            f"<{name} 一={table.new.total} 二={table.carried_over.total} "
            f"(七)总计={table.total.total} 四={table.carried_forward.total}>"
        )
    if isinstance(table, ReviewsAndLitigation):
        return f"<{name} " + " ".join(f"{g.total}" for g in table.groups()) + ">"
    return f"<{name} extra_rows={len(table.extra_rows)}>"


# --------------------------------------------------------------------------- table 二


@attrs.frozen(kw_only=True)
class ActiveDisclosure2021(_Table):
    """Table 二 of the 2021 edition: 主动公开政府信息情况 (nine counts and one amount).

    :meth:`build` makes a complete table: what is not given is 0 (fee ``0万元``), blank with
    ``blank=True``; an explicit ``None`` is blank. The fee is an :class:`Amount` in 万元 or
    its value in 万元 (``Decimal``, ``int`` or a decimal string such as ``"20.30"``).

    >>> t = ActiveDisclosure2021.build(licensing=12, fees="20.30")
    >>> t.punishment, str(t.fees), t.regulations.cells()
    (0, '20.30万元', (0, 0, 0))

    >>> t = ActiveDisclosure2021(fees=Amount("20.30", MoneyUnit.WAN_YUAN), licensing=12)
    >>> str(t.fees)
    '20.30万元'
    """

    regulations: DocumentCounts2021 = attrs.field(factory=DocumentCounts2021)
    normative_documents: DocumentCounts2021 = attrs.field(factory=DocumentCounts2021)
    licensing: int | None = None
    punishment: int | None = None
    enforcement: int | None = None
    fees: Amount | None = None
    extra_rows: tuple[ExtraRow, ...] = ()

    def __attrs_post_init__(self) -> None:
        fees = self.fees
        for v in _counts_of(self):
            if v is not None and (v.__class__ is not int or not 0 <= v <= _MAX):
                break
        else:
            if _records_ok(self) and (
                fees is None
                or (
                    fees.__class__ is Amount
                    and fees.unit is MoneyUnit.WAN_YUAN
                    and fees.value >= 0
                    and decimal_in_bounds(fees.value)
                )
            ):
                if self.extra_rows != ():
                    _check_extra_rows(self)
                return
        problems = _field_problems(self)
        problems += _count_problems(self, _count_names(type(self)))
        if fees is not None and not (
            fees.__class__ is Amount
            and fees.unit is MoneyUnit.WAN_YUAN
            and fees.value >= 0
            and decimal_in_bounds(fees.value)
        ):
            problems.append(
                Problem(
                    "$.active.fees",
                    "expected an amount >= 0 in 万元 (at most MAX_DIGITS digits and "
                    f"MAX_PLACES decimal places) or null, found {describe(fees)}",
                    cell_labels(ActiveDisclosure2021)["$.active.fees"],
                )
            )
        if self.extra_rows != ():
            problems += _extra_row_problems(self, self.extra_rows)
        raise StructureError(problems)


@attrs.frozen(kw_only=True)
class ActiveDisclosure2019(_Table):
    """Table 二 of the trial 2019 edition, with its signed 本年增/减 columns.

    :meth:`build` makes a complete table: what is not given is 0 (采购总金额 0, no unit),
    blank with ``blank=True``; an explicit ``None`` is blank.

    >>> t = ActiveDisclosure2019.build(licensing={"previous_items": 716, "change": -417})
    >>> t.licensing.cells(), t.procurement.amount
    ((716, -417, 0), Decimal('0'))
    """

    regulations: DocumentCounts2019 = attrs.field(factory=DocumentCounts2019)
    normative_documents: DocumentCounts2019 = attrs.field(factory=DocumentCounts2019)
    licensing: ItemCounts2019 = attrs.field(factory=ItemCounts2019)
    other_services: ItemCounts2019 = attrs.field(factory=ItemCounts2019)
    punishment: ItemCounts2019 = attrs.field(factory=ItemCounts2019)
    enforcement: ItemCounts2019 = attrs.field(factory=ItemCounts2019)
    fees: FeeItems2019 = attrs.field(factory=FeeItems2019)
    procurement: Procurement2019 = attrs.field(factory=Procurement2019)
    extra_rows: tuple[ExtraRow, ...] = ()

    def __attrs_post_init__(self) -> None:
        if not _records_ok(self):
            problems = _field_problems(self)
            if self.extra_rows != ():
                problems += _extra_row_problems(self, self.extra_rows)
            raise StructureError(problems)
        if self.extra_rows != ():
            _check_extra_rows(self)


# --------------------------------------------------------------------------- table 三


@attrs.frozen(kw_only=True)
class _RequestsBase(_Table, RequestsTotals):
    """What the two editions' table 三 share: every row but (六)其他处理, and the sums.

    :meth:`build` makes a complete table 三 from the rows given. Rows and sub-rows not given
    are rows of 0 (blank rows with ``blank=True``; ``None`` is a blank row); a mapping of
    columns is built with :meth:`ApplicantCounts.build`, a mapping of sub-rows with
    :meth:`Withheld.build` and its kin. (七)总计 is computed from the outcome rows and
    四、结转下年度继续办理 as 一 + 二 − (七)总计, per column, unless given; when the outcomes
    exceed 一 + 二 the error says in which column and by how much.
    """

    new: ApplicantCounts = attrs.field(factory=ApplicantCounts)
    carried_over: ApplicantCounts = attrs.field(factory=ApplicantCounts)
    granted: ApplicantCounts = attrs.field(factory=ApplicantCounts)
    partly_granted: ApplicantCounts = attrs.field(factory=ApplicantCounts)
    withheld: Withheld = attrs.field(factory=Withheld)
    unable: Unable = attrs.field(factory=Unable)
    not_processed: NotProcessed = attrs.field(factory=NotProcessed)

    def _other_rows(self) -> tuple[ApplicantCounts, ...]:
        raise NotImplementedError  # pragma: no cover - each edition's class says

    def rows(self) -> tuple[ApplicantCounts, ...]:
        """All rows in official order (25 in 2021, 23 in 2019)."""
        return (
            self.new,
            self.carried_over,
            self.granted,
            self.partly_granted,
            *self.withheld.rows(),
            *self.unable.rows(),
            *self.not_processed.rows(),
            *self._other_rows(),
            self.total,
            self.carried_forward,
        )

    @property
    def outcome_rows(self) -> tuple[ApplicantCounts, ...]:
        """The rows that (七)总计 sums: (一), (二), (三)1–8, (四)1–3, (五)1–5 and (六)."""
        return self.rows()[2:-2]

    @property
    def computed_total(self) -> ApplicantCounts:
        """The (七)总计 row as the outcome rows add up (blank cells count as 0)."""
        return ApplicantCounts.sum(self.outcome_rows)

    if TYPE_CHECKING:  # declared by each edition's class, after its ``other``
        total: ApplicantCounts
        carried_forward: ApplicantCounts
        other: Any

    def __attrs_post_init__(self) -> None:
        if not _records_ok(self):
            raise StructureError(_field_problems(self))


@attrs.frozen(kw_only=True)
class Requests2021(_RequestsBase):
    """Table 三 of the 2021 edition: 25 rows by 7 columns.

    ``total`` is the (七)总计 row as stated; :attr:`outcome_rows` are the rows it sums.

    >>> t = Requests2021.build(new={"natural_person": 2}, granted={"natural_person": 2})
    >>> t.total.natural_person, t.carried_forward.natural_person, t.withheld.state_secret.total
    (2, 0, 0)
    """

    other: OtherHandling = attrs.field(factory=OtherHandling)
    total: ApplicantCounts = attrs.field(factory=ApplicantCounts)
    carried_forward: ApplicantCounts = attrs.field(factory=ApplicantCounts)

    def _other_rows(self) -> tuple[ApplicantCounts, ...]:
        return self.other.rows()


@attrs.frozen(kw_only=True)
class Requests2019(_RequestsBase):
    """Table 三 of the trial 2019 edition: 23 rows, (六)其他处理 a single row."""

    other: ApplicantCounts = attrs.field(factory=ApplicantCounts)
    total: ApplicantCounts = attrs.field(factory=ApplicantCounts)
    carried_forward: ApplicantCounts = attrs.field(factory=ApplicantCounts)

    def _other_rows(self) -> tuple[ApplicantCounts, ...]:
        return (self.other,)


# --------------------------------------------------------------------------- table 四


@attrs.frozen(kw_only=True)
class ReviewsAndLitigation(_Table):
    """Table 四: 行政复议 and the two 行政诉讼 groups, each with five cells.

    :meth:`build` makes a complete table 四: groups not given are 0 (blank with
    ``blank=True``); a mapping is built with :meth:`Outcomes.build`, its 总计 computed.

    >>> ReviewsAndLitigation.build(review={"upheld": 1}).review.cells()
    (1, 0, 0, 0, 1)
    """

    review: Outcomes = attrs.field(factory=Outcomes)
    litigation_direct: Outcomes = attrs.field(factory=Outcomes)
    litigation_after_review: Outcomes = attrs.field(factory=Outcomes)

    def groups(self) -> tuple[Outcomes, Outcomes, Outcomes]:
        """The three groups in official order."""
        return (self.review, self.litigation_direct, self.litigation_after_review)

    def __attrs_post_init__(self) -> None:
        if not _records_ok(self):
            raise StructureError(_field_problems(self))


# --------------------------------------------------------------------------- the binding

bind(
    Edition.STANDARD_2021,
    {"二": ActiveDisclosure2021, "三": Requests2021, "四": ReviewsAndLitigation},
)
bind(
    Edition.TRIAL_2019,
    {"二": ActiveDisclosure2019, "三": Requests2019, "四": ReviewsAndLitigation},
)
