"""``govdisclosure render``: a JSON report as publishable text, Markdown or HTML.

``govdisclosure render FILE [--format text|markdown|html] [--lang zh|en] [-o OUT]`` prints
a JSON report (``-`` reads standard input) in the chosen format, or writes it to ``OUT``.
Unusable input prints every problem to standard error and exits with status 2.

>>> import argparse, io
>>> parser = argparse.ArgumentParser(prog="govdisclosure")
>>> add_parser(parser.add_subparsers(dest="command"))
>>> args = parser.parse_args(["render", "report.json", "--format", "html", "--lang", "en"])
>>> args.format, args.lang, args.output
('html', 'en', None)
"""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from govdisclosure.cli._files import read_report
from govdisclosure.errors import StructureError
from govdisclosure.rendering import FORMATS, render

__all__ = ["add_parser", "run"]

_LOCALES = {"zh": "zh_CN", "en": "en"}


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Carry out ``render`` with parsed arguments; returns the exit status."""
    try:
        report = read_report(args.file)
    except StructureError as exc:
        print(f"govdisclosure: unusable input\n{exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"govdisclosure: {exc}", file=sys.stderr)
        return 2
    result = render(report, args.format, locale=_LOCALES[args.lang])
    if args.output is None:
        out.write(result)
        return 0
    try:
        with open(args.output, "w", encoding="utf-8", newline="\n") as f:
            f.write(result)
    except OSError as exc:
        print(f"govdisclosure: {exc}", file=sys.stderr)
        return 2
    return 0


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``render`` with the sub-parsers of the ``govdisclosure`` command.

    The parsed namespace gets ``func=run``: call ``args.func(args, out)`` for the status.
    """
    p = subparsers.add_parser(
        "render",
        help="render a JSON report as text, Markdown or HTML",
        description="Render a JSON report as publishable text, Markdown or HTML.",
    )
    p.add_argument("file", metavar="FILE", help="JSON report; - for standard input")
    p.add_argument("--format", choices=FORMATS, default="text", help="output format (text)")
    p.add_argument(
        "--lang", choices=tuple(_LOCALES), default="zh", help="language of the labels (zh)"
    )
    p.add_argument(
        "-o", "--output", metavar="OUT", help="write to OUT (UTF-8) instead of standard output"
    )
    p.set_defaults(func=run)
