"""The editorial apparatus: the translation's fixed findings, notes beside the text, the published
glossary, and what the site says this edition is."""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from bs4.element import NavigableString, Tag
from playwright.sync_api import Page as BrowserPage

from scripts.addresses import DATA_PAGE, GLOSSARY_PAGE, NOTES_PAGE, PARALLEL_PAGE, page_url
from scripts.clauses import Page, parse_language, parts, plain_text
from scripts.glossary import GLOSSARY_FILE, GlossaryError, Term, read_glossary
from scripts.languages import LANGUAGES
from scripts.notes import NOTES_FILE, Note, NoteProblem, note_anchor, read_notes
from tests.support import ROOT, attr, build_site, clipboard_text, copy_project, one, resolve


# Read on first use, not at import: a broken file is a failing test, not a collection error.
@functools.cache
def agreement() -> dict[str, list[Page]]:
    return {language: parse_language(ROOT / "docs", language) for language in LANGUAGES}


@functools.cache
def notes_and_problems() -> tuple[list[Note], list[NoteProblem]]:
    return read_notes(ROOT / NOTES_FILE, LANGUAGES)


def notes() -> list[Note]:
    return notes_and_problems()[0]


@functools.cache
def terms() -> list[Term]:
    return read_glossary(ROOT / GLOSSARY_FILE)


@functools.cache
def page_of() -> dict[str, str]:
    """The page each anchor is on."""
    return {part.anchor: page.name for page in agreement()["zh"] for part in [*page.paragraphs, *page.numbered] if part.anchor}


def english(anchor: str) -> str:
    """The published plain English of a clause, item or preamble paragraph."""
    for page in agreement()["en"]:
        for part in [*page.paragraphs, *page.numbered]:
            if part.anchor == anchor:
                return plain_text(part.text)
    raise KeyError(anchor)


def soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url.lstrip("/") / "index.html").read_text(encoding="utf-8"), "html.parser")


# -- the four major findings of the legal review, on the published text ---------------------------


def test_3_3_reserves_rights_not_granted_under_this_section() -> None:
    text = english("3.3")
    assert "this clause" not in text and "this Section" in text and "granted" in text and "authorized" not in text


def test_4_3_no_notice_governs_both_updating_and_limiting_functions() -> None:
    text = english("4.3")
    assert "notice" in text and text.index("notice") < text.index("update") < text.index("limit")


def test_11_2_prohibits_programs_used_for_stealing_not_only_designed_to() -> None:
    text = english("11.2")
    assert "designed" not in text and "used for" in text


def test_preamble_2_keeps_the_sources_qq_name_and_says_so_in_an_editors_note() -> None:
    assert "QQ Software License and Service Agreement" in english("preamble-2")
    editors = [note for note in notes() if note.at == "preamble-2" and note.kind == "editor"]
    assert any("QQ" in note.text["en"] and "QQ" in note.text["zh"] for note in editors)


# -- notes ----------------------------------------------------------------------------------------


def test_the_notes_file_is_well_formed_and_covers_the_sources_defects() -> None:
    assert notes_and_problems()[1] == []
    editor = {note.at for note in notes() if note.kind == "editor"}
    translator = {note.at for note in notes() if note.kind == "translator"}
    assert {"preamble-2", "preamble-4", "11.4", "1.1"} <= editor  # QQ name and bold; minors; 有 for 由; the entity
    assert {"3.3", "1.2"} <= translator  # 本条 → Section; 完整协议 → complete agreement


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_note_is_shown_under_its_part_marked_as_not_agreement_text(site: Path, language: str) -> None:
    seen: dict[str, int] = {}
    for note in notes():
        seen[note.at] = seen.get(note.at, 0) + 1
        document = soup(site, page_url(language, page_of()[note.at]))
        aside = document.find(id=note_anchor(note.at, seen[note.at]))
        assert aside is not None and aside.name == "aside" and aside["role"] == "note", note
        assert note.text[language] in aside.get_text()
        assert ("not part of the agreement" if language == "en" else "不属于协议文本") in aside.get_text()
        part = one(document, f'[id="{note.at}"]')
        assert part in aside.find_all_previous(), "the note follows its part"
        assert note.text[language] not in part.get_text(), "the part's own text does not contain the note"


def clause_of(anchor: str) -> str:
    """The clause a part belongs to (10.1 for 10.1-5); a preamble paragraph is its own."""
    return anchor.split("-")[0] if "." in anchor else anchor


