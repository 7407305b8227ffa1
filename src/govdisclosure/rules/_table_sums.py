"""The table sums GD101–GD104 and blank cells GD105: equations generated from the layouts.

For every edition with tables, the table sums of the catalogue are linear equations
Σ (+1 / −1) · cell = 0 over the cells of one table. One small engine evaluates them:

- the common case — every cell filled, every sum holding — is one call of a function
  compiled once per table from the equations (plain attribute reads and integer additions,
  as cheap as the same sums written by hand);
- otherwise every cell is read in one :func:`operator.attrgetter` call and each equation is
  evaluated exactly, a blank cell making its sums unknown (or zero, by policy); the failed
  equations become findings, with a hint of the wrong cell where one can be singled out.

The equations are compiled in :mod:`._equations`.
"""

from __future__ import annotations

from typing import Any

from govdisclosure.layout import JOIN
from govdisclosure.rules._catalog import part
from govdisclosure.rules._context import Context
from govdisclosure.rules._equations import CompiledTable, Equation, compiled
from govdisclosure.rules._findings import Finding, Interval, L10n, Side, Suggestion
from govdisclosure.rules._policy import Policy
from govdisclosure.rules._registry import Family

__all__ = ["FAMILY", "check"]


# --------------------------------------------------------------------------- evaluation


def _residuals(
    ct: CompiledTable, values: tuple[Any, ...], zero: bool, runs: frozenset[str]
) -> dict[int, int]:
    """The residual (Σpos − Σneg) of every equation that can be evaluated.

    An equation with a blank term is skipped (unless blanks count as zero); a redundant
    equation (``implied_by``) is evaluated only when one of its implicants was not.
    """
    out: dict[int, int] = {}
    redundant = []
    for e in ct.equations:
        if e.code not in runs:
            continue
        if e.implied_by:
            redundant.append(e)
            continue
        r = _residual(e, values, zero)
        if r is not None:
            out[e.index] = r
    for e in redundant:
        if all(i in out for i in e.implied_by or ()):
            continue
        r = _residual(e, values, zero)
        if r is not None:
            out[e.index] = r
    return out


def _residual(e: Equation, values: tuple[Any, ...], zero: bool) -> int | None:
    total = 0
    for i in e.pos:
        v = values[i]
        if v is None:
            if not zero:
                return None
            continue
        total += v
    for i in e.neg:
        v = values[i]
        if v is None:
            if not zero:
                return None
            continue
        total -= v
    return total


def _side_name(cells: Any, indices: tuple[int, ...], e: Equation) -> L10n:
    """What one side of an equation adds up, by the labels that tell its cells apart."""
    chosen = [cells[i] for i in indices]
    same_column = len({cells[i].column_labels for i in (*e.pos, *e.neg)}) == 1
    zh = [c.row_labels[-1] if same_column else c.column_labels[-1] for c in chosen]
    en = [c.row_en[-1] if same_column else c.column_en[-1] for c in chosen]
    if len(chosen) > 3:
        return part("terms.many", first=L10n(zh[0], en[0]), last=L10n(zh[-1], en[-1]), n=len(zh))
    return L10n(" + ".join(zh), " + ".join(en))


def _side_sum(indices: tuple[int, ...], values: tuple[Any, ...]) -> int:
    return sum(values[i] or 0 for i in indices)


def _equation_finding(
    ct: CompiledTable,
    e: Equation,
    values: tuple[Any, ...],
    residual: int,
    policy: Policy,
    year: int | None,
    suggestions: tuple[Suggestion, ...],
) -> Finding:
    left, right = _side_sum(e.pos, values), _side_sum(e.neg, values)
    cells = ct.cells
    return Finding(
        code=e.code,
        severity=policy.severity(e.code),
        path=e.anchor_path,
        location=e.location,
        args=(
            (e.argument, e.label),
            ("left", str(left)),
            ("right", str(right)),
            ("difference", str(abs(residual))),
        ),
        sides=(
            Side(
                _side_name(cells, e.pos, e),
                left,
                str(left),
                Interval.point(left),
                tuple(cells[i].json_path for i in e.pos),
            ),
            Side(
                _side_name(cells, e.neg, e),
                right,
                str(right),
                Interval.point(right),
                tuple(cells[i].json_path for i in e.neg),
            ),
        ),
        discrepancy=residual,
        suggestions=suggestions,
        year=year,
    )


