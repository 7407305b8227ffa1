"""The words of a report: metadata, the year and period it states, and the figures of its
prose as located facts with the relations the text states (dates are read by
:func:`govdisclosure.numerals.find_date`).

>>> year_of("咸宁市民政局二〇一五年政府信息公开工作年度报告"), year_of("2019 年")
(2015, 2019)
"""

from __future__ import annotations

import bisect
import datetime as _dt
import re
from collections.abc import Sequence

from govdisclosure.layout.page import METADATA_ALIASES, METADATA_FIELDS
from govdisclosure.model import Fact, Location, Period, Relation
from govdisclosure.numerals import FoundQuantity, find_quantities

__all__ = [
    "facts_and_relations",
    "metadata_pairs",
    "period_of",
    "year_of",
]

_CN_DIGITS = {
    "\u3007": 0,
    "零": 0,
    "○": 0,
    "\uff2f": 0,
    "O": 0,
    "0": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_YEAR = re.compile(r"(?<!\d)(\d{4})\s{0,2}年")
_YEAR_CN = re.compile(r"([\u3007零○\uff2f一二三四五六七八九]{4})年")


def _cn_year(text: str) -> int:
    return int("".join(str(_CN_DIGITS[ch]) for ch in text))


def _date(y: int, m: int, d: int) -> _dt.date | None:
    try:
        return _dt.date(y, m, d)
    except ValueError:
        return None


def year_of(text: str) -> int | None:
    """The first year written in ``text`` (2015年, 二〇一五年)."""
    m = _YEAR.search(text)
    m2 = _YEAR_CN.search(text)
    if m2 and (m is None or m2.start() < m.start()):
        return _cn_year(m2.group(1))
    return int(m.group(1)) if m else None


_PERIOD = re.compile(
    r"统计(?:期限|时限|时间|周期|区间|范围)?[^。\d]{0,12}?"
    r"(\d{4})\s{0,2}年\s{0,2}(\d{1,2})\s{0,2}月\s{0,2}(\d{1,2})\s{0,2}日"
    r"[^。\d]{0,8}?(?:(\d{4})\s{0,2}年\s{0,2})?(\d{1,2})\s{0,2}月\s{0,2}(\d{1,2})\s{0,2}日"
)


def period_of(text: str) -> Period | None:
    """The statistical period a text states ("统计期限自2015年1月1日至12月31日止")."""
    m = _PERIOD.search(text)
    if not m:
        return None
    y1 = int(m.group(1))
    start = _date(y1, int(m.group(2)), int(m.group(3)))
    end = _date(int(m.group(4) or y1), int(m.group(5)), int(m.group(6)))
    if start is None or end is None or end < start:
        return None
    return Period(start=start, end=end)


# --------------------------------------------------------------------------- metadata

_LABELS: list[tuple[str | None, str]] = [(a, zh) for a, zh, _ in METADATA_FIELDS]
_LABELS += list(METADATA_ALIASES)
_LABEL_OF = {label: attr for attr, label in _LABELS}
_SP = r"[ \t\u3000\xa0]{0,8}"


def _label_rx(colon: bool) -> re.Pattern[str]:
    labels = sorted({label for _, label in _LABELS}, key=len, reverse=True)
    alt = "|".join(_SP.join(re.escape(ch) for ch in label) for label in labels)
    tail = _SP + "[:：]" if colon else _SP + "(?:[:：]|(?=[ \t\u3000\xa0]))"
    return re.compile(f"({alt}){tail}")


_META_COLON = _label_rx(True)
_META_LOOSE = _label_rx(False)
_BULLET = "•·●◆■-*> \t\u3000\xa0"


def metadata_pairs(
    line: str, *, colon: bool = True
) -> list[tuple[str | None, str, str, int]] | None:
    """The (attribute, label, value, offset of the label) pairs of a metadata line, or
    ``None`` when the line does not start with a metadata label."""
    if len(line) > 400:
        return None
    rx = _META_COLON if colon else _META_LOOSE
    lead = len(line) - len(line.lstrip(_BULLET))
    matches = list(rx.finditer(line, lead))
    if not matches or matches[0].start() != lead:
        return None
    out = []
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(line)
        label = "".join(m.group(1).split())
        value = line[m.end() : end].strip(" \t\u3000\xa0•·")
        out.append((_LABEL_OF.get(label), label, value, m.start()))
    return out


def is_metadata_label(text: str) -> str | None:
    """The label ``text`` is, alone (a <dt>), or ``None``."""
    t = "".join(text.split()).rstrip(":：")
    return t if t in _LABEL_OF else None


def attribute_of(label: str) -> str | None:
    """The :class:`~govdisclosure.model.Metadata` attribute of a metadata label."""
    return _LABEL_OF.get(label)


# --------------------------------------------------------------------------- facts

_DELIMS = frozenset(",，。；;：:、()（）!！?？\n")
_SENTENCE_END = frozenset("。!！?？")
_CLAUSE_END = frozenset("；;")
_STOPS = _SENTENCE_END | _CLAUSE_END
_LEADS = ("其中", "包括", "共计", "累计", "共有", "共", "和", "及", "与", "为", "分别")
_BREAKDOWN = ("其中", "包括")
#: The most figures a list of parts is read over: a "sentence" of more (a page without
#: stops) states no breakdown, and reading it stays linear in the paragraph.
_MAX_PARTS = 200


def _label(text: str, start: int, floor: int) -> str:
    i = start
    while i > floor and text[i - 1] not in _DELIMS:
        i -= 1
    label = text[i:start].strip(' \t\u3000"“”')
    changed = True
    while changed:
        changed = False
        for lead in _LEADS:
            if label.startswith(lead) and len(label) > len(lead):
                label = label[len(lead) :]
                changed = True
    return label.strip()


def facts_and_relations(
    places: Sequence[tuple[tuple[int, ...], int, str]],
) -> tuple[list[Fact], list[Relation]]:
    """The prose figures of every paragraph (``(section path, index, text)``) as facts, and
    the sums the text states ("其中", "包括"; income − expenditure = balance)."""
    facts: list[Fact] = []
    relations: list[Relation] = []
    for path, index, text in places:
        found = find_quantities(text)
        if not found:
            continue
        prefix = "s" + ".".join(str(p) for p in path) if path else "s0"
        mine: list[tuple[Fact, FoundQuantity]] = []
        floor = 0
        for n, q in enumerate(found, 1):
            fact = Fact(
                key=f"{prefix}.p{index}.f{n}",
                label=_label(text, q.start, floor),
                text=q.text,
                quantity=q.quantity,
                location=Location(section=path, paragraph=index, start=q.start, end=q.end),
            )
            floor = q.end
            mine.append((fact, q))
        facts.extend(f for f, _ in mine)
        relations.extend(_breakdowns(text, mine))
        relations.extend(_balances(text, mine))
    return facts, relations


def _between(text: str, a: int, b: int, stops: frozenset[str]) -> bool:
    return not stops.isdisjoint(text[a:b])


def _breakdowns(text: str, mine: list[tuple[Fact, FoundQuantity]]) -> list[Relation]:
    out: list[Relation] = []
    starts = [q.start for _, q in mine]
    ends = [q.end for _, q in mine]
    for word in _BREAKDOWN:
        pos = text.find(word)
        while pos >= 0:
            # the figures before the word are mine[:i], those after it mine[j:] (in order)
            i = bisect.bisect_right(ends, pos)
            j = bisect.bisect_left(starts, pos + len(word))
            rel = _breakdown(text, pos, word, mine, starts, i, j)
            if rel is not None:
                out.append(rel)
            pos = text.find(word, pos + len(word))
    return out


def _breakdown(
    text: str,
    pos: int,
    word: str,
    mine: list[tuple[Fact, FoundQuantity]],
    starts: list[int],
    i: int,
    j: int,
) -> Relation | None:
    """The relation ``word`` at ``pos`` states, if any: the total is among ``mine[:i]`` (the
    figures before the word), the parts among ``mine[j:]`` (those after it)."""
    if i == 0 or j == len(mine):
        return None
    total, tq = mine[i - 1]
    gap = text[tq.end : pos]
    sentence_start = gap.rstrip(" ,，").endswith(("。",)) and gap.strip(" ,，。") == ""
    if _between(text, tq.end, pos, _STOPS) and not sentence_start:
        return None
    money = total.quantity.is_money
    if _between(text, pos, mine[j][1].start, _SENTENCE_END):
        return None
    parts = _parts(text, pos, mine, j, money)
    if parts is None:
        return None
    short, full = parts
    if len(full) < 1:
        return None
    chosen = short or full
    if full != short and short and not _admits(total, short) and _admits(total, full):
        chosen = full
    if sentence_start and not _admits(total, chosen):
        # “……。其中，……”: the list may break down any figure of the sentence before; tie it
        # only to one its parts add up to, never to whatever figure came last
        end = max(text.rfind(ch, 0, pos) for ch in _SENTENCE_END)  # the previous sentence's
        start = max(text.rfind(ch, 0, end) for ch in _SENTENCE_END)
        earlier = [f for f, _ in mine[bisect.bisect_right(starts, start) : i]]
        found = next((f for f in reversed(earlier) if _admits(f, chosen)), None)
        if found is None:
            return None
        total = found
    if len(chosen) < 2 and not _admits(total, chosen):
        return None
    return Relation(result=total.key, add=tuple(f.key for f in chosen), text=word)


def _parts(
    text: str, pos: int, mine: list[tuple[Fact, FoundQuantity]], j: int, money: bool
) -> tuple[list[Fact], list[Fact]] | None:
    """The parts a list opening at ``pos`` names, from ``mine[j]`` on: those of its first
    clause, and all of its sentence (``None`` for a sentence of more than ``_MAX_PARTS``)."""
    short: list[Fact] = []
    full: list[Fact] = []
    clause_open = True
    nested = False
    prev_end = pos
    depth, depth_at = 0, pos  # the bracket depth of text[pos:depth_at], carried forward
    for k in range(j, min(len(mine), j + _MAX_PARTS)):
        f, q = mine[k]
        if _between(text, prev_end, q.start, _SENTENCE_END):
            break
        depth, depth_at = _depth(text, depth_at, q.start, depth), q.start
        if depth > 0:
            continue  # a figure inside brackets breaks down a part, not the total
        if _between(text, prev_end, q.start, _CLAUSE_END):
            clause_open = False
            nested = False
        if full and any(w in text[prev_end : q.start] for w in _BREAKDOWN):
            nested = True  # a list of its own breaks down the part before it, up to a "；"
        if nested:
            prev_end = q.end
            continue
        if f.quantity.is_money != money:
            break
        full.append(f)
        prev_end = q.end
        if clause_open:
            short.append(f)
    else:
        if len(mine) - j > _MAX_PARTS:
            return None  # a sentence of more figures than any list of parts: no relation read
    return short, full


def _depth(text: str, a: int, b: int, depth: int = 0) -> int:
    """The bracket depth after ``text[a:b]``, starting from ``depth``."""
    for ch in text[a:b]:
        if ch in "(（":
            depth += 1
        elif ch in ")）" and depth:
            depth -= 1
    return depth


def _admits(total: Fact, parts: list[Fact]) -> bool:
    if not parts or any(p.quantity.qualifier is not None for p in parts):
        return False
    try:
        return bool(total.quantity.admits(sum(p.quantity.exact for p in parts)))
    except (ArithmeticError, TypeError, ValueError):
        return False


def _balances(text: str, mine: list[tuple[Fact, FoundQuantity]]) -> list[Relation]:
    out: list[Relation] = []
    for i in range(len(mine) - 2):
        (a, qa), (b, _qb), (c, qc) = mine[i], mine[i + 1], mine[i + 2]
        if not (a.quantity.is_money and b.quantity.is_money and c.quantity.is_money):
            continue
        if _between(text, qa.end, qc.start, _SENTENCE_END):
            continue
        if a.label.endswith("收入") and b.label.endswith("支出") and c.label.endswith("结余"):
            out.append(Relation(result=c.key, add=(a.key,), subtract=(b.key,), text="结余"))
    return out
