"""Pages and files generated from the clause model: the agreement pages, the whole text on one
page, the parallel view (whole and per section), short links by clause number, and clauses.json.
Plain Python, no MkDocs import; the hooks write what these return."""

from __future__ import annotations

import functools
import html
import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, TypedDict

import rcssmin  # type: ignore[import-untyped]  # ships no type hints and has no stubs package
import rjsmin  # type: ignore[import-untyped]  # likewise

from scripts.clauses import HOME_PAGE, Clause, Item, Page, page_url, plain_text
from scripts.glossary import Term, mark_defined_terms
from scripts.languages import ENGLISH, HTML_LANG, LANGUAGES, REFERENCE_LANGUAGE, REGISTRY, ClauseTools, fill
from scripts.markup import html_of, markdown_escaped, runs
from scripts.notes import Note, note_anchor, note_html

PARALLEL_PAGE = "parallel/index.md"  # title written by hand in each language; rows generated
PARALLEL_FOLDER = "parallel"  # one short parallel page per section: parallel/10.md -> /parallel/10/
FULL_PAGE = "full/index.md"  # the whole agreement on one page; generated from the model
GLOSSARY_PAGE = "glossary/index.md"  # likewise: title and introduction by hand, the table generated
SCHEMA_NAME = "clauses.schema.json"  # clauses.json's JSON Schema (scripts/schemas/), published beside it
SHORT_LINK_FOLDER = "clause"  # /clause/10.1/, /en/clause/10.1/


def capitalised(text: str) -> str:
    """A citation name at the start of a title: clause 10.1 → Clause 10.1 (Chinese unchanged)."""
    return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class Part:
    """One citable part of the agreement, in one language: a preamble paragraph, clause or item."""

    anchor: str
    name: str  # as cited: 第10.1款第（2）项, clause 10.1(2)
    label: str  # its number as written (10.1, （2）), or its name for a preamble paragraph
    text: str  # Markdown after the number
    page: Page


def parts(page: Page) -> Iterator[Part]:
    """The citable parts of a page, in reading order."""
    names = REGISTRY[page.language].citation_names
    for index, (anchor, text) in enumerate(((p.anchor, p.text) for p in page.paragraphs if p.anchor), 1):
        name = fill(names["preamble"], n=str(index))
        yield Part(anchor, name, capitalised(name), text, page)
    for clause in page.clauses:
        yield Part(clause.anchor, fill(names["clause"], clause=clause.id), clause.label, clause.text, page)
        for item in clause.items:
            name = fill(names["item"], clause=clause.id, item=item.label)
            yield Part(item.anchor, name, item.label, item.text, page)


@functools.cache  # likewise: every link of every generated page
def relative_url(source: str, target: str) -> str:
    """The link from one site path to another, both folders ending in '/'."""
    relative = posixpath.relpath(target, source)
    return "./" if relative == "." else relative + "/"


@dataclass(frozen=True)
class Editorial:
    """What the site shows beside the agreement text: notes on parts, the glossary's terms (a
    defined term in the English shows its Chinese original), and since which retrieval each part's
    Chinese text is unchanged (anchor → date, scripts/versions.py)."""

    notes: dict[str, list[Note]]
    terms: list[Term]
    since: dict[str, str]

    def text_html(self, text: str, language: str) -> str:
        """A paragraph's text as the model reads it (plain text and links), escaped; in the
        English, each defined term marked with its Chinese original."""
        escaped = mark_address_links(html_of(runs(text)))
        return escaped if language == REFERENCE_LANGUAGE else mark_defined_terms(escaped, self.terms)

    def notes_html(self, anchor: str, language: str, with_id: bool = True) -> list[str]:
        return [note_html(note, index, language, with_id) for index, note in enumerate(self.notes.get(anchor, []), 1)]

    def since_attributes(self, anchor: str, language: str) -> str:
        """A part's data-unchanged-since and the title that says it, when the history knows it."""
        date = self.since.get(anchor)
        if date is None:
            return ""
        title = fill(REGISTRY[language].strings["versions"]["unchanged_since"], date=date)
        return f' data-unchanged-since="{html.escape(date)}" title="{html.escape(title)}"'


