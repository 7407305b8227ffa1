"""The JSON Schema of the ``to_dict`` form, derived from the model classes and the layouts.

>>> schema = json_schema()
>>> schema["$schema"]
'https://json-schema.org/draft/2020-12/schema'
"""

from __future__ import annotations

import copy
import datetime as _dt
import enum
import functools
import inspect
import types
import typing
from decimal import Decimal
from typing import Any

import attrs

from govdisclosure.io.json import BOUNDED_DECIMAL, MAX_SECTION_DEPTH
from govdisclosure.layout import (
    JOIN,
    MAX_COUNT,
    MAX_ORDINAL,
    MAX_YEAR,
    MIN_YEAR,
    TABLE_ATTRIBUTES,
    Edition,
    layout_of,
)
from govdisclosure.model import (
    ActiveDisclosure2021,
    ExtraRow,
    Location,
    Report,
    Section,
    table_class,
    table_classes,
)
from govdisclosure.model.tables import signed_fields
from govdisclosure.money import Amount, MoneyUnit
from govdisclosure.numerals import UNITS, Quantity

__all__ = ["json_schema"]

# Signed: the 2019 本年增/减, and the values of extra rows (which may stand in such a column).
_SIGNED = signed_fields() | {(ExtraRow, "values")}
_DECIMAL = {"type": "string", "pattern": BOUNDED_DECIMAL}
_UNSIGNED_DECIMAL = {"type": "string", "pattern": BOUNDED_DECIMAL.replace("^-?", "^", 1)}
_COUNT = {"type": "integer", "minimum": 0, "maximum": MAX_COUNT}
_SIGNED_COUNT = {"type": "integer", "minimum": -MAX_COUNT, "maximum": MAX_COUNT}
_ORDINAL = {"type": "integer", "minimum": 1, "maximum": MAX_ORDINAL}
# The text of a JSON Schema string is Unicode text: a lone surrogate cannot be written in
# a pattern every validator reads alike, so it is the one text rule left to the loader.
_DATE = {"type": "string", "format": "date", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}

    def ref(self, cls: type[Any]) -> dict[str, Any]:
        name = cls.__name__.lstrip("_")
        if name not in self.defs:
            self.defs[name] = {}  # placeholder against recursion (Section)
            self.defs[name] = self.attrs_class(cls)
        return {"$ref": f"#/$defs/{name}"}

    def attrs_class(self, cls: type[Any]) -> dict[str, Any]:
        hints = typing.get_type_hints(cls)
        props: dict[str, Any] = {}
        required = []
        for f in attrs.fields(cls):
            schema = self.type_schema(hints[f.name], owner=cls, name=f.name)
            props[f.name] = schema
            if f.default is attrs.NOTHING:
                required.append(f.name)
        doc = inspect.getdoc(cls) or ""
        out: dict[str, Any] = {
            "type": "object",
            "description": doc.split("\n\n")[0].replace("\n", " "),
            "properties": props,
            "additionalProperties": False,
        }
        if required:
            out["required"] = required
        return out

    def type_schema(self, t: Any, *, owner: type[Any], name: str) -> dict[str, Any]:
        origin = typing.get_origin(t)
        if origin in (typing.Union, types.UnionType):
            return {"anyOf": [self.type_schema(a, owner=owner, name=name) for a in t.__args__]}
        if origin is tuple:
            out: dict[str, Any] = {
                "type": "array",
                "items": self.type_schema(t.__args__[0], owner=owner, name=name),
            }
            if (owner, name) == (Location, "section"):
                out["maxItems"] = MAX_SECTION_DEPTH
            return out
        if t is type(None):
            return {"type": "null"}
        if t is bool:
            return {"type": "boolean"}
        if t is int:
            if (owner, name) in _SIGNED:
                return dict(_SIGNED_COUNT)
            if owner is Report and name == "year":
                return {"type": "integer", "minimum": MIN_YEAR, "maximum": MAX_YEAR}
            if (owner, name) in ((Section, "ordinal"), (Location, "section")):
                return dict(_ORDINAL)
            return dict(_COUNT)
        if t is str:
            if owner is Quantity and name == "unit":
                return {"enum": sorted(_quantity_units())}
            if owner is ExtraRow and name == "label":
                return {"type": "string", "pattern": r"\S"}
            return {"type": "string"}
        if t is Decimal:
            if name == "amount":
                return dict(_UNSIGNED_DECIMAL)
            return dict(_DECIMAL)
        if t is _dt.date:
            return dict(_DATE)
        if t is Amount:
            return {"$ref": "#/$defs/Amount"}
        if isinstance(t, type) and issubclass(t, enum.Enum):
            return {"enum": [m.value for m in t]}
        if attrs.has(t):
            return self.ref(t)
        raise TypeError(f"no JSON Schema for {t!r}")  # pragma: no cover


