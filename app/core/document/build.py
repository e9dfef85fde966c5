"""The whole report as one Document: the front part, the analysis, the appendix."""

from __future__ import annotations

from dataclasses import replace

from app.core.document.analysis import analysis_section, impact_section
from app.core.document.appendix import articles_section, method_section
from app.core.document.attachments import attachments_section
from app.core.document.clean import cleaned
from app.core.document.free import free_sections, with_free_sections
from app.core.document.front import front_section, is_draft
from app.core.document.groups import groups_section
from app.core.document.legal import legal_section
from app.core.document.model import Document, Properties, Running, Section
from app.core.document.review import review_section
from app.core.document.short import closing, short_sections
from app.core.document.source import ReportInput
from app.core.document.strings import LOCALES, t
from app.core.text import tr


def build_document(ri: ReportInput) -> Document:
    """What the report says, in reading order, in the report's language and form."""
    sections = short_form(ri) if ri.form == "short" else full_form(ri)
    # User text cleaned once here for every format (control characters, bidi overrides).
    return cleaned(Document(lang=ri.lang, kicker=tr(ri.questionnaire.title, ri.lang),
                    title=one_line(ri.assessment.decision.title), properties=properties(ri),
                    running=running(ri), sections=tuple(sections),
                    contents_label=t("contents", ri.lang), appendix_label=t("appendix", ri.lang),
                    draft=is_draft(ri), form=ri.form, letterhead=ri.letterhead))


def full_form(ri: ReportInput) -> list[Section]:
    """Everything: page 1, every answer, the legal basis, the tables, the appendices."""
    # The appendix (articles, method) comes last: reference a reader can skip.
    parts = [front_section(ri), analysis_section(ri), legal_section(ri), impact_section(ri),
             groups_section(ri), review_section(ri)]
    main = [s for s in parts if s is not None]
    files = attachments_section(ri, embedded=True)  # the PDF carries them (pdf_render.py)
    return with_free_sections(ri, main) + ([files] if files else []) + [
        articles_section(ri), method_section(ri)]


def short_form(ri: ReportInput) -> list[Section]:
    """The report for the case file: page 1, what the decision rests on, the official's own
    sections, and where the full documentation is."""
    sections = [front_section(ri), *short_sections(ri), *free_sections(ri)]
    last = sections[-1]
    files = attachments_section(ri)  # listed with checksums; the files go with the case
    return sections[:-1] + [replace(last, blocks=(*last.blocks, closing(ri)))] + (
        [files] if files else [])


def report_name(ri: ReportInput) -> str:
    return tr(ri.questionnaire.title, ri.lang) or t("report", ri.lang)


def properties(ri: ReportInput) -> Properties:
    lang, d = ri.lang, ri.assessment.decision
    name = report_name(ri)
    return Properties(
        title=f"{name}: {one_line(d.title)}",
        author=one_line(d.official or d.committee),
        subject=" · ".join(x for x in (name, one_line(d.case_number), one_line(d.committee))
                           if x),
        keywords=", ".join(x for x in (t("report", lang), ri.questionnaire.id) if x),
        language=LOCALES[lang], created=ri.generated)


def running(ri: ReportInput) -> Running:
    lang, d = ri.lang, ri.assessment.decision
    name = report_name(ri)
    draft = is_draft(ri)
    return Running(title=one_line(d.title), case_number=one_line(d.case_number),
                   footer=f"{name} · {t('watermark', lang).capitalize()}" if draft else name,
                   page_label=t("page", lang), draft_mark=t("draft_header", lang) if draft else "",
                   watermark=t("watermark", lang) if draft else "")


def one_line(text: str) -> str:
    """User text for a header or a property: one line, no control characters."""
    return " ".join("".join(c for c in str(text) if c.isprintable() or c in " \t\n").split())
