"""What a check assumes: blank cells, deadlines, and which rules run at what severity."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from typing import Literal

import attrs

from govdisclosure.model import AgencyKind, Edition
from govdisclosure.rules._catalog import catalog, rule
from govdisclosure.rules._types import Severity

__all__ = ["Policy"]

MonthDay = tuple[int, int]


def _month_day(value: object) -> MonthDay:
    if (
        not isinstance(value, tuple)
        or len(value) != 2
        or not all(v.__class__ is int for v in value)
    ):
        raise TypeError(
            f"a deadline is a (month, day) tuple of ints such as (1, 31), got {value!r}"
        )
    month, day = value
    try:
        _dt.date(2000, month, day)  # a leap year: (2, 29) is allowed
    except ValueError:
        raise ValueError(f"no such date (month, day) = {value!r}") from None
    return (month, day)


def _codes(value: Iterable[str] | None) -> frozenset[str] | None:
    if value is None:
        return None
    if isinstance(value, str):
        value = (value,)
    codes = frozenset(value)
    for code in codes:
        rule(code)  # KeyError naming the known codes
    return codes


def _no_codes(value: Iterable[str]) -> frozenset[str]:
    codes = _codes(value)
    assert codes is not None
    return codes


def _severities(
    value: Mapping[str, Severity | str] | Iterable[tuple[str, Severity | str]],
) -> tuple[tuple[str, Severity], ...]:
    items = value.items() if isinstance(value, Mapping) else value
    result = []
    for code, severity in items:
        rule(code)
        result.append((code, Severity(severity)))
    return tuple(sorted(result, key=lambda kv: kv[0]))


def _blank(value: str) -> Literal["unknown", "zero"]:
    if value == "unknown":
        return "unknown"
    if value == "zero":
        return "zero"
    raise ValueError(f"blank must be 'unknown' or 'zero', got {value!r}")


@attrs.frozen(slots=True)
class Policy:
    """The assumptions of a check.

    - ``blank``: what a blank cell means. ``"unknown"`` (the default): a sum with a blank
      term is not checked, and GD105 warns about the blank. ``"zero"``: blank counts as 0
      and GD105 is a notice.
    - deadlines as ``(month, day)`` of the year after the report year, chosen by the kind of
      body (:class:`~govdisclosure.model.AgencyKind`, :meth:`Report.kind
      <govdisclosure.model.Report.kind>`): ``department_deadline`` (1月31日: 县级以上人民政府部门,
      国务院部门 included, 条例 第四十九条; also organisations authorised by law and bodies of
      unknown kind), ``government_deadline`` (3月31日: the report of a 县级以上地方人民政府,
      第四十九条), ``grassroots_deadline`` (乡镇人民政府 and 街道办事处, which 第四十九条 does not
      name: 1月31日 by default, as the provinces that set a date for them mostly do — their
      reports feed the county's own — a deliberate default, not the 条例's) and
      ``legacy_deadline`` (3月31日, every report on 2018 and before). Local rules may set
      earlier dates.
    - ``select``: run only these rule codes (``None``: all); ``ignore``: never run these;
      ``severities``: override the severity of some rules.

    >>> p = Policy(department_deadline=(1, 28), severities={"GD503": "error"})
    >>> p.deadline(2022)
    datetime.date(2023, 1, 28)
    >>> Policy().deadline(2022, AgencyKind.PROVINCIAL_GOVERNMENT), Policy().deadline(2015)
    (datetime.date(2023, 3, 31), datetime.date(2016, 3, 31))
    >>> Policy().deadline(2022, AgencyKind.SUBDISTRICT_OFFICE)
    datetime.date(2023, 1, 31)
    >>> Policy(select=["GD999"])
    Traceback (most recent call last):
    ...
    KeyError: "no rule 'GD999'; known codes: GD101, ..."
    """

    blank: Literal["unknown", "zero"] = attrs.field(default="unknown", converter=_blank)
    department_deadline: MonthDay = attrs.field(default=(1, 31), converter=_month_day)
    government_deadline: MonthDay = attrs.field(default=(3, 31), converter=_month_day)
    grassroots_deadline: MonthDay = attrs.field(default=(1, 31), converter=_month_day)
    legacy_deadline: MonthDay = attrs.field(default=(3, 31), converter=_month_day)
    select: frozenset[str] | None = attrs.field(default=None, converter=_codes)
    ignore: frozenset[str] = attrs.field(default=frozenset(), converter=_no_codes)
    severities: tuple[tuple[str, Severity], ...] = attrs.field(default=(), converter=_severities)

    def deadline(self, year: int, kind: AgencyKind = AgencyKind.UNKNOWN) -> _dt.date:
        """The publication deadline of a report on ``year`` by a body of ``kind``.

        Set by the 条例 in force when the report was due: the 2008 条例 (3月31日) for reports
        on 2018 and before, the 2019 条例 第四十九条 for 2019 onward (departments 1月31日, a
        县级以上地方人民政府 3月31日; 乡镇/街道 by :attr:`grassroots_deadline`). A 29 February
        deadline falls back to 28 February in a common year.
        """
        if year < 2019:
            month, day = self.legacy_deadline
        elif kind.is_local_government_above_county:
            month, day = self.government_deadline
        elif kind.is_grassroots:
            month, day = self.grassroots_deadline
        else:
            month, day = self.department_deadline
        try:
            return _dt.date(year + 1, month, day)
        except ValueError:
            return _dt.date(year + 1, month, day - 1)

    def runs(self, code: str) -> bool:
        """Whether rule ``code`` runs under this policy."""
        return code not in self.ignore and (self.select is None or code in self.select)

    def severity(self, code: str, edition: Edition | None = None) -> Severity:
        """The severity findings of ``code`` get on a report of ``edition``: the policy's own
        for the code, else the rule's default for the edition (GD105 is a notice under
        ``blank="zero"``).

        >>> Policy().severity("GD601", Edition.for_year(2015)).value
        'notice'
        """
        for c, s in self.severities:
            if c == code:
                return s
        if code == "GD105" and self.blank == "zero":
            return Severity.NOTICE
        return rule(code).severity_for(edition)

    @property
    def codes(self) -> tuple[str, ...]:
        """The codes of the rules of the catalogue that run, in catalogue order."""
        return tuple(r.code for r in catalog() if self.runs(r.code))


DEFAULT = Policy()
