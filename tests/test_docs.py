"""Generated documentation pages are up to date with the code that generates them."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _script(name: str) -> object:
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_labels_page_is_generated_from_the_layouts() -> None:
    script = _script("gen_labels_doc")
    page = (ROOT / "docs" / "labels.md").read_text(encoding="utf-8")
    assert page == script.render(), "run: python scripts/gen_labels_doc.py"  # type: ignore[attr-defined]
    assert (
        "| 三、本年度办理结果 / (三)不予公开 / 1.属于国家秘密 | 法人或其他组织 / 商业企业 | 件 |"
        in page
    )


def test_readme_example_runs() -> None:
    """The README's first Python block runs and prints what its comments say."""
    import contextlib
    import io
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    code = re.search(r"```python\n(.*?)```", readme, re.S)
    assert code is not None
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code.group(1), "README.md", "exec"), {})
    printed = out.getvalue().splitlines()
    promised = [
        line.split("#", 1)[1].strip() for line in code.group(1).splitlines() if "print(" in line
    ]
    for line, comment in zip(printed, promised, strict=True):
        assert line == comment.split(" — ")[0]
