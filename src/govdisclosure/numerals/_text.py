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
    >>> normalise_with_map("㈠１件")
    ('(一)1件', [0, 0, 0, 1, 2, 3])
    """
    if text.isascii():
        return text, range(len(text) + 1)  # no list of a million ints for a megabyte
    if unicodedata.is_normalized("NFKC", text):
        # A character that NFKC changes never stands in NFKC text (it has a decomposition
        # that composition does not give back), so each character is its own NFKC too.
        return text, list(range(len(text) + 1))
    chars = set(text)
    for ch in chars - _SEEN:  # characters met for the first time
        n = unicodedata.normalize("NFKC", ch) if not ch.isascii() else ch
        if n != ch:
            if len(n) != 1:
                _GROWS.add(ch)
            _CHANGED[ord(ch)] = n
        _SEEN.add(ch)  # after its entries: whoever sees it seen finds them
    normal = text.translate(_CHANGED)
    if _GROWS.isdisjoint(chars):  # one character for one: the offsets stay
        return normal, list(range(len(text) + 1))
    index: list[int] = []
    for i, ch in enumerate(text):
        if ch in _GROWS:
            index.extend([i] * len(_CHANGED[ord(ch)]))
        else:
            index.append(i)
    index.append(len(text))
    return normal, index


#: What :func:`normalise_with_map` remembers of the characters it has met (they repeat from
#: text to text): every one of them, the NFKC of those it changes, and those it makes longer.
_SEEN: set[str] = set()
_CHANGED: dict[int, str] = {}
_GROWS: set[str] = set()


def forget_characters() -> None:
    """Forget what :func:`normalise_with_map` remembers (as in a fresh process).

    >>> forget_characters(); normalise_with_map("１件")
    ('1件', [0, 1, 2])
    """
    _SEEN.clear()
    _CHANGED.clear()
    _GROWS.clear()