def _transposed(current: int, proposed: int) -> bool:
    """Whether ``current`` is ``proposed`` with two adjacent digits swapped (21 for 12)."""
    a, b = str(current), str(proposed)
    if len(a) != len(b) or a == b:
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return (
        len(diff) == 2
        and diff[1] == diff[0] + 1
        and a[diff[0]] == b[diff[1]]
        and a[diff[1]] == b[diff[0]]
        and not b.startswith("0")
    )


def _suggestions(
    ct: CompiledTable, values: tuple[Any, ...], evaluated: dict[int, int], zero: bool
) -> dict[int, tuple[Suggestion, ...]]:
    """Hints for the failed equations of one table: a single wrong cell, or a compensating
    pair of applicant columns."""
    failed = {i: r for i, r in evaluated.items() if r}
    if not failed:
        return {}
    codes = tuple(sorted({ct.equations[i].code for i in failed}))
    s = _one_cell(ct, values, evaluated, failed, zero, codes) or _compensating(ct, failed, codes)
    return {} if s is None else dict.fromkeys(failed, (s,))


def _one_cell(
    ct: CompiledTable,
    values: tuple[Any, ...],
    evaluated: dict[int, int],
    failed: dict[int, int],
    zero: bool,
    codes: tuple[str, ...],
) -> Suggestion | None:
    """The hint of the one cell whose corrected value would satisfy every failed equation."""
    eqs = ct.equations
    touched = {c for i in failed for c in (*eqs[i].pos, *eqs[i].neg)}
    candidates = []
    for c in sorted(touched):
        member = [(e, w) for e, w in ct.membership[c] if e in evaluated]
        if {e for e, _ in member} != failed.keys():
            continue
        deltas = {-failed[e] * w for e, w in member}
        current = values[c]
        if len(deltas) != 1 or (current is None and not zero):
            continue
        proposed = (current or 0) + deltas.pop()
        if proposed >= 0:
            candidates.append((c, current or 0, proposed))
    if len(candidates) != 1:
        return None
    c, current, proposed = candidates[0]
    cell = ct.cells[c]
    return Suggestion(
        kind="cell",
        paths=(cell.json_path,),
        where=L10n(cell.label, cell.label_en),
        current=current,
        proposed=proposed,
        codes=codes,
        digits=_transposed(current, proposed),
    )


def _compensating(
    ct: CompiledTable, failed: dict[int, int], codes: tuple[str, ...]
) -> Suggestion | None:
    """The compensating pattern: two columns off by +k and −k, every row sum holding."""
    eqs = ct.equations
    if any(eqs[i].kind != "column" for i in failed):
        return None
    by_column: dict[str, dict[str, int]] = {}
    for i, r in failed.items():
        by_column.setdefault(eqs[i].key, {})[eqs[i].code] = r
    if len(by_column) != 2 or "total" in by_column:
        return None
    (a, ra), (b, rb) = sorted(by_column.items())
    ks = {abs(r) for r in (*ra.values(), *rb.values())}
    if ra.keys() != rb.keys() or len(ks) != 1 or any(ra[k] != -rb[k] for k in ra):
        return None
    labels = {eqs[i].key: eqs[i].label for i in failed}
    return Suggestion(
        kind="compensating",
        paths=tuple(sorted({eqs[i].anchor_path for i in failed})),
        where=part("hint.columns", table=_number(ct), a=labels[a], b=labels[b]),
        current=None,
        proposed=ks.pop(),
        codes=codes,
    )


def _number(ct: CompiledTable) -> L10n:
    """The table's number: 三 / 3."""
    return L10n(ct.number, ct.number_en)


def _row_path(cells: list[Any]) -> str:
    """The JSON path of the row (or block) a group of cells share: their common key prefix."""
    if len(cells) == 1:
        return str(cells[0].json_path)
    keys = [c.key.split(".") for c in cells]
    common: list[str] = []
    for parts in zip(*keys, strict=False):
        if len(set(parts)) != 1:
            break
        common.append(parts[0])
    attribute = cells[0].attribute
    return f"$.{attribute}.{'.'.join(common)}" if common else f"$.{attribute}"


