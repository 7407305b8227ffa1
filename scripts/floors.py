"""Draw the floors of govdisclosure from its import graph: docs/_static/floors.svg.

Every module's imports are read with ast (absolute and relative, at module level, in
functions and under ``TYPE_CHECKING`` alike, as ``tests/test_architecture.py`` reads them).
The floors are those the architecture test enforces (its ``FLOORS``), drawn bottom to top,
each a box with its rooms, its modules' count and the imports within it; an arc runs from a
floor to each floor below it that it imports from, as wide as the number of imports (the
count is written at its apex). ``tests/test_house.py`` redraws the picture in memory and
fails when the committed file differs. Run::

    python scripts/floors.py
"""

from __future__ import annotations

import ast
import colorsys
import html
import math
import pathlib
import sys
from collections import Counter

ROOT = pathlib.Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "govdisclosure"
TARGET = ROOT / "docs" / "_static" / "floors.svg"

ARCHITECTURE = ROOT / "tests" / "test_architecture.py"


def _floors() -> tuple[tuple[str, ...], ...]:
    """The floors ``tests/test_architecture.py`` enforces (its ``FLOORS``), from the bottom,
    each with its rooms (the first names the floor)."""
    for node in ast.parse(ARCHITECTURE.read_text(encoding="utf-8")).body:
        if (
            isinstance(node, ast.AnnAssign)
            and isinstance(node.target, ast.Name)
            and node.target.id == "FLOORS"
            and node.value is not None
        ) or (
            isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == "FLOORS" for t in node.targets)
        ):
            floors: tuple[tuple[str, ...], ...] = ast.literal_eval(node.value)
            return floors
    raise LookupError(f"no FLOORS in {ARCHITECTURE}")


FLOORS = _floors()
FLOOR = {room: i for i, rooms in enumerate(FLOORS) for room in rooms}


# --------------------------------------------------------------------------- the graph


