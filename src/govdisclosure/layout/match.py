"""THE label matcher: printed headings and labels to the places of an edition's layout.

Everything that reads a label a person printed goes through here — the tidy-row reader, the
renderers' English headings, the outline rule, and the reader of published reports — so a
new alias or a typo seen in real reports is taught once, as data in the edition's module.

Matching compares :func:`~govdisclosure.layout.label_key` forms (NFKC, no white space, no
quotes, 情况 as 情形). Beyond exact matches of official labels and aliases, :meth:`Matcher.near`
offers the closest labels by edit distance ("did you mean …?"), for callers that want to
guess and say so.

>>> from govdisclosure.layout import Edition
>>> m = matcher(Edition.STANDARD_2021)
>>> m.section("四、因政府信息公开工作被申请行政复议、提起行政诉讼情况").ordinal
4
>>> m.cell("三", "三、本年度办理结果 / (三)不予公开 / 1.属于国家秘密", "自然人").key
'withheld.state_secret.natural_person'
>>> m.cell("三", "三、本年度办理结果/(三)不予公开/1.属于国家秘密", "商业 企业").key
'withheld.state_secret.commercial'
>>> m.block("二", "第二十条（一）项").label
'第二十条第(一)项'
>>> m.near("row", "三", "5.属于三类内容事物信息")[0].place.key
'withheld.internal_affairs'

A row may also be named by the tail of its label path — its leaf label alone, as printed
tables and spreadsheets write it — resolved within the group it stands under
(:meth:`Matcher.row`); group headings are found the same way:

>>> m.row("三", "1.属于国家秘密").row.key
'withheld.state_secret'
>>> heading = m.row("三", "(四)无法提供")
>>> heading.row is None, heading.labels
(True, ('三、本年度办理结果', '(四)无法提供'))
>>> m.row("三", "1.本机关不掌握相关政府信息", under=heading.labels).row.key
'unable.not_held'
>>> m.row("二", "规章（设区的市、自治州人民政府应提供相关数据）").row.key
'regulations'

A label followed by a parenthetical note (a Hubei template prints
"规章(设区的市、自治州人民政府应提供相关数据)") is the official row: :func:`split_note` gives
the label and the note.

>>> row = "第二十条第(一)项 / 规章（设区的市、自治州人民政府应提供相关数据）"
>>> m.cell("二", row, "本年制发件数").key
'regulations.issued'
"""

from __future__ import annotations

import functools
import itertools
import operator
import re
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from govdisclosure.layout._editions import layout_of
from govdisclosure.layout._types import (
    BlockLayout,
    CellLayout,
    ColumnLayout,
    Edition,
    RowLayout,
    SectionLayout,
    TableLayout,
    label_key,
)
from govdisclosure.numerals import split_ordinal

__all__ = [
    "EDITION_MARKERS",
    "TRADITIONAL_MARKS",
    "ExtraCell",
    "LabelHit",
    "Matcher",
    "NearMiss",
    "RowHit",
    "can_convert",
    "heading_key",
    "is_official_row",
    "is_traditional",
    "joined_key",
    "matcher",
    "section_key",
    "simplified",
    "split_note",
]


def split_note(label: str) -> tuple[str, str | None]:
    """A printed row label and the parenthetical note after it, if any.

    Some templates annotate official rows ("规章(设区的市、自治州人民政府应提供相关数据)"); the
    row is the official one and the note is kept apart. A label that is only a parenthetical,
    or ends with none, has no note; nested brackets inside the note are kept.

    >>> split_note("规章（设区的市、自治州人民政府应提供相关数据）")
    ('规章', '设区的市、自治州人民政府应提供相关数据')
    >>> split_note("行政规范性文件"), split_note("(七)总计")
    (('行政规范性文件', None), ('(七)总计', None))
    """
    text = label.strip()
    if not text or text[-1] not in ")）":
        return text, None
    depth = 0
    for i in range(len(text) - 1, -1, -1):
        ch = text[i]
        if ch in ")）":
            depth += 1
        elif ch in "(（":
            depth -= 1
            if depth == 0:
                head = text[:i].strip()
                return (head, text[i + 1 : -1].strip()) if head else (text, None)
    return text, None


