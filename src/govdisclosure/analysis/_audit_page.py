"""The audit as one self-contained page: a summary, charts as inline SVG, a sortable table.

The page fetches nothing: its style and its few lines of script (sorting the table by a
click on a column's heading) are inline, and the charts are SVG drawn by matplotlib with
every glyph as a path (``svg.fonttype = "path"``), so Chinese labels show on a machine
without any Chinese font. Matplotlib is the ``audit`` extra
(``pip install 'govdisclosure[audit]'``); without it :func:`audit_html` raises
:class:`~govdisclosure.analysis.MissingExtraError` naming the extra.

Why matplotlib: it writes SVG offline, in-process, with no browser or JavaScript runtime,
and converts text to outlines from a font found on this machine (Noto Sans CJK, WenQuanYi
and the like, through its ``font_manager``); Vega-Lite's SVG (altair with vl-convert) keeps
text as ``<text>`` and leaves the fonts to the viewer.

Charts aggregate: a chart shows at most :data:`TOP` categories and puts the rest in one bar
(其他 / other), so 10,000 reports make a chart of a dozen bars, never of 10,000.
"""

from __future__ import annotations

import datetime as _dt
import functools
import html
import importlib
import io
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, Protocol

from govdisclosure.analysis._audit_rows import FAMILIES, LEVELS, OUTCOMES, AuditRow
from govdisclosure.analysis._frame import MissingExtraError
from govdisclosure.model import AgencyKind

__all__ = ["TOP", "audit_charts", "audit_html", "cjk_font"]

#: The most categories a chart shows before the rest go into one 其他 bar.
TOP = 8

#: CJK fonts looked for, in order of preference (any other font with CJK glyphs after them).
_CJK_FONTS = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "SimHei",
    "PingFang SC",
    "Heiti SC",
    "Noto Sans CJK JP",
)

_METADATA = re.compile(r"\s*<metadata>.*?</metadata>", re.S)

_COLOURS = {
    "on-time": "#2e7d32",
    "late": "#c62828",
    "unknown": "#9e9e9e",
    "not-due": "#90caf9",
}
_OUTCOME_COLOURS = ("#2e7d32", "#81c784", "#c62828", "#ffb74d", "#8d6e63", "#90a4ae")
_FAMILY_COLOUR = "#1565c0"

_T: dict[str, tuple[str, str]] = {
    "title": (
        "政府信息公开工作年度报告审查",
        "Audit of annual government information disclosure reports",
    ),
    "as_of": ("审查日期", "audited on"),
    "files": ("文件", "files"),
    "reports": ("读取的报告", "reports read"),
    "unreadable": ("无法读取", "unreadable"),
    "skipped": ("跳过的其他文件", "other files skipped"),
    "on_time": ("按期发布", "on time"),
    "late": ("逾期", "late"),
    "unknown": ("日期不明", "date unknown"),
    "not_due": ("未到期限", "not yet due"),
    "with_errors": ("有错误", "with errors"),
    "contradictions": ("正文与表格矛盾", "prose contradicts tables"),
    "incomplete": ("内容不全", "incomplete"),
    "carried_over_mismatch": ("与上年不衔接", "carried over ≠ last year"),
    "chart_families": ("各类问题数量", "Findings by rule family"),
    "chart_timeliness": ("按机关类型的发布时效", "Timeliness by kind of agency"),
    "chart_outcomes": ("依申请公开办理结果构成", "Request outcomes (shares)"),
    "chart_years": ("逐年报告数与时效", "Reports and timeliness by year"),
    "no_outcomes": ("没有可读的表三办理结果。", "No outcome figures of table 3 were read."),
    "other": ("其他", "other"),
    "all": ("全部", "all"),
    "earlier": ("更早", "earlier"),
    "reports_axis": ("报告数", "reports"),
    "findings_axis": ("问题数", "findings"),
    "share_axis": ("占比", "share"),
    "table": ("逐份报告", "Report by report"),
    "sort_hint": ("点击列标题排序。", "Click a column heading to sort."),
    "unreadable_list": ("无法读取的文件", "Files that could not be read"),
    "c_file": ("文件", "file"),
    "c_agency": ("机关", "agency"),
    "c_kind": ("类型", "kind"),
    "c_level": ("层级", "level"),
    "c_year": ("年度", "year"),
    "c_edition": ("格式", "edition"),
    "c_date": ("落款/发布日期", "signed / published"),
    "c_deadline": ("期限", "deadline"),
    "c_timeliness": ("时效", "timeliness"),
    "c_parts": ("六部分", "parts"),
    "c_tables": ("表格", "tables"),
    "c_blank": ("空单元格", "blank cells"),
    "c_not_printed": ("原文未载", "not printed"),
    "c_errors": ("错误", "errors"),
    "c_warnings": ("警告", "warnings"),
    "c_notices": ("提示", "notices"),
    "c_prose": ("正文矛盾", "contradictions"),
    "c_carried": ("上年衔接", "carried over"),
    "c_reason": ("原因", "reason"),
    "late_by": ("逾期{n}天", "late by {n} days"),
    "match": ("一致", "match"),
    "mismatch": ("不一致", "mismatch"),
    "no_agency": ("（未读到机关名称）", "(agency not read)"),
    "no_font": (
        "本机未找到中文字体，图表文字以英文显示。",
        "No CJK font was found on this machine; chart labels are in English.",
    ),
}
_TIMELINESS = {
    "on-time": ("on_time", "on-time"),
    "late": ("late", "late"),
    "unknown": ("unknown", "unknown"),
    "not-due": ("not_due", "not-due"),
}


