"""Dates as reports print them: ``二\u3007一六年一月二十九日`` or ``2016年1月29日``."""

from __future__ import annotations

import datetime
import re
from typing import Final

from govdisclosure.errors import NumeralError, require_str
from govdisclosure.numerals._text import nfkc
from govdisclosure.numerals.chinese import digits_to_int, to_int

__all__ = ["parse_date"]

_ZEROS: Final = "\u3007零\u25cb"
_CN_DIGITS: Final = "一二三四五六七八九"

# One literal (年, 月, 日) between the parts, so no two runs of white space are adjacent and
# a failed match backtracks over each run once: linear in the length of the text.
_DATE_RE: Final = re.compile(
    rf"(?P<year>[0-9]{{4}}|[{_ZEROS}{_CN_DIGITS}]{{4}})\s*年"
    rf"\s*(?P<month>[0-9]{{1,2}}|[{_CN_DIGITS}十]{{1,2}})\s*月"
    rf"\s*(?P<day>[0-9]{{1,2}}|[{_CN_DIGITS}十]{{1,3}})\s*日"
)

_EXPECTED: Final = (
    "expected a date such as '2016年1月29日' or '二\u3007一六年一月二十九日' (a four-digit year, "
    "then month and day, Arabic or Chinese)"
)


def _part(text: str) -> int:
    """A year, month or day: Arabic digits, a year digit by digit, or a standard numeral."""
    if text.isascii():
        return int(text)  # at most four digits: the pattern says so
    if len(text) == 4:
        return digits_to_int(text)
    return to_int(text)


def parse_date(text: str) -> datetime.date:
    """Read a date as 年报 print it (after NFKC, ignoring white space around each part).

    The year is four Arabic digits or four Chinese digits written digit by digit (``二\u3007一六``,
    with ``\u3007``, ``零`` or ``○`` for zero); month and day are Arabic digits or standard Chinese
    numerals (``一月``, ``十二月``, ``二十九日``). Anything else — a missing part, a day that
    is not in the calendar — is :class:`~govdisclosure.errors.NumeralError`.

    >>> parse_date("二\u3007一六年一月二十九日")
    datetime.date(2016, 1, 29)
    >>> parse_date("2016年1月29日"), parse_date("2023 年 1 月 16 日")
    (datetime.date(2016, 1, 29), datetime.date(2023, 1, 16))
    >>> parse_date("二\u3007二三年二月三十日")
    Traceback (most recent call last):
    ...
    govdisclosure.errors.NumeralError: '二\u3007二三年二月三十日' is not a calendar date: ...
    """
    require_str(text, "parse_date")
    match = _DATE_RE.fullmatch(nfkc(text).strip())
    if match is None:
        raise NumeralError(f"cannot read {text!r} as a date: {_EXPECTED}")
    try:
        year, month, day = (_part(match[name]) for name in ("year", "month", "day"))
    except NumeralError as err:
        raise NumeralError(f"cannot read {text!r} as a date: {err}") from None
    try:
        return datetime.date(year, month, day)
    except ValueError as err:
        raise NumeralError(f"{text!r} is not a calendar date: {err}") from None
