"""Time the clause parity check (target: 50 ms or less). Prints numbers; asserts nothing.

python -m benchmarks.check_clauses [--runs 50]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from scripts.check_clauses import check_docs

DOCS = Path(__file__).resolve().parent.parent / "docs"
TARGET_MS = 50.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    timings = []
    for _ in range(args.runs):
        start = time.perf_counter()
        problems = check_docs(DOCS)  # reads and parses both languages from disk each time
        timings.append((time.perf_counter() - start) * 1000)
    median = statistics.median(timings)
    print(
        f"clause check (parse 26 pages + compare): median {median:.1f} ms, max {max(timings):.1f} ms over {args.runs} runs; "
        f"target {TARGET_MS:.0f} ms: {'met' if median <= TARGET_MS else 'MISSED'}; problems found: {len(problems)}"
    )


if __name__ == "__main__":
    main()
