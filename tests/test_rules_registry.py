"""Rules as a registry: a family joins with register(), its findings come from check(), in
catalogue order, and it leaves without a trace; the built-in families and the GA family."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

from govdisclosure import analysis, examples
from govdisclosure.model import Edition
from govdisclosure.rules import (
    Context,
    Family,
    Finding,
    Findings,
    L10n,
    Policy,
    Rule,
    Severity,
    catalog,
    check,
    families,
    family,
    known,
    register,
    rule,
    run,
    unregister,
)
from govdisclosure.rules._catalog import part

J21 = examples.load("jianghe-2021")
X15 = examples.load("xianning-2015")

TOY = Rule(
    code="GT001",
    title="玩具规则：报告须有导语",
    title_en="Toy rule: a report has a preamble",
    severity=Severity.NOTICE,
    editions=frozenset(Edition),
    description="测试用的规则。",
    description_en="A rule for the tests.",
    message="{agency}的报告没有导语（{where}）",
    message_en="the report of {agency} has no preamble ({where})",
)


def _toy_check(ctx: Context) -> Iterator[Finding]:
    report = ctx.report
    if not report.preamble:
        yield Finding(
            code="GT001",
            severity=ctx.policy.severity("GT001"),
            path="$.preamble",
            location=part("toy.where"),
            args=(("agency", report.agency), ("where", part("toy.where"))),
            year=report.year,
        )


TOY_FAMILY = Family(
    "toy",
    _toy_check,
    codes=("GT001",),
    rules=(TOY,),
    parts={"toy.where": ("导语", "preamble")},
)


@pytest.fixture
def toy() -> Iterator[Family]:
    registered = register(TOY_FAMILY)
    try:
        yield registered
    finally:
        unregister("toy")


def test_a_registered_family_runs_in_check_and_leaves_without_a_trace(toy: Family) -> None:
    assert toy in families()
    assert rule("GT001") is TOY
    no_preamble = attrs.evolve(J21, preamble=())
    findings = check(no_preamble)
    assert findings.codes == ("GT001",)
    (f,) = findings
    assert f.severity is Severity.NOTICE
    assert f.message("en") == "The report of 江河市自然资源和规划局 has no preamble (preamble)"
    assert f.message() == "江河市自然资源和规划局的报告没有导语（导语）"
    assert f.where("en") == "preamble"
    assert check(J21) == Findings()  # the report with its preamble: nothing
    # the policy knows the new code: select, ignore and severities name it
    assert check(no_preamble, policy=Policy(ignore=["GT001"])) == Findings()
    strict = check(no_preamble, policy=Policy(severities={"GT001": "error"}))
    assert strict[0].severity is Severity.ERROR
    assert not strict.ok
    unregister("toy")
    try:
        assert check(no_preamble) == Findings()
        assert "toy" not in [x.name for x in families()]
        with pytest.raises(KeyError, match="GT001"):
            rule("GT001")
        with pytest.raises(KeyError, match=r"toy\.where"):
            part("toy.where")
        with pytest.raises(KeyError, match="GT001"):
            Policy(select=["GT001"])
    finally:
        register(TOY_FAMILY)  # for the fixture to remove


def test_findings_of_a_registered_family_come_in_catalogue_order(toy: Family) -> None:
    r = attrs.evolve(J21, preamble=())
    t = r.reviews
    broken = attrs.evolve(r, reviews=attrs.evolve(t, review=attrs.evolve(t.review, upheld=9)))
    assert check(broken).codes == ("GD104", "GT001")
    assert [x.code for x in known()][-6:] == ["GA101", "GA102", "GA103", "GA104", "GA105", "GT001"]


def test_register_refuses_a_taken_name_or_code_and_unknown_codes(toy: Family) -> None:
    with pytest.raises(ValueError, match="named 'toy'"):
        register(TOY_FAMILY)
    with pytest.raises(ValueError, match="GD101"):
        register(Family("thief", _toy_check, codes=("GD101",)))
    with pytest.raises(KeyError, match="GT999"):
        register(Family("ghost", _toy_check, codes=("GT999",)))
    assert "ghost" not in [x.name for x in families()]
    with pytest.raises(ValueError, match="does not produce"):
        register(Family("liar", _toy_check, codes=("GT002",), rules=(TOY,)))
    with pytest.raises(ValueError, match="at least one code"):
        Family("empty", _toy_check, codes=())
    with pytest.raises(TypeError, match="Family"):
        register(_toy_check)  # type: ignore[arg-type]
    with pytest.raises(KeyError, match="no family 'nobody'"):
        unregister("nobody")


def test_a_family_that_needs_an_input_runs_only_when_the_context_has_it() -> None:
    seen: list[object] = []

    def needy(ctx: Context) -> list[Finding]:
        seen.append(ctx.input("sample"))
        return []

    register(Family("needy", needy, codes=("GT003",), rules=(attrs.evolve(TOY, code="GT003"),),
                    needs={"sample"}))  # fmt: skip
    try:
        assert check(J21) == Findings()
        assert seen == []
        assert run(Context(J21, inputs={"sample": "printed"})) == Findings()
        assert seen == ["printed"]
    finally:
        unregister("needy")


def test_the_built_in_families_produce_every_code_of_the_catalogue_once() -> None:
    produced = [c for f in families() for c in f.codes if c.startswith("GD")]
    assert sorted(produced) == [r.code for r in catalog()]
    assert family("table sums").editions == frozenset(e for e in Edition if e.has_tables)
    assert family("cross-year").needs == frozenset({"previous"})
    assert family("fee notices").editions == frozenset({Edition.for_year(2021)})


def test_the_roll_up_family_is_registered_and_its_findings_are_plain_findings() -> None:
    assert family("roll-up").needs == frozenset({"aggregate"})
    assert analysis.RollupFinding is Finding
    b = attrs.evolve(J21, agency="江河市教育局")
    summary = analysis.aggregate([J21, b], agency="江河市人民政府", year=2021).report
    findings = analysis.check_rollup(summary, [J21], expected=["江河市教育局"])
    assert findings.codes[-1] == "GA105"
    assert all(type(f) is Finding for f in findings)
    assert rule("GA105").message_en.startswith("the report of")


def test_context_checks_its_inputs_and_names_what_it_was_given() -> None:
    ctx = Context(J21)
    assert ctx.runs == frozenset(r.code for r in known() if Edition.for_year(2021) in r.editions)
    assert Context(X15).runs.isdisjoint({"GD101", "GD401"})
    assert Context(J21, runs=["GD101"]).runs == frozenset({"GD101"})
    with pytest.raises(KeyError, match="given: none"):
        ctx.input("coverage")
    with pytest.raises(TypeError, match="mapping of names"):
        Context(J21, inputs=[1, 2])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="Context"):
        run(J21)  # type: ignore[arg-type]


def test_severity_is_one_ordered_vocabulary_for_reading_and_checking() -> None:
    from govdisclosure.parse import ParseSeverity

    assert ParseSeverity is Severity
    assert Severity.INFO < Severity.NOTICE < Severity.WARNING < Severity.ERROR
    assert Severity.ERROR >= Severity.ERROR > Severity.INFO
    assert max(Severity) is Severity.ERROR
    assert min(Severity) is Severity.INFO
    assert [s.value for s in Severity] == ["error", "warning", "notice", "info"]
    assert Severity.INFO.label() == "信息"
    with pytest.raises(TypeError):
        _ = Severity.INFO < "info"  # type: ignore[operator]


def test_every_message_part_a_rule_names_is_in_the_catalogue() -> None:
    assert part("blank.zero") == L10n("按 0 计", "counted as 0")
    with pytest.raises(KeyError, match="no message part 'nope'"):
        part("nope")


# --------------------------------------------------------------------------- GD401's figures


def _with_sentence(sentence: str) -> Findings:
    report = attrs.evolve(J21, preamble=(*J21.preamble, sentence))
    return check(report).by_code("GD401")


def test_gd401_reads_its_figures_with_the_numerals_finder() -> None:
    new = J21.requests.new.total
    assert new is not None
    # the figures the finder reads: a space before the measure word (text from PDF), Chinese
    # numerals
    (spaced,) = _with_sentence(f"本年度共收到政府信息公开申请 {new + 1} 件。")
    assert spaced.sides[0].value == new + 1
    assert spaced.sides[0].text == f"{new + 1} 件"
    assert new != 2
    (chinese,) = _with_sentence("本年度共收到政府信息公开申请两件。")
    assert chinese.sides[0].value == 2
    assert _with_sentence(f"本年度共收到政府信息公开申请 {new} 件。") == Findings()
    # what is no count is no claim: the end of a range, a bound
    assert _with_sentence("本年度共收到政府信息公开申请11—30件。") == Findings()
    assert _with_sentence("本年度共收到政府信息公开申请不超过1000件。") == Findings()


# --------------------------------------------------------------------------- sizes


ROOT = Path(__file__).resolve().parents[1] / "src" / "govdisclosure"
_ROOM = [*sorted((ROOT / "rules").glob("*.py")), ROOT / "analysis" / "_rollup_rules.py"]


def _docstring_lines(tree: ast.Module) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Expr)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            lines.update(range(node.lineno, (node.end_lineno or node.lineno) + 1))
    return lines


def test_the_rules_hold_their_sizes_and_name_editions_as_data() -> None:
    named = []
    for path in _ROOM:
        source = path.read_text(encoding="utf-8")
        tree = ast.parse(source)
        docs = _docstring_lines(tree)
        code = [
            line
            for n, line in enumerate(source.splitlines(), 1)
            if line.strip() and not line.strip().startswith("#") and n not in docs
        ]
        assert len(code) <= 600, f"{path.name}: {len(code)} lines of code"
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                assert length <= 60, f"{path.name}: {node.name} has {length} lines"
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id == "Edition"
                and node.attr.isupper()
            ):
                named.append(f"{path.name}:{node.lineno}")
    assert len(named) <= 5, named
