"""What the build will publish: agreement text the model vouches for, or nothing.

Each hostile copy of the project puts one thing outside the allow-list (scripts/markup.py) into
the English pages, the way a careless or malicious pull request would; the build must stop and
name the file, the line, the clause and the offending text. What the allow-list accepts is
published exactly as written. A failed build never replaces the previous site.
"""

from __future__ import annotations

import filecmp
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Page

from scripts.check_clauses import check_project
from scripts.english_records import record
from scripts.project import read_project
from tests.nginx import serve
from tests.support import build_site, clipboard_text, copy_pages, copy_project, one

CLOSING = ("12-miscellaneous.md", "Tencent")  # the closing line: no digits, so no number check sees it
CLAUSE = ("10-user-conduct.md", "10.1 ")
ITEM = ("10-user-conduct.md", "(2) ")
PREAMBLE = ("index.md", "Welcome")

# (name, where, how the line is changed, the clause the problem names, what the message says)
HOSTILE: list[tuple[str, tuple[str, str], Callable[[str], str], str, str]] = [
    (
        "script",
        CLOSING,
        lambda line: line + "<script>location.href='https://example.com'</script>",
        "paragraph 1",
        "raw HTML '<script>'",
    ),
    ("script block", CLOSING, lambda line: "<script>alert(1)</script>", "paragraph 1", "a raw HTML block"),
    (
        "event handler",
        CLAUSE,
        lambda line: line + ' <img src="x" onerror="alert(1)">',
        "10.1",
        'raw HTML \'<img src="x" onerror="alert(1)">\'',
    ),
    ("iframe", ITEM, lambda line: line + ' <iframe src="https://example.com"></iframe>', "10.1 item (2)", "raw HTML '<iframe"),
    ("style", PREAMBLE, lambda line: line + " <style>body{display:none}</style>", "preamble-1", "raw HTML '<style>'"),
    ("titled link", CLAUSE, lambda line: line + ' [law](https://example.com "law")', "10.1", "link with a title 'law'"),
    ("autolink", CLAUSE, lambda line: line + " <https://example.com>", "10.1", "autolink <https://example.com>"),
    (
        "raw link",
        CLOSING,
        lambda line: line + ' <a href="https://example.com">law</a>',
        "paragraph 1",
        "raw HTML '<a href=\"https://example.com\">'",
    ),
    (
        "reference link",
        CLOSING,
        lambda line: line + " [law][1]\n\n[1]: https://example.com",
        "paragraph 2",
        "reference-style link definition [1]: https://example.com",
    ),
    (
        "script link",
        CLAUSE,
        lambda line: line + " [law](javascript:alert(1))",
        "10.1",
        "square brackets outside a link",
    ),  # CommonMark refuses javascript: links
    ("attr_list id", CLAUSE, lambda line: line + " law{ #agreement-config }", "10.1", "attr_list braces '{ #agreement-config }'"),
    (
        "attr_list event",
        CLOSING,
        lambda line: line + "{: onclick=alert(1) }",
        "paragraph 1",
        "attr_list braces '{: onclick=alert(1) }'",
    ),
    ("emphasis", CLAUSE, lambda line: line + " *law*", "10.1", "emphasis '*'"),
    ("code span", CLAUSE, lambda line: line + " `law`", "10.1", "a code span 'law'"),
    ("entity", CLAUSE, lambda line: line + " &amp;", "10.1", "HTML entity '&amp;'"),
    ("image", CLAUSE, lambda line: line + " ![x](https://example.com/x.png)", "10.1", "an image"),
    ("indentation", PREAMBLE, lambda line: "    " + line, "preamble-1", "a block indented by four or more spaces"),
    ("title hashes", ("10-user-conduct.md", "# 10."), lambda line: line + " #", "title", "title written '# 10. User Conduct #'"),
    (
        "bidi override",
        CLAUSE,
        lambda line: line + " \u202egnp.exe",
        "10.1",
        "character U+202E (RIGHT-TO-LEFT OVERRIDE) is not text",
    ),
    ("control character", ITEM, lambda line: line + "\u0007", "10.1 item (2)", "character U+0007"),
    ("zero-width space", CLOSING, lambda line: line + "\u200b", "paragraph 1", "character U+200B (ZERO WIDTH SPACE)"),
    ("two-line paragraph", CLAUSE, lambda line: line + "\nand more", "10.1", "paragraph runs over lines"),
    ("markdown list", CLOSING, lambda line: "1. " + line, "paragraph 1", "a numbered Markdown list"),
]


def edit_line(project: Path, language: str, where: tuple[str, str], change: Callable[[str], str]) -> int:
    """Change the first line of a page that starts with a given text; returns its line number."""
    path = project / "docs" / language / where[0]
    lines = path.read_text(encoding="utf-8").split("\n")
    number = next(n for n, line in enumerate(lines) if line.startswith(where[1]))
    lines[number] = change(lines[number])
    path.write_text("\n".join(lines), encoding="utf-8")
    return number + 1


