"""GD201 and GD202: the relations the text states between its figures.

A :class:`~govdisclosure.model.Relation` says ``result = Σ add − Σ subtract`` over located
:class:`~govdisclosure.model.Fact` s. Each figure becomes an :class:`Interval` of the true
values it stands for: an amount printed with *d* decimals stands for ±½·10⁻ᵈ of its unit
(:meth:`~govdisclosure.money.Amount.interval`, XBRL Calculations 1.1); an approximate figure
(300余, 约1630万元) for the range its qualifier admits (:meth:`Quantity.bounds`); an exact
count for itself. The relation holds when the interval of the combined terms meets the
interval of the result.

>>> from govdisclosure.numerals import parse_quantity
>>> figure_interval(parse_quantity("0.33万元"))
Interval(low=Decimal('3250'), high=Decimal('3350'), low_closed=True, high_closed=True)
>>> str(figure_interval(parse_quantity("300余条")))
'(300, 400)'
"""

from __future__ import annotations

from decimal import Decimal

from govdisclosure.model import Fact, Relation, Report
from govdisclosure.money import exact_context
from govdisclosure.numerals import Quantity, from_int
from govdisclosure.rules._catalog import part
from govdisclosure.rules._context import Context
from govdisclosure.rules._findings import Finding, Interval, L10n, Side
from govdisclosure.rules._registry import Family

__all__ = ["FAMILY", "check", "figure_interval", "place_of"]

_CTX = exact_context()


def figure_interval(q: Quantity) -> Interval:
    """The true values a printed figure stands for: in 元 for money, plain units otherwise."""
    if q.is_money and q.qualifier is None:
        low_amount, high_amount = q.amount.interval()
        return Interval.closed(low_amount, high_amount)
    low, high, low_closed, high_closed = q.bounds()
    return Interval(low, high, low_closed, high_closed)


def place_of(report: Report, section: tuple[int, ...], paragraph: int) -> L10n:
    """The human place of a paragraph: the section heading and the paragraph's number."""
    if section == ():
        return part("place.preamble", n=paragraph + 1)
    try:
        title = report.section(*section).title
    except KeyError:
        title = ""
    head = from_int(section[0]) + "、" if len(section) == 1 else ""
    number = ".".join(str(s) for s in section)
    return part("place.section", head=head, title=title, number=number, n=paragraph + 1)


def _fmt(d: Decimal) -> str:
    return format(d, "f")


def _describe(result: Fact, adds: list[Fact], subs: list[Fact]) -> L10n:
    """The relation in words: the prose's own labels (quoted in English)."""
    out = []
    for quote in (False, True):

        def label(f: Fact, quote: bool = quote) -> str:
            return _quote(f.label) if quote else f.label

        terms = [label(f) for f in adds]
        tail = ""
        if len(terms) > 5:
            terms = [*terms[:3], "…", terms[-1]]
            tail = part("relation.more", n=len(adds)).get("en" if quote else "zh_CN")
        text = " + ".join(terms) + tail
        for f in subs:
            text += f" − {label(f)}"
        out.append(f"{text} = {label(result)}")
    return L10n(out[0], out[1])


def _quote(text: str) -> str:
    """``text`` in English quotes (quotes inside it become single ones)."""
    return "“" + text.replace("“", "‘").replace("”", "’") + "”"


def _quoted(text: str | L10n) -> L10n:
    """A figure as the prose prints it (“418条”): quoted in English."""
    if isinstance(text, L10n):
        return text
    return L10n(text, _quote(text) if any("\u3400" <= ch <= "\u9fff" for ch in text) else text)


def _whole(q: Quantity) -> int | None:
    """The figure as an int when it is an exact whole count (no qualifier, no 万/亿, not money)."""
    if q.qualifier is not None or q.unit in _MONEY_UNITS or q.unit[0] in "万亿":
        return None
    v = q.value
    n = int(v)
    return n if n == v else None


_MONEY_UNITS = frozenset({"元", "万元", "亿元"})