class Audit(Protocol):
    """What the page reads of an :class:`~govdisclosure.analysis._audit.Audit`."""

    @property
    def readable(self) -> tuple[AuditRow, ...]: ...

    @property
    def as_of(self) -> _dt.date: ...

    @property
    def skipped(self) -> int: ...

    def counts(self) -> dict[str, int]: ...

    def __iter__(self) -> Iterator[AuditRow]: ...


def _t(key: str, zh: bool) -> str:
    return _T[key][0 if zh else 1]


# --------------------------------------------------------------------------- matplotlib


def _matplotlib() -> Any:
    try:
        mpl = importlib.import_module("matplotlib")
    except ImportError:
        raise MissingExtraError(
            "the audit's charts need matplotlib: pip install 'govdisclosure[audit]'"
        ) from None
    importlib.import_module("matplotlib.backends.backend_svg")
    importlib.import_module("matplotlib.figure")
    return mpl


@functools.cache
def cjk_font() -> str | None:
    """The name of a font on this machine with Chinese glyphs (matplotlib's font manager),
    or ``None`` when there is none."""
    fm = importlib.import_module("matplotlib.font_manager")
    names: set[str] = {str(f.name) for f in fm.fontManager.ttflist}
    for name in _CJK_FONTS:
        if name in names:
            return name
    for name in sorted(names):
        if re.search(r"CJK|Hei|Song|Kai|Ming|Han Sans|Han Serif|WenQuanYi", name):
            return name
    return None


def _figure(mpl: Any, height: float) -> Any:
    return mpl.figure.Figure(figsize=(6.4, height), dpi=96, layout="constrained")


def _svg(mpl: Any, figure: Any, salt: str) -> str:
    out = io.StringIO()
    with mpl.rc_context({"svg.fonttype": "path", "svg.hashsalt": salt}):
        figure.savefig(out, format="svg", metadata={"Date": None})
    text = out.getvalue()
    text = text[max(0, text.find("<svg")) :]  # no XML declaration inside HTML
    return _METADATA.sub("", text)


