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
    # ``X as X``: an explicit re-export, so that ``from govdisclosure import Report`` and
    # ``gd.Report`` type-check under ``mypy --strict`` (no implicit re-export)
    # isort: off
    from govdisclosure import (
        analysis as analysis,
        document as document,
        editions as editions,
        errors as errors,
        examples as examples,
        fmt as fmt,
        io as io,
        layout as layout,
        model as model,
        money as money,
        numerals as numerals,
        rendering as rendering,
        rules as rules,
    )
    from govdisclosure.analysis._audit import Audit as Audit, audit as audit
    from govdisclosure.analysis import (
        Aggregate as Aggregate,
        ReportDiff as ReportDiff,
        aggregate as aggregate,
        check_rollup as check_rollup,
        diff as diff,
        fees as fees,
        rows_arrow as rows_arrow,
        rows_frame as rows_frame,
        tidy_rows as tidy_rows,
    )
    from govdisclosure.errors import (
        GovDisclosureError as GovDisclosureError,
        MoneyError as MoneyError,
        NumeralError as NumeralError,
        ParseError as ParseError,
        Problem as Problem,
        StructureError as StructureError,
        WrongTypeError as WrongTypeError,
    )
    from govdisclosure.io import (
        from_dict as from_dict,
        from_json as from_json,
        from_rows as from_rows,
        json_schema as json_schema,
        tables_from_rows as tables_from_rows,
        to_dict as to_dict,
        to_json as to_json,
        to_rows as to_rows,
    )
    from govdisclosure.layout import layout_of as layout_of
    from govdisclosure.model import (
        ActiveDisclosure2019 as ActiveDisclosure2019,
        ActiveDisclosure2021 as ActiveDisclosure2021,
        AgencyKind as AgencyKind,
        ApplicantCounts as ApplicantCounts,
        DocumentCounts2019 as DocumentCounts2019,
        DocumentCounts2021 as DocumentCounts2021,
        Edition as Edition,
        ExtraRow as ExtraRow,
        Fact as Fact,
        FactScope as FactScope,
        FeeItems2019 as FeeItems2019,
        ItemCounts2019 as ItemCounts2019,
        Location as Location,
        Metadata as Metadata,
        NotProcessed as NotProcessed,
        OtherHandling as OtherHandling,
        Outcomes as Outcomes,
        Period as Period,
        Procurement2019 as Procurement2019,
        Relation as Relation,
        Report as Report,
        Requests2019 as Requests2019,
        Requests2021 as Requests2021,
        ReviewsAndLitigation as ReviewsAndLitigation,
        Section as Section,
        Signature as Signature,
        Tables2019 as Tables2019,
        Tables2021 as Tables2021,
        Unable as Unable,
        Withheld as Withheld,
        infer_agency_kind as infer_agency_kind,
    )
    from govdisclosure.money import Amount as Amount, MoneyUnit as MoneyUnit
    from govdisclosure.numerals import Qualifier as Qualifier, Quantity as Quantity
    from govdisclosure.parse import Parsed as Parsed, ParseFinding as ParseFinding, parse as parse
    from govdisclosure.rendering import RenderOptions as RenderOptions, render as render
    from govdisclosure.rules import (
        Finding as Finding,
        Findings as Findings,
        Policy as Policy,
        ReportInvalid as ReportInvalid,
        Severity as Severity,
        check as check,
        check_series as check_series,
        validate as validate,
    )
    # isort: on

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
        "Tables2019",
        "Tables2021",
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
        "rows_arrow",
        "rows_frame",
        "tidy_rows",
    ),
    "fees": "govdisclosure.analysis.fees",
    **_names("govdisclosure.analysis._audit", "Audit", "audit"),
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
