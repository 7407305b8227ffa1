"""The build core: one assembly that every builder ends in (see :mod:`.builders`).

:func:`build_table` makes a table from figures keyed by attribute and :func:`build_part` a
group of table 三; both read what each field holds from the record's type hints (a record,
a count, a signed count, an amount, a decimal, a unit, extra rows), and its labels from the
binding (:mod:`._binding`), so nothing here names a row or a table class: the rows and
tables import the builders, never the reverse.

>>> MISSING
MISSING
"""

from __future__ import annotations

import difflib
import enum
import re
import typing
import weakref
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any, Final, TypeVar

import attrs

from govdisclosure.errors import GovDisclosureError, Problem, StructureError, WrongTypeError
from govdisclosure.layout import TableLayout, normalize_label
from govdisclosure.model._binding import (
    bound_tables,
    cell_labels,
    is_table,
    layout_of_table,
    signed_fields,
)
from govdisclosure.model._checks import (
    bad_count,
    bad_decimal,
    bad_signed,
    class_cache,
    describe,
)
from govdisclosure.money import Amount, MoneyUnit

__all__ = [
    "MISSING",
    "RequestsTotals",
    "build_part",
    "build_table",
    "check_names",
    "derived_cells",
]

T = TypeVar("T")


class _Missing(enum.Enum):
    """The type of :data:`MISSING`."""

    MISSING = "MISSING"

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Final = _Missing.MISSING
"""The default of a builder's argument: "not given" (0, or blank with ``blank=True``), as
opposed to ``None`` (a blank cell, asked for)."""


