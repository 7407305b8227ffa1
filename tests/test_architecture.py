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
from collections.abc import Callable, Iterable, Mapping

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


def _imports_of(
    source: str, package: str, is_module: Callable[[str], bool] = lambda name: False
) -> list[tuple[int, str]]:
    """Every govdisclosure module ``source`` (a module of ``package``) imports: absolute and
    relative, at module level, in functions and under ``TYPE_CHECKING`` alike.

    ``from package import name`` imports the submodule ``package.name`` where
    ``is_module`` says it is one, else the package (its ``__init__``)."""
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
                found += sorted(
                    {
                        (
                            node.lineno,
                            f"{module}.{a.name}" if is_module(f"{module}.{a.name}") else module,
                        )
                        for a in node.names
                    }
                )
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


# --------------------------------------------------------------------------- no circles


def _graph() -> dict[str, set[str]]:
    """The import graph of the package: each module and the modules it imports (at module
    level, in functions and under ``TYPE_CHECKING`` alike; ``from package import submodule``
    an arrow to the submodule)."""
    names = {_module_name(p): p for p in _modules()}
    graph: dict[str, set[str]] = {}
    for name, path in names.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        imports = _imports_of(path.read_text(encoding="utf-8"), package, names.__contains__)
        graph[name] = {m for _, m in imports if m in names and m != name}
    return graph


def _cycles(graph: Mapping[str, Iterable[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm,
    iterative), each sorted, the list sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return sorted(found)


def test_no_module_imports_itself_through_others() -> None:
    cycles = _cycles(_graph())
    assert not cycles, "modules that import each other (in a circle):\n" + "\n".join(
        " <-> ".join(c) for c in cycles
    )


def test_a_circle_is_seen_wherever_it_hides() -> None:
    sources = {
        "govdisclosure.model": "from govdisclosure.model.rows import Row\n",
        "govdisclosure.model.rows": "from . import tables\n",
        "govdisclosure.model.tables": (
            "def build():\n    from govdisclosure.model import builders\n"
        ),
        "govdisclosure.model.builders": (
            "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .rows import Row\n"
        ),
        "govdisclosure.model.report": "from govdisclosure.model import tables, Report\n",
        "govdisclosure.layout": "from govdisclosure.layout import match\n",
        "govdisclosure.layout.match": "import govdisclosure.errors\n",
        "govdisclosure.errors": "",
    }
    packages = {"govdisclosure.model", "govdisclosure.layout"}
    graph = {
        name: {
            m
            for _, m in _imports_of(
                source, name if name in packages else name.rpartition(".")[0], sources.__contains__
            )
            if m in sources and m != name
        }
        for name, source in sources.items()
    }
    assert graph["govdisclosure.model.report"] == {
        "govdisclosure.model",
        "govdisclosure.model.tables",
    }
    assert graph["govdisclosure.layout"] == {"govdisclosure.layout.match"}
    assert _cycles(graph) == [
        ["govdisclosure.model.builders", "govdisclosure.model.rows", "govdisclosure.model.tables"]
    ]
    graph["govdisclosure.layout.match"].add("govdisclosure.layout")
    graph["govdisclosure.errors"].add("govdisclosure.errors")  # a module naming itself: no circle
    assert _cycles(graph) == [
        ["govdisclosure.layout", "govdisclosure.layout.match"],
        ["govdisclosure.model.builders", "govdisclosure.model.rows", "govdisclosure.model.tables"],
    ]


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
