"""Words the renderers print that the edition layouts do not hold, in Chinese and English.

The layouts of :mod:`govdisclosure.editions` hold every official label of the tables and
headings; this module holds the rest: the names of the web page's metadata fields, the header
of table 二's label column (信息内容, printed in every block of the official form), and the
English words of the metadata block.

>>> ROW_LABEL_HEADER
('信息内容', 'Information item')
>>> [zh for _, zh, _ in METADATA_FIELDS][:3]
['索引号', '文号', '主题分类']
"""

from __future__ import annotations

from typing import Final

__all__ = ["METADATA_FIELDS", "ROW_LABEL_HEADER", "TRANSPOSED_TABLES"]

#: The header of the label column in each block of table 二 (both table editions).
ROW_LABEL_HEADER: Final = ("信息内容", "Information item")

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

#: Tables the official forms print with the layout's rows as column groups, in one row of
#: figures: table 四 (行政复议 | 行政诉讼 / 未经复议直接起诉 | 行政诉讼 / 复议后起诉, five
#: columns each).
TRANSPOSED_TABLES: Final = frozenset({"四"})
