"""The bilingual glossary (translation/glossary.md): one English rendering for each Chinese term.

Read by the translation test (the English follows it), by the glossary pages (every row, each
term linked to the parts where it occurs) and by the page renderer (a defined term in the
English shows its Chinese original, scripts/pages.py). Plain Python, no MkDocs import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

GLOSSARY_FILE = Path("translation") / "glossary.md"  # relative to the project
HEADER = ["中文", "English", "Kind", "Note"]
KINDS = ("defined term", "title", "name", "term")


class GlossaryError(ValueError):
    """The glossary file is not the four-column table it must be."""


@dataclass(frozen=True)
class Term:
    chinese: str
    english: str
    kind: str  # one of KINDS
    note: str
    line: int

    @property
    def anchor(self) -> str:
        """The term's address on the glossary page of either language: its Chinese, without the
        book-title marks 《》 (#本协议, #QQ号码规则), so it stays when rows are added or moved."""
        return self.chinese.strip("《》")

    @property
    def pattern(self) -> re.Pattern[str]:
        """The English as it stands in running text: its first letter in either case, a plural -s."""
        first, rest = self.english[0], re.escape(self.english[1:])
        return re.compile(rf"\b[{first.lower()}{first.upper()}]{rest}s?\b")


def read_glossary(path: Path) -> list[Term]:
    """The rows of the table | 中文 | English | Kind | Note |, in order."""
    rows = [
        (number, line.strip())
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if line.startswith("|")
    ]
    cells = [(number, [cell.strip() for cell in line.strip("|").split("|")]) for number, line in rows]
    if not cells or cells[0][1] != HEADER:
        raise GlossaryError(f"{path}:1: the glossary must start with the header | {' | '.join(HEADER)} |")
    terms: list[Term] = []
    for number, row in cells[2:]:
        if len(row) != len(HEADER) or row[2] not in KINDS or not row[0] or not row[1]:
            raise GlossaryError(
                f"{path}:{number}: a row has four cells, a Chinese and an English term and a kind of {', '.join(KINDS)}"
            )
        term = Term(row[0], row[1], row[2], row[3], number)
        if any(earlier.anchor == term.anchor for earlier in terms):
            raise GlossaryError(f"{path}:{number}: {term.chinese} is in the glossary twice (its address #{term.anchor})")
        terms.append(term)
    return terms
