"""Reading and citing across languages, in real Chromium: the language switch keeps the clause,
the parallel view, short links, clauses.json, copy link / citation, and print."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Page

from scripts.addresses import PARALLEL_PAGE, page_url, parallel_section_page, short_link_path
from scripts.clauses import Part, parts, plain_text
from scripts.english_records import read_english_records
from scripts.languages import HTML_LANG, LANGUAGES, REGISTRY
from tests.support import ROOT, agreement_pages, attr, box, clipboard_text, one, permanent_page, resolve
from tests.test_search import open_first_result


def all_parts(language: str) -> list[Part]:
    return [part for page in agreement_pages()[language] for part in parts(page)]


@pytest.fixture
def problems(page: Page) -> list[str]:
    """Every console error and every 4xx/5xx response of the test's page, recorded as it goes."""
    recorded: list[str] = []
    page.on("console", lambda message: recorded.append(message.text) if message.type == "error" else None)
    page.on("response", lambda response: recorded.append(f"{response.status} {response.url}") if response.status >= 400 else None)
    return recorded


def switch_language(page: Page, language: str) -> None:
    page.locator(".md-select").first.hover()
    # Until the new page has loaded: wait_for_load_state alone may see the old one, still loaded.
    with page.expect_navigation(wait_until="load"):
        page.locator(f"a.md-select__link[hreflang='{HTML_LANG[language]}']").click()


def is_target(page: Page, anchor: str) -> bool:
    targeted: bool = page.locator(f'[id="{anchor}"]').evaluate("element => element.matches(':target')")
    return targeted


def test_switching_language_keeps_the_clause(page: Page, problems: list[str], base_url: str) -> None:
    page.goto(f"{base_url}/04-software-updates/#4.2")
    switch_language(page, "en")
    assert page.url == f"{base_url}/en/04-software-updates/#4.2" and is_target(page, "4.2")
    switch_language(page, "zh")
    assert page.url == f"{base_url}/04-software-updates/#4.2" and is_target(page, "4.2")
    assert problems == []


def test_switching_after_in_page_navigation_keeps_the_new_clause(page: Page, problems: list[str], base_url: str) -> None:
    page.goto(f"{base_url}/en/10-user-conduct/#10.1")
    page.locator('[id="10.1-5"] a.clause-number').click()
    switch_language(page, "zh")
    assert page.url == f"{base_url}/10-user-conduct/#10.1-5"
    assert problems == []


def test_switching_keeps_the_clause_scrolled_to(page: Page, problems: list[str], base_url: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 600})
    page.goto(f"{base_url}/en/12-miscellaneous/")
    page.locator('[id="12.4"]').evaluate("element => element.scrollIntoView()")
    switch_language(page, "zh")
    assert urlsplit(page.url).path == "/12-miscellaneous/"
    assert urlsplit(page.url).fragment in {"12.4", "12.5"}  # the clause at the top of the view
    assert problems == []


