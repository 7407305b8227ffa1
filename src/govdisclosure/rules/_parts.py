"""The named parts of the catalogue's messages: places, groups of cells, hints,
consequences — templates in Chinese and English that :func:`~govdisclosure.rules.part` fills.

>>> PARTS["blank.zero"]
('按 0 计', 'counted as 0')
"""

from __future__ import annotations

__all__ = ["PARTS"]

PARTS: dict[str, tuple[str, str]] = {
    # places and groups of cells (GD101–GD105, GD301, GD302)
    "table": ("表{table}", "Table {table}"),
    "table.whole": ("表{table}（整张表）", "Table {table} (the whole table)"),
    "table.unchecked": ("表中的合计均未核对", "none of its sums was checked"),
    "where.row": ("表{table} “{label}”行", "Table {table}, row “{label}”"),
    "where.column": ("表{table} “{label}”列", "Table {table}, column “{label}”"),
    "where.group": ("表{table} “{label}”", "Table {table}, “{label}”"),
    "terms.many": ("{first} + … + {last}（{n} 项）", "{first} + … + {last} ({n} terms)"),
    "blank.block": (
        "表{table} {block} 整块（{n} 格）",
        "Table {table} {block}, the whole block ({n} cells)",
    ),
    "blank.cells": (
        "表{table} {row} | {columns}（{n} 格）",
        "Table {table} {row} | {columns} ({n} cells)",
    ),
    "blank.whole_row": ("整行", "the whole row"),
    "blank.rows": (
        "表{table} {first} 至 {last} 连续 {rows} 行整行（{n} 格）",
        "Table {table} {first} to {last}, {rows} whole rows ({n} cells)",
    ),
    "blank.column": (
        "表{table} “{column}”列 {first} 至 {last}（{n} 格）",
        "Table {table} column “{column}”, {first} to {last} ({n} cells)",
    ),
    "blank.total_column": (
        "表{table} “总计”列中 {rows} 的总计（这些行其他各列均已填写，而填写了总计的只有 {filled}）",
        "Table {table}, column “Total”, the totals of {rows} (whose other columns are "
        "filled, while only {filled} give a total)",
    ),
    "blank.total_rows": (
        "{rows}（总计列空白，按 0 计）",
        "{rows} (their total column blank, counted as 0)",
    ),
    "rows.more": ("{rows}（共 {n} 行）", "{rows} ({n} rows)"),
    "unprinted.rows": (
        "表{table} {rows}（{n} 格）",
        "Table {table} {rows} ({n} cells)",
    ),
    "unprinted.side": ("来源未印出的单元格", "cells not printed in the source"),
    "pattern.parts": ("这些行其他各列之和", "the other columns of these rows"),
    "pattern.totals": ("这些行的总计（空白按 0 计）", "the totals of these rows (blank as 0)"),
    "blank.zero": ("按 0 计", "counted as 0"),
    "blank.unchecked_one": ("含该格的合计未予核对", "sums with this cell were not checked"),
    "blank.unchecked_many": ("含这些格的合计未予核对", "sums with these cells were not checked"),
    "blank.no_figure": ("未填写数字", "no figure is given"),
    "blank.side": ("空白单元格", "blank cells"),
    "hint.columns": ("表{table}“{a}”与“{b}”", "Table {table} columns “{a}” and “{b}”"),
    "hint.compensating": (
        "{where}两列分别相差 +{k} 与 −{k}，而总计列平衡：可能有 {k} 件申请被计入了错误的申请人类型",
        "{where} are off by +{k} and −{k} while the total column balances: "
        "likely {k} application{plural} filed under the wrong applicant type",
    ),
    "hint.cell": (
        "{where} 若为 {proposed}（现为 {current}），{codes} {all}成立",
        "{where}: {proposed} would satisfy {codes} (printed {current})",
    ),
    "hint.digits": (
        "；疑为数字颠倒（应为 {proposed}，误印为 {current}）",
        "; looks like a digit transposition ({current} printed for {proposed})",
    ),
    "hint.derived": (
        "{cell} 为 {value}，并非填报所给，而是由{source}计算得出",
        "{cell} is {value}, not given but computed from {source}",
    ),
    "derived.total": ("各项办理结果之和", "the sum of the outcome rows"),
    "derived.carried_forward": (
        "一、本年新收 + 二、上年结转 − (七)总计",
        "I (new) + II (carried over) − (7) total",
    ),
    "hint.several": ("均可", ""),
    "hint.single": ("即可", ""),
    "hint.after": ("。提示：", ". Hint: "),
    "carried.location": (
        "{table} “{row}”行 “{column}”列（{year}年）与“{previous_row}”（{previous_year}年）",
        "{table} row “{row}”, column “{column}” ({year}) vs row “{previous_row}” ({previous_year})",
    ),
    "carried.side": ("{year}年 {row}", "{year} {row}"),
    "in_force.location": ("{table} {block} “{row}” {column}", "{table} {block} “{row}”, {column}"),
    "in_force.side": ("{year}年{column}", "{column} {year}"),
    "in_force.expected": (
        "{previous_year}年{column} + {issued} − {repealed}",
        "{column} {previous_year} + {issued} − {repealed}",
    ),
    # places in the text (GD201, GD202, GD401)
    "place.preamble": ("导语第{n}段", "preamble, paragraph {n}"),
    "place.section": ("“{head}{title}”第{n}段", "section {number} “{title}”, paragraph {n}"),
    "relation.more": ("（共{n}项）", " ({n} terms)"),
    "relation.exact_money": ("{left}（区间 {interval} 元）", "{left} (interval {interval} yuan)"),
    "relation.interval_money": (
        "{interval} 元（含约数，只能算出区间）",
        "{interval} yuan (approximate terms give only an interval)",
    ),
    "relation.side": ("各项按所述关系合计", "the terms combined as stated"),
    "claim.rows": ("（各行之和）", " (sum of its rows)"),
    "claim.columns": ("（各列之和）", " (sum of its columns)"),
    "claim.cells": ("表{table} {rows} | {columns}", "Table {table} {rows} | {columns}"),
    "claim.or": ("，或 ", ", or "),
    "outcomes.listed": ("所列各项办理结果之和", "the sum of the outcomes it lists"),
    "outcomes.total": ("其所述办结（答复）总数", "the total it states as completed (answered)"),
    # fee notices (GD402)
    "fee.section": ("第六部分“{title}”", "section 6 ({title_en})"),
    "fee.no_section": ("报告（未见第六部分）", "the report (which has no section 6)"),
    "fee.location": ("{cell}；第六部分", "{cell}; section 6"),
    # editions and dates (GD501–GD503)
    "edition": ("格式版本", "edition"),
    "edition.legacy-2008": (
        "2008年条例规定的年报（无统一表格）",
        "2008 regulation format (no national tables)",
    ),
    "edition.trial-2019": ("2019年试行格式", "trial 2019 format"),
    "edition.standard-2021": ("2021年格式", "2021 format"),
    "period": ("统计期限", "statistical period"),
    "date.signed": ("落款日期", "the signing date"),
    "date.published": ("网页所载发布日期", "the publication date on the page"),
    "date.published_signed_in_time": (
        "网页所载发布日期（落款日期{signed}在期限内）",
        "the publication date on the page (signed in time, on {signed})",
    ),
    "deadline": ("期限", "deadline"),
    "undated.published": (
        "是否按期公布只能按网页所载发布日期（{date}）核对",
        "the deadline can be checked only against the page's publication date ({date})",
    ),
    "undated.unknown": (
        "是否按期公布、数据覆盖哪段时间均无从核对",
        "neither the deadline nor what the figures cover can be checked",
    ),
    # sections (GD601, GD602)
    "sections": ("章节", "sections"),
    "sections.none": ("报告没有任何章节", "the report has no sections"),
    "section.where": ("第{n}个章节“{title}”", "section {n} “{title}”"),
    "section.unknown": (
        "标题“{title}”与规定的“{ordinal}、{expected}”及其常见变体均不符",
        "the heading “{title}” matches neither “{ordinal}、{expected}” ({expected_en}) nor a "
        "known variant",
    ),
    "section.foreign": (
        "标题“{title}”不是本格式的任何一部分",
        "the heading “{title}” matches no section of the {edition} format",
    ),
    "section.order": (
        "“{title}”（第{part}部分）排在了“{later}”（第{later_part}部分）之后",
        "“{title}” (part {part}) comes after “{later}” (part {later_part})",
    ),
    "section.missing": (
        "缺少第{part}部分“{title}”",
        "part {part} “{title}” ({title_en}) is missing",
    ),
    "substance.section": ("第{n}部分“{title}”", "section {n} ({title_en})"),
    "substance.nothing": ("（空白）", "(nothing)"),
    "section.legacy_item": (
        "没有标题涉及条例（2008年）第三十二条{item}",
        "no heading covers item {item} of art. 32 of the 2008 regulation",
    ),
}
"""The named parts of messages that a rule fills in: places, hints, consequences. Templates
in Chinese and English, filled by :func:`part` (an :class:`L10n` argument gives each
language its own text)."""
