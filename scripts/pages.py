"""Pages and fragments generated from the clause model: each agreement page as published (every
part with its id, number link and tools, each clause's notes after it and its items), the whole
text on one page, the parallel view (whole and per section), the notes page, the glossary table,
the versions page and the short links.

This module prepares the data; the HTML is in the templates of scripts/templates/ (rendered by
scripts/rendering.py, autoescaped). Plain Python, no MkDocs import; the hooks write what these
functions return.
"""

from __future__ import annotations

import difflib
import hashlib
import itertools
import json
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from dataclasses import replace as dc_replace
from typing import cast
from urllib.parse import quote

from markupsafe import Markup

from scripts.addresses import (
    DATA_PAGE,
    GLOSSARY_PAGE,
    NOTES_PAGE,
    PARALLEL_PAGE,
    SEARCH_INDEX,
    TOOLS_JSON,
    VERSIONS_PAGE,
    language_root,
    page_url,
    parallel_section_page,
    relative_url,
    short_link_aliases,
    short_link_path,
    version_page,
)
from scripts.checks import LastCheck
from scripts.clauses import HOME_PAGE, Clause, Item, Page, Part, capitalised, item_label, parts, plain_text
from scripts.data_files import SiteFile
from scripts.english_records import EnglishRecord, english_of_versions, english_pages, permanent_date
from scripts.evidence import PublishedFile
from scripts.glossary import Term
from scripts.languages import ENGLISH, HTML_LANG, LANGUAGES, REFERENCE_LANGUAGE, REGISTRY, fill
from scripts.markup import Link, runs
from scripts.notes import Note, note_anchor
from scripts.rendering import render
from scripts.versions import CHANGE_KINDS, History, Text, Version, changes, texts_by_key

# --- Text and notes, as the templates read them ----------------------------------------------


@dataclass(frozen=True)
class Segment:
    """A stretch of a paragraph's text: plain, a link, or (in the translation) a defined term."""

    text: str
    href: str | None = None  # a link's address
    address: bool = False  # a link whose text is its own address: print writes it once
    term: Term | None = None  # a defined term: its Chinese original, its address in the glossary


@dataclass(frozen=True)
class NoteView:
    """A note as shown after its clause, in one language: its kind, how it introduces itself (in
    the language of the text it stands beside), the part it is on, its text, its id if it has one,
    and its entry on the notes page."""

    kind: str
    label: str  # 编者注, Translator's note
    format: str  # {label} on {name} (not part of the agreement): {text}
    name: str  # its part as cited
    part: str  # its part's address from where the note is shown
    text: str
    language: str  # the note's text's
    id: str | None
    entry: str  # the note on the notes page


@dataclass(frozen=True)
class Editorial:
    """What the site shows beside the agreement text: notes on parts, the glossary's terms (a
    defined term in the English shows its Chinese original), the retrieval the current text is,
    and the dates that name the current text's permanent pages, the pages a citation points to
    (scripts/english_records.py, permanent_date)."""

    notes: dict[str, list[Note]]
    terms: list[Term]
    retrieved: str
    permanent: dict[str, str | None]  # language → the date of its permanent pages; None: it has none
    # Where a reader reports a problem with a part (mkdocs.yml, extra.report_problem): an address
    # with {part} {language} {version} {hash} {url}; "" where the site offers none.
    report_problem: str = ""
    site_url: str = ""  # the address the site is published at, for the part's address in a report

    def report_link(self, part: Part) -> str | None:
        """The address to report a problem with a part, filled in: the part, the language, the
        version's date and the SHA-256 of the part's text (its first 16 hex digits), each encoded."""
        if not self.report_problem:
            return None
        digest = hashlib.sha256(plain_text(part.text).encode("utf-8")).hexdigest()[:16]
        address = self.site_url.rstrip("/") + page_url(part.page.language, part.page.name) + f"#{part.anchor}"
        values = {"part": part.anchor, "language": part.page.language, "version": self.retrieved, "hash": digest, "url": address}
        return fill(self.report_problem, **{key: quote(value, safe="") for key, value in values.items()})

    def permanent_link(self, here: str, page: Page) -> str | None:
        """Where a current page's text is at its permanent address, from the page at site path
        `here`; None when that language's text has no permanent pages."""
        date = self.permanent[page.language]
        return relative_url(here, page_url(page.language, version_page(date, page.name))) if date else None

    def segments(self, text: str, language: str) -> list[Segment]:
        """A paragraph's text as the model reads it (plain text and links); in a translation, each
        defined term marked with its Chinese original."""
        found: list[Segment] = []
        pattern = None if language == REFERENCE_LANGUAGE else _defined_terms(tuple(self.terms))
        for run in runs(text):
            if isinstance(run, Link):
                found.append(Segment(run.text, href=run.href, address=run.href == run.text))
            elif pattern is None:
                found.append(Segment(run))
            else:
                found += _with_terms(run, pattern, self.terms)
        return found

    def note_views(self, part: Part, here: str, part_href: str, with_id: bool = True) -> list[NoteView]:
        """The notes on a part, in its language, as shown on the page at site path `here`, where
        the part is at `part_href`."""
        language = part.page.language
        labels = REGISTRY[language].strings["notes"]
        notes_page = relative_url(here, page_url(language, NOTES_PAGE))
        return [
            NoteView(
                note.kind,
                labels["editor"] if note.kind == "editor" else labels["translator"],
                labels["format"],
                part.name,
                part_href,
                note.text[language],
                language,
                note_anchor(note.at, index) if with_id else None,
                f"{notes_page}#{note_anchor(note.at, index)}",
            )
            for index, note in enumerate(self.notes.get(part.anchor, []), 1)
        ]


