"""What the rule breakers of :mod:`govdisclosure.testing.breaking` build on: where their choices
come from (:class:`Chooser`), what the editions have (read from the layouts), and edits of a
report that keep it consistent — a value at a dotted path, a fact's figure in its sentence,
the year, the prose that states table 三's total, last year's carried-over figures."""

from __future__ import annotations

import datetime as _dt
import random
import re
from collections.abc import Sequence
from typing import Any, Protocol, TypeVar

import attrs
from hypothesis import strategies as st

from govdisclosure.layout import layout_of
from govdisclosure.model import ApplicantCounts, Edition, Report, Section
from govdisclosure.numerals import Quantity

__all__ = ["CannotBreak", "Chooser", "align", "sync_prose", "with_year"]

T = TypeVar("T")

#: The narrative editions (no tables): generated reports state facts and relations there.
_NARRATIVE = frozenset(e for e in Edition if not e.has_tables)
#: The years a report is moved to (GD501): those of the 2008 条例 and after.
_YEARS = range(2008, 2031)
#: Table 三's cell of applications dropped for an unpaid fee (2021: row (六)2).
_UNPAID = "other.unpaid_fee"
#: Table 二's cells that carry a count over from last year (2021: 现行有效件数).
_IN_FORCE = ("regulations.in_force", "normative_documents.in_force")


class Chooser(Protocol):
    """Where a breaker's choices come from (Hypothesis' draw, or a seeded random source)."""

    def integers(self, low: int, high: int) -> int: ...

    def choice(self, options: Sequence[T]) -> T: ...


@attrs.define
class _Drawn:
    draw: st.DrawFn

    def integers(self, low: int, high: int) -> int:
        return self.draw(st.integers(low, high))

    def choice(self, options: Sequence[T]) -> T:
        return self.draw(st.sampled_from(options))


@attrs.define
class _Seeded:
    rng: random.Random

    def integers(self, low: int, high: int) -> int:
        return self.rng.randint(low, high)

    def choice(self, options: Sequence[T]) -> T:
        return options[self.rng.randrange(len(options))]


class CannotBreak(ValueError):
    """The report lacks what the rule needs (a table, a relation, a section)."""


def _has(edition: Edition, attribute: str, key: str) -> bool:
    """Whether the layout of ``edition`` has the cell (or row) ``key`` in table ``attribute``."""
    table = next((t for t in layout_of(edition).tables if t.attribute == attribute), None)
    return table is not None and any(
        c.key == key or c.key.startswith(key + ".") for c in table.cells
    )


def _unpaid(report: Report) -> int:
    """The applications table 三 says were dropped for an unpaid fee (0 without the row)."""
    if report.requests is None or not _has(report.edition, "requests", _UNPAID):
        return 0
    return int(_get(report.requests, f"{_UNPAID}.total") or 0)


# --------------------------------------------------------------------------- helpers


def _evolve_path(obj: Any, dotted: str, value: Any) -> Any:
    head, _, rest = dotted.partition(".")
    if not rest:
        return attrs.evolve(obj, **{head: value})
    return attrs.evolve(obj, **{head: _evolve_path(getattr(obj, head), rest, value)})


def _get(obj: Any, dotted: str) -> Any:
    for part in dotted.split("."):
        obj = getattr(obj, part)
    return obj


def _set(report: Report, path: str, value: Any) -> Report:
    """``report`` with the value at a dotted attribute path (``requests.new.total``) set."""
    result: Report = _evolve_path(report, path, value)
    return result


def _add(report: Report, path: str, delta: int) -> Report:
    return _set(report, path, _get(report, path) + delta)


_NEW_SENTENCE = re.compile(r"(收到政府信息公开申请)(\d+)(件)")


def _map_paragraphs(report: Report, fn: Any) -> Report:
    def walk(sections: tuple[Section, ...]) -> tuple[Section, ...]:
        return tuple(
            attrs.evolve(
                s,
                paragraphs=tuple(fn(p) for p in s.paragraphs),
                subsections=walk(s.subsections),
            )
            for s in sections
        )

    return attrs.evolve(report, sections=walk(report.sections))


def sync_prose(report: Report) -> Report:
    """Rewrite the generated sentence "收到政府信息公开申请N件" to state table 三's new total."""
    if report.requests is None or report.requests.new.total is None:
        return report
    total = report.requests.new.total
    return _map_paragraphs(report, lambda p: _NEW_SENTENCE.sub(rf"\g<1>{total}\g<3>", p))


def with_year(report: Report, year: int) -> Report:
    """The report moved to ``year``: title, period, signature and publication dates follow.

    Dates keep their month and day (the 29th–31st become the 28th in February).
    """

    def moved(d: _dt.date | None) -> _dt.date | None:
        if d is None:
            return None
        return _dt.date(year + 1, d.month, min(d.day, 28) if d.month == 2 else d.day)

    old = report.year
    title = report.title.replace(f"{old}年", f"{year}年")
    signature = report.signature
    if signature is not None:
        signature = attrs.evolve(signature, date=moved(signature.date))
    metadata = report.metadata
    if metadata is not None:
        metadata = attrs.evolve(
            metadata,
            published=moved(metadata.published),
            name=None if metadata.name is None else metadata.name.replace(f"{old}年", f"{year}年"),
        )
    period = report.period
    if period is not None:
        period = type(period).calendar_year(year)
    return attrs.evolve(
        report, year=year, title=title, signature=signature, metadata=metadata, period=period
    )


