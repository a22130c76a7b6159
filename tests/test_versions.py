"""Versions and revisions: importing a retrieval, the versions page, the unchanged-since dates, the
Chinese checked against the source, and English translated from an older Chinese text.

The made-up second retrieval tests/fixtures/retrievals/2024-03-01.zh.txt is the current source
with clause 4.3 changed, clause 9.3 removed and a clause 10.3 added.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypedDict
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Page

from scripts.addresses import VERSIONS_PAGE, page_url
from scripts.check_clauses import check_project
from scripts.clauses import Page as AgreementPage
from scripts.clauses import ParseError, parse_language
from scripts.english_records import read_english_records
from scripts.languages import LANGUAGES
from scripts.pages import diff
from scripts.project import read_project
from scripts.source import CURRENT_SOURCE, Source, parse_source, read_retrievals, read_source
from scripts.translation_lock import LOCK_FILE, chinese_hash, read_lock
from scripts.versions import (
    changes,
    expected_pages,
    page_names,
    read_version,
    texts_by_key,
    unchanged_since,
)
from tests.nginx import serve
from tests.support import ROOT, attr, build_site, copy_project, is_materials_toggle_autocomplete, one, permanent_page, resolve

RETRIEVAL = Path(__file__).parent / "fixtures" / "retrievals" / "2024-03-01.zh.txt"
FIRST_DATE, SECOND_DATE = "2022-01-23", "2024-03-01"
SECOND_ENGLISH = "2026-12-07"  # the day the revised English is recorded in the made-up copy


def run(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """A command of the project (python -m …) run in the project's folder."""
    return subprocess.run([sys.executable, "-m", *args], cwd=project, capture_output=True, text=True, check=False)


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under a folder, by relative path: to prove that nothing was written."""
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def index_new_parts(project: Path) -> None:
    """What the editor does after the import of the made-up retrieval: the subject index follows
    the text (9.3 is gone, and the topic on third-party disputes points to 9.2; 10.3, on network
    security, goes under the prohibited conduct)."""
    topics = project / "translation" / "topics.yml"
    text = topics.read_text(encoding="utf-8").replace(', "9.3"', "").replace('"9.3", ', "")
    assert '  parts: ["9.3"]' in text, "the third-party-disputes topic"
    text = text.replace('  parts: ["9.3"]', '  parts: ["9.2"]')
    assert '"10.1-7", "10.2", "11.2", "8.2", ' in text, "the prohibited-conduct topic"
    topics.write_text(
        text.replace('"10.1-7", "10.2", "11.2", "8.2", ', '"10.1-7", "10.2", "11.2", "8.2", "10.3", '), encoding="utf-8"
    )


def revise_english(project: Path) -> None:
    """What the translator does after the import of the made-up retrieval: revise 4.3, remove 9.3, add 10.3."""
    updates = project / "docs" / "en" / "04-software-updates.md"
    text = updates.read_text(encoding="utf-8")
    assert "the right, without specific notice to you, to update" in text
    updates.write_text(text.replace("without specific notice to you,", "after notifying you in advance,"), encoding="utf-8")
    third = project / "docs" / "en" / "09-third-parties.md"
    third.write_text(re.sub(r"\n\n9\.3 [^\n]*", "", third.read_text(encoding="utf-8")), encoding="utf-8")
    conduct = project / "docs" / "en" / "10-user-conduct.md"
    lines = conduct.read_text(encoding="utf-8").split("\n")
    at = next(number for number, line in enumerate(lines) if line.startswith("10.2 "))
    lines[at + 1 : at + 1] = [
        "",
        "10.3 You shall not use the Software to engage in activities that endanger network security or infringe the lawful rights and interests of others.",
    ]
    conduct.write_text("\n".join(lines), encoding="utf-8")


def check_json(project: Path) -> tuple[int, dict[str, Any]]:
    result = run(project, "scripts.check_clauses", "--json")
    return result.returncode, json.loads(result.stdout)


# --- The real project -----------------------------------------------------------------------


def test_the_chinese_pages_are_exactly_what_the_import_writes_from_the_source() -> None:
    source = read_source(ROOT / CURRENT_SOURCE)
    named, unnamed = expected_pages(source, page_names(ROOT / "docs" / "zh"))
    assert unnamed == []
    on_disk = {page.name: page.path.read_bytes() for page in parse_language(ROOT / "docs", "zh")}
    assert {name: draft.markdown.encode("utf-8") for name, draft in named.items()} == on_disk


def test_the_real_project_has_one_retrieval_and_passes_every_check() -> None:
    assert [source.retrieved for source in read_retrievals(ROOT)] == [FIRST_DATE]
    assert check_project(read_project(ROOT)) == []
    chinese = texts_by_key(parse_language(ROOT / "docs", "zh"))
    assert read_lock(ROOT / LOCK_FILE) == {key: chinese_hash(text.text) for key, text in chinese.items()}


def test_the_real_versions_page_shows_the_one_version(site: Path) -> None:
    for language, current in (("zh", "现行文本"), ("en", "current text")):
        document = BeautifulSoup(
            (site / page_url(language, VERSIONS_PAGE).lstrip("/") / "index.html").read_text(encoding="utf-8"), "html.parser"
        )
        headings = [h2.get_text(" ", strip=True) for h2 in document.select(".versions .version h2")]
        assert len(headings) == 1 and headings[0].startswith(FIRST_DATE) and current in headings[0]
        version = one(document, ".version")
        assert attr(one(version, "p a"), "href") == "https://ti.qq.com/tim/serverinfo.html"
        reads = [resolve(page_url(language, VERSIONS_PAGE), attr(a, "href")) for a in version.select("p a[hreflang]")]
        assert reads == [f"/v/{FIRST_DATE}/", permanent_page("en", "index.md")]  # the English: its newest record's
        # Each record of the English, newest first, at its own permanent address.
        records = read_english_records(ROOT)
        listed = document.select(".version-translations li")
        assert [attr(item, "id") for item in listed] == [f"translation-{english.since}" for english in reversed(records)]
        assert [resolve(page_url(language, VERSIONS_PAGE), attr(one(item, "a"), "href")) for item in listed] == [
            f"/en/v/{english.since}/" for english in reversed(records)
        ]
        assert FIRST_DATE in listed[0].get_text() and records[-2].since in listed[0].get_text()
        # What each kind of address is: a text's permanent one, and a page's, which shows the current text.
        addresses = one(document, ".versions-addresses").get_text()
        assert all(
            path in addresses
            for path in (f"/v/{FIRST_DATE}/", permanent_page("en", "index.md"), page_url(language, "01-scope.md"))
        )
        assert [a.get_text() for a in version.select(".version-files a")] == [f"{FIRST_DATE}.zh.txt"]
        assert document.select(".version-changes") == []
        home = page_url(language, "index.md")
        nav = BeautifulSoup((site / home.lstrip("/") / "index.html").read_text(encoding="utf-8"), "html.parser").select(
            "nav.md-nav--primary a.md-nav__link"
        )
        assert page_url(language, VERSIONS_PAGE) in [resolve(home, attr(a, "href")) for a in nav]


def test_the_real_clauses_json_carries_the_version(site: Path) -> None:
    document = json.loads((site / "clauses.json").read_text(encoding="utf-8"))
    assert document["version"] == FIRST_DATE
    assert [(v["retrieved"], v["url"], list(v["pages"])) for v in document["versions"]] == [
        (FIRST_DATE, "https://ti.qq.com/tim/serverinfo.html", ["zh", "en"])
    ]
    clauses = [clause for section in document["sections"] for clause in section["clauses"]]
    parts = document["preamble"] + clauses + [item for clause in clauses for item in clause["items"]]
    assert len(parts) == 4 + 38 + 12
    assert {part["unchanged_since"] for part in parts} == {FIRST_DATE}


def test_no_part_carries_an_unchanged_since_tooltip(site: Path) -> None:
    """The dates are in clauses.json and on the versions page: a tooltip on every part is noise
    for a screen reader (18 on one page)."""
    for language in LANGUAGES:
        for page in parse_language(ROOT / "docs", language):
            document = BeautifulSoup(
                (site / page_url(language, page.name).lstrip("/") / "index.html").read_text(encoding="utf-8"), "html.parser"
            )
            marked = document.select(".clause, .clause-item, .preamble")
            assert marked, page.name
            assert [element for element in marked if element.has_attr("data-unchanged-since") or element.has_attr("title")] == []


# --- Pure pieces ----------------------------------------------------------------------------


def _source(body: str, retrieved: str) -> Source:
    return Source(title="t", url="https://example.org/", retrieved=retrieved, body=body, path=Path(f"{retrieved}.zh.txt"))


def test_changes_between_versions_name_exactly_the_parts_by_number() -> None:
    first, second = read_version(read_source(ROOT / CURRENT_SOURCE)), read_version(read_source(RETRIEVAL))
    assert [(change.kind, change.key) for change in changes(first, second)] == [
        ("changed", "4.3"),
        ("added", "10.3"),
        ("removed", "9.3"),
    ]


def test_unchanged_since_goes_back_to_each_parts_last_change() -> None:
    body = read_source(ROOT / CURRENT_SOURCE).body
    nine_three = next(line for line in body.split("\n") if line.startswith("9.3 "))
    second = body.replace("腾讯有权不经向您特别通知而", "腾讯有权在提前通知您后").replace(f"\n\n{nine_three}", "")
    nine_two = next(line for line in body.split("\n") if line.startswith("9.2 "))
    third = second.replace(nine_two, f"{nine_two}\n\n{nine_three}")  # 9.3 back, with its old text
    versions = [
        read_version(_source(text, date)) for text, date in ((body, "2022-01-23"), (second, "2023-01-01"), (third, "2024-01-01"))
    ]
    assert [change.key for change in changes(versions[1], versions[2])] == ["9.3"]
    since = unchanged_since(versions)
    assert since["4.2"] == "2022-01-23"
    assert since["4.3"] == "2023-01-01"  # changed in the second version, the same since
    assert since["9.3"] == "2024-01-01"  # absent from the second version: its text is new again
    assert since["title"] == "2022-01-23"


def test_diff_marks_exactly_what_changed() -> None:
    before, after = diff("腾讯有权不经向您特别通知而对软件进行更新", "腾讯有权在提前通知您后对软件进行更新", "zh")
    assert before == [(True, "腾讯有权"), (False, "不经向您特别"), (True, "通知"), (False, "而"), (True, "对软件进行更新")]
    assert after == [(True, "腾讯有权"), (False, "在提前"), (True, "通知"), (False, "您后"), (True, "对软件进行更新")]
    before, after = diff("update it without giving you notice, or", "update it after notifying you, or <b>", "en")
    # words, and the space between two changed words
    assert before == [(True, "update it "), (False, "without giving"), (True, " you"), (False, " notice"), (True, ", or")]
    assert after == [(True, "update it "), (False, "after notifying"), (True, " you, or"), (False, " <b>")]


FRONT_MATTER = (
    "---\ntitle: TIM软件许可及服务协议\nurl: https://ti.qq.com/tim/serverinfo.html\nclipped_at: 2022-01-23 13:43:36\n---\n\n# T\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("# T\n\n一、协议范围\n", ":1: expected front matter: a first line '---'"),
        ("---\ntitle: T\nurl: u\nclipped_at: 2022-01-23\n# T\n", ":5: the front matter opened on line 1 is not closed"),
        (
            FRONT_MATTER.replace("clipped_at: 2022-01-23 13:43:36\n", ""),
            ":4: the front matter has no clipped_at: expected a line like 'clipped_at: 2022-01-23 13:43:36'",
        ),
        (FRONT_MATTER.replace("url: https://ti.qq.com/tim/serverinfo.html\n", ""), ":4: the front matter has no url"),
        (
            FRONT_MATTER.replace("2022-01-23 13:43:36", "23.1.2022"),
            ":4: clipped_at '23.1.2022' does not start with a date: expected YYYY-MM-DD",
        ),
        (FRONT_MATTER.replace("2022-01-23", "2022-02-30"), ":4: clipped_at '2022-02-30 13:43:36' does not start with a date"),
        (FRONT_MATTER.replace("\n# T\n", "\n"), ":5: no agreement text after the front matter"),
    ],
)
def test_read_source_says_where_the_front_matter_is_wrong(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "retrieved.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ParseError) as error:
        read_source(path)
    assert f"{path.as_posix()}{expected}" in str(error.value)


def test_read_source_reads_the_current_source() -> None:
    source = read_source(ROOT / CURRENT_SOURCE)
    assert (source.title, source.url, source.retrieved, source.body_line) == (
        "TIM软件许可及服务协议",
        "https://ti.qq.com/tim/serverinfo.html",
        FIRST_DATE,
        11,
    )
    assert source.body.startswith("# TIM软件许可及服务协议\n\n欢迎您使用") and source.body.endswith("腾讯公司")
    assert parse_source(FRONT_MATTER, Path("x")).body == "# T"


# --- Importing the made-up retrieval --------------------------------------------------------


# Each step's outcome in the imported copy of the project (the fixture `imported`), by step.
Imported = TypedDict(
    "Imported",
    {
        "project": Path,
        "before": dict[str, bytes],
        "import": subprocess.CompletedProcess[str],
        "after_import": dict[str, bytes],
        "check_after_import": tuple[int, dict[str, Any]],
        "check_after_revision": tuple[int, dict[str, Any]],
        "confirm": subprocess.CompletedProcess[str],
        "check_after_confirm": tuple[int, dict[str, Any]],
        "record": subprocess.CompletedProcess[str],
        "check_after_record": subprocess.CompletedProcess[str],
    },
)


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Imported:
    """A copy of the project through a maintainer's and a translator's steps: import the
    made-up retrieval, check, revise the English, confirm, check, record the English, check.
    Each step's outcome."""
    project = copy_project(tmp_path_factory.mktemp("imported") / "project")
    before = tree(project)
    import_result = run(project, "scripts.import_retrieval", str(RETRIEVAL))
    after_import = tree(project)
    check_after_import = check_json(project)
    revise_english(project)
    index_new_parts(project)
    check_after_revision = check_json(project)
    confirm = run(project, "scripts.translation_lock", "confirm", "4.3", "10.3")
    check_after_confirm = check_json(project)
    record = run(project, "scripts.english_records", "record", "--date", SECOND_ENGLISH)
    check_after_record = run(project, "scripts.check_clauses")
    return {
        "project": project,
        "before": before,
        "import": import_result,
        "after_import": after_import,
        "check_after_import": check_after_import,
        "check_after_revision": check_after_revision,
        "confirm": confirm,
        "check_after_confirm": check_after_confirm,
        "record": record,
        "check_after_record": check_after_record,
    }


