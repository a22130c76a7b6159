"""The record over time: every retrieval at permanent addresses, the files it was read from with
their SHA-256, the checks of the source, the English over time, the feeds, and citations that name
the text they quote. On the real site (one retrieval) and on a copy taken through a second
retrieval, a revision of the English and a later check (the `recorded` fixture)."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import feedparser  # type: ignore[import-untyped]  # reads the feeds back: not our writer (feedgen)
import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser

from scripts.addresses import page_url, source_file, version_page
from scripts.checks import LastCheck
from scripts.clauses import parse_language, parts, plain_text
from scripts.english_records import english_pages, english_texts, read_english_records, record, unrecorded
from scripts.feeds import feed_entries, feed_path
from scripts.languages import LANGUAGES
from scripts.project import read_project
from tests.support import ROOT, attr, build_site, clipboard_text, copy_project, one, permanent_page
from tests.test_versions import RETRIEVAL, index_new_parts, revise_english

FIRST, SECOND = "2022-01-23", "2024-03-01"
CHECKED = "2024-09-09"  # the made-up copy's later check of the source
RECORDED = "2026-12-07"  # the day the copy's revised English is recorded


def soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path.lstrip("/") / "index.html").read_text(encoding="utf-8"), "html.parser")


def run(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=project, capture_output=True, text=True, check=False)


# --- The English over time (no build) ---------------------------------------------------------


def test_the_english_as_published_is_recorded() -> None:
    project = read_project(ROOT)
    assert project.english, "translation/english/ holds the English over time"
    assert unrecorded(project.english, project.pages["en"]) == []


def test_an_unrecorded_revision_is_named_and_recorded_by_one_command(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    path = project / "docs" / "en" / "10-user-conduct.md"
    path.write_text(path.read_text(encoding="utf-8").replace("\n10.1 ", "\n10.1 Edited: ", 1), encoding="utf-8")
    findings = unrecorded(read_english_records(project), parse_language(project / "docs", "en"))
    assert [(f.file.endswith("docs/en/10-user-conduct.md"), f.clause) for f in findings] == [(True, "10.1")]
    assert findings[0].message.endswith("record it with: make record-english")
    written = record(project, "2030-01-01")
    assert written == project / "translation" / "english" / "2030-01-01.en.json"
    assert unrecorded(read_english_records(project), parse_language(project / "docs", "en")) == []
    assert record(project, "2030-01-02") is None, "nothing new to record"


def test_a_retrievals_english_pages_are_rebuilt_from_a_record() -> None:
    project = read_project(ROOT)
    assert project.history is not None
    rebuilt = english_pages(project.history.current.pages, project.english[-1].texts)
    assert rebuilt is not None and english_texts(rebuilt) == english_texts(project.pages["en"])
    missing = dict(project.english[-1].texts)
    del missing["4.3"]
    assert english_pages(project.history.current.pages, missing) is None


# --- The real site: one retrieval ---------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_of_the_retrieval_is_at_its_permanent_address_with_the_same_ids(site: Path, language: str) -> None:
    for page in parse_language(ROOT / "docs", language):
        permanent = soup(site, permanent_page(language, page.name))
        assert [p["id"] for p in permanent.select(".agreement-text [id]")] == [part.anchor for part in parts(page)]
        assert [plain_text(part.text) in permanent.get_text() for part in parts(page)] == [True] * len(list(parts(page)))
        assert attr(one(permanent, 'meta[name="robots"]'), "content") == "noindex, follow"
        banner = one(permanent, ".version-banner").get_text()
        assert FIRST in banner and ("最新文本" in banner or "newest text kept" in banner)
        assert "文字不再更改" in banner or "words do not change" in banner
        if language == "en":  # the English names its own revision, and what it is
            revised = read_english_records(ROOT)[-1].since
            said = [
                "unofficial English reference translation",
                f"as revised on {revised}",
                "do not change",
                "Chinese original prevails",
            ]
            assert all(words in banner for words in said), banner


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_permanent_page_fits_a_phone_and_its_tools_are_icons(browser: Browser, base_url: str, language: str) -> None:
    """2.1's long web address breaks rather than widening the page; each tool is its icon on no
    box of the browser's own."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(base_url + permanent_page(language, "02-user-information.md"))
    width = page.evaluate("document.documentElement.scrollWidth")
    tool = page.locator('[id="2.1"] .clause-tools__citation')
    style = tool.evaluate(
        "b => [getComputedStyle(b).backgroundColor, getComputedStyle(b).borderTopWidth, getComputedStyle(b).paddingLeft]"
    )
    context.close()
    assert width <= 390, width
    assert style == ["rgba(0, 0, 0, 0)", "0px", "0px"], style


