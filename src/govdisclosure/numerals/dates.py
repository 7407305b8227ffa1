"""Dates as reports print them: ``二\u3007一六年一月二十九日``, ``2016年1月29日`` and, where a
page prints them so, ``2016-01-29``.

:func:`parse_date` reads a text that is a date; :func:`find_date` finds the first date in a
longer text (a signature line, a metadata value).
"""

from __future__ import annotations

import datetime
import re
from typing import Final

from govdisclosure.errors import NumeralError, require_str
from govdisclosure.numerals._text import nfkc, whole
from govdisclosure.numerals.chinese import digits_to_int, to_int

__all__ = ["find_date", "parse_date"]

# Zero as years are typed: U+3007, 零, U+25CB, and the letter O (also full-width, after NFKC).
_ZEROS: Final = "\u3007零\u25cbO"
_CN_DIGITS: Final = "一二三四五六七八九"

# One literal (年, 月, 日) between the parts, so no two runs of white space are adjacent and
# a failed match backtracks over each run once: linear in the length of the text.
_DATE_RE: Final = re.compile(
    rf"(?P<year>[0-9]{{4}}|[{_ZEROS}{_CN_DIGITS}]{{4}})\s*年"
    rf"\s*(?P<month>[0-9]{{1,2}}|[{_CN_DIGITS}十]{{1,2}})\s*月"
    rf"\s*(?P<day>[0-9]{{1,2}}|[{_CN_DIGITS}十]{{1,3}})\s*日"
)
# 2016-01-29, 2016/1/29, 2016.1.29: the same separator twice; no digit after the day.
_NUMERIC_RE: Final = re.compile(
    r"(?P<year>[0-9]{4})\s*(?P<sep>[-/.])\s*(?P<month>[0-9]{1,2})\s*(?P=sep)"
    r"\s*(?P<day>[0-9]{1,2})(?![0-9])"
)

_EXPECTED: Final = (
    "expected a date such as '2016年1月29日' or '二\u3007一六年一月二十九日' (a four-digit year, "
    "then month and day, Arabic or Chinese)"
)


def _part(text: str) -> int:
    """A year, month or day: Arabic digits, a year digit by digit, or a standard numeral."""
    if text.isascii() and text.isdigit():
        return int(text)  # at most four digits: the pattern says so
    if len(text) == 4:
        return digits_to_int(text.replace("O", "\u3007"))
    return to_int(text)


def _parts(match: re.Match[str]) -> tuple[int, int, int]:
    """Year, month and day of a match of either pattern (NumeralError for a bad numeral)."""
    year, month, day = (_part(match[name]) for name in ("year", "month", "day"))
    return year, month, day


def parse_date(text: str, *, numeric: bool = False) -> datetime.date:
    """Read a date as 年报 print it (after NFKC, ignoring white space around each part).

    The year is four Arabic digits or four Chinese digits written digit by digit (``二\u3007一六``,
    with ``\u3007``, ``零``, ``○`` or the letter ``O`` for zero); month and day are Arabic digits
    or standard Chinese numerals (``一月``, ``十二月``, ``二十九日``). With ``numeric``, also
    ``2016-01-29``, ``2016/1/29`` and ``2016.1.29``. Anything else — a missing part, a day that
    is not in the calendar — is :class:`~govdisclosure.errors.NumeralError`.

    >>> parse_date("二\u3007一六年一月二十九日")
    datetime.date(2016, 1, 29)
    >>> parse_date("2016年1月29日"), parse_date("2023 年 1 月 16 日")
    (datetime.date(2016, 1, 29), datetime.date(2023, 1, 16))
    >>> parse_date("2019-01-04", numeric=True), parse_date("二O一九年一月四日")
    (datetime.date(2019, 1, 4), datetime.date(2019, 1, 4))
    >>> parse_date("二\u3007二三年二月三十日")
    Traceback (most recent call last):
    ...
    govdisclosure.errors.NumeralError: '二\u3007二三年二月三十日' is not a calendar date: ...
    """
    s = whole(text, "parse_date")
    match = _DATE_RE.fullmatch(s)
    if match is None and numeric:
        match = _NUMERIC_RE.fullmatch(s)
    if match is None:
        raise NumeralError(f"cannot read {text!r} as a date: {_EXPECTED}")
    try:
        year, month, day = _parts(match)
    except NumeralError as err:
        raise NumeralError(f"cannot read {text!r} as a date: {err}") from None
    try:
        return datetime.date(year, month, day)
    except ValueError as err:
        raise NumeralError(f"{text!r} is not a calendar date: {err}") from None


def find_date(text: str, *, numeric: bool = False) -> datetime.date | None:
    """The first calendar date written in ``text`` (in the forms :func:`parse_date` reads,
    ``numeric`` as there), or ``None``.

    >>> find_date("咸宁市民政局 二\u3007一六年一月二十九日印发")
    datetime.date(2016, 1, 29)
    >>> find_date("发布日期:2019-01-04 浏览次数:12", numeric=True)
    datetime.date(2019, 1, 4)
    >>> find_date("2019年2月30日或2019年3月1日"), find_date("201911日")
    (datetime.date(2019, 3, 1), None)
    """
    require_str(text, "find_date")
    s = nfkc(text)
    best: tuple[int, datetime.date] | None = None
    for rx in (_DATE_RE, _NUMERIC_RE) if numeric else (_DATE_RE,):
        for match in rx.finditer(s):
            if best is not None and match.start() >= best[0]:
                break
            try:
                best = (match.start(), datetime.date(*_parts(match)))
            except ValueError:  # NumeralError too: a numeral no date is written with
                continue
            break
    return None if best is None else best[1]