@pytest.fixture(scope="module")
def imported_site(imported: Imported) -> Path:
    """The copy after those steps, built (the last step)."""
    site = imported["project"].parent / "site"
    result = build_site(imported["project"], site)
    assert result.returncode == 0, result.stderr
    return site


def test_import_keeps_both_retrievals_and_regenerates_the_chinese_pages(imported: Imported) -> None:
    result, project = imported["import"], imported["project"]
    assert result.returncode == 0, result.stderr
    assert (project / CURRENT_SOURCE).read_bytes() == RETRIEVAL.read_bytes()
    assert (project / "source" / "earlier" / f"{FIRST_DATE}.zh.txt").read_bytes() == (ROOT / CURRENT_SOURCE).read_bytes()
    named, _ = expected_pages(read_source(RETRIEVAL), page_names(ROOT / "docs" / "zh"))
    assert {name: (project / "docs" / "zh" / name).read_bytes() for name in named} == {
        name: d.markdown.encode("utf-8") for name, d in named.items()
    }
    before, after = imported["before"], imported["after_import"]
    changed = sorted(path for path in after if before.get(path) != after[path])
    assert changed == [
        "docs/zh/04-software-updates.md",
        "docs/zh/09-third-parties.md",
        "docs/zh/10-user-conduct.md",
        f"source/earlier/{FIRST_DATE}.zh.txt",
        CURRENT_SOURCE.as_posix(),
    ]  # fmt: skip: the English as it stood is in its records already (translation/english/)
    assert set(before) <= set(after), "nothing removed"
    assert [line for line in result.stdout.splitlines() if re.match(r"(changed|added|removed): ", line)] == [
        "changed: 4.3",
        "added: 10.3",
        "removed: 9.3",
    ]


