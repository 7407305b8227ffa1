"""GD401: the figures the prose states about the tables, against the tables.

>>> from govdisclosure import examples
>>> check(Context(examples.load("jianghe-2021")))
[]
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import attrs

from govdisclosure.model import FactScope, Report, Section
from govdisclosure.money import Amount
from govdisclosure.numerals import FoundQuantity, Quantity, find_quantities
from govdisclosure.rules._claim_kinds import (
    _WORDS,
    CLAIMS,
    Claim,
)
from govdisclosure.rules._context import Context
from govdisclosure.rules._findings import Finding, Interval, Side
from govdisclosure.rules._policy import Policy
from govdisclosure.rules._registry import Family
from govdisclosure.rules._relations import _MONEY_UNITS, _whole, figure_interval, place_of
from govdisclosure.rules._scope import CLAUSE, SENTENCE_END, scope_in

__all__ = ["FAMILY", "check", "paragraphs"]


@attrs.frozen(slots=True)
class _Hit:
    claim: Claim
    quote: str
    figure: str
    quantity: Quantity | None
    """``None`` for a clause stating there were none."""
    exact: int | None
    """The figure as an int when it is exact (0 for a clause stating none)."""
    start: int = -1
    """Where the figure starts in its paragraph (-1 for a clause stating none)."""
    scope: FactScope = FactScope.UNKNOWN
    """What the words around the figure say it covers (:mod:`._scope`)."""


_COUNT_UNITS = frozenset(
    f"{m}{w}"
    for m in ("", "万", "亿")
    for w in ("人次", "件次", "件", "个", "条", "份", "次", "宗", "起", "项")
)
"""The measure words of the counts claims state (12件, 两件, 300余条, 1.2万人次)."""


def _figures(clause: str) -> list[tuple[FoundQuantity, bool]]:
    """The figures of a clause a claim may state, each with whether it is an amount: the
    counts and amounts :func:`~govdisclosure.numerals.find_quantities` finds (Chinese
    numerals too), of the measure words claims use.

    >>> [(f.text, money) for f, money in _figures("共收到申请两件、近300条意见，收费1.52万元")]
    [('两件', False), ('近300条', False), ('1.52万元', True)]
    >>> [f.text for f, _ in _figures("受理申请 17 件，办理时限20个工作日，共3户12人")]
    ['17 件']
    """
    out = []
    for f in find_quantities(clause, chinese=True):
        unit = f.quantity.unit
        if unit in _COUNT_UNITS:
            out.append((f, False))
        elif unit in _MONEY_UNITS:
            out.append((f, True))
    return out


@functools.lru_cache(maxsize=8192)
def _hits(text: str) -> tuple[_Hit, ...]:
    """The claims a paragraph makes (a pure function of its text, so it is memoised)."""
    if _WORDS.search(text) is None:
        return ()
    hits: list[_Hit] = []
    sentence: list[str] = []  # the earlier clauses of the sentence, nearest first
    end = 0
    for m in CLAUSE.finditer(text):
        clause = m.group()
        if SENTENCE_END.search(text, end, m.start()):
            sentence = []
        end = m.end()
        sentence.insert(0, clause)
        if _WORDS.search(clause) is not None:
            hits += _clause_hits(clause, m.start(), sentence)
    return tuple(hits)


def _clause_hits(clause: str, at: int, sentence: list[str]) -> list[_Hit]:
    """The claims of one clause (starting at ``at`` in its paragraph); ``sentence`` is the
    clauses of its sentence so far, nearest first."""
    figures = _figures(clause)
    if not figures:
        for claim in CLAIMS:
            if claim.states_none(clause):
                return [_Hit(claim, clause.strip(), "0", None, 0)]
        return []
    hits = []
    prev = 0
    for f, money in figures:
        words = clause[prev : f.start]
        prev = f.end
        found = next((c for c in CLAIMS if c.money is money and c.matches(words)), None)
        if found is None:
            continue
        scope = scope_in((clause[: f.start], *sentence[1:]))
        if scope is FactScope.CUMULATIVE:
            continue  # a figure over several years: not this year's table
        q = f.quantity
        hit = _Hit(found, clause[: f.end].strip(), f.text, q, _whole(q), at + f.start, scope)
        hits.append(hit)
    return hits


Place = tuple[str, tuple[int, ...], int, str]
"""A paragraph's JSON path, section ordinals, index and text."""


def _walk(
    sections: tuple[Section, ...], prefix: str, ords: tuple[int, ...], out: list[Place]
) -> None:
    for i, s in enumerate(sections):
        path = f"{prefix}[{i}]"
        here = (*ords, s.ordinal)
        out += [(f"{path}.paragraphs[{j}]", here, j, p) for j, p in enumerate(s.paragraphs)]
        if s.subsections:
            _walk(s.subsections, f"{path}.subsections", here, out)


