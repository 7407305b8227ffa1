"""Memory held per report: 10,000 distinct reports from ``from_json``, under tracemalloc.

The issue's target: at most 10 KiB per full 2021 report object held in memory.

Method: the bundled 2021 example (``examples.load("jianghe-2021")``) is turned into its JSON
form once. For report *i* of *N* every count cell of its tables (表二, 表三, 表四, extension
rows included) is replaced by ``cell + 1000 + i``: every count is then a distinct ``int``
above CPython's small-int cache (-5…256), in every report, so no report shares an ``int``
with another or with the cache. (Strings, Decimals and dates are never shared between
reports anyway: ``json.loads`` makes new objects for every document.) Each varied document is
serialised and parsed with ``govdisclosure.from_json``; the reports are kept in a list
allocated before tracing starts. The figure is the growth of tracemalloc's traced memory
after a ``gc.collect()``, divided by *N*: everything the reports keep alive and nothing
else (the JSON text and the decoded dicts are freed as the loop goes).

Three variants are measured:

- ``full``: the example as bundled, with varied counts (the issue's measure);
- ``full, example's own counts``: unvaried, so its small counts come from the int cache;
- ``no facts``: varied counts, the 38 facts and 6 relations dropped;
- ``tables and header``: varied counts, also without preamble and sections (the narrative).

A rough breakdown of one report by field (``sys.getsizeof`` of every object it reaches,
allocator rounding excluded) follows.

Run from the repository root::

    python benchmarks/memory.py          # N = 10000
    python benchmarks/memory.py -n 2000
"""

from __future__ import annotations

import argparse
import enum
import gc
import json
import sys
import tracemalloc
from collections.abc import Callable
from typing import Any

import attrs

import govdisclosure
from govdisclosure import examples

EXAMPLE = "jianghe-2021"
TARGET = 10 * 1024
TABLES = ("active", "requests", "reviews")


def _vary(value: Any, offset: int) -> Any:
    """``value`` with ``offset`` added to every int inside it."""
    if value.__class__ is int:
        return value + offset
    if isinstance(value, dict):
        return {k: _vary(v, offset) for k, v in value.items()}
    if isinstance(value, list):
        return [_vary(v, offset) for v in value]
    return value


def varied(base: dict[str, Any], i: int) -> dict[str, Any]:
    """The JSON form of report ``i``: every table count is ``count + 1000 + i``."""
    data = dict(base)
    for name in TABLES:
        data[name] = _vary(base[name], 1000 + i)
    return data


def bytes_per_report(make: Callable[[int], bytes], n: int) -> float:
    """Traced memory kept per report after parsing ``make(i)`` for i < n."""
    for i in range(3):  # warm-up: converters, caches, interned names
        govdisclosure.from_json(make(i))
    reports: list[govdisclosure.Report | None] = [None] * n
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for i in range(n):
            reports[i] = govdisclosure.from_json(make(i))
        gc.collect()
        after = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert len({id(r) for r in reports}) == n
    return (after - before) / n


def breakdown(report: govdisclosure.Report) -> dict[str, int]:
    """Bytes (``sys.getsizeof``) of the objects reachable from each field of ``report``."""
    seen: set[int] = {id(report)}
    sizes = {"Report object itself": sys.getsizeof(report)}

    def walk(obj: Any) -> int:
        if id(obj) in seen or obj is None or isinstance(obj, bool | enum.Enum):
            return 0
        if obj.__class__ is int and -5 <= obj <= 256:
            return 0
        seen.add(id(obj))
        total = sys.getsizeof(obj)
        if attrs.has(type(obj)):
            total += sum(walk(getattr(obj, f.name)) for f in attrs.fields(type(obj)))
        elif isinstance(obj, tuple):
            total += sum(walk(item) for item in obj)
        return total

    for field in attrs.fields(govdisclosure.Report):
        sizes[field.name] = walk(getattr(report, field.name))
    return sizes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=10_000, help="reports (default 10000)")
    args = parser.parse_args(argv)

    base = govdisclosure.to_dict(examples.load(EXAMPLE))
    no_facts = {**base, "facts": [], "relations": []}
    header = {**no_facts, "preamble": [], "sections": []}
    own = json.dumps(base, ensure_ascii=False).encode()

    def full(i: int) -> bytes:
        return json.dumps(varied(base, i), ensure_ascii=False).encode()

    def unvaried(i: int) -> bytes:
        return own

    def without_facts(i: int) -> bytes:
        return json.dumps(varied(no_facts, i), ensure_ascii=False).encode()

    def tables_and_header(i: int) -> bytes:
        return json.dumps(varied(header, i), ensure_ascii=False).encode()

    print(f"{EXAMPLE}: {args.n} reports held, tracemalloc (target <= {TARGET} bytes = 10 KiB)")
    for name, make in (
        ("full", full),
        ("full, example's own counts", unvaried),
        ("no facts (no facts, no relations)", without_facts),
        ("tables and header (no narrative)", tables_and_header),
    ):
        per = bytes_per_report(make, args.n)
        verdict = "meets" if per <= TARGET else "misses"
        print(f"  {name:34s} {per:9.0f} bytes = {per / 1024:5.1f} KiB per report ({verdict})")

    sample = govdisclosure.from_json(full(0))
    sizes = breakdown(sample)
    print("\nbreakdown of one full report (sys.getsizeof, varied counts):")
    for name, size in sorted(sizes.items(), key=lambda item: -item[1]):
        if size:
            print(f"  {name:24s} {size:7d} bytes")
    print(f"  {'total':24s} {sum(sizes.values()):7d} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