def test_after_the_import_the_check_names_each_english_part_to_revise(imported: Imported) -> None:
    status, report = imported["check_after_import"]
    assert status == 1
    found = [(p["language"], p["file"], p["line"], p["clause"]) for p in report["problems"] if p["language"] == "en"]
    assert found == [
        ("en", "docs/en/04-software-updates.md", 7, "4.3"),
        ("en", "docs/en/09-third-parties.md", 7, "9.3"),
        ("en", "docs/en/10-user-conduct.md", 19, "10.3"),
    ]
    # The subject index too: 9.3 is gone from the text, 10.3 under no topic yet (index_new_parts).
    indexed = {(p["clause"], p["message"].split(":")[0]) for p in report["problems"] if p["language"] == "topics"}
    assert ("10.3", "10.3 is under no topic") in indexed and any(
        "'9.3'" in p["message"] for p in report["problems"] if p["language"] == "topics"
    )
    assert report["problems"][0]["message"].startswith(
        f"translated from an older Chinese text (that of {FIRST_DATE}); zh has the current text at docs/zh/04-software-updates.md:7"
    )
    assert report["problems"][0]["message"].endswith("make confirm PART=4.3")


def test_revised_english_is_stale_until_confirmed_then_the_check_passes(imported: Imported) -> None:
    status, report = imported["check_after_revision"]
    assert status == 1
    unrecorded = "English not recorded: it differs from translation/english/2026-12-06.en.json"
    assert [(p["file"], p["line"], p["clause"], p["message"].split(";")[0]) for p in report["problems"]] == [
        ("docs/en/04-software-updates.md", 7, "4.3", f"translated from an older Chinese text (that of {FIRST_DATE})"),
        ("docs/en/04-software-updates.md", 7, "4.3", unrecorded),
        ("docs/en/10-user-conduct.md", 21, "10.3", "no record of the Chinese text it translates"),
        ("docs/en/10-user-conduct.md", 21, "10.3", unrecorded),
        (
            "translation/english/2026-12-06.en.json",
            1,
            "9.3",
            "English not recorded: the record holds English for a part no page has",
        ),
    ]
    assert imported["confirm"].returncode == 0, imported["confirm"].stderr
    status, report = imported["check_after_confirm"]  # confirmed, not yet recorded
    assert {p["message"].split(";")[0] for p in report["problems"]} == {
        unrecorded,
        "English not recorded: the record holds English for a part no page has",
    }
    assert imported["record"].returncode == 0, imported["record"].stderr
    assert imported["check_after_record"].returncode == 0, imported["check_after_record"].stderr
    lock = read_lock(imported["project"] / LOCK_FILE)
    assert "9.3" not in lock and lock["10.3"] == chinese_hash("您不得利用本软件从事危害网络安全或者侵害他人合法权益的活动。")


