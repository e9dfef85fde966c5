"""Gå med: a group types its code; its session then holds that group's case and assessment."""

from __future__ import annotations

import streamlit as st

from app.core.join_codes import spaced
from app.store.workshop_errors import (
    ExpiredCode,
    JoinLocked,
    JoinPaused,
    SignedIn,
    UnknownCode,
    WorkshopError,
)
from app.ui.safe import md
from app.ui.screens.workshop_case import case_facts, case_file
from app.ui.screens.workshop_closed import own_work
from app.ui.session import state
from app.ui.session import workshop as workshop_state
from app.ui.strings.i18n import t
from app.ui.widgets.countdown import countdown


def render() -> None:
    lang = state.lang()
    joined = workshop_state.joined()
    if joined is None:
        join_form(lang)
    else:
        group_home(joined, lang)


def join_form(lang: str) -> None:
    st.title(t("ws_join_title", lang))
    ended = st.session_state.pop(workshop_state.ENDED_KEY, None)
    if ended:
        st.warning(t("ws_join_ended", lang, code=md(spaced(ended))))
    own_work(lang)  # a group whose workshop closed reads its own analysis here
    failed = st.session_state.pop(workshop_state.JOIN_ERROR_KEY, None)
    if failed is not None:
        st.error(refusal(failed, lang))
    st.write(t("ws_join_intro", lang))
    with st.form("join"):
        code = st.text_input(t("ws_join_code", lang), max_chars=12,
                             placeholder=t("ws_join_placeholder", lang))
        submitted = st.form_submit_button(t("ws_join_button", lang), type="primary")
    if not submitted:
        return
    if not code.strip():
        st.error(t("ws_join_empty", lang))
        return
    try:
        workshop_state.join(code)
    except WorkshopError as exc:  # every refusal gets a sentence, never a traceback
        st.error(refusal(exc, lang))
        return
    st.rerun()


def refusal(exc: WorkshopError, lang: str) -> str:
    """Why a code did not join, in the page's language."""
    if isinstance(exc, SignedIn):
        return t("ws_join_signed_in", lang)
    if isinstance(exc, UnknownCode):
        return t("ws_join_unknown", lang, code=md(exc.code))
    if isinstance(exc, ExpiredCode):
        return t("ws_join_expired", lang, code=md(spaced(exc.code)))
    if isinstance(exc, JoinPaused):
        return t("ws_join_paused", lang, seconds=round(exc.seconds))
    if isinstance(exc, JoinLocked):
        return t("ws_join_locked", lang)
    return md(str(exc))


def group_home(joined: workshop_state.Joined, lang: str) -> None:
    """The group's start page: who they are, what to do, and the case file."""
    st.title(md(joined.group.name))
    st.caption(md(joined.workshop.title) + " · " + t("ws_join_code_is", lang,
                                                       code=spaced(joined.group.code)))
    case = workshop_state.case_of(joined.workshop)
    c1, c2 = st.columns([3, 1])
    c1.info(t("ws_group_intro", lang))
    countdown(joined.workshop.timer_ends, lang, large=True)
    if c2.button(t("ws_group_start", lang) + " →", type="primary", width="stretch"):
        st.switch_page(st.session_state["pages"]["assess"])
    done = joined.group.state == "done"
    if c2.button(t("ws_group_not_done" if done else "ws_group_done", lang), width="stretch",
                 icon=":material/check_circle:"):
        workshop_state.store().set_group_state(joined.workshop.id, joined.group.code,
                                               "working" if done else "done")
        st.rerun()
    if done:
        c1.success(t("ws_group_done_note", lang))
    if c2.button(t("ws_group_leave", lang), width="stretch"):
        workshop_state.leave()
        st.rerun()
    if case is None:
        st.warning(t("ws_case_missing", lang, id=joined.workshop.case))
        return
    st.caption(case_facts(case, lang, trainer=False))
    case_file(case, lang)
