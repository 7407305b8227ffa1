"""Batch processing: walk a folder of reports, read and check them on every core.

The library's functions are pure and picklable, so a batch is a map over files: each worker
reads one file (through the reader its suffix selects) and checks it, and one bad file never
stops the batch — it comes back as a :class:`FileResult` with its path and the reason.

Readers are chosen by suffix from a mapping (:data:`READERS`): ``.json`` reads the JSON form;
every suffix a front end of :mod:`govdisclosure.parse` registers (``.txt``, ``.md``,
``.html``, …: :func:`govdisclosure.parse.frontends.suffixes`) is a published report read by
:func:`govdisclosure.parse.parse`. Pass ``readers=`` to use your own (any function of the
file's bytes and path that returns a report).

>>> from govdisclosure import examples, to_json
>>> import pathlib, tempfile
>>> root = pathlib.Path(tempfile.mkdtemp())
>>> _ = (root / "a.json").write_text(to_json(examples.load("jianghe-2021")), encoding="utf-8")
>>> _ = (root / "b.json").write_text("{", encoding="utf-8")
>>> found = discover(str(root))
>>> [pathlib.Path(p).name for p in found.files]
['a.json', 'b.json']
>>> [(pathlib.Path(r.path).name, r.status) for r in check_files(found.files, jobs=1)]
[('a.json', 'ok'), ('b.json', 'unusable')]
"""

from __future__ import annotations

import importlib
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from types import MappingProxyType
from typing import Any, Literal, TextIO, TypeVar

import attrs

from govdisclosure.errors import GovDisclosureError, ParseError, Problem, StructureError
from govdisclosure.io import from_json
from govdisclosure.model import Report
from govdisclosure.parse import Parsed, frontends, parse
from govdisclosure.rules import Findings, Policy, check

__all__ = [
    "READERS",
    "Discovery",
    "FileResult",
    "Progress",
    "UnusableFile",
    "check_file",
    "check_files",
    "default_jobs",
    "discover",
    "map_files",
    "read_file",
    "read_files",
    "terminal_size",
]

Reader = Callable[[bytes, str], Report]
"""A reader: the file's bytes and its path → a :class:`~govdisclosure.model.Report`."""


class UnusableFile(GovDisclosureError, ValueError):
    """A file cannot be read as a report; ``reason`` says why, ``problems`` where."""

    def __init__(self, path: str, reason: str, problems: Sequence[Problem] = ()) -> None:
        self.path = path
        self.reason = reason
        self.problems = tuple(problems)
        super().__init__(f"{path}: {reason}")

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.path, self.reason, self.problems))


def _read_json(data: bytes, path: str) -> Report:
    if not data.strip():
        raise UnusableFile(path, "the file is empty")
    return from_json(data)


def parse_published(data: bytes, path: str) -> Parsed:
    """A published page (every format :mod:`govdisclosure.parse` registers), read through
    :func:`govdisclosure.parse.parse` with its findings (any common encoding; what it could
    not read is in its findings). Raises :class:`UnusableFile` for an empty file and for a
    page from which no report could be read."""
    if not data.strip():
        raise UnusableFile(path, "the file is empty")
    try:
        parsed = parse(data, format=frontends.suffixes().get(_suffix(path), "auto"))
    except ParseError as exc:
        raise UnusableFile(path, f"not a report: {exc}") from None
    report = parsed.report
    tables = (report.active, report.requests, report.reviews)
    if not report.agency.strip() and not report.sections and all(t is None for t in tables):
        said = "; ".join(f.message("en") for f in parsed.findings if f.severity.value != "info")[
            :300
        ]
        raise UnusableFile(path, "no report could be read from it" + (f" ({said})" if said else ""))
    return parsed


def _read_published(data: bytes, path: str) -> Report:
    """The report of a published page (:func:`parse_published`)."""
    return parse_published(data, path).report


READERS: Mapping[str, Reader] = MappingProxyType(
    {".json": _read_json, **dict.fromkeys(frontends.suffixes(), _read_published)}
)
"""The default readers by lower-case suffix (the suffixes of the parse front ends
registered when this module is imported)."""


def _suffix(path: str) -> str:
    return os.path.splitext(path)[1].lower()


