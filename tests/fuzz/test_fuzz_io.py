"""Fuzzers of the I/O boundary: from_json, from_dict, from_rows, tables_from_rows.

Each input is a valid document (a bundled example) mutated one to three times — a key
deleted, a value replaced by a value of another type (floats, NaN, huge numbers, nulls,
lone surrogates, long strings, deep nesting), an unknown key added — or, for the JSON text,
cut or garbled. The property: a report, or a :class:`~govdisclosure.StructureError` with
every problem located; never another exception. ``test_loader_and_schema_agree`` holds the
loader and the JSON Schema to the same verdict on the same mutated documents.
"""

from __future__ import annotations

import copy
import json
import os
from collections.abc import Iterator
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

import govdisclosure as gd
from fuzz.conftest import FUZZ_EXAMPLES, fuzz_settings
from govdisclosure import Edition, StructureError
from govdisclosure.io.json import DISAGREE

BASES = [gd.to_dict(gd.examples.load(n)) for n in gd.examples.names()]
_SMALL = gd.to_dict(
    gd.Report(
        agency="某局",
        year=2020,
        edition=Edition.TRIAL_2019,
        title="t",
        sections=(
            gd.Section(
                ordinal=1,
                title="一",
                paragraphs=("p",),
                subsections=(gd.Section(ordinal=2, title="二", paragraphs=("q",)),),
            ),
        ),
        active=gd.ActiveDisclosure2019(
            extra_rows=(
                gd.ExtraRow(block="第二十条第(一)项", label="其他", values=(1, 2, 3)),
                gd.ExtraRow(block="第二十条第(一)项", label="其他", values=(4, 5, 6)),
            )
        ),
    )
)
BASES.append(_SMALL)

COUNTED: dict[str, int] = {}


def count(name: str) -> None:
    """One input tried by the fuzzer ``name`` (the thorough run sums them)."""
    COUNTED[name] = COUNTED.get(name, 0) + 1


@pytest.fixture(scope="module", autouse=True)
def _counts() -> Iterator[None]:
    yield
    target = os.environ.get("FUZZ_COUNTS")
    if target:
        with open(target, "a", encoding="utf-8") as f:
            for name, n in COUNTED.items():
                f.write(f"{name} {n}\n")


def _deep(levels: int, leaf: Any = 1) -> Any:
    value = leaf
    for i in range(levels):
        value = [value] if i % 2 else {"a": value}
    return value


#: JSON values a mutation puts in: every type, its edges and its attacks.
weird_json = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3),
    st.sampled_from(
        [10**15, 10**15 + 1, -(10**15) - 1, 10**4301, -(10**5000), 2**64, 999, 1000, 0, -1]
    ),
    st.sampled_from([34.0, 2021.0, 1.0, 1.5, -0.0, float("nan"), float("inf"), 1e308]),
    st.text(max_size=8),
    st.sampled_from(
        [
            "\ud800",
            "a\udfffb",
            "x" * 100_000,
            "12",
            "2021",
            "1" * 201,
            "0." + "0" * 200 + "1",
            "1" * 4301,
            "-1.00",
            "1E+3",
            "20.30",
            "1000000000000000.5",
            "9999999999999999",
            '"',
            "",
            " ",
            "standard-2021",
            "万元",
            "余",
            "2022-02-30",
            "2022-01-01",
        ]
    ),
    st.integers(1, 1500).map(_deep),
    st.lists(st.integers(-2, 2), max_size=3),
    st.dictionaries(st.sampled_from(["value", "unit", "x"]), st.text(max_size=3), max_size=2),
)


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if len(prefix) > 12:
        return out  # inside a deep nest put there by an earlier mutation
    if isinstance(data, dict):
        for k, v in data.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            out += _paths(v, (*prefix, i))
    return out


