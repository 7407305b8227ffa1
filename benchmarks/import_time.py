"""Import time of ``govdisclosure`` against its own dependencies, in fresh interpreters.

The issue's target: ``import govdisclosure`` (without hypothesis) takes at most 1.3x the time
of ``import attrs, cattrs, babel.numbers``.

Method: subprocess wall time. Each statement runs as ``python -I -c STATEMENT`` in a fresh
interpreter (the same one running this script); the runs of the three statements are
interleaved round by round so that a slow spell of the machine hits all of them alike. The
import time of a statement is the median of its runs minus the median of a bare
``python -I -c pass`` (interpreter start-up, ``site`` and the editable install's ``.pth``
included in the baseline). Two warm-up rounds are discarded (they write ``.pyc`` files).

Run from the repository root::

    python benchmarks/import_time.py            # 21 rounds
    python benchmarks/import_time.py --runs 51
    python benchmarks/import_time.py --detail   # also the slowest modules (-X importtime)
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

STATEMENTS = {
    "baseline": "pass",
    "govdisclosure": "import govdisclosure",
    "attrs, cattrs, babel.numbers": "import attrs, cattrs, babel.numbers",
    # The public face imports each room on first use: what the first use of the model and of
    # the JSON reader cost, for comparison with the eager import of earlier versions.
    "govdisclosure; gd.Report": "import govdisclosure as gd; gd.Report",
    "govdisclosure; gd.from_json": "import govdisclosure as gd; gd.from_json",
}
TARGET = 1.3


def wall_time(statement: str) -> float:
    """Seconds for a fresh interpreter to run ``statement`` and exit."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-I", "-c", statement], check=True)
    return time.perf_counter() - start


def check_no_hypothesis() -> None:
    """``import govdisclosure`` must not import hypothesis (or pydantic, or the benchmarks)."""
    code = (
        "import sys, govdisclosure\n"
        "bad = sorted(m for m in ('hypothesis', 'pydantic') if m in sys.modules)\n"
        "print(', '.join(bad), file=sys.stderr)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-I", "-c", code], capture_output=True, text=True)
    if result.returncode:
        sys.exit(f"import govdisclosure also imported: {result.stderr.strip()}")


def slowest_modules(statement: str, count: int = 12) -> list[tuple[int, int, str]]:
    """The modules with the largest self time under ``-X importtime`` (µs, cumulative, name)."""
    result = subprocess.run(
        [sys.executable, "-I", "-X", "importtime", "-c", statement],
        capture_output=True,
        text=True,
        check=True,
    )
    rows = []
    for line in result.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, cumulative_us, name = line[len("import time:") :].split("|")
        rows.append((int(self_us), int(cumulative_us), name.rstrip()))
    return sorted(rows, reverse=True)[:count]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=21, help="rounds (>= 10; default 21)")
    parser.add_argument("--detail", action="store_true", help="show the slowest modules")
    args = parser.parse_args(argv)
    if args.runs < 10:
        parser.error("--runs must be at least 10")

    check_no_hypothesis()
    times: dict[str, list[float]] = {name: [] for name in STATEMENTS}
    for round_ in range(args.runs + 2):
        for name, statement in STATEMENTS.items():
            elapsed = wall_time(statement)
            if round_ >= 2:
                times[name].append(elapsed)

    medians = {name: statistics.median(values) for name, values in times.items()}
    base = medians["baseline"]
    net = {name: medians[name] - base for name in STATEMENTS if name != "baseline"}
    ours, ref = net["govdisclosure"], net["attrs, cattrs, babel.numbers"]
    ratio = ours / ref

    print(f"python {sys.version.split()[0]}, {args.runs} runs each, median wall time")
    print(f"  {'python -I -c pass':40s} {base * 1e3:8.1f} ms  (baseline)")
    for name in net:
        raw = medians[name] * 1e3
        print(f"  {'import ' + name:40s} {raw:8.1f} ms  -> {net[name] * 1e3:6.1f} ms net")
    for name in ("govdisclosure; gd.Report", "govdisclosure; gd.from_json"):
        print(f"  first use ({name}) / (attrs, cattrs, babel.numbers): {net[name] / ref:.2f}")
    print(f"ratio govdisclosure / (attrs, cattrs, babel.numbers): {ratio:.2f} (target <= {TARGET})")

    if args.detail:
        for statement in ("import govdisclosure", "import attrs, cattrs, babel.numbers"):
            print(f"\nlargest self times, {statement} (-X importtime, µs):")
            for self_us, cumulative_us, name in slowest_modules(statement):
                print(f"  {self_us:7d} self {cumulative_us:7d} cumulative  {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
