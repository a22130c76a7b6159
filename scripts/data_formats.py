"""Data files for translators and legal tools, built from the clause model: the agreement as a
translation memory (TMX 1.4b), the glossary as a termbase (TBX-Basic, ISO 30042:2019), the English
for a translator who revises it (XLIFF 2.0). The agreement in Akoma Ntoso is in
scripts/akoma_ntoso.py; the files as published, and their list, in scripts/data_files.py.

Plain Python, no MkDocs import: each function returns a file's bytes, the same on every run (no
clock: every date is a retrieval's). Written with lxml; dev-docs/data-formats.md says why no
translation library writes them, and how each file is validated.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from lxml import etree

from scripts.clauses import Page, plain_text
from scripts.glossary import Term
from scripts.languages import ENGLISH, HTML_LANG, LANGUAGES, REFERENCE_LANGUAGE, REGISTRY, fill
from scripts.notes import Note, notes_by_part
from scripts.translation_lock import chinese_hash
from scripts.versions import History, Text, texts_by_key

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TBX_NS = "urn:iso:std:iso:30042:ed-2"
XLIFF_NS = "urn:oasis:names:tc:xliff:document:2.0"
# TMX asks each tool to publish the name it writes in creationtool; dev-docs/data-formats.md does.
CREATION_TOOL = "tim-agreement data export"
CREATION_TOOL_VERSION = "1"

# XLIFF 2.0 subState values are "prefix:value", the prefix naming the authority that defines them.
STALE = "tim-agreement:stale"  # the Chinese changed after the English was confirmed
UNCONFIRMED = "tim-agreement:unconfirmed"  # the English was never confirmed against any Chinese


@dataclass(frozen=True)
class Edition:
    """Where the texts come from, as every data file states it."""

    url: str  # where Tencent publishes the Chinese
    retrieved: str  # YYYY-MM-DD of the current retrieval: the date of the texts
    first_retrieved: str  # the first retrieval: the date the agreement itself is known by


def edition(history: History) -> Edition:
    return Edition(history.current.source.url, history.current.retrieved, history.versions[0].retrieved)


@dataclass(frozen=True)
class Pair:
    """One part of the agreement in both languages."""

    key: str
    chinese: Text
    english: Text


def pairs(pages: Mapping[str, Sequence[Page]]) -> list[Pair]:
    """Every part, in reading order, with its English. Raises ValueError for a part that only one
    language has (the parity check, make check, says where)."""
    chinese = texts_by_key(pages[REFERENCE_LANGUAGE])
    english = texts_by_key(pages[ENGLISH.code])
    unmatched = sorted(chinese.keys() ^ english.keys())
    if unmatched:
        raise ValueError(f"parts in only one language: {', '.join(unmatched)}; run make check to see where")
    return [Pair(key, text, english[key]) for key, text in chinese.items()]


def child(
    parent: etree._Element, tag: str, attributes: Mapping[str, str] | None = None, text: str | None = None
) -> etree._Element:
    element = etree.SubElement(parent, tag, dict(attributes or {}))
    element.text = text
    return element


def serialized(root: etree._Element, doctype: str | None = None) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True, doctype=doctype)


def edition_statement(language: str, source: Edition) -> str:
    """What this edition is, as the site says it (the Chinese prevails), in one language."""
    return fill(REGISTRY[language].edition, source=source.url, date=source.retrieved)


# --- TMX 1.4b ---------------------------------------------------------------------------------


def tmx(pages: Mapping[str, Sequence[Page]], source: Edition) -> bytes:
    """The agreement as a translation memory: one <tu> per part (title, preamble paragraphs,
    section headings, clauses, items, closing lines), its key as tuid and as the x-part property,
    the two segments the published plain texts (links as their text, as in clauses.json)."""
    root = etree.Element("tmx", version="1.4")
    header = child(
        root,
        "header",
        {
            "creationtool": CREATION_TOOL,
            "creationtoolversion": CREATION_TOOL_VERSION,
            "segtype": "paragraph",  # a unit is a paragraph of the pages (a heading, a clause, an item), not a sentence
            "o-tmf": "Markdown",  # what the units are read from: the agreement's pages under docs/
            "adminlang": HTML_LANG[ENGLISH.code],
            "srclang": HTML_LANG[REFERENCE_LANGUAGE],
            "datatype": "plaintext",
        },
    )
    for language in LANGUAGES:
        child(header, "note", {XML_LANG: HTML_LANG[language]}, edition_statement(language, source))
    child(header, "prop", {"type": "x-source"}, source.url)
    child(header, "prop", {"type": "x-retrieved"}, source.retrieved)
    body = child(root, "body")
    for pair in pairs(pages):
        unit = child(body, "tu", {"tuid": pair.key})
        child(unit, "prop", {"type": "x-part"}, pair.key)
        child(unit, "prop", {"type": "x-kind"}, pair.chinese.kind)
        for language, text in ((REFERENCE_LANGUAGE, pair.chinese), (ENGLISH.code, pair.english)):
            variant = child(unit, "tuv", {XML_LANG: HTML_LANG[language]})
            child(variant, "seg", text=plain_text(text.text))
    return serialized(root, '<!DOCTYPE tmx SYSTEM "tmx14.dtd">')


# --- TBX-Basic (ISO 30042:2019) ---------------------------------------------------------------

# The glossary's kinds whose terms are all nouns (names, book titles, terms the agreement defines
# with 以下简称); a plain "term" may be a verb (视为) or a modal (应当), so it gets none.
NOUN_KINDS = ("defined term", "title", "name")


def concept_id(term: Term) -> str:
    """An entry's id, from its Chinese term: the same wherever the row moves in the table."""
    return "c-" + hashlib.sha256(term.chinese.encode("utf-8")).hexdigest()[:12]


