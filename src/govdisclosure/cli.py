"""The ``govdisclosure`` command.

Sub-commands: ``demo`` (what the library does, on a bundled example), ``example NAME``
(a bundled report as JSON), ``schema`` (the JSON Schema), ``rows FILE`` (a report's
tables as tidy CSV or JSON lines) and ``check FILE...`` (the findings of the rules).
Files are JSON reports; ``-`` reads standard input. Exit status: 0 success, 1 ``check``
found an error-severity finding, 2 unusable input (the problems are printed with their
paths).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Sequence
from typing import TextIO

from govdisclosure import examples
from govdisclosure._files import read_report
from govdisclosure.errors import StructureError
from govdisclosure.io import from_json, json_schema, to_json, to_rows
from govdisclosure.model import Report
from govdisclosure.rules._cli import add_check_parser, demo_findings

__all__ = ["main"]


def _summary(report: Report, out: TextIO) -> None:
    print(f"{report.title}", file=out)
    print(f"  机关 agency: {report.agency}   年度 year: {report.year}", file=out)
    print(f"  版本 edition: {report.edition.value}", file=out)
    if report.metadata and report.metadata.published:
        print(f"  发布日期 published: {report.metadata.published.isoformat()}", file=out)
    if report.signature:
        date = report.signature.date.isoformat() if report.signature.date else "—"
        print(f"  落款 signed: {report.signature.agency}, {date}", file=out)
    if report.period:
        print(f"  统计期限 period: {report.period.start} – {report.period.end}", file=out)
    print(f"  章节 sections: {len(report.sections)}", file=out)
    for s in report.sections:
        print(f"    {s.ordinal}. {s.title} ({len(s.paragraphs)} paragraphs)", file=out)
    tables = [
        n for n, t in (("二", report.active), ("三", report.requests), ("四", report.reviews)) if t
    ]
    if tables:
        print(f"  表格 tables: {' '.join('表' + n for n in tables)}", file=out)
        if report.requests is not None:
            new = report.requests.new.total
            print(f"    表三 本年新收申请 (stated total): {new}", file=out)
    if report.facts:
        print(f"  数字 facts stated in the text: {len(report.facts)}", file=out)
        for fact in report.facts[:8]:
            q = fact.quantity
            exact = f" = {q.amount.yuan}元" if q.is_money else ""
            print(f"    {fact.label}: {fact.text}{exact}", file=out)
        if len(report.facts) > 8:
            print(f"    … and {len(report.facts) - 8} more", file=out)
    if report.relations:
        print(f"  关系 relations the text states: {len(report.relations)}", file=out)


def _demo(args: argparse.Namespace, out: TextIO) -> int:
    report = examples.load(args.name)
    print("== govdisclosure demo ==", file=out)
    print(f"Bundled examples: {', '.join(examples.names())}\n", file=out)
    _summary(report, out)
    text = to_json(report, indent=1)
    print(f"\n== JSON ({len(text.encode())} bytes; first lines) ==", file=out)
    print("\n".join(text.splitlines()[:12]) + "\n …", file=out)
    assert from_json(text) == report
    print("JSON round trip: identical", file=out)
    demo_findings(report, out)
    table_report = examples.load("jianghe-2021") if not report.edition.has_tables else report
    rows = to_rows(table_report)
    print(f"\n== Tidy rows of {table_report.title}: {len(rows)} cells; e.g. ==", file=out)
    for row in rows[:2] + rows[10:12]:
        print(f"  {row}", file=out)
    from govdisclosure.rendering import render

    print("\n== The report rendered as text (govdisclosure render) ==\n", file=out)
    print(render(report, "text"), file=out)
    print(
        "\nMore: govdisclosure example NAME | schema | check FILE | rows FILE | "
        "render FILE --format html",
        file=out,
    )
    return 0


def _example(args: argparse.Namespace, out: TextIO) -> int:
    print(to_json(examples.load(args.name), indent=2), file=out)
    return 0


def _schema(args: argparse.Namespace, out: TextIO) -> int:
    print(json.dumps(json_schema(), ensure_ascii=False, indent=2), file=out)
    return 0


def _rows(args: argparse.Namespace, out: TextIO) -> int:
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


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="govdisclosure",
        description="Model, check and render 政府信息公开工作年度报告.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("demo", help="show what the library does on a bundled example")
    p.add_argument("name", nargs="?", default="xianning-2015", choices=examples.names())
    p.set_defaults(func=_demo)
    p = sub.add_parser("example", help="print a bundled example report as JSON")
    p.add_argument("name", choices=examples.names())
    p.set_defaults(func=_example)
    p = sub.add_parser("schema", help="print the JSON Schema of the report format")
    p.set_defaults(func=_schema)
    from govdisclosure.rendering import _cli as render_cli

    render_cli.add_parser(sub)
    p = sub.add_parser("rows", help="print the tables of JSON reports as tidy rows")
    p.add_argument("files", nargs="+", metavar="FILE", help="JSON report; - for stdin")
    p.add_argument("--format", choices=("csv", "jsonl"), default="csv")
    p.set_defaults(func=_rows)
    add_check_parser(sub)
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
