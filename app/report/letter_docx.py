"""The letter back to the children as DOCX (python-docx), for an official who edits in Word."""

from __future__ import annotations

import io

from docx.shared import Pt

from app.core.children_letter import Letter
from app.core.document.model import Letterhead
from app.core.lix import readability
from app.report import house
from app.report.text import clean
from app.report.word_letterhead import contact_footer, letterhead_header
from app.report.word_page import a4_document

BODY_SIZE = 16


def letter_docx(letter: Letter,
                head: Letterhead | None | house.Missing = house.MISSING) -> bytes:
    """The letter in Word, on the organisation's letterhead (its profile's unless given)."""
    head = house.letterhead() if isinstance(head, house.Missing) else head
    doc = a4_document()
    if head is not None:
        letterhead_header(doc, head)
        contact_footer(doc, head)
    normal = doc.styles["Normal"]
    normal.font.name = "DejaVu Sans"  # type: ignore[attr-defined]
    normal.font.size = Pt(BODY_SIZE)  # type: ignore[attr-defined]
    for name, size in (("Title", 28), ("Heading 1", 20)):
        doc.styles[name].font.size = Pt(size)  # type: ignore[attr-defined]
    doc.core_properties.title = clean(letter.title)
    doc.core_properties.subject = f"LIX {readability(letter.prose).lix:.0f}"
    doc.core_properties.language = letter.lang
    doc.add_heading(clean(letter.title), level=0)
    _paragraphs(doc, letter.greeting)
    for part in letter.parts:
        doc.add_heading(clean(part.heading), level=1)
        _paragraphs(doc, part.text)
    _paragraphs(doc, letter.signature)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _paragraphs(doc: object, text: str) -> None:
    for para in text.split("\n\n"):
        if para.strip():
            doc.add_paragraph(clean(para.strip()))  # type: ignore[attr-defined]
