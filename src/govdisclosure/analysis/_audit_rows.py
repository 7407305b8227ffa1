"""The rows of an audit: what it says of one report (:class:`AuditRow`), the table's columns,
and the vocabulary they share with the page (rule families, request outcomes, levels)."""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Mapping
from typing import Any, Literal

import attrs

from govdisclosure.layout import layout_of
from govdisclosure.layout.match import split_note
from govdisclosure.model import AgencyKind, Edition
from govdisclosure.numerals import split_ordinal
from govdisclosure.parse import ParseFinding

__all__ = ["COLUMNS", "FAMILIES", "LEVELS", "OUTCOMES", "AuditRow", "Status", "Timeliness"]

Timeliness = Literal["on-time", "late", "unknown", "not-due"]
Status = Literal["ok", "findings", "unreadable"]

#: The rule families, by the first digit of a GD code: key, Chinese and English name.
FAMILIES: tuple[tuple[str, str, str], ...] = (
    ("tables", "表格勾稽", "table sums"),
    ("text", "正文数量关系", "relations in the text"),
    ("cross_year", "跨年度衔接", "across years"),
    ("prose", "正文与表格", "prose vs. tables"),
    ("dates", "版本与日期", "edition and dates"),
    ("structure", "章节结构", "structure"),
)
_FAMILY_OF_DIGIT = {str(i + 1): key for i, (key, _, _) in enumerate(FAMILIES)}

_GROUPS = ("granted", "partly_granted", "withheld", "unable", "not_processed", "other")
_EN_ORDINAL = re.compile(r"^\(\d+\)\s*")
_EN_NOTE = re.compile(r"\s*\([^()]*\)$")


def _outcomes() -> tuple[tuple[str, str, str], ...]:
    """The outcome groups of table 三 (三、本年度办理结果) with their names as the layout prints
    them, ordinal and note aside: ("partly_granted", "部分公开", "Partly disclosed")."""
    rows = {r.key.split(".")[0]: r for b in layout_of(_NEWEST).table("三").blocks for r in b.rows}
    out = []
    for key in _GROUPS:
        row = rows[key]
        zh = split_note(row.labels[1])[0]
        split = split_ordinal(zh)
        out.append(
            (key, split[1] if split else zh, _EN_NOTE.sub("", _EN_ORDINAL.sub("", row.en[1])))
        )
    return tuple(out)


_NEWEST = max((e for e in Edition if e.has_tables), key=list(Edition).index)

#: The outcome groups of table 三 (三、本年度办理结果): key, Chinese and English name, from the
#: layout of the newest edition (the 2019 edition has the same groups).
OUTCOMES: tuple[tuple[str, str, str], ...] = _outcomes()

_OUTCOME_KEYS = frozenset(k for k, _, _ in OUTCOMES)

_LEVELS: Mapping[AgencyKind, str] = {
    AgencyKind.STATE_COUNCIL_DEPARTMENT: "central",
    AgencyKind.PROVINCIAL_GOVERNMENT: "provincial",
    AgencyKind.CITY_GOVERNMENT: "city",
    AgencyKind.COUNTY_GOVERNMENT: "county",
    AgencyKind.LOCAL_GOVERNMENT: "county-or-above",
    AgencyKind.TOWNSHIP_GOVERNMENT: "township",
    AgencyKind.SUBDISTRICT_OFFICE: "township",
}
#: The level of a body as its kind tells it: key → (Chinese, English).
LEVELS: Mapping[str, tuple[str, str]] = {
    "central": ("中央", "central"),
    "provincial": ("省级", "provincial"),
    "city": ("市级", "city"),
    "county": ("县级", "county"),
    "county-or-above": ("县级以上", "county or above"),
    "township": ("乡级", "township"),
    "unknown": ("未知", "unknown"),
}

_NOT_PRINTED = frozenset({"GP160", "GP161"})
_CROSS_YEAR = ("GD301", "GD302")
_TABLE_PARTS = tuple(range(1, 7))


