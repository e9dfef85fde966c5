"""The trainer's key on the Workshop page: asked for, shown once when made, and the lockout
of joining after many wrong codes, which the trainer sees and lifts."""

from __future__ import annotations

import streamlit as st

from app.core import access, trainer_key
from app.core.access import Identity
from app.core.models.workshop import Workshop
from app.ui.safe import md
from app.ui.session import workshop as workshop_state
from app.ui.strings.i18n import t


def trainer_key_form(workshop: Workshop | None, identity: Identity, lang: str) -> None:
    """Ask for the key of `workshop` (or, from another machine, of any open workshop)."""
    if workshop is not None and access.may_list_workshops(identity) and st.button(
            "← " + t("ws_all", lang), type="tertiary"):
        st.session_state.pop(workshop_state.OPEN_KEY, None)
        st.query_params.clear()
        st.rerun()
    st.title(md(workshop.title) if workshop else t("ws_key_title", lang))
    if identity.group_device:
        st.error(t("access_refused", lang))
        return
    if workshop is not None and not workshop.trainer_key:
        _no_key_yet(workshop, identity, lang)
        return
    st.write(t("ws_key_intro", lang))
    with st.form("trainer_key"):
        typed = st.text_input(t("ws_key_field", lang), type="password", max_chars=40)
        submitted = st.form_submit_button(t("ws_key_open", lang), type="primary")
    if not submitted:
        return
    g, me = workshop_state.guard(), "key:" + workshop_state.who()
    wait = g.wait(me)
    if wait:
        st.error(t("ws_join_paused", lang, seconds=round(wait)))
        return
    candidates = [workshop] if workshop else [
        w for w in workshop_state.store().all() if w.status != "archived" and w.trainer_key]
    found = next((w for w in candidates if trainer_key.matches(typed, w.trainer_key)), None)
    if found is None:
        g.refused(me, [])
        st.error(t("ws_key_wrong", lang))
        return
    g.joined(me)
    workshop_state.hold_key(found.id)
    st.session_state[workshop_state.OPEN_KEY] = found.id
    st.rerun()


def _no_key_yet(workshop: Workshop, identity: Identity, lang: str) -> None:
    """A workshop made before trainer keys: only this machine's user may give it one."""
    if not access.may_list_workshops(identity):
        st.error(t("access_refused", lang))
        return
    st.info(t("ws_key_none_yet", lang))
    if st.button(t("ws_key_make", lang), type="primary"):
        key = trainer_key.new_key()
        workshop_state.store().set_trainer_key(workshop.id, trainer_key.key_hash(key))
        remember_new_key(workshop.id, key)
        st.rerun()


def remember_new_key(workshop_id: str, key: str) -> None:
    """This session made the key: it holds it, and the page shows it until acknowledged."""
    workshop_state.hold_key(workshop_id)
    st.session_state[workshop_state.NEW_KEY] = (workshop_id, key)


def new_key_notice(w: Workshop, lang: str) -> None:
    made = st.session_state.get(workshop_state.NEW_KEY)
    if not made or made[0] != w.id:
        return
    with st.container(border=True):
        st.warning(t("ws_key_shown_once", lang))
        with st.container(key="bka-trainer-key"):
            st.text(made[1])
        if st.button(t("ws_key_noted", lang), key="ws_key_noted"):
            st.session_state.pop(workshop_state.NEW_KEY, None)
            st.rerun()


def lockout_notice(w: Workshop, lang: str) -> None:
    lock = workshop_state.guard().lockout(w.id)
    if lock is None:
        return
    st.error(t("ws_locked", lang, wrong=lock.wrong))
    if st.button(t("ws_lift", lang), type="primary", key=f"ws_lift:{w.id}"):
        workshop_state.guard().lift(w.id)
        st.toast(t("ws_lifted", lang))
        st.rerun()
