"""The project as the build and the check read it, once per build of the site: both languages'
pages, the notes, the subject index, the glossary and every retrieval kept. Plain Python, no MkDocs import.

A project is the folder that holds docs/ (with one folder per language), translation/ (notes,
glossary, the translation lock) and source/ (the retrievals). The check's fixtures are projects
with docs/ alone: what they lack is simply not read.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from scripts.checks import Check, LastCheck, read_checks, summarise
from scripts.clauses import Page, ParseError, display_path, parse_language
from scripts.english_records import EnglishRecord, read_english_records
from scripts.glossary import GLOSSARY_FILE, GlossaryError, Term, read_glossary
from scripts.languages import LANGUAGES
from scripts.notes import NOTES_FILE, Note, NoteProblem, notes_by_part, read_notes
from scripts.source import Source
from scripts.topics import TOPICS_FILE, Topic, TopicProblem, read_topics
from scripts.versions import History, read_history

DOCS = "docs"
SOURCES = "source"


@dataclass(frozen=True)
class Project:
    root: Path
    pages: dict[str, list[Page]]  # each language's agreement pages, the home page first
    notes: list[Note]
    note_problems: list[NoteProblem]  # notes that could not be read as notes
    topics: list[Topic]  # the subject index; none where there is no topics file
    topic_problems: list[TopicProblem]  # topics that could not be read as topics
    terms: list[Term]  # the glossary; none where there is no glossary file
    history: History | None  # every retrieval; None where there is no source/ (the check's fixtures)
    checks: list[Check]  # each time the source was found to carry the current text (source/checks.txt)
    english: list[EnglishRecord]  # the English as published over time (translation/english/)

    @property
    def docs(self) -> Path:
        return self.root / DOCS

    @property
    def notes_file(self) -> Path:
        return self.root / NOTES_FILE

    @property
    def notes_by_part(self) -> dict[str, list[Note]]:
        return notes_by_part(self.notes)

    @property
    def source(self) -> Source | None:
        """The current retrieval, the one docs/zh/ is generated from."""
        return self.history.current.source if self.history else None

    @property
    def last_check(self) -> LastCheck | None:
        """When the source was last seen to carry the current text, and since when it has."""
        if self.history is None:
            return None
        return summarise(self.checks, [version.retrieved for version in self.history.versions], self.root)


def read_project(root: Path) -> Project:
    """Read everything a build needs. Raises ParseError (file:line and what was expected) when a
    page, the glossary, a retrieval or a snapshot cannot be read at all; what can be read but is
    wrong is for the check to report (scripts/check_clauses.py)."""
    pages = {language: parse_language(root / DOCS, language) for language in LANGUAGES}
    notes, note_problems = read_notes(root / NOTES_FILE, LANGUAGES)
    topics, topic_problems = read_topics(root / TOPICS_FILE, LANGUAGES)
    glossary = root / GLOSSARY_FILE
    try:
        terms = read_glossary(glossary) if glossary.exists() else []
    except (OSError, GlossaryError) as error:
        raise ParseError(f"cannot read the glossary {display_path(glossary)}: {error}") from error
    history = read_history(root) if (root / SOURCES).is_dir() else None
    checks = read_checks(root) if history else []
    english = read_english_records(root)
    return Project(root, pages, notes, note_problems, topics, topic_problems, terms, history, checks, english)
