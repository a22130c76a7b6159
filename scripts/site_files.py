"""Every file the build publishes beside the pages, made once per build of the site: clauses.json
and its schema, the data files for translators and legal tools (TMX, TBX, Akoma Ntoso, XLIFF:
scripts/data_files.py), each retrieval as kept and the page it was fetched from
(scripts/evidence.py), and the Atom feeds (scripts/feeds.py). The /data/ page lists them with
their format, size and SHA-256. Plain Python, no MkDocs import.
"""

from __future__ import annotations

import json
from pathlib import Path

from scripts.addresses import CLAUSES_JSON, CLAUSES_SCHEMA
from scripts.clauses_json import Record, clauses_document
from scripts.data_files import AKN_FILES, FORMATS, TBX_FILE, TMX_FILE, XLIFF_FILE, SiteFile, contents
from scripts.data_formats import edition
from scripts.english_records import english_texts
from scripts.evidence import published_files
from scripts.feeds import atom, feed_entries, feed_path
from scripts.languages import ENGLISH, LANGUAGES
from scripts.project import Project
from scripts.translation_lock import LOCK_FILE, read_lock

SCHEMA_FILE = Path(__file__).resolve().parent / "schemas" / CLAUSES_SCHEMA


def site_files(project: Project, site_url: str) -> list[SiteFile]:
    """Every file, in the order the /data/ page lists them. The project must keep its retrievals."""
    history, last_check = project.history, project.last_check
    assert history is not None and last_check is not None, "a project without source/ publishes no site"
    pages = project.pages
    evidence = published_files(history, project.root)
    document = clauses_document(
        pages,
        history.current.source.provenance,
        site_url,
        project.notes_by_part,
        history,
        Record(evidence, project.english, last_check),
    )
    lock_path = project.root / LOCK_FILE
    data = contents(pages, project.notes, project.terms, read_lock(lock_path) if lock_path.exists() else {}, edition(history))
    files = [
        SiteFile(CLAUSES_JSON, (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8"), "agreement", "JSON"),
        SiteFile(CLAUSES_SCHEMA, SCHEMA_FILE.read_bytes(), "schema", "JSON Schema 2020-12"),
        SiteFile(TMX_FILE, data[TMX_FILE], "tmx", FORMATS[TMX_FILE].name),
        *(SiteFile(path, data[path], "akn", FORMATS[path].name, language) for language, path in AKN_FILES.items()),
        SiteFile(TBX_FILE, data[TBX_FILE], "tbx", FORMATS[TBX_FILE].name),
        SiteFile(XLIFF_FILE, data[XLIFF_FILE], "xliff", FORMATS[XLIFF_FILE].name),
    ]
    for version in reversed(history.versions):
        for published in evidence[version.retrieved]:
            kind_format = "text (UTF-8)" if published.kind == "source" else "HTML, as fetched"
            files.append(
                SiteFile(published.site_path, published.source.read_bytes(), published.kind, kind_format, date=version.retrieved)
            )
    for language in LANGUAGES:
        entries = feed_entries(history, project.english, english_texts(pages[ENGLISH.code]), language)
        sections: list[tuple[int, str] | None] = [None, *((page.section, page.title) for page in pages[language] if page.section)]
        for section in sections:
            number = section[0] if section else None
            path = feed_path(language, number).lstrip("/")
            title = section[1] if section else None
            files.append(
                SiteFile(path, atom(entries, language, section, site_url), "feed", "Atom 1.0", language, section_title=title)
            )
    return files
