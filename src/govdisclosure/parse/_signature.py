"""The end of a report: the signing agency and the date, after the last table.

A report ends with the date it was signed, alone on its line, the agency on the line before
it; or with both on one line ("咸宁市民政局 2016年1月29日"). Page chrome after them is
passed over.

>>> from govdisclosure.parse._units import Line
>>> lines = (Line("全年公开信息3条。", 0, 9), Line("某某局", 10, 13), Line("2016年1月29日", 14, 24))
>>> body, chrome, sig = read_signature(lines, after=-1)
>>> [ln.text for ln in body], sig.block.agency, sig.block.date
(['全年公开信息3条。'], '某某局', datetime.date(2016, 1, 29))
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence

import attrs

from govdisclosure.document import SignatureBlock, Span
from govdisclosure.errors import NumeralError
from govdisclosure.numerals import parse_date
from govdisclosure.parse._chrome import is_chrome
from govdisclosure.parse._headings import heading
from govdisclosure.parse._units import Line

__all__ = ["Signed", "read_signature", "whole_date"]


@attrs.frozen(slots=True)
class Signed:
    """The signature block, with the line of its agency and the line of its date (the same
    line when one line prints both)."""

    block: SignatureBlock
    agency_line: Line
    date_line: Line


def whole_date(text: str) -> _dt.date | None:
    """The date ``text`` is, white space anywhere aside; ``None`` when it is anything else.

    >>> whole_date("2016 年 1 月 29 日"), whole_date("2019-01-04"), whole_date("于2019年")
    (datetime.date(2016, 1, 29), datetime.date(2019, 1, 4), None)
    """
    try:
        return parse_date("".join(text.split()), numeric=True)
    except NumeralError:
        return None


def read_signature(
    lines: Sequence[Line], *, after: int
) -> tuple[tuple[Line, ...], tuple[Line, ...], Signed | None]:
    """The lines before the signature, the chrome lines after it, and the signature — read
    only from lines that start after offset ``after`` (the end of the last table)."""
    body = list(lines)
    chrome: list[Line] = []
    while body and is_chrome(body[-1].text):
        chrome.append(body.pop())
    signed: Signed | None = None
    if body and body[-1].start > after:
        last = body[-1]
        date = whole_date(last.text)
        if date is not None:
            body.pop()
            agency_line = last
            if body and _agency_like(body[-1].text) and heading(body[-1]) is None:
                agency_line = body.pop()
            agency = agency_line.text if agency_line is not last else ""
            signed = _signed(agency, date, agency_line, last)
        else:
            pair = _agency_date(last.text)
            if pair is not None:
                body.pop()
                agency, date, raw = pair
                # one line prints both: each its own span (the agency's at its start, the
                # date's at its end: a hard break between them may print more than a space)
                a = Line(
                    agency, last.start, last.start + len(agency), last.element, place=last.place
                )
                d = Line(raw, last.end - len(raw), last.end, last.element, place=last.place)
                signed = _signed(agency, date, a, d)
    return tuple(body), tuple(chrome), signed


def _signed(agency: str, date: _dt.date, agency_line: Line, date_line: Line) -> Signed:
    span = Span(agency_line.start, max(date_line.end, agency_line.end))
    return Signed(SignatureBlock(agency, date, span, agency_line.element), agency_line, date_line)


def _agency_like(text: str) -> bool:
    return 2 <= len(text) <= 40 and not any(ch in "。，,；;：:" for ch in text)


def _agency_date(text: str) -> tuple[str, _dt.date, str] | None:
    """The agency, the date and the date as printed of a line that prints both."""
    parts = text.rsplit(None, 1)
    if len(parts) != 2:
        return None
    d = whole_date(parts[1])
    if d is None or not _agency_like(parts[0]):
        return None
    return parts[0].strip(), d, parts[1]
