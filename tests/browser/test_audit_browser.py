"""The audit page as a person sees it: headless Chromium opens it, and a picture is taken.

A folder mixing the bundled examples, a late report, pages cut mid-table and junk is audited
(:func:`govdisclosure.audit`); Chromium loads the page with a probe script that measures the
charts (their boxes and the shapes drawn in them) and clicks a column heading to sort the
table. A screenshot of the page is then checked: not blank, and the colours of the bars are
there, inside the boxes of the charts that draw them.

Without chromium the tests are skipped locally and FAIL in CI (``CI=true``); without
matplotlib (the ``audit`` extra) they are skipped.

``python tests/browser/test_audit_browser.py`` writes the picture of the docs
(``docs/_static/audit.png``).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

import attrs
import pytest
from test_browser_render import run_chromium  # the same directory: its chromium and flags

from govdisclosure import examples, to_json
from govdisclosure.analysis._audit import audit
from govdisclosure.model import AgencyKind

CORPUS = Path(__file__).parents[1] / "fixtures" / "corpus" / "raw"
SIZE = (1280, 1800)

PROBE = """
<script>
(function () {
  var charts = [];
  document.querySelectorAll("figure.chart").forEach(function (f) {
    var svg = f.querySelector("svg"), box = svg.getBoundingClientRect(), drawn = 0;
    svg.querySelectorAll("path, use").forEach(function (p) {
      var b = p.getBoundingClientRect();
      if (b.width > 0 || b.height > 0) drawn++;
    });
    charts.push({name: f.getAttribute("data-chart"), drawn: drawn,
                 box: [box.left, box.top, box.right, box.bottom]});
  });
  var table = document.getElementById("reports"), heads = table.tHead.rows[0].cells, col = -1;
  for (var i = 0; i < heads.length; i++) if (heads[i].textContent === "时效") col = i;
  heads[col].click(); heads[col].click();  // descending: the latest first
  var first = table.tBodies[0].rows[0].cells[col].textContent;
  var pre = document.createElement("pre");
  pre.id = "gd-probe";
  pre.textContent = JSON.stringify({charts: charts, rows: table.tBodies[0].rows.length,
                                    first: first});
  document.body.appendChild(pre);
})();
</script>
"""


def _signed(report: Any, day: dt.date, **changes: Any) -> Any:
    return attrs.evolve(
        report,
        signature=attrs.evolve(report.signature, date=day),
        metadata=attrs.evolve(report.metadata, published=day),
        **changes,
    )


def make_folder(root: Path) -> None:
    """Examples, a department late by 15 days, a government on time on the same day, two
    pages cut mid-table, and junk."""
    for name in examples.names():
        (root / f"{name}.json").write_text(to_json(examples.load(name)), encoding="utf-8")
    base = examples.load("jianghe-2021")
    late = _signed(base, dt.date(2022, 2, 15), agency="江河市交通运输局")
    government = _signed(
        base,
        dt.date(2022, 2, 15),
        agency="江河市人民政府",
        agency_kind=AgencyKind.CITY_GOVERNMENT,
    )
    (root / "late.json").write_text(to_json(late), encoding="utf-8")
    (root / "government.json").write_text(to_json(government), encoding="utf-8")
    for name in ("002.txt", "010.txt", "013.txt"):
        text = (CORPUS / name).read_text(encoding="utf-8").split("\n---\n", 1)[1]
        (root / f"cut-{name}").write_text(text, encoding="utf-8")
    (root / "empty.txt").write_text("", encoding="utf-8")
    (root / "broken.json").write_text("{", encoding="utf-8")


def page(tmp: Path) -> str:
    pytest.importorskip("matplotlib")
    folder = tmp / "reports"
    folder.mkdir()
    make_folder(folder)
    return audit(folder, as_of=dt.date(2026, 6, 30)).to_html()


def _probe(html: str, tmp: Path) -> dict[str, Any]:
    path = tmp / "probe.html"
    path.write_text(html.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    size = f"--window-size={SIZE[0]},{SIZE[1]}"
    dom = run_chromium([size, "--virtual-time-budget=5000", "--dump-dom", path.as_uri()], tmp / "p")
    start = dom.index('<pre id="gd-probe">') + len('<pre id="gd-probe">')
    end = dom.index("</pre>", start)
    raw = dom[start:end].replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    result: dict[str, Any] = json.loads(raw)
    return result


def screenshot(html: str, target: Path, tmp: Path) -> Path:
    path = tmp / "audit.html"
    path.write_text(html, encoding="utf-8")
    size = f"--window-size={SIZE[0]},{SIZE[1]}"
    run_chromium([size, f"--screenshot={target}", path.as_uri()], tmp / "s")
    return target


def test_the_page_in_a_browser(tmp_path: Path) -> None:
    html = page(tmp_path)
    measured = _probe(html, tmp_path)
    charts = {c["name"]: c for c in measured["charts"]}
    assert set(charts) == {"families", "timeliness", "outcomes", "years"}
    for name, c in charts.items():
        left, top, right, bottom = c["box"]
        assert right - left > 300, name
        assert bottom - top > 150, name
        assert c["drawn"] > 30, name  # bars, axes and the glyphs of the labels
    assert measured["rows"] == 8  # the reports read; the 2 junk files are listed apart
    assert measured["first"] == "逾期15天"  # the sorting script sorted by timeliness

    image = pytest.importorskip("PIL.Image")
    shot = screenshot(html, tmp_path / "shot.png", tmp_path)
    picture = image.open(shot).convert("RGB")
    assert picture.size == SIZE
    colours = picture.getcolors(maxcolors=1 << 20)
    assert colours is not None
    assert len(colours) > 50, "the picture is not blank"
    white = max(n for n, rgb in colours if rgb == (255, 255, 255))
    assert white < 0.95 * SIZE[0] * SIZE[1]

    def has(chart: str, rgb: tuple[int, int, int]) -> bool:
        left, top, right, bottom = (int(v) for v in charts[chart]["box"])
        region = picture.crop((left, top, min(right, SIZE[0]), min(bottom, SIZE[1])))
        found = region.getcolors(maxcolors=1 << 20) or []
        return any(
            sum(abs(a - b) for a, b in zip(c, rgb, strict=True)) < 24 and n > 200 for n, c in found
        )

    assert has("families", (0x15, 0x65, 0xC0))  # the family bars
    assert has("timeliness", (0x2E, 0x7D, 0x32))  # on time
    assert has("timeliness", (0xC6, 0x28, 0x28))  # late
    assert has("outcomes", (0xFF, 0xB7, 0x4D))  # unable to provide
    assert not has("families", (0x2E, 0x7D, 0x32))  # and not where it is not drawn


def make_screenshot(out: Path) -> Path:
    """Write docs/_static/audit.png."""
    with tempfile.TemporaryDirectory() as tmp:
        html = page(Path(tmp))
        return screenshot(html, out / "audit.png", Path(tmp))


if __name__ == "__main__":
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/_static")
    print(make_screenshot(folder))
