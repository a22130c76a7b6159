"""The English follows the glossary: wherever a Chinese term occurs, its one English rendering does."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from scripts.clauses import Page, parse_language, plain_text
from scripts.glossary import GLOSSARY_FILE, KINDS, GlossaryError, Term, read_glossary
from tests.support import ROOT


@functools.cache
def glossary() -> list[Term]:
    """translation/glossary.md, read as the site reads it (scripts/glossary.py), on first use."""
    return read_glossary(ROOT / GLOSSARY_FILE)


def comparable(text: str) -> str:
    """Case and the hyphen of a compound modifier ("third-party software") do not count."""
    return text.lower().replace("-", " ")


def renderings(english: str) -> set[str]:
    """The glossary rendering as it can stand in the text: as given, or in its -ies plural ("third parties").

    A plural in -s already contains the singular, so only a final y needs a second form.
    """
    forms = {comparable(english)}
    if english.endswith("y"):
        forms.add(comparable(english[:-1] + "ies"))
    return forms


def aligned_texts(zh: Page, en: Page) -> Iterator[tuple[str, str, str]]:
    """(where, Chinese, English) for the title and every paragraph, clause and item of a page.

    strict=False: whether the two languages have the same parts is check_clauses's to report (with
    the place); these tests compare the text of the parts they share."""
    yield f"{zh.name} title", zh.title, en.title
    for index, (zh_paragraph, en_paragraph) in enumerate(zip(zh.paragraphs, en.paragraphs, strict=False), 1):
        yield f"{zh.name} paragraph {index}", zh_paragraph.text, en_paragraph.text
    for zh_clause, en_clause in zip(zh.clauses, en.clauses, strict=False):
        yield zh_clause.id, zh_clause.text, en_clause.text
        for zh_item, en_item in zip(zh_clause.items, en_clause.items, strict=False):
            yield zh_item.anchor, zh_item.text, en_item.text


@functools.cache
def pairs() -> list[tuple[str, str, str]]:
    """(where, Chinese, English) of every aligned unit of the agreement."""
    zh_pages, en_pages = parse_language(ROOT / "docs", "zh"), parse_language(ROOT / "docs", "en")
    return [pair for zh, en in zip(zh_pages, en_pages, strict=False) for pair in aligned_texts(zh, en)]


def test_glossary_has_the_required_terms() -> None:
    rows = glossary()
    terms = {row.chinese: (row.english, row.kind) for row in rows}
    assert len(terms) == len(rows), "each Chinese term has one row"
    assert terms["腾讯"] == ("Tencent", "name")
    assert terms["本软件"] == ("the Software", "defined term") and terms["本协议"] == ("this Agreement", "defined term")
    assert terms["QQ号码"] == ("QQ number", "term"), "QQ号码 is not defined in the agreement: lower case, not a defined term"
    assert terms["《隐私政策》"] == ("Privacy Policy", "title")
    assert terms["《腾讯服务协议》"] == ("Tencent Service Agreement", "title") and terms["《QQ号码规则》"] == (
        "QQ Number Rules",
        "title",
    )


def test_a_glossary_row_of_an_unknown_kind_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "glossary.md"
    path.write_text(
        "| 中文 | English | Kind | Note |\n| --- | --- | --- | --- |\n| 腾讯 | Tencent | name | |\n| 本软件 | the Software | noun | |\n",
        encoding="utf-8",
    )
    with pytest.raises(
        GlossaryError,
        match=re.escape(f"{path}:4: a row has four cells, a Chinese and an English term and a kind of {', '.join(KINDS)}"),
    ):
        read_glossary(path)


def test_every_glossary_term_is_followed_everywhere() -> None:
    """Wherever a row's Chinese occurs, its English does; every row's Chinese occurs somewhere.
    Every miss is reported at once."""
    problems = []
    for row in glossary():
        forms = renderings(row.english)
        used = [where for where, zh_text, _ in pairs() if row.chinese in zh_text]
        misses = [
            where
            for where, zh_text, en_text in pairs()
            if row.chinese in zh_text and not any(form in comparable(plain_text(en_text)) for form in forms)
        ]
        if not used:
            problems.append(f"glossary.md:{row.line}: {row.chinese} does not occur in the Chinese text: drop it")
        if misses:
            problems.append(f"glossary.md:{row.line}: {row.chinese} → {row.english} not followed in {', '.join(misses)}")
    assert not problems, "\n".join(problems)


def test_the_source_inconsistency_is_translated_not_repaired() -> None:
    preamble = next(en for where, zh, en in pairs() if "《QQ软件许可及服务协议》" in zh)
    assert "QQ Software License and Service Agreement" in preamble
