"""Stage ``front end``: the chosen front end turns the source into units.

Its :class:`~govdisclosure.parse._frontends.FrontEndOutput` gives the text every span points
into, the :class:`~govdisclosure.parse._units.Line` and
:class:`~govdisclosure.parse._units.Region` units in reading order, and its findings.
"""

from __future__ import annotations

from govdisclosure.document import Span
from govdisclosure.layout.match import can_convert, is_traditional
from govdisclosure.parse._stages._state import State, need
from govdisclosure.parse._types import ParseFinding

__all__ = ["run"]

_CONVERTED = (
    "标签和标题按简体字匹配，数值和原文位置不变",
    "labels and headings are matched in simplified characters; values and positions are as printed",
)
_NOT_CONVERTED = (
    "未安装繁简转换组件，标签可能无法识别",
    "no converter is installed (opencc, govdisclosure[traditional]): labels may not be recognised",
)


def run(state: State) -> State:
    """The state with :attr:`State.text` and :attr:`State.units` from the front end; a page
    in traditional characters is said to be (GP104: its labels and headings are matched in
    simplified characters, its values and spans untouched; or, with no converter installed,
    that its labels may not be recognised)."""
    front = need(state.front, "front end")
    out = front.read(state.source if front.binary else state.text)
    findings = tuple(out.findings)
    if is_traditional(out.text):
        how = _CONVERTED if can_convert() else _NOT_CONVERTED
        findings += (ParseFinding("GP104", (("how", how),), Span(0, 0)),)
    return state.found(findings, text=out.text, units=tuple(out.units))
