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

import functools
import operator
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import Any, ClassVar, Final, Self, TypeAlias, TypeVar

import attrs

from govdisclosure.errors import Problem, StructureError, WrongTypeError
from govdisclosure.layout import JOIN, MAX_COUNT, ColumnLayout, Edition, layout_of
from govdisclosure.model._assembly import _Missing
from govdisclosure.model._checks import (
    bad_count,
    bad_decimal,
    bad_instance,
    bad_signed,
    bad_string,
    class_cache,
    describe,
)
from govdisclosure.model.builders import MISSING, build_part, check_names
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

R = TypeVar("R", bound=type[Any])
Getter: TypeAlias = Callable[[Any], tuple[Any, ...]]


def _getter(names: tuple[str, ...]) -> Getter:
    """A function giving the fields ``names`` of a record, as a tuple."""
    if len(names) == 1:
        (name,) = names
        return lambda record: (getattr(record, name),)
    get: Getter = operator.attrgetter(*names)
    return get


def _sum_or_none(values: tuple[int | None, ...]) -> int | None:
    if None in values:
        return None
    return sum(values)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- labels


@class_cache
def _columns_of(cls: type[Any]) -> tuple[str, tuple[ColumnLayout, ...]]:
    """The table number and the layout columns that describe a row class: those of the
    widest block, in any edition, whose column keys are all fields of the record (read from
    the layouts, so no row class names its place in the format)."""
    fields = {f.name for f in attrs.fields(cls)}
    found: list[tuple[str, tuple[ColumnLayout, ...]]] = []
    for edition in Edition:
        for table in layout_of(edition).tables:
            for block in table.blocks:
                if {c.key for c in block.columns} <= fields:
                    found.append((table.number, block.columns))
    if not found:  # pragma: no cover - a new row class must match a layout block
        raise LookupError(f"no layout block has the columns of {cls.__name__}")
    return max(found, key=lambda f: len(f[1]))


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


# --------------------------------------------------------------------------- rows of counts


class _Counts:
    """A row of counts: its cells are the fields its layout block has as columns
    (:attr:`COLUMNS`, in column order), each an ``int`` (signed where the column is) or
    ``None``, checked at once when the row is made."""

    __slots__ = ()

    COLUMNS: ClassVar[tuple[str, ...]]
    """The fields that are cells, in column order (the layout's)."""
    _CELLS: ClassVar[Getter]

    def __attrs_post_init__(self) -> None:  # written per class by _counts: _cell_check
        raise NotImplementedError  # pragma: no cover

    def cells(self) -> tuple[int | None, ...]:
        """The cells in column order."""
        return self.__class__._CELLS(self)


def _counts(cls: R) -> R:
    """Derive a row class's columns from its fields and the layout (a class decorator, above
    ``attrs.frozen``)."""
    columns = tuple(str(c.key) for c in _columns_of(cls)[1])
    if columns != tuple(f.name for f in attrs.fields(cls) if f.name in columns):
        raise TypeError(f"the fields of {cls.__name__} are not in the layout's column order")
    cls.COLUMNS = columns
    cls._CELLS = staticmethod(_getter(columns))
    if "__attrs_post_init__" not in cls.__dict__:  # a row with its own check keeps it
        cls.__attrs_post_init__ = _cell_check(cls, columns, signed_columns(cls))
    return cls


def _cell_check(
    cls: type[Any], columns: tuple[str, ...], signed: tuple[str, ...]
) -> Callable[[Any], None]:
    """The row's one check of its cells, written out for its columns (as attrs writes out
    ``__init__``): one expression, each cell ``None`` or an ``int`` within its bounds
    (±``MAX_COUNT`` where the column is signed); only when it fails are the cells
    described, by :func:`_count_problems`. A loop over the cells costs twice as much, and
    every row of every report read pays it."""
    terms = [
        f"((v := self.{name}) is None or "
        f"(v.__class__ is int and {'-_MAX' if name in signed else '0'} <= v <= _MAX))"
        for name in columns
    ]
    source = (
        "def __attrs_post_init__(self):\n"
        f"    if not ({' and '.join(terms)}):\n"
        "        raise StructureError(_count_problems(self, self.COLUMNS))\n"
    )
    scope: dict[str, Any] = {
        "_MAX": _MAX,
        "StructureError": StructureError,
        "_count_problems": _count_problems,
    }
    exec(compile(source, f"<cell check of {cls.__qualname__}>", "exec"), scope)
    check: Callable[[Any], None] = scope["__attrs_post_init__"]
    check.__qualname__ = f"{cls.__qualname__}.__attrs_post_init__"
    return check


