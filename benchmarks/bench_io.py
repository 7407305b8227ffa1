"""``from_json`` against pydantic v2 on an equivalent model, side by side in one run.

The input is the bundled 2021 example (``examples.load("jianghe-2021")``, every table filled,
narrative, 38 located facts and 6 relations) serialised with ``govdisclosure.to_json``: the
same bytes go to ``govdisclosure.from_json`` and to ``Report.model_validate_json`` of
:mod:`pydantic_model`, which makes the same checks (see its docstring). Each benchmark first
checks that its parser gives the right answer, so a fast wrong parser cannot win.

Groups (compare within a group only):

- ``from_json jianghe-2021``: the issue's comparison (target: govdisclosure <= 1.0x pydantic);
- ``from_json jianghe-2021 tables only``: the same report without its facts and relations;
- ``json.loads floor``: the stdlib JSON decoding alone, which ``from_json`` cannot avoid.

``test_both_parsers_reject`` (not a benchmark: it runs without ``--benchmark-only``) feeds
both parsers 23 kinds of bad input; each must refuse every one.

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
from govdisclosure import examples
from pydantic_model import Report as PydanticReport

EXAMPLE = "jianghe-2021"
_FULL = examples.load(EXAMPLE)
_TABLES_ONLY = attrs.evolve(_FULL, facts=(), relations=())

INPUTS: dict[str, tuple[govdisclosure.Report, bytes]] = {
    "full": (_FULL, govdisclosure.to_json(_FULL).encode()),
    "tables-only": (_TABLES_ONLY, govdisclosure.to_json(_TABLES_ONLY).encode()),
}
GROUPS = {"full": f"from_json {EXAMPLE}", "tables-only": f"from_json {EXAMPLE} tables only"}


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


# --------------------------------------------------------------------------- equivalence

_FIRST_FACT = ("facts", 0)
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
    node[path[-1]] = value
    return copy


@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_both_parsers_reject(case: str) -> None:
    """Not a benchmark (skipped with --benchmark-only): the two models check the same."""
    path, value = BAD_INPUTS[case]
    data = json.dumps(_replaced(govdisclosure.to_dict(_FULL), path, value)).encode()
    with pytest.raises(govdisclosure.StructureError):
        govdisclosure.from_json(data)
    with pytest.raises(pydantic.ValidationError):
        PydanticReport.model_validate_json(data)
