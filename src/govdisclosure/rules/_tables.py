"""The table sums GD101–GD104 and blank cells GD105: equations generated from the layouts.

For every edition with tables, the :class:`~govdisclosure.rules._catalog.RowSums` and
:class:`~govdisclosure.rules._catalog.ColumnSums` declarations of the catalogue are expanded,
once, over the table layouts of :mod:`govdisclosure.editions` into linear equations
Σ (+1 / −1) · cell = 0 over the cells of one table. One small engine evaluates them:

- the common case — every cell filled, every sum holding — is one call of a function
  compiled once per table from the equations (plain attribute reads and integer additions,
  as cheap as the same sums written by hand);
- otherwise every cell is read in one :func:`operator.attrgetter` call and each equation is
  evaluated exactly, a blank cell making its sums unknown (or zero, by policy); the failed
  equations become findings, with a hint of the wrong cell where one can be singled out.

>>> eqs = compiled(Edition.STANDARD_2021)
>>> [(t.number, len(t.cells), len(t.equations)) for t in eqs.tables]
[('二', 10, 0), ('三', 175, 39), ('四', 15, 3)]
>>> e = eqs.tables[1].equations[0]
>>> e.code, e.label.en, e.anchor_path
('GD101', 'Natural persons', '$.requests.carried_forward.natural_person')
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable
from typing import Any

import attrs

from govdisclosure.layout import CellLayout, TableLayout, layout_of
from govdisclosure.model import Edition, Report
from govdisclosure.rules._catalog import ColumnSums, RowSums, catalog
from govdisclosure.rules._findings import Finding, Interval, L10n, Side, Suggestion
from govdisclosure.rules._policy import Policy

__all__ = ["CompiledEdition", "CompiledTable", "Equation", "check_tables", "compiled"]


@attrs.frozen(slots=True)
class Equation:
    """Σ cell[pos] − Σ cell[neg] = 0 over one table's cells (indices into its cell tuple)."""

    code: str
    index: int
    pos: tuple[int, ...]
    neg: tuple[int, ...]
    anchor: int
    anchor_path: str
    kind: str
    """"row" (a RowSums equation) or "column" (a ColumnSums equation)."""
    label: L10n
    """The row, column or group the equation is about."""
    location: L10n
    key: str
    """The row key (row equations) or column key (column equations)."""
    implied_by: tuple[int, ...] | None = None
    """For the total column of a ColumnSums rule: the equations that imply this one."""


@attrs.frozen(slots=True, eq=False)
class CompiledTable:
    """One table of an edition: its cells, one getter for all of them, its equations."""

    number: str
    number_en: str
    attribute: str
    cells: tuple[CellLayout, ...]
    getter: Callable[[Any], tuple[Any, ...]]
    equations: tuple[Equation, ...]
    membership: tuple[tuple[tuple[int, int], ...], ...]
    """Per cell: the (equation index, weight) of every equation it appears in."""
    holds: Callable[[Any], bool]
    """Whether every cell is filled and every non-redundant equation holds (compiled)."""
    in_sums: frozenset[int]


@attrs.frozen(slots=True, eq=False)
class CompiledEdition:
    """The compiled tables of an edition, in layout order."""

    edition: Edition
    tables: tuple[CompiledTable, ...]


