"""The search index of one language, built from the clause model. Pure: no MkDocs import.

The index is one JSON document per language (`/search/agreement.json`, `/en/search/agreement.json`),
fetched by the browser on the first search. The query side is the ES module
`overrides/assets/javascripts/search-core.js`; this docstring is the contract between the two.

Schema::

    {"language": "zh", "other": "en",                 # the page's language and the aligned one
     "script": "han",                                 # how the page's language is written: han | latin
     "sections": [["十、用户行为", "10. User Conduct"], …],   # [title, aligned title] per section page
     "records": [{"url": "10-user-conduct/#10.1-2",    # from the language's root, never the other's
                  "title": "第10.1款第（2）项",           # as cited, in the page's language
                  "section": 9,                         # index into sections; null on the home page
                  "text": "…",                          # plain text, page's language
                  "other": "…"}, …],                    # the same part's plain text in the other language
     "notes": [{"url": "03-license-scope/#3.3-note",  # the note's anchor on its part's page
                "title": "Translator's note on clause 3.3",   # its kind and its part, as cited
                "kind": "translator",                 # editor | translator (scripts/notes.py)
                "section": 2,                         # as a record's
                "text": "…", "other": "…"}, …],       # the note in the page's language, and in the other
     "topics": [{"title": "Dispute resolution and jurisdiction",  # a topic of the subject index
                 "words": ["sue", "court", …],         # (translation/topics.yml): its heading in the
                 "other_words": ["打官司", …],         # page's language, what readers type in it and
                 "parts": ["12.5", "12.3", …]}, …],   # in the other, the anchors it points to
     "stems": {"during": "", "sued": "su", …}}        # English words stemmed otherwise than by the rule

One record per preamble paragraph, clause and enumerated item, in reading order; a record and
its aligned text share the part's anchor (the ids are the same in both languages). The notes
(translation/notes.yml) are not agreement text: each is its own entry, after the records, in the
order of the parts they are on. The topics are the subject index: a query that holds a topic's
words finds the parts it points to, and says so (the topic's title), since those words may not be
in the parts' text.

Tokenisation, the same on both sides (tests/test_search.py runs both on one sample):

* normalise each code point by itself: NFKC, then lower case (`normalise` here, `normalise` in
  search-core.js, which keeps each normalised character's offset in the original text);
* an English word is a run of `[a-z0-9]` in the normalised text (`english_words`);
* every English word of the index (text, aligned text, notes, section titles, topics' titles and
  words) that is a regular inflection (-s, -es, -ies, -ed, -ied, -ing, with a final e or a doubled
  consonant) has as its stem the word it inflects: updates, updated, updating → update. Only
  inflections: lawfully is not law, user is not use, licensor is not license. A form counts as an
  inflection when Snowball stems it like its base; of the possible bases, a word of the index is
  chosen, else the shortest (so that the forms of a base the text lacks still meet). Any other
  word is its own stem (`english_stems`). The browser applies the same rule to the same words
  without Snowball (`stemMapOf` in search-core.js), so `stems` holds only the words whose stem
  that would get wrong, each with its stem ("" for the word itself: during is not dure), which
  is a few dozen words, where every stem would be a few hundred (`stem_exceptions`).

Chinese needs nothing from the build: the browser matches Han text as substrings of each record
and splits a query typed without spaces by the record's own text (search-core.js), so there is
no word list, no dictionary and no child process.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TypedDict

import snowballstemmer

from scripts.addresses import page_url
from scripts.clauses import HOME_PAGE, Page, capitalised, parts, plain_text
from scripts.languages import LANGUAGES, REGISTRY, fill
from scripts.notes import Note, note_anchor, notes_by_part
from scripts.topics import Topic

_ENGLISH_WORD = re.compile(r"[a-z0-9]+")


class IndexRecord(TypedDict):
    """A record of the search index as the browser reads it (search-core.js)."""

    url: str
    title: str
    section: int | None  # its place in the index's sections; None on the home page
    text: str
    other: str  # the aligned text of the other language


class NoteRecord(TypedDict):
    """A note on a part, as the browser reads it: shown as a note, never as agreement text."""

    url: str
    title: str
    kind: str  # editor | translator
    section: int | None
    text: str
    other: str


class TopicRecord(TypedDict):
    """A topic of the subject index, as the browser reads it (without its id: the browser needs
    none)."""

    title: str
    words: list[str]
    other_words: list[str]
    parts: list[str]


def normalise(text: str) -> str:
    """Each code point NFKC-normalised and lower-cased by itself (as search-core.js does)."""
    return "".join(unicodedata.normalize("NFKC", character).lower() for character in text)


def english_words(text: str) -> list[str]:
    """The English words of a text, in order: runs of a-z and 0-9 after normalising."""
    return _ENGLISH_WORD.findall(normalise(text))


# Each language's index stems the words of both languages: each word once per build.
_stem = functools.cache(snowballstemmer.stemmer("english").stemWord)

_VOWELS = "aeiou"


def _bases(word: str) -> list[str]:
    """The words `word` may be a regular inflection of, by its ending."""
    bases: list[str] = []
    if word.endswith(("ies", "ied")):
        bases.append(word[:-3] + "y")
    if word.endswith("es"):
        bases.append(word[:-2])
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        bases.append(word[:-1])
    for ending in ("ed", "ing"):
        if word.endswith(ending):
            base = word[: -len(ending)]
            bases += [base, base + "e"]
            if len(base) >= 3 and base[-1] == base[-2] and base[-1] not in _VOWELS + "ls":
                bases.append(base[:-1])  # stopped → stop
    return [base for base in bases if len(base) >= 3]  # "ins" of plug-ins is no inflection of "in"


def english_stems(texts: Iterable[str]) -> dict[str, str]:
    """word → the word it is a regular inflection of, for every English word of the texts that is
    one (the module's docstring: only inflections, checked against Snowball's stem)."""
    words = {word for text in texts for word in english_words(text)}
    stems = {}
    for word in sorted(words):
        stem = _stem_by_rule(word, words, [base for base in _bases(word) if _stem(base) == _stem(word)])
        if stem:
            stems[word] = stem
    return stems


def _stem_by_rule(word: str, words: set[str], bases: list[str]) -> str | None:
    """Of a word's possible bases, the one that is a word of the index, else the shortest."""
    if not bases:
        return None
    return next((base for base in bases if base in words), min(bases, key=len))


