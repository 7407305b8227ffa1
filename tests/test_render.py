"""govdisclosure.rendering: the dispatcher, options, locales, purity and the CLI hook."""

from __future__ import annotations

import argparse
import io
import json
import os
import pickle
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govdisclosure import examples, to_json
from govdisclosure.cli import main
from govdisclosure.cli import render as render_command
from govdisclosure.model import Edition, Metadata, Report, Section, Signature
from govdisclosure.rendering import (
    FORMATS,
    Format,
    Renderer,
    RenderOptions,
    html,
    markdown,
    render,
    text,
)
from govdisclosure.strategies import reports

ALL_EXAMPLES = examples.names()


def test_dispatch_and_attributes_agree() -> None:
    report = examples.load("jianghe-2021")
    assert render(report, "text") == render.text(report) == text.render(report)
    assert render(report, "markdown") == render.markdown(report) == markdown.render(report)
    assert render(report, "html") == render.html(report) == html.render(report)
    assert render(report, "html", locale="en") == render.html(report, locale="en")
    assert isinstance(render, Renderer)
    assert render.formats == FORMATS == ("text", "markdown", "html")


def test_unknown_format() -> None:
    with pytest.raises(ValueError, match="unknown format 'odt': expected one of 'text'"):
        render(examples.load("jianghe-2021"), "odt")  # type: ignore[call-overload]


def test_bad_arguments() -> None:
    report = examples.load("jianghe-2021")
    with pytest.raises(TypeError, match=r"govdisclosure\.Report"):
        render.text({"title": "x"})  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="RenderOptions"):
        render.text(report, options={"grouping": True})  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unknown locale"):
        render.text(report, locale="xx_YY")


def test_options_are_validated() -> None:
    with pytest.raises(TypeError):
        RenderOptions(grouping="yes")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="ambiguous_width"):
        RenderOptions(ambiguous_width=3)
    with pytest.raises(ValueError, match="id_prefix"):
        RenderOptions(id_prefix="1 bad")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        RenderOptions().grouping = True  # type: ignore[misc]


def test_renderer_and_options_pickle() -> None:
    assert pickle.loads(pickle.dumps(render)) is render
    options = RenderOptions(grouping=True, standalone=False)
    assert pickle.loads(pickle.dumps(options)) == options


_RENDER_ALL = (
    "import sys, govdisclosure as gd\n"
    "r = gd.examples.load('jianghe-2021')\n"
    "sys.stdout.buffer.write('\\x00'.join(gd.render(r, f) for f in ('text', 'markdown', 'html'))"
    ".encode())\n"
)


@pytest.mark.parametrize("env_locale", ["en_US.UTF-8", "de_DE.UTF-8", "ar_EG.UTF-8", "C"])
def test_locale_is_an_argument_never_the_environment(env_locale: str) -> None:
    """babel reads its default locale from the environment at import: run fresh interpreters."""
    report = examples.load("jianghe-2021")
    expected = "\x00".join(render(report, f) for f in ("text", "markdown", "html"))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env.update(LANG=env_locale, LC_ALL=env_locale, LANGUAGE=env_locale.split(".")[0])
    done = subprocess.run(
        [sys.executable, "-c", _RENDER_ALL], env=env, capture_output=True, check=True
    )
    assert done.stdout.decode() == expected


@pytest.mark.parametrize("name", ALL_EXAMPLES)
@pytest.mark.parametrize("fmt", FORMATS)
def test_english_labels(name: str, fmt: Format) -> None:
    report = examples.load(name)
    out = render(report, fmt, locale="en")
    assert report.title in out  # the report's own words print as stated
    assert "January" in out or "February" in out or "March" in out
    if report.edition.has_tables:
        labels = ["Upheld", "Pending", "Rules", "Businesses", "(7) Total"]
        if fmt != "text":  # plain text wraps long labels within their cells
            labels += ["Natural persons", "Administrative licensing"]
        for label in labels:
            assert label in out
        for zh in ("申请人情况", "本列数据的勾稽关系", "信息内容", "第二十条第(一)项"):
            assert zh not in out
        assert "II. Proactive disclosure" in out


@pytest.mark.parametrize("fmt", FORMATS)
def test_grouping_option_groups_amounts(fmt: Format) -> None:
    report = examples.load("jianghe-2020")  # 采购总金额 1863500元
    assert "1863500元" in render(report, fmt)
    grouped = render(report, fmt, options=RenderOptions(grouping=True))
    assert "1,863,500元" in grouped


@pytest.mark.parametrize("fmt", FORMATS)
def test_fullwidth_option(fmt: Format) -> None:
    report = examples.load("jianghe-2021")
    wide = render(report, fmt)  # the default: what agencies publish
    plain = render(report, fmt, options=RenderOptions(fullwidth=False))
    assert "（一）主动公开" in wide
    assert "(一)主动公开" not in wide
    assert "(一)主动公开" in plain
    assert "（一）主动公开" not in plain
    # the layout's labels and the corner note follow the option too
    assert "（一）予以公开" in wide
    assert "本年收费金额（单位：万元）" in wide
    assert "（本列数据的勾稽关系为：第一项加第二项之和，" in wide
    assert "第二十条第（一）项" in wide
    assert "(一)予以公开" in plain
    assert "本年收费金额(单位:万元)" in plain
    assert "第二十条第(一)项" in plain
    # English output is ASCII either way
    assert "(1) Disclosed" in render(report, fmt, locale="en")


