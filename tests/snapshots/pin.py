"""What the library does today, pinned: the outputs the snapshot tests compare.

``parse`` of the development corpus, the seed and every bundled example rendered in every
format (the report's JSON form, the provenance and the findings); ``check`` of the bundled
examples and of stored generated reports (clean ones and ones breaking one rule).

Regenerate with ``GD_UPDATE_SNAPSHOTS=1 python -m pytest tests/snapshots`` — only where a
change of behaviour is meant, and say which in the commit.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import govdisclosure as gd
from govdisclosure import examples

HERE = Path(__file__).parent
CORPUS = HERE.parent / "fixtures" / "corpus" / "raw"
GENERATED = HERE / "generated"
FORMATS = ("text", "markdown", "html")


def parse_inputs() -> dict[str, tuple[str, str]]:
    """name → (format, source) of every parse snapshot."""
    out: dict[str, tuple[str, str]] = {}
    for path in sorted(CORPUS.glob("*.txt")):
        _head, text = path.read_text(encoding="utf-8").split("\n---\n", 1)
        out[f"corpus-{path.stem}"] = ("auto", text)
    out["seed"] = ("text", examples.source_text("xianning-2015"))
    for name in examples.names():
        report = examples.load(name)
        for fmt in FORMATS:
            out[f"{name}-{fmt}"] = (fmt, gd.render(report, fmt))
    return out


def parse_snapshot(fmt: str, source: str) -> dict[str, Any]:
    parsed = gd.parse(source, format=fmt)  # type: ignore[arg-type]
    source_map = gd.parse.SourceMap(parsed.text)
    return {
        "format": parsed.format,
        "report": gd.to_dict(parsed.report),
        "provenance": {p: o.to_dict() for p, o in sorted(parsed.provenance.items())},
        "findings": [f.to_dict(source_map) for f in parsed.findings],
        "coverage": None
        if parsed.coverage is None
        else {
            "printed": sorted(parsed.coverage.printed),
            "tables": sorted(parsed.coverage.tables),
            "cut": parsed.coverage.cut,
        },
        "check": gd.check(parsed).to_dict(),  # what was read, checked knowing what was printed
    }


def check_inputs() -> dict[str, Any]:
    """name → report of every check snapshot."""
    out: dict[str, Any] = {name: examples.load(name) for name in examples.names()}
    for path in sorted(GENERATED.glob("*.json")):
        out[f"generated-{path.stem}"] = gd.from_json(path.read_bytes())
    return out


def check_snapshot(report: Any) -> dict[str, Any]:
    return gd.check(report).to_dict()


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
