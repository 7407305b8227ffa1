"""``govdisclosure rows FILE...``: the tables of JSON reports as tidy CSV or JSON lines."""

from __future__ import annotations

import argparse
import csv
import json
from typing import Any, TextIO

from govdisclosure.cli._files import read_report
from govdisclosure.io import to_rows

__all__ = ["add_parser", "run"]


def add_parser(sub: Any) -> None:
    """Register ``rows`` on an argparse sub-parsers object."""
    p = sub.add_parser("rows", help="print the tables of JSON reports as tidy rows")
    p.add_argument("files", nargs="+", metavar="FILE", help="JSON report; - for stdin")
    p.add_argument("--format", choices=("csv", "jsonl"), default="csv")
    p.set_defaults(func=run)


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Print the tables of the reports as CSV or JSON lines; returns 0."""
    rows = []
    for path in args.files:
        rows += to_rows(read_report(path), with_report=True)
    if args.format == "jsonl":
        for row in rows:
            print(json.dumps(row, ensure_ascii=False), file=out)
    else:
        fields = ["agency", "year", "edition", "table", "row", "column", "value", "unit"]
        writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return 0
