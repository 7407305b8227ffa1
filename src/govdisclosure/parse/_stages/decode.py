"""Stage ``decode``: bytes to text, unless a binary front end reads the bytes themselves.

A binary front end (PDF, Word) is the one named by ``format=``, or the first whose ``sniff``
accepts the raw bytes; the bytes then stay bytes and that front end is chosen. Other bytes
are decoded (:func:`~govdisclosure.parse._decode.decode`: BOM, ``<meta charset>``, UTF-8,
GB18030). NUL characters, which no report prints, become U+FFFD.
"""

from __future__ import annotations

import attrs

from govdisclosure.parse import _frontends as frontends
from govdisclosure.parse._decode import decode
from govdisclosure.parse._stages._state import State

__all__ = ["run"]


def run(state: State) -> State:
    """The state with :attr:`State.text` set, or with the binary front end chosen."""
    source = state.source
    if isinstance(source, str):
        return attrs.evolve(state, text=_no_nul(source))
    front = state.front or frontends.detect(source, binary=True)
    if front is not None and front.binary:
        return attrs.evolve(state, front=front)
    text, finding = decode(source)
    return state.found(() if finding is None else (finding,), text=_no_nul(text))


def _no_nul(text: str) -> str:
    return text.replace("\x00", "\ufffd") if "\x00" in text else text
