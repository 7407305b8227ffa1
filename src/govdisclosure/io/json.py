"""Reports to and from JSON, through one configured cattrs converter.

The JSON form is strict and exact: Decimals travel as strings in plain notation
(``"20.30"``, never ``"2.03E+1"``), counts as JSON integers, dates as ISO strings, enums by
value. Input that does not have the structure of a report raises
:class:`~govdisclosure.StructureError` listing every problem with its JSON path.

Two converters share the hooks: a fast one for the happy path, and a detailed one that runs
only when the fast one fails, to locate every problem (:func:`from_dict`).

With the optional ``fast`` extra (``pip install "govdisclosure[fast]"``) :func:`from_json`
decodes with ``orjson``, about 2.5 times as fast as the standard library's ``json``. The
result is the same report: orjson is used only for the happy path — what it refuses, or what
it reads into a report that the fast converter refuses, is read again by the standard
library and judged and worded from that (orjson reads an integer beyond 64 bits as a float
and refuses ``NaN``; a report holds neither, so the two decoders never disagree on a report
they both accept).

>>> from govdisclosure import examples
>>> report = examples.load("jianghe-2021")
>>> from_json(to_json(report)) == report
True
>>> to_dict(report)["active"]["fees"]
{'value': '20.30', 'unit': '万元'}
>>> from_dict({"agency": "某局", "year": "2022", "edition": "standard-2021", "title": "x",
...            "colour": "red"})
Traceback (most recent call last):
...
govdisclosure.errors.StructureError: 2 problems in the input:
  $.year: expected an integer or null, found '2022' (a str)
  $.colour: unknown key (expected one of: agency, year, edition, title, ...)
"""

from __future__ import annotations

import functools
import importlib
import json
from types import ModuleType
from typing import Any

from govdisclosure.errors import Problem, StructureError
from govdisclosure.io._hooks import _converter

# ``X as X``: what the schema and the tidy rows read from here, re-exported.
from govdisclosure.io._located import _BOUNDED_DECIMAL_RE as _BOUNDED_DECIMAL_RE
from govdisclosure.io._located import _MAX_DECIMAL_TEXT as _MAX_DECIMAL_TEXT
from govdisclosure.io._located import _SURROGATE_RE as _SURROGATE_RE
from govdisclosure.io._located import BOUNDED_DECIMAL as BOUNDED_DECIMAL
from govdisclosure.io._located import MAX_SECTION_DEPTH as MAX_SECTION_DEPTH
from govdisclosure.io._located import _cut as _cut
from govdisclosure.io._located import _decimal_bounds as _decimal_bounds
from govdisclosure.io._located import _describe as _describe
from govdisclosure.io._located import _num as _num
from govdisclosure.io._located import _short_message as _short_message
from govdisclosure.io._located import within as within
from govdisclosure.io._problems import _report_problems
from govdisclosure.model import Report

__all__ = ["from_dict", "from_json", "to_dict", "to_json"]


@functools.cache
def _optional_orjson() -> ModuleType | None:
    """The decoder of the happy path of :func:`from_json` when the ``fast`` extra is
    installed, imported on first use (its import costs more than ten reports' reading)."""
    try:
        return importlib.import_module("orjson")
    except ImportError:  # pragma: no cover - the optional "fast" extra is not installed
        return None


def to_dict(report: Report) -> dict[str, Any]:
    """The JSON-ready form of a report (plain dicts, lists, str, int, None)."""
    result: dict[str, Any] = _converter().unstructure(report)
    return result


def from_dict(data: Any) -> Report:
    """Build a report from its :func:`to_dict` form; strict, and exact.

    Raises :class:`~govdisclosure.StructureError` listing every problem.
    """
    try:
        return _converter().structure(data, Report)
    except Exception as exc:  # the fast path failed: find and locate every problem
        first: BaseException = exc
    problems = _report_problems(data)
    if not problems:  # pragma: no cover - the two paths disagree: a bug, said as one
        problems = [Problem("$", f"{DISAGREE}: {_short_message(_exception_text(first))}")]
    raise StructureError(problems) from None


def _exception_text(exc: BaseException) -> str:
    try:
        return f"{type(exc).__name__}: {exc}"
    except Exception:  # str() itself fails (a KeyError of an int too long to print)
        return type(exc).__name__


#: What a problem says when the fast reader refused what the detailed one accepts (a bug:
#: the fuzz suite looks for it).
DISAGREE = "the report could not be read (the two readers disagree: please report it)"


def to_json(report: Report, *, indent: int | None = None) -> str:
    """The report as JSON text (UTF-8 safe, Chinese kept as is)."""
    return json.dumps(to_dict(report), ensure_ascii=False, indent=indent)


def from_json(text: str | bytes) -> Report:
    """Parse JSON text into a report; raises :class:`~govdisclosure.StructureError`."""
    if not isinstance(text, str | bytes | bytearray):
        raise StructureError(
            [Problem("$", f"expected JSON text (str or bytes), found {_describe(text)}")]
        )
    orjson = _optional_orjson()
    if orjson is not None:  # the happy path; anything else is the standard library's
        try:
            report: Report = _converter().structure(orjson.loads(text), Report)
        except Exception:
            pass
        else:
            return report
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise StructureError([Problem("$", _syntax_message(exc))]) from None
    except UnicodeDecodeError as exc:
        raise StructureError(
            [
                Problem(
                    "$",
                    "expected UTF-8 (or UTF-16/32) JSON text, found undecodable bytes: "
                    f"{exc.reason} at byte {exc.start}",
                )
            ]
        ) from None
    except RecursionError:
        raise StructureError(
            [Problem("$", "expected JSON text, found nesting too deep to read")]
        ) from None
    except ValueError as exc:  # e.g. an integer longer than Python converts
        raise StructureError([Problem("$", f"expected JSON text, found: {exc}")]) from None
    return from_dict(data)


def _syntax_message(exc: json.JSONDecodeError) -> str:
    """Line, column and a short excerpt of the place: never the whole input."""
    doc = exc.doc
    line_start = doc.rfind("\n", 0, exc.pos) + 1
    excerpt = doc[max(line_start, exc.pos - 30) : exc.pos + 30].split("\n")[0]
    size = f"; the input is {len(doc):,} characters long" if len(doc) > 200 else ""
    return (
        f"expected JSON text, found an error at line {exc.lineno}, column {exc.colno}: "
        f"{exc.msg}, near {excerpt!r}{size}"
    )
