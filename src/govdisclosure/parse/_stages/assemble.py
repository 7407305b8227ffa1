"""Stage ``assemble``: the document to a :class:`~govdisclosure.model.Report`, with the
provenance of every field taken from the spans and lines of its blocks (one
:class:`~govdisclosure.parse._types.SourceMap` for them all), and the prose figures as facts.

Sections nest as the headings' paths say; a paragraph belongs to the heading before it (the
preamble before the first). A figure of the prose is a fact located in its paragraph, and
the sums the text states are relations; when they would not make a valid report, the report
keeps its text without them.
"""

from __future__ import annotations

from typing import Any

import attrs

from govdisclosure.document import (
    Heading,
    MetadataBlock,
    Paragraph,
    SignatureBlock,
    Span,
    TableBlock,
)
from govdisclosure.errors import StructureError
from govdisclosure.model import Metadata, Report, Section, Signature
from govdisclosure.parse._narrative import facts_and_relations
from govdisclosure.parse._stages._state import State, need
from govdisclosure.parse._types import (
    Origin,
    Parsed,
    ParseFinding,
    SourceMap,
    origin,
    sorted_findings,
)
from govdisclosure.parse._units import Line, Tok

__all__ = ["run"]


@attrs.define
class _Node:
    """A section being assembled: its heading, its JSON path, its paragraphs and subsections."""

    heading: Heading
    jpath: str
    paragraphs: list[str] = attrs.field(factory=list)
    children: list[_Node] = attrs.field(factory=list)

    def section(self) -> Section:
        return Section(
            ordinal=self.heading.ordinal,
            title=self.heading.title,
            paragraphs=tuple(self.paragraphs),
            subsections=tuple(c.section() for c in self.children),
        )


