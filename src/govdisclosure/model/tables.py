"""The tables of the 2019 and 2021 editions, each bound to its layout.

A table checks all of its cells at once when it is built (an ``int`` ≥ 0 or ``None``; the
signed 2019 本年增/减 may be negative) and raises :class:`~govdisclosure.StructureError` naming
every bad cell by its path and official label — read from the layout the class is bound to.
The binding runs one way: the model reads :mod:`govdisclosure.layout`, never the reverse.

>>> table_class(Edition.STANDARD_2021, "requests").__name__
'Requests2021'
>>> layout_of_table(Requests2019).number
'三'
"""

from __future__ import annotations

import functools
import typing
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from govdisclosure.errors import Problem, StructureError
from govdisclosure.layout import Edition, TableLayout, layout_of
from govdisclosure.layout.match import is_official_row
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


def _bad_count(v: object) -> bool:
    return v is not None and (not isinstance(v, int) or v.__class__ is not int or v < 0)


def _bad_signed(v: object) -> bool:
    return v is not None and v.__class__ is not int


def _check_table(table: object, values: list[int | None], signed: tuple[int | None, ...]) -> None:
    """Bulk check of every cell; on failure, raise with every bad cell located."""
    for v in values:
        if v is not None and (v.__class__ is not int or v < 0):
            break
    else:
        for v in signed:
            if v is not None and v.__class__ is not int:
                break
        else:
            return
    raise StructureError(_cell_problems(table, layout_of_table(type(table)), "$"))


def _cell_problems(table: object, layout: TableLayout, prefix: str) -> list[Problem]:
    problems: list[Problem] = []
    for cell in layout.cells:
        value = cell.get_from_table(table)
        if cell.kind == "amount":
            if value is not None and not isinstance(value, Amount):
                problems.append(
                    Problem(
                        prefix + cell.table_path,
                        f"expected an amount or null, found {value!r}",
                        cell.label,
                    )
                )
            continue
        bad = _bad_signed(value) if cell.kind == "signed" else _bad_count(value)
        if bad:
            expected = "an integer" if cell.kind == "signed" else "a whole number >= 0"
            problems.append(
                Problem(
                    prefix + cell.table_path,
                    f"expected {expected} or null, found {value!r}",
                    cell.label,
                )
            )
    return problems


def _check_extra_rows(table: object, rows: tuple[ExtraRow, ...]) -> None:
    """Extra rows stand in a block of counts, with one value per column, under a label that
    is not one of the block's official rows (the layout of the table says which)."""
    blocks = {b.labels[0]: b for b in layout_of_table(type(table)).blocks if b.counts_only}
    problems = []
    for i, row in enumerate(rows):
        path = f"$.extra_rows[{i}]"
        block = blocks.get(row.block)
        if block is None:
            expected = ", ".join(blocks)
            problems.append(
                Problem(f"{path}.block", f"expected one of {expected}, found {row.block!r}")
            )
            continue
        if not isinstance(row.label, str) or not row.label.strip():
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
            if _bad_signed(v) if col.signed else _bad_count(v):
                expected = "an integer" if col.signed else "a whole number >= 0"
                problems.append(
                    Problem(
                        f"{path}.values[{j}]",
                        f"expected {expected} or null, found {v!r}",
                        row.label,
                    )
                )
    if problems:
        raise StructureError(problems)
    order = list(blocks)
    in_order = sorted(rows, key=lambda r: order.index(r.block))
    if in_order != list(rows):
        object.__setattr__(table, "extra_rows", tuple(in_order))


@attrs.frozen(kw_only=True)
class ActiveDisclosure2021:
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

    def __attrs_post_init__(self) -> None:
        values = [*self.regulations.cells(), *self.normative_documents.cells()]
        values += (self.licensing, self.punishment, self.enforcement)
        _check_table(self, values, ())
        if self.fees is not None and (
            not isinstance(self.fees, Amount)
            or self.fees.value < 0
            or self.fees.unit is not MoneyUnit.WAN_YUAN
        ):
            raise StructureError(
                [
                    Problem(
                        "$.fees",
                        f"expected an amount >= 0 in 万元 or null, found {self.fees!r}",
                        _cell_label(type(self), "fees"),
                    )
                ]
            )
        if self.extra_rows:
            _check_extra_rows(self, self.extra_rows)


