"""``govdisclosure example NAME``: a bundled report as JSON."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from govdisclosure import examples
from govdisclosure.io import to_json

__all__ = ["add_parser", "run"]


def add_parser(sub: Any) -> None:
    """Register ``example`` on an argparse sub-parsers object."""
    p = sub.add_parser("example", help="print a bundled example report as JSON")
    p.add_argument("name", choices=examples.names())
    p.set_defaults(func=run)


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Print the bundled report ``args.name`` as indented JSON; returns 0."""
    print(to_json(examples.load(args.name), indent=2), file=out)
    return 0
