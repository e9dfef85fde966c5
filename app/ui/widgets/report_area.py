"""The report part of the result page: make the PDF, download it, find earlier ones."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from app.core.document.model import FORMS
from app.core.models.assessment import Assessment
from app.report import FORMATS, ReportError, build_report
from app.services import kept_reports
from app.ui import store_errors
from app.ui.session import signin, state
from app.ui.strings.i18n import t
from app.ui.widgets.free_sections import free_sections_area
from app.ui.widgets.report_formats import format_area


def _mime(path: Path) -> str:
    found = FORMATS.get(path.suffix.lower())
    return found.mime if found else "application/octet-stream"


def reports_area(assessment: Assessment, lang: str) -> None:
    st.header(t("report_title", lang))
    st.write(t("report_intro", lang))
    choice = st.radio(
        t("report_language", lang),
        ["sv", "en"],
        horizontal=True,
        index=0 if assessment.language == "sv" else 1,
        format_func=lambda v: {"sv": "Svenska", "en": "English"}[v],
    )
    free_sections_area(assessment, lang)
    # The report for the case file is the default; the full documentation when asked for.
    form = st.radio(t("report_form", lang), list(FORMS), horizontal=True, index=0,
                    format_func=lambda v: t(f"report_form_{v}", lang), key="report-form")
    if st.button(t("report_make", lang), type="primary"):
        try:
            with st.spinner(t("report_making", lang)):
                record = build_report(assessment, lang=choice, catalog=state.catalog(),
                                      form=form)
        except ReportError as exc:
            st.error(store_errors.report_message(exc, lang))
            return
        kept_reports.keep(state.store(), assessment.id or "", record,
                                 editor=signin.editor(assessment.decision.official))
        st.session_state["last_report"] = record.path
        st.rerun()
    format_area(assessment, choice, lang, form)
    earlier = list(reversed(assessment.reports))
    if not earlier:
        return
    st.markdown(f"**{t('report_earlier', lang)}**")
    for i, record in enumerate(earlier):
        path = Path(record.path)
        c1, c2 = st.columns([4, 1])
        stamp = record.created.strftime("%Y-%m-%d %H:%M")
        shown = t(f"report_form_label_{record.form or 'none'}", lang)
        c1.text(f"{stamp} · {record.language} · {shown} · {path.name}\n"
                f"SHA-256 {record.sha256[:16]}…")
        data = kept_reports.report_bytes(state.store(), assessment.id or "", record)
        if data is not None:  # the file here, else the copy kept with the data
            c2.download_button(
                t("report_download", lang),
                data,
                file_name=path.name,
                mime=_mime(path),
                key=f"report:{i}",
                type="primary"
                if st.session_state.get("last_report") == record.path
                else "secondary",
            )
        else:
            c2.caption(t("report_missing", lang))
