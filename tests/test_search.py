"""Search. Fast, without building the site: the query tables and what the search finds on the real
index (built here from the model, searched by the core in Node: tests/search_core.py). In
Chromium, on the built site: that the dialog shows what the core returns, and the dialog itself
(status lines, highlights, keyboard, failures, sharing, input bounds, accessibility), and the
index that the build writes. The core's logic is unit-tested on a small index in tests/js
(node --test)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any, cast
from urllib.parse import parse_qs, urlsplit

import pytest

from scripts.assets import minified
from scripts.clauses import parse_language, parts, plain_text
from scripts.languages import LANGUAGES
from scripts.search_index import build_index, english_stems, english_words, index_texts, normalise
from scripts.staged_site import server_config_dir
from tests import search_questions_heldout
from tests.nginx import serve
from tests.search_core import Answer, rank, run_queries, table_ranks
from tests.search_core import anchors as answer_anchors
from tests.search_queries import CHINESE_QUERIES, ENGLISH_QUERIES, TABLES
from tests.search_questions import CITATIONS_EN, CITATIONS_ZH, QUESTIONS_EN, QUESTIONS_ZH
from tests.support import CHROMIUM, CHROMIUM_ARGS, ROOT, build_site, clipboard_text, copy_project

INPUT = "#agreement-search input[type=search]"
STATUS = ".agreement-search__status"
CORE = ROOT / "overrides" / "assets" / "javascripts" / "search-core.js"
HOME = {"zh": "/", "en": "/en/"}


def search(page, query: str) -> list[str]:
    """Type a query the way a reader does and return the result links, best first."""
    page.fill(INPUT, query)
    page.press(INPUT, "End")
    wait_for_results(page, page.input_value(INPUT))
    return result_links(page)


def wait_for_results(page, query: str) -> None:
    page.wait_for_function("query => document.getElementById('agreement-search').dataset.renderedQuery === query", arg=query)


def result_links(page) -> list[str]:
    links: list[str] = page.eval_on_selector_all(
        ".agreement-search__results a", "links => links.map(a => a.getAttribute('href'))"
    )
    return links


def status(page) -> str:
    shown: str = page.inner_text(STATUS)
    return shown


def open_first_result(page, url: str, query: str, lands_on: str) -> None:
    """From the page at `url`, search with the keyboard and open the first result."""
    page.goto(url)
    page.keyboard.press("/")
    search(page, query)
    page.locator(".agreement-search__results a").first.click()
    page.wait_for_url(lands_on)


def anchors(links: list[str]) -> list[str]:
    return [urlsplit(link).fragment for link in links]


@pytest.fixture(scope="module")
def search_page(browser, base_url: str):
    """One page per language with the search dialog open, reused by the tests of what it shows."""
    context = browser.new_context()
    pages = {}
    for language, path in HOME.items():
        page = context.new_page()
        page.goto(f"{base_url}{path}")
        page.keyboard.press("/")
        pages[language] = page
    yield pages
    context.close()


# -- the query tables, and what the core finds on the real index (fast: no site build) --------------

TABLE_ROWS = [(name, language, query, anchor) for name, (language, rows) in TABLES.items() for query, anchor in rows]
# The tuning table's citations (tests/search_questions.py): each form a reader pastes, and numbers
# the agreement does not have (no anchor: said so, nothing unrelated shown).
CITATION_ROWS = [("zh", query, wanted) for query, wanted in CITATIONS_ZH] + [
    ("en", query, wanted) for query, wanted in CITATIONS_EN
]
# The tuning table's plain questions, in the reader's own words (with the rows of the held-out
# table scored once on 2026-12-06, tuning data since).
QUESTION_ROWS = [("zh", query, wanted) for query, wanted in QUESTIONS_ZH] + [
    ("en", query, wanted) for query, wanted in QUESTIONS_EN
]
# The floors the tables are held to: what the search reaches as measured (dev-docs/search.md). The
# targets the search aims at (recall@1 95 % on the query tables; recall@1 75 % and recall@3 90 % on
# questions it was not tuned on) are printed by the benchmark next to what it measures; a table
# falling below its floor is a regression, and fails here.
FLOORS = {
    "query tables, first": 162,  # of 167 (97.0 %; target 95 %)
    ("zh", "questions", 1): 93,  # of 105 tuning questions answered first
    ("zh", "questions", 3): 104,  # of 105 in the top three
    ("en", "questions", 1): 91,  # of 103
    ("en", "questions", 3): 102,  # of 103
}

# The held-out table (tests/search_questions_heldout.py): written cold by someone who had not seen
# the search, its index or its tables, never tuned on, and scored once, on 2026-12-06, after the
# tuning: (language, kind) → recall@1, recall@3 as measured then (targets 75 % and 90 %). The
# citation form it found missing ("preamble, fourth paragraph") was then added to the core; the
# floor stays what the unseen table measured.
HELD_OUT_FLOORS = {
    ("zh", "questions"): (37 / 45, 44 / 45),  # 82.2 %, 97.8 %
    ("en", "questions"): (42 / 45, 44 / 45),  # 93.3 %, 97.8 % (91.1 %, 95.6 % when first scored)
    ("zh", "citations"): (15 / 15, 15 / 15),
    ("en", "citations"): (14 / 15, 14 / 15),  # 93.3 %
}

# Queries of the tests below that are not table rows, per language.
NUMBERS = [
    ("zh", "第10.1条第（2）项", "10.1-2"),
    ("zh", "10.1(2)", "10.1-2"),
    ("zh", "第11.4条", "11.4"),
    ("en", "clause 11.4", "11.4"),
    ("en", "10.1(2)", "10.1-2"),
    ("en", "第12.5条", "12.5"),
    ("zh", "第10.1条第2项", "10.1-2"),
    ("zh", "序言第二段", "preamble-2"),
    ("en", "the second paragraph of the preamble", "preamble-2"),
    ("en", "preamble, second paragraph", "preamble-2"),
    ("en", "item (2) of clause 10.1", "10.1-2"),
]
SECTIONS = [("zh", "第十条"), ("en", "Section 10")]
MISSING = [("en", "10.1(8)", ["10.1"]), ("en", "clause 99.9", []), ("zh", "第99.9款", [])]
OTHER_QUERIES = {
    "zh": [
        "TIM能商用吗",
        "网页剪藏",
        "的",
        "开发新的服务",
        "反向工程 的",
        "代码",
        "信息",
        "升级",
        "软件 使用",
        '"软件使用"',
        "外挂",
        "十二",
    ],
    "en": [
        "where do I sue Tencent",
        "merger clause",
        "law",
        "friends",
        "use",
        "license",
        "update",
        "updates",
        "updated",
        "reverse engineering",
        "revers",
        "use the software",
        '"use the software"',
        "terminate",
        "terminal",
        "cost",
        "price",
        "plug-ins",
        "Miscellaneous",
    ],
}


@pytest.fixture(scope="session")
def indexes(pages: dict[str, Any], notes: list[Any], topics: list[Any]) -> dict[str, dict[str, Any]]:
    """Each language's search index as the build writes it, made here from the model."""
    return {language: build_index(pages, language, notes, topics) for language in LANGUAGES}


