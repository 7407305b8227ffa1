"""The types an edition's layout is described with, and the :class:`Edition` itself.

The data of each edition lives in its own module (:mod:`.standard_2021`, :mod:`.trial_2019`,
:mod:`.legacy_2008`); these types hold it. Nothing on this floor knows the model: a table's
cells are found by attribute paths (``"withheld.state_secret.natural_person"``), and the model
binds its classes to these layouts, never the other way round.
"""

from __future__ import annotations

import enum
import operator
import re
import unicodedata
from collections.abc import Callable
from typing import Any, Final, Literal

import attrs

CellKind = Literal["count", "signed", "amount", "decimal"]
"""What a cell holds: a count ≥ 0, a signed count (2019 本年增/减), an amount in the column's
money unit (2021 收费金额), or a bare decimal whose unit the report prints (2019 采购总金额)."""

JOIN: Final = " / "
"""How label paths are joined in tidy rows and messages."""

MIN_YEAR: Final = 1990
"""The earliest report year accepted (the first local disclosure rules date from 2002)."""
MAX_YEAR: Final = 2200
"""The latest report year accepted."""

MAX_COUNT: Final = 10**15
"""The largest count a cell or a fact may hold (and the largest |change| of a signed cell):
far above any report, small enough to be written in Chinese numerals and formatted exactly."""

MAX_ORDINAL: Final = 999
"""Section ordinals run from 1 to this (the range :mod:`govdisclosure.numerals` writes)."""

MAX_DIGITS: Final = 30
"""The most significant digits an amount or decimal figure of a report may have."""

MAX_PLACES: Final = 10
"""The most decimal places an amount or decimal figure of a report may have."""

TABLE_ATTRIBUTES: Final = ("active", "requests", "reviews")
"""The report attributes that hold tables, in the order of their numbers (二, 三, 四)."""


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


def normalize_label(text: str) -> str:
    """NFKC-normalise and drop all white space, as every label comparison must.

    >>> normalize_label("第二十条 第（一）项")
    '第二十条第(一)项'
    """
    if not unicodedata.is_normalized("NFKC", text):  # the check costs little
        text = unicodedata.normalize("NFKC", text)
    return "".join(text.split())


_PRINTED = str.maketrans(
    {"(": "\uff08", ")": "\uff09", ",": "\uff0c", ":": "\uff1a", ";": "\uff1b"}
)


def printed_label(label: str) -> str:
    """The printed form of a Chinese label of the layouts: the one rule that derives it.

    Labels are stored NFKC-normalised (ASCII ``( ) , : ;``) for matching and keys; the official
    forms and every published page print full-width ``（），：；``. Other marks stay as stored:
    ``1.`` before an item, ``/`` in 本年增/减, the quotes of “三安全一稳定”.

    >>> printed_label("本年收费金额(单位:万元)")
    '本年收费金额（单位：万元）'
    >>> printed_label("(二)部分公开(区分处理的,只计这一情形,不计其他情形)")
    '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'
    >>> normalize_label(printed_label("第二十条第(一)项")) == "第二十条第(一)项"
    True
    """
    return label.translate(_PRINTED)


_QUOTES = str.maketrans("", "", "\"'“”‘’「」『』")
_QUOTE_MARK = re.compile("[\"'“”‘’「」『』]")


def label_key(text: str) -> str:
    """A looser key for matching printed labels: normalised, quotes dropped, 情况→情形.

    >>> label_key('3.危及“三安全一稳定”') == label_key("3.危及三安全一稳定")
    True
    """
    key = normalize_label(text)
    if _QUOTE_MARK.search(key):  # translating costs more than looking
        key = key.translate(_QUOTES)
    return key.replace("情况", "情形")


class _Labelled:
    """What the layouts of a column, a row and a block share: a label path, printed as the
    form prints it, and a repr for IPython."""

    __slots__ = ()

    labels: tuple[str, ...]

    def _repr_pretty_(self, p: Any, cycle: bool) -> None:
        p.text(repr(self))

    @property
    def printed(self) -> tuple[str, ...]:
        """The label path as the form prints it (:func:`printed_label`)."""
        return tuple(printed_label(x) for x in self.labels)


@attrs.frozen
class ColumnLayout(_Labelled):
    """A column: ``key`` is the attribute within the row record (``None`` when the row
    attribute itself holds the value); ``labels`` the official header path."""

    key: str | None
    labels: tuple[str, ...]
    en: tuple[str, ...]
    kind: CellKind = "count"
    unit_from: str | None = None
    """For a ``decimal`` column whose unit the report prints beside the figure: the dotted
    attribute path, within the table, of the :class:`~govdisclosure.money.MoneyUnit` read."""
    unit: str | None = None
    """The unit of the column's figures when it is not the kind's own (件 for counts, 万元 for
    amounts): the 2019 上一年项目数量, 本年增/减 and 采购项目数量 count 事项/项目, in 项."""

    def __repr__(self) -> str:
        return f"<ColumnLayout {self.key or '-'}: {JOIN.join(self.labels)} ({self.kind})>"

    @property
    def signed(self) -> bool:
        """Whether the column holds signed counts (the 2019 本年增/减)."""
        return self.kind == "signed"

    @property
    def counts(self) -> bool:
        """Whether the column holds counts (signed or not)."""
        return self.kind in ("count", "signed")


