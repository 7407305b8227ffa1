"""What was found and where: the words and the paths of the JSON reader's problems.

Short descriptions of any input (never a multi-KB echo, never an integer too long to print),
the bounds a JSON report keeps (:data:`BOUNDED_DECIMAL`, :data:`MAX_SECTION_DEPTH`), and the
walk that turns a failed structuring (a cattrs error tree, a record's
:class:`~govdisclosure.StructureError`) into problems located by JSON path and labelled by
the layout.

>>> _describe("x" * 100)
"'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'… (a str of 100 characters)"
>>> _key_path("$.requests", "new"), _key_path("$", "a b")
('$.requests.new', '$["a b"]')
"""

from __future__ import annotations

import functools
import json
import math
import re
import reprlib
from typing import Any

from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)

from govdisclosure.errors import Problem, StructureError
from govdisclosure.layout import MAX_COUNT, MAX_DIGITS, MAX_ORDINAL, MAX_PLACES, layout_of
from govdisclosure.model import Edition

_DECIMAL_RE = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?\Z")

#: The deepest nesting of sub-sections a report may have (一、 → (一) → 1. → (1) → … ):
#: real reports use three or four levels; the bound keeps every reader and writer of the
#: section tree far from Python's recursion limit.
MAX_SECTION_DEPTH = 10

_INT_PART = MAX_DIGITS - 1

#: A decimal literal in plain notation within the bounds (layout.MAX_DIGITS significant
#: digits, layout.MAX_PLACES places): the loader's test and the JSON Schema's pattern.
BOUNDED_DECIMAL = (
    rf"^-?(?:0(?:\.[0-9]{{1,{MAX_PLACES}}})?|[1-9][0-9]{{0,{_INT_PART}}}"
    rf"|(?=[0-9.]{{3,{MAX_DIGITS + 1}}}$)[1-9][0-9]*\.[0-9]{{1,{MAX_PLACES}}})$"
)
_BOUNDED_DECIMAL_RE = re.compile(BOUNDED_DECIMAL.replace("$", r"\Z"))
_MAX_DECIMAL_TEXT = MAX_DIGITS + 2  # sign and point: longer literals are refused unread
_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")

_REPR = reprlib.Repr()
_REPR.maxlevel = 2
_REPR.maxstring = 60
_REPR.maxother = 60
_REPR.maxlist = _REPR.maxtuple = _REPR.maxdict = _REPR.maxset = 4
_MAX_REPR = 80


def _describe(value: object) -> str:
    """What was found, for messages: short whatever the input (no multi-KB echo, no deep
    recursion, no integer too long to print)."""
    if value is None:
        return "null"
    name = type(value).__name__
    article = "an" if name[0] in "aeiou" else "a"
    if value.__class__ is int and not -(10**40) < value < 10**40:
        digits = int(value.bit_length() * math.log10(2)) + 1
        return f"an integer of about {digits:,} digits"
    if isinstance(value, str) and len(value) > _MAX_REPR:
        return f"{value[:40]!r}… (a str of {len(value):,} characters)"
    try:
        text = _REPR.repr(value)
    except Exception:  # a value whose repr fails still gets described
        text = f"<{name}>"
    if len(text) > _MAX_REPR:
        text = text[:_MAX_REPR] + "…"
    return f"{text} ({article} {name})"


def _num(value: int) -> str:
    """An int as messages print it: its digits, or its size when it has too many."""
    return str(value) if -(10**40) < value < 10**40 else _describe(value)


def _cut(value: object) -> str:
    """A short repr of ``value`` (no type): strings cut to 40 characters, their length said."""
    if isinstance(value, str) and len(value) > _MAX_REPR:
        return f"{value[:40]!r}… ({len(value):,} characters)"
    text = _describe(value)
    return text.rsplit(" (", 1)[0] if text.endswith(")") and " (a" in text else text


