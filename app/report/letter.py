"""The letter back to the children as a PDF in large type (DejaVu Sans, 16 pt and up)."""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer

from app.core.children_letter import Letter
from app.core.lix import readability
from app.report.fonts import register_fonts
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


def letter_pdf(letter: Letter) -> bytes:
    """The PDF's bytes; the letter's LIX is in its metadata (subject) for the record."""
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
                            topMargin=2 * cm, bottomMargin=2 * cm, title=plain(letter.title),
                            subject=f"LIX {lix:.0f}", lang=letter.lang,
                            creator="bka (barnkonsekvensanalys)")
    doc.build(story)  # type: ignore[arg-type]
    return buffer.getvalue()


def write_letter(letter: Letter, out: Path) -> Path:
    """The letter as PDF or DOCX, by the file's suffix; written atomically."""
    if out.suffix.lower() == ".docx":
        from app.report.letter_docx import letter_docx

        data = letter_docx(letter)
    else:
        data = letter_pdf(letter)
    write_atomic(out, data, keep_previous=False)
    return out
