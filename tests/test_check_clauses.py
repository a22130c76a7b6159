"""The parity check: one fixture per problem it must catch, the real pages, the build.

Each fixture is an overlay on one small consistent project (fixtures/check_clauses/consistent):
the pages it changes, a removed.txt naming the pages it takes away, and expected.txt, the
command's whole output and, on its last line, its exit status."""

from __future__ import annotations

import functools
import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scripts.check_clauses import check_pages, main, unpaired_pages
from scripts.clauses import Clause, Page, parse_language, parse_markdown
from scripts.languages import LANGUAGES
from tests.nginx import free_port
from tests.support import ROOT, build_site, copy_project, start_mkdocs_serve

FIXTURES = Path(__file__).parent / "fixtures" / "check_clauses"
BASE = FIXTURES / "consistent"
CASES = sorted(path.name for path in FIXTURES.iterdir())


def fixture_project(case: str, destination: Path) -> Path:
    """The consistent base with one case's pages laid over it and its removed pages taken away."""
    shutil.copytree(BASE / "docs", destination / "docs")
    removed = FIXTURES / case / "removed.txt"
    for name in removed.read_text(encoding="utf-8").split() if removed.exists() else []:
        (destination / name).unlink()
    if (FIXTURES / case / "docs").exists():
        shutil.copytree(FIXTURES / case / "docs", destination / "docs", dirs_exist_ok=True)
    return destination


