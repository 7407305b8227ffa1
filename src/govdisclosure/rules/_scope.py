"""What a figure of the prose covers (:class:`~govdisclosure.model.FactScope`), read from the
words around it where the text says so.

A figure is the year's own (本年度, 全年, 当年), cumulative (截至目前, 历年累计, 自2019年以来,
近三年), or for the whole jurisdiction rather than the agency's own work (全市共有城乡低保对象…,
全区各级行政机关). The words of its sentence up to the figure decide: a running total is
cumulative (截至目前，全市共… too) unless the year pins it (本年度累计受理 is the year's); else
a jurisdiction-wide figure is that (全市本年度共有…); else the year's where the words say so.
Where nothing is said: unknown.

>>> scope_of("截至目前，我局累计受理申请147件。", 13).value
'cumulative'
>>> scope_of("全市共有城乡低保对象121702户。", 10).value
'jurisdiction'
>>> scope_of("本年度累计受理政府信息公开申请46件。", 16).value
'year'
>>> scope_of("我局收到申请46件。", 6).value
'unknown'
"""

from __future__ import annotations

import re

from govdisclosure.model import FactScope

__all__ = ["CLAUSE", "SENTENCE_END", "SEVERAL_YEARS", "THIS_YEAR", "scope_in", "scope_of"]

_N_YEARS = r"(?:[2-9]|[1-9][0-9]|[两二三四五六七八九十几数][一二三四五六七八九十]*)"
SEVERAL_YEARS = (
    r"累计|以来|历年|多年|近[0-9一二两三四五六七八九十几数]*年"
    rf"|(?<![0-9]){_N_YEARS}个?年(?:来|间|中|里|期间|以来)"
    r"|[0-9]{4}年?\s*(?:至|到|—|–|-|~|\uff5e)\s*[0-9]{4}年"
)
"""Words that make a figure cover several years: 累计, (自2019年)以来, 历年, 多年, 近三年,
近几年, 三年来, 五年间, 2019年至2021年 …"""
THIS_YEAR = r"本年|今年|全年|当年"
"""Words that pin a figure to the report's year (本年度累计, 今年以来, 全年累计)."""

_CUMULATIVE = re.compile(rf"{SEVERAL_YEARS}|截至|截止|至今|目前共")
_YEAR = re.compile(THIS_YEAR)
_JURISDICTION = re.compile(
    r"全(?:省|市|州|盟|县|区|旗|镇|乡|街道|国)(?!政府|人民政府)|辖区|全域|各级行政机关|各地"
)
CLAUSE = re.compile(r"[^，,。；;！!？?：:\n（）()]+")
"""A clause: the text between two punctuation marks."""
SENTENCE_END = re.compile(r"[。；;！!？?\n]")
"""What ends a sentence."""


def scope_in(context: tuple[str, ...]) -> FactScope:
    """The scope the words before a figure give it: ``context`` is the words before it in its
    clause, then the earlier clauses of its sentence, nearest first.

    Cumulative when the nearest clause that speaks of time says several years (截至目前,
    累计, 以来 …) rather than the year (本年度累计 is the year's); else the whole
    jurisdiction when a clause says so (全市共有 …); else the year when a clause says it.
    """
    for words in context:
        if _YEAR.search(words):
            break
        if _CUMULATIVE.search(words):
            return FactScope.CUMULATIVE
    if any(_JURISDICTION.search(words) for words in context):
        return FactScope.JURISDICTION
    if any(_YEAR.search(words) for words in context):
        return FactScope.YEAR
    return FactScope.UNKNOWN


def scope_of(paragraph: str, start: int) -> FactScope:
    """The scope of the figure at ``paragraph[start:]``, from the words of its sentence."""
    sentence_start = 0
    for m in SENTENCE_END.finditer(paragraph, 0, start):
        sentence_start = m.end()
    clauses = list(CLAUSE.finditer(paragraph, sentence_start, start))
    if not clauses:
        return FactScope.UNKNOWN
    context = tuple(m.group() for m in reversed(clauses))
    return scope_in(context)
