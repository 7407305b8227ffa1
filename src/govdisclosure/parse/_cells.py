"""Cell tokens as printed ("12", "", "/", "增15", "-417", "184719元", "160.5964万元") to values.

>>> read_token("增15", "signed").value, read_token("-417", "signed").value
(15, -417)
>>> r = read_token("/", "count"); r.value, r.placeholder
(None, True)
>>> r = read_token("184719元", "decimal"); r.value, r.unit
(Decimal('184719'), '元')
>>> read_token("+5", "count").problem
'signed'
>>> is_value("0"), is_value("规章"), is_value("  "), is_value("—")
(True, False, True, True)
"""

from __future__ import annotations

import functools
import re
import unicodedata
from decimal import Decimal
from typing import Any

import attrs

__all__ = ["CellValue", "clean", "is_blank", "is_value", "read_token"]

_PLACEHOLDERS = frozenset(
    {"/", "//", "\\", "-", "--", "—", "——", "–", "\uff0d", "无", "不适用", "空"}
)
_UNITS = ("亿元", "万元", "元", "件", "条", "个", "项", "次", "人", "户", "宗")
_NUMBER = re.compile(
    r"(?P<sign>[+\-增减])?(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?P<frac>\.\d+)?"
    r"(?P<unit>亿元|万元|元|件|条|个|项|次|人|户|宗)?"
)


@functools.lru_cache(maxsize=16384)
def clean(text: str) -> str:
    """NFKC, no white space (``&nbsp;`` included), minus signs as ``-``."""
    t = text if unicodedata.is_normalized("NFKC", text) else unicodedata.normalize("NFKC", text)
    return "".join(t.split()).replace("−", "-").replace("–", "–")


def is_blank(text: str) -> bool:
    """Whether a cell prints nothing."""
    return not text.strip() and not text.replace("\xa0", "").replace("\u3000", "").strip()


@functools.lru_cache(maxsize=16384)
def is_value(text: str) -> bool:
    """Whether a token is a cell figure (a number, signed or with a unit), a placeholder or
    blank — anything but a label."""
    t = clean(text)
    if not t or t in _PLACEHOLDERS:
        return True
    m = _NUMBER.fullmatch(t)
    return m is not None


@attrs.frozen(slots=True)
class CellValue:
    """A token read for a column of ``kind``: ``value`` (``None`` when blank or unreadable),
    ``unit`` printed, ``placeholder`` for "/" "-" "无"…, ``problem`` when not read: "signed"
    (a sign in an unsigned column), "unit" (a unit not the column's), "decimal" (a fraction
    in a count column), "unreadable"."""

    value: Any
    unit: str | None = None
    placeholder: bool = False
    problem: str | None = None


@functools.lru_cache(maxsize=16384)
def read_token(text: str, kind: str, column_unit: str | None = None) -> CellValue:
    """Read a cell token for a column of ``kind`` ("count", "signed", "amount", "decimal").

    Remembered per distinct (token, kind, unit): the tokens of table cells repeat ("0",
    "/", "1") and a :class:`CellValue` is immutable."""
    t = clean(text)
    if not t:
        return CellValue(None)
    if t in _PLACEHOLDERS:
        return CellValue(None, placeholder=True)
    m = _NUMBER.fullmatch(t)
    if m is None or len(unicodedata.normalize("NFKC", text).split()) > 1:
        return CellValue(None, problem="unreadable")
    sign, num, frac, unit = (
        m.group("sign"),
        m.group("num").replace(",", ""),
        m.group("frac"),
        m.group("unit"),
    )
    if kind in ("count", "signed"):
        if frac:
            return CellValue(None, unit, problem="decimal")
        if unit is not None and unit.endswith("元"):
            return CellValue(None, unit, problem="unit")
        n = int(num)
        if sign is not None:
            if kind != "signed":
                return CellValue(None, unit, problem="signed")
            n = -n if sign in ("-", "减") else n
        return CellValue(n, unit)
    if sign is not None:
        return CellValue(None, unit, problem="signed")
    value = Decimal(num + (frac or ""))
    if kind == "amount":
        if unit is not None and unit != (column_unit or "万元"):
            return CellValue(None, unit, problem="unit")
        return CellValue(value, unit)
    # a decimal whose unit the report prints (2019 采购总金额)
    if unit is not None and not unit.endswith("元"):
        return CellValue(None, unit, problem="unit")
    return CellValue(value, unit)
