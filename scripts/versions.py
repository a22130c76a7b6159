"""Versions of the agreement: each retrieval split into the Chinese pages the import writes, what
changed from one version to the next, and since when each part's Chinese text is unchanged. The
versions page is rendered from these by scripts/pages.py. Plain Python, no MkDocs import.

A retrieval's body is one paragraph per line with one blank line between paragraphs: first the
title ("# TIM软件许可及服务协议"), then the preamble, then each section's heading ("一、协议范围")
followed by its clauses, items and unnumbered paragraphs. A section's page is its heading as the
page title ("# 一、协议范围"), a blank line, and its paragraphs exactly as retrieved; the home page
(index.md) is the title and the preamble.

Every part has a key, its identity across versions (the model's anchor where it has one):

    title                       the agreement's title (home page)
    section-4                   the heading of section 4
    preamble-2                  the second preamble paragraph
    4.3, 10.1-2                 a clause, an item
    section-12-paragraph-1      the first unnumbered paragraph of section 12 (腾讯公司)
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

from scripts.clauses import CHINESE_NUMERALS, HOME_PAGE, Page, ParseError, display_path, links, parse_markdown, plain_text
from scripts.languages import REFERENCE_LANGUAGE
from scripts.source import Source, read_retrievals

_SECTION_HEADING = re.compile(r"[一二三四五六七八九十]+、")
_PAGE_NAME = re.compile(r"(\d{2})-[^/]+\.md")


class Finding(NamedTuple):
    """A problem for the parity check (scripts/check_clauses.py turns it into its Problem)."""

    language: str
    file: str
    line: int
    clause: str
    message: str


# --- Splitting a retrieval into pages -------------------------------------------------------


@dataclass(frozen=True)
class Draft:
    """One Chinese page as the import writes it, with the retrieval line of each of its lines."""

    section: int | None  # None on the home page
    lines: tuple[str, ...]  # the page's lines: title, blank, paragraph, blank, paragraph …
    origins: tuple[int, ...]  # the retrieval line each page line comes from (a blank: the line after it)

    @property
    def markdown(self) -> str:
        return "\n".join(self.lines) + "\n"

    @property
    def heading(self) -> str:
        return self.lines[0].removeprefix("# ")

    def origin(self, page_line: int) -> int:
        return self.origins[min(page_line, len(self.origins)) - 1]

    def page_in_retrieval(self, path: Path) -> Page:
        """The page as the model reads it, each line numbered as in the retrieval at path: a page's
        lines stand in the retrieval one after another from its title on, so blank lines before
        the title are all it takes, and the model's messages name the retrieval's lines."""
        name = HOME_PAGE if self.section is None else f"{self.section:02d}.md"
        return parse_markdown("\n" * (self.origins[0] - 1) + self.markdown, REFERENCE_LANGUAGE, path, name)


def chinese_number(value: int) -> str:
    """1 … 99 as a Chinese numeral, as section headings write it (the inverse of chinese_numeral)."""
    digits = {number: numeral for numeral, number in CHINESE_NUMERALS.items()}
    tens, units = divmod(value, 10)
    if not tens:
        return digits[units]
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[units] if units else "")


def section_of_heading(text: str) -> int | None:
    """The section number of a paragraph that is a section heading (一、协议范围), read by the model."""
    if not _SECTION_HEADING.match(text):
        return None
    try:
        return parse_markdown(f"# {text}\n", REFERENCE_LANGUAGE, Path("heading"), "heading.md").section
    except ParseError:
        return None


def split_body(source: Source) -> list[Draft]:
    """The Chinese pages of a retrieval, home page first. Raises ParseError (file:line, what was
    expected) when the body is not one paragraph per line, or a clause stands outside its section."""
    where = display_path(source.path)
    lines = source.body.split("\n")
    paragraphs: list[tuple[int, str]] = []
    for offset, line in enumerate(lines):
        number = source.body_line + offset
        if line != line.strip():
            raise ParseError(f"{where}:{number}: expected no space, tab or carriage return at the start or end of a line")
        if offset % 2 and line:
            raise ParseError(
                f"{where}:{number}: expected a blank line before this one: each paragraph is one line, with one blank line between paragraphs"
            )
        if not offset % 2 and not line:
            raise ParseError(f"{where}:{number}: expected one blank line between paragraphs, found two")
        if line:
            paragraphs.append((number, line))
    (title_line, title), *rest = paragraphs
    if not title.startswith("# ") or not title[2:].strip():
        raise ParseError(f"{where}:{title_line}: expected the agreement's title first, written '# TIM软件许可及服务协议'")
    pages: list[list[tuple[int, str]]] = [[(title_line, title)]]
    sections: list[int | None] = [None]
    for number, text in rest:
        if text.startswith("#"):
            raise ParseError(
                f"{where}:{number}: expected '#' only before the title on the first line; a section heading is written '一、协议范围'"
            )
        if (section := section_of_heading(text)) is not None:
            pages.append([(number, f"# {text}")])
            sections.append(section)
        else:
            pages[-1].append((number, text))
    drafts = []
    for section, page in zip(sections, pages, strict=True):
        page_lines, origins = [], []
        for index, (number, text) in enumerate(page):
            if index:
                page_lines.append("")
                origins.append(number)
            page_lines.append(text)
            origins.append(number)
        drafts.append(Draft(section, tuple(page_lines), tuple(origins)))
    for draft in drafts:
        _check_clause_sections(draft, where)
    return drafts


def _check_clause_sections(draft: Draft, where: str) -> None:
    """Each clause must follow its own section's heading: 5.1 after 五、…, not under 四、…."""
    name = HOME_PAGE if draft.section is None else f"{draft.section:02d}.md"
    page = parse_markdown(draft.markdown, REFERENCE_LANGUAGE, Path(where), name)
    for clause in page.clauses:
        if clause.section == draft.section:
            continue
        heading = f"'{chinese_number(clause.section)}、…'" if 0 < clause.section < 100 else "a section heading"
        under = (
            f"under the heading {draft.heading!r} (line {draft.origins[0]})"
            if draft.section
            else "before the first section heading"
        )
        raise ParseError(
            f"{where}:{draft.origin(clause.line)}: clause {clause.label} stands {under}: expected the heading of section {clause.section}, {heading}, before it"
        )


