"""The HTML rendering in a real browser: every figure sits under its row and column labels.

Headless Chromium (Debian's ``chromium``) loads the rendered page with a script that walks the
DOM: for every cell of every table it computes the cell's grid position from the rows and the
``rowSpan``/``colSpan`` the browser parsed (the HTML table model), and reads the box the
browser laid the cell out in. The page is dumped (``--dump-dom``) with that result in it, and
the tests assert, for every figure of the 2021 and 2019 examples, in Chinese and English:

- the label cells above it (in ``<thead>`` or its own row group) are exactly the column
  labels the edition's layout gives that figure, top to bottom, and the label cells to its
  left are its row labels, left to right;
- those label cells are also laid out over it (horizontally) or beside it (vertically);
- its text is the figure, and every figure of the layout is there exactly once.

Without chromium the tests are skipped locally and FAIL in CI (``CI=true``), where
``.ci/install-system`` installs it.

``python tests/browser/test_browser_render.py`` writes the pictures of the docs
(``docs/_static/render-*.png``).
"""

from __future__ import annotations

import html
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import attrs
import pytest

from govdisclosure import examples
from govdisclosure.layout import CellLayout, TableLayout, layout_of, printed_label
from govdisclosure.model import Report
from govdisclosure.rendering import render
from govdisclosure.rendering._common import context, figure_text

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--hide-scrollbars",
    "--mute-audio",
)

PROBE = """
<script>
(function () {
  var result = [];
  var tables = document.querySelectorAll("table");
  for (var t = 0; t < tables.length; t++) {
    var table = tables[t], taken = {}, cells = [];
    for (var r = 0; r < table.rows.length; r++) {
      var tr = table.rows[r], c = 0, group = tr.parentElement;
      var groupIndex = Array.prototype.indexOf.call(table.children, group);
      for (var k = 0; k < tr.cells.length; k++) {
        var cell = tr.cells[k];
        while (taken[r + "," + c]) c++;
        for (var i = 0; i < cell.rowSpan; i++)
          for (var j = 0; j < cell.colSpan; j++) taken[(r + i) + "," + (c + j)] = true;
        var box = cell.getBoundingClientRect();
        cells.push({tag: cell.tagName.toLowerCase(), text: cell.textContent,
                    row: r, col: c, rowspan: cell.rowSpan, colspan: cell.colSpan,
                    path: cell.getAttribute("data-path"), scope: cell.getAttribute("scope"),
                    group: group.tagName.toLowerCase(), groupIndex: groupIndex,
                    box: [box.left, box.top, box.right, box.bottom]});
        c += cell.colSpan;
      }
    }
    result.push({table: table.getAttribute("data-table"), rows: table.rows.length,
                 cells: cells});
  }
  var pre = document.createElement("pre");
  pre.id = "gd-probe";
  pre.textContent = JSON.stringify(result);
  document.body.appendChild(pre);
})();
</script>
"""


