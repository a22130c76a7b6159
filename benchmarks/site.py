"""The site's numbers: build time against a bare Material build, bytes for a first view, Lighthouse.
Prints numbers next to their targets; asserts nothing.

    python -m benchmarks.site

- build: median of 5 clean `mkdocs build --strict` runs of this project, and its ratio to the same
  for a bare single-language Material project of the same Chinese text (docs/zh, theme material,
  language zh, default plugins), made in a temporary folder. Runs alternate; one warm-up each.
- first view: a section page opened with an empty cache in Chromium, from nginx with gzip on for
  text types (tests/nginx.py): requests and bytes over the wire (headers included, compressed).
- Lighthouse (npm `lighthouse`, pinned in package.json) on the home page and two section pages in
  each language, all four categories, against the same nginx: the median of 5 runs per page, as
  Lighthouse's docs on variability advise (a single run's performance score moves with the
  machine's load; the median of 5 is about twice as stable), with every run's score shown.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, sync_playwright

from tests.nginx import nginx, published_site
from tests.support import CHROMIUM, ROOT, build_site, launch_chromium

RUNS = 5
LIGHTHOUSE_RUNS = 5
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
SECTION_PAGES = ("10-user-conduct/", "02-user-information/")
FIRST_VIEW_PAGES = ("10-user-conduct/", "en/10-user-conduct/")
TARGET_KIB = 75
TARGET_RATIO = 1.0  # issue 16: no slower than a bare Material build of the same text

BARE_CONFIG = """site_name: TIM软件许可及服务协议
theme:
  name: material
  language: zh
