"""The document the reader builds: tables in the section they were printed in, a sub-heading
with its first paragraph on one line, HTML element paths on blocks and cells."""

from __future__ import annotations

import pytest
from tests.parse.corpus import ids, load

from govdisclosure import examples
from govdisclosure.document import Document, Heading, Paragraph, TableBlock, layout_document
from govdisclosure.parse import parse
from govdisclosure.rendering import FORMATS, render


def _sections_of_tables(doc: Document) -> dict[str, tuple[int, ...]]:
    """Each table's number → the path of the top-level section whose heading precedes it."""
    out: dict[str, tuple[int, ...]] = {}
    current: tuple[int, ...] = ()
    for block in doc.blocks:
        if isinstance(block, Heading) and block.level == 1:
            current = block.path
        elif isinstance(block, TableBlock):
            out[block.table.number] = current
    return out


# --------------------------------------------------------------------------- tables


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", ["jianghe-2020", "jianghe-2021"])
def test_tables_stand_where_layout_document_places_them(name: str, fmt: str) -> None:
    report = examples.load(name)
    parsed = parse(render(report, fmt))  # type: ignore[arg-type]
    got = _sections_of_tables(parsed.document)  # type: ignore[arg-type]
    assert got == _sections_of_tables(layout_document(report))
    assert set(got) == {"二", "三", "四"}
    for block in parsed.document.tables():  # type: ignore[union-attr]
        # the report's tables are the document's
        assert block.data is getattr(parsed.report, block.table.attribute)
        # the block's span holds the whole printed table, its figures included
        assert block.span is not None
        for cell in block.grid.cells:
            assert cell.span is not None
            assert block.span.start <= cell.span.start <= cell.span.end <= block.span.end


@pytest.mark.parametrize("ident", ids())
def test_corpus_tables_stand_in_the_section_printed(ident: str) -> None:
    _meta, text, _truth = load(ident)
    parsed = parse(text)
    doc = parsed.document
    assert doc is not None
    starts = [b.span.start for b in doc.blocks if b.span is not None]
    assert starts == sorted(starts)  # the document is in source order
    headings = [b for b in doc.blocks if isinstance(b, Heading) and b.level == 1]
    for block in doc.tables():
        assert block.span is not None
        printed_under = [h.path for h in headings if h.span and h.span.start < block.span.start]
        assert _sections_of_tables(doc)[block.table.number] == (
            printed_under[-1] if printed_under else ()
        )


def test_a_heading_printed_in_the_tables_first_row_opens_its_section() -> None:
    html = (
        "<h1>某局2021年政府信息公开工作年度报告</h1><p>一、总体情况</p><p>本年度共收到申请3件。</p>"
        '<table><tr><td colspan="4">二、主动公开政府信息情况</td></tr>'
        '<tr><td colspan="4">第二十条第(一)项</td></tr>'
        "<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>"
        "<tr><td>规章</td><td>1</td><td>0</td><td>2</td></tr></table>"
        "<p>三、收到和处理政府信息公开申请情况</p><p>见下表。</p>"
    )
    parsed = parse(html)
    assert [s.title for s in parsed.report.sections] == [
        "总体情况",
        "主动公开政府信息情况",
        "收到和处理政府信息公开申请情况",
    ]
    assert _sections_of_tables(parsed.document) == {"二": (2,)}  # type: ignore[arg-type]
    assert parsed.report.active is not None
    assert parsed.report.active.regulations.in_force == 2


def test_a_table_before_any_heading_stands_with_the_preamble() -> None:
    text = (
        "第二十条第(一)项\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
        "规章 | 1 | 0 | 2 |\n"
    )
    parsed = parse(text + "一、总体情况\n正文。")
    assert _sections_of_tables(parsed.document) == {"二": ()}  # type: ignore[arg-type]


# --------------------------------------------------------------------------- run-in headings

# Lines of corpus excerpt 005 (tests/fixtures/corpus/raw/005.txt), as published.
LINE_005 = (
    "(一)政府信息主动公开情况:坚持以公开为常态、不公开为例外原则,全面、准确、及时做好公开工作。"
    "及时完善和更新县政府网站上开设的内容,第一时间公布涉及人民群众相关的政策、法规、动态等,"
    "确保群众第一知晓率,保障信息公开的时效性,不断推动信息公开工作高效化。"
)