def paragraphs(report: Report) -> Iterator[Place]:
    """Every paragraph: its JSON path, section ordinals, index and text."""
    out: list[Place] = [(f"$.preamble[{j}]", (), j, p) for j, p in enumerate(report.preamble)]
    _walk(report.sections, "$.sections", (), out)
    return iter(out)


def _agrees(report: Report, hit: _Hit) -> tuple[bool, tuple[str, ...], Any]:
    """Whether the tables admit the claimed figure; else the first alternative and its value.

    Counts are compared exactly (approximate figures by the range they admit); amounts by
    their intervals: "1.52万元" stands for [15150, 15250] 元 and agrees with a table value
    whose interval meets it."""
    q = hit.quantity
    known = hit.claim.values(report)
    for _, value in known:
        if isinstance(value, Amount):
            if q is not None and figure_interval(q).meets(Interval.closed(*value.interval())):
                return True, (), None
        elif value == hit.exact if hit.exact is not None else q is not None and q.admits(value):
            return True, (), None
    if not known:
        return True, (), None
    return False, known[0][0], known[0][1]


def _fact_scopes(report: Report) -> dict[tuple[tuple[int, ...], int, int], FactScope]:
    """The scope of the first located fact at each place (section, paragraph, start)."""
    scopes: dict[tuple[tuple[int, ...], int, int], FactScope] = {}
    for fact in report.facts:
        loc = fact.location
        scopes.setdefault((loc.section, loc.paragraph, loc.start), fact.scope)
    return scopes


def _like_for_like(
    report: Report, hit: _Hit, place: tuple[tuple[int, ...], int, int], scopes: dict[Any, FactScope]
) -> bool:
    """Whether the figure is the year's own, as the tables are: not cumulative, and not for
    the whole jurisdiction unless the report is a government's (whose tables cover it); a
    located fact's :attr:`~govdisclosure.model.Fact.scope` says so too."""
    scope = scopes.get(place, FactScope.UNKNOWN)
    if scope is FactScope.UNKNOWN:
        scope = hit.scope
    if scope is FactScope.CUMULATIVE:
        return False
    return scope is not FactScope.JURISDICTION or report.kind().is_government


def _claim_finding(
    report: Report,
    hit: _Hit,
    path: str,
    ords: tuple[int, ...],
    j: int,
    alt: tuple[str, ...],
    value: Any,
    policy: Policy,
) -> Finding:
    claim, q = hit.claim, hit.quantity
    prose = Decimal(0) if q is None else (q.exact if q.qualifier is None else None)
    interval = None if q is None else figure_interval(q)
    args = (
        ("quote", hit.quote),
        ("claim", claim.label),
        ("prose", hit.figure),
        ("cell", claim.alternatives_label),
        ("table", str(value)),
    )
    cells = tuple("$." + p for p in alt)
    if isinstance(value, Amount):  # amounts: both intervals, the gap in 元
        table = Interval.closed(*value.interval())
        ours = Side(claim.label, None if q is None else q.exact, hit.figure, interval, (path,))
        theirs = Side(claim.alternatives_label, None, str(value), table, cells)
        discrepancy: Any = None if interval is None else interval.gap(table)
    else:
        ours = Side(claim.label, prose, hit.figure, interval, (path,))
        theirs = Side(claim.alternatives_label, value, str(value), None, cells)
        discrepancy = None if prose is None else int(prose) - value
    return Finding(
        code="GD401",
        severity=policy.severity("GD401"),
        path=path,
        location=place_of(report, ords, j),
        args=args,
        sides=(ours, theirs),
        discrepancy=discrepancy,
        year=report.year,
    )


def _contradicted(
    report: Report, hit: _Hit, place: tuple[tuple[int, ...], int, int], scopes: dict[Any, FactScope]
) -> tuple[tuple[str, ...], Any] | None:
    """The alternative (and its value) of the tables that contradicts a hit, or None."""
    exact = hit.exact
    if exact is not None:
        for fn in hit.claim._values:
            if fn(report) == exact:
                return None  # the fast path: one alternative equals the figure
    if not _like_for_like(report, hit, place, scopes):
        return None
    ok, alt, value = _agrees(report, hit)
    if ok:
        return None
    assert value is not None
    return alt, value


def check(ctx: Context) -> list[Finding]:
    """GD401: figures the prose states about tables 二, 三 and 四 that the tables contradict."""
    report, policy = ctx.report, ctx.policy
    if report.active is None and report.requests is None and report.reviews is None:
        return []
    out: list[Finding] = []
    scopes = _fact_scopes(report)
    for path, ords, j, text in paragraphs(report):
        for hit in _hits(text):
            found = _contradicted(report, hit, (ords, j, hit.start), scopes)
            if found is not None:
                out.append(_claim_finding(report, hit, path, ords, j, *found, policy))
    return out


FAMILY = Family("prose claims", check, codes=("GD401",))
