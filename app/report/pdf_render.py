"""The document model as a PDF (reportlab) in one layout pass, with bookmarks for every
section, XMP metadata and the assessment attached as JSON so the report can be imported again
(pdf_catalog.py, written as the canvas saves).

reportlab writes no structure tree (a tagged PDF, PDF/UA), so the PDF is not tagged; the
running header and footer are marked as artifacts so that readers that honour marked content
skip them. The accessible twins are the DOCX (Word's "Save as PDF" tags it), the HTML, and the
tagged PDF drawn from the HTML (app/report/tagged_pdf.py, `bka report --tagged`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial
from io import BytesIO
from typing import Any

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether
from reportlab.platypus.doctemplate import LayoutError

from app.core.document.attachment import ATTACHMENT_NAME, ATTACHMENT_NOTE
from app.core.document.model import Document, Section
from app.core.document.source import ReportError
from app.report import collector
from app.report.answers import long_text
from app.report.contents import Contents, ContentsPages
from app.report.measured import Paragraph
from app.report.page import Running, canvas_maker, make_document
from app.report.pdf_blocks import flowables
from app.report.pdf_catalog import EmbeddedFile, add_files, add_outline, add_xmp, finisher
from app.report.styles import FRAME_HEIGHT, FRAME_WIDTH, styles, table_style
from app.report.text import escape, markup, plain

NEW_PAGE_ROOM = 0.6 * FRAME_HEIGHT  # a part starts a page unless most of one is left
HEADING_ROOM = 0.12 * FRAME_HEIGHT  # a heading with room for its first lines


@dataclass
class Marks:
    """Headings met while laying out: (level, title, page), for bookmarks and the contents."""

    entries: list[tuple[int, str, int]] = field(default_factory=list)


class _Bookmark(Paragraph):
    """A heading that reports where it landed."""

    def __init__(self, text: str, style: Any, level: int, title: str) -> None:
        super().__init__(text, style)
        self.outline = (level, title)


__all__ = ["EmbeddedFile", "render_document_pdf", "story", "xmp"]


def render_document_pdf(doc: Document, attachment: bytes | None = None,
                        files: Sequence[EmbeddedFile] = ()) -> bytes:
    """The PDF of a document; `attachment` is the assessment's JSON to carry inside it,
    `files` the assessment's attached files."""
    carried = [EmbeddedFile(ATTACHMENT_NAME, attachment, "application/json", ATTACHMENT_NOTE)] \
        if attachment is not None else []
    with collector.paused():
        return _layout(doc, Marks(), ContentsPages(), [*carried, *files])


def _layout(doc: Document, marks: Marks, pages: ContentsPages,
            files: Sequence[EmbeddedFile]) -> bytes:
    running = Running(title=plain(doc.running.title), case_number=plain(doc.running.case_number),
                      footer=plain(doc.running.footer), page_label=doc.running.page_label,
                      watermark=doc.running.watermark or None, letterhead=doc.letterhead)
    p = doc.properties
    meta = {"title": p.title, "author": p.author, "subject": p.subject,
            "keywords": p.keywords, "lang": p.language}
    buffer = BytesIO()
    template = make_document(buffer, running, meta)

    def after(flowable: Flowable) -> None:
        outline = getattr(flowable, "outline", None)
        if outline is None:
            return
        level, title = outline
        page = template.canv.getPageNumber()
        marks.entries.append((level, title, page))
        if level == 0:
            pages.pages.append(page)

    template.afterFlowable = after  # type: ignore[method-assign]
    try:
        # One pass: the contents' page numbers are drawn when the canvas saves (contents.py).
        template.build(story(doc, pages), canvasmaker=canvas_maker(running, finisher(
            pages.finish, lambda c: add_outline(c, marks.entries),
            partial(add_xmp, text=xmp(doc)), partial(add_files, files=files))))
    except LayoutError as exc:  # should not happen: every long text is split; say so if it does
        raise ReportError(f"the report could not be laid out: {exc}") from None
    return buffer.getvalue()


def story(doc: Document, pages: ContentsPages | None = None) -> list[Flowable]:
    s = styles()
    out: list[Flowable] = []
    for section in doc.sections:
        if not section.show_heading:
            out += [_Bookmark(markup(doc.kicker), s.kicker, 0, section.title)]
            # In chunks, as every long text: one huge Paragraph is re-wrapped at each page it
            # runs over, so its time grows with the square of its length.
            out += long_text(doc.title, s.title, s.title)
            out += flowables(section.blocks)
            continue
        # A part starts a page unless most of one is left; any part's heading goes over when
        # it would stand at a page's foot with its first lines on the next.
        out.append(CondPageBreak(NEW_PAGE_ROOM if section.new_page else HEADING_ROOM))
        heading = _Bookmark(markup(_title(doc, section)), s.h1, 0, _title(doc, section))
        if section.id == "analysis":
            out += [heading, *_contents(doc, pages or ContentsPages()),
                    *flowables(section.blocks)]
            continue
        body = flowables(section.blocks)
        # The heading goes with the part's first block, never alone at a page's foot (a
        # page break the block asks for comes before the heading).
        breaks = [f for f in body[:1] if isinstance(f, CondPageBreak)]
        body = body[len(breaks):]
        out += [*breaks, KeepTogether([heading, *body[:1]]), *body[1:]]
    return out


def _title(doc: Document, section: Section) -> str:
    return f"{doc.appendix_label}: {section.title}" if section.appendix else section.title


def _contents(doc: Document, pages: ContentsPages) -> list[Flowable]:
    """'Innehåll': the parts and their pages, at the start of the analysis."""
    s = styles()
    titles = [markup(title) for title in _contents_titles(doc)]
    toc = Contents(titles, pages, levelStyles=[s.cell], dotsMinLevel=0, rightColumnWidth=40,
                          tableStyle=table_style([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                                  ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                                  ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                                  ("TOPPADDING", (0, 0), (-1, -1), 0),
                                                  ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    toc.width = FRAME_WIDTH  # type: ignore[attr-defined]
    return [Paragraph(markup(doc.contents_label), s.h2), toc]


def _contents_titles(doc: Document) -> list[str]:
    """The titles the contents lists, in order: every level-0 bookmark of story()."""
    return [section.title if not section.show_heading else _title(doc, section)
            for section in doc.sections]


def xmp(doc: Document) -> str:
    """Dublin Core and PDF properties, as archives and search engines read them."""
    p = doc.properties
    when = p.created.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if p.created.tzinfo \
        else p.created.strftime("%Y-%m-%dT%H:%M:%S")
    lang = escape(p.language)
    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="{lang}">{escape(p.title)}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{escape(p.author)}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="{lang}">{escape(p.subject)}</rdf:li></rdf:Alt>
   </dc:description>
   <dc:language><rdf:Bag><rdf:li>{lang}</rdf:li></rdf:Bag></dc:language>
   <pdf:Keywords>{escape(p.keywords)}</pdf:Keywords>
   <pdf:Producer>bka (reportlab, pypdf)</pdf:Producer>
   <xmp:CreatorTool>bka</xmp:CreatorTool>
   <xmp:CreateDate>{when}</xmp:CreateDate>
   <xmp:ModifyDate>{when}</xmp:ModifyDate>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""
