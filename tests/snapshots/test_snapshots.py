"""Snapshot tests: the behaviour of ``parse`` and ``check`` pinned before the house was
rebuilt (issue 17). A snapshot changes only where a change of behaviour is meant."""

from __future__ import annotations

import difflib
import os
from pathlib import Path
from typing import Any

import pytest
from tests.snapshots import pin

STORE = pin.HERE / "store"
UPDATE = os.environ.get("GD_UPDATE_SNAPSHOTS") == "1"


def _compare(path: Path, got: Any) -> None:
    text = pin.dumps(got)
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return
    assert path.exists(), f"no snapshot {path.name}: run with GD_UPDATE_SNAPSHOTS=1"
    want = path.read_text(encoding="utf-8")
    if text != want:
        diff = "".join(
            difflib.unified_diff(
                want.splitlines(keepends=True), text.splitlines(keepends=True), "pinned", "now", n=2
            )
        )
        pytest.fail(f"{path.name} differs from the pinned behaviour:\n{diff[:6000]}")


@pytest.mark.parametrize("name", sorted(pin.parse_inputs()))
def test_parse_snapshot(name: str) -> None:
    fmt, source = pin.parse_inputs()[name]
    _compare(STORE / "parse" / f"{name}.json", pin.parse_snapshot(fmt, source))


@pytest.mark.parametrize("name", sorted(pin.check_inputs()))
def test_check_snapshot(name: str) -> None:
    _compare(STORE / "check" / f"{name}.json", pin.check_snapshot(pin.check_inputs()[name]))


def test_the_snapshots_cover_what_they_promise() -> None:
    names = pin.parse_inputs()
    assert sum(n.startswith("corpus-") for n in names) >= 17
    assert "seed" in names
    assert sum(n.startswith("generated-") for n in pin.check_inputs()) >= 20
