"""A supervising office's audit of many reports: one row per report, the same figures as a table.

The 政府信息公开工作主管部门 of a city or county reviews every year the reports of its departments
and lower governments: published on time for their kind, all parts present, tables
consistent, prose agreeing with the tables, carried-over figures matching last year's.
:func:`audit` makes one :class:`AuditRow` per report out of what the library already knows:

- the deadline is the rules' own (:meth:`Policy.deadline <govdisclosure.rules.Policy.deadline>`,
  by the kind of body of :meth:`Report.kind <govdisclosure.model.Report.kind>`), and the date
  compared is the one GD503 compares (the signing date decides when there is one, the
  page's publication date otherwise);
- the findings are those of :func:`govdisclosure.check`, counted by severity and by rule
  family; for published pages read by :func:`govdisclosure.parse`, what the source did not
  print (GP160 a table cut off, GP161 rows missing) comes from the reader's findings;
- files are found and read as ``govdisclosure check DIR`` reads them
  (:mod:`govdisclosure.analysis.batch`, every core); a file that cannot be read is a row of
  status ``unreadable`` with the reason, never dropped.

>>> import attrs, datetime as dt
>>> from govdisclosure import examples
>>> on_time = examples.load("jianghe-2021")
>>> late = attrs.evolve(examples.load("jianghe-2020"),
...     signature=attrs.evolve(examples.load("jianghe-2020").signature,
...                            date=dt.date(2021, 2, 15)))
>>> result = audit([on_time, late], as_of=dt.date(2023, 1, 1))
>>> [(r.year, r.timeliness, r.days_late) for r in result]
[(2021, 'on-time', None), (2020, 'late', 15)]
>>> result.counts()["late"], result.counts()["reports"]
(1, 2)
>>> result.row(0).carried_over          # 2020 is in the set: 2021's 上年结转 is compared
'match'
"""

from __future__ import annotations

import datetime as _dt
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

import attrs

from govdisclosure.analysis._audit_page import audit_html
from govdisclosure.analysis._audit_rows import (
    _CROSS_YEAR,
    _FAMILY_OF_DIGIT,
    _NOT_PRINTED,
    _OUTCOME_KEYS,
    _TABLE_PARTS,
    COLUMNS,
    FAMILIES,
    LEVELS,
    OUTCOMES,
    AuditRow,
    Timeliness,
)
from govdisclosure.analysis._cells import values_of
from govdisclosure.analysis.batch import (
    READERS,
    Progress,
    UnusableFile,
    _read_bytes,
    _read_published,
    discover,
    map_files,
    parse_published,
)
from govdisclosure.analysis.batch import read_file as _read_report_file
from govdisclosure.document import Coverage
from govdisclosure.model import Report
from govdisclosure.parse import Parsed, ParseFinding, ParseSeverity
from govdisclosure.rules import Finding, Findings, Policy, Severity, check
from govdisclosure.rules._sections import section_ordinal

__all__ = [
    "COLUMNS",
    "FAMILIES",
    "LEVELS",
    "OUTCOMES",
    "Audit",
    "AuditRow",
    "audit",
    "audit_file",
    "audit_report",
]


@attrs.frozen
class Audit(Sequence[AuditRow]):
    """The audit of a set of reports: a :class:`AuditRow` per report or unreadable file, in
    the order given (files of a folder sorted by path), and the day it was made."""

    entries: tuple[AuditRow, ...]
    as_of: _dt.date
    skipped: int = 0

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[AuditRow]:
        return iter(self.entries)

    def __getitem__(self, index: Any) -> Any:
        return self.entries[index]

    def row(self, index: int) -> AuditRow:
        """The row at ``index``."""
        return self.entries[index]

    def rows(self, locale: str = "zh_CN") -> list[dict[str, Any]]:
        """One flat dict per row (:data:`COLUMNS`), ready for CSV, JSON lines or a frame;
        messages in ``locale`` (``zh_CN`` or ``en``)."""
        return [r.to_dict(locale) for r in self.entries]

    def to_frame(self, locale: str = "zh_CN") -> Any:
        """The rows as a :class:`pandas.DataFrame` (pandas must be installed)."""
        import importlib

        from govdisclosure.analysis._frame import MissingExtraError

        try:
            pd = importlib.import_module("pandas")
        except ImportError:  # pragma: no cover - depends on the environment
            raise MissingExtraError("Audit.to_frame needs pandas: pip install pandas") from None
        return pd.DataFrame(self.rows(locale), columns=list(COLUMNS))

    def to_html(self, *, lang: str = "zh") -> str:
        """The audit as one self-contained HTML page with charts (needs the ``audit`` extra:
        :func:`govdisclosure.analysis._audit_page.audit_html`)."""
        return audit_html(self, lang=lang)

    @property
    def readable(self) -> tuple[AuditRow, ...]:
        """The rows of reports read (every row but the unreadable files)."""
        return tuple(r for r in self.entries if r.status != "unreadable")

    def counts(self) -> dict[str, int]:
        """The summary: files, reports read, unreadable; ok and with errors; on time, late,
        unknown and not yet due; findings by severity; contradictions; carried-over
        mismatches. ``reports + unreadable == files`` and the timeliness counts add up to
        ``reports``.
        """
        read = self.readable
        time = Counter(r.timeliness for r in read)
        return {
            "files": len(self.entries),
            "reports": len(read),
            "unreadable": len(self.entries) - len(read),
            "skipped": self.skipped,
            "ok": sum(r.status == "ok" for r in read),
            "with_errors": sum(r.status == "findings" for r in read),
            "on_time": time["on-time"],
            "late": time["late"],
            "unknown": time["unknown"],
            "not_due": time["not-due"],
            "errors": sum(r.errors for r in read),
            "warnings": sum(r.warnings for r in read),
            "notices": sum(r.notices for r in read),
            "contradictions": sum(r.contradictions for r in read),
            "incomplete": sum(bool(r.missing_parts or r.not_printed) for r in read),
            "carried_over_mismatch": sum(r.carried_over == "mismatch" for r in read),
        }


