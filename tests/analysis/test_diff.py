"""diff: empty on itself, apply reproduces the new report, across editions, rendering."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govdisclosure import examples
from govdisclosure import strategies as gst
from govdisclosure.analysis import diff
from govdisclosure.layout import Edition
from govdisclosure.money import Amount, MoneyUnit

OLD = examples.load("jianghe-2020")
NEW = examples.load("jianghe-2021")


@given(gst.reports())
def test_diff_of_a_report_with_itself_is_empty(report) -> None:  # type: ignore[no-untyped-def]
    d = diff(report, report)
    assert d.empty
    assert len(d) == 0
    assert d.apply(report) == report
    assert "相同" in d.to_text()


@settings(max_examples=60)
@given(gst.reports(), gst.reports())
def test_applying_a_diff_reproduces_the_new_report(a, b) -> None:  # type: ignore[no-untyped-def]
    d = diff(a, b)
    assert d.apply(a) == b
    if a != b:
        assert not d.empty


@settings(max_examples=60)
@given(gst.reports(editions=[Edition.STANDARD_2021]), st.data())
def test_changed_cells_are_exactly_those_that_differ(a, data) -> None:  # type: ignore[no-untyped-def]
    b = data.draw(gst.reports(editions=[Edition.STANDARD_2021]))
    b = attrs.evolve(b, agency=a.agency, year=a.year)
    d = diff(a, b)
    from govdisclosure.layout import layout_of

    differing = {c.json_path for c in layout_of(a.edition).cells if c.get(a) != c.get(b)}
    assert {c.path for c in d.cells} >= differing
    for c in d.cells:
        if isinstance(c.old, int) and isinstance(c.new, int):
            assert c.change == c.new - c.old


def test_the_bundled_years_across_editions() -> None:
    d = diff(OLD, NEW)
    assert d.old_edition is Edition.TRIAL_2019
    assert d.new_edition is Edition.STANDARD_2021
    c = d.cell("$.requests.new.total")
    assert (c.old, c.new, c.change) == (38, 46, 8)
    assert c.relative == Fraction(8, 38)
    assert c.percent(2) == Decimal("21.05")
    licensing = d.cell("$.active.licensing")
    assert licensing.old_path == "$.active.licensing.decisions"
    # the 2019 (六)其他处理 row is compared with the sum of the three 2021 rows
    (total,) = [s for s in d.sums if s.single == "$.requests.other.total"]
    assert total.side == "old"
    assert NEW.requests is not None
    assert total.new == sum(r.total for r in NEW.requests.other.rows())  # type: ignore[misc]
    unmapped = {(u.side, u.path) for u in d.unmapped}
    assert ("new", "$.active.fees") in unmapped
    assert ("old", "$.active.procurement.amount") in unmapped
    assert d.apply(OLD) == NEW


def test_amount_changes_are_exact_and_keep_precision_changes() -> None:
    assert NEW.active is not None
    a = attrs.evolve(NEW, active=attrs.evolve(NEW.active, fees=Amount("20.3", MoneyUnit.WAN_YUAN)))
    d = diff(a, NEW)  # 20.3 → 20.30: equal values, printed differently
    change = d.cell("$.active.fees")
    assert change.change == Amount("0.00", MoneyUnit.WAN_YUAN)
    assert change.percent() == Decimal("0.0")
    b = attrs.evolve(NEW, active=attrs.evolve(NEW.active, fees=Amount("1.01", MoneyUnit.WAN_YUAN)))
    assert diff(NEW, b).cell("$.active.fees").change == Amount("-19.29", MoneyUnit.WAN_YUAN)


def test_sections_have_a_unified_diff() -> None:
    s = NEW.sections[4]
    changed = attrs.evolve(
        NEW,
        sections=(
            *NEW.sections[:4],
            attrs.evolve(s, paragraphs=("新的一段。",)),
            *NEW.sections[5:],
        ),
    )
    d = diff(NEW, changed)
    (section,) = d.sections
    assert section.key == (5,)
    lines = section.unified()
    assert "+新的一段。" in lines
    assert any(line.startswith("-") and not line.startswith("---") for line in lines)
    assert d.apply(NEW) == changed


def test_extra_rows_added_and_removed() -> None:
    from govdisclosure.model import ExtraRow

    assert NEW.active is not None
    row = ExtraRow(block="第二十条第(一)项", label="其他主动公开文件", values=(3, 0, 7))
    more = attrs.evolve(NEW, active=attrs.evolve(NEW.active, extra_rows=(row,)))
    (added,) = diff(NEW, more).rows
    assert (added.kind, added.label, added.new) == ("added", "其他主动公开文件", (3, 0, 7))
    (removed,) = diff(more, NEW).rows
    assert removed.kind == "removed"
    assert diff(NEW, more).apply(NEW) == more


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
@pytest.mark.parametrize("locale", ["zh_CN", "en"])
def test_rendering(fmt: str, locale: str) -> None:
    out = diff(OLD, NEW).render(fmt, locale=locale)
    assert "46" in out
    if fmt == "html":
        assert "<table>" in out
        assert "<script" not in out
    if fmt == "markdown":
        assert "| --- |" in out
        assert "```diff" in out
    word = "Table cells" if locale == "en" else "表格单元格"
    assert word in out


def test_apply_checks_its_starting_point() -> None:
    d = diff(OLD, NEW)
    with pytest.raises(ValueError, match="starts from"):
        d.apply(NEW)


def test_to_dict_is_json_ready() -> None:
    import json

    text = json.dumps(diff(OLD, NEW).to_dict(), ensure_ascii=False)
    assert '"$.active.fees"' in text
