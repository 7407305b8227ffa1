"""Builders: complete tables that check clean, from the figures an agency has.

Four ways in, one assembly. Each table class has

- ``build(**rows)``: by attribute — rows as records, mappings of columns, sequences of
  figures in column order, or ``None`` (a blank row);
- ``from_grid(grid)``: rows of numbers under the printed row labels, as a spreadsheet or a
  CSV file holds the table (``csv.reader`` rows go straight in);
- ``from_cells(cells)``: tidy cells, one ``(row, column, value)`` each (what
  :func:`govdisclosure.to_rows` writes, or a tidy CSV read with ``csv.DictReader``);
- ``from_keys(figures)``: dotted keys, ``{"withheld.third_party.natural_person": 2}``.

All four give the same table for the same figures, by the same rules:

- a cell, row or sub-row not given is 0 — blank (``None``) with ``blank=True``; an explicit
  ``None`` is a blank cell (or row); in a grid, tidy cells or keys, an empty string ``""``
  (an empty CSV cell) is "not given";
- a total not given is computed: each row's 总计 from its parts, table 三's (七)总计 from the
  outcome rows and 四、结转下年度继续办理 as 一 + 二 − (七)总计, table 四's 总计 — blank cells
  counted as 0, and blank only when every term is; totals that are given are kept as given
  (:func:`govdisclosure.check` then compares them);
- figures are ints (digit strings too, where the input is text: a grid, cells, keys), never
  floats; the 2021 fee an :class:`~govdisclosure.Amount` in 万元 or its value in 万元;
- every problem is collected and raised at once as a :class:`~govdisclosure.StructureError`
  whose paths are report paths (``$.requests.new.natural_person``) and whose labels are the
  layout's (:attr:`~govdisclosure.layout.CellLayout.label`). Labels are matched through
  :mod:`govdisclosure.layout.match`, the one label matcher.

>>> from govdisclosure import Requests2021, check
>>> t = Requests2021.from_grid([
...     ["一、本年新收政府信息公开申请数量", 10, 2, 0, 0, 0, 0],
...     ["三、本年度办理结果"],
...     ["(一)予以公开", 7, 1, 0, 0, 0, 0],
...     ["(三)不予公开"],
...     ["1.属于国家秘密", 1, 0, 0, 0, 0, 0],
... ])
>>> t.total.cells(), t.carried_forward.cells()
((8, 1, 0, 0, 0, 0, 9), (2, 1, 0, 0, 0, 0, 3))
>>> Requests2021.from_keys({"new.natural_person": 2, "granted.natural_person": 2}) == (
...     Requests2021.build(new={"natural_person": 2}, granted=[2, 0, 0, 0, 0, 0]))
True

When the outcomes exceed what was received, the error says which sum, where, by how much:

>>> Requests2021.build(new={"natural_person": 3}, granted={"natural_person": 5})
Traceback (most recent call last):
...
govdisclosure.errors.StructureError: 1 problem in the input:
  $.requests.total.natural_person (表三 三、本年度办理结果 / (七)总计 | 自然人): the outcome
  rows add up to 5 in column 自然人, more than 一 + 二 = 3 (一、本年新收 3 + 二、上年结转 0),
  by 2: raise 一 or 二, lower an outcome, or give carried_forward
"""

from __future__ import annotations

import difflib
import re
import typing
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any, TypeAlias, TypeVar

import attrs

from govdisclosure.errors import GovDisclosureError, Problem, StructureError, WrongTypeError
from govdisclosure.layout import (
    JOIN,
    BlockLayout,
    ColumnLayout,
    Edition,
    TableLayout,
    label_key,
    normalize_label,
)
from govdisclosure.layout.match import Matcher, joined_key, matcher
from govdisclosure.model._checks import (
    bad_count,
    bad_decimal,
    bad_signed,
    class_cache,
    describe,
)
from govdisclosure.model.rows import (
    MISSING,
    ApplicantCounts,
    ExtraRow,
    NotProcessed,
    OtherHandling,
    Outcomes,
    Unable,
    Withheld,
    _Missing,
)
from govdisclosure.model.tables import (
    _CLASSES,
    _labels,
    _RequestsBase,
    layout_of_table,
    signed_fields,
)
from govdisclosure.money import Amount, MoneyUnit

