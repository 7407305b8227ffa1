"""The tables of the 2019 and 2021 editions, each bound to its layout.

A table checks what it holds itself when it is built — each row is a record of its class
(each row checked its own cells, see :mod:`.rows`), the 2021 table 二's counts and fee, the
2019 采购总金额, the provincial extra rows — and raises :class:`~govdisclosure.StructureError`
naming every problem by its report path (``$.active.fees``) and the official label the
layout gives it (:attr:`~govdisclosure.layout.CellLayout.label`). The binding runs one way:
the model reads :mod:`govdisclosure.layout`, never the reverse.

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

import functools
import typing
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar, Final, Self

import attrs

from govdisclosure.errors import Problem, StructureError
from govdisclosure.layout import JOIN, MAX_COUNT, Edition, TableLayout, label_key, layout_of
from govdisclosure.layout.match import is_official_row
from govdisclosure.model._checks import (
    bad_count,
    bad_instance,
    class_cache,
    decimal_in_bounds,
    describe,
)
from govdisclosure.model.rows import (
    MISSING,
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
    RowInput,
    Unable,
    Withheld,
    _Missing,
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

if TYPE_CHECKING:
    from govdisclosure.model.builders import Cells, Grid

_MAX: Final = MAX_COUNT


# --------------------------------------------------------------------------- checks


@class_cache
def _labels(model: type[Any]) -> dict[str, str]:
    """The label of every cell and row of a table class, by report path."""
    layout = layout_of_table(model)
    labels = {c.json_path: c.label for c in layout.cells}
    for block in layout.blocks:
        for row in block.rows:
            labels.setdefault(  # a row that is its own cell keeps the cell's label
                f"$.{layout.attribute}.{row.key}",
                f"表{layout.number} {JOIN.join((*block.labels, *row.labels))}",
            )
    return labels


def _field_problems(table: Any, fields: tuple[tuple[str, type[Any]], ...]) -> list[Problem]:
    """Each field of ``table`` that does not hold a record of its class."""
    attribute = layout_of_table(type(table)).attribute
    labels = _labels(type(table))
    problems = []
    for name, cls in fields:
        fault = bad_instance(getattr(table, name), cls)
        if fault is not None:
            path = f"$.{attribute}.{name}"
            problems.append(Problem(path, fault, labels.get(path)))
    return problems


def _count_problems(table: Any, names: tuple[str, ...]) -> list[Problem]:
    attribute = layout_of_table(type(table)).attribute
    labels = _labels(type(table))
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


class _Builders:
    """The builders every table shares (see :mod:`govdisclosure.model.builders`)."""

    __slots__ = ()

    @classmethod
    def from_grid(cls, grid: Grid, *, blank: bool = False) -> Self:
        """The table from rows of numbers under the printed row labels.

        ``grid`` is an iterable of rows, each a label followed by the row's figures in column
        order (or a mapping of label to figures): the official label path (joined with "/"
        or not), or its tail down to the leaf label ("1.属于国家秘密") under the group
        heading row it follows ("(三)不予公开", a row without figures). Header rows of
        column labels (a CSV's first rows) set the column order; without one, figures are in
        the official order, the 总计 column optional. Figures are ints, digit strings (as a
        CSV gives them), ``None`` (a blank cell) or ``""`` (not stated). Rows not given are
        0 (blank with ``blank=True``); totals not stated are computed. See
        :func:`govdisclosure.model.builders.from_grid`.
        """
        from govdisclosure.model.builders import from_grid

        result: Self = from_grid(cls, grid, blank=blank)
        return result

    @classmethod
    def from_cells(cls, cells: Cells, *, blank: bool = False) -> Self:
        """The table from tidy cells: mappings with ``row``, ``column`` and ``value`` (the
        form :func:`govdisclosure.to_rows` writes; ``table`` and ``unit`` checked when
        present) or ``(row, column, value)`` tuples. Cells not given are 0 (blank with
        ``blank=True``); totals not stated are computed."""
        from govdisclosure.model.builders import from_cells

        result: Self = from_cells(cls, cells, blank=blank)
        return result

    @classmethod
    def from_keys(cls, figures: Mapping[str, Any], *, blank: bool = False) -> Self:
        """The table from dotted keys: ``{"withheld.third_party.natural_person": 2}`` (cells)
        or ``{"new": [10, 2, 0, 0, 0, 0]}`` (rows). Keys are the cells' keys in the layout
        (:attr:`~govdisclosure.layout.CellLayout.key`); what is not given is 0 (blank with
        ``blank=True``); totals not stated are computed."""
        from govdisclosure.model.builders import from_keys

        result: Self = from_keys(cls, figures, blank=blank)
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


AmountInput = Amount | Decimal | str | int | None | _Missing
"""What a builder takes for the 2021 fee: an :class:`Amount` in 万元, a value in 万元
(``Decimal``, ``int`` or a decimal string such as ``"20.30"``), ``None`` (blank), or nothing."""


@attrs.frozen(kw_only=True)
class ActiveDisclosure2021(_Builders):
    """Table 二 of the 2021 edition: 主动公开政府信息情况 (nine counts and one amount).

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

    _ROWS: ClassVar = (
        ("regulations", DocumentCounts2021),
        ("normative_documents", DocumentCounts2021),
    )

    def __attrs_post_init__(self) -> None:
        fees = self.fees
        for v in (self.licensing, self.punishment, self.enforcement):
            if v is not None and (v.__class__ is not int or not 0 <= v <= _MAX):
                break
        else:
            if (
                self.regulations.__class__ is DocumentCounts2021
                and self.normative_documents.__class__ is DocumentCounts2021
                and (
                    fees is None
                    or (
                        fees.__class__ is Amount
                        and fees.unit is MoneyUnit.WAN_YUAN
                        and fees.value >= 0
                        and decimal_in_bounds(fees.value)
                    )
                )
            ):
                if self.extra_rows != ():
                    _check_extra_rows(self)
                return
        problems = _field_problems(self, self._ROWS)
        problems += _count_problems(self, ("licensing", "punishment", "enforcement"))
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
                    _labels(ActiveDisclosure2021)["$.active.fees"],
                )
            )
        if self.extra_rows != ():
            problems += _extra_row_problems(self, self.extra_rows)
        raise StructureError(problems)

    @classmethod
    def build(
        cls,
        *,
        regulations: DocumentCounts2021 | Mapping[str, int | None] | _Missing | None = MISSING,
        normative_documents: DocumentCounts2021
        | Mapping[str, int | None]
        | _Missing
        | None = MISSING,
        licensing: int | _Missing | None = MISSING,
        punishment: int | _Missing | None = MISSING,
        enforcement: int | _Missing | None = MISSING,
        fees: AmountInput = MISSING,
        extra_rows: Iterable[ExtraRow | Mapping[str, Any]] | _Missing = MISSING,
        blank: bool = False,
    ) -> ActiveDisclosure2021:
        """A complete table 二: what is not given is 0 (fee ``0万元``), blank with
        ``blank=True``; an explicit ``None`` is blank.

        >>> t = ActiveDisclosure2021.build(licensing=12, fees="20.30")
        >>> t.punishment, str(t.fees), t.regulations.cells()
        (0, '20.30万元', (0, 0, 0))
        """
        from govdisclosure.model.builders import build_table

        given = {
            "regulations": regulations,
            "normative_documents": normative_documents,
            "licensing": licensing,
            "punishment": punishment,
            "enforcement": enforcement,
            "fees": fees,
            "extra_rows": extra_rows,
        }
        result: ActiveDisclosure2021 = build_table(cls, given, blank=blank)
        return result


