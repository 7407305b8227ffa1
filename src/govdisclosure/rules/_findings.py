"""The values a check returns: :class:`Finding`, :class:`Findings`, and what they carry.

A finding is data, not prose: the rule's code and severity, the JSON path of the place in the
``to_dict`` form, the human location in Chinese and English, the figures on each side
(:class:`Side`, with an :class:`Interval` for rounded amounts and approximate figures), the
discrepancy, and any :class:`Suggestion` of which cell is wrong. :meth:`Finding.message`
renders the rule's message template in ``zh_CN`` or ``en``.

>>> f = Finding(code="GD104", severity=Severity.ERROR, path="$.reviews.review.total",
...             location=L10n("表四 行政复议", "Table 4 Administrative reconsideration"),
...             args=(("group", L10n("行政复议", "Administrative reconsideration")),
...                   ("left", "5"), ("right", "4"), ("difference", "1")))
>>> print(f.message())
表四 “行政复议”：总计为 4，而结果维持、结果纠正、...之和为 5（相差 1）
>>> print(f.message(locale="en"))
Table 4, “Administrative reconsideration”: the total is 4,
but upheld + corrected + other + pending = 5 (off by 1)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Any, Literal, overload

import attrs

from govdisclosure.errors import GovDisclosureError
from govdisclosure.money import exact_context
from govdisclosure.rules._catalog import Rule, part, rule
from govdisclosure.rules._types import L10n, Severity, locale_key

__all__ = [
    "Finding",
    "Findings",
    "Interval",
    "L10n",
    "ReportInvalid",
    "Severity",
    "Side",
    "Suggestion",
    "locale_key",
]

#: Exact arithmetic for intervals, independent of the ambient decimal context.
_CTX = exact_context()


def _text(value: str | L10n, key: str) -> str:
    if isinstance(value, L10n):
        return value.zh if key == "zh" else value.en
    return value


def _fmt(d: Decimal) -> str:
    """Plain notation without trailing zeros after the point: 164705.0 → 164705."""
    text = format(d.normalize(_CTX) if d.is_finite() else d, "f")
    return "0" if text in ("-0", "0") else text


@attrs.frozen(slots=True)
class Interval:
    """A range of true values, exact, with open or closed ends; ``None`` is unbounded.

    Rounded amounts (XBRL Calculations 1.1) and approximate prose figures (300余) both become
    intervals; a stated sum is consistent when the interval of its parts meets the interval
    of the total.

    >>> a = Interval.closed(Decimal("3250"), Decimal("3350"))     # 0.33万元
    >>> parts = a + a + a
    >>> parts
    Interval(low=Decimal('9750'), high=Decimal('10050'), low_closed=True, high_closed=True)
    >>> parts.meets(Interval.closed(Decimal("9950"), Decimal("10050")))   # 1.00万元
    True
    >>> parts.gap(Interval.closed(Decimal("10150"), Decimal("10250")))    # 1.02万元
    Decimal('100')
    >>> str(Interval(Decimal(300), Decimal(400), False, False))
    '(300, 400)'
    """

    low: Decimal | None
    high: Decimal | None
    low_closed: bool = True
    high_closed: bool = True

    @classmethod
    def closed(cls, low: Decimal, high: Decimal) -> Interval:
        """``[low, high]``."""
        return cls(low, high, True, True)

    @classmethod
    def point(cls, value: Decimal | int) -> Interval:
        """The single value ``[v, v]``."""
        d = Decimal(value)
        return cls(d, d, True, True)

    def __add__(self, other: Interval) -> Interval:
        if not isinstance(other, Interval):
            return NotImplemented
        low = None if self.low is None or other.low is None else _CTX.add(self.low, other.low)
        high = None if self.high is None or other.high is None else _CTX.add(self.high, other.high)
        return Interval(
            low,
            high,
            self.low_closed and other.low_closed,
            self.high_closed and other.high_closed,
        )

    def __neg__(self) -> Interval:
        low = None if self.high is None else _CTX.minus(self.high)
        high = None if self.low is None else _CTX.minus(self.low)
        return Interval(low, high, self.high_closed, self.low_closed)

    def __sub__(self, other: Interval) -> Interval:
        if not isinstance(other, Interval):
            return NotImplemented
        return self + (-other)

    def _overlap(self, other: Interval) -> tuple[Decimal | None, bool, Decimal | None, bool]:
        if self.low is None:
            lo, lo_c = other.low, other.low_closed
        elif other.low is None or self.low > other.low:
            lo, lo_c = self.low, self.low_closed
        elif other.low > self.low:
            lo, lo_c = other.low, other.low_closed
        else:
            lo, lo_c = self.low, self.low_closed and other.low_closed
        if self.high is None:
            hi, hi_c = other.high, other.high_closed
        elif other.high is None or self.high < other.high:
            hi, hi_c = self.high, self.high_closed
        elif other.high < self.high:
            hi, hi_c = other.high, other.high_closed
        else:
            hi, hi_c = self.high, self.high_closed and other.high_closed
        return lo, lo_c, hi, hi_c

    def meets(self, other: Interval) -> bool:
        """Whether the two ranges share at least one value."""
        lo, lo_c, hi, hi_c = self._overlap(other)
        if lo is None or hi is None or lo < hi:
            return True
        return lo == hi and lo_c and hi_c

    def gap(self, other: Interval) -> Decimal:
        """The least distance between a value of one range and a value of the other.

        ``0`` when they meet (or only just miss, at an open end).
        """
        lo, _, hi, _ = self._overlap(other)
        if lo is None or hi is None or lo <= hi:
            return Decimal(0)
        return _CTX.subtract(lo, hi)

    def __str__(self) -> str:
        if self.low is not None and self.low == self.high:
            return _fmt(self.low)
        left = ("[" if self.low_closed else "(") + ("-∞" if self.low is None else _fmt(self.low))
        right = ("∞" if self.high is None else _fmt(self.high)) + ("]" if self.high_closed else ")")
        return f"{left}, {right}"


@attrs.frozen(slots=True)
class Side:
    """One side of a failed comparison: its label, value as printed, and exact range.

    ``value`` is exact: an ``int`` for counts, a Decimal in 元 for amounts (``None`` when a
    side has no single value, as ``300余``). ``text`` is the figure as printed or computed
    (``"12"``, ``"4200.7万元"``, ``"300余条"``). ``interval`` is the range of true values the
    printed figure stands for (in 元 for amounts); ``paths`` are the JSON paths of the cells or
    facts that make up this side.
    """

    label: L10n
    value: int | Decimal | None
    text: str
    interval: Interval | None = None
    paths: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form."""
        value: Any = self.value
        if isinstance(value, Decimal):
            value = _fmt(value)
        return {
            "label": {"zh_CN": self.label.zh, "en": self.label.en},
            "value": value,
            "text": self.text,
            "interval": None if self.interval is None else str(self.interval),
            "paths": list(self.paths),
        }


