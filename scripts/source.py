"""The source text: the agreement as retrieved, with its front matter (title, URL, date), and
where the retrievals are kept.

Layout (paths relative to the project root):

    source/tim-agreement.zh.txt          the current retrieval, the newest: docs/zh/ is generated from it
    source/earlier/<YYYY-MM-DD>.zh.txt   every earlier retrieval, named by its clipped_at date

A retrieval is the file as clipped: front matter between two '---' lines (at least title, url and
clipped_at), then the agreement's text. Plain Python, no MkDocs import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from scripts.clauses import ParseError, display_path
from scripts.markup import character_problems, markup_problems

CURRENT_SOURCE = Path("source") / "tim-agreement.zh.txt"
EARLIER_SOURCES = Path("source") / "earlier"
EARLIER_SUFFIX = ".zh.txt"
# Each field the front matter must have, with an example line.
REQUIRED_FIELDS = {
    "title": "title: TIM软件许可及服务协议",
    "url": "url: https://ti.qq.com/tim/serverinfo.html",
    "clipped_at": "clipped_at: 2022-01-23 13:43:36",
}
_FENCE = "---"
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_WEB_ADDRESS = re.compile(r"https?://[^\s<>\"'`]+")


@dataclass(frozen=True)
class Source:
    title: str
    url: str
    retrieved: str  # YYYY-MM-DD
    body: str  # the agreement, exactly as retrieved
    path: Path  # the file it was read from, for messages
    body_line: int = 1  # the line of that file on which the body's first line stands
    # The page `make track` extracted it from, kept as fetched (relative to the project), and its
    # SHA-256; empty for a retrieval brought in by hand.
    snapshot: str = ""
    snapshot_sha256: str = ""

    @property
    def provenance(self) -> dict[str, str]:
        return {"title": self.title, "url": self.url, "retrieved": self.retrieved}


def parse_source(text: str, path: Path) -> Source:
    """Split the front matter (simple "key: value" lines between --- fences) from the body.

    Raises ParseError naming path:line and what was expected."""
    where = display_path(path)
    lines = text.split("\n")
    if lines[0].rstrip("\r") != _FENCE:
        raise ParseError(
            f"{where}:1: expected front matter: a first line '---', then lines such as "
            f"'{REQUIRED_FIELDS['clipped_at']}', then '---'"
        )
    closing = next((number for number, line in enumerate(lines[1:], 2) if line.rstrip("\r") == _FENCE), None)
    if closing is None:
        last = len(lines) - (lines[-1] == "")
        raise ParseError(f"{where}:{last}: the front matter opened on line 1 is not closed: expected a line '---' after it")
    fields: dict[str, tuple[str, int]] = {}
    for number, line in enumerate(lines[1 : closing - 1], 2):
        if ":" in line and not line.startswith((" ", "\t", "-")):
            key, value = line.split(":", 1)
            fields[key.strip()] = (value.strip(), number)
    for key, example in REQUIRED_FIELDS.items():
        if not fields.get(key, ("", 0))[0]:
            raise ParseError(
                f"{where}:{closing}: the front matter has no {key}: expected a line like '{example}' before this '---'"
            )
    title, title_line = fields["title"]
    if problems := character_problems(title) + [found.message for found in markup_problems(f"# {title}\n")]:
        raise ParseError(f"{where}:{title_line}: the title {title!r} is not plain text: {problems[0]}")
    url, url_line = fields["url"]
    if not _WEB_ADDRESS.fullmatch(url):
        raise ParseError(f"{where}:{url_line}: url {url!r} is not a web address: expected https://… or http://…")
    clipped_at, clipped_line = fields["clipped_at"]
    day = clipped_at.split()[0]
    if not _DATE.fullmatch(day) or not _is_date(day):
        raise ParseError(
            f"{where}:{clipped_line}: clipped_at {clipped_at!r} does not start with a date: "
            f"expected YYYY-MM-DD, as in '{REQUIRED_FIELDS['clipped_at']}'"
        )
    after = lines[closing:]
    leading = next((index for index, text in enumerate(after) if text.strip()), None)
    if leading is None:
        raise ParseError(f"{where}:{closing}: no agreement text after the front matter")
    return Source(
        title=fields["title"][0],
        url=fields["url"][0],
        retrieved=day,
        body="\n".join(after).strip("\n"),
        path=path,
        body_line=closing + 1 + leading,
        snapshot=fields.get("snapshot", ("", 0))[0],
        snapshot_sha256=fields.get("snapshot_sha256", ("", 0))[0],
    )


def _is_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def read_source(path: Path) -> Source:
    """A retrieval file as a Source. Raises ParseError (file:line and what was expected)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ParseError(f"{display_path(path)}: cannot read: {error}") from error
    return parse_source(text, path)


def earlier_path(root: Path, retrieved: str) -> Path:
    """Where an earlier retrieval of that date is kept."""
    return root / EARLIER_SOURCES / f"{retrieved}{EARLIER_SUFFIX}"


def read_retrievals(root: Path) -> list[Source]:
    """Every retrieval kept under root, oldest first; the last one is the current source.

    Raises ParseError when a file cannot be read, an earlier file is not named by its
    clipped_at date, or an earlier retrieval is not older than the current one."""
    current = read_source(root / CURRENT_SOURCE)
    folder = root / EARLIER_SOURCES
    earlier = [read_source(path) for path in sorted(folder.glob(f"*{EARLIER_SUFFIX}"))] if folder.is_dir() else []
    for source in earlier:
        if source.path.name != f"{source.retrieved}{EARLIER_SUFFIX}":
            raise ParseError(
                f"{display_path(source.path)}:1: an earlier retrieval is named by its clipped_at date: expected {source.retrieved}{EARLIER_SUFFIX}"
            )
        if source.retrieved >= current.retrieved:
            raise ParseError(
                f"{display_path(source.path)}:1: an earlier retrieval must be older than the current one "
                f"({display_path(root / CURRENT_SOURCE)}, retrieved {current.retrieved}); this one is of {source.retrieved}"
            )
    return [*earlier, current]
