"""The language registry: every fact about the site's two languages, in one place.

Code, HTML lang, URL root, names, citation formats and every string the reader sees outside the
agreement text. Python reads it directly; the hooks give each language's build its entry
(`config.extra.language`, with `config.extra.languages` for the other's code, lang and name), which
the templates read and pass on to the browser scripts in one JSON object (`#agreement-config`).

Typed, so that a string missing in one language is a type error (make lint), not a blank on
the page. Plain Python with no MkDocs import, like the clause model.

Placeholders in braces ({name}, {date}, …) are filled by `fill`, in Python and in the templates
(its twin in the browser: `fill` in agreement-search-button.js); each group says which it takes. A
string that holds markup is `Markup` (markupsafe's, as Jinja uses it); every other string is text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal, TypedDict

from markupsafe import Markup, escape


class CitationNames(TypedDict):
    """How a part is named in a citation and in headings: {clause} 10.1, {item} （2）, {n} 1."""

    clause: str
    item: str
    preamble: str


class SearchStrings(TypedDict):
    """The search dialog; {n} a number, {words} and {word} what was typed or found."""

    title: str
    placeholder: str
    hint: str
    results: str  # {n} parts of the agreement
    notes: str  # {n} notes found besides
    note_title: str  # a note among the results: {label} 编者注 or so, {name} its part as cited
    some: str
    none: str
    missing: str  # a cited number that no part has; {number} as typed
    unmatched: str
    nearest: str
    corrected: str  # words were left out or corrected: {words} what was searched
    exact: str  # the button that searches every word as typed: {word} the query
    via: str
    topic: str  # a result found through the subject index: {topic} the topic's title
    other_language: str
    limit: str
    loading: str
    failed: str
    retry: str
    share: str
    copied: str
    copy_failed: str
    close: str


class ClauseTools(TypedDict):
    """The tools beside each clause; {name} the part as cited, {label} the tool's own name."""

    copy_link: str  # on the current pages: the part on its section page, which shows the current text
    copy_link_dated: str  # on a permanent page: the part on that page
    copy_citation: str
    copied: str
    failed: str
    link_copied: str
    citation_copied: str
    copy_both: str  # one text: the part's citation in every language, the original first
    both_copied: str
    parallel: str
    section: str  # in a row of the parallel view: back to the part on its section page
    tool: str
    by_hand: str  # above the field that holds the text when the browser refuses the clipboard
    report: str  # a link to report a problem with the part (where the site takes reports)


class Citation(TypedDict):
    """A copied citation: {title} {date} (the retrieval's) {revised} (the English's, its record's)
    {name} {text} {url}; the ellipsis that stands for the
    items omitted before an item (after its clause's lead-in); what separates a lead-in from its
    items; the quotation marks of the text replaced by those of a quotation inside a quotation."""

    template: str
    ellipsis: str
    separator: str
    inner_quotes: dict[str, str]


class HomeStrings(TypedDict):
    """The home page after the preamble. In other_view_items, {full} {parallel} and {data} become
    those addresses, {root} and {other_root} the two languages' roots
    (as in /en/clause/10.1/); in other_language, {url} the other home page and {lang} its lang."""

    contents: str
    other_views: str
    other_view_items: list[Markup]
    provenance_heading: str
    other_language: Markup


class PrintStrings(TypedDict):
    """What a printed sheet says it is: {source} {date} the source, {url} the page."""

    status: str
    parallel: str
    source: str
    page: str


class VersionStrings(TypedDict):
    """The versions page (scripts/pages.py): {date} a retrieval date, {source} the source's link,
    {changed} {added} {removed} counts, {n} {section}. The English's records (translations):
    {date} a record's date, {retrieved} the retrieval it translates, {previous} the record before,
    {n} the parts whose English differs from it."""

    current: str
    retrieved: str
    first: str
    summary: str
    changed: str
    added: str
    removed: str
    before: str
    after: str
    english_before: str
    english_after: str
    title: str
    heading: str
    paragraph: str
    translations: str
    translation_first: str
    translation: str
    translation_read: str


