"""The agreement as a web page serves it, extracted into the retrieval format (scripts/source.py).

    extract_retrieval(html, url, clipped_at, name) -> the retrieval's text

The page is read as a reader sees it, whatever the CMS around the agreement: the document is cut
into blocks (a paragraph, heading, list entry or table cell; a <br> ends a line too), each block's
text with its links, white space as HTML shows it (a run of spaces, tabs, line breaks and &nbsp;
is one space; a line break between two Chinese characters is none, as CSS Text 3 says; none at a
block's ends, nor an indent of ideographic spaces). What readers are not shown is left out:
scripts, styles, templates, navigation, footers, asides, forms and anything marked hidden.

The agreement is then found by the clause model, not by the CMS's class names:

- it opens with its title: the last heading (h1–h6, or a paragraph in bold) before the first
  section heading (一、…) whose text is the page's <title>, or one part of it (split at - | _ –
  — ｜, which sites put between the agreement's name and their own);
- it ends at the last clause or item, or at the closing line 腾讯公司 when one follows it; what
  comes after (a footer's 腾讯公司 版权所有, a link to the top) is not the agreement.

Each block becomes one line: the title as '# …', then every block as written, with its links as
[text](address) (addresses resolved against the page's URL), an entry of an ordered list given
its number （n） unless it writes one, Markdown's own characters escaped so that the clause model
reads exactly the text. The result must then pass what the import checks (split_body and the
check's tests of a reference text); a problem raises ExtractionError naming the line of the
extracted text, or for a page without the agreement, the line of the page.

Pure: no network, no file; BeautifulSoup with Python's own HTML parser.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import urljoin

from bs4 import BeautifulSoup, Tag
from bs4.element import Comment, Declaration, Doctype, NavigableString, ProcessingInstruction

from scripts.clauses import ParseError, is_numbered, item_label
from scripts.import_retrieval import structure_problems
from scripts.languages import REFERENCE_LANGUAGE
from scripts.markup import Link, Run, plain
from scripts.source import parse_source
from scripts.versions import section_of_heading, split_body

PARSER = "html.parser"  # Python's own: nothing compiled to install (dev-docs/tracking.md has the numbers)
CLOSING_LINE = "腾讯公司"  # the agreement's last line, the party's name
# Elements whose content the agreement never is: not shown, or the site's own chrome.
_UNREAD = {
    "script", "style", "noscript", "template", "head", "title", "nav", "footer", "aside", "form", "button",
    "select", "textarea", "iframe", "object", "svg", "canvas", "audio", "video", "dialog",
}  # fmt: skip
# Elements that start and end a block of text (HTML's block-level and table elements).
_BLOCKS = {
    "address", "article", "blockquote", "body", "caption", "center", "dd", "details", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html",
    "li", "main", "menu", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
    "thead", "tr", "ul",
}  # fmt: skip
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_BOLD_TAGS = {"b", "strong"}
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(bold|bolder|[6-9]00)", re.IGNORECASE)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
# What sites put between the agreement's name and their own in a page's <title>.
_TITLE_SEPARATORS = re.compile(r"[-|_–—｜]")
_HTML_SPACE = " \t\n\r\f\u00a0"  # HTML's white space, and &nbsp;, which a reader sees as a space
# What CommonMark could read as markup inside a line of text; escaped with a backslash.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<&])")
# And at the start of a line, what would open a heading, quote, list or rule ("# ", "> ", "- "),
# and the number of a numbered list ("1. ", escaped as "1\. ").
_BLOCK_MARKER = re.compile(r"^[#>+=~-]")
_LIST_NUMBER = re.compile(r"^\d{1,9}(?=[.)](\s|$))")


class ExtractionError(Exception):
    """A page from which the agreement cannot be extracted; the message names the line."""


@dataclass(frozen=True)
class Piece:
    """A stretch of text as the page writes it: inside a link or not, in bold or not."""

    text: str
    href: str | None
    bold: bool


@dataclass(frozen=True)
class Block:
    """One block of the page as a reader sees it."""

    line: int  # the page line its first text stands on
    tag: str  # the element that holds it
    runs: tuple[Run, ...]  # its text and links, white space as shown
    bold: bool  # all of its text in bold: a heading written as a paragraph

    @property
    def plain(self) -> str:
        return plain(self.runs)

    @property
    def is_heading(self) -> bool:
        return self.tag in _HEADINGS or self.bold


def _is_wide(character: str) -> bool:
    return unicodedata.east_asian_width(character) in ("W", "F", "H")


def collapse(pieces: list[Piece]) -> tuple[tuple[Run, ...], bool]:
    """A block's pieces as runs of text and links with white space as HTML shows it, and whether
    all its text is bold. A collapsed space goes with the text on both sides of it, or outside any
    link when they are in different runs."""
    characters: list[tuple[str, str | None]] = []  # (character, href), spaces settled
    bold = True
    space: str | None = None  # the white space run being read, as written
    for piece in pieces:
        for character in piece.text:
            if character in _HTML_SPACE:
                space = (space or "") + character
                continue
            if space is not None and characters:
                previous, previous_href = characters[-1]
                # CSS Text 3: a line break between two East Asian wide characters is removed.
                removed = (
                    "\u00a0" not in space and ("\n" in space or "\r" in space) and _is_wide(previous) and _is_wide(character)
                )
                if not removed:
                    characters.append((" ", piece.href if previous_href == piece.href else None))
            space = None
            characters.append((character, piece.href))
            bold = bold and (piece.bold or character.isspace())
    # An indent of ideographic spaces (U+3000) is no more part of the text than HTML's white space.
    text = [index for index, (character, _) in enumerate(characters) if not character.isspace()]
    runs: list[Run] = []
    for character, href in characters[text[0] : text[-1] + 1] if text else []:
        if href is None and runs and isinstance(runs[-1], str):
            runs[-1] += character
        elif href is not None and runs and isinstance(runs[-1], Link) and runs[-1].href == href:
            runs[-1] = Link(runs[-1].text + character, href)
        else:
            runs.append(character if href is None else Link(character, href))
    return tuple(runs), bold and bool(characters)


def _numbered(runs: tuple[Run, ...], number: int) -> tuple[Run, ...]:
    """An ordered list's entry with the number the list shows, （n）, unless its text writes one."""
    if is_numbered(plain(runs)):
        return runs
    label = item_label(REFERENCE_LANGUAGE, number)
    return (label + runs[0], *runs[1:]) if isinstance(runs[0], str) else (label, *runs)


