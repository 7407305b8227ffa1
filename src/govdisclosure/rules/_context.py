"""What every family of rules is given: :class:`Context`, one object for all of them.

A family reads what it needs from it — the report, last year's report, the policy, the codes
that run — and a caller may hand more through ``inputs`` (analysis gives the sum of a summary's
parts; a reader may give what its source printed) without any other family changing.

>>> from govdisclosure import examples
>>> ctx = Context(examples.load("jianghe-2021"), inputs={"note": "seen"})
>>> ctx.has("previous"), ctx.has("note"), ctx.input("note")
(False, True, 'seen')
"""

from __future__ import annotations

import functools
import types
import weakref
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

import attrs

from govdisclosure.model import Edition, Report
from govdisclosure.rules._catalog import generation, known
from govdisclosure.rules._policy import DEFAULT, Policy

__all__ = ["Context", "codes_that_run", "derived"]

T = TypeVar("T")


def codes_that_run(policy: Policy, edition: Edition) -> frozenset[str]:
    """The codes of every known rule that ``policy`` runs and that applies to ``edition``."""
    if policy is DEFAULT:  # the common case, without hashing the policy
        now = generation()
        if _DEFAULT_RUNS[0] != now:
            _DEFAULT_RUNS[:] = [now, {e: _codes(DEFAULT, e, now) for e in Edition}]
        runs: frozenset[str] = _DEFAULT_RUNS[1][edition]
        return runs
    return _codes(policy, edition, generation())


_DEFAULT_RUNS: list[Any] = [-1, {}]
"""The registry's generation, and the codes that run under the default policy by edition."""


@functools.lru_cache(maxsize=64)
def _codes(policy: Policy, edition: Edition, generation: int) -> frozenset[str]:
    del generation  # a new one whenever a family joins or leaves: a new key
    return frozenset(r.code for r in known() if policy.runs(r.code) and edition in r.editions)


def _runs(value: Iterable[str]) -> frozenset[str]:
    if isinstance(value, str):
        value = (value,)
    return value if isinstance(value, frozenset) else frozenset(value)


_NO_INPUTS: Mapping[str, Any] = types.MappingProxyType({})


def _inputs(value: Mapping[str, Any] | None) -> Mapping[str, Any]:
    if value is None:
        return _NO_INPUTS
    if not isinstance(value, Mapping) or not all(isinstance(k, str) for k in value):
        raise TypeError(f"inputs must be a mapping of names (str) to values, got {value!r}")
    return types.MappingProxyType(dict(value))


_DERIVED: dict[int, tuple[weakref.ref[Report], dict[Callable[[Report], Any], Any]]] = {}
"""What families derived from a report, by the id of the report (kept while it lives)."""


def derived(report: Report, compute: Callable[[Report], T]) -> T:
    """``compute(report)``, computed once per report and shared by every check of it.

    A report is immutable (frozen attrs, tuples all the way down), so what a family derives
    from it alone — the claims its prose makes, its paragraphs' places, its facts by key —
    holds for as long as the report lives; it is forgotten with the report. ``compute`` must
    be a pure function of the report (a module-level function: it is the key), and what it
    returns must not hold the report itself (which would then live as long as the memo).

    >>> from govdisclosure import examples
    >>> r = examples.load("jianghe-2021")
    >>> calls = []
    >>> def titles(report):
    ...     calls.append(1)
    ...     return tuple(s.title for s in report.sections)
    >>> derived(r, titles) is derived(r, titles), len(calls)
    (True, 1)
    """
    ident = id(report)
    entry = _DERIVED.get(ident)
    if entry is None or entry[0]() is not report:
        try:
            ref = weakref.ref(report, functools.partial(_forget, ident))
        except TypeError:  # pragma: no cover - a Report takes weak references
            return compute(report)
        entry = _DERIVED[ident] = (ref, {})
    memo = entry[1]
    try:
        value: T = memo[compute]
    except KeyError:
        value = memo[compute] = compute(report)
    return value


def _forget(ident: int, ref: weakref.ref[Report]) -> None:
    """Drop what was derived from a report that no longer lives (its own entry only)."""
    entry = _DERIVED.get(ident)
    if entry is not None and entry[0] is ref:
        del _DERIVED[ident]


@attrs.frozen(slots=True, eq=False)
class Context:
    """A check's inputs: ``report``; ``previous`` (last year's report of the same agency, or
    ``None``); ``policy``; ``runs`` (the codes that run: by default every known rule the
    policy runs that applies to the report's edition); ``inputs`` (further named inputs, for
    the families that need them: :attr:`Family.needs <govdisclosure.rules.Family.needs>`).
    """

    report: Report
    previous: Report | None = None
    policy: Policy = DEFAULT
    runs: frozenset[str] = attrs.field(
        default=attrs.Factory(lambda self: codes_that_run(self.policy, self.report.edition), True),
        converter=_runs,
    )
    inputs: Mapping[str, Any] = attrs.field(default=None, converter=_inputs)

    def derived(self, compute: Callable[[Report], T]) -> T:
        """``compute(self.report)``, once per report (:func:`derived`)."""
        return derived(self.report, compute)

    def has(self, name: str) -> bool:
        """Whether the input ``name`` is given (``"previous"`` is one too)."""
        if name == "previous":
            return self.previous is not None
        return name in self.inputs

    def input(self, name: str) -> Any:
        """The input ``name``; :class:`KeyError` naming the inputs given otherwise."""
        if name == "previous":
            return self.previous
        try:
            return self.inputs[name]
        except KeyError:
            given = ", ".join(self.inputs) or "none"
            raise KeyError(f"no input {name!r} in the context (given: {given})") from None
