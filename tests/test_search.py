"""Search in real Chromium: the query tables, language scope, word rules, highlight, sharing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from scripts.clauses import parse_language
from scripts.search_index import BackgroundWords, SegmentationError
from tests.conftest import ROOT, build_site, copy_project
from tests.search_queries import CHINESE_QUERIES, ENGLISH_QUERIES

INPUT = "#agreement-search input[type=search]"


def search(page, query: str) -> list[str]:
    """Type a query the way a reader does and return the result links, best first."""
    page.fill(INPUT, query)
    page.press(INPUT, "End")
    page.wait_for_function("document.querySelector('.agreement-search__status').textContent !== ''")
    return page.eval_on_selector_all(".agreement-search__results a", "links => links.map(a => a.getAttribute('href'))")


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
    """One page per language with the search dialog open, reused by the table tests."""
    context = browser.new_context()
    pages = {}
    for language, path in (("zh", "/"), ("en", "/en/")):
        page = context.new_page()
        page.goto(f"{base_url}{path}")
        page.keyboard.press("/")
        pages[language] = page
    yield pages
    context.close()


@pytest.mark.parametrize(("query", "anchor"), CHINESE_QUERIES)
def test_chinese_query_finds_its_clause_in_the_top_three(search_page, query: str, anchor: str) -> None:
    assert anchor in anchors(search(search_page["zh"], query))[:3]


@pytest.mark.parametrize(("query", "anchor"), ENGLISH_QUERIES)
def test_english_query_finds_its_clause_in_the_top_three(search_page, query: str, anchor: str) -> None:
    assert anchor in anchors(search(search_page["en"], query))[:3]


def test_query_tables_are_large_enough() -> None:
    assert len(CHINESE_QUERIES) >= 25 and len(ENGLISH_QUERIES) >= 25


def test_each_result_is_one_clause_titled_with_its_number_and_section(search_page) -> None:
    page = search_page["zh"]
    links = search(page, "外挂")
    assert [urlsplit(link).path for link in links] == ["/10-user-conduct/", "/10-user-conduct/"]
    assert anchors(links) == ["10.1-6", "10.1-4"] or anchors(links) == ["10.1-4", "10.1-6"]
    titles = page.locator(".agreement-search__result-title").all_inner_texts()
    assert set(titles) == {"第10.1条第（4）项 · 十、用户行为", "第10.1条第（6）项 · 十、用户行为"}


def test_results_stay_in_the_readers_language(search_page) -> None:
    assert search(search_page["en"], "反向工程") == []
    assert search(search_page["zh"], "reverse engineering") == []
    assert all(urlsplit(link).path.startswith("/en/") for link in search(search_page["en"], "Tencent"))
    assert not any(urlsplit(link).path.startswith("/en/") for link in search(search_page["zh"], "腾讯"))


def test_every_chinese_query_word_must_match(search_page) -> None:
    page = search_page["zh"]
    everything_with_de = search(page, "的")
    assert len(everything_with_de) > 30
    assert anchors(search(page, "开发新的服务")) == ["4.1"]
    both = anchors(search(page, "反向工程 的"))
    assert both == ["10.1-2"]


def test_chinese_words_inside_longer_words_are_found(search_page) -> None:
    page = search_page["zh"]
    assert "10.1-2" in anchors(search(page, "代码"))  # 源代码
    assert "2.1" in anchors(search(page, "信息"))  # 个人信息
    assert "2.3-2" in anchors(search(page, "升级"))  # 软件升级


def test_quoted_phrase_matches_only_that_phrase(search_page) -> None:
    page = search_page["zh"]
    loose = set(anchors(search(page, "软件 使用")))
    exact = set(anchors(search(page, '"软件使用"')))
    assert exact and exact < loose
    english = search_page["en"]
    assert set(anchors(search(english, '"use the software"'))) < set(anchors(search(english, "use the software")))


def test_english_word_forms_match_each_other(search_page) -> None:
    page = search_page["en"]
    update, updates, updated = (set(anchors(search(page, word))) for word in ("update", "updates", "updated"))
    assert update == updates == updated and {"4.1", "4.3"} <= update
    assert anchors(search(page, "reverse engineering")) == ["10.1-2"]
    assert "10.1-2" in anchors(search(page, "revers"))  # a word being typed


def test_index_loads_only_when_searching(page, base_url: str) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{base_url}/en/10-user-conduct/", wait_until="networkidle")
    assert not [url for url in requested if url.endswith(".json")]
    page.locator(".agreement-search__open").click()
    search(page, "Tencent")
    assert [urlsplit(url).path for url in requested if url.endswith(".json")] == ["/en/search/agreement.json"]


def test_result_opens_the_clause_with_the_words_highlighted(page, base_url: str) -> None:
    open_first_result(page, f"{base_url}/", "反向工程", "**/10-user-conduct/**")
    assert urlsplit(page.url).fragment == "10.1-2"
    assert page.locator('[id="10.1-2"]').evaluate("element => element.matches(':target')")
    marks = page.locator('[id="10.1-2"] mark.agreement-highlight').all_inner_texts()
    assert marks == ["反向工程"]


def test_english_result_highlights_the_word_forms_found(page, base_url: str) -> None:
    open_first_result(page, f"{base_url}/en/", "update", "**/en/04-software-updates/**")
    marks = {text.lower() for text in page.locator("mark.agreement-highlight").all_inner_texts()}
    assert {"updates"} <= marks


def test_a_search_can_be_shared_as_a_link(browser, base_url: str) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"{base_url}/en/?q=privacy+policy")
    page.wait_for_function("document.querySelector('.agreement-search__status').textContent !== ''")
    assert page.locator("#agreement-search").evaluate("dialog => dialog.open")
    assert page.input_value(INPUT) == "privacy policy"
    assert anchors(page.eval_on_selector_all(".agreement-search__results a", "as => as.map(a => a.getAttribute('href'))"))[0] == "2.1"
    page.locator(".agreement-search__share").click()
    page.wait_for_function("document.querySelector('.agreement-search__share').textContent === 'Link copied'")
    shared = page.evaluate("navigator.clipboard.readText()")
    assert parse_qs(urlsplit(shared).query) == {"q": ["privacy policy"]}
    context.close()


def test_keyboard_only_search(page, base_url: str) -> None:
    page.goto(f"{base_url}/en/")
    page.keyboard.press("/")
    page.keyboard.type("guardian")
    page.wait_for_function("document.querySelector('.agreement-search__status').textContent !== ''")
    page.keyboard.press("Enter")
    page.wait_for_url("**#preamble-4")


def fake_jieba_on_path(folder: Path, source: str) -> None:
    """Put a module named jieba with this source first on the path of every child process."""
    (folder / "jieba").mkdir(parents=True)
    (folder / "jieba" / "__init__.py").write_text(source, encoding="utf-8")
    os.environ["PYTHONPATH"] = str(folder)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("fake_jieba", "message"),
    [
        ("raise ImportError('No module named pkg_resources')", "Chinese segmentation is unavailable: cannot import jieba"),
        ("def setLogLevel(level): pass\ndef lcut(text): return list(text)\n", "jieba does not segment Chinese"),
    ],
)
def test_build_fails_without_chinese_segmentation(tmp_path: Path, fake_jieba: str, message: str) -> None:
    project = copy_project(tmp_path / "project")
    fake_jieba_on_path(tmp_path / "fake", fake_jieba)
    try:
        result = build_site(project, tmp_path / "site")
        words = segment(project)
    finally:
        del os.environ["PYTHONPATH"]
    assert result.returncode != 0
    assert message in result.stderr
    assert (words.returncode, words.stdout) == (1, "")
    assert message in words.stderr


def segment(project: Path) -> subprocess.CompletedProcess[str]:
    """`python -m scripts.search_index`: the Chinese pages' words, as the build segments them."""
    return subprocess.run([sys.executable, "-m", "scripts.search_index", "docs"], cwd=project, capture_output=True, text=True, check=False)


