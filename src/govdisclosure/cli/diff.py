"""``govdisclosure diff``: see :mod:`govdisclosure.cli._batch`."""

from __future__ import annotations

from govdisclosure.cli._batch import add_diff_parser as add_parser
from govdisclosure.cli._batch import run_diff as run

__all__ = ["add_parser", "run"]
