"""``render.html`` against a Jinja2 template producing the same HTML, side by side in one run.

The input is the bundled 2021 example (``examples.load("jianghe-2021")``: metadata, six
sections with sub-sections, tables 二/三/四 with 200 figures). The Jinja2 side is what a CMS
vendor would write: a template with the official table markup typed out once and a
``{{ … }}`` expression (with a formatting filter) in each of the 200 cells, autoescaping on,
compiled once (``Environment`` and ``Template`` are built outside the timed loop). Its table
markup is taken from govdisclosure's own output, so both sides print the very same bytes;
each benchmark first checks that, so a fast wrong renderer cannot win.

Groups (compare within a group only):

- ``html tables jianghe-2021``: the three tables alone (the issue's comparison: the same
  table; target govdisclosure <= 1.0x Jinja2);
- ``html document jianghe-2021``: the whole standalone page; the Jinja2 template walks the
  sections with a recursive macro (equal to govdisclosure's page up to white space between
  tags).

Run from the repository root::

    python -m pytest benchmarks/bench_render.py --benchmark-only

Jinja2 is a benchmark-only dependency (``pip install jinja2``).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import pytest

from govdisclosure import examples
from govdisclosure.layout import layout_of
from govdisclosure.model import Report
from govdisclosure.money import Amount
from govdisclosure.rendering import render
from govdisclosure.rendering._common import MetadataBlock, TableBlock, blocks, context
from govdisclosure.rendering.html import STYLESHEET, _skeleton, _table

jinja2 = pytest.importorskip("jinja2")

EXAMPLE = "jianghe-2021"
REPORT = examples.load(EXAMPLE)
CTX = context(REPORT, "zh_CN", None)
TABLES = [b for b in blocks(CTX, REPORT) if isinstance(b, TableBlock)]
LABELLED_BY = {"二": "gd-s2", "三": "gd-s3", "四": "gd-s4"}


# ---------------------------------------------------------------- the Jinja2 side


def _count(value: int | None) -> str:
    return "" if value is None else str(value)


def _amount(value: Amount | None) -> str:
    return "" if value is None else format(value.value, "f")


def _decimal(value: Decimal | None) -> str:
    return "" if value is None else format(value, "f")


_FILTERS = {"count": "count", "signed": "count", "amount": "amount", "decimal": "decimal"}


def _tables_source() -> str:
    """The official markup of tables 二/三/四 with a Jinja2 expression in every cell."""
    out = []
    for block in TABLES:
        table = block.table
        parts, cells = _skeleton(REPORT.edition, table.number, True, "gd")
        number = {"二": "2", "三": "3", "四": "4"}[table.number]
        out.append(
            f'<table class="gd-table gd-table-{number}" data-table="{table.number}" '
            f'aria-labelledby="{LABELLED_BY[table.number]}">\n'
        )
        for part in parts:
            if isinstance(part, str):
                out.append(part.replace("{", "{{ '{' }}"))
            else:
                cell = cells[part]
                out.append(f"{{{{ r.{cell.attribute}.{cell.key}|{_FILTERS[cell.kind]} }}}}")
        out.append("</table>\n")
    return "".join(out)


_DOCUMENT = """\
<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ r.title }}</title>
<style>
{{ css|safe }}</style>
</head>
<body>
<article class="gd-report" lang="zh-CN" data-edition="{{ r.edition.value }}">
<h1 class="gd-title">{{ r.title }}</h1>
<dl class="gd-metadata">
{% for field, label, value in metadata %}
<dt data-field="{{ field }}">{{ label }}</dt><dd>{{ value }}</dd>
{% endfor %}
</dl>
{% for p in r.preamble %}
<p>{{ p }}</p>
{% endfor %}
{% macro section(s, path, level) %}
<section aria-labelledby="gd-s{{ path }}">
{% set h = "h" ~ (level + 1) %}
<{{ h }} id="gd-s{{ path }}">{{ ordinal(s.ordinal, level) }}{{ s.title }}</{{ h }}>
{% for p in s.paragraphs %}
<p>{{ p }}</p>
{% endfor %}
{% if level == 1 and s.ordinal in tables %}{% include tables[s.ordinal] %}{% endif %}
{% for sub in s.subsections %}{{ section(sub, path ~ "-" ~ sub.ordinal, level + 1) }}{% endfor %}
</section>
{% endmacro %}
{% for s in r.sections %}{{ section(s, s.ordinal, 1) }}{% endfor %}
<footer class="gd-signature">
<p class="gd-agency">{{ r.signature.agency }}</p>
<p><time datetime="{{ r.signature.date.isoformat() }}">{{ date(r.signature.date) }}</time></p>
</footer>
</article>
</body>
</html>
"""


def _environment() -> Any:
    from govdisclosure import fmt

    sources = {"document": _DOCUMENT, "tables": _tables_source()}
    for block in TABLES:
        parts = _tables_source_for(block.table.number)
        sources[f"table-{block.table.number}"] = parts
    env = jinja2.Environment(
        loader=jinja2.DictLoader(sources),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(count=_count, amount=_amount, decimal=_decimal)
    env.globals.update(
        ordinal=lambda n, level: fmt.format_ordinal(n, level=level),
        date=fmt.format_date,
        css=STYLESHEET,
    )
    return env


def _tables_source_for(number: str) -> str:
    source = _tables_source()
    start = source.index(f'data-table="{number}"')
    start = source.rindex("<table", 0, start)
    return source[start : source.index("</table>\n", start) + len("</table>\n")]


ENV = _environment()
TABLES_TEMPLATE = ENV.get_template("tables")
DOCUMENT_TEMPLATE = ENV.get_template("document")
SECTION_OF = {2: "table-二", 3: "table-三", 4: "table-四"}


def _metadata(report: Report) -> list[tuple[str, str, str]]:
    md_block = next(b for b in blocks(CTX, report) if isinstance(b, MetadataBlock))
    return list(md_block.items)


METADATA = _metadata(REPORT)


def jinja_tables(report: Report) -> str:
    return str(TABLES_TEMPLATE.render(r=report))


def jinja_document(report: Report) -> str:
    return str(DOCUMENT_TEMPLATE.render(r=report, metadata=METADATA, tables=SECTION_OF))


# ---------------------------------------------------------------- the govdisclosure side


def govdisclosure_tables(report: Report) -> str:
    ctx = context(report, "zh_CN", None)
    return "".join(
        _table(ctx, TableBlock(t, getattr(report, t.attribute)), LABELLED_BY[t.number]) + "\n"
        for t in ctx.layout.tables
    )


def _squeeze(page: str) -> str:
    return re.sub(r">\s+<", "><", page).strip()


def test_both_sides_print_the_same() -> None:
    assert jinja_tables(REPORT) == govdisclosure_tables(REPORT)
    assert _squeeze(jinja_document(REPORT)) == _squeeze(render.html(REPORT))
    assert len(layout_of(REPORT.edition).cells) == 200


@pytest.mark.benchmark(group=f"html tables {EXAMPLE}")
def test_tables_govdisclosure(benchmark: Any) -> None:
    assert benchmark(govdisclosure_tables, REPORT) == jinja_tables(REPORT)


@pytest.mark.benchmark(group=f"html tables {EXAMPLE}")
def test_tables_jinja2(benchmark: Any) -> None:
    assert benchmark(jinja_tables, REPORT) == govdisclosure_tables(REPORT)


@pytest.mark.benchmark(group=f"html document {EXAMPLE}")
def test_document_govdisclosure(benchmark: Any) -> None:
    page = benchmark(render.html, REPORT)
    assert _squeeze(page) == _squeeze(jinja_document(REPORT))


@pytest.mark.benchmark(group=f"html document {EXAMPLE}")
def test_document_jinja2(benchmark: Any) -> None:
    page = benchmark(jinja_document, REPORT)
    assert _squeeze(page) == _squeeze(render.html(REPORT))