#: Characters only traditional script writes, common in these reports: a page that prints
#: them is in traditional characters even where no converter is installed to say so.
TRADITIONAL_MARKS: frozenset[str] = frozenset(
    "條複議諮詢資訊開處與為區縣機關會計總統請應個無關於這發說報業務門戶網齊類舉訴處際財產營"
    "們從來對時長當實際單幾聯絡環節辦況決題責進廣東審檢執認證導電話號碼額費稅結數據轉權點"
)


@functools.cache
def _converter() -> Any:
    """OpenCC's traditional-to-simplified converter, or ``None`` when the optional
    ``opencc`` package (``govdisclosure[traditional]``) is not installed."""
    try:
        import opencc
    except ImportError:  # pragma: no cover - the extra is installed where it is tested
        return None
    return opencc.OpenCC("t2s")


def can_convert() -> bool:
    """Whether traditional characters can be converted (the ``opencc`` package is installed)."""
    return _converter() is not None


@functools.lru_cache(maxsize=16384)
def simplified(text: str) -> str:
    """``text`` in simplified characters, for matching only (OpenCC's t2s; ``text`` itself
    when it is ASCII or no converter is installed). Values and spans are never converted.

    >>> want = "政府信息公开行政复议、行政诉讼情况"
    >>> simplified("政府信息公開行政複議、行政訴訟情況") if can_convert() else want
    '政府信息公开行政复议、行政诉讼情况'
    """
    if text.isascii():
        return text
    convert = _converter()
    if convert is None:  # pragma: no cover - see _converter
        return text
    out = convert.convert(text)
    return out if isinstance(out, str) and len(out) == len(text) else text


_HAN = re.compile("[\u4e00-\u9fff]")


def is_traditional(text: str) -> bool:
    """Whether ``text`` (a page) is written in traditional characters: a few characters only
    traditional script writes, and more of them than one in a hundred of its Chinese ones.

    >>> is_traditional("政府信息公開工作年度報告，條例第五十條")
    True
    >>> is_traditional("政府信息公开工作年度报告")
    False
    """
    sample = text[:20000]
    if next(itertools.islice(_HAN.finditer(sample), 7, None), None) is None:
        return False  # fewer than eight Chinese characters (found the first eight at most)
    if can_convert():
        converted = simplified(sample)
        if converted == sample:  # the common case, at the speed of one comparison
            return False
        differ: int = sum(map(operator.ne, sample, converted))
    else:  # pragma: no cover - see _converter
        differ = sum(1 for ch in sample if ch in TRADITIONAL_MARKS)
    return differ >= 3 and differ * 100 >= len(_HAN.findall(sample))


#: The words a heading may add before or around the official title ("政务公开工作总体情况",
#: "政府信息公开工作总体情况" for 总体情况), and the final punctuation it may end with.
_HEADING_LEAD = re.compile(r"^(?:政务公开|政府信息公开)(?:工作)?(?=总体|基本|存在|其他)")
_HEADING_END = "。.:：;；,，、!！"


@functools.lru_cache(maxsize=4096)
def section_key(title: str) -> str:
    """The one key by which a section heading is matched, by the reader and by the checks:
    :func:`heading_key` of the title in simplified characters, without final punctuation,
    without the words "政务公开工作" / "政府信息公开工作" put before 总体情况 and the like, "的"
    dropped and "和" read as "及".

    >>> section_key("一、主动公开政府信息的情况:") == section_key("二、主动公开政府信息情况")
    True
    >>> section_key("政务公开工作总体情况；") == section_key("总体情况")
    True
    >>> section_key("存在的主要问题和改进情况") == section_key("存在的主要问题及改进情况")
    True
    """
    key = heading_key(simplified(title)).rstrip(_HEADING_END)
    key = _HEADING_LEAD.sub("", key)
    return key.replace("的", "").replace("和", "及")