def test_switching_from_a_search_result_keeps_the_clause(page: Page, problems: list[str], base_url: str) -> None:
    open_first_result(page, f"{base_url}/", "镜像站点", "**#10.1-3")
    switch_language(page, "en")
    assert page.url == f"{base_url}/en/10-user-conduct/#10.1-3"
    assert problems == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_status_lines_link_about_this_edition_lands_on_it(
    page: Page, problems: list[str], base_url: str, language: str
) -> None:
    """It is no language link: a fragment in the address, or none, leaves it going to #provenance."""
    home = page_url(language, "index.md")
    for fragment in ("#10.1-2", ""):
        page.goto(f"{base_url}{page_url(language, '10-user-conduct.md')}{fragment}")
        with page.expect_navigation(wait_until="load"):
            page.locator(".status-line a", has_text=REGISTRY[language].strings["record"]["more"]).click()
        assert page.url == f"{base_url}{home}#provenance" and is_target(page, "provenance"), fragment
    assert problems == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_parallel_view_has_every_part_side_by_side_with_its_anchor(page: Page, base_url: str, language: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{base_url}{page_url(language, PARALLEL_PAGE)}#10.1")
    assert is_target(page, "10.1")
    rows = page.locator(".parallel-row")
    assert rows.evaluate_all("rows => rows.map(row => row.id)") == [part.anchor for part in all_parts("zh")]
    for index in (0, 20, len(all_parts("zh")) - 1):
        zh_cell, en_cell = rows.nth(index).locator(".parallel-cell").all()
        assert zh_cell.get_attribute("lang") == "zh-Hans" and en_cell.get_attribute("lang") == "en"
        assert plain_text(all_parts("zh")[index].text) in zh_cell.inner_text()
        assert plain_text(all_parts("en")[index].text) in en_cell.inner_text()
        assert box(zh_cell)["y"] == box(en_cell)["y"], "side by side"
    page.set_viewport_size({"width": 390, "height": 800})
    zh_cell, en_cell = rows.first.locator(".parallel-cell").all()
    assert box(en_cell)["y"] > box(zh_cell)["y"] and box(en_cell)["x"] == box(zh_cell)["x"], "stacked"


def test_parallel_view_cells_link_to_the_clause_in_each_language(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/en/parallel/")
    page.locator('[id="7.2"] .parallel-cell[lang="zh-Hans"] a.parallel-source').click()
    page.wait_for_url(f"{base_url}/07-qq-number/#7.2")
    page.go_back()
    page.locator('[id="7.2"] .parallel-cell[lang="en"] a.parallel-source').click()
    page.wait_for_url(f"{base_url}/en/07-qq-number/#7.2")


def test_every_clause_links_to_its_row_on_its_sections_parallel_page(site: Path) -> None:
    """And each preamble paragraph to its row in the whole parallel view (the preamble has no
    section page of its own)."""
    for language in LANGUAGES:
        for agreement_page in agreement_pages()[language]:
            url = page_url(language, agreement_page.name)
            document = BeautifulSoup((site / url.lstrip("/") / "index.html").read_text(encoding="utf-8"), "html.parser")
            elements = document.select(".clause, .clause-item, .preamble")
            assert len(elements) == len(list(parts(agreement_page)))
            for element in elements:
                href = attr(one(element, "a.parallel-link"), "href")
                assert urlsplit(href).fragment == element["id"]
                target = resolve(url, href)
                expected = parallel_section_page(agreement_page.section) if agreement_page.section else PARALLEL_PAGE
                assert target == page_url(language, expected), href
                parallel = BeautifulSoup((site / target.lstrip("/") / "index.html").read_text(encoding="utf-8"), "html.parser")
                assert parallel.select_one(f'.parallel-row[id="{element["id"]}"]'), href


@pytest.mark.parametrize("language", LANGUAGES)
def test_short_link_for_every_part_lands_on_it(site: Path, page: Page, base_url: str, language: str) -> None:
    for part in all_parts(language):
        assert (site / short_link_path(language, part.anchor).lstrip("/") / "index.html").is_file(), part.anchor
    for anchor, name in (("10.1", "10-user-conduct.md"), ("2.3-5", "02-user-information.md"), ("12.7", "12-miscellaneous.md")):
        page.goto(f"{base_url}{short_link_path(language, anchor)}")
        page.wait_for_url(f"{base_url}{page_url(language, name)}#{anchor}")
        assert is_target(page, anchor)


def _element_text(site: Path, url: str) -> str:
    path, _, anchor = urlsplit(url).path, None, urlsplit(url).fragment
    document = BeautifulSoup((site / path.lstrip("/") / "index.html").read_text(encoding="utf-8"), "html.parser")
    element = one(document, f'[id="{anchor}"]')
    for added in element.select(".clause-number, .parallel-link"):
        added.decompose()
    return element.get_text().strip()


def test_clauses_json_matches_the_built_pages(site: Path) -> None:
    document = json.loads((site / "clauses.json").read_text(encoding="utf-8"))
    clauses = [clause for section in document["sections"] for clause in section["clauses"]]
    assert len(document["sections"]) == 12 and len(clauses) == 38
    assert sum(len(clause["items"]) for clause in clauses) == 12 and len(document["preamble"]) == 4
    assert document["source"]["retrieved"] == "2022-01-23"
    entries = document["preamble"] + clauses + [item for clause in clauses for item in clause["items"]]
    for entry in entries:
        for language in LANGUAGES:
            url = entry["url"][language]
            assert urlsplit(url).fragment == entry["anchor"]
            assert _element_text(site, url) == entry["text"][language], (language, entry["anchor"])
            assert (site / urlsplit(entry["short_url"][language]).path.lstrip("/") / "index.html").is_file()


def test_copy_link_and_citation_by_keyboard(clipboard_page: Page, base_url: str) -> None:
    page = clipboard_page
    page.goto(f"{base_url}/10-user-conduct/")
    page.locator('[id="10.1-2"] a.clause-number').focus()
    page.keyboard.press("Tab")  # the item's tools: one tab stop, the first tool (⇄)
    assert page.evaluate("document.activeElement.matches('[id=\"10.1-2\"] .parallel-link')")
    page.keyboard.press("End")  # the arrow keys, Home and End move within the tools
    assert page.evaluate("document.activeElement.matches('[id=\"10.1-2\"] .clause-tools__both')")
    page.keyboard.press("ArrowLeft")
    button = page.locator('[id="10.1-2"] .clause-tools__citation')
    assert button.evaluate("b => b === document.activeElement") and button.evaluate("b => getComputedStyle(b).opacity") == "1"
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('[id=\"10.1-2\"] .clause-tools__citation').textContent === '已复制'")
    citation = clipboard_text(page)
    assert citation == (
        "《TIM软件许可及服务协议》（2022-01-23获取的文本）第10.1款第（2）项：“除非法律允许或腾讯书面许可，您不得从事下列行为："
        "……（2）对本软件进行反向工程、反向汇编、反向编译，"
        f"或者以其他方式尝试发现本软件的源代码；”\n{base_url}/v/2022-01-23/10-user-conduct/#10.1-2"
    )
    assert page.locator(".clause-tools__announcer").inner_text() == "已复制第10.1款第（2）项的引用（含永久地址）"
    page.keyboard.press("ArrowLeft")  # back to "copy link"
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('[id=\"10.1-2\"] .clause-tools__link').textContent === '已复制'")
    assert clipboard_text(page) == f"{base_url}/10-user-conduct/#10.1-2"


def test_english_citation_names_the_translation(clipboard_page: Page, base_url: str) -> None:
    page = clipboard_page
    page.goto(f"{base_url}/en/12-miscellaneous/?h=court#12.5")
    page.locator('[id="12.5"] .clause-tools__citation').click()
    page.wait_for_function("() => document.querySelector('[id=\"12.5\"] .clause-tools__citation').textContent === 'Copied'")
    citation = clipboard_text(page)
    revised = read_english_records(ROOT)[-1].since
    assert citation.startswith(
        "TIM Software License and Service Agreement (as retrieved on 2022-01-23), clause 12.5 "
        f'(unofficial English reference translation, as revised on {revised}; the Chinese original prevails): "'
    )
    # The permanent address of the English as revised that day: its words stay there.
    assert citation.endswith(f'"\n{base_url}{permanent_page("en", "12-miscellaneous.md")}#12.5')
    assert permanent_page("en", "12-miscellaneous.md") == f"/en/v/{revised}/12-miscellaneous/"


@pytest.mark.parametrize(
    ("url", "numbered", "linked"), [("/10-user-conduct/", True, False), ("/en/parallel/", True, True), ("/en/", True, True)]
)
def test_print_shows_only_the_text_with_numbers_and_link_targets(
    page: Page, base_url: str, url: str, numbered: bool, linked: bool
) -> None:
    page.goto(f"{base_url}{url}")
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-footer", ".agreement-search__open", ".clause-tools"):
        assert all(not element.is_visible() for element in page.locator(chrome).all()), chrome
    numbers = page.locator("a.clause-number, a.parallel-source")
    assert numbers.count() > 0 if numbered else numbers.count() == 0
    assert all(number.is_visible() for number in numbers.all()[:3])
    external = page.locator(".agreement-text a[href^='http'], .parallel a[href^='http']")
    assert external.count() > 0 if linked else external.count() == 0
    for link in external.all():  # the address once: after the text, unless the text is the address
        href = link.get_attribute("href")
        after = link.evaluate("a => getComputedStyle(a, '::after').content")
        assert after == ("none" if link.inner_text() == href else f'" <{href}>"'), href
    assert page.pdf()[:4] == b"%PDF"
