"""The layout of each edition, described once, as data.

Section headings, the tables' blocks, rows and columns with their official labels (NFKC
form, no spaces), English translations, aliases met in real reports and the corner note:
renderers, the tidy-row export, the JSON Schema, the parser's label matching and the
validators' messages all read this module, so adding a provincial variant or a future edition
is adding data here.

>>> layout = layout_of(Edition.STANDARD_2021)
>>> [t.number for t in layout.tables]
['二', '三', '四']
>>> cell = layout.cell("requests", "withheld.state_secret.natural_person")
>>> cell.row
'三、本年度办理结果 / (三)不予公开 / 1.属于国家秘密'
>>> cell.column, cell.json_path
('自然人', '$.requests.withheld.state_secret.natural_person')
>>> normalize_label("（三）不予 公开")
'(三)不予公开'
"""

from __future__ import annotations

import operator
import unicodedata
from collections.abc import Callable
from typing import Any, Literal

import attrs

from govdisclosure.model import (
    ActiveDisclosure2019,
    ActiveDisclosure2021,
    Edition,
    Requests2019,
    Requests2021,
    ReviewsAndLitigation,
)

__all__ = [
    "BlockLayout",
    "CellLayout",
    "ColumnLayout",
    "EditionLayout",
    "RowLayout",
    "SectionLayout",
    "TableLayout",
    "label_key",
    "layout_of",
    "layout_of_table",
    "normalize_label",
]

CellKind = Literal["count", "signed", "amount", "decimal"]

JOIN = " / "
"""How label paths are joined in tidy rows and messages."""


def normalize_label(text: str) -> str:
    """NFKC-normalise and drop all white space, as every label comparison must.

    >>> normalize_label("第二十条 第（一）项")
    '第二十条第(一)项'
    """
    return "".join(unicodedata.normalize("NFKC", text).split())


_QUOTES = str.maketrans("", "", "\"'“”‘’「」『』")


def label_key(text: str) -> str:
    """A looser key for matching printed labels: normalised, quotes dropped, 情况→情形.

    >>> label_key('3.危及“三安全一稳定”') == label_key("3.危及三安全一稳定")
    True
    """
    return normalize_label(text).translate(_QUOTES).replace("情况", "情形")


@attrs.frozen
class ColumnLayout:
    """A column: ``key`` is the attribute within the row record (``None`` when the row
    attribute itself holds the value); ``labels`` the official header path."""

    key: str | None
    labels: tuple[str, ...]
    en: tuple[str, ...]
    kind: CellKind = "count"


@attrs.frozen
class RowLayout:
    """A row: ``key`` is the dotted attribute path within the table; ``labels`` the official
    label path, outermost group first; ``aliases`` other printed forms of the last label."""

    key: str
    labels: tuple[str, ...]
    en: tuple[str, ...]
    aliases: tuple[str, ...] = ()


@attrs.frozen
class BlockLayout:
    """A block of rows sharing one set of columns (table 二 has one per 条例 item)."""

    labels: tuple[str, ...]
    en: tuple[str, ...]
    columns: tuple[ColumnLayout, ...]
    rows: tuple[RowLayout, ...]
    aliases: tuple[str, ...] = ()


