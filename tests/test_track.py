"""The check records (scripts/checks.py), and `make import` of a retrieval whose text is already kept."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from scripts.checks import CHECKS_FILE, Check, LastCheck, last_check, parse_checks, read_checks
from scripts.clauses import ParseError
from scripts.source import CURRENT_SOURCE, read_retrievals
from tests.support import ROOT, copy_project
from tests.test_versions import run

FIRST_DATE = "2022-01-23"


def digests(folder: Path) -> dict[str, str]:
    """The SHA-256 of every file under a folder, by relative path: to prove what was written."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def changed(before: dict[str, str], after: dict[str, str]) -> list[str]:
    return sorted(path for path in before.keys() | after.keys() if before.get(path) != after.get(path))


# --- make import of a text already kept -------------------------------------------------------


def test_importing_the_same_text_with_a_later_date_records_a_check_not_a_version(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    before = digests(project)
    retrieval = tmp_path / "retrieved.txt"
    text = (ROOT / CURRENT_SOURCE).read_text(encoding="utf-8").replace("2022-01-23 13:43:36", "2026-01-05 10:00:00")
    retrieval.write_text(text.replace("agreement1\\_chs", "agreement1_chs"), encoding="utf-8")  # clipped without the escape
    result = run(project, "scripts.import_retrieval", str(retrieval))
    assert result.returncode == 0, result.stderr
    assert (
        "has the text of the current source (retrieved 2022-01-23): recorded as a check in source/checks.txt; no new version"
        in (result.stdout)
    )
    assert changed(before, digests(project)) == [CHECKS_FILE.as_posix()]
    digest = hashlib.sha256(retrieval.read_bytes()).hexdigest()
    assert read_checks(project) == [Check("2026-01-05", FIRST_DATE, "import", digest, line=5)]
    assert last_check(project) == LastCheck(checked="2026-01-05", unchanged_since=FIRST_DATE)
    assert [source.retrieved for source in read_retrievals(project)] == [FIRST_DATE]


def test_the_real_project_was_last_checked_when_it_was_retrieved() -> None:
    assert last_check(ROOT) == LastCheck(checked=FIRST_DATE, unchanged_since=FIRST_DATE)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("2026-12-06\t2022-01-23\ttrack", "checks.txt:2: expected four fields separated by tabs"),
        (f"2026-12-06 2022-01-23 track {'a' * 64}", "checks.txt:2: expected four fields separated by tabs"),
        (
            f"2026-13-06\t2022-01-23\ttrack\t{'a' * 64}",
            "checks.txt:2: date checked '2026-13-06' is not a date: expected YYYY-MM-DD",
        ),
        (f"2021-12-06\t2022-01-23\ttrack\t{'a' * 64}", "checks.txt:2: checked on 2021-12-06, before the retrieval of 2022-01-23"),
        (f"2026-12-06\t2022-01-23\tmanual\t{'a' * 64}", "checks.txt:2: how 'manual': expected track or import"),
        (f"2026-12-06\t2022-01-23\ttrack\t{'A' * 64}", "checks.txt:2: 'AAAA"),
    ],
)
def test_a_malformed_check_is_named_at_its_line(line: str, expected: str) -> None:
    with pytest.raises(ParseError) as error:
        parse_checks(f"# a comment\n{line}\n", Path("source/checks.txt"))
    assert str(error.value).startswith(f"source/{expected}")


def test_a_check_of_a_retrieval_not_kept_is_refused(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / CHECKS_FILE).write_text(f"2026-12-06\t2024-03-01\ttrack\t{'a' * 64}\n", encoding="utf-8")
    with pytest.raises(ParseError, match=r"checks\.txt:1: names the retrieval of 2024-03-01, which is not kept under source/"):
        last_check(project)
