"""The search core run in Node on an index built here from the model, without building the site:
how the fast tests check the search (tests/test_search.py) and the benchmark scores it
(benchmarks/search.py). Also the scoring rule of the query tables."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Sequence
from typing import TypedDict

from tests.support import ROOT

RUNNER = ROOT / "tests" / "js" / "run-queries.mjs"


class Result(TypedDict):
    kind: str  # part | editor | translator (a note)
    url: str  # from the language's root, with the anchor
    title: str
    section: str  # the section's title; empty on the home page
    via: str  # text | other


class Answer(TypedDict):
    mode: str  # all | some | none | empty
    missing: str | None  # a cited number the agreement does not have, as typed
    results: list[Result]


def run_queries(index: object, queries: Sequence[str]) -> list[Answer]:
    """Each query's answer from the search core, in one Node process for one index."""
    completed = subprocess.run(
        ["node", str(RUNNER)],
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


def rank(answer: Answer, acceptable: Sequence[str]) -> int | None:
    """Where the first acceptable result is (1 = first), or None. An empty `acceptable` means the
    agreement has no such part: the answer must say so and show nothing (rank 1), or else None."""
    if not acceptable:
        return 1 if answer["missing"] is not None and not answer["results"] else None
    return next((position for position, anchor in enumerate(anchors(answer), 1) if is_accepted(anchor, acceptable)), None)
