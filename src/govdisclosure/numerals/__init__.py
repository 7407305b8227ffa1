"""Chinese numerals, heading ordinals, and the counts and amounts that prose states.

Three small, exact tools the rest of govdisclosure builds on. Nothing here uses ``float``
and nothing reads the ambient :mod:`decimal` context.

**Chinese numerals** to and from ``int``, for 0 … 10**16 - 1:

>>> to_int("二千零二十四"), to_int("一万二"), to_int("壹拾贰")
(2024, 12000, 12)
>>> from_int(10010), from_int(12, financial=True)
('一万零一十', '壹拾贰')

Numerals written **digit by digit**, as years are printed, are the explicit path
:func:`digits_to_int` (which :func:`to_int` refuses); a whole printed date is
:func:`parse_date`, and :func:`find_date` finds the first date in a longer text:

>>> digits_to_int("二\u3007二四"), parse_date("二\u3007一六年一月二十九日")
(2024, datetime.date(2016, 1, 29))
>>> find_date("印发日期:2016-01-29", numeric=True)
datetime.date(2016, 1, 29)

**Ordinals** of headings (一、 (一) 1. 1、), both ways:

>>> split_ordinal("（一）主动公开")
(Ordinal(value=1, style=<OrdinalStyle.PAREN: 'paren'>), '主动公开')
>>> format_ordinal(3, OrdinalStyle.PAREN, fullwidth=True)
'（三）'

**Quantities** as prose prints them, exact or qualified (余 多 近 约 超 超过 以上 左右), with the
range of true values the wording admits:

>>> q = parse_quantity("6.1万余次")
>>> q.value, q.unit, q.qualifier
(Decimal('6.1'), '万次', <Qualifier.YU: '余'>)
>>> q.bounds()
(Decimal('61000'), Decimal('62000'), False, False)
>>> q.admits(61500), q.admits(62000)
(True, False)
>>> text = "2015年,在门户网站公开信息300余条,投入资金约1630万元,占95%。"
>>> [(f.text, str(f.quantity.qualifier)) for f in find_quantities(text)]
[('300余条', 'Qualifier.YU'), ('约1630万元', 'Qualifier.YUE')]

Every function that reads text NFKC-normalises it first, so full-width digits, points and
brackets read like their ASCII forms. Errors are :class:`~govdisclosure.errors.NumeralError`
(also importable from here), a :class:`ValueError` whose message quotes the text and says
what was expected:

>>> try:
...     to_int("十十")
... except ValueError as err:
...     print(err)
'十十' is not a well-formed Chinese numeral: expected digits 零一二三四五六七八九
(or 大写 壹贰叁…) with units 十百千万亿 in the standard order, as in '一千二百三十四'

The package is laid out one room per job: :mod:`~govdisclosure.numerals.chinese` (numerals),
:mod:`~govdisclosure.numerals.dates`, :mod:`~govdisclosure.numerals.ordinals`,
:mod:`~govdisclosure.numerals.quantity`, :mod:`~govdisclosure.numerals.finder` (prose), and
``_words`` (the word lists, as data). Import from ``govdisclosure.numerals``; the submodules
are its rooms, not its face.
"""

from __future__ import annotations

from govdisclosure.errors import NumeralError
from govdisclosure.numerals._words import MEASURE_WORDS
from govdisclosure.numerals.chinese import MAX_NUMERAL, digits_to_int, from_int, to_int
from govdisclosure.numerals.dates import find_date, parse_date
from govdisclosure.numerals.finder import FoundQuantity, find_quantities
from govdisclosure.numerals.ordinals import (
    MAX_ORDINAL,
    Ordinal,
    OrdinalStyle,
    format_ordinal,
    parse_ordinal,
    split_ordinal,
)
from govdisclosure.numerals.quantity import UNITS, Qualifier, Quantity, parse_quantity

__all__ = [
    "MAX_NUMERAL",
    "MAX_ORDINAL",
    "MEASURE_WORDS",
    "UNITS",
    "FoundQuantity",
    "NumeralError",
    "Ordinal",
    "OrdinalStyle",
    "Qualifier",
    "Quantity",
    "digits_to_int",
    "find_date",
    "find_quantities",
    "format_ordinal",
    "from_int",
    "parse_date",
    "parse_ordinal",
    "parse_quantity",
    "split_ordinal",
    "to_int",
]
