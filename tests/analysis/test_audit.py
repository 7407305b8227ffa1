"""The audit of a folder of reports: the rows, their counts, the page and the command.

The folder mixes what a supervising office meets: the bundled examples (as JSON and as the
published text they were read from), a department's report signed after its deadline, a
government's report signed on a day that is late for a department but in time for it, pages
cut off mid-table (the real excerpts of the development corpus), and junk.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from govdisclosure import examples, render, to_json
from govdisclosure import strategies as gst
from govdisclosure.analysis._audit import COLUMNS, FAMILIES, Audit, AuditRow, audit, audit_file
from govdisclosure.analysis._frame import MissingExtraError
from govdisclosure.analysis.batch import Progress
from govdisclosure.cli import main
from govdisclosure.model import AgencyKind, Edition, Report
from govdisclosure.parse import parse
from govdisclosure.rules import Policy

CORPUS = Path(__file__).parents[1] / "fixtures" / "corpus" / "raw"
AS_OF = dt.date(2026, 6, 30)
#: Excerpts of the corpus that stop mid-table (GP160: the source did not print the rest).
CUT = ("002.txt", "010.txt")


def _signed(report: Report, day: dt.date, **changes: Any) -> Report:
    """``report`` signed and published on ``day``."""
    assert report.signature is not None
    assert report.metadata is not None
    return attrs.evolve(
        report,
        signature=attrs.evolve(report.signature, date=day),
        metadata=attrs.evolve(report.metadata, published=day),
        **changes,
    )


def make_folder(root: Path) -> dict[str, str]:
    """Write the mixed folder; returns what each report file is, by name."""
    kinds: dict[str, str] = {}
    for name in examples.names():
        (root / f"{name}.json").write_text(to_json(examples.load(name)), encoding="utf-8")
        kinds[f"{name}.json"] = "example"
    (root / "published").mkdir()
    (root / "published" / "jianghe-2021.html").write_text(
        render(examples.load("jianghe-2021"), "html"), encoding="utf-8"
    )
    kinds["published/jianghe-2021.html"] = "example"
    (root / "published" / "xianning-2015.txt").write_text(
        examples.source_text("xianning-2015"), encoding="utf-8"
    )
    kinds["published/xianning-2015.txt"] = "example"
    late = _signed(examples.load("jianghe-2021"), dt.date(2022, 2, 15), agency="江河市交通运输局")
    (root / "late-department.json").write_text(to_json(late), encoding="utf-8")
    kinds["late-department.json"] = "late"
    government = _signed(
        examples.load("jianghe-2021"),
        dt.date(2022, 2, 15),
        agency="江河市人民政府",
        agency_kind=AgencyKind.CITY_GOVERNMENT,
    )
    (root / "government.json").write_text(to_json(government), encoding="utf-8")
    kinds["government.json"] = "government"
    (root / "cut").mkdir()
    for name in CUT:
        text = (CORPUS / name).read_text(encoding="utf-8").split("\n---\n", 1)[1]
        (root / "cut" / name).write_text(text, encoding="utf-8")
        kinds[f"cut/{name}"] = "cut"
    (root / "junk").mkdir()
    (root / "junk" / "empty.txt").write_text("", encoding="utf-8")
    (root / "junk" / "broken.json").write_text('{"agency": ', encoding="utf-8")
    (root / "junk" / "list.json").write_text("[1, 2, 3]", encoding="utf-8")
    (root / "junk" / "binary.html").write_bytes(bytes(range(256)) * 4)
    (root / "junk" / "folder.json").mkdir()
    for name in ("empty.txt", "broken.json", "list.json", "binary.html", "folder.json"):
        kinds[f"junk/{name}"] = "junk"
    (root / "junk" / "notes.docx.bak").write_text("not a report", encoding="utf-8")  # skipped
    return kinds


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    root = tmp_path_factory.mktemp("audit")
    return root, make_folder(root)


@pytest.fixture(scope="module")
def audited(folder: tuple[Path, dict[str, str]]) -> Audit:
    return audit(folder[0], as_of=AS_OF, jobs=2)


def _by_name(result: Audit, root: Path) -> dict[str, AuditRow]:
    return {Path(r.source).relative_to(root).as_posix(): r for r in result if r.source}


# --------------------------------------------------------------------------- done when


def test_the_late_one_is_late_for_its_kind(
    audited: Audit, folder: tuple[Path, dict[str, str]]
) -> None:
    rows = _by_name(audited, folder[0])
    late = rows["late-department.json"]
    assert (late.kind, late.timeliness, late.days_late) == (AgencyKind.DEPARTMENT, "late", 15)
    assert late.deadline == dt.date(2022, 1, 31) == Policy().deadline(2021, AgencyKind.DEPARTMENT)
    assert late.signed == dt.date(2022, 2, 15)
    # signed the same day, a 市人民政府 is in time: its deadline is 3月31日 (第四十九条)
    government = rows["government.json"]
    assert government.kind is AgencyKind.CITY_GOVERNMENT
    assert (government.timeliness, government.days_late) == ("on-time", None)
    assert government.deadline == dt.date(2022, 3, 31)
    assert government.level == "city"
    # GD503 says the same of the same report: one deadline rule, not two
    assert "GD503" in late.codes
    assert "GD503" not in government.codes


def test_junk_is_listed_unreadable_with_its_reason(
    audited: Audit, folder: tuple[Path, dict[str, str]]
) -> None:
    rows = _by_name(audited, folder[0])
    junk = {name for name, what in folder[1].items() if what == "junk"}
    assert {name for name, r in rows.items() if r.status == "unreadable"} == junk
    assert rows["junk/empty.txt"].reason == "the file is empty"
    assert rows["junk/folder.json"].reason == "a folder, not a report file"
    assert rows["junk/broken.json"].reason.startswith("not a report")  # type: ignore[union-attr]
    for name in junk:
        assert rows[name].reason, name
        assert rows[name].agency is None
        assert rows[name].timeliness is None


def test_counts_add_up(audited: Audit, folder: tuple[Path, dict[str, str]]) -> None:
    counts = audited.counts()
    kinds = folder[1]
    assert counts["files"] == len(audited) == len(kinds)
    assert counts["reports"] + counts["unreadable"] == counts["files"]
    assert counts["unreadable"] == sum(w == "junk" for w in kinds.values())
    assert counts["skipped"] == 1
    assert counts["ok"] + counts["with_errors"] == counts["reports"]
    assert (
        counts["on_time"] + counts["late"] + counts["unknown"] + counts["not_due"]
        == counts["reports"]
    )
    read = audited.readable
    assert counts["errors"] == sum(r.errors for r in read)
    assert counts["warnings"] == sum(r.warnings for r in read)
    assert counts["late"] == 1
    for r in read:  # a row's findings by family add up to its findings by severity
        assert sum(r.family_counts.values()) == r.errors + r.warnings + r.notices
        assert r.status == ("findings" if r.errors else "ok")


def test_cut_pages_say_what_the_source_did_not_print(
    audited: Audit, folder: tuple[Path, dict[str, str]]
) -> None:
    rows = _by_name(audited, folder[0])
    for name in CUT:
        row = rows[f"cut/{name}"]
        assert row.status != "unreadable"
        assert row.format == "text"
        assert "GP160" in {f.code for f in row.not_printed}
        assert row.missing_parts, "a page cut mid-table lacks the later parts"
        assert row.cells_blank
        assert row.cells is not None
        assert row.cells_blank < row.cells
        assert row.timeliness == "unknown"  # the signature is cut off with the rest
    whole = rows["jianghe-2021.json"]
    assert (whole.parts, whole.tables, whole.cells_blank, whole.not_printed) == (6, 3, 0, ())


def test_examples_in_the_folder(audited: Audit, folder: tuple[Path, dict[str, str]]) -> None:
    rows = _by_name(audited, folder[0])
    assert rows["jianghe-2021.json"].status == "ok"
    assert rows["jianghe-2021.json"].outcomes == (
        ("granted", 17),
        ("partly_granted", 6),
        ("withheld", 4),
        ("unable", 12),
        ("not_processed", 3),
        ("other", 3),
    )
    # 2020 of the same agency is in the folder: the carried-over figures are compared
    assert (rows["jianghe-2021.json"].carried_over, rows["jianghe-2021.json"].previous_year) == (
        "match",
        2020,
    )
    assert rows["xianning-2015.json"].parts is None  # legacy: no national outline
    published = rows["published/jianghe-2021.html"]
    assert (published.agency, published.year, published.format) == (
        "江河市自然资源和规划局",
        2021,
        "html",
    )
    assert (published.status, published.parts, published.cells_blank) == ("ok", 6, 0)
    source = rows["published/xianning-2015.txt"]
    assert (source.agency, source.year, source.format) == ("咸宁市民政局", 2015, "text")


# --------------------------------------------------------------------------- the rows


@given(
    day=st.dates(dt.date(2019, 12, 1), dt.date(2021, 12, 31)),
    kind=st.sampled_from(list(AgencyKind)),
    year=st.integers(2018, 2020),
)
def test_timeliness_is_the_rules_deadline(day: dt.date, kind: AgencyKind, year: int) -> None:
    report = attrs.evolve(
        _signed(examples.load("jianghe-2021"), day),
        year=year,
        edition=Edition.for_year(year),
        active=None,
        requests=None,
        reviews=None,
        agency_kind=kind,
    )
    (row,) = audit([report], as_of=AS_OF)
    deadline = Policy().deadline(year, kind)
    assert row.deadline == deadline
    if day > deadline:
        assert (row.timeliness, row.days_late) == ("late", (day - deadline).days)
    else:
        assert (row.timeliness, row.days_late) == ("on-time", None)
    assert ("GD503" in row.codes) == (day > deadline)


def test_policy_deadlines_are_honoured() -> None:
    report = examples.load("jianghe-2021")  # signed 2022-01-18
    (row,) = audit([report], policy=Policy(department_deadline=(1, 10)))
    assert (row.timeliness, row.days_late, row.deadline) == ("late", 8, dt.date(2022, 1, 10))


def test_no_date_is_unknown_or_not_yet_due() -> None:
    report = attrs.evolve(examples.load("jianghe-2021"), signature=None, metadata=None)
    (before,) = audit([report], as_of=dt.date(2022, 1, 5))
    (after,) = audit([report], as_of=dt.date(2022, 6, 1))
    assert (before.timeliness, after.timeliness) == ("not-due", "unknown")


def test_carried_over_mismatch_against_previous() -> None:
    old, new = examples.load("jianghe-2020"), examples.load("jianghe-2021")
    t = new.requests
    assert t is not None
    wrong = attrs.evolve(
        new,
        requests=attrs.evolve(
            t,
            carried_over=attrs.evolve(
                t.carried_over, natural_person=(t.carried_over.natural_person or 0) + 1
            ),
        ),
    )
    (alone,) = audit([wrong])
    (row,) = audit([wrong], previous=[old])
    assert alone.carried_over is None
    assert (row.carried_over, row.previous_year) == ("mismatch", 2020)
    assert row.family_counts["cross_year"] >= 1
    assert row.errors + row.warnings + row.notices > alone.errors + alone.warnings + alone.notices


def test_parsed_reports_and_prose_contradictions() -> None:
    text = render(examples.load("jianghe-2021"), "text")
    (row,) = audit(parse(text), as_of=AS_OF)
    assert (row.format, row.agency, row.timeliness) == ("text", "江河市自然资源和规划局", "on-time")
    assert row.contradictions == 0
    stated = "我局共收到政府信息公开申请46件"
    assert stated in text, "the example states the count in its prose"
    (bad,) = audit(parse(text.replace(stated, "我局共收到政府信息公开申请86件")), as_of=AS_OF)
    assert bad.contradictions >= 1
    assert bad.family_counts["prose"] == bad.contradictions


def test_rows_and_frame(audited: Audit) -> None:
    rows = audited.rows()
    assert len(rows) == len(audited)
    assert all(tuple(r) == COLUMNS for r in rows)
    assert json.loads(json.dumps(rows, ensure_ascii=False)) == rows  # JSON-ready
    pd = pytest.importorskip("pandas")
    frame = audited.to_frame()
    assert isinstance(frame, pd.DataFrame)
    assert frame.shape == (len(audited), len(COLUMNS))
    assert list(frame.columns) == list(COLUMNS)


def test_audit_file_never_raises(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text("null", encoding="utf-8")
    row, report = audit_file(str(path))
    assert (row.status, report) == ("unreadable", None)
    assert row.reason


def test_bad_arguments() -> None:
    with pytest.raises(TypeError, match="got int"):
        audit(42)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="got float"):
        audit([examples.load("jianghe-2021"), 1.5])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="as_of must be a date"):
        audit([], as_of="2022-01-01")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="previous must hold Reports"):
        audit([examples.load("jianghe-2021")], previous=["x"])  # type: ignore[list-item]


# --------------------------------------------------------------------------- the page


def test_the_page_is_self_contained(audited: Audit) -> None:
    pytest.importorskip("matplotlib")
    page = audited.to_html()
    assert page.startswith("<!doctype html>")
    # nothing to fetch: no external script, style sheet, image or font
    assert not re.search(r"<(?:link|img|iframe)\b|\bsrc=|@import|url\((?!#)", page)
    assert "https://" not in page.replace("http://www.w3.org/", "")
    for name in ("families", "timeliness", "outcomes", "years"):
        assert f'data-chart="{name}"' in page
    assert page.count("<svg") == 4
    assert "<text" not in page, "every glyph is a path: no font needed to view"
    body = page.split('<table class="sortable" id="reports">', 1)[1].split("</table>", 1)[0]
    assert body.count("<tr") == 1 + len(audited.readable)
    assert "逾期15天" in page
    assert "政府信息公开工作年度报告审查" in page
    english = audited.to_html(lang="en")
    assert "late by 15 days" in english
    assert "Timeliness by kind of agency" in english
    assert '<html lang="en">' in english


def test_charts_aggregate() -> None:
    pytest.importorskip("matplotlib")
    from govdisclosure.analysis._audit_page import TOP, audit_charts

    kinds = list(AgencyKind)
    rows = tuple(
        AuditRow(
            f"r{i}.json",
            "ok",
            agency=f"第{i}机关",
            kind=kinds[i % len(kinds)],
            year=2000 + i % 25,
            timeliness=("on-time", "late", "unknown")[i % 3],
            days_late=1 if i % 3 == 1 else None,
            by_family=((FAMILIES[i % 6][0], 1),),
            outcomes=(("granted", i % 7), ("withheld", 1)),
        )
        for i in range(10_000)
    )
    charts = audit_charts(Audit(rows, AS_OF))
    assert set(charts) == {"families", "timeliness", "outcomes", "years"}
    for name, svg in charts.items():
        bars = len(re.findall(r'<g id="patch_\d+"', svg))
        assert bars <= 6 * (TOP + 5), (name, bars)  # a dozen categories, never 10,000 bars


def test_without_matplotlib_the_error_names_the_extra(
    audited: Audit, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(MissingExtraError, match=r"govdisclosure\[audit\]"):
        audited.to_html()
    report = tmp_path / "r.json"
    report.write_text(to_json(examples.load("jianghe-2021")), encoding="utf-8")
    assert main(["audit", str(report), "-o", str(tmp_path / "a.html")]) == 2
    assert not (tmp_path / "a.html").exists()
    assert main(["audit", str(report), "--format", "csv"], io.StringIO()) == 0  # CSV needs none


# --------------------------------------------------------------------------- the command


def test_command_csv_gives_the_same_rows(
    audited: Audit, folder: tuple[Path, dict[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    out = io.StringIO()
    status = main(
        ["audit", str(folder[0]), "--format", "csv", "--as-of", "2026-06-30", "-j", "2"], out
    )
    assert status == 0
    table = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert len(table) == len(audited)
    expected = [{k: "" if v is None else str(v) for k, v in row.items()} for row in audited.rows()]
    assert table == expected
    err = capsys.readouterr().err
    # every unreadable file named once, in the one voice of the commands
    named = [line for line in err.splitlines() if line.startswith("govdisclosure audit: /")]
    unreadable = [row.source for row in audited if row.status == "unreadable"]
    assert len(named) == audited.counts()["unreadable"] == len(unreadable)
    assert all(
        any(line.startswith(f"govdisclosure audit: {s}: ") for line in named) for s in unreadable
    )
    assert "逾期 1" in err


def test_command_jsonl_english_and_output_file(
    audited: Audit, folder: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    target = tmp_path / "rows.jsonl"
    argv = ["audit", str(folder[0]), "--format", "jsonl", "--lang", "en", "--as-of", "2026-06-30"]
    assert main([*argv, "-o", str(target)]) == 0
    lines = [json.loads(x) for x in target.read_text(encoding="utf-8").splitlines()]
    assert lines == audited.rows("en")
    assert any("cut off" in (x["not_printed"] or "") for x in lines)


def test_command_html(folder: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    target = tmp_path / "audit.html"
    assert main(["audit", str(folder[0]), "-o", str(target), "--as-of", "2026-06-30"]) == 0
    page = target.read_text(encoding="utf-8")
    assert page.count("<svg") == 4
    assert "逾期15天" in page


def test_command_previous_and_nothing_readable(tmp_path: Path) -> None:
    new = tmp_path / "new.json"
    new.write_text(to_json(examples.load("jianghe-2021")), encoding="utf-8")
    old = tmp_path / "old"
    old.mkdir()
    (old / "2020.json").write_text(to_json(examples.load("jianghe-2020")), encoding="utf-8")
    out = io.StringIO()
    assert main(["audit", str(new), "--previous", str(old), "--format", "jsonl"], out) == 0
    (row,) = [json.loads(x) for x in out.getvalue().splitlines()]
    assert (row["carried_over"], row["previous_year"]) == ("match", 2020)
    (tmp_path / "junk.json").write_text("{", encoding="utf-8")
    assert main(["audit", str(tmp_path / "junk.json")], io.StringIO()) == 2
    with pytest.raises(SystemExit):
        main(["audit", str(new), "--as-of", "30/06/2026"])


def test_progress_counts_the_files(folder: tuple[Path, dict[str, str]]) -> None:
    bars: list[Progress] = []

    def bar(n: int) -> Progress:
        bars.append(Progress(n, io.StringIO()))
        return bars[-1]

    result = audit(folder[0], as_of=AS_OF, progress=bar)
    (made,) = bars
    files = sum(r.reason != "a folder, not a report file" for r in result)
    assert made.total == made.done == files


@given(st.lists(gst.reports(), min_size=1, max_size=4))
def test_counts_add_up_for_any_reports(reports: list[Report]) -> None:
    result = audit(reports, as_of=AS_OF)
    counts = result.counts()
    assert counts["reports"] == counts["files"] == len(reports)
    assert counts["ok"] + counts["with_errors"] == counts["reports"]
    assert sum(counts[k] for k in ("on_time", "late", "unknown", "not_due")) == len(reports)
    for row, report in zip(result, reports, strict=True):
        assert sum(row.family_counts.values()) == row.errors + row.warnings + row.notices
        assert row.deadline == Policy().deadline(report.year, report.kind())
        assert (row.days_late is not None) == (row.timeliness == "late")
    assert json.loads(json.dumps(result.rows(), ensure_ascii=False)) == result.rows()


def test_a_cut_page_is_audited_knowing_what_it_printed(tmp_path: Path) -> None:
    """A page cut mid-table: the rows it never printed are "not printed" (GD107), never
    "blank" (GD105) — parsed in the audit or given as a Parsed."""
    from govdisclosure import parse

    raw = Path(__file__).parent.parent / "fixtures" / "corpus" / "raw" / "027.txt"
    text = raw.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    parsed = parse(text)
    assert parsed.coverage is not None
    assert parsed.coverage.cut
    page = tmp_path / "cut.txt"
    page.write_text(text, encoding="utf-8")
    for row in (audit([parsed]).row(0), audit_file(str(page))[0]):
        assert "GD107" in row.codes
        assert "GD105" not in row.codes