@attrs.frozen(kw_only=True)
class ActiveDisclosure2019:
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

    def __attrs_post_init__(self) -> None:
        values = [*self.regulations.cells(), *self.normative_documents.cells()]
        signed = []
        for row in (self.licensing, self.other_services, self.punishment, self.enforcement):
            values += (row.previous_items, row.decisions)
            signed.append(row.change)
        values.append(self.fees.previous_items)
        signed.append(self.fees.change)
        values.append(self.procurement.projects)
        _check_table(self, values, tuple(signed))
        amount = self.procurement.amount
        if amount is not None and (
            amount.__class__ is not Decimal or not amount.is_finite() or amount < 0
        ):
            raise StructureError(
                [
                    Problem(
                        "$.procurement.amount",
                        f"expected a decimal >= 0 or null, found {amount!r}",
                        _cell_label(type(self), "procurement.amount"),
                    )
                ]
            )
        if self.extra_rows:
            _check_extra_rows(self, self.extra_rows)


@attrs.frozen(kw_only=True)
class _RequestsBase:
    """What the two editions' table 三 share: every row but (六)其他处理, and the sums."""

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

    def __attrs_post_init__(self) -> None:
        values: list[int | None] = []
        for row in self.rows():
            values.extend(row.cells())
        _check_table(self, values, ())


@attrs.frozen(kw_only=True)
class Requests2021(_RequestsBase):
    """Table 三 of the 2021 edition: 25 rows by 7 columns.

    ``total`` is the (七)总计 row as stated; :attr:`outcome_rows` are the rows it sums.

    >>> t = Requests2021.build(new=ApplicantCounts.build(natural_person=2),
    ...                        granted=ApplicantCounts.build(natural_person=2))
    >>> t.total.natural_person, t.carried_forward.natural_person
    (2, 0)
    """

    other: OtherHandling = attrs.field(factory=OtherHandling)
    total: ApplicantCounts = attrs.field(factory=ApplicantCounts)
    carried_forward: ApplicantCounts = attrs.field(factory=ApplicantCounts)

    def _other_rows(self) -> tuple[ApplicantCounts, ...]:
        return self.other.rows()

    @classmethod
    def build(cls, **rows: Any) -> Requests2021:
        """A table whose (七)总计 and 四、结转下年度 rows are computed from the others.

        Pass the stated rows by attribute name; ``carried_forward`` is computed as
        一 + 二 − (七)总计 unless given.
        """
        return _build_requests(cls, rows)


@attrs.frozen(kw_only=True)
class Requests2019(_RequestsBase):
    """Table 三 of the trial 2019 edition: 23 rows, (六)其他处理 a single row."""

    other: ApplicantCounts = attrs.field(factory=ApplicantCounts)
    total: ApplicantCounts = attrs.field(factory=ApplicantCounts)
    carried_forward: ApplicantCounts = attrs.field(factory=ApplicantCounts)

    def _other_rows(self) -> tuple[ApplicantCounts, ...]:
        return (self.other,)

    @classmethod
    def build(cls, **rows: Any) -> Requests2019:
        """As :meth:`Requests2021.build`, for the 2019 table."""
        return _build_requests(cls, rows)


_R = TypeVar("_R", Requests2021, Requests2019)


def _build_requests(cls: type[_R], rows: dict[str, Any]) -> _R:
    draft = cls(**{k: v for k, v in rows.items() if k not in ("total", "carried_forward")})
    total = ApplicantCounts.sum(draft.outcome_rows)
    if "carried_forward" in rows:
        carried_forward = rows["carried_forward"]
    else:
        values = [
            (a or 0) + (b or 0) - (t or 0)
            for a, b, t in zip(
                draft.new.cells(), draft.carried_over.cells(), total.cells(), strict=True
            )
        ]
        carried_forward = ApplicantCounts(**dict(zip(ApplicantCounts.COLUMNS, values, strict=True)))
    return attrs.evolve(draft, total=total, carried_forward=carried_forward)


@attrs.frozen(kw_only=True)
class ReviewsAndLitigation:
    """Table 四: 行政复议 and the two 行政诉讼 groups, each with five cells."""

    review: Outcomes = attrs.field(factory=Outcomes)
    litigation_direct: Outcomes = attrs.field(factory=Outcomes)
    litigation_after_review: Outcomes = attrs.field(factory=Outcomes)

    def groups(self) -> tuple[Outcomes, Outcomes, Outcomes]:
        """The three groups in official order."""
        return (self.review, self.litigation_direct, self.litigation_after_review)

    def __attrs_post_init__(self) -> None:
        _check_table(self, [v for g in self.groups() for v in g.cells()], ())


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
    """The layout of a table class (``Requests2021`` → table 三 of 2021)."""
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


def _cell_label(model: type[Any], key: str) -> str:
    """The official label of a cell of a table class, for messages."""
    return next(c.label for c in layout_of_table(model).cells if c.key == key)
