"""Tracking the source (make track): the page fetched from a local server, the agreement extracted
from it, and either a check recorded or a new retrieval imported; bad input changing nothing.
Also the check records (scripts/checks.py) and `make import` of a text already kept.

Pages are served on 127.0.0.1: CMS-like pages made from a retrieval in several shapes
(tests/agreement_pages.py) and the hand-written tests/fixtures/track/cms-page.html.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import http.server
import re
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from scripts.checks import CHECKS_FILE, Check, LastCheck, last_check, parse_checks, read_checks
from scripts.clauses import ParseError, links, plain_text
from scripts.extraction import ExtractionError, extract_retrieval, markdown_line, page_blocks
from scripts.markup import Link, markup_problems
from scripts.source import CURRENT_SOURCE, Source, parse_source, read_retrievals, read_source
from scripts.track import main as track_main
from scripts.versions import read_version, same_text
from tests.agreement_pages import SHAPES, Shape, cms_page
from tests.support import ROOT, copy_project, in_process

RETRIEVAL = ROOT / "tests" / "fixtures" / "retrievals" / "2024-03-01.zh.txt"  # 4.3 changed, 9.3 removed, 10.3 added
STATIC_PAGE = ROOT / "tests" / "fixtures" / "track" / "cms-page.html"
FIRST_DATE = "2022-01-23"
CLIPPED = datetime(2026, 12, 6, 9, 30, tzinfo=UTC)


@functools.cache  # read on first use, not at import: a broken source is a failing test
def source() -> Source:
    return read_source(ROOT / CURRENT_SOURCE)


def digests(folder: Path) -> dict[str, str]:
    """The SHA-256 of every file under a folder, by relative path: to prove what was written."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def changed(before: dict[str, str], after: dict[str, str]) -> list[str]:
    return sorted(path for path in before.keys() | after.keys() if before.get(path) != after.get(path))


def parts(version_text: str) -> dict[str, tuple[str, list[str]]]:
    """Every part of a retrieval as the clause model reads it: plain text and link targets by key."""
    version = read_version(parse_source(version_text, Path("retrieval.zh.txt")))
    return {key: (plain_text(text.text), links(text.text)) for key, text in version.texts.items()}


# --- A local web server -----------------------------------------------------------------------


@dataclass(frozen=True)
class Answer:
    status: int = 200
    body: bytes = b""
    headers: tuple[tuple[str, str], ...] = (("Content-Type", "text/html; charset=utf-8"),)
    delay: float = 0.0  # seconds before answering


def html_answer(text: str) -> Answer:
    return Answer(body=text.encode("utf-8"))


def redirect(to: str) -> Answer:
    return Answer(302, b"", (("Location", to),))


def unsplittable_page() -> str:
    """The agreement with clause 4.4 numbered 4.5: a gap the clause model reports."""
    page = cms_page(source(), SHAPES["h2-headings-p-items"])
    assert page.count("4.4 本软件新版本") == 1
    return page.replace("4.4 本软件新版本", "4.5 本软件新版本")


def shape_answer(shape: Shape) -> Answer:
    """The agreement as a CMS page of that shape."""
    return html_answer(cms_page(source(), shape))


