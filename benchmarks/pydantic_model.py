"""A pydantic v2 model of a report, equivalent to govdisclosure's, for the speed comparison.

The issue asks ``govdisclosure.from_json`` to be at most as slow as pydantic v2 on "an
equivalent model with equivalent checks". This module is that model, and only that: it is
not part of the library. It mirrors :mod:`govdisclosure.model` field for field (same nesting,
same names, same JSON) and performs the same checks as ``from_json``'s fast path plus the
``__attrs_post_init__`` checks of the model:

- strict everywhere (``ConfigDict(strict=True, extra="forbid", frozen=True)``): no "12" for
  an int, no ``true`` for an int, no unknown keys, required fields required;
- counts are ``int | None`` with ``ge=0``; the signed 2019 本年增/减 cells are plain
  ``int | None``;
- decimals only from JSON strings in plain notation (the library's ``_DECIMAL_PATTERN``), then
  the same normalisation and digit limits as :class:`govdisclosure.Amount` and
  :class:`govdisclosure.numerals.Quantity`;
- an amount is ``{value, unit}`` with the unit an enum; the 2021 收费 must be ≥ 0 and in 万元,
  the 2019 采购总金额 ≥ 0;
- dates from ISO ``YYYY-MM-DD`` strings, sequences as tuples, enums by value;
- the edition chooses the table classes: a discriminated union of one report class per
  edition on ``edition`` (a legacy report has no tables), as ``from_json`` picks the table
  classes from the edition;
- the report's year is between 1990 and 2200; section ordinals run from 1 to
  ``MAX_ORDINAL`` (999); extension rows of table 二 name a known block
  and have its width; facts have unique keys and point at the paragraph span that holds their
  text; relations name facts; a quantity's unit is a known measure word and a qualified
  quantity is above zero.

Parse with ``Report.model_validate_json(data)``; ``.root`` is the edition's report class.
"""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    PlainSerializer,
    RootModel,
    Tag,
    model_validator,
)

from govdisclosure.layout import MAX_ORDINAL
from govdisclosure.model import AgencyKind, Edition, FactScope
from govdisclosure.money import MoneyUnit
from govdisclosure.numerals import MEASURE_WORDS, Qualifier

__all__ = ["Report"]

_CONFIG = ConfigDict(strict=True, extra="forbid", frozen=True)

_DECIMAL_PATTERN = r"^-?(0|[1-9][0-9]*)(\.[0-9]+)?$"
_UNSIGNED_DECIMAL_PATTERN = r"^(0|[1-9][0-9]*)(\.[0-9]+)?$"


def _plain(value: Decimal) -> str:
    return format(value, "f")


def _amount_value(text: str) -> Decimal:
    """As ``Amount``'s converter on a plain literal: -0 becomes 0; at most 200 digits."""
    d = Decimal(text)
    if d.is_zero() and d.is_signed():
        d = d.copy_abs()
    t = d.as_tuple()
    if len(t.digits) > 200 or (isinstance(t.exponent, int) and t.exponent < -200):
        raise ValueError("needs more than 200 digits to be held exactly")
    return d


def _quantity_value(text: str) -> Decimal:
    """As ``Quantity``'s converter on a plain literal: at most 40 digits."""
    d = Decimal(text)
    if len(d.as_tuple().digits) > 40:
        raise ValueError("Quantity value has more than 40 digits")
    return d


Count = Annotated[int | None, Field(ge=0)]
Signed = int | None
if TYPE_CHECKING:  # what the fields hold once validated
    PlainDecimal = Decimal
    QuantityValue = Decimal
else:  # what pydantic checks: a JSON string in plain notation, then the conversion
    PlainDecimal = Annotated[
        str,
        Field(pattern=_DECIMAL_PATTERN),
        AfterValidator(_amount_value),
        PlainSerializer(_plain, return_type=str),
    ]
    QuantityValue = Annotated[
        str,
        Field(pattern=_UNSIGNED_DECIMAL_PATTERN),
        AfterValidator(_quantity_value),
        PlainSerializer(_plain, return_type=str),
    ]

