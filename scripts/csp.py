"""The Content-Security-Policy's script hashes: of the inline scripts of the site's own templates.

Material puts a few small inline scripts in every page (its scope and palette state, the tab
restore); a policy of `script-src 'self'` blocks them unless it names their SHA-256 hashes. The
scripts the site may run inline are the ones its templates hold (Material's and ours, in the
theme's folders), each a pattern in which a template expression stands for any text of a string
literal. The build reads every inline script of every page it wrote: one that no template's
pattern matches stops the build (it is not the site's: an injection), and the hashes of the
others go into the policy the server sends (`site-config/nginx-site.conf`, included in nginx's
http block; see deploy/). A Material upgrade that changes a script changes the patterns with it.
Plain Python, no MkDocs import.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from html.parser import HTMLParser
from pathlib import Path

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


# A template expression inside a script ({{ base_url }}): text of a string literal, no quote,
# backslash or angle bracket.
_EXPRESSION = re.compile(r"\{\{.*?\}\}", re.DOTALL)
_LITERAL_TEXT = r"[^\"'\\<>]*"


def template_scripts(theme_dirs: Iterable[Path]) -> list[re.Pattern[str]]:
    """A pattern for each inline script of the templates in the theme's folders."""
    patterns = []
    for folder in theme_dirs:
        for path in sorted(folder.rglob("*.html")):
            for script in inline_scripts(path.read_text(encoding="utf-8")):
                pieces = _EXPRESSION.split(script)
                if script.strip() and "{%" not in script:  # a script with control flow is no one script
                    patterns.append(re.compile(_LITERAL_TEXT.join(re.escape(piece) for piece in pieces)))
    return patterns


def script_hashes(pages: Iterable[tuple[str, str]], patterns: list[re.Pattern[str]]) -> tuple[list[str], list[tuple[str, str]]]:
    """The hashes of the inline scripts of the pages (name, HTML) that a template's pattern matches,
    and (page, the script's beginning) of each that none matches."""
    hashes, foreign = set(), []
    for name, page in pages:
        for script in inline_scripts(page):
            if any(pattern.fullmatch(script) for pattern in patterns):
                hashes.add(script_hash(script))
            else:
                foreign.append((name, script[:80]))
    return sorted(hashes), foreign


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
                "# Written by the build (scripts/csp.py) for the site beside this folder: do not edit.",
                f'map "" $agreement_script_hashes {{ default "{" ".join(hashes)}"; }}',
                "map $uri $agreement_not_found {",
                *pages,
                "}",
            ]
        )
        + "\n"
    )