@pytest.mark.parametrize("language", LANGUAGES)
def test_notes_follow_their_clause_and_all_its_items_never_between_items(site: Path, language: str) -> None:
    for page in agreement()[language]:
        text = one(soup(site, page_url(language, page.name)), ".agreement-text")
        blocks = [child for child in text.find_all(recursive=False) if child.name in ("p", "aside")]
        for index, block in enumerate(blocks):
            if block.name != "aside":
                continue
            at = attr(block, "id").split("-note")[0]
            before = next(b for b in reversed(blocks[:index]) if b.name == "p")
            after = next((b for b in blocks[index + 1 :] if b.name == "p"), None)
            assert clause_of(attr(before, "id", "")) == clause_of(at), (page.name, block["id"], "after its clause's last part")
            assert after is None or clause_of(attr(after, "id", "")) != clause_of(at), (page.name, block["id"], "before the next")
    ten = [
        attr(b, "id", "")
        for b in one(soup(site, page_url(language, "10-user-conduct.md")), ".agreement-text").find_all(recursive=False)
    ]
    assert ten.index("10.1-5-note") == ten.index("10.1-7") + 1, "the note on 10.1(5) after (7), not between (5) and (6)"


@pytest.mark.parametrize("language", LANGUAGES)
def test_in_the_parallel_view_notes_follow_their_clauses_rows_in_both_languages(site: Path, language: str) -> None:
    document = soup(site, page_url(language, PARALLEL_PAGE))
    assert document.select(".agreement-note") and not document.select(".parallel-row .agreement-note"), "no note in a row"
    for note in notes():
        rows = [row for row in document.select(".parallel-row") if clause_of(attr(row, "id")) == clause_of(note.at)]
        after = rows[-1].find_next_sibling()
        assert after is not None and "parallel-notes" in after["class"], note.at
        halves = {attr(half, "lang"): half.get_text() for half in after.find_all("div", recursive=False)}
        assert note.text["zh"] in halves["zh-Hans"] and note.text["en"] in halves["en"], note.at


def in_order() -> list[tuple[str, Note]]:
    """Every note with its id, in the agreement's order (and the notes file's, within a part)."""
    found = []
    for page in agreement()["zh"]:
        for part in parts(page):
            found += [
                (note_anchor(part.anchor, index), note)
                for index, note in enumerate((n for n in notes() if n.at == part.anchor), 1)
            ]
    return found


KIND = {"zh": {"editor": "编者注", "translator": "译者注"}, "en": {"editor": "Editor's note", "translator": "Translator's note"}}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_notes_page_lists_every_note_with_its_kind_text_and_part(site: Path, language: str) -> None:
    here = page_url(language, NOTES_PAGE)
    document = soup(site, here)
    title = one(document, ".agreement-text h1").get_text()
    assert title == {"zh": "注释", "en": "Notes"}[language] and one(document, ".agreement-text h1 + p").get_text()
    entries = document.select(".notes-list > li")
    assert [attr(entry, "id") for entry in entries] == [anchor for anchor, _ in in_order()]
    for entry, (anchor, note) in zip(entries, in_order(), strict=True):
        assert note.text[language] in entry.get_text() and KIND[language][note.kind] in entry.get_text(), anchor
        href = attr(one(entry, "a"), "href")
        assert resolve(here, href) == page_url(language, page_of()[note.at]) and href.endswith(f"#{note.at}"), anchor
        assert one(soup(site, resolve(here, href)), f'[id="{note.at}"]').name == "p", anchor
        beside = one(soup(site, resolve(here, href)), f'[id="{anchor}"]')  # and the note beside its part leads back here
        back = attr(one(beside, "a.agreement-note__label"), "href")
        assert (resolve(page_url(language, page_of()[note.at]), back), back.partition("#")[2]) == (here, anchor)
    toc = [attr(a, "href") for a in document.select(".md-sidebar--secondary nav.md-nav--secondary a")]
    assert toc[0] == "#preamble" and "#section-10" in toc, "each page's notes under its heading, in the contents"


def test_every_note_is_in_clauses_json_under_its_part(site: Path) -> None:
    document = json.loads((site / "clauses.json").read_text(encoding="utf-8"))
    parts = {part["anchor"]: part for part in document["preamble"]}
    for section in document["sections"]:
        for clause in section["clauses"]:
            parts[clause["anchor"]] = clause
            parts.update({item["anchor"]: item for item in clause["items"]})
    published = {
        (anchor, note["text"]["zh"], note["text"]["en"], note["kind"]) for anchor, part in parts.items() for note in part["notes"]
    }
    assert published == {(note.at, note.text["zh"], note.text["en"], note.kind) for note in notes()}


