"""The source text: the agreement as retrieved, with its front matter (title, URL, date)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Source:
    title: str
    url: str
    retrieved: str  # YYYY-MM-DD
    body: str  # the agreement, exactly as retrieved

    @property
    def provenance(self) -> dict[str, str]:
        return {"title": self.title, "url": self.url, "retrieved": self.retrieved}


def read_source(path: Path) -> Source:
    """Split the front matter (simple "key: value" lines between --- fences) from the body."""
    text = path.read_text(encoding="utf-8")
    _, front_matter, body = text.split("---\n", 2)
    fields = dict(line.split(":", 1) for line in front_matter.splitlines() if ":" in line and not line.startswith(" "))
    fields = {key.strip(): value.strip() for key, value in fields.items()}
    return Source(
        title=fields["title"],
        url=fields["url"],
        retrieved=fields["clipped_at"].split()[0],
        body=body.strip("\n"),
    )
