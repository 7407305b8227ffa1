"""Reports in and out: JSON both ways, the JSON Schema, and tidy rows.

Three rooms: :mod:`.json` (JSON both ways: the converters and their hooks in
:mod:`._hooks`, the words and paths of problems in :mod:`._located`, the detailed reading
that lists every problem of bad input in :mod:`._problems`), :mod:`.schema` (the JSON
Schema, derived from the model and the layouts) and :mod:`.rows` (tidy rows, through the
layout's label matcher). The schema and
the rows are imported on first use, so that reading JSON does not pay for them.

>>> from govdisclosure import examples
>>> report = examples.load("jianghe-2021")
>>> from_json(to_json(report)) == report
True
>>> from_rows(to_rows(report), report=report) == report
True
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from govdisclosure.io.json import from_dict, from_json, to_dict, to_json

if TYPE_CHECKING:  # pragma: no cover
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

_LAZY = {
    "from_rows": "govdisclosure.io.rows",
    "tables_from_rows": "govdisclosure.io.rows",
    "to_rows": "govdisclosure.io.rows",
    "json_schema": "govdisclosure.io.schema",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'govdisclosure.io' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
