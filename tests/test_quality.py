"""The web's quality bar on every page, as published: built for its URL and served by nginx.

Two publications of the same project, each built once per session and served by a real nginx on
127.0.0.1 (tests/nginx.py): at the root of a host (`root`), and under a sub-path (`tim`:
http://127.0.0.1:PORT/tim/). Every HTML file the build writes is a page here, in both languages:
accessibility (axe-core), HTML validity (the Nu Html Checker), links and fragments, requests and
console in Chromium, lang/title/description, hreflang and the sitemap, 404 pages per language, and
a reproducible build. Each test reports every finding at once: page, rule, element, message.
"""

from __future__ import annotations

import asyncio
import json
import re
import resource
import shutil
import subprocess
import threading
import urllib.error
import urllib.request
import xml.etree.ElementTree as ElementTree
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

import material
import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, ConsoleMessage, Request, Response, Route

from benchmarks.site import FIRST_VIEW_PAGES, TARGET_KIB, first_view
from scripts.csp import SERVER_INCLUDE, inline_scripts, script_hashes, template_scripts
from scripts.languages import HTML_LANG, LANGUAGES, REFERENCE_LANGUAGE, REGISTRY
from scripts.staged_site import server_config_dir
from tests.nginx import nginx, published_site
from tests.support import ROOT, attr, build_site, is_materials_toggle_autocomplete, one

OTHER_LANGUAGES = tuple(language for language in LANGUAGES if language != REFERENCE_LANGUAGE)
PREFIXES = {"root": "/", "tim": "/tim/"}
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}
SHOWN = 6  # pages listed per finding before "… and N more"


def fail_with(problems: list[str], heading: str) -> None:
    """Fail with every finding, one a line (no assertion rewriting of the list)."""
    if problems:
        pytest.fail(f"{heading}\n" + "\n".join(problems), pytrace=False)


def listing(items: list[str] | set[str]) -> str:
    items = sorted(items)
    shown = ", ".join(items[:SHOWN])
    return shown + (f" … and {len(items) - SHOWN} more" if len(items) > SHOWN else "")


@dataclass
class Published:
    """One publication: the built files and the nginx that serves them at `base_url`."""

    name: str
    base_url: str  # ends in '/': http://127.0.0.1:PORT/ or http://127.0.0.1:PORT/tim/
    site_dir: Path

    @cached_property
    def files(self) -> list[PurePosixPath]:
        """Every HTML file of the build, relative to the site folder."""
        return sorted(PurePosixPath(path.relative_to(self.site_dir).as_posix()) for path in self.site_dir.rglob("*.html"))

    def url(self, file: PurePosixPath) -> str:
        """The URL a page is published at: a folder's index.html by its folder URL."""
        path = str(file)
        if file.name == "index.html":
            path = path.removesuffix("index.html")
        return self.base_url + path

    def soup(self, file: PurePosixPath) -> BeautifulSoup:
        return BeautifulSoup((self.site_dir / file).read_text(encoding="utf-8"), "html.parser")

    @cached_property
    def soups(self) -> dict[PurePosixPath, BeautifulSoup]:
        return {file: self.soup(file) for file in self.files}

    def is_local(self, url: str) -> bool:
        return urlsplit(url).netloc == urlsplit(self.base_url).netloc


def language_of(file: PurePosixPath) -> str:
    """The language a page belongs to, by its folder (`en/…`), else the reference language."""
    return file.parts[0] if len(file.parts) > 1 and file.parts[0] in OTHER_LANGUAGES else REFERENCE_LANGUAGE


def is_error_page(file: PurePosixPath) -> bool:
    return file.name == "404.html"


def is_noindex(document: BeautifulSoup) -> bool:
    robots = document.select_one('meta[name="robots"]')
    return robots is not None and "noindex" in attr(robots, "content", "").lower()


def indexable(published: Published) -> list[PurePosixPath]:
    """Pages meant for search engines: not an error page, not `noindex` (short-link redirects).

    These need hreflang alternates and a sitemap entry; a noindex page must not be in the sitemap.
    """
    return [file for file, document in published.soups.items() if not is_error_page(file) and not is_noindex(document)]


# -- the publications ----------------------------------------------------------------------------