def page_names(zh_folder: Path) -> dict[int, str]:
    """The existing page of each section number: NN-english-slug.md at the top of docs/zh/."""
    names: dict[int, str] = {}
    for path in sorted(zh_folder.glob("*.md")) if zh_folder.is_dir() else []:
        if match := _PAGE_NAME.fullmatch(path.name):
            names.setdefault(int(match.group(1)), path.name)
    return names


def draft_name(draft: Draft, names: Mapping[int, str]) -> str | None:
    return HOME_PAGE if draft.section is None else names.get(draft.section)


def missing_page_message(draft: Draft, source: Source) -> str:
    slug = f"{draft.section:02d}-<english-slug>.md"
    return (
        f"{display_path(source.path)}:{draft.origins[0]}: section {draft.section} ({draft.heading}) has no page yet: "
        f"expected a file docs/zh/{slug} (an empty one will do: the import fills it) and an entry for it in nav in "
        f"mkdocs.yml; after the import, write its translation in docs/en/ under the same name"
    )


# --- Parts and versions ---------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    """One part of a page: the title, a section heading, a preamble paragraph, clause, item or
    unnumbered paragraph, with its key (its identity across versions) and its Markdown."""

    key: str
    kind: str  # title, heading, preamble, clause, item, paragraph
    label: str  # as the parity check names it: title, section 4, paragraph 2, 4.3, 10.1 item (2)
    text: str  # Markdown; for a clause or item, after its number
    line: int
    page: Page
    clause: str | None = None  # the clause id of a clause or item
    number: int | None = None  # item number; preamble or paragraph index; section number of a heading


def texts(page: Page) -> list[Text]:
    """Every part of a page, in reading order."""
    found = []
    if page.section is None:
        found.append(Text("title", "title", "title", page.title, page.title_line, page))
    else:
        found.append(
            Text(
                f"section-{page.section}",
                "heading",
                f"section {page.section}",
                page.title,
                page.title_line,
                page,
                number=page.section,
            )
        )
    prefix = "home" if page.section is None else f"section-{page.section}"
    unanchored = 0
    for index, paragraph in enumerate(page.paragraphs, 1):
        if paragraph.anchor:
            found.append(
                Text(paragraph.anchor, "preamble", f"paragraph {index}", paragraph.text, paragraph.line, page, number=index)
            )
        else:
            unanchored += 1
            found.append(
                Text(
                    f"{prefix}-paragraph-{unanchored}",
                    "paragraph",
                    f"paragraph {index}",
                    paragraph.text,
                    paragraph.line,
                    page,
                    number=unanchored,
                )
            )
    for clause in page.clauses:
        found.append(Text(clause.anchor, "clause", clause.id, clause.text, clause.line, page, clause=clause.id))
        for item in clause.items:
            found.append(
                Text(
                    item.anchor,
                    "item",
                    f"{clause.id} item ({item.number})",
                    item.text,
                    item.line,
                    page,
                    clause=clause.id,
                    number=item.number,
                )
            )
    return sorted(found, key=lambda text: text.line)


def texts_by_key(pages: Sequence[Page]) -> dict[str, Text]:
    """Every part of a language, by key, in reading order (the first of a duplicated key)."""
    result: dict[str, Text] = {}
    for page in pages:
        for text in texts(page):
            result.setdefault(text.key, text)
    return result


@dataclass(frozen=True)
class Version:
    """One retrieval: its provenance, its pages (home page first, each named NN.md by its section)
    and its parts."""

    source: Source
    texts: dict[str, Text]
    pages: tuple[Page, ...] = ()

    @property
    def retrieved(self) -> str:
        return self.source.retrieved


def read_version(source: Source, names: Mapping[int, str] | None = None) -> Version:
    """A retrieval as pages, each named as published (`names`: section → page name, page_names());
    a section with no page now (one the agreement has since lost) as NN.md."""
    pages = []
    for draft in split_body(source):
        name = draft_name(draft, names or {}) or f"{draft.section:02d}.md"
        pages.append(parse_markdown(draft.markdown, REFERENCE_LANGUAGE, source.path, name))
    return Version(source, texts_by_key(pages), tuple(pages))


@dataclass(frozen=True)
class Change:
    kind: str  # changed, added, removed
    key: str
    old: Text | None
    new: Text | None


CHANGE_KINDS = ("changed", "added", "removed")


def _as_read(text: Text) -> tuple[str, list[str]]:
    """What a part says to a reader: its plain text and where its links lead."""
    return plain_text(text.text), links(text.text)


def same_text(old: Version, new: Version) -> bool:
    """Whether two versions carry the same agreement as the clause model reads it: the same parts
    by key, each with the same plain text and the same link targets. How the Markdown is written
    (an escaped _ or not) does not count: two retrievals of one text may be clipped differently."""
    return old.texts.keys() == new.texts.keys() and all(
        _as_read(text) == _as_read(new.texts[key]) for key, text in old.texts.items()
    )


def changes(old: Version, new: Version) -> list[Change]:
    """What differs from one version to the next: changed and added parts in the new version's
    order, then removed ones in the old version's. A part's identity is its key (its number)."""
    found = []
    for key, text in new.texts.items():
        if key not in old.texts:
            found.append(Change("added", key, None, text))
        elif old.texts[key].text != text.text:
            found.append(Change("changed", key, old.texts[key], text))
    found += [Change("removed", key, text, None) for key, text in old.texts.items() if key not in new.texts]
    return found


def unchanged_since(versions: Sequence[Version]) -> dict[str, str]:
    """For each part of the newest version, the date of the earliest retrieval from which on its
    Chinese text is the same in every retrieval (the first retrieval at most)."""
    newest = versions[-1]
    since = {}
    for key, text in newest.texts.items():
        date = newest.retrieved
        for version in reversed(versions[:-1]):
            earlier = version.texts.get(key)
            if earlier is None or earlier.text != text.text:
                break
            date = version.retrieved
        since[key] = date
    return since


@dataclass(frozen=True)
class History:
    """Every retrieval, oldest first (the English over time is in scripts/english_records.py)."""

    versions: list[Version]

    @property
    def current(self) -> Version:
        return self.versions[-1]

    @cached_property
    def since(self) -> dict[str, str]:
        return unchanged_since(self.versions)


def read_history(root: Path) -> History:
    """Every retrieval under root/source/, its pages named as docs/zh/ names them. Raises ParseError."""
    names = page_names(root / "docs" / REFERENCE_LANGUAGE)
    return History([read_version(source, names) for source in read_retrievals(root)])


# --- The Chinese pages against the current source ------------------------------------------


def expected_pages(source: Source, names: dict[int, str]) -> tuple[dict[str, Draft], list[Draft]]:
    """(page name → draft) of the pages the import writes from a source, and the drafts of
    sections with no page name yet."""
    named, unnamed = {}, []
    for draft in split_body(source):
        name = draft_name(draft, names)
        if name is None:
            unnamed.append(draft)
        else:
            named[name] = draft
    return named, unnamed


def _excerpts(ours: str, theirs: str, context: int = 8) -> tuple[str, str]:
    """The two lines around their first difference, character by character."""
    matcher = difflib.SequenceMatcher(None, ours, theirs, autojunk=False)
    _tag, i1, i2, j1, j2 = next(op for op in matcher.get_opcodes() if op[0] != "equal")

    def cut(text: str, start: int, end: int) -> str:
        low, high = max(0, start - context), min(len(text), end + context)
        return ("…" if low else "") + text[low:high] + ("…" if high < len(text) else "")

    return cut(ours, i1, i2), cut(theirs, j1, j2)


def _line_labels(page: Page) -> dict[int, str]:
    return {text.line: text.label for text in texts(page)}


def source_findings(root: Path, source: Source, zh_pages: Sequence[Page]) -> list[Finding]:
    """Every difference between the Chinese pages and what the import writes from the current
    source: each at its file:line, naming the clause, the source's line and both texts."""
    where = display_path(source.path)
    zh_folder = root / "docs" / REFERENCE_LANGUAGE
    names = page_names(zh_folder)
    named, unnamed = expected_pages(source, names)
    findings = []
    for draft in unnamed:
        expected = display_path(zh_folder / f"{draft.section:02d}-<english-slug>.md")
        findings.append(
            Finding(
                REFERENCE_LANGUAGE,
                expected,
                1,
                f"section {draft.section}",
                f"page missing; {where}:{draft.origins[0]} has section {draft.section} ({draft.heading})",
            )
        )
    actual = {page.name: page for page in zh_pages}
    for name, page in actual.items():
        if name not in named:
            findings.append(
                Finding(
                    REFERENCE_LANGUAGE,
                    display_path(page.path),
                    1,
                    "home page" if page.section is None else f"section {page.section}",
                    f"page not in the source: {where} has no section {page.section}",
                )
            )
    for name, draft in named.items():
        zh_page = actual.get(name)
        if zh_page is None:
            continue  # the name comes from an existing file: parse_language read every one
        findings += _page_findings(zh_page, draft, source)
    return findings


