"""Table labels of either tabled edition, through the layout's one matcher.

>>> strength("第二十条第(一)项"), strength("商业 企业"), strength("本报告"), strength("本年新")
(2, 1, 0, 0)
"""

from __future__ import annotations

import functools

from govdisclosure.layout import Edition, label_key
from govdisclosure.layout.match import LabelHit, matcher

__all__ = ["TABLED", "any_hits", "edition_hits", "strength"]

TABLED: tuple[Edition, ...] = tuple(e for e in reversed(Edition) if e.has_tables)
"""The editions that prescribe tables, newest first."""


@functools.lru_cache(maxsize=8192)
def _hits(key_text: str, near: bool) -> tuple[tuple[Edition, LabelHit], ...]:
    out: list[tuple[Edition, LabelHit]] = []
    for edition in TABLED:
        out.extend((edition, h) for h in _edition_hits(edition, key_text, near))
    return tuple(out)


@functools.lru_cache(maxsize=16384)
def _edition_hits(edition: Edition, text: str, near: bool) -> tuple[LabelHit, ...]:
    if near:
        # near misses are sought only when nothing matches exactly: the exact hits, when
        # there are any, are the answer (and often known already, from reading the edition)
        exact = _edition_hits(edition, text, False)
        if exact:
            return exact
    return tuple(matcher(edition).labels(text, near=near))


def edition_hits(edition: Edition, text: str, *, near: bool) -> list[LabelHit]:
    """:meth:`Matcher.labels` of ``edition``, remembered (labels repeat across reports)."""
    if len(text) > 200:
        return []
    return list(_edition_hits(edition, text, near))


def any_hits(text: str, *, near: bool = False) -> tuple[tuple[Edition, LabelHit], ...]:
    """The places of the 2021 and 2019 tables that ``text`` names (exact, or with ``near``
    also near misses)."""
    if len(text) > 200:
        return ()
    return _hits(text.strip(), near)


_STRONG_HEADERS = frozenset(
    label_key(x) for x in ("信息内容", "申请人情况", "行政复议", "行政诉讼", "法人或其他组织")
)


def strength(text: str) -> int:
    """2 when ``text`` is a label that starts or continues a table by itself (a block, row or
    group label, the corner note, 信息内容, 申请人情况…), 1 for column labels, 0 otherwise."""
    hits = any_hits(text)
    if not hits:
        return 0
    best = 0
    for _, h in hits:
        if h.kind in ("block", "row", "group"):
            return 2
        if h.kind == "header":
            best = max(
                best, 2 if (label_key(h.label) in _STRONG_HEADERS or len(h.label) > 20) else 1
            )
        else:
            best = max(best, 1)
    return best
