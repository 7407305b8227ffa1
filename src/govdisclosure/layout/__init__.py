"""The layout of each edition, described once, as data — and the one label matcher.

Section headings, the tables' blocks, rows and columns with their official labels (NFKC
form, no spaces), English translations, aliases met in real reports and the corner note:
the model, renderers, the tidy-row export, the JSON Schema, the reader of published reports
and the validators' messages all read this package, so adding a provincial variant or a
future edition is adding data here (one module per edition: :mod:`.standard_2021`,
:mod:`.trial_2019`, :mod:`.legacy_2008`). Nothing here imports the model.

>>> layout = layout_of(Edition.STANDARD_2021)
>>> [t.number for t in layout.tables]
['二', '三', '四']
>>> cell = layout.cell("requests", "withheld.state_secret.natural_person")
>>> cell.row
'三、本年度办理结果 / (三)不予公开 / 1.属于国家秘密'
>>> cell.column, cell.json_path
('自然人', '$.requests.withheld.state_secret.natural_person')
>>> normalize_label("（三）不予 公开")
'(三)不予公开'
"""

from __future__ import annotations

from govdisclosure.layout._editions import layout_of
from govdisclosure.layout._types import (
    JOIN,
    MAX_COUNT,
    MAX_DIGITS,
    MAX_ORDINAL,
    MAX_PLACES,
    MAX_YEAR,
    MIN_YEAR,
    TABLE_ATTRIBUTES,
    BlockLayout,
    CellKind,
    CellLayout,
    ColumnLayout,
    Edition,
    EditionLayout,
    RowLayout,
    SectionLayout,
    TableLayout,
    label_key,
    normalize_label,
    printed_label,
)
from govdisclosure.layout.match import Matcher, matcher

__all__ = [
    "JOIN",
    "MAX_COUNT",
    "MAX_DIGITS",
    "MAX_ORDINAL",
    "MAX_PLACES",
    "MAX_YEAR",
    "MIN_YEAR",
    "TABLE_ATTRIBUTES",
    "BlockLayout",
    "CellKind",
    "CellLayout",
    "ColumnLayout",
    "Edition",
    "EditionLayout",
    "Matcher",
    "RowLayout",
    "SectionLayout",
    "TableLayout",
    "label_key",
    "layout_of",
    "matcher",
    "normalize_label",
    "printed_label",
]