@attrs.frozen(slots=True)
class Suggestion:
    """A hint of what is likely wrong, errorlocate-style.

    ``kind`` is ``"cell"`` (one corrected value would satisfy every failing sum; ``digits``
    says whether the printed value looks like the corrected one with two adjacent digits
    swapped) or ``"compensating"`` (two applicant columns off by +k and −k while 总计
    balances) or ``"derived"`` (a cell of the sum was not given but computed by a builder
    from the cells ``where`` names: a wrong figure among them is wrong twice). ``paths`` are
    the cells concerned; ``codes`` the rules the change would satisfy.

    >>> s = Suggestion(kind="cell", paths=("$.requests.granted.natural_person",),
    ...                where=L10n("表三 (一)予以公开 | 自然人",
    ...                           "Table 3 (1) Disclosed | Natural persons"),
    ...                current=21, proposed=12, codes=("GD102", "GD103"), digits=True)
    >>> print(s.message())
    表三 (一)予以公开 | 自然人 若为 12（现为 21），GD102、GD103 均可成立；疑为数字颠倒...
    >>> print(s.message("en"))
    Table 3 (1) Disclosed | Natural persons: 12 would satisfy GD102 and GD103 (printed 21);
    looks like a digit transposition (21 printed for 12)
    """

    kind: Literal["cell", "compensating", "derived"]
    paths: tuple[str, ...]
    where: L10n
    current: int | None
    proposed: int | None
    codes: tuple[str, ...]
    digits: bool = False

    def message(self, locale: str = "zh_CN") -> str:
        """The hint in ``locale`` (its words are parts of the catalogue)."""
        if self.kind == "derived":
            return self.where.get(locale)  # the whole hint (:func:`part` "hint.derived")
        if self.kind == "compensating":
            k = self.proposed
            plural = L10n("", "" if k == 1 else "s")
            return part("hint.compensating", where=self.where, k=k, plural=plural).get(locale)
        codes = self.codes
        en = " and ".join(codes) if len(codes) <= 2 else ", ".join(codes[:-1]) + " and " + codes[-1]
        several = part("hint.several" if len(codes) > 1 else "hint.single")
        text = part(
            "hint.cell",
            where=self.where,
            proposed=self.proposed,
            current=self.current,
            codes=L10n("、".join(codes), en),
            all=several,
        ).get(locale)
        if self.digits:
            text += part("hint.digits", proposed=self.proposed, current=self.current).get(locale)
        return text

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form."""
        return {
            "kind": self.kind,
            "paths": list(self.paths),
            "current": self.current,
            "proposed": self.proposed,
            "codes": list(self.codes),
            "digit_transposition": self.digits,
            "message": {"zh_CN": self.message("zh_CN"), "en": self.message("en")},
        }


Arg = tuple[str, "str | L10n"]


@attrs.frozen(slots=True)
class Finding:
    """One finding of :func:`~govdisclosure.rules.check`.

    ``path`` is the JSON path into the report's ``to_dict`` form; ``location`` the human place
    (表三, the row and column labels) in both languages; ``sides`` the figures compared;
    ``discrepancy`` their difference (an ``int`` for counts; for amounts the least possible
    discrepancy in 元, a Decimal); ``suggestions`` hints of the likely wrong cell; ``year`` the
    report's year and ``previous_year`` the other year of a cross-year finding. ``args`` fill
    the rule's message template (:attr:`Rule.message`).
    """

    code: str
    severity: Severity
    path: str
    location: L10n
    args: tuple[Arg, ...] = ()
    sides: tuple[Side, ...] = ()
    discrepancy: int | Decimal | None = None
    suggestions: tuple[Suggestion, ...] = ()
    year: int | None = None
    previous_year: int | None = None

    @property
    def rule(self) -> Rule:
        """The :class:`~govdisclosure.rules.Rule` this finding comes from."""
        return rule(self.code)

    def message(self, locale: str = "zh_CN") -> str:
        """The finding in words, with any suggestion, in ``zh_CN`` (default) or ``en``."""
        key = locale_key(locale)
        template = self.rule.message if key == "zh" else self.rule.message_en
        text = template.format_map({name: _text(v, key) for name, v in self.args})
        if key == "en" and text[:1].islower():
            text = text[0].upper() + text[1:]
        for s in self.suggestions:
            text += part("hint.after").get(locale) + s.message(locale)
        return text

    def where(self, locale: str = "zh_CN") -> str:
        """The human location in ``locale``."""
        return self.location.get(locale)

    def __repr__(self) -> str:
        from govdisclosure._reprs import clip

        return (
            f"<Finding {self.code} {self.severity.value} {self.path}: {clip(self.message('en'))}>"
        )

    def _repr_pretty_(self, p: Any, cycle: bool) -> None:
        p.text(repr(self))

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form (what ``govdisclosure check --format json`` prints)."""
        d = self.discrepancy
        return {
            "code": self.code,
            "severity": self.severity.value,
            "path": self.path,
            "location": {"zh_CN": self.location.zh, "en": self.location.en},
            "message": {"zh_CN": self.message("zh_CN"), "en": self.message("en")},
            "sides": [s.to_dict() for s in self.sides],
            "discrepancy": _fmt(d) if isinstance(d, Decimal) else d,
            "suggestions": [s.to_dict() for s in self.suggestions],
            "year": self.year,
            "previous_year": self.previous_year,
        }