def test_the_chinese_index_holds_the_words_segmented_from_the_chinese_pages(site: Path) -> None:
    # The build segments in a child process (python -m scripts.search_index); its words are the index's.
    result = segment(ROOT)
    assert result.returncode == 0, result.stderr
    words = json.loads(result.stdout)
    assert {"反向", "工程", "源代码", "用户", "个人信息", "知识产权"} <= set(words)
    assert json.loads((site / "search" / "agreement.json").read_text(encoding="utf-8"))["words"] == words


def test_background_words_are_kept_while_the_chinese_text_is_unchanged(tmp_path: Path) -> None:
    pages = parse_language(ROOT / "docs", "zh")
    background = BackgroundWords()
    background.start(pages)
    first = background.words()
    background.start(parse_language(ROOT / "docs", "zh"))  # a rebuild under mkdocs serve
    assert background.words() is first

    # An edit to the Chinese text is segmented again, even while the last child still runs.
    project = copy_project(tmp_path / "project")
    conduct = project / "docs" / "zh" / "10-user-conduct.md"
    conduct.write_text(conduct.read_text(encoding="utf-8").replace("反向工程", "量子纠缠", 1), encoding="utf-8")
    background.start(pages)
    background.start(parse_language(project / "docs", "zh"))
    assert "纠缠" in background.words() and "纠缠" not in first


def test_background_words_report_a_failed_segmentation_and_try_again(tmp_path: Path) -> None:
    pages = parse_language(ROOT / "docs", "zh")
    background = BackgroundWords()
    fake_jieba_on_path(tmp_path / "fake", "def setLogLevel(level): pass\ndef lcut(text): return list(text)\n")
    try:
        background.start(pages)
        with pytest.raises(SegmentationError, match="jieba does not segment Chinese"):
            background.words()
    finally:
        del os.environ["PYTHONPATH"]
    background.start(pages)  # the same text: the failure is not kept
    assert "源代码" in background.words()
