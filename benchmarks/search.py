"""Search quality and speed in Chromium: recall@1 and recall@3 over the query tables, and the
time from keystroke to rendered results. Prints numbers; asserts nothing.

    python -m benchmarks.search
"""

from __future__ import annotations

import statistics
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import sync_playwright

from tests.conftest import ROOT, build_site, launch_chromium, serve
from tests.search_queries import CHINESE_QUERIES, ENGLISH_QUERIES

INPUT = "#agreement-search input[type=search]"


def measure(page, query: str) -> tuple[list[str], float]:
    """Type the query's last character as a real key press; the page records keystroke → render."""
    page.fill(INPUT, query[:-1])
    page.evaluate("document.getElementById('agreement-search').dataset.searchMs = ''")
    page.locator(INPUT).press_sequentially(query[-1])  # a key press, or IME text for Chinese
    page.wait_for_function("document.getElementById('agreement-search').dataset.searchMs !== ''")
    links = page.eval_on_selector_all(".agreement-search__results a", "links => links.map(a => a.getAttribute('href'))")
    return [urlsplit(link).fragment for link in links], float(page.get_attribute("#agreement-search", "data-search-ms"))


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        result = build_site(ROOT, site)
        if result.returncode:
            raise SystemExit(result.stderr)
        with serve(site) as base_url, sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            page = browser.new_page()
            timings: list[float] = []
            for language, path, table in (("zh", "/", CHINESE_QUERIES), ("en", "/en/", ENGLISH_QUERIES)):
                page.goto(f"{base_url}{path}")
                page.keyboard.press("/")
                measure(page, "x")  # load the index before timing
                ranks = []
                for query, anchor in table:
                    found, milliseconds = measure(page, query)
                    timings.append(milliseconds)
                    ranks.append(found.index(anchor) + 1 if anchor in found else None)
                at1 = sum(rank == 1 for rank in ranks) / len(ranks)
                at3 = sum(rank is not None and rank <= 3 for rank in ranks) / len(ranks)
                print(f"search {language}: {len(table)} queries, recall@1 {at1:.0%}, recall@3 {at3:.0%}")
            timings.sort()
            print(
                f"search keystroke → results: median {statistics.median(timings):.1f} ms, "
                f"p95 {timings[int(len(timings) * 0.95)]:.1f} ms, max {timings[-1]:.1f} ms (target 50 ms)"
            )
            browser.close()


if __name__ == "__main__":
    main()