def _page_findings(page: Page, draft: Draft, source: Source) -> Iterator[Finding]:
    where = display_path(source.path)
    file = display_path(page.path)
    ours = page.path.read_text(encoding="utf-8").split("\n")
    theirs = draft.markdown.split("\n")
    our_labels = _line_labels(page)
    expected_page = parse_markdown(draft.markdown, REFERENCE_LANGUAGE, page.path, page.name)
    their_labels = _line_labels(expected_page)
    fallback = "home page" if page.section is None else f"section {page.section}"
    matcher = difflib.SequenceMatcher(None, ours, theirs, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        for offset in range(max(i2 - i1, j2 - j1)):
            our_index, their_index = i1 + offset, j1 + offset
            has_ours, has_theirs = our_index < i2, their_index < j2
            line = our_index + 1 if has_ours else max(i1, 1)
            label = our_labels.get(our_index + 1) if has_ours else None
            label = label or (their_labels.get(their_index + 1) if has_theirs else None) or fallback
            origin = f"{where}:{draft.origin(their_index + 1)}" if has_theirs else where
            if has_ours and has_theirs:
                mine, source_text = _excerpts(ours[our_index], theirs[their_index])
                message = f"differs from the source: docs has “{mine}”, {origin} has “{source_text}”"
            elif has_ours:
                message = (
                    f"line not in the source: “{_excerpts(ours[our_index], '')[0]}”"
                    if ours[our_index]
                    else "blank line not in the source"
                )
            else:
                message = (
                    f"line missing: {origin} has “{_excerpts('', theirs[their_index])[1]}”"
                    if theirs[their_index]
                    else f"blank line missing (as in {origin})"
                )
            yield Finding(REFERENCE_LANGUAGE, file, line, label, message + "; docs/zh is generated from the source (make import)")