def _module_name(path: pathlib.Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _modules() -> list[pathlib.Path]:
    """Every module of the package but its own ``__init__`` (the public face, on no floor)."""
    return sorted(p for p in SRC.rglob("*.py") if p.name != "__init__.py" or p.parent != SRC)


def _imports(path: pathlib.Path) -> list[str]:
    """Every govdisclosure module the file at ``path`` imports, once per import statement."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            if module == "govdisclosure":  # from govdisclosure import fmt, examples
                found += [f"govdisclosure.{a.name}" for a in node.names]
            else:
                found.append(module)
    return [m for m in found if m.startswith("govdisclosure.")]


def _room(module: str) -> str:
    return module.split(".")[1]


def graph() -> tuple[list[int], Counter[tuple[int, int]]]:
    """The modules on each floor, and the imports from floor to floor (``(a, a)``: within)."""
    modules = [0] * len(FLOORS)
    imports: Counter[tuple[int, int]] = Counter()
    for path in _modules():
        here = FLOOR[_room(_module_name(path))]
        modules[here] += 1
        for module in _imports(path):
            there = FLOOR.get(_room(module))
            if there is not None:
                imports[here, there] += 1
    return modules, imports


# --------------------------------------------------------------------------- the picture

_LEFT = 24
_BOX_W = 360
_BOX_H = 32
_PITCH = 48
_TOP = 64
_BULGE = 22
"""How far right an arc bulges per floor it spans."""
_LABELLED = 4
"""Arcs of at least this many imports have their count written at the apex."""


def _y(floor: int) -> float:
    """The top of a floor's box (floor 0 at the bottom)."""
    return _TOP + (len(FLOORS) - 1 - floor) * _PITCH


def _colour(floor: int) -> str:
    r, g, b = colorsys.hls_to_rgb((floor / len(FLOORS) * 0.8 + 0.55) % 1.0, 0.42, 0.6)
    return f"#{round(r * 255):02x}{round(g * 255):02x}{round(b * 255):02x}"


def _num(x: float) -> str:
    return f"{x:.1f}".removesuffix(".0")


def _box(floor: int, count: int, within: int) -> list[str]:
    y = _y(floor)
    rooms = FLOORS[floor]
    name = rooms[0]
    also = f"+ {', '.join(rooms[1:])}" if rooms[1:] else ""
    noun = "module" if count == 1 else "modules"
    inner = f" · {within} within" if within else ""
    return [
        f'<g class="floor"><title>{html.escape(" ".join(rooms))}: {count} {noun}, {within} imports '
        f"within the floor</title>",
        f'<rect x="{_LEFT}" y="{_num(y)}" width="{_BOX_W}" height="{_BOX_H}" rx="5" '
        f'fill="#f6f8fa" stroke="{_colour(floor)}" stroke-width="2"/>',
        f'<text x="{_LEFT + 10}" y="{_num(y + 21)}" class="n">{floor}</text>',
        f'<text x="{_LEFT + 34}" y="{_num(y + 21)}" class="room">{html.escape(name)}'
        f'<tspan class="also" dx="6">{html.escape(also)}</tspan></text>',
        f'<text x="{_LEFT + _BOX_W - 10}" y="{_num(y + 21)}" class="count" '
        f'text-anchor="end">{count} {noun}{inner}</text>',
        "</g>",
    ]


def _ports(arcs: list[tuple[int, int, int]]) -> dict[tuple[int, int], tuple[float, float]]:
    """Where each arc leaves its floor and reaches the other, on the boxes' right edge:
    leaving in the upper half, arriving in the lower, the longer arcs outside, so that arcs
    do not cross where they meet a box."""
    out: dict[int, list[tuple[int, int]]] = {}
    into: dict[int, list[tuple[int, int]]] = {}
    for a, b, _ in arcs:
        out.setdefault(a, []).append((a, b))
        into.setdefault(b, []).append((a, b))
    start: dict[tuple[int, int], float] = {}
    end: dict[tuple[int, int], float] = {}
    for floor, pairs in out.items():
        pairs.sort(key=lambda p: p[1])  # the farthest first, at the top
        for i, pair in enumerate(pairs):
            start[pair] = _y(floor) + 3 + (_BOX_H / 2 - 5) * i / max(len(pairs) - 1, 1)
    for floor, pairs in into.items():
        pairs.sort(key=lambda p: p[0])  # the nearest first, at the top
        for i, pair in enumerate(pairs):
            end[pair] = _y(floor) + _BOX_H / 2 + 2 + (_BOX_H / 2 - 5) * i / max(len(pairs) - 1, 1)
    return {pair: (start[pair], end[pair]) for pair in start}


def _arc(source: int, target: int, n: int, ports: tuple[float, float]) -> list[str]:
    x = _LEFT + _BOX_W
    y1, y2 = ports
    bulge = (source - target) * _BULGE + 16
    width = 0.8 + 1.1 * math.sqrt(n)
    colour = _colour(source)
    apex_x = x + 0.75 * bulge
    apex_y = (y1 + y2) / 2
    return [
        f'<g class="arc"><title>{FLOORS[source][0]} → {FLOORS[target][0]}: {n} '
        f"import{'s' if n != 1 else ''}</title>",
        f'<path d="M {_num(x)} {_num(y1)} C {_num(x + bulge)} {_num(y1)}, '
        f'{_num(x + bulge)} {_num(y2)}, {_num(x + 6)} {_num(y2)}" fill="none" '
        f'stroke="{colour}" stroke-opacity="0.55" stroke-width="{_num(width)}" '
        f'marker-end="url(#head)"/>',
        *([_count(apex_x + 2, apex_y + 4, colour, n)] if n >= _LABELLED else []),
        "</g>",
    ]


def _count(x: float, y: float, colour: str, n: int) -> str:
    return f'<text x="{_num(x)}" y="{_num(y)}" class="w" fill="{colour}">{n}</text>'


def render() -> str:
    """The SVG text of the floors, as the code stands."""
    modules, imports = graph()
    arcs = sorted(
        ((a, b, n) for (a, b), n in imports.items() if a != b), key=lambda e: (-e[2], e[0], e[1])
    )
    span = max((a - b for a, b, _ in arcs), default=1)
    width = _LEFT + _BOX_W + span * _BULGE + 60
    height = _y(0) + _BOX_H + 40
    total = sum(n for a, b, n in arcs)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_num(width)}" height="{_num(height)}" '
        f'viewBox="0 0 {_num(width)} {_num(height)}" font-family="Helvetica, Arial, sans-serif">',
        "<!-- generated by scripts/floors.py from the imports of src/govdisclosure: "
        "do not edit -->",
        "<style>.room{font-size:14px;font-weight:bold;fill:#24292f}"
        ".n{font-size:12px;fill:#57606a}.count{font-size:12px;fill:#57606a}"
        ".also{font-size:12px;font-weight:normal;fill:#57606a}"
        ".w{font-size:10px;font-weight:bold;paint-order:stroke;stroke:#fff;stroke-width:3px}.h{font-size:16px;font-weight:bold;fill:#24292f}"
        ".s{font-size:11px;fill:#57606a}</style>",
        '<defs><marker id="head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
        'markerHeight="7" markerUnits="userSpaceOnUse" orient="auto-start-reverse">'
        '<path d="M 0 0 L 10 5 L 0 10 z" fill="#57606a"/></marker></defs>',
        f'<rect width="{_num(width)}" height="{_num(height)}" fill="#ffffff"/>',
        f'<text x="{_LEFT}" y="26" class="h">The floors of govdisclosure</text>',
        f'<text x="{_LEFT}" y="46" class="s">{sum(modules)} modules; {total} imports between '
        "floors, each down: an arc per pair of floors, as wide as its imports (counted at the "
        f"apex from {_LABELLED})</text>",
    ]
    ports = _ports(arcs)
    for a, b, n in reversed(arcs):  # the heaviest drawn last, on top
        out += _arc(a, b, n, ports[a, b])
    for floor in range(len(FLOORS)):
        out += _box(floor, modules[floor], imports[floor, floor])
    out.append("</svg>")
    return "\n".join(out) + "\n"


def main() -> int:
    TARGET.write_text(render(), encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
