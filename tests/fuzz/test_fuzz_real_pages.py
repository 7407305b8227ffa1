"""Mutated real pages: splices of two pages, truncations, shuffled lines, HTML junk, the
width of punctuation changed (full-width ↔ half-width). Whatever the page, ``parse`` gives a
Parsed; ``check``, ``render`` and the JSON of what was read never fail (or fail with the
library's own error); every span holds its raw token and every table cell read is located.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

import govdisclosure as gd
from fuzz.conftest import fuzz_settings, result_or_own_error
from govdisclosure import examples
from govdisclosure.parse import Parsed, parse

FIXTURES = Path(__file__).parent.parent / "fixtures"

_JUNK = (
    "<td>",
    "</td>",
    "<tr><td>0</td>",
    "<table>",
    "</table>",
    "<p>",
    "</p>",
    "<br>",
    "<h2>二、主动公开政府信息情况</h2>",
    '<td colspan="7">',
    "&nbsp;",
    "&amp;",
    "<script>x</script>",
    "<time>2022年1月18日</time>",
    "<!-- -->",
    "|||||||",
    " | ",
)
_WIDE = str.maketrans("(),:;|0123456789", "（），：；｜０１２３４５６７８９")
_NARROW = str.maketrans("（），：；｜０１２３４５６７８９", "(),:;|0123456789")


@cache
def pages() -> tuple[str, ...]:
    """The real pages the fuzzers mutate: the corpus, the PDF texts, the examples' sources."""
    out = [
        p.read_text(encoding="utf-8").split("\n---\n", 1)[-1]
        for p in sorted((FIXTURES / "corpus" / "raw").glob("*.txt"))
    ]
    out += [p.read_text(encoding="utf-8") for p in sorted((FIXTURES / "real").glob("*.txt"))]
    out.append(examples.source_text("xianning-2015"))
    out += [gd.render(examples.load(name), "html") for name in examples.names()]
    return tuple(out)


def _page(data: st.DataObject) -> str:
    return data.draw(st.sampled_from(pages()), label="page")


@st.composite
def mutated_pages(draw: st.DrawFn) -> str:
    """A real page, mutated one to three times."""
    all_pages = pages()
    text = draw(st.sampled_from(all_pages))
    for _ in range(draw(st.integers(1, 3))):
        how = draw(st.sampled_from(("splice", "cut", "shuffle", "junk", "width")))
        if how == "splice":
            other = draw(st.sampled_from(all_pages))
            i = draw(st.integers(0, len(text)))
            j = draw(st.integers(0, len(other)))
            text = text[:i] + other[j:]
        elif how == "cut":
            i = draw(st.integers(0, len(text)))
            j = draw(st.integers(i, len(text)))
            text = text[i:j]
        elif how == "shuffle":
            lines = text.split("\n")
            k = draw(st.integers(0, len(lines)))
            m = draw(st.integers(k, min(len(lines), k + 40)))
            part = draw(st.permutations(lines[k:m]))
            text = "\n".join([*lines[:k], *part, *lines[m:]])
        elif how == "junk":
            for _ in range(draw(st.integers(1, 8))):
                i = draw(st.integers(0, len(text)))
                text = text[:i] + draw(st.sampled_from(_JUNK)) + text[i:]
        else:
            i = draw(st.integers(0, len(text)))
            j = draw(st.integers(i, min(len(text), i + 2000)))
            table = _WIDE if draw(st.booleans()) else _NARROW
            text = text[:i] + text[i:j].translate(table) + text[j:]
    return text


def _holds(parsed: Parsed) -> None:
    for path, o in parsed.provenance.items():
        printed = parsed.text[o.start : o.end]
        assert "".join(printed.split()) == "".join(o.raw.split()), (path, printed, o.raw)
    doc = parsed.document
    if doc is None:
        return
    for tb in doc.tables():
        for cell in tb.grid.data_cells():
            assert cell.path in parsed.provenance, cell.path


def _downstream(parsed: Parsed) -> None:
    report = parsed.report
    result_or_own_error(gd.check, report)
    for fmt in ("text", "markdown", "html"):
        result_or_own_error(gd.render, report, fmt)
    json.dumps(gd.to_dict(report), ensure_ascii=False)
    assert parsed.coverage is not None
    read = {
        p
        for p in parsed.provenance
        if p.startswith(("$.active.", "$.requests.", "$.reviews.")) and "extra_rows" not in p
    }
    assert read <= parsed.coverage.printed  # every cell read was printed


@fuzz_settings()
@given(text=mutated_pages())
def test_mutated_real_pages(text: str) -> None:
    parsed = parse(text)
    _holds(parsed)
    _downstream(parsed)


@fuzz_settings()
@given(data=st.data())
def test_mutated_real_pages_as_html(data: st.DataObject) -> None:
    report = parse(_page(data)).report
    html = result_or_own_error(gd.render, report, "html")
    if html is None:
        return
    i = data.draw(st.integers(0, len(html)))
    junk = data.draw(st.sampled_from(_JUNK))
    parsed = parse(html[:i] + junk + html[i:])
    _holds(parsed)
    _downstream(parsed)
