"""Bring in a newly retrieved copy of the agreement.

    python -m scripts.import_retrieval path/to/retrieved.txt      # or: make import SOURCE=path/to/retrieved.txt

The retrieved file has the format of source/tim-agreement.zh.txt (front matter with title, url and
clipped_at; then the agreement). The import checks that it splits into the sections, clauses and
items of the clause model, then keeps it under source/ by its date and regenerates docs/zh/ from the
newest retrieval:

- newer than the current source: the current source moves to source/earlier/<its date>.zh.txt, the
  new one becomes source/tim-agreement.zh.txt (byte for byte), and docs/zh/ is rewritten (the
  English as it stood is in its records, translation/english/: scripts/english_records.py);
- older: it is kept as source/earlier/<its date>.zh.txt; the pages stay as they are;
- newer, with the text of the current source (the same parts, plain text and link targets; how the
  Markdown is written does not count): a check is recorded in source/checks.txt, no new version;
- a retrieval already kept (same date, same bytes): nothing to do.

Page file names come from the existing docs/zh/ page of the same section number. Nothing is written
unless everything can be: each file goes to a temporary file beside it first, and all are moved
into place at the end. Exit status: 0 imported (or nothing to do), 2 the retrieval cannot be
imported (the message names file:line and what was expected).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from scripts.check_clauses import check_language, markup_problems
from scripts.checks import CHECKS_FILE, Check, with_check
from scripts.clauses import ParseError, display_path
from scripts.languages import REFERENCE_LANGUAGE
from scripts.source import CURRENT_SOURCE, Source, earlier_path, read_retrievals, read_source
from scripts.versions import (
    CHANGE_KINDS,
    Draft,
    changes,
    draft_name,
    missing_page_message,
    page_names,
    read_version,
    same_text,
    split_body,
)

ZH_FOLDER = Path("docs") / REFERENCE_LANGUAGE


class ImportProblem(Exception):
    """A retrieval that cannot be imported; the message names file:line and what was expected."""


@dataclass
class Plan:
    writes: dict[Path, bytes] = field(default_factory=dict)
    deletes: list[Path] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)


def structure_problems(source: Source, drafts: list[Draft]) -> list[str]:
    """The clause model's checks of a reference text (numbering, gaps, empty clauses …), each
    problem at its line in the retrieval, and what the allow-list of agreement text rejects (raw
    HTML, emphasis, a link that is not a web address …). The pages are read with the retrieval's
    line numbers, so every place a message names is already the retrieval's."""
    pages = [draft.page_in_retrieval(source.path) for draft in drafts]
    found = sorted(check_language(pages) + markup_problems(pages), key=lambda problem: problem.line)
    return [f"{problem.file}:{problem.line}: {problem.clause}: {problem.message}" for problem in found]


def check_structure(source: Source, drafts: list[Draft]) -> None:
    """Raises ImportProblem listing every problem of structure_problems."""
    if lines := structure_problems(source, drafts):
        raise ImportProblem(f"{len(lines)} problem{'s' if len(lines) > 1 else ''} in the clause structure:\n" + "\n".join(lines))


