"""The prose figure finder: :func:`find_quantities` and :class:`FoundQuantity`."""

from __future__ import annotations

import re
from typing import Final

import attrs

from govdisclosure.errors import NumeralError, require_str
from govdisclosure.numerals._text import normalise_with_map
from govdisclosure.numerals._words import (
    COMPARISONS_AFTER,
    COMPARISONS_BEFORE,
    DURATION_NOUNS,
    MEASURE_COMPOUNDS,
    NOT_COUNTED_AFTER,
    PREFIX_WORD_ENDS,
    RANGE_SIGNS,
    RANKS_BEFORE,
)
from govdisclosure.numerals.quantity import (
    _PREFIX_WORDS,
    _QUANTITY_RE,
    Quantity,
    _qualifier_of,
    _quantity_of,
)

__all__ = ["FoundQuantity", "find_quantities"]

_URL_RE: Final = re.compile(
    r"(?:https?|ftp)://[A-Za-z0-9\-._~:/?#\[\]@!$&*+=%]+"
    r"|www\.[A-Za-z0-9\-.]+(?:/[A-Za-z0-9\-._~:/?#@!$&*+=%]*)?"
    r"|[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+"
)


@attrs.frozen(slots=True)
class FoundQuantity:
    """A quantity found in text: ``text[start:end]`` is the verbatim figure, kept as ``text``.

    >>> source = "共受理网上登记审批业务147件,网上年检业务863件。"
    >>> found = find_quantities(source)
    >>> found[0]
    FoundQuantity(quantity=Quantity(value=Decimal('147'), unit='件', qualifier=None),
                  start=11, end=15, text='147件')
    >>> source[found[1].start : found[1].end]
    '863件'
    """

    quantity: Quantity
    start: int
    end: int
    text: str


def _head(text: str, end: int) -> str:
    """The few characters before ``end`` that decide a figure's reading, trailing spaces off."""
    return text[max(0, end - 24) : end].rstrip(" \t")


def _ends_with(text: str, end: int, words: tuple[str, ...]) -> bool:
    """Whether text[:end], ignoring trailing spaces, ends with one of words."""
    return _head(text, end).endswith(words)


def _mask_urls(text: str) -> str:
    return _URL_RE.sub(lambda m: "#" * len(m.group()), text)


def _read(normal: str, match: re.Match[str]) -> tuple[Quantity, int, int] | None:
    """Judge one candidate match in its context: the quantity and its span, or None."""
    if not (match.group("mult") or match.group("measure")):
        return None
    qualifier, problem = _qualifier_of(match)
    if problem is not None:
        return None
    start, end = match.start(), match.end()
    number_start = match.start("number")
    prefix = match.group("prefix")
    if prefix:
        word_end = PREFIX_WORD_ENDS.get(prefix[0], "")
        before = normal[start - 1] if start else ""
        if _ends_with(normal, number_start, COMPARISONS_BEFORE):
            return None
        if (before and before in word_end) or qualifier is not _PREFIX_WORDS[prefix]:
            # 最近3次, 节约3万元: the word is no qualifier; 约300余人: 余 wins.
            start = number_start
            if qualifier is _PREFIX_WORDS[prefix]:
                qualifier = None
    left = start
    head = _head(normal, left)
    if head.endswith(RANKS_BEFORE) or _ends_with(normal, left, COMPARISONS_BEFORE):
        return None  # an ordinal or a rank (第10次, 排名前3名), a comparison (不超过10件)
    if head.endswith(("+", "-", "\u2212", "\u00b1", "/")):
        return None  # a signed change, a phone number, a fraction or a path
    if head.endswith(RANGE_SIGNS) and head[:-1].rstrip(" \t")[-1:].isdigit():
        return None  # the end of a range (11—30件)
    measure = match.group("measure")
    if measure:
        rest = normal[match.end("measure") :]
        if match.group("suffix") is None and rest.startswith(MEASURE_COMPOUNDS.get(measure, ())):
            return None  # 3人民币, 12部门: the measure word begins another word
        if rest.startswith(NOT_COUNTED_AFTER):
            return None  # 共7个部分, 1.5个百分点
        if measure == "个" and rest.lstrip("多余半").startswith(DURATION_NOUNS):
            return None  # 20个工作日, 3个多月
    else:
        nxt = normal[end : end + 1]
        if nxt and (_is_cjk(nxt) or nxt.isalnum() or nxt == "%"):
            return None  # 5万字, 3万平方米: a multiplier of a measure word we do not know
    if match.group("suffix") is None and normal[end:].lstrip(" \t").startswith(COMPARISONS_AFTER):
        return None  # 10件以内
    try:
        quantity = _quantity_of(match, qualifier)
    except NumeralError:
        return None
    return quantity, start, end


def _is_cjk(ch: str) -> bool:
    return (
        "\u3400" <= ch <= "\u9fff"
        or "\uf900" <= ch <= "\ufaff"
        or "\U00020000" <= ch <= "\U0003134f"
    )


def find_quantities(text: str) -> list[FoundQuantity]:
    """Every count and amount written with Arabic digits and a measure word, in order.

    ``text[start:end]`` of each result is the verbatim figure with its qualifier and unit.
    What is *not* reported:

    * dates and years (``2015年``, ``2016年1月29日``, ``201911日``), document numbers
      (``\u30142019\u301560号``, ``第492号``), phone numbers, postcodes and addresses
      (``161号722室``): 年/月/日/号/室 are no measure words, and digits joined by ``-`` are skipped;
    * URLs and e-mail addresses; percentages (``95%``, ``1.5个百分点``);
    * ordinals (``第10次``) and report-structure counts (``共6部分``, ``共7个部分``);
    * durations (``20个工作日``, ``3个月``) and the ends of ranges (``11—30件``);
    * figures bounded above or compared (``不超过10件``, ``不足100人``, ``10件以内``): this
      module has no qualifier for them, and reporting them as exact would be wrong;
    * numbers inside identifiers (``A3``, ``12345热线``), signed changes (``-417``), and a
      thousands-grouped number whose commas are the full-width Chinese ``，``;
    * figures in Chinese numerals (``三件``) — out of scope.

    A multiplier with no measure word after it (``投入资金58.5万,``) is reported with the unit
    ``万`` when punctuation, a space or the end of the text follows it; before another
    character (``5万字``) the measure is unknown and nothing is reported.

    >>> text = "城乡低保对象121702户174131人,共计发放资金36581.5万元;已投入资金58.5万,"
    >>> [f.text for f in find_quantities(text)]
    ['121702户', '174131人', '36581.5万元', '58.5万']
    >>> [f.quantity.unit for f in find_quantities(text)]
    ['户', '人', '万元', '万']
    >>> [f.text for f in find_quantities("第10次位列第一,报告共7个部分,占49.9%,电话:0532-85912121")]
    []
    """
    require_str(text, "find_quantities")
    normal, index = normalise_with_map(text)
    normal = _mask_urls(normal)
    found: list[FoundQuantity] = []
    for match in _QUANTITY_RE.finditer(normal):
        reading = _read(normal, match)
        if reading is None:
            continue
        quantity, start, end = reading
        if "," in match.group("number"):
            commas = [
                index[match.start("number") + i]
                for i, ch in enumerate(match.group("number"))
                if ch == ","
            ]
            if any(text[i] != "," for i in commas):
                continue
        o_start, o_end = index[start], index[end - 1] + 1
        found.append(FoundQuantity(quantity, o_start, o_end, text[o_start:o_end]))
    return found