def chromium() -> str:
    """The chromium executable; skip (locally) or fail (in CI) when there is none."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail("chromium is not installed: CI must run .ci/install-system first")
    pytest.skip("chromium is not installed (apt-get install chromium); CI runs this test")


def run_chromium(args: list[str], profile: Path) -> str:
    command = [chromium(), *FLAGS, f"--user-data-dir={profile}", *args]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    if done.returncode != 0:
        raise AssertionError(f"chromium failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return done.stdout


def probe(page: str, tmp: Path) -> list[dict[str, Any]]:
    """Load ``page`` in headless chromium and return what the probe script measured."""
    path = tmp / "page.html"
    path.write_text(page.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    dom = run_chromium(
        ["--window-size=1000,4000", "--virtual-time-budget=5000", "--dump-dom", path.as_uri()],
        tmp / "profile",
    )
    start = dom.index('<pre id="gd-probe">') + len('<pre id="gd-probe">')
    data: list[dict[str, Any]] = json.loads(html.unescape(dom[start : dom.index("</pre>", start)]))
    return data


# ---------------------------------------------------------------- expectations from the layout


def expected_labels(table: TableLayout, cell: CellLayout, zh: bool) -> tuple[list[str], list[str]]:
    """(labels above, labels to the left) of a figure in the official layout, Chinese labels
    in their printed form (full-width （），：；)."""
    rows = [printed_label(x) for x in cell.row_labels] if zh else list(cell.row_en)
    columns = [printed_label(x) for x in cell.column_labels] if zh else list(cell.column_en)
    if len(table.blocks) > 1:  # 表二: the block's title over its header row
        return [rows[0], " / ".join(columns)], rows[1:]
    if table.number == "四":  # one row of figures: the row labels head the columns
        return rows + columns, []
    caption = table.column_caption if zh else table.column_caption_en
    return ([caption] if caption else []) + columns, rows


def check_page(report: Report, locale: str, measured: list[dict[str, Any]]) -> int:
    """Assert every figure's position; returns the number of figures checked."""
    ctx = context(report, locale, None)
    tables = [t for t in layout_of(report.edition).tables if getattr(report, t.attribute)]
    assert [m["table"] for m in measured] == [t.number for t in tables]
    checked = 0
    for table, page_table in zip(tables, measured, strict=True):
        cells = page_table["cells"]
        labels = [c for c in cells if c["tag"] == "th"]
        figures = {c["path"]: c for c in cells if c["path"]}
        assert len(figures) == sum(1 for c in cells if c["path"]), "a figure twice"
        assert set(figures) == {c.json_path for c in table.cells}
        data = getattr(report, table.attribute)
        for layout_cell in table.cells:
            fig = figures[layout_cell.json_path]
            assert fig["tag"] == "td"
            assert fig["text"] == figure_text(ctx, layout_cell, data)
            above = sorted(
                (
                    h
                    for h in labels
                    if h["row"] + h["rowspan"] <= fig["row"]
                    and h["col"] <= fig["col"]
                    and fig["col"] + fig["colspan"] <= h["col"] + h["colspan"]
                    and (h["group"] == "thead" or h["groupIndex"] == fig["groupIndex"])
                ),
                key=lambda h: h["row"],
            )
            left = sorted(
                (
                    h
                    for h in labels
                    if h["col"] + h["colspan"] <= fig["col"]
                    and h["row"] <= fig["row"] < h["row"] + h["rowspan"]
                ),
                key=lambda h: h["col"],
            )
            want_above, want_left = expected_labels(table, layout_cell, ctx.zh)
            where = f"表{table.number} {layout_cell.json_path}"
            assert [h["text"] for h in above] == want_above, where
            assert [h["text"] for h in left] == want_left, where
            fl, ft, fr, fb = fig["box"]
            assert fr > fl, f"{where}: not laid out"
            assert fb > ft, f"{where}: not laid out"
            for h in above:  # over the figure, spanning its width
                hl, _, hr, hb = h["box"]
                assert (hl <= fl + 0.5, fr <= hr + 0.5, hb <= ft + 0.5) == (True,) * 3, where
            for h in left:  # beside the figure, spanning its height
                _, ht, hr, hb = h["box"]
                assert (ht <= ft + 0.5, fb <= hb + 0.5, hr <= fl + 0.5) == (True,) * 3, where
            checked += 1
    return checked


@pytest.mark.parametrize("locale", ["zh_CN", "en"])
@pytest.mark.parametrize(
    ("name", "figures"), [("jianghe-2021", 10 + 175 + 15), ("jianghe-2020", 22 + 161 + 15)]
)
def test_every_figure_under_its_labels(
    name: str, figures: int, locale: str, tmp_path: Path
) -> None:
    report = examples.load(name)
    measured = probe(render.html(report, locale=locale), tmp_path)
    assert check_page(report, locale, measured) == figures