def _publish(tmp_path_factory: pytest.TempPathFactory, name: str) -> Iterator[Published]:
    prefix = PREFIXES[name]
    workdir = tmp_path_factory.mktemp(f"published-{name}")
    docroot, site_dir, port, result = published_site(workdir, prefix)
    if result.returncode:
        pytest.fail(f"mkdocs build for http://127.0.0.1:{port}{prefix} failed:\n{result.stderr}")
    with nginx(docroot, workdir / "nginx", port, prefix) as base_url:
        yield Published(name, base_url, site_dir)


@pytest.fixture(scope="session")
def published_root(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Published]:
    yield from _publish(tmp_path_factory, "root")


@pytest.fixture(scope="session")
def published_tim(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Published]:
    yield from _publish(tmp_path_factory, "tim")


@pytest.fixture(scope="session", params=list(PREFIXES))
def published(request: pytest.FixtureRequest) -> Published:
    chosen: Published = request.getfixturevalue(f"published_{request.param}")
    return chosen


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # a redirect is reported, not followed
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


def fetch(url: str) -> tuple[int, str, bytes]:
    """(status, content type, body) of a GET, redirects not followed."""
    try:
        with _OPENER.open(url, timeout=10) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read()


# -- every page in Chromium: requests, responses, console, axe-core --------------------------------


@dataclass
class Visit:
    status: int | None = None
    requests: list[str] = field(default_factory=list)
    bad_responses: list[tuple[int, str]] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    violations: list[dict[str, Any]] = field(default_factory=list)  # axe-core's results, as JSON


@dataclass
class _Visiting:
    """The page that crawl() is on: its URL and record, the navigations it started that were
    stopped, its requests still in flight, and those Chromium aborted."""

    url: str
    visit: Visit
    stopped: set[str] = field(default_factory=set)
    pending: set[Request] = field(default_factory=set)
    aborted: list[str] = field(default_factory=list)


def crawl(published: Published, browser: Browser, run_axe: bool) -> dict[str, Visit]:
    """Load every page once in Chromium (one context per publication), record its requests,
    responses and console, and run axe-core's default rules on it (when `run_axe`).

    A page is done when it has loaded and no request it started is still pending. A page that
    redirects by `<meta http-equiv="refresh">` (the short links) is checked as itself: the
    navigation it starts is stopped, and its target is checked as a page of its own.
    """
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    context = browser.new_context()
    page = context.new_page()
    results: dict[str, Visit] = {}
    current = _Visiting("", Visit())  # replaced by each page in turn

    def route(route: Route) -> None:
        request = route.request
        if request.is_navigation_request() and request.frame == page.main_frame and request.url != current.url:
            current.stopped.add(request.url)
            route.abort("aborted")
        else:
            route.continue_()

    def on_request(request: Request) -> None:
        current.visit.requests.append(request.url)
        current.pending.add(request)

    def on_response(response: Response) -> None:
        if response.status >= 400:
            current.visit.bad_responses.append((response.status, response.url))

    def on_failed(request: Request) -> None:
        current.pending.discard(request)
        if request.url in current.stopped:
            return
        # Chromium aborts a request still open when the page navigates: a redirect page's
        # favicon, or the favicon it fetches after `load` when the crawl has moved on. That
        # abort is the crawl's doing; whether the site serves the resource is checked below.
        if request.failure == "net::ERR_ABORTED":
            current.aborted.append(request.url)
        else:
            current.visit.failed.append((request.url, request.failure or ""))

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            location = message.location["url"]  # always given (playwright builds it from the event)
            current.visit.console_errors.append(f"{message.text} ({location})" if location else message.text)

    # Content-Security-Policy violations (the shipped policy is strict): reported as console errors.
    context.add_init_script(
        "window.__violations = []; document.addEventListener('securitypolicyviolation',"
        " (event) => window.__violations.push(`CSP ${event.violatedDirective}: ${event.blockedURI}`));"
    )
    context.route("**/*", route)
    context.on("request", on_request)
    context.on("response", on_response)
    context.on("requestfinished", lambda request: current.pending.discard(request))
    context.on("requestfailed", on_failed)
    page.on("console", on_console)
    page.on("pageerror", lambda error: current.visit.console_errors.append(f"uncaught: {error}"))
    try:
        for file in published.files:
            url = published.url(file)
            visit = results[url] = Visit()
            current = _Visiting(url, visit)
            response = page.goto(url, wait_until="load")
            visit.status = response.status if response else None
            if run_axe:
                visit.violations = axe.run(page).response["violations"]
            # Let work queued at load start (two frames), then wait for what it requested.
            page.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done))))")
            for _ in range(200):
                if not current.pending:
                    break
                page.wait_for_timeout(25)
            visit.failed += [(request.url, "still pending after 5 s") for request in current.pending]
            visit.console_errors += page.evaluate("window.__violations ?? []")
            for aborted in current.aborted:
                served = context.request.get(aborted, max_redirects=0)
                if served.status != 200:
                    visit.failed.append((aborted, f"aborted in the browser, and the server answers {served.status}"))
    finally:
        context.close()
    return results


