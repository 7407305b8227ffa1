"""The rows of the tables: records of counts, each a line (or a group of lines) of a table.

Every row checks its own cells when it is constructed — an ``int`` from 0 to
:data:`~govdisclosure.layout.MAX_COUNT` or ``None`` (blank); the signed 2019 本年增/减 within
±``MAX_COUNT`` — in one pass over its cells, and raises :class:`~govdisclosure.StructureError`
naming each bad cell. A row does not know where it stands in a report, so its problems are
located within the row (``$.natural_person``) and labelled by their column
(``表三 | 自然人``); a table, and the builders of :mod:`govdisclosure.model.builders`, locate
theirs by report path.

>>> ApplicantCounts(natural_person=-1)
Traceback (most recent call last):
...
govdisclosure.errors.StructureError: 1 problem in the input:
  $.natural_person (表三 | 自然人): expected a whole number >= 0 or null, found -1

``build`` gives a complete row from the figures given: the columns not given are 0 (blank
with ``blank=True``; an explicit ``None`` is a blank cell), and 总计 is their sum (blank
cells counted as 0; blank when every part is):

>>> ApplicantCounts.build(natural_person=3, commercial=1).cells()
(3, 1, 0, 0, 0, 0, 4)
>>> ApplicantCounts.build(natural_person=3, blank=True).cells()
(3, None, None, None, None, None, 3)
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any, ClassVar, Final, TypeAlias

import attrs

from govdisclosure.errors import Problem, StructureError, WrongTypeError
from govdisclosure.layout import JOIN, MAX_COUNT, ColumnLayout, Edition, layout_of
from govdisclosure.model._checks import (
    bad_count,
    bad_decimal,
    bad_instance,
    bad_signed,
    bad_string,
    class_cache,
    describe,
)
from govdisclosure.money import MoneyUnit

__all__ = [
    "MISSING",
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
    "RowInput",
    "Unable",
    "Withheld",
]

_MAX: Final = MAX_COUNT


class _Missing(enum.Enum):
    """The type of :data:`MISSING`."""

    MISSING = "MISSING"

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Final = _Missing.MISSING
"""The default of a builder's argument: "not given" (0, or blank with ``blank=True``), as
opposed to ``None`` (a blank cell, asked for)."""


def _sum_or_none(values: tuple[int | None, ...]) -> int | None:
    if None in values:
        return None
    return sum(values)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- labels


@class_cache
def _columns_of(cls: type[Any]) -> tuple[str, tuple[ColumnLayout, ...]]:
    """The table number and the layout columns that describe a row class: those of the first
    block, in any edition, whose column keys are the record's ``COLUMNS`` (read from the
    layouts, so no row class names its place in the format)."""
    wanted = set(cls.COLUMNS)
    for edition in Edition:
        for table in layout_of(edition).tables:
            for block in table.blocks:
                if {c.key for c in block.columns} == wanted:
                    return table.number, block.columns
    raise LookupError(f"no layout block has the columns of {cls.__name__}")  # pragma: no cover


@class_cache
def column_labels(cls: type[Any]) -> dict[str, str]:
    """The label of each cell of a row class, for messages: ``{"commercial":
    "表三 | 法人或其他组织 / 商业企业", …}`` (the row left out: a row does not know it)."""
    number, columns = _columns_of(cls)
    return {str(c.key): f"表{number} | {JOIN.join(c.labels)}" for c in columns}


@class_cache
def signed_columns(cls: type[Any]) -> tuple[str, ...]:
    """The fields of a row class that hold signed counts (the 2019 本年增/减), per the layout.

    >>> signed_columns(ItemCounts2019), signed_columns(ApplicantCounts)
    (('change',), ())
    """
    return tuple(str(c.key) for c in _columns_of(cls)[1] if c.signed)


def _count_problems(row: Any, names: tuple[str, ...]) -> list[Problem]:
    labels = column_labels(type(row))
    signed = signed_columns(type(row))
    problems = []
    for name in names:
        v = getattr(row, name)
        fault = bad_signed(v) if name in signed else bad_count(v)
        if fault is not None:
            problems.append(Problem(f"$.{name}", fault, labels.get(name)))
    return problems


def _check_blank(blank: object) -> None:
    if blank.__class__ is not bool:
        raise WrongTypeError(f"blank= must be True or False, got {describe(blank)}")


def _build_counts(
    cls: type[Any], parts: dict[str, Any], blank: bool, total: str | None = "total"
) -> Any:
    """A row of counts from the parts given; ``total`` (if the row has one) their sum."""
    _check_blank(blank)
    labels = column_labels(cls)
    values: dict[str, int | None] = {}
    problems = []
    for name, v in parts.items():
        if v is MISSING:
            v = None if blank else 0
        fault = bad_count(v)
        if fault is not None:
            problems.append(Problem(f"$.{name}", fault, labels.get(name)))
            continue
        values[name] = v
    if problems:
        raise StructureError(problems)
    if total is not None:
        given = [v for v in values.values() if v is not None]
        values[total] = sum(given) if given else None
    return cls(**values)


# --------------------------------------------------------------------------- table 三


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

    def __attrs_post_init__(self) -> None:
        for v in (
            self.natural_person,
            self.commercial,
            self.research,
            self.public_interest,
            self.legal_services,
            self.other,
            self.total,
        ):
            if v is not None and (v.__class__ is not int or not 0 <= v <= _MAX):
                raise StructureError(_count_problems(self, self.COLUMNS))

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
        natural_person: int | _Missing | None = MISSING,
        commercial: int | _Missing | None = MISSING,
        research: int | _Missing | None = MISSING,
        public_interest: int | _Missing | None = MISSING,
        legal_services: int | _Missing | None = MISSING,
        other: int | _Missing | None = MISSING,
        blank: bool = False,
    ) -> ApplicantCounts:
        """A complete row: the columns not given are 0 (blank with ``blank=True``), an
        explicit ``None`` is a blank cell, and 总计 is the sum of the six (blank cells counted
        as 0; blank when all six are)."""
        parts = {
            "natural_person": natural_person,
            "commercial": commercial,
            "research": research,
            "public_interest": public_interest,
            "legal_services": legal_services,
            "other": other,
        }
        result: ApplicantCounts = _build_counts(cls, parts, blank)
        return result

    @classmethod
    def sum(cls, rows: tuple[ApplicantCounts, ...] | list[ApplicantCounts]) -> ApplicantCounts:
        """Cell-wise sum of rows (blank counts as 0).

        >>> a = ApplicantCounts.build(natural_person=1)
        >>> ApplicantCounts.sum([a, a]).total
        2
        """
        totals = [0] * 7
        for row in rows:
            for i, v in enumerate(row.cells()):
                totals[i] += v or 0
        return cls(**dict(zip(cls.COLUMNS, totals, strict=True)))


RowInput: TypeAlias = (
    "ApplicantCounts | Mapping[str, int | None] | Sequence[int | None] | _Missing | None"
)
"""What a builder takes for a row of table 三: a row, a mapping of column to count or the
counts in column order (built as :meth:`ApplicantCounts.build` does; 总计 may be left out),
``None`` (a blank row), or nothing (:data:`MISSING`)."""


def _check_rows(group: Any) -> None:
    """A group's sub-rows are :class:`ApplicantCounts` (each checked its own cells)."""
    for name in group.ROWS:
        if getattr(group, name).__class__ is not ApplicantCounts:
            problems = [
                Problem(f"$.{n}", fault)
                for n in group.ROWS
                if (fault := bad_instance(getattr(group, n), ApplicantCounts)) is not None
            ]
            raise StructureError(problems)