class ParallelStrings(TypedDict):
    """The parallel view; {title} a section's title. column: the heading of this language's
    column; cell: the short name on each of its cells."""

    sections: str
    all: str
    section_title: str
    intro: str
    pages: str
    previous: str
    next: str
    pager: str
    column: str
    cell: str


class GlossaryStrings(TypedDict):
    columns: tuple[str, str, str, str, str]
    kinds: dict[str, str]  # a term's kind (translation/glossary.md) → its name here
    title: str  # a term found in the agreement's title
    separator: str  # between the places a term occurs
    filter: str  # the filter's label
    shown: str  # how many rows the filter shows: {n} of {total}
    none: str  # the filter matches no row
    link: str  # a defined term's note in the text: the link to its row


class ShortLinkStrings(TypedDict):
    """The redirect page of a short link (/clause/10.1/): {name} the part as cited, {title} the site's name."""

    description: str
    going: str


class NoteStrings(TypedDict):
    """How a note introduces itself after its clause: it names its part and says it is not
    agreement text: {label} (a link to the note on the notes page), {name} (a link to its part),
    {text}. toggle: the button that shows or hides every note; preamble: the notes page's heading
    for the preamble's notes."""

    editor: str
    translator: str
    format: str
    toggle: str
    preamble: str


class AddressStrings(TypedDict):
    """A fragment that names a part the agreement lacks (#10.9): {number} as written; then links
    to the nearest parts."""

    missing: str
    nearest: str
    elsewhere: str  # the page not found: {link} the page meant


class NotFoundStrings(TypedDict):
    """The 404 page (HTML): {home} the language's home page as served (/en/, /tim/en/). other: a
    line in the other language (marked so) for a reader who reached this one by mistake; {home}
    there the other language's home page."""

    title: str
    text: Markup
    other: Markup


class RecordStrings(TypedDict):
    """The record over time. status: the line at the top of every page and in the print header,
    {since} the current text's retrieval date, {check} `checked` or `unchecked`, {more} a link to
    the full statement (`more`), {original} (translations) a link to the page in the original.
    checked, unchecked: {checked} the last day the source was seen to carry the text, {since} the
    date of the retrieval that brought it; current: {check} one of them, on the versions page. The permanent pages of
    a retrieval: {date} its date, {link} a link to the current text; of a record of the English
    (version_english, english_superseded): {revised} or {date} the record's date, {date} the retrieval's. On the versions page: {links}
    a version's pages, {link} a file, {hash} its SHA-256, {file} its name."""

    status: str
    checked: str
    unchecked: str
    current: str
    more: str
    version: str
    version_english: str
    version_current: str
    version_superseded: str
    english_superseded: str
    sentence_space: str  # between two sentences: none in Chinese, a space in English
    addresses: str  # on the versions page: {original} {translation} {page} example addresses
    version_contents: str
    no_english: str
    read: str
    source_file: str
    snapshot_file: str
    verify: Markup
    feed: str


class FeedStrings(TypedDict):
    """The Atom feeds (scripts/feeds.py): {site} the site's name, {title} a section's title, {name}
    a part as cited, {date} a date. first: the entry for the first retrieval kept; translation: a
    revision of the English while the Chinese stood still."""

    title: str
    section_title: str
    subtitle: str
    first: str
    first_text: str
    change: str
    translation: str


class DataStrings(TypedDict):
    """The /data/ page's table (scripts/pages.py): what each file holds, by its kind; {language} a
    language's name (from `languages`, in this page's language), {date} a retrieval's date,
    {section} a section's title."""

    columns: tuple[str, str, str, str, str]
    kinds: dict[str, str]
    languages: dict[str, str]
    whole: str  # a feed of the whole agreement: what `feed` says of it as {section}
    kib: str  # a size: {n} kibibytes


