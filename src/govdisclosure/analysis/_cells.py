"""Cell-wise plumbing shared by diff, aggregate and the tidy frame, all read from the layouts.

A cell value is what :meth:`~govdisclosure.layout.CellLayout.get` returns: an ``int`` for
counts, an :class:`~govdisclosure.money.Amount` for the 2021 fee, a ``Decimal`` for the 2019
采购总金额, ``None`` for a blank. Tables are rebuilt from values keyed by JSON path through
:func:`govdisclosure.io.from_dict`, so every check of the model applies.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import attrs

from govdisclosure.analysis import _correspondence as corr
from govdisclosure.errors import Problem, StructureError
from govdisclosure.io import from_dict
from govdisclosure.layout import TABLE_ATTRIBUTES, CellLayout, Edition, layout_of
from govdisclosure.model import Report
from govdisclosure.money import Amount

__all__ = [
    "CellValue",
    "Correspondence",
    "correspondence",
    "extra_rows",
    "tables_from_values",
]

CellValue = int | Amount | Decimal | None


@attrs.frozen
class Correspondence:
    """How the cells of reports of ``old`` correspond to those of ``new``.

    ``pairs`` are cells with the same meaning; ``sums`` pair one cell of one edition with
    the cells of the other whose sum it equals (``side`` says which edition holds the single
    cell); ``only_old``/``only_new`` are the cells with no counterpart, with the reason.
    """

    old: Edition
    new: Edition
    pairs: tuple[tuple[CellLayout, CellLayout], ...]
    sums: tuple[tuple[CellLayout, tuple[CellLayout, ...], str], ...]
    only_old: tuple[tuple[CellLayout, str], ...]
    only_new: tuple[tuple[CellLayout, str], ...]

    @property
    def identical(self) -> bool:
        """Whether both sides are one edition (every cell maps to itself)."""
        return self.old is self.new


def _find(edition: Edition, path: str) -> CellLayout:
    cell = layout_of(edition).find_cell(path)
    if cell is None:  # pragma: no cover - the correspondence data is tested against layouts
        raise KeyError(f"{edition.value} has no cell {path}")
    return cell


@functools.cache
def correspondence(old: Edition, new: Edition) -> Correspondence:
    """The correspondence of the cells of ``old`` to those of ``new`` (any two editions).

    >>> c = correspondence(Edition.TRIAL_2019, Edition.STANDARD_2021)
    >>> len(c.pairs), len(c.sums), len(c.only_old), len(c.only_new)
    (174, 7, 24, 26)
    >>> correspondence(Edition.STANDARD_2021, Edition.STANDARD_2021).identical
    True
    """
    if old is new:
        cells = layout_of(old).cells
        return Correspondence(old, new, tuple((c, c) for c in cells), (), (), ())
    t19, t21 = Edition.TRIAL_2019, Edition.STANDARD_2021
    if {old, new} == {t19, t21}:
        same = [(_find(t19, a), _find(t21, b)) for a, b in corr.SAME.items()]
        sums = [
            (_find(t19, a), tuple(_find(t21, p) for p in parts), "old" if old is t19 else "new")
            for a, parts in corr.SPLIT.items()
        ]
        only19 = [(_find(t19, p), why) for p, why in corr.ONLY_2019.items()]
        split19 = [(c, "split into three rows in 2021") for c, _, _ in sums]
        only21 = [(_find(t21, p), why) for p, why in corr.ONLY_2021.items()]
        split21 = [(p, "one row in 2019: compared as a sum") for _, parts, _ in sums for p in parts]
        if old is t19:
            return Correspondence(
                old, new, tuple(same), tuple(sums), (*only19, *split19), (*only21, *split21)
            )
        return Correspondence(
            old,
            new,
            tuple((b, a) for a, b in same),
            tuple(sums),
            (*only21, *split21),
            (*only19, *split19),
        )
    why_old = f"{new.value} has no national tables" if not new.has_tables else "no counterpart"
    why_new = f"{old.value} has no national tables" if not old.has_tables else "no counterpart"
    return Correspondence(
        old,
        new,
        (),
        (),
        tuple((c, why_old) for c in layout_of(old).cells),
        tuple((c, why_new) for c in layout_of(new).cells),
    )


def extra_rows(report: Report) -> dict[tuple[str, str, str], tuple[int | None, ...]]:
    """The provincial extra rows of a report by (attribute, block, label)."""
    out: dict[tuple[str, str, str], tuple[int | None, ...]] = {}
    for attribute in TABLE_ATTRIBUTES:
        table = getattr(report, attribute)
        for row in getattr(table, "extra_rows", ()):
            out[attribute, row.block, row.label] = row.values
    return out


def _json_value(value: CellValue) -> Any:
    if isinstance(value, Amount):
        return {"value": format(value.value, "f"), "unit": value.unit.value}
    if isinstance(value, Decimal):
        return format(value, "f")
    return value


def tables_from_values(
    edition: Edition,
    values: Mapping[str, CellValue],
    extra: Mapping[tuple[str, str, str], tuple[int | None, ...]] = {},
    units: Mapping[str, Any] = {},
) -> dict[str, Any]:
    """Tables of ``edition`` holding ``values`` (JSON path → value) and extra rows.

    Tables none of whose cells is given are ``None``. ``units`` gives the printed unit of a
    column whose unit the report prints (``"$.active.procurement.amount_unit"`` → MoneyUnit).
    Raises :class:`~govdisclosure.StructureError` when the values do not fit the model.
    """
    layout = layout_of(edition)
    trees: dict[str, dict[str, Any]] = {}
    for cell in layout.cells:
        if cell.json_path not in values:
            continue
        node = trees.setdefault(cell.attribute, {})
        *parents, last = cell.key.split(".")
        for p in parents:
            node = node.setdefault(p, {})
        node[last] = _json_value(values[cell.json_path])
    for path, unit in units.items():
        attribute, *parents, last = path.removeprefix("$.").split(".")
        if attribute not in trees:
            continue
        node = trees[attribute]
        for p in parents:
            node = node.setdefault(p, {})
        node[last] = None if unit is None else unit.value
    for (attribute, block, label), row in extra.items():
        trees.setdefault(attribute, {}).setdefault("extra_rows", []).append(
            {"block": block, "label": label, "values": list(row)}
        )
    if not trees:
        return dict.fromkeys(TABLE_ATTRIBUTES)
    document: dict[str, Any] = {
        "agency": "-",
        "year": 2000,
        "edition": edition.value,
        "title": "-",
        **trees,
    }
    try:
        report = from_dict(document)
    except StructureError as exc:
        raise StructureError(Problem(p.path, p.message, p.label) for p in exc.problems) from None
    return {name: getattr(report, name) for name in TABLE_ATTRIBUTES}