__all__ = ["Cells", "Grid", "build_part", "build_table", "from_cells", "from_grid", "from_keys"]

T = TypeVar("T")

Grid: TypeAlias = "Iterable[Sequence[Any]] | Mapping[str, Sequence[Any]]"
"""Rows of a printed table: each a label followed by its figures (or a mapping of label to
figures)."""
Cells: TypeAlias = "Iterable[Mapping[str, Any] | Sequence[Any]]"
"""Tidy cells: mappings with ``row``, ``column``, ``value`` (``table``, ``unit`` optional), or
``(row, column, value)`` sequences."""

#: Row records whose ``total`` is the sum of their other cells.
_TOTALLED = (ApplicantCounts, Outcomes)

_UNIT_SUFFIX = re.compile(r"(?:元|万元|亿元)\Z")
_DIGITS = re.compile(r"[+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)\Z")
_DECIMAL = re.compile(r"(?:0|[1-9][0-9]*)(?:\.[0-9]+)?\Z")


def _edition_of(cls: type[Any]) -> Edition:
    for edition, by_number in _CLASSES.items():
        if cls in by_number.values():
            return edition
    raise TypeError(f"{cls.__name__} is not a table class")


@class_cache
def _fields(cls: type[Any]) -> tuple[tuple[str, str, Any], ...]:
    """Each field of a record: its name, its kind, and (for a record) its class.

    Kinds: ``record``, ``count``, ``signed``, ``amount``, ``decimal``, ``unit``, ``extra``.
    """
    hints = typing.get_type_hints(cls)
    signed = signed_fields()
    out: list[tuple[str, str, Any]] = []
    for f in attrs.fields(cls):
        t = hints[f.name]
        args = set(typing.get_args(t))
        if attrs.has(t):
            out.append((f.name, "record", t))
        elif args == {int, type(None)}:
            out.append((f.name, "signed" if (cls, f.name) in signed else "count", None))
        elif Amount in args:
            out.append((f.name, "amount", None))
        elif Decimal in args:
            out.append((f.name, "decimal", None))
        elif MoneyUnit in args:
            out.append((f.name, "unit", None))
        elif f.name == "extra_rows":
            out.append((f.name, "extra", None))
        else:  # pragma: no cover - a new field kind must be taught here
            raise TypeError(f"no builder for {cls.__name__}.{f.name}: {t}")
    return tuple(out)


def _is_sequence(value: object) -> bool:
    return isinstance(value, Sequence) and not isinstance(value, str | bytes | bytearray)


def _empty(value: object) -> bool:
    return value.__class__ is str and not value.strip()


