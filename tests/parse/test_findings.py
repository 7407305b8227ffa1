"""Every finding code of the reader: a source that triggers it, and an example in the how-to."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from tests.parse.office import minimal_pdf, report_docx

from govdisclosure import examples
from govdisclosure.layout import Edition
from govdisclosure.parse import CODES, parse

T2 = (
    "二、主动公开政府信息情况\n第二十条第(一)项 |\n"
    "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
)
T2_9 = "第二十条第(九)项 |\n信息内容 | 采购项目数量 | 采购总金额 |\n"

TRIGGERS: dict[str, tuple[str | bytes, dict[str, Any]]] = {
    "GP101": ("一、总体情况".encode("gb18030"), {}),
    "GP102": (b"\x80\xff", {}),
    "GP103": ("打印本页 关闭窗口\n某局2021年政府信息公开工作年度报告\n一、总体情况\n正文。", {}),
    "GP105": (minimal_pdf(b"q 500 0 0 700 40 60 cm /Im1 Do Q", image=True), {}),
    "GP106": (
        minimal_pdf(
            b"q 500 0 0 700 40 60 cm /Im1 Do Q BT /F1 12 Tf 72 780 Td (Table) Tj ET",
            image=True,
            font=True,
        ),
        {},
    ),
    "GP107": (
        minimal_pdf(
            b"BT /F1 1 Tf 0 400 Td" + (b" (" + b"a" * 30_000 + b") Tj 0 2 Td") * 4 + b" ET",
            font=True,
        ),
        {},
    ),
    "GP108": (report_docx(examples.load("jianghe-2020")), {}),
    "GP110": (T2 + "规章 | 0 | 0 | 0 |", {}),
    "GP111": ("一、总体情况\n正文。", {}),
    "GP112": ("正文。", {}),
    "GP120": ("一、总体情况\n正文。\n二、主动公开政府信息情形况\n正文。", {}),
    "GP130": (
        "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) |\n"
        "5.属于三类内容事物信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
        {},
    ),
    "GP131": (T2 + "规章(设区的市应提供) | 0 | 0 | 0 |", {}),
    "GP132": (T2 + "其他文件 | 1 | 0 | 3 |", {}),
    "GP133": (T2 + "备注2020年 |", {}),
    "GP140": (T2 + "规章 | 1 2 | 0 | 0 |", {}),
    "GP141": (T2 + "规章 | / | 0 | 0 |", {}),
    "GP142": (T2 + "规章 | +3 | 0 | 0 |", {}),
    "GP143": (T2 + "规章 | 5元 | 0 | 0 |", {}),
    "GP144": (T2_9 + "政府集中采购 | 22 | 184719元 |", {}),
    "GP150": (T2 + "规章 | 0 | 4 |\n行政规范性文件 | 0 | 0 | 0 |", {}),
    "GP151": (T2 + "行政规范性文件 | 7 | | | 9 |", {}),
    "GP152": (T2 + "规章 | 0 | 0 | 0 |\n第二十条第(五)项 |\n8 |", {}),
    "GP160": (T2 + "规章 | 0 | 1", {}),
    "GP161": (T2 + "规章 | 0 | 1 | 2 |", {}),
    "GP162": (T2 + "规章 | 0 | 1 | 2 |\n规章 | 0 | 1 | 2 |", {}),
    "GP163": (
        T2 + "规章 | 0 | 1 | 2 |\n一、本年新收政府信息公开申请数量 | 1 |\n"
        "第二十条第(一)项 |\n正文。",
        {},
    ),
    "GP164": (T2 + "规章 | 0 | 1 | 2 |", {"edition": Edition.LEGACY_2008}),
    "GP170": ("某局2015年政府信息公开工作年度报告\n发布日期:去年\n一、总体情况", {}),
    "GP190": ("", {}),
}


def test_every_code_has_a_trigger() -> None:
    assert set(TRIGGERS) == set(CODES)


@pytest.mark.parametrize("code", sorted(CODES))
def test_the_code_is_found(code: str) -> None:
    source, kwargs = TRIGGERS[code]
    findings = [f for f in parse(source, **kwargs).findings if f.code == code]
    assert findings, code
    for f in findings:  # the messages fill from the finding's arguments
        assert f.message("zh_CN")
        assert f.message("en")


def test_the_near_heading_is_named_and_kept_as_printed() -> None:
    parsed = parse(TRIGGERS["GP120"][0])
    (f,) = [f for f in parsed.findings if f.code == "GP120"]
    assert dict(f.args) == {"found": "主动公开政府信息情形况", "label": "主动公开政府信息情况"}
    assert parsed.report.sections[1].title == "主动公开政府信息情形况"
    assert f.span is not None
    assert parsed.text[f.span.start : f.span.end] == "二、主动公开政府信息情形况"
    # an exact heading, or an alias, is no near match
    assert not [f for f in parse("一、总体情况\n正文。").findings if f.code == "GP120"]


def test_every_code_has_an_example_in_the_how_to() -> None:
    doc = (Path(__file__).parents[2] / "docs" / "howto-parse.md").read_text(encoding="utf-8")
    examples = "\n".join(re.findall(r"```python\n(.*?)```", doc, re.S))
    for code in CODES:
        assert f"**{code}**" in doc, code
        assert code in examples, code
