"""Track the source: fetch the agreement's page and compare its text with the newest retrieval.

    python -m scripts.track [--url URL]      # or: make track [URL=…]

The address is the newest retrieval's `url:` unless --url gives another. The page is fetched
(urllib3; at most 5 redirects, 2 MiB and --timeout seconds in all, UTF-8 only), the agreement is
extracted from it into the retrieval format (scripts/extraction.py), and then:

- the text is the newest retrieval's, as the clause model reads it (the same parts, plain text and
  link targets): a check is recorded in source/checks.txt (scripts/checks.py), with the SHA-256 of
  the page as fetched; nothing else is written;
- the text differs: the page is kept as source/snapshots/<date>.html, byte for byte, and the
  extracted text becomes a new retrieval (its front matter names the snapshot and its SHA-256),
  brought in by the import (scripts/import_retrieval.py) together with the snapshot: docs/zh/ is
  regenerated and the check then names each English part to revise.

Dates are UTC. One retrieval per day: a second track on the day of a retrieval records a check
when the text is the same, and is refused when it differs.

Exit status: 0 checked or imported; 2 nothing written (the page could not be fetched, was not
UTF-8 HTML, held no agreement, or the clause model could not split its text), with one line that
says why. When the text was extracted but cannot be split, it is kept with the page in a
temporary folder that the message names.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import urllib3

from scripts.checks import CHECKS_FILE, Check, with_check
from scripts.clauses import ParseError, display_path
from scripts.extraction import ExtractionError, check_extracted, extract_text
from scripts.import_retrieval import ImportProblem, Plan, apply, plan_import
from scripts.source import parse_source, read_retrievals
from scripts.versions import read_version, same_text

SNAPSHOTS = Path("source") / "snapshots"  # <YYYY-MM-DD>.html: the page behind each tracked retrieval
MAX_PAGE_BYTES = 2 * 1024 * 1024  # the page is about 20 KiB; anything near this is not the agreement
MAX_REDIRECTS = 5
TIMEOUT = 30.0  # seconds for the whole fetch, redirects included
USER_AGENT = "tim-agreement-tracker (checks the published agreement weekly)"
_REDIRECTS = {301, 302, 303, 307, 308}
_HTML_TYPES = ("text/html", "application/xhtml+xml")


class TrackProblem(Exception):
    """The page cannot be tracked; the message says why in one line."""


@dataclass(frozen=True)
class Fetched:
    url: str  # where the page was found, after any redirect
    body: bytes  # as the server sent it
    content_type: str
    at: datetime  # when the fetch started, UTC


def fetch(url: str, timeout: float, max_bytes: int = MAX_PAGE_BYTES) -> Fetched:
    """GET a page, following at most MAX_REDIRECTS redirects, within timeout seconds in all and
    max_bytes. Raises TrackProblem saying what went wrong."""
    at = datetime.now(UTC).replace(microsecond=0)
    deadline = time.monotonic() + timeout
    pool = urllib3.PoolManager(retries=False, headers={"User-Agent": USER_AGENT, "Accept": ", ".join(_HTML_TYPES)})
    visited = [url]
    while True:
        response = _get(pool, url, deadline, timeout)
        try:
            if response.status in _REDIRECTS:
                location = response.headers.get("Location")
                if not location:
                    raise TrackProblem(f"{url} answered {response.status} (a redirect) without saying where to")
                url = urljoin(url, location)
                if url in visited:
                    raise TrackProblem(f"redirect loop: {' → '.join([*visited[visited.index(url) :], url])}")
                if len(visited) > MAX_REDIRECTS:
                    raise TrackProblem(f"more than {MAX_REDIRECTS} redirects: {' → '.join(visited)} → …")
                visited.append(url)
                continue
            if response.status != 200:
                raise TrackProblem(f"{_at(url, visited)}HTTP {response.status} {response.reason or ''}".rstrip())
            content_type = response.headers.get("Content-Type", "")
            if content_type and not content_type.lower().startswith(_HTML_TYPES):
                raise TrackProblem(f"{_at(url, visited)}with {content_type!r}, not an HTML page")
            body = _read(response, deadline, timeout, max_bytes)
        finally:
            response.release_conn()
        return Fetched(url, body, content_type, at)


def _at(url: str, visited: list[str]) -> str:
    """How an answer is introduced: by the address it came from when a redirect led there."""
    return "answered " if url == visited[0] else f"{url}, where {visited[0]} redirects, answered "


def _get(pool: urllib3.PoolManager, url: str, deadline: float, timeout: float) -> urllib3.BaseHTTPResponse:
    host = urlsplit(url).hostname or url
    remaining = max(deadline - time.monotonic(), 0.001)
    try:
        return pool.request("GET", url, redirect=False, preload_content=False, timeout=urllib3.Timeout(total=remaining))
    except urllib3.exceptions.NameResolutionError as error:
        raise TrackProblem(f"cannot resolve {host}: no network, or no such host") from error
    except urllib3.exceptions.NewConnectionError as error:
        raise TrackProblem(f"cannot connect to {host}: no network, or the server is down ({_reason(error)})") from error
    except urllib3.exceptions.TimeoutError as error:
        raise TrackProblem(f"{host} did not answer within {timeout:g} s") from error
    except urllib3.exceptions.HTTPError as error:
        raise TrackProblem(f"cannot fetch {url}: {_reason(error)}") from error


def _read(response: urllib3.BaseHTTPResponse, deadline: float, timeout: float, max_bytes: int) -> bytes:
    """The body, a piece at a time, so that neither a slow trickle nor an endless one gets past the limits."""
    body = bytearray()
    try:
        while piece := response.read1(64 * 1024):
            body += piece
            if len(body) > max_bytes:
                raise TrackProblem(f"the page is larger than {max_bytes // 1024 // 1024} MiB: not the agreement")
            if time.monotonic() > deadline:
                raise TrackProblem(f"the page did not arrive within {timeout:g} s")
    except urllib3.exceptions.TimeoutError as error:
        raise TrackProblem(f"the page did not arrive within {timeout:g} s") from error
    except urllib3.exceptions.HTTPError as error:
        raise TrackProblem(f"the page did not arrive whole: {_reason(error)}") from error
    return bytes(body)


def _reason(error: Exception) -> str:
    """What the system said (Connection refused, Network is unreachable …), or else urllib3's message."""
    cause = error.__cause__
    return cause.strerror if isinstance(cause, OSError) and cause.strerror else str(error)


