"""GD401: the figures the prose states about the tables, against the tables.

>>> from govdisclosure import examples
>>> check(Context(examples.load("jianghe-2021")))
[]
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import attrs

from govdisclosure.model import FactScope, Report, Section
from govdisclosure.money import Amount
from govdisclosure.numerals import FoundQuantity, Quantity, find_quantities
from govdisclosure.rules._catalog import part
from govdisclosure.rules._claim_kinds import (
    _WORDS,
    CLAIMS,
    Claim,
)
from govdisclosure.rules._context import Context, derived
from govdisclosure.rules._findings import Finding, Interval, Side
from govdisclosure.rules._policy import Policy
from govdisclosure.rules._registry import Family
from govdisclosure.rules._relations import _MONEY_UNITS, _whole, figure_interval, place_of
from govdisclosure.rules._scope import CLAUSE, SENTENCE_END, scope_in
from govdisclosure.rules._types import L10n

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
def _hits(text: str, carried: int = 0) -> tuple[_Hit, ...]:
    """The claims a paragraph makes (a pure function of its text, so it is memoised).

    ``text`` may begin with the unfinished sentence of the paragraph before (a line wrapped
    by the page's layout): its first ``carried`` characters; only what reaches past them is
    a claim of this paragraph, and hits start where they start in ``text``."""
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
        if m.end() > carried and _WORDS.search(clause) is not None:
            hits += (
                h
                for h in _clause_hits(clause, m.start(), sentence)
                if h.start >= carried or h.start == -1
            )
    return tuple(hits)


_ENDS = "。；;！!？?：:\n"
"""What finishes a sentence at the end of a paragraph (a line break: the paragraph's own)."""


def _carry(previous: str | None) -> str:
    """What a paragraph takes over from the one before it in its section: the unfinished
    sentence at its end (the text of a page's layout wraps lines into paragraphs) — what
    follows its last 。；！？： unless a line break does.

    >>> _carry("共收到申请12件，其中"), _carry("共收到申请12件。"), _carry("一、概述\\n总体")
    ('共收到申请12件，其中', '', '')

    One backward scan per mark (a pattern anchored at the end would rescan every run of the
    text: quadratic in a long paragraph without marks)."""
    if not previous:
        return ""
    text = previous.rstrip()
    cut = max(text.rfind(mark) for mark in _ENDS)
    if cut >= 0 and text[cut] == "\n":
        return ""
    return text[cut + 1 :]


_STATES_NONE = tuple(c for c in CLAIMS if c.zero is not None)
"""The claims a clause without figures may make (that there were none), in order."""
_ZEROS = re.compile("|".join(f"(?:{c.zero})" for c in _STATES_NONE))
"""Any of their words: a clause without one states none of them (one search, not one per
claim)."""
_BY_KIND = {money: tuple(c for c in CLAIMS if c.money is money) for money in (False, True)}
"""The claims of counts and of amounts, each in order."""


@functools.lru_cache(maxsize=16384)
def _claim_of(words: str, money: bool) -> Claim | None:
    """The first claim (of amounts when ``money``, else of counts) the words before a figure
    make, if any: a pure function of the words, memoised (reports say them alike: 收到政府信息
    公开申请, 其中, 予以公开). One search for any claim's words rules most words out."""
    if _WORDS.search(words) is None:
        return None
    return next((c for c in _BY_KIND[money] if c.matches(words)), None)


def _clause_hits(clause: str, at: int, sentence: list[str]) -> list[_Hit]:
    """The claims of one clause (starting at ``at`` in its paragraph); ``sentence`` is the
    clauses of its sentence so far, nearest first."""
    figures = _figures(clause)
    if not figures:
        if _ZEROS.search(clause) is None:
            return []  # no claim's words of none
        said = "，".join(c.strip() for c in reversed(sentence))
        for claim in _STATES_NONE:
            if claim.states_none(clause, said):
                return [_Hit(claim, said if claim.context else clause.strip(), "0", None, 0)]
        return []
    hits = []
    prev = 0
    for f, money in figures:
        words = clause[prev : f.start]
        prev = f.end
        found = _claim_of(words, money)
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
        ("prose", L10n(hit.figure, f"“{hit.figure}”")),
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
    report: Report, hit: _Hit, place: tuple[tuple[int, ...], int, int]
) -> tuple[tuple[str, ...], Any] | None:
    """The alternative (and its value) of the tables that contradicts a hit, or None."""
    exact = hit.exact
    if exact is not None:
        for fn in hit.claim._values:
            if fn(report) == exact:
                return None  # the fast path: one alternative equals the figure
    if not _like_for_like(report, hit, place, derived(report, _fact_scopes)):
        return None
    ok, alt, value = _agrees(report, hit)
    if ok:
        return None
    assert value is not None
    return alt, value


_OUTCOMES: dict[str, tuple[str, ...]] = {
    "granted": ("granted",),
    "partly_granted": ("partly_granted",),
    "granted_and_partly": ("granted", "partly_granted"),
    "withheld": ("withheld",),
    "unable": ("unable",),
    "not_processed": ("not_processed",),
    "other_handling": ("other",),
}
"""The outcome claims a paragraph may list after the total it states, and the groups of
表三 they cover (a reason, “其中属于国家秘密的1件”, is nested in its group: not listed)."""
_ALL_OUTCOMES = ("granted", "partly_granted", "withheld", "unable", "not_processed", "other")


def _group_total(report: Report, group: str) -> int | None:
    """The 总计 of an outcome group of 表三 (``None`` when blank or absent)."""
    value = getattr(report.requests, group, None)
    total = getattr(value, "total", None)
    if total.__class__ is int:
        return int(total)
    rows = getattr(value, "ROWS", None)
    if rows is None:
        return None
    totals: list[int] = []
    for r in rows:
        t = getattr(getattr(value, r), "total", None)
        if t is None:
            return None
        totals.append(int(t))
    return sum(totals)


def _listed(hits: tuple[_Hit, ...]) -> Iterator[tuple[_Hit, list[_Hit]]]:
    """Each 办结/答复 total a paragraph states, with the outcomes it lists after it (up to
    the next total)."""
    total: _Hit | None = None
    parts: list[_Hit] = []
    for hit in (*hits, None):
        key = None if hit is None else hit.claim.key
        if hit is None or key in ("handled", "new"):
            if total is not None and parts:
                yield total, parts
            total, parts = (hit if key == "handled" and hit and hit.exact else None), []
        elif total is not None and key in _OUTCOMES and hit.exact is not None:
            parts.append(hit)


@attrs.frozen(slots=True)
class _Listed:
    """Outcomes a paragraph lists after a 办结/答复 total that do not sum to it."""

    total: _Hit
    parts: tuple[_Hit, ...]
    listed: frozenset[str]
    """The groups of 表三 the listed outcomes cover."""
    stated: int
    """The sum of the listed outcomes."""


def _listed_off(hits: tuple[_Hit, ...]) -> tuple[_Listed, ...]:
    """The outcome lists of a paragraph whose sum is not the total they follow (a pure
    function of the paragraph's claims; whether the tables explain the gap is the check's)."""
    out = []
    for total, parts in _listed(hits):
        listed = frozenset(g for h in parts for g in _OUTCOMES[h.claim.key])
        stated = sum(h.exact or 0 for h in parts)
        assert total.exact is not None
        if stated != total.exact:
            out.append(_Listed(total, tuple(parts), listed, stated))
    return tuple(out)


def _outcome_sums(
    report: Report,
    lists: tuple[_Listed, ...],
    path: str,
    where: tuple[tuple[int, ...], int],
    policy: Policy,
) -> list[Finding]:
    """GD401: the outcomes the prose lists after a 办结/答复 total against that total — above
    it, or below it while the tables give nothing to the outcomes it leaves out."""
    out = []
    for found in lists:
        total, parts, stated = found.total, found.parts, found.stated
        assert total.exact is not None
        if stated < total.exact:
            rest = [_group_total(report, g) for g in _ALL_OUTCOMES if g not in found.listed]
            if report.requests is None or any(v is None or v for v in rest):
                continue  # the outcomes left out may make up the difference
        quote = total.quote + "……" + parts[-1].quote
        unit = total.quantity.unit if total.quantity is not None else ""
        label = part("outcomes.listed")
        args = (
            ("quote", quote),
            ("claim", label),
            ("prose", L10n(f"{stated}{unit}", f"“{stated}{unit}”")),
            ("cell", part("outcomes.total")),
            ("table", L10n(total.figure, f"“{total.figure}”")),
        )
        sides = (
            Side(label, stated, f"{stated}{unit}", Interval.point(stated), (path,)),
            Side(part("outcomes.total"), total.exact, total.figure, None, (path,)),
        )
        out.append(
            Finding(
                code="GD401",
                severity=policy.severity("GD401"),
                path=path,
                location=place_of(report, *where),
                args=args,
                sides=sides,
                discrepancy=stated - total.exact,
                year=report.year,
            )
        )
    return out


_Said = tuple[tuple[int, tuple[_Hit, ...], tuple[_Listed, ...]], ...]


@functools.lru_cache(maxsize=4096)
def _said(texts: tuple[str, ...]) -> _Said:
    """The claims of the paragraphs of one section (or of the preamble), by index, with
    their outcome lists that miss their total: a pure function of the texts, so it is
    memoised (a paragraph may finish the sentence of the one before it, so a section's
    paragraphs are read together)."""
    out = []
    before: str | None = None
    for j, text in enumerate(texts):
        carry = _carry(before)
        before = text
        hits = _hits(carry + text, len(carry))
        if not hits:
            continue
        lists = _listed_off(hits) if len(hits) > 1 else ()
        if carry:
            hits = tuple(
                attrs.evolve(h, start=h.start - len(carry)) if h.start >= 0 else h for h in hits
            )
        out.append((j, hits, lists))
    return tuple(out)


_Block = tuple[str, tuple[int, ...], _Said]
"""The paragraphs of one section (or of the preamble) that make claims: the JSON path of
its paragraphs (``$.sections[2].paragraphs``, then ``[j]``), its ordinals, and its claims."""


def _claims_of(report: Report) -> tuple[_Block, ...]:
    """The claims of every section (and of the preamble) that makes any, in reading order:
    what the prose says, derived once per report
    (:func:`~govdisclosure.rules._context.derived`)."""
    out: list[_Block] = []
    if report.preamble:
        said = _said(report.preamble)
        if said:
            out.append(("$.preamble", (), said))

    def walk(sections: tuple[Section, ...], prefix: str, ords: tuple[int, ...]) -> None:
        for i, s in enumerate(sections):
            here = (*ords, s.ordinal)
            if s.paragraphs:
                said = _said(s.paragraphs)
                if said:
                    out.append((f"{prefix}[{i}].paragraphs", here, said))
            if s.subsections:
                walk(s.subsections, f"{prefix}[{i}].subsections", here)

    walk(report.sections, "$.sections", ())
    return tuple(out)


def check(ctx: Context) -> list[Finding]:
    """GD401: figures the prose states about tables 二, 三 and 四 that the tables contradict.

    What the prose claims is derived once per report; each check compares those claims with
    the tables."""
    report, policy = ctx.report, ctx.policy
    if report.active is None and report.requests is None and report.reviews is None:
        return []
    out: list[Finding] = []
    seen: set[tuple[str, str, str]] = set()
    for paragraphs_at, ords, said in ctx.derived(_claims_of):
        for j, hits, lists in said:
            if lists:
                path = f"{paragraphs_at}[{j}]"
                out += _outcome_sums(report, lists, path, (ords, j), policy)
            for hit in hits:
                found = _contradicted(report, hit, (ords, j, hit.start))
                key = (hit.claim.key, hit.quote, hit.figure)
                if found is not None and key not in seen:
                    seen.add(key)  # one finding per contradiction, however often it is stated
                    path = f"{paragraphs_at}[{j}]"
                    out.append(_claim_finding(report, hit, path, ords, j, *found, policy))
    return out


FAMILY = Family("prose claims", check, codes=("GD401",))
