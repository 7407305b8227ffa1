"""GD301 and GD302: a report against last year's report of the same agency."""

from __future__ import annotations

from govdisclosure.layout import JOIN, BlockLayout, CellLayout, layout_of
from govdisclosure.model import (
    ActiveDisclosure2021,
    ApplicantCounts,
    DocumentCounts2021,
    Report,
)
from govdisclosure.rules._catalog import part
from govdisclosure.rules._context import Context
from govdisclosure.rules._findings import Finding, L10n, Side
from govdisclosure.rules._policy import Policy
from govdisclosure.rules._registry import Family

__all__ = ["FAMILY", "check"]


def _column_keys(block: BlockLayout) -> set[str | None]:
    return {c.key for c in block.columns}


def _row(cell: CellLayout) -> L10n:
    """A cell's row label (its last part), in both languages."""
    return L10n(cell.row_labels[-1], cell.row_en[-1])


def _column(cell: CellLayout) -> L10n:
    """A cell's column label: in full in Chinese, its last part in English."""
    return L10n(cell.column, cell.column_en[-1])


def _carried(report: Report, previous: Report, policy: Policy) -> list[Finding]:
    if report.requests is None or previous.requests is None:
        return []
    zero = policy.blank == "zero"
    over: ApplicantCounts = report.requests.carried_over
    forward: ApplicantCounts = previous.requests.carried_forward
    out = []
    # The 总计 column is implied by the six part columns when both rows add up (GD102 reports
    # them if they do not): it is compared only when a part column could not be.
    implied = (
        over.total == over.computed_total and forward.total == forward.computed_total
    ) or zero
    for column in ApplicantCounts.COLUMNS:
        a, b = getattr(over, column), getattr(forward, column)
        if a is None or b is None:
            implied = False
            if not zero:
                continue
            a, b = a or 0, b or 0
        if a == b or (column == "total" and implied):
            continue
        out.append(_carried_finding(report, previous, policy, column, a, b))
    return out


def _carried_finding(
    report: Report, previous: Report, policy: Policy, column: str, a: int, b: int
) -> Finding:
    """GD301 for one column: row 二 this year is ``a``, row 四 last year ``b``."""
    over_cell = layout_of(report.edition).cell("requests", f"carried_over.{column}")
    forward_cell = layout_of(previous.edition).cell("requests", f"carried_forward.{column}")
    path = over_cell.json_path
    label = L10n(over_cell.column, JOIN.join(over_cell.column_en))
    row_over, row_forward = _row(over_cell), _row(forward_cell)
    table = layout_of(report.edition).table("requests")
    return Finding(
        code="GD301",
        severity=policy.severity("GD301"),
        path=path,
        location=part(
            "carried.location",
            table=L10n(table.label, table.label_en),
            row=row_over,
            column=label,
            year=report.year,
            previous_row=row_forward,
            previous_year=previous.year,
        ),
        args=(
            ("column", label),
            ("year", str(report.year)),
            ("previous_year", str(previous.year)),
            ("value", str(a)),
            ("previous_value", str(b)),
        ),
        sides=(
            Side(
                part("carried.side", year=report.year, row=row_over),
                a,
                str(a),
                None,
                (path,),
            ),
            Side(
                part("carried.side", year=previous.year, row=row_forward),
                b,
                str(b),
                None,
                (forward_cell.json_path,),
            ),
        ),
        discrepancy=a - b,
        year=report.year,
        previous_year=previous.year,
    )


def _in_force(report: Report, previous: Report, policy: Policy) -> list[Finding]:
    now, before = report.active, previous.active
    if not isinstance(now, ActiveDisclosure2021) or not isinstance(before, ActiveDisclosure2021):
        return []
    zero = policy.blank == "zero"
    layout = layout_of(report.edition)
    out = []
    block = next(b for b in layout.table("active").blocks if "in_force" in _column_keys(b))
    for row in (r.key for r in block.rows):
        cur: DocumentCounts2021 = getattr(now, row)
        old: DocumentCounts2021 = getattr(before, row)
        stated = (cur.in_force, old.in_force, cur.issued, cur.repealed)
        if None in stated and not zero:
            continue
        value, previous_value, issued, repealed = (v or 0 for v in stated)
        expected = previous_value + issued - repealed
        if value != expected:
            values = (value, previous_value, issued, repealed, expected)
            out.append(_in_force_finding(report, previous, policy, row, values))
    return out


def _in_force_finding(
    report: Report, previous: Report, policy: Policy, row: str, values: tuple[int, ...]
) -> Finding:
    """GD302 for one row of 第二十条第(一)项: 现行有效 ≠ last year's + 制发 − 废止."""
    value, previous_value, issued, repealed, expected = values
    layout = layout_of(report.edition)
    cell = layout.cell("active", f"{row}.in_force")
    issued_cell = layout.cell("active", f"{row}.issued")
    repealed_cell = layout.cell("active", f"{row}.repealed")
    path = cell.json_path
    row_label = _row(cell)
    table = layout.table("active")
    return Finding(
        code="GD302",
        severity=policy.severity("GD302"),
        path=path,
        location=part(
            "in_force.location",
            table=L10n(table.label, table.label_en),
            block=L10n(cell.row_labels[0], cell.row_en[0]),
            row=row_label,
            column=L10n(cell.column, JOIN.join(cell.column_en)),
        ),
        args=(
            ("row", row_label),
            ("year", str(report.year)),
            ("previous_year", str(previous.year)),
            ("value", str(value)),
            ("previous_value", str(previous_value)),
            ("issued", str(issued)),
            ("repealed", str(repealed)),
            ("expected", str(expected)),
        ),
        sides=(
            Side(
                part("in_force.side", year=report.year, column=_column(cell)),
                value,
                str(value),
                None,
                (path,),
            ),
            Side(
                part(
                    "in_force.expected",
                    previous_year=previous.year,
                    column=_column(cell),
                    issued=_column(issued_cell),
                    repealed=_column(repealed_cell),
                ),
                expected,
                str(expected),
                None,
                (path, issued_cell.json_path, repealed_cell.json_path),
            ),
        ),
        discrepancy=value - expected,
        year=report.year,
        previous_year=previous.year,
    )


def check(ctx: Context) -> list[Finding]:
    """GD301 and GD302; nothing unless ``ctx.previous`` is the report of the year before."""
    report, previous, policy, runs = ctx.report, ctx.previous, ctx.policy, ctx.runs
    if previous is None or report.year is None or previous.year != report.year - 1:
        return []
    out = []
    if "GD301" in runs and report.edition.has_tables and previous.edition.has_tables:
        out += _carried(report, previous, policy)
    if "GD302" in runs:
        out += _in_force(report, previous, policy)
    return out


FAMILY = Family("cross-year", check, codes=("GD301", "GD302"), needs={"previous"})
