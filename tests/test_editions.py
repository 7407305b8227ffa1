"""The layouts: complete, consistent with the model classes, official wording."""

import typing
import unicodedata
from decimal import Decimal

import attrs
import pytest

from govdisclosure import Amount, Edition, layout_of
from govdisclosure.layout import label_key, normalize_label
from govdisclosure.model import layout_of_table, table_class

TABLE_EDITIONS = (Edition.STANDARD_2021, Edition.TRIAL_2019)


def _leaf_paths(cls: type, prefix: str = "") -> list[str]:
    """Every figure-holding attribute of a table class, as dotted paths."""
    hints = typing.get_type_hints(cls)
    paths = []
    for field in attrs.fields(cls):
        if field.name in ("extra_rows", "amount_unit"):
            continue
        t = hints[field.name]
        args = [a for a in typing.get_args(t) if a is not type(None)] or [t]
        inner = args[0]
        if attrs.has(inner) and inner is not Amount:
            paths += _leaf_paths(inner, f"{prefix}{field.name}.")
        else:
            assert inner in (int, Amount, Decimal), (cls, field.name, inner)
            paths.append(prefix + field.name)
    return paths


@pytest.mark.parametrize("edition", TABLE_EDITIONS)
def test_every_model_cell_is_described_exactly_once(edition: Edition) -> None:
    for table in layout_of(edition).tables:
        keys = [c.key for c in table.cells]
        assert sorted(keys) == sorted(_leaf_paths(table_class(edition, table.attribute)))
        assert len(set(keys)) == len(keys)


@pytest.mark.parametrize(
    ("edition", "sizes"),
    [
        (Edition.STANDARD_2021, {"二": 10, "三": 175, "四": 15}),
        (Edition.TRIAL_2019, {"二": 22, "三": 161, "四": 15}),
    ],
)
def test_cell_counts(edition: Edition, sizes: dict[str, int]) -> None:
    assert {t.number: len(t.cells) for t in layout_of(edition).tables} == sizes


def test_table_three_rows_in_official_order() -> None:
    table = layout_of(Edition.STANDARD_2021).table("三")
    rows = [r.labels[-1] for r in table.blocks[0].rows]
    assert rows[0] == "一、本年新收政府信息公开申请数量"
    assert rows[3] == "(二)部分公开(区分处理的,只计这一情形,不计其他情形)"
    assert rows[4:12] == [
        "1.属于国家秘密",
        "2.其他法律行政法规禁止公开",
        "3.危及“三安全一稳定”",
        "4.保护第三方合法权益",
        "5.属于三类内部事务信息",
        "6.属于四类过程性信息",
        "7.属于行政执法案卷",
        "8.属于行政查询事项",
    ]
    assert rows[-2:] == ["(七)总计", "四、结转下年度继续办理"]
    assert len(rows) == 25
    assert table.corner_note == "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)"
    cols = [c.labels for c in table.blocks[0].columns]
    assert cols[0] == ("自然人",)
    assert cols[1] == ("法人或其他组织", "商业企业")
    assert cols[-1] == ("总计",)


@pytest.mark.parametrize("edition", list(Edition))
def test_labels_are_normalised_and_translated(edition: Edition) -> None:
    layout = layout_of(edition)
    for cell in layout.cells:
        for label in (*cell.row_labels, *cell.column_labels):
            assert label == normalize_label(label)
            assert label == unicodedata.normalize("NFKC", label)
        assert len(cell.row_en) == len(cell.row_labels)
        assert len(cell.column_en) == len(cell.column_labels)
        assert all(x.isascii() for x in (*cell.row_en, *cell.column_en))
    assert [s.ordinal for s in layout.sections] == list(range(1, len(layout.sections) + 1))


def test_cell_lookup_and_labels() -> None:
    layout = layout_of(Edition.TRIAL_2019)
    cell = layout.cell("active", "licensing.change")
    assert (cell.row, cell.column, cell.kind) == (
        "第二十条第(五)项 / 行政许可",
        "本年增/减",
        "signed",
    )
    assert cell.json_path == "$.active.licensing.change"
    assert layout_of_table(table_class(Edition.TRIAL_2019, "reviews")).number == "四"
    with pytest.raises(KeyError, match=r"no cell active\.fees\.amount"):
        layout.cell("active", "fees.amount")


def test_label_key_tolerates_real_world_variants() -> None:
    assert label_key("商业 企业") == label_key("商业企业")
    assert label_key("（二）部分公开（区分处理的，只计这一情况，不计其他情况）") == label_key(
        "(二)部分公开(区分处理的,只计这一情形,不计其他情形)"
    )
    assert label_key('3.危及"三安全一稳定"') == label_key("3.危及“三安全一稳定”")
