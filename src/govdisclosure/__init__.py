"""govdisclosure: model, check and render 政府信息公开工作年度报告, exactly.

>>> import govdisclosure as gd
>>> report = gd.examples.load("xianning-2015")
>>> report.agency, report.year, report.edition.value
('咸宁市民政局', 2015, 'legacy-2008')
>>> str(report.fact("subsistence.funds").quantity)
'36581.5万元'
>>> gd.from_json(gd.to_json(report)) == report
True
"""

from typing import TYPE_CHECKING, Any

from govdisclosure import numerals
from govdisclosure.errors import GovDisclosureError, Problem, StructureError
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

if TYPE_CHECKING:  # pragma: no cover
    from govdisclosure import editions, examples, fmt, rendering, rules
    from govdisclosure.layout import layout_of
    from govdisclosure.rendering import RenderOptions, render
    from govdisclosure.rules import (
        Finding,
        Findings,
        Policy,
        ReportInvalid,
        Severity,
        check,
        check_series,
        validate,
    )

# Imported on first use, so that ``import govdisclosure`` stays fast (PEP 562).
_LAZY = {
    "editions": "govdisclosure.editions",
    "layout": "govdisclosure.layout",
    "examples": "govdisclosure.examples",
    "fmt": "govdisclosure.fmt",
    "rendering": "govdisclosure.rendering",
    "rules": "govdisclosure.rules",
    "layout_of": "govdisclosure.layout",
    "render": "govdisclosure.rendering",
    "RenderOptions": "govdisclosure.rendering",
    "check": "govdisclosure.rules",
    "check_series": "govdisclosure.rules",
    "validate": "govdisclosure.rules",
    "Finding": "govdisclosure.rules",
    "Findings": "govdisclosure.rules",
    "Policy": "govdisclosure.rules",
    "ReportInvalid": "govdisclosure.rules",
    "Severity": "govdisclosure.rules",
}


def __getattr__(name: str) -> Any:
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module 'govdisclosure' has no attribute {name!r}")
    import importlib

    module = importlib.import_module(module_name)
    value = module if module_name.endswith("." + name) else getattr(module, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


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
    "Finding",
    "Findings",
    "GovDisclosureError",
    "ItemCounts2019",
    "Location",
    "Metadata",
    "MoneyUnit",
    "NotProcessed",
    "OtherHandling",
    "Outcomes",
    "Period",
    "Policy",
    "Problem",
    "Procurement2019",
    "Qualifier",
    "Quantity",
    "Relation",
    "RenderOptions",
    "Report",
    "ReportInvalid",
    "Requests2019",
    "Requests2021",
    "ReviewsAndLitigation",
    "Section",
    "Severity",
    "Signature",
    "StructureError",
    "Unable",
    "Withheld",
    "__version__",
    "check",
    "check_series",
    "editions",
    "examples",
    "fmt",
    "from_dict",
    "from_json",
    "from_rows",
    "json_schema",
    "layout_of",
    "numerals",
    "render",
    "rendering",
    "rules",
    "tables_from_rows",
    "to_dict",
    "to_json",
    "to_rows",
    "validate",
]
