"""Reading the agreement as a reader does, in real Chromium against the built site: at desktop
(1280×800) and phone (390×844, touch) sizes, in both languages, and in both colour schemes where
colour matters.

- the parallel view: the page's full width, a list to jump to each section, a short page per
  section (where each clause's ⇄ leads), rows side by side and, on a phone, stacked with each half
  labelled; the status line and a line saying the Chinese prevails;
- an item opened by its URL shows its clause's lead-in with it, highlighted, below the header;
- citations that stand on their own: a clause with its items, an item with its lead-in;
- the whole agreement on one page per language, not indexed;
- print: every sheet names the agreement, language and status, source, date and address;
  addresses once; no heading alone at the foot of a sheet;
- clause tools for touch, keyboard and screen readers; no empty landmark;
- the way into the other language, the current language marked;
- the dark scheme; the CJK fonts; the navigation's title and the contents' numbers.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit
from xml.etree import ElementTree

import material
import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, BrowserContext, ViewportSize
from playwright.sync_api import Page as BrowserPage

from scripts.addresses import (
    FULL_PAGE,
    GLOSSARY_PAGE,
    NOTES_PAGE,
    PARALLEL_PAGE,
    page_url,
    parallel_section_page,
    short_link_path,
)
from scripts.assets import minified
from scripts.check_clauses import check_project
from scripts.clauses import Page, capitalised, parts, plain_text
from scripts.english_records import read_english_records
from scripts.glossary import GLOSSARY_FILE, read_glossary
from scripts.languages import HTML_LANG, LANGUAGES, REGISTRY, fill
from scripts.project import read_project
from tests.printed_sheets import filled_rectangles, joined, sheets, top_lines
from tests.support import (
    CHROMIUM,
    CHROMIUM_ARGS,
    ROOT,
    OpenPage,
    agreement_pages,
    attr,
    box,
    clipboard_text,
    copy_project,
    one,
    permanent_page,
)


def sections(language: str) -> list[Page]:
    """A language's section pages, in order."""
    return [page for page in agreement_pages()[language] if page.section]


def part_text(language: str, anchor: str) -> str:
    """The plain text of a part."""
    return next(plain_text(part.text) for page in agreement_pages()[language] for part in parts(page) if part.anchor == anchor)


SIZES: dict[str, ViewportSize] = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
Scheme = Literal["light", "dark"]
SCHEMES: tuple[Scheme, ...] = ("light", "dark")
SITE_NAME = {"zh": "TIM软件许可及服务协议", "en": "TIM Software License and Service Agreement"}
SOURCE = "https://ti.qq.com/tim/serverinfo.html"
DATE = "2022-01-23"
STATUS = {
    "zh": "中文原文（两种文本如有不一致，以中文原文为准）",
    "en": "English reference translation as revised on {revised} (unofficial, for reference only; the Chinese original prevails)",
}  # {revised}: the newest record of the English (translation/english/), read when a test runs
PARALLEL_STATUS = {
    "zh": "中英对照（两种文本如有不一致，以中文原文为准）",
    "en": "Chinese and English side by side (the Chinese original prevails)",
}
NAMES = {"zh": {"10.1": "第10.1款", "10.1-2": "第10.1款第（2）项", "2.3-3": "第2.3款第（3）项"},
         "en": {"10.1": "clause 10.1", "10.1-2": "clause 10.1(2)", "2.3-3": "clause 2.3(3)"}}  # fmt: skip
TOOLS = {"zh": ("中英对照", "复制现行文本的链接", "复制引用（含永久地址）", "复制中英文引用（含永久地址）"),
         "en": ("Side by side with the Chinese", "Copy link to the current text", "Copy citation, with its permanent address",
                "Copy citation in both languages, with their permanent addresses")}  # fmt: skip
BACK = {"zh": "回到本节页面", "en": "Back to the section page"}  # ⇄ in a row of the parallel view
TOOL_NAME = {"zh": "{label}：{name}", "en": "{label}: {name}"}


@pytest.fixture
def open_page(browser: Browser) -> Iterator[OpenPage]:
    """A page in a context of its own: size (desktop or phone, a phone being a touch screen),
    colour scheme, and the clipboard when asked."""
    contexts: list[BrowserContext] = []

    def make(size: str = "desktop", scheme: Scheme = "light", clipboard: bool = False) -> BrowserPage:
        phone = size == "phone"
        context = browser.new_context(
            viewport=SIZES[size], color_scheme=scheme, has_touch=phone, is_mobile=phone,
            permissions=["clipboard-read", "clipboard-write"] if clipboard else [],
        )  # fmt: skip
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def root(language: str) -> str:
    return page_url(language, "index.md")


def header_bottom(page: BrowserPage) -> float:
    return box(page.locator(".md-header"))["height"]


def soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url.lstrip("/") / "index.html").read_text(encoding="utf-8"), "html.parser")


# -- 1. the parallel view ---------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("width", [1280, 1920])
def test_parallel_view_uses_the_full_width_with_no_sidebar(open_page: OpenPage, base_url: str, language: str, width: int) -> None:
    page = open_page()
    page.set_viewport_size({"width": width, "height": 900})
    for url in (page_url(language, PARALLEL_PAGE), page_url(language, parallel_section_page(10))):
        page.goto(base_url + url)
        assert page.evaluate("[...document.querySelectorAll('.md-sidebar')].filter(s => s.checkVisibility()).length") == 0, url
        zh_cell, en_cell = page.locator(".parallel-row").first.locator(".parallel-cell").all()
        assert box(zh_cell)["width"] == box(en_cell)["width"] >= (560 if width == 1280 else 620), (url, box(zh_cell))


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_parallel_view_jumps_to_each_section(open_page: OpenPage, base_url: str, language: str, size: str) -> None:
    page = open_page(size)
    page.goto(base_url + page_url(language, PARALLEL_PAGE))
    links = page.locator("nav.parallel-jump a")
    assert links.all_inner_texts() == [section.title for section in sections(language)]
    links.nth(9).click()
    assert urlsplit(page.url).fragment == "section-10"
    heading = page.locator('[id="section-10"]')
    assert header_bottom(page) <= box(heading)["y"] < SIZES[size]["height"] / 3, (
        "the section's heading at the top, below the header"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_section_has_a_short_parallel_page_with_its_rows(site: Path, language: str) -> None:
    for index, section in enumerate(sections(language)):
        assert section.section is not None  # sections() has only the pages of a section
        url = page_url(language, parallel_section_page(section.section))
        document = soup(site, url)
        rows = [row["id"] for row in document.select(".parallel-row")]
        assert rows == [part.anchor for part in parts(section)], url
        assert attr(one(document, 'meta[name="robots"]'), "content") == "noindex, follow"
        assert section.title in one(document, "h1").get_text()
        pager = {
            link["rel"][0] if link.get("rel") else "all": attr(link, "href") for link in document.select(".parallel-pager a")
        }
        assert ("prev" in pager) == (index > 0) and ("next" in pager) == (index < len(sections(language)) - 1)
        assert urlsplit(pager["all"]).fragment == f"section-{section.section}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_clauses_parallel_link_opens_its_sections_short_page_at_its_row(
    open_page: OpenPage, base_url: str, language: str
) -> None:
    page = open_page()
    page.goto(base_url + page_url(language, "10-user-conduct.md"))
    page.locator('[id="10.2"] a.parallel-link').click()
    page.wait_for_url(f"{base_url}{page_url(language, parallel_section_page(10))}#10.2")
    row = page.locator('.parallel-row[id="10.2"]')
    assert row.evaluate("row => row.matches(':target')") and header_bottom(page) <= box(row)["y"] < 800
    assert page.evaluate("document.documentElement.scrollHeight") < 3000, "a short page: one section"


