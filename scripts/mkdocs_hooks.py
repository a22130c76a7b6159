"""MkDocs hooks: check the clauses, give each its anchor, and write what is generated from them.

Thin by design: clause knowledge lives in scripts/clauses.py (the model), the check in
scripts/check_clauses.py, generated pages and files in scripts/exports.py and
scripts/search_index.py. The i18n plugin runs one build per language; each build writes
its own language's files.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

# MkDocs puts only this file's folder on sys.path; the model is imported as a package.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts.check_clauses import Problem, check_notes, check_project_pages, markup_problems, notes_file, report, unpaired_pages
from scripts.clauses import HOME_PAGE, ParseError, page_url, parse_language, parse_markdown
from scripts.clauses import Page as AgreementPage
from scripts.csp import SERVER_INCLUDE, script_hashes, server_include
from scripts.exports import (
    FULL_PAGE,
    GLOSSARY_PAGE,
    MINIFIED_ASSETS,
    PARALLEL_FOLDER,
    PARALLEL_PAGE,
    Editorial,
    agreement_markdown,
    clauses_document,
    full_markdown,
    glossary_table,
    minified_css,
    minified_js,
    parallel_rows,
    parallel_section_markdown,
    parallel_section_page,
    short_link_pages,
)
from scripts.glossary import GLOSSARY_FILE, GlossaryError, read_glossary
from scripts.languages import LANGUAGES, REFERENCE_LANGUAGE, REGISTRY, template_entry
from scripts.notes import notes_by_part, read_notes
from scripts.search_index import build_index
from scripts.source import read_source
from scripts.staged_site import StagedSite
from scripts.versions import VERSIONS_PAGE, History, add_versions, read_history, versions_html

SOURCE_FILE = Path(__file__).resolve().parent.parent / "source" / "tim-agreement.zh.txt"
SEARCH_INDEX = "search/agreement.json"  # under each language's root: /search/…, /en/search/…
CLAUSES_JSON = "clauses.json"  # at the site root, both languages
CLAUSES_SCHEMA = Path(__file__).resolve().parent / "schemas" / "clauses.schema.json"  # published beside it

# Both languages as parsed at the start of this build, and the language this build renders.
_pages: dict[str, list[AgreementPage]] = {}
_built_languages: set[str] = set()
_editorial = Editorial({}, [], {})  # notes on parts, glossary terms, unchanged-since dates: read with the pages
# Each language's 404 page: every build writes its own to the site root, over the last one.
_not_found_pages: dict[str, str] = {}
# Every retrieval under source/, read at the start of each build (scripts/versions.py).
_history: list[History] = []


# `mkdocs build` writes into a staging folder and the site is replaced only if it succeeds.
_command: dict[str, object] = {"name": None, "staged": None, "failed": False}


def on_startup(command: str, dirty: bool) -> None:
    _command.update(name=command if not dirty else f"{command} --dirty", staged=None, failed=False)


@event_priority(-110)  # after the i18n plugin's (-100), which sets theme.language to the build's locale
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Build into a staging folder; count strict warnings even under -q; give this language's
    build its entry of the registry (scripts/languages.py); show the source's provenance (URL,
    retrieval date) from its own front matter."""
    if _command["name"] == "build" and _command["staged"] is None:  # the outer build, not i18n's
        staged = StagedSite(Path(config.site_dir))
        config.site_dir = str(staged.begin())
        _command["staged"] = staged
    if config.strict:
        # MkDocs counts strict-mode warnings through its logger, which -q silences (so a strict
        # build with warnings would exit 0): let warnings through; in strict mode they are errors.
        logger = logging.getLogger("mkdocs")
        logger.setLevel(min(logger.getEffectiveLevel(), logging.WARNING))
    try:
        source = read_source(SOURCE_FILE)
    except ParseError as error:
        raise PluginError(f"cannot read the source: {error}") from error
    config.extra["source"] = source.provenance
    # Date the build by the text, not the clock, so that two builds are byte-identical
    # (MkDocs stamps page dates and sitemap.xml.gz with it).
    retrieved = datetime.fromisoformat(source.retrieved).replace(tzinfo=UTC)
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(int(retrieved.timestamp())))
    _use_language(config)
    return config


