"""The standard 2021 edition (国办公开办函〔2021〕30号): its table 二, table 三 with three
(六)其他处理 rows, and the shared table 四 and sections."""

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

_OTHER_ROWS_2021 = (
    RowLayout(
        "other.no_correction",
        (_RESULTS, _OTHER, "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
        (
            _RESULTS_EN,
            _OTHER_EN,
            "1. Applicant failed to correct in time without good reason; no longer processed",
        ),
    ),
    RowLayout(
        "other.unpaid_fee",
        (
            _RESULTS,
            _OTHER,
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        ),
        (
            _RESULTS_EN,
            _OTHER_EN,
            "2. Applicant did not pay the fee notified in time; no longer processed",
        ),
    ),
    RowLayout("other.other", (_RESULTS, _OTHER, "3.其他"), (_RESULTS_EN, _OTHER_EN, "3. Other")),
)

_DECISIONS = (ColumnLayout(None, ("本年处理决定数量",), ("Decisions this year",)),)
_ACTIVE_2021 = active_table(
    block(
        _ITEM_1,
        _ITEM_1_EN,
        (
            ColumnLayout("issued", ("本年制发件数",), ("Issued this year",)),
            ColumnLayout("repealed", ("本年废止件数",), ("Repealed this year",)),
            ColumnLayout("in_force", ("现行有效件数",), ("In force",)),
        ),
        (
            RowLayout("regulations", ("规章",), ("Rules",)),
            RowLayout(
                "normative_documents",
                ("行政规范性文件",),
                ("Administrative normative documents",),
                ("规范性文件",),
            ),
        ),
    ),
    block(
        _ITEM_5,
        _ITEM_5_EN,
        _DECISIONS,
        (RowLayout("licensing", ("行政许可",), ("Administrative licensing",)),),
    ),
    block(
        _ITEM_6,
        _ITEM_6_EN,
        _DECISIONS,
        (
            RowLayout("punishment", ("行政处罚",), ("Administrative penalties",)),
            RowLayout("enforcement", ("行政强制",), ("Administrative coercion",)),
        ),
    ),
    block(
        _ITEM_8,
        _ITEM_8_EN,
        (
            ColumnLayout(
                None,
                ("本年收费金额(单位:万元)",),
                ("Fees collected this year (10,000 yuan)",),
                "amount",
            ),
        ),
        (RowLayout("fees", ("行政事业性收费",), ("Administrative fees",)),),
    ),
)


LAYOUT = EditionLayout(
    edition=Edition.STANDARD_2021,
    name="中华人民共和国政府信息公开工作年度报告格式",
    basis="国办公开办函〔2021〕30号",
    sections=_SECTIONS_2019_2021,
    tables=(_ACTIVE_2021, requests_table(_OTHER_ROWS_2021), _REVIEWS),
)
