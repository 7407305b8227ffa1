"""The registry of front ends: one per input format, each turning a source into units.

A front end reads one kind of source — text, Markdown, HTML today; PDF and Word are two more
registrations — and hands the stages after it the same thing: :class:`FrontEndOutput`, the
text every span points into, the :class:`~govdisclosure.parse._units.Line` and
:class:`~govdisclosure.parse._units.Region` units with their spans, and its own findings.
Adding an input format is registering one :class:`FrontEnd`:

>>> from govdisclosure.parse._units import Line
>>> def read_csv(text):
...     return FrontEndOutput(text, tuple(
...         Line(t, i, i + len(t)) for i, t in _lines(text)))
>>> def _lines(text):
...     at = 0
...     for t in text.split("\\n"):
...         yield at, t
...         at += len(t) + 1
>>> register(FrontEnd("csv", read_csv, sniff=lambda head: head.startswith("csv:")))
>>> "csv" in names()
True
>>> unregister("csv")
>>> "csv" in names()
False

Detection asks the binary front ends first, on the raw bytes (a PDF starts ``%PDF-``, a
Word file is a zip holding ``word/document.xml``), then — once the bytes are decoded — the
text front ends in their order of registration; ``text`` is the fallback and sniffs nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import attrs

from govdisclosure.parse._types import ParseFinding
from govdisclosure.parse._units import Unit

__all__ = [
    "FrontEnd",
    "FrontEndOutput",
    "detect",
    "front_end",
    "names",
    "register",
    "suffixes",
    "unregister",
]

#: How much of the source :attr:`FrontEnd.sniff` sees.
SNIFF_BYTES = 4096


@attrs.frozen(slots=True)
class FrontEndOutput:
    """What a front end hands the stages: ``text`` (every span of the units and findings
    points into it: the decoded source for text formats, the rebuilt text for PDF and
    Word), the ``units`` in reading order, and the front end's ``findings``."""

    text: str
    units: tuple[Unit, ...]
    findings: tuple[ParseFinding, ...] = ()


@attrs.frozen(slots=True)
class FrontEnd:
    """One input format.

    ``read`` takes the decoded text (``binary=False``) or the raw bytes (``binary=True``);
    ``sniff`` is asked of the first :data:`SNIFF_BYTES` of the source — bytes for a binary
    front end, text otherwise — and says whether the source is of this format (``None``:
    never detected, only chosen by name). ``broken_lines`` says that its lines are the
    physical lines of a page, which may break a paragraph (text extracted from a page or a
    PDF): the outline then joins a line to the paragraph before it while that paragraph has
    an open bracket or ends with a comma. Markup that marks its paragraphs (HTML, Markdown)
    does not. ``suffixes`` are the lower-case file suffixes of the format
    (``(".html", ".htm")``): what a program walking a folder asks (:func:`suffixes`) to know
    which files are reports.
    """

    name: str
    read: Callable[..., FrontEndOutput]
    sniff: Callable[..., bool] | None = None
    binary: bool = False
    broken_lines: bool = False
    suffixes: tuple[str, ...] = ()


_REGISTRY: dict[str, FrontEnd] = {}


def register(front: FrontEnd, *, before: str | None = None) -> None:
    """Add ``front`` (replacing one of the same name); ``before`` puts it ahead of another
    in the order :func:`detect` asks them."""
    if not isinstance(front, FrontEnd):
        raise TypeError(f"register expects a FrontEnd, got {type(front).__name__}")
    _REGISTRY.pop(front.name, None)
    if before is None or before not in _REGISTRY:
        _REGISTRY[front.name] = front
        return
    items = list(_REGISTRY.items())
    at = next(i for i, (name, _) in enumerate(items) if name == before)
    items.insert(at, (front.name, front))
    _REGISTRY.clear()
    _REGISTRY.update(items)


def unregister(name: str) -> None:
    """Remove the front end ``name`` (a KeyError-free no-op when there is none)."""
    _REGISTRY.pop(name, None)


def names() -> tuple[str, ...]:
    """The registered formats, in the order :func:`detect` asks them."""
    return tuple(_REGISTRY)


def suffixes() -> dict[str, str]:
    """Every file suffix a registered front end reads, and the front end's name.

    >>> suffixes()[".html"], suffixes()[".txt"]
    ('html', 'text')
    """
    return {s: f.name for f in _REGISTRY.values() for s in f.suffixes}


def front_end(name: str) -> FrontEnd:
    """The front end of ``name``; ValueError naming the registered ones otherwise."""
    try:
        return _REGISTRY[name]
    except KeyError:
        raise ValueError(
            f"unknown format {name!r}: expected auto, {', '.join(_REGISTRY)}"
        ) from None


def detect(head: bytes | str, *, binary: bool) -> FrontEnd | None:
    """The first front end whose ``sniff`` accepts ``head``, among the binary front ends
    (``binary=True``, ``head`` the raw bytes) or the text ones."""
    for front in _candidates(binary):
        if front.sniff is not None and front.sniff(head[:SNIFF_BYTES]):
            return front
    return None


def _candidates(binary: bool) -> Iterable[FrontEnd]:
    return (f for f in _REGISTRY.values() if f.binary is binary)
