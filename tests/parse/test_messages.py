"""Every reading finding's message: the Chinese one has no English words, the English one no
Chinese beyond quoted labels (the args each trigger of tests/parse/test_findings gives)."""

from __future__ import annotations

import re

import pytest
from tests.parse.test_findings import TRIGGERS

from govdisclosure.parse import CODES, parse

_QUOTED = re.compile(r"“[^”]*”|'[^']*'|\"[^\"]*\"|‘[^’]*’")
_ENGLISH = re.compile(r"[A-Za-z]{2,}")
_HAN = re.compile(r"[\u3400-\u9fff]")
#: Names that are names in either language: encodings, the converter package, file formats
#: and the acronym of text recognition (Word, PDF, OCR).
_NAMES = re.compile(
    r"gb18030|gbk|utf-8|big5|opencc|govdisclosure\[traditional\]|Word|PDF|OCR", re.I
)


def _findings(code: str) -> list:
    source, kwargs = TRIGGERS[code]
    return [f for f in parse(source, **kwargs).findings if f.code == code]


@pytest.mark.parametrize("code", sorted(CODES))
def test_the_chinese_message_has_no_english_words(code: str) -> None:
    for f in _findings(code):
        zh = _NAMES.sub("", _QUOTED.sub("", f.message("zh_CN")))
        assert not _ENGLISH.search(zh), (code, f.message("zh_CN"))


@pytest.mark.parametrize("code", sorted(CODES))
def test_the_english_message_has_no_unquoted_chinese(code: str) -> None:
    for f in _findings(code):
        en = _QUOTED.sub("", f.message("en"))
        assert not _HAN.search(en), (code, f.message("en"))