def _compile_table(
    table: TableLayout, codes: tuple[tuple[str, RowSums | ColumnSums], ...]
) -> CompiledTable:
    cells = table.cells
    index = {c.key: i for i, c in enumerate(cells)}
    rows: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = []
    columns: list[tuple[str | None, tuple[str, ...], tuple[str, ...]]] = []
    for block in table.blocks:
        for row in block.rows:
            rows.append((row.key, (*block.labels, *row.labels), (*block.en, *row.en)))
        for column in block.columns:
            if all(column.key != c[0] for c in columns):
                columns.append((column.key, column.labels, column.en))
    n, n_en = table.number, table.number_en

    def cell_of(row: str, col: str | None) -> int | None:
        return index.get(row if col is None else f"{row}.{col}")

    equations: list[Equation] = []
    row_eq: dict[tuple[str, str], int] = {}  # (table, row key) -> equation index
    pending_total: list[tuple[int, tuple[int, ...], tuple[str, ...]]] = []
    for code, sums in codes:
        if isinstance(sums, RowSums):
            for key, labels, en in rows:
                total = cell_of(key, sums.total)
                if total is None:
                    continue
                parts = [
                    i
                    for c, _, _ in columns
                    if c != sums.total and (i := cell_of(key, c)) is not None
                ]
                row_label = L10n(" / ".join(labels), " / ".join(en))
                where = (
                    L10n(f"表{n} “{row_label.zh}”行", f"Table {n_en}, row “{row_label.en}”")
                    if n == "三"
                    else L10n(f"表{n} “{row_label.zh}”", f"Table {n_en}, “{row_label.en}”")
                )
                row_eq[n, key] = len(equations)
                equations.append(
                    Equation(
                        code=code,
                        index=len(equations),
                        pos=tuple(parts),
                        neg=(total,),
                        anchor=total,
                        anchor_path=cells[total].json_path,
                        kind="row",
                        label=row_label,
                        location=where,
                        key=key,
                    )
                )
        else:
            weights = dict(sums.weights)
            col_eqs: list[int] = []
            for col, labels, en in columns:
                pos: list[int] = []
                neg: list[int] = []
                for key, _, _ in rows:
                    w = weights.get(key, sums.rest)
                    i = cell_of(key, col)
                    if w == 0 or i is None:
                        continue
                    (pos if w > 0 else neg).append(i)
                anchor = cell_of(sums.anchor, col)
                assert anchor is not None
                col_label = L10n(" / ".join(labels), " / ".join(en))
                eq_index = len(equations)
                equations.append(
                    Equation(
                        code=code,
                        index=eq_index,
                        pos=tuple(pos),
                        neg=tuple(neg),
                        anchor=anchor,
                        anchor_path=cells[anchor].json_path,
                        kind="column",
                        label=col_label,
                        location=L10n(
                            f"表{n} “{col_label.zh}”列", f"Table {n_en}, column “{col_label.en}”"
                        ),
                        key=col or "",
                    )
                )
                if col == sums.total:
                    weighted = tuple(k for k, _, _ in rows if weights.get(k, sums.rest) != 0)
                    pending_total.append((eq_index, tuple(col_eqs), weighted))
                else:
                    col_eqs.append(eq_index)
    # The total column of a ColumnSums rule is implied by the other columns and the row sums
    # of the weighted rows; without row sums for this table it is checked like the others.
    for eq_index, others, weighted in pending_total:
        if all((n, k) in row_eq for k in weighted):
            implied = (*others, *(row_eq[n, k] for k in weighted))
            equations[eq_index] = attrs.evolve(equations[eq_index], implied_by=implied)
    membership: list[list[tuple[int, int]]] = [[] for _ in cells]
    for e in equations:
        for i in e.pos:
            membership[i].append((e.index, 1))
        for i in e.neg:
            membership[i].append((e.index, -1))
    keys_all = [c.key for c in cells]
    getter: Callable[[Any], tuple[Any, ...]] = (
        operator.attrgetter(*keys_all) if len(keys_all) > 1 else _one_attr(keys_all[0])
    )
    return CompiledTable(
        number=n,
        number_en=n_en,
        attribute=table.attribute,
        cells=cells,
        getter=getter,
        equations=tuple(equations),
        membership=tuple(tuple(m) for m in membership),
        holds=_holds_function(cells, equations, f"_holds_table_{table.number_en}"),
        in_sums=frozenset(i for i, m in enumerate(membership) if m),
    )


def _holds_function(
    cells: tuple[CellLayout, ...], equations: list[Equation], name: str
) -> Callable[[Any], bool]:
    """Compile the non-redundant equations of a table into one plain Python function.

    It reads every cell once by attribute (sharing the row objects) and returns whether
    every equation holds; a blank cell (None) makes it return False (through TypeError),
    which sends the caller to the generic evaluator. This is the fast path: as cheap as a
    hand-written check of the same sums.
    """
    lines = [f"def {name}(t):", "    try:"]
    names: dict[str, str] = {"": "t"}

    def holder(prefix: str) -> str:
        if prefix not in names:
            parent, _, last = prefix.rpartition(".")
            base = holder(parent)
            names[prefix] = f"r{len(names)}"
            lines.append(f"        {names[prefix]} = {base}.{last}")
        return names[prefix]

    for i, cell in enumerate(cells):
        prefix, _, last = cell.key.rpartition(".")
        if not all(part.isidentifier() for part in cell.key.split(".")):
            raise ValueError(f"not an attribute path: {cell.key!r}")
        lines.append(f"        v{i} = {holder(prefix)}.{last}")
    fast = [e for e in equations if not e.implied_by]
    covered = {i for e in fast for i in (*e.pos, *e.neg)}
    terms = [
        " + ".join(f"v{i}" for i in e.pos) + " == " + " + ".join(f"v{i}" for i in e.neg)
        for e in fast
    ]
    # cells in no equation (table 二) must still be filled
    terms += [f"v{i} is not None" for i in range(len(cells)) if i not in covered]
    lines.append("        return " + (" and ".join(f"({t})" for t in terms) or "True"))
    lines += ["    except TypeError:", "        return False"]
    namespace: dict[str, Any] = {}
    exec(compile("\n".join(lines), f"<govdisclosure.rules {name}>", "exec"), namespace)
    function: Callable[[Any], bool] = namespace[name]
    return function


def _one_attr(key: str) -> Callable[[Any], tuple[Any, ...]]:
    get = operator.attrgetter(key)

    def getter(table: Any) -> tuple[Any, ...]:
        return (get(table),)

    return getter


