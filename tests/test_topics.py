"""The subject index (translation/topics.yml) as scripts/topics.py reads it: typed topics, problems
at their lines, and the parts no topic covers or that do not exist."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.check_clauses import check_project, check_topics
from scripts.clauses import parse_language
from scripts.languages import LANGUAGES
from scripts.notes import NOTES_FILE, read_notes
from scripts.project import read_project
from scripts.topics import TOPICS_FILE, Topic, indexable_anchors, read_topics, uncovered_parts, unknown_parts
from tests.support import ROOT, copy_project

WORDS = "[一, 二, 三, 四, 五, 六, 七, 八]", "[one, two, three, four, five, six, seven, eight]"


def entry(
    topic: str = "governing-law",
    zh: str = "准据法",
    en: str = "Governing law",
    words: tuple[str, str] = WORDS,
    parts: str = '["12.4"]',
) -> str:
    return f"- topic: {topic}\n  zh: {zh}\n  en: {en}\n  words:\n    zh: {words[0]}\n    en: {words[1]}\n  parts: {parts}\n"


def read(tmp_path: Path, text: str) -> tuple[list[Topic], list[tuple[int, str, str]]]:
    path = tmp_path / "topics.yml"
    path.write_text(text, encoding="utf-8")
    topics, problems = read_topics(path, LANGUAGES)
    return topics, [(problem.line, problem.topic, problem.message) for problem in problems]


def test_a_topic_is_read_with_its_headings_words_and_parts_in_order(tmp_path: Path) -> None:
    topics, problems = read(tmp_path, "# a comment\n\n" + entry(parts='["12.4", "12.5", "12.4-note"]'))
    assert problems == []
    assert topics == [
        Topic(
            id="governing-law",
            heading={"zh": "准据法", "en": "Governing law"},
            words={"zh": tuple("一二三四五六七八"), "en": ("one", "two", "three", "four", "five", "six", "seven", "eight")},
            parts=("12.4", "12.5", "12.4-note"),
            line=3,
        )
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (entry(en=""), "no en heading"),
        (entry(topic="Governing Law"), "topic 'Governing Law' is not an id of lower-case letters, digits and hyphens"),
        (entry(words=("[一, 二, 三]", WORDS[1])), "words: zh has 3 words; a topic has 8 to 20 per language"),
        (entry(words=(WORDS[0], "[one, two, three, four, five, six, seven, one]")), "words: en repeats one"),
        (entry(words=(WORDS[0], "one, two")), "words: no en list"),
        (entry(parts="[]"), "parts: a list of the anchors the topic points to is required"),
        (entry(parts='["12.4", "12.4"]'), "parts: an anchor is listed twice"),
        (entry() + "  see: also\n", "unknown field 'see'"),
    ],
    ids=["heading", "id", "too few words", "repeated word", "words not a list", "no parts", "part twice", "unknown field"],
)
def test_a_broken_topic_is_reported_at_its_line_and_left_out(tmp_path: Path, text: str, expected: str) -> None:
    topics, problems = read(tmp_path, entry(topic="scope") + "\n" + text)
    assert [topic.id for topic in topics] == ["scope"]
    assert (9, "governing-law" if "Governing Law" not in text else "Governing Law", expected) in problems


def test_a_file_that_is_not_a_list_of_topics_is_one_problem(tmp_path: Path) -> None:
    assert read(tmp_path, "topic: scope\n") == ([], [(1, "topics", "the file must be a list of topics ('- topic: …')")])
    topics, problems = read(tmp_path, entry() + "  parts: [\n")
    assert topics == [] and len(problems) == 1 and problems[0][1] == "topics" and "not valid YAML" in problems[0][2]
    assert read(tmp_path, entry() + "- just a word\n")[1] == [(8, "topic", "each entry must be a topic ('- topic: …')")]


def test_a_topic_defined_twice_is_reported_at_the_second(tmp_path: Path) -> None:
    topics, problems = read(tmp_path, entry() + entry())
    assert len(topics) == 1
    assert problems == [(8, "governing-law", "topic 'governing-law' is defined twice")]


def test_parts_no_topic_covers_and_parts_that_do_not_exist(tmp_path: Path) -> None:
    topics, _ = read(tmp_path, entry(parts='["12.4", "12.9"]') + entry(topic="severability", parts='["12.7", "12.7-note"]'))
    anchors = ["12.4", "12.5", "12.6", "12.7", "12.7-note"]
    assert uncovered_parts(topics, anchors) == ["12.5", "12.6"]
    assert [(problem.line, problem.topic, problem.message) for problem in unknown_parts(topics, anchors)] == [
        (1, "governing-law", "points to '12.9', which is no part or note of the agreement")
    ]


def test_what_a_topic_may_point_to_is_every_part_followed_by_its_notes() -> None:
    notes, _ = read_notes(ROOT / NOTES_FILE, LANGUAGES)
    anchors = indexable_anchors(parse_language(ROOT / "docs", "zh"), notes)
    assert anchors[:7] == [
        "preamble-1",
        "preamble-2",
        "preamble-2-note",
        "preamble-2-note-2",
        "preamble-3",
        "preamble-4",
        "preamble-4-note",
    ]
    assert anchors.index("1.2-note-2") == anchors.index("1.2-note") + 1 == anchors.index("1.2") + 2
    assert "10.1-5-note" in anchors and len(anchors) == len(set(anchors))


def test_the_projects_topics_are_well_formed_and_cover_every_part_and_note() -> None:
    topics, problems = read_topics(ROOT / TOPICS_FILE, LANGUAGES)
    assert problems == []
    assert len(topics) >= 40
    notes, _ = read_notes(ROOT / NOTES_FILE, LANGUAGES)
    anchors = indexable_anchors(parse_language(ROOT / "docs", "zh"), notes)
    assert unknown_parts(topics, anchors) == []
    assert uncovered_parts(topics, anchors) == []


def test_the_check_stops_on_a_topic_pointing_nowhere_and_names_a_part_no_topic_covers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = copy_project(tmp_path / "project")
    path = project / "translation" / "topics.yml"
    text = path.read_text(encoding="utf-8")
    assert '  parts: ["12.7"]' in text, "the severability topic lists 12.7 alone"
    path.write_text(text.replace('  parts: ["12.7"]', '  parts: ["12.9"]'), encoding="utf-8")
    monkeypatch.chdir(project)
    problems = [str(problem) for problem in check_project(read_project(project))]
    line = text.split("\n").index("- topic: severability") + 1  # the topic is named at its first line
    assert any(problem.startswith(f"topics translation/topics.yml:{line}:") and "12.9" in problem for problem in problems), (
        problems
    )
    assert (
        "topics translation/topics.yml:1: 12.7: 12.7 is under no topic: every part and note of the agreement has one" in problems
    )


def test_the_real_subject_index_covers_every_part(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    assert [str(problem) for problem in check_topics(read_project(ROOT))] == []