def stem_exceptions(texts: Iterable[str]) -> dict[str, str]:
    """The English words of the texts whose stem (english_stems) is not the one the rule alone gives
    (each word's first possible base that is a word of the texts, else its shortest, with no check
    against Snowball): word → its stem, "" for the word itself. The browser applies the rule and
    these (search-core.js stemMapOf)."""
    texts = list(texts)
    words = {word for text in texts for word in english_words(text)}
    stems = english_stems(texts)
    return {word: stems.get(word, "") for word in sorted(words) if stems.get(word) != _stem_by_rule(word, words, _bases(word))}


def index_texts(index: Mapping[str, Any]) -> list[str]:
    """Every text of an index whose English words it stems: each record's and note's text and
    aligned text, the section titles, and each topic's title and words in both languages."""
    texts = [text for entry in [*index["records"], *index["notes"]] for text in (entry["text"], entry["other"])]
    texts += [title for pair in index["sections"] for title in pair]
    texts += [word for topic in index["topics"] for word in (topic["title"], *topic["words"], *topic["other_words"])]
    return texts


def _page_path(page: Page) -> str:
    """A page's address from its language's root."""
    return page_url(page.language, page.name).removeprefix(page_url(page.language, HOME_PAGE))


def records(pages: Iterable[Page]) -> list[dict[str, str]]:
    """One record per preamble paragraph, clause and item, in reading order, titled as cited."""
    result = []
    for page in pages:
        section = "" if page.name == HOME_PAGE else page.title
        for part in parts(page):
            result.append(
                {
                    "url": f"{_page_path(page)}#{part.anchor}",
                    "title": capitalised(part.name),
                    "section": section,
                    "text": plain_text(part.text),
                }
            )
    return result


def note_records(pages: Iterable[Page], notes: Sequence[Note], other: str, section_number: dict[str, int]) -> list[NoteRecord]:
    """Each note, in the order of the parts it is on, at its anchor on its part's page."""
    by_part = notes_by_part(list(notes))
    result: list[NoteRecord] = []
    for page in pages:
        strings = REGISTRY[page.language].strings
        for part in parts(page):
            for index, note in enumerate(by_part.get(part.anchor, []), 1):
                label = strings["notes"]["editor" if note.kind == "editor" else "translator"]
                result.append(
                    {
                        "url": f"{_page_path(page)}#{note_anchor(part.anchor, index)}",
                        "title": capitalised(fill(strings["search"]["note_title"], label=label, name=part.name)),
                        "kind": note.kind,
                        "section": section_number.get(page.title),
                        "text": note.text[page.language],
                        "other": note.text[other],
                    }
                )
    return result


def _anchor(record: dict[str, str]) -> str:
    return record["url"].rsplit("#", 1)[1]


def build_index(pages: dict[str, list[Page]], language: str, notes: Sequence[Note], topics: Sequence[Topic]) -> dict[str, object]:
    """The JSON document the browser loads on the first search of a page in `language`: its
    records, each with the aligned text of the other language (matched by anchor), the notes and
    the topics."""
    other = next(code for code in LANGUAGES if code != language)
    own, aligned = records(pages[language]), records(pages[other])
    aligned_text = {_anchor(record): record["text"] for record in aligned}
    # Both languages have the same pages in the same order: the build checks that before indexing.
    section_titles = {
        page.title: aligned_page.title
        for page, aligned_page in zip(pages[language], pages[other], strict=True)
        if page.name != HOME_PAGE
    }
    sections = list(section_titles.items())
    section_number = {title: number for number, (title, _) in enumerate(sections)}
    index_records: list[IndexRecord] = [
        {
            "url": record["url"],
            "title": record["title"],
            "section": section_number.get(record["section"]),
            "text": record["text"],
            "other": aligned_text.get(_anchor(record), ""),
        }
        for record in own
    ]
    index_notes = note_records(pages[language], notes, other, section_number)
    index_topics: list[TopicRecord] = [
        {
            "title": topic.heading[language],
            "words": list(topic.words[language]),
            "other_words": list(topic.words[other]),
            "parts": list(topic.parts),
        }
        for topic in topics
    ]
    index: dict[str, object] = {
        "language": language,
        "other": other,
        "script": REGISTRY[language].script,
        "sections": [list(pair) for pair in sections],
        "records": index_records,
        "notes": index_notes,
        "topics": index_topics,
    }
    index["stems"] = stem_exceptions(index_texts(index))
    return index
