"""MkDocs hooks: read and check the project once per build of the site, give each language's build
its entry of the registry, publish every agreement page from the model, and write the files
generated from it.

Thin by design: the model is scripts/clauses.py, the project as read scripts/project.py, the
check scripts/check_clauses.py, the generated pages scripts/pages.py (templates in
scripts/templates/), clauses.json scripts/clauses_json.py, the search index scripts/search_index.py.

The lifecycle. The i18n plugin builds the site one language after the other: the original first,
as MkDocs' own build, then each translation in mkdocs.yml's order, each a full MkDocs build with
all of its events, started from the plugin's on_post_build (MkDocs has no event for "every
language built"; the plugin's author discusses these nested builds in
ultrabug/mkdocs-static-i18n#208). So a build of the site starts with the original's on_config and
is complete after the last language's on_post_build. Everything the hooks keep is in one object,
`_command` (a Command, made in on_startup), which holds the site build under way (a SiteBuild,
made in the original's on_pre_build and read by every language's build).
"""

from __future__ import annotations

import json
import logging
import os
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket
from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils.templates import TemplateContext

# MkDocs puts only this file's folder on sys.path; the model is imported as a package.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts.addresses import (
    DATA_PAGE,
    FULL_PAGE,
    GLOSSARY_PAGE,
    NOTES_PAGE,
    PARALLEL_FOLDER,
    PARALLEL_PAGE,
    SEARCH_INDEX,
    TOOLS_JSON,
    VERSIONS_PAGE,
    language_root,
    page_url,
)
from scripts.assets import MINIFIED_ASSETS, minified
from scripts.check_clauses import check_project, markup_problems, report
from scripts.clauses import HOME_PAGE, ParseError, parse_markdown
from scripts.clauses import Page as AgreementPage
from scripts.csp import SERVER_INCLUDE, script_hashes, server_include, template_scripts
from scripts.data_files import SiteFile
from scripts.english_records import UNRECORDED, permanent_date
from scripts.evidence import published_files
from scripts.feeds import feed_path
from scripts.languages import ENGLISH, LANGUAGES, REFERENCE_LANGUAGE, REGISTRY, Language, fill, template_entry
from scripts.pages import (
    Editorial,
    agreement_markdown,
    contents,
    data_table,
    full_markdown,
    glossary_table,
    notes_markdown,
    outline,
    parallel_rows,
    parallel_section_markdown,
    short_link_pages,
    shows_notes,
    tools_json,
    version_pages,
    versions_html,
)
from scripts.project import Project, read_project
from scripts.search_index import build_index
from scripts.site_files import site_files
from scripts.source import CURRENT_SOURCE, Source, read_source
from scripts.staged_site import BuildUnderWay, StagedSite

ROOT = Path(__file__).resolve().parent.parent
SHOWN_SCRIPTS = 5  # foreign inline scripts named when the build stops


@dataclass
class SiteBuild:
    """One build of the whole site, every language: the project as read and checked by the
    original's build, and what the languages' builds leave for the ones after them."""

    project: Project
    source: Source
    editorial: Editorial
    files: list[SiteFile]  # the files published beside the pages (scripts/site_files.py)
    built: list[str] = field(default_factory=list)  # languages whose build has finished, in order
    not_found_pages: dict[str, str] = field(default_factory=dict)  # each language's 404 page
    # Each agreement page's model as published, by its source path: its clauses are its table of
    # contents (on_page_context).
    models: dict[str, AgreementPage] = field(default_factory=dict)


@dataclass
class Command:
    """One `mkdocs build` or `mkdocs serve`, from on_startup to on_shutdown. `mkdocs build` builds
    into a staging folder and publishes it only when every language was built without an error
    (scripts/staged_site.py); serve rebuilds the site in place, each time as a new SiteBuild."""

    name: str
    staged: StagedSite | None = None
    site: SiteBuild | None = None
    complete: bool = False  # the last language's build finished
    failed: bool = False  # a build raised an error (MkDocs' on_build_error)
    dated: bool = False  # SOURCE_DATE_EPOCH set by the site build under way, and removed after it


_command = Command("build")


def on_startup(command: str, dirty: bool) -> None:
    global _command
    _command = Command(command if not dirty else f"{command} --dirty")


def _site() -> SiteBuild:
    if _command.site is None:
        raise PluginError("the original's build did not run before this language's (mkdocs.yml: the original first)")
    return _command.site


