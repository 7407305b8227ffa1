"""The rule declarations: one record per rule, the single source of the docs page and messages.

Each :class:`Rule` carries its stable code, default severity, the editions it applies to,
its description and message template in Chinese and English, and — for the table sums
GD101–GD104 — a :class:`RowSums` or :class:`ColumnSums` declaration from which the
equations are generated out of the layouts in :mod:`govdisclosure.editions`.

>>> [r.code for r in catalog()][:4]
['GD101', 'GD102', 'GD103', 'GD104']
>>> rule("GD201").severity
<Severity.ERROR: 'error'>
"""

from __future__ import annotations

import attrs

from govdisclosure.model import Edition
from govdisclosure.rules._parts import PARTS
from govdisclosure.rules._types import ColumnSums, L10n, RowSums, Severity

__all__ = ["OUTLINED", "ColumnSums", "RowSums", "Rule", "catalog", "known", "part", "rule"]

_ALL = frozenset(Edition)
_TABLES = frozenset(e for e in Edition if e.has_tables)
_2021 = frozenset({Edition.STANDARD_2021})

OUTLINED: frozenset[Edition] = _TABLES
"""The editions whose format prescribes the sections of a report, in order (the formats of
2019 and 2021, which prescribe the tables too); earlier reports follow no national outline."""


@attrs.frozen(slots=True)
class Rule:
    """A consistency rule, declared once.

    ``message``/``message_en`` are :meth:`str.format` templates filled from the finding's
    ``args``; ``spec`` names the rule in the format specification (R1–R12);
    ``cross_year`` rules need last year's report; ``sums`` declares a table-sum rule.
    """

    code: str
    title: str
    title_en: str
    severity: Severity
    editions: frozenset[Edition]
    description: str
    description_en: str
    message: str
    message_en: str
    spec: str = ""
    cross_year: bool = False
    sums: RowSums | ColumnSums | None = None
    edition_severities: tuple[tuple[Edition, Severity], ...] = ()
    """A default severity other than :attr:`severity` for reports of some editions."""

    def applies_to(self, edition: Edition) -> bool:
        """Whether the rule applies to reports of ``edition``."""
        return edition in self.editions

    def severity_for(self, edition: Edition | None) -> Severity:
        """The default severity of the rule's findings on a report of ``edition``.

        >>> rule("GD601").severity_for(Edition.for_year(2015)).value
        'notice'
        """
        for e, severity in self.edition_severities:
            if e is edition:
                return severity
        return self.severity