def _use_language(config: MkDocsConfig) -> None:
    """Everything of this build's language that MkDocs, Material and our templates read, from
    the registry: the templates find it as config.extra.language (and every language, for the
    other's name and lang, as config.extra.languages)."""
    configured = [(entry.locale, entry.name, bool(entry.default)) for entry in config.plugins["i18n"].config.languages]
    registered = [(language.code, language.name, language.code == REFERENCE_LANGUAGE) for language in REGISTRY.values()]
    if configured != registered:
        raise PluginError(
            f"mkdocs.yml's i18n languages (locale, name, default) are {configured}; scripts/languages.py has "
            f"{registered}: make them the same, the original first and the default"
        )
    # Each language's build: the i18n plugin has just set theme.language to the build's locale
    # (again on every build), which is then replaced by the HTML lang below.
    language = REGISTRY[config.theme["language"]]
    config.site_name = language.site_name
    config.site_description = language.site_description
    # Material's own strings: theme.language selects them, and its `language` names <html lang>
    # (overrides/partials/languages/zh-Hans.html for the Chinese).
    config.theme["language"] = language.html_lang
    for palette, name in zip(config.theme["palette"], language.scheme_toggles, strict=True):
        palette["toggle"]["name"] = name
    config.extra["language"] = template_entry(language)
    config.extra["languages"] = {code: template_entry(entry) for code, entry in REGISTRY.items()}
    # Where this language's generated pages and files are, from the site root (no leading /); and
    # the site's own absolute path ("" or "/tim"), for the 404 page, which is served at any depth.
    config.extra["paths"] = {
        "site": urlsplit(config.site_url or "/").path.rstrip("/"),
        "search_index": page_url(language.code, HOME_PAGE)[1:] + SEARCH_INDEX,
        "parallel": page_url(language.code, PARALLEL_PAGE)[1:],
        "full": page_url(language.code, FULL_PAGE)[1:],
        "clauses_json": CLAUSES_JSON,
        "clauses_schema": CLAUSES_SCHEMA.name,
    }


def on_build_error(error: Exception) -> None:
    _command["failed"] = True


def on_shutdown() -> None:
    """Put the staged site in place if the build succeeded; otherwise keep the previous one."""
    staged = _command["staged"]
    if isinstance(staged, StagedSite):
        if _command["failed"]:
            staged.discard()
        else:
            staged.publish()
    _command["staged"] = None


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


def json_for_script(value: object) -> Markup:
    """Jinja's `tojson` for the page's config, as UTF-8: `tojson` escapes every Chinese character
    as \\uXXXX (six bytes for three, on every page). Safe inside <script> as `tojson` is: no
    literal <, >, & or '."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    for character in "<>&'":
        text = text.replace(character, f"\\u{ord(character):04x}")
    return Markup(text)


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    env.bytecode_cache = _TEMPLATE_CACHE
    env.filters["json_for_script"] = json_for_script
    return env


@event_priority(-110)  # after the i18n plugin's (-100), which reads every file's source path
def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Our stylesheet and clause script, published minified (scripts/exports.py): each replaced by
    a generated file, the theme's own left as it is (the i18n plugin builds again from it)."""
    for path in MINIFIED_ASSETS:
        if asset := files.get_file_from_path(path):
            minify = minified_css if path.endswith(".css") else minified_js
            files.remove(asset)
            files.append(File.generated(config, path, content=minify(asset.content_string)))
    return files