class _Assembly:
    """One build: the table's layout and labels, the rules, and every problem found."""

    def __init__(
        self,
        table: type[Any],
        blank: bool,
        *,
        lenient: bool,
        root: str | None = None,
        base: str = "",
    ) -> None:
        if blank.__class__ is not bool:  # an argument, not data: the rows' builders say so too
            raise WrongTypeError(f"blank= must be True or False, got {describe(blank)}")
        self.layout: TableLayout = layout_of_table(table)
        self.labels = _labels(table)
        self.blank = blank
        self.lenient = lenient
        self.root = f"$.{self.layout.attribute}" if root is None else root
        self.base = base
        self.problems: list[Problem] = []

    # ---- where -----------------------------------------------------------------------------

    def path(self, key: str) -> str:
        return f"{self.root}.{key}" if key else self.root

    def label(self, key: str) -> str | None:
        full = f"{self.base}.{key}" if self.base else key
        label: str | None = self.labels.get(f"$.{self.layout.attribute}.{full}")
        return label

    def problem(self, key: str, message: str, label: str | None = None) -> None:
        self.problems.append(Problem(self.path(key), message, label or self.label(key)))

    # ---- leaves ----------------------------------------------------------------------------

    def count(self, value: Any, key: str, *, signed: bool = False) -> int | _Missing | None:
        """A count cell: ``MISSING`` stays so for the caller to fill (0, blank or computed)."""
        if value is MISSING or value is None:
            return value
        if value.__class__ is str and self.lenient:
            text = value.strip()
            if not text:
                return MISSING
            if _DIGITS.match(text) and len(text) <= 25:
                value = int(text.replace(",", ""))
        fault = bad_signed(value) if signed else bad_count(value)
        if fault is not None:
            self.problem(key, fault)
            return MISSING
        return value  # type: ignore[no-any-return]

    def fill(self, value: int | _Missing | None) -> int | None:
        if value is MISSING:
            return None if self.blank else 0
        return value

    def amount(self, value: Any, key: str) -> Amount | None:
        if value.__class__ is str and not value.strip():
            value = MISSING
        if value is MISSING:
            return None if self.blank else Amount(0, MoneyUnit.WAN_YUAN)
        if value is None or value.__class__ is Amount:
            return value
        try:
            if value.__class__ is str:
                text = normalize_label(value)
                if text.endswith("元"):
                    return Amount.parse(text)
                return Amount(text, MoneyUnit.WAN_YUAN)
            if value.__class__ in (int, Decimal):
                return Amount(value, MoneyUnit.WAN_YUAN)
        except (GovDisclosureError, ValueError, TypeError) as exc:
            self.problem(
                key, f'expected an amount in 万元 such as "20.30", found {describe(value)}: {exc}'
            )
            return None
        self.problem(
            key,
            'expected an Amount in 万元, or its value in 万元 (such as "20.30"), '
            f"found {describe(value)}",
        )
        return None

    def decimal(self, value: Any, key: str) -> Decimal | None:
        """A bare decimal figure (the 2019 采购总金额); a printed unit after it ("184719元")
        is read by :meth:`record` into the record's unit field."""
        if value.__class__ is str:
            value = _UNIT_SUFFIX.sub("", normalize_label(value)) if value.strip() else MISSING
        if value is MISSING:
            return None if self.blank else Decimal(0)
        if value.__class__ is int and value >= 0:
            value = Decimal(value)
        elif value.__class__ is str and _DECIMAL.match(value.strip().replace(",", "")):
            value = Decimal(value.strip().replace(",", ""))
        fault = bad_decimal(value)
        if fault is not None:
            self.problem(key, fault)
            return None
        return value  # type: ignore[no-any-return]

    def unit(self, value: Any, key: str) -> MoneyUnit | None:
        if value is MISSING or value is None or _empty(value):
            return None
        if value.__class__ is MoneyUnit:
            return value
        if value.__class__ is str:
            try:
                return MoneyUnit(normalize_label(value))
            except ValueError:
                pass
        self.problem(key, f"expected a unit 元, 万元 or 亿元, found {describe(value)}")
        return None

    def extra_rows(self, value: Any, key: str) -> tuple[ExtraRow, ...]:
        if value is MISSING or value is None:
            return ()
        if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
            self.problem(key, f"expected a list of extra rows, found {describe(value)}")
            return ()
        blocks = {b.labels[0]: b for b in self.layout.blocks if b.labels}
        rows = []
        for i, row in enumerate(value):
            here = f"{key}[{i}]"
            if row.__class__ is ExtraRow:
                rows.append(row)
                continue
            if isinstance(row, Mapping):
                fields = dict(row)
            elif _is_sequence(row) and len(row) == 3:
                fields = dict(zip(("block", "label", "values"), row, strict=True))
            else:
                self.problem(here, f"expected an ExtraRow or a mapping, found {describe(row)}")
                continue
            values = fields.get("values", ())
            block = blocks.get(fields.get("block"))  # type: ignore[arg-type]
            if _is_sequence(values) and block is not None:
                cells = []
                for j, v in enumerate(values):
                    signed = j < len(block.columns) and block.columns[j].signed
                    cells.append(self.fill(self.count(v, f"{here}.values[{j}]", signed=signed)))
                fields["values"] = tuple(cells)
            try:
                rows.append(ExtraRow(**fields))
            except TypeError as exc:
                self.problem(here, f"expected the fields block, label and values: {exc}")
            except StructureError as exc:
                for p in exc.problems:
                    self.problems.append(Problem(self.path(here) + p.path[1:], p.message, p.label))
        return tuple(rows)

    # ---- records ---------------------------------------------------------------------------

    def positional(self, cls: type[Any], values: Sequence[Any], key: str) -> dict[str, Any] | None:
        names = [name for name, _, _ in _fields(cls)]
        if len(values) > len(names):
            self.problem(
                key,
                f"expected at most {len(names)} figures ({', '.join(names)}), found {len(values)}",
            )
            return None
        return dict(zip(names, values, strict=False))

    def record(self, cls: type[Any], value: Any, key: str) -> Any:
        """A record of ``cls`` from what was given for it (``None`` when it has problems)."""
        if value.__class__ is cls:
            return value
        if value is None:
            return cls()  # a blank row: every cell None (a group: every sub-row blank)
        if value is MISSING:
            value = {}
        elif _is_sequence(value) and all(kind != "record" for _, kind, _ in _fields(cls)):
            value = self.positional(cls, value, key)
            if value is None:
                return None
        elif not isinstance(value, Mapping):
            what = "columns" if cls in _TOTALLED else "fields"
            self.problem(
                key,
                f"expected a {cls.__name__}, a mapping of its {what}, or null, "
                f"found {describe(value)}",
            )
            return None
        fields = _fields(cls)
        names = [name for name, _, _ in fields]
        before = len(self.problems)
        for name in value:
            if name not in names:
                self._unknown(key, name, names)
        out: dict[str, Any] = {}
        for name, kind, sub in fields:
            here = f"{key}.{name}" if key else name
            v = value.get(name, MISSING)
            if kind == "record":
                out[name] = self.record(sub, v, here)
            elif kind in ("count", "signed"):
                out[name] = self.count(v, here, signed=kind == "signed")
            elif kind == "amount":
                out[name] = self.amount(v, here)
            elif kind == "decimal":
                out[name] = self.decimal(v, here)
                printed = _UNIT_SUFFIX.search(normalize_label(v)) if v.__class__ is str else None
                if printed and value.get(f"{name}_unit", MISSING) is MISSING:
                    value = {**value, f"{name}_unit": printed.group()}
            elif kind == "unit":
                out[name] = self.unit(v, here)
            else:
                out[name] = self.extra_rows(v, here)
        if len(self.problems) > before:
            return None
        if cls in _TOTALLED and out["total"] is MISSING:
            parts = [self.fill(v) for k, v in out.items() if k != "total"]
            given = [v for v in parts if v is not None]
            out["total"] = sum(given) if given else None
        for name, kind, _ in fields:
            if kind in ("count", "signed"):
                out[name] = self.fill(out[name])
        return self.construct(cls, out, key)

    def construct(self, cls: type[T], kwargs: dict[str, Any], key: str) -> T | None:
        try:
            return cls(**kwargs)
        except StructureError as exc:
            table = _is_table(cls)
            for p in exc.problems:  # a table's problems are located already; a row's are not
                path = p.path if table else self.path(key) + p.path[1:]
                self.problems.append(Problem(path, p.message, p.label))
            return None

    def _unknown(self, key: str, name: object, names: list[str]) -> None:
        close = difflib.get_close_matches(str(name), names, n=1)
        hint = (
            f"; did you mean {close[0]!r}?" if close else f" (expected one of: {', '.join(names)})"
        )
        self.problem(f"{key}.{name}" if key else str(name), f"unknown key{hint}")

    # ---- table 三 --------------------------------------------------------------------------

    def requests(self, cls: type[Any], given: Mapping[str, Any]) -> Any:
        """Table 三: the rows given, then (七)总计 and 四 computed where not given."""
        rows = {k: v for k, v in given.items() if k not in ("total", "carried_forward")}
        draft = self.record(cls, rows, "")
        total_given = self._stated(given.get("total", MISSING), "total")
        forward_given = self._stated(given.get("carried_forward", MISSING), "carried_forward")
        if draft is None or total_given is None or forward_given is None:
            return None
        columns = ApplicantCounts.COLUMNS
        outcome_cells = [row.cells() for row in draft.outcome_rows]
        total: dict[str, int | None] = {}
        for i, c in enumerate(columns):
            v = total_given[c]
            if v is MISSING:
                terms = [cells[i] for cells in outcome_cells if cells[i] is not None]
                v = sum(terms) if terms else None
            total[c] = v
        forward: dict[str, int | None] = {}
        overflowed = False  # the 总计 column overflows too when a part does: say it once
        new, over = draft.new.cells(), draft.carried_over.cells()
        for i, c in enumerate(columns):
            v = forward_given[c]
            if v is MISSING:
                n, o, t = new[i], over[i], total[c]
                if n is None and o is None and t is None:
                    v = None
                else:
                    v = (n or 0) + (o or 0) - (t or 0)
                    if v < 0:
                        if c != "total" or not overflowed:
                            self._overflow(c, n or 0, o or 0, t or 0, total_given[c] is not MISSING)
                        overflowed = True
                        continue
            forward[c] = v
        if self.problems:
            return None
        return self.construct(
            cls,
            {
                **{f.name: getattr(draft, f.name) for f in attrs.fields(cls)},
                "total": ApplicantCounts(**total),
                "carried_forward": ApplicantCounts(**forward),
            },
            "",
        )

    def _stated(self, value: Any, key: str) -> dict[str, Any] | None:
        """A total row as given: each cell an int, ``None`` or ``MISSING`` (to compute)."""
        columns = ApplicantCounts.COLUMNS
        if value.__class__ is ApplicantCounts:
            return dict(zip(columns, value.cells(), strict=True))
        if value is None:
            return dict.fromkeys(columns)
        if value is MISSING:
            value = {}
        elif _is_sequence(value):
            value = self.positional(ApplicantCounts, value, key)
            if value is None:
                return None
        elif not isinstance(value, Mapping):
            self.problem(
                key,
                f"expected an ApplicantCounts, a mapping of its columns, or null, "
                f"found {describe(value)}",
            )
            return None
        before = len(self.problems)
        for name in value:
            if name not in columns:
                self._unknown(key, name, list(columns))
        out = {c: self.count(value.get(c, MISSING), f"{key}.{c}") for c in columns}
        return None if len(self.problems) > before else out

    def _overflow(self, column: str, new: int, over: int, total: int, stated: bool) -> None:
        cell = f"total.{column}"
        name = self.layout.cells[ApplicantCounts.COLUMNS.index(column)].column
        what = "(七)总计 as given is" if stated else "the outcome rows add up to"
        self.problem(
            cell,
            f"{what} {total} in column {name}, more than 一 + 二 = {new + over} "
            f"(一、本年新收 {new} + 二、上年结转 {over}), by {total - new - over}: raise 一 or 二, "
            "lower an outcome, or give carried_forward",
        )

    def fail(self) -> None:
        if self.problems:
            raise StructureError(self.problems)