@attrs.frozen
class CellLayout:
    """One cell of a table, with everything needed to find, label and check it."""

    table: str
    """The table's number: "二", "三" or "四"."""
    attribute: str
    """The report attribute holding the table: "active", "requests" or "reviews"."""
    key: str
    """The dotted attribute path within the table: "new.natural_person"."""
    row_labels: tuple[str, ...]
    column_labels: tuple[str, ...]
    row_en: tuple[str, ...]
    column_en: tuple[str, ...]
    kind: CellKind
    unit: str
    """The unit of the cell's value: "件" for counts, "万元" for the 2021 fee; for the 2019
    采购总金额 it is read from ``procurement.amount_unit``."""
    get_from_table: Callable[[Any], Any] = attrs.field(eq=False, repr=False)

    @property
    def row(self) -> str:
        """The row labels joined with " / "."""
        return JOIN.join(self.row_labels)

    @property
    def column(self) -> str:
        """The column labels joined with " / "."""
        return JOIN.join(self.column_labels)

    @property
    def label(self) -> str:
        """表N, row and column, for messages: "表三 一、本年新收… / 自然人"."""
        return f"表{self.table} {self.row} | {self.column}"

    @property
    def label_en(self) -> str:
        """The English counterpart of :attr:`label`."""
        return f"Table {_TABLE_EN_NUMBERS[self.table]} {JOIN.join(self.row_en)} | " + JOIN.join(
            self.column_en
        )

    @property
    def table_path(self) -> str:
        """The path within the table's own ``to_dict`` form: ".new.natural_person"."""
        return "." + self.key

    @property
    def json_path(self) -> str:
        """The JSON path in the report's ``to_dict`` form."""
        return f"$.{self.attribute}.{self.key}"

    def get(self, report: Any) -> Any:
        """The cell's value in ``report`` (``None`` when the table is absent)."""
        table = getattr(report, self.attribute)
        return None if table is None else self.get_from_table(table)


_TABLE_EN_NUMBERS = {"二": "2", "三": "3", "四": "4"}


@attrs.frozen
class TableLayout:
    """A table of an edition."""

    number: str
    attribute: str
    title: str
    title_en: str
    model: type[Any]
    blocks: tuple[BlockLayout, ...]
    corner_note: str | None = None
    corner_note_en: str | None = None
    column_caption: str | None = None
    """A spanning caption above every column (表三: "申请人情况")."""
    column_caption_en: str | None = None
    row_header: str | None = None
    """The header of the label column, printed in each block (表二: "信息内容")."""
    row_header_en: str | None = None
    transposed: bool = False
    """Printed with the layout's rows as column groups over one row of figures (表四)."""
    cells: tuple[CellLayout, ...] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        cells = []
        for block in self.blocks:
            for row in block.rows:
                for col in block.columns:
                    key = row.key if col.key is None else f"{row.key}.{col.key}"
                    unit = "万元" if col.kind == "amount" else "件"
                    if col.kind == "decimal":
                        unit = ""
                    cells.append(
                        CellLayout(
                            table=self.number,
                            attribute=self.attribute,
                            key=key,
                            row_labels=(*block.labels, *row.labels),
                            column_labels=col.labels,
                            row_en=(*block.en, *row.en),
                            column_en=col.en,
                            kind=col.kind,
                            unit=unit,
                            get_from_table=operator.attrgetter(key),
                        )
                    )
        object.__setattr__(self, "cells", tuple(cells))


@attrs.frozen
class SectionLayout:
    """A top-level section heading: ``ordinal`` 1 is "一、"."""

    ordinal: int
    title: str
    en: str
    aliases: tuple[str, ...] = ()
    table: str | None = None
    """The number of the table printed in this section, if any."""


@attrs.frozen
class EditionLayout:
    """Everything an edition prescribes."""

    edition: Edition
    name: str
    basis: str
    sections: tuple[SectionLayout, ...]
    tables: tuple[TableLayout, ...]
    cells: tuple[CellLayout, ...] = attrs.field(init=False, eq=False, repr=False)
    _index: dict[tuple[str, str], CellLayout] = attrs.field(
        init=False, eq=False, repr=False, alias="_index"
    )

    def __attrs_post_init__(self) -> None:
        cells = tuple(c for t in self.tables for c in t.cells)
        object.__setattr__(self, "cells", cells)
        object.__setattr__(self, "_index", {(c.attribute, c.key): c for c in cells})

    def table(self, number_or_attribute: str) -> TableLayout:
        """The table by number ("三") or report attribute ("requests")."""
        for t in self.tables:
            if number_or_attribute in (t.number, t.attribute):
                return t
        raise KeyError(f"{self.edition.value} has no table {number_or_attribute!r}")

    def cell(self, attribute: str, key: str) -> CellLayout:
        """The cell at a report attribute and dotted key."""
        try:
            return self._index[attribute, key]
        except KeyError:
            raise KeyError(f"{self.edition.value} has no cell {attribute}.{key}") from None


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