def _top(counts: Counter[str], other: str, n: int = TOP) -> list[str]:
    """The ``n`` biggest keys; when there are more, the ``n - 1`` biggest and ``other``."""
    keys = [k for k, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    if len(keys) <= n:
        return keys
    return [*keys[: n - 1], other]


def _kind_label(kind: AgencyKind | None, zh: bool) -> str:
    if kind is None:
        kind = AgencyKind.UNKNOWN
    return kind.label if zh else kind.label_en


def _stacked_barh(
    mpl: Any,
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[float], str]],
    *,
    xlabel: str,
    title: str,
    salt: str,
    percent: bool = False,
) -> str:
    figure = _figure(mpl, 1.4 + 0.38 * len(categories))
    ax = figure.add_subplot()
    left = [0.0] * len(categories)
    positions = list(range(len(categories)))
    for label, values, colour in series:
        ax.barh(positions, values, left=left, color=colour, label=label, height=0.6)
        left = [a + b for a, b in zip(left, values, strict=True)]
    ax.set_yticks(positions, labels=list(categories))
    ax.invert_yaxis()
    ax.set_xlabel(xlabel)
    ax.set_title(title, loc="left", fontsize=12, fontweight="bold")
    if percent:
        ax.set_xlim(0, 100)
        ax.xaxis.set_major_formatter(mpl.ticker.PercentFormatter())
    else:
        ax.xaxis.set_major_locator(mpl.ticker.MaxNLocator(integer=True))
    ax.spines[["top", "right"]].set_visible(False)
    columns = len(series) if len(series) <= 4 else 3  # six long names make two lines
    figure.legend(loc="outside lower center", ncols=columns, frameon=False, fontsize=8)
    return _svg(mpl, figure, salt)


def _families_chart(mpl: Any, rows: Sequence[AuditRow], zh: bool) -> str:
    totals = Counter[str]()
    reports = Counter[str]()
    for r in rows:
        for key, n in r.by_family:
            totals[key] += n
            reports[key] += 1
    labels = [zh_ if zh else en for _, zh_, en in FAMILIES]
    values = [totals[key] for key, _, _ in FAMILIES]
    figure = _figure(mpl, 1.4 + 0.38 * len(FAMILIES))
    ax = figure.add_subplot()
    positions = list(range(len(FAMILIES)))
    bars = ax.barh(positions, values, color=_FAMILY_COLOUR, height=0.6)
    notes = [
        (f"{n}（{reports[key]}份）" if zh else f"{n} ({reports[key]} reports)")
        for n, (key, _, _) in zip(values, FAMILIES, strict=True)
    ]
    ax.bar_label(bars, labels=notes, padding=3, fontsize=8)
    ax.set_yticks(positions, labels=labels)
    ax.invert_yaxis()
    ax.set_xlabel(_t("findings_axis", zh))
    ax.set_title(_t("chart_families", zh), loc="left", fontsize=12, fontweight="bold")
    ax.set_xlim(0, max([*values, 1]) * 1.35)
    ax.xaxis.set_major_locator(mpl.ticker.MaxNLocator(integer=True))
    ax.spines[["top", "right"]].set_visible(False)
    return _svg(mpl, figure, "families")


def _timeliness_bars(
    mpl: Any, groups: Sequence[str], by_group: dict[str, Counter[str]], zh: bool, chart: str
) -> str:
    """The reports of each group as one bar, stacked by timeliness; ``chart`` names the title
    (``chart_<chart>``) and the chart's ids."""
    series: list[tuple[str, Sequence[float], str]] = []
    for state, (key, _) in _TIMELINESS.items():
        values = [by_group[g][state] for g in groups]
        if any(values):
            series.append((_t(key, zh), values, _COLOURS[state]))
    return _stacked_barh(
        mpl,
        groups,
        series,
        xlabel=_t("reports_axis", zh),
        title=_t(f"chart_{chart}", zh),
        salt=chart,
    )


def _timeliness_chart(mpl: Any, rows: Sequence[AuditRow], zh: bool) -> str:
    names = [_kind_label(r.kind, zh) for r in rows]
    other = _t("other", zh)
    groups = _top(Counter(names), other)
    kept = set(groups)
    by_group: dict[str, Counter[str]] = {g: Counter() for g in groups}
    for name, r in zip(names, rows, strict=True):
        by_group[name if name in kept else other][r.timeliness or "unknown"] += 1
    return _timeliness_bars(mpl, groups, by_group, zh, "timeliness")