@pytest.fixture(scope="session")
def core_answers(indexes: dict[str, Any]) -> dict[tuple[str, str], Answer]:
    """(language, query) → the core's answer, for every query of this file: one Node process per
    language, on the index build_index makes from the model."""
    queries: dict[str, list[str]] = {language: [] for language in LANGUAGES}
    for _, language, query, _ in TABLE_ROWS:
        queries[language].append(query)
    for language, query, _ in [*CITATION_ROWS, *QUESTION_ROWS]:
        queries[language].append(query)
    for row in [*NUMBERS, *SECTIONS, *MISSING]:
        queries[str(row[0])].append(str(row[1]))
    for language, more in OTHER_QUERIES.items():
        queries[language] += more
    answers: dict[tuple[str, str], Answer] = {}
    for language, asked in queries.items():
        unique = list(dict.fromkeys(asked))
        answers |= {
            (language, query): answer for query, answer in zip(unique, run_queries(indexes[language], unique), strict=True)
        }
    return answers


def found(core_answers: dict[tuple[str, str], Answer], language: str, query: str) -> list[str]:
    return answer_anchors(core_answers[(language, query)])


@pytest.mark.parametrize(("table", "language", "query", "anchor"), TABLE_ROWS, ids=[f"{row[0]}: {row[2]}" for row in TABLE_ROWS])
def test_query_finds_its_clause_in_the_top_three(core_answers, table: str, language: str, query: str, anchor: str) -> None:
    assert anchor in found(core_answers, language, query)[:3]


def test_query_tables_find_their_clause_first_as_often_as_measured(core_answers) -> None:
    first = sum(found(core_answers, language, query)[:1] == [anchor] for _, language, query, anchor in TABLE_ROWS)
    assert first >= FLOORS["query tables, first"], f"{first} of {len(TABLE_ROWS)}"


@pytest.mark.parametrize(("language", "within"), [(language, within) for language in LANGUAGES for within in (1, 3)])
def test_plain_questions_are_answered_as_often_as_measured(core_answers, language: str, within: int) -> None:
    """First (within 1) and in the top three (within 3), as often as the floor says."""
    missed = [
        (query, found(core_answers, language, query)[:3])
        for row_language, query, wanted in QUESTION_ROWS
        if row_language == language and ((position := rank(core_answers[(language, query)], wanted)) is None or position > within)
    ]
    asked = sum(row[0] == language for row in QUESTION_ROWS)
    assert asked - len(missed) >= FLOORS[(language, "questions", within)], "\n".join(f"{query}: {top}" for query, top in missed)


def test_the_published_core_is_the_source_minified_and_answers_the_same(
    core_answers, indexes: dict[str, Any], tmp_path: Path
) -> None:
    source = CORE.read_text(encoding="utf-8")
    published = tmp_path / "search-core.js"
    published.write_text(minified("assets/javascripts/search-core.js", source), encoding="utf-8")
    assert len(published.read_bytes()) < 0.6 * len(source.encode())
    for language in LANGUAGES:
        queries = [query for _, table_language, query, _ in TABLE_ROWS if table_language == language]
        assert run_queries(indexes[language], queries, core=published) == [core_answers[(language, query)] for query in queries]


def test_query_tables_are_large_enough() -> None:
    assert len(CHINESE_QUERIES) >= 25 and len(ENGLISH_QUERIES) >= 25
    for language in LANGUAGES:
        for kind, least in (("typos", 15), ("questions", 15), ("other language", 10)):
            name = f"{language} {kind}"
            assert TABLES[name][0] == language and len(TABLES[name][1]) >= least, name


@pytest.fixture(scope="session")
def held_out_ranks(indexes: dict[str, Any]) -> dict[tuple[str, str], list[int | None]]:
    return table_ranks(search_questions_heldout, indexes)


@pytest.mark.parametrize(("language", "kind"), list(HELD_OUT_FLOORS))
def test_the_held_out_questions_are_answered_as_often_as_measured(held_out_ranks, language: str, kind: str) -> None:
    ranks = held_out_ranks[(language, kind)]
    first = sum(position == 1 for position in ranks) / len(ranks)
    top_three = sum(position is not None and position <= 3 for position in ranks) / len(ranks)
    floor_first, floor_three = HELD_OUT_FLOORS[(language, kind)]
    assert len(ranks) >= 15 and first >= floor_first and top_three >= floor_three, (
        f"recall@1 {first:.1%}, recall@3 {top_three:.1%} of {len(ranks)}"
    )


