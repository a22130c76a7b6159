"""MkDocs hooks: check the clauses, give each its anchor, and write what is generated from them.

Thin by design: clause knowledge lives in scripts/clauses.py (the model), the check in
scripts/check_clauses.py, generated pages and files in scripts/exports.py and
scripts/search_index.py. The i18n plugin runs one build per language; each build writes
its own language's files.
"""

from __future__ import annotations

import json
import os
import re
import sys
from datetime import datetime, timezone
from pathlib import Path

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

# MkDocs puts only this file's folder on sys.path; the model is imported as a package.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts.check_clauses import check_pages, report  # noqa: E402
from scripts.clauses import HOME_PAGE, LANGUAGES, ParseError, page_url, parse_language, parse_markdown  # noqa: E402
from scripts.clauses import Page as AgreementPage  # noqa: E402
from scripts.exports import CITATION_NAME, PARALLEL_PAGE, clauses_document, parallel_rows, short_link_pages  # noqa: E402
from scripts.search_index import build_index  # noqa: E402
from scripts.source import read_source  # noqa: E402

SOURCE_FILE = Path(__file__).resolve().parent.parent / "source" / "tim-agreement.zh.txt"
SEARCH_INDEX = "search/agreement.json"  # under each language's root: /search/…, /en/search/…
CLAUSES_JSON = "clauses.json"  # at the site root, both languages
PARALLEL_LINK_TITLE = {"zh": "中英对照", "en": "Side by side with the Chinese"}

# Both languages as parsed at the start of this build, and the language this build renders.
_pages: dict[str, list[AgreementPage]] = {}
_built_languages: set[str] = set()
# Each language's 404 page: every build writes its own to the site root, over the last one.
_not_found_pages: dict[str, str] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Show the source's provenance (URL, retrieval date) from its own front matter."""
    source = read_source(SOURCE_FILE)
    config.extra["source"] = source.provenance
    # Date the build by the text, not the clock, so that two builds are byte-identical
    # (MkDocs stamps page dates and sitemap.xml.gz with it).
    retrieved = datetime.fromisoformat(source.retrieved).replace(tzinfo=timezone.utc)
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(int(retrieved.timestamp())))
    config.extra["citation_names"] = CITATION_NAME  # for the copy-citation buttons
    return config


class _SharedBytecodeCache(BytecodeCache):
    """Compiled templates kept in memory across builds: the i18n plugin builds each language
    with a fresh Jinja environment, which would compile every Material template again."""

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self._compiled:
            bucket.bytecode_from_string(self._compiled[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()


_TEMPLATE_CACHE = _SharedBytecodeCache()


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    env.bytecode_cache = _TEMPLATE_CACHE
    return env


def on_pre_build(config: MkDocsConfig) -> None:
    """Stop the build when the two languages' clause structures differ."""
    _built_languages.clear()
    try:
        _pages.update({language: parse_language(Path(config.docs_dir), language) for language in LANGUAGES})
    except ParseError as error:
        raise PluginError(f"cannot check clauses: {error}") from error
    if problems := check_pages(_pages):
        raise PluginError(report(problems))


def page_language(page: Page) -> str:
    language = page.file.src_uri.split("/", 1)[0]
    if language not in LANGUAGES:
        raise PluginError(f"{page.file.src_uri}: page outside the language folders {LANGUAGES}")
    return language


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Give each clause, item and preamble paragraph its id, a link to itself and to its row
    in the parallel view. Authors write "10.1 …" or "（1）…"; ids come from the numbers."""
    language = page_language(page)
    _built_languages.add(language)
    if page.file.src_uri == f"{language}/{PARALLEL_PAGE}":
        return f"{markdown}\n\n{parallel_rows(_pages, language)}"
    try:
        model = parse_markdown(markdown, language, Path(page.file.src_uri), Path(page.file.src_uri).name)
    except ParseError as error:
        raise PluginError(str(error)) from error
    lines = markdown.split("\n")
    parallel_title = PARALLEL_LINK_TITLE[language]

    def anchor(line: int, label: str, target: str, kind: str) -> None:
        # The number becomes a link to itself; the rest of the line stays exactly as written.
        rest = lines[line - 1].strip()[len(label):]
        parallel = f'[⇄]({PARALLEL_PAGE}#{target}){{ .parallel-link title="{parallel_title} {label}" }}'
        lines[line - 1] = f"[{label}](#{target}){{ .clause-number }}{rest}{parallel}\n{{: #{target} .{kind} }}"

    for clause in model.clauses:
        anchor(clause.line, clause.label, clause.anchor, "clause")
        for item in clause.items:
            anchor(item.line, item.label, item.anchor, "clause-item")
    for paragraph in model.paragraphs:
        if paragraph.anchor:
            lines[paragraph.line - 1] += f"\n{{: #{paragraph.anchor} .preamble }}"
    return "\n".join(lines)


# Material marks its drawer and search toggles autocomplete="off", which HTML allows on text
# inputs only (the Nu Html Checker reports it on every page); the template has no block for it.
_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*type="checkbox"[^>]*?) autocomplete="off"')


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return _CHECKBOX_AUTOCOMPLETE.sub(r"\1", output)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """The same for pages rendered from a template alone, such as 404.html."""
    return _CHECKBOX_AUTOCOMPLETE.sub(r"\1", output_content)


def _language_root(site: Path, language: str) -> Path:
    """The folder of a language's pages in the built site: the site itself, or site/en."""
    return site / page_url(language, HOME_PAGE).lstrip("/")


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def on_post_build(config: MkDocsConfig) -> None:
    """Write this build's search index, short links and 404 page, and clauses.json."""
    site = Path(config.site_dir)
    for language in _built_languages:
        _not_found_pages[language] = (site / "404.html").read_text(encoding="utf-8")
    for language, html in _not_found_pages.items():
        _write(_language_root(site, language) / "404.html", html)
    for language in _built_languages:
        pages = _pages[language]
        index = build_index(_pages, language)
        _write(_language_root(site, language) / SEARCH_INDEX, json.dumps(index, ensure_ascii=False, separators=(",", ":")))
        for path, html in short_link_pages(pages, config.site_name, config.site_url or "/", config.theme["favicon"]):
            _write(site / path.lstrip("/") / "index.html", html)
    titles = {language: _pages[language][0].title for language in LANGUAGES}
    document = clauses_document(_pages, titles, config.extra["source"], config.site_url or "/")
    _write(site / CLAUSES_JSON, json.dumps(document, ensure_ascii=False, indent=1) + "\n")
