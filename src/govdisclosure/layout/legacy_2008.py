"""The legacy edition (条例 2008, 第三十一、三十二条): no national tables; the usual outline."""

from __future__ import annotations

from govdisclosure.layout._types import Edition, EditionLayout, SectionLayout

__all__ = ["LAYOUT"]

_SECTIONS_LEGACY = (
    SectionLayout(1, "概述", "Overview", ("总体工作情况", "总体情况", "基本情况")),
    SectionLayout(
        2,
        "主动公开政府信息的情况",
        "Proactive disclosure",
        ("主动公开政府信息情况",),
    ),
    SectionLayout(
        3,
        "依申请公开政府信息和不予公开政府信息的情况",
        "Disclosure on application and refusals",
        ("依申请公开政府信息情况", "依申请公开政府信息的情况"),
    ),
    SectionLayout(
        4,
        "政府信息公开的收费及减免情况",
        "Fees and fee waivers",
        ("政府信息公开收费及减免情况",),
    ),
    SectionLayout(
        5,
        "因政府信息公开申请行政复议、提起行政诉讼的情况",
        "Administrative reconsideration and litigation",
        ("因政府信息公开申请行政复议、提起行政诉讼情况",),
    ),
    SectionLayout(
        6,
        "政府信息公开工作存在的主要问题及改进情况",
        "Main problems and improvements",
        ("政府信息公开工作存在的主要问题及整改情况", "存在的主要问题及改进情况"),
    ),
    SectionLayout(
        7,
        "其他需要报告的事项",
        "Other matters to report",
        ("其他认为应当报告的事项", "其他需要说明的事项"),
    ),
)


LAYOUT = EditionLayout(
    edition=Edition.LEGACY_2008,
    name="政府信息公开工作年度报告",
    basis="中华人民共和国政府信息公开条例(国务院令第492号)第三十一、三十二条",
    sections=_SECTIONS_LEGACY,
    tables=(),
)