def _is_table(cls: type[Any]) -> bool:
    return any(cls in by_number.values() for by_number in _CLASSES.values())


def build_table(
    cls: type[T], given: Mapping[str, Any], *, blank: bool = False, lenient: bool = False
) -> T:
    """The table ``cls`` from figures keyed by attribute (the assembly every builder ends in).

    ``MISSING`` values are dropped first; ``lenient`` reads figures given as text (a CSV's
    digit strings, ``""`` for not given)."""
    given = {k: v for k, v in given.items() if v is not MISSING}
    assembly = _Assembly(cls, blank, lenient=lenient)
    if issubclass(cls, _RequestsBase):
        result = assembly.requests(cls, given)
    else:
        result = assembly.record(cls, given, "")
    assembly.fail()
    return result  # type: ignore[no-any-return]


#: The table and place of each group of table 三 a builder can make alone.
_GROUPS: dict[type[Any], tuple[type[Any], str]] = {
    Withheld: (_CLASSES[Edition.STANDARD_2021]["三"], "withheld"),
    Unable: (_CLASSES[Edition.STANDARD_2021]["三"], "unable"),
    NotProcessed: (_CLASSES[Edition.STANDARD_2021]["三"], "not_processed"),
    OtherHandling: (_CLASSES[Edition.STANDARD_2021]["三"], "other"),
}


