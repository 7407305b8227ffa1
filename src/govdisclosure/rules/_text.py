"""GD401, GD402 and GD601: the prose against the tables, and the sections against the layout.

The figures the prose states about the tables are declared as data (:data:`CLAIMS`): the
words that introduce a figure, the words that rule it out, and the table cells (or sums of
cells) it may equal. A clause is the text between two punctuation marks; a figure is claimed
when the words before it in its clause match a claim.

>>> [c.key for c in CLAIMS][:4]
['new', 'natural_person', 'legal_persons', 'carried_over']
>>> section_ordinal(Edition.STANDARD_2021, "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况")
4
>>> section_ordinal(Edition.LEGACY_2008, "一、总体工作情况")
1
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

import attrs

from govdisclosure.layout import SectionLayout, label_key, layout_of
from govdisclosure.model import (
    ApplicantCounts,
    Edition,
    NotProcessed,
    Report,
    Requests2021,
    Section,
    Unable,
    Withheld,
)
from govdisclosure.numerals import (
    NumeralError,
    Quantity,
    find_quantities,
    from_int,
    parse_quantity,
    split_ordinal,
)
from govdisclosure.rules._facts import _whole, figure_interval
from govdisclosure.rules._findings import Finding, L10n, Side
from govdisclosure.rules._policy import Policy

__all__ = [
    "CLAIMS",
    "Claim",
    "check_claims",
    "check_fee_notices",
    "check_sections",
    "section_ordinal",
]

_CLAUSE = re.compile(r"[^，,。；;！!？?：:\n（）()]+")
_SENTENCE_END = re.compile(r"[。；;！!？?\n]")


@attrs.frozen(slots=True)
class Claim:
    """A kind of figure the prose states about the tables.

    ``words``: every pattern must match the words before the figure (in its clause);
    ``unless``: a pattern that rules the clause out; ``zero``: a pattern of a clause stating
    that there were none; ``measures``: the measure words the figure may carry;
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
    measures: frozenset[str]
    alternatives: tuple[tuple[str, ...], ...]
    alternatives_label: L10n
    span: str = r"(?!)"
    year: str = r"(?!)"
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

    def values(self, report: Report) -> list[tuple[tuple[str, ...], int]]:
        """Each alternative the report's tables give a value for, with that value."""
        out = []
        for alt, fn in zip(self.alternatives, self._values, strict=True):
            v = fn(report)
            if v is not None:
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

    def states_none(self, clause: str) -> bool:
        """Whether a clause without figures states there were none."""
        zero = self._compiled[2]
        return (
            zero is not None
            and zero.search(clause) is not None
            and not any(ch.isdigit() for ch in clause)
        )


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


_COUNT_MEASURES = frozenset({"件", "个", "条", "份", "次", "宗", "起", "项", "人次", "件次"})
_NEG = r"(?:未|没有|无|不存在)"
_T3 = "表三"