_UNITS = frozenset(
    {"万", "亿", "元", "万元", "亿元"}
    | set(MEASURE_WORDS)
    | {m + w for m in ("万", "亿") for w in MEASURE_WORDS}
)


if TYPE_CHECKING:
    QuantityUnit = str
else:  # checked by pydantic-core itself, the fastest form of the check
    QuantityUnit = Literal[tuple(sorted(_UNITS))]


class _Model(BaseModel):
    model_config = _CONFIG


# --------------------------------------------------------------------------- money


class Amount(_Model):
    value: PlainDecimal
    unit: MoneyUnit


def _fee(amount: Amount | None) -> Amount | None:
    if amount is not None and (amount.value < 0 or amount.unit is not MoneyUnit.WAN_YUAN):
        raise ValueError(f"expected an amount >= 0 in 万元 or null, found {amount!r}")
    return amount


def _non_negative(value: Decimal | None) -> Decimal | None:
    if value is not None and value < 0:
        raise ValueError(f"expected a decimal >= 0 or null, found {value!r}")
    return value


# --------------------------------------------------------------------------- rows


class ApplicantCounts(_Model):
    natural_person: Count = None
    commercial: Count = None
    research: Count = None
    public_interest: Count = None
    legal_services: Count = None
    other: Count = None
    total: Count = None


class Withheld(_Model):
    state_secret: ApplicantCounts = ApplicantCounts()
    prohibited_by_law: ApplicantCounts = ApplicantCounts()
    three_securities: ApplicantCounts = ApplicantCounts()
    third_party: ApplicantCounts = ApplicantCounts()
    internal_affairs: ApplicantCounts = ApplicantCounts()
    process_information: ApplicantCounts = ApplicantCounts()
    enforcement_files: ApplicantCounts = ApplicantCounts()
    inquiry_matters: ApplicantCounts = ApplicantCounts()


class Unable(_Model):
    not_held: ApplicantCounts = ApplicantCounts()
    needs_creation: ApplicantCounts = ApplicantCounts()
    still_unclear: ApplicantCounts = ApplicantCounts()


class NotProcessed(_Model):
    petitions: ApplicantCounts = ApplicantCounts()
    repeated: ApplicantCounts = ApplicantCounts()
    publications: ApplicantCounts = ApplicantCounts()
    excessive: ApplicantCounts = ApplicantCounts()
    confirmation: ApplicantCounts = ApplicantCounts()


class OtherHandling(_Model):
    no_correction: ApplicantCounts = ApplicantCounts()
    unpaid_fee: ApplicantCounts = ApplicantCounts()
    other: ApplicantCounts = ApplicantCounts()


class Outcomes(_Model):
    upheld: Count = None
    corrected: Count = None
    other: Count = None
    pending: Count = None
    total: Count = None


class DocumentCounts2021(_Model):
    issued: Count = None
    repealed: Count = None
    in_force: Count = None


class DocumentCounts2019(_Model):
    new_made: Count = None
    new_published: Count = None
    total_published: Count = None


class ItemCounts2019(_Model):
    previous_items: Count = None
    change: Signed = None
    decisions: Count = None


class FeeItems2019(_Model):
    previous_items: Count = None
    change: Signed = None


class Procurement2019(_Model):
    projects: Count = None
    amount: Annotated[PlainDecimal | None, AfterValidator(_non_negative)] = None
    amount_unit: MoneyUnit | None = None


class ExtraRow(_Model):
    block: str
    label: str
    values: tuple[Count, ...] = ()


def _check_extra_rows(rows: tuple[ExtraRow, ...], blocks: dict[str, int]) -> None:
    for row in rows:
        width = blocks.get(row.block)
        if width is None:
            raise ValueError(f"expected one of {', '.join(blocks)}, found {row.block!r}")
        if len(row.values) != width:
            raise ValueError(f"expected {width} values for {row.block}, found {len(row.values)}")


