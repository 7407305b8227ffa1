"""Build the bundled example reports of govdisclosure.

Run from anywhere (it writes into the repository it lives in)::

    python scripts/build_examples.py            # (re)write the three JSON files
    python scripts/build_examples.py --check    # exit 1 if a JSON file is out of date

It builds three reports with the model's public API and writes each with
``to_json(report, indent=1)`` (UTF-8, one trailing newline) to
``src/govdisclosure/examples/<name>.json``. Those JSON files are this script's output: do not
edit them by hand, edit this script and run it again. The output is deterministic: running
the script twice writes identical files.

- ``xianning-2015``: the published 2015 report of 咸宁市民政局 (legacy edition), read from
  ``src/govdisclosure/examples/xianning-2015.txt``: metadata, preamble, the eight sections
  with every paragraph verbatim, the signature, the statistical period, every figure the text
  writes in Arabic numerals (dates, years, the phone number and the URL excepted) as a
  located :class:`~govdisclosure.Fact`, and the three relations the text states. In section
  八 the published text breaks one paragraph before ``http://www.xianning.gov.cn/xnsmzj2/)``;
  that paragraph is kept as ONE paragraph containing the line break (``"\\n"``), so that
  joining preamble, headings and paragraphs with ``"\\n"`` gives the published text back.
- ``jianghe-2020`` (trial 2019 edition) and ``jianghe-2021`` (standard 2021 edition): reports
  of an invented agency, 江河市自然资源和规划局 of the fictitious 江河市, with every table
  filled (no blank cell) and every total holding by construction (the ``build`` class
  methods); the 2021 table 三 carries over exactly what 2020 carried forward. Their prose
  quotes table figures; those figures are facts too, keyed by the table cell they quote
  (``"requests.new.total"`` is ``report.requests.new.total``), or by the group they sum
  (``"requests.withheld"``, ``"reviews.litigation"``) or a prose-only name
  (``"proactive.total"``).

Every fact is located by :func:`~govdisclosure.numerals.find_quantities`, paragraph by
paragraph, and given a hand-written key and label; the build fails if the figures found in a
paragraph are not exactly the figures labelled for it (none missed, none invented), if a
figure does not read back to the same text, or if a stated relation does not hold.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

from govdisclosure import examples, layout_of, to_json
from govdisclosure.model import (
    ActiveDisclosure2019,
    ActiveDisclosure2021,
    AgencyKind,
    ApplicantCounts,
    DocumentCounts2019,
    DocumentCounts2021,
    Edition,
    Fact,
    FeeItems2019,
    ItemCounts2019,
    Location,
    Metadata,
    NotProcessed,
    OtherHandling,
    Outcomes,
    Period,
    Procurement2019,
    Relation,
    Report,
    Requests2019,
    Requests2021,
    ReviewsAndLitigation,
    Section,
    Signature,
    Unable,
    Withheld,
)
from govdisclosure.money import Amount, MoneyUnit
from govdisclosure.numerals import OrdinalStyle, find_quantities, parse_quantity, split_ordinal
from govdisclosure.rules._scope import scope_of

__all__ = [
    "BUILDERS",
    "EXAMPLES_DIR",
    "build_jianghe_2020",
    "build_jianghe_2021",
    "build_xianning_2015",
    "main",
    "render_json",
]

EXAMPLES_DIR = Path(__file__).resolve().parents[1] / "src" / "govdisclosure" / "examples"
"""Where the JSON files are written: the package's ``examples`` folder in this repository."""


class BuildError(Exception):
    """The example data and the text disagree: a figure is missed, misread or mislabelled."""


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise BuildError(message)


# --------------------------------------------------------------------------- shared helpers


Figure = tuple[str, str, str]
"""A labelled figure of a paragraph: (verbatim text, fact key, Chinese label)."""

Place = tuple[tuple[int, ...], int]
"""A paragraph: (section path, paragraph index); ``()`` is the preamble."""


def _paragraph_places(
    preamble: Sequence[str], sections: Sequence[Section]
) -> list[tuple[Place, str]]:
    """Every paragraph with its place, in document order (a section's own paragraphs first)."""
    places: list[tuple[Place, str]] = [(((), i), p) for i, p in enumerate(preamble)]

    def walk(section: Section, prefix: tuple[int, ...]) -> None:
        path = (*prefix, section.ordinal)
        places.extend(((path, i), p) for i, p in enumerate(section.paragraphs))
        for sub in section.subsections:
            walk(sub, path)

    for section in sections:
        walk(section, ())
    return places


