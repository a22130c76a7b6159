"""MkDocs hooks: stop the build on a clause mismatch, and give every clause its anchor.

Thin by design: all clause knowledge lives in scripts/clauses.py and scripts/check_clauses.py.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

# MkDocs puts only this file's folder on sys.path; the model is imported as a package.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts.check_clauses import check_docs, report  # noqa: E402
from scripts.clauses import LANGUAGES, Page as AgreementPage, ParseError, parse_markdown  # noqa: E402
from scripts.source import read_source  # noqa: E402

try:
    from scripts.search_index import build_index  # noqa: E402
except ImportError as error:
    raise PluginError(str(error)) from error

SOURCE_FILE = Path(__file__).resolve().parent.parent / "source" / "tim-agreement.zh.txt"
SEARCH_INDEX = "search/agreement.json"  # under each language's root: /search/…, /en/search/…

# The pages of the language being built (the i18n plugin runs one build per language),
# and that language's root folder in the site, where its home page is written.
_built_pages: list[AgreementPage] = []
_language_root: list[Path] = []


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Show the source's provenance (URL, retrieval date) from its own front matter."""
    config.extra["source"] = read_source(SOURCE_FILE).provenance
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    _built_pages.clear()
    _language_root.clear()
    try:
        problems = check_docs(Path(config.docs_dir))
    except ParseError as error:
        raise PluginError(f"cannot check clauses: {error}") from error
    if problems:
        raise PluginError(report(problems))


def page_language(page: Page) -> str:
    language = page.file.src_uri.split("/", 1)[0]
    if language not in LANGUAGES:
        raise PluginError(f"{page.file.src_uri}: page outside the language folders {LANGUAGES}")
    return language


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Give each clause, item and preamble paragraph its id and a link to itself.

    Authors write "10.1 …" or "（1）…"; the ids come from the numbers, never by hand.
    """
    try:
        model = parse_markdown(markdown, page_language(page), Path(page.file.src_uri), Path(page.file.src_uri).name)
    except ParseError as error:
        raise PluginError(str(error)) from error
    _built_pages.append(model)
    if model.section is None:
        _language_root.append(Path(page.file.abs_dest_path).parent)
    lines = markdown.split("\n")

    def anchor(line: int, label: str, target: str, kind: str) -> None:
        # The number becomes a link to itself; the rest of the line stays exactly as written.
        rest = lines[line - 1].strip()[len(label):]
        lines[line - 1] = f"[{label}](#{target}){{ .clause-number }}{rest}\n{{: #{target} .{kind} }}"

    for clause in model.clauses:
        anchor(clause.line, clause.label, clause.anchor, "clause")
        for item in clause.items:
            anchor(item.line, item.label, item.anchor, "clause-item")
    for paragraph in model.paragraphs:
        if paragraph.anchor:
            lines[paragraph.line - 1] += f"\n{{: #{paragraph.anchor} .preamble }}"
    return "\n".join(lines)


def on_post_build(config: MkDocsConfig) -> None:
    """Write this language's search index from the pages just built, in reading order."""
    if not _built_pages:
        return
    pages = sorted(_built_pages, key=lambda page: (page.section or 0))
    try:
        index = build_index(pages)
    except RuntimeError as error:
        raise PluginError(str(error)) from error
    target = _language_root[0] / SEARCH_INDEX
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
