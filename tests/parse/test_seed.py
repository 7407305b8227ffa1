"""The seed: parsing the Xianning 2015 text gives the bundled report."""

from __future__ import annotations

from pathlib import Path

from govdisclosure import examples
from govdisclosure.parse import ParseSeverity, parse

SHARED = Path("/work/shared/examples/000_d6e3f92ae18b423a.txt")


def test_seed_source_is_the_shared_example() -> None:
    if SHARED.exists():
        assert SHARED.read_text(encoding="utf-8") == examples.source_text("xianning-2015")


def test_seed_gives_the_bundled_report() -> None:
    parsed = parse(examples.source_text("xianning-2015"))
    got, want = parsed.report, examples.load("xianning-2015")
    for field in (
        "title",
        "agency",
        "year",
        "edition",
        "metadata",
        "preamble",
        "sections",
        "signature",
        "period",
        "active",
        "requests",
        "reviews",
    ):
        assert getattr(got, field) == getattr(want, field), field
    assert not parsed.errors()
    # every fact: the same quantity at the same place (keys and labels are the reader's)
    got_facts = {(f.location, f.quantity, f.text) for f in got.facts}
    want_facts = {(f.location, f.quantity, f.text) for f in want.facts}
    assert got_facts == want_facts
    # the stated relations, keys mapped through the facts' places
    got_key = {f.key: f.location for f in got.facts}
    want_key = {f.key: f.location for f in want.facts}

    def rels(report: object, key: dict[str, object]) -> set[tuple[object, ...]]:
        return {
            (key[r.result], tuple(key[k] for k in r.add), tuple(key[k] for k in r.subtract))
            for r in report.relations  # type: ignore[attr-defined]
        }

    assert rels(got, got_key) == rels(want, want_key)


def test_seed_provenance_points_into_the_text() -> None:
    parsed = parse(examples.source_text("xianning-2015"))
    text = parsed.text
    for path, o in parsed.provenance.items():
        assert 0 <= o.start <= o.end <= len(text), path
    o = parsed.provenance["$.signature.date"]
    assert text[o.start : o.end] == "2016年1月29日"
    assert (o.line, o.column) == (text.count("\n", 0, o.start) + 1, 1)
    fact = parsed.provenance["$.facts[0]"]
    assert text[fact.start : fact.end] == parsed.report.facts[0].text
    assert all(f.severity is not ParseSeverity.ERROR for f in parsed.findings)


def test_bytes_in_gb18030_are_decoded_and_said() -> None:
    source = examples.source_text("xianning-2015")
    parsed = parse(source.encode("gb18030"))
    assert parsed.report.title == "咸宁市民政局2015年政府信息公开工作年度报告"
    assert "GP101" in {f.code for f in parsed.findings}
