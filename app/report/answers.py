"""A long text as several Paragraphs, so that platypus can break it across pages (the report's
blocks, the minutes)."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from app.report.measured import Paragraph
from app.report.styles import FRAME_WIDTH
from app.report.text import blocks, measurer


def long_text(text: object, style: ParagraphStyle, rtl_style: ParagraphStyle,
              prefix: str = "") -> list[Flowable]:
    """A long text as several Paragraphs, so platypus can break it across pages.

    `prefix` is our own markup (a bold label) put before the first paragraph.
    """
    measure = measurer(style.fontName, style.fontSize, FRAME_WIDTH - style.leftIndent - 2)
    parts = blocks(text, measure)
    if prefix and parts and not parts[0][1]:
        parts[0] = (prefix + parts[0][0], False)
    elif prefix:
        parts.insert(0, (prefix, False))
    return [Paragraph(chunk, rtl_style if rtl else style) for chunk, rtl in parts]
