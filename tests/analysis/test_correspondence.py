"""The 2019 → 2021 correspondence names every cell of both editions exactly once."""

from __future__ import annotations

from collections import Counter

from govdisclosure.analysis import _correspondence as corr
from govdisclosure.analysis._cells import correspondence
from govdisclosure.layout import Edition, layout_of


def paths(edition: Edition) -> set[str]:
    return {c.json_path for c in layout_of(edition).cells}


def test_every_2019_cell_once() -> None:
    named = Counter([*corr.SAME, *corr.SPLIT, *corr.ONLY_2019])
    assert set(named) == paths(Edition.TRIAL_2019)
    assert max(named.values()) == 1


def test_every_2021_cell_once() -> None:
    split = [p for parts in corr.SPLIT.values() for p in parts]
    named = Counter([*corr.SAME.values(), *split, *corr.ONLY_2021])
    assert set(named) == paths(Edition.STANDARD_2021)
    assert max(named.values()) == 1


def test_mapped_cells_hold_the_same_kind() -> None:
    for old, new in correspondence(Edition.TRIAL_2019, Edition.STANDARD_2021).pairs:
        assert old.kind == new.kind, (old.json_path, new.json_path)
        assert old.column_labels[-1] in ("处理决定数量", "本年新制作数量") or (
            old.column_labels == new.column_labels
        )


def test_both_directions_agree() -> None:
    forward = correspondence(Edition.TRIAL_2019, Edition.STANDARD_2021)
    back = correspondence(Edition.STANDARD_2021, Edition.TRIAL_2019)
    assert {(a.json_path, b.json_path) for a, b in forward.pairs} == {
        (b.json_path, a.json_path) for a, b in back.pairs
    }
    assert {c.json_path for c, _ in forward.only_old} == {c.json_path for c, _ in back.only_new}
    legacy = correspondence(Edition.LEGACY_2008, Edition.STANDARD_2021)
    assert not legacy.pairs
    assert len(legacy.only_new) == len(layout_of(Edition.STANDARD_2021).cells)
