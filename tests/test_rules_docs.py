"""docs/rules.md is generated from the catalogue and must be up to date."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from govdisclosure.rules import catalog

ROOT = Path(__file__).resolve().parents[1]


def _script():
    spec = importlib.util.spec_from_file_location(
        "gen_rules_doc", ROOT / "scripts" / "gen_rules_doc.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_rules_page_is_up_to_date() -> None:
    page = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert page == _script().render(), "run: python scripts/gen_rules_doc.py"


def test_rules_page_lists_every_rule_with_examples_in_both_languages() -> None:
    page = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for rule in catalog():
        assert f"| {rule.code} |" in page
        assert f"## {rule.code}: " in page
        section = page.split(f"## {rule.code}: ")[1].split("\n## ")[0]
        lines = [line for line in section.splitlines() if line.startswith(("错误", "警告", "提示"))]
        english = [
            line for line in section.splitlines() if line.startswith(("error", "warning", "notice"))
        ]
        assert len(lines) == 1, rule.code
        assert len(english) == 1, rule.code