# --------------------------------------------------------------------------- one report


def _timeliness(
    report: Report, policy: Policy, as_of: _dt.date
) -> tuple[_dt.date | None, Timeliness | None, int | None]:
    """The deadline of the rules (GD503) and the report against it: the signing date
    decides when there is one (a later page date is a re-publication), else the page's.
    A report that states no year has no deadline."""
    if report.year is None:
        return None, None, None
    deadline = policy.deadline(report.year, report.kind())
    signed = report.signature.date if report.signature is not None else None
    published = report.metadata.published if report.metadata is not None else None
    when = signed if signed is not None else published
    if when is None:
        return deadline, ("not-due" if as_of <= deadline else "unknown"), None
    if when > deadline:
        return deadline, "late", (when - deadline).days
    return deadline, "on-time", None


def _parts(report: Report) -> tuple[int | None, int | None, tuple[int, ...]]:
    if not report.edition.has_tables:
        return None, None, ()
    found = {section_ordinal(report.edition, s.title) for s in report.sections}
    missing = tuple(n for n in _TABLE_PARTS if n not in found)
    return len(_TABLE_PARTS) - len(missing), len(_TABLE_PARTS), missing


def _outcomes(values: Mapping[str, object]) -> tuple[tuple[str, int], ...]:
    out: dict[str, int] = {}
    for path, value in values.items():
        if not isinstance(value, int) or not path.endswith(".total"):
            continue
        parts = path.split(".")  # $ requests group [sub] total
        if len(parts) in (4, 5) and parts[1] == "requests":
            group = parts[2]
            if group in _OUTCOME_KEYS:
                out[group] = out.get(group, 0) + value
    return tuple((k, out[k]) for k, _, _ in OUTCOMES if k in out)


def _family(code: str) -> str:
    return _FAMILY_OF_DIGIT.get(code[2:3], "other") if code.startswith("GD") else "other"


def _with_findings(row: AuditRow, findings: Iterable[Finding]) -> AuditRow:
    """``row`` with ``findings`` added to its counts (a row starts with none)."""
    items = list(findings)
    severity = Counter(f.severity for f in items)
    family = Counter(dict(row.by_family)) + Counter(_family(f.code) for f in items)
    errors = row.errors + severity[Severity.ERROR]
    return attrs.evolve(
        row,
        status="findings" if errors else "ok",
        errors=errors,
        warnings=row.warnings + severity[Severity.WARNING],
        notices=row.notices + severity[Severity.NOTICE],
        by_family=tuple((k, family[k]) for k, _, _ in FAMILIES if family[k]),
        contradictions=row.contradictions + sum(f.code == "GD401" for f in items),
        codes=tuple(sorted({*row.codes, *(f.code for f in items)})),
    )


