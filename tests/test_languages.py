"""The language registry (scripts/languages.py) is the one home of each language's facts: every
language says the same things with the same placeholders, the built pages and the browser
scripts' config come from it, and mkdocs.yml's i18n languages cannot drift from it."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from scripts.addresses import page_url
from scripts.clauses import HOME_PAGE
from scripts.languages import LANGUAGES, REFERENCE_LANGUAGE, REGISTRY, Language
from tests.support import ROOT, build_site, copy_project, resolve

PLACEHOLDER = re.compile(r"\{(\w+)\}")


def strings(value: object, path: str = "") -> Iterator[tuple[str, str]]:
    """(path, text) of every string under a language's entry, e.g. ("strings.search.results", "{n} found")."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from strings(item, f"{path}[{index}]")


def entry(language: Language) -> dict[str, object]:
    """What a translator writes for a language; the quotation marks a citation swaps are data
    (each language has its own), not strings to translate."""
    texts = {**language.strings, "citation": {**language.strings["citation"], "inner_quotes": {}}}
    return {"citation_names": language.citation_names, "edition": language.edition, "strings": texts}


def test_every_language_has_every_string_with_the_same_placeholders() -> None:
    """A translator who drops {name} from a string would publish a citation or a title without
    it: each string takes the same placeholders in every language (the original's empty strings,
    which the translation fills, excepted). A translation's citation and printout name its own
    revision, {revised}, which the original does not have."""
    original = dict(strings(entry(REGISTRY[REFERENCE_LANGUAGE])))
    translation_only = {"strings.citation.template": {"revised"}, "strings.print.status": {"revised"}}
    problems = []
    for code in LANGUAGES[1:]:
        translated = dict(strings(entry(REGISTRY[code])))
        assert translated.keys() == original.keys(), code
        for path, text in original.items():
            expected = set(PLACEHOLDER.findall(text)) | translation_only.get(path, set())
            if text and expected != set(PLACEHOLDER.findall(translated[path])):
                problems.append(f"{code} {path}: {translated[path]!r} against {REFERENCE_LANGUAGE} {text!r}")
    assert problems == []


def test_the_search_hint_states_the_search_cores_query_limit() -> None:
    core = (ROOT / "overrides" / "assets" / "javascripts" / "search-core.js").read_text(encoding="utf-8")
    limit = re.search(r"export const MAX_QUERY_LENGTH = (\d+);", core)
    assert limit is not None
    assert [limit[1] in REGISTRY[code].strings["search"]["hint"] for code in LANGUAGES] == [True] * len(LANGUAGES)


def test_the_original_is_at_the_site_root_and_each_translation_under_its_code() -> None:
    assert REGISTRY[REFERENCE_LANGUAGE].root == "/"
    assert [REGISTRY[code].root for code in LANGUAGES[1:]] == [f"/{code}/" for code in LANGUAGES[1:]]
    assert [page_url(code, "10-user-conduct.md") for code in LANGUAGES] == ["/10-user-conduct/", "/en/10-user-conduct/"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_and_their_scripts_config_come_from_the_registry(site: Path, language: str) -> None:
    """What the templates show and what they hand the browser scripts (#agreement-config in the
    page, and the language's tools.json it names for the scripts loaded on demand) are this
    language's entry; the search dialog carries no strings of its own."""
    entry = REGISTRY[language]
    other = REGISTRY[next(code for code in LANGUAGES if code != language)]
    document = BeautifulSoup(
        (site / page_url(language, HOME_PAGE).lstrip("/") / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    assert document.html is not None and document.html["lang"] == entry.html_lang
    title = document.title.get_text() if document.title else ""
    assert title == entry.site_name
    assert len(document.select("script#agreement-config[type='application/json']")) == 1
    config = json.loads(document.select_one("#agreement-config").get_text())  # type: ignore[union-attr]
    assert config["language"] == language and config["title"] == entry.site_name
    assert config["ellipsis"] == entry.strings["citation"]["ellipsis"]
    tools = json.loads((site / resolve(page_url(language, HOME_PAGE), config["tools"]).lstrip("/")).read_text(encoding="utf-8"))
    assert tools["citation"] == entry.strings["citation"] and tools["clauseTools"] == entry.strings["clause_tools"]
    assert tools["names"] == entry.citation_names and tools["address"] == entry.strings["address"]
    assert tools["roots"] == [[code, REGISTRY[code].root] for code in LANGUAGES]
    assert config["search"]["strings"] == entry.strings["search"]
    assert config["search"]["otherLang"] == other.html_lang
    dialog = document.select_one("dialog#agreement-search")
    assert dialog is not None and [name for name in dialog.attrs if name.startswith("data-")] == []
    assert document.select_one(".md-copyright") is not None
    assert entry.edition.split("{source}")[0].strip() in document.select_one(".md-copyright").get_text()  # type: ignore[union-attr]
    navigation = document.select(".md-nav--primary > .md-nav__list > .md-nav__item > .md-nav__link")
    assert navigation[0].get_text(strip=True) == entry.home


@pytest.mark.slow
def test_i18n_languages_that_differ_from_the_registry_stop_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("name: English", "name: Englisch"), encoding="utf-8")
    build = build_site(project, tmp_path / "site")
    assert build.returncode != 0
    assert (
        "mkdocs.yml's i18n languages (locale, name, default) are [('zh', '中文', True), ('en', 'Englisch', False)]; "
        "scripts/languages.py has [('zh', '中文', True), ('en', 'English', False)]"
    ) in " ".join(build.stderr.split()), build.stderr  # MkDocs wraps long messages at the terminal's width