def plan_import(root: Path, retrieved: Path) -> Plan:
    """What importing a retrieved file into the project at root writes. Reads only.
    Raises ImportProblem or ParseError."""
    new = read_source(retrieved)
    drafts = split_body(new)
    check_structure(new, drafts)
    data = retrieved.read_bytes()
    kept = read_retrievals(root)
    current = kept[-1]
    plan = Plan()
    for source in kept:
        if source.retrieved == new.retrieved:
            if source.path.read_bytes() == data:
                plan.summary.append(
                    f"{display_path(retrieved)}: the retrieval of {new.retrieved} is already kept as {display_path(source.path)}; nothing to do"
                )
                return plan
            raise ImportProblem(
                f"{display_path(retrieved)}:1: {display_path(source.path)} already holds a different retrieval of {new.retrieved}: "
                "expected one retrieval per date (remove or rename one of them first)"
            )
    if new.retrieved > current.retrieved and same_text(read_version(current), read_version(new)):
        # The source looked at again, with the text it had: a check, not a version with no change.
        check = Check(new.retrieved, current.retrieved, "import", hashlib.sha256(data).hexdigest())
        plan.writes[root / CHECKS_FILE] = with_check(root, check)
        plan.summary.append(
            f"{display_path(retrieved)}: the retrieval of {new.retrieved} has the text of the current source "
            f"(retrieved {current.retrieved}): recorded as a check in {display_path(root / CHECKS_FILE)}; no new version"
        )
        return plan
    if new.retrieved < current.retrieved:
        plan.writes[earlier_path(root, new.retrieved)] = data
        plan.summary.append(
            f"kept {display_path(retrieved)} as {display_path(earlier_path(root, new.retrieved))}; "
            f"the current source is still that of {current.retrieved}"
        )
        newest, newest_drafts = current, split_body(current)
    else:
        plan.writes[root / CURRENT_SOURCE] = data
        plan.writes[earlier_path(root, current.retrieved)] = current.path.read_bytes()
        plan.summary.append(
            f"imported {display_path(retrieved)} (retrieved {new.retrieved}) as {display_path(root / CURRENT_SOURCE)}; "
            f"the text of {current.retrieved} is kept as {display_path(earlier_path(root, current.retrieved))}"
        )
        newest, newest_drafts = new, drafts
    names = page_names(root / ZH_FOLDER)
    written = []
    for draft in newest_drafts:
        name = draft_name(draft, names)
        if name is None:
            raise ImportProblem(missing_page_message(draft, newest))
        path = root / ZH_FOLDER / name
        text = draft.markdown.encode("utf-8")
        if not path.exists() or path.read_bytes() != text:
            plan.writes[path] = text
            written.append(name)
    sections = {draft.section for draft in newest_drafts}
    plan.deletes = [root / ZH_FOLDER / name for section, name in names.items() if section not in sections]
    plan.summary.append(
        f"docs/zh/: {len(written)} page{'s' if len(written) != 1 else ''} written ({', '.join(written) or 'none'})"
    )
    if plan.deletes:
        removed = ", ".join(path.name for path in plan.deletes)
        plan.summary.append(
            f"docs/zh/: removed {removed} (no such section any more): take {'them' if len(plan.deletes) > 1 else 'it'} "
            "out of nav in mkdocs.yml and remove the translation of the same name from docs/en/"
        )
    if newest is new:
        found = changes(read_version(current), read_version(new))
        for kind in CHANGE_KINDS:
            keys = [change.key for change in found if change.kind == kind]
            plan.summary.append(f"{kind}: {', '.join(keys) or 'none'}")
        revise = [change.key for change in found if change.kind != "removed"]
        if found:
            plan.summary.append(
                f"next: bring docs/en/ in line (make check names each part), then run: make confirm PART='{' '.join(revise)}'"
                if revise
                else "next: remove the removed parts from docs/en/ (make check names them)"
            )
    return plan


def apply(plan: Plan) -> None:
    """Write every file to a temporary file beside it; only when all are written, move them into
    place and delete the pages no longer generated."""
    staged: list[tuple[Path, Path]] = []
    created: list[Path] = []
    try:
        for target, data in plan.writes.items():
            for folder in reversed(target.parents):
                if not folder.exists():
                    folder.mkdir()
                    created.append(folder)
            temporary = target.with_name(f".{target.name}.importing")
            staged.append((temporary, target))
            temporary.write_bytes(data)
    except OSError:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)
        for folder in reversed(created):
            folder.rmdir()
        raise
    for temporary, target in staged:
        temporary.replace(target)
    for path in plan.deletes:
        path.unlink()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.import_retrieval", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "retrieved", type=Path, help="the retrieved file (front matter with title, url, clipped_at; the agreement)"
    )
    parser.add_argument("--root", type=Path, default=Path(), help="the project folder (default: the working directory)")
    args = parser.parse_args(argv)
    try:
        plan = plan_import(args.root, args.retrieved)
        apply(plan)
    except (ParseError, ImportProblem, OSError) as error:
        print(f"cannot import: {error}", file=sys.stderr)
        return 2
    print("\n".join(plan.summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
