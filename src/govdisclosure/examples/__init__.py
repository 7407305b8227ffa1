"""Bundled example reports, also the CLI's default input.

- ``xianning-2015``: a real report (咸宁市民政局, 2015, legacy edition), modelled completely:
  metadata, every heading and paragraph verbatim, the signature, and every figure of the text
  as a located fact with the relations the text states. Its published text is
  :func:`source_text`.
- ``jianghe-2020`` (trial 2019 edition) and ``jianghe-2021`` (standard 2021 edition): reports
  of an invented agency, 江河市自然资源和规划局, with every table filled with internally
  consistent figures; 2021 carries over what 2020 carried forward.

>>> names()
('xianning-2015', 'jianghe-2020', 'jianghe-2021')
>>> load("jianghe-2021").edition
<Edition.STANDARD_2021: 'standard-2021'>
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from govdisclosure.model import Report

__all__ = ["load", "names", "source_text"]

_NAMES = ("xianning-2015", "jianghe-2020", "jianghe-2021")
_SOURCES = {"xianning-2015": "xianning-2015.txt"}


def names() -> tuple[str, ...]:
    """The names of the bundled examples."""
    return _NAMES


def _check(name: str) -> None:
    if name not in _NAMES:
        raise ValueError(f"no bundled example {name!r}; expected one of: {', '.join(_NAMES)}")


@functools.cache
def load(name: str) -> Report:
    """The bundled report ``name`` (reports are immutable, so the same object is shared)."""
    _check(name)
    from govdisclosure.io import from_json

    return from_json(_read(f"{name}.json"))


def _read(filename: str) -> bytes:
    from importlib import resources  # on first use: it is slow to import

    return resources.files(__package__).joinpath(filename).read_bytes()


def source_text(name: str) -> str:
    """The published text a bundled real report was modelled from.

    >>> source_text("xianning-2015").splitlines()[0]
    '咸宁市民政局2015年政府信息公开工作年度报告'
    """
    _check(name)
    if name not in _SOURCES:
        raise ValueError(f"{name!r} is an invented report: it has no published source text")
    return _read(_SOURCES[name]).decode("utf-8")