@dataclass
class _Reader:
    """Walks the document, cutting it into blocks."""

    base: str
    blocks: list[Block] = field(default_factory=list)
    pieces: list[Piece] = field(default_factory=list)
    line: int = 0  # of the element the block's first text is in
    tag: str = "body"  # the block element holding the block's first text
    number: int | None = None  # the number of the ordered list's entry being read

    def flush(self) -> None:
        runs, bold = collapse(self.pieces)
        if runs:
            if self.number is not None:
                runs, self.number = _numbered(runs, self.number), None
            self.blocks.append(Block(self.line, self.tag, runs, bold))
        self.pieces = []

    def read(self, element: Tag, container: str, bold: bool, href: str | None) -> None:
        for child in element.children:
            if isinstance(child, Comment | Declaration | Doctype | ProcessingInstruction):
                continue
            if isinstance(child, NavigableString):
                if not self.pieces:
                    self.line, self.tag = element.sourceline or self.line, container
                self.pieces.append(Piece(str(child), href, bold))
                continue
            if not isinstance(child, Tag) or _is_unread(child):
                continue
            name = child.name.lower()
            if name == "br":
                self.flush()
                continue
            is_block = name in _BLOCKS
            if is_block:
                self.flush()
            if name == "li" and element.name == "ol":
                self.number = _list_number(child)
            link = child.get("href") if name == "a" else None
            self.read(
                child,
                name if is_block else container,
                bold or name in _BOLD_TAGS or bool(_BOLD_STYLE.search(str(child.get("style", "")))),
                urljoin(self.base, str(link).strip()) if link is not None else href,
            )
            if is_block:
                self.flush()


def _is_unread(element: Tag) -> bool:
    return (
        element.name.lower() in _UNREAD
        or element.has_attr("hidden")
        or str(element.get("aria-hidden", "")).lower() == "true"
        or bool(_HIDDEN_STYLE.search(str(element.get("style", ""))))
    )


def _list_number(entry: Tag) -> int:
    """The number an ordered list shows for an entry: its value, or the list's start plus its place."""
    if (value := _integer(entry.get("value"))) is not None:
        return value
    parent = entry.parent
    assert parent is not None  # an entry of an ordered list has one
    number = _integer(parent.get("start"))
    number = 1 if number is None else number
    for sibling in parent.find_all("li", recursive=False):
        if sibling is entry:
            return number
        number = (_integer(sibling.get("value")) or number) + 1
    return number


def _integer(value: object) -> int | None:
    text = str(value).strip() if value is not None else ""
    return int(text) if text.lstrip("-").isdigit() else None