def _defined_terms(terms: tuple[Term, ...]) -> re.Pattern[str] | None:
    defined = [term.pattern.pattern for term in terms if term.kind == "defined term"]
    return re.compile("|".join(f"(?:{pattern})" for pattern in defined)) if defined else None


def _with_terms(text: str, pattern: re.Pattern[str] | None, terms: list[Term]) -> list[Segment]:
    if pattern is None:
        return [Segment(text)]
    by_english = {term.english.lower(): term for term in terms if term.kind == "defined term"}
    found, start = [], 0
    for match in pattern.finditer(text):
        term = by_english.get(match[0].lower()) or by_english[match[0].lower().removesuffix("s")]
        if match.start() > start:
            found.append(Segment(text[start : match.start()]))
        found.append(Segment(match[0], term=term))
        start = match.end()
    if start < len(text):
        found.append(Segment(text[start:]))
    return found


def _strings(language: str) -> object:
    return REGISTRY[language].strings


# --- The agreement pages and the full text ---------------------------------------------------


@dataclass(frozen=True)
class Tools:
    """A part's tools (parts.html, tools): ⇄ to the other view of the part (from a page to its row
    in the parallel view, from a row back to its section page), copy link, copy citation, copy
    the citation in both languages, and where the site takes reports, report a problem."""

    part: Part  # the part, in the language of the page it is shown on
    switch: str | None  # the address of ⇄
    switch_label: str  # clause_tools key of ⇄: parallel or section
    page_link: str | None = None  # the part's own page, when shown elsewhere (full text, parallel view)
    version_link: str | None = None  # the permanent page of the text shown, which a citation names
    report: str | None = None  # where to report a problem with it (mkdocs.yml, extra.report_problem)
    both: bool = True  # copy in both languages (not on a retrieval's permanent page)


@dataclass(frozen=True)
class Block:
    """One paragraph of a page as published: a citable part (preamble paragraph, clause, item)
    with its tools, or unnumbered text such as the closing 腾讯公司; and the notes after it (on a
    clause's last paragraph, the notes on the clause and on each of its items)."""

    kind: str  # preamble, clause, clause-item, or paragraph (unnumbered)
    segments: list[Segment]
    part: Part | None = None
    number: bool = False  # whether its number is shown as a link to itself (clauses, items)
    spacing: str = ""  # between the number and the text, as written
    tools: Tools | None = None
    notes: list[NoteView] = field(default_factory=list)
    ordinal: str = ""  # a preamble paragraph's number, shown as a link to itself (序言第2段: 2)


def blocks(page: Page, editorial: Editorial, here: str, page_link: str | None = None, permanent: bool = False) -> list[Block]:
    """Every paragraph of a page, in reading order, as a block built from the model. A clause's
    notes follow the clause and all its items, never between two items. On a retrieval's
    permanent page (`permanent`) the parts have no row in the parallel view, no notes (they are
    about the current text), no copy in both languages, and name no other page in their citations."""
    language = page.language
    if permanent:
        parallel = preamble_parallel = version_link = None
    else:
        parallel = relative_url(here, page_url(language, parallel_section_page(page.section))) if page.section else None
        # The preamble has no section of its own: its paragraphs' rows are in the whole parallel view.
        preamble_parallel = relative_url(here, page_url(language, PARALLEL_PAGE))
        version_link = editorial.permanent_link(here, page)
    by_anchor = {part.anchor: part for part in parts(page)}

    def tools(part: Part, switch: str | None) -> Tools:
        return Tools(
            part,
            f"{switch}#{part.anchor}" if switch else None,
            "parallel",
            page_link,
            version_link,
            editorial.report_link(part),
            both=not permanent,
        )

    def notes(*anchors: str) -> list[NoteView]:
        if permanent:
            return []
        return [view for anchor in anchors for view in editorial.note_views(by_anchor[anchor], here, f"#{anchor}")]

    found: list[tuple[int, Block]] = []
    for paragraph in page.paragraphs:
        segments = editorial.segments(paragraph.text, language)
        if paragraph.anchor:
            part = by_anchor[paragraph.anchor]
            ordinal = paragraph.anchor.removeprefix("preamble-")
            block = Block(
                "preamble", segments, part, tools=tools(part, preamble_parallel), notes=notes(part.anchor), ordinal=ordinal
            )
        else:
            block = Block("paragraph", segments)
        found.append((paragraph.line, block))
    for clause in page.clauses:
        numbered_parts: list[tuple[str, Clause | Item]] = [("clause", clause), *(("clause-item", item) for item in clause.items)]
        for index, (kind, numbered) in enumerate(numbered_parts):
            last = index == len(numbered_parts) - 1
            block = Block(
                kind,
                editorial.segments(numbered.text, language),
                by_anchor[numbered.anchor],
                number=True,
                spacing=numbered.spacing,
                tools=tools(by_anchor[numbered.anchor], parallel),
                notes=notes(*(part.anchor for _, part in numbered_parts)) if last else [],
            )
            found.append((numbered.line, block))
    return [block for _, block in sorted(found, key=lambda pair: pair[0])]


