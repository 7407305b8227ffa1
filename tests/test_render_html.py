"""govdisclosure.rendering.html: documents, fragments, escaping and the official table layout."""

from __future__ import annotations

from collections import Counter
from html.parser import HTMLParser
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govdisclosure import examples
from govdisclosure.layout import layout_of
from govdisclosure.model import Edition, Report, Section, Signature
from govdisclosure.rendering import RenderOptions, render
from govdisclosure.rendering._common import context, figure_text, format_value
from govdisclosure.strategies import reports


class _Page(HTMLParser):
    """Collects what the tests look at: elements, tables with their cells, text."""

    VOID = frozenset({"meta", "br", "link", "img", "hr", "input", "col"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.tables: list[dict[str, Any]] = []
        self.cell: dict[str, Any] | None = None
        self.text: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        attrs_ = dict(attributes)
        self.tags.append((tag, attrs_))
        if tag not in self.VOID:
            self.stack.append(tag)
        if tag == "table":
            self.tables.append({"attrs": attrs_, "rows": [], "section": None})
        elif tag in ("thead", "tbody"):
            self.tables[-1]["section"] = tag
        elif tag == "tr":
            self.tables[-1]["rows"].append({"section": self.tables[-1]["section"], "cells": []})
        elif tag in ("td", "th"):
            self.cell = {"tag": tag, "attrs": attrs_, "text": ""}
            self.tables[-1]["rows"][-1]["cells"].append(self.cell)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:]}")
            return
        self.stack.pop()
        if tag in ("td", "th"):
            self.cell = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell["text"] += data
        self.text.append(data)


def _parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    parser.close()
    assert parser.errors == []
    assert parser.stack == []
    return parser


def _grid(table: dict[str, Any]) -> dict[tuple[int, int], dict[str, Any]]:
    """The HTML table model: every cell at its (row, column), spans applied."""
    taken: dict[tuple[int, int], dict[str, Any]] = {}
    origin: dict[tuple[int, int], dict[str, Any]] = {}
    for r, row in enumerate(table["rows"]):
        c = 0
        for cell in row["cells"]:
            while (r, c) in taken:
                c += 1
            rs = int(cell["attrs"].get("rowspan") or 1)
            cs = int(cell["attrs"].get("colspan") or 1)
            origin[r, c] = cell | {"row": r, "col": c, "rowspan": rs, "colspan": cs}
            for i in range(rs):
                for j in range(cs):
                    assert (r + i, c + j) not in taken, "overlapping cells"
                    taken[r + i, c + j] = cell
            c += cs
    rows = len(table["rows"])
    cols = max(c for _, c in taken) + 1
    assert set(taken) == {(r, c) for r in range(rows) for c in range(cols)}, "ragged table"
    return origin


def _figures(report: Report, locale: str = "zh_CN") -> dict[str, str]:
    """Every stated figure of the report's tables by JSON path, as the renderer prints it."""
    ctx = context(report, locale, None)
    out = {}
    for table in layout_of(report.edition).tables:
        data = getattr(report, table.attribute)
        if data is None:
            continue
        for cell in table.cells:
            out[cell.json_path] = figure_text(ctx, cell, data)
        for i, row in enumerate(getattr(data, "extra_rows", ())):
            block = next(b for b in table.blocks if b.labels and b.labels[0] == row.block)
            for j, (column, value) in enumerate(zip(block.columns, row.values, strict=True)):
                path = f"$.{table.attribute}.extra_rows[{i}].values[{j}]"
                out[path] = format_value(ctx, column.kind, value)  # "+1" in a signed column
    return out


# ---------------------------------------------------------------- documents


def test_standalone_document() -> None:
    page = render.html(examples.load("jianghe-2021"))
    assert page.startswith('<!doctype html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">')
    parsed = _parse(page)
    tags = [t for t, _ in parsed.tags]
    assert tags.count("style") == 1
    assert tags.count("title") == 1
    assert tags.count("h1") == 1
    assert tags.count("table") == 3
    assert tags.count("thead") == 2  # 表三 and 表四; 表二 is row groups only
    assert "@page" in page
    assert "<script" not in page


def test_fragment() -> None:
    fragment = render.html(examples.load("jianghe-2021"), options=RenderOptions(standalone=False))
    assert fragment.startswith('<article class="gd-report" lang="zh-CN"')
    assert fragment.endswith("</article>\n")
    for absent in ("<html", "<head", "<style", "<body", "<!doctype"):
        assert absent not in fragment
    _parse(fragment)


def test_stylesheet_option_and_no_way_out_of_style() -> None:
    page = render.html(
        examples.load("jianghe-2021"),
        options=RenderOptions(stylesheet="td{color:red}</style><script>x()</script>"),
    )
    assert "td{color:red}" in page
    assert page.count("</style>") == 1  # the stylesheet cannot close its element
    assert "script" not in [tag for tag, _ in _parse(page).tags]


