"""Helpers shared by the tests (fixtures live in conftest.py): the project, its builds, a plain
HTTP server, Debian's Chromium, and the one Nu Html Checker message allowed by name."""

from __future__ import annotations

import contextlib
import functools
import io
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import Tag
from playwright.sync_api import Browser, FloatRect, Locator, Page, Playwright

from scripts.addresses import page_url, version_page
from scripts.clauses import Page as AgreementPage
from scripts.clauses import parse_language
from scripts.english_records import permanent_date, read_english_records
from scripts.languages import LANGUAGES
from scripts.source import CURRENT_SOURCE, read_source

ROOT = Path(__file__).resolve().parent.parent
# A test's way to open a page of its own: size (desktop, phone), colour scheme, clipboard (tests/test_reading.py).
OpenPage = Callable[..., Page]
CHROMIUM = Path("/usr/bin/chromium")
# Flags for a root user on a machine with no network but loopback.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


@functools.cache  # read on first use, not at import: a broken page is a failing test, not a collection error
def agreement_pages() -> dict[str, list[AgreementPage]]:
    """Both languages' agreement pages as the model reads them."""
    return {language: parse_language(ROOT / "docs", language) for language in LANGUAGES}


@functools.cache
def permanent_page(language: str, name: str) -> str:
    """The site path of a page of the current text at its permanent address in a language, as a
    citation names it: the Chinese at its retrieval's date, the English at its newest record's."""
    retrieved = read_source(ROOT / CURRENT_SOURCE).retrieved
    date = permanent_date(language, retrieved, read_english_records(ROOT))
    assert date, f"no permanent pages in {language}"
    return page_url(language, version_page(date, name))


def resolve(here: str, href: str) -> str:
    """The site path that a link on the page at site path `here` leads to."""
    return urlsplit(urljoin(f"http://site{here}", href)).path


def one(soup: Tag, selector: str) -> Tag:
    """The element that `selector` finds in `soup` (its first), or the test fails naming the selector."""
    found = soup.select_one(selector)
    if found is None:
        pytest.fail(f"nothing matches {selector!r}", pytrace=False)
    return found


def attr(tag: Tag, name: str, missing: str | None = None) -> str:
    """The value of a single-valued attribute (href, src, id, content, …); when `tag` lacks it,
    `missing` if given, else the test fails."""
    value = tag.get(name)
    if value is None and missing is not None:
        return missing
    if not isinstance(value, str):
        pytest.fail(f"<{tag.name}> has no single {name!r} attribute: {value!r}", pytrace=False)
    return value


def box(locator: Locator) -> FloatRect:
    """Where the element is drawn (x, y, width, height), or the test fails if it is not drawn."""
    drawn = locator.bounding_box()
    if drawn is None:
        pytest.fail(f"{locator} is not drawn", pytrace=False)
    return drawn


# What no build or script reads (the tests, reviews, developer documents and benchmarks among
# them): never copied into a temporary project, which is made for most fast tests.
NOT_SOURCE = (
    ".git",
    ".venv",
    "node_modules",
    "site",
    "site.*",
    ".pytest_cache",
    ".hypothesis",
    "__pycache__",
    ".cache",
    ".mypy_cache",
    ".ruff_cache",
    "tests",
    "reviews",
    "dev-docs",
    "benchmarks",
    "README.md",
)


# Whether the test running now may build or serve the site: conftest.py sets it for each test from
# its `slow` marker, so that `make test-fast` (-m "not slow") provably builds nothing. Outside a
# test (the benchmark), building is allowed.
_builds_allowed = True


def allow_builds(allowed: bool) -> None:
    global _builds_allowed
    _builds_allowed = allowed


def slow_only(what: str) -> None:
    """Fail the running test if it is not marked slow: it is about to build or serve the site."""
    if not _builds_allowed:
        pytest.fail(f"this test {what} but is not marked slow: mark it, or test the model instead", pytrace=False)


def in_process(
    main: Callable[[Sequence[str]], int], args: Sequence[str], cwd: Path, temporary: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """A command's `main(argv)` run in this process as `python -m` would run it in `cwd` (a process
    each costs the fast tier about a second): what it prints captured, its temporary files under
    `temporary` when given."""
    out, err = io.StringIO(), io.StringIO()
    working, tempdir = Path.cwd(), tempfile.tempdir
    os.chdir(cwd)
    tempfile.tempdir = str(temporary) if temporary else tempdir
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            returncode = main(list(args))
    finally:
        os.chdir(working)
        tempfile.tempdir = tempdir
    return subprocess.CompletedProcess(list(args), returncode, out.getvalue(), err.getvalue())


def copy_project(destination: Path) -> Path:
    """A copy of the project's source, for a test to break or reconfigure before building it."""
    shutil.copytree(ROOT, destination, ignore=shutil.ignore_patterns(*NOT_SOURCE))
    return destination


def copy_pages(destination: Path) -> Path:
    """A project of the real pages alone (docs/), as the check's own fixtures are: what a test of
    the check's word on a page needs, without the retrievals, notes and index it would also read."""
    shutil.copytree(ROOT / "docs", destination / "docs")
    return destination


def _mkdocs_env(site_url: str | None = None) -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", **({"SITE_URL": site_url} if site_url else {})}


def build_site(
    project: Path, site_dir: Path, quiet: bool = False, site_url: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run a strict `mkdocs build` of `project` into `site_dir` (with -q when `quiet`; published at
    `site_url` when given, through mkdocs.yml's `site_url: !ENV SITE_URL`)."""
    slow_only("builds the site")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir), *(["-q"] if quiet else [])],
        cwd=project,
        env=_mkdocs_env(site_url),
        capture_output=True,
        text=True,
        check=False,
    )


def start_mkdocs_serve(project: Path, address: str) -> subprocess.Popen[str]:
    """Start `mkdocs serve` of `project` on address (host:port); its output, both streams, on stdout."""
    slow_only("serves the site with mkdocs serve")
    return subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", address],
        cwd=project,
        env=_mkdocs_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def clipboard_text(page: Page) -> str:
    """What the clipboard holds, read from a blank page of the site's origin: the site's own pages
    may write the clipboard but not read it (Permissions-Policy clipboard-read=(), deploy/http.conf)."""
    origin = "{0.scheme}://{0.netloc}/".format(urlsplit(page.url))
    reader = page.context.new_page()
    reader.route(
        f"{origin}clipboard-reader",
        lambda route: route.fulfill(body="<!doctype html><title>reader</title>", content_type="text/html"),
    )
    reader.goto(f"{origin}clipboard-reader")
    text: str = reader.evaluate("() => navigator.clipboard.readText()")
    reader.close()
    page.bring_to_front()
    return text


def launch_chromium(playwright: Playwright) -> Browser:
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} not found: browser tests need Debian's Chromium. "
            "Install it with 'sudo apt-get install chromium' (or run 'make test', which does)."
        )
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


def is_materials_toggle_autocomplete(message: dict[str, object]) -> bool:
    """The one Nu Html Checker message kept on purpose: Material marks its drawer and search
    toggles autocomplete="off" so that a browser does not restore them after back navigation (the
    drawer would reopen: test_quality.test_drawer_is_closed_after_back_navigation). HTML allows
    the attribute on text-like inputs only; we keep Material's markup rather than rewrite its output."""
    return (
        message.get("type") == "error"
        and str(message.get("message", "")).startswith("Attribute “autocomplete” is only allowed")
        and 'class="md-toggle"' in str(message.get("extract") or "")
    )
