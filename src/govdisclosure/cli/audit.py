"""``govdisclosure audit PATH... -o audit.html``: a supervising office's audit of many reports.

Folders are walked and files read as ``check DIR`` reads them (JSON reports and published
text, Markdown and HTML pages, on every core, a progress bar on a terminal); each report
becomes a row (:func:`govdisclosure.audit`). ``--format html`` (the default) writes one
self-contained page — a summary, charts as inline SVG, a table sortable in the browser — and
needs the ``audit`` extra (matplotlib); ``--format csv`` and ``jsonl`` write the same rows
as a table. Files that cannot be read are rows of status ``unreadable`` with the reason, and
are named on standard error. ``--previous PATH`` adds last year's reports to compare the
carried-over figures with (reports of consecutive years among PATH are compared anyway).
Exit status: 0 the audit was written, 2 nothing could be read (or unusable options).

>>> import argparse
>>> parser = argparse.ArgumentParser(prog="govdisclosure")
>>> add_parser(parser.add_subparsers(dest="command"))
>>> args = parser.parse_args(["audit", "reports/", "-o", "audit.html", "--as-of", "2023-06-30"])
>>> args.paths, args.output, args.format, str(args.as_of), args.func is run
(['reports/'], 'audit.html', 'html', '2023-06-30', True)
"""

from __future__ import annotations

import argparse
import csv
import datetime as _dt
import io
import sys
from typing import Any, TextIO

from govdisclosure.analysis._audit import COLUMNS, Audit, audit
from govdisclosure.analysis._frame import MissingExtraError, write_jsonl
from govdisclosure.analysis.batch import Progress, UnusableFile
from govdisclosure.cli._batch import _common
from govdisclosure.cli._files import say, say_result

__all__ = ["add_parser", "run"]


def _day(text: str) -> _dt.date:
    try:
        return _dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, found {text!r}") from None


def add_parser(sub: Any) -> None:
    """Register ``audit`` on an argparse sub-parsers object."""
    p = sub.add_parser(
        "audit",
        help="audit a folder of reports: one page with charts, or the rows as CSV/JSON lines",
        description=(
            "Audit reports as a supervising office does: timeliness against the deadline for "
            "the kind of body, completeness, findings by rule family, prose against tables, "
            "carried-over figures against last year's."
        ),
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="a report file or a folder")
    p.add_argument("-o", "--output", metavar="FILE", help="write here (default: standard output)")
    p.add_argument("--format", choices=("html", "csv", "jsonl"), default="html")
    p.add_argument(
        "--previous",
        action="append",
        default=[],
        metavar="PATH",
        help="last year's reports (a file or a folder; may be repeated)",
    )
    p.add_argument(
        "--as-of",
        type=_day,
        default=None,
        metavar="YYYY-MM-DD",
        help="the day of the audit (default: today)",
    )
    _common(p)
    p.set_defaults(func=run)


def _previous(paths: list[str], jobs: int | None, locale: str) -> list[Any]:
    """Last year's reports read from ``paths`` (unreadable ones are named and left out)."""
    if not paths:
        return []
    from govdisclosure.analysis.batch import discover, read_files
    from govdisclosure.model import Report

    files: list[str] = []
    for path in paths:
        found = discover(path)
        files += found.files
        for bad in found.bad:
            say_result("audit", bad, locale)
    out: list[Any] = []
    for _path, result in read_files(files, jobs=jobs):
        if isinstance(result, Report):
            out.append(result)
        else:
            say_result("audit", result, locale)
    return out


def _write(result: Audit, fmt: str, locale: str, out: TextIO) -> None:
    rows = result.rows(locale)
    if fmt == "html":
        out.write(result.to_html(lang=locale))
    elif fmt == "jsonl":
        write_jsonl(rows, out)
    else:
        writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def run(args: argparse.Namespace, out: TextIO) -> int:
    """``audit``; returns the exit status."""
    locale = args.lang
    previous = _previous(args.previous, args.jobs, locale)
    result = audit(
        args.paths,
        previous=previous,
        as_of=args.as_of,
        jobs=args.jobs,
        progress=lambda n: Progress(n, label="audit"),
    )
    for r in result:
        if r.status == "unreadable":
            say("audit", UnusableFile(r.source or "", r.reason or ""), locale)
    counts = result.counts()
    if not counts["reports"]:
        print("govdisclosure audit: no report could be read", file=sys.stderr)
        return 2
    buffer = io.StringIO()
    try:
        _write(result, args.format, locale, buffer)
    except MissingExtraError as exc:
        print(f"govdisclosure audit: {exc}", file=sys.stderr)
        return 2
    if args.output:
        with open(args.output, "w", encoding="utf-8", newline="") as f:
            f.write(buffer.getvalue())
    else:
        out.write(buffer.getvalue())
    zh = locale == "zh_CN"
    if zh:
        line = (
            f"审查 {counts['files']} 个文件：读取报告 {counts['reports']}，无法读取 "
            f"{counts['unreadable']}；按期 {counts['on_time']}，逾期 {counts['late']}，日期不明 "
            f"{counts['unknown']}，未到期限 {counts['not_due']}；有错误 {counts['with_errors']}"
        )
    else:
        line = (
            f"audited {counts['files']} file(s): {counts['reports']} report(s) read, "
            f"{counts['unreadable']} unreadable; {counts['on_time']} on time, {counts['late']} "
            f"late, {counts['unknown']} date unknown, {counts['not_due']} not yet due; "
            f"{counts['with_errors']} with errors"
        )
    print(line + (f" → {args.output}" if args.output else ""), file=sys.stderr)
    return 0