@attrs.frozen
class AuditRow:
    """What the audit says of one report (or of one file that could not be read).

    ``status`` is ``ok`` (no finding of severity error), ``findings`` (at least one) or
    ``unreadable`` (``reason`` says why). ``timeliness`` is ``on-time``, ``late`` (by
    ``days_late``), ``unknown`` (no date printed) or ``not-due`` (no date, and the
    deadline is still ahead on the audit's day). ``parts`` counts the national outline's six
    parts found (``parts_expected`` 6; ``None`` for legacy reports, which have no national
    outline); ``not_printed`` says what the published source did not print (cut tables,
    missing rows). ``by_family`` counts findings by :data:`FAMILIES`; ``contradictions``
    those of GD401 (prose against tables); ``carried_over`` is ``match``, ``mismatch``
    (GD301/GD302 against ``previous_year``'s report) or ``None`` (no report of last year
    given). ``outcomes`` sums table 三's outcome groups (:data:`OUTCOMES`) over the cells
    printed.
    """

    source: str | None
    status: Status
    reason: str | None = None
    agency: str | None = None
    kind: AgencyKind | None = None
    year: int | None = None
    edition: Edition | None = None
    format: str | None = None
    signed: _dt.date | None = None
    published: _dt.date | None = None
    deadline: _dt.date | None = None
    timeliness: Timeliness | None = None
    days_late: int | None = None
    parts: int | None = None
    parts_expected: int | None = None
    missing_parts: tuple[int, ...] = ()
    tables: int | None = None
    tables_expected: int | None = None
    cells: int | None = None
    cells_blank: int | None = None
    not_printed: tuple[ParseFinding, ...] = ()
    reader_warnings: int = 0
    errors: int = 0
    warnings: int = 0
    notices: int = 0
    by_family: tuple[tuple[str, int], ...] = ()
    contradictions: int = 0
    carried_over: Literal["match", "mismatch"] | None = None
    previous_year: int | None = None
    requests: int | None = None
    outcomes: tuple[tuple[str, int], ...] = ()
    codes: tuple[str, ...] = ()

    @property
    def level(self) -> str:
        """The level of the body as its kind tells it (a key of :data:`LEVELS`)."""
        return "unknown" if self.kind is None else _LEVELS.get(self.kind, "unknown")

    @property
    def family_counts(self) -> dict[str, int]:
        """Findings by rule family (every family, zeros included)."""
        counts = dict(self.by_family)
        return {key: counts.get(key, 0) for key, _, _ in FAMILIES}

    def to_dict(self, locale: str = "zh_CN") -> dict[str, Any]:
        """A flat, JSON-ready form: one column per field, family and outcome (the CSV's
        columns, :data:`COLUMNS`); what the source did not print in ``locale``."""

        def day(d: _dt.date | None) -> str | None:
            return None if d is None else d.isoformat()

        out: dict[str, Any] = {
            "file": self.source,
            "status": self.status,
            "reason": self.reason,
            "agency": self.agency,
            "kind": None if self.kind is None else self.kind.value,
            "level": None if self.status == "unreadable" else self.level,
            "year": self.year,
            "edition": None if self.edition is None else self.edition.value,
            "format": self.format,
            "signed": day(self.signed),
            "published": day(self.published),
            "deadline": day(self.deadline),
            "timeliness": self.timeliness,
            "days_late": self.days_late,
            "parts": self.parts,
            "parts_expected": self.parts_expected,
            "missing_parts": " ".join(map(str, self.missing_parts)),
            "tables": self.tables,
            "tables_expected": self.tables_expected,
            "cells": self.cells,
            "cells_blank": self.cells_blank,
            "not_printed": "; ".join(f.message(locale) for f in self.not_printed),
            "reader_warnings": self.reader_warnings,
            "errors": self.errors,
            "warnings": self.warnings,
            "notices": self.notices,
        }
        families = self.family_counts
        for key, _, _ in FAMILIES:
            out[f"findings_{key}"] = families[key] if self.status != "unreadable" else None
        out["contradictions"] = self.contradictions
        out["carried_over"] = self.carried_over
        out["previous_year"] = self.previous_year
        out["requests"] = self.requests
        outcomes = dict(self.outcomes)
        for key, _, _ in OUTCOMES:
            out[f"outcome_{key}"] = outcomes.get(key)
        out["codes"] = " ".join(self.codes)
        return out


#: The columns of :meth:`Audit.rows`, in order (the CSV's header).
COLUMNS: tuple[str, ...] = tuple(AuditRow(None, "unreadable").to_dict())