def _located_facts(
    preamble: Sequence[str],
    sections: Sequence[Section],
    labels: Mapping[Place, Sequence[Figure]],
) -> tuple[Fact, ...]:
    """The facts of a text: every figure ``find_quantities`` finds, with its label.

    Fails unless the figures found in each paragraph are exactly, in order, the figures
    labelled for it, and each figure's text reads back to itself with ``parse_quantity``.
    """
    facts: list[Fact] = []
    seen: set[Place] = set()
    for place, paragraph in _paragraph_places(preamble, sections):
        found = find_quantities(paragraph)
        figures = labels.get(place, ())
        found_texts = [f.text for f in found]
        labelled_texts = [text for text, _, _ in figures]
        _require(
            found_texts == labelled_texts,
            f"section {place[0]} paragraph {place[1]}: the text has the figures "
            f"{found_texts}, the labels name {labelled_texts}",
        )
        seen.add(place)
        for hit, (text, key, label) in zip(found, figures, strict=True):
            quantity = parse_quantity(text)
            _require(quantity == hit.quantity, f"{text!r} reads differently alone and in place")
            _require(str(quantity) == text, f"{text!r} does not round-trip: {quantity}")
            _require(paragraph[hit.start : hit.end] == text, f"{text!r} is not at its span")
            location = Location(section=place[0], paragraph=place[1], start=hit.start, end=hit.end)
            facts.append(
                Fact(
                    key=key,
                    label=label,
                    text=text,
                    quantity=quantity,
                    location=location,
                    # what the figure covers, where the words around it say so (截至, 全市 …)
                    scope=scope_of(paragraph, hit.start),
                )
            )
    _require(not set(labels) - seen, f"labels for missing paragraphs: {set(labels) - seen}")
    keys = [f.key for f in facts]
    _require(len(keys) == len(set(keys)), "duplicate fact keys")
    return tuple(facts)


def _check_relations(facts: Sequence[Fact], relations: Sequence[Relation]) -> None:
    """Fail unless every relation holds: exactly, or within the result's qualifier (300余)."""
    by_key = {f.key: f for f in facts}
    for relation in relations:
        result = by_key[relation.result].quantity
        terms = [(by_key[key].quantity, sign) for key, sign in relation.terms()]
        _require(
            all(q.qualifier is None and q.is_money == result.is_money for q, _ in terms),
            f"relation {relation.result}: the parts must be exact and of the result's kind",
        )
        if result.is_money:
            plus = Amount.total([q.amount for q, sign in terms if sign > 0])
            minus = Amount.total([q.amount for q, sign in terms if sign < 0], plus.unit)
            value = (plus - minus).yuan
        else:
            value = sum((q.exact * sign for q, sign in terms), Decimal(0))
        _require(result.admits(value), f"relation {relation.result}: the parts give {value}")


def _facts(
    preamble: Sequence[str],
    sections: Sequence[Section],
    labels: Mapping[Place, Sequence[Figure]],
    relations: Sequence[Relation],
) -> tuple[Fact, ...]:
    """The located facts of a text, once the relations it states are checked against them."""
    facts = _located_facts(preamble, sections, labels)
    _check_relations(facts, relations)
    return facts


# --------------------------------------------------------------------------- xianning-2015

_XIANNING = "xianning-2015"
_XIANNING_AGENCY = "咸宁市民政局"
_XIANNING_WRAPPED_TAIL = "http://www.xianning.gov.cn/xnsmzj2/)"
"""The line of the published text that continues the paragraph before it (section 八)."""

_PORTAL = (
    ("8条", "portal.social_assistance", "局门户网站公开社会救助信息条数"),
    ("19条", "portal.social_organizations", "局门户网站公开社会组织信息条数"),
    ("12条", "portal.charities", "局门户网站公开慈善组织信息条数"),
    ("11条", "portal.administrative_approval", "局门户网站公开行政审批信息条数"),
    ("12条", "portal.double_support", "局门户网站公开双拥创建信息条数"),
    ("18条", "portal.institutions", "局门户网站公开机构设置信息条数"),
    ("188条", "portal.work_news", "局门户网站公开工作动态信息条数"),
    ("8条", "portal.policies", "局门户网站公开政策法规信息条数"),
    ("8条", "portal.government_affairs", "局门户网站公开政务公开信息条数"),
    ("13条", "portal.service_guides", "局门户网站公开办事指南信息条数"),
    ("11条", "portal.notices", "局门户网站公开文件通知信息条数"),
    ("4条", "portal.announcements", "局门户网站公开公告条数"),
)

_XIANNING_FIGURES: dict[Place, tuple[Figure, ...]] = {
    # 二、重点领域政府信息公开工作落实情况
    ((2,), 0): (
        ("8条", "key_areas.social_assistance", "社会救助栏目更新信息条数"),
        ("19条", "key_areas.social_organizations", "社会组织栏目更新信息条数"),
        ("12条", "key_areas.charities", "慈善组织栏目更新信息条数"),
        ("11条", "key_areas.administrative_approval", "行政审批栏目更新信息条数"),
    ),
    ((2,), 1): (
        ("121702户", "subsistence.households", "城乡低保对象户数"),
        ("174131人", "subsistence.persons", "城乡低保对象人数"),
        ("36581.5万元", "subsistence.funds", "城乡低保发放资金"),
        ("10631人", "five_guarantees.persons", "农村五保对象人数"),
        ("4906.29万元", "five_guarantees.funds", "农村五保发放资金"),
        ("49237人", "medical_aid.persons", "医疗救助人数"),
        ("6403.09万元", "medical_aid.funds", "医疗救助发放资金"),
        ("34791人", "temporary_aid.persons", "临时救助人数"),
        ("2473.56万元", "temporary_aid.funds", "临时救助发放资金"),
    ),
    ((2,), 2): (
        ("147件", "online.registrations", "受理网上登记审批业务件数"),
        ("863件", "online.inspections", "受理网上年检业务件数"),
    ),
    ((2,), 3): (
        ("1619106元", "donations.income", "“送温暖 献爱心”捐款收入"),
        ("1454400元", "donations.expenditure", "“送温暖 献爱心”捐款支出"),
        ("164706元", "donations.balance", "“送温暖 献爱心”捐款结余"),
        ("4200.7万元", "disaster_relief.total", "下拨使用救灾资金"),
        ("3948万元", "disaster_relief.provincial", "省拨救灾资金"),
        ("252.7万元", "disaster_relief.local", "地方配套救灾资金"),
    ),
    ((2,), 4): (
        ("58.5万", "verification_platform.investment", "居民家庭经济状况核对平台已投入资金"),
    ),
    # 四、主动公开政府信息情况
    ((4,), 0): (("300余条", "portal.total", "局门户网站公开信息条数"), *_PORTAL),
}

