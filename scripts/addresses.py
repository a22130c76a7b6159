"""Where everything is published: the pages about the agreement (their names under
docs/<language>/), each page's site path, the short links and the generated files.

Every language is published under its root (scripts/languages.py): the original at /, the
translation at /en/. Plain Python, no MkDocs import.
"""

from __future__ import annotations

import functools
import posixpath
from pathlib import PurePosixPath

from scripts.clauses import HOME_PAGE
from scripts.languages import REGISTRY

# Pages about the agreement, in each language's folder: a title and introduction written by
# hand, the rest generated from the model (scripts/pages.py).
PARALLEL_PAGE = "parallel/index.md"  # the whole parallel view
PARALLEL_FOLDER = "parallel"  # one short parallel page per section: parallel/10.md -> /parallel/10/
FULL_PAGE = "full/index.md"  # the whole agreement on one page (front matter only)
GLOSSARY_PAGE = "glossary/index.md"
NOTES_PAGE = "notes/index.md"  # every note on the text, each linked to its part; the list generated
VERSIONS_PAGE = "versions/index.md"
DATA_PAGE = "data/index.md"  # every file the site publishes beside its pages; the table generated

SHORT_LINK_FOLDER = "clause"  # /clause/10.1/, /en/clause/10.1/
VERSION_FOLDER = "v"  # every retrieval's text at a permanent address: /v/2022-01-23/10-user-conduct/
SOURCES_FOLDER = "sources"  # every retrieval as kept, at the site root: /sources/2022-01-23.zh.txt
SEARCH_INDEX = "search/agreement.json"  # under each language's root: /search/…, /en/search/…
# What the scripts loaded on demand need (agreement-copy.js, agreement-address.js), under each
# language's root: /tools.json, /en/tools.json (scripts/pages.py, tools_json)
TOOLS_JSON = "tools.json"
CLAUSES_JSON = "clauses.json"  # at the site root, both languages
CLAUSES_SCHEMA = "clauses.schema.json"  # clauses.json's JSON Schema (scripts/schemas/), published beside it


@functools.cache  # asked thousands of times a build, for a few dozen pages
def page_url(language: str, name: str) -> str:
    """The site path of a page, under its language's root: /10-user-conduct/, /en/10-user-conduct/."""
    prefix = REGISTRY[language].root
    path = PurePosixPath(name)
    if path.name == HOME_PAGE:
        return prefix + "".join(f"{part}/" for part in path.parent.parts)
    return f"{prefix}{path.with_suffix('')}/"


@functools.cache  # likewise: every link of every generated page
def relative_url(source: str, target: str) -> str:
    """The link from one site path to another, both folders ending in '/'."""
    relative = posixpath.relpath(target, source)
    return "./" if relative == "." else relative + "/"


def parallel_section_page(section: int) -> str:
    """The short parallel page of one section: parallel/10.md (site path /parallel/10/)."""
    return f"{PARALLEL_FOLDER}/{section}.md"


def short_link_path(language: str, anchor: str) -> str:
    """The site path of a part's short link: /clause/10.1/ or /en/clause/10.1-2/; also of a
    section (/clause/10/) and of an item's other spellings (/clause/10.1(2)/, short_link_aliases)."""
    return page_url(language, HOME_PAGE) + f"{SHORT_LINK_FOLDER}/{anchor}/"


def short_link_aliases(anchor: str) -> list[str]:
    """The other ways a reader writes an item's number in an address, each a short link of its
    own: 10.1-2 is also 10.1(2) and 10.1.2. A clause or preamble paragraph has none."""
    clause, _, item = anchor.partition("-")
    if not item or "." not in clause:
        return []
    return [f"{clause}({item})", f"{clause}.{item}"]


def version_page(retrieved: str, name: str) -> str:
    """A page of a retrieval's permanent text, as a page name under the language's root:
    v/2022-01-23/10-user-conduct.md (site path /v/2022-01-23/10-user-conduct/)."""
    return f"{VERSION_FOLDER}/{retrieved}/{name}"


def source_file(retrieved: str) -> str:
    """Where a retrieval is published as it was kept, from the site root."""
    return f"{SOURCES_FOLDER}/{retrieved}.zh.txt"


def language_root(language: str) -> str:
    """The folder of a language's pages in the built site, from its root: "" or "en/"."""
    return page_url(language, HOME_PAGE).lstrip("/")
