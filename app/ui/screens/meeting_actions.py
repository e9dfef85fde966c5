"""The meeting's actions: one row per action, each field saved on its own, and a form to add."""

from __future__ import annotations

import datetime as dt

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from app.core.minutes_lock import MinutesFinal
from app.core.models.meeting import Action, Meeting
from app.store.meetings import MeetingNotFound
from app.ui.screens import meeting_common as common
from app.ui.screens.meeting_fields import Field, bind, flag_field, key_of
from app.ui.session import state
from app.ui.strings.i18n import t
from app.ui.widgets.questions import field_label

WIDTHS = [5, 3, 2, 2, 2]


def actions_area(meeting: Meeting, lang: str) -> None:
    st.header(t("mt_actions", lang))
    if not meeting.actions:
        st.caption(t("mt_no_actions", lang))
    for row, action in enumerate(meeting.actions, 1):
        action_row(meeting, action, row, lang)
    add_form(meeting, lang)


def action_row(meeting: Meeting, action: Action, row: int, lang: str) -> None:
    """One action; every field with a visible label (rows stack on a narrow screen) and a
    name that says its row ("Vem, åtgärd 2")."""
    what, who, due, done, remove = st.columns(WIDTHS, vertical_alignment="bottom")

    def part(name: str) -> tuple[str, str, str]:
        return ("action", action.id, name)

    def label(column: DeltaGenerator, key: str, shown: str) -> str:
        with column:
            field_label(f"mt-{action.id}-{key}", shown)
        return t("action_field_name", lang, field=t(key, lang), row=row)

    what.text_input(label(what, "mt_action_what", t("action_what_row", lang, row=row)),
                    label_visibility="collapsed",
                    **bind(meeting, Field(part("what"), label=t("mt_action_what", lang))))
    who.text_input(label(who, "mt_action_who", t("mt_action_who", lang)),
                   label_visibility="collapsed",
                   **bind(meeting, Field(part("who"), label=t("mt_action_who", lang))))
    due.date_input(label(due, "mt_action_due", t("mt_action_due", lang)),
                   label_visibility="collapsed", format="YYYY-MM-DD",
                   **bind(meeting, Field(part("due"), label=t("mt_action_due", lang))))
    done.checkbox(t("action_field_name", lang, field=t("mt_action_done", lang), row=row),
                  **bind(meeting, flag_field(part("status"), "done", "open",
                                             t("mt_action_done", lang))))
    remove.button(t("action_remove_row", lang, row=row), icon=":material/delete:",
                  type="tertiary", key=f"mt:remove:{action.id}", on_click=_remove,
                  args=(meeting.id, action.id), disabled=meeting.status == "final")


def add_form(meeting: Meeting, lang: str) -> None:
    if meeting.status == "final":  # locked: app/core/minutes_lock.py
        return
    with st.form(f"mt:add:{meeting.id}", clear_on_submit=True, border=True):
        st.markdown(f"**{t('mt_action_new', lang)}**")
        c1, c2, c3 = st.columns([5, 3, 2])
        what = c1.text_input(t("mt_action_what", lang))
        who = c2.text_input(t("mt_action_who", lang))
        due = c3.date_input(t("mt_action_due", lang), value=None, format="YYYY-MM-DD",
                            min_value=dt.date(2000, 1, 1))
        added = st.form_submit_button(t("mt_action_add", lang), icon=":material/add:")
    if not added:
        return
    if not what.strip():
        st.error(t("mt_action_what_required", lang))
        return
    action = Action(what=what.strip(), who=who.strip(), due=due)
    try:
        common.store().add_action(meeting.id, action)
    except MeetingNotFound:
        state.flash(t("mt_gone", lang), "warning")
        common.set_open(None)
    except MinutesFinal:
        state.flash(t("mt_locked", lang), "warning")
    st.rerun()


def _remove(meeting_id: str, action_id: str) -> None:
    try:
        common.store().remove_action(meeting_id, action_id)
    except (LookupError, MeetingNotFound):
        state.flash(t("mt_action_gone", state.lang()), "warning")
    except MinutesFinal:
        state.flash(t("mt_locked", state.lang()), "warning")
    prefix = key_of(meeting_id, ("action", action_id))
    for key in [k for k in st.session_state if isinstance(k, str) and k.startswith(prefix)]:
        del st.session_state[key]
