"""The first parse of a fresh process against the steady state, in fresh interpreters.

``benchmarks/bench_parse.py`` measures the first parse by emptying the reader's memos in a
running process. This script measures what a user of the command line meets: each round is a
fresh ``python -I`` that imports the reader, renders the bundled 2021 example
(``jianghe-2021``) in the format asked, then times (CPU time of the process) its first
``parse`` and the best of 20 more. The figures are the medians over the rounds of the first
parse, of the steady parse, and of their ratio, per format.

The first parse pays what no memo holds yet (the layouts' label matchers are built on first
use, labels are matched, the traditional-to-simplified converter is loaded); the import of
the modules is not part of it (``benchmarks/import_time.py`` measures that).

Run from the repository root::

    python benchmarks/parse_first.py              # 9 rounds
    python benchmarks/parse_first.py --runs 21
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys

_CHILD = """
import json, time
from govdisclosure import examples
from govdisclosure.parse import parse
from govdisclosure.rendering import render
source = render(examples.load("jianghe-2021"), {fmt!r})
clock = time.process_time
t = clock(); parse(source); first = clock() - t
steady = []
for _ in range(20):
    t = clock(); parse(source); steady.append(clock() - t)
print(json.dumps([first, min(steady)]))
"""


def one_round(fmt: str) -> tuple[float, float]:
    """The first parse and the best steady parse of one fresh interpreter (seconds)."""
    out = subprocess.run(
        [sys.executable, "-c", _CHILD.format(fmt=fmt)], capture_output=True, text=True, check=True
    ).stdout
    first, steady = json.loads(out)
    return float(first), float(steady)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=9, help="rounds (default 9)")
    args = parser.parse_args(argv)
    for fmt in ("text", "markdown", "html"):
        rounds = [one_round(fmt) for _ in range(args.runs)]
        first = statistics.median(f for f, _ in rounds)
        steady = statistics.median(s for _, s in rounds)
        ratio = statistics.median(f / s for f, s in rounds)
        print(
            f"{fmt:8} first {first * 1000:6.2f} ms, steady {steady * 1000:6.2f} ms, "
            f"first / steady {ratio:.2f} (median of {args.runs})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