"""


def timed_build(project: Path, site_dir: Path) -> float:
    start = time.perf_counter()
    result = build_site(project, site_dir)
    elapsed = time.perf_counter() - start
    if result.returncode:
        raise SystemExit(f"build of {project} failed:\n{result.stderr}")
    shutil.rmtree(site_dir)
    return elapsed


def bench_build(workdir: Path) -> None:
    bare = workdir / "bare"
    shutil.copytree(ROOT / "docs" / "zh", bare / "docs")
    (bare / "mkdocs.yml").write_text(BARE_CONFIG, encoding="utf-8")
    timings: dict[str, list[float]] = {"project": [], "bare": []}
    projects = {"project": ROOT, "bare": bare}
    for name, project in projects.items():  # warm-up: bytecode, file cache
        timed_build(project, workdir / f"warm-{name}")
    for run in range(RUNS):
        for name, project in projects.items():
            timings[name].append(timed_build(project, workdir / f"site-{name}-{run}"))
    project_time, bare_time = statistics.median(timings["project"]), statistics.median(timings["bare"])
    ratio = project_time / bare_time
    print(
        f"build: median {project_time:.2f} s over {RUNS} clean builds (both languages); bare Material, Chinese only: "
        f"median {bare_time:.2f} s; ratio {ratio:.2f}x (target <= {TARGET_RATIO}x: {'met' if ratio <= TARGET_RATIO else 'NOT met'})"
    )


def first_view(browser: Browser, url: str) -> tuple[int, int, int, Counter[str]]:
    """(requests, bytes over the wire, bytes decoded, wire bytes per resource type) for a cold load."""
    context = browser.new_context()
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    kinds: dict[str, str] = {}
    wire: dict[str, int] = {}
    decoded: Counter[str] = Counter()

    def on_request(event: dict[str, Any]) -> None:  # CDP's Network.requestWillBeSent, as JSON
        if event["request"]["url"].startswith("http"):
            kinds.setdefault(event["requestId"], event.get("type", "Other"))

    cdp.on("Network.requestWillBeSent", on_request)
    cdp.on("Network.dataReceived", lambda e: decoded.update({e["requestId"]: e["dataLength"]}))
    cdp.on("Network.loadingFinished", lambda e: wire.__setitem__(e["requestId"], int(e["encodedDataLength"])))
    page.goto(url, wait_until="networkidle")
    context.close()
    by_kind: Counter[str] = Counter()
    for request_id, kind in kinds.items():
        by_kind[kind] += wire.get(request_id, 0)
    return len(kinds), sum(wire.get(r, 0) for r in kinds), sum(decoded[r] for r in kinds), by_kind


def lighthouse(url: str, workdir: Path) -> tuple[dict[str, float], dict[str, tuple[float, str]]] | str:
    """Category scores, and the weighted audits that scored below 1 in a category below 100
    (name: score and displayed value); or why the run failed."""
    report = workdir / "lighthouse.json"
    report.unlink(missing_ok=True)
    env = {**os.environ, "CHROME_PATH": str(CHROMIUM)}
    result = subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--only-categories={','.join(CATEGORIES)}",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    if result.returncode or not report.exists():
        return f"lighthouse failed: {result.stderr.strip()[-500:]}"
    data = json.loads(report.read_text(encoding="utf-8"))
    scores = {name: data["categories"].get(name, {}).get("score") for name in CATEGORIES}
    if None in scores.values():
        return "lighthouse gave no score for " + ", ".join(name for name, score in scores.items() if score is None)
    below = {}
    for name in CATEGORIES:
        category = data["categories"].get(name, {})
        if category.get("score") == 1:
            continue
        for ref in category.get("auditRefs", []):
            audit = data["audits"].get(ref["id"], {})
            if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
                below[f"{name}/{ref['id']}"] = (audit["score"], audit.get("displayValue", ""))
    return scores, below


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        workdir = Path(folder)
        bench_build(workdir / "builds")

        docroot, _, port, result = published_site(workdir / "published", "/")
        if result.returncode:
            raise SystemExit(f"build failed:\n{result.stderr}")
        with nginx(docroot, workdir / "nginx", port, "/") as base_url:
            with sync_playwright() as playwright:
                browser = launch_chromium(playwright)
                for path in FIRST_VIEW_PAGES:
                    requests, wire, decoded, by_kind = first_view(browser, base_url + path)
                    kib = wire / 1024
                    kinds = ", ".join(f"{kind} {size / 1024:.1f}" for kind, size in by_kind.most_common())
                    print(
                        f"first view of /{path}: {requests} requests, {kib:.1f} KiB over the wire with gzip "
                        f"({decoded / 1024:.1f} KiB uncompressed; {kinds} KiB) "
                        f"(target <= {TARGET_KIB} KiB: {'met' if kib <= TARGET_KIB else 'NOT met'})"
                    )
                browser.close()

            if not LIGHTHOUSE.exists():
                raise SystemExit(f"{LIGHTHOUSE.relative_to(ROOT)} missing: run 'npm ci' (or 'make benchmark')")
            print(
                f"lighthouse {subprocess.run([str(LIGHTHOUSE), '--version'], capture_output=True, text=True).stdout.strip()} "
                f"(mobile, simulated throttling), median of {LIGHTHOUSE_RUNS} runs per page, target 100 in all four categories:"
            )
            pages = [prefix + path for prefix in ("", "en/") for path in ("", *SECTION_PAGES)]
            for path in pages:
                results = [lighthouse(base_url + path, workdir) for _ in range(LIGHTHOUSE_RUNS)]
                runs = [result for result in results if not isinstance(result, str)]
                for failure in sorted({result for result in results if isinstance(result, str)}):
                    print(f"  /{path}: {failure}")
                if not runs:
                    continue
                medians = {name: statistics.median(scores[name] for scores, _ in runs) for name in CATEGORIES}
                shown = "  ".join(
                    f"{name} {round(median * 100)}"
                    + (
                        f" (runs: {' '.join(str(round(scores[name] * 100)) for scores, _ in runs)})"
                        if name == "performance"
                        else ""
                    )
                    for name, median in medians.items()
                )
                met = all(median == 1 for median in medians.values())
                print(f"  /{path}: {shown}  ({'met' if met else 'NOT met'})")
                worst: dict[str, tuple[float, str]] = {}
                for _, audits in runs:
                    for audit, (score, shown_value) in audits.items():
                        if audit not in worst or score < worst[audit][0]:
                            worst[audit] = (score, shown_value)
                if worst:
                    print(
                        "    below 1 in some run (worst): "
                        + "; ".join(
                            f"{audit} {score:.2f}" + (f" ({value})" if value else "")
                            for audit, (score, value) in sorted(worst.items())
                        )
                    )


if __name__ == "__main__":
    main()
