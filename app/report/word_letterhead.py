"""The organisation's Word template and letterhead, for every Word file we write.

    new_word(letterhead) -> Document   the organisation's template (styles, header, footer)
                                       with its body emptied, or a blank document; A4 either way
    letterhead_header(word, head)      the logo and the name in the header, when the template
                                       brings no header of its own
    contact_footer(word, head)         the address and contact at the foot
"""

from __future__ import annotations

import zipfile
from io import BytesIO
from typing import Any

from docx import Document as new_docx
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Cm, Pt, RGBColor

from app.core.document.model import Letterhead
from app.core.document.source import ReportError
from app.report.word_page import A4_HEIGHT_CM, A4_WIDTH_CM, a4_document

LOGO_HEIGHT = Cm(1.3)
_TEMPLATE_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_DOCUMENT_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
#: the styles our renderers use, and what each falls back on when a template lacks it
_NEEDED = {"Title": 20, "Subtitle": 11, "Heading 1": 15, "Heading 2": 12.5, "Heading 3": 10.5,
           "Caption": 9, "List Bullet": 0, "List Number": 0, "Intense Quote": 0}


def new_word(head: Letterhead | None = None) -> Any:
    """A Word document to write into: the organisation's template when it gave one."""
    if head is None or head.word_template is None:
        return a4_document()
    word = _from_template(head.word_template)
    _ensure_styles(word)
    for section in word.sections:  # a template on Letter paper still prints on A4; its
        # margins are the organisation's own and stay
        section.page_width, section.page_height = Cm(A4_WIDTH_CM), Cm(A4_HEIGHT_CM)
    return word


def uses_template(head: Letterhead | None) -> bool:
    return head is not None and head.word_template is not None


def template_has_header(word: Any) -> bool:
    """Whether the template's first section brings a header with any text or picture."""
    header = word.sections[0].header
    return not header.is_linked_to_previous and any(
        p.text.strip() or p._p.xpath(".//w:drawing") for p in header.paragraphs)


def letterhead_header(word: Any, head: Letterhead) -> Any:
    """The logo and the organisation's name at the head of the header; the paragraph, for the
    caller to add the document's own line after."""
    paragraph = word.sections[0].header.paragraphs[0]
    png = logo_png(head)
    if png is not None:
        paragraph.add_run().add_picture(BytesIO(png), height=LOGO_HEIGHT)
        paragraph.add_run("  ")
    name = " · ".join(x for x in (head.name, head.unit) if x)
    if name:
        run = paragraph.add_run(name)
        run.bold, run.font.size = True, Pt(9)
        run.font.color.rgb = RGBColor.from_string(head.colour.lstrip("#").upper())
    return word.sections[0].header.add_paragraph()


def heading_colour(word: Any, head: Letterhead) -> None:
    """The title and headings in the organisation's colour (where no template sets them)."""
    colour = RGBColor.from_string(head.colour.lstrip("#").upper())
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3"):
        word.styles[name].font.color.rgb = colour


def contact_footer(word: Any, head: Letterhead) -> None:
    """The address and contact in one small line at the foot of every page."""
    if not head.lines:
        return
    run = word.sections[0].footer.add_paragraph().add_run(" · ".join(head.lines))
    run.font.size = Pt(7.5)


def logo_png(head: Letterhead) -> bytes | None:
    """The logo as PNG for Word (which takes no SVG): an SVG is drawn by cairosvg where it is
    installed (with the tagged extra); else no logo, and the name stands alone."""
    if head.logo is None:
        return None
    if head.logo_kind == "png":
        return head.logo
    try:
        import cairosvg
    except (ImportError, OSError):
        return None
    try:
        return bytes(cairosvg.svg2png(bytestring=head.logo, output_height=160))
    except Exception:  # noqa: BLE001 - an SVG cairo cannot draw leaves the name alone
        return None


def _from_template(data: bytes) -> Any:
    """The template opened as a document, its body emptied (its section settings kept)."""
    try:
        word = new_docx(BytesIO(_as_document(data)))
    except Exception as exc:  # noqa: BLE001 - python-docx's errors name zip internals
        raise ReportError(f"the organisation's Word template cannot be opened ({exc}); give a "
                          ".dotx or .docx file saved by Word") from None
    body = word.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):
            body.remove(child)
    return word


def _as_document(data: bytes) -> bytes:
    """A .dotx declares itself a template; python-docx opens only documents, so the one
    content type is rewritten (the parts are the same)."""
    source = zipfile.ZipFile(BytesIO(data))
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                content = content.replace(_TEMPLATE_TYPE, _DOCUMENT_TYPE)
            target.writestr(item, content)
    return out.getvalue()


def _ensure_styles(word: Any) -> None:
    """Every style the renderers name, added plainly where the template has none of it."""
    have = {s.name for s in word.styles}
    for name, size in _NEEDED.items():
        if name in have:
            continue
        style = word.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = word.styles["Normal"]
        if size:
            style.font.size, style.font.bold = Pt(size), name != "Caption"