def test_a_copied_citation_never_holds_a_note(clipboard_page: BrowserPage, base_url: str) -> None:
    page = clipboard_page
    page.goto(f"{base_url}/en/03-license-scope/#3.3")  # a targeted clause shows its tools
    page.locator('[id="3.3"] .clause-tools__citation').click()
    page.wait_for_function("() => document.querySelector('[id=\"3.3\"] .clause-tools__citation').textContent === 'Copied'")
    citation = clipboard_text(page)
    note = next(note for note in notes() if note.at == "3.3")
    assert english("3.3") in citation and note.text["en"] not in citation and "note" not in citation.lower()


@pytest.mark.slow
@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (
            '- at: "10.9"\n  kind: editor\n  zh: 说明。\n  en: A note.\n',
            "10.9: note on '10.9', which is no preamble paragraph, clause or item",
        ),
        ('- at: "10.1"\n  kind: editor\n  zh: 说明。\n', "10.1: no en text; every note is written in zh and en"),
        (
            '- at: "10.1"\n  kind: reviewer\n  zh: 说明。\n  en: A note.\n',
            "10.1: kind 'reviewer' is not one of editor, translator",
        ),
    ],
    ids=["missing clause", "missing language", "unknown kind"],
)
def test_a_broken_note_stops_the_build_with_file_and_line(tmp_path: Path, entry: str, message: str) -> None:
    project = copy_project(tmp_path / "project")
    notes = project / NOTES_FILE
    lines = notes.read_text(encoding="utf-8").rstrip("\n").split("\n")
    notes.write_text("\n".join(lines) + "\n\n" + entry, encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 1
    assert f"notes translation/notes.yml:{len(lines) + 2}: {message}" in result.stderr, result.stderr


# -- the glossary, published ----------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_glossary_page_lists_every_row_and_every_link_lands_on_its_part(site: Path, language: str) -> None:
    here = page_url(language, GLOSSARY_PAGE)
    rows = soup(site, here).select("table.glossary tbody tr")
    assert [(row.select("td")[0].get_text(), row.select("td")[1].get_text()) for row in rows] == [
        (t.chinese, t.english) for t in terms()
    ]
    for row, term in zip(rows, terms(), strict=True):
        links = row.select("td:last-child a")
        assert links, f"{term.chinese} links to no part"
        for link in links:
            href = attr(link, "href")
            target = resolve(here, href)
            fragment = href.partition("#")[2]
            document = soup(site, target)
            assert fragment == "" or document.find(id=fragment) is not None, href
            text = one(document, f'[id="{fragment}"]' if fragment else ".agreement-text").get_text()
            assert term.chinese in text or language == "en", (term.chinese, href)


def test_defined_terms_in_the_english_show_their_chinese_original(site: Path) -> None:
    defined = {term.english: term.chinese for term in terms() if term.kind == "defined term"}
    assert {"the Software", "this Agreement"} <= set(defined)
    for url in (page_url("en", "03-license-scope.md"), page_url("en", PARALLEL_PAGE), page_url("zh", PARALLEL_PAGE)):
        marked = soup(site, url).select("abbr.defined-term")
        assert marked, url
        for abbr in marked:
            assert defined[next(e for e in defined if e.lower() == abbr.get_text().lower().removesuffix("s"))] == abbr["title"]
            marked_in = abbr.find_parent(attrs={"lang": True})
            assert marked_in is not None and marked_in["lang"] == "en", "only the English is marked"
    assert not soup(site, page_url("zh", "03-license-scope.md")).select("abbr.defined-term")


def test_a_term_twice_in_the_glossary_is_refused_with_its_line(tmp_path: Path) -> None:
    """Each term's address is its Chinese without 《》: two rows with one address would share it."""
    text = (ROOT / GLOSSARY_FILE).read_text(encoding="utf-8")
    glossary = tmp_path / "glossary.md"
    glossary.write_text(text + "| 本协议 | this Agreement | term | again |\n", encoding="utf-8")
    line = len(text.splitlines()) + 1
    with pytest.raises(GlossaryError, match=rf"glossary.md:{line}: 本协议 is in the glossary twice \(its address #本协议\)"):
        read_glossary(glossary)
    glossary.write_text(text + "| 《腾讯》 | Tencent | title | marks |\n", encoding="utf-8")
    with pytest.raises(GlossaryError, match="its address #腾讯"):
        read_glossary(glossary)


def test_the_glossary_is_linked_from_the_navigation(site: Path) -> None:
    for language in LANGUAGES:
        hrefs = [attr(a, "href") for a in soup(site, page_url(language, "index.md")).select("nav.md-nav--primary a.md-nav__link")]
        assert any(resolve(page_url(language, "index.md"), href) == page_url(language, GLOSSARY_PAGE) for href in hrefs)


# -- what this edition is -------------------------------------------------------------------------

STATUS = {
    "zh": ["逐字取自", "https://ti.qq.com/tim/serverinfo.html", "2022-01-23", "可能已修改", "非官方参考译本", "未经腾讯认可", "以中文原文为准"],
    "en": ["word for word", "https://ti.qq.com/tim/serverinfo.html", "2022-01-23", "may have changed", "unofficial reference translation",
           "not affiliated with or endorsed by Tencent", "Chinese original prevails"],
}  # fmt: skip


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_and_every_footer_say_what_this_edition_is(site: Path, language: str) -> None:
    home = one(soup(site, page_url(language, "index.md")), ".provenance").get_text()
    assert all(phrase in home for phrase in STATUS[language]), home
    for page in agreement()[language]:
        footer = one(soup(site, page_url(language, page.name)), ".md-copyright").get_text()
        assert all(phrase in footer for phrase in STATUS[language]), page.name


def test_clauses_json_states_the_status_as_text(site: Path) -> None:
    status = json.loads((site / "clauses.json").read_text(encoding="utf-8"))["status"]
    for language in LANGUAGES:
        assert all(phrase in status[language] for phrase in STATUS[language])


@pytest.mark.parametrize("table", [GLOSSARY_PAGE, DATA_PAGE])
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_glossary_and_the_data_files_fit_a_phone(page: BrowserPage, base_url: str, language: str, table: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{base_url}{page_url(language, table)}")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, "the table scrolls sideways"
    cell = page.locator("table.glossary tbody tr").first.locator("td").nth(2)
    assert cell.evaluate("td => getComputedStyle(td, '::before').content") != "none", "each cell names its column"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_data_files_and_glossary_tables_read_on_a_desktop(page: BrowserPage, base_url: str, language: str) -> None:
    """Rows ruled and cells spaced; on the data page, what a file holds wraps, its name stays whole
    and its SHA-256 fits (four lines of sixteen digits), without sideways scrolling."""
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{base_url}{page_url(language, DATA_PAGE)}")
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280, "the data page scrolls sideways"
    rows = page.locator("table.data-files tbody tr")
    names = rows.locator("td:first-child a")
    assert names.evaluate_all("links => links.every(a => a.getClientRects().length === 1)"), "each file's name on one line"
    digest = rows.first.locator("code.sha256")
    assert 3 <= round(digest.evaluate("c => c.getBoundingClientRect().height / parseFloat(getComputedStyle(c).lineHeight)")) <= 5
    assert page.evaluate("document.documentElement.scrollHeight") < 8000, "no column squeezed to a few letters"
    page.goto(f"{base_url}{page_url(language, GLOSSARY_PAGE)}")
    cell = page.locator("table.glossary tbody td").first
    style = cell.evaluate("c => [parseFloat(getComputedStyle(c).paddingLeft), parseFloat(getComputedStyle(c).borderBottomWidth)]")
    assert style[0] >= 8 and style[1] >= 1, style


def one_parent(text: NavigableString) -> Tag:
    """The nearest element around a text that says its language."""
    parent = text.find_parent(attrs={"lang": True})
    assert parent is not None, text
    return parent


@pytest.mark.parametrize(
    ("path", "selector"),
    [
        ("10-user-conduct.md", ".agreement-note"),
        (NOTES_PAGE, ".notes-list li"),
        (GLOSSARY_PAGE, "table.glossary td:nth-child(4)"),
    ],
)
def test_chinese_inside_english_notes_is_marked_as_chinese(site: Path, path: str, selector: str) -> None:
    """For a screen reader's voice: each Chinese word in an English note (软件, 前款 …) is in an
    element whose lang is Chinese."""
    document = soup(site, page_url("en", path))
    han = re.compile(r"[\u4e00-\u9fff]")
    unmarked = [
        str(text)
        for element in document.select(selector)
        for text in element.find_all(string=han)
        if not attr(one_parent(text), "lang").startswith("zh")
    ]
    marked = [text for element in document.select(selector) for text in element.find_all(string=han)]
    assert marked and unmarked == [], unmarked[:5]
