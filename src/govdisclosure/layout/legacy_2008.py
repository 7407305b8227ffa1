"""The legacy edition (条例 2008, 第三十一、三十二条): no national tables; the usual outline."""

from __future__ import annotations

from govdisclosure.layout._types import Edition, EditionLayout, SectionLayout

__all__ = ["LAYOUT", "LEGACY_ITEMS"]

_SECTIONS_LEGACY = (
    SectionLayout(
        1,
        "概述",
        "Overview",
        (
            "总体工作情况",
            "总体情况",
            "基本情况",
            "工作基本情况",
            "政府信息公开工作基本情况",
            "政府信息公开工作总体情况",
            "政府信息公开工作概述",
        ),
    ),
    SectionLayout(
        2,
        "主动公开政府信息的情况",
        "Proactive disclosure",
        ("主动公开政府信息情况", "主动公开情况", "主动公开政府信息工作情况"),
    ),
    SectionLayout(
        3,
        "依申请公开政府信息和不予公开政府信息的情况",
        "Disclosure on application and refusals",
        (
            "依申请公开政府信息情况",
            "依申请公开政府信息的情况",
            "依申请公开情况",
            "依申请公开政府信息和不予公开政府信息情况",
        ),
    ),
    SectionLayout(
        4,
        "政府信息公开的收费及减免情况",
        "Fees and fee waivers",
        ("政府信息公开收费及减免情况", "政府信息公开的收费、减免情况", "政府支出与收费"),
    ),
    SectionLayout(
        5,
        "因政府信息公开申请行政复议、提起行政诉讼的情况",
        "Administrative reconsideration and litigation",
        (
            "因政府信息公开申请行政复议、提起行政诉讼情况",
            "因政府信息公开申请行政复议和提起行政诉讼情况",
            "复议、诉讼和申诉",
            "行政复议、行政诉讼和申诉情况",
        ),
    ),
    SectionLayout(
        6,
        "政府信息公开工作存在的主要问题及改进情况",
        "Main problems and improvements",
        (
            "政府信息公开工作存在的主要问题及整改情况",
            "存在的主要问题及改进情况",
            "存在的主要问题及改进措施",
            "存在的问题及改进措施",
        ),
    ),
    SectionLayout(
        7,
        "其他需要报告的事项",
        "Other matters to report",
        ("其他认为应当报告的事项", "其他需要说明的事项", "需要说明的事项与附表"),
    ),
)
"""The common outline of legacy reports. The 2008 条例 prescribes items (第三十二条), not an
outline: reports number, merge and add parts freely (概述, 咨询处理情况, 政府信息公开机构人员及
相关费用情况, 附表 …), so GD601 asks only that some heading covers each item
(:data:`LEGACY_ITEMS`)."""

LEGACY_ITEMS: tuple[tuple[str, str, str], ...] = (
    ("(一)主动公开政府信息的情况", "proactive disclosure", r"主动公开"),
    (
        "(二)依申请公开政府信息和不予公开政府信息的情况",
        "disclosure on application and refusals",
        r"依申请|申请公开|不予公开|收到和处理",
    ),
    ("(三)政府信息公开的收费及减免情况", "fees and fee waivers", r"收费|费用|减免|支出与收"),
    (
        "(四)因政府信息公开申请行政复议、提起行政诉讼的情况",
        "administrative reconsideration and litigation",
        r"复议|诉讼|申诉",
    ),
    (
        "(五)政府信息公开工作存在的主要问题及改进情况",
        "main problems and improvements",
        r"问题|改进|整改|不足",
    ),
)
"""The items of 2008 条例 第三十二条 a legacy report must cover ((一)–(五); (六) 其他 is open):
the item as the 条例 words it, its English name, and the words of a heading that covers it."""


LAYOUT = EditionLayout(
    edition=Edition.LEGACY_2008,
    name="政府信息公开工作年度报告",
    basis="中华人民共和国政府信息公开条例(国务院令第492号)第三十一、三十二条",
    sections=_SECTIONS_LEGACY,
    tables=(),
)
