"""Registers govdisclosure's strategies with Hypothesis (the ``hypothesis`` entry point).

Hypothesis calls :func:`_hypothesis_setup_hook` when it is imported. The hook registers lazy
resolvers only: importing :mod:`govdisclosure.testing.strategies` here would import Hypothesis
while Hypothesis is still importing itself. Every public record of the model has one (and
``Amount`` and ``Quantity``); :func:`govdisclosure.testing.strategies._by_type` says which
strategy draws each, and a test keeps the two lists equal.
"""

from __future__ import annotations

from typing import Any


def _resolve(cls: type) -> Any:
    from govdisclosure.testing import strategies

    return strategies._by_type()[cls]()


def registered() -> tuple[type, ...]:
    """The types the hook registers: every attrs record of :mod:`govdisclosure.model`, and
    ``Amount`` and ``Quantity``."""
    import attrs

    from govdisclosure import model
    from govdisclosure.money import Amount
    from govdisclosure.numerals import Quantity

    records = [getattr(model, name) for name in model.__all__]
    return (
        *(r for r in records if isinstance(r, type) and attrs.has(r)),
        Amount,
        Quantity,
    )


def _hypothesis_setup_hook() -> None:
    from hypothesis import strategies as st

    for cls in registered():
        st.register_type_strategy(cls, _resolve)
