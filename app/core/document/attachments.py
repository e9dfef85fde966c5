"""The section listing the files attached to the assessment (underlag), in both forms and
every format: title, file name, size and SHA-256, so the case file can prove which version
of each file the assessment rested on. The full documentation's PDF also carries the files
themselves (app/report/pdf_render.py); the list says so."""

from __future__ import annotations

from typing import Final

from app.core.document.model import Para, Section, Span, Table, inline
from app.core.document.source import ReportInput
from app.core.file_sizes import size_text
from app.core.text import tr

STRINGS: Final[dict[str, tuple[str, str]]] = {
    "attachments": ("Underlag och bilagor", "Supporting documents"),
    "attachments_intro": (
        "Filer som bifogats bedömningen. Kontrollsumman (SHA-256) visar att en fil är "
        "densamma som bedömningen byggde på: räkna fram den för filen i akten och jämför.",
        "Files attached to the assessment. The checksum (SHA-256) shows that a file is the "
        "one the assessment rested on: compute it for the file in the case file and compare.",
    ),
    "attachments_in_pdf": (
        "Den fullständiga dokumentationen som PDF bär också filerna, inbäddade som bilagor "
        "(PDF-läsarens panel för bilagor).",
        "The full documentation as PDF also carries the files, embedded as attachments (the "
        "PDF reader's attachments panel).",
    ),
    "attachment_title": ("Titel", "Title"),
    "attachment_file": ("Fil", "File"),
    "attachment_size": ("Storlek", "Size"),
    "attachment_sha": ("SHA-256", "SHA-256"),
    "attachment_question": ("Gäller", "Concerns"),
    "attachment_basis": ("Kunskapsunderlaget", "The knowledge basis"),
    "attachments_caption": ("Bifogade filer med storlek och kontrollsumma",
                            "Attached files with size and checksum"),
}


def t(key: str, lang: str) -> str:
    sv, en = STRINGS[key]
    return en if lang == "en" else sv


def attachments_section(ri: ReportInput, *, embedded: bool = False) -> Section | None:
    """None when nothing is attached (no empty heading)."""
    files = ri.assessment.attachments
    if not files:
        return None
    lang = ri.lang
    rows = []
    for f in files:
        question = ri.questionnaire.questions.get(f.question) if f.question else None
        concerns = tr(question.text, lang) if question is not None else t(
            "attachment_basis", lang)
        rows.append((inline(Span(f.title, strong=True), f"\n{concerns}"), inline(f.filename),
                     inline(size_text(f.size)), inline(Span(f.sha256, muted=True))))
    blocks: list[Para | Table] = [Para(inline(t("attachments_intro", lang)), role="intro")]
    if embedded:
        blocks.append(Para(inline(t("attachments_in_pdf", lang))))
    blocks.append(Table(
        header=(t("attachment_title", lang), t("attachment_file", lang),
                t("attachment_size", lang), t("attachment_sha", lang)),
        rows=tuple(rows), widths=(0.3, 0.22, 0.14, 0.34),
        caption=t("attachments_caption", lang), row_headers=True))
    return Section(id="attachments", title=t("attachments", lang), blocks=tuple(blocks),
                   appendix=True)