@pytest.fixture(scope="session")
def visits_root(published_root: Published, browser: Browser) -> dict[str, Visit]:
    return crawl(published_root, browser, run_axe=True)


@pytest.fixture(scope="session")
def visits_tim(published_tim: Published, browser: Browser) -> dict[str, Visit]:
    # axe-core runs on the root publication only: the pages are the same documents, only their
    # URLs differ; a stylesheet or script that fails to load under /tim/ fails the test below.
    return crawl(published_tim, browser, run_axe=False)


@pytest.fixture(scope="session")
def visits(published: Published, request: pytest.FixtureRequest) -> dict[str, Visit]:
    chosen: dict[str, Visit] = request.getfixturevalue(f"visits_{published.name}")
    return chosen


def test_every_page_has_no_axe_core_violations(visits_root: dict[str, Visit], published_root: Published) -> None:
    """axe-core's default rules (the version bundled with axe-playwright-python), on every page."""
    visits, published = visits_root, published_root
    by_rule: dict[str, dict[str, Any]] = {}
    for url, visit in visits.items():
        for violation in visit.violations:
            rule = by_rule.setdefault(violation["id"], {"violation": violation, "nodes": defaultdict(lambda: defaultdict(set))})
            for node in violation["nodes"]:
                summary = " ".join((node.get("failureSummary") or "").split())
                target = " > ".join(map(str, node["target"]))
                rule["nodes"][summary][target].add(url.removeprefix(published.base_url) or "/")
    lines = []
    for rule_id, rule in sorted(by_rule.items()):
        violation = rule["violation"]
        lines.append(f"{rule_id} ({violation['impact']}): {violation['help']} <{violation['helpUrl']}>")
        for summary, targets in sorted(rule["nodes"].items()):
            lines.append(f"  {summary}")
            lines += [f"    {target}  on {len(pages)} page(s): {listing(pages)}" for target, pages in sorted(targets.items())]
    fail_with(lines, f"{published.name}: axe-core violations of {len(by_rule)} rule(s) on {len(visits)} pages:")


def test_every_page_loads_from_the_server_alone_without_errors(visits: dict[str, Visit], published: Published) -> None:
    """Each page: status 200, requests only to 127.0.0.1 (this server), no 4xx/5xx, no console error."""
    host = urlsplit(published.base_url).netloc
    problems = []
    for url, visit in visits.items():
        if visit.status != 200:
            problems.append(f"{url}: status {visit.status}")
        elsewhere = sorted(
            {r for r in visit.requests if urlsplit(r).scheme not in ("data", "blob") and urlsplit(r).netloc != host}
        )
        problems += [f"{url}: requests {r} (not {host})" for r in elsewhere]
        problems += [f"{url}: response {status} for {r}" for status, r in visit.bad_responses]
        problems += [f"{url}: request failed {r}: {reason}" for r, reason in visit.failed]
        problems += [f"{url}: console error: {text}" for text in visit.console_errors]
    assert len(visits) == len(published.files)
    fail_with(problems, f"{published.name}: {len(problems)} problems on {len(visits)} pages:")


# -- every page's HTML ---------------------------------------------------------------------------


def test_every_page_has_lang_title_and_description(published: Published) -> None:
    problems = []
    for file, document in published.soups.items():
        expected = HTML_LANG[language_of(file)]
        lang = document.html.get("lang") if document.html else None
        if lang != expected:
            problems.append(f"{file}: <html lang={lang!r}>, expected {expected!r}")
        title = document.title.get_text(strip=True) if document.title else ""
        if not title:
            problems.append(f"{file}: empty or missing <title>")
        description = document.select_one('meta[name="description"]')
        if description is None or not attr(description, "content", "").strip():
            problems.append(f'{file}: empty or missing <meta name="description">')
    fail_with(problems, f"{published.name}:")


LINK_ATTRIBUTES = (
    ("a", "href"),
    ("area", "href"),
    ("link", "href"),
    ("script", "src"),
    ("img", "src"),
    ("source", "src"),
    ("iframe", "src"),
    ("video", "src"),
    ("audio", "src"),
    ("form", "action"),
)