@functools.cache
def _schema() -> dict[str, Any]:
    b = _Builder()
    b.defs["Amount"] = {
        "type": "object",
        "description": "An exact amount of money: the decimal as printed and its unit.",
        "properties": {
            "value": dict(_DECIMAL),
            "unit": {"enum": [u.value for u in MoneyUnit]},
        },
        "required": ["value", "unit"],
        "additionalProperties": False,
    }
    report = b.attrs_class(Report)
    edition_rules = []
    for edition in Edition:
        properties: dict[str, Any] = {}
        for attribute in TABLE_ATTRIBUTES:
            cls = table_class(edition, attribute)
            if cls is None:
                properties[attribute] = {"type": "null"}
            elif sum(c is cls for e in Edition for c in table_classes(e).values()) == 1:
                properties[attribute] = {"anyOf": [b.ref(cls), {"type": "null"}]}
        edition_rules.append(
            {
                "if": {"properties": {"edition": {"const": edition.value}}},
                "then": {"properties": properties},
            }
        )
    _describe_cells(b.defs)
    _tighten(b.defs)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://govdisclosure.readthedocs.io/schema/report.json",
        "title": "政府信息公开工作年度报告 (govdisclosure report)",
        **{k: v for k, v in report.items() if k != "description"},
        "description": "An annual report on government information disclosure, as "
        "govdisclosure.to_dict writes it.",
        "allOf": edition_rules,
        "$defs": b.defs,
    }


_N = len(str(MAX_COUNT))
#: A non-negative plain decimal above MAX_COUNT (which is 1 followed by zeros).
_ABOVE_MAX_COUNT = rf"^(?:[0-9]{{{_N + 1},}}|(?!{MAX_COUNT}(?:\.0*)?$)[0-9]{{{_N}}}(?:\.|$))"


def _quantity_units() -> set[str]:
    return set(UNITS)


def _tighten(defs: dict[str, Any]) -> None:
    """What the loader checks beyond the field types, where JSON Schema can say it."""
    # the 2021 收费: an amount >= 0 in 万元
    fees = defs[ActiveDisclosure2021.__name__]["properties"]["fees"]
    fees["anyOf"] = [
        {
            "type": "object",
            "properties": {"value": dict(_UNSIGNED_DECIMAL), "unit": {"const": "万元"}},
            "required": ["value", "unit"],
            "additionalProperties": False,
        },
        {"type": "null"},
    ]
    # a quantity: the figure at most MAX_COUNT in size (the pattern bounds its digits) and
    # not negative; a qualified quantity is above zero
    q = defs[Quantity.__name__]
    q["properties"]["value"] = {
        "type": "string",
        "pattern": BOUNDED_DECIMAL.replace("^-?", "^", 1),
        "not": {"pattern": _ABOVE_MAX_COUNT},
    }
    q["if"] = {"properties": {"qualifier": {"type": "string"}}, "required": ["qualifier"]}
    q["then"] = {"properties": {"value": {"not": {"pattern": r"^0(\.0*)?$"}}}}
    # sub-sections nest at most MAX_SECTION_DEPTH deep: Section_1 … Section_N
    section = defs["Section"]
    for depth in range(MAX_SECTION_DEPTH, 0, -1):
        level = copy.deepcopy(section)
        inner = f"#/$defs/Section{depth + 1}" if depth < MAX_SECTION_DEPTH else None
        if inner is None:
            level["properties"]["subsections"] = {"type": "array", "maxItems": 0}
        else:
            level["properties"]["subsections"]["items"] = {"$ref": inner}
        defs[f"Section{depth}"] = level
    defs["Section"] = {"$ref": "#/$defs/Section1", "description": section["description"]}


def _describe_cells(defs: dict[str, Any]) -> None:
    """Give each cell's property its official labels as the description (read from the layout)."""
    for edition in Edition:
        for table in layout_of(edition).tables:
            model = table_class(edition, table.attribute)
            for block in table.blocks:
                for row in block.rows:
                    owner: Any = model
                    *parents, last = row.key.split(".")
                    for part in parents:
                        owner = typing.get_type_hints(owner)[part]
                    target = typing.get_type_hints(owner)[last]
                    for col in block.columns:
                        labels = (*block.labels, *row.labels, *col.labels)
                        if col.key is None:
                            prop = defs[owner.__name__.lstrip("_")]["properties"][last]
                            prop["description"] = JOIN.join(labels)
                        else:
                            prop = defs[target.__name__]["properties"][col.key]
                            prop.setdefault("description", JOIN.join(col.labels))


def json_schema() -> dict[str, Any]:
    """A JSON Schema (Draft 2020-12) for the :func:`~govdisclosure.to_dict` form of every
    report; a fresh copy each call (callers may mutate it)."""
    import copy

    return copy.deepcopy(_schema())