@pytest.mark.parametrize("fmt", FORMATS)
def test_metadata_option(fmt: Format) -> None:
    report = examples.load("jianghe-2021")
    assert "索引号" in render(report, fmt)
    assert "索引号" not in render(report, fmt, options=RenderOptions(metadata=False))


def _minimal(**changes: Any) -> Report:
    base = Report(agency="某局", year=2022, edition=Edition.STANDARD_2021, title="某局2022年报告")
    return attrs.evolve(base, **changes)


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_bare_report_renders(fmt: Format) -> None:
    out = render(_minimal(), fmt)
    assert "某局2022年报告" in out


def test_tables_without_their_section_follow_the_last_section() -> None:
    report = examples.load("jianghe-2021")
    bare = attrs.evolve(
        report, sections=(Section(ordinal=1, title="总体情况"),), facts=(), relations=()
    )
    out = render.text(bare)
    assert out.index("总体情况") < out.index("第二十条第（一）项") < out.index("申请人情况")
    assert (
        out.index("申请人情况")
        < out.index("复议后起诉")
        < out.index("江河市自然资源和规划局\n2022")
    )


def test_signature_without_date_and_deep_subsections() -> None:
    deep = Section(
        ordinal=1,
        title="总体情况",
        subsections=(
            Section(
                ordinal=2,
                title="依申请公开",
                subsections=(Section(ordinal=3, title="细项", paragraphs=("内容。",)),),
            ),
        ),
    )
    report = _minimal(sections=(deep,), signature=Signature(agency="某局"))
    lines = render.text(report).splitlines()
    assert lines[-5:] == ["一、总体情况", "（二）依申请公开", "3.细项", "内容。", "某局"]
    md = render.markdown(report)
    assert "## 一、总体情况" in md
    assert "### （二）依申请公开" in md
    assert "#### 3\\.细项" in md
    page = render.html(report)
    assert '<h4 id="gd-s1-2-3">3.细项</h4>' in page
    assert "<time" not in page


def test_english_headings_translate_only_known_sections() -> None:
    report = examples.load("xianning-2015")
    lines = render.text(report, locale="en").splitlines()
    assert "I. Overview" in lines  # 总体工作情况 is an alias of the legacy outline's 概述
    assert "II. 重点领域政府信息公开工作落实情况" in lines  # not in the layout: kept as stated
    assert "Published: September 11, 2020" in lines


@given(reports(), st.sampled_from(FORMATS), st.sampled_from(("zh_CN", "en")))
@settings(max_examples=60)
def test_every_generated_report_renders(report: Report, fmt: Format, locale: str) -> None:
    out = render(report, fmt, locale=locale)
    assert out.endswith("\n")
    assert report.title in out
    assert render(report, fmt, locale=locale) == out  # deterministic


def test_metadata_fields_in_order() -> None:
    md = Metadata(index_number="X-1", name="名", published=None, validity="有效")
    lines = render.text(_minimal(metadata=md)).splitlines()
    assert lines[1:4] == ["索引号：X-1", "名称：名", "有效性：有效"]


# ---------------------------------------------------------------- CLI


def _run(argv: list[str], stdin: bytes | None = None) -> tuple[int, str]:
    parser = argparse.ArgumentParser(prog="govdisclosure")
    render_command.add_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    out = io.StringIO()
    status: int = args.func(args, out)
    return status, out.getvalue()


def test_cli_render(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report = examples.load("jianghe-2021")
    path = tmp_path / "r.json"
    path.write_text(to_json(report), encoding="utf-8")
    assert _run(["render", str(path)]) == (0, render.text(report))
    assert _run(["render", str(path), "--format", "html", "--lang", "en"]) == (
        0,
        render.html(report, locale="en"),
    )
    out = tmp_path / "out.md"
    assert _run(["render", str(path), "--format", "markdown", "-o", str(out)]) == (0, "")
    assert out.read_text(encoding="utf-8") == render.markdown(report)
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(to_json(report).encode())))
    assert _run(["render", "-"]) == (0, render.text(report))


def test_cli_unusable_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.json"
    data = json.loads(to_json(examples.load("jianghe-2021")))
    data["year"] = "2021"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert _run(["render", str(path)]) == (2, "")
    err = capsys.readouterr().err
    assert "unusable input" in err
    assert "$.year" in err
    assert _run(["render", str(tmp_path / "missing.json")])[0] == 2


def test_the_demo_prints_the_xianning_text() -> None:
    out = io.StringIO()
    assert main(["demo"], out) == 0
    assert render.text(examples.load("xianning-2015")) in out.getvalue()
