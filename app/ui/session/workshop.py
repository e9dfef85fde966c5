"""Workshop state of a session: the trainer's open workshop, or the group a session joined.

A joined session belongs to one group: it may open only that group's assessment. The group is
checked again on every run, so closing the workshop ends every group's session at once, and
the code rides in the address (?kod=) so that a reload finds the group again.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from app.core.access import Holding, Identity
from app.core.join_guard import JoinGuard
from app.core.models.case import Case
from app.core.models.workshop import Group, Workshop
from app.services.case_upload import all_cases
from app.store import data_dir
from app.store.errors import NotFound
from app.store.workshop_errors import (
    ExpiredCode,
    JoinLocked,
    JoinPaused,
    SignedIn,
    UnknownCode,
    WorkshopError,
)
from app.store.workshops import WorkshopStore, workshop_assessment_ids
from app.ui.session import state, trainer_device

JOINED_KEY = "workshop_joined"  #: the join code of this session's group
ENDED_KEY = "workshop_ended"  #: the code that stopped working while this session used it
CLOSED_OWN_KEY = "workshop_closed_own"  #: that code, kept: the group may read its own work
OPEN_KEY = "workshop_open"  #: the trainer's open workshop
DEVICE_KEY = "workshop_device"  #: this session joined a group once: it stays a group device
TRAINER_KEY = "workshop_trainer_of"  #: ids of the workshops whose key this session holds
NEW_KEY = "workshop_new_key"  #: (workshop id, key) of a key made in this session, shown once
JOIN_ERROR_KEY = "workshop_join_error"  #: why a code in the address did not join
REMOTE_KEY = "workshop_remote"  #: the address of another machine this session came from
CODE_PARAM = "kod"


@dataclass(frozen=True)
class Joined:
    workshop: Workshop
    group: Group


def store() -> WorkshopStore:
    return WorkshopStore(state.store(), data_dir())


def case_of(workshop: Workshop) -> Case | None:
    return next((c for c in all_cases(state.catalog(), data_dir()) if c.id == workshop.case),
                None)


@st.cache_resource(show_spinner=False)
def guard() -> JoinGuard:
    """One guard for the server process: every session's join attempts count in it."""
    return JoinGuard()


def client_address() -> str | None:
    """The other machine's address; None for a browser on this machine (Streamlit gives None
    for 127.0.0.1 and ::1; anything that is not a string, as in AppTest, counts as local)."""
    address = st.context.ip_address
    if isinstance(address, str) and address:
        # Once seen from another machine, always: Streamlit answers None for a run in which
        # it has no client at hand, and that must not make the session this machine's user.
        st.session_state[REMOTE_KEY] = address
    remembered = st.session_state.get(REMOTE_KEY)
    return remembered if isinstance(remembered, str) else None


def who() -> str:
    """Whose attempts count together: a client address, or this machine's one session."""
    address = client_address()
    if address:
        return "ip:" + address
    ctx = get_script_run_ctx()
    return "session:" + (ctx.session_id if ctx else "")


def join(code: str) -> Joined:
    """Make this session the code's group; raises WorkshopError for a wrong or expired code,
    JoinPaused after too many wrong codes, JoinLocked when the workshop is locked."""
    from app.ui.session import signin

    if signin.person() is not None:  # an official's session stays the official's
        raise SignedIn()
    g, me = guard(), who()
    wait = g.wait(me)
    if wait:
        raise JoinPaused(wait)
    try:
        workshop, group = store().join(code)
    except UnknownCode:
        g.refused(me, [w.id for w in store().all() if w.status == "open"])
        raise
    except ExpiredCode:
        g.refused(me, [])
        raise
    if g.lockout(workshop.id):
        raise JoinLocked(group.code)
    g.joined(me)
    if group.state != "working":  # back in the room: working again
        store().set_group_state(workshop.id, group.code, "working")
    st.session_state[JOINED_KEY] = group.code
    st.session_state[DEVICE_KEY] = True
    st.session_state.pop(ENDED_KEY, None)
    state.set_open(group.assessment_id)
    st.session_state.pop("step", None)
    return Joined(workshop, group)