@attrs.frozen
class RowLayout(_Labelled):
    """A row: ``key`` is the dotted attribute path within the table; ``labels`` the official
    label path, outermost group first; ``aliases`` other printed forms of the last label."""

    key: str
    labels: tuple[str, ...]
    en: tuple[str, ...]
    aliases: tuple[str, ...] = ()

    def __repr__(self) -> str:
        return f"<RowLayout {self.key}: {JOIN.join(self.labels)}>"


@attrs.frozen
class BlockLayout(_Labelled):
    """A block of rows sharing one set of columns (table 二 has one per 条例 item)."""

    labels: tuple[str, ...]
    en: tuple[str, ...]
    columns: tuple[ColumnLayout, ...]
    rows: tuple[RowLayout, ...]
    aliases: tuple[str, ...] = ()

    def __repr__(self) -> str:
        from govdisclosure._reprs import clip

        label = clip(JOIN.join(self.labels), 40) or "(unnamed)"
        return f"<BlockLayout {label}: {len(self.rows)} rows, {len(self.columns)} columns>"

    @property
    def label(self) -> str | None:
        """The block's own label (``"第二十条第(一)项"``), or ``None`` for an unnamed block."""
        return self.labels[0] if self.labels else None

    @property
    def counts_only(self) -> bool:
        """Whether every column holds counts: only such blocks take provincial extra rows."""
        return all(c.counts for c in self.columns)


@attrs.frozen
class CellLayout:
    """One cell of a table, with everything needed to find, label and check it."""

    table: str
    """The table's number: "二", "三" or "四"."""
    table_en: str
    """The table's number in the English labels: "2", "3" or "4"."""
    attribute: str
    """The report attribute holding the table: "active", "requests" or "reviews"."""
    key: str
    """The dotted attribute path within the table: "new.natural_person"."""
    row_labels: tuple[str, ...]
    column_labels: tuple[str, ...]
    row_en: tuple[str, ...]
    column_en: tuple[str, ...]
    kind: CellKind
    unit: str
    """The unit of the cell's value: "件" for counts ("项" for the 2019 counts of items and
    projects), "万元" for the 2021 fee; "" for the 2019 采购总金额, whose unit is read from the
    table (:meth:`unit_of`)."""
    get_from_table: Callable[[Any], Any] = attrs.field(eq=False, repr=False)
    unit_from: str | None = None
    """See :attr:`ColumnLayout.unit_from`."""

    def __repr__(self) -> str:
        from govdisclosure._reprs import clip

        return (
            f"<CellLayout 表{self.table} {self.attribute}.{self.key}: "
            f"{clip(self.row, 40)} | {clip(self.column, 30)} ({self.kind}, {self.unit or '-'})>"
        )

    def _repr_pretty_(self, p: Any, cycle: bool) -> None:
        p.text(repr(self))

    @property
    def row(self) -> str:
        """The row labels joined with " / "."""
        return JOIN.join(self.row_labels)

    @property
    def column(self) -> str:
        """The column labels joined with " / "."""
        return JOIN.join(self.column_labels)

    @property
    def label(self) -> str:
        """表N, row and column, for messages: "表三 一、本年新收… / 自然人"."""
        return f"表{self.table} {self.row} | {self.column}"

    @property
    def label_en(self) -> str:
        """The English counterpart of :attr:`label`."""
        return f"Table {self.table_en} {JOIN.join(self.row_en)} | " + JOIN.join(self.column_en)

    @property
    def table_path(self) -> str:
        """The path within the table's own ``to_dict`` form: ".new.natural_person"."""
        return "." + self.key

    @property
    def json_path(self) -> str:
        """The JSON path in the report's ``to_dict`` form."""
        return f"$.{self.attribute}.{self.key}"

    def get(self, report: Any) -> Any:
        """The cell's value in ``report`` (``None`` when the table is absent)."""
        table = getattr(report, self.attribute)
        return None if table is None else self.get_from_table(table)

    def unit_of(self, table: Any) -> str | None:
        """The unit of this cell's figure in ``table``: :attr:`unit`, or for a column whose
        unit the report prints, the unit read (``None`` when the report printed none)."""
        if self.unit_from is None:
            return self.unit
        printed = operator.attrgetter(self.unit_from)(table)
        return None if printed is None else str(printed.value)


