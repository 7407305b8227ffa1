"""The layout of each edition, by edition: one module per edition, gathered here.

>>> layout_of(Edition.TRIAL_2019).name == trial_2019.LAYOUT.name
True
"""

from __future__ import annotations

from govdisclosure.layout import legacy_2008, standard_2021, trial_2019
from govdisclosure.layout._types import Edition, EditionLayout

__all__ = ["layout_of"]

_LAYOUTS: dict[Edition, EditionLayout] = {
    m.LAYOUT.edition: m.LAYOUT for m in (standard_2021, trial_2019, legacy_2008)
}


def layout_of(edition: Edition) -> EditionLayout:
    """The layout of an edition."""
    return _LAYOUTS[edition]
