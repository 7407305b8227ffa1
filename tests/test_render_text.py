"""govdisclosure.rendering.text: the published text, aligned tables, and a text that reads back."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any
from unicodedata import east_asian_width

import pytest
from hypothesis import given, settings

from govdisclosure import examples, to_rows
from govdisclosure.document import build_grid
from govdisclosure.layout import label_key, layout_of
from govdisclosure.model import Edition, Report
from govdisclosure.rendering import RenderOptions, render
from govdisclosure.rendering._common import context, printed
from govdisclosure.rendering.text import display_width, table_lines, wrap
from govdisclosure.strategies import reports

TABLE_EDITIONS = [Edition.STANDARD_2021, Edition.TRIAL_2019]


def _lines(text: str) -> list[str]:
    """Lines with white space at line ends removed, no trailing empty line."""
    return [line.rstrip() for line in text.rstrip("\n").split("\n")]


# ---------------------------------------------------------------- the Xianning report


def test_xianning_reproduces_the_published_text() -> None:
    """Title, then every heading and paragraph through the signature and date, character
    for character; the published metadata block (lines 2-5) is what we print tidier."""
    published = _lines(examples.source_text("xianning-2015"))
    report = examples.load("xianning-2015")
    rendered = _lines(render.text(report, options=RenderOptions(metadata=False)))
    assert rendered == [published[0], *published[5:]]


def test_xianning_with_its_tidy_metadata_block() -> None:
    published = _lines(examples.source_text("xianning-2015"))
    rendered = _lines(render.text(examples.load("xianning-2015")))
    assert rendered[0] == published[0]
    assert rendered[1:5] == [
        "文号：无",
        "发文单位：无",
        "名称：咸宁市民政局2015年政府信息公开工作年度报告",
        "发布日期：2020年9月11日",
    ]
    assert rendered[5:] == published[5:]
    assert rendered[-2:] == ["咸宁市民政局", "2016年1月29日"]


# ---------------------------------------------------------------- tables as grids


def _tables(text: str) -> list[list[str]]:
    """The runs of table lines (lines starting with + or |) of a rendered text."""
    runs: list[list[str]] = []
    current: list[str] = []
    for line in text.split("\n"):
        if line.startswith(("+", "|")):
            current.append(line)
        elif current:
            runs.append(current)
            current = []
    return runs


def _parse_grid(lines: list[str], ambiguous: int = 2) -> tuple[list[int], list[Any], list[Any]]:
    """docutils' reStructuredText grid-table parser, with its double-width padding."""
    pytest.importorskip("docutils")  # installed with the docs extra
    from docutils.parsers.rst import tableparser  # type: ignore[import-untyped]
    from docutils.statemachine import StringList  # type: ignore[import-untyped]

    # docutils counts East Asian Ambiguous characters (“ ”) as one column; a Chinese text
    # prints them as two, as CJK fonts do: pad them as docutils pads wide characters
    block = StringList(
        [
            "".join(ch + "\x00" if east_asian_width(ch) == "A" else ch for ch in line)
            for line in lines
        ]
        if ambiguous == 2
        else lines
    )
    block.pad_double_width("\x00")
    widths, head, body = tableparser.GridTableParser().parse(block)
    return widths, head, body


def _cell_text(cell: Any) -> str:
    """The text of a parsed cell, wrapped lines joined (CJK joins without a space)."""
    lines = [line.replace("\x00", "").strip() for line in cell[3]]
    out = ""
    for line in (x for x in lines if x):
        if out and (out[-1].isascii() and out[-1].isalnum()) and line[0].isascii():
            out += " "
        out += line
    return out


@pytest.mark.parametrize("name", ["jianghe-2021", "jianghe-2020"])
@pytest.mark.parametrize("locale", ["zh_CN", "en"])
def test_tables_are_aligned_rst_grid_tables_matching_the_grid(name: str, locale: str) -> None:
    report = examples.load(name)
    ctx = context(report, locale, None)
    for table in ctx.layout.tables:
        data = getattr(report, table.attribute)
        grid = printed(ctx, build_grid(table, data, "indented", english=not ctx.zh))
        amb = ctx.ambiguous_width
        lines = table_lines(grid, ambiguous=amb)
        widths = {display_width(line, ambiguous=amb) for line in lines}
        assert len(widths) == 1, f"表{table.number}: lines of unequal display width"
        assert max(widths) <= 132 or locale == "en"
        col_widths, head, body = _parse_grid(lines, amb)
        assert len(col_widths) == grid.cols
        assert len(head) == grid.head
        assert len(head) + len(body) == grid.rows
        parsed = {}
        taken: set[tuple[int, int]] = set()
        for r, row in enumerate([*head, *body]):
            c = 0
            for cell in row:
                if cell is None:
                    continue
                morerows, morecols, _, _ = cell
                while (r, c) in taken:
                    c += 1
                parsed[r, c] = (morerows + 1, morecols + 1, _cell_text(cell))
                taken.update(
                    (r + i, c + j) for i in range(morerows + 1) for j in range(morecols + 1)
                )
                c += morecols + 1
        expected = {
            (g.row, g.col): (g.rowspan, g.colspan, label_key(g.text) if g.text else "")
            for g in grid.cells
        }
        got = {k: (rs, cs, label_key(t) if t else "") for k, (rs, cs, t) in parsed.items()}
        assert got == expected


