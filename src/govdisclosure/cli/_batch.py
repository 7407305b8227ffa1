"""The batch commands over :mod:`govdisclosure.analysis`: ``check``, ``aggregate``, ``diff``.

``govdisclosure check PATH...`` walks folders (and takes files) of reports — JSON, the
records ``parse`` writes, and published text, Markdown and HTML reports (every suffix
:mod:`govdisclosure.parse` reads; see :mod:`govdisclosure.cli._files`) — and checks them on
every core (``--jobs``); ``aggregate PATH... --agency NAME`` sums them into a government's summary
(``--summary FILE`` checks a published summary against them instead); ``diff OLD NEW``
compares two reports, or two folders of reports paired by agency. One bad file never stops
a batch: each is reported with its path and reason, and a summary ends the run. A progress
bar goes to standard error when it is a terminal. Exit status: 0 ok, 1 a finding of error
severity, 2 unusable input.

>>> import argparse
>>> parser = argparse.ArgumentParser(prog="govdisclosure")
>>> add_parsers(parser.add_subparsers(dest="command"))
>>> args = parser.parse_args(["check", "reports/", "--jobs", "2", "--format", "jsonl"])
>>> args.paths, args.jobs, args.format, args.func is run_check
(['reports/'], 2, 'jsonl', True)
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Iterable
from typing import Any, TextIO

import attrs

from govdisclosure.analysis._aggregate import AggregateError, aggregate, check_rollup
from govdisclosure.analysis._diff import ReportDiff, diff
from govdisclosure.analysis._frame import tidy_rows, write_csv, write_jsonl
from govdisclosure.analysis.batch import FileResult, Progress, map_files
from govdisclosure.cli._files import CheckPath, ReadPath, UnusableFile, find, read_report, say
from govdisclosure.cli._messages import add_blank, add_lang
from govdisclosure.layout import Edition, label_key
from govdisclosure.model import AgencyKind, Report
from govdisclosure.rules import Findings, Policy

__all__ = [
    "add_aggregate_parser",
    "add_check_options",
    "add_check_parser",
    "add_diff_parser",
    "add_parsers",
    "policy_of",
    "run_aggregate",
    "run_check",
    "run_diff",
]


def jobs(text: str) -> int:
    """The ``--jobs`` option: a number of processes, at least 1."""
    n = int(text)
    if n < 1:
        raise argparse.ArgumentTypeError(f"--jobs must be at least 1, got {n}")
    return n


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--jobs",
        "-j",
        type=jobs,
        default=None,
        metavar="N",
        help="processes to use (default: every core)",
    )
    add_lang(p)


def add_parsers(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser], *, check: str | None = "check"
) -> None:
    """Register ``check`` (under the name ``check``; ``None`` leaves it out), ``aggregate`` and
    ``diff`` on the sub-parsers of the ``govdisclosure`` command.

    Each parsed namespace gets ``func``: call ``args.func(args, out)`` for the exit status.
    The three are also registered one by one (:func:`add_check_parser`,
    :func:`add_aggregate_parser`, :func:`add_diff_parser`), as ``govdisclosure.cli`` modules
    do.
    """
    if check is not None:
        add_check_parser(subparsers, name=check)
    add_aggregate_parser(subparsers)
    add_diff_parser(subparsers)


def add_check_parser(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser], *, name: str = "check"
) -> None:
    """Register the batch ``check PATH...`` (files and folders; every core)."""
    p = subparsers.add_parser(
        name,
        help="check report files and folders of them on every core (exit 1 on errors)",
        description=(
            "Check every report under the given folders (and the given files) against the "
            "rules. Exit status: 0 no error, 1 an error-severity finding, 2 unusable input."
        ),
    )
    p.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="a report (JSON, parse output, or published text/Markdown/HTML) or a folder",
    )
    add_check_options(p)
    _common(p)
    p.set_defaults(func=run_check)


def add_check_options(p: argparse.ArgumentParser) -> None:
    """The options of every check, of one file or a batch: ``--format``, ``--blank``,
    ``--select`` and ``--ignore`` (read them with :func:`policy_of`)."""
    p.add_argument(
        "--format",
        choices=("text", "json", "jsonl", "csv"),
        default="text",
        help="text (default), json (one document), jsonl (a line per file), csv (a row "
        "per finding); jsonl and csv check as a batch",
    )
    add_blank(p)
    p.add_argument("--select", metavar="CODES", help="comma-separated rule codes to run")
    p.add_argument("--ignore", metavar="CODES", help="comma-separated rule codes to skip")


def policy_of(args: argparse.Namespace) -> Policy:
    """The policy the options of :func:`add_check_options` ask for (``ValueError`` or
    ``KeyError`` for an unknown rule code)."""
    return Policy(blank=args.blank, select=_codes(args.select), ignore=_codes(args.ignore) or ())


def add_aggregate_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``aggregate PATH... --agency NAME`` (and ``--summary FILE`` to check one)."""
    p = subparsers.add_parser(
        "aggregate",
        help="sum the reports (JSON, parse output, text/Markdown/HTML; files or folders) of a "
        "government's departments into its summary",
        description=(
            "Add up the tables of the reports under the given folders cell by cell, exactly; "
            "with --summary, check a published summary report against them instead."
        ),
    )
    p.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="a report (JSON, parse output, or published text/Markdown/HTML) or a folder",
    )
    p.add_argument("--agency", help="the summary body (default: that of --summary)")
    p.add_argument("--year", type=int, help="the year (default: the reports' one year)")
    p.add_argument(
        "--kind",
        choices=[k.value for k in AgencyKind],
        help="the summary body's kind (default: what its name says)",
    )
    p.add_argument("--edition", choices=[e.value for e in Edition if e.has_tables])
    p.add_argument(
        "--map-editions",
        action="store_true",
        help="map reports of the other edition through the 2019/2021 cell correspondence",
    )
    add_blank(p)
    p.add_argument("--summary", metavar="FILE", help="a published summary report to check")
    p.add_argument("--expected", metavar="FILE", help="with --summary: the bodies, one a line")
    p.add_argument("--format", choices=("json", "jsonl", "csv"), default="json")
    _common(p)
    p.set_defaults(func=run_aggregate)