_RULES: tuple[Rule, ...] = (
    Rule(
        code="GD101",
        title="表三 每列：一 + 二 = (七)总计 + 四",
        title_en="Table 3, every column: I + II = (7) total + IV",
        severity=Severity.ERROR,
        editions=_TABLES,
        spec="R1",
        description=(
            "表三每一列中，“一、本年新收”与“二、上年结转”之和，应等于“(七)总计”与"
            "“四、结转下年度继续办理”之和（表头注明的勾稽关系）。"
        ),
        description_en=(
            "In every column of table 3, I (new this year) plus II (carried over) must equal "
            "(7) total plus IV (carried forward): the check printed in the table's corner."
        ),
        message=(
            "表三 “{column}”列：一、本年新收 + 二、上年结转 = {left}，而 (七)总计 + "
            "四、结转下年度继续办理 = {right}（相差 {difference}）"
        ),
        message_en=(
            "Table 3, column “{column}”: I (new) + II (carried over) = {left}, but (7) total + "
            "IV (carried forward) = {right} (off by {difference})"
        ),
        sums=ColumnSums(
            table="三",
            weights=(("new", 1), ("carried_over", 1), ("total", -1), ("carried_forward", -1)),
            rest=0,
            anchor="carried_forward",
        ),
    ),
    Rule(
        code="GD102",
        title="表三 每行：总计 = 自然人 + 法人或其他组织各列",
        title_en="Table 3, every row: total = natural persons + the five legal-person columns",
        severity=Severity.ERROR,
        editions=_TABLES,
        spec="R2",
        description=(
            "表三每一行的“总计”，应等于“自然人”与“法人或其他组织”下商业企业、科研机构、"
            "社会公益组织、法律服务机构、其他五列之和。"
        ),
        description_en=(
            "In every row of table 3, the total column must equal natural persons plus the "
            "five legal-person columns (businesses, research, public-interest, legal "
            "services, others)."
        ),
        message=(
            "表三 “{row}”行：总计为 {right}，"
            "而自然人与法人或其他组织各列之和为 {left}（相差 {difference}）"
        ),
        message_en=(
            "Table 3, row “{row}”: the total is {right}, but natural persons plus the "
            "legal-person columns add up to {left} (off by {difference})"
        ),
        sums=RowSums(table="三"),
    ),
    Rule(
        code="GD103",
        title="表三 每列：(七)总计 = 各项办理结果之和",
        title_en="Table 3, every column: (7) total = the sum of every outcome row",
        severity=Severity.ERROR,
        editions=_TABLES,
        spec="R3",
        description=(
            "表三每一列的“(七)总计”，应等于“三、本年度办理结果”下(一)至(六)各行之和"
            "（2021年版(六)有三个子项，2019年版为一行）。"
        ),
        description_en=(
            "In every column of table 3, (7) total must equal the sum of the outcome rows "
            "(1)–(6) under III (in the 2021 edition (6) has three sub-rows, in 2019 one row)."
        ),
        message=(
            "表三 “{column}”列：(七)总计为 {right}，"
            "而各项办理结果之和为 {left}（相差 {difference}）"
        ),
        message_en=(
            "Table 3, column “{column}”: (7) total is {right}, but the outcome rows add up "
            "to {left} (off by {difference})"
        ),
        sums=ColumnSums(
            table="三",
            weights=(("new", 0), ("carried_over", 0), ("total", -1), ("carried_forward", 0)),
            rest=1,
            anchor="total",
        ),
    ),
    Rule(
        code="GD104",
        title="表四 每组：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
        title_en="Table 4, every group: total = upheld + corrected + other + pending",
        severity=Severity.ERROR,
        editions=_TABLES,
        spec="R4",
        description=(
            "表四中行政复议、未经复议直接起诉、复议后起诉三组，每组的“总计”应等于结果维持、"
            "结果纠正、其他结果、尚未审结四项之和。"
        ),
        description_en=(
            "In table 4, each of the three groups (reconsideration, litigation without and "
            "after reconsideration) must have total = upheld + corrected + other + pending."
        ),
        message=(
            "表四 “{group}”：总计为 {right}，"
            "而结果维持、结果纠正、其他结果、尚未审结之和为 {left}（相差 {difference}）"
        ),
        message_en=(
            "Table 4, “{group}”: the total is {right}, but upheld + corrected + other + "
            "pending = {left} (off by {difference})"
        ),
        sums=RowSums(table="四", argument="group"),
    ),
    Rule(
        code="GD105",
        title="表格必填单元格为空",
        title_en="A required table cell is blank",
        severity=Severity.WARNING,
        editions=_TABLES,
        spec="R5",
        description=(
            "表二、表三、表四的单元格不应为空（无数据应填 0）。默认按“空白即未知”处理："
            "含空白项的合计不予核对，本规则给出警告；按“空白即 0”处理时为提示。"
        ),
        description_en=(
            "Cells of tables 2, 3 and 4 should not be blank (write 0 for none). By default a "
            "blank means unknown: sums with a blank term are not checked and this rule warns; "
            "under the policy “blank means zero” it is a notice."
        ),
        message="{cell} 为空白；{consequence}",
        message_en="{cell} is blank; {consequence}",
    ),
    Rule(
        code="GD106",
        title="无权制定规章的机关填报了规章",
        title_en="Rules (规章) reported by a body that cannot make them",
        severity=Severity.WARNING,
        editions=_TABLES,
        description=(
            "规章只能由国务院部门和省、自治区、直辖市、设区的市、自治州的人民政府制定（立法法"
            "第九十一、九十三条）。政府部门、县级和乡镇人民政府、街道办事处等填报表二第二十条"
            "第(一)项“规章”本年制发（2019年版：本年新制作）数大于 0 的，多为将行政规范性文件"
            "误填为规章。机关类别取报告所载 agency_kind，未载明时按机关名称推断；无法判断时不检查。"
        ),
        description_en=(
            "Rules (规章) are made only by State Council departments and by the governments of "
            "provinces, 设区的市 and autonomous prefectures (Legislation Law, arts. 91 and 93). "
            "A department, a county or township government or a subdistrict office reporting "
            "rules issued (2019: newly made) above 0 in table 2 Art. 20 item (1) has most likely "
            "counted normative documents as rules. The kind is the report's agency_kind, else "
            "what the agency's name says; when neither tells, the rule does not run."
        ),
        message="{cell} 为 {value}，而{kind}无权制定规章",
        message_en="{cell} is {value}, but a {kind} cannot make rules (规章)",
    ),
    Rule(
        code="GD107",
        title="来源未印出的表格或单元格",
        title_en="Tables or cells the source did not print",
        severity=Severity.NOTICE,
        editions=_TABLES,
        description=(
            "读取网页或文件时记录来源印出了哪些表格和单元格（含空白格和“/”等占位符）。"
            "来源未印出的表格或单元格（网页截断、只摘录一页、表格另见他处）不是“空白”："
            "每张表给出一条提示，列出未印出的行；含这些格的合计不予核对（不论空白按何计）。"
            "只有来源印出而未填写的单元格才由 GD105 报告。这是来源的缺口而非报告本身的错误，"
            "故仅作提示。"
        ),
        description_en=(
            "A reader records which tables and cells its source printed (empty cells and "
            "placeholders such as “/” included). A table or cell the source never printed (a "
            "page cut short, a one-page extract, a table continued elsewhere) is not blank: "
            "one notice per table lists the rows not printed, and sums with those cells are "
            "not checked, whatever the policy says of blanks. GD105 reports only cells printed "
            "blank. It is a gap of the source rather than a fault of the report: a notice."
        ),
        message="{cells} 未见于来源",
        message_en="{cells}: not printed in the source",
    ),
    Rule(
        code="GD201",
        title="正文所述金额关系（区间运算）",
        title_en="Money relations stated in the text (interval arithmetic)",
        severity=Severity.ERROR,
        editions=_ALL,
        description=(
            "正文所述的金额关系（分项与合计、收入 − 支出 = 结余）按四舍五入区间核对："
            "印有 d 位小数的数表示 ±½·10⁻ᵈ 的范围，分项之和的区间与合计的区间有交集即为一致"
            "（XBRL Calculations 1.1）。"
        ),
        description_en=(
            "Money relations the text states (parts vs total, income − expenditure = "
            "balance) are checked with intervals: a figure printed with d decimals stands for "
            "±½·10⁻ᵈ, and the relation holds when the interval of the parts' sum meets the "
            "interval of the total (XBRL Calculations 1.1)."
        ),
        message=(
            "{relation}：按所述各项计算为 {left}，而所述 {result} "
            "为 {right}（区间 {right_interval} 元），至少相差 {gap} 元"
        ),
        message_en=(
            "{relation}: the stated terms give {left}, but "
            "{result} is stated as {right} (interval {right_interval} yuan): off by at least "
            "{gap} yuan"
        ),
    ),
    Rule(
        code="GD202",
        title="正文所述数量分项与总数（兼顾约数）",
        title_en="Count breakdowns stated in the text (approximate figures honoured)",
        severity=Severity.WARNING,
        editions=_ALL,
        spec="R9",
        description=(
            "正文中“其中……”等分项之和应与所述总数相符；计数须精确，但“余、多、约、近、超”"
            "等约数按其允许的范围核对（“300余条”与分项之和 312 相符）。"
        ),
        description_en=(
            "Breakdowns the text states (“其中…”) must add up to their stated total; counts "
            "are exact, but approximate qualifiers (余 多 约 近 超) are honoured: “300余条” "
            "is consistent with parts adding up to 312."
        ),
        message=(
            "{relation}：分项之和为 {left}，而所述 {result} 为 {right}（允许范围 {right_interval}）"
        ),
        message_en=(
            "{relation}: the parts add up to {left}, but {result} is stated as {right} "
            "(which admits {right_interval})"
        ),
    ),
    Rule(
        code="GD301",
        title="跨年：上年结转(本年) = 结转下年度继续办理(上年)",
        title_en="Cross-year: carried over (Y) = carried forward (Y−1)",
        severity=Severity.WARNING,
        editions=_TABLES,
        spec="R7",
        cross_year=True,
        description=(
            "本年表三“二、上年结转政府信息公开申请数量”的每一列，应等于上年表三"
            "“四、结转下年度继续办理”的同一列。"
        ),
        description_en=(
            "Every column of table 3 row II (carried over) in year Y must equal the same "
            "column of row IV (carried forward) in the report of year Y−1."
        ),
        message=(
            "表三 “{column}”列：{year}年“二、上年结转”为 {value}，而{previous_year}年"
            "“四、结转下年度继续办理”为 {previous_value}"
        ),
        message_en=(
            "Table 3, column “{column}”: {year} row II (carried over) is {value}, but "
            "{previous_year} row IV (carried forward) is {previous_value}"
        ),
    ),
    Rule(
        code="GD302",
        title="跨年：现行有效件数的连续性",
        title_en="Cross-year: continuity of documents in force",
        severity=Severity.NOTICE,
        editions=_2021,
        spec="R8",
        cross_year=True,
        description=(
            "表二第二十条第(一)项：本年现行有效件数 ≈ 上年现行有效件数 + 本年制发件数 − "
            "本年废止件数。修订等情形会打破此关系，故仅作提示。"
        ),
        description_en=(
            "Table 2, Art. 20 item (1): in force (Y) ≈ in force (Y−1) + issued (Y) − repealed "
            "(Y). Amendments break it, so it is a notice only."
        ),
        message=(
            "表二 “{row}”：{year}年现行有效件数为 {value}，而{previous_year}年现行有效件数 "
            "{previous_value} + 本年制发 {issued} − 本年废止 {repealed} = {expected}"
        ),
        message_en=(
            "Table 2, “{row}”: {year} in force is {value}, but {previous_year} in force "
            "{previous_value} + issued {issued} − repealed {repealed} = {expected}"
        ),
    ),
    Rule(
        code="GD401",
        title="正文数字与表格不符",
        title_en="A figure stated in the prose contradicts the tables",
        severity=Severity.WARNING,
        editions=_TABLES,
        spec="R9",
        description=(
            "正文中所述的申请数、复议数、诉讼数（如“共收到政府信息公开申请12件”“收到申请两件”），"
            "以及行政许可、行政处罚、行政强制的处理决定数和收费金额（按四舍五入区间比较），应与"
            "表二、表三、表四相应数字一致。只比较本年度的同类数字：跨越多个年度的数字（“截至目前”"
            "“累计”“自2019年以来”“近三年”“历年”等）不比较，除非另有“本年度”“全年”等限定；"
            "全辖区的数字（“全市共有……”）只在人民政府的报告中比较。逐项比较：予以公开、部分公开及"
            "二者之和、不予公开及其各项理由、无法提供、不予处理及其各项、其他处理、办结（答复）总数、"
            "上年结转；所列各项办理结果之和与所述总数；“均获维持”“均已审结”“未发生行政复议和行政"
            "诉讼”等表述与表四的结果纠正、尚未审结和总计。信息处理费不是表二的行政事业性收费，不作比较。"
            "同一矛盾只报告一次；被版面折行分成两段的句子按一句读。"
        ),
        description_en=(
            "Figures the prose states about applications, reconsiderations and lawsuits "
            "(“共收到政府信息公开申请12件”, also in Chinese numerals: “收到申请两件”), and the "
            "licensing, penalty and coercion decisions and the fees (by their rounding "
            "intervals), must agree with tables 2, 3 and 4. Only the year's own figures are "
            "compared: figures that cover several years (截至目前, 累计, 自2019年以来, 近三年, "
            "历年 …) are not, unless the sentence pins them to the year (本年度, 全年); figures "
            "for the whole jurisdiction (全市共有…) only in a government's report. Compared one by "
            "one: granted, partly granted and their sum, withheld and each reason, not met, not "
            "processed and each reason, otherwise handled, the completed (answered) total, "
            "carried over; the outcomes a sentence lists against the total it states; the "
            "words on appeals (均获维持, 均已审结, 未发生行政复议和行政诉讼) against "
            "table 4's corrected, pending and totals. A 信息处理费 is no 行政事业性收费 of "
            "table 2: not compared. Each contradiction is reported once; a sentence wrapped "
            "over two paragraphs is read whole."
        ),
        message="正文“{quote}”所述{claim}为 {prose}，而{cell}为 {table}",
        message_en="The text “{quote}” states {claim} as {prose}, but {cell} is {table}",
    ),
    Rule(
        code="GD402",
        title="有逾期未缴费不再处理的申请，但未说明收费通知",
        title_en="Unpaid-fee withdrawals without any 收费通知 stated",
        severity=Severity.WARNING,
        editions=_2021,
        spec="R10",
        description=(
            "表三(六)2“申请人逾期未按收费通知要求缴纳费用”大于 0 时，第六部分应说明发出过"
            "收费通知（信息处理费）。"
        ),
        description_en=(
            "When table 3 (6)2 (not paid after a fee notice) is above 0, section 六 should "
            "report that fee notices (收费通知) were issued."
        ),
        message="表三(六)2 逾期未缴费不再处理的申请为 {value} 件，但{section}未说明发出过收费通知",
        message_en=(
            "Table 3 (6)2 counts {value} application(s) dropped for an unpaid fee, but "
            "{section} states no fee notice (收费通知) issued"
        ),
    ),
    Rule(
        code="GD501",
        title="格式版本与报告年度不符",
        title_en="The edition does not match the report year",
        severity=Severity.WARNING,
        editions=_ALL,
        spec="R11",
        description=(
            "2008–2018 年度报告按条例第三十二条撰写；2019–2020 年度使用 2019 年试行格式；"
            "2021 年度起使用 2021 年格式。"
        ),
        description_en=(
            "Reports on 2008–2018 follow the 2008 regulation; 2019–2020 the trial 2019 "
            "format; 2021 onward the 2021 format."
        ),
        message="{year}年度报告应使用{expected}，实际为{edition}",
        message_en="A report on {year} should use the {expected}, but uses the {edition}",
    ),
    Rule(
        code="GD502",
        title="统计期限不是本年度1月1日至12月31日",
        title_en="The statistical period is not 1 January – 31 December of the year",
        severity=Severity.WARNING,
        editions=_ALL,
        spec="R12",
        description="报告所列数据的统计期限应为报告年度的1月1日至12月31日。",
        description_en="The figures should cover 1 January to 31 December of the report year.",
        message="统计期限为 {start} 至 {end}，应为 {year}年1月1日至12月31日",
        message_en=(
            "The statistical period is {start} to {end}; expected 1 January to 31 December {year}"
        ),
    ),
    Rule(
        code="GD503",
        title="落款或发布晚于期限",
        title_en="Signed or published after the deadline",
        severity=Severity.WARNING,
        editions=_ALL,
        spec="R12",
        description=(
            "期限按报告机关的类别确定（条例第四十九条，2019年度起）：县级以上人民政府部门"
            "（含国务院部门）应于次年1月31日前公布；县级以上地方人民政府的年度报告应于3月31日前"
            "公布；乡镇人民政府、街道办事处条例未作规定，默认按1月31日（多数省份的做法，可由 "
            "Policy 调整）。2018年度及以前为3月31日前（2008年条例第三十一条）。机关类别取报告"
            "所载 agency_kind，未载明时按机关名称推断。有落款日期的，以落款日期为准：落款在期限内"
            "而网页发布日期晚于期限（如网站迁移后重新发布），至多给出提示。"
        ),
        description_en=(
            "The deadline depends on the kind of body (2019 regulation, art. 49, reports on "
            "2019 onward): departments of governments at county level or above (State Council "
            "departments included) by 31 January of the next year; the report of a local "
            "government at county level or above by 31 March; townships and subdistrict "
            "offices, which art. 49 does not name, by 31 January by default (what most "
            "provinces ask; set by the Policy). Reports on 2018 and before by 31 March (2008 "
            "regulation, art. 31). The kind is the report's agency_kind, else what the agency's "
            "name says. The signing date decides: a page date after a timely signature (a "
            "portal migration, a re-publication) is a notice at most."
        ),
        message="{what}为 {date}，晚于期限 {deadline}",
        message_en="{what} is {date}, after the deadline {deadline}",
    ),
    Rule(
        code="GD504",
        title="未载明落款日期和统计期限",
        title_en="Neither a signing date nor a statistical period",
        severity=Severity.WARNING,
        editions=_ALL,
        spec="R12",
        description=(
            "报告应以落款日期表明成文时间，并说明所列数据的统计期限。两者都没有的，是否按期公布、"
            "数据覆盖哪段时间都无从核对，给出警告；网页载有发布日期的（期限可按其核对），为提示。"
            "没有任何正文的报告（在代码中构造的数据），以及没有写到末尾的文本（缺少最后一部分或"
            "止于半句，多为截断的网页），不检查。"
        ),
        description_en=(
            "A report should be dated by its signature and state the period its figures cover. "
            "With neither, whether it was published in time and what its figures cover cannot "
            "be checked: a warning; a notice when the page gives a publication date (the "
            "deadline can be checked against it). A report without any text (data built in "
            "code), and a text that does not reach its end (no last section of the outline, or "
            "ending mid-sentence: mostly a page cut short), are not checked."
        ),
        message="报告既无落款日期，也未载明统计期限；{consequence}",
        message_en="The report has neither a signing date nor a statistical period; {consequence}",
    ),
    Rule(
        code="GD601",
        title="章节缺失、顺序不符或标题无法识别",
        title_en="A section is missing, out of order, or has an unknown heading",
        severity=Severity.WARNING,
        editions=_ALL,
        description=(
            "2019年度起，报告应按格式包含规定的六个部分并依次排列，标题应与规定标题、条例第五十条"
            "的表述或常见变体一致（比较前作 NFKC 规范化并去除空白）。2018年度及以前没有全国统一"
            "的提纲：各部分可任意编排、合并或增设（概述、咨询处理情况、附表等），只要求条例"
            "（2008年）第三十二条(一)至(五)项各有标题涉及，缺少时给出提示。"
        ),
        description_en=(
            "From 2019 on, a report should have the six sections its edition prescribes, in "
            "order, with headings matching the official titles, the wording of regulation "
            "art. 50 or a known variant (compared after NFKC normalisation, white space "
            "dropped). Reports on 2018 and before have no national outline: parts may be "
            "ordered, merged or added freely (概述, 咨询处理情况, 附表 …); only an item (1)–(5) of "
            "art. 32 of the 2008 regulation that no heading covers is reported, as a notice."
        ),
        message="{problem}",
        message_en="{problem}",
        edition_severities=((Edition.LEGACY_2008, Severity.NOTICE),),
    ),
    Rule(
        code="GD602",
        title="人民政府的年报未报告工作考核、社会评议和责任追究结果",
        title_en="A government's report omits appraisal, public evaluation and accountability",
        severity=Severity.WARNING,
        editions=_TABLES,
        description=(
            "各级人民政府的年度报告还应报告政府信息公开工作考核、社会评议和责任追究结果情况"
            "（条例第五十条第四项）。报告中没有任何一处提及“考核”“评议”或“责任追究”的，"
            "给出警告。机关类别取报告所载 agency_kind，未载明时按机关名称推断。"
        ),
        description_en=(
            "The report of a people's government at any level must also cover the results of "
            "appraisal, public evaluation and accountability for its disclosure work (2019 "
            "regulation, art. 50 item 4). A report that nowhere mentions 考核, 评议 or 责任追究 is "
            "warned about. The kind is the report's agency_kind, else what the agency's name "
            "says."
        ),
        message="{kind}的年度报告未见工作考核、社会评议和责任追究结果情况（条例第五十条第四项）",
        message_en=(
            "The report of a {kind} states no results of appraisal, public evaluation and "
            "accountability (regulation art. 50 item 4)"
        ),
    ),
    Rule(
        code="GD603",
        title="“存在的主要问题及改进情况”言之无物",
        title_en="Section 五 says nothing of problems and improvements",
        severity=Severity.WARNING,
        editions=_TABLES,
        description=(
            "条例第五十条第(四)项要求年度报告说明政府信息公开工作存在的主要问题及改进情况。"
            "第五部分只写“无”或寥寥一句（去除空白和标点后不足 30 字）的，给出警告。"
        ),
        description_en=(
            "Art. 50 item (4) of the regulation asks a report for the main problems of its "
            "disclosure work and how they were improved. A section 五 that says only “无” or "
            "one short line (under 30 characters, white space and punctuation aside) is "
            "warned about."
        ),
        message=(
            "{section}只有“{quote}”（{n} 字），未说明存在的主要问题及改进情况"
            "（条例第五十条第(四)项）"
        ),
        message_en=(
            "{section} says only “{quote}” ({n} characters): no main problems or "
            "improvements (regulation art. 50 item (4))"
        ),
    ),
    Rule(
        code="GD604",
        title="“其他需要报告的事项”未说明信息处理费",
        title_en="Section 六 says nothing of the information processing fee",
        severity=Severity.NOTICE,
        editions=_TABLES,
        description=(
            "各地报告通常在第六部分说明本年度是否发出收费通知、是否收取信息处理费"
            "（《政府信息公开信息处理费管理办法》），如“本年度无发出收费通知，无收取信息处理费用”。"
            "第六部分对此只字未提的，给出提示；现有文本未规定必须说明，故仅作提示。表二的行政事业性"
            "收费是本机关第二十条第(八)项的收费项目，与信息处理费无关，不据以推断。"
        ),
        description_en=(
            "Reports usually state in section 六 whether they issued fee notices and charged an "
            "information processing fee (信息处理费), e.g. “本年度无发出收费通知，无收取信息处理"
            "费用”. A section 六 that says nothing of it gets a notice: no text we hold makes "
            "the statement mandatory. Table 2's 行政事业性收费 are the agency's own fee items "
            "(art. 20 item (8)) and say nothing of the 信息处理费."
        ),
        message="{section}未说明本年度是否发出收费通知、收取信息处理费",
        message_en=(
            "{section} does not say whether fee notices were issued or an information "
            "processing fee (信息处理费) charged"
        ),
    ),
)

