"""The parity check: both languages must carry the same sections, clauses and items.

Chinese is the reference. Every problem is reported at once, each naming the language,
file:line, the clause, what is wrong and what the other language has.

    python -m scripts.check_clauses [--docs-dir docs] [--json]

Exit status: 0 consistent, 1 mismatches found, 2 a page cannot be read or parsed.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from scripts.addresses import PARALLEL_PAGE, parallel_section_page
from scripts.clauses import Clause, Page, Paragraph, ParseError, display_path, links, numbers
from scripts.english_records import unrecorded
from scripts.evidence import evidence_findings
from scripts.languages import ENGLISH, LANGUAGES, REFERENCE_LANGUAGE
from scripts.notes import Note, NoteProblem
from scripts.project import DOCS, Project, read_project
from scripts.topics import TOPICS_FILE, indexable_anchors, uncovered_parts, unknown_parts
from scripts.translation_lock import revision_findings
from scripts.tree_check import file_findings, page_findings


@dataclass(frozen=True)
class Problem:
    language: str
    file: str
    line: int
    clause: str  # the clause, item, section or paragraph concerned
    message: str

    def __str__(self) -> str:
        return f"{self.language} {self.file}:{self.line}: {self.clause}: {self.message}"


@dataclass(frozen=True)
class _Numbered:
    """One numbered thing (section, clause or item) where it stands, for sequence checks."""

    value: int
    label: str
    page: Page
    line: int


def _at(page: Page, line: int) -> str:
    return f"{display_path(page.path)}:{line}"


def _page_label(page: Page) -> str:
    return "home page" if page.section is None else f"section {page.section}"


def _problem(page: Page, line: int, clause: str, message: str) -> Problem:
    return Problem(page.language, display_path(page.path), line, clause, message)


def _sequence_problems(entries: Sequence[_Numbered], kind: str, report_gaps: bool) -> Iterator[Problem]:
    """Duplicates, numbers out of order and (in the reference language) gaps."""
    first_seen: dict[int, _Numbered] = {}
    highest: _Numbered | None = None
    for entry in entries:
        if entry.value in first_seen:
            first = first_seen[entry.value]
            yield _problem(
                entry.page, entry.line, entry.label, f"duplicate {kind}; it first appears at {_at(first.page, first.line)}"
            )
            continue
        first_seen[entry.value] = entry
        if highest and entry.value < highest.value:
            yield _problem(entry.page, entry.line, entry.label, f"{kind} out of order: it comes after {highest.label}")
            continue
        if report_gaps and entry.value != (highest.value if highest else 0) + 1:
            gap = f"{highest.label} is followed by {entry.label}" if highest else f"numbering starts at {entry.label}"
            yield _problem(entry.page, entry.line, entry.label, f"gap in {kind} numbering: {gap}")
        highest = entry


def _item_label(clause: Clause, item_number: int) -> str:
    return f"{clause.id} item ({item_number})"


def check_language(pages: Sequence[Page]) -> list[Problem]:
    """What is wrong within one language, whatever the other says.

    Gaps and empty text are reported here for the reference language only; in a
    translation the cross-language check reports them against the reference.
    """
    if not pages:
        return []
    is_reference = pages[0].language == REFERENCE_LANGUAGE
    sections = [_Numbered(p.section, f"section {p.section}", p, p.title_line) for p in pages if p.section is not None]
    problems = list(_sequence_problems(sections, "section", is_reference))
    for page in pages:
        own_clauses = []
        for clause in page.clauses:
            if clause.malformed:
                problems.append(_problem(page, clause.line, clause.id, f"clause number {clause.label!r} {clause.malformed}"))
            if page.section is not None and clause.section != page.section:
                problems.append(
                    _problem(page, clause.line, clause.id, f"clause {clause.id} is on the page of section {page.section}")
                )
            else:
                own_clauses.append(_Numbered(clause.number, clause.id, page, clause.line))
            if is_reference and not clause.text:
                problems.append(_problem(page, clause.line, clause.id, "clause has no text"))
            for item in clause.items:
                label = _item_label(clause, item.number)
                if item.malformed:
                    problems.append(_problem(page, item.line, label, f"item number {item.label!r} {item.malformed}"))
                if is_reference and not item.text:
                    problems.append(_problem(page, item.line, label, "item has no text"))
            items = [_Numbered(i.number, _item_label(clause, i.number), page, i.line) for i in clause.items]
            problems += _sequence_problems(items, "item", is_reference)
        problems += _sequence_problems(own_clauses, "clause", is_reference)
    return problems


def _compare_text(
    page: Page, line: int, label: str, text: str, other_page: Page, other_line: int, other_text: str
) -> Iterator[Problem]:
    """Links and numbers written in a clause, item or paragraph must match the reference."""
    other = other_page.language
    for kind, found in (("links", links), ("numbers", numbers)):
        if found(text) != found(other_text):
            ours, theirs = (", ".join(found(t)) or "none" for t in (text, other_text))
            yield _problem(
                page,
                line,
                label,
                f"{kind} differ: {page.language} has {ours}; {other} has {theirs} at {_at(other_page, other_line)}",
            )
    if not text and other_text:
        yield _problem(page, line, label, f"no text; {other} has text at {_at(other_page, other_line)}")


def _place(page: Page, paragraph: Paragraph) -> str:
    """Where an unnumbered paragraph stands, in terms that survive a renumbered clause."""
    if paragraph.after is None:
        return "before the first clause"
    return "after the last clause" if paragraph.after == page.numbered[-1].anchor else f"after {paragraph.after}"


def _last_line(page: Page) -> int:
    """The last line with a clause or item on a page, else its title's."""
    return max([page.title_line] + [part.line for part in page.numbered])


