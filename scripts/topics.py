"""The subject index (translation/topics.yml): what each part of the agreement is about, in the
words readers use. Each topic has a heading and everyday words in every language, and points at
the parts that deal with it, most relevant first: preamble paragraphs, clauses, items and notes
(10.1-5-note). The search index carries the topics (scripts/search_index.py). Plain Python, no
MkDocs import.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from scripts.clauses import Page, parts
from scripts.notes import Note, note_anchor, notes_by_part, yaml_list

TOPICS_FILE = Path("translation") / "topics.yml"  # relative to the project (the folder holding docs/)
FIELDS = ("topic", "words", "parts")  # besides a heading in each language
WORDS_PER_LANGUAGE = (8, 20)  # the file's own rule: enough to be found by, few enough to stay specific
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass(frozen=True)
class Topic:
    id: str
    heading: dict[str, str]  # language → the index heading
    words: dict[str, tuple[str, ...]]  # language → everyday words and question fragments
    parts: tuple[str, ...]  # anchors, most relevant first
    line: int  # of the entry, in the topics file


@dataclass(frozen=True)
class TopicProblem:
    line: int
    topic: str  # the topic's id, or "topics" for the file as a whole
    message: str


def _scalar(node: yaml.Node | None) -> str | None:
    return str(node.value) if isinstance(node, yaml.ScalarNode) else None


def _strings(node: yaml.Node | None) -> list[str | None] | None:
    """A list of scalars as strings (None for an entry that is not one); None if not a list."""
    if not isinstance(node, yaml.SequenceNode):
        return None
    return [_scalar(entry) for entry in node.value]


def _identifier(entry: yaml.Node) -> str | None:
    """The `topic:` of an entry as written, to name it in a problem."""
    if not isinstance(entry, yaml.MappingNode):
        return None
    return next((_scalar(value) for key, value in entry.value if key.value == "topic"), None)


def _read_entry(entry: yaml.Node, languages: tuple[str, ...]) -> tuple[Topic | None, list[str]]:
    """One topic of the file, or what is wrong with it."""
    if not isinstance(entry, yaml.MappingNode):
        return None, ["each entry must be a topic ('- topic: …')"]
    fields = {str(key.value): value for key, value in entry.value}
    found = [f"unknown field {name!r}" for name in fields if name not in (*FIELDS, *languages)]
    identifier = _scalar(fields.get("topic")) or ""
    if not _ID.fullmatch(identifier):
        found.append(f"topic {identifier!r} is not an id of lower-case letters, digits and hyphens")
    heading = {language: (_scalar(fields.get(language)) or "").strip() for language in languages}
    found += [f"no {language} heading" for language, text in heading.items() if not text]
    words_node = fields.get("words")
    by_language = {str(key.value): value for key, value in words_node.value} if isinstance(words_node, yaml.MappingNode) else {}
    words: dict[str, tuple[str, ...]] = {}
    for language in languages:
        listed = _strings(by_language.get(language))
        if listed is None:
            found.append(f"words: no {language} list")
            continue
        cleaned = [word.strip() for word in listed if word and word.strip()]
        if len(cleaned) < len(listed):
            found.append(f"words: {language} has an empty word or one that is not text")
        least, most = WORDS_PER_LANGUAGE
        if not least <= len(cleaned) <= most:
            found.append(f"words: {language} has {len(cleaned)} words; a topic has {least} to {most} per language")
        repeated = sorted({word for word in cleaned if cleaned.count(word) > 1})
        if repeated:
            found.append(f"words: {language} repeats {', '.join(repeated)}")
        words[language] = tuple(cleaned)
    unknown_languages = sorted(set(by_language) - set(languages))
    if unknown_languages:
        found.append(f"words: unknown language {', '.join(unknown_languages)}")
    anchors = _strings(fields.get("parts"))
    if not anchors or not all(anchors):
        found.append("parts: a list of the anchors the topic points to is required")
    elif len(set(anchors)) < len(anchors):
        found.append("parts: an anchor is listed twice")
    if found:
        return None, found
    return Topic(identifier, heading, words, tuple(str(anchor) for anchor in anchors or ()), entry.start_mark.line + 1), []


def read_topics(path: Path, languages: tuple[str, ...]) -> tuple[list[Topic], list[TopicProblem]]:
    """The topics of a file, in order, and what is wrong with any of them, at their lines. No
    file: no topics."""
    entries, wrong = yaml_list(path, "the file must be a list of topics ('- topic: …')")
    if wrong:
        return [], [TopicProblem(wrong[0], "topics", wrong[1])]
    topics: list[Topic] = []
    problems: list[TopicProblem] = []
    seen: set[str] = set()
    for entry in entries:
        topic, found = _read_entry(entry, languages)
        line = entry.start_mark.line + 1
        problems += [TopicProblem(line, _identifier(entry) or "topic", message) for message in found]
        if topic and topic.id in seen:
            problems.append(TopicProblem(line, topic.id, f"topic {topic.id!r} is defined twice"))
        elif topic:
            seen.add(topic.id)
            topics.append(topic)
    return topics, problems


def indexable_anchors(pages: Sequence[Page], notes: Sequence[Note]) -> list[str]:
    """What a topic may point to, in reading order: every preamble paragraph, clause and item of
    one language's pages, each followed by its notes' anchors."""
    by_part = notes_by_part(list(notes))
    anchors: list[str] = []
    for page in pages:
        for part in parts(page):
            anchors.append(part.anchor)
            anchors += [note_anchor(part.anchor, index) for index in range(1, len(by_part.get(part.anchor, [])) + 1)]
    return anchors


def uncovered_parts(topics: Iterable[Topic], anchors: Iterable[str]) -> list[str]:
    """The anchors (in their order) that no topic points to."""
    covered = {anchor for topic in topics for anchor in topic.parts}
    return [anchor for anchor in anchors if anchor not in covered]


def unknown_parts(topics: Iterable[Topic], anchors: Iterable[str]) -> list[TopicProblem]:
    """Each anchor a topic points to that is not among `anchors`, at the topic's line."""
    known = set(anchors)
    return [
        TopicProblem(topic.line, topic.id, f"points to {anchor!r}, which is no part or note of the agreement")
        for topic in topics
        for anchor in topic.parts
        if anchor not in known
    ]
