"""The evidence the site publishes for each retrieval: the file as it was kept under source/ and,
for a retrieval `make track` made, the page as it was fetched; each with its SHA-256, so that a
reader can verify what the site shows without trusting it. Plain Python, no MkDocs import.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from scripts.addresses import SOURCES_FOLDER, source_file
from scripts.clauses import display_path
from scripts.versions import Finding, History


@dataclass(frozen=True)
class PublishedFile:
    kind: str  # source: the retrieval as kept under source/; snapshot: the page as fetched
    site_path: str  # from the site root: sources/2022-01-23.zh.txt
    source: Path  # the file in the project
    sha256: str

    @property
    def name(self) -> str:
        return Path(self.site_path).name


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def published_files(history: History, root: Path) -> dict[str, list[PublishedFile]]:
    """Each retrieval's files, by its date: the retrieval, then its snapshot where it has one."""
    files: dict[str, list[PublishedFile]] = {}
    for version in history.versions:
        source = version.source
        found = [PublishedFile("source", source_file(source.retrieved), source.path, sha256_of(source.path))]
        snapshot = root / source.snapshot
        if source.snapshot and snapshot.is_file():
            found.append(PublishedFile("snapshot", f"{SOURCES_FOLDER}/{snapshot.name}", snapshot, sha256_of(snapshot)))
        files[source.retrieved] = found
    return files


def evidence_findings(history: History, root: Path) -> list[Finding]:
    """A retrieval whose snapshot is missing or is not the page its front matter names by hash."""
    findings = []
    for version in history.versions:
        source = version.source
        if not source.snapshot:
            continue
        snapshot = root / source.snapshot
        where = display_path(source.path)
        if not snapshot.is_file():
            findings.append(Finding("source", where, 1, source.retrieved, f"snapshot {source.snapshot} is missing"))
        elif sha256_of(snapshot) != source.snapshot_sha256:
            findings.append(
                Finding(
                    "source",
                    where,
                    1,
                    source.retrieved,
                    f"snapshot {source.snapshot} has SHA-256 {sha256_of(snapshot)}, not the {source.snapshot_sha256} its retrieval names",
                )
            )
    return findings