_XIANNING_RELATIONS = (
    Relation(
        result="donations.balance",
        add=("donations.income",),
        subtract=("donations.expenditure",),
        text="结余",
    ),
    Relation(
        result="disaster_relief.total",
        add=("disaster_relief.provincial", "disaster_relief.local"),
        text="其中",
    ),
    Relation(result="portal.total", add=tuple(key for _, key, _ in _PORTAL), text="其中"),
)


def _xianning_sections(lines: Sequence[str]) -> tuple[Section, ...]:
    """The eight sections: a heading "一、…" opens each, every other line is a paragraph."""
    drafts: list[tuple[str, list[str]]] = []
    wrapped = 0
    for line in lines:
        split = split_ordinal(line)
        if split is not None and split[0].style is OrdinalStyle.CHINESE:
            _require(split[0].value == len(drafts) + 1, f"unexpected heading {line!r}")
            drafts.append((split[1], []))
        elif line == _XIANNING_WRAPPED_TAIL:
            # One paragraph printed over two lines: keep it whole, line break included.
            drafts[-1][1][-1] += "\n" + line
            wrapped += 1
        else:
            _require(bool(drafts), f"paragraph before the first heading: {line!r}")
            drafts[-1][1].append(line)
    _require(len(drafts) == 8 and wrapped == 1, "expected eight sections and one wrapped line")
    return tuple(
        Section(ordinal=i, title=title, paragraphs=tuple(paragraphs))
        for i, (title, paragraphs) in enumerate(drafts, 1)
    )


def build_xianning_2015() -> Report:
    """咸宁市民政局's 2015 report, modelled completely from its published text."""
    lines = examples.source_text(_XIANNING).split("\n")
    title = lines[0]
    _require(title == f"{_XIANNING_AGENCY}2015年政府信息公开工作年度报告", "title")
    # Lines 2 to 5 are the web page's metadata block, printed with no-break spaces.
    block = "\n".join(lines[1:5])
    for pattern in (
        r"\A索引号\s*:\s*文\s*号\s*:\s*无\n",
        r"\n主题分类:\s*发文单位:\s*无\n",
        rf"\n名\s*称:\s*{title}\s*发布日期:\s*2020年09月11日\n",
        r"\n有效性:\s*发文日期:\Z",
    ):
        _require(re.search(pattern, block) is not None, f"metadata line {pattern!r}")
    metadata = Metadata(
        index_number=None,
        document_number="无",
        subject=None,
        issuer="无",
        name=title,
        published=dt.date(2020, 9, 11),
        validity=None,
        document_date=None,
    )
    preamble = (lines[5],)
    sections = _xianning_sections(lines[6:-2])
    _require(lines[-2:] == [_XIANNING_AGENCY, "2016年1月29日"], "signature and date")
    _require(
        "统计期限自2015年1月1日至12月31日止" in sections[7].paragraphs[0],
        "the statistical period in section 八",
    )
    return Report(
        agency=_XIANNING_AGENCY,
        year=2015,
        edition=Edition.LEGACY_2008,
        title=title,
        agency_kind=AgencyKind.DEPARTMENT,  # 咸宁市民政局: a department of the city government
        metadata=metadata,
        preamble=preamble,
        sections=sections,
        signature=Signature(agency=_XIANNING_AGENCY, date=dt.date(2016, 1, 29)),
        period=Period(start=dt.date(2015, 1, 1), end=dt.date(2015, 12, 31)),
        facts=_facts(preamble, sections, _XIANNING_FIGURES, _XIANNING_RELATIONS),
        relations=_XIANNING_RELATIONS,
    )


# --------------------------------------------------------------------------- jianghe

_JIANGHE = "江河市自然资源和规划局"
_INDEX_PREFIX = "11421200MB1234567X"


class _Para(NamedTuple):
    """A paragraph of invented prose and the figures it states, in order."""

    text: str
    figures: tuple[Figure, ...] = ()


_PUBLISHED = str.maketrans(
    {"(": "\uff08", ")": "\uff09", ",": "\uff0c", ":": "\uff1a", ";": "\uff1b"}
)


def _published(text: str) -> str:
    """Invented prose as real reports write it: full-width （），：；.

    The source lines below are written with ASCII marks (easier to edit and to line up); the
    reports print the full-width marks, as every published 年报 does."""
    return text.translate(_PUBLISHED)