def links_of(document: BeautifulSoup) -> list[tuple[str, str]]:
    """(element description, URL as written) for every link and resource a page names."""
    found: list[tuple[str, str]] = []
    for name, attribute in LINK_ATTRIBUTES:
        for tag in document.find_all(name, attrs={attribute: True}):
            found.append((f"<{name} {attribute}>", attr(tag, attribute)))
    for tag in document.find_all("meta", attrs={"http-equiv": re.compile("^refresh$", re.I)}):
        match = re.search(r"url\s*=\s*['\"]?([^'\"]+)", attr(tag, "content", ""), re.I)
        if match:
            found.append(('<meta http-equiv="refresh">', match.group(1).strip()))
    for tag in document.find_all(["img", "source"], attrs={"srcset": True}):
        found += [(f"<{tag.name} srcset>", part.split()[0]) for part in attr(tag, "srcset").split(",") if part.strip()]
    return found


def element_ids(body: bytes) -> set[str]:
    return {attr(tag, "id") for tag in BeautifulSoup(body, "html.parser").find_all(id=True)}


def test_every_internal_link_and_fragment_resolves(published: Published) -> None:
    """Every link to this host answers 200 through nginx (no redirect), and every #fragment names
    an element id on the target page (looked up as the exact id, so `10.1` is [id="10.1"])."""
    targets: dict[str, set[str]] = defaultdict(set)  # URL without fragment → "page: element href"
    fragments: dict[tuple[str, str], set[str]] = defaultdict(set)
    for file, document in published.soups.items():
        here = published.url(file)
        base = document.select_one("base[href]")
        base_url = urljoin(here, attr(base, "href")) if base else here
        for element, written in links_of(document):
            url = urljoin(base_url, written.strip())
            if urlsplit(url).scheme not in ("http", "https") or not published.is_local(url):
                continue  # mailto:, javascript:, data:, and other hosts (no internet here)
            target, fragment = urldefrag(url)
            where = f"{file}: {element}={written!r}"
            targets[target].add(where)
            if fragment:
                fragments[(target, unquote(fragment))].add(where)
    problems = []
    ids: dict[str, set[str]] = {}
    for target, wheres in sorted(targets.items()):
        status, content_type, body = fetch(target)
        if status != 200:
            problems += [f"{where} → {target}: status {status}" for where in sorted(wheres)]
        elif content_type.startswith("text/html"):
            ids[target] = element_ids(body)
    for (target, fragment), wheres in sorted(fragments.items()):
        if target in ids and fragment not in ids[target] and fragment.lower() != "top":
            problems += [f'{where} → no element [id="{fragment}"] on {target}' for where in sorted(wheres)]
    assert targets, "no internal links found"
    fail_with(problems, f"{published.name}: {len(problems)} broken links:")


# -- languages: hreflang, sitemap, 404 -------------------------------------------------------------


def counterpart(file: PurePosixPath, language: str) -> PurePosixPath:
    """The same page in another language: `x/index.html` ↔ `en/x/index.html`."""
    parts = file.parts[1:] if language_of(file) != REFERENCE_LANGUAGE else file.parts
    return PurePosixPath(*parts) if language == REFERENCE_LANGUAGE else PurePosixPath(language, *parts)


def sitemap_alternates(published: Published) -> dict[str, dict[str, list[str]]]:
    """Each page's <loc> in sitemap.xml → its xhtml:link alternates, by hreflang."""
    status, _, body = fetch(published.base_url + "sitemap.xml")
    assert status == 200, f"{published.base_url}sitemap.xml: status {status}"
    entries: dict[str, dict[str, list[str]]] = {}
    for entry in ElementTree.fromstring(body).findall("s:url", SITEMAP_NS):
        loc = entry.findtext("s:loc", default="", namespaces=SITEMAP_NS).strip()
        links: dict[str, list[str]] = defaultdict(list)
        for link in entry.findall("xhtml:link", SITEMAP_NS):
            if link.get("rel") == "alternate":
                links[link.get("hreflang", "")].append(link.get("href", ""))
        entries[loc] = links
    return entries


