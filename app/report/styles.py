"""Page geometry, colours and paragraph and table styles: one calm, printable look."""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import TableStyle

from app.report.fonts import register_fonts

PAGE = A4
MARGIN_X = 20 * mm
MARGIN_TOP = 22 * mm  # room for the running header
MARGIN_BOTTOM = 20 * mm  # room for the page number
FRAME_WIDTH = PAGE[0] - 2 * MARGIN_X
FRAME_HEIGHT = PAGE[1] - MARGIN_TOP - MARGIN_BOTTOM

INK = colors.HexColor("#1d1d1b")
MUTED = colors.HexColor("#5b5b57")
COMMENT = colors.HexColor("#3a3a36")  # a comment is content: darker than muted, lighter than ink
RULE = colors.HexColor("#c8c8c2")
SHADE = colors.HexColor("#f1f1ec")
ACCENT = colors.HexColor("#1f4e79")  # headings: a sober municipal blue
# Diverging pair that stays apart for red-green colour blindness and in greyscale print.
NEGATIVE = colors.HexColor("#c2571a")
POSITIVE = colors.HexColor("#2b6cb0")
SERIOUS = colors.HexColor("#a4262c")
WARNING = colors.HexColor("#b7791f")
WATERMARK = colors.Color(0.6, 0.6, 0.6, alpha=0.16)  # on top of the text: light

INDENT = 10 * mm  # answers hang under their question, right of its number
BODY_SIZE = 9.5
LEADING = 13


@dataclass(frozen=True)
class Styles:
    """The paragraph styles of one report."""

    title: ParagraphStyle
    kicker: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    question: ParagraphStyle
    body: ParagraphStyle
    body_rtl: ParagraphStyle
    small: ParagraphStyle
    muted: ParagraphStyle
    intro: ParagraphStyle
    cell: ParagraphStyle
    warning: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_right: ParagraphStyle
    head: ParagraphStyle
    head_right: ParagraphStyle
    figure: ParagraphStyle
    figure_label: ParagraphStyle
    label: ParagraphStyle
    level: ParagraphStyle
    answer: ParagraphStyle
    answer_rtl: ParagraphStyle
    comment: ParagraphStyle
    missing: ParagraphStyle


#: the headings' colour of the document being laid out: the organisation's, when its profile
#: names one (set by the renderer around one layout)
accent_colour: ContextVar[str] = ContextVar("accent_colour", default="#1f4e79")


def styles() -> Styles:
    """The paragraph styles, in the organisation's colour for headings."""
    return _styles(accent_colour.get())


@cache
def _styles(accent_hex: str) -> Styles:
    regular, bold = register_fonts()
    accent = colors.HexColor(accent_hex)

    def ps(name: str, **kw: object) -> ParagraphStyle:
        base: dict[str, object] = {"fontName": regular, "fontSize": BODY_SIZE,
                                   "leading": LEADING, "textColor": INK}
        base.update(kw)
        return ParagraphStyle(name, **base)

    body = ps("body", spaceAfter=4)
    answer = ps("answer", leftIndent=INDENT, spaceAfter=3)
    return Styles(
        title=ps("title", fontName=bold, fontSize=18, leading=23, spaceAfter=4),
        kicker=ps("kicker", fontSize=9, leading=12, textColor=accent, spaceAfter=2),
        h1=ps("h1", fontName=bold, fontSize=14, leading=18, textColor=accent,
              spaceBefore=8, spaceAfter=6, keepWithNext=1),
        h2=ps("h2", fontName=bold, fontSize=11.5, leading=15, textColor=accent,
              spaceBefore=9, spaceAfter=4, keepWithNext=1),
        h3=ps("h3", fontName=bold, fontSize=BODY_SIZE, leading=LEADING, spaceBefore=6,
              spaceAfter=1, keepWithNext=1),
        question=ps("question", fontName=bold, fontSize=BODY_SIZE, leading=LEADING,
                    leftIndent=INDENT, bulletIndent=0, bulletFontName=bold,
                    bulletFontSize=BODY_SIZE, spaceBefore=8, spaceAfter=2, keepWithNext=1),
        body=body,
        body_rtl=ps("body_rtl", parent=body, alignment=TA_RIGHT),
        small=ps("small", fontSize=8, leading=10.5),
        muted=ps("muted", fontSize=8, leading=10.5, textColor=MUTED),
        intro=ps("intro", fontSize=8, leading=10.5, textColor=MUTED, spaceAfter=4,
                 keepWithNext=1),
        cell=ps("cell", fontSize=8.5, leading=11),
        warning=ps("warning", fontSize=8.2, leading=10.5),
        cell_bold=ps("cell_bold", fontName=bold, fontSize=8.5, leading=11),
        cell_right=ps("cell_right", fontSize=8.5, leading=11, alignment=TA_RIGHT),
        head=ps("head", fontName=bold, fontSize=8, leading=10, textColor=MUTED),
        head_right=ps("head_right", fontName=bold, fontSize=8, leading=10, textColor=MUTED,
                      alignment=TA_RIGHT),
        figure=ps("figure", fontName=bold, fontSize=16, leading=19, alignment=TA_LEFT),
        figure_label=ps("figure_label", fontSize=8, leading=10.5, textColor=MUTED),
        label=ps("label", fontSize=8, leading=10.5, textColor=MUTED, spaceBefore=6,
                 spaceAfter=1, keepWithNext=1),
        level=ps("level", fontName=bold, fontSize=15, leading=19, textColor=accent),
        answer=answer,
        answer_rtl=ps("answer_rtl", parent=answer, alignment=TA_RIGHT),
        comment=ps("comment", fontSize=8.5, leading=11.5, textColor=COMMENT,
                   leftIndent=INDENT, spaceAfter=3),
        missing=ps("missing", fontSize=8.5, leading=11.5, textColor=MUTED,
                   leftIndent=INDENT, spaceAfter=3),
    )


CENTER = TA_CENTER


def table_style(commands: list[Any]) -> TableStyle:
    """A TableStyle in our font: a Table sets its cells' font (Helvetica by default) even
    when every cell is a Paragraph, which would put a non-embedded font into the PDF."""
    regular, _ = register_fonts()
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), regular), *commands])


def grid_style(header_rows: int = 1) -> TableStyle:
    """A light table: shaded header, thin rules between rows, no vertical lines."""
    return table_style([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), SHADE),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("LINEABOVE", (0, 0), (-1, 0), 0.6, RULE),
    ])


def box_style(background: colors.Color = SHADE) -> TableStyle:
    """A shaded box around one cell: the level, a note."""
    return table_style([
        ("BACKGROUND", (0, 0), (-1, -1), background),
        ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ])
