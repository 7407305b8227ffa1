"""The ``govdisclosure`` command: one module per sub-command, registered here.

Sub-commands: ``demo`` (what the library does, on a bundled example), ``example NAME``
(a bundled report as JSON), ``schema`` (the JSON Schema), ``rows FILE`` (a report's
tables as tidy CSV or JSON lines), ``check FILE...`` (the findings of the rules) and
``render FILE`` (text, Markdown or HTML), ``parse FILE|DIR...`` (published reports read into
the model). Files are JSON reports (``parse`` reads text, Markdown and HTML); ``-`` reads
standard input.
Exit status: 0 success, 1 ``check`` found an error-severity finding, 2 unusable input (the
problems are printed with their paths).

Each module (:mod:`.demo`, :mod:`.example`, :mod:`.schema`, :mod:`.rows`, :mod:`.check`,
:mod:`.render`, :mod:`.parse`) has ``add_parser(subparsers)`` and ``run(args, out) -> int``;
a new command is a new module and a line in :data:`COMMANDS`.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import TextIO

from govdisclosure.errors import StructureError

__all__ = ["COMMANDS", "main"]

#: The sub-commands in the order ``--help`` lists them: each a module of this package.
COMMANDS = ("demo", "example", "schema", "render", "rows", "check", "parse")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="govdisclosure",
        description="Model, check and render 政府信息公开工作年度报告.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for name in COMMANDS:
        importlib.import_module(f"govdisclosure.cli.{name}").add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    stream = sys.stdout if out is None else out
    try:
        return int(args.func(args, stream))
    except StructureError as exc:
        print(f"govdisclosure: unusable input\n{exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # the reader went away (| head): not an error of ours
        sys.stderr.close()
        return 0
    except OSError as exc:
        print(f"govdisclosure: {exc}", file=sys.stderr)
        return 2
