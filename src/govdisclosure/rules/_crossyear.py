"""GD301 and GD302: a report against last year's report of the same agency."""

from __future__ import annotations

from govdisclosure.layout import layout_of
from govdisclosure.model import (
    ActiveDisclosure2021,
    ApplicantCounts,
    DocumentCounts2021,
    Report,
)
from govdisclosure.rules._findings import Finding, L10n, Side
from govdisclosure.rules._policy import Policy

__all__ = ["check_cross_year"]


def _column_label(report: Report, column: str) -> L10n:
    cell = layout_of(report.edition).cell("requests", f"carried_over.{column}")
    return L10n(cell.column, " / ".join(cell.column_en))


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
        path = f"$.requests.carried_over.{column}"
        label = _column_label(report, column)
        out.append(
            Finding(
                code="GD301",
                severity=policy.severity("GD301"),
                path=path,
                location=L10n(
                    f"表三 “二、上年结转”行 “{label.zh}”列（{report.year}年）与"
                    f"“四、结转下年度继续办理”（{previous.year}年）",
                    f"Table 3 row II, column “{label.en}” ({report.year}) vs row IV "
                    f"({previous.year})",
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
                        L10n(f"{report.year}年 二、上年结转", f"{report.year} row II"),
                        a,
                        str(a),
                        None,
                        (path,),
                    ),
                    Side(
                        L10n(
                            f"{previous.year}年 四、结转下年度继续办理", f"{previous.year} row IV"
                        ),
                        b,
                        str(b),
                        None,
                        (f"$.requests.carried_forward.{column}",),
                    ),
                ),
                discrepancy=a - b,
                year=report.year,
                previous_year=previous.year,
            )
        )
    return out


def _in_force(report: Report, previous: Report, policy: Policy) -> list[Finding]:
    now, before = report.active, previous.active
    if not isinstance(now, ActiveDisclosure2021) or not isinstance(before, ActiveDisclosure2021):
        return []
    zero = policy.blank == "zero"
    layout = layout_of(report.edition)
    out = []
    for row in ("regulations", "normative_documents"):
        cur: DocumentCounts2021 = getattr(now, row)
        old: DocumentCounts2021 = getattr(before, row)
        values = (cur.in_force, old.in_force, cur.issued, cur.repealed)
        if None in values and not zero:
            continue
        value, previous_value, issued, repealed = (v or 0 for v in values)
        expected = previous_value + issued - repealed
        if value == expected:
            continue
        cell = layout.cell("active", f"{row}.in_force")
        path = cell.json_path
        row_label = L10n(cell.row_labels[-1], cell.row_en[-1])
        out.append(
            Finding(
                code="GD302",
                severity=policy.severity("GD302"),
                path=path,
                location=L10n(
                    f"表二 第二十条第(一)项 “{row_label.zh}” 现行有效件数",
                    f"Table 2 Art. 20 item (1) “{row_label.en}”, in force",
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
                        L10n(f"{report.year}年现行有效件数", f"in force {report.year}"),
                        value,
                        str(value),
                        None,
                        (path,),
                    ),
                    Side(
                        L10n(
                            "上年现行有效 + 本年制发 − 本年废止",
                            "in force last year + issued − repealed",
                        ),
                        expected,
                        str(expected),
                        None,
                        (path, f"$.active.{row}.issued", f"$.active.{row}.repealed"),
                    ),
                ),
                discrepancy=value - expected,
                year=report.year,
                previous_year=previous.year,
            )
        )
    return out


def check_cross_year(
    report: Report, previous: Report, policy: Policy, runs: frozenset[str]
) -> list[Finding]:
    """GD301 and GD302; nothing unless ``previous`` is the report of the year before."""
    if previous.year != report.year - 1:
        return []
    out = []
    if "GD301" in runs and report.edition.has_tables and previous.edition.has_tables:
        out += _carried(report, previous, policy)
    if "GD302" in runs:
        out += _in_force(report, previous, policy)
    return out
