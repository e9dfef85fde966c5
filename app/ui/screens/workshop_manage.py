"""After (or during) the workshop: summary PDF, the groups' exports, closing; trainer's notes."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from app.core.models.case import Case
from app.core.models.workshop import Workshop
from app.core.text import tr
from app.report.naming import slug
from app.store.collection import StaleRecord
from app.ui.safe import md, plain
from app.ui.screens.workshop_case import case_facts
from app.ui.session import state
from app.ui.session import workshop as workshop_state
from app.ui.strings.i18n import t

PDF_KEY = "ws_pdf"


def manage(w: Workshop, case: Case | None, lang: str) -> None:
    left, right = st.columns(2, gap="large")
    with left:
        summary(w, case, lang)
        exports(w, lang)
    with right:
        status(w, lang)


def summary(w: Workshop, case: Case | None, lang: str) -> None:
    st.header(t("ws_summary", lang))
    st.write(t("ws_summary_intro", lang))
    choice = st.radio(t("report_language", lang), ["sv", "en"], horizontal=True,
                      index=0 if lang == "sv" else 1, key=f"ws_pdf_lang:{w.id}",
                      format_func=lambda v: {"sv": "Svenska", "en": "English"}[v])
    if case is None:
        st.warning(t("ws_case_missing", lang, id=w.case))
        return
    if st.button(t("ws_summary_make", lang), key=f"ws_pdf_make:{w.id}"):
        from app.report.workshop_summary import summary_pdf  # reportlab only when asked

        q = state.catalog().questionnaires[w.questionnaire]
        with st.spinner(t("report_making", lang)):
            data = summary_pdf(w, case, state.catalog(),
                               workshop_state.store().group_inputs(w, q), choice)
        st.session_state[PDF_KEY] = (w.id, data)
    made = st.session_state.get(PDF_KEY)
    if made and made[0] == w.id:
        st.download_button(t("report_download", lang), made[1], mime="application/pdf",
                           file_name=f"workshop-{slug(w.title)}-{dt.date.today()}.pdf",
                           type="primary", key=f"ws_pdf_get:{w.id}")


def exports(w: Workshop, lang: str) -> None:
    st.header(t("ws_export", lang))
    st.write(t("ws_export_intro", lang))
    ws = workshop_state.store()
    st.download_button(t("ws_export_all", lang), ws.export_all(w, state.catalog()),
                       mime="application/json",
                       file_name=f"workshop-{slug(w.title)}.json", key=f"ws_exp_all:{w.id}")
    for group in w.groups:
        st.download_button(t("ws_export_group", lang, group=md(group.name)),
                           ws.export_group(w, group, state.catalog()), mime="application/json",
                           file_name=f"workshop-{slug(w.title)}-{slug(group.name)}.json",
                           key=f"ws_exp:{w.id}:{group.code}")


def status(w: Workshop, lang: str) -> None:
    ws = workshop_state.store()
    st.header(t("ws_status_title", lang))
    st.write(t(f"ws_status_{w.status}_long", lang))
    key = f"ws_hide:{w.id}"
    st.session_state.setdefault(key, w.hide_scores)
    st.toggle(t("ws_hide_scores", lang), key=key, help=t("ws_hide_scores_help", lang),
              on_change=_save_hide, args=(w.id, key))
    if w.status == "open":
        if st.button(t("ws_close", lang), type="primary", key=f"ws_close:{w.id}"):
            ws.close(w.id)
            state.flash(t("ws_closed", lang), "toast")
            st.rerun()
        return
    c1, c2 = st.columns(2)
    if c1.button(t("ws_reopen", lang), key=f"ws_reopen:{w.id}", width="stretch"):
        ws.reopen(w.id)
        state.flash(t("ws_reopened", lang), "toast")
        st.rerun()
    if w.status == "closed" and c2.button(t("ws_archive", lang), key=f"ws_archive:{w.id}",
                                          width="stretch"):
        ws.archive(w.id)
        st.session_state.pop(workshop_state.OPEN_KEY, None)
        st.query_params.clear()
        state.flash(t("ws_archived_done", lang), "toast")
        st.rerun()


def trainer_notes(w: Workshop, case: Case | None, lang: str) -> None:
    """What a good analysis notices (from the case) and the trainer's own notes: collapsed,
    so that they are not on the projector by accident."""
    with st.expander(":material/lock: " + t("ws_notes", lang)):
        if case is not None:
            st.markdown(f"**{t('ws_notes_case', lang)}**")
            st.caption(case_facts(case, lang))
            st.markdown(tr(case.trainer_notes, lang))  # ours, from cases/*.yaml
            if case.plenary:
                st.markdown(f"**{t('ws_plenary', lang)}**")
                st.markdown("\n".join(f"{n}. {md(tr(q, lang))}"
                                       for n, q in enumerate(case.plenary, 1)))
        key = f"ws_notes:{w.id}"
        if key not in st.session_state:
            st.session_state[key] = w.notes
            st.session_state[key + ":seen"] = w.notes
        st.text_area(t("ws_notes_own", lang), key=key, height=160,
                     on_change=_save_notes, args=(w.id, key))
        unsaved = st.session_state.pop(key + ":unsaved", None)
        if unsaved is not None:  # beside the field: the stored text shown, theirs kept here
            st.error(t("ws_notes_conflict", lang))
            st.text(plain(unsaved))


def _save_hide(workshop_id: str, key: str) -> None:
    workshop_state.store().set_hide_scores(workshop_id, bool(st.session_state.get(key)))


def _save_notes(workshop_id: str, key: str) -> None:
    mine = st.session_state.get(key) or ""
    try:
        stored = workshop_state.store().set_notes(workshop_id, mine,
                                                  expected=st.session_state.get(key + ":seen"))
    except StaleRecord:
        current = workshop_state.store().get(workshop_id).notes
        st.session_state[key] = st.session_state[key + ":seen"] = current
        st.session_state[key + ":unsaved"] = mine
        return
    st.session_state[key + ":seen"] = stored.notes
