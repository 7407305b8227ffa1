"""The trial 2019 edition (国办公开办函〔2019〕60号): its table 二 (signed 本年增/减, the (九)项
procurement block), table 三 with a single (六)其他处理 row, the shared table 四 and sections."""

from __future__ import annotations

from govdisclosure.layout._shared import (
    _ITEM_1,
    _ITEM_1_EN,
    _ITEM_5,
    _ITEM_5_EN,
    _ITEM_6,
    _ITEM_6_EN,
    _ITEM_8,
    _ITEM_8_EN,
    _ITEM_9,
    _ITEM_9_EN,
    _OTHER,
    _OTHER_EN,
    _RESULTS,
    _RESULTS_EN,
    _REVIEWS,
    _SECTIONS_2019_2021,
    active_table,
    block,
    requests_table,
)
from govdisclosure.layout._types import (
    ColumnLayout,
    Edition,
    EditionLayout,
    RowLayout,
)

__all__ = ["LAYOUT"]

_OTHER_ROWS_2019 = (RowLayout("other", (_RESULTS, _OTHER), (_RESULTS_EN, _OTHER_EN)),)


_ITEMS_2019 = (
    ColumnLayout("previous_items", ("上一年项目数量",), ("Items last year",), unit="项"),
    ColumnLayout("change", ("本年增/减",), ("Change this year",), "signed", unit="项"),
    ColumnLayout("decisions", ("处理决定数量",), ("Decisions",)),
)
_ACTIVE_2019 = active_table(
    block(
        _ITEM_1,
        _ITEM_1_EN,
        (
            ColumnLayout("new_made", ("本年新制作数量",), ("Newly made this year",)),
            ColumnLayout("new_published", ("本年新公开数量",), ("Newly disclosed this year",)),
            ColumnLayout("total_published", ("对外公开总数量",), ("Disclosed in total",)),
        ),
        (
            RowLayout("regulations", ("规章",), ("Rules",)),
            RowLayout("normative_documents", ("规范性文件",), ("Normative documents",)),
        ),
    ),
    block(
        _ITEM_5,
        _ITEM_5_EN,
        _ITEMS_2019,
        (
            RowLayout("licensing", ("行政许可",), ("Administrative licensing",)),
            RowLayout(
                "other_services",
                ("其他对外管理服务事项",),
                ("Other external management services",),
            ),
        ),
    ),
    block(
        _ITEM_6,
        _ITEM_6_EN,
        _ITEMS_2019,
        (
            RowLayout("punishment", ("行政处罚",), ("Administrative penalties",)),
            RowLayout("enforcement", ("行政强制",), ("Administrative coercion",)),
        ),
    ),
    block(
        _ITEM_8,
        _ITEM_8_EN,
        _ITEMS_2019[:2],
        (RowLayout("fees", ("行政事业性收费",), ("Administrative fees",)),),
    ),
    block(
        _ITEM_9,
        _ITEM_9_EN,
        (
            ColumnLayout("projects", ("采购项目数量",), ("Procurement projects",), unit="项"),
            ColumnLayout(
                "amount",
                ("采购总金额",),
                ("Total procurement amount",),
                "decimal",
                unit_from="procurement.amount_unit",
            ),
        ),
        (RowLayout("procurement", ("政府集中采购",), ("Centralised government procurement",)),),
    ),
)


LAYOUT = EditionLayout(
    edition=Edition.TRIAL_2019,
    name="中华人民共和国政府信息公开工作年度报告格式(试行)",
    basis="国办公开办函〔2019〕60号",
    sections=_SECTIONS_2019_2021,
    tables=(_ACTIVE_2019, requests_table(_OTHER_ROWS_2019), _REVIEWS),
)
