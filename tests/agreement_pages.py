"""The agreement as a CMS might serve it, made from a retrieval: for the tracking tests
(tests/test_track.py) and its measurements (dev-docs/tracking.md).

A page wraps the agreement in site chrome (a header with the site's name and navigation, a footer
with 腾讯公司 版权所有) and writes it in one of several shapes: section headings as <h2> or as bold
paragraphs, items as paragraphs or as entries of an ordered list (their number then shown by the
list, not written), indented source with &nbsp; between a clause's number and its text.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from scripts.markup import Link, runs
from scripts.source import Source
from scripts.versions import section_of_heading

_ITEM = re.compile(r"（(\d+)）")
_CLAUSE = re.compile(r"(\d+\.\d+) ")


def html_of(text: str) -> str:
    """A paragraph's runs as a CMS writes them: text escaped, links as <a>."""
    return "".join(
        f'<a href="{html.escape(run.href)}">{html.escape(run.text)}</a>'
        if isinstance(run, Link)
        else html.escape(run, quote=False)
        for run in runs(text)
    )


@dataclass(frozen=True)
class Shape:
    headings: str  # "h2" or "strong": <h2>一、…</h2> or <p><strong>一、…</strong></p>
    items: str  # "p" or "ol": （1）… as paragraphs, or <ol><li>… with the number shown by the list
    nbsp: bool = False  # &nbsp; between a clause's number and its text, and before each paragraph


SHAPES = {
    "h2-headings-p-items": Shape("h2", "p"),
    "bold-headings-list-items": Shape("strong", "ol", nbsp=True),
}


def agreement_html(source: Source, shape: Shape) -> str:
    """The agreement's paragraphs as HTML in the given shape, one element per line of source."""
    title, *paragraphs = source.body.split("\n\n")
    lines = [f'<h1 class="article-title">{html_of(title.removeprefix("# "))}</h1>']
    open_list = False
    for paragraph in paragraphs:
        item = _ITEM.match(paragraph)
        if open_list and not item:
            lines.append("</ol>")
            open_list = False
        if section_of_heading(paragraph) is not None:
            text = html_of(paragraph)
            lines.append(f"<h2>{text}</h2>" if shape.headings == "h2" else f"<p><strong>{text}</strong></p>")
        elif item and shape.items == "ol":
            if not open_list:
                lines.append('<ol class="items">')
                open_list = True
            lines.append(f"  <li>\n    {html_of(paragraph[item.end() :])}\n  </li>")
        elif paragraph == "腾讯公司":
            lines.append(f'<p style="text-align: right">{paragraph}</p>')
        else:
            text = html_of(paragraph)
            if shape.nbsp:
                text = "&nbsp;&nbsp;" + _CLAUSE.sub(r"\1&nbsp;", text, count=1)
            lines.append(f"<p>\n      {text}\n    </p>")
    if open_list:
        lines.append("</ol>")
    return "\n    ".join(lines)


def cms_page(source: Source, shape: Shape) -> str:
    """A whole page: the agreement in the given shape inside a site's header, navigation and footer."""
    title = html.escape(source.title)
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <title>{title}</title>
  <link rel="stylesheet" href="/css/site.css">
  <script>window.__CONFIG__ = {{"page": "serverinfo", "items": ["一、协议范围"]}};</script>
</head>
<body>
  <header class="site-header">
    <a class="logo" href="/"><strong>TIM</strong></a>
    <nav class="site-nav">
      <ul>
        <li><a href="/">首页</a></li>
        <li><a href="/download.html">下载</a></li>
        <li><a href="/help.html">帮助</a></li>
      </ul>
    </nav>
  </header>
  <main class="content">
    <div class="breadcrumb"><a href="/">TIM</a> &gt; 协议</div>
    <article class="agreement">
    {agreement_html(source, shape)}
    </article>
    <p class="back-to-top"><a href="#top">返回顶部</a></p>
  </main>
  <footer class="site-footer">
    <p>关于腾讯 | About Tencent | 服务协议 | 隐私政策</p>
    <p>Copyright &copy; 1998 - 2026 Tencent. All Rights Reserved.</p>
    <p>腾讯公司 版权所有</p>
  </footer>
</body>
</html>
"""
