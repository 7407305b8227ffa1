"""The narrative of a report: metadata, sections, signature, period, and located facts.

The model says what the document says: paragraphs are verbatim, and every figure the text
states is a :class:`Fact` with its :class:`~govdisclosure.numerals.Quantity` and
:class:`Location`; :class:`Relation` records a sum the text states.

Every record checks its fields when it is constructed (see :mod:`._checks`): text is
``str`` without lone surrogates, sequences are tuples (a ``list`` is refused), dates are
:class:`datetime.date`, ordinals run from 1 to :data:`~govdisclosure.layout.MAX_ORDINAL`.
Problems are located within the record (``$.paragraphs``), since a record does not know
where it stands in a report:

>>> Section(ordinal=1, title="总体情况", paragraphs="一段话")
Traceback (most recent call last):
...
govdisclosure.errors.StructureError: 1 problem in the input:
  $.paragraphs: expected a tuple, found '一段话' (a str)
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Iterator, Mapping
from decimal import Decimal

import attrs

from govdisclosure.errors import Problem, StructureError
from govdisclosure.layout import MAX_COUNT, MAX_DIGITS, MAX_ORDINAL, MAX_PLACES
from govdisclosure.model._checks import (
    bad_count,
    bad_date,
    bad_instance,
    bad_ordinal,
    bad_string,
    bad_tuple,
    decimal_in_bounds,
    describe,
    texts_ok,
)
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

_D = _dt.date
_ONE = Decimal(1)


def _fields(record: object, checks: Mapping[str, str | None]) -> list[Problem]:
    """The problems of a record's fields, from ``{field: fault or None}``."""
    return [Problem(f"$.{name}", fault) for name, fault in checks.items() if fault]


def _string_tuple(value: object, path: str, problems: list[Problem]) -> None:
    bad_tuple(value, path, bad_string, problems)


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

    def __attrs_post_init__(self) -> None:
        texts = (
            self.index_number,
            self.document_number,
            self.subject,
            self.issuer,
            self.name,
            self.validity,
        )
        if (
            texts_ok(tuple(v for v in texts if v is not None))
            and (self.published is None or self.published.__class__ is _D)
            and (self.document_date is None or self.document_date.__class__ is _D)
        ):
            return
        checks: dict[str, str | None] = {
            name: bad_string(getattr(self, name), optional=True)
            for name in ("index_number", "document_number", "subject", "issuer", "name")
        }
        checks["published"] = bad_date(self.published)
        checks["validity"] = bad_string(self.validity, optional=True)
        checks["document_date"] = bad_date(self.document_date)
        raise StructureError(_fields(self, checks))


@attrs.frozen(kw_only=True)
class Section:
    """A numbered part of the report: ``ordinal`` 1 is "一、" (or "(一)" in a sub-section).

    ``ordinal`` runs from 1 to :data:`~govdisclosure.layout.MAX_ORDINAL` (999);
    ``paragraphs`` are verbatim; ``subsections`` follow them.
    """

    ordinal: int
    title: str
    paragraphs: tuple[str, ...] = ()
    subsections: tuple[Section, ...] = ()

    def __attrs_post_init__(self) -> None:
        ordinal = self.ordinal
        paragraphs = self.paragraphs
        subsections = self.subsections
        if (
            ordinal.__class__ is int
            and 1 <= ordinal <= MAX_ORDINAL
            and paragraphs.__class__ is tuple
            and texts_ok((self.title, *paragraphs))
            and subsections.__class__ is tuple
        ):
            for s in subsections:
                if s.__class__ is not Section:
                    break
            else:
                return
        problems = _fields(self, {"ordinal": bad_ordinal(ordinal), "title": bad_string(self.title)})
        _string_tuple(self.paragraphs, "$.paragraphs", problems)
        bad_tuple(subsections, "$.subsections", lambda s: bad_instance(s, Section), problems)
        raise StructureError(problems)


@attrs.frozen(kw_only=True)
class Signature:
    """The closing signature: the agency as signed and the signing date."""

    agency: str
    date: _dt.date | None = None

    def __attrs_post_init__(self) -> None:
        if texts_ok((self.agency,)) and (self.date is None or self.date.__class__ is _D):
            return
        checks = {"agency": bad_string(self.agency), "date": bad_date(self.date)}
        raise StructureError(_fields(self, checks))


@attrs.frozen(kw_only=True)
class Period:
    """The statistical period the report's figures cover (inclusive).

    >>> Period.calendar_year(2015).end
    datetime.date(2015, 12, 31)
    """

    start: _dt.date
    end: _dt.date

    def __attrs_post_init__(self) -> None:
        if self.start.__class__ is _D and self.end.__class__ is _D:
            return
        checks = {
            "start": bad_date(self.start, optional=False),
            "end": bad_date(self.end, optional=False),
        }
        raise StructureError(_fields(self, checks))

    @classmethod
    def calendar_year(cls, year: int) -> Period:
        """1月1日–12月31日 of ``year``."""
        return cls(start=_dt.date(year, 1, 1), end=_dt.date(year, 12, 31))


