"""Build the PDF: assemble the story, render it in memory, write it atomically, record it."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from io import BytesIO
from pathlib import Path

from reportlab.platypus import CondPageBreak, Flowable
from reportlab.platypus.doctemplate import LayoutError

from app.core.catalog import Catalog
from app.core.completion import unexplained_completion
from app.core.models.assessment import Assessment, ReportRecord
from app.core.text import tr
from app.paths import REPORTS_DIR
from app.report.context import ReportError, ReportInput, prepare
from app.report.formats import format_for
from app.report.frontpage import front_page
from app.report.method import colophon, method
from app.report.naming import free_path, report_filename
from app.report.page import Running, canvas_maker, make_document
from app.report.sections import analysis, articles, impact_table
from app.report.strings import LOCALES, t
from app.report.styles import FRAME_HEIGHT
from app.report.text import clean, plain
from app.store import atomic as store_atomic

ENV_DIR = "BKA_REPORTS_DIR"
METHOD_ROOM = 400  # points left on a page for the method to start there
# The analysis starts on page two; but when the front page ran over onto it (many
# warnings), it follows on that page instead of leaving it nearly empty.
ANALYSIS_ROOM = 0.6 * FRAME_HEIGHT


def story(ri: ReportInput) -> list[Flowable]:
    """The report's flowables in reading order."""
    # The method, an appendix, starts a page unless most of one is left: a lone heading at a
    # page end is ugly, and so is a page holding one article summary.
    return [*front_page(ri), CondPageBreak(ANALYSIS_ROOM), *analysis(ri), *impact_table(ri),
            *articles(ri),
            CondPageBreak(METHOD_ROOM), *method(ri), *colophon(ri)]


def render(ri: ReportInput) -> bytes:
    """The PDF of a prepared report, in memory: drawn from the document model, carrying the
    assessment as an attachment."""
    from app.core.document.attachment import assessment_json
    from app.core.document.build import build_document
    from app.report.pdf_render import render_document_pdf

    return render_document_pdf(build_document(ri), assessment_json(ri.assessment))


def render_old(ri: ReportInput) -> bytes:
    """The PDF of a prepared report, in memory (the layout before the document model)."""
    lang, d = ri.lang, ri.assessment.decision
    report = tr(ri.questionnaire.title, lang) or t("report", lang)
    # Marked complete with serious findings and no recorded reason is still a draft on paper.
    draft = ri.assessment.status == "draft" or unexplained_completion(ri.assessment, ri.card)
    running = Running(
        title=plain(d.title), case_number=plain(d.case_number),
        footer=f"{report} · {t('watermark', lang).capitalize()}" if draft else report,
        page_label=t("page", lang), watermark=t("watermark", lang) if draft else None,
    )
    meta = {
        "title": f"{report}: {_one_line(d.title)}",
        "author": _one_line(d.official or d.committee),
        "subject": " · ".join(x for x in (report, _one_line(d.case_number),
                                          _one_line(d.committee)) if x),
        "keywords": ", ".join(x for x in (t("report", lang), ri.questionnaire.id) if x),
        "lang": LOCALES[lang],
    }
    buffer = BytesIO()
    doc = make_document(buffer, running, meta)
    try:
        doc.build(story(ri), canvasmaker=canvas_maker(running))
    except LayoutError as exc:  # should not happen: every long text is split; say so if it does
        raise ReportError(f"the report could not be laid out: {exc}") from None
    return buffer.getvalue()


def _one_line(text: str) -> str:
    """User text for PDF metadata: cleaned, one line, in logical order (viewers reorder)."""
    return " ".join(clean(text).split())


def render_pdf(assessment: Assessment, *, lang: str | None = None,
               catalog: Catalog | None = None, now: dt.datetime | None = None) -> bytes:
    """The report as PDF bytes (for a download button); ReportError when it cannot be made."""
    return render(prepare(assessment, lang=lang, catalog=catalog, now=now))


def reports_dir(out_dir: Path | str | None = None) -> Path:
    """Where reports go: the argument, else $BKA_REPORTS_DIR, else reports/ in the repository."""
    if out_dir is not None:
        return Path(out_dir)
    env = os.environ.get(ENV_DIR)
    return Path(env) if env else REPORTS_DIR


def build_report(assessment: Assessment, *, lang: str | None = None,
                 out_dir: Path | str | None = None, out_path: Path | str | None = None,
                 catalog: Catalog | None = None, now: dt.datetime | None = None,
                 kind: str = "pdf") -> ReportRecord:
    """Render the report and write it; return the record to keep on the assessment.

    The file is `out_path` if given (replaced if it exists; its suffix picks the format:
    .pdf, .docx or .html), else a new, never overwritten `date_slug_shortid.<kind>` in
    `reports_dir(out_dir)`. It appears complete or not at all.
    """
    fmt = format_for(out_path if out_path is not None else f"report.{kind}")
    ri = prepare(assessment, lang=lang, catalog=catalog, now=now)
    data = fmt.render(ri)
    if out_path is not None:
        path = Path(out_path)
        _ensure_folder(path.parent)
    else:
        folder = reports_dir(out_dir)
        _ensure_folder(folder)
        name = report_filename(assessment, ri.generated)
        path = free_path(folder, str(Path(name).with_suffix(fmt.suffix)))
    write_atomic(path, data)
    return ReportRecord(path=str(path.resolve()), sha256=hashlib.sha256(data).hexdigest(),
                        created=ri.generated, language=ri.lang)


def _ensure_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ReportError(f"cannot create the folder {folder} for the report "
                          f"({exc.strerror or exc}); choose another folder with -o or "
                          f"{ENV_DIR}") from None
    if not folder.is_dir():
        raise ReportError(f"{folder} is not a folder; choose another with -o or {ENV_DIR}")


def write_atomic(path: Path, data: bytes) -> None:
    """Write the file all at once (the store's recipe); a failure is a ReportError."""
    try:
        store_atomic.write_atomic(path, data, keep_previous=False)
    except OSError as exc:
        raise ReportError(f"cannot write {path} ({exc.strerror or exc})") from None


def with_report(assessment: Assessment, record: ReportRecord) -> Assessment:
    """The assessment with `record` added to its reports (for the store to save)."""
    return assessment.model_copy(update={"reports": [*assessment.reports, record]})
