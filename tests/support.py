"""Helpers shared by the tests (fixtures live in conftest.py): the project, its builds, a plain
HTTP server, Debian's Chromium, and the one Nu Html Checker message allowed by name."""

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


def launch_chromium(playwright):
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