def _p(text: str, *figures: Figure) -> _Para:
    return _Para(_published(text), figures)


class _Outline:
    """Builds sections from paragraphs, collecting the labels of their figures by place."""

    def __init__(self) -> None:
        self.labels: dict[Place, tuple[Figure, ...]] = {}

    def section(
        self,
        path: tuple[int, ...],
        title: str,
        *paragraphs: _Para,
        subsections: tuple[Section, ...] = (),
    ) -> Section:
        for i, paragraph in enumerate(paragraphs):
            if paragraph.figures:
                self.labels[path, i] = paragraph.figures
        return Section(
            ordinal=path[-1],
            title=title,
            paragraphs=tuple(p.text for p in paragraphs),
            subsections=subsections,
        )


def _official_titles(edition: Edition) -> dict[int, str]:
    return {s.ordinal: s.title for s in layout_of(edition).sections}


_SUBSECTION_TITLES = ("主动公开", "依申请公开", "政府信息管理", "政府信息公开平台建设", "监督保障")


def _filled(cls: type[Any], **given: ApplicantCounts) -> Any:
    """A group of table 三 rows with every row filled: the given ones, zeros elsewhere."""
    rows: tuple[str, ...] = cls.ROWS
    _require(set(given) <= set(rows), f"{cls.__name__} has no rows {set(given) - set(rows)}")
    return cls(**{name: given.get(name, ApplicantCounts.build()) for name in rows})


def _counts(
    natural_person: int = 0,
    commercial: int = 0,
    research: int = 0,
    public_interest: int = 0,
    legal_services: int = 0,
    other: int = 0,
) -> ApplicantCounts:
    return ApplicantCounts.build(
        natural_person=natural_person,
        commercial=commercial,
        research=research,
        public_interest=public_interest,
        legal_services=legal_services,
        other=other,
    )


def _preamble(year: int, edition: Edition) -> str:
    if edition is Edition.TRIAL_2019:
        form = "《中华人民共和国政府信息公开工作年度报告格式(试行)》(国办公开办函〔2019〕60号)"
    else:
        form = "《中华人民共和国政府信息公开工作年度报告格式》(国办公开办函〔2021〕30号)"
    return _published(
        f"本报告根据《中华人民共和国政府信息公开条例》(以下简称《条例》)和{form}的要求编制,"
        "由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、"
        "政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项"
        f"六部分组成。本报告所列数据的统计期限为{year}年1月1日至{year}年12月31日。"
        "本报告电子版可在江河市人民政府门户网站政府信息公开专栏查阅或下载。"
        f"如对本报告有疑问,请与{_JIANGHE}办公室联系。"
    )


def _jianghe_report(
    *,
    year: int,
    edition: Edition,
    index_number: str,
    signed: dt.date,
    published: dt.date,
    outline: _Outline,
    sections: tuple[Section, ...],
    active: ActiveDisclosure2021 | ActiveDisclosure2019,
    requests: Requests2021 | Requests2019,
    reviews: ReviewsAndLitigation,
    relations: Sequence[Relation],
) -> Report:
    title = f"{_JIANGHE}{year}年政府信息公开工作年度报告"
    titles = _official_titles(edition)
    _require(
        [(s.ordinal, s.title) for s in sections] == sorted(titles.items()),
        "the six official headings",
    )
    _require(
        tuple(s.title for s in sections[0].subsections) == _SUBSECTION_TITLES,
        "the five sub-sections of 一",
    )
    _require(signed <= published < dt.date(year + 1, 1, 31), "published before 1月31日")
    preamble = (_preamble(year, edition),)
    return Report(
        agency=_JIANGHE,
        year=year,
        edition=edition,
        title=title,
        agency_kind=AgencyKind.DEPARTMENT,
        metadata=Metadata(
            index_number=index_number,
            document_number=None,
            subject="综合政务/政务公开",
            issuer=_JIANGHE,
            name=title,
            published=published,
            validity=None,
            document_date=signed,
        ),
        preamble=preamble,
        sections=sections,
        signature=Signature(agency=_JIANGHE, date=signed),
        period=Period.calendar_year(year),
        active=active,
        requests=requests,
        reviews=reviews,
        facts=_facts(preamble, sections, outline.labels, relations),
        relations=tuple(relations),
    )


_PROACTIVE_PARTS = (
    ("机构职能和工作动态", "proactive.news"),
    ("政策文件及解读", "proactive.policies"),
    ("规划公示和批后公布", "proactive.planning"),
    ("建设用地审批和土地供应信息", "proactive.land_supply"),
    ("不动产登记和测绘地理信息", "proactive.registration"),
)


def _proactive(year: int, total: int, parts: tuple[int, ...]) -> tuple[_Para, Relation]:
    """一、(一) first paragraph: the items published, and the kinds that add up to them."""
    _require(sum(parts) == total, "the kinds of published information add up")
    breakdown = ",".join(
        f"{name}{n}条" for (name, _), n in zip(_PROACTIVE_PARTS, parts, strict=True)
    )
    para = _p(
        f"{year}年,我局通过江河市人民政府门户网站、“江河自然资源”微信公众号等平台"
        f"主动公开政府信息{total}条,其中{breakdown}。",
        (f"{total}条", "proactive.total", "主动公开政府信息条数"),
        *(
            (f"{n}条", key, f"主动公开{name}条数")
            for (name, key), n in zip(_PROACTIVE_PARTS, parts, strict=True)
        ),
    )
    relation = Relation(
        result="proactive.total",
        add=tuple(key for _, key in _PROACTIVE_PARTS),
        text="其中",
    )
    return para, relation


