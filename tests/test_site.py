"""The built site: pages, anchors, languages, provenance, and nothing fetched from elsewhere."""

from __future__ import annotations

import hashlib
import re
import subprocess
import time
import urllib.request
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from scripts.addresses import page_url
from scripts.clauses import Page as AgreementPage
from scripts.languages import HTML_LANG, LANGUAGES
from scripts.source import Source
from tests.nginx import free_port
from tests.support import ROOT, attr, copy_project, one, resolve, start_mkdocs_serve

DOCS = ROOT / "docs"


def html_file(site: Path, url: str) -> Path:
    return site / url.lstrip("/") / "index.html"


def soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup(html_file(site, url).read_text(encoding="utf-8"), "html.parser")


def all_html(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_strict_build_has_no_warnings(build_result) -> None:
    result, _ = build_result
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr


def test_twelve_section_pages_and_a_home_page_in_each_language(pages: dict[str, list[AgreementPage]]) -> None:
    for language, own in pages.items():
        assert [p.section for p in own] == [None, *range(1, 13)], language
    assert [p.name for p in pages["zh"]] == [p.name for p in pages["en"]]
    assert sum(len(p.clauses) for p in pages["zh"]) == 38


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_clause_and_item_anchor_exists_once_on_its_page(
    pages: dict[str, list[AgreementPage]], site: Path, language: str
) -> None:
    ids_by_url = {
        page_url(language, p.name): Counter(t["id"] for t in soup(site, page_url(language, p.name)).select("[id]"))
        for p in pages[language]
    }
    expected = {
        page_url(language, p.name): [c.anchor for c in p.clauses] + [i.anchor for c in p.clauses for i in c.items]
        for p in pages[language]
    }
    assert sum(map(len, expected.values())) == 38 + 12
    for url, anchors in expected.items():
        for anchor in anchors:
            assert ids_by_url[url][anchor] == 1, f"{url}#{anchor}"
            elsewhere = [u for u in ids_by_url if u != url and ids_by_url[u][anchor]]
            assert not elsewhere, f"#{anchor} also on {elsewhere}"


def test_anchors_are_identical_in_both_languages(pages: dict[str, list[AgreementPage]], site: Path) -> None:
    for zh_page, en_page in zip(pages["zh"], pages["en"], strict=True):
        zh_ids = [t["id"] for t in soup(site, page_url("zh", zh_page.name)).select(".clause, .clause-item, .preamble")]
        en_ids = [t["id"] for t in soup(site, page_url("en", en_page.name)).select(".clause, .clause-item, .preamble")]
        assert zh_ids == en_ids and zh_ids, zh_page.name


def test_each_clause_number_links_to_itself(pages: dict[str, list[AgreementPage]], site: Path) -> None:
    for language, own in pages.items():
        for page in own:
            for element in soup(site, page_url(language, page.name)).select(".clause, .clause-item"):
                link = one(element, "a.clause-number")
                assert link["href"] == f"#{element['id']}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_language_selector_points_at_the_counterpart_page(
    pages: dict[str, list[AgreementPage]], site: Path, language: str
) -> None:
    for page in pages[language]:
        here = page_url(language, page.name)
        links = {attr(a, "hreflang"): attr(a, "href") for a in soup(site, here).select("a.md-select__link[hreflang]")}
        assert set(links) == {HTML_LANG[other] for other in LANGUAGES}
        for other in LANGUAGES:
            assert resolve(here, links[HTML_LANG[other]]) == page_url(other, page.name), (here, other)


def test_html_lang_attributes(pages: dict[str, list[AgreementPage]], site: Path) -> None:
    for language, expected in (("zh", "zh-Hans"), ("en", "en")):
        for page in pages[language]:
            assert one(soup(site, page_url(language, page.name)), "html")["lang"] == expected


def test_navigation_titles_in_each_language(site: Path) -> None:
    zh_nav = [a.get_text(strip=True) for a in soup(site, "/").select("nav.md-nav--primary a.md-nav__link")]
    en_nav = [a.get_text(strip=True) for a in soup(site, "/en/").select("nav.md-nav--primary a.md-nav__link")]
    assert "一、协议范围" in zh_nav and "十二、其他" in zh_nav
    assert "1. Scope of this Agreement" in en_nav and "12. Miscellaneous" in en_nav


def agreement_blocks(document: BeautifulSoup) -> list[Tag]:
    """The title and paragraphs the author wrote, without the links the build adds to them."""
    for added in document.select(".agreement-text .parallel-link"):
        added.decompose()
    return document.select(".agreement-text > h1, .agreement-text > p")


