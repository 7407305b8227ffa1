"""The exception hierarchy of govdisclosure.

Every exception the library raises on purpose derives from :class:`GovDisclosureError`.
Structural problems in input data are collected, not raised one at a time: a
:class:`StructureError` lists every :class:`Problem` with its JSON path and a plain
description, so a caller can fix all of them in one pass.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

__all__ = ["GovDisclosureError", "Problem", "StructureError"]


class GovDisclosureError(Exception):
    """Base class of every error govdisclosure raises on purpose."""


@attrs.frozen(slots=True)
class Problem:
    """One structural problem in input data.

    ``path`` is a JSON path into the ``to_dict`` form (``$.requests.new.natural_person``);
    ``label`` is the human name of that place where one exists (``表三 一、本年新收… / 自然人``);
    ``message`` says what was expected and what was found.
    """

    path: str
    message: str
    label: str | None = None

    def __str__(self) -> str:
        where = f"{self.path} ({self.label})" if self.label else self.path
        return f"{where}: {self.message}"


class StructureError(GovDisclosureError, ValueError):
    """Input data does not have the structure of a report; lists every problem found.

    >>> err = StructureError([Problem("$.year", "expected an integer, found '2015'")])
    >>> print(err)
    1 problem in the input:
      $.year: expected an integer, found '2015'
    >>> err.problems[0].path
    '$.year'
    """

    problems: tuple[Problem, ...]

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        lines = [f"{count} problem{'s' if count != 1 else ''} in the input:"]
        lines.extend(f"  {p}" for p in self.problems)
        super().__init__("\n".join(lines))

    @property
    def paths(self) -> tuple[str, ...]:
        """The JSON paths of every problem, in order."""
        return tuple(p.path for p in self.problems)

    def __reduce__(self) -> tuple[type[StructureError], tuple[tuple[Problem, ...]]]:
        return (type(self), (self.problems,))