@pytest.mark.parametrize(("language", "query", "wanted"), CITATION_ROWS, ids=[f"{row[0]}: {row[1]}" for row in CITATION_ROWS])
def test_every_citation_form_finds_its_part_first(core_answers, language: str, query: str, wanted: tuple[str, ...]) -> None:
    assert rank(core_answers[(language, query)], wanted) == 1, found(core_answers, language, query)


@pytest.mark.parametrize(("language", "query", "anchor"), NUMBERS)
def test_a_part_named_by_its_number_is_the_one_result(core_answers, language: str, query: str, anchor: str) -> None:
    """A reader with a citation in hand types its number, as either language cites it."""
    assert found(core_answers, language, query) == [anchor]


@pytest.mark.parametrize(("language", "query"), SECTIONS)
def test_a_section_named_by_its_number_lists_its_clauses(core_answers, language: str, query: str) -> None:
    assert found(core_answers, language, query) == ["10.1", "10.2"]


@pytest.mark.parametrize(("language", "query", "shown"), MISSING)
def test_a_number_the_agreement_does_not_have_shows_nothing_unrelated(core_answers, language: str, query: str, shown) -> None:
    """A citation checked against the site must not appear to match: no unrelated clauses."""
    assert found(core_answers, language, query) == shown
    assert core_answers[(language, query)]["missing"] == query


def test_a_readers_word_finds_the_parts_its_topic_points_to_and_names_the_topic(core_answers) -> None:
    sue = core_answers[("en", "where do I sue Tencent")]
    assert [(result["url"], result["topics"][:1]) for result in sue["results"][:1]] == [
        ("12-miscellaneous/#12.5", ["Dispute resolution and jurisdiction"])
    ]
    assert sue["rewritten"] == "sue tencent"  # where, do, I left out: said
    commercial = core_answers[("zh", "TIM能商用吗")]  # not rewritten to 能使用, a word of the text
    assert (found(core_answers, "zh", "TIM能商用吗")[:1], commercial["rewritten"]) == (["3.1"], "tim 能商用")
    assert commercial["results"][0]["topics"] == ["商业使用"]


def test_notes_are_found_as_notes(core_answers) -> None:
    merger = core_answers[("en", "merger clause")]["results"]
    assert [(result["kind"], result["url"], result["title"]) for result in merger] == [
        ("translator", "01-scope/#1.2-note-2", "Translator's note on clause 1.2")
    ]
    clipping = core_answers[("zh", "网页剪藏")]["results"]  # a web clipping: the source, said in two notes
    assert {(result["kind"], result["url"]) for result in clipping} == {
        ("editor", "#preamble-2-note-2"),
        ("editor", "01-scope/#1.2-note"),
    }


def test_a_note_the_subject_index_puts_first_comes_first(core_answers) -> None:
    """The topic Name of the agreement points to the editor's note before preamble ¶2: the note's
    lower weight is for its words, not for the index's order."""
    assert found(core_answers, "en", "why does the TIM agreement call itself the QQ agreement")[:2] == [
        "preamble-2-note",
        "preamble-2",
    ]


def test_every_chinese_query_word_must_match(core_answers) -> None:
    assert len(found(core_answers, "zh", "的")) > 30
    assert found(core_answers, "zh", "开发新的服务") == ["4.1"]
    # 的 is left out; what else is shown, the subject index points to under the same topic.
    question = core_answers[("zh", "反向工程 的")]["results"]
    assert found(core_answers, "zh", "反向工程 的")[:1] == ["10.1-2"]
    assert all(result["words"] == ["反向工程"] or result["topics"] == ["反向工程"] for result in question)


def test_chinese_words_inside_longer_words_are_found(core_answers) -> None:
    assert "10.1-2" in found(core_answers, "zh", "代码")  # 源代码
    assert "2.1" in found(core_answers, "zh", "信息")  # 个人信息
    assert "2.3-2" in found(core_answers, "zh", "升级")  # 软件升级


def test_quoted_phrase_matches_only_that_phrase(core_answers) -> None:
    exact = set(found(core_answers, "zh", '"软件使用"'))
    assert exact and exact < set(found(core_answers, "zh", "软件 使用"))
    assert set(found(core_answers, "en", '"use the software"')) < set(found(core_answers, "en", "use the software"))


def test_english_word_forms_match_each_other(core_answers) -> None:
    update, updates, updated = (set(found(core_answers, "en", word)) for word in ("update", "updates", "updated"))
    assert update == updates == updated and {"4.1", "4.3"} <= update
    assert found(core_answers, "en", "reverse engineering") == ["10.1-2"]
    assert "10.1-2" in found(core_answers, "en", "revers")  # a word being typed, itself a stem of the text


def test_a_word_matches_its_inflections_not_longer_words(core_answers) -> None:
    law = found(core_answers, "en", "law")
    assert "12.4" in law and "9.1" not in law  # laws, not lawfully
    assert found(core_answers, "en", "friends") == ["7.2"]  # not 12.5's friendly consultation
    used = {word.lower() for result in core_answers[("en", "use")]["results"] for word in result["words"]}
    assert used == {"use", "used", "uses", "using"}  # not user
    # A note is found by its own words, not by its section's title (3. Scope of License).
    assert [result["kind"] for result in core_answers[("en", "license")]["results"]].count("part") >= 5
    assert not [result["url"] for result in core_answers[("en", "license")]["results"] if result["url"].endswith("3.3-note")]


def test_a_word_absent_from_the_text_is_not_matched_by_its_beginning(core_answers) -> None:
    assert found(core_answers, "en", "terminate") == []  # not "terminal device"
    assert set(found(core_answers, "en", "terminal")) == {"3.1", "6.1", "10.1-4"}


