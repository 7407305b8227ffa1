"""Front-end units to a :class:`~govdisclosure.document.Document`, then to a
:class:`~govdisclosure.model.Report`, with findings and provenance."""

from __future__ import annotations

import datetime as _dt
from typing import Any

import attrs

from govdisclosure.document import (
    Block,
    Document,
    Heading,
    MetadataBlock,
    MetadataItem,
    Paragraph,
    SignatureBlock,
    Span,
    TableBlock,
    Title,
)
from govdisclosure.errors import StructureError
from govdisclosure.layout import MAX_YEAR, MIN_YEAR, Edition, label_key, layout_of
from govdisclosure.layout.match import EDITION_MARKERS, matcher
from govdisclosure.model import Metadata, Report, Section, Signature
from govdisclosure.numerals import OrdinalStyle, split_ordinal
from govdisclosure.parse._narrative import (
    attribute_of,
    chrome,
    facts_and_relations,
    is_metadata_label,
    metadata_pairs,
    period_of,
    read_date,
    whole_date,
    year_of,
)
from govdisclosure.parse._tables import TableReader, edition_votes
from govdisclosure.parse._types import (
    Origin,
    Parsed,
    ParseFinding,
    SourceMap,
    origin,
    sorted_findings,
)
from govdisclosure.parse._units import Line, Region, Unit

__all__ = ["read_units"]

_LEVELS = {
    OrdinalStyle.CHINESE: 1,
    OrdinalStyle.PAREN: 2,
    OrdinalStyle.ARABIC_DOT: 3,
    OrdinalStyle.ARABIC_COMMA: 3,
}
_NOT_TITLE_END = frozenset(",，;；:：、")
_DATE_FIELDS = frozenset({"published", "document_date"})


def _heading(line: Line) -> tuple[int, int, str] | None:
    """(level, ordinal, title) of a heading line."""
    text = line.text
    split = split_ordinal(text[:16]) if text else None
    if line.hint == "heading" and line.level >= 1:
        if split is not None:
            rest = text[len(text) - len(text.lstrip()) :]
            split2 = split_ordinal(rest)
            if split2 is not None:
                return line.level, split2[0].value, split2[1].strip()
        return line.level, 0, text
    if split is None:
        return None
    split = split_ordinal(text)
    if split is None:
        return None
    ordinal, rest = split
    rest = rest.strip()
    if not rest or len(rest) > 40 or "。" in rest or rest[-1] in _NOT_TITLE_END:
        return None
    return _LEVELS[ordinal.style], ordinal.value, rest


def _unbalanced(text: str) -> bool:
    return text.count("(") + text.count("（") > text.count(")") + text.count("）")


@attrs.define
class _Draft:
    level: int
    ordinal: int
    title: str
    path: tuple[int, ...]
    paragraphs: list[tuple[str, Line]] = attrs.field(factory=list)
    children: list[_Draft] = attrs.field(factory=list)
    line: Line | None = None


def _to_section(d: _Draft) -> Section:
    return Section(
        ordinal=d.ordinal,
        title=d.title,
        paragraphs=tuple(p for p, _ in d.paragraphs),
        subsections=tuple(_to_section(c) for c in d.children),
    )


