"""What a government web page prints around a report, as data: the fields of its metadata block.

The editions prescribe the report; the portals that publish it add a block of metadata above
it (索引号, 文号, …). The renderers print it and the reader of published pages recognises it.

>>> [zh for _, zh, _ in METADATA_FIELDS][:3]
['索引号', '文号', '主题分类']
"""

from __future__ import annotations

from typing import Final

__all__ = ["METADATA_FIELDS"]

#: The metadata block of a government web page: (Metadata attribute, Chinese, English), in
#: the order pages print them.
METADATA_FIELDS: Final[tuple[tuple[str, str, str], ...]] = (
    ("index_number", "索引号", "Index number"),
    ("document_number", "文号", "Document number"),
    ("subject", "主题分类", "Subject"),
    ("issuer", "发文单位", "Issued by"),
    ("name", "名称", "Title"),
    ("published", "发布日期", "Published"),
    ("validity", "有效性", "Validity"),
    ("document_date", "发文日期", "Document date"),
)
