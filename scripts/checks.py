"""The check records: each time the source was looked at and found to carry the text of the newest
retrieval, so that a page can say "checked against the source on D; unchanged since D0".

source/checks.txt holds one line per check, four fields separated by tabs:

    2026-12-06	2022-01-23	track	<SHA-256, 64 hex digits>

the date checked (UTC), the retrieval whose text the source still had (its clipped_at date), how
(track: `make track` fetched the page; import: `make import` was given a retrieval with a later
date), and the SHA-256 of what was compared (track: the page as fetched; import: the retrieved
file). Lines starting with '#' are comments. Written by make track and make import, never by hand.
Plain Python, no MkDocs import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from scripts.clauses import ParseError, display_path
from scripts.source import read_retrievals

CHECKS_FILE = Path("source") / "checks.txt"
HOW = ("track", "import")
HEADER = """\
# Each check of the source that found the text of the newest retrieval (make track, make import):
# the date checked (UTC), a tab, the retrieval whose text it had (its date), a tab, how (track: the page
# fetched; import: a retrieval with a later date), a tab, the SHA-256 of what was compared (track: the
# page as fetched; import: the retrieved file). Written by make track and make import; not edited by hand.
"""
_SHA256 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class Check:
    checked: str  # YYYY-MM-DD: the day the source was looked at
    matched: str  # YYYY-MM-DD: the retrieval whose text it had
    how: str  # one of HOW
    sha256: str  # of what was compared: the page as fetched (track) or the retrieved file (import)
    line: int = 0  # in the file it was read from; 0 for a check not yet written

    @property
    def written(self) -> str:
        return f"{self.checked}\t{self.matched}\t{self.how}\t{self.sha256}\n"


@dataclass(frozen=True)
class LastCheck:
    checked: str  # the last day the source was seen to carry the current text
    unchanged_since: str  # the date of the retrieval that brought the current text


def _is_date(text: str) -> bool:
    try:
        return date.fromisoformat(text).isoformat() == text
    except ValueError:
        return False


def parse_checks(text: str, path: Path) -> list[Check]:
    """The checks written in a checks file, in file order. Raises ParseError (file:line, what was expected)."""
    checks = []
    for number, line in enumerate(text.split("\n"), 1):
        if not line or line.startswith("#"):
            continue
        fields = line.split("\t")
        where = f"{display_path(path)}:{number}"
        if len(fields) != 4:
            raise ParseError(
                f"{where}: expected four fields separated by tabs (date checked, retrieval date, how, SHA-256), "
                f"as in '2026-12-06\\t2022-01-23\\ttrack\\t{'0' * 64}'; found {len(fields)}"
            )
        checked, matched, how, sha256 = fields
        for name, value in (("date checked", checked), ("retrieval date", matched)):
            if not _is_date(value):
                raise ParseError(f"{where}: {name} {value!r} is not a date: expected YYYY-MM-DD")
        if matched > checked:
            raise ParseError(f"{where}: checked on {checked}, before the retrieval of {matched} it names: expected a later date")
        if how not in HOW:
            raise ParseError(f"{where}: how {how!r}: expected {' or '.join(HOW)}")
        if not _SHA256.fullmatch(sha256):
            raise ParseError(f"{where}: {sha256!r} is not a SHA-256: expected 64 lower-case hex digits")
        checks.append(Check(checked, matched, how, sha256, number))
    return checks


def read_checks(root: Path) -> list[Check]:
    """The checks recorded under root; none when there is no checks file yet."""
    path = root / CHECKS_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError) as error:
        raise ParseError(f"{display_path(path)}: cannot read: {error}") from error
    return parse_checks(text, path)


def with_check(root: Path, check: Check) -> bytes:
    """The checks file with one more check, as it is to be written; unchanged when that check is
    already recorded (the same source looked at twice on one day)."""
    path = root / CHECKS_FILE
    text = path.read_text(encoding="utf-8") if path.exists() else HEADER
    recorded = {(c.checked, c.matched, c.how, c.sha256) for c in parse_checks(text, path)}
    if (check.checked, check.matched, check.how, check.sha256) not in recorded:
        text += check.written
    return text.encode("utf-8")


def last_check(root: Path) -> LastCheck:
    """When the source was last seen to carry the current text, and since when it has. Raises
    ParseError."""
    return summarise(read_checks(root), [source.retrieved for source in read_retrievals(root)], root)


def summarise(checks: list[Check], retrievals: list[str], root: Path) -> LastCheck:
    """The newest retrieval's date, or a later check of it. Raises ParseError for a check naming a
    retrieval that is not kept under source/ (the dates of `retrievals`)."""
    kept = set(retrievals)
    newest = max(kept)
    checked = newest
    for check in checks:
        if check.matched not in kept:
            raise ParseError(
                f"{display_path(root / CHECKS_FILE)}:{check.line}: names the retrieval of {check.matched}, "
                f"which is not kept under source/ (kept: {', '.join(sorted(kept))})"
            )
        if check.matched == newest:
            checked = max(checked, check.checked)
    return LastCheck(checked=checked, unchanged_since=newest)
