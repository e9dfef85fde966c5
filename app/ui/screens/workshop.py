"""Workshop: the trainer's page. Start a workshop on a case, show the codes, follow the groups,
compare them, then close and export. Wide and large, for a projector."""

from __future__ import annotations

import streamlit as st

from app.core import access
from app.core.models.case import Case
from app.core.models.workshop import Workshop
from app.core.text import tr
from app.store.workshop_errors import WorkshopNotFound
from app.ui.safe import md
from app.ui.screens.workshop_case import case_facts, case_file
from app.ui.screens.workshop_compare import comparison
from app.ui.screens.workshop_create import create_form
from app.ui.screens.workshop_live import codes, progress
from app.ui.screens.workshop_manage import manage, trainer_notes
from app.ui.screens.workshop_trainer import lockout_notice, new_key_notice, trainer_key_form
from app.ui.screens.workshop_upload import question_ids, upload_case
from app.ui.session import state, trainer_device
from app.ui.session import workshop as workshop_state
from app.ui.strings.i18n import t

# The codes fill their card's width (container query units), on one line, however many
# cards share a row: read from the back of a training room.
# Styles only: the codes themselves are drawn as plain text in keyed containers, whose
# Streamlit class (st-key-bka-code-...) this targets, so no HTML is ever built from data.
BIG = """<style>
[class*="st-key-bka-code"] {container-type: inline-size;}
[class*="st-key-bka-code"] p {font-family: "Source Code Pro", "DejaVu Sans Mono", monospace;
  font-weight: 700; font-size: min(15cqi, 6.5rem); letter-spacing: .08em; line-height: 1.15;
  white-space: nowrap; margin: 0;}
</style>"""
TABS = ("ws_tab_codes", "ws_tab_case", "ws_tab_progress", "ws_tab_compare", "ws_tab_manage")


def render() -> None:
    lang = state.lang()
    state.show_flash()
    st.html(BIG)
    trainer_device.write_pending_cookie()  # this browser stays the trainer after a reload
    identity = workshop_state.identity()
    wid = st.session_state.get(workshop_state.OPEN_KEY) or st.query_params.get("workshop")
    if wid:
        try:
            workshop = workshop_state.store().get(wid)
        except WorkshopNotFound:
            st.session_state.pop(workshop_state.OPEN_KEY, None)
            st.query_params.clear()
            st.warning(t("ws_not_found", lang))
        else:
            st.session_state[workshop_state.OPEN_KEY] = wid
            state.keep_in_address("workshop", wid)  # a reload on the projector comes back here
            if access.may_run_workshop(identity, wid):
                running(workshop, lang)
            else:
                trainer_key_form(workshop, identity, lang)
            return
    if not access.may_list_workshops(identity):
        trainer_key_form(None, identity, lang)  # another machine: the key finds its workshop
        return
    start(lang)


def start(lang: str) -> None:
    st.title(t("ws_title", lang))
    st.write(t("ws_intro", lang))
    left, right = st.columns([3, 2], gap="large")
    with left:
        create_form(lang)
    with right:
        workshop_list(lang)
        upload_case(lang)  # a trainer's own case, without touching the installation
        question_ids(lang)


def workshop_list(lang: str) -> None:
    items = workshop_state.store().all()
    st.header(t("ws_list", lang))
    current = [w for w in items if w.status != "archived"]
    if not current:
        st.caption(t("ws_list_empty", lang))
    for w in current:
        list_row(w, lang)
    archived = [w for w in items if w.status == "archived"]
    if archived:
        with st.expander(t("ws_archived", lang, count=len(archived))):
            for w in archived:
                list_row(w, lang)


def list_row(w: Workshop, lang: str) -> None:
    with st.container(border=True, key=f"bka-row-{w.id}"):  # "Öppna – <title>"
        c1, c2 = st.columns([4, 1], vertical_alignment="center")
        c1.markdown(f"**{md(w.title)}**")
        when = w.created.astimezone().strftime("%Y-%m-%d %H:%M") if w.created else ""
        c1.caption(md(" · ".join([t(f"ws_status_{w.status}", lang),
                                  t("ws_groups_count", lang, count=len(w.groups)), when])))
        if c2.button(t("open", lang), key=f"ws_open:{w.id}", width="stretch"):
            st.session_state[workshop_state.OPEN_KEY] = w.id
            st.rerun()


def running(w: Workshop, lang: str) -> None:
    case = workshop_state.case_of(w)
    if st.button("← " + t("ws_all", lang), type="tertiary"):
        st.session_state.pop(workshop_state.OPEN_KEY, None)
        st.query_params.clear()
        st.rerun()
    st.title(md(w.title))
    line = [t(f"ws_status_{w.status}", lang), t("ws_groups_count", lang, count=len(w.groups))]
    if case is not None and tr(case.title, lang) != w.title:
        line.insert(0, tr(case.title, lang))
    st.caption(md(" · ".join(line)))
    if w.status != "open":
        st.info(t("ws_closed_note", lang))
    new_key_notice(w, lang)
    lockout_notice(w, lang)
    labels = {t(k, lang): k for k in TABS}
    # A tab that reruns when chosen: only the open one is drawn, so the comparison is fresh
    # when opened, and the progress only polls the store while someone looks at it.
    tabs = st.tabs(list(labels), key="ws_tab", on_change="rerun")
    for tab, key in zip(tabs, TABS, strict=True):
        if tab.open:
            with tab:
                draw_tab(key, w, case, lang)
    trainer_notes(w, case, lang)


def draw_tab(key: str, w: Workshop, case: Case | None, lang: str) -> None:
    if key == "ws_tab_codes":
        codes(w, lang)
    elif key == "ws_tab_case":
        if case is None:
            st.warning(t("ws_case_missing", lang, id=w.case))
        else:
            st.caption(case_facts(case, lang, trainer=False))  # on the projector: no answers
            case_file(case, lang)
    elif key == "ws_tab_progress":
        progress(w, lang)
    elif key == "ws_tab_compare":
        comparison(w, case, lang)
    else:
        manage(w, case, lang)
