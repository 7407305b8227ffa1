"""What every command shares: the ``--lang`` vocabulary and the lines of unusable input.

One vocabulary for every command: ``zh``, ``zh_CN`` (also ``zh-CN``, ``zh_Hans``) and ``en``
(also ``en_US``, ``en-GB``); Chinese is the default. The problems of unusable input are
printed in the chosen language: each :class:`~govdisclosure.errors.Problem` message the
library writes has its Chinese form here (a message this table does not know is printed as
it is).

>>> lang("zh"), lang("zh-CN"), lang("en_US")
('zh_CN', 'zh_CN', 'en')
>>> print(problem_line(Problem("$.year", "expected an integer, found '2022' (a str)"), "zh_CN"))
$.year：应为整数，实为 '2022' (a str)
"""

from __future__ import annotations

import argparse
import re
from typing import Any, TextIO

from govdisclosure.errors import Problem, StructureError

__all__ = [
    "BLANKS",
    "LANGS",
    "add_blank",
    "add_lang",
    "lang",
    "print_unusable",
    "problem_line",
    "unusable_text",
]

#: The values ``--lang`` accepts, as help lists them.
LANGS = ("zh", "zh_CN", "en")


def lang(text: str) -> str:
    """The locale of a ``--lang`` value: ``"zh_CN"`` or ``"en"``."""
    low = text.strip().lower().replace("-", "_")
    if low in ("zh", "zh_cn", "zh_hans", "zh_hans_cn", "cn", "chinese"):
        return "zh_CN"
    if low in ("en", "en_us", "en_gb", "english"):
        return "en"
    raise argparse.ArgumentTypeError(f"unknown language {text!r}: expected zh, zh_CN or en")


def add_lang(p: Any) -> None:
    """Give a sub-command the shared ``--lang`` option (default Chinese)."""
    p.add_argument(
        "--lang",
        type=lang,
        default="zh_CN",
        metavar="{zh,zh_CN,en}",
        help="language of the output and of the problems of unusable input (zh_CN)",
    )


#: The values ``--blank`` accepts: what a blank cell means.
BLANKS = ("unknown", "zero")


def add_blank(p: Any) -> None:
    """Give a sub-command the shared ``--blank`` option: ``unknown`` (the default: a blank
    is not known — its sums are not checked, an aggregate of it is incomplete) or ``zero``."""
    p.add_argument(
        "--blank",
        choices=BLANKS,
        default="unknown",
        help="what a blank cell means: unknown (default; sums over it are not checked, "
        "totals over it are incomplete) or zero",
    )


