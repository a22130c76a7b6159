"""The search index of one language, built from the clause model.

Every clause, enumerated item and preamble paragraph is one record that links to its anchor.
The browser matches Chinese query words as substrings of a record (so 代码 finds 源代码) and
needs a word list to split a query typed without spaces; that list is made here with jieba.
English words are matched by their Snowball stem (update, updates, updated → updat).

jieba takes about a second to load its dictionary, as long as MkDocs takes to render the
Chinese pages, so a build segments in a child process while it renders (BackgroundWords):

    python -m scripts.search_index [DOCS_DIR]    # the Chinese pages' words, as JSON (- : texts from stdin)
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from types import ModuleType

import snowballstemmer

from scripts.clauses import HOME_PAGE, Page, ParseError, page_url, parse_language, plain_text
from scripts.exports import capitalised, parts

PROJECT_ROOT = Path(__file__).resolve().parent.parent

_HAN = re.compile(r"[\u3400-\u9fff]")
_ENGLISH_WORD = re.compile(r"[a-z0-9]+")


class SegmentationError(RuntimeError):
    """jieba cannot be imported, or loads but does not segment: the Chinese index would be useless."""


def _jieba() -> ModuleType:
    try:
        import jieba
    except ImportError as error:  # jieba imports pkg_resources-era code; say so rather than degrade
        raise SegmentationError(f"Chinese segmentation is unavailable: cannot import jieba ({error})") from error
    jieba.setLogLevel(logging.WARNING)
    return jieba


def check_segmentation(jieba: ModuleType) -> None:
    """Fail loudly when jieba loads but cannot split Chinese (e.g. its dictionary is missing)."""
    words = jieba.lcut("保护用户个人信息")
    if len(words) < 2 or "用户" not in words:
        raise SegmentationError(f"jieba does not segment Chinese (保护用户个人信息 → {words}): Chinese search would not work")


def chinese_words(texts: Iterable[str]) -> list[str]:
    """Every word of two or more Han characters that jieba finds in the texts."""
    jieba = _jieba()
    check_segmentation(jieba)
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


def index_texts(entries: list[dict[str, str]]) -> list[str]:
    """What the search matches in each record: its section title and its text."""
    return [f"{entry['section']} {entry['text']}" for entry in entries]


def build_index(pages: list[Page], get_words: Callable[[], list[str]]) -> dict[str, object]:
    """The JSON document the browser loads on the first search of a page in this language.

    `get_words` returns the Chinese pages' jieba words (chinese_words of their index_texts); it
    is called for the Chinese index only."""
    language = pages[0].language
    entries = records(pages)
    index: dict[str, object] = {"language": language, "records": entries}
    if language == "zh":
        index["words"] = get_words()
    else:
        index["stems"] = english_stems(index_texts(entries))
    return index


class BackgroundWords:
    """The Chinese pages' words, segmented by `python -m scripts.search_index -` in a child
    process that loads jieba while MkDocs renders. The words are kept while the Chinese text
    stays the same, so that rebuilds under `mkdocs serve` do not segment again."""

    TIMEOUT = 300  # seconds; a child that hangs must not hang the build

    def __init__(self) -> None:
        self._texts: list[str] | None = None
        self._child: subprocess.Popen[str] | None = None
        self._words: list[str] | None = None

    def start(self, pages: list[Page]) -> None:
        """Start segmenting these Chinese pages, unless they are the ones segmented last."""
        texts = index_texts(records(pages))
        if texts == self._texts:
            return
        self._stop()
        self._texts, self._words = texts, None
        self._child = subprocess.Popen(
            [sys.executable, "-m", "scripts.search_index", "-"],
            cwd=PROJECT_ROOT, env={**os.environ, "PYTHONIOENCODING": "utf-8"},
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, encoding="utf-8",
        )

    def words(self) -> list[str]:
        """The words of the pages last started; SegmentationError with the child's message if it failed."""
        if self._words is None:
            try:
                self._words = self._collect()
            except SegmentationError:
                self._texts = None  # segment again on the next build
                raise
        return self._words

    def _collect(self) -> list[str]:
        child, self._child = self._child, None
        if child is None or self._texts is None:
            raise RuntimeError("BackgroundWords.words() before start()")
        try:
            output, errors = child.communicate(json.dumps(self._texts, ensure_ascii=False), timeout=self.TIMEOUT)
        except subprocess.TimeoutExpired as error:
            child.kill()
            child.communicate()
            raise SegmentationError(f"segmenting the Chinese pages did not finish in {self.TIMEOUT} s") from error
        if child.returncode:
            raise SegmentationError(errors.strip() or f"python -m scripts.search_index exited with status {child.returncode}")
        try:
            return json.loads(output)
        except json.JSONDecodeError as error:
            raise SegmentationError(f"python -m scripts.search_index printed no word list: {error}") from error

    def _stop(self) -> None:
        """End the child of an earlier text, closing its pipes."""
        if self._child:
            self._child.kill()  # nothing if it has ended
            self._child.communicate()
            self._child = None


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.search_index", description="Print the Chinese pages' search words (jieba) as JSON.")
    parser.add_argument("source", nargs="?", default="docs",
                        help="folder holding zh/ (default: docs), or - to read the texts to segment as a JSON list from standard input")
    args = parser.parse_args(argv)
    try:
        if args.source == "-":
            check_segmentation(_jieba())  # load the dictionary before the texts arrive (see BackgroundWords)
            texts = json.load(sys.stdin.buffer)
        else:
            texts = index_texts(records(parse_language(Path(args.source), "zh")))
        words = chinese_words(texts)
    except (SegmentationError, ParseError) as error:
        print(error, file=sys.stderr)
        return 1
    print(json.dumps(words))  # ASCII escapes: no dependence on the console's encoding
    return 0


if __name__ == "__main__":
    sys.exit(main())
