"""The ``parse`` sub-command, for :mod:`govdisclosure.cli` to register.

``govdisclosure parse FILE|DIR... [--format json|jsonl|text] [--check] [--agency NAME]
[--year YEAR] [--lang zh|en] [-o OUT]`` reads published reports (text, Markdown or HTML —
every format a front end of :mod:`govdisclosure.parse` registers; a directory is read for
the suffixes they register, recursively) and prints one *parse record* per input (JSON Lines
for several, or always with ``jsonl``), or a short text account. The record is
``{"file", "report", "findings", "check"}``: ``report`` is the JSON form of the report, and
every command that reads reports reads the record as it reads the report (so ``parse a.txt
-o a.json && govdisclosure check a.json`` chains; ``-o OUT/``, a folder, writes one record
per page, named after it, a folder every command reads). ``--agency`` and ``--year``
override what the source says. ``--check`` adds the
validation findings of :func:`govdisclosure.check`, located in the source. One unreadable
file never stops the run: it is reported with its path and reason. A summary (files, cells
read, blanks, findings by code) goes to standard error at the end. When standard error is a
terminal and there is a directory or more than one file, a progress bar runs there (tqdm's
when it is installed — ``pip install govdisclosure[progress]`` — a plain counter otherwise);
never when standard error is a file or a pipe. Exit status as ``check``:
0, 1 when a finding of severity error was found (with ``--check``), 2 when an input is
unusable — missing, empty, or a source from which no report could be read (named on
standard error: ``govdisclosure parse: FILE: what is wrong``).

>>> import argparse
>>> parser = argparse.ArgumentParser(prog="govdisclosure")
>>> add_parser(parser.add_subparsers(dest="command"))
>>> args = parser.parse_args(["parse", "reports/", "--format", "jsonl", "--check"])
>>> args.inputs, args.format, args.check
(['reports/'], 'jsonl', True)
"""

from __future__ import annotations

import argparse
import importlib
import io
import json
import os
import sys
from pathlib import Path
from typing import Any, TextIO

from govdisclosure.analysis.batch import terminal_size
from govdisclosure.cli._files import Overrides, UnusableFile, find, parse_path, say
from govdisclosure.cli._messages import add_lang
from govdisclosure.parse import Parsed, ParseSeverity, SourceMap

__all__ = ["add_parser", "run"]


class _Progress:
    """A progress bar on standard error: tqdm's when installed, else a counter on one line;
    nothing at all when ``shown`` is false."""

    def __init__(self, total: int, shown: bool) -> None:
        self.total = total
        self.shown = shown
        self.bar: Any = None
        if shown:
            try:
                tqdm = importlib.import_module("tqdm").tqdm  # the optional extra "progress"
            except ImportError:
                self.bar = None
            else:
                columns, lines = terminal_size(sys.stderr)
                self.bar = tqdm(
                    total=total, file=sys.stderr, unit="file", ncols=columns, nrows=lines
                )

    def step(self, i: int, path: Path) -> None:
        """File ``i`` (from 1) of the total is ``path``."""
        if not self.shown:
            return
        if self.bar is not None:
            self.bar.set_postfix_str(path.name[:40], refresh=False)
            self.bar.update(1)
        else:
            print(f"\r{i}/{self.total} {path.name[:40]:<40}", end="", file=sys.stderr, flush=True)

    def write(self, message: str) -> None:
        """A line on standard error that does not break the bar."""
        if self.bar is not None:
            self.bar.write(message, file=sys.stderr)
        else:
            if self.shown:
                print("\r", end="", file=sys.stderr)
            print(message, file=sys.stderr)

    def unusable(self, exc: UnusableFile, locale: str) -> None:
        """An unusable file, in the one voice, without breaking the bar."""
        text = io.StringIO()
        say("parse", exc, locale, err=text)
        self.write(text.getvalue().rstrip("\n"))

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
        elif self.shown:
            print(file=sys.stderr)