def on_pre_build(config: MkDocsConfig) -> None:
    """Read both languages, the notes, the glossary and the history, and stop the build when the
    check finds a problem. Once per build of the site: in the original's build, which the i18n
    plugin runs first; the other languages' builds use what it read."""
    _built_languages.clear()
    if config.extra["language"]["code"] != REFERENCE_LANGUAGE:
        return
    try:
        _pages.update({language: parse_language(Path(config.docs_dir), language) for language in LANGUAGES})
    except ParseError as error:
        raise PluginError(f"cannot check clauses: {error}") from error
    path = notes_file(Path(config.docs_dir))
    notes, found = read_notes(path, LANGUAGES)
    problems = _check_project(config) + unpaired_pages(Path(config.docs_dir))
    if problems := problems + check_notes(notes, found, path, _pages[REFERENCE_LANGUAGE]):
        raise PluginError(report(problems))
    try:
        terms = read_glossary(Path(config.docs_dir).parent / GLOSSARY_FILE)
    except (OSError, GlossaryError) as error:
        raise PluginError(f"cannot read the glossary: {error}") from error
    global _editorial
    _editorial = Editorial(notes_by_part(notes), terms, _history[0].since)


def page_language(page: Page) -> str:
    language = page.file.src_uri.split("/", 1)[0]
    if language not in LANGUAGES:
        raise PluginError(f"{page.file.src_uri}: page outside the language folders {LANGUAGES}")
    return language


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Agreement pages are published from the model, never from the author's Markdown: every
    clause, item and preamble paragraph with its id and links (scripts/exports.py)."""
    language = page_language(page)
    _built_languages.add(language)
    if page.file.src_uri == f"{language}/{PARALLEL_PAGE}":
        _check_parallel_section_pages(language, Path(config.docs_dir))
        return f"{markdown}\n\n{parallel_rows(_pages, language, _editorial)}"
    if section := _parallel_section(page, language):
        return parallel_section_markdown(_pages, language, _editorial, section)
    if page.file.src_uri == f"{language}/{FULL_PAGE}":
        return full_markdown(_pages[language], _editorial)
    if page.file.src_uri == f"{language}/{GLOSSARY_PAGE}":
        return f"{markdown}\n\n{glossary_table(_pages, language, _editorial.terms)}"
    if page.file.src_uri == f"{language}/{VERSIONS_PAGE}":
        return f"{markdown}\n\n{versions_html(_history[0], _pages, language)}"
    try:
        model = parse_markdown(markdown, language, Path(page.file.src_uri), Path(page.file.src_uri).name)
    except ParseError as error:
        raise PluginError(str(error)) from error
    if problems := markup_problems([model]):  # the text changed since the check (mkdocs serve)
        raise PluginError(report(problems))
    return agreement_markdown(model, _editorial)


def _parallel_section(page: Page, language: str) -> int | None:
    """The section whose short parallel page this is (docs/<language>/parallel/10.md), if it is one."""
    folder, _, name = page.file.src_uri.removeprefix(f"{language}/").rpartition("/")
    number = name.removesuffix(".md")
    return int(number) if folder == PARALLEL_FOLDER and number.isdigit() else None


def _check_parallel_section_pages(language: str, docs: Path) -> None:
    """Every section has its short parallel page, where its clauses' ⇄ lead: stop the build with
    the file to create when one is missing (a section added by an import, say). In the folder, not
    among MkDocs' files: the i18n plugin would stand the Chinese file in for a missing English one."""
    for agreement_page in _pages[language]:
        if agreement_page.section and not (docs / language / parallel_section_page(agreement_page.section)).is_file():
            example = parallel_section_page(1)
            raise PluginError(
                f"docs/{language}/{parallel_section_page(agreement_page.section)} is missing: every section needs its parallel "
                f"page; create it as a copy of docs/{language}/{example} (front matter only, the rows are generated)"
            )


@event_priority(-110)  # after the i18n plugin's (-100), which builds each language's navigation
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """The home page's entry in the navigation, in its language (not the site's name again: the
    navigation's title already says it)."""
    for page in nav.pages:
        language = page_language(page)
        if page.file.src_uri == f"{language}/{HOME_PAGE}":
            page.title = REGISTRY[language].home
    return nav


