r"""The report as GitHub-flavoured Markdown: headings, paragraphs and pipe tables.

- ``#`` the title; the metadata block as a list; ``##`` the sections (``一、…``), ``###`` their
  sub-sections, and so on; each paragraph a paragraph; the signature a last paragraph with a
  hard line break between agency and date.
- Tables as pipe tables, their multi-level labels flattened with " / ": a column of 表三 is
  ``法人或其他组织 / 商业企业``, a row ``三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密``
  (the names :func:`govdisclosure.to_rows` gives, in their printed form: full-width （），：；).
  表三's corner note heads its label column; the caption 申请人情况, which heads every column,
  is left out. 表二 is one table per
  block, headed by the block's title; 表四 is a table of its three rows (行政复议 and the two
  行政诉讼 groups) by its five columns.
- Everything the report states is escaped, so a ``*`` or ``|`` in a paragraph prints as is.

>>> from govdisclosure import examples
>>> md = render(examples.load("jianghe-2021"))
>>> print(md[md.index("| 第二十条第（五）项"):][:52])
| 第二十条第（五）项 | 本年处理决定数量 |
|:---|---:|
| 行政许可 | 1268 |
"""

from __future__ import annotations

import datetime as _dt
import re

from govdisclosure.layout import JOIN
from govdisclosure.model import ExtraRow, Report
from govdisclosure.rendering._common import (
    BlockRenderer,
    Context,
    Heading,
    RenderOptions,
    TableBlock,
    cell_text,
    context,
)

__all__ = ["escape", "render"]

_INLINE = re.compile(r"([\\`*_\[\]<>|~#])")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_LINE_START = re.compile(r"^([ \t]*)([>+=-]|\d+[.)])", re.MULTILINE)
_INDENT = re.compile(r"^[ \t]+", re.MULTILINE)


def escape(text: str) -> str:
    r"""Text escaped so that Markdown prints it as is (line breaks become hard breaks).

    >>> print(escape("*重要* 1|2 <b>"))
    \*重要\* 1\|2 \<b\>
    >>> print(escape("1. 第一项"), escape("# 标题"), escape("2015年"), escape("    缩进"))
    1\. 第一项 \# 标题 2015年 &#32;&#32;&#32;&#32;缩进
    """
    text = _ENTITY.sub(r"\\&", _INLINE.sub(r"\\\1", text))
    text = _LINE_START.sub(lambda m: m.group(1) + _escape_marker(m.group(2)), text)
    # leading white space would make an indented code block: keep it as characters
    text = _INDENT.sub(lambda m: "".join(f"&#{ord(c)};" for c in m.group()), text)
    return text.replace("\n", "\\\n")


def _escape_marker(marker: str) -> str:
    return marker[:-1] + "\\" + marker[-1]


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _cell(text: str) -> str:
    """Inline escapes only: a cell holds no block structure (no list or heading markers)."""
    return _ENTITY.sub(r"\\&", _INLINE.sub(r"\\\1", text)).replace("\n", "<br>")


def _table(ctx: Context, block: TableBlock) -> list[str]:
    """One Markdown table per block of the layout, the figures taken from the document's grid."""
    table, data = block.table, block.data
    out: list[str] = []
    extra: tuple[ExtraRow, ...] = getattr(data, "extra_rows", ())
    figures = {c.path: c for c in block.grid.data_cells()}
    cells = iter(table.cells)
    for layout_block in table.blocks:
        corner = JOIN.join(ctx.labels(layout_block.labels, layout_block.en))
        if table.corner_note:
            corner = ctx.label(table.corner_note, table.corner_note_en or "")
        header = [_cell(corner)] + [
            _cell(JOIN.join(ctx.labels(c.labels, c.en))) for c in layout_block.columns
        ]
        if out:
            out.append("")
        out.append(_row(header))
        out.append("|:---|" + "---:|" * len(layout_block.columns))
        for row in layout_block.rows:
            values = [
                _cell(cell_text(ctx, figures[next(cells).json_path])) for _ in layout_block.columns
            ]
            out.append(_row([_cell(JOIN.join(ctx.labels(row.labels, row.en))), *values]))
        for i, extra_row in enumerate(extra):
            if extra_row.block == layout_block.labels[0]:
                values = [
                    _cell(
                        cell_text(ctx, figures[f"$.{table.attribute}.extra_rows[{i}].values[{c}]"])
                    )
                    for c in range(len(layout_block.columns))
                ]
                out.append(_row([_cell(extra_row.label), *values]))
    return out


class _Lines(BlockRenderer[str]):
    """The lines of the Markdown: each block a paragraph, blocks apart by a blank line."""

    def para(self, lines: list[str]) -> None:
        if self.out:
            self.out.append("")
        self.out.extend(lines)

    def title(self, text: str) -> None:
        self.para(["# " + escape(text)])

    def metadata(self, items: list[tuple[str, str, str]]) -> None:
        colon = "：" if self.ctx.zh else ": "
        self.para([f"- {escape(label)}{colon}{escape(value)}" for _, label, value in items])

    def paragraph(self, text: str) -> None:
        self.para([escape(text)])

    def heading(self, block: Heading, text: str) -> None:
        self.para(["#" * min(block.level + 1, 6) + " " + escape(text)])

    def table(self, block: TableBlock) -> None:
        self.para(_table(self.ctx, block))

    def signature(self, agency: str, date: _dt.date | None) -> None:
        lines = [escape(agency)]
        if date is not None:
            lines = [lines[0] + "\\", escape(self.date_text(date))]
        self.para(lines)


def render(report: Report, *, locale: str = "zh_CN", options: RenderOptions | None = None) -> str:
    """The report as GitHub-flavoured Markdown (see the module documentation).

    >>> from govdisclosure import examples
    >>> print("\\n".join(render(examples.load("xianning-2015")).splitlines()[:4]))
    # 咸宁市民政局2015年政府信息公开工作年度报告
    <BLANKLINE>
    - 文号：无
    - 发文单位：无
    """
    return "\n".join(_Lines(context(report, locale, options)).render(report)) + "\n"
