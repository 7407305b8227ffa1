"""The binding of table classes to the layouts: which class holds which table of an edition.

The one place an edition's tables meet the model. The table modules bind their classes here
when they are defined (:func:`bind`); everything that reads a table class's layout — the
builders, the report, the JSON reader, the reader of published reports — asks here, so
nothing below the tables needs to import them.

>>> table_class(Edition.STANDARD_2021, "requests").__name__
'Requests2021'
>>> layout_of_table(table_class(Edition.TRIAL_2019, "active")).number
'二'
"""

from __future__ import annotations

import functools
import typing
from collections.abc import Iterator, Mapping
from typing import Any

from govdisclosure.layout import JOIN, Edition, TableLayout, layout_of
from govdisclosure.model._checks import class_cache

__all__ = [
    "bind",
    "bound_tables",
    "cell_labels",
    "edition_of",
    "is_table",
    "layout_of_table",
    "signed_fields",
    "table_class",
    "table_classes",
]

#: Each edition's table classes, by report attribute (an edition without tables: empty).
_BY_ATTRIBUTE: dict[Edition, dict[str, type[Any]]] = {e: {} for e in Edition}
#: The layout of each table class, and the first edition it was bound to, in binding order.
_LAYOUTS: dict[type[Any], TableLayout] = {}
_EDITIONS: dict[type[Any], Edition] = {}


def bind(edition: Edition, classes: Mapping[str, type[Any]]) -> None:
    """Bind the table classes of ``edition``, by table number (``{"三": Requests2021}``): the
    layout says each one's attribute, labels and cells. A class shared by editions (table
    四) is bound to each; its first edition is the one its builders read labels from."""
    for number, cls in classes.items():
        layout = layout_of(edition).table(number)
        if _LAYOUTS.setdefault(cls, layout) != layout:
            raise ValueError(f"{cls.__name__} is bound to two layouts that differ")
        _EDITIONS.setdefault(cls, edition)
        _BY_ATTRIBUTE[edition][layout.attribute] = cls
    signed_fields.cache_clear()


def table_classes(edition: Edition) -> dict[str, type[Any]]:
    """The table classes of an edition, by report attribute (``{"active": …, …}``)."""
    return _BY_ATTRIBUTE[edition]


def table_class(edition: Edition, attribute: str) -> type[Any] | None:
    """The class of the table at ``attribute`` in reports of ``edition`` (``None``: no table)."""
    return _BY_ATTRIBUTE[edition].get(attribute)


def bound_tables() -> Iterator[tuple[type[Any], TableLayout]]:
    """Every table class and its layout, in the order they were bound."""
    return iter(_LAYOUTS.items())


def is_table(cls: type[Any]) -> bool:
    """Whether ``cls`` is a bound table class (not a row, not a group of rows)."""
    return cls in _LAYOUTS


def layout_of_table(model: type[Any]) -> TableLayout:
    """The layout of a table class (``Requests2021`` → table 三 of 2021).

    ``ReviewsAndLitigation``, shared by both editions, has the same layout in each.
    """
    try:
        return _LAYOUTS[model]
    except KeyError:
        raise KeyError(f"no layout describes {model.__name__}") from None


def edition_of(model: type[Any]) -> Edition:
    """The (first) edition a table class is bound to."""
    try:
        return _EDITIONS[model]
    except KeyError:
        raise TypeError(f"{model.__name__} is not a table class") from None


@class_cache
def cell_labels(model: type[Any]) -> dict[str, str]:
    """The label of every cell and row of a table class, by report path."""
    layout = layout_of_table(model)
    labels = {c.json_path: c.label for c in layout.cells}
    for block in layout.blocks:
        for row in block.rows:
            labels.setdefault(  # a row that is its own cell keeps the cell's label
                f"$.{layout.attribute}.{row.key}",
                f"表{layout.number} {JOIN.join((*block.labels, *row.labels))}",
            )
    return labels


@functools.cache
def signed_fields() -> frozenset[tuple[type[Any], str]]:
    """The (row class, field) pairs that hold signed counts, read from the layouts' columns.

    >>> sorted((cls.__name__, name) for cls, name in signed_fields())
    [('FeeItems2019', 'change'), ('ItemCounts2019', 'change')]
    """
    out: set[tuple[type[Any], str]] = set()
    for cls, layout in _LAYOUTS.items():
        for block in layout.blocks:
            for row in block.rows:
                owner: Any = cls
                for part in row.key.split("."):
                    owner = typing.get_type_hints(owner)[part]
                out.update((owner, c.key) for c in block.columns if c.signed and c.key)
    return frozenset(out)
