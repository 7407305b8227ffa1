"""The detailed reading of a report that the fast converter refused: every problem listed.

An unknown key or a bad field does not hide the others, and the report-level checks (the
year's range, the facts' spans, the relations' keys) run on whatever fields structured
cleanly.
"""

from __future__ import annotations

from typing import Any

from govdisclosure.errors import Problem, StructureError
from govdisclosure.io._hooks import (
    _REPORT_KEYS,
    _REQUIRED_KEYS,
    _converter,
    _field_type,
    _structure_enum_factory,
)
from govdisclosure.io._located import _describe, _key_path, _problem, _walk
from govdisclosure.layout import MAX_YEAR, MIN_YEAR, TABLE_ATTRIBUTES
from govdisclosure.model import Edition, Report

#: What stands in for a report field that is missing or bad, so that the report-level checks
#: (year, facts, relations) still run and report their own problems.
_PLACEHOLDERS: dict[str, Any] = {"agency": "", "title": "", "year": 2000}

#: Fields whose report-level checks read other fields: not checked when those are bad.
_DEPENDS = {"facts": ("sections", "preamble"), "relations": ("facts",)}


def _report_problems(data: Any) -> list[Problem]:
    """Structure ``data`` field by field with the detailed converter, collecting problems.

    Every problem is listed: an unknown key or a bad field does not hide the others, and the
    report-level checks (the year's range, the facts' spans, the relations' keys) run on
    whatever fields structured cleanly.
    """
    if data.__class__ is not dict:
        return [Problem("$", f"expected a report object, found {_describe(data)}")]
    conv = _converter(detailed=True)
    problems: list[Problem] = []
    edition: Edition | None = None
    if "edition" in data:
        try:
            edition = _structure_enum_factory(Edition)(data["edition"], Edition)
        except ValueError as exc:
            problems.append(Problem("$.edition", str(exc)))
    kwargs: dict[str, Any] = {}
    bad: set[str] = set()
    for key, value in data.items():
        if key not in _REPORT_KEYS:
            known = ", ".join(_REPORT_KEYS)
            problems.append(Problem(_key_path("$", key), f"unknown key (expected one of: {known})"))
            continue
        path = f"$.{key}"
        if key == "edition":
            continue
        if edition is None and key in TABLE_ATTRIBUTES:
            continue  # which tables a report may have depends on the edition: said above
        t = _field_type(key, edition)
        if t is None:
            if value is not None:
                problems.append(
                    Problem(path, f"a {edition.value if edition else 'report'} has no table {key}")
                )
            continue
        if key == "year" and value.__class__ is int and not MIN_YEAR <= value <= MAX_YEAR:
            problems.append(
                Problem(
                    path, f"expected a year from {MIN_YEAR} to {MAX_YEAR}, found {_describe(value)}"
                )
            )
            bad.add(key)
            continue
        try:
            kwargs[key] = conv.structure(value, t)
        except Exception as exc:  # every failure is reported, located
            problems += _walk(exc, path)
            bad.add(key)
    for key in _REQUIRED_KEYS:
        if key not in data:
            problems.append(Problem(f"$.{key}", "required field missing"))
            bad.add(key)
    problems += _record_problems(kwargs, bad, edition)
    return problems


def _record_problems(
    kwargs: dict[str, Any], bad: set[str], edition: Edition | None
) -> list[Problem]:
    """The report-level problems of the fields that structured, the bad ones stood in for."""
    stand_ins = {k for k in bad if k in _PLACEHOLDERS}
    fields = dict(kwargs)
    for key in stand_ins:
        fields[key] = _PLACEHOLDERS[key]
    dropped: set[str] = set()
    for key, needs in _DEPENDS.items():  # facts before relations
        if any(n in bad or n in dropped for n in needs):
            fields.pop(key, None)
            dropped.add(key)
    if "year" in bad:
        stand_ins.add("year")
    try:
        Report(edition=edition or Edition.LEGACY_2008, **fields)
    except StructureError as exc:
        return [
            _problem(p.path, p.message)
            for p in exc.problems
            if p.path.removeprefix("$.").split(".")[0].split("[")[0] not in stand_ins
            and not (edition is None and p.path == "$.edition")
        ]
    except Exception as exc:  # pragma: no cover - the model refused what the hooks let in
        return [Problem("$", f"the report cannot be built: {exc}")]
    return []
