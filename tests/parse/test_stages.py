"""Reading as named stages: the list is data, a front end is one registration, and every
origin carries the place of the unit it was read from."""

from __future__ import annotations

import ast
import pathlib
import re
from collections.abc import Iterator

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import govdisclosure as gd
from govdisclosure import examples
from govdisclosure.document import Heading, Paragraph, SignatureBlock, Title
from govdisclosure.layout.page import CHROME_PREFIXES, CHROME_WORDS
from govdisclosure.parse import STAGES, FrontEnd, FrontEndOutput, Place, Stage, frontends, parse
from govdisclosure.parse._chrome import is_chrome
from govdisclosure.parse._stages import run
from govdisclosure.parse._stages._state import State
from govdisclosure.parse._text import text_units
from govdisclosure.parse._units import Line, Region, Unit
from govdisclosure.rendering import render

PARSE = pathlib.Path(gd.__file__).parent / "parse"


def test_the_stages_are_a_list_in_order() -> None:
    assert [s.name for s in STAGES] == [
        "decode",
        "detect",
        "front end",
        "outline",
        "infer",
        "tables",
        "assemble",
    ]
    assert all(isinstance(s, Stage) for s in STAGES)


def test_each_stage_returns_a_new_state_and_adds_its_findings() -> None:
    source = examples.source_text("xianning-2015").encode("gb18030")
    state = State(source)
    for stage in STAGES:
        before = state
        state = stage.run(before)
        assert state is not before or stage.name == "detect"
        assert state.findings[: len(before.findings)] == before.findings
    assert state.parsed is not None
    assert state.parsed.report == parse(source).report
    assert state.findings[0].code == "GP101"  # the decode stage's, first


def test_a_stage_list_may_be_extended() -> None:
    seen: list[int] = []

    def count_headings(state: State) -> State:
        assert state.outline is not None
        seen.append(sum(1 for _ in state.outline.of(Heading)))
        return state

    stages = (*STAGES[:4], Stage("count", count_headings), *STAGES[4:])
    source = examples.source_text("xianning-2015")
    parsed = run(source, stages=stages)
    assert parsed.report == parse(source).report
    assert parsed.document is not None
    assert seen == [sum(1 for b in parsed.document.blocks if isinstance(b, Heading))]
    assert seen[0] > 3


# --------------------------------------------------------------------------- a toy front end

KV = """gd-kv: 1
title: 某某县民政局2021年政府信息公开工作年度报告
section: 总体情况
para: 本年度共收到政府信息公开申请3件，办结3件。
section: 主动公开政府信息情况
para: 全年主动公开信息120条。
agency: 某某县民政局
date: 2022年1月20日
"""


def _kv_lines(text: str) -> Iterator[tuple[int, int, str, str]]:
    at = 0
    for n, raw in enumerate(text.split("\n"), 1):
        key, _, value = raw.partition(": ")
        if value:
            yield n, at + len(key) + 2, key, value
        at += len(raw) + 1


def read_kv(text: str) -> FrontEndOutput:
    """A "key: value" format: each value a line, its key the hint; the page is the line's
    number."""
    units: list[Unit] = []
    for n, start, key, value in _kv_lines(text):
        if key == "gd-kv":
            continue
        hint, level = {"title": ("heading", 0), "section": ("heading", 1)}.get(key, ("", 0))
        place = Place(n)
        units.append(Line(value, start, start + len(value), hint=hint, level=level, place=place))
    return FrontEndOutput(text, tuple(units))


@pytest.fixture
def kv() -> Iterator[FrontEnd]:
    front = FrontEnd("kv", read_kv, sniff=lambda head: head.startswith("gd-kv:"))
    frontends.register(front)
    try:
        yield front
    finally:
        frontends.unregister("kv")
    assert "kv" not in frontends.names()


def test_a_registered_front_end_reads_through_every_stage(kv: FrontEnd) -> None:
    parsed = parse(KV)  # detected by its sniff
    assert parsed.format == "kv"
    report = parsed.report
    assert report.title == "某某县民政局2021年政府信息公开工作年度报告"
    assert (report.year, report.agency) == (2021, "某某县民政局")
    assert [s.title for s in report.sections] == ["总体情况", "主动公开政府信息情况"]
    assert report.sections[1].paragraphs == ("全年主动公开信息120条。",)
    assert report.signature is not None
    assert str(report.signature.date) == "2022-01-20"
    kinds = [type(b) for b in parsed.document.blocks]  # type: ignore[union-attr]
    assert kinds == [Title, Heading, Paragraph, Heading, Paragraph, SignatureBlock]
    assert parse(KV, format="kv").report == report
    # each origin carries the place of its unit: the page is the line of the source
    for path, o in parsed.provenance.items():
        assert o.place is not None, path
        assert o.place.page == o.line, path
    assert parsed.provenance["$.sections[1].paragraphs[0]"].place == Place(6)
    assert parsed.provenance["$.signature.date"].place == Place(8)


