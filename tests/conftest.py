"""Shared fixtures: the built site, a real HTTP server over it, and Debian's Chromium."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
# Flags for a root user on a machine with no network but loopback.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


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
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


def resolve(here: str, href: str) -> str:
    """The site path that a link on the page at site path `here` leads to."""
    return urlsplit(urljoin(f"http://site{here}", href)).path


# What a build does not read: never copied into a temporary project.
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
)


def copy_project(destination: Path) -> Path:
    """A copy of the project's source, for a test to break or reconfigure before building it."""
    shutil.copytree(ROOT, destination, ignore=shutil.ignore_patterns(*NOT_SOURCE))
    return destination


def _mkdocs_env(site_url: str | None = None) -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", **({"SITE_URL": site_url} if site_url else {})}


def build_site(
    project: Path, site_dir: Path, quiet: bool = False, site_url: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run a strict `mkdocs build` of `project` into `site_dir` (with -q when `quiet`; published at
    `site_url` when given, through mkdocs.yml's `site_url: !ENV SITE_URL`)."""
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
    return subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", address],
        cwd=project,
        env=_mkdocs_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


@pytest.fixture(scope="session")
def build_result(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess[str], Path]:
    site_dir = tmp_path_factory.mktemp("build") / "site"
    return build_site(ROOT, site_dir), site_dir


@pytest.fixture(scope="session")
def site(build_result: tuple[subprocess.CompletedProcess[str], Path]) -> Path:
    result, site_dir = build_result
    assert result.returncode == 0, f"mkdocs build failed:\n{result.stderr}"
    return site_dir


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve a folder over HTTP on 127.0.0.1 with Python's standard-library server."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    with serve(site) as url:
        yield url


def launch_chromium(playwright):
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} not found: browser tests need Debian's Chromium. "
            "Install it with 'sudo apt-get install chromium' (or run 'make test', which does)."
        )
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def clipboard_page(browser: object) -> Iterator[object]:
    """A page that may read and write the clipboard (the copy buttons)."""
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    yield context.new_page()
    context.close()
