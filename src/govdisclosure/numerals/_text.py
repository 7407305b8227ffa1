"""Text helpers every reader of the package shares: NFKC with an index back to the source."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from govdisclosure.errors import require_str


def nfkc(text: str) -> str:
    """``text`` in NFKC: full-width digits, points and brackets read like their ASCII forms."""
    return unicodedata.normalize("NFKC", text)


def whole(text: str, reader: str) -> str:
    """What a reader of exactly one numeral (``reader``: ``"to_int"``, ``"parse_date"``, …)
    reads of ``text``: a ``str`` (else :class:`~govdisclosure.errors.WrongTypeError` naming
    the reader), in NFKC, without surrounding white space.

    >>> whole(" \uff11\uff12\uff0e ", "parse_ordinal")
    '12.'
    """
    return nfkc(require_str(text, reader)).strip()


def normalise_with_map(text: str) -> tuple[str, Sequence[int]]:
    """NFKC per character, with the original index of every normalised character.

    ``index[i]`` is the position in ``text`` of normalised character ``i``; one extra entry
    (``len(text)``) closes the list so that an end offset always maps.

    >>> normalise_with_map("１２件")
    ('12件', [0, 1, 2, 3])
    >>> normalise_with_map("12件."[:2])
    ('12', range(0, 3))
    """
    if text.isascii():
        return text, range(len(text) + 1)  # no list of a million ints for a megabyte
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        n = ch if ch.isascii() else unicodedata.normalize("NFKC", ch)
        out.append(n)
        index.extend([i] * len(n))
    index.append(len(text))
    return "".join(out), index