def compare_pages(page: Page, reference: Page) -> list[Problem]:
    """What differs between a translated page and its reference page, one kind at a time."""
    missing_after: dict[str | None, str] = {}  # the clause before → the clause missing after it
    return [
        *_section_problems(page, reference),
        *_clause_problems(page, reference, missing_after),
        *_extra_clause_problems(page, reference, missing_after),
        *_paragraph_count_problems(page, reference),
        *_paragraph_text_problems(page, reference),
    ]


def _section_problems(page: Page, reference: Page) -> Iterator[Problem]:
    if page.section != reference.section:
        where = _at(reference, reference.title_line)
        yield _problem(
            page,
            page.title_line,
            f"section {page.section}",
            f"section number differs: {reference.language} has section {reference.section} at {where}",
        )


def _first_by_id(clauses: Sequence[Clause]) -> dict[str, Clause]:
    return {clause.id: clause for clause in reversed(clauses)}  # the first occurrence wins


def _clause_problems(page: Page, reference: Page, missing_after: dict[str | None, str]) -> Iterator[Problem]:
    """Each clause of the reference: missing here (noting what it should follow), or compared."""
    ours = _first_by_id(page.clauses)
    previous: Clause | None = None
    for clause in reference.clauses:
        if clause.id not in ours:
            place = f"after {previous.id}" if previous else "before the first clause"
            line = previous.line if previous else page.title_line
            yield _problem(
                page, line, clause.id, f"clause missing {place}; {reference.language} has it at {_at(reference, clause.line)}"
            )
            missing_after.setdefault(previous.id if previous else None, clause.id)
            continue
        previous = ours[clause.id]
        yield from _compare_text(page, previous.line, previous.id, previous.text, reference, clause.line, clause.text)
        yield from _item_problems(page, previous, reference, clause)


def _item_problems(page: Page, own: Clause, reference: Page, their: Clause) -> Iterator[Problem]:
    """The items of one clause against the reference clause's: missing, extra, or compared."""
    ref = reference.language
    own_items = {item.number: item for item in reversed(own.items)}
    their_items = {item.number: item for item in reversed(their.items)}
    for number, item in their_items.items():
        if number not in own_items:
            yield _problem(page, own.line, _item_label(own, number), f"item missing; {ref} has it at {_at(reference, item.line)}")
    for number, item in own_items.items():
        label = _item_label(own, number)
        if number not in their_items:
            yield _problem(
                page,
                item.line,
                label,
                f"extra item; {ref} has no item ({number}) in clause {their.id} ({_at(reference, their.line)})",
            )
        else:
            other = their_items[number]
            yield from _compare_text(page, item.line, label, item.text, reference, other.line, other.text)


def _extra_clause_problems(page: Page, reference: Page, missing_after: dict[str | None, str]) -> Iterator[Problem]:
    """Clauses here that the reference lacks, with a guess when one is missing at that place."""
    ours, theirs = _first_by_id(page.clauses), _first_by_id(reference.clauses)
    # (the clause before, the clause): the first list is one longer; its last clause, before nothing, is left out by design
    for before, clause in zip([None, *page.clauses], page.clauses, strict=False):
        misplaced = page.section is not None and clause.section != page.section
        if clause.id not in theirs and not misplaced and ours[clause.id] is clause:
            guess = missing_after.get(before.id if before else None)
            hint = f"; should it be {guess}?" if guess else ""
            where = _at(reference, reference.title_line)
            yield _problem(
                page, clause.line, clause.id, f"extra clause; {reference.language} has no clause {clause.id} in {where}{hint}"
            )