def contents(page: Page) -> list[tuple[str, str]]:
    """A section page's table of contents: each clause's id and its entry, the clause's number and
    its opening words up to the first pause (10.1 除非法律允许或腾讯书面许可…; 10.1 Except as
    permitted by law or …), as text. The hooks give it to Material as the page's toc."""
    han = REGISTRY[page.language].script == "han"
    entries = []
    for clause in page.clauses:
        text = plain_text(clause.text)
        words = re.split(r"[，。；：,;:]", text, maxsplit=1)[0]
        opening = words[:14] if han else " ".join(words.split()[:6])
        entries.append((clause.anchor, f"{clause.label} {opening}{'' if opening == text else '…'}"))
    return entries


def outline(pages: list[Page]) -> list[int | list[int]]:
    """The agreement's parts in brief, for the browser to tell a part that exists from one that
    does not (#10.9) and to name the nearest: the number of preamble paragraphs, then for each
    section in order the number of items of each of its clauses ([[7, 0], …] for 10.1 and 10.2)."""
    home, *sections = pages
    return [sum(1 for paragraph in home.paragraphs if paragraph.anchor), *([len(c.items) for c in p.clauses] for p in sections)]


def shows_notes(pages: list[Page], editorial: Editorial) -> bool:
    """Whether the pages' parts have any note (a page that shows notes offers to hide them)."""
    return any(part.anchor in editorial.notes for page in pages for part in parts(page))


def agreement_markdown(page: Page, editorial: Editorial) -> str:
    """A page as handed to MkDocs: its title as Markdown, then every paragraph as HTML built from
    the model; no text the author wrote is read as markup."""
    here = page_url(page.language, page.name)
    return render("agreement_page.md", title=page.title, blocks=blocks(page, editorial, here), strings=_strings(page.language))


def full_markdown(pages: list[Page], editorial: Editorial) -> str:
    """The whole agreement in one language on one page (/full/, /en/full/): the title and preamble,
    then every section under its heading (id section-N, in the page's table of contents), each
    part with the same id as on its own page. Copied links name the part's own page, the address
    to cite (the full text is not indexed: it repeats the section pages)."""
    home, *sections = pages
    here = page_url(home.language, "full/index.md")
    return render(
        "full_page.md",
        title=home.title,
        home=blocks(home, editorial, here, relative_url(here, page_url(home.language, home.name))),
        sections=[
            (page.section, page.title, blocks(page, editorial, here, relative_url(here, page_url(page.language, page.name))))
            for page in sections
        ],
        strings=_strings(home.language),
    )


# --- The parallel view -----------------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    """One language's half of a parallel row; the half in the page's language has the part's tools."""

    lang: str  # HTML lang
    href: str  # the part on its own page
    name: str  # the part as cited
    number: str  # its full number: 10.1（2）, 10.1(2); a preamble paragraph's name
    short_name: str  # the language's name on the cell
    segments: list[Segment]
    tools: Tools | None = None


@dataclass(frozen=True)
class Row:
    """A part in both languages; after a clause's last row (its own or its last item's), the notes
    on the clause and its items, in each language: (HTML lang, notes)."""

    anchor: str
    item: bool
    cells: list[Cell]
    notes: list[tuple[str, list[NoteView]]] = field(default_factory=list)


@dataclass(frozen=True)
class ParallelSection:
    section: int | None
    titles: list[tuple[str, str]]  # (HTML lang, title) per language
    rows: list[Row]


def full_number(part: Part, clause: str | None) -> str:
    """A part's number as it stands alone: 10.1, 10.1（2）, 10.1(2); a preamble paragraph's name."""
    if part.anchor.startswith("preamble-"):
        return part.label
    return f"{clause}{part.label}" if clause and clause != part.anchor else part.label