def mark_address_links(text_html: str) -> str:
    """A link whose text is its own address gets class="link-address": print writes the address
    after a link's text, which for these would say it twice."""
    return re.sub(
        r'<a href="([^"]*)">([^<]*)</a>',
        lambda m: f'<a href="{m[1]}" class="link-address">{m[2]}</a>' if html.unescape(m[1]) == html.unescape(m[2]) else m[0],
        text_html,
    )


def parallel_section_page(section: int) -> str:
    """The short parallel page of one section: parallel/10.md (site path /parallel/10/)."""
    return f"{PARALLEL_FOLDER}/{section}.md"


def tool_label(labels: ClauseTools, key: Literal["parallel", "copy_link", "copy_citation"], name: str) -> str:
    """A clause tool's accessible name: what it does and the part it does it to (复制引用：第10.1款)."""
    return fill(labels["tool"], label=labels[key], name=name)


def clause_tools(part: Part, parallel: str | None, page_link: str | None = None) -> str:
    """The tools after a part's text: its row in the parallel view (a link), copy link and copy
    citation (buttons that agreement-clauses.js brings to life). One toolbar, one tab stop: the
    first tool is focusable, the arrow keys move between them. Their names carry the part's number.
    `page_link`: where the part's own page is, when it is shown elsewhere (the full text)."""
    labels = REGISTRY[part.page.language].strings["clause_tools"]
    tools = []
    if parallel:
        name = html.escape(tool_label(labels, "parallel", part.name))
        tools.append(f'<a class="parallel-link" href="{parallel}#{part.anchor}" aria-label="{name}" title="{name}">⇄</a>')
    keys: tuple[tuple[str, Literal["copy_link", "copy_citation"]], ...] = (("link", "copy_link"), ("citation", "copy_citation"))
    for kind, key in keys:
        name = html.escape(tool_label(labels, key, part.name))
        focus = ' tabindex="-1"' if tools else ""
        tools.append(f'<button type="button" class="clause-tools__{kind}"{focus} aria-label="{name}" title="{name}"></button>')
    page = f' data-page="{page_link}"' if page_link else ""
    return f'<span class="clause-tools" role="toolbar" aria-label="{html.escape(part.name)}"{page}>{"".join(tools)}</span>'


def _part_blocks(page: Page, editorial: Editorial, here: str, page_link: str | None = None) -> list[tuple[int, str]]:
    """Every paragraph of a page as HTML built from the model, by source line: each preamble
    paragraph, clause and item with its id, its number as a link to itself, its tools (a link to
    its row in its section's parallel page, copy buttons), since when its Chinese text is
    unchanged, and the notes on it below."""
    parallel = relative_url(here, page_url(page.language, parallel_section_page(page.section))) if page.section else None
    # The preamble has no section of its own: its paragraphs' rows are in the whole parallel view.
    preamble_parallel = relative_url(here, page_url(page.language, PARALLEL_PAGE))
    by_anchor = {part.anchor: part for part in parts(page)}
    blocks: list[tuple[int, str]] = []
    for paragraph in page.paragraphs:
        text = editorial.text_html(paragraph.text, page.language)
        if paragraph.anchor:
            tools = clause_tools(by_anchor[paragraph.anchor], preamble_parallel, page_link)
            since = editorial.since_attributes(paragraph.anchor, page.language)
            blocks.append((paragraph.line, f'<p class="preamble" id="{paragraph.anchor}"{since}>{text}{tools}</p>'))
            blocks += [(paragraph.line, note) for note in editorial.notes_html(paragraph.anchor, page.language)]
        else:
            blocks.append((paragraph.line, f"<p>{text}</p>"))
    for clause in page.clauses:
        numbered: list[tuple[str, Clause | Item]] = [("clause", clause), *(("clause-item", item) for item in clause.items)]
        for kind, part in numbered:
            number = f'<a class="clause-number" href="#{part.anchor}">{html.escape(part.label)}</a>'
            text = f"{html.escape(part.spacing)}{editorial.text_html(part.text, page.language)}"
            tools = clause_tools(by_anchor[part.anchor], parallel, page_link)
            since = editorial.since_attributes(part.anchor, page.language)
            blocks.append((part.line, f'<p class="{kind}" id="{part.anchor}"{since}>{number}{text}{tools}</p>'))
            blocks += [(part.line, note) for note in editorial.notes_html(part.anchor, page.language)]
    return sorted(blocks, key=lambda block: block[0])