def _outcomes_chart(mpl: Any, rows: Sequence[AuditRow], zh: bool) -> str | None:
    with_figures = [r for r in rows if r.outcomes]
    if not with_figures:
        return None
    names = [_kind_label(r.kind, zh) for r in with_figures]
    other = _t("other", zh)
    groups = _top(Counter(names), other, TOP - 1)
    kept = set(groups)
    sums: dict[str, Counter[str]] = {g: Counter() for g in [_t("all", zh), *groups]}
    for name, r in zip(names, with_figures, strict=True):
        for key, n in r.outcomes:
            sums[name if name in kept else other][key] += n
            sums[_t("all", zh)][key] += n
    categories = list(sums)
    series = []
    for (key, label_zh, label_en), colour in zip(OUTCOMES, _OUTCOME_COLOURS, strict=True):
        values = []
        for g in categories:
            total = sum(sums[g].values())
            values.append(100.0 * sums[g][key] / total if total else 0.0)
        series.append((label_zh if zh else label_en, values, colour))
    return _stacked_barh(
        mpl,
        categories,
        series,
        xlabel=_t("share_axis", zh),
        title=_t("chart_outcomes", zh),
        salt="outcomes",
        percent=True,
    )


def _years_chart(mpl: Any, rows: Sequence[AuditRow], zh: bool) -> str | None:
    years = sorted({r.year for r in rows if r.year is not None})
    if len(years) < 2:
        return None
    earlier = _t("earlier", zh)
    shown = [str(y) for y in years]
    if len(years) > TOP + 4:
        cut = years[-(TOP + 3)]
        shown = [earlier, *(str(y) for y in years if y >= cut)]
    else:
        cut = years[0]
    by_group: dict[str, Counter[str]] = {g: Counter() for g in shown}
    for r in rows:
        if r.year is None:
            continue
        g = str(r.year) if r.year >= cut else earlier
        by_group[g][r.timeliness or "unknown"] += 1
    return _timeliness_bars(mpl, shown, by_group, zh, "years")


def audit_charts(audit: Audit, *, lang: str = "zh") -> dict[str, str]:
    """The charts of ``audit`` as SVG text by name (``families``, ``timeliness``, and
    ``outcomes`` when table 三 was read, ``years`` when the reports are of several years).

    Chinese labels need a Chinese font on this machine (:func:`cjk_font`); without one the
    labels are in English. Raises :class:`~govdisclosure.analysis.MissingExtraError` without
    matplotlib.
    """
    mpl = _matplotlib()
    zh = lang.lower().startswith("zh")
    font = cjk_font()
    if zh and font is None:
        zh = False
    rows = audit.readable
    charts: dict[str, str] = {}
    families = [font, "DejaVu Sans"] if font else ["DejaVu Sans"]
    with mpl.rc_context({"font.family": families, "axes.unicode_minus": False}):
        makers: Iterable[tuple[str, Callable[..., str | None]]] = (
            ("families", _families_chart),
            ("timeliness", _timeliness_chart),
            ("outcomes", _outcomes_chart),
            ("years", _years_chart),
        )
        for name, make in makers:
            svg = make(mpl, rows, zh)
            if svg is not None:
                charts[name] = svg
    return charts


# --------------------------------------------------------------------------- the page

_STYLE = """
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",
"WenQuanYi Zen Hei",sans-serif;margin:24px;color:#212121;background:#fff}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}
.meta{color:#616161;font-size:13px}
.cards{display:flex;flex-wrap:wrap;gap:10px;margin:16px 0}
.card{border:1px solid #e0e0e0;border-radius:6px;padding:8px 14px;min-width:96px}
.card b{display:block;font-size:22px}.card span{font-size:12px;color:#616161}
.card.bad b{color:#c62828}.card.good b{color:#2e7d32}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(460px,1fr));gap:16px}
.chart{border:1px solid #e0e0e0;border-radius:6px;padding:8px}
.chart svg{width:100%;height:auto;display:block}
table{border-collapse:collapse;font-size:12px;width:100%}
th,td{border:1px solid #e0e0e0;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#f5f5f5;cursor:pointer;position:sticky;top:0;white-space:nowrap}
th[aria-sort=ascending]::after{content:" ▲"}th[aria-sort=descending]::after{content:" ▼"}
td.n{text-align:right;font-variant-numeric:tabular-nums}
tr.late td.t{color:#c62828;font-weight:bold}tr.errors td.e{color:#c62828;font-weight:bold}
.note{color:#616161;font-size:12px}
.wrap{overflow-x:auto}td.np{min-width:220px}
"""