def _blank_groups(ct: CompiledTable, values: tuple[Any, ...]) -> list[tuple[list[int], L10n]]:
    """The blank cells by row, each group with its name (a whole block of 表二 as one)."""
    rows: dict[tuple[str, ...], list[int]] = {}
    for i, cell in enumerate(ct.cells):
        rows.setdefault(cell.row_labels, []).append(i)
    blocks: dict[str, list[tuple[str, ...]]] = {}
    if ct.number == "二":
        for labels in rows:
            blocks.setdefault(labels[0], []).append(labels)
    whole = {
        block: labels
        for block, labels in blocks.items()
        if len(labels) > 1 and all(values[i] is None for r in labels for i in rows[r])
    }
    groups: list[tuple[list[int], L10n]] = []
    done: set[tuple[str, ...]] = set()
    for labels, indices in rows.items():
        if labels in done:
            continue
        if ct.number == "二" and labels[0] in whole:
            members = [i for r in whole[labels[0]] for i in rows[r]]
            done.update(whole[labels[0]])
            first = ct.cells[members[0]]
            block = L10n(first.row_labels[0], first.row_en[0])
            groups.append(
                (members, part("blank.block", table=_number(ct), block=block, n=len(members)))
            )
            continue
        blank = [i for i in indices if values[i] is None]
        if blank:
            groups.append((blank, _blank_name(ct, blank, len(blank) == len(indices))))
    return groups


def _blank_name(ct: CompiledTable, blank: list[int], every: bool) -> L10n:
    """How a finding names the blank cells of one row."""
    first = ct.cells[blank[0]]
    if len(blank) == 1:
        return L10n(first.label, first.label_en)
    columns = [ct.cells[i] for i in blank]
    named = L10n(
        "、".join(c.column_labels[-1] for c in columns), ", ".join(c.column_en[-1] for c in columns)
    )
    return part(
        "blank.cells",
        table=_number(ct),
        row=L10n(first.row, JOIN.join(first.row_en)),
        columns=part("blank.whole_row") if every else named,
        n=len(blank),
    )


def _consequence(ct: CompiledTable, members: list[int], zero: bool) -> L10n:
    """What a blank means for the check (GD105's message)."""
    if zero:
        return part("blank.zero")
    if any(i in ct.in_sums for i in members):
        return part("blank.unchecked_many" if len(members) > 1 else "blank.unchecked_one")
    return part("blank.no_figure")


def _blank_findings(
    ct: CompiledTable, values: tuple[Any, ...], policy: Policy, year: int | None
) -> list[Finding]:
    """GD105: one finding per row with blank cells, listing them (one per block of 表二 when
    every cell of a block of several rows is blank)."""
    zero = policy.blank == "zero"
    severity = policy.severity("GD105")
    out = []
    for members, name in _blank_groups(ct, values):
        cells = [ct.cells[i] for i in members]
        out.append(
            Finding(
                code="GD105",
                severity=severity,
                path=_row_path(cells),
                location=name,
                args=(("cell", name), ("consequence", _consequence(ct, members, zero))),
                sides=(
                    Side(part("blank.side"), None, "", None, tuple(c.json_path for c in cells)),
                ),
                year=year,
            )
        )
    return out


def _missing_table(ct: CompiledTable, policy: Policy, year: int | None) -> Finding:
    """GD105 for a table the report does not have at all."""
    return Finding(
        code="GD105",
        severity=policy.severity("GD105"),
        path=f"$.{ct.attribute}",
        location=part("table", table=_number(ct)),
        args=(
            ("cell", part("table.whole", table=_number(ct))),
            ("consequence", part("table.unchecked")),
        ),
        year=year,
    )


def check(ctx: Context) -> list[Finding]:
    """GD101–GD105 for a report whose edition has tables.

    A table whose cells are all filled and whose sums all hold costs one call of its compiled
    function (:attr:`CompiledTable.holds`), whatever rules run: if every equation holds, no
    subset of them fails. Otherwise the generic evaluator runs the rules of ``ctx.runs``.
    """
    report, policy, runs = ctx.report, ctx.policy, ctx.runs
    out: list[Finding] = []
    zero = policy.blank == "zero"
    year = report.year
    for ct in compiled(report.edition).tables:
        table = getattr(report, ct.attribute)
        if table is None:
            if "GD105" in runs:
                out.append(_missing_table(ct, policy, year))
            continue
        if ct.holds(table):
            continue  # every cell filled, every sum holds
        values = ct.getter(table)
        if "GD105" in runs:
            out += _blank_findings(ct, values, policy, year)
        evaluated = _residuals(ct, values, zero, runs)
        if not any(evaluated.values()):
            continue
        hints = _suggestions(ct, values, evaluated, zero)
        for i, r in evaluated.items():
            if r:
                e = ct.equations[i]
                out.append(_equation_finding(ct, e, values, r, policy, year, hints.get(i, ())))
    return out


FAMILY = Family("table sums", check, codes=("GD101", "GD102", "GD103", "GD104", "GD105"))