DocumentInput2019 = DocumentCounts2019 | Mapping[str, int | None] | None | _Missing
ItemInput2019 = ItemCounts2019 | Mapping[str, int | None] | None | _Missing


@attrs.frozen(kw_only=True)
class ActiveDisclosure2019(_Builders):
    """Table 二 of the trial 2019 edition, with its signed 本年增/减 columns."""

    regulations: DocumentCounts2019 = attrs.field(factory=DocumentCounts2019)
    normative_documents: DocumentCounts2019 = attrs.field(factory=DocumentCounts2019)
    licensing: ItemCounts2019 = attrs.field(factory=ItemCounts2019)
    other_services: ItemCounts2019 = attrs.field(factory=ItemCounts2019)
    punishment: ItemCounts2019 = attrs.field(factory=ItemCounts2019)
    enforcement: ItemCounts2019 = attrs.field(factory=ItemCounts2019)
    fees: FeeItems2019 = attrs.field(factory=FeeItems2019)
    procurement: Procurement2019 = attrs.field(factory=Procurement2019)
    extra_rows: tuple[ExtraRow, ...] = ()

    _ROWS: ClassVar = (
        ("regulations", DocumentCounts2019),
        ("normative_documents", DocumentCounts2019),
        ("licensing", ItemCounts2019),
        ("other_services", ItemCounts2019),
        ("punishment", ItemCounts2019),
        ("enforcement", ItemCounts2019),
        ("fees", FeeItems2019),
        ("procurement", Procurement2019),
    )

    def __attrs_post_init__(self) -> None:
        if not (
            self.regulations.__class__ is DocumentCounts2019
            and self.normative_documents.__class__ is DocumentCounts2019
            and self.licensing.__class__ is ItemCounts2019
            and self.other_services.__class__ is ItemCounts2019
            and self.punishment.__class__ is ItemCounts2019
            and self.enforcement.__class__ is ItemCounts2019
            and self.fees.__class__ is FeeItems2019
            and self.procurement.__class__ is Procurement2019
        ):
            problems = _field_problems(self, self._ROWS)
            if self.extra_rows != ():
                problems += _extra_row_problems(self, self.extra_rows)
            raise StructureError(problems)
        if self.extra_rows != ():
            _check_extra_rows(self)

    @classmethod
    def build(
        cls,
        *,
        regulations: DocumentInput2019 = MISSING,
        normative_documents: DocumentInput2019 = MISSING,
        licensing: ItemInput2019 = MISSING,
        other_services: ItemInput2019 = MISSING,
        punishment: ItemInput2019 = MISSING,
        enforcement: ItemInput2019 = MISSING,
        fees: FeeItems2019 | Mapping[str, int | None] | _Missing | None = MISSING,
        procurement: Procurement2019 | Mapping[str, Any] | _Missing | None = MISSING,
        extra_rows: Iterable[ExtraRow | Mapping[str, Any]] | _Missing = MISSING,
        blank: bool = False,
    ) -> ActiveDisclosure2019:
        """A complete 2019 table 二: what is not given is 0 (采购总金额 0, no unit), blank
        with ``blank=True``; an explicit ``None`` is blank.

        >>> t = ActiveDisclosure2019.build(licensing={"previous_items": 716, "change": -417})
        >>> t.licensing.cells(), t.procurement.amount
        ((716, -417, 0), Decimal('0'))
        """
        from govdisclosure.model.builders import build_table

        given = {
            "regulations": regulations,
            "normative_documents": normative_documents,
            "licensing": licensing,
            "other_services": other_services,
            "punishment": punishment,
            "enforcement": enforcement,
            "fees": fees,
            "procurement": procurement,
            "extra_rows": extra_rows,
        }
        result: ActiveDisclosure2019 = build_table(cls, given, blank=blank)
        return result