def add_diff_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``diff OLD NEW`` (two files, or two folders paired by agency)."""
    p = subparsers.add_parser(
        "diff",
        help="compare two reports of one agency (JSON, parse output, text/Markdown/HTML), or "
        "two folders of reports paired by agency",
        description=(
            "What changed between two reports of one agency: cells, rows, figures and text. "
            "Reads JSON reports, the JSON that parse writes and published text, Markdown and "
            "HTML reports; two files, or two folders paired by agency."
        ),
    )
    p.add_argument("old", metavar="OLD", help="a report (any format diff reads) or a folder")
    p.add_argument("new", metavar="NEW", help="a report (any format diff reads) or a folder")
    p.add_argument(
        "--format", choices=("text", "markdown", "html", "json", "jsonl", "csv"), default="text"
    )
    _common(p)
    p.set_defaults(func=run_diff)


# --------------------------------------------------------------------------- helpers


def _codes(text: str | None) -> list[str] | None:
    if text is None:
        return None
    return [c.strip() for c in text.split(",") if c.strip()]


def _gather(paths: Iterable[str]) -> tuple[list[str], list[FileResult], int]:
    found = find(paths)
    bad = [FileResult(u.path, "unusable", reason=u.reason, problems=u.problems) for u in found.bad]
    return list(found.files), bad, found.skipped


def _report_bad(bad: Iterable[FileResult], command: str, locale: str) -> None:
    for r in bad:
        say(command, UnusableFile(r.path, r.reason or "", r.problems), locale)


def _summary_line(counts: dict[str, int], zh: bool) -> str:
    if zh:
        return (
            f"共检查 {counts['files']} 个文件：无错误 {counts['ok']}，有错误 {counts['findings']}，"
            f"无法使用 {counts['unusable']}；跳过其他文件 {counts['skipped']}"
        )
    return (
        f"checked {counts['files']} file(s): {counts['ok']} without errors, "
        f"{counts['findings']} with errors, {counts['unusable']} unusable; "
        f"{counts['skipped']} other file(s) skipped"
    )


# --------------------------------------------------------------------------- check


def run_check(args: argparse.Namespace, out: TextIO) -> int:
    """The batch ``check``; returns the exit status."""
    try:
        policy = policy_of(args)
    except (KeyError, ValueError) as exc:
        print(f"govdisclosure check: {exc.args[0]}", file=sys.stderr)
        return 2
    locale = args.lang
    zh = locale == "zh_CN"
    files, bad, skipped = _gather(args.paths)
    _report_bad(bad, "check", locale)
    progress = Progress(len(files), label="check")
    counts = {
        "files": len(files) + len(bad),
        "ok": 0,
        "findings": 0,
        "unusable": len(bad),
        "skipped": skipped,
    }
    collected: list[FileResult] = []
    writer: Any = None
    if args.format == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(
            ["file", "status", "agency", "year", "edition", "code", "severity", "path", "message"]
        )
    for r in bad:
        _emit(args.format, r, out, writer, locale, collected)
    entries = [r.to_dict() for r in collected]
    try:
        checked = _CheckedOut(CheckPath(policy), args.format, locale)
        for r, said in map_files(checked, files, jobs=args.jobs, progress=progress):
            counts[r.status] += 1
            if r.status == "unusable":
                _report_bad([r], "check", locale)
            if isinstance(said, dict):
                entries.append(said)
            else:
                out.write(said)
    finally:
        progress.close()
    status = 2 if counts["unusable"] else (1 if counts["findings"] else 0)
    if args.format == "json":
        document = {
            "ok": status == 0,
            "summary": counts,
            "files": entries,
        }
        print(json.dumps(document, ensure_ascii=False, indent=2), file=out)
    elif args.format == "text" and counts["unusable"] < counts["files"]:
        print(_summary_line(counts, zh), file=out)
    else:  # a summary of nothing read goes with the errors: nothing half-written on stdout
        print(_summary_line(counts, zh), file=sys.stderr)
    return status


class _CheckedOut:
    """A file checked and its output written where it was checked (a worker process):
    ``(result, output)`` — the result without its findings (the status, and why a file is
    unusable), and the file's output in the format asked for (its entry of the document, a
    dict, for ``json``). The findings of a file never travel back to be written out by the
    one process that collects the results."""

    def __init__(self, checker: CheckPath, fmt: str, locale: str) -> None:
        self.checker = checker
        self.fmt = fmt
        self.locale = locale

    def __call__(self, path: str) -> tuple[FileResult, str | dict[str, Any]]:
        r = self.checker(path)
        said: str | dict[str, Any]
        if self.fmt == "json":
            said = r.to_dict()
        else:
            out = io.StringIO()
            writer = csv.writer(out, lineterminator="\n") if self.fmt == "csv" else None
            _emit(self.fmt, r, out, writer, self.locale, [])
            said = out.getvalue()
        return (attrs.evolve(r, findings=Findings()) if r.findings else r), said


def _emit(
    fmt: str,
    r: FileResult,
    out: TextIO,
    writer: Any,
    locale: str,
    collected: list[FileResult],
) -> None:
    if fmt == "json":
        collected.append(r)
    elif fmt == "jsonl":
        print(json.dumps(r.to_dict(), ensure_ascii=False), file=out)
    elif fmt == "csv":
        ids = [r.path, r.status, r.agency or "", r.year or "", r.edition or ""]
        if r.status == "unusable":
            writer.writerow([*ids, "", "", "", r.reason])
        elif not r.findings:
            writer.writerow([*ids, "", "", "", ""])
        for f in r.findings:
            writer.writerow([*ids, f.code, f.severity.value, f.path, f.message(locale)])
    elif r.status != "unusable" and r.findings:
        print(f"{r.path}: {r.agency} {r.year} ({r.edition})", file=out)
        for f in r.findings:
            print(f"  {f.severity.label(locale)} {f.code} {f.path}", file=out)
            print(f"    {f.message(locale)}", file=out)


# --------------------------------------------------------------------------- aggregate


def _read_all(
    paths: Iterable[str], jobs: int | None, command: str, locale: str
) -> tuple[list[tuple[str, Report]], list[FileResult], int]:
    files, bad, skipped = _gather(paths)
    _report_bad(bad, command, locale)
    progress = Progress(len(files), label="read")
    reports: list[tuple[str, Report]] = []
    try:
        results = map_files(ReadPath(), files, jobs=jobs, progress=progress)
        for path, result in zip(files, results, strict=True):
            if isinstance(result, Report):
                reports.append((path, result))
            else:
                r = FileResult(path, "unusable", reason=result.reason, problems=result.problems)
                bad.append(r)
                _report_bad([r], command, locale)
    finally:
        progress.close()
    return reports, bad, skipped


def run_aggregate(args: argparse.Namespace, out: TextIO) -> int:
    """``aggregate``; returns the exit status."""
    summary: Report | None = None
    if args.summary is not None:
        try:
            summary = read_report(args.summary)
        except UnusableFile as exc:
            say("aggregate", exc, args.lang)
            return 2
    read, bad, skipped = _read_all(args.paths, args.jobs, "aggregate", args.lang)
    reports = [r for _, r in read]
    if not reports:
        print("govdisclosure aggregate: no usable report to add up", file=sys.stderr)
        return 2
    years = sorted({r.year for r in reports if r.year is not None})
    stated = (args.year, summary.year if summary else None, *years)
    year = next((y for y in stated if y is not None), None)
    if year is None:
        print("govdisclosure aggregate: no report states its year; give --year", file=sys.stderr)
        return 2
    agency = args.agency or (summary.agency if summary else None)
    if agency is None:
        print("govdisclosure aggregate: give --agency (the summary body)", file=sys.stderr)
        return 2
    if args.year is None and summary is None and len(years) > 1:
        print(
            f"govdisclosure aggregate: the reports are of several years ({years}); give --year",
            file=sys.stderr,
        )
        return 2
    status = 2 if bad else 0
    kept = []
    for path, r in read:
        if r.year != year or not r.edition.has_tables:
            why = f"a report of {r.year}" if r.year != year else "no national tables"
            print(
                f"govdisclosure aggregate: {path}: {r.agency} {r.year}: left out ({why})",
                file=sys.stderr,
            )
        else:
            kept.append(r)
    reports = kept
    if not reports:
        print(f"govdisclosure aggregate: no report of {year} with tables", file=sys.stderr)
        return 2
    try:
        if summary is not None:
            expected = None
            if args.expected:
                with open(args.expected, encoding="utf-8-sig") as f:
                    expected = [line.strip() for line in f if line.strip()]
            findings = check_rollup(
                summary, reports, expected=expected, map_editions=args.map_editions
            )
            _print_findings(findings, args.format, out, args.lang)
            return status or (0 if findings.ok else 1)
        result = aggregate(
            reports,
            agency=agency,
            year=year,
            kind=None if args.kind is None else AgencyKind(args.kind),
            edition=None if args.edition is None else Edition(args.edition),
            map_editions=args.map_editions,
            blanks="incomplete" if args.blank == "unknown" else "zero",
        )
    except (AggregateError, OSError) as exc:
        print(f"govdisclosure aggregate: {exc}", file=sys.stderr)
        return 2
    if args.format == "json":
        document = result.to_dict() | {"unusable": [r.to_dict() for r in bad], "skipped": skipped}
        print(json.dumps(document, ensure_ascii=False, indent=2), file=out)
    else:
        rows = tidy_rows([result.report], facts=False)
        (write_jsonl if args.format == "jsonl" else write_csv)(rows, out)
    print(
        f"aggregate: {len(reports)} report(s) added up, {len(result.incomplete)} incomplete "
        f"cell(s), {len(bad)} unusable file(s), {skipped} skipped",
        file=sys.stderr,
    )
    return status


def _print_findings(findings: Findings, fmt: str, out: TextIO, locale: str) -> None:
    if fmt == "json":
        print(json.dumps(findings.to_dict(), ensure_ascii=False, indent=2), file=out)
    elif fmt == "jsonl":
        for f in findings:
            print(json.dumps(f.to_dict(), ensure_ascii=False), file=out)
    else:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["code", "severity", "path", "message"])
        for f in findings:
            writer.writerow([f.code, f.severity.value, f.path, f.message(locale)])


# --------------------------------------------------------------------------- diff


def _pairs(
    old: list[Report], new: list[Report]
) -> tuple[list[tuple[Report, Report]], list[Report], list[Report]]:
    by_agency = {label_key(r.agency): r for r in new}
    pairs, only_old = [], []
    for r in old:
        match = by_agency.pop(label_key(r.agency), None)
        if match is None:
            only_old.append(r)
        else:
            pairs.append((r, match))
    return pairs, only_old, list(by_agency.values())


def run_diff(args: argparse.Namespace, out: TextIO) -> int:
    """``diff``; returns the exit status."""
    locale = args.lang
    old_read, bad_old, _ = _read_all([args.old], args.jobs, "diff", locale)
    new_read, bad_new, _ = _read_all([args.new], args.jobs, "diff", locale)
    old, new = [r for _, r in old_read], [r for _, r in new_read]
    status = 2 if bad_old or bad_new else 0
    if not old or not new:
        print("govdisclosure diff: nothing to compare", file=sys.stderr)
        return 2
    pairs, only_old, only_new = _pairs(old, new)
    if not pairs:
        print(
            f"govdisclosure diff: {args.new}: no report of the agencies of {args.old} "
            f"({_names(old)}; found {_names(new)}): nothing to compare — diff compares "
            "reports of one agency",
            file=sys.stderr,
        )
        return 2
    diffs = [diff(a, b) for a, b in pairs]
    _print_diffs(diffs, args.format, out, locale)
    for r in only_old:
        print(f"govdisclosure diff: {r.agency} {r.year}: only in {args.old}", file=sys.stderr)
    for r in only_new:
        print(f"govdisclosure diff: {r.agency} {r.year}: only in {args.new}", file=sys.stderr)
    print(
        f"diff: {len(diffs)} pair(s), {sum(not d.empty for d in diffs)} with changes, "
        f"{len(only_old) + len(only_new)} unpaired, {len(bad_old) + len(bad_new)} unusable",
        file=sys.stderr,
    )
    return status


def _names(reports: list[Report]) -> str:
    names = sorted({r.agency for r in reports})
    return "、".join(names[:3]) + ("…" if len(names) > 3 else "")


def _print_diffs(diffs: list[ReportDiff], fmt: str, out: TextIO, locale: str) -> None:
    if fmt in ("text", "markdown", "html"):
        for d in diffs:
            out.write(d.render(fmt, locale=locale))
    elif fmt == "json":
        print(json.dumps([d.to_dict() for d in diffs], ensure_ascii=False, indent=2), file=out)
    elif fmt == "jsonl":
        for d in diffs:
            print(json.dumps(d.to_dict(), ensure_ascii=False), file=out)
    else:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(
            ["agency", "old_year", "new_year", "path", "label", "old", "new", "change", "percent"]
        )
        for d in diffs:
            for row in d.to_dict()["cells"]:
                writer.writerow(
                    [
                        d.new_id[0],
                        d.old_id[1],
                        d.new_id[1],
                        row["path"],
                        row["label"],
                        row["old"],
                        row["new"],
                        row["change"],
                        row["percent"],
                    ]
                )
