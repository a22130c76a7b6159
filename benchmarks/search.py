"""Search quality and speed. Prints numbers next to their targets; asserts nothing.

    python -m benchmarks.search

On the built site:

- recall@1 and recall@3 of every table, per language, searched by the core in Node on the index
  the build wrote (tests/search_core.py, whose scoring rule the tests use): the query tables
  (tests/search_queries.py), the tuning table's questions and citations
  (tests/search_questions.py) and the held-out table's (tests/search_questions_heldout.py, never
  tuned on), scored by tests/search_core.py's table_ranks;
- in Chromium, the time from keystroke to rendered results: median, p95 and max over RUNS runs of
  every query of the query tables and the tuning table, and the same for pasted input (PASTES
  pastes of each);
- the bytes the first search fetches (index and core, gzip level 9, as nginx serves them);
- the query tables through each candidate engine in Node: benchmarks/search_engines.mjs.
"""

from __future__ import annotations

import gzip
import json
import random
import statistics
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

from playwright.sync_api import sync_playwright

from tests import search_questions, search_questions_heldout
from tests.nginx import serve
from tests.search_core import KINDS, rank, run_queries, table_ranks
from tests.search_queries import TABLES
from tests.support import ROOT, build_site, launch_chromium

INPUT = "#agreement-search input[type=search]"
TARGET_MS = 50
TARGET_KIB = 40
RUNS = 3  # runs of each query, timed
PASTES = 5  # runs of each pasted input
HOME = {"zh": "/", "en": "/en/"}

Rows = Sequence[tuple[str, tuple[str, ...]]]
# name → (page language, rows: (query, acceptable anchors)), and the target printed beside it.
QUERY_TABLES: dict[str, tuple[str, Rows]] = {
    name: (language, [(q, (a,)) for q, a in rows]) for name, (language, rows) in TABLES.items()
}
TARGETS = {
    "query tables": "recall@1 ≥ 95 % (all 167), recall@3 100 %",
    "tuning": "none: tuned on (on questions it was not tuned on: recall@1 ≥ 75 %, recall@3 ≥ 90 %)",
    "held-out": "recall@1 ≥ 75 %, recall@3 ≥ 90 %",
}


def index_of(site: Path, language: str) -> object:
    return json.loads((site / HOME[language].lstrip("/") / "search" / "agreement.json").read_text(encoding="utf-8"))


def recall(site: Path, tables: dict[str, tuple[str, Rows]]) -> dict[str, tuple[int, int, int]]:
    """name → (found first, found in the first three, rows), every table's queries of a language
    searched in one Node process."""
    counts = {}
    for language in HOME:
        names = [name for name, (table_language, _) in tables.items() if table_language == language]
        queries = [query for name in names for query, _ in tables[name][1]]
        answers = iter(run_queries(index_of(site, language), queries))
        for name in names:
            ranks = [rank(next(answers), wanted) for _, wanted in tables[name][1]]
            counts[name] = (sum(r == 1 for r in ranks), sum(r is not None and r <= 3 for r in ranks), len(ranks))
    return counts


def question_recall(site: Path, module: ModuleType, name: str) -> dict[str, tuple[int, int, int]]:
    """`name language kind` → (found first, found in the first three, rows), for a question table
    (tests/search_core.py's table_ranks: the tuning table, or a held-out one)."""
    ranks = table_ranks(module, {language: index_of(site, language) for language in HOME})
    return {
        f"{name} {language} {kind}": (
            sum(r == 1 for r in found),
            sum(r is not None and r <= 3 for r in found),
            len(found),
        )
        for (language, kind), found in ranks.items()
    }


def print_recall(counts: dict[str, tuple[int, int, int]], target: str) -> None:
    for name, (first, top_three, rows) in counts.items():
        print(
            f"  {name:<28} {rows:>3} rows: recall@1 {first / rows:5.1%} ({first}), recall@3 {top_three / rows:5.1%} ({top_three})"
        )
    first, top_three, rows = (sum(column) for column in zip(*counts.values(), strict=True))
    print(
        f"  {'all of them':<28} {rows:>3} rows: recall@1 {first / rows:5.1%} ({first}), recall@3 {top_three / rows:5.1%} ({top_three})"
    )
    print(f"  target: {target}")


def measure(page, query: str) -> float:
    """Type the query's last character as a real key press; the page records keystroke → render."""
    page.fill(INPUT, query[:-1])
    page.evaluate("document.getElementById('agreement-search').dataset.searchMs = ''")
    page.locator(INPUT).press_sequentially(query[-1])  # a key press, or IME text for Chinese
    page.wait_for_function("document.getElementById('agreement-search').dataset.searchMs !== ''")
    return float(page.get_attribute("#agreement-search", "data-search-ms"))