def page_blocks(html: str, url: str) -> tuple[list[Block], str]:
    """Every block of text a reader sees on the page, in order, and the page's <title>."""
    document = BeautifulSoup(html, PARSER)
    base_element = document.find("base", href=True)
    base = urljoin(url, str(base_element["href"])) if isinstance(base_element, Tag) else url
    title_element = document.find("title")
    title = " ".join(title_element.get_text().split()) if title_element else ""
    reader = _Reader(base)
    reader.read(document, "body", bold=False, href=None)
    reader.flush()
    return reader.blocks, title


def _escaped(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def markdown_line(runs: tuple[Run, ...]) -> str:
    """One block as a line of the retrieval format: text escaped, links as [text](address)."""
    line = "".join(_escaped(run) if isinstance(run, str) else f"[{_escaped(run.text)}]({_address(run.href)})" for run in runs)
    return _LIST_NUMBER.sub(r"\g<0>\\", _BLOCK_MARKER.sub(r"\\\g<0>", line))


def _address(href: str) -> str:
    """A link's address as Markdown reads it whole: spaces and parentheses percent-encoded."""
    return href.replace(" ", "%20").replace("(", "%28").replace(")", "%29")


def agreement_blocks(blocks: list[Block], page_title: str) -> list[Block]:
    """The blocks of the agreement: from its title to its last clause or item, or the closing line
    after it. Raises ExtractionError naming the page's line when there is no agreement to find."""
    first_section = next((index for index, block in enumerate(blocks) if section_of_heading(block.plain) is not None), None)
    if first_section is None:
        raise ExtractionError(
            "no section heading such as '一、协议范围' on the page: is this the agreement? "
            f"(the page's title is {page_title!r}; {len(blocks)} blocks of text)"
        )
    opening = blocks[first_section]
    names = {page_title, *(part.strip() for part in _TITLE_SEPARATORS.split(page_title))} - {""}
    titles = [index for index in range(first_section) if blocks[index].is_heading and blocks[index].plain in names]
    if not titles:
        raise ExtractionError(
            f"page line {opening.line}: no title before the first section heading {opening.plain!r}: expected a heading "
            f"(h1–h6, or a paragraph in bold) whose text is the page's <title> {page_title!r} or one part of it"
        )
    numbered = [index for index in range(first_section, len(blocks)) if is_numbered(blocks[index].plain)]
    end = numbered[-1] if numbered else first_section
    closing = next((index for index in range(end + 1, len(blocks)) if blocks[index].plain == CLOSING_LINE), None)
    return [blocks[titles[-1]], *blocks[titles[-1] + 1 : (closing if closing is not None else end) + 1]]


def retrieval_text(blocks: list[Block], url: str, clipped_at: datetime, fields: dict[str, str] | None = None) -> str:
    """The retrieval format: front matter (title, url, clipped_at and any further fields), the
    title as '# …', then one block per line with a blank line between."""
    title, *rest = blocks
    front = {"title": title.plain, "url": url, "clipped_at": clipped_at.strftime("%Y-%m-%d %H:%M:%S"), **(fields or {})}
    lines = ["---", *(f"{key}: {value}" for key, value in front.items()), "---", "", f"# {markdown_line(title.runs)}"]
    for block in rest:
        lines += ["", markdown_line(block.runs)]
    return "\n".join(lines) + "\n"


def _problems(text: str, name: Path) -> Iterator[str]:
    try:
        source = parse_source(text, name)
        drafts = split_body(source)
    except ParseError as error:
        yield str(error)
        return
    yield from structure_problems(source, drafts)


def extract_text(html: str, url: str, clipped_at: datetime, fields: dict[str, str] | None = None) -> str:
    """The agreement on a page in the retrieval format (front matter with title, url, clipped_at
    and any further fields), not yet checked. Raises ExtractionError naming the page's line when
    the page has no agreement."""
    blocks, page_title = page_blocks(html, url)
    return retrieval_text(agreement_blocks(blocks, page_title), url, clipped_at, fields)


def check_extracted(text: str, name: Path) -> None:
    """What the import checks, on an extracted text that name is to stand for in messages. Raises
    ExtractionError with the first problem at name:line, and how many more there are."""
    problems = list(_problems(text, name))
    if problems:
        more = f" (and {len(problems) - 1} more problem{'s' if len(problems) > 2 else ''})" if len(problems) > 1 else ""
        raise ExtractionError(f"the extracted text does not split into the agreement's parts: {problems[0]}{more}")


def extract_retrieval(html: str, url: str, clipped_at: datetime, name: Path, fields: dict[str, str] | None = None) -> str:
    """The agreement on a page as a retrieval, checked as the import checks it. Raises
    ExtractionError naming the page's line when the page has no agreement, or name:line of the
    extracted text when the clause model cannot split it."""
    text = extract_text(html, url, clipped_at, fields)
    check_extracted(text, name)
    return text