def _row_total(row: ApplicantCounts) -> ApplicantCounts:
    return attrs.evolve(row, total=row.computed_total)


def align(report: Report, previous: Report) -> Report:
    """``report`` changed (only itself) so that the cross-year rules hold against ``previous``.

    Table 三 row 二 takes last year's row 四, per column, with 四 or 一 raised to keep R1;
    table 二's 现行有效件数 follows last year's, raising 本年制发件数 if it would be negative.
    """
    now, before = report.requests, previous.requests
    if now is not None and before is not None:
        over = dict(zip(ApplicantCounts.COLUMNS[:6], now.carried_over.parts, strict=True))
        new = dict(zip(ApplicantCounts.COLUMNS[:6], now.new.parts, strict=True))
        fwd = dict(zip(ApplicantCounts.COLUMNS[:6], now.carried_forward.parts, strict=True))
        for column, f in zip(
            ApplicantCounts.COLUMNS[:6], before.carried_forward.parts, strict=True
        ):
            t = over[column] or 0
            f = f or 0
            over[column] = f
            if f >= t:
                fwd[column] = (fwd[column] or 0) + f - t
            else:
                new[column] = (new[column] or 0) + t - f
        now = attrs.evolve(
            now,
            carried_over=_row_total(ApplicantCounts(**over)),
            new=_row_total(ApplicantCounts(**new)),
            carried_forward=_row_total(ApplicantCounts(**fwd)),
        )
        report = sync_prose(attrs.evolve(report, requests=now))
    active, old = report.active, previous.active
    carried = all(_has(r.edition, "active", k) for r in (report, previous) for k in _IN_FORCE)
    if active is not None and old is not None and carried:
        for row in (k.split(".")[0] for k in _IN_FORCE):
            cur, last = getattr(active, row), getattr(old, row)
            issued, repealed = cur.issued or 0, cur.repealed or 0
            in_force = (last.in_force or 0) + issued - repealed
            if in_force < 0:
                issued -= in_force
                in_force = 0
            active = attrs.evolve(
                active, **{row: attrs.evolve(cur, issued=issued, in_force=in_force)}
            )
        report = attrs.evolve(report, active=active)
    return report


def _replace_first(
    sections: tuple[Section, ...], pattern: re.Pattern[str], repl: str, prefix: str = "$.sections"
) -> tuple[tuple[Section, ...], str | None]:
    """Replace the first match of ``pattern`` in any paragraph; the new sections and the
    JSON path of the paragraph changed (``None`` when nothing matched)."""
    out = list(sections)
    for i, s in enumerate(sections):
        for j, p in enumerate(s.paragraphs):
            if pattern.search(p):
                paragraphs = list(s.paragraphs)
                paragraphs[j] = pattern.sub(repl, p, count=1)
                out[i] = attrs.evolve(s, paragraphs=tuple(paragraphs))
                return tuple(out), f"{prefix}[{i}].paragraphs[{j}]"
        subsections, path = _replace_first(
            s.subsections, pattern, repl, f"{prefix}[{i}].subsections"
        )
        if path is not None:
            out[i] = attrs.evolve(s, subsections=subsections)
            return tuple(out), path
    return sections, None


def _replace_fact(report: Report, key: str, quantity: Quantity) -> Report:
    """Change the figure of fact ``key``: its text in the paragraph and the later spans."""
    fact = report.fact(key)
    loc = fact.location
    text = str(quantity)
    shift = len(text) - len(fact.text)
    para = report.paragraph_at(loc)
    new_para = para[: loc.start] + text + para[loc.end :]
    facts = []
    for f in report.facts:
        if f.key == key:
            f = attrs.evolve(
                f,
                text=text,
                quantity=quantity,
                location=attrs.evolve(loc, end=loc.start + len(text)),
            )
        elif (
            f.location.section == loc.section
            and f.location.paragraph == loc.paragraph
            and f.location.start >= loc.end
        ):
            fl = f.location
            f = attrs.evolve(
                f, location=attrs.evolve(fl, start=fl.start + shift, end=fl.end + shift)
            )
        facts.append(f)

    def walk(sections: tuple[Section, ...], prefix: tuple[int, ...]) -> tuple[Section, ...]:
        out = []
        for s in sections:
            here = (*prefix, s.ordinal)
            paragraphs = s.paragraphs
            if here == loc.section:
                paragraphs = tuple(
                    new_para if j == loc.paragraph else p for j, p in enumerate(paragraphs)
                )
            out.append(
                attrs.evolve(s, paragraphs=paragraphs, subsections=walk(s.subsections, here))
            )
        return tuple(out)

    if loc.section == ():
        preamble = tuple(
            new_para if j == loc.paragraph else p for j, p in enumerate(report.preamble)
        )
        return attrs.evolve(report, preamble=preamble, facts=tuple(facts))
    return attrs.evolve(report, sections=walk(report.sections, ()), facts=tuple(facts))


def _delta(c: Chooser, value: int, low: int = 1, high: int = 5) -> int:
    """A non-zero change of at least ``low`` that keeps ``value`` ≥ 0."""
    k = c.integers(low, high)
    if value >= k and c.choice((True, False)):
        return -k
    return k
