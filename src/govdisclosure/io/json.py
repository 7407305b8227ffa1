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
import re
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

from govdisclosure.errors import Problem, StructureError
from govdisclosure.layout import TABLE_ATTRIBUTES, layout_of
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


def _describe(value: object) -> str:
    if value is None:
        return "null"
    name = type(value).__name__
    return f"{value!r} ({'an' if name[0] in 'aeiou' else 'a'} {name})"


# --------------------------------------------------------------------------- strict hooks


def _structure_int(value: Any, _: type) -> int:
    if value.__class__ is not int:
        raise TypeError(f"expected an integer, found {_describe(value)}")
    return value  # type: ignore[no-any-return,unused-ignore]


def _structure_str(value: Any, _: type) -> str:
    if value.__class__ is not str:
        raise TypeError(f"expected a string, found {_describe(value)}")
    return value  # type: ignore[no-any-return,unused-ignore]


def _structure_decimal(value: Any, _: type) -> Decimal:
    if value.__class__ is not str:
        found = _describe(value)
        if isinstance(value, float):
            found = f"{value!r} (a float, which would lose the printed precision)"
        raise TypeError(f'expected a decimal number as a string such as "20.30", found {found}')
    if not _DECIMAL_RE.match(value):
        raise ValueError(
            f'expected a decimal number in plain notation such as "20.30", found {value!r}'
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
        return MoneyUnit(value)
    except ValueError:
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
            return cls(value)
        except ValueError:
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
    if not detailed:
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
    if value is not None and value.__class__ is not str:
        raise TypeError(f"expected a string or null, found {_describe(value)}")
    return value  # type: ignore[no-any-return,unused-ignore]


def _optional_int(value: Any, _: Any) -> int | None:
    if value is not None and value.__class__ is not int:
        raise TypeError(f"expected an integer or null, found {_describe(value)}")
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


_LOCATION_KEYS = frozenset(("section", "paragraph", "start", "end"))
_FACT_KEYS = frozenset(("key", "label", "text", "quantity", "location"))
_FACT_KEYS_SCOPED = _FACT_KEYS | {"scope"}
_SCOPES = {s.value: s for s in FactScope}
_QUALIFIERS = {q.value: q for q in Qualifier}


def _fast_location(d: Any, _: Any) -> Location:
    if d.__class__ is not dict or d.keys() != _LOCATION_KEYS:
        raise TypeError("not a location")  # the detailed converter says what is wrong
    section = d["section"]
    if section.__class__ is not list or any(x.__class__ is not int for x in section):
        raise TypeError("not a section path")
    p, start, end = d["paragraph"], d["start"], d["end"]
    if p.__class__ is not int or start.__class__ is not int or end.__class__ is not int:
        raise TypeError("not a span")
    return Location(section=tuple(section), paragraph=p, start=start, end=end)


def _fast_quantity(d: Any, _: Any) -> Quantity:
    if d.__class__ is not dict or not d.keys() <= {"value", "unit", "qualifier"}:
        raise TypeError("not a quantity")
    qualifier = d.get("qualifier")
    if qualifier is not None:
        qualifier = _QUALIFIERS[qualifier]
    unit = d["unit"]
    if unit.__class__ is not str:
        raise TypeError("not a unit")
    return Quantity(_structure_decimal(d["value"], Decimal), unit, qualifier)


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
        key=key,
        label=label,
        text=text,
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
    return tuple(value)


_SECTION_KEYS = frozenset(("ordinal", "title", "paragraphs", "subsections"))


def _fast_section(d: Any, _: Any) -> Section:
    if d.__class__ is not dict or not d.keys() <= _SECTION_KEYS:
        raise TypeError("not a section")
    ordinal, title = d["ordinal"], d["title"]
    if ordinal.__class__ is not int or title.__class__ is not str:
        raise TypeError("not a section")
    subsections = d.get("subsections", ())
    if subsections.__class__ is not list and subsections != ():
        raise TypeError("not a list of sections")
    return Section(
        ordinal=ordinal,
        title=title,
        paragraphs=_fast_strings(d.get("paragraphs", []), None),
        subsections=tuple([_fast_section(x, None) for x in subsections]),
    )


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
            path = f"$.{key}"
            if key not in names:
                problems.append(Problem(path, "unknown key"))
            elif cell is None:
                continue
            elif cell.__class__ is not int:
                problems.append(
                    Problem(path, f"expected an integer or null, found {_describe(cell)}")
                )
            elif cell < 0 and (cls, key) not in signed_fields():
                problems.append(Problem(path, f"expected a whole number >= 0, found {cell}"))
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


def _problem(path: str, message: str) -> Problem:
    return Problem(path, message, _labels().get(path))


def _message(exc: BaseException) -> str:
    if isinstance(exc, KeyError):
        return "required field missing"
    if isinstance(exc, TypeError) and "unexpected keyword argument" in str(exc):
        name = str(exc).rsplit("'", 2)[-2]
        return f"unknown key {name!r}"
    return str(exc)


def _walk(exc: BaseException, path: str) -> list[Problem]:
    """Every problem inside a cattrs validation error tree, located."""
    if isinstance(exc, StructureError):
        return [_problem(path + p.path[1:], p.message) for p in exc.problems]
    if isinstance(exc, ForbiddenExtraKeysError):
        return [_problem(f"{path}.{k}", "unknown key") for k in sorted(exc.extra_fields)]
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
    return [_problem(path, _message(exc))]


def _report_problems(data: Any) -> list[Problem]:
    """Structure ``data`` field by field with the detailed converter, collecting problems."""
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
    for key, value in data.items():
        path = f"$.{key}"
        if key not in _REPORT_KEYS:
            known = ", ".join(_REPORT_KEYS)
            problems.append(Problem(path, f"unknown key (expected one of: {known})"))
            continue
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
        try:
            kwargs[key] = conv.structure(value, t)
        except Exception as exc:  # every failure is reported, located
            problems += _walk(exc, path)
    for key in _REQUIRED_KEYS:
        if key not in data:
            problems.append(Problem(f"$.{key}", "required field missing"))
    if not problems and edition is not None:
        try:
            Report(edition=edition, **kwargs)
        except StructureError as exc:
            problems += [_problem(p.path, p.message) for p in exc.problems]
    return problems


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
    except Exception:  # the fast path failed: find and locate every problem
        problems = _report_problems(data)
        if not problems:  # pragma: no cover - the two paths disagree: never hide it
            raise
        raise StructureError(problems) from None


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
        raise StructureError(
            [Problem("$", f"expected JSON text, found an error at {exc.pos}: {exc.msg}")]
        ) from None
    except UnicodeDecodeError as exc:
        raise StructureError(
            [
                Problem(
                    "$",
                    "expected UTF-8 (or UTF-16/32) JSON text, found undecodable bytes: "
                    f"{exc.reason} at {exc.start}",
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