# --------------------------------------------------------------------------- table 三


@attrs.frozen(kw_only=True)
class _RequestsBase(_Builders):
    """What the two editions' table 三 share: every row but (六)其他处理, and the sums."""

    new: ApplicantCounts = attrs.field(factory=ApplicantCounts)
    carried_over: ApplicantCounts = attrs.field(factory=ApplicantCounts)
    granted: ApplicantCounts = attrs.field(factory=ApplicantCounts)
    partly_granted: ApplicantCounts = attrs.field(factory=ApplicantCounts)
    withheld: Withheld = attrs.field(factory=Withheld)
    unable: Unable = attrs.field(factory=Unable)
    not_processed: NotProcessed = attrs.field(factory=NotProcessed)

    _OTHER: ClassVar[type[Any]]

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
        a = ApplicantCounts
        if (
            self.new.__class__ is a
            and self.carried_over.__class__ is a
            and self.granted.__class__ is a
            and self.partly_granted.__class__ is a
            and self.withheld.__class__ is Withheld
            and self.unable.__class__ is Unable
            and self.not_processed.__class__ is NotProcessed
            and self.other.__class__ is self._OTHER
            and self.total.__class__ is a
            and self.carried_forward.__class__ is a
        ):
            return
        fields = (
            ("new", a),
            ("carried_over", a),
            ("granted", a),
            ("partly_granted", a),
            ("withheld", Withheld),
            ("unable", Unable),
            ("not_processed", NotProcessed),
            ("other", self._OTHER),
            ("total", a),
            ("carried_forward", a),
        )
        raise StructureError(_field_problems(self, fields))


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

    _OTHER: ClassVar[type[Any]] = OtherHandling

    def _other_rows(self) -> tuple[ApplicantCounts, ...]:
        return self.other.rows()

    @classmethod
    def build(
        cls,
        *,
        new: RowInput = MISSING,
        carried_over: RowInput = MISSING,
        granted: RowInput = MISSING,
        partly_granted: RowInput = MISSING,
        withheld: Withheld | Mapping[str, RowInput] | _Missing | None = MISSING,
        unable: Unable | Mapping[str, RowInput] | _Missing | None = MISSING,
        not_processed: NotProcessed | Mapping[str, RowInput] | _Missing | None = MISSING,
        other: OtherHandling | Mapping[str, RowInput] | _Missing | None = MISSING,
        total: RowInput = MISSING,
        carried_forward: RowInput = MISSING,
        blank: bool = False,
    ) -> Requests2021:
        """A complete table 三 from the rows given.

        Rows and sub-rows not given are rows of 0 (blank rows with ``blank=True``; ``None``
        is a blank row); a mapping of columns is built with :meth:`ApplicantCounts.build`,
        a mapping of sub-rows with :meth:`Withheld.build` and its kin. (七)总计 is computed
        from the outcome rows and 四、结转下年度继续办理 as 一 + 二 − (七)总计, per column,
        unless given; when the outcomes exceed 一 + 二 the error says in which column and by
        how much.
        """
        from govdisclosure.model.builders import build_table

        given = {
            "new": new,
            "carried_over": carried_over,
            "granted": granted,
            "partly_granted": partly_granted,
            "withheld": withheld,
            "unable": unable,
            "not_processed": not_processed,
            "other": other,
            "total": total,
            "carried_forward": carried_forward,
        }
        result: Requests2021 = build_table(cls, given, blank=blank)
        return result