ROUTES: dict[str, Callable[[], Answer]] = {
    "/static.html": lambda: Answer(body=STATIC_PAGE.read_bytes()),
    **{f"/{name}.html": functools.partial(shape_answer, shape) for name, shape in SHAPES.items()},
    "/changed.html": lambda: html_answer(cms_page(read_source(RETRIEVAL), SHAPES["bold-headings-list-items"])),
    "/moved.html": lambda: redirect("/static.html"),
    "/missing.html": lambda: Answer(404, b"<h1>404</h1>"),
    "/broken.html": lambda: Answer(500, b"<h1>500</h1>"),
    "/loop-a.html": lambda: redirect("/loop-b.html"),
    "/loop-b.html": lambda: redirect("/loop-a.html"),
    "/slow.html": lambda: Answer(body=STATIC_PAGE.read_bytes(), delay=3.0),
    "/no-agreement.html": lambda: html_answer(
        "<!DOCTYPE html><title>TIM - 下载</title><header><h1>TIM</h1></header>"
        "<main><h2>下载TIM</h2><p>适用于Windows、macOS。</p></main><footer><p>腾讯公司 版权所有</p></footer>"
    ),
    "/unsplittable.html": lambda: html_answer(unsplittable_page()),
    "/gbk.html": lambda: Answer(
        body=cms_page(source(), SHAPES["h2-headings-p-items"]).encode("gbk"),
        headers=(("Content-Type", "text/html; charset=gbk"),),
    ),
    "/huge.html": lambda: html_answer(cms_page(source(), SHAPES["h2-headings-p-items"]) + "<!--" + "x" * 2 * 1024 * 1024 + "-->"),
    "/agreement.pdf": lambda: Answer(body=b"%PDF-1.7", headers=(("Content-Type", "application/pdf"),)),
}


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        route = ROUTES.get(self.path)
        answer = route() if route else Answer(404, b"not found")
        time.sleep(answer.delay)
        try:
            self.send_response(answer.status)
            for name, value in answer.headers:
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(answer.body)))
            self.end_headers()
            self.wfile.write(answer.body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the tracker gave up first (the timeout test)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """The fixture pages on 127.0.0.1; the address to put their paths after."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def track(project: Path, url: str, *args: str) -> subprocess.CompletedProcess[str]:
    """make track's command in a project, its temporary files under the project's parent."""
    return in_process(track_main, ["--url", url, *args], project, temporary=project.parent)


def run(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=project, capture_output=True, text=True, check=False)


def today() -> str:
    return datetime.now(UTC).date().isoformat()


# --- Extraction -------------------------------------------------------------------------------


def _page(name: str) -> str:
    return STATIC_PAGE.read_text(encoding="utf-8") if name == "static" else cms_page(source(), SHAPES[name])


@pytest.mark.parametrize("name", [*SHAPES, "static"])
def test_the_extracted_agreement_has_the_parts_of_the_source(name: str) -> None:
    text = extract_retrieval(_page(name), source().url, CLIPPED, Path("extracted.zh.txt"))
    extracted = parse_source(text, Path("extracted.zh.txt"))
    assert (extracted.title, extracted.url, extracted.retrieved) == (source().title, source().url, "2026-12-06")
    assert parts(text) == parts((ROOT / CURRENT_SOURCE).read_text(encoding="utf-8"))
    assert same_text(read_version(source()), read_version(extracted))
    assert extracted.body == source().body  # even the Markdown: the source's escapes are the ones extraction writes


def test_white_space_is_read_as_html_shows_it() -> None:
    html = (
        "<title>T</title><p>第一行\n    第二行 and\n  two&nbsp;&nbsp;words</p>"
        '<p>　　1.1&nbsp;见<a href="/rules.html">《规则》\n</a>。</p><p>&nbsp;</p><p>a<br>b</p>'
    )
    blocks, title = page_blocks(html, "https://example.org/tim/page.html")
    assert title == "T"
    assert [block.runs for block in blocks] == [
        ("第一行第二行 and two words",),  # a line break between Chinese characters is no space
        ("1.1 见", Link("《规则》", "https://example.org/rules.html"), "。"),  # &nbsp; a space; the link resolved
        ("a",),
        ("b",),  # <br> ends a line; a paragraph of &nbsp; alone is empty
    ]


def test_ordered_lists_get_the_numbers_they_show_and_hidden_text_is_not_read() -> None:
    html = (
        '<ol start="3"><li>三</li><li value="7">七</li><li>八</li></ol>'
        '<ol><li>（1）已写编号</li></ol><ul><li>无编号</li></ul><p hidden>隐藏</p><p style="display: none">隐藏</p>'
        '<p>可见<span aria-hidden="true">隐藏</span></p><script>var x = "一、脚本";</script><nav><p>一、导航</p></nav>'
    )
    blocks, _ = page_blocks(html, "https://example.org/")
    assert [block.plain for block in blocks] == ["（3）三", "（7）七", "（8）八", "（1）已写编号", "无编号", "可见"]


@pytest.mark.parametrize(
    "text", ["1. 不是条款", "12) 也不是", "# 井号", "- 横线", "> 引号", "+ 加号", "a_b*c*[d]<e>&amp;f\\g`h`", "1.1 条款"]
)
def test_text_that_markdown_would_read_as_markup_is_written_as_text(text: str) -> None:
    line = markdown_line((text,))
    assert plain_text(line) == text
    assert markup_problems(f"# T\n\n{line}\n") == []
    assert line.startswith("1.1 ") == text.startswith("1.1 ")  # a clause's number stays as the model reads it


def test_a_page_without_the_agreement_says_so() -> None:
    with pytest.raises(ExtractionError, match=r"no section heading such as '一、协议范围' on the page"):
        extract_retrieval("<title>TIM</title><h1>TIM</h1><p>下载</p>", source().url, CLIPPED, Path("x.zh.txt"))


def test_an_agreement_without_its_title_names_the_line_of_its_first_section() -> None:
    page = cms_page(source(), SHAPES["h2-headings-p-items"]).replace('<h1 class="article-title">TIM软件许可及服务协议</h1>', "")
    line = next(number for number, text in enumerate(page.split("\n"), 1) if "<h2>一、协议范围</h2>" in text)
    with pytest.raises(ExtractionError) as error:
        extract_retrieval(page, source().url, CLIPPED, Path("x.zh.txt"))
    assert str(error.value).startswith(
        f"page line {line}: no title before the first section heading '一、协议范围': expected a heading"
    )


def test_a_text_the_model_cannot_split_is_named_at_its_line() -> None:
    with pytest.raises(ExtractionError) as error:
        extract_retrieval(unsplittable_page(), source().url, CLIPPED, Path("extracted.zh.txt"))
    message = str(error.value)
    found = re.search(r"extracted\.zh\.txt:(\d+): 4\.5: gap in clause numbering: 4\.3 is followed by 4\.5", message)
    assert found, message
    text = re.sub(r"4\.4 本软件新版本", "4.5 本软件新版本", (ROOT / CURRENT_SOURCE).read_text(encoding="utf-8"))
    offset = 4  # the extraction's front matter is four lines shorter than the source's (no category, no tags, one blank)
    assert text.split("\n")[int(found.group(1)) - 1 + offset].startswith("4.5 ")


# --- make track -------------------------------------------------------------------------------


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def test_the_same_text_records_a_check_and_changes_nothing_else(project: Path, server: str) -> None:
    before = digests(project)
    result = track(project, f"{server}/static.html")
    assert result.returncode == 0, result.stderr
    day = today()
    assert result.stdout == (
        f"checked {server}/static.html on {day}: the text of the retrieval of {FIRST_DATE}, unchanged; recorded in source/checks.txt\n"
    )
    assert changed(before, digests(project)) == [CHECKS_FILE.as_posix()]
    assert read_checks(project) == [Check(day, FIRST_DATE, "track", hashlib.sha256(STATIC_PAGE.read_bytes()).hexdigest(), line=5)]
    assert last_check(project) == LastCheck(checked=day, unchanged_since=FIRST_DATE)
    recorded = digests(project)
    again = track(project, f"{server}/static.html")
    assert again.returncode == 0, again.stderr
    assert digests(project) == recorded, "the same check is recorded once"
    other_shape = track(project, f"{server}/bold-headings-list-items.html")
    assert other_shape.returncode == 0, other_shape.stderr
    assert [check.how for check in read_checks(project)] == ["track", "track"]  # another page, another hash
    assert not (project / "source" / "snapshots").exists()


def test_a_redirect_is_followed_and_said(project: Path, server: str) -> None:
    # as a command of its own, the way make track runs it
    result = run(project, "scripts.track", "--url", f"{server}/moved.html")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"note: {server}/moved.html redirected to {server}/static.html\nchecked {server}/moved.html")


def test_a_changed_text_becomes_a_retrieval_and_the_check_names_the_english_to_revise(project: Path, server: str) -> None:
    before = digests(project)
    result = track(project, f"{server}/changed.html")
    assert result.returncode == 0, result.stderr
    day = today()
    assert changed(before, digests(project)) == [
        "docs/zh/04-software-updates.md", "docs/zh/09-third-parties.md", "docs/zh/10-user-conduct.md",
        f"source/earlier/{FIRST_DATE}.zh.txt", f"source/snapshots/{day}.html", CURRENT_SOURCE.as_posix(),
    ]  # fmt: skip
    assert [line for line in result.stdout.splitlines() if re.match(r"(changed|added|removed): ", line)] == [
        "changed: 4.3",
        "added: 10.3",
        "removed: 9.3",
    ]
    snapshot = project / "source" / "snapshots" / f"{day}.html"
    assert snapshot.read_bytes() == ROUTES["/changed.html"]().body
    new = read_source(project / CURRENT_SOURCE)
    front = (project / CURRENT_SOURCE).read_text(encoding="utf-8").split("---\n")[1]
    assert f"snapshot: source/snapshots/{day}.html\n" in front
    assert f"snapshot_sha256: {hashlib.sha256(snapshot.read_bytes()).hexdigest()}\n" in front
    assert (new.retrieved, new.url) == (day, f"{server}/changed.html")
    assert same_text(read_version(read_source(RETRIEVAL)), read_version(new))
    assert [source.retrieved for source in read_retrievals(project)] == [FIRST_DATE, day]
    assert last_check(project) == LastCheck(checked=day, unchanged_since=day)
    check = run(project, "scripts.check_clauses")
    assert check.returncode == 1
    assert (
        "en docs/en/04-software-updates.md:7: 4.3: translated from an older Chinese text (that of 2022-01-23); "
        "zh has the current text at docs/zh/04-software-updates.md:7"
    ) in check.stderr
    assert "en docs/en/10-user-conduct.md:19: 10.3: clause missing after 10.2" in check.stderr
    # The same day, another text: one retrieval a day.
    tracked = digests(project)
    again = track(project, f"{server}/static.html")
    assert again.returncode == 2
    assert again.stderr == (
        f"cannot track {server}/static.html: the text differs from the retrieval of {day}, and source/snapshots/{day}.html "
        f"already holds a page of {day}: one retrieval a day; track again tomorrow\n"
    )
    assert digests(project) == tracked


@pytest.fixture(scope="module")
def untouched(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, dict[str, str]]]:
    """One copy of the project for every bad input, with its digests: none may change it."""
    project = copy_project(tmp_path_factory.mktemp("untouched") / "project")
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("<p>the site as built</p>", encoding="utf-8")
    yield project, digests(project)


BAD_INPUT = {
    "404": ("/missing.html", r"answered HTTP 404 Not Found"),
    "500": ("/broken.html", r"answered HTTP 500 Internal Server Error"),
    "redirect loop": ("/loop-a.html", r"redirect loop: {server}/loop-a\.html → {server}/loop-b\.html → {server}/loop-a\.html"),
    "timeout": ("/slow.html", r"127\.0\.0\.1 did not answer within 0.3 s"),
    "no agreement": ("/no-agreement.html", r"no section heading such as '一、协议范围' on the page: is this the agreement\?"),
    "unsplittable": (
        "/unsplittable.html",
        r"the extracted text does not split into the agreement's parts: \S+/track-{day}/{day}\.zh\.txt:\d+: 4\.5: gap in clause numbering",
    ),
    "not UTF-8": ("/gbk.html", r"the page is not UTF-8: byte 0x\w\w at offset \d+ cannot be read \(the server says 'text/html; charset=gbk'\)"),
    "oversized": ("/huge.html", r"the page is larger than 2 MiB: not the agreement"),
    "not HTML": ("/agreement.pdf", r"answered with 'application/pdf', not an HTML page"),
}  # fmt: skip


@pytest.mark.parametrize("case", BAD_INPUT)
def test_bad_input_changes_nothing_and_says_why_in_one_line(
    untouched: tuple[Path, dict[str, str]], server: str, case: str
) -> None:
    project, before = untouched
    path, expected = BAD_INPUT[case]
    started = time.monotonic()
    # The slow page answers after 3 s: a short limit shows the timeout; the others answer at once.
    result = track(project, f"{server}{path}", "--timeout", "0.3" if case == "timeout" else "5")
    assert time.monotonic() - started < 10
    assert result.returncode == 2, result.stdout
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr, result.stderr
    assert result.stderr.startswith(f"cannot track {server}{path}: "), result.stderr
    assert re.search(expected.format(server=re.escape(server), day=today()), result.stderr), result.stderr
    assert digests(project) == before


def test_without_a_network_it_says_so_in_one_line(untouched: tuple[Path, dict[str, str]]) -> None:
    project, before = untouched
    with contextlib.closing(__import__("socket").socket()) as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]  # nothing listens on it
    result = track(project, f"http://127.0.0.1:{port}/serverinfo.html")
    assert result.returncode == 2
    assert result.stderr == (
        f"cannot track http://127.0.0.1:{port}/serverinfo.html: cannot connect to 127.0.0.1: no network, "
        "or the server is down (Connection refused)\n"
    )
    assert digests(project) == before


def test_the_unsplittable_text_is_kept_for_inspection_at_the_line_named(tmp_path: Path, server: str) -> None:
    project = copy_project(tmp_path / "project")
    result = track(project, f"{server}/unsplittable.html")
    assert result.returncode == 2
    found = re.search(
        r"(\S+\.zh\.txt):(\d+): 4\.5: gap in clause numbering.*; the page it was extracted from is (\S+\.html)$", result.stderr
    )
    assert found, result.stderr
    extracted, line, page = Path(found.group(1)), int(found.group(2)), Path(found.group(3))
    assert extracted.parent == tmp_path / f"track-{today()}"
    assert extracted.read_text(encoding="utf-8").split("\n")[line - 1].startswith("4.5 本软件新版本发布后")
    assert page.read_bytes() == ROUTES["/unsplittable.html"]().body


# --- make import of a text already kept -------------------------------------------------------


def test_importing_the_same_text_with_a_later_date_records_a_check_not_a_version(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    before = digests(project)
    retrieval = tmp_path / "retrieved.txt"
    text = (ROOT / CURRENT_SOURCE).read_text(encoding="utf-8").replace("2022-01-23 13:43:36", "2026-01-05 10:00:00")
    retrieval.write_text(text.replace("agreement1\\_chs", "agreement1_chs"), encoding="utf-8")  # clipped without the escape
    result = run(project, "scripts.import_retrieval", str(retrieval))
    assert result.returncode == 0, result.stderr
    assert (
        "has the text of the current source (retrieved 2022-01-23): recorded as a check in source/checks.txt; no new version"
        in (result.stdout)
    )
    assert changed(before, digests(project)) == [CHECKS_FILE.as_posix()]
    digest = hashlib.sha256(retrieval.read_bytes()).hexdigest()
    assert read_checks(project) == [Check("2026-01-05", FIRST_DATE, "import", digest, line=5)]
    assert last_check(project) == LastCheck(checked="2026-01-05", unchanged_since=FIRST_DATE)
    assert [source.retrieved for source in read_retrievals(project)] == [FIRST_DATE]


def test_the_real_project_was_last_checked_when_it_was_retrieved() -> None:
    assert last_check(ROOT) == LastCheck(checked=FIRST_DATE, unchanged_since=FIRST_DATE)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("2026-12-06\t2022-01-23\ttrack", "checks.txt:2: expected four fields separated by tabs"),
        (f"2026-12-06 2022-01-23 track {'a' * 64}", "checks.txt:2: expected four fields separated by tabs"),
        (
            f"2026-13-06\t2022-01-23\ttrack\t{'a' * 64}",
            "checks.txt:2: date checked '2026-13-06' is not a date: expected YYYY-MM-DD",
        ),
        (f"2021-12-06\t2022-01-23\ttrack\t{'a' * 64}", "checks.txt:2: checked on 2021-12-06, before the retrieval of 2022-01-23"),
        (f"2026-12-06\t2022-01-23\tmanual\t{'a' * 64}", "checks.txt:2: how 'manual': expected track or import"),
        (f"2026-12-06\t2022-01-23\ttrack\t{'A' * 64}", "checks.txt:2: 'AAAA"),
    ],
)
def test_a_malformed_check_is_named_at_its_line(line: str, expected: str) -> None:
    with pytest.raises(ParseError) as error:
        parse_checks(f"# a comment\n{line}\n", Path("source/checks.txt"))
    assert str(error.value).startswith(f"source/{expected}")


def test_a_check_of_a_retrieval_not_kept_is_refused(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / CHECKS_FILE).write_text(f"2026-12-06\t2024-03-01\ttrack\t{'a' * 64}\n", encoding="utf-8")
    with pytest.raises(ParseError, match=r"checks\.txt:1: names the retrieval of 2024-03-01, which is not kept under source/"):
        last_check(project)
