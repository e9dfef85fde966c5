"""The report as Word and HTML, and the summary for the tjänsteskrivelse, on Resultat.

Drawn below the PDF button (app/ui/widgets/report_area.py calls `format_area`). The files are
made and recorded like the PDF; the summary's text is shown in a code box, whose corner button
copies it, and its Word file is made only when the button is pressed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from app.core.document.csv_tables import TABLES, table_csv
from app.core.document.model import Form
from app.core.models.assessment import Assessment
from app.report import FORMATS, ReportError, build_report, slug, tagged_pdf
from app.report.context import prepare
from app.report.formats import summary_as
from app.report.tagged_pdf import available as tagged_available
from app.services import kept_reports, report_jobs
from app.ui import store_errors
from app.ui.session import state
from app.ui.strings.i18n import t


def format_area(assessment: Assessment, report_lang: str, lang: str,
                form: Form = "short") -> None:
    st.markdown(f"**{t('formats_title', lang)}**")
    st.caption(t("formats_intro", lang))
    # The tagged PDF is offered where WeasyPrint is installed (the `tagged` extra).
    kinds = ("docx", "html", "tagged") if tagged_available() else ("docx", "html")
    columns = st.columns(len(kinds))
    for column, kind in zip(columns, kinds, strict=True):
        if column.button(t(f"formats_make_{kind}", lang), key=f"report-make:{kind}"):
            if kind == "tagged":  # seconds of layout: in the background, with its progress
                st.session_state.pop(_error_key(assessment), None)
                _start_tagged(assessment, report_lang, form, lang)
            else:
                _make(assessment, report_lang, kind, lang, form)
    if report_jobs.get(_job_key(assessment)) is not None:
        _tagged_progress(assessment, lang)
    if st.session_state.get(_error_key(assessment)):
        st.error(st.session_state[_error_key(assessment)])
    _tables(assessment, report_lang, lang)
    summary_area(assessment, report_lang, lang)


def _tables(assessment: Assessment, report_lang: str, lang: str) -> None:
    """The measures and the scorecard as CSV, made when the button is pressed."""
    def maker(table: str) -> Callable[[], bytes]:
        return lambda: table_csv(prepare(assessment, lang=report_lang,
                                         catalog=state.catalog()), table)

    columns = st.columns(2)
    for column, table in zip(columns, TABLES, strict=True):
        column.download_button(
            t(f"formats_csv_{table}", lang), data=maker(table),
            file_name=f"{slug(assessment.decision.title)}_{table}.csv", mime="text/csv",
            key=f"csv:{table}")


def _make(assessment: Assessment, report_lang: str, kind: str, lang: str, form: Form) -> None:
    try:
        with st.spinner(t("report_making", lang)):
            record = build_report(assessment, lang=report_lang, catalog=state.catalog(),
                                  kind="pdf" if kind == "tagged" else kind,
                                  tagged=kind == "tagged", form=form)
    except ReportError as exc:
        st.error(store_errors.report_message(exc, lang))
        return
    kept_reports.keep(state.store(), assessment.id or "", record,
                      editor=assessment.decision.official)
    st.session_state["last_report"] = record.path
    st.rerun()


def _error_key(assessment: Assessment) -> str:
    return f"tagged-error:{assessment.id}"


def _job_key(assessment: Assessment) -> str:
    return f"tagged:{assessment.id}"


def _start_tagged(assessment: Assessment, report_lang: str, form: Form, lang: str) -> None:
    """Build the tagged PDF on a worker thread; the fragment below shows how far it is."""
    catalog = state.catalog()

    def work(job: report_jobs.Job) -> Any:
        job.step("prepare", 0.05)
        token = tagged_pdf.progress.set(job.step)
        try:
            return build_report(assessment, lang=report_lang, catalog=catalog, kind="pdf",
                                tagged=True, form=form)
        finally:
            tagged_pdf.progress.reset(token)

    report_jobs.start(_job_key(assessment), work,
                      failure=lambda exc: store_errors.report_message(exc, lang)
                      if isinstance(exc, ReportError) else t(
                          "report_failed", lang, reason=t("report_failed_unexpected", lang,
                                                           kind=type(exc).__name__)))


@st.fragment(run_every=1.0)
def _tagged_progress(assessment: Assessment, lang: str) -> None:
    """The tagged PDF's progress; when it is done, the report is recorded and listed."""
    key = _job_key(assessment)
    job = report_jobs.get(key)
    if job is None:
        return
    if not job.done:
        st.progress(job.fraction, text=t(f"tagged_stage_{job.stage or 'prepare'}", lang))
        return
    job = report_jobs.take(key)  # one page records it, however many show it
    if job is None:
        return
    if job.error:  # already a sentence in the user's words; kept until the next try
        st.session_state[_error_key(assessment)] = job.error
        st.rerun(scope="app")
    kept_reports.keep(state.store(), assessment.id or "", job.result,
                      editor=assessment.decision.official)
    st.session_state["last_report"] = job.result.path
    st.rerun(scope="app")


def summary_area(assessment: Assessment, report_lang: str, lang: str) -> None:
    st.subheader(t("summary_title", lang))
    st.write(t("summary_intro", lang))
    try:
        text = summary_as(assessment, ".txt", lang=report_lang,
                          catalog=state.catalog()).decode("utf-8")
    except ReportError as exc:
        st.error(t("summary_failed", lang, reason=str(exc)))
        return
    st.code(text, language=None, wrap_lines=True)  # never Markdown: the text is the user's
    name = f"{slug(assessment.decision.title)}_{t('summary_title', report_lang).split()[0]}"
    left, right = st.columns(2)
    left.download_button(
        t("summary_download_docx", lang),
        data=lambda: summary_as(assessment, ".docx", lang=report_lang, catalog=state.catalog()),
        file_name=f"{name.lower()}.docx", mime=FORMATS[".docx"].mime, key="summary:docx")
    right.download_button(t("summary_download_txt", lang), data=text.encode("utf-8"),
                          file_name=f"{name.lower()}.txt", mime="text/plain",
                          key="summary:txt")
