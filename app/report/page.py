"""The page frame: running header with the decision, 'page X of Y', and the draft watermark."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from app.core.document.model import Letterhead
from app.report.fonts import register_fonts
from app.report.letterhead import draw_letterhead
from app.report.styles import (
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    MUTED,
    PAGE,
    RULE,
    WATERMARK,
)


@dataclass(frozen=True)
class Running:
    """What every page repeats: the decision's title, its case number, the words to use."""

    title: str  #: already cleaned and in visual order (plain(), not markup)
    case_number: str
    footer: str  #: left of the page number
    page_label: str  #: "Sida {page} av {pages}"
    watermark: str | None  #: "UTKAST" on a draft, None when complete
    letterhead: Letterhead | None = None  #: the organisation's logo and name, on every page


def make_document(target: Any, running: Running, meta: dict[str, str]) -> BaseDocTemplate:
    """An A4 document whose pages carry the running header, footer and watermark."""
    regular, _ = register_fonts()
    doc = BaseDocTemplate(
        target, pagesize=PAGE, leftMargin=MARGIN_X, rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, title=meta["title"],
        author=meta["author"], subject=meta["subject"], creator="bka", lang=meta["lang"],
        keywords=meta.get("keywords", ""), displayDocTitle=True,
        initialFontName=regular,  # else every page also names Helvetica in its resources
    )
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    doc.running = running  # type: ignore[attr-defined]
    return doc


def canvas_maker(running: Running,
                 finish: Callable[[Canvas], None] | None = None) -> type[Canvas]:
    """A canvas class that knows the page count when it decorates the pages; `finish` draws
    what only the end of the layout knows (the contents' page numbers) before it saves."""
    return type("ReportCanvas", (_NumberedCanvas,),
                {"running": running, "finish": staticmethod(finish) if finish else None})


class _NumberedCanvas(Canvas):
    """Holds each finished page until save(), when 'page X of Y' can be written.

    The standard reportlab recipe: the page count is only known at the end, and drawing the
    header then also lets the watermark go on top of tables' shaded backgrounds.
    """

    running: Running
    finish: Callable[[Canvas], None] | None = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._held: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._held)
        for state in self._held:
            self.__dict__.update(state)
            _decorate(self, self.running, total)
            super().showPage()
        if self.finish is not None:
            self.finish(self)
        super().save()


def _decorate(c: Canvas, r: Running, total: int) -> None:
    regular, bold = register_fonts()
    width, height = PAGE
    left, right = MARGIN_X, width - MARGIN_X
    top = height - 12 * mm
    c.saveState()
    # Marked as artifacts (PDF 14.8.2.2): readers that honour marked content skip the running
    # header, footer and watermark instead of reading them between the pages' text.
    _artifact(c, "Pagination")
    c.setFillColor(MUTED)
    number = _fit(r.case_number, regular, 8, (right - left) * 0.4)
    number_w = stringWidth(number, regular, 8) if number else 0
    start = left
    if r.letterhead is not None:  # the organisation's logo and name lead the header
        start = draw_letterhead(c, r.letterhead, left, top, bold) + 10
    c.setFont(bold, 8)
    c.setFillColor(MUTED)
    c.drawString(start, top, _fit(r.title, bold, 8, right - start - number_w - 12))
    c.setFont(regular, 8)
    if number:
        c.drawRightString(right, top, number)
    c.setStrokeColor(RULE)
    c.setLineWidth(0.5)
    c.line(left, top - 4, right, top - 4)
    bottom = 10 * mm
    c.line(left, bottom + 10, right, bottom + 10)
    footer = r.footer
    if r.letterhead is not None and r.letterhead.lines and c.getPageNumber() == 1:
        footer = _fit(" · ".join(r.letterhead.lines), regular, 8, (right - left) * 0.75)
    c.drawString(left, bottom, footer)
    c.drawRightString(right, bottom, r.page_label.format(page=c.getPageNumber(), pages=total))
    _end_artifact(c)
    if r.watermark:
        _artifact(c, "Background")
        c.setFillColor(WATERMARK)
        c.setFont(bold, 110)
        c.translate(width / 2, height / 2)
        c.rotate(50)
        c.drawCentredString(0, -38, r.watermark)
        _end_artifact(c)
    c.restoreState()


def _artifact(c: Canvas, kind: str) -> None:
    """Open a marked-content artifact; reportlab has no call for it, so the operator is
    written into the page's content stream directly."""
    c._code.append(f"/Artifact <</Type /{kind}>> BDC")  # type: ignore[attr-defined]


def _end_artifact(c: Canvas) -> None:
    c._code.append("EMC")  # type: ignore[attr-defined]


def _fit(text: str, font: str, size: float, width: float) -> str:
    """Cut text with an ellipsis so that it fits `width` points."""
    # A header holds far less than 200 characters: measuring only those keeps the cost per
    # page constant, however long the title (measuring it whole made the PDF quadratic).
    if len(text) <= 200 and stringWidth(text, font, size) <= width:
        return text
    text = text[:200]
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"
