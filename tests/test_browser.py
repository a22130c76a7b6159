"""The site in real Chromium: clause URLs land on the clause, nothing is fetched from elsewhere."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, Request

from scripts.addresses import PARALLEL_PAGE, page_url
from scripts.languages import LANGUAGES
from tests.support import agreement_pages, box


@pytest.mark.parametrize(
    ("language", "name", "anchor"),
    [
        ("zh", "10-user-conduct.md", "10.1"),
        ("en", "10-user-conduct.md", "10.1-2"),
        ("en", "12-miscellaneous.md", "12.7"),
        ("zh", "02-user-information.md", "2.3-5"),
    ],
)
def test_clause_url_scrolls_to_the_clause_and_marks_it(page: Page, base_url: str, language: str, name: str, anchor: str) -> None:
    page.set_viewport_size({"width": 390, "height": 700})  # a phone: the clause is far below the fold
    page.goto(f"{base_url}{page_url(language, name)}#{anchor}")
    clause = page.locator(f'[id="{anchor}"]')
    assert clause.evaluate("element => element.matches(':target')")
    header = box(page.locator(".md-header"))
    assert header["height"] <= box(clause)["y"] < 700, "the clause sits just below the header, in view"
    background = clause.evaluate("element => getComputedStyle(element).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent"), "the targeted clause is marked"


def test_clause_number_is_a_link_to_the_clause(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/en/04-software-updates/")
    page.locator('[id="4.2"] a.clause-number').click()
    assert urlsplit(page.url).fragment == "4.2"
    assert page.locator('[id="4.2"]').evaluate("element => element.matches(':target')")


def test_pages_request_nothing_from_other_hosts_and_nothing_missing(page: Page, base_url: str) -> None:
    requested: list[str] = []
    problems: list[str] = []
    page.on("request", lambda request: requested.append(request.url))

    def failed(request: Request) -> None:
        # ERR_ABORTED: a request still open when the test moves to the next page.
        if "ERR_ABORTED" not in (request.failure or ""):
            problems.append(f"{request.failure} {request.url}")

    page.on("requestfailed", failed)
    page.on("response", lambda response: problems.append(f"{response.status} {response.url}") if response.status >= 400 else None)
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    for language in LANGUAGES:
        for name in [agreement_page.name for agreement_page in agreement_pages()[language]] + [PARALLEL_PAGE]:
            page.goto(f"{base_url}{page_url(language, name)}", wait_until="load")
    hosts = {urlsplit(url).netloc for url in requested if not url.startswith("data:")}
    assert hosts == {urlsplit(base_url).netloc}, hosts
    assert not [url for url in requested if url.endswith("sitemap.xml")], "Material's per-page sitemap lookups"
    assert problems == []


def test_language_selector_opens_the_counterpart_page(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/07-qq-number/")
    page.locator(".md-select").first.hover()
    page.locator("a.md-select__link[hreflang='en']").click()
    page.wait_for_url(f"{base_url}/en/07-qq-number/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").first.inner_text() == "7. QQ Number"