def test_a_correction_keeps_the_words_first_letter(core_answers) -> None:
    """A short word beginning otherwise is another word, not a typo: cost is not most or posting."""
    for query in ("cost", "price"):
        answer = core_answers[("en", query)]
        assert (answer["results"], answer["rewritten"]) == ([], None), query


def test_a_two_letter_word_is_no_stem_of_a_longer_one(core_answers) -> None:
    """ "ins" of plug-ins is not an inflection of "in": the opened page highlights plug and ins only."""
    words = {word.lower() for result in core_answers[("en", "plug-ins")]["results"] for word in result["words"]}
    assert words == {"plug", "ins"}


@pytest.mark.parametrize(("language", "title"), [("zh", "十二"), ("en", "Miscellaneous")])
def test_a_section_found_by_its_title_lists_its_clauses_in_order(core_answers, language: str, title: str) -> None:
    assert found(core_answers, language, title) == [f"12.{n}" for n in range(1, 8)]


# Queries whose results the dialog must show exactly as the core returns them: words, a question,
# a typo, the other language, a citation, a section.
DIALOG_QUERIES = {
    "zh": ["外挂", "我可以反编译吗", "TIM能商用吗", "隐私正策", "reverse engineering", "第10.1款第（2）项", "第十条"],
    "en": [
        "privacy policy",
        "can I decompile the software?",
        "where do I sue Tencent",
        "revese",
        "反向工程",
        "clause 10.1(2)",
        "Section 10",
    ],
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_dialog_shows_what_the_core_returns(search_page, indexes: dict[str, Any], language: str) -> None:
    """The same results, in the same order, with the same titles, as the core in Node finds on
    the index the build wrote (which is build_index's: test_each_record_carries_…)."""
    root = HOME[language]
    expected = run_queries(indexes[language], DIALOG_QUERIES[language])
    for query, answer in zip(DIALOG_QUERIES[language], expected, strict=True):
        links = search(search_page[language], query)
        shown = [urlsplit(link).path + "#" + urlsplit(link).fragment for link in links]
        assert shown == [root + result["url"] for result in answer["results"]], query
        titles = search_page[language].locator(".agreement-search__result-title").all_inner_texts()
        assert titles == [" · ".join(filter(None, (result["title"], result["section"]))) for result in answer["results"]], query


# -- what a result is ------------------------------------------------------------------------------


def test_each_result_is_one_clause_titled_with_its_number_and_section(search_page) -> None:
    page = search_page["zh"]
    links = search(page, "外挂")
    assert [urlsplit(link).path for link in links] == ["/10-user-conduct/", "/10-user-conduct/"]
    assert sorted(anchors(links)) == ["10.1-4", "10.1-6"]
    titles = page.locator(".agreement-search__result-title").all_inner_texts()
    assert set(titles) == {"第10.1款第（4）项 · 十、用户行为", "第10.1款第（6）项 · 十、用户行为"}


def test_a_note_is_shown_as_a_note_and_counted_apart(search_page) -> None:
    page = search_page["en"]
    assert search(page, "merger clause") == ["/en/01-scope/?h=merger&h=clause#1.2-note-2"]
    assert page.locator("a.agreement-search__note .agreement-search__result-title").inner_text() == (
        "Translator's note on clause 1.2 · 1. Scope of this Agreement"
    )
    assert status(page).split("\n") == ["Notes found: 1."]


def test_a_query_in_the_other_language_finds_the_clause_in_the_page_language(search_page) -> None:
    english_on_chinese = search(search_page["zh"], "reverse engineering")
    assert anchors(english_on_chinese)[:1] == ["10.1-2"]
    assert all(not urlsplit(link).path.startswith("/en/") for link in english_on_chinese)
    via = search_page["zh"].locator(".agreement-search__via").first.inner_text()
    assert via.startswith("通过英文译文找到") and "reverse engineering" in via
    first_excerpt = search_page["zh"].locator(".agreement-search__excerpt").first.inner_text()
    assert "反向工程" in first_excerpt  # the result shown in the page's language

    chinese_on_english = search(search_page["en"], "反向工程")
    assert anchors(chinese_on_english)[:1] == ["10.1-2"]
    assert all(urlsplit(link).path.startswith("/en/") for link in chinese_on_english)
    assert search_page["en"].locator(".agreement-search__via").first.inner_text().startswith("Found through the Chinese original")
    assert search_page["en"].locator(".agreement-search__via").count() == len(chinese_on_english)


def test_a_query_in_the_page_language_is_not_marked_as_found_through_the_other(search_page) -> None:
    assert search(search_page["en"], "Tencent")
    assert search_page["en"].locator(".agreement-search__via").count() == 0
    assert all(urlsplit(link).path.startswith("/en/") for link in result_links(search_page["en"]))


# -- typos, questions, nothing found -------------------------------------------------------------


def test_a_misspelt_word_says_what_was_searched_and_offers_the_exact_word(search_page) -> None:
    page = search_page["en"]
    assert anchors(search(page, "revese"))[:1] == ["10.1-2"]
    assert "Searched for: reverse." in status(page)
    page.get_by_role("button", name="Search for “revese” exactly").click()
    wait_for_results(page, '"revese"')
    assert page.input_value(INPUT) == '"revese"'
    assert result_links(page) == []
    assert "Nothing found." in status(page)


def test_a_result_found_through_the_subject_index_names_its_topic(search_page) -> None:
    page = search_page["en"]
    assert anchors(search(page, "where do I sue Tencent"))[:1] == ["12.5"]
    assert page.locator(".agreement-search__topic").first.inner_text() == "Topic: Dispute resolution and jurisdiction"
    assert page.locator(".agreement-search__results a").first.locator("mark").all_inner_texts() == ["Tencent"]  # not sue


def test_a_question_says_what_was_searched_and_offers_the_query_as_typed(search_page) -> None:
    page = search_page["zh"]
    assert anchors(search(page, "TIM能商用吗"))[:1] == ["3.1"]
    assert "已搜索：“tim 能商用”。" in status(page)
    page.get_by_role("button", name="仍搜索“TIM能商用吗”").click()
    wait_for_results(page, '"TIM能商用吗"')
    assert result_links(page) == []
    assert "没有找到条款。" in status(page)


def test_a_misspelt_chinese_word_is_searched_as_the_text_has_it(search_page) -> None:
    page = search_page["zh"]
    assert anchors(search(page, "隐私正策"))[:1] == ["2.1"]
    assert "已搜索：“隐私政策”。" in status(page)


def test_a_question_without_an_answer_to_every_word_shows_the_closest_clauses(search_page) -> None:
    page = search_page["en"]
    assert search(page, "can I terminate the agreement?")
    parts = page.locator(".agreement-search__results a:not(.agreement-search__note)").count()
    notes = page.locator(".agreement-search__results a.agreement-search__note").count()
    text = status(page)
    assert f"No clause contains every word. Closest matches: {parts}." in text
    assert f"Notes found: {notes}." in text
    assert "Not found: terminate" in text
    assert page.get_by_role("button", name="terminal").is_visible()  # the nearest word, offered


def test_nothing_found_names_the_words_offers_the_nearest_and_the_other_language(search_page, browser, base_url: str) -> None:
    page = search_page["en"]
    assert search(page, "jurisdikshon") == []
    text = status(page)
    assert "Nothing found." in text and "Not found: jurisdikshon" in text
    assert page.get_by_role("button", name="jurisdiction").is_visible()
    other = page.get_by_role("link", name="Search the Chinese original")
    href = other.get_attribute("href")
    assert urlsplit(href).path == "/" and parse_qs(urlsplit(href).query) == {"q": ["jurisdikshon"]}
    page.get_by_role("button", name="jurisdiction").click()  # the nearest word, searched
    wait_for_results(page, "jurisdiction")
    assert anchors(result_links(page))[:1] == ["12.5"]

    # The link runs the same query in the other language.
    chinese = browser.new_page()
    chinese.goto(f"{base_url}{href}")
    wait_for_results(chinese, "jurisdikshon")
    assert chinese.input_value(INPUT) == "jurisdikshon"
    assert "没有找到条款。" in status(chinese)
    chinese.close()


# -- precision ---------------------------------------------------------------------------------------


def test_a_word_that_matches_nothing_is_named(search_page) -> None:
    page = search_page["en"]
    assert search(page, "terminate") == []  # not "terminal device"
    assert "Not found: terminate" in status(page)


@pytest.mark.parametrize(
    ("language", "query", "said"),
    [("en", "10.1(8)", "The agreement has no “10.1(8)”."), ("zh", "第99.9款", "本协议没有“第99.9款”。")],
)
def test_a_number_the_agreement_does_not_have_is_said_so(search_page, language: str, query: str, said: str) -> None:
    search(search_page[language], query)
    assert said in status(search_page[language])


def test_section_titles_match_as_words(page, base_url: str) -> None:
    page.goto(f"{base_url}/en/?q=duct")
    wait_for_results(page, "duct")
    assert result_links(page) == []  # not every clause of "10. User Conduct"
    assert len(search(page, "conduct")) >= 9  # the whole section, by its title


def test_a_shared_search_leaves_the_address_when_the_dialog_closes(page, base_url: str) -> None:
    page.goto(f"{base_url}/en/10-user-conduct/?q=which+court#10.1")
    wait_for_results(page, "which court")
    assert "q=which" in page.url, "the search shown is the address's"
    page.keyboard.press("Escape")
    page.wait_for_function("() => !location.search")
    address = urlsplit(page.url)
    assert address.path.endswith("/en/10-user-conduct/") and (address.query, address.fragment) == ("", "10.1")


def test_result_opens_the_clause_with_the_words_highlighted(page, base_url: str) -> None:
    open_first_result(page, f"{base_url}/", "反向工程", "**/10-user-conduct/**")
    assert urlsplit(page.url).fragment == "10.1-2"
    assert page.locator('[id="10.1-2"]').evaluate("element => element.matches(':target')")
    page.wait_for_selector("mark.agreement-highlight")
    marks = page.locator('[id="10.1-2"] mark.agreement-highlight').all_inner_texts()
    assert marks == ["反向工程"]
    # the highlights shown, the address is the part's alone: copied, it passes no highlights on
    page.wait_for_function("() => !location.search")
    address = urlsplit(page.url)
    assert address.path.endswith("/10-user-conduct/") and (address.query, address.fragment) == ("", "10.1-2")


def test_a_corrected_chinese_word_highlights_the_text_word_not_its_characters(page, base_url: str) -> None:
    open_first_result(page, f"{base_url}/", "源带码", "**/10-user-conduct/**")
    page.wait_for_selector("mark.agreement-highlight")
    assert set(page.locator("mark.agreement-highlight").all_inner_texts()) == {"源代码"}  # no lone 源 or 码


def test_english_result_highlights_the_word_forms_found(page, base_url: str) -> None:
    open_first_result(page, f"{base_url}/en/", "updated", "**/en/04-software-updates/**")  # the text has update, updates
    page.wait_for_selector("mark.agreement-highlight")
    marks = {text.lower() for text in page.locator("mark.agreement-highlight").all_inner_texts()}
    assert {"updates"} <= marks and "updated" not in marks


@pytest.mark.parametrize("language", ["zh", "en"])
def test_on_a_phone_the_dialog_never_scrolls_sideways(browser, base_url: str, language: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    query = {"zh": "隐私政策 链接地址", "en": "Privacy Policy link"}[language]  # 2.1, with its long web address
    page.goto(f"{base_url}{HOME[language]}?q={query}")
    wait_for_results(page, query)
    assert "https://sqimg.qq.com/mapp/agreement/tim_privacy.html" in page.inner_text(".agreement-search__results")
    widths = page.eval_on_selector_all(
        "#agreement-search, #agreement-search *", "elements => elements.map(e => [e.scrollWidth, e.clientWidth, e.className])"
    )
    context.close()
    assert [(scroll, client, name) for scroll, client, name in widths if scroll > client + 1 and client] == []


@pytest.mark.parametrize(("language", "query"), [("en", "which court handles disputes"), ("zh", "打官司去哪个法院")])
def test_on_a_phone_the_status_has_the_dialogs_width_and_the_first_result_shows(
    browser, base_url: str, language: str, query: str
) -> None:
    """A status of several lines (words left out, the corrected search) takes the dialog's width,
    its words whole, with the buttons below it; the first result starts on the first screen."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{base_url}{HOME[language]}?q={query}")
    wait_for_results(page, query)
    dialog, status = page.locator("#agreement-search").bounding_box(), page.locator(".agreement-search__status").bounding_box()
    first = page.locator(".agreement-search__results > li").first.bounding_box()
    one_line = page.locator(".agreement-search__status p").first.evaluate(
        "p => { const r = document.createRange(); r.selectNodeContents(p); return r.getClientRects().length; }"
    )
    context.close()
    assert dialog and status and first
    assert status["width"] >= 0.8 * dialog["width"], (status, dialog)
    assert one_line <= 2, "the status's first line wraps at words, not at every few letters"
    assert first["y"] < 844, "the first result starts on the first screen"


def test_english_snippets_start_and_end_at_word_boundaries(search_page) -> None:
    page = search_page["en"]
    search(page, "consent")
    texts = page.locator(".agreement-search__excerpt").all_inner_texts()
    records = {plain_text(part.text) for page_ in parse_language(ROOT / "docs", "en") for part in parts(page_)}
    assert texts
    for text in texts:
        shown = text.removeprefix("…").removesuffix("…")
        record = next(r for r in records if shown in r)
        start = record.index(shown)
        assert start == 0 or not record[start - 1].isalnum(), text
        end = start + len(shown)
        assert end == len(record) or not record[end].isalnum(), text


# -- input bounds --------------------------------------------------------------------------------------


def test_a_pasted_query_is_cut_to_the_limit_and_the_dialog_says_so(search_page, page, base_url: str) -> None:
    limit = search_page["en"].evaluate("import('/assets/javascripts/search-core.js').then(core => core.MAX_QUERY_LENGTH)")
    english = search_page["en"]
    assert english.locator(INPUT).get_attribute("maxlength") == str(limit)
    search(english, "reverse " * 12_500)  # 100,000 characters
    assert len(english.input_value(INPUT)) == limit
    assert f"Only the first {limit} characters are searched." in status(english)
    assert anchors(result_links(english))[:1] == ["10.1-2"]

    page.goto(f"{base_url}/en/?q={'reverse+' * 625}")  # 5,000 characters: as long as servers take
    wait_for_results(page, ("reverse " * 625)[:limit])
    assert f"Only the first {limit} characters are searched." in status(page)
    assert anchors(result_links(page))[:1] == ["10.1-2"]


def test_a_repeated_word_counts_once(search_page) -> None:
    page = search_page["en"]
    once = search(page, "reverse")
    repeated = search(page, "reverse Reverse reverse")
    assert repeated == once
    assert parse_qs(urlsplit(repeated[0]).query)["h"] == ["reverse"]


# -- the dialog -------------------------------------------------------------------------------------------


def test_the_field_stays_put_as_results_change(page, base_url: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{base_url}/")
    page.keyboard.press("/")
    # Shown only once its stylesheet is there (before, it is open but transparent).
    page.wait_for_function("() => getComputedStyle(document.getElementById('agreement-search')).opacity === '1'")
    positions = []
    for query in ("", "量子纠缠", "的", "反向工程"):
        page.fill(INPUT, query)
        if query:
            wait_for_results(page, query)
        positions.append(page.locator(INPUT).bounding_box()["y"])
    assert len(set(positions)) == 1, positions
    assert positions[0] < 150  # near the top, not centred


def test_the_dialog_is_shown_only_once_its_styles_are_there(page, base_url: str) -> None:
    """It opens at once (what is typed goes into the field) but stays transparent until search.css
    has arrived, so it never shows in the browser's default place first."""
    held = []
    page.route("**/assets/search.css", lambda route: held.append(route))
    page.goto(f"{base_url}/en/")
    page.keyboard.press("/")
    page.keyboard.type("guard")
    for _ in range(250):  # until the stylesheet's request reaches the route (Playwright's events)
        if held:
            break
        page.wait_for_timeout(20)
    assert len(held) == 1  # the stylesheet, held back
    assert page.locator("#agreement-search").evaluate("d => d.open && getComputedStyle(d).opacity === '0'")
    held[0].continue_()
    page.wait_for_function("() => getComputedStyle(document.getElementById('agreement-search')).opacity === '1'")
    assert page.input_value(INPUT) == "guard"


def test_arrow_keys_move_through_the_results_and_enter_opens_one(page, base_url: str) -> None:
    page.goto(f"{base_url}/en/")
    page.keyboard.press("/")
    page.keyboard.type("plug-ins")
    wait_for_results(page, "plug-ins")
    links = result_links(page)
    assert len(links) >= 2
    focused = "document.activeElement.getAttribute('href')"
    page.keyboard.press("ArrowDown")
    assert page.evaluate(focused) == links[0]
    page.keyboard.press("ArrowDown")
    assert page.evaluate(focused) == links[1]
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.matches('input[type=search]')")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{urlsplit(links[1]).path}**#{urlsplit(links[1]).fragment}")


def test_one_escape_closes_the_dialog(page, base_url: str) -> None:
    page.goto(f"{base_url}/en/")
    page.keyboard.press("/")
    search(page, "privacy")
    page.keyboard.press("Escape")
    assert not page.locator("#agreement-search").evaluate("dialog => dialog.open")


def test_a_click_on_the_backdrop_closes_the_dialog_and_one_inside_does_not(page, base_url: str) -> None:
    page.goto(f"{base_url}/en/")
    page.keyboard.press("/")
    search(page, "privacy")
    dialog = page.locator("#agreement-search")
    page.locator(".agreement-search__hint").click()
    assert dialog.evaluate("dialog => dialog.open")
    box = dialog.bounding_box()
    assert box is not None
    assert box["x"] > 20  # room on the left at the default 1280 px
    page.mouse.click(box["x"] / 2, box["y"] + box["height"] / 2)
    assert not dialog.evaluate("dialog => dialog.open")


def test_keyboard_only_search(page, base_url: str) -> None:
    page.goto(f"{base_url}/en/")
    page.keyboard.press("/")
    page.keyboard.type("guardian")
    wait_for_results(page, "guardian")
    page.keyboard.press("Enter")
    page.wait_for_url("**#preamble-4")


def test_index_and_core_load_only_when_searching(page, base_url: str) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(urlsplit(request.url).path))
    page.goto(f"{base_url}/en/10-user-conduct/", wait_until="networkidle")
    assert not [path for path in requested if path.endswith(("agreement.json", "search-core.js"))]
    page.locator(".agreement-search__open").click()
    search(page, "Tencent")
    search(page, "Tencent software")
    assert sorted(path for path in requested if path.endswith(("agreement.json", "search-core.js"))) == [
        "/assets/javascripts/search-core.js",
        "/en/search/agreement.json",
    ]