def _outcome_rows(other_rows: tuple[RowLayout, ...]) -> tuple[RowLayout, ...]:
    def r(key: str, labels: tuple[str, ...], en: tuple[str, ...], *aliases: str) -> RowLayout:
        return RowLayout(key, (_RESULTS, *labels), (_RESULTS_EN, *en), aliases)

    withheld, withheld_en = "(三)不予公开", "(3) Withheld"
    unable, unable_en = "(四)无法提供", "(4) Cannot be provided"
    np_, np_en = "(五)不予处理", "(5) Not processed"
    return (
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
        r("granted", ("(一)予以公开",), ("(1) Disclosed",)),
        r(
            "partly_granted",
            ("(二)部分公开(区分处理的,只计这一情形,不计其他情形)",),
            ("(2) Partly disclosed (counted here only, when handled separately)",),
            "(二)部分公开(区分处理的,只计这一情况,不计其他情况)",
            "(二)部分公开",
        ),
        r(
            "withheld.state_secret",
            (withheld, "1.属于国家秘密"),
            (withheld_en, "1. State secret"),
        ),
        r(
            "withheld.prohibited_by_law",
            (withheld, "2.其他法律行政法规禁止公开"),
            (withheld_en, "2. Disclosure prohibited by other laws or regulations"),
        ),
        r(
            "withheld.three_securities",
            (withheld, "3.危及“三安全一稳定”"),
            (withheld_en, "3. Endangers the 'three securities and one stability'"),
        ),
        r(
            "withheld.third_party",
            (withheld, "4.保护第三方合法权益"),
            (withheld_en, "4. Protects the lawful rights of third parties"),
        ),
        r(
            "withheld.internal_affairs",
            (withheld, "5.属于三类内部事务信息"),
            (withheld_en, "5. Internal-affairs information (three kinds)"),
            "5.属于三类内容事务信息",
        ),
        r(
            "withheld.process_information",
            (withheld, "6.属于四类过程性信息"),
            (withheld_en, "6. Process information (four kinds)"),
        ),
        r(
            "withheld.enforcement_files",
            (withheld, "7.属于行政执法案卷"),
            (withheld_en, "7. Administrative enforcement case files"),
        ),
        r(
            "withheld.inquiry_matters",
            (withheld, "8.属于行政查询事项"),
            (withheld_en, "8. Administrative inquiry matters"),
        ),
        r(
            "unable.not_held",
            (unable, "1.本机关不掌握相关政府信息"),
            (unable_en, "1. Not held by this body"),
        ),
        r(
            "unable.needs_creation",
            (unable, "2.没有现成信息需要另行制作"),
            (unable_en, "2. Would have to be created"),
        ),
        r(
            "unable.still_unclear",
            (unable, "3.补正后申请内容仍不明确"),
            (unable_en, "3. Still unclear after correction"),
        ),
        r(
            "not_processed.petitions",
            (np_, "1.信访举报投诉类申请"),
            (np_en, "1. Petitions, reports or complaints"),
        ),
        r("not_processed.repeated", (np_, "2.重复申请"), (np_en, "2. Repeated applications")),
        r(
            "not_processed.publications",
            (np_, "3.要求提供公开出版物"),
            (np_en, "3. Requests for published materials"),
        ),
        r(
            "not_processed.excessive",
            (np_, "4.无正当理由大量反复申请"),
            (np_en, "4. Numerous repeated applications without good reason"),
        ),
        r(
            "not_processed.confirmation",
            (np_, "5.要求行政机关确认或重新出具已获取信息"),
            (np_en, "5. Requests to confirm or reissue information already obtained"),
        ),
        *other_rows,
        r("total", ("(七)总计",), ("(7) Total",)),
        RowLayout(
            "carried_forward",
            ("四、结转下年度继续办理",),
            ("IV. Carried forward to next year",),
        ),
    )


