"""Words the renderers print that the edition layouts do not hold, in Chinese and English.

The layouts of :mod:`govdisclosure.editions` hold every official label of the tables and
headings; this module holds the rest: the names of the web page's metadata fields, in Chinese and
English.

>>> [zh for _, zh, _ in METADATA_FIELDS][:3]
['索引号', '文号', '主题分类']
"""

from __future__ import annotations

from typing import Final

__all__ = ["METADATA_FIELDS"]

#: The metadata block of a government web page: (Metadata attribute, Chinese, English), in
#: the order pages print them.
METADATA_FIELDS: Final = (
    ("index_number", "索引号", "Index number"),
    ("document_number", "文号", "Document number"),
    ("subject", "主题分类", "Subject"),
    ("issuer", "发文单位", "Issued by"),
    ("name", "名称", "Title"),
    ("published", "发布日期", "Published"),
    ("validity", "有效性", "Validity"),
    ("document_date", "发文日期", "Document date"),
)
