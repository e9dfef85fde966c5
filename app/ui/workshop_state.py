"""Workshop state of a session: the trainer's open workshop, or the group a session joined.

A joined session belongs to one group: it may open only that group's assessment. The group is
checked again on every run, so closing the workshop ends every group's session at once, and
the code rides in the address (?kod=) so that a reload finds the group again.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from app.core.models.case import Case
from app.core.models.workshop import Group, Workshop
from app.shipped import cases
from app.store import data_dir
from app.store.workshop_errors import ExpiredCode, WorkshopError
from app.store.workshops import WorkshopStore
from app.ui import state

JOINED_KEY = "workshop_joined"  #: the join code of this session's group
ENDED_KEY = "workshop_ended"  #: the code that stopped working while this session used it
OPEN_KEY = "workshop_open"  #: the trainer's open workshop
CODE_PARAM = "kod"


@dataclass(frozen=True)
class Joined:
    workshop: Workshop
    group: Group


def store() -> WorkshopStore:
    return WorkshopStore(state.store(), data_dir())


def case_of(workshop: Workshop) -> Case | None:
    return next((c for c in cases() if c.id == workshop.case), None)


def join(code: str) -> Joined:
    """Make this session the code's group; raises WorkshopError for a wrong or expired code."""
    workshop, group = store().join(code)
    st.session_state[JOINED_KEY] = group.code
    st.session_state.pop(ENDED_KEY, None)
    state.set_open(group.assessment_id)
    st.session_state.pop("step", None)
    return Joined(workshop, group)


def leave() -> None:
    st.session_state.pop(JOINED_KEY, None)
    state.set_open(None)
    st.query_params.clear()


def joined() -> Joined | None:
    """This session's group, checked against the store; pins the open assessment to it."""
    code = st.session_state.get(JOINED_KEY) or st.query_params.get(CODE_PARAM)
    if not code:
        return None
    try:
        workshop, group = store().join(code)
    except WorkshopError as exc:
        # Closed under this session, or a reload after closing: the join page says why.
        if st.session_state.pop(JOINED_KEY, None) or isinstance(exc, ExpiredCode):
            st.session_state[ENDED_KEY] = getattr(exc, "code", code)
            state.set_open(None)
        st.query_params.clear()
        return None
    st.session_state[JOINED_KEY] = group.code
    if state.open_id() != group.assessment_id:
        state.set_open(group.assessment_id)  # never another group's (or anyone's) assessment
    st.query_params[CODE_PARAM] = group.code
    return Joined(workshop, group)


def may_save() -> bool:
    """False when this session is a group whose workshop was closed: its answers are final."""
    code = st.session_state.get(JOINED_KEY)
    if not code:
        return True
    try:
        store().join(code)
    except WorkshopError:
        return False
    return True