def _parallel_sections(
    pages: dict[str, list[Page]], language: str, editorial: Editorial, here: str, sections: set[int | None]
) -> list[ParallelSection]:
    """The rows of the given sections (None: the preamble), each section's title in both
    languages, as shown on `language`'s page at site path `here`. Each row's half in that language
    has the part's tools, whose ⇄ leads back to the part on its section page; a clause's notes
    follow its last row, in both languages."""
    reference, translation = (pages[lang] for lang in LANGUAGES)
    shown = []
    for zh_page, en_page in zip(reference, translation, strict=False):
        if zh_page.section not in sections:
            continue
        rows: list[Row] = []
        for zh_part, en_part in zip(parts(zh_page), parts(en_page), strict=False):
            clause = zh_part.anchor.split("-")[0] if "." in zh_part.anchor else None
            cells = []
            for part in (zh_part, en_part):
                lang = part.page.language
                own_page = relative_url(here, page_url(lang, part.page.name))
                tools = None
                if lang == language:
                    version = editorial.permanent_link(here, part.page)
                    tools = Tools(part, f"{own_page}#{part.anchor}", "section", own_page, version, editorial.report_link(part))
                cells.append(
                    Cell(
                        HTML_LANG[lang],
                        f"{own_page}#{part.anchor}",
                        part.name,
                        full_number(part, clause),
                        REGISTRY[lang].strings["parallel"]["cell"],
                        editorial.segments(part.text, lang),
                        tools,
                    )
                )
            rows.append(Row(zh_part.anchor, "-" in zh_part.anchor and clause is not None, cells))
        # A clause's notes, and its items', after its last row; the section pages carry the notes' ids.
        by_anchor = {page.language: {part.anchor: part for part in parts(page)} for page in (zh_page, en_page)}
        groups: dict[str, list[str]] = {}  # a clause (or preamble paragraph) → the anchors of its rows
        for row in rows:
            groups.setdefault(row.anchor.split("-")[0] if "." in row.anchor else row.anchor, []).append(row.anchor)
        for index, row in enumerate(rows):
            anchors = groups[row.anchor.split("-")[0] if "." in row.anchor else row.anchor]
            if row.anchor != anchors[-1]:
                continue
            notes = [
                (
                    HTML_LANG[lang],
                    [view for anchor in anchors for view in editorial.note_views(own[anchor], here, f"#{anchor}", with_id=False)],
                )
                for lang, own in by_anchor.items()
            ]
            if any(views for _, views in notes):
                rows[index] = dc_replace(row, notes=notes)
        titles = [(HTML_LANG[page.language], page.title) for page in (zh_page, en_page)]
        shown.append(ParallelSection(zh_page.section, titles, rows))
    return shown


def _columns() -> list[tuple[str, str]]:
    return [(HTML_LANG[lang], REGISTRY[lang].strings["parallel"]["column"]) for lang in LANGUAGES]


def parallel_rows(pages: dict[str, list[Page]], language: str, editorial: Editorial) -> str:
    """The parallel view's body for one language's interface (/parallel/, /en/parallel/): a list
    to jump to each section, then a row per part, Chinese | English, under each section's heading.

    Each row carries the part's anchor, so /parallel/#10.1 lands on clause 10.1; each side's
    number links to the part on its own language's page."""
    here = page_url(language, PARALLEL_PAGE)
    own = pages[language]
    return render(
        "parallel.html",
        jump=[(page.section, page.title) for page in own if page.section],
        columns=_columns(),
        sections=_parallel_sections(pages, language, editorial, here, {page.section for page in own}),
        headings=True,
        strings=_strings(language),
    )


def parallel_section_markdown(pages: dict[str, list[Page]], language: str, editorial: Editorial, section: int) -> str:
    """One section's short parallel page (/parallel/10/, /en/parallel/10/), where each clause's
    ⇄ leads: its title, the line saying which text prevails, the rows, and the way to the other
    sections and to the whole parallel view."""
    here = page_url(language, parallel_section_page(section))
    own = [page for page in pages[language] if page.section]
    index = next(i for i, page in enumerate(own) if page.section == section)
    page = own[index]

    def neighbour(other: Page | None) -> tuple[str, str] | None:
        if other is None or other.section is None:
            return None
        return relative_url(here, page_url(language, parallel_section_page(other.section))), other.title

    return render(
        "parallel_section.md",
        title=fill(REGISTRY[language].strings["parallel"]["section_title"], title=page.title),
        section=section,
        pages=[
            (relative_url(here, page_url(lang, page.name)), HTML_LANG[lang], REGISTRY[lang].strings["parallel"]["cell"])
            for lang in LANGUAGES
        ],
        columns=_columns(),
        sections=_parallel_sections(pages, language, editorial, here, {section}),
        headings=False,
        previous=neighbour(own[index - 1] if index else None),
        next=neighbour(own[index + 1] if index + 1 < len(own) else None),
        all=relative_url(here, page_url(language, PARALLEL_PAGE)),
        strings=_strings(language),
    )


# --- The glossary ----------------------------------------------------------------------------


