"""The fuzz suite's convention: every public entry point that takes outside data has a fuzzer.

A fuzzer states one property — **the result, or the library's own error** (a
:class:`~govdisclosure.errors.GovDisclosureError`), never another exception — over
adversarial input: arbitrary text with CJK, digits, Chinese numerals, punctuation and lone
surrogates; long repeated patterns; arbitrary values of every type; a hostile decimal
context. Decorate each test with :func:`fuzz_settings` (after ``@given``, before the test):

    @fuzz_settings()
    @given(text=adversarial_text())
    def test_reader(text: str) -> None:
        result_or_own_error(reader, text)

It runs 200 examples by default (CI stays fast) and 10,000 under
``HYPOTHESIS_PROFILE=thorough``, which is what to run before calling a boundary safe::

    HYPOTHESIS_PROFILE=thorough python -m pytest tests/fuzz -q --hypothesis-show-statistics

Deadlines stay off (the profiles in ``tests/conftest.py``): timing is the benchmarks' job.
This directory is a package (``__init__.py``), so a fuzzer imports the helpers with
``from fuzz.conftest import fuzz_settings, …`` under pytest's default import mode; a new
fuzzer for another room (io, the CLI, the parser) goes here as ``test_fuzz_<room>.py``.
"""

from __future__ import annotations

import decimal
import os
from collections.abc import Callable
from typing import Any, TypeVar

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from govdisclosure.errors import GovDisclosureError

__all__ = [
    "FUZZ_EXAMPLES",
    "adversarial_text",
    "fuzz_settings",
    "hostile_contexts",
    "result_or_own_error",
    "weird_values",
]

#: Examples per fuzzer: 200 by default, 10,000 under HYPOTHESIS_PROFILE=thorough.
FUZZ_EXAMPLES = 10_000 if os.environ.get("HYPOTHESIS_PROFILE") == "thorough" else 200

_T = TypeVar("_T")


def fuzz_settings(**overrides: Any) -> settings:
    """The settings every fuzzer uses: FUZZ_EXAMPLES examples, no deadline.

    Large inputs are the point here, so the health checks about slow or large data are off.
    ``overrides`` are passed on (``max_examples=…`` for a fuzzer that is slow per example).
    """
    options: dict[str, Any] = {
        "max_examples": FUZZ_EXAMPLES,
        "deadline": None,
        "suppress_health_check": [
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.large_base_example,
        ],
    }
    options.update(overrides)
    return settings(**options)


def result_or_own_error(function: Callable[..., _T], *args: Any, **kwargs: Any) -> _T | None:
    """Call ``function``; its result, or None if it raised the library's own error.

    Any other exception (a bare ValueError, decimal.InvalidOperation, RecursionError…)
    propagates and fails the fuzzer, with the input Hypothesis shrank to.
    """
    try:
        return function(*args, **kwargs)
    except GovDisclosureError:
        return None


#: Characters the readers care about, and some they must survive: ASCII and full-width
#: digits and punctuation, Chinese numerals and units (ordinary and 大写), the measure and
#: qualifier words, brackets of ordinals, currency signs, white space of every kind, lone
#: surrogates, and characters whose NFKC form is longer than one character.
_ALPHABET = (
    "0123456789０１２３４５６７８９.,，。、:;%+-−—–~/@#()（）〔〕[]¥￥$ \t\n\r\u3000\xa0\u2028"
    "零〇○一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟萬億"
    "余多近约超过以上左右逾至少第是方面年月日号件条人户次个项元万元亿元人民币部分百分点工作"
    "httpswww.comabcxyzAZ"
    "\ud800\udbff\udc00\udfff\ufffd\ufb01\u2474\u3392\U0002000b"
)


def adversarial_text(max_size: int = 200) -> st.SearchStrategy[str]:
    """Arbitrary text, biased towards what the readers parse, plus long repeated patterns."""
    chars = st.one_of(
        st.sampled_from(_ALPHABET),
        st.characters(exclude_categories=()),  # anything, lone surrogates included
    )
    text = st.text(chars, max_size=max_size)
    repeated = st.builds(
        lambda head, unit, times, tail: head + unit * times + tail,
        st.text(chars, max_size=8),
        st.text(chars, min_size=1, max_size=4),
        st.integers(min_value=1, max_value=3_000),
        st.text(chars, max_size=8),
    )
    return st.one_of(text, repeated)


#: Values of every type, for constructors and functions that take "a number": the edge of
#: each type (huge ints beyond Python's 4,300-digit str limit, NaN, signed zeros, 1E±999999,
#: floats, bools), and things that are no number at all.
def weird_values() -> st.SearchStrategy[object]:
    from decimal import Decimal
    from fractions import Fraction

    huge = st.sampled_from([10**4300, 10**4301, -(10**5000), 2**20_000, 10**200, -(10**201)])
    decimals = st.one_of(
        st.decimals(allow_nan=True, allow_infinity=True),
        st.builds(
            lambda digits, exponent: Decimal(f"{digits}E{exponent}"),
            st.integers(min_value=-(10**250), max_value=10**250),
            st.integers(min_value=-1_000_000, max_value=1_000_000),
        ),
        st.sampled_from([Decimal("-0"), Decimal("sNaN"), Decimal("1E+999999999")]),
    )
    return st.one_of(
        st.integers(),
        huge,
        decimals,
        st.floats(),
        st.booleans(),
        st.none(),
        adversarial_text(60),
        st.binary(max_size=8),
        st.builds(Fraction, st.integers(), st.integers(min_value=1)),
        st.builds(Fraction, huge),
        st.lists(st.integers(), max_size=2),
    )


def hostile_contexts() -> st.SearchStrategy[decimal.Context]:
    """Decimal contexts a caller might have installed: tiny precision, odd rounding, traps."""
    signals = [
        decimal.Inexact,
        decimal.Rounded,
        decimal.Subnormal,
        decimal.Underflow,
        decimal.Overflow,
        decimal.Clamped,
        decimal.FloatOperation,
        decimal.DivisionByZero,
        decimal.InvalidOperation,
    ]
    return st.builds(
        lambda prec, rounding, traps, emax, capitals: decimal.Context(
            prec=prec, rounding=rounding, traps=traps, Emax=emax, Emin=-emax, capitals=capitals
        ),
        st.integers(min_value=1, max_value=6),
        st.sampled_from(
            [decimal.ROUND_DOWN, decimal.ROUND_HALF_EVEN, decimal.ROUND_CEILING, decimal.ROUND_05UP]
        ),
        st.lists(st.sampled_from(signals), unique=True),
        st.integers(min_value=1, max_value=99),
        st.integers(min_value=0, max_value=1),
    )
