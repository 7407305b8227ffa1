"""The vocabulary every room of the rules shares: :class:`Severity`, :class:`L10n` (a text in
Chinese and English), :func:`locale_key`, and the declarations of table sums a rule may carry
(:class:`RowSums`, :class:`ColumnSums`). Below both the catalogue and the findings."""

from __future__ import annotations

import enum
import functools
from typing import Literal

import attrs

__all__ = ["ColumnSums", "L10n", "RowSums", "Severity", "locale_key"]


def locale_key(locale: str) -> Literal["zh", "en"]:
    """``"zh"`` or ``"en"`` for a locale name (``zh_CN``, ``zh-Hans``, ``en``, ``en_US``).

    >>> locale_key("zh_CN"), locale_key("en-GB")
    ('zh', 'en')
    >>> locale_key("fr")
    Traceback (most recent call last):
    ...
    ValueError: unsupported locale 'fr': expected zh_CN or en
    """
    if not isinstance(locale, str):
        raise TypeError(f"locale must be a str such as 'zh_CN' or 'en', got {locale!r}")
    low = locale.lower()
    if low.startswith("zh"):
        return "zh"
    if low.startswith("en"):
        return "en"
    raise ValueError(f"unsupported locale {locale!r}: expected zh_CN or en")


@attrs.frozen(slots=True)
class L10n:
    """A text in Chinese and English.

    >>> L10n("自然人", "Natural persons").get("en")
    'Natural persons'
    """

    zh: str
    en: str

    def get(self, locale: str = "zh_CN") -> str:
        """The text in ``locale``."""
        return self.zh if locale_key(locale) == "zh" else self.en


@functools.total_ordering
class Severity(enum.Enum):
    """How serious a finding is: ``error`` > ``warning`` > ``notice`` > ``info``.

    One vocabulary for the findings of reading (:mod:`govdisclosure.parse`) and of checking;
    the rules of the catalogue use the first three, reading uses ``info`` too.

    >>> Severity("warning") < Severity.ERROR
    True
    >>> sorted(Severity)
    [<Severity.INFO: 'info'>, <Severity.NOTICE: 'notice'>, <Severity.WARNING: 'warning'>,
     <Severity.ERROR: 'error'>]
    >>> Severity.NOTICE.label("zh_CN"), Severity.INFO.label("en")
    ('提示', 'info')
    """

    ERROR = "error"
    WARNING = "warning"
    NOTICE = "notice"
    INFO = "info"

    @property
    def rank(self) -> int:
        """2 for error, 1 for warning, 0 for notice, -1 for info."""
        return _RANKS[self]

    def label(self, locale: str = "zh_CN") -> str:
        """The severity's name in ``locale`` (错误 / 警告 / 提示 / 信息)."""
        return _SEVERITY_LABELS[self].get(locale)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank < other.rank


_RANKS = {Severity.ERROR: 2, Severity.WARNING: 1, Severity.NOTICE: 0, Severity.INFO: -1}
_SEVERITY_LABELS = {
    Severity.ERROR: L10n("错误", "error"),
    Severity.WARNING: L10n("警告", "warning"),
    Severity.NOTICE: L10n("提示", "notice"),
    Severity.INFO: L10n("信息", "info"),
}


@attrs.frozen(slots=True)
class RowSums:
    """Per row of a table: the cell in column ``total`` equals the sum of the other columns.

    One equation per row of table ``table``; the finding is placed on the row's total cell.
    ``argument`` names the row in the message templates: ``"row"`` (表三 “…”行), or
    ``"group"`` for a table printed with its rows as column groups (表四 “行政复议”).
    """

    table: str
    total: str = "total"
    argument: str = "row"


@attrs.frozen(slots=True)
class ColumnSums:
    """Per column of a table: Σ weight(row) · cell = 0, one equation per column.

    ``weights`` gives the weight (+1 or −1) of named rows (dotted keys); rows not named have
    weight ``rest``. The finding is placed on the cell of row ``anchor``. The equation of
    column ``total`` is implied by those of the other columns and the row sums (RowSums) of
    the weighted rows, so it is checked only when one of those could not be checked (a
    blank cell): it can never fail alone.
    """

    table: str
    weights: tuple[tuple[str, int], ...]
    rest: int
    anchor: str
    total: str = "total"
    argument: str = "column"
    """The name of the column in the message templates (表三 “…”列)."""
