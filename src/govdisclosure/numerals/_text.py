"""Text helpers every reader of the package shares: NFKC with an index back to the source."""

from __future__ import annotations

import unicodedata


def nfkc(text: str) -> str:
    """``text`` in NFKC: full-width digits, points and brackets read like their ASCII forms."""
    return unicodedata.normalize("NFKC", text)


def normalise_with_map(text: str) -> tuple[str, list[int]]:
    """NFKC per character, with the original index of every normalised character.

    ``index[i]`` is the position in ``text`` of normalised character ``i``; one extra entry
    (``len(text)``) closes the list so that an end offset always maps.

    >>> normalise_with_map("１２件")
    ('12件', [0, 1, 2, 3])
    """
    if text.isascii():
        return text, [*range(len(text) + 1)]
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        n = ch if ch.isascii() else unicodedata.normalize("NFKC", ch)
        out.append(n)
        index.extend([i] * len(n))
    index.append(len(text))
    return "".join(out), index