def _handling(year: int, requests: Requests2021 | Requests2019) -> tuple[_Para, Relation]:
    """一、(二) first paragraph: the table 三 totals in words, each quoted from the table."""

    def total(rows: Sequence[ApplicantCounts]) -> int:
        return sum(row.total or 0 for row in rows)

    other_rows = requests.other.rows() if isinstance(requests, Requests2021) else (requests.other,)
    other_key = "requests.other" if isinstance(requests, Requests2021) else "requests.other.total"
    groups = (
        ("予以公开", "requests.granted.total", (requests.granted,)),
        ("部分公开", "requests.partly_granted.total", (requests.partly_granted,)),
        ("不予公开", "requests.withheld", requests.withheld.rows()),
        ("无法提供", "requests.unable", requests.unable.rows()),
        ("不予处理", "requests.not_processed", requests.not_processed.rows()),
        ("其他处理", other_key, other_rows),
    )
    new, carried, done = (
        requests.new.total,
        requests.carried_over.total,
        requests.total.total,
    )
    forward = requests.carried_forward.total
    parts = ",".join(f"{name}{total(rows)}件" for name, _, rows in groups)
    para = _p(
        f"{year}年,我局共收到政府信息公开申请{new}件,上年结转{carried}件;办结{done}件,"
        f"其中{parts};结转下年度继续办理{forward}件。所有申请均在法定期限内答复,"
        "未发生逾期答复情况。",
        (f"{new}件", "requests.new.total", "本年新收政府信息公开申请数量"),
        (f"{carried}件", "requests.carried_over.total", "上年结转政府信息公开申请数量"),
        (f"{done}件", "requests.total.total", "本年度办结申请总数"),
        *((f"{total(rows)}件", key, f"办理结果:{name}") for name, key, rows in groups),
        (f"{forward}件", "requests.carried_forward.total", "结转下年度继续办理申请数量"),
    )
    relation = Relation(
        result="requests.total.total", add=tuple(key for _, key, _ in groups), text="其中"
    )
    return para, relation


_APPLICANT_NAMES = (
    ("commercial", "商业企业"),
    ("research", "科研机构"),
    ("public_interest", "社会公益组织"),
    ("legal_services", "法律服务机构"),
    ("other", "其他"),
)


def _applicants(new: ApplicantCounts) -> tuple[_Para, Relation]:
    """三、 first paragraph: the new applications by applicant type (non-zero types only)."""
    stated = [
        (name, column, getattr(new, column))
        for column, name in _APPLICANT_NAMES
        if getattr(new, column)
    ]
    breakdown = ",".join(f"{name}{n}件" for name, _, n in stated)
    para = _p(
        f"从申请人类型看,自然人提出申请{new.natural_person}件,"
        f"法人或其他组织提出申请{new.legal_persons}件,其中{breakdown}。具体情况见下表。",
        (f"{new.natural_person}件", "requests.new.natural_person", "自然人新收申请数量"),
        (f"{new.legal_persons}件", "requests.new.legal_persons", "法人或其他组织新收申请数量"),
        *(
            (f"{n}件", f"requests.new.{column}", f"{name}新收申请数量")
            for name, column, n in stated
        ),
    )
    relation = Relation(
        result="requests.new.legal_persons",
        add=tuple(f"requests.new.{column}" for _, column, _ in stated),
        text="其中",
    )
    return para, relation


# ----------------------------------------------------------------- jianghe-2020 (trial 2019)


def _requests_2020() -> Requests2019:
    return Requests2019.build(
        new=_counts(natural_person=28, commercial=5, public_interest=1, legal_services=3, other=1),
        carried_over=_counts(natural_person=2),
        granted=_counts(natural_person=12, commercial=2, legal_services=1),
        partly_granted=_counts(natural_person=4, commercial=1),
        withheld=_filled(
            Withheld,
            third_party=_counts(natural_person=1),
            process_information=_counts(natural_person=1, commercial=1),
        ),
        unable=_filled(
            Unable,
            not_held=_counts(natural_person=6, public_interest=1, legal_services=1),
            needs_creation=_counts(natural_person=1),
        ),
        not_processed=_filled(
            NotProcessed,
            petitions=_counts(natural_person=2),
            repeated=_counts(natural_person=1),
        ),
        other=_counts(natural_person=1, other=1),
    )


