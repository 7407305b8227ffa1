"""``govdisclosure demo [NAME]``: what the library does, shown on a bundled example."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from govdisclosure import examples
from govdisclosure.io import from_json, to_json, to_rows
from govdisclosure.layout import layout_of
from govdisclosure.model import Report
from govdisclosure.rendering import render
from govdisclosure.rules import Severity, check

__all__ = ["add_parser", "run"]


def add_parser(sub: Any) -> None:
    """Register ``demo`` on an argparse sub-parsers object."""
    p = sub.add_parser("demo", help="show what the library does on a bundled example")
    p.add_argument("name", nargs="?", default="xianning-2015", choices=examples.names())
    p.set_defaults(func=run)


def _findings(report: Report, out: TextIO) -> None:
    """The demo's findings section: the example's findings in Chinese and English."""
    findings = check(report)
    print(f"\n== Findings (govdisclosure check): {len(findings)} ==", file=out)
    if not findings:
        print("  未发现问题 / no findings", file=out)
    for f in findings:
        print(f"  {f.severity.label()} {f.severity.value} {f.code} {f.path}", file=out)
        print(f"    {f.message()}", file=out)
        print(f"    {f.message('en')}", file=out)
    worst = findings.worst
    if worst is None or worst < Severity.ERROR:
        print("  (no error-severity finding: `govdisclosure check` exits 0)", file=out)


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
    tables = [t.label for t in layout_of(report.edition).tables if getattr(report, t.attribute)]
    if tables:
        print(f"  表格 tables: {' '.join(tables)}", file=out)
        if report.requests is not None:
            new = report.requests.new.total
            cell = layout_of(report.edition).cell("requests", "new.total")
            print(f"    {cell.label} (stated): {new}", file=out)
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


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Show what the library does on a bundled example; returns 0."""
    report = examples.load(args.name)
    print("== govdisclosure demo ==", file=out)
    print(f"Bundled examples: {', '.join(examples.names())}\n", file=out)
    _summary(report, out)
    text = to_json(report, indent=1)
    print(f"\n== JSON ({len(text.encode())} bytes; first lines) ==", file=out)
    print("\n".join(text.splitlines()[:12]) + "\n …", file=out)
    assert from_json(text) == report
    print("JSON round trip: identical", file=out)
    _findings(report, out)
    table_report = examples.load("jianghe-2021") if not report.edition.has_tables else report
    rows = to_rows(table_report)
    print(f"\n== Tidy rows of {table_report.title}: {len(rows)} cells; e.g. ==", file=out)
    for row in rows[:2] + rows[10:12]:
        print(f"  {row}", file=out)
    print("\n== The report rendered as text (govdisclosure render) ==\n", file=out)
    print(render(report, "text"), file=out)
    print(
        "\nMore: govdisclosure example NAME | schema | check FILE | rows FILE | "
        "render FILE --format html",
        file=out,
    )
    return 0
