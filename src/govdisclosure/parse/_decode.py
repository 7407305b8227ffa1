"""Bytes to text: the BOM, then ``<meta charset>``, then strict UTF-8, then GB18030.

>>> decode("咸宁".encode("gb18030"))[0]
'咸宁'
>>> decode("咸宁".encode("gb18030"))[1].code
'GP101'
>>> decode(b'<meta charset="gbk">' + "咸宁".encode("gbk"))[1] is None
True
"""

from __future__ import annotations

import codecs
import re

from govdisclosure.parse._types import ParseFinding

__all__ = ["decode"]

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# charset=… in a <meta> (either form); looked for in the first 4 KB only, so linear.
_META = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-]{1,40})""", re.I)
# Pages labelled GB2312 or GBK are GB18030 in practice (a superset of both).
_WIDEN = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030"}


def decode(data: bytes) -> tuple[str, ParseFinding | None]:
    """The text of ``data`` and a finding saying which encoding was used when none was
    declared (``None`` when a BOM or a ``<meta charset>`` declared it)."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(name, errors="replace"), None
    match = _META.search(data[:4096])
    if match:
        name = match.group(1).decode("ascii").lower()
        name = _WIDEN.get(name, name)
        try:
            codecs.lookup(name)
        except LookupError:
            pass
        else:
            try:
                return data.decode(name), None
            except UnicodeDecodeError:
                pass  # declared wrongly: fall through to the guesses
    for name in ("utf-8", "gb18030"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if name == "utf-8" and data.isascii():
            return text, None
        return text, ParseFinding("GP101", (("encoding", name),))
    text = data.decode("utf-8", errors="replace")
    return text, ParseFinding("GP102", (("count", text.count("\ufffd")),))
