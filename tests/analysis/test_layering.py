"""analysis/ imports only from the floors below it (read with ast, function-level imports too)."""

from __future__ import annotations

import ast
from pathlib import Path

import govdisclosure.analysis

FLOORS = [
    "errors",
    "_reprs",
    "money",
    "numerals",
    "layout",
    "model",
    "editions",
    "document",
    "fmt",
    "io",
    "examples",
    "rules",
    "rendering",
    "parse",
    "analysis",
    "testing",
    "cli",
]
ALLOWED = set(FLOORS[: FLOORS.index("analysis") + 1])
PACKAGE = Path(govdisclosure.analysis.__file__).parent


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
            if node.module == "govdisclosure":
                names += [f"govdisclosure.{a.name}" for a in node.names]
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            names.append(node.args[0].value)
    return names


def test_analysis_imports_only_lower_floors() -> None:
    modules = sorted(PACKAGE.glob("*.py"))
    assert len(modules) >= 8
    for path in modules:
        for name in _imports(path):
            if not name.startswith("govdisclosure"):
                continue
            parts = name.split(".")
            assert len(parts) > 1, f"{path.name} imports the package root"
            assert parts[1] in ALLOWED, f"{path.name} imports {name}"
            assert parts[1] != "strategies", f"{path.name} imports the test strategies"


def test_the_parse_floor_is_only_reached_by_name() -> None:
    """The reader registry finds govdisclosure.parse at run time (it may not exist yet)."""
    assert "govdisclosure.parse" in _imports(PACKAGE / "batch.py")
