"""Registers govdisclosure's strategies with Hypothesis (the ``hypothesis`` entry point).

Hypothesis calls :func:`_hypothesis_setup_hook` when it is imported. The hook registers lazy
resolvers only: importing :mod:`govdisclosure.testing.strategies` here would import Hypothesis
while Hypothesis is still importing itself.
"""

from __future__ import annotations

from typing import Any


def _lazy(name: str, **kwargs: Any) -> Any:
    def resolve(_: type) -> Any:
        from govdisclosure.testing import strategies

        return getattr(strategies, name)(**kwargs)

    return resolve


def _hypothesis_setup_hook() -> None:
    from hypothesis import strategies as st

    from govdisclosure.model import (
        ActiveDisclosure2019,
        ActiveDisclosure2021,
        ApplicantCounts,
        Edition,
        Outcomes,
        Report,
        Requests2019,
        Requests2021,
        ReviewsAndLitigation,
    )
    from govdisclosure.money import Amount

    st.register_type_strategy(Report, _lazy("reports"))
    st.register_type_strategy(Amount, _lazy("amounts"))
    st.register_type_strategy(ApplicantCounts, _lazy("applicant_counts"))
    st.register_type_strategy(Outcomes, _lazy("outcomes"))
    st.register_type_strategy(ReviewsAndLitigation, _lazy("reviews_and_litigation"))
    st.register_type_strategy(Requests2021, _lazy("requests_tables"))
    st.register_type_strategy(Requests2019, _lazy("requests_tables", edition=Edition.TRIAL_2019))
    st.register_type_strategy(ActiveDisclosure2021, _lazy("active_disclosures"))
    st.register_type_strategy(
        ActiveDisclosure2019, _lazy("active_disclosures", edition=Edition.TRIAL_2019)
    )