def _agreement_paragraphs(site: Path, language: str, pages: list[AgreementPage]) -> list[str]:
    paragraphs: list[str] = []
    for page in pages:
        document = BeautifulSoup(
            (site / page_url(language, page.name).lstrip("/") / "index.html").read_text(encoding="utf-8"), "html.parser"
        )
        for added in document.select(".agreement-text .parallel-link"):
            added.decompose()
        paragraphs += [element.get_text() for element in document.select(".agreement-text > h1, .agreement-text > p")]
    return paragraphs


def test_the_built_copy_carries_the_new_retrieval_word_for_word(imported: Imported, imported_site: Path) -> None:
    expected = [
        re.sub(r"\\(.)", r"\1", re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", p.removeprefix("# ")))
        for p in read_source(RETRIEVAL).body.split("\n\n")
    ]
    pages = parse_language(imported["project"] / "docs", "zh")
    assert _agreement_paragraphs(imported_site, "zh", pages) == expected


def test_the_copys_clauses_json_dates_each_part(imported_site: Path) -> None:
    document = json.loads((imported_site / "clauses.json").read_text(encoding="utf-8"))
    assert document["version"] == SECOND_DATE
    assert [v["retrieved"] for v in document["versions"]] == [FIRST_DATE, SECOND_DATE]
    since = {clause["anchor"]: clause["unchanged_since"] for section in document["sections"] for clause in section["clauses"]}
    assert since["4.3"] == since["10.3"] == SECOND_DATE
    assert "9.3" not in since
    assert {anchor for anchor, date in since.items() if date == SECOND_DATE} == {"4.3", "10.3"}


@pytest.fixture(scope="module")
def imported_url(imported_site: Path) -> Iterator[str]:
    with serve(imported_site) as url:
        yield url


def test_the_versions_page_shows_both_versions_and_each_change(page: Page, imported_url: str) -> None:
    page.goto(f"{imported_url}/versions/")
    headings = page.locator(".versions .version h2")
    assert headings.all_inner_texts() == [f"{SECOND_DATE} （现行文本）", FIRST_DATE]
    first_visible = page.locator(".version p").first
    assert (
        first_visible.is_visible()
        and "https://ti.qq.com/tim/serverinfo.html" in first_visible.inner_text()
        and SECOND_DATE in first_visible.inner_text()
    )
    listed = {kind: page.locator(f".version-{kind} > li > p").all_inner_texts() for kind in ("changed", "added", "removed")}
    assert listed == {
        "changed": ["第4.3款 · 四、软件更新"],
        "added": ["第10.3款 · 十、用户行为"],
        "removed": ["第9.3款 · 九、第三方"],
    }
    changed = page.locator(".version-changed")
    assert changed.locator("del").all_inner_texts() == ["不经向您特别", "而"]
    assert changed.locator("ins").all_inner_texts() == ["在提前", "您后"]
    assert changed.locator("del").first.evaluate("e => getComputedStyle(e).textDecorationLine") == "line-through"
    assert page.locator(".version-removed dd").inner_text().startswith("如因本软件使用的第三方软件或技术引发的任何纠纷")
    page.locator(".version-changed a", has_text="第4.3款").click()
    page.wait_for_url(f"{imported_url}/04-software-updates/#4.3")
    assert page.locator('[id="4.3"]').evaluate("element => element.matches(':target')")


def test_the_english_versions_page_shows_the_english_change_too(page: Page, imported_url: str) -> None:
    page.goto(f"{imported_url}/en/versions/")
    assert page.locator(".versions .version h2").all_inner_texts() == [f"{SECOND_DATE} (current text)", FIRST_DATE]
    changed = page.locator(".version-changed li")
    assert changed.locator("p").inner_text() == "Clause 4.3 · 4. Software Updates"
    assert changed.locator("dt").all_inner_texts() == ["Chinese before", "Chinese now", "English before", "English now"]
    assert " ".join(changed.locator('dd[lang="en"] del').all_inner_texts()).split() == ["without", "specific", "notice", "to"]
    assert " ".join(changed.locator('dd[lang="en"] ins').all_inner_texts()).split() == ["after", "notifying", "in", "advance"]
    assert changed.locator('dd[lang="zh-Hans"] ins').all_inner_texts() == ["在提前", "您后"]
    added = page.locator(".version-added li")
    assert added.locator('dd[lang="en"]').inner_text().startswith("You shall not use the Software")
    page.locator(".version-added a", has_text="Clause 10.3").click()
    page.wait_for_url(f"{imported_url}/en/10-user-conduct/#10.3")


# --- Retrievals that cannot be imported -----------------------------------------------------


def _line_of(text: str, start: str) -> int:
    return next(number for number, line in enumerate(text.split("\n"), 1) if line.startswith(start))


# Each case: how it damages the retrieval, the line the message names and the message, each of
# the damaged text (read when the test runs, not at import).
# Each case: how it damages the retrieval, the line the error names, and the error (each of the text).
UNPARSEABLE: dict[str, tuple[Callable[[str], str], Callable[[str], int], Callable[[str], str]]] = {
    "no front matter": (lambda t: t.split("---\n", 2)[2], lambda t: 1, lambda t: "expected front matter: a first line '---'"),
    "no clipped_at": (lambda t: t.replace("clipped_at: 2024-03-01 09:30:00\n", ""), lambda t: 7, lambda t: "the front matter has no clipped_at"),
    "no space after a clause number": (
        lambda t: t.replace("4.3 为了", "4.3为了"), lambda t: _line_of(t, "4.3"),
        lambda t: "4.3: clause number '4.3' is followed by '为', not a space; put a space after 4.3",
    ),
    "a section heading without its 、": (
        lambda t: t.replace("五、软件获取", "五 软件获取"), lambda t: _line_of(t, "5.1 "),
        lambda t: f"clause 5.1 stands under the heading '四、软件更新' (line {_line_of(t, '四、软件更新')}): expected the heading of section 5, '五、…', before it",
    ),
    "a gap in the clause numbers": (
        lambda t: t.replace("\n4.4 ", "\n4.5 "), lambda t: _line_of(t, "4.5 "), lambda t: "4.5: gap in clause numbering: 4.3 is followed by 4.5",
    ),
    "a duplicate clause": (
        lambda t: t.replace("\n4.4 ", "\n4.3 "), lambda t: _line_of(t, "4.3 本软件新版本"),
        lambda t: f"4.3: duplicate clause; it first appears at {{retrieval}}:{_line_of(t, '4.3 ')}",
    ),
    "raw HTML in a clause": (
        lambda t: t.replace("4.3 为了", "4.3 <b>为了</b>"), lambda t: _line_of(t, "4.3 "),
        lambda t: "4.3: raw HTML '<b>'; agreement text is plain text and links only",
    ),
    "a paragraph over two lines": (
        lambda t: t.replace("，或者对软件的部分功能", "，\n或者对软件的部分功能"), lambda t: _line_of(t, "或者对软件的部分功能"),
        lambda t: "expected a blank line before this one: each paragraph is one line",
    ),
    "a section with no page yet": (
        lambda t: t.rstrip("\n").removesuffix("腾讯公司") + "十三、附则\n\n13.1 本协议自发布之日起生效。\n\n腾讯公司\n", lambda t: _line_of(t, "十三、附则"),
        lambda t: "section 13 (十三、附则) has no page yet: expected a file docs/zh/13-<english-slug>.md",
    ),
}  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize("case", UNPARSEABLE)
def test_a_retrieval_that_cannot_be_split_stops_with_its_place_and_writes_nothing(tmp_path: Path, case: str) -> None:
    damage, line, message = UNPARSEABLE[case]
    project = copy_project(tmp_path / "project")
    before = tree(project)
    retrieval = tmp_path / "retrieved.txt"
    original = RETRIEVAL.read_text(encoding="utf-8")
    text = damage(original)
    assert text != original
    retrieval.write_text(text, encoding="utf-8")
    result = run(project, "scripts.import_retrieval", str(retrieval))
    assert result.returncode == 2
    expected = message(text).format(retrieval=retrieval.as_posix())
    assert f"{retrieval.as_posix()}:{line(text)}: " in result.stderr and expected in result.stderr, result.stderr
    assert tree(project) == before


@pytest.mark.slow
def test_a_different_retrieval_of_a_date_already_kept_is_refused(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    before = tree(project)
    retrieval = tmp_path / "retrieved.txt"
    retrieval.write_text((ROOT / CURRENT_SOURCE).read_text(encoding="utf-8").replace("腾讯公司", "腾讯"), encoding="utf-8")
    result = run(project, "scripts.import_retrieval", str(retrieval))
    assert result.returncode == 2
    assert (
        "source/tim-agreement.zh.txt already holds a different retrieval of 2022-01-23: expected one retrieval per date"
        in result.stderr
    )
    assert tree(project) == before
    again = run(project, "scripts.import_retrieval", CURRENT_SOURCE.as_posix())
    assert again.returncode == 0 and "nothing to do" in again.stdout
    assert tree(project) == before


@pytest.mark.slow
def test_an_older_retrieval_is_kept_and_the_pages_stay(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    before = tree(project)
    retrieval = tmp_path / "retrieved.txt"
    older = (
        (ROOT / CURRENT_SOURCE)
        .read_text(encoding="utf-8")
        .replace("2022-01-23 13:43:36", "2021-06-01 08:00:00")
        .replace("腾讯有权不经向您特别通知而", "腾讯有权不经通知而")
    )
    retrieval.write_text(older, encoding="utf-8")
    result = run(project, "scripts.import_retrieval", str(retrieval))
    assert result.returncode == 0, result.stderr
    after = tree(project)
    assert {path for path in after if before.get(path) != after[path]} == {"source/earlier/2021-06-01.zh.txt"}
    assert [source.retrieved for source in read_retrievals(project)] == ["2021-06-01", FIRST_DATE]
    assert check_project(read_project(project)) == []


# --- The Chinese against the source, the English against the Chinese -------------------------


@pytest.mark.slow
def test_a_changed_chinese_character_stops_the_check_and_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    conduct = project / "docs" / "zh" / "10-user-conduct.md"
    text = conduct.read_text(encoding="utf-8")
    assert text.split("\n")[2].startswith("10.1 除非法律允许或腾讯书面许可，您不得从事")
    conduct.write_text(text.replace("您不得从事下列行为", "你不得从事下列行为", 1), encoding="utf-8")
    source_line = _line_of((ROOT / CURRENT_SOURCE).read_text(encoding="utf-8"), "10.1 ")
    expected = (
        f"zh docs/zh/10-user-conduct.md:3: 10.1: differs from the source: docs has “…或腾讯书面许可，你不得从事下列行为…”, "
        f"source/tim-agreement.zh.txt:{source_line} has “…或腾讯书面许可，您不得从事下列行为…”"
    )
    result = run(project, "scripts.check_clauses")
    assert result.returncode == 1
    assert expected in result.stderr, result.stderr
    status, report = check_json(project)
    assert status == 1
    assert {"language": "zh", "file": "docs/zh/10-user-conduct.md", "line": 3, "clause": "10.1"} in [
        {key: p[key] for key in ("language", "file", "line", "clause")} for p in report["problems"]
    ]
    build = build_site(project, tmp_path / "site")
    assert build.returncode != 0
    assert expected in build.stderr, build.stderr


@pytest.mark.slow
def test_editing_a_chinese_clause_makes_its_english_stale_until_confirmed(tmp_path: Path) -> None:
    # A maintainer corrects the transcription of clause 7.1 in the current source and its page.
    project = copy_project(tmp_path / "project")
    for path in (project / CURRENT_SOURCE, project / "docs" / "zh" / "07-qq-number.md"):
        text = path.read_text(encoding="utf-8")
        assert text.count("您需要注册QQ号码") == 1
        path.write_text(text.replace("您需要注册QQ号码", "您须注册QQ号码"), encoding="utf-8")
    status, report = check_json(project)
    assert status == 1
    assert report["count"] == 1
    problem = report["problems"][0]
    assert (problem["language"], problem["file"], problem["line"], problem["clause"]) == (
        "en",
        "docs/en/07-qq-number.md",
        3,
        "7.1",
    )
    assert problem["message"].startswith(
        "translated from an older Chinese text (one no longer kept under source/); zh has the current text at docs/zh/07-qq-number.md:3"
    )
    build = build_site(project, tmp_path / "site")
    assert build.returncode != 0
    assert "en docs/en/07-qq-number.md:3: 7.1: translated from an older Chinese text" in build.stderr, build.stderr
    lock_before = (project / LOCK_FILE).read_text(encoding="utf-8").split("\n")
    confirmed = run(project, "scripts.translation_lock", "confirm", "7.1")
    assert confirmed.returncode == 0, confirmed.stderr
    lock_after = (project / LOCK_FILE).read_text(encoding="utf-8").split("\n")
    assert [line.split("\t")[0] for line, old in zip(lock_after, lock_before, strict=True) if line != old] == ["7.1"]
    assert run(project, "scripts.check_clauses").returncode == 0


@pytest.mark.slow
def test_confirm_refuses_a_part_that_is_not_in_both_languages(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    before = tree(project)
    result = run(project, "scripts.translation_lock", "confirm", "4.3", "10.3")
    assert result.returncode == 2
    assert "10.3: the Chinese has no such part" in result.stderr
    assert tree(project) == before


@pytest.mark.slow
def test_a_malformed_lock_line_is_named_by_the_check(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    lock = project / LOCK_FILE
    lines = lock.read_text(encoding="utf-8").split("\n")
    at = next(number for number, line in enumerate(lines, 1) if line.startswith("4.3\t"))
    lines[at - 1] = "4.3 0123"
    lock.write_text("\n".join(lines), encoding="utf-8")
    result = run(project, "scripts.check_clauses", "--json")
    assert result.returncode == 2
    assert json.loads(result.stdout)["error"].startswith(
        f"translation/translated-from.txt:{at}: expected a part, a tab and 16 hex digits"
    )


@pytest.mark.slow
def test_a_source_without_clipped_at_stops_the_build_with_its_place(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    source = project / CURRENT_SOURCE
    source.write_text(source.read_text(encoding="utf-8").replace("clipped_at: 2022-01-23 13:43:36\n", ""), encoding="utf-8")
    expected = "source/tim-agreement.zh.txt:7: the front matter has no clipped_at: expected a line like 'clipped_at: 2022-01-23 13:43:36'"
    build = build_site(project, tmp_path / "site")
    assert build.returncode != 0
    assert expected in build.stderr and "KeyError" not in build.stderr, build.stderr
    check = run(project, "scripts.check_clauses")
    assert check.returncode == 2 and expected in check.stderr, check.stderr


def test_versions_page_links_resolve_to_parts_of_the_current_text(imported_site: Path) -> None:
    for language in LANGUAGES:
        here = page_url(language, VERSIONS_PAGE)
        document = BeautifulSoup((imported_site / here.lstrip("/") / "index.html").read_text(encoding="utf-8"), "html.parser")
        for link in document.select(".version-changes a"):
            target = urlsplit(attr(link, "href"))
            page = BeautifulSoup(
                (imported_site / f"{here}{target.path}".lstrip("/") / "index.html").read_text(encoding="utf-8"), "html.parser"
            )
            assert not target.fragment or page.find(id=target.fragment) is not None, link["href"]


@pytest.mark.slow
def test_the_versions_pages_with_changes_meet_the_quality_bar(page: Page, imported_site: Path, imported_url: str) -> None:
    """axe-core and the Nu Html Checker on both versions pages of the copy, where diffs are shown
    (tests/test_quality.py checks every page of the real site, which has one version)."""
    from axe_playwright_python.sync_playwright import Axe

    files = []
    for language in LANGUAGES:
        here = page_url(language, VERSIONS_PAGE)
        page.goto(f"{imported_url}{here}")
        violations = Axe().run(page).response["violations"]
        assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations] == [], here
        files.append(str(imported_site / here.lstrip("/") / "index.html"))
    java, vnu = shutil.which("java"), ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
    assert java and vnu.exists(), "the Nu Html Checker needs java and npm ci (make test installs both)"
    result = subprocess.run(
        [java, "-jar", str(vnu), "--format", "json", "--exit-zero-always", "--stdout", *files],
        capture_output=True,
        text=True,
        check=False,
    )
    errors = [
        f"{m.get('url')}:{m.get('lastLine')}: {m['message']}"
        for m in json.loads(result.stdout)["messages"]
        if m["type"] != "info" and not is_materials_toggle_autocomplete(m)
    ]
    assert errors == []


@pytest.mark.slow
def test_a_section_no_longer_retrieved_loses_its_chinese_page(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    text = (ROOT / CURRENT_SOURCE).read_text(encoding="utf-8").replace("2022-01-23 13:43:36", "2024-06-01 12:00:00")
    retrieval = tmp_path / "retrieved.txt"
    retrieval.write_text(text.split("\n\n十二、其他", 1)[0] + "\n", encoding="utf-8")  # sections 1 to 11
    result = run(project, "scripts.import_retrieval", str(retrieval))
    assert result.returncode == 0, result.stderr
    assert not (project / "docs" / "zh" / "12-miscellaneous.md").exists()
    assert "removed 12-miscellaneous.md (no such section any more): take it out of nav in mkdocs.yml" in result.stdout
    assert "removed: section-12, 12.1, 12.2, 12.3, 12.4, 12.5, 12.6, 12.7, section-12-paragraph-1" in result.stdout
    status, report = check_json(project)
    assert status == 1
    problems = [(p["language"], p["file"], p["clause"]) for p in report["problems"] if p["language"] != "topics"]
    assert problems == [
        ("en", "docs/en/12-miscellaneous.md", "section 12"),
        # the notes on 12.2 and 12.7 name parts that are gone
        ("notes", "translation/notes.yml", "12.2"),
        ("notes", "translation/notes.yml", "12.7"),
    ]
    # and so does every topic that pointed into section 12, each pointer named
    pointers = {
        (p["clause"], re.findall(r"points to '([^']+)'", p["message"])[0])
        for p in report["problems"]
        if p["language"] == "topics"
    }
    assert ("governing-law", "12.4") in pointers
    assert {target.split("-")[0].rsplit(".", 1)[0] for _, target in pointers} == {"12"}