@functools.lru_cache(maxsize=4096)
def heading_key(title: str) -> str:
    """The matching key of a heading: its ordinal (一、 (一) 1.) and final punctuation off.

    >>> heading_key("二、主动公开政府信息情况：")
    '主动公开政府信息情形'
    """
    split = split_ordinal(title)
    rest = split[1] if split is not None else title
    return label_key(rest).rstrip("。.:：")


def joined_key(labels: str | Iterable[str]) -> str:
    """The matching key of a label path: " / "-joined or not, spaced or not.

    >>> joined_key(("(三)不予公开", "1.属于国家秘密"))
    '(三)不予公开/1.属于国家秘密'
    >>> joined_key("(三) 不予公开 / 1.属于国家秘密")
    '(三)不予公开/1.属于国家秘密'
    """
    text = labels if isinstance(labels, str) else "/".join(labels)
    return label_key(text)


@attrs.frozen(slots=True)
class NearMiss:
    """A label of the layout close to a printed one: what it is, and how far it was."""

    label: str
    """The official label (or alias) that came close."""
    distance: int
    """The edit distance between the two :func:`label_key` forms."""
    place: SectionLayout | RowLayout | ColumnLayout | BlockLayout


@attrs.frozen(slots=True)
class ExtraCell:
    """A figure of a provincial extra row: its block, the row label as printed, the column."""

    block: BlockLayout
    label: str
    column: int


@attrs.frozen(slots=True)
class RowHit:
    """What a printed row label names: a row of the layout, or a group heading above rows.

    ``labels`` is the official label path (outermost first, the block's label included in
    table 二): of the row, or of the group when ``row`` is ``None``.
    """

    labels: tuple[str, ...]
    block: BlockLayout
    row: RowLayout | None = None