_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def _check_text(value: str) -> str:
    """A string from outside: refused if it holds a lone surrogate (which no UTF-8 text can
    carry: it would break ``to_json(r).encode()`` and every printed output)."""
    if not value.isascii() and _SURROGATE_RE.search(value):
        at = _SURROGATE_RE.search(value).start()  # type: ignore[union-attr]
        raise ValueError(
            f"expected text, found a lone surrogate {value[at]!r} at character {at} "
            "(not Unicode text: no UTF-8 file can hold it)"
        )
    return value


def _key_path(path: str, key: object) -> str:
    """``path`` extended by an object key; odd keys are quoted (ASCII-escaped, cut)."""
    if key.__class__ is str and _KEY_RE.match(key):
        return f"{path}.{key}"
    if key.__class__ is str and len(key) > 40:
        key = key[:40] + "…"
    return f"{path}[{json.dumps(key)}]"


_KEY_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,40}\Z")


def _too_large(value: int) -> str:
    return f"expected an integer of at most {MAX_COUNT:_} in size, found {_describe(value)}"


def _decimal_bounds(value: str) -> str:
    return (
        f"expected a decimal of at most {MAX_DIGITS} significant digits and {MAX_PLACES} "
        f"decimal places, found {_describe(value)}"
    )


def _ordinal_message(x: Any) -> str:
    return f"expected an ordinal from 1 to {MAX_ORDINAL}, found {_describe(x)}"


@functools.cache
def _labels() -> dict[str, str]:
    return {cell.json_path: cell.label for e in Edition for cell in layout_of(e).cells}


_MAX_MESSAGE = 400


def _problem(path: str, message: str) -> Problem:
    return Problem(path, _short_message(message), _labels().get(path))


def _short_message(message: str) -> str:
    """A message as long as it needs, but never one that echoes a long input whole."""
    if len(message) <= _MAX_MESSAGE:
        return message
    return f"{message[:_MAX_MESSAGE]}… (cut: the message is {len(message):,} characters long)"


def _message(exc: BaseException) -> str:
    if isinstance(exc, KeyError):
        return "required field missing"
    if isinstance(exc, TypeError) and "unexpected keyword argument" in str(exc):
        name = str(exc).rsplit("'", 2)[-2]
        return f"unknown key {name!r}"
    return str(exc)


def within(prefix: str, path: str) -> str:
    """``path`` (relative to a record, ``$.natural_person``) placed under ``prefix``; a path
    that is already a report path under ``prefix`` (the tables say where their cells are in
    the report) is kept as it is.

    >>> within("$.requests.new", "$.natural_person"), within("$.active", "$.active.fees")
    ('$.requests.new.natural_person', '$.active.fees')
    """
    if path == prefix or path.startswith((prefix + ".", prefix + "[")):
        return path
    return prefix + path[1:]


def _step(note: AttributeValidationNote | IterableValidationNote) -> str:
    """The step a cattrs note adds to a path: ``.name`` of a field, ``[index]`` of an item."""
    if isinstance(note, AttributeValidationNote):
        return f".{note.name}"
    return f"[{note.index!r}]"


def _walk(exc: BaseException, path: str) -> list[Problem]:
    """Every problem inside a cattrs validation error tree, located."""
    if isinstance(exc, StructureError):
        return [_problem(within(path, p.path), p.message) for p in exc.problems]
    if isinstance(exc, ForbiddenExtraKeysError):
        return [_problem(_key_path(path, k), "unknown key") for k in sorted(exc.extra_fields)]
    if isinstance(exc, ClassValidationError | IterableValidationError):
        out: list[Problem] = []
        with_notes, without = exc.group_exceptions()
        for sub, note in with_notes:
            out += _walk(sub, path + _step(note))
        for sub in without:
            out += _walk(sub, path)
        return out
    try:
        message = _message(exc)
    except Exception:  # str() itself fails (an int too long to print inside the message)
        message = f"not readable here ({type(exc).__name__})"
    return [_problem(path, message)]
