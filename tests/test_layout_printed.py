"""The printed form of the layouts' labels, annotated official rows, and the units of columns."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import attrs
import pytest

from govdisclosure import examples, from_rows, to_rows
from govdisclosure.errors import StructureError
from govdisclosure.layout import (
    Edition,
    layout_of,
    matcher,
    normalize_label,
    printed_label,
)
from govdisclosure.layout.match import is_official_row, split_note
from govdisclosure.model import ExtraRow
from govdisclosure.rendering import RenderOptions, render
from govdisclosure.rendering._common import TableBlock, blocks, context, printed

FIXTURES = Path(__file__).parent / "fixtures" / "real_headings.json"
ASCII_MARKS = set("(),:;")
TABLE_EDITIONS = (Edition.STANDARD_2021, Edition.TRIAL_2019)


def _labels(edition: Edition) -> list[tuple[str, str]]:
    """(stored label, printed form) of every label, header and corner note of an edition."""
    out = []
    for table in layout_of(edition).tables:
        for block in table.blocks:
            out += list(zip(block.labels, block.printed, strict=True))
            for row in block.rows:
                out += list(zip(row.labels, row.printed, strict=True))
            for col in block.columns:
                out += list(zip(col.labels, col.printed, strict=True))
        if table.corner_note is not None:
            assert table.printed_corner_note is not None
            out.append((table.corner_note, table.printed_corner_note))
    return out


@pytest.mark.parametrize("edition", TABLE_EDITIONS)
def test_every_label_has_its_printed_form(edition: Edition) -> None:
    labels = _labels(edition)
    assert len(labels) > 40
    for stored, form in labels:
        assert stored == normalize_label(stored)  # stored NFKC, for matching and keys
        assert unicodedata.normalize("NFKC", form) == stored  # the same label
        assert not ASCII_MARKS & set(form), form  # printed full-width （），：；
        assert form == printed_label(stored)


def test_the_official_printed_forms() -> None:
    layout = layout_of(Edition.STANDARD_2021)
    assert layout.table("二").blocks[0].printed == ("第二十条第（一）项",)
    assert layout.table("二").blocks[3].columns[0].printed == ("本年收费金额（单位：万元）",)
    assert layout.table("三").printed_corner_note == (
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    )
    partly = layout.cell("requests", "partly_granted.total")
    assert printed_label(partly.row_labels[-1]) == (
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
    )
    # marks that are printed as stored: 1. of an item, / of 本年增/减, the quotes
    assert printed_label("3.危及“三安全一稳定”") == "3.危及“三安全一稳定”"
    assert printed_label("本年增/减") == "本年增/减"


@pytest.mark.parametrize("fmt", ["text", "html", "markdown"])
@pytest.mark.parametrize("name", ["jianghe-2021", "jianghe-2020"])
def test_the_examples_render_every_label_in_its_printed_form(fmt: str, name: str) -> None:
    report = examples.load(name)
    out = render(report, fmt)  # type: ignore[arg-type]
    if fmt == "text":  # plain text wraps labels within their cells: compare the cells drawn
        ctx = context(report, "zh_CN", None)
        drawn = {
            c.text
            for block in blocks(ctx, report, "indented")
            if isinstance(block, TableBlock)
            for c in printed(ctx, block.grid).cells
            if c.role != "data"
        }
        assert {p for _, p in _labels(report.edition)} <= drawn
        assert "第二十条第（一）项" in out
    for stored, printed_form in _labels(report.edition):
        if fmt != "text":
            assert printed_form in out, (fmt, printed_form)
        if ASCII_MARKS & set(stored) and len(stored) > 8:
            assert stored not in out, (fmt, stored)
    ascii_out = render(report, fmt, options=RenderOptions(fullwidth=False))  # type: ignore[arg-type]
    assert "第二十条第(一)项" in ascii_out


def test_the_example_prose_is_written_with_full_width_punctuation() -> None:
    for name in ("jianghe-2021", "jianghe-2020"):
        report = examples.load(name)
        texts = [*report.preamble, *(p for s in report.sections for p in s.paragraphs)]
        texts += [p for s in report.sections for sub in s.subsections for p in sub.paragraphs]
        assert texts
        for text in texts:
            assert not ASCII_MARKS & set(text), text
        assert report.preamble[0].startswith("本报告根据《中华人民共和国政府信息公开条例》（以下")


# --------------------------------------------------------------------------- annotated rows

ANNOTATED = json.loads(FIXTURES.read_text(encoding="utf-8"))[
    "annotated_rows (issue 10: a Hubei template)"
][0]


def test_an_annotated_official_row_is_the_official_row() -> None:
    assert split_note(ANNOTATED) == ("规章", "设区的市、自治州人民政府应提供相关数据")
    m = matcher(Edition.STANDARD_2021)
    for row in (f"第二十条第(一)项 / {ANNOTATED}", ("第二十条第（一）项", ANNOTATED)):
        cell = m.cell("二", row, "本年制发件数")
        assert cell is not None
        assert cell.key == "regulations.issued"
    block = layout_of(Edition.STANDARD_2021).table("二").blocks[0]
    assert is_official_row(block, ANNOTATED)
    assert m.extra_cell("二", f"第二十条第(一)项 / {ANNOTATED}", "本年制发件数") is None
    # a real extra row stays an extra row, annotated or not
    assert not is_official_row(block, "其他主动公开文件(含党内规范性文件)")
    assert m.extra_cell("二", "第二十条第(一)项 / 其他主动公开文件", "本年制发件数") is not None


def test_tidy_rows_with_an_annotated_label_fill_the_official_cells() -> None:
    report = examples.load("jianghe-2021")
    rows = to_rows(report)
    for r in rows:
        if r["row"] == "第二十条第(一)项 / 规章":
            r["row"] = f"第二十条第(一)项 / {ANNOTATED}"
    again = from_rows(rows, report=attrs.evolve(report, active=None, requests=None, reviews=None))
    assert again.active == report.active
    assert again.active is not None
    assert again.active.extra_rows == ()


def test_an_annotated_official_row_is_no_extra_row() -> None:
    report = examples.load("jianghe-2021")
    assert report.active is not None
    with pytest.raises(StructureError, match="official row"):
        attrs.evolve(
            report.active,
            extra_rows=(ExtraRow(block="第二十条第(一)项", label=ANNOTATED, values=(1, 0, 1)),),
        )


# --------------------------------------------------------------------------- units


def test_the_2019_item_and_project_columns_count_items() -> None:
    report = examples.load("jianghe-2020")
    units = {(r["row"], r["column"]): r["unit"] for r in to_rows(report)}
    assert units["第二十条第(五)项 / 行政许可", "上一年项目数量"] == "项"
    assert units["第二十条第(五)项 / 行政许可", "本年增/减"] == "项"
    assert units["第二十条第(五)项 / 行政许可", "处理决定数量"] == "件"
    assert units["第二十条第(九)项 / 政府集中采购", "采购项目数量"] == "项"
    assert units["第二十条第(八)项 / 行政事业性收费", "上一年项目数量"] == "项"
    assert units["第二十条第(一)项 / 规章", "本年新制作数量"] == "件"
    layout = layout_of(Edition.TRIAL_2019)
    assert layout.cell("active", "licensing.previous_items").unit == "项"
    rows = to_rows(report)
    bare = attrs.evolve(report, active=None, requests=None, reviews=None)
    assert from_rows(rows, report=bare).active == report.active  # and they read back
