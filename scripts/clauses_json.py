"""clauses.json: every section, clause and item in both languages, with its addresses, notes and
versions, for machines. Its contract is the JSON Schema scripts/schemas/clauses.schema.json,
published beside it. Plain Python, no MkDocs import.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypedDict

from scripts.addresses import CLAUSES_SCHEMA, page_url, short_link_path, version_page
from scripts.checks import LastCheck
from scripts.clauses import HOME_PAGE, Page, plain_text
from scripts.english_records import EnglishRecord, permanent_date
from scripts.evidence import PublishedFile
from scripts.languages import ENGLISH, HTML_LANG, LANGUAGES, REFERENCE_LANGUAGE, REGISTRY, fill
from scripts.notes import Note, note_anchor
from scripts.versions import History

if TYPE_CHECKING:
    # clauses.json as the build writes it (scripts/schemas/clauses.schema.json), for the type check
    # only: `closed` (PEP 728) is not in Python 3.11's typing, and typing_extensions is a dev
    # dependency, not a build one. A dict[str, str] is one text per language (zh, en). The keys
    # marked NotRequired are added by add_versions (below) after the document is
    # built here; Urls and PartNotes are closed so that they can be unpacked (**) into the parts.
    from typing import NotRequired

    from typing_extensions import TypedDict as ClosableTypedDict

    class Urls(ClosableTypedDict, closed=True):
        url: dict[str, str]
        short_url: NotRequired[dict[str, str]]  # a part's short link; a section has none
        permanent_url: NotRequired[dict[str, str]]  # the part in the current retrieval's permanent pages

    class NoteEntry(TypedDict):
        anchor: str
        kind: str  # editor | translator
        text: dict[str, str]

    class PartNotes(ClosableTypedDict, closed=True):
        notes: list[NoteEntry]

    class PartFields(TypedDict):
        url: dict[str, str]
        short_url: NotRequired[dict[str, str]]
        permanent_url: NotRequired[dict[str, str]]
        text: dict[str, str]
        notes: list[NoteEntry]
        unchanged_since: NotRequired[str]

    class PreambleEntry(PartFields):
        anchor: str | None  # every preamble paragraph has one (scripts/clauses.py)

    class ItemEntry(PartFields):
        number: int
        anchor: str

    class ClauseEntry(PartFields):
        number: str  # 10.1
        anchor: str
        items: list[ItemEntry]

    class SectionEntry(TypedDict):
        number: int | None  # never None: the home page is the preamble
        title: dict[str, str]
        url: dict[str, str]
        clauses: list[ClauseEntry]
        paragraphs: list[dict[str, str]]  # unnumbered text such as the closing line
        title_unchanged_since: NotRequired[str]

    class PublishedEntry(TypedDict):
        kind: str  # source | snapshot
        url: str
        sha256: str

    class Retrieval(TypedDict):
        retrieved: str
        url: str
        pages: dict[str, str]  # its permanent pages' home, in each language whose text is known
        files: list[PublishedEntry]

    class Translation(TypedDict):
        revised: str
        translates: str
        pages: str  # its permanent pages' home
        current: bool

    class CheckEntry(TypedDict):
        checked: str
        unchanged_since: str

    ClausesDocument = TypedDict(
        "ClausesDocument",
        {
            "$schema": str,
            "title": dict[str, str],
            "source": dict[str, str],
            "status": dict[str, str],
            "languages": dict[str, str],
            "reference_language": str,
            "preamble": list[PreambleEntry],
            "sections": list[SectionEntry],
            "version": NotRequired[str],
            "versions": NotRequired[list[Retrieval]],
            "translations": NotRequired[list[Translation]],
            "checked": NotRequired[CheckEntry],
            "title_unchanged_since": NotRequired[str],
        },
    )


def clauses_document(
    pages: dict[str, list[Page]],
    source: dict[str, str],
    site_url: str,
    notes: dict[str, list[Note]],
    history: History,
    record: Record,
) -> ClausesDocument:
    """Every section, clause and item in both languages, for machines (published as clauses.json)."""
    base = site_url.rstrip("/")
    titles = {language: pages[language][0].title for language in LANGUAGES}

    def part_notes(anchor: str) -> PartNotes:
        return {
            "notes": [
                {"anchor": note_anchor(anchor, index), "kind": note.kind, "text": dict(note.text)}
                for index, note in enumerate(notes.get(anchor, []), 1)
            ]
        }

    def urls(page_name: str, anchor: str | None = None) -> Urls:
        fragment = f"#{anchor}" if anchor else ""
        result: Urls = {"url": {lang: f"{base}{page_url(lang, page_name)}{fragment}" for lang in LANGUAGES}}
        if anchor:
            result["short_url"] = {lang: f"{base}{short_link_path(lang, anchor)}" for lang in LANGUAGES}
            current = history.current.retrieved
            result["permanent_url"] = {
                lang: f"{base}{page_url(lang, version_page(date, page_name))}{fragment}"
                for lang in LANGUAGES
                if (date := permanent_date(lang, current, record.english))
            }
        return result

    def texts(*per_language: str) -> dict[str, str]:
        return {lang: plain_text(text) for lang, text in zip(LANGUAGES, per_language, strict=False)}

    document: ClausesDocument = {
        "$schema": f"{base}/{CLAUSES_SCHEMA}",
        "title": titles,
        "source": source,
        "status": {lang: fill(REGISTRY[lang].edition, source=source["url"], date=source["retrieved"]) for lang in LANGUAGES},
        "languages": dict(HTML_LANG),
        "reference_language": REFERENCE_LANGUAGE,
        "preamble": [],
        "sections": [],
    }
    for zh_page, en_page in zip(*(pages[lang] for lang in LANGUAGES), strict=False):
        if zh_page.name == HOME_PAGE:
            for zh, en in zip(zh_page.paragraphs, en_page.paragraphs, strict=False):
                document["preamble"].append(
                    {
                        "anchor": zh.anchor,
                        **urls(zh_page.name, zh.anchor),
                        "text": texts(zh.text, en.text),
                        **part_notes(zh.anchor or ""),
                    }
                )
            continue
        section: SectionEntry = {
            "number": zh_page.section,
            "title": texts(zh_page.title, en_page.title),
            "url": urls(zh_page.name)["url"],
            "clauses": [],
            "paragraphs": [texts(zh.text, en.text) for zh, en in zip(zh_page.paragraphs, en_page.paragraphs, strict=False)],
        }
        for zh_clause, en_clause in zip(zh_page.clauses, en_page.clauses, strict=False):
            clause: ClauseEntry = {
                "number": zh_clause.id,
                "anchor": zh_clause.anchor,
                **urls(zh_page.name, zh_clause.anchor),
                "text": texts(zh_clause.text, en_clause.text),
                **part_notes(zh_clause.anchor),
                "items": [],
            }
            for zh_item, en_item in zip(zh_clause.items, en_clause.items, strict=False):
                clause["items"].append(
                    {
                        "number": zh_item.number,
                        "anchor": zh_item.anchor,
                        **urls(zh_page.name, zh_item.anchor),
                        "text": texts(zh_item.text, en_item.text),
                        **part_notes(zh_item.anchor),
                    }
                )
            section["clauses"].append(clause)
        document["sections"].append(section)
    return add_versions(document, history, record, base)


@dataclass(frozen=True)
class Record:
    """What clauses.json says of the record over time, besides the history: each retrieval's
    published files, which retrievals' English is known, and the last check of the source."""

    files: dict[str, list[PublishedFile]]
    english: Sequence[EnglishRecord]  # the English as published over time, oldest first
    last_check: LastCheck