def _holds_exactly(rel: Relation, facts: dict[str, tuple[int, Fact]]) -> bool:
    """The fast path: exact counts of one unit (no qualifier, not money) that add up."""
    result = facts[rel.result][1].quantity
    unit = result.unit
    if result.qualifier is not None or unit in _MONEY_UNITS:
        return False
    total = result.value
    sub, add = _CTX.subtract, _CTX.add
    for key in rel.add:
        q = facts[key][1].quantity
        if q.qualifier is not None or q.unit != unit:
            return False
        total = sub(total, q.value)
    for key in rel.subtract:
        q = facts[key][1].quantity
        if q.qualifier is not None or q.unit != unit:
            return False
        total = add(total, q.value)
    return total.is_zero()


def _combined(
    terms: list[tuple[tuple[int, Fact], int]],
) -> tuple[Interval, Decimal, bool]:
    """The interval of the terms combined with their signs, their exact combination, and
    whether every term is exact (no 约/余/… qualifier)."""
    combined = Interval.point(0)
    exact = Decimal(0)
    all_exact = True
    for (_, f), sign in terms:
        interval = figure_interval(f.quantity)
        combined = combined + interval if sign > 0 else combined - interval
        value = f.quantity.exact
        exact = _CTX.add(exact, value) if sign > 0 else _CTX.subtract(exact, value)
        all_exact = all_exact and f.quantity.qualifier is None
    return combined, exact, all_exact


def _computed_text(
    money: bool, all_exact: bool, exact: Decimal, combined: Interval, measure: str
) -> tuple[str, str | L10n]:
    """The computed side as printed, and as the message states it: its exact value when
    every term is exact, else only its interval."""
    if money and all_exact:
        left = f"{_fmt(exact)}元"
        said = L10n(left, f"{_fmt(exact)} yuan")
        return left, part("relation.exact_money", left=said, interval=combined)
    if money:
        return f"{combined}元", part("relation.interval_money", interval=combined)
    if all_exact:
        left = f"{_fmt(exact)}{measure}"
        return left, left
    return f"{combined}", f"{combined}"


def _check_relation(
    ctx: Context, i: int, rel: Relation, facts: dict[str, tuple[int, Fact]]
) -> Finding | None:
    if _holds_exactly(rel, facts):
        return None
    result = facts[rel.result][1]
    terms = [(facts[k], sign) for k, sign in rel.terms()]
    kinds = {result.quantity.is_money} | {f.quantity.is_money for (_, f), _ in terms}
    if len(kinds) != 1 or not terms:
        return None  # money and counts mixed: no arithmetic relation to check
    money = kinds.pop()
    code = "GD201" if money else "GD202"
    if code not in ctx.runs:
        return None
    combined = _combined(terms)
    if combined[0].meets(figure_interval(result.quantity)):
        return None
    return _relation_finding(ctx, i, code, facts[rel.result], terms, combined)


def _relation_finding(
    ctx: Context,
    i: int,
    code: str,
    located: tuple[int, Fact],
    terms: list[tuple[tuple[int, Fact], int]],
    combined_exact: tuple[Interval, Decimal, bool],
) -> Finding:
    """GD201 or GD202 for relation ``i``, whose terms combined miss its result."""
    report = ctx.report
    result_index, result = located
    combined, exact, all_exact = combined_exact
    money = code == "GD201"
    target = figure_interval(result.quantity)
    adds = [f for (_, f), s in terms if s > 0]
    subs = [f for (_, f), s in terms if s < 0]
    gap = combined.gap(target)
    left, left_text = _computed_text(money, all_exact, exact, combined, result.quantity.measure)
    loc = result.location
    result_q = result.quantity
    args: tuple[tuple[str, str | L10n], ...] = (
        ("relation", _describe(result, adds, subs)),
        ("left", _quoted(left_text)),
        ("left_interval", str(combined)),
        ("result", L10n(result.label, _quote(result.label))),
        ("right", _quoted(result.text)),
        ("right_interval", str(target)),
        ("gap", _fmt(gap)),
    )
    discrepancy: int | Decimal = gap
    if not money and gap == gap.to_integral_value(context=_CTX):
        discrepancy = int(gap)
    return Finding(
        code=code,
        severity=ctx.policy.severity(code),
        path=f"$.relations[{i}]",
        location=place_of(report, loc.section, loc.paragraph),
        args=args,
        sides=(
            Side(
                part("relation.side"),
                exact if all_exact else None,
                left,
                combined,
                tuple(f"$.facts[{j}]" for (j, _), _ in terms),
            ),
            Side(
                L10n(result.label, result.label),
                result_q.exact if result_q.qualifier is None else None,
                result.text,
                target,
                (f"$.facts[{result_index}]",),
            ),
        ),
        discrepancy=discrepancy,
        year=report.year,
    )


