"""Fuzzers of the PDF and Word front ends: mutated files give a Parsed or the library's own
error (:class:`~govdisclosure.errors.ParseError`), never another exception.

Seeds: a real published PDF (WPS, CID fonts, ruled tables over page breaks), a small
hand-built PDF, and a Word file of a bundled example with numbering and merged cells. The
mutations: bytes overwritten, runs deleted or repeated, the file cut short; for Word also the
XML of the body mutated inside an intact zip.
"""

from __future__ import annotations

import io
import zipfile
from functools import cache
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from fuzz.conftest import adversarial_text, fuzz_settings, result_or_own_error
from govdisclosure import examples
from govdisclosure.parse import parse, parse_docx, parse_pdf

REAL = Path(__file__).parent.parent / "fixtures" / "real"


@cache
def _seeds() -> dict[str, bytes]:
    from tests.parse.office import report_docx

    return {
        "pdf": (REAL / "hongze-2024.pdf").read_bytes(),
        "docx": report_docx(examples.load("jianghe-2021")),
    }


@st.composite
def _mutated(draw: st.DrawFn, kind: str) -> bytes:
    data = bytearray(_seeds()[kind])
    for _ in range(draw(st.integers(1, 6))):
        op = draw(st.sampled_from(["set", "delete", "repeat", "cut", "insert"]))
        at = draw(st.integers(0, max(0, len(data) - 1)))
        if op == "set":
            data[at : at + 4] = draw(st.binary(min_size=1, max_size=4))
        elif op == "delete":
            del data[at : at + draw(st.integers(1, 4096))]
        elif op == "repeat":
            data[at:at] = bytes(data[at : at + draw(st.integers(1, 512))]) * draw(st.integers(1, 8))
        elif op == "cut":
            del data[at:]
        else:
            data[at:at] = draw(
                st.sampled_from(
                    [b"obj", b"endobj", b"stream", b"xref", b"trailer", b"<<", b">>", b"PK\x03\x04"]
                )
            )
    return bytes(data)


@fuzz_settings(max_examples=100)
@given(data=_mutated("pdf"))
def test_mutated_pdfs(data: bytes) -> None:
    result_or_own_error(parse_pdf, data)


@fuzz_settings(max_examples=100)
@given(data=_mutated("docx"))
def test_mutated_word_files(data: bytes) -> None:
    result_or_own_error(parse, data)


_XML_PIECES = st.sampled_from(
    [
        "<w:p>",
        "</w:p>",
        "<w:tbl>",
        "</w:tbl>",
        "<w:tr>",
        "<w:tc>",
        '<w:gridSpan w:val="99999999"/>',
        '<w:gridSpan w:val="-3"/>',
        '<w:vMerge w:val="restart"/>',
        "<w:vMerge/>",
        '<w:numPr><w:ilvl w:val="12"/><w:numId w:val="90"/></w:numPr>',
        '<w:numPr><w:ilvl w:val="x"/><w:numId w:val="nope"/></w:numPr>',
        "<w:t>",
        "</w:t>",
        "&amp;",
        "&#0;",
        "<!DOCTYPE x>",
        "<![CDATA[",
    ]
)


@fuzz_settings()
@given(
    pieces=st.lists(st.one_of(_XML_PIECES, adversarial_text(40)), max_size=30),
    at=st.floats(0, 1),
)
def test_word_body_xml_mutated_inside_a_good_zip(pieces: list[str], at: float) -> None:
    seed = zipfile.ZipFile(io.BytesIO(_seeds()["docx"]))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in seed.infolist():
            data = seed.read(info)
            if info.filename == "word/document.xml":
                text = data.decode("utf-8")
                cut = int(len(text) * at)
                extra = "".join(pieces).encode("utf-8", "surrogatepass").decode("utf-8", "replace")
                data = (text[:cut] + extra + text[cut:]).encode("utf-8")
            zf.writestr(info, data)
    result_or_own_error(parse_docx, out.getvalue())
