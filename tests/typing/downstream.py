"""Downstream code written against one edition, as an embedding program writes it.

Checked by ``mypy --strict`` (``tests/test_typing.py`` runs it; by hand:
``python -m mypy --strict tests/typing/downstream.py``): it must type-check without a single
cast or ignore comment. ``assert_type`` pins what each expression is.
"""

from __future__ import annotations

import csv
from decimal import Decimal
from typing import assert_type

import govdisclosure as gd
from govdisclosure import (
    ActiveDisclosure2019,
    ActiveDisclosure2021,
    Amount,
    ApplicantCounts,
    Report,
    Requests2019,
    Requests2021,
    ReviewsAndLitigation,
)


def unpaid_fee_applications(report: Report) -> int:
    """(六)2 of a 2021 table 三 — `report.requests.other.unpaid_fee` would not type-check."""
    tables = report.tables_2021()
    assert_type(tables, gd.Tables2021)
    if tables.requests is None:
        return 0
    assert_type(tables.requests, Requests2021)
    return tables.requests.other.unpaid_fee.total or 0


def fee_2021(report: Report) -> Decimal | None:
    """The 2021 fee is an Amount in 万元."""
    active = report.tables_2021().active
    if active is None or active.fees is None:
        return None
    assert_type(active.fees, Amount)
    return active.fees.value


def fee_items_2019(report: Report) -> int | None:
    """The 2019 (八)项 is a row of item counts, not an amount."""
    active = report.tables_2019().active
    if active is None:
        return None
    assert_type(active, ActiveDisclosure2019)
    return active.fees.previous_items


def other_handling_2019(report: Report) -> ApplicantCounts | None:
    requests = report.tables_2019().requests
    assert_type(requests, Requests2019 | None)
    return None if requests is None else requests.other


def built(path: str) -> Report:
    """Tables from figures: every builder says which table it gives."""
    with open(path, encoding="utf-8", newline="") as f:
        requests = Requests2021.from_grid(csv.reader(f))
    assert_type(requests, Requests2021)
    active = ActiveDisclosure2021.build(licensing=12, fees="20.30")
    assert_type(active, ActiveDisclosure2021)
    reviews = ReviewsAndLitigation.from_keys({"review.upheld": 1})
    assert_type(reviews, ReviewsAndLitigation)
    cells = [("一、本年新收政府信息公开申请数量", "自然人", 1), ("(一)予以公开", "自然人", 1)]
    assert_type(Requests2019.from_cells(cells), Requests2019)
    assert_type(ApplicantCounts.build(natural_person=1, blank=True), ApplicantCounts)
    empty = Report.empty(agency="青山县教育局", year=2023)
    return Report(
        agency=empty.agency,
        year=empty.year,
        edition=empty.edition,
        title=empty.title,
        sections=empty.sections,
        active=active,
        requests=requests,
        reviews=reviews,
    )


def rendered(report: Report) -> tuple[str, bytes]:
    """Each format's renderer is typed: text formats give ``str``, the 公文 ones ``bytes``, and
    every module's ``render`` is the renderer ``render.<format>`` says it is."""
    from govdisclosure.rendering import (
        BinaryRenderer,
        TextRenderer,
        docx,
        html,
        markdown,
        pdf,
        text,
    )

    text_renderers: tuple[TextRenderer, ...] = (text.render, markdown.render, html.render)
    binary_renderers: tuple[BinaryRenderer, ...] = (docx.render, pdf.render)
    assert_type(gd.render.text, TextRenderer)
    assert_type(gd.render.docx, BinaryRenderer)
    assert_type(gd.render(report, "markdown", locale="en"), str)
    assert_type(gd.render(report, "pdf", font=None), bytes)
    assert len(text_renderers) + len(binary_renderers) == len(gd.render.formats + gd.render.binary)
    return gd.render.html(report), gd.render.docx(report, font="Noto Serif CJK SC")
