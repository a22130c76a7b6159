"""What the project may hold besides the agreement's own pages, checked like them: the pages about
the agreement (their title, introduction and front matter) and the files under docs/, overrides/,
source/ and translation/. Anything else is a problem with its file:line, and the build stops.

The agreement pages are read by the clause model (scripts/clauses.py). The other pages of each
language folder (the parallel view, the full text, the glossary, the versions and data pages …)
are a title, paragraphs of plain text and links — the allow-list of scripts/markup.py — and front
matter with only the keys and values below. Under docs/ only pages are published; the theme's
folder holds templates and the assets the site names; no file anywhere is a link to another (a
symbolic link under docs/ would publish whatever it points at). Plain Python, no MkDocs import.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import yaml

from scripts.clauses import display_path
from scripts.languages import LANGUAGES
from scripts.markup import character_problems, markup_problems
from scripts.versions import Finding

# Front matter a page about the agreement may have: the key, and what its value may be.
HIDE = {"navigation", "toc", "footer"}  # Material's switches for the page's sidebars and footer
ROBOTS = {"noindex, follow"}  # pages that repeat others (the full text, a section's parallel page)
# The folders of the project and the files each may hold, by suffix.
FOLDERS = {
    "docs": {".md"},
    "overrides": {".html", ".css", ".js", ".svg", ".xml"},
    "source": {".txt", ".html"},
    "translation": {".md", ".yml", ".json", ".txt"},
}


def _files(root: Path, folder: str) -> Iterator[tuple[Path, bool]]:
    """Every entry under a folder, not following links: (path, whether it is a link)."""
    for current, folders, files in os.walk(root / folder, followlinks=False):
        for name in [*folders, *files]:
            path = Path(current) / name
            yield path, path.is_symlink()


def file_findings(root: Path) -> list[Finding]:
    """Links anywhere in the project's folders, and files of a kind a folder does not hold."""
    findings = []
    for folder, suffixes in FOLDERS.items():
        for path, is_link in _files(root, folder):
            where = display_path(path)
            if is_link:
                findings.append(
                    Finding(
                        "files",
                        where,
                        1,
                        "file",
                        f"a symbolic link (to {path.readlink()}); put the file itself here, or nothing",
                    )
                )
            elif path.is_file() and path.suffix not in suffixes:
                findings.append(
                    Finding(
                        "files",
                        where,
                        1,
                        "file",
                        f"a {path.suffix or 'suffix-less'} file; {folder}/ holds {', '.join(sorted(suffixes))} files only",
                    )
                )
    return findings


def _front_matter(text: str) -> tuple[str, int]:
    """A page's front matter (between --- lines at its top), and the line its body starts on."""
    lines = text.split("\n")
    if lines[0] != "---":
        return "", 1
    closing = next((index for index, line in enumerate(lines[1:], 1) if line == "---"), None)
    if closing is None:
        return "\n".join(lines[1:]), len(lines) + 1
    return "\n".join(lines[1:closing]), closing + 2


def front_matter_problems(front: str) -> list[tuple[int, str]]:
    """(line in the front matter, problem) of each key or value outside the allow-list."""
    try:
        root = yaml.compose(front, Loader=yaml.CSafeLoader) if front.strip() else None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return [(mark.line + 1 if mark else 1, f"front matter that is not YAML: {error}")]
    if root is None:
        return []
    if not isinstance(root, yaml.MappingNode):
        return [(root.start_mark.line + 1, "front matter must be keys and values")]
    problems = []
    for key, value in root.value:
        line = key.start_mark.line + 1
        name = key.value if isinstance(key, yaml.ScalarNode) else str(key)
        if name == "title" and isinstance(value, yaml.ScalarNode):
            problems += [(line, f"title: {message}") for message in character_problems(value.value)]
            problems += [(line, f"title: {found.message}") for found in markup_problems(f"# {value.value}\n")]
        elif (
            name == "hide"
            and isinstance(value, yaml.SequenceNode)
            and all(isinstance(item, yaml.ScalarNode) and item.value in HIDE for item in value.value)
        ) or (name == "robots" and isinstance(value, yaml.ScalarNode) and value.value in ROBOTS):
            continue
        elif name not in ("title", "hide", "robots"):
            problems.append((line, f"front matter key {name!r}; a page about the agreement has only title, hide and robots"))
        else:
            allowed = {
                "hide": f"a list of {', '.join(sorted(HIDE))}",
                "robots": " or ".join(sorted(ROBOTS)),
                "title": "plain text",
            }[name]
            problems.append((line, f"{name}: expected {allowed}"))
    return problems


def page_findings(docs: Path) -> list[Finding]:
    """Every page about the agreement (in a language folder's subfolders): its front matter and its
    body against the allow-list, each problem at the page's line."""
    findings = []
    for language in LANGUAGES:
        for path in sorted((docs / language).glob("*/**/*.md")):
            if path.is_symlink():
                continue  # reported as a link (file_findings); what it points at is never read
            where = display_path(path)
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as error:
                findings.append(Finding(language, where, 1, "page", f"cannot read: {error}"))
                continue
            front, body_line = _front_matter(text)
            findings += [
                Finding(language, where, 1 + line, "front matter", message) for line, message in front_matter_problems(front)
            ]
            body = "\n".join(text.split("\n")[body_line - 1 :])
            findings += [
                Finding(language, where, body_line - 1 + found.line, "page", found.message) for found in markup_problems(body)
            ]
    return findings
