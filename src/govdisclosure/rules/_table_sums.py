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

from govdisclosure.document import Coverage
from govdisclosure.layout import JOIN
from govdisclosure.model._assembly import derived_cells
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
    """Left side minus right side; ``None`` when a term is blank, unless blanks are zero."""
    if not zero and any(values[i] is None for i in (*e.pos, *e.neg)):
        return None
    return _side_sum(e.pos, values) - _side_sum(e.neg, values)


def _side_name(cells: Any, indices: tuple[int, ...], e: Equation) -> L10n:
    """What one side of an equation adds up, by the labels that tell its cells apart."""
    chosen = [cells[i] for i in indices]
    same_column = len({cells[i].column_labels for i in (*e.pos, *e.neg)}) == 1
    zh = [c.row_labels[-1] if same_column else c.column_labels[-1] for c in chosen]
    en = [c.row_en[-1] if same_column else c.column_en[-1] for c in chosen]
    if len(chosen) > 3:
        return part("terms.many", first=L10n(zh[0], en[0]), last=L10n(zh[-1], en[-1]), n=len(zh))
    return L10n(" + ".join(zh), " + ".join(en))


def _side(cells: Any, indices: tuple[int, ...], e: Equation, total: int) -> Side:
    """One side of an equation as a finding shows it: its name, sum and cells."""
    paths = tuple(cells[i].json_path for i in indices)
    return Side(_side_name(cells, indices, e), total, str(total), Interval.point(total), paths)


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
        sides=(_side(cells, e.pos, e, left), _side(cells, e.neg, e, right)),
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


def _rows_of(ct: CompiledTable) -> dict[tuple[str, ...], list[int]]:
    """The cells of each row, rows in layout order."""
    rows: dict[tuple[str, ...], list[int]] = {}
    for i, cell in enumerate(ct.cells):
        rows.setdefault(cell.row_labels, []).append(i)
    return rows


def _row_name(cell: Any) -> L10n:
    return L10n(cell.row, JOIN.join(cell.row_en))


def _short_row(cell: Any) -> L10n:
    """A row by its last label (“(一)予以公开”, “1.属于国家秘密”)."""
    return L10n(cell.row_labels[-1], cell.row_en[-1])


def _listed(names: list[L10n]) -> L10n:
    """Rows listed (the first three, then “…” and the count)."""
    shown = names if len(names) <= 4 else [*names[:3], L10n("…", "…")]
    zh, en = "、".join(n.zh for n in shown), ", ".join(n.en for n in shown)
    if len(names) > 4:
        return part("rows.more", rows=L10n(zh, en), n=len(names))
    return L10n(zh, en)


def _total_column_pattern(
    ct: CompiledTable, values: tuple[Any, ...], blank: set[int]
) -> tuple[list[int], L10n] | None:
    """A blank 总计 column among filled rows: table 三's 总计 blank in more rows (two at least)
    whose other cells are filled than rows that fill it — one pattern, not a finding per
    row."""
    if ct.number != "三":
        return None
    totals, filled = [], []
    for indices in _rows_of(ct).values():
        total = [i for i in indices if ct.cells[i].column_labels[-1] == "总计"]
        if len(total) != 1:
            continue
        others = [i for i in indices if i != total[0]]
        if total[0] in blank and any(values[i] is not None for i in others):
            totals.append(total[0])
        elif values[total[0]] is not None:
            filled.append(total[0])
    if len(totals) < 2 or not filled or len(totals) <= len(filled):
        return None
    name = part(
        "blank.total_column",
        table=_number(ct),
        rows=_listed([_short_row(ct.cells[i]) for i in totals]),
        filled=_listed([_short_row(ct.cells[i]) for i in filled]),
    )
    return totals, name


def _runs(indices: list[int], rows: list[tuple[str, ...]], ct: CompiledTable) -> list[list[int]]:
    """``indices`` (cells of one column) split into runs over consecutive rows."""
    order = {r: k for k, r in enumerate(rows)}
    runs: list[list[int]] = []
    last = -2
    for i in sorted(indices, key=lambda i: order[ct.cells[i].row_labels]):
        k = order[ct.cells[i].row_labels]
        if runs and k == last + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
        last = k
    return runs


