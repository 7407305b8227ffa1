"""``govdisclosure schema``: the JSON Schema of the report format."""

from __future__ import annotations

import argparse
import json
from typing import Any, TextIO

from govdisclosure.io import json_schema

__all__ = ["add_parser", "run"]


def add_parser(sub: Any) -> None:
    """Register ``schema`` on an argparse sub-parsers object."""
    p = sub.add_parser("schema", help="print the JSON Schema of the report format")
    p.set_defaults(func=run)


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Print the schema; returns 0."""
    print(json.dumps(json_schema(), ensure_ascii=False, indent=2), file=out)
    return 0
