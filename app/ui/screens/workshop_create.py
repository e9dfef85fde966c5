"""Starting a workshop: a case from the library, a name per group, then create."""

from __future__ import annotations

import streamlit as st

from app.core import trainer_key
from app.core.text import tr
from app.services.case_upload import all_cases
from app.store import data_dir
from app.store.workshop_errors import (
    DuplicateGroups,
    LongGroupName,
    NoGroups,
    TooManyGroups,
    WorkshopError,
)
from app.store.workshops import MAX_GROUPS, MAX_NAME
from app.ui.safe import md
from app.ui.screens.workshop_case import case_facts
from app.ui.screens.workshop_trainer import remember_new_key
from app.ui.session import state
from app.ui.session import workshop as workshop_state
from app.ui.strings.i18n import t

PER_ROW = 3  # group name inputs side by side


def create_form(lang: str) -> None:
    st.header(t("ws_new", lang))
    library = {c.id: c for c in all_cases(state.catalog(), data_dir())}  # shipped, uploaded
    case_id = st.selectbox(t("ws_pick_case", lang), list(library),
                           format_func=lambda i: tr(library[i].title, lang), key="ws_case")
    case = library[case_id]
    with st.container(border=True):
        st.write(tr(case.summary, lang))
        st.caption(case_facts(case, lang))
    title = st.text_input(t("ws_title_field", lang), placeholder=tr(case.title, lang),
                          max_chars=200, key="ws_title")
    count = int(st.number_input(t("ws_group_count", lang), min_value=1, max_value=MAX_GROUPS,
                                value=3, step=1, key="ws_count"))
    names = group_inputs(count, lang)
    if st.button(t("ws_create", lang), type="primary", key="ws_create"):
        key = trainer_key.new_key()  # shown once on the next page, stored only as a hash
        try:
            w = workshop_state.store().create(case, names, state.catalog(), title=title,
                                              language=lang,
                                              trainer_key=trainer_key.key_hash(key))
        except WorkshopError as exc:
            st.error(refusal(exc, lang))
            return
        for i in range(count):  # the next workshop starts from fresh default names
            st.session_state.pop(f"ws_group:{i}", None)
        st.session_state[workshop_state.OPEN_KEY] = w.id
        remember_new_key(w.id, key)
        state.flash(t("ws_created", lang, count=len(w.groups)), "toast")
        st.rerun()


def group_inputs(count: int, lang: str) -> list[str]:
    names: list[str] = []
    for start in range(0, count, PER_ROW):
        columns = st.columns(PER_ROW)
        for offset, column in enumerate(columns):
            i = start + offset
            if i >= count:
                break
            key = f"ws_group:{i}"
            st.session_state.setdefault(key, t("ws_group_default", lang, n=i + 1))
            names.append(column.text_input(t("ws_group_name", lang, n=i + 1), key=key,
                                           max_chars=MAX_NAME))
    return names


def refusal(exc: WorkshopError, lang: str) -> str:
    """The store's refusal in the page's language."""
    if isinstance(exc, DuplicateGroups):
        return t("ws_err_duplicate", lang, names=md(", ".join(exc.names)))
    if isinstance(exc, NoGroups):
        return t("ws_err_empty", lang)
    if isinstance(exc, TooManyGroups):
        return t("ws_err_too_many", lang, limit=exc.limit)
    if isinstance(exc, LongGroupName):
        return t("ws_err_long", lang, limit=exc.limit)
    return md(str(exc))