def test_a_fresh_page_loads_only_the_search_button_until_the_search_opens(page, base_url: str) -> None:
    """Every page loads the small button script; the dialog's script and stylesheet, the core
    and the index come on first use (here the "s" shortcut), and the dialog then works."""
    requested: list[str] = []
    page.on("request", lambda request: requested.append(urlsplit(request.url).path))
    page.goto(f"{base_url}/10-user-conduct/", wait_until="networkidle")

    def searching() -> list[str]:
        return sorted({path for path in requested if "search" in path})

    assert searching() == ["/assets/javascripts/agreement-search-button.js"]
    assert page.locator(".agreement-search__open").is_visible()
    page.keyboard.press("s")
    assert anchors(search(page, "反向工程"))[:1] == ["10.1-2"]
    assert searching() == [
        "/assets/javascripts/agreement-search-button.js",
        "/assets/javascripts/agreement-search.js",
        "/assets/javascripts/search-core.js",
        "/assets/search.css",
        "/search/agreement.json",
    ]
    assert page.evaluate("[...document.styleSheets].some(sheet => sheet.href?.endsWith('/assets/search.css'))")


def test_a_failed_index_load_says_so_and_a_retry_works(site: Path, tmp_path: Path, browser) -> None:
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    shutil.copytree(server_config_dir(site), server_config_dir(copy))
    index = copy / "en" / "search" / "agreement.json"
    index.rename(index.with_suffix(".away"))
    with serve(copy) as url:
        page = browser.new_page()
        page.goto(f"{url}/en/")
        page.keyboard.press("/")
        page.keyboard.type("guardian")
        page.wait_for_function(
            "() => document.querySelector('.agreement-search__status').textContent.includes('could not be loaded')"
        )
        assert result_links(page) == []
        index.with_suffix(".away").rename(index)
        page.get_by_role("button", name="Try again").click()
        wait_for_results(page, "guardian")
        assert anchors(result_links(page)) == ["preamble-4"]
        page.close()