def _normalise_markdown(text: str) -> str:
    """Source Markdown as a reader sees it: link text kept, escapes and heading marks removed."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return re.sub(r"\\(.)", r"\1", text.removeprefix("# "))


def test_chinese_pages_carry_the_source_text_word_for_word(
    pages: dict[str, list[AgreementPage]], source: Source, site: Path
) -> None:
    source_paragraphs = [_normalise_markdown(p) for p in source.body.split("\n\n")]
    site_paragraphs = [
        element.get_text() for page in pages["zh"] for element in agreement_blocks(soup(site, page_url("zh", page.name)))
    ]
    every_block = [
        element.name for page in pages["zh"] for element in soup(site, page_url("zh", page.name)).select(".agreement-text > *")
    ]
    assert set(every_block) == {"h1", "p", "aside"}, "agreement text holds only the title, paragraphs and notes"
    assert all(
        "agreement-note" in aside["class"]
        for page in pages["zh"]
        for aside in soup(site, page_url("zh", page.name)).select(".agreement-text > aside")
    ), "every aside is a note, which agreement_blocks leaves out"
    assert site_paragraphs == source_paragraphs
    assert "".join(site_paragraphs) == "".join(source_paragraphs)


# The SHA-256 of the seed the project was given (shared/seed/000_f19e28d245cf8790.txt), written
# here so that the comparison runs in any clone, with or without the shared folder beside it.
SEED_SHA256 = "2dccf07501f729b472a3210a64f9e4581d4529370282fc3fdcc060d309e3bb64"


def test_chinese_source_copy_is_the_seed() -> None:
    assert hashlib.sha256((ROOT / "source" / "tim-agreement.zh.txt").read_bytes()).hexdigest() == SEED_SHA256


def test_home_page_shows_contents_and_provenance(source: Source, site: Path) -> None:
    for language in LANGUAGES:
        home = soup(site, page_url(language, "index.md"))
        contents = [a["href"] for a in home.select(".agreement-contents a")]
        assert len(contents) == 12
        provenance = one(home, ".provenance")
        assert source.url in provenance.get_text() and "2022-01-23" in provenance.get_text()
        assert [p["id"] for p in home.select(".preamble")] == [f"preamble-{n}" for n in range(1, 5)]


def test_every_page_shows_provenance_in_its_footer(pages: dict[str, list[AgreementPage]], source: Source, site: Path) -> None:
    for language, own in pages.items():
        for page in own:
            footer = one(soup(site, page_url(language, page.name)), ".md-copyright").get_text()
            assert source.url in footer and "2022-01-23" in footer


def test_every_page_says_what_it_is_in_its_own_language(pages: dict[str, list[AgreementPage]], site: Path) -> None:
    for page in pages["en"]:
        here = page_url("en", page.name)
        status = one(soup(site, here), ".status-line")
        text = status.get_text()
        assert "unofficial reference translation" in text and "for reference only" in text and "Chinese original prevails" in text
        link = one(status, "a[hreflang='zh-Hans']")
        assert resolve(here, attr(link, "href")) == page_url("zh", page.name)
    for page in pages["zh"]:
        status = one(soup(site, page_url("zh", page.name)), ".status-line")
        assert "英文为非官方参考译本" in status.get_text() and "以中文原文为准" in status.get_text()
        assert status.select("a[hreflang='en']") == [], "the original's pages link to no original"


EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", re.IGNORECASE)


def test_no_page_loads_a_font_script_or_style_from_another_host(site: Path) -> None:
    for path in all_html(site):
        document = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for tag in document.select("script[src], link[href], img[src], iframe[src]"):
            url = tag.get("src") or tag.get("href")
            assert isinstance(url, str), tag  # the selector asks for one of them
            if tag.name == "link" and set(tag.get_attribute_list("rel")) & {"alternate", "canonical"}:
                continue  # identifies pages; the browser does not fetch it
            assert not re.match(r"(?:https?:)?//", url), f"{path}: {tag}"
    for path in site.rglob("*.css"):
        text = path.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and not re.search(r"url\((['\"]?)(?:https?:)?//", text), path


def test_no_script_blocks_the_first_paint(site: Path) -> None:
    # A script the parser waits for delays the first paint by its evaluation time (Material's bundle:
    # ~0.6 s of simulated first contentful paint on a phone in Lighthouse).
    blocking, deferred_bundles = [], 0
    for path in all_html(site):
        document = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        blocking += [
            f"{path.relative_to(site)}: {tag}"
            for tag in document.select("script[src]")
            if not tag.has_attr("defer") and not tag.has_attr("async")
        ]
        deferred_bundles += len(document.select("script[src*=bundle][defer]"))
    assert not blocking, "scripts without defer or async:\n" + "\n".join(blocking[:10])
    assert deferred_bundles, "no page loads Material's bundle"


def fetch_text(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            text: str = response.read().decode("utf-8")
            return text
    except OSError:
        return None


def wait_for(condition: Callable[[], bool], what: str, server: subprocess.Popen[str], timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if server.poll() is not None or time.monotonic() > deadline:
            server.kill()
            pytest.fail(f"mkdocs serve: {what} did not happen:\n{server.communicate()[0]}")
        time.sleep(0.3)


@pytest.mark.slow
def test_mkdocs_serve_serves_both_languages_and_rebuilds_after_an_edit(tmp_path: Path) -> None:
    # `make serve`: the site as built, an edit served after the rebuild, and both search indexes
    # rebuilt with it (the Chinese one carries each clause's English text too).
    project = copy_project(tmp_path / "project")
    address = f"127.0.0.1:{free_port()}"
    base_url = f"http://{address}/"
    server = start_mkdocs_serve(project, address)
    try:
        wait_for(lambda: fetch_text(base_url + "en/10-user-conduct/") is not None, "serving the site", server)
        assert 'id="10.1"' in (fetch_text(base_url + "10-user-conduct/") or "")
        assert "源代码" in (fetch_text(base_url + "search/agreement.json") or "")

        conduct = project / "docs" / "en" / "10-user-conduct.md"
        conduct.write_text(conduct.read_text(encoding="utf-8").replace("10.1 ", "10.1 Edited-in-serve ", 1), encoding="utf-8")
        wait_for(
            lambda: "Edited-in-serve" in (fetch_text(base_url + "en/10-user-conduct/") or ""), "the rebuild after an edit", server
        )
        assert "Edited-in-serve" in (fetch_text(base_url + "en/search/agreement.json") or "")
        assert "Edited-in-serve" in (fetch_text(base_url + "search/agreement.json") or "")
    finally:
        server.kill()
        server.communicate()