def _paragraph_count_problems(page: Page, reference: Page) -> Iterator[Problem]:
    """Unnumbered paragraphs, placed by what they follow: nothing (a preamble), the last clause or
    item (closing text such as 腾讯公司), or a clause or item between; the counts must agree."""
    own_places = [_place(page, p) for p in page.paragraphs]
    their_places = [_place(reference, p) for p in reference.paragraphs]
    for place in dict.fromkeys([*their_places, *own_places]):
        own = [p for p, at in zip(page.paragraphs, own_places, strict=True) if at == place]
        their = [p for p, at in zip(reference.paragraphs, their_places, strict=True) if at == place]
        if len(own) != len(their):
            line = own[len(their)].line if len(own) > len(their) else (own[-1].line if own else _last_line(page))
            where = f" at {_at(reference, their[0].line)}" if their else ""
            yield _problem(
                page,
                line,
                f"unnumbered paragraph {place}",
                f"{page.language} has {len(own)}, {reference.language} has {len(their)}{where}",
            )


def _paragraph_text_problems(page: Page, reference: Page) -> Iterator[Problem]:
    # The counts may differ: _paragraph_count_problems reports that; here the common ones are compared.
    for index, (own, their) in enumerate(zip(page.paragraphs, reference.paragraphs, strict=False), 1):
        yield from _compare_text(page, own.line, f"paragraph {index}", own.text, reference, their.line, their.text)


def _reference_places(pages: Sequence[Page]) -> dict[str, str]:
    """file:line of every section, clause and item label in the reference language."""
    places: dict[str, str] = {}
    for page in pages:
        if page.section is not None:
            places.setdefault(f"section {page.section}", _at(page, page.title_line))
        for clause in page.clauses:
            places.setdefault(clause.id, _at(page, clause.line))
            for item in clause.items:
                places.setdefault(_item_label(clause, item.number), _at(page, item.line))
    return places


def markup_problems(pages: Sequence[Page]) -> list[Problem]:
    """Whatever the pages contain beyond agreement text (scripts.markup's allow-list)."""
    return [_problem(page, found.line, page.part_at(found.line), found.message) for page in pages for found in page.markup]


def check_pages(pages_by_language: dict[str, list[Page]]) -> list[Problem]:
    """Every problem within each language and between each translation and the reference."""
    problems = [problem for pages in pages_by_language.values() for problem in markup_problems(pages)]
    where_in_reference = _reference_places(pages_by_language[REFERENCE_LANGUAGE])
    for language, pages in pages_by_language.items():
        for problem in check_language(pages):
            if language != REFERENCE_LANGUAGE:  # say what the reference has
                place = where_in_reference.get(problem.clause)
                note = (
                    f"{REFERENCE_LANGUAGE} has {problem.clause} at {place}"
                    if place
                    else f"{REFERENCE_LANGUAGE} has no {problem.clause}"
                )
                problem = replace(problem, message=f"{problem.message}; {note}")
            problems.append(problem)
    reference = {p.name: p for p in pages_by_language[REFERENCE_LANGUAGE]}
    for language, pages in pages_by_language.items():
        if language == REFERENCE_LANGUAGE:
            continue
        translated = {p.name: p for p in pages}
        for name, ref_page in reference.items():
            if name not in translated:
                expected = display_path(ref_page.path.parent.parent / language / name)
                problems.append(
                    Problem(
                        language,
                        expected,
                        1,
                        _page_label(ref_page),
                        f"page missing; {REFERENCE_LANGUAGE} has it at {_at(ref_page, 1)}",
                    )
                )
        for name, page in translated.items():
            if name in reference:
                problems += compare_pages(page, reference[name])
            else:
                problems.append(
                    _problem(page, 1, _page_label(page), f"page present in {language} only; {REFERENCE_LANGUAGE} has no {name}")
                )
    return sorted(problems, key=_order)


def _order(problem: Problem) -> tuple[int, str, int]:
    """Languages in their order, then anything else (the notes); by file and line within each."""
    rank = LANGUAGES.index(problem.language) if problem.language in LANGUAGES else len(LANGUAGES)
    return rank, problem.file, problem.line


def check_notes(
    notes: Sequence[Note], found: Sequence[NoteProblem], notes_file: Path, reference: Sequence[Page]
) -> list[Problem]:
    """A note must be well formed and belong to a part that exists."""
    anchors = {paragraph.anchor for page in reference for paragraph in page.paragraphs if paragraph.anchor}
    anchors |= {part.anchor for page in reference for part in page.numbered}
    where = display_path(notes_file)
    problems = [Problem("notes", where, problem.line, problem.at, problem.message) for problem in found]
    for note in notes:
        if note.at not in anchors:
            problems.append(
                Problem(
                    "notes",
                    where,
                    note.line,
                    note.at,
                    f"note on {note.at!r}, which is no preamble paragraph, clause or item of the agreement",
                )
            )
    return problems