def agreement_markdown(page: Page, editorial: Editorial) -> str:
    """A page as handed to MkDocs: its title as escaped Markdown, then every paragraph as HTML
    built from the model (see _part_blocks); no text the author wrote is read as markup."""
    here = page_url(page.language, page.name)
    blocks = [f"# {markdown_escaped(page.title)}", *(block for _, block in _part_blocks(page, editorial, here))]
    return "\n\n".join(blocks) + "\n"


def full_markdown(pages: list[Page], editorial: Editorial) -> str:
    """The whole agreement in one language on one page (/full/, /en/full/): the title and preamble,
    then every section under its heading (id section-N, in the page's table of contents), each
    part with the same id as on its own page. Copied links name the part's own page, the address
    to cite (the full text is not indexed: it repeats the section pages)."""
    home, *sections = pages
    here = page_url(home.language, FULL_PAGE)
    blocks = [f"# {markdown_escaped(home.title)}"]
    blocks += [block for _, block in _part_blocks(home, editorial, here, relative_url(here, page_url(home.language, home.name)))]
    for page in sections:
        own = relative_url(here, page_url(page.language, page.name))
        blocks.append(f"## {markdown_escaped(page.title)} {{#section-{page.section}}}")
        blocks += [block for _, block in _part_blocks(page, editorial, here, own)]
    return "\n\n".join(blocks) + "\n"


def full_number(part: Part, clause: str | None) -> str:
    """A part's number as it stands alone: 10.1, 10.1（2）, 10.1(2); a preamble paragraph's name."""
    if part.anchor.startswith("preamble-"):
        return part.label
    return f"{clause}{part.label}" if clause and clause != part.anchor else part.label


def _parallel_body(
    pages: dict[str, list[Page]], language: str, editorial: Editorial, here: str, sections: set[int | None]
) -> list[str]:
    """Rows for the given sections (None: the preamble), each section under a heading in both
    languages when more than one is shown. Each row has the part's anchor; each half says its
    language and the part's full number (10.1（2）), a link to the part on its own page."""
    reference, translation = (pages[lang] for lang in LANGUAGES)
    headings = len(sections) > 1
    lines = [
        '<div class="parallel">',
        '<div class="parallel-columns" aria-hidden="true">'
        + "".join(
            f'<span lang="{HTML_LANG[lang]}">{html.escape(REGISTRY[lang].strings["parallel"]["column"])}</span>'
            for lang in LANGUAGES
        )
        + "</div>",
    ]
    for zh_page, en_page in zip(reference, translation, strict=False):
        if zh_page.section not in sections:
            continue
        if headings and zh_page.name != HOME_PAGE:
            lines.append(
                f'<h2 class="parallel-heading" id="section-{zh_page.section}">'
                f'<span lang="{HTML_LANG[zh_page.language]}">{html.escape(zh_page.title)}</span>'
                f'<span lang="{HTML_LANG[en_page.language]}">{html.escape(en_page.title)}</span></h2>'
            )
        for zh_part, en_part in zip(parts(zh_page), parts(en_page), strict=False):
            clause = zh_part.anchor.split("-")[0] if "." in zh_part.anchor else None
            cells = []
            for part in (zh_part, en_part):
                lang = part.page.language
                target = relative_url(here, page_url(lang, part.page.name))
                # The section pages carry the notes' ids; here they are only shown.
                own_notes = "".join(editorial.notes_html(part.anchor, lang, with_id=False))
                cells.append(
                    f'<div class="parallel-cell" lang="{HTML_LANG[lang]}">'
                    f'<a class="parallel-source" href="{target}#{part.anchor}" title="{html.escape(part.name)}">'
                    f'<span class="parallel-lang">{html.escape(REGISTRY[lang].strings["parallel"]["cell"])} </span>{html.escape(full_number(part, clause))}</a> '
                    f"{editorial.text_html(part.text, lang)}{own_notes}</div>"
                )
            kind = " parallel-row--item" if "-" in zh_part.anchor and clause else ""
            lines.append(f'<div class="parallel-row{kind}" id="{zh_part.anchor}">{"".join(cells)}</div>')
    lines.append("</div>")
    return lines