@pytest.fixture
def in_fixture(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Work in a fixture case's project: in_fixture("clause_missing")."""

    def enter(case: str) -> Path:
        project = fixture_project(case, tmp_path / case)
        monkeypatch.chdir(project)
        return project

    return enter


@pytest.mark.parametrize("case", CASES)
def test_check_reports_exactly_the_expected_problems(
    case: str, in_fixture: Callable[[str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    in_fixture(case)
    status = main([])
    output = capsys.readouterr()
    expected = (FIXTURES / case / "expected.txt").read_text(encoding="utf-8")
    assert output.out + output.err + f"exit {status}\n" == expected


def test_every_kind_of_problem_has_a_fixture() -> None:
    kinds = {"page_missing", "page_extra", "section_gap", "section_out_of_order", "section_number_differs",
             "clause_missing", "clause_extra", "clause_duplicated", "clause_out_of_order", "clause_gap",
             "clause_wrong_section", "item_missing", "item_extra", "item_duplicated", "item_out_of_order",
             "clause_no_text", "item_no_text", "links_differ", "numbers_differ", "fullwidth_digits",
             "lookalike_dot", "fullwidth_item", "no_space_after_number", "item_no_space", "item_wrong_brackets",
             "paragraph_missing", "paragraph_split", "preamble_numbers_differ", "parse_error_no_title",
             "parse_error_section_title", "consistent"}  # fmt: skip
    assert kinds <= set(CASES)


def test_json_output_lists_each_problem_with_its_place(
    in_fixture: Callable[[str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    in_fixture("clause_wrong_section")
    assert main(["--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["count"] == 2
    assert report["problems"][1] == {
        "language": "en",
        "file": "docs/en/02-conduct.md",
        "line": 11,
        "clause": "3.2",
        "message": "clause 3.2 is on the page of section 2; zh has no 3.2",
    }


def test_json_output_of_a_page_that_cannot_be_parsed(
    in_fixture: Callable[[str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    in_fixture("parse_error_no_title")
    assert main(["--json"]) == 2
    assert "docs/en/01-scope.md:1" in json.loads(capsys.readouterr().out)["error"]


def test_the_real_pages_are_consistent(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(ROOT)
    assert main([]) == 0, capsys.readouterr().err


# Property: any structural damage to a copy of the real pages is caught.
@functools.cache
def real_pages() -> dict[str, list[Page]]:
    return {language: parse_language(ROOT / "docs", language) for language in LANGUAGES}


def _numbered_lines(page: Page) -> list[int]:
    return [part.line for part in page.numbered]


def _damage(page: Page, mutation: str, data: st.DataObject) -> str:
    """The page's Markdown with one numbered line deleted, duplicated, swapped or renumbered; every
    choice is drawn from Hypothesis, so a failure shrinks to the first clause and smallest change."""
    lines = page.path.read_text(encoding="utf-8").split("\n")
    numbered = _numbered_lines(page)
    target = data.draw(st.sampled_from(numbered), label="line")
    if mutation == "delete":
        del lines[target - 1]
    elif mutation == "duplicate":
        lines.insert(target, "\n" + lines[target - 1])
    elif mutation == "swap":
        other = data.draw(st.sampled_from([n for n in numbered if n != target]), label="other line")
        lines[target - 1], lines[other - 1] = lines[other - 1], lines[target - 1]
    else:  # renumber
        part = next(part for part in page.numbered if part.line == target)
        current = part.number
        new = data.draw(st.sampled_from([n for n in range(1, 12) if n != current]), label="new number")
        label = f"{part.section}.{new}" if isinstance(part, Clause) else part.label.replace(str(current), str(new))
        lines[target - 1] = lines[target - 1].replace(part.label, label, 1)
    return "\n".join(lines)


@settings(max_examples=200, deadline=None)
@given(language=st.sampled_from(LANGUAGES), mutation=st.sampled_from(["delete", "duplicate", "swap", "renumber"]), data=st.data())
def test_any_damage_to_clauses_or_items_is_caught(language: str, mutation: str, data: st.DataObject) -> None:
    pages = {lang: list(real_pages()[lang]) for lang in LANGUAGES}
    index = data.draw(
        st.sampled_from([i for i, page in enumerate(pages[language]) if len(_numbered_lines(page)) >= 2]), label="page"
    )
    page = pages[language][index]
    pages[language][index] = parse_markdown(_damage(page, mutation, data), language, page.path)
    assert check_pages(pages), f"{mutation} in {language} {page.name} went unnoticed"


def test_the_real_pages_pass_the_same_check() -> None:
    assert check_pages(real_pages()) == []


NESTED_PAGES = ["glossary/index.md", "versions/index.md", "full/index.md", "parallel/index.md", "parallel/3.md"]


@pytest.mark.parametrize("name", NESTED_PAGES)
@pytest.mark.parametrize(("missing", "having"), [("en", "zh"), ("zh", "en")])
def test_a_page_in_one_language_only_is_reported_with_both_paths(tmp_path: Path, name: str, missing: str, having: str) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    (docs / missing / name).unlink()
    assert [str(problem) for problem in unpaired_pages(docs)] == [
        f"{missing} {(docs / missing / name).as_posix()}:1: page: page missing; {having} has "
        f"{(docs / having / name).as_posix()}: every page exists in every language"
    ]


def test_the_real_pages_exist_in_both_languages() -> None:
    assert unpaired_pages(ROOT / "docs") == []


@pytest.mark.slow
def test_build_without_a_translated_page_stops_naming_both_paths(tmp_path: Path) -> None:
    """Without the i18n plugin's fallback the original is never published under the translation's
    address; the check says which page to write."""
    project = copy_project(tmp_path / "project")
    (project / "docs" / "en" / "glossary" / "index.md").unlink()
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    assert (
        "en docs/en/glossary/index.md:1: page: page missing; zh has docs/zh/glossary/index.md: every page exists in every language"
        in result.stderr
    )
    assert not (tmp_path / "site").exists()


@pytest.mark.slow
def test_build_of_a_broken_copy_stops_with_the_message(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    conduct = project / "docs" / "en" / "10-user-conduct.md"
    conduct.write_text(conduct.read_text(encoding="utf-8").replace("10.2 ", "10.3 "), encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    assert (
        "en docs/en/10-user-conduct.md:3: 10.2: clause missing after 10.1; zh has it at docs/zh/10-user-conduct.md:19"
        in result.stderr
    )
    assert "10.3: extra clause; zh has no clause 10.3 in docs/zh/10-user-conduct.md:1; should it be 10.2?" in result.stderr


@pytest.mark.slow
def test_serve_of_a_broken_copy_shows_the_message(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    conduct = project / "docs" / "en" / "10-user-conduct.md"
    conduct.write_text(conduct.read_text(encoding="utf-8").replace("10.2 ", "10.3 "), encoding="utf-8")
    server = start_mkdocs_serve(project, f"127.0.0.1:{free_port()}")
    try:  # serve stops at its first build when the check fails; a serve that keeps running fails here
        log, _ = server.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        server.kill()
        log = server.communicate()[0]
        pytest.fail(f"mkdocs serve kept serving a broken copy:\n{log}")
    assert server.returncode != 0
    assert "en docs/en/10-user-conduct.md:3: 10.2: clause missing after 10.1" in log, log
    assert "should it be 10.2?" in log
