"""GD401: the figures the prose states about the tables, against the tables.

>>> from govdisclosure import examples
>>> from govdisclosure.rules._policy import DEFAULT
>>> check_claims(examples.load("jianghe-2021"), DEFAULT)
[]
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from decimal import Decimal

import attrs

from govdisclosure.model import Report, Section
from govdisclosure.numerals import NumeralError, Quantity, parse_quantity
from govdisclosure.rules._claims import _CLAUSE, _FIGURE, _SENTENCE_END, _WORDS, CLAIMS, Claim
from govdisclosure.rules._facts import _whole, figure_interval, place_of
from govdisclosure.rules._findings import Finding, Side
from govdisclosure.rules._policy import Policy

__all__ = ["check_claims", "paragraphs"]


@attrs.frozen(slots=True)
class _Hit:
    claim: Claim
    quote: str
    figure: str
    quantity: Quantity | None
    """``None`` for a clause stating there were none."""
    exact: int | None
    """The figure as an int when it is exact (0 for a clause stating none)."""


@functools.lru_cache(maxsize=8192)
def _hits(text: str) -> tuple[_Hit, ...]:
    """The claims a paragraph makes (a pure function of its text, so it is memoised)."""
    if _WORDS.search(text) is None:
        return ()
    hits = []
    sentence: list[str] = []  # the earlier clauses of the sentence, nearest first
    end = 0
    for m in _CLAUSE.finditer(text):
        clause = m.group()
        if _SENTENCE_END.search(text, end, m.start()):
            sentence = []
        end = m.end()
        sentence.insert(0, clause)
        if _WORDS.search(clause) is None:
            continue
        figures = list(_FIGURE.finditer(clause))
        if not figures:
            for claim in CLAIMS:
                if claim.states_none(clause):
                    hits.append(_Hit(claim, clause.strip(), "0", None, 0))
                    break
            continue
        prev = 0
        for f in figures:
            words = clause[prev : f.start()]
            prev = f.end()
            for claim in CLAIMS:
                if claim.matches(words):
                    if claim.spans_years((clause[: f.start()], *sentence[1:])):
                        break  # a figure over several years: not this year's table
                    try:
                        q = parse_quantity(f.group())
                    except NumeralError:
                        break
                    exact = _whole(q)
                    hits.append(_Hit(claim, clause[: f.end()].strip(), f.group(), q, exact))
                    break
    return tuple(hits)


def _walk(
    sections: tuple[Section, ...], prefix: str, ords: tuple[int, ...]
) -> Iterator[tuple[str, tuple[int, ...], int, str]]:
    for i, s in enumerate(sections):
        path = f"{prefix}[{i}]"
        here = (*ords, s.ordinal)
        for j, p in enumerate(s.paragraphs):
            yield f"{path}.paragraphs[{j}]", here, j, p
        yield from _walk(s.subsections, f"{path}.subsections", here)


def paragraphs(report: Report) -> Iterator[tuple[str, tuple[int, ...], int, str]]:
    """Every paragraph: its JSON path, section ordinals, index and text."""
    for j, p in enumerate(report.preamble):
        yield f"$.preamble[{j}]", (), j, p
    yield from _walk(report.sections, "$.sections", ())


def _agrees(report: Report, hit: _Hit) -> tuple[bool, tuple[str, ...], int | None]:
    """Whether the tables admit the claimed figure; else the first alternative and its value."""
    q = hit.quantity
    known = hit.claim.values(report)
    for _, value in known:
        if value == hit.exact if hit.exact is not None else q is not None and q.admits(value):
            return True, (), None
    if not known:
        return True, (), None
    return False, known[0][0], known[0][1]


def _claim_finding(
    report: Report,
    hit: _Hit,
    path: str,
    ords: tuple[int, ...],
    j: int,
    alt: tuple[str, ...],
    value: int,
    policy: Policy,
) -> Finding:
    claim, q = hit.claim, hit.quantity
    prose = Decimal(0) if q is None else (q.exact if q.qualifier is None else None)
    interval = None if q is None else figure_interval(q)
    return Finding(
        code="GD401",
        severity=policy.severity("GD401"),
        path=path,
        location=place_of(report, ords, j),
        args=(
            ("quote", hit.quote),
            ("claim", claim.label),
            ("prose", hit.figure),
            ("cell", claim.alternatives_label),
            ("table", str(value)),
        ),
        sides=(
            Side(claim.label, prose, hit.figure, interval, (path,)),
            Side(claim.alternatives_label, value, str(value), None, tuple("$." + p for p in alt)),
        ),
        discrepancy=None if prose is None else int(prose) - value,
        year=report.year,
    )


def _claims_in(
    report: Report,
    sections: tuple[Section, ...],
    prefix: str,
    ords: tuple[int, ...],
    policy: Policy,
    out: list[Finding],
) -> None:
    for i, s in enumerate(sections):
        for j, text in enumerate(s.paragraphs):
            for hit in _hits(text):
                exact = hit.exact
                if exact is not None:  # the fast path: one alternative equals the figure
                    for fn in hit.claim._values:
                        if fn(report) == exact:
                            break
                    else:
                        exact = None
                    if exact is not None:
                        continue
                ok, alt, value = _agrees(report, hit)
                if not ok:
                    assert value is not None
                    path = f"{prefix}[{i}].paragraphs[{j}]"
                    here = (*ords, s.ordinal)
                    out.append(_claim_finding(report, hit, path, here, j, alt, value, policy))
        if s.subsections:
            _claims_in(
                report, s.subsections, f"{prefix}[{i}].subsections", (*ords, s.ordinal), policy, out
            )


def check_claims(report: Report, policy: Policy) -> list[Finding]:
    """GD401: figures the prose states about tables 三 and 四 that the tables contradict."""
    if report.requests is None and report.reviews is None:
        return []
    out: list[Finding] = []
    for j, text in enumerate(report.preamble):
        for hit in _hits(text):
            ok, alt, value = _agrees(report, hit)
            if not ok:
                assert value is not None
                out.append(
                    _claim_finding(report, hit, f"$.preamble[{j}]", (), j, alt, value, policy)
                )
    _claims_in(report, report.sections, "$.sections", (), policy, out)
    return out