def audit_report(
    report: Report,
    *,
    source: str | None = None,
    parse_findings: Sequence[ParseFinding] | None = None,
    format: str | None = None,
    policy: Policy | None = None,
    as_of: _dt.date | None = None,
    coverage: Coverage | None = None,
) -> tuple[AuditRow, Findings]:
    """The row of one report (without the cross-year comparison) and its findings;
    ``coverage`` is what a published source printed (:attr:`Parsed.coverage
    <govdisclosure.parse.Parsed.coverage>`), so that a cut page's unprinted rows are "not
    printed" (GD107), not "blank".

    >>> from govdisclosure import examples
    >>> row, findings = audit_report(examples.load("jianghe-2021"))
    >>> row.status, row.timeliness, row.parts, row.tables, row.cells_blank, len(findings)
    ('ok', 'on-time', 6, 3, 0, 0)
    """
    policy = Policy() if policy is None else policy
    as_of = _dt.date.today() if as_of is None else as_of
    findings = check(report, policy=policy, coverage=coverage)
    deadline, timeliness, late = _timeliness(report, policy, as_of)
    parts, expected, missing = _parts(report)
    has_tables = report.edition.has_tables
    values = values_of(report) if has_tables else {}
    tables = (
        sum(t is not None for t in (report.active, report.requests, report.reviews))
        if has_tables
        else None
    )
    requests = values.get("$.requests.new.total")
    said = parse_findings or ()
    row = AuditRow(
        source=source,
        status="ok",
        agency=report.agency,
        kind=report.kind(),
        year=report.year,
        edition=report.edition,
        format=format,
        signed=report.signature.date if report.signature is not None else None,
        published=report.metadata.published if report.metadata is not None else None,
        deadline=deadline,
        timeliness=timeliness,
        days_late=late,
        parts=parts,
        parts_expected=expected,
        missing_parts=missing,
        tables=tables,
        tables_expected=3 if has_tables else None,
        cells=len(values) if has_tables else None,
        cells_blank=sum(v is None for v in values.values()) if has_tables else None,
        not_printed=tuple(f for f in said if f.code in _NOT_PRINTED),
        reader_warnings=sum(
            f.severity in (ParseSeverity.ERROR, ParseSeverity.WARNING) for f in said
        ),
        requests=requests if isinstance(requests, int) else None,
        outcomes=_outcomes(values),
    )
    return _with_findings(row, findings), findings


# --------------------------------------------------------------------------- files


def _read_source(path: str) -> tuple[Report, Parsed | None]:
    """A report file read as ``check DIR`` reads it; the files the batch gives to
    :func:`~govdisclosure.parse.parse` (every published format it registers) are parsed
    here the same way, keeping the reader's findings (what the source did not print).
    Raises :class:`UnusableFile`."""
    suffix = os.path.splitext(path)[1].lower()
    if READERS.get(suffix) is not _read_published:  # JSON, or a reader of its own:
        return _read_report_file(path), None
    data = _read_bytes(path)
    parsed = parse_published(data, path)
    return parsed.report, parsed


def audit_file(
    path: str, *, policy: Policy | None = None, as_of: _dt.date | None = None
) -> tuple[AuditRow, Report | None]:
    """The row of the report in the file at ``path`` and the report (``None`` when the file
    cannot be read: the row is then ``unreadable`` with the reason). Never raises for a bad
    file."""
    try:
        report, parsed = _read_source(path)
        row, _ = audit_report(
            report,
            source=path,
            parse_findings=None if parsed is None else parsed.findings,
            format="json" if parsed is None else parsed.format,
            policy=policy,
            as_of=as_of,
            coverage=None if parsed is None else parsed.coverage,
        )
    except UnusableFile as exc:
        return AuditRow(path, "unreadable", reason=exc.reason), None
    except Exception as exc:  # one bad file never stops the audit
        reason = f"internal error ({type(exc).__name__}: {exc})"
        return AuditRow(path, "unreadable", reason=reason), None
    return row, report


class _FileAuditor:
    """A picklable :func:`audit_file` with its options bound."""

    def __init__(self, policy: Policy | None, as_of: _dt.date) -> None:
        self.policy = policy
        self.as_of = as_of

    def __call__(self, path: str) -> tuple[AuditRow, Report | None]:
        return audit_file(path, policy=self.policy, as_of=self.as_of)


# --------------------------------------------------------------------------- the audit

Item = Report | Parsed | str | os.PathLike[str]


def _key(agency: str) -> str:
    return "".join(agency.split())