def _distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance when at most ``limit``, else ``limit + 1``.

    Only the band of the table within ``limit`` of its diagonal is computed (a cell outside
    it is more than ``limit`` edits by the lengths alone), so a label of length ``n`` costs
    ``n * (2 * limit + 1)`` steps, and the search stops at the first row past ``limit``.

    >>> _distance("属于三类内部事务信息", "属于三类内容事物信息", 3)
    2
    >>> _distance("kitten", "sitting", 2), _distance("abc", "abc", 0), _distance("ab", "", 1)
    (3, 0, 2)
    """
    la, lb = len(a), len(b)
    over = limit + 1
    if abs(la - lb) > limit:
        return over
    if a == b:
        return 0
    previous = [j if j <= limit else over for j in range(lb + 1)]
    for i in range(1, la + 1):
        ca = a[i - 1]
        current = [over] * (lb + 1)
        low = i if i <= limit else over
        current[0] = low
        for j in range(max(1, i - limit), min(lb, i + limit) + 1):
            v = previous[j - 1] + (ca != b[j - 1])
            w = previous[j] + 1
            if w < v:
                v = w
            w = current[j - 1] + 1
            if w < v:
                v = w
            if v > over:
                v = over
            current[j] = v
            if v < low:
                low = v
        if low > limit:
            return over
        previous = current
    return previous[lb]


def is_official_row(block: BlockLayout, label: str) -> bool:
    """Whether ``label`` names one of ``block``'s official rows (or an alias of one).

    >>> from govdisclosure.layout import Edition, layout_of
    >>> block = layout_of(Edition.TRIAL_2019).table("二").blocks[0]
    >>> is_official_row(block, "规 章"), is_official_row(block, "其他主动公开文件")
    (True, False)
    """
    keys = {label_key(label), label_key(split_note(label)[0])}
    return any(label_key(x) in keys for r in block.rows for x in (r.labels[-1], *r.aliases))


def _add_tails(
    rows: dict[tuple[str, str], list[RowHit]],
    table: TableLayout,
    printed: tuple[str, ...],
    official: tuple[str, ...],
    block: BlockLayout,
    row: RowLayout | None,
) -> None:
    for start in range(len(printed)):
        hits = rows.setdefault((table.number, joined_key(printed[start:])), [])
        if not any(h.labels == official for h in hits):
            hits.append(RowHit(official, block, row))


_Keyed = tuple[
    int,
    str,
    str,
    frozenset[str],
    dict[int, None],
    SectionLayout | RowLayout | ColumnLayout | BlockLayout,
]
"""A candidate of :meth:`Matcher.near`: its order in the layouts, label, key, key's
characters (a set, and a table that deletes them), place."""


class Matcher:
    """The labels of one edition, indexed for matching; get one with :func:`matcher`."""

    def __init__(self, edition: Edition) -> None:
        self.edition = edition
        self.layout = layout_of(edition)
        self._sections: dict[str, SectionLayout] = {}
        for s in self.layout.sections:
            for title in (s.title, *s.aliases):
                self._sections.setdefault(section_key(title), s)
        # the cells, blocks and rows by their label paths, built on first use (the reader of
        # published reports asks only for sections and labels)
        self._paths: (
            tuple[
                dict[tuple[str, str, str], CellLayout],
                dict[tuple[str, str], BlockLayout],
                dict[tuple[str, str], list[RowHit]],
            ]
            | None
        ) = None
        self._label_hits: dict[str, list[LabelHit]] = _label_index(self.layout.tables)
        self._near_keys: dict[tuple[str, str | None], dict[int, list[_Keyed]]] = {}

    def _index(
        self,
    ) -> tuple[
        dict[tuple[str, str, str], CellLayout],
        dict[tuple[str, str], BlockLayout],
        dict[tuple[str, str], list[RowHit]],
    ]:
        """The cells, blocks and rows by their label paths (made once, on first use)."""
        if self._paths is None:
            paths: tuple[
                dict[tuple[str, str, str], CellLayout],
                dict[tuple[str, str], BlockLayout],
                dict[tuple[str, str], list[RowHit]],
            ] = ({}, {}, {})
            for table in self.layout.tables:
                self._index_table(table, paths[0], paths[1])
                self._index_rows(table, paths[2])
            self._paths = paths
        return self._paths

    def _index_table(
        self,
        table: TableLayout,
        cells_by_path: dict[tuple[str, str, str], CellLayout],
        blocks: dict[tuple[str, str], BlockLayout],
    ) -> None:
        cells = iter(table.cells)
        for block in table.blocks:
            names = [block.labels, *((a,) for a in block.aliases)] if block.labels else [()]
            for name in names:
                if name:
                    blocks[table.number, label_key(name[0])] = block
            leaves = [c.labels[-1] for c in block.columns]
            for row in block.rows:
                for col in block.columns:
                    cell = next(cells)
                    for prefix in names:
                        for last in (row.labels[-1], *row.aliases):
                            row_key = joined_key((*prefix, *row.labels[:-1], last))
                            cells_by_path[table.number, row_key, joined_key(col.labels)] = cell
                            if leaves.count(col.labels[-1]) == 1:  # "商业企业" alone
                                cells_by_path[table.number, row_key, label_key(col.labels[-1])] = (
                                    cell
                                )

    def _index_rows(self, table: TableLayout, rows: dict[tuple[str, str], list[RowHit]]) -> None:
        """Every tail of every row's and group's label path (aliases included)."""
        for block in table.blocks:
            names = [block.labels, *((a,) for a in block.aliases)] if block.labels else [()]
            for row in block.rows:
                official = (*block.labels, *row.labels)
                for name in names:
                    for last in (row.labels[-1], *row.aliases):
                        printed = (*name, *row.labels[:-1], last)
                        _add_tails(rows, table, printed, official, block, row)
                    for depth in range(1, len(official)):  # the groups above the row
                        group = (*name, *row.labels[: depth - len(block.labels)])
                        if len(group) == depth:
                            _add_tails(rows, table, group, official[:depth], block, None)

    # ---- exact matches ----------------------------------------------------------------------

    def row(
        self, table: str, label: str | Sequence[str], *, under: Sequence[str] = ()
    ) -> RowHit | None:
        """The row or group heading of table ``table`` (its number) that ``label`` names.

        ``label`` is a label path — whole, or a tail of it down to the leaf label alone
        ("1.属于国家秘密"); joined with "/" or given as a sequence. Where a tail names several
        places, the one within ``under`` (the official label path of the group the label
        stands under, as :attr:`RowHit.labels` gives it) is chosen; ``None`` when nothing,
        or nothing unambiguous, matches.
        """
        rows = self._index()[2]
        hits = rows.get((table, joined_key(label)))
        if not hits and isinstance(label, str):  # "规章(设区的市…应提供相关数据)": the row
            head, note = split_note(label)
            if note is not None:
                hits = rows.get((table, joined_key(head)))
        if not hits:
            return None
        if len(hits) == 1:
            return hits[0]
        context = tuple(under)
        best, depth = [], -1
        for hit in hits:
            shared = 0
            for a, b in zip(hit.labels, context, strict=False):
                if a != b:
                    break
                shared += 1
            if shared > depth:
                best, depth = [hit], shared
            elif shared == depth:
                best.append(hit)
        return best[0] if len(best) == 1 else None

    def is_row_label(self, table: str, label: str | Sequence[str]) -> bool:
        """Whether ``label`` names some row or group heading of table ``table``."""
        return (table, joined_key(label)) in self._index()[2]

    def section(self, title: str) -> SectionLayout | None:
        """The top-level section a heading names (by :func:`section_key`: ordinal, final
        punctuation, common variant words and traditional characters aside)."""
        return self._sections.get(section_key(title))

    def cell(
        self, table: str, row: str | Sequence[str], column: str | Sequence[str]
    ) -> CellLayout | None:
        """The cell of table ``table`` (its number) at a row and a column label path.

        Paths may be joined with "/" or given as sequences; a column may be named by its
        leaf label alone where that is unique in its block ("商业企业"). A row label followed
        by a parenthetical note (:func:`split_note`) is the row without the note.
        """
        column_key = joined_key(column)
        cells = self._index()[0]
        hit = cells.get((table, joined_key(row), column_key))
        if hit is not None:
            return hit
        if isinstance(row, str):
            head, sep, last = row.rpartition("/")
            label, note = split_note(last)
            stripped: str | Sequence[str] = head + sep + label
        else:
            label, note = split_note(row[-1]) if row else ("", None)
            stripped = (*row[:-1], label)
        if note is None:
            return None
        return cells.get((table, joined_key(stripped), column_key))

    def block(self, table: str, label: str) -> BlockLayout | None:
        """The block of table ``table`` whose official label or alias ``label`` is."""
        return self._index()[1].get((table, label_key(label)))

    def extra_cell(self, table: str, row: str, column: str) -> ExtraCell | None:
        """A figure of a provincial extra row of table 二: ``row`` is the block's label, "/",
        and a row label that is none of the block's own; ``column`` one of its count columns.
        """
        layout = next((t for t in self.layout.tables if t.number == table), None)
        if layout is None:
            return None
        key = joined_key(row)
        for block in layout.blocks:
            if not block.labels:
                continue
            names = {label_key(block.labels[0]), *(label_key(a) for a in block.aliases)}
            prefix = next((n + "/" for n in names if key.startswith(n + "/")), None)
            if prefix is None or len(key) == len(prefix):
                continue
            columns = [joined_key(c.labels) for c in block.columns]
            col_key = joined_key(column)
            if col_key not in columns or not block.counts_only:
                return None
            label = row.split("/", 1)[1].strip() if isinstance(row, str) else row
            if is_official_row(block, str(label)):
                return None  # an official row, perhaps annotated: not an extra row
            return ExtraCell(block, str(label), columns.index(col_key))
        return None

    def labels(self, text: str, *, near: bool = True) -> list[LabelHit]:
        """Every place of this edition's tables that ``text`` names, best first (see
        :func:`_match_labels`)."""
        return _match_labels(self, text, near)

    # ---- near misses ------------------------------------------------------------------------

    def near(self, kind: str, table: str | None, text: str, *, limit: int = 3) -> list[NearMiss]:
        """Official labels within ``limit`` edits of ``text``, closest first: ``kind`` is
        "section", "block", "row" (the last label of a row) or "column" (the leaf label).
        ``table`` is the table's number (ignored for sections)."""
        key = label_key(text) if kind != "section" else heading_key(text)
        return self._near(kind, table, key, limit)

    def _near(self, kind: str, table: str | None, key: str, limit: int) -> list[NearMiss]:
        """:meth:`near` of a text whose key (:func:`label_key`, or :func:`heading_key` for
        a section) is ``key``."""
        budget = min(limit, max(1, len(key) // 4))
        size = len(key)
        best: dict[int, NearMiss] = {}  # the closest label of each place
        # only the labels within the budget by length (each length difference is one edit),
        # in the layouts' order
        by_size = self._keyed(kind, table)
        keyed = [k for n in range(size - budget, size + budget + 1) for k in by_size.get(n, ())]
        keyed.sort(key=operator.itemgetter(0))
        chars = set(key)
        for _order, label, candidate, present, absent, place in keyed:
            if len(chars.difference(present)) > budget or len(key.translate(absent)) > budget:
                # more edits than the budget by the characters of the text the label has
                # nowhere (each is one edit at least; the distinct ones, a cheaper count,
                # first)
                continue
            d = _distance(key, candidate, budget)
            if d <= budget and (id(place) not in best or d < best[id(place)].distance):
                best[id(place)] = NearMiss(label, d, place)
        return sorted(best.values(), key=lambda n: n.distance)

    def _keyed(self, kind: str, table: str | None) -> dict[int, list[_Keyed]]:
        """The candidates of :meth:`near` by the length of their :func:`label_key` forms:
        each with its place in the layouts' order, its key and a table that deletes its
        characters (:meth:`str.translate`); computed once per kind and table (the layouts
        never change)."""
        by_size = self._near_keys.get((kind, table))
        if by_size is None:
            by_size = {}
            for order, (label, place) in enumerate(self._candidates(kind, table)):
                k = label_key(label)
                entry = (order, label, k, frozenset(k), dict.fromkeys(map(ord, k)), place)
                by_size.setdefault(len(k), []).append(entry)
            self._near_keys[kind, table] = by_size
        return by_size

    def _candidates(
        self, kind: str, table: str | None
    ) -> Iterable[tuple[str, SectionLayout | RowLayout | ColumnLayout | BlockLayout]]:
        if kind == "section":
            for s in self.layout.sections:
                for title in (s.title, *s.aliases):
                    yield title, s
            return
        for t in self.layout.tables:
            if table is not None and t.number != table:
                continue
            for block in t.blocks:
                if kind == "block" and block.labels:
                    for name in (block.labels[0], *block.aliases):
                        yield name, block
                elif kind == "row":
                    for row in block.rows:
                        for name in (row.labels[-1], *row.aliases):
                            yield name, row
                elif kind == "column":
                    for col in block.columns:
                        yield col.labels[-1], col


@functools.cache
def matcher(edition: Edition) -> Matcher:
    """The matcher of an edition (built once, shared)."""
    return Matcher(edition)


# ---- labels of any kind, for readers of published tables -----------------------------------

LabelKind = str
"""What a printed table label is: "block" (表二's 第二十条第(一)项), "row" (a row's last label),
"group" (a label over rows: 三、本年度办理结果, (三)不予公开, 行政诉讼), "column" (a column's leaf
label), or "header" (信息内容, 申请人情况, 法人或其他组织, the corner note)."""


@attrs.frozen(slots=True)
class LabelHit:
    """A place of the layout a printed label names.

    ``label`` is the official label (or alias) matched; ``distance`` the edit distance of a
    near match (0 for exact); ``note`` a parenthesised annotation the print added and the
    match left out ("设区的市、自治州人民政府应提供相关数据").
    """

    kind: LabelKind
    table: str
    label: str
    block: BlockLayout | None = None
    row: RowLayout | None = None
    column: ColumnLayout | None = None
    distance: int = 0
    note: str | None = None


def _label_index(layout_tables: Sequence[TableLayout]) -> dict[str, list[LabelHit]]:
    index: dict[str, list[LabelHit]] = {}

    def add(key_text: str, hit: LabelHit) -> None:
        hits = index.setdefault(label_key(key_text), [])
        if hit not in hits:
            hits.append(hit)

    for table in layout_tables:
        n = table.number
        for text in (table.corner_note, table.column_caption, table.row_header):
            if text:
                add(text, LabelHit("header", n, text))
        for block in table.blocks:
            if block.labels:
                for name in (block.labels[0], *block.aliases):
                    add(name, LabelHit("block", n, block.labels[0], block))
            for col in block.columns:
                for label in col.labels[:-1]:
                    add(label, LabelHit("header", n, label))
                add(col.labels[-1], LabelHit("column", n, col.labels[-1], block, column=col))
            for row in block.rows:
                for label in row.labels[:-1]:
                    add(label, LabelHit("group", n, label, block))
                for name in (row.labels[-1], *row.aliases):
                    add(name, LabelHit("row", n, row.labels[-1], block, row))
    return index


@functools.lru_cache(maxsize=16384)
def _simplified_key(text: str) -> tuple[str, str]:
    """``text`` in simplified characters and its :func:`label_key`: one for every edition's
    matcher (a label is looked up in each)."""
    simple = simplified(text)
    return simple, label_key(simple)


def _match_labels(self: Matcher, text: str, near: bool) -> list[LabelHit]:
    """Every place of this edition's tables that ``text`` names, best first.

    Exact matches of the :func:`label_key` form first; then the label without a final
    parenthesised note (:func:`split_note`); then, with ``near``, near misses of block and row
    labels by edit distance (at most a quarter of the label's length, and never for labels
    shorter than five characters).

    >>> from govdisclosure.layout import Edition
    >>> m = matcher(Edition.STANDARD_2021)
    >>> [(h.kind, h.table) for h in m.labels("总计")]
    [('column', '三'), ('column', '四')]
    >>> hit = m.labels("规章(设区的市、自治州人民政府应提供相关数据)")[0]
    >>> hit.kind, hit.label, hit.note
    ('row', '规章', '设区的市、自治州人民政府应提供相关数据')
    >>> hit = m.labels("5.属于三类内容事物信息")[0]
    >>> hit.label, hit.distance
    ('5.属于三类内部事务信息', 1)
    """
    index = self._label_hits
    text, key = _simplified_key(text)
    hits = index.get(key)
    if hits:
        return list(hits)
    head, note = split_note(text)
    if note is not None:
        hits = index.get(label_key(head))
        if hits:
            return [attrs.evolve(h, note=note) for h in hits]
    if not near or len(key) < 5 or len(key) > 80:
        return []
    out: list[LabelHit] = []
    for kind in ("row", "block"):
        for miss in self._near(kind, None, key, 3):
            for hit in index.get(label_key(miss.label), ()):
                if hit.kind == kind and (hit.row is miss.place or hit.block is miss.place):
                    out.append(attrs.evolve(hit, distance=miss.distance))
    out.sort(key=lambda h: h.distance)
    return out


#: Words of a report's own text that name the format it follows, for telling the editions
#: apart when no table does (the outline a preamble lists, the notice it cites). Compared
#: with :func:`label_key` forms; a marker counts once.
EDITION_MARKERS: dict[Edition, tuple[str, ...]] = {
    Edition.LEGACY_2008: ("收费及减免", "国务院令第492号", "第三十一条", "需要说明的事项与附表"),
    Edition.TRIAL_2019: ("年度报告格式(试行)", "国办公开办函〔2019〕60号"),
    Edition.STANDARD_2021: (
        "国办公开办函〔2021〕30号",
        "政府信息公开工作年度报告格式》",
        "政府信息公开工作年度报告格式>",
    ),
}
