"""``govdisclosure rows PATH...``: the tables of reports as tidy CSV or JSON lines.

Reports are read as every command reads them (:mod:`govdisclosure.cli._files`): JSON, the
JSON ``parse`` writes, published text, Markdown and HTML; files, folders, ``-``. Every row
carries ``agency``, ``year`` and ``edition`` (:func:`~govdisclosure.to_rows` with
``with_report=True``). Counts are integers; amounts are printed in plain notation with their
printed precision (``20.30``; a JSON string in ``jsonl``, as in the JSON form). A legacy report
gives its facts (``source`` ``fact``): the CSV then has the fact columns too. A file that
cannot be read is reported on standard error (``govdisclosure rows: FILE: what is wrong``),
and the others are still written; the status is then 2. When no file could be read, nothing
is written.
"""

from __future__ import annotations

import argparse
import csv
import json
from decimal import Decimal
from typing import Any, TextIO

from govdisclosure.cli._files import UnusableFile, find, read_report, say
from govdisclosure.cli._messages import add_lang
from govdisclosure.io import to_rows

__all__ = ["CELL_FIELDS", "FACT_FIELDS", "add_parser", "run"]

#: The CSV columns of table cells, in order.
CELL_FIELDS = (
    "agency",
    "year",
    "edition",
    "source",
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
    p = sub.add_parser(
        "rows",
        help="print the tables of reports (JSON, parse output, text/Markdown/HTML) as tidy rows",
        description=(
            "The tables of reports as tidy CSV or JSON lines, one row per cell. Reads JSON "
            "reports, the JSON that parse writes and published text, Markdown and HTML "
            "reports; files or folders of them."
        ),
    )
    p.add_argument(
        "files",
        nargs="+",
        metavar="PATH",
        help="a report (JSON, parse output, or published text/Markdown/HTML), a folder; - stdin",
    )
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
    found = find(args.files)
    for bad in found.bad:
        say("rows", bad, args.lang)
        status = 2
    read = 0
    for path in found.files:
        try:
            rows += [_plain(r) for r in to_rows(read_report(path), with_report=True)]
            read += 1
        except UnusableFile as exc:
            say("rows", exc, args.lang)
            status = 2
    if not read:
        return 2
    if args.format == "jsonl":
        for row in rows:
            print(json.dumps(row, ensure_ascii=False), file=out)
    else:
        fields = list(CELL_FIELDS)
        if any(r["source"] == "fact" for r in rows):
            fields += FACT_FIELDS
        writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return status