@st.composite
def mutated_documents(draw: st.DrawFn, bases: list[dict[str, Any]] = BASES) -> Any:
    """A bundled report's ``to_dict`` form, mutated one to three times."""
    doc = copy.deepcopy(draw(st.sampled_from(bases)))
    for _ in range(draw(st.integers(1, 3))):
        paths = _paths(doc)
        path = draw(st.sampled_from(paths))
        if not path:
            if draw(st.booleans()):
                return draw(weird_json)
            doc[draw(st.sampled_from(["colour", "\ud800", "x" * 500, "metadata"]))] = draw(
                weird_json
            )
            continue
        node = doc
        for key in path[:-1]:
            node = node[key]
        op = draw(st.sampled_from(["replace", "replace", "delete", "add", "null"]))
        last = path[-1]
        if op == "delete" and isinstance(node, dict | list):
            del node[last]
        elif op == "add" and isinstance(node[last], dict):
            node[last][draw(st.sampled_from(["extra", "total", "\udc00"]))] = draw(weird_json)
        elif op == "add" and isinstance(node[last], list):
            node[last].append(copy.copy(node[last][0]) if node[last] else draw(weird_json))
        elif op == "null":
            node[last] = None
        else:
            node[last] = draw(weird_json)
    return doc


def _located(exc: StructureError) -> None:
    assert exc.problems
    for p in exc.problems:
        assert p.path.startswith("$"), p
        assert len(p.message) < 2_000, "a message echoes its input"
        str(p).encode("utf-8")  # printable: no lone surrogate in a message
        assert DISAGREE not in p.message, p


def load(data: Any) -> gd.Report | None:
    """``from_dict(data)``: the report, or None after checking the StructureError."""
    try:
        return gd.from_dict(data)
    except StructureError as exc:
        _located(exc)
        return None


@fuzz_settings(max_examples=2 * FUZZ_EXAMPLES)  # cheap per input: twice as many
@given(mutated_documents())
def test_from_dict(data: Any) -> None:
    count("from_dict")
    report = load(data)
    if report is not None:
        assert gd.from_json(gd.to_json(report).encode()) == report


def _dumps(data: Any) -> str | None:
    try:
        return json.dumps(data, ensure_ascii=False)
    except (ValueError, RecursionError):  # a huge int or a deep nest: no JSON text
        return None


@fuzz_settings()
@given(mutated_documents(), st.sampled_from(["str", "bytes", "ascii"]))
def test_from_json(data: Any, form: str) -> None:
    count("from_json")
    text = _dumps(data)
    if text is None:
        return
    source: str | bytes = text
    if form == "ascii":
        source = json.dumps(json.loads(text))  # lone surrogates as \\ud800 escapes
    elif form == "bytes":
        source = text.encode("utf-8", "surrogatepass")  # not UTF-8 when a surrogate is in
    try:
        gd.from_json(source)
    except StructureError as exc:
        _located(exc)


_texts = st.one_of(
    st.builds(
        lambda n, d: '{"edition": ' + "[" * n + "]" * n + "}", st.integers(1, 5000), st.none()
    ),
    st.builds(lambda n: "{" * n, st.integers(1, 100_000)),
    st.builds(lambda s: s, st.text(max_size=50)),
    st.builds(
        lambda base, cut, junk: json.dumps(base, ensure_ascii=False)[:cut] + junk,
        st.sampled_from(BASES),
        st.integers(0, 40_000),
        st.text(max_size=5),
    ),
    st.sampled_from(
        ['"\\ud800"', '{"agency": "\\udfff"}', "1" * 5000, "NaN", "[1e999]", "\ufeff{}"]
    ),
)


@fuzz_settings(max_examples=2 * FUZZ_EXAMPLES)  # cheap per input: twice as many
@given(_texts)
def test_from_json_text(text: str) -> None:
    count("from_json text")
    try:
        gd.from_json(text)
    except StructureError as exc:
        _located(exc)


def _strict_integers() -> Any:
    """A jsonschema validator whose "integer" is a JSON integer only (34.0 is not one)."""
    checker = jsonschema.Draft202012Validator.TYPE_CHECKER.redefine(
        "integer", lambda _, x: isinstance(x, int) and not isinstance(x, bool)
    )
    return jsonschema.validators.extend(jsonschema.Draft202012Validator, type_checker=checker)