@attrs.frozen(kw_only=True)
class Requests2019(_RequestsBase):
    """Table 三 of the trial 2019 edition: 23 rows, (六)其他处理 a single row."""

    other: ApplicantCounts = attrs.field(factory=ApplicantCounts)
    total: ApplicantCounts = attrs.field(factory=ApplicantCounts)
    carried_forward: ApplicantCounts = attrs.field(factory=ApplicantCounts)

    _OTHER: ClassVar[type[Any]] = ApplicantCounts

    def _other_rows(self) -> tuple[ApplicantCounts, ...]:
        return (self.other,)

    @classmethod
    def build(
        cls,
        *,
        new: RowInput = MISSING,
        carried_over: RowInput = MISSING,
        granted: RowInput = MISSING,
        partly_granted: RowInput = MISSING,
        withheld: Withheld | Mapping[str, RowInput] | _Missing | None = MISSING,
        unable: Unable | Mapping[str, RowInput] | _Missing | None = MISSING,
        not_processed: NotProcessed | Mapping[str, RowInput] | _Missing | None = MISSING,
        other: RowInput = MISSING,
        total: RowInput = MISSING,
        carried_forward: RowInput = MISSING,
        blank: bool = False,
    ) -> Requests2019:
        """As :meth:`Requests2021.build`, for the 2019 table ((六)其他处理 one row)."""
        from govdisclosure.model.builders import build_table

        given = {
            "new": new,
            "carried_over": carried_over,
            "granted": granted,
            "partly_granted": partly_granted,
            "withheld": withheld,
            "unable": unable,
            "not_processed": not_processed,
            "other": other,
            "total": total,
            "carried_forward": carried_forward,
        }
        result: Requests2019 = build_table(cls, given, blank=blank)
        return result


# --------------------------------------------------------------------------- table 四

OutcomesInput = Outcomes | Mapping[str, int | None] | None | _Missing


