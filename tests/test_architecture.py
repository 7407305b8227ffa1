"""The house rules of the code, checked by reading it: imports run one way, down the floors,
and the public face is one table.

The floors, from the bottom: errors → money → numerals → layout → model → document → fmt →
io → examples → rules → rendering → parse → analysis → testing → cli. A module may import
from its own floor and the floors below it, never above — at module level, inside a
function, or under ``TYPE_CHECKING`` alike.
"""

from __future__ import annotations

import ast
import importlib
import importlib.util
import pathlib

import pytest

import govdisclosure as gd

SRC = pathlib.Path(gd.__file__).parent

FLOORS: tuple[tuple[str, ...], ...] = (
    ("errors", "_reprs"),
    ("money",),
    ("numerals",),
    ("layout",),
    ("model", "editions"),  # editions: the layouts' old name, re-exported with the model's binding
    ("document",),
    ("fmt",),
    ("io",),
    ("examples",),
    ("rules",),
    ("rendering",),
    ("parse",),
    ("analysis",),
    ("testing", "strategies"),
    ("cli", "__main__"),
)
FLOOR = {room: i for i, rooms in enumerate(FLOORS) for room in rooms}


def _modules() -> list[pathlib.Path]:
    return sorted(p for p in SRC.rglob("*.py") if p.name != "__init__.py" or p.parent != SRC)


def _room(module: str) -> str:
    """The room of ``govdisclosure.x.y``: ``x``."""
    return module.split(".")[1]


def _module_name(path: pathlib.Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _imports(path: pathlib.Path) -> list[tuple[int, str]]:
    """Every govdisclosure module the file at ``path`` imports, with the line."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    return _imports_of(path.read_text(encoding="utf-8"), package)


def _imports_of(source: str, package: str) -> list[tuple[int, str]]:
    """Every govdisclosure module ``source`` (a module of ``package``) imports: absolute and
    relative, at module level, in functions and under ``TYPE_CHECKING`` alike."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            if module == "govdisclosure":  # from govdisclosure import fmt, examples
                found += [(node.lineno, f"govdisclosure.{a.name}") for a in node.names]
            else:
                found.append((node.lineno, module))
    return [(line, m) for line, m in found if m.startswith("govdisclosure.")]


def _arrows_up(here: str, imports: list[tuple[int, str]]) -> list[str]:
    return [
        f"line {line}: {module} (floor {FLOOR[_room(module)]}) from floor {FLOOR[here]}"
        for line, module in imports
        if FLOOR.get(_room(module), -1) > FLOOR[here]
    ]


def test_every_room_has_a_floor() -> None:
    rooms = {_room(_module_name(p)) for p in _modules()}
    assert rooms <= set(FLOOR), f"rooms without a floor: {sorted(rooms - set(FLOOR))}"


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(SRC)))
def test_imports_run_down_the_floors(path: pathlib.Path) -> None:
    wrong = _arrows_up(_room(_module_name(path)), _imports(path))
    assert not wrong, f"{path.relative_to(SRC)} imports up the floors:\n" + "\n".join(wrong)


def test_an_arrow_up_is_seen_wherever_it_hides() -> None:
    source = (
        "from typing import TYPE_CHECKING\n"
        "from . import rows\n"
        "if TYPE_CHECKING:\n"
        "    from govdisclosure.rules import Finding\n"
        "def f():\n"
        "    from ..rendering import render\n"
        "    import govdisclosure.cli\n"
        "    from govdisclosure import fmt\n"
    )
    imports = _imports_of(source, "govdisclosure.model")
    assert [m for _, m in imports] == [
        "govdisclosure.model",
        "govdisclosure.rules",
        "govdisclosure.rendering",
        "govdisclosure.cli",
        "govdisclosure.fmt",
    ]
    assert len(_arrows_up("model", imports)) == 4


# --------------------------------------------------------------------------- the public face


def _is_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:  # the parent is a module, not a package
        return False


def _type_checking_imports() -> dict[str, str]:
    """The names ``govdisclosure/__init__.py`` imports for the type checker, and from where."""
    tree = ast.parse((SRC / "__init__.py").read_text(encoding="utf-8"))
    block = next(
        node
        for node in tree.body
        if isinstance(node, ast.If) and getattr(node.test, "id", None) == "TYPE_CHECKING"
    )
    names: dict[str, str] = {}
    for node in ast.walk(block):
        if isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                submodule = f"{node.module}.{alias.name}"
                names[alias.name] = submodule if _is_module(submodule) else node.module
    return names


def test_the_type_checker_sees_the_public_table() -> None:
    assert _type_checking_imports() == gd._PUBLIC


def test_every_public_name_is_explicitly_re_exported() -> None:
    """``X as X`` for each: ``mypy --strict`` (no implicit re-export) sees ``gd.X``."""
    tree = ast.parse((SRC / "__init__.py").read_text(encoding="utf-8"))
    block = next(
        node
        for node in tree.body
        if isinstance(node, ast.If) and getattr(node.test, "id", None) == "TYPE_CHECKING"
    )
    implicit = [
        alias.name
        for node in ast.walk(block)
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
        if alias.asname != alias.name
    ]
    assert implicit == []


def test_all_and_dir_are_the_public_table() -> None:
    assert set(gd.__all__) == {*gd._PUBLIC, "__version__"}
    assert set(gd._PUBLIC) <= set(dir(gd))


@pytest.mark.parametrize("name", sorted(gd._PUBLIC))
def test_every_public_name_resolves_to_its_module(name: str) -> None:
    module = importlib.import_module(gd._PUBLIC[name])
    expected = module if gd._PUBLIC[name].endswith(f".{name}") else getattr(module, name)
    assert getattr(gd, name) is expected


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="has no attribute 'colour'"):
        _ = gd.colour  # type: ignore[attr-defined]