def test_sitemap_lists_every_indexable_page(published: Published) -> None:
    entries = sitemap_alternates(published)
    expected = {published.url(file) for file in indexable(published)}
    problems = [f"missing from the sitemap: {url}" for url in sorted(expected - set(entries))]
    problems += [f"in the sitemap but not an indexable page of the site: {url}" for url in sorted(set(entries) - expected)]
    assert expected
    fail_with(problems, f"{published.name}: {len(problems)} sitemap problems:")


def test_sitemap_names_each_pages_language_versions_with_hreflang(published: Published) -> None:
    """hreflang alternates zh-Hans, en and x-default (→ the Chinese page), absolute under site_url,
    pointing at the counterpart page, and reciprocal. They are in sitemap.xml only: a
    <link rel="alternate"> in a page's head makes Material fetch <alternate>/sitemap.xml."""
    entries = sitemap_alternates(published)
    url_of = {file: published.url(file) for file in published.files}
    file_of = {url: file for file, url in url_of.items()}
    expected_keys = {*(HTML_LANG[language] for language in LANGUAGES), "x-default"}
    problems = []
    for file in indexable(published):
        links = entries.get(url_of[file], {})
        if set(links) != expected_keys:
            problems.append(f"{file}: hreflang values {sorted(links)}, expected {sorted(expected_keys)}")
        for hreflang, hrefs in sorted(links.items()):
            if len(hrefs) != 1:
                problems.append(f"{file}: {len(hrefs)} alternates with hreflang={hreflang!r}: {hrefs}")
        wanted = {HTML_LANG[language]: url_of.get(counterpart(file, language)) for language in LANGUAGES}
        wanted["x-default"] = wanted[HTML_LANG[REFERENCE_LANGUAGE]]
        for hreflang, want in wanted.items():
            href = links.get(hreflang, [None])[0]
            if href != want:
                problems.append(f"{file}: hreflang={hreflang!r} href={href!r}, expected the absolute URL {want!r}")
        own = HTML_LANG[language_of(file)]
        for hreflang, hrefs in links.items():  # reciprocal: B names A back as A's language version
            other = file_of.get(hrefs[0])
            if hreflang != "x-default" and other is not None and entries.get(url_of[other], {}).get(own) != [url_of[file]]:
                problems.append(f"{file} → {other} ({hreflang}): {other} does not name {url_of[file]} for {own}")
        if published.soups[file].select('link[rel~="alternate"][hreflang]'):
            problems.append(f"{file}: <link rel=alternate hreflang> in the head (Material would fetch its sitemap.xml)")
    fail_with(problems, f"{published.name}: {len(problems)} hreflang problems:")


MISSING = {REFERENCE_LANGUAGE: "nope/", **{language: f"{language}/nope/" for language in OTHER_LANGUAGES}}
# Folders with no page of their own (the dated texts', the short links', the search index's): not
# found either, as on any static host, where nginx alone would answer 403 Forbidden.
FOLDERS = ("v/", "clause/", "search/")


@pytest.mark.parametrize("language", LANGUAGES)
def test_missing_page_is_a_404_in_its_language(published: Published, language: str) -> None:
    problems = []
    root = MISSING[language].removesuffix("nope/")
    for path in (MISSING[language], MISSING[language] + "deeper/page/", *(root + folder for folder in FOLDERS)):
        url = published.base_url + path
        status, _content_type, body = fetch(url)
        document = BeautifulSoup(body, "html.parser")
        lang = document.html.get("lang") if document.html else None
        title = document.title.get_text(strip=True) if document.title else ""
        if status != 404:
            problems.append(f"{url}: status {status}, expected 404")
        if lang != HTML_LANG[language]:
            problems.append(f"{url}: error page <html lang={lang!r}>, expected {HTML_LANG[language]!r} (title {title!r})")
        error_page = published.site_dir / (f"{language}/404.html" if language != REFERENCE_LANGUAGE else "404.html")
        if not error_page.exists():
            problems.append(f"{url}: the site has no {error_page.relative_to(published.site_dir)}")
        elif body != error_page.read_bytes():
            problems.append(f"{url}: answered with something other than {error_page.relative_to(published.site_dir)}")
    fail_with(problems, f"{published.name}:")


