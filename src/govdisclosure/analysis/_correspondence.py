"""The 2019 → 2021 cell correspondence, under its first name: the data is knowledge of the
format and lives in :mod:`govdisclosure.layout.correspondence`.

>>> from govdisclosure.layout import correspondence as moved
>>> SAME is moved.SAME and SPLIT is moved.SPLIT
True
"""

from __future__ import annotations

from govdisclosure.layout.correspondence import ONLY_2019, ONLY_2021, SAME, SPLIT, VERSION

__all__ = ["ONLY_2019", "ONLY_2021", "SAME", "SPLIT", "VERSION"]
