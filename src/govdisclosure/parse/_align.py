"""Cells of a row to its columns: every alignment in which the lost (or surplus) cells are
blank cells in a run of blank cells; a column gets a value only when every alignment gives it
the same one (see :mod:`~govdisclosure.parse._tables`).

>>> from govdisclosure.parse._units import Tok
>>> cells = [Tok("7", 0, 1), Tok("", 2, 2), Tok("9", 3, 4)]
>>> [t.text if t else None for t in _align(cells, 4, cut=False)[0]]
['7', '', None, '9']
"""

from __future__ import annotations

import itertools
from math import comb

from govdisclosure.parse._cells import clean
from govdisclosure.parse._units import Tok

__all__ = ["_align", "_blanks_after"]

_MAX_ALIGNMENTS = 20000


def _align(cells: list[Tok], k: int, cut: bool) -> tuple[list[Tok | None], int]:
    """The token of each of ``k`` columns (``None``: blank or undetermined) and how many
    non-blank cells could not be placed."""
    n = len(cells)
    if n == k:
        return list(cells), 0
    if cut and n < k:
        return [*cells, *([None] * (k - n))], 0
    blank = [not clean(t.text) for t in cells]
    nonblank = n - sum(blank)
    if n < k:
        if _choose_count(k, n) > _MAX_ALIGNMENTS:
            return [None] * k, nonblank
        options: list[list[int | None]] = []
        for pos in itertools.combinations(range(k), n):
            arranged: list[int | None] = [None] * k
            for i, p in enumerate(pos):
                arranged[p] = i
            if _valid(arranged, blank):
                options.append(arranged)
    else:
        blanks = [i for i in range(n) if blank[i]]
        drop = n - k
        if len(blanks) < drop or _choose_count(len(blanks), drop) > _MAX_ALIGNMENTS:
            return [None] * k, nonblank
        options = []
        for dropped in itertools.combinations(blanks, drop):
            d = set(dropped)
            options.append([i for i in range(n) if i not in d])
    if not options:
        return [None] * k, nonblank
    out: list[Tok | None] = []
    lost = 0
    for c in range(k):
        texts = {_text_at(cells, o[c]) for o in options}
        if len(texts) == 1:
            first = options[0][c]
            out.append(cells[first] if first is not None else None)
        elif any(i is not None and not blank[i] for i in (o[c] for o in options)):
            out.append(None)
            lost += 1
        else:
            out.append(None)
    placed = {id(t) for t in out if t is not None}
    unplaced = sum(1 for i, t in enumerate(cells) if not blank[i] and id(t) not in placed)
    return out, max(lost, unplaced)


def _blanks_after(cells: list[Tok], k: int) -> bool:
    """Whether a row prints more cells than its ``k`` columns, fewer figures than columns, and
    every blank cell after its last figure ("3 |\\n3 |\\n|||||||"): its blank cells were not
    printed where they stand, so nothing says which columns the figures belong to."""
    n = len(cells)
    if n <= k:
        return False
    blank = [not clean(t.text) for t in cells]
    figures = n - sum(blank)
    if not 0 < figures < k:
        return False
    last = max(i for i in range(n) if not blank[i])
    return all(not b for b in blank[:last])


def _text_at(cells: list[Tok], i: int | None) -> str:
    return "" if i is None else clean(cells[i].text)


def _valid(arranged: list[int | None], blank: list[bool]) -> bool:
    """Every lost column stands in a run of blank columns that has a printed blank cell."""
    k = len(arranged)
    i = 0
    while i < k:
        if arranged[i] is not None and not blank[arranged[i]]:  # type: ignore[index]
            i += 1
            continue
        j = i
        has_missing = has_blank = False
        while j < k and (arranged[j] is None or blank[arranged[j]]):  # type: ignore[index]
            if arranged[j] is None:
                has_missing = True
            else:
                has_blank = True
            j += 1
        if has_missing and not has_blank:
            return False
        i = j
    return True


def _choose_count(n: int, r: int) -> int:
    if r < 0 or r > n:
        return 0
    return comb(n, r)
