"""Collect ``bench_*.py`` when pytest is pointed at this directory.

The project's ``testpaths`` leave ``benchmarks/`` out, so ``python -m pytest`` from the
repository root never runs the benchmarks. Pointed here explicitly —
``python -m pytest benchmarks --benchmark-only`` — pytest reads this file and collects the
``bench_*.py`` modules too, although ``python_files`` only names ``test_*.py``. (A file given
by its path, ``python -m pytest benchmarks/bench_io.py``, is collected anyway.)
"""

from __future__ import annotations

from fnmatch import fnmatch
from pathlib import Path

import pytest


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Module | None:
    if not (file_path.name.startswith("bench_") and file_path.suffix == ".py"):
        return None
    if parent.session.isinitpath(file_path):
        return None  # given by path: pytest's own python plugin collects it
    patterns = parent.config.getini("python_files")
    if any(fnmatch(file_path.name, pattern) for pattern in patterns):
        return None  # e.g. -o python_files='bench_*.py': already collected
    return pytest.Module.from_parent(parent, path=file_path)
