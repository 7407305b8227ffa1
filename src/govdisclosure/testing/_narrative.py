"""The prose of generated reports: agencies, sections of any length with sub-sections,
and the located facts and relations a narrative (legacy) report states."""

from __future__ import annotations

import random
from decimal import Decimal
from typing import Final

from hypothesis import strategies as st

from govdisclosure.layout import MAX_YEAR, Edition, layout_of
from govdisclosure.model import Fact, Location, Relation, Section
from govdisclosure.numerals import Qualifier, Quantity
from govdisclosure.testing._draws import SearchStrategy, _Budget, _digits

__all__ = ["sections"]

_CITIES: Final = ("江河市", "青山县", "临海市", "白云区", "长宁县", "东湖市")
_BODIES: Final = (
    "自然资源和规划局",
    "民政局",
    "人民政府办公室",
    "生态环境局",
    "交通运输局",
    "教育局",
)
_AGENCIES: Final = st.sampled_from([c + b for c in _CITIES for b in _BODIES])
_SENTENCES: Final = (
    "坚持以公开为常态、不公开为例外,持续深化政务公开。",
    "进一步健全政府信息公开工作机制,明确专人负责。",
    "及时回应社会关切,做好政策解读工作。",
    "加强政府网站信息发布审核,确保信息准确权威。",
    "组织开展政务公开业务培训,提升工作人员业务能力。",
    "公开内容的深度和广度还需进一步拓展。",
    "下一步,将继续完善制度,推动政务公开标准化规范化建设。",
    "认真落实《中华人民共和国政府信息公开条例》,做到应公开尽公开。",
)
_SUBTITLES: Final = (
    "加强组织领导",
    "完善制度建设",
    "平台建设情况",
    "监督保障情况",
    "强化队伍建设",
    "规范工作流程",
)
"""Sub-section headings that name no item of the outline (GD601 reads a legacy report's
headings at every level) and none of 第五十条第四项 (GD602)."""
#: Paragraphs per section, sentences per paragraph, sub-sections per section: weighted
#: choices (mostly short, sometimes a long paragraph or several sub-sections).
_PARAGRAPHS: Final = (1, 1, 1, 2, 2, 3, 5, 0)
_LENGTHS: Final = (1, 1, 2, 2, 3, 5, 12, 40)
_SUBSECTIONS: Final = (0, 0, 0, 0, 0, 1, 2, 3)
_PROSE_SEED: Final = st.integers(0, 2**64 - 1)


def _prose(seed: int, *, depth: int = 0) -> tuple[list[str], tuple[Section, ...]]:
    """The paragraphs and sub-sections of a section, from one drawn seed: seed 0 (where
    shrinking ends) is one sentence and no sub-section."""
    if seed == 0:
        return [_SENTENCES[0]], ()
    rng = random.Random(seed)
    paragraphs = [
        "".join(rng.choice(_SENTENCES) for _ in range(rng.choice(_LENGTHS)))
        for _ in range(rng.choice(_PARAGRAPHS))
    ]
    if depth:
        return paragraphs, ()
    subsections = tuple(
        Section(
            ordinal=i + 1,
            title=rng.choice(_SUBTITLES),
            paragraphs=tuple(_prose(rng.getrandbits(64), depth=1)[0]),
        )
        for i in range(rng.choice(_SUBSECTIONS))
    )
    return paragraphs, subsections


def sections() -> SearchStrategy[Section]:
    """A section as reports write them: one of the current edition's headings, prose of any
    length, sometimes sub-sections ``(一)…``."""
    headings = st.sampled_from(layout_of(Edition.for_year(MAX_YEAR)).sections)

    @st.composite
    def draw_section(draw: st.DrawFn) -> Section:
        heading = draw(headings)
        paragraphs, subsections = _prose(draw(_PROSE_SEED))
        return Section(
            ordinal=heading.ordinal,
            title=heading.title,
            paragraphs=tuple(paragraphs),
            subsections=subsections,
        )

    return draw_section()


def _stated(
    where: tuple[int, int], pieces: list[tuple[str, str, str, Quantity]]
) -> tuple[str, list[Fact]]:
    """A sentence stating each quantity after its lead words, and the located facts."""
    section, paragraph = where
    text, facts = "", []
    for lead, key, label, quantity in pieces:
        text += lead
        start = len(text)
        text += str(quantity)
        location = Location(section=(section,), paragraph=paragraph, start=start, end=len(text))
        facts.append(
            Fact(key=key, label=label, text=str(quantity), quantity=quantity, location=location)
        )
    return text + "。", facts


_MEASURES: Final = st.sampled_from(("条", "件", "篇"))
_PART_COUNT: Final = st.integers(2, 5)
_MONEY: Final = st.integers(0, 10**7)


def _legacy_facts(
    draw: st.DrawFn, section: int, limit: int
) -> tuple[list[str], list[Fact], list[Relation]]:
    """Paragraphs stating a count breakdown and a money balance, with their relations."""
    facts: list[Fact] = []
    measure = draw(_MEASURES)
    budget = _Budget(limit)
    parts = [budget.take(1 + v) for v in _digits(draw, 300, draw(_PART_COUNT))]
    names = ("工作动态", "政策文件", "通知公告", "办事指南", "人事信息")
    total_value = sum(parts)
    step = 10 ** (len(str(total_value)) - 1)
    if total_value > 10 and total_value % step:
        total_q = Quantity(Decimal(total_value - total_value % step), measure, Qualifier.YU)
    else:
        total_q = Quantity(Decimal(total_value), measure)
    para, found = _stated(
        (section, 0),
        [("本年度共主动公开政府信息", "breakdown.total", "主动公开信息总数", total_q)]
        + [
            ((",其中" if i == 0 else ",") + names[i], f"breakdown.part{i}", names[i], q)
            for i, q in enumerate(Quantity(Decimal(v), measure) for v in parts)
        ],
    )
    facts += found
    relations = [
        Relation(
            result="breakdown.total",
            add=tuple(f"breakdown.part{i}" for i in range(len(parts))),
            text="其中",
        )
    ]
    income = draw(_MONEY)
    spent = draw(_MONEY) % (income + 1)
    para2, found = _stated(
        (section, 1),
        [
            ("本年度专项资金收入", "funds.income", "收入", Quantity(Decimal(income), "元")),
            (",支出", "funds.spent", "支出", Quantity(Decimal(spent), "元")),
            (",结余", "funds.balance", "结余", Quantity(Decimal(income - spent), "元")),
        ],
    )
    facts += found
    relations.append(
        Relation(result="funds.balance", add=("funds.income",), subtract=("funds.spent",))
    )
    return [para, para2], facts, relations