def build_part(cls: type[T], given: Mapping[str, Any], *, blank: bool = False) -> T:
    """A group of table 三 (``Withheld`` …) from its sub-rows; problems are located within
    the group (``$.third_party.natural_person``), labelled as the cells of table 三."""
    table, base = _GROUPS[cls]
    assembly = _Assembly(table, blank, lenient=False, root="$", base=base)
    result = assembly.record(cls, dict(given), "")
    assembly.fail()
    return result  # type: ignore[no-any-return]


# --------------------------------------------------------------------------- from a grid


def _set(tree: dict[str, Any], key: str, value: Any) -> bool:
    """Put ``value`` at a dotted key of ``tree``; ``False`` if something is there already."""
    *parents, last = key.split(".")
    node = tree
    for p in parents:
        child = node.setdefault(p, {})
        if not isinstance(child, dict):
            return False
        node = child
    if last in node:
        return False
    node[last] = value
    return True


def _column_match(block: BlockLayout, label: str) -> ColumnLayout | None:
    """The column of ``block`` a printed header names: its label path, or its leaf label
    where that is unique in the block."""
    key = joined_key(label)
    leaves = [label_key(c.labels[-1]) for c in block.columns]
    for col in block.columns:
        if key == joined_key(col.labels):
            return col
    if leaves.count(key) == 1:
        return block.columns[leaves.index(key)]
    return None


