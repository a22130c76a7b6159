"""Time the clause check as the build runs it (target: 50 ms or less): read the project (both
languages, notes, glossary, every retrieval) and check it; and the markup check on hostile input
of 1 MB, as a ratio to markdown-it parsing the same page alone (target: 1.5 or less; a pattern
that backtracks takes minutes where the parse takes seconds). Prints numbers; asserts nothing.

python -m benchmarks.check_clauses [--runs 50]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from markdown_it import MarkdownIt

from scripts.check_clauses import check_project
from scripts.markup import markup_problems
from scripts.project import read_project

ROOT = Path(__file__).resolve().parent.parent
TARGET_MS = 50.0
HOSTILE_TARGET_RATIO = 1.5
# One long line each: openings of attr_list braces that never close, then ones that close at the end.
HOSTILE = {
    "unclosed braces": "4.3 " + "{: #x " * 170_000,
    "braces closed at the end": "4.3 " + "{#a" * 340_000 + "}",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    timings = []
    for _ in range(args.runs):
        start = time.perf_counter()
        problems = check_project(read_project(ROOT))  # reads and parses everything from disk each time
        timings.append((time.perf_counter() - start) * 1000)
    median = statistics.median(timings)
    print(
        f"clause check (read the project: 26 pages, notes, glossary, retrievals; check): median {median:.1f} ms, max {max(timings):.1f} ms over {args.runs} runs; "
        f"target {TARGET_MS:.0f} ms: {'met' if median <= TARGET_MS else 'MISSED'}; problems found: {len(problems)}"
    )
    for name, line in HOSTILE.items():
        page = f"# 4\n\n{line}\n"
        checked, parsed = [], []
        for _ in range(3):  # alternating, so both see the same load
            start = time.perf_counter()
            found = markup_problems(page)
            checked.append(time.perf_counter() - start)
            start = time.perf_counter()
            MarkdownIt("commonmark").parse(page)
            parsed.append(time.perf_counter() - start)
        ratio = statistics.median(checked) / statistics.median(parsed)
        print(
            f"markup check of one {len(page.encode()) / 1e6:.1f} MB line, {name}: median {statistics.median(checked):.2f} s "
            f"over 3 runs, markdown-it's parse alone {statistics.median(parsed):.2f} s; ratio {ratio:.2f} "
            f"(target <= {HOSTILE_TARGET_RATIO}: {'met' if ratio <= HOSTILE_TARGET_RATIO else 'MISSED'}); problems found: {len(found)}"
        )


if __name__ == "__main__":
    main()