@pytest.mark.parametrize("language", LANGUAGES)
def test_404_page_loads_its_assets_at_any_depth(published: Published, browser: Browser, language: str) -> None:
    """The error page is served at any URL, so its stylesheets, scripts and links must not be
    relative to where it lies."""
    url = published.base_url + MISSING[language] + "deeper/page/"
    host = urlsplit(published.base_url).netloc
    context = browser.new_context()
    page = context.new_page()
    problems = []

    def on_response(response: Response) -> None:
        if response.url != url and response.status >= 400:
            problems.append(f"response {response.status} for {response.url}")

    def on_request(request: Request) -> None:
        if urlsplit(request.url).scheme in ("http", "https") and urlsplit(request.url).netloc != host:
            problems.append(f"requests {request.url}")

    page.on("response", on_response)
    page.on("requestfailed", lambda r: problems.append(f"request failed {r.url}: {r.failure}"))
    page.on("request", on_request)
    page.on("pageerror", lambda error: problems.append(f"uncaught: {error}"))

    def on_console(message: ConsoleMessage) -> None:
        location = message.location["url"]  # always given (playwright builds it from the event)
        own_status = location == url and message.text.startswith(
            "Failed to load resource: the server responded with a status of 404"
        )
        if message.type == "error" and not own_status:  # the document's own 404 is what is asked for
            problems.append(f"console error: {message.text} ({location})")

    page.on("console", on_console)
    try:
        response = page.goto(url, wait_until="networkidle")
        if response is None or response.status != 404:
            problems.append(f"status {response and response.status}, expected 404")
        if not page.evaluate("[...document.styleSheets].some(sheet => sheet.href && sheet.cssRules.length)"):
            problems.append("no stylesheet applied")
    finally:
        context.close()
    fail_with(problems, f"{published.name}: {url}:")


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_short_link_to_no_clause_says_what_short_links_look_like_and_leads_to_the_contents(
    published: Published, browser: Browser, language: str
) -> None:
    missing = published.base_url + MISSING[language].replace("nope/", "clause/99.9/")
    page = browser.new_page()
    try:
        response = page.goto(missing)
        assert response is not None and response.status == 404
        not_found = REGISTRY[language].strings["not_found"]
        assert page.locator("h1").inner_text() == not_found["title"]
        assert f"{REGISTRY[language].root.lstrip('/')}clause/10.1/" in page.locator("article").inner_text()
        page.locator("article a[href$='#contents']").click()
        page.wait_for_url(published.base_url + MISSING[language].removesuffix("nope/") + "#contents")
        assert page.locator("#contents").is_visible()
        page.goto(missing)
        menu = page.locator("a.md-select__link").evaluate_all("links => links.map(a => [a.hreflang, a.href])")
        assert menu == [[HTML_LANG[code], published.base_url + REGISTRY[code].root.lstrip("/")] for code in LANGUAGES]
    finally:
        page.close()


# -- the Nu Html Checker, once over every page of both publications --------------------------------


@pytest.mark.slow
def test_every_page_is_valid_html_per_the_nu_html_checker(published_root: Published, published_tim: Published) -> None:
    java = shutil.which("java")
    assert java, "java not found: the Nu Html Checker needs a Java runtime (run 'make test', which installs default-jre-headless)"
    assert VNU_JAR.exists(), f"{VNU_JAR.relative_to(ROOT)} missing: run 'npm ci' (or 'make test')"
    files = {str(p.site_dir / file): (p, file) for p in (published_root, published_tim) for file in p.files}
    result = subprocess.run(
        [java, "-Xss4m", "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always", "--stdout", *files],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert result.returncode == 0, f"vnu.jar failed ({result.returncode}):\n{result.stderr}"
    messages = json.loads(result.stdout)["messages"]
    errors: dict[str, list[str]] = defaultdict(list)
    warnings = toggles = 0
    for message in messages:
        path = unquote(urlsplit(message.get("url", "")).path)
        publication, file = files.get(path, (None, path))
        where = (
            f"{publication.name}:{file}:{message.get('lastLine', '?')}"
            if publication
            else f"{path}:{message.get('lastLine', '?')}"
        )
        if message["type"] == "info":
            warnings += message.get("subType") == "warning"
            continue
        extract = (message.get("extract") or "").replace("\n", " ").strip()
        if is_materials_toggle_autocomplete(message):
            toggles += 1
            continue
        errors[f"[{message['type']}] {message['message']}"].append(f"{where}  {extract[:100]}")
    lines = [
        f"{text} ({len(where)}×):\n    "
        + "\n    ".join(where[:SHOWN] + ([f"… and {len(where) - SHOWN} more"] if len(where) > SHOWN else []))
        for text, where in sorted(errors.items())
    ]
    count = sum(map(len, errors.values()))
    fail_with(lines, f"{count} Nu Html Checker errors ({warnings} warnings) in {len(files)} files:")
    material_pages = sum(1 for publication, file in files.values() if publication.soups[file].select_one("input.md-toggle"))
    assert material_pages and toggles == 2 * material_pages, "only Material's two toggles per page carry it (see below)"


def test_drawer_is_closed_after_back_navigation(published_root: Published, browser: Browser) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 844})
    try:
        page.goto(published_root.base_url)
        page.locator('label.md-header__button[for="__drawer"]').click()
        assert page.evaluate("document.getElementById('__drawer').checked")
        with page.expect_navigation(wait_until="load"):
            page.locator("nav.md-nav--primary a.md-nav__link", has_text="十、").first.click()
        page.go_back(wait_until="load")
        assert page.evaluate("document.getElementById('__drawer').checked") is False, "the drawer reopened"
    finally:
        page.close()


