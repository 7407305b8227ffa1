"""``govdisclosure aggregate``: see :mod:`govdisclosure.cli._batch`."""

from __future__ import annotations

from govdisclosure.cli._batch import add_aggregate_parser as add_parser
from govdisclosure.cli._batch import run_aggregate as run

__all__ = ["add_parser", "run"]
