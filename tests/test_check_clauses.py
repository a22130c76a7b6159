"""The parity check: one fixture folder per problem it must catch, the real pages, the build."""

from __future__ import annotations

import json
import random
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scripts.check_clauses import check_pages, main
from scripts.clauses import LANGUAGES, parse_language, parse_markdown
from tests.conftest import ROOT, build_site, copy_project, start_mkdocs_serve
from tests.nginx import free_port

FIXTURES = Path(__file__).parent / "fixtures" / "check_clauses"
CASES = sorted(path.name for path in FIXTURES.iterdir())


@pytest.mark.parametrize("case", CASES)
def test_check_reports_exactly_the_expected_problems(case: str, monkeypatch, capsys) -> None:
    """expected.txt holds the command's whole output and, on its last line, its exit status."""
    monkeypatch.chdir(FIXTURES / case)
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


def test_json_output_lists_each_problem_with_its_place(monkeypatch, capsys) -> None:
    monkeypatch.chdir(FIXTURES / "clause_wrong_section")
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


def test_json_output_of_a_page_that_cannot_be_parsed(monkeypatch, capsys) -> None:
    monkeypatch.chdir(FIXTURES / "parse_error_no_title")
    assert main(["--json"]) == 2
    assert "docs/en/01-scope.md:1" in json.loads(capsys.readouterr().out)["error"]


def test_the_real_pages_are_consistent(monkeypatch, capsys) -> None:
    monkeypatch.chdir(ROOT)
    assert main([]) == 0, capsys.readouterr().err


# Property: any structural damage to a copy of the real pages is caught.
REAL = {language: parse_language(ROOT / "docs", language) for language in LANGUAGES}
TEXTS = {language: [page.path.read_text(encoding="utf-8") for page in REAL[language]] for language in LANGUAGES}


def _numbered_lines(page) -> list[int]:
    return [c.line for c in page.clauses] + [i.line for c in page.clauses for i in c.items]


def _mutate(text: str, page, mutation: str, rng: random.Random) -> str:
    lines = text.split("\n")
    numbered = _numbered_lines(page)
    target = rng.choice(numbered)
    if mutation == "delete":
        del lines[target - 1]
    elif mutation == "duplicate":
        lines.insert(target, "\n" + lines[target - 1])
    elif mutation == "swap":
        other = rng.choice([n for n in numbered if n != target])
        lines[target - 1], lines[other - 1] = lines[other - 1], lines[target - 1]
    elif mutation == "renumber":
        clause = next((c for c in page.clauses if c.line == target), None)
        if clause:
            old = clause.label
            new = f"{clause.section}.{rng.choice([n for n in range(1, 12) if n != clause.number])}"
        else:
            item = next(i for c in page.clauses for i in c.items if i.line == target)
            old = item.label
            new = old.replace(str(item.number), str(rng.choice([n for n in range(1, 10) if n != item.number])))
        lines[target - 1] = lines[target - 1].replace(old, new, 1)
    return "\n".join(lines)


def _multi_part_pages(language: str) -> list[int]:
    """Pages with at least two numbered paragraphs, so that every mutation applies."""
    return [index for index, page in enumerate(REAL[language]) if len(_numbered_lines(page)) >= 2]


@settings(max_examples=200, deadline=None)
@given(
    language=st.sampled_from(LANGUAGES),
    mutation=st.sampled_from(["delete", "duplicate", "swap", "renumber"]),
    seed=st.integers(0, 2**32 - 1),
    choice=st.integers(0, 100),
)
def test_any_damage_to_clauses_or_items_is_caught(language: str, mutation: str, seed: int, choice: int) -> None:
    candidates = _multi_part_pages(language)
    index = candidates[choice % len(candidates)]
    page = REAL[language][index]
    damaged = _mutate(TEXTS[language][index], page, mutation, random.Random(seed))
    pages = {lang: list(REAL[lang]) for lang in LANGUAGES}
    pages[language][index] = parse_markdown(damaged, language, page.path)
    assert check_pages(pages), f"{mutation} in {language} {page.name} went unnoticed"


def test_the_real_pages_pass_the_same_check() -> None:
    assert check_pages(REAL) == []


def test_build_of_a_broken_copy_stops_with_the_message(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    conduct = project / "docs" / "en" / "10-user-conduct.md"
    conduct.write_text(conduct.read_text(encoding="utf-8").replace("10.2 ", "10.3 "), encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    assert "en docs/en/10-user-conduct.md:3: 10.2: clause missing after 10.1; zh has it at docs/zh/10-user-conduct.md:19" in result.stderr
    assert "10.3: extra clause; zh has no clause 10.3 in docs/zh/10-user-conduct.md:1; should it be 10.2?" in result.stderr


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
