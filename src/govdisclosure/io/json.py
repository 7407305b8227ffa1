"""Reports to and from JSON, through one configured cattrs converter.

The JSON form is strict and exact: Decimals travel as strings in plain notation
(``"20.30"``, never ``"2.03E+1"``), counts as JSON integers, dates as ISO strings, enums by
value. Input that does not have the structure of a report raises
:class:`~govdisclosure.StructureError` listing every problem with its JSON path.

Two converters share the hooks: a fast one for the happy path, and a detailed one that runs
only when the fast one fails, to locate every problem (:func:`from_dict`).

>>> from govdisclosure import examples
>>> report = examples.load("jianghe-2021")
>>> from_json(to_json(report)) == report
True
>>> to_dict(report)["active"]["fees"]
{'value': '20.30', 'unit': '万元'}
>>> from_dict({"agency": "某局", "year": "2022", "edition": "standard-2021", "title": "x",
...            "colour": "red"})
Traceback (most recent call last):
...
govdisclosure.errors.StructureError: 2 problems in the input:
  $.year: expected an integer, found '2022' (a str)
  $.colour: unknown key (expected one of: agency, year, edition, title, ...)
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
import json
import math
import re
import reprlib
import types
import typing
from collections.abc import Callable
from decimal import Decimal
from typing import Any, TypeVar, cast

import attrs
import cattrs
from cattrs.cols import homogenous_tuple_structure_factory
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
)
from cattrs.gen import make_dict_structure_fn

from govdisclosure.errors import Problem, StructureError
from govdisclosure.layout import (
    MAX_COUNT,
    MAX_DIGITS,
    MAX_ORDINAL,
    MAX_PLACES,
    MAX_YEAR,
    MIN_YEAR,
    TABLE_ATTRIBUTES,
    layout_of,
)
from govdisclosure.model import (
    ApplicantCounts,
    DocumentCounts2019,
    DocumentCounts2021,
    Edition,
    Fact,
    FactScope,
    FeeItems2019,
    ItemCounts2019,
    Location,
    Outcomes,
    Report,
    Section,
    table_classes,
)
from govdisclosure.model.tables import signed_fields
from govdisclosure.money import Amount, MoneyUnit
from govdisclosure.numerals import Qualifier, Quantity

__all__ = ["from_dict", "from_json", "to_dict", "to_json"]

T = TypeVar("T")

_DECIMAL_RE = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?\Z")

#: The deepest nesting of sub-sections a report may have (一、 → (一) → 1. → (1) → … ):
#: real reports use three or four levels; the bound keeps every reader and writer of the
#: section tree far from Python's recursion limit.
MAX_SECTION_DEPTH = 10

_INT_PART = MAX_DIGITS - 1
#: A decimal literal in plain notation within the bounds (layout.MAX_DIGITS significant
#: digits, layout.MAX_PLACES places): the loader's test and the JSON Schema's pattern.
BOUNDED_DECIMAL = (
    rf"^-?(?:0(?:\.[0-9]{{1,{MAX_PLACES}}})?|[1-9][0-9]{{0,{_INT_PART}}}"
    rf"|(?=[0-9.]{{3,{MAX_DIGITS + 1}}}$)[1-9][0-9]*\.[0-9]{{1,{MAX_PLACES}}})$"
)
_BOUNDED_DECIMAL_RE = re.compile(BOUNDED_DECIMAL.replace("$", r"\Z"))
_MAX_DECIMAL_TEXT = MAX_DIGITS + 2  # sign and point: longer literals are refused unread
_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")

# Rows are plain records of int | None cells: the fast path builds them directly and the
# table they belong to checks every cell at once (see govdisclosure.model).
_ROW_CLASSES: tuple[type[Any], ...] = (
    ApplicantCounts,
    Outcomes,
    DocumentCounts2021,
    DocumentCounts2019,
    ItemCounts2019,
    FeeItems2019,
)


_REPR = reprlib.Repr()
_REPR.maxlevel = 2
_REPR.maxstring = 60
_REPR.maxother = 60
_REPR.maxlist = _REPR.maxtuple = _REPR.maxdict = _REPR.maxset = 4
_MAX_REPR = 80


def _describe(value: object) -> str:
    """What was found, for messages: short whatever the input (no multi-KB echo, no deep
    recursion, no integer too long to print)."""
    if value is None:
        return "null"
    name = type(value).__name__
    article = "an" if name[0] in "aeiou" else "a"
    if value.__class__ is int and not -(10**40) < value < 10**40:
        digits = int(value.bit_length() * math.log10(2)) + 1
        return f"an integer of about {digits:,} digits"
    if isinstance(value, str) and len(value) > _MAX_REPR:
        return f"{value[:40]!r}… (a str of {len(value):,} characters)"
    try:
        text = _REPR.repr(value)
    except Exception:  # a value whose repr fails still gets described
        text = f"<{name}>"
    if len(text) > _MAX_REPR:
        text = text[:_MAX_REPR] + "…"
    return f"{text} ({article} {name})"


def _num(value: int) -> str:
    """An int as messages print it: its digits, or its size when it has too many."""
    return str(value) if -(10**40) < value < 10**40 else _describe(value)


def _cut(value: object) -> str:
    """A short repr of ``value`` (no type): strings cut to 40 characters, their length said."""
    if isinstance(value, str) and len(value) > _MAX_REPR:
        return f"{value[:40]!r}… ({len(value):,} characters)"
    text = _describe(value)
    return text.rsplit(" (", 1)[0] if text.endswith(")") and " (a" in text else text


_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def _check_text(value: str) -> str:
    """A string from outside: refused if it holds a lone surrogate (which no UTF-8 text can
    carry: it would break ``to_json(r).encode()`` and every printed output)."""
    if not value.isascii() and _SURROGATE_RE.search(value):
        at = _SURROGATE_RE.search(value).start()  # type: ignore[union-attr]
        raise ValueError(
            f"expected text, found a lone surrogate {value[at]!r} at character {at} "
            "(not Unicode text: no UTF-8 file can hold it)"
        )
    return value


def _key_path(path: str, key: object) -> str:
    """``path`` extended by an object key; odd keys are quoted (ASCII-escaped, cut)."""
    if key.__class__ is str and _KEY_RE.match(key):
        return f"{path}.{key}"
    if key.__class__ is str and len(key) > 40:
        key = key[:40] + "…"
    return f"{path}[{json.dumps(key)}]"


_KEY_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,40}\Z")


# --------------------------------------------------------------------------- strict hooks


def _structure_int(value: Any, _: type) -> int:
    if value.__class__ is not int:
        raise TypeError(f"expected an integer, found {_describe(value)}")
    if not -MAX_COUNT <= value <= MAX_COUNT:
        raise ValueError(_too_large(value))
    return value  # type: ignore[no-any-return,unused-ignore]


def _too_large(value: int) -> str:
    return f"expected an integer of at most {MAX_COUNT:_} in size, found {_describe(value)}"


def _structure_str(value: Any, _: type) -> str:
    if value.__class__ is not str:
        raise TypeError(f"expected a string, found {_describe(value)}")
    return _check_text(value)


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


def _decimal_bounds(value: str) -> str:
    return (
        f"expected a decimal of at most {MAX_DIGITS} significant digits and {MAX_PLACES} "
        f"decimal places, found {_describe(value)}"
    )


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
    conv.register_structure_hook(str, _structure_str)
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
        conv.register_structure_hook(Section, _fast_section)
    conv.register_unstructure_hook(Decimal, _unstructure_decimal)
    conv.register_unstructure_hook(Amount, _unstructure_amount)
    conv.register_unstructure_hook(_dt.date, _dt.date.isoformat)
    for cls in _ROW_CLASSES:
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
        return _optional_str
    if inner is int:
        return _optional_int
    hook = conv.get_structure_hook(inner)

    def structure(value: Any, _: Any) -> Any:
        return None if value is None else hook(value, inner)

    return structure


def _attrs_factory(cls: Any, conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    """An attrs record from a JSON object only (``"metadata": []`` is a located error, not
    an AttributeError from inside cattrs)."""
    inner = make_dict_structure_fn(cls, conv)

    def hook(value: Any, type_: Any) -> Any:
        if value.__class__ is not dict:
            raise TypeError(f"expected an object, found {_describe(value)}")
        return inner(value, type_)

    return hook


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
    if d.__class__ is not dict or d.keys() != _LOCATION_KEYS:
        raise TypeError("not a location")  # the detailed converter says what is wrong
    section = d["section"]
    if (
        section.__class__ is not list
        or len(section) > MAX_SECTION_DEPTH
        or not all(map(_is_ordinal, section))
    ):
        raise TypeError("not a section path")
    p, start, end = d["paragraph"], d["start"], d["end"]
    if not (_is_index(p) and _is_index(start) and _is_index(end)):
        raise TypeError("not a span")
    return Location(section=tuple(section), paragraph=p, start=start, end=end)


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


def _ordinal_message(x: Any) -> str:
    return f"expected an ordinal from 1 to {MAX_ORDINAL}, found {_describe(x)}"


def _fast_quantity(d: Any, _: Any) -> Quantity:
    if d.__class__ is not dict or not d.keys() <= {"value", "unit", "qualifier"}:
        raise TypeError("not a quantity")
    qualifier = d.get("qualifier")
    if qualifier is not None:
        qualifier = _QUALIFIERS[qualifier]
    unit = d["unit"]
    if unit.__class__ is not str:
        raise TypeError("not a unit")
    return Quantity(_structure_quantity_value(d["value"]), unit, qualifier)


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
    key, label, text = d["key"], d["label"], d["text"]
    if key.__class__ is not str or label.__class__ is not str or text.__class__ is not str:
        raise TypeError("not a fact")
    return Fact(
        key=_check_text(key),
        label=_check_text(label),
        text=_check_text(text),
        quantity=_fast_quantity(d["quantity"], Quantity),
        location=_fast_location(d["location"], Location),
        scope=_SCOPES[scope],
    )


def _is_tuple(t: Any) -> bool:
    return typing.get_origin(t) is tuple


def _fast_strings(value: Any, _: Any) -> tuple[str, ...]:
    if value.__class__ is not list:
        raise TypeError(f"expected an array, found {_describe(value)}")
    for item in value:
        if item.__class__ is not str:
            raise TypeError("expected strings")  # the detailed converter locates it
        if not item.isascii() and _SURROGATE_RE.search(item):
            raise ValueError("a lone surrogate")
    return tuple(value)


_SECTION_KEYS = frozenset(("ordinal", "title", "paragraphs", "subsections"))


def _fast_section(d: Any, _: Any, depth: int = 1) -> Section:
    if d.__class__ is not dict or not d.keys() <= _SECTION_KEYS:
        raise TypeError("not a section")
    ordinal, title = d["ordinal"], d["title"]
    if (
        ordinal.__class__ is not int
        or title.__class__ is not str
        or not 1 <= ordinal <= MAX_ORDINAL
    ):
        raise TypeError("not a section")
    subsections = d.get("subsections", ())
    if subsections.__class__ is not list and subsections != ():
        raise TypeError("not a list of sections")
    if subsections and depth >= MAX_SECTION_DEPTH:
        raise TypeError("sections nested too deep")
    return Section(
        ordinal=ordinal,
        title=_check_text(title),
        paragraphs=_fast_strings(d.get("paragraphs", []), None),
        subsections=tuple([_fast_section(x, None, depth + 1) for x in subsections]),
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
    inner = homogenous_tuple_structure_factory(t, conv)

    def hook(value: Any, type_: Any) -> Any:
        if value.__class__ is not list:
            raise TypeError(f"expected an array, found {_describe(value)}")
        return inner(value, type_)

    return hook


def _fast_row_hook(cls: type[T]) -> Callable[[Any, type], T]:
    """A row straight from its object: the row checks its cells itself (one bulk check), and
    what it refuses the detailed converter locates and words (:func:`_detailed_row_hook`)."""

    def hook(value: Any, _: type) -> T:
        if value.__class__ is not dict:
            raise TypeError(f"expected an object, found {_describe(value)}")
        return cls(**value)

    return hook


def _detailed_row_hook(cls: type[T]) -> Callable[[Any, type], T]:
    """Check every cell of a row record, reporting each bad one at its own path."""
    names = {f.name for f in attrs.fields(cast(Any, cls))}

    def hook(value: Any, _: type) -> T:
        if value.__class__ is not dict:
            raise TypeError(f"expected an object, found {_describe(value)}")
        problems = []
        for key, cell in value.items():
            path = _key_path("$", key)
            if key not in names:
                problems.append(Problem(path, "unknown key"))
            elif cell is None:
                continue
            elif cell.__class__ is not int:
                problems.append(
                    Problem(path, f"expected an integer or null, found {_describe(cell)}")
                )
            elif cell < 0 and (cls, key) not in signed_fields():
                problems.append(Problem(path, f"expected a whole number >= 0, found {_num(cell)}"))
            elif not -MAX_COUNT <= cell <= MAX_COUNT:
                problems.append(Problem(path, _too_large(cell)))
        if problems:
            raise StructureError(problems)
        return cls(**value)

    return hook


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


# --------------------------------------------------------------------------- errors


@functools.cache
def _labels() -> dict[str, str]:
    return {cell.json_path: cell.label for e in Edition for cell in layout_of(e).cells}


_MAX_MESSAGE = 400


def _problem(path: str, message: str) -> Problem:
    return Problem(path, _short_message(message), _labels().get(path))


def _short_message(message: str) -> str:
    """A message as long as it needs, but never one that echoes a long input whole."""
    if len(message) <= _MAX_MESSAGE:
        return message
    return f"{message[:_MAX_MESSAGE]}… (cut: the message is {len(message):,} characters long)"


def _message(exc: BaseException) -> str:
    if isinstance(exc, KeyError):
        return "required field missing"
    if isinstance(exc, TypeError) and "unexpected keyword argument" in str(exc):
        name = str(exc).rsplit("'", 2)[-2]
        return f"unknown key {name!r}"
    return str(exc)


def within(prefix: str, path: str) -> str:
    """``path`` (relative to a record, ``$.natural_person``) placed under ``prefix``; a path
    that is already a report path under ``prefix`` (the tables say where their cells are in
    the report) is kept as it is.

    >>> within("$.requests.new", "$.natural_person"), within("$.active", "$.active.fees")
    ('$.requests.new.natural_person', '$.active.fees')
    """
    if path == prefix or path.startswith((prefix + ".", prefix + "[")):
        return path
    return prefix + path[1:]


def _walk(exc: BaseException, path: str) -> list[Problem]:
    """Every problem inside a cattrs validation error tree, located."""
    if isinstance(exc, StructureError):
        return [_problem(within(path, p.path), p.message) for p in exc.problems]
    if isinstance(exc, ForbiddenExtraKeysError):
        return [_problem(_key_path(path, k), "unknown key") for k in sorted(exc.extra_fields)]
    if isinstance(exc, ClassValidationError):
        out: list[Problem] = []
        with_notes, without = exc.group_exceptions()
        for sub, note in with_notes:
            out += _walk(sub, f"{path}.{note.name}")
        for sub in without:
            out += _walk(sub, path)
        return out
    if isinstance(exc, IterableValidationError):
        out = []
        with_inotes, without = exc.group_exceptions()
        for sub, inote in with_inotes:
            out += _walk(sub, f"{path}[{inote.index!r}]")
        for sub in without:
            out += _walk(sub, path)
        return out
    try:
        message = _message(exc)
    except Exception:  # str() itself fails (an int too long to print inside the message)
        message = f"not readable here ({type(exc).__name__})"
    return [_problem(path, message)]


#: What stands in for a report field that is missing or bad, so that the report-level checks
#: (year, facts, relations) still run and report their own problems.
_PLACEHOLDERS: dict[str, Any] = {"agency": "", "title": "", "year": 2000}
#: Fields whose report-level checks read other fields: not checked when those are bad.
_DEPENDS = {"facts": ("sections", "preamble"), "relations": ("facts",)}


def _report_problems(data: Any) -> list[Problem]:
    """Structure ``data`` field by field with the detailed converter, collecting problems.

    Every problem is listed: an unknown key or a bad field does not hide the others, and the
    report-level checks (the year's range, the facts' spans, the relations' keys) run on
    whatever fields structured cleanly.
    """
    if data.__class__ is not dict:
        return [Problem("$", f"expected a report object, found {_describe(data)}")]
    conv = _converter(detailed=True)
    problems: list[Problem] = []
    edition: Edition | None = None
    if "edition" in data:
        try:
            edition = _structure_enum_factory(Edition)(data["edition"], Edition)
        except ValueError as exc:
            problems.append(Problem("$.edition", str(exc)))
    kwargs: dict[str, Any] = {}
    bad: set[str] = set()
    for key, value in data.items():
        if key not in _REPORT_KEYS:
            known = ", ".join(_REPORT_KEYS)
            problems.append(Problem(_key_path("$", key), f"unknown key (expected one of: {known})"))
            continue
        path = f"$.{key}"
        if key == "edition":
            continue
        if edition is None and key in TABLE_ATTRIBUTES:
            continue  # which tables a report may have depends on the edition: said above
        t = _field_type(key, edition)
        if t is None:
            if value is not None:
                problems.append(
                    Problem(path, f"a {edition.value if edition else 'report'} has no table {key}")
                )
            continue
        if key == "year" and value.__class__ is int and not MIN_YEAR <= value <= MAX_YEAR:
            problems.append(
                Problem(
                    path, f"expected a year from {MIN_YEAR} to {MAX_YEAR}, found {_describe(value)}"
                )
            )
            bad.add(key)
            continue
        try:
            kwargs[key] = conv.structure(value, t)
        except Exception as exc:  # every failure is reported, located
            problems += _walk(exc, path)
            bad.add(key)
    for key in _REQUIRED_KEYS:
        if key not in data:
            problems.append(Problem(f"$.{key}", "required field missing"))
            bad.add(key)
    problems += _record_problems(kwargs, bad, edition)
    return problems


def _record_problems(
    kwargs: dict[str, Any], bad: set[str], edition: Edition | None
) -> list[Problem]:
    """The report-level problems of the fields that structured, the bad ones stood in for."""
    stand_ins = {k for k in bad if k in _PLACEHOLDERS}
    fields = dict(kwargs)
    for key in stand_ins:
        fields[key] = _PLACEHOLDERS[key]
    dropped: set[str] = set()
    for key, needs in _DEPENDS.items():  # facts before relations
        if any(n in bad or n in dropped for n in needs):
            fields.pop(key, None)
            dropped.add(key)
    if "year" in bad:
        stand_ins.add("year")
    try:
        Report(edition=edition or Edition.LEGACY_2008, **fields)
    except StructureError as exc:
        return [
            _problem(p.path, p.message)
            for p in exc.problems
            if p.path.removeprefix("$.").split(".")[0].split("[")[0] not in stand_ins
            and not (edition is None and p.path == "$.edition")
        ]
    except Exception as exc:  # pragma: no cover - the model refused what the hooks let in
        return [Problem("$", f"the report cannot be built: {exc}")]
    return []


# --------------------------------------------------------------------------- public


def to_dict(report: Report) -> dict[str, Any]:
    """The JSON-ready form of a report (plain dicts, lists, str, int, None)."""
    result: dict[str, Any] = _converter().unstructure(report)
    return result


def from_dict(data: Any) -> Report:
    """Build a report from its :func:`to_dict` form; strict, and exact.

    Raises :class:`~govdisclosure.StructureError` listing every problem.
    """
    try:
        return _converter().structure(data, Report)
    except Exception as exc:  # the fast path failed: find and locate every problem
        first: BaseException = exc
    problems = _report_problems(data)
    if not problems:  # pragma: no cover - the two paths disagree: a bug, said as one
        problems = [Problem("$", f"{DISAGREE}: {_short_message(_exception_text(first))}")]
    raise StructureError(problems) from None


def _exception_text(exc: BaseException) -> str:
    try:
        return f"{type(exc).__name__}: {exc}"
    except Exception:  # str() itself fails (a KeyError of an int too long to print)
        return type(exc).__name__


#: What a problem says when the fast reader refused what the detailed one accepts (a bug:
#: the fuzz suite looks for it).
DISAGREE = "the report could not be read (the two readers disagree: please report it)"


def to_json(report: Report, *, indent: int | None = None) -> str:
    """The report as JSON text (UTF-8 safe, Chinese kept as is)."""
    return json.dumps(to_dict(report), ensure_ascii=False, indent=indent)


def from_json(text: str | bytes) -> Report:
    """Parse JSON text into a report; raises :class:`~govdisclosure.StructureError`."""
    if not isinstance(text, str | bytes | bytearray):
        raise StructureError(
            [Problem("$", f"expected JSON text (str or bytes), found {_describe(text)}")]
        )
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise StructureError([Problem("$", _syntax_message(exc))]) from None
    except UnicodeDecodeError as exc:
        raise StructureError(
            [
                Problem(
                    "$",
                    "expected UTF-8 (or UTF-16/32) JSON text, found undecodable bytes: "
                    f"{exc.reason} at byte {exc.start}",
                )
            ]
        ) from None
    except RecursionError:
        raise StructureError(
            [Problem("$", "expected JSON text, found nesting too deep to read")]
        ) from None
    except ValueError as exc:  # e.g. an integer longer than Python converts
        raise StructureError([Problem("$", f"expected JSON text, found: {exc}")]) from None
    return from_dict(data)


def _syntax_message(exc: json.JSONDecodeError) -> str:
    """Line, column and a short excerpt of the place: never the whole input."""
    doc = exc.doc
    line_start = doc.rfind("\n", 0, exc.pos) + 1
    excerpt = doc[max(line_start, exc.pos - 30) : exc.pos + 30].split("\n")[0]
    size = f"; the input is {len(doc):,} characters long" if len(doc) > 200 else ""
    return (
        f"expected JSON text, found an error at line {exc.lineno}, column {exc.colno}: "
        f"{exc.msg}, near {excerpt!r}{size}"
    )