@functools.cache
def compiled(edition: Edition) -> CompiledEdition:
    """The compiled tables of ``edition`` (computed once)."""
    layout = layout_of(edition)
    tables = []
    for table in layout.tables:
        codes = tuple(
            (r.code, r.sums)
            for r in catalog()
            if r.sums is not None and r.sums.table == table.number and r.applies_to(edition)
        )
        tables.append(_compile_table(table, codes))
    return CompiledEdition(edition, tuple(tables))


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
        return L10n(
            f"{zh[0]} + … + {zh[-1]}（{len(zh)} 项）", f"{en[0]} + … + {en[-1]} ({len(en)} terms)"
        )
    return L10n(" + ".join(zh), " + ".join(en))


def _side_sum(indices: tuple[int, ...], values: tuple[Any, ...]) -> int:
    return sum(values[i] or 0 for i in indices)


def _equation_finding(
    ct: CompiledTable,
    e: Equation,
    values: tuple[Any, ...],
    residual: int,
    policy: Policy,
    year: int,
    suggestions: tuple[Suggestion, ...],
) -> Finding:
    left, right = _side_sum(e.pos, values), _side_sum(e.neg, values)
    arg = {"GD101": "column", "GD103": "column", "GD102": "row", "GD104": "group"}.get(
        e.code, "column" if e.kind == "column" else "row"
    )
    cells = ct.cells
    return Finding(
        code=e.code,
        severity=policy.severity(e.code),
        path=e.anchor_path,
        location=e.location,
        args=(
            (arg, e.label),
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
    eqs = ct.equations
    codes = tuple(sorted({eqs[i].code for i in failed}))
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
    if len(candidates) == 1:
        c, current, proposed = candidates[0]
        cell = ct.cells[c]
        s = Suggestion(
            kind="cell",
            paths=(cell.json_path,),
            where=L10n(cell.label, cell.label_en),
            current=current,
            proposed=proposed,
            codes=codes,
            digits=_transposed(current, proposed),
        )
        return dict.fromkeys(failed, (s,))
    # the compensating pattern: two columns off by +k and −k, every row sum holding
    if any(eqs[i].kind != "column" for i in failed):
        return {}
    by_column: dict[str, dict[str, int]] = {}
    for i, r in failed.items():
        by_column.setdefault(eqs[i].key, {})[eqs[i].code] = r
    if len(by_column) != 2 or "total" in by_column:
        return {}
    (a, ra), (b, rb) = sorted(by_column.items())
    ks = {abs(r) for r in (*ra.values(), *rb.values())}
    if ra.keys() != rb.keys() or len(ks) != 1 or any(ra[k] != -rb[k] for k in ra):
        return {}
    labels = {eqs[i].key: eqs[i].label for i in failed}
    la, lb = labels[a], labels[b]
    s = Suggestion(
        kind="compensating",
        paths=tuple(sorted({eqs[i].anchor_path for i in failed})),
        where=L10n(
            f"表{ct.number}“{la.zh}”与“{lb.zh}”",
            f"Table {ct.number_en} columns “{la.en}” and “{lb.en}”",
        ),
        current=None,
        proposed=ks.pop(),
        codes=codes,
    )
    return dict.fromkeys(failed, (s,))


def _blank_findings(
    ct: CompiledTable, values: tuple[Any, ...], policy: Policy, year: int
) -> list[Finding]:
    zero = policy.blank == "zero"
    severity = policy.severity("GD105")
    out = []
    for i, v in enumerate(values):
        if v is not None:
            continue
        cell = ct.cells[i]
        if zero:
            consequence = L10n("按 0 计", "counted as 0")
        elif i in ct.in_sums:
            consequence = L10n("含该格的合计未予核对", "sums with this cell were not checked")
        else:
            consequence = L10n("未填写数字", "no figure is given")
        where = L10n(cell.label, cell.label_en)
        out.append(
            Finding(
                code="GD105",
                severity=severity,
                path=cell.json_path,
                location=where,
                args=(("cell", where), ("consequence", consequence)),
                year=year,
            )
        )
    return out


def check_tables(report: Report, policy: Policy, runs: frozenset[str]) -> list[Finding]:
    """GD101–GD105 for a report whose edition has tables.

    A table whose cells are all filled and whose sums all hold costs one call of its compiled
    function (:attr:`CompiledTable.holds`), whatever rules run: if every equation holds, no
    subset of them fails. Otherwise the generic evaluator runs the rules of ``runs``.
    """
    out: list[Finding] = []
    zero = policy.blank == "zero"
    year = report.year
    for ct in compiled(report.edition).tables:
        table = getattr(report, ct.attribute)
        if table is None:
            if "GD105" in runs:
                where = L10n(f"表{ct.number}", f"Table {ct.number_en}")
                out.append(
                    Finding(
                        code="GD105",
                        severity=policy.severity("GD105"),
                        path=f"$.{ct.attribute}",
                        location=where,
                        args=(
                            (
                                "cell",
                                L10n(
                                    f"表{ct.number}（整张表）",
                                    f"Table {ct.number_en} (the whole table)",
                                ),
                            ),
                            (
                                "consequence",
                                L10n("表中的合计均未核对", "none of its sums was checked"),
                            ),
                        ),
                        year=year,
                    )
                )
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