def parallel_rows(pages: dict[str, list[Page]], language: str, editorial: Editorial) -> str:
    """The parallel view's body for one language's interface (/parallel/, /en/parallel/): a list
    to jump to each section, then a row per part, Chinese | English, under each section's heading.

    Each row carries the part's anchor, so /parallel/#10.1 lands on clause 10.1; each side's
    number links to the part on its own language's page.
    """
    here = page_url(language, PARALLEL_PAGE)
    own = pages[language]
    text = REGISTRY[language].strings["parallel"]
    jump = "".join(f'<li><a href="#section-{page.section}">{html.escape(page.title)}</a></li>' for page in own if page.section)
    lines = [f'<nav class="parallel-jump" aria-label="{html.escape(text["sections"])}"><ul>{jump}</ul></nav>']
    lines += _parallel_body(pages, language, editorial, here, {page.section for page in own})
    return "\n".join(lines) + "\n"


def parallel_section_markdown(pages: dict[str, list[Page]], language: str, editorial: Editorial, section: int) -> str:
    """One section's short parallel page (/parallel/10/, /en/parallel/10/), where each clause's
    ⇄ leads: its title, the line saying which text prevails, the rows, and the way to the other
    sections and to the whole parallel view."""
    here = page_url(language, parallel_section_page(section))
    own = [page for page in pages[language] if page.section]
    text = REGISTRY[language].strings["parallel"]
    index = next(i for i, page in enumerate(own) if page.section == section)
    page = own[index]
    title = fill(text["section_title"], title=page.title)
    pages_line = " ".join(
        f'<a href="{relative_url(here, page_url(lang, page.name))}" hreflang="{HTML_LANG[lang]}" lang="{HTML_LANG[lang]}">{html.escape(REGISTRY[lang].strings["parallel"]["cell"])}</a>'
        for lang in LANGUAGES
    )
    lines = [
        f"# {markdown_escaped(title)}",
        "",
        f'<p class="parallel-intro">{html.escape(text["intro"])} {html.escape(text["pages"])} {pages_line}</p>',
        "",
        *_parallel_body(pages, language, editorial, here, {section}),
        "",
    ]
    links = []
    neighbours: tuple[tuple[Literal["previous", "next"], Page | None], ...] = (
        ("previous", own[index - 1] if index else None),
        ("next", own[index + 1] if index + 1 < len(own) else None),
    )
    for key, neighbour in neighbours:
        if neighbour and neighbour.section:  # always a section: `own` holds only sections
            href = relative_url(here, page_url(language, parallel_section_page(neighbour.section)))
            links.append(
                f'<a class="parallel-pager__{key}" href="{href}" rel="{"prev" if key == "previous" else "next"}">'
                f'<span class="parallel-pager__direction">{html.escape(text[key])}</span> {html.escape(neighbour.title)}</a>'
            )
    links.insert(
        1 if index else 0,
        f'<a class="parallel-pager__all" href="{relative_url(here, page_url(language, PARALLEL_PAGE))}#section-{section}">{html.escape(text["all"])}</a>',
    )
    lines.append(f'<nav class="parallel-pager" aria-label="{html.escape(text["pager"])}">{"".join(links)}</nav>')
    return "\n".join(lines) + "\n"


