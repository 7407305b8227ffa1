"""What the trial 2019 and standard 2021 editions share: table 三's columns and rows (but
for (六)其他处理), table 四, table 二's block labels and the rows both editions give a block,
the six section headings, and the frame of the edition (:func:`national_layout`)."""

from __future__ import annotations

from govdisclosure.layout._types import (
    BlockLayout,
    ColumnLayout,
    Edition,
    EditionLayout,
    RowLayout,
    SectionLayout,
    TableLayout,
)

# --------------------------------------------------------------------------- table 三

_APPLICANT_COLUMNS = (
    ColumnLayout("natural_person", ("自然人",), ("Natural persons",)),
    ColumnLayout(
        "commercial",
        ("法人或其他组织", "商业企业"),
        ("Legal persons or other organisations", "Businesses"),
    ),
    ColumnLayout(
        "research",
        ("法人或其他组织", "科研机构"),
        ("Legal persons or other organisations", "Research institutions"),
    ),
    ColumnLayout(
        "public_interest",
        ("法人或其他组织", "社会公益组织"),
        ("Legal persons or other organisations", "Public-interest organisations"),
    ),
    ColumnLayout(
        "legal_services",
        ("法人或其他组织", "法律服务机构"),
        ("Legal persons or other organisations", "Legal service providers"),
    ),
    ColumnLayout(
        "other", ("法人或其他组织", "其他"), ("Legal persons or other organisations", "Others")
    ),
    ColumnLayout("total", ("总计",), ("Total",)),
)

_RESULTS = "三、本年度办理结果"
_RESULTS_EN = "III. Handling results this year"


def _result(key: str, labels: tuple[str, ...], en: tuple[str, ...], *aliases: str) -> RowLayout:
    """A row under 三、本年度办理结果."""
    return RowLayout(key, (_RESULTS, *labels), (_RESULTS_EN, *en), aliases)


_W, _W_EN = "(三)不予公开", "(3) Withheld"
_U, _U_EN = "(四)无法提供", "(4) Cannot be provided"
_NP, _NP_EN = "(五)不予处理", "(5) Not processed"

_RECEIVED = (
    RowLayout(
        "new",
        ("一、本年新收政府信息公开申请数量",),
        ("I. New applications received this year",),
    ),
    RowLayout(
        "carried_over",
        ("二、上年结转政府信息公开申请数量",),
        ("II. Applications carried over from last year",),
    ),
)
"""Rows 一 and 二: the applications to handle."""

_GRANTED = (
    _result("granted", ("(一)予以公开",), ("(1) Disclosed",)),
    _result(
        "partly_granted",
        ("(二)部分公开(区分处理的,只计这一情形,不计其他情形)",),
        ("(2) Partly disclosed (counted here only, when handled separately)",),
        "(二)部分公开(区分处理的,只计这一情况,不计其他情况)",
        "(二)部分公开",
    ),
)

_WITHHELD = (
    _result(
        "withheld.state_secret",
        (_W, "1.属于国家秘密"),
        (_W_EN, "1. State secret"),
    ),
    _result(
        "withheld.prohibited_by_law",
        (_W, "2.其他法律行政法规禁止公开"),
        (_W_EN, "2. Disclosure prohibited by other laws or regulations"),
    ),
    _result(
        "withheld.three_securities",
        (_W, "3.危及“三安全一稳定”"),
        (_W_EN, "3. Endangers the 'three securities and one stability'"),
    ),
    _result(
        "withheld.third_party",
        (_W, "4.保护第三方合法权益"),
        (_W_EN, "4. Protects the lawful rights of third parties"),
    ),
    _result(
        "withheld.internal_affairs",
        (_W, "5.属于三类内部事务信息"),
        (_W_EN, "5. Internal-affairs information (three kinds)"),
        "5.属于三类内容事务信息",
    ),
    _result(
        "withheld.process_information",
        (_W, "6.属于四类过程性信息"),
        (_W_EN, "6. Process information (four kinds)"),
    ),
    _result(
        "withheld.enforcement_files",
        (_W, "7.属于行政执法案卷"),
        (_W_EN, "7. Administrative enforcement case files"),
    ),
    _result(
        "withheld.inquiry_matters",
        (_W, "8.属于行政查询事项"),
        (_W_EN, "8. Administrative inquiry matters"),
    ),
)

_UNABLE = (
    _result(
        "unable.not_held",
        (_U, "1.本机关不掌握相关政府信息"),
        (_U_EN, "1. Not held by this body"),
    ),
    _result(
        "unable.needs_creation",
        (_U, "2.没有现成信息需要另行制作"),
        (_U_EN, "2. Would have to be created"),
    ),
    _result(
        "unable.still_unclear",
        (_U, "3.补正后申请内容仍不明确"),
        (_U_EN, "3. Still unclear after correction"),
    ),
)

