"""The text of each sheet of a PDF that Chromium prints, and the rectangles it fills, read with
pdfminer.six, for tests of what a printout shows.

pdfminer reads the file (objects, streams, fonts, their /ToUnicode maps). One thing it leaves to
its caller: marked content. Chromium's PDF writer puts a character whose glyph the font shares
with another code point (文 drawn with the glyph of the Kangxi radical ⽂, 户 with 戶's, 民 with
⺠'s in Noto CJK) inside `/Span <</ActualText (文)>> BDC … EMC`, the text a reader should get
instead of what the glyph maps to (PDF 32000-1, 14.9.4). pdfminer reports those spans through
its device interface (begin_tag, end_tag); the device below applies them.
"""

from __future__ import annotations

import io
import logging
import re
from typing import Any

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LTChar, LTPage, LTRect
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.psparser import PSLiteral

# pdfminer warns about each of Chromium's subset fonts without a bounding box; it is not needed here.
logging.getLogger("pdfminer").setLevel(logging.ERROR)


class _ActualTextDevice(PDFPageAggregator):
    """Collects each page's characters in drawing order, with /ActualText applied: the span's text
    on its first character, nothing on the others."""

    def __init__(self, resources: PDFResourceManager) -> None:
        super().__init__(resources, laparams=None)
        self._actual: str | None = None
        self._first = False

    def begin_tag(self, tag: PSLiteral, props: Any = None) -> None:
        text = props.get("ActualText") if isinstance(props, dict) else None
        if tag.name == "Span" and isinstance(text, bytes):
            # A PDF text string: UTF-16 with its byte order mark, or PDFDocEncoding (ASCII here).
            self._actual = text.decode("utf-16") if text.startswith(b"\xfe\xff") else text.decode("latin-1")
            self._first = True

    def end_tag(self) -> None:
        self._actual = None

    def render_char(self, *args: Any, **kwargs: Any) -> float:
        advance: float = super().render_char(*args, **kwargs)
        if self._actual is not None:
            character = self.cur_item._objs[-1]
            assert isinstance(character, LTChar)  # the one that super().render_char has just added
            character._text = self._actual if self._first else ""
            self._first = False
        return advance


def _layouts(pdf: bytes) -> list[LTPage]:
    """Each sheet's layout: its characters (with /ActualText applied) and shapes, in drawing order."""
    resources = PDFResourceManager()
    device = _ActualTextDevice(resources)
    interpreter = PDFPageInterpreter(resources, device)
    layouts = []
    for sheet in PDFPage.get_pages(io.BytesIO(pdf)):
        interpreter.process_page(sheet)
        layouts.append(device.get_result())
    return layouts


def sheets(pdf: bytes) -> list[str]:
    """The text of each sheet, in drawing order (margin boxes, the running header, first)."""
    return ["".join(item.get_text() for item in layout if isinstance(item, LTChar)) for layout in _layouts(pdf)]


def top_lines(pdf: bytes, sheet: int, margin: float = 60) -> list[str]:
    """The lines of text in a sheet's top margin (the running header), top first: its characters
    grouped by baseline, each line read left to right."""
    layout = _layouts(pdf)[sheet]
    lines: dict[int, list[LTChar]] = {}
    for item in layout:
        if isinstance(item, LTChar) and item.y0 > layout.height - margin:
            lines.setdefault(round(item.y0), []).append(item)
    return ["".join(c.get_text() for c in sorted(line, key=lambda c: c.x0)) for _, line in sorted(lines.items(), reverse=True)]


def filled_rectangles(pdf: bytes) -> list[tuple[float, float, tuple[float, ...]]]:
    """The filled rectangles drawn on every sheet: width and height in points, and the fill colour
    (gray: one value, RGB: three, each 0 to 1)."""
    found = []
    for layout in _layouts(pdf):
        for item in layout:
            if isinstance(item, LTRect) and item.fill:
                colour = item.non_stroking_color
                if isinstance(colour, tuple):
                    values: tuple[float, ...] = tuple(float(value) for value in colour if isinstance(value, (int, float)))
                else:
                    values = (float(colour),) if isinstance(colour, (int, float)) else (0.0,)
                found.append((item.width, item.height, values))
    return found


def joined(text: str) -> str:
    """A sheet's text with its line breaks and spaces removed, for finding a phrase that wraps."""
    return re.sub(r"\s+", "", text)
