"""The converters of the JSON reader and writer, and their strict hooks.

Two converters share the hooks (:func:`_converter`): a fast one for the happy path, which
lets each record check its own fields, and a detailed one that runs only when the fast one
fails, to say what is wrong at each place (its problems located by :mod:`._located`).
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
import sys
import types
import typing
from collections.abc import Callable
from decimal import Decimal
from typing import Any, TypeVar, cast

import attrs
import cattrs
from cattrs.cols import homogenous_tuple_structure_factory
from cattrs.gen import make_dict_structure_fn

from govdisclosure.errors import Problem, StructureError
from govdisclosure.io._located import (
    _BOUNDED_DECIMAL_RE,
    _DATE_RE,
    _DECIMAL_RE,
    _MAX_DECIMAL_TEXT,
    MAX_SECTION_DEPTH,
    _check_text,
    _decimal_bounds,
    _describe,
    _key_path,
    _num,
    _ordinal_message,
    _too_large,
    _walk,
)
from govdisclosure.layout import MAX_COUNT, MAX_ORDINAL, TABLE_ATTRIBUTES
from govdisclosure.model import (
    Edition,
    Fact,
    FactScope,
    Location,
    Relation,
    Report,
    Section,
    table_classes,
)
from govdisclosure.model.tables import signed_fields
from govdisclosure.money import Amount, MoneyUnit
from govdisclosure.numerals import UNITS, Qualifier, Quantity

T = TypeVar("T")


def _row_classes() -> tuple[type[Any], ...]:
    """The rows of the tables that are plain records of ``int | None`` cells (read from the
    tables' fields, and their groups'): the fast converter builds them directly, each
    checking its cells."""
    found: dict[type[Any], None] = {}
    records = [t for e in Edition for t in table_classes(e).values()]
    while records:
        record = records.pop()
        hints = typing.get_type_hints(record)
        types_ = [hints[f.name] for f in attrs.fields(record)]
        if all(t == int | None for t in types_):
            found[record] = None
        records += [t for t in types_ if attrs.has(t) and t not in found]
    return tuple(found)


def _structure_int(value: Any, _: type) -> int:
    if value.__class__ is not int:
        raise TypeError(f"expected an integer, found {_describe(value)}")
    if not -MAX_COUNT <= value <= MAX_COUNT:
        raise ValueError(_too_large(value))
    return value  # type: ignore[no-any-return,unused-ignore]


def _structure_str(value: Any, _: type) -> str:
    if value.__class__ is not str:
        raise TypeError(f"expected a string, found {_describe(value)}")
    return _check_text(value)


def _fast_str(value: Any, _: type) -> str:
    """A string for the fast converter: every record checks its text fields itself (a
    ``str``, no lone surrogate: ``model._checks.texts_ok``), so only the JSON type is
    looked at here; what the record refuses the detailed converter locates."""
    if value.__class__ is not str:
        raise TypeError("not a string")
    return value  # type: ignore[no-any-return,unused-ignore]


def _structure_decimal(value: Any, _: type) -> Decimal:
    if value.__class__ is not str:
        found = _describe(value)
        if isinstance(value, float):
            found = f"{value!r} (a float, which would lose the printed precision)"
        raise TypeError(f'expected a decimal number as a string such as "20.30", found {found}')
    if len(value) > _MAX_DECIMAL_TEXT or not _BOUNDED_DECIMAL_RE.match(value):
        if len(value) <= 10_000 and _DECIMAL_RE.match(value):
            raise ValueError(_decimal_bounds(value))
        raise ValueError(
            f'expected a decimal number in plain notation such as "20.30", found {_describe(value)}'
        )
    return Decimal(value)


def _structure_date(value: Any, _: type) -> _dt.date:
    if value.__class__ is not str or not _DATE_RE.match(value):
        raise ValueError(f'expected a date as "YYYY-MM-DD", found {_describe(value)}')
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"expected a valid calendar date, found {value!r}") from None


def _structure_unit(value: Any, _: type) -> MoneyUnit:
    try:
        if value.__class__ is not str:
            raise TypeError
        return MoneyUnit(value)
    except (ValueError, TypeError):
        raise ValueError(
            f'expected one of "元", "万元", "亿元", found {_describe(value)}'
        ) from None


def _structure_amount(value: Any, _: type) -> Amount:
    if value.__class__ is not dict or value.keys() != {"value", "unit"}:
        raise TypeError(
            'expected an amount {"value": "<decimal string>", "unit": "元|万元|亿元"}, '
            f"found {_describe(value)}"
        )
    return Amount(
        _structure_decimal(value["value"], Decimal), _structure_unit(value["unit"], MoneyUnit)
    )


def _structure_enum_factory(cls: type[Any]) -> Callable[[Any, type], Any]:
    values = ", ".join(repr(m.value) for m in cls)

    def hook(value: Any, _: type) -> Any:
        try:
            if value.__class__ is not str:  # every enum of a report has str values
                raise TypeError
            return cls(value)
        except (ValueError, TypeError):
            raise ValueError(f"expected one of {values}, found {_describe(value)}") from None

    return hook


def _unstructure_decimal(value: Decimal) -> str:
    return format(value, "f")


def _unstructure_amount(value: Amount) -> dict[str, str]:
    return {"value": format(value.value, "f"), "unit": value.unit.value}


def _make_converter(*, detailed: bool) -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=detailed)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(str, _structure_str if detailed else _fast_str)
    conv.register_structure_hook(Decimal, _structure_decimal)
    conv.register_structure_hook(_dt.date, _structure_date)
    conv.register_structure_hook(MoneyUnit, _structure_unit)
    conv.register_structure_hook(Amount, _structure_amount)
    conv.register_structure_hook(Edition, _structure_enum_factory(Edition))
    conv.register_structure_hook_factory(
        lambda t: (
            isinstance(t, type) and issubclass(t, enum.Enum) and t not in (Edition, MoneyUnit)
        ),
        lambda t: _structure_enum_factory(t),
    )
    conv.register_structure_hook_factory(_is_tuple, _strict_tuple_factory)
    conv.register_structure_hook_factory(_is_optional, _optional_factory)
    conv.register_structure_hook_factory(attrs.has, _attrs_factory)
    if detailed:
        conv.register_structure_hook(Quantity, _detailed_quantity_hook(conv))
        conv.register_structure_hook(Location, _detailed_location)
        conv.register_structure_hook(Section, _detailed_section_hook(conv))
    else:
        conv.register_structure_hook(Location, _fast_location)
        conv.register_structure_hook(Quantity, _fast_quantity)
        conv.register_structure_hook(Fact, _fast_fact)
        conv.register_structure_hook(Relation, _fast_relation)
        conv.register_structure_hook(Section, _fast_section)
    conv.register_unstructure_hook(Decimal, _unstructure_decimal)
    conv.register_unstructure_hook(Amount, _unstructure_amount)
    conv.register_unstructure_hook(_dt.date, _dt.date.isoformat)
    for cls in _row_classes():
        hook = _detailed_row_hook(cls) if detailed else _fast_row_hook(cls)
        conv.register_structure_hook(cls, hook)
    conv.register_structure_hook(Report, _report_hook(conv))
    return conv


def _is_optional(t: Any) -> bool:
    args = typing.get_args(t)
    return (
        typing.get_origin(t) in (typing.Union, types.UnionType)
        and len(args) == 2
        and type(None) in args
    )


def _optional_str(value: Any, _: Any) -> str | None:
    if value is None:
        return None
    if value.__class__ is not str:
        raise TypeError(f"expected a string or null, found {_describe(value)}")
    return _check_text(value)


def _fast_optional_str(value: Any, _: Any) -> str | None:
    if value is None or value.__class__ is str:  # the record checks the text (_fast_str)
        return value  # type: ignore[no-any-return,unused-ignore]
    raise TypeError("not a string")


def _optional_int(value: Any, _: Any) -> int | None:
    if value is None:
        return None
    if value.__class__ is not int:
        raise TypeError(f"expected an integer or null, found {_describe(value)}")
    if not -MAX_COUNT <= value <= MAX_COUNT:
        raise ValueError(_too_large(value))
    return value  # type: ignore[no-any-return,unused-ignore]


def _optional_factory(t: Any, conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    """``X | None`` with X's hook resolved once (cattrs would dispatch on every call)."""
    inner = next(a for a in typing.get_args(t) if a is not type(None))
    if inner is str:
        return _optional_str if conv.detailed_validation else _fast_optional_str
    if inner is int:
        return _optional_int
    hook = conv.get_structure_hook(inner)

    def structure(value: Any, _: Any) -> Any:
        return None if value is None else hook(value, inner)

    return structure