class _Totalled(_Counts):
    """A row of counts whose last column, 总计 (``total``), is the sum of the others."""

    __slots__ = ()

    @property
    def computed_total(self) -> int | None:
        """The sum of the cells before 总计 (``None`` if any is blank)."""
        return _sum_or_none(self.cells()[:-1])

    @classmethod
    def build(cls, *, blank: bool = False, **columns: int | _Missing | None) -> Self:
        """A complete row: the columns not given are 0 (blank with ``blank=True``), an
        explicit ``None`` is a blank cell, and 总计 is the sum of the others (blank cells
        counted as 0; blank when all of them are)."""
        _check_blank(blank)
        parts = cls.COLUMNS[:-1]
        check_names(cls, columns, parts)
        labels = column_labels(cls)
        values: dict[str, int | None] = {}
        problems = []
        for name in parts:
            v = columns.get(name, MISSING)
            if v is MISSING:
                v = None if blank else 0
            fault = bad_count(v)
            if fault is not None:
                problems.append(Problem(f"$.{name}", fault, labels.get(name)))
                continue
            values[name] = v
        if problems:
            raise StructureError(problems)
        given = [v for v in values.values() if v is not None]
        values["total"] = sum(given) if given else None
        return cls(**values)


# --------------------------------------------------------------------------- table 三


@_counts
@attrs.frozen(kw_only=True)
class ApplicantCounts(_Totalled):
    """One row of table 三: counts by applicant type, and the 总计 as stated.

    Columns: 自然人 · 法人或其他组织 (商业企业 · 科研机构 · 社会公益组织 · 法律服务机构 ·
    其他) · 总计. :meth:`build` makes a complete row (总计 the sum of the six).

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

    @property
    def parts(self) -> tuple[int | None, ...]:
        """The six applicant-type cells (总计 excluded)."""
        return self.cells()[:6]

    @property
    def legal_persons(self) -> int | None:
        """The sum of the five 法人或其他组织 columns (``None`` if any is blank)."""
        return _sum_or_none(self.cells()[1:6])

    @classmethod
    def sum(cls, rows: tuple[ApplicantCounts, ...] | list[ApplicantCounts]) -> ApplicantCounts:
        """Cell-wise sum of rows (blank counts as 0).

        >>> a = ApplicantCounts.build(natural_person=1)
        >>> ApplicantCounts.sum([a, a]).total
        2
        """
        totals = [0] * len(cls.COLUMNS)
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


class _Group:
    """A group of rows of table 三 (``Withheld`` …): its sub-rows are its fields, each an
    :class:`ApplicantCounts` (:attr:`ROWS`, in official order)."""

    __slots__ = ()

    ROWS: ClassVar[tuple[str, ...]]
    """The sub-rows' names in official order."""
    _ROWS: ClassVar[Getter]

    def __attrs_post_init__(self) -> None:
        for row in self.__class__._ROWS(self):
            if row.__class__ is not ApplicantCounts:
                problems = [
                    Problem(f"$.{n}", fault)
                    for n in self.ROWS
                    if (fault := bad_instance(getattr(self, n), ApplicantCounts)) is not None
                ]
                raise StructureError(problems)

    def rows(self) -> tuple[ApplicantCounts, ...]:
        """The sub-rows in official order."""
        return self.__class__._ROWS(self)

    @classmethod
    def build(cls, *, blank: bool = False, **rows: RowInput) -> Self:
        """The group from the sub-rows given; the others are rows of 0 (blank rows with
        ``blank=True``). A mapping is built with :meth:`ApplicantCounts.build`."""
        check_names(cls, rows, cls.ROWS)
        given = {k: v for k, v in rows.items() if v is not MISSING}
        result: Self = build_part(cls, given, blank=blank)
        return result


@functools.cache
def _layout_groups() -> tuple[tuple[str, ...], ...]:
    """The sub-row names of every group of rows in the layouts (``withheld.state_secret`` …
    gives ``state_secret`` …), in the layout's order."""
    groups: dict[tuple[Edition, str, str], list[str]] = {}
    for edition in Edition:
        for table in layout_of(edition).tables:
            for block in table.blocks:
                for row in block.rows:
                    group, dot, name = row.key.rpartition(".")
                    if dot:
                        groups.setdefault((edition, table.number, group), []).append(name)
    return tuple(tuple(names) for names in groups.values())


def _group(cls: R) -> R:
    """Derive a group's row names from its fields, which must be a group of rows of the
    layout, in its order (a class decorator, above ``attrs.frozen``)."""
    rows = tuple(f.name for f in attrs.fields(cls))
    if rows not in _layout_groups():
        raise TypeError(f"the fields of {cls.__name__} are no group of rows of a layout")
    cls.ROWS = rows
    cls._ROWS = staticmethod(_getter(rows))
    return cls


