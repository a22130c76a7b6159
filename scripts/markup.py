"""What a paragraph of agreement text may contain, and nothing else: an allow-list.

Agreement text is what the Chinese original contains: plain text (with backslash escapes, such
as the source's `\\_`) and inline links written `[text](https://…)`. Everything else that
Markdown can express — raw HTML, autolinks, titled or reference-style links, images, emphasis,
code, entities, attr_list braces, indented code blocks, lists, quotes, extra headings, a
paragraph broken over lines — and every control or bidirectional-format character is a
MarkupProblem with its line. The pages are read with markdown-it (CommonMark), so that what
counts as markup is decided by a full Markdown parser, not by patterns.

The build never hands agreement text to a Markdown renderer: it publishes the runs parsed here
(`runs`), escaped by the templates (scripts/rendering.py), so what is published is exactly what
this module understood.
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

# CommonMark without joining escapes and entities into the text, so that both stay visible.
_PARSER = MarkdownIt("commonmark").disable("text_join")

# The start of attr_list syntax ({: #id .class key=value }), which Python-Markdown would turn
# into attributes; it counts when a "}" closes it on the same line (found by _attr_list).
_ATTR_LIST_START = re.compile(r"\{:?[ \t]*(?:[#.][^}\s]|[\w-]+=)")
_WEB_ADDRESS = re.compile(r"https?://[^\s<>]+\Z")
# Unicode categories that never belong in agreement text: controls, format characters (bidi
# overrides and isolates, zero-width characters, the byte order mark), private use, surrogates,
# unassigned, and line or paragraph separators.
_FORBIDDEN_CATEGORIES = {"Cc", "Cf", "Co", "Cs", "Cn", "Zl", "Zp"}
_CONTROL_NAMES = {"\r": "CARRIAGE RETURN, a Windows line ending", "\t": "TAB", "\x00": "NULL"}
_BLOCK_KINDS = {
    "code_block": "a block indented by four or more spaces, which Markdown shows as code; remove the indentation",
    "fence": "a fenced code block",
    "html_block": "a raw HTML block",
    "blockquote_open": "a block quote ('>')",
    "bullet_list_open": "a bulleted list",
    "ordered_list_open": "a numbered Markdown list ('1.' or '1)'); write items as （1） or (1)",
    "hr": "a horizontal rule",
}
_INLINE_KINDS = {
    "html_inline": "raw HTML",
    "code_inline": "a code span",
    "em_open": "emphasis",
    "strong_open": "strong emphasis",
    "image": "an image",
}


@dataclass(frozen=True)
class Link:
    text: str
    href: str


Run = str | Link  # a stretch of plain text, or a link


@dataclass(frozen=True)
class MarkupProblem:
    line: int  # 1-based, in the page
    message: str


def _shown(text: str, limit: int = 60) -> str:
    text = text if len(text) <= limit else text[: limit - 1] + "…"
    return repr(text)


def character_problems(text: str) -> list[str]:
    """Characters that are not text (controls, bidi and other format characters, and the like),
    and digits other than 0-9: the source writes every number with them, and a number written in
    other digits (１６, ١٦) would look the same to a reader and differ to every check."""
    found = []
    for character in dict.fromkeys(text):
        if unicodedata.category(character) in _FORBIDDEN_CATEGORIES:
            name = unicodedata.name(character, _CONTROL_NAMES.get(character, "a control character"))
            found.append(f"character U+{ord(character):04X} ({name}) is not text; remove it")
        elif unicodedata.category(character) == "Nd" and not "0" <= character <= "9":
            name = unicodedata.name(character, "a digit")
            found.append(
                f"digit U+{ord(character):04X} ({name}) is not one the source uses; write {unicodedata.decimal(character)}"
            )
    return found


def _attr_list(text: str) -> str | None:
    """The first attr_list braces in a text, if any: an opening on a line with a "}" after it.
    The first opening of each line is enough (a "}" after a later one is after it too), so each
    line is searched once, never again per opening (a long line of openings stays linear)."""
    for line in text.split("\n"):
        if (start := _ATTR_LIST_START.search(line)) and (end := line.find("}", start.end())) >= 0:
            return line[start.start() : end + 1]
    return None


def _text_problems(text: str) -> list[str]:
    problems = character_problems(text)
    if attrs := _attr_list(text):
        problems.append(f"attr_list braces {_shown(attrs)}; agreement text sets no attributes")
    if "[" in text or "]" in text:
        problems.append(f"square brackets outside a link in {_shown(text)}; write a link as [text](https://…)")
    return problems


def _inline(children: list[Token]) -> tuple[tuple[Run, ...], list[str]]:
    """The runs of one paragraph's inline tokens, and what in them is not allowed."""
    runs: list[Run] = []
    problems: list[str] = []
    link: dict[str, str] | None = None  # the link being read: its href and text so far

    def add(text: str) -> None:
        if link is not None:
            link["text"] += text
        elif runs and isinstance(runs[-1], str):
            runs[-1] += text
        else:
            runs.append(text)

    for token in children:
        kind = token.type
        if kind == "text":
            problems += _text_problems(token.content)
            add(token.content)
        elif kind == "text_special" and token.info == "escape":
            add(token.content)
        elif kind == "text_special":  # an entity
            problems.append(f"HTML entity {_shown(token.markup)}; write the character itself")
            add(token.content)
        elif kind == "link_open":
            href = str(token.attrs.get("href", ""))
            if token.markup == "autolink":
                problems.append(f"autolink <{href}>; write the link as [text]({href})")
            if token.attrs.get("title"):
                problems.append(f"link with a title {_shown(str(token.attrs['title']))}; write [text]({href}) without one")
            if not _WEB_ADDRESS.match(href):
                problems.append(f"link to {_shown(href)}; agreement text links to web addresses (https://…) only")
            link = {"href": href, "text": ""}
        elif kind == "link_close" and link is not None:
            runs.append(Link(link["text"], link["href"]))
            link = None
        elif kind in ("softbreak", "hardbreak"):
            add(" ")  # reported for the paragraph as a whole
        elif kind in _INLINE_KINDS:
            what = token.content or token.markup or kind
            problems.append(f"{_INLINE_KINDS[kind]} {_shown(what)}; agreement text is plain text and links only")
            if token.type == "image":
                add(token.content)
        elif kind.endswith("_close"):
            continue
        else:
            problems.append(
                f"Markdown {kind} {_shown(token.content or token.markup)}; agreement text is plain text and links only"
            )
    return tuple(runs), problems