def test_id_prefix() -> None:
    report = examples.load("jianghe-2021")
    a = render.html(report, options=RenderOptions(id_prefix="a"))
    b = render.html(report, options=RenderOptions(id_prefix="b"))
    ids_a = {v["id"] for _, v in _parse(a).tags if v.get("id")}
    ids_b = {v["id"] for _, v in _parse(b).tags if v.get("id")}
    assert ids_a
    assert not ids_a & ids_b
    assert all(str(i).startswith("a-") for i in ids_a)


def test_english_marks_verbatim_chinese() -> None:
    page = render.html(examples.load("jianghe-2021"), locale="en")
    assert '<html lang="en">' in page
    assert '<h1 class="gd-title" lang="zh-CN">' in page
    assert '<h2 id="gd-s1">I. Overview</h2>' in page
    assert '<p lang="zh-CN">' in page
    assert ">Natural persons</th>" in page


HOSTILE = '<script>alert("x")</script> & "引号" \'单\' <b>粗</b> &amp; \u2028'


@pytest.mark.parametrize("locale", ["zh_CN", "en"])
def test_everything_is_escaped(locale: str) -> None:
    base = examples.load("jianghe-2021")
    report = attrs.evolve(
        base,
        title=HOSTILE,
        preamble=(HOSTILE,),
        sections=(Section(ordinal=1, title=HOSTILE, paragraphs=(HOSTILE + "\n" + HOSTILE,)),),
        signature=Signature(agency=HOSTILE),
        facts=(),
        relations=(),
    )
    page = render.html(report, locale=locale)
    assert "<script>" not in page
    assert "<b>" not in page
    parsed = _parse(page)
    text = "".join(parsed.text)
    assert text.count(HOSTILE) >= 5


# ---------------------------------------------------------------- tables


@pytest.mark.parametrize("name", ["jianghe-2021", "jianghe-2020"])
def test_tables_are_rectangular_and_semantic(name: str) -> None:
    parsed = _parse(render.html(examples.load(name)))
    ids = {a["id"] for t, a in parsed.tags if t == "th"}
    for table in parsed.tables:
        grid = _grid(table)
        for cell in grid.values():
            if cell["tag"] == "th":
                assert cell["attrs"]["scope"] in ("col", "colgroup", "row", "rowgroup")
            elif "data-path" in cell["attrs"]:
                headers = (cell["attrs"]["headers"] or "").split()
                assert headers
                assert set(headers) <= ids


def test_official_layout_of_table_3() -> None:
    parsed = _parse(render.html(examples.load("jianghe-2021")))
    grid = _grid(parsed.tables[1])
    text = {pos: c["text"] for pos, c in grid.items()}
    span = {pos: (c["rowspan"], c["colspan"]) for pos, c in grid.items()}
    assert text[0, 0].startswith("（本列数据的勾稽关系为：")
    assert span[0, 0] == (3, 3)
    assert (text[0, 3], span[0, 3]) == ("申请人情况", (1, 7))
    assert (text[1, 3], span[1, 3]) == ("自然人", (2, 1))
    assert (text[1, 4], span[1, 4]) == ("法人或其他组织", (1, 5))
    assert (text[1, 9], span[1, 9]) == ("总计", (2, 1))
    assert [text[2, c] for c in range(4, 9)] == [
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
    ]
    assert (text[3, 0], span[3, 0]) == ("一、本年新收政府信息公开申请数量", (1, 3))
    assert (text[5, 0], span[5, 0]) == ("三、本年度办理结果", (22, 1))
    assert (text[5, 1], span[5, 1]) == ("（一）予以公开", (1, 2))
    assert (text[7, 1], span[7, 1]) == ("（三）不予公开", (8, 1))
    assert text[7, 2] == "1.属于国家秘密"
    assert (text[15, 1], span[15, 1]) == ("（四）无法提供", (3, 1))
    assert (text[18, 1], span[18, 1]) == ("（五）不予处理", (5, 1))
    assert (text[23, 1], span[23, 1]) == ("（六）其他处理", (3, 1))
    assert (text[26, 1], span[26, 1]) == ("（七）总计", (1, 2))
    assert (text[27, 0], span[27, 0]) == ("四、结转下年度继续办理", (1, 3))
    assert len(parsed.tables[1]["rows"]) == 28


def test_official_layout_of_table_3_trial_2019() -> None:
    parsed = _parse(render.html(examples.load("jianghe-2020")))
    grid = _grid(parsed.tables[1])
    assert (grid[5, 0]["text"], grid[5, 0]["rowspan"]) == ("三、本年度办理结果", 20)
    assert (grid[23, 1]["text"], grid[23, 1]["colspan"]) == ("（六）其他处理", 2)
    assert len(parsed.tables[1]["rows"]) == 26


