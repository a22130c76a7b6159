"""The search core run in Node on an index built here from the model, without building the site:
how the fast tests check the search (tests/test_search.py) and the benchmark scores it
(benchmarks/search.py). Also the scoring rule of the query tables, and the scoring of a question
table (table_ranks): the tuning table, or a held-out one."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import ModuleType
from typing import TypedDict

from tests.support import ROOT

RUNNER = ROOT / "tests" / "js" / "run-queries.mjs"


class Result(TypedDict):
    kind: str  # part | editor | translator (a note)
    url: str  # from the language's root, with the anchor
    title: str
    section: str  # the section's title; empty on the home page
    via: str  # text | other
    words: list[str]  # what the opened page highlights
    topics: list[str]  # the titles of the topics it was found through, most telling first


class Answer(TypedDict):
    mode: str  # all | some | none | empty
    citation: dict[str, object] | None  # what the query cites, if that is all it does (citationIn)
    missing: str | None  # a cited number the agreement does not have, as typed
    rewritten: str | None  # what was searched, when words were left out or corrected
    results: list[Result]


def run_queries(index: object, queries: Sequence[str], core: Path | None = None) -> list[Answer]:
    """Each query's answer from the search core (or another copy of it, `core`), in one Node
    process for one index."""
    completed = subprocess.run(
        ["node", str(RUNNER), *([str(core)] if core else [])],
        input=json.dumps({"index": index, "queries": list(queries)}, ensure_ascii=False),
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    answers: list[Answer] = json.loads(completed.stdout)
    return answers


def anchors(answer: Answer) -> list[str]:
    return [result["url"].rsplit("#", 1)[1] for result in answer["results"]]


def is_accepted(anchor: str, acceptable: Sequence[str]) -> bool:
    """Whether a result's anchor is one of the table's: `section-N` stands for any clause or item
    of section N."""
    section = anchor.split(".")[0] if "." in anchor else None
    return any(anchor == wanted or (section and wanted == f"section-{section}") for wanted in acceptable)


def nearest_shown(citation: dict[str, object] | None) -> set[str]:
    """What may be shown for a cited part the agreement lacks: an item's clause, a note's part."""
    anchor = str((citation or {}).get("anchor", ""))
    if "note" in (citation or {}):
        return {anchor}
    return {anchor.split("-")[0]} if "-" in anchor and not anchor.startswith("preamble") else set()


def rank(answer: Answer, acceptable: Sequence[str]) -> int | None:
    """Where the first acceptable result is (1 = first), or None. An empty `acceptable` means the
    agreement has no such part: the answer must say so and show nothing unrelated (rank 1), or
    else None."""
    if not acceptable:
        said = answer["missing"] is not None
        return 1 if said and set(anchors(answer)) <= nearest_shown(answer["citation"]) else None
    return next((position for position, anchor in enumerate(anchors(answer), 1) if is_accepted(anchor, acceptable)), None)


KINDS = ("questions", "citations")  # the lists of a question table, per language


def table_ranks(module: ModuleType, indexes: Mapping[str, object]) -> dict[tuple[str, str], list[int | None]]:
    """(language, questions | citations) → the rank of each row of a question table: a module
    with QUESTIONS_ZH, QUESTIONS_EN, CITATIONS_ZH and CITATIONS_EN, lists of (query, acceptable
    anchors), such as tests/search_questions.py (the tuning table) or a held-out table
    (tests/search_questions_heldout.py, scored only at the end). `indexes`: language → its index.
    One Node process per language."""
    ranks = {}
    for language, index in indexes.items():
        tables = {kind: getattr(module, f"{kind.upper()}_{language.upper()}") for kind in KINDS}
        answers = iter(run_queries(index, [query for rows in tables.values() for query, _ in rows]))
        for kind, rows in tables.items():
            ranks[(language, kind)] = [rank(next(answers), wanted) for _, wanted in rows]
    return ranks