@event_priority(-110)  # after the i18n plugin's (-100), which sets theme.language to the build's locale
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Each language's build: its entry of the registry (scripts/languages.py), and the source's
    provenance from its own front matter. The original's build starts a build of the site: into a
    staging folder for `mkdocs build`, dated by the source (SOURCE_DATE_EPOCH, which MkDocs stamps
    page dates and sitemap.xml.gz with, so that two builds are byte-identical)."""
    language = _language(config)
    if language.code == REFERENCE_LANGUAGE:
        if _command.name == "build" and _command.staged is None:
            staged = StagedSite(Path(config.site_dir))
            try:
                config.site_dir = str(staged.begin())
            except BuildUnderWay as error:
                raise PluginError(str(error)) from error
            _command.staged = staged
        if config.strict:
            # MkDocs counts strict-mode warnings through its logger, which -q silences (so a strict
            # build with warnings would exit 0): let warnings through; in strict mode they are errors.
            logger = logging.getLogger("mkdocs")
            logger.setLevel(min(logger.getEffectiveLevel(), logging.WARNING))
    try:
        source = read_source(ROOT / CURRENT_SOURCE)
    except ParseError as error:
        raise PluginError(f"cannot read the source: {error}") from error
    if language.code == REFERENCE_LANGUAGE:
        _date_the_build(source)
    config.extra["source"] = source.provenance
    _use_language(config, language)
    return config


def _date_the_build(source: Source) -> None:
    """Date the build by the text, not the clock, unless the environment gives its own date."""
    if "SOURCE_DATE_EPOCH" not in os.environ:
        retrieved = datetime.fromisoformat(source.retrieved).replace(tzinfo=UTC)
        os.environ["SOURCE_DATE_EPOCH"] = str(int(retrieved.timestamp()))
        _command.dated = True


def _undate_the_build() -> None:
    if _command.dated:
        os.environ.pop("SOURCE_DATE_EPOCH", None)
        _command.dated = False


def _language(config: MkDocsConfig) -> Language:
    """This build's language: the i18n plugin sets theme.language to the build's locale (again in
    every build), after checking that mkdocs.yml's languages are the registry's."""
    configured = [(entry.locale, entry.name, bool(entry.default)) for entry in config.plugins["i18n"].config.languages]
    registered = [(language.code, language.name, language.code == REFERENCE_LANGUAGE) for language in REGISTRY.values()]
    if configured != registered:
        raise PluginError(
            f"mkdocs.yml's i18n languages (locale, name, default) are {configured}; scripts/languages.py has "
            f"{registered}: make them the same, the original first and the default"
        )
    return REGISTRY[config.theme["language"]]


def _use_language(config: MkDocsConfig, language: Language) -> None:
    """Everything of this build's language that MkDocs, Material and our templates read, from
    the registry: the templates find it as config.extra.language (and every language, for the
    other's name and lang, as config.extra.languages)."""
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
        "tools": language_root(language.code) + TOOLS_JSON,
        "search_index": language_root(language.code) + SEARCH_INDEX,
        "parallel": page_url(language.code, PARALLEL_PAGE)[1:],
        "full": page_url(language.code, FULL_PAGE)[1:],
        "data": page_url(language.code, DATA_PAGE)[1:],
        "glossary": page_url(language.code, GLOSSARY_PAGE)[1:],
        "feed": feed_path(language.code)[1:],
    }


def on_pre_build(config: MkDocsConfig) -> None:
    """The original's build reads the project and stops the build when the check finds a problem;
    the other languages' builds use what it read. Every language's templates find the record's
    dates as config.extra.record."""
    if config.extra["language"]["code"] == REFERENCE_LANGUAGE:
        _read_the_site(
            str(config.extra.get("report_problem") or ""), config.site_url or "/", previewing=_command.name.startswith("serve")
        )
    last_check = _site().project.last_check
    assert last_check is not None, "the project keeps its retrievals under source/"
    # english: the date of the English shown (its newest record), which English citations name.
    english = _site().editorial.permanent[ENGLISH.code]
    config.extra["record"] = {"since": last_check.unchanged_since, "checked": last_check.checked, "english": english}
    # The agreement's parts in brief, for #agreement-config (a fragment naming no part: overrides/main.html).
    config.extra["outline"] = outline(_site().project.pages[REFERENCE_LANGUAGE])


