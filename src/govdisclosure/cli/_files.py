"""Reading reports for the command line: every command reads the same things the same way.

A PATH is a report file or a folder of them (walked recursively, sorted); ``-`` is standard
input. A file is read by what it is:

- ``.json``: a report in the JSON form (:func:`~govdisclosure.from_json`), or the record
  ``govdisclosure parse`` writes — the *parse record*
  ``{"file": …, "report": {…}, "findings": […], "check": […]}``, whose ``report`` is read
  (problems are then located under ``$.report``);
- a suffix a front end of :mod:`govdisclosure.parse` registers (text, Markdown and HTML,
  and PDF or Word once their front ends are registered: :func:`report_suffixes` asks the
  registry): a published report, read by :func:`govdisclosure.parse.parse`;
- any other file named on the command line, and standard input: by its content (JSON when
  it starts with ``{``, a published report otherwise).

A folder is walked for the files of those suffixes; the others are counted as skipped.

Whatever goes wrong is an :class:`~govdisclosure.analysis.batch.UnusableFile` with the path
and what is wrong — no such file, a folder where a file was expected, an empty file, bytes
that are not text, JSON that does not parse, JSON that is not a report, a page from which no
report could be read — and :func:`say` prints it in the one voice of every command::

    govdisclosure CMD: FILE: what is wrong

>>> import io, tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> try:
...     read_report(str(folder / "nosuch.json"))
... except UnusableFile as exc:
...     say("check", exc, "en", err=io.StringIO()) or print(exc.reason)
no such file or folder
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Mapping
from typing import Any, Literal, TextIO

import attrs

from govdisclosure.analysis.batch import FileResult, UnusableFile
from govdisclosure.cli._messages import problem_line
from govdisclosure.errors import GovDisclosureError, Problem, StructureError
from govdisclosure.io import from_dict, from_json
from govdisclosure.io.json import within
from govdisclosure.model import Report
from govdisclosure.parse import Parsed, parse
from govdisclosure.parse import frontends as _frontends
from govdisclosure.rules import Policy, check

__all__ = [
    "PARSE_RECORD_KEYS",
    "CheckPath",
    "Found",
    "Overrides",
    "ReadPath",
    "UnusableFile",
    "find",
    "is_batch",
    "nothing_read",
    "parse_path",
    "read_bytes",
    "read_report",
    "report_suffixes",
    "say",
    "say_result",
]

#: The keys of the record ``govdisclosure parse`` writes for one file (``report`` required).
PARSE_RECORD_KEYS = ("file", "report", "findings", "check")


def report_suffixes() -> dict[str, str]:
    """Every suffix a command reads, and how: ``"json"`` or the name of the parse front end.

    >>> s = report_suffixes()
    >>> s[".json"], s[".txt"], s[".html"]
    ('json', 'text', 'html')
    """
    return {".json": "json", **_frontends.suffixes()}


def _suffix(path: str) -> str:
    return os.path.splitext(path)[1].lower()


# --------------------------------------------------------------------------- bytes


def read_bytes(path: str) -> bytes:
    """The bytes of the file at ``path`` (``-``: standard input); :class:`UnusableFile`
    saying why they cannot be read."""
    if path == "-":
        stdin = sys.stdin
        if stdin is None or stdin.closed:
            raise UnusableFile(path, "standard input is closed")
        buffer = getattr(stdin, "buffer", None)
        data = buffer.read() if buffer is not None else stdin.read()
        return data if isinstance(data, bytes) else data.encode("utf-8")
    if os.path.isdir(path):
        raise UnusableFile(path, "a folder, not a report file")
    try:
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError:
        raise UnusableFile(path, "no such file or folder") from None
    except OSError as exc:
        raise UnusableFile(path, exc.strerror or str(exc)) from None


# --------------------------------------------------------------------------- reports


@attrs.frozen
class Overrides:
    """What ``--agency`` and ``--year`` say of published reports (``None``: what they say)."""

    agency: str | None = None
    year: int | None = None


def _looks_like_json(data: bytes) -> bool:
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    return head in (b"{", b"[")


def read_report(path: str, overrides: Overrides | None = None) -> Report:
    """The report in the file at ``path``: JSON, a parse record or a published report.

    Raises :class:`UnusableFile` (``reason``; ``problems`` where a JSON path says where).
    """
    data = read_bytes(path)
    if not data.strip():
        raise UnusableFile(path, "the file is empty")
    how = report_suffixes().get(_suffix(path)) if path != "-" else None
    if how == "json" or (how is None and _looks_like_json(data)):
        return _from_json(path, data)
    return _published(path, data, how, overrides or Overrides())


def _from_json(path: str, data: bytes) -> Report:
    value = None
    if b'"report"' in data and _looks_like_json(data):  # perhaps a parse record
        try:
            value = json.loads(data)
        except (ValueError, RecursionError):
            value = None  # from_json says what is wrong, and where
    try:
        if isinstance(value, dict) and "report" in value:
            return _from_record(value)
        return from_json(data)
    except StructureError as exc:
        raise _structure(path, exc) from None


def _from_record(record: Mapping[str, Any]) -> Report:
    """The report of a parse record (its other keys are what parse said of it)."""
    unknown = [k for k in record if k not in PARSE_RECORD_KEYS]
    if unknown:
        expected = ", ".join(PARSE_RECORD_KEYS)
        raise StructureError(
            [Problem(f"$.{k}", f"unknown key (expected one of: {expected})") for k in unknown]
        )
    try:
        return from_dict(record["report"])
    except StructureError as exc:
        raise StructureError(
            [Problem(within("$.report", p.path), p.message, p.label) for p in exc.problems]
        ) from None


def _structure(path: str, exc: StructureError) -> UnusableFile:
    problems = exc.problems
    if len(problems) == 1 and problems[0].path == "$":
        return UnusableFile(path, problems[0].message)
    return UnusableFile(path, "not a report", problems)


def nothing_read(parsed: Parsed) -> str | None:
    """Why no report could be read from a published source (``None``: one was)."""
    r = parsed.report
    tables = any(getattr(r, t) is not None for t in ("active", "requests", "reviews"))
    if r.sections or r.facts or tables:
        return None
    said = "; ".join(f.message("en") for f in parsed.findings if f.severity.value != "info")
    return "no report could be read from it" + (f" ({said[:300]})" if said else "")


def parse_path(path: str, overrides: Overrides | None = None) -> Parsed:
    """The published report at ``path`` parsed, with its findings and provenance;
    :class:`UnusableFile` when the file cannot be read or holds no report."""
    data = read_bytes(path)
    if not data.strip():
        raise UnusableFile(path, "the file is empty")
    how = report_suffixes().get(_suffix(path)) if path != "-" else None
    if how == "json":
        raise UnusableFile(
            path, "a JSON report, not a published one: the other commands read it as it is"
        )
    return _parse(path, data, how, overrides or Overrides())


def _parse(path: str, data: bytes, how: str | None, o: Overrides) -> Parsed:
    try:
        parsed = parse(data, format=how or "auto", agency=o.agency, year=o.year)
    except GovDisclosureError as exc:
        raise UnusableFile(path, f"not a report: {exc}") from None
    why = nothing_read(parsed)
    if why is not None:
        raise UnusableFile(path, why)
    return parsed


def _published(path: str, data: bytes, how: str | None, o: Overrides) -> Report:
    return _parse(path, data, how, o).report


# --------------------------------------------------------------------------- folders


@attrs.frozen
class Found:
    """The report files under the given paths, those that cannot be (missing paths, folders
    named like reports), and how many other files were skipped."""

    files: tuple[str, ...]
    bad: tuple[UnusableFile, ...]
    skipped: int


def find(paths: Iterable[str], *, published: bool = False) -> Found:
    """The files to read for ``paths``: a file (or ``-``) as given, a folder walked for the
    :func:`report_suffixes` (``published=True``: only those :mod:`govdisclosure.parse`
    reads, not ``.json``)."""
    known = _frontends.suffixes() if published else report_suffixes()
    files: list[str] = []
    bad: list[UnusableFile] = []
    skipped = 0
    for root in paths:
        if root == "-" or os.path.isfile(root):
            files.append(root)
            continue
        if not os.path.isdir(root):
            bad.append(UnusableFile(root, "no such file or folder"))
            continue
        before = (len(files), len(bad))
        for folder, dirs, names in os.walk(root):
            dirs.sort()
            bad += [
                UnusableFile(os.path.join(folder, d), "a folder, not a report file")
                for d in dirs
                if _suffix(d) in known
            ]
            for name in sorted(names):
                if _suffix(name) in known:
                    files.append(os.path.join(folder, name))
                else:
                    skipped += 1
        if (len(files), len(bad)) == before:
            what = "published report file" if published else "report file"
            bad.append(UnusableFile(root, f"no {what} in this folder"))
    return Found(tuple(files), tuple(bad), skipped)


def is_batch(paths: Iterable[str]) -> bool:
    """Whether any path is a folder."""
    return any(p != "-" and os.path.isdir(p) for p in paths)


# --------------------------------------------------------------------------- workers


@attrs.frozen
class ReadPath:
    """``ReadPath(overrides)(path)``: the report, or the :class:`UnusableFile` (one bad file
    never stops a batch; picklable, for worker processes)."""

    overrides: Overrides = Overrides()

    def __call__(self, path: str) -> Report | UnusableFile:
        try:
            return read_report(path, self.overrides)
        except UnusableFile as exc:
            return exc


@attrs.frozen
class CheckPath:
    """``CheckPath(policy)(path)``: the file read and checked, as a
    :class:`~govdisclosure.analysis.batch.FileResult` (never raises for a bad file)."""

    policy: Policy | None = None
    overrides: Overrides = Overrides()

    def __call__(self, path: str) -> FileResult:
        try:
            report = read_report(path, self.overrides)
        except UnusableFile as exc:
            return FileResult(path, "unusable", reason=exc.reason, problems=exc.problems)
        findings = check(report, policy=self.policy)
        status: Literal["ok", "findings"] = "ok" if findings.ok else "findings"
        return FileResult(path, status, report.agency, report.year, report.edition.value, findings)


# --------------------------------------------------------------------------- the one voice

_ZH_REASONS = {
    "no such file or folder": "没有这个文件或文件夹",
    "a folder, not a report file": "是文件夹，不是报告文件",
    "the file is empty": "文件是空的",
    "standard input is closed": "标准输入已关闭",
    "not a report": "不是报告",
    "Permission denied": "没有读取权限",
    "no report file in this folder": "文件夹中没有报告文件",
    "no published report file in this folder": "文件夹中没有已发布的报告文件",
}


def _reason(reason: str, locale: str) -> str:
    if locale != "zh_CN":
        return reason
    if reason in _ZH_REASONS:
        return _ZH_REASONS[reason]
    if reason.startswith("no report could be read from it"):
        return "读不出报告" + reason.removeprefix("no report could be read from it")
    return problem_line(Problem("$", reason), locale).removeprefix("$：")


def say(command: str, exc: UnusableFile, locale: str, err: TextIO | None = None) -> None:
    """Print an unusable file in the one voice: ``govdisclosure CMD: FILE: what is wrong``,
    then (indented) every problem with its JSON path."""
    stream = sys.stderr if err is None else err
    name = exc.path
    if name == "-":
        name = "标准输入" if locale == "zh_CN" else "standard input"
    what = _reason(exc.reason, locale)
    if exc.problems:
        word = "无法使用的输入 (unusable input)" if locale == "zh_CN" else "unusable input"
        what = f"{word}: {what}" if exc.reason != "not a report" else word
    lines = [f"govdisclosure {command}: {name}: {what}"]
    if exc.problems:
        n = len(exc.problems)
        head = (
            f"输入有 {n} 个问题："
            if locale == "zh_CN"
            else f"{n} problem{'s' if n != 1 else ''} in the input:"
        )
        lines += [head, *(f"  {problem_line(p, locale)}" for p in exc.problems)]
    print("\n".join(lines), file=stream)


def say_result(command: str, result: FileResult, locale: str) -> None:
    """:func:`say` for a batch's unusable :class:`FileResult`."""
    say(command, UnusableFile(result.path, result.reason or "", result.problems), locale)
