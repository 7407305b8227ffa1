"""``from_json`` against pydantic v2 on an equivalent model, side by side in one run.

The input is the bundled 2021 example (``examples.load("jianghe-2021")``, every table filled,
narrative, 38 located facts and 6 relations) serialised with ``govdisclosure.to_json``: the
same bytes go to ``govdisclosure.from_json`` and to ``Report.model_validate_json`` of
:mod:`pydantic_model`, which makes the same checks (see its docstring). Each benchmark first
checks that its parser gives the right answer, so a fast wrong parser cannot win.

Groups (compare within a group only):

- ``from_json jianghe-2021 no facts``: the headline, the content issue 23 compares — tables
  二/三/四, the six sections (with the preamble and the header: agency, metadata, signature,
  period), no facts and no relations (target: govdisclosure <= 2.0x pydantic);
- ``from_json jianghe-2021 tables only``: the header and tables 二/三/四 alone (no preamble,
  no sections, no facts);
- ``from_json jianghe-2021 full``: everything, the 38 located facts and 6 relations too;
- ``json.loads floor``: the JSON decoding alone, which ``from_json`` cannot avoid (the
  standard library's, and orjson's when installed).

``govdisclosure.from_json`` decodes with orjson when the ``fast`` extra is installed; the
rows ``from_json, stdlib json`` are the same call with the standard library's decoder only,
as without the extra.

``test_both_parsers_reject`` (not a benchmark: it runs without ``--benchmark-only``) feeds
both parsers every kind of bad input of :data:`BAD_INPUTS` in the full report, and
``test_both_parsers_reject_no_facts`` those that touch no fact in the headline's content;
each parser must refuse every one.

Run from the repository root::

    python -m pytest benchmarks/bench_io.py --benchmark-only
"""

from __future__ import annotations

import json
from typing import Any

import attrs
import pydantic
import pytest

import govdisclosure
import govdisclosure.io.json as io_json
from govdisclosure import examples
from pydantic_model import Report as PydanticReport

EXAMPLE = "jianghe-2021"
_FULL = examples.load(EXAMPLE)
_NO_FACTS = attrs.evolve(_FULL, facts=(), relations=())
_TABLES_ONLY = attrs.evolve(_NO_FACTS, preamble=(), sections=())

INPUTS: dict[str, tuple[govdisclosure.Report, bytes]] = {
    "no-facts": (_NO_FACTS, govdisclosure.to_json(_NO_FACTS).encode()),
    "tables-only": (_TABLES_ONLY, govdisclosure.to_json(_TABLES_ONLY).encode()),
    "full": (_FULL, govdisclosure.to_json(_FULL).encode()),
}
GROUPS = {
    "no-facts": f"from_json {EXAMPLE} no facts",
    "tables-only": f"from_json {EXAMPLE} tables only",
    "full": f"from_json {EXAMPLE} full",
}


def _check_pydantic(result: Any, data: bytes) -> None:
    """The pydantic model read everything: it dumps back to the very same JSON value."""
    assert type(result.root).__name__ == "Report2021"
    assert result.model_dump(mode="json") == json.loads(data)


@pytest.mark.parametrize("which", list(INPUTS))
def test_govdisclosure_from_json(benchmark: Any, which: str) -> None:
    expected, data = INPUTS[which]
    assert govdisclosure.from_json(data) == expected
    benchmark.group = GROUPS[which]
    benchmark.name = f"govdisclosure.from_json [{which}]"
    result = benchmark(govdisclosure.from_json, data)
    assert result == expected