def test_excerpt_005_sub_heading_with_its_paragraph() -> None:
    _meta, text, _truth = load("005")
    assert LINE_005 in text
    parsed = parse(text)
    general = parsed.report.sections[0]
    assert general.title == "总体情况"
    first = general.subsections[0]
    assert (first.ordinal, first.title) == (1, "政府信息主动公开情况")
    assert first.paragraphs == (LINE_005.split(":", 1)[1],)
    assert [s.title for s in general.subsections] == [
        "政府信息主动公开情况",
        "政府信息依申请公开办理情况",
        "政府信息管理情况",
        "政府信息公开平台建设",
        "监督保障情况",
    ]
    title = parsed.provenance["$.sections[0].subsections[0].title"]
    para = parsed.provenance["$.sections[0].subsections[0].paragraphs[0]"]
    assert parsed.text[title.start : title.end] == "(一)政府信息主动公开情况:"
    assert parsed.text[para.start : para.end] == first.paragraphs[0]  # verbatim, span kept
    assert para.column == len("(一)政府信息主动公开情况:") + 1
    # the document: a heading, then the paragraph, each with its own span
    doc = parsed.document
    assert doc is not None
    blocks = [b for b in doc.blocks if b.span and title.start <= b.span.start < para.end]
    assert [type(b) for b in blocks] == [Heading, Paragraph]
    # the facts of the paragraph are located in it
    facts = [f for f in parsed.report.facts if f.location.section == (1, 1)]
    for f in facts:
        o = parsed.provenance[f"$.facts[{parsed.report.facts.index(f)}]"]
        assert parsed.text[o.start : o.end] == f.text


def test_a_known_top_level_heading_with_its_paragraph() -> None:
    parsed = parse("一、总体情况：2021年，本机关共收到申请3件。\n二、主动公开政府信息情况\n正文。")
    first = parsed.report.sections[0]
    assert (first.ordinal, first.title) == (1, "总体情况")
    assert first.paragraphs == ("2021年，本机关共收到申请3件。",)
    assert len(parsed.report.facts) == 1
    o = parsed.provenance["$.facts[0]"]
    assert parsed.text[o.start : o.end] == "3件"


@pytest.mark.parametrize(
    "line",
    [
        "一、坚持问题导向：本年度共收到申请3件。",  # no known heading before the colon
        "(一)坚持问题导向，做到：公开为常态。",  # a sentence, not a title, before the colon
        "(一)政府信息主动公开情况：",  # nothing after the colon
    ],
)
def test_lines_that_are_no_run_in_heading(line: str) -> None:
    parsed = parse("一、总体情况\n" + line)
    section = parsed.report.sections[0]
    assert section.title == "总体情况"
    assert not section.subsections
    assert section.paragraphs == (line,)


# --------------------------------------------------------------------------- element paths


def test_html_blocks_and_cells_carry_their_element() -> None:
    report = examples.load("jianghe-2021")
    parsed = parse(render(report, "html"))
    doc = parsed.document
    assert doc is not None
    for block in doc.blocks:
        assert block.element is not None, block
        assert block.element.startswith("#document[1]/"), block
    for table in doc.tables():
        assert table.element is not None
        assert table.element.endswith("]")
        assert "/table[" in table.element
        for cell in table.grid.cells:
            assert cell.element is not None
            assert cell.element.startswith(table.element + "/")
            assert parsed.provenance[cell.path].element == cell.element  # type: ignore[index]


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_no_element_outside_html(fmt: str) -> None:
    parsed = parse(render(examples.load("jianghe-2021"), fmt))  # type: ignore[arg-type]
    doc = parsed.document
    assert doc is not None
    assert all(b.element is None for b in doc.blocks)
    assert all(c.element is None for t in doc.tables() for c in t.grid.cells)


def test_laid_out_documents_have_no_element() -> None:
    doc = layout_document(examples.load("jianghe-2021"))
    assert all(b.element is None for b in doc.blocks)
    assert all(c.element is None for t in doc.tables() for c in t.grid.cells)
