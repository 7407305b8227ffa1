"""The words the quantity readers know, as data: a new word is a new entry here.

Nothing here is code: :mod:`govdisclosure.numerals.quantity` and
:mod:`govdisclosure.numerals.finder` read these tables. Each word is stored as it is printed
(after NFKC); a qualifier is named by its word, the value of a
:class:`~govdisclosure.numerals.Qualifier`.
"""

from __future__ import annotations

from typing import Final

#: Words read before a number, and the qualifier (by its word, a Qualifier value) each means.
#: Synonyms print canonically.
PREFIX_WORDS: Final[dict[str, str]] = {
    "超过": "超过",
    "超": "超",
    "逾": "超",
    "近": "近",
    "将近": "近",
    "接近": "近",
    "约": "约",
    "约为": "约",
    "约有": "约",
    "大约": "约",
    "至少": "以上",
    "最少": "以上",
}

#: A prefix word preceded by one of these characters is the end of another word
#: (最近, 节约, 赶超): the figure is read as exact, without the prefix.
PREFIX_WORD_ENDS: Final[dict[str, str]] = {
    "近": "最附邻靠临就亲贴远新晚相浅迫",
    "约": "节预签制合违履特集简邀践公条婚租失赴守爽毁解续缔誓隐相盟",
    "超": "赶高",
}

#: Comparisons that make a figure an upper bound (or a bare comparison) this module cannot
#: represent: such figures are not reported at all rather than reported as exact.
COMPARISONS_BEFORE: Final = (
    "不超过",
    "未超过",
    "没有超过",
    "没超过",
    "不超",
    "不足",
    "不到",
    "不满",
    "少于",
    "低于",
    "小于",
    "多于",
    "大于",
    "高于",
    "最多",
    "至多",
)
COMPARISONS_AFTER: Final = ("以下", "以内", "之内")

#: Between two numbers these make the second the end of a range (11—30件, 11至30件).
RANGE_SIGNS: Final = ("\u2014", "\u2013", "~", "至", "到")

#: Before a number, these make it an ordinal or a rank, not a count (第10次, 位列前3名).
RANKS_BEFORE: Final = ("第", "排名前", "位列前", "名列前", "排在前", "居前", "进入前", "跻身前")

#: The measure words find_quantities recognises (each may take a 万/亿 multiplier: 万次,
#: 亿元). Data, not code: a new measure word is a new entry here.
MEASURE_WORDS: Final[tuple[str, ...]] = (
    "件",
    "条",
    "人",
    "户",
    "次",
    "篇",
    "个",
    "项",
    "家",
    "名",
    "元",
    "份",
    "期",
    "场",
    "批",
    "起",
    "处",
    "所",
    "栏",
    "台",
    "套",
    "部",
    "位",
    "例",
    "册",
    "张",
    "封",
    "宗",
    "人次",
    "个次",
    "件次",
    "户次",
    "场次",
    "批次",
)

#: A measure word followed by one of these is the first character of another word
#: (人民币, 处理, 所有, 部分, 台账): the number before it is not a count.
MEASURE_COMPOUNDS: Final[dict[str, tuple[str, ...]]] = {
    "人": ("民",),
    "处": ("理", "罚", "置", "分", "室", "长"),
    "所": ("有", "属", "在", "得", "以", "述", "列", "示", "需", "涉"),
    "部": ("分", "门", "署", "长"),
    "台": ("账",),
    "位": ("于", "置"),
    "元": ("旦", "素"),
    "名": ("单", "称", "义"),
    "期": ("间", "限"),
    "家": ("庭",),
    "场": ("所",),
}

#: After any measure word these make the figure a report-structure count ("共7个部分") or a
#: percentage-point change ("1.5个百分点"): not reported.
NOT_COUNTED_AFTER: Final = ("部分", "百分点")

#: After 个 (with an optional 多/余/半), a time noun makes the figure a duration
#: ("20个工作日", "3个多月"): not reported.
DURATION_NOUNS: Final = (
    "工作日",
    "自然日",
    "小时",
    "季度",
    "星期",
    "礼拜",
    "月",
    "日",
    "年",
    "周",
)

#: Chinese-numeral counts only (find_quantities(..., chinese=True)). Before the numeral,
#: these make it vague or a rate, not a count: 数十件 (dozens), 几百人, 上百人, 成千, 每一件.
CN_VAGUE_BEFORE: Final = ("数", "几", "上", "成", "每")

#: A lone 一 after one of these characters ends another word (统一, 唯一, 之一, 同一, 逐一).
CN_WORDS_ENDING_IN_ONE: Final = "统唯之万同逐单划专进"

#: Figures that begin with a numeral and a measure word but are words, not counts:
#: 一起 (together), 一次性 (one-off), 一条龙 (one-stop), and reduplicated 一个个.
CN_NOT_COUNTS: Final = ("一起", "一次性", "一条龙", "一个个", "一件件", "一项项", "一批批")
