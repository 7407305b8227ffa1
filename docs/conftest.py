"""The pages whose examples need an optional extra are skipped when it is not installed."""

from __future__ import annotations

import importlib.util

#: A page, and the modules its examples import.
_NEEDS = {"howto-pandas.md": ("pandas", "pyarrow")}

collect_ignore = [
    page
    for page, modules in _NEEDS.items()
    if any(importlib.util.find_spec(m) is None for m in modules)
]
