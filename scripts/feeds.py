"""The Atom feeds: every change of the agreement over time, for the whole agreement and for each
section, in each language (/feeds/agreement.atom, /feeds/section-10.atom, /en/feeds/…).

One entry per change of a part between two retrievals of the Chinese (changed, added, removed,
with what differs marked), one for the first retrieval kept, and one per revision of the English
made while the Chinese of that part stood still (a translation correction, from the English
records: scripts/english_records.py). Written with feedgen, a maintained Atom writer; every date
comes from the record (a retrieval's or an English record's), so two builds are byte-identical.
Plain Python, no MkDocs import.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import cast
from urllib.parse import urlsplit

from feedgen.feed import FeedGenerator  # type: ignore[import-untyped]  # ships no type hints

from scripts.addresses import page_url, version_page
from scripts.clauses import HOME_PAGE, plain_text
from scripts.english_records import EnglishRecord, english_of_versions, permanent_date
from scripts.languages import ENGLISH, HTML_LANG, REFERENCE_LANGUAGE, REGISTRY, fill
from scripts.pages import DiffRow, diff, part_name
from scripts.rendering import render
from scripts.versions import CHANGE_KINDS, History, Text, Version, changes

FEEDS_FOLDER = "feeds"
TAG_AUTHORITY_DATE = "2026"  # the year the site's tag URIs were first minted (RFC 4151)


def feed_name(section: int | None) -> str:
    """The feed of the whole agreement, or of one section: agreement.atom, section-10.atom."""
    return "agreement.atom" if section is None else f"section-{section}.atom"


def feed_path(language: str, section: int | None = None) -> str:
    """A feed's site path: /feeds/agreement.atom, /en/feeds/section-10.atom."""
    return page_url(language, HOME_PAGE) + f"{FEEDS_FOLDER}/{feed_name(section)}"


@dataclass(frozen=True)
class FeedEntry:
    key: str  # stable across builds: <date>/<kind>/<part key>
    date: str  # YYYY-MM-DD
    kind: str  # first, changed, added, removed or translation
    section: int | None  # the section it concerns; None for the title and the preamble
    title: str
    link: str  # site path of the part (or page) it concerns
    rows: list[DiffRow]


def _permanent(language: str, retrieved: str, page_name: str, records: Sequence[EnglishRecord]) -> str:
    """A page of a retrieval's text at its permanent address in a language (the English: its
    newest record's); in Chinese when that retrieval's English was never recorded."""
    date = permanent_date(language, retrieved, records)
    if date is None:
        return page_url(REFERENCE_LANGUAGE, version_page(retrieved, page_name))
    return page_url(language, version_page(date, page_name))


def _anchor(text: Text) -> str:
    return f"#{text.key}" if text.kind in ("clause", "item", "preamble") else ""


def _link(language: str, version: Version, text: Text, records: Sequence[EnglishRecord]) -> str:
    return _permanent(language, version.retrieved, text.page.name, records) + _anchor(text)


def _rows(labels: dict[str, str], old: str | None, new: str | None, script_of: str) -> list[DiffRow]:
    """The text before and after (a diff of both when both exist), labelled."""
    lang = HTML_LANG[script_of]
    if old is not None and new is not None:
        before, after = diff(old, new, script_of)
        return [DiffRow(labels["before"], lang, before, "del"), DiffRow(labels["after"], lang, after, "ins")]
    if old is not None:
        return [DiffRow(labels["before"], lang, [(True, old)], "del")]
    return [DiffRow(labels["after"], lang, [(True, new or "")], "ins")]


