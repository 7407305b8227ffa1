"""Page chrome: the furniture of a web page or a PDF around a report, never report text.

One test, from the layout's data, serves every stage that meets chrome. A line is chrome
when it is short and made of the words of a page's own buttons
(:data:`~govdisclosure.layout.page.CHROME_WORDS`) with punctuation, digits and white space.
A physical line of extracted page text (``header=True``, the text front end) is chrome too
when it begins as breadcrumbs, notices of leaving the site and PDF page headers do
(:data:`~govdisclosure.layout.page.CHROME_PREFIXES`): there such a header stands alone,
while in the outline a line may be a page header run together with the title ("Page 8 -
某局2022年…报告"), which is the title.

>>> is_chrome("打印本页 | 关闭窗口"), is_chrome("字体:【 大 中 小 】"), is_chrome("中")
(True, True, True)
>>> is_chrome("一、总体情况"), is_chrome("小计"), is_chrome("当前位置:首页>公开")
(False, False, False)
>>> is_chrome("当前位置:首页>公开", header=True), is_chrome("Page 3", header=True)
(True, True)
"""

from __future__ import annotations

import re

from govdisclosure.layout.page import CHROME_PREFIXES, CHROME_WORDS, FURNITURE

__all__ = ["furniture", "is_chrome"]

_PUNCT = frozenset(":：|｜【】[]()（）,，.。、·•>/-—_ \t\u3000\xa0")
# Every character of a line of chrome words is one of their characters, punctuation or a
# digit: most lines fail this test at once, before the words are looked for.
_MAY_BE_CHROME = frozenset("".join(CHROME_WORDS)) | _PUNCT
_WORDS = re.compile("|".join(re.escape(w) for w in sorted(CHROME_WORDS, key=len, reverse=True)))


#: A PDF page's number printed as its footer: "-2-", "— 3 —", "第 4 页", "第4页 共9页".
_PAGE_NUMBER = re.compile(
    r"[-\uff0d—–]\s*\d{1,4}\s*[-\uff0d—–]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
)


def is_chrome(line: str, *, header: bool = False) -> bool:
    """Whether ``line`` (stripped) is page chrome; see the module docstring.

    >>> is_chrome("-2-", header=True), is_chrome("第 4 页", header=True), is_chrome("-2-")
    (True, True, False)
    """
    if header and (line.startswith(CHROME_PREFIXES) or _PAGE_NUMBER.fullmatch(line)):
        return True
    if not line or len(line) > 40:
        return False
    if line[0] not in _MAY_BE_CHROME and not line[0].isdigit():
        return False
    rest = set(line).difference(_MAY_BE_CHROME)
    if rest and not all(ch.isdigit() for ch in rest):
        return False
    t = _WORDS.sub(" ", line)
    return t != line and all(ch in _PUNCT or ch.isdigit() for ch in t)


_FURNITURE = re.compile("|".join(f"(?:{p})" for p in FURNITURE))


def furniture(line: str) -> int:
    """How many characters at the start of ``line`` are page furniture run together with the
    text that follows (:data:`~govdisclosure.layout.page.FURNITURE`), 0 when none are.

    >>> t = "Page 8 - 某区信访局"
    >>> t[furniture(t):], furniture("某区信访局")
    ('某区信访局', 0)
    >>> t = "首页 > 政务公开 > 年度报告 > 某局2022年政府信息公开工作年度报告"
    >>> t[furniture(t):]
    '某局2022年政府信息公开工作年度报告'
    >>> t = "标题: 某镇人民政府"
    >>> t[furniture(t):]
    '某镇人民政府'
    """
    end = 0
    while True:
        m = _FURNITURE.match(line, end)
        if m is None or m.end() == end:
            return end
        end = m.end()