_SCRIPT = """
document.querySelectorAll("table.sortable th").forEach(function (th, col) {
  th.addEventListener("click", function () {
    var body = th.closest("table").tBodies[0], rows = Array.from(body.rows);
    var down = th.getAttribute("aria-sort") === "ascending";
    th.parentNode.querySelectorAll("th").forEach(function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", down ? "descending" : "ascending");
    var key = function (tr) {
      var c = tr.cells[col], v = c.getAttribute("data-v");
      return v === null ? c.textContent : v;
    };
    var num = rows.every(function (tr) { var k = key(tr); return k === "" || !isNaN(k); });
    rows.sort(function (a, b) {
      var x = key(a), y = key(b);
      if (num) { x = x === "" ? -Infinity : +x; y = y === "" ? -Infinity : +y; }
      var r = x < y ? -1 : x > y ? 1 : 0;
      return down ? -r : r;
    });
    rows.forEach(function (tr) { body.appendChild(tr); });
  });
});
"""


def _e(text: object) -> str:
    return html.escape("" if text is None else str(text))


def _cell(text: object, sort: object = None, cls: str = "") -> str:
    attr = "" if sort is None else f' data-v="{_e(sort)}"'
    klass = f' class="{cls}"' if cls else ""
    return f"<td{klass}{attr}>{_e(text)}</td>"


def _n(value: int | None, cls: str = "n") -> str:
    return _cell("" if value is None else value, "" if value is None else value, cls)


def _shown(path: str | None, root: str) -> str:
    """``path`` relative to the folder all the files are under (the whole path otherwise)."""
    if not path:
        return ""
    return os.path.relpath(path, root) if root else path


def _root(rows: Iterable[AuditRow]) -> str:
    folders = [os.path.dirname(os.path.abspath(r.source)) for r in rows if r.source]
    try:
        return os.path.commonpath(folders) if folders else ""
    except ValueError:  # paths on different drives
        return ""


def _row_html(r: AuditRow, zh: bool, root: str = "") -> str:
    classes = []
    if r.timeliness == "late":
        classes.append("late")
    if r.errors:
        classes.append("errors")
    state = r.timeliness or "unknown"
    when = r.signed or r.published
    if state == "late":
        time_text = _t("late_by", zh).format(n=r.days_late)
    else:
        time_text = _t(_TIMELINESS[state][0], zh)
    parts = "" if r.parts is None else f"{r.parts}/{r.parts_expected}"
    tables = "" if r.tables is None else f"{r.tables}/{r.tables_expected}"
    blank = "" if r.cells is None else f"{r.cells_blank}/{r.cells}"
    carried = "" if r.carried_over is None else _t(r.carried_over, zh)
    if r.previous_year is not None:
        carried += f" ({r.previous_year})"
    level = LEVELS[r.level][0 if zh else 1]
    order = {"late": 0, "on-time": -1, "not-due": -2, "unknown": -3}[state]
    cells = [
        _cell(_shown(r.source and os.path.abspath(r.source), root)),
        _cell(r.agency or _t("no_agency", zh)),
        _cell(_kind_label(r.kind, zh)),
        _cell(level),
        _n(r.year, ""),
        _cell("" if r.edition is None else r.edition.value),
        _cell("" if when is None else when.isoformat()),
        _cell("" if r.deadline is None else r.deadline.isoformat()),
        _cell(time_text, r.days_late if state == "late" else order, "t"),
        _cell(parts, "" if r.parts is None else r.parts, "n"),
        _cell(tables, "" if r.tables is None else r.tables, "n"),
        _cell(blank, "" if r.cells_blank is None else r.cells_blank, "n"),
        _cell(
            "; ".join(f.message("zh_CN" if zh else "en") for f in r.not_printed),
            len(r.not_printed),
            "np",
        ),
        _n(r.errors, "n e"),
        _n(r.warnings),
        _n(r.notices),
        _n(r.contradictions),
        _cell(carried),
    ]
    return f'<tr class="{" ".join(classes)}">' + "".join(cells) + "</tr>"