@functools.lru_cache(maxsize=4096)
def runs(text: str) -> tuple[Run, ...]:
    """One paragraph of agreement text (one line of Markdown) as plain text and links."""
    # Inline rules only: a title such as "10. User Conduct" is not a list here.
    return _inline(_PARSER.parseInline(text)[0].children or [])[0] if text else ()


def plain(parsed: tuple[Run, ...]) -> str:
    """The text as a reader sees it: link text kept."""
    return "".join(run if isinstance(run, str) else run.text for run in parsed)


def markdown_escaped(text: str) -> str:
    """Plain text written as Markdown that Python-Markdown renders as exactly that text (titles)."""
    escaped = html.escape(text, quote=False)
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|])", r"\\\1", escaped)


def markup_problems(markdown: str) -> list[MarkupProblem]:
    """Everything on a page that is not a '# title' line or a one-line paragraph of allowed text."""
    env: dict[str, Any] = {}
    tokens = _PARSER.parse(markdown, env)
    lines = markdown.split("\n")
    problems: list[MarkupProblem] = []
    seen_title = False
    for index, token in enumerate(tokens):
        if token.map is None:
            continue
        first, end = token.map
        line = first + 1
        if token.type == "inline" and token.level == 1 and token.children is not None:  # a title's or paragraph's text
            problems += [MarkupProblem(line, message) for message in _inline(token.children)[1]]
        if token.level != 0:
            continue
        if token.type == "heading_open":
            if seen_title or token.tag != "h1" or token.markup != "#":
                problems.append(
                    MarkupProblem(line, f"a heading {_shown(lines[first])}; a page has one title, its first line '# …'")
                )
            else:
                written = lines[first].strip()[1:].strip()
                if written != tokens[index + 1].content:
                    problems.append(
                        MarkupProblem(line, f"title written {_shown(lines[first])}; write it as '# ' and the title alone")
                    )
            seen_title = True
        elif token.type == "paragraph_open" and end - first > 1:
            problems.append(
                MarkupProblem(
                    line, f"paragraph runs over lines {line}–{end}; one paragraph per line, a blank line between paragraphs"
                )
            )
        elif token.type in _BLOCK_KINDS:
            problems.append(MarkupProblem(line, f"{_BLOCK_KINDS[token.type]}: {_shown(lines[first].strip())}"))
    for label, reference in env.get("references", {}).items():
        line = reference["map"][0] + 1 if reference.get("map") else 1
        problems.append(
            MarkupProblem(
                line, f"reference-style link definition [{label}]: {reference['href']}; write links inline as the Chinese does"
            )
        )
    # Characters inside blocks already reported (code, HTML) are not reported again.
    reported = {problem.line for problem in problems}
    for number, text in enumerate(lines, 1):
        if number not in reported:
            problems += [MarkupProblem(number, message) for message in character_problems(text) if text.strip()]
    return sorted(dict.fromkeys(problems), key=lambda problem: problem.line)