# --------------------------------------------------------------------------- tables

_EXTRA_BLOCKS_2021 = {
    "第二十条第(一)项": 3,
    "第二十条第(五)项": 1,
    "第二十条第(六)项": 1,
    "第二十条第(八)项": 1,
}
_EXTRA_BLOCKS_2019 = {
    "第二十条第(一)项": 3,
    "第二十条第(五)项": 3,
    "第二十条第(六)项": 3,
    "第二十条第(八)项": 2,
    "第二十条第(九)项": 2,
}


class ActiveDisclosure2021(_Model):
    regulations: DocumentCounts2021 = DocumentCounts2021()
    normative_documents: DocumentCounts2021 = DocumentCounts2021()
    licensing: Count = None
    punishment: Count = None
    enforcement: Count = None
    fees: Annotated[Amount | None, AfterValidator(_fee)] = None
    extra_rows: tuple[ExtraRow, ...] = ()

    @model_validator(mode="after")
    def _extra(self) -> ActiveDisclosure2021:
        if self.extra_rows:
            _check_extra_rows(self.extra_rows, _EXTRA_BLOCKS_2021)
        return self


class ActiveDisclosure2019(_Model):
    regulations: DocumentCounts2019 = DocumentCounts2019()
    normative_documents: DocumentCounts2019 = DocumentCounts2019()
    licensing: ItemCounts2019 = ItemCounts2019()
    other_services: ItemCounts2019 = ItemCounts2019()
    punishment: ItemCounts2019 = ItemCounts2019()
    enforcement: ItemCounts2019 = ItemCounts2019()
    fees: FeeItems2019 = FeeItems2019()
    procurement: Procurement2019 = Procurement2019()
    extra_rows: tuple[ExtraRow, ...] = ()

    @model_validator(mode="after")
    def _extra(self) -> ActiveDisclosure2019:
        if self.extra_rows:
            _check_extra_rows(self.extra_rows, _EXTRA_BLOCKS_2019)
        return self


class Requests2021(_Model):
    new: ApplicantCounts = ApplicantCounts()
    carried_over: ApplicantCounts = ApplicantCounts()
    granted: ApplicantCounts = ApplicantCounts()
    partly_granted: ApplicantCounts = ApplicantCounts()
    withheld: Withheld = Withheld()
    unable: Unable = Unable()
    not_processed: NotProcessed = NotProcessed()
    other: OtherHandling = OtherHandling()
    total: ApplicantCounts = ApplicantCounts()
    carried_forward: ApplicantCounts = ApplicantCounts()


class Requests2019(_Model):
    new: ApplicantCounts = ApplicantCounts()
    carried_over: ApplicantCounts = ApplicantCounts()
    granted: ApplicantCounts = ApplicantCounts()
    partly_granted: ApplicantCounts = ApplicantCounts()
    withheld: Withheld = Withheld()
    unable: Unable = Unable()
    not_processed: NotProcessed = NotProcessed()
    other: ApplicantCounts = ApplicantCounts()
    total: ApplicantCounts = ApplicantCounts()
    carried_forward: ApplicantCounts = ApplicantCounts()


class ReviewsAndLitigation(_Model):
    review: Outcomes = Outcomes()
    litigation_direct: Outcomes = Outcomes()
    litigation_after_review: Outcomes = Outcomes()


# --------------------------------------------------------------------------- narrative


class Metadata(_Model):
    index_number: str | None = None
    document_number: str | None = None
    subject: str | None = None
    issuer: str | None = None
    name: str | None = None
    published: _dt.date | None = None
    validity: str | None = None
    document_date: _dt.date | None = None


class Section(_Model):
    ordinal: Annotated[int, Field(ge=1, le=MAX_ORDINAL)]
    title: str
    paragraphs: tuple[str, ...] = ()
    subsections: tuple[Section, ...] = ()