def read_units(
    text: str,
    units: list[Unit],
    fmt: str,
    findings: list[ParseFinding],
    *,
    edition: Edition | None = None,
    year: int | None = None,
    agency: str | None = None,
) -> Parsed:
    """Everything read from the units of a source."""
    smap = SourceMap(text)
    prov: dict[str, Origin] = {}
    blocks: list[tuple[int, Block]] = []
    lines = [u for u in units if isinstance(u, Line)]
    regions = [u for u in units if isinstance(u, Region)]

    # ---- the end: signature --------------------------------------------------------------
    body = list(lines)
    chrome_lines: list[Line] = []
    while body and chrome(body[-1].text):
        chrome_lines.append(body.pop())
    signature: Signature | None = None
    sig_lines: list[Line] = []
    last_region_end = regions[-1].end if regions else -1
    if body and body[-1].start > last_region_end:
        date = whole_date(body[-1].text)
        if date is not None:
            sig_lines = [body.pop()]
            if body and _agency_like(body[-1].text) and _heading(body[-1]) is None:
                sig_lines.insert(0, body.pop())
        elif _agency_date(body[-1].text) is not None:
            sig_lines = [body.pop()]
    if sig_lines:
        if len(sig_lines) == 2:
            agency_line, date_line = sig_lines
            sig_agency, sig_date = agency_line.text, whole_date(date_line.text)
        elif whole_date(sig_lines[0].text) is not None:
            agency_line = date_line = sig_lines[0]
            sig_agency, sig_date = "", whole_date(date_line.text)
        else:
            agency_line = date_line = sig_lines[0]
            sig_agency, sig_date = _agency_date(sig_lines[0].text)  # type: ignore[misc]
        signature = Signature(agency=sig_agency, date=sig_date)
        if sig_agency:
            prov["$.signature.agency"] = origin(
                smap,
                Span(agency_line.start, agency_line.end),
                agency_line.text,
                agency_line.element,
            )
        prov["$.signature.date"] = origin(
            smap, Span(date_line.start, date_line.end), date_line.text, date_line.element
        )
        blocks.append(
            (
                sig_lines[0].start,
                SignatureBlock(sig_agency, sig_date, Span(sig_lines[0].start, sig_lines[-1].end)),
            )
        )

    # ---- front matter, headings and paragraphs --------------------------------------------
    title: str | None = None
    title_line: Line | None = None
    meta: dict[str, Any] = {}
    meta_items: list[MetadataItem] = []
    meta_span: list[int] = []
    preamble: list[tuple[str, Line]] = []
    top: list[_Draft] = []
    stack: list[_Draft] = []
    pending_label: tuple[str, Line] | None = None
    skipped: list[Line] = list(chrome_lines)
    last_para: tuple[list[tuple[str, Line]], int] | None = None
    plain = fmt == "text"

    def add_meta(attr: str | None, label: str, value: str, line: Line) -> None:
        if attr is None:
            return
        if attr in meta:
            return
        v: Any = value.strip() or None
        if v is not None and attr in _DATE_FIELDS:
            d = read_date(v)
            if d is None:
                findings.append(ParseFinding("GP170", (("raw", v),), Span(line.start, line.end)))
            v = d
        meta[attr] = v
        meta_items.append(
            MetadataItem(attr, label, v if v is not None else "", Span(line.start, line.end))
        )
        if not meta_span:
            meta_span.extend((line.start, line.end))
        meta_span[1] = line.end
        if v is not None:
            prov[f"$.metadata.{attr}"] = origin(
                smap, Span(line.start, line.end), value.strip(), line.element
            )

    for line in body:
        t = line.text
        in_front = not top
        if pending_label is not None:
            label, lab_line = pending_label
            pending_label = None
            if line.hint == "item" and is_metadata_label(t) is None:
                add_meta(attribute_of(label), label, t, line)
                continue
            add_meta(attribute_of(label), label, "", lab_line)
        if in_front and line.hint == "item" and is_metadata_label(t) is not None:
            pending_label = (is_metadata_label(t) or "", line)
            continue
        if in_front or line.hint in ("item", "row"):
            pairs = metadata_pairs(t, colon=line.hint != "row")
            if pairs is not None and (in_front or len(pairs) > 1):
                for attr, label, value, _ in pairs:
                    add_meta(attr, label, value, line)
                continue
        if chrome(t):
            skipped.append(line)
            continue
        h = _heading(line)
        if h is not None and not (line.hint == "heading" and line.level == 0):
            level, ordinal, htitle = h
            while stack and stack[-1].level >= level:
                stack.pop()
            if not ordinal:
                ordinal = len(stack[-1].children if stack else top) + 1
            parent_path = stack[-1].path if stack else ()
            d = _Draft(level, ordinal, htitle, (*parent_path, ordinal), line=line)
            (stack[-1].children if stack else top).append(d)
            stack.append(d)
            blocks.append(
                (
                    line.start,
                    Heading(len(d.path), d.path, ordinal, htitle, span=Span(line.start, line.end)),
                )
            )
            last_para = None
            continue
        if in_front and title is None and _title_like(line):
            title, title_line = t, line
            blocks.append((line.start, Title(t, Span(line.start, line.end))))
            continue
        if in_front and title is not None and t == title:
            skipped.append(line)
            continue
        if in_front and _front_chrome(t, title):
            skipped.append(line)
            continue
        target = stack[-1].paragraphs if stack else preamble
        if (
            plain
            and last_para is not None
            and last_para[0] is target
            and target
            and (_unbalanced(target[-1][0]) or target[-1][0].endswith((",", "，")))
        ):
            prev, pline = target[-1]
            target[-1] = (
                prev + "\n" + t,
                Line(prev + "\n" + t, pline.start, line.end, pline.element),
            )
            continue
        target.append((t, line))
        last_para = (target, len(target) - 1)
    if pending_label is not None:
        add_meta(attribute_of(pending_label[0]), pending_label[0], "", pending_label[1])
    if skipped:
        first = skipped[0]
        findings.append(
            ParseFinding(
                "GP103",
                (("count", len(skipped)), ("example", first.text[:20])),
                Span(first.start, first.end),
            )
        )
    if meta_items:
        blocks.append(
            (meta_span[0], MetadataBlock(tuple(meta_items), Span(meta_span[0], meta_span[1])))
        )

    # ---- year, edition, agency ------------------------------------------------------------
    paragraphs_text = [p for p, _ in preamble] + [p for d in _walk(top) for p, _ in d.paragraphs]
    period = None
    for p in paragraphs_text:
        period = period_of(p)
        if period is not None:
            break
    found_year = year
    if found_year is None and title is not None:
        found_year = year_of(title)
    if found_year is None and period is not None:
        found_year = period.start.year
    if found_year is None and signature is not None and signature.date is not None:
        found_year = signature.date.year - 1
    if found_year is None:
        for p in paragraphs_text[:3]:
            found_year = year_of(p)
            if found_year is not None:
                break
    if found_year is None or not MIN_YEAR <= found_year <= MAX_YEAR:
        findings.append(ParseFinding("GP112", (("field", "year"), ("value", str(MIN_YEAR)))))
        found_year = MIN_YEAR
    elif title is not None and year is None and title_line is not None:
        prov["$.year"] = origin(
            smap, Span(title_line.start, title_line.end), title, title_line.element
        )

    if edition is None:
        edition = _edition(regions, top, paragraphs_text, found_year, findings)

    # ---- tables ---------------------------------------------------------------------------
    tables: dict[str, tuple[Any, TableBlock]] = {}
    if regions:
        if edition.has_tables:
            reader = TableReader(edition, findings)
            for region in regions:
                reader.feed(region)
            cut = not text[last_region_end:].strip()
            reader.finish(cut=cut)
            tables = reader.tables()
            for path, (_value, vtok, _cell) in reader.values.items():
                prov[path] = origin(smap, Span(vtok.start, vtok.end), vtok.text, vtok.element)
            for path, ltok, _values in reader.extra_paths():
                if ltok is not None:
                    tok = ltok
                    prov[path + ".label"] = origin(
                        smap, Span(tok.start, tok.end), tok.text, tok.element
                    )
        else:
            findings.append(
                ParseFinding(
                    "GP164",
                    (("edition", edition.value), ("table", "二/三/四")),
                    Span(regions[0].start, regions[0].end),
                )
            )
    for _attr, (_obj, tb) in tables.items():
        blocks.append((tb.span.start if tb.span else 0, tb))

    # ---- title and agency -----------------------------------------------------------------
    if title is None:
        title = meta.get("name") or ""
        if not title:
            findings.append(ParseFinding("GP112", (("field", "title"), ("value", ""))))
    elif title_line is not None:
        prov["$.title"] = origin(
            smap, Span(title_line.start, title_line.end), title, title_line.element
        )
    found_agency = agency
    if found_agency is None and signature is not None and signature.agency:
        found_agency = signature.agency
        prov["$.agency"] = prov["$.signature.agency"]
    if found_agency is None and title:
        head = _agency_from_title(title)
        if head:
            found_agency = head
            if "$.title" in prov:
                prov["$.agency"] = prov["$.title"]
    if found_agency is None and meta.get("issuer") and meta.get("issuer") != "无":
        found_agency = str(meta["issuer"])
    if found_agency is None:
        findings.append(ParseFinding("GP112", (("field", "agency"), ("value", ""))))
        found_agency = ""

    # ---- facts ----------------------------------------------------------------------------
    places: list[tuple[tuple[int, ...], int, str]] = [
        ((), i, p) for i, (p, _) in enumerate(preamble)
    ]
    for i, (p, ln) in enumerate(preamble):
        prov[f"$.preamble[{i}]"] = origin(smap, Span(ln.start, ln.end), p, ln.element)
    for spath, jpath, d in _walk_paths(top):
        if d.line is not None:
            prov[f"{jpath}.title"] = origin(
                smap, Span(d.line.start, d.line.end), d.line.text, d.line.element
            )
        for i, (p, ln) in enumerate(d.paragraphs):
            places.append((spath, i, p))
            prov[f"{jpath}.paragraphs[{i}]"] = origin(smap, Span(ln.start, ln.end), p, ln.element)
            blocks.append((ln.start, Paragraph(p, span=Span(ln.start, ln.end))))
    for p, ln in preamble:
        blocks.append((ln.start, Paragraph(p, span=Span(ln.start, ln.end))))
    facts, relations = facts_and_relations(places)
    located = {(f.location.section, f.location.paragraph): None for f in facts}
    del located

    metadata = Metadata(**meta) if meta else None
    kwargs: dict[str, Any] = {
        "agency": found_agency,
        "year": found_year,
        "edition": edition,
        "title": title,
        "metadata": metadata,
        "preamble": tuple(p for p, _ in preamble),
        "sections": tuple(_to_section(d) for d in top),
        "signature": signature,
        "period": period,
        "facts": tuple(facts),
        "relations": tuple(relations),
    }
    for attr, (obj, _tb) in tables.items():
        kwargs[attr] = obj
    try:
        report = Report(**kwargs)
    except StructureError:
        kwargs["facts"], kwargs["relations"] = (), ()
        report = Report(**kwargs)
    # provenance of facts by their place
    index = {id(f): i for i, f in enumerate(report.facts)}
    for f in report.facts:
        offset = _para_offset(prov, report, f.location.section, f.location.paragraph)
        if offset is not None:
            start, element = offset
            prov[f"$.facts[{index[id(f)]}]"] = origin(
                smap, Span(start + f.location.start, start + f.location.end), f.text, element
            )
    if not (report.sections or report.preamble or tables or report.title):
        findings.append(ParseFinding("GP190", (), Span(0, len(text))))
    document = Document(tuple(b for _, b in sorted(blocks, key=lambda x: x[0])), layout_of(edition))
    return Parsed(report, sorted_findings(findings), prov, text, document, fmt)


