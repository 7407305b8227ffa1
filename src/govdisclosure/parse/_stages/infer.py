"""Stage ``infer``: the year, edition, title and agency of a report, from what the outline
read (or from the caller's overrides).

- The **year**: the title's, else the statistical period's, else the year before the
  signature's date, else one written in the first paragraphs (GP112 when none).
- The **edition**: votes from every layout's markers — table labels only one tabled edition
  has, then the editions' own words in the first paragraphs (文号, 格式), the section titles
  each edition's outline knows — and, failing all, the edition the year prescribes (GP110
  names the evidence, GP111 the guess). Section titles a few edits off the edition's own are
  GP120.
- The **title**: the title block's, else the metadata's name (GP112 when none).
- The **agency**: the signature's, else the words of the title before its year, else the
  metadata's issuer (GP112 when none).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from govdisclosure.document import Heading, Paragraph, SignatureBlock
from govdisclosure.layout import MAX_YEAR, MIN_YEAR, Edition, label_key
from govdisclosure.layout.match import EDITION_MARKERS, matcher
from govdisclosure.model import Period
from govdisclosure.model.agency import infer_agency_kind
from govdisclosure.parse._cells import is_value
from govdisclosure.parse._chrome import furniture
from govdisclosure.parse._headings import near_heading
from govdisclosure.parse._labels import TABLED, any_hits
from govdisclosure.parse._narrative import period_of, year_of
from govdisclosure.parse._stages._state import Inferred, Outline, Overrides, State, need
from govdisclosure.parse._types import EDITION_NAMES, ParseFinding
from govdisclosure.parse._units import Line, Region

__all__ = ["agency_like", "compact", "edition_votes", "infer", "run"]

_UNTABLED = tuple(e for e in Edition if not e.has_tables)


def run(state: State) -> State:
    """The state with :attr:`State.inferred`."""
    result = infer(need(state.outline, "outline"), state.overrides)
    return state.found(result.findings, inferred=result)


def infer(outline: Outline, overrides: Overrides) -> Inferred:
    """What ``outline`` says of its year, edition, title and agency; see the module docstring."""
    paragraphs = outline.paragraphs
    period = next((p for p in map(period_of, paragraphs) if p is not None), None)
    year, year_line, findings = _year(outline, overrides.year, period)
    edition = overrides.edition
    if edition is None:
        edition, finding = _edition(outline, year)
        findings += (finding,)
    findings += tuple(_near_headings(outline.sections, edition))
    title, title_line, named, title_findings = _title(outline)
    agency, agency_line, agency_findings = _agency(outline, named, overrides.agency)
    return Inferred(
        year=year,
        edition=edition,
        title=title,
        agency=agency,
        period=period,
        year_line=year_line,
        agency_line=agency_line,
        title_line=title_line,
        findings=findings + title_findings + agency_findings,
    )


def _year(
    outline: Outline, given: int | None, period: Period | None
) -> tuple[int | None, Line | None, tuple[ParseFinding, ...]]:
    """The year, the line its provenance points at (the year as the title prints it), and a
    GP112 when the source states none (the year is then ``None``, never a placeholder)."""
    if given is not None:
        return given, None, ()
    title = outline.title
    signature = outline.signature
    year = None
    line = None
    if title is not None:
        year = year_of(compact(title[0].text))
        if year is not None:
            line = _digits(title[1], year)
    if year is None and period is not None:
        year = period.start.year
    if year is None and signature is not None and signature.date is not None:
        year = signature.date.year - 1
    if year is None:
        year = next((y for y in map(year_of, outline.paragraphs[:3]) if y is not None), None)
    if year is None or not MIN_YEAR <= year <= MAX_YEAR:
        return None, None, (ParseFinding("GP112", (("field", _FIELD["year"]),)),)
    return year, line, ()


def _digits(line: Line, year: int) -> Line | None:
    """The year's digits as ``line`` prints them, with their own span."""
    i = line.text.find(str(year))
    if i < 0:
        return None
    start = line.start + i
    return Line(str(year), start, start + 4, line.element, place=line.place)


def edition_votes(regions: Sequence[Region]) -> tuple[dict[Edition, int], dict[Edition, str]]:
    """How many table labels only one tabled edition has, by edition, and an example of each."""
    votes = dict.fromkeys(TABLED, 0)
    example: dict[Edition, str] = {}
    seen: set[str] = set()
    texts: set[str] = set()  # the texts read (a text seen again has its key seen)
    for region in regions:
        for tok in region.toks:
            text = tok.text
            if not text or text in texts or len(text) > 120 or is_value(text):
                continue
            texts.add(text)
            key = label_key(text)
            if key in seen:
                continue
            seen.add(key)
            editions = {e for e, h in any_hits(text) if h.distance == 0 and h.note is None}
            if len(editions) == 1:
                (e,) = editions
                votes[e] += 1
                example.setdefault(e, text)
    return votes, example


def _unique_best(scores: dict[Edition, int], among: Sequence[Edition]) -> Edition | None:
    """The edition of ``among`` with the highest score, when it is positive and no other has it."""
    best = max(among, key=lambda e: scores[e])
    if scores[best] and sum(1 for e in among if scores[e] == scores[best]) == 1:
        return best
    return None


