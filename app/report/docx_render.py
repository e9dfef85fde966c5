"""The report as a Word document (python-docx), for the tjänsteskrivelse and the case system.

Layout only: every word comes from the document model. Word's own heading styles in order
(Title, Heading 1-3), real tables whose header row repeats on every page, the chart as an
image with alternative text followed by its table, the language set on the document's styles,
title and author in the core properties. A draft is marked in the page header, never by
letters in the text, so that copying from the document brings only the analysis.
"""

from __future__ import annotations

from io import BytesIO
from typing import Any

from docx.enum.section import WD_SECTION
from docx.shared import Cm, Pt

from app.core.document.model import (
    ArticleEntry,
    Block,
    Bullets,
    Callout,
    Chart,
    Document,
    Fields,
    Figures,
    Findings,
    Heading,
    Letterhead,
    LongText,
    Note,
    Para,
    Question,
    Section,
    Span,
    Table,
)
from app.core.document.summary import Summary
from app.report.chart_image import chart_png
from app.report.docx_fields import add_fields
from app.report.docx_runs import MUTED, TONE, add_field, add_run, add_span, add_spans
from app.report.docx_setup import compact, set_fonts, set_language, set_properties
from app.report.docx_table import TEXT_WIDTH_CM, add_table, has_style
from app.report.word_letterhead import (
    contact_footer,
    heading_colour,
    letterhead_header,
    new_word,
    template_has_header,
    uses_template,
)

HEADING_OFFSET = 0  # model level 1 -> Heading 1 (the document title is Title)


def render_docx(doc: Document) -> bytes:
    """The whole document as DOCX bytes: on the organisation's template when it gave one (its
    styles, header and footer), A4."""
    word = new_word(doc.letterhead)
    if not uses_template(doc.letterhead):
        set_fonts(word)  # a template's own faces are the organisation's choice
        if doc.letterhead is not None:
            heading_colour(word, doc.letterhead)
    set_language(word, doc.properties.language)
    set_properties(word, doc)
    _page_frame(word, doc)
    word.add_paragraph(doc.kicker, style="Subtitle")
    word.add_heading(doc.title, level=0)
    _contents(word, doc)
    for section in doc.sections:
        _section(word, doc, section)
    out = BytesIO()
    word.save(out)
    return out.getvalue()


def render_summary_docx(summary: Summary) -> bytes:
    """The one page for the tjänsteskrivelse: a heading, then paragraphs led by bold labels."""
    word = new_word(summary.letterhead)
    if not uses_template(summary.letterhead):
        set_fonts(word)
    compact(word)
    set_language(word, summary.properties.language)
    core = word.core_properties
    p = summary.properties
    core.title, core.author, core.subject = p.title, p.author, p.subject
    core.keywords, core.language, core.created, core.modified = (p.keywords, p.language,
                                                                 p.created, p.created)
    header = _letterhead(word, summary.letterhead)
    if summary.draft:
        add_run(header, summary.draft, bold=True, size=9, colour=TONE["serious"])
    word.add_heading(summary.heading, level=1)
    for part in summary.parts:
        paragraph = word.add_paragraph()
        if part.label:
            add_run(paragraph, f"{part.label}:" + ("" if part.items else " "), bold=True)
        paragraph.paragraph_format.keep_with_next = bool(part.items)
        if part.text:
            add_span(paragraph, Span(part.text))
        for item in part.items:
            add_span(word.add_paragraph(style="List Bullet"), Span(item))
    word.add_paragraph(summary.pointer)
    out = BytesIO()
    word.save(out)
    return out.getvalue()


def _letterhead(word: Any, head: Letterhead | None) -> Any:
    """The header paragraph to write the document's own line into: after the organisation's
    logo and name, or after the template's own header, or the empty first one."""
    header = word.sections[0].header
    if uses_template(head) and template_has_header(word):
        return header.add_paragraph()
    if head is not None:
        contact_footer(word, head)
        return letterhead_header(word, head)
    return header.paragraphs[0]


def _page_frame(word: Any, doc: Document) -> None:
    """Header with the letterhead, the decision and the draft mark; footer with 'Sida X av Y'
    (after the template's own footer, when it has one)."""
    section = word.sections[0]
    header = _letterhead(word, doc.letterhead)
    add_run(header, doc.running.title, bold=True, size=8)
    if doc.running.case_number:
        add_run(header, f" · {doc.running.case_number}", size=8)
    if doc.running.draft_mark:
        mark = section.header.add_paragraph()
        add_run(mark, doc.running.draft_mark, bold=True, size=9, colour=TONE["serious"])
    footer = section.footer.paragraphs[0] if not section.footer.paragraphs[0].text.strip() \
        else section.footer.add_paragraph()
    add_run(footer, f"{doc.running.footer} · ", size=8)
    before, middle, after = _split_page_label(doc.running.page_label)
    add_run(footer, before, size=8)
    add_field(footer, "PAGE")
    add_run(footer, middle, size=8)
    add_field(footer, "NUMPAGES")
    add_run(footer, after, size=8)


