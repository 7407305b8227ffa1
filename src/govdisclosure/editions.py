"""The layouts of the editions, under the name they had before :mod:`govdisclosure.layout`.

Kept so that code written against ``govdisclosure.editions`` keeps working; new code imports
:mod:`govdisclosure.layout` (the layouts and the label matcher) and
:func:`govdisclosure.model.layout_of_table`.

>>> from govdisclosure import editions, layout
>>> editions.layout_of is layout.layout_of
True
"""

from govdisclosure.layout import (
    JOIN,
    BlockLayout,
    CellKind,
    CellLayout,
    ColumnLayout,
    EditionLayout,
    RowLayout,
    SectionLayout,
    TableLayout,
    label_key,
    layout_of,
    normalize_label,
)
from govdisclosure.model import layout_of_table

__all__ = [
    "JOIN",
    "BlockLayout",
    "CellKind",
    "CellLayout",
    "ColumnLayout",
    "EditionLayout",
    "RowLayout",
    "SectionLayout",
    "TableLayout",
    "label_key",
    "layout_of",
    "layout_of_table",
    "normalize_label",
]