_NOT_PROCESSED = (
    _result(
        "not_processed.petitions",
        (_NP, "1.信访举报投诉类申请"),
        (_NP_EN, "1. Petitions, reports or complaints"),
    ),
    _result("not_processed.repeated", (_NP, "2.重复申请"), (_NP_EN, "2. Repeated applications")),
    _result(
        "not_processed.publications",
        (_NP, "3.要求提供公开出版物"),
        (_NP_EN, "3. Requests for published materials"),
    ),
    _result(
        "not_processed.excessive",
        (_NP, "4.无正当理由大量反复申请"),
        (_NP_EN, "4. Numerous repeated applications without good reason"),
    ),
    _result(
        "not_processed.confirmation",
        (_NP, "5.要求行政机关确认或重新出具已获取信息"),
        (_NP_EN, "5. Requests to confirm or reissue information already obtained"),
    ),
)


def _outcome_rows(other_rows: tuple[RowLayout, ...]) -> tuple[RowLayout, ...]:
    """Table 三's rows, with the (六)其他处理 rows of an edition."""
    return (
        *_RECEIVED,
        *_GRANTED,
        *_WITHHELD,
        *_UNABLE,
        *_NOT_PROCESSED,
        *other_rows,
        _result("total", ("(七)总计",), ("(7) Total",)),
        RowLayout(
            "carried_forward",
            ("四、结转下年度继续办理",),
            ("IV. Carried forward to next year",),
        ),
    )


_OTHER, _OTHER_EN = "(六)其他处理", "(6) Other handling"


def other_row(key: str, labels: tuple[str, ...] = (), en: tuple[str, ...] = ()) -> RowLayout:
    """A row under 三、本年度办理结果 / (六)其他处理 (the row itself when ``labels`` is empty)."""
    return _result(key, (_OTHER, *labels), (_OTHER_EN, *en))


_CORNER = "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)"
_CORNER_EN = "(Check for every column: item I plus item II equals item III plus item IV)"


def requests_table(other_rows: tuple[RowLayout, ...]) -> TableLayout:
    """Table 三 with the (六)其他处理 rows of an edition."""
    return TableLayout(
        number="三",
        number_en="3",
        attribute="requests",
        title="收到和处理政府信息公开申请情况",
        title_en="Applications for disclosure received and handled",
        blocks=(BlockLayout((), (), _APPLICANT_COLUMNS, _outcome_rows(other_rows)),),
        corner_note=_CORNER,
        corner_note_en=_CORNER_EN,
        column_caption="申请人情况",
        column_caption_en="Applicants",
    )


# --------------------------------------------------------------------------- table 四

_OUTCOME_COLUMNS = (
    ColumnLayout("upheld", ("结果维持",), ("Upheld",)),
    ColumnLayout("corrected", ("结果纠正",), ("Corrected",)),
    ColumnLayout("other", ("其他结果",), ("Other result",)),
    ColumnLayout("pending", ("尚未审结",), ("Pending",)),
    ColumnLayout("total", ("总计",), ("Total",)),
)

_REVIEWS = TableLayout(
    number="四",
    number_en="4",
    attribute="reviews",
    title="政府信息公开行政复议、行政诉讼情况",
    title_en="Administrative reconsideration and litigation over disclosure",
    transposed=True,
    blocks=(
        BlockLayout(
            (),
            (),
            _OUTCOME_COLUMNS,
            (
                RowLayout("review", ("行政复议",), ("Administrative reconsideration",)),
                RowLayout(
                    "litigation_direct",
                    ("行政诉讼", "未经复议直接起诉"),
                    ("Administrative litigation", "Filed without reconsideration"),
                ),
                RowLayout(
                    "litigation_after_review",
                    ("行政诉讼", "复议后起诉"),
                    ("Administrative litigation", "Filed after reconsideration"),
                ),
            ),
        ),
    ),
)


# --------------------------------------------------------------------------- table 二

#: The items of 条例 第二十条 that table 二 has a block for, by number: the block's label,
#: its English and the other ways reports write it all follow from the number.
_ITEM_NUMERALS = {1: "一", 5: "五", 6: "六", 8: "八", 9: "九"}

#: The rows both editions give the block of an item, before the edition's own.
_COMMON_ROWS: dict[int, tuple[RowLayout, ...]] = {
    1: (RowLayout("regulations", ("规章",), ("Rules",)),),
    5: (RowLayout("licensing", ("行政许可",), ("Administrative licensing",)),),
    6: (
        RowLayout("punishment", ("行政处罚",), ("Administrative penalties",)),
        RowLayout("enforcement", ("行政强制",), ("Administrative coercion",)),
    ),
    8: (RowLayout("fees", ("行政事业性收费",), ("Administrative fees",)),),
}


