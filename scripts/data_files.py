"""The data files as the site publishes them under data/: each one's bytes (scripts/data_formats.py,
scripts/akoma_ntoso.py) and the list of them, with format, media type, size and SHA-256, for the
/data/ page. Plain Python, no MkDocs import."""

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
class DataFile:
    path: str  # relative to the site's root
    format: str
    media_type: str
    size: int  # bytes
    sha256: str  # hex

    @property
    def name(self) -> str:
        return PurePosixPath(self.path).name


def data_files(files: Mapping[str, bytes]) -> list[DataFile]:
    """Each data file (path → bytes, as contents() returns them) as the /data/ page lists it, by path."""
    return [
        DataFile(path, FORMATS[path].name, FORMATS[path].media_type, len(content), hashlib.sha256(content).hexdigest())
        for path, content in sorted(files.items())
    ]
