"""The 信息处理费 (information processing fee), per 国办函〔2020〕109号.

《政府信息公开信息处理费管理办法》 lets an agency charge an applicant either **by count**
(按件: the applications one applicant files in one calendar month) or **by volume** (按量:
the pages of one application), each progressively (超额累进) — and never both for one
application (不得同时按照两种标准重复计算): choose :func:`fee_by_count` *or*
:func:`fee_by_pages`; a :class:`FeeNotice` holds exactly one :class:`Fee`.

按件: 1–10 free; 11–30 100元/件; from 31, each further band of 10 adds 100元/件 (31–40 200元,
41–50 300元, …). 按量: 1–30 pages free; 31–100 10元/页; 101–200 20元/页; 201 onward 40元/页.

The worked examples of the 办法 and of the format specification:

>>> fee_by_count(35).amount
Amount('3000', MoneyUnit.YUAN)
>>> print(fee_by_count(35))
按件 35件: 11–30件 20件 每件100元 计2000元; 31–40件 5件 每件200元 计1000元; 合计3000元
>>> fee_by_pages(250).amount
Amount('4700', MoneyUnit.YUAN)
>>> [str(t) for t in fee_by_pages(250).charged]
['31–100页 70页 每页10元 计700元', '101–200页 100页 每页20元 计2000元',
 '201页以上 50页 每页40元 计2000元']
>>> fee_by_count(10).amount, fee_by_pages(30).amount, fee_by_count(0).amount
(Amount('0', MoneyUnit.YUAN), Amount('0', MoneyUnit.YUAN), Amount('0', MoneyUnit.YUAN))

Amounts are exact whatever the input (the 按件 breakdown is computed band by band on demand,
in closed form, so ten quintillion requests take no longer than ten):

>>> fee_by_count(10**19).amount
Amount('499999999999999998500000000000000002000', MoneyUnit.YUAN)
>>> fee_by_count(-1)
Traceback (most recent call last):
...
govdisclosure.analysis.fees.FeeInputError: requests_in_month must be a whole number >= 0 ..., got -1
>>> fee_by_pages(2.5)
Traceback (most recent call last):
...
govdisclosure.analysis.fees.FeeInputError: pages must be a whole number >= 0 (an int), got 2.5 ...

A 收费通知 states the basis, the standard, the amount and how to pay; it is due 20 working
days after the notice (the date arithmetic counts Monday to Friday, minus the holidays you
give, plus the weekend days you declare working days — 调休):

>>> import datetime as dt
>>> notice = FeeNotice(fee=fee_by_pages(250), issued=dt.date(2024, 9, 27))
>>> notice.due
datetime.date(2024, 10, 25)
>>> golden_week = [dt.date(2024, 10, d) for d in range(1, 8)]
>>> FeeNotice(fee=fee_by_pages(250), issued=dt.date(2024, 9, 27),
...           holidays=golden_week, workdays=[dt.date(2024, 9, 29), dt.date(2024, 10, 12)]).due
datetime.date(2024, 10, 30)
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Collection, Iterable, Iterator, Sequence
from typing import Literal, overload

import attrs

from govdisclosure.errors import GovDisclosureError
from govdisclosure.money import Amount, MoneyUnit

__all__ = [
    "BASIS",
    "DUE_WORKING_DAYS",
    "Fee",
    "FeeInputError",
    "FeeNotice",
    "Tier",
    "add_working_days",
    "fee_by_count",
    "fee_by_pages",
]

BASIS = "国办函〔2020〕109号《政府信息公开信息处理费管理办法》"
"""The rules the fee is charged under."""

DUE_WORKING_DAYS = 20
"""Working days an applicant has to pay, counted from the day after the notice."""


class FeeInputError(GovDisclosureError, ValueError):
    """A fee was asked for a count that is not a whole number ≥ 0 (a :class:`ValueError`)."""


Basis = Literal["count", "pages"]
_MEASURE = {"count": "件", "pages": "页"}
_BASIS_ZH = {"count": "按件", "pages": "按量"}


def _yuan(n: int) -> Amount:
    return Amount(n, MoneyUnit.YUAN)


@attrs.frozen
class Tier:
    """One band of a progressive fee: units ``first``–``last`` (``last`` ``None``: open),
    ``units`` of them charged at ``rate`` each.

    >>> t = Tier(first=31, last=40, units=5, rate=Amount(200, MoneyUnit.YUAN), measure="件")
    >>> t.amount, str(t)
    (Amount('1000', MoneyUnit.YUAN), '31–40件 5件 每件200元 计1000元')
    """

    first: int
    last: int | None
    units: int
    rate: Amount
    measure: str

    @property
    def amount(self) -> Amount:
        """``units`` times ``rate``, exactly."""
        return self.rate * self.units

    def __str__(self) -> str:
        m = self.measure
        band = f"{self.first}{m}以上" if self.last is None else f"{self.first}–{self.last}{m}"
        return f"{band} {self.units}{m} 每{m}{self.rate} 计{self.amount}"


class _CountTiers(Sequence[Tier]):
    """The 按件 bands a count reaches: 1–10, 11–30, then bands of 10 — computed on demand."""

    __slots__ = ("_n", "_start")

    def __init__(self, n: int, start: int = 0) -> None:
        self._n = n
        self._start = start

    def _count(self) -> int:
        n = self._n
        if n <= 10:
            bands = 1 if n else 0
        elif n <= 30:
            bands = 2
        else:
            bands = 2 + (n - 30 + 9) // 10
        return max(0, bands - self._start)

    def __len__(self) -> int:
        return self._count()

    @overload
    def __getitem__(self, index: int) -> Tier: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Tier]: ...
    def __getitem__(self, index: int | slice) -> Tier | Sequence[Tier]:
        count = self._count()
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(count))]
        if index < 0:
            index += count
        if not 0 <= index < count:
            raise IndexError("tier index out of range")
        n = self._n
        index += self._start
        if index == 0:
            return Tier(1, 10, min(n, 10), _yuan(0), "件")
        if index == 1:
            return Tier(11, 30, min(n, 30) - 10, _yuan(100), "件")
        first = 31 + 10 * (index - 2)
        return Tier(first, first + 9, min(n, first + 9) - first + 1, _yuan(100 * index), "件")

    def __iter__(self) -> Iterator[Tier]:
        for i in range(self._count()):
            yield self[i]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, _CountTiers):
            return (self._n, self._start) == (other._n, other._start)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(("count-tiers", self._n, self._start))

    def __repr__(self) -> str:
        return f"<{self._count()} 按件 tiers>"


def _count_fee(n: int) -> int:
    """The 按件 fee in 元 in closed form."""
    fee = 100 * max(0, min(n, 30) - 10)
    if n > 30:
        full, rest = divmod(n - 30, 10)
        # band k (k = 0, 1, …) of 10 requests costs 100·(k + 2) each
        fee += 1000 * (full * (full - 1) // 2 + 2 * full) + 100 * (full + 2) * rest
    return fee


_PAGE_BANDS = ((1, 30, 0), (31, 100, 10), (101, 200, 20), (201, None, 40))


def _page_tiers(n: int) -> tuple[Tier, ...]:
    tiers = []
    for first, last, rate in _PAGE_BANDS:
        if n < first:
            break
        top = n if last is None else min(n, last)
        tiers.append(Tier(first, last, top - first + 1, _yuan(rate), "页"))
    return tuple(tiers)


def _whole(value: object, name: str) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        if value >= 0:
            return value
        raise FeeInputError(f"{name} must be a whole number >= 0 (an int), got {value!r}")
    raise FeeInputError(
        f"{name} must be a whole number >= 0 (an int), got {value!r} ({type(value).__name__})"
    )


@attrs.frozen
class Fee:
    """A computed 信息处理费: the basis (``"count"`` 按件 or ``"pages"`` 按量), the number of
    requests or pages, the bands reached (``tiers``, free bands included) and the amount."""

    basis: Basis
    quantity: int
    amount: Amount
    tiers: Sequence[Tier] = attrs.field(eq=False, repr=False)

    @property
    def charged(self) -> Sequence[Tier]:
        """The bands with a charge (the free band left out; computed on demand)."""
        if isinstance(self.tiers, _CountTiers):
            return _CountTiers(self.quantity, 1)
        return tuple(t for t in self.tiers if not t.rate.is_zero)

    @property
    def standard(self) -> str:
        """The standard applied, in words (收费标准)."""
        if self.basis == "count":
            return (
                "按件计收：同一申请人一个自然月内累计申请10件以下(含10件)的不收费；11—30件"
                "(含30件)的部分每件100元；31件以上的部分每增加10件，收费标准提高100元/件"
            )
        return (
            "按量计收：30页以下(含30页)的不收费；31—100页(含100页)的部分每页10元；"
            "101—200页(含200页)的部分每页20元；200页以上的部分每页40元"
        )

    def __str__(self) -> str:
        head = f"{_BASIS_ZH[self.basis]} {self.quantity}{_MEASURE[self.basis]}"
        charged = self.charged
        if len(charged) > 6:
            parts = [*map(str, charged[:2]), "…", *map(str, charged[-1:])]
        else:
            parts = [str(t) for t in charged]
        return f"{head}: " + "; ".join([*parts, f"合计{self.amount}"])


def fee_by_count(requests_in_month: int) -> Fee:
    """The 按件 fee of an applicant's ``requests_in_month``-th application total in a month.

    ``requests_in_month`` is the applicant's cumulative number of applications in the
    calendar month; the result is the fee for all of them. Do not also charge
    :func:`fee_by_pages` for the same application.

    >>> fee_by_count(11).amount, fee_by_count(30).amount, fee_by_count(31).amount
    (Amount('100', MoneyUnit.YUAN), Amount('2000', MoneyUnit.YUAN), Amount('2200', MoneyUnit.YUAN))
    >>> [str(t) for t in fee_by_count(52).charged]
    ['11–30件 20件 每件100元 计2000元', '31–40件 10件 每件200元 计2000元',
     '41–50件 10件 每件300元 计3000元', '51–60件 2件 每件400元 计800元']
    """
    n = _whole(requests_in_month, "requests_in_month")
    return Fee("count", n, _yuan(_count_fee(n)), _CountTiers(n))


def fee_by_pages(pages: int) -> Fee:
    """The 按量 fee of one application of ``pages`` pages (or the equivalent volume).

    Do not also charge :func:`fee_by_count` for the same application.

    >>> fee_by_pages(31).amount, fee_by_pages(100).amount, fee_by_pages(201).amount
    (Amount('10', MoneyUnit.YUAN), Amount('700', MoneyUnit.YUAN), Amount('2740', MoneyUnit.YUAN))
    """
    n = _whole(pages, "pages")
    tiers = _page_tiers(n)
    return Fee("pages", n, Amount.total((t.amount for t in tiers), MoneyUnit.YUAN), tiers)


def _dates(values: Collection[_dt.date], name: str) -> frozenset[_dt.date]:
    out = frozenset(values)
    for d in out:
        if not isinstance(d, _dt.date) or isinstance(d, _dt.datetime):
            raise TypeError(f"{name} must hold datetime.date values, got {d!r}")
    return out


def add_working_days(
    start: _dt.date,
    days: int,
    *,
    holidays: Collection[_dt.date] = (),
    workdays: Collection[_dt.date] = (),
) -> _dt.date:
    """The ``days``-th working day after ``start`` (``start`` itself not counted).

    Working days are Monday–Friday not in ``holidays``, and any day in ``workdays`` (the
    weekend days worked in lieu, 调休). Without a calendar, only weekends are skipped.

    >>> add_working_days(_dt.date(2024, 1, 5), 1)     # a Friday
    datetime.date(2024, 1, 8)
    >>> add_working_days(_dt.date(2024, 1, 5), 0)
    datetime.date(2024, 1, 5)
    """
    if not isinstance(start, _dt.date) or isinstance(start, _dt.datetime):
        raise TypeError(f"start must be a datetime.date, got {start!r}")
    n = _whole(days, "days")
    off, on = _dates(holidays, "holidays"), _dates(workdays, "workdays")
    day = start
    while n:
        day += _dt.timedelta(days=1)
        if day in on or (day.weekday() < 5 and day not in off):
            n -= 1
    return day


def _date_set(dates: Iterable[_dt.date]) -> frozenset[_dt.date]:
    """The converter of :attr:`FeeNotice.holidays` and ``workdays`` (typed, for callers)."""
    return frozenset(dates)


@attrs.frozen
class FeeNotice:
    """A 收费通知: the fee (one basis only), the date of the notice and the date payment is
    due, :data:`DUE_WORKING_DAYS` working days later. ``holidays`` and ``workdays`` are the
    calendar (none by default: only weekends are skipped)."""

    fee: Fee
    issued: _dt.date
    payment: str = "按通知载明的方式缴纳"
    holidays: frozenset[_dt.date] = attrs.field(default=frozenset(), converter=_date_set)
    workdays: frozenset[_dt.date] = attrs.field(default=frozenset(), converter=_date_set)

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.fee, Fee):
            raise TypeError(f"fee must be a Fee (fee_by_count or fee_by_pages), got {self.fee!r}")
        add_working_days(self.issued, 0, holidays=self.holidays, workdays=self.workdays)

    @property
    def basis(self) -> str:
        """The rules the fee is charged under (依据)."""
        return BASIS

    @property
    def amount(self) -> Amount:
        """The amount due (数额)."""
        return self.fee.amount

    @property
    def tiers(self) -> Sequence[Tier]:
        """The tier breakdown."""
        return self.fee.tiers

    @property
    def due(self) -> _dt.date:
        """The last day to pay: the 20th working day after the notice."""
        return add_working_days(
            self.issued, DUE_WORKING_DAYS, holidays=self.holidays, workdays=self.workdays
        )

    def text(self) -> str:
        """The notice's four items in words (依据、标准、数额、缴纳方式) and the due date.

        >>> import datetime as dt
        >>> print(FeeNotice(fee=fee_by_count(35), issued=dt.date(2024, 3, 1)).text())
        依据：国办函〔2020〕109号《政府信息公开信息处理费管理办法》
        标准：按件计收：...
        数额：3000元（按件 35件: ...; 合计3000元）
        缴纳方式：按通知载明的方式缴纳
        缴纳期限：2024年3月29日前（逾期未缴纳的，视为放弃申请）
        """
        due = self.due
        return "\n".join(
            [
                f"依据：{self.basis}",
                f"标准：{self.fee.standard}",
                f"数额：{self.amount}（{self.fee}）",
                f"缴纳方式：{self.payment}",
                f"缴纳期限：{due.year}年{due.month}月{due.day}日前（逾期未缴纳的，视为放弃申请）",
            ]
        )
