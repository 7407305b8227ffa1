"""The report model: immutable, typed records of what a 年报 states.

The model says what the document says. Every figure is held as stated: counts are ``int``
(``None`` for a blank cell, never a silent 0), money is an exact
:class:`~govdisclosure.money.Amount`, and totals that the document prints are kept as
printed (``total`` fields) while the totals they should equal are computed properties
(``computed_total``), so that a validator can compare the two.

Rows (:class:`ApplicantCounts`, :class:`Outcomes`, …) are plain records. A table checks all
of its cells at once when it is built (an ``int`` ≥ 0 or ``None``; the signed 2019 本年增/减
may be negative) and raises :class:`~govdisclosure.StructureError` naming every bad cell by
its path and official label. Build tables whose totals hold by construction with the
``build`` class methods:

>>> row = ApplicantCounts.build(natural_person=3, commercial=1)
>>> row.total, row.computed_total
(4, 4)
>>> ApplicantCounts(natural_person=3, commercial=1, total=5).computed_total is None
True
>>> ApplicantCounts(natural_person=3, commercial=1, research=0, public_interest=0,
...                 legal_services=0, other=0, total=5).computed_total
4

Which table classes a report carries depends on its :class:`Edition`; the labels of every
row and column live in :mod:`govdisclosure.layout`, not here. The rooms, each importing only
those before it: :mod:`._checks` (the words of a record's checks), :mod:`._binding` (which
table class holds which table of an edition: filled by :mod:`.tables`, read by everything
else), :mod:`.builders` (the four ways to build a table, over the binding and the records'
fields), :mod:`.rows` (the records of one table line), :mod:`.tables` (the tables, bound to
their layouts), :mod:`.narrative` (metadata, sections, facts), :mod:`.agency` (the kind of
body that reports) and :mod:`.report`.
"""

from govdisclosure.layout import Edition
from govdisclosure.model.agency import AgencyKind, infer_agency_kind
from govdisclosure.model.narrative import (
    Fact,
    FactScope,
    Location,
    Metadata,
    Period,
    Relation,
    Section,
    Signature,
)
from govdisclosure.model.report import Report, Tables2019, Tables2021, walk_sections
from govdisclosure.model.rows import (
    ApplicantCounts,
    DocumentCounts2019,
    DocumentCounts2021,
    ExtraRow,
    FeeItems2019,
    ItemCounts2019,
    NotProcessed,
    OtherHandling,
    Outcomes,
    Procurement2019,
    Unable,
    Withheld,
)
from govdisclosure.model.tables import (
    ActiveDisclosure2019,
    ActiveDisclosure2021,
    Requests2019,
    Requests2021,
    ReviewsAndLitigation,
    layout_of_table,
    table_class,
    table_classes,
)

__all__ = [
    "ActiveDisclosure2019",
    "ActiveDisclosure2021",
    "AgencyKind",
    "ApplicantCounts",
    "DocumentCounts2019",
    "DocumentCounts2021",
    "Edition",
    "ExtraRow",
    "Fact",
    "FactScope",
    "FeeItems2019",
    "ItemCounts2019",
    "Location",
    "Metadata",
    "NotProcessed",
    "OtherHandling",
    "Outcomes",
    "Period",
    "Procurement2019",
    "Relation",
    "Report",
    "Requests2019",
    "Requests2021",
    "ReviewsAndLitigation",
    "Section",
    "Signature",
    "Tables2019",
    "Tables2021",
    "Unable",
    "Withheld",
    "infer_agency_kind",
    "layout_of_table",
    "table_class",
    "table_classes",
    "walk_sections",
]