def _only(
    json_type: type, expected: str, inner: Callable[[Any, Any], Any]
) -> Callable[[Any, Any], Any]:
    """A hook that hands ``inner`` values of exactly ``json_type`` and refuses the rest."""

    def hook(value: Any, type_: Any) -> Any:
        if value.__class__ is not json_type:
            raise TypeError(f"expected {expected}, found {_describe(value)}")
        return inner(value, type_)

    return hook


def _attrs_factory(cls: Any, conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    """An attrs record from a JSON object only (``"metadata": []`` is a located error, not
    an AttributeError from inside cattrs)."""
    return _only(dict, "an object", make_dict_structure_fn(cls, conv))


# --------------------------------------------------------------------------- shared values
#
# What recurs from report to report is held once, not once per report read (issue 23: the
# memory a report holds): immutable values only, so that sharing them changes nothing but
# the memory. Report content that is the report's own (paragraphs, labels, the figures'
# texts, the counts) is never shared.
#
# - a quantity's unit is one of the closed set UNITS: the set's own string;
# - fact keys (``s1.1.p0.f1`` as the parser names them), the keys relations name, the words
#   that state a relation (其中) and section titles (总体情况 …) recur: ``sys.intern``;
# - a section path (``(1, 1)``) recurs in every fact of a paragraph and in every report: the
#   first tuple of it, from a table of at most _MAX_SHARED entries;
# - a quantity's value of at most 3 characters (``"96"``, ``"1.5"``) recurs as small ints
#   do: one Decimal per literal (at most some 1,100 of them can pass the check).

_UNIT_OF: dict[str, str] = {unit: unit for unit in UNITS}
_MAX_SHARED = 4096
_PATHS: dict[tuple[int, ...], tuple[int, ...]] = {}
_SMALL_LITERAL = 3
_SMALL_VALUES: dict[str, Decimal] = {}


def _shared_path(path: tuple[int, ...]) -> tuple[int, ...]:
    for ordinal in path:
        if ordinal.__class__ is not int:  # (True, 2) == (1, 2): never swapped for it
            return path  # the location refuses it
    shared = _PATHS.get(path)
    if shared is None:
        if len(_PATHS) < _MAX_SHARED:
            _PATHS[path] = path
        return path
    return shared


_LOCATION_KEYS = frozenset(("section", "paragraph", "start", "end"))
_FACT_KEYS = frozenset(("key", "label", "text", "quantity", "location"))
_FACT_KEYS_SCOPED = _FACT_KEYS | {"scope"}
_SCOPES = {s.value: s for s in FactScope}
_QUALIFIERS = {q.value: q for q in Qualifier}


def _is_ordinal(x: Any) -> bool:
    return x.__class__ is int and 1 <= x <= MAX_ORDINAL


def _is_index(x: Any) -> bool:
    return x.__class__ is int and 0 <= x <= MAX_COUNT


def _fast_location(d: Any, _: Any) -> Location:
    """The JSON shape only: the location checks its ordinals and its span itself."""
    if d.__class__ is not dict or d.keys() != _LOCATION_KEYS:
        raise TypeError("not a location")  # the detailed converter says what is wrong
    section = d["section"]
    if section.__class__ is not list or len(section) > MAX_SECTION_DEPTH:
        raise TypeError("not a section path")
    return Location(
        section=_shared_path(tuple(section)),
        paragraph=d["paragraph"],
        start=d["start"],
        end=d["end"],
    )


def _detailed_location(d: Any, _: Any) -> Location:
    """A location, every bad part reported at its own path."""
    if d.__class__ is not dict:
        raise TypeError(f"expected an object, found {_describe(d)}")
    problems = [Problem(_key_path("$", k), "unknown key") for k in d if k not in _LOCATION_KEYS]
    problems += [
        Problem(f"$.{k}", "required field missing") for k in sorted(_LOCATION_KEYS) if k not in d
    ]
    section = d.get("section", [])
    if section.__class__ is not list:
        problems.append(Problem("$.section", f"expected an array, found {_describe(section)}"))
    elif len(section) > MAX_SECTION_DEPTH:
        problems.append(
            Problem(
                "$.section",
                f"expected a path of at most {MAX_SECTION_DEPTH} ordinals, found {len(section):,}",
            )
        )
    else:
        problems += [
            Problem(f"$.section[{i}]", _ordinal_message(x))
            for i, x in enumerate(section)
            if not _is_ordinal(x)
        ]
    for k in ("paragraph", "start", "end"):
        if k in d and not _is_index(d[k]):
            problems.append(
                Problem(
                    f"$.{k}",
                    f"expected a whole number from 0 to {MAX_COUNT:_}, found {_describe(d[k])}",
                )
            )
    if problems:
        raise StructureError(problems)
    return Location(
        section=tuple(section), paragraph=d["paragraph"], start=d["start"], end=d["end"]
    )


def _fast_quantity(d: Any, _: Any) -> Quantity:
    if d.__class__ is not dict or not d.keys() <= {"value", "unit", "qualifier"}:
        raise TypeError("not a quantity")
    qualifier = d.get("qualifier")
    if qualifier is not None:
        qualifier = _QUALIFIERS[qualifier]
    unit = d["unit"]
    if unit.__class__ is not str or unit not in _UNIT_OF:
        raise TypeError("not a unit")
    return Quantity(_shared_quantity_value(d["value"]), _UNIT_OF[unit], qualifier)


def _shared_quantity_value(value: Any) -> Decimal:
    """A quantity's value; a short literal's Decimal is shared (see "shared values")."""
    if value.__class__ is not str or len(value) > _SMALL_LITERAL:
        return _structure_quantity_value(value)
    number = _SMALL_VALUES.get(value)
    if number is None:
        number = _SMALL_VALUES[value] = _structure_quantity_value(value)
    return number


def _detailed_quantity_hook(conv: cattrs.Converter) -> Callable[[Any, Any], Quantity]:
    """A quantity as cattrs structures it, then its size bounded (located at ``$.value``)."""
    inner = _attrs_factory(Quantity, conv)

    def hook(value: Any, type_: Any) -> Quantity:
        if value.__class__ is dict and "value" in value:
            try:
                _structure_quantity_value(value["value"])
            except ValueError as exc:
                raise StructureError([Problem("$.value", str(exc))]) from None
        result: Quantity = inner(value, type_)
        return result

    return hook


def _structure_quantity_value(value: Any) -> Decimal:
    number = _structure_decimal(value, Decimal)
    if not -MAX_COUNT <= number <= MAX_COUNT:
        raise ValueError(
            f"expected a figure of at most {MAX_COUNT:_} in size, found {_describe(value)}"
        )
    return number


def _fast_fact(d: Any, _: Any) -> Fact:
    if d.__class__ is not dict or not _FACT_KEYS <= d.keys() <= _FACT_KEYS_SCOPED:
        raise TypeError("not a fact")
    scope = d.get("scope", "unknown")
    if scope.__class__ is not str or scope not in _SCOPES:
        raise TypeError("not a fact scope")  # the detailed converter says what is wrong
    return Fact(  # the fact checks its texts (str, no lone surrogate) itself
        key=sys.intern(d["key"]),  # shared (and a str, or intern refuses it)
        label=d["label"],
        text=d["text"],
        quantity=_fast_quantity(d["quantity"], Quantity),
        location=_fast_location(d["location"], Location),
        scope=_SCOPES[scope],
    )


def _is_tuple(t: Any) -> bool:
    return typing.get_origin(t) is tuple


def _fast_strings(value: Any, _: Any) -> tuple[str, ...]:
    """An array of strings as a tuple: the record that holds it checks each item (a
    ``str``, no lone surrogate) in its own bulk check of its texts."""
    if value.__class__ is not list:
        raise TypeError(f"expected an array, found {_describe(value)}")
    return tuple(value)


_SECTION_KEYS = frozenset(("ordinal", "title", "paragraphs", "subsections"))


_NO_ITEMS: list[Any] = []
"""What an absent array reads as (never changed)."""


def _fast_section(d: Any, _: Any, depth: int = 1) -> Section:
    """The JSON shape and the depth: the section checks its ordinal and texts itself."""
    if d.__class__ is not dict or not d.keys() <= _SECTION_KEYS:
        raise TypeError("not a section")
    paragraphs = d.get("paragraphs", _NO_ITEMS)
    subsections = d.get("subsections", _NO_ITEMS)
    if paragraphs.__class__ is not list or subsections.__class__ is not list:
        raise TypeError("not an array")
    if subsections and depth >= MAX_SECTION_DEPTH:
        raise TypeError("sections nested too deep")
    return Section(
        ordinal=d["ordinal"],
        title=sys.intern(d["title"]),  # shared (and a str, or intern refuses it)
        paragraphs=tuple(paragraphs),
        subsections=tuple([_fast_section(x, None, depth + 1) for x in subsections])
        if subsections
        else (),
    )


_RELATION_KEYS = frozenset(("result", "add", "subtract", "text"))
_REQUIRED_RELATION_KEYS = frozenset(("result", "add"))


def _fast_relation(d: Any, _: Any) -> Relation:
    """The JSON shape, the fact keys and the stating words shared: the relation checks its
    texts itself."""
    if d.__class__ is not dict or not _REQUIRED_RELATION_KEYS <= d.keys() <= _RELATION_KEYS:
        raise TypeError("not a relation")
    add = d["add"]
    subtract = d.get("subtract", _NO_ITEMS)
    text = d.get("text")
    if add.__class__ is not list or subtract.__class__ is not list:
        raise TypeError("not an array")
    return Relation(
        result=sys.intern(d["result"]),
        add=tuple(map(sys.intern, add)),
        subtract=tuple(map(sys.intern, subtract)),
        text=None if text is None else sys.intern(text),
    )


def _detailed_section_hook(conv: cattrs.Converter) -> Callable[[Any, Any], Section]:
    """A section, every bad part reported at its own path; the depth is bounded."""

    def structure(d: Any, depth: int) -> Section:
        if d.__class__ is not dict:
            raise StructureError([Problem("$", f"expected a section object, found {_describe(d)}")])
        problems = [Problem(_key_path("$", k), "unknown key") for k in d if k not in _SECTION_KEYS]
        problems += [
            Problem(f"$.{k}", "required field missing") for k in ("ordinal", "title") if k not in d
        ]
        ordinal = d.get("ordinal", 1)
        if not _is_ordinal(ordinal):
            problems.append(Problem("$.ordinal", _ordinal_message(ordinal)))
        title = d.get("title", "")
        paragraphs: Any = ()
        for key, t in (("title", str), ("paragraphs", tuple[str, ...])):
            if key in d:
                try:
                    value = conv.structure(d[key], t)
                except Exception as exc:
                    problems += _walk(exc, f"$.{key}")
                else:
                    if key == "title":
                        title = value
                    else:
                        paragraphs = value
        subsections: list[Section] = []
        items = d.get("subsections", [])
        if items.__class__ is not list:
            problems.append(
                Problem("$.subsections", f"expected an array, found {_describe(items)}")
            )
        elif items and depth >= MAX_SECTION_DEPTH:
            problems.append(
                Problem(
                    "$.subsections",
                    f"expected sections nested at most {MAX_SECTION_DEPTH} deep",
                )
            )
        else:
            for i, item in enumerate(items):
                try:
                    subsections.append(structure(item, depth + 1))
                except StructureError as exc:
                    problems += [
                        Problem(f"$.subsections[{i}]{p.path[1:]}", p.message, p.label)
                        for p in exc.problems
                    ]
        if problems:
            raise StructureError(problems)
        return Section(
            ordinal=ordinal, title=title, paragraphs=paragraphs, subsections=tuple(subsections)
        )

    return lambda d, _: structure(d, 1)


def _strict_tuple_factory(t: Any, conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    """Tuples come from JSON arrays only: a dict or a string is not silently iterated."""
    if typing.get_args(t) == (str, ...) and not conv.detailed_validation:
        return _fast_strings
    return _only(list, "an array", homogenous_tuple_structure_factory(t, conv))


def _fast_row_hook(cls: type[T]) -> Callable[[Any, type], T]:
    """A row straight from its object: the row checks its cells itself (one bulk check), and
    what it refuses the detailed converter locates and words (:func:`_detailed_row_hook`)."""

    def hook(value: Any, _: type) -> T:
        if value.__class__ is not dict:
            raise TypeError(f"expected an object, found {_describe(value)}")
        return cls(**value)

    return hook


def _detailed_row_hook(cls: type[T]) -> Callable[[Any, type], T]:
    """A row the fast converter refused: its unknown keys, and each cell the row itself
    refuses (its own check, the one check of a cell), worded for JSON at the cell's path."""
    names = {f.name for f in attrs.fields(cast(Any, cls))}

    def hook(value: Any, _: type) -> T:
        if value.__class__ is not dict:
            raise TypeError(f"expected an object, found {_describe(value)}")
        known = {k: v for k, v in value.items() if k in names}
        try:
            row = cls(**known)
        except StructureError as exc:  # the row's problems are at its cells: $.natural_person
            refused = {p.path.removeprefix("$.") for p in exc.problems}
        else:
            if len(known) == len(value):
                return row
            refused = set()
        raise StructureError(
            [
                Problem(
                    _key_path("$", key),
                    _cell_fault(cls, key, cell) if key in names else "unknown key",
                )
                for key, cell in value.items()
                if key in refused or key not in names
            ]
        )

    return hook


def _cell_fault(cls: type[Any], key: str, cell: Any) -> str:
    """What a cell that its row refused should have been, in the JSON reader's words."""
    if cell.__class__ is not int:
        return f"expected an integer or null, found {_describe(cell)}"
    if cell < 0 and (cls, key) not in signed_fields():
        return f"expected a whole number >= 0, found {_num(cell)}"
    return _too_large(cell)


_REPORT_FIELDS = attrs.fields(Report)
_REPORT_KEYS = tuple(f.name for f in _REPORT_FIELDS)
_REQUIRED_KEYS = tuple(f.name for f in _REPORT_FIELDS if f.default is attrs.NOTHING)


def _field_type(name: str, edition: Edition | None) -> Any:
    tables = table_classes(edition) if edition is not None else {}
    if name in TABLE_ATTRIBUTES:
        cls = tables.get(name)
        return None if cls is None else cls | None
    return attrs.fields_dict(Report)[name].type


_NULLABLE = frozenset(
    name
    for name, t in typing.get_type_hints(Report).items()
    if name in TABLE_ATTRIBUTES or _is_optional(t)
)


def _report_hook(conv: cattrs.Converter) -> Callable[[Any, type], Report]:
    """The fast structuring of a report: tables chosen by the edition."""
    hooks: dict[Edition, dict[str, tuple[Callable[[Any, Any], Any], Any]]] = {}
    editions = {e.value: e for e in Edition}

    def resolve() -> None:
        common = {
            f.name: (conv.get_structure_hook(f.type), f.type)
            for f in _REPORT_FIELDS
            if f.name not in TABLE_ATTRIBUTES
        }
        for edition in Edition:
            hooks[edition] = {
                **common,
                **{
                    name: (conv.get_structure_hook(cls), cls)
                    for name, cls in table_classes(edition).items()
                },
            }

    def hook(value: Any, _: type) -> Report:
        if not hooks:
            resolve()
        if value.__class__ is not dict:
            raise TypeError(f"expected an object, found {_describe(value)}")
        edition = editions[value["edition"]]
        field_hooks = hooks[edition]
        kwargs: dict[str, Any] = {}
        for key, item in value.items():
            if item is None and key in _NULLABLE:
                kwargs[key] = None
            else:
                h, t = field_hooks[key]
                kwargs[key] = h(item, t)
        return Report(**kwargs)

    return hook


@functools.cache
def _converter(detailed: bool = False) -> cattrs.Converter:
    return _make_converter(detailed=detailed)