@attrs.frozen(kw_only=True)
class ReviewsAndLitigation(_Builders):
    """Table 四: 行政复议 and the two 行政诉讼 groups, each with five cells."""

    review: Outcomes = attrs.field(factory=Outcomes)
    litigation_direct: Outcomes = attrs.field(factory=Outcomes)
    litigation_after_review: Outcomes = attrs.field(factory=Outcomes)

    def groups(self) -> tuple[Outcomes, Outcomes, Outcomes]:
        """The three groups in official order."""
        return (self.review, self.litigation_direct, self.litigation_after_review)

    def __attrs_post_init__(self) -> None:
        if (
            self.review.__class__ is not Outcomes
            or self.litigation_direct.__class__ is not Outcomes
            or self.litigation_after_review.__class__ is not Outcomes
        ):
            fields = tuple(
                (n, Outcomes) for n in ("review", "litigation_direct", "litigation_after_review")
            )
            raise StructureError(_field_problems(self, fields))

    @classmethod
    def build(
        cls,
        *,
        review: OutcomesInput = MISSING,
        litigation_direct: OutcomesInput = MISSING,
        litigation_after_review: OutcomesInput = MISSING,
        blank: bool = False,
    ) -> ReviewsAndLitigation:
        """A complete table 四: groups not given are 0 (blank with ``blank=True``); a
        mapping is built with :meth:`Outcomes.build`, its 总计 computed.

        >>> ReviewsAndLitigation.build(review={"upheld": 1}).review.cells()
        (1, 0, 0, 0, 1)
        """
        from govdisclosure.model.builders import build_table

        given = {
            "review": review,
            "litigation_direct": litigation_direct,
            "litigation_after_review": litigation_after_review,
        }
        result: ReviewsAndLitigation = build_table(cls, given, blank=blank)
        return result


# --------------------------------------------------------------------------- the binding

#: Each edition's table classes, by table number; attributes and labels come from the layout.
_CLASSES: dict[Edition, dict[str, type[Any]]] = {
    Edition.STANDARD_2021: {
        "二": ActiveDisclosure2021,
        "三": Requests2021,
        "四": ReviewsAndLitigation,
    },
    Edition.TRIAL_2019: {
        "二": ActiveDisclosure2019,
        "三": Requests2019,
        "四": ReviewsAndLitigation,
    },
    Edition.LEGACY_2008: {},
}
_BY_ATTRIBUTE: dict[Edition, dict[str, type[Any]]] = {
    e: {layout_of(e).table(n).attribute: cls for n, cls in by_number.items()}
    for e, by_number in _CLASSES.items()
}
_LAYOUTS: dict[type[Any], TableLayout] = {
    cls: layout_of(e).table(n) for e, by_number in _CLASSES.items() for n, cls in by_number.items()
}


def table_classes(edition: Edition) -> dict[str, type[Any]]:
    """The table classes of an edition, by report attribute (``{"active": …, …}``)."""
    return _BY_ATTRIBUTE[edition]


def table_class(edition: Edition, attribute: str) -> type[Any] | None:
    """The class of the table at ``attribute`` in reports of ``edition`` (``None``: no table)."""
    return _BY_ATTRIBUTE[edition].get(attribute)


def layout_of_table(model: type[Any]) -> TableLayout:
    """The layout of a table class (``Requests2021`` → table 三 of 2021).

    ``ReviewsAndLitigation``, shared by both editions, has the same layout in each.
    """
    try:
        return _LAYOUTS[model]
    except KeyError:
        raise KeyError(f"no layout describes {model.__name__}") from None


@functools.cache
def signed_fields() -> frozenset[tuple[type[Any], str]]:
    """The (row class, field) pairs that hold signed counts, read from the layouts' columns.

    >>> sorted((cls.__name__, name) for cls, name in signed_fields())
    [('FeeItems2019', 'change'), ('ItemCounts2019', 'change')]
    """
    out: set[tuple[type[Any], str]] = set()
    for cls, layout in _LAYOUTS.items():
        for block in layout.blocks:
            for row in block.rows:
                owner: Any = cls
                for part in row.key.split("."):
                    owner = typing.get_type_hints(owner)[part]
                out.update((owner, c.key) for c in block.columns if c.signed and c.key)
    return frozenset(out)
