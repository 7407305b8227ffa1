"""The sizes of the house, kept by reading every source file with ast.

- no source file over 600 lines of code (docstrings, comments and blank lines aside);
- no function over 80 lines, and at most 8 over 60;
- the floors drawn in ``docs/_static/floors.svg`` are those of the imports today
  (``scripts/floors.py`` draws them);
- the editions named (``Edition.STANDARD_2021``, …) at most 20 times outside ``layout/`` and
  ``model/``, where edition knowledge lives: elsewhere code reads it from the layouts.

A failure prints every offender, largest first.
"""

from __future__ import annotations

import ast
import importlib.util
import io
import pathlib
import tokenize
from typing import Any

SRC = pathlib.Path(__file__).resolve().parent.parent / "src" / "govdisclosure"

MAX_FILE_CODE = 600
MAX_FUNCTION = 80
LONG_FUNCTION = 60
MAX_LONG_FUNCTIONS = 8
MAX_EDITION_NAMES = 20
EDITION_MEMBERS = frozenset({"STANDARD_2021", "TRIAL_2019", "LEGACY_2008"})
EDITION_HOMES = ("layout", "model")


def _sources() -> list[pathlib.Path]:
    return sorted(SRC.rglob("*.py"))


def _name(path: pathlib.Path) -> str:
    return path.relative_to(SRC.parent).as_posix()


def _docstring_lines(tree: ast.AST) -> set[int]:
    """The lines of every docstring (module, class, function) and bare string statement."""
    lines: set[int] = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Expr)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            end = node.end_lineno or node.lineno
            lines.update(range(node.lineno, end + 1))
    return lines


def code_lines(source: str) -> int:
    """Lines holding code: not blank, not only a comment, not part of a docstring.

    >>> code_lines('\"\"\"Doc.\\n\\nMore.\"\"\"\\n\\n# note\\nx = 1  # one\\n')
    1
    """
    tree = ast.parse(source)
    skip = _docstring_lines(tree)
    lines: set[int] = set()
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type in (
            tokenize.COMMENT,
            tokenize.NL,
            tokenize.NEWLINE,
            tokenize.INDENT,
            tokenize.DEDENT,
            tokenize.ENDMARKER,
        ):
            continue
        lines.update(range(tok.start[0], tok.end[0] + 1))
    return len(lines - skip)


def function_sizes(source: str) -> list[tuple[str, int]]:
    """Every function and method with its length in lines (decorators to last line).

    >>> function_sizes("def f():\\n    return 1\\n\\nclass C:\\n    def m(self):\\n        pass\\n")
    [('f', 2), ('C.m', 2)]
    """
    out: list[tuple[str, int]] = []

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                first = min([child.lineno, *(d.lineno for d in child.decorator_list)])
                out.append((prefix + child.name, (child.end_lineno or first) - first + 1))
                visit(child, f"{prefix}{child.name}.")
            elif isinstance(child, ast.ClassDef):
                visit(child, f"{prefix}{child.name}.")
            else:
                visit(child, prefix)

    visit(ast.parse(source), "")
    return out


def edition_names(source: str) -> list[int]:
    """The lines where code names an edition member (``Edition.TRIAL_2019``); docstrings
    and comments are not code.

    >>> edition_names("from x import Edition\\ne = Edition.TRIAL_2019\\n")
    [2]
    """
    return [
        node.lineno
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Attribute)
        and node.attr in EDITION_MEMBERS
        and isinstance(node.value, ast.Name)
        and node.value.id == "Edition"
    ]


def _read(path: pathlib.Path) -> str:
    return path.read_text(encoding="utf-8")


def test_no_source_file_is_over_600_lines_of_code() -> None:
    sizes = [(code_lines(_read(p)), _name(p)) for p in _sources()]
    over = sorted((s for s in sizes if s[0] > MAX_FILE_CODE), reverse=True)
    assert not over, f"files over {MAX_FILE_CODE} lines of code: " + ", ".join(
        f"{name} ({n})" for n, name in over
    )


def test_functions_are_short() -> None:
    sizes = [(n, f"{_name(p)}:{fn}") for p in _sources() for fn, n in function_sizes(_read(p))]
    long = sorted((s for s in sizes if s[0] > LONG_FUNCTION), reverse=True)
    too_long = [s for s in long if s[0] > MAX_FUNCTION]
    listing = ", ".join(f"{name} ({n})" for n, name in long)
    summary = f"{len(long)} functions over {LONG_FUNCTION} lines: {listing}"
    assert not too_long, f"functions over {MAX_FUNCTION} lines: {too_long}; {summary}"
    assert len(long) <= MAX_LONG_FUNCTIONS, f"at most {MAX_LONG_FUNCTIONS} allowed; {summary}"


def test_editions_are_named_where_their_knowledge_lives() -> None:
    named = []
    for p in _sources():
        if p.relative_to(SRC).parts[0] in EDITION_HOMES:
            continue
        named += [f"{_name(p)}:{line}" for line in edition_names(_read(p))]
    assert len(named) <= MAX_EDITION_NAMES, (
        f"Edition members named {len(named)} times outside layout/ and model/ (at most "
        f"{MAX_EDITION_NAMES}): " + ", ".join(named)
    )


def test_the_measures_see_what_they_measure() -> None:
    """The three measures on a known source, so a passing run means something."""
    source = (
        '"""Module doc."""\n'
        "from govdisclosure.layout import Edition\n\n"
        "def f() -> object:\n"
        '    """Doc\n    on two lines."""\n'
        "    # a comment\n"
        "    return Edition.LEGACY_2008\n"
    )
    assert code_lines(source) == 3
    assert function_sizes(source) == [("f", 5)]
    assert edition_names(source) == [8]


# --------------------------------------------------------------------------- the floors picture


def _script(name: str) -> Any:
    return _script_at(SRC.parent.parent / "scripts" / f"{name}.py")


def test_the_floors_picture_is_drawn_from_the_imports() -> None:
    floors = _script("floors")
    committed = floors.TARGET.read_text(encoding="utf-8")
    assert committed == floors.render(), "the imports changed: run scripts/floors.py"


def test_the_picture_has_the_architecture_tests_floors() -> None:
    floors = _script("floors")
    architecture = _script_at(SRC.parent.parent / "tests" / "test_architecture.py")
    assert floors.FLOORS == architecture.FLOORS


def _script_at(path: pathlib.Path) -> Any:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
