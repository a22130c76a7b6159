"""The Content-Security-Policy's script hashes, computed from the pages the build wrote.

Material puts a few small inline scripts in every page (its scope and palette state, the tab
restore); a policy of `script-src 'self'` blocks them unless it names their SHA-256 hashes. The
build hashes every inline script it finds, so a Material upgrade that changes one cannot
silently break the policy: the server reads the hashes from the file the build writes
(`site-config/nginx-site.conf`, included in nginx's http block; see deploy/). Plain Python, no MkDocs import.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from html.parser import HTMLParser

SERVER_INCLUDE = "nginx-site.conf"  # written by the build to site-config/, beside site/ (scripts/staged_site.py)
_SCRIPT_TYPES = {"", "text/javascript", "module", "application/javascript"}


# A script element's text runs to the first "</script" (the HTML tokenizer's script data state),
# so the pages' scripts are found without parsing the rest of each page; only the start tag's
# attributes go through the HTML parser.
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script[\s/>]", re.IGNORECASE | re.DOTALL)


class _StartTag(HTMLParser):
    def __init__(self, tag: str) -> None:
        super().__init__(convert_charrefs=True)
        self.attributes: dict[str, str | None] = {}
        self.feed(tag)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.attributes = dict(attrs)


def inline_scripts(page: str) -> list[str]:
    """The text of every script a page runs from its own markup (not data blocks such as JSON)."""
    scripts = []
    for attributes_text, text in _SCRIPT.findall(page):
        attributes = _StartTag(f"<script{attributes_text}>").attributes
        if "src" not in attributes and (attributes.get("type") or "").lower() in _SCRIPT_TYPES:
            scripts.append(text)
    return scripts


def script_hash(script: str) -> str:
    """A CSP source expression for one inline script: 'sha256-…' of its exact UTF-8 text."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def script_hashes(pages: Iterable[str]) -> list[str]:
    return sorted({script_hash(script) for page in pages for script in inline_scripts(page)})


def server_include(hashes: list[str], not_found: dict[str, str]) -> str:
    """nginx's http-context variables for deploy/site.conf: the script hashes, and the 404 page
    for each language's folder (site path → its 404 page; the first is the default).

    `map`, not `set`: a map is read when it is used, also for an error (such as 414) that nginx
    answers before any `set` would run."""
    default, *others = not_found.items()
    pages = [f'    default "{default[1]}";', *(f'    "~^{re.escape(folder)}" "{page}";' for folder, page in others)]
    return (
        "\n".join(
            [
                "# Written by the build (scripts/csp.py) for the pages beside this file: do not edit.",
                f'map "" $agreement_script_hashes {{ default "{" ".join(hashes)}"; }}',
                "map $uri $agreement_not_found {",
                *pages,
                "}",
            ]
        )
        + "\n"
    )