def check_names(cls: type[Any], given: Mapping[str, object], names: tuple[str, ...]) -> None:
    """A builder's keyword arguments are the record's fields (as Python says of a signature)."""
    for name in given:
        if name not in names:
            close = difflib.get_close_matches(name, names, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else f" (one of: {', '.join(names)})"
            raise WrongTypeError(
                f"{cls.__name__}.build() got an unexpected keyword argument {name!r}{hint}"
            )


_DERIVED: dict[int, tuple[weakref.ref[Any], frozenset[str]]] = {}
"""The cells a builder computed rather than was given, by the id of the table built (kept
while the table lives)."""


def _mark_derived(table: Any, keys: frozenset[str]) -> None:
    if not keys:
        return
    ident = id(table)
    _DERIVED[ident] = (weakref.ref(table, lambda _: _DERIVED.pop(ident, None)), keys)


def derived_cells(table: Any) -> frozenset[str]:
    """The cells of ``table`` (dotted keys, ``"total.natural_person"``) its builder computed
    rather than was given: table 三's (七)总计 and 四 where not stated. A table made
    otherwise (or changed since, with :func:`attrs.evolve`) has none.

    >>> from govdisclosure.model import Requests2021
    >>> t = Requests2021.build(new={"natural_person": 3}, granted={"natural_person": 3})
    >>> sorted(derived_cells(t))[:2]
    ['carried_forward.commercial', 'carried_forward.legal_services']
    >>> "total.natural_person" in derived_cells(t), derived_cells(object())
    (True, frozenset())
    """
    entry = _DERIVED.get(id(table))
    if entry is None or entry[0]() is not table:
        return frozenset()
    return entry[1]


class RequestsTotals:
    """The mark of table 三: its ``total`` ((七)总计) and ``carried_forward`` (四) rows are
    computed from its other rows where not given (:meth:`_Assembly.requests`)."""

    __slots__ = ()


_UNIT_SUFFIX = re.compile(r"(?:元|万元|亿元)\Z")
#: A count as text (a CSV cell): digits, thousands grouped by commas or not, a sign.
DIGITS = re.compile(r"[+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)\Z")
#: A decimal figure as text, in plain notation.
DECIMAL_TEXT = re.compile(r"(?:0|[1-9][0-9]*)(?:\.[0-9]+)?\Z")


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
            out.append((f.name, "extra", typing.get_args(t)[0]))
        else:  # pragma: no cover - a new field kind must be taught here
            raise TypeError(f"no builder for {cls.__name__}.{f.name}: {t}")
    return tuple(out)


@class_cache
def _totalled(cls: type[Any]) -> bool:
    """Whether a record is a row of counts whose ``total`` is the sum of its other cells."""
    fields = _fields(cls)
    return any(name == "total" for name, _, _ in fields) and all(
        kind == "count" for _, kind, _ in fields
    )


@class_cache
def _total_row(cls: type[Any]) -> type[Any]:
    """The class of the rows of table 三 (that of its ``total``)."""
    return next(sub for name, _, sub in _fields(cls) if name == "total")  # type: ignore[no-any-return]


def is_sequence(value: object) -> bool:
    """Whether ``value`` is a sequence of figures (a list, a tuple), not text."""
    return isinstance(value, Sequence) and not isinstance(value, str | bytes | bytearray)


def is_empty(value: object) -> bool:
    """Whether ``value`` is text with nothing in it (an empty CSV cell: "not given")."""
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
        self.labels = cell_labels(table)
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
            if DIGITS.match(text) and len(text) <= 25:
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
        elif value.__class__ is str and DECIMAL_TEXT.match(value.strip().replace(",", "")):
            value = Decimal(value.strip().replace(",", ""))
        fault = bad_decimal(value)
        if fault is not None:
            self.problem(key, fault)
            return None
        return value  # type: ignore[no-any-return]

    def unit(self, value: Any, key: str) -> MoneyUnit | None:
        if value is MISSING or value is None or is_empty(value):
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

    def extra_rows(self, value: Any, key: str, row_class: type[T]) -> tuple[T, ...]:
        if value is MISSING or value is None:
            return ()
        if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
            self.problem(key, f"expected a list of extra rows, found {describe(value)}")
            return ()
        blocks = {b.labels[0]: b for b in self.layout.blocks if b.labels}
        rows = []
        for i, row in enumerate(value):
            here = f"{key}[{i}]"
            if row.__class__ is row_class:
                rows.append(row)
                continue
            if isinstance(row, Mapping):
                fields = dict(row)
            elif is_sequence(row) and len(row) == 3:
                fields = dict(zip(("block", "label", "values"), row, strict=True))
            else:
                self.problem(here, f"expected an ExtraRow or a mapping, found {describe(row)}")
                continue
            values = fields.get("values", ())
            block = blocks.get(fields.get("block"))  # type: ignore[arg-type]
            if is_sequence(values) and block is not None:
                cells = []
                for j, v in enumerate(values):
                    signed = j < len(block.columns) and block.columns[j].signed
                    cells.append(self.fill(self.count(v, f"{here}.values[{j}]", signed=signed)))
                fields["values"] = tuple(cells)
            try:
                rows.append(row_class(**fields))
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
        elif is_sequence(value) and all(kind != "record" for _, kind, _ in _fields(cls)):
            value = self.positional(cls, value, key)
            if value is None:
                return None
        elif not isinstance(value, Mapping):
            what = "columns" if _totalled(cls) else "fields"
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
                out[name] = self.extra_rows(v, here, sub)
        if len(self.problems) > before:
            return None
        if _totalled(cls) and out["total"] is MISSING:
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
            table = is_table(cls)
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
        row_class = _total_row(cls)
        rows = {k: v for k, v in given.items() if k not in ("total", "carried_forward")}
        draft = self.record(cls, rows, "")
        total_given = self._stated(row_class, given.get("total", MISSING), "total")
        forward_given = self._stated(
            row_class, given.get("carried_forward", MISSING), "carried_forward"
        )
        if draft is None or total_given is None or forward_given is None:
            return None
        total = self._total(draft, total_given)
        forward = self._forward(draft, total, total_given, forward_given)
        if self.problems:
            return None
        table = self.construct(
            cls,
            {
                **{f.name: getattr(draft, f.name) for f in attrs.fields(cls)},
                "total": row_class(**total),
                "carried_forward": row_class(**forward),
            },
            "",
        )
        computed = frozenset(
            f"{row}.{c}"
            for row, given_row, made in (
                ("total", total_given, total),
                ("carried_forward", forward_given, forward),
            )
            for c, v in given_row.items()
            if v is MISSING and made.get(c) is not None
        )
        if table is not None:
            _mark_derived(table, computed)
        return table

    @staticmethod
    def _total(draft: Any, given: dict[str, Any]) -> dict[str, int | None]:
        """(七)总计: each cell as given, or the sum of the outcome rows (blank cells counted
        as 0; blank when every term is)."""
        outcome_cells = [row.cells() for row in draft.outcome_rows]
        total: dict[str, int | None] = {}
        for i, c in enumerate(given):
            v = given[c]
            if v is MISSING:
                terms = [cells[i] for cells in outcome_cells if cells[i] is not None]
                v = sum(terms) if terms else None
            total[c] = v
        return total

    def _forward(
        self,
        draft: Any,
        total: dict[str, int | None],
        total_given: dict[str, Any],
        given: dict[str, Any],
    ) -> dict[str, int | None]:
        """四、结转下年度继续办理: each cell as given, or 一 + 二 − (七)总计 (a problem where
        the outcomes exceed 一 + 二)."""
        forward: dict[str, int | None] = {}
        overflowed = False  # the 总计 column overflows too when a part does: say it once
        new, over = draft.new.cells(), draft.carried_over.cells()
        for i, c in enumerate(given):
            v = given[c]
            if v is MISSING:
                n, o, t = new[i], over[i], total[c]
                if n is None and o is None and t is None:
                    v = None
                else:
                    v = (n or 0) + (o or 0) - (t or 0)
                    if v < 0:
                        if c != "total" or not overflowed:
                            stated = total_given[c] is not MISSING
                            self._overflow(i, c, n or 0, o or 0, t or 0, stated)
                        overflowed = True
                        continue
            forward[c] = v
        return forward

    def _stated(self, row_class: type[Any], value: Any, key: str) -> dict[str, Any] | None:
        """A total row as given: each cell an int, ``None`` or ``MISSING`` (to compute)."""
        columns = [name for name, _, _ in _fields(row_class)]
        if value.__class__ is row_class:
            return dict(zip(columns, value.cells(), strict=True))
        if value is None:
            return dict.fromkeys(columns)
        if value is MISSING:
            value = {}
        elif is_sequence(value):
            value = self.positional(row_class, value, key)
            if value is None:
                return None
        elif not isinstance(value, Mapping):
            self.problem(
                key,
                f"expected an {row_class.__name__}, a mapping of its columns, or null, "
                f"found {describe(value)}",
            )
            return None
        before = len(self.problems)
        for name in value:
            if name not in columns:
                self._unknown(key, name, list(columns))
        out = {c: self.count(value.get(c, MISSING), f"{key}.{c}") for c in columns}
        return None if len(self.problems) > before else out

    def _overflow(
        self, index: int, column: str, new: int, over: int, total: int, stated: bool
    ) -> None:
        cell = f"total.{column}"
        name = self.layout.cells[index].column
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


def build_table(
    cls: type[T], given: Mapping[str, Any], *, blank: bool = False, lenient: bool = False
) -> T:
    """The table ``cls`` from figures keyed by attribute (the assembly every builder ends in).

    ``MISSING`` values are dropped first; ``lenient`` reads figures given as text (a CSV's
    digit strings, ``""`` for not given)."""
    given = {k: v for k, v in given.items() if v is not MISSING}
    assembly = _Assembly(cls, blank, lenient=lenient)
    if issubclass(cls, RequestsTotals):
        result = assembly.requests(cls, given)
    else:
        result = assembly.record(cls, given, "")
    assembly.fail()
    return result  # type: ignore[no-any-return]


@class_cache
def _group_place(cls: type[Any]) -> tuple[type[Any], str]:
    """The table and attribute of a group of rows (``Withheld`` → table 三, ``withheld``): the
    first bound table that holds it, whose labels its problems carry."""
    for table, _ in bound_tables():
        for name, _, sub in _fields(table):
            if sub is cls:
                return table, name
    raise TypeError(f"{cls.__name__} is no group of a table's rows")


def build_part(cls: type[T], given: Mapping[str, Any], *, blank: bool = False) -> T:
    """A group of table 三 (``Withheld`` …) from its sub-rows; problems are located within
    the group (``$.third_party.natural_person``), labelled as the cells of table 三."""
    table, base = _group_place(cls)
    assembly = _Assembly(table, blank, lenient=False, root="$", base=base)
    result = assembly.record(cls, dict(given), "")
    assembly.fail()
    return result  # type: ignore[no-any-return]