def build_jianghe_2020() -> Report:
    """The invented 江河市自然资源和规划局's 2020 report (trial 2019 edition)."""
    year, edition = 2020, Edition.TRIAL_2019
    titles = _official_titles(edition)
    requests = _requests_2020()
    active = ActiveDisclosure2019(
        # a 市局 makes no 规章 (立法法: 国务院部门 and 省级/设区的市 人民政府 only)
        regulations=DocumentCounts2019(new_made=0, new_published=0, total_published=0),
        normative_documents=DocumentCounts2019(new_made=9, new_published=9, total_published=50),
        licensing=ItemCounts2019(previous_items=46, change=-3, decisions=1175),
        other_services=ItemCounts2019(previous_items=18, change=2, decisions=342),
        punishment=ItemCounts2019(previous_items=112, change=-9, decisions=74),
        enforcement=ItemCounts2019(previous_items=9, change=0, decisions=4),
        fees=FeeItems2019(previous_items=5, change=-1),
        procurement=Procurement2019(
            projects=7, amount=Decimal("1863500"), amount_unit=MoneyUnit.YUAN
        ),
    )
    reviews = ReviewsAndLitigation(
        review=Outcomes.build(upheld=1, other=1),
        litigation_direct=Outcomes.build(upheld=1),
        litigation_after_review=Outcomes.build(),
    )
    proactive, proactive_sum = _proactive(year, 1342, (376, 88, 165, 301, 412))
    handling, handling_sum = _handling(year, requests)
    applicants, applicants_sum = _applicants(requests.new)
    o = _Outline()
    one = o.section(
        (1,),
        titles[1],
        _p(
            f"{year}年,{_JIANGHE}认真贯彻落实新修订的《条例》,在做好疫情防控和复工复产"
            "用地保障的同时,围绕自然资源管理重点工作推进政府信息公开,公开的及时性、"
            "准确性和规范性进一步提高。"
        ),
        subsections=(
            o.section(
                (1, 1),
                "主动公开",
                proactive,
                _p(
                    "疫情期间,及时发布不动产登记“不见面”办理、建设用地审批“容缺受理”等"
                    "便民措施,为企业复工复产提供政策指引;对新出台的政策文件,做到政策文件"
                    "与解读材料同步起草、同步审签、同步发布。"
                ),
            ),
            o.section(
                (1, 2),
                "依申请公开",
                handling,
                _p(
                    "申请内容主要涉及征地补偿安置、国土空间规划和不动产登记等方面。对申请"
                    "内容不明确的,一次性告知申请人补正;对本机关不掌握的信息,告知申请人"
                    "可以咨询的机关及联系方式。"
                ),
            ),
            o.section(
                (1, 3),
                "政府信息管理",
                _p(
                    "严格落实政府信息公开保密审查制度,坚持“先审查、后公开”。按照新修订的"
                    "《条例》要求,对本机关的规范性文件进行全面梳理,本年度新制作规范性文件"
                    "9件,对外公开的规范性文件共50件。",
                    ("9件", "active.normative_documents.new_made", "本年新制作规范性文件数量"),
                    (
                        "50件",
                        "active.normative_documents.total_published",
                        "对外公开规范性文件总数量",
                    ),
                ),
            ),
            o.section(
                (1, 4),
                "政府信息公开平台建设",
                _p(
                    "对照新修订的《条例》,调整优化门户网站政府信息公开专栏,增设“法定主动"
                    "公开内容”栏目,及时更新政府信息公开指南和政府信息公开目录,做到信息发布"
                    "及时、分类准确、链接有效。"
                ),
            ),
            o.section(
                (1, 5),
                "监督保障",
                _p(
                    "将政务公开工作纳入局年度目标考核,明确分管领导和专职工作人员。全年组织"
                    "政务公开专题培训2次,参训86人次。",
                    ("2次", "oversight.trainings", "政务公开专题培训次数"),
                    ("86人次", "oversight.trainees", "政务公开专题培训参训人次"),
                ),
            ),
        ),
    )
    sections = (
        one,
        o.section((2,), titles[2]),
        o.section((3,), titles[3], applicants),
        o.section(
            (4,),
            titles[4],
            _p(
                f"{year}年,我局因政府信息公开工作被申请行政复议2件,其中结果维持1件,"
                "其他结果1件;被提起行政诉讼1件,为未经复议直接起诉,结果维持。",
                ("2件", "reviews.review.total", "行政复议总计"),
                ("1件", "reviews.review.upheld", "行政复议结果维持"),
                ("1件", "reviews.review.other", "行政复议其他结果"),
                ("1件", "reviews.litigation", "行政诉讼总计"),
            ),
        ),
        o.section(
            (5,),
            titles[5],
            _p(
                f"{year}年,我局政府信息公开工作取得了一定成效,但仍存在一些不足:一是政府"
                "信息公开工作人员多为兼职,业务能力有待提高;二是政策解读的形式和深度还"
                "不够;三是依申请公开答复文书的规范性有待加强。"
            ),
            _p(
                "下一步,我局将加强政府信息公开工作人员业务培训,提升专业化水平;丰富政策"
                "解读形式,增加图解、问答等群众易于理解的解读材料;统一依申请公开答复文书"
                "格式,规范法律依据的援引和告知事项。"
            ),
        ),
        o.section(
            (6,),
            titles[6],
            _p("本年度我局依申请提供政府信息,未收取任何费用。"),
            _p(
                f"{year}年,我局共办理市人大代表建议12件、市政协委员提案19件,"
                "办理结果均已按规定在门户网站公开。",
                ("12件", "proposals.deputies", "办理市人大代表建议件数"),
                ("19件", "proposals.members", "办理市政协委员提案件数"),
            ),
        ),
    )
    return _jianghe_report(
        year=year,
        edition=edition,
        index_number=f"{_INDEX_PREFIX}/2021-00008",
        signed=dt.date(2021, 1, 19),
        published=dt.date(2021, 1, 21),
        outline=o,
        sections=sections,
        active=active,
        requests=requests,
        reviews=reviews,
        relations=(
            proactive_sum,
            handling_sum,
            applicants_sum,
            Relation(
                result="reviews.review.total",
                add=("reviews.review.upheld", "reviews.review.other"),
                text="其中",
            ),
        ),
    )