_COLUMNS = (
    "c_file",
    "c_agency",
    "c_kind",
    "c_level",
    "c_year",
    "c_edition",
    "c_date",
    "c_deadline",
    "c_timeliness",
    "c_parts",
    "c_tables",
    "c_blank",
    "c_not_printed",
    "c_errors",
    "c_warnings",
    "c_notices",
    "c_prose",
    "c_carried",
)

_CARDS = (
    ("files", ""),
    ("reports", ""),
    ("unreadable", "bad"),
    ("on_time", "good"),
    ("late", "bad"),
    ("unknown", ""),
    ("not_due", ""),
    ("with_errors", "bad"),
    ("contradictions", "bad"),
    ("incomplete", ""),
    ("carried_over_mismatch", "bad"),
)


def audit_html(audit: Audit, *, lang: str = "zh") -> str:
    """The audit as one self-contained HTML page (``lang`` ``zh`` or ``en``): the summary,
    the charts (:func:`audit_charts`), the table of reports sortable by any column, and the
    files that could not be read with the reason. Nothing is fetched from a network."""
    zh = lang.lower().startswith("zh")
    charts = audit_charts(audit, lang=lang)
    counts = audit.counts()
    out = [
        "<!doctype html>",
        f'<html lang="{"zh-CN" if zh else "en"}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width,initial-scale=1">',
        f"<title>{_e(_t('title', zh))}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{_e(_t('title', zh))}</h1>",
        f'<p class="meta">{_e(_t("as_of", zh))} {audit.as_of.isoformat()} · '
        f"{_e(_t('skipped', zh))} {audit.skipped}</p>",
        '<section class="cards" id="summary">',
    ]
    for key, tone in _CARDS:
        cls = tone if tone == "good" or counts[key] else ""
        out.append(
            f'<div class="card {cls}" data-key="{key}"><b>{counts[key]}</b>'
            f"<span>{_e(_t(key, zh))}</span></div>"
        )
    out.append("</section>")
    if zh and cjk_font() is None:
        out.append(f'<p class="note">{_e(_t("no_font", zh))}</p>')
    out.append('<section class="charts" id="charts">')
    for name, svg in charts.items():
        out.append(f'<figure class="chart" data-chart="{name}">{svg}</figure>')
    if "outcomes" not in charts:
        out.append(f'<p class="note">{_e(_t("no_outcomes", zh))}</p>')
    out.append("</section>")
    out.append(f"<h2>{_e(_t('table', zh))}</h2>")
    out.append(f'<p class="note">{_e(_t("sort_hint", zh))}</p>')
    out.append('<div class="wrap"><table class="sortable" id="reports"><thead><tr>')
    out += [f"<th>{_e(_t(c, zh))}</th>" for c in _COLUMNS]
    out.append("</tr></thead><tbody>")
    root = _root(audit)
    out += [_row_html(r, zh, root) for r in audit.readable]
    out.append("</tbody></table></div>")
    unreadable = [r for r in audit if r.status == "unreadable"]
    if unreadable:
        out.append(f"<h2>{_e(_t('unreadable_list', zh))}</h2>")
        out.append('<table class="sortable" id="unreadable"><thead><tr>')
        out.append(f"<th>{_e(_t('c_file', zh))}</th><th>{_e(_t('c_reason', zh))}</th>")
        out.append("</tr></thead><tbody>")
        out += [
            f"<tr>{_cell(_shown(r.source and os.path.abspath(r.source), root))}"
            f"{_cell(r.reason)}</tr>"
            for r in unreadable
        ]
        out.append("</tbody></table>")
    out.append(f"<script>{_SCRIPT}</script></body></html>")
    return "\n".join(out) + "\n"
