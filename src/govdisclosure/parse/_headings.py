"""Headings: which lines open a section, at what level, with what ordinal and title.

A heading is a line the markup calls one (``<h2>``, ``## ``), or a short line that opens with
an ordinal (一、 (一) 1.) and does not read as a sentence. A run-in heading shares its line
with the first paragraph (``(一)标题:正文``); a table may print a section heading in its
first row. Section titles are compared with the editions' own through the layout's matcher.

>>> from govdisclosure.parse._units import Line
>>> heading(Line("二、主动公开政府信息情况", 0, 12))
(1, 2, '主动公开政府信息情况')
>>> heading(Line("(一)本年度共收到申请3件。", 0, 13)) is None
True
"""

from __future__ import annotations

import functools

from govdisclosure.layout import Edition
from govdisclosure.layout.match import matcher
from govdisclosure.numerals import OrdinalStyle
from govdisclosure.parse._labels import any_hits
from govdisclosure.parse._units import Line, Region, ordinal_split

__all__ = ["Head", "heading", "known_heading", "near_heading", "peel_headings", "run_in"]

Head = tuple[int, int, str]
"""A heading read: (level, ordinal — 0 when the markup gives none —, title)."""

_LEVELS = {
    OrdinalStyle.CHINESE: 1,
    OrdinalStyle.PAREN: 2,
    OrdinalStyle.ARABIC_DOT: 3,
    OrdinalStyle.ARABIC_COMMA: 3,
}
NOT_TITLE_END = frozenset(",，;；:：、")
"""Characters a title (of a section or of the report) does not end with."""
_COLONS = (":", "：")
_NOT_IN_TITLE = frozenset("。，,；;！？!?")


def heading(line: Line) -> Head | None:
    """(level, ordinal, title) of a heading line, or ``None``."""
    text = line.text
    split = ordinal_split(text[:16]) if text else None
    if line.hint == "heading" and line.level >= 1:
        if split is not None:
            rest = text[len(text) - len(text.lstrip()) :]
            split2 = ordinal_split(rest)
            if split2 is not None:
                return line.level, split2[0].value, split2[1].strip()
        return line.level, 0, text
    if split is None:
        return None
    split = ordinal_split(text)
    if split is None:
        return None
    ordinal, rest = split
    rest = rest.strip()
    if not rest or len(rest) > 40 or "。" in rest[:-1]:
        return None
    if (rest[-1] in NOT_TITLE_END or rest[-1] == "。") and not known_heading(rest):
        return None  # a known section's heading may end with punctuation ("…的情况:")
    return _LEVELS[ordinal.style], ordinal.value, rest


@functools.lru_cache(maxsize=1024)
def known_heading(title: str) -> bool:
    """Whether ``title`` names a section of any edition, through the matcher (exactly, or by
    one of its aliases)."""
    return any(matcher(e).section(title) is not None for e in Edition)


def run_in(line: Line) -> tuple[Line, Head, Line] | None:
    """A heading with its first paragraph on the same line — ``(一)标题:正文``, or ``一、标题:
    正文`` where the words before the colon are a known heading — as (the heading's line, its
    level, ordinal and title, the paragraph's line); ``None`` for any other line.

    Spans are exact where the line is printed verbatim (text, most HTML); otherwise both parts
    keep the line's span.

    >>> head, h, para = run_in(Line("(一)主动公开情况:全年公开信息3条。", 0, 19))
    >>> head.text, h, para.text, (para.start, para.end)
    ('(一)主动公开情况:', (2, 1, '主动公开情况'), '全年公开信息3条。', (10, 19))
    """
    text = line.text
    if line.hint == "heading" or len(text) < 4:
        return None
    split = ordinal_split(text[:16])
    if split is None or split[0].style not in (OrdinalStyle.PAREN, OrdinalStyle.CHINESE):
        return None
    ordinal = split[0]
    cut = min((i for i in (text.find(c) for c in _COLONS) if i >= 0), default=-1)
    whole = ordinal_split(text[:cut]) if cut >= 0 else None
    if whole is None:
        return None
    title = whole[1].strip()
    body = text[cut + 1 :]
    lead = len(body) - len(body.lstrip())
    body = body.strip()
    if not _may_run_in(title, body):
        return None
    if ordinal.style is OrdinalStyle.CHINESE and not known_heading(title):
        return None
    if line.end - line.start == len(text):
        head = Line(
            text[: cut + 1], line.start, line.start + cut + 1, line.element, place=line.place
        )
        b0 = line.start + cut + 1 + lead
        para = Line(body, b0, b0 + len(body), line.element, place=line.place)
    else:
        head = Line(text[: cut + 1], line.start, line.end, line.element, place=line.place)
        para = Line(body, line.start, line.end, line.element, place=line.place)
    return head, (_LEVELS[ordinal.style], ordinal.value, title), para


def _may_run_in(title: str, body: str) -> bool:
    return (
        bool(title)
        and bool(body)
        and len(title) <= 40
        and not any(ch in _NOT_IN_TITLE for ch in title)
        and not _unbalanced(title)
    )


@functools.lru_cache(maxsize=1024)
def near_heading(edition: Edition, title: str) -> str | None:
    """The official heading (or alias) of ``edition`` that ``title`` misses by a few edits
    (through the matcher); ``None`` when it names a section exactly or none closely."""
    m = matcher(edition)
    if m.section(title) is not None:
        return None
    near = m.near("section", None, title)
    return near[0].label if near else None


def peel_headings(region: Region) -> tuple[tuple[Line, ...], Region]:
    """The section headings a table region opens with (a page that prints "二、主动公开政府信息
    情况" in the table's first row), as lines, and the region without them. Only a heading
    the matcher knows is taken, and only before the table's first label or figure."""
    heads: list[Line] = []
    toks = region.toks
    i = 0
    while i < len(toks) and len(heads) < 2:
        tok = toks[i]
        if not tok.text.strip():
            i += 1
            continue
        if any_hits(tok.text):
            break
        line = Line(tok.text, tok.start, tok.end, tok.element, place=tok.place)
        h = heading(line)
        if h is None or h[0] != 1 or not known_heading(h[2]):
            break
        heads.append(line)
        i += 1
    if not heads:
        return (), region
    return tuple(heads), Region(toks[i:], region.start, region.end, region.element, region.place)


def _unbalanced(text: str) -> bool:
    return text.count("(") + text.count("（") > text.count(")") + text.count("）")