def on_page_context(context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    """No empty "Table of contents" landmark: a page without headings below its title hides
    Material's table-of-contents sidebar (page.meta.hide, Material's own switch)."""
    toc = list(page.toc)
    if toc and toc[0].level == 1:
        toc = list(toc[0].children)
    if not toc and "toc" not in (page.meta.get("hide") or []):
        page.meta["hide"] = [*(page.meta.get("hide") or []), "toc"]
    return context


def on_template_context(context: TemplateContext, template_name: str, config: MkDocsConfig) -> TemplateContext:
    """The 404 page belongs to no page of its language: its language menu leads to each language's
    home page (absolute, as it is served at any depth), not to whatever page the i18n plugin last
    pointed it at."""
    if template_name == "404.html":
        site_path = config.extra["paths"]["site"]
        homes = [{**alternate, "link": site_path + REGISTRY[alternate["lang"]].root} for alternate in config.extra["alternate"]]
        # The i18n plugin gives each page its links as an attribute of config.extra, which Jinja's
        # `config.extra.alternate` reads before the item: the second language's 404 page (built
        # before its pages) would get the last page of the first language's build.
        config.extra["alternate"] = homes
        setattr(config.extra, "alternate", homes)  # noqa: B010  # an attribute, as the plugin sets it
    return context


def _check_project(config: MkDocsConfig) -> list[Problem]:
    """Read every retrieval (for the versions page, the dates on each clause and clauses.json) and
    check the parsed pages: their structure, the Chinese against the source, the English against
    the Chinese it translates (scripts/check_clauses.py)."""
    root = Path(config.docs_dir).parent
    try:
        _history[:] = [read_history(root)]
        return check_project_pages(root, _pages)
    except ParseError as error:
        raise PluginError(f"cannot check clauses: {error}") from error


def _language_root(site: Path, language: str) -> Path:
    """The folder of a language's pages in the built site: the site itself, or site/en."""
    return site / page_url(language, HOME_PAGE).lstrip("/")


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def on_post_build(config: MkDocsConfig) -> None:
    """Write this build's search index, short links and 404 page; after the last language's
    build, the files about the whole site: the server's include and clauses.json."""
    site = Path(config.site_dir)
    for language in _built_languages:
        _not_found_pages[language] = (site / "404.html").read_text(encoding="utf-8")
    for language, html in _not_found_pages.items():
        _write(_language_root(site, language) / "404.html", html)
    for language in _built_languages:
        pages = _pages[language]
        index = build_index(_pages, language)
        _write(_language_root(site, language) / SEARCH_INDEX, json.dumps(index, ensure_ascii=False, separators=(",", ":")))
        for path, html in short_link_pages(pages, REGISTRY[language].site_name, config.site_url or "/", config.theme["favicon"]):
            _write(site / path.lstrip("/") / "index.html", html)
    if LANGUAGES[-1] not in _built_languages:
        return  # the i18n plugin builds the languages in the registry's order (checked in on_config)
    # The server's CSP hashes, from every page of both languages.
    hashes = script_hashes(path.read_text(encoding="utf-8") for path in sorted(site.rglob("*.html")))
    site_path = config.extra["paths"]["site"]
    not_found = {
        f"{site_path}{page_url(language, HOME_PAGE)}": f"{site_path}{page_url(language, HOME_PAGE)}404.html"
        for language in LANGUAGES
    }
    _write(site / SERVER_INCLUDE, server_include(hashes, not_found))
    titles = {language: _pages[language][0].title for language in LANGUAGES}
    document = clauses_document(_pages, titles, config.extra["source"], config.site_url or "/", _editorial)
    add_versions(document, _history[0])
    _write(site / CLAUSES_JSON, json.dumps(document, ensure_ascii=False, indent=1) + "\n")
    _write(site / CLAUSES_SCHEMA.name, CLAUSES_SCHEMA.read_text(encoding="utf-8"))
