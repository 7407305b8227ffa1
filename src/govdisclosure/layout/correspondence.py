"""Which cells of one edition's tables correspond to which cells of another's.

Data beside the layouts: for each pair of editions with tables (:data:`MAPS`; today the
trial 2019 → standard 2021), JSON paths of the older edition mapped to JSON paths of the
newer, the older cells whose value is the sum of several newer cells, and every cell of
either edition that has no counterpart, with the reason. Every table cell of both editions is
named exactly once (a test checks it against the layouts). :func:`correspondence` reads the
data for any two editions, in either direction; a new edition adds its :class:`EditionMap`
here and nothing else (the analysis compares, aggregates and maps through it).

>>> SAME["$.requests.new.natural_person"]
'$.requests.new.natural_person'
>>> SAME["$.active.licensing.decisions"]
'$.active.licensing'
>>> SPLIT["$.requests.other.total"]   # doctest: +NORMALIZE_WHITESPACE
('$.requests.other.no_correction.total', '$.requests.other.unpaid_fee.total',
 '$.requests.other.other.total')
>>> ONLY_2021["$.active.fees"]
'本年收费金额 (2021) has no counterpart in 2019, which counted fee items, not amounts'
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Final, Literal

import attrs

from govdisclosure.layout import CellLayout, Edition, layout_of

__all__ = [
    "MAPS",
    "ONLY_2019",
    "ONLY_2021",
    "SAME",
    "SPLIT",
    "VERSION",
    "Correspondence",
    "EditionMap",
    "correspondence",
]

VERSION: Final = 1
"""Bump when a mapping changes meaning."""

_REQUESTS_2019 = layout_of(Edition.TRIAL_2019).table("requests").blocks[0]
_REQUESTS_2021 = layout_of(Edition.STANDARD_2021).table("requests").blocks[0]
_REVIEWS = layout_of(Edition.STANDARD_2021).table("reviews").blocks[0]

_APPLICANTS = tuple(str(c.key) for c in _REQUESTS_2021.columns)
_REQUEST_ROWS = tuple(
    r.key for r in _REQUESTS_2019.rows if r.key in {row.key for row in _REQUESTS_2021.rows}
)
"""The rows of table 三 both editions have (all but (六)其他处理), with the same labels."""
_REVIEW_GROUPS = tuple(r.key for r in _REVIEWS.rows)
_OUTCOMES = tuple(str(c.key) for c in _REVIEWS.columns)
_OTHER_2021 = tuple(
    r.key.removeprefix("other.") for r in _REQUESTS_2021.rows if r.key.startswith("other.")
)

SAME: Final[dict[str, str]] = {
    # 表三: every row but (六)其他处理 has the same labels in both editions.
    **{
        f"$.requests.{row}.{col}": f"$.requests.{row}.{col}"
        for row in _REQUEST_ROWS
        for col in _APPLICANTS
    },
    # 表四 is identical.
    **{f"$.reviews.{g}.{col}": f"$.reviews.{g}.{col}" for g in _REVIEW_GROUPS for col in _OUTCOMES},
    # 表二 (一)项: 本年新制作数量 (2019) is what 2021 calls 本年制发件数; 规范性文件 became
    # 行政规范性文件.
    "$.active.regulations.new_made": "$.active.regulations.issued",
    "$.active.normative_documents.new_made": "$.active.normative_documents.issued",
    # 表二 (五)(六)项: 处理决定数量 (2019) is 本年处理决定数量 (2021).
    "$.active.licensing.decisions": "$.active.licensing",
    "$.active.punishment.decisions": "$.active.punishment",
    "$.active.enforcement.decisions": "$.active.enforcement",
}
"""2019 path → 2021 path of a cell with the same meaning."""

SPLIT: Final[dict[str, tuple[str, ...]]] = {
    f"$.requests.other.{col}": tuple(f"$.requests.other.{r}.{col}" for r in _OTHER_2021)
    for col in _APPLICANTS
}
"""2019 path → the 2021 paths whose sum it equals: 2019's single (六)其他处理 row became the
three sub-rows 1. 逾期不补正, 2. 逾期未缴费, 3. 其他 in 2021."""

_NEW_PUBLISHED = "本年新公开数量 (2019) has no counterpart in 2021"
_TOTAL_PUBLISHED = (
    "对外公开总数量 (2019) counts documents disclosed in total, not 现行有效件数 (2021)"
)
_ITEMS = "上一年项目数量 (2019) was dropped in 2021"
_CHANGE = "本年增/减 (2019) was dropped in 2021"
ONLY_2019: Final[dict[str, str]] = {
    "$.active.regulations.new_published": _NEW_PUBLISHED,
    "$.active.normative_documents.new_published": _NEW_PUBLISHED,
    "$.active.regulations.total_published": _TOTAL_PUBLISHED,
    "$.active.normative_documents.total_published": _TOTAL_PUBLISHED,
    **{f"$.active.{row}.previous_items": _ITEMS for row in ("licensing", "punishment")},
    **{f"$.active.{row}.change": _CHANGE for row in ("licensing", "punishment")},
    "$.active.enforcement.previous_items": _ITEMS,
    "$.active.enforcement.change": _CHANGE,
    **{
        f"$.active.other_services.{col}": "其他对外管理服务事项 (2019) was dropped in 2021"
        for col in ("previous_items", "change", "decisions")
    },
    "$.active.fees.previous_items": (
        "行政事业性收费 项目数量 (2019): 2021 states the amount instead"
    ),
    "$.active.fees.change": "行政事业性收费 本年增/减 (2019): 2021 states the amount instead",
    "$.active.procurement.projects": "第二十条第(九)项 政府集中采购 was dropped in 2021",
    "$.active.procurement.amount": "第二十条第(九)项 政府集中采购 was dropped in 2021",
}
"""2019 cells with no 2021 counterpart, and why."""

ONLY_2021: Final[dict[str, str]] = {
    "$.active.regulations.repealed": "本年废止件数 (2021) has no counterpart in 2019",
    "$.active.normative_documents.repealed": "本年废止件数 (2021) has no counterpart in 2019",
    "$.active.regulations.in_force": _TOTAL_PUBLISHED,
    "$.active.normative_documents.in_force": _TOTAL_PUBLISHED,
    "$.active.fees": (
        "本年收费金额 (2021) has no counterpart in 2019, which counted fee items, not amounts"
    ),
}
"""2021 cells with no 2019 counterpart, and why (the three (六) sub-rows are in
:data:`SPLIT`)."""


# --------------------------------------------------------------------------- the mappings


@attrs.frozen
class EditionMap:
    """How the cells of edition ``old`` map to those of the later edition ``new``, by JSON path.

    ``same``: old path → new path of a cell with the same meaning; ``split``: old path → the
    new paths whose sum it equals; ``only_old``/``only_new``: the cells with no counterpart,
    and why; ``split_old``/``split_new``: why the cells of ``split`` have no single counterpart
    (on the old side, on the new side).
    """

    old: Edition
    new: Edition
    same: Mapping[str, str]
    split: Mapping[str, tuple[str, ...]]
    only_old: Mapping[str, str]
    only_new: Mapping[str, str]
    split_old: str
    split_new: str


MAPS: Final = (
    EditionMap(
        old=Edition.TRIAL_2019,
        new=Edition.STANDARD_2021,
        same=SAME,
        split=SPLIT,
        only_old=ONLY_2019,
        only_new=ONLY_2021,
        split_old="split into three rows in 2021",
        split_new="one row in 2019: compared as a sum",
    ),
)
"""Every mapping between two editions with tables, older edition first."""


# --------------------------------------------------------------------------- the cells


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
    sums: tuple[tuple[CellLayout, tuple[CellLayout, ...], Literal["old", "new"]], ...]
    only_old: tuple[tuple[CellLayout, str], ...]
    only_new: tuple[tuple[CellLayout, str], ...]

    @property
    def identical(self) -> bool:
        """Whether both sides are one edition (every cell maps to itself)."""
        return self.old is self.new


def _find(edition: Edition, path: str) -> CellLayout:
    cell = _index(edition).get(path)
    if cell is None:  # pragma: no cover - the correspondence data is tested against layouts
        raise KeyError(f"{edition.value} has no cell {path}")
    return cell


@functools.cache
def _index(edition: Edition) -> dict[str, CellLayout]:
    return {c.json_path: c for c in layout_of(edition).cells}


def _mapped(m: EditionMap, forward: bool) -> Correspondence:
    """The correspondence ``m`` describes, from its old edition (``forward``) or its new."""
    same = [(_find(m.old, a), _find(m.new, b)) for a, b in m.same.items()]
    side: Literal["old", "new"] = "old" if forward else "new"
    sums = tuple(
        (_find(m.old, a), tuple(_find(m.new, p) for p in parts), side)
        for a, parts in m.split.items()
    )
    only_old = (
        *((_find(m.old, p), why) for p, why in m.only_old.items()),
        *((c, m.split_old) for c, _, _ in sums),
    )
    only_new = (
        *((_find(m.new, p), why) for p, why in m.only_new.items()),
        *((p, m.split_new) for _, parts, _ in sums for p in parts),
    )
    target = m.new if forward else m.old  # the pairs follow the order of the target's cells
    order = {c.json_path: i for i, c in enumerate(layout_of(target).cells)}
    same.sort(key=lambda pair: order[pair[1 if forward else 0].json_path])
    if forward:
        return Correspondence(m.old, m.new, tuple(same), sums, only_old, only_new)
    pairs = tuple((b, a) for a, b in same)
    return Correspondence(m.new, m.old, pairs, sums, only_new, only_old)


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
    for m in MAPS:
        if (m.old, m.new) in ((old, new), (new, old)):
            return _mapped(m, forward=m.old is old)
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