def page_text(fetched: Fetched) -> str:
    """The page as text. Raises TrackProblem unless it is UTF-8 (as the agreement is served)."""
    try:
        return fetched.body.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        sent = f" (the server says {fetched.content_type!r})" if fetched.content_type else ""
        raise TrackProblem(
            f"the page is not UTF-8: byte 0x{fetched.body[error.start]:02x} at offset {error.start} cannot be read{sent}"
        ) from error


def _inspection_folder(day: str) -> Path:
    """Where a page whose text cannot be split is kept with that text, outside the project."""
    return Path(tempfile.gettempdir()) / f"track-{day}"


def _keep(fetched: Fetched, extracted: Path, text: str | None = None) -> Path:
    """Keep the page (and the text extracted from it) where the message can name them; the page's path."""
    extracted.parent.mkdir(exist_ok=True)
    if text is not None:
        extracted.write_text(text, encoding="utf-8")
    page = extracted.with_suffix("").with_suffix(".html")
    page.write_bytes(fetched.body)
    return page


def track(root: Path, address: str, timeout: float) -> list[str]:
    """Fetch, extract, compare; record a check or import a new retrieval. What was done, line by
    line. Raises TrackProblem, ExtractionError, ParseError or ImportProblem, having written nothing
    under root."""
    current = read_retrievals(root)[-1]
    fetched = fetch(address, timeout)
    day = fetched.at.date().isoformat()
    if day < current.retrieved:
        raise TrackProblem(f"today ({day}, UTC) is before the newest retrieval ({current.retrieved}): is the clock right?")
    digest = hashlib.sha256(fetched.body).hexdigest()
    snapshot = SNAPSHOTS / f"{day}.html"
    html = page_text(fetched)
    kept = _inspection_folder(day) / f"{day}.zh.txt"
    try:
        text = extract_text(html, address, fetched.at, {"snapshot": snapshot.as_posix(), "snapshot_sha256": digest})
    except ExtractionError as error:
        raise ExtractionError(f"{error}; the page is kept as {display_path(_keep(fetched, kept))}") from error
    try:
        check_extracted(text, kept)
    except ExtractionError as error:
        raise ExtractionError(f"{error}; the page it was extracted from is {display_path(_keep(fetched, kept, text))}") from error
    notes = [f"note: {address} redirected to {fetched.url}"] if fetched.url != address else []
    retrieval = parse_source(text, kept)
    if same_text(read_version(current), read_version(retrieval)):
        apply(Plan(writes={root / CHECKS_FILE: with_check(root, Check(day, current.retrieved, "track", digest))}))
        return [
            *notes,
            f"checked {address} on {day}: the text of the retrieval of {current.retrieved}, unchanged; "
            f"recorded in {CHECKS_FILE.as_posix()}",
        ]
    if (root / snapshot).exists():
        raise TrackProblem(
            f"the text differs from the retrieval of {current.retrieved}, and {snapshot.as_posix()} already holds a page "
            f"of {day}: one retrieval a day; track again tomorrow"
        )
    with tempfile.TemporaryDirectory(prefix="track-") as folder:
        retrieved = Path(folder) / f"{day}.zh.txt"
        retrieved.write_text(text, encoding="utf-8")
        plan = plan_import(root, retrieved)
        plan.writes[root / snapshot] = fetched.body
        apply(plan)
    return [
        *notes,
        f"the text of {address} differs from the retrieval of {current.retrieved}",
        *plan.summary,
        f"kept the page as fetched as {snapshot.as_posix()}",
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.track", description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="the address to fetch (default: the newest retrieval's url)")
    parser.add_argument("--root", type=Path, default=Path(), help="the project folder (default: the working directory)")
    parser.add_argument("--timeout", type=float, default=TIMEOUT, help=f"seconds for the whole fetch (default: {TIMEOUT:g})")
    args = parser.parse_args(argv)
    address = args.url
    try:
        address = address or read_retrievals(args.root)[-1].url
        done = track(args.root, address, args.timeout)
    except (TrackProblem, ExtractionError, ParseError, ImportProblem, OSError) as error:
        print(f"cannot track {address or 'the source'}: {error}", file=sys.stderr)
        return 2
    print("\n".join(done))
    return 0


if __name__ == "__main__":
    sys.exit(main())
