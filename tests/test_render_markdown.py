"""govdisclosure.rendering.markdown: GitHub-flavoured Markdown with flattened pipe tables."""

from __future__ import annotations

import re

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govdisclosure import examples, to_rows
from govdisclosure.layout import JOIN, printed_label
from govdisclosure.model import Edition, Report, Section, Signature
from govdisclosure.rendering import render
from govdisclosure.rendering.markdown import escape
from govdisclosure.strategies import reports

_PIPE = re.compile(r"(?<!\\)\|")


def _table_blocks(md: str) -> list[list[str]]:
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in md.split("\n"):
        if line.startswith("|"):
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _cells(line: str) -> list[str]:
    assert line.startswith(("| ", "|:"))
    assert line.endswith("|")
    return [c.strip() for c in _PIPE.split(line)[1:-1]]


def _check_tables(md: str) -> list[list[list[str]]]:
    """Every pipe table: a header, a delimiter row, and rows of the header's width."""
    out = []
    for block in _table_blocks(md):
        widths = {len(_cells(line)) for line in block}
        assert len(widths) == 1, block
        assert re.fullmatch(r"\|:---\|(---:\|)+", block[1])
        out.append([_cells(line) for line in block])
    return out


@pytest.mark.parametrize("name", ["jianghe-2021", "jianghe-2020"])
def test_tables_flatten_labels_like_tidy_rows(name: str) -> None:
    report = examples.load(name)
    tables = _check_tables(render.markdown(report))
    assert len(tables) == {"jianghe-2021": 4 + 2, "jianghe-2020": 5 + 2}[name]
    table3 = tables[-2]
    assert table3[0][0].startswith("（本列数据的勾稽关系为：")
    assert table3[0][1:] == [
        "自然人",
        "法人或其他组织 / 商业企业",
        "法人或其他组织 / 科研机构",
        "法人或其他组织 / 社会公益组织",
        "法人或其他组织 / 法律服务机构",
        "法人或其他组织 / 其他",
        "总计",
    ]
    # the row and column names are those of to_rows in their printed form, and so are the
    # figures
    cells = {}
    for table in tables[:-2]:
        block = table[0][0]
        for row in table[2:]:
            for column, value in zip(table[0][1:], row[1:], strict=True):
                cells[f"{block} / {row[0]}", column] = value
    for table in tables[-2:]:
        for row in table[2:]:
            for column, value in zip(table[0][1:], row[1:], strict=True):
                cells[row[0], column] = value
    for r in to_rows(report):
        value = r["value"]
        printed = cells[printed_label(r["row"]), printed_label(r["column"])]
        if r["column"] == "本年增/减" and value > 0:
            assert printed == f"+{value}"
        elif r["unit"] == "元":
            assert printed == f"{value}元"
        else:
            assert printed == str(value)
    assert len(cells) == len(to_rows(report))


def test_table_4_rows_by_columns() -> None:
    tables = _check_tables(render.markdown(examples.load("jianghe-2021")))
    assert tables[-1] == [
        ["", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"],
        [":---", "---:", "---:", "---:", "---:", "---:"],
        ["行政复议", "2", "1", "0", "0", "3"],
        [f"行政诉讼{JOIN}未经复议直接起诉", "1", "0", "0", "1", "2"],
        [f"行政诉讼{JOIN}复议后起诉", "1", "0", "0", "0", "1"],
    ]


def test_document_structure() -> None:
    md = render.markdown(examples.load("xianning-2015"))
    lines = md.split("\n")
    assert lines[0] == "# 咸宁市民政局2015年政府信息公开工作年度报告"
    assert "## 一、总体工作情况" in lines
    assert "## 八、其他认为应当报告的事项" in lines
    assert md.endswith("咸宁市民政局\\\n2016年1月29日\n")
    # the paragraph with a line break keeps it, as a hard break
    assert "查询网址:\\\nhttp://www.xianning.gov.cn/xnsmzj2/)" in md


@given(reports(), st.sampled_from(["zh_CN", "en"]))
@settings(max_examples=60)
def test_generated_reports_have_consistent_tables(report: Report, locale: str) -> None:
    md = render.markdown(report, locale=locale)
    tables = _check_tables(md)
    expected = {Edition.STANDARD_2021: 6, Edition.TRIAL_2019: 7, Edition.LEGACY_2008: 0}
    assert len(tables) == expected[report.edition]


# ---------------------------------------------------------------- escaping, with a real parser


def _to_html(md: str) -> str:
    """CommonMark with GFM tables, by markdown-it-py (installed with the docs extra)."""
    markdown_it = pytest.importorskip("markdown_it")
    return str(markdown_it.MarkdownIt("commonmark").enable("table").render(md))


def _plain(html: str) -> str:
    from html import unescape

    return unescape(re.sub(r"<[^>]+>", "", html))


_TEXT = st.text(
    alphabet=st.sampled_from([*"abc 12.-+#*_`[]()<>|&!~\\:;'\"=/\t", "中", "文", "。"]),
    min_size=1,
    max_size=40,
).filter(lambda s: s.rstrip() == s and s.strip())


@given(_TEXT)
@settings(max_examples=300)
def test_escaped_text_prints_as_is(text: str) -> None:
    html = _to_html(escape(text))
    assert html.startswith("<p>"), html
    assert _plain(html).rstrip("\n") == text


@pytest.mark.parametrize(
    "text",
    [
        "1. 不是列表",
        "# 不是标题",
        "- 不是列表",
        "+ 不是列表",
        "> 不是引用",
        "a | b",
        "*强调*",
        "&amp;",
    ],
)
def test_markdown_syntax_in_reports_is_inert(text: str) -> None:
    report = attrs.evolve(
        examples.load("jianghe-2021"),
        sections=(Section(ordinal=1, title=text, paragraphs=(text,)),),
        signature=Signature(agency=text),
        facts=(),
        relations=(),
    )
    html = _to_html(render.markdown(report))
    assert f"<h2>一、{_html_escape(text)}</h2>" in html
    assert f"<p>{_html_escape(text)}</p>" in html


def _html_escape(text: str) -> str:
    from html import escape as esc

    return esc(text, quote=True).replace("&#x27;", "'")


@pytest.mark.parametrize("name", ["jianghe-2021", "jianghe-2020"])
def test_tables_parse_as_gfm_tables(name: str) -> None:
    html = _to_html(render.markdown(examples.load(name)))
    tables = re.findall(r"<table>.*?</table>", html, re.S)
    assert len(tables) == len(_check_tables(render.markdown(examples.load(name))))
    for table in tables:
        rows = re.findall(r"<tr>(.*?)</tr>", table, re.S)
        widths = {len(re.findall(r"<t[hd][ >]", row)) for row in rows}
        assert len(widths) == 1