def unpaired_pages(docs_dir: Path) -> list[Problem]:
    """Pages about the agreement (in the language folders' subfolders: the parallel view, the
    full text, the glossary, the versions page …) that one language has and another lacks. Every
    page exists in every language: the i18n plugin's fallback, which would publish the original
    under the translation's address, is off (mkdocs.yml). The agreement's own pages, at the top
    of each folder, are compared by check_pages; each section's parallel page, by
    missing_parallel_pages."""
    nested = {
        language: {path.relative_to(docs_dir / language).as_posix() for path in (docs_dir / language).glob("*/**/*.md")}
        for language in LANGUAGES
    }
    problems = []
    for language in LANGUAGES:
        for name in sorted(set().union(*nested.values()) - nested[language]):
            having = next(other for other in LANGUAGES if name in nested[other])
            problems.append(
                Problem(
                    language,
                    display_path(docs_dir / language / name),
                    1,
                    "page",
                    f"page missing; {having} has {display_path(docs_dir / having / name)}: every page exists in every language",
                )
            )
    return problems


def missing_parallel_pages(docs_dir: Path, pages_by_language: dict[str, list[Page]]) -> list[Problem]:
    """Where the site has a parallel view, every section has its short parallel page
    (docs/<language>/parallel/10.md), where its clauses' ⇄ lead: a section added by an import
    needs one in every language."""
    problems = []
    for language, pages in pages_by_language.items():
        if not (docs_dir / language / PARALLEL_PAGE).exists():
            continue
        for page in pages:
            wanted = docs_dir / language / parallel_section_page(page.section) if page.section else None
            if wanted and not wanted.exists():
                example = display_path(docs_dir / language / parallel_section_page(1))
                problems.append(
                    _problem(
                        page,
                        page.title_line,
                        f"section {page.section}",
                        f"{display_path(wanted)} is missing: every section needs its parallel page; create it as a "
                        f"copy of {example} (front matter only, the rows are generated)",
                    )
                )
    return problems


def check_topics(project: Project) -> list[Problem]:
    """The subject index (translation/topics.yml): a topic that cannot be read or points at a part
    that does not exist, and a part (clause, item, preamble paragraph, note) no topic covers."""
    path = project.root / TOPICS_FILE
    if not path.exists():
        return []
    where = display_path(path)
    anchors = indexable_anchors(project.pages[REFERENCE_LANGUAGE], project.notes)
    problems = [Problem("topics", where, found.line, found.topic, found.message) for found in project.topic_problems]
    problems += [
        Problem("topics", where, found.line, found.topic, found.message) for found in unknown_parts(project.topics, anchors)
    ]
    problems += [
        Problem("topics", where, 1, anchor, f"{anchor} is under no topic: every part and note of the agreement has one")
        for anchor in uncovered_parts(project.topics, anchors)
    ]
    return problems


def check_project(project: Project) -> list[Problem]:
    """Every problem of a project: each language's structure and the two against each other, every
    page in both languages, the notes, and where the project keeps retrievals, the Chinese against
    the current source and each English part against the Chinese it was translated from
    (translation/translated-from.txt). Raises ParseError when the lock file cannot be read."""
    problems = check_pages(project.pages) + unpaired_pages(project.docs) + missing_parallel_pages(project.docs, project.pages)
    problems += check_notes(project.notes, project.note_problems, project.notes_file, project.pages[REFERENCE_LANGUAGE])
    problems += [Problem(*finding) for finding in page_findings(project.docs) + file_findings(project.root)]
    problems += check_topics(project)
    if project.history:
        problems += [Problem(*finding) for finding in revision_findings(project.root, project.pages, project.history)]
        problems += [Problem(*finding) for finding in evidence_findings(project.history, project.root)]
    problems += [Problem(*finding) for finding in unrecorded(project.english, project.pages[ENGLISH.code])]
    return sorted(problems, key=_order)


def report(problems: Sequence[Problem]) -> str:
    if not problems:
        return "clause structure consistent in " + " and ".join(LANGUAGES)
    lines = [str(p) for p in problems]
    noun = "problem" if len(problems) == 1 else "problems"
    return "\n".join([f"{len(problems)} clause structure {noun} between " + " and ".join(LANGUAGES) + ":", *lines])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.check_clauses", description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs-dir", type=Path, default=Path(DOCS), help="folder holding zh/ and en/ (default: docs)")
    parser.add_argument("--json", action="store_true", help="print the problems as JSON")
    args = parser.parse_args(argv)
    try:
        problems = check_project(read_project(args.docs_dir.parent))
    except ParseError as error:
        if args.json:
            print(json.dumps({"error": str(error)}, ensure_ascii=False))
        else:
            print(f"cannot check clauses: {error}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps({"count": len(problems), "problems": [asdict(p) for p in problems]}, ensure_ascii=False, indent=2))
    else:
        print(report(problems), file=sys.stderr if problems else sys.stdout)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
