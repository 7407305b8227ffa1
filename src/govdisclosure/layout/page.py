"""What a government web page prints around a report, as data: the fields of its metadata block.

The editions prescribe the report; the portals that publish it add a block of metadata above
it (索引号, 文号, …). The renderers print it and the reader of published pages recognises it.

>>> [zh for _, zh, _ in METADATA_FIELDS][:3]
['索引号', '文号', '主题分类']
"""

from __future__ import annotations

from typing import Final

__all__ = ["CHROME_PREFIXES", "CHROME_WORDS", "METADATA_ALIASES", "METADATA_FIELDS"]

#: The metadata block of a government web page: (Metadata attribute, Chinese, English), in
#: the order pages print them.
METADATA_FIELDS: Final[tuple[tuple[str, str, str], ...]] = (
    ("index_number", "索引号", "Index number"),
    ("document_number", "文号", "Document number"),
    ("subject", "主题分类", "Subject"),
    ("issuer", "发文单位", "Issued by"),
    ("name", "名称", "Title"),
    ("published", "发布日期", "Published"),
    ("validity", "有效性", "Validity"),
    ("document_date", "发文日期", "Document date"),
)

#: Other labels pages print in their metadata block, as (Metadata attribute or ``None``,
#: label): read into the attribute, or recognised and skipped when it is ``None``.
METADATA_ALIASES: Final[tuple[tuple[str | None, str], ...]] = (
    ("document_number", "备注/文号"),
    ("document_number", "发文字号"),
    ("issuer", "发布机构"),
    ("issuer", "发文机关"),
    ("document_date", "成文日期"),
    ("document_date", "公文生成日期"),
    ("published", "发布时间"),
    ("subject", "主题词"),
    (None, "来源"),
    (None, "点击数"),
    (None, "浏览次数"),
    (None, "字号"),
    (None, "时间"),
    (None, "日期"),
)

#: Words of a web page's own furniture around a report: a line made of these (and
#: punctuation, digits, white space) is page chrome, not report text.
CHROME_WORDS: Final[tuple[str, ...]] = (
    "打印本页",
    "打印",
    "关闭窗口",
    "关闭",
    "分享到",
    "分享",
    "收藏",
    "字体",
    "字号",
    "默认",
    "超大",
    "大",
    "中",
    "小",
    "【",
    "】",
    "登录",
    "注册",
    "搜索",
    "返回顶部",
    "保存",
    "纠错",
    "扫一扫",
    "在手机上查看",
    "是否继续",
    "微信",
    "微博",
    "QQ空间",
)

#: How a line of page chrome begins: breadcrumbs, notices of leaving the site, PDF page
#: headers.
CHROME_PREFIXES: Final[tuple[str, ...]] = (
    "当前位置",
    "您当前的位置",
    "您的位置",
    "首页>",
    "首页 >",
    "您访问的链接即将离开",
    "Page ",
    "P. ",
    "上一篇",
    "下一篇",
    "相关链接",
    "扫一扫",
)

#: Page furniture run together with a title or an agency's name on one line: a PDF page
#: header ("Page 8 - "), a field label of the page's own ("标题: "), breadcrumbs ending in
#: the title ("首页 > 政务公开 > …"). Each is a regular expression matched at the start.
FURNITURE: Final[tuple[str, ...]] = (
    r"(?:Page|PAGE|P\.)\s*\d+\s*(?:of\s*\d+\s*)?[-–—:：|]\s*",
    r"(?:文章标题|信息名称|标题|题名|名称)\s*[:：]\s*",
    r"(?:(?:当前位置|您当前的位置|您的位置|所在位置)\s*[:：]?\s*)?(?:首页|网站首页|主页)"
    r"\s*(?:[>\uff1e\xbb\u203a/]\s*[^>\uff1e\xbb\u203a/]{0,30}?\s*)*[>\uff1e\xbb\u203a/]\s*",
)
