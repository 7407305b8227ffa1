"""Messages speak one language each: Chinese messages have no English words, English ones
no untranslated Chinese beyond quoted labels and glosses — over the whole catalogue, with the
arguments real findings give (each rule broken once, as docs/rules.md shows)."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest

from govdisclosure.rules import catalog
from govdisclosure.rules._catalog import _PARTS

ROOT = Path(__file__).resolve().parents[1]
_PLACEHOLDER = re.compile(r"\{[^}]*\}")
_ENGLISH = re.compile(r"[A-Za-z]{2,}")
_CODE = re.compile(r"GD\d{3}")
_CHINESE = re.compile(r"[\u3400-\u9fff]")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|\([^()]*[\u3400-\u9fff][^()]*\)")
"""A quoted label (“一、本年新收…”) or a gloss in brackets (收费通知) may be Chinese in English."""


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "gen_rules_doc", ROOT / "scripts" / "gen_rules_doc.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _english_in(zh: str) -> list[str]:
    return _ENGLISH.findall(_CODE.sub("", zh))


def _chinese_in(en: str) -> list[str]:
    return _CHINESE.findall(_QUOTED.sub("", en))


@pytest.mark.parametrize("rule", catalog(), ids=lambda r: r.code)
def test_every_template_speaks_its_language(rule) -> None:  # type: ignore[no-untyped-def]
    assert _english_in(_PLACEHOLDER.sub("", rule.message)) == [], rule.message
    assert _chinese_in(_PLACEHOLDER.sub("", rule.message_en)) == [], rule.message_en
    assert _english_in(rule.title) == []


@pytest.mark.parametrize("name", sorted(_PARTS))
def test_every_message_part_speaks_its_language(name: str) -> None:
    zh, en = _PARTS[name]
    assert _english_in(_PLACEHOLDER.sub("", zh)) == [], zh
    assert _chinese_in(_PLACEHOLDER.sub("", en)) == [], en


@pytest.mark.parametrize("rule", catalog(), ids=lambda r: r.code)
def test_real_findings_speak_one_language_each(rule) -> None:  # type: ignore[no-untyped-def]
    _, findings = _script()._example(rule)
    assert findings, rule.code
    for f in findings:
        zh, en = f.message(), f.message("en")
        assert _english_in(zh) == [], zh
        assert _chinese_in(en) == [], en
        assert _english_in(f.where()) == [], f.where()
