"""Fixtures: the built site, a real HTTP server over it, Debian's Chromium; the `slow` marker."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from scripts.clauses import Page as AgreementPage
from scripts.languages import LANGUAGES
from scripts.notes import NOTES_FILE, Note, read_notes
from scripts.source import Source, read_source
from scripts.topics import TOPICS_FILE, Topic, read_topics
from tests.nginx import serve
from tests.support import ROOT, agreement_pages, allow_builds, build_site, launch_chromium

# A test that uses one of these builds, serves or opens the site: it is `slow` (left out of
# `make test-fast`); a test that runs mkdocs itself says so with @pytest.mark.slow.
SLOW_FIXTURES = {
    "site",
    "build_result",
    "base_url",
    "browser",
    "page",
    "clipboard_page",
    "published",
    "published_root",
    "published_tim",
    "imported_site",
    "imported_url",
    "recorded",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


def pytest_runtest_setup(item: pytest.Item) -> None:
    """Only a test marked slow may build or serve the site (tests/support.py)."""
    allow_builds(item.get_closest_marker("slow") is not None)


@pytest.fixture(scope="session")
def build_result(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess[str], Path]:
    site_dir = tmp_path_factory.mktemp("build") / "site"
    return build_site(ROOT, site_dir), site_dir


@pytest.fixture(scope="session")
def site(build_result: tuple[subprocess.CompletedProcess[str], Path]) -> Path:
    result, site_dir = build_result
    assert result.returncode == 0, f"mkdocs build failed:\n{result.stderr}"
    return site_dir


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    with serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def clipboard_page(browser: Browser) -> Iterator[Page]:
    """A page that may read and write the clipboard (the copy buttons)."""
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    yield context.new_page()
    context.close()


# The project's own data, read once per session when a test first asks for it (not at import:
# a broken page is a failing test, not a collection error).


@pytest.fixture(scope="session")
def pages() -> dict[str, list[AgreementPage]]:
    """Both languages' agreement pages as the model reads them."""
    return agreement_pages()


@pytest.fixture(scope="session")
def notes() -> list[Note]:
    """The notes on the text (translation/notes.yml), those that can be read."""
    return read_notes(ROOT / NOTES_FILE, LANGUAGES)[0]


@pytest.fixture(scope="session")
def topics() -> list[Topic]:
    """The subject index (translation/topics.yml), the topics that can be read."""
    return read_topics(ROOT / TOPICS_FILE, LANGUAGES)[0]


@pytest.fixture(scope="session")
def source() -> Source:
    return read_source(ROOT / "source" / "tim-agreement.zh.txt")