def glossary_table(pages: dict[str, list[Page]], language: str, terms: list[Term]) -> str:
    """The glossary page's body: every term pair with its note, and links to the parts of this
    language's pages where the Chinese term occurs (aligned parts share their anchors)."""
    text = REGISTRY[language].strings["glossary"]
    here = page_url(language, GLOSSARY_PAGE)
    reference = {page.name: page for page in pages[REFERENCE_LANGUAGE]}
    # Each page's Chinese read once: (its title, [(Chinese part text, this language's part)], the
    # text of its paragraphs without an anchor, such as the closing 腾讯公司).
    searched = [
        (
            page,
            reference[page.name].title,
            [(plain_text(zh.text), part) for zh, part in zip(parts(reference[page.name]), parts(page), strict=False)],
            " ".join(plain_text(p.text) for p in reference[page.name].paragraphs if not p.anchor),
        )
        for page in pages[language]
    ]
    rows = []
    for term in terms:
        places: list[tuple[str, str]] = []  # (href, name)
        for page, zh_title, zh_parts, unanchored in searched:
            target = relative_url(here, page_url(language, page.name))
            if term.chinese in zh_title:
                places.append((target, text["title"] if page.name == HOME_PAGE else page.title))
            places += [
                (f"{target}#{part.anchor}", capitalised(part.name)) for zh_text, part in zh_parts if term.chinese in zh_text
            ]
            if term.chinese in unanchored:  # the page it stands on
                places.append((target, page.title))
        rows.append((term, places))
    return render(
        "glossary.html",
        rows=rows,
        english=ENGLISH.code,
        reference_lang=HTML_LANG[REFERENCE_LANGUAGE],
        english_lang=HTML_LANG[ENGLISH.code],
        strings=_strings(language),
    )


# --- The notes page --------------------------------------------------------------------------


@dataclass(frozen=True)
class NoteEntry:
    """A note on the notes page: its id (the same as beside its part), its kind, its part as cited
    and that part's address on its section page, and its text."""

    id: str
    kind: str
    label: str  # 编者注, Translator's note
    part: str
    href: str
    text: str


def notes_markdown(pages: dict[str, list[Page]], language: str, editorial: Editorial) -> str:
    """The notes page's list (/notes/, /en/notes/): every note in the agreement's order, under the
    heading of the page its part is on (the preamble, each section: in the page's table of
    contents), with its kind, its text and a link to its part."""
    here = page_url(language, NOTES_PAGE)
    labels = REGISTRY[language].strings["notes"]
    groups = []
    for page in pages[language]:
        target = relative_url(here, page_url(language, page.name))
        entries = [
            NoteEntry(
                note_anchor(part.anchor, index),
                note.kind,
                labels["editor"] if note.kind == "editor" else labels["translator"],
                capitalised(part.name),
                f"{target}#{part.anchor}",
                note.text[language],
            )
            for part in parts(page)
            for index, note in enumerate(editorial.notes.get(part.anchor, []), 1)
        ]
        if entries:
            anchor = "preamble" if page.section is None else f"section-{page.section}"
            groups.append((anchor, labels["preamble"] if page.section is None else page.title, entries))
    return render("notes_page.md", groups=groups, language=language, strings=_strings(language))


# --- Short links -----------------------------------------------------------------------------


def short_link_pages(pages: list[Page], site_title: str, site_url: str, favicon: str) -> Iterator[tuple[str, str]]:
    """(site path, HTML) of a redirect page for every part (/clause/10.1-2/), every other way of
    writing an item's number (/clause/10.1(2)/, /clause/10.1.2/) and every section (/clause/10/):
    static, so any host serves it."""
    for page in pages:
        language = page.language
        # (the short link's name, the page's title, its heading, the fragment it goes to)
        targets: list[tuple[str, str, str, str]] = []
        if page.section is not None:
            targets.append((str(page.section), page.title, page.title, ""))
        for part in parts(page):
            targets += [
                (anchor, part.name, capitalised(part.name), f"#{part.anchor}")
                for anchor in (part.anchor, *short_link_aliases(part.anchor))
            ]
        for link, name, heading, fragment in targets:
            here = short_link_path(language, link)
            yield (
                here,
                render(
                    "short_link.html",
                    lang=HTML_LANG[language],
                    name=name,
                    heading=heading,
                    site_title=site_title,
                    target=f"{relative_url(here, page_url(language, page.name))}{fragment}",
                    canonical=site_url.rstrip("/") + page_url(language, page.name),
                    icon=f"{relative_url(here, '/')}{favicon}",
                    strings=_strings(language),
                ),
            )


# --- The versions page -----------------------------------------------------------------------


_WORDS = re.compile(r"\w+|\s+|[^\w\s]")


Pieces = list[tuple[bool, str]]  # (the same in both texts?, text): a text with what differs marked