def _para_offset(
    prov: dict[str, Origin], report: Report, section: tuple[int, ...], paragraph: int
) -> tuple[int, str | None] | None:
    if section == ():
        o = prov.get(f"$.preamble[{paragraph}]")
    else:
        jpath = "$"
        sections = report.sections
        for ordinal in section:
            idx = next((i for i, s in enumerate(sections) if s.ordinal == ordinal), None)
            if idx is None:
                return None
            jpath += f".sections[{idx}]" if jpath == "$" else f".subsections[{idx}]"
            sections = sections[idx].subsections
        o = prov.get(f"{jpath}.paragraphs[{paragraph}]")
    if o is None or o.end - o.start != len(o.raw):
        return None
    return o.start, o.element


def _walk(drafts: list[_Draft]) -> list[_Draft]:
    out: list[_Draft] = []
    todo = list(reversed(drafts))
    while todo:
        d = todo.pop()
        out.append(d)
        todo.extend(reversed(d.children))
    return out


def _walk_paths(drafts: list[_Draft]) -> list[tuple[tuple[int, ...], str, _Draft]]:
    out: list[tuple[tuple[int, ...], str, _Draft]] = []
    todo = [(d, f"$.sections[{i}]") for i, d in reversed(list(enumerate(drafts)))]
    while todo:
        d, jp = todo.pop()
        out.append((d.path, jp, d))
        todo.extend((c, f"{jp}.subsections[{i}]") for i, c in reversed(list(enumerate(d.children))))
    return out


