"""The ``govdisclosure`` command: one module per sub-command, registered here.

Sub-commands: ``demo`` (what the library does, on a bundled example), ``example NAME``
(a bundled report as JSON), ``schema`` (the JSON Schema), ``rows PATH...`` (reports' tables
as tidy CSV or JSON lines), ``check PATH...`` (the findings of the rules) and ``render PATH``
(text, Markdown or HTML), ``parse FILE|DIR...`` (published reports read into the model),
``aggregate PATH...`` (a government's summary from its parts), ``diff OLD NEW`` and
``audit PATH...`` (a page with charts, or a table, auditing a folder of reports).
Every command reads reports the same way (:mod:`govdisclosure.cli._files`): JSON reports,
the JSON ``parse`` writes, and published text, Markdown and HTML (every format
:mod:`govdisclosure.parse` reads); a file, a folder, or ``-`` for standard input. A bad file
is named in one voice, ``govdisclosure CMD: FILE: what is wrong``.
Exit status: 0 success, 1 ``check`` found an error-severity finding (or ``render --check``
refused to publish), 2 unusable input (the problems are printed with their paths), 3 an
internal error — a bug of govdisclosure: one line asks for a report, and ``--debug`` prints
the traceback. ``--version`` prints the version.

Each module (:mod:`.demo`, :mod:`.example`, :mod:`.schema`, :mod:`.rows`, :mod:`.check`,
:mod:`.render`, :mod:`.parse`, :mod:`.aggregate`, :mod:`.diff`, :mod:`.audit`) has
``add_parser(subparsers)`` and ``run(args, out) -> int``; a new command is a new module and
a line in :data:`COMMANDS`.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import traceback
from collections.abc import Sequence
from typing import TextIO

from govdisclosure.errors import StructureError

__all__ = ["COMMANDS", "INTERNAL_ERROR", "main"]

#: The sub-commands in the order ``--help`` lists them: each a module of this package.
COMMANDS = (
    "demo",
    "example",
    "schema",
    "render",
    "rows",
    "check",
    "parse",
    "aggregate",
    "diff",
    "audit",
)


def _parser() -> argparse.ArgumentParser:
    from govdisclosure import __version__

    parser = argparse.ArgumentParser(
        prog="govdisclosure",
        description=(
            "Model, check, render and read 政府信息公开工作年度报告. The commands that read "
            "reports take JSON reports, the JSON parse writes, and published text, Markdown "
            "and HTML reports: files or folders."
        ),
    )
    parser.add_argument("--version", action="version", version=f"govdisclosure {__version__}")
    debug = argparse.ArgumentParser(add_help=False)
    debug.add_argument(
        "--debug",
        action="store_true",
        default=argparse.SUPPRESS,
        help="on an internal error, print the traceback",
    )
    parser.add_argument(
        "--debug", action="store_true", help="on an internal error, print the traceback"
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for name in COMMANDS:
        importlib.import_module(f"govdisclosure.cli.{name}").add_parser(_WithParents(sub, debug))
    return parser


class _WithParents:
    """A sub-parsers object whose every sub-command also takes the common options."""

    def __init__(
        self,
        sub: argparse._SubParsersAction[argparse.ArgumentParser],
        parent: argparse.ArgumentParser,
    ) -> None:
        self._sub = sub
        self._parent = parent

    def add_parser(self, name: str, **kwargs: object) -> argparse.ArgumentParser:
        parents = [*kwargs.pop("parents", ()), self._parent]  # type: ignore[misc]
        return self._sub.add_parser(name, parents=parents, **kwargs)  # type: ignore[arg-type]


#: The exit status of an internal error (a bug of govdisclosure, not of the input).
INTERNAL_ERROR = 3


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
        _quiet_stderr()
        return 0
    except OSError as exc:
        print(f"govdisclosure: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug of ours: say so in one line, traceback on request
        return _internal_error(exc, bool(getattr(args, "debug", False)))


def _internal_error(exc: Exception, debug: bool) -> int:
    from govdisclosure import __version__

    err = sys.stderr
    if err is None:  # pragma: no cover - nowhere to say it
        return INTERNAL_ERROR
    if debug:
        traceback.print_exception(exc, file=err)
    what = f"{type(exc).__name__}: {exc}".splitlines()[0][:200]
    hint = "" if debug else "; run again with --debug for the traceback"
    print(
        f"govdisclosure: internal error ({what}) — a bug in govdisclosure {__version__}: "
        f"please report it with the command and its input{hint}",
        file=err,
    )
    return INTERNAL_ERROR


def _quiet_stderr() -> None:
    try:
        if sys.stderr is not None:
            sys.stderr.close()
    except OSError:  # pragma: no cover
        pass