def lang_attribute(lang: str | None) -> str:
    return f' lang="{lang}"' if lang else ""


def glossary_table(pages: dict[str, list[Page]], language: str, terms: list[Term]) -> str:
    """The glossary page's body: every term pair with its note, and links to the parts of this
    language's pages where the Chinese term occurs (aligned parts share their anchors)."""
    text = REGISTRY[language].strings["glossary"]
    here = page_url(language, GLOSSARY_PAGE)
    reference = {page.name: page for page in pages[REFERENCE_LANGUAGE]}
    own = pages[language]
    head = "".join(f'<th scope="col">{html.escape(column)}</th>' for column in text["columns"])
    # Each page's Chinese read once: (its title, [(Chinese part text, this language's part)], the
    # text of its paragraphs without an anchor, such as the closing 腾讯公司).
    searched = [
        (
            page,
            reference[page.name].title,
            [(plain_text(zh.text), part) for zh, part in zip(parts(reference[page.name]), parts(page), strict=False)],
            " ".join(plain_text(p.text) for p in reference[page.name].paragraphs if not p.anchor),
        )
        for page in own
    ]
    rows = []
    for term in terms:
        places = []
        for page, zh_title, zh_parts, unanchored in searched:
            target = relative_url(here, page_url(language, page.name))
            if term.chinese in zh_title:
                places.append(f'<a href="{target}">{html.escape(text["title"] if page.name == HOME_PAGE else page.title)}</a>')
            for zh_text, part in zh_parts:
                if term.chinese in zh_text:
                    places.append(f'<a href="{target}#{part.anchor}">{html.escape(capitalised(part.name))}</a>')
            if term.chinese in unanchored:  # the page it stands on
                places.append(f'<a href="{target}">{html.escape(page.title)}</a>')
        # data-label: each cell names its column where a phone shows a row as a card (agreement.css).
        labels = [html.escape(column) for column in text["columns"]]
        cells = [
            (HTML_LANG[REFERENCE_LANGUAGE], html.escape(term.chinese)),
            (HTML_LANG[ENGLISH.code], html.escape(term.english)),
            (None, html.escape(text["kinds"][term.kind])),
            (HTML_LANG[ENGLISH.code], html.escape(term.note)),
            (None, text["separator"].join(places)),
        ]
        rendered = "".join(
            f'<td data-label="{label}"{lang_attribute(lang)}>{content}</td>'
            for label, (lang, content) in zip(labels, cells, strict=True)
        )
        rows.append(f'<tr id="term-{term.line}">{rendered}</tr>')
    return f'<table class="glossary">\n<thead><tr>{head}</tr></thead>\n<tbody>\n' + "\n".join(rows) + "\n</tbody>\n</table>\n"


def short_link_path(language: str, anchor: str) -> str:
    """The site path of a part's short link: /clause/10.1/ or /en/clause/10.1-2/."""
    return page_url(language, HOME_PAGE) + f"{SHORT_LINK_FOLDER}/{anchor}/"


