"""govdisclosure: model, check, render and read 政府信息公开工作年度报告, exactly.

>>> import govdisclosure as gd
>>> report = gd.examples.load("xianning-2015")
>>> report.agency, report.year, report.edition.value
('咸宁市民政局', 2015, 'legacy-2008')
>>> str(report.fact("subsistence.funds").quantity)
'36581.5万元'
>>> gd.from_json(gd.to_json(report)) == report
True

Every public name is imported on first use (PEP 562), so ``import govdisclosure`` costs
almost nothing and a program pays only for the rooms it uses. One table, :data:`_PUBLIC`,
says where each name lives; ``__all__``, :func:`dir` and the lazy import all read it, and a
test keeps the type checker's view (the ``TYPE_CHECKING`` block) equal to it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover - what the type checker sees; a test keeps it = _PUBLIC
    from govdisclosure import (
        analysis,
        document,
        editions,
        errors,
        examples,
        fmt,
        io,
        layout,
        model,
        money,
        numerals,
        rendering,
        rules,
    )
    from govdisclosure.analysis import (
        Aggregate,
        ReportDiff,
        aggregate,
        check_rollup,
        diff,
        fees,
        rows_frame,
    )
    from govdisclosure.errors import (
        GovDisclosureError,
        MoneyError,
        NumeralError,
        ParseError,
        Problem,
        StructureError,
        WrongTypeError,
    )
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
    from govdisclosure.layout import layout_of
    from govdisclosure.model import (
        ActiveDisclosure2019,
        ActiveDisclosure2021,
        AgencyKind,
        ApplicantCounts,
        DocumentCounts2019,
        DocumentCounts2021,
        Edition,
        ExtraRow,
        Fact,
        FactScope,
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
        infer_agency_kind,
    )
    from govdisclosure.money import Amount, MoneyUnit
    from govdisclosure.numerals import Qualifier, Quantity
    from govdisclosure.parse import Parsed, ParseFinding, parse
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

__version__ = "0.1.0"


def _names(module: str, *names: str) -> dict[str, str]:
    return dict.fromkeys(names, module)


#: Every public name of ``govdisclosure`` and the module it comes from; a module's own name
#: maps to the module itself (``fees`` is ``govdisclosure.analysis.fees``).
_PUBLIC: dict[str, str] = {
    **_names("govdisclosure.errors", "GovDisclosureError", "Problem", "StructureError"),
    **_names("govdisclosure.errors", "MoneyError", "NumeralError", "ParseError"),
    **_names("govdisclosure.errors", "WrongTypeError"),
    **_names("govdisclosure.money", "Amount", "MoneyUnit"),
    **_names("govdisclosure.numerals", "Qualifier", "Quantity"),
    **_names("govdisclosure.layout", "layout_of"),
    **_names(
        "govdisclosure.model",
        "ActiveDisclosure2019",
        "AgencyKind",
        "ActiveDisclosure2021",
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
        "Unable",
        "Withheld",
        "infer_agency_kind",
    ),
    **_names(
        "govdisclosure.io",
        "from_dict",
        "from_json",
        "from_rows",
        "json_schema",
        "tables_from_rows",
        "to_dict",
        "to_json",
        "to_rows",
    ),
    **_names(
        "govdisclosure.rules",
        "Finding",
        "Findings",
        "Policy",
        "ReportInvalid",
        "Severity",
        "check",
        "check_series",
        "validate",
    ),
    **_names("govdisclosure.rendering", "RenderOptions", "render"),
    **_names("govdisclosure.parse", "Parsed", "ParseFinding", "parse"),
    **_names(
        "govdisclosure.analysis",
        "Aggregate",
        "ReportDiff",
        "aggregate",
        "check_rollup",
        "diff",
        "rows_frame",
    ),
    "fees": "govdisclosure.analysis.fees",
    **{
        name: f"govdisclosure.{name}"
        for name in (
            "analysis",
            "document",
            "editions",
            "errors",
            "examples",
            "fmt",
            "io",
            "layout",
            "model",
            "money",
            "numerals",
            "rendering",
            "rules",
        )
    },
}


def __getattr__(name: str) -> Any:
    module_name = _PUBLIC.get(name)
    if module_name is None:
        raise AttributeError(f"module 'govdisclosure' has no attribute {name!r}")
    import importlib

    module = importlib.import_module(module_name)
    value = module if module_name.endswith(f".{name}") else getattr(module, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_PUBLIC))


__all__ = sorted([*_PUBLIC, "__version__"])
