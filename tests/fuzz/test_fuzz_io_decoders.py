"""The two decoders of ``from_json`` give the same verdict on the same text.

With the optional ``fast`` extra, :func:`govdisclosure.from_json` decodes with ``orjson`` on
the happy path, and falls back to the standard library's ``json`` for everything else. The
property: for every text — a bundled report, mutated (huge integers, floats, NaN, lone
surrogates, deep nesting …), cut or garbled — ``from_json`` with orjson and ``from_json``
without it return equal reports or raise :class:`~govdisclosure.StructureError` with the
same problems, word for word.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govdisclosure as gd
import govdisclosure.io.json as io_json
from fuzz.conftest import FUZZ_EXAMPLES, fuzz_settings
from fuzz.test_fuzz_io import _dumps, _texts, mutated_documents

orjson = pytest.importorskip("orjson")


def _verdict(text: str | bytes) -> tuple[str, Any]:
    try:
        return "report", gd.from_json(text)
    except gd.StructureError as exc:
        return "refused", [(p.path, p.message, p.label) for p in exc.problems]


def _no_orjson() -> None:
    return None


def _both(text: str | bytes) -> None:
    assert io_json._optional_orjson() is orjson
    fast = _verdict(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(io_json, "_optional_orjson", _no_orjson)
        plain = _verdict(text)
    assert fast == plain


@pytest.mark.parametrize("name", gd.examples.names())
def test_examples(name: str) -> None:
    text = gd.to_json(gd.examples.load(name))
    _both(text)
    _both(text.encode())


@pytest.mark.parametrize(
    "text",
    [
        '{"agency": "某局", "year": 18446744073709551616, "edition": "standard-2021", '
        '"title": "t"}',  # orjson reads it as a float
        '{"agency": "某局", "year": -9223372036854775809, "edition": "standard-2021", '
        '"title": "t"}',
        '{"agency": "某局", "year": 2021.0, "edition": "standard-2021", "title": "t"}',
        '{"agency": "\\ud800", "year": 2021, "edition": "standard-2021", "title": "t"}',
        '{"agency": "某局", "year": NaN, "edition": "standard-2021", "title": "t"}',
        '{"agency": "某局", "year": 1e400, "edition": "standard-2021", "title": "t"}',
        "\ufeff{}",
    ],
)
def test_where_the_decoders_differ(text: str) -> None:
    """Texts orjson reads otherwise than ``json`` (or not at all): the same verdict."""
    _both(text)
    _both(text.encode("utf-8", "surrogatepass"))


@fuzz_settings()
@given(mutated_documents(), st.sampled_from(["str", "bytes", "ascii"]))
def test_mutated_documents(data: Any, form: str) -> None:
    text = _dumps(data)
    if text is None:
        return
    source: str | bytes = text
    if form == "ascii":
        source = json.dumps(json.loads(text))
    elif form == "bytes":
        source = text.encode("utf-8", "surrogatepass")
    _both(source)


@fuzz_settings(max_examples=FUZZ_EXAMPLES)
@given(_texts)
def test_texts(text: str) -> None:
    _both(text)
