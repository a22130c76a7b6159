"""The whole project through the allow-list, and a build that never replaces a good site: every
page about the agreement and its front matter, every file under the project's folders, the
retrievals an import accepts, the digits a number is written in, the server's policy, and builds
that are interrupted or overlap. Each class of hostile input is reported with file:line (by the
check the build runs) and stops the build."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import material
import pytest

from scripts.check_clauses import check_project
from scripts.csp import script_hashes, template_scripts
from scripts.import_retrieval import main as import_main
from scripts.project import read_project
from scripts.staged_site import StagedSite, server_config_dir
from tests.support import ROOT, build_site, copy_pages, copy_project, in_process
from tests.test_versions import RETRIEVAL

SCRIPT = "<script>alert(1)</script>"


def problems_of(project: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.chdir(project)  # paths in messages are relative to the working directory, as in the build
    return [str(problem) for problem in check_project(read_project(project))]


def tree(folder: Path) -> dict[str, str]:
    """Every file under a folder with its SHA-256: to tell one site from another."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


# --- Pages about the agreement: text, links and known front matter only --------------------------


def _edit(path: Path, change: Callable[[str], str]) -> None:
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")


HOSTILE_PAGES: list[tuple[str, str, Callable[[str], str], str]] = [
    # (the case, the page, how it is changed, what the check says, as file:line: part: message)
    ("a script in the parallel view's title", "en/parallel/index.md",
     lambda text: text.replace("# Chinese–English Parallel Text", f"# Parallel {SCRIPT}"),
     "en docs/en/parallel/index.md:4: page: raw HTML '<script>'"),
    ("an image in the glossary's introduction", "zh/glossary/index.md",
     lambda text: text + '\n<img src="x" onerror="alert(1)">\n', "zh docs/zh/glossary/index.md:5: page: a raw HTML block"),
    ("attr_list in the versions page", "en/versions/index.md",
     lambda text: text.rstrip("\n") + "{: #agreement-config }\n", "en docs/en/versions/index.md:3: page: attr_list braces"),
    ("a script in a front matter title", "en/full/index.md",
     lambda text: text.replace("title: Full text", f"title: Full {SCRIPT}"), "en docs/en/full/index.md:4: front matter: title: raw HTML '<script>'"),
    ("a description in front matter", "zh/parallel/3.md",
     lambda text: text.replace("robots: noindex, follow", "robots: noindex, follow\ndescription: x"),
     "zh docs/zh/parallel/3.md:6: front matter: front matter key 'description'"),
    ("robots that index a repeated page", "en/parallel/3.md",
     lambda text: text.replace("robots: noindex, follow", "robots: index, follow"), "en docs/en/parallel/3.md:5: front matter: robots: expected noindex, follow"),
    ("a bidi override in the data page", "en/data/index.md",
     lambda text: text.replace("Every file", "Every \u202efile"), "en docs/en/data/index.md:3: page: character U+202E (RIGHT-TO-LEFT OVERRIDE)"),
    ("a full-width number in a clause", "en/10-user-conduct.md",
     lambda text: text.replace("10.2 If you", "10.2 If １６ you"), "en docs/en/10-user-conduct.md:19: 10.2: digit U+FF11 (FULLWIDTH DIGIT ONE) is not one the source uses"),
]  # fmt: skip


# ("path", not "page": a parameter named as a fixture would count as that fixture, and slow)
@pytest.mark.parametrize(("case", "path", "change", "said"), HOSTILE_PAGES, ids=[case[0] for case in HOSTILE_PAGES])
def test_hostile_input_in_any_page_is_reported_with_its_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str, path: str, change: Callable[[str], str], said: str
) -> None:
    project = copy_pages(tmp_path / "project")
    _edit(project / "docs" / path, change)
    problems = problems_of(project, monkeypatch)
    assert any(problem.startswith(said) for problem in problems), f"{case}: {problems}"


