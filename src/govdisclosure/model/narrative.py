"""The narrative of a report: metadata, sections, signature, period, and located facts.

The model says what the document says: paragraphs are verbatim, and every figure the text
states is a :class:`Fact` with its :class:`~govdisclosure.numerals.Quantity` and
:class:`Location`; :class:`Relation` records a sum the text states.
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Iterator

import attrs

from govdisclosure.numerals import Quantity

__all__ = [
    "Fact",
    "FactScope",
    "Location",
    "Metadata",
    "Period",
    "Relation",
    "Section",
    "Signature",
]


@attrs.frozen(kw_only=True)
class Metadata:
    """The metadata block a government web page prints above the report (as published).

    Text fields keep what the page printed (``"无"`` included); ``None`` means blank.
    """

    index_number: str | None = None
    """索引号"""
    document_number: str | None = None
    """文号"""
    subject: str | None = None
    """主题分类"""
    issuer: str | None = None
    """发文单位"""
    name: str | None = None
    """名称"""
    published: _dt.date | None = None
    """发布日期"""
    validity: str | None = None
    """有效性"""
    document_date: _dt.date | None = None
    """发文日期"""


@attrs.frozen(kw_only=True)
class Section:
    """A numbered part of the report: ``ordinal`` 1 is "一、" (or "(一)" in a sub-section).

    ``paragraphs`` are verbatim; ``subsections`` follow them.
    """

    ordinal: int
    title: str
    paragraphs: tuple[str, ...] = ()
    subsections: tuple[Section, ...] = ()


@attrs.frozen(kw_only=True)
class Signature:
    """The closing signature: the agency as signed and the signing date."""

    agency: str
    date: _dt.date | None = None


@attrs.frozen(kw_only=True)
class Period:
    """The statistical period the report's figures cover (inclusive).

    >>> Period.calendar_year(2015).end
    datetime.date(2015, 12, 31)
    """

    start: _dt.date
    end: _dt.date

    @classmethod
    def calendar_year(cls, year: int) -> Period:
        """1月1日–12月31日 of ``year``."""
        return cls(start=_dt.date(year, 1, 1), end=_dt.date(year, 12, 31))


@attrs.frozen(kw_only=True)
class Location:
    """Where a figure stands in the text.

    ``section`` is the path of ordinals from the top (``(2,)`` is "二、", ``(1, 3)`` is its
    "(三)"; ``()`` is the preamble before the first heading), ``paragraph`` the 0-based index
    of the paragraph there, ``start``/``end`` the character span within that paragraph.
    """

    section: tuple[int, ...]
    paragraph: int
    start: int
    end: int


class FactScope(enum.Enum):
    """What a stated figure covers: the year's own work, or more.

    >>> FactScope("cumulative").label
    '累计'
    """

    YEAR = "year"
    """The report year's own figure (本年度收到申请46件)."""
    CUMULATIVE = "cumulative"
    """A running total over several years (截至目前…147件, 历年累计, 自2019年以来)."""
    JURISDICTION = "jurisdiction"
    """A figure for the whole area, beyond the agency's own work (全市共有城乡低保对象…)."""
    UNKNOWN = "unknown"
    """Not said."""

    @property
    def label(self) -> str:
        """The scope's name in Chinese."""
        return {"year": "本年度", "cumulative": "累计", "jurisdiction": "辖区全域"}.get(
            self.value, "未知"
        )


@attrs.frozen(kw_only=True)
class Fact:
    """A figure the text states, typed: the quantity, its label, and where it stands.

    ``key`` identifies the fact within its report (relations refer to it); ``text`` is the
    verbatim figure (``"300余条"``), equal to the located span of the paragraph. ``scope``
    says what the figure covers (:class:`FactScope`: the year's own, cumulative, the whole
    jurisdiction, or unknown — the default); cross-checks compare like with like.
    """

    key: str
    label: str
    text: str
    quantity: Quantity
    location: Location
    scope: FactScope = FactScope.UNKNOWN


@attrs.frozen(kw_only=True)
class Relation:
    """A relation the text states between facts: ``result = Σ add − Σ subtract``.

    Parts summing to a total are ``Relation(result="total", add=(...))``; income −
    expenditure = balance is ``Relation(result="balance", add=("income",),
    subtract=("expenditure",))``. ``text`` quotes the words that state it (``"其中"``).
    """

    result: str
    add: tuple[str, ...]
    subtract: tuple[str, ...] = ()
    text: str | None = None

    def terms(self) -> Iterator[tuple[str, int]]:
        """Each referenced fact key with its sign (+1 or −1)."""
        for key in self.add:
            yield key, 1
        for key in self.subtract:
            yield key, -1