def _is_number(value: object) -> bool:
    if value.__class__ in (int, Decimal, Amount):
        return True
    if value.__class__ is str:
        text = value.strip().replace(",", "")
        return bool(text) and (bool(_DIGITS.match(text)) or bool(_DECIMAL.match(text)))
    return False


class _GridReader:
    def __init__(self, cls: type[Any]) -> None:
        self.layout = layout_of_table(cls)
        self.number = self.layout.number
        self.matcher: Matcher = matcher(_edition_of(cls))
        self.attribute = self.layout.attribute
        self.problems: list[Problem] = []
        self.tree: dict[str, Any] = {}
        self.extra: list[dict[str, Any]] = []

    def problem(self, where: str, message: str) -> None:
        self.problems.append(Problem(f"$.{self.attribute}", f"{where}: {message}"))

    def unknown_row(self, where: str, label: object) -> None:
        near = self.matcher.near("row", self.number, str(label))
        hint = f"; did you mean {near[0].label!r}?" if near else ""
        self.problem(where, f"{str(label)!r} is no row of 表{self.number}{hint}")

    def put(self, where: str, row_key: str, col: ColumnLayout, value: Any) -> None:
        key = row_key if col.key is None else f"{row_key}.{col.key}"
        if not _set(self.tree, key, value):
            self.problem(where, f"the cell {key} is given twice")

    def read(self, grid: Any) -> None:
        if isinstance(grid, Mapping):
            rows: Iterable[Any] = (
                [label, *(v if _is_sequence(v) else [v])] for label, v in grid.items()
            )
        elif isinstance(grid, str | bytes) or not isinstance(grid, Iterable):
            self.problem(
                "grid", f"expected rows (a list of lists, or a CSV reader), found {describe(grid)}"
            )
            return
        else:
            rows = grid
        under: tuple[str, ...] = ()
        header: list[str] | None = None
        header_rows: list[list[Any]] = []
        for i, raw in enumerate(rows):
            where = f"grid row {i + 1}"
            if not _is_sequence(raw):
                self.problem(
                    where, f"expected a row (a label and its figures), found {describe(raw)}"
                )
                continue
            cells = list(raw)
            if not cells:
                continue
            label, values = cells[0], cells[1:]
            while values and _empty(values[-1]):
                values.pop()
            texts = [v for v in values if not (v is None or _empty(v))]
            if (
                texts
                and all(v.__class__ is str and not _is_number(v) for v in texts)
                and not (label.__class__ is str and self.matcher.is_row_label(self.number, label))
            ):  # a header row of column labels (the label cell a caption, or empty)
                header_rows = [*header_rows, values] if header_rows else [values]
                header = self._merge(header_rows)
                continue
            header_rows = []
            if label is None or _empty(label):
                if texts:
                    self.problem(where, "figures without a row label")
                continue
            if label.__class__ is not str:
                self.problem(where, f"expected a row label, found {describe(label)}")
                continue
            hit = self.matcher.row(self.number, label, under=under)
            if hit is None:
                block = self._current_block(under)
                if block is not None and block.counts_only and values:
                    near = self.matcher.near("row", self.number, label)
                    if not any(n.place in block.rows for n in near):
                        self.extra.append(
                            {"block": block.labels[0], "label": label.strip(), "values": values}
                        )
                        continue
                self.unknown_row(where, label)
                continue
            if hit.row is None:
                under = hit.labels
                if texts:
                    self.problem(where, f"{label!r} is a group heading: its rows hold the figures")
                continue
            under = hit.labels[:-1]
            columns = self._columns(hit.block, header, len(values), where)
            if columns is None:
                continue
            for col, value in zip(columns, values, strict=False):
                if col is None:
                    if not (value is None or _empty(value)):
                        self.problem(where, f"a figure {describe(value)} under no known column")
                    continue
                self.put(where, hit.row.key, col, value)

    @staticmethod
    def _merge(header_rows: list[list[Any]]) -> list[str]:
        """One label per column: the lowest non-empty header cell above it."""
        width = max(len(r) for r in header_rows)
        out = []
        for j in range(width):
            label = ""
            for row in header_rows:
                if j < len(row) and row[j] is not None and not _empty(row[j]):
                    label = str(row[j])
            out.append(label)
        return out

    def _current_block(self, under: tuple[str, ...]) -> BlockLayout | None:
        for block in self.layout.blocks:
            if block.labels and under[:1] == block.labels[:1]:
                return block
        return None

    def _columns(
        self, block: BlockLayout, header: list[str] | None, count: int, where: str
    ) -> list[ColumnLayout | None] | None:
        if header is not None:
            matched = [None if not h else _column_match(block, h) for h in header]
            if all(m is not None or not h for m, h in zip(matched, header, strict=True)):
                return matched
        if count > len(block.columns):
            self.problem(
                where,
                f"expected at most {len(block.columns)} figures "
                f"({', '.join(JOIN.join(c.labels) for c in block.columns)}), found {count}",
            )
            return None
        return list(block.columns)

    def given(self) -> dict[str, Any]:
        if self.extra:
            self.tree["extra_rows"] = self.extra
        return self.tree