def _facts(report: Report) -> dict[str, tuple[int, Fact]]:
    """The report's facts by key, each with its index (derived once per report)."""
    return {f.key: (j, f) for j, f in enumerate(report.facts)}


_Exact = tuple[Decimal, tuple[Decimal, ...], tuple[Decimal, ...]]
_Whole = tuple[int, tuple[int, ...], tuple[int, ...]]


def _exact_terms(report: Report) -> tuple[_Exact | _Whole | None, ...]:
    """For each relation whose figures are all exact and of one unit (no qualifier, not
    money): the result's value, the added values and the subtracted ones — as ints when
    every one is a whole number (most counts), else as Decimals; ``None`` for any other.
    Derived once per report (the figures are the prose's); the check adds them up."""
    quantities = {f.key: f.quantity for f in report.facts}
    out: list[_Exact | _Whole | None] = []
    for rel in report.relations:
        result = quantities[rel.result]
        unit = result.unit
        exact: _Exact | _Whole | None = None
        if result.qualifier is None and unit not in _MONEY_UNITS:
            add = _exact_values(rel.add, unit, quantities)
            sub = _exact_values(rel.subtract, unit, quantities)
            if add is not None and sub is not None:
                n, d = result.value.as_integer_ratio()
                if d == 1 and add[1] is not None and sub[1] is not None:
                    exact = (n, add[1], sub[1])
                else:
                    exact = (result.value, add[0], sub[0])
        out.append(exact)
    return tuple(out)


def _exact_values(
    keys: tuple[str, ...], unit: str, quantities: dict[str, Quantity]
) -> tuple[tuple[Decimal, ...], tuple[int, ...] | None] | None:
    """The values of the facts of ``keys`` when each is exact and in ``unit`` (else None),
    and the same as ints when each is a whole number (else None)."""
    values: list[Decimal] = []
    ints: list[int] | None = []
    for key in keys:
        q = quantities[key]
        if q.qualifier is not None or q.unit != unit:
            return None
        v = q.value
        values.append(v)
        if ints is not None:
            n, d = v.as_integer_ratio()
            if d == 1:
                ints.append(n)
            else:
                ints = None
    return tuple(values), None if ints is None else tuple(ints)


def _adds_up(exact: _Exact | _Whole) -> bool:
    """Whether ``result − Σ add + Σ subtract`` is zero, in exact arithmetic (ints, or
    Decimals in the exact context)."""
    total, add, sub = exact
    if isinstance(total, int):  # built together: ints throughout
        return sum(add) - sum(sub) == total
    subtract, plus = _CTX.subtract, _CTX.add
    for v in add:
        total = subtract(total, v)
    for v in sub:
        total = plus(total, v)
    return total.is_zero()


def check(ctx: Context) -> list[Finding]:
    """GD201 (money, error) and GD202 (counts, warning) for every stated relation.

    A relation of exact figures of one unit is first added up exactly (the values derived
    once per report); one that does not add up so, or has approximate figures or amounts, is
    compared by the intervals its figures stand for."""
    report = ctx.report
    if not report.relations:
        return []
    out = []
    facts: dict[str, tuple[int, Fact]] | None = None
    for i, (rel, exact) in enumerate(zip(report.relations, ctx.derived(_exact_terms), strict=True)):
        if exact is not None and _adds_up(exact):
            continue
        if facts is None:
            facts = ctx.derived(_facts)
        finding = _check_relation(ctx, i, rel, facts)
        if finding is not None:
            out.append(finding)
    return out


FAMILY = Family("stated relations", check, codes=("GD201", "GD202"))
