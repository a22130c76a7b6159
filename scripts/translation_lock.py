"""Which Chinese text each English part was translated from, like gettext's "fuzzy".

translation/translated-from.txt holds one line per part: its key (title, section-4, preamble-2,
4.3, 10.1-2, section-12-paragraph-1; see scripts/versions.py), a tab, and the first 16 hex digits
of the SHA-256 of the Chinese text the English was confirmed against. When the Chinese of a part
changes (a new retrieval, `make import`) and its English has not been confirmed since, the parity
check reports the English part as translated from an older Chinese text. After revising the
English, the translator confirms it:

    python -m scripts.translation_lock confirm 4.3 10.3      # or: make confirm PART='4.3 10.3'
    python -m scripts.translation_lock confirm 10            # every part of section 10
    python -m scripts.translation_lock confirm all           # every part

Exit status: 0 confirmed, 2 a part that does not exist in both languages, or a page or the lock
file that cannot be read. Plain Python, no MkDocs import.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections.abc import Sequence
from pathlib import Path

from scripts.clauses import Page, ParseError, display_path, parse_language
from scripts.languages import LANGUAGES, REFERENCE_LANGUAGE
from scripts.versions import Finding, History, Text, source_findings, texts_by_key

LOCK_FILE = Path("translation") / "translated-from.txt"
HEADER = """\
# The Chinese text each English part translates: the part, a tab, and the first 16 hex digits of
# the SHA-256 of that Chinese text (UTF-8, as written in docs/zh/, after a clause's or item's number).
# Written by `make confirm PART=…` (python -m scripts.translation_lock confirm); not edited by hand.
"""
SHOWN = 12  # parts named in confirm's message
TRANSLATION_LANGUAGES = tuple(language for language in LANGUAGES if language != REFERENCE_LANGUAGE)


def chinese_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def read_lock(path: Path) -> dict[str, str]:
    """Part key → hash of the Chinese its English translates. Raises ParseError (file:line)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ParseError(
            f"{display_path(path)}: cannot read: {error}; once the English is current, create it with: make confirm PART=all"
        ) from error
    entries = {}
    for number, line in enumerate(text.split("\n"), 1):
        if not line or line.startswith("#"):
            continue
        key, tab, digest = line.partition("\t")
        if not tab or not key or len(digest) != 16 or any(c not in "0123456789abcdef" for c in digest):
            raise ParseError(
                f"{display_path(path)}:{number}: expected a part, a tab and 16 hex digits, as in '4.3\\t0123456789abcdef'; "
                "the file is written by make confirm"
            )
        entries[key] = digest
    return entries


def write_lock(path: Path, entries: dict[str, str]) -> None:
    """Write the lock file whole: to a temporary file beside it, then moved into place."""
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.parent.mkdir(parents=True, exist_ok=True)
    temporary.write_text(HEADER + "".join(f"{key}\t{digest}\n" for key, digest in entries.items()), encoding="utf-8")
    temporary.replace(path)


def _where(text: Text) -> str:
    return f"{display_path(text.page.path)}:{text.line}"


def stale_findings(lock: dict[str, str], pages_by_language: dict[str, list[Page]], history: History | None) -> list[Finding]:
    """Each English part whose Chinese text is not the one its English was confirmed against."""
    chinese = texts_by_key(pages_by_language[REFERENCE_LANGUAGE])
    findings = []
    for language in TRANSLATION_LANGUAGES:
        for key, text in texts_by_key(pages_by_language[language]).items():
            original = chinese.get(key)
            if original is None:
                continue  # a part the Chinese does not have: the structure check reports it
            confirmed = lock.get(key)
            if confirmed == chinese_hash(original.text):
                continue
            then = None
            if confirmed and history:
                then = next(
                    (
                        v.retrieved
                        for v in reversed(history.versions)
                        if key in v.texts and chinese_hash(v.texts[key].text) == confirmed
                    ),
                    None,
                )
            if confirmed is None:
                problem = "no record of the Chinese text it translates"
            else:
                problem = (
                    f"translated from an older Chinese text ({f'that of {then}' if then else 'one no longer kept under source/'})"
                )
            message = (
                f"{problem}; {REFERENCE_LANGUAGE} has the current text at {_where(original)}; "
                f"revise the English, then run: make confirm PART={key}"
            )
            findings.append(Finding(language, display_path(text.page.path), text.line, text.label, message))
    return findings


def revision_findings(root: Path, pages_by_language: dict[str, list[Page]], history: History) -> list[Finding]:
    """What the parity check adds in a project with retrievals (unlike the check's fixtures): the
    Chinese pages against the current source, and the English against the lock. Raises
    ParseError when the lock file cannot be read."""
    findings = source_findings(root, history.current.source, pages_by_language[REFERENCE_LANGUAGE])
    return findings + stale_findings(read_lock(root / LOCK_FILE), pages_by_language, history)


def confirm(root: Path, parts: Sequence[str]) -> list[str]:
    """Record the current Chinese of these parts (keys, section numbers, or 'all') as what their
    English translates; returns the keys confirmed. Parts of neither language are dropped from the
    lock. Raises ParseError, or ValueError for a part that is not in both languages."""
    pages = {language: parse_language(root / "docs", language) for language in LANGUAGES}
    chinese = texts_by_key(pages[REFERENCE_LANGUAGE])
    translated = [texts_by_key(pages[language]) for language in TRANSLATION_LANGUAGES]
    both = [key for key in chinese if all(key in texts for texts in translated)]
    chosen: list[str] = []
    for part in parts:
        if part == "all":
            chosen += both
        elif part.isdigit():
            in_section = [key for key in both if chinese[key].page.section == int(part)]
            if not in_section:
                raise ValueError(f"section {part}: no part of it is in both languages")
            chosen += in_section
        elif part in both:
            chosen.append(part)
        else:
            where = "the Chinese" if part not in chinese else "the English"
            raise ValueError(
                f"{part}: {where} has no such part; expected a part's key as in the check's "
                "messages (4.3, 10.1-2, preamble-2, section-4, title), a section number, or all"
            )
    path = root / LOCK_FILE
    lock = read_lock(path) if path.exists() else {}
    for key in chosen:
        lock[key] = chinese_hash(chinese[key].text)
    write_lock(path, {key: lock[key] for key in chinese if key in lock})
    return list(dict.fromkeys(chosen))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.translation_lock", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    confirming = commands.add_parser("confirm", help="record that the English of these parts translates their current Chinese")
    confirming.add_argument(
        "parts", nargs="+", help="part keys (4.3, 10.1-2, preamble-2, section-4, title), section numbers, or all"
    )
    confirming.add_argument("--root", type=Path, default=Path(), help="the project folder (default: the working directory)")
    args = parser.parse_args(argv)
    try:
        confirmed = confirm(args.root, [part for argument in args.parts for part in argument.split()])
    except (ParseError, ValueError) as error:
        print(f"cannot confirm: {error}", file=sys.stderr)
        return 2
    shown = ", ".join(confirmed[:SHOWN]) + (f" … and {len(confirmed) - SHOWN} more" if len(confirmed) > SHOWN else "")
    print(
        f"confirmed {len(confirmed)} English part{'s' if len(confirmed) != 1 else ''} as translating the current Chinese "
        f"({display_path(args.root / LOCK_FILE)}): {shown}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