def active_table(*blocks: BlockLayout) -> TableLayout:
    """Table 二 of an edition, from its blocks (one per 条例 item)."""
    return TableLayout(
        number="二",
        number_en="2",
        attribute="active",
        title="主动公开政府信息情况",
        title_en="Information disclosed proactively",
        row_header="信息内容",
        row_header_en="Information item",
        blocks=blocks,
    )


def block(item: int, columns: tuple[ColumnLayout, ...], *rows: RowLayout) -> BlockLayout:
    """The block of table 二 for item ``item`` of 条例 第二十条 (第二十条第(五)项): the rows
    both editions give it, then the edition's own ``rows``.

    >>> b = block(5, (), RowLayout("other_services", ("其他对外管理服务事项",), ("Other",)))
    >>> b.labels, b.en, [r.key for r in b.rows]
    (('第二十条第(五)项',), ('Art. 20 item (5)',), ['licensing', 'other_services'])
    >>> b.aliases
    ('第二十条(五)项', '第二十条第五项')
    """
    numeral = _ITEM_NUMERALS[item]
    return BlockLayout(
        (f"第二十条第({numeral})项",),
        (f"Art. 20 item ({item})",),
        columns,
        (*_COMMON_ROWS.get(item, ()), *rows),
        (f"第二十条({numeral})项", f"第二十条第{numeral}项"),
    )


# --------------------------------------------------------------------------- sections

_SECTIONS_2019_2021 = (
    SectionLayout(
        1,
        "总体情况",
        "Overview",
        ("工作基本情况", "基本情况", "总体工作情况", "工作总体情况", "概述"),
    ),
    SectionLayout(
        2,
        "主动公开政府信息情况",
        "Proactive disclosure",
        (
            "主动公开政府信息",
            # 条例 第五十条第一项, as some reports word the heading
            "行政机关主动公开政府信息的情况",
            "行政机关主动公开政府信息情况",
            "主动公开政府信息的情况",
        ),
        table="二",
    ),
    SectionLayout(
        3,
        "收到和处理政府信息公开申请情况",
        "Applications received and handled",
        (
            "收到和处理政府信息公开申请",
            # 条例 第五十条第二项
            "行政机关收到和处理政府信息公开申请的情况",
            "行政机关收到和处理政府信息公开申请情况",
            "收到和处理政府信息公开申请的情况",
        ),
        table="三",
    ),
    SectionLayout(
        4,
        "政府信息公开行政复议、行政诉讼情况",
        "Administrative reconsideration and litigation",
        (
            "因政府信息公开工作被申请行政复议、提起行政诉讼情况",
            "因政府信息公开工作被申请行政复议和提起行政诉讼情况",
            # without 、 (威海市文登区信访局 2022, corpus 003)
            "因政府信息公开工作被申请行政复议提起行政诉讼情况",
            # 条例 第五十条第三项; Shanghai's reports
            "因政府信息公开工作被申请行政复议、提起行政诉讼的情况",
            "因政府信息公开工作被申请行政复议提起行政诉讼的情况",
            "政府信息公开行政复议和行政诉讼情况",
            "政府信息公开行政复议、行政诉讼的情况",
        ),
        table="四",
    ),
    SectionLayout(
        5,
        "存在的主要问题及改进情况",
        "Main problems and improvements",
        (
            # 条例 第五十条第四项, with or without its clause on 各级人民政府 (Shanghai)
            "政府信息公开工作存在的主要问题及改进情况",
            "存在的主要问题及改进情况,工作考核、社会评议和责任追究结果情况",
            "政府信息公开工作存在的主要问题及改进情况,工作考核、社会评议和责任追究结果情况",
            "存在的主要问题及改进情况、工作考核、社会评议和责任追究结果情况",
            "政府信息公开工作存在的主要问题及改进情况、工作考核、社会评议和责任追究结果情况",
            "存在的主要问题及改进情况以及工作考核、社会评议和责任追究结果情况",
        ),
    ),
    SectionLayout(
        6,
        "其他需要报告的事项",
        "Other matters to report",
        ("其他需要报告事项", "其他需要报告的事项情况"),
    ),
)


# --------------------------------------------------------------------------- the edition


def national_layout(
    edition: Edition,
    name: str,
    basis: str,
    active: tuple[BlockLayout, ...],
    other_rows: tuple[RowLayout, ...],
) -> EditionLayout:
    """An edition of the national form: the six sections, table 二 of its ``active`` blocks,
    table 三 with its (六)其他处理 ``other_rows``, and table 四."""
    tables = (active_table(*active), requests_table(other_rows), _REVIEWS)
    return EditionLayout(edition, name, basis, _SECTIONS_2019_2021, tables)
