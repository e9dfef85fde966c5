"""Which renderer writes which file: chosen by the file's suffix (.pdf, .docx, .html).

Each renderer turns the same prepared report into bytes; none knows another. DOCX and HTML
draw the core's document model; the PDF is reportlab's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

from app.core.catalog import Catalog
from app.core.document.model import Form
from app.core.models.assessment import Assessment
from app.report import collector
from app.report.context import ReportError, ReportInput, prepare

if TYPE_CHECKING:
    from app.report.pdf_render import EmbeddedFile


@dataclass(frozen=True)
class Format:
    suffix: str  #: with its dot
    mime: str
    label: str  #: what a button says after "Ladda ner" (PDF, Word, HTML)
    render: Callable[[ReportInput], bytes]
    #: what the renderer loads once per process (its modules, the PDF's fonts): a one-shot
    #: command does it with its start-up (app/cli/startup.py), the app on its first report
    load: Callable[[], None] = lambda: None


def _pdf(ri: ReportInput) -> bytes:
    """The PDF drawn from the document model, carrying the assessment as an attachment."""
    from app.core.document.attachment import assessment_json
    from app.core.document.build import build_document
    from app.report.pdf_render import render_document_pdf

    with collector.paused():  # as for the layout itself (app/report/collector.py)
        return render_document_pdf(build_document(ri), assessment_json(ri.shown_assessment),
                                   files=embedded_files(ri))


def embedded_files(ri: ReportInput) -> list[EmbeddedFile]:
    """The attached files the full documentation's PDF carries, read from the store the
    app uses (the data folder or the database); a file that cannot be read is left out
    (the report's list still names it with its checksum)."""
    from app.report.pdf_render import EmbeddedFile
    from app.store.errors import StoreError
    from app.store.factory import open_attachment_files

    if ri.form != "full" or not ri.assessment.attachments or not ri.assessment.id:
        return []
    files = open_attachment_files()
    out = []
    for a in ri.assessment.attachments:
        try:
            data = files.get(ri.assessment.id, a.sha256)
        except StoreError:
            continue
        out.append(EmbeddedFile(a.filename, data, a.media_type, a.title))
    return out


def _pdf_load() -> None:
    from app.report.fonts import register_fonts

    _model_load("app.report.pdf_render")()
    import_module("app.core.document.attachment")
    register_fonts()


def _docx(ri: ReportInput) -> bytes:
    from app.core.document.build import build_document
    from app.report.docx_render import render_docx

    return render_docx(build_document(ri))


def _html(ri: ReportInput) -> bytes:
    from app.core.document.build import build_document
    from app.report.html_render import render_html

    return render_html(build_document(ri))


def _model_load(renderer: str) -> Callable[[], None]:
    def load() -> None:
        import_module("app.core.document.build")
        import_module(renderer)

    return load


def _tagged_pdf(ri: ReportInput) -> bytes:
    from app.core.document.attachment import assessment_json
    from app.core.document.build import build_document
    from app.report.tagged_pdf import render_tagged_pdf

    return render_tagged_pdf(build_document(ri), assessment_json(ri.shown_assessment),
                             files=embedded_files(ri))


#: the option: PDF/UA-1 drawn from the HTML twin (app/report/tagged_pdf.py)
TAGGED_PDF = Format(".pdf", "application/pdf", "PDF/UA", _tagged_pdf,
                    _model_load("app.report.tagged_pdf"))

FORMATS: dict[str, Format] = {
    ".pdf": Format(".pdf", "application/pdf", "PDF", _pdf, _pdf_load),
    ".docx": Format(".docx", "application/vnd.openxmlformats-officedocument."
                    "wordprocessingml.document", "Word", _docx,
                    _model_load("app.report.docx_render")),
    ".html": Format(".html", "text/html", "HTML", _html, _model_load("app.report.html_render")),
}
ALIASES = {".htm": ".html"}


def format_for(path: Path | str, tagged: bool = False) -> Format:
    """The format a file name asks for (`tagged`: the tagged PDF); ReportError naming the
    ones we write otherwise."""
    suffix = Path(path).suffix.lower()
    if tagged:
        if suffix != ".pdf":
            raise ReportError(f"{path}: a tagged report is a PDF; end the file name in .pdf")
        return TAGGED_PDF
    found = FORMATS.get(ALIASES.get(suffix, suffix))
    if found is None:
        known = ", ".join(FORMATS)
        shown = f"'{suffix}'" if suffix else "no suffix"
        raise ReportError(f"{path}: {shown} is not a report format; end the file name in "
                          f"one of {known}")
    return found


def render_as(assessment: Assessment, suffix: str, *, lang: str | None = None,
              catalog: Catalog | None = None, now: dt.datetime | None = None,
              tagged: bool = False, form: Form = "full") -> bytes:
    """The report in the format `suffix` names ('.pdf', '.docx', '.html'), in memory;
    `tagged` for the tagged PDF; `form` short (for the case file) or full."""
    fmt = format_for(f"report{suffix}", tagged)
    return fmt.render(prepare(assessment, lang=lang, catalog=catalog, now=now, form=form))


SUMMARY_SUFFIXES = (".docx", ".txt")


def render_summary(ri: ReportInput, suffix: str) -> bytes:
    """The one-page summary for the tjänsteskrivelse as Word (.docx) or plain text (.txt)."""
    from app.core.document.summary import build_summary

    summary = build_summary(ri)
    if suffix == ".txt":
        return summary.plain().encode("utf-8")
    if suffix == ".docx":
        from app.report.docx_render import render_summary_docx

        return render_summary_docx(summary)
    raise ReportError(f"the summary is written as {' or '.join(SUMMARY_SUFFIXES)}, "
                      f"not '{suffix or 'no suffix'}'")


def summary_as(assessment: Assessment, suffix: str, *, lang: str | None = None,
               catalog: Catalog | None = None, now: dt.datetime | None = None) -> bytes:
    """The summary of an assessment in memory (for a download button or `bka report`)."""
    return render_summary(prepare(assessment, lang=lang, catalog=catalog, now=now), suffix)
