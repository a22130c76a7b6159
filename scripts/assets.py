"""Our own stylesheet and scripts, published minified: every page loads them (the search core, every
first search), and the source keeps its explanations. rcssmin and rjsmin are well-kept minifiers
that know CSS and JavaScript syntax (strings, regular expressions, comments), where a hand-written
pattern would not. Plain Python.
"""

from __future__ import annotations

import rcssmin  # type: ignore[import-untyped]  # ships no type hints and has no stubs package
import rjsmin  # type: ignore[import-untyped]  # likewise

MINIFIED_ASSETS = (
    "assets/agreement.css",
    "assets/javascripts/agreement-clauses.js",
    "assets/javascripts/agreement-search-button.js",
    "assets/javascripts/search-core.js",
)


def minified(path: str, text: str) -> str:
    """A stylesheet or script of MINIFIED_ASSETS as published."""
    return (str(rcssmin.cssmin(text)) if path.endswith(".css") else str(rjsmin.jsmin(text))) + "\n"