_BY_CODE: dict[str, Rule] = {r.code: r for r in _RULES}
"""Every known rule by code: the catalogue's, then those of registered families."""


def catalog() -> tuple[Rule, ...]:
    """Every rule of the catalogue, in code order (the rules of families registered from
    outside, as analysis' GA rules, are in :func:`known`).

    >>> r = catalog()[0]
    >>> r.code, r.severity.value, sorted(e.value for e in r.editions)
    ('GD101', 'error', ['standard-2021', 'trial-2019'])
    >>> r.title
    '表三 每列：一 + 二 = (七)总计 + 四'
    """
    return _RULES


_GENERATION = [0]


def generation() -> int:
    """A number that changes whenever a family's rules join or leave (a key for caches)."""
    return _GENERATION[0]


def known() -> tuple[Rule, ...]:
    """Every rule a finding may come from: the catalogue, then the rules of registered
    families in the order they joined (:func:`~govdisclosure.rules.register`)."""
    return tuple(_BY_CODE.values())


def rule(code: str) -> Rule:
    """The rule with ``code`` (of the catalogue or of a registered family); :class:`KeyError`
    naming the known codes otherwise."""
    try:
        return _BY_CODE[code]
    except (KeyError, TypeError):
        raise KeyError(f"no rule {code!r}; known codes: {', '.join(_BY_CODE)}") from None