def _largest_first(
    ct: CompiledTable,
    order: list[tuple[str, ...]],
    rows: dict[tuple[str, ...], list[int]],
    left: list[int],
) -> list[tuple[list[int], L10n]]:
    """``left`` (blank cells) grouped: by row, or in runs down a column over consecutive
    rows; the largest group is taken first (a row before a run of the same size)."""
    out: list[tuple[list[int], L10n]] = []
    todo = set(left)
    while todo:
        candidates: list[tuple[int, int, list[int]]] = []
        for labels in order:
            members = [i for i in rows[labels] if i in todo]
            if members:
                candidates.append((len(members), 1, members))
        columns: dict[tuple[str, ...], list[int]] = {}
        for i in sorted(todo):
            columns.setdefault(ct.cells[i].column_labels, []).append(i)
        for indices in columns.values():
            candidates += [(len(r), 0, r) for r in _runs(indices, order, ct) if len(r) > 1]
        size, is_row, members = max(candidates, key=lambda c: (c[0], c[1], -min(c[2])))
        if is_row:
            every = len(members) == len(rows[ct.cells[members[0]].row_labels])
            out.append((members, _blank_name(ct, members, every)))
        else:
            first, last = ct.cells[members[0]], ct.cells[members[-1]]
            name = part(
                "blank.column",
                table=_number(ct),
                column=L10n(first.column, JOIN.join(first.column_en)),
                first=_short_row(first),
                last=_short_row(last),
                n=size,
            )
            out.append((members, name))
        todo.difference_update(members)
    return out


def _blank_groups(
    ct: CompiledTable, values: tuple[Any, ...], blank: set[int]
) -> list[tuple[list[int], L10n]]:
    """The blank cells in groups, each with its name: a blank 总计 column among filled rows
    as one pattern; a whole block of 表二; runs of wholly blank rows; runs of blank cells
    down a column; the rest by row. Every blank cell is in exactly one group."""
    rows = _rows_of(ct)
    order = list(rows)
    groups: list[tuple[list[int], L10n]] = []
    done: set[int] = set()
    pattern = _total_column_pattern(ct, values, blank)
    if pattern is not None:
        groups.append(pattern)
        done.update(pattern[0])
    if ct.number == "二":
        blocks: dict[str, list[tuple[str, ...]]] = {}
        for labels in rows:
            blocks.setdefault(labels[0], []).append(labels)
        for block_rows in blocks.values():
            members = [i for r in block_rows for i in rows[r]]
            if len(block_rows) > 1 and all(i in blank for i in members):
                first = ct.cells[members[0]]
                block = L10n(first.row_labels[0], first.row_en[0])
                groups.append(
                    (members, part("blank.block", table=_number(ct), block=block, n=len(members)))
                )
                done.update(members)
    # runs of wholly blank rows
    run: list[tuple[str, ...]] = []
    for row in [*order, None]:
        if row is not None and all(i in blank and i not in done for i in rows[row]):
            run.append(row)
            continue
        if len(run) > 1:
            members = [i for r in run for i in rows[r]]
            first, last = ct.cells[rows[run[0]][0]], ct.cells[rows[run[-1]][0]]
            name = part(
                "blank.rows",
                table=_number(ct),
                first=_row_name(first),
                last=_row_name(last),
                rows=len(run),
                n=len(members),
            )
            groups.append((members, name))
            done.update(members)
        run = []
    # the rest: runs down a column and the blanks of a row, the largest group first
    for group in _largest_first(ct, order, rows, sorted(blank - done)):
        groups.append(group)
    groups.sort(key=lambda g: min(g[0]))
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