def _edition(outline: Outline, year: int | None) -> tuple[Edition, ParseFinding]:
    """The edition by the votes of the layouts' markers, or by the year; the finding says why."""
    regions = outline.regions
    votes, example = edition_votes(regions)
    chosen = _unique_best(votes, TABLED)
    if chosen is not None:
        return chosen, _gp110(chosen, example[chosen])
    text_keys = [label_key(p) for p in outline.paragraphs[:6]]
    marks = dict.fromkeys(Edition, 0)
    mark_example: dict[Edition, str] = {}
    for e, words in EDITION_MARKERS.items():
        for w in words:
            if any(label_key(w) in k for k in text_keys):
                marks[e] += 1
                mark_example.setdefault(e, w)
    known = dict.fromkeys(Edition, 0)
    for h in outline.sections:
        for e in Edition:
            if matcher(e).section(h.title) is not None:
                known[e] += 1
    tabled = max(known[e] for e in TABLED)
    untabled = max(known[e] for e in _UNTABLED)
    candidates: Sequence[Edition] = TABLED
    if not regions and untabled > tabled:
        old = max(_UNTABLED, key=lambda e: known[e])
        return old, _gp110(old, ("章节标题", "the section titles"))
    if not regions and untabled == tabled:
        candidates = tuple(Edition)
    chosen = _unique_best(marks, candidates)
    if chosen is not None:
        return chosen, _gp110(chosen, mark_example[chosen])
    if year is None:
        newest = next(e for e in map(Edition.for_year, range(MAX_YEAR, 0, -1)) if e in candidates)
        return newest, ParseFinding("GP113", (("edition", EDITION_NAMES[newest]),))
    by_year = next(e for e in map(Edition.for_year, range(year, MAX_YEAR + 1)) if e in candidates)
    return by_year, ParseFinding("GP111", (("edition", EDITION_NAMES[by_year]), ("year", year)))


def _gp110(edition: Edition, evidence: str | tuple[str, str]) -> ParseFinding:
    said = evidence if isinstance(evidence, tuple) else (evidence, repr(evidence))
    return ParseFinding("GP110", (("edition", EDITION_NAMES[edition]), ("evidence", said)))


def _near_headings(sections: Sequence[Heading], edition: Edition) -> list[ParseFinding]:
    """GP120 for every top-level section title a few edits off one of ``edition``'s."""
    out = []
    for h in sections:
        near = near_heading(edition, h.title)
        if near is not None and h.span is not None:
            args = (("found", h.title), ("label", near))
            out.append(ParseFinding("GP120", args, h.span))
    return out


def _title(
    outline: Outline,
) -> tuple[str, Line | None, tuple[str, Line] | None, tuple[ParseFinding, ...]]:
    """The title (page furniture run in before it dropped; an agency's name printed on the
    line above a title that begins with the year joined to it), its line, the agency's name
    and line when the title names one, and a GP112 when there is no title."""
    found = outline.title
    if found is None:
        name = outline.metadata.get("name") or ""
        if name:
            return str(name), None, None, ()
        finding = ParseFinding("GP112", (("field", _FIELD["title"]),))
        return "", None, None, (finding,)
    _block, line = found
    title = _after_furniture(line)
    text = compact(title.text)
    y = year_of(text)
    if y is None or not text.startswith(str(y)):
        return text, title, _head(title, y), ()
    above = [f for f in outline.front if f.end <= line.start and f.start >= _before(outline, line)]
    if above:
        name = _after_furniture(above[-1])
        agency = compact(name.text)
        if agency_like(agency):
            joined = Line(agency + text, name.start, title.end, name.element, place=name.place)
            return (
                joined.text,
                joined,
                (agency, Line(agency, name.start, name.end, name.element, place=name.place)),
                (),
            )
    m = _YEAR_FIRST.match(text)
    if m is not None and agency_like(m.group(1)):
        raw_start = title.text.find(m.group(1)[0], len(str(y)))
        agency = m.group(1)
        raw_end = _raw_end(title.text, raw_start, agency)
        at = Line(
            agency, title.start + raw_start, title.start + raw_end, title.element, place=title.place
        )
        return text, title, (agency, at), ()
    return text, title, None, ()


#: The agency's name in a title that begins with the year: "2019年某市人民政府办公厅政府信息公开
#: 工作年度报告".
_YEAR_FIRST = re.compile(r"\d{4}年度?(.+?)(?:政府信息公开|政务公开|信息公开|年度报告|工作报告)")

#: How the name of a body ends.
_AGENCY_END = re.compile(
    r"(?:人民政府|办事处|办公室|办公厅|委员会|管委会|局|委|办|厅|院|中心|署|所|站|馆|处|部|会|"
    r"公司|集团|大学|学院|医院|政府)$"
)

_FIELD = {
    "title": ("标题", "title"),
    "agency": ("机关名称", "agency"),
    "year": ("报告年度", "year"),
}


