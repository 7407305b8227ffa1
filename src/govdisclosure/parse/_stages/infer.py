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

from collections.abc import Sequence

from govdisclosure.document import Heading, SignatureBlock
from govdisclosure.layout import MAX_YEAR, MIN_YEAR, Edition, label_key
from govdisclosure.layout.match import EDITION_MARKERS, matcher
from govdisclosure.model import Period
from govdisclosure.parse._cells import is_value
from govdisclosure.parse._headings import near_heading
from govdisclosure.parse._labels import TABLED, any_hits
from govdisclosure.parse._narrative import period_of, year_of
from govdisclosure.parse._stages._state import Inferred, Outline, Overrides, State, need
from govdisclosure.parse._types import ParseFinding
from govdisclosure.parse._units import Line, Region

__all__ = ["edition_votes", "infer", "run"]

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
    title, title_findings = _title(outline)
    agency, agency_line, agency_findings = _agency(outline, title, overrides.agency)
    return Inferred(
        year=year,
        edition=edition,
        title=title,
        agency=agency,
        period=period,
        year_line=year_line,
        agency_line=agency_line,
        findings=findings + title_findings + agency_findings,
    )


def _year(
    outline: Outline, given: int | None, period: Period | None
) -> tuple[int, Line | None, tuple[ParseFinding, ...]]:
    """The year, the line its provenance points at (the title's), and a GP112 when none."""
    title = outline.title
    signature = outline.signature
    year = given
    if year is None and title is not None:
        year = year_of(title[0].text)
    if year is None and period is not None:
        year = period.start.year
    if year is None and signature is not None and signature.date is not None:
        year = signature.date.year - 1
    if year is None:
        year = next((y for y in map(year_of, outline.paragraphs[:3]) if y is not None), None)
    if year is None or not MIN_YEAR <= year <= MAX_YEAR:
        return (
            MIN_YEAR,
            None,
            (ParseFinding("GP112", (("field", "year"), ("value", str(MIN_YEAR)))),),
        )
    return year, (title[1] if title is not None and given is None else None), ()


def edition_votes(regions: Sequence[Region]) -> tuple[dict[Edition, int], dict[Edition, str]]:
    """How many table labels only one tabled edition has, by edition, and an example of each."""
    votes = dict.fromkeys(TABLED, 0)
    example: dict[Edition, str] = {}
    seen: set[str] = set()
    for region in regions:
        for tok in region.toks:
            text = tok.text
            if not text or len(text) > 120 or is_value(text):
                continue
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


def _edition(outline: Outline, year: int) -> tuple[Edition, ParseFinding]:
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
        return old, _gp110(old, "outline")
    if not regions and untabled == tabled:
        candidates = tuple(Edition)
    chosen = _unique_best(marks, candidates)
    if chosen is not None:
        return chosen, _gp110(chosen, mark_example[chosen])
    by_year = next(e for e in map(Edition.for_year, range(year, MAX_YEAR + 1)) if e in candidates)
    return by_year, ParseFinding(
        "GP111", (("edition", by_year.value), ("basis", f"the year {year}"))
    )


def _gp110(edition: Edition, evidence: str) -> ParseFinding:
    return ParseFinding("GP110", (("edition", edition.value), ("evidence", evidence)))


def _near_headings(sections: Sequence[Heading], edition: Edition) -> list[ParseFinding]:
    """GP120 for every top-level section title a few edits off one of ``edition``'s."""
    out = []
    for h in sections:
        near = near_heading(edition, h.title)
        if near is not None and h.span is not None:
            args = (("found", h.title), ("label", near))
            out.append(ParseFinding("GP120", args, h.span))
    return out


def _title(outline: Outline) -> tuple[str, tuple[ParseFinding, ...]]:
    title = outline.title
    if title is not None:
        return title[0].text, ()
    name = outline.metadata.get("name") or ""
    if name:
        return str(name), ()
    return "", (ParseFinding("GP112", (("field", "title"), ("value", ""))),)


def _agency(
    outline: Outline, title: str, given: str | None
) -> tuple[str, Line | None, tuple[ParseFinding, ...]]:
    """The agency, the line its provenance points at, and a GP112 when none."""
    if given is not None:
        return given, None, ()
    signed = next(outline.of(SignatureBlock), None)
    if signed is not None and signed[0].agency:
        return signed[0].agency, signed[1][0], ()
    head = _agency_from_title(title) if title else None
    if head:
        line = outline.title
        return head, (line[1] if line is not None else None), ()
    issuer = outline.metadata.get("issuer")
    if issuer and issuer != "无":
        return str(issuer), None, ()
    return "", None, (ParseFinding("GP112", (("field", "agency"), ("value", ""))),)


def _agency_from_title(title: str) -> str | None:
    """The words of the title before its year ("咸宁市民政局" of "咸宁市民政局2015年…")."""
    y = year_of(title)
    if y is None:
        return None
    i = title.find(str(y))
    return (title[:i].strip() or None) if i > 0 else None