def test_permanent_pages_are_not_in_the_sitemap(site: Path) -> None:
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "/v/" not in sitemap and "/sources/" not in sitemap


def test_each_retrieval_is_published_as_kept_with_its_sha256(site: Path) -> None:
    published = (site / source_file(FIRST)).read_bytes()
    assert published == (ROOT / "source" / "tim-agreement.zh.txt").read_bytes()
    digest = hashlib.sha256(published).hexdigest()
    for language in LANGUAGES:
        versions = soup(site, page_url(language, "versions/index.md"))
        assert digest in one(versions, ".version-files").get_text()
        assert "sha256sum 2022-01-23.zh.txt" in one(versions, ".versions-verify").get_text()
    document = json.loads((site / "clauses.json").read_text(encoding="utf-8"))
    assert document["versions"][0]["files"] == [
        {"kind": "source", "url": f"https://tim-agreement.example.org/{source_file(FIRST)}", "sha256": digest}
    ]
    assert document["checked"] == {"checked": FIRST, "unchanged_since": FIRST}
    records = read_english_records(ROOT)
    assert document["sections"][9]["clauses"][0]["permanent_url"] == {
        "zh": "https://tim-agreement.example.org/v/2022-01-23/10-user-conduct/#10.1",
        "en": f"https://tim-agreement.example.org/en/v/{records[-1].since}/10-user-conduct/#10.1",
    }
    assert document["translations"] == [
        {
            "revised": english.since,
            "translates": FIRST,
            "pages": f"https://tim-agreement.example.org/en/v/{english.since}/",
            "current": english == records[-1],
        }
        for english in records
    ]


@pytest.mark.parametrize(("language", "said"), [("zh", "此后尚未与来源核对"), ("en", "not checked against the source since")])
def test_every_page_says_what_it_is_and_when_it_was_checked(site: Path, language: str, said: str) -> None:
    for page in parse_language(ROOT / "docs", language):
        status = one(soup(site, page_url(language, page.name)), ".status-line").get_text()
        assert said in status and FIRST in status
        assert ("非官方参考译本" in status) if language == "zh" else ("unofficial" in status and "for reference only" in status)
        revised = read_english_records(ROOT)[-1].since  # the English shown, named on every page
        assert (f"{revised} 修订" if language == "zh" else f"as revised on {revised}") in status
    if language == "en":  # and in the printout's header
        header = one(soup(site, page_url("en", "10-user-conduct.md")), ".print-header").get_text()
        assert f"English reference translation as revised on {read_english_records(ROOT)[-1].since}" in header


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_feeds_are_valid_atom_and_linked_from_the_pages(site: Path, language: str) -> None:
    whole = feedparser.parse((site / feed_path(language).lstrip("/")).read_bytes())
    assert not whole.bozo, whole.bozo_exception
    assert whole.feed.title and whole.feed.id.startswith("tag:") and whole.entries
    assert len({entry.id for entry in whole.entries}) == len(whole.entries)
    for page in parse_language(ROOT / "docs", language):
        links = [link["href"] for link in soup(site, page_url(language, page.name)).select('link[type="application/atom+xml"]')]
        assert len(links) == (2 if page.section else 1)
        if page.section:
            section = feedparser.parse((site / feed_path(language, page.section).lstrip("/")).read_bytes())
            assert not section.bozo and section.entries


# --- A copy through a second retrieval, an English revision and a later check -------------------


