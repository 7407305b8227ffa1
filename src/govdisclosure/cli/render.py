"""``govdisclosure render``: a report as publishable text, Markdown or HTML.

``govdisclosure render PATH [--format text|markdown|html] [--lang zh|zh_CN|en] [--check]
[-o OUT]`` prints a report in the chosen format, or writes it to ``OUT``. ``PATH`` is read as
every command reads it (:mod:`govdisclosure.cli._files`): a JSON report, the JSON ``parse``
writes, a published text, Markdown or HTML report, ``-`` for standard input, or a folder
holding one report. Unusable input is named on standard error
(``govdisclosure render: FILE: what is wrong``, then every problem) and exits with status 2,
nothing written. With ``--check`` a report with an error-severity finding is not
rendered: its findings go to standard error and the status is 1.

>>> import argparse, io
>>> parser = argparse.ArgumentParser(prog="govdisclosure")
>>> add_parser(parser.add_subparsers(dest="command"))
>>> args = parser.parse_args(["render", "report.json", "--format", "html", "--lang", "en"])
>>> args.format, args.lang, args.output, args.check
('html', 'en', None, False)
"""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from govdisclosure.cli._files import UnusableFile, find, is_batch, read_report, say
from govdisclosure.cli._messages import add_lang, print_unusable
from govdisclosure.model import Report
from govdisclosure.rendering import FORMATS, render

__all__ = ["add_parser", "run"]


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Carry out ``render`` with parsed arguments; returns the exit status."""
    try:
        report = _one_report(args.file)
    except UnusableFile as exc:
        say("render", exc, args.lang)
        return 2
    if args.check:
        from govdisclosure.cli.check import print_findings
        from govdisclosure.rules import check

        findings = check(report)
        if findings.errors:
            refused = (
                "有错误级别的问题，不予生成"
                if args.lang == "zh_CN"
                else "error-severity findings: not rendered"
            )
            print(f"govdisclosure render: {args.file}: {refused}", file=sys.stderr)
            print_findings(findings, sys.stderr, args.lang)
            return 1
    result = render(report, args.format, locale=args.lang)
    if args.output is None:
        out.write(result)
        return 0
    try:
        with open(args.output, "w", encoding="utf-8", newline="\n") as f:
            f.write(result)
    except OSError as exc:
        print_unusable("render", args.output, exc, args.lang, sys.stderr)
        return 2
    return 0


def _one_report(path: str) -> Report:
    """The report of a file, or of a folder that holds exactly one."""
    if not is_batch([path]):
        return read_report(path)
    found = find([path])
    if found.bad:
        raise found.bad[0]
    if len(found.files) != 1:
        raise UnusableFile(
            path, f"a folder of {len(found.files)} report files: render reads one report"
        )
    return read_report(found.files[0])


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``render`` with the sub-parsers of the ``govdisclosure`` command.

    The parsed namespace gets ``func=run``: call ``args.func(args, out)`` for the status.
    """
    p = subparsers.add_parser(
        "render",
        help="render a report (JSON, parse output, text/Markdown/HTML) as text, Markdown or HTML",
        description=(
            "Render a report as publishable text, Markdown or HTML. Reads a JSON report, the "
            "JSON that parse writes, or a published text, Markdown or HTML report (a file, a "
            "folder holding one, or - for standard input)."
        ),
    )
    p.add_argument(
        "file",
        metavar="PATH",
        help="a report (JSON, parse output, or published text/Markdown/HTML); - for stdin",
    )
    p.add_argument("--format", choices=FORMATS, default="text", help="output format (text)")
    add_lang(p)
    p.add_argument(
        "--check",
        action="store_true",
        help="refuse (exit 1) to render a report with error-severity findings",
    )
    p.add_argument(
        "-o", "--output", metavar="OUT", help="write to OUT (UTF-8) instead of standard output"
    )
    p.set_defaults(func=run)