def test_official_layout_of_table_4() -> None:
    parsed = _parse(render.html(examples.load("jianghe-2021")))
    table = parsed.tables[2]
    grid = _grid(table)
    assert [r["section"] for r in table["rows"]] == ["thead"] * 3 + ["tbody"]
    assert (grid[0, 0]["text"], grid[0, 0]["colspan"]) == ("行政复议", 5)
    assert (grid[0, 5]["text"], grid[0, 5]["colspan"]) == ("行政诉讼", 10)
    assert (grid[1, 0]["text"], grid[1, 0]["rowspan"]) == ("结果维持", 2)
    assert (grid[1, 5]["text"], grid[1, 5]["colspan"]) == ("未经复议直接起诉", 5)
    assert (grid[1, 10]["text"], grid[1, 10]["colspan"]) == ("复议后起诉", 5)
    assert [grid[2, c]["text"] for c in range(5, 10)] == [
        "结果维持",
        "结果纠正",
        "其他结果",
        "尚未审结",
        "总计",
    ]
    figures = [grid[3, c]["text"] for c in range(15)]
    assert figures == ["2", "1", "0", "0", "3", "1", "0", "0", "1", "2", "1", "0", "0", "0", "1"]


def test_official_layout_of_table_2() -> None:
    parsed = _parse(render.html(examples.load("jianghe-2020")))
    table = parsed.tables[0]
    grid = _grid(table)
    assert grid[0, 0]["text"] == "第二十条第（一）项"
    assert grid[0, 0]["colspan"] == 4
    assert [grid[1, c]["text"] for c in range(4)] == [
        "信息内容",
        "本年新制作数量",
        "本年新公开数量",
        "对外公开总数量",
    ]
    rows = [[c["text"] for c in r["cells"]] for r in table["rows"]]
    assert ["第二十条第（八）项"] in rows
    assert ["信息内容", "上一年项目数量", "本年增/减"] in rows
    assert ["行政事业性收费", "5", "-1"] in rows
    assert ["政府集中采购", "7", "1863500元"] in rows
    assert ["行政许可", "46", "-3", "1175"] in rows


# ---------------------------------------------------------------- properties


def _check_figures(report: Report, locale: str) -> None:
    parsed = _parse(render.html(report, locale=locale))
    figures = _figures(report, locale)
    seen: Counter[str] = Counter()
    texts: dict[str, str] = {}
    for table in parsed.tables:
        _grid(table)
        for row in table["rows"]:
            for cell in row["cells"]:
                path = cell["attrs"].get("data-path")
                if path is not None:
                    seen[path] += 1
                    texts[path] = cell["text"]
    assert set(seen) == set(figures)
    assert all(n == 1 for n in seen.values())
    assert texts == figures
    # and every figure once among all the tables' cells, by value too
    printed = Counter(
        c["text"]
        for t in parsed.tables
        for r in t["rows"]
        for c in r["cells"]
        if c["tag"] == "td" and "data-path" in c["attrs"] and c["text"]
    )
    assert printed == Counter(v for v in figures.values() if v)


@given(
    reports(editions=[Edition.STANDARD_2021, Edition.TRIAL_2019]), st.sampled_from(["zh_CN", "en"])
)
@settings(max_examples=50)
def test_every_figure_exactly_once(report: Report, locale: str) -> None:
    _check_figures(report, locale)


@given(reports(), st.sampled_from(["zh_CN", "en"]), st.booleans())
@settings(max_examples=40)
def test_every_generated_report_is_well_formed_html(
    report: Report, locale: str, standalone: bool
) -> None:
    page = render.html(report, locale=locale, options=RenderOptions(standalone=standalone))
    parsed = _parse(page)
    assert report.title in "".join(parsed.text)


@pytest.mark.parametrize("name", ["jianghe-2021", "jianghe-2020"])
def test_examples_hold_every_figure_once(name: str) -> None:
    _check_figures(examples.load(name), "zh_CN")


def test_extra_rows_are_rendered_in_their_block() -> None:
    from govdisclosure.model import ExtraRow

    report = examples.load("jianghe-2020")
    assert report.active is not None
    active = attrs.evolve(
        report.active,
        extra_rows=(
            ExtraRow(block="第二十条第(一)项", label="其他主动公开文件", values=(3, None, 12)),
        ),
    )
    report = attrs.evolve(report, active=active)
    _check_figures(report, "zh_CN")
    rows = [[c["text"] for c in r["cells"]] for r in _parse(render.html(report)).tables[0]["rows"]]
    index = rows.index(["其他主动公开文件", "3", "", "12"])
    assert rows[index - 1][0] == "规范性文件"
    assert "其他主动公开文件" in render.text(report)
    assert "| 其他主动公开文件 | 3 |  | 12 |" in render.markdown(report)