def tbx(terms: Sequence[Term], source: Edition) -> bytes:
    """The glossary (translation/glossary.md) as a TBX-Basic termbase, DCA style: one conceptEntry
    per row, the Chinese and the English term; the row's kind as a concept-level note and, where
    the kind says it, the part of speech; the English as the preferred term; the row's note on the
    English term."""

    def tag(name: str) -> str:
        return f"{{{TBX_NS}}}{name}"

    root = etree.Element(
        tag("tbx"), {"type": "TBX-Basic", "style": "dca", XML_LANG: HTML_LANG[ENGLISH.code]}, nsmap={None: TBX_NS}
    )
    description = child(child(root, tag("tbxHeader")), tag("fileDesc"))
    title = f"{REGISTRY[REFERENCE_LANGUAGE].site_name} · {REGISTRY[ENGLISH.code].site_name}: glossary"
    child(child(description, tag("titleStmt")), tag("title"), text=title)
    sources = child(description, tag("sourceDesc"))
    for language in LANGUAGES:
        child(sources, tag("p"), {XML_LANG: HTML_LANG[language]}, edition_statement(language, source))
    body = child(child(root, tag("text")), tag("body"))
    for term in terms:
        entry = child(body, tag("conceptEntry"), {"id": concept_id(term)})
        child(entry, tag("note"), text=f"kind: {term.kind}")
        for language, written in ((REFERENCE_LANGUAGE, term.chinese), (ENGLISH.code, term.english)):
            section = child(child(entry, tag("langSec"), {XML_LANG: HTML_LANG[language]}), tag("termSec"))
            child(section, tag("term"), text=written)
            if term.kind in NOUN_KINDS:
                child(section, tag("termNote"), {"type": "partOfSpeech"}, "noun")
            if language == ENGLISH.code:
                # The glossary gives one English rendering per Chinese term, and the translation follows it.
                child(section, tag("termNote"), {"type": "administrativeStatus"}, "preferredTerm-admn-sts")
                if term.note:
                    child(section, tag("note"), text=term.note)
    return serialized(root)


# --- XLIFF 2.0 --------------------------------------------------------------------------------


def segment_state(chinese: Text, confirmed: str | None) -> tuple[str, str | None]:
    """XLIFF 2.0 state and subState of an English part, from the translation lock: final once its
    English was confirmed against the current Chinese (make confirm); otherwise initial, the one
    state that does not assume a finished translation, with subState saying whether the Chinese
    changed since the English was confirmed (stale) or it never was (unconfirmed)."""
    if confirmed == chinese_hash(chinese.text):
        return "final", None
    return "initial", STALE if confirmed else UNCONFIRMED


def xliff(pages: Mapping[str, Sequence[Page]], lock: Mapping[str, str], notes: Sequence[Note], source: Edition) -> bytes:
    """The English for a translator who revises it: one <unit> per part (its key as id), the
    Chinese as source and the published English as target, plain text; the segment's state from
    the lock (segment_state); the notes on the part, in English, as the unit's notes (an editor's
    note is on the source, a translator's on the target)."""

    def tag(name: str) -> str:
        return f"{{{XLIFF_NS}}}{name}"

    root = etree.Element(
        tag("xliff"),
        {"version": "2.0", "srcLang": HTML_LANG[REFERENCE_LANGUAGE], "trgLang": HTML_LANG[ENGLISH.code]},
        nsmap={None: XLIFF_NS},
    )
    file = child(root, tag("file"), {"id": "tim-agreement", "original": source.url})
    about = child(file, tag("notes"))
    child(about, tag("note"), {"category": "edition"}, edition_statement(ENGLISH.code, source))
    child(
        about,
        tag("note"),
        {"category": "states"},
        f"final: the English was confirmed against the current Chinese. initial: it needs review, because the Chinese "
        f"changed after the English was confirmed (subState {STALE}) or it was never confirmed ({UNCONFIRMED}).",
    )
    by_part = notes_by_part(list(notes))
    for pair in pairs(pages):
        unit = child(file, tag("unit"), {"id": pair.key})
        if pair.key in by_part:
            unit_notes = child(unit, tag("notes"))
            for note in by_part[pair.key]:
                applies_to = "source" if note.kind == "editor" else "target"
                child(unit_notes, tag("note"), {"category": note.kind, "appliesTo": applies_to}, note.text[ENGLISH.code])
        state, sub_state = segment_state(pair.chinese, lock.get(pair.key))
        segment = child(unit, tag("segment"), {"state": state, **({"subState": sub_state} if sub_state else {})})
        child(segment, tag("source"), text=plain_text(pair.chinese.text))
        child(segment, tag("target"), text=plain_text(pair.english.text))
    return serialized(root)
