"""The figures prose states about the tables, declared as data (:data:`CLAIMS`) for GD401.

Each :class:`Claim` gives the words that introduce a figure, the words that rule it out, and
the table cells (or sums of cells) it may equal. A clause is the text between two punctuation
marks; a figure is claimed when the words before it in its clause match a claim.

>>> [c.key for c in CLAIMS][:4]
['new', 'natural_person', 'legal_persons', 'carried_over']
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import attrs

from govdisclosure.layout import JOIN, CellLayout, Edition, layout_of
from govdisclosure.model import (
    ApplicantCounts,
    NotProcessed,
    Report,
    Unable,
    Withheld,
)
from govdisclosure.money import Amount
from govdisclosure.rules._catalog import part
from govdisclosure.rules._scope import SEVERAL_YEARS, THIS_YEAR
from govdisclosure.rules._types import L10n

__all__ = ["CLAIMS", "Claim"]


@attrs.frozen(slots=True)
class Claim:
    """A kind of figure the prose states about the tables.

    ``words``: every pattern must match the words before the figure (in its clause);
    ``unless``: a pattern that rules the clause out; ``zero``: a pattern of a clause stating
    that there were none;
    ``alternatives``: the cell sums (``attribute.key`` paths) the figure may equal — the
    figure agrees with the tables when it admits any of them.

    ``span``: words that make a figure cover more than the report's year (累计, 自2019年以来,
    近三年 …), so it is no claim about the year's tables; ``year``: words that pin it to the
    year after all (本年度累计, 全年累计). The nearest clause of the sentence, up to the
    figure, that has either decides, ``year`` first.
    """

    key: str
    label: L10n
    words: tuple[str, ...]
    unless: str
    zero: str | None
    alternatives: tuple[tuple[str, ...], ...]
    alternatives_label: L10n
    span: str = r"(?!)"
    year: str = r"(?!)"
    money: bool = False
    """Whether the claim is an amount (compared by intervals, XBRL Calculations 1.1) rather
    than a count."""
    context: tuple[str, ...] = ()
    """For a clause stating there were none (``zero``): patterns the sentence up to it must
    match (“行政复议3件、行政诉讼2件，均获维持”: 均获维持 is said of reconsiderations and
    lawsuits)."""
    context_unless: str = r"(?!)"
    """… and a pattern the sentence must not match."""
    _compiled: tuple[tuple[re.Pattern[str], ...], re.Pattern[str], re.Pattern[str] | None] = (
        attrs.field(init=False, eq=False, repr=False, alias="_compiled")
    )
    _period: tuple[re.Pattern[str], re.Pattern[str]] = attrs.field(
        init=False, eq=False, repr=False, alias="_period"
    )

    _values: tuple[Callable[[Report], int | None], ...] = attrs.field(
        init=False, eq=False, repr=False, alias="_values"
    )

    def __attrs_post_init__(self) -> None:
        compiled = (
            tuple(re.compile(w) for w in self.words),
            re.compile(self.unless),
            None if self.zero is None else re.compile(self.zero),
        )
        object.__setattr__(self, "_compiled", compiled)
        object.__setattr__(self, "_period", (re.compile(self.span), re.compile(self.year)))
        object.__setattr__(self, "_values", tuple(_sum_function(a) for a in self.alternatives))

    def values(self, report: Report) -> list[tuple[tuple[str, ...], Any]]:
        """Each alternative the report's tables give a value for, with that value: an ``int``
        for a count, an :class:`~govdisclosure.money.Amount` for an amount (a path that names
        a record of another edition, 2019's ``active.licensing``, gives nothing)."""
        out = []
        for alt, fn in zip(self.alternatives, self._values, strict=True):
            v: Any = fn(report)
            if isinstance(v, Amount) if self.money else v.__class__ is int:
                out.append((alt, v))
        return out

    def matches(self, words: str) -> bool:
        """Whether the words before a figure make it this claim."""
        patterns, unless, _ = self._compiled
        return all(p.search(words) for p in patterns) and not unless.search(words)

    def spans_years(self, context: tuple[str, ...]) -> bool:
        """Whether a figure covers several years: ``context`` is the words before it in its
        clause, then the earlier clauses of its sentence, nearest first.

        >>> new = CLAIMS[0]
        >>> new.spans_years(("累计受理政府信息公开申请",)), new.spans_years(("共收到申请",))
        (True, False)
        >>> new.spans_years(("我局共收到政府信息公开申请", "自2019年以来"))
        True
        >>> new.spans_years(("本年度累计受理政府信息公开申请",))
        False
        """
        span, year = self._period
        for words in context:
            if year.search(words):
                return False
            if span.search(words):
                return True
        return False

    def states_none(self, clause: str, sentence: str = "") -> bool:
        """Whether a clause without figures states there were none (``sentence``: the
        sentence up to and with the clause, for a claim with a ``context``).

        >>> upheld = next(c for c in CLAIMS if c.key == "upheld_all")
        >>> upheld.states_none("均获维持", "行政复议3件、行政诉讼2件均获维持")
        True
        >>> upheld.states_none("均获维持", "行政复议3件均获维持")
        False
        """
        zero = self._compiled[2]
        if zero is None or zero.search(clause) is None or any(ch.isdigit() for ch in clause):
            return False
        if self.context:
            if re.search(self.context_unless, sentence):
                return False
            return all(re.search(p, sentence) for p in self.context)
        return True


def _sum_function(paths: tuple[str, ...]) -> Callable[[Report], int | None]:
    """Compile ``r.a.b + r.c.d + …`` into a function; ``None`` when a cell is blank or absent."""
    for path in paths:
        if not all(part.isidentifier() for part in path.split(".")):
            raise ValueError(f"not an attribute path: {path!r}")
    body = " + ".join(f"r.{p}" for p in paths)
    code = (
        "def value(r):\n"
        f"    try:\n        return {body}\n"
        "    except (AttributeError, TypeError):\n        return None\n"
    )
    namespace: dict[str, Any] = {}
    exec(compile(code, "<govdisclosure.rules claim>", "exec"), namespace)
    function: Callable[[Report], int | None] = namespace["value"]
    return function


_NEG = r"(?:未|没有|无|不存在)"


def _rows(prefix: str, names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(f"requests.{prefix}{n}.total" for n in names)


_WITHHELD = _rows("withheld.", Withheld.ROWS)
_UNABLE = _rows("unable.", Unable.ROWS)
_NOT_PROCESSED = _rows("not_processed.", NotProcessed.ROWS)
_LEGAL = tuple(f"requests.new.{c}" for c in ApplicantCounts.COLUMNS[1:6])

_WITHHELD_REASONS = (
    ("state_secret", r"国家秘密"),
    ("prohibited_by_law", r"法律行政法规禁止"),
    ("three_securities", r"三安全一稳定|危及.{0,4}安全"),
    ("third_party", r"第三方"),
    ("internal_affairs", r"内部事务"),
    ("process_information", r"过程性信息"),
    ("enforcement_files", r"执法案卷"),
    ("inquiry_matters", r"行政查询事项"),
)
"""The reasons of 表三 (三)不予公开: row and the words that name it (its label is the
layout's)."""
_UNABLE_REASONS = (
    ("not_held", r"不掌握"),
    ("needs_creation", r"没有现成信息|另行制作"),
    ("still_unclear", r"仍不明确"),
)
"""The reasons of 表三 (四)无法提供."""
_NOT_PROCESSED_REASONS = (
    ("petitions", r"信访|举报|投诉"),
    ("repeated", r"重复申请"),
    ("publications", r"公开出版物"),
    ("excessive", r"大量反复"),
    ("confirmation", r"确认或重新出具"),
)
"""The reasons of 表三 (五)不予处理."""

_GROUPS = ("review", "litigation_direct", "litigation_after_review")


def _reviews(columns: tuple[str, ...], groups: tuple[str, ...] = _GROUPS) -> tuple[str, ...]:
    return tuple(f"reviews.{g}.{c}" for g in groups for c in columns)


def _common(paths: list[tuple[str, ...]]) -> tuple[str, ...]:
    first = paths[0]
    n = 0
    while n < len(first) and all(len(p) > n and p[n] == first[n] for p in paths):
        n += 1
    return first[:n]


def _path_label(paths: list[tuple[str, ...]], summed: str) -> str:
    """One label path, or several: their common group with ``summed``, else a sum."""
    unique = list(dict.fromkeys(paths))
    if len(unique) == 1:
        return JOIN.join(unique[0])
    common = _common(unique)
    if common:
        return JOIN.join(common) + summed
    return " + ".join(JOIN.join(p) for p in unique)


def _cells_label(alternatives: tuple[tuple[str, ...], ...]) -> L10n:
    """The cells each alternative sums, named by the layout's labels (sums by their group):
    ``表三 一、本年新收政府信息公开申请数量 | 总计``."""
    rows_sum, columns_sum, either = part("claim.rows"), part("claim.columns"), part("claim.or")
    labels = []
    for paths in alternatives:
        cells = [_cell(p) for p in paths]
        rows = L10n(
            _path_label([c.row_labels for c in cells], rows_sum.zh),
            _path_label([c.row_en for c in cells], rows_sum.en),
        )
        columns = L10n(
            _path_label([c.column_labels for c in cells], columns_sum.zh),
            _path_label([c.column_en for c in cells], columns_sum.en),
        )
        table = L10n(cells[0].table, cells[0].table_en)
        labels.append(part("claim.cells", table=table, rows=rows, columns=columns))
    return L10n(either.zh.join(x.zh for x in labels), either.en.join(x.en for x in labels))


def _cell(path: str) -> CellLayout:
    """The cell at ``path``, as the latest edition that has it names it."""
    for edition in reversed(Edition):
        cell = layout_of(edition).find_cell("$." + path)
        if cell is not None:
            return cell
    raise ValueError(f"no table cell at {path!r}")  # pragma: no cover - a declaration error


def _reason_label(group: str, row: str, templates: tuple[str, str]) -> tuple[str, str]:
    """A reason's claim label from the layout's row label (its number dropped)."""
    cell = _cell(f"requests.{group}.{row}.total")
    zh = re.sub(r"^\d+\.\s*", "", cell.row_labels[-1]).replace("“", "‘").replace("”", "’")
    en = re.sub(r"^\d+\.\s*", "", cell.row_en[-1])
    return templates[0].format(zh), templates[1].format(en[:1].lower() + en[1:])


def _claim(
    key: str,
    label: tuple[str, str],
    words: tuple[str, ...],
    alternatives: tuple[tuple[str, ...], ...],
    unless: str = r"(?!)",
    zero: str | None = None,
    money: bool = False,
    context: tuple[str, ...] = (),
    context_unless: str = r"(?!)",
) -> Claim:
    return Claim(
        key=key,
        label=L10n(*label),
        words=words,
        unless=unless,
        zero=zero,
        alternatives=alternatives,
        alternatives_label=_cells_label(alternatives),
        span=SEVERAL_YEARS,
        year=THIS_YEAR,
        money=money,
        context=context,
        context_unless=context_unless,
    )


CLAIMS: tuple[Claim, ...] = (
    _claim(
        "new",
        ("收到的政府信息公开申请", "the applications received"),
        (r"收到|受理|新收|接收|接到", r"申请"),
        (("requests.new.total",), ("requests.new.total", "requests.carried_over.total")),
        unless=r"上年|结转|办结|答复|复议|诉讼|不予|予以|部分|收费|自然人|法人|商业|科研|公益"
        r"|法律服务|网上|信函|当面|传真|电子邮件|行政许可|行政处罚|行政强制",
        zero=rf"{_NEG}(?:收到|受理|接到)\S*申请",
    ),
    _claim(
        "natural_person",
        ("自然人提出的申请", "applications by natural persons"),
        (r"自然人", r"申请"),
        (("requests.new.natural_person",),),
        unless=r"予以|不予|部分|结转|处理|提供",
    ),
    _claim(
        "legal_persons",
        ("法人或其他组织提出的申请", "applications by legal persons or other organisations"),
        (r"法人或其他组织", r"申请"),
        (_LEGAL,),
        unless=r"予以|不予|部分|结转|处理|提供",
    ),
    _claim(
        "carried_over",
        ("上年结转的申请", "applications carried over"),
        (r"上一?年度?结转",),
        (("requests.carried_over.total",),),
    ),
    _claim(
        "carried_forward",
        ("结转下年度继续办理的申请", "applications carried forward"),
        (r"结转下一?年",),
        (("requests.carried_forward.total",),),
    ),
    _claim(
        "handled",
        ("办结（答复）的申请", "applications completed (answered)"),
        (r"办结|答复",),
        (("requests.total.total",),),
        unless=r"率|结转|复议|诉讼|行政许可|行政处罚|行政强制|时限|期限|工作日",
    ),
    _claim(
        "granted_and_partly",
        ("予以公开及部分公开的申请", "applications granted in full or in part"),
        (r"(?:予以|同意)?公开(?:及|和|与|、|以及|或)部分公开|全部或部分公开",),
        (("requests.granted.total", "requests.partly_granted.total"),),
        unless=r"复议|诉讼",
    ),
    _claim(
        "granted",
        ("予以公开的申请", "applications granted"),
        (r"予以公开",),
        (("requests.granted.total",),),
        unless=r"部分|复议|诉讼",
    ),
    _claim(
        "partly_granted",
        ("部分公开的申请", "applications partly granted"),
        (r"部分公开",),
        (("requests.partly_granted.total",),),
        unless=r"复议|诉讼",
    ),
    *(
        _claim(
            f"withheld.{row}",
            _reason_label("withheld", row, ("以“{}”不予公开的申请", "applications withheld: {}")),
            (pattern,),
            (_rows("withheld.", (row,)),),
            unless=r"复议|诉讼",
        )
        for row, pattern in _WITHHELD_REASONS
    ),
    *(
        _claim(
            f"unable.{row}",
            _reason_label("unable", row, ("以“{}”无法提供的申请", "applications not met: {}")),
            (pattern,),
            (_rows("unable.", (row,)),),
            unless=r"复议|诉讼",
        )
        for row, pattern in _UNABLE_REASONS
    ),
    *(
        _claim(
            f"not_processed.{row}",
            _reason_label(
                "not_processed", row, ("以“{}”不予处理的申请", "applications not processed: {}")
            ),
            (pattern,),
            (_rows("not_processed.", (row,)),),
            unless=r"复议|诉讼",
        )
        for row, pattern in _NOT_PROCESSED_REASONS
    ),
    _claim(
        "withheld",
        ("不予公开的申请", "applications withheld"),
        (r"不予公开",),
        (_WITHHELD,),
        unless=r"复议|诉讼",
    ),
    _claim(
        "unable",
        ("无法提供的申请", "applications that could not be met"),
        (r"无法提供",),
        (_UNABLE,),
        unless=r"复议|诉讼",
    ),
    _claim(
        "not_processed",
        ("不予处理的申请", "applications not processed"),
        (r"不予处理",),
        (_NOT_PROCESSED,),
        unless=r"复议|诉讼",
    ),
    _claim(
        "other_handling",
        ("其他处理的申请", "applications otherwise handled"),
        (r"其他处理",),
        (
            _rows("other.", ("no_correction", "unpaid_fee", "other")),
            ("requests.other.total",),
        ),
        unless=r"复议|诉讼",
    ),
    _claim(
        "upheld_all",
        (
            "被纠正或尚未审结的行政复议和行政诉讼",
            "reconsiderations and lawsuits corrected or pending",
        ),
        (r"(?!)",),
        (_reviews(("corrected", "pending")),),
        zero=r"均(?:获|被|予|已)?维持|全部(?:获得?|被)?维持|均未被纠正",
        context=(r"复议", r"诉讼"),
    ),
    _claim(
        "upheld_reviews",
        ("被纠正或尚未审结的行政复议", "reconsiderations corrected or pending"),
        (r"(?!)",),
        (_reviews(("corrected", "pending"), ("review",)),),
        zero=r"均(?:获|被|予|已)?维持|全部(?:获得?|被)?维持|均未被纠正",
        context=(r"复议",),
        context_unless=r"诉讼",
    ),
    _claim(
        "upheld_lawsuits",
        ("被纠正或尚未审结的行政诉讼", "lawsuits corrected or pending"),
        (r"(?!)",),
        (_reviews(("corrected", "pending"), _GROUPS[1:]),),
        zero=r"均(?:获|被|予|已)?维持|全部(?:获得?|被)?维持|均未被纠正|均胜诉",
        context=(r"诉讼",),
        context_unless=r"行政复议",
    ),
    _claim(
        "concluded_all",
        ("尚未审结的行政复议和行政诉讼", "reconsiderations and lawsuits pending"),
        (r"(?!)",),
        (_reviews(("pending",)),),
        zero=r"均已(?:审结|办结|结案)|全部(?:审结|结案)",
        context=(r"复议|诉讼",),
    ),
    _claim(
        "review_and_litigation",
        ("行政复议和行政诉讼", "reconsiderations and lawsuits"),
        (r"行政复议", r"行政诉讼"),
        (
            (
                "reviews.review.total",
                "reviews.litigation_direct.total",
                "reviews.litigation_after_review.total",
            ),
        ),
        unless=r"维持|纠正|审结|结果|其中",
        zero=rf"{_NEG}\S*行政复议\S*行政诉讼",
    ),
    _claim(
        "litigation_direct",
        ("未经复议直接起诉的行政诉讼", "lawsuits filed without reconsideration"),
        (r"直接起诉",),
        (("reviews.litigation_direct.total",),),
        unless=r"维持|纠正|审结|其他结果",
    ),
    _claim(
        "litigation_after_review",
        ("复议后起诉的行政诉讼", "lawsuits filed after reconsideration"),
        (r"复议后起诉",),
        (("reviews.litigation_after_review.total",),),
        unless=r"维持|纠正|审结|其他结果",
    ),
    _claim(
        "review",
        ("行政复议", "reconsiderations"),
        (r"行政复议",),
        (("reviews.review.total",),),
        unless=r"诉讼|维持|纠正|审结|结果",
        zero=rf"{_NEG}\S*行政复议",
    ),
    _claim(
        "litigation",
        ("行政诉讼", "lawsuits"),
        (r"行政诉讼",),
        (("reviews.litigation_direct.total", "reviews.litigation_after_review.total"),),
        unless=r"复议|维持|纠正|审结|结果",
        zero=rf"{_NEG}\S*行政诉讼",
    ),
)

_DECISIONS_UNLESS = r"申请|受理|事项|清单|目录|复议|诉讼|裁量|标准|累计"
CLAIMS = (
    *CLAIMS,
    _claim(
        "licensing",
        ("行政许可处理决定", "licensing decisions"),
        (r"行政许可", r"决定|作出|办理|办结|审批"),
        (("active.licensing",), ("active.licensing.decisions",)),
        unless=_DECISIONS_UNLESS,
    ),
    _claim(
        "punishment",
        ("行政处罚处理决定", "penalty decisions"),
        (r"行政处罚", r"决定|作出|办理|办结|案件"),
        (("active.punishment",), ("active.punishment.decisions",)),
        unless=_DECISIONS_UNLESS + r"|强制",
    ),
    _claim(
        "enforcement",
        ("行政强制处理决定", "coercion decisions"),
        (r"行政强制", r"决定|作出|办理|措施|执行"),
        (("active.enforcement",), ("active.enforcement.decisions",)),
        unless=_DECISIONS_UNLESS + r"|处罚",
    ),
    _claim(
        "fees",
        ("收费金额", "fees collected"),
        (r"行政事业性收费|收费金额",),
        (("active.fees",),),
        unless=r"减免|退还|标准|项目|信息处理费|信息公开",
        money=True,
    ),
)
"""Table 二 too: the decisions of 第二十条第(五)(六)项 and the fees of 第(八)项 (2021). The
fees are the agency's 行政事业性收费 items: a 信息处理费 (of disclosure) says nothing of them."""

_WORDS = re.compile(
    "|".join(
        sorted(
            {w for c in CLAIMS for w in (*c.words, *((c.zero,) if c.context and c.zero else ()))},
            key=len,
            reverse=True,
        )
    )
)
"""Any word a claim needs (or a clause stating none of what a sentence names): clauses
without one are not analysed further."""
