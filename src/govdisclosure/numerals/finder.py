"""The prose figure finder: :func:`find_quantities` and :class:`FoundQuantity`."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

import attrs

from govdisclosure.errors import NumeralError, require_str
from govdisclosure.numerals._text import normalise_with_map
from govdisclosure.numerals._words import (
    CN_NOT_COUNTS,
    CN_VAGUE_BEFORE,
    CN_WORDS_ENDING_IN_ONE,
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
    _CN_QUANTITY_RE,
    _CN_RUN,
    _PREFIX_WORDS,
    _QUANTITY_RE,
    Qualifier,
    Quantity,
    _qualifier_of,
    _quantity_of,
)

__all__ = ["FoundQuantity", "find_quantities"]

_URL_ALTERNATIVES: Final = (
    r"(?:https?|ftp)://[A-Za-z0-9\-._~:/?#\[\]@!$&*+=%]+",
    r"|www\.[A-Za-z0-9\-.]+(?:/[A-Za-z0-9\-._~:/?#@!$&*+=%]*)?",
    r"|{start}[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+",
)
#: URLs and e-mail addresses; an address starts only where a run of its characters starts.
_URL_RE: Final = re.compile("".join(_URL_ALTERNATIVES).format(start=r"(?<![A-Za-z0-9._%+\-])"))
#: The same, anchored where a previous match ended (no condition on what precedes).
_URL_AT: Final = re.compile("".join(_URL_ALTERNATIVES).format(start=""))


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
    """Every URL and e-mail address replaced by as many ``#``, in one linear pass.

    ``_URL_RE`` lets an e-mail address start only where a run of its characters starts, so a
    failed address ("1" * n, "a" * n + "@") is scanned once, not from every position in it.
    A match that ends inside such a run is the one exception (an address may begin right
    after a URL); ``_URL_AT`` tries that one position, as the plain pattern would.
    """
    parts: list[str] = []
    pos = 0
    while True:
        match = _URL_AT.match(text, pos) if pos else None
        if match is None:
            match = _URL_RE.search(text, pos)
        if match is None:
            break
        parts.append(text[pos : match.start()])
        parts.append("#" * (match.end() - match.start()))
        pos = match.end()
    parts.append(text[pos:])
    return "".join(parts)


def _skip(pattern: re.Pattern[str], text: str, pos: int) -> int:
    """The position after the run of ``pattern`` at ``pos`` (no slicing of the rest)."""
    run = pattern.match(text, pos)
    return pos if run is None else run.end()


_SPACES: Final = re.compile(r"[ \t]+")
_DUO_YU_BAN: Final = re.compile("[多余半]+")


def _prefix_reading(
    normal: str, match: re.Match[str], qualifier: Qualifier | None
) -> tuple[int, Qualifier | None] | None:
    """Where the figure starts and its qualifier once the prefix word is judged; None: skip."""
    start, number_start = match.start(), match.start("number")
    prefix = match.group("prefix")
    if not prefix:
        return start, qualifier
    word_end = PREFIX_WORD_ENDS.get(prefix[0], "")
    before = normal[start - 1] if start else ""
    if _ends_with(normal, number_start, COMPARISONS_BEFORE):
        return None
    if (before and before in word_end) or qualifier is not _PREFIX_WORDS[prefix]:
        # 最近3次, 节约3万元: the word is no qualifier; 约300余人: 余 wins.
        if qualifier is _PREFIX_WORDS[prefix]:
            qualifier = None
        return number_start, qualifier
    return start, qualifier


def _excluded_before(normal: str, left: int, chinese: bool) -> bool:
    """Whether what precedes the figure makes it no count (see find_quantities)."""
    head = _head(normal, left)
    if head.endswith(RANKS_BEFORE) or _ends_with(normal, left, COMPARISONS_BEFORE):
        return True  # an ordinal or a rank (第10次, 排名前3名), a comparison (不超过10件)
    if head.endswith(("+", "-", "\u2212", "\u00b1", "/")):
        return True  # a signed change, a phone number, a fraction or a path
    if head.endswith(RANGE_SIGNS):
        previous = head[:-1].rstrip(" \t")[-1:]
        if previous.isdigit() or (chinese and previous and previous in _CN_RUN):
            return True  # the end of a range (11—30件, 三至五件)
    return chinese and head.endswith(CN_VAGUE_BEFORE)  # 数十件, 上百人


def _excluded_after(normal: str, match: re.Match[str], chinese: bool) -> bool:
    """Whether what follows the figure makes it no count (see find_quantities)."""
    end = match.end()
    measure = match.group("measure")
    if measure:
        after = match.end("measure")
        compounds = MEASURE_COMPOUNDS.get(measure, ())
        if match.group("suffix") is None and normal.startswith(compounds, after):
            return True  # 3人民币, 12部门: the measure word begins another word
        if normal.startswith(NOT_COUNTED_AFTER, after):
            return True  # 共7个部分, 1.5个百分点
        if measure == "个" and normal.startswith(DURATION_NOUNS, _skip(_DUO_YU_BAN, normal, after)):
            return True  # 20个工作日, 3个多月
    elif chinese:
        return True  # a Chinese numeral counts only before a measure word
    else:
        nxt = normal[end : end + 1]
        if nxt and (_is_cjk(nxt) or nxt.isalnum() or nxt == "%"):
            return True  # 5万字, 3万平方米: a multiplier of a measure word we do not know
    return match.group("suffix") is None and normal.startswith(
        COMPARISONS_AFTER, _skip(_SPACES, normal, end)
    )  # 10件以内


def _chinese_word(normal: str, match: re.Match[str]) -> bool:
    """Whether a Chinese numeral and what follows it is a word, not a count (一起, 统一)."""
    number_start = match.start("number")
    if normal.startswith(CN_NOT_COUNTS, number_start):
        return True
    before = normal[number_start - 1] if number_start else ""
    return match.group("number") == "一" and bool(before) and before in CN_WORDS_ENDING_IN_ONE


def _read(normal: str, match: re.Match[str], chinese: bool) -> tuple[Quantity, int, int] | None:
    """Judge one candidate match in its context: the quantity and its span, or None."""
    if not (match.group("mult") or match.group("measure")):
        return None
    qualifier, problem = _qualifier_of(match)
    if problem is not None:
        return None
    reading = _prefix_reading(normal, match, qualifier)
    if reading is None:
        return None
    start, qualifier = reading
    if _excluded_before(normal, start, chinese) or _excluded_after(normal, match, chinese):
        return None
    if chinese and _chinese_word(normal, match):
        return None
    try:
        quantity = _quantity_of(match, qualifier)
    except NumeralError:
        return None
    return quantity, start, match.end()


def _is_cjk(ch: str) -> bool:
    return (
        "\u3400" <= ch <= "\u9fff"
        or "\uf900" <= ch <= "\ufaff"
        or "\U00020000" <= ch <= "\U0003134f"
    )


def find_quantities(text: str, *, chinese: bool = False) -> list[FoundQuantity]:
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
    * figures in Chinese numerals (``三件``), unless ``chinese=True``.

    With ``chinese=True`` a count written in Chinese numerals before a measure word is
    reported too (``收到申请两件`` → 2件, ``十二条``, ``一百余人``), with the same exclusions,
    and never an ordinal (``第三次``), a list marker (``一是``, ``一方面``, ``一、``), a vague
    figure (``数十件``, ``几百人``, ``上百人``), a numeral read digit by digit (``三四个``), a
    lone 一 that ends a word (``统一``, ``唯一``), or a word (``一起``, ``一次性``). It
    needs a measure word: ``三万`` alone is not reported.

    Linear in the length of ``text``: a whole page, or a megabyte of digits, is one pass.

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
    >>> prose = "收到申请两件,第三次会议,一是公开十二条,数十件"
    >>> [(f.text, str(f.quantity)) for f in find_quantities(prose, chinese=True)]
    [('两件', '2件'), ('十二条', '12条')]
    """
    require_str(text, "find_quantities")
    normal, index = normalise_with_map(text)
    normal = _mask_urls(normal)
    found = [
        figure
        for match in _QUANTITY_RE.finditer(normal)
        if (figure := _found(text, normal, index, match, chinese=False)) is not None
    ]
    if chinese:
        found.extend(
            figure
            for match in _CN_QUANTITY_RE.finditer(normal)
            if (figure := _found(text, normal, index, match, chinese=True)) is not None
        )
        found.sort(key=lambda f: f.start)
    return found


def _found(
    text: str, normal: str, index: Sequence[int], match: re.Match[str], *, chinese: bool
) -> FoundQuantity | None:
    """The FoundQuantity of one candidate match, in the offsets of the original text."""
    reading = _read(normal, match, chinese)
    if reading is None:
        return None
    quantity, start, end = reading
    number = match.group("number")
    if "," in number:
        commas = [index[match.start("number") + i] for i, ch in enumerate(number) if ch == ","]
        if any(text[i] != "," for i in commas):
            return None
    o_start, o_end = index[start], index[end - 1] + 1
    return FoundQuantity(quantity, o_start, o_end, text[o_start:o_end])