class _Provenance:
    """The provenance being gathered: JSON path → :class:`Origin`, over one source map."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.smap = SourceMap(text)
        self.origins: dict[str, Origin] = {}
        #: The paths whose text was decoded from what the source prints (HTML entities and
        #: markup, Markdown escapes): their raw is the source's, offsets into the text differ.
        self.decoded: set[str] = set()

    def line(self, path: str, line: Line | Tok) -> None:
        """``path`` read from ``line``: its raw token is the text its span holds (the text
        read, when it differs from the source by white space only)."""
        at, column = self.smap.line_column(line.start)
        raw = line.text
        printed = self.text[line.start : line.end]
        if raw != printed and "".join(raw.split()) != "".join(printed.split()):
            raw = printed
            self.decoded.add(path)
        self.origins[path] = Origin(line.start, line.end, at, column, raw, line.element, line.place)

    def at(self, path: str, start: int, end: int, raw: str, like: Origin) -> None:
        self.origins[path] = origin(self.smap, Span(start, end), raw, like.element, like.place)


def run(state: State) -> State:
    """The state with :attr:`State.parsed`: the report, its findings and provenance."""
    document = need(state.document, "document")
    inferred = need(state.inferred, "inference")
    prov = _Provenance(state.text)
    fields: dict[str, Any] = {}
    tables = False
    preamble: list[str] = []
    sections = _Sections()
    nodes = sections.nodes
    for block, lines in zip(document.blocks, state.sources, strict=True):
        if isinstance(block, Heading):
            sections.open(block, lines[0], prov)
        elif isinstance(block, Paragraph):
            paragraphs = nodes[-1].paragraphs if nodes else preamble
            where = nodes[-1].jpath + ".paragraphs" if nodes else "$.preamble"
            prov.line(f"{where}[{len(paragraphs)}]", lines[0])
            paragraphs.append(block.text)
        elif isinstance(block, MetadataBlock):
            fields["metadata"] = _metadata(block, lines, prov)
        elif isinstance(block, SignatureBlock):
            fields["signature"] = _signature(block, lines, prov)
        elif isinstance(block, TableBlock):
            fields[block.table.attribute] = block.data
            tables = True
    for path, tok in state.cells:
        prov.line(path, tok)
    for path, line in (("$.title", inferred.title_line), ("$.year", inferred.year_line)):
        if line is not None:
            prov.line(path, line)
    if inferred.agency_line is not None:
        prov.line("$.agency", inferred.agency_line)
    fields.update(
        agency=inferred.agency,
        year=inferred.year,
        edition=inferred.edition,
        title=inferred.title,
        preamble=tuple(preamble),
        sections=tuple(n.section() for n in sections.top),
        period=inferred.period,
    )
    report = _report(fields, preamble, nodes, prov)
    findings: tuple[ParseFinding, ...] = ()
    if not (report.sections or report.preamble or tables or report.title):
        findings = (ParseFinding("GP190", (), Span(0, len(state.text))),)
    front = need(state.front, "front end")
    parsed = Parsed(
        report,
        sorted_findings(state.findings + findings),
        prov.origins,
        state.text,
        document,
        front.name,
        coverage=need(state.coverage, "coverage"),
    )
    return state.found(findings, parsed=parsed)


class _Sections:
    """The sections being assembled, in the order read, each under the last section read one
    level up (its parent, by the path of ordinals its heading carries)."""

    def __init__(self) -> None:
        self.nodes: list[_Node] = []
        self.top: list[_Node] = []
        self.last: dict[int, _Node] = {}  # the last section read at each depth

    def open(self, block: Heading, line: Line, prov: _Provenance) -> None:
        depth = len(block.path)
        parent = self.last.get(depth - 1) if depth > 1 else None
        if parent is not None:
            node = _Node(block, f"{parent.jpath}.subsections[{len(parent.children)}]")
            parent.children.append(node)
        else:
            node = _Node(block, f"$.sections[{len(self.top)}]")
            self.top.append(node)
        self.last[depth] = node
        self.nodes.append(node)
        prov.line(node.jpath + ".title", line)


def _metadata(block: MetadataBlock, lines: tuple[Line, ...], prov: _Provenance) -> Metadata:
    values: dict[str, Any] = {}
    for item, line in zip(block.items, lines, strict=True):
        assert item.attribute is not None  # the outline keeps only the model's fields
        values[item.attribute] = item.value if item.value != "" else None
        if item.value != "":
            prov.line(f"$.metadata.{item.attribute}", line)
    return Metadata(**values)


def _signature(block: SignatureBlock, lines: tuple[Line, ...], prov: _Provenance) -> Signature:
    agency_line, date_line = lines
    if block.agency:
        prov.line("$.signature.agency", agency_line)
    prov.line("$.signature.date", date_line)
    return Signature(agency=block.agency, date=block.date)


def _report(
    fields: dict[str, Any], preamble: list[str], nodes: list[_Node], prov: _Provenance
) -> Report:
    """The report, with the facts and relations of its prose when they make a valid one."""
    places: list[tuple[tuple[int, ...], int, str]] = [((), i, p) for i, p in enumerate(preamble)]
    places += [(n.heading.path, i, p) for n in nodes for i, p in enumerate(n.paragraphs)]
    facts, relations = facts_and_relations(places)
    try:
        report = Report(**fields, facts=tuple(facts), relations=tuple(relations))
    except StructureError:
        return Report(**fields, facts=(), relations=())
    jpaths: dict[tuple[int, ...], str] = {}  # a section's path of ordinals → its JSON path
    for n in nodes:
        jpaths.setdefault(n.heading.path, n.jpath)
    for i, f in enumerate(report.facts):
        section, paragraph = f.location.section, f.location.paragraph
        if section == ():
            where: str | None = f"$.preamble[{paragraph}]"
        else:
            jpath = jpaths.get(section)
            where = f"{jpath}.paragraphs[{paragraph}]" if jpath else None
        o = prov.origins.get(where) if where is not None else None
        if o is not None and where not in prov.decoded and o.end - o.start == len(o.raw):
            start = o.start + f.location.start
            prov.at(f"$.facts[{i}]", start, o.start + f.location.end, f.text, o)
    return report