class Strings(TypedDict):
    search: SearchStrings
    clause_tools: ClauseTools
    citation: Citation
    home: HomeStrings
    original_link: str  # on a translation's page, the text of its link to the same page in the original
    print: PrintStrings
    versions: VersionStrings
    parallel: ParallelStrings
    glossary: GlossaryStrings
    short_link: ShortLinkStrings
    notes: NoteStrings
    address: AddressStrings
    not_found: NotFoundStrings
    record: RecordStrings
    feed: FeedStrings
    data: DataStrings


@dataclass(frozen=True)
class Language:
    code: str  # its folder under docs/ and the i18n plugin's locale
    html_lang: str  # <html lang>, hreflang, and lang= on its text inside the other's pages
    root: str  # where its pages are published: the original at the site root
    name: str  # in the language menu, in the language itself
    # How its agreement text is written (scripts/clauses.py reads the pages by these; the search
    # and the versions page compare Han text by character and Latin text by word).
    script: Literal["han", "latin"]
    section_numerals: Literal["chinese", "arabic"]  # a section heading's number: 十、… or 10. …
    section_example: str  # a section heading as written, for error messages
    item_label: str  # an item's number as written; {n} the number
    space_after_item: bool  # whether an item's number is followed by a space
    site_name: str
    site_description: str
    home: str  # the home page's entry in the navigation
    scheme_toggles: tuple[str, str]  # the colour scheme toggles' names, in mkdocs.yml's palette order
    citation_names: CitationNames
    # What this edition is, on both home pages, in every footer and in clauses.json: {source} the
    # source's address, {date} the retrieval date.
    edition: str
    strings: Strings