@_group
@attrs.frozen(kw_only=True)
class Withheld(_Group):
    """Table 三, 三、(三)不予公开: the eight grounds for withholding.

    >>> Withheld.build(third_party={"natural_person": 2}).third_party.cells()
    (2, 0, 0, 0, 0, 0, 2)
    """

    state_secret: ApplicantCounts = attrs.field(factory=ApplicantCounts)
    prohibited_by_law: ApplicantCounts = attrs.field(factory=ApplicantCounts)
    three_securities: ApplicantCounts = attrs.field(factory=ApplicantCounts)
    third_party: ApplicantCounts = attrs.field(factory=ApplicantCounts)
    internal_affairs: ApplicantCounts = attrs.field(factory=ApplicantCounts)
    process_information: ApplicantCounts = attrs.field(factory=ApplicantCounts)
    enforcement_files: ApplicantCounts = attrs.field(factory=ApplicantCounts)
    inquiry_matters: ApplicantCounts = attrs.field(factory=ApplicantCounts)


@_group
@attrs.frozen(kw_only=True)
class Unable(_Group):
    """Table 三, 三、(四)无法提供."""

    not_held: ApplicantCounts = attrs.field(factory=ApplicantCounts)
    needs_creation: ApplicantCounts = attrs.field(factory=ApplicantCounts)
    still_unclear: ApplicantCounts = attrs.field(factory=ApplicantCounts)


@_group
@attrs.frozen(kw_only=True)
class NotProcessed(_Group):
    """Table 三, 三、(五)不予处理."""

    petitions: ApplicantCounts = attrs.field(factory=ApplicantCounts)
    repeated: ApplicantCounts = attrs.field(factory=ApplicantCounts)
    publications: ApplicantCounts = attrs.field(factory=ApplicantCounts)
    excessive: ApplicantCounts = attrs.field(factory=ApplicantCounts)
    confirmation: ApplicantCounts = attrs.field(factory=ApplicantCounts)


@_group
@attrs.frozen(kw_only=True)
class OtherHandling(_Group):
    """Table 三, 三、(六)其他处理 of the 2021 edition (three sub-rows)."""

    no_correction: ApplicantCounts = attrs.field(factory=ApplicantCounts)
    unpaid_fee: ApplicantCounts = attrs.field(factory=ApplicantCounts)
    other: ApplicantCounts = attrs.field(factory=ApplicantCounts)


# --------------------------------------------------------------------------- table 四


@_counts
@attrs.frozen(kw_only=True)
class Outcomes(_Totalled):
    """One group of table 四: 结果维持 · 结果纠正 · 其他结果 · 尚未审结 · 总计 (as stated).

    >>> Outcomes.build(upheld=2, pending=1).cells()
    (2, 0, 0, 1, 3)
    """

    upheld: int | None = None
    corrected: int | None = None
    other: int | None = None
    pending: int | None = None
    total: int | None = None


# --------------------------------------------------------------------------- table 二


@_counts
@attrs.frozen(kw_only=True)
class DocumentCounts2021(_Counts):
    """Table 二, 第二十条第(一)项 row (2021): 本年制发件数 · 本年废止件数 · 现行有效件数."""

    issued: int | None = None
    repealed: int | None = None
    in_force: int | None = None


@_counts
@attrs.frozen(kw_only=True)
class DocumentCounts2019(_Counts):
    """Table 二, 第二十条第(一)项 row (2019): 本年新制作数量 · 本年新公开数量 · 对外公开总数量."""

    new_made: int | None = None
    new_published: int | None = None
    total_published: int | None = None


@_counts
@attrs.frozen(kw_only=True)
class ItemCounts2019(_Counts):
    """Table 二 (2019), (五)/(六)项 row: 上一年项目数量 · 本年增/减 (signed) · 处理决定数量.

    The form defines no rule between the three figures.
    """

    previous_items: int | None = None
    change: int | None = None
    decisions: int | None = None


@_counts
@attrs.frozen(kw_only=True)
class FeeItems2019(_Counts):
    """Table 二 (2019), (八)项 行政事业性收费: 上一年项目数量 · 本年增/减 (signed)."""

    previous_items: int | None = None
    change: int | None = None


@_counts
@attrs.frozen(kw_only=True)
class Procurement2019(_Counts):
    """Table 二 (2019), (九)项 政府集中采购: 采购项目数量 · 采购总金额.

    The form prints no unit for 采购总金额; ``amount_unit`` is the unit the report wrote
    beside the figure (``"184719元"``), or ``None`` when it wrote none. ``amount`` is a finite
    ``Decimal`` ≥ 0 within :data:`~govdisclosure.layout.MAX_DIGITS` digits and
    :data:`~govdisclosure.layout.MAX_PLACES` places.
    """

    projects: int | None = None
    amount: Decimal | None = None
    amount_unit: MoneyUnit | None = None

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