# -- a reproducible build -----------------------------------------------------------------------------


@pytest.mark.slow
def test_two_clean_builds_are_byte_identical(site: Path, tmp_path: Path) -> None:
    again = tmp_path / "site"
    result = build_site(ROOT, again)
    assert result.returncode == 0, result.stderr
    first = {path.relative_to(site).as_posix(): path for path in site.rglob("*") if path.is_file()}
    second = {path.relative_to(again).as_posix(): path for path in again.rglob("*") if path.is_file()}
    problems = [f"only in the first build: {name}" for name in sorted(set(first) - set(second))]
    problems += [f"only in the second build: {name}" for name in sorted(set(second) - set(first))]
    for name in sorted(set(first) & set(second)):
        a, b = first[name].read_bytes(), second[name].read_bytes()
        if a != b:
            # strict=False: the sizes may differ; past the shorter one, the difference is at its end
            offset = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
            problems.append(
                f"differs: {name} (sizes {len(a)} and {len(b)}, first difference at byte {offset}: {a[offset : offset + 40]!r} vs {b[offset : offset + 40]!r})"
            )
    fail_with(problems, f"{len(problems)} differences between two clean builds:")


# -- the shipped server configuration (deploy/): headers, CSP, load, long URLs ---------------------


def headers_of(url: str) -> dict[str, str]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    with _OPENER.open(request, timeout=10) as response:
        return {name.lower(): value for name, value in response.headers.items()}


def test_the_shipped_server_sends_a_strict_policy_and_caching_rules(published: Published) -> None:
    theme = [ROOT / "overrides", Path(material.__file__).parent / "templates"]
    pages = ((str(file), (published.site_dir / file).read_text(encoding="utf-8")) for file in published.files)
    hashes, foreign = script_hashes(pages, template_scripts(theme))
    built_hashes = set(hashes)
    assert foreign == []
    page = headers_of(published.base_url + "en/10-user-conduct/")
    policy = {directive.split()[0]: directive.split()[1:] for directive in page["content-security-policy"].split("; ")}
    assert policy["default-src"] == ["'self'"] and policy["frame-ancestors"] == ["'none'"] and policy["object-src"] == ["'none'"]
    assert policy["script-src"][0] == "'self'" and set(policy["script-src"][1:]) == built_hashes and built_hashes
    assert "'unsafe-inline'" not in page["content-security-policy"]
    assert page["x-content-type-options"] == "nosniff" and page["referrer-policy"] == "strict-origin-when-cross-origin"
    assert page["cache-control"] == "no-cache" and page["content-encoding"] == "gzip"
    bundle = next(file for file in published.files if file.name == "index.html")  # any page names the bundle
    src = attr(one(published.soup(bundle), "script[src*='bundle.']"), "src")
    asset = headers_of(urljoin(published.url(bundle), src))
    assert asset["cache-control"] == "public, max-age=31536000, immutable"
    assert asset["x-content-type-options"] == "nosniff"
    assert "content-security-policy" not in asset and "referrer-policy" not in asset, "pages only: they govern documents"
    assert "clipboard-write=(self)" in page["permissions-policy"] and "camera=()" in page["permissions-policy"]
    assert "strict-transport-security" not in page, "HSTS over HTTPS only; the tests serve plain HTTP"
    icon = headers_of(published.base_url + "assets/images/favicon.svg")
    icon_policy = {directive.split()[0]: directive.split()[1:] for directive in icon["content-security-policy"].split("; ")}
    assert icon_policy["default-src"] == ["'none'"] and "script-src" not in icon_policy, "an SVG can run script: none may run"


