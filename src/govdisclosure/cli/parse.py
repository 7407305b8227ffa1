"""The ``parse`` sub-command, for :mod:`govdisclosure.cli` to register.

``govdisclosure parse FILE|DIR... [--format json|jsonl|text] [--check] [-o OUT]`` reads
published reports (text, Markdown or HTML; a directory is read for ``*.txt``, ``*.md``,
``*.htm``, ``*.html`` files, recursively) and prints one JSON report per input (JSON Lines
for several, or always with ``jsonl``), or a short text account. ``--check`` adds the
validation findings of :func:`govdisclosure.check`, located in the source. One unreadable
file never stops the run: it is reported with its path and reason. A summary (files, cells
read, blanks, findings by code) goes to standard error at the end. When standard error is a
terminal and there is a directory or more than one file, a progress bar runs there (tqdm's
when it is installed — ``pip install govdisclosure[progress]`` — a plain counter otherwise);
never when standard error is a file or a pipe. Exit status as ``check``:
0, 1 when a finding of severity error was found (with ``--check``), 2 when an input is
unusable.

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
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from govdisclosure.errors import GovDisclosureError
from govdisclosure.parse import Parsed, ParseSeverity, SourceMap, parse

__all__ = ["add_parser", "run"]

_SUFFIXES: tuple[str, ...] = (".txt", ".text", ".md", ".markdown", ".htm", ".html", ".shtml")
_SUFFIXES += (".pdf", ".docx", ".doc", ".wps")  # read by content: PDF and Word


def _files(inputs: list[str]) -> Iterator[Path]:
    for name in inputs:
        path = Path(name)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.suffix.lower() in _SUFFIXES)
        else:
            yield path


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
                self.bar = tqdm(total=total, file=sys.stderr, unit="file", leave=False)

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
    out: dict[str, Any] = {
        "file": str(path),
        "report": to_dict(parsed.report),
        "findings": smap_findings,
    }
    errors = False
    if check:
        from govdisclosure.rules import check as run_check

        checked = []
        for finding in run_check(parsed.report):
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
    paths = list(_files(args.inputs))
    many = len(paths) > 1 or any(Path(name).is_dir() for name in args.inputs)
    progress = _Progress(len(paths), _is_terminal(sys.stderr) and many)
    for i, path in enumerate(paths, 1):
        progress.step(i, path)
        try:
            data = path.read_bytes()
            parsed = parse(data)
        except (OSError, GovDisclosureError) as exc:
            progress.write(f"govdisclosure: {path}: {exc}")
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
    text = _format(records, args.format)
    if args.output:
        try:
            Path(args.output).write_text(text, encoding="utf-8")
        except OSError as exc:
            print(f"govdisclosure: {exc}", file=sys.stderr)
            return 2
    else:
        out.write(text)
    summary = ", ".join(f"{c} {n}" for c, n in sorted(codes.items()))
    print(
        f"files {files}/{len(paths)}, cells read {cells} ({blanks} blank or placeholder), "
        f"findings: {summary or 'none'}",
        file=sys.stderr,
    )
    return status


def _is_terminal(stream: Any) -> bool:
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty()) if callable(isatty) else False
    except (OSError, ValueError):  # a closed or detached stream
        return False


def _format(records: list[dict[str, Any]], fmt: str) -> str:
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
                where = f" line {f['line']}" if "line" in f else ""
                lines.append(f"  {f['code']}{where}: {f['message']['zh_CN']}")
        for f in r.get("check", ()):
            src = f["source"][0] if f["source"] else None
            where = f" line {src['line']}, column {src['column']}" if src else ""
            lines.append(f"  {f['code']}{where}: {f['message']['zh_CN']}")
    return "\n".join(lines) + ("\n" if lines else "")


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``parse`` with the sub-parsers of the ``govdisclosure`` command."""
    p = subparsers.add_parser(
        "parse",
        help="read published reports (text, Markdown, HTML) into JSON",
        description="Read published reports (text, Markdown or HTML) into the model.",
    )
    p.add_argument("inputs", nargs="+", metavar="FILE|DIR", help="files or directories")
    p.add_argument("--format", choices=("json", "jsonl", "text"), default="json")
    p.add_argument("--check", action="store_true", help="validate, with findings located")
    p.add_argument("-o", "--output", metavar="OUT", help="write to OUT instead of stdout")
    p.set_defaults(func=run)
