"""Stage ``detect``: which text front end reads the text, when ``format=`` named none.

The registered text front ends are asked in their order (:func:`~govdisclosure.parse.
_frontends.detect`, on the first 4 KB); ``text`` is the fallback.
"""

from __future__ import annotations

import attrs

from govdisclosure.parse import _frontends as frontends
from govdisclosure.parse._stages._state import State

__all__ = ["run"]


def run(state: State) -> State:
    """The state with :attr:`State.front` set."""
    if state.front is not None:
        return state
    front = frontends.detect(state.text, binary=False) or frontends.front_end("text")
    return attrs.evolve(state, front=front)