def audit(
    reports: Item | Iterable[Item],
    *,
    previous: Iterable[Report | Parsed] | None = None,
    as_of: _dt.date | None = None,
    policy: Policy | None = None,
    jobs: int | None = 1,
    progress: Callable[[int], Progress] | None = None,
) -> Audit:
    """Audit reports: :class:`Report` or :class:`~govdisclosure.parse.Parsed` objects, or
    paths of report files and folders (read as ``govdisclosure check DIR`` reads them: JSON
    and every published format the readers know; files of other suffixes are counted in
    :attr:`Audit.skipped`).

    ``previous`` are last year's reports: each report whose agency has a report of the year
    before — among ``previous`` or among the reports audited — has its carried-over figures
    compared (GD301, GD302). ``as_of`` is the day of the audit (default today): a report
    without any date whose deadline is still ahead is ``not-due``. ``jobs`` reads and checks
    files on that many processes (``None``: every core); ``progress``, given the number of
    files, makes the :class:`~govdisclosure.analysis.batch.Progress` bar to count them on.
    Unreadable files are rows of their own, never dropped.

    >>> from govdisclosure import examples
    >>> a = audit([examples.load("xianning-2015"), examples.load("jianghe-2021")])
    >>> [(r.year, r.kind.value, r.timeliness, str(r.deadline)) for r in a]
    [(2015, 'department', 'on-time', '2016-03-31'), (2021, 'department', 'on-time', '2022-01-31')]
    >>> audit(42)
    Traceback (most recent call last):
    ...
    TypeError: audit expects Reports, Parsed reports or paths, got int
    """
    as_of = _dt.date.today() if as_of is None else as_of
    if not isinstance(as_of, _dt.date):
        raise TypeError(f"as_of must be a date, got {type(as_of).__name__}")
    if isinstance(reports, Report | Parsed | str | os.PathLike):
        reports = [reports]
    elif not isinstance(reports, Iterable):
        raise TypeError(
            f"audit expects Reports, Parsed reports or paths, got {type(reports).__name__}"
        )
    rows: list[AuditRow] = []
    kept: list[Report | None] = []
    pending: list[tuple[int, str]] = []
    skipped = sum(_collect(item, rows, kept, pending, policy, as_of) for item in reports)
    if pending:
        _audit_files(pending, rows, kept, policy, as_of, jobs, progress)
    _compare_years(rows, kept, previous, policy)
    return Audit(tuple(rows), as_of, skipped)


def _collect(
    item: object,
    rows: list[AuditRow],
    kept: list[Report | None],
    pending: list[tuple[int, str]],
    policy: Policy | None,
    as_of: _dt.date,
) -> int:
    """Add the row(s) of one item of :func:`audit` (files are left ``pending``, at the row
    that stands for them); the number of files skipped under a folder."""
    if isinstance(item, Report):
        rows.append(audit_report(item, policy=policy, as_of=as_of)[0])
        kept.append(item)
        return 0
    if isinstance(item, Parsed):
        row, _ = audit_report(
            item.report,
            parse_findings=item.findings,
            format=item.format,
            policy=policy,
            as_of=as_of,
            coverage=item.coverage,
        )
        rows.append(row)
        kept.append(item.report)
        return 0
    if not isinstance(item, str | os.PathLike):
        raise TypeError(
            f"audit expects Reports, Parsed reports or paths, got {type(item).__name__}"
        )
    found = discover(os.fspath(item))
    for bad in found.bad:
        rows.append(AuditRow(bad.path, "unreadable", reason=bad.reason))
        kept.append(None)
    for path in found.files:
        pending.append((len(rows), path))
        rows.append(AuditRow(path, "unreadable"))  # replaced by the file's audit
        kept.append(None)
    return found.skipped


def _audit_files(
    pending: list[tuple[int, str]],
    rows: list[AuditRow],
    kept: list[Report | None],
    policy: Policy | None,
    as_of: _dt.date,
    jobs: int | None,
    progress: Callable[[int], Progress] | None,
) -> None:
    """Read and audit the pending files on ``jobs`` processes, into their rows."""
    bar = None if progress is None else progress(len(pending))
    try:
        results = map_files(
            _FileAuditor(policy, as_of), [p for _, p in pending], jobs=jobs, progress=bar
        )
        for (at, _), (row, report) in zip(pending, results, strict=True):
            rows[at], kept[at] = row, report
    finally:
        if bar is not None:
            bar.close()


def _compare_years(
    rows: list[AuditRow],
    kept: list[Report | None],
    previous: Iterable[Report | Parsed] | None,
    policy: Policy | None,
) -> None:
    """Compare each report's carried-over figures with its agency's report of the year
    before (GD301, GD302), in place; their findings join the row's."""
    known: dict[tuple[str, int | None], Report] = {}
    for p in previous or ():
        given: object = p.report if isinstance(p, Parsed) else p
        if not isinstance(given, Report):
            raise TypeError(f"previous must hold Reports, got {type(p).__name__}")
        known.setdefault((_key(given.agency), given.year), given)
    for audited in kept:
        if audited is not None:
            known.setdefault((_key(audited.agency), audited.year), audited)
    base = Policy() if policy is None else policy
    runs = [c for c in _CROSS_YEAR if base.runs(c)]
    if not runs:
        return
    cross = attrs.evolve(base, select=runs)
    for i, report in enumerate(kept):
        if report is None:
            continue
        if not _key(report.agency) or report.year is None:  # nothing to pair it with
            continue
        before = known.get((_key(report.agency), report.year - 1))
        if before is None or before is report:
            continue
        found = [f for f in check(report, previous=before, policy=cross) if f.code in runs]
        rows[i] = attrs.evolve(
            _with_findings(rows[i], found),
            carried_over="mismatch" if found else "match",
            previous_year=before.year,
        )
