"""``govdisclosure render``: a report as publishable text, Markdown, HTML, Word or PDF.

``govdisclosure render PATH [--format text|markdown|html|docx|pdf] [--lang zh|zh_CN|en]
[--check] [-o OUT]`` prints a report in the chosen format, or writes it to ``OUT``. ``PATH``
is read as every command reads it (:mod:`govdisclosure.cli._files`): a JSON report, the JSON
``parse`` writes, a published text, Markdown or HTML report, ``-`` for standard input, or a
folder holding one report. Unusable input is named on standard error
(``govdisclosure render: FILE: what is wrong``, then every problem) and exits with status 2,
nothing written. With ``--check`` a report with an error-severity finding is not
rendered: its findings go to standard error and the status is 1. Word and PDF are bytes: they
go to ``OUT`` or down a pipe, never to a terminal (status 2, as for a missing extra or font).

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
from govdisclosure.rendering import BINARY_FORMATS, FORMATS, render

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
    if args.format in BINARY_FORMATS:
        return _binary(args, report, out)
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


def _binary(args: argparse.Namespace, report: Report, out: TextIO) -> int:
    """Render as Word or PDF to ``OUT``, or to ``out`` when it is not a terminal."""
    from govdisclosure.rendering import FontNotFoundError, MissingExtraError

    zh = args.lang == "zh_CN"
    if args.output is None and out.isatty():
        refused = (
            f"不向终端输出二进制的 {args.format} 文件：请用 -o 文件名，或接管道"
            if zh
            else f"will not write a binary {args.format} file to a terminal: use -o OUT or a pipe"
        )
        print(f"govdisclosure render: {refused}", file=sys.stderr)
        return 2
    try:
        data = render(report, args.format, locale=args.lang)
    except (FontNotFoundError, MissingExtraError) as exc:
        print(f"govdisclosure render: {exc}", file=sys.stderr)
        return 2
    if args.output is None:
        out.flush()
        out.buffer.write(data)
        out.buffer.flush()
        return 0
    try:
        with open(args.output, "wb") as f:
            f.write(data)
    except OSError as exc:
        print_unusable("render", args.output, exc, args.lang, sys.stderr)
        return 2
    return 0


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``render`` with the sub-parsers of the ``govdisclosure`` command.

    The parsed namespace gets ``func=run``: call ``args.func(args, out)`` for the status.
    """
    p = subparsers.add_parser(
        "render",
        help="render a report (JSON, parse output, text/Markdown/HTML) as text, Markdown, "
        "HTML, Word or PDF",
        description=(
            "Render a report as publishable text, Markdown or HTML, or as a Word file or a PDF "
            "in the official 公文 layout. Reads a JSON report, the JSON that parse writes, or a "
            "published text, Markdown or HTML report (a file, a folder holding one, or - for "
            "standard input)."
        ),
    )
    p.add_argument(
        "file",
        metavar="PATH",
        help="a report (JSON, parse output, or published text/Markdown/HTML); - for stdin",
    )
    p.add_argument(
        "--format", choices=FORMATS + BINARY_FORMATS, default="text", help="output format (text)"
    )
    add_lang(p)
    p.add_argument(
        "--check",
        action="store_true",
        help="refuse (exit 1) to render a report with error-severity findings",
    )
    p.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="write to OUT (text formats in UTF-8) instead of standard output",
    )
    p.set_defaults(func=run)
