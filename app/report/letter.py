"""The letter back to the children as a PDF in large type (DejaVu Sans, 16 pt and up)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import KeepTogether, SimpleDocTemplate, Spacer

from app.core.children_letter import Letter
from app.core.document.model import Letterhead
from app.core.lix import readability
from app.report import house
from app.report.fonts import register_fonts
from app.report.letterhead import draw_letterhead
from app.report.measured import Paragraph
from app.report.text import markup, plain
from app.store.atomic import write_atomic

BODY_SIZE = 16  #: points; large type for young readers and for reading aloud
INK = HexColor("#1f1f1d")


def _styles() -> dict[str, ParagraphStyle]:
    regular, bold = register_fonts()
    return {
        "title": ParagraphStyle("title", fontName=bold, fontSize=28, leading=34,
                                textColor=INK, spaceAfter=14),
        "heading": ParagraphStyle("heading", fontName=bold, fontSize=20, leading=26,
                                  textColor=INK, spaceBefore=14, spaceAfter=6),
        "body": ParagraphStyle("body", fontName=regular, fontSize=BODY_SIZE, leading=25,
                               textColor=INK, spaceAfter=8),
    }


def _paragraphs(text: str, style: ParagraphStyle) -> list[Paragraph]:
    return [Paragraph(markup(p.strip()), style) for p in text.split("\n\n") if p.strip()]


def letter_pdf(letter: Letter, head: Letterhead | None | house.Missing = house.MISSING) -> bytes:
    """The PDF's bytes; the letter's LIX is in its metadata (subject) for the record. On the
    organisation's letterhead (its profile's, unless `head` is given)."""
    head = house.letterhead() if isinstance(head, house.Missing) else head
    s = _styles()
    story: list[object] = [Paragraph(markup(letter.title), s["title"])]
    story += _paragraphs(letter.greeting, s["body"])
    for part in letter.parts:
        # A heading never ends a page alone: it stays with its first paragraph.
        paras = _paragraphs(part.text, s["body"])
        story.append(KeepTogether([Paragraph(markup(part.heading), s["heading"]), *paras[:1]]))
        story += paras[1:]
    story += [Spacer(1, 12), *_paragraphs(letter.signature, s["body"])]
    buffer = io.BytesIO()
    lix = readability(letter.prose).lix
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=2.2 * cm, rightMargin=2.2 * cm,
                            topMargin=(3 if head else 2) * cm, bottomMargin=2 * cm,
                            title=plain(letter.title),
                            subject=f"LIX {lix:.0f}", lang=letter.lang,
                            creator="bka (barnkonsekvensanalys)")
    decorate = _on_letterhead(head)
    doc.build(story, onFirstPage=decorate, onLaterPages=decorate)  # type: ignore[arg-type]
    return buffer.getvalue()



def _on_letterhead(head: Letterhead | None) -> Any:
    """Draws the logo and name at the head of each page and the contact at its foot."""
    def draw(canvas: Any, doc: Any) -> None:
        if head is None:
            return
        regular, bold = register_fonts()
        width, height = A4
        canvas.saveState()
        draw_letterhead(canvas, head, 2.2 * cm, height - 1.9 * cm, bold)
        if head.lines:
            canvas.setFont(regular, 9)
            canvas.setFillColor(INK)
            canvas.drawString(2.2 * cm, 1.2 * cm, " · ".join(head.lines)[:150])
        canvas.restoreState()
    return draw


def write_letter(letter: Letter, out: Path) -> Path:
    """The letter as PDF or DOCX, by the file's suffix; written atomically."""
    if out.suffix.lower() == ".docx":
        from app.report.letter_docx import letter_docx

        data = letter_docx(letter)
    else:
        data = letter_pdf(letter)
    write_atomic(out, data, keep_previous=False)
    return out