def test_numbers_are_compared_in_whatever_digits_they_are_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """١٦ (Arabic-Indic digits) reads as 16: the parity check compares it as 16, not as no number."""
    project = copy_pages(tmp_path / "project")
    _edit(project / "docs" / "en" / "index.md", lambda text: text.replace("under 18 years", "under ١٦ years"))
    problems = problems_of(project, monkeypatch)
    assert any("numbers differ: en has 16; zh has 18" in problem for problem in problems), problems


# --- Files: no links, only the kinds each folder holds --------------------------------------------


@pytest.mark.parametrize("folder", ["docs/en/glossary", "overrides/partials", "source"])
def test_a_symbolic_link_anywhere_is_reported_and_never_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, folder: str
) -> None:
    project = copy_project(tmp_path / "project")
    secret = tmp_path / "secret.txt"
    secret.write_text("a file of the build machine", encoding="utf-8")
    link = project / folder / "terms.md"
    link.symlink_to(secret)
    problems = problems_of(project, monkeypatch)
    assert f"files {folder}/terms.md:1: file: a symbolic link (to {secret}); put the file itself here, or nothing" in problems
    assert not any("a file of the build machine" in problem for problem in problems), "what a link points at is never read"


def test_a_file_of_another_kind_under_docs_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = copy_project(tmp_path / "project")
    (project / "docs" / "en" / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', encoding="utf-8"
    )
    assert "files docs/en/logo.svg:1: file: a .svg file; docs/ holds .md files only" in problems_of(project, monkeypatch)


# --- Retrievals: the import accepts only what the next build accepts ------------------------------


IMPORTS: list[tuple[str, Callable[[str], str], str]] = [
    ("a script", lambda text: text.replace("4.3 为了", f"4.3 为了{SCRIPT}"), "raw HTML '<script>'"),
    ("a bidi override", lambda text: text.replace("4.3 为了", "4.3 为\u202e了"), "U+202E"),
    ("a zero-width space", lambda text: text.replace("4.3 为了", "4.3 为\u200b了"), "U+200B"),
    ("a control character", lambda text: text.replace("4.3 为了", "4.3 为\u0007了"), "U+0007"),
    ("a javascript: link", lambda text: text.replace("4.3 为了", "4.3 [为了](javascript:alert(1))"), "square brackets outside a link"),
    ("an entity", lambda text: text.replace("4.3 为了", "4.3 为了&amp;"), "HTML entity '&amp;'"),
    ("attr_list braces", lambda text: text.replace("4.3 为了", "4.3 为了{: #x }"), "attr_list braces"),
    ("HTML in the title", lambda text: text.replace("title: TIM软件许可及服务协议", f"title: TIM{SCRIPT}"), "is not plain text"),
    ("a url that is not a web address", lambda text: text.replace("url: https://ti.qq.com/tim/serverinfo.html", "url: javascript:alert(1)"), "is not a web address"),
]  # fmt: skip


@pytest.mark.parametrize(("case", "change", "said"), IMPORTS, ids=[case[0] for case in IMPORTS])
def test_an_import_refuses_what_the_build_would_refuse_and_writes_nothing(
    tmp_path: Path, case: str, change: Callable[[str], str], said: str
) -> None:
    project = copy_project(tmp_path / "project")
    before = tree(project)
    retrieval = tmp_path / "retrieved.txt"
    retrieval.write_text(change(RETRIEVAL.read_text(encoding="utf-8")), encoding="utf-8")
    result = in_process(import_main, [str(retrieval)], project)
    assert result.returncode == 2 and said in result.stderr, f"{case}: {result.stderr}"
    assert "Traceback" not in result.stderr
    assert tree(project) == before