def test_a_search_can_be_shared_as_a_link(browser, base_url: str) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"{base_url}/en/?q=privacy+policy")
    wait_for_results(page, "privacy policy")
    assert page.locator("#agreement-search").evaluate("dialog => dialog.open")
    assert page.input_value(INPUT) == "privacy policy"
    assert anchors(result_links(page))[0] == "2.1"
    page.locator(".agreement-search__share").click()
    page.wait_for_function("() => document.querySelector('.agreement-search__share').textContent === 'Link copied'")
    shared = clipboard_text(page)
    assert parse_qs(urlsplit(shared).query) == {"q": ["privacy policy"]}
    context.close()


def test_a_failed_copy_is_reported_as_a_failure(browser, base_url: str) -> None:
    # The site under a name that is not loopback is not a secure context: there is no clipboard.
    port = urlsplit(base_url).port
    insecure = browser.browser_type.launch(
        executable_path=str(CHROMIUM), args=[*CHROMIUM_ARGS, "--host-resolver-rules=MAP agreement.test 127.0.0.1"]
    )
    page = insecure.new_page()
    page.goto(f"http://agreement.test:{port}/en/?q=privacy+policy")
    wait_for_results(page, "privacy policy")
    assert not page.evaluate("window.isSecureContext")
    page.locator(".agreement-search__share").click()
    page.wait_for_function("() => document.querySelector('.agreement-search__share').textContent === 'Could not copy the link'")
    insecure.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_open_dialog_has_no_axe_core_violations(page, base_url: str, scheme: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page.emulate_media(color_scheme=scheme)  # the site follows prefers-color-scheme
    for language, query in (("en", "can I terminate the agreement"), ("zh", "reverse engineering"), ("en", "jurisdikshon")):
        page.goto(f"{base_url}{HOME[language]}")
        page.keyboard.press("/")
        search(page, query)
        violations = Axe().run(page, context="#agreement-search").response["violations"]
        assert violations == [], [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations]


# -- the index, and the contract between the build and the browser ----------------------------------------


def test_each_record_carries_the_same_part_in_the_other_language(
    site: Path, pages: dict[str, Any], indexes: dict[str, Any]
) -> None:
    texts = {
        language: {part.anchor: plain_text(part.text) for page in pages[language] for part in parts(page)}
        for language in LANGUAGES
    }
    for language, other in (("zh", "en"), ("en", "zh")):
        index = json.loads((site / HOME[language].lstrip("/") / "search" / "agreement.json").read_text(encoding="utf-8"))
        assert (index["language"], index["other"]) == (language, other)
        assert len(index["records"]) == len(texts[language])
        for record in index["records"]:
            anchor = record["url"].split("#")[1]
            assert not record["url"].startswith(("/", "en/"))  # from the language's root
            assert (record["text"], record["other"]) == (texts[language][anchor], texts[other][anchor])
        assert index == indexes[language]


def test_each_note_is_in_the_index_as_a_note_at_its_anchor(indexes: dict[str, Any], notes: list[Any]) -> None:
    for language, other in (("zh", "en"), ("en", "zh")):
        entries = indexes[language]["notes"]
        assert [(entry["kind"], entry["text"], entry["other"]) for entry in entries] == [
            (note.kind, note.text[language], note.text[other])
            for note in sorted(notes, key=lambda note: order(indexes[language], note.at))
        ]
    english = {entry["url"]: entry["title"] for entry in indexes["en"]["notes"]}
    assert english["03-license-scope/#3.3-note"] == "Translator's note on clause 3.3"
    assert english["01-scope/#1.2-note-2"] == "Translator's note on clause 1.2"
    assert english["#preamble-2-note-2"] == "Editor's note on preamble, paragraph 2"
    chinese = {entry["url"]: entry["title"] for entry in indexes["zh"]["notes"]}
    assert chinese["03-license-scope/#3.3-note"] == "第3.3款的译者注"


def test_each_topic_is_in_the_index_titled_in_the_page_language(indexes: dict[str, Any], topics: list[Any]) -> None:
    for language, other in (("zh", "en"), ("en", "zh")):
        assert indexes[language]["topics"] == [
            {
                "title": topic.heading[language],
                "words": list(topic.words[language]),
                "other_words": list(topic.words[other]),
                "parts": list(topic.parts),
            }
            for topic in topics
        ]


def order(index: dict[str, Any], anchor: str) -> int:
    """Where a part is in the index's reading order."""
    return [record["url"].split("#")[1] for record in index["records"]].index(anchor)


def run_core(expression: str, argument: object) -> object:
    """Evaluate `expression` (of `core`, the search core, and `value`, the argument) in Node."""
    script = (
        f"const value = JSON.parse(process.argv[1]); import('{CORE.as_uri()}')"
        f".then(core => console.log(JSON.stringify({expression})))"
    )
    result = subprocess.run(["node", "-e", script, json.dumps(argument)], capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def test_the_index_stems_inflections_only() -> None:
    stems = english_stems(["law laws lawful lawfully use used uses using user users update updates updated updating"])
    assert stems == {"laws": "law", "used": "use", "uses": "use", "using": "use", "users": "user", "updates": "update"} | {
        "updated": "update",
        "updating": "update",
    }
    # The forms of a base the text lacks meet all the same; words Snowball stems alike stay apart.
    assert english_stems(["policies applied stopped processes licensor licensee friendly"]) == {
        "policies": "policy",
        "applied": "apply",
        "stopped": "stop",
        "processes": "process",
    }
    assert english_stems(["decompiled decompiling"]) == {"decompiled": "decompil", "decompiling": "decompil"}


def test_the_browser_stems_the_index_as_the_build_does(indexes: dict[str, Any]) -> None:
    """The index holds only the stems the shared rule gets wrong (scripts/search_index.py's
    docstring); the browser's stems, by the rule and those, are the build's, word for word."""
    for language in LANGUAGES:
        index = indexes[language]
        stems = cast(dict[str, str], run_core("Object.fromEntries(core.stemMapOf(value))", index))
        assert stems == english_stems(index_texts(index))
        assert len(index["stems"]) < len(stems) / 5
    assert stems["hacked"] == "hack"  # the topics' words are stemmed as the text's
    assert "lawfully" not in stems and stems["users"] == "user"


def test_python_and_javascript_split_text_into_the_same_words(pages: dict[str, Any]) -> None:
    """The tokeniser contract (scripts/search_index.py's docstring), run on both sides: every
    part of the agreement in both languages, and characters NFKC changes."""
    sample = "Ｔｅｎｃｅｎｔ’s plug-ins (ＱＱ号码) ﬁle Straße İstanbul café 10.1（2） ½ ① non-exclusive UPDATES"
    texts = [sample, *(plain_text(part.text) for language in LANGUAGES for page in pages[language] for part in parts(page))]
    got = run_core("value.map(text => [core.normalise(text).text, core.englishWords(text)])", texts)
    assert got == [[normalise(text), english_words(text)] for text in texts]
    assert "tencent" in english_words(sample) and "qq" in english_words(sample)


def test_every_part_named_as_cited_is_found_by_its_number(pages: dict[str, Any]) -> None:
    """Each part's name as the site cites it, in either language (scripts/languages.py's
    citation formats), is a query for that part alone."""
    named = {part.name: part.anchor for language in LANGUAGES for page in pages[language] for part in parts(page)}
    assert run_core("Object.fromEntries(value.map(name => [name, core.citationIn(name)?.anchor]))", list(named)) == named


@pytest.mark.slow
def test_the_build_needs_no_chinese_segmenter(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A jieba that cannot be imported is first on the path: the build must not notice.
    fake = tmp_path / "fake" / "jieba"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text("raise ImportError('jieba is not to be used')\n", encoding="utf-8")
    monkeypatch.setenv("PYTHONPATH", str(fake.parent))
    project = copy_project(tmp_path / "project")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "search" / "agreement.json").exists()
