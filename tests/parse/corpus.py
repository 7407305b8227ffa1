"""The development corpus: real excerpts with hand-checked truth (tests/fixtures/corpus)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from govdisclosure.layout import Edition, label_key, layout_of

ROOT = Path(__file__).parent.parent / "fixtures" / "corpus"
FORMATS = {
    "legacy": Edition.LEGACY_2008,
    "trial2019": Edition.TRIAL_2019,
    "std2021": Edition.STANDARD_2021,
}


def ids() -> list[str]:
    return sorted(p.stem for p in (ROOT / "raw").glob("*.txt"))


def load(ident: str) -> tuple[dict[str, str], str, dict[str, Any]]:
    raw = (ROOT / "raw" / f"{ident}.txt").read_text(encoding="utf-8")
    head, text = raw.split("\n---\n", 1)
    meta = {}
    for line in head.splitlines():
        k, _, v = line.partition(":")
        meta[k.strip()] = v.strip()
    truth = json.loads((ROOT / "truth" / f"{ident}.json").read_text(encoding="utf-8"))
    return meta, text, truth


_T3_ROWS = {
    "一、本年新收政府信息公开申请数量": "new",
    "二、上年结转政府信息公开申请数量": "carried_over",
    "三(一) 予以公开": "granted",
    "三(二) 部分公开": "partly_granted",
    "三(七) 总计": "total",
    "四、结转下年度继续办理": "carried_forward",
}
_T3_COLS = {
    "自然人": "natural_person",
    "商业企业": "commercial",
    "科研机构": "research",
    "社会公益组织": "public_interest",
    "法律服务机构": "legal_services",
    "其他": "other",
    "总计": "total",
}
_T4 = {
    "行政复议": "review",
    "诉讼_未经复议直接起诉": "litigation_direct",
    "诉讼_复议后起诉": "litigation_after_review",
}
_T4_COLS = {
    "结果维持": "upheld",
    "结果纠正": "corrected",
    "其他结果": "other",
    "尚未审结": "pending",
    "总计": "total",
}


def _t3_key(edition: Edition, name: str) -> str | None:
    if name in _T3_ROWS:
        return _T3_ROWS[name]
    # "三(三)1 属于国家秘密", "三(六) 其他处理", "三(六)1 …": match by the label after the space
    label = name.split(" ", 1)[1] if " " in name else name
    table = layout_of(edition).table("三")
    for row in table.blocks[0].rows:
        last = label_key(row.labels[-1])
        if last.endswith(label_key(label)) and ("(六)" not in name or "other" in row.key):
            if name.startswith("三(六)") and not row.key.startswith("other"):
                continue
            return row.key
    return None


def expected_cells(edition: Edition, truth: dict[str, Any]) -> Iterator[tuple[str, Any, str]]:
    """(JSON path, expected value, truth key) of every cell the truth states."""
    layout = layout_of(edition)
    t2 = truth.get("table2") or {}
    for row_label, cols in t2.items():
        if row_label == "行政事业性收费_万元":
            yield "$.active.fees", cols, row_label
            continue
        row = next(
            (r for b in layout.table("二").blocks for r in b.rows if r.labels[-1] == row_label),
            None,
        )
        assert row is not None, row_label
        block = next(b for b in layout.table("二").blocks if row in b.rows)
        if not isinstance(cols, dict):
            yield f"$.active.{row.key}", cols, row_label
            continue
        for col_label, value in cols.items():
            if col_label.endswith("_unit"):
                yield f"$.active.{row.key}.amount_unit", value, row_label + "." + col_label
                continue
            col = next(c for c in block.columns if c.labels[-1] == col_label)
            yield f"$.active.{row.key}.{col.key}", value, row_label + "." + col_label
    for name, cols in (truth.get("table3") or {}).items():
        key = _t3_key(edition, name)
        assert key is not None, name
        for col_label, value in cols.items():
            yield f"$.requests.{key}.{_T3_COLS[col_label]}", value, name + "." + col_label
    for name, cols in (truth.get("table4") or {}).items():
        for col_label, value in cols.items():
            yield f"$.reviews.{_T4[name]}.{_T4_COLS[col_label]}", value, name + "." + col_label