def _build_group(cls: type[Any], rows: dict[str, Any], blank: bool) -> Any:
    from govdisclosure.model.builders import build_part

    return build_part(cls, {k: v for k, v in rows.items() if v is not MISSING}, blank=blank)


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

    def __attrs_post_init__(self) -> None:
        _check_rows(self)

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

    @classmethod
    def build(
        cls,
        *,
        state_secret: RowInput = MISSING,
        prohibited_by_law: RowInput = MISSING,
        three_securities: RowInput = MISSING,
        third_party: RowInput = MISSING,
        internal_affairs: RowInput = MISSING,
        process_information: RowInput = MISSING,
        enforcement_files: RowInput = MISSING,
        inquiry_matters: RowInput = MISSING,
        blank: bool = False,
    ) -> Withheld:
        """The group from the sub-rows given; the others are rows of 0 (blank rows with
        ``blank=True``). A mapping is built with :meth:`ApplicantCounts.build`.

        >>> Withheld.build(third_party={"natural_person": 2}).third_party.cells()
        (2, 0, 0, 0, 0, 0, 2)
        """
        rows = {
            "state_secret": state_secret,
            "prohibited_by_law": prohibited_by_law,
            "three_securities": three_securities,
            "third_party": third_party,
            "internal_affairs": internal_affairs,
            "process_information": process_information,
            "enforcement_files": enforcement_files,
            "inquiry_matters": inquiry_matters,
        }
        result: Withheld = _build_group(cls, rows, blank)
        return result