def test_make_passes_part_as_an_argument_never_as_shell(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / ".venv").symlink_to(Path(sys.executable).parent.parent)  # the venv running the tests; make would build one
    result = subprocess.run(
        ["make", "--no-print-directory", "--old-file=.venv/installed", "confirm", "PART=4.3; touch pwned"],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    (project / ".venv").unlink()
    assert result.returncode != 0 and "4.3;" in result.stderr, result.stdout + result.stderr
    assert not (project / "pwned").exists()


# --- The policy: only the scripts of the site's own templates --------------------------------------


def test_only_the_templates_inline_scripts_are_hashed_into_the_policy(site: Path) -> None:
    patterns = template_scripts([ROOT / "overrides", Path(str(material.__file__)).parent / "templates"])
    pages = [(path.relative_to(site).as_posix(), path.read_text(encoding="utf-8")) for path in sorted(site.rglob("*.html"))]
    hashes, foreign = script_hashes(pages, patterns)
    assert foreign == [] and hashes, "every inline script of the site is one of its templates'"
    name, page = pages[0]
    injected = page.replace("</body>", f"{SCRIPT}</body>")
    _, foreign = script_hashes([(name, injected)], patterns)
    assert foreign == [(name, "alert(1)")]


# --- Builds that are interrupted or overlap --------------------------------------------------------


def _build(project: Path, site: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize("signal_number", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_an_interrupted_build_leaves_the_site_as_it_was_or_puts_the_whole_new_one(tmp_path: Path, signal_number: int) -> None:
    """A signal at any moment of a build of a changed project leaves site/ exactly the old site or,
    when it came after the swap, exactly the new one: never a part of either."""
    project = copy_project(tmp_path / "project")
    site, pristine = tmp_path / "site", tmp_path / "pristine"
    assert build_site(project, pristine).returncode == 0
    old = tree(pristine)
    _edit(project / "docs" / "en" / "10-user-conduct.md", lambda text: text.replace("\n10.2 ", "\n10.2 Indeed, ", 1))
    record = subprocess.run(
        [sys.executable, "-m", "scripts.english_records", "record", "--date", "2030-01-01"], cwd=project, check=False
    )
    assert record.returncode == 0
    assert build_site(project, tmp_path / "new").returncode == 0
    new = tree(tmp_path / "new")
    assert new != old
    kept_old = []
    for delay in (0.1, 0.5, 1.0, 2.0, 4.0):
        shutil.rmtree(site, ignore_errors=True)
        shutil.copytree(pristine, site)
        build = _build(project, site)
        time.sleep(delay)
        build.send_signal(signal_number)
        build.communicate(timeout=120)
        now = tree(site)
        assert now in (old, new), f"after {delay} s, site/ is neither the old site nor the new one"
        kept_old.append(now == old)
    assert kept_old[0], "a signal in the first 0.1 s leaves the old site"


def _publish_steps(site: Path) -> list[Callable[[], object]]:
    """StagedSite.publish()'s steps on disk, in its order: old folders aside, new ones in, clean-up."""
    config = server_config_dir(site)
    aside = [site.with_name("site.previous"), config.with_name("site-config.previous")]
    return [
        lambda: site.rename(aside[0]),
        lambda: config.rename(aside[1]),
        lambda: site.with_name("site.building").rename(site),
        lambda: config.with_name("site-config.building").rename(config),
        lambda: shutil.rmtree(aside[0]),
        lambda: shutil.rmtree(aside[1]),
    ]


@pytest.mark.parametrize("done", range(7))
def test_a_swap_cut_short_at_any_step_leaves_site_and_configuration_of_one_build(tmp_path: Path, done: int) -> None:
    site = tmp_path / "site"
    for folder, build in ((site, "old"), (server_config_dir(site), "old"), (tmp_path / "site.building", "new"),
                          (tmp_path / "site-config.building", "new")):  # fmt: skip
        folder.mkdir()
        (folder / "build.txt").write_text(build, encoding="utf-8")
    for step in _publish_steps(site)[:done]:
        step()  # then the power goes
    StagedSite(site).begin()
    pair = tuple((folder / "build.txt").read_text(encoding="utf-8") for folder in (site, server_config_dir(site)))
    assert pair == (("new", "new") if done >= 4 else ("old", "old"))
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site", "site-config", "site.lock"]


@pytest.mark.slow
def test_a_second_build_of_the_same_site_stops_while_the_first_runs(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    first = _build(project, site)
    deadline = time.monotonic() + 30
    while not site.with_name("site.lock").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    second = build_site(project, site)
    first.communicate(timeout=120)
    assert second.returncode != 0
    assert "another build of" in second.stderr and "is under way" in second.stderr
    assert first.returncode == 0 and (site / "index.html").exists()
