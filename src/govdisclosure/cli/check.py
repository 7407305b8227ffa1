"""``govdisclosure check PATH...``: the command-line face of :func:`~govdisclosure.rules.check`.

Reads reports as every command does (:mod:`govdisclosure.cli._files`): JSON, the records
``parse`` writes, published text, Markdown and HTML; files, folders, ``-``. Human output
grouped by report, in Chinese by default (``--lang en``), or ``--format json``. Exit status:
0 when no finding has severity error, 1 when any has, 2 when any input is unusable (named
on standard error: ``govdisclosure check: FILE: what is wrong``).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, TextIO

from govdisclosure.cli import _batch
from govdisclosure.cli._files import UnusableFile, is_batch, read_report, say
from govdisclosure.cli._messages import add_lang
from govdisclosure.model import Report
from govdisclosure.rules import Findings, check, check_series
from govdisclosure.rules._findings import locale_key

__all__ = ["add_parser", "print_findings", "run"]

_TEXT = {
    "zh": {
        "clean": "未发现问题",
        "summary": "共 {n} 条：错误 {errors}，警告 {warnings}，提示 {notices}",
        "unusable": "无法使用的输入",
        "year": "{year}年",
    },
    "en": {
        "clean": "no findings",
        "summary": "{n} finding(s): {errors} error(s), {warnings} warning(s), {notices} notice(s)",
        "unusable": "unusable input",
        "year": "{year}",
    },
}


def add_parser(sub: Any) -> None:
    """Register the ``check`` sub-command on an argparse sub-parsers object."""
    p = sub.add_parser(
        "check",
        help="check reports (JSON, parse output, text/Markdown/HTML; files or folders): "
        "every 勾稽关系, located findings (exit 1 on errors)",
        description=(
            "Check reports against the rules of the catalogue (docs/rules.md). Reads JSON "
            "reports, the JSON that parse writes and published text, Markdown and HTML "
            "reports; files or folders of them. Exit status: 0 no error, 1 an error-severity "
            "finding, 2 unusable input."
        ),
    )
    p.add_argument(
        "files",
        nargs="+",
        metavar="PATH",
        help="a report (JSON, parse output, or published text/Markdown/HTML); a folder of "
        "them; - for stdin",
    )
    add_lang(p)
    _batch.add_check_options(p)
    p.add_argument(
        "--jobs",
        "-j",
        type=_batch.jobs,
        default=None,
        metavar="N",
        help="check as a batch on N processes (a folder is always a batch, on every core)",
    )
    p.add_argument(
        "--series",
        action="store_true",
        help="the files are one agency's reports over several years: run cross-year rules",
    )
    p.set_defaults(func=run)


def print_findings(findings: Findings, out: TextIO, locale: str, indent: str = "  ") -> None:
    """Print findings for humans: severity, code, path, location and message."""
    key = locale_key(locale)
    text = _TEXT[key]
    if not findings:
        print(f"{indent}{text['clean']}", file=out)
        return
    for f in findings:
        print(f"{indent}{f.severity.label(locale)} {f.code} {f.path}", file=out)
        print(f"{indent}  {f.message(locale)}", file=out)
    print(
        indent
        + text["summary"].format(
            n=len(findings),
            errors=len(findings.errors),
            warnings=len(findings.warnings),
            notices=len(findings.notices),
        ),
        file=out,
    )


def _is_batch(args: argparse.Namespace) -> bool:
    """Folders, ``--jobs``, or a batch format: the batch check of :mod:`._batch`."""
    return is_batch(args.files) or args.jobs is not None or args.format in ("jsonl", "csv")


def run(args: argparse.Namespace, out: TextIO) -> int:
    """The ``check`` sub-command; returns the exit status."""
    if _is_batch(args):
        if args.series or "-" in args.files:
            print(
                "govdisclosure check: --series and - (stdin) read files one by one: "
                "not with folders, --jobs, jsonl or csv",
                file=sys.stderr,
            )
            return 2
        batch = argparse.Namespace(
            paths=args.files,
            format=args.format,
            blank=args.blank,
            select=args.select,
            ignore=args.ignore,
            jobs=args.jobs,
            lang=args.lang,
        )
        return _batch.run_check(batch, out)
    try:
        locale_key(args.lang)
        policy = _batch.policy_of(args)
    except (KeyError, ValueError) as exc:
        print(f"govdisclosure check: {exc.args[0]}", file=sys.stderr)
        return 2
    key = locale_key(args.lang)
    reports: list[tuple[str, Report]] = []
    unusable: list[tuple[str, UnusableFile, list[dict[str, str | None]]]] = []
    for path in args.files:
        try:
            reports.append((path, read_report(path)))
        except UnusableFile as exc:
            problems = [
                {"path": p.path, "message": p.message, "label": p.label} for p in exc.problems
            ] or [{"path": "$", "message": exc.reason, "label": None}]
            unusable.append((path, exc, problems))
    results: list[tuple[str, Report, Findings]] = []
    if args.series and reports:
        try:
            series = check_series([r for _, r in reports], policy=policy)
        except ValueError as exc:
            print(f"govdisclosure check: {exc}", file=sys.stderr)
            return 2
        for path, r in reports:
            results.append((path, r, Findings(f for f in series if f.year == r.year)))
    else:
        results = [(path, r, check(r, policy=policy)) for path, r in reports]
    status = 2 if unusable else (0 if all(f.ok for _, _, f in results) else 1)
    if args.format == "json":
        document = {
            "ok": status == 0,
            "reports": [
                {"file": path, "agency": r.agency, "year": r.year, "edition": r.edition.value}
                | f.to_dict()
                for path, r, f in results
            ],
            "unusable": [{"file": path, "problems": problems} for path, _, problems in unusable],
        }
        print(json.dumps(document, ensure_ascii=False, indent=2), file=out)
    else:
        text = _TEXT[key]
        for path, r, findings in results:
            year = text["year"].format(year=r.year)
            print(f"{path}: {r.agency} {year} ({r.edition.value})", file=out)
            print_findings(findings, out, args.lang)
    for _, error, _ in unusable:
        say("check", error, args.lang)
    return status