CHINESE = Language(
    code="zh",
    html_lang="zh-Hans",
    root="/",
    name="中文",
    script="han",
    section_numerals="chinese",
    section_example="十、用户行为",
    item_label="（{n}）",
    space_after_item=False,
    site_name="TIM软件许可及服务协议",
    site_description="TIM软件许可及服务协议的中文原文与英文参考译本，逐条可链接、可检索。",
    home="首页",  # not the site's name again: the navigation's title already says it
    scheme_toggles=("切换到深色模式", "切换到浅色模式"),
    # 条 is the agreement's numbered section (一、…), 款 its clause (3.1), 项 the item: 10.2 calls
    # 10.1 前款 (translation/notes.yml, at 3.3).
    citation_names={"clause": "第{clause}款", "item": "第{clause}款第{item}项", "preamble": "序言第{n}段"},
    edition=(
        "本站中文文本逐字取自 {source}，获取日期 {date}；腾讯此后可能已修改该协议，请以来源页面核对。"
        "英文为本站制作的非官方参考译本，与腾讯无关联，亦未经腾讯认可；两种文本如有不一致，以中文原文为准。"
    ),
    strings={
        "search": {
            "title": "搜索协议条款",
            "placeholder": "词语、问题或编号，如：反向工程",
            "hint": '可输入问题、有错别字的词或英文；用引号 "…" 只搜索完整短语。最多 200 个字符。',
            "results": "找到 {n} 条",
            "notes": "另有注释 {n} 条。",
            "note_title": "{name}的{label}",
            "some": "没有条款包含全部词语；以下 {n} 条包含其中大部分。",
            "none": "没有找到条款。",
            "missing": "本协议没有“{number}”。",
            "unmatched": "未找到：{words}",
            "nearest": "相近的词：",
            "corrected": "已搜索：“{words}”。",
            "exact": "仍搜索“{word}”",
            "via": "通过英文译文找到：",
            "topic": "主题：{topic}",
            "other_language": "在英文译文中搜索",
            "limit": "只搜索前 {n} 个字符。",
            "loading": "正在载入索引…",
            "failed": "无法载入搜索索引。",
            "retry": "重试",
            "share": "复制本次搜索的链接",
            "copied": "已复制链接",
            "copy_failed": "无法复制链接",
            "close": "关闭",
        },
        "clause_tools": {
            "copy_link": "复制现行文本的链接",
            "copy_link_dated": "复制此注明日期文本的链接",
            "copy_citation": "复制引用（含永久地址）",
            "copied": "已复制",
            "failed": "无法复制",
            "link_copied": "已复制{name}的链接",
            "citation_copied": "已复制{name}的引用（含永久地址）",
            "copy_both": "复制中英文引用（含永久地址）",
            "both_copied": "已复制{name}的中英文引用（含永久地址）",
            "parallel": "中英对照",
            "section": "回到本节页面",
            "tool": "{label}：{name}",
            "by_hand": "浏览器不允许自动复制。以下文字已选中，请手动复制：",
            "report": "报告问题",
        },
        "citation": {
            "template": "《{title}》（{date}获取的文本）{name}：“{text}”\n{url}",
            "ellipsis": "……",
            "separator": "",
            "inner_quotes": {"“": "‘", "”": "’", "‘": "“", "’": "”"},
        },
        "home": {
            "contents": "目录",
            "other_views": "其他形式",
            "other_view_items": [
                Markup('<a href="{full}">全文</a>：整份协议在一页上，便于通读和打印。'),
                Markup('<a href="{parallel}">中英对照</a>：中文原文与英文译本逐条并列。'),
                Markup(
                    "短链接：<code>{root}clause/10.1/</code> 直接跳转到第10.1款（<code>{other_root}clause/10.1/</code> 为英文）。"
                ),
                Markup(
                    '<a href="{data}">数据文件</a>：<code>clauses.json</code>（全部条款的中英文机器可读数据）、'
                    "TMX、TBX、Akoma Ntoso、XLIFF、原文文件与变更订阅，附大小和 SHA-256。"
                ),
            ],
            "provenance_heading": "本版本",
            "other_language": Markup(
                '<a href="{url}" hreflang="{lang}" lang="{lang}">Read the English reference translation</a>'
                ' <span lang="{lang}">(unofficial; the Chinese original prevails)</span>'
            ),
        },
        "original_link": "",  # the original's pages need none
        "print": {
            "status": "中文原文（两种文本如有不一致，以中文原文为准）",
            "parallel": "中英对照（两种文本如有不一致，以中文原文为准）",
            "source": "来源：{source}，获取于 {date}",
            "page": "本页：{url}",
        },
        "versions": {
            "current": "（现行文本）",
            "retrieved": "来源：{source}，获取于 {date}。",
            "first": "本站保存的第一个版本。",
            "summary": "与 {date} 的版本相比：改动 {changed} 处，新增 {added} 处，删除 {removed} 处。",
            "changed": "改动",
            "added": "新增",
            "removed": "删除",
            "before": "原文",
            "after": "现文",
            "english_before": "英文原译",
            "english_after": "英文现译",
            "title": "协议标题",
            "heading": "第{n}条标题",
            "paragraph": "第{section}条无编号段落{n}",
            "translations": "英文参考译本的各次修订",
            "translation_first": "{date}：首次记录的英文译本，译自 {retrieved} 获取的文本。",
            "translation": "{date}：与 {previous} 的译本相比，{n} 处英文有修订；译自 {retrieved} 获取的文本。",
            "translation_read": "阅读该译本（英文）",
        },
        "parallel": {
            "sections": "跳转到",
            "all": "全部条款对照",
            "section_title": "{title}（中英对照）",
            "intro": "中文原文与英文参考译本逐条对照；两者如有不一致，以中文原文为准。",
            "pages": "单独阅读本节：",
            "previous": "上一节",
            "next": "下一节",
            "pager": "各节对照",
            "column": "中文原文（以此为准）",
            "cell": "中文",
        },
        "glossary": {
            "columns": ("中文", "英文", "类别", "用法说明（英文）", "出现于"),
            "kinds": {"defined term": "定义术语", "title": "文件名称", "name": "名称", "term": "术语"},
            "title": "协议标题",
            "separator": "、",
            "filter": "筛选术语",
            "shown": "显示 {total} 个术语中的 {n} 个",
            "none": "没有术语与之相符",
            "link": "见术语表",
        },
        "short_link": {"description": "{title}{name}的短链接。", "going": "正在前往"},
        "notes": {
            "editor": "编者注",
            "translator": "译者注",
            "format": "{label}（{name}，不属于协议文本）：{text}",
            "toggle": "显示注释",
            "preamble": "序言",
        },
        "address": {"missing": "本协议没有“{number}”。", "nearest": "最接近的部分：", "elsewhere": "您要找的也许是 {link}。"},
        "not_found": {
            "title": "找不到该页面",
            "text": Markup(
                "本站没有这个地址的页面。条款的短链接形如 <code>{home}clause/10.1/</code>（第10.1款）或 "
                "<code>{home}clause/10.1-2/</code>（第10.1款第（2）项）：请核对编号，或从"
                '<a href="{home}#contents">首页的目录</a>查找，也可以使用页面顶部的搜索。'
            ),
            "other": Markup('Page not found. <a href="{home}">Read the English reference translation</a>.'),
        },
        "record": {
            "status": "中文原文：{check}。英文为非官方参考译本（{revised} 修订），仅供参考，不具法律效力；以中文原文为准。{original}{more}",
            "checked": "{checked} 与来源核对；自 {since} 起未变",
            "unchecked": "{since} 获取；此后尚未与来源核对",
            "current": "现行中文文本：{check}。",
            "more": "关于本版本",
            "version": "本页是 {date} 获取的中文原文，地址永久不变，所载文字不再更改。",
            "version_english": "本页是 {date} 获取的协议文本的非官方英文参考译本（{revised} 修订），地址永久不变，所载文字不再更改；两种文本如有不一致，以中文原文为准。",
            "version_current": "这是本站保存的最新文本。",
            "version_superseded": "该文本已于 {date} 被新获取的文本取代；现行文本：{link}。",
            "english_superseded": "该译本已于 {date} 再次修订；现行文本：{link}。",
            "sentence_space": "",
            "addresses": "本站保存的每一文本都有注明日期的永久地址：获取的中文原文（{original}），英文译本的每次修订（{translation}）。复制的引用注明该地址，所引文字在该地址不再改变；页面本身的地址（{page}）始终显示现行文本。",
            "version_contents": "该版本各页",
            "no_english": "该版本的英文译本未作记录。",
            "read": "阅读该版本：{links}",
            "source_file": "获取的原始文件：{link}（SHA-256：{hash}）",
            "snapshot_file": "抓取的原始网页：{link}（SHA-256：{hash}）",
            "verify": Markup(
                "核对文件：下载后运行 <code>sha256sum {file}</code>（Windows：<code>certutil -hashfile {file} SHA256</code>），"
                "结果应与此处的 SHA-256 相同。"
            ),
            "feed": "以 Atom 订阅变更",
        },
        "feed": {
            "title": "{site}：变更",
            "section_title": "{site}：{title} 的变更",
            "subtitle": "中文原文的每次改动（每次获取的文本之间），以及中文未变时英文译本的修订。",
            "first": "首次保存的文本：{date} 获取",
            "first_text": "本站保存的第一个版本，{date} 获取。",
            "change": "{kind}：{name}（{date} 获取的文本）",
            "translation": "英文译本修订：{name}（{date}）",
        },
        "data": {
            "columns": ("文件", "格式", "内容", "大小", "SHA-256"),
            "kinds": {
                "agreement": "全部条款的中英文，机器可读",
                "schema": "clauses.json 的格式",
                "tmx": "翻译记忆：每个部分的中文与英文对齐（供 CAT 工具使用）",
                "akn": "{language}协议文本（以中文原文为准；英文为非官方参考译本）",
                "tbx": "术语库：词汇表的每一行",
                "xliff": "供修订的英文译本（中文已改而英文未确认的部分标为待审）",
                "source": "{date} 获取的原文文件，照原样保存",
                "snapshot": "{date} 抓取的原始网页，照原样保存",
                "feed": "变更订阅（{language}）：{section}",
            },
            "languages": {"zh": "中文", "en": "英文"},
            "whole": "整份协议",
            "kib": "{n} KiB",
        },
    },
)