def _agency_like(text: str) -> bool:
    return 2 <= len(text) <= 40 and not any(ch in "。，,；;：:" for ch in text)


def _agency_date(text: str) -> tuple[str, _dt.date] | None:
    parts = text.rsplit(None, 1)
    if len(parts) != 2:
        return None
    d = whole_date(parts[1])
    if d is None or not _agency_like(parts[0]):
        return None
    return parts[0].strip(), d


def _title_like(line: Line) -> bool:
    t = line.text
    if line.hint == "heading" and line.level == 0:
        return True
    return (
        len(t) <= 80
        and "。" not in t
        and ("报告" in t or "年报" in t)
        and t[-1] not in _NOT_TITLE_END
    )


def _front_chrome(text: str, title: str | None) -> bool:
    """A short line before the first heading that is no paragraph (a document number, a
    date line, a site name)."""
    return len(text) < 24 and not text.endswith(("。", ":", "：")) and "报告" not in text


def _agency_from_title(title: str) -> str | None:
    y = year_of(title)
    if y is None:
        return None
    for marker in (str(y),):
        i = title.find(marker)
        if i > 0:
            return title[:i].strip() or None
    return None


def _edition(
    regions: list[Region],
    top: list[_Draft],
    paragraphs: list[str],
    year: int,
    findings: list[ParseFinding],
) -> Edition:
    votes, example = edition_votes(regions)
    a, b = votes[Edition.STANDARD_2021], votes[Edition.TRIAL_2019]
    if a != b:
        e = Edition.STANDARD_2021 if a > b else Edition.TRIAL_2019
        findings.append(ParseFinding("GP110", (("edition", e.value), ("evidence", example[e]))))
        return e
    text_keys = [label_key(p) for p in paragraphs[:6]]
    marks = dict.fromkeys(Edition, 0)
    mark_example: dict[Edition, str] = {}
    for e, words in EDITION_MARKERS.items():
        for w in words:
            if any(label_key(w) in k for k in text_keys):
                marks[e] += 1
                mark_example.setdefault(e, w)
    outline = dict.fromkeys(Edition, 0)
    for d in top:
        for e in Edition:
            s = matcher(e).section(d.title)
            if s is not None:
                outline[e] += 1
    modern = max(outline[Edition.STANDARD_2021], outline[Edition.TRIAL_2019])
    if regions:
        candidates = [Edition.STANDARD_2021, Edition.TRIAL_2019]
    elif outline[Edition.LEGACY_2008] > modern:
        findings.append(
            ParseFinding("GP110", (("edition", "legacy-2008"), ("evidence", "outline")))
        )
        return Edition.LEGACY_2008
    elif modern > outline[Edition.LEGACY_2008]:
        candidates = [Edition.STANDARD_2021, Edition.TRIAL_2019]
    else:
        candidates = list(Edition)
    best = max(candidates, key=lambda e: marks[e])
    if marks[best] and sum(1 for e in candidates if marks[e] == marks[best]) == 1:
        findings.append(
            ParseFinding("GP110", (("edition", best.value), ("evidence", mark_example[best])))
        )
        return best
    by_year = Edition.for_year(year)
    if by_year not in candidates:
        by_year = Edition.TRIAL_2019 if year < 2021 else Edition.STANDARD_2021
    findings.append(
        ParseFinding("GP111", (("edition", by_year.value), ("basis", f"the year {year}")))
    )
    return by_year
