"""The rows of the tables: plain records of counts, each a line of an official table.

A row does not check its cells: the table it belongs to checks all of them at once (one pass,
see :mod:`govdisclosure.model.tables`).
"""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar

import attrs

from govdisclosure.money import MoneyUnit

__all__ = [
    "ApplicantCounts",
    "DocumentCounts2019",
    "DocumentCounts2021",
    "ExtraRow",
    "FeeItems2019",
    "ItemCounts2019",
    "NotProcessed",
    "OtherHandling",
    "Outcomes",
    "Procurement2019",
    "Unable",
    "Withheld",
]


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