ENGLISH = Language(
    code="en",
    html_lang="en",
    root="/en/",
    name="English",
    script="latin",
    section_numerals="arabic",
    section_example="10. User Conduct",
    item_label="({n})",
    space_after_item=True,
    site_name="TIM Software License and Service Agreement",
    site_description=(
        "The TIM Software License and Service Agreement, Chinese original and English reference translation, "
        "every clause linkable and searchable."
    ),
    home="Home",
    scheme_toggles=("Switch to dark mode", "Switch to light mode"),
    citation_names={"clause": "clause {clause}", "item": "clause {clause}{item}", "preamble": "preamble, paragraph {n}"},
    edition=(
        "The Chinese text on this site is taken word for word from {source}, as retrieved on {date}; Tencent may have "
        "changed the agreement since, so check the source. The English text is an unofficial reference translation made "
        "for this site; it is not affiliated with or endorsed by Tencent. Where the two differ, the Chinese original prevails."
    ),
    strings={
        "search": {
            "title": "Search the agreement",
            "placeholder": "Words, a question or a number: 10.1(2)",
            "hint": (
                'Questions, misspelt words and Chinese work too; put a phrase in quotes "…" to match it exactly. '
                "Up to 200 characters."
            ),
            "results": "{n} found",
            "notes": "Notes found: {n}.",
            "note_title": "{label} on {name}",
            "some": "No clause contains every word. Closest matches: {n}.",
            "none": "Nothing found.",
            "missing": "The agreement has no “{number}”.",
            "unmatched": "Not found: {words}",
            "nearest": "Nearest words:",
            "corrected": "Searched for: {words}.",
            "exact": "Search for “{word}” exactly",
            "via": "Found through the Chinese original: ",
            "topic": "Topic: {topic}",
            "other_language": "Search the Chinese original",
            "limit": "Only the first {n} characters are searched.",
            "loading": "Loading the index…",
            "failed": "The search index could not be loaded.",
            "retry": "Try again",
            "share": "Copy a link to this search",
            "copied": "Link copied",
            "copy_failed": "Could not copy the link",
            "close": "Close",
        },
        "clause_tools": {
            "copy_link": "Copy link to the current text",
            "copy_link_dated": "Copy link to this dated text",
            "copy_citation": "Copy citation, with its permanent address",
            "copied": "Copied",
            "failed": "Could not copy",
            "link_copied": "Link to {name} copied",
            "citation_copied": "Citation of {name} copied, with its permanent address",
            "copy_both": "Copy citation in both languages, with their permanent addresses",
            "both_copied": "Citation of {name} in both languages copied, with their permanent addresses",
            "parallel": "Side by side with the Chinese",
            "section": "Back to the section page",
            "tool": "{label}: {name}",
            "by_hand": "The browser did not allow copying. The text below is selected: copy it by hand.",
            "report": "Report a problem",
        },
        "citation": {
            "template": (
                "{title} (as retrieved on {date}), {name} (unofficial English reference translation, "
                'as revised on {revised}; the Chinese original prevails): "{text}"\n{url}'
            ),
            "ellipsis": " … ",
            "separator": " ",
            "inner_quotes": {'"': "'", "“": "‘", "”": "’"},
        },
        "home": {
            "contents": "Contents",
            "other_views": "Other ways to read it",
            "other_view_items": [
                Markup('<a href="{full}">Full text</a>: the whole agreement on one page, to read through or print.'),
                Markup('<a href="{parallel}">Parallel text</a>: the Chinese original and the English translation side by side.'),
                Markup(
                    "Short links: <code>{root}clause/10.1/</code> opens clause 10.1 (<code>{other_root}clause/10.1/</code> in Chinese)."
                ),
                Markup(
                    '<a href="{data}">Data files</a>: <code>clauses.json</code> (every clause in both languages, '
                    "machine-readable), TMX, TBX, Akoma Ntoso, XLIFF, the retrievals as kept and the feeds, with their size and SHA-256."
                ),
            ],
            "provenance_heading": "About this edition",
            "other_language": Markup(
                '<a href="{url}" hreflang="{lang}" lang="{lang}">阅读中文原文</a> (read the Chinese original, which prevails)'
            ),
        },
        "original_link": "阅读本页中文原文",
        "print": {
            "status": "English reference translation as revised on {revised} (unofficial, for reference only; the Chinese original prevails)",
            "parallel": "Chinese and English side by side (the Chinese original prevails)",
            "source": "Source: {source}, retrieved {date}",
            "page": "This page: {url}",
        },
        "versions": {
            "current": "(current text)",
            "retrieved": "Source: {source}, retrieved {date}.",
            "first": "The first version kept on this site.",
            "summary": "Since the version of {date}: {changed} changed, {added} added, {removed} removed.",
            "changed": "Changed",
            "added": "Added",
            "removed": "Removed",
            "before": "Chinese before",
            "after": "Chinese now",
            "english_before": "English before",
            "english_after": "English now",
            "title": "The title",
            "heading": "Heading of section {n}",
            "paragraph": "Unnumbered paragraph {n} of section {section}",
            "translations": "The English reference translation, revision by revision",
            "translation_first": "{date}: the first English recorded, translating the text retrieved on {retrieved}.",
            "translation": "{date}: {n} parts worded differently from the English of {previous}; translating the text retrieved on {retrieved}.",
            "translation_read": "Read this English",
        },
        "parallel": {
            "sections": "Go to",
            "all": "All sections side by side",
            "section_title": "{title}: Chinese and English side by side",
            "intro": (
                "The Chinese original and the English reference translation, clause by clause. "
                "Where they differ, the Chinese original prevails."
            ),
            "pages": "This section on its own:",
            "previous": "Previous section",
            "next": "Next section",
            "pager": "Sections side by side",
            "column": "English reference translation",
            "cell": "English",
        },
        "glossary": {
            "columns": ("Chinese", "English", "Kind", "Note on usage", "Occurs in"),
            "kinds": {"defined term": "defined term", "title": "title", "name": "name", "term": "term"},
            "title": "Title of the agreement",
            "separator": "; ",
            "filter": "Filter the terms",
            "shown": "{n} of {total} terms shown",
            "none": "No term matches",
            "link": "In the glossary",
        },
        "short_link": {
            "description": "Short link to {name} of the {title}.",
            "going": "Going to",
        },
        "notes": {
            "editor": "Editor's note",
            "translator": "Translator's note",
            "format": "{label} on {name} (not part of the agreement): {text}",
            "toggle": "Show notes",
            "preamble": "Preamble",
        },
        "address": {
            "missing": "The agreement has no “{number}”.",
            "nearest": "Nearest parts:",
            "elsewhere": "Perhaps you meant {link}.",
        },
        "not_found": {
            "title": "Page not found",
            "text": Markup(
                "There is no page at this address. Short links to the agreement look like <code>{home}clause/10.1/</code> "
                "(clause 10.1) or <code>{home}clause/10.1-2/</code> (clause 10.1(2)): check the number, or find the clause "
                'from the <a href="{home}#contents">contents on the home page</a> or with the search at the top of the page.'
            ),
            "other": Markup('找不到该页面。<a href="{home}">阅读中文原文</a>。'),
        },
        "record": {
            "status": (
                "Chinese original: {check}. The English is an unofficial reference translation, as revised on {revised}, "
                "for reference only and without legal effect; the Chinese original prevails. {original} · {more}"
            ),
            "checked": "checked against the source on {checked}; unchanged since {since}",
            "unchecked": "retrieved on {since}; not checked against the source since",
            "current": "The current Chinese text: {check}.",
            "more": "About this edition",
            "version": "This page is the agreement as retrieved on {date}, at a permanent address: its words do not change.",
            "version_english": (
                "This page is the unofficial English reference translation, as revised on {revised}, of the agreement "
                "as retrieved on {date}, at a permanent address: its words do not change. For reference only; the "
                "Chinese original prevails."
            ),
            "version_current": "It is the newest text kept on this site.",
            "version_superseded": "It was superseded by a later retrieval on {date}; the current text: {link}.",
            "english_superseded": "The English was revised again on {date}; the current text: {link}.",
            "sentence_space": " ",
            "addresses": (
                "Each text kept here has a permanent address that names its date: the Chinese as retrieved "
                "({original}), and each revision of the English ({translation}). A copied citation names it, so the "
                "words it quotes stay at its address; a page's own address ({page}) always shows the current text."
            ),
            "version_contents": "The pages of this version",
            "no_english": "The English of this version was not recorded.",
            "read": "Read this version: {links}",
            "source_file": "The retrieval as kept: {link} (SHA-256: {hash})",
            "snapshot_file": "The page as fetched: {link} (SHA-256: {hash})",
            "verify": Markup(
                "To verify a file, download it and run <code>sha256sum {file}</code> (Windows: "
                "<code>certutil -hashfile {file} SHA256</code>); the result must equal its SHA-256 here."
            ),
            "feed": "Changes as an Atom feed",
        },
        "feed": {
            "title": "{site}: changes",
            "section_title": "{site}: changes to {title}",
            "subtitle": "Every change of the Chinese original between retrievals, and each revision of the English translation while the Chinese stood still.",
            "first": "First text kept: retrieved on {date}",
            "first_text": "The first version kept on this site, retrieved on {date}.",
            "change": "{kind}: {name} (text retrieved on {date})",
            "translation": "Translation corrected: {name} ({date})",
        },
        "data": {
            "columns": ("File", "Format", "What it holds", "Size", "SHA-256"),
            "kinds": {
                "agreement": "Every part in both languages, machine-readable",
                "schema": "The format of clauses.json",
                "tmx": "Translation memory: every part, Chinese and English aligned (for CAT tools)",
                "akn": "The agreement in {language} (the Chinese original prevails; the English is an unofficial reference translation)",
                "tbx": "Termbase: every row of the glossary",
                "xliff": "The English for revision (parts whose Chinese changed since the English was confirmed are marked for review)",
                "source": "The retrieval of {date}, as kept",
                "snapshot": "The page fetched on {date}, as fetched",
                "feed": "Changes ({language}): {section}",
            },
            "languages": {"zh": "Chinese", "en": "English"},
            "whole": "the whole agreement",
            "kib": "{n} KiB",
        },
    },
)