@pytest.mark.parametrize("language", LANGUAGES)
def test_parallel_rows_are_aligned_and_stack_on_a_phone_with_language_and_full_number(
    open_page: OpenPage, base_url: str, language: str
) -> None:
    page = open_page("desktop")
    page.goto(base_url + page_url(language, parallel_section_page(10)))
    for row in page.locator(".parallel-row").all():
        zh_cell, en_cell = row.locator(".parallel-cell").all()
        assert box(zh_cell)["y"] == box(en_cell)["y"] and box(zh_cell)["x"] < box(en_cell)["x"], row.get_attribute("id")
    columns = page.locator(".parallel-columns")
    assert columns.is_visible() and columns.inner_text().split("\n") == ["中文原文（以此为准）", "English reference translation"]
    phone = open_page("phone")
    phone.goto(base_url + page_url(language, parallel_section_page(10)))
    zh_cell, en_cell = phone.locator('.parallel-row[id="10.1-2"] .parallel-cell').all()
    assert box(en_cell)["y"] > box(zh_cell)["y"] + box(zh_cell)["height"] - 1 and box(en_cell)["x"] == box(zh_cell)["x"], (
        "stacked"
    )
    assert zh_cell.locator(".parallel-source").inner_text() == "中文 10.1（2）"
    assert en_cell.locator(".parallel-source").inner_text() == "English 10.1(2)"
    assert zh_cell.locator(".parallel-lang").is_visible() and box(zh_cell.locator(".parallel-lang"))["width"] > 10
    assert not phone.locator(".parallel-columns").is_visible()


@pytest.mark.parametrize(
    "url", [page_url("en", PARALLEL_PAGE), page_url("en", parallel_section_page(10)), page_url("zh", parallel_section_page(3))]
)
def test_parallel_pages_say_the_chinese_prevails_in_their_status_and_their_introduction(
    open_page: OpenPage, base_url: str, url: str
) -> None:
    page = open_page()
    page.goto(base_url + url)
    assert page.locator(".status-line").count() == 1
    intro = page.locator(".agreement-text > p").first
    assert intro.is_visible() and re.search("the Chinese original prevails|以中文原文为准", intro.inner_text())


def test_a_missing_short_parallel_page_is_reported_with_the_file_to_create(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "docs" / "en" / "parallel" / "10.md").unlink()
    messages = [problem.message for problem in check_project(read_project(project))]
    assert any(
        "docs/en/parallel/10.md is missing" in message and "copy of" in message and "docs/en/parallel/1.md" in message
        for message in messages
    ), messages


# -- 2. an item opened by its URL shows its clause's lead-in ----------------------------------------

ARRIVALS = {
    "page": "10-user-conduct/#10.1-2",
    "full text": "full/#10.1-2",
    "parallel view": "parallel/#10.1-2",
    "section's parallel page": "parallel/10/#10.1-2",
    "short link": "clause/10.1-2/",
}