@pytest.fixture(scope="module")
def recorded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project through the second retrieval (4.3 changed, 9.3 removed, 10.3 added), the
    translator's revision, confirmed and recorded, then the same text again with a later date (a
    check), built."""
    project = copy_project(tmp_path_factory.mktemp("recorded") / "project")
    assert run(project, "scripts.import_retrieval", str(RETRIEVAL)).returncode == 0
    revise_english(project)
    index_new_parts(project)
    assert run(project, "scripts.translation_lock", "confirm", "4.3", "10.3").returncode == 0
    assert run(project, "scripts.english_records", "record", "--date", RECORDED).returncode == 0
    again = project.parent / "again.txt"
    again.write_text(
        RETRIEVAL.read_text(encoding="utf-8").replace(f"clipped_at: {SECOND} 09:30:00", f"clipped_at: {CHECKED} 10:00:00"),
        encoding="utf-8",
    )
    checked = run(project, "scripts.import_retrieval", str(again))
    assert checked.returncode == 0 and "recorded as a check" in checked.stdout, checked.stdout + checked.stderr
    assert read_project(project).last_check == LastCheck(checked=CHECKED, unchanged_since=SECOND)
    site = project.parent / "site"
    result = build_site(project, site)
    assert result.returncode == 0, result.stderr
    return site


def test_the_superseded_text_stays_at_its_address_and_says_so(recorded: Path) -> None:
    old = soup(recorded, page_url("zh", version_page(FIRST, "04-software-updates.md")))
    banner = one(old, ".version-banner").get_text()
    assert SECOND in banner and "取代" in banner
    assert "不经向您特别通知" in one(old, '[id="4.3"]').get_text()  # the Chinese as retrieved then
    # The English of the first retrieval, at its newest record's address, as it stood then; and
    # the English of the second at its own record's.
    english = soup(recorded, page_url("en", version_page("2026-12-06", "04-software-updates.md")))
    assert "without specific notice to you" in one(english, '[id="4.3"]').get_text()
    assert f"revised again on {RECORDED}" in one(english, ".version-banner").get_text()
    new = soup(recorded, page_url("en", version_page(RECORDED, "04-software-updates.md")))
    assert "after notifying you in advance" in one(new, '[id="4.3"]').get_text()
    banner = one(new, ".version-banner").get_text()
    assert "newest text kept" in banner and f"as revised on {RECORDED}, of the agreement as retrieved on {SECOND}" in banner


def test_the_copys_pages_say_when_the_source_was_checked(recorded: Path) -> None:
    status = one(soup(recorded, page_url("en", "10-user-conduct.md")), ".status-line").get_text()
    assert f"checked against the source on {CHECKED}; unchanged since {SECOND}" in status
    document = json.loads((recorded / "clauses.json").read_text(encoding="utf-8"))
    assert document["checked"] == {"checked": CHECKED, "unchanged_since": SECOND}
    assert [v["retrieved"] for v in document["versions"]] == [FIRST, SECOND]


def test_the_feeds_name_each_change_and_each_translation_correction(recorded: Path) -> None:
    feed = feedparser.parse((recorded / feed_path("en").lstrip("/")).read_bytes())
    assert not feed.bozo
    terms = {(entry.tags[0].term, entry.id.split("/")[-2]) for entry in feed.entries}
    assert {("changed", "4.3"), ("added", "10.3"), ("removed", "9.3")} <= terms
    corrections = [entry for entry in feed.entries if entry.tags[0].term == "translation"]
    # The revisions of the English of the first retrieval (the project's own, recorded 2026-12-06):
    # corrections; the revision of 4.3 and 10.3 for the second retrieval translates a new text.
    assert corrections and {entry.updated[:10] for entry in corrections} == {"2026-12-06"}
    assert not {entry.id.split("/")[-2] for entry in corrections} & {"4.3", "10.3"}
    section_4 = feedparser.parse((recorded / feed_path("en", 4).lstrip("/")).read_bytes())
    assert {entry.id.split("/")[-2] for entry in section_4.entries if entry.tags[0].term == "changed"} == {"4.3"}


def test_every_feed_link_lands_on_a_published_page(recorded: Path) -> None:
    feeds = sorted(recorded.rglob("*.atom"))
    assert len(feeds) == 2 * 13  # the whole agreement and each section, per language
    for feed in feeds:
        for entry in feedparser.parse(feed.read_bytes()).entries:
            path = urlsplit(entry.link).path
            assert (recorded / path.lstrip("/") / "index.html").is_file(), f"{feed.relative_to(recorded)}: {entry.link}"


def test_a_retrieval_whose_english_was_never_recorded_is_linked_in_chinese(recorded: Path) -> None:
    project = read_project(recorded.parent / "project")
    assert project.history is not None
    second_only = [english for english in project.english if english.translates == SECOND]
    entries = feed_entries(project.history, second_only, english_texts(project.pages["en"]), "en")
    first_page = page_url("zh", version_page(FIRST, "index.md"))
    assert [entry.link for entry in entries if entry.kind == "first" and entry.section is None] == [first_page]
    (removed,) = [entry for entry in entries if entry.kind == "removed"]
    assert removed.link == page_url("zh", version_page(FIRST, "09-third-parties.md")) + "#9.3"
    (changed,) = [entry for entry in entries if entry.kind == "changed"]
    assert changed.link == page_url("en", version_page(RECORDED, "04-software-updates.md")) + "#4.3"  # its record's


# --- Citations name the text they quote; problems can be reported -------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_copied_citation_names_the_permanent_address_and_a_link_the_page(
    browser: Browser, base_url: str, language: str
) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    here = page_url(language, "10-user-conduct.md")
    page.goto(f"{base_url}{here}#10.1-2")
    tools = page.locator('[id="10.1-2"] .clause-tools')
    tools.locator(".clause-tools__citation").click()
    page.wait_for_function("() => document.querySelector('[id=\"10.1-2\"] .clause-tools__citation').textContent !== ''")
    citation = clipboard_text(page)
    assert citation.endswith(f"{base_url}{permanent_page(language, '10-user-conduct.md')}#10.1-2")
    assert FIRST in citation
    tools.locator(".clause-tools__link").click()
    page.wait_for_function("() => document.querySelector('[id=\"10.1-2\"] .clause-tools__link').textContent !== ''")
    assert clipboard_text(page) == f"{base_url}{here}#10.1-2"
    context.close()


@pytest.mark.parametrize("record", [-1, 0])
def test_a_citation_copied_on_a_permanent_page_names_that_page(browser: Browser, base_url: str, record: int) -> None:
    """On the English of each record (the newest, and the first, which later revisions reworded):
    the words of that record, its date and its address, which keeps them."""
    english = read_english_records(ROOT)[record]
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    permanent = page_url("en", version_page(english.since, "10-user-conduct.md"))
    page.goto(f"{base_url}{permanent}#10.1")
    page.locator('[id="10.1"] .clause-tools__citation').click()
    page.wait_for_function("() => document.querySelector('[id=\"10.1\"] .clause-tools__citation').textContent !== ''")
    citation = clipboard_text(page)
    assert citation.endswith(f"{base_url}{permanent}#10.1") and f"as retrieved on {FIRST}" in citation
    assert f"as revised on {english.since}" in citation and plain_text(english.texts["10.1"]) in citation
    context.close()


def test_the_report_link_is_absent_unless_configured(site: Path) -> None:
    assert soup(site, page_url("en", "10-user-conduct.md")).select(".clause-tools__report") == []


@pytest.mark.slow
def test_a_configured_report_address_is_filled_in_for_each_part(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            'report_problem: ""',
            'report_problem: "https://example.org/report?part={part}&lang={language}&v={version}&h={hash}&u={url}"',
        ),
        encoding="utf-8",
    )
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    link = one(soup(tmp_path / "site", page_url("en", "10-user-conduct.md")), '[id="10.1-2"] .clause-tools__report')
    digest = hashlib.sha256(
        plain_text(next(p for p in parts(parse_language(ROOT / "docs", "en")[10]) if p.anchor == "10.1-2").text).encode()
    ).hexdigest()[:16]
    assert attr(link, "href") == (
        f"https://example.org/report?part=10.1-2&lang=en&v={FIRST}&h={digest}"
        "&u=https%3A%2F%2Ftim-agreement.example.org%2Fen%2F10-user-conduct%2F%2310.1-2"
    )
    assert re.fullmatch(r"Report a problem: clause 10\.1\(2\)", attr(link, "aria-label"))