_OTHER, _OTHER_EN = "(六)其他处理", "(6) Other handling"
_OTHER_ROWS_2021 = (
    RowLayout(
        "other.no_correction",
        (_RESULTS, _OTHER, "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
        (
            _RESULTS_EN,
            _OTHER_EN,
            "1. Applicant failed to correct in time without good reason; no longer processed",
        ),
    ),
    RowLayout(
        "other.unpaid_fee",
        (
            _RESULTS,
            _OTHER,
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        ),
        (
            _RESULTS_EN,
            _OTHER_EN,
            "2. Applicant did not pay the fee notified in time; no longer processed",
        ),
    ),
    RowLayout("other.other", (_RESULTS, _OTHER, "3.其他"), (_RESULTS_EN, _OTHER_EN, "3. Other")),
)
_OTHER_ROWS_2019 = (RowLayout("other", (_RESULTS, _OTHER), (_RESULTS_EN, _OTHER_EN)),)

_CORNER = "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)"
_CORNER_EN = "(Check for every column: item I plus item II equals item III plus item IV)"


def _requests_table(model: type[Any], other_rows: tuple[RowLayout, ...]) -> TableLayout:
    return TableLayout(
        number="三",
        attribute="requests",
        title="收到和处理政府信息公开申请情况",
        title_en="Applications for disclosure received and handled",
        model=model,
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
    attribute="reviews",
    title="政府信息公开行政复议、行政诉讼情况",
    title_en="Administrative reconsideration and litigation over disclosure",
    model=ReviewsAndLitigation,
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

_ITEM_1, _ITEM_1_EN = "第二十条第(一)项", "Art. 20 item (1)"
_ITEM_5, _ITEM_5_EN = "第二十条第(五)项", "Art. 20 item (5)"
_ITEM_6, _ITEM_6_EN = "第二十条第(六)项", "Art. 20 item (6)"
_ITEM_8, _ITEM_8_EN = "第二十条第(八)项", "Art. 20 item (8)"
_ITEM_9, _ITEM_9_EN = "第二十条第(九)项", "Art. 20 item (9)"
_BLOCK_ALIASES = {
    _ITEM_1: ("第二十条(一)项", "第二十条第一项"),
    _ITEM_5: ("第二十条(五)项", "第二十条第五项"),
    _ITEM_6: ("第二十条(六)项", "第二十条第六项"),
    _ITEM_8: ("第二十条(八)项", "第二十条第八项"),
    _ITEM_9: ("第二十条(九)项", "第二十条第九项"),
}


def _block(
    label: str, en: str, columns: tuple[ColumnLayout, ...], rows: tuple[RowLayout, ...]
) -> BlockLayout:
    return BlockLayout((label,), (en,), columns, rows, _BLOCK_ALIASES[label])


_DECISIONS = (ColumnLayout(None, ("本年处理决定数量",), ("Decisions this year",)),)
_ACTIVE_2021 = TableLayout(
    number="二",
    attribute="active",
    title="主动公开政府信息情况",
    title_en="Information disclosed proactively",
    row_header="信息内容",
    row_header_en="Information item",
    model=ActiveDisclosure2021,
    blocks=(
        _block(
            _ITEM_1,
            _ITEM_1_EN,
            (
                ColumnLayout("issued", ("本年制发件数",), ("Issued this year",)),
                ColumnLayout("repealed", ("本年废止件数",), ("Repealed this year",)),
                ColumnLayout("in_force", ("现行有效件数",), ("In force",)),
            ),
            (
                RowLayout("regulations", ("规章",), ("Rules",)),
                RowLayout(
                    "normative_documents",
                    ("行政规范性文件",),
                    ("Administrative normative documents",),
                    ("规范性文件",),
                ),
            ),
        ),
        _block(
            _ITEM_5,
            _ITEM_5_EN,
            _DECISIONS,
            (RowLayout("licensing", ("行政许可",), ("Administrative licensing",)),),
        ),
        _block(
            _ITEM_6,
            _ITEM_6_EN,
            _DECISIONS,
            (
                RowLayout("punishment", ("行政处罚",), ("Administrative penalties",)),
                RowLayout("enforcement", ("行政强制",), ("Administrative coercion",)),
            ),
        ),
        _block(
            _ITEM_8,
            _ITEM_8_EN,
            (
                ColumnLayout(
                    None,
                    ("本年收费金额(单位:万元)",),
                    ("Fees collected this year (10,000 yuan)",),
                    "amount",
                ),
            ),
            (RowLayout("fees", ("行政事业性收费",), ("Administrative fees",)),),
        ),
    ),
)

_ITEMS_2019 = (
    ColumnLayout("previous_items", ("上一年项目数量",), ("Items last year",)),
    ColumnLayout("change", ("本年增/减",), ("Change this year",), "signed"),
    ColumnLayout("decisions", ("处理决定数量",), ("Decisions",)),
)
_ACTIVE_2019 = TableLayout(
    number="二",
    attribute="active",
    title="主动公开政府信息情况",
    title_en="Information disclosed proactively",
    row_header="信息内容",
    row_header_en="Information item",
    model=ActiveDisclosure2019,
    blocks=(
        _block(
            _ITEM_1,
            _ITEM_1_EN,
            (
                ColumnLayout("new_made", ("本年新制作数量",), ("Newly made this year",)),
                ColumnLayout("new_published", ("本年新公开数量",), ("Newly disclosed this year",)),
                ColumnLayout("total_published", ("对外公开总数量",), ("Disclosed in total",)),
            ),
            (
                RowLayout("regulations", ("规章",), ("Rules",)),
                RowLayout("normative_documents", ("规范性文件",), ("Normative documents",)),
            ),
        ),
        _block(
            _ITEM_5,
            _ITEM_5_EN,
            _ITEMS_2019,
            (
                RowLayout("licensing", ("行政许可",), ("Administrative licensing",)),
                RowLayout(
                    "other_services",
                    ("其他对外管理服务事项",),
                    ("Other external management services",),
                ),
            ),
        ),
        _block(
            _ITEM_6,
            _ITEM_6_EN,
            _ITEMS_2019,
            (
                RowLayout("punishment", ("行政处罚",), ("Administrative penalties",)),
                RowLayout("enforcement", ("行政强制",), ("Administrative coercion",)),
            ),
        ),
        _block(
            _ITEM_8,
            _ITEM_8_EN,
            _ITEMS_2019[:2],
            (RowLayout("fees", ("行政事业性收费",), ("Administrative fees",)),),
        ),
        _block(
            _ITEM_9,
            _ITEM_9_EN,
            (
                ColumnLayout("projects", ("采购项目数量",), ("Procurement projects",)),
                ColumnLayout("amount", ("采购总金额",), ("Total procurement amount",), "decimal"),
            ),
            (RowLayout("procurement", ("政府集中采购",), ("Centralised government procurement",)),),
        ),
    ),
)

# --------------------------------------------------------------------------- sections

_SECTIONS_2019_2021 = (
    SectionLayout(1, "总体情况", "Overview"),
    SectionLayout(
        2,
        "主动公开政府信息情况",
        "Proactive disclosure",
        ("主动公开政府信息",),
        table="二",
    ),
    SectionLayout(
        3,
        "收到和处理政府信息公开申请情况",
        "Applications received and handled",
        ("收到和处理政府信息公开申请",),
        table="三",
    ),
    SectionLayout(
        4,
        "政府信息公开行政复议、行政诉讼情况",
        "Administrative reconsideration and litigation",
        (
            "因政府信息公开工作被申请行政复议、提起行政诉讼情况",
            "因政府信息公开工作被申请行政复议和提起行政诉讼情况",
            "因政府信息公开工作被申请行政复议、提起行政诉讼的情况",
            "政府信息公开行政复议和行政诉讼情况",
        ),
        table="四",
    ),
    SectionLayout(
        5,
        "存在的主要问题及改进情况",
        "Main problems and improvements",
        (
            "政府信息公开工作存在的主要问题及改进情况",
            "存在的主要问题及改进情况,工作考核、社会评议和责任追究结果情况",
        ),
    ),
    SectionLayout(6, "其他需要报告的事项", "Other matters to report", ("其他需要报告事项",)),
)

_SECTIONS_LEGACY = (
    SectionLayout(1, "概述", "Overview", ("总体工作情况", "总体情况", "基本情况")),
    SectionLayout(
        2,
        "主动公开政府信息的情况",
        "Proactive disclosure",
        ("主动公开政府信息情况",),
    ),
    SectionLayout(
        3,
        "依申请公开政府信息和不予公开政府信息的情况",
        "Disclosure on application and refusals",
        ("依申请公开政府信息情况", "依申请公开政府信息的情况"),
    ),
    SectionLayout(
        4,
        "政府信息公开的收费及减免情况",
        "Fees and fee waivers",
        ("政府信息公开收费及减免情况",),
    ),
    SectionLayout(
        5,
        "因政府信息公开申请行政复议、提起行政诉讼的情况",
        "Administrative reconsideration and litigation",
        ("因政府信息公开申请行政复议、提起行政诉讼情况",),
    ),
    SectionLayout(
        6,
        "政府信息公开工作存在的主要问题及改进情况",
        "Main problems and improvements",
        ("政府信息公开工作存在的主要问题及整改情况", "存在的主要问题及改进情况"),
    ),
    SectionLayout(
        7,
        "其他需要报告的事项",
        "Other matters to report",
        ("其他认为应当报告的事项", "其他需要说明的事项"),
    ),
)

_LAYOUTS = {
    Edition.STANDARD_2021: EditionLayout(
        edition=Edition.STANDARD_2021,
        name="中华人民共和国政府信息公开工作年度报告格式",
        basis="国办公开办函〔2021〕30号",
        sections=_SECTIONS_2019_2021,
        tables=(_ACTIVE_2021, _requests_table(Requests2021, _OTHER_ROWS_2021), _REVIEWS),
    ),
    Edition.TRIAL_2019: EditionLayout(
        edition=Edition.TRIAL_2019,
        name="中华人民共和国政府信息公开工作年度报告格式(试行)",
        basis="国办公开办函〔2019〕60号",
        sections=_SECTIONS_2019_2021,
        tables=(_ACTIVE_2019, _requests_table(Requests2019, _OTHER_ROWS_2019), _REVIEWS),
    ),
    Edition.LEGACY_2008: EditionLayout(
        edition=Edition.LEGACY_2008,
        name="政府信息公开工作年度报告",
        basis="中华人民共和国政府信息公开条例(国务院令第492号)第三十一、三十二条",
        sections=_SECTIONS_LEGACY,
        tables=(),
    ),
}


def layout_of(edition: Edition) -> EditionLayout:
    """The layout of an edition."""
    return _LAYOUTS[edition]


_BY_MODEL = {table.model: table for layout in _LAYOUTS.values() for table in layout.tables}


def layout_of_table(model: type[Any]) -> TableLayout:
    """The layout of a table class (``Requests2021`` → table 三 of 2021)."""
    try:
        return _BY_MODEL[model]
    except KeyError:
        raise KeyError(f"no layout describes {model.__name__}") from None
