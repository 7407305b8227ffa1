"""The changes a :class:`~govdisclosure.analysis.ReportDiff` lists — of a cell, of a sum of
cells across editions, of an unmapped cell, of a provincial extra row, a fact, a section, a
field — and the exact arithmetic of a change (difference, ratio, percent)."""

from __future__ import annotations

import difflib
from decimal import Decimal
from fractions import Fraction
from typing import Any, Literal

import attrs

from govdisclosure.analysis._cells import EXACT, CellValue
from govdisclosure.model import Fact
from govdisclosure.money import Amount
from govdisclosure.rules._findings import locale_key

__all__ = [
    "CellChange",
    "FactChange",
    "FieldChange",
    "RowChange",
    "SectionChange",
    "SumChange",
    "Unmapped",
]


def _difference(old: CellValue, new: CellValue) -> CellValue:
    if old is None or new is None:
        return None
    if isinstance(old, Amount) and isinstance(new, Amount):
        return new - old
    if isinstance(old, Amount) or isinstance(new, Amount):
        return None
    if isinstance(old, Decimal) or isinstance(new, Decimal):
        return EXACT.subtract(Decimal(new), Decimal(old))
    return new - old


def _ratio(old: CellValue, new: CellValue) -> Fraction | None:
    if old is None or new is None:
        return None
    if isinstance(old, Amount) and isinstance(new, Amount):
        base, top = Fraction(old.yuan), Fraction(new.yuan)
    elif isinstance(old, Amount) or isinstance(new, Amount):
        return None
    else:
        base, top = Fraction(old), Fraction(new)
    if base == 0:
        return None
    return (top - base) / base


def _percent(ratio: Fraction | None, places: int) -> Decimal | None:
    """``ratio`` as a percentage rounded half-up (away from zero) to ``places``, exactly."""
    if ratio is None:
        return None
    scaled = ratio * 100 * 10**places
    n, d = abs(scaled.numerator), scaled.denominator
    rounded = (2 * n + d) // (2 * d)
    return Decimal(-rounded if scaled < 0 else rounded).scaleb(-places, EXACT)


def _text(value: CellValue) -> str:
    if value is None:
        return "—"
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def _signed(value: CellValue) -> str:
    if value is None:
        return ""
    if isinstance(value, Amount):
        return ("+" if value.value >= 0 else "") + str(value)
    if isinstance(value, Decimal):
        return ("+" if value >= 0 else "") + format(value, "f")
    return f"{value:+d}"


@attrs.frozen
class CellChange:
    """A table cell whose value differs: ``old`` and ``new`` as stated (``None``: blank).

    ``path`` is the cell's JSON path in the new report, ``old_path`` in the old one (they
    differ across editions).
    """

    path: str
    old_path: str
    label: str
    label_en: str
    kind: str
    old: CellValue
    new: CellValue

    @property
    def change(self) -> CellValue:
        """``new − old``, exactly (``None`` when either is blank)."""
        return _difference(self.old, self.new)

    @property
    def relative(self) -> Fraction | None:
        """``(new − old) / old`` as an exact fraction (``None`` when blank or old is 0)."""
        return _ratio(self.old, self.new)

    def percent(self, places: int = 1) -> Decimal | None:
        """The relative change in percent, rounded half-up to ``places`` decimals."""
        return _percent(self.relative, places)

    def where(self, locale: str = "zh_CN") -> str:
        """The cell's label in ``locale``."""
        return self.label if locale_key(locale) == "zh" else self.label_en


@attrs.frozen
class SumChange:
    """A cell of one edition compared with the sum of the cells of the other edition that it
    corresponds to (the 2019 (六)其他处理 row and the three 2021 sub-rows)."""

    single: str
    several: tuple[str, ...]
    label: str
    label_en: str
    side: Literal["old", "new"]
    """Which report holds the single cell."""
    old: CellValue
    new: CellValue

    @property
    def change(self) -> CellValue:
        """``new − old`` (``None`` when either is blank)."""
        return _difference(self.old, self.new)

    def where(self, locale: str = "zh_CN") -> str:
        """The single cell's label in ``locale``."""
        return self.label if locale_key(locale) == "zh" else self.label_en


@attrs.frozen
class Unmapped:
    """A cell of one report with no counterpart in the other's edition, with its value."""

    side: Literal["old", "new"]
    path: str
    label: str
    label_en: str
    value: CellValue
    reason: str

    def where(self, locale: str = "zh_CN") -> str:
        """The cell's label in ``locale``."""
        return self.label if locale_key(locale) == "zh" else self.label_en


@attrs.frozen
class RowChange:
    """A provincial extra row added (``old`` is ``None``), removed (``new`` is ``None``) or
    whose figures changed."""

    attribute: str
    block: str
    label: str
    old: tuple[int | None, ...] | None
    new: tuple[int | None, ...] | None

    @property
    def kind(self) -> Literal["added", "removed", "changed"]:
        """What happened to the row."""
        if self.old is None:
            return "added"
        return "removed" if self.new is None else "changed"


@attrs.frozen
class FactChange:
    """A figure the text states, added, removed or changed (matched by its key)."""

    key: str
    old: Fact | None
    new: Fact | None

    @property
    def kind(self) -> Literal["added", "removed", "changed"]:
        """What happened to the fact."""
        if self.old is None:
            return "added"
        return "removed" if self.new is None else "changed"

    @property
    def label(self) -> str:
        """The fact's label (the new one when there is one)."""
        fact = self.new or self.old
        assert fact is not None
        return fact.label

    @property
    def change(self) -> Decimal | None:
        """The change of the exact value (``None`` unless both sides state one unit)."""
        if self.old is None or self.new is None:
            return None
        a, b = self.old.quantity, self.new.quantity
        if a.unit != b.unit:
            return None
        return EXACT.subtract(b.exact, a.exact)

    def percent(self, places: int = 1) -> Decimal | None:
        """The relative change of the exact value in percent (half-up)."""
        change = self.change
        if change is None or self.old is None or self.old.quantity.exact == 0:
            return None
        return _percent(Fraction(change) / Fraction(self.old.quantity.exact), places)


@attrs.frozen
class SectionChange:
    """A section (or the preamble, ``path`` ``()``) whose heading or paragraphs changed, or
    that was added or removed. ``key`` locates it in its report (ordinal paths)."""

    key: tuple[int, ...]
    old_title: str | None
    new_title: str | None
    old_paragraphs: tuple[str, ...] | None
    new_paragraphs: tuple[str, ...] | None

    @property
    def kind(self) -> Literal["added", "removed", "changed"]:
        """What happened to the section."""
        if self.old_paragraphs is None:
            return "added"
        return "removed" if self.new_paragraphs is None else "changed"

    @property
    def title(self) -> str:
        """The heading (the new one when there is one; "" for the preamble)."""
        return self.new_title if self.new_title is not None else (self.old_title or "")

    def unified(self, context: int = 1) -> list[str]:
        """A unified diff of the paragraphs (one paragraph per line)."""
        old = [*([self.old_title] if self.old_title else []), *(self.old_paragraphs or ())]
        new = [*([self.new_title] if self.new_title else []), *(self.new_paragraphs or ())]
        name = ".".join(map(str, self.key)) or "preamble"
        return list(
            difflib.unified_diff(old, new, f"old/{name}", f"new/{name}", n=context, lineterm="")
        )


@attrs.frozen
class FieldChange:
    """Another field of the report (title, metadata, signature, …) whose value changed."""

    name: str
    old: Any
    new: Any