class Findings(Sequence[Finding]):
    """An immutable sequence of findings, in the order the rules ran, with helpers.

    >>> from govdisclosure.rules import check
    >>> from govdisclosure import examples
    >>> findings = check(examples.load("jianghe-2021"))
    >>> len(findings), findings.ok, findings.errors
    (0, True, Findings([]))
    """

    __slots__ = ("_items",)
    _items: tuple[Finding, ...]

    def __init__(self, items: Iterable[Finding] = ()) -> None:
        self._items = tuple(items)

    @overload
    def __getitem__(self, index: int) -> Finding: ...
    @overload
    def __getitem__(self, index: slice) -> Findings: ...
    def __getitem__(self, index: int | slice) -> Finding | Findings:
        if isinstance(index, slice):
            return Findings(self._items[index])
        return self._items[index]

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[Finding]:
        return iter(self._items)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Findings):
            return self._items == other._items
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._items)

    def __add__(self, other: Findings) -> Findings:
        if not isinstance(other, Findings):
            return NotImplemented
        return Findings(self._items + other._items)

    def __repr__(self) -> str:
        from govdisclosure._reprs import first

        inner = first(self._items, 5, lambda f: f"{f.code}@{f.path}")
        return f"Findings([{inner}])"

    def _repr_pretty_(self, p: Any, cycle: bool) -> None:
        p.text(repr(self))

    def __getstate__(self) -> tuple[Finding, ...]:
        return self._items

    def __setstate__(self, state: tuple[Finding, ...]) -> None:
        self._items = state

    def _where(self, severity: Severity) -> Findings:
        return Findings(f for f in self._items if f.severity is severity)

    @property
    def errors(self) -> Findings:
        """The findings of severity error."""
        return self._where(Severity.ERROR)

    @property
    def warnings(self) -> Findings:
        """The findings of severity warning."""
        return self._where(Severity.WARNING)

    @property
    def notices(self) -> Findings:
        """The findings of severity notice."""
        return self._where(Severity.NOTICE)

    @property
    def ok(self) -> bool:
        """True when no finding has severity error (warnings and notices allowed)."""
        return not any(f.severity is Severity.ERROR for f in self._items)

    @property
    def codes(self) -> tuple[str, ...]:
        """The code of each finding, in order."""
        return tuple(f.code for f in self._items)

    @property
    def worst(self) -> Severity | None:
        """The highest severity present, or ``None`` when there is no finding."""
        return max((f.severity for f in self._items), default=None)

    def by_code(self, *codes: str) -> Findings:
        """The findings with any of ``codes`` (``by_code("GD101", "GD102")``)."""
        wanted = set(codes)
        return Findings(f for f in self._items if f.code in wanted)

    def at(self, path: str) -> Findings:
        """The findings located at ``path`` exactly."""
        return Findings(f for f in self._items if f.path == path)

    def messages(self, locale: str = "zh_CN") -> list[str]:
        """Every finding as one line: ``severity code path: message``."""
        return [
            f"{f.severity.label(locale)} {f.code} {f.path}: {f.message(locale)}"
            for f in self._items
        ]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form: the counts by severity and every finding."""
        return {
            "ok": self.ok,
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "notices": len(self.notices),
            "findings": [f.to_dict() for f in self._items],
        }


class ReportInvalid(GovDisclosureError, ValueError):
    """Raised by :func:`~govdisclosure.rules.validate` when any finding has severity error.

    ``findings`` holds every finding of the check (not only the errors).
    """

    findings: Findings

    def __init__(self, findings: Findings) -> None:
        self.findings = findings
        errors = findings.errors
        lines = [f"{len(errors)} error{'s' if len(errors) != 1 else ''} in the report:"]
        lines += [f"  {f.code} {f.path}: {f.message('en')}" for f in errors]
        super().__init__("\n".join(lines))

    def __reduce__(self) -> tuple[type[ReportInvalid], tuple[Findings]]:
        return (type(self), (self.findings,))
