"""The clause model: one language's agreement pages parsed into sections, clauses and items.

Plain Python with no MkDocs import, so that the anchors, the parity check and every
generated artefact read clause numbers in exactly one way.

Page format (one paragraph per line, blank lines between paragraphs):

    # 十、用户行为            <- section heading: Chinese numeral + 、, or "10. " in English
    10.1 除非法律允许……       <- clause: "<section>.<n>" then a space
    （1）删除本软件……          <- enumerated item of the clause above: （n） or (n)

The home page (index.md) has the agreement's title and its preamble paragraphs.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from scripts.languages import REGISTRY, fill
from scripts.markup import Link, MarkupProblem, markup_problems, plain, runs

HOME_PAGE = "index.md"

CHINESE_NUMERALS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}

# What a clause or item number looks like to a reader, including full-width digits
# (U+FF10–FF19) and dots that are not U+002E, which are reported, never silently accepted.
_CLAUSE_NUMBER = re.compile(r"([0-9０-９]+)([.．。・·﹒‧∙])([0-9０-９]+)")
_ITEM_NUMBER = re.compile(r"[（(]([0-9０-９]+)[)）]")
_ZH_SECTION = re.compile(r"([一二三四五六七八九十]+)、\s*(.+)")
_EN_SECTION = re.compile(r"([0-9]+)\.\s+(.+)")
_DIGITS = re.compile(r"[0-9]+")


class ParseError(Exception):
    """A page that cannot be read or has no recognisable structure."""


def display_path(path: Path) -> str:
    """A path relative to the working directory when it lies under it, for short messages."""
    relative = os.path.relpath(path)
    return path.as_posix() if relative.startswith("..") else Path(relative).as_posix()


@dataclass(frozen=True)
class Paragraph:
    """An unnumbered paragraph: a preamble paragraph, or closing text such as 腾讯公司."""

    line: int
    text: str
    anchor: str | None = None
    after: str | None = None  # the clause or item it follows, None before the first


@dataclass(frozen=True)
class Item:
    number: int
    line: int
    text: str  # without its "（n）" label
    label: str  # the label as written, e.g. "（1）"
    anchor: str
    malformed: str | None = None
    spacing: str = ""  # between label and text, as written


@dataclass(frozen=True)
class Clause:
    section: int
    number: int
    line: int
    text: str  # without its number
    label: str  # the number as written, e.g. "10.1"
    items: list[Item] = field(default_factory=list)
    malformed: str | None = None
    spacing: str = " "  # between number and text, as written

    @property
    def id(self) -> str:
        return f"{self.section}.{self.number}"

    @property
    def anchor(self) -> str:
        return clause_anchor(self.id)


@dataclass(frozen=True)
class Page:
    language: str
    path: Path  # as given to parse_page, for messages
    name: str  # file name, the same in both languages
    title: str
    title_line: int
    section: int | None  # None on the home page
    paragraphs: list[Paragraph]
    clauses: list[Clause]
    markup: list[MarkupProblem] = field(default_factory=list)  # what the allow-list rejects

    def part_at(self, line: int) -> str:
        """What stands on a line, as the check names it: a clause, an item, a paragraph, the title."""
        if line == self.title_line:
            return "title"
        for clause in self.clauses:
            if clause.line == line:
                return clause.id
            for item in clause.items:
                if item.line == line:
                    return f"{clause.id} item ({item.number})"
        for index, paragraph in enumerate(self.paragraphs, 1):
            if paragraph.line == line:
                return paragraph.anchor or f"paragraph {index}"
        return f"line {line}"

    @property
    def numbered(self) -> list[Clause | Item]:
        """Every clause and item of the page, in reading order."""
        numbered: list[Clause | Item] = []
        for clause in self.clauses:
            numbered += [clause, *clause.items]
        return numbered


def clause_anchor(clause_id: str) -> str:
    """The id of a clause on its page: its number, e.g. "10.1"."""
    return clause_id


def item_anchor(clause_id: str, item: int) -> str:
    """The id of an enumerated item: clause number, hyphen, item number, e.g. "10.1-2"."""
    return f"{clause_id}-{item}"


def preamble_anchor(index: int) -> str:
    return f"preamble-{index}"


def chinese_numeral(text: str) -> int | None:
    """一 … 九十九 as an int; None when the text is not such a numeral."""
    if text in CHINESE_NUMERALS:
        return CHINESE_NUMERALS[text]
    tens, ten, units = text.partition("十")
    if not ten or (tens and tens not in CHINESE_NUMERALS) or (units and units not in CHINESE_NUMERALS):
        return None
    return (CHINESE_NUMERALS[tens] if tens else 1) * 10 + (CHINESE_NUMERALS[units] if units else 0)


def links(text: str) -> list[str]:
    """The link targets written in a paragraph, in order, in whatever form Markdown has them."""
    return [run.href for run in runs(text) if isinstance(run, Link)]


def numbers(text: str) -> list[str]:
    """The numbers written in a paragraph, outside its links, in order, in whatever decimal digits
    they are written (１６ and ١٦ are 16): the parity check compares what a reader sees."""
    return [number for run in runs(text) if isinstance(run, str) for number in _DIGITS.findall(_ascii_number(run))]


def _ascii_number(text: str) -> str:
    """Every decimal digit of any script as its ASCII digit."""
    return "".join(
        str(unicodedata.decimal(character)) if unicodedata.category(character) == "Nd" else character for character in text
    )


def plain_text(text: str) -> str:
    """Paragraph Markdown as a reader sees it: link text kept, escapes resolved."""
    return plain(runs(text))


def is_numbered(text: str) -> bool:
    """Whether a paragraph starts with a clause or item number as a reader sees one, in whatever
    form it is written (the check reports the malformed ones)."""
    return bool(_CLAUSE_NUMBER.match(text) or _ITEM_NUMBER.match(text))


def item_label(language: str, number: int) -> str:
    """How an item number is written in a language: （1） in Chinese, (1) in English."""
    return REGISTRY[language].item_label.replace("{n}", str(number))


def _form_problem(written: str, following: str, expected: str, needs_space: bool) -> str | None:
    """How a clause or item number as written differs from its expected form, if it does."""
    odd = sorted({character for character in written if character not in expected})
    if odd:
        return "uses " + ", ".join(f"'{c}' ({unicodedata.name(c, hex(ord(c)))})" for c in odd) + f"; write {expected}"
    if written != expected:
        return f"is written {written!r}; write {expected}"
    if needs_space and following and not following[0].isspace():
        return f"is followed by {following[0]!r}, not a space; put a space after {expected}"
    return None


def _spacing(rest: str) -> str:
    """The white space written between a number and its text."""
    return rest[: len(rest) - len(rest.lstrip())]


def _ascii_digits(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def _section_match(language: str, title: str) -> re.Match[str] | None:
    pattern = _ZH_SECTION if REGISTRY[language].section_numerals == "chinese" else _EN_SECTION
    return pattern.fullmatch(title)


def _section_number(language: str, title: str) -> int | None:
    match = _section_match(language, title)
    if match is None:
        return None
    return chinese_numeral(match.group(1)) if REGISTRY[language].section_numerals == "chinese" else int(match.group(1))


def section_title_parts(language: str, title: str) -> tuple[str, str]:
    """A section title's number as written and its heading: ("十、", "用户行为"), ("10.", "User Conduct").
    Raises ValueError for a title that is not a section title."""
    match = _section_match(language, title)
    if match is None:
        raise ValueError(f"{title!r} is not a section title")
    return title[: match.start(2)].rstrip(), match.group(2)


def parse_markdown(markdown: str, language: str, path: Path, name: str | None = None) -> Page:
    """Parse one page. Raises ParseError when it has no title or its section cannot be read."""
    name = name or path.name
    if markdown.startswith("\ufeff"):
        raise ParseError(f"{path}:1: the file starts with a byte order mark (U+FEFF); save it as UTF-8 without one")
    lines = markdown.split("\n")
    title_line = next((n for n, line in enumerate(lines, 1) if line.strip()), None)
    if title_line is not None and lines[title_line - 1].strip() == "---":
        raise ParseError(
            f"{path}:{title_line}: front matter ('---') on an agreement page; the page must start with its '# ' title"
        )
    if title_line is None or not lines[title_line - 1].startswith("# "):
        raise ParseError(f"{path}:{title_line or 1}: the page must start with a '# ' title")
    title = plain_text(lines[title_line - 1][2:].strip())
    section = None
    if name != HOME_PAGE:
        section = _section_number(language, title)
        if section is None:
            example = REGISTRY[language].section_example
            raise ParseError(
                f"{path}:{title_line}: section title {title!r} does not start with a section number (write it like '# {example}')"
            )

    paragraphs: list[Paragraph] = []
    clauses: list[Clause] = []
    last_numbered: str | None = None
    for number, line in enumerate(lines[title_line:], title_line + 1):
        text = line.strip()
        if not text:
            continue
        if clause := _CLAUSE_NUMBER.match(text):
            label = clause.group(0)
            section_number, clause_number = int(_ascii_digits(clause.group(1))), int(_ascii_digits(clause.group(3)))
            expected = f"{section_number}.{clause_number}"
            clauses.append(
                Clause(
                    section=section_number,
                    number=clause_number,
                    line=number,
                    text=text[clause.end() :].strip(),
                    label=label,
                    malformed=_form_problem(label, text[clause.end() :], expected, needs_space=True),
                    spacing=_spacing(text[clause.end() :]),
                )
            )
            last_numbered = clauses[-1].anchor
        elif clauses and (item := _ITEM_NUMBER.match(text)):
            owner = clauses[-1]
            label = item.group(0)
            value = int(_ascii_digits(item.group(1)))
            expected = item_label(language, value)
            owner.items.append(
                Item(
                    number=value,
                    line=number,
                    text=text[item.end() :].strip(),
                    label=label,
                    anchor=item_anchor(owner.id, value),
                    malformed=_form_problem(label, text[item.end() :], expected, needs_space=REGISTRY[language].space_after_item),
                    spacing=_spacing(text[item.end() :]),
                )
            )
            last_numbered = owner.items[-1].anchor
        else:
            is_preamble = name == HOME_PAGE and not clauses
            anchor = preamble_anchor(len(paragraphs) + 1) if is_preamble else None
            paragraphs.append(Paragraph(line=number, text=text, anchor=anchor, after=last_numbered))
    return Page(language, path, name, title, title_line, section, paragraphs, clauses, markup_problems(markdown))


def parse_page(path: Path, language: str) -> Page:
    try:
        markdown = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ParseError(f"{path}: cannot read: {error}") from error
    return parse_markdown(markdown, language, path)


def parse_language(docs_dir: Path, language: str) -> list[Page]:
    """Every agreement page of one language (the folder's top level), in reading order.

    Subfolders hold pages about the agreement, such as the parallel view, not agreement text."""
    folder = docs_dir / language
    if not folder.is_dir():
        raise ParseError(f"{folder}: no such folder")
    paths = sorted(folder.glob("*.md"), key=lambda path: (path.name != HOME_PAGE, path.name))
    return [parse_page(path, language) for path in paths]


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
