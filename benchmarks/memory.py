"""Memory held per report: 10,000 distinct reports from ``from_json``, under tracemalloc.

Issue 23's target: at most 16 KiB per full 2021 report held in memory.

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

The reader shares what recurs from report to report (``io._hooks``, "shared values": units,
fact keys, section titles and paths, the words of relations, the Decimals of literals of at
most 3 characters); the variants say what that is worth, and the breakdown counts what a
report shares with another report apart.

The variants measured:

- ``full``: the example as bundled, with varied counts (the issue's measure);
- ``full, fact values varied too``: also every fact's value is ``value + 1000 + i`` (4
  characters and more: no value's Decimal is shared);
- ``full, example's own counts``: unvaried, so its small counts come from the int cache;
- ``no facts``: varied counts, the 38 facts and 6 relations dropped;
- ``tables and header``: varied counts, also without preamble and sections (the narrative).

A rough breakdown of one report by field (``sys.getsizeof`` of every object it reaches and
does not share with another report read, allocator rounding excluded) follows.

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
from decimal import Decimal
from typing import Any

import attrs

import govdisclosure
from govdisclosure import examples

EXAMPLE = "jianghe-2021"
TARGET = 16 * 1024
TABLES = ("active", "requests", "reviews")


def vary(value: Any, offset: int) -> Any:
    """``value`` with ``offset`` added to every int inside it."""
    if value.__class__ is int:
        return value + offset
    if isinstance(value, dict):
        return {k: vary(v, offset) for k, v in value.items()}
    if isinstance(value, list):
        return [vary(v, offset) for v in value]
    return value


def varied(base: dict[str, Any], i: int) -> dict[str, Any]:
    """The JSON form of report ``i``: every table count is ``count + 1000 + i``."""
    data = dict(base)
    for name in TABLES:
        data[name] = vary(base[name], 1000 + i)
    return data


def varied_facts(base: dict[str, Any], i: int) -> dict[str, Any]:
    """As :func:`varied`, and every fact's value is ``value + 1000 + i`` too."""
    data = varied(base, i)
    data["facts"] = [
        {
            **f,
            "quantity": {**f["quantity"], "value": str(Decimal(f["quantity"]["value"]) + 1000 + i)},
        }
        for f in base["facts"]
    ]
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


def _reachable(obj: Any, seen: set[int]) -> None:
    """The ids of the objects reachable from ``obj`` through attrs fields and tuples."""
    if id(obj) in seen:
        return
    seen.add(id(obj))
    if attrs.has(type(obj)):
        for f in attrs.fields(type(obj)):
            _reachable(getattr(obj, f.name), seen)
    elif isinstance(obj, tuple):
        for item in obj:
            _reachable(item, seen)


def breakdown(report: govdisclosure.Report, other: govdisclosure.Report) -> dict[str, int]:
    """Bytes (``sys.getsizeof``) of the objects reachable from each field of ``report``,
    those it shares with ``other`` (another report read) counted apart."""
    shared: set[int] = set()
    _reachable(other, shared)
    seen: set[int] = {id(report)}
    sizes = {"Report object itself": sys.getsizeof(report)}
    shared_bytes = 0

    def walk(obj: Any) -> int:
        nonlocal shared_bytes
        if id(obj) in seen or obj is None or isinstance(obj, bool | enum.Enum):
            return 0
        if obj.__class__ is int and -5 <= obj <= 256:
            return 0
        seen.add(id(obj))
        if id(obj) in shared:
            shared_bytes += sys.getsizeof(obj)
            total = 0
        else:
            total = sys.getsizeof(obj)
        if attrs.has(type(obj)):
            total += sum(walk(getattr(obj, f.name)) for f in attrs.fields(type(obj)))
        elif isinstance(obj, tuple):
            total += sum(walk(item) for item in obj)
        return total

    for field in attrs.fields(govdisclosure.Report):
        sizes[field.name] = walk(getattr(report, field.name))
    sizes["(shared with other reports)"] = shared_bytes
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

    def full_values(i: int) -> bytes:
        return json.dumps(varied_facts(base, i), ensure_ascii=False).encode()

    def unvaried(i: int) -> bytes:
        return own

    def without_facts(i: int) -> bytes:
        return json.dumps(varied(no_facts, i), ensure_ascii=False).encode()

    def tables_and_header(i: int) -> bytes:
        return json.dumps(varied(header, i), ensure_ascii=False).encode()

    print(f"{EXAMPLE}: {args.n} reports held, tracemalloc (target <= {TARGET} bytes = 16 KiB)")
    for name, make in (
        ("full", full),
        ("full, fact values varied too", full_values),
        ("full, example's own counts", unvaried),
        ("no facts (no facts, no relations)", without_facts),
        ("tables and header (no narrative)", tables_and_header),
    ):
        per = bytes_per_report(make, args.n)
        verdict = "meets" if per <= TARGET else "misses"
        print(f"  {name:34s} {per:9.0f} bytes = {per / 1024:5.1f} KiB per report ({verdict})")

    sizes = breakdown(govdisclosure.from_json(full(0)), govdisclosure.from_json(full(1)))
    shared = sizes.pop("(shared with other reports)")
    print("\nbreakdown of one full report (sys.getsizeof, varied counts):")
    for name, size in sorted(sizes.items(), key=lambda item: -item[1]):
        if size:
            print(f"  {name:24s} {size:7d} bytes")
    print(f"  {'total':24s} {sum(sizes.values()):7d} bytes")
    print(f"  {'and shared with others':24s} {shared:7d} bytes (held once, by no report alone)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
