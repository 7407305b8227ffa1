"""Which cells of the trial 2019 tables correspond to which cells of the standard 2021 ones.

Data beside the layouts (it belongs in :mod:`govdisclosure.layout`; it lives here until it
moves): JSON paths of the 2019 edition mapped to JSON paths of the 2021 edition, the 2019
cells whose value is the sum of several 2021 cells, and every cell of either edition that has
no counterpart, with the reason. Every table cell of both editions is named exactly once
(a test checks it against the layouts).

>>> SAME["$.requests.new.natural_person"]
'$.requests.new.natural_person'
>>> SAME["$.active.licensing.decisions"]
'$.active.licensing'
>>> SPLIT["$.requests.other.total"]   # doctest: +NORMALIZE_WHITESPACE
('$.requests.other.no_correction.total', '$.requests.other.unpaid_fee.total',
 '$.requests.other.other.total')
>>> ONLY_2021["$.active.fees"]
'本年收费金额 (2021) has no counterpart in 2019, which counted fee items, not amounts'
"""

from __future__ import annotations

from typing import Final

__all__ = ["ONLY_2019", "ONLY_2021", "SAME", "SPLIT", "VERSION"]

VERSION: Final = 1
"""Bump when a mapping changes meaning."""

_APPLICANTS = (
    "natural_person",
    "commercial",
    "research",
    "public_interest",
    "legal_services",
    "other",
    "total",
)
_REQUEST_ROWS = (
    "new",
    "carried_over",
    "granted",
    "partly_granted",
    "withheld.state_secret",
    "withheld.prohibited_by_law",
    "withheld.three_securities",
    "withheld.third_party",
    "withheld.internal_affairs",
    "withheld.process_information",
    "withheld.enforcement_files",
    "withheld.inquiry_matters",
    "unable.not_held",
    "unable.needs_creation",
    "unable.still_unclear",
    "not_processed.petitions",
    "not_processed.repeated",
    "not_processed.publications",
    "not_processed.excessive",
    "not_processed.confirmation",
    "total",
    "carried_forward",
)
_REVIEW_GROUPS = ("review", "litigation_direct", "litigation_after_review")
_OUTCOMES = ("upheld", "corrected", "other", "pending", "total")
_OTHER_2021 = ("no_correction", "unpaid_fee", "other")

SAME: Final[dict[str, str]] = {
    # 表三: every row but (六)其他处理 has the same labels in both editions.
    **{
        f"$.requests.{row}.{col}": f"$.requests.{row}.{col}"
        for row in _REQUEST_ROWS
        for col in _APPLICANTS
    },
    # 表四 is identical.
    **{f"$.reviews.{g}.{col}": f"$.reviews.{g}.{col}" for g in _REVIEW_GROUPS for col in _OUTCOMES},
    # 表二 (一)项: 本年新制作数量 (2019) is what 2021 calls 本年制发件数; 规范性文件 became
    # 行政规范性文件.
    "$.active.regulations.new_made": "$.active.regulations.issued",
    "$.active.normative_documents.new_made": "$.active.normative_documents.issued",
    # 表二 (五)(六)项: 处理决定数量 (2019) is 本年处理决定数量 (2021).
    "$.active.licensing.decisions": "$.active.licensing",
    "$.active.punishment.decisions": "$.active.punishment",
    "$.active.enforcement.decisions": "$.active.enforcement",
}
"""2019 path → 2021 path of a cell with the same meaning."""

SPLIT: Final[dict[str, tuple[str, ...]]] = {
    f"$.requests.other.{col}": tuple(f"$.requests.other.{r}.{col}" for r in _OTHER_2021)
    for col in _APPLICANTS
}
"""2019 path → the 2021 paths whose sum it equals: 2019's single (六)其他处理 row became the
three sub-rows 1. 逾期不补正, 2. 逾期未缴费, 3. 其他 in 2021."""

_NEW_PUBLISHED = "本年新公开数量 (2019) has no counterpart in 2021"
_TOTAL_PUBLISHED = (
    "对外公开总数量 (2019) counts documents disclosed in total, not 现行有效件数 (2021)"
)
_ITEMS = "上一年项目数量 (2019) was dropped in 2021"
_CHANGE = "本年增/减 (2019) was dropped in 2021"
ONLY_2019: Final[dict[str, str]] = {
    "$.active.regulations.new_published": _NEW_PUBLISHED,
    "$.active.normative_documents.new_published": _NEW_PUBLISHED,
    "$.active.regulations.total_published": _TOTAL_PUBLISHED,
    "$.active.normative_documents.total_published": _TOTAL_PUBLISHED,
    **{f"$.active.{row}.previous_items": _ITEMS for row in ("licensing", "punishment")},
    **{f"$.active.{row}.change": _CHANGE for row in ("licensing", "punishment")},
    "$.active.enforcement.previous_items": _ITEMS,
    "$.active.enforcement.change": _CHANGE,
    **{
        f"$.active.other_services.{col}": "其他对外管理服务事项 (2019) was dropped in 2021"
        for col in ("previous_items", "change", "decisions")
    },
    "$.active.fees.previous_items": (
        "行政事业性收费 项目数量 (2019): 2021 states the amount instead"
    ),
    "$.active.fees.change": "行政事业性收费 本年增/减 (2019): 2021 states the amount instead",
    "$.active.procurement.projects": "第二十条第(九)项 政府集中采购 was dropped in 2021",
    "$.active.procurement.amount": "第二十条第(九)项 政府集中采购 was dropped in 2021",
}
"""2019 cells with no 2021 counterpart, and why."""

ONLY_2021: Final[dict[str, str]] = {
    "$.active.regulations.repealed": "本年废止件数 (2021) has no counterpart in 2019",
    "$.active.normative_documents.repealed": "本年废止件数 (2021) has no counterpart in 2019",
    "$.active.regulations.in_force": _TOTAL_PUBLISHED,
    "$.active.normative_documents.in_force": _TOTAL_PUBLISHED,
    "$.active.fees": (
        "本年收费金额 (2021) has no counterpart in 2019, which counted fee items, not amounts"
    ),
}
"""2021 cells with no 2019 counterpart, and why (the three (六) sub-rows are in
:data:`SPLIT`)."""