def add_versions(document: ClausesDocument, history: History, record: Record, base: str) -> ClausesDocument:
    """clauses.json with the version (the current retrieval's date), every retrieval (its
    permanent pages, its files and their SHA-256), the last check of the source, and for each part
    and title the date since which its Chinese text is unchanged."""
    since = history.since
    document["version"] = history.current.retrieved
    document["versions"] = [
        {
            "retrieved": v.retrieved,
            "url": v.source.url,
            "pages": {
                lang: f"{base}{page_url(lang, version_page(date, HOME_PAGE))}"
                for lang in LANGUAGES
                if (date := permanent_date(lang, v.retrieved, record.english))
            },
            "files": [{"kind": f.kind, "url": f"{base}/{f.site_path}", "sha256": f.sha256} for f in record.files[v.retrieved]],
        }
        for v in history.versions
    ]
    document["translations"] = [
        {
            "revised": english.since,
            "translates": english.translates,
            "pages": f"{base}{page_url(ENGLISH.code, version_page(english.since, HOME_PAGE))}",
            "current": english is record.english[-1],  # the English of the text above: the newest record
        }
        for english in record.english
    ]
    document["checked"] = {"checked": record.last_check.checked, "unchanged_since": record.last_check.unchanged_since}
    document["title_unchanged_since"] = since["title"]
    for part in document["preamble"]:
        assert part["anchor"] is not None, "a preamble paragraph without an anchor"  # never: scripts/clauses.py gives each one
        part["unchanged_since"] = since[part["anchor"]]
    for section in document["sections"]:
        section["title_unchanged_since"] = since[f"section-{section['number']}"]
        for clause in section["clauses"]:
            clause["unchanged_since"] = since[clause["anchor"]]
            for item in clause["items"]:
                item["unchanged_since"] = since[item["anchor"]]
    return document
