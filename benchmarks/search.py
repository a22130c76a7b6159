"""Search quality and speed. Prints numbers next to their targets; asserts nothing.

    python -m benchmarks.search

In Chromium, on the built site: recall@1 and recall@3 of every query table (tests/search_queries.py),
the time from keystroke to rendered results (median, p95 and max over every query of the tables,
each timed once), the same for pasted input (median of 5 pastes each), and the bytes the first
search fetches. Then, in Node, the same tables through each candidate engine (the shipped core,
the core with Chinese split by Intl.Segmenter or by jieba's word list, MiniSearch):
benchmarks/search_engines.mjs.
"""

from __future__ import annotations

import gzip
import json
import random
import statistics
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import sync_playwright

from tests.search_queries import TABLES
from tests.support import ROOT, build_site, launch_chromium, serve

INPUT = "#agreement-search input[type=search]"
TARGET_MS = 50
PASTES = 5  # runs of each pasted input


def measure(page, query: str) -> tuple[list[str], float]:
    """Type the query's last character as a real key press; the page records keystroke → render."""
    page.fill(INPUT, query[:-1])
    page.evaluate("document.getElementById('agreement-search').dataset.searchMs = ''")
    page.locator(INPUT).press_sequentially(query[-1])  # a key press, or IME text for Chinese
    page.wait_for_function("document.getElementById('agreement-search').dataset.searchMs !== ''")
    links = page.eval_on_selector_all(".agreement-search__results a", "links => links.map(a => a.getAttribute('href'))")
    return [urlsplit(link).fragment for link in links], float(page.get_attribute("#agreement-search", "data-search-ms"))


def paste(page, text: str) -> float:
    """Put `text` in the field as one input event (a paste); the page records event → render."""
    page.fill(INPUT, "")
    page.evaluate("document.getElementById('agreement-search').dataset.searchMs = ''")
    page.fill(INPUT, text)
    page.wait_for_function("document.getElementById('agreement-search').dataset.searchMs !== ''")
    return float(page.get_attribute("#agreement-search", "data-search-ms"))


def pasted_inputs(site: Path) -> dict[str, tuple[str, str]]:
    """name → (page language, text): long pastes of the agreement, and words that match nothing."""
    texts = {
        language: " ".join(
            r["text"] for r in json.loads((site / root / "search" / "agreement.json").read_text(encoding="utf-8"))["records"]
        )
        for language, root in (("zh", "."), ("en", "en"))
    }
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
        core = site / "assets" / "javascripts" / "search-core.js"
        for language, root in (("zh", "."), ("en", "en")):
            index = site / root / "search" / "agreement.json"
            print(
                f"first search fetches ({language}): index {gzip_size(index) / 1024:.1f} KiB gzip "
                f"({index.stat().st_size / 1024:.1f} KiB), core {gzip_size(core) / 1024:.1f} KiB gzip, once per page"
            )
        with serve(site) as base_url, sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            page = browser.new_page()
            timings: list[float] = []
            for name, (language, table) in TABLES.items():
                page.goto(f"{base_url}{'/' if language == 'zh' else '/en/'}")
                page.keyboard.press("/")
                measure(page, "x")  # load the index before timing
                ranks = []
                for query, anchor in table:
                    found, milliseconds = measure(page, query)
                    timings.append(milliseconds)
                    ranks.append(found.index(anchor) + 1 if anchor in found else None)
                at1 = sum(rank == 1 for rank in ranks)
                at3 = sum(rank is not None and rank <= 3 for rank in ranks)
                print(
                    f"search {name:<18} {len(table):>3} queries: recall@1 {at1 / len(table):4.0%} ({at1}), "
                    f"recall@3 {at3 / len(table):4.0%} ({at3}) (target: 100% at 3)"
                )
            timings.sort()
            print(
                f"search keystroke → results: median {statistics.median(timings):.1f} ms, "
                f"p95 {timings[int(len(timings) * 0.95)]:.1f} ms, max {timings[-1]:.1f} ms over {len(timings)} queries, one run each "
                f"(target {TARGET_MS} ms)"
            )
            for name, (language, text) in pasted_inputs(site).items():
                page.goto(f"{base_url}{'/' if language == 'zh' else '/en/'}")
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
        print("candidate engines on the same tables, in Node:")
        print(engines.stdout.rstrip() or engines.stderr.rstrip())


if __name__ == "__main__":
    main()
