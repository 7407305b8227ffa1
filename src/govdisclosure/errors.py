"""The exception hierarchy of govdisclosure.

Every exception the library raises on purpose derives from :class:`GovDisclosureError`, and
each also derives from the built-in exception a caller would expect (``ValueError`` for a
value that does not fit, ``TypeError`` for an argument of the wrong type), so ``except
ValueError`` keeps working:

=========================  ===================  ============================================
class                      also a               raised when
=========================  ===================  ============================================
:class:`StructureError`    ``ValueError``       input data does not have a report's structure
:class:`ParseError`        ``ValueError``       a published report cannot be read at all
:class:`MoneyError`        ``ValueError``       an amount cannot be read or held exactly
:class:`NumeralError`      ``ValueError``       text is not the numeral, ordinal or quantity
:class:`WrongTypeError`    ``TypeError``        an argument has the wrong type (a float for money)
=========================  ===================  ============================================

Structural problems in input data are collected, not raised one at a time: a
:class:`StructureError` lists every :class:`Problem` with its JSON path and a plain
description, so a caller can fix all of them in one pass.

>>> issubclass(MoneyError, ValueError), issubclass(WrongTypeError, TypeError)
(True, True)
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

__all__ = [
    "GovDisclosureError",
    "MoneyError",
    "NumeralError",
    "ParseError",
    "Problem",
    "StructureError",
    "WrongTypeError",
]


class GovDisclosureError(Exception):
    """Base class of every error govdisclosure raises on purpose."""


class WrongTypeError(GovDisclosureError, TypeError):
    """An argument has the wrong type: a float where money or counts live, a str for an int."""


class MoneyError(GovDisclosureError, ValueError):
    """An amount of money cannot be read, or cannot be held or computed exactly."""


class NumeralError(GovDisclosureError, ValueError):
    """Text is not the numeral, ordinal or quantity that was expected.

    A :class:`ValueError`, so ``except ValueError`` catches it; the message quotes the text.
    """


class ParseError(GovDisclosureError, ValueError):
    """A published report cannot be read at all (not even as an empty report with findings)."""


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


def require_str(value: object, what: str) -> str:
    """``value`` if it is a ``str``; otherwise :class:`WrongTypeError` naming ``what``.

    The one type check of the library's text readers (numerals, :meth:`Amount.parse`): an
    internal helper, not part of ``__all__``.

    >>> require_str("一", "to_int")
    '一'
    >>> require_str(3, "to_int")
    Traceback (most recent call last):
    ...
    govdisclosure.errors.WrongTypeError: to_int expects a str, got int 3
    """
    if not isinstance(value, str):
        raise WrongTypeError(f"{what} expects a str, got {type(value).__name__} {safe_repr(value)}")
    return value


def safe_repr(value: object) -> str:
    """``repr(value)`` for an error message, even where ``repr`` itself would raise.

    Python refuses to print an int of more than 4300 digits (``ValueError``, the int-string
    limit), and a message that quotes one must not become that error. Such an int is
    described by its size instead; anything else whose ``repr`` raises ``ValueError`` by its
    type. An internal helper, not part of ``__all__``.

    >>> safe_repr(12), safe_repr("一")
    ('12', "'一'")
    >>> safe_repr(10**5000)
    'an int of 5001 digits'
    """
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 14_000:
        digits = _decimal_digits(abs(value))
        return f"{'a negative' if value < 0 else 'an'} int of {digits} digits"
    try:
        return repr(value)
    except ValueError:
        return f"a {type(value).__name__} too large to print"


def _decimal_digits(n: int) -> int:
    """The number of decimal digits of n > 0, without converting n to a str."""
    digits = n.bit_length() * 30103 // 100_000  # log10(2) ≈ 0.30103, rounded down
    return digits + 1 if n >= 10**digits else digits