def agency_like(text: str) -> bool:
    """Whether ``text`` reads as the name of a body (short, no sentence, no figure, and
    ending as names of bodies end).

    >>> agency_like("洪泽区人民政府"), agency_like("某县教育局"), agency_like("2023年")
    (True, True, False)
    >>> agency_like("政府信息公开工作年度报告"), agency_like("本机关不掌握相关政府信息")
    (False, False)
    """
    t = compact(text)
    return (
        2 <= len(t) <= 40
        and not any(ch in t for ch in '。，,；;：:、“”"()（）')
        and not any(ch.isdigit() for ch in t)
        and "报告" not in t
        and "信息公开" not in t
        and (_AGENCY_END.search(t) is not None or infer_agency_kind(t) is not None)
    )


_CJK_SPACE = re.compile(r"(?<=[^\x00-\x7f])\s+|\s+(?=[^\x00-\x7f])")


def compact(text: str) -> str:
    """``text`` without the white space a PDF's layout puts beside Chinese characters
    ("2024 年" → "2024年"); white space between Latin words is kept.

    >>> compact("洪泽区人民政府\\n   2023 年政府信息公开工作年度报告")
    '洪泽区人民政府2023年政府信息公开工作年度报告'
    """
    return _CJK_SPACE.sub("", text).strip()


def _raw_end(raw: str, start: int, compacted: str) -> int:
    """The end in ``raw`` of ``compacted`` read from ``start`` (white space skipped)."""
    i, j = start, 0
    while i < len(raw) and j < len(compacted):
        if raw[i] == compacted[j]:
            j += 1
        elif not raw[i].isspace():
            break
        i += 1
    return i


def _before(outline: Outline, line: Line) -> int:
    """Where the block before ``line`` ends (front lines after it may be joined to it)."""
    ends = [
        s.block.span.end
        for s in outline.blocks
        if s.block.span is not None and s.block.span.end <= line.start
    ]
    return max(ends, default=0)


def _after_furniture(line: Line) -> Line:
    """``line`` without the page furniture run in at its start (its span moved with it)."""
    cut = furniture(line.text)
    if not cut:
        return line
    return Line(line.text[cut:], line.start + cut, line.end, line.element, place=line.place)


def _head(title: Line, y: int | None) -> tuple[str, Line] | None:
    """The words of the title before its year ("咸宁市民政局" of "咸宁市民政局2015年…"),
    with their own span."""
    if y is None:
        return None
    raw = title.text
    i = raw.find(str(y))
    if i <= 0:
        return None
    head = compact(raw[:i])
    if not head:
        return None
    end = len(raw[:i].rstrip())
    return head, Line(head, title.start, title.start + end, title.element, place=title.place)


#: Words that end the run of a name's place before it ("本报告由淮安市洪泽区人民政府…").
_NOT_NAME = frozenset("由在据和与及向对为是的了，。、；：（）()“”《》 ")


def _full_name(short: str, paragraphs: Sequence[str]) -> str | None:
    """The agency's full name when the first paragraphs print it with the place above it
    before the title's short one ("淮安市" + "洪泽区人民政府"), else ``None``.

    >>> _full_name("洪泽区人民政府", ["本报告由淮安市洪泽区人民政府办公室根据《条例》编制。"])
    '淮安市洪泽区人民政府'
    >>> _full_name("洪泽区人民政府", ["洪泽区人民政府坚持…"]) is None
    True
    """
    for text in paragraphs:
        i = compact(text).find(short)
        if i < 2:
            continue
        before = compact(text)[max(0, i - 8) : i]
        k = len(before)
        while k > 0 and before[k - 1] not in _NOT_NAME:
            k -= 1
        place = before[k:]
        if len(place) >= 2 and place.endswith(("省", "市", "州", "盟", "地区")):
            return place + short
    return None


def _printed(outline: Outline, words: str) -> Line | None:
    """The line of ``words`` as the first paragraph that prints them unbroken has them."""
    for block, lines in outline.of(Paragraph):
        line = lines[0]
        i = block.text.find(words)
        if i >= 0 and line.text == block.text and line.end - line.start == len(line.text):
            start = line.start + i
            return Line(words, start, start + len(words), line.element, place=line.place)
    return None


def _agency(
    outline: Outline, named: tuple[str, Line] | None, given: str | None
) -> tuple[str, Line | None, tuple[ParseFinding, ...]]:
    """The agency, the line its provenance points at, and a GP112 when none."""
    if given is not None:
        return given, None, ()
    signed = next(outline.of(SignatureBlock), None)
    if signed is not None and signed[0].agency:
        return signed[0].agency, signed[1][0], ()
    if named is not None:
        full = _full_name(named[0], outline.paragraphs[:3])
        if full is not None:  # the title's short name, the full one in the first paragraphs
            return full, _printed(outline, full), ()
        return named[0], named[1], ()
    issuer = outline.metadata.get("issuer")
    if issuer and issuer != "无":
        return str(issuer), None, ()
    for line in outline.front:  # a line of front matter naming the body
        name = _after_furniture(line)
        if agency_like(name.text):
            agency = compact(name.text)
            return agency, Line(agency, name.start, name.end, name.element, place=name.place), ()
    return "", None, (ParseFinding("GP112", (("field", _FIELD["agency"]),)),)