@pytest.mark.parametrize("which", list(INPUTS))
def test_govdisclosure_from_json_stdlib(
    benchmark: Any, which: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected, data = INPUTS[which]
    monkeypatch.setattr(io_json, "_optional_orjson", lambda: None)
    assert govdisclosure.from_json(data) == expected
    benchmark.group = GROUPS[which]
    benchmark.name = f"govdisclosure.from_json, stdlib json [{which}]"
    result = benchmark(govdisclosure.from_json, data)
    assert result == expected


@pytest.mark.parametrize("which", list(INPUTS))
def test_pydantic_model_validate_json(benchmark: Any, which: str) -> None:
    _, data = INPUTS[which]
    _check_pydantic(PydanticReport.model_validate_json(data), data)
    benchmark.group = GROUPS[which]
    benchmark.name = f"pydantic Report.model_validate_json [{which}]"
    result = benchmark(PydanticReport.model_validate_json, data)
    _check_pydantic(result, data)


@pytest.mark.parametrize("which", list(INPUTS))
def test_json_loads_floor(benchmark: Any, which: str) -> None:
    _, data = INPUTS[which]
    benchmark.group = "json.loads floor"
    benchmark.name = f"json.loads [{which}]"
    benchmark(json.loads, data)


@pytest.mark.parametrize("which", list(INPUTS))
def test_orjson_loads_floor(benchmark: Any, which: str) -> None:
    orjson = pytest.importorskip("orjson")
    _, data = INPUTS[which]
    benchmark.group = "json.loads floor"
    benchmark.name = f"orjson.loads [{which}]"
    benchmark(orjson.loads, data)


# --------------------------------------------------------------------------- equivalence

_FIRST_FACT = ("facts", 0)
_DELETE = object()
"""As the new value of a bad input: the key is removed."""
BAD_INPUTS: dict[str, tuple[tuple[Any, ...], Any]] = {
    # path into the JSON form, new value (a path ending in a list index replaces the item)
    "count is negative": (("requests", "new", "natural_person"), -1),
    "count is a string": (("reviews", "review", "upheld"), "1"),
    "count is a bool": (("active", "licensing"), True),
    "count is a float": (("requests", "withheld", "state_secret", "total"), 1.0),
    "year is a string": (("year",), "2021"),
    "year out of range": (("year",), 1900),
    "unknown edition": (("edition",), "standard-2022"),
    "unknown key": (("requests", "new", "robots"), 1),
    "fee is a float": (("active", "fees", "value"), 20.3),
    "fee in scientific notation": (("active", "fees", "value"), "2.03E+1"),
    "fee is negative": (("active", "fees", "value"), "-1.00"),
    "fee in 元": (("active", "fees", "unit"), "元"),
    "date not ISO": (("period", "start"), "2021/01/01"),
    "date impossible": (("period", "start"), "2021-02-30"),
    "paragraphs not an array": (("sections", 0, "paragraphs"), "text"),
    "section ordinal a string": (("sections", 0, "ordinal"), "1"),
    "section ordinal zero": (("sections", 3, "ordinal"), 0),
    "section title a number": (("sections", 1, "title"), 2),
    "section title missing": (("sections", 4, "title"), _DELETE),
    "paragraph not a string": (("sections", 2, "paragraphs", 0), None),
    "subsections not an array": (("sections", 0, "subsections"), {}),
    "subsection unknown key": (("sections", 0, "subsections", 1, "colour"), "red"),
    "subsection paragraph a number": (("sections", 0, "subsections", 2, "paragraphs", 0), 7),
    "preamble item not a string": (("preamble", 0), ["text"]),
    "metadata date not ISO": (("metadata", "published"), "2022年1月20日"),
    "quantity unit unknown": ((*_FIRST_FACT, "quantity", "unit"), "kg"),
    "quantity negative": ((*_FIRST_FACT, "quantity", "value"), "-1"),
    "qualifier unknown": ((*_FIRST_FACT, "quantity", "qualifier"), "大概"),
    "fact span wrong": ((*_FIRST_FACT, "location", "start"), 0),
    "fact in no section": ((*_FIRST_FACT, "location", "section"), [9]),
    "relation names no fact": (("relations", 0, "result"), "no.such.fact"),
    "row is null": (("requests", "new"), None),
}


def _replaced(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    """A deep copy of ``data`` with the item at ``path`` replaced by ``value``."""
    copy = json.loads(json.dumps(data))
    node = copy
    for key in path[:-1]:
        node = node[key]
    if value is _DELETE:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return copy


def _both_refuse(report: Any, case: str) -> None:
    """``report`` with the bad input ``case`` put in: both parsers must refuse it."""
    path, value = BAD_INPUTS[case]
    data = json.dumps(_replaced(govdisclosure.to_dict(report), path, value)).encode()
    with pytest.raises(govdisclosure.StructureError):
        govdisclosure.from_json(data)
    with pytest.raises(pydantic.ValidationError):
        PydanticReport.model_validate_json(data)


@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_both_parsers_reject(case: str) -> None:
    """Not a benchmark (skipped with --benchmark-only): the two models check the same."""
    _both_refuse(_FULL, case)


@pytest.mark.parametrize(
    "case", [c for c, (p, _) in BAD_INPUTS.items() if p[0] not in ("facts", "relations")]
)
def test_both_parsers_reject_no_facts(case: str) -> None:
    """The same in the headline's content (no facts, no relations): the two check the same
    there too (a bad input touching no fact stays bad without them)."""
    _both_refuse(_NO_FACTS, case)