# -------------------------------------------------------------- jianghe-2021 (standard 2021)


def _requests_2021() -> Requests2021:
    return Requests2021.build(
        new=_counts(
            natural_person=34,
            commercial=7,
            research=1,
            public_interest=1,
            legal_services=2,
            other=1,
        ),
        # Cross-year rule R7: exactly what the 2020 report carried forward, per column.
        carried_over=_requests_2020().carried_forward,
        granted=_counts(natural_person=13, commercial=3, research=1),
        partly_granted=_counts(natural_person=4, commercial=1, legal_services=1),
        withheld=_filled(
            Withheld,
            third_party=_counts(natural_person=2),
            internal_affairs=_counts(commercial=1),
            process_information=_counts(natural_person=1),
        ),
        unable=_filled(
            Unable,
            not_held=_counts(natural_person=7, commercial=1, public_interest=1),
            needs_creation=_counts(natural_person=2),
            still_unclear=_counts(natural_person=1),
        ),
        not_processed=_filled(
            NotProcessed,
            petitions=_counts(natural_person=2),
            repeated=_counts(natural_person=1),
        ),
        other=_filled(
            OtherHandling,
            no_correction=_counts(natural_person=1, other=1),
            other=_counts(legal_services=1),
        ),
    )


def build_jianghe_2021() -> Report:
    """The invented 江河市自然资源和规划局's 2021 report (standard 2021 edition)."""
    year, edition = 2021, Edition.STANDARD_2021
    titles = _official_titles(edition)
    requests = _requests_2021()
    active = ActiveDisclosure2021(
        # a 市局 makes no 规章 (立法法: 国务院部门 and 省级/设区的市 人民政府 only)
        regulations=DocumentCounts2021(issued=0, repealed=0, in_force=0),
        normative_documents=DocumentCounts2021(issued=11, repealed=4, in_force=57),
        licensing=1268,
        punishment=87,
        enforcement=6,
        fees=Amount("20.30", MoneyUnit.WAN_YUAN),
    )
    reviews = ReviewsAndLitigation(
        review=Outcomes.build(upheld=2, corrected=1),
        litigation_direct=Outcomes.build(upheld=1, pending=1),
        litigation_after_review=Outcomes.build(upheld=1),
    )
    proactive, proactive_sum = _proactive(year, 1526, (412, 96, 183, 357, 478))
    handling, handling_sum = _handling(year, requests)
    applicants, applicants_sum = _applicants(requests.new)
    o = _Outline()
    one = o.section(
        (1,),
        titles[1],
        _p(
            f"{year}年,{_JIANGHE}坚持以习近平新时代中国特色社会主义思想为指导,认真贯彻"
            "落实《条例》和省、市政务公开工作部署,围绕国土空间规划、耕地保护、不动产登记"
            "等群众关注的重点领域,全面推进决策、执行、管理、服务、结果公开,政府信息公开"
            "工作取得新的进展。"
        ),
        subsections=(
            o.section(
                (1, 1),
                "主动公开",
                proactive,
                _p(
                    "围绕群众关注的热点问题,及时发布国土空间总体规划编制进展、征地补偿标准"
                    "和不动产登记“一窗受理”等信息;对新出台的政策文件,做到政策文件与解读"
                    "材料同步起草、同步审签、同步发布。"
                ),
            ),
            o.section(
                (1, 2),
                "依申请公开",
                handling,
                _p(
                    "申请内容主要涉及征地补偿安置、国土空间规划、不动产登记和建设项目规划"
                    "许可等方面。对申请内容不明确的,一次性告知申请人补正;对本机关不掌握的"
                    "信息,告知申请人可以咨询的机关及联系方式。"
                ),
            ),
            o.section(
                (1, 3),
                "政府信息管理",
                _p(
                    "严格落实政府信息公开保密审查制度,坚持“先审查、后公开”和“一事一审”,"
                    "全年未发生泄密事件。组织开展行政规范性文件清理,本年度制发行政规范性"
                    "文件11件、废止4件,现行有效的57件已在门户网站集中公开并动态更新。",
                    ("11件", "active.normative_documents.issued", "本年制发行政规范性文件件数"),
                    ("4件", "active.normative_documents.repealed", "本年废止行政规范性文件件数"),
                    ("57件", "active.normative_documents.in_force", "现行有效行政规范性文件件数"),
                ),
            ),
            o.section(
                (1, 4),
                "政府信息公开平台建设",
                _p(
                    "以江河市人民政府门户网站为第一平台,持续优化政府信息公开专栏,规范设置"
                    "法定主动公开内容、重点领域信息公开等栏目,做到信息发布及时、分类准确、"
                    "链接有效;同步运用“江河自然资源”微信公众号、局办事大厅电子屏等渠道,"
                    "扩大政策信息的传播范围。"
                ),
            ),
            o.section(
                (1, 5),
                "监督保障",
                _p(
                    "将政务公开工作纳入局年度目标考核,成立由主要负责同志任组长的政务公开"
                    "工作领导小组,明确分管领导和专职工作人员。全年组织政务公开专题培训3次,"
                    "参训120人次,对照第三方评估反馈的问题逐项整改到位。",
                    ("3次", "oversight.trainings", "政务公开专题培训次数"),
                    ("120人次", "oversight.trainees", "政务公开专题培训参训人次"),
                ),
            ),
        ),
    )
    sections = (
        one,
        o.section((2,), titles[2]),
        o.section((3,), titles[3], applicants),
        o.section(
            (4,),
            titles[4],
            _p(
                f"{year}年,我局因政府信息公开工作被申请行政复议3件,其中结果维持2件,"
                "结果纠正1件;被提起行政诉讼3件,其中未经复议直接起诉2件(结果维持1件,"
                "尚未审结1件),复议后起诉1件,结果维持。",
                ("3件", "reviews.review.total", "行政复议总计"),
                ("2件", "reviews.review.upheld", "行政复议结果维持"),
                ("1件", "reviews.review.corrected", "行政复议结果纠正"),
                ("3件", "reviews.litigation", "行政诉讼总计"),
                ("2件", "reviews.litigation_direct.total", "未经复议直接起诉总计"),
                ("1件", "reviews.litigation_direct.upheld", "未经复议直接起诉结果维持"),
                ("1件", "reviews.litigation_direct.pending", "未经复议直接起诉尚未审结"),
                ("1件", "reviews.litigation_after_review.total", "复议后起诉总计"),
            ),
        ),
        o.section(
            (5,),
            titles[5],
            _p(
                f"{year}年,我局政府信息公开工作取得了一定成效,但对照新形势新要求,仍存在"
                "一些不足:一是政策解读形式较为单一,图解、视频等群众易于理解的解读材料偏少;"
                "二是依申请公开答复的规范化水平有待提高,部分答复书的说理不够充分;三是基层"
                "自然资源所政务公开工作力量相对薄弱。"
            ),
            _p(
                "下一步,我局将从以下方面加以改进:一是丰富政策解读形式,对涉及群众切身利益"
                "的政策文件,通过图解、问答、短视频等方式进行解读;二是加强依申请公开业务"
                "培训,规范答复文书格式和法律依据的援引;三是加强对基层自然资源所的业务指导,"
                "推动政务公开标准化规范化向基层延伸。"
            ),
        ),
        o.section(
            (6,),
            titles[6],
            _p("本年度我局未发出信息处理费收费通知,未收取信息处理费。"),
            _p(
                f"{year}年,我局共办理市人大代表建议15件、市政协委员提案22件,"
                "办理结果均已按规定在门户网站公开。",
                ("15件", "proposals.deputies", "办理市人大代表建议件数"),
                ("22件", "proposals.members", "办理市政协委员提案件数"),
            ),
        ),
    )
    return _jianghe_report(
        year=year,
        edition=edition,
        index_number=f"{_INDEX_PREFIX}/2022-00012",
        signed=dt.date(2022, 1, 18),
        published=dt.date(2022, 1, 20),
        outline=o,
        sections=sections,
        active=active,
        requests=requests,
        reviews=reviews,
        relations=(
            proactive_sum,
            handling_sum,
            applicants_sum,
            Relation(
                result="reviews.review.total",
                add=("reviews.review.upheld", "reviews.review.corrected"),
                text="其中",
            ),
            Relation(
                result="reviews.litigation",
                add=("reviews.litigation_direct.total", "reviews.litigation_after_review.total"),
                text="其中",
            ),
            Relation(
                result="reviews.litigation_direct.total",
                add=("reviews.litigation_direct.upheld", "reviews.litigation_direct.pending"),
                text=_published("(结果维持1件,尚未审结1件)"),
            ),
        ),
    )


# --------------------------------------------------------------------------- output

BUILDERS: dict[str, Callable[[], Report]] = {
    "xianning-2015": build_xianning_2015,
    "jianghe-2020": build_jianghe_2020,
    "jianghe-2021": build_jianghe_2021,
}
"""Each bundled example's name and the function that builds it."""


def render_json(report: Report) -> str:
    """The text of an example's JSON file: ``to_json(report, indent=1)`` and a newline."""
    return to_json(report, indent=1) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Write every example's JSON file (or, with ``--check``, report the stale ones)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if a file is out of date"
    )
    args = parser.parse_args(argv)
    _require(tuple(BUILDERS) == examples.names(), "BUILDERS must name every bundled example")
    stale = []
    for name, build in BUILDERS.items():
        path = EXAMPLES_DIR / f"{name}.json"
        data = render_json(build()).encode("utf-8")
        current = path.read_bytes() if path.exists() else None
        if current == data:
            print(f"{path}: up to date")
        elif args.check:
            stale.append(path)
            print(f"{path}: out of date", file=sys.stderr)
        else:
            path.write_bytes(data)
            print(f"{path}: written ({len(data)} bytes)")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
