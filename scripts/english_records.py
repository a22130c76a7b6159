"""The English over time: every state of the translation that was published, by date.

translation/english/<YYYY-MM-DD>.en.json holds the English of every part as published from that
date on, and the retrieval of the Chinese it translates:

    {"translates": "2022-01-23", "english": {"4.3": "In order to …", …}}

(a part's key: scripts/versions.py). The newest record is the English of docs/en/ itself: the
check reports any part that differs from it (an English revision not yet recorded), and `make
record-english` writes today's record. So the site can show, for each retrieval of the Chinese,
the English as it stood then (its newest record), and its feeds can tell a translation correction
(two records of one retrieval) from the translation of a new text. Plain Python, no MkDocs import.

    python -m scripts.english_records record [--date YYYY-MM-DD]     # or: make record-english
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from scripts.clauses import Page, ParseError, display_path, item_label, parse_language, parse_markdown
from scripts.languages import ENGLISH
from scripts.source import CURRENT_SOURCE, read_source
from scripts.versions import Finding, History, texts, texts_by_key

RECORDS = Path("translation") / "english"
SUFFIX = ".en.json"
UNRECORDED = "English not recorded"  # how the check's message for such a part begins


@dataclass(frozen=True)
class EnglishRecord:
    """The English of every part as published from `since` on, translating the retrieval of `translates`."""

    since: str  # YYYY-MM-DD
    translates: str  # the date of the retrieval whose Chinese it translates
    texts: dict[str, str]  # part key → English Markdown
    path: Path


def english_texts(en_pages: Sequence[Page]) -> dict[str, str]:
    return {key: text.text for key, text in texts_by_key(en_pages).items()}


def read_english_records(root: Path) -> list[EnglishRecord]:
    """Every record under root, oldest first; none where there is no folder. Raises ParseError."""
    folder = root / RECORDS
    records = []
    for path in sorted(folder.glob(f"*{SUFFIX}")) if folder.is_dir() else []:
        since = path.name.removesuffix(SUFFIX)
        expected = f'expected <YYYY-MM-DD>{SUFFIX} holding {{"translates": "YYYY-MM-DD", "english": {{part: English text}}}}'
        try:
            date.fromisoformat(since)
            content = json.loads(path.read_text(encoding="utf-8"))
        except ValueError as error:  # a name that is no date, or JSON that cannot be read
            raise ParseError(f"{display_path(path)}:1: {expected}: {error}") from error
        except OSError as error:
            raise ParseError(f"{display_path(path)}: cannot read: {error}") from error
        texts = content.get("english") if isinstance(content, dict) else None
        translates = content.get("translates") if isinstance(content, dict) else None
        if (
            not isinstance(translates, str)
            or not isinstance(texts, dict)
            or not all(isinstance(key, str) and isinstance(value, str) for key, value in texts.items())
        ):
            raise ParseError(f"{display_path(path)}:1: {expected}")
        records.append(EnglishRecord(since, translates, texts, path))
    return records


def unrecorded(records: Sequence[EnglishRecord], en_pages: Sequence[Page]) -> list[Finding]:
    """Each English part that differs from the newest record (or is not in it)."""
    if not records:
        return []
    newest = records[-1]
    findings = []
    for key, text in texts_by_key(en_pages).items():
        if newest.texts.get(key) != text.text:
            findings.append(
                Finding(
                    ENGLISH.code,
                    display_path(text.page.path),
                    text.line,
                    text.label,
                    f"{UNRECORDED}: it differs from {display_path(newest.path)}; record it with: make record-english",
                )
            )
    for key in sorted(set(newest.texts) - set(texts_by_key(en_pages))):
        findings.append(
            Finding(
                ENGLISH.code,
                display_path(newest.path),
                1,
                key,
                f"{UNRECORDED}: the record holds English for a part no page has; record it with: make record-english",
            )
        )
    return findings


def english_of_versions(history: History, records: Sequence[EnglishRecord], current: dict[str, str]) -> dict[str, dict[str, str]]:
    """The English of each retrieval, by its date, where it is known: of the current one, the
    English of docs/en/ (`current`); of an earlier one, its newest record."""
    english = {record.translates: record.texts for record in records}  # the newest of each retrieval last
    english[history.current.retrieved] = current
    return {version.retrieved: english[version.retrieved] for version in history.versions if version.retrieved in english}


def permanent_date(language: str, retrieved: str, records: Sequence[EnglishRecord]) -> str | None:
    """The date that names the permanent pages of a retrieval's text in a language (/v/<date>/,
    /en/v/<date>/): of the Chinese, the retrieval's date; of the English, the date of its newest
    record. Each record of the English has pages of its own, so a citation's English words stay at
    its address when the translation is revised. None: no record translates that retrieval."""
    if language != ENGLISH.code:
        return retrieved
    dates = [record.since for record in records if record.translates == retrieved]
    return dates[-1] if dates else None


def english_pages(chinese: Sequence[Page], english: dict[str, str]) -> list[Page] | None:
    """The English pages of a retrieval, in its structure, from the English of its parts (a record);
    None when the record lacks a part (the English of that text is not known)."""
    pages = []
    for page in chinese:
        lines = []
        for text in texts(page):
            translated = english.get(text.key)
            if translated is None:
                return None
            if text.kind in ("title", "heading"):
                lines.append(f"# {translated}")
            elif text.kind == "clause":
                lines.append(f"{text.clause} {translated}")
            elif text.kind == "item":
                assert text.number is not None, text.key  # texts() gives every item its number
                lines.append(f"{item_label(ENGLISH.code, text.number)} {translated}")
            else:
                lines.append(translated)
        pages.append(parse_markdown("\n\n".join(lines) + "\n", ENGLISH.code, page.path, page.name))
    return pages


def record(root: Path, day: str) -> Path | None:
    """Write the English of docs/en/ as the record of `day`, translating the current retrieval,
    unless the newest record already holds it; returns the file written. Raises ParseError, or
    ValueError for a day before the newest record."""
    texts = english_texts(parse_language(root / "docs", ENGLISH.code))
    translates = read_source(root / CURRENT_SOURCE).retrieved
    records = read_english_records(root)
    if records and records[-1].texts == texts and records[-1].translates == translates:
        return None
    if records and day < records[-1].since:
        raise ValueError(f"{day} is before the newest record, {display_path(records[-1].path)}")
    path = root / RECORDS / f"{day}{SUFFIX}"
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    content = {"translates": translates, "english": texts}
    temporary.write_text(json.dumps(content, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    temporary.replace(path)
    return path


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.english_records", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    recording = commands.add_parser("record", help="record the English of docs/en/ as published from today (or --date)")
    recording.add_argument("--date", default=datetime.now(UTC).date().isoformat(), help="YYYY-MM-DD (default: today, UTC)")
    recording.add_argument("--root", type=Path, default=Path(), help="the project folder (default: the working directory)")
    args = parser.parse_args(argv)
    try:
        date.fromisoformat(args.date)
        written = record(args.root, args.date)
    except (ParseError, ValueError) as error:
        print(f"cannot record the English: {error}", file=sys.stderr)
        return 2
    print(f"recorded the English as {display_path(written)}" if written else "the English is already recorded; nothing to do")
    return 0


if __name__ == "__main__":
    sys.exit(main())
