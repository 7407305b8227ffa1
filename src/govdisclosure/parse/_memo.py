"""The reader's memos, found in one place: what :func:`clear_memos` empties.

Reading remembers what repeats from report to report: the places a printed label names, cell
tokens read, short headings, the matching keys of labels. A process that has read one report
reads the next faster; :func:`clear_memos` puts the reader back in the state of the first
report of a process, for measuring that first report (``benchmarks/bench_parse.py``).

The memos are the :func:`functools.lru_cache` functions of the modules in :data:`MODULES`,
and the memos of other kinds that :data:`FORGET` names the function to empty.
What is built once from the layouts and never grows with the text read (each edition's
:class:`~govdisclosure.layout.match.Matcher`, the traditional-to-simplified converter) is no
memo and stays, unless ``tables=True``.

>>> from govdisclosure.parse import parse
>>> _ = parse("表三 | 申请人情况")
>>> clear_memos()
>>> sum(f.cache_info().currsize for f in memos())
0
"""

from __future__ import annotations

import functools
import importlib
from typing import Any

__all__ = ["FORGET", "MODULES", "TABLES", "clear_memos", "memos"]

#: The modules whose :func:`functools.lru_cache` functions are the reader's memos.
MODULES: tuple[str, ...] = (
    "govdisclosure.layout.match",
    "govdisclosure.numerals.chinese",
    "govdisclosure.numerals.dates",
    "govdisclosure.numerals.finder",
    "govdisclosure.numerals.ordinals",
    "govdisclosure.numerals.quantity",
    "govdisclosure.numerals._text",
    "govdisclosure.numerals._words",
    "govdisclosure.parse._align",
    "govdisclosure.parse._cells",
    "govdisclosure.parse._headings",
    "govdisclosure.parse._html",
    "govdisclosure.parse._labels",
    "govdisclosure.parse._narrative",
    "govdisclosure.parse._tables",
    "govdisclosure.parse._text",
    "govdisclosure.parse._units",
)

#: The functions that empty the memos that are no :func:`functools.lru_cache` (module,
#: function): the characters :func:`~govdisclosure.numerals._text.normalise_with_map` met.
FORGET: tuple[tuple[str, str], ...] = (("govdisclosure.numerals._text", "forget_characters"),)

#: Built once from the layouts (or an installed package), not from the text read: kept by
#: :func:`clear_memos` unless ``tables=True``.
TABLES: frozenset[str] = frozenset(
    {"govdisclosure.layout.match.matcher", "govdisclosure.layout.match._converter"}
)


def _cached(module: str) -> list[tuple[str, Any]]:
    mod = importlib.import_module(module)
    return [
        (f"{module}.{name}", value)
        for name, value in sorted(vars(mod).items())
        if isinstance(value, functools._lru_cache_wrapper)
        and getattr(value, "__module__", None) == module
    ]


def memos(*, tables: bool = False) -> list[Any]:
    """The reader's memo functions (with ``tables``, also the tables built once)."""
    return [f for name, f in _all() if tables or name not in TABLES]


def _all() -> list[tuple[str, Any]]:
    return [pair for module in MODULES for pair in _cached(module)]


def clear_memos(*, tables: bool = False) -> None:
    """Empty every memo of the reader (with ``tables``, also drop the tables built once)."""
    for f in memos(tables=tables):
        f.cache_clear()
    for module, name in FORGET:
        getattr(importlib.import_module(module), name)()