# (pattern, Chinese template): the problem messages the library writes, most specific first.
_ZH: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p, re.S), t)
    for p, t in (
        (r"unknown key \(expected one of: (?P<a>.*)\)\Z", "未知的键（应为其中之一：{a}）"),
        (r"unknown key(?: (?P<a>.+))?\Z", "未知的键{a}"),
        (r"required field missing\Z", "缺少必填字段"),
        (r"expected an integer or null, found (?P<a>.*)\Z", "应为整数或 null，实为 {a}"),
        (r"expected an integer, found (?P<a>.*)\Z", "应为整数，实为 {a}"),
        (r"expected a string or null, found (?P<a>.*)\Z", "应为字符串或 null，实为 {a}"),
        (r"expected a string, found (?P<a>.*)\Z", "应为字符串，实为 {a}"),
        (r"expected a whole number >= 0, found (?P<a>.*)\Z", "应为不小于 0 的整数，实为 {a}"),
        (r"expected a whole number, found (?P<a>.*)\Z", "应为整数，实为 {a}"),
        (
            r"expected an integer of at most (?P<a>\S+) in size, found (?P<b>.*)\Z",
            "整数的绝对值不得超过 {a}，实为 {b}",
        ),
        (
            r"expected a count of at most (?P<a>\S+) in size, found (?P<b>.*)\Z",
            "件数不得超过 {a}，实为 {b}",
        ),
        (
            r"expected a whole number from 0 to (?P<a>\S+), found (?P<b>.*)\Z",
            "应为 0 至 {a} 的整数，实为 {b}",
        ),
        (
            r"expected a year from (?P<a>\d+) to (?P<b>\d+), found (?P<c>.*)\Z",
            "年度应在 {a} 至 {b} 之间，实为 {c}",
        ),
        (r"expected a year such as 2022, found (?P<a>.*)\Z", "应为年度（如 2022），实为 {a}"),
        (
            r"expected an ordinal from 1 to (?P<a>\d+), found (?P<b>.*)\Z",
            "序号应为 1 至 {a}，实为 {b}",
        ),
        (
            r"expected a decimal of at most (?P<a>\d+) significant digits and (?P<b>\d+) "
            r"decimal places, found (?P<c>.*)\Z",
            "小数最多 {a} 位有效数字、{b} 位小数，实为 {c}",
        ),
        (
            r"expected a decimal number as a string such as \"20.30\", found (?P<a>.*)\Z",
            '应为字符串形式的小数（如 "20.30"），实为 {a}',
        ),
        (
            r"expected a decimal number in plain notation such as \"20.30\", found (?P<a>.*)\Z",
            '应为普通记数法的小数（如 "20.30"），实为 {a}',
        ),
        (r"expected one of (?P<a>.*), found (?P<b>.*)\Z", "应为 {a} 之一，实为 {b}"),
        (r"expected an object, found (?P<a>.*)\Z", "应为对象，实为 {a}"),
        (r"expected an array, found (?P<a>.*)\Z", "应为数组，实为 {a}"),
        (r"expected a report object, found (?P<a>.*)\Z", "应为报告对象，实为 {a}"),
        (r"expected a section object, found (?P<a>.*)\Z", "应为章节对象，实为 {a}"),
        (
            r"expected a date as \"YYYY-MM-DD\", found (?P<a>.*)\Z",
            '应为 "YYYY-MM-DD" 格式的日期，实为 {a}',
        ),
        (r"expected a valid calendar date, found (?P<a>.*)\Z", "日期不存在：{a}"),
        (
            r"expected text, found a lone surrogate (?P<a>\S+) at character (?P<b>\d+).*\Z",
            "第 {b} 个字符为孤立的代理码位 {a}（不是 Unicode 文本）",
        ),
        (
            r"expected JSON text, found an error at line (?P<a>\d+), column (?P<b>\d+): "
            r"(?P<c>.*?), near (?P<d>.*)\Z",
            "不是有效的 JSON：第 {a} 行第 {b} 列：{c}，附近为 {d}",
        ),
        (r"expected JSON text, found nesting too deep to read\Z", "不是可读的 JSON：嵌套过深"),
        (r"expected JSON text(?P<a>.*)\Z", "不是可读的 JSON{a}"),
        (r"expected the span to hold (?P<a>.*), found (?P<b>.*)\Z", "所指文字应为 {a}，实为 {b}"),
        (r"duplicate key (?P<a>.*)\Z", "键重复：{a}"),
        (r"duplicate cell (?P<a>.*)\Z", "单元格重复：{a}"),
        (r"no section (?P<a>.*)\Z", "没有章节 {a}"),
        (r"names no fact: (?P<a>.*)\Z", "未指向任何数字：{a}"),
        (r"term (?P<a>\d+) names no fact: (?P<b>.*)\Z", "第 {a} 项未指向任何数字：{b}"),
        (r"missing key\(s\): (?P<a>.*)\Z", "缺少键：{a}"),
        (r"unknown cell in (?P<a>\S+): (?P<b>.*)\Z", "{a} 中没有此单元格：{b}"),
        (r"a (?P<a>\S+) report has no national tables\Z", "{a} 报告没有全国统一表格"),
    )
)


def _zh(message: str) -> str:
    for pattern, template in _ZH:
        m = pattern.match(message)
        if m:
            return template.format(**{k: v or "" for k, v in m.groupdict().items()})
    return message


def problem_line(problem: Problem, locale: str) -> str:
    """One problem as a line for people: path (label): message, in the chosen language."""
    if locale != "zh_CN":
        return str(problem)
    where = f"{problem.path}（{problem.label}）" if problem.label else problem.path
    return f"{where}：{_zh(problem.message)}"


def unusable_text(exc: StructureError, locale: str) -> str:
    """Every problem of unusable input, a heading line first."""
    n = len(exc.problems)
    head = (
        f"输入有 {n} 个问题："
        if locale == "zh_CN"
        else f"{n} problem{'s' if n != 1 else ''} in the input:"
    )
    return "\n".join([head, *(f"  {problem_line(p, locale)}" for p in exc.problems)])


def print_unusable(command: str, path: str, exc: BaseException, locale: str, err: TextIO) -> None:
    """The lines of one unusable file on ``err``: the file named, then every problem."""
    word = "无法使用的输入 (unusable input)" if locale == "zh_CN" else "unusable input"
    name = (
        "标准输入"
        if path == "-" and locale == "zh_CN"
        else ("standard input" if path == "-" else path)
    )
    if isinstance(exc, StructureError):
        print(f"govdisclosure {command}: {name}: {word}\n{unusable_text(exc, locale)}", file=err)
    else:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        if locale == "zh_CN" and reason == "standard input is closed":
            reason = "标准输入已关闭"
        print(f"govdisclosure {command}: {name}: {reason}", file=err)
