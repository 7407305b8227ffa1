"""Stage ``front end``: the chosen front end turns the source into units.

Its :class:`~govdisclosure.parse._frontends.FrontEndOutput` gives the text every span points
into, the :class:`~govdisclosure.parse._units.Line` and
:class:`~govdisclosure.parse._units.Region` units in reading order, and its findings.
"""

from __future__ import annotations

from govdisclosure.parse._stages._state import State, need

__all__ = ["run"]


def run(state: State) -> State:
    """The state with :attr:`State.text` and :attr:`State.units` from the front end."""
    front = need(state.front, "front end")
    out = front.read(state.source if front.binary else state.text)
    return state.found(tuple(out.findings), text=out.text, units=tuple(out.units))