def _group_path(ct: CompiledTable, cells: list[Any]) -> str:
    """The path of a group of blank cells: its row (or block of 表二), the first of a run of
    whole rows, else its first cell."""
    if ct.number == "二" or len({c.row_labels for c in cells}) == 1:
        return _row_path(cells)
    first = [c for c in cells if c.row_labels == cells[0].row_labels]
    if len(first) == sum(1 for c in ct.cells if c.row_labels == cells[0].row_labels) > 1:
        return _row_path(first)
    return str(cells[0].json_path)


def _consequence(ct: CompiledTable, members: list[int], zero: bool) -> L10n:
    """What a blank means for the check (GD105's message)."""
    if zero:
        return part("blank.zero")
    if any(i in ct.in_sums for i in members):
        return part("blank.unchecked_many" if len(members) > 1 else "blank.unchecked_one")
    return part("blank.no_figure")


def _blank_findings(
    ct: CompiledTable, values: tuple[Any, ...], blank: set[int], policy: Policy, year: int | None
) -> list[Finding]:
    """GD105: one finding per group of blank cells (:func:`_blank_groups`), each naming
    every cell of its group in its side's paths."""
    zero = policy.blank == "zero"
    severity = policy.severity("GD105")
    out = []
    for members, name in _blank_groups(ct, values, blank):
        cells = [ct.cells[i] for i in members]
        out.append(
            Finding(
                code="GD105",
                severity=severity,
                path=_group_path(ct, cells),
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


def _unprinted_finding(
    ct: CompiledTable, unprinted: list[int], whole: bool, policy: Policy, year: int | None
) -> Finding:
    """GD107: the cells (or the whole table) the source never printed, one finding per table
    naming the rows."""
    table = _number(ct)
    if whole:
        what = part("table.whole", table=table)
        path = f"$.{ct.attribute}"
    else:
        rows = list(dict.fromkeys(ct.cells[i].row_labels for i in unprinted))
        first = {ct.cells[i].row_labels: ct.cells[i] for i in reversed(unprinted)}
        what = part(
            "unprinted.rows",
            table=table,
            rows=_listed([_short_row(first[r]) for r in rows]),
            n=len(unprinted),
        )
        path = str(ct.cells[unprinted[0]].json_path)
    return Finding(
        code="GD107",
        severity=policy.severity("GD107"),
        path=path,
        location=what,
        args=(("cells", what),),
        sides=(
            Side(
                part("unprinted.side"),
                None,
                "",
                None,
                tuple(ct.cells[i].json_path for i in unprinted),
            ),
        ),
        year=year,
    )


def _pattern_sums(
    ct: CompiledTable,
    values: tuple[Any, ...],
    findings: list[Finding],
    totals: list[int],
    rows: L10n,
    policy: Policy,
    year: int | None,
) -> list[Finding]:
    """Under ``blank="zero"``: the row sums that fail only because a 总计 of the blank 总计
    column counts as 0 become one GD102 finding that names the pattern."""
    paths = {ct.cells[i].json_path for i in totals}
    mine = [f for f in findings if f.code == "GD102" and f.path in paths]
    if len(mine) < 2:
        return findings
    rest = [f for f in findings if f not in mine]
    left = sum(f.sides[0].value or 0 for f in mine)
    name = part("blank.total_rows", rows=rows)
    merged = Finding(
        code="GD102",
        severity=policy.severity("GD102"),
        path=mine[0].path,
        location=part("where.row", table=_number(ct), label=name),
        args=(("row", name), ("left", str(left)), ("right", "0"), ("difference", str(left))),
        sides=(
            Side(
                part("pattern.parts"),
                left,
                str(left),
                Interval.point(left),
                tuple(p for f in mine for p in f.sides[0].paths),
            ),
            Side(part("pattern.totals"), 0, "0", Interval.point(0), tuple(f.path for f in mine)),
        ),
        discrepancy=left,
        year=year,
    )
    return [merged, *rest]


def _derived(
    ct: CompiledTable, e: Equation, values: tuple[Any, ...], derived: frozenset[str]
) -> tuple[Suggestion, ...]:
    """A hint for each cell of the equation that a builder computed rather than was given."""
    out = []
    for i in (*e.pos, *e.neg):
        cell = ct.cells[i]
        if cell.key not in derived:
            continue
        source = part(f"derived.{cell.key.split('.', 1)[0]}")
        where = part(
            "hint.derived", cell=L10n(cell.label, cell.label_en), value=values[i], source=source
        )
        out.append(Suggestion("derived", (cell.json_path,), where, values[i], None, ()))
    return tuple(out)


def _sum_findings(
    ct: CompiledTable,
    values: tuple[Any, ...],
    policy: Policy,
    year: int | None,
    runs: frozenset[str],
    derived: frozenset[str] = frozenset(),
) -> list[Finding]:
    """The failed equations of one table (``values``: a blank counted as 0 is 0 already);
    a cell a builder computed (``derived``) is named as such in a hint."""
    evaluated = _residuals(ct, values, False, runs)
    if not any(evaluated.values()):
        return []
    hints = _suggestions(ct, values, evaluated, False)
    out = []
    for i, r in evaluated.items():
        if r:
            e = ct.equations[i]
            hint = hints.get(i, ()) + (_derived(ct, e, values, derived) if derived else ())
            out.append(_equation_finding(ct, e, values, r, policy, year, hint))
    return out


def check(ctx: Context) -> list[Finding]:
    """GD101–GD105 and GD107 for a report whose edition has tables.

    A table whose cells are all filled and whose sums all hold costs one call of its compiled
    function (:attr:`CompiledTable.holds`), whatever rules run: if every equation holds, no
    subset of them fails. Otherwise the generic evaluator runs the rules of ``ctx.runs``.

    With the input ``coverage`` (:class:`~govdisclosure.document.Coverage`, what the source
    printed), a cell the source never printed is not blank: GD107 names it (one finding per
    table), GD105 only the cells printed blank, and a sum with an unprinted cell is unknown
    whatever the policy says of blanks.
    """
    report, policy, runs = ctx.report, ctx.policy, ctx.runs
    coverage = ctx.inputs.get("coverage")
    if coverage is not None and not isinstance(coverage, Coverage):
        raise TypeError(f"the input coverage must be a Coverage, got {type(coverage).__name__}")
    out: list[Finding] = []
    zero = policy.blank == "zero"
    year = report.year
    for ct in compiled(report.edition).tables:
        table = getattr(report, ct.attribute)
        if coverage is not None and not coverage.printed_table(ct.number):
            if "GD107" in runs:
                out.append(_unprinted_finding(ct, list(range(len(ct.cells))), True, policy, year))
            continue
        if table is None:
            if "GD105" in runs:
                out.append(_missing_table(ct, policy, year))
            continue
        unprinted: list[int] = []
        if coverage is not None:
            unprinted = [
                i for i, c in enumerate(ct.cells) if not coverage.printed_cell(c.json_path)
            ]
            if unprinted and "GD107" in runs:
                out.append(_unprinted_finding(ct, unprinted, False, policy, year))
        if not unprinted and ct.holds(table):
            continue  # every cell filled, every sum holds
        values = ct.getter(table)
        gone = set(unprinted)
        blank = {i for i, v in enumerate(values) if v is None and i not in gone}
        pattern = _total_column_pattern(ct, values, blank)
        if "GD105" in runs:
            out += _blank_findings(ct, values, blank, policy, year)
        if gone:
            values = tuple(None if i in gone else v for i, v in enumerate(values))
        if zero:  # a printed blank counts as 0, an unprinted cell stays unknown
            values = tuple(0 if i in blank else v for i, v in enumerate(values))
        found = _sum_findings(ct, values, policy, year, runs, derived_cells(table))
        if zero and pattern is not None and found:
            rows = _listed([_short_row(ct.cells[i]) for i in pattern[0]])
            found = _pattern_sums(ct, values, found, pattern[0], rows, policy, year)
        out += found
    return out


FAMILY = Family("table sums", check, codes=("GD101", "GD102", "GD103", "GD104", "GD105", "GD107"))
