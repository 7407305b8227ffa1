"""The trial 2019 edition (国办公开办函〔2019〕60号): its table 二 (signed 本年增/减, the (九)项
procurement block), table 三 with a single (六)其他处理 row, the shared table 四 and sections."""

from __future__ import annotations

from govdisclosure.layout._shared import block, national_layout, other_row
from govdisclosure.layout._types import ColumnLayout, Edition, RowLayout

__all__ = ["LAYOUT"]

_ITEMS_2019 = (
    ColumnLayout("previous_items", ("上一年项目数量",), ("Items last year",), unit="项"),
    ColumnLayout("change", ("本年增/减",), ("Change this year",), "signed", unit="项"),
    ColumnLayout("decisions", ("处理决定数量",), ("Decisions",)),
)
_ACTIVE_2019 = (
    block(
        1,
        (
            ColumnLayout("new_made", ("本年新制作数量",), ("Newly made this year",)),
            ColumnLayout("new_published", ("本年新公开数量",), ("Newly disclosed this year",)),
            ColumnLayout("total_published", ("对外公开总数量",), ("Disclosed in total",)),
        ),
        RowLayout("normative_documents", ("规范性文件",), ("Normative documents",)),
    ),
    block(
        5,
        _ITEMS_2019,
        RowLayout(
            "other_services", ("其他对外管理服务事项",), ("Other external management services",)
        ),
    ),
    block(6, _ITEMS_2019),
    block(8, _ITEMS_2019[:2]),
    block(
        9,
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
        RowLayout("procurement", ("政府集中采购",), ("Centralised government procurement",)),
    ),
)


LAYOUT = national_layout(
    Edition.TRIAL_2019,
    name="中华人民共和国政府信息公开工作年度报告格式(试行)",
    basis="国办公开办函〔2019〕60号",
    active=_ACTIVE_2019,
    other_rows=(other_row("other"),),
)