def _record(path: Path, parsed: Parsed, check: bool) -> tuple[dict[str, Any], bool]:
    from govdisclosure.io.json import to_dict

    smap = SourceMap(parsed.text)
    smap_findings = [f.to_dict() for f in parsed.findings]
    for f, d in zip(parsed.findings, smap_findings, strict=True):
        if f.span is not None:
            d["line"] = smap.line_column(f.span.start)[0]
        origin = parsed.provenance.get(f.path) if f.path else None
        if origin is not None and origin.place is not None:
            d["page"] = origin.place.page
        elif f.span is not None and (page := parsed.page_at(f.span.start)) is not None:
            d["page"] = page
    out: dict[str, Any] = {
        "file": str(path),
        "report": to_dict(parsed.report),
        "findings": smap_findings,
    }
    errors = False
    if check:
        from govdisclosure.rules import check as run_check

        checked = []
        for finding in run_check(parsed):  # knowing what the page printed (its coverage)
            d = finding.to_dict()
            d["source"] = [o.to_dict() for o in parsed.locate(finding)]
            checked.append(d)
            errors = errors or d["severity"] == "error"
        out["check"] = checked
    return out, errors


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Carry out ``parse`` with parsed arguments; returns the exit status."""
    status = 0
    files = cells = blanks = 0
    codes: dict[str, int] = {}
    records: list[dict[str, Any]] = []
    found = find(args.inputs, published=True)
    paths = [Path(p) for p in found.files]
    for bad in found.bad:
        say("parse", bad, args.lang)
        status = 2
    many = len(paths) > 1 or any(Path(name).is_dir() for name in args.inputs)
    progress = _Progress(len(paths), _is_terminal(sys.stderr) and many)
    overrides = Overrides(agency=args.agency, year=args.year)
    for i, (name, path) in enumerate(zip(found.files, paths, strict=True), 1):
        progress.step(i, path)
        try:
            parsed = parse_path(name, overrides)
        except UnusableFile as exc:
            progress.unusable(exc, args.lang)
            status = 2
            continue
        files += 1
        record, errors = _record(path, parsed, args.check)
        if errors:
            status = max(status, 1)
        for f in parsed.findings:
            codes[f.code] = codes.get(f.code, 0) + 1
        for o_path, o in parsed.provenance.items():
            if o_path.startswith(("$.active", "$.requests", "$.reviews")):
                cells += 1
                blanks += not o.raw.strip() or o.raw.strip() in ("/", "-", "—", "无")
        records.append(record)
        if parsed.errors() and status == 0 and args.check:
            status = 1
    progress.close()
    if not _write(records, args, out):
        return 2
    summary = ", ".join(f"{c} {n}" for c, n in sorted(codes.items()))
    print(
        f"files {files}/{len(paths)}, cells read {cells} ({blanks} blank or placeholder), "
        f"findings: {summary or 'none'}",
        file=sys.stderr,
    )
    return status


def _write(records: list[dict[str, Any]], args: argparse.Namespace, out: TextIO) -> bool:
    """Write the records where ``-o`` says (a folder: one JSON record per page); whether it
    could be written."""
    output: str | None = args.output
    if not records:
        return True
    try:
        if output is not None and (output.endswith(("/", os.sep)) or Path(output).is_dir()):
            for record in records:
                target = Path(output) / _relative(Path(record["file"]), args.inputs)
                target = target.with_suffix(".json")
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(_format([record], "json"), encoding="utf-8")
        elif output is not None:
            Path(output).write_text(_format(records, args.format, args.lang), encoding="utf-8")
        else:
            out.write(_format(records, args.format, args.lang))
    except OSError as exc:
        say("parse", UnusableFile(output or "-", exc.strerror or str(exc)), args.lang)
        return False
    return True


def _relative(path: Path, inputs: list[str]) -> Path:
    """``path`` below the folder given on the command line that holds it (else its name)."""
    for name in inputs:
        root = Path(name)
        if root.is_dir() and path.is_relative_to(root):
            return path.relative_to(root)
    return Path(path.name)


def _is_terminal(stream: Any) -> bool:
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty()) if callable(isatty) else False
    except (OSError, ValueError):  # a closed or detached stream
        return False


def _format(records: list[dict[str, Any]], fmt: str, locale: str = "zh_CN") -> str:
    if fmt == "json" and len(records) == 1:
        return json.dumps(records[0], ensure_ascii=False, indent=2) + "\n"
    if fmt in ("json", "jsonl"):
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    lines = []
    for r in records:
        rep = r["report"]
        lines.append(f"{r['file']}: {rep['title']} ({rep['edition']}, {rep['year']})")
        for f in r["findings"]:
            if f["severity"] != ParseSeverity.INFO.value:
                lines.append(f"  {f['code']}{_where(f, locale)}: {_message(f, locale)}")
        for f in r.get("check", ()):
            src = f["source"][0] if f["source"] else {}
            lines.append(f"  {f['code']}{_where(src, locale)}: {_message(f, locale)}")
    return "\n".join(lines) + ("\n" if lines else "")


def _where(place: dict[str, Any], locale: str) -> str:
    """ " 第3页" for a place on a page (PDF), else " line 57" / " line 57, column 12"."""
    if "page" in place:
        return f" 第{place['page']}页" if locale == "zh_CN" else f" page {place['page']}"
    if "line" not in place:
        return ""
    column = f", column {place['column']}" if "column" in place else ""
    return f" line {place['line']}{column}"


def _message(finding: dict[str, Any], locale: str) -> str:
    messages = finding["message"]
    return str(messages.get(locale) or messages.get("zh_CN") or next(iter(messages.values())))


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``parse`` with the sub-parsers of the ``govdisclosure`` command."""
    p = subparsers.add_parser(
        "parse",
        help="read published reports (text, Markdown, HTML) into JSON the other commands read",
        description=(
            "Read published reports (text, Markdown, HTML: every format govdisclosure.parse "
            "reads) into the model: one record {file, report, findings, check} per file, "
            "which check, render, rows, aggregate and diff read as they read a report."
        ),
    )
    p.add_argument(
        "inputs",
        nargs="+",
        metavar="FILE|DIR",
        help="published reports, or folders of them (walked for the suffixes parse reads)",
    )
    p.add_argument("--format", choices=("json", "jsonl", "text"), default="json")
    p.add_argument("--check", action="store_true", help="validate, with findings located")
    p.add_argument("--agency", metavar="NAME", help="the agency (overrides what the source says)")
    p.add_argument(
        "--year", type=int, metavar="YEAR", help="the year (overrides what the source says)"
    )
    add_lang(p)
    p.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="write to OUT instead of stdout; a folder (OUT/): one JSON record per page, "
        "named after it, which every other command reads as a folder of reports",
    )
    p.set_defaults(func=run)
