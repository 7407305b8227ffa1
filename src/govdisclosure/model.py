"""The report model: immutable, typed records of what a 年报 states.

The model says what the document says. Every figure is held as stated: counts are ``int``
(``None`` for a blank cell, never a silent 0), money is an exact
:class:`~govdisclosure.money.Amount`, and totals that the document prints are kept as
printed (``total`` fields) while the totals they should equal are computed properties
(``computed_total``), so that a validator can compare the two.

Rows (:class:`ApplicantCounts`, :class:`Outcomes`, …) are plain records. A table checks all
of its cells at once when it is built (an ``int`` ≥ 0 or ``None``; the signed 2019 本年增/减
may be negative) and raises :class:`~govdisclosure.StructureError` naming every bad cell by
its path and official label. Build tables whose totals hold by construction with the
``build`` class methods:

>>> row = ApplicantCounts.build(natural_person=3, commercial=1)
>>> row.total, row.computed_total
(4, 4)
>>> ApplicantCounts(natural_person=3, commercial=1, total=5).computed_total is None
True
>>> ApplicantCounts(natural_person=3, commercial=1, research=0, public_interest=0,
...                 legal_services=0, other=0, total=5).computed_total
4

Which table classes a report carries depends on its :class:`Edition`; the labels of every
row and column live in :mod:`govdisclosure.editions`, not here.
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

import attrs

from govdisclosure.errors import Problem, StructureError
from govdisclosure.money import Amount, MoneyUnit
from govdisclosure.numerals import Quantity

if TYPE_CHECKING:  # pragma: no cover
    from govdisclosure.editions import TableLayout

__all__ = [
    "ActiveDisclosure2019",
    "ActiveDisclosure2021",
    "ApplicantCounts",
    "DocumentCounts2019",
    "DocumentCounts2021",
    "Edition",
    "ExtraRow",
    "Fact",
    "FeeItems2019",
    "ItemCounts2019",
    "Location",
    "Metadata",
    "NotProcessed",
    "OtherHandling",
    "Outcomes",
    "Period",
    "Procurement2019",
    "Relation",
    "Report",
    "Requests2019",
    "Requests2021",
    "ReviewsAndLitigation",
    "Section",
    "Signature",
    "Unable",
    "Withheld",
]


class Edition(enum.Enum):
    """The three shapes a 年报 has had.

    >>> Edition("standard-2021")
    <Edition.STANDARD_2021: 'standard-2021'>
    >>> Edition.for_year(2020)
    <Edition.TRIAL_2019: 'trial-2019'>
    """

    LEGACY_2008 = "legacy-2008"
    """Reports on 2008–2018 (条例 2008): narrative, no national tables."""
    TRIAL_2019 = "trial-2019"
    """Reports on 2019–2020 (国办公开办函〔2019〕60号): six sections, tables 二/三/四."""
    STANDARD_2021 = "standard-2021"
    """Reports on 2021 onward (国办公开办函〔2021〕30号): six sections, revised tables."""

    @classmethod
    def for_year(cls, year: int) -> Edition:
        """The edition the national rules prescribe for a report on ``year``."""
        if year >= 2021:
            return cls.STANDARD_2021
        if year >= 2019:
            return cls.TRIAL_2019
        return cls.LEGACY_2008

    @property
    def has_tables(self) -> bool:
        """Whether the edition prescribes tables 二, 三 and 四."""
        return self is not Edition.LEGACY_2008


# --------------------------------------------------------------------------- rows


def _sum_or_none(values: tuple[int | None, ...]) -> int | None:
    if None in values:
        return None
    return sum(values)  # type: ignore[arg-type]


@attrs.frozen(kw_only=True)
class ApplicantCounts:
    """One row of table 三: counts by applicant type, and the 总计 as stated.

    Columns: 自然人 · 法人或其他组织 (商业企业 · 科研机构 · 社会公益组织 · 法律服务机构 ·
    其他) · 总计.

    >>> ApplicantCounts.build(natural_person=5, legal_services=2).legal_persons
    2
    """

    natural_person: int | None = None
    commercial: int | None = None
    research: int | None = None
    public_interest: int | None = None
    legal_services: int | None = None
    other: int | None = None
    total: int | None = None

    COLUMNS: ClassVar[tuple[str, ...]] = (
        "natural_person",
        "commercial",
        "research",
        "public_interest",
        "legal_services",
        "other",
        "total",
    )

    def cells(self) -> tuple[int | None, ...]:
        """The seven cells in column order, 总计 last."""
        return (
            self.natural_person,
            self.commercial,
            self.research,
            self.public_interest,
            self.legal_services,
            self.other,
            self.total,
        )

    @property
    def parts(self) -> tuple[int | None, ...]:
        """The six applicant-type cells (总计 excluded)."""
        return self.cells()[:6]

    @property
    def legal_persons(self) -> int | None:
        """The sum of the five 法人或其他组织 columns (``None`` if any is blank)."""
        return _sum_or_none(self.cells()[1:6])

    @property
    def computed_total(self) -> int | None:
        """自然人 plus the five 法人或其他组织 columns (``None`` if any is blank)."""
        return _sum_or_none(self.parts)

    @classmethod
    def build(
        cls,
        *,
        natural_person: int = 0,
        commercial: int = 0,
        research: int = 0,
        public_interest: int = 0,
        legal_services: int = 0,
        other: int = 0,
    ) -> ApplicantCounts:
        """A row with 总计 filled in from the six parts."""
        return cls(
            natural_person=natural_person,
            commercial=commercial,
            research=research,
            public_interest=public_interest,
            legal_services=legal_services,
            other=other,
            total=natural_person + commercial + research + public_interest + legal_services + other,
        )

    @classmethod
    def sum(cls, rows: tuple[ApplicantCounts, ...] | list[ApplicantCounts]) -> ApplicantCounts:
        """Cell-wise sum of rows whose cells are all filled (blank counts as 0).

        >>> a = ApplicantCounts.build(natural_person=1)
        >>> ApplicantCounts.sum([a, a]).total
        2
        """
        totals = [0] * 7
        for row in rows:
            for i, v in enumerate(row.cells()):
                totals[i] += v or 0
        return cls(**dict(zip(cls.COLUMNS, totals, strict=True)))


@attrs.frozen(kw_only=True)
class Withheld:
    """Table 三, 三、(三)不予公开: the eight grounds for withholding."""

    state_secret: ApplicantCounts = attrs.field(factory=ApplicantCounts)
    prohibited_by_law: ApplicantCounts = attrs.field(factory=ApplicantCounts)
    three_securities: ApplicantCounts = attrs.field(factory=ApplicantCounts)
    third_party: ApplicantCounts = attrs.field(factory=ApplicantCounts)
    internal_affairs: ApplicantCounts = attrs.field(factory=ApplicantCounts)
    process_information: ApplicantCounts = attrs.field(factory=ApplicantCounts)
    enforcement_files: ApplicantCounts = attrs.field(factory=ApplicantCounts)
    inquiry_matters: ApplicantCounts = attrs.field(factory=ApplicantCounts)

    ROWS: ClassVar[tuple[str, ...]] = (
        "state_secret",
        "prohibited_by_law",
        "three_securities",
        "third_party",
        "internal_affairs",
        "process_information",
        "enforcement_files",
        "inquiry_matters",
    )

    def rows(self) -> tuple[ApplicantCounts, ...]:
        """The sub-rows in official order."""
        return (
            self.state_secret,
            self.prohibited_by_law,
            self.three_securities,
            self.third_party,
            self.internal_affairs,
            self.process_information,
            self.enforcement_files,
            self.inquiry_matters,
        )


@attrs.frozen(kw_only=True)
class Unable:
    """Table 三, 三、(四)无法提供."""

    not_held: ApplicantCounts = attrs.field(factory=ApplicantCounts)
    needs_creation: ApplicantCounts = attrs.field(factory=ApplicantCounts)
    still_unclear: ApplicantCounts = attrs.field(factory=ApplicantCounts)

    ROWS: ClassVar[tuple[str, ...]] = ("not_held", "needs_creation", "still_unclear")

    def rows(self) -> tuple[ApplicantCounts, ...]:
        """The sub-rows in official order."""
        return (self.not_held, self.needs_creation, self.still_unclear)


@attrs.frozen(kw_only=True)
class NotProcessed:
    """Table 三, 三、(五)不予处理."""

    petitions: ApplicantCounts = attrs.field(factory=ApplicantCounts)
    repeated: ApplicantCounts = attrs.field(factory=ApplicantCounts)
    publications: ApplicantCounts = attrs.field(factory=ApplicantCounts)
    excessive: ApplicantCounts = attrs.field(factory=ApplicantCounts)
    confirmation: ApplicantCounts = attrs.field(factory=ApplicantCounts)

    ROWS: ClassVar[tuple[str, ...]] = (
        "petitions",
        "repeated",
        "publications",
        "excessive",
        "confirmation",
    )

    def rows(self) -> tuple[ApplicantCounts, ...]:
        """The sub-rows in official order."""
        return (self.petitions, self.repeated, self.publications, self.excessive, self.confirmation)


@attrs.frozen(kw_only=True)
class OtherHandling:
    """Table 三, 三、(六)其他处理 of the 2021 edition (three sub-rows)."""

    no_correction: ApplicantCounts = attrs.field(factory=ApplicantCounts)
    unpaid_fee: ApplicantCounts = attrs.field(factory=ApplicantCounts)
    other: ApplicantCounts = attrs.field(factory=ApplicantCounts)

    ROWS: ClassVar[tuple[str, ...]] = ("no_correction", "unpaid_fee", "other")

    def rows(self) -> tuple[ApplicantCounts, ...]:
        """The sub-rows in official order."""
        return (self.no_correction, self.unpaid_fee, self.other)


@attrs.frozen(kw_only=True)
class Outcomes:
    """One group of table 四: 结果维持 · 结果纠正 · 其他结果 · 尚未审结 · 总计 (as stated)."""

    upheld: int | None = None
    corrected: int | None = None
    other: int | None = None
    pending: int | None = None
    total: int | None = None

    COLUMNS: ClassVar[tuple[str, ...]] = ("upheld", "corrected", "other", "pending", "total")

    def cells(self) -> tuple[int | None, ...]:
        """The five cells in column order, 总计 last."""
        return (self.upheld, self.corrected, self.other, self.pending, self.total)

    @property
    def computed_total(self) -> int | None:
        """结果维持 + 结果纠正 + 其他结果 + 尚未审结 (``None`` if any is blank)."""
        return _sum_or_none(self.cells()[:4])

    @classmethod
    def build(
        cls, *, upheld: int = 0, corrected: int = 0, other: int = 0, pending: int = 0
    ) -> Outcomes:
        """A group with 总计 filled in.

        >>> Outcomes.build(upheld=2, pending=1).total
        3
        """
        return cls(
            upheld=upheld,
            corrected=corrected,
            other=other,
            pending=pending,
            total=upheld + corrected + other + pending,
        )


@attrs.frozen(kw_only=True)
class DocumentCounts2021:
    """Table 二, 第二十条第(一)项 row (2021): 本年制发件数 · 本年废止件数 · 现行有效件数."""

    issued: int | None = None
    repealed: int | None = None
    in_force: int | None = None

    COLUMNS: ClassVar[tuple[str, ...]] = ("issued", "repealed", "in_force")

    def cells(self) -> tuple[int | None, ...]:
        """The cells in column order."""
        return (self.issued, self.repealed, self.in_force)


@attrs.frozen(kw_only=True)
class DocumentCounts2019:
    """Table 二, 第二十条第(一)项 row (2019): 本年新制作数量 · 本年新公开数量 · 对外公开总数量."""

    new_made: int | None = None
    new_published: int | None = None
    total_published: int | None = None

    COLUMNS: ClassVar[tuple[str, ...]] = ("new_made", "new_published", "total_published")

    def cells(self) -> tuple[int | None, ...]:
        """The cells in column order."""
        return (self.new_made, self.new_published, self.total_published)


@attrs.frozen(kw_only=True)
class ItemCounts2019:
    """Table 二 (2019), (五)/(六)项 row: 上一年项目数量 · 本年增/减 (signed) · 处理决定数量.

    The form defines no rule between the three figures.
    """

    previous_items: int | None = None
    change: int | None = None
    decisions: int | None = None

    COLUMNS: ClassVar[tuple[str, ...]] = ("previous_items", "change", "decisions")

    def cells(self) -> tuple[int | None, ...]:
        """The cells in column order."""
        return (self.previous_items, self.change, self.decisions)


@attrs.frozen(kw_only=True)
class FeeItems2019:
    """Table 二 (2019), (八)项 行政事业性收费: 上一年项目数量 · 本年增/减 (signed)."""

    previous_items: int | None = None
    change: int | None = None

    COLUMNS: ClassVar[tuple[str, ...]] = ("previous_items", "change")

    def cells(self) -> tuple[int | None, ...]:
        """The cells in column order."""
        return (self.previous_items, self.change)


@attrs.frozen(kw_only=True)
class Procurement2019:
    """Table 二 (2019), (九)项 政府集中采购: 采购项目数量 · 采购总金额.

    The form prints no unit for 采购总金额; ``amount_unit`` is the unit the report wrote
    beside the figure (``"184719元"``), or ``None`` when it wrote none.
    """

    projects: int | None = None
    amount: Decimal | None = None
    amount_unit: MoneyUnit | None = None

    def cells(self) -> tuple[int | None, ...]:
        """The count cells."""
        return (self.projects,)


@attrs.frozen(kw_only=True)
class ExtraRow:
    """A provincial extension row of table 二, kept rather than rejected.

    ``block`` is the official block label (``"第二十条第(一)项"``), ``label`` the row label as
    printed, ``values`` the counts in the block's column order (signed where the column is).
    A table keeps its extra rows in the order of their blocks, as the form prints them
    (stable within a block).
    """

    block: str
    label: str
    values: tuple[int | None, ...] = ()


# --------------------------------------------------------------------------- tables


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
    from govdisclosure.editions import layout_of_table

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
    from govdisclosure.editions import label_key, layout_of_table

    blocks = {
        b.labels[0]: b
        for b in layout_of_table(type(table)).blocks
        if all(c.kind in ("count", "signed") for c in b.columns)
    }
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
        official = {label_key(x) for r in block.rows for x in (r.labels[-1], *r.aliases)}
        if label_key(row.label) in official:
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
            if _bad_signed(v) if col.kind == "signed" else _bad_count(v):
                expected = "an integer" if col.kind == "signed" else "a whole number >= 0"
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
                        "第二十条第(八)项 / 行政事业性收费 / 本年收费金额(单位:万元)",
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
                        "第二十条第(九)项 / 政府集中采购 / 采购总金额",
                    )
                ]
            )
        if self.extra_rows:
            _check_extra_rows(self, self.extra_rows)


@attrs.frozen(kw_only=True)
class _RequestsBase:
    new: ApplicantCounts = attrs.field(factory=ApplicantCounts)
    carried_over: ApplicantCounts = attrs.field(factory=ApplicantCounts)
    granted: ApplicantCounts = attrs.field(factory=ApplicantCounts)
    partly_granted: ApplicantCounts = attrs.field(factory=ApplicantCounts)
    withheld: Withheld = attrs.field(factory=Withheld)
    unable: Unable = attrs.field(factory=Unable)
    not_processed: NotProcessed = attrs.field(factory=NotProcessed)


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

    def rows(self) -> tuple[ApplicantCounts, ...]:
        """All 25 rows in official order."""
        return (
            self.new,
            self.carried_over,
            self.granted,
            self.partly_granted,
            *self.withheld.rows(),
            *self.unable.rows(),
            *self.not_processed.rows(),
            *self.other.rows(),
            self.total,
            self.carried_forward,
        )

    @property
    def outcome_rows(self) -> tuple[ApplicantCounts, ...]:
        """The rows that (七)总计 sums: (一), (二), (三)1–8, (四)1–3, (五)1–5, (六)1–3."""
        return self.rows()[2:-2]

    @property
    def computed_total(self) -> ApplicantCounts:
        """The (七)总计 row as the outcome rows add up (blank cells count as 0)."""
        return ApplicantCounts.sum(self.outcome_rows)

    def __attrs_post_init__(self) -> None:
        values: list[int | None] = []
        for row in self.rows():
            values.extend(row.cells())
        _check_table(self, values, ())

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

    def rows(self) -> tuple[ApplicantCounts, ...]:
        """All 23 rows in official order."""
        return (
            self.new,
            self.carried_over,
            self.granted,
            self.partly_granted,
            *self.withheld.rows(),
            *self.unable.rows(),
            *self.not_processed.rows(),
            self.other,
            self.total,
            self.carried_forward,
        )

    @property
    def outcome_rows(self) -> tuple[ApplicantCounts, ...]:
        """The rows that (七)总计 sums: (一), (二), (三)1–8, (四)1–3, (五)1–5, (六)."""
        return self.rows()[2:-2]

    @property
    def computed_total(self) -> ApplicantCounts:
        """The (七)总计 row as the outcome rows add up (blank cells count as 0)."""
        return ApplicantCounts.sum(self.outcome_rows)

    def __attrs_post_init__(self) -> None:
        values: list[int | None] = []
        for row in self.rows():
            values.extend(row.cells())
        _check_table(self, values, ())

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


# --------------------------------------------------------------------------- narrative


@attrs.frozen(kw_only=True)
class Metadata:
    """The metadata block a government web page prints above the report (as published).

    Text fields keep what the page printed (``"无"`` included); ``None`` means blank.
    """

    index_number: str | None = None
    """索引号"""
    document_number: str | None = None
    """文号"""
    subject: str | None = None
    """主题分类"""
    issuer: str | None = None
    """发文单位"""
    name: str | None = None
    """名称"""
    published: _dt.date | None = None
    """发布日期"""
    validity: str | None = None
    """有效性"""
    document_date: _dt.date | None = None
    """发文日期"""


@attrs.frozen(kw_only=True)
class Section:
    """A numbered part of the report: ``ordinal`` 1 is "一、" (or "(一)" in a sub-section).

    ``paragraphs`` are verbatim; ``subsections`` follow them.
    """

    ordinal: int
    title: str
    paragraphs: tuple[str, ...] = ()
    subsections: tuple[Section, ...] = ()


@attrs.frozen(kw_only=True)
class Signature:
    """The closing signature: the agency as signed and the signing date."""

    agency: str
    date: _dt.date | None = None


@attrs.frozen(kw_only=True)
class Period:
    """The statistical period the report's figures cover (inclusive).

    >>> Period.calendar_year(2015).end
    datetime.date(2015, 12, 31)
    """

    start: _dt.date
    end: _dt.date

    @classmethod
    def calendar_year(cls, year: int) -> Period:
        """1月1日–12月31日 of ``year``."""
        return cls(start=_dt.date(year, 1, 1), end=_dt.date(year, 12, 31))


@attrs.frozen(kw_only=True)
class Location:
    """Where a figure stands in the text.

    ``section`` is the path of ordinals from the top (``(2,)`` is "二、", ``(1, 3)`` is its
    "(三)"; ``()`` is the preamble before the first heading), ``paragraph`` the 0-based index
    of the paragraph there, ``start``/``end`` the character span within that paragraph.
    """

    section: tuple[int, ...]
    paragraph: int
    start: int
    end: int


@attrs.frozen(kw_only=True)
class Fact:
    """A figure the text states, typed: the quantity, its label, and where it stands.

    ``key`` identifies the fact within its report (relations refer to it); ``text`` is the
    verbatim figure (``"300余条"``), equal to the located span of the paragraph.
    """

    key: str
    label: str
    text: str
    quantity: Quantity
    location: Location


@attrs.frozen(kw_only=True)
class Relation:
    """A relation the text states between facts: ``result = Σ add − Σ subtract``.

    Parts summing to a total are ``Relation(result="total", add=(...))``; income −
    expenditure = balance is ``Relation(result="balance", add=("income",),
    subtract=("expenditure",))``. ``text`` quotes the words that state it (``"其中"``).
    """

    result: str
    add: tuple[str, ...]
    subtract: tuple[str, ...] = ()
    text: str | None = None

    def terms(self) -> Iterator[tuple[str, int]]:
        """Each referenced fact key with its sign (+1 or −1)."""
        for key in self.add:
            yield key, 1
        for key in self.subtract:
            yield key, -1


# --------------------------------------------------------------------------- report


def _walk_sections(
    sections: tuple[Section, ...], prefix: tuple[int, ...] = ()
) -> Iterator[tuple[tuple[int, ...], Section]]:
    for s in sections:
        path = (*prefix, s.ordinal)
        yield path, s
        yield from _walk_sections(s.subsections, path)


@attrs.frozen(kw_only=True)
class Report:
    """One annual report: narrative, tables of its edition, and the figures its text states.

    >>> r = Report(agency="某市某局", year=2022, edition=Edition.STANDARD_2021,
    ...            title="某市某局2022年政府信息公开工作年度报告")
    >>> r.requests is None
    True

    Tables belong to the edition: ``active`` (表二), ``requests`` (表三) and ``reviews``
    (表四) are ``None`` when not stated, and a legacy report has none.
    """

    agency: str
    year: int
    edition: Edition
    title: str
    metadata: Metadata | None = None
    preamble: tuple[str, ...] = ()
    sections: tuple[Section, ...] = ()
    signature: Signature | None = None
    period: Period | None = None
    active: ActiveDisclosure2021 | ActiveDisclosure2019 | None = None
    requests: Requests2021 | Requests2019 | None = None
    reviews: ReviewsAndLitigation | None = None
    facts: tuple[Fact, ...] = ()
    relations: tuple[Relation, ...] = ()

    def __attrs_post_init__(self) -> None:
        problems = []
        for name in ("agency", "title"):
            if getattr(self, name).__class__ is not str:
                found = getattr(self, name)
                problems.append(Problem(f"$.{name}", f"expected a string, found {found!r}"))
        if self.edition.__class__ is not Edition:
            problems.append(Problem("$.edition", f"expected an Edition, found {self.edition!r}"))
        if self.year.__class__ is not int or not 1990 <= self.year <= 2200:
            problems.append(Problem("$.year", f"expected a year such as 2022, found {self.year!r}"))
        if self.edition.__class__ is Edition:
            problems += self._table_problems()
        if self.facts or self.relations:
            problems += self._fact_problems()
        if problems:
            raise StructureError(problems)

    def _table_problems(self) -> list[Problem]:
        """Each table is the class the edition's layout names, or absent."""
        from govdisclosure.editions import layout_of  # editions imports this module

        problems = []
        layouts = layout_of(self.edition).tables
        if not layouts:
            for name in ("active", "requests", "reviews"):
                if getattr(self, name) is not None:
                    problems.append(
                        Problem(f"$.{name}", "a legacy-2008 report has no national tables")
                    )
        for table in layouts:
            value = getattr(self, table.attribute)
            if value is not None and value.__class__ is not table.model:
                problems.append(
                    Problem(
                        f"$.{table.attribute}",
                        f"expected the {self.edition.value} table ({table.model.__name__}), "
                        f"found {type(value).__name__}",
                    )
                )
        return problems

    def _fact_problems(self) -> list[Problem]:
        problems = []
        places = {path: s.paragraphs for path, s in _walk_sections(self.sections)}
        places[()] = self.preamble
        keys: set[str] = set()
        for i, fact in enumerate(self.facts):
            if fact.key in keys:
                problems.append(Problem(f"$.facts[{i}].key", f"duplicate key {fact.key!r}"))
            keys.add(fact.key)
            loc = fact.location
            paragraphs = places.get(loc.section)
            if paragraphs is None:
                problems.append(
                    Problem(f"$.facts[{i}].location.section", f"no section {loc.section}")
                )
            elif not 0 <= loc.paragraph < len(paragraphs):
                problems.append(
                    Problem(
                        f"$.facts[{i}].location.paragraph",
                        f"section {loc.section} has {len(paragraphs)} paragraphs, "
                        f"found index {loc.paragraph}",
                    )
                )
            elif paragraphs[loc.paragraph][loc.start : loc.end] != fact.text:
                found = paragraphs[loc.paragraph][loc.start : loc.end]
                problems.append(
                    Problem(
                        f"$.facts[{i}].location",
                        f"expected the span to hold {fact.text!r}, found {found!r}",
                        fact.label,
                    )
                )
        for i, rel in enumerate(self.relations):
            for j, (key, _) in enumerate(rel.terms()):
                if key not in keys:
                    problems.append(
                        Problem(f"$.relations[{i}]", f"term {j} names no fact: {key!r}")
                    )
            if rel.result not in keys:
                problems.append(
                    Problem(f"$.relations[{i}].result", f"names no fact: {rel.result!r}")
                )
        return problems

    def fact(self, key: str) -> Fact:
        """The fact with ``key``; :class:`KeyError` naming the key if there is none."""
        for f in self.facts:
            if f.key == key:
                return f
        raise KeyError(f"report has no fact {key!r}")

    def section(self, *path: int) -> Section:
        """The section at a path of ordinals (``report.section(4)`` is "四、…")."""
        for p, s in _walk_sections(self.sections):
            if p == path:
                return s
        raise KeyError(f"report has no section {path}")

    def paragraph_at(self, location: Location) -> str:
        """The paragraph a :class:`Location` points into."""
        paragraphs = (
            self.preamble if location.section == () else self.section(*location.section).paragraphs
        )
        return paragraphs[location.paragraph]