def test_fragment_in_a_cms_page(tmp_path: Path) -> None:
    """The fragment keeps its layout inside someone else's page."""
    from govdisclosure.rendering import RenderOptions

    report = examples.load("jianghe-2021")
    fragment = render.html(report, options=RenderOptions(standalone=False))
    page = (
        "<!doctype html><html lang='zh-CN'><head><meta charset='utf-8'>"
        "<style>table{width:50%} td{padding:3px}</style></head>"
        f"<body><div class='cms'>{fragment}</div></body></html>"
    )
    assert check_page(report, "zh_CN", probe(page, tmp_path)) == 200


def test_screenshot(tmp_path: Path) -> None:
    """Chromium prints the page to a picture (as docs/_static/ is made)."""
    page = tmp_path / "r.html"
    page.write_text(render.html(examples.load("jianghe-2021")), encoding="utf-8")
    shot = tmp_path / "shot.png"
    run_chromium(
        ["--window-size=900,1200", f"--screenshot={shot}", page.as_uri()], tmp_path / "profile"
    )
    png = shot.read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert (width, height) == (900, 1200)


# ---------------------------------------------------------------- the docs' pictures


def _text_page(text: str) -> str:
    return (
        "<!doctype html><html lang='zh-CN'><head><meta charset='utf-8'><style>"
        "body{margin:16px;background:#fff}pre{font:13px/1.35 'Noto Sans Mono CJK SC',"
        "monospace;margin:0}</style></head><body><pre>"
        f"{html.escape(text)}</pre></body></html>"
    )


def _markdown_page(md: str) -> str:
    import markdown_it  # the docs extra

    body = markdown_it.MarkdownIt("commonmark").enable("table").render(md)
    return (
        "<!doctype html><html lang='zh-CN'><head><meta charset='utf-8'><style>"
        "body{font:15px/1.6 'Noto Sans CJK SC',sans-serif;max-width:860px;margin:24px auto;"
        "color:#1f2328}table{border-collapse:collapse;font-size:13px}td,th{border:1px solid "
        "#d0d7de;padding:4px 10px}table{margin:0 0 14px}tr:nth-child(2n){background:#f6f8fa}"
        "h1,h2{border-bottom:"
        "1px solid #d8dee4;padding-bottom:.3em}</style></head><body>"
        f"{body}</body></html>"
    )


def _section(text: str, start: str, end: str) -> str:
    return text[text.index(start) : text.index(end)]


def make_screenshots(out: Path) -> list[Path]:
    """Pictures of the 2021 example as HTML, text and Markdown, for the docs."""
    report = examples.load("jianghe-2021")
    text = render.text(report)
    md = render.markdown(report)
    tables_only = attrs.evolve(
        report,
        metadata=None,
        preamble=(),
        active=None,
        sections=tuple(s for s in report.sections if s.ordinal in (3, 4)),
        facts=(),
        relations=(),
        signature=None,
    )
    tables_only = attrs.evolve(
        tables_only,
        sections=tuple(attrs.evolve(s, paragraphs=()) for s in tables_only.sections),
    )
    pages = {
        "render-html.png": (render.html(report), "900,3300"),
        "render-html-tables.png": (render.html(tables_only), "900,1240"),
        "render-text.png": (
            _text_page(_section(text, "三、收到和处理", "四、政府信息公开行政复议")),
            "1000,1080",
        ),
        "render-markdown.png": (
            _markdown_page(_section(md, "## 二、主动公开", "## 三、收到和处理")),
            "900,470",
        ),
    }
    made = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, (page, size) in pages.items():
            path = Path(tmp) / (name + ".html")
            path.write_text(page, encoding="utf-8")
            target = out / name
            run_chromium(
                [f"--window-size={size}", f"--screenshot={target}", path.as_uri()],
                Path(tmp) / "profile",
            )
            made.append(target)
    return made


if __name__ == "__main__":
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/_static")
    for made_path in make_screenshots(folder):
        print(made_path)
