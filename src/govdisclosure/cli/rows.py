"""``govdisclosure rows FILE...``: the tables of JSON reports as tidy CSV or JSON lines.

Every row carries ``agency``, ``year`` and ``edition`` (:func:`~govdisclosure.to_rows` with
``with_report=True``). Counts are integers; amounts are printed in plain notation with their
printed precision (``20.30``; a JSON string in ``jsonl``, as in the JSON form). A legacy report
gives its facts (``kind`` ``fact``): the CSV then has the fact columns too. A file that cannot
be read is reported on standard error, named, and the others are still written; the status
is then 2.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from decimal import Decimal
from typing import Any, TextIO

from govdisclosure.cli._files import read_report
from govdisclosure.cli._messages import add_lang, print_unusable
from govdisclosure.errors import StructureError
from govdisclosure.io import to_rows

__all__ = ["CELL_FIELDS", "FACT_FIELDS", "add_parser", "run"]

#: The CSV columns of table cells, in order.
CELL_FIELDS = (
    "agency",
    "year",
    "edition",
    "kind",
    "path",
    "table",
    "row",
    "column",
    "value",
    "unit",
)
#: The columns added when a fact row is written.
FACT_FIELDS = ("key", "label", "qualifier", "location")


def add_parser(sub: Any) -> None:
    """Register ``rows`` on an argparse sub-parsers object."""
    p = sub.add_parser("rows", help="print the tables of JSON reports as tidy rows")
    p.add_argument("files", nargs="+", metavar="FILE", help="JSON report; - for stdin")
    p.add_argument("--format", choices=("csv", "jsonl"), default="csv")
    add_lang(p)
    p.set_defaults(func=run)


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    value = row["value"]
    if isinstance(value, Decimal):
        return {**row, "value": format(value, "f")}
    return row


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Print the tables of the reports as CSV or JSON lines; 0, or 2 if a file was unusable."""
    rows: list[dict[str, Any]] = []
    status = 0
    for path in args.files:
        try:
            rows += [_plain(r) for r in to_rows(read_report(path), with_report=True)]
        except (StructureError, OSError) as exc:
            print_unusable("rows", path, exc, args.lang, sys.stderr)
            status = 2
    if args.format == "jsonl":
        for row in rows:
            print(json.dumps(row, ensure_ascii=False), file=out)
    else:
        fields = list(CELL_FIELDS)
        if any(r["kind"] == "fact" for r in rows):
            fields += FACT_FIELDS
        writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return status