@attrs.frozen(kw_only=True)
class Unable:
    """Table 三, 三、(四)无法提供."""

    not_held: ApplicantCounts = attrs.field(factory=ApplicantCounts)
    needs_creation: ApplicantCounts = attrs.field(factory=ApplicantCounts)
    still_unclear: ApplicantCounts = attrs.field(factory=ApplicantCounts)

    ROWS: ClassVar[tuple[str, ...]] = ("not_held", "needs_creation", "still_unclear")

    def __attrs_post_init__(self) -> None:
        _check_rows(self)

    def rows(self) -> tuple[ApplicantCounts, ...]:
        """The sub-rows in official order."""
        return (self.not_held, self.needs_creation, self.still_unclear)

    @classmethod
    def build(
        cls,
        *,
        not_held: RowInput = MISSING,
        needs_creation: RowInput = MISSING,
        still_unclear: RowInput = MISSING,
        blank: bool = False,
    ) -> Unable:
        """As :meth:`Withheld.build`."""
        rows = {
            "not_held": not_held,
            "needs_creation": needs_creation,
            "still_unclear": still_unclear,
        }
        result: Unable = _build_group(cls, rows, blank)
        return result


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

    def __attrs_post_init__(self) -> None:
        _check_rows(self)

    def rows(self) -> tuple[ApplicantCounts, ...]:
        """The sub-rows in official order."""
        return (self.petitions, self.repeated, self.publications, self.excessive, self.confirmation)

    @classmethod
    def build(
        cls,
        *,
        petitions: RowInput = MISSING,
        repeated: RowInput = MISSING,
        publications: RowInput = MISSING,
        excessive: RowInput = MISSING,
        confirmation: RowInput = MISSING,
        blank: bool = False,
    ) -> NotProcessed:
        """As :meth:`Withheld.build`."""
        rows = {
            "petitions": petitions,
            "repeated": repeated,
            "publications": publications,
            "excessive": excessive,
            "confirmation": confirmation,
        }
        result: NotProcessed = _build_group(cls, rows, blank)
        return result


@attrs.frozen(kw_only=True)
class OtherHandling:
    """Table 三, 三、(六)其他处理 of the 2021 edition (three sub-rows)."""

    no_correction: ApplicantCounts = attrs.field(factory=ApplicantCounts)
    unpaid_fee: ApplicantCounts = attrs.field(factory=ApplicantCounts)
    other: ApplicantCounts = attrs.field(factory=ApplicantCounts)

    ROWS: ClassVar[tuple[str, ...]] = ("no_correction", "unpaid_fee", "other")

    def __attrs_post_init__(self) -> None:
        _check_rows(self)

    def rows(self) -> tuple[ApplicantCounts, ...]:
        """The sub-rows in official order."""
        return (self.no_correction, self.unpaid_fee, self.other)

    @classmethod
    def build(
        cls,
        *,
        no_correction: RowInput = MISSING,
        unpaid_fee: RowInput = MISSING,
        other: RowInput = MISSING,
        blank: bool = False,
    ) -> OtherHandling:
        """As :meth:`Withheld.build`."""
        rows = {"no_correction": no_correction, "unpaid_fee": unpaid_fee, "other": other}
        result: OtherHandling = _build_group(cls, rows, blank)
        return result


# --------------------------------------------------------------------------- table 四


@attrs.frozen(kw_only=True)
class Outcomes:
    """One group of table 四: 结果维持 · 结果纠正 · 其他结果 · 尚未审结 · 总计 (as stated)."""

    upheld: int | None = None
    corrected: int | None = None
    other: int | None = None
    pending: int | None = None
    total: int | None = None

    COLUMNS: ClassVar[tuple[str, ...]] = ("upheld", "corrected", "other", "pending", "total")

    def __attrs_post_init__(self) -> None:
        for v in (self.upheld, self.corrected, self.other, self.pending, self.total):
            if v is not None and (v.__class__ is not int or not 0 <= v <= _MAX):
                raise StructureError(_count_problems(self, self.COLUMNS))

    def cells(self) -> tuple[int | None, ...]:
        """The five cells in column order, 总计 last."""
        return (self.upheld, self.corrected, self.other, self.pending, self.total)

    @property
    def computed_total(self) -> int | None:
        """结果维持 + 结果纠正 + 其他结果 + 尚未审结 (``None`` if any is blank)."""
        return _sum_or_none(self.cells()[:4])

    @classmethod
    def build(
        cls,
        *,
        upheld: int | _Missing | None = MISSING,
        corrected: int | _Missing | None = MISSING,
        other: int | _Missing | None = MISSING,
        pending: int | _Missing | None = MISSING,
        blank: bool = False,
    ) -> Outcomes:
        """A complete group, 总计 filled in (as :meth:`ApplicantCounts.build`).

        >>> Outcomes.build(upheld=2, pending=1).cells()
        (2, 0, 0, 1, 3)
        """
        parts = {"upheld": upheld, "corrected": corrected, "other": other, "pending": pending}
        result: Outcomes = _build_counts(cls, parts, blank)
        return result


# --------------------------------------------------------------------------- table 二