@pytest.mark.parametrize("way", ARRIVALS)
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_an_item_opened_by_its_url_shows_its_lead_in_below_the_header(
    open_page: OpenPage, base_url: str, language: str, size: str, way: str
) -> None:
    page = open_page(size)
    page.goto(base_url + root(language) + ARRIVALS[way], wait_until="load")
    page.wait_for_url("**#10.1-2")
    page.wait_for_function("() => document.querySelector('.is-context') && document.readyState === 'complete'")
    page.wait_for_timeout(100)  # the browser's own scroll to the fragment
    item, lead_in = page.locator('[id="10.1-2"]'), page.locator('[id="10.1"]')
    assert item.evaluate("item => item.matches(':target')")
    top, height = header_bottom(page), SIZES[size]["height"]
    assert top <= box(lead_in)["y"] and box(item)["y"] + box(item)["height"] <= height, (
        "lead-in and item on the screen, below the header"
    )
    for part in (lead_in, item):  # both marked, and nothing (such as "back to top") covers them
        assert part.evaluate("e => getComputedStyle(e).backgroundColor") not in ("rgba(0, 0, 0, 0)", "transparent")
        assert part.evaluate(
            "e => { const r = e.getBoundingClientRect(); return e.contains(document.elementFromPoint(r.x + r.width / 2, r.y + 8)); }"
        )
    assert lead_in.evaluate("e => getComputedStyle(e).backgroundColor") != item.evaluate(
        "e => getComputedStyle(e).backgroundColor"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_item_far_from_its_lead_in_shows_the_lead_in_above_it(open_page: OpenPage, base_url: str, language: str) -> None:
    page = open_page("phone")
    page.goto(base_url + page_url(language, "10-user-conduct.md") + "#10.1-7", wait_until="load")
    page.wait_for_function("() => document.querySelector('[data-context]')")
    item = page.locator('[id="10.1-7"]')
    shown = item.evaluate("e => getComputedStyle(e, '::before').content")
    assert part_text(language, "10.1") in shown and shown.rstrip('"').endswith("…")
    assert header_bottom(page) <= box(item)["y"] and box(item)["y"] + box(item)["height"] <= 844
    page.locator('[id="10.2"] a.clause-number').click()  # elsewhere: the repeated lead-in goes
    assert item.evaluate("e => getComputedStyle(e, '::before').content") == "none"
    assert page.locator(".is-context").count() == 0


# -- 3. citations that stand on their own ----------------------------------------------------------


def copied(page: BrowserPage, anchor: str) -> str:
    button = page.locator(f'[id="{anchor}"] .clause-tools__citation')
    button.click()
    page.wait_for_function(f"() => document.querySelector('[id=\"{anchor}\"] .clause-tools__citation').textContent.length > 0")
    citation: str = clipboard_text(page)
    return citation


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_clauses_citation_holds_its_items_and_an_items_its_lead_in(open_page: OpenPage, base_url: str, language: str) -> None:
    page = open_page(clipboard=True)
    url = base_url + page_url(language, "10-user-conduct.md")
    permanent = base_url + permanent_page(language, "10-user-conduct.md")  # what a citation names
    page.goto(url + "#10.1")
    clause = copied(page, "10.1")
    items = [f"{'（' if language == 'zh' else '('}{n}{'）' if language == 'zh' else ')'}" for n in range(1, 8)]
    positions = [
        clause.index(label + (" " if language == "en" else "") + part_text(language, f"10.1-{n}"))
        for n, label in enumerate(items, 1)
    ]
    assert clause.index(part_text(language, "10.1")) < positions[0] and positions == sorted(positions), (
        "the lead-in, then (1) to (7)"
    )
    assert DATE in clause and clause.endswith(f"\n{permanent}#10.1") and NAMES[language]["10.1"] in clause
    assert "note" not in clause.lower() and "注" not in clause, "no note"
    page.goto(url + "#10.1-2")
    item = copied(page, "10.1-2")
    ellipsis = "……" if language == "zh" else " … "
    assert (
        f"{part_text(language, '10.1')}{ellipsis}{items[1]}{'' if language == 'zh' else ' '}{part_text(language, '10.1-2')}"
        in item
    )
    assert (
        part_text(language, "10.1-1") not in item
        and DATE in item
        and item.endswith(f"\n{permanent}#10.1-2")
        and NAMES[language]["10.1-2"] in item
    )


def test_quotation_marks_inside_a_citation_are_nested_in_each_languages_convention(open_page: OpenPage, base_url: str) -> None:
    page = open_page(clipboard=True)
    page.goto(f"{base_url}/#preamble-2")
    zh = copied(page, "preamble-2")
    assert "（以下简称‘本软件’）" in zh and "“本软件”" not in zh
    assert zh.count("“") == zh.count("”") == 1 and zh.index("“") < zh.index("‘"), "“…‘…’…”"
    page.goto(f"{base_url}/en/#preamble-2")
    en = copied(page, "preamble-2")
    assert "(hereinafter 'the Software')" in en and en.count('"') == 2, "\"…'…'…\""


def test_a_refused_copy_offers_the_text_selected_to_copy_by_hand(browser: Browser, base_url: str) -> None:
    """Served under a name that is not loopback over plain http, the page has no clipboard (as on
    a plain-http host): the citation appears selected in a field below the part instead."""
    insecure = browser.browser_type.launch(
        executable_path=str(CHROMIUM), args=[*CHROMIUM_ARGS, "--host-resolver-rules=MAP agreement.test 127.0.0.1"]
    )
    page = insecure.new_page()
    url = f"http://agreement.test:{urlsplit(base_url).port}/en/10-user-conduct/"
    page.goto(url + "#10.1-2")
    assert not page.evaluate("window.isSecureContext")
    page.locator('[id="10.1-2"] .clause-tools__citation').click()
    field = page.locator('[id="10.1-2"] + .clause-copy textarea')
    field.wait_for()
    offered = field.input_value()
    permanent = url.replace(
        "/en/10-user-conduct/", permanent_page("en", "10-user-conduct.md")
    )  # a citation names the permanent address
    assert NAMES["en"]["10.1-2"] in offered and part_text("en", "10.1-2") in offered and offered.endswith(f"\n{permanent}#10.1-2")
    assert page.locator(".clause-copy label").inner_text() == REGISTRY["en"].strings["clause_tools"]["by_hand"]
    assert field.evaluate("f => document.activeElement === f && f.selectionStart === 0 && f.selectionEnd === f.value.length")
    assert page.locator('[id="10.1-2"] .clause-tools__citation').text_content() == "Could not copy"
    page.keyboard.press("Escape")
    assert page.locator(".clause-copy").count() == 0
    assert page.evaluate("document.activeElement.classList.contains('clause-tools__citation')")
    insecure.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_on_the_full_text_copied_links_name_the_parts_own_page(open_page: OpenPage, base_url: str, language: str) -> None:
    page = open_page(clipboard=True)
    page.goto(base_url + page_url(language, FULL_PAGE) + "#10.1-2")
    page.locator('[id="10.1-2"] .clause-tools__link').click()
    page.wait_for_function("() => document.querySelector('[id=\"10.1-2\"] .clause-tools__link').textContent.length > 0")
    assert clipboard_text(page) == f"{base_url}{page_url(language, '10-user-conduct.md')}#10.1-2"
    # A citation names the part's text at the permanent address of the text shown.
    assert copied(page, "10.1-2").endswith(f"\n{base_url}{permanent_page(language, '10-user-conduct.md')}#10.1-2")


# -- 4. the whole agreement on one page ---------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_full_text_has_every_part_as_on_its_own_page(site: Path, language: str) -> None:
    url = page_url(language, FULL_PAGE)
    document = soup(site, url)
    text = one(document, ".agreement-text")
    anchors = [element["id"] for element in text.select(".preamble, .clause, .clause-item")]
    assert anchors == [part.anchor for page in agreement_pages()[language] for part in parts(page)]
    assert len({tag["id"] for tag in document.find_all(id=True)}) == len(document.find_all(id=True)), "no id twice"
    for page in agreement_pages()[language]:
        own = soup(site, page_url(language, page.name))
        for part in parts(page):
            here, there = one(text, f'[id="{part.anchor}"]'), one(own, f'[id="{part.anchor}"]')
            for added in (*here.select(".clause-tools"), *there.select(".clause-tools")):
                added.decompose()
            assert here.get_text() == there.get_text(), part.anchor
    headings = [(h2["id"], h2.get_text()) for h2 in text.select("h2")]
    assert headings == [(f"section-{page.section}", page.title) for page in sections(language)]
    toc = [a["href"] for a in document.select(".md-sidebar--secondary nav.md-nav--secondary a")]
    assert toc == [f"#section-{page.section}" for page in sections(language)], "its sections in the table of contents"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_full_text_is_linked_from_home_and_not_indexed(site: Path, language: str) -> None:
    url = page_url(language, FULL_PAGE)
    home = soup(site, root(language))
    full_links = [a for a in home.select(".md-content a") if attr(a, "href").rstrip("/").endswith("full")]
    assert full_links, "linked from the home page's content"
    assert [a for a in home.select("nav.md-nav--primary a") if attr(a, "href").rstrip("/").endswith("full")], (
        "and from the navigation"
    )
    document = soup(site, url)
    assert attr(one(document, 'meta[name="robots"]'), "content") == "noindex, follow"
    assert attr(one(document, 'link[rel="canonical"]'), "href") == f"https://tim-agreement.example.org{url}"
    sitemap = ElementTree.parse(site / "sitemap.xml").getroot()
    locations = {loc.text or "" for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    assert f"https://tim-agreement.example.org{url}" not in locations
    assert f"https://tim-agreement.example.org{page_url(language, '10-user-conduct.md')}" in locations
    assert not {loc for loc in locations if re.search(r"/parallel/\d+/$", loc)}, (
        "the section's parallel pages are not listed either"
    )


# -- 5. print ----------------------------------------------------------------------------------------


def printed(page: BrowserPage, url: str) -> list[str]:
    page.goto(url, wait_until="load")
    return [joined(sheet) for sheet in sheets(page.pdf(format="A4"))]


@pytest.mark.parametrize(
    ("language", "name", "status", "least"),
    [("zh", FULL_PAGE, STATUS, 5), ("en", FULL_PAGE, STATUS, 5), ("zh", "10-user-conduct.md", STATUS, 1),
     ("en", "10-user-conduct.md", STATUS, 1), ("en", PARALLEL_PAGE, PARALLEL_STATUS, 5), ("zh", parallel_section_page(2), PARALLEL_STATUS, 2)],
)  # fmt: skip
def test_every_printed_sheet_says_what_it_is_and_where_it_is_from(
    open_page: OpenPage, base_url: str, language: str, name: str, status: dict[str, str], least: int
) -> None:
    page = open_page()
    url = page_url(language, name)
    texts = printed(page, base_url + url)
    assert len(texts) >= least
    address = f"https://tim-agreement.example.org{url}"
    for number, text in enumerate(texts, 1):
        said = status[language].format(revised=read_english_records(ROOT)[-1].since)
        for wanted in (SITE_NAME[language], said, SOURCE, DATE, address, f"{number}/{len(texts)}"):
            assert joined(wanted) in text, f"sheet {number} of {url}: no {wanted!r}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_running_header_keeps_the_date_whole(open_page: OpenPage, base_url: str, language: str) -> None:
    """On the sheets after the first, whose header is the running one: the source's date on one line."""
    page = open_page()
    page.goto(base_url + page_url(language, FULL_PAGE), wait_until="load")
    lines = top_lines(page.pdf(format="A4"), 1)
    assert any(DATE in line for line in lines), lines


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_printed_address_is_written_once(open_page: OpenPage, base_url: str, language: str) -> None:
    page = open_page()
    (text,) = printed(page, base_url + root(language))[:1]
    for address in ("https://www.qq.com/contract.shtml", "https://zc.qq.com/chs/agreement1_chs.html", SOURCE):
        assert text.count(address) == 1, address


@pytest.mark.parametrize("url", [page_url("zh", FULL_PAGE), page_url("en", FULL_PAGE), page_url("en", PARALLEL_PAGE)])
def test_no_heading_is_printed_alone_at_the_foot_of_a_sheet(open_page: OpenPage, base_url: str, url: str) -> None:
    page = open_page()
    texts = printed(page, base_url + url)
    language = "en" if url.startswith("/en/") and "parallel" not in url else "zh"
    for section in sections(language):
        heading = next(index for index, text in enumerate(texts) if joined(section.title) in text)
        first = joined(plain_text(section.clauses[0].text))[:16]
        assert first in texts[heading], f"{section.title}: its first clause is not on its sheet"


# -- 6. clause tools ----------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_clause_is_two_tab_stops(open_page: OpenPage, base_url: str, language: str) -> None:
    page = open_page()
    page.goto(base_url + page_url(language, "10-user-conduct.md"))
    page.locator('[id="10.1"] a.clause-number').focus()
    stops = []
    for _ in range(60):
        owner = page.evaluate(
            "document.activeElement.closest('.agreement-text :is(.clause, .clause-item, .agreement-note)')?.id ?? null"
        )
        if owner is None:
            break
        stops.append(owner)
        page.keyboard.press("Tab")
    counts = Counter(stops)
    anchors = [part.anchor for part in parts(sections(language)[9])]
    # After 10.1(7), the notes on 10.1: their two links each (to the notes page, to their part).
    assert list(counts) == [*anchors[:-1], "10.1-5-note", anchors[-1], "10.2-note"], counts
    assert dict(counts) == dict.fromkeys(anchors, 2) | {"10.1-5-note": 2, "10.2-note": 2}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_clause_tools_are_24_px_targets_shown_on_touch_screens(
    open_page: OpenPage, base_url: str, language: str, size: str
) -> None:
    page = open_page(size)
    page.goto(base_url + page_url(language, "02-user-information.md"))
    assert page.evaluate("matchMedia('(hover: none)').matches") == (size == "phone")
    targets = page.locator(".agreement-text a.clause-number, .agreement-text .clause-tools > *")
    assert targets.count() == 5 * len(list(parts(sections(language)[1]))), "a number, ⇄ and three copy buttons each"
    for target in targets.all():
        assert box(target)["width"] >= 24 and box(target)["height"] >= 24, target.evaluate("e => e.outerHTML.slice(0, 80)")
    citation = page.locator('[id="2.2"] .clause-tools__citation')
    assert citation.evaluate("b => getComputedStyle(b).opacity") == ("1" if size == "phone" else "0")
    page.locator('[id="2.2"]').hover()
    assert citation.evaluate("b => getComputedStyle(b).opacity") == "1"


@pytest.mark.parametrize("language", LANGUAGES)
def test_hover_and_focus_move_nothing(open_page: OpenPage, base_url: str, language: str) -> None:
    page = open_page()
    page.goto(base_url + page_url(language, "02-user-information.md"))
    layout = "[...document.querySelectorAll('.agreement-text > *')].map(e => JSON.stringify(e.getBoundingClientRect()))"
    before = page.evaluate(layout)
    page.locator('[id="2.3-3"]').hover()
    assert page.locator('[id="2.3-3"] .clause-tools__citation').evaluate("b => getComputedStyle(b).opacity") == "1"
    assert page.evaluate(layout) == before
    page.locator('[id="2.3-3"] .parallel-link').focus()
    page.keyboard.press("ArrowRight")
    assert page.evaluate(layout) == before


@pytest.mark.parametrize("language", LANGUAGES)
def test_clause_tools_are_named_with_the_clause_number(open_page: OpenPage, base_url: str, language: str) -> None:
    page = open_page()
    page.goto(base_url + page_url(language, "02-user-information.md"))
    name = NAMES[language]["2.3-3"]
    toolbar = page.get_by_role("toolbar", name=name, exact=True)
    assert toolbar.count() == 1
    parallel, link, citation, both = TOOLS[language]
    tools: tuple[tuple[Literal["link", "button"], str], ...] = (
        ("link", parallel), ("button", link), ("button", citation), ("button", both),
    )  # fmt: skip
    for role, label in tools:
        tool = toolbar.get_by_role(role, name=TOOL_NAME[language].format(label=label, name=name), exact=True)
        assert tool.count() == 1 and tool.get_attribute("title") == TOOL_NAME[language].format(label=label, name=name)


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_landmark_is_empty(open_page: OpenPage, base_url: str, language: str) -> None:
    page = open_page()
    landmarks = (
        "[...document.querySelectorAll('nav, aside:not([role]), main, header, footer, [role=navigation], [role=complementary], [role=region]')]"
        ".filter(e => e.checkVisibility()).map(e => [e.getAttribute('aria-label') || e.tagName, e.innerText.trim().length])"
    )
    for name in (
        "index.md",
        "10-user-conduct.md",
        FULL_PAGE,
        PARALLEL_PAGE,
        parallel_section_page(10),
        "glossary/index.md",
        "versions/index.md",
    ):
        page.goto(base_url + page_url(language, name))
        found = page.evaluate(landmarks)
        assert found and not [landmark for landmark, length in found if length == 0], (name, found)


# -- 7. languages ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
def test_each_home_page_shows_the_way_into_the_other_language(open_page: OpenPage, base_url: str, size: str) -> None:
    page = open_page(size)
    page.goto(f"{base_url}/")
    english = page.locator(".md-content").get_by_role("link", name="Read the English reference translation")
    assert english.is_visible() and english.get_attribute("lang") == "en"
    english.click()
    page.wait_for_url(f"{base_url}/en/")
    chinese = page.locator(".md-content").get_by_role("link", name="阅读本页中文原文")
    assert chinese.is_visible() and chinese.get_attribute("lang") == "zh-Hans"
    chinese.click()
    page.wait_for_url(f"{base_url}/")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_language_menu_marks_the_current_language(open_page: OpenPage, base_url: str, language: str) -> None:
    page = open_page()
    page.goto(base_url + page_url(language, "07-qq-number.md"))
    page.locator(".md-select").first.hover()
    current = page.locator("a.md-select__link[aria-current='page']")
    assert current.count() == 1 and current.get_attribute("hreflang") == HTML_LANG[language]
    other = page.locator("a.md-select__link:not([aria-current])")
    assert (
        current.evaluate("a => getComputedStyle(a).fontWeight") == "700"
        and other.evaluate("a => getComputedStyle(a).fontWeight") == "400"
    )
    assert current.evaluate("a => getComputedStyle(a, '::before').content").startswith('"✓')


def test_the_copied_language_menu_is_materials_with_the_current_language_marked() -> None:
    """overrides/partials/alternate.html is Material's partial plus lang, aria-current, autoescape
    and, on the 404 page (no page), the languages' home pages: fail when Material's changes, so the
    copy is re-checked."""
    theirs = (Path(material.__file__).parent / "templates" / "partials" / "alternate.html").read_text(encoding="utf-8")
    ours = (ROOT / "overrides" / "partials" / "alternate.html").read_text(encoding="utf-8")

    def normalised(template: str) -> str:
        template = re.sub(r"{#.*?#}", "", template, flags=re.S)
        template = re.sub(r' lang="[^"]*"|\s*{%- if alt.lang == [^%]*%} aria-current="page"{% endif %}', "", template)
        template = template.replace('hreflang="{{ config.extra.languages[alt.lang].html_lang }}"', 'hreflang="{{ alt.lang }}"')
        template = template.replace(" if page else config.extra.paths.site ~ config.extra.languages[alt.lang].root }}", " }}")
        template = re.sub(r"{% autoescape true -%}|{%- endautoescape %}", "", template)
        return re.sub(r"\s+", " ", template).strip()

    assert normalised(ours) == normalised(theirs)


# -- 8. the dark scheme ---------------------------------------------------------------------------------


def luminance(css_colour: str) -> float:
    red, green, blue = (int(value) / 255 for value in re.findall(r"\d+", css_colour)[:3])
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def luminance_of(colour: tuple[float, ...]) -> float:
    """Of a PDF fill colour: gray (one value) or RGB (three), each 0 to 1."""
    red, green, blue = colour if len(colour) == 3 else colour[:1] * 3
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_scheme_follows_the_system_and_the_toggle_switches_it(open_page: OpenPage, base_url: str, scheme: Scheme) -> None:
    page = open_page(scheme=scheme)
    page.goto(f"{base_url}/10-user-conduct/")
    background = "getComputedStyle(document.body).backgroundColor"
    assert page.locator("body").get_attribute("data-md-color-scheme") == ("slate" if scheme == "dark" else "default")
    assert (luminance(page.evaluate(background)) < 0.2) == (scheme == "dark")
    page.locator("form[data-md-component='palette'] label:visible").click()
    assert page.locator("body").get_attribute("data-md-color-scheme") == ("default" if scheme == "dark" else "slate")
    page.reload()
    assert page.locator("body").get_attribute("data-md-color-scheme") == ("default" if scheme == "dark" else "slate"), "kept"
    assert (luminance(page.evaluate(background)) < 0.2) == (scheme == "light")


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_no_axe_violation_and_a_readable_highlight_in_either_scheme(
    open_page: OpenPage, base_url: str, language: str, scheme: Scheme
) -> None:
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    for size in SIZES:
        page = open_page(size, scheme)
        for name, anchor in (
            ("10-user-conduct.md", "10.1-2"),
            (parallel_section_page(10), "10.1-2"),
            (FULL_PAGE, "2.3"),
            ("index.md", "preamble-2"),
            (NOTES_PAGE, "3.3-note"),
        ):
            page.goto(base_url + page_url(language, name) + f"#{anchor}", wait_until="load")
            target = page.locator(f'[id="{anchor}"]')
            page_background = page.evaluate("getComputedStyle(document.body).backgroundColor")
            assert target.evaluate("e => getComputedStyle(e).backgroundColor") not in ("rgba(0, 0, 0, 0)", page_background)
            violations = axe.run(page).response["violations"]
            assert violations == [], [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations]


@pytest.mark.parametrize("scheme", SCHEMES)
def test_either_scheme_prints_dark_on_white(open_page: OpenPage, base_url: str, scheme: Scheme) -> None:
    page = open_page(scheme=scheme)
    page.emulate_media(media="print", color_scheme=scheme)  # from the start: no colour transitions
    page.goto(f"{base_url}/en/10-user-conduct/#10.1-2", wait_until="load")
    assert page.locator("body").get_attribute("data-md-color-scheme") == ("slate" if scheme == "dark" else "default")
    assert luminance(page.evaluate("getComputedStyle(document.body).backgroundColor")) > 0.9
    for selector in ('[id="10.1"]', ".status-line a", ".print-header a", ".agreement-note"):
        colour = page.locator(selector).first.evaluate("e => getComputedStyle(e).color")
        assert luminance(colour) < 0.35, (selector, colour)


@pytest.mark.parametrize("where", ["10-user-conduct.md", "permanent"])
def test_the_dark_scheme_printed_with_backgrounds_gives_white_sheets(open_page: OpenPage, base_url: str, where: str) -> None:
    """Background graphics on (Chromium's print option): no dark fill anywhere on a sheet, its
    margins (where the running header and the page number are) included."""
    page = open_page(scheme="dark")
    page.goto(base_url + (permanent_page("en", "10-user-conduct.md") if where == "permanent" else page_url("en", where)))
    pdf = page.pdf(print_background=True, format="A4")
    fills = filled_rectangles(pdf)
    assert fills, "the white sheet is drawn"
    # The backgrounds: of the sheet (its margins) and of the page's content, each most of a sheet.
    dark = [
        (width, height, colour) for width, height, colour in fills if width > 400 and height > 400 and luminance_of(colour) < 0.5
    ]
    assert dark == [], dark


# -- 9. fonts, the navigation's title, the contents' numbers -----------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_body_text_is_set_in_the_cjk_font_stack(open_page: OpenPage, base_url: str, language: str) -> None:
    page = open_page()
    page.goto(base_url + page_url(language, "10-user-conduct.md"))
    for selector in ("body", '[id="10.1"]', ".agreement-note"):
        family = page.locator(selector).first.evaluate("e => getComputedStyle(e).fontFamily")
        assert '"PingFang SC"' in family and '"Noto Sans CJK SC"' in family and '"Microsoft YaHei"' in family, (selector, family)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_navigation_names_the_agreement_once_and_the_contents_number_once(
    open_page: OpenPage, base_url: str, language: str, size: str
) -> None:
    page = open_page(size)
    page.goto(base_url + root(language))
    if size == "phone":
        page.locator('label.md-header__button[for="__drawer"]').click()
    nav = page.locator("nav.md-nav--primary")
    texts = [text.strip() for text in nav.locator("> .md-nav__title, > .md-nav__list > li > a").all_inner_texts()]
    assert texts.count(SITE_NAME[language]) == 1 and texts[0] == SITE_NAME[language], texts
    contents = page.locator(".agreement-contents li")
    assert contents.all_inner_texts() == [section.title for section in sections(language)]
    assert contents.first.evaluate("li => getComputedStyle(li).listStyleType") == "none", "no number of the list's own"


def test_the_published_stylesheet_and_script_are_minified_with_their_strings_kept(site: Path) -> None:
    css = minified("agreement.css", 'a::after {\n  content: " <" attr(href) ">"; /* where it goes */\n}\n')
    assert "where it goes" not in css and '" <"' in css and '">"' in css, css
    script = minified("agreement-clauses.js", '// a comment\n  const a = "// not a comment";\n\n  f(a);\n')
    assert "a comment" not in script.replace("not a comment", "") and '"// not a comment"' in script, script
    source = (ROOT / "overrides" / "assets" / "agreement.css").read_text(encoding="utf-8")
    published = (site / "assets" / "agreement.css").read_text(encoding="utf-8")
    assert published == minified("assets/agreement.css", source) and "/*" not in published and len(published) < 0.75 * len(source)
    script = (ROOT / "overrides" / "assets" / "javascripts" / "agreement-clauses.js").read_text(encoding="utf-8")
    assert (site / "assets" / "javascripts" / "agreement-clauses.js").read_text(encoding="utf-8") == minified(
        "assets/javascripts/agreement-clauses.js", script
    )


# -- 10. notes as a layer ----------------------------------------------------------------------------------

NOTES_TOGGLE = {"zh": "显示注释", "en": "Show notes"}


def hide_notes(page: BrowserPage, base_url: str) -> None:
    """The reader's choice to hide notes, as the toggle stores it (agreement-clauses.js)."""
    page.goto(f"{base_url}/versions/")
    page.evaluate("localStorage.setItem('agreement-notes', 'hidden')")


def visible_notes(page: BrowserPage) -> list[bool]:
    return [note.is_visible() for note in page.locator(".agreement-note").all()]


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_one_remembered_control_shows_or_hides_every_note_on_every_page(
    open_page: OpenPage, base_url: str, language: str, size: str
) -> None:
    page = open_page(size)
    page.goto(base_url + page_url(language, "10-user-conduct.md"))
    toggle = page.get_by_role("button", name=NOTES_TOGGLE[language], exact=True)
    assert toggle.get_attribute("aria-pressed") == "true" and box(toggle)["height"] >= 24
    assert visible_notes(page) == [True, True], "shown by default"
    below = box(page.locator('[id="10.2"]'))["y"]
    toggle.click()
    assert toggle.get_attribute("aria-pressed") == "false" and visible_notes(page) == [False, False]
    assert box(page.locator('[id="10.2"]'))["y"] < below - 40, "a hidden note takes no space"
    for name in ("index.md", FULL_PAGE, parallel_section_page(10)):  # remembered, on every page
        page.goto(base_url + page_url(language, name))
        assert page.locator(".agreement-note").count() > 0 and not any(visible_notes(page)), name
        assert toggle.get_attribute("aria-pressed") == "false", name
    toggle.click()
    page.reload()
    assert toggle.get_attribute("aria-pressed") == "true" and all(visible_notes(page)) and visible_notes(page)


def test_hidden_notes_are_hidden_before_the_pages_scripts_run(open_page: OpenPage, base_url: str) -> None:
    """The page's head applies the choice (overrides/main.html): no note shows, then goes."""
    page = open_page()
    hide_notes(page, base_url)
    page.route("**/*.js", lambda route: route.abort())
    page.goto(f"{base_url}/en/10-user-conduct/")
    assert page.locator(".agreement-note").count() == 2 and not any(visible_notes(page))


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("hidden", [False, True], ids=["notes shown", "notes hidden"])
@pytest.mark.parametrize("size", SIZES)
def test_a_note_opened_by_its_address_is_shown_and_marked(
    open_page: OpenPage, base_url: str, size: str, hidden: bool, scheme: Scheme
) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page = open_page(size, scheme)
    if hidden:
        hide_notes(page, base_url)
    page.goto(f"{base_url}/en/01-scope/#1.2-note-2", wait_until="load")
    note = page.locator('[id="1.2-note-2"]')
    assert note.is_visible() and header_bottom(page) <= box(note)["y"]
    assert box(note)["y"] + box(note)["height"] <= SIZES[size]["height"], "on the screen"
    background = note.evaluate("e => getComputedStyle(e).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", page.evaluate("getComputedStyle(document.body).backgroundColor"))
    assert visible_notes(page) == [not hidden, not hidden, True], "the others as the reader chose"
    violations = Axe().run(page).response["violations"]
    assert violations == [], [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations]


@pytest.mark.parametrize("hidden", [False, True], ids=["notes shown", "notes hidden"])
def test_no_citation_holds_a_note_whether_notes_are_shown_or_hidden(open_page: OpenPage, base_url: str, hidden: bool) -> None:
    page = open_page(clipboard=True)
    if hidden:
        hide_notes(page, base_url)
    page.goto(f"{base_url}/en/10-user-conduct/#10.1")
    citation = copied(page, "10.1")
    both = copied_with(page, "10.1", "both")
    for text in (citation, both):
        assert "(5) adding to" in text and "note" not in text.lower() and "注" not in text, text


# -- 11. the tools in the parallel view, and a citation in both languages -----------------------------------


def copied_with(page: BrowserPage, anchor: str, tool: str) -> str:
    """What a part's tool (link, citation, both) puts on the clipboard."""
    page.locator(f'[id="{anchor}"] .clause-tools__{tool}').click()
    page.wait_for_function(f"() => document.querySelector('[id=\"{anchor}\"] .clause-tools__{tool}').textContent.length > 0")
    return clipboard_text(page)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_each_parallel_row_has_the_section_pages_tools_and_leads_back_to_it(
    open_page: OpenPage, base_url: str, language: str, size: str
) -> None:
    page = open_page(size, clipboard=True)
    section_page = base_url + page_url(language, "10-user-conduct.md")
    page.goto(base_url + page_url(language, parallel_section_page(10)) + "#10.1-2")
    assert page.locator(".parallel-row").count() == page.locator(".parallel-row .clause-tools").count() == 9
    row = page.locator('.parallel-row[id="10.1-2"]')
    name = NAMES[language]["10.1-2"]
    toolbar = row.get_by_role("toolbar", name=name, exact=True)
    assert toolbar.locator("xpath=..").get_attribute("lang") == HTML_LANG[language], "in the half in the page's language"
    _, link, citation, both = TOOLS[language]
    tools: tuple[tuple[Literal["link", "button"], str], ...] = (
        ("link", BACK[language]),
        ("button", link),
        ("button", citation),
        ("button", both),
    )
    for role, label in tools:
        tool = toolbar.get_by_role(role, name=TOOL_NAME[language].format(label=label, name=name), exact=True)
        assert tool.is_visible() and box(tool)["width"] >= 24 and box(tool)["height"] >= 24, label
    assert copied_with(page, "10.1-2", "link") == f"{section_page}#10.1-2", "the address to cite: the section page's"
    assert copied_with(page, "10.1-2", "citation").endswith(
        f"\n{base_url}{permanent_page(language, '10-user-conduct.md')}#10.1-2"
    )
    toolbar.get_by_role("link", name=TOOL_NAME[language].format(label=BACK[language], name=name), exact=True).click()
    page.wait_for_url(f"{section_page}#10.1-2")
    assert page.locator('[id="10.1-2"]').evaluate("e => e.matches(':target')")


WHERE = {"section page": "10-user-conduct.md", "full text": FULL_PAGE, "parallel view": parallel_section_page(10)}


@pytest.mark.parametrize("where", WHERE)
@pytest.mark.parametrize("language", LANGUAGES)
def test_copy_in_both_languages_holds_each_languages_citation_the_original_first(
    open_page: OpenPage, base_url: str, language: str, where: str
) -> None:
    page = open_page(clipboard=True)
    own = {}
    for code in LANGUAGES:  # each language's citation, as its own page copies it
        page.goto(base_url + page_url(code, "10-user-conduct.md") + "#10.1-2")
        own[code] = copied(page, "10.1-2")
    page.goto(base_url + page_url(language, WHERE[where]) + "#10.1-2")
    both = copied_with(page, "10.1-2", "both")
    assert both == f"{own['zh']}\n\n{own['en']}"
    for code in LANGUAGES:  # each with its date and its own permanent address
        assert own[code].endswith(f"\n{base_url}{permanent_page(code, '10-user-conduct.md')}#10.1-2") and DATE in own[code]
    announced = REGISTRY[language].strings["clause_tools"]["both_copied"]
    assert page.locator(".clause-tools__announcer").inner_text() == fill(announced, name=NAMES[language]["10.1-2"])


@pytest.mark.parametrize("size", SIZES)
def test_copy_in_both_languages_of_a_clause_and_a_preamble_paragraph(open_page: OpenPage, base_url: str, size: str) -> None:
    page = open_page(size, clipboard=True)
    page.goto(f"{base_url}/en/#preamble-2")
    preamble = copied_with(page, "preamble-2", "both")
    zh, en = preamble.split("\n\n")
    assert zh.startswith("《TIM软件许可及服务协议》（2022-01-23获取的文本）序言第2段：“为使用TIM软件")
    assert zh.endswith(f"\n{base_url}/v/{DATE}/#preamble-2") and en.endswith(
        f"\n{base_url}{permanent_page('en', 'index.md')}#preamble-2"
    )
    assert en.startswith("TIM Software License and Service Agreement (as retrieved on 2022-01-23), preamble, paragraph 2 (")
    page.goto(f"{base_url}/parallel/10/#10.1")
    clause = copied_with(page, "10.1", "both")
    zh, en = clause.split("\n\n")
    assert "（7）其他未经腾讯明示授权的行为。”" in zh and '(7) any other act not expressly authorized by Tencent."' in en


# -- 12. forgiving addresses ----------------------------------------------------------------------------------


@pytest.mark.parametrize("written", ["10.1(2)", "10.1（2）", "10.1.2", "１０.１(２)"])
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_an_item_written_as_readers_write_it_lands_on_the_item(
    open_page: OpenPage, base_url: str, language: str, size: str, written: str
) -> None:
    page = open_page(size)
    page.goto(base_url + page_url(language, "10-user-conduct.md") + f"#{written}", wait_until="load")
    page.wait_for_url("**#10.1-2")
    page.wait_for_function("() => document.querySelector('.is-context')")
    item = page.locator('[id="10.1-2"]')
    assert item.evaluate("e => e.matches(':target')") and page.locator(".is-context").get_attribute("id") == "10.1"
    assert header_bottom(page) <= box(item)["y"] and box(item)["y"] + box(item)["height"] <= SIZES[size]["height"]
    assert page.locator(".address-notice").count() == 0


MISSING = {"zh": "本协议没有“{number}”。", "en": "The agreement has no “{number}”."}


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_an_address_naming_a_part_the_agreement_lacks_says_so_with_the_nearest_parts(
    open_page: OpenPage, base_url: str, language: str, size: str, scheme: Scheme
) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page = open_page(size, scheme)
    url = base_url + page_url(language, "10-user-conduct.md")
    page.goto(f"{url}#10.9", wait_until="load")
    notice = page.locator(".address-notice")
    notice.wait_for()
    assert notice.inner_text().startswith(MISSING[language].format(number="10.9")) and notice.get_attribute("role") == "alert"
    assert header_bottom(page) <= box(notice)["y"] and box(notice)["y"] + box(notice)["height"] <= SIZES[size]["height"]
    nearest = {"zh": ["第10.2款", "第11.1款"], "en": ["clause 10.2", "clause 11.1"]}[language]
    assert notice.locator("a").all_inner_texts() == nearest
    violations = Axe().run(page).response["violations"]
    assert violations == [], [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations]
    notice.locator("a").first.click()  # on this page: the notice goes
    page.wait_for_url(f"{url}#10.2")
    page.locator(".address-notice").wait_for(state="detached")  # on the hashchange that follows the address
    assert page.locator(".address-notice").count() == 0
    page.goto(f"{url}#10.1(9)", wait_until="load")
    page.locator(".address-notice").wait_for()
    assert page.locator(".address-notice a").all_inner_texts() == (
        ["第10.1款第（7）项", "第10.2款"] if language == "zh" else ["clause 10.1(7)", "clause 10.2"]
    )
    page.locator(".address-notice a").first.click()
    page.wait_for_url(f"{url}#10.1-7")
    page.goto(f"{url}#10.9", wait_until="load")
    page.locator(".address-notice a").nth(1).click()  # on another page: through its short link
    page.wait_for_url(base_url + page_url(language, "11-security-responsibility.md") + "#11.1")


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_address_naming_a_part_on_another_page_opens_that_page(open_page: OpenPage, base_url: str, language: str) -> None:
    page = open_page()
    page.goto(base_url + page_url(language, "10-user-conduct.md") + "#3.3")
    page.wait_for_url(base_url + page_url(language, "03-license-scope.md") + "#3.3")
    assert page.locator('[id="3.3"]').evaluate("e => e.matches(':target')")
    page.goto(base_url + page_url(language, parallel_section_page(2)) + "#preamble-9", wait_until="load")
    page.locator(".address-notice").wait_for()
    assert page.locator(".address-notice a").all_inner_texts() == (
        ["序言第4段", "第1.1款"] if language == "zh" else ["preamble, paragraph 4", "clause 1.1"]
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_short_links_take_an_items_other_spellings_and_a_sections_number(
    open_page: OpenPage, base_url: str, language: str
) -> None:
    page = open_page()
    for link, name, fragment in (
        ("10.1(2)", "10-user-conduct.md", "#10.1-2"),
        ("10.1.2", "10-user-conduct.md", "#10.1-2"),
        ("2.3(5)", "02-user-information.md", "#2.3-5"),
        ("10", "10-user-conduct.md", ""),
        ("1", "01-scope.md", ""),
    ):
        page.goto(base_url + short_link_path(language, link))
        page.wait_for_url(base_url + page_url(language, name) + fragment)
        assert page.locator(".status-line").count() == 1, link


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_short_link_written_otherwise_lands_and_one_to_no_part_says_so(
    open_page: OpenPage, base_url: str, language: str
) -> None:
    """As a fragment does: full-width brackets land on the item; a part the agreement lacks gets
    the notice with the nearest parts, on the page not found."""
    page = open_page()
    page.goto(base_url + short_link_path(language, "10.1（2）"))
    page.wait_for_url(base_url + page_url(language, "10-user-conduct.md") + "#10.1-2")
    response = page.goto(base_url + short_link_path(language, "10.9"))
    assert response is not None and response.status == 404
    notice = page.locator(".address-notice")
    notice.wait_for()
    assert notice.inner_text().startswith(MISSING[language].format(number="10.9"))
    assert notice.locator("a").all_inner_texts() == (
        ["第10.2款", "第11.1款"] if language == "zh" else ["clause 10.2", "clause 11.1"]
    )
    notice.locator("a").nth(1).click()
    page.wait_for_url(base_url + page_url(language, "11-security-responsibility.md") + "#11.1")


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_address_inside_a_dated_text_never_leads_to_the_current_text(
    open_page: OpenPage, base_url: str, language: str
) -> None:
    """A short link or a part typed under a dated text's folder is not found there: the page not
    found points to that dated text, not to the current text, whose words may differ."""
    dated = permanent_page(language, "index.md")
    page = open_page()
    response = page.goto(f"{base_url}{dated}clause/10.1/#10.1")
    assert response is not None and response.status == 404
    link = page.locator(".address-notice a")
    link.wait_for()
    assert link.get_attribute("href") == dated
    page.wait_for_load_state("networkidle")
    assert urlsplit(page.url).path == f"{dated}clause/10.1/", "still there: not sent on to the current text"
    # A date with no text and the dated texts' folder: the versions page; the retrievals' folder
    # (at the site's root, as the data page lists them): the data page.
    for missing, meant in (("v/1999-01-01/", "versions/"), ("v/", "versions/"), ("sources/", "data/")):
        response = page.goto(f"{base_url}{root(language)}{missing}", wait_until="networkidle")
        assert response is not None and response.status == 404, missing
        assert page.locator(".address-notice a").get_attribute("href") == f"{root(language)}{meant}", missing


def test_a_dated_pages_language_link_keeps_the_part(open_page: OpenPage, base_url: str) -> None:
    page = open_page()
    page.goto(f"{base_url}{permanent_page('en', '10-user-conduct.md')}#10.1-2")
    page.locator('.record-header a[hreflang="zh-Hans"]').click()
    page.wait_for_url(f"{base_url}{permanent_page('zh', '10-user-conduct.md')}#10.1-2")


def test_an_address_with_the_originals_code_leads_to_the_page_meant(open_page: OpenPage, base_url: str) -> None:
    """The Chinese pages are at the site's root: /zh/10-user-conduct/ is not found, and says where it is."""
    page = open_page()
    response = page.goto(f"{base_url}/zh/10-user-conduct/")
    assert response is not None and response.status == 404
    link = page.locator(".address-notice a")
    link.wait_for()
    assert link.get_attribute("href") == "/10-user-conduct/"
    link.click()
    page.wait_for_url(f"{base_url}/10-user-conduct/")
    page.goto(f"{base_url}/zh/10-user-conduct/#10.1")  # a part named: it opens, wherever the page was
    page.wait_for_url(f"{base_url}/10-user-conduct/#10.1")
    page.goto(f"{base_url}/zh/no-such-page/", wait_until="networkidle")
    assert page.locator(".address-notice").count() == 0, "no page meant, no suggestion"


# -- 13. the preamble's numbers, a section's clauses beside it -----------------------------------------------


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_preamble_paragraphs_show_their_number_as_a_link_to_themselves(
    open_page: OpenPage, base_url: str, language: str, size: str
) -> None:
    page = open_page(size)
    page.goto(base_url + root(language))
    home = agreement_pages()[language][0]
    for number, part in enumerate(parts(home), 1):
        paragraph = page.locator(f'[id="{part.anchor}"]')
        link = paragraph.get_by_role("link", name=capitalised(part.name), exact=True)
        assert link.count() == 1 and link.is_visible() and link.get_attribute("href") == f"#{part.anchor}"
        assert link.evaluate("a => getComputedStyle(a, '::before').content") == f'"{number}"'
        assert box(link)["width"] >= 24 and box(link)["height"] >= 24
        size_of = "e => parseFloat(getComputedStyle(e).fontSize)"
        assert link.evaluate(size_of) < paragraph.evaluate(size_of), "small"
        assert box(link)["x"] <= box(paragraph)["x"] + 1, "before the text"
        assert paragraph.inner_text().lstrip().startswith(plain_text(part.text)[:6]), "not in the text"
    page.locator('[id="preamble-2"]').get_by_role("link", name=capitalised(list(parts(home))[1].name), exact=True).click()
    assert urlsplit(page.url).fragment == "preamble-2"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_section_pages_table_of_contents_lists_its_clauses(open_page: OpenPage, base_url: str, language: str) -> None:
    """In the right column on a desktop (Material's table of contents, fed the page's clauses), in
    the navigation drawer on a phone."""
    section = sections(language)[11]
    clauses = [f"#{clause.anchor}" for clause in section.clauses]
    page = open_page()
    page.goto(base_url + page_url(language, section.name))
    sidebar = page.locator(".md-sidebar--secondary nav.md-nav--secondary")
    entries = sidebar.locator("a.md-nav__link")
    assert sidebar.is_visible() and box(sidebar)["x"] > box(page.locator('[id="12.1"]'))["x"], "to the right of the text"
    assert entries.evaluate_all("links => links.map(a => a.getAttribute('href'))") == clauses
    for text, clause in zip(entries.all_inner_texts(), section.clauses, strict=True):
        number, _, words = text.partition(" ")
        assert number == clause.label and plain_text(clause.text).startswith(words.removesuffix("…")), text
        assert len(words) <= 50, "the opening words, not the clause"
    entries.nth(4).click()
    page.wait_for_url("**#12.5")
    assert page.locator('[id="12.5"]').evaluate("e => e.matches(':target')")
    phone = open_page("phone")
    phone.goto(base_url + page_url(language, section.name))
    phone.locator('label.md-header__button[for="__drawer"]').click()
    phone.locator('nav.md-nav--primary label.md-nav__link--active[for="__toc"]').click()
    drawer = phone.locator("nav.md-nav--primary nav.md-nav--secondary a.md-nav__link")
    assert drawer.evaluate_all("links => links.map(a => a.getAttribute('href'))") == clauses and drawer.first.is_visible()
    phone.goto(base_url + root(language))
    assert phone.locator("nav.md-nav--secondary a.md-nav__link").count() == 0, "the home page has no clauses"


# -- the glossary: a filter, an address per term, a defined term's note on a tap ------------------


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_glossary_filter_shows_the_rows_that_hold_what_is_typed(
    open_page: OpenPage, base_url: str, language: str, size: str
) -> None:
    strings = REGISTRY[language].strings["glossary"]
    total = len(read_glossary(ROOT / GLOSSARY_FILE))
    page = open_page(size)
    page.goto(base_url + page_url(language, GLOSSARY_PAGE))
    rows = page.locator("table.glossary tbody tr")
    field = page.get_by_label(strings["filter"])
    status = page.locator(".glossary-filter output")
    assert rows.count() == total and field.is_visible()
    field.fill("SOFTWARE")  # any case
    visible: list[str] = rows.evaluate_all("rows => rows.filter(r => r.offsetParent !== null).map(r => r.innerText)")
    assert 0 < len(visible) < total and all("software" in text.lower() for text in visible), visible
    assert status.inner_text() == fill(strings["shown"], n=str(len(visible)), total=str(total))
    field.fill("ＱＱ号码")  # full-width letters find QQ号码
    assert page.locator('table.glossary tr[id="QQ号码"]').is_visible()
    assert page.locator('table.glossary tr[id="本协议"]').is_hidden()
    field.fill("no such term")
    assert rows.evaluate_all("rows => rows.filter(r => r.offsetParent !== null).length") == 0
    assert status.inner_text() == strings["none"]
    field.fill("")
    assert rows.evaluate_all("rows => rows.filter(r => r.offsetParent !== null).length") == total
    assert page.evaluate("document.documentElement.scrollWidth") <= SIZES[size]["width"], "the filter scrolls sideways"


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_glossary_term_has_an_address_in_either_language(open_page: OpenPage, base_url: str, language: str) -> None:
    """Its Chinese, without 《》: the same in both languages, and not moved when rows are added."""
    terms = read_glossary(ROOT / GLOSSARY_FILE)
    page = open_page()
    page.goto(base_url + page_url(language, GLOSSARY_PAGE) + "#QQ号码规则")
    row = page.locator('table.glossary tr[id="QQ号码规则"]')
    assert row.evaluate("r => r.matches(':target')") and row.locator("td").first.inner_text() == "《QQ号码规则》"
    top = box(row)["y"]
    assert 0 < top < SIZES["desktop"]["height"] / 2, "in view, below the header"
    highlighted = row.locator("td").first.evaluate("td => getComputedStyle(td).backgroundColor")
    plain = page.locator('table.glossary tr[id="本协议"] td').first.evaluate("td => getComputedStyle(td).backgroundColor")
    assert highlighted != plain, "the term opened is highlighted"
    ids = page.locator("table.glossary tbody tr").evaluate_all("rows => rows.map(r => r.id)")
    assert ids == [term.anchor for term in terms]


@pytest.mark.parametrize("size", SIZES)
def test_a_defined_term_tapped_or_clicked_shows_its_chinese_and_leads_to_its_glossary_row(
    open_page: OpenPage, base_url: str, size: str
) -> None:
    page = open_page(size)
    page.goto(base_url + page_url("en", "03-license-scope.md"))
    term = page.locator('abbr.defined-term[data-term="本软件"]').first
    note = page.locator(".term-note")
    assert note.is_hidden()
    term.tap() if size == "phone" else term.click()
    note.wait_for(state="visible")  # its script and styles load on the first click
    assert note.locator(f'[lang="{HTML_LANG["zh"]}"]').inner_text() == "本软件"
    below = box(note)
    assert below["y"] >= box(term)["y"] + box(term)["height"] - 1, "under the term"
    assert below["x"] >= 0 and below["x"] + below["width"] <= SIZES[size]["width"], "within the screen"
    page.keyboard.press("Escape")
    assert note.is_hidden()
    term.click()
    page.locator('[id="3.1"]').click(position={"x": 2, "y": 2})  # anywhere else
    assert note.is_hidden()
    term.click()
    note.get_by_role("link", name="In the glossary").click()
    page.wait_for_url("**/en/glossary/#*")
    assert page.locator('tr[id="本软件"]').evaluate("r => r.matches(':target')")
    page.goto(base_url + permanent_page("en", "03-license-scope.md"))  # a permanent page
    page.locator('abbr.defined-term[data-term="本协议"]').first.click()
    note.get_by_role("link", name="In the glossary").click()
    page.wait_for_url(f"{base_url}/en/glossary/#%E6%9C%AC%E5%8D%8F%E8%AE%AE")  # the current glossary's row