@pytest.mark.parametrize(
    ("where", "change", "clause", "message"), [case[1:] for case in HOSTILE], ids=[case[0] for case in HOSTILE]
)
def test_hostile_english_is_reported_with_file_line_clause_and_text(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    where: tuple[str, str],
    change: Callable[[str], str],
    clause: str,
    message: str,
) -> None:
    """The check the build runs (scripts/check_clauses.py), called as the build calls it."""
    project = copy_pages(tmp_path / "project")
    line = edit_line(project, "en", where, change)
    expected_line = line + 2 if clause == "paragraph 2" else line  # a definition stands two lines below
    monkeypatch.chdir(project)  # paths in messages are relative to the working directory, as in the build
    problems = "\n".join(str(problem) for problem in check_project(read_project(project)))
    assert f"en docs/en/{where[0]}:{expected_line}: {clause}: {message}" in problems, problems


@pytest.mark.slow
def test_hostile_english_stops_the_build_and_writes_no_site(tmp_path: Path) -> None:
    """The build runs that check and stops: one case end to end (the others, through the check above)."""
    project = copy_project(tmp_path / "project")
    line = edit_line(project, "en", CLOSING, lambda text: text + "<script>location.href='https://example.com'</script>")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 1, result.stderr
    assert f"en docs/en/12-miscellaneous.md:{line}: paragraph 1: raw HTML '<script>'" in result.stderr, result.stderr
    assert not (tmp_path / "site").exists(), "a failed build wrote a site"


# Cases that change a page's block structure (lines added, a block opened): applied together they
# would shift or swallow each other's lines, so the all-at-once test leaves them to the one above.
STRUCTURAL = ("reference link", "two-line paragraph", "markdown list", "indentation", "title hashes", "script block")


def test_every_hostile_input_is_reported_at_once_by_the_check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = copy_project(tmp_path / "project")
    inline = [case for case in HOSTILE if case[0] not in STRUCTURAL]
    for _name, where, change, _clause, _message in inline:
        edit_line(project, "en", where, change)
    monkeypatch.chdir(project)
    messages = [problem.message for problem in check_project(read_project(project))]
    expected = [message for *_, message in inline]
    missing = [text for text in expected if not any(text in found for found in messages)]
    assert not missing, f"not reported: {missing}\nreported: {messages}"


@pytest.mark.slow
def test_text_the_allow_list_accepts_is_published_exactly_as_written(tmp_path: Path, clipboard_page: Page) -> None:
    # A brace, a dollar pattern, a stray "<" and "&" are text: published as written, never markup.
    written = " Braces } stay, $& and {url} too, a < b & c."
    project = copy_project(tmp_path / "project")
    edit_line(project, "en", CLAUSE, lambda line: line + written)
    assert record(project, "2030-01-01"), "the revised English, recorded as publishing requires"
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    document = BeautifulSoup(
        (tmp_path / "site" / "en" / "10-user-conduct" / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    clause = one(document, '[id="10.1"]')
    assert clause.get_text().removesuffix("⇄").endswith(written)
    assert clause.find_all("a") == clause.select("a.clause-number, a.parallel-link"), "no link made from text"
    data = json.loads((tmp_path / "site" / "clauses.json").read_text(encoding="utf-8"))
    assert data["sections"][9]["clauses"][0]["text"]["en"].endswith(written)
    with serve(tmp_path / "site") as base_url:  # the copied citation keeps "$&" and "{url}" as written
        page = clipboard_page
        page.goto(f"{base_url}/en/10-user-conduct/#10.1")
        page.locator('[id="10.1"] .clause-tools__citation').click()
        page.wait_for_function("() => document.querySelector('[id=\"10.1\"] .clause-tools__citation').textContent === 'Copied'")
        citation: str = clipboard_text(page)
    # The clause's citation goes on with its items (1) to (7) after its own text.
    assert (
        f"{written} (1) " in citation
        and citation.endswith(f'"\n{base_url}/en/v/2030-01-01/10-user-conduct/#10.1')  # the English as recorded that day
        and citation.count(base_url) == 1
    )


def _previous_site(tmp_path: Path) -> tuple[Path, Path]:
    """A project and a good site built from it, with a pristine copy of that site to compare with."""
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    assert build_site(project, site).returncode == 0
    shutil.copytree(site, tmp_path / "pristine")
    return project, site


def assert_same_tree(left: Path, right: Path) -> None:
    comparison = filecmp.dircmp(left, right)
    pending = [comparison]
    while pending:
        current = pending.pop()
        assert not (current.left_only or current.right_only or current.diff_files), (
            current.left,
            current.left_only,
            current.right_only,
            current.diff_files,
        )
        _, mismatched, errors = filecmp.cmpfiles(current.left, current.right, current.common_files, shallow=False)
        assert not mismatched and not errors, (current.left, mismatched, errors)
        pending += current.subdirs.values()


@pytest.mark.slow
@pytest.mark.parametrize("quiet", [False, True], ids=["plain", "quiet"])
@pytest.mark.parametrize("failure", ["check", "strict warning"])
def test_a_failed_build_leaves_the_previous_site_byte_identical(tmp_path: Path, quiet: bool, failure: str) -> None:
    project, site = _previous_site(tmp_path)
    if failure == "check":
        edit_line(project, "en", CLAUSE, lambda line: line + " <script>alert(1)</script>")
    else:  # a broken link is a warning, which strict mode turns into a failure
        parallel = project / "docs" / "en" / "parallel" / "index.md"
        parallel.write_text(parallel.read_text(encoding="utf-8") + "\n[missing](nowhere.md)\n", encoding="utf-8")
    result = build_site(project, site, quiet=quiet)
    assert result.returncode == 1, result.stdout + result.stderr
    assert_same_tree(site, tmp_path / "pristine")
    assert not site.with_name("site.building").exists()
