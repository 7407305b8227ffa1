"""Sphinx configuration: furo theme, MyST Markdown pages, autodoc from the docstrings."""

project = "govdisclosure"
author = "govdisclosure developers"
copyright = "2026, govdisclosure developers"
release = version = "0.1.0"

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.intersphinx",
    "sphinx.ext.napoleon",
]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
exclude_patterns = ["_build"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
html_theme = "furo"
html_title = "govdisclosure"
html_static_path = ["_static"]
language = "en"
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "undoc-members": False}
# Offline builds: intersphinx inventories are not fetched; cross-references stay plain.
intersphinx_mapping: dict[str, tuple[str, None]] = {}
nitpicky = False
suppress_warnings = ["myst.xref_missing", "ref.python"]
