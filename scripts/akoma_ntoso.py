"""The agreement in Akoma Ntoso 3.0 (OASIS LegalDocML), one document per language.

A private agreement is not legislation, so it is a <doc name="agreement">, Akoma Ntoso's type for
any other document, not an <act>. Both documents are Expressions of one Work, the agreement, named
by the naming convention's IRIs (/akn/cn/doc/agreement/tencent/<date>/tim): the Chinese is
authoritative; the English is a translation of it, not authoritative, whose eIds are the Chinese
document's (so it needs no wIds). Every date is a retrieval's: the agreement states none of its own.

Parts become elements whose eIds follow the naming convention (prefix__element_number), from the
part's key (the site's anchor where it has one):

    title                   preface__p_1              the <p> holding <docTitle>
    preamble-2              preamble__p_2
    section-10              sec_10                    <section>, with <num> and <heading>
    10.1                    sec_10__para_1            <paragraph>: a clause
    10.1-2                  sec_10__para_1__point_2   <point>: an item of the clause
    section-12-paragraph-1  sec_12__hcontainer_1      <hcontainer name="unnumberedParagraph">
    a part's n-th note      <part's eId>__note_<n>    <note> in <notes>, the site's 10.1-note-<n>

Links are <ref href>; each note is in the document's language, marked editor's or translator's by
its class and by refersTo, a role in <references>, and referred to from its part by <noteRef>.
Plain Python, no MkDocs import.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from lxml import etree

from scripts.clauses import Page, section_title_parts
from scripts.data_formats import Edition, child, serialized
from scripts.languages import REFERENCE_LANGUAGE
from scripts.markup import Link, runs
from scripts.notes import Note, notes_by_part
from scripts.versions import Text, texts, texts_by_key

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
# FRBR and the naming convention name languages by ISO 639-2 alpha-3 codes.
FRBR_LANGUAGES = {"zh": "zho", "en": "eng"}
MEDIA_TYPE = "application/akn+xml"


def _tag(name: str) -> str:
    return f"{{{AKN_NS}}}{name}"


def eid(text: Text) -> str:
    """The eId of a part (see the module's docstring for the rule)."""
    if text.kind == "title":
        return "preface__p_1"
    if text.kind == "preamble":
        return f"preamble__p_{text.number}"
    section = text.page.section
    if text.kind == "heading":
        return f"sec_{section}"
    if text.kind == "paragraph":
        return f"sec_{section}__hcontainer_{text.number}"
    clause_section, clause = str(text.clause).split(".")
    clause_eid = f"sec_{clause_section}__para_{clause}"
    return clause_eid if text.kind == "clause" else f"{clause_eid}__point_{text.number}"


def note_eid(part: Text, index: int) -> str:
    """The eId of a part's index-th note (from 1), as the site's anchor note_anchor(part, index)."""
    return f"{eid(part)}__note_{index}"


def work_iri(source: Edition) -> str:
    return f"/akn/cn/doc/agreement/tencent/{source.first_retrieved}/tim"


def expression_iri(source: Edition, language: str) -> str:
    return f"{work_iri(source)}/{FRBR_LANGUAGES[language]}@{source.retrieved}"


def _identification(meta: etree._Element, work_name: str, language: str, source: Edition) -> None:
    """FRBR Work, Expression and Manifestation: the Chinese authoritative, the English its translation."""
    identification = child(meta, _tag("identification"), {"source": "#edition"})
    work = child(identification, _tag("FRBRWork"))
    child(work, _tag("FRBRthis"), {"value": f"{work_iri(source)}/!main"})
    child(work, _tag("FRBRuri"), {"value": work_iri(source)})
    child(work, _tag("FRBRdate"), {"date": source.first_retrieved, "name": "retrieval"})
    child(work, _tag("FRBRauthor"), {"href": "#tencent"})
    child(work, _tag("FRBRcountry"), {"value": "cn"})  # the agreement's governing law is that of mainland China (12.4)
    child(work, _tag("FRBRsubtype"), {"value": "agreement"})
    child(work, _tag("FRBRnumber"), {"value": "tim"})
    child(work, _tag("FRBRname"), {"value": work_name})

    expression_uri = expression_iri(source, language)
    original = expression_iri(source, REFERENCE_LANGUAGE)
    translation = language != REFERENCE_LANGUAGE
    expression = child(identification, _tag("FRBRExpression"))
    child(expression, _tag("FRBRthis"), {"value": f"{expression_uri}/!main"})
    child(expression, _tag("FRBRuri"), {"value": expression_uri})
    child(expression, _tag("FRBRdate"), {"date": source.retrieved, "name": "retrieval"})
    child(expression, _tag("FRBRauthor"), {"href": "#edition", "as": "#translator"} if translation else {"href": "#tencent"})
    child(expression, _tag("FRBRauthoritative"), {"value": "false" if translation else "true"})
    if translation:
        child(expression, _tag("FRBRmasterExpression"), {"href": original, "showAs": work_name})
    child(expression, _tag("FRBRlanguage"), {"language": FRBR_LANGUAGES[language]})
    if translation:
        translated_from = {"href": original, "fromLanguage": FRBR_LANGUAGES[REFERENCE_LANGUAGE], "authoritative": "false"}
        child(expression, _tag("FRBRtranslation"), {**translated_from, "by": "#edition"})

    manifestation = child(identification, _tag("FRBRManifestation"))
    child(manifestation, _tag("FRBRthis"), {"value": f"{expression_uri}/!main.xml"})
    child(manifestation, _tag("FRBRuri"), {"value": f"{expression_uri}.akn"})
    child(manifestation, _tag("FRBRdate"), {"date": source.retrieved, "name": "retrieval"})
    child(manifestation, _tag("FRBRauthor"), {"href": "#edition", "as": "#editor"})
    child(manifestation, _tag("FRBRformat"), {"value": MEDIA_TYPE})


def _references(meta: etree._Element) -> None:
    """The agents and roles the metadata and the notes refer to."""
    references = child(meta, _tag("references"), {"source": "#edition"})
    organizations = {
        "tencent": ("/akn/ontology/organization/cn.tencent", "Tencent"),
        "edition": ("/akn/ontology/organization/unreg.tim-agreement-bilingual-edition", "TIM agreement bilingual edition"),
    }
    for key, (href, name) in organizations.items():
        child(references, _tag("TLCOrganization"), {"eId": key, "href": href, "showAs": name})
    for role in ("editor", "translator"):
        child(references, _tag("TLCRole"), {"eId": role, "href": f"/akn/ontology/role/{role}", "showAs": role.capitalize()})


def _inline(element: etree._Element, markdown: str) -> etree._Element:
    """A paragraph's text as the model reads it, its links as <ref>."""
    last: etree._Element | None = None
    for run in runs(markdown):
        if isinstance(run, Link):
            last = child(element, _tag("ref"), {"href": run.href}, run.text)
        elif last is None:
            element.text = (element.text or "") + run
        else:
            last.tail = (last.tail or "") + run
    return element


def _section(body: etree._Element, page: Page, holders: dict[str, etree._Element]) -> None:
    """A section page: its heading, then its clauses (items as points) and unnumbered paragraphs."""
    heading, *parts = texts(page)
    section = child(body, _tag("section"), {"eId": eid(heading)})
    number, title = section_title_parts(page.language, page.title)
    child(section, _tag("num"), text=number)
    holders[heading.key] = child(section, _tag("heading"), text=title)
    labels = {part.anchor: part.label for part in page.numbered}
    has_items = {clause.id for clause in page.clauses if clause.items}
    clauses: dict[str, etree._Element] = {}
    for text in parts:
        if text.kind == "clause":
            clause = clauses[text.key] = child(section, _tag("paragraph"), {"eId": eid(text)})
            child(clause, _tag("num"), text=labels[text.key])
            wrapper = child(clause, _tag("intro" if text.key in has_items else "content"))
        elif text.kind == "item":
            point = child(clauses[str(text.clause)], _tag("point"), {"eId": eid(text)})
            child(point, _tag("num"), text=labels[text.key])
            wrapper = child(point, _tag("content"))
        else:
            container = child(section, _tag("hcontainer"), {"eId": eid(text), "name": "unnumberedParagraph"})
            wrapper = child(container, _tag("content"))
        holders[text.key] = _inline(child(wrapper, _tag("p")), text.text)


def akoma_ntoso(pages: Mapping[str, Sequence[Page]], language: str, notes: Sequence[Note], source: Edition) -> bytes:
    """One language's agreement as an Akoma Ntoso document (see the module's docstring)."""
    home, *sections = pages[language]
    root = etree.Element(_tag("akomaNtoso"), nsmap={None: AKN_NS})
    document = child(root, _tag("doc"), {"name": "agreement"})
    meta = child(document, _tag("meta"))
    _identification(meta, pages[REFERENCE_LANGUAGE][0].title, language, source)
    _references(meta)

    own = texts_by_key(pages[language])
    holders: dict[str, etree._Element] = {}  # part key → the element holding its text, for its noteRefs
    # The title is plain text already (the model reads it so), not Markdown to parse again.
    title = child(child(document, _tag("preface")), _tag("p"), {"eId": eid(own["title"])})
    holders["title"] = child(title, _tag("docTitle"), text=home.title)
    preamble = child(document, _tag("preamble"))
    for text in texts(home)[1:]:
        holders[text.key] = _inline(child(preamble, _tag("p"), {"eId": eid(text)}), text.text)
    body = child(document, _tag("mainBody"))
    for page in sections:
        _section(body, page, holders)

    if notes:
        notes_element = child(meta, _tag("notes"), {"source": "#edition"})
        for at, part_notes in notes_by_part(list(notes)).items():
            part = own[at]
            for index, note in enumerate(part_notes, 1):
                identifier = note_eid(part, index)
                attributes = {"eId": identifier, "class": note.kind, "refersTo": f"#{note.kind}"}
                placed = {"placement": "side", "placementBase": f"#{eid(part)}"}
                child(child(notes_element, _tag("note"), {**attributes, **placed}), _tag("p"), text=note.text[language])
                child(holders[at], _tag("noteRef"), {"href": f"#{identifier}", "class": note.kind})
    return serialized(root)