def from_grid(cls: type[T], grid: Grid, *, blank: bool = False) -> T:
    """The table ``cls`` from a grid of printed rows (see ``Table.from_grid``).

    >>> import csv, io
    >>> from govdisclosure import ReviewsAndLitigation
    >>> text = (",结果维持,结果纠正,其他结果,尚未审结,总计\\n"
    ...         "行政复议,1,0,0,0,\\n行政诉讼\\n复议后起诉,0,1\\n")
    >>> t = ReviewsAndLitigation.from_grid(csv.reader(io.StringIO(text)))
    >>> t.review.cells(), t.litigation_after_review.cells(), t.litigation_direct.cells()
    ((1, 0, 0, 0, 1), (0, 1, 0, 0, 1), (0, 0, 0, 0, 0))
    """
    reader = _GridReader(cls)
    reader.read(grid)
    if reader.problems:
        raise StructureError(reader.problems)
    return build_table(cls, reader.given(), blank=blank, lenient=True)


# --------------------------------------------------------------------------- from tidy cells


def from_cells(cls: type[T], cells: Cells, *, blank: bool = False) -> T:
    """The table ``cls`` from tidy cells (see ``Table.from_cells``).

    >>> from govdisclosure import ActiveDisclosure2021
    >>> t = ActiveDisclosure2021.from_cells([
    ...     ("第二十条第(五)项 / 行政许可", "本年处理决定数量", "12"),
    ...     {"row": "行政事业性收费", "column": "本年收费金额(单位:万元)", "value": "20.30"},
    ... ])
    >>> t.licensing, str(t.fees), t.punishment
    (12, '20.30万元', 0)
    """
    reader = _GridReader(cls)
    if isinstance(cells, str | bytes | Mapping) or not isinstance(cells, Iterable):
        reader.problem("cells", f"expected a list of cells, found {describe(cells)}")
        raise StructureError(reader.problems)
    extra: dict[tuple[str, str], list[Any]] = {}
    for i, cell in enumerate(cells):
        where = f"cell {i + 1}"
        if isinstance(cell, Mapping):
            missing = [k for k in ("row", "column", "value") if k not in cell]
            if missing:
                reader.problem(where, f"missing key(s): {', '.join(missing)}")
                continue
            row, column, value = cell["row"], cell["column"], cell["value"]
            table = cell.get("table")
            if table not in (None, "") and normalize_label(str(table)) != reader.number:
                reader.problem(where, f"a cell of 表{table}, not of 表{reader.number}")
                continue
            unit = cell.get("unit")
        elif _is_sequence(cell) and len(cell) == 3:
            row, column, value = cell
            unit = None
        else:
            reader.problem(where, f"expected a cell (row, column, value), found {describe(cell)}")
            continue
        hit = reader.matcher.row(reader.number, str(row))
        if hit is None or hit.row is None:
            found = reader.matcher.extra_cell(reader.number, str(row), str(column))
            if found is not None:
                key = (str(found.block.labels[0]), found.label)
                values = extra.setdefault(key, [""] * len(found.block.columns))
                values[found.column] = value
                continue
            reader.unknown_row(where, row)
            continue
        col = _column_match(hit.block, str(column))
        if col is None:
            names = ", ".join(JOIN.join(c.labels) for c in hit.block.columns)
            reader.problem(
                where, f"{str(column)!r} is no column of {JOIN.join(hit.labels)} (columns: {names})"
            )
            continue
        if col.unit_from is not None and unit not in (None, ""):
            _set(reader.tree, col.unit_from, unit)
        elif unit not in (None, "", *_units(col)):
            expected = " or ".join(repr(u) for u in _units(col))
            reader.problem(where, f"expected the unit {expected}, found {unit!r}")
            continue
        reader.put(where, hit.row.key, col, value)
    if extra:
        reader.tree["extra_rows"] = [
            {"block": b, "label": label, "values": values} for (b, label), values in extra.items()
        ]
    if reader.problems:
        raise StructureError(reader.problems)
    return build_table(cls, reader.tree, blank=blank, lenient=True)


