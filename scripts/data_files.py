"""The data files as the site publishes them under data/: each one's bytes (scripts/data_formats.py,
scripts/akoma_ntoso.py), format and media type (deploy/site.conf serves each with it); and
SiteFile, any file published beside the pages. Plain Python, no MkDocs import."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath

from scripts.akoma_ntoso import MEDIA_TYPE as AKN_MEDIA_TYPE
from scripts.akoma_ntoso import akoma_ntoso
from scripts.clauses import Page
from scripts.data_formats import Edition, tbx, tmx, xliff
from scripts.glossary import Term
from scripts.languages import ENGLISH, REFERENCE_LANGUAGE
from scripts.notes import Note

# Where the site publishes each file, relative to its root.
TMX_FILE = "data/tim-agreement.tmx"
TBX_FILE = "data/glossary.tbx"
AKN_FILES = {REFERENCE_LANGUAGE: "data/tim-agreement.zh.akn.xml", ENGLISH.code: "data/tim-agreement.en.akn.xml"}
XLIFF_FILE = "data/tim-agreement.en.xlf"


@dataclass(frozen=True)
class Format:
    name: str  # the format and its version, as the /data/ page names it
    media_type: str


# TMX and TBX have no registered media type: they are served as XML (RFC 7303).
FORMATS = {
    TMX_FILE: Format("TMX 1.4b", "application/xml"),
    TBX_FILE: Format("TBX-Basic (ISO 30042:2019)", "application/xml"),
    **{path: Format("Akoma Ntoso 3.0", AKN_MEDIA_TYPE) for path in AKN_FILES.values()},
    XLIFF_FILE: Format("XLIFF 2.0", "application/xliff+xml"),
}


def contents(
    pages: Mapping[str, Sequence[Page]], notes: Sequence[Note], terms: Sequence[Term], lock: Mapping[str, str], source: Edition
) -> dict[str, bytes]:
    """Every data file: its path under the site's root → its bytes."""
    return {
        TMX_FILE: tmx(pages, source),
        TBX_FILE: tbx(terms, source),
        **{path: akoma_ntoso(pages, language, notes, source) for language, path in AKN_FILES.items()},
        XLIFF_FILE: xliff(pages, lock, notes, source),
    }


@dataclass(frozen=True)
class SiteFile:
    """A file published beside the pages (scripts/site_files.py makes every one)."""

    path: str  # from the site root: data/tim-agreement.tmx, en/feeds/section-10.atom
    content: bytes
    kind: str  # what it holds, as the /data/ page describes it: agreement, schema, tmx, tbx, akn, xliff, source, snapshot, feed
    format: str  # the format and its version, as the /data/ page names it
    language: str | None = None  # the language of a file in one language (an Akoma Ntoso document, a feed)
    date: str | None = None  # the retrieval a source or snapshot is of
    section_title: str | None = None  # the section a feed is of, as its language titles it

    @property
    def name(self) -> str:
        return PurePosixPath(self.path).name

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()