def leave() -> None:
    """Back to the join page. The session stays a group device (DEVICE_KEY is kept): leaving
    is no way into the official's pages or another group's work. The trainer sees the group
    as one that left, not as one still working."""
    current = joined()
    if current is not None:
        store().set_group_state(current.workshop.id, current.group.code, "left")
    st.session_state.pop(JOINED_KEY, None)
    state.set_open(None)
    st.query_params.clear()


def joined() -> Joined | None:
    """This session's group, checked against the store; pins the open assessment to it.

    A code in the address joins only a session that is in no group yet, and through join()
    with its limits: a group's session cannot become another group by editing the address.
    """
    code = st.session_state.get(JOINED_KEY)
    if not code:
        typed = st.query_params.get(CODE_PARAM)
        if not typed:
            return None
        try:
            return join(typed)
        except WorkshopError as exc:
            st.query_params.clear()
            if isinstance(exc, ExpiredCode):
                st.session_state[ENDED_KEY] = exc.code
                st.session_state[CLOSED_OWN_KEY] = exc.code
            else:
                st.session_state[JOIN_ERROR_KEY] = exc
            return None
    try:
        workshop, group = store().join(code)
    except WorkshopError as exc:
        # Closed under this session, or a reload after closing: the join page says why.
        st.session_state.pop(JOINED_KEY, None)
        st.session_state[ENDED_KEY] = getattr(exc, "code", code)
        st.session_state[CLOSED_OWN_KEY] = getattr(exc, "code", code)
        state.set_open(None)
        st.query_params.clear()
        return None
    if state.open_id() != group.assessment_id:
        state.set_open(group.assessment_id)  # never another group's (or anyone's) assessment
    state.keep_in_address(CODE_PARAM, group.code)
    return Joined(workshop, group)


def identity() -> Identity:
    """This session, as the access rules in app/core/access.py see it."""
    from app.ui.session import signin as auth

    group = joined()
    login = auth.configured()
    return Identity(local=client_address() is None,
                    group_assessment=group.group.assessment_id if group else None,
                    group_device=bool(st.session_state.get(DEVICE_KEY)),
                    trainer_of=frozenset(st.session_state.get(TRAINER_KEY) or ())
                    | (frozenset() if group or st.session_state.get(DEVICE_KEY)
                       else frozenset(trainer_device.known_workshops())),
                    login=login, person=auth.person() if login else None)


def _current() -> Identity:
    current = st.session_state.get("identity")
    return current if isinstance(current, Identity) else identity()


def holding(assessment_id: str) -> Holding | None:
    """Whose the assessment is, for the rules; None when it is not stored (or in the trash)."""
    try:
        stored = state.store().get(assessment_id)
    except NotFound:
        return None
    return Holding.of(stored, workshop=assessment_id in workshop_assessment_ids())


def may_open(assessment_id: str) -> bool:
    """Whether this session may read that assessment (app/core/access.py)."""
    from app.core.access import may_open_assessment

    who = _current()
    facts = holding(assessment_id) if who.login and not who.in_group else None
    return may_open_assessment(who, assessment_id, facts)


def may_change(assessment_id: str) -> bool:
    """Whether this session may change that assessment's answers and decision."""
    from app.core.access import may_change_assessment

    who = _current()
    facts = holding(assessment_id) if who.login and not who.in_group else None
    return may_change_assessment(who, assessment_id, facts)


def refuse_unless_open(assessment_id: str | None) -> None:
    """Stop the page with a plain sentence when this session may not open the assessment."""
    if assessment_id and not may_open(assessment_id):
        from app.ui.session import signin as auth

        st.error(auth.refusal(state.lang()))
        st.stop()


def hold_key(workshop_id: str) -> None:
    """This session created the workshop or gave its key: it may run it, and so may this
    browser after a reload (a secret it keeps: app/ui/session/trainer_device.py)."""
    st.session_state[TRAINER_KEY] = {*st.session_state.get(TRAINER_KEY, ()), workshop_id}
    trainer_device.remember(workshop_id)


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
