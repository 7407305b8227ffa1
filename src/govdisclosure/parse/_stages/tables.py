"""Stage ``tables``: the table regions read through the one table interpreter
(:class:`~govdisclosure.parse._tables.TableReader`) into table blocks, and the document
built: the outline's blocks and the tables', in the order of the text.

An edition without tables (2008) reads none; its regions are GP164.
"""

from __future__ import annotations

import attrs

from govdisclosure.document import Coverage, Document, Span
from govdisclosure.layout import layout_of
from govdisclosure.parse._stages._state import Sourced, State, need
from govdisclosure.parse._tables import TableReader
from govdisclosure.parse._types import EDITION_NAMES, ParseFinding
from govdisclosure.parse._units import Tok

__all__ = ["run"]


def run(state: State) -> State:
    """The state with :attr:`State.document`, :attr:`State.sources`, :attr:`State.cells`
    and :attr:`State.coverage`."""
    outline = need(state.outline, "outline")
    edition = need(state.inferred, "inference").edition
    regions = outline.regions
    blocks: tuple[Sourced, ...] = ()
    cells: tuple[tuple[str, Tok], ...] = ()
    findings: tuple[ParseFinding, ...] = ()
    coverage = Coverage(frozenset(), frozenset(), cut=False)
    if regions and edition.has_tables:
        reader = TableReader(edition)
        for region in regions:
            reader.feed(region)
        ends_inside = _ends_inside(state.text[regions[-1].end :])
        reader.finish(cut=ends_inside)
        blocks = tuple(Sourced(block) for _obj, block in reader.tables().values())
        read = [(path, tok) for path, (_v, tok, _c) in reader.values.items()]
        read += [(p + ".label", tok) for p, tok, _v in reader.extra_paths() if tok is not None]
        read += reader.extra_cells()
        cells = tuple(read)
        findings = reader.findings
        coverage = reader.coverage(ends_inside=ends_inside)
    elif regions:
        span = Span(regions[0].start, regions[0].end)
        args = (("edition", EDITION_NAMES[edition]), ("table", ("二/三/四", "2/3/4")))
        findings = (ParseFinding("GP164", args, span),)
    ordered = sorted((*outline.blocks, *blocks), key=Sourced.start)
    document = Document(tuple(s.block for s in ordered), layout_of(edition))
    sources = tuple(s.lines for s in ordered)
    return attrs.evolve(
        state.found(findings), document=document, sources=sources, cells=cells, coverage=coverage
    )


def _ends_inside(rest: str) -> bool:
    """Whether the text after the last table region leaves the source ending inside it:
    nothing, or one short line that is no sentence (a row label cut off: "7.属于行政执")."""
    rest = rest.strip()
    return not rest or ("\n" not in rest and len(rest) <= 40 and "。" not in rest)