@attrs.frozen
class TableLayout:
    """A table of an edition."""

    number: str
    """The table's number as printed: "二", "三" or "四"."""
    number_en: str
    """The number in English labels: "2", "3" or "4"."""
    attribute: str
    title: str
    title_en: str
    blocks: tuple[BlockLayout, ...]
    corner_note: str | None = None
    corner_note_en: str | None = None
    column_caption: str | None = None
    """A spanning caption above every column (表三: "申请人情况")."""
    column_caption_en: str | None = None
    row_header: str | None = None
    """The header of the label column, printed in each block (表二: "信息内容")."""
    row_header_en: str | None = None
    transposed: bool = False
    """Printed with the layout's rows as column groups over one row of figures (表四)."""
    cells: tuple[CellLayout, ...] = attrs.field(init=False, eq=False, repr=False)

    def __repr__(self) -> str:
        from govdisclosure._reprs import clip

        return (
            f"<TableLayout 表{self.number} {self.attribute}: {clip(self.title, 30)}; "
            f"{len(self.blocks)} blocks, {len(self.cells)} cells>"
        )

    def _repr_pretty_(self, p: Any, cycle: bool) -> None:
        p.text(repr(self))

    def __attrs_post_init__(self) -> None:
        cells = []
        for block in self.blocks:
            for row in block.rows:
                for col in block.columns:
                    key = row.key if col.key is None else f"{row.key}.{col.key}"
                    unit = col.unit or {"amount": "万元", "decimal": ""}.get(col.kind, "件")
                    cells.append(
                        CellLayout(
                            table=self.number,
                            table_en=self.number_en,
                            attribute=self.attribute,
                            key=key,
                            row_labels=(*block.labels, *row.labels),
                            column_labels=col.labels,
                            row_en=(*block.en, *row.en),
                            column_en=col.en,
                            kind=col.kind,
                            unit=unit,
                            unit_from=col.unit_from,
                            get_from_table=operator.attrgetter(key),
                        )
                    )
        object.__setattr__(self, "cells", tuple(cells))

    @property
    def printed_corner_note(self) -> str | None:
        """The corner note as the form prints it (:func:`printed_label`)."""
        return None if self.corner_note is None else printed_label(self.corner_note)

    @property
    def label(self) -> str:
        """ "表三" — the table as messages name it."""
        return f"表{self.number}"

    @property
    def label_en(self) -> str:
        """ "Table 3"."""
        return f"Table {self.number_en}"

    def block(self, label: str) -> BlockLayout | None:
        """The block whose official label is ``label`` (``None`` if there is none)."""
        return next((b for b in self.blocks if b.label == label), None)


@attrs.frozen
class SectionLayout:
    """A top-level section heading: ``ordinal`` 1 is "一、"."""

    ordinal: int
    title: str
    en: str
    aliases: tuple[str, ...] = ()
    table: str | None = None
    """The number of the table printed in this section, if any."""

    def __repr__(self) -> str:
        return f"<SectionLayout {self.ordinal} {self.title}>"

    def _repr_pretty_(self, p: Any, cycle: bool) -> None:
        p.text(repr(self))


@attrs.frozen
class EditionLayout:
    """Everything an edition prescribes."""

    edition: Edition
    name: str
    basis: str
    sections: tuple[SectionLayout, ...]
    tables: tuple[TableLayout, ...]
    cells: tuple[CellLayout, ...] = attrs.field(init=False, eq=False, repr=False)
    _index: dict[tuple[str, str], CellLayout] = attrs.field(
        init=False, eq=False, repr=False, alias="_index"
    )

    def __repr__(self) -> str:
        tables = ", ".join(f"表{t.number} {len(t.cells)}" for t in self.tables) or "none"
        return (
            f"<EditionLayout {self.edition.value}: {len(self.sections)} sections; "
            f"tables {tables}; {len(self.cells)} cells>"
        )

    def _repr_pretty_(self, p: Any, cycle: bool) -> None:
        p.text(repr(self))

    def __attrs_post_init__(self) -> None:
        cells = tuple(c for t in self.tables for c in t.cells)
        object.__setattr__(self, "cells", cells)
        object.__setattr__(self, "_index", {(c.attribute, c.key): c for c in cells})

    def table(self, number_or_attribute: str) -> TableLayout:
        """The table by number ("三") or report attribute ("requests")."""
        for t in self.tables:
            if number_or_attribute in (t.number, t.attribute):
                return t
        raise KeyError(f"{self.edition.value} has no table {number_or_attribute!r}")

    def cell(self, attribute: str, key: str) -> CellLayout:
        """The cell at a report attribute and dotted key."""
        try:
            return self._index[attribute, key]
        except KeyError:
            raise KeyError(f"{self.edition.value} has no cell {attribute}.{key}") from None

    def find_cell(self, path: str) -> CellLayout | None:
        """The cell at a JSON path (``"$.requests.new.total"``), or ``None``.

        >>> from govdisclosure.layout import layout_of
        >>> layout_of(Edition.STANDARD_2021).find_cell("$.active.fees").column
        '本年收费金额(单位:万元)'
        """
        attribute, _, key = path.removeprefix("$.").partition(".")
        return self._index.get((attribute, key))