def test_no_page_breaks_the_policy_while_reading_searching_and_copying(published_root: Published, browser: Browser) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    context.add_init_script(
        "window.__violations = []; document.addEventListener('securitypolicyviolation',"
        " (event) => window.__violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`));"
    )
    page = context.new_page()
    found: list[str] = []
    try:
        for path, query in (("", "反向工程"), ("10-user-conduct/", "源代码"), ("parallel/", "备份"), ("en/", "reverse"),
                            ("en/10-user-conduct/", "source code"), ("en/parallel/", "backup"), ("en/glossary/", "court")):  # fmt: skip
            page.goto(published_root.base_url + path)
            page.keyboard.press("/")
            page.locator(".agreement-search__input").fill(query)
            page.locator(".agreement-search__results a").first.wait_for()
            page.keyboard.press("Escape")
            tools = page.locator(".clause-tools__link")
            if tools.count():  # home, parallel and glossary pages have no clause tools
                tools.first.focus()
                page.keyboard.press("Enter")
            found += [f"{path}: {violation}" for violation in page.evaluate("window.__violations")]
    finally:
        context.close()
    assert not found, "\n".join(found)


@pytest.mark.parametrize("path", FIRST_VIEW_PAGES)
def test_the_first_view_of_a_section_page_is_within_its_budget(published_root: Published, browser: Browser, path: str) -> None:
    """A section page opened with an empty cache, as benchmarks/site.py measures it: at most
    TARGET_KIB over the wire, gzip and headers included."""
    requests, wire, _, by_kind = first_view(browser, published_root.base_url + path)
    kinds = ", ".join(f"{kind} {size / 1024:.2f}" for kind, size in by_kind.most_common())
    assert wire / 1024 <= TARGET_KIB, f"/{path}: {wire / 1024:.2f} KiB in {requests} requests ({kinds} KiB)"


def test_the_shipped_server_answers_1000_concurrent_clients(published_root: Published) -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(max(soft, 4096), hard), hard))
    address = urlsplit(published_root.base_url)

    async def one() -> int:
        reader, writer = await asyncio.open_connection(address.hostname, address.port)
        writer.write(f"GET /10-user-conduct/ HTTP/1.1\r\nHost: {address.netloc}\r\nConnection: close\r\n\r\n".encode())
        await writer.drain()
        response = await reader.read()
        writer.close()
        return int(response.split(b" ", 2)[1]) if response else 0

    async def all_at_once() -> list[int | BaseException]:
        return await asyncio.wait_for(asyncio.gather(*(one() for _ in range(1000)), return_exceptions=True), timeout=120)

    statuses: list[int | BaseException] = []
    # In a thread of its own: Playwright's synchronous API keeps an event loop in this one.
    worker = threading.Thread(target=lambda: statuses.extend(asyncio.run(all_at_once())))
    try:
        worker.start()
        worker.join()
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
    answered = [status for status in statuses if status == 200]
    assert len(answered) == 1000, f"{1000 - len(answered)} not answered with 200: {[s for s in statuses if s != 200][:5]}"


def test_an_over_long_url_gets_the_sites_own_page(published: Published) -> None:
    status, content_type, body = fetch(published.base_url + "?q=" + "x" * 70_000)
    assert status == 414 and content_type.startswith("text/html")
    assert body == (published.site_dir / "404.html").read_bytes()


def test_the_servers_include_is_beside_the_site_not_in_it(published: Published) -> None:
    """The build writes nginx-site.conf for nginx into site-config/, beside the site: nothing in the
    web root that is not for readers."""
    assert (server_config_dir(published.site_dir) / SERVER_INCLUDE).is_file()
    assert not list(published.site_dir.rglob("*.conf"))
    status, _content_type, body = fetch(published.base_url + SERVER_INCLUDE)
    assert status == 404 and body == (published.site_dir / "404.html").read_bytes()


def test_the_policy_hashes_exactly_the_scripts_a_page_runs() -> None:
    page = (
        '<script>a()</script><SCRIPT type="text/javascript">\nb(1 < 2)\n</SCRIPT >'
        '<script src="x.js"></script><script type="application/json" id="c">{"d": 1}</script>'
        "<script type=module>e()</script><script defer src=f.js></script><p>script</p><script>g('</scr' + 'ipt>')</script/>"
    )
    assert inline_scripts(page) == ["a()", "\nb(1 < 2)\n", "e()", "g('</scr' + 'ipt>')"]
