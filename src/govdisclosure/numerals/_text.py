"""Text helpers every reader of the package shares: NFKC with an index back to the source."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence


def nfkc(text: str) -> str:
    """``text`` in NFKC: full-width digits, points and brackets read like their ASCII forms."""
    return unicodedata.normalize("NFKC", text)


def normalise_with_map(text: str) -> tuple[str, Sequence[int]]:
    """NFKC per character, with the original index of every normalised character.

    ``index[i]`` is the position in ``text`` of normalised character ``i``; one extra entry
    (``len(text)``) closes the list so that an end offset always maps.

    >>> normalise_with_map("１２件")
    ('12件', [0, 1, 2, 3])
    >>> normalise_with_map("12件."[:2])
    ('12', range(0, 3))
    >>> normalise_with_map("㈠１件")
    ('(一)1件', [0, 0, 0, 1, 2, 3])
    """
    if text.isascii():
        return text, range(len(text) + 1)  # no list of a million ints for a megabyte
    if unicodedata.is_normalized("NFKC", text):
        # A character that NFKC changes never stands in NFKC text (it has a decomposition
        # that composition does not give back), so each character is its own NFKC too.
        return text, list(range(len(text) + 1))
    table: dict[int, str] = {}
    grows = False
    for ch in set(text):
        if not ch.isascii():
            n = unicodedata.normalize("NFKC", ch)
            if n != ch:
                table[ord(ch)] = n
                grows = grows or len(n) != 1
    normal = text.translate(table)
    if not grows:  # one character for one: the offsets stay
        return normal, list(range(len(text) + 1))
    index: list[int] = []
    for i, ch in enumerate(text):
        grown = table.get(ord(ch))
        if grown is None:
            index.append(i)
        else:
            index.extend([i] * len(grown))
    index.append(len(text))
    return normal, index