@attrs.frozen(kw_only=True)
class Location:
    """Where a figure stands in the text.

    ``section`` is the path of ordinals from the top (``(2,)`` is "二、", ``(1, 3)`` is its
    "(三)"; ``()`` is the preamble before the first heading), ``paragraph`` the 0-based index
    of the paragraph there, ``start``/``end`` the character span within that paragraph
    (``start <= end``).
    """

    section: tuple[int, ...]
    paragraph: int
    start: int
    end: int

    def __attrs_post_init__(self) -> None:
        section, paragraph, start, end = self.section, self.paragraph, self.start, self.end
        if (
            section.__class__ is tuple
            and paragraph.__class__ is int
            and start.__class__ is int
            and end.__class__ is int
            and 0 <= paragraph <= MAX_COUNT
            and 0 <= start <= end <= MAX_COUNT
        ):
            for o in section:
                if o.__class__ is not int or not 1 <= o <= MAX_ORDINAL:
                    break
            else:
                return
        problems: list[Problem] = []
        bad_tuple(section, "$.section", bad_ordinal, problems)
        for name in ("paragraph", "start", "end"):
            fault = bad_count(getattr(self, name), optional=False)
            if fault is not None:
                problems.append(Problem(f"$.{name}", fault.replace("whole number", "index")))
        if not problems:
            problems.append(
                Problem("$.end", f"expected an end >= start ({self.start}), found {self.end}")
            )
        raise StructureError(problems)


def _quantity_fault(q: object) -> str | None:
    if q.__class__ is not Quantity:
        return f"expected a Quantity, found {describe(q)}"
    value = q.value
    if value.is_finite() and value >= 0 and decimal_in_bounds(value):
        return None
    if not value.is_finite() or value < 0:
        return f"expected a quantity >= 0, found {value!r}"
    if not decimal_in_bounds(value):
        return (
            "expected a figure of at most MAX_DIGITS digits and MAX_PLACES decimal places, "
            f"found {describe(value)}"
        )
    return None


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
    verbatim figure (``"300余条"``), equal to the located span of the paragraph. The
    quantity's value is ≥ 0 within :data:`~govdisclosure.layout.MAX_DIGITS` digits and
    :data:`~govdisclosure.layout.MAX_PLACES` decimal places. ``scope`` says what the figure
    covers (:class:`FactScope`: the year's own, cumulative, the whole jurisdiction, or
    unknown — the default); cross-checks compare like with like.
    """

    key: str
    label: str
    text: str
    quantity: Quantity
    location: Location
    scope: FactScope = FactScope.UNKNOWN

    def __attrs_post_init__(self) -> None:
        q = self.quantity
        if (
            q.__class__ is Quantity
            and self.location.__class__ is Location
            and self.scope.__class__ is FactScope
            and texts_ok((self.key, self.label, self.text))
        ):
            value = q.value
            if value.same_quantum(_ONE):  # a whole number as printed: the common case
                if not value.is_signed() and value.adjusted() < MAX_DIGITS:
                    return
            else:
                sign, digits, exponent = value.as_tuple()
                if (
                    sign == 0
                    and exponent.__class__ is int
                    and len(digits) + (exponent if exponent > 0 else 0) <= MAX_DIGITS
                    and exponent >= -MAX_PLACES
                ):
                    return
        checks = {
            "key": bad_string(self.key),
            "label": bad_string(self.label),
            "text": bad_string(self.text),
            "quantity": _quantity_fault(self.quantity),
            "location": bad_instance(self.location, Location),
            "scope": bad_instance(self.scope, FactScope),
        }
        raise StructureError(_fields(self, checks))


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

    def __attrs_post_init__(self) -> None:
        add, subtract = self.add, self.subtract
        if (
            add.__class__ is tuple
            and subtract.__class__ is tuple
            and texts_ok((self.result, *add, *subtract, self.text or ""))
        ):
            return
        problems = _fields(
            self,
            {"result": bad_string(self.result), "text": bad_string(self.text, optional=True)},
        )
        _string_tuple(self.add, "$.add", problems)
        _string_tuple(self.subtract, "$.subtract", problems)
        raise StructureError(problems)

    def terms(self) -> Iterator[tuple[str, int]]:
        """Each referenced fact key with its sign (+1 or −1)."""
        for key in self.add:
            yield key, 1
        for key in self.subtract:
            yield key, -1
