"""The standard 2021 edition (国办公开办函〔2021〕30号): its table 二, table 三 with three
(六)其他处理 rows, and the shared table 四 and sections."""

from __future__ import annotations

from govdisclosure.layout._shared import block, national_layout, other_row
from govdisclosure.layout._types import ColumnLayout, Edition, RowLayout

__all__ = ["LAYOUT"]

_OTHER_ROWS_2021 = (
    other_row(
        "other.no_correction",
        ("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",),
        ("1. Applicant failed to correct in time without good reason; no longer processed",),
    ),
    other_row(
        "other.unpaid_fee",
        ("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",),
        ("2. Applicant did not pay the fee notified in time; no longer processed",),
    ),
    other_row("other.other", ("3.其他",), ("3. Other",)),
)

_DECISIONS = (ColumnLayout(None, ("本年处理决定数量",), ("Decisions this year",)),)
_ACTIVE_2021 = (
    block(
        1,
        (
            ColumnLayout("issued", ("本年制发件数",), ("Issued this year",)),
            ColumnLayout("repealed", ("本年废止件数",), ("Repealed this year",)),
            ColumnLayout("in_force", ("现行有效件数",), ("In force",)),
        ),
        RowLayout(
            "normative_documents",
            ("行政规范性文件",),
            ("Administrative normative documents",),
            ("规范性文件",),
        ),
    ),
    block(5, _DECISIONS),
    block(6, _DECISIONS),
    block(
        8,
        (
            ColumnLayout(
                None,
                ("本年收费金额(单位:万元)",),
                ("Fees collected this year (10,000 yuan)",),
                "amount",
            ),
        ),
    ),
)


LAYOUT = national_layout(
    Edition.STANDARD_2021,
    name="中华人民共和国政府信息公开工作年度报告格式",
    basis="国办公开办函〔2021〕30号",
    active=_ACTIVE_2021,
    other_rows=_OTHER_ROWS_2021,
)