def test_unregistered_front_end_is_gone(kv: FrontEnd) -> None:
    frontends.unregister("kv")
    assert parse(KV).format == "text"
    with pytest.raises(gd.errors.ParseError, match="unknown format 'kv'"):
        parse(KV, format="kv")


def _placed(unit: Unit, smap: gd.parse.SourceMap) -> Unit:
    if isinstance(unit, Region):
        toks = tuple(attrs.evolve(t, place=Place(smap.line_column(t.start)[0])) for t in unit.toks)
        return attrs.evolve(unit, toks=toks, place=Place(smap.line_column(unit.start)[0]))
    return attrs.evolve(unit, place=Place(smap.line_column(unit.start)[0]))


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_every_origin_carries_the_place_of_its_unit(fmt: str) -> None:
    """Text read by a paginated front end (each unit on the page of its line) gives the same
    report as plain text, and every origin the place of the unit it was read from."""
    source = render(examples.load("jianghe-2021"), fmt)  # type: ignore[arg-type]

    def read(text: str) -> FrontEndOutput:
        smap = gd.parse.SourceMap(text)
        units = text_units(text, markdown=fmt == "markdown")
        return FrontEndOutput(text, tuple(_placed(u, smap) for u in units))

    frontends.register(FrontEnd("paged", read, broken_lines=fmt == "text"))
    try:
        paged = parse(source, format="paged")
    finally:
        frontends.unregister("paged")
    plain = parse(source, format=fmt)
    assert paged.report == plain.report
    assert paged.provenance.keys() == plain.provenance.keys()
    for path, o in paged.provenance.items():
        assert o.place is not None, path
        assert attrs.evolve(o, place=None) == plain.provenance[path], path
        agency = paged.provenance.get("$.signature.agency")
        if path == "$.signature.date" and agency is not None and agency.place == o.place:
            # one unit (a Markdown hard break) prints agency and date: it has one place, the
            # agency's line's, while each has its own span
            assert o.place.page == agency.line
        elif not path.startswith("$.facts"):
            assert o.place.page == o.line, path


def test_a_binary_front_end_reads_bytes() -> None:
    def read(data: bytes) -> FrontEndOutput:
        return read_kv(data[4:].decode("utf-8"))

    frontends.register(FrontEnd("kvb", read, sniff=lambda b: b[:4] == b"KVB\x00", binary=True))
    try:
        parsed = parse(b"KVB\x00" + KV.encode("utf-8"))
    finally:
        frontends.unregister("kvb")
    assert parsed.format == "kvb"
    assert parsed.report.sections[0].title == "总体情况"
    assert parsed.provenance["$.title"].place == Place(2)


# --------------------------------------------------------------------------- the house rules


def _code_lines(path: pathlib.Path) -> int:
    source = path.read_text(encoding="utf-8")
    docs: set[int] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef) and ast.get_docstring(
            node
        ):
            first = node.body[0]
            docs.update(range(first.lineno, (first.end_lineno or first.lineno) + 1))
    return sum(
        1
        for n, line in enumerate(source.splitlines(), 1)
        if line.strip() and not line.strip().startswith("#") and n not in docs
    )


def test_sizes_a_person_can_hold() -> None:
    for path in sorted(PARSE.rglob("*.py")):
        assert _code_lines(path) <= 600, path.name
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                assert length <= 60, (path.name, node.name, length)


def test_editions_are_named_in_the_layout_not_in_the_reader() -> None:
    named = [
        (path.name, node.lineno)
        for path in sorted(PARSE.rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id == "Edition"
        and node.attr.isupper()
    ]
    assert len(named) <= 3, named


_CHROME_ALPHABET = sorted(set("".join(CHROME_WORDS)) | set(":：|【】 ，。1２３x中国报告Page "))


def _chrome_by_words(line: str) -> bool:
    """The chrome test as first written: the words removed, only punctuation and digits left."""
    if len(line) > 40:
        return False
    words = sorted(CHROME_WORDS, key=len, reverse=True)
    t = re.sub("|".join(map(re.escape, words)), " ", line)
    punct = set(":：|｜【】[]()（）,，.。、·•>/-—_ \t\u3000\xa0")
    return t != line and all(ch in punct or ch.isdigit() for ch in t)


@given(st.text(alphabet=st.sampled_from(_CHROME_ALPHABET), max_size=44))
def test_one_chrome_test_reads_as_its_words_say(line: str) -> None:
    assert is_chrome(line) is _chrome_by_words(line)
    assert is_chrome(line, header=True) is (
        line.startswith(CHROME_PREFIXES) or _chrome_by_words(line)
    )