def _split_page_label(label: str) -> tuple[str, str, str]:
    """'Sida {page} av {pages}' -> ('Sida ', ' av ', '')."""
    before, _, rest = label.partition("{page}")
    middle, _, after = rest.partition("{pages}")
    return before, middle, after


def _title(doc: Document, section: Section) -> str:
    return f"{doc.appendix_label}: {section.title}" if section.appendix else section.title


def _contents(word: Any, doc: Document) -> None:
    word.add_paragraph(doc.contents_label, style="TOC Heading" if has_style(word, "TOC Heading")
                       else None).runs[0].bold = True
    for section in doc.sections:
        word.add_paragraph(_title(doc, section), style="List Number")


def _section(word: Any, doc: Document, section: Section) -> None:
    # A hard break in the few pages for the case file leaves a page nearly empty; Word's
    # own flow keeps headings with what follows.
    if section.new_page and doc.form == "full":
        word.add_section(WD_SECTION.NEW_PAGE)
    word.add_heading(_title(doc, section), level=1)
    for block in section.blocks:
        _block(word, block)


def _block(word: Any, block: Block) -> None:  # noqa: C901 - one branch per kind of block
    if isinstance(block, Heading):
        word.add_heading(block.text, level=min(block.level + HEADING_OFFSET, 9))
    elif isinstance(block, Para):
        paragraph = word.add_paragraph()
        add_spans(paragraph, block.content)
        if block.role in ("muted", "intro", "missing"):
            for run in paragraph.runs:
                run.font.color.rgb = run.font.color.rgb or MUTED
    elif isinstance(block, LongText):
        _long(word, block)
    elif isinstance(block, Bullets):
        for item in block.items:
            add_spans(word.add_paragraph(style="List Bullet"), item)
    elif isinstance(block, Table):
        add_table(word, block)
    elif isinstance(block, Fields):
        add_fields(word, block)
    elif isinstance(block, Note):
        for item in block.items:
            paragraph = word.add_paragraph(style="Intense Quote")
            add_run(paragraph, f"{block.label}: ", bold=True)
            add_spans(paragraph, item)
    elif isinstance(block, Figures):
        _figures(word, block)
    elif isinstance(block, Callout):
        _callout(word, block)
    elif isinstance(block, Chart):
        _chart(word, block)
    elif isinstance(block, Findings):
        _findings(word, block)
    elif isinstance(block, Question):
        word.add_heading(f"{block.number} {block.text}", level=3)
        for part in block.answer:
            _block(word, part)
    elif isinstance(block, ArticleEntry):
        heading = word.add_heading(block.title, level=2)
        if block.principle:
            add_run(heading, f" ({block.principle})", colour=MUTED)
        word.add_paragraph(block.summary)
    else:
        raise TypeError(f"no DOCX for {type(block).__name__}")


def _long(word: Any, block: LongText) -> None:
    paras = [p.strip() for p in block.text.replace("\r\n", "\n").split("\n\n") if p.strip()]
    for i, para in enumerate(paras or ["–"]):
        paragraph = word.add_paragraph()
        if block.label and i == 0:
            add_run(paragraph, f"{block.label}: ", bold=True)
        add_span(paragraph, Span(para, muted=block.role == "comment"))


def _figures(word: Any, block: Figures) -> None:
    for f in block.items:
        paragraph = word.add_paragraph()
        add_run(paragraph, f"{f.label}: ", bold=True)
        add_run(paragraph, f.value, bold=True, size=13)
        if f.detail:
            paragraph.add_run().add_break()
            add_spans(paragraph, f.detail)


def _callout(word: Any, block: Callout) -> None:
    if block.label:
        add_run(word.add_paragraph(), block.label, colour=MUTED, size=9)
    if block.lead:
        add_spans(word.add_paragraph(), block.lead)
    headline = word.add_paragraph()
    for span in block.headline:
        run = add_run(headline, span.text, bold=span.strong or not span.muted,
                   colour=TONE[span.tone] if span.tone else MUTED if span.muted else None)
        run.font.size = Pt(10 if span.muted else 14)
    for line in block.lines:
        add_spans(word.add_paragraph(), line)


def _chart(word: Any, chart: Chart) -> None:
    png, _, _ = chart_png(chart)
    shown = Cm(TEXT_WIDTH_CM)
    word.add_picture(BytesIO(png), width=shown)
    picture = word.inline_shapes[-1]
    doc_pr = picture._inline.docPr
    doc_pr.set("descr", chart.alt)
    doc_pr.set("title", chart.table.caption or chart.alt[:80])
    add_table(word, chart.table)


def _findings(word: Any, block: Findings) -> None:
    if not block.items:
        word.add_paragraph(block.empty)
        return
    for f in block.items:
        paragraph = word.add_paragraph(style="List Bullet")
        tone = "serious" if f.severity == "serious" else "warning"
        add_run(paragraph, f"{f.severity_label}: ", bold=True, colour=TONE[tone])
        add_run(paragraph, f.message)
        if f.ref:
            add_run(paragraph, f" ({f.ref})", colour=MUTED)
        if f.details:
            add_run(paragraph, f" ({f.details_label}: {f.details})", colour=MUTED)