def _read_the_site(report_problem: str, site_url: str, previewing: bool) -> None:
    """Read the project and check it. English not yet recorded (scripts/english_records.py) is a
    reason not to publish, not to preview: `mkdocs serve` logs it and goes on."""
    try:
        project = read_project(ROOT)
        problems = check_project(project)
    except ParseError as error:
        raise PluginError(f"cannot check clauses: {error}") from error
    if previewing:
        unrecorded = [problem for problem in problems if problem.message.startswith(UNRECORDED)]
        if unrecorded:
            logging.getLogger("mkdocs").info("%s (to record before publishing)", report(unrecorded))
        problems = [problem for problem in problems if problem not in unrecorded]
    if problems:
        raise PluginError(report(problems))
    assert project.history is not None, "the project keeps its retrievals under source/"
    retrieved = project.history.current.retrieved
    permanent = {language: permanent_date(language, retrieved, project.english) for language in LANGUAGES}
    editorial = Editorial(project.notes_by_part, project.terms, retrieved, permanent, report_problem, site_url)
    _command.site = SiteBuild(project, project.history.current.source, editorial, site_files(project, site_url))
    _command.complete = False


def on_build_error(error: Exception) -> None:
    _command.failed = True
    _undate_the_build()


def on_shutdown() -> None:
    """Put the staged site in place if every language was built; otherwise keep the previous one."""
    if _command.staged is not None:
        if _command.complete and not _command.failed:
            _command.staged.publish()
        else:
            _command.staged.discard()
    _undate_the_build()


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
    env.filters.update(json_for_script=json_for_script, fill=fill)
    return env


@event_priority(-110)  # after the i18n plugin's (-100), which reads every file's source path
def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Our stylesheet and scripts, published minified (scripts/assets.py): each replaced by a
    generated file, the theme's own left as it is (the i18n plugin builds again from it)."""
    for path in MINIFIED_ASSETS:
        if asset := files.get_file_from_path(path):
            files.remove(asset)
            files.append(File.generated(config, path, content=minified(path, asset.content_string)))
    return files