def short_link_pages(pages: list[Page], site_title: str, site_url: str, favicon: str) -> Iterator[tuple[str, str]]:
    """(site path, HTML) of a redirect page for every part: static, so any host serves it."""
    for page in pages:
        language = page.language
        for part in parts(page):
            here = short_link_path(language, part.anchor)
            target = f"{relative_url(here, page_url(language, page.name))}#{part.anchor}"
            canonical = site_url.rstrip("/") + page_url(language, page.name)
            text = REGISTRY[language].strings["short_link"]
            name = html.escape(part.name)
            yield (
                here,
                (
                    f'<!doctype html>\n<html lang="{HTML_LANG[language]}">\n<head>\n<meta charset="utf-8">\n'
                    f'<meta name="viewport" content="width=device-width,initial-scale=1">\n'
                    f"<title>{name} · {html.escape(site_title)}</title>\n"
                    f'<meta name="description" content="{html.escape(fill(text["description"], title=site_title, name=part.name))}">\n'
                    f'<meta name="robots" content="noindex">\n<link rel="canonical" href="{html.escape(canonical)}">\n'
                    f'<link rel="icon" href="{relative_url(here, "/")}{favicon}">\n'
                    f'<meta http-equiv="refresh" content="0; url={html.escape(target)}">\n</head>\n'
                    f'<body>\n<main>\n<h1>{html.escape(capitalised(part.name))}</h1>\n<p>{html.escape(text["going"])} <a href="{html.escape(target)}">{name}</a></p>\n'
                    f"</main>\n</body>\n</html>\n"
                ),
            )


if TYPE_CHECKING:
    # clauses.json as the build writes it (scripts/schemas/clauses.schema.json), for the type check
    # only: `closed` (PEP 728) is not in Python 3.11's typing, and typing_extensions is a dev
    # dependency, not a build one. A dict[str, str] is one text per language (zh, en). The keys
    # marked NotRequired are added by scripts/versions.py (add_versions) after the document is
    # built here; Urls and PartNotes are closed so that they can be unpacked (**) into the parts.
    from typing import NotRequired

    from typing_extensions import TypedDict as ClosableTypedDict

    class Urls(ClosableTypedDict, closed=True):
        url: dict[str, str]
        short_url: NotRequired[dict[str, str]]  # a part's short link; a section has none

    class NoteEntry(TypedDict):
        anchor: str
        kind: str  # editor | translator
        text: dict[str, str]

    class PartNotes(ClosableTypedDict, closed=True):
        notes: list[NoteEntry]

    class PartFields(TypedDict):
        url: dict[str, str]
        short_url: NotRequired[dict[str, str]]
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

    class Retrieval(TypedDict):
        retrieved: str
        url: str

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
            "title_unchanged_since": NotRequired[str],
        },
    )


def clauses_document(
    pages: dict[str, list[Page]], titles: dict[str, str], source: dict[str, str], site_url: str, editorial: Editorial
) -> ClausesDocument:
    """Every section, clause and item in both languages, for machines (published as clauses.json)."""
    base = site_url.rstrip("/")

    def part_notes(anchor: str) -> PartNotes:
        return {
            "notes": [
                {"anchor": note_anchor(anchor, index), "kind": note.kind, "text": dict(note.text)}
                for index, note in enumerate(editorial.notes.get(anchor, []), 1)
            ]
        }

    def urls(page_name: str, anchor: str | None = None) -> Urls:
        fragment = f"#{anchor}" if anchor else ""
        result: Urls = {"url": {lang: f"{base}{page_url(lang, page_name)}{fragment}" for lang in LANGUAGES}}
        if anchor:
            result["short_url"] = {lang: f"{base}{short_link_path(lang, anchor)}" for lang in LANGUAGES}
        return result

    def texts(*per_language: str) -> dict[str, str]:
        return {lang: plain_text(text) for lang, text in zip(LANGUAGES, per_language, strict=False)}

    document: ClausesDocument = {
        "$schema": f"{base}/{SCHEMA_NAME}",
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
    return document


# Our own stylesheet and scripts are published minified (every page loads them; the source keeps
# its explanations), by rcssmin and rjsmin: well-kept minifiers that know CSS and JavaScript
# syntax (strings, regular expressions, comments), where a hand-written pattern would not.
MINIFIED_ASSETS = (
    "assets/agreement.css",
    "assets/javascripts/agreement-clauses.js",
    "assets/javascripts/agreement-search-button.js",
)


def minified_css(css: str) -> str:
    return str(rcssmin.cssmin(css)) + "\n"


def minified_js(script: str) -> str:
    return str(rjsmin.jsmin(script)) + "\n"