def feed_entries(
    history: History, english_records: Sequence[EnglishRecord], current_english: dict[str, str], language: str
) -> list[FeedEntry]:
    """Every entry of a language's feeds, newest first."""
    ui = cast("Mapping[str, str]", REGISTRY[language].strings["versions"])
    feed = REGISTRY[language].strings["feed"]
    zh_labels = {"before": ui["before"], "after": ui["after"]}
    en_labels = {"before": ui["english_before"], "after": ui["english_after"]}
    english = english_of_versions(history, english_records, current_english)
    first = history.versions[0]
    entries = [
        FeedEntry(f"{first.retrieved}/first", first.retrieved, "first", None, fill(feed["first"], date=first.retrieved),
                  _permanent(language, first.retrieved, HOME_PAGE, english_records), [])
    ]  # fmt: skip
    entries += [
        FeedEntry(f"{first.retrieved}/first/section-{page.section}", first.retrieved, "first", page.section,
                  fill(feed["first"], date=first.retrieved), _permanent(language, first.retrieved, page.name, english_records), [])
        for page in first.pages if page.section
    ]  # fmt: skip
    for previous, version in itertools.pairwise(history.versions):
        for change in changes(previous, version):
            text = change.new or change.old
            assert text is not None, change.key  # a change has an old text, a new one or both
            old_zh = plain_text(change.old.text) if change.old else None
            new_zh = plain_text(change.new.text) if change.new else None
            rows = _rows(zh_labels, old_zh, new_zh, REFERENCE_LANGUAGE)
            if language != REFERENCE_LANGUAGE:
                old_en, new_en = (english.get(v.retrieved, {}).get(change.key) for v in (previous, version))
                if old_en is not None or new_en is not None:
                    rows += _rows(
                        en_labels, plain_text(old_en) if old_en else None, plain_text(new_en) if new_en else None, language
                    )
            entries.append(
                FeedEntry(
                    f"{version.retrieved}/{change.kind}/{change.key}",
                    version.retrieved,
                    change.kind,
                    text.page.section,
                    fill(feed["change"], kind=ui[change.kind], name=part_name(text, language), date=version.retrieved),
                    _link(language, version if change.new else previous, text, english_records),
                    rows,
                )
            )
    # Revisions of the English of one retrieval (the Chinese stood still): translation corrections.
    by_date = {version.retrieved: version for version in history.versions}
    for older, newer in itertools.pairwise(english_records):
        translated = by_date.get(newer.translates)
        if older.translates != newer.translates or translated is None:
            continue
        for key, new_en in newer.texts.items():
            old_en = older.texts.get(key)
            chinese = translated.texts.get(key)
            if old_en is None or old_en == new_en or chinese is None:
                continue
            entries.append(
                FeedEntry(
                    f"{newer.since}/translation/{key}",
                    newer.since,
                    "translation",
                    chinese.page.section,
                    fill(feed["translation"], name=part_name(chinese, language), date=newer.since),
                    page_url(ENGLISH.code, version_page(newer.since, chinese.page.name)) + _anchor(chinese),
                    _rows(en_labels, plain_text(old_en), plain_text(new_en), ENGLISH.code),
                )
            )
    order = {kind: index for index, kind in enumerate(("translation", *CHANGE_KINDS, "first"))}
    return sorted(entries, key=lambda entry: (entry.date, -order[entry.kind]), reverse=True)


def atom(entries: Sequence[FeedEntry], language: str, section: tuple[int, str] | None, site_url: str) -> bytes:
    """One feed: the whole agreement's (section None) or one section's (its number and title)."""
    base = site_url.rstrip("/")
    host = urlsplit(base).hostname or "localhost"
    strings = REGISTRY[language].strings["feed"]
    site = REGISTRY[language].site_name
    number = section[0] if section else None
    chosen = [entry for entry in entries if section is None or entry.section == number]
    generator = FeedGenerator()
    generator.id(f"tag:{host},{TAG_AUTHORITY_DATE}:tim-agreement/{language}/{feed_name(number)}")
    generator.title(fill(strings["section_title"], site=site, title=section[1]) if section else fill(strings["title"], site=site))
    generator.subtitle(strings["subtitle"])
    generator.author({"name": site})
    generator.language(HTML_LANG[language])
    generator.link(href=base + feed_path(language, number), rel="self", type="application/atom+xml")
    generator.link(href=base + page_url(language, "versions/index.md"), rel="alternate", type="text/html")
    generator.updated(_moment(max(entry.date for entry in chosen)))
    for entry in reversed(chosen):  # feedgen writes entries in the reverse order of adding them
        item = generator.add_entry()
        item.id(f"tag:{host},{TAG_AUTHORITY_DATE}:tim-agreement/{entry.key}/{language}")
        item.title(entry.title)
        item.updated(_moment(entry.date))
        item.link(href=base + entry.link, rel="alternate", type="text/html")
        item.category(term=entry.kind)
        item.content(render("feed_entry.html", entry=entry, strings=REGISTRY[language].strings), type="html")
    return bytes(generator.atom_str(pretty=True))


def _moment(day: str) -> datetime:
    return datetime.fromisoformat(day).replace(tzinfo=UTC)
