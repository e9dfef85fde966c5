"""'Innehåll' in one layout pass: the contents' page numbers are written after the last page.

reportlab's TableOfContents learns the pages in a first full layout pass and writes them in a
second one, so the whole report was laid out twice. Here the contents' lines are known before
layout (the parts' titles, from the document model), so the contents has its final size in the
only pass; where each line ends, its dots and page number are a PDF form that is referenced
at once and drawn only when the canvas saves, when every part's page is known (PDF lets a
page use a form defined later; reportlab's doForm says so).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Table
from reportlab.platypus.tableofcontents import TableOfContents

from app.report.measured import Paragraph

_CALLBACK = "bkaContentsLineEnd"
DOTS = " . "


@dataclass
class ContentsPages:
    """What the contents needs from the layout, shared by the flowable, the document's
    afterFlowable hook and the canvas: each line's page and where its end was drawn."""

    pages: list[int] = field(default_factory=list)  #: part i starts on pages[i]
    ends: dict[int, tuple[float, ParagraphStyle]] = field(default_factory=dict)

    def form(self, line: int) -> str:
        return f"bkaContents{line}"

    def finish(self, canvas: Canvas) -> None:
        """Define each line's form: dots up to its page number, set right-aligned in the
        room the line left (as reportlab's drawPageNumbers does)."""
        for line, (room, style) in self.ends.items():
            number = str(self.pages[line]) if line < len(self.pages) else ""
            size = style.fontSize
            width = stringWidth(number, style.fontName, size)
            while width > room and size >= 1.0:  # too long for the room: smaller
                size *= 0.9
                width = stringWidth(number, style.fontName, size)
            dot = stringWidth(DOTS, style.fontName, size)
            dots = max(0, int((room - width) / dot))
            canvas.beginForm(self.form(line), lowerx=0, lowery=-style.leading,
                             upperx=max(room, 1.0), uppery=style.leading)
            text = canvas.beginText(room - dots * dot - width, 0)
            text.setFont(style.fontName, size)
            text.setFillColor(style.textColor)
            text.textLine(dots * DOTS + number)
            canvas.drawText(text)
            canvas.endForm()


class Contents(TableOfContents):
    """The contents with its lines given up front and its page numbers filled in at save."""

    def __init__(self, titles: list[str], pages: ContentsPages, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._titles = titles
        self._pages = pages

    def isIndexing(self) -> int:  # noqa: N802 - reportlab's name
        return 0  # nothing to learn from a pass: one build() is enough

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        pages = self._pages

        def line_end(canvas: Canvas, kind: str, label: str) -> None:
            line = int(label)
            state = canvas._curr_tx_info  # type: ignore[attr-defined]
            x, y = state["cur_x"], state["cur_y"]
            pages.ends[line] = (availWidth - x, self.getLevelStyle(0))
            canvas.saveState()
            canvas.translate(x, y)
            canvas.doForm(pages.form(line))
            canvas.restoreState()

        self.canv.setNamedCB(_CALLBACK, line_end)
        style = self.getLevelStyle(0)
        rows = [[Paragraph(f'{title}<onDraw name="{_CALLBACK}" label="{i}"/>', style)]
                for i, title in enumerate(self._titles)]
        self._table = Table(rows, colWidths=(availWidth,), style=self.tableStyle)
        self.width, self.height = self._table.wrapOn(self.canv, availWidth, availHeight)
        return self.width, self.height
