"""The text of each sheet of a PDF that Chromium prints (Skia's PDF writer), for tests of what a
printout shows: no PDF library, only what Skia writes.

Skia writes plain objects (no object streams), each page's text as glyph ids in hex strings
(`<0012> Tj`, `[<00120034> 1 <0040>] TJ`) mapped to Unicode by its font's /ToUnicode CMap, or, for a
character drawn from a fallback font, inside `/Span <</ActualText <FEFF…> >> BDC … EMC`. Text comes
out in drawing order, one line per text object; margin boxes (running headers) first.
"""

from __future__ import annotations

import re
import zlib

_OBJECT = re.compile(rb"(\d+) 0 obj\n(.*?)\nendobj", re.S)
_TOKEN = re.compile(
    rb"/(\w+) [\d.]+ Tf"  # 1: font
    rb"|/Span ?<</ActualText <([0-9A-Fa-f]*)> ?>> ?BDC"  # 2: text given for what follows
    rb"|(EMC)"  # 3: end of that
    rb"|<([0-9A-Fa-f]*)> ?Tj"  # 4: a string
    rb"|\[(.*?)\] ?TJ"  # 5: strings with spacing
    rb"|(ET)",  # 6: end of a text object
    re.S,
)


def _stream(body: bytes) -> bytes:
    start = body.index(b"stream\n") + len(b"stream\n")
    data = body[start : body.rindex(b"endstream")]
    return zlib.decompress(data) if b"/FlateDecode" in body[:start] else data


def _to_unicode(cmap: bytes) -> dict[int, str]:
    mapping: dict[int, str] = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.S):
        for glyph, text in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            mapping[int(glyph, 16)] = bytes.fromhex(text.decode()).decode("utf-16-be")
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", cmap, re.S):
        for first, last, text in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            for glyph in range(int(first, 16), int(last, 16) + 1):
                mapping[glyph] = chr(int(text, 16) + glyph - int(first, 16))
    return mapping


def sheets(pdf: bytes) -> list[str]:
    """The text of each sheet, in order."""
    objects = {int(number): body for number, body in _OBJECT.findall(pdf)}
    root = int(re.search(rb"/Type /Catalog.*?/Pages (\d+) 0 R", pdf, re.S).group(1))
    order: list[int] = []

    def walk(number: int) -> None:
        body = objects[number]
        if re.search(rb"/Type /Pages\b", body):
            for kid in re.findall(rb"(\d+) 0 R", re.search(rb"/Kids \[(.*?)\]", body, re.S).group(1)):
                walk(int(kid))
        else:
            order.append(number)

    walk(root)
    texts = []
    for number in order:
        body = objects[number]
        fonts: dict[bytes, dict[int, str]] = {}
        if found := re.search(rb"/Font <<(.*?)>>", body, re.S):
            for name, ref in re.findall(rb"/(\w+) (\d+) 0 R", found.group(1)):
                cmap = re.search(rb"/ToUnicode (\d+) 0 R", objects[int(ref)])
                fonts[name] = _to_unicode(_stream(objects[int(cmap.group(1))])) if cmap else {}
        contents = re.search(rb"/Contents (\[.*?\]|\d+ 0 R)", body, re.S).group(1)
        content = b"".join(_stream(objects[int(ref)]) for ref in re.findall(rb"(\d+) 0 R", contents))
        out: list[str] = []
        font: dict[int, str] = {}
        actual = False
        for token in _TOKEN.finditer(content):
            if token.group(1):
                font = fonts.get(token.group(1), {})
            elif token.group(2) is not None:
                out.append(bytes.fromhex(token.group(2).decode()).decode("utf-16-be"))
                actual = True
            elif token.group(3):
                actual = False
            elif not actual and (token.group(4) is not None or token.group(5) is not None):
                strings = [token.group(4)] if token.group(4) is not None else re.findall(rb"<([0-9A-Fa-f]*)>", token.group(5))
                for string in strings:
                    out.append("".join(font.get(int(string[i : i + 4], 16), "") for i in range(0, len(string), 4)))
            elif token.group(6):
                out.append("\n")
        texts.append("".join(out))
    return texts


def joined(text: str) -> str:
    """A sheet's text with its line breaks and spaces removed, for finding a phrase that wraps."""
    return re.sub(r"\s+", "", text)
