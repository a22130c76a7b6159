"""Time the fast tier as `make test-fast` runs it (target: 15 s or less, median of 3): the tests
not marked slow, then the search core's tests in Node. Prints numbers; asserts nothing.

    python -m benchmarks.fast_tier [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

from tests.support import ROOT

TARGET_S = 15.0
COMMANDS = (
    [sys.executable, "-m", "pytest", "-m", "not slow", "-q", "-p", "no:randomly", "-p", "no:cacheprovider"],
    ["node", "--test", *sorted(str(path.relative_to(ROOT)) for path in (ROOT / "tests" / "js").glob("*.test.mjs"))],
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    timings = []
    for _ in range(args.runs):
        start = time.perf_counter()
        for command in COMMANDS:
            result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
            if result.returncode:
                raise SystemExit(f"{' '.join(command[:3])} … failed:\n{result.stdout[-2000:]}{result.stderr[-2000:]}")
        timings.append(time.perf_counter() - start)
    median = statistics.median(timings)
    print(
        f"fast tier (make test-fast: pytest -m 'not slow', then node --test tests/js): median {median:.1f} s over "
        f"{args.runs} runs ({', '.join(f'{t:.1f}' for t in timings)}); target {TARGET_S:.0f} s: "
        f"{'met' if median <= TARGET_S else 'MISSED'}"
    )


if __name__ == "__main__":
    main()