@attrs.frozen
class FileResult:
    """What a batch made of one file.

    ``status`` is ``"ok"`` (no finding of severity error), ``"findings"`` (at least one) or
    ``"unusable"`` (the file could not be read as a report: ``reason`` and ``problems`` say
    why and where).
    """

    path: str
    status: Literal["ok", "findings", "unusable"]
    agency: str | None = None
    year: int | None = None
    edition: str | None = None
    findings: Findings = attrs.field(factory=Findings)
    reason: str | None = None
    problems: tuple[Problem, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form."""
        out: dict[str, Any] = {
            "file": self.path,
            "status": self.status,
            "agency": self.agency,
            "year": self.year,
            "edition": self.edition,
        }
        if self.status == "unusable":
            out["reason"] = self.reason
            out["problems"] = [
                {"path": p.path, "message": p.message, "label": p.label} for p in self.problems
            ]
        else:
            out |= self.findings.to_dict()
        return out


@attrs.frozen
class Discovery:
    """The report files found under a folder, the entries named like reports that are not
    files (reported as unusable), and how many other files were skipped."""

    files: tuple[str, ...]
    bad: tuple[FileResult, ...]
    skipped: int


def discover(root: str, *, readers: Mapping[str, Reader] = READERS) -> Discovery:
    """Every file under ``root`` (recursively, sorted) whose suffix has a reader.

    A directory named like a report (``2021.json/``) is reported as unusable; files with
    other suffixes are counted as skipped. ``root`` may also be a single file.
    """
    if os.path.isfile(root):
        return Discovery((root,), (), 0)
    if not os.path.isdir(root):
        return Discovery((), (FileResult(root, "unusable", reason="no such file or folder"),), 0)
    files: list[str] = []
    bad: list[FileResult] = []
    skipped = 0
    for folder, dirs, names in os.walk(root):
        dirs.sort()
        for d in dirs:
            if _suffix(d) in readers:
                path = os.path.join(folder, d)
                bad.append(FileResult(path, "unusable", reason="a folder, not a report file"))
        for name in sorted(names):
            path = os.path.join(folder, name)
            if _suffix(name) in readers:
                files.append(path)
            else:
                skipped += 1
    return Discovery(tuple(files), tuple(bad), skipped)


def _read_bytes(path: str, *, missing: str | None = None) -> bytes:
    """The bytes of the file at ``path``; :class:`UnusableFile` when it cannot be read (with
    the reason ``missing`` for a file that is not there, when given)."""
    try:
        with open(path, "rb") as f:
            return f.read()
    except IsADirectoryError:
        raise UnusableFile(path, "a folder, not a report file") from None
    except FileNotFoundError as exc:
        raise UnusableFile(path, missing or exc.strerror or str(exc)) from None
    except OSError as exc:
        raise UnusableFile(path, exc.strerror or str(exc)) from None


def read_file(path: str, *, readers: Mapping[str, Reader] = READERS) -> Report:
    """The report in the file at ``path``; :class:`UnusableFile` says why when it cannot."""
    reader = readers.get(_suffix(path))
    if reader is None:
        known = ", ".join(sorted(readers))
        raise UnusableFile(
            path, f"no reader for {_suffix(path) or 'files without a suffix'} (known: {known})"
        )
    data = _read_bytes(path)
    try:
        return reader(data, path)
    except StructureError as exc:
        first = exc.problems[0].message if exc.problems else str(exc)
        raise UnusableFile(path, f"not a report: {first}", exc.problems) from None


def _unusable(path: str, exc: BaseException) -> FileResult:
    if isinstance(exc, UnusableFile):
        return FileResult(path, "unusable", reason=exc.reason, problems=exc.problems)
    return FileResult(path, "unusable", reason=f"internal error ({type(exc).__name__}: {exc})")


def check_file(
    path: str, *, policy: Policy | None = None, readers: Mapping[str, Reader] = READERS
) -> FileResult:
    """Read and check one file; never raises for a bad file (see :class:`FileResult`)."""
    try:
        report = read_file(path, readers=readers)
        findings = check(report, policy=policy)
    except Exception as exc:  # one bad file never stops the batch
        return _unusable(path, exc)
    return FileResult(
        path,
        "ok" if findings.ok else "findings",
        report.agency,
        report.year,
        report.edition.value,
        findings,
    )


def _read_or_error(path: str, readers: Mapping[str, Reader]) -> Report | FileResult:
    try:
        return read_file(path, readers=readers)
    except Exception as exc:  # one bad file never stops the batch
        return _unusable(path, exc)


# --------------------------------------------------------------------------- running


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


class Progress:
    """A progress bar on a stream, shown only when the stream is a terminal.

    Uses tqdm when it is installed (the ``progress`` extra), a plain counter otherwise.
    """

    def __init__(self, total: int, stream: TextIO | None = None, *, label: str = "") -> None:
        self.total = total
        self.done = 0
        self.stream = sys.stderr if stream is None else stream
        self.label = label
        self.enabled = bool(getattr(self.stream, "isatty", lambda: False)())
        self._bar: Any = None
        if self.enabled:
            try:
                tqdm = importlib.import_module("tqdm")
            except ImportError:
                tqdm = None
            if tqdm is not None:
                self._bar = tqdm.tqdm(
                    total=total,
                    file=self.stream,
                    desc=label,
                    unit="file",
                    ncols=terminal_size(self.stream)[0],
                    nrows=terminal_size(self.stream)[1],
                )

    def update(self, n: int = 1) -> None:
        """Count ``n`` more files done."""
        self.done += n
        if not self.enabled:
            return
        if self._bar is not None:
            self._bar.update(n)
        elif self.done == self.total or self.done % 50 == 0:
            self.stream.write(f"\r{self.label} {self.done}/{self.total}")
            self.stream.flush()

    def close(self) -> None:
        """Finish the bar (a new line on the terminal)."""
        if not self.enabled:
            return
        if self._bar is not None:
            self._bar.close()
        else:
            self.stream.write("\n")
            self.stream.flush()


def terminal_size(stream: Any) -> tuple[int, int]:
    """The columns and lines of the terminal ``stream`` writes to; 80 by 24 where it does not
    say (a new pseudo-terminal reports 0 by 0, on which tqdm would draw nothing at all).
    ``COLUMNS`` and ``LINES`` stand in for a size the terminal does not report."""
    try:
        size = os.get_terminal_size(stream.fileno())
        columns, lines = size.columns, size.lines
    except (AttributeError, OSError, ValueError):
        columns = lines = 0
    return (
        columns if columns > 0 else _from_environment("COLUMNS", 80),
        lines if lines > 0 else _from_environment("LINES", 24),
    )


def _from_environment(name: str, default: int) -> int:
    try:
        value = int(os.environ.get(name, "0"))
    except ValueError:
        value = 0
    return value if value > 0 else default


T = TypeVar("T")
U = TypeVar("U")


def _context(fn: Any = None) -> Any:
    """How workers start: forked on Linux while this process has a single thread (cheap, and
    safe then); otherwise from a fork server that has imported this module and the module of
    ``fn`` (each worker forked from it then has them: none imports them again), or spawned.

    A progress bar's monitor thread (tqdm's, on a terminal) is such a second thread."""
    methods = multiprocessing.get_all_start_methods()
    if sys.platform == "linux" and "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        module = getattr(getattr(fn, "func", fn), "__module__", None)  # a partial's function
        preload = ["govdisclosure.analysis.batch"]
        if isinstance(module, str) and module not in ("__main__", *preload):
            preload.append(module)
        ctx.set_forkserver_preload(preload)
        return ctx
    return multiprocessing.get_context("spawn")  # pragma: no cover - Windows


def _chunk(items: int, jobs: int) -> int:
    """How many items a task carries: about 16 tasks per process, at most 32 items each.

    A process takes its next task when it is done with one, so the run ends at most one
    task after the work runs out: small tasks keep the processes busy to the end (a file
    takes milliseconds to read and check, a task's round trip a fraction of one).

    >>> _chunk(300, 2), _chunk(20, 2), _chunk(100_000, 2)
    (9, 1, 32)
    """
    return max(1, min(32, items // (jobs * 16)))


def map_files(
    fn: Callable[[T], U],
    items: Sequence[T],
    *,
    jobs: int | None = None,
    progress: Progress | None = None,
    chunksize: int | None = None,
) -> Iterator[U]:
    """``fn`` over ``items`` on ``jobs`` processes (default: every core), in order.

    ``jobs=1`` runs in this process. ``fn`` must be picklable (a module-level function or a
    :func:`functools.partial` of one). Items go to the processes ``chunksize`` at a time
    (by default a few, :func:`_chunk`).
    """
    n = default_jobs() if jobs is None else jobs
    if n < 1:
        raise ValueError(f"jobs must be at least 1, got {n}")
    if n == 1 or len(items) <= 1:
        for item in items:
            yield fn(item)
            if progress is not None:
                progress.update()
        return
    size = chunksize or _chunk(len(items), n)
    with ProcessPoolExecutor(max_workers=n, mp_context=_context(fn)) as pool:
        for result in pool.map(fn, items, chunksize=size):
            yield result
            if progress is not None:
                progress.update()


class _Checker:
    """A picklable ``check_file`` with its options bound."""

    def __init__(self, policy: Policy | None, readers: Mapping[str, Reader]) -> None:
        self.policy = policy
        self.readers = dict(readers)

    def __call__(self, path: str) -> FileResult:
        return check_file(path, policy=self.policy, readers=self.readers)


class _ReaderFn:
    def __init__(self, readers: Mapping[str, Reader]) -> None:
        self.readers = dict(readers)

    def __call__(self, path: str) -> Report | FileResult:
        return _read_or_error(path, self.readers)


def check_files(
    paths: Iterable[str],
    *,
    jobs: int | None = None,
    policy: Policy | None = None,
    readers: Mapping[str, Reader] = READERS,
    progress: Progress | None = None,
) -> Iterator[FileResult]:
    """Check every file on ``jobs`` processes; one :class:`FileResult` per path, in order."""
    return map_files(_Checker(policy, readers), list(paths), jobs=jobs, progress=progress)


def read_files(
    paths: Iterable[str],
    *,
    jobs: int | None = None,
    readers: Mapping[str, Reader] = READERS,
    progress: Progress | None = None,
) -> Iterator[tuple[str, Report | FileResult]]:
    """Read every file on ``jobs`` processes: (path, report) or (path, the unusable result)."""
    items = list(paths)
    results = map_files(_ReaderFn(readers), items, jobs=jobs, progress=progress)
    return zip(items, results, strict=True)