@attrs.frozen(kw_only=True)
class DocumentCounts2021:
    """Table 二, 第二十条第(一)项 row (2021): 本年制发件数 · 本年废止件数 · 现行有效件数."""

    issued: int | None = None
    repealed: int | None = None
    in_force: int | None = None

    COLUMNS: ClassVar[tuple[str, ...]] = ("issued", "repealed", "in_force")

    def __attrs_post_init__(self) -> None:
        for v in (self.issued, self.repealed, self.in_force):
            if v is not None and (v.__class__ is not int or not 0 <= v <= _MAX):
                raise StructureError(_count_problems(self, self.COLUMNS))

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

    def __attrs_post_init__(self) -> None:
        for v in (self.new_made, self.new_published, self.total_published):
            if v is not None and (v.__class__ is not int or not 0 <= v <= _MAX):
                raise StructureError(_count_problems(self, self.COLUMNS))

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

    def __attrs_post_init__(self) -> None:
        change = self.change
        for v in (self.previous_items, self.decisions):
            if v is not None and (v.__class__ is not int or not 0 <= v <= _MAX):
                break
        else:
            if change is None or (change.__class__ is int and -_MAX <= change <= _MAX):
                return
        raise StructureError(_count_problems(self, self.COLUMNS))

    def cells(self) -> tuple[int | None, ...]:
        """The cells in column order."""
        return (self.previous_items, self.change, self.decisions)


@attrs.frozen(kw_only=True)
class FeeItems2019:
    """Table 二 (2019), (八)项 行政事业性收费: 上一年项目数量 · 本年增/减 (signed)."""

    previous_items: int | None = None
    change: int | None = None

    COLUMNS: ClassVar[tuple[str, ...]] = ("previous_items", "change")

    def __attrs_post_init__(self) -> None:
        v, change = self.previous_items, self.change
        if (v is None or (v.__class__ is int and 0 <= v <= _MAX)) and (
            change is None or (change.__class__ is int and -_MAX <= change <= _MAX)
        ):
            return
        raise StructureError(_count_problems(self, self.COLUMNS))

    def cells(self) -> tuple[int | None, ...]:
        """The cells in column order."""
        return (self.previous_items, self.change)


@attrs.frozen(kw_only=True)
class Procurement2019:
    """Table 二 (2019), (九)项 政府集中采购: 采购项目数量 · 采购总金额.

    The form prints no unit for 采购总金额; ``amount_unit`` is the unit the report wrote
    beside the figure (``"184719元"``), or ``None`` when it wrote none. ``amount`` is a finite
    ``Decimal`` ≥ 0 within :data:`~govdisclosure.layout.MAX_DIGITS` digits and
    :data:`~govdisclosure.layout.MAX_PLACES` places.
    """

    projects: int | None = None
    amount: Decimal | None = None
    amount_unit: MoneyUnit | None = None

    COLUMNS: ClassVar[tuple[str, ...]] = ("projects", "amount")

    def __attrs_post_init__(self) -> None:
        labels = column_labels(Procurement2019)
        problems = _count_problems(self, ("projects",))
        fault = bad_decimal(self.amount)
        if fault is not None:
            problems.append(Problem("$.amount", fault, labels["amount"]))
        fault = bad_instance(self.amount_unit, MoneyUnit, optional=True)
        if fault is not None:
            problems.append(Problem("$.amount_unit", fault, labels["amount"]))
        if problems:
            raise StructureError(problems)

    def cells(self) -> tuple[int | None, ...]:
        """The count cells."""
        return (self.projects,)


@attrs.frozen(kw_only=True)
class ExtraRow:
    """A provincial extension row of table 二, kept rather than rejected.

    ``block`` is the official block label (``"第二十条第(一)项"``), ``label`` the row label as
    printed (no white space around it), ``values`` the counts in the block's column order
    (signed where the column is; the table checks which). A table keeps its extra rows in
    the order of their blocks, as the form prints them (stable within a block).
    """

    block: str
    label: str
    values: tuple[int | None, ...] = ()

    def __attrs_post_init__(self) -> None:
        values: Any = self.values  # as given: the annotation is what it should be
        if (
            self.block.__class__ is str
            and self.label.__class__ is str
            and values.__class__ is tuple
            and all(v is None or (v.__class__ is int and -_MAX <= v <= _MAX) for v in values)
            and bad_string(self.block) is None
            and bad_string(self.label) is None
        ):
            return
        problems = []
        for name in ("block", "label"):
            fault = bad_string(getattr(self, name))
            if fault is not None:
                problems.append(Problem(f"$.{name}", fault))
        if values.__class__ is not tuple:
            fix = "; write a tuple: tuple(...)" if isinstance(values, list) else ""
            problems.append(Problem("$.values", f"expected a tuple, found {describe(values)}{fix}"))
        else:
            for i, v in enumerate(values):
                fault = bad_signed(v)
                if fault is not None:
                    problems.append(Problem(f"$.values[{i}]", fault))
        raise StructureError(problems)
