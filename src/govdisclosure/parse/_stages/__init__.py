"""Reading, as an ordered list of named stages over one immutable state.

Each stage is one small function of its own module, ``State -> State``: it reads what the
stages before it left in the state and returns a new state with its own result and findings
(it never changes what it was given). The list is :data:`STAGES`; :func:`run` runs it.

==============  ===========================================================================
``decode``      bytes to text (BOM, ``<meta charset>``, UTF-8, GB18030), unless a binary
                front end reads the bytes themselves
``detect``      the text front end, by content, when ``format=`` named none
``front end``   the front end's units (lines and table regions, with spans and places)
``outline``     title, metadata, headings, paragraphs and signature as document blocks
``infer``       year, edition (votes from every layout's markers), title and agency
``tables``      the table regions through the one table interpreter; the document built
``assemble``    the document to a report, with provenance from the blocks' spans
==============  ===========================================================================

>>> [stage.name for stage in STAGES]
['decode', 'detect', 'front end', 'outline', 'infer', 'tables', 'assemble']
>>> parsed = run("一、总体情况\\n本年度共收到申请3件。")
>>> parsed.report.sections[0].paragraphs
('本年度共收到申请3件。',)
"""

from __future__ import annotations

from collections.abc import Callable

import attrs

from govdisclosure.parse._frontends import FrontEnd
from govdisclosure.parse._stages import (
    assemble,
    decode,
    detect,
    front_end,
    infer,
    outline,
    tables,
)
from govdisclosure.parse._stages._state import Overrides, State, need
from govdisclosure.parse._types import Parsed

__all__ = ["STAGES", "Overrides", "Stage", "State", "run"]


@attrs.frozen(slots=True)
class Stage:
    """One named step of reading."""

    name: str
    run: Callable[[State], State]


STAGES: tuple[Stage, ...] = (
    Stage("decode", decode.run),
    Stage("detect", detect.run),
    Stage("front end", front_end.run),
    Stage("outline", outline.run),
    Stage("infer", infer.run),
    Stage("tables", tables.run),
    Stage("assemble", assemble.run),
)
"""The stages of reading, in order."""

_NONE = Overrides()


def run(
    source: str | bytes,
    front: FrontEnd | None = None,
    overrides: Overrides = _NONE,
    stages: tuple[Stage, ...] = STAGES,
) -> Parsed:
    """``source`` read through ``stages``: ``front`` is the front end chosen by name
    (``None``: detected), ``overrides`` what the caller says of year, edition and agency."""
    state = State(source, overrides, front)
    for stage in stages:
        state = stage.run(state)
    return need(state.parsed, "parsed report")
