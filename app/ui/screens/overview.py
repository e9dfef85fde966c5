"""Översikt: the assessments, newest first; search, filter, open, duplicate, delete."""

from __future__ import annotations

import streamlit as st

from app.store import data_dir
from app.store.erase import erase_for_good
from app.store.workshops import workshop_assessment_ids
from app.ui import state
from app.ui.i18n import t
from app.ui.safe import md, plain, user

STATUSES = ("draft", "complete", "in_review", "approved", "decided", "followed_up")


def render() -> None:
    lang = state.lang()
    state.show_flash()
    st.title(t("overview_title", lang))
    top = st.columns([3, 2, 1])
    query = top[0].text_input(t("search", lang), placeholder=t("search_placeholder", lang))
    status = top[1].selectbox(
        t("status", lang),
        [None, *STATUSES],
        format_func=lambda s: t("all", lang) if s is None else t(f"status_{s}", lang),
    )
    top[2].write("")
    if top[2].button(t("new_assessment", lang), type="primary", use_container_width=True):
        state.set_open(None)
        st.query_params.clear()
        st.switch_page(st.session_state["pages"]["assess"])
    store = state.store()
    items = store.list(query=query, status=status)  # type: ignore[arg-type]
    hidden = workshop_assessment_ids()  # workshop groups' work is not the official's
    items = [item for item in items if item.id not in hidden]
    if not items:
        st.info(t("overview_empty", lang) if not query and not status else t("no_match", lang))
    cat = state.catalog()
    for item in items:
        with st.container(border=True, key=f"bka-row-{item.id}"):  # buttons named by title
            c1, c2 = st.columns([5, 3])
            c1.markdown(f"**{user(item.title)}**")
            q = cat.questionnaire(item.questionnaire)
            meta = [
                user(item.case_number),  # each piece of user text in its own isolate
                user(item.committee),
                md(tr_title(q, lang)),
                md(t(f"status_{item.status}", lang)),
                md(t("updated_at", lang, when=item.updated.strftime("%Y-%m-%d %H:%M")))
                if item.updated
                else "",
            ]
            c1.caption(" · ".join(m for m in meta if m))
            b1, b2, b3 = c2.columns(3)
            if b1.button(t("open", lang), key=f"open:{item.id}", use_container_width=True):
                state.set_open(item.id)
                st.session_state.pop("step", None)
                st.switch_page(st.session_state["pages"]["assess"])
            if b2.button(t("duplicate", lang), key=f"dup:{item.id}", use_container_width=True):
                copy = store.duplicate(item.id)
                state.flash(t("duplicated", lang, title=user(copy.decision.title)))
                st.rerun()
            if b3.button(t("delete", lang), key=f"del:{item.id}", use_container_width=True):
                st.session_state["confirm_delete"] = item.id
            if st.session_state.get("confirm_delete") == item.id:
                st.warning(t("confirm_delete", lang))
                y, n = st.columns(2)
                if y.button(t("yes_delete", lang), key=f"yes:{item.id}", type="primary"):
                    store.delete(item.id)
                    st.session_state.pop("confirm_delete", None)
                    if state.open_id() == item.id:
                        state.set_open(None)
                        st.query_params.clear()
                    state.flash(t("deleted", lang))
                    st.rerun()
                if n.button(t("cancel", lang), key=f"no:{item.id}"):
                    st.session_state.pop("confirm_delete", None)
                    st.rerun()
    trash(lang)


def tr_title(q: object, lang: str) -> str:
    from app.core.text import tr

    return tr(getattr(q, "title", None), lang) if q is not None else ""


def trash(lang: str) -> None:
    store = state.store()
    deleted = store.deleted()
    if not deleted:
        return
    with st.expander(t("trash", lang, count=len(deleted))):
        st.caption(t("trash_intro", lang))
        for item in deleted:
            row = st.container(key=f"bka-row-trash-{item.id}")  # buttons named by title
            c1, c2, c3 = row.columns([5, 1, 1])
            c1.text(plain(item.title))
            if c2.button(t("restore", lang), key=f"restore:{item.id}"):
                store.restore(item.id)
                state.flash(t("restored", lang))
                st.rerun()
            if c3.button(t("purge", lang), key=f"purge:{item.id}"):
                st.session_state["confirm_purge"] = item.id
            if st.session_state.get("confirm_purge") == item.id:
                st.warning(t("confirm_purge", lang))
                if st.button(t("yes_purge", lang), key=f"yes_purge:{item.id}", type="primary"):
                    erase_for_good(store, item.id, data_dir())
                    st.session_state.pop("confirm_purge", None)
                    state.flash(t("purged", lang))
                    st.rerun()