def diff(old: str, new: str, language: str) -> tuple[Pieces, Pieces]:
    """The old and the new text as pieces, what differs marked: character by character for Han
    text, word by word for Latin (difflib)."""
    split = list if REGISTRY[language].script == "han" else _WORDS.findall
    a, b = split(old), split(new)
    # (same?, old text, new text); a space alone between two changes joins them, so that a
    # changed phrase is marked as one.
    segments: list[tuple[bool, str, str]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        segment = (tag == "equal", "".join(a[i1:i2]), "".join(b[j1:j2]))
        if segments and not segment[0] and not segments[-1][0]:
            segments[-1] = (False, segments[-1][1] + segment[1], segments[-1][2] + segment[2])
        elif len(segments) >= 2 and not segment[0] and segments[-1][0] and segments[-1][1].isspace() and not segments[-2][0]:
            space = segments.pop()[1]
            segments[-1] = (False, segments[-1][1] + space + segment[1], segments[-1][2] + space + segment[2])
        else:
            segments.append(segment)
    return _joined([(same, removed) for same, removed, _ in segments]), _joined([(same, added) for same, _, added in segments])


def _joined(pieces: Pieces) -> Pieces:
    """Pieces without empty ones, neighbours of one kind joined (what one text lacks splits none)."""
    joined: Pieces = []
    for same, text in pieces:
        if not text:
            continue
        if joined and joined[-1][0] == same:
            joined[-1] = (same, joined[-1][1] + text)
        else:
            joined.append((same, text))
    return joined


def part_name(text: Text, language: str) -> str:
    """A part as cited in the chrome's language: 第10.1款第（2）项, Clause 10.1(2), 第四条标题 …"""
    names, ui = REGISTRY[language].citation_names, REGISTRY[language].strings["versions"]
    if text.kind == "clause":
        name = fill(names["clause"], clause=str(text.clause))
    elif text.kind == "item":
        assert text.number is not None, text.key  # texts() gives every item its number
        name = fill(names["item"], clause=str(text.clause), item=item_label(language, text.number))
    elif text.kind == "preamble":
        name = fill(names["preamble"], n=str(text.number))
    elif text.kind == "heading":
        name = fill(ui["heading"], n=str(text.number))
    elif text.kind == "paragraph":
        name = fill(ui["paragraph"], section=str(text.page.section), n=str(text.number))
    else:
        name = ui["title"]
    return capitalised(name)


@dataclass(frozen=True)
class PartLink:
    """A part of the current text, linked where it still exists (href None: named only)."""

    href: str | None
    text: str


@dataclass(frozen=True)
class DiffRow:
    """One text of a changed part: its label, HTML lang, its pieces and how what differs is marked."""

    label: str
    lang: str
    pieces: Pieces
    mark: str  # del (before) or ins (after)


@dataclass(frozen=True)
class ChangeView:
    link: PartLink
    section: PartLink | None  # the section it belongs to
    rows: list[DiffRow]


def versions_html(
    history: History,
    english_records: Sequence[EnglishRecord],
    pages: dict[str, list[Page]],
    language: str,
    files: dict[str, list[PublishedFile]],
    last_check: LastCheck,
) -> str:
    """The versions page's body for one language's chrome: every retrieval, newest first, with
    its source and, after the first, each part changed (a character-level diff of the Chinese and,
    on the English page, a word-level diff of the English where it is known), added or removed,
    linked to the part on its page; and for each, its permanent pages and the files it was read
    from (the retrieval as kept, the page as fetched), each with its SHA-256.

    The English of a version is the translation as it stood when the next version was retrieved
    (its records, scripts/english_records.py), and of the newest version the English pages."""
    here = page_url(language, VERSIONS_PAGE)
    ui = cast("Mapping[str, str]", REGISTRY[language].strings["versions"])
    record = cast("Mapping[str, str]", REGISTRY[language].strings["record"])
    current = {lang: texts_by_key(pages[lang]) for lang in LANGUAGES}
    english = english_of_versions(history, english_records, {key: text.text for key, text in current[ENGLISH.code].items()})
    zh, own = HTML_LANG[REFERENCE_LANGUAGE], HTML_LANG[language]

    def link(key: str, name: str) -> PartLink:
        text = current[language].get(key)
        if text is None or key not in history.current.texts:
            return PartLink(None, name)
        anchor = f"#{key}" if text.kind in ("clause", "item", "preamble") else ""
        return PartLink(relative_url(here, page_url(language, text.page.name)) + anchor, name)

    def section_of(text: Text) -> PartLink | None:
        """The section a part belongs to, as the chrome's language titles it now."""
        section_key = "title" if text.page.section is None else f"section-{text.page.section}"
        heading = current[language].get(section_key)
        return link(section_key, heading.text) if heading and text.kind not in ("title", "heading") else None

    versions = []
    for index in range(len(history.versions) - 1, -1, -1):
        version = history.versions[index]
        entry: dict[str, object] = {"version": version, "current": index == len(history.versions) - 1, "first": index == 0}
        entry["reads"] = [
            (REGISTRY[code].name, relative_url(here, page_url(code, version_page(date, HOME_PAGE))), HTML_LANG[code])
            for code in LANGUAGES
            if (date := permanent_date(code, version.retrieved, english_records))
        ]
        entry["files"] = [
            (record[f"{published.kind}_file"], relative_url(here, "/") + published.site_path, published.sha256)
            for published in files[version.retrieved]
        ]
        if index:
            previous = history.versions[index - 1]
            found = changes(previous, version)
            entry["previous"] = previous.retrieved
            entry["counts"] = {kind: str(sum(change.kind == kind for change in found)) for kind in CHANGE_KINDS}
            by_kind: dict[str, list[ChangeView]] = {}
            for change in found:
                text = change.new or change.old
                assert text is not None, change.key  # a change has an old text, a new one or both
                old_zh, new_zh = (plain_text(t.text) if t else "" for t in (change.old, change.new))
                zh_before, zh_after = (
                    diff(old_zh, new_zh, REFERENCE_LANGUAGE) if change.kind == "changed" else ([(True, old_zh)], [(True, new_zh)])
                )
                rows = []
                if change.old:
                    rows.append(DiffRow(ui["before"], zh, zh_before, "del"))
                if change.new:
                    rows.append(DiffRow(ui["after"], zh, zh_after, "ins"))
                if language != REFERENCE_LANGUAGE:
                    old_en = english.get(previous.retrieved, {}).get(change.key)
                    new_en = english.get(version.retrieved, {}).get(change.key)
                    if old_en is not None and new_en is not None and change.kind == "changed" and old_en != new_en:
                        en_before, en_after = diff(plain_text(old_en), plain_text(new_en), language)
                        rows += [
                            DiffRow(ui["english_before"], own, en_before, "del"),
                            DiffRow(ui["english_after"], own, en_after, "ins"),
                        ]
                    elif change.kind == "added" and new_en is not None:
                        rows.append(DiffRow(ui["english_after"], own, [(True, plain_text(new_en))], "ins"))
                    elif change.kind == "removed" and old_en is not None:
                        rows.append(DiffRow(ui["english_before"], own, [(True, plain_text(old_en))], "del"))
                view = ChangeView(link(change.key, part_name(text, language)), section_of(text), rows)
                by_kind.setdefault(change.kind, []).append(view)
            entry["changes"] = [(kind, by_kind[kind]) for kind in CHANGE_KINDS if kind in by_kind]
        versions.append(entry)
    # Each record of the English, newest first, with the number of parts it words differently
    # from the record before (a correction of the translation, or the translation of a new text).
    translations = [
        {
            "date": english.since,
            "retrieved": english.translates,
            "previous": previous.since if previous else None,
            "count": str(
                len(
                    {
                        key
                        for key in english.texts.keys() | previous.texts.keys()
                        if english.texts.get(key) != previous.texts.get(key)
                    }
                )
            )
            if previous
            else "",
            "href": relative_url(here, page_url(ENGLISH.code, version_page(english.since, HOME_PAGE))),
        }
        for previous, english in zip([None, *english_records], english_records, strict=False)
    ][::-1]
    return render(
        "versions.html",
        versions=versions,
        translations=translations,
        english_lang=HTML_LANG[ENGLISH.code],
        # Examples of each kind of address, from the site's root: the current Chinese at its
        # permanent address, the newest English at its own, and a page of the current text.
        addresses=(
            page_url(REFERENCE_LANGUAGE, version_page(history.current.retrieved, HOME_PAGE)),
            page_url(ENGLISH.code, version_page(english_records[-1].since, HOME_PAGE)) if english_records else "",
            page_url(language, next(page.name for page in pages[language] if page.section)),
        ),
        last_check=last_check,
        example=files[history.versions[0].retrieved][0].name,
        feed=relative_url(here, page_url(language, HOME_PAGE)) + "feeds/agreement.atom",
        strings=_strings(language),
    )


# --- A retrieval's text at its permanent address --------------------------------------------


def tools_json(language: str, site_path: str, permanent: Mapping[str, str | None]) -> str:
    """A language's tools.json (typed as ToolsConfig in agreement-clauses.js): what the scripts
    loaded on demand need and a page's first view does not, so that no page carries it: the
    citation's format, the clause tools' words, how parts are named, what an address naming no
    part says, each language's root as served (site_path: "" or "/tim"), the original first, and
    where each language's current text is at its permanent address (its folder; its root where it
    has none)."""
    entry = REGISTRY[language]
    tools = {
        "citation": entry.strings["citation"],
        "clauseTools": entry.strings["clause_tools"],
        "names": entry.citation_names,
        "label": entry.item_label,
        "address": entry.strings["address"],
        "roots": [[code, site_path + REGISTRY[code].root] for code in LANGUAGES],
        "permanent": [
            [code, site_path + REGISTRY[code].root + (version_page(date, "") if (date := permanent[code]) else "")]
            for code in LANGUAGES
        ],
    }
    return json.dumps(tools, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def _browser_config(language: str, retrieved: str, revised: str | None, source: str, page_address: str, assets: str) -> str:
    """The page's #agreement-config (typed as AgreementConfig in agreement-clauses.js) for a page of
    our own templates; the theme's pages write theirs in overrides/main.html. A retrieval's page
    has no outline of the agreement: a fragment naming a part it lacks is left as it is."""
    entry = REGISTRY[language]
    other = next(REGISTRY[code] for code in LANGUAGES if code != language)
    strings = entry.strings
    config = {
        "language": language,
        "lang": entry.html_lang,
        "title": entry.site_name,
        "date": retrieved,
        "revised": revised,
        "ellipsis": strings["citation"]["ellipsis"],
        "tools": f"{assets}{language_root(language)}{TOOLS_JSON}",
        "glossary": {"href": f"{assets}{page_url(language, GLOSSARY_PAGE)[1:]}", "link": strings["glossary"]["link"]},
        "print": {
            "head": f"{entry.site_name} · {fill(strings['print']['status'], revised=revised or '')}",
            "source": fill(strings["print"]["source"], source=source, date=retrieved),
            "page": page_address,
        },
        "search": {
            "strings": strings["search"],
            "index": f"{assets}{language_root(language)}{SEARCH_INDEX}",
            "core": f"{assets}assets/javascripts/search-core.js",
            "css": f"{assets}assets/search.css",
            "script": f"{assets}assets/javascripts/agreement-search.js",
            "otherSearch": f"{assets}{language_root(other.code)}",
            "otherLang": other.html_lang,
        },
    }
    # As json_for_script does for the theme's pages: no literal <, >, & or ' inside the script element.
    text = json.dumps(config, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    for character in "<>&'":
        text = text.replace(character, f"\\u{ord(character):04x}")
    return text


def version_pages(
    history: History,
    english_records: Sequence[EnglishRecord],
    current: dict[str, list[Page]],
    editorial: Editorial,
    language: str,
    site_url: str,
    favicon: str,
) -> Iterator[tuple[str, str]]:
    """(site path, HTML) of every page of every text at its permanent address, in one language:
    the Chinese of each retrieval (/v/2022-01-23/10-user-conduct/) and the English of each record
    of the translation (/en/v/2026-12-06/10-user-conduct/, scripts/english_records.py), so that
    the words a citation quotes stay at its address when either is revised."""
    base = site_url.rstrip("/")
    strings = REGISTRY[language].strings
    ui = strings["record"]
    original = language == REFERENCE_LANGUAGE
    other = next(code for code in LANGUAGES if code != language)
    by_date = {version.retrieved: version for version in history.versions}
    # (date, retrieval, pages) of each text in this language, oldest first; and for each date,
    # the date of the text that superseded it.
    texts_here: list[tuple[str, Version, list[Page]]] = []
    if original:
        dates = [version.retrieved for version in history.versions]
        texts_here = [(version.retrieved, version, list(version.pages)) for version in history.versions]
    else:
        dates = [record.since for record in english_records]
        for record in english_records:
            version = by_date.get(record.translates)
            translated = english_pages(list(version.pages), record.texts) if version else None
            if version and translated:
                texts_here.append((record.since, version, translated))
    later = dict(itertools.pairwise(dates))
    for date, version, own in texts_here:
        retrieved = version.retrieved
        # The other language's text of this one: the English's newest record of this retrieval, or
        # the retrieval this English translates.
        other_date = permanent_date(other, retrieved, english_records)
        banner = fill(ui["version"], date=date) if original else fill(ui["version_english"], date=retrieved, revised=date)
        for page in own:
            here = page_url(language, version_page(date, page.name))
            assets = relative_url(here, "/")
            now = next((p for p in current[language] if p.name == page.name), current[language][0])
            there = [(other, page_url(other, version_page(other_date, page.name)))] if other_date else []
            yield (
                here,
                render(
                    "version_page.html",
                    lang=HTML_LANG[language],
                    title=page.title,
                    site_name=REGISTRY[language].site_name,
                    date=date,
                    banner=banner,
                    superseded=later.get(date),
                    superseded_by=ui["version_superseded" if original else "english_superseded"],
                    canonical=base + here,
                    alternates=[(HTML_LANG[language], base + here)] + [(HTML_LANG[code], base + path) for code, path in there],
                    languages=[(REGISTRY[code].name, relative_url(here, path), HTML_LANG[code]) for code, path in there],
                    current_home=relative_url(here, page_url(language, HOME_PAGE)),
                    current=relative_url(here, page_url(language, now.name)),
                    current_title=now.title,
                    contents=[(relative_url(here, page_url(language, version_page(date, p.name))), p.title) for p in own],
                    blocks=blocks(page, editorial, here, permanent=True),
                    edition=fill(REGISTRY[language].edition, source=version.source.url, date=retrieved),
                    print_status=fill(strings["print"]["status"], revised=date),
                    source=version.source.url,
                    retrieved=retrieved,
                    address=base + here,
                    assets=assets,
                    favicon=favicon,
                    config=Markup(
                        _browser_config(
                            language,
                            retrieved,
                            None if original else date,
                            version.source.url,
                            base + here,
                            assets,
                        )
                    ),
                    strings=strings,
                ),
            )


# --- The /data/ page -------------------------------------------------------------------------


@dataclass(frozen=True)
class DataRow:
    href: str
    name: str
    format: str
    description: str
    size: str
    sha256: str


def data_table(files: Sequence[SiteFile], language: str) -> str:
    """The /data/ page's body: every file the site publishes beside its pages."""
    here = page_url(language, DATA_PAGE)
    strings = REGISTRY[language].strings["data"]
    rows = []
    for file in files:
        rows.append(
            DataRow(
                relative_url(here, "/") + file.path,
                file.name,
                file.format,
                fill(
                    strings["kinds"][file.kind],
                    language=strings["languages"][file.language] if file.language else "",
                    date=file.date or "",
                    section=file.section_title or strings["whole"],
                ),
                fill(strings["kib"], n=f"{len(file.content) / 1024:.1f}"),
                file.sha256,
            )
        )
    example = next(file.name for file in files if file.kind == "source")
    return render("data.html", rows=rows, example=example, strings=_strings(language))