VALIDATOR = _strict_integers()(gd.json_schema())

#: Problems JSON Schema cannot express: they tie one part of a document to another (a fact's
#: span to a paragraph's text, a span's end to its start, a relation to a fact's key, an
#: extra row to its block's columns and official rows) or concern text that is not Unicode
#: (a lone surrogate).
INEXPRESSIBLE = (
    "expected the span to hold",
    "expected an end >= start",
    "no section",
    "paragraphs, found index",
    "duplicate key",
    "names no fact",
    "is an official row of",
    "values for",
    "lone surrogate",
)


def _inexpressible(problem: gd.Problem) -> bool:
    if ".extra_rows[" in problem.path:
        return True  # an extra row's block, width and signs depend on its table and block
    return any(m in problem.message for m in INEXPRESSIBLE)


@fuzz_settings(max_examples=2 * FUZZ_EXAMPLES)  # cheap per input: twice as many
@given(mutated_documents())
def test_loader_and_schema_agree(data: Any) -> None:
    """Accepted by the loader ⇔ valid under the schema, but for what no schema can say."""
    count("loader vs schema")
    if _dumps(data) is None:
        return  # not JSON
    valid = VALIDATOR.is_valid(data)
    try:
        gd.from_dict(data)
    except StructureError as exc:
        if valid:
            left = [p for p in exc.problems if not _inexpressible(p)]
            assert not left, f"the schema accepts what the loader refuses: {left}"
    else:
        assert valid, list(VALIDATOR.iter_errors(data))[:3]


# --------------------------------------------------------------------------- rows

ROW_BASES = [
    gd.to_rows(r, facts=True) for r in (gd.examples.load("jianghe-2021"), gd.from_dict(_SMALL))
]


@st.composite
def mutated_rows(draw: st.DrawFn) -> Any:
    rows = [dict(r) for r in draw(st.sampled_from(ROW_BASES))]
    for _ in range(draw(st.integers(1, 3))):
        if not rows:
            break
        i = draw(st.integers(0, len(rows) - 1))
        op = draw(st.sampled_from(["value", "value", "label", "delete", "drop", "dup", "junk"]))
        row = rows[i]
        if not isinstance(row, dict):
            continue
        if op == "value":
            row["value"] = draw(weird_json | st.sampled_from([" 7 ", "+3", "-0", "7.0"]))
        elif op == "label":
            keys = ["table", "row", "column", "path", "unit", "source", "kind"]
            row[draw(st.sampled_from(keys))] = draw(weird_json)
        elif op == "delete" and row:
            row.pop(draw(st.sampled_from(sorted(row))))
        elif op == "drop":
            rows.pop(i)
        elif op == "dup":
            rows.append(dict(row))
        else:
            rows[i] = draw(weird_json)
    return rows


@fuzz_settings()
@given(mutated_rows(), st.sampled_from(list(Edition)))
def test_tables_from_rows(rows: Any, edition: Edition) -> None:
    count("tables_from_rows")
    try:
        tables = gd.tables_from_rows(rows, edition)
    except StructureError as exc:
        _located(exc)
        return
    report = gd.Report(agency="a", year=2021, edition=edition, title="t", **tables)
    assert gd.from_rows(gd.to_rows(report), report=report) == report


@fuzz_settings()
@given(mutated_rows(), st.booleans())
def test_from_rows(rows: Any, alone: bool) -> None:
    count("from_rows")
    try:
        if alone:
            for r in rows if isinstance(rows, list) else ():
                if isinstance(r, dict):
                    r.setdefault("agency", "某局")
                    r.setdefault("year", "2021")
                    r.setdefault("edition", "standard-2021")
            report = gd.from_rows(rows)
        else:
            base = gd.from_dict(BASES[0]) if BASES[0]["edition"] != "legacy-2008" else None
            report = gd.from_rows(rows, report=base or gd.examples.load("jianghe-2021"))
    except StructureError as exc:
        _located(exc)
        return
    gd.to_json(report).encode()
    assert gd.from_rows(gd.to_rows(report), report=report) == report