def _units(col: ColumnLayout) -> tuple[str, ...]:
    """The units a tidy cell of column ``col`` may state: the column's own (件 or 项 for
    counts, 万元 for the 2021 fee)."""
    own = col.unit or {"amount": "万元", "decimal": ""}.get(col.kind, "件")
    return (own, "件", "项") if col.counts else (own,)


# --------------------------------------------------------------------------- from dotted keys


def from_keys(cls: type[T], figures: Mapping[str, Any], *, blank: bool = False) -> T:
    """The table ``cls`` from figures at dotted keys (see ``Table.from_keys``).

    >>> from govdisclosure import Requests2019
    >>> t = Requests2019.from_keys({"new": [3, 0, 0, 0, 0, 0], "other.natural_person": 1,
    ...                             "withheld.third_party.natural_person": 2})
    >>> t.total.cells(), t.withheld.third_party.total
    ((3, 0, 0, 0, 0, 0, 3), 2)
    """
    layout = layout_of_table(cls)
    if not isinstance(figures, Mapping):
        raise StructureError(
            [
                Problem(
                    f"$.{layout.attribute}",
                    f"expected a mapping of dotted keys, found {describe(figures)}",
                )
            ]
        )
    tree: dict[str, Any] = {}
    problems = []
    for key, value in figures.items():
        if key.__class__ is not str or not key:
            problems.append(
                Problem(f"$.{layout.attribute}", f"expected a dotted key, found {describe(key)}")
            )
            continue
        if not _set(tree, key, value):
            problems.append(
                Problem(f"$.{layout.attribute}.{key}", "given twice (or inside a row given whole)")
            )
    if problems:
        raise StructureError(problems)
    return build_table(cls, tree, blank=blank, lenient=True)
