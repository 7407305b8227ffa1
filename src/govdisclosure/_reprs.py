"""Short reprs for big values: what it is, its size, the first few items — like attrs' repr,
but summarised, so that a value in a REPL, a log line or a failing Hypothesis example is a
line a person reads, not a screenful.

The classes that use these also define ``_repr_pretty_`` (the hook of Hypothesis' and
IPython's pretty printers, which would otherwise print an attrs class field by field).

>>> clip("政府信息公开工作年度报告" * 10, 12)
'政府信息公开工作年度报…'
>>> first([1, 2, 3, 4, 5], 3)
'1, 2, 3, … (+2)'
>>> count(1, "finding"), count(3, "finding")
('1 finding', '3 findings')
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

__all__ = ["clip", "count", "first", "pretty"]

T = TypeVar("T")

#: How many items a summary shows.
SHOWN = 3


def clip(text: str, width: int = 60) -> str:
    """``text`` on one line, cut to ``width`` characters with an ellipsis."""
    line = " ".join(str(text).split())
    return line if len(line) <= width else line[: width - 1] + "…"


def first(
    items: Sequence[T], n: int = SHOWN, show: Callable[[T], str] = repr, sep: str = ", "
) -> str:
    """The first ``n`` items shown, and how many more there are."""
    shown = sep.join(show(x) for x in items[:n])
    more = len(items) - n
    return shown + (f"{sep}… (+{more})" if more > 0 else "")


def count(n: int, noun: str) -> str:
    """``"1 finding"``, ``"3 findings"``."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


def tally(values: Iterable[str]) -> str:
    """``"GP112*3, GP102"``: each value once, with how often it came, in order."""
    seen: dict[str, int] = {}
    for v in values:
        seen[v] = seen.get(v, 0) + 1
    return ", ".join(k if n == 1 else f"{k}*{n}" for k, n in seen.items())


def pretty(obj: Any, p: Any, cycle: bool) -> None:
    """A ``_repr_pretty_`` that prints ``repr(obj)`` (its lines broken where it has them)."""
    lines = repr(obj).split("\n")
    for i, line in enumerate(lines):
        if i:
            p.break_()
        p.text(line)
