"""``govdisclosure check DIR --jobs 2`` against ``--jobs 1``, with a control loop beside it.

The issue's target: two jobs at least 1.7x as fast as one on CPU-bound work. On a machine
shared with other work the second core is not always free, so every round also runs a
*control loop*: a pure-CPU function (no I/O, nothing to import, a few bytes to pickle) over
as many items as there are files, through the same :func:`~govdisclosure.analysis.batch.map_files`
pool the same way. Its ratio is what the machine allowed at that moment; the check's ratio is
read against it (``efficiency`` = check ratio / control ratio). The CPU seconds of each
run (the command and every worker it started) are compared too: ``cpu2/1``, what two jobs
spend over what one spends, is the cost of the distribution (workers' own warm-up and
caches, pickling) plus what sharing the machine costs — the control's ``cpu2/1`` is the
latter alone.

The folder: ``-n`` reports drawn from ``strategies.reports()`` (derandomised: the same
reports every run, every edition), written half as JSON (``to_json``) and half as published
text (``render(report, "text")``: ``check`` parses those, the costly half). Each round runs,
interleaved, the control with 1 and 2 jobs and ``check DIR --jobs 1`` and ``--jobs 2``
(in this process, through ``govdisclosure.cli.main``, output to a buffer). The load
average is printed next to every round.

Run from the repository root::

    python benchmarks/jobs.py                # 300 files, 5 rounds
    python benchmarks/jobs.py -n 400 --rounds 7 --kind text
"""

from __future__ import annotations

import argparse
import os
import pathlib
import resource
import statistics
import subprocess
import sys
import tempfile
import time

from govdisclosure import render, to_json
from govdisclosure.analysis.batch import map_files
from govdisclosure.model import Report

sys.path.insert(0, os.path.dirname(__file__))
from bench_analysis import generate


def write_folder(root: pathlib.Path, reports: list[Report], kind: str) -> int:
    """Write the reports under ``root`` (``json``, ``text`` or ``mixed``); how many files."""
    for i, report in enumerate(reports):
        as_text = kind == "text" or (kind == "mixed" and i % 2 == 1)
        if as_text:
            text = render(report, "text")
            assert isinstance(text, str)
            (root / f"{i:04d}.txt").write_text(text, encoding="utf-8")
        else:
            (root / f"{i:04d}.json").write_text(to_json(report), encoding="utf-8")
    return len(reports)


def spin(n: int) -> int:
    """The control: pure CPU, nothing read, an int in and an int out."""
    total = 0
    for i in range(n):
        total = (total * 31 + i) % 1_000_003
    return total


def control(loop: int, items: int, jobs: int) -> None:
    """``spin(loop)`` over ``items`` items through ``map_files`` on ``jobs`` processes."""
    for _ in map_files(spin, [loop] * items, jobs=jobs):
        pass


PYTHON = sys.executable
ENV = {
    **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
    "PYTHONPATH": os.pathsep.join(p for p in sys.path if p),
}
"""The commands run as an installed package runs: with compiled bytecode (kept in a
temporary folder, ``PYTHONPYCACHEPREFIX``), so that starting one costs what it costs a user."""


def _run(command: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds (the process and every worker it started) of ``command``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{command} exited with {done.returncode}: {done.stderr.decode()}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def check_command(root: str, jobs: int) -> list[str]:
    return [PYTHON, "-m", "govdisclosure", "check", root, "--jobs", str(jobs), "--format", "jsonl"]


def control_command(loop: int, items: int, jobs: int) -> list[str]:
    return [PYTHON, __file__, "--control", str(loop), str(items), str(jobs)]


def _calibrate(root: str, files: int) -> int:
    """Loop length of ``spin`` whose time is about that of checking one file (one job)."""
    _run(check_command(root, 1))  # compiles the bytecode
    _, cpu = _run(check_command(root, 1))
    _, idle = _run([PYTHON, "-c", "import govdisclosure.cli, govdisclosure.analysis.batch"])
    per_file = max(cpu - idle, 0.001) / files
    probe = 200_000
    start = time.process_time()
    spin(probe)
    per_probe = time.process_time() - start
    return max(1000, int(probe * per_file / per_probe))


def _load() -> str:
    return "/".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=300, help="report files (default 300)")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--kind", choices=("mixed", "json", "text"), default="mixed")
    parser.add_argument("--control", nargs=3, type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.control:
        control(*args.control)
        return
    reports = generate(args.n)
    with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryDirectory() as cache:
        ENV["PYTHONPYCACHEPREFIX"] = cache
        root = pathlib.Path(tmp)
        files = write_folder(root, reports, args.kind)
        loop = _calibrate(str(root), files)
        print(f"{files} files ({args.kind}); control: spin({loop}) per file; load {_load()}")
        print(
            "round | control 1j    2j  ratio  cpu2/1 | check 1j    2j  ratio  cpu2/1 "
            "| eff.  load 1/5/15"
        )
        got: dict[str, list[float]] = {
            "control": [],
            "check": [],
            "efficiency": [],
            "control cpu": [],
            "check cpu": [],
        }
        for r in range(args.rounds):
            c1, ccpu1 = _run(control_command(loop, files, 1))
            k1, kcpu1 = _run(check_command(str(root), 1))
            c2, ccpu2 = _run(control_command(loop, files, 2))
            k2, kcpu2 = _run(check_command(str(root), 2))
            ratio_control, ratio_check = c1 / c2, k1 / k2
            got["control"].append(ratio_control)
            got["check"].append(ratio_check)
            got["efficiency"].append(ratio_check / ratio_control)
            got["control cpu"].append(ccpu2 / ccpu1)
            got["check cpu"].append(kcpu2 / kcpu1)
            print(
                f"{r + 1:>5} | {c1:8.2f}s {c2:5.2f}s {ratio_control:5.2f}x {ccpu2 / ccpu1:6.2f}"
                f"  | {k1:6.2f}s {k2:5.2f}s {ratio_check:5.2f}x {kcpu2 / kcpu1:6.2f}  | "
                f"{ratio_check / ratio_control:4.2f}  {_load()}"
            )
        for name, values in got.items():
            print(
                f"{name:>10}: min {min(values):.2f}  median {statistics.median(values):.2f}  "
                f"max {max(values):.2f}"
            )


if __name__ == "__main__":
    main()
