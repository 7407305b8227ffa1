"""Reports in and out: JSON both ways, the JSON Schema, and tidy rows.

Three rooms: :mod:`.json` (the converters, their hooks, and the walk that locates every
problem of bad input), :mod:`.schema` (the JSON Schema, derived from the model and the
layouts) and :mod:`.rows` (tidy rows, through the layout's label matcher).

>>> from govdisclosure import examples
>>> report = examples.load("jianghe-2021")
>>> from_json(to_json(report)) == report
True
>>> from_rows(to_rows(report), report=report) == report
True
"""

from govdisclosure.io.json import from_dict, from_json, to_dict, to_json
from govdisclosure.io.rows import from_rows, tables_from_rows, to_rows
from govdisclosure.io.schema import json_schema

__all__ = [
    "from_dict",
    "from_json",
    "from_rows",
    "json_schema",
    "tables_from_rows",
    "to_dict",
    "to_json",
    "to_rows",
]
