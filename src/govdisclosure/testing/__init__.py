"""For the tests of programs that handle 年报: Hypothesis strategies and rule breakers.

- :mod:`.strategies`: valid, consistent reports and their parts, by construction
  (:func:`~.strategies.reports`, :func:`~.strategies.amounts`, …); also importable as
  :mod:`govdisclosure.strategies`.
- :mod:`.breaking`: reports that break exactly one named rule, with the :class:`Expected`
  finding (:func:`reports_breaking`, :func:`break_report`).

Installing govdisclosure registers the strategies with :func:`hypothesis.strategies.from_type`
(through the ``hypothesis`` entry point, :mod:`._plugin`). Needs the ``hypothesis`` extra.

>>> from govdisclosure.testing import Expected, reports_breaking, strategies
>>> strategies.reports  # doctest: +ELLIPSIS
<function reports at ...>
"""

from govdisclosure.testing import strategies
from govdisclosure.testing.breaking import Expected, break_report, reports_breaking

__all__ = ["Expected", "break_report", "reports_breaking", "strategies"]