def add_rules(rules: tuple[Rule, ...]) -> None:
    """Make ``rules`` known (a family joining the registry); ValueError if a code is taken."""
    taken = [r.code for r in rules if r.code in _BY_CODE]
    if taken or len({r.code for r in rules}) != len(rules):
        raise ValueError(f"rule codes already known or repeated: {', '.join(taken) or rules}")
    _BY_CODE.update((r.code, r) for r in rules)
    _GENERATION[0] += 1


def drop_rules(codes: tuple[str, ...]) -> None:
    """Forget the rules of ``codes`` (a family leaving the registry); the catalogue's stay."""
    for code in codes:
        if code in _BY_CODE and _BY_CODE[code] not in _RULES:
            del _BY_CODE[code]
    _GENERATION[0] += 1


# --------------------------------------------------------------------------- message parts

_PARTS: dict[str, tuple[str, str]] = dict(PARTS)
"""The named parts of messages that a rule fills in (:data:`._parts.PARTS`, then those of
registered families)."""


def part(name: str, **args: object) -> L10n:
    """The message part ``name`` of the catalogue, filled from ``args`` in both languages.

    >>> print(part("where.row", table=L10n("三", "3"), label=L10n("(七)总计", "(7) Total")).en)
    Table 3, row “(7) Total”
    """
    try:
        zh, en = _PARTS[name]
    except KeyError:
        raise KeyError(f"no message part {name!r} in the catalogue") from None
    if not args:
        return L10n(zh, en)
    return L10n(
        zh.format_map({k: v.zh if isinstance(v, L10n) else v for k, v in args.items()}),
        en.format_map({k: v.en if isinstance(v, L10n) else v for k, v in args.items()}),
    )


def add_parts(parts: dict[str, tuple[str, str]]) -> None:
    """Make a registered family's message parts known; ValueError if a name is taken."""
    taken = sorted(set(parts) & set(_PARTS))
    if taken:
        raise ValueError(f"message parts already in the catalogue: {', '.join(taken)}")
    _PARTS.update(parts)


def drop_parts(names: tuple[str, ...]) -> None:
    """Forget a leaving family's message parts."""
    for name in names:
        _PARTS.pop(name, None)
