"""The document layer: every bundled example laid out as blocks, and the renderers print it."""

from __future__ import annotations

from typing import Any

import pytest

from govdisclosure import document, examples
from govdisclosure.document import (
    Heading,
    MetadataBlock,
    Paragraph,
    SignatureBlock,
    TableBlock,
    Title,
    layout_document,
)
from govdisclosure.layout import layout_of
from govdisclosure.model import Report, walk_sections
from govdisclosure.rendering import FORMATS, render


def _paragraphs(report: Report) -> list[str]:
    out = list(report.preamble)
    for _, s in walk_sections(report.sections):
        out += s.paragraphs
    return out


@pytest.mark.parametrize("name", examples.names())
@pytest.mark.parametrize("english", [False, True])
def test_every_example_is_laid_out_completely(name: str, english: bool) -> None:
    report = examples.load(name)
    doc = layout_document(report, english=english)
    blocks = list(doc)
    assert blocks[0] == Title(report.title)
    assert [b.text for b in blocks if isinstance(b, Paragraph)] == _paragraphs(report)
    headings = [b for b in blocks if isinstance(b, Heading)]
    assert [h.path for h in headings] == [p for p, _ in walk_sections(report.sections)]
    if report.metadata is not None:
        (md,) = [b for b in blocks if isinstance(b, MetadataBlock)]
        assert all(getattr(report.metadata, i.attribute or "") == i.value for i in md.items)
    signatures = [b for b in blocks if isinstance(b, SignatureBlock)]
    if report.signature is not None:
        assert signatures == [SignatureBlock(report.signature.agency, report.signature.date)]
    tables = doc.tables()
    layout = layout_of(report.edition)
    assert [t.table.number for t in tables] == [
        t.number for t in layout.tables if getattr(report, t.attribute) is not None
    ]
    for block in tables:
        figures = {c.path: c for c in block.grid.data_cells()}
        for cell in block.table.cells:
            assert figures[cell.json_path].value == cell.get(report)
            assert figures[cell.json_path].kind == cell.kind


def test_a_table_stands_in_the_section_the_edition_prints_it_in() -> None:
    report = examples.load("jianghe-2021")
    blocks = list(layout_document(report))
    for block in (b for b in blocks if isinstance(b, TableBlock)):
        i = blocks.index(block)
        heading = [b for b in blocks[:i] if isinstance(b, Heading)][-1]
        placed = {s.table: s.ordinal for s in layout_of(report.edition).sections if s.table}
        assert heading.path == (placed[block.table.number],)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", examples.names())
def test_the_renderers_print_the_document(
    fmt: Any, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[str, bool]] = []

    def spy(report: Report, *, english: bool = False, mode: Any = "official") -> Any:
        calls.append((report.title, english))
        return document.layout_document(report, english=english, mode=mode)

    monkeypatch.setattr("govdisclosure.rendering._common.layout_document", spy)
    report = examples.load(name)
    assert render(report, fmt, locale="en")
    assert calls == [(report.title, True)]
