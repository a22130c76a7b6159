"""Time the clause check as the build runs it (target: 50 ms or less): read the project (both
languages, notes, glossary, every retrieval) and check it. Prints numbers; asserts nothing.

python -m benchmarks.check_clauses [--runs 50]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from scripts.check_clauses import check_project
from scripts.project import read_project

ROOT = Path(__file__).resolve().parent.parent
TARGET_MS = 50.0


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


if __name__ == "__main__":
    main()
