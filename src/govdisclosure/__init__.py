"""govdisclosure: model, check, render and read 政府信息公开工作年度报告, exactly.

>>> import govdisclosure as gd
>>> report = gd.examples.load("xianning-2015")
>>> report.agency, report.year, report.edition.value
('咸宁市民政局', 2015, 'legacy-2008')
>>> str(report.fact("subsistence.funds").quantity)
'36581.5万元'
>>> gd.from_json(gd.to_json(report)) == report
True
"""

from govdisclosure import examples, numerals
from govdisclosure._errors import GovDisclosureError, Problem, StructureError
from govdisclosure.editions import layout_of
from govdisclosure.io import (
    from_dict,
    from_json,
    from_rows,
    json_schema,
    tables_from_rows,
    to_dict,
    to_json,
    to_rows,
)
from govdisclosure.model import (
    ActiveDisclosure2019,
    ActiveDisclosure2021,
    ApplicantCounts,
    DocumentCounts2019,
    DocumentCounts2021,
    Edition,
    ExtraRow,
    Fact,
    FeeItems2019,
    ItemCounts2019,
    Location,
    Metadata,
    NotProcessed,
    OtherHandling,
    Outcomes,
    Period,
    Procurement2019,
    Relation,
    Report,
    Requests2019,
    Requests2021,
    ReviewsAndLitigation,
    Section,
    Signature,
    Unable,
    Withheld,
)
from govdisclosure.money import Amount, MoneyUnit
from govdisclosure.numerals import Qualifier, Quantity

__version__ = "0.1.0"

__all__ = [
    "ActiveDisclosure2019",
    "ActiveDisclosure2021",
    "Amount",
    "ApplicantCounts",
    "DocumentCounts2019",
    "DocumentCounts2021",
    "Edition",
    "ExtraRow",
    "Fact",
    "FeeItems2019",
    "GovDisclosureError",
    "ItemCounts2019",
    "Location",
    "Metadata",
    "MoneyUnit",
    "NotProcessed",
    "OtherHandling",
    "Outcomes",
    "Period",
    "Problem",
    "Procurement2019",
    "Qualifier",
    "Quantity",
    "Relation",
    "Report",
    "Requests2019",
    "Requests2021",
    "ReviewsAndLitigation",
    "Section",
    "Signature",
    "StructureError",
    "Unable",
    "Withheld",
    "__version__",
    "examples",
    "from_dict",
    "from_json",
    "from_rows",
    "json_schema",
    "layout_of",
    "numerals",
    "tables_from_rows",
    "to_dict",
    "to_json",
    "to_rows",
]
