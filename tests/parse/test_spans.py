"""Exact provenance: for every field read, in every format, the source text its span holds is
its raw token (white space aside), and every table cell read is located."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from tests.parse.corpus import ids, load

from govdisclosure import examples
from govdisclosure import strategies as gst
from govdisclosure.model import Report
from govdisclosure.parse import Parsed, parse
from govdisclosure.rendering import FORMATS, render

REAL = Path(__file__).parent.parent / "fixtures" / "real"


def assert_spans_hold(parsed: Parsed) -> None:
    """Every origin's span holds its raw token; every table cell read has an origin."""
    for path, o in parsed.provenance.items():
        printed = parsed.text[o.start : o.end]
        assert "".join(printed.split()) == "".join(o.raw.split()), (path, printed, o.raw)
    doc = parsed.document
    assert doc is not None
    placed = {(o.start, o.end) for o in parsed.provenance.values()}
    for tb in doc.tables():
        for cell in tb.grid.data_cells():
            assert cell.path in parsed.provenance, cell.path
            assert cell.span is not None
            assert (cell.span.start, cell.span.end) in placed


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", examples.names())
def test_the_examples_spans_hold(name: str, fmt: str) -> None:
    parsed = parse(render(examples.load(name), fmt), format=fmt)  # type: ignore[arg-type]
    assert_spans_hold(parsed)
    sig = parsed.report.signature
    if sig is not None and sig.agency:  # the signature's agency and date, apart
        agency, date = (
            parsed.provenance["$.signature.agency"],
            parsed.provenance["$.signature.date"],
        )
        assert agency.end <= date.start


@pytest.mark.parametrize("fmt", FORMATS)
@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=40)
@given(report=gst.reports())
def test_generated_reports_spans_hold(fmt: str, report: Report) -> None:
    assert_spans_hold(parse(render(report, fmt), format=fmt))  # type: ignore[arg-type]


@pytest.mark.parametrize("ident", ids())
def test_the_corpus_spans_hold(ident: str) -> None:
    assert_spans_hold(parse(load(ident)[1]))


@pytest.mark.parametrize("name", sorted(p.stem for p in REAL.glob("*.txt")))
def test_the_real_pdf_texts_spans_hold(name: str) -> None:
    assert_spans_hold(parse((REAL / f"{name}.txt").read_text(encoding="utf-8")))
    json.loads((REAL / f"{name}.json").read_text(encoding="utf-8"))


def test_metadata_spans_hold_the_value_not_the_label() -> None:
    text = (
        "索引号：XM02100-0101-2019-00001\n某局2018年政府信息公开工作年度报告\n一、总体情况\n正文。"
    )
    parsed = parse(text)
    o = parsed.provenance["$.metadata.index_number"]
    assert text[o.start : o.end] == "XM02100-0101-2019-00001"


def test_an_html_date_span_stops_before_the_closing_tag() -> None:
    html = (
        "<html><body><h1>某局2021年政府信息公开工作年度报告</h1><h2>一、总体情况</h2><p>正文。</p>"
        '<p>某局</p><p><time datetime="2022-01-18">2022年1月18日</time></p></body></html>'
    )
    parsed = parse(html)
    o = parsed.provenance["$.signature.date"]
    assert html[o.start : o.end] == "2022年1月18日"


def test_extra_row_values_and_parse_findings_are_located() -> None:
    text = (
        "二、主动公开政府信息情况\n第二十条第(一)项 |\n"
        "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n其他文件 | 1 | 0 | 3 |\n"
    )
    parsed = parse(text)
    assert parsed.provenance["$.active.extra_rows[0].values[2]"].raw == "3"
    (gp132,) = [f for f in parsed.findings if f.code == "GP132"]
    (o,) = parsed.locate(gp132)
    assert text[o.start : o.end].startswith("其他文件")