def page_language(page: Page) -> str:
    language = page.file.src_uri.split("/", 1)[0]
    if language not in LANGUAGES:
        raise PluginError(f"{page.file.src_uri}: page outside the language folders {LANGUAGES}")
    return language


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Agreement pages are published from the model, never from the author's Markdown: every
    clause, item and preamble paragraph with its id and links (scripts/pages.py). A page that
    shows notes says so in its meta (`notes`: overrides/main.html offers to hide them); the
    parallel pages, the notes page, the glossary, the data files and the versions page load the
    styles for them (`views`: assets/views.css)."""
    site = _site()
    pages, editorial = site.project.pages, site.editorial
    language = page_language(page)
    name = page.file.src_uri.removeprefix(f"{language}/")
    folder, _, file_name = name.rpartition("/")
    page.meta["views"] = name in (PARALLEL_PAGE, NOTES_PAGE, GLOSSARY_PAGE, DATA_PAGE, VERSIONS_PAGE) or folder == PARALLEL_FOLDER
    if name == PARALLEL_PAGE:
        page.meta["notes"] = shows_notes(pages[language], editorial)
        return f"{markdown}\n\n{parallel_rows(pages, language, editorial)}"
    if folder == PARALLEL_FOLDER and file_name.removesuffix(".md").isdigit():
        section = int(file_name.removesuffix(".md"))
        page.meta["notes"] = shows_notes([p for p in pages[language] if p.section == section], editorial)
        return parallel_section_markdown(pages, language, editorial, section)
    if name == FULL_PAGE:
        page.meta["notes"] = shows_notes(pages[language], editorial)
        return full_markdown(pages[language], editorial)
    if name == NOTES_PAGE:
        return f"{markdown}\n\n{notes_markdown(pages, language, editorial)}"
    if name == GLOSSARY_PAGE:
        return f"{markdown}\n\n{glossary_table(pages, language, editorial.terms)}"
    if name == DATA_PAGE:
        return f"{markdown}\n\n{data_table(site.files, language)}"
    if name == VERSIONS_PAGE:
        assert site.project.history is not None, "on_pre_build read it"
        history, last_check = site.project.history, site.project.last_check
        assert history is not None and last_check is not None, "on_pre_build read it"
        evidence = published_files(history, ROOT)
        return f"{markdown}\n\n{versions_html(history, site.project.english, pages, language, evidence, last_check)}"
    try:
        model = parse_markdown(markdown, language, Path(page.file.src_uri), file_name)
    except ParseError as error:
        raise PluginError(str(error)) from error
    if problems := markup_problems([model]):  # the text changed since the check (mkdocs serve)
        raise PluginError(report(problems))
    if model.section:  # its section's feed, beside the whole agreement's (overrides/main.html)
        page.meta["section_feed"] = feed_path(language, model.section)[1:]
    page.meta["notes"] = shows_notes([model], editorial)
    site.models[page.file.src_uri] = model
    return agreement_markdown(model, editorial)


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
    """A section page's table of contents is its clauses (pages.contents), set as the page's toc
    (MkDocs' AnchorLink entries under the page's title), which Material renders in its sidebar and
    its drawer, with toc.follow, as it renders any page's headings. No empty "Table of contents"
    landmark: a page without headings or clauses below its title hides Material's
    table-of-contents sidebar (page.meta.hide, Material's own switch)."""
    model = _site().models.get(page.file.src_uri)
    title = next(iter(page.toc), None)
    if model is not None and model.section and title is not None and title.level == 1:
        title.children = [AnchorLink(str(escape(entry)), anchor, 2) for anchor, entry in contents(model)]
    toc = list(page.toc)
    if toc and toc[0].level == 1:
        toc = list(toc[0].children)
    if not toc and "toc" not in (page.meta.get("hide") or []):
        page.meta["hide"] = [*(page.meta.get("hide") or []), "toc"]
    return context


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def on_post_build(config: MkDocsConfig) -> None:
    """This language's search index, permanent pages, short links and 404 page; after the last
    language's build, the files about the whole site (scripts/site_files.py) and the server's
    include."""
    site, language = _site(), config.extra["language"]["code"]
    out = Path(config.site_dir)
    pages = site.project.pages
    site.built.append(language)
    # Every language's build writes its 404 page to the site's root, over the one before.
    site.not_found_pages[language] = (out / "404.html").read_text(encoding="utf-8")
    for code, html in site.not_found_pages.items():
        _write(out / language_root(code) / "404.html", html)
    _write(
        out / language_root(language) / SEARCH_INDEX,
        json.dumps(
            build_index(pages, language, site.project.notes, site.project.topics), ensure_ascii=False, separators=(",", ":")
        ),
    )
    _write(
        out / language_root(language) / TOOLS_JSON, tools_json(language, config.extra["paths"]["site"], site.editorial.permanent)
    )
    history = site.project.history
    assert history is not None, "on_pre_build read it"
    for path, html in version_pages(
        history, site.project.english, pages, site.editorial, language, config.site_url or "/", config.theme["favicon"]
    ):
        _write(out / path.lstrip("/") / "index.html", html)
    for path, html in short_link_pages(
        pages[language], REGISTRY[language].site_name, config.site_url or "/", config.theme["favicon"]
    ):
        _write(out / path.lstrip("/") / "index.html", html)
    if site.built != list(LANGUAGES):
        return
    # The files about the whole site (clauses.json, the data files, the sources, the feeds), made
    # once by the original's build (on_pre_build; the /data/ page lists them).
    for file in site.files:
        target = out / file.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(file.content)
    if _command.staged is not None:  # `mkdocs build`: the server's include, beside the site (deploy/)
        # The server's CSP hashes: of the inline scripts of every page that the site's own templates hold.
        written = ((path.relative_to(out).as_posix(), path.read_text(encoding="utf-8")) for path in sorted(out.rglob("*.html")))
        hashes, foreign = script_hashes(written, template_scripts(Path(folder) for folder in config.theme.dirs))
        if foreign:
            found = "\n".join(f"{page}: <script>{start}…" for page, start in foreign[:SHOWN_SCRIPTS])
            raise PluginError(
                f"{len(foreign)} inline script(s) that none of the site's templates holds; the site runs its own only:\n{found}"
            )
        site_path = config.extra["paths"]["site"]
        homes = [f"{site_path}{page_url(code, HOME_PAGE)}" for code in LANGUAGES]
        _write(
            _command.staged.server_config / SERVER_INCLUDE, server_include(hashes, {home: f"{home}404.html" for home in homes})
        )
    _command.complete = True
    _undate_the_build()