def _rows(prefix: str, names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(f"requests.{prefix}{n}.total" for n in names)


_WITHHELD = _rows("withheld.", Withheld.ROWS)
_UNABLE = _rows("unable.", Unable.ROWS)
_NOT_PROCESSED = _rows("not_processed.", NotProcessed.ROWS)
_LEGAL = tuple(f"requests.new.{c}" for c in ApplicantCounts.COLUMNS[1:6])


_N_YEARS = r"(?:[2-9]|[1-9][0-9]|[两二三四五六七八九十几数][一二三四五六七八九十]*)"
_SEVERAL_YEARS = (
    r"累计|以来|历年|多年|近[0-9一二两三四五六七八九十几数]*年"
    rf"|(?<![0-9]){_N_YEARS}个?年(?:来|间|中|里|期间|以来)"
    r"|[0-9]{4}年?\s*(?:至|到|—|–|-|~|\uff5e)\s*[0-9]{4}年"
)
"""Words that make a figure cover several years: 累计, (自2019年)以来, 历年, 多年, 近三年,
近几年, 三年来, 五年间, 2019年至2021年 …"""
_THIS_YEAR = r"本年|今年|全年|当年"
"""Words that pin a figure to the report's year (本年度累计, 今年以来, 全年累计)."""


def _claim(
    key: str,
    label: tuple[str, str],
    words: tuple[str, ...],
    alternatives: tuple[tuple[str, ...], ...],
    cells: tuple[str, str],
    unless: str = r"(?!)",
    zero: str | None = None,
) -> Claim:
    return Claim(
        key=key,
        label=L10n(*label),
        words=words,
        unless=unless,
        zero=zero,
        measures=_COUNT_MEASURES,
        alternatives=alternatives,
        alternatives_label=L10n(*cells),
        span=_SEVERAL_YEARS,
        year=_THIS_YEAR,
    )


CLAIMS: tuple[Claim, ...] = (
    _claim(
        "new",
        ("收到的政府信息公开申请", "the applications received"),
        (r"收到|受理|新收|接收|接到", r"申请"),
        (("requests.new.total",), ("requests.new.total", "requests.carried_over.total")),
        (
            f"{_T3}“一、本年新收政府信息公开申请数量”总计（或其与“二、上年结转”之和）",
            "table 3 row I total (or rows I + II)",
        ),
        unless=r"上年|结转|办结|答复|复议|诉讼|不予|予以|部分|收费|自然人|法人|商业|科研|公益"
        r"|法律服务|网上|信函|当面|传真|电子邮件",
        zero=rf"{_NEG}(?:收到|受理|接到)\S*申请",
    ),
    _claim(
        "natural_person",
        ("自然人提出的申请", "applications by natural persons"),
        (r"自然人", r"申请"),
        (("requests.new.natural_person",),),
        (f"{_T3}“一、本年新收”自然人列", "table 3 row I, natural persons"),
        unless=r"予以|不予|部分|结转|处理|提供",
    ),
    _claim(
        "legal_persons",
        ("法人或其他组织提出的申请", "applications by legal persons or other organisations"),
        (r"法人或其他组织", r"申请"),
        (_LEGAL,),
        (f"{_T3}“一、本年新收”法人或其他组织五列之和", "table 3 row I, legal-person columns"),
        unless=r"予以|不予|部分|结转|处理|提供",
    ),
    _claim(
        "carried_over",
        ("上年结转的申请", "applications carried over"),
        (r"上一?年度?结转",),
        (("requests.carried_over.total",),),
        (f"{_T3}“二、上年结转”总计", "table 3 row II total"),
    ),
    _claim(
        "carried_forward",
        ("结转下年度继续办理的申请", "applications carried forward"),
        (r"结转下一?年",),
        (("requests.carried_forward.total",),),
        (f"{_T3}“四、结转下年度继续办理”总计", "table 3 row IV total"),
    ),
    _claim(
        "handled",
        ("办结的申请", "applications completed"),
        (r"办结",),
        (("requests.total.total",),),
        (f"{_T3}“(七)总计”", "table 3 (7) total"),
        unless=r"率|结转|复议|诉讼",
    ),
    _claim(
        "granted",
        ("予以公开的申请", "applications granted"),
        (r"予以公开",),
        (("requests.granted.total",),),
        (f"{_T3}“(一)予以公开”总计", "table 3 (1) total"),
        unless=r"部分|复议|诉讼",
    ),
    _claim(
        "partly_granted",
        ("部分公开的申请", "applications partly granted"),
        (r"部分公开",),
        (("requests.partly_granted.total",),),
        (f"{_T3}“(二)部分公开”总计", "table 3 (2) total"),
        unless=r"复议|诉讼",
    ),
    _claim(
        "withheld",
        ("不予公开的申请", "applications withheld"),
        (r"不予公开",),
        (_WITHHELD,),
        (f"{_T3}“(三)不予公开”各项总计之和", "table 3 (3) rows' totals"),
        unless=r"复议|诉讼",
    ),
    _claim(
        "unable",
        ("无法提供的申请", "applications that could not be met"),
        (r"无法提供",),
        (_UNABLE,),
        (f"{_T3}“(四)无法提供”各项总计之和", "table 3 (4) rows' totals"),
        unless=r"复议|诉讼",
    ),
    _claim(
        "not_processed",
        ("不予处理的申请", "applications not processed"),
        (r"不予处理",),
        (_NOT_PROCESSED,),
        (f"{_T3}“(五)不予处理”各项总计之和", "table 3 (5) rows' totals"),
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
        (f"{_T3}“(六)其他处理”总计", "table 3 (6) total"),
        unless=r"复议|诉讼",
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
        ("表四三组总计之和", "the three totals of table 4"),
        unless=r"维持|纠正|审结|结果|其中",
        zero=rf"{_NEG}\S*行政复议\S*行政诉讼",
    ),
    _claim(
        "litigation_direct",
        ("未经复议直接起诉的行政诉讼", "lawsuits filed without reconsideration"),
        (r"直接起诉",),
        (("reviews.litigation_direct.total",),),
        ("表四“未经复议直接起诉”总计", "table 4 litigation without reconsideration, total"),
        unless=r"维持|纠正|审结|其他结果",
    ),
    _claim(
        "litigation_after_review",
        ("复议后起诉的行政诉讼", "lawsuits filed after reconsideration"),
        (r"复议后起诉",),
        (("reviews.litigation_after_review.total",),),
        ("表四“复议后起诉”总计", "table 4 litigation after reconsideration, total"),
        unless=r"维持|纠正|审结|其他结果",
    ),
    _claim(
        "review",
        ("行政复议", "reconsiderations"),
        (r"行政复议",),
        (("reviews.review.total",),),
        ("表四“行政复议”总计", "table 4 reconsideration total"),
        unless=r"诉讼|维持|纠正|审结|结果",
        zero=rf"{_NEG}\S*行政复议",
    ),
    _claim(
        "litigation",
        ("行政诉讼", "lawsuits"),
        (r"行政诉讼",),
        (("reviews.litigation_direct.total", "reviews.litigation_after_review.total"),),
        ("表四两组行政诉讼总计之和", "the two litigation totals of table 4"),
        unless=r"复议|维持|纠正|审结|结果",
        zero=rf"{_NEG}\S*行政诉讼",
    ),
)

_WORDS = re.compile("|".join(sorted({w for c in CLAIMS for w in c.words}, key=len, reverse=True)))
"""Any word a claim needs: clauses without one are not analysed further."""

_FIGURE = re.compile(
    r"(?<![0-9.])(?:超过|超|逾|将近|接近|近|大约|约)?[0-9]+(?:\.[0-9]+)?(?:万|亿)?(?:余|多)?"
    r"(?:人次|件次|件|个|条|份|次|宗|起|项)(?:以上|左右)?"
    r"(?!工作日|自然日|小时|星期|季度|月|日|年|周|部分|百分点)"
)
"""A count as claims state it: a number, a measure word, optional qualifiers."""


@attrs.frozen(slots=True)
class _Hit:
    claim: Claim
    quote: str
    figure: str
    quantity: Quantity | None
    """``None`` for a clause stating there were none."""
    exact: int | None
    """The figure as an int when it is exact (0 for a clause stating none)."""


@functools.lru_cache(maxsize=8192)
def _hits(text: str) -> tuple[_Hit, ...]:
    """The claims a paragraph makes (a pure function of its text, so it is memoised)."""
    if _WORDS.search(text) is None:
        return ()
    hits = []
    sentence: list[str] = []  # the earlier clauses of the sentence, nearest first
    end = 0
    for m in _CLAUSE.finditer(text):
        clause = m.group()
        if _SENTENCE_END.search(text, end, m.start()):
            sentence = []
        end = m.end()
        sentence.insert(0, clause)
        if _WORDS.search(clause) is None:
            continue
        figures = list(_FIGURE.finditer(clause))
        if not figures:
            for claim in CLAIMS:
                if claim.states_none(clause):
                    hits.append(_Hit(claim, clause.strip(), "0", None, 0))
                    break
            continue
        prev = 0
        for f in figures:
            words = clause[prev : f.start()]
            prev = f.end()
            for claim in CLAIMS:
                if claim.matches(words):
                    if claim.spans_years((clause[: f.start()], *sentence[1:])):
                        break  # a figure over several years: not this year's table
                    try:
                        q = parse_quantity(f.group())
                    except NumeralError:
                        break
                    exact = _whole(q)
                    hits.append(_Hit(claim, clause[: f.end()].strip(), f.group(), q, exact))
                    break
    return tuple(hits)


def _walk(
    sections: tuple[Section, ...], prefix: str, ords: tuple[int, ...]
) -> Iterator[tuple[str, tuple[int, ...], int, str]]:
    for i, s in enumerate(sections):
        path = f"{prefix}[{i}]"
        here = (*ords, s.ordinal)
        for j, p in enumerate(s.paragraphs):
            yield f"{path}.paragraphs[{j}]", here, j, p
        yield from _walk(s.subsections, f"{path}.subsections", here)


def paragraphs(report: Report) -> Iterator[tuple[str, tuple[int, ...], int, str]]:
    """Every paragraph: its JSON path, section ordinals, index and text."""
    for j, p in enumerate(report.preamble):
        yield f"$.preamble[{j}]", (), j, p
    yield from _walk(report.sections, "$.sections", ())


def _agrees(report: Report, hit: _Hit) -> tuple[bool, tuple[str, ...], int | None]:
    """Whether the tables admit the claimed figure; else the first alternative and its value."""
    q = hit.quantity
    known = hit.claim.values(report)
    for _, value in known:
        if value == hit.exact if hit.exact is not None else q is not None and q.admits(value):
            return True, (), None
    if not known:
        return True, (), None
    return False, known[0][0], known[0][1]


def _claim_finding(
    report: Report,
    hit: _Hit,
    path: str,
    ords: tuple[int, ...],
    j: int,
    alt: tuple[str, ...],
    value: int,
    policy: Policy,
) -> Finding:
    from govdisclosure.rules._facts import place_of

    claim, q = hit.claim, hit.quantity
    prose = Decimal(0) if q is None else (q.exact if q.qualifier is None else None)
    interval = None if q is None else figure_interval(q)
    return Finding(
        code="GD401",
        severity=policy.severity("GD401"),
        path=path,
        location=place_of(report, ords, j),
        args=(
            ("quote", hit.quote),
            ("claim", claim.label),
            ("prose", hit.figure),
            ("cell", claim.alternatives_label),
            ("table", str(value)),
        ),
        sides=(
            Side(claim.label, prose, hit.figure, interval, (path,)),
            Side(claim.alternatives_label, value, str(value), None, tuple("$." + p for p in alt)),
        ),
        discrepancy=None if prose is None else int(prose) - value,
        year=report.year,
    )


def _claims_in(
    report: Report,
    sections: tuple[Section, ...],
    prefix: str,
    ords: tuple[int, ...],
    policy: Policy,
    out: list[Finding],
) -> None:
    for i, s in enumerate(sections):
        for j, text in enumerate(s.paragraphs):
            for hit in _hits(text):
                exact = hit.exact
                if exact is not None:  # the fast path: one alternative equals the figure
                    for fn in hit.claim._values:
                        if fn(report) == exact:
                            break
                    else:
                        exact = None
                    if exact is not None:
                        continue
                ok, alt, value = _agrees(report, hit)
                if not ok:
                    assert value is not None
                    path = f"{prefix}[{i}].paragraphs[{j}]"
                    here = (*ords, s.ordinal)
                    out.append(_claim_finding(report, hit, path, here, j, alt, value, policy))
        if s.subsections:
            _claims_in(
                report, s.subsections, f"{prefix}[{i}].subsections", (*ords, s.ordinal), policy, out
            )


def check_claims(report: Report, policy: Policy) -> list[Finding]:
    """GD401: figures the prose states about tables 三 and 四 that the tables contradict."""
    if report.requests is None and report.reviews is None:
        return []
    out: list[Finding] = []
    for j, text in enumerate(report.preamble):
        for hit in _hits(text):
            ok, alt, value = _agrees(report, hit)
            if not ok:
                assert value is not None
                out.append(
                    _claim_finding(report, hit, f"$.preamble[{j}]", (), j, alt, value, policy)
                )
    _claims_in(report, report.sections, "$.sections", (), policy, out)
    return out


# --------------------------------------------------------------------------- sections


@functools.cache
def _section_keys(edition: Edition) -> dict[str, int]:
    keys: dict[str, int] = {}
    for s in layout_of(edition).sections:
        for title in (s.title, *s.aliases):
            keys.setdefault(label_key(title), s.ordinal)
    return keys


@functools.lru_cache(maxsize=4096)
def _heading_key(title: str) -> str:
    split = split_ordinal(title)
    rest = split[1] if split is not None else title
    return label_key(rest).rstrip("。.:：")


def section_ordinal(edition: Edition, title: str) -> int | None:
    """The ordinal of the layout section whose title or alias ``title`` matches, if any."""
    return _section_keys(edition).get(_heading_key(title))


_REQUIRED = {
    Edition.STANDARD_2021: (1, 2, 3, 4, 5, 6),
    Edition.TRIAL_2019: (1, 2, 3, 4, 5, 6),
    # 2008 条例 第三十二条 (一)–(五): 主动公开, 依申请, 收费及减免, 复议诉讼, 问题及改进
    Edition.LEGACY_2008: (2, 3, 4, 5, 6),
}


def _section_finding(
    report: Report, path: str, where: L10n, problem: L10n, policy: Policy
) -> Finding:
    return Finding(
        code="GD601",
        severity=policy.severity("GD601"),
        path=path,
        location=where,
        args=(("problem", problem),),
        year=report.year,
    )


@functools.cache
def _layout_sections(edition: Edition) -> dict[int, SectionLayout]:
    return {s.ordinal: s for s in layout_of(edition).sections}


def check_sections(report: Report, policy: Policy) -> list[Finding]:
    """GD601: required sections missing, out of order, or with unknown headings."""
    edition = report.edition
    if not report.sections:
        return [
            _section_finding(
                report,
                "$.sections",
                L10n("章节", "sections"),
                L10n("报告没有任何章节", "the report has no sections"),
                policy,
            )
        ]
    keys = _section_keys(edition)
    matched = [keys.get(_heading_key(s.title)) for s in report.sections]
    required = _REQUIRED[edition]
    highest = 0
    for o in matched:
        if o is None or o <= highest:
            break
        highest = o
    else:
        if all(o in matched for o in required):
            return []  # the common case: every heading known, in order, none missing
    layout = _layout_sections(edition)
    missing = [o for o in required if o not in matched]
    out = []
    strict = edition is not Edition.LEGACY_2008
    highest = 0
    for i, (s, o) in enumerate(zip(report.sections, matched, strict=True)):
        where = L10n(f"第{i + 1}个章节“{s.title}”", f"section {i + 1} “{s.title}”")
        if o is None:
            if s.ordinal in missing:
                expected = layout[s.ordinal]
                missing.remove(s.ordinal)
                problem = L10n(
                    f"标题“{s.title}”与规定的“{from_int(s.ordinal)}、{expected.title}”"
                    "及其常见变体均不符",
                    f"the heading “{s.title}” matches neither “{from_int(s.ordinal)}、"
                    f"{expected.title}” ({expected.en}) nor a known variant",
                )
                out.append(
                    _section_finding(report, f"$.sections[{i}].title", where, problem, policy)
                )
            elif strict:
                problem = L10n(
                    f"标题“{s.title}”不是本格式的任何一部分",
                    f"the heading “{s.title}” matches no section of the {edition.value} format",
                )
                out.append(
                    _section_finding(report, f"$.sections[{i}].title", where, problem, policy)
                )
            continue
        if o <= highest:
            later = layout[highest]
            problem = L10n(
                f"“{s.title}”（第{from_int(o)}部分）排在了“{later.title}”"
                f"（第{from_int(highest)}部分）之后",
                f"“{s.title}” (part {o}) comes after “{later.title}” (part {highest})",
            )
            out.append(_section_finding(report, f"$.sections[{i}]", where, problem, policy))
        highest = max(highest, o)
    for o in missing:
        expected = layout[o]
        out.append(
            _section_finding(
                report,
                "$.sections",
                L10n("章节", "sections"),
                L10n(
                    f"缺少第{from_int(o)}部分“{expected.title}”",
                    f"part {o} “{expected.title}” ({expected.en}) is missing",
                ),
                policy,
            )
        )
    return out


# --------------------------------------------------------------------------- fee notices

_FEE_NOTICE = re.compile(r"收费通知")
_NEGATION = re.compile(r"未|无|没有|不曾|尚未|并未|均未|零")


def _states_fee_notice(text: str) -> bool:
    for m in _CLAUSE.finditer(text):
        clause = m.group()
        at = clause.find("收费通知")
        if at < 0:
            continue
        if _NEGATION.search(clause[:at]):
            continue
        figures = [f for f in find_quantities(clause) if f.start >= at]
        if figures and figures[0].quantity.value == 0:
            continue
        return True
    return False


def _section_text(s: Section) -> Iterator[str]:
    yield from s.paragraphs
    for sub in s.subsections:
        yield from _section_text(sub)


def check_fee_notices(report: Report, policy: Policy) -> list[Finding]:
    """GD402: (六)2 withdrawals for unpaid fees, but section 六 states no 收费通知."""
    requests = report.requests
    if not isinstance(requests, Requests2021):
        return []
    row = requests.other.unpaid_fee
    unpaid = row.total if row.total is not None else row.computed_total
    if not unpaid:
        return []
    six = None
    for s in report.sections:
        if section_ordinal(report.edition, s.title) == 6:
            six = s
            break
    else:
        for s in report.sections:
            if s.ordinal == 6:
                six = s
                break
    if six is not None and any(_states_fee_notice(p) for p in _section_text(six)):
        return []
    section = (
        L10n("第六部分“其他需要报告的事项”", "section 六 (other matters to report)")
        if six is not None
        else L10n("报告（未见第六部分）", "the report (which has no section 六)")
    )
    return [
        Finding(
            code="GD402",
            severity=policy.severity("GD402"),
            path="$.requests.other.unpaid_fee.total",
            location=L10n(
                "表三 (六)其他处理 / 2.申请人逾期未按收费通知要求缴纳费用；第六部分",
                "Table 3 (6)2 unpaid fee; section 六",
            ),
            args=(("value", str(unpaid)), ("section", section)),
            sides=(
                Side(
                    L10n("表三(六)2 总计", "table 3 (6)2 total"),
                    unpaid,
                    str(unpaid),
                    None,
                    ("$.requests.other.unpaid_fee.total",),
                ),
            ),
            year=report.year,
        )
    ]
