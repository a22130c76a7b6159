"""The search index of one language, built from the clause model.

Every clause, enumerated item and preamble paragraph is one record that links to its anchor.
The browser matches Chinese query words as substrings of a record (so 代码 finds 源代码) and
needs a word list to split a query typed without spaces; that list is made here with jieba.
English words are matched by their Snowball stem (update, updates, updated → updat).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable

import snowballstemmer

from scripts.clauses import HOME_PAGE, Page, page_url, plain_text
from scripts.exports import capitalised, parts

try:
    import jieba
except ImportError as error:  # jieba imports pkg_resources-era code; say so rather than degrade
    raise ImportError(f"Chinese segmentation is unavailable: cannot import jieba ({error})") from error

jieba.setLogLevel(logging.WARNING)

_HAN = re.compile(r"[\u3400-\u9fff]")
_ENGLISH_WORD = re.compile(r"[a-z0-9]+")


class SegmentationError(RuntimeError):
    """jieba is importable but does not segment: the Chinese index would be useless."""


def check_segmentation() -> None:
    """Fail loudly when jieba loads but cannot split Chinese (e.g. its dictionary is missing)."""
    words = jieba.lcut("保护用户个人信息")
    if len(words) < 2 or "用户" not in words:
        raise SegmentationError(f"jieba does not segment Chinese (保护用户个人信息 → {words}): Chinese search would not work")


def chinese_words(texts: Iterable[str]) -> list[str]:
    """Every word of two or more Han characters that jieba finds in the texts."""
    check_segmentation()
    words: set[str] = set()
    for text in texts:
        for word in [*jieba.cut_for_search(text), *jieba.cut(text, cut_all=True)]:
            if len(word) >= 2 and all(_HAN.match(character) for character in word):
                words.add(word)
    return sorted(words)


def english_stems(texts: Iterable[str]) -> dict[str, str]:
    """word → Snowball stem, for every English word whose stem differs from it."""
    stemmer = snowballstemmer.stemmer("english")
    words = {word for text in texts for word in _ENGLISH_WORD.findall(text.lower())}
    return {word: stem for word in sorted(words) if (stem := stemmer.stemWord(word)) != word}


def records(pages: Iterable[Page]) -> list[dict[str, str]]:
    """One record per preamble paragraph, clause and item, in reading order, titled as cited."""
    result = []
    for page in pages:
        url = page_url(page.language, page.name).removeprefix(page_url(page.language, HOME_PAGE))  # from the language's root
        section = "" if page.name == HOME_PAGE else page.title
        for part in parts(page):
            result.append({"url": f"{url}#{part.anchor}", "title": capitalised(part.name), "section": section, "text": plain_text(part.text)})
    return result


def build_index(pages: list[Page]) -> dict[str, object]:
    """The JSON document the browser loads on the first search of a page in this language."""
    language = pages[0].language
    entries = records(pages)
    texts = [f"{entry['section']} {entry['text']}" for entry in entries]
    index: dict[str, object] = {"language": language, "records": entries}
    if language == "zh":
        index["words"] = chinese_words(texts)
    else:
        index["stems"] = english_stems(texts)
    return index
