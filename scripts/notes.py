"""Notes on the text (translation/notes.yml): shown beside a part, never part of the agreement.

An editor's note is on the source itself (a defect of the Chinese as published); a translator's
note is on a rendering choice. Each note names the part it belongs to by its anchor (preamble-2,
3.3, 10.1-5) and is written in every language. Plain Python, no MkDocs import.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from scripts.markup import character_problems

KINDS = ("editor", "translator")
NOTES_FILE = Path("translation") / "notes.yml"  # relative to the project (the folder holding docs/)


@dataclass(frozen=True)
class Note:
    at: str  # the anchor of the part it belongs to
    kind: str  # editor | translator
    text: dict[str, str]  # language → plain text
    line: int  # in the notes file


@dataclass(frozen=True)
class NoteProblem:
    line: int
    at: str
    message: str


def note_anchor(at: str, index: int) -> str:
    """The id of a part's first note (10.1-note), then 10.1-note-2, …"""
    return f"{at}-note" if index == 1 else f"{at}-note-{index}"


def yaml_list(path: Path, must_be: str) -> tuple[list[yaml.Node], tuple[int, str] | None]:
    """The entries of a YAML file that is a list (translation/notes.yml, topics.yml), as nodes that
    know their lines; or the line and what is wrong with the file (`must_be` says what it must
    be). No file, or an empty one: no entries."""
    if not path.exists():
        return [], None
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return [], (mark.line + 1 if mark else 1, f"not valid YAML: {error}")
    if root is None:
        return [], None
    if not isinstance(root, yaml.SequenceNode):
        return [], (root.start_mark.line + 1, must_be)
    return list(root.value), None


def read_notes(path: Path, languages: tuple[str, ...]) -> tuple[list[Note], list[NoteProblem]]:
    """The notes of a file, in order, and what is wrong with any of them. No file: no notes."""
    entries, wrong = yaml_list(path, "the file must be a list of notes ('- at: …')")
    if wrong:
        return [], [NoteProblem(wrong[0], "notes", wrong[1])]
    notes: list[Note] = []
    problems: list[NoteProblem] = []
    for entry in entries:
        line = entry.start_mark.line + 1
        fields = {key.value: value for key, value in entry.value} if isinstance(entry, yaml.MappingNode) else {}
        values = {key: node.value if isinstance(node, yaml.ScalarNode) else None for key, node in fields.items()}
        at = str(values.get("at") or "")
        found = [f"'{key}' is missing" for key in ("at", "kind") if not values.get(key)]
        if values.get("kind") and values["kind"] not in KINDS:
            found.append(f"kind {values['kind']!r} is not one of {', '.join(KINDS)}")
        for language in languages:
            text = values.get(language)
            if not text or not str(text).strip():
                found.append(f"no {language} text; every note is written in {' and '.join(languages)}")
            else:
                found += [f"{language}: {message}" for message in character_problems(str(text))]
        unknown = sorted(set(fields) - {"at", "kind", *languages})
        if unknown:
            found.append(f"unknown field {', '.join(unknown)}")
        problems += [NoteProblem(line, at or "note", message) for message in found]
        if not found:
            notes.append(Note(at, str(values["kind"]), {language: str(values[language]).strip() for language in languages}, line))
    return notes, problems


def notes_by_part(notes: list[Note]) -> dict[str, list[Note]]:
    grouped: dict[str, list[Note]] = {}
    for note in notes:
        grouped.setdefault(note.at, []).append(note)
    return grouped