class Signature(_Model):
    agency: str
    date: _dt.date | None = None


class Period(_Model):
    start: _dt.date
    end: _dt.date


class Location(_Model):
    section: tuple[int, ...]
    paragraph: int
    start: int
    end: int


class Quantity(_Model):
    value: QuantityValue
    unit: QuantityUnit
    qualifier: Qualifier | None = None

    @model_validator(mode="after")
    def _qualified(self) -> Quantity:
        if self.qualifier is not None and self.value.is_zero():
            raise ValueError("a qualified quantity must be above zero")
        return self


class Fact(_Model):
    key: str
    label: str
    text: str
    quantity: Quantity
    location: Location
    scope: FactScope = FactScope.UNKNOWN


class Relation(_Model):
    result: str
    add: tuple[str, ...]
    subtract: tuple[str, ...] = ()
    text: str | None = None


# --------------------------------------------------------------------------- report


def _walk(
    sections: tuple[Section, ...], prefix: tuple[int, ...] = ()
) -> list[tuple[tuple[int, ...], Section]]:
    out = []
    for s in sections:
        path = (*prefix, s.ordinal)
        out.append((path, s))
        out += _walk(s.subsections, path)
    return out


class _ReportBase(_Model):
    agency: str
    year: Annotated[int, Field(ge=1990, le=2200)]
    edition: Edition
    title: str
    agency_kind: AgencyKind = AgencyKind.UNKNOWN
    metadata: Metadata | None = None
    preamble: tuple[str, ...] = ()
    sections: tuple[Section, ...] = ()
    signature: Signature | None = None
    period: Period | None = None
    facts: tuple[Fact, ...] = ()
    relations: tuple[Relation, ...] = ()

    @model_validator(mode="after")
    def _facts(self) -> _ReportBase:
        if not (self.facts or self.relations):
            return self
        places = {path: s.paragraphs for path, s in _walk(self.sections)}
        places[()] = self.preamble
        keys: set[str] = set()
        for fact in self.facts:
            if fact.key in keys:
                raise ValueError(f"duplicate key {fact.key!r}")
            keys.add(fact.key)
            loc = fact.location
            paragraphs = places.get(loc.section)
            if paragraphs is None:
                raise ValueError(f"no section {loc.section}")
            if not 0 <= loc.paragraph < len(paragraphs):
                raise ValueError(f"section {loc.section} has no paragraph {loc.paragraph}")
            if paragraphs[loc.paragraph][loc.start : loc.end] != fact.text:
                raise ValueError(f"the span of {fact.key!r} does not hold {fact.text!r}")
        for rel in self.relations:
            for key in (rel.result, *rel.add, *rel.subtract):
                if key not in keys:
                    raise ValueError(f"relation names no fact: {key!r}")
        return self


class Report2021(_ReportBase):
    active: ActiveDisclosure2021 | None = None
    requests: Requests2021 | None = None
    reviews: ReviewsAndLitigation | None = None


class Report2019(_ReportBase):
    active: ActiveDisclosure2019 | None = None
    requests: Requests2019 | None = None
    reviews: ReviewsAndLitigation | None = None


class ReportLegacy(_ReportBase):
    active: None = None
    requests: None = None
    reviews: None = None


def _edition(value: object) -> object:
    """The discriminator: the report's ``edition`` value, from JSON or from a model."""
    if isinstance(value, dict):
        return value.get("edition")
    edition = getattr(value, "edition", None)
    return edition.value if isinstance(edition, Edition) else None


AnyReport = Annotated[
    Annotated[Report2021, Tag(Edition.STANDARD_2021.value)]
    | Annotated[Report2019, Tag(Edition.TRIAL_2019.value)]
    | Annotated[ReportLegacy, Tag(Edition.LEGACY_2008.value)],
    Discriminator(_edition),
]


class Report(RootModel[AnyReport]):
    """Any report; the edition picks the class (and with it the table classes)."""

    model_config = ConfigDict(strict=True, frozen=True)
