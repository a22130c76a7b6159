"""The public data's contracts: clauses.json and each language's search index, as built, are
valid against their JSON Schemas (scripts/schemas/), and the published schema is that file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from scripts.addresses import page_url
from scripts.clauses import HOME_PAGE
from scripts.languages import LANGUAGES
from tests.support import ROOT

SCHEMAS = ROOT / "scripts" / "schemas"


def validate(document: object, schema_file: str) -> list[str]:
    schema = json.loads((SCHEMAS / schema_file).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    return [f"{'/'.join(map(str, error.absolute_path))}: {error.message}" for error in validator.iter_errors(document)]


def test_clauses_json_follows_its_published_schema(site: Path) -> None:
    document = json.loads((site / "clauses.json").read_text(encoding="utf-8"))
    assert validate(document, "clauses.schema.json") == []
    assert document["$schema"].endswith("/clauses.schema.json")
    assert (site / "clauses.schema.json").read_bytes() == (SCHEMAS / "clauses.schema.json").read_bytes()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_search_index_follows_its_schema(site: Path, language: str) -> None:
    index = json.loads(
        (site / page_url(language, HOME_PAGE).lstrip("/") / "search" / "agreement.json").read_text(encoding="utf-8")
    )
    assert validate(index, "search-index.schema.json") == []
    assert index["language"] == language


def test_the_schemas_reject_what_they_should(site: Path) -> None:
    # Each schema must be able to fail: a part without its notes, a record without its aligned text.
    document = json.loads((site / "clauses.json").read_text(encoding="utf-8"))
    del document["sections"][0]["clauses"][0]["notes"]
    assert validate(document, "clauses.schema.json")
    index = json.loads((site / "search" / "agreement.json").read_text(encoding="utf-8"))
    del index["records"][0]["other"]
    assert validate(index, "search-index.schema.json")
