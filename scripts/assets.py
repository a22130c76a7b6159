"""Our own stylesheets and scripts, published minified, while the source keeps its explanations.
Every page loads agreement.css, agreement-search-button.js and agreement-clauses.js; the others
come when needed: views.css with the pages about the agreement, search-core.js with the first
search, agreement-copy.js on the first copy, agreement-address.js for an address naming a part
the page lacks, agreement-glossary.js on the glossary and the first click on a defined term.
rcssmin and rjsmin are well-kept minifiers that know CSS and JavaScript syntax (strings, regular
expressions, comments), where a hand-written pattern would not. Plain Python.
"""

from __future__ import annotations

import rcssmin  # type: ignore[import-untyped]  # ships no type hints and has no stubs package
import rjsmin  # type: ignore[import-untyped]  # likewise

MINIFIED_ASSETS = (
    "assets/agreement.css",
    "assets/views.css",
    "assets/javascripts/agreement-address.js",
    "assets/javascripts/agreement-clauses.js",
    "assets/javascripts/agreement-copy.js",
    "assets/javascripts/agreement-glossary.js",
    "assets/javascripts/agreement-search-button.js",
    "assets/javascripts/search-core.js",
)


def minified(path: str, text: str) -> str:
    """A stylesheet or script of MINIFIED_ASSETS as published."""
    return (str(rcssmin.cssmin(text)) if path.endswith(".css") else str(rjsmin.jsmin(text))) + "\n"