def _read_tables(text: str, edition: Edition) -> list[tuple[str, str, str]]:
    """A reader for the rendered text's tables: (row label path, column label path, figure)
    in reading order, labels normalised with label_key. It knows only the conventions the
    module documentation states, plus the edition's column order."""
    layout = layout_of(edition)
    out: list[tuple[str, str, str]] = []
    for table, lines in zip(layout.tables, _tables(text), strict=True):
        _, _head, body = _parse_grid(lines)
        rows = [[c for c in row if c is not None] for row in body]
        if table.number == "二":
            block_title = ""
            columns: list[str] = []
            for cells in rows:
                texts = [_cell_text(c) for c in cells]
                if len(cells) == 1:
                    block_title = texts[0]
                elif label_key(texts[0]) == label_key("信息内容"):
                    columns = texts[1:]
                else:
                    for column, value in zip(columns, texts[1:], strict=True):
                        out.append((f"{block_title}/{texts[0]}", column, value))
        elif table.number == "三":
            (block,) = table.blocks
            column_names = ["/".join(c.labels) for c in block.columns]
            stack: list[str] = []
            for cells in rows:
                raw = lines[cells[0][2]][2:]  # docutils strips a cell's indentation: re-read it
                depth = (len(raw) - len(raw.lstrip(" "))) // 2
                label = _cell_text(cells[0])
                stack[depth:] = [label]
                if len(cells) == 1:
                    continue
                for column, cell in zip(column_names, cells[1:], strict=True):
                    out.append(("/".join(stack), column, _cell_text(cell)))
        else:
            (block,) = table.blocks
            names = [
                ("/".join(r.labels), "/".join(c.labels)) for r in block.rows for c in block.columns
            ]
            (figures,) = rows
            for (row, column), cell in zip(names, figures, strict=True):
                out.append((row, column, _cell_text(cell)))
    return [(label_key(r), label_key(c), v) for r, c, v in out]


def _expected(report: Report) -> list[tuple[str, str, str]]:
    out = []
    for row in to_rows(report):
        value = row["value"]
        if value is None:
            text = ""
        elif row["column"] == "本年增/减":
            text = f"+{value}" if value > 0 else str(value)
        elif row["unit"] in ("元",) and isinstance(value, Decimal):  # to_rows: Decimal amounts
            text = format(value, "f") + row["unit"]
        else:
            text = str(value)
        out.append((label_key(row["row"]), label_key(row["column"]), text))
    return out


@pytest.mark.parametrize("name", ["jianghe-2021", "jianghe-2020"])
def test_examples_read_back(name: str) -> None:
    report = examples.load(name)
    assert _read_tables(render.text(report), report.edition) == _expected(report)


@given(reports(editions=TABLE_EDITIONS))
@settings(max_examples=40)
def test_generated_reports_read_back(report: Report) -> None:
    """render → read gives every figure back, under its official row and column labels."""
    text = render.text(report)
    assert _read_tables(text, report.edition) == _expected(report)
    for lines in _tables(text):
        assert len({display_width(line, ambiguous=2) for line in lines}) == 1


def test_blank_cells_are_empty_and_signed_cells_signed() -> None:
    report = examples.load("jianghe-2020")
    text = render.text(report)
    assert re.search(r"\| 行政许可 +\| +46 \| +-3 \| +1175 \|", text)
    assert re.search(r"\| 其他对外管理服务事项 +\| +18 \| +\+2 \|", text)


def test_ambiguous_width_option() -> None:
    """“ ” take two columns in Chinese (CJK fonts), one in English or when asked."""
    report = examples.load("jianghe-2021")

    def widths(text: str, ambiguous: int) -> set[int]:
        rows = [x for x in text.splitlines() if "三安全一稳定" in x or "国家秘密" in x]
        return {display_width(x, ambiguous=ambiguous) for x in rows}

    assert len(widths(render.text(report), 2)) == 1
    narrow = render.text(report, options=RenderOptions(ambiguous_width=1))
    assert len(widths(narrow, 1)) == 1
    assert len(widths(narrow, 2)) == 2
    for lines in _tables(narrow):  # exactly the grid docutils expects
        _parse_grid(lines, ambiguous=1)
    english = render.text(report, locale="en")
    assert len(widths(english, 1)) <= 1


def test_narrow_tables_wrap_headers_and_labels() -> None:
    report = examples.load("jianghe-2021")
    text = render.text(report, options=RenderOptions(text_width=60, label_width=12))
    for lines in _tables(text):
        assert len({display_width(line, ambiguous=2) for line in lines}) == 1
    assert _read_tables(text, report.edition) == _expected(report)


def test_wrap() -> None:
    assert wrap("", 10) == [""]
    assert wrap("abc", 10) == ["abc"]
    assert wrap("abcdefghij", 4) == ["abcd", "efgh", "ij"]
    assert wrap("一、本年新收", 4) == ["一、", "本年", "新收"]
    # no line starts with closing punctuation nor ends with opening punctuation
    for width in range(4, 30):
        for line in wrap("(二)部分公开(区分处理的,只计这一情形,不计其他情形)", width):
            assert not line.startswith((")", ","))
            assert not line.endswith("(")
    assert [display_width(x) <= 6 for x in wrap("社会公益组织法律服务机构", 6)] == [True] * 4


def test_widths() -> None:
    assert display_width("") == 0
    assert display_width("e\u0301") == 1  # combining accent
    assert display_width("ＡＢ") == 4  # full-width letters
