"""The HTML the build generates: Jinja templates in scripts/templates/, autoescaped.

Every generated page and fragment (the agreement pages' parts, the full text, the parallel view,
the glossary table, the versions page, short-link pages) is a template filled with data that
scripts/pages.py prepares from the model; no HTML is written by hand in Python. Text is escaped
by Jinja; what is already markup is `Markup`. Plain Python, no MkDocs import.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from scripts.languages import HTML_LANG, REFERENCE_LANGUAGE, fill
from scripts.markup import markdown_escaped

TEMPLATES = Path(__file__).resolve().parent / "templates"


def text_content(text: str) -> Markup:
    """Text inside an element: only &, < and > need escaping there (quotes stay as written, a
    few bytes less on every page than Jinja's escape, which also escapes them for attributes)."""
    return Markup(html.escape(text, quote=False))


# Chinese inside a text of another language: Han characters with the CJK punctuation and
# full-width forms around them.
_CHINESE_RUN = re.compile(r"[\u2e80-\u2fdf\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff60]+")


def text_in(text: str, language: str) -> Markup:
    """Text of a page in `language`: in a translation, each run of Chinese in it marked as Chinese
    (lang), so that a screen reader reads it with a Chinese voice."""
    if language == REFERENCE_LANGUAGE:
        return text_content(text)
    chinese = HTML_LANG[REFERENCE_LANGUAGE]
    pieces, start = [], 0
    for run in _CHINESE_RUN.finditer(text):
        pieces += [
            text_content(text[start : run.start()]),
            Markup(f'<span lang="{chinese}">'),
            text_content(run[0]),
            Markup("</span>"),
        ]
        start = run.end()
    return Markup("").join([*pieces, text_content(text[start:])])


def markdown_text(text: str) -> Markup:
    """Text in the Markdown the build hands to MkDocs (a generated page's headings), written so
    that Python-Markdown renders exactly that text."""
    return Markup(markdown_escaped(text))


def environment() -> Environment:
    """The templates' environment: autoescaped, strict about undefined names (a misspelt field is
    an error, not a blank), and the filters the templates share with the theme's (`fill`)."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(fill=fill, text=text_content, text_in=text_in, markdown=markdown_text)
    return env


_ENVIRONMENT = environment()


def render(template: str, **context: Any) -> str:
    """A template of scripts/templates/ filled with the context."""
    return _ENVIRONMENT.get_template(template).render(**context)
