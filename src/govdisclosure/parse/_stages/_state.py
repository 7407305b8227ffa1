"""What the stages of reading hand each other: one immutable :class:`State`, and the results
of the stages that read the words (:class:`Outline`, :class:`Inferred`).

A stage never changes what it is given: it returns a new state (``attrs.evolve``) with its
result in its own field and its findings added to :attr:`State.findings`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, TypeVar

import attrs

from govdisclosure.document import (
    Block,
    Coverage,
    Document,
    Heading,
    MetadataBlock,
    Paragraph,
    SignatureBlock,
    Title,
)
from govdisclosure.layout import Edition
from govdisclosure.model import Period
from govdisclosure.parse._frontends import FrontEnd
from govdisclosure.parse._types import Parsed, ParseFinding
from govdisclosure.parse._units import Line, Region, Tok, Unit

__all__ = ["Inferred", "Outline", "Overrides", "Sourced", "State", "need"]

T = TypeVar("T")


def need(value: T | None, what: str) -> T:
    """``value``, which an earlier stage has set (a stage run out of order is a bug)."""
    if value is None:  # pragma: no cover - the stage list runs in order
        raise RuntimeError(f"no {what}: a stage ran before the stage that reads it")
    return value


@attrs.frozen(slots=True)
class Overrides:
    """What the caller says instead of the source: ``parse(edition=, year=, agency=)``."""

    edition: Edition | None = None
    year: int | None = None
    agency: str | None = None


@attrs.frozen(slots=True)
class Sourced:
    """A document block and the lines it was read from: their text as printed is the raw
    text of its provenance, their place is where it was printed. A
    :class:`~govdisclosure.document.MetadataBlock` has one line per item (the item's value as
    printed); a :class:`~govdisclosure.document.SignatureBlock` the agency's line and the
    date's line (the same line when one line prints both)."""

    block: Block
    lines: tuple[Line, ...] = ()

    def start(self) -> int:
        """Where the block starts in the text (the document's order)."""
        span = self.block.span
        return span.start if span is not None else 0


@attrs.frozen(slots=True)
class Outline:
    """The words of a report as document blocks in reading order (title, metadata, headings,
    paragraphs, signature), the table regions left for the table stage, and the findings."""

    blocks: tuple[Sourced, ...]
    regions: tuple[Region, ...]
    findings: tuple[ParseFinding, ...] = ()
    #: The short lines of front matter passed over before the first heading (an agency's
    #: name printed above a title that begins with the year, a document number, a date).
    front: tuple[Line, ...] = ()
    _kinds: dict[type[Any], list[Sourced]] = attrs.field(
        init=False, eq=False, repr=False, alias="_kinds"
    )

    def __attrs_post_init__(self) -> None:
        kinds: dict[type[Any], list[Sourced]] = {}
        for s in self.blocks:
            kinds.setdefault(type(s.block), []).append(s)
        object.__setattr__(self, "_kinds", kinds)

    def of(self, kind: type[T]) -> Iterator[tuple[T, tuple[Line, ...]]]:
        """The blocks of one kind, in reading order, with their lines."""
        for s in self._kinds.get(kind, ()):
            yield s.block, s.lines  # type: ignore[misc]

    @property
    def title(self) -> tuple[Title, Line] | None:
        """The title block and its line."""
        return next(((b, ln[0]) for b, ln in self.of(Title)), None)

    @property
    def metadata(self) -> dict[str, Any]:
        """The metadata read, by attribute (``None`` for a value left empty or unreadable)."""
        return {
            item.attribute: item.value if item.value != "" else None
            for block, _ in self.of(MetadataBlock)
            for item in block.items
            if item.attribute is not None
        }

    @property
    def signature(self) -> SignatureBlock | None:
        """The signature block."""
        return next((b for b, _ in self.of(SignatureBlock)), None)

    @property
    def paragraphs(self) -> tuple[str, ...]:
        """The text of every paragraph, preamble and sections, in reading order."""
        return tuple(b.text for b, _ in self.of(Paragraph))

    @property
    def sections(self) -> tuple[Heading, ...]:
        """The headings of the top-level sections."""
        return tuple(b for b, _ in self.of(Heading) if len(b.path) == 1)


@attrs.frozen(slots=True)
class Inferred:
    """What the report is about: year, edition, title, agency and period, each as stated or
    overridden or guessed (a finding says which), with the lines they were read from."""

    year: int | None
    edition: Edition
    title: str
    agency: str
    period: Period | None = None
    year_line: Line | None = None
    agency_line: Line | None = None
    title_line: Line | None = None
    findings: tuple[ParseFinding, ...] = ()


@attrs.frozen(slots=True)
class State:
    """Everything the stages have read so far; each stage fills its own fields."""

    source: str | bytes
    overrides: Overrides = Overrides()
    front: FrontEnd | None = None
    #: The text every span points into (the decoded source; a binary front end's own text).
    text: str = ""
    units: tuple[Unit, ...] = ()
    findings: tuple[ParseFinding, ...] = ()
    outline: Outline | None = None
    inferred: Inferred | None = None
    #: The document (outline and tables), and the lines of each of its blocks.
    document: Document | None = None
    sources: tuple[tuple[Line, ...], ...] = ()
    #: The JSON path of every table value and extra row label read, with its cell.
    cells: tuple[tuple[str, Tok], ...] = ()
    #: What the source printed of the tables (the contract with the checks).
    coverage: Coverage | None = None
    parsed: Parsed | None = None

    def found(self, findings: tuple[ParseFinding, ...], **changes: Any) -> State:
        """This state with ``changes`` and ``findings`` added after the ones so far."""
        return attrs.evolve(self, findings=self.findings + findings, **changes)
