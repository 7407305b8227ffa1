"""Tables from the rules of a PDF page: the grid of rule positions, merged cells where no
rule separates two grid cells, and the characters placed in the cells.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable

from govdisclosure.parse._pdfpage import _TOL, _cell_text, _Char, _wordy

__all__: list[str] = []

# ---- tables from rules -----------------------------------------------------------------------


class _Cell:
    __slots__ = ("c0", "c1", "chars", "more", "r0", "r1", "x0", "x1", "y0", "y1")

    def __init__(self, r0: int, c0: int, r1: int, c1: int, box: tuple[float, ...]) -> None:
        self.r0, self.c0, self.r1, self.c1 = r0, c0, r1, c1
        self.x0, self.y0, self.x1, self.y1 = box
        self.chars: list[_Char] = []
        self.more: list[_Cell] = []  # its parts continued on the next pages

    def text(self) -> str:
        text = _cell_text(self.chars)
        for part in self.more:
            t = part.text()
            if t:
                text = (
                    text + t
                    if not text or not (_wordy(text[-1]) and _wordy(t[0]))
                    else (text + " " + t)
                )
        return text


class _Table:
    """One ruled table on one page."""

    __slots__ = ("cells", "index", "page", "xs", "ys")

    def __init__(self, page: int, xs: list[float], ys: list[float]) -> None:
        self.page = page
        self.xs = xs
        self.ys = ys
        self.cells: list[_Cell] = []
        self.index: dict[tuple[int, int], _Cell] = {}

    @property
    def box(self) -> tuple[float, float, float, float]:
        return self.xs[0], self.ys[0], self.xs[-1], self.ys[-1]

    def cell_at(self, x: float, y: float) -> _Cell | None:
        if not (self.xs[0] <= x <= self.xs[-1] and self.ys[0] <= y <= self.ys[-1]):
            return None
        c = min(max(bisect.bisect_right(self.xs, x) - 1, 0), len(self.xs) - 2)
        r = min(max(bisect.bisect_right(self.ys, y) - 1, 0), len(self.ys) - 2)
        return self.index.get((r, c))


def _cluster(values: Iterable[float]) -> list[float]:
    out: list[list[float]] = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= _TOL:
            out[-1].append(v)
        else:
            out.append([v])
    return [sum(g) / len(g) for g in out]


def _cell_boxes(
    parent: list[int], nr: int, nc: int, drawn: Callable[[int, int], bool]
) -> list[tuple[int, int, int, int]]:
    """The (r0, c0, r1, c1) of each group of merged grid cells; a group that is no rectangle
    (beside the short rows of a ragged table) gives its grid cells alone, where drawn."""
    spans: dict[int, list[int]] = {}
    units: dict[int, list[int]] = {}
    for k in range(nr * nc):
        root = _find(parent, k)
        r, c = divmod(k, nc)
        units.setdefault(root, []).append(k)
        sp = spans.get(root)
        if sp is None:
            spans[root] = [r, c, r, c]
        else:
            sp[0], sp[1] = min(sp[0], r), min(sp[1], c)
            sp[2], sp[3] = max(sp[2], r), max(sp[3], c)
    boxes: list[tuple[int, int, int, int]] = []
    for root, (r0, c0, r1, c1) in spans.items():
        if len(units[root]) == (r1 - r0 + 1) * (c1 - c0 + 1):
            boxes.append((r0, c0, r1, c1))
        else:
            boxes.extend(
                (k // nc, k % nc, k // nc, k % nc) for k in units[root] if drawn(k // nc, k % nc)
            )
    return boxes


def _boxed(
    r: int,
    c: int,
    xs: list[float],
    ys: list[float],
    v_rule: Callable[[float, float], bool],
    h_rule: Callable[[float, float], bool],
) -> bool:
    """Whether grid cell (r, c) has a rule on all four sides (a drawn cell, not
    the empty space beside a short row)."""
    xm, ym = (xs[c] + xs[c + 1]) / 2, (ys[r] + ys[r + 1]) / 2
    sides = (
        v_rule(xs[c], ym),
        v_rule(xs[c + 1], ym),
        h_rule(ys[r], xm),
        h_rule(ys[r + 1], xm),
    )
    return all(sides)


def _join_rules(rules: list[tuple[float, float, float]]) -> list[tuple[float, float, float]]:
    """Rules on one line that touch or overlap, as one (borders are often drawn cell by
    cell)."""
    out: list[tuple[float, float, float]] = []
    ordered = sorted(rules)
    i = 0
    while i < len(ordered):  # the rules within _TOL of each other's position
        j = i + 1
        while j < len(ordered) and ordered[j][0] - ordered[j - 1][0] <= _TOL:
            j += 1
        run: list[list[float]] = []
        for at, a, b in sorted(ordered[i:j], key=lambda r: r[1]):
            last = run[-1] if run else None
            if last is not None and a <= last[2] + _TOL:
                last[2] = max(last[2], b)
            else:
                run.append([at, a, b])
        out.extend((r[0], r[1], r[2]) for r in run)
        i = j
    return out


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _tables(
    page: int,
    hs: list[tuple[float, float, float]],
    vs: list[tuple[float, float, float]],
) -> list[_Table]:
    if not hs or not vs:
        return []
    hs, vs = _join_rules(hs), _join_rules(vs)
    if len(hs) * len(vs) > 4_000_000:
        return []
    nh = len(hs)
    parent = list(range(nh + len(vs)))
    t = _TOL
    vs_sorted = sorted(range(len(vs)), key=lambda j: vs[j][0])
    vxs = [vs[j][0] for j in vs_sorted]
    for i, (y, x0, x1) in enumerate(hs):
        lo = bisect.bisect_left(vxs, x0 - t)
        hi = bisect.bisect_right(vxs, x1 + t)
        for j in vs_sorted[lo:hi]:
            _x, y0, y1 = vs[j]
            if y0 - t <= y <= y1 + t:
                a, b = _find(parent, i), _find(parent, nh + j)
                if a != b:
                    parent[a] = b
    groups: dict[int, tuple[list[int], list[int]]] = {}
    for i in range(nh):
        groups.setdefault(_find(parent, i), ([], []))[0].append(i)
    for j in range(len(vs)):
        groups.setdefault(_find(parent, nh + j), ([], []))[1].append(j)
    out = []
    for hi_, vi_ in groups.values():
        if not hi_ or not vi_:
            continue
        table = _grid(page, [hs[i] for i in hi_], [vs[j] for j in vi_])
        if table is not None:
            out.append(table)
    out.sort(key=lambda tb: (tb.ys[0], tb.xs[0]))
    return out


def _grid(
    page: int, hs: list[tuple[float, float, float]], vs: list[tuple[float, float, float]]
) -> _Table | None:
    # the outer ends of the rules close the grid where a page break cut its last rule off
    ys = _cluster([*(h[0] for h in hs), min(v[1] for v in vs), max(v[2] for v in vs)])
    xs = _cluster([*(v[0] for v in vs), min(h[1] for h in hs), max(h[2] for h in hs)])
    nr, nc = len(ys) - 1, len(xs) - 1
    if nr < 1 or nc < 1 or nr * nc > 250_000:
        return None
    if nr * nc == 1 and ys[1] - ys[0] > 60:  # a frame, not a table (a table's lone row is low)
        return None
    t = _TOL

    def v_rule(x: float, y: float) -> bool:
        return any(abs(vx - x) <= t and y0 - t <= y <= y1 + t for vx, y0, y1 in vs)

    def h_rule(y: float, x: float) -> bool:
        return any(abs(hy - y) <= t and x0 - t <= x <= x1 + t for hy, x0, x1 in hs)

    parent = list(range(nr * nc))
    for r in range(nr):
        ym = (ys[r] + ys[r + 1]) / 2
        for c in range(nc):
            xm = (xs[c] + xs[c + 1]) / 2
            if c + 1 < nc and not v_rule(xs[c + 1], ym):
                a, b = _find(parent, r * nc + c), _find(parent, r * nc + c + 1)
                if a != b:
                    parent[b] = a
            if r + 1 < nr and not h_rule(ys[r + 1], xm):
                a, b = _find(parent, r * nc + c), _find(parent, (r + 1) * nc + c)
                if a != b:
                    parent[b] = a
    boxes = _cell_boxes(parent, nr, nc, lambda r, c: _boxed(r, c, xs, ys, v_rule, h_rule))
    table = _Table(page, xs, ys)
    for r0, c0, r1, c1 in sorted(boxes):
        cell = _Cell(r0, c0, r1 + 1, c1 + 1, (xs[c0], ys[r0], xs[c1 + 1], ys[r1 + 1]))
        table.cells.append(cell)
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                table.index[(r, c)] = cell
    if not table.cells:
        return None
    return table