def paste(page, text: str) -> float:
    """Put `text` in the field as one input event (a paste); the page records event → render."""
    page.fill(INPUT, "")
    page.evaluate("document.getElementById('agreement-search').dataset.searchMs = ''")
    page.fill(INPUT, text)
    page.wait_for_function("document.getElementById('agreement-search').dataset.searchMs !== ''")
    return float(page.get_attribute("#agreement-search", "data-search-ms"))


def pasted_inputs(site: Path) -> dict[str, tuple[str, str]]:
    """name → (page language, text): long pastes of the agreement, and words that match nothing."""
    texts = {language: " ".join(record["text"] for record in index_of(site, language)["records"]) for language in HOME}  # type: ignore[index]
    rng = random.Random(1)
    nonsense = " ".join("".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(3, 9))) for _ in range(40))
    han = " ".join("".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(3)) for _ in range(50))
    return {
        "100,000 characters of the English text (the field keeps 200)": ("en", (texts["en"] * 8)[:100_000]),
        "100,000 characters of the Chinese text (the field keeps 200)": ("zh", (texts["zh"] * 30)[:100_000]),
        "200 characters of made-up English words": ("zh", nonsense[:200]),
        "200 characters of random Han, in threes": ("zh", han[:200]),
    }


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        result = build_site(ROOT, site)
        if result.returncode:
            raise SystemExit(result.stderr)

        print("search recall, by the core in Node on the built index:")
        print_recall(recall(site, QUERY_TABLES), TARGETS["query tables"])
        print_recall(question_recall(site, search_questions, "tuning"), TARGETS["tuning"])
        print_recall(question_recall(site, search_questions_heldout, "held-out"), TARGETS["held-out"])

        core = site / "assets" / "javascripts" / "search-core.js"
        for language in HOME:
            index = site / HOME[language].lstrip("/") / "search" / "agreement.json"
            total = (gzip_size(index) + gzip_size(core)) / 1024
            print(
                f"first search fetches ({language}): {total:.1f} KiB gzip (target {TARGET_KIB} KiB): index "
                f"{gzip_size(index) / 1024:.1f} KiB ({index.stat().st_size / 1024:.1f} KiB), core {gzip_size(core) / 1024:.1f} KiB "
                f"({core.stat().st_size / 1024:.1f} KiB), once per page"
            )

        timed: dict[str, list[str]] = {language: [] for language in HOME}
        for language, rows in QUERY_TABLES.values():
            timed[language] += [query for query, _ in rows]
        for language in HOME:
            for kind in KINDS:
                timed[language] += [query for query, _ in getattr(search_questions, f"{kind.upper()}_{language.upper()}")]
        with serve(site) as base_url, sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            page = browser.new_page()
            timings: list[float] = []
            for language, queries in timed.items():
                page.goto(f"{base_url}{HOME[language]}")
                page.keyboard.press("/")
                measure(page, "x")  # load the index before timing
                for _ in range(RUNS):
                    timings += [measure(page, query) for query in queries]
            timings.sort()
            asked = sum(len(queries) for queries in timed.values())
            print(
                f"search keystroke → results: median {statistics.median(timings):.1f} ms, "
                f"p95 {timings[int(len(timings) * 0.95)]:.1f} ms, max {timings[-1]:.1f} ms over {asked} queries "
                f"(query tables and tuning table) × {RUNS} runs = {len(timings)} (target p95 ≤ {TARGET_MS} ms)"
            )
            for name, (language, text) in pasted_inputs(site).items():
                page.goto(f"{base_url}{HOME[language]}")
                page.keyboard.press("/")
                measure(page, "x")
                runs = sorted(paste(page, text) for _ in range(PASTES))
                print(
                    f"search pasted {name} ({language} page): median {statistics.median(runs):.1f} ms, "
                    f"max {runs[-1]:.1f} ms over {PASTES} pastes (target {TARGET_MS} ms)"
                )
            browser.close()

        tables = {name: [language, rows] for name, (language, rows) in TABLES.items()}
        engines = subprocess.run(
            ["node", str(ROOT / "benchmarks" / "search_engines.mjs"), str(site)],
            input=json.dumps(tables, ensure_ascii=False),
            capture_output=True,
            text=True,
            check=False,
        )
        print("candidate engines on the query tables, in Node:")
        print(engines.stdout.rstrip() or engines.stderr.rstrip())


if __name__ == "__main__":
    main()