# The original first: its text prevails, it is published at the site root, and the check
# compares every other language with it.
REGISTRY: dict[str, Language] = {language.code: language for language in (CHINESE, ENGLISH)}
LANGUAGES = tuple(REGISTRY)
REFERENCE_LANGUAGE = LANGUAGES[0]
HTML_LANG = {code: language.html_lang for code, language in REGISTRY.items()}


class TemplateEntry(TypedDict):
    """A language as the templates read it (config.extra.language, config.extra.languages)."""

    code: str
    html_lang: str
    root: str
    name: str
    edition: str
    strings: Strings


def template_entry(language: Language) -> TemplateEntry:
    return {
        "code": language.code,
        "html_lang": language.html_lang,
        "root": language.root,
        "name": language.name,
        "edition": language.edition,
        "strings": language.strings,
    }


_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def fill(template: str, **values: str) -> str:
    """A string of the registry with its {placeholders} filled in one pass: a value that itself
    holds braces (a clause's text, an address) is never read as a placeholder; an unknown
    placeholder is left as written (as `fill` in agreement-search-button.js does in the browser).

    Markup in, markup out: when the string or a value is Markup, the result is Markup, with
    every part that was text escaped. So a template can fill a text string with a link, or a
    markup string with text, and neither is read the wrong way."""
    if isinstance(template, Markup) or any(isinstance(value, Markup) for value in values.values()):
        escaped = {key: escape(value) for key, value in values.items()}
        return Markup(_PLACEHOLDER.sub(lambda match: escaped.get(match[1], match[0]), escape(template)))
    return _PLACEHOLDER.sub(lambda match: values.get(match[1], match[0]), template)
