"""A Word file as a whole, before any content: its fonts, its language on every style, its
core properties, and the compact page of the one-page summary."""

from __future__ import annotations

from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from app.core.document.model import Document

FONT = "Arial"


def compact(word: Any) -> None:
    """One page: narrow margins, 10 pt text, little space between paragraphs."""
    section = word.sections[0]
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2))
    for side in ("top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))
    word.styles["Heading 1"].paragraph_format.space_before = Pt(0)
    normal = word.styles["Normal"]
    normal.font.size = Pt(10)
    normal.paragraph_format.space_after = Pt(5)
    normal.paragraph_format.line_spacing = 1.08
    bullets = word.styles["List Bullet"].paragraph_format
    bullets.space_after = Pt(1)


def set_language(word: Any, locale: str) -> None:
    """The language on the document defaults and every style that names one."""
    defaults = word.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for old in rpr.findall(qn("w:lang")):
        rpr.remove(old)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), locale)
    lang.set(qn("w:eastAsia"), locale)
    lang.set(qn("w:bidi"), "ar-SA")
    rpr.append(lang)
    for style in word.styles:
        element = style.element.find(qn("w:rPr"))
        found = element.find(qn("w:lang")) if element is not None else None
        if found is not None:
            found.set(qn("w:val"), locale)


def set_fonts(word: Any) -> None:
    """Arial throughout: on every office machine (LibreOffice maps it to Liberation Sans), and
    the face most municipal Word templates use, so pasted text looks at home."""
    for name in ("Normal", "Title", "Subtitle", "Caption", *(f"Heading {i}" for i in (1, 2, 3))):
        style = word.styles[name]
        style.font.name = FONT
        rpr = style.element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = OxmlElement("w:rFonts")
            rpr.append(fonts)
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attr), FONT)
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
            fonts.attrib.pop(qn(attr), None)
    word.styles["Normal"].font.size = Pt(10.5)
    # The items of a list belong together: closer to each other than paragraphs are.
    word.styles["List Bullet"].paragraph_format.space_after = Pt(3)


def set_properties(word: Any, doc: Document) -> None:
    p, core = doc.properties, word.core_properties
    core.title = p.title
    core.author = p.author
    core.subject = p.subject
    core.keywords = p.keywords
    core.language = p.language
    core.last_modified_by = p.author
    core.created = p.created
    core.modified = p.created
    core.comments = "bka"
