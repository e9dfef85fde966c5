"""Runs of text in a Word paragraph: the model's spans with their tone, and Word fields.

Shared by the report's body and its tables (docx_render, docx_table).
"""

from __future__ import annotations

from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from app.core.document.model import Inline, Span

MUTED = RGBColor(0x5B, 0x5B, 0x57)
TONE = {"serious": RGBColor(0xA4, 0x26, 0x2C), "warning": RGBColor(0x8A, 0x5A, 0x12),
        "positive": RGBColor(0x2B, 0x6C, 0xB0), "negative": RGBColor(0xC2, 0x57, 0x1A)}


def add_field(paragraph: Any, code: str) -> None:
    run = paragraph.add_run()
    run.font.size = Pt(8)
    begin, text, end = OxmlElement("w:fldChar"), OxmlElement("w:instrText"), OxmlElement(
        "w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {code} "
    end.set(qn("w:fldCharType"), "end")
    for part in (begin, text, end):
        run._r.append(part)


def add_run(paragraph: Any, text: str, *, bold: bool = False, size: float | None = None,
         colour: RGBColor | None = None) -> Any:
    run = paragraph.add_run(text)
    run.bold = bold or None
    if size:
        run.font.size = Pt(size)
    if colour is not None:
        run.font.color.rgb = colour
    return run


def add_spans(paragraph: Any, content: Inline) -> None:
    for span in content:
        add_span(paragraph, span)


def add_span(paragraph: Any, span: Span) -> None:
    colour = TONE[span.tone] if span.tone else MUTED if span.muted else None
    for i, line in enumerate(span.text.split("\n")):
        if i:
            paragraph.add_run().add_break()
        if line:
            add_run(paragraph, line, bold=span.strong, colour=colour)
